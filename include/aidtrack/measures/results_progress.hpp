#pragma once
/// \file results_progress.hpp
/// \brief Progress of indicators against targets, status and roll-up to objectives and goals.

#include <aidtrack/core/period.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/results_store.hpp>

#include <optional>
#include <string>

namespace aidtrack {

/// \brief Status of an indicator or node against its linear trajectory.
enum class ProgressStatus : std::uint8_t { on_track = 0, at_risk = 1, off_track = 2, not_assessed = 3 };

/// "on-track", "at-risk", "off-track" or "not-assessed".
[[nodiscard]] const char* to_string(ProgressStatus s) noexcept;

/// \brief Thresholds on the trajectory ratio (share of the expected progress achieved).
///
/// Defaults: ratio ≥ 0.90 on-track, ≥ 0.70 at-risk, below off-track — the traffic light the
/// TWG-MA reads: within a tenth of the path is on track, within three tenths needs attention.
struct StatusThresholds {
    double on_track = 0.90;  ///< ratio at or above: on-track
    double at_risk = 0.70;   ///< ratio at or above (and below on_track): at-risk
    /// The status of a ratio (not_assessed when absent).
    [[nodiscard]] ProgressStatus classify(const std::optional<double>& ratio) const noexcept;
};

/// Combines the values of `kind` whose periods lie inside `period`: values of one period first
/// by space aggregation (a value without dimensions is the period's total and wins), then the
/// periods by time aggregation (sum, average, or the last by end date). Absent when none.
[[nodiscard]] std::optional<double> aggregate_values(const Indicator& indicator, ValueKind kind, const Period& period);

/// \brief Where an indicator stands in one period.
struct IndicatorProgress {
    std::string indicator;
    Period period;
    std::optional<double> baseline;
    std::optional<double> target;  ///< target inside the period, else the governing target
    std::optional<double> actual;
    std::string actual_source;               ///< "reported", "linked" (sum of weighted linked actuals) or ""
    std::optional<double> expected;          ///< value of the linear trajectory for the period
    std::optional<double> achieved_pct;      ///< progress towards `target`, in percent
    std::optional<double> trajectory_ratio;  ///< progress relative to `expected`
    ProgressStatus status = ProgressStatus::not_assessed;
};

/// The progress of `indicator` in `period` (formulas: docs/results.md, "Progress").
[[nodiscard]] IndicatorProgress indicator_progress(const ResultsStore& store, const Indicator& indicator,
                                                   const Period& period, const StatusThresholds& thresholds = {});

/// Progress of every indicator of strategy `strategy_id` (all strategies when empty) in `period`.
/// Columns: strategy, node, indicator, title, measure, ascending, unit, period_start, period_end,
/// baseline, target, actual, actual_source, expected, achieved_pct, trajectory_ratio, status.
[[nodiscard]] Table progress_table(const ResultsStore& store, const std::string& strategy_id, const Period& period,
                                   const StatusThresholds& thresholds = {});

/// Roll-up of strategy `strategy_id` in `period`: one row per node (goals, objectives, outcomes,
/// outputs) with the weighted mean of its indicators' and children's capped ratios.
/// Columns: node, level, parent, title, weight, indicators, score, status.
[[nodiscard]] Table rollup_table(const ResultsStore& store, const std::string& strategy_id, const Period& period,
                                 const StatusThresholds& thresholds = {});

/// Every indicator as a row (no values). Columns: indicator, strategy, node, title, measure,
/// ascending, unit, time_aggregation, space_aggregation, baseline_date, baseline_value, weight,
/// values, evidence.
[[nodiscard]] Table indicators_table(const ResultsStore& store);
/// Every target and actual as a row. Columns: indicator, kind, start, end, value, text, dimensions.
[[nodiscard]] Table indicator_values_table(const ResultsStore& store);

}  // namespace aidtrack
