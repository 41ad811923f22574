/// \file aggregate_cells.cpp
/// \brief Look-up, insertion in order and merging of an aggregate's sorted cells.

#include <aidtrack/measures/aggregate_cells.hpp>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace aidtrack::measures {

namespace {

bool key_less(const AggregateCells::value_type& entry, const AggregateCells::Key& key) { return entry.first < key; }

}  // namespace

AggregateCells::const_iterator AggregateCells::find(const Key& key) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key, key_less);
    return it != entries_.end() && it->first == key ? it : entries_.end();
}

const AggregateCell& AggregateCells::at(const Key& key) const {
    const auto it = find(key);
    if (it == end())
        throw std::out_of_range("no aggregate cell for donor '" + std::get<0>(key) + "', fiscal year " +
                                std::to_string(std::get<1>(key)) + ", objective '" + std::get<2>(key) + "'");
    return it->second;
}

void AggregateCells::add(Key key, const AggregateCell& cell) {
    if (entries_.empty() || entries_.back().first < key) {
        entries_.emplace_back(std::move(key), cell);
        return;
    }
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key, key_less);
    if (it != entries_.end() && it->first == key) {
        it->second.value += cell.value;
        it->second.pieces += cell.pieces;
        return;
    }
    entries_.emplace(it, std::move(key), cell);
}

void AggregateCells::add_all(const AggregateCells& other) {
    if (other.empty()) return;
    if (empty() || entries_.back().first < other.entries_.front().first) {
        entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
        return;
    }
    std::vector<value_type> merged;
    merged.reserve(entries_.size() + other.entries_.size());
    auto a = entries_.begin();
    auto b = other.entries_.begin();
    while (a != entries_.end() && b != other.entries_.end()) {
        if (a->first < b->first) {
            merged.push_back(std::move(*a++));
        } else if (b->first < a->first) {
            merged.push_back(*b++);
        } else {
            // Summed before the key is moved: `other` may be this very array.
            const AggregateCell sum{a->second.value + b->second.value, a->second.pieces + b->second.pieces};
            merged.emplace_back(std::move(a->first), sum);
            ++a;
            ++b;
        }
    }
    std::move(a, entries_.end(), std::back_inserter(merged));
    std::copy(b, other.entries_.end(), std::back_inserter(merged));
    entries_ = std::move(merged);
}

}  // namespace aidtrack::measures
