#pragma once
/// \file data_dir.hpp
/// \brief Where the library's shipped data (codelists, schemas, datasets) is found.

#include <string>

namespace aidtrack {

/// The directory of shipped data, the first of: $AIDTRACK_DATA_DIR when set; the directory
/// given to set_default_data_dir(); the installed data directory when it exists; the source
/// tree's data/ (for builds that are not installed).
[[nodiscard]] std::string data_dir();
/// `data_dir()/relative`; throws IoError naming every place looked when the file is missing.
[[nodiscard]] std::string data_file(const std::string& relative);
/// Makes `directory` the shipped data of this process unless $AIDTRACK_DATA_DIR says otherwise:
/// a package that carries its own copy of data/ (the Python wheel) points the library at it.
/// An empty string forgets an earlier call. Thread-safe; call it before the first data is read,
/// since codelists and schemas are loaded once.
void set_default_data_dir(const std::string& directory);

}  // namespace aidtrack
