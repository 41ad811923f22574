/// \file first_screen.cpp
/// \brief The report's first screen: a few plain sentences a secretariat can read out, each
/// computed from the sections' own figures and each with its source.

#include "sections.hpp"

#include <algorithm>

namespace aidtrack::report::detail {
namespace {

const Table* table_of(const Report& report, const std::string& section, const std::string& title_start) {
    const Section* s = report.find(section);
    if (s == nullptr || !s->available) return nullptr;
    for (const auto& t : s->tables) {
        if (t.title().rfind(title_start, 0) == 0) return &t;
    }
    return nullptr;
}

// The value of row `name` of a two-column (input, value) table.
std::optional<double> input_value(const Table& t, const std::string& name) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::string>(r, "input") == name && t.defined(r, "value")) return t.at<double>(r, "value");
    }
    return std::nullopt;
}

std::string published_source(const Context& c, int year, const std::string& fallback) {
    if (!c.o.published_totals) return fallback;
    const Table& t = *c.o.published_totals;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::int64_t>(r, "year") == year && t.at<std::int64_t>(r, "preferred") == 1)
            return t.at<std::string>(r, "source");
    }
    return fallback;
}

std::string names_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

// The latest year's support and its largest donor.
void latest_support(Context& c, const Report& report, std::vector<Finding>& out) {
    const CurrencyCode& cur = c.o.currency;
    const std::string series_source = "the published series " + c.o.international_series;
    const auto& international = c.international();
    const auto& by_donor = c.international_by_donor();
    if (!international.empty()) {
        const auto& [y, total] = *international.rbegin();
        std::string sentence = "In " + std::to_string(y) + " Cambodia received " + millions(total, cur) +
                               " of international support for mine action";
        const auto donors = by_donor.find(y);
        const Table* years = table_of(report, "funding", "Support to mine action by year");
        std::optional<std::int64_t> count;
        if (years != nullptr) {
            for (std::size_t r = 0; r < years->row_count(); ++r) {
                if (years->at<std::int64_t>(r, "year") == y && years->defined(r, "donors"))
                    count = years->at<std::int64_t>(r, "donors");
            }
        }
        if (count) sentence += " from " + std::to_string(*count) + " donors";
        if (donors != by_donor.end()) {
            std::string largest;
            Decimal most;
            for (const auto& [ref, v] : donors->second) {
                if (!ref.empty() && v > most) most = v, largest = ref;
            }
            if (!largest.empty())
                sentence += "; " + c.org_short(largest) + " gave " + percent(most.to_double() / total.to_double()) +
                            " (" + millions(most, cur) + ")";
        }
        out.push_back({sentence + ".",
                       "Landmine Monitor, 'Support for mine action': " + published_source(c, y, series_source),
                       "funding"});
    }
}

// Without a published series: what the activities in scope disbursed or spent.
void project_flows(Context& c, const Report& report, std::vector<Finding>& out) {
    const CurrencyCode& cur = c.o.currency;
    if (c.international().empty()) {
        if (const Table* flows = table_of(report, "funding", "Project flows by provider and year"); flows != nullptr) {
            std::map<std::string, Decimal> by_provider;
            Decimal total;
            int first = 0;
            int last = 0;
            for (std::size_t r = 0; r < flows->row_count(); ++r) {
                const Decimal v = flows->at<Decimal>(r, "disbursed_or_spent");
                if (v == Decimal(0)) continue;
                const int y = static_cast<int>(flows->at<std::int64_t>(r, "year"));
                first = first == 0 ? y : std::min(first, y);
                last = std::max(last, y);
                by_provider[flows->at<std::string>(r, "provider")] += v;
                total += v;
            }
            if (total > Decimal(0)) {
                std::string largest;
                Decimal most;
                for (const auto& [name, v] : by_provider) {
                    if (v > most) most = v, largest = name;
                }
                out.push_back(
                    {"The " + std::to_string(c.projects().activity_count()) + " " +
                         (c.o.scope.empty() ? std::string("activities read") : c.o.scope + " activities in scope") +
                         " disbursed or spent " + millions(total, cur) + " in " + year_span(first, last) + ", " +
                         percent(most.to_double() / total.to_double()) + " of it recorded with " + largest +
                         " as provider (a publisher is the provider of its own spending).",
                     "project flows of the IATI activities (types 3 and 4), section Funding", "funding"});
            }
        }
    }
}

// The government's own contribution.
void national_contribution(Context& c, const Report& /*report*/, std::vector<Finding>& out) {
    const CurrencyCode& cur = c.o.currency;
    const auto& national = c.national();
    const auto& pledged = c.national_pledged();
    if (!national.empty()) {
        const auto& [y, v] = *national.rbegin();
        std::string sentence =
            "The Royal Government contributed " + millions(v, cur) + " of its own in " + std::to_string(y);
        if (!pledged.empty()) {
            sentence += " and pledged " + millions(pledged.begin()->second, cur) + " a year for " +
                        year_span(pledged.begin()->first, pledged.rbegin()->first);
        }
        out.push_back(
            {sentence + ".",
             "Landmine Monitor, 'Support for mine action' (national contribution as the government reported it)",
             "funding"});
    }
}

// Harmonization over the years with donor tables.
void donor_concentration(Context& /*c*/, const Report& report, std::vector<Finding>& out) {
    if (const Table* h = table_of(report, "harmonization", "Donors per year"); h != nullptr && h->row_count() > 1) {
        const std::size_t last = h->row_count() - 1;
        const double first_hhi = h->at<double>(0, "hhi");
        const double last_hhi = h->at<double>(last, "hhi");
        const auto fy = h->at<std::int64_t>(0, "year");
        const auto ly = h->at<std::int64_t>(last, "year");
        out.push_back({"Across the " + std::to_string(h->row_count()) + " years with donor tables (" +
                           year_span(static_cast<int>(fy), static_cast<int>(ly)) + "), donors went from " +
                           std::to_string(h->at<std::int64_t>(0, "donors")) + " to " +
                           std::to_string(h->at<std::int64_t>(last, "donors")) + " and concentration (HHI) from " +
                           fixed(first_hhi, 2) + " to " + fixed(last_hhi, 2) + ": support is " +
                           (last_hhi > first_hhi ? "more" : "less") + " dependent on its largest donors.",
                       "computed from the Landmine Monitor donor tables (section Harmonization)", "harmonization"});
    }
}

// Contamination left.
void contamination_left(Context& c, const Report& report, std::vector<Finding>& out) {
    if (const Table* r = table_of(report, "land-release", "Remaining contamination");
        r != nullptr && r->row_count() > 0) {
        std::int64_t total = 0;
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < r->row_count(); ++i) {
            const auto m2 = r->at<std::int64_t>(i, "remaining_m2");
            total += m2;
            parts.push_back(km2(static_cast<double>(m2), 0) + " " + r->text(i, 0));
        }
        out.push_back({km2(static_cast<double>(total)) + " remained to be released at the end of " +
                           std::to_string(c.year) + " (" + names_list(parts) + ").",
                       "hazard ledgers built from the 2019 Article 5 extension request and the March 2025 national "
                       "figures (see provenance)",
                       "land-release"});
    }
}

// The forecast and the money needed.
void forecast_and_cost(Context& c, const Report& report, std::vector<Finding>& out) {
    const CurrencyCode& cur = c.o.currency;
    if (const Table* f = table_of(report, "forecast", "Forecast inputs"); f != nullptr) {
        const auto rate = input_value(*f, "release_rate_m2_per_year");
        const auto needed_rate = input_value(*f, "release_needed_m2_per_year");
        const auto cost = input_value(*f, "cost_per_m2_" + cur.str());
        const auto money = input_value(*f, "money_needed_" + cur.str());
        const auto p10 = input_value(*f, "money_needed_p10_" + cur.str());
        const auto p90 = input_value(*f, "money_needed_p90_" + cur.str());
        const Section* s = report.find("forecast");
        const auto done = input_value(*f, "completion_year");
        if (rate && needed_rate && *rate > 0) {
            out.push_back({"At the recent rate of " + km2(*rate) + " a year the work would be " +
                               (done ? "done in " + std::to_string(static_cast<int>(*done))
                                     : std::string("not done within the horizon")) +
                               "; finishing by " + std::to_string(c.o.horizon) + " needs " + km2(*needed_rate) +
                               " a year (" + fixed(*needed_rate / *rate, 1) + " times the recent rate).",
                           "forecast section: remaining contamination and the release rate (" +
                               f->at<std::string>(1, "from") + ")",
                           "forecast"});
        }
        if (money && cost && p10 && p90) {
            std::string sentence = "Releasing all that is left would cost about " + millions(*money, cur, 0) +
                                   " (P10–P90 " + millions(*p10, cur, 0) + "–" + millions(*p90, cur, 0) + ") at " +
                                   cur.str() + " " + fixed(*cost, 2) + " per m², what the sector spent per m² released";
            if (s != nullptr) {
                for (const auto& line : s->summary) {
                    if (line.rfind("Cambodia's own estimates: ", 0) == 0)
                        sentence += "; " + line.substr(0, line.size() - 1);
                }
            }
            out.push_back(
                {sentence + ".", "forecast section: cost per m² from " + f->at<std::string>(2, "from"), "forecast"});
        }
    }
}

// Casualties.
void casualties(Context& /*c*/, const Report& report, std::vector<Finding>& out) {
    if (const Table* k = table_of(report, "land-release", "Mine and ERW casualties");
        k != nullptr && k->row_count() > 0) {
        const std::size_t last = k->row_count() - 1;
        std::string sentence = "Mines and explosive remnants of war killed or injured " +
                               std::to_string(k->at<std::int64_t>(last, "casualties")) + " people in " +
                               std::to_string(k->at<std::int64_t>(last, "year")) + " (" +
                               std::to_string(k->at<std::int64_t>(last, "killed")) + " killed)";
        if (last > 0) {
            sentence += ", against " + std::to_string(k->at<std::int64_t>(0, "casualties")) + " in " +
                        std::to_string(k->at<std::int64_t>(0, "year"));
        }
        out.push_back({sentence + ".",
                       "casualty records (CMVIS figures via the Landmine Monitor and CMAA; see the casualties table)",
                       "land-release"});
    }
}

// Scope.
void scope(Context& c, const Report& report, std::vector<Finding>& out) {
    if (c.o.out_of_scope && c.o.out_of_scope->row_count() > 0 && !report.provenance.empty()) {
        for (const auto& line : report.provenance) {
            if (line.find("are outside ") != std::string::npos) {
                out.push_back(
                    {"Only " + (c.o.scope.empty() ? std::string("the scope") : c.o.scope) +
                         " is counted: " + line.substr(0, line.find(": not counted")) + " and left out of every table.",
                     "IATI reader selection (DAC sector 15250, named activities, mine action keywords)", "provenance"});
                break;
            }
        }
    }
}

}  // namespace

std::vector<Finding> first_screen(Context& c, const Report& report) {
    std::vector<Finding> out;
    for (const auto add : {latest_support, project_flows, national_contribution, donor_concentration,
                           contamination_left, forecast_and_cost, casualties, scope}) {
        add(c, report, out);
    }
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Finding& f) { return f.sentence.empty() || f.sentence == "."; }),
              out.end());
    return out;
}

}  // namespace aidtrack::report::detail
