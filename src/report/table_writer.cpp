/// \file table_writer.cpp
/// \brief Markdown, CSV and HTML writers for Table.

#include <aidtrack/report/table_writer.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace aidtrack::report {
namespace {

bool numeric(const TableColumn& c) {
    return std::holds_alternative<std::vector<std::int64_t>>(c.data) ||
           std::holds_alternative<std::vector<double>>(c.data) || std::holds_alternative<std::vector<Decimal>>(c.data);
}

// "-1234567.50" → "-1,234,567.50"
std::string group_thousands(const std::string& s) {
    std::size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    std::size_t end = s.find('.');
    if (end == std::string::npos) end = s.size();
    std::string out = s.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        out += s[i];
        const std::size_t left = end - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    return out + s.substr(end);
}

}  // namespace

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string markdown_cell(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '|':
                out += "\\|";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "<br>";
                break;
            case '\n':
                out += "<br>";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string slug(const std::string& title) {
    std::string out;
    bool dash = false;
    for (unsigned char c : title) {
        if (std::isalnum(c) != 0 && c < 128) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    return out.empty() ? "table" : out;
}

namespace {

bool ends_with_year(const std::string& name) {
    return name.size() >= 4 && name.compare(name.size() - 4, 4, "year") == 0;
}

// A value is a year when its column is named so, or its row is (a first text column naming the
// statistic, as in forecast summaries): years are shown without thousands separators.
bool names_a_year(const Table& table, std::size_t row, std::size_t column) {
    if (ends_with_year(table.column(column).name)) return true;
    if (column == 0 || table.column_count() == 0) return false;
    const auto* labels = std::get_if<std::vector<std::string>>(&table.column(0).data);
    return labels != nullptr && row < labels->size() && ends_with_year((*labels)[row]);
}

}  // namespace

std::string display_text(const Table& table, std::size_t row, std::size_t column, int decimals) {
    const auto& c = table.column(column);
    if (c.valid.at(row) == 0) return "–";
    if (const auto* d = std::get_if<std::vector<Decimal>>(&c.data))
        return group_thousands((*d)[row].rounded(decimals).to_string(decimals));
    if (const auto* v = std::get_if<std::vector<double>>(&c.data)) {
        const double x = (*v)[row];
        if (!std::isfinite(x)) return "–";
        char buffer[64];
        if (x >= 1000 && x < 3000 && names_a_year(table, row, column)) {  // 2045.4, not 2,045
            std::snprintf(buffer, sizeof buffer, x == std::floor(x) ? "%.0f" : "%.1f", x);
            return buffer;
        }
        // Large values as whole numbers with separators; small ones (ratios) with 3 decimals.
        if (std::abs(x) >= 1000) {
            std::snprintf(buffer, sizeof buffer, "%.0f", x);
        } else {
            std::snprintf(buffer, sizeof buffer, "%.3f", x);
            std::string s = buffer;
            while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
                const bool dot = s.back() == '.';
                s.pop_back();
                if (dot) break;
            }
            return s == "-0" ? "0" : s;  // a tiny negative ratio rounds to 0, not "-0"
        }
        return group_thousands(buffer);
    }
    if (std::holds_alternative<std::vector<std::int64_t>>(c.data)) {
        const std::string s = table.text(row, column);
        return s.size() == 4 ? s : group_thousands(s);  // keep years as 2025, not 2,025
    }
    return table.text(row, column);
}

std::string to_csv(const Table& table) {
    table.check_rectangular();
    std::ostringstream out;
    for (std::size_t c = 0; c < table.column_count(); ++c) out << (c ? "," : "") << csv_field(table.column(c).name);
    out << "\r\n";
    for (std::size_t r = 0; r < table.row_count(); ++r) {
        for (std::size_t c = 0; c < table.column_count(); ++c) out << (c ? "," : "") << csv_field(table.text(r, c));
        out << "\r\n";
    }
    return out.str();
}

std::string to_markdown(const Table& table) {
    table.check_rectangular();
    std::ostringstream out;
    out << '|';
    for (const auto& c : table.columns()) out << ' ' << markdown_cell(c.name) << " |";
    out << "\n|";
    for (const auto& c : table.columns()) out << (numeric(c) ? " ---: |" : " --- |");
    out << '\n';
    for (std::size_t r = 0; r < table.row_count(); ++r) {
        out << '|';
        for (std::size_t c = 0; c < table.column_count(); ++c)
            out << ' ' << markdown_cell(display_text(table, r, c)) << " |";
        out << '\n';
    }
    if (!table.methodology().empty() || !table.notes().empty()) out << '\n';
    if (!table.methodology().empty()) out << "- Methodology: " << markdown_cell(table.methodology()) << '\n';
    for (const auto& n : table.notes()) out << "- " << markdown_cell(n) << '\n';
    return out.str();
}

std::string to_html(const Table& table) {
    table.check_rectangular();
    std::ostringstream out;
    out << "<table>\n<caption>" << html_escape(table.title()) << "</caption>\n<thead><tr>";
    for (const auto& c : table.columns()) {
        out << "<th";
        if (!c.description.empty()) out << " title=\"" << html_escape(c.description) << '"';
        out << '>' << html_escape(c.name) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < table.row_count(); ++r) {
        out << "<tr>";
        for (std::size_t c = 0; c < table.column_count(); ++c) {
            out << (numeric(table.column(c)) ? "<td class=\"num\">" : "<td>") << html_escape(display_text(table, r, c))
                << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    if (!table.methodology().empty() || !table.notes().empty()) {
        out << "<ul class=\"notes\">\n";
        if (!table.methodology().empty()) out << "<li>Methodology: " << html_escape(table.methodology()) << "</li>\n";
        for (const auto& n : table.notes()) out << "<li>" << html_escape(n) << "</li>\n";
        out << "</ul>\n";
    }
    return out.str();
}

}  // namespace aidtrack::report
