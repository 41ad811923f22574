/// \file iati_summary.cpp
/// \brief Counts and exact sums of a Portfolio in the `aidtrack summarize --json` contract.

#include <aidtrack/io/iati_reader.hpp>

#include <sstream>

namespace aidtrack {
namespace {

void write_sums(std::ostringstream& out, const std::map<std::string, Decimal>& sums) {
    out << '{';
    bool first = true;
    for (const auto& [key, sum] : sums) {
        if (!first) out << ", ";
        first = false;
        // Keys are "TYPE|CUR" or "CUR": digits, '|' and ISO letters, nothing to escape.
        out << '"' << key << "\": \"" << sum.to_string(2) << '"';
    }
    out << '}';
}

}  // namespace

IatiSummary summarize_iati(const Portfolio& portfolio) {
    IatiSummary s;
    s.activities = portfolio.activity_count();
    const TransactionTable& t = portfolio.transactions();
    s.transactions = t.size();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string key = std::to_string(t.type[i]) + "|" + CurrencyCode::from_packed(t.currency[i]).str();
        s.transactions_by_type_currency[key] += Decimal::from_raw(t.value[i]);
    }
    s.budgets = portfolio.budgets().size();
    for (const auto& b : portfolio.budgets()) {
        s.budgets_by_type_currency[std::to_string(b.type) + "|" + b.value.currency().str()] += b.value.amount();
    }
    s.planned_disbursements = portfolio.planned_disbursements().size();
    for (const auto& p : portfolio.planned_disbursements())
        s.planned_by_currency[p.value.currency().str()] += p.value.amount();
    for (const auto& a : portfolio.activities()) {
        s.results += a.results.size();
        for (const auto& r : a.results) {
            s.indicators += r.indicators.size();
            for (const auto& i : r.indicators) s.periods += i.periods.size();
        }
    }
    s.warnings = portfolio.diagnostics().size();
    return s;
}

std::string IatiSummary::to_json() const {
    std::ostringstream out;
    out << "{\"activities\": " << activities << ", \"transactions\": {\"count\": " << transactions
        << ", \"by_type_currency\": ";
    write_sums(out, transactions_by_type_currency);
    out << "}, \"budgets\": {\"count\": " << budgets << ", \"by_type_currency\": ";
    write_sums(out, budgets_by_type_currency);
    out << "}, \"planned_disbursements\": {\"count\": " << planned_disbursements << ", \"by_currency\": ";
    write_sums(out, planned_by_currency);
    out << "}, \"results\": {\"results\": " << results << ", \"indicators\": " << indicators
        << ", \"periods\": " << periods << "}, \"warnings\": " << warnings << "}";
    return out.str();
}

}  // namespace aidtrack
