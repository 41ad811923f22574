#pragma once
/// \file training.hpp
/// \brief South-South trainings: a provider teaching recipients on some topics.

#include <aidtrack/model/exchange_visit.hpp>

#include <string>
#include <vector>

namespace aidtrack {

/// \brief A training given by one organisation to organisations of other countries.
struct Training {
    std::string ref;
    int year = 0;
    std::string title;
    OrgInCountry provider;
    std::vector<OrgInCountry> recipients;
    std::vector<std::string> topics;
    Provenance provenance;
    friend bool operator==(const Training&, const Training&) = default;
};

}  // namespace aidtrack
