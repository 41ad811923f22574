/// \file funding.cpp
/// \brief The funding section: support by year and by donor, the reconciliation of published
/// dollars with the report's own conversion, and project flows by provider.

#include "sections.hpp"

#include <aidtrack/model/transaction_type.hpp>
#include <aidtrack/report/svg_chart.hpp>

#include <algorithm>

namespace aidtrack::report::detail {
namespace {

// The preferred published row of each year: donors stated and the publisher's total.
struct PublishedYear {
    Decimal total;
    std::optional<std::int64_t> donors;
    std::string source;
    bool donor_table = false;  // the total is the one printed under a full donor table
};

std::map<int, PublishedYear> published_years(const ReportOptions& o) {
    std::map<int, PublishedYear> out;
    if (!o.published_totals) return out;
    const Table& t = *o.published_totals;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::int64_t>(r, "preferred") != 1 || !t.defined(r, "international_usd")) continue;
        PublishedYear y{t.at<Decimal>(r, "international_usd"), std::nullopt, t.at<std::string>(r, "source"),
                        t.at<std::string>(r, "table") == "donor table"};
        if (t.defined(r, "donors")) y.donors = t.at<std::int64_t>(r, "donors");
        out[static_cast<int>(t.at<std::int64_t>(r, "year"))] = y;
    }
    return out;
}

// The strategy's published requirement for single years ("annual requirement" rows).
std::map<int, Decimal> annual_requirements(const ReportOptions& o) {
    std::map<int, Decimal> out;
    if (!o.funding_needs) return out;
    const Table& t = *o.funding_needs;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::string>(r, "scope") != "annual requirement" || !t.defined(r, "period_start") ||
            !t.defined(r, "period_end"))
            continue;
        const auto first = t.at<std::int64_t>(r, "period_start");
        if (first != t.at<std::int64_t>(r, "period_end")) continue;
        out[static_cast<int>(first)] = t.at<Decimal>(r, "amount_usd");
    }
    return out;
}

// The international series with the publisher's own total where it is given (a table whose donor
// rows add up to a little more than its total keeps the rows in the series; the table shows the
// printed total); `differ` receives the years whose printed total differs from the rows.
std::map<int, Decimal> printed_totals(Context& c, const std::map<int, PublishedYear>& published,
                                      std::vector<int>& differ) {
    std::map<int, Decimal> international = c.international();
    for (auto& [y, v] : international) {
        const auto p = published.find(y);
        if (p == published.end() || p->second.total == v) continue;
        differ.push_back(y);
        v = p->second.total;
    }
    return international;
}

// The summary lines of the yearly support: first and last international totals, the latest
// national contribution and the pledge.
void support_summary(const Context& c, const std::map<int, Decimal>& international,
                     const std::map<int, Decimal>& national, const std::map<int, Decimal>& pledged, Section& s) {
    if (!international.empty()) {
        const auto& [first_year, first] = *international.begin();
        const auto& [last_year, last] = *international.rbegin();
        s.summary.push_back("International support (Landmine Monitor): " + millions(first, c.o.currency) + " in " +
                            std::to_string(first_year) + ", " + millions(last, c.o.currency) + " in " +
                            std::to_string(last_year) + " (" + std::to_string(international.size()) +
                            " years published).");
    }
    if (!national.empty()) {
        const auto& [y, v] = *national.rbegin();
        s.summary.push_back("National contribution: " + millions(v, c.o.currency) + " in " + std::to_string(y) +
                            (pledged.empty() ? std::string()
                                             : "; " + millions(pledged.begin()->second, c.o.currency) +
                                                   " a year pledged from " + std::to_string(pledged.begin()->first)) +
                            ".");
    }
}

void support_by_year(Context& c, Section& s) {
    const auto published = published_years(c.o);
    std::vector<int> differ;
    const std::map<int, Decimal> international = printed_totals(c, published, differ);
    const auto& national = c.national();
    const auto& pledged = c.national_pledged();
    if (international.empty() && national.empty()) return;
    const auto required = annual_requirements(c.o);
    const std::string cur = c.o.currency.str();
    Table table("Support to mine action by year");
    table.add_column<std::int64_t>("year");
    table.add_column<Decimal>("international_" + cur,
                              "international contributions as published (series " + c.o.international_series + ")");
    table.add_column<std::int64_t>("donors", "donors the publisher counts for the year");
    table.add_column<Decimal>("national_" + cur, "the government's own contribution as published");
    table.add_column<Decimal>("national_pledged_" + cur, "national contribution pledged");
    table.add_column<Decimal>("strategy_requirement_" + cur,
                              "the national strategy's published requirement for the year");
    std::set<int> years;
    for (const std::map<int, Decimal>* m :
         std::initializer_list<const std::map<int, Decimal>*>{&international, &national, &pledged, &required}) {
        for (const auto& [y, v] : *m) {
            if (y <= c.year || m == &pledged) years.insert(y);
        }
    }
    BarChart chart;
    chart.title = "International and national support to mine action (" + cur + ")";
    chart.x_label = "year";
    chart.y_label = cur;
    chart.series = {{"international", {}, {}}, {"national", {}, {}}, {"national pledge", {}, {}}};
    auto cell = [&](std::size_t col, const std::map<int, Decimal>& m, int y) -> std::optional<double> {
        const auto it = m.find(y);
        if (it == m.end()) {
            table.push_undefined(col);
            return std::nullopt;
        }
        table.push<Decimal>(col, it->second);
        return it->second.to_double();
    };
    for (int y : years) {
        table.push<std::int64_t>(0, y);
        chart.categories.push_back(std::to_string(y));
        chart.series[0].values.push_back(cell(1, international, y));
        const auto p = published.find(y);
        if (p != published.end() && p->second.donors) {
            table.push<std::int64_t>(2, *p->second.donors);
        } else {
            table.push_undefined(2);
        }
        chart.series[1].values.push_back(cell(3, national, y));
        chart.series[2].values.push_back(cell(4, pledged, y));
        static_cast<void>(cell(5, required, y));
    }
    table.add_note(
        "International: the publisher's yearly totals (Landmine Monitor, 'Support for mine action'); a year the "
        "publisher gives "
        "no figure for is left out, never filled in.");
    table.add_note(
        "National: the government's own spending on mine action as published; pledges are shown apart and never "
        "added.");
    if (!required.empty())
        table.add_note("Strategy requirement: the yearly amounts the national strategy published as needed.");
    for (int y : differ) {
        table.add_note(std::to_string(y) + ": the printed total is shown; the publisher's donor rows add up to " +
                       c.international().at(y).to_string() + " (see the reconciliation table).");
    }
    s.tables.push_back(std::move(table));
    if (chart.categories.size() > 1) s.charts.push_back({chart.title, render_svg(chart)});
    support_summary(c, international, national, pledged, s);
}

void support_by_donor(Context& c, Section& s) {
    const auto& by_donor = c.international_by_donor();
    const auto& international = c.international();
    Table parts("International support by donor and year");
    parts.add_column<std::int64_t>("year");
    parts.add_column<std::string>("donor",
                                  "the donor's name; '(not named)' = the part of the total no donor is named for");
    parts.add_column<std::string>("donor_ref", "organisation identifier");
    parts.add_column<Decimal>("amount_" + c.o.currency.str());
    parts.add_column<double>("share_of_total", "amount / the year's international total");
    std::size_t years = 0;
    for (const auto& [y, donors] : by_donor) {
        if (donors.size() == 1 && donors.begin()->first.empty()) continue;  // a total only: no donor named
        ++years;
        std::vector<std::pair<Decimal, std::string>> ranked;
        for (const auto& [ref, v] : donors) ranked.emplace_back(v, ref);
        // Largest first; the unnamed rest last.
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
            if (a.second.empty() != b.second.empty()) return b.second.empty();
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        const double total = international.at(y).to_double();
        for (const auto& [v, ref] : ranked) {
            parts.push<std::int64_t>(0, y);
            parts.push<std::string>(1, c.org_name(ref));
            parts.push<std::string>(2, ref);
            parts.push<Decimal>(3, v);
            parts.push<double>(4, v.to_double() / total, total != 0);
        }
    }
    if (parts.row_count() == 0) return;
    parts.add_note(
        "The rows of a year add up to its total in 'Support to mine action by year': a donor's part is never added "
        "beside it.");
    s.summary.push_back("Donor tables for " + std::to_string(years) +
                        " year(s): each donor's contribution by name (see 'International support "
                        "by donor and year').");
    s.tables.push_back(std::move(parts));
}

// A year of the published donor table: its rows, the publisher's dollars, the report's conversion.
struct ReconciledYear {
    std::int64_t donors = 0;
    Decimal published;
    Decimal published_converted;  // published dollars of the rows that could be converted
    Decimal converted;
    std::int64_t not_converted = 0;
};

// One row per published contribution: the publisher's dollars beside the report's conversion of
// the national-currency amount; `years` receives the yearly sums.
Table converted_contributions(Context& c, std::map<int, ReconciledYear>& years) {
    const Table& in = *c.o.published_contributions;
    const std::string cur = c.o.currency.str();
    Table rows("Published contributions converted by the report");
    rows.add_column<std::int64_t>("year");
    rows.add_column<std::string>("donor");
    rows.add_column<std::string>("donor_ref");
    rows.add_column<std::string>("currency", "currency of the published national amount");
    rows.add_column<Decimal>("amount_national", "as published, in the donor's currency");
    rows.add_column<Decimal>("published_USD", "the publisher's US dollars");
    rows.add_column<Decimal>("converted_" + cur, "the national amount at the report's rate for the year");
    rows.add_column<Decimal>("difference_" + cur, "converted − published");
    rows.add_column<std::string>("source");
    for (std::size_t r = 0; r < in.row_count(); ++r) {
        const int y = static_cast<int>(in.at<std::int64_t>(r, "year"));
        if (y > c.year) continue;
        ReconciledYear& year = years[y];
        ++year.donors;
        const Decimal usd = in.at<Decimal>(r, "amount_usd");
        year.published += usd;
        rows.push<std::int64_t>(0, y);
        rows.push<std::string>(1, in.at<std::string>(r, "donor"));
        rows.push<std::string>(2, in.at<std::string>(r, "donor_ref"));
        rows.push<std::string>(3, in.at<std::string>(r, "currency"));
        std::optional<Decimal> converted;
        if (in.defined(r, "amount_national")) {
            const Decimal national = in.at<Decimal>(r, "amount_national");
            rows.push<Decimal>(4, national);
            converted = c.convert(Money(national, CurrencyCode(in.at<std::string>(r, "currency"))), make_date(y, 7, 1));
        } else {
            rows.push_undefined(4);
        }
        rows.push<Decimal>(5, usd);
        if (converted) {
            rows.push<Decimal>(6, *converted);
            rows.push<Decimal>(7, *converted - usd);
            year.converted += *converted;
            year.published_converted += usd;
        } else {
            rows.push_undefined(6);
            rows.push_undefined(7);
            ++year.not_converted;
        }
        rows.push<std::string>(8, in.at<std::string>(r, "source"));
    }
    rows.add_note("One row per donor and year, as published; converted at " + c.convert.rates_source() +
                  " for the year (1 July).");
    return rows;
}

// Per year: the publisher's rows against its printed total, and against the report's conversion;
// `largest_gap` names the year with the largest relative difference.
Table reconciliation_by_year(Context& c, const std::map<int, ReconciledYear>& years, std::string& largest_gap) {
    const std::string cur = c.o.currency.str();
    const auto published = published_years(c.o);
    Table table("Reconciliation of the published dollars with the report's conversion");
    table.add_column<std::int64_t>("year");
    table.add_column<std::int64_t>("donor_rows", "rows of the publisher's donor table");
    table.add_column<Decimal>("published_total_USD", "the total the publisher prints");
    table.add_column<Decimal>("rows_USD", "sum of the publisher's dollars over the donor rows");
    table.add_column<Decimal>("rows_minus_total_USD", "rows − total: 0 when the table adds up");
    table.add_column<Decimal>("converted_" + cur, "the rows' national amounts at the report's rates");
    table.add_column<Decimal>("difference_" + cur, "converted − the publisher's dollars of the same rows");
    table.add_column<double>("difference_share", "difference / the publisher's dollars of the same rows");
    table.add_column<std::int64_t>("rows_not_converted", "rows without a national amount or a rate");
    double largest = -1;
    std::vector<int> partial;
    for (const auto& [y, year] : years) {
        table.push<std::int64_t>(0, y);
        table.push<std::int64_t>(1, year.donors);
        const auto p = published.find(y);
        if (p != published.end()) {
            table.push<Decimal>(2, p->second.total);
            table.push<Decimal>(3, year.published);
            // Rows and total are comparable only under a full donor table; a year whose page
            // prints some rows beside a total from its text is not a table that fails to add up.
            if (p->second.donor_table) {
                table.push<Decimal>(4, year.published - p->second.total);
            } else {
                table.push_undefined(4);
                partial.push_back(y);
            }
        } else {
            table.push_undefined(2);
            table.push<Decimal>(3, year.published);
            table.push_undefined(4);
        }
        const bool any = year.published_converted != Decimal(0);
        if (any) {
            table.push<Decimal>(5, year.converted);
            table.push<Decimal>(6, year.converted - year.published_converted);
            const double share =
                (year.converted - year.published_converted).to_double() / year.published_converted.to_double();
            table.push<double>(7, share);
            if (std::abs(share) > largest) {
                largest = std::abs(share);
                largest_gap = std::to_string(y) + " (" + (share >= 0 ? "+" : "") + percent(share, 1) + ")";
            }
        } else {
            table.push_undefined(5);
            table.push_undefined(6);
            table.push_undefined(7);
        }
        table.push<std::int64_t>(8, year.not_converted);
    }
    table.add_note(
        "The publisher converts each donor's national-currency amount into US dollars; the report converts the same "
        "amounts with " +
        c.convert.rates_source() +
        " for the year (1 July). A difference is the two rate tables' difference, not missing money.");
    for (int y : partial) {
        table.add_note(
            std::to_string(y) +
            ": the page prints only part of the donor table beside a total from its text; rows and total are "
            "not compared.");
    }
    return table;
}

// The publisher's dollars beside the report's own conversion of the national-currency amounts.
void reconciliation(Context& c, Section& s) {
    if (!c.o.published_contributions) return;
    std::map<int, ReconciledYear> years;
    Table rows = converted_contributions(c, years);
    if (years.empty()) return;
    std::string largest_gap;
    Table table = reconciliation_by_year(c, years, largest_gap);
    s.summary.push_back(
        "Reconciliation: the publisher's dollars against the report's conversion of the national-currency amounts "
        "for " +
        std::to_string(years.size()) + " year(s); largest difference " + (largest_gap.empty() ? "none" : largest_gap) +
        ".");
    s.tables.push_back(std::move(table));
    s.tables.push_back(std::move(rows));
}

void project_flows(Context& c, Section& s) {
    struct Cell {
        Decimal committed;
        Decimal incoming;
        Decimal disbursed;
        std::int64_t records = 0;
    };
    std::map<std::pair<std::string, int>, Cell> flows;
    Decimal total;
    std::map<std::string, Decimal> by_provider;
    const Portfolio& projects = c.projects();
    const auto& t = projects.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const int type = t.type[i];
        using T = TransactionType;
        if (!is_any_type(type, {T::incoming_funds, T::outgoing_commitment, T::disbursement, T::expenditure,
                                T::incoming_commitment}))
            continue;
        const Transaction row = t.row(i);
        const int y = row.date.year();
        if (y > c.year) continue;
        const auto v = c.convert(row);
        if (!v || *v == Decimal(0)) continue;
        std::string provider = row.provider_org;
        if (provider.empty() && is_any_type(type, {T::outgoing_commitment, T::disbursement, T::expenditure}))
            provider = projects.activity(row.activity).reporting_org.ref;
        Cell& cell = flows[{provider, y}];
        ++cell.records;
        if (is_any_type(type, {T::outgoing_commitment, T::incoming_commitment})) {
            cell.committed += *v;
        } else if (is_type(type, T::incoming_funds)) {
            cell.incoming += *v;
        } else {
            cell.disbursed += *v;
            by_provider[provider] += *v;
            total += *v;
        }
    }
    if (flows.empty()) {
        s.paragraphs.push_back("No project-level transactions (IATI or programme records) in scope up to " +
                               std::to_string(c.year) + ".");
        return;
    }
    Table table("Project flows by provider and year");
    table.add_column<std::string>("provider", "provider organisation (the publisher for its own spending)");
    table.add_column<std::string>("provider_ref");
    table.add_column<std::int64_t>("year");
    table.add_column<Decimal>("committed", "commitments made or received (types 2, 11)");
    table.add_column<Decimal>("incoming_funds", "incoming funds (type 1)");
    table.add_column<Decimal>("disbursed_or_spent", "disbursements and expenditure (types 3, 4)");
    table.add_column<std::int64_t>("transactions");
    for (const auto& [key, cell] : flows) {
        table.push<std::string>(0, c.org_name(key.first));
        table.push<std::string>(1, key.first);
        table.push<std::int64_t>(2, key.second);
        table.push<Decimal>(3, cell.committed);
        table.push<Decimal>(4, cell.incoming);
        table.push<Decimal>(5, cell.disbursed);
        table.push<std::int64_t>(6, cell.records);
    }
    if (!c.series.empty())
        table.add_note("Project money only: the published aggregates (" + c.series_names() +
                       ") are not added to their parts.");
    table.add_note("Amounts in " + c.o.currency.str() + "; other currencies converted at " + c.convert.rates_source() +
                   ", " + Converter::rule() + ".");
    if (c.convert.failed() > 0) {
        table.add_note(std::to_string(c.convert.failed()) + " transaction(s) left out: no exchange rate (" +
                       c.convert.last_error() + ").");
    }
    std::string largest;
    Decimal most;
    for (const auto& [ref, v] : by_provider) {
        if (v > most) most = v, largest = ref;
    }
    s.summary.push_back("Project flows in scope: " + millions(total, c.o.currency) + " disbursed or spent up to " +
                        std::to_string(c.year) +
                        (largest.empty() ? std::string() : ", largest provider " + c.org_name(largest)) + ".");
    s.tables.push_back(std::move(table));
}

}  // namespace

Section funding(Context& c) {
    Section s{"funding", "Funding by donor and year", true, {}, {}, {}, {}};
    s.paragraphs.push_back(
        "Who paid for mine action, how much, and in which years. Country totals as published (international support, "
        "the "
        "government's own contribution) are kept apart from project flows (programme records and IATI activities), so "
        "that no total is added to its parts.");
    support_by_year(c, s);
    support_by_donor(c, s);
    reconciliation(c, s);
    project_flows(c, s);
    return s;
}

}  // namespace aidtrack::report::detail
