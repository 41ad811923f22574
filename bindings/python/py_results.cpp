// Python face of the results frameworks, mine action records, forecasts.
#include "py_common.hpp"

namespace aidtrack::python {

void bind_results(py::module_& /*m*/) {}

}  // namespace aidtrack::python
