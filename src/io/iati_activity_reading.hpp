#pragma once
/// \file iati_activity_reading.hpp
/// \brief Reading the activities of a parsed `<iati-activities>` document or batch into settled
/// records and their problems, apart from the read that keeps them: what needs only the
/// document, so that batches can be read on several threads and kept in file order.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <pugixml.hpp>
#include <string>
#include <variant>
#include <vector>

#include "iati_batch_source.hpp"
#include "iati_line_map.hpp"
#include "iati_problems.hpp"
#include "iati_staging.hpp"
#include "iati_values.hpp"
#include "iati_versions.hpp"

namespace aidtrack::iati_detail {

/// \brief One `<iati-activity>` read and settled, with its problems, waiting for the checks that
/// need the whole read (identifiers held before, the selection, duplicates).
struct ReadActivity {
    StagedActivity staged;            ///< its records (empty when not `identified`)
    PendingProblems problems;         ///< its problems in file order
    std::size_t checked = 0;          ///< problems found before its records were settled
    std::size_t records_skipped = 0;  ///< records its settling left out
    std::size_t file_offset = 0;      ///< where it starts in the file, for progress reports
    /// False for an activity left out while it was read (no identifier, or cut short by the end
    /// of the file): only its problems are kept.
    bool identified = false;
    /// In strict mode, the problem its settling threw: thrown once its identifier is known new.
    std::exception_ptr settle_error;
};

/// \brief What the children of `<iati-activities>` gave, in file order: a problem outside any
/// activity, or an activity.
using ReadItem = std::variant<Diagnostic, ReadActivity>;

/// \brief Everything read from one parsed document or batch.
struct BatchReading {
    std::uint32_t error_line = 0;  ///< the line of the parse error, when the parse failed
    std::string note;              ///< the root's note for the read's notes (1.0x files)
    Diagnostics root_problems;     ///< problems of the root element itself
    std::vector<ReadItem> items;   ///< the root's children, in file order
    /// In strict mode, the problem that ended the reading, after `items`.
    std::exception_ptr error;
};

/// \brief Reads activities of one file with its own problem report, version mapping and value
/// reader, so that each thread reading batches has one.
class ActivityReading {
public:
    /// `lines` places the nodes of whatever is read next.
    ActivityReading(bool strict, LineMap& lines);
    ActivityReading(const ActivityReading&) = delete;
    ActivityReading& operator=(const ActivityReading&) = delete;

    /// The file now read, named in every problem and record.
    void begin_file(const std::string& name) { report_.begin_file(name); }

    /// Reads a parsed batch (its region is taken into the line map): nothing of a batch that
    /// cannot be read at all (see Reader::accept), else every child of its root.
    void read_batch(ParsedBatch& batch, BatchReading& out);
    /// Reads the children of `root`; in a document cut short (`truncated`) the last activity is
    /// left out as incomplete unless `last_is_complete`.
    void read(const pugi::xml_node& root, bool truncated, bool last_is_complete, BatchReading& out);

private:
    void read_activity(const pugi::xml_node& node, ReadActivity& out);

    bool strict_;
    LineMap& lines_;
    Diagnostics recorded_;  // problems outside activities, until moved into the reading
    ProblemReport report_;
    VersionMapping versions_;
    ValueReader values_;
};

}  // namespace aidtrack::iati_detail
