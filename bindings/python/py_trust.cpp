// Python face of trustworthy totals: duplicate policy, exploded splits, secondary reporters,
// activity hierarchies, deflators and explain(). Every table goes out through table_to_python.
#include "py_common.hpp"

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/constant_prices.hpp>
#include <aidtrack/measures/exploded_splits.hpp>
#include <aidtrack/measures/provenance_explain.hpp>
#include <aidtrack/measures/reconciliation.hpp>
#include <aidtrack/measures/secondary_reporters.hpp>
#include <aidtrack/model/activity_hierarchy.hpp>

namespace aidtrack::python {
namespace {

ExplodeOptions explode_options(bool budgets, const std::vector<int>& types, const std::optional<std::string>& currency,
                               const ExchangeRates* rates, const std::optional<ConversionPolicy>& policy,
                               const std::map<std::string, std::vector<std::pair<std::string, Decimal>>>& objectives,
                               int places) {
    ExplodeOptions o;
    o.budgets = budgets;
    o.types.insert(types.begin(), types.end());
    if (currency) o.currency = CurrencyCode(*currency);
    o.rates = rates;
    if (policy) o.policy = *policy;
    for (const auto& [sector, list] : objectives) {
        for (const auto& [objective, weight] : list) o.objectives[sector].push_back({objective, weight});
    }
    o.places = places;
    return o;
}

HierarchyRule hierarchy_rule(const std::string& rule) {
    if (rule == "lowest") return HierarchyRule::lowest;
    if (rule == "highest") return HierarchyRule::highest;
    if (rule == "all") return HierarchyRule::all;
    throw ValidationError("hierarchy rule '" + rule + "' is not lowest, highest or all");
}

using Objectives = std::map<std::string, std::vector<std::pair<std::string, Decimal>>>;

}  // namespace

void bind_trust(py::module_& m) {
    m.def(
        "_read_iati_trusted",
        [](const std::vector<std::string>& paths, const std::string& duplicates, bool strict) {
            IatiReadOptions options;
            options.strict = strict;
            options.duplicates = parse_duplicate_policy(duplicates);
            Portfolio portfolio;
            const IatiReadResult result = read_iati_files(paths, portfolio, options);
            return py::make_tuple(std::move(portfolio), table_to_python(result.duplicates));
        },
        py::arg("paths"), py::arg("duplicates") = "latest-updated", py::arg("strict") = false,
        "Read IATI files with a duplicate policy; returns (portfolio, dropped-duplicates table).");
    m.def(
        "_explode",
        [](const Portfolio& p, bool budgets, const std::vector<int>& types, const std::optional<std::string>& currency,
           const ExchangeRates* rates, const std::optional<ConversionPolicy>& policy, const Objectives& objectives,
           int places) {
            return table_to_python(
                explode(p, explode_options(budgets, types, currency, rates, policy, objectives, places)));
        },
        py::arg("portfolio"), py::arg("budgets") = false, py::arg("types") = std::vector<int>{},
        py::arg("currency") = std::nullopt, py::arg("rates") = nullptr, py::arg("policy") = std::nullopt,
        py::arg("objectives") = Objectives{}, py::arg("places") = 2);
    m.def(
        "_secondary_reporters",
        [](const Portfolio& p, bool include) {
            SecondaryOptions o;
            o.include = include;
            return table_to_python(secondary_reporters(p, o));
        },
        py::arg("portfolio"), py::arg("include") = false);
    m.def(
        "_donor_totals",
        [](const Portfolio& p, bool include, const std::vector<int>& types) {
            SecondaryOptions o;
            o.include = include;
            o.types.insert(types.begin(), types.end());
            return table_to_python(donor_totals(p, o));
        },
        py::arg("portfolio"), py::arg("include") = false, py::arg("types") = std::vector<int>{});
    m.def(
        "_hierarchy_levels",
        [](const Portfolio& p, const std::string& rule) {
            const ActivityHierarchy h(p);
            return table_to_python(h.levels(hierarchy_rule(rule)));
        },
        py::arg("portfolio"), py::arg("rule") = "lowest");

    py::class_<Deflators>(m, "Deflators", "Deflators by donor and year, loaded from a donor,year,deflator,source CSV.")
        .def_static("from_csv", py::overload_cast<const std::string&>(&Deflators::from_csv), py::arg("path"))
        .def(
            "deflate",
            [](const Deflators& d, Decimal amount, const std::string& donor, int year, int base_year, int places) {
                const Deflated x = d.deflate(amount, donor, year, base_year, places);
                return py::make_tuple(x.value, x.year_entry.source);
            },
            py::arg("amount"), py::arg("donor"), py::arg("year"), py::arg("base_year"), py::arg("places") = 2,
            "(amount in base-year prices, source of the deflator)")
        .def("__len__", &Deflators::size);

    m.def(
        "_explain",
        [](const Portfolio& p, bool budgets, const std::vector<int>& types, const std::optional<std::string>& currency,
           const ExchangeRates* rates, const std::optional<ConversionPolicy>& policy, const Objectives& objectives,
           int places, const std::string& activity_id, const std::string& reporting_org, const std::string& sector,
           const std::string& country, const std::string& objective, const std::optional<FiscalCalendar>& calendar,
           std::optional<int> fiscal_year, const Deflators* deflators, int base_year, bool include_secondary) {
            ExplainQuery q;
            q.explode = explode_options(budgets, types, currency, rates, policy, objectives, places);
            q.activity_id = activity_id;
            q.reporting_org = reporting_org;
            q.sector = sector;
            q.country = country;
            q.objective = objective;
            if (calendar) q.calendar = *calendar;
            q.fiscal_year = fiscal_year;
            q.deflators = deflators;
            q.base_year = base_year;
            SecondaryOptions s;
            s.include = include_secondary;
            q.excluded_activities = secondary_exclusions(p, s);
            const Table t = explain(p, q);
            return table_to_python(t);
        },
        py::arg("portfolio"), py::arg("budgets") = false, py::arg("types") = std::vector<int>{},
        py::arg("currency") = std::nullopt, py::arg("rates") = nullptr, py::arg("policy") = std::nullopt,
        py::arg("objectives") = Objectives{}, py::arg("places") = 2, py::arg("activity_id") = "",
        py::arg("reporting_org") = "", py::arg("sector") = "", py::arg("country") = "", py::arg("objective") = "",
        py::arg("calendar") = std::nullopt, py::arg("fiscal_year") = std::nullopt, py::arg("deflators") = nullptr,
        py::arg("base_year") = 0, py::arg("include_secondary") = false);
    m.def(
        "_reconcile_disbursements",
        [](const Portfolio& p, int window_days) {
            ReconcileOptions o;
            o.window_days = window_days;
            return table_to_python(reconcile_disbursements(p, o));
        },
        py::arg("portfolio"), py::arg("window_days") = 31);
    m.def(
        "_reconcile_csv",
        [](const Portfolio& p, const std::string& path, const std::vector<int>& types, int window_days) {
            ReconcileOptions o;
            o.window_days = window_days;
            return table_to_python(reconcile(flows_of(p, types), load_flow_csv(path), o));
        },
        py::arg("portfolio"), py::arg("path"),
        py::arg("types") = std::vector<int>{code_of(TransactionType::disbursement)}, py::arg("window_days") = 31);
}

}  // namespace aidtrack::python
