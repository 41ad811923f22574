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
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <unordered_set>
#include <utility>
#include <variant>

#include "iati_activity_reading.hpp"
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
          reading_(options.strict, lines_),
          threads_(options.threads == 0 ? std::thread::hardware_concurrency() : options.threads) {
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
    void flush() { staging_.flush(portfolio_, result_); }

private:
    void begin_file(const std::string& name, std::size_t bytes_before, std::size_t bytes_total);
    /// False when the DOCTYPE of `buffer` keeps the file from being read.
    bool doctype_allows_reading(std::string_view buffer);
    /// Reports a failed parse (at `error_line`); false when nothing can be read from the document.
    bool accept(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed, std::uint32_t error_line,
                bool& truncated);
    /// Reports the parse error of a document cut short, once its complete records are read.
    void report_deferred_error();
    void read_root(const xml_node& root, bool truncated);
    /// Reads the file a batch of whole activities at a time (see BatchSource).
    void read_batches(std::string& window, const iati_detail::RootTag& root, std::function<bool(std::string&)> more);
    /// Reads the batches of a file on `threads_` workers, keeping what they read in file order.
    void read_batches_on_workers(iati_detail::BatchSource& source);
    /// Keeps what was read from one parsed batch; false when the read of the file ends with it.
    bool keep_batch(const iati_detail::ParsedBatch& batch, iati_detail::BatchReading& reading, bool& first);
    /// Keeps the root's note and problems, when the root is the file's.
    void keep_root(iati_detail::BatchReading& reading);
    /// Keeps what was read from the children of `<iati-activities>`, in file order, then throws
    /// the strict problem that ended the reading.
    void keep_items(iati_detail::BatchReading& reading);
    void report_progress(std::size_t file_offset);
    /// Settles an activity read against the whole read: identifiers held before, the selection,
    /// duplicates; its problems are kept or forgotten with it.
    void keep_activity(iati_detail::ReadActivity& read);
    /// Forgets the problems that the file reported already and are reported once per file.
    void forget_repeated(iati_detail::ReadActivity& read);
    /// False (reported) for an activity whose identifier the Portfolio held before this read.
    bool is_new_identifier(iati_detail::ReadActivity& read);
    void commit(iati_detail::PendingProblems& problems, std::size_t count);

    const IatiReadOptions& options_;
    IatiReadResult& result_;
    Portfolio& portfolio_;
    iati_detail::LineMap lines_;
    iati_detail::ProblemReport report_;
    iati_detail::VersionMapping versions_;
    iati_detail::ValueReader values_;
    iati_detail::ActivityStaging staging_;
    iati_detail::ActivityReading reading_;                                 // reads activities when no worker does
    std::unordered_set<std::string> reported_once_;                        // keys of problems reported once per file
    std::optional<std::pair<std::string, std::uint32_t>> deferred_error_;  // message, line
    std::size_t file_order_ = 0;     // the current file's index among the read's files
    std::size_t bytes_before_ = 0;   // bytes of the files before the current one
    std::size_t bytes_total_ = 0;    // bytes of all files
    std::size_t next_progress_ = 0;  // progress is reported again from this byte on
    unsigned threads_;               // threads that parse and read batches (one: this one)
};

void Reader::begin_file(const std::string& name, std::size_t bytes_before, std::size_t bytes_total) {
    report_.begin_file(name);
    reading_.begin_file(name);
    reported_once_.clear();
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
    const std::uint32_t error_line =
        parsed.offset >= 0 ? lines_.line_at(lines_.file_offset(static_cast<std::size_t>(parsed.offset))) : 0;
    if (!accept(doc, parsed, error_line, truncated)) return;
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

bool Reader::accept(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed, std::uint32_t error_line,
                    bool& truncated) {
    const xml_node root = doc.document_element();
    truncated = false;
    if (!parsed) {
        const std::uint32_t line = error_line;
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
        iati_detail::BatchReading reading;
        reading_.read(root, truncated, false, reading);
        keep_root(reading);
        keep_items(reading);
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

// Only one batch's DOM (and, reading a file, about one batch of its text) exists per thread at
// once, and every offset maps back to the file, so lines, errors and results are those of a
// whole-document parse. The last batch runs to the end of the file: whatever follows the
// activities (or cuts one short) is parsed as it stands.
void Reader::read_batches(std::string& window, const iati_detail::RootTag& root,
                          std::function<bool(std::string&)> more) {
    iati_detail::BatchSource source(window, root, std::move(more), options_.batch_bytes);
    lines_.begin_batches(source.prolog());
    if (threads_ >= 2) {
        read_batches_on_workers(source);
    } else {
        iati_detail::ParsedBatch batch;
        iati_detail::BatchReading reading;
        bool first = true;
        while (source.next(batch)) {
            reading_.read_batch(batch, reading);
            if (!keep_batch(batch, reading, first)) break;
        }
    }
    lines_.end_batches();
}

void Reader::read_batches_on_workers(iati_detail::BatchSource& source) {
    // Each worker places nodes with its own copy of the line map and reads with its own reader.
    struct Worker {
        iati_detail::LineMap lines;
        iati_detail::ActivityReading reading;
        Worker(bool strict, const iati_detail::LineMap& file_lines, const std::string& file)
            : lines(file_lines), reading(strict, lines) {
            reading.begin_file(file);
        }
    };
    // Parsing is one batch at a time and about a third of the work: past four workers, more
    // would only hold more batches in memory.
    constexpr unsigned kMostWorkers = 4;
    std::vector<std::unique_ptr<Worker>> workers;
    for (unsigned w = 0; w < std::min(threads_, kMostWorkers); ++w) {
        workers.push_back(std::make_unique<Worker>(options_.strict, lines_, report_.file()));
    }
    iati_detail::BatchPipeline pipeline(source, workers.size(),
                                        [&workers](iati_detail::ReadBatch& batch, std::size_t worker) {
                                            workers[worker]->reading.read_batch(batch.parsed, batch.reading);
                                        });
    bool first = true;
    while (auto batch = pipeline.next()) {
        const bool go_on = keep_batch(batch->parsed, batch->reading, first);
        pipeline.recycle(std::move(batch));
        if (!go_on) break;
    }
}

bool Reader::keep_batch(const iati_detail::ParsedBatch& batch, iati_detail::BatchReading& reading, bool& first) {
    bool truncated = false;
    if (!accept(batch.doc, batch.parsed, reading.error_line, truncated)) return false;
    // Every batch begins with the root's start tag; its note and problems are the file's once.
    if (first) keep_root(reading);
    first = false;
    keep_items(reading);
    report_deferred_error();
    return !batch.last && !truncated;  // an error ends the read of the file, as in one parse
}

void Reader::keep_root(iati_detail::BatchReading& reading) {
    if (!reading.note.empty()) result_.notes.push_back(std::move(reading.note));
    for (auto& d : reading.root_problems) report_.commit(std::move(d));
}

void Reader::keep_items(iati_detail::BatchReading& reading) {
    for (auto& item : reading.items) {
        if (auto* problem = std::get_if<Diagnostic>(&item)) {
            report_.commit(std::move(*problem));
            continue;
        }
        auto& read = std::get<iati_detail::ReadActivity>(item);
        keep_activity(read);
        if (options_.progress) report_progress(read.file_offset);
    }
    if (reading.error) std::rethrow_exception(std::exchange(reading.error, nullptr));
}

// About every 1% of the bytes of all files.
void Reader::report_progress(std::size_t file_offset) {
    const std::size_t done = bytes_before_ + file_offset;
    if (done < next_progress_) return;
    options_.progress(done, bytes_total_);
    next_progress_ = done + std::max<std::size_t>(bytes_total_ / 100, 1);
}

void Reader::commit(iati_detail::PendingProblems& problems, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) report_.commit(std::move(problems.problems[i]));
}

// An activity's problems wait until it is settled: one the selection leaves out takes them along.
void Reader::keep_activity(iati_detail::ReadActivity& read) {
    ++result_.activities_read;
    forget_repeated(read);
    iati_detail::PendingProblems& problems = read.problems;
    if (!read.identified) {
        commit(problems, problems.problems.size());
        return;
    }
    if (!is_new_identifier(read)) return;
    if (read.settle_error) std::rethrow_exception(read.settle_error);
    result_.records_skipped += read.records_skipped;
    iati_detail::StagedActivity& staged = read.staged;
    if (!options_.selection.empty()) {
        staged.reason = options_.selection.match(staged.activity, staged.rows);
        if (!staged.reason) {
            ++result_.activities_filtered_out;
            iati_detail::count_outside(result_.outside, staged.activity, staged.rows, report_.file());
            return;
        }
        staged.activity.provenance.note =
            "selected by " + staged.reason->rule + (staged.reason->detail.empty() ? "" : ": " + staged.reason->detail);
    }
    commit(problems, problems.problems.size());
    staged.file_order = file_order_;
    if (auto duplicate = staging_.stage(std::move(staged), result_.duplicates)) report_.commit(std::move(*duplicate));
}

// Each thread reports such a problem once per batch; the first in file order is the file's.
void Reader::forget_repeated(iati_detail::ReadActivity& read) {
    iati_detail::PendingProblems& pending = read.problems;
    if (pending.once.empty()) return;
    std::vector<bool> forget(pending.problems.size(), false);
    for (auto& [index, key] : pending.once) forget[index] = !reported_once_.insert(std::move(key)).second;
    std::size_t kept = 0;
    std::size_t checked = 0;
    for (std::size_t i = 0; i < pending.problems.size(); ++i) {
        if (forget[i]) continue;
        if (i < read.checked) ++checked;
        if (kept != i) pending.problems[kept] = std::move(pending.problems[i]);
        ++kept;
    }
    pending.problems.resize(kept);
    pending.once.clear();
    read.checked = checked;
}

// The Portfolio's record stays: its money cannot be taken back out. The activity's problems found
// before its records were settled are kept with the report of the duplicate.
bool Reader::is_new_identifier(iati_detail::ReadActivity& read) {
    const Activity& a = read.staged.activity;
    const auto existing = portfolio_.find_activity(a.identifier);
    if (!existing) return true;
    commit(read.problems, read.checked);
    const Activity& held = portfolio_.activity(*existing);
    const Provenance& first = held.provenance;
    const std::string& file = report_.file();
    report_.problem(Severity::error, false, "identifier-unique",
                    "duplicate activity identifier '" + a.identifier + "': first at " + first.source + ":" +
                        std::to_string(first.line) + ", this one at " + file + ":" + std::to_string(a.provenance.line) +
                        "; the first is kept (it was in the Portfolio before this read)",
                    a.provenance.line, "iati-activity");
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
