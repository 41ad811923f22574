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
    EXPECT_FALSE(t.defined(find_row(t, "AU-5", 2022), "value"));              // 100 / 0: undefined
    EXPECT_FALSE(t.defined(r, "over_disbursement"));
}

TEST(predictability_test, paris2011_inverts_over_disbursement) {
    const Table t = annual(sample(), "paris2011");
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<Decimal>(r, "numerator"), dec("1000"));
    EXPECT_EQ(t.at<Decimal>(r, "denominator"), dec("1040"));
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 1000.0 / 1040.0);              // min/max = 0.9615…
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2021), "value"), 0.8);  // 400 / 500
}

TEST(predictability_test, gpedc2018_caps_and_reports_over_disbursement) {
    const Table t = annual(sample(), "");  // default
    EXPECT_EQ(t.methodology(), "gpedc2018");
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 1.0);                        // min(1040, 1000) / 1000
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
    EXPECT_DOUBLE_EQ(t.at<double>(r20, "value"), 0.52);                // 1040 / 2000
    EXPECT_EQ(t.at<Decimal>(r20, "undisbursed_balance"), dec("960"));  // 2000 - 1040
    const auto r21 = find_row(t, "AU-5", 2021);
    EXPECT_FALSE(t.defined(r21, "value"));                             // no commitment in 2021
    EXPECT_EQ(t.at<Decimal>(r21, "undisbursed_balance"), dec("560"));  // 2000 - (1040 + 400)
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2022), "undisbursed_balance"), dec("460"));
}

// ---------------------------------------------------------------------------------------------
// Country aggregates ("(all)" rows) when donors err in opposite directions.

namespace {

// 2020: AU-5 schedules 100 and disburses 50 (short); UNDP schedules 100 and disburses 150 (over).
// With `unscheduled`, GB-GOV-1 also disburses 40 with nothing scheduled.
Builder opposite_errors(bool unscheduled = false) {
    Builder b;
    b.p.upsert_organisation({"GB-GOV-1", "FCDO", "10", "GB", "FCDO", {}});
    const auto au = b.activity("AU-5-1", "AU-5");
    const auto undp = b.activity("XM-DAC-41114-1", "XM-DAC-41114");
    b.plan(au, "2020-01-01", "2020-12-31", "100");
    b.tx(au, 3, "2020-03-01", "50");
    b.plan(undp, "2020-01-01", "2020-12-31", "100");
    b.tx(undp, 3, "2020-03-01", "150");
    if (unscheduled) b.tx(b.activity("GB-GOV-1-1", "GB-GOV-1"), 3, "2020-06-01", "40");
    return b;
}

}  // namespace

TEST(predictability_test, gpedc2018_all_row_counts_what_each_donor_disbursed_as_scheduled) {
    const Table t = annual(opposite_errors(), "gpedc2018");
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_EQ(t.at<Decimal>(all, "disbursed"), dec("200"));    // 50 + 150
    EXPECT_EQ(t.at<Decimal>(all, "scheduled"), dec("200"));    // 100 + 100
    EXPECT_EQ(t.at<Decimal>(all, "numerator"), dec("150"));    // min(50,100) + min(150,100)
    EXPECT_EQ(t.at<Decimal>(all, "denominator"), dec("200"));  // 100 + 100
    EXPECT_DOUBLE_EQ(t.at<double>(all, "value"), 0.75);  // (min(50,100) + min(150,100)) / 200, not min(200,200)/200 = 1
    EXPECT_EQ(t.at<Decimal>(all, "over_disbursed"), dec("50"));               // (50 - 50) + (150 - 100)
    EXPECT_DOUBLE_EQ(t.at<double>(all, "over_disbursement"), 0.25);           // 50 / (50 + 150)
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 0.5);  // min(50,100) / 100
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "over_disbursement"), 0.0);
    const auto undp = find_row(t, "XM-DAC-41114", 2020);
    EXPECT_DOUBLE_EQ(t.at<double>(undp, "value"), 1.0);                       // min(150,100) / 100
    EXPECT_DOUBLE_EQ(t.at<double>(undp, "over_disbursement"), 50.0 / 150.0);  // (150 - 100) / 150
    EXPECT_EQ(t.at<std::int64_t>(all, "disbursement_records"), 2);
    EXPECT_EQ(t.at<std::int64_t>(all, "schedule_records"), 2);
}

TEST(predictability_test, paris2008_all_row_is_the_ratio_of_country_totals) {
    const Table t = annual(opposite_errors(), "paris2008");
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_EQ(t.at<Decimal>(all, "numerator"), dec("200"));  // 50 + 150
    EXPECT_DOUBLE_EQ(t.at<double>(all, "value"), 1.0);  // (50 + 150) / (100 + 100): the 2008 Survey's totals offset
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 0.5);          // 50 / 100
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "XM-DAC-41114", 2020), "value"), 1.5);  // 150 / 100
    EXPECT_FALSE(t.defined(all, "over_disbursement"));
}

TEST(predictability_test, paris2011_all_row_sums_each_donors_min_and_max) {
    const Table t = annual(opposite_errors(), "paris2011");
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_EQ(t.at<Decimal>(all, "numerator"), dec("150"));    // min(50,100) + min(150,100)
    EXPECT_EQ(t.at<Decimal>(all, "denominator"), dec("250"));  // max(50,100) + max(150,100)
    EXPECT_DOUBLE_EQ(t.at<double>(all, "value"), 0.6);         // 150 / 250: both errors lower it
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "XM-DAC-41114", 2020), "value"), 100.0 / 150.0);  // min/max
}

TEST(predictability_test, donors_without_a_schedule_enter_each_aggregate_as_documented) {
    const Builder b = opposite_errors(true);  // + GB-GOV-1: 40 disbursed, nothing scheduled
    const Table g = annual(b, "gpedc2018");
    const auto all = find_row(g, "(all)", 2020);
    EXPECT_DOUBLE_EQ(g.at<double>(all, "value"), 0.75);              // still (50 + 100) / 200: neither term
    EXPECT_DOUBLE_EQ(g.at<double>(all, "over_disbursement"), 0.25);  // still 50 / (50 + 150)
    EXPECT_EQ(g.at<Decimal>(all, "unscheduled"), dec("40"));
    EXPECT_EQ(g.at<Decimal>(all, "disbursed"), dec("240"));  // 50 + 150 + 40, shown beside
    const auto gb = find_row(g, "GB-GOV-1", 2020);
    EXPECT_FALSE(g.defined(gb, "value"));              // 0 scheduled
    EXPECT_FALSE(g.defined(gb, "over_disbursement"));  // nothing to exceed
    EXPECT_EQ(g.at<Decimal>(gb, "unscheduled"), dec("40"));
    // paris2008: part of the country total of D, nothing of S.
    EXPECT_DOUBLE_EQ(annual(b, "paris2008").at<double>(all, "value"), 1.2);  // (50 + 150 + 40) / 200
    // paris2011: min(40, 0) = 0 above, max(40, 0) = 40 below: unscheduled money is unpredictable.
    EXPECT_DOUBLE_EQ(annual(b, "paris2011").at<double>(all, "value"),
                     150.0 / 290.0);  // (50 + 100 + 0) / (100 + 150 + 40)
}

TEST(predictability_test, medium_term_all_row_caps_each_donor_at_its_own_disbursements) {
    // Reference year 2020: AU-5 and UNDP each disburse 100. AU-5 plans 40 for 2021 (short), UNDP
    // 160 (over); both plan 100 for 2022 and nothing for 2023. GB-GOV-1 plans 50 for 2021 but
    // disburses nothing in 2020; NZ-1 disburses 100 in 2020 and plans nothing.
    Builder b;
    b.p.upsert_organisation({"GB-GOV-1", "FCDO", "10", "GB", "FCDO", {}});
    b.p.upsert_organisation({"NZ-1", "MFAT", "10", "NZ", "MFAT", {}});
    const auto au = b.activity("AU-5-1", "AU-5");
    const auto undp = b.activity("XM-DAC-41114-1", "XM-DAC-41114");
    b.tx(au, 3, "2020-05-01", "100");
    b.tx(undp, 3, "2020-05-01", "100");
    b.plan(au, "2021-01-01", "2021-12-31", "40");
    b.plan(undp, "2021-01-01", "2021-12-31", "160");
    b.plan(au, "2022-01-01", "2022-12-31", "100");
    b.plan(undp, "2022-01-01", "2022-12-31", "100");
    MeasureOptions o;
    o.years = {2020};
    {
        const Table t = medium_term_predictability(b.p, o);
        const auto all = find_row(t, "(all)", 2020);
        EXPECT_EQ(t.at<Decimal>(all, "planned_y1"), dec("200"));                // 40 + 160
        EXPECT_EQ(t.at<Decimal>(all, "covered_y1"), dec("140"));                // min(40,100) + min(160,100)
        EXPECT_DOUBLE_EQ(t.at<double>(all, "coverage_y1"), 0.7);                // 140 / 200, not min(200,200)/200 = 1
        EXPECT_DOUBLE_EQ(t.at<double>(all, "coverage_y2"), 1.0);                // (100 + 100) / 200
        EXPECT_DOUBLE_EQ(t.at<double>(all, "coverage_y3"), 0.0);                // nothing planned
        EXPECT_NEAR(t.at<double>(all, "value"), (0.7 + 1.0 + 0.0) / 3, 1e-12);  // 0.5667
        EXPECT_NEAR(t.at<double>(find_row(t, "AU-5", 2020), "value"), (0.4 + 1.0) / 3, 1e-12);  // 40/100, 100/100, 0
        EXPECT_NEAR(t.at<double>(find_row(t, "XM-DAC-41114", 2020), "value"), (1.0 + 1.0) / 3,
                    1e-12);  // capped at 100/100
    }
    b.plan(b.activity("GB-GOV-1-1", "GB-GOV-1"), "2021-01-01", "2021-12-31", "50");
    b.tx(b.activity("NZ-1-1", "NZ-1"), 3, "2020-05-01", "100");
    const Table t = medium_term_predictability(b.p, o);
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_EQ(t.at<Decimal>(all, "denominator"), dec("300"));  // 100 + 100 + NZ-1's 100; GB-GOV-1 has no D_2020
    EXPECT_EQ(t.at<Decimal>(all, "covered_y1"), dec("140"));   // + min(0, 0) for NZ-1; GB-GOV-1's plan covers nothing
    EXPECT_DOUBLE_EQ(t.at<double>(all, "coverage_y1"), 140.0 / 300.0);
    for (std::size_t r = 0; r < t.row_count(); ++r)
        EXPECT_NE(t.at<std::string>(r, "donor"), "GB-GOV-1");  // no D_2020: no row
}
