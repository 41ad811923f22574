#include <aidtrack/core/decimal.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>

namespace aidtrack {
namespace {

using Raw = Decimal::Raw;
constexpr Raw kMaxRaw = ~(static_cast<Raw>(1) << 127);

// Divides by 10^places rounding half to even.
Raw divide_round_half_even(Raw value, Raw divisor) {
    Raw quotient = value / divisor;
    Raw remainder = value % divisor;
    if (remainder < 0) remainder = -remainder;
    const Raw twice = remainder * 2;
    const bool away = twice > divisor || (twice == divisor && (quotient % 2 != 0));
    if (away) quotient += value < 0 ? -1 : 1;
    return quotient;
}

Raw pow10(int n) {
    Raw out = 1;
    for (int i = 0; i < n; ++i) out *= 10;
    return out;
}

}  // namespace

bool Decimal::try_parse(std::string_view text, Decimal& out, std::string* why) noexcept {
    auto fail = [&](const char* reason) {
        if (why != nullptr) {
            try {
                *why = reason;
            } catch (...) {
            }  // NOLINT(bugprone-empty-catch): message is best effort
        }
        return false;
    };
    std::size_t begin = 0;
    std::size_t end = text.size();
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin == end) return fail("empty number");
    bool negative = false;
    if (text[begin] == '+' || text[begin] == '-') {
        negative = text[begin] == '-';
        ++begin;
    }
    Raw whole = 0;
    Raw fraction = 0;
    int fraction_digits = 0;
    bool any_digit = false;
    bool seen_point = false;
    constexpr Raw kWholeLimit = (kMaxRaw / kOne - 9) / 10;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        if (c == '.') {
            if (seen_point) return fail("two decimal points");
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') {
            if (c == ',') return fail("thousands separators are not allowed");
            if (c == 'e' || c == 'E') return fail("exponents are not allowed");
            return fail("not a decimal number");
        }
        any_digit = true;
        const int digit = c - '0';
        if (!seen_point) {
            if (whole > kWholeLimit) return fail("number too large");
            whole = whole * 10 + digit;
        } else if (fraction_digits < kScale) {
            fraction = fraction * 10 + digit;
            ++fraction_digits;
        } else if (digit != 0) {
            return fail("more than nine decimal places");
        }
    }
    if (!any_digit) return fail("no digits");
    const Raw raw = whole * kOne + fraction * pow10(kScale - fraction_digits);
    out = from_raw(negative ? -raw : raw);
    return true;
}

Decimal Decimal::parse(std::string_view text) {
    Decimal out;
    std::string why;
    if (!try_parse(text, out, &why))
        throw ParseError("cannot read '" + std::string(text.substr(0, 64)) + "' as a decimal: " + why);
    return out;
}

Decimal Decimal::from_double(double value) {
    if (!std::isfinite(value)) throw OverflowError("cannot represent a non-finite value as a decimal");
    const long double scaled = std::nearbyint(static_cast<long double>(value) * static_cast<long double>(kOne));
    if (std::fabs(scaled) > 1.0e37L) throw OverflowError("value out of the decimal range");
    return from_raw(static_cast<Raw>(scaled));
}

// Digits are written from 64-bit parts: a 128-bit division costs a library call, and one per
// digit made printing a value a few hundred nanoseconds (a large table prints every cell).
std::string Decimal::to_string(int min_decimals) const {
    const UInt128 magnitude = raw_ < 0 ? UInt128{0} - static_cast<UInt128>(raw_) : static_cast<UInt128>(raw_);
    const UInt128 whole = magnitude / static_cast<UInt128>(kOne);
    auto fraction = static_cast<std::uint64_t>(magnitude % static_cast<UInt128>(kOne));

    // sign, up to 39 whole digits, point, 9 decimals
    char text[64];
    char* out = text;
    if (raw_ < 0) *out++ = '-';
    constexpr std::uint64_t kTen19 = 10'000'000'000'000'000'000ULL;
    if (whole <= std::numeric_limits<std::uint64_t>::max()) {
        out = std::to_chars(out, std::end(text), static_cast<std::uint64_t>(whole)).ptr;
    } else {
        // At most 39 digits: a high part below 2^64 and 19 low digits, zero-padded.
        const auto high = static_cast<std::uint64_t>(whole / kTen19);
        auto low = static_cast<std::uint64_t>(whole % kTen19);
        out = std::to_chars(out, std::end(text), high).ptr;
        for (int i = 18; i >= 0; --i) {
            out[i] = static_cast<char>('0' + low % 10);
            low /= 10;
        }
        out += 19;
    }
    // The decimals, trailing zeros dropped down to min_decimals.
    char decimals[kScale];
    for (int i = kScale - 1; i >= 0; --i) {
        decimals[i] = static_cast<char>('0' + fraction % 10);
        fraction /= 10;
    }
    int keep = kScale;
    while (keep > min_decimals && keep > 0 && decimals[keep - 1] == '0') --keep;
    if (keep > 0) {
        *out++ = '.';
        out = std::copy(decimals, decimals + keep, out);
    }
    return {text, out};
}

Decimal Decimal::times(std::int64_t factor) const {
    Raw out;
    if (__builtin_mul_overflow(raw_, static_cast<Raw>(factor), &out))
        throw OverflowError("decimal multiplication overflows");
    return from_raw(out);
}

Decimal Decimal::scaled(double factor) const {
    if (!std::isfinite(factor)) throw OverflowError("cannot scale a decimal by a non-finite factor");
    // Split the raw value so that the product keeps full precision for values far beyond 2^64.
    const long double product = static_cast<long double>(raw_) * static_cast<long double>(factor);
    if (std::fabs(product) > 1.0e37L) throw OverflowError("decimal scaling overflows");
    return from_raw(static_cast<Raw>(std::nearbyint(product)));
}

Decimal Decimal::rounded(int places) const {
    if (places >= kScale) return *this;
    if (places < 0) places = 0;
    const Raw unit = pow10(kScale - places);
    return from_raw(divide_round_half_even(raw_, unit) * unit);
}

}  // namespace aidtrack
