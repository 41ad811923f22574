// The IMAS 07.11 area ledger: recorded = cancelled + reduced + cleared + remaining, never negative.
#include <aidtrack/model/results_store.hpp>

#include <gtest/gtest.h>

using namespace aidtrack;

namespace {

HazardArea hazard(const std::string& id, const std::string& province, Contamination c, std::int64_t m2, Date recorded) {
    HazardArea h;
    h.id = id;
    h.province = province;
    h.type = HazardType::cha;
    h.contamination = c;
    h.area_m2 = m2;
    h.recorded = recorded;
    return h;
}

LandRelease release(const std::string& hazard_id, Date d, ReleaseMethod m, std::int64_t m2) {
    LandRelease r;
    r.hazard = hazard_id;
    r.date = d;
    r.method = m;
    r.area_m2 = m2;
    r.operator_name = "CMAC";
    r.devices = {{"AP", 3}, {"UXO", 2}};
    return r;
}

ResultsStore two_hazards() {
    ResultsStore s;
    s.add_hazard(hazard("BTB-1", "Battambang", Contamination::ap_mines, 100'000, make_date(2019, 3, 1)));
    s.add_hazard(hazard("PVH-7", "Preah Vihear", Contamination::cluster_munitions, 50'000, make_date(2020, 6, 1)));
    s.add_release(release("BTB-1", make_date(2020, 2, 1), ReleaseMethod::cancelled, 30'000));
    s.add_release(release("BTB-1", make_date(2021, 5, 1), ReleaseMethod::reduced, 20'000));
    s.add_release(release("BTB-1", make_date(2022, 7, 1), ReleaseMethod::cleared, 45'000));
    s.add_release(release("PVH-7", make_date(2022, 1, 10), ReleaseMethod::cleared, 10'000));
    return s;
}

}  // namespace

TEST(land_release_test, ledger_adds_up_to_the_recorded_area) {
    const ResultsStore s = two_hazards();
    const HazardLedger l = hazard_ledger(s, "BTB-1");
    EXPECT_EQ(l.recorded, 100'000);
    EXPECT_EQ(l.cancelled, 30'000);
    EXPECT_EQ(l.reduced, 20'000);
    EXPECT_EQ(l.cleared, 45'000);
    EXPECT_EQ(l.remaining, 5'000);  // 100000 - 30000 - 20000 - 45000
    EXPECT_EQ(l.cancelled + l.reduced + l.cleared + l.remaining, l.recorded);
    // As of 2021-12-31 only the first two releases count: 100000 - 30000 - 20000 = 50000.
    EXPECT_EQ(hazard_ledger(s, "BTB-1", make_date(2021, 12, 31)).remaining, 50'000);
}

TEST(land_release_test, release_larger_than_remaining_throws_naming_hazard_and_date) {
    ResultsStore s = two_hazards();
    // BTB-1 has 5000 m2 left; 5001 would leave -1.
    try {
        s.add_release(release("BTB-1", make_date(2023, 4, 2), ReleaseMethod::cleared, 5'001));
        FAIL() << "expected ValidationError";
    } catch (const ValidationError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("BTB-1"), std::string::npos) << what;
        EXPECT_NE(what.find("2023-04-02"), std::string::npos) << what;
    }
    EXPECT_EQ(hazard_ledger(s, "BTB-1").remaining, 5'000);                                  // unchanged
    s.add_release(release("BTB-1", make_date(2023, 4, 2), ReleaseMethod::cleared, 5'000));  // exactly what remains
    EXPECT_EQ(hazard_ledger(s, "BTB-1").remaining, 0);
    EXPECT_THROW(s.add_release(release("BTB-1", make_date(2023, 5, 1), ReleaseMethod::cleared, 1)), ValidationError);
    EXPECT_THROW(s.add_release(release("NOPE", make_date(2023, 5, 1), ReleaseMethod::cleared, 1)), ValidationError);
    EXPECT_THROW(s.add_release(release("PVH-7", make_date(2020, 5, 1), ReleaseMethod::cleared, 1)),
                 ValidationError);  // before recorded
}

TEST(land_release_test, remaining_contamination_by_type_and_date) {
    const ResultsStore s = two_hazards();
    const Table t = remaining_contamination(s, make_date(2022, 12, 31), {ContaminationKey::contamination});
    ASSERT_EQ(t.row_count(), 2U);
    EXPECT_EQ(t.at<std::string>(0, "contamination"), "AP");
    EXPECT_EQ(t.at<std::int64_t>(0, "remaining_m2"), 5'000);  // 100000 - 95000
    EXPECT_EQ(t.at<std::string>(1, "contamination"), "CM");
    EXPECT_EQ(t.at<std::int64_t>(1, "remaining_m2"), 40'000);  // 50000 - 10000
    // On 2020-01-01 PVH-7 is not yet recorded and BTB-1 untouched: one row, 100000.
    const Table early = remaining_contamination(s, make_date(2020, 1, 1), {});
    ASSERT_EQ(early.row_count(), 1U);
    EXPECT_EQ(early.at<std::int64_t>(0, "remaining_m2"), 100'000);
    EXPECT_EQ(early.at<std::int64_t>(0, "hazards"), 1);
    const Table by_year = releases_by_year(s);
    // 2022: cleared 45000 (BTB-1) + 10000 (PVH-7) = 55000 with 2 x (3 + 2) = 10 devices.
    bool seen = false;
    for (std::size_t r = 0; r < by_year.row_count(); ++r) {
        if (by_year.at<std::int64_t>(r, "year") == 2022 && by_year.at<std::string>(r, "method") == "cleared") {
            EXPECT_EQ(by_year.at<std::int64_t>(r, "area_m2"), 55'000);
            EXPECT_EQ(by_year.at<std::int64_t>(r, "devices"), 10);
            seen = true;
        }
    }
    EXPECT_TRUE(seen);
}

TEST(land_release_test, casualties_aggregate_by_year) {
    ResultsStore s;
    // CMVIS 2023: 4 killed, 18 injured, 10 amputations (FACTS.md) split into two illustrative records.
    Casualty a;
    a.date = make_date(2023, 3, 1);
    a.killed = 3;
    a.injured = 10;
    a.amputations = 6;
    Casualty b = a;
    b.date = make_date(2023, 9, 1);
    b.killed = 1;
    b.injured = 8;
    b.amputations = 4;
    s.add_casualty(a);
    s.add_casualty(b);
    const Table t = casualties_by_year(s);
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<std::int64_t>(0, "killed"), 4);        // 3 + 1
    EXPECT_EQ(t.at<std::int64_t>(0, "injured"), 18);      // 10 + 8
    EXPECT_EQ(t.at<std::int64_t>(0, "amputations"), 10);  // 6 + 4
    EXPECT_EQ(t.at<std::int64_t>(0, "casualties"), 22);   // 4 + 18
    Casualty bad = a;
    bad.amputations = 11;  // more than injured
    EXPECT_THROW(s.add_casualty(bad), ValidationError);
}
