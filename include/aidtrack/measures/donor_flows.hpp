#pragma once
/// \file donor_flows.hpp
/// \brief The shared step of every measure: money per donor × government fiscal year, converted,
/// re-bucketed from donor calendars and counted once along multi-hop chains.
///
/// Formula: for each counted transaction t of donor d, amount(t) × rate(t) is placed in the
/// government fiscal year containing its date; when d reports in its own fiscal calendar
/// (MeasureOptions::donor_calendars) the amount stands for d's fiscal year containing the date
/// and is spread over the government's years by days (FiscalCalendar::prorate, exact largest
/// remainder). Scheduled money (planned disbursements) is spread by days over its period.
///
/// Multi-hop flows (FlowHop::origin, the default): an activity is *pass-through* when another
/// activity of the portfolio sends it money (an outgoing transaction whose receiver-activity-id
/// is that activity) or when it records incoming funds whose provider-activity-id is another
/// activity of the portfolio. Transactions and plans of pass-through activities are not counted,
/// so money from a donor to UNDP that UNDP passes to CMAA counts once, for the donor, at the
/// first hop. Caveat: money a pass-through activity spends from its own resources is left out
/// too; FlowHop::reported counts every hop as published.
///
/// Methodology: `donor-flows` (no variants). Source: DESIGN principle "no double counting";
/// IATI 2.03 transaction provider-org provider-activity-id and receiver-org receiver-activity-id attributes.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace aidtrack::measures {

/// \brief A piece of money attributed to one donor and one government fiscal year.
struct FlowPiece {
    std::string donor;           ///< organisation ref of the donor
    int fiscal_year = 0;         ///< government fiscal year (by its starting calendar year)
    std::uint32_t activity = 0;  ///< activity index in the portfolio
    std::int64_t record =
        -1;          ///< transaction row; for schedules the planned-disbursement index, or planned count + budget index
    Decimal amount;  ///< in FlowSet::currency
};

/// \brief Flow pieces in one currency, with what was skipped and why.
struct FlowSet {
    CurrencyCode currency;                 ///< currency of every piece (empty when there is none)
    std::vector<FlowPiece> pieces;         ///< in record order
    std::size_t pass_through_records = 0;  ///< records left out as later hops of a chain
    std::vector<std::string> notes;        ///< conversion, re-bucketing and hop notes
};

/// \brief Chooses transaction rows; gets the portfolio and the row.
using RowFilter = std::function<bool(const Portfolio&, std::size_t)>;

/// \brief Activities whose money comes from another activity of the portfolio (see file page).
[[nodiscard]] std::set<std::uint32_t> pass_through_activities(const Portfolio& portfolio);

/// \brief The donor of transaction `row` under `options.donor`.
[[nodiscard]] std::string donor_of_transaction(const Portfolio& portfolio, std::size_t row,
                                               const MeasureOptions& options);

/// \brief Whether transaction `row` goes to the government sector: its receiver is one of
/// options.government_orgs, or an organisation of type 10 (government) or 15 (other public
/// sector) seated in options.country.
[[nodiscard]] bool to_government(const Portfolio& portfolio, std::size_t row, const MeasureOptions& options);
/// \brief Same test for an organisation ref.
[[nodiscard]] bool is_government_org(const Portfolio& portfolio, const std::string& ref, const MeasureOptions& options);

/// \brief Transactions of the given types (IATI codes; default 3 disbursement) per donor ×
/// government fiscal year, after hop selection, conversion and re-bucketing; only the
/// fiscal years in options.years when it is not empty. Mixed currencies without a target
/// currency throw CurrencyError; a target currency without rates throws CurrencyError.
[[nodiscard]] FlowSet transaction_flows(const Portfolio& portfolio, const MeasureOptions& options,
                                        const std::set<int>& types = type_codes({TransactionType::disbursement}),
                                        const RowFilter& filter = {});

/// \brief Scheduled disbursements per donor × fiscal year: planned disbursements spread by days
/// over their periods (type 2 revised replaces type 1 original for the same activity and
/// period); with options.budgets_as_schedule_fallback, the budgets of activities that have no
/// planned disbursement (revised over original), noted in the set. `government_only` keeps
/// plans whose receiver (else the activity's implementing organisations) is government.
[[nodiscard]] FlowSet scheduled_flows(const Portfolio& portfolio, const MeasureOptions& options,
                                      bool government_only = false);

/// \brief Disbursements per donor × fiscal year as an auditable table.
///
/// Columns: donor, donor_name, fiscal_year, fiscal_label, amount (Decimal), currency, records
/// (transactions counted), pass_through_records (this organisation's records skipped as later
/// hops), hop. Plus one "(all)" row per year when options.totals.
[[nodiscard]] Table donor_flows(const Portfolio& portfolio, const MeasureOptions& options);

}  // namespace aidtrack::measures
