/// \file coordination.cpp
/// \brief The coordination section: TWG-MA action points, signatories, peacekeeping deployments.

#include "sections.hpp"

#include <aidtrack/measures/coordination_queries.hpp>
#include <aidtrack/report/svg_chart.hpp>

namespace aidtrack::report::detail {

Section coordination(Context& c) {
    const CoordinationStore& store = c.p.coordination();
    if (store.forums.empty() && store.agreements.empty() && store.deployments.empty()) {
        return unavailable("coordination", "Coordination", "the portfolio holds no coordination records");
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
        for (const auto& m : f.meetings)
            if (m.date.year() == c.year) ++meetings;
    }
    s.summary.push_back(std::to_string(meetings) + " forum meeting(s) in " + std::to_string(c.year) + "; " +
                        std::to_string(open.row_count()) + " action point(s) open on " + to_iso(as_of) + ", " +
                        std::to_string(overdue) + " overdue.");
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
            if (when)
                parties.push<Date>(2, *when);
            else
                parties.push_undefined(2);
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
        chart.series = {{"personnel", {}, {}}};
        for (std::size_t r = 0; r < personnel.row_count(); ++r) {
            const auto n = personnel.at<std::int64_t>(r, "personnel");
            total += n;
            chart.categories.push_back(personnel.text(r, personnel.column_index("mission")));
            chart.series[0].values.emplace_back(static_cast<double>(n));
        }
        s.summary.push_back(std::to_string(total) + " personnel deployed to " + std::to_string(personnel.row_count()) +
                            " UN mission(s) since 2005.");
        s.charts.push_back({chart.title, render_svg(chart)});
        s.tables.push_back(std::move(personnel));
    }
    s.paragraphs.push_back(
        "The TWG-MA's follow-up of its decisions, the Partnership Principles' signatories, and Cambodia's "
        "contribution of deminers to UN peacekeeping.");
    return s;
}

}  // namespace aidtrack::report::detail
