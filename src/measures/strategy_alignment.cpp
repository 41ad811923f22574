/// \file strategy_alignment.cpp
/// \brief Disbursements split over NMAS objectives by an activity → objective mapping.

#include <aidtrack/measures/strategy_alignment.hpp>

#include <aidtrack/core/period.hpp>
#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace aidtrack::measures {

Table strategy_alignment(const Portfolio& portfolio, const MeasureOptions& options,
                         const std::vector<ActivityShare>& mapping) {
    const std::string m = detail::methodology_or(options, "nmas-mapping", {"nmas-mapping"});
    const FlowSet flows = transaction_flows(portfolio, options);
    // Weights per activity: codes with their percentage raws, then the unmapped remainder.
    struct Split {
        std::vector<std::string> codes;
        std::vector<Decimal::Raw> weights;
    };
    std::unordered_map<std::string, Split> splits;
    for (const auto& s : mapping) {
        Split& sp = splits[s.activity_id];
        sp.codes.push_back(s.code);
        sp.weights.push_back(s.percentage.value_or(Decimal(100)).raw());
    }
    std::vector<std::string> notes;
    for (auto& [id, sp] : splits) {
        Decimal::Raw total = 0;
        for (auto w : sp.weights) total += w;
        const Decimal::Raw hundred = Decimal(100).raw();
        if (total < hundred) {
            sp.codes.emplace_back(kUnmapped);
            sp.weights.push_back(hundred - total);
            notes.push_back("activity " + id + ": percentages sum to " + Decimal::from_raw(total).to_string() +
                            "; the rest is unmapped");
        } else if (total > hundred) {
            notes.push_back("activity " + id + ": percentages sum to " + Decimal::from_raw(total).to_string() +
                            "; scaled to 100");
        }
    }
    struct Acc {
        Decimal amount;
        std::set<std::int64_t> records;
        Acc& operator+=(const Acc& o) {
            amount += o.amount;
            records.insert(o.records.begin(), o.records.end());
            return *this;
        }
    };
    std::map<std::tuple<std::string, int, std::string>, Acc> cells;
    std::map<detail::Key, Acc> totals;
    for (const auto& piece : flows.pieces) {
        Acc& t = totals[{piece.donor, piece.fiscal_year}];
        t.amount += piece.amount;
        t.records.insert(piece.record);
        const auto sp = splits.find(portfolio.activity(piece.activity).identifier);
        if (sp == splits.end() || std::ranges::all_of(sp->second.weights, [](auto w) { return w == 0; })) {
            Acc& c = cells[{piece.donor, piece.fiscal_year, kUnmapped}];
            c.amount += piece.amount;
            c.records.insert(piece.record);
            continue;
        }
        const auto parts = split_by_weights(piece.amount, sp->second.weights, options.places);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            Acc& c = cells[{piece.donor, piece.fiscal_year, sp->second.codes[i]}];
            c.amount += parts[i];
            c.records.insert(piece.record);
        }
    }
    if (options.totals) {
        std::map<std::tuple<std::string, int, std::string>, Acc> all;
        for (const auto& [k, a] : cells) all[{kAllDonors, std::get<1>(k), std::get<2>(k)}] += a;
        for (const auto& [k, a] : detail::totals_by_year(totals)) totals[{kAllDonors, k}] = a;
        cells.merge(all);
    }
    Table out("Strategy alignment: disbursements by NMAS objective");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<std::string>("objective", "NMAS goal/objective code, or (unmapped)");
    out.add_column<Decimal>("numerator", "disbursements mapped to the objective");
    out.add_column<Decimal>("denominator", "all of the donor's counted disbursements in the year");
    out.add_column<double>("value", "numerator / denominator; undefined when the denominator is 0");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "transactions contributing to the cell");
    auto emit = [&](bool all_rows) {
        for (const auto& [k, a] : cells) {
            const auto& [donor, fy, code] = k;
            if ((donor == kAllDonors) != all_rows) continue;
            const Decimal den = totals.at({donor, fy}).amount;
            detail::push_head(out, portfolio, options, donor, fy);
            out.push<std::string>(4, code);
            out.push<Decimal>(5, a.amount);
            out.push<Decimal>(6, den);
            detail::push_ratio(out, 7, detail::ratio(a.amount, den));
            out.push<std::string>(8, flows.currency.str());
            out.push<std::int64_t>(9, static_cast<std::int64_t>(a.records.size()));
        }
    };
    emit(false);
    emit(true);
    out.add_note(
        "formula (nmas-mapping): value = disbursements mapped to the objective / all disbursements of the donor-year; "
        "unmapped money is its own row");
    for (auto& n : notes) out.add_note(std::move(n));
    detail::add_common_notes(out, options, flows);
    return out;
}

}  // namespace aidtrack::measures
