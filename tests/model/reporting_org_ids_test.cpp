// Tests of the reporting-organisation ids a Portfolio keeps per activity: every way activities
// arrive (one by one, in bulk, replaced, from an archive) leaves ids that match the records.
#include <aidtrack/io/archive.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

aidtrack::Activity activity(const std::string& id, const std::string& donor) {
    aidtrack::Activity a;
    a.identifier = id;
    a.reporting_org.ref = donor;
    return a;
}

// The ref each activity's id stands for must be the activity's own reporting-org ref.
void expect_ids_match_records(const aidtrack::Portfolio& p) {
    const auto& orgs = p.reporting_org_ids();
    ASSERT_EQ(orgs.ids().size(), p.activity_count());
    for (std::uint32_t a = 0; a < p.activity_count(); ++a)
        EXPECT_EQ(orgs.refs().at(orgs.of(a)), p.activity(a).reporting_org.ref) << "activity " << a;
}

}  // namespace

TEST(reporting_org_ids_test, one_id_per_distinct_ref_in_the_order_first_seen) {
    aidtrack::Portfolio p;
    p.add_activity(activity("A1", "GB-GOV-1"));
    p.add_activity(activity("A2", "GB-GOV-1"));
    p.add_activity(activity("A3", "XM-DAC-41114"));
    p.add_activity(activity("A4", "GB-GOV-1"));  // seen before, not just before
    p.add_activity(activity("A5", ""));          // no ref: an id of its own like any text
    EXPECT_EQ(p.reporting_org_ids().ids(), (std::vector<std::uint32_t>{0, 0, 1, 0, 2}));
    EXPECT_EQ(p.reporting_org_ids().refs(), (std::vector<std::string>{"GB-GOV-1", "XM-DAC-41114", ""}));
    expect_ids_match_records(p);
}

TEST(reporting_org_ids_test, bulk_adds_replacements_copies_and_archives_keep_them_true) {
    aidtrack::Portfolio p;
    p.add_activities({activity("A1", "AU-5"), activity("A2", "JP-8"), activity("A3", "AU-5")});
    EXPECT_EQ(p.reporting_org_ids().ids(), (std::vector<std::uint32_t>{0, 1, 0}));
    p.add_activities({activity("A4", "KR-GOV-1"), activity("A5", "JP-8")});  // onto a non-empty portfolio
    EXPECT_EQ(p.reporting_org_ids().ids(), (std::vector<std::uint32_t>{0, 1, 0, 2, 1}));
    expect_ids_match_records(p);
    // A bulk add refused as a whole (onto an empty portfolio) leaves no id behind.
    aidtrack::Portfolio refused;
    EXPECT_THROW(refused.add_activities({activity("B1", "CH-4"), activity("B1", "CH-4")}), aidtrack::ValidationError);
    EXPECT_TRUE(refused.reporting_org_ids().ids().empty());
    EXPECT_TRUE(refused.reporting_org_ids().refs().empty());
    // A replacement changes only its activity's id; the ref no one uses keeps its id.
    p.replace_activity(2, activity("A3", "CH-4"));
    EXPECT_EQ(p.reporting_org_ids().of(2), 3U);
    EXPECT_EQ(p.reporting_org_ids().of(0), 0U);
    expect_ids_match_records(p);
    const aidtrack::Portfolio copy = p;
    expect_ids_match_records(copy);
    const aidtrack::Portfolio loaded = aidtrack::portfolio_from_bytes(aidtrack::portfolio_to_bytes(p));
    expect_ids_match_records(loaded);
}
