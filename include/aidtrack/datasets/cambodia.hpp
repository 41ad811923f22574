#pragma once
/// \file cambodia.hpp
/// \brief The embedded Cambodia mine action dataset (data/cambodia/) as a Portfolio.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <functional>
#include <string>

namespace aidtrack::datasets {

/// \brief Identifiers of the series the dataset builds from published aggregates, so that
/// reports can tell country-level totals from project-level flows and never add the two.
struct CambodiaSeries {
    /// Landmine Monitor: international contributions to mine action in Cambodia, by year (type 3).
    /// A year whose single donors the Monitor names holds one transaction per named donor
    /// (provider = the donor) plus the rest of the total (no provider, evidence derived), so
    /// the year's transactions add up to the published total and no donor is counted twice.
    static constexpr const char* international = "AIDTRACK-KH-LM-INTL";
    /// The Royal Government's national contribution, recorded as its own expenditure (type 4, so
    /// that donor measures, which count disbursements, never list the government as a donor),
    /// and its pledges (type 12).
    static constexpr const char* national = "AIDTRACK-KH-RGC-NATIONAL";
};

/// \brief Where to read the dataset from and whom to tell about progress.
struct DatasetOptions {
    /// Directory holding organisations.csv, funding.csv, … (default: data_file("cambodia")).
    std::string dir;
    /// Read the IATI files in `dir`/iati (the real UNDP Cambodia activities and d-portal's
    /// Cambodian COVID-19 activities).
    bool iati = true;
    /// Called with a short line before each long step ("reading IATI files …").
    std::function<void(const std::string&)> progress;
};

/// Builds the Cambodia dataset: organisations, the Landmine Monitor funding series, Clearing
/// for Results phases I–IV and their transactions, the NMAS 2018–2025 results framework,
/// contamination, land release and casualties (results/), coordination records
/// (coordination/) and the real IATI activities (iati/). Every record keeps its source file
/// and line and its evidence (reported, derived or illustrative).
[[nodiscard]] Portfolio cambodia(const DatasetOptions& options = {});

/// Reads a directory laid out like data/cambodia/ (any of its files may be absent) into
/// `into`; throws ParseError naming FILE:LINE on a bad row.
void load_dataset_dir(const std::string& dir, Portfolio& into, const DatasetOptions& options = {});

/// The dataset's shares of activities by NMAS goal (`nmas_mapping.csv`, column `objective`)
/// for the alignment measure; empty when the file is absent.
[[nodiscard]] std::vector<measures::ActivityShare> nmas_mapping(const std::string& dir = {});

/// One row per dataset file: file, records, reported, derived, illustrative, source(s) —
/// the provenance summary the report and data/cambodia/README.md show.
[[nodiscard]] Table dataset_files(const std::string& dir = {});

}  // namespace aidtrack::datasets
