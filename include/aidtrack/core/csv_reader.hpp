#pragma once
/// \file csv_reader.hpp
/// \brief A small RFC 4180 CSV reader that knows the line each record starts on.

#include <aidtrack/core/error.hpp>

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief Reads CSV records (quoted fields, doubled quotes, CRLF) one at a time, remembering the
/// physical line each record started on, so that errors can name FILE:LINE.
class CsvReader {
public:
    /// Reads from `in`; `file` names the source in errors.
    CsvReader(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}

    /// Reads the next record into `fields`; false at end of input. Throws ParseError on an
    /// unterminated quote or a record longer than `max_record_bytes`, and IoError naming the
    /// file when the stream fails to read (e.g. the path is a directory).
    bool next(std::vector<std::string>& fields);
    /// The line on which the last record returned started (1-based).
    [[nodiscard]] std::uint32_t line() const noexcept { return record_line_; }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    /// A location for errors about the last record, optionally naming a column.
    [[nodiscard]] SourceLocation where(const std::string& column = {}) const { return {file_, record_line_, column}; }

    /// Upper bound on one record, so that a hostile file cannot exhaust memory.
    std::size_t max_record_bytes = 16U << 20U;

private:
    std::istream& in_;
    std::string file_;
    std::uint32_t next_line_ = 1;
    std::uint32_t record_line_ = 0;
};

/// \brief Column positions of a CSV header, looked up by name; missing names throw ParseError.
class CsvHeader {
public:
    CsvHeader() = default;
    CsvHeader(std::vector<std::string> names, SourceLocation where);
    /// Index of a required column.
    [[nodiscard]] std::size_t require(const std::string& name) const;
    /// Index of an optional column, or npos.
    [[nodiscard]] std::size_t find(const std::string& name) const noexcept;
    [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::vector<std::string> names_;
    SourceLocation where_;
};

}  // namespace aidtrack
