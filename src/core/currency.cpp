#include <aidtrack/core/currency.hpp>

#include <algorithm>
#include <array>
#include <string>

namespace aidtrack {
namespace {

constexpr std::array kKnownCodes = {
#include "iso4217_codes.inc"
};

bool is_three_upper(std::string_view code) noexcept {
    return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::uint16_t pack(std::string_view code) noexcept {
    return static_cast<std::uint16_t>(1 + ((code[0] - 'A') * 26 + (code[1] - 'A')) * 26 + (code[2] - 'A'));
}

}  // namespace

bool CurrencyCode::is_known(std::string_view code) noexcept {
    return is_three_upper(code) && std::binary_search(kKnownCodes.begin(), kKnownCodes.end(), code,
                                                      [](std::string_view a, std::string_view b) { return a < b; });
}

bool CurrencyCode::try_parse(std::string_view code, CurrencyCode& out) noexcept {
    while (!code.empty() && (code.front() == ' ' || code.front() == '\n' || code.front() == '\t'))
        code.remove_prefix(1);
    while (!code.empty() && (code.back() == ' ' || code.back() == '\n' || code.back() == '\t')) code.remove_suffix(1);
    if (!is_known(code)) return false;
    out.packed_ = pack(code);
    return true;
}

CurrencyCode::CurrencyCode(std::string_view code) {
    if (!try_parse(code, *this)) {
        throw CurrencyError("'" + std::string(code.substr(0, 16)) + "' is not an ISO 4217 currency code", {},
                            "currency-on-codelist");
    }
}

std::string CurrencyCode::str() const {
    if (packed_ == 0) return {};
    int value = packed_ - 1;
    std::string out(3, 'A');
    out[2] = static_cast<char>('A' + value % 26);
    value /= 26;
    out[1] = static_cast<char>('A' + value % 26);
    value /= 26;
    out[0] = static_cast<char>('A' + value);
    return out;
}

}  // namespace aidtrack
