#pragma once
/// \file evidence.hpp
/// \brief How much a figure can be trusted: reported, derived or illustrative.

#include <cstdint>
#include <string_view>

namespace aidtrack {

/// \brief Whether a figure was published, computed from published figures, or made up to
/// illustrate (no public source gives it).
enum class Evidence : std::uint8_t { reported = 0, derived = 1, illustrative = 2 };

/// "reported", "derived" or "illustrative".
[[nodiscard]] inline const char* to_string(Evidence e) noexcept {
    switch (e) {
        case Evidence::reported:
            return "reported";
        case Evidence::derived:
            return "derived";
        case Evidence::illustrative:
            return "illustrative";
    }
    return "reported";
}

/// \brief Reads an evidence class as the files write it: "reported", "derived" or
/// "illustrative", compared as keywords (case and surrounding blanks ignored); an empty text is
/// `reported`. Throws ParseError (rule `evidence`) on any other text.
[[nodiscard]] Evidence parse_evidence(std::string_view text);

}  // namespace aidtrack
