#include <aidtrack/core/csv_reader.hpp>

#include <algorithm>

namespace aidtrack {

namespace {

// A stream that failed to read (badbit) is not a file that ended: a directory opened as a
// file, an I/O error or a vanished mount must not pass for an empty or shorter file.
void throw_if_unreadable(const std::istream& in, const std::string& file, std::uint32_t line) {
    if (in.bad()) throw IoError("cannot read '" + file + "' (a directory, or a read error)", {file, line, {}}, "io-read");
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
        if (++bytes > max_record_bytes) throw ParseError("CSV record longer than the limit of " + std::to_string(max_record_bytes) + " bytes", where());
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

CsvHeader::CsvHeader(std::vector<std::string> names, SourceLocation where) : names_(std::move(names)), where_(std::move(where)) {
    for (auto& name : names_) {
        // Tolerate a UTF-8 byte-order mark and spaces around names, as spreadsheets write them.
        if (name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
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

}  // namespace aidtrack
