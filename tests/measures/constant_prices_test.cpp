/// \file constant_prices_test.cpp
/// \brief Deflators from CSV and exact deflation to a base year, source kept.

#include <aidtrack/measures/constant_prices.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";

TEST(constant_prices_test, deflates_to_the_base_year_with_its_source) {
    const Deflators d = Deflators::from_csv(kTrust + "deflators.csv");
    EXPECT_EQ(d.size(), 4U);
    // 1000.00 of 2022 in 2023 prices: 1000 x 100 / 95.5 = 1047.1204188… -> 1047.12.
    const Deflated x = d.deflate(Decimal::parse("1000.00"), "XM-DONOR", 2022, 2023);
    EXPECT_EQ(x.value.to_string(), "1047.12");
    EXPECT_EQ(x.year_entry.source, "OECD DAC deflators (test extract) 2023=100");
    EXPECT_EQ(x.year_entry.line, 2U);
    // A donor without its own series uses "*": 960.00 x 100 / 96 = 1000.00.
    EXPECT_EQ(d.deflate(Decimal::parse("960.00"), "XM-OTHER", 2022, 2023).value.to_string(), "1000.00");
    // Base year to an earlier base: 100.00 of 2023 in 2022 prices = 100 x 95.5 / 100 = 95.50.
    EXPECT_EQ(d.deflate(Decimal::parse("100.00"), "XM-DONOR", 2023, 2022).value.to_string(), "95.50");
    EXPECT_THROW((void)d.deflate(Decimal(1), "XM-DONOR", 2019, 2023), NotFoundError);
}

TEST(constant_prices_test, bad_rows_name_file_and_line) {
    std::istringstream bad("donor,year,deflator,source\nX,2022,1e3,s\n");
    try {
        (void)Deflators::from_csv(bad, "bad.csv");
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.where().line, 2U);
        EXPECT_EQ(e.where().file, "bad.csv");
    }
    std::istringstream twice("donor,year,deflator\nX,2022,90\nX,2022,91\n");
    EXPECT_THROW((void)Deflators::from_csv(twice, "twice.csv"), ValidationError);
    std::istringstream zero("donor,year,deflator\nX,2022,0\n");
    EXPECT_THROW((void)Deflators::from_csv(zero, "zero.csv"), ValidationError);
}

}  // namespace
}  // namespace aidtrack
