// Saving and loading Portfolios as checked archives (compact, or Boost.Serialization's own).
#include "py_common.hpp"

#include <aidtrack/io/archive.hpp>

namespace aidtrack::python {

void bind_archive(py::module_& m) {
    auto portfolio = py::reinterpret_borrow<py::class_<Portfolio>>(m.attr("Portfolio"));
    portfolio
        .def(
            "save",
            [](const Portfolio& p, const std::string& path, const std::string& format) {
                py::gil_scoped_release release;
                p.save(path, format);
            },
            py::arg("path"), py::arg("format") = "compact",
            "Save atomically: 'compact' (default, fastest to load), or Boost.Serialization's 'binary', 'text' or "
            "'xml'.")
        .def_static(
            "load",
            [](const std::string& path) {
                py::gil_scoped_release release;
                return Portfolio::load(path);
            },
            py::arg("path"), "Load a saved archive; ArchiveError for anything but a sound archive.")
        .def(
            "to_bytes",
            [](const Portfolio& p, const std::string& format) {
                return py::bytes(portfolio_to_bytes(p, archive_format_from_string(format)));
            },
            py::arg("format") = "compact", "The archive as bytes.")
        .def_static(
            "from_bytes", [](const py::bytes& data) { return portfolio_from_bytes(std::string(data)); },
            py::arg("data"), "A Portfolio from archive bytes.");
}

}  // namespace aidtrack::python
