#pragma once
/// \file piu.hpp
/// \brief Parallel project implementation units (Paris 6): a count per donor × fiscal year.
///
/// value = Σ parallel_pius over the questionnaire records (activity × donor) of the activities
/// a donor disbursed to in the year (counted once per activity and year). A count, not a
/// ratio: there is no denominator. Methodology `paris2008`. Source: OECD 2008 Survey on
/// Monitoring the Paris Declaration, indicator 6 (Cambodia: 49 in 2005, 121 in 2007, all sectors).

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief Number of parallel PIUs per donor × fiscal year.
[[nodiscard]] Table parallel_pius(const Portfolio& portfolio, const MeasureOptions& options,
                                  const std::vector<QuestionnaireRecord>& questionnaire);

}  // namespace aidtrack::measures
