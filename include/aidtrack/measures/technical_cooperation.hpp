#pragma once
/// \file technical_cooperation.hpp
/// \brief Coordinated technical cooperation (Paris 4) per donor × fiscal year.
///
/// value = N / B with B = technical-cooperation disbursements (aid type D01 donor-country
/// personnel or D02 other technical assistance, or a questionnaire technical_cooperation flag)
/// and N = those whose activity × donor questionnaire record says coordinated_tc (coordinated
/// with a national programme). Methodology `paris2008`. Source: OECD 2008 Survey on Monitoring
/// the Paris Declaration, indicator 4.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief Share of technical cooperation that is coordinated.
[[nodiscard]] Table technical_cooperation(const Portfolio& portfolio, const MeasureOptions& options,
                                          const std::vector<QuestionnaireRecord>& questionnaire);

}  // namespace aidtrack::measures
