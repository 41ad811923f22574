#pragma once
/// \file archive_coordination.hpp
/// \brief Boost.Serialization of the CoordinationStore.

#include <aidtrack/io/archive_adapters.hpp>
#include <aidtrack/model/coordination_store.hpp>

#include <boost/serialization/version.hpp>

namespace boost::serialization {

template <class Archive>
void serialize(Archive& /*ar*/, aidtrack::CoordinationStore& /*store*/, unsigned int /*version*/) {}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(aidtrack::CoordinationStore, 0)
