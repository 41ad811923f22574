// Untied aid (Paris 8 / GPEDC 10) from tied-status codes.
#include <aidtrack/measures/untied_aid.hpp>

#include "measures_fixture.hpp"

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::find_row;

TEST(untied_aid_test, shares_of_known_tied_status) {
    Builder b;
    Activity act;
    act.identifier = "AU-5-1";
    act.reporting_org.ref = "AU-5";
    act.default_tied_status = "5";
    const auto a = b.p.add_activity(act);
    const auto other = b.activity("AU-5-2", "AU-5");
    b.tx(a, 3, "2020-01-01", "500");  // activity default: untied
    Transaction partial = b.row(a, 3, "2020-02-01", "300");
    partial.tied_status = "3";
    b.tx(partial);
    Transaction tied = b.row(a, 3, "2020-03-01", "200");
    tied.tied_status = "4";
    b.tx(tied);
    b.tx(other, 3, "2020-04-01", "100");  // no status anywhere: left out of the base
    const Table t = untied_aid(b.p, MeasureOptions{});
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<Decimal>(r, "base"), Decimal(1000));  // 500 + 300 + 200
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 0.5);     // 500 / 1000
    EXPECT_DOUBLE_EQ(t.at<double>(r, "share_partially_tied"), 0.3);
    EXPECT_DOUBLE_EQ(t.at<double>(r, "share_tied"), 0.2);
    EXPECT_EQ(t.methodology(), "paris2008");
}

TEST(untied_aid_test, nothing_known_is_undefined) {
    Builder b;
    const auto a = b.activity("AU-5-1", "AU-5");
    b.tx(a, 3, "2020-01-01", "100");
    MeasureOptions o;
    o.years = {2020};
    const Table t = untied_aid(b.p, o);
    // No disbursement with a known status: no base, so no row (never a 0/0 ratio).
    EXPECT_EQ(t.row_count(), 0U);
}

TEST(untied_aid_test, all_row_is_the_untied_share_of_the_country_total) {
    // AU-5 disburses 100 untied; UNDP 300 tied and 50 without a tied status.
    Builder b;
    const auto au = b.activity("AU-5-1", "AU-5");
    const auto undp = b.activity("XM-DAC-41114-1", "XM-DAC-41114");
    Transaction untied = b.row(au, 3, "2020-01-01", "100");
    untied.tied_status = "5";
    b.tx(untied);
    Transaction tied = b.row(undp, 3, "2020-01-01", "300");
    tied.tied_status = "4";
    b.tx(tied);
    b.tx(undp, 3, "2020-02-01", "50");  // unknown: neither numerator nor denominator
    const Table t = untied_aid(b.p, MeasureOptions{});
    const auto all = find_row(t, "(all)", 2020);
    EXPECT_EQ(t.at<Decimal>(all, "base"), Decimal(400));                      // 100 + 300; the unknown 50 left out
    EXPECT_DOUBLE_EQ(t.at<double>(all, "value"), 0.25);                       // 100 / 400, not the mean of 1.0 and 0.0
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 1.0);  // 100 / 100
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "XM-DAC-41114", 2020), "value"), 0.0);  // 0 / 300
}
