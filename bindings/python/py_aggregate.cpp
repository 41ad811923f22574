// Python face of the fast mergeable aggregate: aggregate() with the GIL released, and
// AggregateResult with merge, equality and pickling (exact: values travel as decimal text).
#include "py_common.hpp"

#include <aidtrack/measures/aggregate.hpp>

namespace aidtrack::python {

void bind_aggregate(py::module_& m) {
    using namespace aidtrack::measures;
    using Records = std::vector<std::tuple<std::string, int, std::string, Decimal, std::int64_t>>;
    auto records = [](const AggregateResult& r) {
        Records out;
        out.reserve(r.cells().size());
        for (const auto& [key, cell] : r.cells()) {
            out.emplace_back(std::get<0>(key), std::get<1>(key), std::get<2>(key), Decimal::from_raw(cell.value),
                             cell.pieces);
        }
        return out;
    };
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
        .def("records", records, "Cells as (donor, fiscal_year, objective, value, transactions) tuples, sorted.")
        .def("_table", [](const AggregateResult& r) { return table_to_python(r.to_table()); })
        .def("__len__", [](const AggregateResult& r) { return r.cells().size(); })
        .def("__eq__", [](const AggregateResult& a, const AggregateResult& b) { return a == b; })
        .def("__repr__",
             [](const AggregateResult& r) {
                 return "<AggregateResult " + std::to_string(r.cells().size()) + " cells, total " +
                        r.total().to_string() + " " + r.currency().str() + ">";
             })
        .def(py::pickle(
            [records](const AggregateResult& r) {
                return py::make_tuple(r.currency().str(), r.start_month(), r.start_day(), records(r));
            },
            [from_records](const py::tuple& s) {
                if (s.size() != 4) throw ValidationError("bad AggregateResult pickle state");
                return from_records(s[0].cast<std::string>(), s[1].cast<int>(), s[2].cast<int>(), s[3].cast<Records>());
            }));

    m.def(
        "_aggregate",
        [](const Portfolio& p, const std::vector<int>& types, const FiscalCalendar& calendar,
           const std::string& currency, const ExchangeRates* rates, const ConversionPolicy& policy,
           const std::vector<ActivityShare>& objectives, unsigned threads) {
            AggregateQuery q;
            q.types = std::set<int>(types.begin(), types.end());
            q.calendar = calendar;
            q.currency = CurrencyCode(currency);
            q.rates = rates;
            q.policy = policy;
            q.objectives = objectives;
            q.threads = threads;
            py::gil_scoped_release release;
            return aggregate(p, q);
        },
        py::arg("portfolio"), py::arg("types"), py::arg("calendar"), py::arg("currency"), py::arg("rates").none(true),
        py::arg("policy"), py::arg("objectives"), py::arg("threads"));
}

}  // namespace aidtrack::python
