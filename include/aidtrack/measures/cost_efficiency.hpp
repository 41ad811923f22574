#pragma once
/// \file cost_efficiency.hpp
/// \brief Cost per square metre released, joining land release to the money of its funding activity.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <optional>
#include <set>
#include <vector>

namespace aidtrack {

/// \brief What cost_per_m2() groups by.
enum class CostKey : std::uint8_t { operator_name, method, province, donor, year, activity };

/// \brief A cost-efficiency query: keys, target currency, rates and the transactions counted.
struct CostQuery {
    std::vector<CostKey> by;               ///< grouping keys in column order; empty = one total row
    CurrencyCode currency{"USD"};          ///< currency of the costs
    const ExchangeRates* rates = nullptr;  ///< needed when a transaction is in another currency
    ConversionPolicy policy;               ///< which rate converts each transaction
    /// Transaction types that count as money spent (IATI codes: disbursement 3, expenditure 4).
    std::set<int> types = type_codes({TransactionType::disbursement, TransactionType::expenditure});
    std::optional<int> year_from;  ///< keep releases (and transactions) from this year on
    std::optional<int> year_to;    ///< …up to this year
};

/// Cost per m² released. The money of each funding activity — its expenditures (type 4) when it
/// reports any and 4 is counted, else its disbursements (type 3), so that one flow is not
/// counted twice — is converted into `currency` transaction by transaction (rate of the value
/// date, else the transaction date — conversion_date() — under `policy`) and shared among the releases it funded in
/// proportion to their area, exactly (largest remainder to the cent). Columns: the keys,
/// `releases`, `area_m2`, `cost` (Decimal), `currency`, `cost_per_m2` (undefined for no area).
/// Releases without a funding activity, with an unknown one or one without money are left
/// out and counted in the notes.
[[nodiscard]] Table cost_per_m2(const Portfolio& portfolio, const CostQuery& query = {});

}  // namespace aidtrack
