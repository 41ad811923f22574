/// \file iati_activity_draft.cpp
/// \brief Settling an activity's draft into the records the read keeps (see iati_activity_draft.hpp).

#include "iati_activity_draft.hpp"

namespace aidtrack::iati_detail {
namespace {

// Whether `names` gives `ref` a name already. Only the first name of a ref can ever be used (the
// activity's names are applied in order), and an activity names few organisations many times
// over (every transaction names its provider and receiver): the later ones are not kept. The
// scan is bounded; past it a repeat is kept, which changes nothing but memory.
bool named_already(const std::vector<NamedOrg>& names, const std::string& ref) {
    constexpr std::size_t kScanned = 32;
    const std::size_t from = names.size() > kScanned ? names.size() - kScanned : 0;
    for (std::size_t k = from; k < names.size(); ++k)
        if (names[k].ref == ref) return true;
    return false;
}

// Adds the name the narratives of `org` give `ref`, unless `names` names it already.
void name_once(const pugi::xml_node& org, const std::string& ref, const char* element, std::uint32_t line,
               std::vector<NamedOrg>& names) {
    if (named_already(names, ref)) return;
    std::string name = text_of(ValueReader::narratives(org));
    if (!name.empty()) names.push_back({ref, std::move(name), element, line});
}

// What the activity tells of the names of its organisations (records follow, in settle_rows).
std::vector<NamedOrg> activity_names(const Activity& a) {
    std::vector<NamedOrg> names;
    if (!a.reporting_org.ref.empty() && !a.reporting_org.name.empty()) {
        names.push_back({a.reporting_org.ref, text_of(a.reporting_org.name), "reporting-org", a.provenance.line});
    }
    for (const auto& org : a.participating_orgs) {
        if (!org.ref.empty() && !org.name.empty() && !named_already(names, org.ref)) {
            names.push_back({org.ref, text_of(org.name), "participating-org", a.provenance.line});
        }
    }
    return names;
}

// Transactions take the activity's defaults for what they do not say themselves.
void settle_rows(std::vector<PendingTransaction>& pending, const pugi::xml_node& node, ValueReader& in,
                 std::size_t& records_skipped, StagedActivity& out) {
    const Activity& a = out.activity;
    out.rows.reserve(pending.size());
    for (auto& p : pending) {
        if (p.valid) p.valid = in.settle_money(p.money, a.default_currency, p.row.value, "transaction");
        if (!p.valid) {
            ++records_skipped;
            continue;
        }
        Transaction& t = p.row;
        if (t.aid_type.empty()) t.aid_type = a.default_aid_type;
        if (t.finance_type.empty()) t.finance_type = a.default_finance_type;
        if (t.flow_type.empty()) t.flow_type = a.default_flow_type;
        if (t.tied_status.empty()) t.tied_status = a.default_tied_status;
        if (t.humanitarian < 0 && node.attribute("humanitarian")) t.humanitarian = a.humanitarian ? 1 : 0;
        if (p.provider) name_once(p.provider, t.provider_org, "provider-org", t.line, out.names);
        if (p.receiver) name_once(p.receiver, t.receiver_org, "receiver-org", t.line, out.names);
        out.rows.push_back(std::move(t));
    }
}

// Budgets and planned disbursements: the valid ones, their money settled, in `out`.
template <typename Pending, typename Record>
void settle_records(std::vector<Pending>& pending, Record Pending::*record, const std::string& default_currency,
                    const char* what, ValueReader& in, std::size_t& records_skipped, std::vector<Record>& out) {
    for (auto& p : pending) {
        if (p.valid) p.valid = in.settle_money(p.money, default_currency, (p.*record).value, what);
        if (!p.valid) ++records_skipped;
    }
    for (auto& p : pending) {
        if (p.valid) out.push_back(std::move(p.*record));
    }
}

}  // namespace

StagedActivity settle_activity(ActivityDraft draft, const pugi::xml_node& node, ValueReader& in,
                               std::size_t& records_skipped) {
    StagedActivity out;
    out.activity = std::move(draft.activity);
    out.names = activity_names(out.activity);
    settle_rows(draft.transactions, node, in, records_skipped, out);
    const std::string& currency = out.activity.default_currency;
    settle_records(draft.budgets, &PendingBudget::budget, currency, "budget", in, records_skipped, out.budgets);
    settle_records(draft.planned, &PendingPlanned::planned, currency, "planned-disbursement", in, records_skipped,
                   out.planned);
    return out;
}

}  // namespace aidtrack::iati_detail
