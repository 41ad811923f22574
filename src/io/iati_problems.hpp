#pragma once
/// \file iati_problems.hpp
/// \brief Where the IATI reader's problems go: thrown in strict mode, else kept as diagnostics.

#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <cstdint>
#include <pugixml.hpp>
#include <string>

#include "iati_line_map.hpp"

namespace aidtrack::iati_detail {

/// \brief Reports the problems of one read. Problems of an activity wait until the activity is
/// settled: an activity the selection leaves out takes its problems with it.
class ProblemReport {
public:
    /// Problems go to `portfolio`'s and `diagnostics`; `lines` places nodes in the file.
    ProblemReport(bool strict, const LineMap& lines, Portfolio& portfolio, Diagnostics& diagnostics)
        : strict_(strict), lines_(lines), portfolio_(portfolio), diagnostics_(diagnostics) {}

    /// The file now read, named in every problem.
    void begin_file(std::string name) { file_ = std::move(name); }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] std::uint32_t line_of(const pugi::xml_node& node) const { return lines_.line_of(node); }

    /// A problem of the current file: thrown in strict mode, else kept (pending within an activity).
    void problem(Severity severity, bool parse, const std::string& rule, const std::string& message, std::uint32_t line,
                 const std::string& element);
    /// A warning at `node`.
    void warn(const pugi::xml_node& node, const std::string& rule, const std::string& message, bool parse = false) {
        problem(Severity::warning, parse, rule, message, line_of(node), node.name());
    }
    /// An error at `node`: something is left out.
    void drop(const pugi::xml_node& node, const std::string& rule, const std::string& message, bool parse = false) {
        problem(Severity::error, parse, rule, message, line_of(node), node.name());
    }
    /// Keeps `d` now, in the read's diagnostics and the Portfolio's.
    void commit(Diagnostic d);

    /// An activity begins: its problems wait for end_activity.
    void begin_activity() {
        in_activity_ = true;
        pending_.clear();
    }
    /// The activity is settled: its problems are kept when `keep`, else forgotten.
    void end_activity(bool keep);

private:
    bool strict_;
    const LineMap& lines_;
    Portfolio& portfolio_;
    Diagnostics& diagnostics_;
    std::string file_;
    bool in_activity_ = false;
    Diagnostics pending_;
};

}  // namespace aidtrack::iati_detail
