// Python face of the reports and the embedded datasets.
#include "py_common.hpp"

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/report/report_builder.hpp>
#include <aidtrack/report/svg_chart.hpp>
#include <aidtrack/report/table_writer.hpp>

namespace aidtrack::python {

namespace {

// A Python callable as a progress callback; holds the GIL only while calling it.
std::function<void(const std::string&)> progress_of(const py::object& callback) {
    if (callback.is_none()) return {};
    return [callback](const std::string& line) {
        py::gil_scoped_acquire gil;
        callback(line);
    };
}

}  // namespace

void bind_report(py::module_& m) {
    using namespace aidtrack::report;

    m.def(
        "_datasets_cambodia",
        [](const std::string& dir, bool iati, bool mine_action, const py::object& progress) {
            datasets::DatasetOptions o;
            o.dir = dir;
            o.iati = iati;
            o.iati_selection = mine_action ? IatiSelection::mine_action() : IatiSelection{};
            o.progress = progress_of(progress);
            Portfolio p;
            const datasets::DatasetRead read =
                datasets::load_dataset_dir(dir.empty() ? data_file("cambodia") : dir, p, o);
            return py::make_tuple(std::move(p), table_to_python(read.iati.selection),
                                  table_to_python(read.iati.outside));
        },
        py::arg("dir") = "", py::arg("iati") = true, py::arg("mine_action") = true, py::arg("progress") = py::none(),
        "The embedded Cambodia mine action dataset (data/cambodia/) as (Portfolio, selection, outside).");
    // The identifiers of the published country-level series, as the library defines them.
    py::dict series;
    series["international"] = PublishedSeries::international;
    series["national"] = PublishedSeries::national;
    series["by_donor"] = PublishedSeries::by_donor;
    m.attr("PUBLISHED_SERIES") = series;
    m.def(
        "_published_tables",
        [](const std::string& dir) {
            const datasets::PublishedTables t = datasets::published_tables(dir);
            py::dict out;
            auto put = [&](const char* name, const std::optional<Table>& table) {
                out[name] = table ? py::object(table_to_python(*table)) : py::object(py::none());
            };
            put("contributions", t.contributions);
            put("totals", t.totals);
            put("funding_needs", t.funding_needs);
            put("land_release", t.land_release);
            return out;
        },
        py::arg("dir") = "",
        "The published tables of a dataset directory (monitor/*.csv) as table dicts (None when absent).");
    m.def(
        "_dataset_files", [](const std::string& dir) { return table_to_python(datasets::dataset_files(dir)); },
        py::arg("dir") = "", "One row per dataset file with the evidence of its records.");

    py::class_<Chart>(m, "ReportChart", "A chart of a report, rendered to SVG text.")
        .def_readonly("title", &Chart::title)
        .def_readonly("svg", &Chart::svg)
        .def("_repr_svg_", [](const Chart& c) { return c.svg; })
        .def("__repr__", [](const Chart& c) { return "<ReportChart '" + c.title + "'>"; });
    py::class_<Section>(m, "ReportSection", "One section of a report: text, tables and charts.")
        .def_readonly("id", &Section::id)
        .def_readonly("title", &Section::title)
        .def_readonly("available", &Section::available)
        .def_readonly("paragraphs", &Section::paragraphs)
        .def_readonly("summary", &Section::summary)
        .def_readonly("charts", &Section::charts)
        .def("_tables",
             [](const Section& s) {
                 py::list out;
                 for (const auto& t : s.tables) out.append(table_to_python(t));
                 return out;
             })
        .def("__repr__", [](const Section& s) {
            return "<ReportSection '" + s.id + "'" + (s.available ? "" : " (not available)") + ">";
        });
    py::class_<Finding>(m, "ReportFinding", "One sentence of the report's first screen, with its source.")
        .def_readonly("sentence", &Finding::sentence)
        .def_readonly("source", &Finding::source)
        .def_readonly("section", &Finding::section)
        .def("__repr__",
             [](const Finding& f) { return "<ReportFinding '" + f.sentence + "' (source: " + f.source + ")>"; });
    py::class_<Report>(m, "Report", "A whole report: title, first-screen findings, sections, provenance notes.")
        .def_readonly("findings", &Report::findings)
        .def_readonly("title", &Report::title)
        .def_readonly("subtitle", &Report::subtitle)
        .def_readonly("sections", &Report::sections)
        .def_readonly("provenance", &Report::provenance)
        .def(
            "section",
            [](const Report& r, const std::string& id) {
                const Section* s = r.find(id);
                if (s == nullptr) throw NotFoundError("no section '" + id + "' in the report");
                return *s;
            },
            py::arg("id"), "The section with `id` (funding, alignment, predictability, …).")
        .def(
            "to_html", [](const Report& r) { return to_html(r); }, "The self-contained HTML page.")
        .def(
            "to_markdown", [](const Report& r) { return to_markdown(r); }, "The report as Markdown.")
        .def(
            "summary_text", [](const Report& r) { return to_text_summary(r); }, "The terminal summary.")
        .def("_repr_html_", [](const Report& r) { return to_html(r); })
        .def(
            "write",
            [](const Report& r, const std::string& dir) {
                const WrittenReport w = write_report(r, dir);
                py::dict out;
                out["html"] = w.html;
                out["markdown"] = w.markdown;
                out["csv"] = w.csv;
                return out;
            },
            py::arg("dir"), "Writes aidtrack-report.html, .md and one CSV per table into `dir`; returns the paths.");

    m.def(
        "_build_report",
        [](const Portfolio& p, std::optional<int> year, const std::string& currency, int horizon,
           const ExchangeRates* rates, bool dataset_files, const std::string& dataset_dir, const std::string& title,
           const std::string& scope, const py::object& progress) {
            ReportOptions o;
            o.year = year;
            o.currency = CurrencyCode(currency);
            o.horizon = horizon;
            o.rates = rates;
            o.scope = scope;
            if (!title.empty()) o.title = title;
            if (dataset_files) {
                const std::string dir = dataset_dir.empty() ? data_file("cambodia") : dataset_dir;
                o.source_files = datasets::dataset_files(dir);
                o.nmas_mapping = datasets::nmas_mapping(dir);
                datasets::PublishedTables published = datasets::published_tables(dir);
                o.published_contributions = std::move(published.contributions);
                o.published_totals = std::move(published.totals);
                o.funding_needs = std::move(published.funding_needs);
                o.published_land_release = std::move(published.land_release);
                // What the dataset's own IATI files hold outside the scope: read again, so that a
                // Portfolio passed in alone still reports what was left out.
                if (!scope.empty()) {
                    Portfolio scratch;
                    const IatiReadResult r = datasets::read_dataset_iati(dir, scratch, IatiSelection::mine_action());
                    o.out_of_scope = r.outside;
                    o.scope_selection = r.selection;
                }
            }
            o.progress = progress_of(progress);
            return build_report(p, o);
        },
        py::arg("portfolio"), py::arg("year") = py::none(), py::arg("currency") = "USD", py::arg("horizon") = 2030,
        py::arg("rates") = nullptr, py::arg("dataset_files") = false, py::arg("dataset_dir") = "",
        py::arg("title") = "", py::arg("scope") = "mine action", py::arg("progress") = py::none());

    m.def(
        "_svg_bar_chart",
        [](const std::string& title, const std::vector<std::string>& categories,
           const std::map<std::string, std::vector<std::optional<double>>>& series, bool stacked,
           const std::string& x_label, const std::string& y_label) {
            BarChart c;
            c.title = title;
            c.categories = categories;
            c.stacked = stacked;
            c.x_label = x_label;
            c.y_label = y_label;
            for (const auto& [name, values] : series) c.series.push_back({name, values});
            return render_svg(c);
        },
        py::arg("title"), py::arg("categories"), py::arg("series"), py::arg("stacked") = false, py::arg("x_label") = "",
        py::arg("y_label") = "");
}

}  // namespace aidtrack::python
