#pragma once
/// \file version.hpp
/// \brief The library's version.

namespace aidtrack {
/// "MAJOR.MINOR.PATCH" of the library linked in.
[[nodiscard]] const char* version() noexcept;
}  // namespace aidtrack
