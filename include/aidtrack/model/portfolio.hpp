#pragma once
/// \file portfolio.hpp
/// \brief The Portfolio: every record of a programme of aid, with indexes and queries.

#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/fiscal_calendar.hpp>
#include <aidtrack/core/ids.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/core/text.hpp>
#include <aidtrack/model/activity.hpp>
#include <aidtrack/model/activity_index.hpp>
#include <aidtrack/model/budget.hpp>
#include <aidtrack/model/coordination_store.hpp>
#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/organisation.hpp>
#include <aidtrack/model/reporting_org_ids.hpp>
#include <aidtrack/model/results_store.hpp>
#include <aidtrack/model/rows_by_activity.hpp>
#include <aidtrack/model/transaction_extent.hpp>
#include <aidtrack/model/transaction_table.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace aidtrack {

/// \brief What a totals() query groups by.
enum class GroupKey {
    reporting_org,  ///< the activity's reporting organisation
    provider_org,   ///< the transaction's provider organisation
    receiver_org,   ///< the transaction's receiver organisation
    activity,       ///< the activity identifier
    type,           ///< transaction type code
    currency,       ///< original currency
    year,           ///< calendar year of the transaction date
    fiscal_year,    ///< fiscal year of the transaction date in the query's calendar
    sector,         ///< sector code, splitting by percentage
    country,        ///< recipient country, splitting by percentage
};

/// \brief A totals() query: keys, filters, calendar and an optional conversion.
struct TotalsQuery {
    std::vector<GroupKey> by;              ///< grouping keys, in output column order
    std::set<int> types;                   ///< transaction types to include; empty = all
    FiscalCalendar calendar;               ///< for GroupKey::fiscal_year
    std::optional<CurrencyCode> currency;  ///< convert into this currency (needs rates)
    const ExchangeRates* rates = nullptr;  ///< must outlive the call
    ConversionPolicy policy;               ///< which rate a conversion uses
    std::optional<int> year_from;          ///< keep transactions dated in or after this calendar year
    std::optional<int> year_to;            ///< …and in or before this one
};

/// \brief Owns every record of a programme of aid — activities, organisations, transactions,
/// budgets, planned disbursements, results and coordination records — with indexes by
/// identifier and the queries the measures build on.
///
/// Adding records is not thread-safe; const queries are, and may run from several threads.
class Portfolio {
public:
    Portfolio() = default;

    // --- activities -------------------------------------------------------------------------
    /// Adds an activity; throws ValidationError when its identifier is empty or already present.
    std::uint32_t add_activity(Activity activity);
    /// Adds many activities at once, in order (bulk loaders): the same checks as add_activity,
    /// without moving each record again.
    void add_activities(std::vector<Activity> activities);
    /// Makes room for `more` activities and as many transactions, so bulk loaders adding them
    /// one by one do not move the records already held.
    void reserve(std::size_t more_activities, std::size_t more_transactions = 0);
    /// Replaces the activity at `index` (same identifier required).
    void replace_activity(std::uint32_t index, Activity activity);
    [[nodiscard]] const Activity& activity(std::uint32_t index) const { return activities_.at(index); }
    /// The activity with `id`; throws NotFoundError.
    [[nodiscard]] const Activity& activity(const ActivityId& id) const;
    /// Index of the activity with `id`, if present.
    [[nodiscard]] std::optional<std::uint32_t> find_activity(std::string_view id) const;
    /// Index of the activity with each of `ids` (nullopt where absent), in order: the look-ups
    /// overlap their cache misses, which one call per identifier cannot.
    [[nodiscard]] std::vector<std::optional<std::uint32_t>> find_activities(
        std::span<const std::string_view> ids) const;
    [[nodiscard]] const std::vector<Activity>& activities() const noexcept { return activities_; }
    [[nodiscard]] std::size_t activity_count() const noexcept { return activities_.size(); }
    /// Each activity's reporting-organisation ref as an id into one list of refs (group-bys per
    /// donor read these instead of the records).
    [[nodiscard]] const ReportingOrgIds& reporting_org_ids() const noexcept { return reporting_org_ids_; }

    // --- organisations ----------------------------------------------------------------------
    /// Adds or updates (by ref) an organisation.
    void upsert_organisation(Organisation organisation);
    /// The organisation with `ref`, or nullptr.
    [[nodiscard]] const Organisation* find_organisation(std::string_view ref) const;
    [[nodiscard]] const std::vector<Organisation>& organisations() const noexcept { return organisations_; }
    /// A display name for `ref`: the organisation's short name, name, or the ref itself.
    [[nodiscard]] std::string organisation_name(std::string_view ref) const;

    // --- money ------------------------------------------------------------------------------
    /// Adds a transaction of an existing activity; returns its row.
    std::size_t add_transaction(const Transaction& t);
    /// Adds every row of `rows` (bulk loaders building the columns themselves); each row's
    /// activity index must exist. Throws NotFoundError naming the first row that does not, and
    /// then adds nothing. Takes the columns as they are when the portfolio holds no transaction.
    void add_transactions(TransactionTable rows);
    void add_budget(Budget budget);
    void add_planned_disbursement(PlannedDisbursement pd);
    [[nodiscard]] const TransactionTable& transactions() const noexcept { return transactions_; }
    [[nodiscard]] const std::vector<Budget>& budgets() const noexcept { return budgets_; }
    [[nodiscard]] const std::vector<PlannedDisbursement>& planned_disbursements() const noexcept {
        return planned_disbursements_;
    }
    /// Rows of the transactions of activity `index`, in table order.
    [[nodiscard]] std::vector<std::uint32_t> transactions_of(std::uint32_t index) const;
    /// The days and currencies the transactions span (the rates a conversion needs); computed
    /// once and kept until transactions are added.
    [[nodiscard]] TransactionExtent transaction_extent() const { return transaction_extent_.get(transactions_); }

    // --- other records ----------------------------------------------------------------------
    [[nodiscard]] ResultsStore& results() noexcept { return results_; }
    [[nodiscard]] const ResultsStore& results() const noexcept { return results_; }
    [[nodiscard]] CoordinationStore& coordination() noexcept { return coordination_; }
    [[nodiscard]] const CoordinationStore& coordination() const noexcept { return coordination_; }

    // --- diagnostics ------------------------------------------------------------------------
    /// Problems found while building the portfolio (kept with it, saved in archives).
    [[nodiscard]] const Diagnostics& diagnostics() const noexcept { return diagnostics_; }
    void add_diagnostic(Diagnostic d) { diagnostics_.push_back(std::move(d)); }
    void add_diagnostics(const Diagnostics& ds) { diagnostics_.insert(diagnostics_.end(), ds.begin(), ds.end()); }

    // --- queries ----------------------------------------------------------------------------
    /// Sums of transaction values grouped by the query's keys, exactly.
    ///
    /// Columns: one per key, then `value` (Decimal), `currency` and `transactions` (rows
    /// counted). Without a conversion, a group holding several currencies throws CurrencyError:
    /// group by currency or convert. Splits by sector or country take the transaction's own
    /// code when it has one, else the activity's list with its percentages; percentages that
    /// do not sum to 100 are scaled to 100 and a note names each such activity. Pieces are
    /// allocated by largest remainder so that they add back to each value exactly.
    [[nodiscard]] Table totals(const TotalsQuery& query) const;

    /// Shares of activity `index` for a split: (code, weight) with weights summing to 10^9 parts
    /// per unit, and a note when the published percentages had to be corrected.
    struct Share {
        std::string code;
        Decimal::Raw weight;  ///< proportional weight, compared only to its siblings
    };
    [[nodiscard]] std::vector<Share> sector_shares(std::uint32_t index, std::string* note = nullptr) const;
    [[nodiscard]] std::vector<Share> country_shares(std::uint32_t index, std::string* note = nullptr) const;

    /// Equality of every record (indexes excluded), used by archive round-trip tests.
    friend bool operator==(const Portfolio& a, const Portfolio& b);

    /// Saves and loads (see io/archive.hpp): declared here so users need one header.
    void save(const std::string& path, const std::string& format = "compact") const;
    [[nodiscard]] static Portfolio load(const std::string& path);

private:
    template <class Archive>
    friend void serialize_portfolio(Archive& ar, Portfolio& p, unsigned int version);

    std::vector<Activity> activities_;
    ActivityIndex activity_index_;
    ReportingOrgIds reporting_org_ids_;  ///< kept by every writer of activities_
    std::vector<Organisation> organisations_;
    std::unordered_map<std::string, std::size_t> organisation_index_;
    TransactionTable transactions_;
    std::vector<Budget> budgets_;
    std::vector<PlannedDisbursement> planned_disbursements_;
    ResultsStore results_;
    CoordinationStore coordination_;
    Diagnostics diagnostics_;

    RowsByActivity rows_by_activity_;            ///< built on first use; copies and moves start stale
    TransactionExtentCache transaction_extent_;  ///< computed on first use; copies and moves start stale
};

}  // namespace aidtrack
