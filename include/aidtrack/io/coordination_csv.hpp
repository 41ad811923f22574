#pragma once
/// \file coordination_csv.hpp
/// \brief Loading coordination records from hand-editable CSV files (schema in docs/coordination.md).

#include <aidtrack/model/coordination_store.hpp>

#include <string>
#include <vector>

namespace aidtrack {

/// The CSV file names load_coordination_dir() reads, in reading order (parents first).
[[nodiscard]] const std::vector<std::string>& coordination_csv_files();

/// Reads one CSV file into `store`; its record type comes from the file name (one of
/// coordination_csv_files()). Throws IoError when it cannot be opened, ParseError naming
/// FILE:LINE and the column for a bad row, ValidationError for an unknown file name.
void load_coordination_csv(CoordinationStore& store, const std::string& path);

/// Reads whichever of coordination_csv_files() exist in `dir`, in order; returns how many
/// files were read. Throws IoError when `dir` is not a directory.
std::size_t load_coordination_dir(CoordinationStore& store, const std::string& dir);

}  // namespace aidtrack
