#pragma once
/// \file provenance.hpp
/// \brief Where a record came from and how much to trust it.

#include <cstdint>
#include <string>

namespace aidtrack {

/// \brief Whether a figure was published, computed from published figures, or made up to
/// illustrate (no public source gives it).
enum class Evidence : std::uint8_t { reported = 0, derived = 1, illustrative = 2 };

/// "reported", "derived" or "illustrative".
[[nodiscard]] inline const char* to_string(Evidence e) noexcept {
    switch (e) {
        case Evidence::reported: return "reported";
        case Evidence::derived: return "derived";
        case Evidence::illustrative: return "illustrative";
    }
    return "reported";
}

/// \brief The origin of a record: a file and line, or a named source with a date.
struct Provenance {
    std::string source;            ///< file path, or a publication ("Landmine Monitor 2023")
    std::uint32_t line = 0;        ///< 1-based line in `source`, 0 when not a file
    Evidence evidence = Evidence::reported;
    std::string note;              ///< free text: URL, page, caveat

    friend bool operator==(const Provenance&, const Provenance&) = default;
};

}  // namespace aidtrack
