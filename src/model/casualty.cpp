/// \file casualty.cpp
/// \brief Yearly casualty aggregates.

#include <aidtrack/model/results_store.hpp>

#include <map>

namespace aidtrack {
namespace {
const std::string& key_text(const Casualty& c, CasualtyKey k) {
    switch (k) {
        case CasualtyKey::province:
            return c.province;
        case CasualtyKey::device:
            return c.device;
        case CasualtyKey::sex:
            return c.sex;
        case CasualtyKey::age_group:
            return c.age_group;
    }
    return c.province;
}
const char* key_name(CasualtyKey k) {
    switch (k) {
        case CasualtyKey::province:
            return "province";
        case CasualtyKey::device:
            return "device";
        case CasualtyKey::sex:
            return "sex";
        case CasualtyKey::age_group:
            return "age_group";
    }
    return "key";
}
}  // namespace

Table casualties_by_year(const ResultsStore& store, const std::vector<CasualtyKey>& by) {
    struct Sum {
        std::int64_t records = 0, killed = 0, injured = 0, amputations = 0;
    };
    std::map<std::pair<int, std::vector<std::string>>, Sum> groups;
    for (const auto& c : store.casualties()) {
        std::vector<std::string> key;
        for (auto k : by) key.push_back(key_text(c, k));
        auto& s = groups[{static_cast<int>(c.date.year()), key}];
        s.records += 1;
        s.killed += c.killed;
        s.injured += c.injured;
        s.amputations += c.amputations;
    }
    Table t("Mine/ERW casualties per year");
    t.set_methodology("cmvis-aggregate");
    t.add_column<std::int64_t>("year");
    for (auto k : by) t.add_column<std::string>(key_name(k));
    const std::size_t n = by.size() + 1;
    t.add_column<std::int64_t>("records", "records aggregated");
    t.add_column<std::int64_t>("killed");
    t.add_column<std::int64_t>("injured", "injured, amputations included");
    t.add_column<std::int64_t>("amputations");
    t.add_column<std::int64_t>("casualties", "killed + injured");
    for (const auto& [key, s] : groups) {
        t.push<std::int64_t>(0, key.first);
        for (std::size_t i = 0; i < by.size(); ++i) t.push<std::string>(i + 1, key.second[i]);
        t.push<std::int64_t>(n, s.records);
        t.push<std::int64_t>(n + 1, s.killed);
        t.push<std::int64_t>(n + 2, s.injured);
        t.push<std::int64_t>(n + 3, s.amputations);
        t.push<std::int64_t>(n + 4, s.killed + s.injured);
    }
    t.add_note("Only aggregates: individual records are available through casualty_rows().");
    return t;
}

Table casualty_rows(const ResultsStore& store) {
    Table t("Mine/ERW casualty records");
    t.set_methodology("cmvis");
    t.add_column<Date>("date");
    t.add_column<std::string>("province");
    t.add_column<std::string>("device");
    t.add_column<std::int64_t>("killed");
    t.add_column<std::int64_t>("injured");
    t.add_column<std::int64_t>("amputations");
    t.add_column<std::string>("sex");
    t.add_column<std::string>("age_group");
    t.add_column<std::string>("source");
    t.add_column<std::string>("evidence");
    for (const auto& c : store.casualties()) {
        t.push<Date>(0, c.date);
        t.push<std::string>(1, c.province);
        t.push<std::string>(2, c.device);
        t.push<std::int64_t>(3, c.killed);
        t.push<std::int64_t>(4, c.injured);
        t.push<std::int64_t>(5, c.amputations);
        t.push<std::string>(6, c.sex);
        t.push<std::string>(7, c.age_group);
        t.push<std::string>(8, c.provenance.source);
        t.push<std::string>(9, to_string(c.provenance.evidence));
    }
    return t;
}

}  // namespace aidtrack
