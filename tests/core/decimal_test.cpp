#include <aidtrack/core/decimal.hpp>

#include <gtest/gtest.h>

using aidtrack::Decimal;

TEST(decimal_test, parses_and_prints_exactly) {
    EXPECT_EQ(Decimal::parse("1234.50").to_string(), "1234.50");
    EXPECT_EQ(Decimal::parse(" 1112742.39948867\n").to_string(), "1112742.39948867");
    EXPECT_EQ(Decimal::parse("-0").to_string(), "0.00");
    EXPECT_EQ(Decimal::parse("+7").to_string(0), "7");
}
