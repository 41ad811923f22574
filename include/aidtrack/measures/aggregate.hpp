#pragma once
/// \file aggregate.hpp
/// \brief A fast, exact, mergeable group-by of transactions: donor × fiscal year × objective.
///
/// Rounding rule (the same as Portfolio::totals): the counted transactions of one activity are
/// summed exactly in their original currency per (fiscal year, currency, rate), where the rate is
/// the conversion factor ExchangeRates::factor gives for the row's conversion_day() (value date,
/// else date). Each such group is converted once (Decimal::scaled: one rounding, half to even, to
/// 10^-9); the converted sums of one activity and fiscal year are added and split once over the
/// activity's objectives by largest remainder in units of 10^-9, exactly as split_by_weights
/// does. Sums are 128-bit integers, so partial results of portfolios holding disjoint activities
/// merge into the result of their union bit for bit, in any order. The scan reads six narrow
/// columns through indexes built once per call (donor and split per activity; the days cut into
/// segments of one fiscal year and one rate per currency, and fiscal year and rate per segment)
/// and runs on `threads` threads over row ranges. The groups of a run of consecutive rows of one
/// activity are converted when the run ends; the runs at the edges of a thread's range, and every
/// run when an activity's rows are not consecutive, are merged across threads first, so the
/// result does not depend on the thread count or the row order.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/fiscal_calendar.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/aggregate_cells.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace aidtrack::measures {

/// \brief What aggregate() counts and how: transaction types, calendar, conversion, objectives.
struct AggregateQuery {
    std::set<int> types;                    ///< transaction types counted; empty = all
    FiscalCalendar calendar;                ///< fiscal years of the transaction dates
    CurrencyCode currency{"USD"};           ///< every value is converted into this currency
    const ExchangeRates* rates = nullptr;   ///< needed unless every value is already in `currency`
    ConversionPolicy policy;                ///< which rate a conversion uses
    std::vector<ActivityShare> objectives;  ///< activity → objective shares (absent percentage = 100)
    unsigned threads = 0;                   ///< 0 = one per 250 000 rows, at most the hardware's cores
};

/// \brief The result of aggregate(): cells keyed by (donor ref, fiscal year, objective code).
///
/// Keys are text, not indexes, so that results of different portfolios can be merged.
class AggregateResult {
public:
    /// A cell key: donor (reporting organisation ref), fiscal year, objective code.
    using Key = AggregateCells::Key;

    AggregateResult() = default;
    /// An empty result in `currency` for a calendar starting on `start_month`/`start_day`.
    AggregateResult(CurrencyCode currency, int start_month, int start_day)
        : currency_(currency), start_month_(start_month), start_day_(start_day) {}

    /// Adds `cell` to the cell at `key`.
    void add(const Key& key, const AggregateCell& cell) { cells_.add(key, cell); }
    /// Adds every cell of `other`; throws CurrencyError when currencies or calendars differ.
    AggregateResult& merge(const AggregateResult& other);
    /// The merge of two results (the result of the union of their portfolios).
    [[nodiscard]] friend AggregateResult merged(AggregateResult a, const AggregateResult& b) { return a.merge(b); }

    /// The cells, sorted by key.
    [[nodiscard]] const AggregateCells& cells() const noexcept { return cells_; }
    [[nodiscard]] CurrencyCode currency() const noexcept { return currency_; }
    [[nodiscard]] int start_month() const noexcept { return start_month_; }
    [[nodiscard]] int start_day() const noexcept { return start_day_; }
    /// Sum of every cell.
    [[nodiscard]] Decimal total() const;
    /// Rows donor, fiscal_year, objective, value, currency, transactions, sorted by key.
    [[nodiscard]] Table to_table() const;

    friend bool operator==(const AggregateResult&, const AggregateResult&) = default;

private:
    friend struct detail::AggregateBuilder;
    CurrencyCode currency_{"USD"};
    int start_month_ = 1;
    int start_day_ = 1;
    AggregateCells cells_;
};

/// \brief Sums of transaction values per donor × fiscal year × objective, exactly.
///
/// Throws RateNotFoundError naming the activity's file and the transaction's line when a value
/// needs a rate the table lacks, and CurrencyError when a conversion is needed without rates.
/// Activities without a mapping count as kUnmapped ("(unmapped)"); percentages summing to less
/// than 100 leave the rest unmapped, more than 100 are scaled to 100. Const and thread-safe.
[[nodiscard]] AggregateResult aggregate(const Portfolio& portfolio, const AggregateQuery& query);

/// \brief aggregate() with the objective shares kept apart from the query, read where they are.
///
/// For a caller that keeps one mapping for many calls (Python's `aidtrack.ObjectiveMapping`):
/// the shares are not copied into each query. `query.objectives` must be empty (ValidationError
/// otherwise, so that no share is silently left out); the result is that of aggregate() with
/// `query.objectives` holding `objectives`.
[[nodiscard]] AggregateResult aggregate(const Portfolio& portfolio, const AggregateQuery& query,
                                        std::span<const ActivityShare> objectives);

}  // namespace aidtrack::measures
