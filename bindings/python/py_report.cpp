// Python face of the reports and the embedded datasets.
#include "py_common.hpp"

namespace aidtrack::python {

void bind_report(py::module_& /*m*/) {}

}  // namespace aidtrack::python
