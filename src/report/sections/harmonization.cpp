/// \file harmonization.cpp
/// \brief The harmonization section: how many donors fund the sector each year, how
/// concentrated their money is (largest share, HHI) and who the largest donors are over time.

#include "sections.hpp"

#include <aidtrack/report/svg_chart.hpp>

#include <algorithm>
#include <cmath>

namespace aidtrack::report::detail {
namespace {

// Ordinary least squares slope of y on x (per year).
double slope(const std::vector<std::pair<int, double>>& points) {
    if (points.size() < 2) return 0;
    double mx = 0;
    double my = 0;
    for (const auto& [x, y] : points) mx += x, my += y;
    mx /= static_cast<double>(points.size());
    my /= static_cast<double>(points.size());
    double num = 0;
    double den = 0;
    for (const auto& [x, y] : points) {
        num += (x - mx) * (y - my);
        den += (x - mx) * (x - mx);
    }
    return den == 0 ? 0 : num / den;
}

// Years whose published total is split over named donors with nothing left unnamed: only there
// are the count of donors and the shares known. `partial` counts the years left out.
using DonorYears = std::map<int, std::map<std::string, Decimal>>;

DonorYears complete_donor_years(Context& c, std::size_t& partial) {
    DonorYears complete;
    for (const auto& [y, donors] : c.international_by_donor()) {
        if (donors.contains("")) {
            partial += donors.size() > 1 ? 1 : 0;
            continue;
        }
        complete[y] = donors;
    }
    return complete;
}

std::vector<std::pair<Decimal, std::string>> ranked_donors(const std::map<std::string, Decimal>& donors) {
    std::vector<std::pair<Decimal, std::string>> ranked;
    for (const auto& [ref, v] : donors) ranked.emplace_back(v, ref);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    return ranked;
}

// Donors, largest share, top-3 share and HHI per year, with their charts.
struct Concentration {
    Table table{"Donors per year and concentration of international support"};
    std::vector<std::pair<int, double>> hhi_points;
    LineChart counts;
    LineChart concentration;
};

Concentration concentration_by_year(Context& c, const DonorYears& complete, std::size_t partial) {
    Concentration out;
    Table& table = out.table;
    table.add_column<std::int64_t>("year");
    table.add_column<std::int64_t>("donors", "donors named in the year's table");
    table.add_column<Decimal>("total_" + c.o.currency.str(), "international support in the year");
    table.add_column<std::string>("largest_donor");
    table.add_column<double>("largest_share", "the largest donor's amount / total");
    table.add_column<double>("top3_share", "the three largest donors' amounts / total");
    table.add_column<double>("hhi", "Herfindahl–Hirschman index Σ sᵢ² (1 = one donor)");
    table.add_column<double>("equivalent_donors", "1 / HHI: the number of equal donors with the same concentration");
    out.counts.title = "Donors per year";
    out.counts.x_label = "year";
    out.counts.y_label = "donors";
    out.counts.series = {{"donors", {}, {}}};
    out.concentration.title = "Concentration of international support (HHI and largest share)";
    out.concentration.x_label = "year";
    out.concentration.y_label = "share";
    out.concentration.series = {{"HHI", {}, {}}, {"largest donor's share", {}, {}}};
    for (const auto& [y, donors] : complete) {
        Decimal total;
        for (const auto& [ref, v] : donors) total += v;
        if (total <= Decimal(0)) continue;
        const auto ranked = ranked_donors(donors);
        const double t = total.to_double();
        double hhi = 0;
        for (const auto& [v, ref] : ranked) hhi += std::pow(v.to_double() / t, 2);
        double top3 = 0;
        for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) top3 += ranked[i].first.to_double() / t;
        const double largest = ranked.front().first.to_double() / t;
        table.push<std::int64_t>(0, y);
        table.push<std::int64_t>(1, static_cast<std::int64_t>(ranked.size()));
        table.push<Decimal>(2, total);
        table.push<std::string>(3, c.org_name(ranked.front().second));
        table.push<double>(4, largest);
        table.push<double>(5, top3);
        table.push<double>(6, hhi);
        table.push<double>(7, 1 / hhi);
        out.hhi_points.emplace_back(y, hhi);
        out.counts.x.push_back(y);
        out.counts.series[0].values.emplace_back(static_cast<double>(ranked.size()));
        out.concentration.x.push_back(y);
        out.concentration.series[0].values.emplace_back(hhi);
        out.concentration.series[1].values.emplace_back(largest);
    }
    table.set_methodology("hhi");
    table.add_note("From the table 'International support by donor and year'; " + std::to_string(partial) +
                   " year(s) with a part no donor is named for are left out, because their shares are not known.");
    return out;
}

void concentration_summary(Context& c, const DonorYears& complete, const Concentration& k, Section& s) {
    const auto& [first_year, first_hhi] = k.hhi_points.front();
    const auto& [last_year, last_hhi] = k.hhi_points.back();
    const double trend = slope(k.hhi_points);
    const std::size_t last_row = k.table.row_count() - 1;
    std::string largest_short;
    Decimal most;
    for (const auto& [ref, v] : complete.rbegin()->second) {
        if (v > most) most = v, largest_short = c.org_short(ref);
    }
    s.summary.push_back(std::to_string(k.table.at<std::int64_t>(last_row, "donors")) + " donors in " +
                        std::to_string(last_year) + "; " + largest_short + " gave " +
                        percent(k.table.at<double>(last_row, "largest_share")) + "; HHI " + fixed(last_hhi, 2) + " (" +
                        fixed(1 / last_hhi, 1) + " equivalent equal donors).");
    if (k.hhi_points.size() > 1) {
        s.summary.push_back("HHI " + fixed(first_hhi, 2) + " in " + std::to_string(first_year) + " → " +
                            fixed(last_hhi, 2) + " in " + std::to_string(last_year) + " over " +
                            std::to_string(k.hhi_points.size()) + " years with donor tables (trend " +
                            (trend >= 0 ? "+" : "") + fixed(trend, 3) + " a year: " +
                            (trend > 0.005    ? "more concentrated"
                             : trend < -0.005 ? "less concentrated"
                                              : "about level") +
                            ").");
        s.charts.push_back({k.counts.title, render_svg(k.counts)});
        s.charts.push_back({k.concentration.title, render_svg(k.concentration)});
    }
}

// The five largest donors over all years with donor tables, year by year (stacked chart).
BarChart largest_donors_chart(Context& c, const DonorYears& complete, const std::vector<std::string>& top) {
    BarChart stacked;
    stacked.title = "The five largest donors over time (" + c.o.currency.str() + ")";
    stacked.x_label = "year";
    stacked.y_label = c.o.currency.str();
    stacked.stacked = true;
    for (const auto& [y, donors] : complete) stacked.categories.push_back(std::to_string(y));
    for (const auto& ref : top) stacked.series.push_back({c.org_short(ref), {}, {}});
    stacked.series.push_back({"other donors", {}, {}});
    for (const auto& [y, donors] : complete) {
        double others = 0;
        for (std::size_t i = 0; i < top.size(); ++i) {
            const auto it = donors.find(top[i]);
            stacked.series[i].values.push_back(it == donors.end() ? std::nullopt
                                                                  : std::optional<double>(it->second.to_double()));
        }
        for (const auto& [ref, v] : donors) {
            if (std::find(top.begin(), top.end(), ref) == top.end()) others += v.to_double();
        }
        stacked.series.back().values.push_back(others > 0 ? std::optional<double>(others) : std::nullopt);
    }
    return stacked;
}

// Every donor's total over the years with donor tables; adds the chart and summary to `s`.
Table largest_donors(Context& c, const DonorYears& complete, Section& s) {
    std::map<std::string, Decimal> overall;
    for (const auto& [y, donors] : complete) {
        Decimal total;
        for (const auto& [ref, v] : donors) total += v;
        if (total <= Decimal(0)) continue;
        for (const auto& [ref, v] : donors) overall[ref] += v;
    }
    const auto ranked = ranked_donors(overall);
    std::vector<std::string> top;
    for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) top.push_back(ranked[i].second);
    Table leaders("Largest donors over the years with donor tables");
    leaders.add_column<std::string>("donor");
    leaders.add_column<std::string>("donor_ref");
    leaders.add_column<std::int64_t>("years_giving", "years with donor tables in which the donor gave");
    leaders.add_column<Decimal>("total_" + c.o.currency.str(), "sum over those years");
    leaders.add_column<double>("share", "of all support in the years with donor tables");
    Decimal all;
    for (const auto& [v, ref] : ranked) all += v;
    const BarChart stacked = largest_donors_chart(c, complete, top);
    for (const auto& [v, ref] : ranked) {
        std::int64_t years = 0;
        for (const auto& [y, donors] : complete) years += donors.contains(ref) ? 1 : 0;
        leaders.push<std::string>(0, c.org_name(ref));
        leaders.push<std::string>(1, ref);
        leaders.push<std::int64_t>(2, years);
        leaders.push<Decimal>(3, v);
        leaders.push<double>(4, v.to_double() / all.to_double());
    }
    std::string names;
    for (std::size_t i = 0; i < top.size() && i < 3; ++i)
        names += (i == 0 ? "" : i + 1 == std::min<std::size_t>(3, top.size()) ? " and " : ", ") + c.org_short(top[i]);
    s.summary.push_back("Largest donors over the " + std::to_string(complete.size()) +
                        " years with donor tables: " + names + " (" +
                        percent((ranked[0].first.to_double() + (ranked.size() > 1 ? ranked[1].first.to_double() : 0) +
                                 (ranked.size() > 2 ? ranked[2].first.to_double() : 0)) /
                                all.to_double()) +
                        " of the money).");
    s.charts.push_back({stacked.title, render_svg(stacked)});
    return leaders;
}

}  // namespace

Section harmonization(Context& c) {
    const std::string title = "Harmonization: donors and concentration";
    std::size_t partial = 0;
    const DonorYears complete = complete_donor_years(c, partial);
    if (complete.empty()) {
        return unavailable("harmonization", title,
                           "no year's international support is published donor by donor, so neither the number of "
                           "donors nor their shares "
                           "are known");
    }
    Section s{"harmonization", title, true, {}, {}, {}, {}};
    s.paragraphs.push_back(
        "How many donors fund mine action each year and how concentrated their money is, from the published donor "
        "tables. "
        "The largest donor's share shows dependence on one donor; the Herfindahl–Hirschman index HHI = Σ sᵢ² of the "
        "donors' shares sᵢ of the year's total is 1 when one donor pays everything and 1/n when n donors pay equal "
        "parts. Only years whose total is split over named donors count.");
    Concentration k = concentration_by_year(c, complete, partial);
    concentration_summary(c, complete, k, s);
    Table leaders = largest_donors(c, complete, s);
    s.tables.push_back(std::move(k.table));
    s.tables.push_back(std::move(leaders));
    return s;
}

}  // namespace aidtrack::report::detail
