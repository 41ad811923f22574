/// \file iati_activity_reading.cpp
/// \brief Activities read from a parsed document or batch (see iati_activity_reading.hpp).

#include "iati_activity_reading.hpp"

#include <utility>

#include "iati_activity_draft.hpp"
#include "iati_elements.hpp"
#include "iati_read_support.hpp"

namespace aidtrack::iati_detail {

using pugi::xml_node;

ActivityReading::ActivityReading(bool strict, LineMap& lines)
    : strict_(strict),
      lines_(lines),
      report_(strict, lines, recorded_),
      versions_(report_),
      values_(report_, versions_) {}

void ActivityReading::read_batch(ParsedBatch& batch, BatchReading& out) {
    lines_.set_batch(std::move(batch.region));
    const pugi::xml_parse_result& parsed = batch.parsed;
    out.error_line =
        parsed.offset >= 0 ? lines_.line_at(lines_.file_offset(static_cast<std::size_t>(parsed.offset))) : 0;
    // What Reader::accept refuses is not read: no root, or a failed parse in strict mode.
    const xml_node root = batch.doc.document_element();
    const bool readable = root && (parsed || (!strict_ && parsed.status != pugi::status_no_document_element));
    if (readable) {
        read(root, !parsed, batch.last_is_complete, out);
    } else {
        out.note.clear();
        out.root_problems.clear();
        out.items.clear();
        out.error = nullptr;
    }
}

void ActivityReading::read(const xml_node& root, bool truncated, bool last_is_complete, BatchReading& out) {
    out.note.clear();
    out.root_problems.clear();
    out.items.clear();
    out.error = nullptr;
    recorded_.clear();
    try {
        out.note = versions_.begin_file(root);
        out.root_problems = std::exchange(recorded_, {});
        // In a file cut short, the last activity may be incomplete: everything before it was closed.
        xml_node last;
        if (truncated && !last_is_complete) {
            for (const xml_node a : root.children("iati-activity")) last = a;
        }
        for (const xml_node a : root.children()) {
            if (a.type() != pugi::node_element) continue;
            if (!equals(a.name(), "iati-activity")) {
                report_.warn(a, "activities-root",
                             "unexpected <" + std::string(a.name()).substr(0, 40) + "> in <iati-activities>; ignored");
                for (auto& d : recorded_) out.items.emplace_back(std::move(d));
                recorded_.clear();
                continue;
            }
            ReadActivity activity;
            const std::ptrdiff_t offset = a.offset_debug();
            activity.file_offset = offset < 0 ? 0 : lines_.file_offset(static_cast<std::size_t>(offset));
            if (a == last) {
                report_.begin_activity();
                report_.drop(a, "well-formed", "the file ends inside this activity; activity left out");
                activity.problems = report_.take_pending();
            } else {
                read_activity(a, activity);
            }
            // Only a whole activity goes in: a strict problem thrown above leaves none half read.
            const bool ends = static_cast<bool>(activity.settle_error);
            out.items.emplace_back(std::move(activity));
            if (ends) break;  // the reader throws there, whichever problem it is
        }
    } catch (...) {
        out.error = std::current_exception();
    }
}

void ActivityReading::read_activity(const xml_node& node, ReadActivity& out) {
    report_.begin_activity();
    ActivityDraft draft = read_activity_element(node, values_);
    check_activity(draft.activity, node, values_);
    if (draft.activity.identifier.empty()) {
        report_.drop(draft.identifier_node ? draft.identifier_node : node, "identifier-present",
                     "activity without an <iati-identifier>; activity left out");
        out.problems = report_.take_pending();
        return;
    }
    out.checked = report_.pending_count();
    out.identified = true;
    if (!strict_) {
        out.staged = settle_activity(std::move(draft), node, values_, out.records_skipped);
        out.problems = report_.take_pending();
        return;
    }
    // A strict problem of the settling comes after the check of the identifier, which needs the
    // whole read: it waits with the activity.
    out.staged.activity = draft.activity;
    try {
        out.staged = settle_activity(std::move(draft), node, values_, out.records_skipped);
    } catch (...) {
        out.settle_error = std::current_exception();
    }
    out.problems = report_.take_pending();
}

}  // namespace aidtrack::iati_detail
