/// \file aggregate.cpp
/// \brief The fast mergeable group-by: indexes built once, a narrow column scan per thread.

#include <aidtrack/measures/aggregate.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>

#include <aidtrack/core/conversion_date.hpp>
#include <aidtrack/core/error.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <numeric>
#include <thread>
#include <unordered_map>
#include <utility>

namespace aidtrack::measures {

void AggregateResult::add(const Key& key, const AggregateCell& cell) {
    AggregateCell& c = cells_[key];
    c.value += cell.value;
    c.pieces += cell.pieces;
}

void AggregateResult::assign_sorted(std::vector<std::pair<Key, AggregateCell>> cells) {
    cells_.clear();
    for (auto& [key, cell] : cells) cells_.emplace_hint(cells_.end(), std::move(key), cell);
}

AggregateResult& AggregateResult::merge(const AggregateResult& other) {
    if (other.currency_ != currency_) {
        throw CurrencyError("cannot merge aggregates in " + currency_.str() + " and " + other.currency_.str());
    }
    if (other.start_month_ != start_month_ || other.start_day_ != start_day_) {
        throw CurrencyError("cannot merge aggregates over different fiscal calendars");
    }
    for (const auto& [key, cell] : other.cells_) add(key, cell);
    return *this;
}

Decimal AggregateResult::total() const {
    Decimal::Raw sum = 0;
    for (const auto& [key, cell] : cells_) sum += cell.value;
    return Decimal::from_raw(sum);
}

Table AggregateResult::to_table() const {
    Table out("Transactions per donor, fiscal year and objective");
    out.add_column<std::string>("donor", "reporting organisation ref");
    out.add_column<std::int64_t>("fiscal_year", "fiscal year (by its starting calendar year)");
    out.add_column<std::string>("objective", "objective code; (unmapped) where no mapping covers the money");
    out.add_column<Decimal>("value", "exact sum of the converted, split values");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("transactions", "transaction pieces counted");
    for (const auto& [key, cell] : cells_) {
        out.push<std::string>(0, std::get<0>(key));
        out.push<std::int64_t>(1, std::get<1>(key));
        out.push<std::string>(2, std::get<2>(key));
        out.push<Decimal>(3, Decimal::from_raw(cell.value));
        out.push<std::string>(4, currency_.str());
        out.push<std::int64_t>(5, cell.pieces);
    }
    out.set_methodology("aggregate");
    out.add_note("values converted with Decimal::scaled(ExchangeRates::factor); rate date: " + std::string(kConversionDateRule) +
                 "; then split by largest remainder in units of 10^-9");
    return out;
}

namespace {

using Raw = Decimal::Raw;

// One accumulator cell of a scan thread.
struct Cell {
    Raw value = 0;
    std::int64_t pieces = 0;
};

// Per activity: its donor and a run of (objective, reduced weight) pieces.
struct ActivityPlan {
    std::uint32_t donor = 0;
    std::uint32_t first = 0;   // into piece_objective / piece_weight
    std::uint32_t count = 0;
    std::uint64_t total = 1;   // sum of its reduced weights
};

// Everything the scan looks up, built once per call; read-only while threads scan.
struct Plan {
    std::vector<std::string> donors;
    std::vector<std::string> objectives;  // [0] = kUnmapped
    std::vector<ActivityPlan> activities;
    std::vector<std::uint32_t> piece_objective;
    std::vector<std::uint64_t> piece_weight;
    std::array<std::uint8_t, 256> type_ok{};
    std::int32_t lo = std::numeric_limits<std::int32_t>::max();  // first day of the tables
    std::int32_t hi = std::numeric_limits<std::int32_t>::min();  // last day
    int fy_min = 0, years = 1;
    std::vector<std::uint32_t> fy_index;  // day - lo → fiscal year - fy_min
    std::vector<std::uint8_t> slot_of;    // packed currency → rate slot (0 = target, 255 = none)
    std::vector<CurrencyCode> slot_currency;
    std::vector<std::vector<double>> factors;  // slot → day - lo → factor (NaN = no rate)
};

// Decimal::scaled, bit for bit, with a fast path for values and products that fit in 64 bits.
inline Raw scale(Raw raw, double factor) {
    if (raw >= std::numeric_limits<std::int64_t>::min() && raw <= std::numeric_limits<std::int64_t>::max()) {
        const long double product = static_cast<long double>(static_cast<std::int64_t>(raw)) * static_cast<long double>(factor);
        if (std::fabs(product) < 9.2e18L) {
#if defined(__x86_64__) && defined(__GNUC__)
            // fistp rounds with the current mode (nearest, ties to even) like nearbyint, without
            // the library call llrint makes.
            std::int64_t out;
            __asm__("fistpll %0" : "=m"(out) : "t"(product) : "st");
            return out;
#else
            return static_cast<Raw>(std::llrint(product));
#endif
        }
    }
    return Decimal::from_raw(raw).scaled(factor).raw();
}

// Weights reduced by their greatest common divisor, so the split arithmetic stays in 64 bits.
std::vector<std::uint64_t> reduce(const std::vector<Raw>& weights) {
    auto gcd = [](Raw a, Raw b) {
        while (b != 0) a = std::exchange(b, a % b);
        return a;
    };
    Raw g = 0;
    for (Raw w : weights) g = gcd(g, w);
    std::vector<std::uint64_t> out;
    for (Raw w : weights) {
        if (w / g > (Raw{1} << 40)) throw ValidationError("objective percentages too fine or too large to split (weight " + Decimal::from_raw(w).to_string() + ")");
        out.push_back(static_cast<std::uint64_t>(w / g));
    }
    return out;
}

Plan make_plan(const Portfolio& portfolio, const AggregateQuery& query, unsigned threads) {
    Plan plan;
    const TransactionTable& t = portfolio.transactions();
    if (query.types.empty()) plan.type_ok.fill(1);
    for (int ty : query.types) if (ty >= 0 && ty < 256) plan.type_ok[static_cast<std::size_t>(ty)] = 1;

    // Donors and objective splits per activity (same rules as strategy_alignment).
    std::unordered_map<std::string, std::uint32_t> donor_ids, objective_ids{{kUnmapped, 0}};
    plan.objectives.emplace_back(kUnmapped);
    auto objective_id = [&](const std::string& code) {
        auto [it, fresh] = objective_ids.try_emplace(code, static_cast<std::uint32_t>(plan.objectives.size()));
        if (fresh) plan.objectives.push_back(code);
        return it->second;
    };
    struct Split { std::vector<std::uint32_t> objective; std::vector<Raw> weight; };
    std::unordered_map<std::string, Split> splits;
    for (const ActivityShare& s : query.objectives) {
        const Raw w = s.percentage.value_or(Decimal(100)).raw();
        if (w < 0) throw ValidationError("negative objective percentage for activity " + s.activity_id, s.where, "weights-not-negative");
        Split& sp = splits[s.activity_id];
        sp.objective.push_back(objective_id(s.code));
        sp.weight.push_back(w);
    }
    const Raw hundred = Decimal(100).raw();
    plan.activities.resize(portfolio.activity_count());
    for (std::uint32_t a = 0; a < portfolio.activity_count(); ++a) {
        const Activity& act = portfolio.activity(a);
        auto [it, fresh] = donor_ids.try_emplace(act.reporting_org.ref, static_cast<std::uint32_t>(plan.donors.size()));
        if (fresh) plan.donors.push_back(act.reporting_org.ref);
        ActivityPlan& ap = plan.activities[a];
        ap.donor = it->second;
        ap.first = static_cast<std::uint32_t>(plan.piece_objective.size());
        const auto sp = splits.find(act.identifier);
        std::vector<std::uint32_t> objectives;
        std::vector<Raw> weights;
        if (sp != splits.end()) {
            objectives = sp->second.objective;
            weights = sp->second.weight;
            const Raw total = std::accumulate(weights.begin(), weights.end(), Raw{0});
            if (total < hundred) {
                objectives.push_back(0);
                weights.push_back(hundred - total);
            }
        }
        // Zero weights never receive a unit (see split_by_weights), so they are left out.
        for (std::size_t k = weights.size(); k-- > 0;) {
            if (weights[k] == 0) {
                weights.erase(weights.begin() + static_cast<std::ptrdiff_t>(k));
                objectives.erase(objectives.begin() + static_cast<std::ptrdiff_t>(k));
            }
        }
        if (weights.empty()) {
            objectives = {0};
            weights = {1};
        }
        const auto reduced = reduce(weights);
        ap.count = static_cast<std::uint32_t>(reduced.size());
        ap.total = std::accumulate(reduced.begin(), reduced.end(), std::uint64_t{0});
        plan.piece_objective.insert(plan.piece_objective.end(), objectives.begin(), objectives.end());
        plan.piece_weight.insert(plan.piece_weight.end(), reduced.begin(), reduced.end());
    }

    // Day range and currencies present: one pass over three narrow columns, split over threads.
    const std::size_t n = t.size();
    struct Seen { std::int32_t lo = std::numeric_limits<std::int32_t>::max(), hi = std::numeric_limits<std::int32_t>::min(); std::vector<std::uint8_t> currency = std::vector<std::uint8_t>(65536, 0); };
    std::vector<Seen> seen(threads);
    auto survey = [&](unsigned k) {
        Seen& s = seen[k];
        const std::size_t from = n * k / threads, to = n * (k + 1) / threads;
        // Branch-free minimum and maximum (kNone is the smallest int32, so it never wins a
        // maximum and is lifted out of the minimum) let the compiler vectorise the day range.
        static_assert(day_number::kNone == std::numeric_limits<std::int32_t>::min());
        constexpr std::int32_t kHigh = std::numeric_limits<std::int32_t>::max();
        std::int32_t lo = kHigh, hi = day_number::kNone;
        for (const std::int32_t* column : {t.date.data(), t.value_date.data()}) {
            for (std::size_t i = from; i < to; ++i) {
                const std::int32_t d = column[i];
                lo = std::min(lo, d == day_number::kNone ? kHigh : d);
                hi = std::max(hi, d);
            }
        }
        if (lo != kHigh) { s.lo = lo; s.hi = hi; }
        // Rows come activity by activity and an activity mostly pays in one currency.
        if (from == to) return;
        std::uint16_t last = t.currency[from];
        s.currency[last] = 1;
        for (std::size_t i = from + 1; i < to; ++i) {
            const std::uint16_t c = t.currency[i];
            if (c != last) { s.currency[c] = 1; last = c; }
        }
    };
    {
        std::vector<std::thread> pool;
        for (unsigned k = 1; k < threads; ++k) pool.emplace_back(survey, k);
        survey(0);
        for (auto& th : pool) th.join();
    }
    std::vector<std::uint8_t> present(65536, 0);
    for (const Seen& s : seen) {
        plan.lo = std::min(plan.lo, s.lo);
        plan.hi = std::max(plan.hi, s.hi);
        for (std::size_t c = 0; c < present.size(); ++c) present[c] |= s.currency[c];
    }
    if (plan.hi < plan.lo) return plan;  // no dated rows

    // Fiscal year per day.
    const std::size_t days = static_cast<std::size_t>(plan.hi - plan.lo) + 1;
    plan.fy_min = query.calendar.fiscal_year_of_day(plan.lo);
    plan.years = query.calendar.fiscal_year_of_day(plan.hi) - plan.fy_min + 1;
    plan.fy_index.resize(days);
    for (std::size_t d = 0; d < days; ++d) {
        plan.fy_index[d] = static_cast<std::uint32_t>(query.calendar.fiscal_year_of_day(plan.lo + static_cast<std::int32_t>(d)) - plan.fy_min);
    }

    // Conversion factor per currency present and day: one factor() call per run of days that
    // share the same two rate entries.
    plan.slot_of.assign(65536, 255);
    plan.slot_of[query.currency.packed()] = 0;
    plan.slot_currency.push_back(query.currency);
    plan.factors.emplace_back();
    for (std::size_t c = 0; c < present.size(); ++c) {
        if (!present[c] || c == query.currency.packed()) continue;
        if (plan.slot_currency.size() >= 255) throw ValidationError("aggregate converts at most 254 currencies at once");
        const CurrencyCode from = CurrencyCode::from_packed(static_cast<std::uint16_t>(c));
        plan.slot_of[c] = static_cast<std::uint8_t>(plan.slot_currency.size());
        plan.slot_currency.push_back(from);
        std::vector<double> f(days, std::numeric_limits<double>::quiet_NaN());
        if (query.rates != nullptr) {
            const bool fixed = query.policy.kind == ConversionPolicy::Kind::fixed_year;
            for (std::int32_t d = plan.lo; d <= plan.hi;) {
                const Date date = day_number::to_date(d);
                double value = 0;
                try {
                    value = query.rates->factor(from, query.currency, date, query.policy);
                } catch (const RateNotFoundError&) {
                    ++d;  // stays NaN: the scan throws with the row's location if it needs it
                    continue;
                }
                std::int32_t end = plan.hi;
                if (!fixed) {
                    for (CurrencyCode c2 : {from, query.currency}) {
                        if (const RateEntry* e = query.rates->find(c2, date)) end = std::min(end, day_number::from_date(e->period.end()));
                    }
                }
                for (std::int32_t k = d; k <= end; ++k) f[static_cast<std::size_t>(k - plan.lo)] = value;
                d = end + 1;
            }
        }
        plan.factors.push_back(std::move(f));
    }
    return plan;
}

// Adds `value` split over the activity's pieces into `row` (cells of one donor × year).
inline void add_split(const Plan& plan, const ActivityPlan& ap, Raw value, Cell* row) {
    if (ap.count == 1) {
        Cell& c = row[plan.piece_objective[ap.first]];
        c.value += value;
        ++c.pieces;
        return;
    }
    const bool negative = value < 0;
    const Raw magnitude = negative ? -value : value;
    constexpr std::uint32_t kMaxFast = 16;
    if (ap.count > kMaxFast) {
        std::vector<Raw> weights(plan.piece_weight.begin() + ap.first, plan.piece_weight.begin() + ap.first + ap.count);
        const auto parts = split_by_weights(Decimal::from_raw(value), weights, Decimal::kScale);
        for (std::uint32_t k = 0; k < ap.count; ++k) {
            Cell& c = row[plan.piece_objective[ap.first + k]];
            c.value += parts[k].raw();
            ++c.pieces;
        }
        return;
    }
    Raw piece[kMaxFast];
    Raw rest[kMaxFast];
    Raw assigned = 0;
    const std::uint64_t* w = plan.piece_weight.data() + ap.first;
    const bool narrow = magnitude <= static_cast<Raw>(std::numeric_limits<std::uint64_t>::max() / ap.total);
    for (std::uint32_t k = 0; k < ap.count; ++k) {
        if (narrow) {
            const std::uint64_t product = static_cast<std::uint64_t>(magnitude) * w[k];
            piece[k] = product / ap.total;
            rest[k] = product % ap.total;
        } else {
            const Raw product = magnitude * static_cast<Raw>(w[k]);
            piece[k] = product / static_cast<Raw>(ap.total);
            rest[k] = product % static_cast<Raw>(ap.total);
        }
        assigned += piece[k];
    }
    // Largest remainder first, ties to the earlier piece (as the stable sort of split_by_weights).
    for (Raw left = magnitude - assigned; left > 0; --left) {
        std::uint32_t best = 0;
        for (std::uint32_t k = 1; k < ap.count; ++k) if (rest[k] > rest[best]) best = k;
        ++piece[best];
        rest[best] = -1;
    }
    for (std::uint32_t k = 0; k < ap.count; ++k) {
        Cell& c = row[plan.piece_objective[ap.first + k]];
        c.value += negative ? -piece[k] : piece[k];
        ++c.pieces;
    }
}

}  // namespace

AggregateResult aggregate(const Portfolio& portfolio, const AggregateQuery& query) {
    const TransactionTable& t = portfolio.transactions();
    const std::size_t n = t.size();
    const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
    unsigned threads = query.threads != 0 ? query.threads : std::min<unsigned>(hardware, static_cast<unsigned>(n / 250'000 + 1));
    threads = std::max(1U, std::min<unsigned>(threads, 64));
    const Plan plan = make_plan(portfolio, query, threads);
    AggregateResult result(query.currency, query.calendar.start_month(), query.calendar.start_day());

    const std::size_t objectives = plan.objectives.size();
    const std::size_t cells = plan.donors.size() * static_cast<std::size_t>(plan.years) * objectives;
    if (cells > (std::size_t{1} << 24)) throw ValidationError("aggregate: too many donor x year x objective cells (" + std::to_string(cells) + ")");
    std::vector<std::vector<Cell>> acc(threads);
    std::vector<std::exception_ptr> errors(threads);
    const CurrencyCode target = query.currency;

    auto scan = [&](unsigned k) {
        try {
            std::vector<Cell>& cell = acc[k];
            cell.assign(cells, Cell{});
            const std::size_t from = n * k / threads, to = n * (k + 1) / threads;
            const std::uint32_t* activity = t.activity.data();
            const std::uint8_t* type = t.type.data();
            const std::int32_t* date = t.date.data();
            const Raw* value = t.value.data();
            const std::uint16_t* currency = t.currency.data();
            const std::int32_t* value_date = t.value_date.data();
            for (std::size_t i = from; i < to; ++i) {
                if (!plan.type_ok[type[i]]) continue;
                const std::int32_t d = date[i];
                const ActivityPlan& ap = plan.activities[activity[i]];
                if (d == day_number::kNone) {
                    throw ValidationError("transaction without a date has no fiscal year", {portfolio.activity(activity[i]).provenance.source, t.line[i], "transaction"});
                }
                const std::uint32_t fy = plan.fy_index[static_cast<std::size_t>(d - plan.lo)];
                Raw v = value[i];
                const std::uint16_t cur = currency[i];
                if (cur != target.packed()) {
                    const std::int32_t vd = conversion_day(value_date[i], d);
                    const std::uint8_t slot = plan.slot_of[cur];
                    const double f = plan.factors[slot][static_cast<std::size_t>(vd - plan.lo)];
                    if (std::isnan(f)) {
                        const SourceLocation where{portfolio.activity(activity[i]).provenance.source, t.line[i], "transaction"};
                        if (query.rates == nullptr) throw CurrencyError("converting " + CurrencyCode::from_packed(cur).str() + " to " + target.str() + " needs an exchange-rate table", where);
                        throw RateNotFoundError("no rate for " + CurrencyCode::from_packed(cur).str() + " to " + target.str() + " on " + to_iso(day_number::to_date(vd)), where);
                    }
                    v = scale(v, f);
                }
                Cell* row = cell.data() + (static_cast<std::size_t>(ap.donor) * static_cast<std::size_t>(plan.years) + fy) * objectives;
                add_split(plan, ap, v, row);
            }
        } catch (...) {
            errors[k] = std::current_exception();
        }
    };
    {
        std::vector<std::thread> pool;
        for (unsigned k = 1; k < threads; ++k) pool.emplace_back(scan, k);
        scan(0);
        for (auto& th : pool) th.join();
    }
    for (const auto& e : errors) if (e) std::rethrow_exception(e);
    for (unsigned k = 1; k < threads; ++k) {
        for (std::size_t c = 0; c < cells; ++c) {
            acc[0][c].value += acc[k][c].value;
            acc[0][c].pieces += acc[k][c].pieces;
        }
    }
    // Cells in key order (donors and objectives sorted by text), so each insertion goes at the end.
    auto order = [](const std::vector<std::string>& names) {
        std::vector<std::uint32_t> out(names.size());
        std::iota(out.begin(), out.end(), 0U);
        std::sort(out.begin(), out.end(), [&](std::uint32_t x, std::uint32_t y) { return names[x] < names[y]; });
        return out;
    };
    const auto donor_order = order(plan.donors);
    const auto objective_order = order(plan.objectives);
    std::vector<std::pair<AggregateResult::Key, AggregateCell>> sorted;
    for (std::uint32_t donor : donor_order) {
        for (int y = 0; y < plan.years; ++y) {
            const Cell* row = acc[0].data() + (static_cast<std::size_t>(donor) * static_cast<std::size_t>(plan.years) + static_cast<std::size_t>(y)) * objectives;
            for (std::uint32_t o : objective_order) {
                if (row[o].pieces == 0) continue;
                sorted.emplace_back(AggregateResult::Key{plan.donors[donor], plan.fy_min + y, plan.objectives[o]}, AggregateCell{row[o].value, row[o].pieces});
            }
        }
    }
    result.assign_sorted(std::move(sorted));
    return result;
}

}  // namespace aidtrack::measures
