/// \file technical_cooperation.cpp
/// \brief Paris 4 from aid types D01/D02 and questionnaire flags.

#include <aidtrack/measures/technical_cooperation.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

namespace aidtrack::measures {

Table technical_cooperation(const Portfolio& portfolio, const MeasureOptions& options,
                            const std::vector<QuestionnaireRecord>& questionnaire) {
    const std::string m = detail::methodology_or(options, "paris2008", {"paris2008"});
    const QuestionnaireIndex index(questionnaire);
    const FlowSet base = transaction_flows(
        portfolio, options, type_codes({TransactionType::disbursement}), [&](const Portfolio& p, std::size_t row) {
            const std::string type = detail::aid_type_of(p, row);
            if (type == "D01" || type == "D02") return true;
            const TransactionTable& t = p.transactions();
            const QuestionnaireRecord* r =
                index.find(p.activity(t.activity[row]).identifier, donor_of_transaction(p, row, options));
            return r != nullptr && r->technical_cooperation.value_or(false);
        });
    auto coordinated = [&](const FlowPiece& piece) -> std::optional<bool> {
        const QuestionnaireRecord* r = index.find(portfolio.activity(piece.activity).identifier, piece.donor);
        return r == nullptr ? std::nullopt : r->coordinated_tc;
    };
    return detail::flag_share_table(
        portfolio, options, base, "Coordinated technical cooperation (Paris 4)", m,
        {{"coordinated_tc", "technical cooperation coordinated with national programmes", coordinated}}, {0},
        "formula (paris2008): value = coordinated TC / all TC (aid types D01, D02 or flagged). Source: OECD 2008 "
        "Survey on Monitoring the Paris Declaration, indicator 4");
}

}  // namespace aidtrack::measures
