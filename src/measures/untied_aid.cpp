/// \file untied_aid.cpp
/// \brief Paris 8 / GPEDC 10 from IATI tied-status codes.

#include <aidtrack/measures/untied_aid.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

namespace aidtrack::measures {

namespace {
std::string tied_status_of(const Portfolio& p, std::size_t row) {
    const TransactionTable& t = p.transactions();
    const std::string& own = t.text(t.tied_status[row]);
    return own.empty() ? p.activity(t.activity[row]).default_tied_status : own;
}
}  // namespace

Table untied_aid(const Portfolio& portfolio, const MeasureOptions& options) {
    const std::string m = detail::methodology_or(options, "paris2008", {"paris2008", "gpedc2018"});
    std::size_t unknown = 0;
    const FlowSet base = transaction_flows(portfolio, options, type_codes({TransactionType::disbursement}),
                                           [&](const Portfolio& p, std::size_t row) {
                                               const std::string s = tied_status_of(p, row);
                                               const bool known = s == "3" || s == "4" || s == "5";
                                               if (!known) ++unknown;
                                               return known;
                                           });
    auto status_is = [&](const char* code) {
        return [&portfolio, code](const FlowPiece& piece) -> std::optional<bool> {
            return tied_status_of(portfolio, static_cast<std::size_t>(piece.record)) == code;
        };
    };
    Table out = detail::flag_share_table(
        portfolio, options, base, "Untied aid (Paris 8 / GPEDC 10)", m,
        {{"untied", "tied status 5", status_is("5")},
         {"partially_tied", "tied status 3", status_is("3")},
         {"tied", "tied status 4", status_is("4")}},
        {0},
        "formula: value = untied (code 5) / disbursements with tied status 3, 4 or 5. Sources: OECD 2008 Survey on "
        "Monitoring the Paris Declaration, indicator 8; GPEDC 2018 Monitoring Guide, indicator 10");
    out.add_note(std::to_string(unknown) + " disbursements without a tied status left out of the base");
    return out;
}

}  // namespace aidtrack::measures
