#pragma once
/// \file archive_model.hpp
/// \brief Boost.Serialization of the model's records (activities, organisations, budgets …).
///
/// Each record type has a class version (BOOST_CLASS_VERSION at the bottom); a field added
/// later is read only `if (version >= N)`, so archives written by earlier versions keep loading.

#include <aidtrack/model/activity.hpp>
#include <aidtrack/model/budget.hpp>
#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/organisation.hpp>
#include "archive_adapters.hpp"

#include <boost/serialization/version.hpp>

namespace boost::serialization {

template <class Archive>
void serialize(Archive& ar, aidtrack::Provenance& p, unsigned int /*version*/) {
    ar& make_nvp("source", p.source);
    ar& make_nvp("line", p.line);
    auto evidence = static_cast<std::uint8_t>(p.evidence);
    ar& make_nvp("evidence", evidence);
    p.evidence = static_cast<aidtrack::Evidence>(evidence <= 2 ? evidence : 0);
    ar& make_nvp("note", p.note);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Narrative& n, unsigned int /*version*/) {
    ar& make_nvp("text", n.text);
    ar& make_nvp("lang", n.lang);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Organisation& o, unsigned int /*version*/) {
    ar& make_nvp("ref", o.ref);
    ar& make_nvp("name", o.name);
    ar& make_nvp("type", o.type);
    ar& make_nvp("country", o.country);
    ar& make_nvp("short_name", o.short_name);
    ar& make_nvp("provenance", o.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::ReportingOrg& o, unsigned int /*version*/) {
    ar& make_nvp("ref", o.ref);
    ar& make_nvp("type", o.type);
    ar& make_nvp("secondary_reporter", o.secondary_reporter);
    ar& make_nvp("name", o.name);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::ParticipatingOrg& o, unsigned int /*version*/) {
    ar& make_nvp("ref", o.ref);
    auto role = static_cast<int>(o.role);
    ar& make_nvp("role", role);
    o.role = static_cast<aidtrack::OrgRole>(role >= 0 && role <= 4 ? role : 0);
    ar& make_nvp("type", o.type);
    ar& make_nvp("activity_id", o.activity_id);
    ar& make_nvp("crs_channel_code", o.crs_channel_code);
    ar& make_nvp("name", o.name);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::CountryShare& s, unsigned int /*version*/) {
    ar& make_nvp("code", s.code);
    ar& make_nvp("percentage", s.percentage);
    ar& make_nvp("name", s.name);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::RegionShare& s, unsigned int /*version*/) {
    ar& make_nvp("code", s.code);
    ar& make_nvp("vocabulary", s.vocabulary);
    ar& make_nvp("percentage", s.percentage);
    ar& make_nvp("name", s.name);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::SectorShare& s, unsigned int /*version*/) {
    ar& make_nvp("vocabulary", s.vocabulary);
    ar& make_nvp("code", s.code);
    ar& make_nvp("percentage", s.percentage);
    ar& make_nvp("name", s.name);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::CountryBudgetItem& i, unsigned int /*version*/) {
    ar& make_nvp("code", i.code);
    ar& make_nvp("percentage", i.percentage);
    ar& make_nvp("description", i.description);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::RelatedActivity& r, unsigned int /*version*/) {
    ar& make_nvp("type", r.type);
    ar& make_nvp("ref", r.ref);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::PolicyMarker& m, unsigned int /*version*/) {
    ar& make_nvp("vocabulary", m.vocabulary);
    ar& make_nvp("code", m.code);
    ar& make_nvp("significance", m.significance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::HumanitarianScope& h, unsigned int /*version*/) {
    ar& make_nvp("type", h.type);
    ar& make_nvp("vocabulary", h.vocabulary);
    ar& make_nvp("code", h.code);
    ar& make_nvp("narrative", h.narrative);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::DocumentLink& d, unsigned int /*version*/) {
    ar& make_nvp("url", d.url);
    ar& make_nvp("format", d.format);
    ar& make_nvp("title", d.title);
    ar& make_nvp("categories", d.categories);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorDimension& d, unsigned int /*version*/) {
    ar& make_nvp("name", d.name);
    ar& make_nvp("value", d.value);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorValue& v, unsigned int /*version*/) {
    ar& make_nvp("value", v.value);
    ar& make_nvp("text", v.text);
    ar& make_nvp("comment", v.comment);
    ar& make_nvp("dimensions", v.dimensions);
    ar& make_nvp("locations", v.locations);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorBaseline& b, unsigned int /*version*/) {
    ar& make_nvp("year", b.year);
    ar& make_nvp("iso_date", b.iso_date);
    ar& make_nvp("value", b.value);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorPeriod& p, unsigned int /*version*/) {
    ar& make_nvp("start", p.start);
    ar& make_nvp("end", p.end);
    ar& make_nvp("targets", p.targets);
    ar& make_nvp("actuals", p.actuals);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorReference& r, unsigned int /*version*/) {
    ar& make_nvp("vocabulary", r.vocabulary);
    ar& make_nvp("code", r.code);
    ar& make_nvp("uri", r.uri);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::ResultIndicator& i, unsigned int /*version*/) {
    ar& make_nvp("measure", i.measure);
    ar& make_nvp("ascending", i.ascending);
    ar& make_nvp("aggregation_status", i.aggregation_status);
    ar& make_nvp("title", i.title);
    ar& make_nvp("description", i.description);
    ar& make_nvp("references", i.references);
    ar& make_nvp("baselines", i.baselines);
    ar& make_nvp("periods", i.periods);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IatiResult& r, unsigned int /*version*/) {
    ar& make_nvp("type", r.type);
    ar& make_nvp("aggregation_status", r.aggregation_status);
    ar& make_nvp("title", r.title);
    ar& make_nvp("description", r.description);
    ar& make_nvp("indicators", r.indicators);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Activity& a, unsigned int /*version*/) {
    ar& make_nvp("identifier", a.identifier);
    ar& make_nvp("default_lang", a.default_lang);
    ar& make_nvp("hierarchy", a.hierarchy);
    ar& make_nvp("last_updated", a.last_updated);
    ar& make_nvp("humanitarian", a.humanitarian);
    ar& make_nvp("reporting_org", a.reporting_org);
    ar& make_nvp("title", a.title);
    ar& make_nvp("description", a.description);
    ar& make_nvp("participating_orgs", a.participating_orgs);
    ar& make_nvp("status", a.status);
    ar& make_nvp("planned_start", a.planned_start);
    ar& make_nvp("actual_start", a.actual_start);
    ar& make_nvp("planned_end", a.planned_end);
    ar& make_nvp("actual_end", a.actual_end);
    ar& make_nvp("recipient_countries", a.recipient_countries);
    ar& make_nvp("recipient_regions", a.recipient_regions);
    ar& make_nvp("sectors", a.sectors);
    ar& make_nvp("country_budget_vocabulary", a.country_budget_vocabulary);
    ar& make_nvp("country_budget_items", a.country_budget_items);
    ar& make_nvp("related_activities", a.related_activities);
    ar& make_nvp("policy_markers", a.policy_markers);
    ar& make_nvp("humanitarian_scopes", a.humanitarian_scopes);
    ar& make_nvp("document_links", a.document_links);
    ar& make_nvp("collaboration_type", a.collaboration_type);
    ar& make_nvp("default_currency", a.default_currency);
    ar& make_nvp("default_aid_type", a.default_aid_type);
    ar& make_nvp("default_finance_type", a.default_finance_type);
    ar& make_nvp("default_flow_type", a.default_flow_type);
    ar& make_nvp("default_tied_status", a.default_tied_status);
    ar& make_nvp("results", a.results);
    ar& make_nvp("provenance", a.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Budget& b, unsigned int /*version*/) {
    ar& make_nvp("activity", b.activity);
    ar& make_nvp("type", b.type);
    ar& make_nvp("status", b.status);
    ar& make_nvp("period", b.period);
    ar& make_nvp("value", b.value);
    ar& make_nvp("value_date", b.value_date);
    ar& make_nvp("line", b.line);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::PlannedDisbursement& p, unsigned int /*version*/) {
    ar& make_nvp("activity", p.activity);
    ar& make_nvp("type", p.type);
    ar& make_nvp("period", p.period);
    ar& make_nvp("value", p.value);
    ar& make_nvp("value_date", p.value_date);
    ar& make_nvp("provider_org", p.provider_org);
    ar& make_nvp("provider_activity", p.provider_activity);
    ar& make_nvp("receiver_org", p.receiver_org);
    ar& make_nvp("receiver_activity", p.receiver_activity);
    ar& make_nvp("line", p.line);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::SourceLocation& w, unsigned int /*version*/) {
    ar& make_nvp("file", w.file);
    ar& make_nvp("line", w.line);
    ar& make_nvp("element", w.element);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Diagnostic& d, unsigned int /*version*/) {
    auto severity = static_cast<std::uint8_t>(d.severity);
    ar& make_nvp("severity", severity);
    d.severity = severity == 1 ? aidtrack::Severity::error : aidtrack::Severity::warning;
    ar& make_nvp("kind", d.kind);
    ar& make_nvp("rule", d.rule);
    ar& make_nvp("message", d.message);
    ar& make_nvp("where", d.where);
}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(aidtrack::Activity, 0)
BOOST_CLASS_VERSION(aidtrack::Organisation, 0)
BOOST_CLASS_VERSION(aidtrack::Budget, 0)
BOOST_CLASS_VERSION(aidtrack::PlannedDisbursement, 0)
BOOST_CLASS_VERSION(aidtrack::Diagnostic, 0)
