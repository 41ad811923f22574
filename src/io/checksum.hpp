#pragma once
/// \file checksum.hpp
/// \brief The CRC-32 that guards archive payloads.

#include <cstddef>
#include <cstdint>

namespace aidtrack::archive_detail {

/// CRC-32 (ISO-HDLC, the zlib/PNG/gzip polynomial; check value 0xCBF43926 for "123456789")
/// of `size` bytes. zlib computes it several bytes at a time, many times faster than a
/// byte-wise table, and gives the same value, so archives written before keep verifying.
[[nodiscard]] std::uint32_t crc32_of(const char* data, std::size_t size);
/// The CRC-32 of the bytes behind `crc` followed by `size` more (crc32_of in pieces).
[[nodiscard]] std::uint32_t crc32_update(std::uint32_t crc, const char* data, std::size_t size);

}  // namespace aidtrack::archive_detail
