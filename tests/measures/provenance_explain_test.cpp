/// \file provenance_explain_test.cpp
/// \brief explain(): contributing portions with file and line that add back exactly to the cell.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/provenance_explain.hpp>
#include <aidtrack/measures/secondary_reporters.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";
const std::string kReal = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/real/";

const char* kGrid = R"(<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="KHR">
  <iati-identifier>XM-GRID</iati-identifier>
  <reporting-org ref="XM-DONOR" type="10"><narrative>Donor</narrative></reporting-org>
  <title><narrative>Two sectors by two countries</narrative></title>
  <recipient-country code="KH" percentage="50"/><recipient-country code="LA" percentage="50"/>
  <sector code="15250" percentage="60"/><sector code="15220" percentage="40"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2023-06-01"/><value>100001</value></transaction>
  <budget><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value>1000</value></budget>
 </iati-activity>
</iati-activities>
)";

TEST(provenance_explain_test, a_sector_cell_lists_its_pieces) {
    Portfolio p;
    (void)read_iati_string(kGrid, p, {}, "grid.xml");
    ExplainQuery q;
    q.sector = "15250";
    const Table t = explain(p, q);
    // 100001 x 0.6 x 0.5 = 30000.30 for KH and for LA: 60000.60.
    ASSERT_EQ(t.row_count(), 2U);
    EXPECT_EQ(t.at<Decimal>(0, "amount").to_string(), "30000.30");
    EXPECT_EQ(t.at<std::string>(0, "file"), "grid.xml");
    EXPECT_EQ(t.at<std::int64_t>(0, "line"), 9);
    EXPECT_EQ(t.at<std::int64_t>(0, "fiscal_year"), 2023);
    EXPECT_EQ(explained_total(t).to_string(), "60000.60");
}

TEST(provenance_explain_test, budgets_pro_rated_by_fiscal_year_and_deflated) {
    Portfolio p;
    (void)read_iati_string(kGrid, p, {}, "grid.xml");
    const Deflators deflators = Deflators::from_csv(kTrust + "deflators.csv");
    ExplainQuery q;
    q.explode.budgets = true;
    q.sector = "15250";
    q.country = "KH";
    q.calendar = FiscalCalendar(7, 1);
    const Table both = explain(p, q);
    // Piece 1000 x 0.6 x 0.5 = 300.00 over 2023-01-01..12-31 (365 days) in July years:
    // FY2022 gets 181 days -> 148.767 -> 148.77 (largest remainder), FY2023 184 days -> 151.23.
    ASSERT_EQ(both.row_count(), 2U);
    EXPECT_EQ(both.at<std::int64_t>(0, "fiscal_year"), 2022);
    EXPECT_EQ(both.at<Decimal>(0, "portion").to_string(), "148.77");
    EXPECT_EQ(both.at<Decimal>(1, "portion").to_string(), "151.23");
    EXPECT_EQ(explained_total(both).to_string(), "300.00");

    q.fiscal_year = 2022;
    q.deflators = &deflators;
    q.base_year = 2023;
    const Table t = explain(p, q);
    ASSERT_EQ(t.row_count(), 1U);
    // 148.77 x 100 / 95.50 = 155.780104… -> 155.78 in constant 2023 prices.
    EXPECT_EQ(t.at<Decimal>(0, "amount").to_string(), "155.78");
    EXPECT_EQ(t.at<Decimal>(0, "deflator_year").to_string(), "95.50");
    EXPECT_NE(t.at<std::string>(0, "deflator_source").find("deflators.csv:2"), std::string::npos);
}

TEST(provenance_explain_test, totals_over_the_real_file_add_back_exactly) {
    Portfolio p;
    (void)read_iati_files({kReal + "dportal-covid.xml"}, p);
    const IatiSummary summary = summarize_iati(p);
    // Every transaction, split by sector x country: per currency the pieces add back to the
    // exact published sums (summarize_iati adds the records without any split).
    const Table t = explain(p);
    std::map<std::string, Decimal> by_currency;
    const auto& amounts = std::get<std::vector<Decimal>>(t.column("amount").data);
    const auto& currencies = std::get<std::vector<std::string>>(t.column("amount_currency").data);
    for (std::size_t i = 0; i < amounts.size(); ++i) by_currency[currencies[i]] += amounts[i];
    std::map<std::string, Decimal> expected;
    for (const auto& [key, sum] : summary.transactions_by_type_currency) expected[key.substr(key.find('|') + 1)] += sum;
    EXPECT_EQ(by_currency, expected);
    EXPECT_GT(t.row_count(), p.transactions().size());  // split rows
    // One publisher's cell: its rows sum to the cell.
    ExplainQuery q;
    q.reporting_org = p.activity(0).reporting_org.ref;
    q.explode.types = {3};
    const Table one = explain(p, q);
    Decimal direct;
    for (std::size_t i = 0; i < p.transactions().size(); ++i) {
        if (p.transactions().type[i] == 3 &&
            p.activity(p.transactions().activity[i]).reporting_org.ref == q.reporting_org &&
            p.transactions().value_of(i).currency().str() ==
                (one.row_count() ? one.at<std::string>(0, "amount_currency") : "")) {
            direct += p.transactions().value_of(i).amount();
        }
    }
    if (one.row_count() > 0) {
        Decimal sum;
        for (std::size_t i = 0; i < one.row_count(); ++i) {
            if (one.at<std::string>(i, "amount_currency") == one.at<std::string>(0, "amount_currency"))
                sum += one.at<Decimal>(i, "amount");
        }
        EXPECT_EQ(sum, direct);
    }
}

TEST(provenance_explain_test, secondary_exclusions_leave_the_cell) {
    Portfolio p;
    (void)read_iati_files({kTrust + "secondary.xml"}, p);
    ExplainQuery q;
    q.excluded_activities = secondary_exclusions(p);
    // 500.00 (donor) + 70.00 (aggregator, no primary) = 570.00; the re-reported 500.00 is out.
    EXPECT_EQ(explained_total(explain(p, q)).to_string(), "570.00");
}

}  // namespace
}  // namespace aidtrack
