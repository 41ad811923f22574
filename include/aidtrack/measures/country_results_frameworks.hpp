#pragma once
/// \file country_results_frameworks.hpp
/// \brief Use of country results frameworks (GPEDC 1a) per donor × fiscal year.
///
/// Over the new interventions (questionnaire records with new_intervention = yes, placed in the
/// government fiscal year of the activity's start, actual else planned), with I = their number:
/// 1a.1 = objectives drawn from the country framework / I, 1a.2 = indicators drawn from it / I,
/// 1a.3 = monitored with government data / I, 1a.4 = final evaluation planned with government / I.
/// numerator = sum of the four counts and denominator = 4 I, so value = the mean of the four
/// sub-shares (a summary; the sub-shares are the indicator). Methodology `gpedc2018`. Source:
/// GPEDC 2018 Monitoring Guide, indicator 1a (counted per intervention, not per indicator).

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief GPEDC 1a sub-shares over the new interventions of each year.
[[nodiscard]] Table country_results_frameworks(const Portfolio& portfolio, const MeasureOptions& options,
                                               const std::vector<QuestionnaireRecord>& questionnaire);

}  // namespace aidtrack::measures
