#pragma once
/// \file agreement.hpp
/// \brief A partnership agreement (the Partnership Principles): parties, commitments, monitoring.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/model/forum.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief The principles of aid effectiveness an agreement promotes.
enum class Principle : std::uint8_t {
    alignment = 0,
    harmonization = 1,
    results_based_management = 2,
    mutual_accountability = 3
};
/// \brief Where a commitment stands in one year of the monitoring matrix.
enum class MonitoringStatus : std::uint8_t { not_assessed = 0, off_track = 1, on_track = 2, achieved = 3 };

/// "alignment", "harmonization", "results-based management", "mutual accountability".
[[nodiscard]] const char* to_string(Principle p) noexcept;
/// "not assessed", "off track", "on track", "achieved".
[[nodiscard]] const char* to_string(MonitoringStatus s) noexcept;
/// Parses a principle; throws ParseError.
[[nodiscard]] Principle parse_principle(std::string_view text);
/// Parses a monitoring status; throws ParseError.
[[nodiscard]] MonitoringStatus parse_monitoring_status(std::string_view text);

/// \brief A signatory of an agreement.
struct AgreementParty {
    std::string org_ref;
    std::string name;
    Constituency constituency = Constituency::development_partner;
    std::optional<Date> signed_on;
    Provenance provenance;
    friend bool operator==(const AgreementParty&, const AgreementParty&) = default;
};

/// \brief What a party commits to, measured by an indicator against a target.
struct Commitment {
    std::string ref;
    std::string party;  ///< org ref of the committing party; empty = all parties
    std::string text;
    Principle principle = Principle::alignment;
    std::string indicator;  ///< measure name, e.g. "paris_10a"
    std::optional<Decimal> target;
    std::optional<int> target_year;
    Provenance provenance;
    friend bool operator==(const Commitment&, const Commitment&) = default;
};

/// \brief One cell of the monitoring matrix: a commitment's status in a year and its evidence.
struct MonitoringEntry {
    std::string commitment;
    int year = 0;
    MonitoringStatus status = MonitoringStatus::not_assessed;
    std::string evidence;
    bool joint = false;                     ///< assessed jointly by government and partners
    std::vector<std::string> stakeholders;  ///< constituencies involved, e.g. "civil society"
    bool published = false;                 ///< the assessment was made public
    std::optional<Date> assessed_on;
    Provenance provenance;
    friend bool operator==(const MonitoringEntry&, const MonitoringEntry&) = default;
};

/// \brief A partnership agreement between a government and its development partners.
struct Agreement {
    std::string ref;
    std::string title;
    std::optional<Date> developed;
    std::optional<Date> signed_on;
    bool binding = false;
    std::string strategy;  ///< strategy it serves, e.g. "NMAS 2010-2019"
    std::vector<Principle> principles;
    std::vector<AgreementParty> parties;
    std::vector<Commitment> commitments;
    std::vector<MonitoringEntry> monitoring;
    Provenance provenance;
    /// The party with `org_ref`, or nullptr.
    [[nodiscard]] const AgreementParty* find_party(const std::string& org_ref) const noexcept;
    /// The date a party signed: its own date, else the agreement's.
    [[nodiscard]] std::optional<Date> party_signed_on(const AgreementParty& party) const {
        return party.signed_on ? party.signed_on : signed_on;
    }
    friend bool operator==(const Agreement&, const Agreement&) = default;
};

}  // namespace aidtrack
