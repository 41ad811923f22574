/// \file forecast.cpp
/// \brief The forecast section: the cost per m² from the whole sector, when the known
/// contamination would be released, the money needed beside the country's own estimates, and
/// which limit binds.

#include "sections.hpp"

#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/model/land_release.hpp>
#include <aidtrack/report/svg_chart.hpp>

#include <algorithm>
#include <cmath>

namespace aidtrack::report::detail {
namespace {

// Cost of releasing a m²: all support (international + national) over the land released in the
// same years, the years being those with both a published national land-release total and a
// published international total.
struct CostPerM2 {
    double value = 0;
    std::vector<int> years;
    Decimal money;
    std::int64_t area = 0;
    std::string from;
};

std::optional<CostPerM2> whole_sector_cost(Context& c) {
    const auto& land = c.land_released();
    const auto& international = c.international();
    const auto& national = c.national();
    CostPerM2 out;
    for (const auto& [y, m2] : land) {
        const auto i = international.find(y);
        if (i == international.end() || m2 <= 0) continue;
        out.years.push_back(y);
        out.money += i->second;
        if (const auto n = national.find(y); n != national.end()) out.money += n->second;
        out.area += m2;
    }
    if (out.years.empty()) return std::nullopt;
    out.value = out.money.to_double() / static_cast<double>(out.area);
    std::string years;
    for (int y : out.years) years += (years.empty() ? "" : ", ") + std::to_string(y);
    out.from = "all support (international + national where published) in " + years + ", " +
               millions(out.money, c.o.currency) + ", over the land released in those years, " +
               km2(static_cast<double>(out.area)) + " (published national totals)";
    return out;
}

// Release rate: the mean of the published national totals of the last five years when some fall
// within them, else the mean of the release records behind the hazard ledgers.
struct Rate {
    double value = 0;
    std::string from;
    int first = 0;
    int last = 0;
};

std::optional<Rate> release_rate(Context& c) {
    const int first = c.year - 4;
    const auto& land = c.land_released();
    double sum = 0;
    int years = 0;
    for (const auto& [y, m2] : land) {
        if (y >= first && y <= c.year) sum += static_cast<double>(m2), ++years;
    }
    if (years > 0)
        return Rate{sum / years,
                    "mean of the published national totals in " + std::to_string(years) + " year(s) of " +
                        year_span(first, c.year),
                    first, c.year};
    const ResultsStore& store = c.p.results();
    int last = 0;
    for (const auto& r : store.releases()) {
        if (r.date.year() <= c.year) last = std::max(last, static_cast<int>(r.date.year()));
    }
    if (last == 0) return std::nullopt;
    std::size_t illustrative = 0;
    for (const auto& r : store.releases()) {
        if (r.date.year() >= last - 4 && r.date.year() <= last && r.provenance.evidence == Evidence::illustrative)
            ++illustrative;
    }
    return Rate{
        mean_release_rate(store, last - 4, last),
        "mean land released per year " + year_span(last - 4, last) +
            " in the release records behind the hazard ledgers" +
            (illustrative > 0 ? " (their yearly split is illustrative; the period's total is the published figure)"
                              : ""),
        last - 4, last};
}

// Funding per year: mean of the last three years with an international total, plus the national
// contribution of those years where published; kept flat.
struct FlatFunding {
    double per_year = 0;
    std::vector<int> years;
    std::string years_text;
};

std::optional<FlatFunding> recent_funding(Context& c) {
    const auto& international = c.international();
    const auto& national = c.national();
    FlatFunding out;
    for (auto it = international.rbegin(); it != international.rend() && out.years.size() < 3; ++it)
        out.years.push_back(it->first);
    if (out.years.empty()) return std::nullopt;
    std::sort(out.years.begin(), out.years.end());
    double sum = 0;
    for (int y : out.years) {
        sum += international.at(y).to_double();
        if (const auto n = national.find(y); n != national.end()) sum += n->second.to_double();
    }
    out.per_year = sum / static_cast<double>(out.years.size());
    for (int y : out.years) out.years_text += (out.years_text.empty() ? "" : ", ") + std::to_string(y);
    return out;
}

// The money needed to finish: the point forecast and the P10/P90 of the cost factor.
struct MoneyNeeded {
    double p50 = 0;
    double p10 = 0;
    double p90 = 0;
};

void add_input(Table& inputs, const std::string& name, double v, const std::string& from) {
    inputs.push<std::string>(0, name);
    inputs.push<double>(1, v);
    inputs.push<std::string>(2, from);
}

// The forecast's inputs and results, one row each; the first screen reads them by name.
Table forecast_inputs(const Context& c, double left, const Rate& rate, const CostPerM2& cost,
                      const FlatFunding& funding, const ForecastInput& input, const ForecastResult& point,
                      const MoneyNeeded& needed, const MonteCarloInput& mc, const MonteCarloResult& sim,
                      double cost_sigma) {
    const std::string cur = c.o.currency.str();
    Table inputs("Forecast inputs");
    inputs.add_column<std::string>("input");
    inputs.add_column<double>("value");
    inputs.add_column<std::string>("from");
    const Date end = input.as_of - boost::gregorian::days(1);
    add_input(inputs, "remaining_m2", left, "remaining contamination on " + to_iso(end) + " (hazard ledgers)");
    add_input(inputs, "release_rate_m2_per_year", rate.value, rate.from);
    add_input(inputs, "cost_per_m2_" + cur, cost.value, cost.from);
    add_input(inputs, "funding_per_year_" + cur, funding.per_year,
              "mean of international + national support in " + funding.years_text + ", kept flat");
    add_input(inputs, "money_needed_" + cur, point.cost_needed, "remaining × cost per m²");
    add_input(inputs, "money_needed_p10_" + cur, needed.p10,
              "cost per m² at its P10 (lognormal, σ " + fixed(cost_sigma, 2) + ")");
    add_input(inputs, "money_needed_p90_" + cur, needed.p90, "cost per m² at its P90");
    add_input(inputs, "funding_to_deadline_" + cur, point.funding_to_deadline,
              "funding from " + to_iso(input.as_of) + " to " + to_iso(input.deadline));
    add_input(inputs, "funding_gap_" + cur, point.funding_gap, "max(0, money needed − funding to the deadline)");
    add_input(inputs, "p_meets_deadline", sim.p_meets_deadline, "share of 1000 draws done by the deadline");
    if (point.completion_year)
        add_input(inputs, "completion_year", *point.completion_year,
                  "the year the remaining area is released at the rate");
    inputs.add_note(
        "Uncertainty (assumed, not published): release rate × triangular(0.7, 1, 1.2), cost × lognormal(median 1, σ " +
        fixed(cost_sigma, 2) + "), funding × normal(1, 0.15); seed " + std::to_string(mc.seed) + ".");
    inputs.add_note(
        "The cost per m² divides all support, including victim assistance and risk education, by all land released, "
        "including land cancelled by survey: it prices the sector's whole work per m², not clearance alone.");
    return inputs;
}

// One published total requirement as the first screen quotes it ("more than USD 165 M for …").
std::string quoted_need(const Context& c, const Table& f, std::size_t r, const std::string& period) {
    const std::string note = f.at<std::string>(r, "note");
    std::string qualifier;
    for (const char* q : {"more than", "at least", "about", "around", "roughly", "almost", "close to"}) {
        const std::size_t at = note.find(q);
        if (at < 40 && qualifier.empty()) qualifier = std::string(q) + " ";
    }
    return qualifier + millions(f.at<Decimal>(r, "amount_usd"), c.o.currency, 0) + " for " + period + " (" +
           f.at<std::string>(r, "who") + ", " + f.at<std::string>(r, "published") + ")";
}

// The forecast's money needed beside the country's own published total requirements; `quoted`
// receives the Article 5 extension requests' estimates and the latest one.
Table money_needed(const Context& c, const MoneyNeeded& needed, const ForecastInput& input, double left,
                   std::vector<std::string>& quoted) {
    const std::string cur = c.o.currency.str();
    Table needs("Money needed: this forecast beside the country's own estimates");
    needs.add_column<std::string>("estimate");
    needs.add_column<std::string>("period");
    needs.add_column<Decimal>("amount_" + cur);
    needs.add_column<std::string>("scope");
    needs.add_column<std::string>("source");
    needs.push<std::string>(0, "this forecast (P50; P10 " + millions(needed.p10, c.o.currency, 1) + ", P90 " +
                                   millions(needed.p90, c.o.currency, 1) + ")");
    needs.push<std::string>(1, "from " + to_iso(input.as_of) + " until done");
    needs.push<Decimal>(2, Decimal::from_double(std::round(needed.p50)));
    needs.push<std::string>(3, "release of all " + km2(left) + " remaining, every contamination type");
    needs.push<std::string>(4, "computed: remaining × cost per m²");
    std::string latest_published;
    std::string latest;
    if (c.o.funding_needs) {
        const Table& f = *c.o.funding_needs;
        for (std::size_t r = 0; r < f.row_count(); ++r) {
            const std::string scope = f.at<std::string>(r, "scope");
            if (scope.rfind("total requirement", 0) != 0) continue;
            const std::string first =
                f.defined(r, "period_start") ? std::to_string(f.at<std::int64_t>(r, "period_start")) : std::string();
            const std::string last =
                f.defined(r, "period_end") ? std::to_string(f.at<std::int64_t>(r, "period_end")) : std::string();
            const std::string period =
                first.empty() ? (last.empty() ? "not stated" : "up to " + last) : first + "–" + last;
            needs.push<std::string>(0, f.at<std::string>(r, "who") + " (" + f.at<std::string>(r, "published") + ")");
            needs.push<std::string>(1, period);
            needs.push<Decimal>(2, f.at<Decimal>(r, "amount_usd"));
            needs.push<std::string>(
                3, scope + (f.at<std::string>(r, "note").empty() ? "" : "; " + f.at<std::string>(r, "note")));
            needs.push<std::string>(4, f.at<std::string>(r, "source"));
            // The first screen quotes the Article 5 extension request and the latest estimate.
            const std::string text = quoted_need(c, f, r, period);
            if (f.at<std::string>(r, "who").find("Article 5") != std::string::npos) quoted.push_back(text);
            if (f.at<std::string>(r, "published") >= latest_published) {
                latest_published = f.at<std::string>(r, "published");
                latest = text;
            }
        }
    }
    if (!latest.empty() && std::find(quoted.begin(), quoted.end(), latest) == quoted.end()) quoted.push_back(latest);
    needs.add_note(
        "Published estimates differ in scope (all contamination or mines only, clearance or the whole programme) and "
        "period; "
        "read each with its scope and source.");
    return needs;
}

// Remaining contamination of the last six years as observed, and the simulation's fan after.
FanChart contamination_fan(const Context& c, const ResultsStore& store, const Table& sim_fan) {
    FanChart fan;
    fan.title = "Remaining contamination: observed and forecast (km²)";
    fan.x_label = "year";
    fan.y_label = "km²";
    for (int y = c.year - 5; y <= c.year; ++y) {
        Table r = remaining_contamination(store, make_date(y, 12, 31));
        if (r.row_count() == 0) continue;
        fan.observed_x.push_back(y);
        fan.observed.push_back(static_cast<double>(r.at<std::int64_t>(0, "remaining_m2")) / kM2PerKm2);
    }
    for (std::size_t r = 0; r < sim_fan.row_count(); ++r) {
        const int y = static_cast<int>(sim_fan.at<std::int64_t>(r, "year"));
        if (y > c.o.horizon + 5) break;
        auto value = [&](const char* col) {
            return sim_fan.defined(r, col) ? sim_fan.at<double>(r, col) / kM2PerKm2 : 0.0;
        };
        fan.forecast_x.push_back(y);
        fan.p10.push_back(std::min(value("remaining_p10_m2"), value("remaining_p90_m2")));
        fan.p50.push_back(value("remaining_p50_m2"));
        fan.p90.push_back(std::max(value("remaining_p10_m2"), value("remaining_p90_m2")));
    }
    fan.target = 0;
    fan.target_label = "mine-free";
    return fan;
}

// The point forecast's input: the remaining area released at the recent rate from the day
// after `end`, priced at the sector's cost per m², with flat funding (which does not limit release).
ForecastInput forecast_input(double left, Date end, double rate, double cost, const FlatFunding& funding, int horizon) {
    ForecastInput input;
    input.remaining_m2 = left;
    input.as_of = end + boost::gregorian::days(1);
    input.release_rate_m2_per_year = rate;
    input.cost_per_m2 = cost;
    input.funding.kind = FundingKind::flat;
    input.funding.history[funding.years.back()] = funding.per_year;
    input.funding_limits_release = false;
    input.deadline = make_date(horizon, 12, 31);
    return input;
}

}  // namespace

Section forecast(Context& c) {
    const std::string title = "Forecast and the money needed to " + std::to_string(c.o.horizon);
    const ResultsStore& store = c.p.results();
    if (store.hazards().empty())
        return unavailable("forecast", title,
                           "the portfolio holds no hazardous areas, so the remaining contamination is not known");
    const auto rate = release_rate(c);
    if (!rate)
        return unavailable("forecast", title,
                           "no land release is recorded or published up to the report year, so no release rate");
    const auto cost = whole_sector_cost(c);
    if (!cost) {
        return unavailable("forecast", title,
                           "no year has both a published national land-release total and a published international "
                           "total, so the cost of releasing a m² is not known");
    }
    const auto funding = recent_funding(c);
    if (!funding) return unavailable("forecast", title, "no international funding is published");

    const Date end = make_date(c.year, 12, 31);
    Table left_table = remaining_contamination(store, end);
    const double left =
        static_cast<double>(left_table.row_count() ? left_table.at<std::int64_t>(0, "remaining_m2") : 0);
    const ForecastInput input = forecast_input(left, end, rate->value, cost->value, *funding, c.o.horizon);
    const ForecastResult point = aidtrack::forecast(input);
    MonteCarloInput mc;
    mc.base = input;
    mc.rate_factor = Distribution::triangular(0.7, 1.0, 1.2);
    const double cost_sigma = 0.25;
    mc.cost_factor = Distribution::lognormal(1.0, cost_sigma);
    mc.funding_factor = Distribution::normal(1.0, 0.15);
    mc.draws = 1000;
    c.say("forecast: 1000 Monte Carlo draws");
    MonteCarloResult sim = monte_carlo(mc);
    // The money needed is remaining × cost per m² × the cost factor: its P10 and P90 are those of
    // the lognormal factor, exp(∓1.2816 σ).
    const MoneyNeeded needed{point.cost_needed, point.cost_needed * std::exp(-1.2815515655446004 * cost_sigma),
                             point.cost_needed * std::exp(1.2815515655446004 * cost_sigma)};

    Section s{"forecast", title, true, {}, {}, {}, {}};
    Table inputs = forecast_inputs(c, left, *rate, *cost, *funding, input, point, needed, mc, sim, cost_sigma);
    std::vector<std::string> quoted;
    Table needs = money_needed(c, needed, input, left, quoted);
    const FanChart fan = contamination_fan(c, store, sim.fan);
    sim.summary.set_title("Forecast summary (P10, P50, P90 of 1000 draws)");
    sim.fan.set_title("Remaining contamination forecast (m²)");
    s.charts.push_back({fan.title, render_svg(fan)});
    s.paragraphs.push_back(
        "When would the known contamination be released at the recent rate, and what would it cost at what the sector "
        "has spent per m² released? A straight projection, with the uncertainty of rate, cost and funding drawn 1000 "
        "times; set beside the estimates Cambodia itself published.");
    s.summary.push_back("Remaining " + km2(left) + " at " + km2(rate->value) + " a year: " +
                        (point.completion_year ? "done in " + std::to_string(*point.completion_year)
                                               : std::string("not done within the horizon")) +
                        "; P(done by " + std::to_string(c.o.horizon) + ") = " + percent(sim.p_meets_deadline) + ".");
    s.summary.push_back("Money needed to finish: " + millions(point.cost_needed, c.o.currency, 0) + " (P10–P90 " +
                        millions(needed.p10, c.o.currency, 0) + "–" + millions(needed.p90, c.o.currency, 0) + ") at " +
                        c.o.currency.str() + " " + fixed(cost->value, 3) + " per m² (" + cost->from + ").");
    if (!quoted.empty()) {
        std::string line = "Cambodia's own estimates: ";
        for (std::size_t i = 0; i < quoted.size(); ++i) line += (i == 0 ? "" : "; ") + quoted[i];
        s.summary.push_back(line + ".");
    }
    const BindingConstraint binding = binding_constraint(input, point, c.o.currency);
    add_input(inputs, "release_needed_m2_per_year", binding.needed_rate,
              "remaining ÷ years from " + to_iso(input.as_of) + " to the deadline");
    add_input(inputs, "fundable_m2_per_year", binding.fundable_rate, "funding per year ÷ cost per m²");
    s.summary.push_back(binding.sentence);
    s.paragraphs.push_back(binding.sentence);
    s.tables.push_back(std::move(inputs));
    s.tables.push_back(std::move(needs));
    s.tables.push_back(std::move(sim.summary));
    s.tables.push_back(std::move(sim.fan));
    return s;
}

}  // namespace aidtrack::report::detail
