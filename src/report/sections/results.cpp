/// \file results.cpp
/// \brief The results section: progress per goal of each strategy (results_progress).

#include "sections.hpp"

#include <aidtrack/measures/results_progress.hpp>

#include <algorithm>

namespace aidtrack::report::detail {

Section results(Context& c) {
    const ResultsStore& store = c.p.results();
    if (store.strategies().empty())
        return unavailable("results", "Results progress per NMAS goal", "the portfolio holds no strategy");
    Section s{"results", "Results progress per NMAS goal", true, {}, {}, {}, {}};
    s.paragraphs.push_back(
        "Each indicator's actual against its target over the strategy period up to the report year; the status "
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
            s.summary.push_back(rollup.text(r, rollup.column_index("node")) + " " +
                                rollup.text(r, rollup.column_index("title")) + ": " +
                                rollup.text(r, rollup.column_index("status")));
        }
        s.tables.push_back(std::move(rollup));
        s.tables.push_back(std::move(progress));
    }
    return s;
}

}  // namespace aidtrack::report::detail
