// Python face of the coordination and cooperation records: record classes, the store, the CSV
// loader and the queries (returned as table dicts that aidtrack.coordination turns into frames).
#include "py_common.hpp"

#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/measures/bid_evaluation.hpp>
#include <aidtrack/measures/coordination_queries.hpp>
#include <aidtrack/measures/mutual_accountability.hpp>
#include <aidtrack/measures/work_plan.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <pybind11/operators.h>

namespace aidtrack::python {

namespace {

void bind_enums(py::module_& m) {
    py::enum_<ForumRole>(m, "ForumRole", "Role of an organisation in a forum.")
        .value("chair", ForumRole::chair)
        .value("co_chair", ForumRole::co_chair)
        .value("secretariat", ForumRole::secretariat)
        .value("member", ForumRole::member)
        .value("observer", ForumRole::observer);
    py::enum_<Constituency>(m, "Constituency", "Constituency an organisation speaks for.")
        .value("government", Constituency::government)
        .value("development_partner", Constituency::development_partner)
        .value("un", Constituency::un)
        .value("ngo", Constituency::ngo)
        .value("operator", Constituency::operator_);
    py::enum_<AgendaTopic>(m, "AgendaTopic", "What an agenda item is about.")
        .value("resources", AgendaTopic::resources)
        .value("activities", AgendaTopic::activities)
        .value("policy", AgendaTopic::policy)
        .value("strategic_framework", AgendaTopic::strategic_framework);
    py::enum_<ActionStatus>(m, "ActionStatus", "Where an action point stands.")
        .value("open", ActionStatus::open)
        .value("closed", ActionStatus::closed)
        .value("cancelled", ActionStatus::cancelled);
    py::enum_<Principle>(m, "Principle", "An aid effectiveness principle.")
        .value("alignment", Principle::alignment)
        .value("harmonization", Principle::harmonization)
        .value("results_based_management", Principle::results_based_management)
        .value("mutual_accountability", Principle::mutual_accountability);
    py::enum_<MonitoringStatus>(m, "MonitoringStatus", "Status of a commitment in a monitoring year.")
        .value("not_assessed", MonitoringStatus::not_assessed)
        .value("off_track", MonitoringStatus::off_track)
        .value("on_track", MonitoringStatus::on_track)
        .value("achieved", MonitoringStatus::achieved);
    py::enum_<JointWorkKind>(m, "JointWorkKind", "Mission or analytic work.")
        .value("mission", JointWorkKind::mission)
        .value("analytic", JointWorkKind::analytic);
    py::enum_<PeacekeepingRole>(m, "PeacekeepingRole", "Kind of peacekeeping personnel.")
        .value("military_observer", PeacekeepingRole::military_observer)
        .value("staff_officer", PeacekeepingRole::staff_officer)
        .value("deminer_unit", PeacekeepingRole::deminer_unit)
        .value("other", PeacekeepingRole::other);
    py::enum_<EvaluationMethod>(m, "EvaluationMethod", "How bids are ranked.")
        .value("quality_cost", EvaluationMethod::quality_cost)
        .value("lowest_price", EvaluationMethod::lowest_price);
    py::enum_<RequestState>(m, "RequestState", "Workflow state of a MAPU request.")
        .value("submitted", RequestState::submitted)
        .value("scored", RequestState::scored)
        .value("ranked", RequestState::ranked)
        .value("approved", RequestState::approved)
        .value("rejected", RequestState::rejected);
    py::enum_<LandUse>(m, "LandUse", "Intended use of released land.")
        .value("agriculture", LandUse::agriculture)
        .value("housing", LandUse::housing)
        .value("infrastructure", LandUse::infrastructure)
        .value("community", LandUse::community)
        .value("other", LandUse::other);
}

// Defines a record class with a default constructor, equality and the listed fields.
#define AIDTRACK_FIELD(Type, name) .def_readwrite(#name, &Type::name)

void bind_forum(py::module_& m) {
    py::class_<ForumMember>(m, "ForumMember", "An organisation's membership of a forum.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(ForumMember, org_ref) AIDTRACK_FIELD(ForumMember, org_name)
            AIDTRACK_FIELD(ForumMember, role) AIDTRACK_FIELD(ForumMember, constituency)
                AIDTRACK_FIELD(ForumMember, since) AIDTRACK_FIELD(ForumMember, until)
                    AIDTRACK_FIELD(ForumMember, provenance);
    py::class_<AgendaItem>(m, "AgendaItem", "An agenda item and its topic.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(AgendaItem, title) AIDTRACK_FIELD(AgendaItem, topic);
    py::class_<Decision>(m, "Decision", "A decision recorded in minutes.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Decision, ref) AIDTRACK_FIELD(Decision, text);
    py::class_<Meeting>(m, "Meeting", "A forum meeting: date, place, attendance, agenda, decisions.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Meeting, ref) AIDTRACK_FIELD(Meeting, date)
            AIDTRACK_FIELD(Meeting, place) AIDTRACK_FIELD(Meeting, attendees) AIDTRACK_FIELD(Meeting, agenda)
                AIDTRACK_FIELD(Meeting, decisions) AIDTRACK_FIELD(Meeting, provenance);
    py::class_<ActionPoint>(m, "ActionPoint", "A follow-up task with owner, due date and status.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(ActionPoint, ref) AIDTRACK_FIELD(ActionPoint, meeting)
            AIDTRACK_FIELD(ActionPoint, text) AIDTRACK_FIELD(ActionPoint, owner) AIDTRACK_FIELD(ActionPoint, due)
                AIDTRACK_FIELD(ActionPoint, status) AIDTRACK_FIELD(ActionPoint, closed)
                    AIDTRACK_FIELD(ActionPoint, provenance)
        .def("open_on", &ActionPoint::open_on, py::arg("day"), "Whether still open on a day.");
    py::class_<Forum>(m, "Forum", "A coordination forum such as the TWG-MA (lists are copies; assign to change).")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Forum, ref) AIDTRACK_FIELD(Forum, name) AIDTRACK_FIELD(Forum, members)
            AIDTRACK_FIELD(Forum, meetings) AIDTRACK_FIELD(Forum, action_points) AIDTRACK_FIELD(Forum, provenance);
}

void bind_agreement(py::module_& m) {
    py::class_<AgreementParty>(m, "AgreementParty", "A signatory of an agreement.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(AgreementParty, org_ref) AIDTRACK_FIELD(AgreementParty, name)
            AIDTRACK_FIELD(AgreementParty, constituency) AIDTRACK_FIELD(AgreementParty, signed_on)
                AIDTRACK_FIELD(AgreementParty, provenance);
    py::class_<Commitment>(m, "Commitment", "A party's commitment with indicator and target.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Commitment, ref) AIDTRACK_FIELD(Commitment, party)
            AIDTRACK_FIELD(Commitment, text) AIDTRACK_FIELD(Commitment, principle) AIDTRACK_FIELD(Commitment, indicator)
                AIDTRACK_FIELD(Commitment, target) AIDTRACK_FIELD(Commitment, target_year)
                    AIDTRACK_FIELD(Commitment, provenance);
    py::class_<MonitoringEntry>(m, "MonitoringEntry", "A commitment's status in one year, with evidence.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(MonitoringEntry, commitment) AIDTRACK_FIELD(MonitoringEntry, year)
            AIDTRACK_FIELD(MonitoringEntry, status) AIDTRACK_FIELD(MonitoringEntry, evidence)
                AIDTRACK_FIELD(MonitoringEntry, joint) AIDTRACK_FIELD(MonitoringEntry, stakeholders)
                    AIDTRACK_FIELD(MonitoringEntry, published) AIDTRACK_FIELD(MonitoringEntry, assessed_on)
                        AIDTRACK_FIELD(MonitoringEntry, provenance);
    py::class_<Agreement>(m, "Agreement", "A partnership agreement (e.g. the Partnership Principles).")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Agreement, ref) AIDTRACK_FIELD(Agreement, title)
            AIDTRACK_FIELD(Agreement, developed) AIDTRACK_FIELD(Agreement, signed_on) AIDTRACK_FIELD(Agreement, binding)
                AIDTRACK_FIELD(Agreement, strategy) AIDTRACK_FIELD(Agreement, principles)
                    AIDTRACK_FIELD(Agreement, parties) AIDTRACK_FIELD(Agreement, commitments)
                        AIDTRACK_FIELD(Agreement, monitoring) AIDTRACK_FIELD(Agreement, provenance);
}

void bind_cooperation(py::module_& m) {
    py::class_<JointWork>(m, "JointWork", "A mission or analytic study, joint or single.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(JointWork, ref) AIDTRACK_FIELD(JointWork, kind)
            AIDTRACK_FIELD(JointWork, title) AIDTRACK_FIELD(JointWork, lead) AIDTRACK_FIELD(JointWork, participants)
                AIDTRACK_FIELD(JointWork, start) AIDTRACK_FIELD(JointWork, end) AIDTRACK_FIELD(JointWork, joint)
                    AIDTRACK_FIELD(JointWork, provenance);
    py::class_<OrgInCountry>(m, "OrgInCountry", "An organisation and its country.")
        .def(py::init<>())
        .def(py::init([](std::string org, std::string country) {
                 return OrgInCountry{std::move(org), std::move(country)};
             }),
             py::arg("org"), py::arg("country"))
        .def(py::self == py::self) AIDTRACK_FIELD(OrgInCountry, org) AIDTRACK_FIELD(OrgInCountry, country);
    py::class_<ExchangeVisit>(m, "ExchangeVisit", "A South-South exchange visit.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(ExchangeVisit, ref) AIDTRACK_FIELD(ExchangeVisit, year)
            AIDTRACK_FIELD(ExchangeVisit, date) AIDTRACK_FIELD(ExchangeVisit, host)
                AIDTRACK_FIELD(ExchangeVisit, visitors) AIDTRACK_FIELD(ExchangeVisit, purpose)
                    AIDTRACK_FIELD(ExchangeVisit, topics) AIDTRACK_FIELD(ExchangeVisit, provenance);
    py::class_<Training>(m, "Training", "A training given to organisations of other countries.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Training, ref) AIDTRACK_FIELD(Training, year)
            AIDTRACK_FIELD(Training, title) AIDTRACK_FIELD(Training, provider) AIDTRACK_FIELD(Training, recipients)
                AIDTRACK_FIELD(Training, topics) AIDTRACK_FIELD(Training, provenance);
    py::class_<PersonnelCount>(m, "PersonnelCount", "Personnel of one role in a rotation.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(PersonnelCount, role) AIDTRACK_FIELD(PersonnelCount, personnel);
    py::class_<Deployment>(m, "Deployment", "A rotation of deminers to a UN peacekeeping mission.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Deployment, ref) AIDTRACK_FIELD(Deployment, contributor)
            AIDTRACK_FIELD(Deployment, mission) AIDTRACK_FIELD(Deployment, host_country)
                AIDTRACK_FIELD(Deployment, rotation_start) AIDTRACK_FIELD(Deployment, rotation_end)
                    AIDTRACK_FIELD(Deployment, personnel) AIDTRACK_FIELD(Deployment, provenance)
        .def("total_personnel", &Deployment::total_personnel);
}

void bind_procurement(py::module_& m) {
    py::class_<EvaluationRule>(m, "EvaluationRule", "Quality-cost weighting or lowest price technically acceptable.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(EvaluationRule, method)
            AIDTRACK_FIELD(EvaluationRule, technical_weight) AIDTRACK_FIELD(EvaluationRule, price_weight)
                AIDTRACK_FIELD(EvaluationRule, technical_threshold)
        .def_static("quality_cost", &EvaluationRule::quality_cost, py::arg("technical") = Decimal{70},
                    py::arg("price") = Decimal{30}, py::arg("threshold") = Decimal{0})
        .def_static("lowest_price", &EvaluationRule::lowest_price, py::arg("threshold") = Decimal{70});
    py::class_<Lot>(m, "Lot", "A lot of a tender.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Lot, ref) AIDTRACK_FIELD(Lot, province)
            AIDTRACK_FIELD(Lot, hazard_areas) AIDTRACK_FIELD(Lot, area_m2) AIDTRACK_FIELD(Lot, provenance);
    py::class_<Bid>(m, "Bid", "An operator's bid for a lot.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Bid, ref) AIDTRACK_FIELD(Bid, lot) AIDTRACK_FIELD(Bid, operator_ref)
            AIDTRACK_FIELD(Bid, price) AIDTRACK_FIELD(Bid, technical_score) AIDTRACK_FIELD(Bid, accredited)
                AIDTRACK_FIELD(Bid, provenance);
    py::class_<Contract>(m, "Contract", "An award and its performance.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Contract, ref) AIDTRACK_FIELD(Contract, lot)
            AIDTRACK_FIELD(Contract, bid) AIDTRACK_FIELD(Contract, operator_ref) AIDTRACK_FIELD(Contract, value)
                AIDTRACK_FIELD(Contract, contracted_m2) AIDTRACK_FIELD(Contract, released_m2)
                    AIDTRACK_FIELD(Contract, spent) AIDTRACK_FIELD(Contract, signed_on) AIDTRACK_FIELD(Contract, start)
                        AIDTRACK_FIELD(Contract, end) AIDTRACK_FIELD(Contract, provenance);
    py::class_<Tender>(m, "Tender", "A request for proposals with lots, bids, rule and contracts.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(Tender, ref) AIDTRACK_FIELD(Tender, title)
            AIDTRACK_FIELD(Tender, buyer) AIDTRACK_FIELD(Tender, programme) AIDTRACK_FIELD(Tender, issued)
                AIDTRACK_FIELD(Tender, closing) AIDTRACK_FIELD(Tender, rule) AIDTRACK_FIELD(Tender, lots)
                    AIDTRACK_FIELD(Tender, bids) AIDTRACK_FIELD(Tender, contracts) AIDTRACK_FIELD(Tender, provenance)
        .def(
            "_rank_bids",
            [](const Tender& t, const std::string& lot, const std::optional<EvaluationRule>& rule) {
                return table_to_python(bid_ranking_table(t, lot, rule));
            },
            py::arg("lot"), py::arg("rule") = py::none());
}

void bind_planning(py::module_& m) {
    py::class_<StateChange>(m, "StateChange", "A workflow step: state, when, by whom.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(StateChange, state) AIDTRACK_FIELD(StateChange, on)
            AIDTRACK_FIELD(StateChange, by);
    py::class_<MapuRequest>(m, "MapuRequest", "A village clearance request through a MAPU.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(MapuRequest, ref) AIDTRACK_FIELD(MapuRequest, province)
            AIDTRACK_FIELD(MapuRequest, district) AIDTRACK_FIELD(MapuRequest, commune)
                AIDTRACK_FIELD(MapuRequest, village) AIDTRACK_FIELD(MapuRequest, plan_year)
                    AIDTRACK_FIELD(MapuRequest, submitted_on) AIDTRACK_FIELD(MapuRequest, casualties)
                        AIDTRACK_FIELD(MapuRequest, land_use) AIDTRACK_FIELD(MapuRequest, population)
                            AIDTRACK_FIELD(MapuRequest, development_plan) AIDTRACK_FIELD(MapuRequest, area_m2)
                                AIDTRACK_FIELD(MapuRequest, cost) AIDTRACK_FIELD(MapuRequest, state)
                                    AIDTRACK_FIELD(MapuRequest, score) AIDTRACK_FIELD(MapuRequest, rank)
                                        AIDTRACK_FIELD(MapuRequest, history) AIDTRACK_FIELD(MapuRequest, provenance);
    py::class_<PlanningWeights>(m, "PlanningWeights", "Weights (percent) of the MAPU criteria; they sum to 100.")
        .def(py::init<>())
        .def(py::self == py::self) AIDTRACK_FIELD(PlanningWeights, casualties) AIDTRACK_FIELD(PlanningWeights, land_use)
            AIDTRACK_FIELD(PlanningWeights, population) AIDTRACK_FIELD(PlanningWeights, development_plan)
                AIDTRACK_FIELD(PlanningWeights, cost);
}

#undef AIDTRACK_FIELD

void bind_store(py::module_& m) {
    py::class_<MutualAccountability>(m, "MutualAccountability", "Mutual accountability criteria met in a year.")
        .def_readonly("year", &MutualAccountability::year)
        .def_readonly("framework", &MutualAccountability::framework)
        .def_readonly("targets", &MutualAccountability::targets)
        .def_readonly("joint_assessment", &MutualAccountability::joint_assessment)
        .def_readonly("non_executive", &MutualAccountability::non_executive)
        .def_readonly("public_results", &MutualAccountability::public_results)
        .def_property_readonly("criteria_met", &MutualAccountability::criteria_met)
        .def_property_readonly("gpedc7", &MutualAccountability::gpedc7)
        .def_property_readonly("paris12", &MutualAccountability::paris12);

    py::class_<CoordinationStore>(m, "CoordinationStore",
                                  "Coordination and cooperation records (lists are copies; assign to change).")
        .def(py::init<>())
        .def(py::self == py::self)
        .def_readwrite("forums", &CoordinationStore::forums)
        .def_readwrite("agreements", &CoordinationStore::agreements)
        .def_readwrite("joint_work", &CoordinationStore::joint_work)
        .def_readwrite("exchange_visits", &CoordinationStore::exchange_visits)
        .def_readwrite("trainings", &CoordinationStore::trainings)
        .def_readwrite("deployments", &CoordinationStore::deployments)
        .def_readwrite("tenders", &CoordinationStore::tenders)
        .def_readwrite("mapu_requests", &CoordinationStore::mapu_requests)
        .def("empty", &CoordinationStore::empty)
        .def(
            "load_dir", [](CoordinationStore& s, const std::string& dir) { return load_coordination_dir(s, dir); },
            py::arg("dir"), "Read whichever coordination CSV files exist in a directory; returns how many.")
        .def(
            "load_csv", [](CoordinationStore& s, const std::string& path) { load_coordination_csv(s, path); },
            py::arg("path"), "Read one coordination CSV file (type from its name).")
        .def(
            "_open_action_points",
            [](const CoordinationStore& s, const Date& d, const std::string& f) {
                return table_to_python(open_action_points(s, d, f));
            },
            py::arg("as_of"), py::arg("forum") = "")
        .def(
            "_attendance_rates",
            [](const CoordinationStore& s, const std::string& f) { return table_to_python(attendance_rates(s, f)); },
            py::arg("forum"))
        .def(
            "_topics_over_time",
            [](const CoordinationStore& s, const std::string& f) { return table_to_python(topics_over_time(s, f)); },
            py::arg("forum") = "")
        .def("_joint_missions_share",
             [](const CoordinationStore& s) { return table_to_python(joint_missions_share(s)); })
        .def("_joint_analytic_share",
             [](const CoordinationStore& s) { return table_to_python(joint_analytic_share(s)); })
        .def(
            "_cumulative_personnel",
            [](const CoordinationStore& s, int y) { return table_to_python(cumulative_personnel(s, y)); },
            py::arg("since_year"))
        .def("_learning_graph", [](const CoordinationStore& s) { return table_to_python(learning_graph(s)); })
        .def("_contract_performance",
             [](const CoordinationStore& s) { return table_to_python(contract_performance(s)); })
        .def(
            "_mutual_accountability",
            [](const CoordinationStore& s, int y) { return table_to_python(mutual_accountability(s, y)); },
            py::arg("year"))
        .def("assess_mutual_accountability", &assess_mutual_accountability, py::arg("year"),
             "Which GPEDC 7 / Paris 12 criteria are met in a year.")
        .def(
            "_rank_work_plan",
            [](CoordinationStore& s, const std::string& province, int year, const PlanningWeights& w,
               std::optional<Date> on,
               const std::string& by) { return table_to_python(rank_work_plan(s, province, year, w, on, by)); },
            py::arg("province"), py::arg("plan_year"), py::arg("weights") = PlanningWeights{},
            py::arg("on") = py::none(), py::arg("by") = "MAPU")
        .def("decide_request", &decide_request, py::arg("ref"), py::arg("approved"), py::arg("on"), py::arg("by"),
             "Record a PMAC approval (approved=True) or rejection of a ranked request.")
        .def(
            "_work_plan",
            [](const CoordinationStore& s, const std::string& province, int year) {
                return table_to_python(work_plan(s, province, year));
            },
            py::arg("province"), py::arg("plan_year"))
        .def(
            "tender",
            [](CoordinationStore& s, const std::string& ref) -> Tender& {
                Tender* t = s.find_tender(ref);
                if (t == nullptr) throw NotFoundError("no tender '" + ref + "'");
                return *t;
            },
            py::arg("ref"), py::return_value_policy::reference_internal, "The tender called ref (a live view).");

    auto portfolio = py::reinterpret_borrow<py::class_<Portfolio>>(m.attr("Portfolio"));
    portfolio.def_property(
        "coordination", [](Portfolio& p) -> CoordinationStore& { return p.coordination(); },
        [](Portfolio& p, const CoordinationStore& s) { p.coordination() = s; },
        py::return_value_policy::reference_internal,
        "The coordination records (a live view; assign a CoordinationStore to replace them).");
}

}  // namespace

void bind_coordination(py::module_& m) {
    bind_enums(m);
    bind_forum(m);
    bind_agreement(m);
    bind_cooperation(m);
    bind_procurement(m);
    bind_planning(m);
    bind_store(m);
}

}  // namespace aidtrack::python
