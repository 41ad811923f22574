#pragma once
/// \file narrative.hpp
/// \brief Text in one language, as IATI's `narrative` element with its `xml:lang`.

#include <string>
#include <vector>

namespace aidtrack {

/// \brief One text with its language code (empty = the document's default language).
struct Narrative {
    std::string text;
    std::string lang;
    friend bool operator==(const Narrative&, const Narrative&) = default;
};

/// \brief The same text in several languages.
using Narratives = std::vector<Narrative>;

/// The text in `lang`, else the first one, else "".
[[nodiscard]] inline std::string text_of(const Narratives& narratives, const std::string& lang = {}) {
    for (const auto& n : narratives) {
        if (!lang.empty() && n.lang == lang) return n.text;
    }
    return narratives.empty() ? std::string{} : narratives.front().text;
}

}  // namespace aidtrack
