#pragma once
/// \file aggregate_cells.hpp
/// \brief The cells of an aggregate: (donor, fiscal year, objective) → sum, kept as one sorted
/// array of small keys beside the sorted names they point at.

#include <aidtrack/core/decimal.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
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

/// \brief A cell's key as positions in AggregateCells::donors() and AggregateCells::objectives().
///
/// The name lists are sorted, so these keys sort as the text keys they stand for.
struct AggregateKeyIds {
    std::uint32_t donor = 0;       ///< position in AggregateCells::donors()
    std::int32_t fiscal_year = 0;  ///< fiscal year (by its starting calendar year)
    std::uint32_t objective = 0;   ///< position in AggregateCells::objectives()
    friend auto operator<=>(const AggregateKeyIds&, const AggregateKeyIds&) = default;
};

/// \brief Cells keyed by (donor ref, fiscal year, objective code), sorted by key.
///
/// Reads like a const std::map — find, at, count, contains, iteration in key order yielding
/// (key, cell) pairs — without a node per cell. Each distinct donor and objective is held once,
/// in sorted name lists that every key points into: an aggregate fills tens of thousands of cells
/// per call from a few hundred names, so a cell takes 12 bytes of key instead of two strings,
/// filling the cells is an append, and merging two results is one pass over both. The name lists
/// hold exactly the names some cell uses, so equal cells compare equal member by member.
class AggregateCells {
public:
    /// A cell key: donor (reporting organisation ref), fiscal year, objective code.
    using Key = std::tuple<std::string, int, std::string>;
    /// What iteration yields: the key, with its names copied out, and the cell.
    using value_type = std::pair<Key, AggregateCell>;

    /// \brief Iterator in key order; dereferencing makes the (key, cell) pair.
    class const_iterator {
    public:
        // Random access over values made on request, as std::vector<bool>'s iterators are.
        using iterator_category = std::random_access_iterator_tag;
        using value_type = AggregateCells::value_type;
        using difference_type = std::ptrdiff_t;
        using reference = value_type;
        /// What operator-> points into: the pair, kept alive for the expression.
        struct pointer {
            value_type pair;
            const value_type* operator->() const noexcept { return &pair; }
        };

        const_iterator() = default;
        [[nodiscard]] value_type operator*() const { return cells_->entry(index_); }
        [[nodiscard]] pointer operator->() const { return {cells_->entry(index_)}; }
        [[nodiscard]] value_type operator[](difference_type n) const { return *(*this + n); }
        const_iterator& operator++() noexcept { return ++index_, *this; }
        const_iterator operator++(int) noexcept { return {cells_, index_++}; }
        const_iterator& operator--() noexcept { return --index_, *this; }
        const_iterator operator--(int) noexcept { return {cells_, index_--}; }
        const_iterator& operator+=(difference_type n) noexcept { return index_ += n, *this; }
        const_iterator& operator-=(difference_type n) noexcept { return index_ -= n, *this; }
        [[nodiscard]] friend const_iterator operator+(const_iterator it, difference_type n) noexcept { return it += n; }
        [[nodiscard]] friend const_iterator operator+(difference_type n, const_iterator it) noexcept { return it += n; }
        [[nodiscard]] friend const_iterator operator-(const_iterator it, difference_type n) noexcept { return it -= n; }
        [[nodiscard]] friend difference_type operator-(const const_iterator& a, const const_iterator& b) noexcept {
            return a.index_ - b.index_;
        }
        [[nodiscard]] friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
            return a.index_ == b.index_;
        }
        [[nodiscard]] friend auto operator<=>(const const_iterator& a, const const_iterator& b) noexcept {
            return a.index_ <=> b.index_;
        }
        /// The position of the cell in the sorted cells.
        [[nodiscard]] std::size_t index() const noexcept { return static_cast<std::size_t>(index_); }

    private:
        friend class AggregateCells;
        const_iterator(const AggregateCells* cells, difference_type index) : cells_(cells), index_(index) {}
        const AggregateCells* cells_ = nullptr;
        difference_type index_ = 0;
    };
    using iterator = const_iterator;

    [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
    [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    [[nodiscard]] const_iterator end() const noexcept { return {this, static_cast<std::ptrdiff_t>(keys_.size())}; }

    /// The cell at `key`, or end().
    [[nodiscard]] const_iterator find(const Key& key) const;
    /// 1 when a cell has `key`, else 0 (as std::map::count).
    [[nodiscard]] std::size_t count(const Key& key) const { return find(key) == end() ? 0 : 1; }
    [[nodiscard]] bool contains(const Key& key) const { return find(key) != end(); }
    /// The cell at `key`; throws std::out_of_range naming the key when there is none.
    [[nodiscard]] const AggregateCell& at(const Key& key) const;

    /// The donors the cells name, sorted; AggregateKeyIds::donor indexes it.
    [[nodiscard]] const std::vector<std::string>& donors() const noexcept { return donors_; }
    /// The objectives the cells name, sorted; AggregateKeyIds::objective indexes it.
    [[nodiscard]] const std::vector<std::string>& objectives() const noexcept { return objectives_; }
    /// Every cell's key as positions in donors() and objectives(), in key order.
    [[nodiscard]] std::span<const AggregateKeyIds> key_ids() const noexcept { return keys_; }
    /// Every cell, in key order (beside key_ids()).
    [[nodiscard]] std::span<const AggregateCell> values() const noexcept { return cells_; }

    /// Adds `cell` to the cell at `key`, creating it in its place; a key after every key held
    /// (the order an aggregate fills its cells in) is appended without moving any.
    void add(const Key& key, const AggregateCell& cell);
    /// Adds every cell of `other`: one merge of the two sorted arrays (and of their name lists).
    void add_all(const AggregateCells& other);
    /// Makes room for `n` cells.
    void reserve(std::size_t n) {
        keys_.reserve(n);
        cells_.reserve(n);
    }

    friend bool operator==(const AggregateCells&, const AggregateCells&) = default;

private:
    friend struct detail::AggregateBuilder;
    [[nodiscard]] value_type entry(std::ptrdiff_t index) const;

    std::vector<std::string> donors_;      // sorted, each used by some cell
    std::vector<std::string> objectives_;  // sorted, each used by some cell
    std::vector<AggregateKeyIds> keys_;    // sorted
    std::vector<AggregateCell> cells_;     // cells_[k] is the cell at keys_[k]
};

}  // namespace aidtrack::measures
