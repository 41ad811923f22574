#pragma once
/// \file data_dir.hpp
/// \brief Where the library's shipped data (codelists, schemas, datasets) is found.

#include <string>

namespace aidtrack {

/// The directory of shipped data: $AIDTRACK_DATA_DIR when set, else the installed data
/// directory when it exists, else the source tree's data/ (for builds that are not installed).
[[nodiscard]] std::string data_dir();
/// `data_dir()/relative`; throws IoError naming every place looked when the file is missing.
[[nodiscard]] std::string data_file(const std::string& relative);

}  // namespace aidtrack
