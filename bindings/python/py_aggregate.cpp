// Python face of the fast mergeable aggregate: aggregate() with the GIL released, and
// AggregateResult with merge, equality and pickling (exact: values travel as decimal text).
#include "py_common.hpp"

#include <aidtrack/measures/aggregate.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace aidtrack::python {

namespace {

// A numpy object array of `n` slots, each to be given a reference with `put`.
py::array object_array(std::size_t n) {
    return py::array(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
}

void put(py::array& array, std::size_t i, const py::object& value) {
    auto** slots = static_cast<PyObject**>(array.mutable_data());
    Py_XDECREF(slots[i]);
    slots[i] = value.inc_ref().ptr();
}

// One Python str per name of `names`, so that tens of thousands of rows share a few hundred
// strings instead of each making its own.
std::vector<py::str> python_names(const std::vector<std::string>& names) {
    std::vector<py::str> out;
    out.reserve(names.size());
    for (const std::string& name : names) out.emplace_back(name);
    return out;
}

// The cells as a list of (donor, fiscal_year, objective, value, transactions) tuples, sorted.
py::list record_list(const measures::AggregateResult& result) {
    const measures::AggregateCells& cells = result.cells();
    py::list out(cells.size());
    const std::vector<py::str> donors = python_names(cells.donors());
    const std::vector<py::str> objectives = python_names(cells.objectives());
    const auto keys = cells.key_ids();
    const auto values = cells.values();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        out[i] = py::make_tuple(donors[keys[i].donor], keys[i].fiscal_year, objectives[keys[i].objective],
                                Decimal::from_raw(values[i].value), values[i].pieces);
    }
    return out;
}

// The result's Table as table_to_python gives it (names, kinds, descriptions, notes from
// AggregateResult::to_table), its columns built straight from the cells: the text columns as
// object arrays whose rows share one Python str per donor, objective and currency, the values
// made once each, instead of a Table of strings turned into lists that pandas then inspects.
py::dict frame_table(const measures::AggregateResult& result) {
    const measures::AggregateResult header(result.currency(), result.start_month(), result.start_day());
    py::dict out = table_to_python(header.to_table());
    const std::size_t n = result.cells().size();
    py::array donors = object_array(n);
    py::array objectives = object_array(n);
    py::array values = object_array(n);
    py::array currencies = object_array(n);
    py::array_t<std::int64_t> years(static_cast<py::ssize_t>(n));
    py::array_t<std::int64_t> pieces(static_cast<py::ssize_t>(n));
    auto* year = years.mutable_data();
    auto* piece = pieces.mutable_data();
    const py::str currency(result.currency().str());
    const measures::AggregateCells& cells = result.cells();
    const std::vector<py::str> donor_names = python_names(cells.donors());
    const std::vector<py::str> objective_names = python_names(cells.objectives());
    const auto keys = cells.key_ids();
    const auto sums = cells.values();
    for (std::size_t i = 0; i < n; ++i) {
        put(donors, i, donor_names[keys[i].donor]);
        put(objectives, i, objective_names[keys[i].objective]);
        put(values, i, py::cast(Decimal::from_raw(sums[i].value)));
        put(currencies, i, currency);
        year[i] = keys[i].fiscal_year;
        piece[i] = sums[i].pieces;
    }
    const std::unordered_map<std::string, py::object> built{{"donor", donors},         {"fiscal_year", years},
                                                            {"objective", objectives}, {"value", values},
                                                            {"currency", currencies},  {"transactions", pieces}};
    py::list columns;
    for (const py::handle column : py::list(out["columns"])) {
        const auto fields = column.cast<py::tuple>();
        const auto name = fields[0].cast<std::string>();
        const auto it = built.find(name);
        if (it == built.end()) throw std::logic_error("aggregate frame: no values for column '" + name + "'");
        py::array_t<bool> valid(static_cast<py::ssize_t>(n));
        std::fill_n(valid.mutable_data(), n, true);
        columns.append(py::make_tuple(fields[0], it->second, valid, fields[3], fields[4]));
    }
    out["columns"] = columns;
    return out;
}

// An activity → objective mapping converted once, for many aggregate() calls: the compiled
// aggregate reads its shares where they are.
struct ObjectiveMapping {
    std::vector<measures::ActivityShare> shares;
};

// One share from an ActivityShare or an (activity_id, code[, percentage]) tuple; a percentage is
// read from its text, as decimal.Decimal would read it (60, "60", 60.5, Decimal("60.5")).
measures::ActivityShare share_of(const py::handle& item) {
    if (py::isinstance<measures::ActivityShare>(item)) return item.cast<measures::ActivityShare>();
    const auto fields = py::reinterpret_borrow<py::sequence>(item);
    if (!py::isinstance<py::sequence>(item) || py::isinstance<py::str>(item) || fields.size() < 2 || fields.size() > 3)
        throw py::type_error(
            "an objective share is an ActivityShare or an (activity_id, code[, percentage]) tuple, not " +
            std::string(py::repr(item)));
    measures::ActivityShare share;
    share.activity_id = fields[0].cast<std::string>();
    share.code = fields[1].cast<std::string>();
    if (fields.size() == 3 && !fields[2].is_none()) share.percentage = py::cast<Decimal>(py::str(fields[2]));
    return share;
}

ObjectiveMapping mapping_of(const py::iterable& objectives) {
    ObjectiveMapping out;
    const Py_ssize_t size = PyObject_LengthHint(objectives.ptr(), 0);
    if (size < 0) throw py::error_already_set();
    out.shares.reserve(static_cast<std::size_t>(size));
    for (const py::handle item : objectives) out.shares.push_back(share_of(item));
    return out;
}

}  // namespace

void bind_aggregate(py::module_& m) {
    using namespace aidtrack::measures;
    using Records = std::vector<std::tuple<std::string, int, std::string, Decimal, std::int64_t>>;
    auto from_records = [](const std::string& currency, int start_month, int start_day, const Records& rows) {
        AggregateResult r(CurrencyCode(currency), start_month, start_day);
        for (const auto& [donor, fy, objective, value, pieces] : rows)
            r.add({donor, fy, objective}, {value.raw(), pieces});
        return r;
    };
    py::class_<AggregateResult>(
        m, "AggregateResult",
        "Exact sums per donor x fiscal year x objective; merge() combines partial results exactly.")
        .def(py::init(from_records), py::arg("currency") = "USD", py::arg("start_month") = 1, py::arg("start_day") = 1,
             py::arg("records") = Records{},
             "A result from (donor, fiscal_year, objective, value, transactions) records.")
        .def_property_readonly("currency", [](const AggregateResult& r) { return r.currency().str(); })
        .def_property_readonly("start_month", &AggregateResult::start_month)
        .def_property_readonly("start_day", &AggregateResult::start_day)
        .def("merge", &AggregateResult::merge, py::arg("other"), py::return_value_policy::reference_internal,
             "Adds every cell of `other` in place (same currency and calendar) and returns self.")
        .def("total", &AggregateResult::total, "Sum of every cell (decimal.Decimal).")
        .def("records", &record_list, "Cells as (donor, fiscal_year, objective, value, transactions) tuples, sorted.")
        .def_property_readonly(
            "donors", [](const AggregateResult& r) { return r.cells().donors(); },
            "The donors (reporting organisation refs) the cells name, sorted, each once.")
        .def_property_readonly(
            "objectives", [](const AggregateResult& r) { return r.cells().objectives(); },
            "The objective codes the cells name, sorted, each once ('(unmapped)' where money has no objective).")
        .def("_table", [](const AggregateResult& r) { return table_to_python(r.to_table()); })
        .def("_frame_table", &frame_table)
        .def("__len__", [](const AggregateResult& r) { return r.cells().size(); })
        .def("__eq__", [](const AggregateResult& a, const AggregateResult& b) { return a == b; })
        .def("__repr__",
             [](const AggregateResult& r) {
                 return "<AggregateResult " + std::to_string(r.cells().size()) + " cells, total " +
                        r.total().to_string() + " " + r.currency().str() + ">";
             })
        .def(py::pickle(
            [](const AggregateResult& r) {
                return py::make_tuple(r.currency().str(), r.start_month(), r.start_day(), record_list(r));
            },
            [from_records](const py::tuple& s) {
                if (s.size() != 4) throw ValidationError("bad AggregateResult pickle state");
                return from_records(s[0].cast<std::string>(), s[1].cast<int>(), s[2].cast<int>(), s[3].cast<Records>());
            }));

    py::class_<ObjectiveMapping>(
        m, "ObjectiveMapping",
        "An activity -> objective mapping converted once: pass it to aggregate() in place of a list when\n"
        "calling it many times (the shares are then read where they are, not converted per call).\n\n"
        "Built from ActivityShare records or (activity_id, code[, percentage]) tuples, in order.")
        .def(py::init(&mapping_of), py::arg("objectives") = py::list(), "The mapping of `objectives`, in order.")
        .def("__len__", [](const ObjectiveMapping& o) { return o.shares.size(); })
        .def(
            "shares", [](const ObjectiveMapping& o) { return o.shares; },
            "The shares as ActivityShare records (copies), in order.")
        .def("__repr__",
             [](const ObjectiveMapping& o) {
                 return "<ObjectiveMapping " + std::to_string(o.shares.size()) + " shares>";
             })
        .def(py::pickle(
            [](const ObjectiveMapping& o) {
                py::list rows;
                for (const auto& s : o.shares)
                    rows.append(py::make_tuple(
                        s.activity_id, s.code,
                        s.percentage ? py::object(py::str(s.percentage->to_string())) : py::object(py::none())));
                return rows;
            },
            [](const py::list& rows) { return mapping_of(rows); }));

    m.def(
        "_aggregate",
        [](const Portfolio& p, const std::vector<int>& types, const FiscalCalendar& calendar,
           const std::string& currency, const ExchangeRates* rates, const ConversionPolicy& policy,
           const ObjectiveMapping& objectives, unsigned threads) {
            AggregateQuery q;
            q.types = std::set<int>(types.begin(), types.end());
            q.calendar = calendar;
            q.currency = CurrencyCode(currency);
            q.rates = rates;
            q.policy = policy;
            q.threads = threads;
            py::gil_scoped_release release;
            return aggregate(p, q, objectives.shares);  // read in place: not copied per call
        },
        py::arg("portfolio"), py::arg("types"), py::arg("calendar"), py::arg("currency"), py::arg("rates").none(true),
        py::arg("policy"), py::arg("objectives"), py::arg("threads"));
}

}  // namespace aidtrack::python
