#pragma once
/// \file archive_results.hpp
/// \brief Boost.Serialization of the ResultsStore (strategies, indicators, mine action records).

#include <aidtrack/io/archive_adapters.hpp>
#include <aidtrack/model/results_store.hpp>

#include <boost/serialization/version.hpp>

namespace boost::serialization {

template <class Archive>
void serialize(Archive& /*ar*/, aidtrack::ResultsStore& /*store*/, unsigned int /*version*/) {}

}  // namespace boost::serialization

BOOST_CLASS_VERSION(aidtrack::ResultsStore, 0)
