#pragma once
/// \file iati_line_map.hpp
/// \brief File offsets and 1-based lines of offsets in a parsed buffer, whether the file is
/// parsed whole or a batch at a time.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <pugixml.hpp>
#include <string_view>
#include <vector>

namespace aidtrack::iati_detail {

/// \brief Byte offset → 1-based line, from the offsets of every newline (computed once per text).
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text) {
        const char* begin = text.data();
        const char* end = begin + text.size();
        for (const char* p = begin; p < end;) {
            const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (hit == nullptr) break;
            const char* nl = static_cast<const char*>(hit);
            newlines_.push_back(static_cast<std::uint32_t>(nl - begin));
            p = nl + 1;
        }
    }
    /// Line holding byte `offset` (1-based).
    [[nodiscard]] std::uint32_t line(std::size_t offset) const noexcept {
        const auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::uint32_t>(offset));
        return static_cast<std::uint32_t>(it - newlines_.begin()) + 1;
    }

private:
    std::vector<std::uint32_t> newlines_;
};

/// \brief Where a parsed buffer lies in the file. A whole document lies as it is; a batch is the
/// root's start tag (taken from the file's head) followed by a slice of the file, so its
/// offsets map to two places.
struct BufferPlacement {
    std::size_t head_offset = 0;                                        ///< file offset of the root's start tag
    std::size_t head_length = std::numeric_limits<std::size_t>::max();  ///< its length (all of a whole document)
    std::size_t region_offset = 0;                                      ///< file offset of the slice after it

    /// The file offset of offset `parsed` in the buffer.
    [[nodiscard]] std::size_t file_offset(std::size_t parsed) const noexcept {
        return parsed < head_length ? head_offset + parsed : region_offset + (parsed - head_length);
    }
};

/// \brief One batch's slice of the file: where its buffer lies, and the lines of the slice.
struct BatchRegion {
    BufferPlacement placement;     ///< where the batch's buffer lies in the file
    LineIndex lines;               ///< lines within the slice
    std::uint32_t first_line = 1;  ///< the file's line where the slice starts
};

/// \brief Lines of nodes of the buffer being parsed. Batches never index the whole file (it is
/// never held whole): the prolog and each slice are indexed on their own.
class LineMap {
public:
    /// A new file: offsets are the file's until told otherwise.
    void reset() noexcept {
        batched_ = false;
        region_.placement = {};
    }
    /// A whole document `text`, parsed as it lies in the file.
    void whole(std::string_view text) { lines_ = LineIndex(text); }
    /// Batches of a file whose prolog and root start tag (up to the tag's end) are `prolog`.
    void begin_batches(std::string_view prolog) {
        batched_ = true;
        head_lines_ = LineIndex(prolog);
    }
    /// The batch now parsed.
    void set_batch(BatchRegion region) { region_ = std::move(region); }
    /// The batches of the file are read.
    void end_batches() noexcept { batched_ = false; }

    /// The file offset of an offset in the parsed buffer.
    [[nodiscard]] std::size_t file_offset(std::size_t parsed) const noexcept {
        return region_.placement.file_offset(parsed);
    }
    /// The line of a file offset.
    [[nodiscard]] std::uint32_t line_at(std::size_t offset) const noexcept {
        if (!batched_) return lines_.line(offset);
        if (offset >= region_.placement.region_offset) {
            return region_.first_line + region_.lines.line(offset - region_.placement.region_offset) - 1;
        }
        return head_lines_.line(offset);
    }
    /// The line of a node of the parsed buffer (0 when pugixml does not know its offset).
    [[nodiscard]] std::uint32_t line_of(const pugi::xml_node& node) const {
        const std::ptrdiff_t offset = node.offset_debug();
        return offset < 0 ? 0 : line_at(file_offset(static_cast<std::size_t>(offset)));
    }

private:
    bool batched_ = false;
    LineIndex lines_;       // a whole document's lines
    LineIndex head_lines_;  // in batches: the prolog and the root's start tag
    BatchRegion region_;    // in batches: the current batch
};

}  // namespace aidtrack::iati_detail
