/// \file aid_on_budget.cpp
/// \brief Paris 3 and GPEDC 6: budget records against government-sector schedules.

#include <aidtrack/measures/aid_on_budget.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

#include <algorithm>

namespace aidtrack::measures {

Table aid_on_budget(const Portfolio& portfolio, const MeasureOptions& options, const std::vector<GovernmentBudgetRecord>& budget) {
    const std::string m = detail::methodology_or(options, "paris2008", {"paris2008", "plain", "gpedc2018"});
    const FlowSet scheduled = scheduled_flows(portfolio, options, true);
    // The budget records as a flow set in the same currency.
    FlowSet recorded;
    recorded.currency = options.currency ? *options.currency : scheduled.currency;
    for (std::size_t k = 0; k < budget.size(); ++k) {
        const GovernmentBudgetRecord& r = budget[k];
        if (!detail::wanted(options, r.fiscal_year)) continue;
        Decimal amount = r.amount.amount();
        if (recorded.currency.empty()) recorded.currency = r.amount.currency();
        if (r.amount.currency() != recorded.currency) {
            if (!options.currency || options.rates == nullptr) {
                throw CurrencyError("budget record in " + r.amount.currency().str() + " against " + recorded.currency.str() +
                                        ": give a target currency and an exchange-rate table", r.where, "one-currency-per-sum");
            }
            amount = amount.scaled(options.rates->factor(r.amount.currency(), recorded.currency,
                                                         options.calendar.period_of(r.fiscal_year).start(), options.policy));
        }
        recorded.pieces.push_back({r.donor, r.fiscal_year, 0, static_cast<std::int64_t>(k), amount});
    }
    const CurrencyCode currency = detail::common_currency(recorded, scheduled);
    struct Acc {
        Decimal b, s;
        std::set<std::int64_t> br, sr;
        Acc& operator+=(const Acc& o) { b += o.b; s += o.s; br.insert(o.br.begin(), o.br.end()); sr.insert(o.sr.begin(), o.sr.end()); return *this; }
    };
    std::map<detail::Key, Acc> grid;
    for (const auto& p : recorded.pieces) { auto& a = grid[{p.donor, p.fiscal_year}]; a.b += p.amount; a.br.insert(p.record); }
    for (const auto& p : scheduled.pieces) { auto& a = grid[{p.donor, p.fiscal_year}]; a.s += p.amount; a.sr.insert(p.record); }
    detail::fill_years(grid, options);
    Table out("Aid on budget (Paris 3 / GPEDC 6)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<Decimal>("recorded", "B: aid recorded in the government budget");
    out.add_column<Decimal>("scheduled", "S: disbursements scheduled for the government sector");
    out.add_column<Decimal>("numerator", m == "plain" ? "B" : "min(B, S)");
    out.add_column<Decimal>("denominator", m == "paris2008" ? "max(B, S)" : "S");
    out.add_column<double>("value", "numerator / denominator; undefined when the denominator is 0");
    out.add_column<double>("beyond_scheduled", "gpedc2018: (B - S) / S when B > S, else 0");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("budget_records", "government budget records counted");
    out.add_column<std::int64_t>("schedule_records", "planned disbursements counted");
    detail::for_each_row(grid, options, [&](const std::string& donor, int fy, const Acc& a) {
        Decimal num = a.b, den = a.s;
        if (m == "paris2008") { num = std::min(a.b, a.s); den = std::max(a.b, a.s); }
        if (m == "gpedc2018") num = std::min(a.b, a.s);
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<Decimal>(4, a.b);
        out.push<Decimal>(5, a.s);
        out.push<Decimal>(6, num);
        out.push<Decimal>(7, den);
        detail::push_ratio(out, 8, detail::ratio(num, den));
        if (m == "gpedc2018" && !a.s.is_zero()) detail::push_ratio(out, 9, a.b > a.s ? detail::ratio(a.b - a.s, a.s) : std::optional<double>(0.0));
        else out.push_undefined(9);
        out.push<std::string>(10, currency.str());
        out.push<std::int64_t>(11, static_cast<std::int64_t>(a.br.size()));
        out.push<std::int64_t>(12, static_cast<std::int64_t>(a.sr.size()));
    });
    if (m == "paris2008") out.add_note("formula (paris2008): value = min(B, S) / max(B, S). Source: OECD 2008 Survey on Monitoring the Paris Declaration, indicator 3");
    if (m == "plain") out.add_note("formula (plain): value = B / S");
    if (m == "gpedc2018") out.add_note("formula (gpedc2018): value = min(B, S) / S; beyond_scheduled = (B - S) / S when B > S. Source: GPEDC 2018 Monitoring Guide, indicator 6");
    for (const auto& n : scheduled.notes) out.add_note(n);
    out.add_note("donor = " + to_string(options.donor) + "; hop = " + to_string(options.hop));
    return out;
}

}  // namespace aidtrack::measures
