#include <aidtrack/core/fiscal_calendar.hpp>

#include <array>
#include <utility>

namespace aidtrack {
namespace {

struct Preset {
    const char* name;
    int month;
    int day;
};

// Start of each government's fiscal year (source: the finance ministries' budget calendars).
constexpr std::array kPresets = {
    Preset{"calendar", 1, 1},       Preset{"cambodia", 1, 1}, Preset{"australia", 7, 1},
    Preset{"united-kingdom", 4, 1}, Preset{"canada", 4, 1},   Preset{"japan", 4, 1},
    Preset{"united-states", 10, 1}, Preset{"norway", 1, 1},   Preset{"switzerland", 1, 1},
    Preset{"new-zealand", 7, 1},    Preset{"korea", 1, 1},    Preset{"germany", 1, 1},
};

}  // namespace

FiscalCalendar::FiscalCalendar(int start_month, int start_day, std::string name)
    : start_month_(start_month), start_day_(start_day), name_(std::move(name)) {
    if (start_month < 1 || start_month > 12)
        throw ValidationError("fiscal year start month must be 1-12, got " + std::to_string(start_month));
    if (start_month == 2 && start_day == 29) throw ValidationError("a fiscal year cannot start on 29 February");
    (void)make_date(2001, start_month, start_day);  // throws for days that do not exist
    if (name_.empty())
        name_ = start_month == 1 && start_day == 1
                    ? "calendar"
                    : "starts-" + std::to_string(start_month) + "-" + std::to_string(start_day);
}

int FiscalCalendar::fiscal_year_of(const Date& date) const noexcept {
    const int year = date.year();
    const int month = date.month();
    const int day = date.day();
    const bool before_start = month < start_month_ || (month == start_month_ && day < start_day_);
    return before_start ? year - 1 : year;
}

int FiscalCalendar::fiscal_year_of_day(std::int32_t day) const noexcept {
    if (day == day_number::kNone) return 0;
    if (start_month_ == 1 && start_day_ == 1) return day_number::year_of(day);
    return fiscal_year_of(day_number::to_date(day));
}

Period FiscalCalendar::period_of(int fiscal_year) const {
    const Date start = make_date(fiscal_year, start_month_, start_day_);
    const Date next = make_date(fiscal_year + 1, start_month_, start_day_);
    return {start, next - boost::gregorian::days(1)};
}

std::string FiscalCalendar::label(int fiscal_year) const {
    if (start_month_ == 1 && start_day_ == 1) return std::to_string(fiscal_year);
    const int next = (fiscal_year + 1) % 100;
    return "FY" + std::to_string(fiscal_year) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::vector<int> FiscalCalendar::fiscal_years_in(const Period& period) const {
    std::vector<int> out;
    for (int fy = fiscal_year_of(period.start()); fy <= fiscal_year_of(period.end()); ++fy) out.push_back(fy);
    return out;
}

std::map<int, Decimal> FiscalCalendar::prorate(Decimal amount, const Period& period, int places) const {
    const std::vector<int> years = fiscal_years_in(period);
    std::vector<Period> targets;
    targets.reserve(years.size());
    for (int fy : years) targets.push_back(period_of(fy));
    const std::vector<Decimal> pieces = prorate_by_days(amount, period, targets, places);
    std::map<int, Decimal> out;
    for (std::size_t i = 0; i < years.size(); ++i) out[years[i]] = pieces[i];
    return out;
}

std::map<int, Decimal> FiscalCalendar::rebucket(const std::map<int, Decimal>& amounts, const FiscalCalendar& from,
                                                int places) const {
    std::map<int, Decimal> out;
    for (const auto& [fy, amount] : amounts) {
        for (const auto& [target, piece] : prorate(amount, from.period_of(fy), places)) out[target] += piece;
    }
    return out;
}

FiscalCalendar FiscalCalendar::preset(std::string_view name) {
    for (const Preset& p : kPresets) {
        if (name == p.name) return FiscalCalendar(p.month, p.day, p.name);
    }
    throw NotFoundError("no fiscal calendar preset named '" + std::string(name) + "'");
}

std::vector<std::string> FiscalCalendar::preset_names() {
    std::vector<std::string> out;
    for (const Preset& p : kPresets) out.emplace_back(p.name);
    return out;
}

}  // namespace aidtrack
