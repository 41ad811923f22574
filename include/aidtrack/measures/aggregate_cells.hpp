#pragma once
/// \file aggregate_cells.hpp
/// \brief The cells of an aggregate: (donor, fiscal year, objective) → sum, kept as one sorted
/// array.

#include <aidtrack/core/decimal.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace aidtrack::measures {

namespace detail {
struct AggregateBuilder;  // appends cells already in key order (src/measures/aggregate.cpp)
}

/// \brief One cell of an aggregate: exact sum and number of transaction pieces.
struct AggregateCell {
    Decimal::Raw value = 0;   ///< exact sum in units of 10^-9 of the target currency
    std::int64_t pieces = 0;  ///< transaction pieces counted (a two-way split counts twice)
    friend bool operator==(const AggregateCell&, const AggregateCell&) = default;
};

/// \brief Cells keyed by (donor ref, fiscal year, objective code), sorted by key in one array.
///
/// Reads like a const std::map — find, at, count, contains, iteration in key order — without a
/// node per cell: an aggregate fills tens of thousands of cells per call, already in key order,
/// so adding them is an append, and merging two results is one pass over both.
class AggregateCells {
public:
    /// A cell key: donor (reporting organisation ref), fiscal year, objective code.
    using Key = std::tuple<std::string, int, std::string>;
    using value_type = std::pair<Key, AggregateCell>;
    using const_iterator = std::vector<value_type>::const_iterator;
    using iterator = const_iterator;

    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
    [[nodiscard]] const_iterator begin() const noexcept { return entries_.begin(); }
    [[nodiscard]] const_iterator end() const noexcept { return entries_.end(); }

    /// The cell at `key`, or end().
    [[nodiscard]] const_iterator find(const Key& key) const;
    /// 1 when a cell has `key`, else 0 (as std::map::count).
    [[nodiscard]] std::size_t count(const Key& key) const { return find(key) == end() ? 0 : 1; }
    [[nodiscard]] bool contains(const Key& key) const { return find(key) != end(); }
    /// The cell at `key`; throws std::out_of_range naming the key when there is none.
    [[nodiscard]] const AggregateCell& at(const Key& key) const;

    /// Adds `cell` to the cell at `key`, creating it in its place; a key after every key held
    /// (the order an aggregate fills its cells in) is appended without a search.
    void add(Key key, const AggregateCell& cell);
    /// Adds every cell of `other`: one merge of the two sorted arrays.
    void add_all(const AggregateCells& other);
    /// Makes room for `n` cells.
    void reserve(std::size_t n) { entries_.reserve(n); }

    friend bool operator==(const AggregateCells&, const AggregateCells&) = default;

private:
    friend struct detail::AggregateBuilder;
    std::vector<value_type> entries_;
};

}  // namespace aidtrack::measures
