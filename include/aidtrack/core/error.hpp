#pragma once
/// \file error.hpp
/// \brief The library's exception hierarchy and the AIDTRACK_REQUIRE check.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace aidtrack {

/// \brief Where a problem was found: file, line and element, each optional.
struct SourceLocation {
    std::string file;        ///< path or named source; empty when unknown
    std::uint32_t line = 0;  ///< 1-based line; 0 when unknown
    std::string element;     ///< XML element or CSV column; empty when unknown

    /// "FILE:LINE: <element>" with the unknown parts left out.
    [[nodiscard]] std::string to_string() const {
        std::string out = file;
        if (line != 0) out.append(out.empty() ? "line " : ":").append(std::to_string(line));
        if (!element.empty()) out.append(out.empty() ? "<" : ": <").append(element).append(">");
        return out;
    }
    [[nodiscard]] bool empty() const noexcept { return file.empty() && line == 0 && element.empty(); }
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// \brief Base of every exception aidtrack throws; carries the place and the rule broken.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, SourceLocation where = {}, std::string rule = {})
        : std::runtime_error(compose(message, where, rule)),
          message_(message),
          where_(std::move(where)),
          rule_(std::move(rule)) {}

    /// The message without the location prefix.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] const SourceLocation& where() const noexcept { return where_; }
    /// The rule broken (e.g. "percentages-sum-to-100"); empty when not a rule.
    [[nodiscard]] const std::string& rule() const noexcept { return rule_; }
    /// Short class name used in `FILE:LINE: CLASS: message` lines.
    [[nodiscard]] virtual const char* kind() const noexcept { return "Error"; }

private:
    static std::string compose(const std::string& message, const SourceLocation& where, const std::string& rule) {
        std::string out = where.empty() ? std::string{} : where.to_string();
        if (!out.empty()) out.append(": ");
        out.append(message);
        if (!rule.empty()) out.append(" [").append(rule).append("]");
        return out;
    }
    std::string message_;
    SourceLocation where_;
    std::string rule_;
};

/// \brief Declares an Error subclass whose kind() is its own name.
#define AIDTRACK_DEFINE_ERROR(Name, Base)                                          \
    class Name : public Base {                                                     \
    public:                                                                        \
        using Base::Base;                                                          \
        [[nodiscard]] const char* kind() const noexcept override { return #Name; } \
    }

/// \brief Text that cannot be read as the value it should hold (number, date, code).
AIDTRACK_DEFINE_ERROR(ParseError, Error);
/// \brief Data that is well formed but breaks a rule of the model or the standard.
AIDTRACK_DEFINE_ERROR(ValidationError, Error);
/// \brief Amounts in different currencies combined without a conversion, or an unknown code.
AIDTRACK_DEFINE_ERROR(CurrencyError, Error);
/// \brief An exchange rate asked for that the table does not hold.
AIDTRACK_DEFINE_ERROR(RateNotFoundError, Error);
/// \brief A file that cannot be opened, read or written.
AIDTRACK_DEFINE_ERROR(IoError, Error);
/// \brief An archive that is truncated, corrupted, foreign or of an unknown version.
AIDTRACK_DEFINE_ERROR(ArchiveError, Error);
/// \brief A lookup by identifier that found nothing.
AIDTRACK_DEFINE_ERROR(NotFoundError, Error);
/// \brief Arithmetic that would overflow the exact representation.
AIDTRACK_DEFINE_ERROR(OverflowError, Error);

}  // namespace aidtrack

/// \brief Throws aidtrack::ErrorType(message) when cond is false; message may use `+`.
#define AIDTRACK_REQUIRE_AS(ErrorType, cond, message) \
    do {                                              \
        if (!(cond)) throw ErrorType(message);        \
    } while (false)

/// \brief Throws aidtrack::ValidationError(message) when cond is false.
#define AIDTRACK_REQUIRE(cond, message) AIDTRACK_REQUIRE_AS(::aidtrack::ValidationError, cond, message)
