/// \file exploded_splits_test.cpp
/// \brief Exploded tables: pieces by largest remainder that add back to the cent, before and after conversion.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/exploded_splits.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace aidtrack {
namespace {

const char* kSplits = R"(<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XM-THIRDS</iati-identifier>
  <reporting-org ref="XM-DONOR" type="10"><narrative>Donor</narrative></reporting-org>
  <title><narrative>Three equal sectors</narrative></title>
  <recipient-country code="KH"/>
  <sector code="15250"/><sector code="15220"/><sector code="43010"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2023-03-01"/><value>100.00</value></transaction>
 </iati-activity>
 <iati-activity default-currency="KHR">
  <iati-identifier>XM-GRID</iati-identifier>
  <reporting-org ref="XM-DONOR" type="10"><narrative>Donor</narrative></reporting-org>
  <title><narrative>Two sectors by two countries</narrative></title>
  <recipient-country code="KH" percentage="50"/><recipient-country code="LA" percentage="50"/>
  <sector code="15250" percentage="60"/><sector code="15220" percentage="40"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2023-06-01"/><value>100001</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2023-07-01"/><value>500</value>
   <sector code="43010"/><recipient-country code="KH"/></transaction>
  <budget><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value>1000</value></budget>
 </iati-activity>
</iati-activities>
)";

Portfolio portfolio() {
    Portfolio p;
    (void)read_iati_string(kSplits, p, {}, "splits.xml");
    return p;
}

TEST(exploded_splits_test, one_hundred_in_thirds_is_33_34_33_33_33_33) {
    const Portfolio p = portfolio();
    ExplodeOptions o;
    o.types = {3};
    const Table t = explode(p, o);
    // Transaction 0 (100.00 USD, three sectors, no percentages = equal): 33.34 + 33.33 + 33.33.
    ASSERT_GE(t.row_count(), 3U);
    EXPECT_EQ(t.at<std::string>(0, "sector"), "15250");
    EXPECT_EQ(t.at<Decimal>(0, "value").to_string(), "33.34");
    EXPECT_EQ(t.at<Decimal>(1, "value").to_string(), "33.33");
    EXPECT_EQ(t.at<Decimal>(2, "value").to_string(), "33.33");
    EXPECT_EQ(t.at<Decimal>(0, "weight").to_string(9), "0.333333334");
    EXPECT_EQ(t.at<std::string>(0, "country"), "KH");
    EXPECT_EQ(t.at<std::string>(0, "file"), "splits.xml");
    EXPECT_EQ(t.at<std::int64_t>(0, "line"), 9);
}

TEST(exploded_splits_test, sector_by_country_grid_adds_back_exactly) {
    const Portfolio p = portfolio();
    const Table t = explode(p);
    // 1 + 4 + 1 rows: thirds, the 2 x 2 grid, and the transaction with its own sector and country.
    ASSERT_EQ(t.row_count(), 8U);
    std::map<std::int64_t, Decimal> by_record;
    for (std::size_t i = 0; i < t.row_count(); ++i)
        by_record[t.at<std::int64_t>(i, "record")] += t.at<Decimal>(i, "value");
    EXPECT_EQ(by_record[0].to_string(), "100.00");
    EXPECT_EQ(by_record[1].to_string(), "100001.00");
    EXPECT_EQ(by_record[2].to_string(), "500.00");
    // 100001 x 0.6 x 0.5 = 30000.30 and 100001 x 0.4 x 0.5 = 20000.20 (no remainder to place).
    EXPECT_EQ(t.at<std::string>(3, "sector"), "15250");
    EXPECT_EQ(t.at<std::string>(3, "country"), "KH");
    EXPECT_EQ(t.at<Decimal>(3, "value").to_string(), "30000.30");
    EXPECT_EQ(t.at<Decimal>(4, "value").to_string(), "30000.30");
    EXPECT_EQ(t.at<Decimal>(5, "value").to_string(), "20000.20");
    EXPECT_EQ(t.at<Decimal>(6, "value").to_string(), "20000.20");
    EXPECT_EQ(t.at<std::string>(7, "sector"), "43010");
}

TEST(exploded_splits_test, converted_pieces_add_back_to_the_converted_record) {
    const Portfolio p = portfolio();
    ExchangeRates rates;
    rates.add(CurrencyCode("KHR"), Period(make_date(2023, 1, 1), make_date(2023, 12, 31)), 3000.0, "test rate 2023");
    ExplodeOptions o;
    o.currency = CurrencyCode("USD");
    o.rates = &rates;
    const Table t = explode(p, o);
    // 100001 KHR / 3000 = 33.333666… -> 33.33 USD; 0.6 x 0.5 = 0.3 of it = 9.999 -> largest remainders:
    // 9.999, 9.999, 6.666, 6.666 -> floors 9.99, 9.99, 6.66, 6.66 (= 33.30), 3 cents left to the
    // largest remainders (.9 .9 .6 .6 -> the first three): 10.00, 10.00, 6.67, 6.66 = 33.33.
    EXPECT_EQ(t.at<Decimal>(3, "record_value_converted").to_string(), "33.33");
    EXPECT_EQ(t.at<Decimal>(3, "value_converted").to_string(), "10.00");
    EXPECT_EQ(t.at<Decimal>(4, "value_converted").to_string(), "10.00");
    EXPECT_EQ(t.at<Decimal>(5, "value_converted").to_string(), "6.67");
    EXPECT_EQ(t.at<Decimal>(6, "value_converted").to_string(), "6.66");
    EXPECT_EQ(t.at<std::string>(3, "rate_source"), "KHR: test rate 2023; USD pivot");
    EXPECT_EQ(t.at<Date>(3, "rate_date"), make_date(2023, 6, 1));
    // USD stays: 33.34 + 33.33 + 33.33.
    EXPECT_EQ(t.at<Decimal>(0, "value_converted").to_string(), "33.34");
    EXPECT_THROW((void)explode(p, ExplodeOptions{false, {}, CurrencyCode("USD"), nullptr, {}, {}, 2}), CurrencyError);
}

TEST(exploded_splits_test, budgets_and_objectives) {
    const Portfolio p = portfolio();
    ExplodeOptions o;
    o.budgets = true;
    o.objectives["15250"] = {{"clearance", Decimal(2)}, {"risk education", Decimal(1)}};
    const Table t = explode(p, o);
    // Budget 1000 KHR: 15250 (60%) in 2 objectives 2:1, 15220 (40%) unmapped, each x KH/LA 50%.
    // 15250 x KH: 1000 x 0.6 x 0.5 = 300 -> clearance 200, risk education 100; same for LA;
    // 15220 x KH = 200, 15220 x LA = 200. Total 200+100+200+100+200+200 = 1000.
    ASSERT_EQ(t.row_count(), 6U);
    Decimal sum;
    for (std::size_t i = 0; i < t.row_count(); ++i) sum += t.at<Decimal>(i, "value");
    EXPECT_EQ(sum.to_string(), "1000.00");
    EXPECT_EQ(t.at<std::string>(0, "objective"), "clearance");
    EXPECT_EQ(t.at<Decimal>(0, "value").to_string(), "200.00");
    EXPECT_EQ(t.at<Decimal>(1, "value").to_string(), "100.00");
    EXPECT_EQ(t.at<std::string>(4, "objective"), "");
    EXPECT_EQ(t.at<Decimal>(4, "value").to_string(), "200.00");
    EXPECT_EQ(t.at<std::string>(0, "record_kind"), "budget");
}

}  // namespace
}  // namespace aidtrack
