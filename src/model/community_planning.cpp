/// \file community_planning.cpp
/// \brief Request states, land uses and their points.

#include <aidtrack/model/community_planning.hpp>

#include "keyword_parse.hpp"

namespace aidtrack {

namespace {
constexpr std::array<const char*, 5> kStates{"submitted", "scored", "ranked", "approved", "rejected"};
constexpr std::array<const char*, 5> kUses{"agriculture", "housing", "infrastructure", "community", "other"};
}  // namespace

const char* to_string(RequestState s) noexcept { return kStates.at(static_cast<std::size_t>(s)); }
const char* to_string(LandUse u) noexcept { return kUses.at(static_cast<std::size_t>(u)); }
RequestState parse_request_state(std::string_view text) {
    return detail::parse_keyword<RequestState>(text, kStates, "request state");
}
LandUse parse_land_use(std::string_view text) { return detail::parse_keyword<LandUse>(text, kUses, "land use"); }

int land_use_points(LandUse use) noexcept {
    switch (use) {
        case LandUse::agriculture:
            return 100;
        case LandUse::housing:
            return 100;
        case LandUse::infrastructure:
            return 80;
        case LandUse::community:
            return 60;
        case LandUse::other:
            return 40;
    }
    return 40;
}

}  // namespace aidtrack
