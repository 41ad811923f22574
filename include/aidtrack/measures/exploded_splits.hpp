#pragma once
/// \file exploded_splits.hpp
/// \brief "Exploded" tables: one row per transaction (or budget) × sector × recipient country
/// (× strategy objective), pieces that add back to each record exactly to the cent.
///
/// Weights: the record's own sector (transaction-level) or the activity's sector list with its
/// percentages (DAC 5-digit preferred, Portfolio::sector_shares); likewise for recipient
/// countries. The weight of a piece is the product of its sector, country and objective
/// weights, and the record's value is split over all pieces at once with
/// split_by_weights(…, places): largest remainder, ties to the earlier piece, so the pieces
/// add back to the value exactly. Conversion: the whole record is converted once
/// (ExchangeRates::convert, rate of the value date, else the transaction date or the budget's
/// period start), rounded half-even to `places`, then split with the same weights, so the
/// converted pieces also add back exactly to the converted record.

#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief A strategy objective and the share of a sector's money it takes.
struct ObjectiveShare {
    std::string objective;  ///< e.g. "NMAS goal 1"
    Decimal weight;         ///< relative weight (e.g. a percentage); compared to its siblings only
};

/// \brief What to explode and how.
struct ExplodeOptions {
    bool budgets = false;                  ///< explode budgets instead of transactions
    std::set<int> types;                   ///< transaction types to keep; empty = all
    std::optional<CurrencyCode> currency;  ///< convert into this currency (needs rates)
    const ExchangeRates* rates = nullptr;  ///< must outlive the call
    ConversionPolicy policy;               ///< which rate a conversion uses
    /// Sector code → objectives; when not empty, pieces are also split by objective. Sectors
    /// without a mapping get the objective "" (unmapped).
    std::map<std::string, std::vector<ObjectiveShare>> objectives;
    int places = 2;  ///< decimals of the pieces (2 = cents)
};

/// Explodes the transactions (or budgets) of `portfolio`. Columns: record_kind, record (index
/// of the transaction or budget), activity_id, reporting_org, file, line, type, date, sector,
/// country, objective, weight (share of the record, exact to 10^-9), value, currency,
/// record_value; with a conversion also value_converted, currency_converted,
/// record_value_converted, rate (factor applied), rate_date and rate_source.
/// Throws CurrencyError without rates, RateNotFoundError for a missing rate or date.
[[nodiscard]] Table explode(const Portfolio& portfolio, const ExplodeOptions& options = {});

}  // namespace aidtrack
