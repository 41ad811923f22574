/// \file overlap.cpp
/// \brief Pairs of activities of different donors sharing province, objective and time.

#include <aidtrack/measures/overlap.hpp>

#include "measure_table.hpp"

#include <algorithm>
#include <unordered_map>

namespace aidtrack::measures {

Table overlap(const Portfolio& portfolio, const MeasureOptions& options, const std::vector<ActivityShare>& objectives,
              const std::vector<ActivityShare>& provinces) {
    const std::string m = detail::methodology_or(options, "overlap", {"overlap"});
    std::unordered_map<std::string, std::set<std::string>> obj, prov;
    for (const auto& s : objectives)
        if (!s.percentage || !s.percentage->is_zero()) obj[s.activity_id].insert(s.code);
    for (const auto& s : provinces)
        if (!s.percentage || !s.percentage->is_zero()) prov[s.activity_id].insert(s.code);
    struct Item {
        std::uint32_t index;
        std::string donor;
        Period period;
    };
    // (province, objective) → activities there.
    std::map<std::pair<std::string, std::string>, std::vector<Item>> places;
    std::size_t undated = 0;
    for (std::uint32_t i = 0; i < portfolio.activity_count(); ++i) {
        const Activity& a = portfolio.activity(i);
        const auto o = obj.find(a.identifier);
        const auto p = prov.find(a.identifier);
        if (o == obj.end() || p == prov.end()) continue;
        if (!a.start() || !a.end() || *a.end() < *a.start()) {
            ++undated;
            continue;
        }
        std::string donor = a.reporting_org.ref;
        if (options.donor == DonorDefinition::provider_org) {
            const auto funders = a.orgs_with_role(OrgRole::funding);
            if (!funders.empty()) donor = funders.front();
        }
        for (const auto& pc : p->second)
            for (const auto& oc : o->second) places[{pc, oc}].push_back({i, donor, Period(*a.start(), *a.end())});
    }
    Table out("Overlap: activities of different donors in the same province and objective");
    out.set_methodology(m);
    for (const char* c : {"province", "objective", "activity_a", "donor_a", "activity_b", "donor_b"})
        out.add_column<std::string>(c);
    out.add_column<Date>("overlap_start");
    out.add_column<Date>("overlap_end");
    out.add_column<std::int64_t>("overlap_days", "days both activities run");
    for (const auto& [place, items] : places) {
        for (std::size_t x = 0; x < items.size(); ++x) {
            for (std::size_t y = x + 1; y < items.size(); ++y) {
                const Item& a = items[x];
                const Item& b = items[y];
                if (a.donor == b.donor) continue;
                const long days = a.period.overlap_days(b.period);
                if (days <= 0) continue;
                const Period shared(std::max(a.period.start(), b.period.start()),
                                    std::min(a.period.end(), b.period.end()));
                if (!options.years.empty()) {
                    const auto fys = options.calendar.fiscal_years_in(shared);
                    if (std::ranges::none_of(fys, [&](int fy) { return detail::wanted(options, fy); })) continue;
                }
                out.push<std::string>(0, place.first);
                out.push<std::string>(1, place.second);
                out.push<std::string>(2, portfolio.activity(a.index).identifier);
                out.push<std::string>(3, a.donor);
                out.push<std::string>(4, portfolio.activity(b.index).identifier);
                out.push<std::string>(5, b.donor);
                out.push<Date>(6, shared.start());
                out.push<Date>(7, shared.end());
                out.push<std::int64_t>(8, days);
            }
        }
    }
    out.add_note("test (overlap): different donors, same province and objective, periods sharing at least one day");
    if (undated != 0)
        out.add_note(std::to_string(undated) + " mapped activities without a start and end date left out");
    return out;
}

}  // namespace aidtrack::measures
