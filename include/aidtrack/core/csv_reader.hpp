#pragma once
/// \file csv_reader.hpp
/// \brief A small RFC 4180 CSV reader that knows the line each record starts on, and the typed
/// row reader (CsvRows, CsvRow) that every CSV loader of records uses.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/error.hpp>
#include <aidtrack/core/evidence.hpp>

#include <concepts>
#include <cstdint>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
    /// The name of the source, as given to the constructor.
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

/// Throws ParseError (rule `csv-text`) when a field of the record `reader` returned last holds a
/// NUL byte or invalid UTF-8 (find_invalid_text()), naming the file, the physical line (a quoted
/// field may span lines) and the column (`columns[i]`, when given): such a file is binary or in
/// another encoding. CsvRows calls it on every record; readers on CsvReader call it themselves.
void check_csv_text(const std::vector<std::string>& fields, const CsvReader& reader,
                    const std::vector<std::string>& columns = {});

/// \brief Column positions of a CSV header, looked up by name; missing names throw ParseError.
class CsvHeader {
public:
    CsvHeader() = default;
    /// Takes the names of a header record found at `where`; a UTF-8 byte-order mark and blanks
    /// around the names are dropped.
    CsvHeader(std::vector<std::string> names, SourceLocation where);
    /// Index of a required column.
    [[nodiscard]] std::size_t require(const std::string& name) const;
    /// Index of an optional column, or npos.
    [[nodiscard]] std::size_t find(const std::string& name) const noexcept;
    /// The column names, in file order.
    [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }
    /// find() of a column that is not there.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::vector<std::string> names_;
    SourceLocation where_;
};

class CsvRows;

/// \brief One data record of a CsvRows, read by column name.
///
/// Cells are trimmed (trim() of core/text.hpp); a column the header lacks, or a record that
/// ends early, reads as an empty cell. The getters without `optional_` need a value; those with
/// it give std::nullopt (or "") for an empty cell. Every error is a ParseError located at
/// FILE:LINE and the column, with a rule: `required-column`, `required-value`, `integer`,
/// `decimal`, `date`, `flag`, `evidence` or `currency-code`.
class CsvRow {
public:
    /// The file (or named source) the record comes from.
    [[nodiscard]] const std::string& file() const noexcept;
    /// The line the record starts on (1-based).
    [[nodiscard]] std::uint32_t line() const noexcept;
    /// FILE:LINE of the record, optionally naming a column.
    [[nodiscard]] SourceLocation where(const std::string& column = {}) const;

    /// Whether the cell of `column` is empty (or the column absent).
    [[nodiscard]] bool empty(const std::string& column) const noexcept { return cell(column).empty(); }
    /// The text of a required cell: a missing column or an empty cell is an error.
    [[nodiscard]] std::string text(const std::string& column) const;
    /// The text of a cell; "" when the cell is empty or the column absent.
    [[nodiscard]] std::string optional_text(const std::string& column) const { return std::string(cell(column)); }

    /// A required whole number of type T (std::from_chars, decimal digits with an optional sign);
    /// a value outside T's range is an error.
    template <std::signed_integral T = std::int64_t>
    [[nodiscard]] T integer(const std::string& column) const {
        return static_cast<T>(
            integer_of(column, text(column), std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
    }
    /// Like integer(), std::nullopt for an empty cell.
    template <std::signed_integral T = std::int64_t>
    [[nodiscard]] std::optional<T> optional_integer(const std::string& column) const {
        if (empty(column)) return std::nullopt;
        return integer<T>(column);
    }
    /// `value` (a part of the cell of `column`) read as integer() reads a cell, within min..max.
    [[nodiscard]] std::int64_t integer_of(const std::string& column, const std::string& value, std::int64_t min,
                                          std::int64_t max) const;
    /// A required exact number (Decimal::try_parse: no exponents, no thousands separators).
    [[nodiscard]] Decimal decimal(const std::string& column) const;
    /// Like decimal(), std::nullopt for an empty cell.
    [[nodiscard]] std::optional<Decimal> optional_decimal(const std::string& column) const;
    /// A required ISO 8601 date (YYYY-MM-DD).
    [[nodiscard]] Date date(const std::string& column) const;
    /// Like date(), std::nullopt for an empty cell.
    [[nodiscard]] std::optional<Date> optional_date(const std::string& column) const;
    /// A yes/no cell: 1/0, true/false, yes/no or y/n in any case; std::nullopt when empty.
    [[nodiscard]] std::optional<bool> optional_boolean(const std::string& column) const;
    /// Like optional_boolean(), `if_empty` for an empty cell.
    [[nodiscard]] bool boolean(const std::string& column, bool if_empty) const {
        return optional_boolean(column).value_or(if_empty);
    }
    /// The evidence class of the record (parse_evidence(): an empty cell is `reported`).
    [[nodiscard]] Evidence evidence(const std::string& column = "evidence") const;
    /// A required ISO 4217 currency code.
    [[nodiscard]] CurrencyCode currency(const std::string& column) const;
    /// The items of a `;`-separated list, each trimmed; empty items are dropped.
    [[nodiscard]] std::vector<std::string> list(const std::string& column) const;

    /// `parser(text(column))`, its aidtrack::Error turned into a ParseError at the column (for
    /// keywords such as a hazard type).
    template <class F>
    auto parse(const std::string& column, F&& parser) const -> decltype(parser(std::string{})) {
        return convert(column, text(column), std::forward<F>(parser));
    }
    /// parse() of a cell that may be empty: `if_empty` then.
    template <class F, class T>
    auto parse_or(const std::string& column, F&& parser, T if_empty) const -> decltype(parser(std::string{})) {
        if (empty(column)) return if_empty;
        return parse(column, std::forward<F>(parser));
    }
    /// `parser(value)`, its aidtrack::Error turned into a ParseError at the column (for a part of a
    /// cell, such as an item of a list).
    template <class F>
    auto convert(const std::string& column, const std::string& value, F&& parser) const -> decltype(parser(value)) {
        try {
            return parser(value);
        } catch (const Error& e) {
            fail(column, e.message(), e.rule());
        }
    }
    /// Throws ParseError(message) at this record and column.
    [[noreturn]] void fail(const std::string& column, const std::string& message, const std::string& rule = {}) const;

private:
    friend class CsvRows;
    explicit CsvRow(const CsvRows& rows) noexcept : rows_(&rows) {}
    [[nodiscard]] std::string_view cell(const std::string& column) const noexcept;

    const CsvRows* rows_;
};

/// \brief The data records of a CSV file with a header, one CsvRow at a time.
///
/// The first record is the header. Records whose cells are all blank are skipped. A NUL byte or
/// invalid UTF-8 (find_invalid_text()) anywhere in the file is a ParseError (rule `csv-text`)
/// naming the file, the physical line and the column: such a file is binary or in another
/// encoding, and reading it anyway would load garbled names silently.
class CsvRows {
public:
    /// Reads the header from `in`; `file` names the source in errors.
    CsvRows(std::istream& in, std::string file);
    CsvRows(const CsvRows&) = delete;
    CsvRows& operator=(const CsvRows&) = delete;
    ~CsvRows() = default;

    /// Whether the file had a header (false for an empty file).
    [[nodiscard]] bool has_header() const noexcept { return has_header_; }
    /// Throws ParseError (rule `csv-header`) when the file is empty.
    void require_header() const;
    /// The header (no columns for an empty file).
    [[nodiscard]] const CsvHeader& header() const noexcept { return header_; }
    /// Throws ParseError (rule `required-column`) unless the header has `column`.
    void require(const std::string& column) const { (void)header_.require(column); }
    /// The file (or named source), as given to the constructor.
    [[nodiscard]] const std::string& file() const noexcept { return reader_.file(); }

    /// Moves to the next data record; false at the end of the file.
    bool next();
    /// The current record (valid after next() returned true).
    [[nodiscard]] const CsvRow& row() const noexcept { return row_; }

private:
    friend class CsvRow;

    CsvReader reader_;
    CsvHeader header_;
    std::vector<std::string> fields_;
    bool has_header_ = false;
    CsvRow row_{*this};
};

}  // namespace aidtrack
