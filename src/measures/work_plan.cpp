/// \file work_plan.cpp
/// \brief Scoring and ranking MAPU requests; PMAC decisions.

#include <aidtrack/measures/work_plan.hpp>

#include <algorithm>
#include <limits>

namespace aidtrack {

namespace {

Decimal round6(double value) { return Decimal::from_double(value).rounded(6); }

bool undecided(const MapuRequest& r) {
    return r.state == RequestState::submitted || r.state == RequestState::scored || r.state == RequestState::ranked;
}

// Cost per m², or +infinity when cost or area is missing (such requests score 0 on cost).
long double cost_per_m2(const MapuRequest& r) {
    if (!r.cost || !(Decimal{0} < r.area_m2) || !(Decimal{0} < r.cost->amount())) {
        return std::numeric_limits<long double>::infinity();
    }
    return static_cast<long double>(r.cost->amount().raw()) / static_cast<long double>(r.area_m2.raw());
}

}  // namespace

std::vector<RequestScore> score_requests(const std::vector<MapuRequest>& requests, const std::string& province,
                                         int plan_year, const PlanningWeights& w) {
    AIDTRACK_REQUIRE(w.casualties + w.land_use + w.population + w.development_plan + w.cost == Decimal{100},
                     "MAPU criterion weights must sum to 100");
    std::vector<const MapuRequest*> batch;
    for (const auto& r : requests) {
        if (r.province == province && r.plan_year == plan_year && undecided(r)) batch.push_back(&r);
    }
    std::int64_t max_casualties = 0;
    std::int64_t max_population = 0;
    long double lowest_cost = std::numeric_limits<long double>::infinity();
    for (const MapuRequest* r : batch) {
        max_casualties = std::max(max_casualties, r->casualties);
        max_population = std::max(max_population, r->population);
        lowest_cost = std::min(lowest_cost, cost_per_m2(*r));
    }
    std::vector<RequestScore> scores;
    for (const MapuRequest* r : batch) {
        RequestScore s;
        s.ref = r->ref;
        s.casualties = max_casualties == 0
                           ? Decimal{0}
                           : round6(100.0 * static_cast<double>(r->casualties) / static_cast<double>(max_casualties));
        s.land_use = Decimal{land_use_points(r->land_use)};
        s.population = max_population == 0
                           ? Decimal{0}
                           : round6(100.0 * static_cast<double>(r->population) / static_cast<double>(max_population));
        s.development_plan = Decimal{r->development_plan ? 100 : 0};
        const long double cost = cost_per_m2(*r);
        s.cost = cost == std::numeric_limits<long double>::infinity()
                     ? Decimal{0}
                     : round6(static_cast<double>(100.0L * lowest_cost / cost));
        s.total = round6((w.casualties.to_double() * s.casualties.to_double() +
                          w.land_use.to_double() * s.land_use.to_double() +
                          w.population.to_double() * s.population.to_double() +
                          w.development_plan.to_double() * s.development_plan.to_double() +
                          w.cost.to_double() * s.cost.to_double()) /
                         100.0);
        scores.push_back(s);
    }
    auto request = [&](const std::string& ref) {
        return *std::find_if(batch.begin(), batch.end(), [&](const MapuRequest* r) { return r->ref == ref; });
    };
    std::sort(scores.begin(), scores.end(), [&](const RequestScore& a, const RequestScore& b) {
        if (a.total != b.total) return a.total > b.total;
        // Documented ties: more casualties, larger population, lower cost per m², earlier
        // submission (unknown last), then request ref.
        const MapuRequest* x = request(a.ref);
        const MapuRequest* y = request(b.ref);
        if (x->casualties != y->casualties) return x->casualties > y->casualties;
        if (x->population != y->population) return x->population > y->population;
        const long double cx = cost_per_m2(*x);
        const long double cy = cost_per_m2(*y);
        if (cx != cy) return cx < cy;
        if (x->submitted_on != y->submitted_on) {
            if (!x->submitted_on) return false;
            if (!y->submitted_on) return true;
            return *x->submitted_on < *y->submitted_on;
        }
        return a.ref < b.ref;
    });
    int rank = 0;
    for (auto& s : scores) s.rank = ++rank;
    return scores;
}

Table rank_work_plan(CoordinationStore& store, const std::string& province, int plan_year,
                     const PlanningWeights& weights, std::optional<Date> on, const std::string& by) {
    const auto scores = score_requests(store.mapu_requests, province, plan_year, weights);
    Table t("MAPU request scores, " + province + " " + std::to_string(plan_year));
    t.set_methodology("mapu_weighted_criteria");
    t.add_column<std::int64_t>("rank");
    t.add_column<std::string>("ref");
    t.add_column<std::string>("village");
    t.add_column<Decimal>("casualties", "casualties / max in batch x 100");
    t.add_column<Decimal>("land_use", "land use points");
    t.add_column<Decimal>("population", "population / max in batch x 100");
    t.add_column<Decimal>("development_plan", "100 when in a development plan");
    t.add_column<Decimal>("cost", "lowest cost per m2 / cost per m2 x 100");
    t.add_column<Decimal>("score", "sum of weight x criterion / 100");
    for (const auto& s : scores) {
        auto it = std::find_if(store.mapu_requests.begin(), store.mapu_requests.end(),
                               [&](const MapuRequest& r) { return r.ref == s.ref; });
        it->score = s.total;
        it->rank = s.rank;
        if (it->state == RequestState::submitted) it->history.push_back({RequestState::scored, on, by});
        it->history.push_back({RequestState::ranked, on, by});
        it->state = RequestState::ranked;
        t.push<std::int64_t>(0, s.rank);
        t.push<std::string>(1, s.ref);
        t.push<std::string>(2, it->village);
        t.push<Decimal>(3, s.casualties);
        t.push<Decimal>(4, s.land_use);
        t.push<Decimal>(5, s.population);
        t.push<Decimal>(6, s.development_plan);
        t.push<Decimal>(7, s.cost);
        t.push<Decimal>(8, s.total);
    }
    t.add_note("Weights (percent): casualties " + weights.casualties.to_string(0) + ", land use " +
               weights.land_use.to_string(0) + ", population " + weights.population.to_string(0) +
               ", development plan " + weights.development_plan.to_string(0) + ", cost " + weights.cost.to_string(0) +
               ".");
    t.add_note("Ties: more casualties, larger population, lower cost per m2, earlier submission, request ref.");
    return t;
}

void decide_request(CoordinationStore& store, const std::string& ref, bool approved, const Date& on,
                    const std::string& by) {
    auto it = std::find_if(store.mapu_requests.begin(), store.mapu_requests.end(),
                           [&](const MapuRequest& r) { return r.ref == ref; });
    if (it == store.mapu_requests.end()) throw NotFoundError("no MAPU request '" + ref + "'");
    if (it->state != RequestState::ranked) {
        throw ValidationError("MAPU request '" + ref + "' is " + to_string(it->state) +
                                  "; only a ranked request can be approved or rejected",
                              {}, "mapu-workflow");
    }
    it->state = approved ? RequestState::approved : RequestState::rejected;
    it->history.push_back({it->state, on, by});
}

Table work_plan(const CoordinationStore& store, const std::string& province, int plan_year) {
    std::vector<const MapuRequest*> rows;
    for (const auto& r : store.mapu_requests) {
        if (r.province == province && r.plan_year == plan_year && r.rank) rows.push_back(&r);
    }
    std::sort(rows.begin(), rows.end(), [](const MapuRequest* a, const MapuRequest* b) { return *a->rank < *b->rank; });
    Table t("Work plan, " + province + " " + std::to_string(plan_year));
    t.add_column<std::int64_t>("rank");
    t.add_column<std::string>("ref");
    t.add_column<std::string>("village");
    t.add_column<Decimal>("score");
    t.add_column<Decimal>("cost");
    t.add_column<Decimal>("cumulative_cost", "cost of this and every higher-ranked request");
    t.add_column<std::string>("state");
    t.add_column<std::string>("decided_by");
    t.add_column<Date>("decided_on");
    Decimal cumulative;
    for (const MapuRequest* r : rows) {
        t.push<std::int64_t>(0, *r->rank);
        t.push<std::string>(1, r->ref);
        t.push<std::string>(2, r->village);
        if (r->score) {
            t.push<Decimal>(3, *r->score);
        } else {
            t.push_undefined(3);
        }
        if (r->cost) {
            cumulative += r->cost->amount();
            t.push<Decimal>(4, r->cost->amount());
        } else {
            t.push_undefined(4);
        }
        t.push<Decimal>(5, cumulative);
        t.push<std::string>(6, to_string(r->state));
        const StateChange* decision = nullptr;
        for (const auto& h : r->history) {
            if (h.state == RequestState::approved || h.state == RequestState::rejected) decision = &h;
        }
        t.push<std::string>(7, decision != nullptr ? decision->by : std::string{});
        if (decision != nullptr && decision->on) {
            t.push<Date>(8, *decision->on);
        } else {
            t.push_undefined(8);
        }
    }
    return t;
}

}  // namespace aidtrack
