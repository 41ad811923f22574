#pragma once
/// \file report_builder.hpp
/// \brief Builds the TWG-MA aid-effectiveness report from a Portfolio.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/report/report.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack::report {

/// \brief What to report on and how.
struct ReportOptions {
    std::string title = "Mine action in Cambodia: aid effectiveness report";  ///< document title
    std::string dataset_name = "embedded Cambodia dataset";                    ///< named in the subtitle
    /// Report year: figures up to and including it; absent = the latest year with transactions.
    std::optional<int> year;
    CurrencyCode currency{"USD"};          ///< currency of every money figure
    const ExchangeRates* rates = nullptr;  ///< converts other currencies (IMF table when null)
    int horizon = 2030;                    ///< forecast horizon: the Article 5 deadline year
    /// Activities that hold published country-level totals rather than project flows: they are
    /// shown as their own series and never added to project flows.
    std::string international_series = "AIDTRACK-KH-LM-INTL";
    /// Single donors' part of the total as its own activity (built by dataset versions before the
    /// by-donor rows were folded into `international_series`); still kept apart when present.
    std::string donor_series = "AIDTRACK-KH-LM-BY-DONOR";
    std::string national_series = "AIDTRACK-KH-RGC-NATIONAL";  ///< national contribution
    /// Shares of activities by NMAS goal/objective (measures::load_activity_shares, column
    /// `objective`) for the alignment section; empty = alignment not available.
    std::vector<measures::ActivityShare> nmas_mapping;
    /// Optional extra provenance rows (e.g. datasets::dataset_files()) shown in the last section.
    std::optional<Table> source_files;
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
    double fundable_rate = 0;     ///< m² a year the funding pays for (funding to the deadline per year ÷ cost per m²)
    std::string sentence;         ///< the finding in words, with the numbers it rests on
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
