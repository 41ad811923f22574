#pragma once
/// \file rows_by_activity.hpp
/// \brief The Portfolio's lazily built index of transaction rows by activity.

#include <aidtrack/model/transaction_table.hpp>

#include <cstdint>
#include <mutex>
#include <vector>

namespace aidtrack {

/// \brief Transaction rows grouped by activity, built on first use and rebuilt after changes.
///
/// A member of Portfolio. Copying or moving it yields an empty, stale index (the rows belong to
/// the table it indexes, not to the index), so that Portfolio can use the compiler's copy and
/// move: a new record added to Portfolio needs no hand-written special member.
/// Thread-safe for concurrent const readers; `invalidate` is called by the (non-const) writers.
class RowsByActivity {
public:
    RowsByActivity() = default;
    RowsByActivity(const RowsByActivity&) noexcept {}
    RowsByActivity(RowsByActivity&&) noexcept {}
    RowsByActivity& operator=(const RowsByActivity&) noexcept {
        invalidate();
        return *this;
    }
    RowsByActivity& operator=(RowsByActivity&&) noexcept {
        invalidate();
        return *this;
    }
    ~RowsByActivity() = default;

    /// Marks the index stale after the table or the activity count changed.
    void invalidate() noexcept {
        std::lock_guard lock(mutex_);
        fresh_ = false;
    }

    /// Rows of activity `index` in table order, building the index when stale.
    /// `activity_count` bounds the activity indexes the table holds.
    [[nodiscard]] std::vector<std::uint32_t> rows(std::uint32_t index, std::size_t activity_count,
                                                  const TransactionTable& table) const;

private:
    void rebuild(std::size_t activity_count, const TransactionTable& table) const;

    mutable std::mutex mutex_;
    mutable bool fresh_ = false;
    mutable std::vector<std::uint32_t> offsets_;  ///< rows of activity a: [offsets_[a], offsets_[a+1])
    mutable std::vector<std::uint32_t> rows_;
};

}  // namespace aidtrack
