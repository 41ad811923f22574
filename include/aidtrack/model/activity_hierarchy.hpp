#pragma once
/// \file activity_hierarchy.hpp
/// \brief Parent/child activity trees and counting each kind of money at one level only.
///
/// Links: `related-activity` type 1 (the activity's parent) and type 2 (a child). A child with
/// several parents keeps the first link met (in activity order) and a warning names the
/// others; a link to an activity that is not in the Portfolio (dangling) is a warning; a link
/// that would close a cycle is cut with a warning, so walking the tree never loops.
///
/// Aggregation (HierarchyRule::lowest, the default): a record of a kind of money (budgets,
/// commitments = transaction type 2, disbursements = transaction types 3 and 4) is counted
/// at an activity only when no activity below it in its tree reports that kind; so a
/// programme's budget is left out when its projects publish budgets, and a branch whose
/// projects publish nothing keeps the programme's figure. HierarchyRule::highest is the
/// mirror (counted only when no activity above reports the kind); HierarchyRule::all counts
/// every level (the published sums, double counting included).

#include <aidtrack/core/table.hpp>
#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief The kinds of money counted at one level each.
enum class MoneyKind { budgets, commitments, disbursements };

/// "budgets", "commitments" or "disbursements".
[[nodiscard]] std::string to_string(MoneyKind kind);

/// \brief Which level of a tree counts a kind of money.
enum class HierarchyRule {
    lowest,   ///< default: the lowest level that reports it, per branch
    highest,  ///< the highest level that reports it, per branch
    all,      ///< every level (the published figures; double counts)
};

/// \brief The forest of activities of a Portfolio, built from related-activity links.
class ActivityHierarchy {
public:
    /// Builds the trees; problems (dangling links, several parents, cycles) become warnings.
    explicit ActivityHierarchy(const Portfolio& portfolio);

    /// Parent of activity `index`, if it has one in the Portfolio.
    [[nodiscard]] std::optional<std::uint32_t> parent(std::uint32_t index) const { return parent_.at(index); }
    /// Children of activity `index`, in activity order.
    [[nodiscard]] const std::vector<std::uint32_t>& children(std::uint32_t index) const { return children_.at(index); }
    /// Root of the tree holding `index`.
    [[nodiscard]] std::uint32_t root(std::uint32_t index) const { return root_.at(index); }
    /// Level of `index` in its tree: 1 for a root, 2 for its children, …
    [[nodiscard]] int level(std::uint32_t index) const { return level_.at(index); }
    /// Warnings met while building (rule hierarchy-dangling, hierarchy-parents, hierarchy-cycle).
    [[nodiscard]] const Diagnostics& diagnostics() const noexcept { return diagnostics_; }

    /// For each activity, 1 when its records of `kind` are counted under `rule`.
    [[nodiscard]] std::vector<std::uint8_t> counted(MoneyKind kind, HierarchyRule rule = HierarchyRule::lowest) const;

    /// Per tree (root activity) and kind: root, kind, levels_reporting (levels whose
    /// activities publish the kind, e.g. "1,2"), levels_counted, activities, records_counted,
    /// records_left_out, currency, value_counted, value_left_out (exact sums; one row per
    /// currency met in the tree, trees without the kind are left out).
    [[nodiscard]] Table levels(HierarchyRule rule = HierarchyRule::lowest) const;

private:
    const Portfolio* portfolio_;
    std::vector<std::optional<std::uint32_t>> parent_;
    std::vector<std::vector<std::uint32_t>> children_;
    std::vector<std::uint32_t> root_;
    std::vector<int> level_;
    Diagnostics diagnostics_;
    std::vector<std::uint8_t> reports(MoneyKind kind) const;
};

}  // namespace aidtrack
