// Python face of the IATI import: reader, filters, codelists.
#include "py_common.hpp"

namespace aidtrack::python {

void bind_iati(py::module_& /*m*/) {}

}  // namespace aidtrack::python
