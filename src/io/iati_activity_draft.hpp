#pragma once
/// \file iati_activity_draft.hpp
/// \brief An activity as its elements are read, before the whole of it is known: its money
/// waits for the activity's defaults, and its records for the selection.

#include <aidtrack/model/activity.hpp>
#include <aidtrack/model/budget.hpp>
#include <aidtrack/model/transaction_table.hpp>
#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "iati_staging.hpp"
#include "iati_values.hpp"

namespace aidtrack::iati_detail {

/// \brief A `<transaction>` read, its money not yet settled.
struct PendingTransaction {
    Transaction row;
    PendingMoney money;
    bool valid = true;
    bool has_type = false;  // a <transaction-type> was seen
    // provider-org and receiver-org, when they have a ref: their narratives are read only if
    // they name a ref the activity has not named yet (see settle_activity), while the batch's
    // tree is still there.
    pugi::xml_node provider;
    pugi::xml_node receiver;
};

/// \brief A `<budget>` read, its money not yet settled.
struct PendingBudget {
    Budget budget;
    PendingMoney money;
    bool valid = true;
};

/// \brief A `<planned-disbursement>` read, its money not yet settled.
struct PendingPlanned {
    PlannedDisbursement planned;
    PendingMoney money;
    bool valid = true;
};

/// \brief Everything read from one `<iati-activity>`.
struct ActivityDraft {
    Activity activity;
    std::vector<PendingTransaction> transactions;
    std::vector<PendingBudget> budgets;
    std::vector<PendingPlanned> planned;
    pugi::xml_node identifier_node;  ///< the `<iati-identifier>`, for problems (null without one)
};

/// Settles the draft of `node` now that the whole activity is known: money in the activity's
/// default currency where a value has none, transaction defaults from the activity's, and the
/// names organisations are given. Invalid records are left out, counted in `records_skipped`.
StagedActivity settle_activity(ActivityDraft draft, const pugi::xml_node& node, ValueReader& in,
                               std::size_t& records_skipped);

}  // namespace aidtrack::iati_detail
