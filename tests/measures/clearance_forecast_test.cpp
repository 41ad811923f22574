// Forecast of the year contamination reaches zero, the funding gap, Monte Carlo and what-ifs.
#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/measures/seeded_random.hpp>

#include <gtest/gtest.h>

#include <cmath>

using namespace aidtrack;

namespace {

ForecastInput funded_input() {
    ForecastInput in;
    in.remaining_m2 = 10'000'000;
    in.as_of = make_date(2025, 1, 1);
    in.release_rate_m2_per_year = 2'000'000;
    in.cost_per_m2 = 1.5;
    in.funding.kind = FundingKind::flat;
    in.funding.history = {{2023, 2'000'000}, {2024, 2'400'000}};
    return in;
}

}  // namespace

TEST(clearance_forecast_test, no_uncertainty_equals_closed_form) {
    ForecastInput in;
    in.remaining_m2 = 1'000'000;
    in.as_of = make_date(2025, 1, 1);
    in.release_rate_m2_per_year = 400'000;
    in.cost_per_m2 = 2;
    in.funding.history = {{2024, 1e9}};
    in.funding_limits_release = false;
    const ForecastResult r = forecast(in);
    EXPECT_DOUBLE_EQ(*r.years_to_complete, 2.5);           // 1000000 / 400000
    EXPECT_EQ(*r.completion_year, 2027);                   // 2025 + 2.5
    EXPECT_EQ(*r.completion_date, make_date(2027, 7, 2));  // day ceil(0.5 × 365) = 183 of 2027
    EXPECT_DOUBLE_EQ(r.cost_needed, 2'000'000.0);          // 1000000 × 2
    EXPECT_DOUBLE_EQ(r.funding_to_deadline, 6e9);          // 2025..2030 × 1e9
    EXPECT_DOUBLE_EQ(r.funding_gap, 0.0);
    EXPECT_TRUE(r.meets_deadline);
    // From mid-year the first segment is pro-rated by days; the total is still remaining / rate.
    in.as_of = make_date(2025, 7, 1);
    in.release_rate_m2_per_year = 365'000;
    EXPECT_NEAR(*forecast(in).years_to_complete, 1'000'000.0 / 365'000.0, 1e-12);
    // Monte Carlo with fixed factors gives the closed form in every percentile.
    MonteCarloInput mc;
    mc.base = in;
    mc.base.as_of = make_date(2025, 1, 1);
    mc.base.release_rate_m2_per_year = 400'000;
    mc.draws = 50;
    const MonteCarloResult m = monte_carlo(mc);
    // 2027-07-02 is day 183 of 365: 2027 + 183 / 365.
    for (const char* col : {"p10", "p50", "p90"})
        EXPECT_DOUBLE_EQ(m.summary.at<double>(0, col), 2027.0 + 183.0 / 365.0);
}

TEST(clearance_forecast_test, funding_limited_release_and_gap_to_2030) {
    const ForecastResult r = forecast(funded_input());
    // Flat funding = last history year 2400000; affordable 2400000 / 1.5 = 1600000 m2/yr < rate.
    EXPECT_DOUBLE_EQ(*r.years_to_complete, 6.25);  // 10000000 / 1600000
    EXPECT_EQ(*r.completion_year, 2031);
    EXPECT_DOUBLE_EQ(r.cost_needed, 15'000'000.0);          // 10000000 × 1.5
    EXPECT_DOUBLE_EQ(r.funding_to_deadline, 14'400'000.0);  // 6 × 2400000
    EXPECT_DOUBLE_EQ(r.funding_gap, 600'000.0);             // 15000000 - 14400000
    EXPECT_DOUBLE_EQ(r.remaining_at_deadline, 400'000.0);   // 10000000 - 6 × 1600000
    EXPECT_FALSE(r.meets_deadline);
    EXPECT_EQ(r.path.row_count(), 7U);  // 2025..2031
}

TEST(clearance_forecast_test, what_if_table) {
    const Table t = scenario_table(funded_input(), {{"+20% funding", 1.2, 1, 1}, {"cost per m2 +10%", 1, 1.1, 1}});
    ASSERT_EQ(t.row_count(), 3U);
    EXPECT_EQ(t.at<std::int64_t>(0, "completion_year"), 2031);
    // +20%: 2880000 / 1.5 = 1920000 m2/yr; 10000000 / 1920000 = 5.2083 years → 2030.
    EXPECT_NEAR(t.at<double>(1, "years_to_complete"), 10.0 / 1.92, 1e-12);
    EXPECT_EQ(t.at<std::int64_t>(1, "completion_year"), 2030);
    EXPECT_DOUBLE_EQ(t.at<double>(1, "funding_gap"), 0.0);  // 6 × 2880000 = 17280000 ≥ 15000000
    EXPECT_EQ(t.at<std::int64_t>(1, "meets_deadline"), 1);
    // +10% cost: 2400000 / 1.65 = 1454545 m2/yr → 6.875 years; need 16500000 - 14400000 = 2100000.
    EXPECT_NEAR(t.at<double>(2, "years_to_complete"), 6.875, 1e-12);
    EXPECT_NEAR(t.at<double>(2, "funding_gap"), 2'100'000.0, 1e-6);
}

TEST(clearance_forecast_test, funding_scenarios) {
    FundingScenario trend;
    trend.kind = FundingKind::trend;
    trend.history = {{2020, 10}, {2021, 12}, {2022, 14}};
    EXPECT_DOUBLE_EQ(trend.in_year(2025), 20.0);  // 12 + 2 × (2025 - 2021)
    FundingScenario pledges;
    pledges.kind = FundingKind::pledges;
    pledges.pledges = {{2025, 5}};
    EXPECT_DOUBLE_EQ(pledges.in_year(2025), 5.0);
    EXPECT_DOUBLE_EQ(pledges.in_year(2026), 0.0);
    FundingScenario empty;
    EXPECT_THROW((void)empty.in_year(2025), ValidationError);
}

TEST(clearance_forecast_test, generator_matches_reference_and_portable_math) {
    SplitMix64 sm(0);
    EXPECT_EQ(sm.next(), 0xE220A8397B1DCDAFULL);  // published splitmix64 reference output for seed 0
    for (double x : {1e-300, 0.001, 0.3, 0.5, 0.9999, 1.0, 2.0, 10.0, 1e10}) {
        EXPECT_NEAR(portable_log(x), std::log(x), 1e-15 * std::max(1.0, std::fabs(std::log(x)))) << x;
    }
    for (double x : {-20.0, -1.0, -0.1, 0.0, 0.5, 1.0, 3.3, 50.0}) {
        EXPECT_NEAR(portable_exp(x), std::exp(x), 1e-15 * std::exp(x)) << x;
    }
    SeededRandom a(7);
    SeededRandom b(7);
    double sum = 0;
    for (int i = 0; i < 20000; ++i) {
        const double u = a.uniform();
        ASSERT_EQ(u, b.uniform());
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
    }
    EXPECT_NEAR(sum / 20000, 0.5, 0.01);
}

TEST(clearance_forecast_test, seeded_monte_carlo_percentiles_are_constants) {
    MonteCarloInput mc;
    mc.base = funded_input();
    mc.rate_factor = Distribution::triangular(0.8, 1.0, 1.2);
    mc.cost_factor = Distribution::lognormal(1.0, 0.1);
    mc.funding_factor = Distribution::normal(1.0, 0.15);
    mc.draws = 2000;
    mc.seed = 42;
    const MonteCarloResult m = monte_carlo(mc);
    const MonteCarloResult again = monte_carlo(mc);
    EXPECT_EQ(m.completion, again.completion);
    // Constants from this implementation (nearest-rank percentiles of 2000 draws, seed 42); any
    // change to the generator, samplers or simulation shows up here.
    const Table& s = m.summary;
    EXPECT_EQ(s.at<std::string>(0, "statistic"), "completion_year");
    // Completion as decimal years: day 65 of 2030, day 103 of 2031, day 363 of leap 2032.
    EXPECT_EQ(s.at<double>(0, "p10"), 2030.0 + 65.0 / 365.0);   // 2030.1780821917807
    EXPECT_EQ(s.at<double>(0, "p50"), 2031.0 + 103.0 / 365.0);  // 2031.2821917808219
    EXPECT_EQ(s.at<double>(0, "p90"), 2032.0 + 363.0 / 366.0);  // 2032.9918032786886
    // Funding gap (USD): at P10 funding covers the cost; P50 and P90 are single draws' gaps.
    EXPECT_EQ(s.at<double>(1, "p10"), 0.0);
    EXPECT_EQ(s.at<double>(1, "p50"), 672908.38800870255);
    EXPECT_EQ(s.at<double>(1, "p90"), 4000723.227581691);
    EXPECT_LE(s.at<double>(0, "p10"), s.at<double>(0, "p50"));
    EXPECT_LE(s.at<double>(0, "p50"), s.at<double>(0, "p90"));
    EXPECT_EQ(m.fan.row_count(), 6U);  // 2025..2030
}
