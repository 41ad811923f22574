#include <aidtrack/config.hpp>
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/error.hpp>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace aidtrack {
namespace {

// The directory given to set_default_data_dir(), guarded: any thread may ask for data.
struct DefaultDataDir {
    std::mutex mutex;
    std::string directory;
};

DefaultDataDir& default_data_dir() {
    static DefaultDataDir instance;
    return instance;
}

}  // namespace

std::string data_dir() {
    if (const char* env = std::getenv("AIDTRACK_DATA_DIR"); env != nullptr && *env != '\0') return env;
    {
        DefaultDataDir& d = default_data_dir();
        const std::lock_guard<std::mutex> lock(d.mutex);
        if (!d.directory.empty()) return d.directory;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(AIDTRACK_INSTALLED_DATA_DIR, ec)) return AIDTRACK_INSTALLED_DATA_DIR;
    return AIDTRACK_SOURCE_DATA_DIR;
}

void set_default_data_dir(const std::string& directory) {
    DefaultDataDir& d = default_data_dir();
    const std::lock_guard<std::mutex> lock(d.mutex);
    d.directory = directory;
}

std::string data_file(const std::string& relative) {
    std::string path = data_dir() + "/" + relative;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw IoError("shipped data file '" + relative + "' not found at '" + path +
                          "' (set AIDTRACK_DATA_DIR to the data/ directory of aidtrack)",
                      {path, 0, {}});
    }
    return path;
}

}  // namespace aidtrack
