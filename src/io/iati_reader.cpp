/// \file iati_reader.cpp
/// \brief IATI 2.0x activity and organisation files → Portfolio, strict or lenient, with pugixml:
/// files, documents and batches, and the way of each activity from its element to the staging.

#include <aidtrack/core/error.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <pugixml.hpp>
#include <utility>

#include "iati_activity_draft.hpp"
#include "iati_batch_pipeline.hpp"
#include "iati_batch_source.hpp"
#include "iati_batches.hpp"
#include "iati_elements.hpp"
#include "iati_line_map.hpp"
#include "iati_organisation_file.hpp"
#include "iati_outside.hpp"
#include "iati_problems.hpp"
#include "iati_read_support.hpp"
#include "iati_staging.hpp"
#include "iati_values.hpp"
#include "iati_versions.hpp"

namespace aidtrack {
namespace {

using iati_detail::equals;
using pugi::xml_node;

/// \brief Reads the files of one read into its result, staging activities until flush().
class Reader {
public:
    Reader(const IatiReadOptions& options, IatiReadResult& result, Portfolio& portfolio)
        : options_(options),
          result_(result),
          portfolio_(portfolio),
          report_(options.strict, lines_, portfolio, result.diagnostics),
          versions_(report_),
          values_(report_, versions_),
          staging_(options.duplicates, options.strict),
          parse_ahead_((options.threads == 0 ? std::thread::hardware_concurrency() : options.threads) >= 2) {
        if (!options_.selection.empty()) iati_detail::add_selection_columns(result_.selection);
        iati_detail::add_outside_columns(result_.outside);
    }

    /// Reads one document held in `buffer` (modified in place by the parser). `bytes_before` of
    /// `bytes_total` were read before it, for progress reports.
    void read_document(std::string& buffer, const std::string& name, std::size_t bytes_before, std::size_t bytes_total);
    /// Reads a file whose first bytes are `window` and whose root `root` admits batches; `more`
    /// appends the next chunk of the file and returns false at its end.
    void read_stream(std::string& window, const iati_detail::RootTag& root, std::function<bool(std::string&)> more,
                     const std::string& name, std::size_t bytes_before, std::size_t bytes_total) {
        begin_file(name, bytes_before, bytes_total);
        read_batches(window, root, std::move(more));
    }
    /// Moves the activities that survived the duplicate policy into the Portfolio, in the order
    /// their identifiers were first read.
    void flush() { staging_.flush(portfolio_, result_, parse_ahead_); }

private:
    void begin_file(const std::string& name, std::size_t bytes_before, std::size_t bytes_total);
    /// False when the DOCTYPE of `buffer` keeps the file from being read.
    bool doctype_allows_reading(std::string_view buffer);
    /// Reports a failed parse; false when nothing can be read from the document.
    bool accept(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed, bool& truncated);
    /// Reports the parse error of a document cut short, once its complete records are read.
    void report_deferred_error();
    void read_root(const xml_node& root, bool truncated);
    /// Reads the file a batch of whole activities at a time (see BatchSource).
    void read_batches(std::string& window, const iati_detail::RootTag& root, std::function<bool(std::string&)> more);
    /// Reads one parsed batch; false when the read of the file ends with it.
    bool read_batch(iati_detail::ParsedBatch& batch, bool& first);
    void begin_activities(const xml_node& root);
    /// Reads the activities under `root`. In a document cut short (`truncated`) the last one is
    /// left out as incomplete unless `last_is_complete` (known when its text was scanned).
    void read_activities(const xml_node& root, bool truncated, bool last_is_complete = false);
    void report_progress(const xml_node& activity);
    void read_activity(const xml_node& node);
    /// False (reported) for an activity without an identifier or one the Portfolio held before.
    bool is_new_identifier(const iati_detail::ActivityDraft& draft, const xml_node& node);

    const IatiReadOptions& options_;
    IatiReadResult& result_;
    Portfolio& portfolio_;
    iati_detail::LineMap lines_;
    iati_detail::ProblemReport report_;
    iati_detail::VersionMapping versions_;
    iati_detail::ValueReader values_;
    iati_detail::ActivityStaging staging_;
    std::optional<std::pair<std::string, std::uint32_t>> deferred_error_;  // message, line
    std::size_t file_order_ = 0;     // the current file's index among the read's files
    std::size_t bytes_before_ = 0;   // bytes of the files before the current one
    std::size_t bytes_total_ = 0;    // bytes of all files
    std::size_t next_progress_ = 0;  // progress is reported again from this byte on
    bool parse_ahead_;               // the next batch is parsed on a second thread
};

void Reader::begin_file(const std::string& name, std::size_t bytes_before, std::size_t bytes_total) {
    report_.begin_file(name);
    file_order_ = result_.files;
    ++result_.files;
    lines_.reset();
    bytes_before_ = bytes_before;
    bytes_total_ = bytes_total;
}

void Reader::read_document(std::string& buffer, const std::string& name, std::size_t bytes_before,
                           std::size_t bytes_total) {
    begin_file(name, bytes_before, bytes_total);
    if (buffer.size() > std::numeric_limits<std::uint32_t>::max()) {
        report_.problem(Severity::error, false, "file-size", "files over 4 GiB are not supported; split the file", 0,
                        {});
        return;
    }
    if (options_.batch_bytes > 0) {
        if (const auto root = iati_detail::find_batchable_root(buffer)) {
            read_batches(buffer, *root, [](std::string&) { return false; });
            return;
        }
    }
    lines_.whole(buffer);
    if (!doctype_allows_reading(buffer)) return;
    pugi::xml_document doc;
    bool truncated = false;
    const auto parsed =
        doc.load_buffer_inplace(buffer.data(), buffer.size(), iati_detail::kIatiParseFlags, pugi::encoding_auto);
    if (!accept(doc, parsed, truncated)) return;
    read_root(doc.document_element(), truncated);
}

// A DOCTYPE is never followed (pugixml does not expand entities beyond the five XML ones and
// character references); one that declares entities marks a hostile or broken file.
bool Reader::doctype_allows_reading(std::string_view buffer) {
    const auto doctype = iati_detail::find_doctype(buffer);
    if (!doctype) return true;
    const std::uint32_t line = lines_.line_at(doctype->offset);
    if (doctype->declares_entities) {
        report_.problem(Severity::error, true, "no-entities",
                        "DOCTYPE declares entities or names an external DTD (possible XML bomb or external entity); "
                        "the file is not read",
                        line, "!DOCTYPE");
        return false;
    }
    report_.problem(Severity::warning, true, "no-doctype", "DOCTYPE ignored (IATI files have none)", line, "!DOCTYPE");
    return true;
}

bool Reader::accept(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed, bool& truncated) {
    const xml_node root = doc.document_element();
    truncated = false;
    if (!parsed) {
        const std::uint32_t line =
            parsed.offset >= 0 ? lines_.line_at(lines_.file_offset(static_cast<std::size_t>(parsed.offset))) : 0;
        const bool empty_document = parsed.status == pugi::status_no_document_element;
        const std::string message = empty_document ? "not an XML document (no root element)"
                                                   : std::string("XML is not well formed: ") + parsed.description();
        if (!root || empty_document || options_.strict) {
            report_.problem(Severity::error, true, "well-formed", message + (root ? "" : "; the file is not read"),
                            line, {});
            return false;
        }
        truncated = true;
        // Reported after the records before the error are read, so diagnostics stay in file order.
        deferred_error_ = {message + "; the complete records before this point are read", line};
    }
    if (!root) {
        report_.problem(Severity::error, true, "well-formed", "not an XML document (no root element)", 0, {});
        return false;
    }
    return true;
}

void Reader::report_deferred_error() {
    if (!deferred_error_) return;
    const auto [message, line] = *std::exchange(deferred_error_, std::nullopt);
    report_.problem(Severity::error, true, "well-formed", message, line, {});
}

void Reader::read_root(const xml_node& root, bool truncated) {
    if (equals(root.name(), "iati-activities")) {
        begin_activities(root);
        read_activities(root, truncated);
        report_deferred_error();
    } else if (equals(root.name(), "iati-organisations")) {
        iati_detail::read_organisations(root, truncated, values_, portfolio_, result_);
        report_deferred_error();
    } else {
        report_deferred_error();
        report_.problem(Severity::error, false, "root-element",
                        "root element <" + std::string(root.name()).substr(0, 60) +
                            "> is not <iati-activities> or <iati-organisations>; the file is not read",
                        report_.line_of(root), root.name());
    }
}

// Only one batch's DOM (and, reading a file, about one batch of its text) exists at once, and
// every offset maps back to the file, so lines, errors and results are those of a
// whole-document parse. The last batch runs to the end of the file: whatever follows the
// activities (or cuts one short) is parsed as it stands.
void Reader::read_batches(std::string& window, const iati_detail::RootTag& root,
                          std::function<bool(std::string&)> more) {
    iati_detail::BatchSource source(window, root, std::move(more), options_.batch_bytes);
    lines_.begin_batches(source.prolog());
    bool first = true;
    if (parse_ahead_) {
        // The worker cuts and parses the batches ahead of this thread, which takes them in order.
        iati_detail::BatchPipeline pipeline(source);
        while (auto batch = pipeline.next()) {
            const bool go_on = read_batch(*batch, first);
            pipeline.recycle(std::move(batch));
            if (!go_on) break;
        }
    } else {
        iati_detail::ParsedBatch batch;
        while (source.next(batch) && read_batch(batch, first)) {
        }
    }
    lines_.end_batches();
}

bool Reader::read_batch(iati_detail::ParsedBatch& batch, bool& first) {
    lines_.set_batch(std::move(batch.region));
    bool truncated = false;
    if (!accept(batch.doc, batch.parsed, truncated)) return false;
    const xml_node element = batch.doc.document_element();
    if (first) begin_activities(element);
    first = false;
    read_activities(element, truncated, batch.last_is_complete);
    report_deferred_error();
    return !batch.last && !truncated;  // an error ends the read of the file, as in one parse
}

void Reader::begin_activities(const xml_node& root) {
    std::string note = versions_.begin_file(root);
    if (!note.empty()) result_.notes.push_back(std::move(note));
}

void Reader::read_activities(const xml_node& root, bool truncated, bool last_is_complete) {
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
            continue;
        }
        if (a == last) {
            report_.drop(a, "well-formed", "the file ends inside this activity; activity left out");
            ++result_.activities_read;
            continue;
        }
        read_activity(a);
        if (options_.progress) report_progress(a);
    }
}

// About every 1% of the bytes of all files.
void Reader::report_progress(const xml_node& activity) {
    const std::ptrdiff_t offset = activity.offset_debug();
    const std::size_t done = bytes_before_ + (offset < 0 ? 0 : lines_.file_offset(static_cast<std::size_t>(offset)));
    if (done < next_progress_) return;
    options_.progress(done, bytes_total_);
    next_progress_ = done + std::max<std::size_t>(bytes_total_ / 100, 1);
}

// An activity's problems wait until it is settled: one the selection leaves out takes them along.
void Reader::read_activity(const xml_node& node) {
    ++result_.activities_read;
    report_.begin_activity();
    iati_detail::ActivityDraft draft = iati_detail::read_activity_element(node, values_);
    iati_detail::check_activity(draft.activity, node, values_);
    if (!is_new_identifier(draft, node)) {
        report_.end_activity(true);
        return;
    }
    iati_detail::StagedActivity staged =
        iati_detail::settle_activity(std::move(draft), node, values_, result_.records_skipped);
    if (!options_.selection.empty()) {
        staged.reason = options_.selection.match(staged.activity, staged.rows);
        if (!staged.reason) {
            ++result_.activities_filtered_out;
            iati_detail::count_outside(result_.outside, staged.activity, staged.rows, report_.file());
            report_.end_activity(false);
            return;
        }
        staged.activity.provenance.note =
            "selected by " + staged.reason->rule + (staged.reason->detail.empty() ? "" : ": " + staged.reason->detail);
    }
    report_.end_activity(true);
    staged.file_order = file_order_;
    if (auto duplicate = staging_.stage(std::move(staged), result_.duplicates)) report_.commit(std::move(*duplicate));
}

bool Reader::is_new_identifier(const iati_detail::ActivityDraft& draft, const xml_node& node) {
    const Activity& a = draft.activity;
    if (a.identifier.empty()) {
        report_.drop(draft.identifier_node ? draft.identifier_node : node, "identifier-present",
                     "activity without an <iati-identifier>; activity left out");
        return false;
    }
    const auto existing = portfolio_.find_activity(a.identifier);
    if (!existing) return true;
    // The Portfolio's record stays: its money cannot be taken back out.
    const Activity& held = portfolio_.activity(*existing);
    const Provenance& first = held.provenance;
    const std::string& file = report_.file();
    report_.drop(node, "identifier-unique",
                 "duplicate activity identifier '" + a.identifier + "': first at " + first.source + ":" +
                     std::to_string(first.line) + ", this one at " + file + ":" + std::to_string(a.provenance.line) +
                     "; the first is kept (it was in the Portfolio before this read)");
    add_duplicate_row(result_.duplicates, a.identifier, {first.source, first.line, 0, held.last_updated},
                      {file, a.provenance.line, file_order_, a.last_updated},
                      "the kept record was in the Portfolio before this read");
    return false;
}

// Appends the rest of `in` to `buffer`: one read of the `known` size (growing a string character
// by character would copy the file several times), then to the end whatever the size said.
void read_rest(std::ifstream& in, std::string& buffer, std::size_t known) {
    if (known > buffer.size()) {
        const std::size_t old = buffer.size();
        buffer.resize(known);
        in.read(buffer.data() + old, static_cast<std::streamsize>(known - old));
        buffer.resize(old + static_cast<std::size_t>(in.gcount()));
    }
    in.clear();
    buffer.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::size_t total_size(const std::vector<std::string>& paths) {
    std::size_t total = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    }
    return total;
}

}  // namespace

IatiReadResult read_iati_files(const std::vector<std::string>& paths, Portfolio& into, const IatiReadOptions& options) {
    IatiReadResult result;
    Reader reader(options, result, into);
    const std::size_t total = total_size(paths);
    std::size_t done = 0;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::error_code ec;
        if (!in || std::filesystem::is_directory(path, ec)) {
            if (options.strict) throw IoError("cannot open file", {path, 0, {}}, "file-readable");
            Diagnostic d{Severity::error, "IoError", "file-readable", "cannot open file", {path, 0, {}}};
            into.add_diagnostic(d);
            result.diagnostics.push_back(std::move(d));
            continue;
        }
        const auto expected = std::filesystem::file_size(path, ec);
        const std::size_t known = ec ? 0 : static_cast<std::size_t>(expected);
        // Appends the next chunk of the file (at least as much as is held, so that a long
        // record costs a logarithmic number of reads); false at the end of the file.
        const auto more = [&in, &options](std::string& window) {
            const std::size_t chunk = std::max({std::size_t{1} << 16, options.batch_bytes, window.size()});
            const std::size_t old = window.size();
            window.resize(old + chunk);
            in.read(window.data() + old, static_cast<std::streamsize>(chunk));
            window.resize(old + static_cast<std::size_t>(in.gcount()));
            return in.gcount() > 0;
        };
        std::string buffer;
        if (options.batch_bytes > 0 && known > 0 && more(buffer)) {
            if (const auto root = iati_detail::find_batchable_root(buffer)) {
                reader.read_stream(buffer, *root, more, path, done, std::max(total, done + known));
                done += known;
                continue;
            }
        }
        read_rest(in, buffer, known);
        const std::size_t size = buffer.size();
        reader.read_document(buffer, path, done, std::max(total, done + size));
        done += size;
    }
    reader.flush();
    if (options.progress) options.progress(total, total);
    return result;
}

IatiReadResult read_iati_string(std::string_view xml, Portfolio& into, const IatiReadOptions& options,
                                const std::string& name) {
    IatiReadResult result;
    Reader reader(options, result, into);
    std::string buffer(xml);
    reader.read_document(buffer, name, 0, buffer.size());
    reader.flush();
    if (options.progress) options.progress(buffer.size(), buffer.size());
    return result;
}

}  // namespace aidtrack
