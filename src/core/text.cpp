#include <aidtrack/core/text.hpp>

namespace aidtrack {

namespace {

constexpr char to_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string normalise_keyword(std::string_view text) {
    text = trim(text);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) out.push_back(c == '-' || c == '_' ? ' ' : to_lower(c));
    return out;
}

std::size_t find_invalid_text(std::string_view text) noexcept {
    const auto byte = [text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = byte(i);
        if (lead == 0) return i;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // The lead byte fixes the length and the range of the second byte (Unicode table 3-7):
        // the narrowed ranges are what refuse overlong forms, surrogates and code points past
        // U+10FFFF.
        std::size_t length = 4;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
        for (std::size_t k = 2; k < length; ++k) {
            if ((byte(i + k) & 0xC0U) != 0x80U) return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace aidtrack
