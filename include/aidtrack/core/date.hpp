#pragma once
/// \file date.hpp
/// \brief Calendar dates on Boost.Date_Time and their compact column form.

#include <aidtrack/core/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace aidtrack {

/// \brief A calendar date (proleptic Gregorian, as in ISO 8601).
using Date = boost::gregorian::date;

/// Parses an ISO 8601 date "YYYY-MM-DD", also accepting a trailing time ("2023-01-31T00:00:00Z"),
/// as IATI's xsd:date and xsd:dateTime allow. Throws ParseError for impossible dates (2023-02-30).
[[nodiscard]] Date parse_date(std::string_view text);
/// Like parse_date() but returns false and sets `why` instead of throwing.
[[nodiscard]] bool try_parse_date(std::string_view text, Date& out, std::string* why = nullptr) noexcept;
/// "YYYY-MM-DD".
[[nodiscard]] std::string to_iso(const Date& date);
/// Builds a date from year, month and day; throws ParseError when it does not exist.
[[nodiscard]] Date make_date(int year, int month, int day);

/// \brief Dates in columns: days since 1970-01-01 as int32, with a sentinel for "no date".
namespace day_number {
inline constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::min();
/// The column value of a date.
[[nodiscard]] std::int32_t from_date(const Date& date);
/// The date of a column value; throws ValidationError for kNone.
[[nodiscard]] Date to_date(std::int32_t days);
/// The column value of an optional date.
[[nodiscard]] inline std::int32_t from_optional(const std::optional<Date>& date) {
    return date ? from_date(*date) : kNone;
}
/// The calendar year of a column value (kNone gives 0); fast, no Boost call.
[[nodiscard]] int year_of(std::int32_t days) noexcept;
}  // namespace day_number

}  // namespace aidtrack
