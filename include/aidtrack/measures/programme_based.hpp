#pragma once
/// \file programme_based.hpp
/// \brief Programme-based approaches (Paris 9) per donor × fiscal year.
///
/// value = N / B with B = all disbursements counted and N = those whose aid type (the
/// transaction's, else the activity's default) is B04 (basket funds / pooled funding) or A02
/// (sector budget support), or whose activity × donor questionnaire record flags a PBA meeting
/// the four criteria (programme_based). Methodology `paris2008`. Source: OECD 2008 Survey on
/// Monitoring the Paris Declaration, indicator 9 (aid type codes: IATI AidType, DAC 2010+).

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief Share of disbursements provided through programme-based approaches.
[[nodiscard]] Table programme_based(const Portfolio& portfolio, const MeasureOptions& options,
                                    const std::vector<QuestionnaireRecord>& questionnaire = {});

}  // namespace aidtrack::measures
