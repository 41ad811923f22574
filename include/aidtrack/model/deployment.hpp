#pragma once
/// \file deployment.hpp
/// \brief A rotation of humanitarian deminers to a UN peacekeeping mission.

#include <aidtrack/core/date.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief The kind of personnel deployed.
enum class PeacekeepingRole : std::uint8_t { military_observer = 0, staff_officer = 1, deminer_unit = 2, other = 3 };

/// "military observer", "staff officer", "deminer unit", "other".
[[nodiscard]] const char* to_string(PeacekeepingRole r) noexcept;
/// Parses a role; throws ParseError.
[[nodiscard]] PeacekeepingRole parse_peacekeeping_role(std::string_view text);

/// \brief How many people of one role a rotation sent.
struct PersonnelCount {
    PeacekeepingRole role = PeacekeepingRole::other;
    std::int64_t personnel = 0;
    friend bool operator==(const PersonnelCount&, const PersonnelCount&) = default;
};

/// \brief One rotation of a contributing body (e.g. NPMEC) to a UN mission in a host country.
struct Deployment {
    std::string ref;
    std::string contributor;   ///< org ref, e.g. "KH-NPMEC"
    std::string mission;       ///< e.g. "UNMISS"
    std::string host_country;  ///< ISO 3166-1 alpha-2
    Date rotation_start;
    std::optional<Date> rotation_end;  ///< empty while ongoing
    std::vector<PersonnelCount> personnel;
    Provenance provenance;
    /// Personnel of all roles.
    [[nodiscard]] std::int64_t total_personnel() const noexcept;
    friend bool operator==(const Deployment&, const Deployment&) = default;
};

}  // namespace aidtrack
