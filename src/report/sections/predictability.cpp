/// \file predictability.cpp
/// \brief The predictability section: in-year predictability for the donors that publish
/// schedules; otherwise support against the strategy's published annual requirement.

#include "sections.hpp"

#include <aidtrack/measures/predictability.hpp>
#include <aidtrack/report/svg_chart.hpp>

namespace aidtrack::report::detail {
namespace {

// International support against the yearly amounts the national strategy published as needed.
std::optional<Table> against_requirement(Context& c) {
    if (!c.o.funding_needs) return std::nullopt;
    const Table& needs = *c.o.funding_needs;
    const auto& international = c.international();
    const auto& national = c.national();
    Table t("Support received against the strategy's annual requirement");
    t.add_column<std::int64_t>("year");
    t.add_column<Decimal>("required_" + c.o.currency.str(), "the strategy's published requirement for the year");
    t.add_column<Decimal>("international_" + c.o.currency.str(), "international support received");
    t.add_column<Decimal>("national_" + c.o.currency.str(), "national contribution, where published");
    t.add_column<double>("international_share_of_requirement", "international / required");
    t.add_column<std::string>("source", "where the requirement is published");
    for (std::size_t r = 0; r < needs.row_count(); ++r) {
        if (needs.at<std::string>(r, "scope") != "annual requirement" || !needs.defined(r, "period_start") ||
            !needs.defined(r, "period_end"))
            continue;
        const auto first = needs.at<std::int64_t>(r, "period_start");
        if (first != needs.at<std::int64_t>(r, "period_end")) continue;
        const int y = static_cast<int>(first);
        const auto got = international.find(y);
        if (got == international.end() || y > c.year) continue;
        const Decimal required = needs.at<Decimal>(r, "amount_usd");
        t.push<std::int64_t>(0, y);
        t.push<Decimal>(1, required);
        t.push<Decimal>(2, got->second);
        if (const auto n = national.find(y); n != national.end())
            t.push<Decimal>(3, n->second);
        else
            t.push_undefined(3);
        t.push<double>(4, got->second.to_double() / required.to_double(), required != Decimal(0));
        t.push<std::string>(5, needs.at<std::string>(r, "source"));
    }
    if (t.row_count() == 0) return std::nullopt;
    t.add_note(
        "Only years with both a published requirement for that single year and a published international total.");
    return t;
}

}  // namespace

Section predictability(Context& c) {
    const std::string title = "Predictability";
    measures::MeasureOptions m;
    m.currency = c.o.currency;
    m.rates = &c.convert.rates();
    for (int y = 2000; y <= c.year; ++y) m.years.push_back(y);
    // A schedule is a donor's planned disbursements; an activity budget is no promise of when
    // money arrives, so it does not stand in for one here.
    m.budgets_as_schedule_fallback = false;
    const Table all = measures::annual_predictability(c.projects(), m);
    // Only donors with a schedule: a donor-year with nothing scheduled has no predictability.
    std::vector<std::size_t> scheduled;
    for (std::size_t r = 0; r < all.row_count(); ++r) {
        if (all.defined(r, "scheduled") && all.at<Decimal>(r, "scheduled") != Decimal(0)) scheduled.push_back(r);
    }
    Table t = all.select_rows(scheduled);
    std::vector<std::pair<int, double>> values;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.text(r, t.column_index("donor")) == measures::kAllDonors && t.defined(r, "value")) {
            values.emplace_back(static_cast<int>(t.at<std::int64_t>(r, "fiscal_year")), t.at<double>(r, "value"));
        }
    }
    std::optional<Table> requirement = against_requirement(c);
    if (values.empty()) {
        const std::string why = "no donor in scope published planned disbursements for a year up to " +
                                std::to_string(c.year) +
                                ", and in-year predictability compares disbursements with schedules";
        if (!requirement) return unavailable("predictability", title, why);
        Section s{"predictability", title, true, {}, {}, {}, {}};
        s.paragraphs.push_back("In-year predictability (GPEDC indicator 5a) is not available, because " + why + ".");
        s.paragraphs.push_back(
            "What the data does support: the international support received in a year against the amount the national "
            "strategy published as required for that year.");
        const Table& r = *requirement;
        for (std::size_t i = 0; i < r.row_count(); ++i) {
            s.summary.push_back(
                std::to_string(r.at<std::int64_t>(i, "year")) + ": " +
                millions(r.at<Decimal>(i, "international_" + c.o.currency.str()), c.o.currency) + " received against " +
                millions(r.at<Decimal>(i, "required_" + c.o.currency.str()), c.o.currency) +
                " required by the strategy (" + percent(r.at<double>(i, "international_share_of_requirement")) + ").");
        }
        s.summary.insert(
            s.summary.begin(),
            "In-year predictability: not available, because no donor in scope published planned disbursements.");
        s.tables.push_back(std::move(*requirement));
        return s;
    }
    Section s{"predictability", title, true, {}, {}, {}, {}};
    s.paragraphs.push_back(
        "In-year predictability (GPEDC 2018 indicator 5a): disbursements recorded in a year against the planned "
        "disbursements published for it, for the donors that published them.");
    if (!c.series.empty())
        t.add_note("Project money only: the published aggregates (" + c.series_names() + ") have no schedule.");
    t.add_note("Only donor-years with a schedule are listed.");
    LineChart chart;
    chart.title = "In-year predictability, donors with schedules";
    chart.x_label = "year";
    chart.y_label = "min(D, S) / S";
    chart.series = {{"predictability", {}, {}}};
    for (const auto& [y, v] : values) {
        chart.x.push_back(y);
        chart.series[0].values.emplace_back(v);
    }
    if (chart.x.size() > 1) s.charts.push_back({chart.title, render_svg(chart)});
    s.summary.push_back("In-year predictability of the donors with schedules, " + std::to_string(values.back().first) +
                        ": " + percent(values.back().second) + " (" + std::to_string(values.size()) +
                        " year(s) with schedules).");
    s.tables.push_back(std::move(t));  // the measure names its donors (donor_name) beside their refs
    if (requirement) s.tables.push_back(std::move(*requirement));
    return s;
}

}  // namespace aidtrack::report::detail
