#pragma once
/// \file iati_duplicates.hpp
/// \brief The duplicate-identifier policy of the IATI reader and its table of dropped records.

#include <aidtrack/core/table.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aidtrack {

/// \brief Which record to keep when two activities share an `iati-identifier`.
enum class DuplicatePolicy {
    /// Default: the latest `@last-updated-datetime` wins (an undated record loses to a dated
    /// one); ties go to the later file in the order given, and within one file to the first.
    latest_updated,
    first_read,  ///< the first record read wins, whatever its date
    last_read,   ///< the last record read wins, whatever its date
};

/// "latest-updated", "first-read" or "last-read".
[[nodiscard]] std::string to_string(DuplicatePolicy policy);
/// Parses the names of to_string(); throws ValidationError naming the accepted ones.
[[nodiscard]] DuplicatePolicy parse_duplicate_policy(std::string_view text);

/// An ISO 8601 date-time (`2024-01-31`, `2024-01-31T10:00:00`, with `Z` or `±HH:MM`, fractions
/// of a second ignored) as seconds since 1970-01-01 UTC; nullopt when empty or not a date-time.
/// A time without a zone is read as UTC.
[[nodiscard]] std::optional<std::int64_t> parse_iati_datetime(std::string_view text);

/// \brief One of two records with the same identifier: where it is and when it was updated.
struct DuplicateRecord {
    std::string file;            ///< source file
    std::uint32_t line = 0;      ///< line of `<iati-activity>`
    std::size_t file_order = 0;  ///< position of the file in the list given to the reader
    std::string last_updated;    ///< `@last-updated-datetime` as published (may be empty)
};

/// \brief The outcome of comparing two records: whether the incoming one replaces the held one, and why.
struct DuplicateDecision {
    bool keep_incoming = false;
    std::string reason;
};

/// Applies `policy` to the record already held and the one just read (read after it).
[[nodiscard]] DuplicateDecision decide_duplicate(DuplicatePolicy policy, const DuplicateRecord& held,
                                                 const DuplicateRecord& incoming);

/// The empty table of dropped duplicates: identifier, kept_file, kept_line, kept_last_updated,
/// dropped_file, dropped_line, dropped_last_updated, reason.
[[nodiscard]] Table make_duplicates_table();

/// Appends one dropped duplicate to a table made by make_duplicates_table().
void add_duplicate_row(Table& table, const std::string& identifier, const DuplicateRecord& kept,
                       const DuplicateRecord& dropped, const std::string& reason);

}  // namespace aidtrack
