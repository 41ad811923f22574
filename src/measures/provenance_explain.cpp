/// \file provenance_explain.cpp
/// \brief explain(): contributing portions of a cell, from exploded records to deflated amounts.

#include <aidtrack/measures/provenance_explain.hpp>

namespace aidtrack {

Table explain(const Portfolio& p, const ExplainQuery& q) {
    const Table pieces = explode(p, q.explode);
    const bool converted = q.explode.currency.has_value();
    const bool deflate = q.deflators != nullptr;
    Table t("Contributions to the cell");
    t.set_methodology("explain");
    t.add_column<std::string>("record_kind").add_column<std::int64_t>("record").add_column<std::string>("activity_id");
    t.add_column<std::string>("reporting_org").add_column<std::string>("file").add_column<std::int64_t>("line");
    t.add_column<std::int64_t>("type")
        .add_column<Date>("date")
        .add_column<std::string>("sector")
        .add_column<std::string>("country");
    t.add_column<std::string>("objective");
    t.add_column<Decimal>("record_value", "the whole record as published");
    t.add_column<std::string>("currency");
    t.add_column<Decimal>("split_value", "this sector x country (x objective) piece, original currency");
    t.add_column<Decimal>("converted_value", "the piece converted (equal to split_value without conversion)");
    t.add_column<std::string>("converted_currency");
    t.add_column<std::string>("rate", "factor applied (1 without conversion)");
    t.add_column<Date>("rate_date");
    t.add_column<std::string>("rate_source");
    t.add_column<std::int64_t>("fiscal_year", "fiscal year of the portion (first calendar year of it)");
    t.add_column<Decimal>("portion", "the converted piece falling in that fiscal year (budgets pro-rated by days)");
    t.add_column<Decimal>("deflator_year", "deflator of the portion's year (undefined without deflation)");
    t.add_column<Decimal>("deflator_base", "deflator of the base year");
    t.add_column<std::string>("deflator_source");
    t.add_column<Decimal>("amount", "what this row adds to the cell");
    t.add_column<std::string>("amount_currency");

    const auto text = [&](std::size_t row, const char* name) -> const std::string& {
        return pieces.at<std::string>(row, name);
    };
    std::size_t kept = 0;
    for (std::size_t i = 0; i < pieces.row_count(); ++i) {
        const std::string& activity_id = text(i, "activity_id");
        if (!q.activity_id.empty() && activity_id != q.activity_id) continue;
        if (!q.reporting_org.empty() && text(i, "reporting_org") != q.reporting_org) continue;
        if (!q.sector.empty() && text(i, "sector") != q.sector) continue;
        if (!q.country.empty() && text(i, "country") != q.country) continue;
        if (!q.objective.empty() && text(i, "objective") != q.objective) continue;
        if (!q.excluded_activities.empty()) {
            const auto index = p.find_activity(activity_id);
            if (index && *index < q.excluded_activities.size() && q.excluded_activities[*index] != 0) continue;
        }
        const Decimal piece = converted ? pieces.at<Decimal>(i, "value_converted") : pieces.at<Decimal>(i, "value");
        const std::string currency = converted ? text(i, "currency_converted") : text(i, "currency");
        // Portions by fiscal year: a budget spreads over its period, a transaction sits on its date.
        std::vector<std::pair<int, Decimal>> portions;
        const bool budget = text(i, "record_kind") == "budget";
        if (budget) {
            const Budget& b = p.budgets().at(static_cast<std::size_t>(pieces.at<std::int64_t>(i, "record")));
            for (const auto& [fy, part] : q.calendar.prorate(piece, b.period, q.explode.places))
                portions.emplace_back(fy, part);
        } else {
            if (!pieces.defined(i, "date")) {
                if (q.fiscal_year) continue;  // an undated transaction belongs to no fiscal year
                portions.emplace_back(0, piece);
            } else {
                portions.emplace_back(q.calendar.fiscal_year_of(pieces.at<Date>(i, "date")), piece);
            }
        }
        for (const auto& [fy, portion] : portions) {
            if (q.fiscal_year && fy != *q.fiscal_year) continue;
            std::optional<Deflated> d;
            if (deflate) {
                if (fy == 0) throw NotFoundError("an undated transaction of '" + activity_id + "' cannot be deflated");
                d = q.deflators->deflate(portion, text(i, "reporting_org"), fy, q.base_year, q.explode.places);
            }
            std::size_t c = 0;
            t.push(c++, text(i, "record_kind"));
            t.push(c++, pieces.at<std::int64_t>(i, "record"));
            t.push(c++, activity_id);
            t.push(c++, text(i, "reporting_org"));
            t.push(c++, text(i, "file"));
            t.push(c++, pieces.at<std::int64_t>(i, "line"));
            t.push(c++, pieces.at<std::int64_t>(i, "type"));
            if (pieces.defined(i, "date")) {
                t.push(c++, pieces.at<Date>(i, "date"));
            } else {
                t.push_undefined(c++);
            }
            t.push(c++, text(i, "sector"));
            t.push(c++, text(i, "country"));
            t.push(c++, text(i, "objective"));
            t.push(c++, pieces.at<Decimal>(i, "record_value"));
            t.push(c++, text(i, "currency"));
            t.push(c++, pieces.at<Decimal>(i, "value"));
            t.push(c++, piece);
            t.push(c++, currency);
            t.push(c++, converted ? text(i, "rate") : std::string("1"));
            if (converted) {
                t.push(c++, pieces.at<Date>(i, "rate_date"));
            } else {
                t.push_undefined(c++);
            }
            t.push(c++, converted ? text(i, "rate_source") : std::string());
            t.push(c++, static_cast<std::int64_t>(fy), fy != 0);
            t.push(c++, portion);
            if (d) {
                t.push(c++, d->year_entry.deflator);
                t.push(c++, d->base_entry.deflator);
                t.push(c++, d->year_entry.source + " (" + d->year_entry.file + ":" +
                                std::to_string(d->year_entry.line) + ")");
                t.push(c++, d->value);
            } else {
                t.push_undefined(c++);
                t.push_undefined(c++);
                t.push(c++, std::string());
                t.push(c++, portion);
            }
            t.push(c++, currency);
            ++kept;
        }
    }
    for (const auto& n : pieces.notes()) t.add_note(n);
    if (q.fiscal_year) t.add_note("fiscal year " + q.calendar.label(*q.fiscal_year) + " only");
    if (deflate)
        t.add_note("constant " + std::to_string(q.base_year) +
                   " prices: amount = portion x deflator_base / deflator_year, rounded to " +
                   std::to_string(q.explode.places) + " decimals");
    t.add_note(std::to_string(kept) + " contributing portions; the cell is the exact sum of `amount`");
    return t;
}

Decimal explained_total(const Table& t) {
    Decimal sum;
    const auto& amounts = std::get<std::vector<Decimal>>(t.column("amount").data);
    const auto& currencies = std::get<std::vector<std::string>>(t.column("amount_currency").data);
    for (std::size_t i = 0; i < amounts.size(); ++i) {
        if (currencies[i] != currencies[0])
            throw CurrencyError("the explained rows hold " + currencies[0] + " and " + currencies[i] +
                                ": convert or filter first");
        sum += amounts[i];
    }
    return sum;
}

}  // namespace aidtrack
