// The compiled half of the aidtrack Python package: each area binds itself, in layer order.
#include "py_common.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "aidtrack: aid alignment, harmonization and results tracking (compiled core)";
    m.attr("__version__") = AIDTRACK_VERSION_STRING;
    aidtrack::python::bind_errors(m);
    aidtrack::python::bind_core(m);
    aidtrack::python::bind_model(m);
    aidtrack::python::bind_archive(m);
    aidtrack::python::bind_iati(m);
    aidtrack::python::bind_iati_write(m);
    aidtrack::python::bind_measures(m);
    aidtrack::python::bind_results(m);
    aidtrack::python::bind_coordination(m);
    aidtrack::python::bind_report(m);
    aidtrack::python::bind_aggregate(m);
    aidtrack::python::bind_trust(m);
}
