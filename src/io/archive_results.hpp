#pragma once
/// \file archive_results.hpp
/// \brief Boost.Serialization of the ResultsStore (strategies, indicators, mine action records).
///
/// Version 0 of ResultsStore was an empty store; version 1 adds every record. Enumerations go
/// in as their integer codes, checked on the way back in.

#include <aidtrack/model/results_store.hpp>
#include "archive_adapters.hpp"
#include "archive_model.hpp"

#include <boost/serialization/version.hpp>

namespace aidtrack {

/// \brief Gives the archive code access to the ResultsStore's private vectors.
struct ResultsStoreAccess {
    template <class Archive>
    static void serialize(Archive& ar, ResultsStore& s) {
        using boost::serialization::make_nvp;
        ar& make_nvp("strategies", s.strategies_);
        ar& make_nvp("indicators", s.indicators_);
        ar& make_nvp("links", s.links_);
        ar& make_nvp("hazards", s.hazards_);
        ar& make_nvp("releases", s.releases_);
        ar& make_nvp("casualties", s.casualties_);
    }
};

namespace archive_detail {
/// Serializes an enumeration as its integer code, rejecting codes above `max` on load.
template <class Archive, class Enum>
void enum_field(Archive& ar, const char* name, Enum& value, int max) {
    auto code = static_cast<int>(value);
    ar& boost::serialization::make_nvp(name, code);
    if (code < 0 || code > max) throw ArchiveError(std::string("invalid code for ") + name);
    value = static_cast<Enum>(code);
}
}  // namespace archive_detail

}  // namespace aidtrack

namespace boost::serialization {

template <class Archive>
void serialize(Archive& ar, aidtrack::ResultNode& n, unsigned int /*version*/) {
    ar& make_nvp("id", n.id);
    ar& make_nvp("parent", n.parent);
    aidtrack::archive_detail::enum_field(ar, "level", n.level, 3);
    ar& make_nvp("title", n.title);
    ar& make_nvp("weight", n.weight);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Strategy& s, unsigned int /*version*/) {
    ar& make_nvp("id", s.id);
    ar& make_nvp("name", s.name);
    ar& make_nvp("period", s.period);
    ar& make_nvp("owner", s.owner);
    ar& make_nvp("nodes", s.nodes);
    ar& make_nvp("provenance", s.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorObservation& o, unsigned int /*version*/) {
    aidtrack::archive_detail::enum_field(ar, "kind", o.kind, 1);
    ar& make_nvp("period", o.period);
    ar& make_nvp("value", o.value);
    ar& make_nvp("text", o.text);
    ar& make_nvp("dimensions", o.dimensions);
    ar& make_nvp("provenance", o.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Indicator& i, unsigned int /*version*/) {
    ar& make_nvp("id", i.id);
    ar& make_nvp("strategy", i.strategy);
    ar& make_nvp("node", i.node);
    ar& make_nvp("title", i.title);
    auto measure = static_cast<int>(i.measure);
    ar& make_nvp("measure", measure);
    if (measure < 1 || measure > 5) throw aidtrack::ArchiveError("invalid indicator measure code");
    i.measure = static_cast<aidtrack::IndicatorMeasure>(measure);
    ar& make_nvp("ascending", i.ascending);
    ar& make_nvp("unit", i.unit);
    aidtrack::archive_detail::enum_field(ar, "time_aggregation", i.time_aggregation, 2);
    aidtrack::archive_detail::enum_field(ar, "space_aggregation", i.space_aggregation, 1);
    ar& make_nvp("baseline_date", i.baseline_date);
    ar& make_nvp("baseline_value", i.baseline_value);
    ar& make_nvp("weight", i.weight);
    ar& make_nvp("values", i.values);
    ar& make_nvp("provenance", i.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::IndicatorLink& l, unsigned int /*version*/) {
    ar& make_nvp("from", l.from);
    ar& make_nvp("to", l.to);
    ar& make_nvp("weight", l.weight);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::HazardArea& h, unsigned int /*version*/) {
    ar& make_nvp("id", h.id);
    ar& make_nvp("province", h.province);
    ar& make_nvp("district", h.district);
    ar& make_nvp("village", h.village);
    aidtrack::archive_detail::enum_field(ar, "type", h.type, 1);
    aidtrack::archive_detail::enum_field(ar, "contamination", h.contamination, 3);
    ar& make_nvp("area_m2", h.area_m2);
    ar& make_nvp("recorded", h.recorded);
    ar& make_nvp("status", h.status);
    ar& make_nvp("provenance", h.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::DeviceCount& d, unsigned int /*version*/) {
    ar& make_nvp("type", d.type);
    ar& make_nvp("count", d.count);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::LandRelease& r, unsigned int /*version*/) {
    ar& make_nvp("hazard", r.hazard);
    ar& make_nvp("date", r.date);
    aidtrack::archive_detail::enum_field(ar, "method", r.method, 2);
    ar& make_nvp("area_m2", r.area_m2);
    ar& make_nvp("operator", r.operator_name);
    ar& make_nvp("funding_activity", r.funding_activity);
    ar& make_nvp("devices", r.devices);
    ar& make_nvp("provenance", r.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::Casualty& c, unsigned int /*version*/) {
    ar& make_nvp("date", c.date);
    ar& make_nvp("province", c.province);
    ar& make_nvp("device", c.device);
    ar& make_nvp("killed", c.killed);
    ar& make_nvp("injured", c.injured);
    ar& make_nvp("amputations", c.amputations);
    ar& make_nvp("sex", c.sex);
    ar& make_nvp("age_group", c.age_group);
    ar& make_nvp("provenance", c.provenance);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::ResultsStore& store, unsigned int version) {
    // Version 0 archives hold an empty store: nothing to read.
    if (version >= 1) aidtrack::ResultsStoreAccess::serialize(ar, store);
}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(aidtrack::ResultNode, 0)
BOOST_CLASS_VERSION(aidtrack::Strategy, 0)
BOOST_CLASS_VERSION(aidtrack::IndicatorObservation, 0)
BOOST_CLASS_VERSION(aidtrack::Indicator, 0)
BOOST_CLASS_VERSION(aidtrack::IndicatorLink, 0)
BOOST_CLASS_VERSION(aidtrack::HazardArea, 0)
BOOST_CLASS_VERSION(aidtrack::DeviceCount, 0)
BOOST_CLASS_VERSION(aidtrack::LandRelease, 0)
BOOST_CLASS_VERSION(aidtrack::Casualty, 0)
BOOST_CLASS_VERSION(aidtrack::ResultsStore, 1)
