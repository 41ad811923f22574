#include <aidtrack/core/money.hpp>

#include <gtest/gtest.h>

using aidtrack::CurrencyCode;
using aidtrack::Money;

TEST(currency_code_test, validates_against_iso_4217) {
    EXPECT_EQ(CurrencyCode("KHR").str(), "KHR");
    EXPECT_EQ(CurrencyCode(" USD\n").str(), "USD");  // whitespace around a code, as XML often has
    EXPECT_THROW(CurrencyCode("XYZ"), aidtrack::CurrencyError);
    EXPECT_THROW(CurrencyCode("usd"), aidtrack::CurrencyError);  // codes are upper case
    EXPECT_THROW(CurrencyCode("DOLLARS"), aidtrack::CurrencyError);
    EXPECT_TRUE(CurrencyCode::is_known("EUR"));
    EXPECT_FALSE(CurrencyCode::is_known(""));
    // Packing keeps order and round-trips.
    EXPECT_LT(CurrencyCode("AUD"), CurrencyCode("USD"));
    EXPECT_EQ(CurrencyCode::from_packed(CurrencyCode("JPY").packed()).str(), "JPY");
}

TEST(money_test, adds_within_one_currency) {
    const Money a = Money::parse("1000.25", "USD");
    const Money b = Money::parse("0.75", "USD");
    EXPECT_EQ((a + b).to_string(), "1001.00 USD");
    EXPECT_EQ((a - b).to_string(), "999.50 USD");
}

TEST(money_test, mixed_currency_sum_is_refused) {
    const Money usd = Money::parse("1", "USD");
    const Money khr = Money::parse("4100", "KHR");
    EXPECT_THROW((void)(usd + khr), aidtrack::CurrencyError);
    Money total = Money::parse("0", "USD");
    EXPECT_THROW(total += khr, aidtrack::CurrencyError);
}
