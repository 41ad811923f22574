/// \file forum.cpp
/// \brief Names of forum roles, constituencies, topics and statuses; meeting lookup.

#include <aidtrack/model/forum.hpp>

#include "keyword_parse.hpp"

#include <array>

namespace aidtrack {

namespace {
constexpr std::array<const char*, 5> kRoles{"chair", "co-chair", "secretariat", "member", "observer"};
constexpr std::array<const char*, 5> kConstituencies{"government", "development partner", "UN", "NGO", "operator"};
constexpr std::array<const char*, 4> kTopics{"resources", "activities", "policy", "strategic framework"};
constexpr std::array<const char*, 3> kStatuses{"open", "closed", "cancelled"};
}  // namespace

const char* to_string(ForumRole r) noexcept { return kRoles.at(static_cast<std::size_t>(r)); }
const char* to_string(Constituency c) noexcept { return kConstituencies.at(static_cast<std::size_t>(c)); }
const char* to_string(AgendaTopic t) noexcept { return kTopics.at(static_cast<std::size_t>(t)); }
const char* to_string(ActionStatus s) noexcept { return kStatuses.at(static_cast<std::size_t>(s)); }

ForumRole parse_forum_role(std::string_view text) {
    return detail::parse_keyword<ForumRole>(text, kRoles, "forum role");
}
Constituency parse_constituency(std::string_view text) {
    // "development partners", "donor" and "United Nations" are what secretariats write.
    const std::string key = normalise_keyword(text);
    if (key == "donor" || key == "development partners" || key == "dp") return Constituency::development_partner;
    if (key == "united nations") return Constituency::un;
    return detail::parse_keyword<Constituency>(text, kConstituencies, "constituency");
}
AgendaTopic parse_agenda_topic(std::string_view text) {
    return detail::parse_keyword<AgendaTopic>(text, kTopics, "agenda topic");
}
ActionStatus parse_action_status(std::string_view text) {
    return detail::parse_keyword<ActionStatus>(text, kStatuses, "action point status");
}

const Meeting* Forum::find_meeting(const std::string& ref) const noexcept {
    for (const auto& m : meetings) {
        if (m.ref == ref) return &m;
    }
    return nullptr;
}

}  // namespace aidtrack
