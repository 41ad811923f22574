#pragma once
/// \file community_planning.hpp
/// \brief Community-based planning: village requests through MAPU, scored, ranked, PMAC approval.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief Workflow state of a request: submitted → scored → ranked → approved | rejected.
enum class RequestState : std::uint8_t { submitted = 0, scored = 1, ranked = 2, approved = 3, rejected = 4 };
/// \brief Intended use of the land once released.
enum class LandUse : std::uint8_t { agriculture = 0, housing = 1, infrastructure = 2, community = 3, other = 4 };

/// "submitted", "scored", "ranked", "approved", "rejected".
[[nodiscard]] const char* to_string(RequestState s) noexcept;
/// "agriculture", "housing", "infrastructure", "community", "other".
[[nodiscard]] const char* to_string(LandUse u) noexcept;
/// Parses a state; throws ParseError.
[[nodiscard]] RequestState parse_request_state(std::string_view text);
/// Parses a land use; throws ParseError.
[[nodiscard]] LandUse parse_land_use(std::string_view text);

/// \brief One step of a request's workflow: the state reached, when and by whom.
struct StateChange {
    RequestState state = RequestState::submitted;
    std::optional<Date> on;
    std::string by;
    friend bool operator==(const StateChange&, const StateChange&) = default;
};

/// \brief A village's request for clearance, put to the provincial work plan by a MAPU.
struct MapuRequest {
    std::string ref;
    std::string province;
    std::string district;
    std::string commune;
    std::string village;
    int plan_year = 0;
    std::optional<Date> submitted_on;
    std::int64_t casualties = 0;  ///< casualties in the village over the last three years
    LandUse land_use = LandUse::other;
    std::int64_t population = 0;  ///< people benefiting
    bool development_plan = false;
    Decimal area_m2;
    std::optional<Money> cost;
    RequestState state = RequestState::submitted;
    std::optional<Decimal> score;  ///< set when scored
    std::optional<int> rank;       ///< set when ranked (1 = first)
    std::vector<StateChange> history;
    Provenance provenance;
    friend bool operator==(const MapuRequest&, const MapuRequest&) = default;
};

/// \brief Weights (percent) of the MAPU criteria; they must sum to 100.
struct PlanningWeights {
    Decimal casualties{30};
    Decimal land_use{20};
    Decimal population{20};
    Decimal development_plan{15};
    Decimal cost{15};
    friend bool operator==(const PlanningWeights&, const PlanningWeights&) = default;
};

/// Points of a land use on the 0-100 scale (agriculture 100, housing 100, infrastructure 80,
/// community 60, other 40).
[[nodiscard]] int land_use_points(LandUse use) noexcept;

}  // namespace aidtrack
