/// \file coordination_csv.cpp
/// \brief CSV loaders of the coordination records: one file per record type.

#include <aidtrack/io/coordination_csv.hpp>

#include <aidtrack/core/csv_reader.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <unordered_map>

namespace aidtrack {

namespace {

// The row's provenance; `evidence_column` names the evidence-class column (monitoring.csv uses
// `evidence` for the monitoring evidence itself, so it reads `evidence_class`).
Provenance provenance_of(const CsvRow& r, const std::string& evidence_column = "evidence") {
    Provenance p;
    p.source = r.optional_text("source");
    if (p.source.empty()) p.source = r.file();
    p.line = r.line();
    p.evidence = r.evidence(evidence_column);
    p.note = r.optional_text("note");
    return p;
}

Money money(const CsvRow& r, const std::string& amount, const std::string& currency) {
    const Decimal value = r.decimal(amount);
    return Money(value, r.currency(currency));
}

using RowHandler = std::function<void(CoordinationStore&, const CsvRow&)>;

void read_csv(CoordinationStore& store, const std::string& path, const RowHandler& handle) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open '" + path + "'", {path, 0, {}});
    CsvRows rows(in, path);
    while (rows.next()) handle(store, rows.row());
}

Forum& forum_of(CoordinationStore& store, const std::string& ref) {
    if (Forum* f = store.find_forum(ref)) return *f;
    store.forums.push_back(Forum{ref, ref, {}, {}, {}, {}});
    return store.forums.back();
}

// The forum holding meeting `ref`, failing on the row when none does.
std::pair<Forum*, Meeting*> meeting_of(CoordinationStore& store, const CsvRow& row) {
    const std::string ref = row.text("meeting");
    for (auto& f : store.forums) {
        for (auto& m : f.meetings) {
            if (m.ref == ref) return {&f, &m};
        }
    }
    row.fail("meeting", "unknown meeting '" + ref + "' (load meetings.csv first)");
}

Agreement& agreement_of(CoordinationStore& store, const CsvRow& row) {
    const std::string ref = row.text("agreement");
    if (Agreement* a = store.find_agreement(ref)) return *a;
    row.fail("agreement", "unknown agreement '" + ref + "' (load agreements.csv first)");
}

Tender& tender_of(CoordinationStore& store, const CsvRow& row) {
    const std::string ref = row.text("tender");
    if (Tender* t = store.find_tender(ref)) return *t;
    row.fail("tender", "unknown tender '" + ref + "' (load tenders.csv first)");
}

void load_joint_work(CoordinationStore& s, const CsvRow& r, JointWorkKind fallback) {
    JointWork w;
    w.ref = r.text("ref");
    w.kind = r.parse_or("kind", parse_joint_work_kind, fallback);
    w.title = r.optional_text("title");
    w.lead = r.text("lead");
    w.participants = r.list("participants");
    w.start = r.date("start");
    w.end = r.optional_date("end");
    w.joint = r.boolean("joint", !w.participants.empty());
    w.provenance = provenance_of(r);
    s.joint_work.push_back(std::move(w));
}

/// Positions of the records of one vector by ref, so that a file whose rows add details to a
/// record (a visit and its visitors, a deployment and its rotations' personnel) finds the record
/// in constant time instead of scanning every record per row. Built on first use from what the
/// store already holds (the first record of a ref wins, as a scan would find it), so loading a
/// file into a store that has records behaves as before.
class RefIndex {
public:
    /// The record `ref` of `records`, else `make()` appended to them.
    template <class T, class Make>
    T& find_or_add(std::vector<T>& records, const std::string& ref, Make&& make) {
        if (!built_) {
            for (std::size_t i = 0; i < records.size(); ++i) positions_.try_emplace(records[i].ref, i);
            built_ = true;
        }
        if (const auto it = positions_.find(ref); it != positions_.end()) return records[it->second];
        records.push_back(make());  // may throw on a bad row: nothing is indexed then
        positions_.emplace(ref, records.size() - 1);
        return records.back();
    }

private:
    std::unordered_map<std::string, std::size_t> positions_;
    bool built_ = false;
};

/// Handler of a file whose rows share records by ref; the index lives for one file load.
using KeyedRowHandler = std::function<void(CoordinationStore&, const CsvRow&, RefIndex&)>;

const std::map<std::string, KeyedRowHandler>& keyed_handlers() {
    static const std::map<std::string, KeyedRowHandler> kHandlers{
        {"exchange_visits.csv",
         [](CoordinationStore& s, const CsvRow& r, RefIndex& index) {
             const std::string ref = r.text("ref");
             ExchangeVisit& visit = index.find_or_add(s.exchange_visits, ref, [&] {
                 ExchangeVisit v;
                 v.ref = ref;
                 v.year = r.integer<int>("year");
                 v.date = r.optional_date("date");
                 v.host = {r.text("host_org"), r.text("host_country")};
                 v.purpose = r.optional_text("purpose");
                 v.topics = r.list("topics");
                 v.provenance = provenance_of(r);
                 return v;
             });
             if (!r.empty("visitor_org") || !r.empty("visitor_country")) {
                 visit.visitors.push_back({r.optional_text("visitor_org"), r.text("visitor_country")});
             }
         }},
        {"trainings.csv",
         [](CoordinationStore& s, const CsvRow& r, RefIndex& index) {
             const std::string ref = r.text("ref");
             Training& training = index.find_or_add(s.trainings, ref, [&] {
                 Training t;
                 t.ref = ref;
                 t.year = r.integer<int>("year");
                 t.title = r.optional_text("title");
                 t.provider = {r.text("provider_org"), r.text("provider_country")};
                 t.topics = r.list("topics");
                 t.provenance = provenance_of(r);
                 return t;
             });
             if (!r.empty("recipient_org") || !r.empty("recipient_country")) {
                 training.recipients.push_back({r.optional_text("recipient_org"), r.text("recipient_country")});
             }
         }},
        {"deployments.csv",
         [](CoordinationStore& s, const CsvRow& r, RefIndex& index) {
             const std::string ref = r.text("ref");
             Deployment& deployment = index.find_or_add(s.deployments, ref, [&] {
                 Deployment d;
                 d.ref = ref;
                 d.contributor = r.text("contributor");
                 d.mission = r.text("mission");
                 d.host_country = r.text("host_country");
                 d.rotation_start = r.date("rotation_start");
                 d.rotation_end = r.optional_date("rotation_end");
                 if (d.rotation_end && *d.rotation_end < d.rotation_start)
                     r.fail("rotation_end", "rotation ends before it starts");
                 d.provenance = provenance_of(r);
                 return d;
             });
             if (!r.empty("role") || !r.empty("personnel")) {
                 const std::int64_t n = r.integer("personnel");
                 if (n < 0) r.fail("personnel", "negative personnel");
                 deployment.personnel.push_back({r.parse("role", parse_peacekeeping_role), n});
             }
         }},
    };
    return kHandlers;
}

// Forums, their members and meetings, and what the meetings record.
std::vector<std::pair<std::string, RowHandler>> meeting_handlers() {
    return {
        {"forums.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Forum& f = forum_of(s, r.text("forum"));
             const std::string name = r.optional_text("name");
             if (!name.empty()) f.name = name;
             f.provenance = provenance_of(r);
         }},
        {"forum_members.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             ForumMember m;
             m.org_ref = r.text("org_ref");
             m.org_name = r.optional_text("org_name");
             m.role = r.parse_or("role", parse_forum_role, ForumRole::member);
             m.constituency = r.parse("constituency", parse_constituency);
             m.since = r.optional_date("since");
             m.until = r.optional_date("until");
             m.provenance = provenance_of(r);
             forum_of(s, r.text("forum")).members.push_back(std::move(m));
         }},
        {"meetings.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Meeting m;
             m.ref = r.text("meeting");
             m.date = r.date("date");
             m.place = r.optional_text("place");
             m.provenance = provenance_of(r);
             Forum& f = forum_of(s, r.text("forum"));
             if (f.find_meeting(m.ref) != nullptr) r.fail("meeting", "duplicate meeting '" + m.ref + "'");
             f.meetings.push_back(std::move(m));
         }},
        {"attendance.csv", [](CoordinationStore& s,
                              const CsvRow& r) { meeting_of(s, r).second->attendees.push_back(r.text("org_ref")); }},
        {"agenda_items.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             AgendaItem item{r.text("item"), r.parse("topic", parse_agenda_topic)};
             meeting_of(s, r).second->agenda.push_back(std::move(item));
         }},
        {"decisions.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             meeting_of(s, r).second->decisions.push_back(Decision{r.text("decision"), r.text("text")});
         }},
        {"action_points.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             auto [forum, meeting] = meeting_of(s, r);
             ActionPoint a;
             a.ref = r.text("action");
             a.meeting = meeting->ref;
             a.text = r.text("text");
             a.owner = r.text("owner");
             a.due = r.date("due");
             a.status = r.parse_or("status", parse_action_status, ActionStatus::open);
             a.closed = r.optional_date("closed");
             if (a.status != ActionStatus::open && !a.closed) {
                 r.fail("closed",
                        std::string("a ") + to_string(a.status) + " action point needs the date it was closed");
             }
             a.provenance = provenance_of(r);
             forum->action_points.push_back(std::move(a));
         }},
    };
}

// Agreements, their parties, commitments and monitoring; joint missions and studies.
std::vector<std::pair<std::string, RowHandler>> agreement_handlers() {
    return {
        {"agreements.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Agreement a;
             a.ref = r.text("agreement");
             if (s.find_agreement(a.ref) != nullptr) r.fail("agreement", "duplicate agreement '" + a.ref + "'");
             a.title = r.text("title");
             a.developed = r.optional_date("developed");
             a.signed_on = r.optional_date("signed");
             a.binding = r.boolean("binding", false);
             a.strategy = r.optional_text("strategy");
             for (const auto& p : r.list("principles")) {
                 a.principles.push_back(
                     r.convert("principles", p, [](const std::string& t) { return parse_principle(t); }));
             }
             a.provenance = provenance_of(r);
             s.agreements.push_back(std::move(a));
         }},
        {"parties.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             AgreementParty p;
             p.org_ref = r.text("org_ref");
             p.name = r.optional_text("name");
             p.constituency = r.parse_or("constituency", parse_constituency, Constituency::development_partner);
             p.signed_on = r.optional_date("signed");
             p.provenance = provenance_of(r);
             agreement_of(s, r).parties.push_back(std::move(p));
         }},
        {"commitments.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Agreement& a = agreement_of(s, r);
             Commitment c;
             c.ref = r.text("commitment");
             c.party = r.optional_text("party");
             if (!c.party.empty() && a.find_party(c.party) == nullptr) {
                 r.fail("party", "'" + c.party + "' is not a party to " + a.ref + " (load parties.csv first)");
             }
             c.text = r.text("text");
             c.principle = r.parse_or("principle", parse_principle, Principle::alignment);
             c.indicator = r.optional_text("indicator");
             c.target = r.optional_decimal("target");
             if (!r.empty("target_year")) c.target_year = r.integer<int>("target_year");
             c.provenance = provenance_of(r);
             a.commitments.push_back(std::move(c));
         }},
        {"monitoring.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Agreement& a = agreement_of(s, r);
             MonitoringEntry e;
             e.commitment = r.text("commitment");
             if (std::none_of(a.commitments.begin(), a.commitments.end(),
                              [&](const Commitment& c) { return c.ref == e.commitment; })) {
                 r.fail("commitment", "unknown commitment '" + e.commitment + "' of " + a.ref);
             }
             e.year = r.integer<int>("year");
             e.status = r.parse("status", parse_monitoring_status);
             e.evidence = r.optional_text("evidence");
             e.joint = r.boolean("joint", false);
             e.stakeholders = r.list("stakeholders");
             e.published = r.boolean("published", false);
             e.assessed_on = r.optional_date("assessed");
             e.provenance = provenance_of(r, "evidence_class");
             a.monitoring.push_back(std::move(e));
         }},
        {"missions.csv", [](CoordinationStore& s, const CsvRow& r) { load_joint_work(s, r, JointWorkKind::mission); }},
        {"analytic_studies.csv",
         [](CoordinationStore& s, const CsvRow& r) { load_joint_work(s, r, JointWorkKind::analytic); }},
    };
}

// Tenders, lots, bids and contracts.
std::vector<std::pair<std::string, RowHandler>> procurement_handlers() {
    return {
        {"tenders.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Tender t;
             t.ref = r.text("tender");
             if (s.find_tender(t.ref) != nullptr) r.fail("tender", "duplicate tender '" + t.ref + "'");
             t.title = r.text("title");
             t.buyer = r.optional_text("buyer");
             t.programme = r.optional_text("programme");
             t.issued = r.optional_date("issued");
             t.closing = r.optional_date("closing");
             t.rule.method = r.parse_or("method", parse_evaluation_method, EvaluationMethod::quality_cost);
             const bool qc = t.rule.method == EvaluationMethod::quality_cost;
             t.rule.technical_weight = qc ? r.optional_decimal("technical_weight").value_or(Decimal{70}) : Decimal{0};
             t.rule.price_weight = qc ? r.optional_decimal("price_weight").value_or(Decimal{30}) : Decimal{0};
             if (qc && t.rule.technical_weight + t.rule.price_weight != Decimal{100}) {
                 r.fail("price_weight", "technical_weight + price_weight must be 100");
             }
             t.rule.technical_threshold = r.optional_decimal("technical_threshold").value_or(Decimal{qc ? 0 : 70});
             t.provenance = provenance_of(r);
             s.tenders.push_back(std::move(t));
         }},
        {"lots.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Lot l;
             l.ref = r.text("lot");
             l.province = r.text("province");
             l.hazard_areas = r.list("hazard_areas");
             l.area_m2 = r.optional_decimal("area_m2").value_or(Decimal{0});
             l.provenance = provenance_of(r);
             tender_of(s, r).lots.push_back(std::move(l));
         }},
        {"bids.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Tender& t = tender_of(s, r);
             Bid b;
             b.lot = r.text("lot");
             if (std::none_of(t.lots.begin(), t.lots.end(), [&](const Lot& l) { return l.ref == b.lot; })) {
                 r.fail("lot", "unknown lot '" + b.lot + "' of tender " + t.ref + " (load lots.csv first)");
             }
             b.ref = r.text("bid");
             b.operator_ref = r.text("operator");
             b.price = money(r, "price", "currency");
             b.technical_score = r.decimal("technical_score");
             if (b.technical_score < Decimal{0} || Decimal{100} < b.technical_score) {
                 r.fail("technical_score", "technical score must lie in 0..100");
             }
             b.accredited = r.boolean("accredited", true);
             b.provenance = provenance_of(r);
             t.bids.push_back(std::move(b));
         }},
        {"contracts.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             Tender& t = tender_of(s, r);
             Contract c;
             c.lot = r.text("lot");
             c.ref = r.text("contract");
             c.bid = r.optional_text("bid");
             c.operator_ref = r.text("operator");
             c.value = money(r, "value", "currency");
             c.contracted_m2 = r.decimal("contracted_m2");
             c.released_m2 = r.optional_decimal("released_m2").value_or(Decimal{0});
             if (!r.empty("spent")) c.spent = money(r, "spent", "currency");
             c.signed_on = r.optional_date("signed");
             c.start = r.optional_date("start");
             c.end = r.optional_date("end");
             c.provenance = provenance_of(r);
             t.contracts.push_back(std::move(c));
         }},
    };
}

// MAPU clearance requests of the communities, as planned.
std::vector<std::pair<std::string, RowHandler>> planning_handlers() {
    return {
        {"mapu_requests.csv",
         [](CoordinationStore& s, const CsvRow& r) {
             MapuRequest q;
             q.ref = r.text("ref");
             q.province = r.text("province");
             q.district = r.optional_text("district");
             q.commune = r.optional_text("commune");
             q.village = r.text("village");
             q.plan_year = r.integer<int>("plan_year");
             q.submitted_on = r.optional_date("submitted");
             q.casualties = r.optional_integer("casualties").value_or(0);
             q.land_use = r.parse_or("land_use", parse_land_use, LandUse::other);
             q.population = r.optional_integer("population").value_or(0);
             if (q.casualties < 0 || q.population < 0)
                 r.fail("population", "casualties and population cannot be negative");
             q.development_plan = r.boolean("development_plan", false);
             q.area_m2 = r.optional_decimal("area_m2").value_or(Decimal{0});
             if (!r.empty("cost")) q.cost = money(r, "cost", "currency");
             q.state = r.parse_or("state", parse_request_state, RequestState::submitted);
             q.score = r.optional_decimal("score");
             if (!r.empty("rank")) q.rank = r.integer<int>("rank");
             q.history.push_back({RequestState::submitted, q.submitted_on, q.village});
             if (q.state != RequestState::submitted) {
                 q.history.push_back({q.state, r.optional_date("decided"), r.optional_text("decided_by")});
             }
             q.provenance = provenance_of(r);
             s.mapu_requests.push_back(std::move(q));
         }},
    };
}

const std::map<std::string, RowHandler>& handlers() {
    static const std::map<std::string, RowHandler> kHandlers = [] {
        std::map<std::string, RowHandler> all;
        for (const auto& part :
             {meeting_handlers(), agreement_handlers(), procurement_handlers(), planning_handlers()}) {
            all.insert(part.begin(), part.end());
        }
        return all;
    }();
    return kHandlers;
}

}  // namespace

const std::vector<std::string>& coordination_csv_files() {
    static const std::vector<std::string> kFiles{"forums.csv",
                                                 "forum_members.csv",
                                                 "meetings.csv",
                                                 "attendance.csv",
                                                 "agenda_items.csv",
                                                 "decisions.csv",
                                                 "action_points.csv",
                                                 "agreements.csv",
                                                 "parties.csv",
                                                 "commitments.csv",
                                                 "monitoring.csv",
                                                 "missions.csv",
                                                 "analytic_studies.csv",
                                                 "exchange_visits.csv",
                                                 "trainings.csv",
                                                 "deployments.csv",
                                                 "tenders.csv",
                                                 "lots.csv",
                                                 "bids.csv",
                                                 "contracts.csv",
                                                 "mapu_requests.csv"};
    return kFiles;
}

void load_coordination_csv(CoordinationStore& store, const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (const auto keyed = keyed_handlers().find(name); keyed != keyed_handlers().end()) {
        RefIndex index;
        read_csv(store, path, [&](CoordinationStore& s, const CsvRow& r) { keyed->second(s, r, index); });
        return;
    }
    const auto& table = handlers();
    const auto it = table.find(name);
    if (it == table.end()) throw ValidationError("'" + name + "' is not a coordination CSV file name", {path, 0, {}});
    read_csv(store, path, it->second);
}

std::size_t load_coordination_dir(CoordinationStore& store, const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw IoError("'" + dir + "' is not a directory", {dir, 0, {}});
    std::size_t read = 0;
    for (const auto& name : coordination_csv_files()) {
        const fs::path path = fs::path(dir) / name;
        if (!fs::exists(path, ec)) continue;
        load_coordination_csv(store, path.string());
        ++read;
    }
    return read;
}

}  // namespace aidtrack
