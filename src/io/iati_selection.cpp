/// \file iati_selection.cpp
/// \brief Matching activities against reading filters and topic rules.

#include <aidtrack/io/iati_selection.hpp>

#include <map>
#include <regex>

namespace aidtrack {
namespace {

bool dac_vocabulary(const std::string& vocabulary) {
    return vocabulary.empty() || vocabulary == "1" || vocabulary == "2";
}

// A 3-digit filter code matches every 5-digit code of its category.
bool sector_matches(const std::set<std::string>& wanted, const std::string& code) {
    if (wanted.count(code) != 0) return true;
    return code.size() == 5 && wanted.count(code.substr(0, 3)) != 0;
}

bool in_range(const std::optional<Date>& from, const std::optional<Date>& to, const std::optional<Date>& start,
              const std::optional<Date>& end) {
    // Unknown ends are open: an activity with only a start is active from then on.
    if (from && end && *end < *from) return false;
    if (to && start && *start > *to) return false;
    return true;
}

}  // namespace

bool IatiSelection::empty() const noexcept {
    return recipient_countries.empty() && reporting_orgs.empty() && !from && !to && !has_topic();
}

bool IatiSelection::has_topic() const noexcept {
    return !sectors.empty() || !activity_ids.empty() || !keywords.empty();
}

std::optional<SelectionReason> IatiSelection::match(const Activity& activity,
                                                    const std::vector<Transaction>& transactions) const {
    if (!reporting_orgs.empty() && reporting_orgs.count(activity.reporting_org.ref) == 0) return std::nullopt;
    if (!recipient_countries.empty()) {
        bool hit = false;
        for (const auto& c : activity.recipient_countries) hit = hit || recipient_countries.count(c.code) != 0;
        for (const auto& t : transactions) hit = hit || recipient_countries.count(t.recipient_country) != 0;
        if (!hit) return std::nullopt;
    }
    if (from || to) {
        bool hit = false;
        const bool dated = activity.start() || activity.end();
        if (dated) hit = in_range(from, to, activity.start(), activity.end());
        for (const auto& t : transactions) {
            if (hit) break;
            if (!t.date.is_special()) hit = in_range(from, to, t.date, t.date);
        }
        if (!dated && transactions.empty()) hit = true;  // nothing dated: the range cannot exclude it
        if (!hit) return std::nullopt;
    }
    if (!has_topic()) return SelectionReason{"all", {}};

    if (activity_ids.count(activity.identifier) != 0) return SelectionReason{"activity-id", activity.identifier};
    if (!sectors.empty()) {
        for (const auto& s : activity.sectors) {
            if (dac_vocabulary(s.vocabulary) && sector_matches(sectors, s.code))
                return SelectionReason{"sector", s.code};
        }
        for (const auto& t : transactions) {
            if (dac_vocabulary(t.sector_vocabulary) && !t.sector_code.empty() &&
                sector_matches(sectors, t.sector_code)) {
                return SelectionReason{"sector", t.sector_code + " (transaction)"};
            }
        }
    }
    for (const auto& rule : keywords) {
        // Compiling a regex costs far more than matching one title: compile each pattern once.
        thread_local std::map<std::string, std::regex> compiled;
        auto it = compiled.find(rule.pattern);
        if (it == compiled.end()) {
            it = compiled.emplace(rule.pattern, std::regex(rule.pattern, std::regex::ECMAScript | std::regex::icase))
                     .first;
        }
        const std::regex& re = it->second;
        for (const Narratives* texts : {&activity.title, &activity.description}) {
            for (const auto& n : *texts) {
                std::smatch m;
                if (std::regex_search(n.text, m, re)) return SelectionReason{"keyword:" + rule.name, m.str()};
            }
        }
    }
    return std::nullopt;
}

Table classify(const Portfolio& portfolio, const IatiSelection& selection) {
    Table t("IATI activities classified by the selection");
    t.add_column<std::string>("activity_id", "iati-identifier");
    t.add_column<std::string>("title");
    t.add_column<std::int64_t>("selected", "1 when the selection keeps the activity");
    t.add_column<std::string>("rule", "the rule that selected it");
    t.add_column<std::string>("detail", "what matched: sector code, identifier or text");
    for (std::uint32_t a = 0; a < portfolio.activity_count(); ++a) {
        std::vector<Transaction> rows;
        for (const auto row : portfolio.transactions_of(a)) rows.push_back(portfolio.transactions().row(row));
        const Activity& activity = portfolio.activity(a);
        const auto reason = selection.match(activity, rows);
        t.push<std::string>(0, activity.identifier);
        t.push<std::string>(1, text_of(activity.title));
        t.push<std::int64_t>(2, reason ? 1 : 0);
        t.push<std::string>(3, reason ? reason->rule : std::string());
        t.push<std::string>(4, reason ? reason->detail : std::string());
    }
    return t;
}

std::vector<std::string> known_mine_action_activity_ids() {
    return {"XM-DAC-41114-PROJECT-00090541", "XM-DAC-41114-OUTPUT-00096246"};
}

IatiSelection IatiSelection::mine_action(bool include_peacekeeping) {
    IatiSelection s;
    s.sectors.insert("15250");
    if (include_peacekeeping) s.sectors.insert("15230");
    for (auto& id : known_mine_action_activity_ids()) s.activity_ids.insert(std::move(id));
    s.keywords.push_back({"mine-action", kMineActionPattern});
    return s;
}

}  // namespace aidtrack
