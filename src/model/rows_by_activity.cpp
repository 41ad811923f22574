#include <aidtrack/model/rows_by_activity.hpp>

namespace aidtrack {

void RowsByActivity::rebuild(std::size_t activity_count, const TransactionTable& table) const {
    // Counting sort of rows by activity: two passes, no per-activity allocation.
    const std::size_t n = table.size();
    offsets_.assign(activity_count + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++offsets_[table.activity[i] + 1];
    for (std::size_t a = 0; a < activity_count; ++a) offsets_[a + 1] += offsets_[a];
    rows_.assign(n, 0);
    std::vector<std::uint32_t> cursor(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t i = 0; i < n; ++i) rows_[cursor[table.activity[i]]++] = static_cast<std::uint32_t>(i);
    fresh_ = true;
}

std::vector<std::uint32_t> RowsByActivity::rows(std::uint32_t index, std::size_t activity_count,
                                                const TransactionTable& table) const {
    std::lock_guard lock(mutex_);
    if (!fresh_ || offsets_.size() != activity_count + 1) rebuild(activity_count, table);
    return {rows_.begin() + offsets_[index], rows_.begin() + offsets_[index + 1]};
}

}  // namespace aidtrack
