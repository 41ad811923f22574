/// \file programme_based.cpp
/// \brief Paris 9 from aid types B04/A02 and questionnaire PBA flags.

#include <aidtrack/measures/programme_based.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

namespace aidtrack::measures {

Table programme_based(const Portfolio& portfolio, const MeasureOptions& options,
                      const std::vector<QuestionnaireRecord>& questionnaire) {
    const std::string m = detail::methodology_or(options, "paris2008", {"paris2008"});
    const QuestionnaireIndex index(questionnaire);
    const FlowSet base = transaction_flows(portfolio, options);
    auto pba = [&](const FlowPiece& piece) -> std::optional<bool> {
        const std::string type = detail::aid_type_of(portfolio, static_cast<std::size_t>(piece.record));
        if (type == "B04" || type == "A02") return true;
        const QuestionnaireRecord* r = index.find(portfolio.activity(piece.activity).identifier, piece.donor);
        return r != nullptr && r->programme_based.value_or(false);
    };
    return detail::flag_share_table(
        portfolio, options, base, "Programme-based approaches (Paris 9)", m,
        {{"programme_based", "disbursements with aid type B04 or A02, or a flagged PBA", pba}}, {0},
        "formula (paris2008): value = PBA disbursements / all disbursements. Source: OECD 2008 Survey on Monitoring "
        "the Paris Declaration, indicator 9");
}

}  // namespace aidtrack::measures
