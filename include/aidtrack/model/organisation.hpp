#pragma once
/// \file organisation.hpp
/// \brief Organisations: donors, agencies, the authority, operators.

#include <aidtrack/model/provenance.hpp>

#include <string>

namespace aidtrack {

/// \brief An organisation known to the portfolio, keyed by its IATI organisation identifier.
struct Organisation {
    std::string ref;         ///< IATI organisation identifier, e.g. "XM-DAC-41114"
    std::string name;        ///< display name
    std::string type;        ///< IATI OrganisationType code ("10" government, "21" international NGO …)
    std::string country;     ///< ISO 3166-1 alpha-2 of its seat, when known
    std::string short_name;  ///< acronym used in tables ("UNDP", "DFAT")
    Provenance provenance;
    friend bool operator==(const Organisation&, const Organisation&) = default;
};

}  // namespace aidtrack
