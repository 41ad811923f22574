#pragma once
/// \file iati_batch_source.hpp
/// \brief The batches of a large `<iati-activities>` file, cut and parsed one after the other.
/// Each batch is the root's start tag, a slice of the file ending after an activity, and the
/// root's end tag; only about one batch of the file's text is held at once.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <pugixml.hpp>
#include <string>

#include "iati_batches.hpp"
#include "iati_line_map.hpp"

namespace aidtrack::iati_detail {

/// Parse options of every IATI document. No parse_eol: offsets must stay those of the file for
/// line numbers (values are trimmed).
inline constexpr unsigned kIatiParseFlags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_wconv_attribute;

/// \brief One batch, parsed.
struct ParsedBatch {
    std::string text;  ///< the batch's buffer; `doc` points into it
    pugi::xml_document doc;
    pugi::xml_parse_result parsed;
    BatchRegion region;  ///< where the batch lies in the file
    bool last = false;   ///< the batch runs to the end of the file
    /// In a batch that fails to parse: its last activity is closed before the error in the
    /// file's text (the parsed copy cannot tell), so a file cut between two activities loses none.
    bool last_is_complete = false;
};

/// \brief Cuts a file into batches and parses them. `more` appends the next chunk of the file
/// to the window and returns false at its end.
class BatchSource {
public:
    BatchSource(std::string& window, const RootTag& root, std::function<bool(std::string&)> more,
                std::size_t batch_bytes);

    /// The text of the file up to the end of the root's start tag (valid until next() is called).
    [[nodiscard]] std::string_view prolog() const noexcept { return std::string_view(window_).substr(0, root_end_); }

    /// Parses the next batch into `out`; false after the last batch or one that failed to parse
    /// (an error ends the read of the file, as in a whole-document parse).
    bool next(ParsedBatch& out);

private:
    /// Where the batch that starts at from_ ends, reading on until that is known.
    BatchCut find_cut();
    /// Counts the lines of the window up to `to`.
    void count_lines_to(std::size_t to);
    /// Builds and parses the batch window_[from_, to).
    void parse(std::size_t to, bool last, ParsedBatch& out);
    /// Whether the last activity of a batch that failed to parse is closed before the error.
    [[nodiscard]] bool last_activity_complete(const ParsedBatch& batch) const;

    std::string& window_;
    std::function<bool(std::string&)> more_;
    std::size_t batch_bytes_;
    std::string head_;               // the root's start tag, which begins every batch
    std::size_t head_offset_;        // its file offset
    std::size_t root_end_;           // the end of the root's start tag in the first window
    std::size_t window_offset_ = 0;  // file offset of window_[0]
    std::size_t from_;               // where the next batch starts in the window
    std::size_t counted_ = 0;        // newlines are counted up to here in the window ...
    std::uint32_t line_ = 1;         // ... which is on this line
    bool end_of_file_ = false;
    bool exact_ = false;  // the current batch is cut by the exact scan
    bool done_ = false;
};

}  // namespace aidtrack::iati_detail
