// Python face of the IATI import: reader, filters, codelists, and the tables behind the
// Portfolio's IATI frames (activities, budgets, planned disbursements, orgs, sectors,
// countries, indicator periods, warnings).
#include "py_common.hpp"

#include <aidtrack/io/codelists.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/model/portfolio.hpp>

namespace aidtrack::python {
namespace {

void push_optional_date(Table& t, std::size_t column, const std::optional<Date>& d) {
    if (d) {
        t.push(column, *d);
    } else {
        t.push_undefined(column);
    }
}

void push_optional_decimal(Table& t, std::size_t column, const std::optional<Decimal>& d) {
    if (d) {
        t.push(column, *d);
    } else {
        t.push_undefined(column);
    }
}

Table activities_table(const Portfolio& p) {
    Table t("IATI activities");
    t.add_column<std::string>("activity_id").add_column<std::string>("title").add_column<std::string>("reporting_org");
    t.add_column<std::string>("reporting_org_type")
        .add_column<std::int64_t>("hierarchy")
        .add_column<std::string>("status");
    t.add_column<Date>("planned_start")
        .add_column<Date>("actual_start")
        .add_column<Date>("planned_end")
        .add_column<Date>("actual_end");
    t.add_column<std::string>("default_currency").add_column<std::string>("collaboration_type");
    t.add_column<std::string>("default_flow_type").add_column<std::string>("default_finance_type");
    t.add_column<std::string>("default_aid_type").add_column<std::string>("default_tied_status");
    t.add_column<std::int64_t>("humanitarian")
        .add_column<std::string>("selected_by", "the selection rule that kept the activity");
    t.add_column<std::string>("source").add_column<std::int64_t>("line");
    for (const auto& a : p.activities()) {
        std::size_t c = 0;
        t.push(c++, a.identifier);
        t.push(c++, text_of(a.title));
        t.push(c++, a.reporting_org.ref);
        t.push(c++, a.reporting_org.type);
        t.push(c++, static_cast<std::int64_t>(a.hierarchy));
        t.push(c++, a.status);
        push_optional_date(t, c++, a.planned_start);
        push_optional_date(t, c++, a.actual_start);
        push_optional_date(t, c++, a.planned_end);
        push_optional_date(t, c++, a.actual_end);
        t.push(c++, a.default_currency);
        t.push(c++, a.collaboration_type);
        t.push(c++, a.default_flow_type);
        t.push(c++, a.default_finance_type);
        t.push(c++, a.default_aid_type);
        t.push(c++, a.default_tied_status);
        t.push(c++, static_cast<std::int64_t>(a.humanitarian ? 1 : 0));
        const std::string& note = a.provenance.note;
        t.push(c++, note.rfind("selected by ", 0) == 0 ? note.substr(12) : std::string{});
        t.push(c++, a.provenance.source);
        t.push(c++, static_cast<std::int64_t>(a.provenance.line));
    }
    return t;
}

Table budgets_table(const Portfolio& p) {
    Table t("IATI budgets");
    t.add_column<std::string>("activity_id").add_column<std::int64_t>("type", "1 original, 2 revised");
    t.add_column<std::int64_t>("status", "1 indicative, 2 committed")
        .add_column<Date>("period_start")
        .add_column<Date>("period_end");
    t.add_column<Decimal>("value")
        .add_column<std::string>("currency")
        .add_column<Date>("value_date")
        .add_column<std::int64_t>("line");
    for (const auto& b : p.budgets()) {
        t.push(0, p.activity(b.activity).identifier);
        t.push(1, static_cast<std::int64_t>(b.type));
        t.push(2, static_cast<std::int64_t>(b.status));
        t.push(3, b.period.start());
        t.push(4, b.period.end());
        t.push(5, b.value.amount());
        t.push(6, b.value.currency().str());
        push_optional_date(t, 7, b.value_date);
        t.push(8, static_cast<std::int64_t>(b.line));
    }
    return t;
}

Table planned_table(const Portfolio& p) {
    Table t("IATI planned disbursements");
    t.add_column<std::string>("activity_id")
        .add_column<std::int64_t>("type")
        .add_column<Date>("period_start")
        .add_column<Date>("period_end");
    t.add_column<Decimal>("value").add_column<std::string>("currency").add_column<Date>("value_date");
    t.add_column<std::string>("provider_org").add_column<std::string>("provider_activity");
    t.add_column<std::string>("receiver_org")
        .add_column<std::string>("receiver_activity")
        .add_column<std::int64_t>("line");
    for (const auto& d : p.planned_disbursements()) {
        t.push(0, p.activity(d.activity).identifier);
        t.push(1, static_cast<std::int64_t>(d.type));
        t.push(2, d.period.start());
        t.push(3, d.period.end());
        t.push(4, d.value.amount());
        t.push(5, d.value.currency().str());
        push_optional_date(t, 6, d.value_date);
        t.push(7, d.provider_org);
        t.push(8, d.provider_activity);
        t.push(9, d.receiver_org);
        t.push(10, d.receiver_activity);
        t.push(11, static_cast<std::int64_t>(d.line));
    }
    return t;
}

Table participating_orgs_table(const Portfolio& p) {
    Table t("IATI participating organisations");
    t.add_column<std::string>("activity_id")
        .add_column<std::string>("ref")
        .add_column<std::int64_t>("role", "1 funding, 2 accountable, 3 extending, 4 implementing");
    t.add_column<std::string>("type")
        .add_column<std::string>("name")
        .add_column<std::string>("org_activity_id")
        .add_column<std::string>("crs_channel_code");
    for (const auto& a : p.activities()) {
        for (const auto& o : a.participating_orgs) {
            t.push(0, a.identifier);
            t.push(1, o.ref);
            t.push(2, static_cast<std::int64_t>(o.role));
            t.push(3, o.type);
            t.push(4, text_of(o.name));
            t.push(5, o.activity_id);
            t.push(6, o.crs_channel_code);
        }
    }
    return t;
}

Table sectors_table(const Portfolio& p) {
    Table t("IATI activity sectors");
    t.add_column<std::string>("activity_id").add_column<std::string>("vocabulary").add_column<std::string>("code");
    t.add_column<std::string>("name", "from the codelist for vocabularies 1 and 2").add_column<Decimal>("percentage");
    const Codelists& lists = Codelists::official();
    for (const auto& a : p.activities()) {
        for (const auto& s : a.sectors) {
            t.push(0, a.identifier);
            t.push(1, s.vocabulary);
            t.push(2, s.code);
            const char* list = s.vocabulary == "1" ? "Sector" : s.vocabulary == "2" ? "SectorCategory" : "";
            t.push(3, *list != '\0' ? lists.name_of(list, s.code) : text_of(s.name));
            push_optional_decimal(t, 4, s.percentage);
        }
    }
    return t;
}

Table countries_table(const Portfolio& p) {
    Table t("IATI recipient countries and regions");
    t.add_column<std::string>("activity_id")
        .add_column<std::string>("kind", "country or region")
        .add_column<std::string>("code");
    t.add_column<std::string>("vocabulary").add_column<std::string>("name").add_column<Decimal>("percentage");
    const Codelists& lists = Codelists::official();
    for (const auto& a : p.activities()) {
        for (const auto& c : a.recipient_countries) {
            t.push(0, a.identifier);
            t.push(1, std::string("country"));
            t.push(2, c.code);
            t.push(3, std::string{});
            t.push(4, lists.name_of("Country", c.code));
            push_optional_decimal(t, 5, c.percentage);
        }
        for (const auto& r : a.recipient_regions) {
            t.push(0, a.identifier);
            t.push(1, std::string("region"));
            t.push(2, r.code);
            t.push(3, r.vocabulary);
            t.push(4, r.vocabulary == "1" ? lists.name_of("Region", r.code) : text_of(r.name));
            push_optional_decimal(t, 5, r.percentage);
        }
    }
    return t;
}

// One row per indicator period (or per indicator without periods), with the first target and
// actual; dimensions are summarised as "name=value; …".
Table indicator_periods_table(const Portfolio& p) {
    Table t("IATI result indicator periods");
    t.add_column<std::string>("activity_id").add_column<std::int64_t>("result").add_column<std::string>("result_type");
    t.add_column<std::string>("result_title")
        .add_column<std::int64_t>("indicator")
        .add_column<std::string>("indicator_title");
    t.add_column<std::string>("measure").add_column<std::int64_t>("ascending");
    t.add_column<Decimal>("baseline").add_column<std::int64_t>("baseline_year");
    t.add_column<Date>("period_start").add_column<Date>("period_end");
    t.add_column<Decimal>("target")
        .add_column<std::string>("target_text")
        .add_column<Decimal>("actual")
        .add_column<std::string>("actual_text");
    t.add_column<std::int64_t>("targets", "target values in the period")
        .add_column<std::int64_t>("actuals", "actual values in the period");
    for (const auto& a : p.activities()) {
        for (std::size_t ri = 0; ri < a.results.size(); ++ri) {
            const auto& r = a.results[ri];
            for (std::size_t ii = 0; ii < r.indicators.size(); ++ii) {
                const auto& ind = r.indicators[ii];
                auto row = [&](const IndicatorPeriod* period) {
                    std::size_t c = 0;
                    t.push(c++, a.identifier);
                    t.push(c++, static_cast<std::int64_t>(ri));
                    t.push(c++, r.type);
                    t.push(c++, text_of(r.title));
                    t.push(c++, static_cast<std::int64_t>(ii));
                    t.push(c++, text_of(ind.title));
                    t.push(c++, ind.measure);
                    t.push(c++, static_cast<std::int64_t>(ind.ascending ? 1 : 0));
                    const IndicatorBaseline* base = ind.baselines.empty() ? nullptr : &ind.baselines.front();
                    push_optional_decimal(t, c++, base ? base->value.value : std::nullopt);
                    if (base && base->year != 0) {
                        t.push(c++, static_cast<std::int64_t>(base->year));
                    } else {
                        t.push_undefined(c++);
                    }
                    push_optional_date(t, c++, period ? period->start : std::nullopt);
                    push_optional_date(t, c++, period ? period->end : std::nullopt);
                    const IndicatorValue* target =
                        period && !period->targets.empty() ? &period->targets.front() : nullptr;
                    const IndicatorValue* actual =
                        period && !period->actuals.empty() ? &period->actuals.front() : nullptr;
                    push_optional_decimal(t, c++, target ? target->value : std::nullopt);
                    t.push(c++, target ? target->text : std::string{});
                    push_optional_decimal(t, c++, actual ? actual->value : std::nullopt);
                    t.push(c++, actual ? actual->text : std::string{});
                    t.push(c++, static_cast<std::int64_t>(period ? period->targets.size() : 0));
                    t.push(c++, static_cast<std::int64_t>(period ? period->actuals.size() : 0));
                };
                if (ind.periods.empty()) row(nullptr);
                for (const auto& period : ind.periods) row(&period);
            }
        }
    }
    return t;
}

Table warnings_table(const Diagnostics& diagnostics) {
    Table t("Diagnostics");
    t.add_column<std::string>("severity").add_column<std::string>("kind").add_column<std::string>("rule");
    t.add_column<std::string>("message")
        .add_column<std::string>("file")
        .add_column<std::int64_t>("line")
        .add_column<std::string>("element");
    for (const auto& d : diagnostics) {
        t.push(0, std::string(d.severity == Severity::error ? "error" : "warning"));
        t.push(1, d.kind);
        // Unknown parts are undefined cells (None in the frame), as on aidtrack.Error.
        t.push(2, d.rule, !d.rule.empty());
        t.push(3, d.message);
        t.push(4, d.where.file, !d.where.file.empty());
        t.push(5, static_cast<std::int64_t>(d.where.line), d.where.line != 0);
        t.push(6, d.where.element, !d.where.element.empty());
    }
    return t;
}

py::dict result_to_python(const IatiReadResult& r) {
    py::dict out;
    out["files"] = r.files;
    out["activities_read"] = r.activities_read;
    out["activities_kept"] = r.activities_kept;
    out["activities_filtered_out"] = r.activities_filtered_out;
    out["transactions"] = r.transactions;
    out["budgets"] = r.budgets;
    out["planned_disbursements"] = r.planned_disbursements;
    out["results"] = r.results;
    out["indicators"] = r.indicators;
    out["periods"] = r.periods;
    out["records_skipped"] = r.records_skipped;
    out["organisations"] = r.organisations;
    out["diagnostics"] = table_to_python(warnings_table(r.diagnostics));
    out["selection"] = table_to_python(r.selection);
    out["outside"] = table_to_python(r.outside);
    out["organisation_finances"] = table_to_python(r.organisation_finances);
    out["notes"] = r.notes;
    return out;
}

}  // namespace

void bind_iati(py::module_& m) {
    m.def(
        "_read_iati",
        [](const std::vector<std::string>& paths, bool strict, py::object progress, std::vector<std::string> countries,
           std::vector<std::string> sectors, std::vector<std::string> reporting_orgs, std::optional<Date> date_from,
           std::optional<Date> date_to, std::vector<std::string> activity_ids,
           std::vector<std::pair<std::string, std::string>> keywords, bool mine_action, bool peacekeeping,
           std::size_t batch_bytes, unsigned threads) {
            IatiReadOptions options;
            options.strict = strict;
            options.batch_bytes = batch_bytes;
            options.threads = threads;
            IatiSelection& s = options.selection;
            s.recipient_countries.insert(countries.begin(), countries.end());
            s.sectors.insert(sectors.begin(), sectors.end());
            s.reporting_orgs.insert(reporting_orgs.begin(), reporting_orgs.end());
            s.activity_ids.insert(activity_ids.begin(), activity_ids.end());
            if (date_from && !date_from->is_special()) s.from = date_from;
            if (date_to && !date_to->is_special()) s.to = date_to;
            for (auto& [name, pattern] : keywords) s.keywords.push_back({name, pattern});
            if (mine_action) {
                const IatiSelection ma = IatiSelection::mine_action(peacekeeping);
                s.sectors.insert(ma.sectors.begin(), ma.sectors.end());
                s.activity_ids.insert(ma.activity_ids.begin(), ma.activity_ids.end());
                s.keywords.insert(s.keywords.end(), ma.keywords.begin(), ma.keywords.end());
            }
            if (!progress.is_none()) {
                options.progress = [progress](std::size_t done, std::size_t total) { progress(done, total); };
            }
            Portfolio portfolio;
            const IatiReadResult result = read_iati_files(paths, portfolio, options);
            return py::make_tuple(std::move(portfolio), result_to_python(result));
        },
        py::arg("paths"), py::arg("strict") = false, py::arg("progress") = py::none(),
        py::arg("countries") = std::vector<std::string>{}, py::arg("sectors") = std::vector<std::string>{},
        py::arg("reporting_orgs") = std::vector<std::string>{}, py::arg("date_from") = std::nullopt,
        py::arg("date_to") = std::nullopt, py::arg("activity_ids") = std::vector<std::string>{},
        py::arg("keywords") = std::vector<std::pair<std::string, std::string>>{}, py::arg("mine_action") = false,
        py::arg("peacekeeping") = false, py::arg("batch_bytes") = IatiReadOptions{}.batch_bytes,
        py::arg("threads") = 0U,
        "Read IATI files into a new Portfolio; returns (portfolio, read result dict). Use aidtrack.load_iati.");
    m.def(
        "_summarize_iati", [](const Portfolio& p) { return summarize_iati(p).to_json(); }, py::arg("portfolio"),
        "The `aidtrack summarize --json` object of a portfolio, as JSON text.");
    m.def(
        "_iati_table",
        [](const Portfolio& p, const std::string& which) -> py::dict {
            if (which == "activities") return table_to_python(activities_table(p));
            if (which == "budgets") return table_to_python(budgets_table(p));
            if (which == "planned_disbursements") return table_to_python(planned_table(p));
            if (which == "participating_orgs") return table_to_python(participating_orgs_table(p));
            if (which == "sectors") return table_to_python(sectors_table(p));
            if (which == "countries") return table_to_python(countries_table(p));
            if (which == "indicator_periods") return table_to_python(indicator_periods_table(p));
            if (which == "warnings") return table_to_python(warnings_table(p.diagnostics()));
            throw NotFoundError("no IATI table called '" + which + "'");
        },
        py::arg("portfolio"), py::arg("which"));
    m.def(
        "codelist_name",
        [](const std::string& list, const std::string& code) { return Codelists::official().name_of(list, code); },
        py::arg("list"), py::arg("code"), "English name of `code` in the IATI codelist `list` ('' when unknown).");
    m.def(
        "codelist_contains",
        [](const std::string& list, const std::string& code) { return Codelists::official().contains(list, code); },
        py::arg("list"), py::arg("code"), "Whether the IATI codelist `list` holds `code`.");
    m.def(
        "codelist_codes", [](const std::string& list) { return Codelists::official().codes(list); }, py::arg("list"),
        "All codes of an IATI codelist.");
    m.def(
        "codelists_version", [] { return Codelists::official().version(); }, "IATI version of the shipped codelists.");
    m.attr("MINE_ACTION_PATTERN") = kMineActionPattern;
    m.def(
        "_classify_mine_action",
        [](const Portfolio& p, bool peacekeeping) {
            return table_to_python(classify(p, IatiSelection::mine_action(peacekeeping)));
        },
        py::arg("portfolio"), py::arg("peacekeeping") = false);
}

}  // namespace aidtrack::python
