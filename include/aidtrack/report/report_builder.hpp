#pragma once
/// \file report_builder.hpp
/// \brief Builds the TWG-MA aid-effectiveness report from a Portfolio.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/exchange_rates.hpp>
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
    std::string donor_series = "AIDTRACK-KH-LM-BY-DONOR";  ///< single donors' part of the total
    std::string national_series = "AIDTRACK-KH-RGC-NATIONAL";  ///< national contribution
    /// Shares of activities by NMAS goal/objective (measures::load_activity_shares, column
    /// `objective`) for the alignment section; empty = alignment not available.
    std::vector<measures::ActivityShare> nmas_mapping;
    /// Optional extra provenance rows (e.g. datasets::dataset_files()) shown in the last section.
    std::optional<Table> source_files;
    /// Called with a line before each long step.
    std::function<void(const std::string&)> progress;
};

/// Assembles the report: funding, alignment, predictability, harmonization and fragmentation,
/// results per NMAS goal, land release and contamination, forecast and funding gap,
/// coordination and provenance. Sections whose measure or data is missing say so
/// (available = false) and carry no figures.
[[nodiscard]] Report build_report(const Portfolio& portfolio, const ReportOptions& options = {});

}  // namespace aidtrack::report
