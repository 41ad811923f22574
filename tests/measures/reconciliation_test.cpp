/// \file reconciliation_test.cpp
/// \brief Reconciliation: donor disbursements vs recipient incoming funds, IATI vs a government CSV.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/reconciliation.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";

TEST(reconciliation_test, donor_disbursements_against_incoming_funds) {
    Portfolio p;
    (void)read_iati_files({kTrust + "reconcile.xml"}, p);
    const Table t = reconcile_disbursements(p);
    ASSERT_EQ(t.row_count(), 4U);
    // D-1 500.00 (02-01) vs N-1 480.00 (02-11): differing, gap 480 - 500 = -20.00, 10 days apart.
    EXPECT_EQ(t.at<std::string>(0, "status"), "differing");
    EXPECT_EQ(t.at<Decimal>(0, "gap").to_string(), "-20.00");
    EXPECT_EQ(t.at<std::int64_t>(0, "days_apart"), 10);
    EXPECT_EQ(t.at<std::string>(0, "b_ref"), "N-1");
    // D-2 100.00 (05-01): nothing within 31 days -> only_a.
    EXPECT_EQ(t.at<std::string>(1, "status"), "only_a");
    // D-3 250.00 (08-01) vs N-2 250.00 (08-03): matched.
    EXPECT_EQ(t.at<std::string>(2, "status"), "matched");
    EXPECT_EQ(t.at<Decimal>(2, "gap").to_string(), "0.00");
    // N-3 from another provider: only_b.
    EXPECT_EQ(t.at<std::string>(3, "status"), "only_b");
    EXPECT_EQ(t.at<std::int64_t>(3, "b_line"), 22);
}

TEST(reconciliation_test, iati_against_government_records) {
    Portfolio p;
    (void)read_iati_files({kTrust + "reconcile.xml"}, p);
    const auto gov = load_flow_csv(kTrust + "government_flows.csv");
    ASSERT_EQ(gov.size(), 3U);
    ReconcileOptions o;
    o.window_days = 20;
    const Table t = reconcile(flows_of(p, {3}), gov, o);
    // D-1 500 (02-01) vs GOV-001 500 (02-20, 19 days): matched; D-2 only_a; D-3 250 vs GOV-002 (14 days):
    // matched; GOV-003 only_b.
    ASSERT_EQ(t.row_count(), 4U);
    EXPECT_EQ(t.at<std::string>(0, "status"), "matched");
    EXPECT_EQ(t.at<std::string>(0, "b_ref"), "GOV-001");
    EXPECT_EQ(t.at<std::int64_t>(0, "b_line"), 2);
    EXPECT_EQ(t.at<std::string>(1, "status"), "only_a");
    EXPECT_EQ(t.at<std::string>(2, "status"), "matched");
    EXPECT_EQ(t.at<std::string>(3, "status"), "only_b");
    EXPECT_EQ(t.at<Decimal>(3, "b_value").to_string(), "90.00");
    o.window_days = 10;  // GOV-001 is now 19 days away: D-1 unmatched.
    EXPECT_EQ(reconcile(flows_of(p, {3}), gov, o).at<std::string>(0, "status"), "only_a");
}

TEST(reconciliation_test, bad_csv_names_file_and_line) {
    std::istringstream bad(
        "provider_org,receiver_org,provider_activity,receiver_activity,date,value,currency\nA,B,,,2023-02-30,1,USD\n");
    try {
        (void)load_flow_csv(bad, "gov.csv");
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.where().file, "gov.csv");
        EXPECT_EQ(e.where().line, 2U);
    }
}

}  // namespace
}  // namespace aidtrack
