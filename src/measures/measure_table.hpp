#pragma once
/// \file measure_table.hpp
/// \brief Private helpers of the measures: donor × year grids, safe ratios, the common columns.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace aidtrack::measures::detail {

/// \brief (donor, fiscal year).
using Key = std::pair<std::string, int>;

/// \brief num / den, or nothing when den is zero (the cell is then undefined, never NaN).
[[nodiscard]] inline std::optional<double> ratio(Decimal num, Decimal den) {
    if (den.is_zero()) return std::nullopt;
    return static_cast<double>(static_cast<long double>(num.raw()) / static_cast<long double>(den.raw()));
}

/// \brief Pushes a ratio, undefined when absent.
inline void push_ratio(Table& t, std::size_t column, std::optional<double> v) {
    if (v)
        t.push<double>(column, *v);
    else
        t.push_undefined(column);
}

/// \brief Adds donor, donor_name, fiscal_year, fiscal_label (columns 0..3).
inline void add_head_columns(Table& t) {
    t.add_column<std::string>("donor", "organisation ref of the donor, or (all) for the year's total");
    t.add_column<std::string>("donor_name", "display name of the donor");
    t.add_column<std::int64_t>("fiscal_year", "government fiscal year, by its starting calendar year");
    t.add_column<std::string>("fiscal_label", "label of the fiscal year");
}

/// \brief Pushes the four head cells of a row.
inline void push_head(Table& t, const Portfolio& p, const MeasureOptions& o, const std::string& donor, int fy) {
    t.push<std::string>(0, donor);
    t.push<std::string>(1, donor == kAllDonors ? std::string("all donors") : p.organisation_name(donor));
    t.push<std::int64_t>(2, fy);
    t.push<std::string>(3, o.calendar.label(fy));
}

/// \brief Sums a grid per year into "(all)" rows (Acc needs operator+=).
template <class Acc>
[[nodiscard]] std::map<int, Acc> totals_by_year(const std::map<Key, Acc>& grid) {
    std::map<int, Acc> out;
    for (const auto& [key, acc] : grid) out[key.second] += acc;
    return out;
}

/// \brief Calls fn(donor, year, acc) for every donor row (ordered by donor, year), then for
/// the "(all)" rows when options.totals.
template <class Acc, class Fn>
void for_each_row(const std::map<Key, Acc>& grid, const MeasureOptions& o, Fn&& fn) {
    for (const auto& [key, acc] : grid) fn(key.first, key.second, acc);
    if (o.totals) {
        for (const auto& [fy, acc] : totals_by_year(grid)) fn(std::string(kAllDonors), fy, acc);
    }
}

/// \brief Calls fn(donor, year, terms) for every donor row (ordered by donor, year) with
/// terms = make(acc), then, when options.totals, fn("(all)", year, the sum of that year's donor
/// terms). The country aggregate thus adds each donor's own terms (numerator, denominator, …):
/// where a donor's term is capped (min(D, S) …), one donor's surplus cannot fill another's
/// shortfall. Terms needs a default constructor and operator+=.
template <class Acc, class Make, class Fn>
void for_each_row_of_terms(const std::map<Key, Acc>& grid, const MeasureOptions& o, Make&& make, Fn&& fn) {
    using Terms = std::decay_t<decltype(make(std::declval<const Acc&>()))>;
    std::map<int, Terms> totals;
    for (const auto& [key, acc] : grid) {
        const Terms terms = make(acc);
        fn(key.first, key.second, terms);
        totals[key.second] += terms;
    }
    if (o.totals) {
        for (const auto& [fy, terms] : totals) fn(std::string(kAllDonors), fy, terms);
    }
}

/// \brief Whether fiscal year `fy` is asked for.
[[nodiscard]] inline bool wanted(const MeasureOptions& o, int fy) {
    if (o.years.empty()) return true;
    for (int y : o.years)
        if (y == fy) return true;
    return false;
}

/// \brief Makes sure each asked-for year appears for every donor seen, so that a donor with a
/// schedule and no disbursement still shows a zero (not a missing row).
template <class Acc>
void fill_years(std::map<Key, Acc>& grid, const MeasureOptions& o) {
    if (o.years.empty()) return;
    std::set<std::string> donors;
    for (const auto& [key, acc] : grid) donors.insert(key.first);
    for (const auto& d : donors)
        for (int y : o.years) grid.try_emplace(Key{d, y});
}

/// \brief Copies flow notes and the common parameter notes into a table.
void add_common_notes(Table& t, const MeasureOptions& o, const FlowSet& flows);

/// \brief The one currency of two flow sets (empty ones adopt the other); throws CurrencyError.
[[nodiscard]] CurrencyCode common_currency(const FlowSet& a, const FlowSet& b);

/// \brief Throws ValidationError when `name` is not one of `allowed`; returns `name` or the default.
[[nodiscard]] std::string methodology_or(const MeasureOptions& o, const std::string& fallback,
                                         std::initializer_list<const char*> allowed);

/// \brief A yes/no test on a counted piece of money; nullopt = unknown (counted as no).
struct FlagSpec {
    std::string name;                                           ///< column name of the numerator
    std::string description;                                    ///< what the flag means
    std::function<std::optional<bool>(const FlowPiece&)> test;  ///< the test
};

/// \brief The common shape of share measures: per donor × year the base (denominator), one
/// numerator and share per flag, numerator = sum of the flags in `value_of`, denominator =
/// base × their count, so that value = the mean of their shares exactly.
[[nodiscard]] Table flag_share_table(const Portfolio& p, const MeasureOptions& o, const FlowSet& base,
                                     const std::string& title, const std::string& methodology,
                                     const std::vector<FlagSpec>& flags, const std::vector<std::size_t>& value_of,
                                     const std::string& formula_note);

/// \brief Aid type of transaction `row`: its own, else the activity's default.
[[nodiscard]] std::string aid_type_of(const Portfolio& p, std::size_t row);

}  // namespace aidtrack::measures::detail
