#pragma once
/// \file reconciliation.hpp
/// \brief The same flow seen by two parties — a donor's disbursement and the recipient's
/// incoming funds, or IATI and the government's own records — matched, with the gaps.
///
/// Matching rule: a flow of side A and one of side B match when they have the same currency,
/// dates at most `window_days` apart, the same provider organisation and the same receiver
/// organisation whenever both sides name one, the same provider and receiver activity ids
/// whenever both sides name one, and at least one organisation or activity id named on both
/// sides. Each A flow takes the candidate with the smallest value gap, then the nearest date,
/// then the earliest in B; a B flow is used once. Status: `matched` (equal values), `differing`
/// (a gap, B − A), `only_a`, `only_b`.

#include <aidtrack/core/money.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief One flow as one party records it.
struct FlowRecord {
    std::string provider_org;
    std::string receiver_org;
    std::string provider_activity;
    std::string receiver_activity;
    Date date;
    Money value;
    std::string file;  ///< where the record is
    std::uint32_t line = 0;
    std::string ref;  ///< the party's own reference (transaction ref, voucher number)
};

/// \brief How close two records must be to be the same flow.
struct ReconcileOptions {
    int window_days = 31;  ///< largest date difference of a match (default one month)
};

/// Loads a government (or any party's) flow CSV: header `provider_org,receiver_org,
/// provider_activity,receiver_activity,date,value,currency` and optional `ref`. Bad dates,
/// numbers or currencies throw naming file and line.
[[nodiscard]] std::vector<FlowRecord> load_flow_csv(const std::string& path);
/// Same, from a stream; `name` is used in errors.
[[nodiscard]] std::vector<FlowRecord> load_flow_csv(std::istream& in, const std::string& name);

/// The portfolio's transactions of `types` as flows: the provider activity of an outgoing
/// transaction (types 2, 3) and the receiver activity of an incoming one (types 1, 11) default
/// to the publishing activity, the provider/receiver org to its reporting org.
[[nodiscard]] std::vector<FlowRecord> flows_of(const Portfolio& portfolio, const std::vector<int>& types);

/// Matches side A against side B (see the file comment). Columns: status, currency, a_value,
/// b_value, gap (b − a), a_date, b_date, days_apart, provider_org, receiver_org,
/// provider_activity, receiver_activity, a_file, a_line, b_file, b_line, a_ref, b_ref.
[[nodiscard]] Table reconcile(const std::vector<FlowRecord>& a, const std::vector<FlowRecord>& b,
                              const ReconcileOptions& options = {});

/// Donor disbursements (type 3) against recipients' incoming funds (type 1) in one portfolio.
[[nodiscard]] Table reconcile_disbursements(const Portfolio& portfolio, const ReconcileOptions& options = {});

}  // namespace aidtrack
