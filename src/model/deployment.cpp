/// \file deployment.cpp
/// \brief Peacekeeping role names and personnel totals.

#include <aidtrack/model/deployment.hpp>

#include <aidtrack/core/text.hpp>

#include "keyword_parse.hpp"

namespace aidtrack {

namespace {
constexpr std::array<const char*, 4> kRoles{"military observer", "staff officer", "deminer unit", "other"};
}  // namespace

const char* to_string(PeacekeepingRole r) noexcept { return kRoles.at(static_cast<std::size_t>(r)); }
PeacekeepingRole parse_peacekeeping_role(std::string_view text) {
    std::string key = normalise_keyword(text);
    if (!key.empty() && key.back() == 's') key.pop_back();  // plurals as written in reports
    if (key == "commanding officer" || key == "officer") return PeacekeepingRole::staff_officer;
    if (key == "deminer" || key == "unit" || key == "peacekeeper") return PeacekeepingRole::deminer_unit;
    return detail::parse_keyword<PeacekeepingRole>(key, kRoles, "peacekeeping role");
}

std::int64_t Deployment::total_personnel() const noexcept {
    std::int64_t total = 0;
    for (const auto& p : personnel) total += p.personnel;
    return total;
}

}  // namespace aidtrack
