#include <aidtrack/config.hpp>
#include <aidtrack/version.hpp>

namespace aidtrack {
const char* version() noexcept { return AIDTRACK_VERSION; }
}  // namespace aidtrack
