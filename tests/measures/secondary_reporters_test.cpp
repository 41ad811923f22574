/// \file secondary_reporters_test.cpp
/// \brief Secondary reporters: listed, excluded from donor totals when the primary reports, included on request.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/secondary_reporters.hpp>

#include <gtest/gtest.h>

#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";

TEST(secondary_reporters_test, excluded_when_the_primary_reports_included_on_request) {
    Portfolio p;
    (void)read_iati_files({kTrust + "secondary.xml"}, p);
    const Table list = secondary_reporters(p);
    ASSERT_EQ(list.row_count(), 2U);
    EXPECT_EQ(list.at<std::string>(0, "activity_id"), "XM-AGG-1");
    EXPECT_EQ(list.at<std::string>(0, "primary_activity"), "XM-DONOR-1");
    EXPECT_EQ(list.at<std::string>(0, "match"), "participating-org/@activity-id");
    EXPECT_EQ(list.at<std::int64_t>(0, "counted"), 0);
    EXPECT_EQ(list.at<std::string>(1, "match"), "");  // XM-SILENT publishes nothing: counted
    EXPECT_EQ(list.at<std::int64_t>(1, "counted"), 1);

    // Default: donor 500.00; aggregator 70.00 counted and 500.00 left out.
    const Table d = donor_totals(p);
    ASSERT_EQ(d.row_count(), 2U);
    EXPECT_EQ(d.at<std::string>(0, "reporting_org"), "XM-AGG");
    EXPECT_EQ(d.at<Decimal>(0, "value").to_string(), "70.00");
    EXPECT_EQ(d.at<Decimal>(0, "excluded_value").to_string(), "500.00");
    EXPECT_EQ(d.at<Decimal>(1, "value").to_string(), "500.00");

    SecondaryOptions include;
    include.include = true;
    const Table all = donor_totals(p, include);
    // 500 + 70 = 570.00 for the aggregator when secondary reports are included.
    EXPECT_EQ(all.at<Decimal>(0, "value").to_string(), "570.00");
    EXPECT_EQ(secondary_reporters(p, include).at<std::int64_t>(0, "counted"), 1);
}

}  // namespace
}  // namespace aidtrack
