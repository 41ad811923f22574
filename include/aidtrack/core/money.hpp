#pragma once
/// \file money.hpp
/// \brief An exact amount in one currency.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/decimal.hpp>

#include <string>

namespace aidtrack {

/// \brief An exact Decimal amount in one currency; arithmetic across currencies throws
/// CurrencyError, because adding KHR to USD without a rate is always a mistake.
class Money {
public:
    Money() = default;
    Money(Decimal amount, CurrencyCode currency) noexcept : amount_(amount), currency_(currency) {}
    /// Parses both parts: Money::parse("1234.50", "USD").
    [[nodiscard]] static Money parse(std::string_view amount, std::string_view currency) {
        return {Decimal::parse(amount), CurrencyCode(currency)};
    }

    [[nodiscard]] Decimal amount() const noexcept { return amount_; }
    [[nodiscard]] CurrencyCode currency() const noexcept { return currency_; }

    [[nodiscard]] Money operator+(const Money& other) const { return {amount_ + checked(other), currency_}; }
    [[nodiscard]] Money operator-(const Money& other) const { return {amount_ - checked(other), currency_}; }
    Money& operator+=(const Money& other) {
        amount_ += checked(other);
        return *this;
    }
    [[nodiscard]] Money operator-() const { return {-amount_, currency_}; }
    /// Product with a binary factor, rounded half to even to 10^-9.
    [[nodiscard]] Money scaled(double factor) const { return {amount_.scaled(factor), currency_}; }

    /// "1234.50 USD".
    [[nodiscard]] std::string to_string() const { return amount_.to_string() + " " + currency_.str(); }
    friend bool operator==(const Money&, const Money&) = default;

private:
    Decimal checked(const Money& other) const {
        if (other.currency_ != currency_) {
            throw CurrencyError(
                "cannot combine " + currency_.str() + " and " + other.currency_.str() + " without a conversion", {},
                "one-currency-per-sum");
        }
        return other.amount_;
    }
    Decimal amount_;
    CurrencyCode currency_;
};

}  // namespace aidtrack
