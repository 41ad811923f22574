/// \file aid_on_budget.cpp
/// \brief Paris 3 and GPEDC 6: budget records against government-sector schedules.

#include <aidtrack/measures/aid_on_budget.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

#include <algorithm>

namespace aidtrack::measures {

Table aid_on_budget(const Portfolio& portfolio, const MeasureOptions& options,
                    const std::vector<GovernmentBudgetRecord>& budget) {
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
                throw CurrencyError("budget record in " + r.amount.currency().str() + " against " +
                                        recorded.currency.str() + ": give a target currency and an exchange-rate table",
                                    r.where, "one-currency-per-sum");
            }
            amount =
                amount.scaled(options.rates->factor(r.amount.currency(), recorded.currency,
                                                    options.calendar.period_of(r.fiscal_year).start(), options.policy));
        }
        recorded.pieces.push_back({r.donor, r.fiscal_year, 0, static_cast<std::int64_t>(k), amount});
    }
    const CurrencyCode currency = detail::common_currency(recorded, scheduled);
    struct Acc {
        Decimal b, s;
        std::set<std::int64_t> br, sr;
    };
    std::map<detail::Key, Acc> grid;
    for (const auto& p : recorded.pieces) {
        auto& a = grid[{p.donor, p.fiscal_year}];
        a.b += p.amount;
        a.br.insert(p.record);
    }
    for (const auto& p : scheduled.pieces) {
        auto& a = grid[{p.donor, p.fiscal_year}];
        a.s += p.amount;
        a.sr.insert(p.record);
    }
    detail::fill_years(grid, options);
    // One row's terms; the "(all)" row adds the donors' terms (see the notes for paris2008).
    struct Terms {
        Decimal b, s, num, den, beyond, unscheduled;
        std::int64_t budget_records = 0, schedule_records = 0;
        Terms& operator+=(const Terms& o) {
            b += o.b;
            s += o.s;
            num += o.num;
            den += o.den;
            beyond += o.beyond;
            unscheduled += o.unscheduled;
            budget_records += o.budget_records;
            schedule_records += o.schedule_records;
            return *this;
        }
    };
    auto terms = [&](const Acc& a) {
        Terms t{
            a.b, a.s, a.b, a.s, {}, {}, static_cast<std::int64_t>(a.br.size()), static_cast<std::int64_t>(a.sr.size())};
        if (m == "paris2008") {
            t.num = std::min(a.b, a.s);
            t.den = std::max(a.b, a.s);
        }
        if (m == "gpedc2018") t.num = std::min(a.b, a.s);
        if (a.s.is_zero())
            t.unscheduled = a.b;
        else if (m == "gpedc2018")
            t.beyond = a.b - std::min(a.b, a.s);
        return t;
    };
    Table out("Aid on budget (Paris 3 / GPEDC 6)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<Decimal>("recorded", "B: aid recorded in the government budget");
    out.add_column<Decimal>("scheduled", "S: disbursements scheduled for the government sector");
    out.add_column<Decimal>("numerator", m == "plain"       ? "B; (all): sum of the donors' B"
                                         : m == "paris2008" ? "min(B, S); (all): min(sum of B, sum of S)"
                                                            : "min(B, S); (all): sum over donors of min(B, S)");
    out.add_column<Decimal>("denominator", m == "paris2008" ? "max(B, S); (all): max(sum of B, sum of S)"
                                                            : "S; (all): sum of the donors' S");
    out.add_column<double>("value", "numerator / denominator; undefined when the denominator is 0");
    out.add_column<double>("beyond_scheduled",
                           "gpedc2018: beyond_scheduled_amount / S, i.e. (B - S) / S when B > S, else 0");
    out.add_column<Decimal>("beyond_scheduled_amount",
                            "gpedc2018: B - min(B, S) of donors with a schedule; (all): their sum");
    out.add_column<Decimal>("unscheduled",
                            "B of donors with nothing scheduled for the government sector; (all): their sum");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("budget_records", "government budget records counted");
    out.add_column<std::int64_t>("schedule_records", "planned disbursements counted");
    detail::for_each_row_of_terms(grid, options, terms, [&](const std::string& donor, int fy, const Terms& t) {
        Decimal num = t.num, den = t.den;
        // The 2008 Survey applies its inverted ratio to the country totals.
        if (m == "paris2008" && donor == kAllDonors) {
            num = std::min(t.b, t.s);
            den = std::max(t.b, t.s);
        }
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<Decimal>(4, t.b);
        out.push<Decimal>(5, t.s);
        out.push<Decimal>(6, num);
        out.push<Decimal>(7, den);
        detail::push_ratio(out, 8, detail::ratio(num, den));
        detail::push_ratio(out, 9, m == "gpedc2018" ? detail::ratio(t.beyond, t.s) : std::nullopt);
        out.push<Decimal>(10, t.beyond);
        out.push<Decimal>(11, t.unscheduled);
        out.push<std::string>(12, currency.str());
        out.push<std::int64_t>(13, t.budget_records);
        out.push<std::int64_t>(14, t.schedule_records);
    });
    if (m == "paris2008") {
        out.add_note(
            "formula (paris2008): value = min(B, S) / max(B, S); (all) = min(sum B, sum S) / max(sum B, sum S), the "
            "Survey's ratio of the country totals, inverted when the budget total exceeds the scheduled total, in "
            "which "
            "one donor's surplus offsets another's shortfall. Source: OECD 2008 Survey on Monitoring the Paris "
            "Declaration, indicator 3");
        out.add_note(
            "donors with nothing scheduled: their B enters the country total of B (see unscheduled), nothing the total "
            "of S");
    }
    if (m == "plain")
        out.add_note(
            "formula (plain): value = B / S; (all) = sum of B / sum of S over the donors (B of donors with nothing "
            "scheduled included)");
    if (m == "gpedc2018") {
        out.add_note(
            "formula (gpedc2018): value = min(B, S) / S; (all) = sum over donors of min(B, S) / sum over donors of S, "
            "so "
            "one donor's budget beyond its schedule never fills another's gap; beyond_scheduled = sum of (B - min(B, "
            "S)) "
            "/ sum of S. Source: GPEDC 2018 Monitoring Guide and Technical Companion, indicator 6");
        out.add_note(
            "donors with nothing scheduled: neither in the numerator nor in the denominator; their B is shown in "
            "unscheduled");
    }
    for (const auto& n : scheduled.notes) out.add_note(n);
    out.add_note("donor = " + to_string(options.donor) + "; hop = " + to_string(options.hop));
    return out;
}

}  // namespace aidtrack::measures
