// Coordination records: forum queries, deployments, mutual accountability, MAPU planning and
// the archive round trip of a filled store.
#include <aidtrack/io/archive.hpp>
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/measures/coordination_queries.hpp>
#include <aidtrack/measures/mutual_accountability.hpp>
#include <aidtrack/measures/work_plan.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <gtest/gtest.h>

namespace aidtrack {
namespace {

const std::string kGood = std::string(AIDTRACK_TEST_DATA_DIR) + "/coordination/good";

CoordinationStore fixture() {
    CoordinationStore store;
    load_coordination_dir(store, kGood);
    return store;
}

std::size_t row_of(const Table& t, const std::string& column, const std::string& value) {
    for (std::size_t i = 0; i < t.row_count(); ++i) {
        if (t.at<std::string>(i, column) == value) return i;
    }
    throw NotFoundError(value);
}

TEST(coordination_test, overdue_action_points_at_a_date) {
    const CoordinationStore store = fixture();
    // 2023-05-15: AP1 (due 04-30) open and overdue by 15 days; AP2 closed on 04-10; AP3 due
    // 06-30 open; AP4 agreed on 06-15, not yet.
    const Table may = open_action_points(store, make_date(2023, 5, 15));
    ASSERT_EQ(may.row_count(), 2U);
    EXPECT_EQ(may.at<std::string>(0, "action"), "AP1");
    EXPECT_EQ(may.at<std::int64_t>(0, "overdue"), 1);
    EXPECT_EQ(may.at<std::int64_t>(0, "days_overdue"), 15);  // 30 Apr → 15 May
    EXPECT_EQ(may.at<std::string>(1, "action"), "AP3");
    EXPECT_EQ(may.at<std::int64_t>(1, "overdue"), 0);
    // 2023-04-05: AP2 (due 03-31, closed 04-10) still open and 5 days overdue.
    const Table april = open_action_points(store, make_date(2023, 4, 5));
    ASSERT_EQ(april.row_count(), 3U);
    EXPECT_EQ(april.at<std::string>(0, "action"), "AP2");
    EXPECT_EQ(april.at<std::int64_t>(0, "days_overdue"), 5);
    // Closed on 04-10 means not open on 04-10 itself.
    const Table closing_day = open_action_points(store, make_date(2023, 4, 10));
    for (std::size_t i = 0; i < closing_day.row_count(); ++i)
        EXPECT_NE(closing_day.at<std::string>(i, "action"), "AP2");
}

TEST(coordination_test, attendance_rate_counts_meetings_while_a_member) {
    const Table t = attendance_rates(fixture(), "TWG-MA");
    // CMAA attended both meetings: 2/2. DFAT only the first: 1/2. HALO joined 2023-06-01, so
    // only the second meeting counts: 1/1.
    EXPECT_DOUBLE_EQ(t.at<double>(row_of(t, "org_ref", "KH-CMAA"), "rate"), 1.0);
    EXPECT_DOUBLE_EQ(t.at<double>(row_of(t, "org_ref", "AU-5"), "rate"), 0.5);
    const std::size_t halo = row_of(t, "org_ref", "GB-CHC-1001813");
    EXPECT_EQ(t.at<std::int64_t>(halo, "held"), 1);
    EXPECT_DOUBLE_EQ(t.at<double>(halo, "rate"), 1.0);
}

TEST(coordination_test, topics_over_time_counts_items_and_meetings) {
    const Table t = topics_over_time(fixture(), "TWG-MA");
    // 2023: resources in both meetings (2 items, 2 meetings); activities 1; strategic framework 1.
    const std::size_t resources = row_of(t, "topic", "resources");
    EXPECT_EQ(t.at<std::int64_t>(resources, "items"), 2);
    EXPECT_EQ(t.at<std::int64_t>(resources, "meetings"), 2);
    EXPECT_EQ(t.row_count(), 3U);
}

TEST(coordination_test, deployment_spanning_years_counted_once) {
    const Table t = cumulative_personnel(fixture(), 2013);
    // UNIFIL rotation ended 2010: left out. UNMISS: D1 (2012-06 → 2013-05, 3 observers) once,
    // plus D3 (2 staff officers + 3 observers) = 3 + 5 = 8, in 2 rotations.
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<std::string>(0, "mission"), "UNMISS");
    EXPECT_EQ(t.at<std::string>(0, "host_country"), "SS");
    EXPECT_EQ(t.at<std::int64_t>(0, "rotations"), 2);
    EXPECT_EQ(t.at<std::int64_t>(0, "personnel"), 8);
    EXPECT_EQ(t.at<std::int64_t>(0, "military_observers"), 6);
    EXPECT_EQ(t.at<std::int64_t>(0, "staff_officers"), 2);
    // Since 2005 every rotation: 8 + 200 = 208 in two rows.
    const Table all = cumulative_personnel(fixture(), 2005);
    EXPECT_EQ(all.at<std::int64_t>(row_of(all, "mission", "UNIFIL"), "personnel"), 200);
}

TEST(coordination_test, joint_missions_and_analytic_shares) {
    const CoordinationStore store = fixture();
    const Table a = joint_missions_share(store);
    auto row = [&](const Table& t, const std::string& donor, int year) {
        for (std::size_t i = 0; i < t.row_count(); ++i) {
            if (t.at<std::string>(i, "donor") == donor && t.at<std::int64_t>(i, "year") == year) return i;
        }
        throw NotFoundError(donor);
    };
    // AU-5 2023: M1 (joint, participant UNDP) and M2 (single) → 1/2.
    EXPECT_EQ(a.at<std::int64_t>(row(a, "AU-5", 2023), "numerator"), 1);
    EXPECT_EQ(a.at<std::int64_t>(row(a, "AU-5", 2023), "denominator"), 2);
    EXPECT_DOUBLE_EQ(a.at<double>(row(a, "AU-5", 2023), "value"), 0.5);
    // Every mission once in 2023: M1, M2, M3 → 1/3.
    EXPECT_DOUBLE_EQ(a.at<double>(row(a, "*", 2023), "value"), 1.0 / 3.0);
    // AU-5 had no mission in 2022: 0/0 is undefined, not NaN.
    EXPECT_FALSE(a.defined(row(a, "AU-5", 2022), "value"));
    const Table b = joint_analytic_share(store);
    EXPECT_DOUBLE_EQ(b.at<double>(row(b, "AU-5", 2023), "value"), 1.0);
    // The plain accessor the measures layer uses gives the same counts.
    const JointWorkCount c =
        count_joint_work(store.missions_and_studies(), JointWorkKind::mission, "XM-DAC-41114", 2023);
    EXPECT_EQ(c.joint, 1);
    EXPECT_EQ(c.total, 2);
}

TEST(coordination_test, learning_graph_points_from_teacher_to_learner) {
    const Table t = learning_graph(fixture());
    // Visit to MACCA: AF → KH on procurement; CBP visit: KH → ER and KH → NP; training KH → CO
    // on two topics: 1 + 2 + 2 = 5 edges.
    EXPECT_EQ(t.row_count(), 5U);
    const std::size_t macca = row_of(t, "from_org", "MACCA");
    EXPECT_EQ(t.at<std::string>(macca, "to_country"), "KH");
    EXPECT_EQ(t.at<std::string>(macca, "topic"), "procurement");
}

TEST(coordination_test, mutual_accountability_criteria) {
    const CoordinationStore store = fixture();
    // 2012: PP-2011 signed by government and a partner; targets for CMAA (government) and
    // AU-5 (partner); joint assessment of C1 in 2012 involving civil society; not published.
    const MutualAccountability y2012 = assess_mutual_accountability(store, 2012);
    EXPECT_TRUE(y2012.framework);
    EXPECT_TRUE(y2012.targets);
    EXPECT_TRUE(y2012.joint_assessment);
    EXPECT_TRUE(y2012.non_executive);
    EXPECT_FALSE(y2012.public_results);
    EXPECT_EQ(y2012.criteria_met(), 4);  // 1+1+1+1+0
    EXPECT_TRUE(y2012.gpedc7());
    EXPECT_TRUE(y2012.paris12());
    // 2013: the 2012 assessment is still within two years.
    EXPECT_TRUE(assess_mutual_accountability(store, 2013).joint_assessment);
    // 2014: last joint assessment 2012 is too old → framework + targets = 2 of 5.
    const MutualAccountability y2014 = assess_mutual_accountability(store, 2014);
    EXPECT_EQ(y2014.criteria_met(), 2);
    EXPECT_FALSE(y2014.gpedc7());
    EXPECT_FALSE(y2014.paris12());
    // 2010: not yet signed.
    EXPECT_FALSE(assess_mutual_accountability(store, 2010).framework);
    const Table t = mutual_accountability(store, 2012);
    EXPECT_EQ(t.at<std::int64_t>(row_of(t, "criterion", "gpedc7"), "met"), 1);
    EXPECT_EQ(t.at<std::int64_t>(row_of(t, "criterion", "public"), "met"), 0);
}

TEST(coordination_test, mapu_ranking_with_ties) {
    CoordinationStore store = fixture();
    // max casualties 4, max population 1000, lowest cost 1 USD/m². Weights 30/20/20/15/15.
    // R1 = R3: 0.3·100 + 0.2·100 + 0.2·50 + 0.15·100 + 0.15·100 = 90
    // R2: 0.3·50 + 0.2·100 + 0.2·100 + 0 + 0.15·50 = 62.5
    // R5: 0 + 0.2·100 + 0.2·100 + 0.15·100 + 0.15·50 = 62.5
    // R4: 0 + 0.2·40 + 0.2·10 + 0 + 0 = 10
    // Ties: R3 before R1 (same casualties, population, cost; submitted earlier);
    // R2 before R5 (2 casualties > 0).
    const Table t = rank_work_plan(store, "Battambang", 2024, {}, make_date(2024, 1, 10), "MAPU Battambang");
    ASSERT_EQ(t.row_count(), 5U);
    const std::vector<std::string> order{"R3", "R1", "R2", "R5", "R4"};
    const std::vector<Decimal> scores{Decimal{90}, Decimal{90}, Decimal::parse("62.5"), Decimal::parse("62.5"),
                                      Decimal{10}};
    for (std::size_t i = 0; i < order.size(); ++i) {
        EXPECT_EQ(t.at<std::string>(i, "ref"), order[i]);
        EXPECT_EQ(t.at<Decimal>(i, "score"), scores[i]);
        EXPECT_EQ(t.at<std::int64_t>(i, "rank"), static_cast<std::int64_t>(i + 1));
    }
    // Workflow: ranked → approved, with who and when; deciding twice is refused.
    decide_request(store, "R3", true, make_date(2024, 1, 20), "PMAC Battambang");
    decide_request(store, "R4", false, make_date(2024, 1, 20), "PMAC Battambang");
    EXPECT_THROW(decide_request(store, "R3", false, make_date(2024, 1, 21), "PMAC"), ValidationError);
    EXPECT_THROW(decide_request(store, "nope", true, make_date(2024, 1, 21), "PMAC"), NotFoundError);
    const Table plan = work_plan(store, "Battambang", 2024);
    EXPECT_EQ(plan.at<std::string>(0, "state"), "approved");
    EXPECT_EQ(plan.at<std::string>(0, "decided_by"), "PMAC Battambang");
    EXPECT_EQ(plan.at<Date>(0, "decided_on"), make_date(2024, 1, 20));
    // Cumulative cost: R3 10000 + R1 10000 + R2 20000 = 40000.
    EXPECT_EQ(plan.at<Decimal>(2, "cumulative_cost"), Decimal{40000});
    EXPECT_EQ(plan.at<std::string>(4, "state"), "rejected");
}

TEST(coordination_test, submitted_request_cannot_be_approved) {
    CoordinationStore store = fixture();
    EXPECT_THROW(decide_request(store, "R1", true, make_date(2024, 1, 20), "PMAC"), ValidationError);
}

TEST(coordination_test, contract_performance) {
    const Table t = contract_performance(fixture());
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_DOUBLE_EQ(t.at<double>(0, "release_rate"), 0.8);            // 400000 / 500000
    EXPECT_DOUBLE_EQ(t.at<double>(0, "cost_per_m2_contracted"), 0.2);  // 100000 / 500000
    EXPECT_DOUBLE_EQ(t.at<double>(0, "cost_per_m2_released"), 0.225);  // 90000 / 400000
}

TEST(coordination_test, archive_round_trip_of_a_filled_store) {
    Portfolio portfolio;
    portfolio.coordination() = fixture();
    rank_work_plan(portfolio.coordination(), "Battambang", 2024, {}, make_date(2024, 1, 10), "MAPU");
    decide_request(portfolio.coordination(), "R3", true, make_date(2024, 1, 20), "PMAC Battambang");
    ASSERT_FALSE(portfolio.coordination().empty());
    for (const auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml}) {
        const Portfolio back = portfolio_from_bytes(portfolio_to_bytes(portfolio, format));
        EXPECT_EQ(back.coordination(), portfolio.coordination()) << static_cast<int>(format);
    }
}

TEST(coordination_test, version_0_archives_load_as_an_empty_store) {
    // The golden archives were written when CoordinationStore was at class version 0 (no fields).
    for (const char* name :
         {"portfolio-format1.binary.atk", "portfolio-format1.text.atk", "portfolio-format1.xml.atk"}) {
        const Portfolio old = Portfolio::load(std::string(AIDTRACK_TEST_DATA_DIR) + "/golden/" + name);
        EXPECT_TRUE(old.coordination().empty()) << name;
    }
}

}  // namespace
}  // namespace aidtrack
