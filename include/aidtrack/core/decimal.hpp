#pragma once
/// \file decimal.hpp
/// \brief Exact fixed-point decimal numbers for money.

#include <aidtrack/core/error.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace aidtrack {

/// \brief Signed 128-bit integer (a GCC/Clang extension, marked so -Wpedantic accepts it).
__extension__ typedef __int128 Int128;  // NOLINT(modernize-use-using): __extension__ needs typedef
/// \brief Unsigned 128-bit integer.
__extension__ typedef unsigned __int128 UInt128;  // NOLINT(modernize-use-using)

/// \brief An exact decimal number with nine decimal places, stored as a 128-bit count of
/// nano-units.
///
/// Published IATI values carry up to eight decimals (e.g. "1112742.39948867" in real UNDP
/// data) and reach 10^13 in currencies such as VND, so a 64-bit count of cents would either
/// round or overflow; 128 bits at 10^-9 hold any published value exactly with room for sums
/// of billions of them. Addition and subtraction are exact and checked; multiplication by a
/// binary-floating factor (an exchange rate, a percentage) rounds half to even to 10^-9.
class Decimal {
public:
    using Raw = Int128;
    static constexpr int kScale = 9;            ///< decimal places held
    static constexpr Raw kOne = 1'000'000'000;  ///< raw units in 1

    constexpr Decimal() noexcept = default;
    /// From a whole number.
    constexpr Decimal(std::int64_t whole) noexcept
        : raw_(static_cast<Raw>(whole) * kOne) {}  // NOLINT(google-explicit-constructor)

    /// From a raw count of 10^-9 units.
    [[nodiscard]] static constexpr Decimal from_raw(Raw raw) noexcept {
        Decimal d;
        d.raw_ = raw;
        return d;
    }
    /// Parses "[+-]digits[.digits]" with surrounding whitespace; throws ParseError for anything
    /// else (exponents, thousands separators, more than nine decimals that are not zeros).
    [[nodiscard]] static Decimal parse(std::string_view text);
    /// Like parse() but returns false and sets `why` instead of throwing.
    [[nodiscard]] static bool try_parse(std::string_view text, Decimal& out, std::string* why = nullptr) noexcept;
    /// Nearest Decimal to a double (half to even); throws OverflowError when out of range.
    [[nodiscard]] static Decimal from_double(double value);

    [[nodiscard]] constexpr Raw raw() const noexcept { return raw_; }
    [[nodiscard]] double to_double() const noexcept {
        return static_cast<double>(static_cast<long double>(raw_) / static_cast<long double>(kOne));
    }
    /// Canonical text: at least `min_decimals` decimals, more only when they are not zero.
    [[nodiscard]] std::string to_string(int min_decimals = 2) const;

    [[nodiscard]] Decimal operator+(Decimal other) const { return from_raw(checked_add(raw_, other.raw_)); }
    [[nodiscard]] Decimal operator-(Decimal other) const { return from_raw(checked_add(raw_, -other.raw_)); }
    [[nodiscard]] constexpr Decimal operator-() const noexcept { return from_raw(-raw_); }
    Decimal& operator+=(Decimal other) {
        raw_ = checked_add(raw_, other.raw_);
        return *this;
    }
    Decimal& operator-=(Decimal other) {
        raw_ = checked_add(raw_, -other.raw_);
        return *this;
    }
    /// Exact product with an integer.
    [[nodiscard]] Decimal times(std::int64_t factor) const;
    /// Product with a binary factor, rounded half to even to 10^-9.
    [[nodiscard]] Decimal scaled(double factor) const;
    /// Rounds half to even to `places` decimals (0..9).
    [[nodiscard]] Decimal rounded(int places) const;

    [[nodiscard]] constexpr bool is_zero() const noexcept { return raw_ == 0; }
    [[nodiscard]] constexpr bool is_negative() const noexcept { return raw_ < 0; }
    friend constexpr auto operator<=>(Decimal a, Decimal b) noexcept { return a.raw_ <=> b.raw_; }
    friend constexpr bool operator==(Decimal a, Decimal b) noexcept { return a.raw_ == b.raw_; }

private:
    static Raw checked_add(Raw a, Raw b) {
        Raw out;
        if (__builtin_add_overflow(a, b, &out)) throw OverflowError("decimal addition overflows 128 bits");
        return out;
    }
    Raw raw_ = 0;
};

}  // namespace aidtrack
