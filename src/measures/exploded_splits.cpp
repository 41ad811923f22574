/// \file exploded_splits.cpp
/// \brief Exact exploded tables by sector × country × objective, in original and converted currency.

#include <aidtrack/core/period.hpp>
#include <aidtrack/measures/exploded_splits.hpp>
#include <aidtrack/model/conversion_dates.hpp>

#include <sstream>

namespace aidtrack {
namespace {

using Raw = Decimal::Raw;

struct Piece {
    std::string sector;
    std::string country;
    std::string objective;
    Raw weight = 0;
};

// One record as the explosion sees it, from a transaction or a budget.
struct Record {
    std::size_t index = 0;
    std::uint32_t activity = 0;
    std::uint32_t line = 0;
    int type = 0;
    Date date;
    std::optional<Date> rate_date;
    Money value;
    std::string sector;   // the record's own code (overrides the activity's list)
    std::string country;  // likewise
};

std::string rate_text(double f) {
    std::ostringstream out;
    out.precision(17);
    out << f;
    return out.str();
}

}  // namespace

Table explode(const Portfolio& p, const ExplodeOptions& o) {
    if (o.currency && o.rates == nullptr)
        throw CurrencyError("an exploded table in another currency needs an exchange-rate table");
    Table t(o.budgets ? "Budgets exploded by sector x country" : "Transactions exploded by sector x country");
    t.set_methodology("exploded-splits");
    t.add_column<std::string>("record_kind", "transaction or budget");
    t.add_column<std::int64_t>("record",
                               "index of the transaction (Portfolio::transactions) or budget (Portfolio::budgets)");
    t.add_column<std::string>("activity_id");
    t.add_column<std::string>("reporting_org");
    t.add_column<std::string>("file");
    t.add_column<std::int64_t>("line", "line of the record in its file");
    t.add_column<std::int64_t>("type", "TransactionType, or BudgetType for budgets");
    t.add_column<Date>("date", "transaction date, or budget period start");
    t.add_column<std::string>("sector");
    t.add_column<std::string>("country");
    t.add_column<std::string>("objective");
    t.add_column<Decimal>("weight", "share of the record this piece stands for");
    t.add_column<Decimal>("value", "piece in the original currency; pieces add back to record_value");
    t.add_column<std::string>("currency");
    t.add_column<Decimal>("record_value", "the whole record, original currency");
    if (o.currency) {
        t.add_column<Decimal>("value_converted", "piece after conversion; pieces add back to record_value_converted");
        t.add_column<std::string>("currency_converted");
        t.add_column<Decimal>("record_value_converted", "the whole record converted once, rounded to the places asked");
        t.add_column<std::string>("rate", "factor applied (target per source unit)");
        t.add_column<Date>("rate_date", "date whose rates were used: " + std::string(kConversionDateRule));
        t.add_column<std::string>("rate_source");
    }

    std::vector<Record> records;
    if (o.budgets) {
        const auto& budgets = p.budgets();
        for (std::size_t i = 0; i < budgets.size(); ++i) {
            const Budget& b = budgets[i];
            records.push_back({i, b.activity, b.line, b.type, b.period.start(), conversion_date(b), b.value, {}, {}});
        }
    } else {
        const TransactionTable& tx = p.transactions();
        for (std::size_t i = 0; i < tx.size(); ++i) {
            if (!o.types.empty() && o.types.count(tx.type[i]) == 0) continue;
            const Transaction row = tx.row(i);
            const std::optional<Date> when = conversion_date(tx, i);
            records.push_back({i, row.activity, row.line, row.type, row.date, when, row.value, row.sector_code,
                               row.recipient_country});
        }
    }

    std::vector<std::optional<std::vector<Portfolio::Share>>> sectors(p.activity_count());
    std::vector<std::optional<std::vector<Portfolio::Share>>> countries(p.activity_count());
    std::set<std::string> notes;
    for (const Record& r : records) {
        const Activity& a = p.activity(r.activity);
        std::string note;
        if (!sectors[r.activity]) {
            sectors[r.activity] = p.sector_shares(r.activity, &note);
            if (!note.empty()) notes.insert(note);
        }
        note.clear();
        if (!countries[r.activity]) {
            countries[r.activity] = p.country_shares(r.activity, &note);
            if (!note.empty()) notes.insert(note);
        }
        std::vector<Portfolio::Share> sector_list =
            r.sector.empty() ? *sectors[r.activity] : std::vector<Portfolio::Share>{{r.sector, 1}};
        std::vector<Portfolio::Share> country_list =
            r.country.empty() ? *countries[r.activity] : std::vector<Portfolio::Share>{{r.country, 1}};
        if (sector_list.empty()) sector_list.push_back({"", 1});
        if (country_list.empty()) country_list.push_back({"", 1});
        std::vector<Piece> pieces;
        for (const auto& s : sector_list) {
            for (const auto& c : country_list) {
                const auto mapped = o.objectives.find(s.code);
                if (o.objectives.empty() || mapped == o.objectives.end() || mapped->second.empty()) {
                    pieces.push_back({s.code, c.code, "", s.weight * c.weight});
                    continue;
                }
                Raw objective_total = 0;
                for (const auto& ob : mapped->second) objective_total += std::max<Raw>(ob.weight.raw(), 0);
                for (const auto& ob : mapped->second) {
                    // Objective weights are normalised to 10^9 parts so products stay in range.
                    const Raw w =
                        objective_total == 0 ? 1 : std::max<Raw>(ob.weight.raw(), 0) * Decimal::kOne / objective_total;
                    pieces.push_back({s.code, c.code, ob.objective, s.weight * c.weight / Decimal::kOne * w});
                }
            }
        }
        std::vector<Raw> weights;
        Raw total_weight = 0;
        for (const auto& piece : pieces) {
            weights.push_back(piece.weight);
            total_weight += piece.weight;
        }
        if (total_weight == 0) {
            for (auto& w : weights) w = 1;
            total_weight = static_cast<Raw>(weights.size());
        }
        const auto shares = split_by_weights(Decimal(1), weights, Decimal::kScale);
        const auto values = split_by_weights(r.value.amount(), weights, o.places);
        std::vector<Decimal> converted;
        Conversion conversion;
        Decimal whole_converted;
        if (o.currency) {
            if (!r.rate_date) {
                throw RateNotFoundError("record has no date to convert with",
                                        {a.provenance.source, r.line, o.budgets ? "budget" : "transaction"},
                                        "rate-date");
            }
            conversion = o.rates->convert(r.value, *o.currency, *r.rate_date, o.policy);
            whole_converted = conversion.value.amount().rounded(o.places);
            converted = split_by_weights(whole_converted, weights, o.places);
        }
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            t.push(0, std::string(o.budgets ? "budget" : "transaction"));
            t.push(1, static_cast<std::int64_t>(r.index));
            t.push(2, a.identifier);
            t.push(3, a.reporting_org.ref);
            t.push(4, a.provenance.source);
            t.push(5, static_cast<std::int64_t>(r.line));
            t.push(6, static_cast<std::int64_t>(r.type));
            t.push(7, r.date, !r.date.is_special());
            t.push(8, pieces[k].sector);
            t.push(9, pieces[k].country);
            t.push(10, pieces[k].objective);
            t.push(11, shares[k]);
            t.push(12, values[k]);
            t.push(13, r.value.currency().str());
            t.push(14, r.value.amount());
            if (o.currency) {
                const double factor =
                    conversion.from_per_usd == 0 ? 0 : conversion.to_per_usd / conversion.from_per_usd;
                t.push(15, converted[k]);
                t.push(16, o.currency->str());
                t.push(17, whole_converted);
                t.push(18, rate_text(factor));
                t.push(19, conversion.rate_date);
                t.push(20, conversion.source);
            }
        }
    }
    for (const auto& n : notes) t.add_note(n);
    t.add_note("pieces by largest remainder at " + std::to_string(o.places) +
               " decimals: they add back to each record exactly");
    if (o.currency)
        t.add_note("converted to " + o.currency->str() + " with policy " + o.policy.name() +
                   "; each record converted once, then split");
    return t;
}

}  // namespace aidtrack
