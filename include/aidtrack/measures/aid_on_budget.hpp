#pragma once
/// \file aid_on_budget.hpp
/// \brief Aid on budget (Paris 3 / GPEDC 6) per donor × fiscal year.
///
/// B = aid recorded in the government's budget for the donor and year (GovernmentBudgetRecord,
/// an input), S = disbursements scheduled for the government sector (planned disbursements whose
/// receiver, else the activity's implementing organisation, is government; spread by days).
/// - `paris2008` (default): value = min(B, S) / max(B, S) — the Survey inverts the ratio when
///   the budget exceeds the schedule, so any gap lowers it. Source: OECD 2008 Survey on
///   Monitoring the Paris Declaration, indicator 3 (Cambodia: 79% in 2005, 85% in 2007).
/// - `plain`: value = B / S, without inversion.
/// - `gpedc2018`: value = min(B, S) / S ("on budget, of scheduled"), with beyond_scheduled =
///   (B − S) / S when B > S, else 0. Source: GPEDC 2018 Monitoring Guide, indicator 6.
/// Undefined when the denominator is zero. The "(all)" row: `gpedc2018` Σ min(B_i, S_i) / Σ S_i
/// (each donor's budget capped at its own schedule; beyond_scheduled = Σ (B_i − min(B_i, S_i)) /
/// Σ S_i; donors without a schedule in neither term, their B in unscheduled); `paris2008`
/// min(ΣB, ΣS) / max(ΣB, ΣS), the Survey's inverted ratio of the country totals; `plain` ΣB / ΣS.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief Government-recorded budget amounts against scheduled government-sector disbursements.
[[nodiscard]] Table aid_on_budget(const Portfolio& portfolio, const MeasureOptions& options,
                                  const std::vector<GovernmentBudgetRecord>& budget);

}  // namespace aidtrack::measures
