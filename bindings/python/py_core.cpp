// Core value types: Money, Period, FiscalCalendar, ExchangeRates, splits, Table export.
#include "py_common.hpp"

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/fiscal_calendar.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/core/period.hpp>
#include <aidtrack/version.hpp>

#include <pybind11/operators.h>

namespace aidtrack::python {

py::dict table_to_python(const Table& table) {
    py::list columns;
    for (const auto& c : table.columns()) {
        py::array_t<bool> valid(static_cast<py::ssize_t>(c.size()));
        auto* v = valid.mutable_data();
        for (std::size_t i = 0; i < c.size(); ++i) v[i] = c.valid[i] != 0;
        py::object values = std::visit(
            [](const auto& data) -> py::object {
                using T = typename std::decay_t<decltype(data)>::value_type;
                if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) {
                    return py::array_t<T>(static_cast<py::ssize_t>(data.size()), data.data());
                } else {
                    return py::cast(data);
                }
            },
            c.data);
        const char* kind = std::visit(
            [](const auto& data) -> const char* {
                using T = typename std::decay_t<decltype(data)>::value_type;
                if constexpr (std::is_same_v<T, std::string>)
                    return "str";
                else if constexpr (std::is_same_v<T, std::int64_t>)
                    return "int";
                else if constexpr (std::is_same_v<T, double>)
                    return "float";
                else if constexpr (std::is_same_v<T, Decimal>)
                    return "decimal";
                else
                    return "date";
            },
            c.data);
        columns.append(py::make_tuple(c.name, values, valid, kind, c.description));
    }
    py::dict out;
    out["title"] = table.title();
    out["methodology"] = table.methodology();
    out["notes"] = table.notes();
    out["columns"] = columns;
    return out;
}

void bind_core(py::module_& m) {
    m.def("library_version", &aidtrack::version, "Version of the compiled C++ library.");
    m.def("data_dir", &aidtrack::data_dir,
          "The directory the shipped data (codelists, schemas, IMF rates, the Cambodia dataset) is read from: "
          "$AIDTRACK_DATA_DIR when set, else the installed package's own copy, else the build's data/.");
    m.def("_set_default_data_dir", &aidtrack::set_default_data_dir, py::arg("directory"),
          "Read shipped data from `directory` unless $AIDTRACK_DATA_DIR is set ('' forgets it); the package calls it "
          "on import.");

    py::class_<Money>(m, "Money", "An exact amount in one currency; mixing currencies raises CurrencyError.")
        .def(
            py::init([](Decimal amount, const std::string& currency) { return Money(amount, CurrencyCode(currency)); }),
            py::arg("amount"), py::arg("currency"))
        .def_property_readonly("amount", &Money::amount, "The exact amount as decimal.Decimal.")
        .def_property_readonly(
            "currency", [](const Money& m) { return m.currency().str(); }, "ISO 4217 code.")
        .def(py::self + py::self)
        .def(py::self - py::self)
        .def(py::self == py::self)
        .def("__neg__", [](const Money& m) { return -m; })
        .def("__str__", &Money::to_string)
        .def("__repr__",
             [](const Money& m) { return "Money('" + m.amount().to_string() + "', '" + m.currency().str() + "')"; });

    m.def(
        "is_currency", [](const std::string& code) { return CurrencyCode::is_known(code); }, py::arg("code"),
        "Whether `code` is an ISO 4217 code on the IATI Currency codelist.");

    py::class_<Period>(m, "Period", "A closed interval of days [start, end].")
        .def(py::init<Date, Date>(), py::arg("start"), py::arg("end"))
        .def_property_readonly("start", &Period::start)
        .def_property_readonly("end", &Period::end)
        .def_property_readonly("days", &Period::days, "Number of days, both ends included.")
        .def("contains", &Period::contains, py::arg("date"))
        .def("overlap_days", &Period::overlap_days, py::arg("other"), "Days shared with another period.")
        .def_static("calendar_year", &Period::calendar_year, py::arg("year"))
        .def(py::self == py::self)
        .def("__repr__", [](const Period& p) { return "Period('" + p.to_string() + "')"; });

    m.def("prorate_by_days", &prorate_by_days, py::arg("amount"), py::arg("source"), py::arg("targets"),
          py::arg("places") = 2,
          "Split `amount` spread evenly over `source` into `targets` by days, exactly (largest remainder).");
    m.def(
        "split_by_weights",
        [](Decimal amount, const std::vector<std::int64_t>& weights, int places) {
            std::vector<Decimal::Raw> w(weights.begin(), weights.end());
            return split_by_weights(amount, w, places);
        },
        py::arg("amount"), py::arg("weights"), py::arg("places") = 2,
        "Split `amount` by integer weights; the pieces add back to `amount` exactly.");

    py::class_<FiscalCalendar>(
        m, "FiscalCalendar",
        "A fiscal year starting on the same month and day every year, named by the year it starts in.")
        .def(py::init<int, int, std::string>(), py::arg("start_month"), py::arg("start_day") = 1, py::arg("name") = "")
        .def_property_readonly("start_month", &FiscalCalendar::start_month)
        .def_property_readonly("start_day", &FiscalCalendar::start_day)
        .def_property_readonly("name", &FiscalCalendar::name)
        .def("fiscal_year_of", &FiscalCalendar::fiscal_year_of, py::arg("date"),
             "Fiscal year (by its starting year) containing `date`.")
        .def("period_of", &FiscalCalendar::period_of, py::arg("fiscal_year"))
        .def("label", &FiscalCalendar::label, py::arg("fiscal_year"), "'2023' or 'FY2023-24'.")
        .def("fiscal_years_in", &FiscalCalendar::fiscal_years_in, py::arg("period"))
        .def("prorate", &FiscalCalendar::prorate, py::arg("amount"), py::arg("period"), py::arg("places") = 2,
             "Spread `amount` over `period` into fiscal years by days: {fiscal_year: Decimal}.")
        .def("rebucket", &FiscalCalendar::rebucket, py::arg("amounts"), py::arg("source_calendar"),
             py::arg("places") = 2,
             "Re-bucket {fiscal_year: amount} of `source_calendar` into this calendar's years by days.")
        .def_static(
            "preset", &FiscalCalendar::preset, py::arg("name"),
            "Named calendars: cambodia, australia, united-kingdom, canada, japan, united-states, norway, switzerland …")
        .def_static("preset_names", &FiscalCalendar::preset_names)
        .def(py::self == py::self)
        .def("__repr__", [](const FiscalCalendar& c) {
            return "FiscalCalendar(" + std::to_string(c.start_month()) + ", " + std::to_string(c.start_day()) +
                   ", name='" + c.name() + "')";
        });

    py::class_<ConversionPolicy>(m, "ConversionPolicy", "How a conversion picks its rate: by date or one fixed year.")
        .def_static("by_date", &ConversionPolicy::by_date)
        .def_static("fixed_year", &ConversionPolicy::fixed_year, py::arg("year"))
        .def_property_readonly("name", &ConversionPolicy::name)
        .def("__repr__", [](const ConversionPolicy& p) { return "ConversionPolicy('" + p.name() + "')"; });

    py::class_<Conversion>(m, "Conversion", "A converted amount and the rates it used.")
        .def_readonly("value", &Conversion::value)
        .def_readonly("from_per_usd", &Conversion::from_per_usd)
        .def_readonly("to_per_usd", &Conversion::to_per_usd)
        .def_readonly("rate_date", &Conversion::rate_date)
        .def_readonly("source", &Conversion::source);

    py::class_<ExchangeRates>(m, "ExchangeRates",
                              "Exchange rates per USD by currency and period; conversions go through USD.")
        .def(py::init<>())
        .def_static("from_imf_csv", py::overload_cast<const std::string&>(&ExchangeRates::from_imf_csv),
                    py::arg("path"),
                    "Load the IMF annual-average table (national currency per USD), one row per currency and year.")
        .def_static("from_csv", py::overload_cast<const std::string&>(&ExchangeRates::from_csv), py::arg("path"),
                    "Load a plain date,currency,rate CSV (date = YYYY, YYYY-MM or YYYY-MM-DD).")
        .def(
            "add",
            [](ExchangeRates& r, const std::string& currency, const Period& period, double per_usd,
               std::string source) { r.add(CurrencyCode(currency), period, per_usd, std::move(source)); },
            py::arg("currency"), py::arg("period"), py::arg("per_usd"), py::arg("source") = "")
        .def(
            "per_usd",
            [](const ExchangeRates& r, const std::string& currency, const Date& date) {
                return r.per_usd(CurrencyCode(currency), date);
            },
            py::arg("currency"), py::arg("date"),
            "Units of `currency` per USD on `date`; RateNotFoundError when absent.")
        .def(
            "convert",
            [](const ExchangeRates& r, const Money& amount, const std::string& to, const Date& date,
               const ConversionPolicy& policy) { return r.convert(amount, CurrencyCode(to), date, policy); },
            py::arg("amount"), py::arg("to"), py::arg("date"), py::arg("policy") = ConversionPolicy::by_date())
        .def(
            "factor",
            [](const ExchangeRates& r, const std::string& from, const std::string& to, const Date& date,
               const ConversionPolicy& policy) { return r.factor(CurrencyCode(from), CurrencyCode(to), date, policy); },
            py::arg("from_currency"), py::arg("to"), py::arg("date"), py::arg("policy") = ConversionPolicy::by_date())
        .def("currencies",
             [](const ExchangeRates& r) {
                 std::vector<std::string> out;
                 for (auto c : r.currencies()) out.push_back(c.str());
                 return out;
             })
        .def("_entries",
             [](const ExchangeRates& r) {
                 py::list out;
                 for (auto c : r.currencies()) {
                     for (const auto& e : r.entries(c))
                         out.append(py::make_tuple(c.str(), e.period.start(), e.period.end(), e.per_usd, e.source));
                 }
                 return out;
             })
        .def("__len__", &ExchangeRates::size);
}

}  // namespace aidtrack::python
