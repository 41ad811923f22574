/// \file results_csv.cpp
/// \brief Reading the results CSV files (formats in docs/results.md).

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/io/results_csv.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

namespace aidtrack {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

/// \brief One record of a CSV file with typed, located accessors.
class Row {
public:
    Row(const CsvHeader& header, const std::vector<std::string>& fields, const CsvReader& reader)
        : header_(header), fields_(fields), reader_(reader) {}

    [[nodiscard]] SourceLocation where(const std::string& column = {}) const { return reader_.where(column); }
    /// Text of an optional column ("" when absent or empty).
    [[nodiscard]] std::string text(const std::string& column) const {
        const std::size_t i = header_.find(column);
        return i == CsvHeader::npos || i >= fields_.size() ? std::string{} : trim(fields_[i]);
    }
    /// Text of a required column; ParseError when empty.
    [[nodiscard]] std::string required(const std::string& column) const {
        (void)header_.require(column);
        std::string t = text(column);
        if (t.empty()) throw ParseError("missing value", where(column), "required-value");
        return t;
    }
    [[nodiscard]] Date date(const std::string& column, bool need) const {
        const std::string t = need ? required(column) : text(column);
        if (t.empty()) return {};
        Date d;
        if (!try_parse_date(t, d)) throw ParseError("cannot read '" + t + "' as a date (YYYY-MM-DD)", where(column));
        return d;
    }
    [[nodiscard]] std::optional<double> number(const std::string& column, bool need) const {
        const std::string t = need ? required(column) : text(column);
        if (t.empty()) return std::nullopt;
        Decimal d;
        if (!Decimal::try_parse(t, d)) throw ParseError("cannot read '" + t + "' as a number", where(column));
        return d.to_double();
    }
    [[nodiscard]] std::int64_t whole(const std::string& column, bool need, std::int64_t fallback = 0) const {
        const std::string t = need ? required(column) : text(column);
        if (t.empty()) return fallback;
        std::int64_t v = 0;
        const auto* end = t.data() + t.size();
        const auto r = std::from_chars(t.data(), end, v);
        if (r.ec != std::errc{} || r.ptr != end) {
            throw ParseError("cannot read '" + t + "' as a whole number", where(column));
        }
        return v;
    }
    [[nodiscard]] bool flag(const std::string& column, bool fallback) const {
        std::string t = text(column);
        std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (t.empty()) return fallback;
        if (t == "1" || t == "true" || t == "yes") return true;
        if (t == "0" || t == "false" || t == "no") return false;
        throw ParseError("cannot read '" + t + "' as true/false", where(column));
    }
    /// Runs `parse` on the column's text, turning its ParseError into one that names the place.
    template <class F>
    auto code(const std::string& column, bool need, F parse) const -> decltype(parse(std::string{})) {
        const std::string t = need ? required(column) : text(column);
        try {
            return parse(t);
        } catch (const Error& e) {
            throw ParseError(e.message(), where(column));
        }
    }
    /// Provenance from the optional source/evidence/note columns; the file and line otherwise.
    [[nodiscard]] Provenance provenance() const {
        Provenance p;
        p.source = text("source");
        if (p.source.empty()) {
            p.source = reader_.file();
            p.line = reader_.line();
        }
        const std::string ev = text("evidence");
        if (ev.empty() || ev == "reported") p.evidence = Evidence::reported;
        else if (ev == "derived") p.evidence = Evidence::derived;
        else if (ev == "illustrative") p.evidence = Evidence::illustrative;
        else throw ParseError("unknown evidence '" + ev + "' (reported, derived, illustrative)", where("evidence"));
        p.note = text("note");
        return p;
    }
    /// `a=1;b=2` pairs of a column.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> pairs(const std::string& column) const {
        std::vector<std::pair<std::string, std::string>> out;
        const std::string t = text(column);
        std::size_t pos = 0;
        while (pos <= t.size() && !t.empty()) {
            const std::size_t semi = std::min(t.find(';', pos), t.size());
            const std::string item = trim(t.substr(pos, semi - pos));
            if (!item.empty()) {
                const std::size_t eq = item.find('=');
                if (eq == std::string::npos || eq == 0) {
                    throw ParseError("expected name=value in '" + item + "'", where(column));
                }
                out.emplace_back(trim(item.substr(0, eq)), trim(item.substr(eq + 1)));
            }
            pos = semi + 1;
        }
        return out;
    }

private:
    const CsvHeader& header_;
    const std::vector<std::string>& fields_;
    const CsvReader& reader_;
};

/// Reads every record of `in`, calling `apply` per row; rule errors get the row's location.
std::size_t each_row(std::istream& in, const std::string& name, const std::function<void(const Row&)>& apply) {
    CsvReader reader(in, name);
    std::vector<std::string> fields;
    if (!reader.next(fields)) return 0;
    const CsvHeader header(fields, reader.where());
    std::size_t rows = 0;
    while (reader.next(fields)) {
        if (fields.size() == 1 && trim(fields[0]).empty()) continue;  // blank line
        const Row row(header, fields, reader);
        try {
            apply(row);
        } catch (const ParseError& e) {
            if (!e.where().empty()) throw;
            throw ParseError(e.message(), reader.where(), e.rule());
        } catch (const Error& e) {
            if (!e.where().empty()) throw;
            throw ValidationError(e.message(), reader.where(), e.rule());
        }
        ++rows;
    }
    return rows;
}

std::size_t read_strategy(ResultsStore& store, std::istream& in, const std::string& name, std::size_t* nodes) {
    std::size_t strategies = 0;
    const std::size_t rows = each_row(in, name, [&](const Row& row) {
        const std::string level = row.required("level");
        if (level == "strategy") {
            Strategy s;
            s.id = row.required("strategy");
            s.name = row.required("title");
            s.period = Period(row.date("start", true), row.date("end", true));
            s.owner = row.text("owner");
            s.provenance = row.provenance();
            store.add_strategy(std::move(s));
            ++strategies;
            return;
        }
        ResultNode n;
        n.level = row.code("level", true, result_level_from_string);
        n.id = row.required("id");
        n.parent = row.text("parent");
        n.title = row.required("title");
        n.weight = row.number("weight", false).value_or(1.0);
        store.add_node(row.required("strategy"), std::move(n));
    });
    if (nodes != nullptr) *nodes = rows - strategies;
    return strategies;
}

std::size_t read_indicators(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const Row& row) {
        Indicator i;
        i.id = row.required("id");
        i.strategy = row.required("strategy");
        i.node = row.required("node");
        i.title = row.required("title");
        const std::string m = row.text("measure");
        i.measure = m.empty() ? IndicatorMeasure::unit : row.code("measure", true, indicator_measure_from_string);
        i.ascending = row.flag("ascending", true);
        i.unit = row.text("unit");
        // Shares average by default; counts add up.
        const bool share = i.measure == IndicatorMeasure::percentage;
        i.time_aggregation = row.text("time_aggregation").empty()
                                 ? (share ? TimeAggregation::average : TimeAggregation::sum)
                                 : row.code("time_aggregation", true, time_aggregation_from_string);
        i.space_aggregation = row.text("space_aggregation").empty()
                                  ? (share ? SpaceAggregation::average : SpaceAggregation::sum)
                                  : row.code("space_aggregation", true, space_aggregation_from_string);
        const Date bd = row.date("baseline_date", false);
        if (!bd.is_special()) i.baseline_date = bd;
        i.baseline_value = row.number("baseline_value", false);
        i.weight = row.number("weight", false).value_or(1.0);
        i.provenance = row.provenance();
        store.add_indicator(std::move(i));
    });
}

std::size_t read_values(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const Row& row) {
        const std::string id = row.required("indicator");
        const Indicator* ind = store.find_indicator(id);
        if (ind == nullptr) throw ValidationError("unknown indicator '" + id + "'", row.where("indicator"));
        IndicatorObservation o;
        o.kind = row.code("kind", true, value_kind_from_string);
        o.period = Period(row.date("start", true), row.date("end", true));
        const bool numeric = ind->measure == IndicatorMeasure::unit || ind->measure == IndicatorMeasure::percentage;
        o.value = row.number("value", numeric);
        o.text = row.text("text");
        for (auto& [k, v] : row.pairs("dimensions")) o.dimensions.push_back({k, v});
        o.provenance = row.provenance();
        store.add_observation(id, std::move(o));
    });
}

std::size_t read_links(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const Row& row) {
        store.add_link({row.required("from"), row.required("to"), row.number("weight", false).value_or(1.0)});
    });
}

std::size_t read_hazards(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const Row& row) {
        HazardArea h;
        h.id = row.required("id");
        h.province = row.required("province");
        h.district = row.text("district");
        h.village = row.text("village");
        h.type = row.code("type", true, hazard_type_from_string);
        h.contamination = row.code("contamination", true, contamination_from_string);
        h.area_m2 = row.whole("area_m2", true);
        h.recorded = row.date("recorded", true);
        h.status = row.text("status");
        h.provenance = row.provenance();
        store.add_hazard(std::move(h));
    });
}

std::size_t read_releases(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const Row& row) {
        LandRelease r;
        r.hazard = row.required("hazard");
        r.date = row.date("date", true);
        r.method = row.code("method", true, release_method_from_string);
        r.area_m2 = row.whole("area_m2", true);
        r.operator_name = row.text("operator");
        r.funding_activity = row.text("funding_activity");
        for (auto& [type, count] : row.pairs("devices")) {
            std::int64_t n = 0;
            const auto* end = count.data() + count.size();
            const auto res = std::from_chars(count.data(), end, n);
            if (res.ec != std::errc{} || res.ptr != end || n < 0) {
                throw ParseError("device count '" + count + "' of " + type + " is not a whole number", row.where("devices"));
            }
            r.devices.push_back({type, n});
        }
        r.provenance = row.provenance();
        store.add_release(std::move(r));
    });
}

std::size_t read_casualties(ResultsStore& store, std::istream& in, const std::string& name) {
    return each_row(in, name, [&](const Row& row) {
        Casualty c;
        c.date = row.date("date", true);
        c.province = row.text("province");
        c.device = row.text("device");
        c.killed = row.whole("killed", true);
        c.injured = row.whole("injured", true);
        c.amputations = row.whole("amputations", false);
        c.sex = row.text("sex");
        c.age_group = row.text("age_group");
        c.provenance = row.provenance();
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
        case ResultsCsvKind::indicators: return read_indicators(store, in, name);
        case ResultsCsvKind::indicator_values: return read_values(store, in, name);
        case ResultsCsvKind::indicator_links: return read_links(store, in, name);
        case ResultsCsvKind::hazards: return read_hazards(store, in, name);
        case ResultsCsvKind::land_release: return read_releases(store, in, name);
        case ResultsCsvKind::casualties: return read_casualties(store, in, name);
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
    open("indicators.csv", [&](std::istream& in, const std::string& n) { counts.indicators = read_indicators(work, in, n); });
    open("indicator_values.csv", [&](std::istream& in, const std::string& n) { counts.indicator_values = read_values(work, in, n); });
    open("indicator_links.csv", [&](std::istream& in, const std::string& n) { counts.links = read_links(work, in, n); });
    open("hazards.csv", [&](std::istream& in, const std::string& n) { counts.hazards = read_hazards(work, in, n); });
    open("land_release.csv", [&](std::istream& in, const std::string& n) { counts.releases = read_releases(work, in, n); });
    open("casualties.csv", [&](std::istream& in, const std::string& n) { counts.casualties = read_casualties(work, in, n); });
    store = std::move(work);
    return counts;
}

}  // namespace aidtrack
