// Aid on budget: Paris 3 (inverted ratio), plain ratio and GPEDC 6.
#include <aidtrack/measures/aid_on_budget.hpp>

#include "measures_fixture.hpp"

#include <sstream>

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::find_row;

namespace {
// Scheduled to CMAA: 1000 in 2020, 500 in 2021; a plan to an operator (not government) is ignored.
// Budget recorded: 850 in 2020, 600 in 2021.
struct Sample {
    Builder b;
    std::vector<GovernmentBudgetRecord> budget;
    Sample() {
        const auto a = b.activity("AU-5-1", "AU-5");
        b.plan(a, "2020-01-01", "2020-12-31", "1000", "KH-CMAA");
        b.plan(a, "2021-01-01", "2021-12-31", "500", "KH-CMAA");
        b.plan(a, "2021-01-01", "2021-12-31", "700", "GB-CHC-1001813");
        std::istringstream in("donor,fiscal_year,amount,currency\nAU-5,2020,850,USD\nAU-5,2021,600,USD\n");
        budget = load_government_budget(in, "budget.csv");
    }
    Table run(const std::string& m) const {
        MeasureOptions o;
        o.methodology = m;
        return aid_on_budget(b.p, o, budget);
    }
};
}  // namespace

TEST(aid_on_budget_test, three_methodologies_on_the_same_data) {
    const Sample s;
    const Table paris = s.run("");
    EXPECT_EQ(paris.methodology(), "paris2008");
    EXPECT_DOUBLE_EQ(paris.at<double>(find_row(paris, "AU-5", 2020), "value"), 0.85);           // 850 / 1000
    EXPECT_DOUBLE_EQ(paris.at<double>(find_row(paris, "AU-5", 2021), "value"), 500.0 / 600.0);  // inverted: 500 / 600
    const Table plain = s.run("plain");
    EXPECT_DOUBLE_EQ(plain.at<double>(find_row(plain, "AU-5", 2021), "value"), 1.2);  // 600 / 500
    const Table gpedc = s.run("gpedc2018");
    const auto r = find_row(gpedc, "AU-5", 2021);
    EXPECT_DOUBLE_EQ(gpedc.at<double>(r, "value"), 1.0);             // min(600, 500) / 500
    EXPECT_DOUBLE_EQ(gpedc.at<double>(r, "beyond_scheduled"), 0.2);  // (600 - 500) / 500
    EXPECT_DOUBLE_EQ(gpedc.at<double>(find_row(gpedc, "AU-5", 2020), "beyond_scheduled"), 0.0);
    // (all) 2020+2021 rows equal the single donor's.
    EXPECT_DOUBLE_EQ(gpedc.at<double>(find_row(gpedc, "(all)", 2020), "value"), 0.85);
}

TEST(aid_on_budget_test, zero_schedule_is_undefined) {
    Sample s;
    s.budget.push_back({"GB-1", 2020, Money::parse("50", "USD"), {}});
    const Table t = s.run("gpedc2018");
    EXPECT_FALSE(t.defined(find_row(t, "GB-1", 2020), "value"));
}

TEST(aid_on_budget_test, bad_budget_row_names_file_and_line) {
    std::istringstream in("donor,fiscal_year,amount,currency\nAU-5,2020,850,USD\nAU-5,20x0,1,USD\n");
    try {
        (void)load_government_budget(in, "budget.csv");
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.where().file, "budget.csv");
        EXPECT_EQ(e.where().line, 3U);
        EXPECT_EQ(e.where().element, "fiscal_year");
    }
}

// Country aggregates when donors err in opposite directions: AU-5 schedules 100 to CMAA and the
// budget records 50 for it; UNDP schedules 100 and the budget records 150. GB-GOV-1 has 30 in the
// budget and nothing scheduled (only with `unscheduled`).
namespace {
Table opposite(const std::string& m, bool unscheduled = false) {
    Builder b;
    const auto au = b.activity("AU-5-1", "AU-5");
    const auto undp = b.activity("XM-DAC-41114-1", "XM-DAC-41114");
    b.plan(au, "2020-01-01", "2020-12-31", "100", "KH-CMAA");
    b.plan(undp, "2020-01-01", "2020-12-31", "100", "KH-CMAA");
    std::istringstream in(
        std::string("donor,fiscal_year,amount,currency\nAU-5,2020,50,USD\nXM-DAC-41114,2020,150,USD\n") +
        (unscheduled ? "GB-GOV-1,2020,30,USD\n" : ""));
    MeasureOptions o;
    o.methodology = m;
    return aid_on_budget(b.p, o, load_government_budget(in, "budget.csv"));
}
}  // namespace

TEST(aid_on_budget_test, gpedc2018_all_row_sums_each_donors_capped_budget) {
    const Table t = opposite("gpedc2018");
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_EQ(t.at<Decimal>(all, "numerator"), Decimal(150));                 // min(50,100) + min(150,100)
    EXPECT_EQ(t.at<Decimal>(all, "denominator"), Decimal(200));               // 100 + 100
    EXPECT_DOUBLE_EQ(t.at<double>(all, "value"), 0.75);                       // 150 / 200, not min(200,200)/200 = 1
    EXPECT_EQ(t.at<Decimal>(all, "beyond_scheduled_amount"), Decimal(50));    // (150 - 100)
    EXPECT_DOUBLE_EQ(t.at<double>(all, "beyond_scheduled"), 0.25);            // 50 / 200
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 0.5);  // 50 / 100
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "XM-DAC-41114", 2020), "value"), 1.0);  // min(150,100) / 100
}

TEST(aid_on_budget_test, paris2008_all_row_inverts_the_country_totals) {
    const Table t = opposite("paris2008");
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_DOUBLE_EQ(t.at<double>(all, "value"), 1.0);  // min(50+150, 100+100) / max(…): the Survey's totals offset
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 0.5);                    // 50 / 100
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "XM-DAC-41114", 2020), "value"), 100.0 / 150.0);  // inverted
    EXPECT_DOUBLE_EQ(opposite("plain").at<double>(all, "value"), 1.0);  // (50 + 150) / (100 + 100)
}

TEST(aid_on_budget_test, donors_without_a_schedule_enter_each_aggregate_as_documented) {
    const Table g = opposite("gpedc2018", true);
    const auto all = find_row(g, "(all)", 2020);
    EXPECT_DOUBLE_EQ(g.at<double>(all, "value"), 0.75);  // still 150 / 200: neither term
    EXPECT_EQ(g.at<Decimal>(all, "unscheduled"), Decimal(30));
    EXPECT_EQ(g.at<Decimal>(all, "recorded"), Decimal(230));  // 50 + 150 + 30, shown beside
    EXPECT_FALSE(g.defined(find_row(g, "GB-GOV-1", 2020), "value"));
    EXPECT_DOUBLE_EQ(opposite("paris2008", true).at<double>(all, "value"),
                     200.0 / 230.0);                                           // min(230, 200) / max(230, 200)
    EXPECT_DOUBLE_EQ(opposite("plain", true).at<double>(all, "value"), 1.15);  // 230 / 200
}
