/// \file portfolio_subset.cpp
/// \brief Copying a Portfolio restricted to some of its activities.

#include <aidtrack/model/portfolio_subset.hpp>

#include <limits>
#include <vector>

namespace aidtrack {

Portfolio subset(const Portfolio& from, const std::function<bool(std::uint32_t)>& keep) {
    constexpr std::uint32_t kDropped = std::numeric_limits<std::uint32_t>::max();
    Portfolio out;
    for (const auto& org : from.organisations()) out.upsert_organisation(org);
    std::vector<std::uint32_t> index(from.activity_count(), kDropped);  // old activity index -> new
    std::vector<Activity> kept;
    for (std::uint32_t a = 0; a < from.activity_count(); ++a) {
        if (!keep(a)) continue;
        index[a] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(from.activity(a));
    }
    out.add_activities(std::move(kept));
    const auto& t = from.transactions();
    std::size_t rows = 0;
    for (std::size_t i = 0; i < t.size(); ++i) rows += index[t.activity[i]] != kDropped ? 1 : 0;
    out.reserve(0, rows);
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::uint32_t to = index[t.activity[i]];
        if (to == kDropped) continue;
        Transaction row = t.row(i);
        row.activity = to;
        out.add_transaction(row);
    }
    for (Budget b : from.budgets()) {
        if (index[b.activity] == kDropped) continue;
        b.activity = index[b.activity];
        out.add_budget(std::move(b));
    }
    for (PlannedDisbursement pd : from.planned_disbursements()) {
        if (index[pd.activity] == kDropped) continue;
        pd.activity = index[pd.activity];
        out.add_planned_disbursement(std::move(pd));
    }
    out.results() = from.results();
    out.coordination() = from.coordination();
    out.add_diagnostics(from.diagnostics());
    return out;
}

}  // namespace aidtrack
