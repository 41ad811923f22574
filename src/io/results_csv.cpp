/// \file results_csv.cpp
/// \brief Reading the results CSV files (formats in docs/results.md).

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/text.hpp>
#include <aidtrack/io/results_csv.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>

namespace aidtrack {
namespace {

// A number of a results file (weights, values): exact in the file, double in the store.
std::optional<double> number(const CsvRow& row, const std::string& column, bool required) {
    if (required) return row.decimal(column).to_double();
    const std::optional<Decimal> d = row.optional_decimal(column);
    return d ? std::optional<double>(d->to_double()) : std::nullopt;
}

// Provenance from the optional source/evidence/note columns; the file and line otherwise.
Provenance provenance_of(const CsvRow& row) {
    Provenance p;
    p.source = row.optional_text("source");
    if (p.source.empty()) {
        p.source = row.file();
        p.line = row.line();
    }
    p.evidence = row.evidence();
    p.note = row.optional_text("note");
    return p;
}

// The `a=1;b=2` pairs of a column.
std::vector<std::pair<std::string, std::string>> pairs(const CsvRow& row, const std::string& column) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& item : row.list(column)) {
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0) row.fail(column, "expected name=value in '" + item + "'");
        const std::string_view view = item;
        out.emplace_back(trim(view.substr(0, eq)), trim(view.substr(eq + 1)));
    }
    return out;
}

/// Reads every record of `in`, calling `apply` per row; rule errors get the row's location.
std::size_t each_row(std::istream& in, const std::string& name, const std::function<void(const CsvRow&)>& apply) {
    CsvRows rows(in, name);
    std::size_t count = 0;
    while (rows.next()) {
        const CsvRow& row = rows.row();
        try {
            apply(row);
        } catch (const ParseError& e) {
            if (!e.where().empty()) throw;
            throw ParseError(e.message(), row.where(), e.rule());
        } catch (const Error& e) {
            if (!e.where().empty()) throw;
            throw ValidationError(e.message(), row.where(), e.rule());
        }
        ++count;
    }
    return count;
}

std::size_t read_strategy(ResultsStore& store, std::istream& in, const std::string& name, std::size_t* nodes) {
    std::size_t strategies = 0;
    const std::size_t rows = each_row(in, name, [&](const CsvRow& row) {
        const std::string level = row.text("level");
        if (level == "strategy") {
            Strategy s;
            s.id = row.text("strategy");
            s.name = row.text("title");
            s.period = Period(row.date("start"), row.date("end"));
            s.owner = row.optional_text("owner");
            s.provenance = provenance_of(row);
            store.add_strategy(std::move(s));
            ++strategies;
            return;
        }
        ResultNode n;
        n.level = row.parse("level", result_level_from_string);
        n.id = row.text("id");
        n.parent = row.optional_text("parent");
        n.title = row.text("title");
        n.weight = number(row, "weight", false).value_or(1.0);
        store.add_node(row.text("strategy"), std::move(n));
    });
    if (nodes != nullptr) *nodes = rows - strategies;
    return strategies;
}

std::size_t read_indicators(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const CsvRow& row) {
        Indicator i;
        i.id = row.text("id");
        i.strategy = row.text("strategy");
        i.node = row.text("node");
        i.title = row.text("title");
        i.measure = row.parse_or("measure", indicator_measure_from_string, IndicatorMeasure::unit);
        i.ascending = row.boolean("ascending", true);
        i.unit = row.optional_text("unit");
        // Shares average by default; counts add up.
        const bool share = i.measure == IndicatorMeasure::percentage;
        i.time_aggregation = row.empty("time_aggregation")
                                 ? (share ? TimeAggregation::average : TimeAggregation::sum)
                                 : row.parse("time_aggregation", time_aggregation_from_string);
        i.space_aggregation = row.empty("space_aggregation")
                                  ? (share ? SpaceAggregation::average : SpaceAggregation::sum)
                                  : row.parse("space_aggregation", space_aggregation_from_string);
        i.baseline_date = row.optional_date("baseline_date");
        i.baseline_value = number(row, "baseline_value", false);
        i.weight = number(row, "weight", false).value_or(1.0);
        i.provenance = provenance_of(row);
        store.add_indicator(std::move(i));
    });
}

std::size_t read_values(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const CsvRow& row) {
        const std::string id = row.text("indicator");
        const Indicator* ind = store.find_indicator(id);
        if (ind == nullptr) throw ValidationError("unknown indicator '" + id + "'", row.where("indicator"));
        IndicatorObservation o;
        o.kind = row.parse("kind", value_kind_from_string);
        o.period = Period(row.date("start"), row.date("end"));
        const bool numeric = ind->measure == IndicatorMeasure::unit || ind->measure == IndicatorMeasure::percentage;
        o.value = number(row, "value", numeric);
        o.text = row.optional_text("text");
        for (auto& [k, v] : pairs(row, "dimensions")) o.dimensions.push_back({k, v});
        o.provenance = provenance_of(row);
        store.add_observation(id, std::move(o));
    });
}

std::size_t read_links(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const CsvRow& row) {
        store.add_link({row.text("from"), row.text("to"), number(row, "weight", false).value_or(1.0)});
    });
}

std::size_t read_hazards(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const CsvRow& row) {
        HazardArea h;
        h.id = row.text("id");
        h.province = row.optional_text("province");
        h.district = row.optional_text("district");
        h.village = row.optional_text("village");
        h.type = row.parse("type", hazard_type_from_string);
        h.contamination = row.parse("contamination", contamination_from_string);
        h.area_m2 = row.integer("area_m2");
        h.recorded = row.date("recorded");
        h.status = row.optional_text("status");
        h.provenance = provenance_of(row);
        store.add_hazard(std::move(h));
    });
}

std::size_t read_releases(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const CsvRow& row) {
        LandRelease r;
        r.hazard = row.text("hazard");
        r.date = row.date("date");
        r.method = row.parse("method", release_method_from_string);
        r.area_m2 = row.integer("area_m2");
        r.operator_name = row.optional_text("operator");
        r.funding_activity = row.optional_text("funding_activity");
        for (auto& [type, count] : pairs(row, "devices")) {
            const std::int64_t n = row.integer_of("devices", count, std::numeric_limits<std::int64_t>::min(),
                                                  std::numeric_limits<std::int64_t>::max());
            if (n < 0) row.fail("devices", "device count '" + count + "' of " + type + " is negative", "integer");
            r.devices.push_back({type, n});
        }
        r.provenance = provenance_of(row);
        store.add_release(std::move(r));
    });
}

std::size_t read_casualties(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const CsvRow& row) {
        Casualty c;
        c.date = row.date("date");
        c.province = row.optional_text("province");
        c.device = row.optional_text("device");
        c.killed = row.integer("killed");
        c.injured = row.integer("injured");
        c.amputations = row.optional_integer("amputations").value_or(0);
        c.sex = row.optional_text("sex");
        c.age_group = row.optional_text("age_group");
        c.provenance = provenance_of(row);
        store.add_casualty(std::move(c));
    });
}

}  // namespace

std::size_t read_results_csv(ResultsStore& store, ResultsCsvKind kind, std::istream& in, const std::string& name) {
    switch (kind) {
        case ResultsCsvKind::strategy: {
            std::size_t nodes = 0;
            const std::size_t s = read_strategy(store, in, name, &nodes);
            return s + nodes;
        }
        case ResultsCsvKind::indicators:
            return read_indicators(store, in, name);
        case ResultsCsvKind::indicator_values:
            return read_values(store, in, name);
        case ResultsCsvKind::indicator_links:
            return read_links(store, in, name);
        case ResultsCsvKind::hazards:
            return read_hazards(store, in, name);
        case ResultsCsvKind::land_release:
            return read_releases(store, in, name);
        case ResultsCsvKind::casualties:
            return read_casualties(store, in, name);
    }
    return 0;
}

ResultsCsvCounts load_results_csv(ResultsStore& store, const std::string& dir) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(dir)) throw IoError("not a directory: " + dir);
    ResultsStore work = store;  // all or nothing
    ResultsCsvCounts counts;
    auto open = [&](const char* file, const std::function<void(std::istream&, const std::string&)>& read) {
        const fs::path path = fs::path(dir) / file;
        if (!fs::exists(path)) return;
        std::ifstream in(path, std::ios::binary);
        if (!in) throw IoError("cannot open " + path.string());
        read(in, path.string());
    };
    open("strategy.csv", [&](std::istream& in, const std::string& n) {
        std::size_t nodes = 0;
        counts.strategies = read_strategy(work, in, n, &nodes);
        counts.nodes = nodes;
    });
    open("indicators.csv",
         [&](std::istream& in, const std::string& n) { counts.indicators = read_indicators(work, in, n); });
    open("indicator_values.csv",
         [&](std::istream& in, const std::string& n) { counts.indicator_values = read_values(work, in, n); });
    open("indicator_links.csv",
         [&](std::istream& in, const std::string& n) { counts.links = read_links(work, in, n); });
    open("hazards.csv", [&](std::istream& in, const std::string& n) { counts.hazards = read_hazards(work, in, n); });
    open("land_release.csv",
         [&](std::istream& in, const std::string& n) { counts.releases = read_releases(work, in, n); });
    open("casualties.csv",
         [&](std::istream& in, const std::string& n) { counts.casualties = read_casualties(work, in, n); });
    store = std::move(work);
    return counts;
}

}  // namespace aidtrack
