#include <aidtrack/core/decimal.hpp>

#include <gtest/gtest.h>

using aidtrack::Decimal;

TEST(decimal_test, parses_and_prints_exactly) {
    EXPECT_EQ(Decimal::parse("1234.50").to_string(), "1234.50");
    // A value as UNDP publishes it, with eight decimals and a trailing newline.
    EXPECT_EQ(Decimal::parse(" 1112742.39948867\n").to_string(), "1112742.39948867");
    EXPECT_EQ(Decimal::parse("-0").to_string(), "0.00");
    EXPECT_EQ(Decimal::parse("+7").to_string(0), "7");
    EXPECT_EQ(Decimal::parse(".5").to_string(), "0.50");
    EXPECT_EQ(Decimal::parse("-12.345").to_string(), "-12.345");
}

TEST(decimal_test, refuses_what_is_not_a_plain_decimal) {
    for (const char* bad : {"", "  ", "1,000.00", "1e400", "1E3", "12abc", "1.2.3", "-", "NaN", "0.0000000001"}) {
        Decimal out;
        EXPECT_FALSE(Decimal::try_parse(bad, out)) << bad;
        EXPECT_THROW((void)Decimal::parse(bad), aidtrack::ParseError) << bad;
    }
    // Trailing zeros beyond nine places carry no information and are accepted.
    EXPECT_EQ(Decimal::parse("1.5000000000000").to_string(), "1.50");
}

TEST(decimal_test, binary_floating_point_sums_are_not_needed) {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; exactly 0.3 here.
    EXPECT_EQ(Decimal::parse("0.1") + Decimal::parse("0.2"), Decimal::parse("0.3"));
}

TEST(decimal_test, a_million_amounts_sum_exactly_to_the_cent) {
    // 1,000,000 × 0.01 = 10,000.00 exactly, and 1,000,000 × 123,456.78 = 123,456,780,000.00.
    Decimal cents;
    Decimal big;
    const Decimal cent = Decimal::parse("0.01");
    const Decimal amount = Decimal::parse("123456.78");
    for (int i = 0; i < 1'000'000; ++i) {
        cents += cent;
        big += amount;
    }
    EXPECT_EQ(cents.to_string(), "10000.00");
    EXPECT_EQ(big.to_string(), "123456780000.00");
}

TEST(decimal_test, scaling_rounds_half_to_even) {
    // 1,000,000 KHR at 4110.652746415772 KHR/USD and 0.8045389067343528 GBP/USD:
    // the double factor 0.00019572047467056412 × 1e6 = 195.72047467056412 → 195.720474671 at 10^-9.
    EXPECT_EQ(Decimal(1'000'000).scaled(0.8045389067343528 / 4110.652746415772).to_string(), "195.720474671");
    EXPECT_EQ(Decimal::parse("2.5").rounded(0).to_string(0), "2");  // half to even: 2
    EXPECT_EQ(Decimal::parse("3.5").rounded(0).to_string(0), "4");  // half to even: 4
    EXPECT_EQ(Decimal::parse("-2.345").rounded(2).to_string(), "-2.34");
}

TEST(decimal_test, overflow_is_an_error_not_a_wrong_number) {
    const Decimal huge = Decimal::from_raw(~(static_cast<Decimal::Raw>(1) << 127));
    EXPECT_THROW((void)(huge + Decimal(1)), aidtrack::OverflowError);
    EXPECT_THROW((void)Decimal::from_double(1e300), aidtrack::OverflowError);
}

TEST(decimal_test, prints_values_past_two_to_the_sixty_four_whole_units) {
    using aidtrack::Int128;
    // 2^127 - 1 raw units = 170141183460469231731687303715884105727: 30 whole digits, 9 decimals.
    const Int128 max = ~(Int128{1} << 127);
    EXPECT_EQ(Decimal::from_raw(max).to_string(), "170141183460469231731687303715.884105727");
    EXPECT_EQ(Decimal::from_raw(-max).to_string(), "-170141183460469231731687303715.884105727");
    // 5·10^19 + 7 whole units: above 2^64 (1.8·10^19), the low 19 digits zero-padded.
    const Int128 whole = Int128{5} * 10'000'000'000'000'000'000ULL + 7;
    EXPECT_EQ(Decimal::from_raw(whole * Decimal::kOne).to_string(0), "50000000000000000007");
    EXPECT_EQ(Decimal::from_raw(whole * Decimal::kOne + 10).to_string(0), "50000000000000000007.00000001");
    // 2^64 whole units exactly, and the largest whole number below it.
    const Int128 two64 = Int128{1} << 64;
    EXPECT_EQ(Decimal::from_raw(two64 * Decimal::kOne).to_string(), "18446744073709551616.00");
    EXPECT_EQ(Decimal::from_raw((two64 - 1) * Decimal::kOne).to_string(1), "18446744073709551615.0");
}

TEST(decimal_test, keeps_at_least_the_decimals_asked_for_and_at_most_nine) {
    const Decimal d = Decimal::parse("-0.000000120");
    EXPECT_EQ(d.to_string(0), "-0.00000012");
    EXPECT_EQ(d.to_string(9), "-0.000000120");
    EXPECT_EQ(d.to_string(12), "-0.000000120");  // nine places are all it holds
    EXPECT_EQ(Decimal::parse("3").to_string(-1), "3");
    EXPECT_EQ(Decimal::parse("3").to_string(4), "3.0000");
    EXPECT_EQ(Decimal::parse("0.5").to_string(0), "0.5");
}
