/// \file binding_constraint.cpp
/// \brief Which limit decides a clearance forecast: release capacity or money.

#include "report_context.hpp"

#include <aidtrack/report/report_builder.hpp>

#include <algorithm>

namespace aidtrack::report {

using detail::fixed;
using detail::kM2PerKm2;

// Which limit decides the forecast: release capacity (the rate operators reach) or money (the
// funding to the deadline against the cost of releasing what is left). Read from the forecast's
// own numbers: the capacity binds when the rate alone misses the deadline, money binds when the
// funding to the deadline is short of the cost; when both fall short, the smaller of the area
// releasable by the deadline and the area fundable by it binds.
BindingConstraint binding_constraint(const ForecastInput& in, const ForecastResult& r, const CurrencyCode& currency) {
    BindingConstraint out;
    // Years from as_of to the deadline, each calendar year counted by the share of its days.
    double years = 0;
    for (int y = in.as_of.year(); y <= in.deadline.year(); ++y) {
        const Date first = std::max(in.as_of, make_date(y, 1, 1));
        const Date last = std::min(in.deadline, make_date(y, 12, 31));
        if (last < first) continue;
        years += static_cast<double>((last - first).days() + 1) /
                 static_cast<double>((make_date(y, 12, 31) - make_date(y, 1, 1)).days() + 1);
    }
    out.needed_rate = years > 0 ? in.remaining_m2 / years : 0;
    const double funding_per_year = years > 0 ? r.funding_to_deadline / years : 0;
    out.fundable_rate = in.cost_per_m2 > 0 ? funding_per_year / in.cost_per_m2 : 0;
    const std::string deadline = std::to_string(in.deadline.year());
    const std::string when =
        r.completion_year ? "until " + std::to_string(*r.completion_year) : std::string("beyond the horizon");
    const std::string rate = fixed(in.release_rate_m2_per_year / kM2PerKm2, 1) + " km²/year";
    const std::string needed = fixed(out.needed_rate / kM2PerKm2, 1) + " km²/year";
    const std::string fundable = fixed(out.fundable_rate / kM2PerKm2, 1) + " km²/year";
    const std::string money = currency.str() + " " + fixed(r.funding_to_deadline / 1e6, 1) + " M";
    const std::string cost = currency.str() + " " + fixed(r.cost_needed / 1e6, 1) + " M";
    out.capacity_short = !r.meets_deadline;
    out.money_short = r.funding_gap > 0;
    const bool capacity_short = out.capacity_short;
    const bool money_short = out.money_short;
    if (capacity_short && !money_short) {
        out.limit = "capacity";
        const double times = in.release_rate_m2_per_year > 0 ? out.needed_rate / in.release_rate_m2_per_year : 0;
        out.sentence = "Binding constraint: release capacity, not money. The funding to " + deadline + " (" + money +
                       ") covers the cost of releasing all that is left (" + cost + "), but at " + rate +
                       " the work lasts " + when + "; finishing by " + deadline + " needs " + needed + " (" +
                       fixed(times, 1) +
                       " times the recent rate). "
                       "A funding gap of 0 therefore does not mean the deadline is within reach.";
    } else if (money_short && !capacity_short) {
        out.limit = "money";
        out.sentence = "Binding constraint: money, not release capacity. At " + rate + " the work would be done by " +
                       deadline + ", but the funding to " + deadline + " (" + money + ") is " + currency.str() + " " +
                       fixed(r.funding_gap / 1e6, 1) + " M short of the cost (" + cost + "); it pays for " + fundable +
                       ".";
    } else if (money_short && capacity_short) {
        const bool capacity_binds = in.release_rate_m2_per_year <= out.fundable_rate;
        out.limit = capacity_binds ? "capacity" : "money";
        out.sentence = std::string("Binding constraint: both fall short, ") +
                       (capacity_binds ? "release capacity" : "money") + " most. The rate reaches " + rate +
                       " and the funding pays for " + fundable + "; finishing by " + deadline + " needs " + needed +
                       ", and the funding to " + deadline + " is " + currency.str() + " " +
                       fixed(r.funding_gap / 1e6, 1) + " M short of the cost (" + cost + ").";
    } else {
        out.limit = "none";
        out.sentence = "Neither capacity nor money binds: at " + rate + " the work is done by " + deadline +
                       " and the funding to " + deadline + " (" + money + ") covers the cost (" + cost + ").";
    }
    return out;
}

}  // namespace aidtrack::report
