/// \file mutual_accountability.cpp
/// \brief GPEDC 7 / Paris 12 criteria from agreements and their monitoring matrix.

#include <aidtrack/measures/mutual_accountability.hpp>

#include <aidtrack/core/text.hpp>

#include <set>

namespace aidtrack {

namespace {

void note(std::string& evidence, const std::string& ref) { evidence += (evidence.empty() ? "" : ";") + ref; }

// Stakeholders outside the executive, as GPEDC 7 names them.
bool non_executive(const std::string& stakeholder) {
    static const std::set<std::string> kNames{"parliament", "civil society", "ngo", "local government", "cso"};
    return kNames.count(normalise_keyword(stakeholder)) != 0;
}

}  // namespace

MutualAccountability assess_mutual_accountability(const CoordinationStore& store, int year) {
    MutualAccountability out;
    out.year = year;
    const Date year_end = make_date(year, 12, 31);
    bool government_target = false;
    bool partner_target = false;
    std::string target_refs;
    for (const auto& a : store.agreements) {
        bool government = false;
        bool partner = false;
        for (const auto& p : a.parties) {
            const auto signed_on = a.party_signed_on(p);
            if (!signed_on || year_end < *signed_on) continue;
            (p.constituency == Constituency::government ? government : partner) = true;
        }
        if (government && partner) {
            out.framework = true;
            note(out.framework_evidence, a.ref);
        }
        for (const auto& c : a.commitments) {
            if (!c.target) continue;
            const AgreementParty* party = c.party.empty() ? nullptr : a.find_party(c.party);
            const bool by_government =
                c.party.empty() || (party != nullptr && party->constituency == Constituency::government);
            const bool by_partner =
                c.party.empty() || (party != nullptr && party->constituency != Constituency::government);
            government_target = government_target || by_government;
            partner_target = partner_target || by_partner;
            if (by_government || by_partner) note(target_refs, a.ref + "/" + c.ref);
        }
        for (const auto& e : a.monitoring) {
            // "Regular" = at least once in the last two years, as GPEDC 7 reads it.
            if (!e.joint || e.year > year || e.year < year - 1) continue;
            const std::string ref = a.ref + "/" + e.commitment + "/" + std::to_string(e.year);
            out.joint_assessment = true;
            note(out.assessment_evidence, ref);
            for (const auto& s : e.stakeholders) {
                if (non_executive(s)) {
                    out.non_executive = true;
                    note(out.non_executive_evidence, ref);
                    break;
                }
            }
            if (e.published) {
                out.public_results = true;
                note(out.public_evidence, ref);
            }
        }
    }
    out.targets = government_target && partner_target;
    if (out.targets) out.targets_evidence = target_refs;
    return out;
}

Table mutual_accountability(const CoordinationStore& store, int year) {
    const MutualAccountability m = assess_mutual_accountability(store, year);
    Table t("Mutual accountability criteria, " + std::to_string(year));
    t.set_methodology("gpedc_7");
    t.add_column<std::string>("criterion");
    t.add_column<std::string>("description");
    t.add_column<std::int64_t>("met", "1 when met");
    t.add_column<std::string>("evidence", "agreement/commitment/year refs that meet it");
    auto row = [&](const char* name, const char* what, bool met, const std::string& evidence) {
        t.push<std::string>(0, name);
        t.push<std::string>(1, what);
        t.push<std::int64_t>(2, met ? 1 : 0);
        t.push<std::string>(3, evidence);
    };
    row("framework", "aid policy / partnership framework signed by government and partners", m.framework,
        m.framework_evidence);
    row("targets", "country-level targets for government and for partners", m.targets, m.targets_evidence);
    row("joint_assessment", "joint assessment of progress in the year or the year before", m.joint_assessment,
        m.assessment_evidence);
    row("non_executive", "non-executive stakeholders involved in the assessment", m.non_executive,
        m.non_executive_evidence);
    row("public", "results of the assessment made public", m.public_results, m.public_evidence);
    row("gpedc7", "GPEDC 7: at least 4 of the 5 criteria", m.gpedc7(), std::to_string(m.criteria_met()) + " of 5");
    row("paris12", "Paris 12: mutual assessment review in place (framework and joint assessment)", m.paris12(), "");
    return t;
}

}  // namespace aidtrack
