#pragma once
/// \file provenance_explain.hpp
/// \brief explain(): the records behind a total, each with file, line and the portion taken
/// after splits, fiscal-year pro-rating, conversion and deflation, adding back exactly to it.
///
/// Steps per record (transaction or budget): the record is exploded by sector × country
/// (× objective) with explode() — largest remainder, exact; the pieces are converted (rate,
/// date and source kept); a budget piece is pro-rated by days over the fiscal years its period
/// covers (FiscalCalendar::prorate, exact largest remainder), a transaction piece falls in the
/// fiscal year of its date; pieces outside the query's filters are dropped; with deflators, each
/// remaining portion is deflated to the base year. The cell explained is the sum of the
/// `amount` column; every row names its source, so the figure can be defended line by line.

#include <aidtrack/core/fiscal_calendar.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/constant_prices.hpp>
#include <aidtrack/measures/exploded_splits.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief Which cell to explain: record selection, filters, calendar, deflation.
struct ExplainQuery {
    ExplodeOptions explode;                ///< transactions or budgets, types, conversion, objectives, places
    std::string activity_id;               ///< "" = any
    std::string reporting_org;             ///< "" = any
    std::string sector;                    ///< "" = any
    std::string country;                   ///< "" = any
    std::string objective;                 ///< "" = any
    FiscalCalendar calendar{1, 1};         ///< fiscal years of the cell (calendar years by default)
    std::optional<int> fiscal_year;        ///< keep only this fiscal year; nullopt = all years
    const Deflators* deflators = nullptr;  ///< constant prices when set (donor = reporting org)
    int base_year = 0;                     ///< base year of the constant prices
    /// One flag per activity, 1 = leave out (e.g. secondary_exclusions()); empty = keep all.
    std::vector<std::uint8_t> excluded_activities;
};

/// The contributing portions: record_kind, record, activity_id, reporting_org, file, line,
/// type, date, sector, country, objective, record_value, currency, split_value (the piece),
/// converted_value, converted_currency, rate, rate_date, rate_source, fiscal_year, portion (after
/// pro-rating), deflator_year, deflator_base, deflator_source, amount (what the cell adds), amount_currency.
/// Notes carry the total and the steps applied.
[[nodiscard]] Table explain(const Portfolio& portfolio, const ExplainQuery& query = {});

/// The cell: the exact sum of the `amount` column of an explain() table; CurrencyError when
/// the rows hold several currencies (convert, or filter by currency first).
[[nodiscard]] Decimal explained_total(const Table& explanation);

}  // namespace aidtrack
