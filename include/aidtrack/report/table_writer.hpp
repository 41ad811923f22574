#pragma once
/// \file table_writer.hpp
/// \brief A Table as Markdown, CSV (RFC 4180) or an HTML fragment, with correct escaping.

#include <aidtrack/core/table.hpp>

#include <string>

namespace aidtrack::report {

/// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
[[nodiscard]] std::string csv_field(const std::string& text);
/// Text made safe for HTML character data and attributes.
[[nodiscard]] std::string html_escape(const std::string& text);
/// Text made safe inside a Markdown table cell: `|` and `\` escaped, line breaks as `<br>`,
/// and `<`, `>`, `&` as HTML entities so that cell text cannot open a tag.
[[nodiscard]] std::string markdown_cell(const std::string& text);
/// A file-name-safe slug of a title: lower-case ASCII letters and digits joined by '-'.
[[nodiscard]] std::string slug(const std::string& title);

/// A cell as a reader sees it: Decimal and double values with thousands separators (Decimals
/// rounded to `decimals` places, doubles to 3 significant decimals), undefined cells as "–".
[[nodiscard]] std::string display_text(const Table& table, std::size_t row, std::size_t column, int decimals = 2);

/// The table as CSV: a header of column names, then every row with exact values (Decimals in
/// full, undefined cells empty), CRLF line ends as RFC 4180 says.
[[nodiscard]] std::string to_csv(const Table& table);
/// The table as a GitHub-flavoured Markdown table, preceded by nothing (the caller titles it)
/// and followed by its notes as a list.
[[nodiscard]] std::string to_markdown(const Table& table);
/// The table as an HTML `<table>` with a caption, numeric columns right-aligned, and notes.
[[nodiscard]] std::string to_html(const Table& table);

}  // namespace aidtrack::report
