#pragma once
/// \file archive.hpp
/// \brief Saving and loading a Portfolio as a checked, versioned Boost.Serialization archive.

#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace aidtrack {

/// \brief The archive kinds a Portfolio can be saved in.
///
/// All four go through the same serialize() functions. `compact` (the default) writes them
/// without Boost's per-object bookkeeping and loads several times faster; `binary`, `text` and
/// `xml` are Boost.Serialization's own archives (text and XML are portable and readable).
enum class ArchiveFormat : std::uint32_t { binary = 0, text = 1, xml = 2, compact = 3 };

/// "compact", "binary", "text" or "xml" → ArchiveFormat; throws ValidationError otherwise.
[[nodiscard]] ArchiveFormat archive_format_from_string(const std::string& name);

/// \brief The fixed header in front of every archive file.
///
/// Layout (little-endian, 32 bytes): magic "AIDTRACK" · format version (u32) · archive kind
/// (u32) · payload size in bytes (u64) · CRC-32 of the payload (u32) · reserved (u32, 0).
struct ArchiveHeader {
    static constexpr char kMagic[8] = {'A', 'I', 'D', 'T', 'R', 'A', 'C', 'K'};
    /// Version of the file layout around the payload (classes carry their own versions).
    static constexpr std::uint32_t kFormatVersion = 1;
    static constexpr std::size_t kSize = 32;
    std::uint32_t format_version = kFormatVersion;
    ArchiveFormat format = ArchiveFormat::binary;
    std::uint64_t payload_size = 0;
    std::uint32_t crc32 = 0;
};

/// Serializes `portfolio` into bytes (header + payload).
[[nodiscard]] std::string portfolio_to_bytes(const Portfolio& portfolio, ArchiveFormat format = ArchiveFormat::compact);
/// Reads a Portfolio from bytes; throws ArchiveError for anything but a sound archive.
/// `name` is used in error messages.
[[nodiscard]] Portfolio portfolio_from_bytes(const std::string& bytes, const std::string& name = "<memory>");

/// Writes `portfolio` to `path` atomically: into a temporary file beside it, flushed, then
/// renamed over `path`, so that a failure at any point leaves the previous file intact.
void save_portfolio(const Portfolio& portfolio, const std::string& path, ArchiveFormat format = ArchiveFormat::compact);
/// Loads a Portfolio saved by save_portfolio(); throws IoError or ArchiveError.
[[nodiscard]] Portfolio load_portfolio(const std::string& path);

/// \brief Writes `bytes` to `path` atomically (temporary file + rename). `before_rename` runs
/// after the data is written and flushed but before the rename — tests use it to simulate a
/// crash at the worst moment.
void write_file_atomically(const std::string& path, const std::string& bytes,
                           const std::function<void()>& before_rename = {});

}  // namespace aidtrack
