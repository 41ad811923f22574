// Loading coordination records from CSV files, including a bad row.
#include <aidtrack/io/coordination_csv.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace aidtrack {
namespace {

const std::string kDir = std::string(AIDTRACK_TEST_DATA_DIR) + "/coordination";

TEST(coordination_csv_test, loads_every_record_type) {
    CoordinationStore store;
    EXPECT_EQ(load_coordination_dir(store, kDir + "/good"), 20U);  // every file but analytic_studies.csv
    ASSERT_EQ(store.forums.size(), 1U);
    const Forum& twg = store.forums[0];
    EXPECT_EQ(twg.name, "Technical Working Group on Mine Action");
    EXPECT_EQ(twg.members.size(), 4U);
    EXPECT_EQ(twg.members[1].role, ForumRole::co_chair);
    EXPECT_EQ(twg.meetings[0].attendees.size(), 2U);
    EXPECT_EQ(twg.meetings[1].agenda[0].topic, AgendaTopic::strategic_framework);
    EXPECT_EQ(twg.action_points[1].status, ActionStatus::closed);
    EXPECT_EQ(twg.action_points[1].provenance.line, 3U);
    const Agreement& pp = store.agreements.at(0);
    EXPECT_EQ(pp.signed_on, make_date(2011, 4, 4));
    EXPECT_EQ(pp.principles.size(), 4U);
    EXPECT_EQ(pp.commitments[0].provenance.evidence, Evidence::illustrative);
    EXPECT_EQ(pp.provenance.source, "CMAA International cooperation page");
    EXPECT_EQ(store.joint_work.size(), 5U);
    EXPECT_TRUE(store.joint_work[1].joint);   // participants given, flag empty
    EXPECT_FALSE(store.joint_work[2].joint);  // no participants, flag empty
    EXPECT_EQ(store.exchange_visits.size(), 2U);
    EXPECT_EQ(store.exchange_visits[1].visitors.size(), 2U);  // two rows share EV-CBP
    EXPECT_EQ(store.deployments.size(), 3U);
    EXPECT_EQ(store.deployments[2].total_personnel(), 5);  // 2 + 3 over two rows
    EXPECT_EQ(store.tenders.at(0).bids.size(), 4U);
    EXPECT_EQ(store.tenders[0].rule.technical_threshold, Decimal{60});
    EXPECT_EQ(store.mapu_requests.size(), 5U);
    EXPECT_FALSE(store.mapu_requests[3].cost.has_value());
}

TEST(coordination_csv_test, bad_row_names_file_and_line) {
    CoordinationStore store;
    try {
        load_coordination_dir(store, kDir + "/bad");
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("deployments.csv:3"), std::string::npos) << what;
        EXPECT_NE(what.find("rotation_start"), std::string::npos) << what;
        EXPECT_EQ(e.where().line, 3U);
    }
}

TEST(coordination_csv_test, unknown_reference_and_missing_column_are_errors) {
    const auto dir = std::filesystem::temp_directory_path() / "aidtrack_coordination_csv_test";
    std::filesystem::create_directories(dir);
    { std::ofstream(dir / "attendance.csv") << "meeting,org_ref\nTWG-X,KH-CMAA\n"; }
    CoordinationStore store;
    try {
        load_coordination_dir(store, dir.string());
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_NE(std::string(e.what()).find("attendance.csv:2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("unknown meeting 'TWG-X'"), std::string::npos) << e.what();
    }
    std::filesystem::remove(dir / "attendance.csv");
    { std::ofstream(dir / "meetings.csv") << "forum,meeting\nTWG-MA,M1\n"; }
    EXPECT_THROW(load_coordination_dir(store, dir.string()), ParseError);
    std::filesystem::remove_all(dir);
    EXPECT_THROW(load_coordination_dir(store, (dir / "missing").string()), IoError);
}

}  // namespace
// Rows of one record may be apart in the file; they join the first record of their ref, in the
// order refs first appear, and a file loaded into a store that already holds the ref adds to it.
TEST(coordination_csv_test, rows_join_their_record_by_ref) {
    const auto dir = std::filesystem::temp_directory_path() / "aidtrack_coordination_csv_ref_test";
    std::filesystem::create_directories(dir);
    {
        std::ofstream out(dir / "deployments.csv");
        out << "ref,contributor,mission,host_country,rotation_start,rotation_end,role,personnel\n";
        // 3000 rotations, each on two rows 3000 lines apart: personnel 1 + 2 = 3 per rotation.
        for (int pass = 1; pass <= 2; ++pass) {
            for (int i = 0; i < 3000; ++i) {
                out << "D" << i << ",KH-NPMEC,UNMISS,SS,2013-06-01,2014-05-31,deminer unit," << pass << "\n";
            }
        }
    }
    {
        std::ofstream(dir / "trainings.csv")
            << "ref,year,title,provider_org,provider_country,recipient_org,recipient_country\n"
               "T-B,2014,B,KH-CMAA,KH,X,CO\nT-A,2015,A,KH-CMAA,KH,Y,LA\nT-B,2099,ignored,KH-CMAA,KH,Z,IQ\n";
    }
    CoordinationStore store;
    load_coordination_dir(store, dir.string());
    ASSERT_EQ(store.deployments.size(), 3000U);
    EXPECT_EQ(store.deployments[0].ref, "D0");
    EXPECT_EQ(store.deployments[2999].ref, "D2999");
    std::int64_t total = 0;
    for (const auto& d : store.deployments) total += d.total_personnel();
    EXPECT_EQ(total, 9000);                                 // 3000 rotations x (1 + 2)
    EXPECT_EQ(store.deployments[17].provenance.line, 19U);  // the record keeps its first row (line 2 + 17)
    ASSERT_EQ(store.trainings.size(), 2U);
    EXPECT_EQ(store.trainings[0].ref, "T-B");
    EXPECT_EQ(store.trainings[0].year, 2014);             // the record's fields come from its first row
    EXPECT_EQ(store.trainings[0].recipients.size(), 2U);  // X, Z
    EXPECT_EQ(store.trainings[1].recipients.size(), 1U);
    // Loading the trainings again adds the recipients to the records already held: 2 + 2 and 1 + 1.
    load_coordination_csv(store, (dir / "trainings.csv").string());
    ASSERT_EQ(store.trainings.size(), 2U);
    EXPECT_EQ(store.trainings[0].recipients.size(), 4U);
    EXPECT_EQ(store.trainings[1].recipients.size(), 2U);
    std::filesystem::remove_all(dir);
}

}  // namespace aidtrack
