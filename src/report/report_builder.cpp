/// \file report_builder.cpp
/// \brief Assembles the aid-effectiveness report's sections from a Portfolio.

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/measures/coordination_queries.hpp>
#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/predictability.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>
#include <aidtrack/measures/results_progress.hpp>
#include <aidtrack/model/land_release.hpp>
#include <aidtrack/report/report_builder.hpp>
#include <aidtrack/report/svg_chart.hpp>
#include <aidtrack/report/table_writer.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

namespace aidtrack::report {
namespace {

constexpr double kM2PerKm2 = 1e6;

std::string fixed(double v, int places) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    return buffer;
}

// "USD 37.70 M" for a terminal line.
std::string millions(const Decimal& d, const CurrencyCode& c) { return c.str() + " " + fixed(d.to_double() / 1e6, 2) + " M"; }

std::string km2(std::int64_t m2) { return fixed(static_cast<double>(m2) / kM2PerKm2, 1) + " km²"; }

void say(const ReportOptions& o, const std::string& line) {
    if (o.progress) o.progress(line);
}

// Money of the portfolio in the report currency: converts other currencies with the rates,
// remembering what could not be converted so that the report can say so.
class Converter {
public:
    Converter(const ReportOptions& o) : options_(o) {}
    std::optional<Decimal> operator()(const Money& m, const Date& date) {
        if (m.currency() == options_.currency) return m.amount();
        try {
            return rates().convert(m, options_.currency, date).value.amount();
        } catch (const Error& e) {
            ++failed_;
            last_error_ = e.what();
            return std::nullopt;
        }
    }
    [[nodiscard]] std::size_t failed() const noexcept { return failed_; }
    [[nodiscard]] const std::string& last_error() const noexcept { return last_error_; }
    [[nodiscard]] std::string rates_source() const { return options_.rates ? "the rates given" : "IMF annual end-of-period rates (data/rates)"; }

private:
    const ExchangeRates& rates() {
        if (options_.rates) return *options_.rates;
        if (!own_) own_ = std::make_unique<ExchangeRates>(ExchangeRates::from_imf_csv(data_file("rates/imf_exchangerates_A_ENDA_USD.csv")));
        return *own_;
    }
    const ReportOptions& options_;
    std::unique_ptr<ExchangeRates> own_;
    std::size_t failed_ = 0;
    std::string last_error_;
};

struct Context {
    const Portfolio& p;
    const ReportOptions& o;
    int year = 0;
    Converter convert;
    std::set<std::uint32_t> series;  // activity indexes of published aggregates
    std::unique_ptr<Portfolio> projects;  // p without the published aggregates, made on first use
};

// The portfolio the donor measures run on: project money only. Published country totals (the
// Landmine Monitor series, the national contribution) are not any activity's disbursements, so
// they can be neither mapped to NMAS goals nor scheduled; counting them would dilute every
// all-donor share. Without such aggregates this is the portfolio itself (no copy).
const Portfolio& project_portfolio(Context& c) {
    if (c.series.empty()) return c.p;
    if (c.projects) return *c.projects;
    auto out = std::make_unique<Portfolio>();
    for (const auto& org : c.p.organisations()) out->upsert_organisation(org);
    std::map<std::uint32_t, std::uint32_t> index;  // old activity index -> new
    for (std::uint32_t a = 0; a < c.p.activity_count(); ++a) {
        if (!c.series.contains(a)) index[a] = out->add_activity(c.p.activity(a));
    }
    const auto& t = c.p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto it = index.find(t.activity[i]);
        if (it == index.end()) continue;
        Transaction row = t.row(i);
        row.activity = it->second;
        out->add_transaction(row);
    }
    for (Budget b : c.p.budgets()) {
        if (const auto it = index.find(b.activity); it != index.end()) {
            b.activity = it->second;
            out->add_budget(std::move(b));
        }
    }
    for (PlannedDisbursement pd : c.p.planned_disbursements()) {
        if (const auto it = index.find(pd.activity); it != index.end()) {
            pd.activity = it->second;
            out->add_planned_disbursement(std::move(pd));
        }
    }
    c.projects = std::move(out);
    return *c.projects;
}

// The activity identifiers of the published aggregates, for the sections' notes.
std::string series_names(const Context& c) {
    std::string out;
    for (const auto index : c.series) out += (out.empty() ? "" : ", ") + c.p.activity(index).identifier;
    return out;
}

int latest_year(const Portfolio& p) {
    int year = 0;
    const auto& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.type[i] == 3 || t.type[i] == 4) year = std::max(year, static_cast<int>(t.row(i).date.year()));
    }
    return year == 0 ? static_cast<int>(Date(boost::gregorian::day_clock::universal_day()).year()) : year;
}

std::string org_label(const Portfolio& p, const std::string& ref) {
    if (ref.empty()) return "(not named)";
    return p.organisation_name(ref);
}

// ---------------------------------------------------------------------------------------------
// Funding by donor and year.

Section funding(Context& c) {
    Section s{"funding", "Funding by donor and year", true, {}, {}, {}, {}};
    const auto& t = c.p.transactions();
    // 1. Published country totals: international (Landmine Monitor) and national contribution.
    std::map<int, Decimal> international;
    std::map<int, Decimal> national;
    std::map<int, Decimal> pledged;
    std::map<int, std::map<std::string, Decimal>> named;  // year -> provider ("" = not named) -> amount
    const auto intl = c.p.find_activity(c.o.international_series);
    const auto nat = c.p.find_activity(c.o.national_series);
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Transaction row = t.row(i);
        const int y = row.date.year();
        if (y > c.year && row.type != 12) continue;
        if (intl && row.activity == *intl && row.type == 3) {
            if (auto v = c.convert(row.value, row.date)) {
                international[y] += *v;
                named[y][row.provider_org] += *v;
            }
        } else if (nat && row.activity == *nat) {
            if (auto v = c.convert(row.value, row.date)) (row.type == 12 ? pledged : national)[y] += *v;
        }
    }
    if (!international.empty() || !national.empty()) {
        Table table("Support to mine action in Cambodia by year");
        table.add_column<std::int64_t>("year");
        table.add_column<Decimal>("international_" + c.o.currency.str(), "international contributions (Landmine Monitor)");
        table.add_column<Decimal>("national_" + c.o.currency.str(), "national contribution of the Royal Government");
        table.add_column<Decimal>("national_pledged_" + c.o.currency.str(), "national contribution pledged");
        std::set<int> years;
        for (const auto* m : {&international, &national, &pledged}) for (const auto& [y, v] : *m) years.insert(y);
        BarChart chart;
        chart.title = "International and national support to mine action in Cambodia";
        chart.x_label = "year";
        chart.y_label = c.o.currency.str();
        chart.series = {{"international (Landmine Monitor)", {}}, {"national contribution", {}}, {"national pledge", {}}};
        for (int y : years) {
            table.push<std::int64_t>(0, y);
            chart.categories.push_back(std::to_string(y));
            std::size_t col = 1;
            for (const auto* m : {&international, &national, &pledged}) {
                auto it = m->find(y);
                if (it == m->end()) {
                    table.push_undefined(col);
                    chart.series[col - 1].values.emplace_back();
                } else {
                    table.push<Decimal>(col, it->second);
                    chart.series[col - 1].values.emplace_back(it->second.to_double());
                }
                ++col;
            }
        }
        table.add_note("International: Landmine Monitor, 'Support for mine action', contributions to Cambodia (activity " + c.o.international_series +
                       "); years the Monitor gives no figure for are left out, not filled in.");
        table.add_note("National: Landmine Monitor; pledges are transactions of type 12 (outgoing pledge) of activity " + c.o.national_series + ".");
        s.tables.push_back(std::move(table));
        s.charts.push_back({chart.title, render_svg(chart)});
        // Years whose total names single donors: the parts shown beside the total, never added to it.
        Table parts("International support by named donor (parts of the yearly total)");
        parts.add_column<std::int64_t>("year");
        parts.add_column<std::string>("donor", "named donor; '(not named)' = the rest of the total");
        parts.add_column<std::string>("donor_ref");
        parts.add_column<Decimal>("amount_" + c.o.currency.str());
        parts.add_column<double>("share_of_total", "amount / the year's international total");
        std::vector<std::string> part_lines;
        for (const auto& [y, by] : named) {
            if (by.size() == 1 && by.begin()->first.empty()) continue;  // total only: no donor named
            for (const auto& [ref, v] : by) {
                parts.push<std::int64_t>(0, y);
                parts.push<std::string>(1, ref.empty() ? "(not named)" : org_label(c.p, ref));
                parts.push<std::string>(2, ref);
                parts.push<Decimal>(3, v);
                parts.push<double>(4, v.to_double() / international[y].to_double());
            }
            std::string line = "International support " + std::to_string(y) + ": " + millions(international[y], c.o.currency) + ", of which ";
            std::string rest;
            for (const auto& [ref, v] : by) {
                if (ref.empty()) rest = millions(v, c.o.currency) + " from donors not named separately";
                else line += org_label(c.p, ref) + " " + millions(v, c.o.currency) + ", ";
            }
            part_lines.push_back(line + (rest.empty() ? std::string("no other donor") : rest) + " (parts of the total, counted once).");
        }
        if (parts.row_count() > 0) {
            parts.add_note("The Landmine Monitor names some donors' part of a year's total; the rest (total minus the named donors) is "
                           "derived and shown as '(not named)'. The rows of a year add up to its total in the table above.");
            s.tables.push_back(std::move(parts));
        }
        if (!international.empty()) {
            const auto last = *international.rbegin();
            const auto first = *international.begin();
            s.summary.push_back("International support (Landmine Monitor): " + millions(first.second, c.o.currency) + " in " +
                                std::to_string(first.first) + ", " + millions(last.second, c.o.currency) + " in " + std::to_string(last.first) +
                                " (" + std::to_string(international.size()) + " years reported).");
        }
        if (!national.empty()) {
            const auto last = *national.rbegin();
            s.summary.push_back("National contribution: " + millions(last.second, c.o.currency) + " in " + std::to_string(last.first) +
                                (pledged.empty() ? "" : "; " + millions(pledged.begin()->second, c.o.currency) + " a year pledged from " +
                                                            std::to_string(pledged.begin()->first)) + ".");
        }
        s.summary.insert(s.summary.end(), part_lines.begin(), part_lines.end());
    }
    // 2. Project flows (CfR, IATI) by provider and year, without the published aggregates.
    struct Cell {
        Decimal committed;
        Decimal disbursed;
        Decimal incoming;
        std::int64_t records = 0;
    };
    std::map<std::pair<std::string, int>, Cell> flows;
    std::map<std::string, Decimal> by_provider;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Transaction row = t.row(i);
        if (c.series.count(row.activity) != 0) continue;
        const int y = row.date.year();
        if (y > c.year) continue;
        if (row.type != 1 && row.type != 2 && row.type != 3 && row.type != 4 && row.type != 11) continue;
        const auto v = c.convert(row.value, row.date);
        if (!v) continue;
        std::string provider = row.provider_org;
        if (provider.empty() && (row.type == 3 || row.type == 4 || row.type == 2)) provider = c.p.activity(row.activity).reporting_org.ref;
        Cell& cell = flows[{provider, y}];
        ++cell.records;
        if (row.type == 2 || row.type == 11) cell.committed += *v;
        else if (row.type == 1) cell.incoming += *v;
        else {
            cell.disbursed += *v;
            by_provider[provider] += *v;
        }
    }
    if (flows.empty()) {
        s.paragraphs.push_back("No project-level transactions (IATI or programme records) up to " + std::to_string(c.year) + ".");
        return s;
    }
    Table table("Project flows by provider and year");
    table.add_column<std::string>("provider", "provider organisation (publisher for its own disbursements)");
    table.add_column<std::string>("provider_ref");
    table.add_column<std::int64_t>("year");
    table.add_column<Decimal>("committed", "commitments made or received (types 2, 11)");
    table.add_column<Decimal>("incoming_funds", "incoming funds (type 1)");
    table.add_column<Decimal>("disbursed_or_spent", "disbursements and expenditure (types 3, 4)");
    table.add_column<std::int64_t>("transactions");
    for (const auto& [key, cell] : flows) {
        table.push<std::string>(0, org_label(c.p, key.first));
        table.push<std::string>(1, key.first);
        table.push<std::int64_t>(2, key.second);
        table.push<Decimal>(3, cell.committed);
        table.push<Decimal>(4, cell.incoming);
        table.push<Decimal>(5, cell.disbursed);
        table.push<std::int64_t>(6, cell.records);
    }
    table.add_note("All activities except the published aggregates (" + c.o.international_series + ", " + c.o.donor_series + ", " +
                   c.o.national_series + "), so that no total is added to its parts.");
    table.add_note("Amounts in " + c.o.currency.str() + "; other currencies converted at " + c.convert.rates_source() +
                   " for the transaction date.");
    if (c.convert.failed() > 0) {
        table.add_note(std::to_string(c.convert.failed()) + " transaction(s) left out: no exchange rate (" + c.convert.last_error() + ").");
    }
    // Chart: disbursed per year, stacked by the five largest providers and the rest.
    std::vector<std::pair<Decimal, std::string>> ranked;
    for (const auto& [ref, v] : by_provider) ranked.emplace_back(v, ref);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    std::vector<std::string> top;
    for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) top.push_back(ranked[i].second);
    std::set<int> years;
    for (const auto& [key, cell] : flows) {
        if (cell.disbursed != Decimal(0)) years.insert(key.second);
    }
    if (!years.empty()) {
        BarChart chart;
        chart.title = "Disbursements and expenditure by provider";
        chart.x_label = "year";
        chart.y_label = c.o.currency.str();
        chart.stacked = true;
        for (int y : years) chart.categories.push_back(std::to_string(y));
        for (const auto& ref : top) chart.series.push_back({org_label(c.p, ref), {}});
        const bool others = ranked.size() > top.size();
        if (others) chart.series.push_back({"others", {}});
        for (auto& series : chart.series) series.values.assign(years.size(), std::nullopt);
        std::size_t yi = 0;
        for (int y : years) {
            for (const auto& [key, cell] : flows) {
                if (key.second != y || cell.disbursed == Decimal(0)) continue;
                auto it = std::find(top.begin(), top.end(), key.first);
                const std::size_t si = it == top.end() ? top.size() : static_cast<std::size_t>(it - top.begin());
                auto& slot = chart.series[si].values[yi];
                slot = slot.value_or(0) + cell.disbursed.to_double();
            }
            ++yi;
        }
        s.charts.push_back({chart.title, render_svg(chart)});
    }
    Decimal total;
    for (const auto& [ref, v] : by_provider) total += v;
    s.summary.push_back("Project flows: " + std::to_string(flows.size()) + " provider-years; " + millions(total, c.o.currency) +
                        " disbursed or spent up to " + std::to_string(c.year) + (ranked.empty() ? "" : ", largest: " + org_label(c.p, ranked.front().second)) + ".");
    s.tables.push_back(std::move(table));
    return s;
}

// ---------------------------------------------------------------------------------------------
// Harmonization and fragmentation, from the project flows (counts and shares, nothing assumed).

Section fragmentation(const Section& funding_section) {
    Section s{"fragmentation", "Harmonization and fragmentation", true, {}, {}, {}, {}};
    const Table* flows = nullptr;
    for (const auto& t : funding_section.tables) {
        if (t.title() == "Project flows by provider and year") flows = &t;
    }
    if (flows == nullptr) {
        s.available = false;
        s.paragraphs.push_back("Not available: no project-level flows to count providers in.");
        s.summary.push_back("not available: no project-level flows");
        return s;
    }
    std::map<int, std::vector<Decimal>> per_year;
    for (std::size_t r = 0; r < flows->row_count(); ++r) {
        const Decimal v = flows->at<Decimal>(r, "disbursed_or_spent");
        if (v > Decimal(0)) per_year[static_cast<int>(flows->at<std::int64_t>(r, "year"))].push_back(v);
    }
    Table table("Providers per year and concentration of disbursements");
    table.add_column<std::int64_t>("year");
    table.add_column<std::int64_t>("providers", "providers with disbursements or expenditure in the year");
    table.add_column<Decimal>("total", "disbursed or spent in the year");
    table.add_column<Decimal>("largest", "the largest provider's amount");
    table.add_column<double>("largest_share", "largest / total");
    table.add_column<double>("hhi", "Herfindahl–Hirschman index: sum of squared shares (1 = one provider)");
    LineChart chart;
    chart.title = "Providers per year";
    chart.x_label = "year";
    chart.y_label = "providers";
    chart.series = {{"providers", {}}};
    for (auto& [y, values] : per_year) {
        Decimal total;
        Decimal largest;
        for (const auto& v : values) total += v, largest = std::max(largest, v);
        double hhi = 0;
        for (const auto& v : values) hhi += std::pow(v.to_double() / total.to_double(), 2);
        table.push<std::int64_t>(0, y);
        table.push<std::int64_t>(1, static_cast<std::int64_t>(values.size()));
        table.push<Decimal>(2, total);
        table.push<Decimal>(3, largest);
        table.push<double>(4, largest.to_double() / total.to_double());
        table.push<double>(5, hhi);
        chart.x.push_back(y);
        chart.series[0].values.emplace_back(static_cast<double>(values.size()));
    }
    table.set_methodology("counts");
    table.add_note("Computed from the table 'Project flows by provider and year' (disbursements and expenditure).");
    s.paragraphs.push_back("How many providers fund the sector each year and how concentrated their money is. A high share for one "
                           "provider means dependence; many small providers mean fragmentation and higher transaction costs.");
    if (!per_year.empty()) {
        const auto& [y, values] = *per_year.rbegin();
        s.summary.push_back(std::to_string(values.size()) + " provider(s) disbursed or spent in " + std::to_string(y) + "; largest share " +
                            fixed(100 * table.at<double>(table.row_count() - 1, "largest_share"), 0) + "%.");
    }
    if (chart.x.size() > 1) s.charts.push_back({chart.title, render_svg(chart)});
    s.tables.push_back(std::move(table));
    return s;
}

Section unavailable(const std::string& id, const std::string& title, const std::string& why) {
    Section s{id, title, false, {"Not available: " + why}, {"not available: " + why}, {}, {}};
    return s;
}

// ---------------------------------------------------------------------------------------------
// Land release and remaining contamination.

Section land_release(Context& c) {
    const ResultsStore& store = c.p.results();
    if (store.hazards().empty()) return unavailable("land-release", "Land release and remaining contamination", "no hazardous areas in the portfolio");
    Section s{"land-release", "Land release and remaining contamination", true, {}, {}, {}, {}};
    const Date as_of = make_date(c.year, 12, 31);
    Table remaining = remaining_contamination(store, as_of, {ContaminationKey::contamination});
    remaining.set_title("Remaining contamination on " + to_iso(as_of));
    std::int64_t total_remaining = 0;
    BarChart chart;
    chart.title = "Remaining contamination on " + to_iso(as_of) + " (km²)";
    chart.x_label = "contamination";
    chart.y_label = "km²";
    chart.series = {{"remaining", {}}, {"released", {}}};
    for (std::size_t r = 0; r < remaining.row_count(); ++r) {
        const auto rem = remaining.at<std::int64_t>(r, "remaining_m2");
        const auto released = remaining.at<std::int64_t>(r, "cancelled_m2") + remaining.at<std::int64_t>(r, "reduced_m2") +
                              remaining.at<std::int64_t>(r, "cleared_m2");
        total_remaining += rem;
        chart.categories.push_back(remaining.text(r, 0));
        chart.series[0].values.emplace_back(static_cast<double>(rem) / kM2PerKm2);
        chart.series[1].values.emplace_back(static_cast<double>(released) / kM2PerKm2);
    }
    s.summary.push_back("Remaining contamination on " + to_iso(as_of) + ": " + km2(total_remaining) + " in " +
                        std::to_string(store.hazards().size()) + " hazardous area record(s).");
    s.charts.push_back({chart.title, render_svg(chart)});
    s.tables.push_back(std::move(remaining));
    Table by_year = releases_by_year(store);
    by_year.set_title("Land released per year and method");
    std::map<int, double> per_year;
    std::int64_t released_total = 0;
    for (std::size_t r = 0; r < by_year.row_count(); ++r) {
        const int y = static_cast<int>(by_year.at<std::int64_t>(r, "year"));
        if (y > c.year) continue;
        per_year[y] += static_cast<double>(by_year.at<std::int64_t>(r, "area_m2")) / kM2PerKm2;
        released_total += by_year.at<std::int64_t>(r, "area_m2");
    }
    if (!per_year.empty()) {
        BarChart bars;
        bars.title = "Land released per year (km²)";
        bars.x_label = "year";
        bars.y_label = "km²";
        bars.series = {{"released", {}}};
        for (const auto& [y, v] : per_year) {
            bars.categories.push_back(std::to_string(y));
            bars.series[0].values.emplace_back(v);
        }
        s.charts.push_back({bars.title, render_svg(bars)});
        s.summary.push_back("Released " + std::to_string(per_year.begin()->first) + "–" + std::to_string(per_year.rbegin()->first) + ": " +
                            km2(released_total) + ".");
    }
    s.tables.push_back(std::move(by_year));
    s.paragraphs.push_back("Every hazardous area keeps a ledger: recorded = cancelled + reduced + cleared + remaining (IMAS 07.11). "
                           "The figures below are the ledgers on the report date.");
    // Casualties beside contamination: they are the reason for the work.
    if (!store.casualties().empty()) {
        Table cas("Mine and ERW casualties by year");
        cas.add_column<std::int64_t>("year");
        cas.add_column<std::int64_t>("killed");
        cas.add_column<std::int64_t>("injured", "including amputations");
        cas.add_column<std::int64_t>("amputations");
        cas.add_column<std::int64_t>("casualties", "killed + injured");
        cas.add_column<std::string>("evidence");
        std::map<int, std::array<std::int64_t, 3>> years;
        std::map<int, std::string> evidence;
        for (const auto& k : store.casualties()) {
            auto& a = years[k.date.year()];
            a[0] += k.killed;
            a[1] += k.injured;
            a[2] += k.amputations;
            auto& e = evidence[k.date.year()];
            const std::string ev = to_string(k.provenance.evidence);
            if (e.find(ev) == std::string::npos) e += (e.empty() ? "" : ", ") + ev;
        }
        for (const auto& [y, a] : years) {
            cas.push<std::int64_t>(0, y);
            cas.push<std::int64_t>(1, a[0]);
            cas.push<std::int64_t>(2, a[1]);
            cas.push<std::int64_t>(3, a[2]);
            cas.push<std::int64_t>(4, a[0] + a[1]);
            cas.push<std::string>(5, evidence[y]);
        }
        const auto& [ly, la] = *years.rbegin();
        s.summary.push_back("Casualties " + std::to_string(ly) + ": " + std::to_string(la[0] + la[1]) + " (" + std::to_string(la[0]) + " killed).");
        s.tables.push_back(std::move(cas));
    }
    return s;
}


// ---------------------------------------------------------------------------------------------
// Alignment (strategy_alignment measure) and predictability (annual_predictability measure).

measures::MeasureOptions measure_options(Context& c) {
    measures::MeasureOptions m;
    m.currency = c.o.currency;
    m.rates = c.o.rates;
    for (int y = 2000; y <= c.year; ++y) m.years.push_back(y);
    return m;
}

// Rows of the "(all)" donor with a defined value, as (year, value).
std::vector<std::pair<int, double>> all_donor_values(const Table& t, const std::string& filter_column = {}, const std::string& filter = {}) {
    std::vector<std::pair<int, double>> out;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.text(r, t.column_index("donor")) != measures::kAllDonors || !t.defined(r, "value")) continue;
        if (!filter_column.empty() && t.text(r, t.column_index(filter_column)) != filter) continue;
        out.emplace_back(static_cast<int>(t.at<std::int64_t>(r, "fiscal_year")), t.at<double>(r, "value"));
    }
    return out;
}

Section alignment(Context& c, const ExchangeRates* rates) {
    const std::string title = "Alignment to NMAS objectives";
    if (c.o.nmas_mapping.empty()) return unavailable("alignment", title, "no mapping of activities to NMAS objectives was given");
    measures::MeasureOptions m = measure_options(c);
    m.rates = rates;
    // The mapping names the activities that report the money (UNDP's Clearing for Results
    // projects and outputs). Under the default hop 'origin', disbursements of activities funded
    // by another activity of the portfolio are left out and the money counts only at the
    // activity that first sent it, which no mapping names: everything would read as unmapped.
    // So alignment counts each disbursement at the activity that reported it (hop 'reported').
    m.hop = measures::FlowHop::reported;
    const Portfolio& projects = project_portfolio(c);
    const std::set<std::uint32_t> pass = measures::pass_through_activities(projects);
    std::size_t chained = 0;
    const auto& tx = projects.transactions();
    for (std::size_t i = 0; i < tx.size(); ++i) {
        if (tx.type[i] == 3 && pass.contains(tx.activity[i])) ++chained;
    }
    Table t = measures::strategy_alignment(projects, m, c.o.nmas_mapping);
    if (!c.series.empty()) t.add_note("Project money only: the published aggregates (" + series_names(c) + ") are left out, as in the funding section's project flows.");
    t.add_note("hop 'reported': disbursements counted at the activity that reported them, the activities the mapping names.");
    const auto unmapped = all_donor_values(t, "objective", measures::kUnmapped);
    if (t.row_count() == 0) return unavailable("alignment", title, "no disbursements (type 3) to measure");
    Section s{"alignment", title, true, {}, {}, {}, {}};
    s.paragraphs.push_back("Share of each donor's disbursements (IATI type 3) that goes to NMAS goals, through a mapping of activities "
                           "to goals; '(unmapped)' is money no mapping covers. Methodology nmas-mapping (Partnership Principles).");
    s.paragraphs.push_back("Counted at hop 'reported': each disbursement is credited to the activity that reported it, because the mapping "
                           "names the activities that report the money (the agencies' projects), not the donors' activities that first "
                           "sent it. At the default hop 'origin' the disbursements of pass-through activities would be left out and the "
                           "money credited to the originating activity, which the mapping does not name. Money passed along a chain "
                           "counts at each hop that reports it: " + std::to_string(chained) + " disbursement(s) here belong to "
                           "pass-through activities (funded by another activity of the portfolio)." +
                           (c.series.empty() ? std::string() : " The published country totals (Landmine Monitor, national contribution) "
                                                               "are not project money: they are left out here, as in the project flows."));
    std::map<std::string, std::map<int, double>> by_objective;
    std::set<int> years;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.text(r, t.column_index("donor")) != measures::kAllDonors || !t.defined(r, "value")) continue;
        const int y = static_cast<int>(t.at<std::int64_t>(r, "fiscal_year"));
        by_objective[t.text(r, t.column_index("objective"))][y] = 100 * t.at<double>(r, "value");
        years.insert(y);
    }
    if (!years.empty()) {
        BarChart chart;
        chart.title = "Disbursements by NMAS goal (all donors, %)";
        chart.x_label = "year";
        chart.y_label = "% of disbursements";
        chart.stacked = true;
        for (int y : years) chart.categories.push_back(std::to_string(y));
        for (const auto& [objective, values] : by_objective) {
            Series series{objective, {}};
            for (int y : years) {
                auto it = values.find(y);
                series.values.push_back(it == values.end() ? std::nullopt : std::optional<double>(it->second));
            }
            chart.series.push_back(std::move(series));
        }
        s.charts.push_back({chart.title, render_svg(chart)});
        // Mapped share of a year = 100 − the unmapped share of the all-donor rows.
        auto mapped_in = [&](int y) {
            const auto u = by_objective.find(measures::kUnmapped);
            if (u == by_objective.end()) return 100.0;
            const auto v = u->second.find(y);
            return v == u->second.end() ? 100.0 : 100 - v->second;
        };
        const int last = *years.rbegin();
        std::string line = fixed(mapped_in(last), 0) + "% of " + std::to_string(last) + " disbursements mapped to NMAS goals (" +
                           std::to_string(c.o.nmas_mapping.size()) + " mapping rows, hop 'reported')";
        // When the latest year has nothing mapped, name the latest year that has, so that the
        // reader sees the mapping at work rather than a bare 0%.
        int last_mapped = 0;
        for (int y : years) {
            if (mapped_in(y) > 0) last_mapped = y;
        }
        if (last_mapped != 0 && last_mapped != last) {
            line += "; latest year with mapped money: " + std::to_string(last_mapped) + ", " + fixed(mapped_in(last_mapped), 1) + "% mapped";
        } else if (last_mapped == 0) {
            line += "; no year has mapped money";
        }
        s.summary.push_back(line + ".");
    }
    s.tables.push_back(std::move(t));
    return s;
}

Section predictability(Context& c, const ExchangeRates* rates) {
    const std::string title = "Predictability";
    measures::MeasureOptions m = measure_options(c);
    m.rates = rates;
    m.budgets_as_schedule_fallback = true;
    Table t = measures::annual_predictability(project_portfolio(c), m);
    if (!c.series.empty()) t.add_note("Project money only: the published aggregates (" + series_names(c) + ") are left out; they have no schedule.");
    const auto values = all_donor_values(t);
    if (values.empty()) return unavailable("predictability", title, "no year has both disbursements and a schedule (planned disbursements or budgets)");
    Section s{"predictability", title, true, {}, {}, {}, {}};
    s.paragraphs.push_back("In-year predictability (GPEDC 2018 indicator 5a): disbursements recorded in a year against those scheduled for it; "
                           "activity budgets stand in for schedules where no planned disbursements are published.");
    LineChart chart;
    chart.title = "In-year predictability, all donors";
    chart.x_label = "year";
    chart.y_label = "min(D, S) / S";
    chart.series = {{"predictability", {}}};
    for (const auto& [y, v] : values) {
        chart.x.push_back(y);
        chart.series[0].values.emplace_back(v);
    }
    if (chart.x.size() > 1) s.charts.push_back({chart.title, render_svg(chart)});
    s.summary.push_back("In-year predictability (all donors) " + std::to_string(values.back().first) + ": " + fixed(100 * values.back().second, 0) +
                        "% over " + std::to_string(values.size()) + " year(s) with schedules.");
    s.tables.push_back(std::move(t));
    return s;
}

// ---------------------------------------------------------------------------------------------
// Results progress per goal of each strategy (results_progress measure).

Section results(Context& c) {
    const ResultsStore& store = c.p.results();
    if (store.strategies().empty()) return unavailable("results", "Results progress per NMAS goal", "no strategy in the portfolio");
    Section s{"results", "Results progress per NMAS goal", true, {}, {}, {}, {}};
    s.paragraphs.push_back("Each indicator's actual against its target over the strategy period up to the report year; the status "
                           "compares progress with the straight path from baseline to target (on track at 90% of the path or more, "
                           "at risk from 70%).");
    for (const auto& strategy : store.strategies()) {
        const Date end = std::min(strategy.period.end(), make_date(c.year, 12, 31));
        if (end < strategy.period.start()) continue;
        const Period period(strategy.period.start(), end);
        Table progress = progress_table(store, strategy.id, period);
        progress.set_title("Indicators of " + strategy.name + " to " + to_iso(end));
        Table rollup = rollup_table(store, strategy.id, period);
        rollup.set_title("Goals of " + strategy.name + " to " + to_iso(end));
        for (std::size_t r = 0; r < rollup.row_count(); ++r) {
            if (rollup.text(r, rollup.column_index("level")) != "goal") continue;
            s.summary.push_back(rollup.text(r, rollup.column_index("node")) + " " + rollup.text(r, rollup.column_index("title")) + ": " +
                                rollup.text(r, rollup.column_index("status")));
        }
        s.tables.push_back(std::move(rollup));
        s.tables.push_back(std::move(progress));
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Forecast of completion and the funding gap to the Article 5 deadline.

Section forecast_section(Context& c) {
    const std::string title = "Forecast and funding gap to " + std::to_string(c.o.horizon);
    const ResultsStore& store = c.p.results();
    if (store.hazards().empty() || store.releases().empty()) return unavailable("forecast", title, "no hazards or land release records");
    // Release rate: mean of the last five years with releases up to the report year.
    int last = 0;
    for (const auto& r : store.releases()) {
        if (r.date.year() <= c.year) last = std::max(last, static_cast<int>(r.date.year()));
    }
    if (last == 0) return unavailable("forecast", title, "no land release up to the report year");
    const int first = last - 4;
    const double rate = mean_release_rate(store, first, last);
    // Cost per m²: spending of the activities that paid for releases ÷ the area they released.
    std::map<std::string, std::int64_t> area_by_activity;
    for (const auto& r : store.releases()) {
        if (!r.funding_activity.empty() && r.date.year() <= c.year) area_by_activity[r.funding_activity] += r.area_m2;
    }
    Decimal spent;
    std::int64_t paid_area = 0;
    for (const auto& [id, area] : area_by_activity) {
        const auto index = c.p.find_activity(id);
        if (!index) continue;
        Decimal activity_spent;
        for (auto row : c.p.transactions_of(*index)) {
            const Transaction t = c.p.transactions().row(row);
            if ((t.type == 3 || t.type == 4) && t.date.year() <= c.year) {
                if (auto v = c.convert(t.value, t.date)) activity_spent += *v;
            }
        }
        if (activity_spent > Decimal(0)) {
            spent += activity_spent;
            paid_area += area;
        }
    }
    if (paid_area == 0) return unavailable("forecast", title, "no land release linked to an activity with spending, so no cost per m²");
    const double cost = spent.to_double() / static_cast<double>(paid_area);
    const Date as_of = make_date(c.year, 12, 31) + boost::gregorian::days(1);
    Table remaining = remaining_contamination(store, make_date(c.year, 12, 31));
    const double left = static_cast<double>(remaining.row_count() ? remaining.at<std::int64_t>(0, "remaining_m2") : 0);
    // Funding: international (latest Landmine Monitor year) + national, kept flat.
    FundingScenario funding;
    funding.kind = FundingKind::flat;
    std::map<int, double> international;
    std::map<int, double> national;
    const auto intl = c.p.find_activity(c.o.international_series);
    const auto nat = c.p.find_activity(c.o.national_series);
    const auto& t = c.p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Transaction row = t.row(i);
        if (row.date.year() > c.year) continue;
        // International support is disbursed (type 3); the national contribution is the
        // government's own spending (type 4; type 3 in data built before that distinction).
        const bool is_intl = intl && row.activity == *intl && row.type == 3;
        const bool is_nat = nat && row.activity == *nat && (row.type == 3 || row.type == 4);
        if (!is_intl && !is_nat) continue;
        if (auto v = c.convert(row.value, row.date)) (is_intl ? international : national)[row.date.year()] += v->to_double();
    }
    if (international.empty()) return unavailable("forecast", title, "no international funding series for the funding scenario");
    const int fy = international.rbegin()->first;
    double base_funding = international.rbegin()->second;
    if (auto it = national.find(fy); it != national.end()) base_funding += it->second;
    funding.history[fy] = base_funding;
    ForecastInput input;
    input.remaining_m2 = left;
    input.as_of = as_of;
    input.release_rate_m2_per_year = rate;
    input.cost_per_m2 = cost;
    input.funding = funding;
    input.funding_limits_release = false;
    input.deadline = make_date(c.o.horizon, 12, 31);
    const ForecastResult point = forecast(input);
    MonteCarloInput mc;
    mc.base = input;
    mc.rate_factor = Distribution::triangular(0.7, 1.0, 1.2);
    mc.cost_factor = Distribution::lognormal(1.0, 0.25);
    mc.funding_factor = Distribution::normal(1.0, 0.15);
    mc.draws = 1000;
    say(c.o, "forecast: 1000 Monte Carlo draws");
    MonteCarloResult sim = monte_carlo(mc);

    Section s{"forecast", title, true, {}, {}, {}, {}};
    Table inputs("Forecast inputs");
    inputs.add_column<std::string>("input");
    inputs.add_column<double>("value");
    inputs.add_column<std::string>("from");
    auto add = [&](const std::string& name, double v, const std::string& from) {
        inputs.push<std::string>(0, name);
        inputs.push<double>(1, v);
        inputs.push<std::string>(2, from);
    };
    add("remaining_m2", left, "remaining contamination on " + to_iso(make_date(c.year, 12, 31)));
    add("release_rate_m2_per_year", rate, "mean land released per year " + std::to_string(first) + "–" + std::to_string(last));
    add("cost_per_m2_" + c.o.currency.str(), cost, "spending (types 3, 4) of the activities named as funders of releases ÷ the area they released");
    add("funding_per_year_" + c.o.currency.str(), base_funding, "international + national support in " + std::to_string(fy) + ", kept flat");
    add("cost_needed", point.cost_needed, "remaining × cost per m²");
    add("funding_to_deadline", point.funding_to_deadline, "funding from " + to_iso(as_of) + " to " + to_iso(input.deadline));
    add("funding_gap", point.funding_gap, "max(0, cost needed − funding to the deadline)");
    add("p_meets_deadline", sim.p_meets_deadline, "share of 1000 draws done by the deadline");
    inputs.add_note("Uncertainty (assumed, not published): release rate × triangular(0.7, 1, 1.2), cost × lognormal(median 1, σ 0.25), "
                    "funding × normal(1, 0.15); seed " + std::to_string(mc.seed) + ".");
    inputs.add_note("The cost per m² rests on illustrative yearly splits of reported totals; read the gap as a method, not a finding.");
    sim.summary.set_title("Forecast summary (P10, P50, P90 of 1000 draws)");
    sim.fan.set_title("Remaining contamination forecast (m²)");
    FanChart fan;
    fan.title = "Remaining contamination: observed and forecast (km²)";
    fan.x_label = "year";
    fan.y_label = "km²";
    for (int y = std::max(first, c.year - 5); y <= c.year; ++y) {
        Table r = remaining_contamination(store, make_date(y, 12, 31));
        if (r.row_count() == 0) continue;
        fan.observed_x.push_back(y);
        fan.observed.push_back(static_cast<double>(r.at<std::int64_t>(0, "remaining_m2")) / kM2PerKm2);
    }
    for (std::size_t r = 0; r < sim.fan.row_count(); ++r) {
        const int y = static_cast<int>(sim.fan.at<std::int64_t>(r, "year"));
        if (y > c.o.horizon + 5) break;
        auto value = [&](const char* col) { return sim.fan.defined(r, col) ? sim.fan.at<double>(r, col) / kM2PerKm2 : 0.0; };
        fan.forecast_x.push_back(y);
        fan.p10.push_back(std::min(value("remaining_p10_m2"), value("remaining_p90_m2")));
        fan.p50.push_back(value("remaining_p50_m2"));
        fan.p90.push_back(std::max(value("remaining_p10_m2"), value("remaining_p90_m2")));
    }
    fan.target = 0;
    fan.target_label = "mine-free";
    s.charts.push_back({fan.title, render_svg(fan)});
    s.paragraphs.push_back("When will the known contamination be released, and is the money enough? A straight projection of the recent "
                           "release rate, with the uncertainty of rate, cost and funding drawn 1000 times.");
    s.summary.push_back("Remaining " + km2(static_cast<std::int64_t>(left)) + " at " + fixed(rate / kM2PerKm2, 1) + " km²/year: " +
                        (point.completion_year ? "done in " + std::to_string(*point.completion_year) : std::string("not done within the horizon")) +
                        "; P(done by " + std::to_string(c.o.horizon) + ") = " + fixed(100 * sim.p_meets_deadline, 0) + "%.");
    s.summary.push_back("Cost needed " + c.o.currency.str() + " " + fixed(point.cost_needed / 1e6, 1) + " M; funding gap to " +
                        std::to_string(c.o.horizon) + ": " + c.o.currency.str() + " " + fixed(point.funding_gap / 1e6, 1) + " M.");
    const BindingConstraint binding = binding_constraint(input, point, c.o.currency);
    add("release_needed_m2_per_year", binding.needed_rate, "remaining ÷ years from " + to_iso(as_of) + " to the deadline");
    add("fundable_m2_per_year", binding.fundable_rate, "funding per year ÷ cost per m²");
    s.summary.push_back(binding.sentence);
    s.paragraphs.push_back(binding.sentence);
    s.tables.push_back(std::move(inputs));
    s.tables.push_back(std::move(sim.summary));
    s.tables.push_back(std::move(sim.fan));
    return s;
}

// ---------------------------------------------------------------------------------------------
// Coordination: action points, signatories, deployments.

Section coordination(Context& c) {
    const CoordinationStore& store = c.p.coordination();
    if (store.forums.empty() && store.agreements.empty() && store.deployments.empty()) {
        return unavailable("coordination", "Coordination", "no coordination records in the portfolio");
    }
    Section s{"coordination", "Coordination", true, {}, {}, {}, {}};
    const Date as_of = make_date(c.year, 12, 31);
    Table open = open_action_points(store, as_of);
    open.set_title("Open action points on " + to_iso(as_of));
    std::int64_t overdue = 0;
    for (std::size_t r = 0; r < open.row_count(); ++r) {
        if (open.defined(r, "overdue") && open.at<std::int64_t>(r, "overdue") == 1) ++overdue;
    }
    std::size_t meetings = 0;
    for (const auto& f : store.forums) {
        for (const auto& m : f.meetings) if (m.date.year() == c.year) ++meetings;
    }
    s.summary.push_back(std::to_string(meetings) + " forum meeting(s) in " + std::to_string(c.year) + "; " + std::to_string(open.row_count()) +
                        " action point(s) open on " + to_iso(as_of) + ", " + std::to_string(overdue) + " overdue.");
    s.tables.push_back(std::move(open));
    Table parties("Signatories of agreements");
    parties.add_column<std::string>("agreement");
    parties.add_column<std::string>("title");
    parties.add_column<Date>("signed");
    parties.add_column<std::string>("party");
    parties.add_column<std::string>("org_ref");
    for (const auto& a : store.agreements) {
        for (const auto& p : a.parties) {
            parties.push<std::string>(0, a.ref);
            parties.push<std::string>(1, a.title);
            const auto when = p.signed_on ? p.signed_on : a.signed_on;
            if (when) parties.push<Date>(2, *when); else parties.push_undefined(2);
            parties.push<std::string>(3, p.name);
            parties.push<std::string>(4, p.org_ref);
        }
        s.summary.push_back(a.title + ": " + std::to_string(a.parties.size()) + " signatories" +
                            (a.signed_on ? " (signed " + to_iso(*a.signed_on) + ")" : std::string()) + ".");
    }
    if (parties.row_count() > 0) s.tables.push_back(std::move(parties));
    if (!store.deployments.empty()) {
        Table personnel = cumulative_personnel(store, 2005);
        personnel.set_title("Peacekeeping deployments since 2005");
        std::int64_t total = 0;
        BarChart chart;
        chart.title = "Personnel deployed by mission";
        chart.x_label = "mission";
        chart.y_label = "personnel";
        chart.series = {{"personnel", {}}};
        for (std::size_t r = 0; r < personnel.row_count(); ++r) {
            const auto n = personnel.at<std::int64_t>(r, "personnel");
            total += n;
            chart.categories.push_back(personnel.text(r, personnel.column_index("mission")));
            chart.series[0].values.emplace_back(static_cast<double>(n));
        }
        s.summary.push_back(std::to_string(total) + " personnel deployed to " + std::to_string(personnel.row_count()) + " UN mission(s) since 2005.");
        s.charts.push_back({chart.title, render_svg(chart)});
        s.tables.push_back(std::move(personnel));
    }
    s.paragraphs.push_back("The TWG-MA's follow-up of its decisions, the Partnership Principles' signatories, and Cambodia's "
                           "contribution of deminers to UN peacekeeping.");
    return s;
}

// ---------------------------------------------------------------------------------------------
// Provenance: where the figures come from and which ones are illustrative.

void provenance(Context& c, Report& report) {
    std::map<std::string, std::size_t> sources;
    std::size_t counts[3] = {0, 0, 0};
    auto count = [&](const Provenance& pr) {
        ++counts[static_cast<int>(pr.evidence)];
        if (!pr.source.empty()) ++sources[pr.source];
    };
    for (const auto& o : c.p.organisations()) count(o.provenance);
    for (const auto& a : c.p.activities()) {
        count(a.provenance);
        if (a.provenance.evidence != Evidence::reported) {
            report.provenance.push_back("Activity " + a.identifier + " (" + text_of(a.title) + ") holds " + to_string(a.provenance.evidence) +
                                        " records: " + a.provenance.note);
        }
    }
    const auto& store = c.p.results();
    std::size_t illustrative_results = 0;
    auto result_record = [&](const Provenance& pr, const std::string& what) {
        count(pr);
        if (pr.evidence == Evidence::illustrative) {
            ++illustrative_results;
            if (illustrative_results <= 12) report.provenance.push_back("Illustrative: " + what + " — " + pr.note + " (" + pr.source + ")");
        }
    };
    for (const auto& h : store.hazards()) result_record(h.provenance, "hazard " + h.id);
    for (const auto& r : store.releases()) result_record(r.provenance, "land release of " + r.hazard + " on " + to_iso(r.date));
    for (const auto& k : store.casualties()) result_record(k.provenance, "casualties on " + to_iso(k.date));
    for (const auto& i : store.indicators()) {
        for (const auto& v : i.values) result_record(v.provenance, std::string(to_string(v.kind)) + " of " + i.id + " for " + to_iso(v.period.start()));
    }
    if (illustrative_results > 12) {
        report.provenance.push_back("… and " + std::to_string(illustrative_results - 12) + " more illustrative results records (see the CSV files).");
    }
    report.provenance.insert(report.provenance.begin(),
                             "Records: " + std::to_string(counts[0]) + " reported, " + std::to_string(counts[1]) + " derived, " +
                                 std::to_string(counts[2]) + " illustrative (illustrative = no public source gives the figure; made to "
                                                              "show the method, never to be quoted).");
    std::string list;
    for (const auto& [src, n] : sources) list += (list.empty() ? "" : "; ") + src + " (" + std::to_string(n) + ")";
    if (!list.empty()) report.provenance.insert(report.provenance.begin() + 1, "Sources (records): " + list + ".");
    if (c.p.diagnostics().size() > 0) {
        report.provenance.push_back(std::to_string(c.p.diagnostics().size()) + " diagnostic(s) were raised while reading the data; first: " +
                                    c.p.diagnostics().front().to_string());
    }
    if (c.o.source_files) {
        Section s{"sources", "Dataset files", true, {"Every file of the dataset with the evidence of its records."}, {}, {*c.o.source_files}, {}};
        std::int64_t illustrative = 0;
        std::int64_t total = 0;
        for (std::size_t r = 0; r < c.o.source_files->row_count(); ++r) {
            illustrative += c.o.source_files->at<std::int64_t>(r, "illustrative");
            total += c.o.source_files->at<std::int64_t>(r, "records");
        }
        s.summary.push_back(std::to_string(c.o.source_files->row_count()) + " files, " + std::to_string(total) + " records, of which " +
                            std::to_string(illustrative) + " illustrative.");
        report.sections.push_back(std::move(s));
    }
}

}  // namespace

// Which limit decides the forecast: release capacity (the rate operators reach) or money (the
// funding to the deadline against the cost of releasing what is left). Read from the forecast's
// own numbers: the capacity binds when the rate alone misses the deadline, money binds when the
// funding to the deadline is short of the cost; when both fall short, the smaller of the area
// releasable by the deadline and the area fundable by it binds.
BindingConstraint binding_constraint(const ForecastInput& in, const ForecastResult& r, const CurrencyCode& currency) {
    BindingConstraint out;
    // Years from as_of to the deadline, each calendar year counted by the share of its days.
    double years = 0;
    for (int y = in.as_of.year(); y <= in.deadline.year(); ++y) {
        const Date first = std::max(in.as_of, make_date(y, 1, 1));
        const Date last = std::min(in.deadline, make_date(y, 12, 31));
        if (last < first) continue;
        years += static_cast<double>((last - first).days() + 1) / static_cast<double>((make_date(y, 12, 31) - make_date(y, 1, 1)).days() + 1);
    }
    out.needed_rate = years > 0 ? in.remaining_m2 / years : 0;
    const double funding_per_year = years > 0 ? r.funding_to_deadline / years : 0;
    out.fundable_rate = in.cost_per_m2 > 0 ? funding_per_year / in.cost_per_m2 : 0;
    const std::string deadline = std::to_string(in.deadline.year());
    const std::string when = r.completion_year ? "until " + std::to_string(*r.completion_year) : std::string("beyond the horizon");
    const std::string rate = fixed(in.release_rate_m2_per_year / kM2PerKm2, 1) + " km²/year";
    const std::string needed = fixed(out.needed_rate / kM2PerKm2, 1) + " km²/year";
    const std::string fundable = fixed(out.fundable_rate / kM2PerKm2, 1) + " km²/year";
    const std::string money = currency.str() + " " + fixed(r.funding_to_deadline / 1e6, 1) + " M";
    const std::string cost = currency.str() + " " + fixed(r.cost_needed / 1e6, 1) + " M";
    out.capacity_short = !r.meets_deadline;
    out.money_short = r.funding_gap > 0;
    const bool capacity_short = out.capacity_short;
    const bool money_short = out.money_short;
    if (capacity_short && !money_short) {
        out.limit = "capacity";
        const double times = in.release_rate_m2_per_year > 0 ? out.needed_rate / in.release_rate_m2_per_year : 0;
        out.sentence = "Binding constraint: release capacity, not money. The funding to " + deadline + " (" + money +
                       ") covers the cost of releasing all that is left (" + cost + "), but at " + rate + " the work lasts " + when +
                       "; finishing by " + deadline + " needs " + needed + " (" + fixed(times, 1) + " times the recent rate). "
                       "A funding gap of 0 therefore does not mean the deadline is within reach.";
    } else if (money_short && !capacity_short) {
        out.limit = "money";
        out.sentence = "Binding constraint: money, not release capacity. At " + rate + " the work would be done by " + deadline +
                       ", but the funding to " + deadline + " (" + money + ") is " + currency.str() + " " + fixed(r.funding_gap / 1e6, 1) +
                       " M short of the cost (" + cost + "); it pays for " + fundable + ".";
    } else if (money_short && capacity_short) {
        const bool capacity_binds = in.release_rate_m2_per_year <= out.fundable_rate;
        out.limit = capacity_binds ? "capacity" : "money";
        out.sentence = std::string("Binding constraint: both fall short, ") + (capacity_binds ? "release capacity" : "money") +
                       " most. The rate reaches " + rate + " and the funding pays for " + fundable + "; finishing by " + deadline +
                       " needs " + needed + ", and the funding to " + deadline + " is " + currency.str() + " " +
                       fixed(r.funding_gap / 1e6, 1) + " M short of the cost (" + cost + ").";
    } else {
        out.limit = "none";
        out.sentence = "Neither capacity nor money binds: at " + rate + " the work is done by " + deadline + " and the funding to " +
                       deadline + " (" + money + ") covers the cost (" + cost + ").";
    }
    return out;
}

Report build_report(const Portfolio& portfolio, const ReportOptions& options) {
    Context c{portfolio, options, options.year.value_or(latest_year(portfolio)), Converter(options), {}, {}};
    for (const auto* id : {&options.international_series, &options.donor_series, &options.national_series}) {
        if (auto index = portfolio.find_activity(*id)) c.series.insert(*index);
    }
    Report report;
    report.title = options.title;
    report.subtitle = "Report year " + std::to_string(c.year) + " · money in " + options.currency.str() + " · " + options.dataset_name +
                      " · " + std::to_string(portfolio.activity_count()) + " activities, " + std::to_string(portfolio.transactions().size()) +
                      " transactions";
    say(options, "funding by donor and year");
    report.sections.push_back(funding(c));
    // The measures convert with explicit rates: the ones given, else the shipped IMF table.
    std::unique_ptr<ExchangeRates> own_rates;
    const ExchangeRates* rates = options.rates;
    if (rates == nullptr) {
        own_rates = std::make_unique<ExchangeRates>(ExchangeRates::from_imf_csv(data_file("rates/imf_exchangerates_A_ENDA_USD.csv")));
        rates = own_rates.get();
    }
    say(options, "alignment and predictability measures");
    report.sections.push_back(alignment(c, rates));
    report.sections.push_back(predictability(c, rates));
    say(options, "harmonization and fragmentation");
    report.sections.push_back(fragmentation(report.sections.front()));
    say(options, "results progress");
    report.sections.push_back(results(c));
    say(options, "land release and contamination");
    report.sections.push_back(land_release(c));
    say(options, "forecast and funding gap");
    report.sections.push_back(forecast_section(c));
    say(options, "coordination");
    report.sections.push_back(coordination(c));
    say(options, "provenance");
    provenance(c, report);
    return report;
}

}  // namespace aidtrack::report
