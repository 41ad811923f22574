#pragma once
/// \file strategy_alignment.hpp
/// \brief Strategy alignment: share of disbursements mapped to NMAS goals/objectives.
///
/// Each counted disbursement of donor d in year Y is split over its activity's objectives by
/// the mapping's percentages (exact largest remainder, MeasureOptions::places decimals). When
/// an activity's percentages sum to less than 100 the rest is unmapped; when they sum to more,
/// they are scaled to 100 (and a note names the activity); an activity without a mapping is
/// wholly unmapped. Per donor × year × objective: numerator = money mapped to the objective,
/// denominator = all of d's counted disbursements in Y, value = numerator / denominator. The
/// objective "(unmapped)" is its own row, so the rows of a donor-year add up to 1.
/// Methodology `nmas-mapping`. Source: Cambodia Partnership Principles (alignment with the
/// National Mine Action Strategy); mapping supplied by the caller (measure_inputs.hpp).

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief The objective label of money no mapping covers.
inline constexpr const char* kUnmapped = "(unmapped)";

/// \brief Disbursements per donor × fiscal year × NMAS objective.
[[nodiscard]] Table strategy_alignment(const Portfolio& portfolio, const MeasureOptions& options,
                                       const std::vector<ActivityShare>& mapping);

}  // namespace aidtrack::measures
