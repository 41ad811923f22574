/// \file iati_problems.cpp
/// \brief Strict and lenient reporting of the IATI reader's problems (see iati_problems.hpp).

#include "iati_problems.hpp"

#include <aidtrack/core/error.hpp>

namespace aidtrack::iati_detail {

void ProblemReport::problem(Severity severity, bool parse, const std::string& rule, const std::string& message,
                            std::uint32_t line, const std::string& element) {
    SourceLocation where{file_, line, element};
    if (strict_) {
        if (parse) throw ParseError(message, std::move(where), rule);
        throw ValidationError(message, std::move(where), rule);
    }
    Diagnostic d{severity, parse ? "ParseError" : "ValidationError", rule, message, std::move(where)};
    if (in_activity_) {
        pending_.push_back(std::move(d));
    } else {
        commit(std::move(d));
    }
}

void ProblemReport::commit(Diagnostic d) {
    portfolio_.add_diagnostic(d);
    diagnostics_.push_back(std::move(d));
}

void ProblemReport::end_activity(bool keep) {
    in_activity_ = false;
    if (keep) {
        for (auto& d : pending_) commit(std::move(d));
    }
    pending_.clear();
}

}  // namespace aidtrack::iati_detail
