/// \file checksum.cpp
/// \brief CRC-32 through zlib (see checksum.hpp).
#include "checksum.hpp"

#include <zlib.h>

namespace aidtrack::archive_detail {

std::uint32_t crc32_of(const char* data, std::size_t size) { return crc32_update(0, data, size); }

std::uint32_t crc32_update(std::uint32_t crc, const char* data, std::size_t size) {
    return static_cast<std::uint32_t>(
        crc32_z(crc, reinterpret_cast<const Bytef*>(data),
                size));  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast): zlib takes bytes
}

}  // namespace aidtrack::archive_detail
