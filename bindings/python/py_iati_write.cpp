// Python face of the IATI validation and writing.
#include "py_common.hpp"

#include <aidtrack/io/iati_validator.hpp>
#include <aidtrack/io/iati_writer.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <optional>

namespace aidtrack::python {
namespace {

/// Problems as a table: file, line, class, severity, rule, element, message.
Table problems_table(const Diagnostics& problems, const std::string& title) {
    Table t(title);
    t.add_column<std::string>("file").add_column<std::int64_t>("line").add_column<std::string>("class");
    t.add_column<std::string>("severity").add_column<std::string>("rule").add_column<std::string>("element");
    t.add_column<std::string>("message");
    for (const Diagnostic& d : problems) {
        // Unknown parts are undefined cells (None in the frame), as on aidtrack.Error.
        t.push(0, d.where.file, !d.where.file.empty());
        t.push(1, static_cast<std::int64_t>(d.where.line), d.where.line != 0);
        t.push(2, d.kind);
        t.push(3, std::string(d.severity == Severity::error ? "error" : "warning"));
        t.push(4, d.rule, !d.rule.empty());
        t.push(5, d.where.element, !d.where.element.empty());
        t.push(6, d.message);
    }
    return t;
}

IatiWriteOptions write_options(const Portfolio& p, const std::optional<std::vector<std::string>>& activities,
                               const std::string& generated, bool indent) {
    IatiWriteOptions o;
    o.generated_datetime = generated;
    o.indent = indent;
    if (activities) {
        for (const std::string& id : *activities) {
            const auto index = p.find_activity(id);
            if (!index) throw NotFoundError("no activity '" + id + "' in the portfolio");
            o.activities.push_back(*index);
        }
    }
    return o;
}

}  // namespace

void bind_iati_write(py::module_& m) {
    m.def(
        "_validate_iati",
        [](const std::vector<std::string>& paths, bool schema, bool rules, bool strict, bool warnings) {
            IatiValidationOptions o;
            o.schema = schema;
            o.rules = rules;
            o.strict_rules = strict;
            o.warnings = warnings;
            Diagnostics all;
            bool valid = true;
            {
                py::gil_scoped_release release;
                for (const std::string& path : paths) {
                    IatiValidationReport r = validate_iati_file(path, o);
                    valid = valid && r.valid();
                    all.insert(all.end(), r.problems.begin(), r.problems.end());
                }
            }
            return py::make_tuple(table_to_python(problems_table(all, "IATI validation problems")), valid);
        },
        py::arg("paths"), py::arg("schema") = true, py::arg("rules") = true, py::arg("strict") = false,
        py::arg("warnings") = true, "Validate IATI files; (problems table, all valid).");
    m.def(
        "_write_iati",
        [](const Portfolio& p, const std::string& path, const std::optional<std::vector<std::string>>& activities,
           const std::string& generated, bool indent) {
            const IatiWriteOptions o = write_options(p, activities, generated, indent);
            Diagnostics problems;
            {
                py::gil_scoped_release release;
                problems = write_iati_file(p, path, o);
            }
            return table_to_python(problems_table(problems, "IATI writer notes"));
        },
        py::arg("portfolio"), py::arg("path"), py::arg("activities") = std::nullopt, py::arg("generated") = "",
        py::arg("indent") = true, "Write IATI 2.03 XML atomically; returns the writer's notes as a table.");
    m.def(
        "_iati_string",
        [](const Portfolio& p, const std::optional<std::vector<std::string>>& activities, const std::string& generated,
           bool indent) {
            const IatiWriteOptions o = write_options(p, activities, generated, indent);
            return write_iati_string(p, o);
        },
        py::arg("portfolio"), py::arg("activities") = std::nullopt, py::arg("generated") = "", py::arg("indent") = true,
        "IATI 2.03 XML of the portfolio as a string.");
}

}  // namespace aidtrack::python
