#pragma once
/// \file period.hpp
/// \brief Closed date intervals, day-count overlap and exact pro-rating by days.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>

#include <string>
#include <vector>

namespace aidtrack {

/// \brief A closed interval of days [start, end]; start ≤ end is enforced.
class Period {
public:
    Period() = default;
    /// Throws ValidationError when end is before start.
    Period(Date start, Date end);

    [[nodiscard]] const Date& start() const noexcept { return start_; }
    [[nodiscard]] const Date& end() const noexcept { return end_; }
    /// Number of days, both ends included.
    [[nodiscard]] long days() const noexcept { return (end_ - start_).days() + 1; }
    [[nodiscard]] bool contains(const Date& d) const noexcept { return d >= start_ && d <= end_; }
    /// Days shared with another period (0 when disjoint).
    [[nodiscard]] long overlap_days(const Period& other) const noexcept;
    /// "YYYY-MM-DD/YYYY-MM-DD" (ISO 8601 interval).
    [[nodiscard]] std::string to_string() const { return to_iso(start_) + "/" + to_iso(end_); }
    /// The calendar year as a period.
    [[nodiscard]] static Period calendar_year(int year);

    friend bool operator==(const Period&, const Period&) = default;

private:
    Date start_{1970, 1, 1};
    Date end_{1970, 1, 1};
};

/// \brief Splits `amount` spread evenly by day over `source` into the `targets`, exactly.
///
/// Each target receives amount × overlap_days / source.days(), rounded to `places` decimals by
/// the largest-remainder method, so that the pieces add back to the part of `amount` that falls
/// in the targets to the last unit: when the targets cover `source`, they sum to `amount`.
/// Targets must not overlap one another.
[[nodiscard]] std::vector<Decimal> prorate_by_days(Decimal amount, const Period& source,
                                                   const std::vector<Period>& targets, int places = 2);

/// \brief Splits `amount` by integer weights exactly (largest remainder at `places` decimals).
/// The pieces always add back to `amount`; all-zero weights throw ValidationError.
[[nodiscard]] std::vector<Decimal> split_by_weights(Decimal amount, const std::vector<Decimal::Raw>& weights,
                                                    int places = 2);

}  // namespace aidtrack
