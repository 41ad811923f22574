/// \file report.cpp
/// \brief Writes a Report as self-contained HTML, Markdown, CSV files and a terminal summary.

#include <aidtrack/core/error.hpp>
#include <aidtrack/report/report.hpp>
#include <aidtrack/report/table_writer.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace aidtrack::report {
namespace {

// Print-friendly and readable without any script; colours match the chart palette.
constexpr const char* kCss =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}
.subtitle{color:#555;margin-top:0}nav ol{columns:2}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}th{background:#eef4fa;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.unavailable{background:#fff6e0;border-left:4px solid #E69F00;padding:.5em 1em}
.notes{font-size:.85em;color:#444}figure{margin:1em 0}svg.chart{max-width:100%;height:auto;border:1px solid #eee}
.provenance li{margin:.2em 0}footer{margin-top:3em;font-size:.8em;color:#666}
.table-wrap{max-width:100%;overflow-x:auto;margin:1em 0}.table-wrap table{margin:0}
.findings{background:#f3f8fc;border-left:4px solid #0072B2;padding:.6em 1.2em;margin:1em 0}
.findings li{margin:.45em 0}.findings .source{display:block;font-size:.8em;color:#555}
@media print{@page{size:A4;margin:14mm}body{max-width:none;margin:0;padding:0;font-size:9.5pt}
nav{display:none}h2{break-after:avoid}figure,tr,.findings li{break-inside:avoid}
.table-wrap{overflow:visible}table{font-size:7.5pt;width:100%;table-layout:auto}td{overflow-wrap:anywhere}td.num{white-space:normal}
svg.chart{max-width:100%;height:auto}})";

std::string csv_name(const Section& s, std::size_t i, const Table& t) {
    return s.id + "-" + std::to_string(i + 1) + "-" + slug(t.title()) + ".csv";
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw IoError("cannot write '" + path.string() + "'");
    out << content;
    if (!out) throw IoError("error while writing '" + path.string() + "'");
}

}  // namespace

std::string to_html(const Report& report) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        << html_escape(report.title) << "</title>\n<style>\n"
        << kCss << "\n</style>\n</head>\n<body>\n<header>\n<h1>" << html_escape(report.title) << "</h1>\n";
    if (!report.subtitle.empty()) out << "<p class=\"subtitle\">" << html_escape(report.subtitle) << "</p>\n";
    if (!report.findings.empty()) {
        out << "<section id=\"findings\" class=\"findings\">\n<h2>In brief</h2>\n<ol>\n";
        for (const auto& f : report.findings) {
            out << "<li>" << html_escape(f.sentence) << "<span class=\"source\">Source: " << html_escape(f.source)
                << "</span></li>\n";
        }
        out << "</ol>\n</section>\n";
    }
    out << "</header>\n<nav>\n<h2>Contents</h2>\n<ol>\n";
    for (const auto& s : report.sections) {
        out << "<li><a href=\"#" << html_escape(s.id) << "\">" << html_escape(s.title) << "</a>"
            << (s.available ? "" : " (not available)") << "</li>\n";
    }
    out << "<li><a href=\"#provenance\">Provenance</a></li>\n</ol>\n</nav>\n<main>\n";
    for (const auto& s : report.sections) {
        out << "<section id=\"" << html_escape(s.id) << "\">\n<h2>" << html_escape(s.title) << "</h2>\n";
        for (const auto& p : s.paragraphs)
            out << (s.available ? "<p>" : "<p class=\"unavailable\">") << html_escape(p) << "</p>\n";
        for (const auto& c : s.charts) {
            out << "<figure>\n" << c.svg << "<figcaption>" << html_escape(c.title) << "</figcaption>\n</figure>\n";
        }
        for (std::size_t i = 0; i < s.tables.size(); ++i) {
            out << "<div class=\"table-wrap\">\n"
                << to_html(s.tables[i])
                << "</div>\n<p class=\"notes\">CSV: " << html_escape(csv_name(s, i, s.tables[i])) << "</p>\n";
        }
        out << "</section>\n";
    }
    out << "<section id=\"provenance\">\n<h2>Provenance</h2>\n<ul class=\"provenance\">\n";
    for (const auto& p : report.provenance) out << "<li>" << html_escape(p) << "</li>\n";
    out << "</ul>\n</section>\n</main>\n<footer>Made by aidtrack from the records named above; every table is also "
           "written as CSV."
        << "</footer>\n</body>\n</html>\n";
    return out.str();
}

std::string to_markdown(const Report& report) {
    std::ostringstream out;
    out << "# " << report.title << "\n\n";
    if (!report.subtitle.empty()) out << "_" << report.subtitle << "_\n\n";
    if (!report.findings.empty()) {
        out << "## In brief\n\n";
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
            out << i + 1 << ". " << report.findings[i].sentence << " _Source: " << report.findings[i].source << "_\n";
        }
        out << "\n";
    }
    for (const auto& s : report.sections) {
        out << "## " << s.title << "\n\n";
        for (const auto& p : s.paragraphs) out << (s.available ? "" : "> ") << p << "\n\n";
        for (const auto& c : s.charts) out << "*Chart: " << c.title << " (in the HTML report)*\n\n";
        for (std::size_t i = 0; i < s.tables.size(); ++i) {
            out << "### " << s.tables[i].title() << "\n\n"
                << to_markdown(s.tables[i]) << "\nCSV: `" << csv_name(s, i, s.tables[i]) << "`\n\n";
        }
    }
    out << "## Provenance\n\n";
    for (const auto& p : report.provenance) out << "- " << markdown_cell(p) << "\n";
    return out.str();
}

std::string to_text_summary(const Report& report) {
    std::ostringstream out;
    out << report.title << "\n" << std::string(report.title.size(), '=') << "\n";
    if (!report.subtitle.empty()) out << report.subtitle << "\n";
    if (!report.findings.empty()) {
        out << "\nIn brief\n";
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
            out << "  " << i + 1 << ". " << report.findings[i].sentence
                << "\n     Source: " << report.findings[i].source << "\n";
        }
    }
    for (const auto& s : report.sections) {
        out << "\n" << s.title << (s.available ? "" : " — not available") << "\n";
        for (const auto& line : s.summary) out << "  " << line << "\n";
    }
    return out.str();
}

WrittenReport write_report(const Report& report, const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IoError("cannot create directory '" + dir + "': " + ec.message());
    WrittenReport written;
    const fs::path base(dir);
    written.html = (base / "aidtrack-report.html").string();
    written.markdown = (base / "aidtrack-report.md").string();
    write_file(written.html, to_html(report));
    write_file(written.markdown, to_markdown(report));
    for (const auto& s : report.sections) {
        for (std::size_t i = 0; i < s.tables.size(); ++i) {
            const fs::path path = base / csv_name(s, i, s.tables[i]);
            write_file(path, to_csv(s.tables[i]));
            written.csv.push_back(path.string());
        }
    }
    return written;
}

}  // namespace aidtrack::report
