#pragma once
/// \file provenance.hpp
/// \brief Where a record came from and how much to trust it.

#include <aidtrack/core/evidence.hpp>

#include <cstdint>
#include <string>

namespace aidtrack {

/// \brief The origin of a record: a file and line, or a named source with a date.
struct Provenance {
    std::string source;      ///< file path, or a publication ("Landmine Monitor 2023")
    std::uint32_t line = 0;  ///< 1-based line in `source`, 0 when not a file
    Evidence evidence = Evidence::reported;
    std::string note;  ///< free text: URL, page, caveat

    friend bool operator==(const Provenance&, const Provenance&) = default;
};

}  // namespace aidtrack
