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

// aidtrack::Decimal ⇄ decimal.Decimal (exact, through the canonical text); int and str accepted.
template <>
struct type_caster<aidtrack::Decimal> {
    PYBIND11_TYPE_CASTER(aidtrack::Decimal, const_name("decimal.Decimal"));
    bool load(handle src, bool convert) {
        const object decimal_type = module_::import("decimal").attr("Decimal");
        if (isinstance(src, decimal_type) || (convert && (PyLong_Check(src.ptr()) || PyUnicode_Check(src.ptr())))) {
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
        return module_::import("decimal").attr("Decimal")(d.to_string(0)).release();
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
