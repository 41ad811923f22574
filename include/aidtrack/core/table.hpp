#pragma once
/// \file table.hpp
/// \brief A small typed column table: the common return type of queries and measures.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace aidtrack {

/// \brief One named, typed column with a validity mask (false = undefined, e.g. a ratio over 0).
struct TableColumn {
    /// The value types a column can hold.
    using Data = std::variant<std::vector<std::string>, std::vector<std::int64_t>, std::vector<double>,
                              std::vector<Decimal>, std::vector<Date>>;
    std::string name;
    Data data;
    std::vector<std::uint8_t> valid;  ///< one flag per row; 1 = defined
    std::string description;          ///< what the column means (unit, formula), for reports

    [[nodiscard]] std::size_t size() const noexcept { return valid.size(); }
};

/// \brief A table of equal-length typed columns with a title, a methodology name and notes.
///
/// Measures return a Table whose columns include numerator, denominator, value and the records
/// counted, so any figure can be audited; Python turns it into a pandas DataFrame, the report
/// layer into Markdown, CSV and HTML.
class Table {
public:
    Table() = default;
    explicit Table(std::string title) : title_(std::move(title)) {}

    /// Adds an empty column of type T (std::string, std::int64_t, double, Decimal or Date).
    template <class T>
    Table& add_column(std::string name, std::string description = {}) {
        if (!rows_known_empty()) throw ValidationError("add columns before rows (table '" + title_ + "')");
        columns_.push_back(TableColumn{std::move(name), std::vector<T>{}, {}, std::move(description)});
        return *this;
    }
    /// Inserts a whole column of type T before column `position` (at the end when `position` is
    /// the column count); `values` must have one value per row, all defined.
    template <class T>
    Table& insert_column(std::size_t position, std::string name, std::vector<T> values, std::string description = {}) {
        if (position > columns_.size())
            throw ValidationError("table '" + title_ + "': no column position " + std::to_string(position));
        if (!columns_.empty() && values.size() != row_count()) {
            throw ValidationError("table '" + title_ + "': column '" + name + "' has " + std::to_string(values.size()) +
                                  " rows, expected " + std::to_string(row_count()));
        }
        std::vector<std::uint8_t> valid(values.size(), 1);
        const auto at = columns_.begin() + static_cast<std::ptrdiff_t>(position);
        columns_.insert(at, TableColumn{std::move(name), std::move(values), std::move(valid), std::move(description)});
        return *this;
    }
    /// Appends a value to column `index`; `defined` false marks it undefined.
    template <class T>
    void push(std::size_t index, T value, bool defined = true) {
        auto& column = columns_.at(index);
        auto* values = std::get_if<std::vector<T>>(&column.data);
        if (values == nullptr) throw ValidationError("column '" + column.name + "' has another type");
        values->push_back(std::move(value));
        column.valid.push_back(defined ? 1 : 0);
    }
    /// Appends an undefined cell to column `index` (a default value is stored under it).
    void push_undefined(std::size_t index) {
        auto& column = columns_.at(index);
        std::visit([](auto& v) { v.emplace_back(); }, column.data);
        column.valid.push_back(0);
    }
    /// Checks that every column has the same number of rows; throws ValidationError otherwise.
    void check_rectangular() const;

    [[nodiscard]] std::size_t row_count() const noexcept { return columns_.empty() ? 0 : columns_.front().size(); }
    [[nodiscard]] std::size_t column_count() const noexcept { return columns_.size(); }
    [[nodiscard]] const std::vector<TableColumn>& columns() const noexcept { return columns_; }
    [[nodiscard]] const TableColumn& column(std::size_t i) const { return columns_.at(i); }
    /// The column called `name`; throws NotFoundError.
    [[nodiscard]] const TableColumn& column(const std::string& name) const;
    [[nodiscard]] std::size_t column_index(const std::string& name) const;
    /// The value at (row, column name) as T; throws when the type differs or the cell is undefined.
    template <class T>
    [[nodiscard]] const T& at(std::size_t row, const std::string& name) const {
        const auto& c = column(name);
        if (row >= c.size())
            throw NotFoundError("row " + std::to_string(row) + " out of range in table '" + title_ + "'");
        if (c.valid[row] == 0) throw ValidationError("cell (" + std::to_string(row) + ", " + name + ") is undefined");
        return std::get<std::vector<T>>(c.data)[row];
    }
    /// Whether cell (row, column name) is defined.
    [[nodiscard]] bool defined(std::size_t row, const std::string& name) const {
        return column(name).valid.at(row) != 0;
    }
    /// Text of a cell as a report would show it ("" when undefined).
    [[nodiscard]] std::string text(std::size_t row, std::size_t column) const;

    [[nodiscard]] const std::string& title() const noexcept { return title_; }
    void set_title(std::string t) { title_ = std::move(t); }
    /// Name of the methodology that produced the table (e.g. "gpedc2018"); may be empty.
    [[nodiscard]] const std::string& methodology() const noexcept { return methodology_; }
    void set_methodology(std::string m) { methodology_ = std::move(m); }
    /// Notes on formula, sources and caveats, one per entry.
    [[nodiscard]] const std::vector<std::string>& notes() const noexcept { return notes_; }
    void add_note(std::string note) { notes_.push_back(std::move(note)); }

    /// A copy holding only the rows at `rows` (in that order), with the same columns, title,
    /// methodology and notes; e.g. to leave out rows that hold no data.
    [[nodiscard]] Table select_rows(const std::vector<std::size_t>& rows) const;

private:
    [[nodiscard]] bool rows_known_empty() const noexcept { return row_count() == 0; }

    std::string title_;
    std::string methodology_;
    std::vector<std::string> notes_;
    std::vector<TableColumn> columns_;
};

}  // namespace aidtrack
