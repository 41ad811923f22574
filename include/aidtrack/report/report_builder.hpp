#pragma once
/// \file report_builder.hpp
/// \brief Builds the TWG-MA aid-effectiveness report from a Portfolio.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/model/published_series.hpp>
#include <aidtrack/report/report.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack::report {

/// \brief What to report on and how.
struct ReportOptions {
    std::string title = "Mine action in Cambodia: aid effectiveness report";  ///< document title
    std::string dataset_name = "embedded Cambodia dataset";                   ///< named in the subtitle
    /// Report year: figures up to and including it; absent = the latest year with transactions.
    std::optional<int> year;
    CurrencyCode currency{"USD"};          ///< currency of every money figure
    const ExchangeRates* rates = nullptr;  ///< converts other currencies (IMF table when null)
    int horizon = 2030;                    ///< forecast horizon: the Article 5 deadline year
    /// Activities that hold published country-level totals rather than project flows: they are
    /// shown as their own series and never added to project flows.
    std::string international_series = PublishedSeries::international;
    /// Single donors' part of the total as its own activity (built by dataset versions before the
    /// by-donor rows were folded into `international_series`); still kept apart when present.
    std::string donor_series = PublishedSeries::by_donor;
    std::string national_series = PublishedSeries::national;  ///< national contribution
    /// Shares of activities by NMAS goal/objective (measures::load_activity_shares, column
    /// `objective`) for the alignment section; empty = alignment not available.
    std::vector<measures::ActivityShare> nmas_mapping;
    /// Optional extra provenance rows (e.g. datasets::dataset_files()) shown in the last section.
    std::optional<Table> source_files;
    /// What the report is about, in words ("mine action"): named in the provenance beside the
    /// activities left out. Empty when everything read is reported (`aidtrack report --scope all`).
    std::string scope = "mine action";
    /// Activities read but outside the scope (IatiReadResult::outside: activity_id, title,
    /// reporting_org, currency, disbursed_or_spent, committed, …): counted with their money in the
    /// provenance ("N activities, USD X, outside mine action: not counted"), never in a table.
    std::optional<Table> out_of_scope;
    /// Why each IATI activity in scope was kept (IatiReadResult::selection: activity_id, rule,
    /// detail, file, line); listed in the provenance section.
    std::optional<Table> scope_selection;
    /// Published contributions by donor and year, e.g. the Landmine Monitor's country tables:
    /// year, donor, donor_ref, sector, currency, amount_national (Decimal, undefined when not
    /// published), amount_usd (the publisher's US dollars), source. The funding section sets the
    /// publisher's dollars beside the report's own conversion of the national-currency amounts.
    std::optional<Table> published_contributions;
    /// Published yearly totals: year, international_usd, donors (undefined when not stated),
    /// national_usd (undefined when not stated), source, preferred (1 = the figure the series
    /// holds; other editions' figures are shown beside it), note.
    std::optional<Table> published_totals;
    /// The country's own published estimates of the money needed: published, period_start,
    /// period_end, amount_usd, scope ("total", "annual requirement", …), who, source, note.
    std::optional<Table> funding_needs;
    /// Land released per year as published for the whole country: year, contamination,
    /// cancelled_m2, reduced_m2, cleared_m2, total_m2 (undefined where not published), source,
    /// note. With it, the land-release section, the cost per m² and the forecast's release rate
    /// rest on published figures, not on the hazard ledger.
    std::optional<Table> published_land_release;
    /// Called with a line before each long step.
    std::function<void(const std::string&)> progress;
};

/// \brief Which limit decides a clearance forecast: release capacity or money, in numbers and words.
struct BindingConstraint {
    /// "capacity", "money" or "none"; when both fall short, the tighter of the two: capacity when
    /// the release rate is at most the area the funding pays for per year, else money.
    std::string limit;
    bool capacity_short = false;  ///< the release rate alone misses the deadline
    bool money_short = false;     ///< the funding to the deadline is less than the cost needed
    double needed_rate = 0;       ///< m² a year to finish by the deadline (remaining ÷ years left)
    double fundable_rate = 0;  ///< m² a year the funding pays for (funding to the deadline per year ÷ cost per m²)
    std::string sentence;      ///< the finding in words, with the numbers it rests on
};

/// Reads the binding constraint off a deterministic forecast made with
/// `funding_limits_release = false` (the rate alone decides completion, the funding the gap).
/// Years left are counted from `input.as_of` to `input.deadline`, each calendar year by the share
/// of its days.
[[nodiscard]] BindingConstraint binding_constraint(const ForecastInput& input, const ForecastResult& result,
                                                   const CurrencyCode& currency);

/// Assembles the report: funding, alignment, predictability, harmonization and fragmentation,
/// results per NMAS goal, land release and contamination, forecast and funding gap,
/// coordination and provenance. Sections whose measure or data is missing say so
/// (available = false) and carry no figures.
[[nodiscard]] Report build_report(const Portfolio& portfolio, const ReportOptions& options = {});

}  // namespace aidtrack::report
