#pragma once
/// \file conversion_dates.hpp
/// \brief The conversion-date rule (core/conversion_date.hpp) applied to each kind of money record.
///
/// Every place that converts a transaction, budget or planned disbursement asks these functions
/// for the date of the rate, so that a figure converted in a total, an aggregate, a measure, the
/// command line or the report uses the same rate.

#include <aidtrack/core/conversion_date.hpp>
#include <aidtrack/model/budget.hpp>
#include <aidtrack/model/transaction_table.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace aidtrack {

/// \brief The date whose rate converts transaction `t`: its value date, else its date (not a
/// date when it has neither).
[[nodiscard]] inline Date conversion_date(const Transaction& t) { return conversion_date(t.value_date, t.date); }

/// \brief The day number whose rate converts row `row` of `table` (day_number::kNone when the row
/// has neither a value date nor a date); the column form for scans.
[[nodiscard]] inline std::int32_t conversion_day(const TransactionTable& table, std::size_t row) noexcept {
    return conversion_day(table.value_date[row], table.date[row]);
}

/// \brief The date whose rate converts row `row` of `table`, or nullopt when the row has no date at all.
[[nodiscard]] inline std::optional<Date> conversion_date(const TransactionTable& table, std::size_t row) {
    const std::int32_t day = conversion_day(table, row);
    if (day == day_number::kNone) return std::nullopt;
    return day_number::to_date(day);
}

/// \brief The date whose rate converts a budget: its value date, else the start of its period.
[[nodiscard]] inline Date conversion_date(const Budget& b) { return conversion_date(b.value_date, b.period.start()); }

/// \brief The date whose rate converts a planned disbursement: its value date, else the start of its period.
[[nodiscard]] inline Date conversion_date(const PlannedDisbursement& pd) {
    return conversion_date(pd.value_date, pd.period.start());
}

}  // namespace aidtrack
