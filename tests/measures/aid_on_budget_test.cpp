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
    EXPECT_DOUBLE_EQ(paris.at<double>(find_row(paris, "AU-5", 2020), "value"), 0.85);      // 850 / 1000
    EXPECT_DOUBLE_EQ(paris.at<double>(find_row(paris, "AU-5", 2021), "value"), 500.0 / 600.0);  // inverted: 500 / 600
    const Table plain = s.run("plain");
    EXPECT_DOUBLE_EQ(plain.at<double>(find_row(plain, "AU-5", 2021), "value"), 1.2);        // 600 / 500
    const Table gpedc = s.run("gpedc2018");
    const auto r = find_row(gpedc, "AU-5", 2021);
    EXPECT_DOUBLE_EQ(gpedc.at<double>(r, "value"), 1.0);              // min(600, 500) / 500
    EXPECT_DOUBLE_EQ(gpedc.at<double>(r, "beyond_scheduled"), 0.2);   // (600 - 500) / 500
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
