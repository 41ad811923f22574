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
    out.add_column<Decimal>("numerator", m == "paris2008" ? "D" : "min(D, S)");
    out.add_column<Decimal>("denominator", m == "paris2011" ? "max(D, S)" : "S");
    out.add_column<double>("value", "numerator / denominator; undefined when the denominator is 0");
    out.add_column<double>("over_disbursement", "gpedc2018: (D - S) / D when D > S, else 0; undefined when D = 0 or another methodology");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("disbursement_records", "transactions counted");
    out.add_column<std::int64_t>("schedule_records", "planned disbursements (or fallback budgets) counted");
    detail::for_each_row(grid, options, [&](const std::string& donor, int fy, const Pair& a) {
        const Decimal d = a.first;
        const Decimal s = a.second;
        Decimal num = d;
        Decimal den = s;
        if (m == "paris2011") {
            num = std::min(d, s);
            den = std::max(d, s);
        } else if (m == "gpedc2018") {
            num = std::min(d, s);
        }
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<Decimal>(4, d);
        out.push<Decimal>(5, s);
        out.push<Decimal>(6, num);
        out.push<Decimal>(7, den);
        detail::push_ratio(out, 8, detail::ratio(num, den));
        if (m == "gpedc2018" && !d.is_zero()) {
            detail::push_ratio(out, 9, d > s ? detail::ratio(d - s, d) : std::optional<double>(0.0));
        } else {
            out.push_undefined(9);
        }
        out.push<std::string>(10, currency.str());
        out.push<std::int64_t>(11, static_cast<std::int64_t>(a.first_records.size()));
        out.push<std::int64_t>(12, static_cast<std::int64_t>(a.second_records.size()));
    });
    if (m == "paris2008") out.add_note("formula (paris2008): value = D / S. Source: OECD 2008 Survey on Monitoring the Paris Declaration, indicator 7");
    if (m == "paris2011") out.add_note("formula (paris2011): value = min(D, S) / max(D, S). Source: OECD 2011 Survey on Monitoring the Paris Declaration, indicator 7");
    if (m == "gpedc2018") out.add_note("formula (gpedc2018): value = min(D, S) / S; over_disbursement = (D - S) / D when D > S. Source: GPEDC 2018 Monitoring Guide, indicator 5a");
    detail::add_common_notes(out, options, disbursed);
    for (const auto& n : scheduled.notes) out.add_note(n);
    return out;
}

Table medium_term_predictability(const Portfolio& portfolio, const MeasureOptions& options) {
    const std::string m = detail::methodology_or(options, "gpedc2018", {"gpedc2018"});
    MeasureOptions all = options;
    all.years.clear();
    const FlowSet disbursed = transaction_flows(portfolio, options);
    const FlowSet planned = scheduled_flows(portfolio, all);
    const CurrencyCode currency = detail::common_currency(disbursed, planned);
    struct Acc {
        Decimal disbursed;
        Decimal planned[3];
        std::int64_t records = 0;
        Acc& operator+=(const Acc& o) {
            disbursed += o.disbursed;
            for (int k = 0; k < 3; ++k) planned[k] += o.planned[k];
            records += o.records;
            return *this;
        }
    };
    std::map<detail::Key, Acc> grid;
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
    }
    Table out("Medium-term predictability (GPEDC 5b)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<Decimal>("denominator", "D_Y: disbursements of the reference year");
    for (int k = 1; k <= 3; ++k) out.add_column<Decimal>("planned_y" + std::to_string(k), "planned disbursements falling in FY+" + std::to_string(k));
    for (int k = 1; k <= 3; ++k) out.add_column<double>("coverage_y" + std::to_string(k), "min(planned, D_Y) / D_Y");
    out.add_column<double>("value", "mean of the three coverages; undefined when D_Y = 0");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "disbursements of the reference year counted");
    detail::for_each_row(grid, options, [&](const std::string& donor, int fy, const Acc& a) {
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<Decimal>(4, a.disbursed);
        for (int k = 0; k < 3; ++k) out.push<Decimal>(5 + k, a.planned[k]);
        double sum = 0;
        for (int k = 0; k < 3; ++k) {
            const auto c = detail::ratio(std::min(a.planned[k], a.disbursed), a.disbursed);
            detail::push_ratio(out, 8 + k, c);
            if (c) sum += *c;
        }
        detail::push_ratio(out, 11, a.disbursed.is_zero() ? std::nullopt : std::optional<double>(sum / 3.0));
        out.push<std::string>(12, currency.str());
        out.push<std::int64_t>(13, a.records);
    });
    out.add_note("formula (gpedc2018): coverage_k = min(P_{Y+k}, D_Y) / D_Y, value = mean over k = 1..3. Source: GPEDC 2018 Monitoring Guide, indicator 5b");
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
            if (key.first != donor) { donor = key.first; cd = Decimal(); cc = Decimal(); }
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
    for (const auto& [key, a] : grid) if (detail::wanted(options, key.second)) shown[key] = a;
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
    out.add_note("formula: value = D / C per year; undisbursed balance = sum(C) - sum(D) to the end of the year (all earlier years included)");
    detail::add_common_notes(out, options, disbursed);
    return out;
}

}  // namespace aidtrack::measures
