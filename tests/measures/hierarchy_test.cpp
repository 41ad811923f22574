/// \file hierarchy_test.cpp
/// \brief Activity trees: one level per kind of money, dangling links and cycles as warnings.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/model/activity_hierarchy.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";
const std::string kReal = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/real/";

std::size_t row_of(const Table& t, const std::string& root, const std::string& kind) {
    for (std::size_t i = 0; i < t.row_count(); ++i) {
        if (t.at<std::string>(i, "root") == root && t.at<std::string>(i, "kind") == kind) return i;
    }
    ADD_FAILURE() << root << " " << kind << " not in the table";
    return 0;
}

TEST(hierarchy_test, three_levels_count_each_kind_once) {
    Portfolio p;
    (void)read_iati_files({kTrust + "hierarchy.xml"}, p);
    const ActivityHierarchy h(p);
    const auto prog = *p.find_activity("XM-H-PROG");
    const auto a = *p.find_activity("XM-H-A");
    const auto a1 = *p.find_activity("XM-H-A1");
    EXPECT_EQ(h.level(prog), 1);
    EXPECT_EQ(h.level(a), 2);
    EXPECT_EQ(h.level(a1), 3);
    EXPECT_EQ(h.root(a1), prog);
    EXPECT_EQ(h.children(prog).size(), 2U);

    const Table t = h.levels();
    // Budgets: programme 1000.00 (level 1) and project A 600.00 (level 2): only A's is counted.
    const auto b = row_of(t, "XM-H-PROG", "budgets");
    EXPECT_EQ(t.at<std::string>(b, "levels_reporting"), "1,2");
    EXPECT_EQ(t.at<std::string>(b, "levels_counted"), "2");
    EXPECT_EQ(t.at<Decimal>(b, "value_counted").to_string(), "600.00");
    EXPECT_EQ(t.at<Decimal>(b, "value_left_out").to_string(), "1000.00");
    EXPECT_EQ(t.at<std::int64_t>(b, "activities"), 4);
    // Disbursements (3 and 4): A 300 has A1 100 below it -> A1 100 + B 200 = 300.00 counted, A's 300.00 left out.
    const auto d = row_of(t, "XM-H-PROG", "disbursements");
    EXPECT_EQ(t.at<std::string>(d, "levels_reporting"), "2,3");
    EXPECT_EQ(t.at<std::string>(d, "levels_counted"), "2,3");
    EXPECT_EQ(t.at<Decimal>(d, "value_counted").to_string(), "300.00");
    EXPECT_EQ(t.at<Decimal>(d, "value_left_out").to_string(), "300.00");
    // Commitments only at the top: 1000.00 counted at level 1.
    const auto c = row_of(t, "XM-H-PROG", "commitments");
    EXPECT_EQ(t.at<std::string>(c, "levels_counted"), "1");
    EXPECT_EQ(t.at<Decimal>(c, "value_counted").to_string(), "1000.00");

    // highest: the programme's budget (1000.00) instead; all: both (1600.00 = double counting).
    const Table hi = h.levels(HierarchyRule::highest);
    EXPECT_EQ(hi.at<Decimal>(row_of(hi, "XM-H-PROG", "budgets"), "value_counted").to_string(), "1000.00");
    // highest disbursements: A 300 + B 200 = 500.00 (A1 is below A).
    EXPECT_EQ(hi.at<Decimal>(row_of(hi, "XM-H-PROG", "disbursements"), "value_counted").to_string(), "500.00");
    const Table all = h.levels(HierarchyRule::all);
    EXPECT_EQ(all.at<Decimal>(row_of(all, "XM-H-PROG", "budgets"), "value_counted").to_string(), "1600.00");
}

TEST(hierarchy_test, dangling_links_and_cycles_are_warnings) {
    Portfolio p;
    (void)read_iati_files({kTrust + "hierarchy.xml"}, p);
    const ActivityHierarchy h(p);
    const auto& ds = h.diagnostics();
    const auto count = [&](const std::string& rule) {
        return std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.rule == rule; });
    };
    EXPECT_EQ(count("hierarchy-dangling"), 1);  // XM-H-B names XM-H-MISSING
    EXPECT_EQ(count("hierarchy-cycle"), 1);     // D under C would close C -> D -> C
    const auto c = *p.find_activity("XM-H-C");
    const auto d = *p.find_activity("XM-H-D");
    EXPECT_EQ(h.parent(c), d);
    EXPECT_FALSE(h.parent(d).has_value());
    // Disbursements of the C/D tree: C (10.00) is below D (20.00): only C's counted.
    const Table t = h.levels();
    EXPECT_EQ(t.at<Decimal>(row_of(t, "XM-H-D", "disbursements"), "value_counted").to_string(), "10.00");
}

TEST(hierarchy_test, real_dportal_file_counts_every_record_once) {
    Portfolio p;
    (void)read_iati_files({kReal + "dportal-covid.xml"}, p);
    const ActivityHierarchy h(p);
    const Table t = h.levels();
    // Counted + left out = every budget and every type 2/3/4 transaction, per currency.
    std::int64_t records = 0;
    for (std::size_t i = 0; i < t.row_count(); ++i)
        records += t.at<std::int64_t>(i, "records_counted") + t.at<std::int64_t>(i, "records_left_out");
    std::int64_t expected = static_cast<std::int64_t>(p.budgets().size());
    for (std::size_t i = 0; i < p.transactions().size(); ++i) {
        const int type = p.transactions().type[i];
        if (type == 2 || type == 3 || type == 4) ++expected;
    }
    EXPECT_EQ(records, expected);
    int deepest = 0;
    for (std::uint32_t i = 0; i < p.activity_count(); ++i) deepest = std::max(deepest, h.level(i));
    EXPECT_GE(deepest, 1);
}

}  // namespace
}  // namespace aidtrack
