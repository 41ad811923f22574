/// \file flag_share.cpp
/// \brief The common share-of-money table used by the flag-based measures.

#include "measure_table.hpp"

namespace aidtrack::measures::detail {

Table flag_share_table(const Portfolio& p, const MeasureOptions& o, const FlowSet& base, const std::string& title,
                       const std::string& methodology, const std::vector<FlagSpec>& flags,
                       const std::vector<std::size_t>& value_of, const std::string& formula_note) {
    struct Acc {
        Decimal base;
        std::vector<Decimal> yes;
        std::set<std::int64_t> records;
        std::set<std::int64_t> unknown;
        Acc& operator+=(const Acc& a) {
            base += a.base;
            yes.resize(std::max(yes.size(), a.yes.size()));
            for (std::size_t i = 0; i < a.yes.size(); ++i) yes[i] += a.yes[i];
            records.insert(a.records.begin(), a.records.end());
            unknown.insert(a.unknown.begin(), a.unknown.end());
            return *this;
        }
    };
    std::map<Key, Acc> grid;
    for (const auto& piece : base.pieces) {
        Acc& a = grid[{piece.donor, piece.fiscal_year}];
        a.yes.resize(flags.size());
        a.base += piece.amount;
        a.records.insert(piece.record);
        for (std::size_t i = 0; i < flags.size(); ++i) {
            const std::optional<bool> f = flags[i].test(piece);
            if (!f) a.unknown.insert(piece.record);
            if (f.value_or(false)) a.yes[i] += piece.amount;
        }
    }
    fill_years(grid, o);
    Table out(title);
    out.set_methodology(methodology);
    add_head_columns(out);
    out.add_column<Decimal>("base", "the money the shares are of");
    for (const auto& f : flags) out.add_column<Decimal>(f.name, f.description);
    for (const auto& f : flags) out.add_column<double>("share_" + f.name, f.name + " / base; undefined when base = 0");
    out.add_column<Decimal>("numerator");
    out.add_column<Decimal>("denominator");
    out.add_column<double>("value", "numerator / denominator; undefined when the denominator is 0");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "records counted in the base");
    out.add_column<std::int64_t>("unknown_records", "records with an unknown answer (counted as no)");
    const std::size_t n = flags.size();
    for_each_row(grid, o, [&](const std::string& donor, int fy, const Acc& a) {
        push_head(out, p, o, donor, fy);
        out.push<Decimal>(4, a.base);
        for (std::size_t i = 0; i < n; ++i) out.push<Decimal>(5 + i, i < a.yes.size() ? a.yes[i] : Decimal());
        for (std::size_t i = 0; i < n; ++i)
            push_ratio(out, 5 + n + i, ratio(i < a.yes.size() ? a.yes[i] : Decimal(), a.base));
        Decimal num;
        for (std::size_t i : value_of)
            if (i < a.yes.size()) num += a.yes[i];
        const Decimal den = a.base.times(static_cast<std::int64_t>(value_of.size()));
        out.push<Decimal>(5 + 2 * n, num);
        out.push<Decimal>(6 + 2 * n, den);
        push_ratio(out, 7 + 2 * n, ratio(num, den));
        out.push<std::string>(8 + 2 * n, base.currency.str());
        out.push<std::int64_t>(9 + 2 * n, static_cast<std::int64_t>(a.records.size()));
        out.push<std::int64_t>(10 + 2 * n, static_cast<std::int64_t>(a.unknown.size()));
    });
    out.add_note(formula_note);
    out.add_note(
        "(all) = sum of the donors' numerators / sum of their denominators: the share of the country total, weighted "
        "by money, not the mean of the donors' shares");
    add_common_notes(out, o, base);
    return out;
}

std::string aid_type_of(const Portfolio& p, std::size_t row) {
    const TransactionTable& t = p.transactions();
    const std::string& own = t.text(t.aid_type[row]);
    return own.empty() ? p.activity(t.activity[row]).default_aid_type : own;
}

}  // namespace aidtrack::measures::detail
