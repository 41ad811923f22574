/// \file iati_batch_source.cpp
/// \brief Cutting and parsing the batches of a large activities file (see iati_batch_source.hpp).

#include "iati_batch_source.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace aidtrack::iati_detail {

BatchSource::BatchSource(std::string& window, const RootTag& root, std::function<bool(std::string&)> more,
                         std::size_t batch_bytes)
    : window_(window),
      more_(std::move(more)),
      batch_bytes_(batch_bytes),
      head_(window.substr(root.begin, root.end - root.begin)),
      head_offset_(root.begin),
      root_end_(root.end),
      from_(root.end) {}

void BatchSource::count_lines_to(std::size_t to) {
    const auto begin = window_.begin();
    line_ += static_cast<std::uint32_t>(
        std::count(begin + static_cast<std::ptrdiff_t>(counted_), begin + static_cast<std::ptrdiff_t>(to), '\n'));
    counted_ = to;
}

// The quick cut by substring search first; the exact scan only when its batch fails to parse.
BatchCut BatchSource::find_cut() {
    while (true) {
        const std::size_t target = from_ + std::min(batch_bytes_, std::numeric_limits<std::size_t>::max() - from_);
        const BatchCut found =
            exact_ ? next_batch_cut(window_, from_, target) : quick_batch_cut(window_, from_, target);
        if (found.kind != BatchCut::Kind::more || end_of_file_) return found;
        // Keep only what is not parsed yet, and read on.
        count_lines_to(from_);
        window_.erase(0, from_);
        window_offset_ += from_;
        from_ = 0;
        counted_ = 0;
        end_of_file_ = !more_(window_);
    }
}

void BatchSource::parse(std::size_t to, bool last, ParsedBatch& out) {
    static constexpr std::string_view kTail = "</iati-activities>";
    out.doc.reset();  // it points into the text about to change
    out.text.clear();
    out.text.reserve(head_.size() + (to - from_) + kTail.size());
    out.text.append(head_).append(window_, from_, to - from_);
    if (!last) out.text.append(kTail);
    out.region.placement = {head_offset_, head_.size(), window_offset_ + from_};
    out.region.lines = LineIndex(std::string_view(window_).substr(from_, to - from_));
    out.region.first_line = line_;
    out.parsed = out.doc.load_buffer_inplace(out.text.data(), out.text.size(), kIatiParseFlags, pugi::encoding_utf8);
}

// The last activity's text is still in the window, unlike in the parsed copy, which ends at the
// error: the activity is complete when the exact scan finds its end before the error.
bool BatchSource::last_activity_complete(const ParsedBatch& batch) const {
    if (batch.parsed.offset < 0) return false;
    pugi::xml_node last_activity;
    for (const pugi::xml_node a : batch.doc.document_element().children("iati-activity")) last_activity = a;
    const std::ptrdiff_t name_at = last_activity ? last_activity.offset_debug() : -1;
    if (name_at <= 0) return false;
    const BufferPlacement& placement = batch.region.placement;
    const std::size_t start = placement.file_offset(static_cast<std::size_t>(name_at) - 1) - window_offset_;  // its '<'
    const BatchCut end = next_batch_cut(window_, start, start);
    return end.kind == BatchCut::Kind::cut &&
           window_offset_ + end.at <= placement.file_offset(static_cast<std::size_t>(batch.parsed.offset));
}

bool BatchSource::next(ParsedBatch& out) {
    if (done_) return false;
    while (true) {
        const BatchCut found = find_cut();
        const bool last = found.kind != BatchCut::Kind::cut;
        while (last && !end_of_file_) end_of_file_ = !more_(window_);
        const std::size_t to = last ? window_.size() : found.at;
        count_lines_to(from_);
        parse(to, last, out);
        if (!out.parsed && !exact_ && !last) {
            exact_ = true;  // the quick cut may have fallen inside a comment or CDATA: cut again
            continue;
        }
        out.last = last;
        out.last_is_complete = !out.parsed && last_activity_complete(out);
        done_ = last || !out.parsed;
        from_ = to;
        exact_ = false;
        return true;
    }
}

}  // namespace aidtrack::iati_detail
