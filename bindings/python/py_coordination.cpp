// Python face of the coordination and cooperation records.
#include "py_common.hpp"

namespace aidtrack::python {

void bind_coordination(py::module_& /*m*/) {}

}  // namespace aidtrack::python
