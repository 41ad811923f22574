#include <aidtrack/core/period.hpp>

#include <algorithm>
#include <numeric>

namespace aidtrack {
namespace {

using Raw = Decimal::Raw;

Raw pow10(int n) {
    Raw out = 1;
    for (int i = 0; i < n; ++i) out *= 10;
    return out;
}

}  // namespace

Period::Period(Date start, Date end) : start_(start), end_(end) {
    if (start.is_special() || end.is_special()) throw ValidationError("a period needs two real dates");
    if (end < start)
        throw ValidationError("period ends (" + to_iso(end) + ") before it starts (" + to_iso(start) + ")", {},
                              "start-before-end");
}

long Period::overlap_days(const Period& other) const noexcept {
    const Date lo = std::max(start_, other.start_);
    const Date hi = std::min(end_, other.end_);
    return hi < lo ? 0 : (hi - lo).days() + 1;
}

Period Period::calendar_year(int year) { return {make_date(year, 1, 1), make_date(year, 12, 31)}; }

std::vector<Decimal> split_by_weights(Decimal amount, const std::vector<Raw>& weights, int places) {
    places = std::clamp(places, 0, Decimal::kScale);
    const Raw unit = pow10(Decimal::kScale - places);
    Raw total_weight = 0;
    for (Raw w : weights) {
        if (w < 0) throw ValidationError("negative weight in a split", {}, "weights-not-negative");
        total_weight += w;
    }
    if (total_weight == 0) throw ValidationError("cannot split by weights that are all zero");
    // Work in whole units of 10^-places; the sub-unit tail of `amount` goes to the largest piece.
    const Raw raw = amount.raw();
    const bool negative = raw < 0;
    const Raw magnitude = negative ? -raw : raw;
    const Raw units = magnitude / unit;
    const Raw tail = magnitude % unit;
    std::vector<Raw> pieces(weights.size());
    std::vector<std::pair<Raw, std::size_t>> remainders;  // (remainder, index)
    remainders.reserve(weights.size());
    Raw assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        // units * weight fits: units < 2^100 in practice, weights are day counts or percentages.
        const Raw product = units * weights[i];
        pieces[i] = product / total_weight;
        remainders.emplace_back(product % total_weight, i);
        assigned += pieces[i];
    }
    Raw left = units - assigned;
    // Largest remainder first; ties go to the earlier piece so the result is deterministic.
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; left > 0 && k < remainders.size(); ++k, --left) ++pieces[remainders[k].second];
    std::vector<Decimal> out(weights.size());
    const auto largest = static_cast<std::size_t>(std::max_element(weights.begin(), weights.end()) - weights.begin());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        Raw value = pieces[i] * unit + (i == largest ? tail : 0);
        out[i] = Decimal::from_raw(negative ? -value : value);
    }
    return out;
}

std::vector<Decimal> prorate_by_days(Decimal amount, const Period& source, const std::vector<Period>& targets,
                                     int places) {
    std::vector<Raw> weights;
    weights.reserve(targets.size() + 1);
    long covered = 0;
    for (const Period& target : targets) {
        const long days = source.overlap_days(target);
        weights.push_back(days);
        covered += days;
    }
    if (covered > source.days()) throw ValidationError("pro-rating targets overlap one another");
    // The days outside every target form one more piece that is dropped, so rounding is
    // decided over the whole source period.
    weights.push_back(source.days() - covered);
    std::vector<Decimal> pieces = split_by_weights(amount, weights, places);
    pieces.pop_back();
    return pieces;
}

}  // namespace aidtrack
