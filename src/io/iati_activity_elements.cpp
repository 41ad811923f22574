/// \file iati_activity_elements.cpp
/// \brief `<iati-activity>` and its descriptive child elements, one function each, chosen from
/// a table of element names.

#include <aidtrack/core/currency.hpp>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <vector>

#include "iati_elements.hpp"

namespace aidtrack::iati_detail {
namespace {

using pugi::xml_node;

void read_identifier(const xml_node& e, ActivityDraft& draft, ValueReader& /*in*/) {
    draft.identifier_node = e;
    draft.activity.identifier = std::string(trim(e.child_value()));
}

void read_reporting_org(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    ReportingOrg& org = draft.activity.reporting_org;
    org.ref = attribute_text(e, "ref");
    org.type = in.code(e, "type", "OrganisationType");
    org.secondary_reporter = in.boolean(e, "secondary-reporter", false);
    org.name = ValueReader::narratives(e);
}

void read_title(const xml_node& e, ActivityDraft& draft, ValueReader& /*in*/) {
    draft.activity.title = ValueReader::narratives(e);
}

// An activity may have several descriptions (general, objectives, ...): their texts are kept together.
void read_description(const xml_node& e, ActivityDraft& draft, ValueReader& /*in*/) {
    for (auto& n : ValueReader::narratives(e)) draft.activity.description.push_back(std::move(n));
}

OrgRole org_role(std::string_view code) noexcept {
    return code == "1"   ? OrgRole::funding
           : code == "2" ? OrgRole::accountable
           : code == "3" ? OrgRole::extending
           : code == "4" ? OrgRole::implementing
                         : OrgRole::unknown;
}

void read_participating_org(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    ParticipatingOrg p;
    p.ref = attribute_text(e, "ref");
    const std::string role(in.modern_code(e, LegacyList::organisation_role, attribute_view(e, "role")));
    in.check_code(e, "OrganisationRole", role);
    p.role = org_role(role);
    p.type = in.code(e, "type", "OrganisationType");
    p.activity_id = attribute_text(e, "activity-id");
    p.crs_channel_code = attribute_text(e, "crs-channel-code");
    p.name = ValueReader::narratives(e);
    draft.activity.participating_orgs.push_back(std::move(p));
}

void read_activity_status(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    draft.activity.status = in.code(e, "code", "ActivityStatus");
}

void read_activity_date(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    const std::string_view type = in.modern_code(e, LegacyList::activity_date_type, attribute_view(e, "type"));
    const auto d = in.date(e);
    Activity& a = draft.activity;
    if (type == "1") {
        a.planned_start = d;
    } else if (type == "2") {
        a.actual_start = d;
    } else if (type == "3") {
        a.planned_end = d;
    } else if (type == "4") {
        a.actual_end = d;
    } else {
        in.warn(e, "code-on-codelist",
                "activity-date @type '" + std::string(type.substr(0, 20)) + "' is not an ActivityDateType code (1-4)");
    }
}

void read_recipient_country(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    // Braced members are evaluated in order: code, percentage, then narratives, as before.
    draft.activity.recipient_countries.push_back(
        {in.code(e, "code", "Country"), in.percentage(e), ValueReader::narratives(e)});
}

void read_recipient_region(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    RegionShare r;
    r.vocabulary = std::string(vocabulary_view(e));
    r.code = in.code(e, "code", r.vocabulary == "1" ? "Region" : "");
    r.percentage = in.percentage(e);
    r.name = ValueReader::narratives(e);
    draft.activity.recipient_regions.push_back(std::move(r));
}

void read_sector(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    SectorShare s;
    s.vocabulary = std::string(in.modern_code(e, LegacyList::sector_vocabulary, vocabulary_view(e)));
    s.code = in.code(e, "code", sector_list(s.vocabulary));
    s.percentage = in.percentage(e);
    s.name = ValueReader::narratives(e);
    draft.activity.sectors.push_back(std::move(s));
}

void read_country_budget_items(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    Activity& a = draft.activity;
    a.country_budget_vocabulary = attribute_text(e, "vocabulary");
    for (const xml_node item : e.children("budget-item")) {
        a.country_budget_items.push_back(
            {attribute_text(item, "code"), in.percentage(item), ValueReader::narratives(item.child("description"))});
    }
}

void read_related_activity(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    const auto type = in.integer(e, "type");
    if (type && (*type < 1 || *type > 5)) {
        in.warn(e, "code-on-codelist",
                "related-activity @type " + std::to_string(*type) + " is not a RelatedActivityType code (1-5)");
    }
    draft.activity.related_activities.push_back({type.value_or(0), attribute_text(e, "ref")});
}

void read_policy_marker(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    PolicyMarker m;
    m.vocabulary = std::string(vocabulary_view(e));
    m.code = in.code(e, "code", m.vocabulary == "1" ? "PolicyMarker" : "");
    if (const auto s = in.integer(e, "significance")) {
        m.significance = *s;
        in.check_code(e, "PolicySignificance", std::to_string(*s));
    }
    draft.activity.policy_markers.push_back(std::move(m));
}

void read_humanitarian_scope(const xml_node& e, ActivityDraft& draft, ValueReader& /*in*/) {
    draft.activity.humanitarian_scopes.push_back({e.attribute("type").as_string(),
                                                  e.attribute("vocabulary").as_string(), attribute_text(e, "code"),
                                                  ValueReader::narratives(e)});
}

void read_document_link(const xml_node& e, ActivityDraft& draft, ValueReader& /*in*/) {
    DocumentLink d;
    d.url = attribute_text(e, "url");
    d.format = e.attribute("format").as_string();
    d.title = ValueReader::narratives(e.child("title"));
    for (const xml_node category : e.children("category")) d.categories.emplace_back(attribute_view(category, "code"));
    draft.activity.document_links.push_back(std::move(d));
}

void read_collaboration_type(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    draft.activity.collaboration_type = in.code(e, "code", "CollaborationType");
}

void read_default_flow_type(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    draft.activity.default_flow_type = in.code(e, "code", "FlowType");
}

void read_default_finance_type(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    draft.activity.default_finance_type = in.code(e, "code", "FinanceType");
}

// Only the first aid type of the OECD vocabulary (1) is kept; other vocabularies are not read.
void read_default_aid_type(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    const std::string_view vocabulary = attribute_view(e, "vocabulary");
    if (draft.activity.default_aid_type.empty() && (vocabulary.empty() || vocabulary == "1")) {
        draft.activity.default_aid_type = in.code(e, "code", "AidType");
    }
}

void read_default_tied_status(const xml_node& e, ActivityDraft& draft, ValueReader& in) {
    draft.activity.default_tied_status = in.code(e, "code", "TiedStatus");
}

/// \brief An element name and the function that reads it.
struct NamedReader {
    const char* name = nullptr;
    ElementReader read = nullptr;
};

constexpr NamedReader kActivityElements[] = {
    {"iati-identifier", read_identifier},
    {"reporting-org", read_reporting_org},
    {"title", read_title},
    {"description", read_description},
    {"participating-org", read_participating_org},
    {"activity-status", read_activity_status},
    {"activity-date", read_activity_date},
    {"recipient-country", read_recipient_country},
    {"recipient-region", read_recipient_region},
    {"sector", read_sector},
    {"country-budget-items", read_country_budget_items},
    {"related-activity", read_related_activity},
    {"policy-marker", read_policy_marker},
    {"humanitarian-scope", read_humanitarian_scope},
    {"document-link", read_document_link},
    {"collaboration-type", read_collaboration_type},
    {"default-flow-type", read_default_flow_type},
    {"default-finance-type", read_default_finance_type},
    {"default-aid-type", read_default_aid_type},
    {"default-tied-status", read_default_tied_status},
    {"budget", read_budget},
    {"planned-disbursement", read_planned_disbursement},
    {"transaction", read_transaction},
    {"result", read_result},
};

// Percentages of one group must add up to 100 (±0.01) whenever any is given.
void check_shares(const xml_node& node, const std::string& what, const std::vector<std::optional<Decimal>>& shares,
                  ValueReader& in) {
    if (shares.empty()) return;
    Decimal sum;
    std::size_t given = 0;
    for (const auto& s : shares) {
        if (s) {
            sum += *s;
            ++given;
        }
    }
    if (given == 0) {
        if (shares.size() > 1) {
            in.warn(node, "percentages-sum-to-100",
                    what + ": " + std::to_string(shares.size()) + " entries without @percentage");
        }
        return;
    }
    if (given != shares.size()) {
        in.warn(node, "percentages-sum-to-100",
                what + ": " + std::to_string(shares.size() - given) + " of " + std::to_string(shares.size()) +
                    " entries lack @percentage");
        return;
    }
    const Decimal tolerance = Decimal::parse("0.01");
    const Decimal diff = sum - Decimal(100);
    if (diff > tolerance || -diff > tolerance) {
        in.warn(node, "percentages-sum-to-100", what + " percentages sum to " + sum.to_string(0) + ", not 100");
    }
}

// The groups: each sector vocabulary, recipient countries and regions together, and country
// budget items.
void check_percentages(const Activity& a, const xml_node& node, ValueReader& in) {
    std::map<std::string, std::vector<std::optional<Decimal>>> by_vocabulary;
    for (const auto& s : a.sectors) by_vocabulary[s.vocabulary].push_back(s.percentage);
    for (const auto& [vocabulary, shares] : by_vocabulary)
        check_shares(node, "sector vocabulary " + vocabulary, shares, in);
    std::vector<std::optional<Decimal>> geography;
    for (const auto& c : a.recipient_countries) geography.push_back(c.percentage);
    for (const auto& r : a.recipient_regions) geography.push_back(r.percentage);
    check_shares(node, "recipient-country and recipient-region", geography, in);
    std::vector<std::optional<Decimal>> items;
    for (const auto& i : a.country_budget_items) items.push_back(i.percentage);
    check_shares(node, "country-budget-items", items, in);
}

// The readers grouped by the first letter of their element's name, so that a name is compared
// with the few names sharing its first letter (at most six) instead of the whole list: with
// <transaction> near its end, the list's comparisons were 3-4 % of an import's reading thread.
struct ReadersByLetter {
    std::array<NamedReader, std::size(kActivityElements)> readers{};
    std::array<std::uint8_t, 129> start{};  // readers[start[c], start[c + 1]) begin with letter c
};

constexpr ReadersByLetter readers_by_letter() {
    ReadersByLetter index;
    std::uint8_t k = 0;
    for (std::size_t c = 0; c < 128; ++c) {
        index.start[c] = k;
        for (const NamedReader& r : kActivityElements)
            if (static_cast<unsigned char>(r.name[0]) == c) index.readers[k++] = r;
    }
    index.start[128] = k;
    return index;
}

constexpr ReadersByLetter kReadersByLetter = readers_by_letter();
static_assert(kReadersByLetter.start[128] == std::size(kActivityElements), "every reader has an ASCII first letter");

}  // namespace

ElementReader activity_element_reader(const char* name) noexcept {
    const auto letter = static_cast<unsigned char>(name[0]);
    if (letter >= 128) return nullptr;
    for (std::size_t k = kReadersByLetter.start[letter]; k < kReadersByLetter.start[letter + 1U]; ++k) {
        const NamedReader& r = kReadersByLetter.readers[k];
        if (std::strcmp(name + 1, r.name + 1) == 0) return r.read;
    }
    return nullptr;
}

ActivityDraft read_activity_element(const xml_node& node, ValueReader& in) {
    ActivityDraft draft;
    Activity& a = draft.activity;
    a.provenance = {in.file(), in.line_of(node), Evidence::reported, {}};
    a.default_currency = attribute_text(node, "default-currency");
    if (!a.default_currency.empty() && !CurrencyCode::is_known(a.default_currency)) {
        in.warn(node, "currency-on-codelist",
                "@default-currency '" + a.default_currency.substr(0, 16) + "' is not on the Currency codelist");
    }
    a.default_lang = node.attribute("xml:lang").as_string();
    if (const auto h = in.integer(node, "hierarchy")) a.hierarchy = *h;
    a.last_updated = node.attribute("last-updated-datetime").as_string();
    a.humanitarian = in.boolean(node, "humanitarian", false);
    for (const xml_node c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        if (const ElementReader read = activity_element_reader(c.name())) read(c, draft, in);
    }
    return draft;
}

void check_activity(const Activity& a, const xml_node& node, ValueReader& in) {
    check_percentages(a, node, in);
    if (a.start() && a.end() && *a.end() < *a.start()) {
        in.warn(node, "start-before-end",
                "activity ends (" + to_iso(*a.end()) + ") before it starts (" + to_iso(*a.start()) + ")");
    }
}

}  // namespace aidtrack::iati_detail
