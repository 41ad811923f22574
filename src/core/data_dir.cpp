#include <aidtrack/config.hpp>
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/error.hpp>

#include <cstdlib>
#include <filesystem>

namespace aidtrack {

std::string data_dir() {
    if (const char* env = std::getenv("AIDTRACK_DATA_DIR"); env != nullptr && *env != '\0') return env;
    std::error_code ec;
    if (std::filesystem::is_directory(AIDTRACK_INSTALLED_DATA_DIR, ec)) return AIDTRACK_INSTALLED_DATA_DIR;
    return AIDTRACK_SOURCE_DATA_DIR;
}

std::string data_file(const std::string& relative) {
    const std::string path = data_dir() + "/" + relative;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw IoError("shipped data file '" + relative + "' not found at '" + path +
                      "' (set AIDTRACK_DATA_DIR to the data/ directory of aidtrack)", {path, 0, {}});
    }
    return path;
}

}  // namespace aidtrack
