// Indicator progress, trajectory status and roll-up, computed by hand beside each expectation.
#include <aidtrack/measures/results_progress.hpp>
#include <aidtrack/model/iati_framework.hpp>

#include <gtest/gtest.h>

using namespace aidtrack;

namespace {

ResultsStore strategy_store() {
    ResultsStore s;
    Strategy st;
    st.id = "NMAS";
    st.name = "NMAS";
    st.period = Period(make_date(2022, 1, 1), make_date(2023, 12, 31));
    st.nodes = {{"G1", "", ResultLevel::goal, "Goal", 1.0},
                {"O1", "G1", ResultLevel::objective, "Objective one", 2.0},
                {"O2", "G1", ResultLevel::objective, "Objective two", 1.0}};
    s.add_strategy(st);
    return s;
}

Indicator level(const std::string& id, const std::string& node, bool ascending, double base, double target) {
    Indicator i;
    i.id = id;
    i.strategy = "NMAS";
    i.node = node;
    i.title = id;
    i.ascending = ascending;
    i.time_aggregation = TimeAggregation::last;
    i.baseline_date = make_date(2021, 12, 31);
    i.baseline_value = base;
    i.values.push_back({ValueKind::target, Period::calendar_year(2023), target, "", {}, {}});
    return i;
}

void actual(ResultsStore& s, const std::string& id, const Period& p, double v,
            std::vector<IndicatorDimension> dims = {}) {
    s.add_observation(id, {ValueKind::actual, p, v, "", std::move(dims), {}});
}

const Period k2022 = Period::calendar_year(2022);

}  // namespace

TEST(results_progress_test, ascending_level_against_linear_trajectory) {
    ResultsStore s = strategy_store();
    s.add_indicator(level("A", "O1", true, 20, 80));
    actual(s, "A", k2022, 44);
    const auto p = indicator_progress(s, *s.find_indicator("A"), k2022);
    // Baseline 2021-12-31 → target end 2023-12-31 spans 730 days; 2022-12-31 is 365 in: f = 0.5.
    EXPECT_DOUBLE_EQ(*p.expected, 50.0);           // 20 + (80 - 20) × 0.5
    EXPECT_DOUBLE_EQ(*p.achieved_pct, 40.0);       // (44 - 20) / (80 - 20) × 100
    EXPECT_DOUBLE_EQ(*p.trajectory_ratio, 0.8);    // (44 - 20) / (50 - 20)
    EXPECT_EQ(p.status, ProgressStatus::at_risk);  // 0.7 ≤ 0.8 < 0.9
}

TEST(results_progress_test, descending_level_on_and_off_track) {
    ResultsStore s = strategy_store();
    s.add_indicator(level("D", "O1", false, 100, 40));
    s.add_indicator(level("E", "O2", false, 100, 40));
    actual(s, "D", k2022, 65);
    actual(s, "E", k2022, 85);
    const auto d = indicator_progress(s, *s.find_indicator("D"), k2022);
    EXPECT_DOUBLE_EQ(*d.expected, 70.0);                   // 100 + (40 - 100) × 0.5
    EXPECT_NEAR(*d.achieved_pct, 58.333333333333, 1e-9);   // (65 - 100) / (40 - 100) = 35 / 60
    EXPECT_NEAR(*d.trajectory_ratio, 35.0 / 30.0, 1e-12);  // (65 - 100) / (70 - 100)
    EXPECT_EQ(d.status, ProgressStatus::on_track);
    const auto e = indicator_progress(s, *s.find_indicator("E"), k2022);
    EXPECT_DOUBLE_EQ(*e.trajectory_ratio, 0.5);  // (85 - 100) / (70 - 100) = 15 / 30
    EXPECT_EQ(e.status, ProgressStatus::off_track);
}

TEST(results_progress_test, percentage_indicator_averages_not_sums) {
    ResultsStore s = strategy_store();
    Indicator pct;
    pct.id = "P";
    pct.strategy = "NMAS";
    pct.node = "O1";
    pct.measure = IndicatorMeasure::percentage;
    pct.time_aggregation = TimeAggregation::average;
    pct.space_aggregation = SpaceAggregation::average;
    s.add_indicator(pct);
    const int months[4] = {1, 4, 7, 10};
    const double values[4] = {60, 70, 80, 90};
    for (int q = 0; q < 4; ++q) {
        const Date start = make_date(2022, months[q], 1);
        const Date end = (start + boost::gregorian::months(3)) - boost::gregorian::days(1);
        actual(s, "P", Period(start, end), values[q]);
    }
    // (60 + 70 + 80 + 90) / 4 = 75, not the sum 300.
    EXPECT_DOUBLE_EQ(*aggregate_values(*s.find_indicator("P"), ValueKind::actual, k2022), 75.0);
    // Two provinces in one period average too: (50 + 70) / 2 = 60.
    const Period y2021 = Period::calendar_year(2021);
    actual(s, "P", y2021, 50, {{"province", "Pailin"}});
    actual(s, "P", y2021, 70, {{"province", "Battambang"}});
    EXPECT_DOUBLE_EQ(*aggregate_values(*s.find_indicator("P"), ValueKind::actual, y2021), 60.0);
}

TEST(results_progress_test, weighted_rollup_to_goal) {
    ResultsStore s = strategy_store();
    s.add_indicator(level("A", "O1", true, 20, 80));
    s.add_indicator(level("E", "O2", false, 100, 40));
    actual(s, "A", k2022, 70);  // ratio (70 - 20) / 30 = 1.667, capped to 1
    actual(s, "E", k2022, 85);  // ratio 0.5
    const Table t = rollup_table(s, "NMAS", k2022);
    ASSERT_EQ(t.row_count(), 3U);
    EXPECT_EQ(t.at<std::string>(0, "node"), "G1");
    // (2 × 1 + 1 × 0.5) / (2 + 1) = 2.5 / 3 = 0.8333
    EXPECT_NEAR(t.at<double>(0, "score"), 2.5 / 3.0, 1e-12);
    EXPECT_EQ(t.at<std::string>(0, "status"), "at-risk");
    EXPECT_EQ(t.at<std::int64_t>(0, "indicators"), 2);
    EXPECT_DOUBLE_EQ(t.at<double>(1, "score"), 1.0);
    EXPECT_EQ(t.at<std::string>(2, "status"), "off-track");
}

TEST(results_progress_test, linked_project_actuals_roll_into_national_flow) {
    ResultsStore s = strategy_store();
    Indicator national;
    national.id = "N";
    national.strategy = "NMAS";
    national.node = "O1";
    national.values.push_back(
        {ValueKind::target, Period(make_date(2022, 1, 1), make_date(2023, 12, 31)), 100, "", {}, {}});
    s.add_indicator(national);
    Strategy project;
    project.id = "PRJ";
    project.name = "Project";
    project.nodes = {{"R1", "", ResultLevel::goal, "Output", 1.0}};
    s.add_strategy(project);
    for (const char* id : {"P1", "P2"}) {
        Indicator p;
        p.id = id;
        p.strategy = "PRJ";
        p.node = "R1";
        s.add_indicator(p);
    }
    actual(s, "P1", k2022, 30);
    actual(s, "P2", k2022, 10);
    s.add_link({"P1", "N", 0.5});
    s.add_link({"P2", "N", 1.0});
    const auto p = indicator_progress(s, *s.find_indicator("N"), k2022);
    EXPECT_EQ(p.actual_source, "linked");
    EXPECT_DOUBLE_EQ(*p.actual, 25.0);                           // 0.5 × 30 + 1 × 10
    EXPECT_DOUBLE_EQ(*p.expected, 50.0);                         // 100 × 365 / 730 days of the 2022-2023 target
    EXPECT_DOUBLE_EQ(*p.trajectory_ratio, 0.5);                  // 25 / 50
    EXPECT_DOUBLE_EQ(*p.achieved_pct, 25.0);                     // 25 / 100
    EXPECT_THROW(s.add_link({"A", "N", 1.0}), ValidationError);  // unknown indicator
}

TEST(results_progress_test, iati_results_become_linked_project_frameworks) {
    Portfolio portfolio;
    Activity a;
    a.identifier = "XM-DAC-41114-PROJECT-1";
    a.title = {{"Clearing for Results", "en"}};
    ResultIndicator ri;
    ri.title = {{"Square metres released", "en"}};
    IndicatorPeriod per;
    per.start = make_date(2022, 1, 1);
    per.end = make_date(2022, 12, 31);
    per.targets.push_back({Decimal(100), "100", {}, {}, {}});
    per.actuals.push_back({Decimal(90), "90", {}, {}, {}});
    ri.periods.push_back(per);
    a.results.push_back(IatiResult{"1", false, {{"Land released", "en"}}, {}, {ri}});
    (void)portfolio.add_activity(a);
    ResultsStore& s = portfolio.results();
    s.add_strategy([] {
        Strategy st;
        st.id = "NMAS";
        st.name = "NMAS";
        st.nodes = {{"G1", "", ResultLevel::goal, "Goal", 1.0}};
        return st;
    }());
    Indicator n;
    n.id = "NMAS.G1.1";
    n.strategy = "NMAS";
    n.node = "G1";
    s.add_indicator(n);
    IatiFrameworkOptions options;
    options.links["Square metres released"] = "NMAS.G1.1";
    const auto c = import_iati_frameworks(portfolio, s, options);
    EXPECT_EQ(c.strategies, 1U);
    EXPECT_EQ(c.indicators, 1U);
    EXPECT_EQ(c.values, 2U);
    EXPECT_EQ(c.links, 1U);
    const auto p = indicator_progress(s, *s.find_indicator("NMAS.G1.1"), k2022);
    EXPECT_DOUBLE_EQ(*p.actual, 90.0);  // linked with weight 1
    const auto own = indicator_progress(s, *s.find_indicator("IATI:XM-DAC-41114-PROJECT-1/R1.I1"), k2022);
    EXPECT_DOUBLE_EQ(*own.achieved_pct, 90.0);  // 90 / 100
}
