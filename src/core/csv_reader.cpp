#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/text.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace aidtrack {

namespace {

// A stream that failed to read (badbit) is not a file that ended: a directory opened as a
// file, an I/O error or a vanished mount must not pass for an empty or shorter file.
void throw_if_unreadable(const std::istream& in, const std::string& file, std::uint32_t line) {
    if (in.bad())
        throw IoError("cannot read '" + file + "' (a directory, or a read error)", {file, line, {}}, "io-read");
}

}  // namespace

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    int c = in_.get();
    if (c == std::char_traits<char>::eof()) {
        throw_if_unreadable(in_, file_, next_line_);
        return false;
    }
    record_line_ = next_line_;
    std::string field;
    bool quoted = false;
    bool field_was_quoted = false;
    std::size_t bytes = 0;
    for (;; c = in_.get()) {
        if (++bytes > max_record_bytes)
            throw ParseError("CSV record longer than the limit of " + std::to_string(max_record_bytes) + " bytes",
                             where());
        if (c == std::char_traits<char>::eof()) {
            throw_if_unreadable(in_, file_, next_line_);
            if (quoted) throw ParseError("unterminated quoted field", where());
            fields.push_back(std::move(field));
            return true;
        }
        const char ch = static_cast<char>(c);
        if (quoted) {
            if (ch == '"') {
                if (in_.peek() == '"') {
                    in_.get();
                    field.push_back('"');
                } else {
                    quoted = false;
                }
            } else {
                if (ch == '\n') ++next_line_;
                field.push_back(ch);
            }
            continue;
        }
        if (ch == '"' && field.empty() && !field_was_quoted) {
            quoted = true;
            field_was_quoted = true;
        } else if (ch == ',') {
            fields.push_back(std::move(field));
            field.clear();
            field_was_quoted = false;
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && in_.peek() == '\n') in_.get();
            ++next_line_;
            fields.push_back(std::move(field));
            return true;
        } else {
            field.push_back(ch);
        }
    }
}

CsvHeader::CsvHeader(std::vector<std::string> names, SourceLocation where)
    : names_(std::move(names)), where_(std::move(where)) {
    for (auto& name : names_) {
        // Tolerate a UTF-8 byte-order mark and blanks around names, as spreadsheets write them.
        if (name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
        name = std::string(trim(name));
    }
}

std::size_t CsvHeader::find(const std::string& name) const noexcept {
    const auto it = std::find(names_.begin(), names_.end(), name);
    return it == names_.end() ? npos : static_cast<std::size_t>(it - names_.begin());
}

std::size_t CsvHeader::require(const std::string& name) const {
    const std::size_t i = find(name);
    if (i == npos) throw ParseError("missing column '" + name + "'", where_, "required-column");
    return i;
}

// --- CsvRow -------------------------------------------------------------------------------------

const std::string& CsvRow::file() const noexcept { return rows_->reader_.file(); }

std::uint32_t CsvRow::line() const noexcept { return rows_->reader_.line(); }

SourceLocation CsvRow::where(const std::string& column) const { return rows_->reader_.where(column); }

std::string_view CsvRow::cell(const std::string& column) const noexcept {
    const std::size_t i = rows_->header_.find(column);
    return i == CsvHeader::npos || i >= rows_->fields_.size() ? std::string_view{} : trim(rows_->fields_[i]);
}

void CsvRow::fail(const std::string& column, const std::string& message, const std::string& rule) const {
    throw ParseError(message, where(column), rule);
}

std::string CsvRow::text(const std::string& column) const {
    rows_->require(column);
    std::string value(cell(column));
    if (value.empty()) fail(column, "empty required field '" + column + "'", "required-value");
    return value;
}

std::int64_t CsvRow::integer_of(const std::string& column, const std::string& value, std::int64_t min,
                                std::int64_t max) const {
    // from_chars takes no '+'; "+5" was read by the loaders that used std::stoi, so it still is.
    std::string_view digits = value;
    if (digits.size() > 1 && digits[0] == '+' && digits[1] >= '0' && digits[1] <= '9') digits.remove_prefix(1);
    std::int64_t out = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    const bool whole = end == digits.data() + digits.size();
    if (whole && (ec == std::errc::result_out_of_range || (ec == std::errc{} && (out < min || max < out)))) {
        fail(column, "'" + value + "' is out of range (" + std::to_string(min) + ".." + std::to_string(max) + ")",
             "integer");
    }
    if (ec != std::errc{} || !whole) fail(column, "cannot read '" + value + "' as a whole number", "integer");
    return out;
}

Decimal CsvRow::decimal(const std::string& column) const {
    const std::string value = text(column);
    Decimal out;
    std::string why;
    if (!Decimal::try_parse(value, out, &why))
        fail(column, "cannot read '" + value + "' as a number: " + why, "decimal");
    return out;
}

std::optional<Decimal> CsvRow::optional_decimal(const std::string& column) const {
    if (empty(column)) return std::nullopt;
    return decimal(column);
}

Date CsvRow::date(const std::string& column) const {
    const std::string value = text(column);
    Date out;
    std::string why;
    if (!try_parse_date(value, out, &why))
        fail(column, "cannot read '" + value + "' as a date (YYYY-MM-DD): " + why, "date");
    return out;
}

std::optional<Date> CsvRow::optional_date(const std::string& column) const {
    if (empty(column)) return std::nullopt;
    return date(column);
}

std::optional<bool> CsvRow::optional_boolean(const std::string& column) const {
    // Every spelling any loader accepted, so that no file that loaded stops loading.
    const std::string key = normalise_keyword(cell(column));
    if (key.empty()) return std::nullopt;
    if (key == "1" || key == "true" || key == "yes" || key == "y") return true;
    if (key == "0" || key == "false" || key == "no" || key == "n") return false;
    fail(column, "cannot read '" + optional_text(column) + "' as a boolean (1/0, true/false, yes/no, y/n)", "flag");
}

Evidence CsvRow::evidence(const std::string& column) const {
    return convert(column, optional_text(column), [](const std::string& t) { return parse_evidence(t); });
}

CurrencyCode CsvRow::currency(const std::string& column) const {
    const std::string value = text(column);
    CurrencyCode out;
    if (!CurrencyCode::try_parse(value, out))
        fail(column, "'" + value + "' is not an ISO 4217 currency code", "currency-code");
    return out;
}

std::vector<std::string> CsvRow::list(const std::string& column) const {
    std::vector<std::string> out;
    const std::string_view value = cell(column);
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t end = std::min(value.find(';', start), value.size());
        const std::string_view item = trim(value.substr(start, end - start));
        if (!item.empty()) out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

// --- CsvRows ------------------------------------------------------------------------------------

// A NUL or a byte that is not UTF-8 text means a binary file or another encoding: refused with
// the physical line (quoted cells may span lines) and the column.
void check_csv_text(const std::vector<std::string>& fields, const CsvReader& reader,
                    const std::vector<std::string>& columns) {
    std::uint32_t line = reader.line();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& field = fields[i];
        const std::size_t bad = find_invalid_text(field);
        if (bad == std::string::npos) {
            line += static_cast<std::uint32_t>(std::count(field.begin(), field.end(), '\n'));
            continue;
        }
        line += static_cast<std::uint32_t>(
            std::count(field.begin(), field.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
        const std::string column = i < columns.size() ? columns[i] : std::string{};
        std::string message;
        if (field[bad] == '\0') {
            message = "a NUL byte in the text: the file is binary, not CSV text";
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(field[bad])));
            message = std::string("invalid UTF-8 (byte ") + hex + "): the file must be UTF-8 text";
        }
        throw ParseError(message, {reader.file(), line, column}, "csv-text");
    }
}

CsvRows::CsvRows(std::istream& in, std::string file) : reader_(in, std::move(file)) {
    if (!reader_.next(fields_)) return;
    check_csv_text(fields_, reader_, {});
    has_header_ = true;
    header_ = CsvHeader(fields_, reader_.where());
}

void CsvRows::require_header() const {
    if (!has_header_) throw ParseError("empty file: a header line is required", {reader_.file(), 1, {}}, "csv-header");
}

bool CsvRows::next() {
    if (!has_header_) return false;
    while (reader_.next(fields_)) {
        check_csv_text(fields_, reader_, header_.names());
        if (std::any_of(fields_.begin(), fields_.end(), [](const std::string& f) { return !trim(f).empty(); }))
            return true;
    }
    return false;
}

}  // namespace aidtrack
