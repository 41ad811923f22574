#pragma once
/// \file conversion_date.hpp
/// \brief The one rule for the date whose exchange rate converts a dated amount.
///
/// IATI gives every value a `value-date`, "the date to be used for determining the exchange
/// rate for currency conversions"; publishers often leave it out. The rule used everywhere in
/// aidtrack (totals, aggregates, measures, command line, report) is: the value date when there
/// is one, else the record's own date — a transaction's date, or the start of a budget's or
/// planned disbursement's period. Record-level forms live in model/conversion_dates.hpp; this
/// header holds the rule itself on plain dates and on column day numbers.

#include <aidtrack/core/date.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace aidtrack {

/// \brief Short identifier of the conversion-date rule, for notes and machine-readable output.
inline constexpr std::string_view kConversionDateRuleId = "value-date-else-date";

/// \brief The conversion-date rule in words, for reports and notes.
inline constexpr std::string_view kConversionDateRule =
    "value date, else transaction date (period start for budgets and planned disbursements)";

/// \brief The date whose rate converts an amount: `value_date` when present, else `date`.
[[nodiscard]] inline Date conversion_date(const std::optional<Date>& value_date, const Date& date) {
    return value_date ? *value_date : date;
}

/// \brief The same rule on column day numbers (day_number::kNone = no date): `value_day` unless
/// it is kNone, else `day` (which may itself be kNone when the record has no date at all).
[[nodiscard]] constexpr std::int32_t conversion_day(std::int32_t value_day, std::int32_t day) noexcept {
    return value_day != day_number::kNone ? value_day : day;
}

}  // namespace aidtrack
