// Strategy alignment, fragmentation (HHI, significance) and overlap.
#include <aidtrack/measures/fragmentation.hpp>
#include <aidtrack/measures/overlap.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>

#include "measures_fixture.hpp"

#include <sstream>

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::dec;
using aidtrack::measures::testing::find_row;

namespace {
std::size_t objective_row(const Table& t, const std::string& donor, const std::string& objective) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::string>(r, "donor") == donor && t.at<std::string>(r, "objective") == objective) return r;
    }
    ADD_FAILURE() << "no row " << donor << " " << objective;
    return 0;
}
}  // namespace

TEST(strategy_alignment_test, percentages_not_summing_to_100) {
    Builder b;
    const auto a1 = b.activity("AU-5-1", "AU-5");
    const auto a2 = b.activity("AU-5-2", "AU-5");
    const auto a3 = b.activity("AU-5-3", "AU-5");
    b.tx(a1, 3, "2020-01-01", "1000");
    b.tx(a2, 3, "2020-01-01", "300");
    b.tx(a3, 3, "2020-01-01", "100");
    std::istringstream in("activity_id,objective,percentage\nAU-5-1,O1,50\nAU-5-1,O2,30\nAU-5-2,O1,60\nAU-5-2,O2,60\n");
    const auto mapping = load_activity_shares(in, "map.csv", "objective");
    const Table t = strategy_alignment(b.p, MeasureOptions{}, mapping);
    // A1 (sum 80): O1 500, O2 300, unmapped 200. A2 (sum 120, scaled): O1 150, O2 150. A3 unmapped 100.
    // Donor total 1400: O1 650, O2 450, unmapped 300.
    const auto o1 = objective_row(t, "AU-5", "O1");
    EXPECT_EQ(t.at<Decimal>(o1, "numerator"), dec("650"));
    EXPECT_EQ(t.at<Decimal>(o1, "denominator"), dec("1400"));
    EXPECT_DOUBLE_EQ(t.at<double>(o1, "value"), 650.0 / 1400.0);
    EXPECT_EQ(t.at<Decimal>(objective_row(t, "AU-5", "O2"), "numerator"), dec("450"));
    EXPECT_EQ(t.at<Decimal>(objective_row(t, "AU-5", "(unmapped)"), "numerator"), dec("300"));
    EXPECT_EQ(t.at<Decimal>(objective_row(t, "(all)", "(unmapped)"), "numerator"), dec("300"));
}

TEST(strategy_alignment_test, hhi_per_objective) {
    Builder b;
    const auto a1 = b.activity("D1-1", "D1");
    const auto a2 = b.activity("D2-1", "D2");
    const auto a3 = b.activity("D3-1", "D3");
    b.tx(a1, 3, "2020-01-01", "600");
    b.tx(a2, 3, "2020-01-01", "300");
    b.tx(a3, 3, "2020-01-01", "100");
    std::istringstream in("activity_id,objective,percentage\nD1-1,O1,50\nD1-1,O2,50\nD2-1,O1,\nD3-1,O1,100\n");
    const auto mapping = load_activity_shares(in, "map.csv", "objective");
    const Table t = fragmentation(b.p, MeasureOptions{}, mapping);
    // O1: D1 300, D2 300, D3 100 of 700 -> shares 3/7, 3/7, 1/7; HHI = (9 + 9 + 1)/49 x 10,000 = 3877.55.
    ASSERT_EQ(t.row_count(), 2U);
    EXPECT_EQ(t.at<std::string>(0, "objective"), "O1");
    EXPECT_EQ(t.at<std::int64_t>(0, "donors"), 3);
    EXPECT_NEAR(t.at<double>(0, "hhi"), 19.0 / 49.0 * 10000.0, 1e-9);
    // normalized: (19/49 - 1/3) / (2/3) = 0.0816…
    EXPECT_NEAR(t.at<double>(0, "hhi_normalized"), (19.0 / 49.0 - 1.0 / 3.0) / (2.0 / 3.0), 1e-12);
    EXPECT_NEAR(t.at<double>(0, "fragmentation"), 1.0 - 19.0 / 49.0, 1e-12);
    // O2: only D1 -> HHI 10,000, normalized undefined (N = 1).
    EXPECT_DOUBLE_EQ(t.at<double>(1, "hhi"), 10000.0);
    EXPECT_FALSE(t.defined(1, "hhi_normalized"));
}

TEST(strategy_alignment_test, oecd_significance_test) {
    Builder b;
    b.tx(b.activity("D1-1", "D1"), 3, "2020-01-01", "600");
    b.tx(b.activity("D2-1", "D2"), 3, "2020-01-01", "300");
    b.tx(b.activity("D3-1", "D3"), 3, "2020-01-01", "100");
    std::istringstream in("donor,year,amount,currency\nD1,2020,100000,USD\nD2,2020,1000,USD\nD3,2020,50000,USD\n");
    const auto global = load_global_aid(in, "global.csv");
    const Table t = significance(b.p, MeasureOptions{}, global);
    // W = 151000. Country shares .6/.3/.1; global shares .662/.0066/.331.
    // Top-90%: D1 (0 before), D2 (.6 before); D3 has .9 before -> not in it.
    // Concentration: only D2 (.3 >= .0066). So D1 top-90%, D2 both, D3 none.
    EXPECT_EQ(t.at<std::string>(find_row(t, "D1", 2020), "reason"), "top-90%");
    EXPECT_EQ(t.at<std::string>(find_row(t, "D2", 2020), "reason"), "both");
    EXPECT_EQ(t.at<std::int64_t>(find_row(t, "D3", 2020), "significant"), 0);
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_DOUBLE_EQ(t.at<double>(all, "non_significant_share"), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(t.at<double>(all, "non_significant_aid_share"), 0.1);  // 100 / 1000
}

TEST(strategy_alignment_test, overlap_of_different_donors) {
    Builder b;
    b.activity("D1-1", "D1", parse_date("2020-01-01"), parse_date("2020-12-31"));
    b.activity("D2-1", "D2", parse_date("2020-07-01"), parse_date("2021-06-30"));
    b.activity("D1-2", "D1", parse_date("2020-03-01"), parse_date("2020-04-30"));  // same donor as D1-1
    b.activity("D3-1", "D3", parse_date("2022-01-01"), parse_date("2022-12-31"));  // no shared time
    std::istringstream objectives("activity_id,objective\nD1-1,O1\nD2-1,O1\nD1-2,O1\nD3-1,O1\n");
    std::istringstream provinces(
        "activity_id,province\nD1-1,Battambang\nD2-1,Battambang\nD1-2,Pailin\nD3-1,Battambang\n");
    const Table t = overlap(b.p, MeasureOptions{}, load_activity_shares(objectives, "o.csv", "objective"),
                            load_activity_shares(provinces, "p.csv", "province"));
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<std::string>(0, "activity_a"), "D1-1");
    EXPECT_EQ(t.at<std::string>(0, "activity_b"), "D2-1");
    EXPECT_EQ(t.at<std::int64_t>(0, "overlap_days"), 184);  // 2020-07-01..2020-12-31
    EXPECT_EQ(t.at<Date>(0, "overlap_start"), parse_date("2020-07-01"));
}

TEST(strategy_alignment_test, bad_percentage_names_file_and_line) {
    std::istringstream in("activity_id,objective,percentage\nA,O1,50\nA,O2,150\n");
    try {
        (void)load_activity_shares(in, "map.csv", "objective");
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.where().line, 3U);
        EXPECT_EQ(std::string(e.what()).rfind("map.csv:3", 0), 0U);
    }
}
