#pragma once
/// \file iati_selection.hpp
/// \brief Which IATI activities to keep while reading: filters and the mine action selection.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/activity.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/model/transaction_table.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief A documented keyword rule: a name and an ECMAScript regular expression matched,
/// case-insensitively, against an activity's titles and descriptions in every language.
struct KeywordRule {
    std::string name;     ///< short id shown as the reason, e.g. "mine-action-keywords"
    std::string pattern;  ///< ECMAScript regex, matched case-insensitively
};

/// \brief Why an activity was kept: the rule that selected it and what matched.
struct SelectionReason {
    std::string rule;    ///< "all", "sector", "activity-id" or "keyword:NAME"
    std::string detail;  ///< the sector code, the identifier, or the matched text
};

/// \brief Filters applied while reading IATI files.
///
/// Two kinds of condition: *scope* filters (recipient countries, reporting organisations,
/// date range) must all hold; *topic* rules (sector codes, named activity identifiers,
/// keyword rules) select an activity when any one of them matches. No condition = keep all.
struct IatiSelection {
    std::set<std::string> recipient_countries;  ///< ISO alpha-2; activity or transaction country
    std::set<std::string> reporting_orgs;       ///< the reporting-org ref attribute
    std::optional<Date> from;                   ///< activity (or a transaction) active on or after
    std::optional<Date> to;                     ///< … and on or before
    std::set<std::string> sectors;              ///< DAC 5-digit or 3-digit codes, activity or transaction
    std::set<std::string> activity_ids;         ///< named iati-identifiers
    std::vector<KeywordRule> keywords;          ///< title/description rules

    /// True when no condition is set.
    [[nodiscard]] bool empty() const noexcept;
    /// True when some topic rule (sector, id, keyword) is set.
    [[nodiscard]] bool has_topic() const noexcept;

    /// The reason `activity` (with its transactions) is selected, or nothing when it is not.
    [[nodiscard]] std::optional<SelectionReason> match(const Activity& activity,
                                                       const std::vector<Transaction>& transactions) const;

    /// The mine action selection: DAC sector 15250 (Removal of land mines and ERW), optionally
    /// 15230 (Participation in international peacekeeping operations, which holds deminers),
    /// the named UNDP Cambodia Clearing for Results III activities, and the keyword rule
    /// kMineActionPattern.
    [[nodiscard]] static IatiSelection mine_action(bool include_peacekeeping = false);
};

/// The mine action keyword rule (see docs/iati-import.md): demining, landmines, mine action,
/// UXO, ERW, explosive remnants of war, mine clearance, mine risk education, and UNDP's
/// "Clearing for Results" programme name.
inline constexpr const char* kMineActionPattern =
    R"(\bdemin|land ?mines?\b|\bmine action\b|\bmine clearance|\bmine risk\b|\bUXOs?\b|\bERW\b|explosive remnants|clearing for results)";

/// One row per activity of `portfolio`, in order: activity_id, title, selected (1 or 0), rule and
/// detail (what matched; empty when not selected): the selection's verdict on records already read,
/// e.g. `classify(p, IatiSelection::mine_action())` to see which activities are mine action.
[[nodiscard]] Table classify(const Portfolio& portfolio, const IatiSelection& selection);

/// Activities that publishers file outside 15250 but that are mine action: UNDP Cambodia's
/// Clearing for Results III project and its output (published under sector 15110).
[[nodiscard]] std::vector<std::string> known_mine_action_activity_ids();

}  // namespace aidtrack
