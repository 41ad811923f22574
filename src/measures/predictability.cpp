/// \file predictability.cpp
/// \brief Annual and medium-term predictability, execution rate.

#include <aidtrack/measures/predictability.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

#include <algorithm>

namespace aidtrack::measures {

namespace {

struct Pair {
    Decimal first;
    Decimal second;
    std::set<std::int64_t> first_records;
    std::set<std::int64_t> second_records;
    Pair& operator+=(const Pair& o) {
        first += o.first;
        second += o.second;
        first_records.insert(o.first_records.begin(), o.first_records.end());
        second_records.insert(o.second_records.begin(), o.second_records.end());
        return *this;
    }
};

using Grid = std::map<detail::Key, Pair>;

void add_first(Grid& g, const FlowSet& s) {
    for (const auto& p : s.pieces) {
        Pair& a = g[{p.donor, p.fiscal_year}];
        a.first += p.amount;
        a.first_records.insert(p.record);
    }
}
void add_second(Grid& g, const FlowSet& s) {
    for (const auto& p : s.pieces) {
        Pair& a = g[{p.donor, p.fiscal_year}];
        a.second += p.amount;
        a.second_records.insert(p.record);
    }
}

}  // namespace

namespace {

/// One row's terms of the annual ratio. The "(all)" row adds the donor rows' terms.
struct AnnualTerms {
    Decimal disbursed;       // D
    Decimal scheduled;       // S
    Decimal numerator;       // D, min(D, S) …
    Decimal denominator;     // S, max(D, S) …
    Decimal over_disbursed;  // gpedc2018: D - min(D, S) of donors with a schedule
    Decimal over_base;       // gpedc2018: D of donors with a schedule
    Decimal unscheduled;     // D of donors with nothing scheduled for the year
    std::int64_t disbursement_records = 0;
    std::int64_t schedule_records = 0;
    AnnualTerms& operator+=(const AnnualTerms& o) {
        disbursed += o.disbursed;
        scheduled += o.scheduled;
        numerator += o.numerator;
        denominator += o.denominator;
        over_disbursed += o.over_disbursed;
        over_base += o.over_base;
        unscheduled += o.unscheduled;
        disbursement_records += o.disbursement_records;
        schedule_records += o.schedule_records;
        return *this;
    }
};

AnnualTerms annual_terms(const std::string& m, const Pair& a) {
    AnnualTerms t;
    const Decimal d = a.first;
    const Decimal s = a.second;
    t.disbursed = d;
    t.scheduled = s;
    t.numerator = d;
    t.denominator = s;
    if (m == "paris2011") {
        t.numerator = std::min(d, s);
        t.denominator = std::max(d, s);
    } else if (m == "gpedc2018") {
        t.numerator = std::min(d, s);
    }
    if (s.is_zero()) {
        t.unscheduled = d;
    } else if (m == "gpedc2018") {
        t.over_disbursed = d - std::min(d, s);
        t.over_base = d;
    }
    t.disbursement_records = static_cast<std::int64_t>(a.first_records.size());
    t.schedule_records = static_cast<std::int64_t>(a.second_records.size());
    return t;
}

}  // namespace

Table annual_predictability(const Portfolio& portfolio, const MeasureOptions& options) {
    const std::string m = detail::methodology_or(options, "gpedc2018", {"paris2008", "paris2011", "gpedc2018"});
    const FlowSet disbursed = transaction_flows(portfolio, options);
    const FlowSet scheduled = scheduled_flows(portfolio, options);
    const CurrencyCode currency = detail::common_currency(disbursed, scheduled);
    Grid grid;
    add_first(grid, disbursed);
    add_second(grid, scheduled);
    detail::fill_years(grid, options);

    Table out("Annual predictability (Paris 7 / GPEDC 5a)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<Decimal>("disbursed", "D: disbursements recorded in the year");
    out.add_column<Decimal>("scheduled", "S: disbursements scheduled for the year");
    out.add_column<Decimal>(
        "numerator", m == "paris2008"   ? "D; (all): sum of the donors' D"
                     : m == "paris2011" ? "min(D, S); (all): sum over donors of min(D, S)"
                                        : "min(D, S), disbursed as scheduled; (all): sum over donors of min(D, S)");
    out.add_column<Decimal>("denominator", m == "paris2011" ? "max(D, S); (all): sum over donors of max(D, S)"
                                                            : "S; (all): sum of the donors' S");
    out.add_column<double>("value", "numerator / denominator; undefined when the denominator is 0");
    out.add_column<double>(
        "over_disbursement",
        "gpedc2018: over_disbursed / D of donors with a schedule, i.e. (D - S) / D when D > S, else 0; "
        "undefined when that D is 0 or for another methodology");
    out.add_column<Decimal>("over_disbursed", "gpedc2018: D - min(D, S) of donors with a schedule; (all): their sum");
    out.add_column<Decimal>("unscheduled", "D of donors with nothing scheduled for the year; (all): their sum");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("disbursement_records", "transactions counted");
    out.add_column<std::int64_t>("schedule_records", "planned disbursements (or fallback budgets) counted");
    const bool gpedc = m == "gpedc2018";
    detail::for_each_row_of_terms(
        grid, options, [&](const Pair& a) { return annual_terms(m, a); },
        [&](const std::string& donor, int fy, const AnnualTerms& t) {
            detail::push_head(out, portfolio, options, donor, fy);
            out.push<Decimal>(4, t.disbursed);
            out.push<Decimal>(5, t.scheduled);
            out.push<Decimal>(6, t.numerator);
            out.push<Decimal>(7, t.denominator);
            detail::push_ratio(out, 8, detail::ratio(t.numerator, t.denominator));
            detail::push_ratio(out, 9, gpedc ? detail::ratio(t.over_disbursed, t.over_base) : std::nullopt);
            out.push<Decimal>(10, t.over_disbursed);
            out.push<Decimal>(11, t.unscheduled);
            out.push<std::string>(12, currency.str());
            out.push<std::int64_t>(13, t.disbursement_records);
            out.push<std::int64_t>(14, t.schedule_records);
        });
    if (m == "paris2008") {
        out.add_note(
            "formula (paris2008): value = D / S; (all) = sum of D / sum of S over the donors, the Survey's ratio of "
            "country totals, in which one donor's over-disbursement offsets another's shortfall. Source: OECD 2008 "
            "Survey on Monitoring the Paris Declaration, indicator 7");
        out.add_note(
            "donors with nothing scheduled: their D enters the numerator of (all) (it is part of the country total), "
            "nothing the denominator");
    }
    if (m == "paris2011") {
        out.add_note(
            "formula (paris2011): value = min(D, S) / max(D, S); (all) = sum over donors of min(D, S) / sum over "
            "donors of max(D, S), so over- and under-disbursement both lower it and never offset. Source: OECD 2011 "
            "Survey on Monitoring the Paris Declaration, indicator 7");
        out.add_note(
            "donors with nothing scheduled: min(D, 0) = 0 enters the numerator and max(D, 0) = D the denominator of "
            "(all): unscheduled money counts as unpredictable");
    }
    if (gpedc) {
        out.add_note(
            "formula (gpedc2018): value = min(D, S) / S (disbursed as scheduled); (all) = sum over donors of "
            "min(D, S) / sum over donors of S, so one donor's over-disbursement never hides another's shortfall; "
            "over_disbursement = sum of (D - min(D, S)) / sum of D over the donors with a schedule. Source: GPEDC "
            "2018 Monitoring Guide and Technical Companion, indicator 5a");
        out.add_note(
            "donors with nothing scheduled: neither in the numerator nor in the denominator of value or "
            "over_disbursement; their disbursements are shown in unscheduled");
    }
    detail::add_common_notes(out, options, disbursed);
    for (const auto& n : scheduled.notes) out.add_note(n);
    return out;
}

namespace {

/// One row's terms of medium-term predictability (GPEDC 5b): each donor's coverage of year k
/// is capped at its own reference-year disbursements before the "(all)" row adds them.
struct MediumTerms {
    Decimal disbursed;   // D_Y
    Decimal planned[3];  // P_{Y+k}
    Decimal covered[3];  // min(P_{Y+k}, D_Y)
    std::int64_t records = 0;
    MediumTerms& operator+=(const MediumTerms& o) {
        disbursed += o.disbursed;
        for (int k = 0; k < 3; ++k) {
            planned[k] += o.planned[k];
            covered[k] += o.covered[k];
        }
        records += o.records;
        return *this;
    }
};

}  // namespace

Table medium_term_predictability(const Portfolio& portfolio, const MeasureOptions& options) {
    const std::string m = detail::methodology_or(options, "gpedc2018", {"gpedc2018"});
    MeasureOptions all = options;
    all.years.clear();
    const FlowSet disbursed = transaction_flows(portfolio, options);
    const FlowSet planned = scheduled_flows(portfolio, all);
    const CurrencyCode currency = detail::common_currency(disbursed, planned);
    std::map<detail::Key, MediumTerms> grid;
    std::map<detail::Key, std::set<std::int64_t>> rows;
    for (const auto& p : disbursed.pieces) {
        grid[{p.donor, p.fiscal_year}].disbursed += p.amount;
        rows[{p.donor, p.fiscal_year}].insert(p.record);
    }
    detail::fill_years(grid, options);
    for (auto& [key, acc] : grid) {
        acc.records = static_cast<std::int64_t>(rows[key].size());
        for (const auto& p : planned.pieces) {
            const int k = p.fiscal_year - key.second;
            if (p.donor == key.first && k >= 1 && k <= 3) acc.planned[k - 1] += p.amount;
        }
        for (int k = 0; k < 3; ++k) acc.covered[k] = std::min(acc.planned[k], acc.disbursed);
    }
    Table out("Medium-term predictability (GPEDC 5b)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<Decimal>("denominator", "D_Y: disbursements of the reference year; (all): sum over donors");
    for (int k = 1; k <= 3; ++k)
        out.add_column<Decimal>("planned_y" + std::to_string(k),
                                "planned disbursements falling in FY+" + std::to_string(k));
    for (int k = 1; k <= 3; ++k) {
        out.add_column<Decimal>(
            "covered_y" + std::to_string(k),
            "min(planned_y" + std::to_string(k) + ", D_Y); (all): sum over donors of each donor's min");
    }
    for (int k = 1; k <= 3; ++k)
        out.add_column<double>("coverage_y" + std::to_string(k), "covered_y" + std::to_string(k) + " / D_Y");
    out.add_column<double>("value", "mean of the three coverages; undefined when D_Y = 0");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "disbursements of the reference year counted");
    detail::for_each_row_of_terms(
        grid, options, [](const MediumTerms& a) { return a; },
        [&](const std::string& donor, int fy, const MediumTerms& a) {
            detail::push_head(out, portfolio, options, donor, fy);
            out.push<Decimal>(4, a.disbursed);
            for (int k = 0; k < 3; ++k) out.push<Decimal>(5 + k, a.planned[k]);
            for (int k = 0; k < 3; ++k) out.push<Decimal>(8 + k, a.covered[k]);
            double sum = 0;
            for (int k = 0; k < 3; ++k) {
                const auto c = detail::ratio(a.covered[k], a.disbursed);
                detail::push_ratio(out, 11 + k, c);
                if (c) sum += *c;
            }
            detail::push_ratio(out, 14, a.disbursed.is_zero() ? std::nullopt : std::optional<double>(sum / 3.0));
            out.push<std::string>(15, currency.str());
            out.push<std::int64_t>(16, a.records);
        });
    out.add_note(
        "formula (gpedc2018): coverage_k = min(P_{Y+k}, D_Y) / D_Y, value = mean over k = 1..3; (all): coverage_k = "
        "sum over donors of min(P_{Y+k}, D_Y) / sum over donors of D_Y, each donor capped at its own D_Y so that one "
        "donor's long plans do not cover another's gap. Source: GPEDC 2018 Monitoring Guide and Technical Companion, "
        "indicator 5b");
    out.add_note(
        "donors without forward plans: their D_Y enters the denominator only (funding not covered); donors with plans "
        "but no disbursement in the reference year: neither term");
    detail::add_common_notes(out, options, disbursed);
    for (const auto& n : planned.notes) out.add_note(n);
    return out;
}

Table execution_rate(const Portfolio& portfolio, const MeasureOptions& options) {
    MeasureOptions all = options;
    all.years.clear();
    const FlowSet disbursed = transaction_flows(portfolio, all, type_codes({TransactionType::disbursement}));
    const FlowSet committed = transaction_flows(portfolio, all, type_codes({TransactionType::outgoing_commitment}));
    const CurrencyCode currency = detail::common_currency(disbursed, committed);
    Grid grid;
    add_first(grid, disbursed);
    add_second(grid, committed);
    detail::fill_years(grid, options);
    // Cumulative sums per donor in year order (the map is ordered by donor, then year).
    std::map<detail::Key, std::pair<Decimal, Decimal>> cumulative;
    std::map<int, std::pair<Decimal, Decimal>> cumulative_all;
    {
        std::string donor;
        Decimal cd, cc;
        for (const auto& [key, a] : grid) {
            if (key.first != donor) {
                donor = key.first;
                cd = Decimal();
                cc = Decimal();
            }
            cd += a.first;
            cc += a.second;
            cumulative[key] = {cc, cd};
        }
        Decimal td, tc;
        for (const auto& [fy, a] : detail::totals_by_year(grid)) {
            td += a.first;
            tc += a.second;
            cumulative_all[fy] = {tc, td};
        }
    }
    std::map<detail::Key, Pair> shown;
    for (const auto& [key, a] : grid)
        if (detail::wanted(options, key.second)) shown[key] = a;
    Table out("Execution rate and undisbursed balance");
    out.set_methodology("execution");
    detail::add_head_columns(out);
    out.add_column<Decimal>("numerator", "D: disbursements of the year");
    out.add_column<Decimal>("denominator", "C: commitments of the year");
    out.add_column<double>("value", "D / C; undefined when C = 0");
    out.add_column<Decimal>("cumulative_commitments", "commitments up to the end of the year");
    out.add_column<Decimal>("cumulative_disbursed", "disbursements up to the end of the year");
    out.add_column<Decimal>("undisbursed_balance", "cumulative commitments - cumulative disbursements");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "transactions counted (disbursements + commitments)");
    detail::for_each_row(shown, options, [&](const std::string& donor, int fy, const Pair& a) {
        const auto c = donor == kAllDonors ? cumulative_all.at(fy) : cumulative.at({donor, fy});
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<Decimal>(4, a.first);
        out.push<Decimal>(5, a.second);
        detail::push_ratio(out, 6, detail::ratio(a.first, a.second));
        out.push<Decimal>(7, c.first);
        out.push<Decimal>(8, c.second);
        out.push<Decimal>(9, c.first - c.second);
        out.push<std::string>(10, currency.str());
        out.push<std::int64_t>(11, static_cast<std::int64_t>(a.first_records.size() + a.second_records.size()));
    });
    out.add_note(
        "formula: value = D / C per year; undisbursed balance = sum(C) - sum(D) to the end of the year (all earlier "
        "years included)");
    detail::add_common_notes(out, options, disbursed);
    return out;
}

}  // namespace aidtrack::measures
