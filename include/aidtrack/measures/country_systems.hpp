#pragma once
/// \file country_systems.hpp
/// \brief Use of country systems (Paris 5a/5b, GPEDC 9b) per donor × fiscal year.
///
/// Base B = disbursements to the government sector (receiver in MeasureOptions::government_orgs
/// or a public organisation of the recipient country). For each of the four systems s
/// (budget_execution, financial_reporting, auditing, procurement), N_s = the part of B whose
/// activity × donor questionnaire record says the system is used. Methodologies:
/// - `paris2008-5a`: value = (N_be + N_fr + N_au) / (3 B), the mean of the three PFM shares.
/// - `paris2008-5b`: value = N_procurement / B.
/// - `gpedc2018` (default): value = (N_be + N_fr + N_au + N_pr) / (4 B), GPEDC 9b.
/// Sources: OECD 2008 Survey on Monitoring the Paris Declaration, indicators 5a and 5b;
/// GPEDC 2018 Monitoring Guide, indicator 9b.
///
/// Without a questionnaire answer a system counts as not used and the record is counted in
/// unknown_records. Only when CountrySystemsOptions::channel_proxy is set does disbursement
/// channel 1 (money through the national treasury) stand in for a missing answer, and the
/// table says so.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief Options of the country-systems measure.
struct CountrySystemsOptions {
    /// Use IATI disbursement-channel 1 as a documented proxy where the questionnaire has no answer.
    bool channel_proxy = false;
};

/// \brief Shares of government-sector disbursements using country systems.
[[nodiscard]] Table country_systems(const Portfolio& portfolio, const MeasureOptions& options,
                                    const std::vector<QuestionnaireRecord>& questionnaire,
                                    const CountrySystemsOptions& systems = {});

}  // namespace aidtrack::measures
