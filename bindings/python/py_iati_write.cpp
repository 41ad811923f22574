// Python face of the IATI validation and writing.
#include "py_common.hpp"

namespace aidtrack::python {

void bind_iati_write(py::module_& /*m*/) {}

}  // namespace aidtrack::python
