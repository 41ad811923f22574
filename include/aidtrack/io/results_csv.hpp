#pragma once
/// \file results_csv.hpp
/// \brief Hand-editable CSV files of strategies, indicators, hazards, land release, casualties.

#include <aidtrack/model/results_store.hpp>

#include <istream>
#include <string>

namespace aidtrack {

/// \brief What load_results_csv() read: rows per file (0 when the file is absent).
struct ResultsCsvCounts {
    std::size_t strategies = 0;  ///< strategy rows of strategy.csv
    std::size_t nodes = 0;       ///< node rows of strategy.csv
    std::size_t indicators = 0;
    std::size_t indicator_values = 0;
    std::size_t links = 0;
    std::size_t hazards = 0;
    std::size_t releases = 0;
    std::size_t casualties = 0;
};

/// Reads whichever of strategy.csv, indicators.csv, indicator_values.csv, indicator_links.csv,
/// hazards.csv, land_release.csv and casualties.csv exist in `dir` (in that order) into
/// `store`. Formats: docs/results.md. A bad row throws ParseError or ValidationError naming
/// FILE:LINE and the column; the store is left unchanged then (all or nothing).
ResultsCsvCounts load_results_csv(ResultsStore& store, const std::string& dir);

/// \brief The files load_results_csv() knows.
enum class ResultsCsvKind {
    strategy,
    indicators,
    indicator_values,
    indicator_links,
    hazards,
    land_release,
    casualties
};

/// Reads one file of `kind` from a stream into `store`; `name` is used in errors and as the
/// default provenance source. Returns the rows read.
std::size_t read_results_csv(ResultsStore& store, ResultsCsvKind kind, std::istream& in, const std::string& name);

}  // namespace aidtrack
