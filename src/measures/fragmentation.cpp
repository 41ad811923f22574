/// \file fragmentation.cpp
/// \brief HHI per objective/province and the OECD significance test.

#include <aidtrack/measures/fragmentation.hpp>

#include <aidtrack/core/period.hpp>
#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

#include <algorithm>
#include <unordered_map>

namespace aidtrack::measures {

Table fragmentation(const Portfolio& portfolio, const MeasureOptions& options,
                    const std::vector<ActivityShare>& mapping, const std::string& group_name) {
    const std::string m = detail::methodology_or(options, "hhi", {"hhi"});
    const FlowSet flows = transaction_flows(portfolio, options);
    std::unordered_map<std::string, std::pair<std::vector<std::string>, std::vector<Decimal::Raw>>> splits;
    for (const auto& s : mapping) {
        auto& sp = splits[s.activity_id];
        sp.first.push_back(s.code);
        sp.second.push_back(s.percentage.value_or(Decimal(100)).raw());
    }
    // Per (group, year): donor → amount, and the records.
    std::map<std::pair<std::string, int>, std::map<std::string, Decimal>> cells;
    std::map<std::pair<std::string, int>, std::set<std::int64_t>> records;
    Decimal unmapped;
    for (const auto& piece : flows.pieces) {
        auto sp = splits.find(portfolio.activity(piece.activity).identifier);
        if (sp == splits.end()) {
            unmapped += piece.amount;
            continue;
        }
        Decimal::Raw total = 0;
        for (auto w : sp->second.second) total += w;
        if (total == 0) {
            unmapped += piece.amount;
            continue;
        }
        auto weights = sp->second.second;
        const Decimal::Raw hundred = Decimal(100).raw();
        if (total < hundred) weights.push_back(hundred - total);
        const auto parts = split_by_weights(piece.amount, weights, options.places);
        for (std::size_t i = 0; i < sp->second.first.size(); ++i) {
            cells[{sp->second.first[i], piece.fiscal_year}][piece.donor] += parts[i];
            records[{sp->second.first[i], piece.fiscal_year}].insert(piece.record);
        }
        if (total < hundred) unmapped += parts.back();
    }
    Table out("Fragmentation: donors and concentration per " + group_name);
    out.set_methodology(m);
    out.add_column<std::string>(group_name, "the group the money is mapped to");
    out.add_column<std::int64_t>("fiscal_year");
    out.add_column<std::string>("fiscal_label");
    out.add_column<std::int64_t>("donors", "N: donors with money in the group");
    out.add_column<Decimal>("total", "money mapped to the group");
    out.add_column<double>("hhi", "sum of squared donor shares in percent (0..10,000)");
    out.add_column<double>("hhi_normalized", "(H - 1/N) / (1 - 1/N); undefined when N <= 1");
    out.add_column<double>("fragmentation", "1 - H with H = HHI / 10,000");
    out.add_column<double>("largest_share", "share of the largest donor");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "transactions contributing");
    for (const auto& [key, donors] : cells) {
        Decimal total;
        for (const auto& [d, a] : donors) total += a;
        double h = 0;
        double largest = 0;
        std::int64_t n = 0;
        for (const auto& [d, a] : donors) {
            if (a.is_zero()) continue;
            ++n;
            const double s = detail::ratio(a, total).value_or(0);
            h += s * s;
            largest = std::max(largest, s);
        }
        out.push<std::string>(0, key.first);
        out.push<std::int64_t>(1, key.second);
        out.push<std::string>(2, options.calendar.label(key.second));
        out.push<std::int64_t>(3, n);
        out.push<Decimal>(4, total);
        if (total.is_zero()) {
            for (std::size_t c = 5; c <= 8; ++c) out.push_undefined(c);
        } else {
            out.push<double>(5, h * 10000.0);
            detail::push_ratio(
                out, 6,
                n > 1 ? std::optional<double>((h - 1.0 / static_cast<double>(n)) / (1.0 - 1.0 / static_cast<double>(n)))
                      : std::nullopt);
            out.push<double>(7, 1.0 - h);
            out.push<double>(8, largest);
        }
        out.push<std::string>(9, flows.currency.str());
        out.push<std::int64_t>(10, static_cast<std::int64_t>(records[key].size()));
    }
    out.add_note("formula (hhi): HHI = sum of (100 s_d)^2; normalized = (H - 1/N)/(1 - 1/N); fragmentation = 1 - H");
    out.add_note(unmapped.to_string() + " " + flows.currency.str() + " not covered by the " + group_name +
                 " mapping left out");
    detail::add_common_notes(out, options, flows);
    return out;
}

Table significance(const Portfolio& portfolio, const MeasureOptions& options,
                   const std::vector<GlobalAidRecord>& global_aid, std::optional<Decimal> world_total) {
    const std::string m = detail::methodology_or(options, "oecd2011", {"oecd2011"});
    const FlowSet flows = transaction_flows(portfolio, options);
    std::map<int, std::map<std::string, Decimal>> country;
    std::map<int, std::map<std::string, std::set<std::int64_t>>> records;
    for (const auto& p : flows.pieces) {
        country[p.fiscal_year][p.donor] += p.amount;
        records[p.fiscal_year][p.donor].insert(p.record);
    }
    std::map<int, std::map<std::string, Decimal>> global;
    for (const auto& g : global_aid) {
        Decimal amount = g.amount.amount();
        if (!flows.currency.empty() && g.amount.currency() != flows.currency) {
            if (options.rates == nullptr)
                throw CurrencyError("global aid in " + g.amount.currency().str() + " against " + flows.currency.str() +
                                        " needs an exchange-rate table",
                                    g.where, "one-currency-per-sum");
            amount = amount.scaled(
                options.rates->factor(g.amount.currency(), flows.currency, make_date(g.year, 7, 1), options.policy));
        }
        global[g.year][g.donor] += amount;
    }
    Table out("Significance of donor relationships (OECD division of labour)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<Decimal>("numerator", "c_d: the donor's counted aid to the country");
    out.add_column<Decimal>("denominator", "C: all donors' counted aid to the country");
    out.add_column<double>("value", "country share c_d / C");
    out.add_column<double>("cumulative_share", "share of the donors ranked above it and itself");
    out.add_column<Decimal>("global_aid", "G_d: the donor's global aid");
    out.add_column<double>("global_share", "G_d / W; undefined without a global record");
    out.add_column<std::int64_t>("significant", "1 significant, 0 not");
    out.add_column<std::string>("reason", "concentration, top-90%, both, or none");
    out.add_column<std::int64_t>("non_significant_relationships", "(all) rows: relationships failing both tests");
    out.add_column<std::int64_t>("relationships", "(all) rows: donors with aid in the year");
    out.add_column<double>("non_significant_share", "(all) rows: non-significant / relationships");
    out.add_column<double>("non_significant_aid_share", "(all) rows: aid in non-significant relationships / C");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "transactions counted");
    for (const auto& [fy, donors] : country) {
        Decimal c;
        for (const auto& [d, a] : donors) c += a;
        Decimal w;
        if (world_total)
            w = *world_total;
        else
            for (const auto& [d, g] : global[fy]) w += g;
        std::vector<std::pair<std::string, Decimal>> ranked(donors.begin(), donors.end());
        std::ranges::stable_sort(ranked, [](const auto& a, const auto& b) { return a.second > b.second; });
        Decimal before;
        std::int64_t non_significant = 0;
        Decimal non_significant_aid;
        std::int64_t total_records = 0;
        for (const auto& [d, a] : ranked) {
            const bool top = before.times(10) < c.times(9);
            before += a;
            const auto g = global[fy].find(d);
            const std::optional<double> cs = detail::ratio(a, c);
            std::optional<double> gs;
            if (g != global[fy].end()) gs = detail::ratio(g->second, w);
            // Exact comparison a/C >= G/W  <=>  a*W >= G*C, done in long double on raws.
            const bool concentrated = g != global[fy].end() && !w.is_zero() && !c.is_zero() &&
                                      static_cast<long double>(a.raw()) * static_cast<long double>(w.raw()) >=
                                          static_cast<long double>(g->second.raw()) * static_cast<long double>(c.raw());
            const bool sig = top || concentrated;
            if (!sig) {
                ++non_significant;
                non_significant_aid += a;
            }
            detail::push_head(out, portfolio, options, d, fy);
            out.push<Decimal>(4, a);
            out.push<Decimal>(5, c);
            detail::push_ratio(out, 6, cs);
            detail::push_ratio(out, 7, detail::ratio(before, c));
            if (g != global[fy].end())
                out.push<Decimal>(8, g->second);
            else
                out.push_undefined(8);
            detail::push_ratio(out, 9, gs);
            out.push<std::int64_t>(10, sig ? 1 : 0);
            out.push<std::string>(11, top && concentrated ? "both"
                                      : top               ? "top-90%"
                                      : concentrated      ? "concentration"
                                                          : "none");
            for (std::size_t k = 12; k <= 15; ++k) out.push_undefined(k);
            out.push<std::string>(16, flows.currency.str());
            const auto n = static_cast<std::int64_t>(records[fy][d].size());
            total_records += n;
            out.push<std::int64_t>(17, n);
        }
        if (options.totals) {
            detail::push_head(out, portfolio, options, kAllDonors, fy);
            out.push<Decimal>(4, c);
            out.push<Decimal>(5, c);
            detail::push_ratio(out, 6, detail::ratio(c, c));
            detail::push_ratio(out, 7, detail::ratio(c, c));
            out.push<Decimal>(8, w);
            out.push_undefined(9);
            out.push_undefined(10);
            out.push<std::string>(11, "");
            out.push<std::int64_t>(12, non_significant);
            out.push<std::int64_t>(13, static_cast<std::int64_t>(ranked.size()));
            detail::push_ratio(
                out, 14, detail::ratio(Decimal(non_significant), Decimal(static_cast<std::int64_t>(ranked.size()))));
            detail::push_ratio(out, 15, detail::ratio(non_significant_aid, c));
            out.push<std::string>(16, flows.currency.str());
            out.push<std::int64_t>(17, total_records);
        }
    }
    out.add_note(
        "formula (oecd2011): significant if c_d/C >= G_d/W or among the largest donors giving together >= 90% of C. "
        "Source: OECD 2011 Report on Division of Labour");
    out.add_note(world_total ? "W = world total given by the caller"
                             : "W = sum of the global aid records given (no world total supplied)");
    detail::add_common_notes(out, options, flows);
    return out;
}

}  // namespace aidtrack::measures
