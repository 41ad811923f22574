/// \file country_systems.cpp
/// \brief Paris 5a/5b and GPEDC 9b from questionnaire flags (or the documented channel proxy).

#include <aidtrack/measures/country_systems.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

namespace aidtrack::measures {

Table country_systems(const Portfolio& portfolio, const MeasureOptions& options,
                      const std::vector<QuestionnaireRecord>& questionnaire, const CountrySystemsOptions& systems) {
    const std::string m = detail::methodology_or(options, "gpedc2018", {"paris2008-5a", "paris2008-5b", "gpedc2018"});
    const QuestionnaireIndex index(questionnaire);
    const FlowSet base =
        transaction_flows(portfolio, options, type_codes({TransactionType::disbursement}),
                          [&](const Portfolio& p, std::size_t row) { return to_government(p, row, options); });
    using Field = std::optional<bool> QuestionnaireRecord::*;
    const TransactionTable& t = portfolio.transactions();
    auto flag = [&](Field field) {
        return [&, field](const FlowPiece& piece) -> std::optional<bool> {
            const auto row = static_cast<std::size_t>(piece.record);
            const QuestionnaireRecord* r = index.find(portfolio.activity(piece.activity).identifier, piece.donor);
            if (r != nullptr && (r->*field).has_value()) return r->*field;
            if (systems.channel_proxy) return t.text(t.disbursement_channel[row]) == "1";
            return std::nullopt;
        };
    };
    const std::vector<detail::FlagSpec> flags{
        {"budget_execution", "government-sector disbursements using national budget execution",
         flag(&QuestionnaireRecord::budget_execution)},
        {"financial_reporting", "… using national financial reporting",
         flag(&QuestionnaireRecord::financial_reporting)},
        {"auditing", "… using national auditing", flag(&QuestionnaireRecord::auditing)},
        {"procurement", "… using national procurement", flag(&QuestionnaireRecord::procurement)},
    };
    std::vector<std::size_t> value_of{0, 1, 2, 3};
    std::string formula =
        "formula (gpedc2018, indicator 9b): value = (N_be + N_fr + N_au + N_pr) / (4 B). Source: GPEDC 2018 Monitoring "
        "Guide";
    if (m == "paris2008-5a") {
        value_of = {0, 1, 2};
        formula =
            "formula (paris2008-5a): value = (N_be + N_fr + N_au) / (3 B). Source: OECD 2008 Survey on Monitoring the "
            "Paris Declaration, indicator 5a";
    } else if (m == "paris2008-5b") {
        value_of = {3};
        formula =
            "formula (paris2008-5b): value = N_procurement / B. Source: OECD 2008 Survey on Monitoring the Paris "
            "Declaration, indicator 5b";
    }
    Table out = detail::flag_share_table(portfolio, options, base, "Use of country systems (Paris 5a/5b, GPEDC 9b)", m,
                                         flags, value_of, formula);
    out.add_note("base B = disbursements whose receiver is the government sector");
    out.add_note(systems.channel_proxy
                     ? "proxy asked for: where the questionnaire has no answer, disbursement channel 1 (through the "
                       "national treasury) counts as using every system"
                     : "no proxy: a missing questionnaire answer counts as not using the system (see unknown_records)");
    return out;
}

}  // namespace aidtrack::measures
