/// \file clearance_forecast.cpp
/// \brief Yearly burn-down simulation, Monte Carlo percentiles and what-if scenarios.

// The same draws must give the same percentiles everywhere: no fused multiply-add.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/measures/seeded_random.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace aidtrack {

const char* to_string(FundingKind k) noexcept {
    switch (k) {
        case FundingKind::pledges:
            return "pledges";
        case FundingKind::trend:
            return "trend";
        case FundingKind::flat:
            return "flat";
    }
    return "flat";
}

FundingKind funding_kind_from_string(const std::string& text) {
    std::string t = text;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "pledges") return FundingKind::pledges;
    if (t == "trend") return FundingKind::trend;
    if (t == "flat") return FundingKind::flat;
    throw ParseError("unknown funding scenario '" + text + "' (pledges, trend, flat)");
}

double FundingScenario::in_year(int year) const {
    switch (kind) {
        case FundingKind::pledges: {
            const auto it = pledges.find(year);
            return it == pledges.end() ? 0.0 : it->second;
        }
        case FundingKind::flat:
            if (history.empty()) throw ValidationError("a flat funding scenario needs at least one year of history");
            return history.rbegin()->second;
        case FundingKind::trend: {
            if (history.size() < 2)
                throw ValidationError("a trend funding scenario needs at least two years of history");
            // Ordinary least squares F = a + b (year − mean year).
            double my = 0;
            double mf = 0;
            for (const auto& [y, f] : history) {
                my += y;
                mf += f;
            }
            const auto n = static_cast<double>(history.size());
            my /= n;
            mf /= n;
            double sxy = 0;
            double sxx = 0;
            for (const auto& [y, f] : history) {
                sxy += (y - my) * (f - mf);
                sxx += (y - my) * (y - my);
            }
            const double b = sxy / sxx;
            return std::max(0.0, mf + b * (year - my));
        }
    }
    return 0.0;
}

namespace {

/// \brief The numbers of one simulation run.
struct Run {
    std::optional<double> years;
    std::optional<Date> date;
    double funding_to_deadline = 0;
    double remaining_at_deadline = 0;
    std::vector<int> years_list;
    std::vector<double> funding, released, remaining_end;
};

Run simulate(const ForecastInput& in, double rate, double cost, double funding_factor, bool keep_path) {
    AIDTRACK_REQUIRE(std::isfinite(in.remaining_m2) && in.remaining_m2 >= 0, "forecast: remaining area must be >= 0");
    AIDTRACK_REQUIRE(std::isfinite(rate) && rate >= 0, "forecast: release rate must be >= 0");
    AIDTRACK_REQUIRE(std::isfinite(cost) && cost >= 0, "forecast: cost per m2 must be >= 0");
    AIDTRACK_REQUIRE(!in.as_of.is_special() && !in.deadline.is_special(), "forecast: as_of and deadline are needed");
    Run run;
    const int deadline_year = static_cast<int>(in.deadline.year());
    double remaining = in.remaining_m2;
    run.remaining_at_deadline = remaining;
    if (remaining == 0) {
        run.years = 0.0;
        run.date = in.as_of;
    }
    Date seg_start = in.as_of;
    double elapsed = 0;
    for (int y = static_cast<int>(in.as_of.year()); y <= in.horizon_year; ++y) {
        const bool done = run.years.has_value();
        if (done && y > deadline_year) break;
        const Date seg_end(static_cast<unsigned short>(y), 12, 31);
        const double year_days =
            boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(y)) ? 366.0 : 365.0;
        const long seg_days = (seg_end - seg_start).days() + 1;
        const double frac = static_cast<double>(seg_days) / year_days;
        const double f = in.funding.in_year(y) * funding_factor * frac;
        const double capacity = rate * frac;
        double release = capacity;
        if (in.funding_limits_release && cost > 0) release = std::min(capacity, f / cost);
        double released = 0;
        if (!done) {
            if (release > 0 && release >= remaining) {
                const double share = remaining / release;  // of this segment
                run.years = elapsed + share * frac;
                const auto day = static_cast<long>(std::ceil(share * static_cast<double>(seg_days)));
                run.date = seg_start + boost::gregorian::days(std::max(0L, day - 1));
                released = remaining;
                remaining = 0;
            } else {
                released = release;
                remaining -= release;
            }
        }
        if (y <= deadline_year) {
            run.funding_to_deadline += f;
            run.remaining_at_deadline = remaining;
        }
        if (keep_path) {
            run.years_list.push_back(y);
            run.funding.push_back(f);
            run.released.push_back(released);
            run.remaining_end.push_back(remaining);
        }
        elapsed += frac;
        seg_start = Date(static_cast<unsigned short>(y + 1), 1, 1);
    }
    return run;
}

ForecastResult to_result(const ForecastInput& in, const Run& run, double cost) {
    ForecastResult r;
    r.years_to_complete = run.years;
    r.completion_date = run.date;
    if (run.date) r.completion_year = static_cast<int>(run.date->year());
    r.cost_needed = in.remaining_m2 * cost;
    r.funding_to_deadline = run.funding_to_deadline;
    r.funding_gap = std::max(0.0, r.cost_needed - r.funding_to_deadline);
    r.remaining_at_deadline = run.remaining_at_deadline;
    r.meets_deadline = run.date && *run.date <= in.deadline;
    return r;
}

double decimal_year(const Run& run) {
    if (!run.date) return std::numeric_limits<double>::infinity();
    const int y = run.date->year();
    const double days =
        boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(y)) ? 366.0 : 365.0;
    return y + static_cast<double>(run.date->day_of_year()) / days;
}

double draw(const Distribution& d, SeededRandom& rng) {
    switch (d.kind) {
        case Distribution::Kind::fixed:
            return d.a;
        case Distribution::Kind::normal: {
            // A factor cannot be negative: redraw (bounded) and fall back to the mean.
            for (int i = 0; i < 100; ++i) {
                const double v = rng.normal(d.a, d.b);
                if (v > 0) return v;
            }
            return d.a;
        }
        case Distribution::Kind::lognormal:
            return rng.lognormal(d.a, d.b);
        case Distribution::Kind::triangular:
            return rng.triangular(d.a, d.b, d.c);
    }
    return d.a;
}

/// Nearest-rank percentile of sorted values: the value at rank ceil(p/100 × n).
double percentile(const std::vector<double>& sorted, int p) {
    const std::size_t n = sorted.size();
    const std::size_t rank = (static_cast<std::size_t>(p) * n + 99) / 100;
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

ForecastResult forecast(const ForecastInput& input) {
    const Run run = simulate(input, input.release_rate_m2_per_year, input.cost_per_m2, 1.0, true);
    ForecastResult r = to_result(input, run, input.cost_per_m2);
    Table t("Forecast burn-down of remaining contamination");
    t.set_methodology("yearly-burn-down");
    t.add_column<std::int64_t>("year");
    t.add_column<double>("funding", "funding of the year (first year pro-rated by days)");
    t.add_column<double>("released_m2", "min(rate, funding / cost) when funding limits release, else rate");
    t.add_column<double>("remaining_end_m2", "remaining at the end of the year");
    for (std::size_t i = 0; i < run.years_list.size(); ++i) {
        t.push<std::int64_t>(0, run.years_list[i]);
        t.push<double>(1, run.funding[i]);
        t.push<double>(2, run.released[i]);
        t.push<double>(3, run.remaining_end[i]);
    }
    t.add_note("Funding scenario: " + std::string(to_string(input.funding.kind)) + "; deadline " +
               to_iso(input.deadline) + ".");
    r.path = std::move(t);
    return r;
}

double mean_release_rate(const ResultsStore& store, int first_year, int last_year) {
    AIDTRACK_REQUIRE(last_year >= first_year, "mean_release_rate: last year before first year");
    double total = 0;
    for (const auto& r : store.releases()) {
        const int y = r.date.year();
        if (y >= first_year && y <= last_year) total += static_cast<double>(r.area_m2);
    }
    return total / static_cast<double>(last_year - first_year + 1);
}

MonteCarloResult monte_carlo(const MonteCarloInput& input) {
    AIDTRACK_REQUIRE(input.draws > 0, "monte_carlo: at least one draw");
    SeededRandom rng(input.seed);
    const ForecastInput& base = input.base;
    const int first = base.as_of.year();
    const int last = std::max(first, static_cast<int>(base.deadline.year()));
    MonteCarloResult out;
    std::vector<std::vector<double>> fan(static_cast<std::size_t>(last - first + 1));
    std::vector<double> at_deadline;
    std::size_t meets = 0;
    for (std::size_t i = 0; i < input.draws; ++i) {
        const double rf = draw(input.rate_factor, rng);
        const double cf = draw(input.cost_factor, rng);
        const double ff = draw(input.funding_factor, rng);
        const double cost = base.cost_per_m2 * cf;
        const Run run = simulate(base, base.release_rate_m2_per_year * rf, cost, ff, true);
        const ForecastResult r = to_result(base, run, cost);
        out.completion.push_back(decimal_year(run));
        out.gap.push_back(r.funding_gap);
        at_deadline.push_back(r.remaining_at_deadline);
        if (r.meets_deadline) ++meets;
        for (std::size_t k = 0; k < fan.size(); ++k) {
            // Years after completion are not in the path: nothing remains then.
            fan[k].push_back(k < run.remaining_end.size() ? run.remaining_end[k] : 0.0);
        }
    }
    out.p_meets_deadline = static_cast<double>(meets) / static_cast<double>(input.draws);

    Table s("Monte Carlo forecast (" + std::to_string(input.draws) + " draws, seed " + std::to_string(input.seed) +
            ")");
    s.set_methodology("monte-carlo-nearest-rank");
    s.add_column<std::string>("statistic");
    s.add_column<double>("p10");
    s.add_column<double>("p50");
    s.add_column<double>("p90");
    s.add_column<double>("mean");
    auto add_row = [&](const std::string& name, std::vector<double> values) {
        std::sort(values.begin(), values.end());
        s.push<std::string>(0, name);
        for (int k = 0; k < 3; ++k) {
            const double v = percentile(values, k == 0 ? 10 : (k == 1 ? 50 : 90));
            s.push<double>(static_cast<std::size_t>(k) + 1, v, std::isfinite(v));
        }
        double sum = 0;
        for (double v : values) sum += v;
        const double mean = sum / static_cast<double>(values.size());
        s.push<double>(4, mean, std::isfinite(mean));
    };
    add_row("completion_year", out.completion);
    add_row("funding_gap", out.gap);
    add_row("remaining_at_deadline_m2", at_deadline);
    s.push<std::string>(0, "meets_deadline");
    for (std::size_t k = 1; k <= 3; ++k) s.push_undefined(k);
    s.push<double>(4, out.p_meets_deadline);
    s.add_note("completion_year is a decimal year: year + day of year / days in year (never = undefined).");
    s.add_note("Percentiles are nearest-rank (rank ceil(p n / 100)); draws from xoshiro256** seeded by splitmix64.");
    out.summary = std::move(s);

    Table f("Remaining contamination fan");
    f.set_methodology("monte-carlo-nearest-rank");
    f.add_column<std::int64_t>("year");
    f.add_column<double>("remaining_p10_m2");
    f.add_column<double>("remaining_p50_m2");
    f.add_column<double>("remaining_p90_m2");
    for (std::size_t k = 0; k < fan.size(); ++k) {
        std::sort(fan[k].begin(), fan[k].end());
        f.push<std::int64_t>(0, first + static_cast<int>(k));
        f.push<double>(1, percentile(fan[k], 10));
        f.push<double>(2, percentile(fan[k], 50));
        f.push<double>(3, percentile(fan[k], 90));
    }
    out.fan = std::move(f);
    return out;
}

Table scenario_table(const ForecastInput& base, const std::vector<WhatIf>& what_ifs) {
    Table t("What-if scenarios");
    t.set_methodology("yearly-burn-down");
    t.add_column<std::string>("scenario");
    t.add_column<double>("funding_factor");
    t.add_column<double>("cost_factor");
    t.add_column<double>("rate_factor");
    t.add_column<std::int64_t>("completion_year");
    t.add_column<Date>("completion_date");
    t.add_column<double>("years_to_complete");
    t.add_column<double>("cost_needed");
    t.add_column<double>("funding_to_deadline");
    t.add_column<double>("funding_gap");
    t.add_column<double>("remaining_at_deadline_m2");
    t.add_column<std::int64_t>("meets_deadline");
    std::vector<WhatIf> rows{{"baseline", 1, 1, 1}};
    rows.insert(rows.end(), what_ifs.begin(), what_ifs.end());
    for (const auto& w : rows) {
        const double cost = base.cost_per_m2 * w.cost_factor;
        const Run run = simulate(base, base.release_rate_m2_per_year * w.rate_factor, cost, w.funding_factor, false);
        const ForecastResult r = to_result(base, run, cost);
        t.push<std::string>(0, w.name);
        t.push<double>(1, w.funding_factor);
        t.push<double>(2, w.cost_factor);
        t.push<double>(3, w.rate_factor);
        if (r.completion_year)
            t.push<std::int64_t>(4, *r.completion_year);
        else
            t.push_undefined(4);
        if (r.completion_date)
            t.push<Date>(5, *r.completion_date);
        else
            t.push_undefined(5);
        if (r.years_to_complete)
            t.push<double>(6, *r.years_to_complete);
        else
            t.push_undefined(6);
        t.push<double>(7, r.cost_needed);
        t.push<double>(8, r.funding_to_deadline);
        t.push<double>(9, r.funding_gap);
        t.push<double>(10, r.remaining_at_deadline);
        t.push<std::int64_t>(11, r.meets_deadline ? 1 : 0);
    }
    return t;
}

}  // namespace aidtrack
