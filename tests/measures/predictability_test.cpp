// Annual and medium-term predictability, execution rate, with the three methodologies.
#include <aidtrack/measures/predictability.hpp>

#include "measures_fixture.hpp"

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::dec;
using aidtrack::measures::testing::find_row;

namespace {

// 2020: scheduled 1000, disbursed 600 + 440 = 1040 (over-disbursed).
// 2021: scheduled 500, disbursed 400. 2022: disbursed 100, nothing scheduled.
Builder sample() {
    Builder b;
    const auto a = b.activity("AU-5-1", "AU-5");
    b.plan(a, "2020-01-01", "2020-12-31", "1000");
    b.plan(a, "2021-01-01", "2021-12-31", "500");
    b.tx(a, 2, "2020-01-10", "2000");
    b.tx(a, 3, "2020-02-01", "600");
    b.tx(a, 3, "2020-09-01", "440");
    b.tx(a, 3, "2021-04-01", "400");
    b.tx(a, 3, "2022-04-01", "100");
    return b;
}

Table annual(const Builder& b, const std::string& m) {
    MeasureOptions o;
    o.methodology = m;
    return annual_predictability(b.p, o);
}

}  // namespace

TEST(predictability_test, paris2008_is_the_plain_ratio) {
    const Table t = annual(sample(), "paris2008");
    EXPECT_EQ(t.methodology(), "paris2008");
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<Decimal>(r, "numerator"), dec("1040"));
    EXPECT_EQ(t.at<Decimal>(r, "denominator"), dec("1000"));
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 1.04);  // 1040 / 1000, like Cambodia's 104% for 2007
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2021), "value"), 0.8);  // 400 / 500
    EXPECT_FALSE(t.defined(find_row(t, "AU-5", 2022), "value"));  // 100 / 0: undefined
    EXPECT_FALSE(t.defined(r, "over_disbursement"));
}

TEST(predictability_test, paris2011_inverts_over_disbursement) {
    const Table t = annual(sample(), "paris2011");
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<Decimal>(r, "numerator"), dec("1000"));
    EXPECT_EQ(t.at<Decimal>(r, "denominator"), dec("1040"));
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 1000.0 / 1040.0);  // min/max = 0.9615…
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2021), "value"), 0.8);  // 400 / 500
}

TEST(predictability_test, gpedc2018_caps_and_reports_over_disbursement) {
    const Table t = annual(sample(), "");  // default
    EXPECT_EQ(t.methodology(), "gpedc2018");
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 1.0);                      // min(1040, 1000) / 1000
    EXPECT_DOUBLE_EQ(t.at<double>(r, "over_disbursement"), 40.0 / 1040.0);  // (1040 - 1000) / 1040
    const auto r21 = find_row(t, "AU-5", 2021);
    EXPECT_DOUBLE_EQ(t.at<double>(r21, "value"), 0.8);
    EXPECT_DOUBLE_EQ(t.at<double>(r21, "over_disbursement"), 0.0);
    const auto r22 = find_row(t, "AU-5", 2022);
    EXPECT_FALSE(t.defined(r22, "value"));  // scheduled 0
    EXPECT_EQ(t.at<std::int64_t>(r, "disbursement_records"), 2);
    EXPECT_EQ(t.at<std::int64_t>(r, "schedule_records"), 1);
    EXPECT_THROW((void)annual(sample(), "paris2099"), ValidationError);
}

TEST(predictability_test, schedule_spanning_years_is_spread_by_days) {
    Builder b;
    const auto a = b.activity("AU-5-1", "AU-5");
    b.plan(a, "2020-07-01", "2021-06-30", "365");  // 184 days in 2020, 181 in 2021
    b.tx(a, 3, "2020-08-01", "184");
    const Table t = annual(b, "paris2008");
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2020), "scheduled"), dec("184"));
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 1.0);
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2021), "scheduled"), dec("181"));
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2021), "value"), 0.0);  // 0 / 181
}

TEST(predictability_test, budgets_are_a_fallback_only_when_asked) {
    Builder b;
    const auto a = b.activity("AU-5-1", "AU-5");
    Budget budget;
    budget.activity = a;
    budget.period = Period::calendar_year(2020);
    budget.value = Money::parse("800", "USD");
    b.p.add_budget(budget);
    b.tx(a, 3, "2020-08-01", "400");
    MeasureOptions o;
    o.methodology = "paris2008";
    EXPECT_FALSE(annual_predictability(b.p, o).defined(0, "value"));  // no schedule: undefined
    o.budgets_as_schedule_fallback = true;
    const Table t = annual_predictability(b.p, o);
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 0.5);  // 400 / 800
}

TEST(predictability_test, medium_term_coverage_of_three_years) {
    const Table t = medium_term_predictability(sample().p, MeasureOptions{});
    const auto r = find_row(t, "AU-5", 2020);
    // D_2020 = 1040; planned 2021 = 500, 2022 = 0, 2023 = 0.
    EXPECT_EQ(t.at<Decimal>(r, "planned_y1"), dec("500"));
    EXPECT_DOUBLE_EQ(t.at<double>(r, "coverage_y1"), 500.0 / 1040.0);
    EXPECT_DOUBLE_EQ(t.at<double>(r, "coverage_y2"), 0.0);
    EXPECT_NEAR(t.at<double>(r, "value"), (500.0 / 1040.0) / 3.0, 1e-12);  // 0.16026
}

TEST(predictability_test, execution_rate_and_undisbursed_balance) {
    const Table t = execution_rate(sample().p, MeasureOptions{});
    const auto r20 = find_row(t, "AU-5", 2020);
    EXPECT_DOUBLE_EQ(t.at<double>(r20, "value"), 0.52);  // 1040 / 2000
    EXPECT_EQ(t.at<Decimal>(r20, "undisbursed_balance"), dec("960"));  // 2000 - 1040
    const auto r21 = find_row(t, "AU-5", 2021);
    EXPECT_FALSE(t.defined(r21, "value"));  // no commitment in 2021
    EXPECT_EQ(t.at<Decimal>(r21, "undisbursed_balance"), dec("560"));  // 2000 - (1040 + 400)
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2022), "undisbursed_balance"), dec("460"));
}
