/// \file coordination_queries.cpp
/// \brief Queries over coordination records.

#include <aidtrack/measures/coordination_queries.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace aidtrack {

namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ";") + p;
    return out;
}

Date meeting_date(const Forum& forum, const ActionPoint& a) {
    const Meeting* m = forum.find_meeting(a.meeting);
    return m != nullptr ? m->date : Date();
}

Table joint_share(const CoordinationStore& store, JointWorkKind kind, const std::string& indicator) {
    const auto& records = store.missions_and_studies();
    std::set<std::string> donors{"*"};
    std::set<int> years;
    for (const auto& r : records) {
        if (r.kind != kind) continue;
        donors.insert(r.lead);
        donors.insert(r.participants.begin(), r.participants.end());
        years.insert(r.start.year());
    }
    const char* what = kind == JointWorkKind::mission ? "missions" : "analytic studies";
    Table t(indicator + ": share of " + what + " that are joint");
    t.set_methodology(indicator);
    t.add_column<std::string>("donor", "org ref that led or took part; * = every record once");
    t.add_column<std::int64_t>("year", "calendar year the work started");
    t.add_column<std::int64_t>("numerator", std::string("joint ") + what);
    t.add_column<std::int64_t>("denominator", std::string("all ") + what);
    t.add_column<double>("value", "numerator / denominator");
    t.add_column<std::int64_t>("records", "records counted");
    for (const auto& donor : donors) {
        for (const int year : years) {
            const JointWorkCount c = count_joint_work(records, kind, donor, year);
            t.push<std::string>(0, donor);
            t.push<std::int64_t>(1, year);
            t.push<std::int64_t>(2, c.joint);
            t.push<std::int64_t>(3, c.total);
            if (c.total == 0) {
                t.push_undefined(4);
            } else {
                t.push<double>(4, static_cast<double>(c.joint) / static_cast<double>(c.total));
            }
            t.push<std::int64_t>(5, c.total);
        }
    }
    t.add_note("A record is joint when flagged so, or (flag left empty) when others took part besides the lead.");
    t.add_note("A donor's records are those it led or took part in; a zero denominator leaves the value undefined.");
    return t;
}

}  // namespace

Table open_action_points(const CoordinationStore& store, const Date& as_of, const std::string& forum) {
    Table t("Open action points as of " + to_iso(as_of));
    t.add_column<std::string>("forum");
    t.add_column<std::string>("action");
    t.add_column<std::string>("meeting");
    t.add_column<std::string>("owner");
    t.add_column<std::string>("text");
    t.add_column<Date>("due");
    t.add_column<std::int64_t>("overdue", "1 when due before the as-of date");
    t.add_column<std::int64_t>("days_overdue", "as-of date minus due date, in days");
    for (const auto& f : store.forums) {
        if (!forum.empty() && f.ref != forum) continue;
        std::vector<const ActionPoint*> rows;
        for (const auto& a : f.action_points) {
            const Date agreed = meeting_date(f, a);
            if (!agreed.is_special() && as_of < agreed) continue;  // not yet agreed on that day
            if (!a.open_on(as_of)) continue;
            rows.push_back(&a);
        }
        std::stable_sort(rows.begin(), rows.end(), [](const ActionPoint* x, const ActionPoint* y) {
            return std::tie(x->due, x->ref) < std::tie(y->due, y->ref);
        });
        for (const ActionPoint* a : rows) {
            const bool overdue = a->due < as_of;
            t.push<std::string>(0, f.ref);
            t.push<std::string>(1, a->ref);
            t.push<std::string>(2, a->meeting);
            t.push<std::string>(3, a->owner);
            t.push<std::string>(4, a->text);
            t.push<Date>(5, a->due);
            t.push<std::int64_t>(6, overdue ? 1 : 0);
            t.push<std::int64_t>(7, overdue ? (as_of - a->due).days() : 0);
        }
    }
    t.add_note("Open on a day: agreed at a meeting on or before it and not closed or cancelled on or before it.");
    return t;
}

Table attendance_rates(const CoordinationStore& store, const std::string& forum) {
    const Forum* f = store.find_forum(forum);
    if (f == nullptr) throw NotFoundError("no forum '" + forum + "'");
    Table t("Attendance per member of " + f->ref);
    t.add_column<std::string>("org_ref");
    t.add_column<std::string>("org_name");
    t.add_column<std::string>("role");
    t.add_column<std::string>("constituency");
    t.add_column<std::int64_t>("held", "meetings held while a member");
    t.add_column<std::int64_t>("attended", "of those, meetings attended");
    t.add_column<double>("rate", "attended / held");
    for (const auto& m : f->members) {
        std::int64_t held = 0;
        std::int64_t attended = 0;
        for (const auto& meeting : f->meetings) {
            if (!m.member_on(meeting.date)) continue;
            ++held;
            if (std::find(meeting.attendees.begin(), meeting.attendees.end(), m.org_ref) != meeting.attendees.end()) {
                ++attended;
            }
        }
        t.push<std::string>(0, m.org_ref);
        t.push<std::string>(1, m.org_name);
        t.push<std::string>(2, to_string(m.role));
        t.push<std::string>(3, to_string(m.constituency));
        t.push<std::int64_t>(4, held);
        t.push<std::int64_t>(5, attended);
        if (held == 0) {
            t.push_undefined(6);
        } else {
            t.push<double>(6, static_cast<double>(attended) / static_cast<double>(held));
        }
    }
    return t;
}

Table topics_over_time(const CoordinationStore& store, const std::string& forum) {
    std::map<std::pair<int, int>, std::pair<std::int64_t, std::int64_t>> counts;  // (year, topic) → (items, meetings)
    for (const auto& f : store.forums) {
        if (!forum.empty() && f.ref != forum) continue;
        for (const auto& m : f.meetings) {
            std::set<int> topics_here;
            for (const auto& item : m.agenda) {
                const int topic = static_cast<int>(item.topic);
                ++counts[{m.date.year(), topic}].first;
                topics_here.insert(topic);
            }
            for (const int topic : topics_here) ++counts[{m.date.year(), topic}].second;
        }
    }
    Table t("Agenda topics over time");
    t.add_column<std::int64_t>("year");
    t.add_column<std::string>("topic");
    t.add_column<std::int64_t>("items", "agenda items on the topic");
    t.add_column<std::int64_t>("meetings", "meetings with at least one item on the topic");
    for (const auto& [key, value] : counts) {
        t.push<std::int64_t>(0, key.first);
        t.push<std::string>(1, to_string(static_cast<AgendaTopic>(key.second)));
        t.push<std::int64_t>(2, value.first);
        t.push<std::int64_t>(3, value.second);
    }
    return t;
}

Table joint_missions_share(const CoordinationStore& store) {
    return joint_share(store, JointWorkKind::mission, "paris_10a");
}
Table joint_analytic_share(const CoordinationStore& store) {
    return joint_share(store, JointWorkKind::analytic, "paris_10b");
}

Table cumulative_personnel(const CoordinationStore& store, int since_year) {
    struct Sum {
        std::int64_t rotations = 0;
        std::int64_t by_role[4] = {0, 0, 0, 0};
        Date first;
        Date last;
        bool ongoing = false;
    };
    std::map<std::pair<std::string, std::string>, Sum> sums;
    for (const auto& d : store.deployments) {
        // A rotation counts once, when any part of it lies in or after since_year.
        if (d.rotation_end && d.rotation_end->year() < since_year) continue;
        Sum& s = sums[{d.mission, d.host_country}];
        ++s.rotations;
        for (const auto& p : d.personnel) s.by_role[static_cast<int>(p.role)] += p.personnel;
        if (s.first.is_special() || d.rotation_start < s.first) s.first = d.rotation_start;
        if (!d.rotation_end) {
            s.ongoing = true;
        } else if (s.last.is_special() || s.last < *d.rotation_end) {
            s.last = *d.rotation_end;
        }
    }
    Table t("Peacekeeping personnel deployed since " + std::to_string(since_year));
    t.add_column<std::string>("mission");
    t.add_column<std::string>("host_country");
    t.add_column<std::int64_t>("rotations");
    t.add_column<std::int64_t>("personnel", "all roles; each rotation counted once");
    t.add_column<std::int64_t>("military_observers");
    t.add_column<std::int64_t>("staff_officers");
    t.add_column<std::int64_t>("deminer_unit");
    t.add_column<std::int64_t>("other");
    t.add_column<Date>("first_start");
    t.add_column<Date>("last_end", "undefined while a rotation is ongoing");
    for (const auto& [key, s] : sums) {
        t.push<std::string>(0, key.first);
        t.push<std::string>(1, key.second);
        t.push<std::int64_t>(2, s.rotations);
        t.push<std::int64_t>(3, s.by_role[0] + s.by_role[1] + s.by_role[2] + s.by_role[3]);
        for (std::size_t r = 0; r < 4; ++r) t.push<std::int64_t>(4 + r, s.by_role[r]);
        t.push<Date>(8, s.first);
        if (s.ongoing || s.last.is_special()) {
            t.push_undefined(9);
        } else {
            t.push<Date>(9, s.last);
        }
    }
    t.add_note("Rotations ending before " + std::to_string(since_year) +
               " are left out; a rotation spanning several years is counted once.");
    return t;
}

Table learning_graph(const CoordinationStore& store) {
    struct Edge {
        std::int64_t records = 0;
        int first = 0;
        int last = 0;
        std::vector<std::string> refs;
    };
    using Key = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;
    std::map<Key, Edge> edges;
    auto add = [&](const OrgInCountry& from, const OrgInCountry& to, const std::vector<std::string>& topics,
                   const char* kind, int year, const std::string& ref) {
        const std::vector<std::string> all = topics.empty() ? std::vector<std::string>{""} : topics;
        for (const auto& topic : all) {
            Edge& e = edges[Key{from.org, from.country, to.org, to.country, topic, kind}];
            ++e.records;
            e.first = e.records == 1 ? year : std::min(e.first, year);
            e.last = std::max(e.last, year);
            if (std::find(e.refs.begin(), e.refs.end(), ref) == e.refs.end()) e.refs.push_back(ref);
        }
    };
    for (const auto& v : store.exchange_visits) {
        for (const auto& visitor : v.visitors) add(v.host, visitor, v.topics, "visit", v.year, v.ref);
    }
    for (const auto& tr : store.trainings) {
        for (const auto& r : tr.recipients) add(tr.provider, r, tr.topics, "training", tr.year, tr.ref);
    }
    Table t("Who learned what from whom");
    t.add_column<std::string>("from_org", "teacher: visit host or training provider");
    t.add_column<std::string>("from_country");
    t.add_column<std::string>("to_org", "learner: visitor or training recipient");
    t.add_column<std::string>("to_country");
    t.add_column<std::string>("topic");
    t.add_column<std::string>("kind", "visit or training");
    t.add_column<std::int64_t>("records");
    t.add_column<std::int64_t>("first_year");
    t.add_column<std::int64_t>("last_year");
    t.add_column<std::string>("refs");
    for (const auto& [key, e] : edges) {
        t.push<std::string>(0, std::get<0>(key));
        t.push<std::string>(1, std::get<1>(key));
        t.push<std::string>(2, std::get<2>(key));
        t.push<std::string>(3, std::get<3>(key));
        t.push<std::string>(4, std::get<4>(key));
        t.push<std::string>(5, std::get<5>(key));
        t.push<std::int64_t>(6, e.records);
        t.push<std::int64_t>(7, e.first);
        t.push<std::int64_t>(8, e.last);
        t.push<std::string>(9, join(e.refs));
    }
    return t;
}

Table contract_performance(const CoordinationStore& store) {
    Table t("Contract performance");
    t.add_column<std::string>("tender");
    t.add_column<std::string>("lot");
    t.add_column<std::string>("contract");
    t.add_column<std::string>("operator");
    t.add_column<std::string>("currency");
    t.add_column<Decimal>("contracted_m2");
    t.add_column<Decimal>("released_m2");
    t.add_column<double>("release_rate", "released_m2 / contracted_m2");
    t.add_column<Decimal>("value");
    t.add_column<double>("cost_per_m2_contracted", "value / contracted_m2");
    t.add_column<double>("cost_per_m2_released", "spent (else value) / released_m2");
    auto ratio = [&](std::size_t col, Decimal num, Decimal den) {
        if (den.is_zero()) {
            t.push_undefined(col);
        } else {
            t.push<double>(
                col, static_cast<double>(static_cast<long double>(num.raw()) / static_cast<long double>(den.raw())));
        }
    };
    for (const auto& tender : store.tenders) {
        for (const auto& c : tender.contracts) {
            t.push<std::string>(0, tender.ref);
            t.push<std::string>(1, c.lot);
            t.push<std::string>(2, c.ref);
            t.push<std::string>(3, c.operator_ref);
            t.push<std::string>(4, c.value.currency().str());
            t.push<Decimal>(5, c.contracted_m2);
            t.push<Decimal>(6, c.released_m2);
            ratio(7, c.released_m2, c.contracted_m2);
            t.push<Decimal>(8, c.value.amount());
            ratio(9, c.value.amount(), c.contracted_m2);
            const Money spent = c.spent ? *c.spent : c.value;
            ratio(10, spent.amount(), c.released_m2);
        }
    }
    t.add_note("Land-release records are not joined here: released_m2 is as reported on the contract.");
    return t;
}

}  // namespace aidtrack
