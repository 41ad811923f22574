#pragma once
/// \file sections.hpp
/// \brief The report's sections, one function (and one file) each, in reading order.

#include "../report_context.hpp"

#include <vector>

namespace aidtrack::report::detail {

/// Support by year (published series), by donor, the reconciliation of published dollars with
/// the report's own conversion, and project flows by provider.
[[nodiscard]] Section funding(Context& c);
/// Donors per year, largest donor's share, HHI and its trend, the top donors over time.
[[nodiscard]] Section harmonization(Context& c);
/// Alignment of project money to NMAS objectives (strategy_alignment, hop 'reported').
[[nodiscard]] Section alignment(Context& c);
/// In-year predictability for donors with schedules; else support against the strategy's
/// published annual requirement.
[[nodiscard]] Section predictability(Context& c);
/// Progress per goal of each strategy.
[[nodiscard]] Section results(Context& c);
/// Land released per year (published), remaining contamination, casualties.
[[nodiscard]] Section land_release(Context& c);
/// Cost per m² from the whole sector, the forecast of completion, the money needed beside the
/// country's own estimates, and the binding constraint.
[[nodiscard]] Section forecast(Context& c);
/// Action points, signatories, deployments.
[[nodiscard]] Section coordination(Context& c);
/// Scope, records by evidence, sources, illustrative records, diagnostics; the sources section.
void provenance(Context& c, Report& report);
/// The first screen: five to eight sentences, each computed from the sections' figures, each
/// with its source.
[[nodiscard]] std::vector<Finding> first_screen(Context& c, const Report& report);

}  // namespace aidtrack::report::detail
