/// \file agreement.cpp
/// \brief Names of principles and monitoring statuses; party lookup.

#include <aidtrack/model/agreement.hpp>

#include <aidtrack/core/text.hpp>

#include "keyword_parse.hpp"

namespace aidtrack {

namespace {
constexpr std::array<const char*, 4> kPrinciples{"alignment", "harmonization", "results-based management",
                                                 "mutual accountability"};
constexpr std::array<const char*, 4> kStatuses{"not assessed", "off track", "on track", "achieved"};
}  // namespace

const char* to_string(Principle p) noexcept { return kPrinciples.at(static_cast<std::size_t>(p)); }
const char* to_string(MonitoringStatus s) noexcept { return kStatuses.at(static_cast<std::size_t>(s)); }
Principle parse_principle(std::string_view text) {
    // British spelling and the short form are common in minutes.
    const std::string key = normalise_keyword(text);
    if (key == "harmonisation") return Principle::harmonization;
    if (key == "results" || key == "managing for results") return Principle::results_based_management;
    return detail::parse_keyword<Principle>(text, kPrinciples, "principle");
}
MonitoringStatus parse_monitoring_status(std::string_view text) {
    return detail::parse_keyword<MonitoringStatus>(text, kStatuses, "monitoring status");
}

const AgreementParty* Agreement::find_party(const std::string& org_ref) const noexcept {
    for (const auto& p : parties) {
        if (p.org_ref == org_ref) return &p;
    }
    return nullptr;
}

}  // namespace aidtrack
