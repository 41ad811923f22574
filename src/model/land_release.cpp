/// \file land_release.cpp
/// \brief The area ledger and remaining contamination.

#include <aidtrack/core/error.hpp>
#include <aidtrack/model/results_store.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace aidtrack {

const char* to_string(ReleaseMethod m) noexcept {
    switch (m) {
        case ReleaseMethod::cancelled:
            return "cancelled";
        case ReleaseMethod::reduced:
            return "reduced";
        case ReleaseMethod::cleared:
            return "cleared";
    }
    return "cleared";
}

ReleaseMethod release_method_from_string(const std::string& text) {
    std::string t = text;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "cancelled" || t == "nts") return ReleaseMethod::cancelled;
    if (t == "reduced" || t == "ts") return ReleaseMethod::reduced;
    if (t == "cleared") return ReleaseMethod::cleared;
    throw ParseError("unknown release method '" + text + "' (cancelled, reduced, cleared)");
}

namespace {

void book(HazardLedger& l, const LandRelease& r) {
    switch (r.method) {
        case ReleaseMethod::cancelled:
            l.cancelled += r.area_m2;
            break;
        case ReleaseMethod::reduced:
            l.reduced += r.area_m2;
            break;
        case ReleaseMethod::cleared:
            l.cleared += r.area_m2;
            break;
    }
    l.remaining -= r.area_m2;
}

HazardLedger ledger_of(const ResultsStore& store, const HazardArea& h, const std::optional<Date>& as_of) {
    HazardLedger l;
    if (as_of && h.recorded > *as_of) return l;
    l.recorded = h.area_m2;
    l.remaining = h.area_m2;
    for (const auto& r : store.releases()) {
        if (r.hazard == h.id && (!as_of || r.date <= *as_of)) book(l, r);
    }
    return l;
}

std::string key_text(const HazardArea& h, ContaminationKey k) {
    switch (k) {
        case ContaminationKey::contamination:
            return to_string(h.contamination);
        case ContaminationKey::province:
            return h.province;
        case ContaminationKey::hazard_type:
            return to_string(h.type);
        case ContaminationKey::hazard:
            return h.id;
    }
    return {};
}

const char* key_name(ContaminationKey k) {
    switch (k) {
        case ContaminationKey::contamination:
            return "contamination";
        case ContaminationKey::province:
            return "province";
        case ContaminationKey::hazard_type:
            return "hazard_type";
        case ContaminationKey::hazard:
            return "hazard";
    }
    return "key";
}

}  // namespace

HazardLedger hazard_ledger(const ResultsStore& store, const std::string& hazard_id, const std::optional<Date>& as_of) {
    const HazardArea* h = store.find_hazard(hazard_id);
    if (h == nullptr) throw NotFoundError("no hazard '" + hazard_id + "'");
    return ledger_of(store, *h, as_of);
}

Table remaining_contamination(const ResultsStore& store, const Date& as_of, const std::vector<ContaminationKey>& by) {
    struct Sum {
        std::int64_t hazards = 0;
        HazardLedger l;
    };
    std::map<std::vector<std::string>, Sum> groups;
    for (const auto& h : store.hazards()) {
        if (h.recorded > as_of) continue;
        std::vector<std::string> key;
        key.reserve(by.size());
        for (auto k : by) key.push_back(key_text(h, k));
        const HazardLedger l = ledger_of(store, h, as_of);
        auto& s = groups[key];
        s.hazards += 1;
        s.l.recorded += l.recorded;
        s.l.cancelled += l.cancelled;
        s.l.reduced += l.reduced;
        s.l.cleared += l.cleared;
        s.l.remaining += l.remaining;
    }
    Table t("Remaining contamination on " + to_iso(as_of));
    t.set_methodology("imas07.11-ledger");
    for (auto k : by) t.add_column<std::string>(key_name(k));
    t.add_column<std::int64_t>("hazards", "hazardous areas recorded on or before the date");
    t.add_column<std::int64_t>("recorded_m2", "area recorded");
    t.add_column<std::int64_t>("cancelled_m2", "cancelled by non-technical survey");
    t.add_column<std::int64_t>("reduced_m2", "reduced by technical survey");
    t.add_column<std::int64_t>("cleared_m2", "cleared");
    t.add_column<std::int64_t>("remaining_m2", "recorded - cancelled - reduced - cleared");
    const std::size_t n = by.size();
    for (const auto& [key, s] : groups) {
        for (std::size_t i = 0; i < n; ++i) t.push<std::string>(i, key[i]);
        t.push<std::int64_t>(n, s.hazards);
        t.push<std::int64_t>(n + 1, s.l.recorded);
        t.push<std::int64_t>(n + 2, s.l.cancelled);
        t.push<std::int64_t>(n + 3, s.l.reduced);
        t.push<std::int64_t>(n + 4, s.l.cleared);
        t.push<std::int64_t>(n + 5, s.l.remaining);
    }
    t.add_note(
        "Ledger per hazard (IMAS 07.11): recorded = cancelled + reduced + cleared + remaining; releases dated "
        "after the date and hazards recorded after it are left out.");
    return t;
}

Table releases_by_year(const ResultsStore& store) {
    struct Sum {
        std::int64_t releases = 0;
        std::int64_t area = 0;
        std::int64_t devices = 0;
    };
    std::map<std::pair<int, int>, Sum> groups;
    for (const auto& r : store.releases()) {
        auto& s = groups[{static_cast<int>(r.date.year()), static_cast<int>(r.method)}];
        s.releases += 1;
        s.area += r.area_m2;
        for (const auto& d : r.devices) s.devices += d.count;
    }
    Table t("Land released per year and method");
    t.set_methodology("imas07.11");
    t.add_column<std::int64_t>("year");
    t.add_column<std::string>("method", "cancelled (NTS), reduced (TS) or cleared");
    t.add_column<std::int64_t>("releases", "release events");
    t.add_column<std::int64_t>("area_m2", "area released");
    t.add_column<std::int64_t>("devices", "devices found and destroyed");
    for (const auto& [key, s] : groups) {
        t.push<std::int64_t>(0, key.first);
        t.push<std::string>(1, to_string(static_cast<ReleaseMethod>(key.second)));
        t.push<std::int64_t>(2, s.releases);
        t.push<std::int64_t>(3, s.area);
        t.push<std::int64_t>(4, s.devices);
    }
    return t;
}

}  // namespace aidtrack
