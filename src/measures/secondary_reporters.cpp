/// \file secondary_reporters.cpp
/// \brief Matching secondary reports to their primary publishers; donor totals without double counting.

#include <aidtrack/measures/secondary_reporters.hpp>

#include <map>
#include <tuple>

namespace aidtrack {
namespace {

struct Match {
    std::string primary_org;
    std::string primary_activity;
    std::string rule;
};

// The primary counterpart of secondary activity `s`, if one is in the portfolio.
Match find_primary(const Portfolio& p, std::uint32_t s, const std::vector<std::vector<std::string>>& links) {
    const Activity& a = p.activity(s);
    for (const auto& org : a.participating_orgs) {
        if (org.ref.empty() || org.ref == a.reporting_org.ref) continue;
        if (org.role != OrgRole::funding && org.role != OrgRole::accountable && org.role != OrgRole::extending)
            continue;
        auto is_primary = [&](const std::string& id) -> const Activity* {
            const auto index = p.find_activity(id);
            if (!index || *index == s) return nullptr;
            const Activity& candidate = p.activity(*index);
            if (candidate.reporting_org.secondary_reporter || candidate.reporting_org.ref != org.ref) return nullptr;
            return &candidate;
        };
        if (!org.activity_id.empty()) {
            if (const Activity* primary = is_primary(org.activity_id))
                return {org.ref, primary->identifier, "participating-org/@activity-id"};
        }
        for (const auto& r : a.related_activities) {
            if (const Activity* primary = is_primary(r.ref)) return {org.ref, primary->identifier, "related-activity"};
        }
        for (const auto& id : links[s]) {
            if (const Activity* primary = is_primary(id))
                return {org.ref, primary->identifier, "transaction provider/receiver-activity-id"};
        }
        // The other direction: a primary activity naming this one.
        for (std::uint32_t i = 0; i < p.activity_count(); ++i) {
            const Activity& candidate = p.activity(i);
            if (i == s || candidate.reporting_org.secondary_reporter || candidate.reporting_org.ref != org.ref)
                continue;
            for (const auto& r : candidate.related_activities) {
                if (r.ref == a.identifier) return {org.ref, candidate.identifier, "related-activity"};
            }
            for (const auto& id : links[i]) {
                if (id == a.identifier)
                    return {org.ref, candidate.identifier, "transaction provider/receiver-activity-id"};
            }
        }
    }
    return {};
}

// Activity ids each activity's transactions name as provider or receiver activity.
std::vector<std::vector<std::string>> transaction_links(const Portfolio& p) {
    std::vector<std::vector<std::string>> links(p.activity_count());
    const TransactionTable& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        for (const auto index : {t.provider_activity[i], t.receiver_activity[i]}) {
            const std::string& id = t.text(index);
            auto& list = links[t.activity[i]];
            if (!id.empty() && (list.empty() || list.back() != id)) list.push_back(id);
        }
    }
    return links;
}

}  // namespace

std::vector<std::uint8_t> secondary_exclusions(const Portfolio& p, const SecondaryOptions& options) {
    std::vector<std::uint8_t> out(p.activity_count(), 0);
    if (options.include) return out;
    bool any = false;
    for (const auto& a : p.activities()) any = any || a.reporting_org.secondary_reporter;
    if (!any) return out;
    const auto links = transaction_links(p);
    for (std::uint32_t i = 0; i < p.activity_count(); ++i) {
        if (p.activity(i).reporting_org.secondary_reporter && !find_primary(p, i, links).rule.empty()) out[i] = 1;
    }
    return out;
}

Table secondary_reporters(const Portfolio& p, const SecondaryOptions& options) {
    Table t("Secondary-reported activities");
    t.set_methodology("secondary-reporters");
    t.add_column<std::string>("activity_id");
    t.add_column<std::string>("reporting_org", "the secondary reporter");
    t.add_column<std::string>("file");
    t.add_column<std::int64_t>("line");
    t.add_column<std::string>("primary_org",
                              "funding/accountable/extending organisation that reports the same activity or flow");
    t.add_column<std::string>("primary_activity", "the primary publisher's activity");
    t.add_column<std::string>("match", "rule that linked the two; empty when the primary does not report it");
    t.add_column<std::int64_t>("counted", "1 when the activity's money is in donor totals under the options");
    t.add_column<std::int64_t>("transactions");
    const auto links = transaction_links(p);
    std::vector<std::int64_t> rows(p.activity_count(), 0);
    for (std::size_t i = 0; i < p.transactions().size(); ++i) ++rows[p.transactions().activity[i]];
    for (std::uint32_t i = 0; i < p.activity_count(); ++i) {
        const Activity& a = p.activity(i);
        if (!a.reporting_org.secondary_reporter) continue;
        const Match m = find_primary(p, i, links);
        t.push(0, a.identifier);
        t.push(1, a.reporting_org.ref);
        t.push(2, a.provenance.source);
        t.push(3, static_cast<std::int64_t>(a.provenance.line));
        t.push(4, m.primary_org);
        t.push(5, m.primary_activity);
        t.push(6, m.rule);
        t.push(7, static_cast<std::int64_t>(options.include || m.rule.empty() ? 1 : 0));
        t.push(8, rows[i]);
    }
    t.add_note(
        options.include
            ? "secondary reports included on request"
            : "secondary reports excluded when the primary publisher reports the same activity or flow (default)");
    return t;
}

Table donor_totals(const Portfolio& p, const SecondaryOptions& options) {
    const auto excluded = secondary_exclusions(p, options);
    struct Sum {
        Decimal value;
        Decimal excluded;
        std::int64_t rows = 0;
    };
    std::map<std::tuple<std::string, int, std::string>, Sum> sums;
    const TransactionTable& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!options.types.empty() && options.types.count(t.type[i]) == 0) continue;
        const std::uint32_t a = t.activity[i];
        Sum& s = sums[{p.activity(a).reporting_org.ref, t.type[i], CurrencyCode::from_packed(t.currency[i]).str()}];
        const Decimal v = Decimal::from_raw(t.value[i]);
        if (excluded[a] != 0) {
            s.excluded += v;
        } else {
            s.value += v;
            ++s.rows;
        }
    }
    Table out("Donor totals (secondary reporters " +
              std::string(options.include ? "included" : "excluded when the primary reports") + ")");
    out.set_methodology("secondary-reporters");
    out.add_column<std::string>("reporting_org").add_column<std::int64_t>("type").add_column<std::string>("currency");
    out.add_column<Decimal>("value", "exact sum of the counted transactions");
    out.add_column<std::int64_t>("transactions", "transactions counted");
    out.add_column<Decimal>("excluded_value", "money of secondary reports left out (counted by the primary)");
    for (const auto& [key, s] : sums) {
        out.push(0, std::get<0>(key));
        out.push(1, static_cast<std::int64_t>(std::get<1>(key)));
        out.push(2, std::get<2>(key));
        out.push(3, s.value);
        out.push(4, s.rows);
        out.push(5, s.excluded);
    }
    return out;
}

}  // namespace aidtrack
