#pragma once
/// \file secondary_reporters.hpp
/// \brief Secondary reporters (`reporting-org/@secondary-reporter="1"`): listed, and kept out of
/// donor totals when the primary publisher reports the same activity or flow.
///
/// Rule: a secondary-reported activity S is *also reported by its primary* when an activity P
/// published without the secondary flag by one of S's funding, accountable or extending
/// organisations (participating-org roles 1, 2, 3; not S's own reporting org) is linked to S by
/// any of: P's identifier is S's `participating-org/@activity-id`; S and P name each other in
/// related-activity; a transaction of one names the other as provider- or receiver-activity-id.
/// Such an S is excluded from donor totals by default (SecondaryOptions::include = false);
/// secondary-reported activities without a primary counterpart are always counted.

#include <aidtrack/core/table.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <set>
#include <vector>

namespace aidtrack {

/// \brief How donor totals treat secondary reporters.
struct SecondaryOptions {
    bool include = false;  ///< count secondary-reported activities even when the primary reports them
    std::set<int> types;   ///< transaction types in donor totals; empty = all
};

/// Every secondary-reported activity: activity_id, reporting_org, file, line, primary_org,
/// primary_activity, match (the rule that linked them, "" when none), counted (1/0 under
/// `options`), transactions (rows of the activity).
[[nodiscard]] Table secondary_reporters(const Portfolio& portfolio, const SecondaryOptions& options = {});

/// One flag per activity: 1 when its money is left out of donor totals under `options`.
[[nodiscard]] std::vector<std::uint8_t> secondary_exclusions(const Portfolio& portfolio,
                                                             const SecondaryOptions& options = {});

/// Exact transaction sums by reporting_org × type × currency with secondary reporters treated
/// by `options`; columns reporting_org, type, currency, value, transactions, excluded_value
/// (the money of excluded secondary reports in that group, for the record).
[[nodiscard]] Table donor_totals(const Portfolio& portfolio, const SecondaryOptions& options = {});

}  // namespace aidtrack
