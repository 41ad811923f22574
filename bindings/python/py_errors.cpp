// aidtrack.Error and its subclasses, mirroring the C++ hierarchy. The text is what() verbatim;
// the place and the rule are attributes (file, line, element, rule; None when unknown), so that a
// notebook can act on them without parsing the message.
#include "py_common.hpp"

#include <aidtrack/core/error.hpp>

namespace aidtrack::python {
namespace {

// None for an empty string, else the string.
py::object text_or_none(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); }

// Raises the Python class `type` for `e` with its location and rule as keyword arguments.
void raise_as(const py::object& type, const Error& e) {
    const SourceLocation& where = e.where();
    py::object instance =
        type(e.what(), py::arg("file") = text_or_none(where.file),
             py::arg("line") = where.line == 0 ? py::object(py::none()) : py::object(py::int_(where.line)),
             py::arg("element") = text_or_none(where.element), py::arg("rule") = text_or_none(e.rule()),
             py::arg("message") = e.message());
    PyErr_SetObject(type.ptr(), instance.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
    static py::exception<Error> base(m, "Error", PyExc_Exception);
    base.doc() =
        "Base of every error aidtrack raises.\n\n"
        "str(error) names file, line and rule where known; the attributes ``file``, ``line``, ``element`` and\n"
        "``rule`` hold them separately (None when unknown) and ``message`` the text without the place.";
    // Every subclass shares this constructor: the place and rule are keyword-only.
    base.attr("__init__") = py::cpp_function(
        [](py::object self, const py::object& text, const py::object& file, const py::object& line,
           const py::object& element, const py::object& rule, const py::object& message) {
            py::reinterpret_borrow<py::object>(PyExc_Exception).attr("__init__")(self, text);
            self.attr("file") = file;
            self.attr("line") = line;
            self.attr("element") = element;
            self.attr("rule") = rule;
            self.attr("message") = message.is_none() ? py::object(py::str(text)) : message;
        },
        py::is_method(base), py::arg("text") = "", py::kw_only(), py::arg("file") = py::none(),
        py::arg("line") = py::none(), py::arg("element") = py::none(), py::arg("rule") = py::none(),
        py::arg("message") = py::none(),
        "An error with its text and, when known, the file, line, element and rule it concerns.");
    static py::exception<ParseError> parse(m, "ParseError", base.ptr());
    parse.doc() = "Text that cannot be read as the value it should hold (number, date, code).";
    static py::exception<ValidationError> validation(m, "ValidationError", base.ptr());
    validation.doc() = "Data that is well formed but breaks a rule of the model or the standard.";
    static py::exception<CurrencyError> currency(m, "CurrencyError", base.ptr());
    currency.doc() = "Amounts in different currencies combined without a conversion, or an unknown code.";
    static py::exception<RateNotFoundError> rate(m, "RateNotFoundError", base.ptr());
    rate.doc() = "An exchange rate asked for that the table does not hold.";
    static py::exception<IoError> io(m, "IoError", base.ptr());
    io.doc() = "A file that cannot be opened, read or written.";
    static py::exception<ArchiveError> archive(m, "ArchiveError", base.ptr());
    archive.doc() = "An archive that is truncated, corrupted, foreign or of an unknown version.";
    static py::exception<NotFoundError> not_found(m, "NotFoundError", base.ptr());
    not_found.doc() = "A lookup by identifier that found nothing.";
    static py::exception<OverflowError> overflow(m, "OverflowError", base.ptr());
    overflow.doc() = "Arithmetic that would overflow the exact representation.";
    // Most derived first: a translator catches by reference in this order.
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ParseError& e) {
            raise_as(parse, e);
        } catch (const ValidationError& e) {
            raise_as(validation, e);
        } catch (const CurrencyError& e) {
            raise_as(currency, e);
        } catch (const RateNotFoundError& e) {
            raise_as(rate, e);
        } catch (const IoError& e) {
            raise_as(io, e);
        } catch (const ArchiveError& e) {
            raise_as(archive, e);
        } catch (const NotFoundError& e) {
            raise_as(not_found, e);
        } catch (const OverflowError& e) {
            raise_as(overflow, e);
        } catch (const Error& e) {
            raise_as(base, e);
        }
    });
}

}  // namespace aidtrack::python
