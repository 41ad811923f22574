// Python face of the results frameworks, mine action records and forecasts: the ResultsStore
// with checked add_* methods and the CSV loader, and the queries (returned as table dicts that
// aidtrack.results turns into DataFrames).
#include "py_common.hpp"

#include <aidtrack/core/evidence.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/measures/clearance_forecast.hpp>
#include <aidtrack/measures/cost_efficiency.hpp>
#include <aidtrack/measures/results_progress.hpp>
#include <aidtrack/model/iati_framework.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <pybind11/operators.h>

namespace aidtrack::python {

namespace {

Provenance provenance_of(const std::string& source, const std::string& evidence, const std::string& note) {
    Provenance p;
    p.source = source;
    p.note = note;
    p.evidence = parse_evidence(evidence);  // the files' rule: a keyword, empty = reported
    return p;
}

ContaminationKey contamination_key(const std::string& k) {
    if (k == "contamination") return ContaminationKey::contamination;
    if (k == "province") return ContaminationKey::province;
    if (k == "hazard_type") return ContaminationKey::hazard_type;
    if (k == "hazard") return ContaminationKey::hazard;
    throw ValidationError("unknown key '" + k + "' (contamination, province, hazard_type, hazard)");
}

CasualtyKey casualty_key(const std::string& k) {
    if (k == "province") return CasualtyKey::province;
    if (k == "device") return CasualtyKey::device;
    if (k == "sex") return CasualtyKey::sex;
    if (k == "age_group") return CasualtyKey::age_group;
    throw ValidationError("unknown key '" + k + "' (province, device, sex, age_group)");
}

CostKey cost_key(const std::string& k) {
    if (k == "operator") return CostKey::operator_name;
    if (k == "method") return CostKey::method;
    if (k == "province") return CostKey::province;
    if (k == "donor") return CostKey::donor;
    if (k == "year") return CostKey::year;
    if (k == "activity") return CostKey::activity;
    throw ValidationError("unknown key '" + k + "' (operator, method, province, donor, year, activity)");
}

ForecastInput forecast_input(double remaining_m2, const Date& as_of, double rate, double cost,
                             const std::string& funding, const std::map<int, double>& history,
                             const std::map<int, double>& pledges, bool funding_limits_release, const Date& deadline) {
    ForecastInput in;
    in.remaining_m2 = remaining_m2;
    in.as_of = as_of;
    in.release_rate_m2_per_year = rate;
    in.cost_per_m2 = cost;
    in.funding.kind = funding_kind_from_string(funding);
    in.funding.history = history;
    in.funding.pledges = pledges;
    in.funding_limits_release = funding_limits_release;
    if (!deadline.is_special()) in.deadline = deadline;
    return in;
}

Distribution distribution(const py::object& spec) {
    // None → fixed 1; a number → fixed; a tuple ("normal", mean, sd) | ("lognormal", median,
    // sigma) | ("triangular", low, mode, high).
    if (spec.is_none()) return Distribution::fixed(1);
    if (py::isinstance<py::float_>(spec) || py::isinstance<py::int_>(spec))
        return Distribution::fixed(spec.cast<double>());
    const auto t = spec.cast<py::tuple>();
    const auto kind = t[0].cast<std::string>();
    if (kind == "fixed" && t.size() == 2) return Distribution::fixed(t[1].cast<double>());
    if (kind == "normal" && t.size() == 3) return Distribution::normal(t[1].cast<double>(), t[2].cast<double>());
    if (kind == "lognormal" && t.size() == 3) return Distribution::lognormal(t[1].cast<double>(), t[2].cast<double>());
    if (kind == "triangular" && t.size() == 4) {
        return Distribution::triangular(t[1].cast<double>(), t[2].cast<double>(), t[3].cast<double>());
    }
    throw ValidationError(
        "a distribution is a number or (\"normal\", mean, sd), (\"lognormal\", median, sigma), "
        "(\"triangular\", low, mode, high)");
}

py::dict forecast_dict(const ForecastResult& r) {
    py::dict d;
    d["years_to_complete"] = r.years_to_complete ? py::cast(*r.years_to_complete) : py::none();
    d["completion_date"] = r.completion_date ? py::cast(*r.completion_date) : py::none();
    d["completion_year"] = r.completion_year ? py::cast(*r.completion_year) : py::none();
    d["cost_needed"] = r.cost_needed;
    d["funding_to_deadline"] = r.funding_to_deadline;
    d["funding_gap"] = r.funding_gap;
    d["remaining_at_deadline"] = r.remaining_at_deadline;
    d["meets_deadline"] = r.meets_deadline;
    d["path"] = table_to_python(r.path);
    return d;
}

}  // namespace

void bind_results(py::module_& m) {
    py::class_<ResultsStore>(m, "ResultsStore",
                             "Strategies, indicators, hazards, land release and casualties of a Portfolio (checked).")
        .def(py::init<>())
        .def(py::self == py::self)
        .def(
            "load_csv",
            [](ResultsStore& s, const std::string& dir) {
                const auto c = load_results_csv(s, dir);
                py::dict d;
                d["strategies"] = c.strategies;
                d["nodes"] = c.nodes;
                d["indicators"] = c.indicators;
                d["indicator_values"] = c.indicator_values;
                d["links"] = c.links;
                d["hazards"] = c.hazards;
                d["releases"] = c.releases;
                d["casualties"] = c.casualties;
                return d;
            },
            py::arg("directory"),
            "Reads the results CSV files of a directory (docs/results.md); returns rows read per file.")
        .def(
            "add_strategy",
            [](ResultsStore& s, const std::string& id, const std::string& name, const Date& start, const Date& end,
               const std::string& owner, const std::string& source, const std::string& evidence,
               const std::string& note) {
                Strategy st;
                st.id = id;
                st.name = name;
                st.period = Period(start, end);
                st.owner = owner;
                st.provenance = provenance_of(source, evidence, note);
                s.add_strategy(std::move(st));
            },
            py::arg("id"), py::arg("name"), py::arg("start"), py::arg("end"), py::arg("owner") = "",
            py::arg("source") = "", py::arg("evidence") = "reported", py::arg("note") = "", "Adds a strategy.")
        .def(
            "add_node",
            [](ResultsStore& s, const std::string& strategy, const std::string& id, const std::string& level,
               const std::string& title, const std::string& parent, double weight) {
                s.add_node(strategy, {id, parent, result_level_from_string(level), title, weight});
            },
            py::arg("strategy"), py::arg("id"), py::arg("level"), py::arg("title"), py::arg("parent") = "",
            py::arg("weight") = 1.0, "Adds a goal/objective/outcome/output node.")
        .def(
            "add_indicator",
            [](ResultsStore& s, const std::string& id, const std::string& strategy, const std::string& node,
               const std::string& title, const std::string& measure, bool ascending, const std::string& unit,
               const std::string& time_aggregation, const std::string& space_aggregation,
               std::optional<Date> baseline_date, std::optional<double> baseline_value, double weight,
               const std::string& source, const std::string& evidence) {
                Indicator i;
                i.id = id;
                i.strategy = strategy;
                i.node = node;
                i.title = title;
                i.measure = indicator_measure_from_string(measure);
                i.ascending = ascending;
                i.unit = unit;
                const bool share = i.measure == IndicatorMeasure::percentage;
                i.time_aggregation = time_aggregation.empty()
                                         ? (share ? TimeAggregation::average : TimeAggregation::sum)
                                         : time_aggregation_from_string(time_aggregation);
                i.space_aggregation = space_aggregation.empty()
                                          ? (share ? SpaceAggregation::average : SpaceAggregation::sum)
                                          : space_aggregation_from_string(space_aggregation);
                i.baseline_date = baseline_date;
                i.baseline_value = baseline_value;
                i.weight = weight;
                i.provenance = provenance_of(source, evidence, "");
                s.add_indicator(std::move(i));
            },
            py::arg("id"), py::arg("strategy"), py::arg("node"), py::arg("title"), py::arg("measure") = "unit",
            py::arg("ascending") = true, py::arg("unit") = "", py::arg("time_aggregation") = "",
            py::arg("space_aggregation") = "", py::arg("baseline_date") = py::none(),
            py::arg("baseline_value") = py::none(), py::arg("weight") = 1.0, py::arg("source") = "",
            py::arg("evidence") = "reported", "Adds an indicator.")
        .def(
            "add_value",
            [](ResultsStore& s, const std::string& indicator, const std::string& kind, const Date& start,
               const Date& end, std::optional<double> value, const std::string& text,
               const std::map<std::string, std::string>& dimensions) {
                IndicatorObservation o;
                o.kind = value_kind_from_string(kind);
                o.period = Period(start, end);
                o.value = value;
                o.text = text;
                for (const auto& [k, v] : dimensions) o.dimensions.push_back({k, v});
                s.add_observation(indicator, std::move(o));
            },
            py::arg("indicator"), py::arg("kind"), py::arg("start"), py::arg("end"), py::arg("value") = py::none(),
            py::arg("text") = "", py::arg("dimensions") = std::map<std::string, std::string>{},
            "Adds a target or actual.")
        .def(
            "add_link",
            [](ResultsStore& s, const std::string& from, const std::string& to, double weight) {
                s.add_link({from, to, weight});
            },
            py::arg("source"), py::arg("target"), py::arg("weight") = 1.0,
            "Links indicator `source` (e.g. a project's) into `target` (e.g. NMAS) with a weight.")
        .def(
            "add_hazard",
            [](ResultsStore& s, const std::string& id, const std::string& province, const std::string& type,
               const std::string& contamination, std::int64_t area_m2, const Date& recorded,
               const std::string& district, const std::string& village, const std::string& status,
               const std::string& source, const std::string& evidence) {
                s.add_hazard({id, province, district, village, hazard_type_from_string(type),
                              contamination_from_string(contamination), area_m2, recorded, status,
                              provenance_of(source, evidence, "")});
            },
            py::arg("id"), py::arg("province"), py::arg("type"), py::arg("contamination"), py::arg("area_m2"),
            py::arg("recorded"), py::arg("district") = "", py::arg("village") = "", py::arg("status") = "",
            py::arg("source") = "", py::arg("evidence") = "reported", "Adds a hazardous area (SHA/CHA; AP/AT/CM/ERW).")
        .def(
            "add_release",
            [](ResultsStore& s, const std::string& hazard, const Date& date, const std::string& method,
               std::int64_t area_m2, const std::string& operator_name, const std::string& funding_activity,
               const std::map<std::string, std::int64_t>& devices, const std::string& source,
               const std::string& evidence) {
                LandRelease r;
                r.hazard = hazard;
                r.date = date;
                r.method = release_method_from_string(method);
                r.area_m2 = area_m2;
                r.operator_name = operator_name;
                r.funding_activity = funding_activity;
                for (const auto& [k, v] : devices) r.devices.push_back({k, v});
                r.provenance = provenance_of(source, evidence, "");
                s.add_release(std::move(r));
            },
            py::arg("hazard"), py::arg("date"), py::arg("method"), py::arg("area_m2"), py::arg("operator") = "",
            py::arg("funding_activity") = "", py::arg("devices") = std::map<std::string, std::int64_t>{},
            py::arg("source") = "", py::arg("evidence") = "reported",
            "Adds a land release; raises ValidationError when it exceeds what remains of the hazard.")
        .def(
            "add_casualty",
            [](ResultsStore& s, const Date& date, std::int64_t killed, std::int64_t injured, std::int64_t amputations,
               const std::string& province, const std::string& device, const std::string& sex,
               const std::string& age_group, const std::string& source, const std::string& evidence) {
                s.add_casualty({date, province, device, killed, injured, amputations, sex, age_group,
                                provenance_of(source, evidence, "")});
            },
            py::arg("date"), py::arg("killed"), py::arg("injured"), py::arg("amputations") = 0,
            py::arg("province") = "", py::arg("device") = "", py::arg("sex") = "", py::arg("age_group") = "",
            py::arg("source") = "", py::arg("evidence") = "reported", "Adds a casualty record.")
        .def(
            "ledger",
            [](const ResultsStore& s, const std::string& hazard, std::optional<Date> as_of) {
                const auto l = hazard_ledger(s, hazard, as_of);
                py::dict d;
                d["recorded"] = l.recorded;
                d["cancelled"] = l.cancelled;
                d["reduced"] = l.reduced;
                d["cleared"] = l.cleared;
                d["remaining"] = l.remaining;
                return d;
            },
            py::arg("hazard"), py::arg("as_of") = py::none(), "The area ledger of a hazard (m²).")
        .def("check", &ResultsStore::check, "Checks every rule on the whole store.")
        .def_property_readonly("strategy_count", [](const ResultsStore& s) { return s.strategies().size(); })
        .def_property_readonly("indicator_count", [](const ResultsStore& s) { return s.indicators().size(); })
        .def_property_readonly("hazard_count", [](const ResultsStore& s) { return s.hazards().size(); })
        .def_property_readonly("release_count", [](const ResultsStore& s) { return s.releases().size(); })
        .def_property_readonly("casualty_count", [](const ResultsStore& s) { return s.casualties().size(); })
        .def("_indicators", [](const ResultsStore& s) { return table_to_python(indicators_table(s)); })
        .def("_indicator_values", [](const ResultsStore& s) { return table_to_python(indicator_values_table(s)); })
        .def("_progress",
             [](const ResultsStore& s, const std::string& strategy, const Date& start, const Date& end, double on_track,
                double at_risk) {
                 return table_to_python(progress_table(s, strategy, Period(start, end), {on_track, at_risk}));
             })
        .def("_rollup",
             [](const ResultsStore& s, const std::string& strategy, const Date& start, const Date& end, double on_track,
                double at_risk) {
                 return table_to_python(rollup_table(s, strategy, Period(start, end), {on_track, at_risk}));
             })
        .def("_remaining",
             [](const ResultsStore& s, const Date& as_of, const std::vector<std::string>& by) {
                 std::vector<ContaminationKey> keys;
                 for (const auto& k : by) keys.push_back(contamination_key(k));
                 return table_to_python(remaining_contamination(s, as_of, keys));
             })
        .def("_hazards",
             [](const ResultsStore& s) {
                 return table_to_python(
                     remaining_contamination(s, Date(boost::gregorian::max_date_time),
                                             {ContaminationKey::hazard, ContaminationKey::province,
                                              ContaminationKey::hazard_type, ContaminationKey::contamination}));
             })
        .def("_releases",
             [](const ResultsStore& s) {
                 Table t("Land release events");
                 t.add_column<std::string>("hazard");
                 t.add_column<Date>("date");
                 t.add_column<std::string>("method");
                 t.add_column<std::int64_t>("area_m2");
                 t.add_column<std::string>("operator");
                 t.add_column<std::string>("funding_activity");
                 t.add_column<std::int64_t>("devices");
                 t.add_column<std::string>("evidence");
                 for (const auto& r : s.releases()) {
                     std::int64_t n = 0;
                     for (const auto& d : r.devices) n += d.count;
                     t.push<std::string>(0, r.hazard);
                     t.push<Date>(1, r.date);
                     t.push<std::string>(2, to_string(r.method));
                     t.push<std::int64_t>(3, r.area_m2);
                     t.push<std::string>(4, r.operator_name);
                     t.push<std::string>(5, r.funding_activity);
                     t.push<std::int64_t>(6, n);
                     t.push<std::string>(7, to_string(r.provenance.evidence));
                 }
                 return table_to_python(t);
             })
        .def("_releases_by_year", [](const ResultsStore& s) { return table_to_python(releases_by_year(s)); })
        .def("_casualties_by_year",
             [](const ResultsStore& s, const std::vector<std::string>& by) {
                 std::vector<CasualtyKey> keys;
                 for (const auto& k : by) keys.push_back(casualty_key(k));
                 return table_to_python(casualties_by_year(s, keys));
             })
        .def("_casualty_rows", [](const ResultsStore& s) { return table_to_python(casualty_rows(s)); })
        .def("_mean_release_rate", &mean_release_rate);

    auto portfolio = py::reinterpret_borrow<py::class_<Portfolio>>(m.attr("Portfolio"));
    portfolio.def_property(
        "results", [](Portfolio& p) -> ResultsStore& { return p.results(); },
        [](Portfolio& p, const ResultsStore& s) { p.results() = s; }, py::return_value_policy::reference_internal,
        "The portfolio's results records (strategies, indicators, hazards, releases, casualties).");

    m.def("_cost_per_m2", [](const Portfolio& p, const std::vector<std::string>& by, const std::string& currency,
                             const ExchangeRates* rates, const ConversionPolicy& policy, std::optional<int> year_from,
                             std::optional<int> year_to) {
        CostQuery q;
        for (const auto& k : by) q.by.push_back(cost_key(k));
        q.currency = CurrencyCode(currency);
        q.rates = rates;
        q.policy = policy;
        q.year_from = year_from;
        q.year_to = year_to;
        return table_to_python(cost_per_m2(p, q));
    });
    m.def("_import_iati_frameworks",
          [](const Portfolio& p, ResultsStore& s, const std::map<std::string, std::string>& links, double weight) {
              IatiFrameworkOptions o;
              o.links = links;
              o.weight = weight;
              const auto c = import_iati_frameworks(p, s, o);
              py::dict d;
              d["strategies"] = c.strategies;
              d["indicators"] = c.indicators;
              d["values"] = c.values;
              d["skipped_values"] = c.skipped_values;
              d["links"] = c.links;
              return d;
          });
    m.def("_forecast", [](double remaining, const Date& as_of, double rate, double cost, const std::string& funding,
                          const std::map<int, double>& history, const std::map<int, double>& pledges, bool limits,
                          const Date& deadline) {
        return forecast_dict(
            forecast(forecast_input(remaining, as_of, rate, cost, funding, history, pledges, limits, deadline)));
    });
    m.def("_monte_carlo", [](double remaining, const Date& as_of, double rate, double cost, const std::string& funding,
                             const std::map<int, double>& history, const std::map<int, double>& pledges, bool limits,
                             const Date& deadline, const py::object& rate_factor, const py::object& cost_factor,
                             const py::object& funding_factor, std::size_t draws, std::uint64_t seed) {
        MonteCarloInput mc;
        mc.base = forecast_input(remaining, as_of, rate, cost, funding, history, pledges, limits, deadline);
        mc.rate_factor = distribution(rate_factor);
        mc.cost_factor = distribution(cost_factor);
        mc.funding_factor = distribution(funding_factor);
        mc.draws = draws;
        mc.seed = seed;
        const auto r = monte_carlo(mc);
        py::dict d;
        d["summary"] = table_to_python(r.summary);
        d["fan"] = table_to_python(r.fan);
        d["p_meets_deadline"] = r.p_meets_deadline;
        return d;
    });
    m.def("_scenarios",
          [](double remaining, const Date& as_of, double rate, double cost, const std::string& funding,
             const std::map<int, double>& history, const std::map<int, double>& pledges, bool limits,
             const Date& deadline, const std::vector<std::tuple<std::string, double, double, double>>& rows) {
              std::vector<WhatIf> w;
              for (const auto& [name, f, c, r] : rows) w.push_back({name, f, c, r});
              return table_to_python(scenario_table(
                  forecast_input(remaining, as_of, rate, cost, funding, history, pledges, limits, deadline), w));
          });
}

}  // namespace aidtrack::python
