/// \file aggregate_cells.cpp
/// \brief Look-up, insertion in order and merging of an aggregate's sorted cells and names.

#include <aidtrack/measures/aggregate_cells.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace aidtrack::measures {

namespace {

// The position of `name` in sorted `names`, when it is there.
std::optional<std::uint32_t> position_of(const std::vector<std::string>& names, const std::string& name) {
    const auto it = std::lower_bound(names.begin(), names.end(), name);
    if (it == names.end() || *it != name) return std::nullopt;
    return static_cast<std::uint32_t>(it - names.begin());
}

// The position of `name` in sorted `names`, inserted where it sorts when new; `inserted` tells.
std::uint32_t place_of(std::vector<std::string>& names, const std::string& name, bool& inserted) {
    const auto it = std::lower_bound(names.begin(), names.end(), name);
    const auto at = static_cast<std::uint32_t>(it - names.begin());
    inserted = it == names.end() || *it != name;
    if (inserted) names.insert(it, name);
    return at;
}

// The sorted union of two sorted name lists, and where each name of either went.
std::vector<std::string> united(const std::vector<std::string>& a, const std::vector<std::string>& b,
                                std::vector<std::uint32_t>& a_to, std::vector<std::uint32_t>& b_to) {
    std::vector<std::string> out;
    out.reserve(std::max(a.size(), b.size()));
    a_to.resize(a.size());
    b_to.resize(b.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        const auto here = static_cast<std::uint32_t>(out.size());
        if (j == b.size() || (i < a.size() && a[i] < b[j])) {
            a_to[i] = here;
            out.push_back(a[i++]);
        } else if (i == a.size() || b[j] < a[i]) {
            b_to[j] = here;
            out.push_back(b[j++]);
        } else {
            a_to[i] = here;
            b_to[j++] = here;
            out.push_back(a[i++]);
        }
    }
    return out;
}

}  // namespace

AggregateCells::value_type AggregateCells::entry(std::ptrdiff_t index) const {
    const auto k = static_cast<std::size_t>(index);
    const AggregateKeyIds& key = keys_[k];
    return {Key{donors_[key.donor], key.fiscal_year, objectives_[key.objective]}, cells_[k]};
}

AggregateCells::const_iterator AggregateCells::find(const Key& key) const {
    const auto donor = position_of(donors_, std::get<0>(key));
    const auto objective = position_of(objectives_, std::get<2>(key));
    if (!donor || !objective) return end();
    const AggregateKeyIds ids{*donor, std::get<1>(key), *objective};
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), ids);
    if (it == keys_.end() || *it != ids) return end();
    return {this, it - keys_.begin()};
}

const AggregateCell& AggregateCells::at(const Key& key) const {
    const auto it = find(key);
    if (it == end())
        throw std::out_of_range("no aggregate cell for donor '" + std::get<0>(key) + "', fiscal year " +
                                std::to_string(std::get<1>(key)) + ", objective '" + std::get<2>(key) + "'");
    return cells_[it.index()];
}

void AggregateCells::add(const Key& key, const AggregateCell& cell) {
    bool new_donor = false;
    bool new_objective = false;
    const std::uint32_t donor = place_of(donors_, std::get<0>(key), new_donor);
    const std::uint32_t objective = place_of(objectives_, std::get<2>(key), new_objective);
    if (new_donor || new_objective) {
        // The names after a new one moved up by one: so do the keys pointing at them (their
        // order is unchanged).
        for (AggregateKeyIds& k : keys_) {
            if (new_donor && k.donor >= donor) ++k.donor;
            if (new_objective && k.objective >= objective) ++k.objective;
        }
    }
    const AggregateKeyIds ids{donor, std::get<1>(key), objective};
    if (keys_.empty() || keys_.back() < ids) {
        keys_.push_back(ids);
        cells_.push_back(cell);
        return;
    }
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), ids);
    const auto k = it - keys_.begin();
    if (it != keys_.end() && *it == ids) {
        cells_[static_cast<std::size_t>(k)].value += cell.value;
        cells_[static_cast<std::size_t>(k)].pieces += cell.pieces;
        return;
    }
    keys_.insert(it, ids);
    cells_.insert(cells_.begin() + k, cell);
}

void AggregateCells::add_all(const AggregateCells& other) {
    if (other.empty()) return;
    if (&other == this) {  // every cell doubles; the names stay
        for (AggregateCell& c : cells_) {
            c.value += c.value;
            c.pieces += c.pieces;
        }
        return;
    }
    std::vector<std::uint32_t> donor_a;
    std::vector<std::uint32_t> donor_b;
    std::vector<std::uint32_t> objective_a;
    std::vector<std::uint32_t> objective_b;
    std::vector<std::string> donors = united(donors_, other.donors_, donor_a, donor_b);
    std::vector<std::string> objectives = united(objectives_, other.objectives_, objective_a, objective_b);
    auto a_key = [&](std::size_t k) {
        return AggregateKeyIds{donor_a[keys_[k].donor], keys_[k].fiscal_year, objective_a[keys_[k].objective]};
    };
    auto b_key = [&](std::size_t k) {
        const AggregateKeyIds& key = other.keys_[k];
        return AggregateKeyIds{donor_b[key.donor], key.fiscal_year, objective_b[key.objective]};
    };
    std::vector<AggregateKeyIds> keys;
    std::vector<AggregateCell> cells;
    keys.reserve(keys_.size() + other.keys_.size());
    cells.reserve(keys.capacity());
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < keys_.size() || b < other.keys_.size()) {
        if (b == other.keys_.size() || (a < keys_.size() && a_key(a) < b_key(b))) {
            keys.push_back(a_key(a));
            cells.push_back(cells_[a++]);
        } else if (a == keys_.size() || b_key(b) < a_key(a)) {
            keys.push_back(b_key(b));
            cells.push_back(other.cells_[b++]);
        } else {
            keys.push_back(a_key(a));
            cells.push_back({cells_[a].value + other.cells_[b].value, cells_[a].pieces + other.cells_[b].pieces});
            ++a;
            ++b;
        }
    }
    donors_ = std::move(donors);
    objectives_ = std::move(objectives);
    keys_ = std::move(keys);
    cells_ = std::move(cells);
}

}  // namespace aidtrack::measures
