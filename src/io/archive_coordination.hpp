#pragma once
/// \file archive_coordination.hpp
/// \brief Boost.Serialization of the CoordinationStore.
///
/// Version 0 of the store had no fields; version 1 holds every coordination record. Enums go
/// through a small integer and are clamped on load, so a corrupted byte cannot make an
/// out-of-range enum value.

#include <aidtrack/model/coordination_store.hpp>
#include "archive_adapters.hpp"
#include "archive_model.hpp"

#include <boost/serialization/version.hpp>

#include <cstdint>

namespace aidtrack::archive_detail {

/// Saves or loads an enum as a uint8, clamping out-of-range values to `fallback`.
template <class Archive, class E>
void enum_field(Archive& ar, const char* name, E& value, E last, E fallback) {
    auto raw = static_cast<std::uint8_t>(value);
    ar& boost::serialization::make_nvp(name, raw);
    value = raw <= static_cast<std::uint8_t>(last) ? static_cast<E>(raw) : fallback;
}

}  // namespace aidtrack::archive_detail

namespace boost::serialization {

template <class Archive>
void serialize(Archive& ar, aidtrack::ForumMember& m, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("org_ref", m.org_ref);
    ar& make_nvp("org_name", m.org_name);
    archive_detail::enum_field(ar, "role", m.role, ForumRole::observer, ForumRole::member);
    archive_detail::enum_field(ar, "constituency", m.constituency, Constituency::operator_,
                               Constituency::development_partner);
    ar& make_nvp("since", m.since);
    ar& make_nvp("until", m.until);
    ar& make_nvp("provenance", m.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::AgendaItem& a, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("title", a.title);
    archive_detail::enum_field(ar, "topic", a.topic, AgendaTopic::strategic_framework, AgendaTopic::activities);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Decision& d, unsigned int /*version*/) {
    ar& make_nvp("ref", d.ref);
    ar& make_nvp("text", d.text);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Meeting& m, unsigned int /*version*/) {
    ar& make_nvp("ref", m.ref);
    ar& make_nvp("date", m.date);
    ar& make_nvp("place", m.place);
    ar& make_nvp("attendees", m.attendees);
    ar& make_nvp("agenda", m.agenda);
    ar& make_nvp("decisions", m.decisions);
    ar& make_nvp("provenance", m.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::ActionPoint& a, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("ref", a.ref);
    ar& make_nvp("meeting", a.meeting);
    ar& make_nvp("text", a.text);
    ar& make_nvp("owner", a.owner);
    ar& make_nvp("due", a.due);
    archive_detail::enum_field(ar, "status", a.status, ActionStatus::cancelled, ActionStatus::open);
    ar& make_nvp("closed", a.closed);
    ar& make_nvp("provenance", a.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Forum& f, unsigned int /*version*/) {
    ar& make_nvp("ref", f.ref);
    ar& make_nvp("name", f.name);
    ar& make_nvp("members", f.members);
    ar& make_nvp("meetings", f.meetings);
    ar& make_nvp("action_points", f.action_points);
    ar& make_nvp("provenance", f.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::AgreementParty& p, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("org_ref", p.org_ref);
    ar& make_nvp("name", p.name);
    archive_detail::enum_field(ar, "constituency", p.constituency, Constituency::operator_,
                               Constituency::development_partner);
    ar& make_nvp("signed_on", p.signed_on);
    ar& make_nvp("provenance", p.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Commitment& c, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("ref", c.ref);
    ar& make_nvp("party", c.party);
    ar& make_nvp("text", c.text);
    archive_detail::enum_field(ar, "principle", c.principle, Principle::mutual_accountability, Principle::alignment);
    ar& make_nvp("indicator", c.indicator);
    ar& make_nvp("target", c.target);
    ar& make_nvp("target_year", c.target_year);
    ar& make_nvp("provenance", c.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::MonitoringEntry& e, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("commitment", e.commitment);
    ar& make_nvp("year", e.year);
    archive_detail::enum_field(ar, "status", e.status, MonitoringStatus::achieved, MonitoringStatus::not_assessed);
    ar& make_nvp("evidence", e.evidence);
    ar& make_nvp("joint", e.joint);
    ar& make_nvp("stakeholders", e.stakeholders);
    ar& make_nvp("published", e.published);
    ar& make_nvp("assessed_on", e.assessed_on);
    ar& make_nvp("provenance", e.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Agreement& a, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("ref", a.ref);
    ar& make_nvp("title", a.title);
    ar& make_nvp("developed", a.developed);
    ar& make_nvp("signed_on", a.signed_on);
    ar& make_nvp("binding", a.binding);
    ar& make_nvp("strategy", a.strategy);
    std::vector<std::uint8_t> principles;
    for (const auto p : a.principles) principles.push_back(static_cast<std::uint8_t>(p));
    ar& make_nvp("principles", principles);
    a.principles.clear();
    for (const auto p : principles) {
        a.principles.push_back(p <= 3 ? static_cast<Principle>(p) : Principle::alignment);
    }
    ar& make_nvp("parties", a.parties);
    ar& make_nvp("commitments", a.commitments);
    ar& make_nvp("monitoring", a.monitoring);
    ar& make_nvp("provenance", a.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::JointWork& w, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("ref", w.ref);
    archive_detail::enum_field(ar, "kind", w.kind, JointWorkKind::analytic, JointWorkKind::mission);
    ar& make_nvp("title", w.title);
    ar& make_nvp("lead", w.lead);
    ar& make_nvp("participants", w.participants);
    ar& make_nvp("start", w.start);
    ar& make_nvp("end", w.end);
    ar& make_nvp("joint", w.joint);
    ar& make_nvp("provenance", w.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::OrgInCountry& o, unsigned int /*version*/) {
    ar& make_nvp("org", o.org);
    ar& make_nvp("country", o.country);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::ExchangeVisit& v, unsigned int /*version*/) {
    ar& make_nvp("ref", v.ref);
    ar& make_nvp("year", v.year);
    ar& make_nvp("date", v.date);
    ar& make_nvp("host", v.host);
    ar& make_nvp("visitors", v.visitors);
    ar& make_nvp("purpose", v.purpose);
    ar& make_nvp("topics", v.topics);
    ar& make_nvp("provenance", v.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Training& t, unsigned int /*version*/) {
    ar& make_nvp("ref", t.ref);
    ar& make_nvp("year", t.year);
    ar& make_nvp("title", t.title);
    ar& make_nvp("provider", t.provider);
    ar& make_nvp("recipients", t.recipients);
    ar& make_nvp("topics", t.topics);
    ar& make_nvp("provenance", t.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::PersonnelCount& p, unsigned int /*version*/) {
    using namespace aidtrack;
    archive_detail::enum_field(ar, "role", p.role, PeacekeepingRole::other, PeacekeepingRole::other);
    ar& make_nvp("personnel", p.personnel);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Deployment& d, unsigned int /*version*/) {
    ar& make_nvp("ref", d.ref);
    ar& make_nvp("contributor", d.contributor);
    ar& make_nvp("mission", d.mission);
    ar& make_nvp("host_country", d.host_country);
    ar& make_nvp("rotation_start", d.rotation_start);
    ar& make_nvp("rotation_end", d.rotation_end);
    ar& make_nvp("personnel", d.personnel);
    ar& make_nvp("provenance", d.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::EvaluationRule& r, unsigned int /*version*/) {
    using namespace aidtrack;
    archive_detail::enum_field(ar, "method", r.method, EvaluationMethod::lowest_price, EvaluationMethod::quality_cost);
    ar& make_nvp("technical_weight", r.technical_weight);
    ar& make_nvp("price_weight", r.price_weight);
    ar& make_nvp("technical_threshold", r.technical_threshold);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Lot& l, unsigned int /*version*/) {
    ar& make_nvp("ref", l.ref);
    ar& make_nvp("province", l.province);
    ar& make_nvp("hazard_areas", l.hazard_areas);
    ar& make_nvp("area_m2", l.area_m2);
    ar& make_nvp("provenance", l.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Bid& b, unsigned int /*version*/) {
    ar& make_nvp("ref", b.ref);
    ar& make_nvp("lot", b.lot);
    ar& make_nvp("operator_ref", b.operator_ref);
    ar& make_nvp("price", b.price);
    ar& make_nvp("technical_score", b.technical_score);
    ar& make_nvp("accredited", b.accredited);
    ar& make_nvp("provenance", b.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Contract& c, unsigned int /*version*/) {
    ar& make_nvp("ref", c.ref);
    ar& make_nvp("lot", c.lot);
    ar& make_nvp("bid", c.bid);
    ar& make_nvp("operator_ref", c.operator_ref);
    ar& make_nvp("value", c.value);
    ar& make_nvp("contracted_m2", c.contracted_m2);
    ar& make_nvp("released_m2", c.released_m2);
    ar& make_nvp("spent", c.spent);
    ar& make_nvp("signed_on", c.signed_on);
    ar& make_nvp("start", c.start);
    ar& make_nvp("end", c.end);
    ar& make_nvp("provenance", c.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Tender& t, unsigned int /*version*/) {
    ar& make_nvp("ref", t.ref);
    ar& make_nvp("title", t.title);
    ar& make_nvp("buyer", t.buyer);
    ar& make_nvp("programme", t.programme);
    ar& make_nvp("issued", t.issued);
    ar& make_nvp("closing", t.closing);
    ar& make_nvp("rule", t.rule);
    ar& make_nvp("lots", t.lots);
    ar& make_nvp("bids", t.bids);
    ar& make_nvp("contracts", t.contracts);
    ar& make_nvp("provenance", t.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::StateChange& s, unsigned int /*version*/) {
    using namespace aidtrack;
    archive_detail::enum_field(ar, "state", s.state, RequestState::rejected, RequestState::submitted);
    ar& make_nvp("on", s.on);
    ar& make_nvp("by", s.by);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::MapuRequest& r, unsigned int /*version*/) {
    using namespace aidtrack;
    ar& make_nvp("ref", r.ref);
    ar& make_nvp("province", r.province);
    ar& make_nvp("district", r.district);
    ar& make_nvp("commune", r.commune);
    ar& make_nvp("village", r.village);
    ar& make_nvp("plan_year", r.plan_year);
    ar& make_nvp("submitted_on", r.submitted_on);
    ar& make_nvp("casualties", r.casualties);
    archive_detail::enum_field(ar, "land_use", r.land_use, LandUse::other, LandUse::other);
    ar& make_nvp("population", r.population);
    ar& make_nvp("development_plan", r.development_plan);
    ar& make_nvp("area_m2", r.area_m2);
    ar& make_nvp("cost", r.cost);
    archive_detail::enum_field(ar, "state", r.state, RequestState::rejected, RequestState::submitted);
    ar& make_nvp("score", r.score);
    ar& make_nvp("rank", r.rank);
    ar& make_nvp("history", r.history);
    ar& make_nvp("provenance", r.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::CoordinationStore& store, unsigned int version) {
    // Version 0 stored nothing: such archives load as an empty store.
    if (version >= 1) {
        ar& make_nvp("forums", store.forums);
        ar& make_nvp("agreements", store.agreements);
        ar& make_nvp("joint_work", store.joint_work);
        ar& make_nvp("exchange_visits", store.exchange_visits);
        ar& make_nvp("trainings", store.trainings);
        ar& make_nvp("deployments", store.deployments);
        ar& make_nvp("tenders", store.tenders);
        ar& make_nvp("mapu_requests", store.mapu_requests);
    }
}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(aidtrack::ForumMember, 0)
BOOST_CLASS_VERSION(aidtrack::AgendaItem, 0)
BOOST_CLASS_VERSION(aidtrack::Decision, 0)
BOOST_CLASS_VERSION(aidtrack::Meeting, 0)
BOOST_CLASS_VERSION(aidtrack::ActionPoint, 0)
BOOST_CLASS_VERSION(aidtrack::Forum, 0)
BOOST_CLASS_VERSION(aidtrack::AgreementParty, 0)
BOOST_CLASS_VERSION(aidtrack::Commitment, 0)
BOOST_CLASS_VERSION(aidtrack::MonitoringEntry, 0)
BOOST_CLASS_VERSION(aidtrack::Agreement, 0)
BOOST_CLASS_VERSION(aidtrack::JointWork, 0)
BOOST_CLASS_VERSION(aidtrack::OrgInCountry, 0)
BOOST_CLASS_VERSION(aidtrack::ExchangeVisit, 0)
BOOST_CLASS_VERSION(aidtrack::Training, 0)
BOOST_CLASS_VERSION(aidtrack::PersonnelCount, 0)
BOOST_CLASS_VERSION(aidtrack::Deployment, 0)
BOOST_CLASS_VERSION(aidtrack::EvaluationRule, 0)
BOOST_CLASS_VERSION(aidtrack::Lot, 0)
BOOST_CLASS_VERSION(aidtrack::Bid, 0)
BOOST_CLASS_VERSION(aidtrack::Contract, 0)
BOOST_CLASS_VERSION(aidtrack::Tender, 0)
BOOST_CLASS_VERSION(aidtrack::StateChange, 0)
BOOST_CLASS_VERSION(aidtrack::MapuRequest, 0)
BOOST_CLASS_VERSION(aidtrack::CoordinationStore, 1)
