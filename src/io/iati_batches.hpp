/// \file
/// \brief Cutting a large `<iati-activities>` document into batches of whole activities, so
/// that the reader parses a few megabytes at a time instead of building a DOM of the whole file.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace aidtrack::iati_detail {

/// \brief Where the document element's start tag lies: `text.substr(begin, end - begin)` is
/// `<iati-activities ...>`.
struct RootTag {
    std::size_t begin = 0;  ///< offset of '<'
    std::size_t end = 0;    ///< offset just after '>'
};

/// The `<iati-activities>` start tag when the document can be read in batches: UTF-8 (no BOM of
/// another encoding, no other declared encoding), a prolog of only the XML declaration, comments,
/// processing instructions and white space (no DOCTYPE), and a root that is not empty
/// (`<iati-activities/>`). Anything else → nullopt, and the caller parses the whole document.
std::optional<RootTag> find_batchable_root(std::string_view text);

/// \brief Where the next batch ends, or why none could be found.
struct BatchCut {
    /// What the scan found.
    enum class Kind {
        cut,   ///< a batch ends at `at`, just after a child of the root
        more,  ///< the text ended first: with more of the file the scan can go on
        rest,  ///< the root's end tag, or something the scan does not understand: parse the rest whole
    };
    Kind kind = Kind::rest;
    std::size_t at = 0;  ///< the offset just after the batch's last child (for `cut`)
};

/// Where the batch that starts at `from` ends: just after the first child of the root that ends
/// at or after `target`. `from` must lie between two children of the root. Comments, CDATA,
/// processing instructions and quoted attribute values are skipped, so a `>` or `</x>` inside
/// them never counts. The scan only finds element boundaries; the parser then reports any
/// error in a batch just as a whole-document parse would.
BatchCut next_batch_cut(std::string_view text, std::size_t from, std::size_t target);

/// A quick guess at the same cut: just after the first `</iati-activity>` end tag that ends at
/// or after `target`, found by a substring search that skips everything before `target`. The
/// guess is wrong only when that text sits inside a comment, CDATA or a nested element; the
/// batch then fails to parse, and the caller repeats the cut with next_batch_cut (a batch that
/// parses ends at the root's depth, so it is a right cut). `more` when no end tag follows.
BatchCut quick_batch_cut(std::string_view text, std::size_t from, std::size_t target);

}  // namespace aidtrack::iati_detail
