/// \file results_progress.cpp
/// \brief Indicator progress, trajectory status and weighted roll-up.

#include <aidtrack/measures/results_progress.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace aidtrack {

const char* to_string(ProgressStatus s) noexcept {
    switch (s) {
        case ProgressStatus::on_track:
            return "on-track";
        case ProgressStatus::at_risk:
            return "at-risk";
        case ProgressStatus::off_track:
            return "off-track";
        case ProgressStatus::not_assessed:
            return "not-assessed";
    }
    return "not-assessed";
}

ProgressStatus StatusThresholds::classify(const std::optional<double>& ratio) const noexcept {
    if (!ratio) return ProgressStatus::not_assessed;
    if (*ratio >= on_track) return ProgressStatus::on_track;
    if (*ratio >= at_risk) return ProgressStatus::at_risk;
    return ProgressStatus::off_track;
}

namespace {

bool inside(const Period& inner, const Period& outer) {
    return inner.start() >= outer.start() && inner.end() <= outer.end();
}

/// Space aggregate of the values of one period: the dimensionless total if given, else the
/// sum or mean of the parts.
std::optional<double> space_total(const Indicator& ind, const std::vector<const IndicatorObservation*>& values) {
    for (const auto* v : values) {
        if (v->dimensions.empty() && v->value) return v->value;
    }
    double sum = 0;
    int n = 0;
    for (const auto* v : values) {
        if (!v->value) continue;
        sum += *v->value;
        ++n;
    }
    if (n == 0) return std::nullopt;
    return ind.space_aggregation == SpaceAggregation::sum ? sum : sum / n;
}

bool is_flow(const Indicator& ind) { return ind.time_aggregation == TimeAggregation::sum; }

/// Progress ratio of `actual` towards `goal` from `base`: 1 means the goal is reached.
std::optional<double> ratio(double actual, double goal, std::optional<double> base, bool ascending) {
    if (base) {
        if (goal == *base) return (ascending ? actual >= *base : actual <= *base) ? 1.0 : 0.0;
        return (actual - *base) / (goal - *base);
    }
    if (ascending) {
        if (goal == 0) return actual >= 0 ? 1.0 : 0.0;
        return actual / goal;
    }
    if (actual == 0) return 1.0;  // nothing left of what should fall: fully achieved
    return goal / actual;
}

/// The target governing `period`: the target period ending first on or after the period's end,
/// else the one ending last.
const IndicatorObservation* governing_target(const Indicator& ind, const Period& period) {
    const IndicatorObservation* best = nullptr;
    const IndicatorObservation* last = nullptr;
    for (const auto& v : ind.values) {
        if (v.kind != ValueKind::target || !v.value) continue;
        if (!v.dimensions.empty()) continue;  // totals only
        if (last == nullptr || v.period.end() > last->period.end()) last = &v;
        if (v.period.end() >= period.end() && (best == nullptr || v.period.end() < best->period.end())) best = &v;
    }
    return best != nullptr ? best : last;
}

std::optional<double> actual_with_links(const ResultsStore& store, const Indicator& ind, const Period& period,
                                        std::set<std::string>& visiting, std::string* source) {
    if (auto own = aggregate_values(ind, ValueKind::actual, period)) {
        if (source != nullptr) *source = "reported";
        return own;
    }
    if (!visiting.insert(ind.id).second) return std::nullopt;  // a cycle of links contributes nothing
    double sum = 0;
    bool any = false;
    for (const auto& l : store.links()) {
        if (l.to != ind.id) continue;
        const Indicator* from = store.find_indicator(l.from);
        if (from == nullptr) continue;
        if (auto v = actual_with_links(store, *from, period, visiting, nullptr)) {
            sum += l.weight * *v;
            any = true;
        }
    }
    visiting.erase(ind.id);
    if (!any) return std::nullopt;
    if (source != nullptr) *source = "linked";
    return sum;
}

}  // namespace

std::optional<double> aggregate_values(const Indicator& indicator, ValueKind kind, const Period& period) {
    std::map<std::pair<Date, Date>, std::vector<const IndicatorObservation*>> by_period;
    for (const auto& v : indicator.values) {
        if (v.kind == kind && inside(v.period, period)) by_period[{v.period.end(), v.period.start()}].push_back(&v);
    }
    double sum = 0;
    int n = 0;
    std::optional<double> last;
    for (const auto& [key, values] : by_period) {  // ordered by end date
        const auto total = space_total(indicator, values);
        if (!total) continue;
        sum += *total;
        ++n;
        last = total;
    }
    if (n == 0) return std::nullopt;
    switch (indicator.time_aggregation) {
        case TimeAggregation::sum:
            return sum;
        case TimeAggregation::average:
            return sum / n;
        case TimeAggregation::last:
            return last;
    }
    return last;
}

IndicatorProgress indicator_progress(const ResultsStore& store, const Indicator& ind, const Period& period,
                                     const StatusThresholds& thresholds) {
    IndicatorProgress p;
    p.indicator = ind.id;
    p.period = period;
    const bool flow = is_flow(ind);
    // A flow (summed over time) starts from nothing each period; a level starts from its baseline.
    if (!flow) p.baseline = ind.baseline_value;
    std::set<std::string> visiting;
    p.actual = actual_with_links(store, ind, period, visiting, &p.actual_source);

    const auto in_period = aggregate_values(ind, ValueKind::target, period);
    const IndicatorObservation* gov = governing_target(ind, period);
    if (in_period) {
        p.target = in_period;
        p.expected = in_period;
    } else if (gov != nullptr) {
        const double t = *gov->value;
        p.target = t;
        if (flow) {
            // The target is spread evenly by day over its period.
            p.expected =
                t * static_cast<double>(gov->period.overlap_days(period)) / static_cast<double>(gov->period.days());
        } else if (ind.baseline_value && ind.baseline_date && gov->period.end() > *ind.baseline_date) {
            const double b = *ind.baseline_value;
            const double span = static_cast<double>((gov->period.end() - *ind.baseline_date).days());
            double f = static_cast<double>((period.end() - *ind.baseline_date).days()) / span;
            f = std::clamp(f, 0.0, 1.0);
            p.expected = b + (t - b) * f;
        } else {
            p.expected = t;
        }
    }
    const bool numeric = ind.measure == IndicatorMeasure::unit || ind.measure == IndicatorMeasure::percentage;
    if (numeric && p.actual) {
        if (p.target) {
            if (auto r = ratio(*p.actual, *p.target, p.baseline, ind.ascending)) p.achieved_pct = *r * 100.0;
        }
        if (p.expected) p.trajectory_ratio = ratio(*p.actual, *p.expected, p.baseline, ind.ascending);
    }
    if (p.trajectory_ratio && !std::isfinite(*p.trajectory_ratio)) p.trajectory_ratio.reset();
    p.status = thresholds.classify(p.trajectory_ratio);
    return p;
}

namespace {
void push_opt(Table& t, std::size_t col, const std::optional<double>& v) {
    if (v)
        t.push<double>(col, *v);
    else
        t.push_undefined(col);
}
void add_threshold_note(Table& t, const StatusThresholds& th) {
    t.add_note("Status from the trajectory ratio r (share of the expected progress achieved): on-track r >= " +
               std::to_string(th.on_track) + ", at-risk r >= " + std::to_string(th.at_risk) + ", else off-track.");
}
}  // namespace

Table progress_table(const ResultsStore& store, const std::string& strategy_id, const Period& period,
                     const StatusThresholds& thresholds) {
    Table t("Indicator progress " + period.to_string());
    t.set_methodology("linear-trajectory");
    t.add_column<std::string>("strategy");
    t.add_column<std::string>("node");
    t.add_column<std::string>("indicator");
    t.add_column<std::string>("title");
    t.add_column<std::string>("measure");
    t.add_column<std::int64_t>("ascending", "1 when more is better");
    t.add_column<std::string>("unit");
    t.add_column<Date>("period_start");
    t.add_column<Date>("period_end");
    t.add_column<double>("baseline", "baseline value (levels only; flows start from 0)");
    t.add_column<double>("target", "target inside the period, else the governing target");
    t.add_column<double>("actual", "aggregated actual (own, else weighted sum of linked indicators)");
    t.add_column<std::string>("actual_source");
    t.add_column<double>("expected", "linear trajectory value for the period");
    t.add_column<double>("achieved_pct", "progress towards the target, %");
    t.add_column<double>("trajectory_ratio", "progress relative to the trajectory");
    t.add_column<std::string>("status");
    for (const auto& ind : store.indicators()) {
        if (!strategy_id.empty() && ind.strategy != strategy_id) continue;
        const IndicatorProgress p = indicator_progress(store, ind, period, thresholds);
        t.push<std::string>(0, ind.strategy);
        t.push<std::string>(1, ind.node);
        t.push<std::string>(2, ind.id);
        t.push<std::string>(3, ind.title);
        t.push<std::string>(4, to_string(ind.measure));
        t.push<std::int64_t>(5, ind.ascending ? 1 : 0);
        t.push<std::string>(6, ind.unit);
        t.push<Date>(7, period.start());
        t.push<Date>(8, period.end());
        push_opt(t, 9, p.baseline);
        push_opt(t, 10, p.target);
        push_opt(t, 11, p.actual);
        t.push<std::string>(12, p.actual_source);
        push_opt(t, 13, p.expected);
        push_opt(t, 14, p.achieved_pct);
        push_opt(t, 15, p.trajectory_ratio);
        t.push<std::string>(16, to_string(p.status));
    }
    t.add_note(
        "Flows (time aggregation sum): expected = target x overlap days / target period days. Levels: expected = "
        "baseline + (target - baseline) x elapsed / span from the baseline date to the target's end.");
    t.add_note("Ratio: with a baseline (a - b) / (goal - b); ascending without one a / goal; descending goal / a.");
    add_threshold_note(t, thresholds);
    return t;
}

Table rollup_table(const ResultsStore& store, const std::string& strategy_id, const Period& period,
                   const StatusThresholds& thresholds) {
    const Strategy* s = store.find_strategy(strategy_id);
    if (s == nullptr) throw NotFoundError("no strategy '" + strategy_id + "'");
    struct Acc {
        double weighted = 0;
        double weights = 0;
        std::int64_t indicators = 0;
    };
    std::map<std::string, Acc> acc;
    for (const auto& ind : store.indicators()) {
        if (ind.strategy != strategy_id) continue;
        const auto p = indicator_progress(store, ind, period, thresholds);
        if (!p.trajectory_ratio || ind.weight == 0) continue;
        // Capped to [0, 1]: overachievement on one indicator must not hide a failure on another.
        auto& a = acc[ind.node];
        a.weighted += ind.weight * std::clamp(*p.trajectory_ratio, 0.0, 1.0);
        a.weights += ind.weight;
        a.indicators += 1;
    }
    // Children come after parents, so walking backwards finishes each node before its parent.
    std::map<std::string, std::optional<double>> score;
    std::map<std::string, std::int64_t> counted;
    for (auto it = s->nodes.rbegin(); it != s->nodes.rend(); ++it) {
        Acc a = acc[it->id];
        const std::int64_t own = a.indicators;
        std::int64_t total = own;
        for (const auto& child : s->nodes) {
            if (child.parent != it->id) continue;
            const auto& cs = score[child.id];
            total += counted[child.id];
            if (!cs || child.weight == 0) continue;
            a.weighted += child.weight * *cs;
            a.weights += child.weight;
        }
        counted[it->id] = total;
        score[it->id] = a.weights > 0 ? std::optional<double>(a.weighted / a.weights) : std::nullopt;
    }
    Table t("Results roll-up of " + s->name + " " + period.to_string());
    t.set_methodology("weighted-rollup");
    t.add_column<std::string>("node");
    t.add_column<std::string>("level");
    t.add_column<std::string>("parent");
    t.add_column<std::string>("title");
    t.add_column<double>("weight");
    t.add_column<std::int64_t>("indicators", "indicators assessed in the node and below");
    t.add_column<double>("score", "weighted mean of capped ratios of own indicators and child nodes");
    t.add_column<std::string>("status");
    for (const auto& n : s->nodes) {
        t.push<std::string>(0, n.id);
        t.push<std::string>(1, to_string(n.level));
        t.push<std::string>(2, n.parent);
        t.push<std::string>(3, n.title);
        t.push<double>(4, n.weight);
        t.push<std::int64_t>(5, counted[n.id]);
        push_opt(t, 6, score[n.id]);
        t.push<std::string>(7, to_string(thresholds.classify(score[n.id])));
    }
    t.add_note(
        "score(node) = sum(w_i x min(max(r_i, 0), 1)) / sum(w_i) over the node's assessed indicators "
        "(indicator weights) and assessed child nodes (node weights).");
    add_threshold_note(t, thresholds);
    return t;
}

Table indicators_table(const ResultsStore& store) {
    Table t("Indicators");
    t.add_column<std::string>("indicator");
    t.add_column<std::string>("strategy");
    t.add_column<std::string>("node");
    t.add_column<std::string>("title");
    t.add_column<std::string>("measure");
    t.add_column<std::int64_t>("ascending");
    t.add_column<std::string>("unit");
    t.add_column<std::string>("time_aggregation");
    t.add_column<std::string>("space_aggregation");
    t.add_column<Date>("baseline_date");
    t.add_column<double>("baseline_value");
    t.add_column<double>("weight");
    t.add_column<std::int64_t>("values");
    t.add_column<std::string>("evidence");
    for (const auto& i : store.indicators()) {
        t.push<std::string>(0, i.id);
        t.push<std::string>(1, i.strategy);
        t.push<std::string>(2, i.node);
        t.push<std::string>(3, i.title);
        t.push<std::string>(4, to_string(i.measure));
        t.push<std::int64_t>(5, i.ascending ? 1 : 0);
        t.push<std::string>(6, i.unit);
        t.push<std::string>(7, to_string(i.time_aggregation));
        t.push<std::string>(8, to_string(i.space_aggregation));
        if (i.baseline_date)
            t.push<Date>(9, *i.baseline_date);
        else
            t.push_undefined(9);
        push_opt(t, 10, i.baseline_value);
        t.push<double>(11, i.weight);
        t.push<std::int64_t>(12, static_cast<std::int64_t>(i.values.size()));
        t.push<std::string>(13, to_string(i.provenance.evidence));
    }
    return t;
}

Table indicator_values_table(const ResultsStore& store) {
    Table t("Indicator targets and actuals");
    t.add_column<std::string>("indicator");
    t.add_column<std::string>("kind");
    t.add_column<Date>("start");
    t.add_column<Date>("end");
    t.add_column<double>("value");
    t.add_column<std::string>("text");
    t.add_column<std::string>("dimensions", "name=value pairs, ';'-separated");
    for (const auto& i : store.indicators()) {
        for (const auto& v : i.values) {
            t.push<std::string>(0, i.id);
            t.push<std::string>(1, to_string(v.kind));
            t.push<Date>(2, v.period.start());
            t.push<Date>(3, v.period.end());
            push_opt(t, 4, v.value);
            t.push<std::string>(5, v.text);
            std::string dims;
            for (const auto& d : v.dimensions) dims += (dims.empty() ? "" : ";") + d.name + "=" + d.value;
            t.push<std::string>(6, dims);
        }
    }
    return t;
}

}  // namespace aidtrack
