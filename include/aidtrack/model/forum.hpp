#pragma once
/// \file forum.hpp
/// \brief A coordination forum (the TWG-MA): members, meetings, decisions and action points.

#include <aidtrack/core/date.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief The role an organisation holds in a forum.
enum class ForumRole : std::uint8_t { chair = 0, co_chair = 1, secretariat = 2, member = 3, observer = 4 };
/// \brief The constituency an organisation speaks for.
enum class Constituency : std::uint8_t { government = 0, development_partner = 1, un = 2, ngo = 3, operator_ = 4 };
/// \brief What an agenda item is about (the TWG-MA's four remits).
enum class AgendaTopic : std::uint8_t { resources = 0, activities = 1, policy = 2, strategic_framework = 3 };
/// \brief Where an action point stands.
enum class ActionStatus : std::uint8_t { open = 0, closed = 1, cancelled = 2 };

/// "chair", "co-chair", "secretariat", "member", "observer".
[[nodiscard]] const char* to_string(ForumRole r) noexcept;
/// "government", "development partner", "UN", "NGO", "operator".
[[nodiscard]] const char* to_string(Constituency c) noexcept;
/// "resources", "activities", "policy", "strategic framework".
[[nodiscard]] const char* to_string(AgendaTopic t) noexcept;
/// "open", "closed", "cancelled".
[[nodiscard]] const char* to_string(ActionStatus s) noexcept;
/// Parses a role (case-insensitive, '-', '_' and ' ' alike); throws ParseError.
[[nodiscard]] ForumRole parse_forum_role(std::string_view text);
/// Parses a constituency; throws ParseError.
[[nodiscard]] Constituency parse_constituency(std::string_view text);
/// Parses an agenda topic; throws ParseError.
[[nodiscard]] AgendaTopic parse_agenda_topic(std::string_view text);
/// Parses an action status; throws ParseError.
[[nodiscard]] ActionStatus parse_action_status(std::string_view text);

/// \brief An organisation's membership of a forum.
struct ForumMember {
    std::string org_ref;
    std::string org_name;
    ForumRole role = ForumRole::member;
    Constituency constituency = Constituency::development_partner;
    std::optional<Date> since;  ///< empty: member from the start
    std::optional<Date> until;  ///< empty: still a member
    Provenance provenance;
    /// Whether the organisation was a member on `day`.
    [[nodiscard]] bool member_on(const Date& day) const {
        return (!since || *since <= day) && (!until || day <= *until);
    }
    friend bool operator==(const ForumMember&, const ForumMember&) = default;
};

/// \brief One item of a meeting's agenda.
struct AgendaItem {
    std::string title;
    AgendaTopic topic = AgendaTopic::activities;
    friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};

/// \brief A decision recorded in a meeting's minutes.
struct Decision {
    std::string ref;
    std::string text;
    friend bool operator==(const Decision&, const Decision&) = default;
};

/// \brief A meeting of a forum with who attended, what was discussed and what was decided.
struct Meeting {
    std::string ref;
    Date date;
    std::string place;
    std::vector<std::string> attendees;  ///< org refs present
    std::vector<AgendaItem> agenda;
    std::vector<Decision> decisions;
    Provenance provenance;
    friend bool operator==(const Meeting&, const Meeting&) = default;
};

/// \brief A follow-up task agreed in a meeting, with an owner and a due date.
struct ActionPoint {
    std::string ref;
    std::string meeting;  ///< meeting ref where it was agreed
    std::string text;
    std::string owner;  ///< org ref
    Date due;
    ActionStatus status = ActionStatus::open;
    std::optional<Date> closed;  ///< when it was closed or cancelled
    Provenance provenance;
    /// Whether the action point is still open on `day` (closed/cancelled only from `closed`).
    [[nodiscard]] bool open_on(const Date& day) const {
        return status == ActionStatus::open || !closed || day < *closed;
    }
    friend bool operator==(const ActionPoint&, const ActionPoint&) = default;
};

/// \brief A coordination forum such as the Technical Working Group on Mine Action.
struct Forum {
    std::string ref;
    std::string name;
    std::vector<ForumMember> members;
    std::vector<Meeting> meetings;
    std::vector<ActionPoint> action_points;
    Provenance provenance;
    /// The meeting called `ref`, or nullptr.
    [[nodiscard]] const Meeting* find_meeting(const std::string& ref) const noexcept;
    friend bool operator==(const Forum&, const Forum&) = default;
};

}  // namespace aidtrack
