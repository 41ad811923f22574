/// \file aggregate.cpp
/// \brief The fast mergeable group-by: indexes built once, a narrow column scan per thread.

#include <aidtrack/measures/aggregate.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>

#include <aidtrack/core/conversion_date.hpp>
#include <aidtrack/core/error.hpp>

#include "../core/huge_page_reserve.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace aidtrack::measures {

AggregateResult& AggregateResult::merge(const AggregateResult& other) {
    if (other.currency_ != currency_) {
        throw CurrencyError("cannot merge aggregates in " + currency_.str() + " and " + other.currency_.str());
    }
    if (other.start_month_ != start_month_ || other.start_day_ != start_day_) {
        throw CurrencyError("cannot merge aggregates over different fiscal calendars");
    }
    cells_.add_all(other.cells_);
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
    out.add_note(
        "values summed per activity, fiscal year, currency and rate, each sum converted once with "
        "Decimal::scaled(ExchangeRates::factor) (rate date: " +
        std::string(kConversionDateRule) +
        "); the converted sums of an activity's fiscal year split once by largest remainder in units of 10^-9");
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
    std::uint32_t first = 0;  // into piece_objective / piece_weight
    std::uint32_t count = 0;
    std::uint64_t total = 1;   // sum of its reduced weights
    std::uint64_t narrow = 0;  // the largest magnitude whose products with the weights fit in 64 bits
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
    std::size_t days = 0;
    std::vector<std::uint32_t> rate_of;  // slot × days + day - lo → rate id (slot 0: all 0)
    std::vector<double> rate_factor;     // rate id → factor; id 0 = the target currency (no conversion)
    std::uint32_t missing = 0;           // the rate id of a row without a rate: the last id
    // The days cut into segments over which the fiscal year and every currency's rate id stay
    // the same (a few per year with annual rates): the scan's tables then fit the first-level
    // cache, where the tables per day did not.
    std::vector<std::uint32_t> segment_of;  // day - lo → segment
    std::size_t segments = 0;
    std::vector<std::uint32_t> segment_fy;    // segment → fiscal year - fy_min
    std::vector<std::uint32_t> segment_rate;  // slot × segments + segment → rate id
};

// Decimal::scaled, bit for bit, with a fast path for values and products that fit in 64 bits.
inline Raw scale(Raw raw, double factor) {
    if (raw >= std::numeric_limits<std::int64_t>::min() && raw <= std::numeric_limits<std::int64_t>::max()) {
        const long double product =
            static_cast<long double>(static_cast<std::int64_t>(raw)) * static_cast<long double>(factor);
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

// Appends `weights` reduced by their greatest common divisor to `out`, so that the split
// arithmetic stays in 64 bits; returns the sum of the reduced weights.
std::uint64_t reduce_into(const std::vector<Raw>& weights, std::vector<std::uint64_t>& out) {
    auto gcd = [](Raw a, Raw b) {
        while (b != 0) a = std::exchange(b, a % b);
        return a;
    };
    Raw g = 0;
    for (Raw w : weights) g = gcd(g, w);
    std::uint64_t total = 0;
    for (Raw w : weights) {
        if (w / g > (Raw{1} << 40))
            throw ValidationError("objective percentages too fine or too large to split (weight " +
                                  Decimal::from_raw(w).to_string() + ")");
        out.push_back(static_cast<std::uint64_t>(w / g));
        total += static_cast<std::uint64_t>(w / g);
    }
    return total;
}

Plan make_plan(const Portfolio& portfolio, const AggregateQuery& query, std::span<const ActivityShare> mapping) {
    Plan plan;
    if (query.types.empty()) plan.type_ok.fill(1);
    for (int ty : query.types)
        if (ty >= 0 && ty < 256) plan.type_ok[static_cast<std::size_t>(ty)] = 1;

    // Donors and objective splits per activity (same rules as strategy_alignment).
    std::unordered_map<std::string, std::uint32_t> objective_ids{{kUnmapped, 0}};
    plan.objectives.emplace_back(kUnmapped);
    auto objective_id = [&](const std::string& code) {
        auto [it, fresh] = objective_ids.try_emplace(code, static_cast<std::uint32_t>(plan.objectives.size()));
        if (fresh) plan.objectives.push_back(code);
        return it->second;
    };
    // The shares of each mapped activity, in query order, as runs of one flat list.
    struct Share {
        std::uint32_t objective = 0;
        Raw weight = 0;
        std::uint32_t next = 0;  // the activity's next share + 1; 0 = last
    };
    std::vector<Share> shares;
    shares.reserve(mapping.size());
    // Per activity of the portfolio (found through its own index): its first and last share + 1.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> share_runs(portfolio.activity_count(), {0, 0});
    // The activity of each run of shares naming the same one, found all at once (the look-ups
    // overlap their cache misses).
    std::vector<std::string_view> run_ids;
    for (std::size_t k = 0; k < mapping.size(); ++k)
        if (k == 0 || mapping[k].activity_id != mapping[k - 1].activity_id)
            run_ids.emplace_back(mapping[k].activity_id);
    const std::vector<std::optional<std::uint32_t>> run_activity = portfolio.find_activities(run_ids);
    std::size_t run = 0;
    std::optional<std::uint32_t> a;  // the activity of the share's run
    for (std::size_t k = 0; k < mapping.size(); ++k) {
        const ActivityShare& s = mapping[k];
        const Raw w = s.percentage.value_or(Decimal(100)).raw();
        if (w < 0)
            throw ValidationError("negative objective percentage for activity " + s.activity_id, s.where,
                                  "weights-not-negative");
        const std::uint32_t objective = objective_id(s.code);
        if (k == 0 || s.activity_id != mapping[k - 1].activity_id) a = run_activity[run++];
        if (!a) continue;  // not in this portfolio: nothing to split
        const auto added = static_cast<std::uint32_t>(shares.size());
        shares.push_back({objective, w, 0});
        auto& [first, last] = share_runs[*a];
        if (first == 0) {
            first = added + 1;
        } else {
            shares[last - 1].next = added + 1;
        }
        last = added + 1;
    }
    const Raw hundred = Decimal(100).raw();
    plan.activities.resize(portfolio.activity_count());
    std::vector<std::uint32_t> objectives;  // scratch, reused per activity
    std::vector<Raw> weights;
    // Donors: the Portfolio keeps each activity's reporting organisation as an id already.
    const ReportingOrgIds& orgs = portfolio.reporting_org_ids();
    plan.donors = orgs.refs();
    const std::uint32_t activity_count = portfolio.activity_count();
    for (std::uint32_t a = 0; a < activity_count; ++a) {
        ActivityPlan& ap = plan.activities[a];
        ap.donor = orgs.ids()[a];
        ap.first = static_cast<std::uint32_t>(plan.piece_objective.size());
        objectives.clear();
        weights.clear();
        if (const std::uint32_t first = share_runs[a].first; first != 0) {
            Raw total = 0;
            for (std::uint32_t k = first; k != 0; k = shares[k - 1].next) {
                // Zero weights never receive a unit (see split_by_weights), so they are left out.
                total += shares[k - 1].weight;
                if (shares[k - 1].weight == 0) continue;
                objectives.push_back(shares[k - 1].objective);
                weights.push_back(shares[k - 1].weight);
            }
            if (total < hundred) {
                objectives.push_back(0);
                weights.push_back(hundred - total);
            }
        }
        if (weights.empty()) {
            objectives.assign(1, 0);
            weights.assign(1, 1);
        }
        ap.count = static_cast<std::uint32_t>(weights.size());
        ap.total = reduce_into(weights, plan.piece_weight);
        ap.narrow = std::numeric_limits<std::uint64_t>::max() / ap.total;
        plan.piece_objective.insert(plan.piece_objective.end(), objectives.begin(), objectives.end());
    }

    // Day range and currencies present: kept by the Portfolio between calls.
    const TransactionExtent extent = portfolio.transaction_extent();
    if (extent.dated()) {
        plan.lo = extent.first_day;
        plan.hi = extent.last_day;
    }
    plan.missing = 1;
    plan.rate_factor.assign(1, 1.0);
    if (plan.hi < plan.lo) return plan;  // no dated rows

    // Fiscal year per day.
    const std::size_t days = static_cast<std::size_t>(plan.hi - plan.lo) + 1;
    plan.fy_min = query.calendar.fiscal_year_of_day(plan.lo);
    plan.years = query.calendar.fiscal_year_of_day(plan.hi) - plan.fy_min + 1;
    plan.fy_index.resize(days);
    for (std::size_t d = 0; d < days; ++d) {
        plan.fy_index[d] = static_cast<std::uint32_t>(
            query.calendar.fiscal_year_of_day(plan.lo + static_cast<std::int32_t>(d)) - plan.fy_min);
    }

    // Rate id per currency present and day: one factor() call per run of days that share the same
    // two rate entries; days of one currency with the same factor share an id.
    plan.days = days;
    plan.slot_of.assign(65536, 255);
    plan.slot_of[query.currency.packed()] = 0;
    plan.slot_currency.push_back(query.currency);
    plan.rate_of.assign(days, 0);  // the target currency: rate id 0, no conversion
    constexpr std::uint32_t kNoRate = std::numeric_limits<std::uint32_t>::max();
    for (const CurrencyCode from : extent.currencies) {
        if (from == query.currency) continue;
        if (plan.slot_currency.size() >= 255)
            throw ValidationError("aggregate converts at most 254 currencies at once");
        plan.slot_of[from.packed()] = static_cast<std::uint8_t>(plan.slot_currency.size());
        plan.slot_currency.push_back(from);
        const std::size_t base = plan.rate_of.size();
        plan.rate_of.resize(base + days, kNoRate);
        std::unordered_map<std::uint64_t, std::uint32_t> ids;  // factor bits → rate id, for this currency
        if (query.rates != nullptr) {
            const bool fixed = query.policy.kind == ConversionPolicy::Kind::fixed_year;
            for (std::int32_t d = plan.lo; d <= plan.hi;) {
                const Date date = day_number::to_date(d);
                double value = 0;
                try {
                    value = query.rates->factor(from, query.currency, date, query.policy);
                } catch (const RateNotFoundError&) {
                    ++d;  // no rate: the scan finds the first row that needs one and names it
                    continue;
                }
                std::int32_t end = plan.hi;
                if (!fixed) {
                    for (CurrencyCode c2 : {from, query.currency}) {
                        if (const RateEntry* e = query.rates->find(c2, date))
                            end = std::min(end, day_number::from_date(e->period.end()));
                    }
                }
                std::uint64_t bits = 0;
                static_assert(sizeof bits == sizeof value);
                std::memcpy(&bits, &value, sizeof bits);
                const auto [it, fresh] = ids.try_emplace(bits, static_cast<std::uint32_t>(plan.rate_factor.size()));
                if (fresh) plan.rate_factor.push_back(value);
                for (std::int32_t k = d; k <= end; ++k)
                    plan.rate_of[base + static_cast<std::size_t>(k - plan.lo)] = it->second;
                d = end + 1;
            }
        }
    }
    plan.missing = static_cast<std::uint32_t>(plan.rate_factor.size());
    for (std::uint32_t& id : plan.rate_of)
        if (id == kNoRate) id = plan.missing;

    const std::size_t currencies = plan.slot_currency.size();
    plan.segment_of.resize(days);
    std::uint32_t segment = 0;
    for (std::size_t d = 1; d < days; ++d) {
        bool same = plan.fy_index[d] == plan.fy_index[d - 1];
        for (std::size_t c = 0; same && c < currencies; ++c)
            same = plan.rate_of[c * days + d] == plan.rate_of[c * days + d - 1];
        if (!same) ++segment;
        plan.segment_of[d] = segment;
    }
    plan.segments = static_cast<std::size_t>(segment) + 1;
    plan.segment_fy.resize(plan.segments);
    plan.segment_rate.resize(currencies * plan.segments);
    for (std::size_t d = 0; d < days; ++d) {
        const std::size_t k = plan.segment_of[d];
        plan.segment_fy[k] = plan.fy_index[d];
        for (std::size_t c = 0; c < currencies; ++c)
            plan.segment_rate[c * plan.segments + k] = plan.rate_of[c * days + d];
    }
    return plan;
}

// Adds `value`, the converted sum of `rows` transactions, split over the activity's pieces into
// `row` (cells of one donor × year).
inline void add_split(const Plan& plan, const ActivityPlan& ap, Raw value, std::int64_t rows, Cell* row) {
    if (ap.count == 1) {
        Cell& c = row[plan.piece_objective[ap.first]];
        c.value += value;
        c.pieces += rows;
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
            c.pieces += rows;
        }
        return;
    }
    Raw piece[kMaxFast];
    Raw rest[kMaxFast];
    Raw assigned = 0;
    const std::uint64_t* w = plan.piece_weight.data() + ap.first;
    const bool narrow = magnitude <= static_cast<Raw>(ap.narrow);
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
        for (std::uint32_t k = 1; k < ap.count; ++k)
            if (rest[k] > rest[best]) best = k;
        ++piece[best];
        rest[best] = -1;
    }
    for (std::uint32_t k = 0; k < ap.count; ++k) {
        Cell& c = row[plan.piece_objective[ap.first + k]];
        c.value += negative ? -piece[k] : piece[k];
        c.pieces += rows;
    }
}

// One group of an activity's counted rows: same fiscal year and rate (rate ids are per currency).
struct Group {
    Raw sum = 0;  // exact, in the original currency
    std::uint32_t rows = 0;
    std::uint32_t activity = 0;
    std::uint32_t fy = 0;    // fiscal year - fy_min
    std::uint32_t rate = 0;  // rate id
};
static_assert(sizeof(Group) == 32);

// Throws the error of the first row (in table order) that cannot be counted: no date, no rate.
[[noreturn]] void throw_first_problem(const Portfolio& portfolio, const AggregateQuery& query, const Plan& plan) {
    const TransactionTable& t = portfolio.transactions();
    const CurrencyCode target = query.currency;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!plan.type_ok[t.type[i]]) continue;
        const std::int32_t d = t.date[i];
        const SourceLocation where{portfolio.activity(t.activity[i]).provenance.source, t.line[i], "transaction"};
        if (d == day_number::kNone) throw ValidationError("transaction without a date has no fiscal year", where);
        const std::uint16_t cur = t.currency[i];
        if (cur == target.packed()) continue;
        const std::int32_t vd = conversion_day(t.value_date[i], d);
        const std::size_t slot = plan.slot_of[cur];
        if (plan.rate_of[slot * plan.days + static_cast<std::size_t>(vd - plan.lo)] != plan.missing) continue;
        if (query.rates == nullptr)
            throw CurrencyError("converting " + CurrencyCode::from_packed(cur).str() + " to " + target.str() +
                                    " needs an exchange-rate table",
                                where);
        throw RateNotFoundError("no rate for " + CurrencyCode::from_packed(cur).str() + " to " + target.str() + " on " +
                                    to_iso(day_number::to_date(vd)),
                                where);
    }
    throw ValidationError("aggregate: a row could not be counted");  // not reached
}

// What one thread counted over its range of rows.
struct ThreadCount {
    std::vector<Cell> cells;                         // donor × fiscal year × objective
    std::vector<Group> deferred;                     // groups converted once every thread is done
    std::vector<std::uint32_t> converted;            // activities whose groups are in `cells`
    std::vector<std::uint32_t> deferred_activities;  // activities with groups in `deferred`
    bool problem = false;                            // a counted row without a date or a rate
};

// The converted value of `group`: one rounding (none in the target currency).
inline Raw converted(const Plan& plan, const Group& group) {
    return group.rate == 0 ? group.sum : scale(group.sum, plan.rate_factor[group.rate]);
}

// The cells of one donor × fiscal year: one per objective.
inline Cell* cell_row(const Plan& plan, const ActivityPlan& ap, std::uint32_t fy, std::size_t objectives, Cell* cells) {
    return cells + (static_cast<std::size_t>(ap.donor) * static_cast<std::size_t>(plan.years) + fy) * objectives;
}

// Splits `share` (an activity's converted sum of one fiscal year; `rate` unused) once over the
// activity's objectives and adds the pieces into `cells`.
inline void split_into(const Plan& plan, const Group& share, std::size_t objectives, Cell* cells) {
    const ActivityPlan& ap = plan.activities[share.activity];
    add_split(plan, ap, share.sum, share.rows, cell_row(plan, ap, share.fy, objectives, cells));
}

// Splits every share of `shares` into `cells`. The cells of a portfolio's donors and years are
// megabytes, each share's a cache miss behind another (its activity's plan): both are fetched
// a few shares ahead, so that the misses of several shares overlap.
void split_all(const Plan& plan, const std::vector<Group>& shares, std::size_t objectives, Cell* cells) {
    constexpr std::size_t kPlanAhead = 16;
    constexpr std::size_t kCellsAhead = 8;
    const std::size_t n = shares.size();
    for (std::size_t g = 0; g < n; ++g) {
        if (g + kPlanAhead < n) __builtin_prefetch(&plan.activities[shares[g + kPlanAhead].activity]);
        if (g + kCellsAhead < n) {
            const Group& later = shares[g + kCellsAhead];
            const ActivityPlan& ap = plan.activities[later.activity];
            const Cell* row = cell_row(plan, ap, later.fy, objectives, cells);
            const std::uint32_t* objective = plan.piece_objective.data() + ap.first;
            for (std::uint32_t k = 0; k < std::min<std::uint32_t>(ap.count, 4); ++k)
                __builtin_prefetch(row + objective[k], 1);
        }
        split_into(plan, shares[g], objectives, cells);
    }
}

// Sums converted groups of one activity per fiscal year, in the order the years first appear.
class YearSums {
public:
    // One spare entry: add() writes the year to the list before knowing whether it is new.
    explicit YearSums(std::size_t years) : sums_(years), listed_(years + 1) {}
    void add(const Group& group, Raw value) {
        Group& s = sums_[group.fy];
        listed_[count_] = group.fy;
        count_ += static_cast<std::size_t>(s.rows == 0);
        s.sum += value;
        s.rows += group.rows;
        s.activity = group.activity;
        s.fy = group.fy;
    }
    // Appends one share per fiscal year to `out` and starts again.
    void flush(std::vector<Group>& out) {
        for (std::size_t k = 0; k < count_; ++k) {
            Group& s = sums_[listed_[k]];
            out.push_back(s);
            s = Group{};
        }
        count_ = 0;
    }

private:
    std::vector<Group> sums_;
    std::vector<std::uint32_t> listed_;
    std::size_t count_ = 0;
};

// The end of the run of rows of activity `a` that starts at `begin`: sixteen rows are compared
// at once (the compiler makes it a vector compare), then the last few one by one.
inline std::size_t run_end(const std::uint32_t* activity, std::size_t begin, std::size_t to, std::uint32_t a) {
    constexpr std::size_t kBlock = 16;
    std::size_t end = begin + 1;
    while (end + kBlock <= to) {
        std::uint32_t differ = 0;
        for (std::size_t k = 0; k < kBlock; ++k) differ |= activity[end + k] ^ a;
        if (differ != 0) break;
        end += kBlock;
    }
    while (end < to && activity[end] == a) ++end;
    return end;
}

// Counts rows [from, to) of `t`. Consecutive rows of one activity (a run) are grouped by fiscal
// year and rate; a run is converted as soon as it ends, except the first and last of the range
// (a neighbouring thread may hold the rest of their activity) and, with `defer_all`, every run.
void count_rows(const TransactionTable& t, const Plan& plan, std::size_t from, std::size_t to, bool defer_all,
                ThreadCount& out) {
    const std::size_t objectives = plan.objectives.size();
    const std::size_t rates = plan.rate_factor.size() + 1;  // with the id of a missing rate
    const std::size_t slots = static_cast<std::size_t>(plan.years) * rates;
    // A run's groups are summed straight into a table indexed by fiscal year × rate (one slot
    // more takes the rows of other types) when that is small enough, else in a hash map.
    const bool direct = slots < (std::size_t{1} << 20);
    out.cells.assign(plan.donors.size() * static_cast<std::size_t>(plan.years) * objectives, Cell{});
    std::vector<std::uint32_t> fy_base(plan.fy_index.size());  // fiscal year × rates, per day
    for (std::size_t d = 0; d < fy_base.size(); ++d) fy_base[d] = plan.fy_index[d] * static_cast<std::uint32_t>(rates);
    std::unordered_map<std::uint64_t, std::uint32_t> sparse;
    std::vector<Group> run;
    run.reserve(256);
    std::uint32_t current = std::numeric_limits<std::uint32_t>::max();
    bool first_run = true;
    constexpr std::size_t kBatch = 4096;
    std::vector<Group> pending;  // converted sums per activity and fiscal year, not yet split
    pending.reserve(kBatch + 256);
    YearSums year_sums(static_cast<std::size_t>(plan.years));
    auto split_pending = [&] {
        split_all(plan, pending, objectives, out.cells.data());
        pending.clear();
    };
    auto finish_run = [&](bool last_run) {
        if (defer_all || first_run || last_run) {
            out.deferred.insert(out.deferred.end(), run.begin(), run.end());
            out.deferred_activities.push_back(current);
        } else {
            for (const Group& group : run) {
                if (group.rate == plan.missing) {
                    out.problem = true;
                    return;
                }
                year_sums.add(group, converted(plan, group));
            }
            // Split in batches: a tight loop over many shares overlaps the cache misses of their
            // scattered cells, which one run's few shares between row scans cannot.
            year_sums.flush(pending);
            out.converted.push_back(current);
            if (pending.size() >= kBatch) split_pending();
        }
        first_run = false;
        run.clear();
    };

    const std::uint32_t* activity = t.activity.data();
    const std::uint8_t* type = t.type.data();
    const std::int32_t* date = t.date.data();
    const Raw* value = t.value.data();
    const std::uint16_t* currency = t.currency.data();
    const std::int32_t* value_date = t.value_date.data();
    const std::uint8_t* type_ok = plan.type_ok.data();
    const std::uint8_t* slot_of = plan.slot_of.data();
    const std::uint32_t* rate_of = plan.rate_of.data();
    const std::uint32_t* fy_of = fy_base.data();
    const std::int32_t lo = plan.lo;
    const std::size_t days = plan.days;
    const auto rate_count = static_cast<std::uint32_t>(rates);
    if (days == 0) {  // no dated row at all: any counted row is a problem
        for (std::size_t i = from; i < to; ++i) out.problem |= type_ok[type[i]] != 0;
        return;
    }
    if (direct) {
        // No branch per row: a row of another type goes to slot 0 (never a group), an undated one
        // is counted on the first day and reported once the range is scanned, and a slot is
        // listed when its count leaves zero. Each run of one activity's rows is scanned in chunks
        // of two loops: the slots of a chunk's rows from their table look-ups, then the sums into
        // those slots. One loop doing both kept too many pointers to stay in registers and mixed
        // the look-ups with the accumulator's stores; split, the 4 M-row benchmark's aggregation
        // took 0.85 of the time (median of 8 alternated pairs).
        const std::uint32_t* segment_of = plan.segment_of.data();
        const std::uint32_t* segment_rate = plan.segment_rate.data();
        const std::size_t segments = plan.segments;
        // Slot 0 takes the rows of other types; fiscal year f and rate r are slot 1 + f × rates + r.
        std::vector<std::uint32_t> fy_of_segment(segments);  // 1 + fiscal year × rates, per segment
        for (std::size_t k = 0; k < segments; ++k) fy_of_segment[k] = 1 + plan.segment_fy[k] * rate_count;
        const std::uint32_t* segment_fy = fy_of_segment.data();
        std::array<std::uint32_t, 256> type_mask{};  // all ones for a counted type
        for (std::size_t k = 0; k < type_mask.size(); ++k) type_mask[k] = plan.type_ok[k] != 0 ? ~0U : 0U;
        // A slot's sum and count side by side: one line per row, one pointer.
        struct Slot {
            Raw sum = 0;
            std::uint32_t count = 0;
        };
        std::vector<Slot> acc(slots + 1);
        Slot* slot_acc = acc.data();
        std::vector<std::uint32_t> touched(slots + 1, 0);
        std::uint32_t* listed_slots = touched.data();
        // Counts rows [begin, end) of one activity into their slots; returns how many slots it
        // listed. Values are selected by masks: the compiler would branch on the type, "no date"
        // or "no value date", which mispredicts as often as the rows mix.
        auto scan_run = [&](std::size_t begin, std::size_t end, std::uint32_t& undated_counted) {
            std::size_t listed = 0;
            constexpr std::size_t kChunk = 64;
            std::uint32_t chunk_slot[kChunk];
            for (std::size_t first = begin; first < end; first += kChunk) {
                const std::size_t count = std::min(kChunk, end - first);
                for (std::size_t k = 0; k < count; ++k) {
                    const std::size_t i = first + k;
                    const std::uint32_t counted = type_mask[type[i]];
                    const std::int32_t dated = date[i];
                    const std::uint32_t no_date = 0U - static_cast<std::uint32_t>(dated == day_number::kNone);
                    undated_counted |= no_date & counted;
                    const auto d = static_cast<std::int32_t>(static_cast<std::uint32_t>(dated) ^
                                                             (static_cast<std::uint32_t>(dated ^ lo) & no_date));
                    const std::int32_t valued = value_date[i];
                    const std::uint32_t no_value_date = 0U - static_cast<std::uint32_t>(valued == day_number::kNone);
                    const auto conversion = static_cast<std::int32_t>(
                        static_cast<std::uint32_t>(valued) ^ (static_cast<std::uint32_t>(valued ^ d) & no_value_date));
                    // The target currency has rate row 0, all zeros: no branch on the currency.
                    const std::uint32_t rate =
                        segment_rate[slot_of[currency[i]] * segments + segment_of[conversion - lo]];
                    chunk_slot[k] = (segment_fy[segment_of[d - lo]] + rate) & counted;
                }
                const Raw* chunk_value = value + first;
                for (std::size_t k = 0; k < count; ++k) {
                    const std::uint32_t slot = chunk_slot[k];
                    Slot& s = slot_acc[slot];
                    const std::uint32_t before = s.count;
                    listed_slots[listed] = slot;
                    listed += static_cast<std::size_t>(before == 0);
                    s.count = before + 1;
                    s.sum += chunk_value[k];
                }
            }
            return listed;
        };
        std::uint32_t undated = 0;
        for (std::size_t begin = from; begin < to;) {
            const std::uint32_t a = activity[begin];
            const std::size_t end = run_end(activity, begin, to, a);
            const std::size_t listed = scan_run(begin, end, undated);
            begin = end;
            std::size_t groups = 0;
            for (std::size_t k = 0; k < listed; ++k) {
                const std::uint32_t slot = listed_slots[k];
                Slot& s = slot_acc[slot];
                if (slot != 0) {
                    run.push_back({s.sum, s.count, a, (slot - 1) / rate_count, (slot - 1) % rate_count});
                    ++groups;
                }
                s = Slot{};
            }
            if (groups == 0) continue;  // only rows of other types: not a run, as in the hash path
            current = a;
            finish_run(end == to);
            if (out.problem) return;
        }
        if (undated) {
            out.problem = true;
            return;
        }
        split_pending();
        return;
    }
    for (std::size_t i = from; i < to; ++i) {
        if (!type_ok[type[i]]) continue;
        const std::int32_t d = date[i];
        if (d == day_number::kNone) {
            out.problem = true;
            return;
        }
        const std::uint32_t a = activity[i];
        if (a != current) {
            if (current != std::numeric_limits<std::uint32_t>::max()) {
                finish_run(false);
                if (out.problem) return;
            }
            current = a;
            sparse.clear();
        }
        const std::uint32_t rate =
            rate_of[slot_of[currency[i]] * days + static_cast<std::size_t>(conversion_day(value_date[i], d) - lo)];
        const std::uint32_t slot = fy_of[d - lo] + rate;
        const auto [it, fresh] = sparse.try_emplace(slot, static_cast<std::uint32_t>(run.size()));
        if (fresh) run.push_back({0, 0, a, slot / rate_count, slot % rate_count});
        Group& group = run[it->second];
        group.sum += value[i];
        ++group.rows;
    }
    if (current != std::numeric_limits<std::uint32_t>::max()) finish_run(true);
    split_pending();
}

// Runs `work(k)` for k in [0, threads), k = 0 on the calling thread.
template <class Work>
void on_threads(unsigned threads, const Work& work) {
    std::vector<std::thread> pool;
    for (unsigned k = 1; k < threads; ++k) pool.emplace_back(work, k);
    work(0);
    for (auto& th : pool) th.join();
}

// Counts every row on `threads` threads. Returns false when an activity converted inside one
// range has rows elsewhere (rows not in activity order): then every run must be deferred.
bool count_all(const TransactionTable& t, const Plan& plan, unsigned threads, bool defer_all,
               std::vector<ThreadCount>& counts) {
    const std::size_t n = t.size();
    counts.assign(threads, ThreadCount{});
    on_threads(threads,
               [&](unsigned k) { count_rows(t, plan, n * k / threads, n * (k + 1) / threads, defer_all, counts[k]); });
    if (defer_all) return true;
    std::vector<std::uint8_t> runs(plan.activities.size(), 0);
    for (const ThreadCount& c : counts) {
        for (std::uint32_t a : c.converted) runs[a] = static_cast<std::uint8_t>(std::min(runs[a] + 1, 2));
        for (std::uint32_t a : c.deferred_activities) runs[a] = static_cast<std::uint8_t>(std::min(runs[a] + 1, 2));
    }
    for (const ThreadCount& c : counts)
        for (std::uint32_t a : c.converted)
            if (runs[a] != 1) return false;
    return true;
}

}  // namespace

namespace detail {

struct AggregateBuilder {
    /// Gives the result its sorted donor and objective names, each used by some cell to come,
    /// and room for `cells` cells: the cells' megabytes are written at once, so on huge pages
    /// where the kernel gives them on request.
    static void start(AggregateResult& result, std::vector<std::string> donors, std::vector<std::string> objectives,
                      std::size_t cells) {
        AggregateCells& out = result.cells_;
        out.donors_ = std::move(donors);
        out.objectives_ = std::move(objectives);
        out.keys_.reserve(cells);
        aidtrack::detail::reserve_on_huge_pages(out.cells_, cells);
    }
    /// Appends a cell whose key follows every key the result holds, without comparing keys.
    static void append(AggregateResult& result, const AggregateKeyIds& key, const AggregateCell& cell) {
        result.cells_.keys_.push_back(key);
        result.cells_.cells_.push_back(cell);
    }
};

}  // namespace detail

namespace {

AggregateResult aggregate_mapped(const Portfolio& portfolio, const AggregateQuery& query,
                                 std::span<const ActivityShare> mapping) {
    const TransactionTable& t = portfolio.transactions();
    const std::size_t n = t.size();
    const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
    unsigned threads =
        query.threads != 0 ? query.threads : std::min<unsigned>(hardware, static_cast<unsigned>(n / 250'000 + 1));
    threads = std::max(1U, std::min<unsigned>(threads, 64));
    const Plan plan = make_plan(portfolio, query, mapping);
    AggregateResult result(query.currency, query.calendar.start_month(), query.calendar.start_day());

    const std::size_t objectives = plan.objectives.size();
    if (n >= std::numeric_limits<std::uint32_t>::max())
        throw ValidationError("aggregate counts at most 2^32 - 1 transactions at once");
    const std::size_t cells = plan.donors.size() * static_cast<std::size_t>(plan.years) * objectives;
    if (cells > (std::size_t{1} << 24))
        throw ValidationError("aggregate: too many donor x year x objective cells (" + std::to_string(cells) + ")");
    const std::size_t slots = static_cast<std::size_t>(plan.years) * (plan.rate_factor.size() + 1);
    if (slots >= std::numeric_limits<std::uint32_t>::max())
        throw ValidationError("aggregate: too many fiscal years x rates (" + std::to_string(slots) + ")");

    std::vector<ThreadCount> counts;
    if (!count_all(t, plan, threads, false, counts)) count_all(t, plan, threads, true, counts);
    for (const ThreadCount& c : counts)
        if (c.problem) throw_first_problem(portfolio, query, plan);

    // Deferred groups: those of one activity, fiscal year and rate are merged, then converted
    // once; the converted sums of one activity and fiscal year are then split once.
    std::vector<Group> rest;
    for (const ThreadCount& c : counts) rest.insert(rest.end(), c.deferred.begin(), c.deferred.end());
    std::sort(rest.begin(), rest.end(), [](const Group& x, const Group& y) {
        return std::tie(x.activity, x.fy, x.rate) < std::tie(y.activity, y.fy, y.rate);
    });
    std::vector<Cell>& acc = counts[0].cells;
    Group share;  // the converted sum of one activity and fiscal year
    for (std::size_t g = 0; g < rest.size();) {
        Group merged_group = rest[g];
        std::size_t h = g + 1;
        for (; h < rest.size() && rest[h].activity == rest[g].activity && rest[h].fy == rest[g].fy &&
               rest[h].rate == rest[g].rate;
             ++h) {
            merged_group.sum += rest[h].sum;
            merged_group.rows += rest[h].rows;
        }
        if (merged_group.rate == plan.missing) throw_first_problem(portfolio, query, plan);
        if (share.rows != 0 && (share.activity != merged_group.activity || share.fy != merged_group.fy)) {
            split_into(plan, share, objectives, acc.data());
            share = Group{};
        }
        share.sum += converted(plan, merged_group);
        share.rows += merged_group.rows;
        share.activity = merged_group.activity;
        share.fy = merged_group.fy;
        g = h;
    }
    if (share.rows != 0) split_into(plan, share, objectives, acc.data());
    for (unsigned k = 1; k < threads; ++k) {
        for (std::size_t c = 0; c < cells; ++c) {
            acc[c].value += counts[k].cells[c].value;
            acc[c].pieces += counts[k].cells[c].pieces;
        }
    }
    // Cells in key order (donors and objectives sorted by text), so each is appended: no search,
    // no intermediate list of 100 000 keys. The result names only the donors and objectives
    // some filled cell has, numbered in text order.
    std::vector<std::uint8_t> donor_used(plan.donors.size(), 0);
    std::vector<std::uint8_t> objective_used(objectives, 0);
    std::size_t filled = 0;
    for (std::size_t c = 0; c < cells; ++c) {
        if (acc[c].pieces == 0) continue;
        ++filled;
        donor_used[c / (static_cast<std::size_t>(plan.years) * objectives)] = 1;
        objective_used[c % objectives] = 1;
    }
    // The used names in text order, and each one's number in that order.
    auto number = [](const std::vector<std::string>& names, const std::vector<std::uint8_t>& used,
                     std::vector<std::uint32_t>& order, std::vector<std::uint32_t>& id) {
        order.clear();
        for (std::uint32_t k = 0; k < names.size(); ++k)
            if (used[k]) order.push_back(k);
        std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return names[x] < names[y]; });
        id.assign(names.size(), 0);
        std::vector<std::string> sorted;
        sorted.reserve(order.size());
        for (std::uint32_t k = 0; k < order.size(); ++k) {
            id[order[k]] = k;
            sorted.push_back(names[order[k]]);
        }
        return sorted;
    };
    std::vector<std::uint32_t> donor_order;
    std::vector<std::uint32_t> donor_id;
    std::vector<std::uint32_t> objective_order;
    std::vector<std::uint32_t> objective_id;
    auto donor_names = number(plan.donors, donor_used, donor_order, donor_id);
    auto objective_names = number(plan.objectives, objective_used, objective_order, objective_id);
    detail::AggregateBuilder::start(result, std::move(donor_names), std::move(objective_names), filled);
    for (std::uint32_t donor : donor_order) {
        for (int y = 0; y < plan.years; ++y) {
            const Cell* row = acc.data() + (static_cast<std::size_t>(donor) * static_cast<std::size_t>(plan.years) +
                                            static_cast<std::size_t>(y)) *
                                               objectives;
            for (std::uint32_t o : objective_order) {
                if (row[o].pieces == 0) continue;
                detail::AggregateBuilder::append(result,
                                                 AggregateKeyIds{donor_id[donor], plan.fy_min + y, objective_id[o]},
                                                 AggregateCell{row[o].value, row[o].pieces});
            }
        }
    }
    return result;
}

}  // namespace

AggregateResult aggregate(const Portfolio& portfolio, const AggregateQuery& query) {
    return aggregate_mapped(portfolio, query, query.objectives);
}

AggregateResult aggregate(const Portfolio& portfolio, const AggregateQuery& query,
                          std::span<const ActivityShare> objectives) {
    if (!query.objectives.empty())
        throw ValidationError("aggregate: objective shares given both in the query (" +
                              std::to_string(query.objectives.size()) + ") and apart from it (" +
                              std::to_string(objectives.size()) + ")");
    return aggregate_mapped(portfolio, query, objectives);
}

}  // namespace aidtrack::measures
