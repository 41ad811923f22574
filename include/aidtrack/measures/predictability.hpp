#pragma once
/// \file predictability.hpp
/// \brief Predictability: annual (Paris 7 / GPEDC 5a), medium-term (GPEDC 5b), execution rate.
///
/// **Annual** per donor × government fiscal year, with D = disbursements counted (donor_flows,
/// IATI type 3) and S = scheduled disbursements (planned disbursements spread by days;
/// activity budgets only with MeasureOptions::budgets_as_schedule_fallback):
/// - `paris2008`: value = D / S, plain; over 100% when more is disbursed than scheduled (the
///   2008 Survey's Cambodia figure for 2007 was 104%). Source: OECD, 2008 Survey on Monitoring
///   the Paris Declaration, indicator 7.
/// - `paris2011`: value = min(D, S) / max(D, S), so over- and under-disbursement both lower it.
///   Source: OECD, 2011 Survey on Monitoring the Paris Declaration, indicator 7.
/// - `gpedc2018` (default): value = min(D, S) / S; beside it over_disbursement =
///   (D − S) / D when D > S, else 0. Source: GPEDC 2018 Monitoring Guide, indicator 5a.
///
/// numerator and denominator hold the two terms of the chosen ratio; the value is undefined
/// when the denominator is zero. Beside them: over_disbursed (gpedc2018: D − min(D, S) for a
/// donor with a schedule) and unscheduled (D of a donor with nothing scheduled for the year).
///
/// The "(all)" row is the guide's country aggregate:
/// - `gpedc2018`: Σ min(D_i, S_i) / Σ S_i — what each provider disbursed as scheduled, over what
///   they scheduled — and over_disbursement = Σ over_disbursed_i / Σ D_i over donors with a
///   schedule. Donors without a schedule enter neither term (see unscheduled).
/// - `paris2011`: Σ min(D_i, S_i) / Σ max(D_i, S_i); a donor without a schedule adds D to the
///   denominator only.
/// - `paris2008`: Σ D_i / Σ S_i, the Survey's ratio of the country totals, in which opposite
///   errors offset; a donor without a schedule adds D to the numerator only.
///
/// **Medium-term** (GPEDC 5b, methodology `gpedc2018`): for reference year Y, with D_Y the
/// disbursements of Y and P_{Y+k} the planned disbursements falling in Y+k, coverage_k =
/// min(P_{Y+k}, D_Y) / D_Y for k = 1, 2, 3 and value = (coverage_1 + coverage_2 + coverage_3) / 3.
/// Source: GPEDC 2018 Monitoring Guide, indicator 5b (forward plans for FY+1..FY+3); the
/// reference year's disbursements stand for the expected funding level. covered_k =
/// min(P_{Y+k}, D_Y) per donor; the "(all)" row's coverage_k = Σ covered_k / Σ D_Y, each donor
/// capped at its own D_Y (a donor without forward plans adds D_Y to the denominator only).
///
/// **Execution** (methodology `execution`): value = D / C with C the commitments (type 2) of
/// the year; undisbursed balance = cumulative commitments − cumulative disbursements to the end
/// of the year.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

namespace aidtrack::measures {

/// \brief Annual predictability per donor × fiscal year (methodologies paris2008, paris2011,
/// gpedc2018).
[[nodiscard]] Table annual_predictability(const Portfolio& portfolio, const MeasureOptions& options);

/// \brief Medium-term predictability (GPEDC 5b) per donor × reference year.
[[nodiscard]] Table medium_term_predictability(const Portfolio& portfolio, const MeasureOptions& options);

/// \brief Execution rate and undisbursed balance per donor × fiscal year.
[[nodiscard]] Table execution_rate(const Portfolio& portfolio, const MeasureOptions& options);

}  // namespace aidtrack::measures
