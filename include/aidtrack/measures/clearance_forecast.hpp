#pragma once
/// \file clearance_forecast.hpp
/// \brief When contamination reaches zero, the funding gap to the Article 5 deadline, Monte Carlo
/// percentiles and what-if scenarios.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/results_store.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief Where the money of each future year comes from.
enum class FundingKind : std::uint8_t {
    pledges = 0,  ///< only what is pledged per year (nothing in a year without a pledge)
    trend = 1,    ///< least-squares line through the history, never below 0
    flat = 2,     ///< the last year of the history, every year
};

/// "pledges", "trend" or "flat".
[[nodiscard]] const char* to_string(FundingKind k) noexcept;
/// Parses "pledges", "trend" or "flat"; ParseError otherwise.
[[nodiscard]] FundingKind funding_kind_from_string(const std::string& text);

/// \brief A funding scenario: money per calendar year, in the forecast's currency.
struct FundingScenario {
    FundingKind kind = FundingKind::flat;
    std::map<int, double> history;  ///< past funding per year (trend, flat)
    std::map<int, double> pledges;  ///< pledged funding per year (pledges)
    /// Funding of `year` under the scenario.
    [[nodiscard]] double in_year(int year) const;
};

/// \brief Inputs of a deterministic forecast.
struct ForecastInput {
    double remaining_m2 = 0;              ///< contamination left on `as_of`
    Date as_of{2025, 1, 1};               ///< date of `remaining_m2`; the first year is pro-rated by days
    double release_rate_m2_per_year = 0;  ///< what operators can release in a year
    double cost_per_m2 = 0;               ///< blended cost of release
    FundingScenario funding;
    /// When true a year releases min(rate, funding / cost); when false the rate alone (funding
    /// then only decides the gap).
    bool funding_limits_release = true;
    Date deadline{2030, 12, 31};  ///< Ottawa Convention Article 5 deadline
    int horizon_year = 2200;      ///< simulation stops here ("never" beyond)
};

/// \brief A deterministic forecast.
struct ForecastResult {
    std::optional<double> years_to_complete;  ///< from as_of; absent when never within the horizon
    std::optional<Date> completion_date;
    std::optional<int> completion_year;
    double cost_needed = 0;          ///< remaining × cost per m²
    double funding_to_deadline = 0;  ///< funding from as_of to the deadline
    double funding_gap = 0;          ///< max(0, cost_needed − funding_to_deadline)
    double remaining_at_deadline = 0;
    bool meets_deadline = false;
    Table path;  ///< year, funding, released_m2, remaining_end_m2
};

/// Runs the yearly simulation (formulas: docs/results.md, "Forecast").
[[nodiscard]] ForecastResult forecast(const ForecastInput& input);

/// Mean area released per year over [first_year, last_year] (all methods), from the records.
[[nodiscard]] double mean_release_rate(const ResultsStore& store, int first_year, int last_year);

/// \brief A distribution of a multiplying factor for Monte Carlo draws.
struct Distribution {
    /// Kinds of distribution.
    enum class Kind : std::uint8_t { fixed, normal, lognormal, triangular };
    Kind kind = Kind::fixed;
    double a = 1;  ///< fixed: value; normal: mean; lognormal: median; triangular: low
    double b = 0;  ///< normal: sd; lognormal: sigma; triangular: mode
    double c = 0;  ///< triangular: high
    [[nodiscard]] static Distribution fixed(double v) { return {Kind::fixed, v, 0, 0}; }
    [[nodiscard]] static Distribution normal(double mean, double sd) { return {Kind::normal, mean, sd, 0}; }
    [[nodiscard]] static Distribution lognormal(double median, double sigma) {
        return {Kind::lognormal, median, sigma, 0};
    }
    [[nodiscard]] static Distribution triangular(double low, double mode, double high) {
        return {Kind::triangular, low, mode, high};
    }
};

/// \brief Monte Carlo inputs: the base forecast and uncertain factors on rate, cost and funding.
struct MonteCarloInput {
    ForecastInput base;
    Distribution rate_factor = Distribution::fixed(1);     ///< multiplies release_rate_m2_per_year
    Distribution cost_factor = Distribution::fixed(1);     ///< multiplies cost_per_m2
    Distribution funding_factor = Distribution::fixed(1);  ///< multiplies every year's funding
    std::size_t draws = 1000;
    std::uint64_t seed = 20301231;
};

/// \brief Monte Carlo percentiles and the raw draws.
struct MonteCarloResult {
    Table summary;                   ///< statistic, p10, p50, p90, mean (completion year as decimal year, gap)
    Table fan;                       ///< year, remaining_p10_m2, remaining_p50_m2, remaining_p90_m2
    std::vector<double> completion;  ///< decimal completion year per draw (+inf: never)
    std::vector<double> gap;         ///< funding gap per draw
    double p_meets_deadline = 0;     ///< share of draws done by the deadline
};

/// Runs `draws` forecasts with factors drawn from SeededRandom(seed): rate, cost and funding
/// factors in that order per draw (normal factors are redrawn until > 0). Percentiles are
/// nearest-rank on the sorted draws, so they are draws themselves and identical across runs and
/// platforms for a given seed.
[[nodiscard]] MonteCarloResult monte_carlo(const MonteCarloInput& input);

/// \brief One what-if: factors applied to the base forecast.
struct WhatIf {
    std::string name;
    double funding_factor = 1;
    double cost_factor = 1;
    double rate_factor = 1;
};

/// The base forecast and one row per what-if. Columns: scenario, funding_factor, cost_factor,
/// rate_factor, completion_year, completion_date, years_to_complete, cost_needed,
/// funding_to_deadline, funding_gap, remaining_at_deadline_m2, meets_deadline.
[[nodiscard]] Table scenario_table(const ForecastInput& base, const std::vector<WhatIf>& what_ifs);

}  // namespace aidtrack
