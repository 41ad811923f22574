// Python face of the aid-effectiveness measures: options, input records and one function per measure.
#include "py_common.hpp"

#include <aidtrack/measures/aid_on_budget.hpp>
#include <aidtrack/measures/country_results_frameworks.hpp>
#include <aidtrack/measures/country_systems.hpp>
#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/fragmentation.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/measures/overlap.hpp>
#include <aidtrack/measures/piu.hpp>
#include <aidtrack/measures/predictability.hpp>
#include <aidtrack/measures/programme_based.hpp>
#include <aidtrack/measures/strategy_alignment.hpp>
#include <aidtrack/measures/technical_cooperation.hpp>
#include <aidtrack/measures/untied_aid.hpp>

namespace aidtrack::python {

void bind_measures(py::module_& m) {
    using namespace aidtrack::measures;
    using Options = MeasureOptions;

    py::class_<Options>(m, "MeasureOptions", "Parameters shared by the measures (see aidtrack.measures).")
        .def(py::init<>())
        .def_readwrite("calendar", &Options::calendar)
        .def_readwrite("years", &Options::years)
        .def_property(
            "currency",
            [](const Options& o) -> std::optional<std::string> {
                return o.currency ? std::optional(o.currency->str()) : std::nullopt;
            },
            [](Options& o, const std::optional<std::string>& c) {
                o.currency = c ? std::optional(CurrencyCode(*c)) : std::nullopt;
            })
        .def(
            "set_rates", [](Options& o, const ExchangeRates* r) { o.rates = r; }, py::arg("rates"),
            py::keep_alive<1, 2>(), "Use this exchange-rate table (kept alive with the options).")
        .def_readwrite("policy", &Options::policy)
        .def_readwrite("methodology", &Options::methodology)
        .def_property(
            "donor", [](const Options& o) { return to_string(o.donor); },
            [](Options& o, const std::string& s) { o.donor = parse_donor_definition(s); })
        .def_readwrite("donor_calendars", &Options::donor_calendars)
        .def_property(
            "hop", [](const Options& o) { return to_string(o.hop); },
            [](Options& o, const std::string& s) { o.hop = parse_flow_hop(s); })
        .def_readwrite("budgets_as_schedule_fallback", &Options::budgets_as_schedule_fallback)
        .def_readwrite("government_orgs", &Options::government_orgs)
        .def_readwrite("country", &Options::country)
        .def_readwrite("totals", &Options::totals)
        .def_readwrite("places", &Options::places);

    py::class_<ActivityShare>(m, "ActivityShare", "A share of an activity mapped to an objective or province.")
        .def(py::init([](std::string activity_id, std::string code, std::optional<Decimal> percentage) {
                 return ActivityShare{std::move(activity_id), std::move(code), percentage, {}};
             }),
             py::arg("activity_id"), py::arg("code"), py::arg("percentage") = py::none())
        .def_readwrite("activity_id", &ActivityShare::activity_id)
        .def_readwrite("code", &ActivityShare::code)
        .def_readwrite("percentage", &ActivityShare::percentage);

    py::class_<QuestionnaireRecord>(m, "QuestionnaireRecord",
                                    "Effectiveness questionnaire answers for one activity x donor.")
        .def(py::init([](std::string activity_id, std::string donor) {
                 QuestionnaireRecord r;
                 r.activity_id = std::move(activity_id);
                 r.donor = std::move(donor);
                 return r;
             }),
             py::arg("activity_id"), py::arg("donor") = "")
        .def_readwrite("activity_id", &QuestionnaireRecord::activity_id)
        .def_readwrite("donor", &QuestionnaireRecord::donor)
        .def_readwrite("budget_execution", &QuestionnaireRecord::budget_execution)
        .def_readwrite("financial_reporting", &QuestionnaireRecord::financial_reporting)
        .def_readwrite("auditing", &QuestionnaireRecord::auditing)
        .def_readwrite("procurement", &QuestionnaireRecord::procurement)
        .def_readwrite("technical_cooperation", &QuestionnaireRecord::technical_cooperation)
        .def_readwrite("coordinated_tc", &QuestionnaireRecord::coordinated_tc)
        .def_readwrite("programme_based", &QuestionnaireRecord::programme_based)
        .def_readwrite("new_intervention", &QuestionnaireRecord::new_intervention)
        .def_readwrite("objectives_from_country", &QuestionnaireRecord::objectives_from_country)
        .def_readwrite("indicators_from_country", &QuestionnaireRecord::indicators_from_country)
        .def_readwrite("government_data", &QuestionnaireRecord::government_data)
        .def_readwrite("government_evaluation", &QuestionnaireRecord::government_evaluation)
        .def_readwrite("parallel_pius", &QuestionnaireRecord::parallel_pius);

    py::class_<GovernmentBudgetRecord>(m, "GovernmentBudgetRecord",
                                       "Aid recorded in the government budget for a donor and year.")
        .def(py::init([](std::string donor, int fiscal_year, const Money& amount) {
                 return GovernmentBudgetRecord{std::move(donor), fiscal_year, amount, {}};
             }),
             py::arg("donor"), py::arg("fiscal_year"), py::arg("amount"))
        .def_readwrite("donor", &GovernmentBudgetRecord::donor)
        .def_readwrite("fiscal_year", &GovernmentBudgetRecord::fiscal_year)
        .def_readwrite("amount", &GovernmentBudgetRecord::amount);

    py::class_<GlobalAidRecord>(m, "GlobalAidRecord", "A donor's global aid in a year.")
        .def(py::init([](std::string donor, int year, const Money& amount) {
                 return GlobalAidRecord{std::move(donor), year, amount, {}};
             }),
             py::arg("donor"), py::arg("year"), py::arg("amount"))
        .def_readwrite("donor", &GlobalAidRecord::donor)
        .def_readwrite("year", &GlobalAidRecord::year)
        .def_readwrite("amount", &GlobalAidRecord::amount);

    m.def("load_activity_shares", py::overload_cast<const std::string&, const std::string&>(&load_activity_shares),
          py::arg("path"), py::arg("code_column"), "Read activity_id,<code_column>[,percentage] from CSV.");
    m.def("load_questionnaire", py::overload_cast<const std::string&>(&load_questionnaire), py::arg("path"),
          "Read the effectiveness questionnaire CSV.");
    m.def("load_government_budget", py::overload_cast<const std::string&>(&load_government_budget), py::arg("path"),
          "Read donor,fiscal_year,amount,currency from CSV.");
    m.def("load_global_aid", py::overload_cast<const std::string&>(&load_global_aid), py::arg("path"),
          "Read donor,year,amount,currency from CSV.");

    // One raw function per measure: Table as a dict; aidtrack.measures turns it into a DataFrame.
    m.def("_measure_donor_flows",
          [](const Portfolio& p, const Options& o) { return table_to_python(donor_flows(p, o)); });
    m.def(
        "_measure_annual_predictability",
        [](const Portfolio& p, const Options& o) { return table_to_python(annual_predictability(p, o)); },
        "Paris 7 / GPEDC 5a table: disbursed, scheduled, numerator, denominator, value, over_disbursement, "
        "over_disbursed, "
        "unscheduled …; the (all) row is the methodology's country aggregate (gpedc2018: sum of min(D, S) / sum of "
        "S).");
    m.def(
        "_measure_medium_term_predictability",
        [](const Portfolio& p, const Options& o) { return table_to_python(medium_term_predictability(p, o)); },
        "GPEDC 5b table: planned_y1..3, covered_y1..3 = min(planned, D_Y), coverage_y1..3, value; the (all) row adds "
        "each donor's covered amount.");
    m.def("_measure_execution_rate",
          [](const Portfolio& p, const Options& o) { return table_to_python(execution_rate(p, o)); });
    m.def("_measure_untied_aid",
          [](const Portfolio& p, const Options& o) { return table_to_python(untied_aid(p, o)); });
    m.def(
        "_measure_aid_on_budget",
        [](const Portfolio& p, const Options& o, const std::vector<GovernmentBudgetRecord>& b) {
            return table_to_python(aid_on_budget(p, o, b));
        },
        "Paris 3 / GPEDC 6 table: recorded, scheduled, numerator, denominator, value, beyond_scheduled, "
        "beyond_scheduled_amount, "
        "unscheduled …; the (all) row is the methodology's country aggregate.");
    m.def("_measure_country_systems",
          [](const Portfolio& p, const Options& o, const std::vector<QuestionnaireRecord>& q, bool proxy) {
              return table_to_python(country_systems(p, o, q, CountrySystemsOptions{proxy}));
          });
    m.def("_measure_parallel_pius",
          [](const Portfolio& p, const Options& o, const std::vector<QuestionnaireRecord>& q) {
              return table_to_python(parallel_pius(p, o, q));
          });
    m.def("_measure_country_results_frameworks",
          [](const Portfolio& p, const Options& o, const std::vector<QuestionnaireRecord>& q) {
              return table_to_python(country_results_frameworks(p, o, q));
          });
    m.def("_measure_programme_based",
          [](const Portfolio& p, const Options& o, const std::vector<QuestionnaireRecord>& q) {
              return table_to_python(programme_based(p, o, q));
          });
    m.def("_measure_technical_cooperation",
          [](const Portfolio& p, const Options& o, const std::vector<QuestionnaireRecord>& q) {
              return table_to_python(technical_cooperation(p, o, q));
          });
    m.def("_measure_strategy_alignment", [](const Portfolio& p, const Options& o, const std::vector<ActivityShare>& s) {
        return table_to_python(strategy_alignment(p, o, s));
    });
    m.def("_measure_fragmentation", [](const Portfolio& p, const Options& o, const std::vector<ActivityShare>& s,
                                       const std::string& g) { return table_to_python(fragmentation(p, o, s, g)); });
    m.def("_measure_significance", [](const Portfolio& p, const Options& o, const std::vector<GlobalAidRecord>& g,
                                      std::optional<Decimal> w) { return table_to_python(significance(p, o, g, w)); });
    m.def("_measure_overlap",
          [](const Portfolio& p, const Options& o, const std::vector<ActivityShare>& obj,
             const std::vector<ActivityShare>& prov) { return table_to_python(overlap(p, o, obj, prov)); });
}

}  // namespace aidtrack::python
