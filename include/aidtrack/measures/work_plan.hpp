#pragma once
/// \file work_plan.hpp
/// \brief Community-based planning: scoring MAPU requests, ranking them into a provincial work
/// plan and recording PMAC decisions.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/coordination_store.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief The criterion scores (0-100) and weighted total of one request.
struct RequestScore {
    std::string ref;
    Decimal casualties;
    Decimal land_use;
    Decimal population;
    Decimal development_plan;
    Decimal cost;
    Decimal total;  ///< Σ weight × criterion / 100, rounded to 6 decimals
    int rank = 0;   ///< 1 = first in the work plan
};

/// Scores and ranks the requests of `province` for `plan_year` that are not yet decided, under
/// `weights` (which must sum to 100). Ties: more casualties, larger population, lower cost per
/// m², earlier submission, request ref.
[[nodiscard]] std::vector<RequestScore> score_requests(const std::vector<MapuRequest>& requests,
                                                       const std::string& province, int plan_year,
                                                       const PlanningWeights& weights = {});

/// Scores and ranks in the store (state → ranked, history gets "scored" and "ranked" by `by`
/// on `on`) and returns the scores as a table. Columns: rank, ref, village, casualties,
/// land_use, population, development_plan, cost, score.
Table rank_work_plan(CoordinationStore& store, const std::string& province, int plan_year,
                     const PlanningWeights& weights = {}, std::optional<Date> on = std::nullopt,
                     const std::string& by = "MAPU");

/// Records a PMAC decision on a ranked request; throws NotFoundError for an unknown ref and
/// ValidationError when the request is not in state "ranked".
void decide_request(CoordinationStore& store, const std::string& ref, bool approved, const Date& on,
                    const std::string& by);

/// The work plan of a province and year in rank order. Columns: rank, ref, village, score,
/// cost, cumulative_cost, state, decided_by, decided_on.
[[nodiscard]] Table work_plan(const CoordinationStore& store, const std::string& province, int plan_year);

}  // namespace aidtrack
