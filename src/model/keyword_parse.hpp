#pragma once
// Private helper of src/model: parses a keyword against a table of names (index = enum value).

#include <aidtrack/core/error.hpp>
#include <aidtrack/core/text.hpp>

#include <array>
#include <string>
#include <string_view>

namespace aidtrack::detail {

template <class E, std::size_t N>
E parse_keyword(std::string_view text, const std::array<const char*, N>& names, const char* what) {
    const std::string key = normalise_keyword(text);
    for (std::size_t i = 0; i < N; ++i) {
        if (normalise_keyword(names[i]) == key) return static_cast<E>(i);
    }
    throw ParseError("unknown " + std::string(what) + " '" + std::string(text) + "'");
}

}  // namespace aidtrack::detail
