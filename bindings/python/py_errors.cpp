// aidtrack.Error and its subclasses, mirroring the C++ hierarchy; messages are what() verbatim.
#include "py_common.hpp"

#include <aidtrack/core/error.hpp>

namespace aidtrack::python {

void bind_errors(py::module_& m) {
    static py::exception<Error> base(m, "Error", PyExc_Exception);
    base.doc() = "Base of every error aidtrack raises; the message names file, line and rule where known.";
    static py::exception<ParseError> parse(m, "ParseError", base.ptr());
    static py::exception<ValidationError> validation(m, "ValidationError", base.ptr());
    static py::exception<CurrencyError> currency(m, "CurrencyError", base.ptr());
    static py::exception<RateNotFoundError> rate(m, "RateNotFoundError", base.ptr());
    static py::exception<IoError> io(m, "IoError", base.ptr());
    static py::exception<ArchiveError> archive(m, "ArchiveError", base.ptr());
    static py::exception<NotFoundError> not_found(m, "NotFoundError", base.ptr());
    static py::exception<OverflowError> overflow(m, "OverflowError", base.ptr());
    // Most derived first: a translator catches by reference in this order.
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ParseError& e) { parse(e.what());
        } catch (const ValidationError& e) { validation(e.what());
        } catch (const CurrencyError& e) { currency(e.what());
        } catch (const RateNotFoundError& e) { rate(e.what());
        } catch (const IoError& e) { io(e.what());
        } catch (const ArchiveError& e) { archive(e.what());
        } catch (const NotFoundError& e) { not_found(e.what());
        } catch (const OverflowError& e) { overflow(e.what());
        } catch (const Error& e) { base(e.what());
        }
    });
}

}  // namespace aidtrack::python
