#pragma once
/// \file exchange_visit.hpp
/// \brief South-South exchange visits: who visited whom, when and to learn what.

#include <aidtrack/core/date.hpp>
#include <aidtrack/model/provenance.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief An organisation with its country (ISO 3166-1 alpha-2).
struct OrgInCountry {
    std::string org;
    std::string country;
    friend bool operator==(const OrgInCountry&, const OrgInCountry&) = default;
};

/// \brief A visit by organisations of other countries to a host, to learn on some topics.
struct ExchangeVisit {
    std::string ref;
    int year = 0;
    std::optional<Date> date;
    OrgInCountry host;
    std::vector<OrgInCountry> visitors;
    std::string purpose;
    std::vector<std::string> topics;
    Provenance provenance;
    friend bool operator==(const ExchangeVisit&, const ExchangeVisit&) = default;
};

}  // namespace aidtrack
