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

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

/// One data row of a CSV file with typed, located accessors: every failure names FILE:LINE
/// and the column.
class Row {
public:
    Row(CsvReader& reader, const CsvHeader& header, const std::vector<std::string>& fields)
        : reader_(reader), header_(header), fields_(fields) {}

    [[nodiscard]] std::string opt(const std::string& column) const {
        const std::size_t i = header_.find(column);
        return i == CsvHeader::npos || i >= fields_.size() ? std::string{} : trim(fields_[i]);
    }
    [[nodiscard]] std::string req(const std::string& column) const {
        if (header_.find(column) == CsvHeader::npos) fail(column, "missing column '" + column + "'");
        std::string v = opt(column);
        if (v.empty()) fail(column, "empty required field '" + column + "'");
        return v;
    }
    template <class F>
    auto convert(const std::string& column, const std::string& text, F&& f) const -> decltype(f(text)) {
        try {
            return f(text);
        } catch (const Error& e) {
            fail(column, e.message());
        }
    }
    [[nodiscard]] Date date(const std::string& column) const {
        return convert(column, req(column), [](const std::string& t) { return parse_date(t); });
    }
    [[nodiscard]] std::optional<Date> opt_date(const std::string& column) const {
        const std::string t = opt(column);
        if (t.empty()) return std::nullopt;
        return convert(column, t, [](const std::string& s) { return parse_date(s); });
    }
    [[nodiscard]] std::int64_t integer(const std::string& column, bool required = true) const {
        const std::string t = required ? req(column) : opt(column);
        if (t.empty()) return 0;
        std::size_t used = 0;
        std::int64_t v = 0;
        try {
            v = std::stoll(t, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != t.size()) fail(column, "cannot read '" + t + "' as a whole number");
        return v;
    }
    [[nodiscard]] Decimal decimal(const std::string& column, bool required = true) const {
        const std::string t = required ? req(column) : opt(column);
        if (t.empty()) return Decimal{0};
        return convert(column, t, [](const std::string& s) { return Decimal::parse(s); });
    }
    [[nodiscard]] std::optional<Decimal> opt_decimal(const std::string& column) const {
        if (opt(column).empty()) return std::nullopt;
        return decimal(column);
    }
    [[nodiscard]] bool boolean(const std::string& column, bool fallback) const {
        const std::string t = normalise_keyword(opt(column));
        if (t.empty()) return fallback;
        if (t == "1" || t == "true" || t == "yes" || t == "y") return true;
        if (t == "0" || t == "false" || t == "no" || t == "n") return false;
        fail(column, "cannot read '" + opt(column) + "' as a boolean (1/0, true/false, yes/no)");
    }
    [[nodiscard]] Money money(const std::string& amount, const std::string& currency) const {
        const Decimal value = decimal(amount);
        return convert(currency, req(currency), [&](const std::string& c) { return Money(value, CurrencyCode(c)); });
    }
    [[nodiscard]] std::vector<std::string> list(const std::string& column) const {
        std::vector<std::string> out;
        const std::string t = opt(column);
        std::size_t start = 0;
        while (start <= t.size()) {
            const std::size_t end = std::min(t.find(';', start), t.size());
            std::string part = trim(std::string_view(t).substr(start, end - start));
            if (!part.empty()) out.push_back(std::move(part));
            start = end + 1;
        }
        return out;
    }
    template <class E, class P>
    E keyword(const std::string& column, P&& parse, std::optional<E> fallback = std::nullopt) const {
        const std::string t = fallback ? opt(column) : req(column);
        if (t.empty()) return *fallback;
        return convert(column, t, parse);
    }
    /// The row's provenance; `evidence_column` names the evidence-class column (monitoring.csv
    /// uses `evidence` for the monitoring evidence itself, so it reads `evidence_class`).
    [[nodiscard]] Provenance provenance(const std::string& evidence_column = "evidence") const {
        Provenance p;
        p.source = opt("source");
        if (p.source.empty()) p.source = reader_.file();
        p.line = reader_.line();
        p.evidence = keyword<Evidence>(evidence_column, parse_evidence, Evidence::reported);
        p.note = opt("note");
        return p;
    }
    [[noreturn]] void fail(const std::string& column, const std::string& message) const {
        throw ParseError(message, reader_.where(column));
    }

private:
    static Evidence parse_evidence(const std::string& text) {
        const std::string k = normalise_keyword(text);
        if (k == "reported") return Evidence::reported;
        if (k == "derived") return Evidence::derived;
        if (k == "illustrative") return Evidence::illustrative;
        throw ParseError("unknown evidence '" + text + "' (reported, derived, illustrative)");
    }
    CsvReader& reader_;
    const CsvHeader& header_;
    const std::vector<std::string>& fields_;
};

using RowHandler = std::function<void(CoordinationStore&, const Row&)>;

void read_csv(CoordinationStore& store, const std::string& path, const RowHandler& handle) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open '" + path + "'", {path, 0, {}});
    CsvReader reader(in, path);
    std::vector<std::string> fields;
    if (!reader.next(fields)) return;
    for (auto& f : fields) f = trim(f);
    if (!fields.empty() && fields.front().rfind("\xEF\xBB\xBF", 0) == 0) fields.front().erase(0, 3);  // UTF-8 BOM
    const CsvHeader header(fields, reader.where());
    while (reader.next(fields)) {
        if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); })) continue;
        handle(store, Row(reader, header, fields));
    }
}

Forum& forum_of(CoordinationStore& store, const std::string& ref) {
    if (Forum* f = store.find_forum(ref)) return *f;
    store.forums.push_back(Forum{ref, ref, {}, {}, {}, {}});
    return store.forums.back();
}

// The forum holding meeting `ref`, failing on the row when none does.
std::pair<Forum*, Meeting*> meeting_of(CoordinationStore& store, const Row& row) {
    const std::string ref = row.req("meeting");
    for (auto& f : store.forums) {
        for (auto& m : f.meetings) {
            if (m.ref == ref) return {&f, &m};
        }
    }
    row.fail("meeting", "unknown meeting '" + ref + "' (load meetings.csv first)");
}

Agreement& agreement_of(CoordinationStore& store, const Row& row) {
    const std::string ref = row.req("agreement");
    if (Agreement* a = store.find_agreement(ref)) return *a;
    row.fail("agreement", "unknown agreement '" + ref + "' (load agreements.csv first)");
}

Tender& tender_of(CoordinationStore& store, const Row& row) {
    const std::string ref = row.req("tender");
    if (Tender* t = store.find_tender(ref)) return *t;
    row.fail("tender", "unknown tender '" + ref + "' (load tenders.csv first)");
}

void load_joint_work(CoordinationStore& s, const Row& r, JointWorkKind fallback) {
    JointWork w;
    w.ref = r.req("ref");
    w.kind = r.keyword<JointWorkKind>("kind", parse_joint_work_kind, fallback);
    w.title = r.opt("title");
    w.lead = r.req("lead");
    w.participants = r.list("participants");
    w.start = r.date("start");
    w.end = r.opt_date("end");
    w.joint = r.boolean("joint", !w.participants.empty());
    w.provenance = r.provenance();
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
using KeyedRowHandler = std::function<void(CoordinationStore&, const Row&, RefIndex&)>;

const std::map<std::string, KeyedRowHandler>& keyed_handlers() {
    static const std::map<std::string, KeyedRowHandler> kHandlers{
        {"exchange_visits.csv",
         [](CoordinationStore& s, const Row& r, RefIndex& index) {
             const std::string ref = r.req("ref");
             ExchangeVisit& visit = index.find_or_add(s.exchange_visits, ref, [&] {
                 ExchangeVisit v;
                 v.ref = ref;
                 v.year = static_cast<int>(r.integer("year"));
                 v.date = r.opt_date("date");
                 v.host = {r.req("host_org"), r.req("host_country")};
                 v.purpose = r.opt("purpose");
                 v.topics = r.list("topics");
                 v.provenance = r.provenance();
                 return v;
             });
             if (!r.opt("visitor_org").empty() || !r.opt("visitor_country").empty()) {
                 visit.visitors.push_back({r.opt("visitor_org"), r.req("visitor_country")});
             }
         }},
        {"trainings.csv",
         [](CoordinationStore& s, const Row& r, RefIndex& index) {
             const std::string ref = r.req("ref");
             Training& training = index.find_or_add(s.trainings, ref, [&] {
                 Training t;
                 t.ref = ref;
                 t.year = static_cast<int>(r.integer("year"));
                 t.title = r.opt("title");
                 t.provider = {r.req("provider_org"), r.req("provider_country")};
                 t.topics = r.list("topics");
                 t.provenance = r.provenance();
                 return t;
             });
             if (!r.opt("recipient_org").empty() || !r.opt("recipient_country").empty()) {
                 training.recipients.push_back({r.opt("recipient_org"), r.req("recipient_country")});
             }
         }},
        {"deployments.csv",
         [](CoordinationStore& s, const Row& r, RefIndex& index) {
             const std::string ref = r.req("ref");
             Deployment& deployment = index.find_or_add(s.deployments, ref, [&] {
                 Deployment d;
                 d.ref = ref;
                 d.contributor = r.req("contributor");
                 d.mission = r.req("mission");
                 d.host_country = r.req("host_country");
                 d.rotation_start = r.date("rotation_start");
                 d.rotation_end = r.opt_date("rotation_end");
                 if (d.rotation_end && *d.rotation_end < d.rotation_start) r.fail("rotation_end", "rotation ends before it starts");
                 d.provenance = r.provenance();
                 return d;
             });
             if (!r.opt("role").empty() || !r.opt("personnel").empty()) {
                 const std::int64_t n = r.integer("personnel");
                 if (n < 0) r.fail("personnel", "negative personnel");
                 deployment.personnel.push_back({r.keyword<PeacekeepingRole>("role", parse_peacekeeping_role), n});
             }
         }},
    };
    return kHandlers;
}

const std::map<std::string, RowHandler>& handlers() {
    static const std::map<std::string, RowHandler> kHandlers{
        {"forums.csv",
         [](CoordinationStore& s, const Row& r) {
             Forum& f = forum_of(s, r.req("forum"));
             const std::string name = r.opt("name");
             if (!name.empty()) f.name = name;
             f.provenance = r.provenance();
         }},
        {"forum_members.csv",
         [](CoordinationStore& s, const Row& r) {
             ForumMember m;
             m.org_ref = r.req("org_ref");
             m.org_name = r.opt("org_name");
             m.role = r.keyword<ForumRole>("role", parse_forum_role, ForumRole::member);
             m.constituency = r.keyword<Constituency>("constituency", parse_constituency);
             m.since = r.opt_date("since");
             m.until = r.opt_date("until");
             m.provenance = r.provenance();
             forum_of(s, r.req("forum")).members.push_back(std::move(m));
         }},
        {"meetings.csv",
         [](CoordinationStore& s, const Row& r) {
             Meeting m;
             m.ref = r.req("meeting");
             m.date = r.date("date");
             m.place = r.opt("place");
             m.provenance = r.provenance();
             Forum& f = forum_of(s, r.req("forum"));
             if (f.find_meeting(m.ref) != nullptr) r.fail("meeting", "duplicate meeting '" + m.ref + "'");
             f.meetings.push_back(std::move(m));
         }},
        {"attendance.csv",
         [](CoordinationStore& s, const Row& r) { meeting_of(s, r).second->attendees.push_back(r.req("org_ref")); }},
        {"agenda_items.csv",
         [](CoordinationStore& s, const Row& r) {
             AgendaItem item{r.req("item"), r.keyword<AgendaTopic>("topic", parse_agenda_topic)};
             meeting_of(s, r).second->agenda.push_back(std::move(item));
         }},
        {"decisions.csv",
         [](CoordinationStore& s, const Row& r) {
             meeting_of(s, r).second->decisions.push_back(Decision{r.req("decision"), r.req("text")});
         }},
        {"action_points.csv",
         [](CoordinationStore& s, const Row& r) {
             auto [forum, meeting] = meeting_of(s, r);
             ActionPoint a;
             a.ref = r.req("action");
             a.meeting = meeting->ref;
             a.text = r.req("text");
             a.owner = r.req("owner");
             a.due = r.date("due");
             a.status = r.keyword<ActionStatus>("status", parse_action_status, ActionStatus::open);
             a.closed = r.opt_date("closed");
             if (a.status != ActionStatus::open && !a.closed) {
                 r.fail("closed", std::string("a ") + to_string(a.status) + " action point needs the date it was closed");
             }
             a.provenance = r.provenance();
             forum->action_points.push_back(std::move(a));
         }},
        {"agreements.csv",
         [](CoordinationStore& s, const Row& r) {
             Agreement a;
             a.ref = r.req("agreement");
             if (s.find_agreement(a.ref) != nullptr) r.fail("agreement", "duplicate agreement '" + a.ref + "'");
             a.title = r.req("title");
             a.developed = r.opt_date("developed");
             a.signed_on = r.opt_date("signed");
             a.binding = r.boolean("binding", false);
             a.strategy = r.opt("strategy");
             for (const auto& p : r.list("principles")) {
                 a.principles.push_back(r.convert("principles", p, [](const std::string& t) { return parse_principle(t); }));
             }
             a.provenance = r.provenance();
             s.agreements.push_back(std::move(a));
         }},
        {"parties.csv",
         [](CoordinationStore& s, const Row& r) {
             AgreementParty p;
             p.org_ref = r.req("org_ref");
             p.name = r.opt("name");
             p.constituency = r.keyword<Constituency>("constituency", parse_constituency, Constituency::development_partner);
             p.signed_on = r.opt_date("signed");
             p.provenance = r.provenance();
             agreement_of(s, r).parties.push_back(std::move(p));
         }},
        {"commitments.csv",
         [](CoordinationStore& s, const Row& r) {
             Agreement& a = agreement_of(s, r);
             Commitment c;
             c.ref = r.req("commitment");
             c.party = r.opt("party");
             if (!c.party.empty() && a.find_party(c.party) == nullptr) {
                 r.fail("party", "'" + c.party + "' is not a party to " + a.ref + " (load parties.csv first)");
             }
             c.text = r.req("text");
             c.principle = r.keyword<Principle>("principle", parse_principle, Principle::alignment);
             c.indicator = r.opt("indicator");
             c.target = r.opt_decimal("target");
             if (!r.opt("target_year").empty()) c.target_year = static_cast<int>(r.integer("target_year"));
             c.provenance = r.provenance();
             a.commitments.push_back(std::move(c));
         }},
        {"monitoring.csv",
         [](CoordinationStore& s, const Row& r) {
             Agreement& a = agreement_of(s, r);
             MonitoringEntry e;
             e.commitment = r.req("commitment");
             if (std::none_of(a.commitments.begin(), a.commitments.end(),
                              [&](const Commitment& c) { return c.ref == e.commitment; })) {
                 r.fail("commitment", "unknown commitment '" + e.commitment + "' of " + a.ref);
             }
             e.year = static_cast<int>(r.integer("year"));
             e.status = r.keyword<MonitoringStatus>("status", parse_monitoring_status);
             e.evidence = r.opt("evidence");
             e.joint = r.boolean("joint", false);
             e.stakeholders = r.list("stakeholders");
             e.published = r.boolean("published", false);
             e.assessed_on = r.opt_date("assessed");
             e.provenance = r.provenance("evidence_class");
             a.monitoring.push_back(std::move(e));
         }},
        {"missions.csv", [](CoordinationStore& s, const Row& r) { load_joint_work(s, r, JointWorkKind::mission); }},
        {"analytic_studies.csv", [](CoordinationStore& s, const Row& r) { load_joint_work(s, r, JointWorkKind::analytic); }},
        {"tenders.csv",
         [](CoordinationStore& s, const Row& r) {
             Tender t;
             t.ref = r.req("tender");
             if (s.find_tender(t.ref) != nullptr) r.fail("tender", "duplicate tender '" + t.ref + "'");
             t.title = r.req("title");
             t.buyer = r.opt("buyer");
             t.programme = r.opt("programme");
             t.issued = r.opt_date("issued");
             t.closing = r.opt_date("closing");
             t.rule.method = r.keyword<EvaluationMethod>("method", parse_evaluation_method, EvaluationMethod::quality_cost);
             const bool qc = t.rule.method == EvaluationMethod::quality_cost;
             t.rule.technical_weight = qc ? (r.opt("technical_weight").empty() ? Decimal{70} : r.decimal("technical_weight")) : Decimal{0};
             t.rule.price_weight = qc ? (r.opt("price_weight").empty() ? Decimal{30} : r.decimal("price_weight")) : Decimal{0};
             if (qc && t.rule.technical_weight + t.rule.price_weight != Decimal{100}) {
                 r.fail("price_weight", "technical_weight + price_weight must be 100");
             }
             t.rule.technical_threshold = r.opt("technical_threshold").empty() ? Decimal{qc ? 0 : 70} : r.decimal("technical_threshold");
             t.provenance = r.provenance();
             s.tenders.push_back(std::move(t));
         }},
        {"lots.csv",
         [](CoordinationStore& s, const Row& r) {
             Lot l;
             l.ref = r.req("lot");
             l.province = r.req("province");
             l.hazard_areas = r.list("hazard_areas");
             l.area_m2 = r.decimal("area_m2", false);
             l.provenance = r.provenance();
             tender_of(s, r).lots.push_back(std::move(l));
         }},
        {"bids.csv",
         [](CoordinationStore& s, const Row& r) {
             Tender& t = tender_of(s, r);
             Bid b;
             b.lot = r.req("lot");
             if (std::none_of(t.lots.begin(), t.lots.end(), [&](const Lot& l) { return l.ref == b.lot; })) {
                 r.fail("lot", "unknown lot '" + b.lot + "' of tender " + t.ref + " (load lots.csv first)");
             }
             b.ref = r.req("bid");
             b.operator_ref = r.req("operator");
             b.price = r.money("price", "currency");
             b.technical_score = r.decimal("technical_score");
             if (b.technical_score < Decimal{0} || Decimal{100} < b.technical_score) {
                 r.fail("technical_score", "technical score must lie in 0..100");
             }
             b.accredited = r.boolean("accredited", true);
             b.provenance = r.provenance();
             t.bids.push_back(std::move(b));
         }},
        {"contracts.csv",
         [](CoordinationStore& s, const Row& r) {
             Tender& t = tender_of(s, r);
             Contract c;
             c.lot = r.req("lot");
             c.ref = r.req("contract");
             c.bid = r.opt("bid");
             c.operator_ref = r.req("operator");
             c.value = r.money("value", "currency");
             c.contracted_m2 = r.decimal("contracted_m2");
             c.released_m2 = r.decimal("released_m2", false);
             if (!r.opt("spent").empty()) c.spent = r.money("spent", "currency");
             c.signed_on = r.opt_date("signed");
             c.start = r.opt_date("start");
             c.end = r.opt_date("end");
             c.provenance = r.provenance();
             t.contracts.push_back(std::move(c));
         }},
        {"mapu_requests.csv",
         [](CoordinationStore& s, const Row& r) {
             MapuRequest q;
             q.ref = r.req("ref");
             q.province = r.req("province");
             q.district = r.opt("district");
             q.commune = r.opt("commune");
             q.village = r.req("village");
             q.plan_year = static_cast<int>(r.integer("plan_year"));
             q.submitted_on = r.opt_date("submitted");
             q.casualties = r.integer("casualties", false);
             q.land_use = r.keyword<LandUse>("land_use", parse_land_use, LandUse::other);
             q.population = r.integer("population", false);
             if (q.casualties < 0 || q.population < 0) r.fail("population", "casualties and population cannot be negative");
             q.development_plan = r.boolean("development_plan", false);
             q.area_m2 = r.decimal("area_m2", false);
             if (!r.opt("cost").empty()) q.cost = r.money("cost", "currency");
             q.state = r.keyword<RequestState>("state", parse_request_state, RequestState::submitted);
             q.score = r.opt_decimal("score");
             if (!r.opt("rank").empty()) q.rank = static_cast<int>(r.integer("rank"));
             q.history.push_back({RequestState::submitted, q.submitted_on, q.village});
             if (q.state != RequestState::submitted) {
                 q.history.push_back({q.state, r.opt_date("decided"), r.opt("decided_by")});
             }
             q.provenance = r.provenance();
             s.mapu_requests.push_back(std::move(q));
         }},
    };
    return kHandlers;
}

}  // namespace

const std::vector<std::string>& coordination_csv_files() {
    static const std::vector<std::string> kFiles{
        "forums.csv",      "forum_members.csv", "meetings.csv",        "attendance.csv",      "agenda_items.csv",
        "decisions.csv",   "action_points.csv", "agreements.csv",      "parties.csv",         "commitments.csv",
        "monitoring.csv",  "missions.csv",      "analytic_studies.csv", "exchange_visits.csv", "trainings.csv",
        "deployments.csv", "tenders.csv",       "lots.csv",            "bids.csv",            "contracts.csv",
        "mapu_requests.csv"};
    return kFiles;
}

void load_coordination_csv(CoordinationStore& store, const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (const auto keyed = keyed_handlers().find(name); keyed != keyed_handlers().end()) {
        RefIndex index;
        read_csv(store, path, [&](CoordinationStore& s, const Row& r) { keyed->second(s, r, index); });
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
