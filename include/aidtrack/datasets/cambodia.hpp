#pragma once
/// \file cambodia.hpp
/// \brief The embedded Cambodia mine action dataset (data/cambodia/) as a Portfolio.

#include <aidtrack/core/table.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/io/iati_selection.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/model/published_series.hpp>

#include <functional>
#include <optional>
#include <string>

namespace aidtrack::datasets {

/// \brief Identifiers of the series the dataset builds from published aggregates, so that
/// reports can tell country-level totals from project-level flows and never add the two.
struct CambodiaSeries {
    /// Landmine Monitor: international contributions to mine action in Cambodia, by year (type 3).
    /// A year whose single donors the Monitor names holds one transaction per named donor
    /// (provider = the donor) plus the rest of the total (no provider, evidence derived), so
    /// the year's transactions add up to the published total and no donor is counted twice.
    static constexpr const char* international = PublishedSeries::international;
    /// The Royal Government's national contribution, recorded as its own expenditure (type 4, so
    /// that donor measures, which count disbursements, never list the government as a donor),
    /// and its pledges (type 12).
    static constexpr const char* national = PublishedSeries::national;
};

/// \brief Where to read the dataset from and whom to tell about progress.
struct DatasetOptions {
    /// Directory holding organisations.csv, funding.csv, … (default: data_file("cambodia")).
    std::string dir;
    /// Read the IATI files in `dir`/iati (the real UNDP Cambodia activities and d-portal's
    /// Cambodian COVID-19 activities).
    bool iati = true;
    /// Which IATI activities of `dir`/iati belong to the dataset: mine action (DAC 15250, the
    /// named Clearing for Results activities, the mine action keywords) by default; an empty
    /// selection keeps every activity (`aidtrack report --scope all`). What it leaves out is
    /// counted in DatasetRead::iati.outside.
    IatiSelection iati_selection = IatiSelection::mine_action();
    /// Called with a short line before each long step ("reading IATI files …").
    std::function<void(const std::string&)> progress;
};

/// \brief What reading a dataset directory found beside the records it added.
struct DatasetRead {
    /// The IATI read: which activities the selection kept and why (`selection`), which it left
    /// out with their money (`outside`), diagnostics.
    IatiReadResult iati;
};

/// \brief Published tables of a dataset that are figures as printed, not records: reports set
/// them beside the Portfolio's own figures (ReportOptions of the same names).
struct PublishedTables {
    /// monitor/donor_contributions.csv: year, donor, donor_ref, sector, currency, amount_national,
    /// amount_usd, source, edition.
    std::optional<Table> contributions;
    /// monitor/yearly_totals.csv: year, international_usd, donors, national_usd, source, table,
    /// preferred, note, edition.
    std::optional<Table> totals;
    /// monitor/funding_needs.csv: published, period_start, period_end, amount_usd, scope, who,
    /// source, note.
    std::optional<Table> funding_needs;
    /// monitor/land_release.csv: year, contamination, cancelled_m2, reduced_m2, cleared_m2,
    /// total_m2, source, url, note.
    std::optional<Table> land_release;
};

/// Builds the Cambodia dataset: organisations, the Landmine Monitor funding series, Clearing
/// for Results phases I–IV and their transactions, the NMAS 2018–2025 results framework,
/// contamination, land release and casualties (results/), coordination records
/// (coordination/) and the real IATI activities (iati/). Every record keeps its source file
/// and line and its evidence (reported, derived or illustrative).
[[nodiscard]] Portfolio cambodia(const DatasetOptions& options = {});

/// Reads a directory laid out like data/cambodia/ (any of its files may be absent) into
/// `into`; throws ParseError naming FILE:LINE on a bad row.
DatasetRead load_dataset_dir(const std::string& dir, Portfolio& into, const DatasetOptions& options = {});

/// Reads the IATI files of `dir`/iati (sorted by name) into `into`, keeping what `selection`
/// selects; the result says why each activity was kept and what was left out with its money.
IatiReadResult read_dataset_iati(const std::string& dir, Portfolio& into, const IatiSelection& selection);

/// The published tables of a dataset directory (absent files give absent tables); throws
/// ParseError naming FILE:LINE on a bad row.
[[nodiscard]] PublishedTables published_tables(const std::string& dir = {});

/// The dataset's shares of activities by NMAS goal (`nmas_mapping.csv`, column `objective`)
/// for the alignment measure; empty when the file is absent.
[[nodiscard]] std::vector<measures::ActivityShare> nmas_mapping(const std::string& dir = {});

/// One row per dataset file: file, records, reported, derived, illustrative, source(s) —
/// the provenance summary the report and data/cambodia/README.md show.
[[nodiscard]] Table dataset_files(const std::string& dir = {});

}  // namespace aidtrack::datasets
