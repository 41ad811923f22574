#pragma once
/// \file activity.hpp
/// \brief An aid activity (project, programme, output) and its descriptive parts.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/model/iati_result.hpp>
#include <aidtrack/model/narrative.hpp>
#include <aidtrack/model/provenance.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief IATI OrganisationRole codes of participating organisations.
enum class OrgRole : int { unknown = 0, funding = 1, accountable = 2, extending = 3, implementing = 4 };

/// \brief The organisation that published the activity.
struct ReportingOrg {
    std::string ref;
    std::string type;
    bool secondary_reporter = false;  ///< re-reports another organisation's activity
    Narratives name;
    friend bool operator==(const ReportingOrg&, const ReportingOrg&) = default;
};

/// \brief An organisation taking part in an activity, with its IATI role.
struct ParticipatingOrg {
    std::string ref;
    OrgRole role = OrgRole::unknown;
    std::string type;
    std::string activity_id;  ///< the organisation's own activity for this flow, if published
    std::string crs_channel_code;
    Narratives name;
    friend bool operator==(const ParticipatingOrg&, const ParticipatingOrg&) = default;
};

/// \brief A recipient country and its share of the activity.
struct CountryShare {
    std::string code;                   ///< ISO 3166-1 alpha-2
    std::optional<Decimal> percentage;  ///< absent when the publisher gave none
    Narratives name;
    friend bool operator==(const CountryShare&, const CountryShare&) = default;
};

/// \brief A recipient region and its share.
struct RegionShare {
    std::string code;
    std::string vocabulary = "1";
    std::optional<Decimal> percentage;
    Narratives name;
    friend bool operator==(const RegionShare&, const RegionShare&) = default;
};

/// \brief A sector (DAC 5-digit by default) and its share.
struct SectorShare {
    std::string vocabulary = "1";
    std::string code;
    std::optional<Decimal> percentage;
    Narratives name;
    friend bool operator==(const SectorShare&, const SectorShare&) = default;
};

/// \brief An item of the recipient government's budget classification the activity maps to.
struct CountryBudgetItem {
    std::string code;
    std::optional<Decimal> percentage;
    Narratives description;
    friend bool operator==(const CountryBudgetItem&, const CountryBudgetItem&) = default;
};

/// \brief A link to another activity (1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party).
struct RelatedActivity {
    int type = 0;
    std::string ref;
    friend bool operator==(const RelatedActivity&, const RelatedActivity&) = default;
};

/// \brief An OECD DAC policy marker and its significance.
struct PolicyMarker {
    std::string vocabulary = "1";
    std::string code;
    int significance = -1;  ///< -1 when absent
    friend bool operator==(const PolicyMarker&, const PolicyMarker&) = default;
};

/// \brief A humanitarian emergency or appeal the activity responds to.
struct HumanitarianScope {
    std::string type;
    std::string vocabulary;
    std::string code;
    Narratives narrative;
    friend bool operator==(const HumanitarianScope&, const HumanitarianScope&) = default;
};

/// \brief A document about the activity: its title and where to find it.
struct DocumentLink {
    std::string url;
    std::string format;
    Narratives title;
    std::vector<std::string> categories;
    friend bool operator==(const DocumentLink&, const DocumentLink&) = default;
};

/// \brief An aid activity as IATI models it, plus where it came from.
struct Activity {
    std::string identifier;
    std::string default_lang;
    int hierarchy = 1;
    std::string last_updated;  ///< `@last-updated-datetime` as published (ISO 8601), may be empty
    bool humanitarian = false;
    ReportingOrg reporting_org;
    Narratives title;
    Narratives description;
    std::vector<ParticipatingOrg> participating_orgs;
    std::string status;  ///< ActivityStatus code
    std::optional<Date> planned_start;
    std::optional<Date> actual_start;
    std::optional<Date> planned_end;
    std::optional<Date> actual_end;
    std::vector<CountryShare> recipient_countries;
    std::vector<RegionShare> recipient_regions;
    std::vector<SectorShare> sectors;
    std::string country_budget_vocabulary;
    std::vector<CountryBudgetItem> country_budget_items;
    std::vector<RelatedActivity> related_activities;
    std::vector<PolicyMarker> policy_markers;
    std::vector<HumanitarianScope> humanitarian_scopes;
    std::vector<DocumentLink> document_links;
    std::string collaboration_type;
    std::string default_currency;
    std::string default_aid_type;
    std::string default_finance_type;
    std::string default_flow_type;
    std::string default_tied_status;
    std::vector<IatiResult> results;
    Provenance provenance;

    /// Best known start: actual, else planned.
    [[nodiscard]] std::optional<Date> start() const { return actual_start ? actual_start : planned_start; }
    /// Best known end: actual, else planned.
    [[nodiscard]] std::optional<Date> end() const { return actual_end ? actual_end : planned_end; }
    /// Refs of participating organisations with `role`.
    [[nodiscard]] std::vector<std::string> orgs_with_role(OrgRole role) const {
        std::vector<std::string> out;
        for (const auto& p : participating_orgs) {
            if (p.role == role && !p.ref.empty()) out.push_back(p.ref);
        }
        return out;
    }
    friend bool operator==(const Activity&, const Activity&) = default;
};

}  // namespace aidtrack
