#pragma once
/// \file currency.hpp
/// \brief ISO 4217 currency codes packed into 16 bits.

#include <aidtrack/core/error.hpp>

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace aidtrack {

/// \brief An ISO 4217 alphabetic currency code ("USD", "KHR"), validated against the IATI
/// Currency codelist and packed into 16 bits so that transaction columns stay small.
class CurrencyCode {
public:
    /// The empty code (no currency).
    constexpr CurrencyCode() noexcept = default;
    /// Parses and validates a code; throws CurrencyError for anything not on the list.
    explicit CurrencyCode(std::string_view code);

    /// Like the constructor but returns false instead of throwing.
    [[nodiscard]] static bool try_parse(std::string_view code, CurrencyCode& out) noexcept;
    /// Whether `code` is an ISO 4217 code on the IATI Currency codelist.
    [[nodiscard]] static bool is_known(std::string_view code) noexcept;
    /// From the packed form; no validation (used by archives and columns).
    [[nodiscard]] static constexpr CurrencyCode from_packed(std::uint16_t packed) noexcept {
        CurrencyCode c;
        c.packed_ = packed;
        return c;
    }

    [[nodiscard]] constexpr std::uint16_t packed() const noexcept { return packed_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return packed_ == 0; }
    /// The three letters, or "" for the empty code.
    [[nodiscard]] std::string str() const;

    friend constexpr auto operator<=>(CurrencyCode, CurrencyCode) noexcept = default;

private:
    std::uint16_t packed_ = 0;  // 1 + base-26 value of the three letters; 0 = none
};

/// The United States dollar, the pivot of every conversion.
inline const CurrencyCode kUSD{"USD"};

}  // namespace aidtrack

/// \cond INTERNAL
// Hash of a CurrencyCode for unordered containers.
template <>
struct std::hash<aidtrack::CurrencyCode> {
    std::size_t operator()(aidtrack::CurrencyCode c) const noexcept { return c.packed(); }
};
/// \endcond
