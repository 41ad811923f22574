#pragma once
/// \file bid_evaluation.hpp
/// \brief Reproducible ranking of bids for a lot under a tender's evaluation rule.

#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/procurement.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief A bid with its scores and place under an evaluation rule.
struct RankedBid {
    std::string bid;
    std::string operator_ref;
    Money price;
    Decimal technical_score;
    std::optional<Decimal> price_score;     ///< quality-cost only: lowest price / price × 100
    std::optional<Decimal> combined_score;  ///< quality-cost only
    bool acceptable = false;                ///< accredited and at or above the threshold
    std::string reason;                     ///< why not acceptable
    std::optional<int> rank;                ///< 1 = winner; empty when not acceptable
};

/// Ranks the bids on `lot` under `rule` (the tender's own rule when empty). Acceptable bids come
/// first by the rule, ties broken by higher technical score, lower price, operator ref, then
/// bid ref; unacceptable bids follow in bid ref order without a rank. Throws CurrencyError when
/// bids on the lot are in different currencies.
[[nodiscard]] std::vector<RankedBid> rank_bids(const Tender& tender, const std::string& lot,
                                               const std::optional<EvaluationRule>& rule = std::nullopt);

/// The ranking as a table. Columns: rank, bid, operator, price, currency, technical_score,
/// price_score, combined_score, acceptable, reason.
[[nodiscard]] Table bid_ranking_table(const Tender& tender, const std::string& lot,
                                      const std::optional<EvaluationRule>& rule = std::nullopt);

}  // namespace aidtrack
