// Use of country systems (Paris 5a/5b, GPEDC 9b), PIUs, TC, PBA and GPEDC 1a from questionnaire flags.
#include <aidtrack/measures/country_results_frameworks.hpp>
#include <aidtrack/measures/country_systems.hpp>
#include <aidtrack/measures/piu.hpp>
#include <aidtrack/measures/programme_based.hpp>
#include <aidtrack/measures/technical_cooperation.hpp>

#include "measures_fixture.hpp"

#include <sstream>

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::find_row;

namespace {
// A1 gives CMAA 600 (questionnaire: execution yes, reporting yes, audit no, procurement yes);
// A2 gives CMAA 400 through the treasury (channel 1), no questionnaire record;
// A3 gives an NGO 250 (not the government sector).
struct Sample {
    Builder b;
    std::vector<QuestionnaireRecord> q;
    Sample() {
        const auto a1 = b.activity("AU-5-1", "AU-5", parse_date("2020-03-01"), parse_date("2022-12-31"));
        const auto a2 = b.activity("AU-5-2", "AU-5", parse_date("2020-05-01"), parse_date("2021-12-31"));
        const auto a3 = b.activity("AU-5-3", "AU-5");
        b.tx(a1, 3, "2020-04-01", "600", "USD", "KH-CMAA");
        Transaction t = b.row(a2, 3, "2020-06-01", "400");
        t.receiver_org = "KH-CMAA";
        t.disbursement_channel = "1";
        b.tx(t);
        b.tx(a3, 3, "2020-06-01", "250", "USD", "GB-CHC-1");
        std::istringstream in(
            "activity_id,donor,budget_execution,financial_reporting,auditing,procurement,parallel_pius,"
            "new_intervention,objectives_from_country,indicators_from_country,government_data,government_evaluation\n"
            "AU-5-1,AU-5,yes,1,no,true,2,1,1,1,0,1\n"
            "AU-5-2,,,,,,1,1,1,0,0,\n");
        q = load_questionnaire(in, "q.csv");
    }
};
}  // namespace

TEST(country_systems_test, methodologies_without_proxy) {
    const Sample s;
    MeasureOptions o;
    const Table t = country_systems(s.b.p, o, s.q);
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<Decimal>(r, "base"), Decimal(1000));      // 600 + 400 to CMAA; the NGO's 250 left out
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 0.45);        // 9b: (600 + 600 + 0 + 600) / (4 x 1000)
    EXPECT_EQ(t.at<std::int64_t>(r, "unknown_records"), 1);  // A2 has no answers
    o.methodology = "paris2008-5a";
    EXPECT_DOUBLE_EQ(country_systems(s.b.p, o, s.q).at<double>(r, "value"), 0.4);  // (600 + 600 + 0) / 3000
    o.methodology = "paris2008-5b";
    EXPECT_DOUBLE_EQ(country_systems(s.b.p, o, s.q).at<double>(r, "value"), 0.6);  // 600 / 1000
}

TEST(country_systems_test, treasury_channel_is_a_proxy_only_when_asked) {
    const Sample s;
    const Table t = country_systems(s.b.p, MeasureOptions{}, s.q, CountrySystemsOptions{true});
    // A2 now counts for all four: (1000 + 1000 + 400 + 1000) / 4000 = 0.85.
    EXPECT_DOUBLE_EQ(t.at<double>(find_row(t, "AU-5", 2020), "value"), 0.85);
    bool noted = false;
    for (const auto& n : t.notes()) noted = noted || n.find("proxy asked for") != std::string::npos;
    EXPECT_TRUE(noted);
}

TEST(country_systems_test, parallel_piu_count) {
    const Sample s;
    const Table t = parallel_pius(s.b.p, MeasureOptions{}, s.q);
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<std::int64_t>(r, "value"), 3);  // 2 (A1) + 1 (A2) + 0 (A3 unanswered)
    EXPECT_EQ(t.at<std::int64_t>(r, "records"), 3);
    EXPECT_EQ(t.at<std::int64_t>(r, "answered_records"), 2);
}

TEST(country_systems_test, gpedc_1a_sub_shares) {
    const Sample s;
    const Table t = country_results_frameworks(s.b.p, MeasureOptions{}, s.q);
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<std::int64_t>(r, "interventions"), 2);
    EXPECT_DOUBLE_EQ(t.at<double>(r, "share_objectives"), 1.0);             // 2 / 2
    EXPECT_DOUBLE_EQ(t.at<double>(r, "share_indicators"), 0.5);             // 1 / 2
    EXPECT_DOUBLE_EQ(t.at<double>(r, "share_government_data"), 0.0);        // 0 / 2
    EXPECT_DOUBLE_EQ(t.at<double>(r, "share_government_evaluation"), 0.5);  // 1 / 2 (A2 unknown = no)
    EXPECT_DOUBLE_EQ(t.at<double>(r, "value"), 0.5);                        // (2 + 1 + 0 + 1) / 8
    EXPECT_EQ(t.at<std::int64_t>(r, "unknown_records"), 1);
}

TEST(country_systems_test, programme_based_and_technical_cooperation) {
    Builder b;
    const auto a1 = b.activity("AU-5-1", "AU-5");
    const auto a2 = b.activity("AU-5-2", "AU-5");
    Transaction pooled = b.row(a1, 3, "2020-01-01", "600");
    pooled.aid_type = "B04";
    b.tx(pooled);
    Transaction project = b.row(a2, 3, "2020-01-01", "400");
    project.aid_type = "C01";
    b.tx(project);
    Transaction tc1 = b.row(a2, 3, "2020-02-01", "300");
    tc1.aid_type = "D02";
    b.tx(tc1);
    Transaction tc2 = b.row(a1, 3, "2020-03-01", "200");
    tc2.aid_type = "D01";
    b.tx(tc2);
    // All disbursements: 600 + 400 + 300 + 200 = 1500; pooled (B04) 600 -> 0.4.
    const Table pba = programme_based(b.p, MeasureOptions{});
    EXPECT_DOUBLE_EQ(pba.at<double>(find_row(pba, "AU-5", 2020), "value"), 0.4);
    std::istringstream in("activity_id,programme_based,coordinated_tc\nAU-5-2,1,1\n");
    const auto q = load_questionnaire(in, "q.csv");
    // A2 flagged as a PBA: 600 + 400 + 300 = 1300 of 1500.
    const Table flagged = programme_based(b.p, MeasureOptions{}, q);
    EXPECT_DOUBLE_EQ(flagged.at<double>(find_row(flagged, "AU-5", 2020), "value"), 1300.0 / 1500.0);
    // TC base: D02 300 (A2, coordinated) + D01 200 (A1, no answer) = 500; 300 / 500 = 0.6.
    const Table tc = technical_cooperation(b.p, MeasureOptions{}, q);
    const auto r = find_row(tc, "AU-5", 2020);
    EXPECT_EQ(tc.at<Decimal>(r, "base"), Decimal(500));
    EXPECT_DOUBLE_EQ(tc.at<double>(r, "value"), 0.6);
    EXPECT_EQ(tc.at<std::int64_t>(r, "unknown_records"), 1);
}

TEST(country_systems_test, bad_flag_names_file_and_line) {
    std::istringstream in("activity_id,procurement\nA,1\nB,maybe\n");
    try {
        (void)load_questionnaire(in, "q.csv");
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.where().line, 3U);
        EXPECT_EQ(e.where().element, "procurement");
    }
}

// Country aggregates when donors stand on opposite sides: the "(all)" row is the share of the
// country total (sum of numerators / sum of denominators), weighted by money, not the mean of
// the donors' shares.
TEST(country_systems_test, all_rows_are_shares_of_the_country_total) {
    Builder b;
    const auto au = b.activity("AU-5-1", "AU-5");
    const auto undp = b.activity("XM-DAC-41114-1", "XM-DAC-41114");
    // Country systems: AU-5 gives CMAA 100 using all four systems; UNDP gives CMAA 300 using none.
    b.tx(au, 3, "2020-04-01", "100", "USD", "KH-CMAA");
    b.tx(undp, 3, "2020-04-01", "300", "USD", "KH-CMAA");
    std::istringstream in(
        "activity_id,donor,budget_execution,financial_reporting,auditing,procurement\n"
        "AU-5-1,AU-5,1,1,1,1\n"
        "XM-DAC-41114-1,XM-DAC-41114,0,0,0,0\n");
    const auto q = load_questionnaire(in, "q.csv");
    const Table cs = country_systems(b.p, MeasureOptions{}, q);
    const auto all = find_row(cs, "(all)", 2020);
    EXPECT_EQ(cs.at<Decimal>(all, "numerator"), Decimal(400));                          // 4 x 100 + 4 x 0
    EXPECT_EQ(cs.at<Decimal>(all, "denominator"), Decimal(1600));                       // 4 x (100 + 300)
    EXPECT_DOUBLE_EQ(cs.at<double>(all, "value"), 0.25);                                // 400 / 1600, not (1 + 0) / 2
    EXPECT_DOUBLE_EQ(cs.at<double>(find_row(cs, "AU-5", 2020), "value"), 1.0);          // 400 / 400
    EXPECT_DOUBLE_EQ(cs.at<double>(find_row(cs, "XM-DAC-41114", 2020), "value"), 0.0);  // 0 / 1200

    // Programme-based: AU-5 adds 80 pooled (B04) and 20 project aid to its 100 above; UNDP has 0 of 300 pooled.
    Transaction pooled = b.row(au, 3, "2020-05-01", "0");
    pooled.value = Money::parse("80", "USD");
    pooled.aid_type = "B04";
    b.tx(pooled);
    Transaction project = b.row(au, 3, "2020-05-01", "20");
    project.aid_type = "C01";
    b.tx(project);
    const Table pba = programme_based(b.p, MeasureOptions{});
    const auto pall = find_row(pba, "(all)", 2020);
    EXPECT_EQ(pba.at<Decimal>(pall, "base"), Decimal(500));         // AU-5 100 + 80 + 20, UNDP 300
    EXPECT_DOUBLE_EQ(pba.at<double>(pall, "value"), 80.0 / 500.0);  // 0.16, not the mean (80/200 + 0/300) / 2 = 0.2
    EXPECT_DOUBLE_EQ(pba.at<double>(find_row(pba, "AU-5", 2020), "value"), 0.4);  // 80 / 200
}
