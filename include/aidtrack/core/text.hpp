#pragma once
/// \file text.hpp
/// \brief Text rules shared by every reader: trimming, keyword comparison, the UTF-8 check, and
/// the hash that searches a container of strings by string view.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace aidtrack {

/// \brief `text` without leading and trailing ASCII whitespace (space, tab, CR, LF, VT, FF): the
/// C locale's isspace, spelled out so that the rule does not depend on the global locale.
/// Inline: the IATI reader calls it for every attribute it reads.
[[nodiscard]] constexpr std::string_view trim(std::string_view text) noexcept {
    constexpr auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
    };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

/// \brief Trims, lower-cases ASCII letters and maps '-' and '_' to ' ', so that "co_chair",
/// "Co-Chair" and "co chair" compare equal.
[[nodiscard]] std::string normalise_keyword(std::string_view text);

/// \brief Where `text` stops being UTF-8 text, or npos when it is all UTF-8 text.
///
/// Returns the offset of the first NUL byte, byte that starts no UTF-8 sequence (a stray
/// continuation byte, 0xC0, 0xC1, 0xF5..0xFF), or sequence that is truncated, overlong, a UTF-16
/// surrogate or beyond U+10FFFF.
[[nodiscard]] std::size_t find_invalid_text(std::string_view text) noexcept;

/// \brief Hashes strings and string views alike: with `std::equal_to<>`, a hashed container of
/// strings is searched by a view without building a string (an allocation for a long key).
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

}  // namespace aidtrack
