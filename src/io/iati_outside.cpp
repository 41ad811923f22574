/// \file iati_outside.cpp
/// \brief Rows of activities outside the selection (see iati_outside.hpp).

#include "iati_outside.hpp"

#include <aidtrack/model/transaction_type.hpp>
#include <cstdint>
#include <map>

namespace aidtrack::iati_detail {

void add_outside_columns(Table& outside) {
    outside.add_column<std::string>("activity_id", "iati-identifier");
    outside.add_column<std::string>("title", "activity title");
    outside.add_column<std::string>("reporting_org", "reporting-org ref");
    outside.add_column<std::string>("reporting_org_name", "reporting-org narrative");
    outside.add_column<std::string>("currency", "currency of the sums on this row");
    outside.add_column<Decimal>("disbursed_or_spent", "disbursements and expenditure (types 3, 4)");
    outside.add_column<Decimal>("committed", "commitments (types 2, 11)");
    outside.add_column<std::int64_t>("transactions", "valid transactions in this currency");
    outside.add_column<std::string>("file", "source file");
    outside.add_column<std::int64_t>("line", "line of <iati-activity>");
}

void count_outside(Table& outside, const Activity& a, const std::vector<Transaction>& rows, const std::string& file) {
    /// \brief The money of one currency.
    struct Sums {
        Decimal spent;
        Decimal committed;
        std::int64_t count = 0;
    };
    std::map<std::string, Sums> by_currency;
    for (const auto& t : rows) {
        Sums& s = by_currency[t.value.currency().str()];
        ++s.count;
        if (is_any_type(t.type, {TransactionType::disbursement, TransactionType::expenditure}))
            s.spent += t.value.amount();
        if (is_any_type(t.type, {TransactionType::outgoing_commitment, TransactionType::incoming_commitment})) {
            s.committed += t.value.amount();
        }
    }
    if (by_currency.empty()) by_currency[a.default_currency];
    for (const auto& [currency, s] : by_currency) {
        outside.push(0, a.identifier);
        outside.push(1, text_of(a.title));
        outside.push(2, a.reporting_org.ref);
        outside.push(3, text_of(a.reporting_org.name));
        outside.push(4, currency);
        outside.push(5, s.spent);
        outside.push(6, s.committed);
        outside.push(7, s.count);
        outside.push(8, file);
        outside.push(9, static_cast<std::int64_t>(a.provenance.line));
    }
}

}  // namespace aidtrack::iati_detail
