// Python face of the aid-effectiveness measures.
#include "py_common.hpp"

namespace aidtrack::python {

void bind_measures(py::module_& /*m*/) {}

}  // namespace aidtrack::python
