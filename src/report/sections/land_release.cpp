/// \file land_release.cpp
/// \brief The land-release section: land released per year as published, remaining
/// contamination by type (hazard ledgers), casualties per year.

#include "sections.hpp"

#include <aidtrack/model/land_release.hpp>
#include <aidtrack/report/svg_chart.hpp>

#include <array>

namespace aidtrack::report::detail {
namespace {

void remaining(Context& c, Section& s) {
    const ResultsStore& store = c.p.results();
    const Date as_of = make_date(c.year, 12, 31);
    Table table = remaining_contamination(store, as_of, {ContaminationKey::contamination});
    table.set_title("Remaining contamination on " + to_iso(as_of));
    std::int64_t total = 0;
    BarChart chart;
    chart.title = "Contamination on " + to_iso(as_of) + ": remaining and released since recorded (km²)";
    chart.x_label = "contamination";
    chart.y_label = "km²";
    chart.series = {{"remaining", {}, {}}, {"released", {}, {}}};
    for (std::size_t r = 0; r < table.row_count(); ++r) {
        const auto rem = table.at<std::int64_t>(r, "remaining_m2");
        const auto released = table.at<std::int64_t>(r, "cancelled_m2") + table.at<std::int64_t>(r, "reduced_m2") +
                              table.at<std::int64_t>(r, "cleared_m2");
        total += rem;
        chart.categories.push_back(table.text(r, 0));
        chart.series[0].values.emplace_back(static_cast<double>(rem) / kM2PerKm2);
        chart.series[1].values.emplace_back(static_cast<double>(released) / kM2PerKm2);
    }
    s.summary.push_back("Remaining contamination on " + to_iso(as_of) + ": " + km2(static_cast<double>(total)) + " (" +
                        std::to_string(store.hazards().size()) +
                        " hazard record(s); ledger: recorded = cancelled + reduced + cleared + "
                        "remaining).");
    s.charts.push_back({chart.title, render_svg(chart)});
    s.tables.push_back(std::move(table));
}

// Land released per year as published (whole country), drawn as data.
void published_release(Context& c, Section& s) {
    const Table& in = *c.o.published_land_release;
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < in.row_count(); ++r) {
        if (in.at<std::int64_t>(r, "year") <= c.year) rows.push_back(r);
    }
    Table table = in.select_rows(rows);
    table.set_title("Land released per year as published");
    table.add_note(
        "'all' rows are whole-country totals of every contamination type; 'mines', 'cmr' (cluster munition remnants) "
        "and "
        "'erw' rows cover one type only. Methods are split only where the source splits them. Several sources cover "
        "the "
        "same year: each row keeps its own.");
    const auto& per_year = c.land_released();
    if (!per_year.empty()) {
        BarChart chart;
        chart.title = "Land released per year, whole country, all contamination types (km², published)";
        chart.x_label = "year";
        chart.y_label = "km²";
        chart.series = {{"released", {}, {}}};
        for (const auto& [y, m2] : per_year) {
            chart.categories.push_back(std::to_string(y));
            chart.series[0].values.emplace_back(static_cast<double>(m2) / kM2PerKm2);
        }
        s.charts.push_back({chart.title, render_svg(chart)});
        std::int64_t sum = 0;
        for (const auto& [y, m2] : per_year) sum += m2;
        s.summary.push_back("Land released, whole country, as published: " + km2(static_cast<double>(sum)) + " over " +
                            year_span(per_year.begin()->first, per_year.rbegin()->first) + " (" +
                            std::to_string(per_year.size()) + " years with a national total of all types).");
    }
    s.tables.push_back(std::move(table));
}

// The release records behind the hazard ledgers, year by year; illustrative years hatched.
void ledger_release(Context& c, Section& s, bool published) {
    const ResultsStore& store = c.p.results();
    std::map<int, double> area;
    std::map<int, bool> illustrative;
    for (const auto& r : store.releases()) {
        const int y = r.date.year();
        if (y > c.year) continue;
        area[y] += static_cast<double>(r.area_m2) / kM2PerKm2;
        if (r.provenance.evidence == Evidence::illustrative) illustrative[y] = true;
    }
    if (area.empty()) return;
    BarChart bars;
    bars.title = published ? "Release records behind the contamination ledger (km²)" : "Land released per year (km²)";
    bars.x_label = "year";
    bars.y_label = "km²";
    bars.series = {{"released", {}, {}}};
    std::size_t made = 0;
    for (const auto& [y, v] : area) {
        bars.categories.push_back(std::to_string(y));
        bars.series[0].values.emplace_back(v);
        bars.series[0].illustrative.push_back(illustrative[y]);
        made += illustrative[y] ? 1 : 0;
    }
    s.charts.push_back({bars.title, render_svg(bars)});
    Table by_year = releases_by_year(store);
    by_year.set_title(published ? "Release records behind the contamination ledger"
                                : "Land released per year and method");
    if (made > 0) {
        by_year.add_note(std::to_string(made) + " of " + std::to_string(area.size()) +
                         " years hold illustrative records (a published total "
                         "spread over years or types; hatched in the chart): never quote them as a year's figure.");
        s.paragraphs.push_back(
            "The hazard ledgers rest on published totals spread evenly over years and types where no yearly figure is "
            "published; those years are hatched in the chart and listed in the provenance.");
    }
    s.tables.push_back(std::move(by_year));
}

void casualties(Context& c, Section& s) {
    const ResultsStore& store = c.p.results();
    if (store.casualties().empty()) return;
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
        if (k.date.year() > c.year) continue;
        auto& a = years[k.date.year()];
        a[0] += k.killed;
        a[1] += k.injured;
        a[2] += k.amputations;
        auto& e = evidence[k.date.year()];
        const std::string ev = to_string(k.provenance.evidence);
        if (e.find(ev) == std::string::npos) e += (e.empty() ? "" : ", ") + ev;
    }
    if (years.empty()) return;
    LineChart chart;
    chart.title = "Mine and ERW casualties per year";
    chart.x_label = "year";
    chart.y_label = "casualties";
    chart.series = {{"casualties", {}, {}}};
    for (const auto& [y, a] : years) {
        cas.push<std::int64_t>(0, y);
        cas.push<std::int64_t>(1, a[0]);
        cas.push<std::int64_t>(2, a[1]);
        cas.push<std::int64_t>(3, a[2]);
        cas.push<std::int64_t>(4, a[0] + a[1]);
        cas.push<std::string>(5, evidence[y]);
        chart.x.push_back(y);
        chart.series[0].values.emplace_back(static_cast<double>(a[0] + a[1]));
    }
    const auto& [ly, la] = *years.rbegin();
    s.summary.push_back("Casualties " + std::to_string(ly) + ": " + std::to_string(la[0] + la[1]) + " (" +
                        std::to_string(la[0]) + " killed, " + std::to_string(la[1]) + " injured).");
    if (chart.x.size() > 1) s.charts.push_back({chart.title, render_svg(chart)});
    s.tables.push_back(std::move(cas));
}

}  // namespace

Section land_release(Context& c) {
    const std::string title = "Land release and remaining contamination";
    const ResultsStore& store = c.p.results();
    const bool published = c.o.published_land_release && c.o.published_land_release->row_count() > 0;
    if (store.hazards().empty() && !published)
        return unavailable("land-release", title,
                           "the portfolio holds no hazardous areas and no published land release");
    Section s{"land-release", title, true, {}, {}, {}, {}};
    s.paragraphs.push_back(
        "How much land is still contaminated, how much is released each year (cancelled by non-technical survey, "
        "reduced "
        "by technical survey, cleared), and the casualties that make the work urgent.");
    if (!store.hazards().empty()) remaining(c, s);
    if (published) published_release(c, s);
    ledger_release(c, s, published);
    casualties(c, s);
    return s;
}

}  // namespace aidtrack::report::detail
