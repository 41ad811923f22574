#pragma once
/// \file transaction_extent.hpp
/// \brief The days and currencies a transaction table spans, and the Portfolio's cached copy.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/date.hpp>
#include <aidtrack/model/transaction_table.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace aidtrack {

/// \brief The first and last day a transaction table mentions (transaction and value dates alike)
/// and every currency its rows are in: what a conversion needs rates for.
struct TransactionExtent {
    std::int32_t first_day = day_number::kNone;  ///< day number of the earliest date; kNone when no row is dated
    std::int32_t last_day = day_number::kNone;   ///< day number of the latest date; kNone when no row is dated
    std::vector<CurrencyCode> currencies;  ///< each currency once, alphabetically; the empty code for rows without one

    /// The extent of `table`: one pass over its date, value-date and currency columns.
    [[nodiscard]] static TransactionExtent of(const TransactionTable& table);

    /// True when at least one row has a date.
    [[nodiscard]] bool dated() const noexcept { return first_day != day_number::kNone; }
    /// The earliest date, if any row is dated.
    [[nodiscard]] std::optional<Date> first_date() const;
    /// The latest date, if any row is dated.
    [[nodiscard]] std::optional<Date> last_date() const;

    bool operator==(const TransactionExtent&) const = default;
};

/// \brief The extent of the Portfolio's transactions, computed on first use and again after rows
/// are added.
///
/// A member of Portfolio, like RowsByActivity: copying or moving it yields a stale cache, so that
/// Portfolio keeps the compiler's copy and move. Thread-safe for concurrent const readers;
/// `invalidate` is called by the (non-const) writers.
class TransactionExtentCache {
public:
    TransactionExtentCache() = default;
    TransactionExtentCache(const TransactionExtentCache&) noexcept {}
    TransactionExtentCache(TransactionExtentCache&&) noexcept {}
    TransactionExtentCache& operator=(const TransactionExtentCache&) noexcept {
        invalidate();
        return *this;
    }
    TransactionExtentCache& operator=(TransactionExtentCache&&) noexcept {
        invalidate();
        return *this;
    }
    ~TransactionExtentCache() = default;

    /// Marks the extent stale after rows were added.
    void invalidate() noexcept {
        std::lock_guard lock(mutex_);
        fresh_ = false;
    }
    /// The extent of `table`, computed when stale.
    [[nodiscard]] TransactionExtent get(const TransactionTable& table) const;

private:
    mutable std::mutex mutex_;
    mutable bool fresh_ = false;
    mutable TransactionExtent extent_;
};

}  // namespace aidtrack
