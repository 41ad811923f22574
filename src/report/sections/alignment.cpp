/// \file alignment.cpp
/// \brief The alignment section: project money by NMAS objective (strategy_alignment).

#include "sections.hpp"

#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>
#include <aidtrack/model/transaction_type.hpp>
#include <aidtrack/report/svg_chart.hpp>

namespace aidtrack::report::detail {

namespace {

// Disbursements of activities funded by another activity of the portfolio.
std::size_t pass_through_disbursements(const Portfolio& projects) {
    const std::set<std::uint32_t> pass = measures::pass_through_activities(projects);
    std::size_t chained = 0;
    const auto& tx = projects.transactions();
    for (std::size_t i = 0; i < tx.size(); ++i) {
        if (is_type(tx.type[i], TransactionType::disbursement) && pass.contains(tx.activity[i])) ++chained;
    }
    return chained;
}

}  // namespace

Section alignment(Context& c) {
    const std::string title = "Alignment to NMAS objectives";
    if (c.o.nmas_mapping.empty())
        return unavailable("alignment", title, "no mapping of activities to NMAS objectives was given");
    measures::MeasureOptions m;
    m.currency = c.o.currency;
    m.rates = &c.convert.rates();
    for (int y = 2000; y <= c.year; ++y) m.years.push_back(y);
    // The mapping names the activities that report the money (the agencies' projects and
    // outputs). At the default hop 'origin' the disbursements of activities funded by another
    // activity of the portfolio count only at the activity that first sent the money, which no
    // mapping names; so alignment counts each disbursement at the activity that reported it.
    m.hop = measures::FlowHop::reported;
    const Portfolio& projects = c.projects();
    const std::size_t chained = pass_through_disbursements(projects);
    Table t = rows_with_data(measures::strategy_alignment(projects, m, c.o.nmas_mapping), {"numerator", "denominator"});
    if (t.row_count() == 0) {
        return unavailable("alignment", title,
                           "no activity in scope recorded a disbursement (type 3) up to " + std::to_string(c.year) +
                               ", so there is no money to map to the strategy");
    }
    if (!c.series.empty())
        t.add_note("Project money only: the published aggregates (" + c.series_names() + ") are left out.");
    t.add_note(
        "hop 'reported': disbursements counted at the activity that reported them, the activities the mapping names.");
    t.add_note("Rows with nothing disbursed are left out.");
    Section s{"alignment", title, true, {}, {}, {}, {}};
    s.paragraphs.push_back(
        "Share of each donor's disbursements (IATI type 3) that goes to each NMAS goal, through a mapping of "
        "activities "
        "to goals; '(unmapped)' is money no mapping covers. Methodology nmas-mapping (Partnership Principles).");
    s.paragraphs.push_back(
        "Counted at hop 'reported': each disbursement is credited to the activity that reported it, because the "
        "mapping "
        "names the activities that report the money, not the donors' activities that first sent it. " +
        std::to_string(chained) +
        " disbursement(s) belong to pass-through activities (funded by another activity of "
        "the portfolio) and count at each hop that reports them.");
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
            Series series{objective, {}, {}};
            for (int y : years) {
                const auto it = values.find(y);
                series.values.push_back(it == values.end() ? std::nullopt : std::optional<double>(it->second));
            }
            chart.series.push_back(std::move(series));
        }
        s.charts.push_back({chart.title, render_svg(chart)});
        auto mapped_in = [&](int y) {
            const auto u = by_objective.find(measures::kUnmapped);
            if (u == by_objective.end()) return 100.0;
            const auto v = u->second.find(y);
            return v == u->second.end() ? 100.0 : 100 - v->second;
        };
        const int last = *years.rbegin();
        s.summary.push_back(fixed(mapped_in(last), 0) + "% of the " + std::to_string(last) +
                            " disbursements in scope are mapped to NMAS goals (" + std::to_string(years.size()) +
                            " year(s) with disbursements, " + std::to_string(c.o.nmas_mapping.size()) +
                            " mapping rows).");
    }
    s.tables.push_back(std::move(t));  // the measure names its donors (donor_name) beside their refs
    return s;
}

}  // namespace aidtrack::report::detail
