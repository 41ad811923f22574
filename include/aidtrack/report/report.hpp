#pragma once
/// \file report.hpp
/// \brief A report as data: sections of text, tables and charts, plus provenance notes.

#include <aidtrack/core/table.hpp>

#include <string>
#include <vector>

namespace aidtrack::report {

/// \brief A chart already rendered to SVG text, with the title it is listed under.
struct Chart {
    std::string title;  ///< caption
    std::string svg;    ///< a complete `<svg>` element (see svg_chart.hpp)
};

/// \brief One section of a report: what it says, its tables and charts, and its terminal lines.
struct Section {
    std::string id;                       ///< stable anchor and file-name stem, e.g. "funding"
    std::string title;                    ///< heading
    bool available = true;                ///< false: the data or measure it needs is missing
    std::vector<std::string> paragraphs;  ///< explanatory text (plain text, escaped on output)
    std::vector<std::string> summary;     ///< a few short lines for the terminal
    std::vector<Table> tables;            ///< tables, each written to CSV too
    std::vector<Chart> charts;            ///< charts, shown after the text
};

/// \brief One sentence of the report's first screen, computed from the data, with its source.
struct Finding {
    std::string sentence;  ///< plain words, e.g. "In 2022 Cambodia received USD 37.70 M from 8 donors."
    std::string source;    ///< where its figures come from (publication, table, or computation)
    std::string section;   ///< id of the section that holds the figures ("provenance" for the provenance list)
};

/// \brief A whole report: title, sections in order, and notes on where every figure came from.
struct Report {
    std::string title;                    ///< document title
    std::string subtitle;                 ///< one line under the title (dataset, year, currency)
    std::vector<Finding> findings;        ///< the first screen: five to eight sentences with sources
    std::vector<Section> sections;        ///< in reading order
    std::vector<std::string> provenance;  ///< sources and illustrative records, one note each

    /// The section with `id`, or nullptr.
    [[nodiscard]] const Section* find(const std::string& id) const noexcept {
        for (const auto& s : sections) {
            if (s.id == id) return &s;
        }
        return nullptr;
    }
};

/// \brief The files write_report() wrote.
struct WrittenReport {
    std::string html;              ///< path of the HTML file
    std::string markdown;          ///< path of the Markdown file
    std::vector<std::string> csv;  ///< paths of the CSV files, one per table
};

/// The report as one self-contained HTML page: inline CSS and SVG, no script, no external link.
[[nodiscard]] std::string to_html(const Report& report);
/// The report as Markdown (charts are referred to by title; the HTML holds them).
[[nodiscard]] std::string to_markdown(const Report& report);
/// A short plain-text summary for a terminal: the title, then a few lines per section.
[[nodiscard]] std::string to_text_summary(const Report& report);
/// Writes `<dir>/aidtrack-report.html`, `.md` and one CSV per table
/// (`<dir>/<section>-<n>-<table-slug>.csv`), creating `dir`; throws IoError on failure.
WrittenReport write_report(const Report& report, const std::string& dir);

}  // namespace aidtrack::report
