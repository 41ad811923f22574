#pragma once
/// \file iati_problems.hpp
/// \brief Where the IATI reader's problems go: thrown in strict mode, else kept as diagnostics.

#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "iati_line_map.hpp"

namespace aidtrack::iati_detail {

/// \brief An activity's problems, taken from a ProblemReport before they are kept or forgotten.
struct PendingProblems {
    Diagnostics problems;  ///< in the order they were found
    /// Problems reported once per file: (index in `problems`, what makes two of them the same).
    std::vector<std::pair<std::size_t, std::string>> once;
};

/// \brief Reports the problems of one read. Problems of an activity wait until the activity is
/// settled: an activity the selection leaves out takes its problems with it.
class ProblemReport {
public:
    /// Problems go to `portfolio`'s and `diagnostics`; `lines` places nodes in the file.
    ProblemReport(bool strict, const LineMap& lines, Portfolio& portfolio, Diagnostics& diagnostics)
        : strict_(strict), lines_(lines), portfolio_(&portfolio), diagnostics_(diagnostics) {}
    /// Problems are only recorded in `recorded` (an activity's wait for take_pending), for a
    /// thread that reads activities apart from the read that keeps them.
    ProblemReport(bool strict, const LineMap& lines, Diagnostics& recorded)
        : strict_(strict), lines_(lines), portfolio_(nullptr), diagnostics_(recorded) {}

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
    /// A warning at `node` that the file reports only once for each `key`: the reader that keeps
    /// the activity decides, in file order, which one that is (see PendingProblems::once).
    void warn_once(const pugi::xml_node& node, std::string key, const std::string& rule, const std::string& message);
    /// Keeps `d` now, in the read's diagnostics and the Portfolio's.
    void commit(Diagnostic d);

    /// An activity begins: its problems wait for end_activity.
    void begin_activity() {
        in_activity_ = true;
        pending_.problems.clear();
        pending_.once.clear();
    }
    /// The activity is settled: its problems are kept when `keep`, else forgotten.
    void end_activity(bool keep);
    /// How many problems the current activity has so far.
    [[nodiscard]] std::size_t pending_count() const noexcept { return pending_.problems.size(); }
    /// The activity's problems are handed over, to be kept or forgotten by whoever settles it.
    PendingProblems take_pending() {
        in_activity_ = false;
        return std::exchange(pending_, {});
    }

private:
    bool strict_;
    const LineMap& lines_;
    Portfolio* portfolio_;  // null: problems are only recorded
    Diagnostics& diagnostics_;
    std::string file_;
    bool in_activity_ = false;
    PendingProblems pending_;
};

}  // namespace aidtrack::iati_detail
