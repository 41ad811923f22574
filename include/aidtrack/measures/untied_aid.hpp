#pragma once
/// \file untied_aid.hpp
/// \brief Untied aid (Paris 8 / GPEDC 10) per donor × fiscal year.
///
/// B = disbursements whose tied status (the transaction's, else the activity's default) is
/// known: 3 partially tied, 4 tied or 5 untied. value = untied / B. Disbursements without a
/// tied status are left out of B and counted in a note. Methodologies `paris2008` (default) and
/// `gpedc2018` use this same ratio. Sources: OECD 2008 Survey on Monitoring the Paris
/// Declaration, indicator 8; GPEDC 2018 Monitoring Guide, indicator 10; IATI TiedStatus codes.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

namespace aidtrack::measures {

/// \brief Share of disbursements reported untied.
[[nodiscard]] Table untied_aid(const Portfolio& portfolio, const MeasureOptions& options);

}  // namespace aidtrack::measures
