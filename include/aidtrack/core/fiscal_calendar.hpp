#pragma once
/// \file fiscal_calendar.hpp
/// \brief Fiscal years that start on any day of the year, with the presets of the sector's donors.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/period.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief A fiscal year that starts every year on the same month and day; a cheap value.
///
/// A fiscal year is identified by the calendar year in which it **starts**: with an Australian
/// calendar (1 July), fiscal year 2023 runs 2023-07-01 to 2024-06-30 and is labelled
/// "FY2023-24". A calendar starting on 1 January gives plain years labelled "2023".
class FiscalCalendar {
public:
    /// Calendar years (1 January).
    FiscalCalendar() = default;
    /// A year starting on `start_month`/`start_day`; 29 February is refused (it does not recur).
    explicit FiscalCalendar(int start_month, int start_day = 1, std::string name = {});

    [[nodiscard]] int start_month() const noexcept { return start_month_; }
    [[nodiscard]] int start_day() const noexcept { return start_day_; }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }

    /// The fiscal year (by its starting calendar year) that contains `date`.
    [[nodiscard]] int fiscal_year_of(const Date& date) const noexcept;
    /// Same, for a column day number (see day_number); kNone gives 0.
    [[nodiscard]] int fiscal_year_of_day(std::int32_t day) const noexcept;
    /// The days of fiscal year `fiscal_year`.
    [[nodiscard]] Period period_of(int fiscal_year) const;
    /// "2023" for calendar years, otherwise "FY2023-24".
    [[nodiscard]] std::string label(int fiscal_year) const;
    /// Fiscal years overlapped by `period`, in order.
    [[nodiscard]] std::vector<int> fiscal_years_in(const Period& period) const;

    /// Spreads `amount` over `period` by days into this calendar's fiscal years, exactly.
    [[nodiscard]] std::map<int, Decimal> prorate(Decimal amount, const Period& period, int places = 2) const;
    /// Re-buckets amounts per fiscal year of `from` into this calendar's fiscal years, by days.
    [[nodiscard]] std::map<int, Decimal> rebucket(const std::map<int, Decimal>& amounts, const FiscalCalendar& from,
                                                  int places = 2) const;

    /// Looks up a named preset ("cambodia", "australia", "united-kingdom", "canada", "japan",
    /// "united-states", "norway", "switzerland", "calendar"); throws NotFoundError otherwise.
    [[nodiscard]] static FiscalCalendar preset(std::string_view name);
    /// Names accepted by preset().
    [[nodiscard]] static std::vector<std::string> preset_names();

    friend bool operator==(const FiscalCalendar& a, const FiscalCalendar& b) noexcept {
        return a.start_month_ == b.start_month_ && a.start_day_ == b.start_day_;
    }

private:
    int start_month_ = 1;
    int start_day_ = 1;
    std::string name_ = "calendar";
};

}  // namespace aidtrack
