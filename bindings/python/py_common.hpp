#pragma once
// Shared pieces of the Python faces: type casters for dates and decimals, Table → columns,
// and the bind_<area> entry points called in order by module.cpp.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/table.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <datetime.h>

namespace py = pybind11;

namespace pybind11::detail {

// boost::gregorian::date ⇄ datetime.date; a special (missing) date is None.
template <>
struct type_caster<aidtrack::Date> {
    PYBIND11_TYPE_CASTER(aidtrack::Date, const_name("datetime.date"));
    bool load(handle src, bool /*convert*/) {
        if (!PyDateTimeAPI) PyDateTime_IMPORT;
        if (src.is_none()) {
            value = aidtrack::Date();
            return true;
        }
        if (!PyDate_Check(src.ptr())) return false;
        value = aidtrack::Date(static_cast<unsigned short>(PyDateTime_GET_YEAR(src.ptr())),
                               static_cast<unsigned short>(PyDateTime_GET_MONTH(src.ptr())),
                               static_cast<unsigned short>(PyDateTime_GET_DAY(src.ptr())));
        return true;
    }
    static handle cast(const aidtrack::Date& d, return_value_policy /*policy*/, handle /*parent*/) {
        if (!PyDateTimeAPI) PyDateTime_IMPORT;
        if (d.is_special()) return none().release();
        return PyDate_FromDate(d.year(), d.month(), d.day());
    }
};

// decimal.Decimal, looked up once and kept for the life of the interpreter: importing it for
// each value cost more than making the value. No function-local static initialiser: the import
// may release the GIL while another thread waits on its guard.
inline PyObject* decimal_type() {
    static PyObject* type = nullptr;  // written with the GIL held
    if (type == nullptr) type = object(module_::import("decimal").attr("Decimal")).release().ptr();
    return type;
}

// aidtrack::Decimal ⇄ decimal.Decimal (exact, through the canonical text); int and str accepted.
template <>
struct type_caster<aidtrack::Decimal> {
    PYBIND11_TYPE_CASTER(aidtrack::Decimal, const_name("decimal.Decimal"));
    bool load(handle src, bool convert) {
        const int is_decimal = PyObject_IsInstance(src.ptr(), decimal_type());
        if (is_decimal < 0) throw error_already_set();
        if (is_decimal != 0 || (convert && (PyLong_Check(src.ptr()) || PyUnicode_Check(src.ptr())))) {
            const std::string text = str(src);
            aidtrack::Decimal out;
            std::string why;
            if (!aidtrack::Decimal::try_parse(text, out, &why))
                throw aidtrack::ParseError("cannot read '" + text + "' as a decimal: " + why);
            value = out;
            return true;
        }
        return false;
    }
    static handle cast(const aidtrack::Decimal& d, return_value_policy /*policy*/, handle /*parent*/) {
        const std::string text = d.to_string(0);
        const auto arg =
            reinterpret_steal<object>(PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size())));
        if (!arg) throw error_already_set();
        PyObject* out = PyObject_CallOneArg(decimal_type(), arg.ptr());
        if (out == nullptr) throw error_already_set();
        return out;
    }
};

}  // namespace pybind11::detail

namespace aidtrack::python {

/// A Table as {"title", "methodology", "notes", "columns": [(name, values, valid)]} for the
/// Python side to turn into a DataFrame; numbers go out as numpy arrays.
py::dict table_to_python(const Table& table);

void bind_errors(py::module_& m);
void bind_core(py::module_& m);
void bind_model(py::module_& m);
void bind_archive(py::module_& m);
void bind_iati(py::module_& m);
void bind_iati_write(py::module_& m);
void bind_measures(py::module_& m);
void bind_results(py::module_& m);
void bind_coordination(py::module_& m);
void bind_report(py::module_& m);
void bind_aggregate(py::module_& m);
void bind_trust(py::module_& m);

}  // namespace aidtrack::python
