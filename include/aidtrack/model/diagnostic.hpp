#pragma once
/// \file diagnostic.hpp
/// \brief Warnings and errors collected while reading messy data.

#include <aidtrack/core/error.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief How serious a diagnostic is: a warning keeps the record, an error drops it.
enum class Severity : std::uint8_t { warning = 0, error = 1 };

/// \brief One problem found in the data, with its place and the rule it broke.
struct Diagnostic {
    Severity severity = Severity::warning;
    std::string kind;  ///< error class name, e.g. "ParseError", "ValidationError"
    std::string rule;  ///< short rule id, e.g. "percentages-sum-to-100"
    std::string message;
    SourceLocation where;

    /// "FILE:LINE: CLASS: message" as `aidtrack validate` prints it.
    [[nodiscard]] std::string to_string() const {
        std::string out;
        out.reserve(where.file.size() + kind.size() + message.size() + rule.size() + where.element.size() + 32);
        out.append(where.file.empty() ? "<input>" : where.file);
        out.append(":").append(std::to_string(where.line)).append(": ").append(kind).append(": ").append(message);
        if (!where.element.empty()) out.append(" (<").append(where.element).append(">)");
        if (!rule.empty()) out.append(" [").append(rule).append("]");
        return out;
    }
    /// From a caught Error.
    [[nodiscard]] static Diagnostic from(const Error& e, Severity severity = Severity::warning) {
        return {severity, e.kind(), e.rule(), e.message(), e.where()};
    }
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// \brief The diagnostics of one operation, in the order found.
using Diagnostics = std::vector<Diagnostic>;

}  // namespace aidtrack
