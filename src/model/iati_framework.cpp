/// \file iati_framework.cpp
/// \brief IATI results → project frameworks linked to national indicators.

#include <aidtrack/model/iati_framework.hpp>

namespace aidtrack {
namespace {

std::optional<Period> period_of(const IndicatorPeriod& p) {
    if (!p.start || !p.end || *p.end < *p.start) return std::nullopt;
    return Period(*p.start, *p.end);
}

}  // namespace

IatiFrameworkCounts import_iati_frameworks(const Portfolio& portfolio, ResultsStore& store,
                                           const IatiFrameworkOptions& options) {
    IatiFrameworkCounts counts;
    for (const auto& a : portfolio.activities()) {
        if (a.results.empty()) continue;
        const std::string sid = options.strategy_prefix + a.identifier;
        if (store.find_strategy(sid) != nullptr) continue;
        // The framework spans the activity, else the indicator periods it reports.
        std::optional<Date> start = a.start();
        std::optional<Date> end = a.end();
        for (const auto& r : a.results) {
            for (const auto& i : r.indicators) {
                for (const auto& p : i.periods) {
                    if (auto pp = period_of(p)) {
                        if (!start || pp->start() < *start) start = pp->start();
                        if (!end || pp->end() > *end) end = pp->end();
                    }
                }
            }
        }
        Strategy s;
        s.id = sid;
        s.name = text_of(a.title);
        if (s.name.empty()) s.name = a.identifier;
        if (start && end && *end >= *start) s.period = Period(*start, *end);
        s.owner = a.reporting_org.ref;
        s.provenance = a.provenance;
        s.provenance.evidence = Evidence::reported;
        for (std::size_t ri = 0; ri < a.results.size(); ++ri) {
            ResultNode n;
            n.id = "R" + std::to_string(ri + 1);
            n.level = ResultLevel::goal;
            n.title = text_of(a.results[ri].title);
            s.nodes.push_back(std::move(n));
        }
        store.add_strategy(std::move(s));
        ++counts.strategies;

        for (std::size_t ri = 0; ri < a.results.size(); ++ri) {
            const auto& r = a.results[ri];
            for (std::size_t ii = 0; ii < r.indicators.size(); ++ii) {
                const auto& src = r.indicators[ii];
                Indicator ind;
                ind.id = sid + "/R" + std::to_string(ri + 1) + ".I" + std::to_string(ii + 1);
                ind.strategy = sid;
                ind.node = "R" + std::to_string(ri + 1);
                ind.title = text_of(src.title);
                try {
                    ind.measure = indicator_measure_from_string(src.measure.empty() ? "1" : src.measure);
                } catch (const ParseError&) {
                    ind.measure = IndicatorMeasure::unit;
                }
                ind.ascending = src.ascending;
                const bool share = ind.measure == IndicatorMeasure::percentage;
                ind.time_aggregation = share ? TimeAggregation::average : TimeAggregation::sum;
                ind.space_aggregation = share ? SpaceAggregation::average : SpaceAggregation::sum;
                for (const auto& b : src.baselines) {
                    if (!b.value.value) continue;
                    if (b.iso_date)
                        ind.baseline_date = *b.iso_date;
                    else if (b.year > 0)
                        ind.baseline_date = make_date(b.year, 12, 31);
                    else
                        continue;
                    ind.baseline_value = b.value.value->to_double();
                    break;
                }
                ind.provenance = a.provenance;
                const bool numeric = ind.measure == IndicatorMeasure::unit || share;
                for (const auto& p : src.periods) {
                    const auto pp = period_of(p);
                    auto take = [&](const std::vector<IndicatorValue>& values, ValueKind kind) {
                        for (const auto& v : values) {
                            if (!pp || (numeric && !v.value)) {
                                ++counts.skipped_values;
                                continue;
                            }
                            IndicatorObservation o;
                            o.kind = kind;
                            o.period = *pp;
                            if (v.value) o.value = v.value->to_double();
                            o.text = v.text;
                            o.dimensions = v.dimensions;
                            o.provenance = a.provenance;
                            ind.values.push_back(std::move(o));
                            ++counts.values;
                        }
                    };
                    take(p.targets, ValueKind::target);
                    take(p.actuals, ValueKind::actual);
                }
                const std::string title = ind.title;
                const std::string id = ind.id;
                store.add_indicator(std::move(ind));
                ++counts.indicators;

                std::string target;
                if (auto it = options.links.find(a.identifier + "|" + title); it != options.links.end())
                    target = it->second;
                else if (auto it2 = options.links.find(title); it2 != options.links.end())
                    target = it2->second;
                else {
                    for (const auto& ref : src.references) {
                        if (store.find_indicator(ref.code) != nullptr) {
                            target = ref.code;
                            break;
                        }
                    }
                }
                if (!target.empty()) {
                    store.add_link({id, target, options.weight});
                    ++counts.links;
                }
            }
        }
    }
    return counts;
}

}  // namespace aidtrack
