/// \file activity_hierarchy.cpp
/// \brief Activity trees from related-activity links; one level per kind of money.

#include <aidtrack/model/activity_hierarchy.hpp>

#include <map>
#include <set>

namespace aidtrack {

std::string to_string(MoneyKind kind) {
    switch (kind) {
        case MoneyKind::budgets:
            return "budgets";
        case MoneyKind::commitments:
            return "commitments";
        case MoneyKind::disbursements:
            return "disbursements";
    }
    return "budgets";
}

namespace {

bool of_kind(int type, MoneyKind kind) {
    using enum TransactionType;
    if (kind == MoneyKind::commitments) return is_type(type, outgoing_commitment);
    if (kind == MoneyKind::disbursements) return is_any_type(type, {disbursement, expenditure});
    return false;
}

}  // namespace

ActivityHierarchy::ActivityHierarchy(const Portfolio& p)
    : portfolio_(&p),
      parent_(p.activity_count()),
      children_(p.activity_count()),
      root_(p.activity_count()),
      level_(p.activity_count(), 1) {
    const std::size_t n = p.activity_count();
    auto warn = [&](std::uint32_t at, const std::string& rule, const std::string& message) {
        const Activity& a = p.activity(at);
        diagnostics_.push_back({Severity::warning,
                                "ValidationError",
                                rule,
                                message,
                                {a.provenance.source, a.provenance.line, "related-activity"}});
    };
    auto link = [&](std::uint32_t child, std::uint32_t parent, std::uint32_t stated_by) {
        if (child == parent) {
            warn(stated_by, "hierarchy-cycle",
                 "activity '" + p.activity(child).identifier + "' names itself as parent or child; link ignored");
            return;
        }
        if (parent_[child]) {
            if (*parent_[child] != parent) {
                warn(stated_by, "hierarchy-parents",
                     "activity '" + p.activity(child).identifier + "' has parents '" +
                         p.activity(*parent_[child]).identifier + "' and '" + p.activity(parent).identifier +
                         "'; the first is kept");
            }
            return;
        }
        // A parent chain that reaches `child` would close a cycle: cut this link instead.
        for (std::optional<std::uint32_t> up = parent; up; up = parent_[*up]) {
            if (*up == child) {
                warn(stated_by, "hierarchy-cycle",
                     "linking '" + p.activity(child).identifier + "' under '" + p.activity(parent).identifier +
                         "' would close a cycle; link ignored");
                return;
            }
        }
        parent_[child] = parent;
    };
    for (std::uint32_t i = 0; i < n; ++i) {
        const Activity& a = p.activity(i);
        for (const auto& r : a.related_activities) {
            if (r.type != 1 && r.type != 2) continue;
            const auto other = p.find_activity(r.ref);
            if (!other) {
                warn(i, "hierarchy-dangling",
                     "related-activity type " + std::to_string(r.type) + " '" + r.ref + "' of '" + a.identifier +
                         "' is not in the portfolio; link ignored");
                continue;
            }
            if (r.type == 1) {
                link(i, *other, i);
            } else {
                link(*other, i, i);
            }
        }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        if (parent_[i]) children_[*parent_[i]].push_back(i);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        std::uint32_t top = i;
        int depth = 1;
        while (parent_[top]) {
            top = *parent_[top];
            ++depth;
        }
        root_[i] = top;
        level_[i] = depth;
    }
}

std::vector<std::uint8_t> ActivityHierarchy::reports(MoneyKind kind) const {
    std::vector<std::uint8_t> out(parent_.size(), 0);
    if (kind == MoneyKind::budgets) {
        for (const auto& b : portfolio_->budgets()) out[b.activity] = 1;
    } else {
        const TransactionTable& t = portfolio_->transactions();
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (of_kind(t.type[i], kind)) out[t.activity[i]] = 1;
        }
    }
    return out;
}

std::vector<std::uint8_t> ActivityHierarchy::counted(MoneyKind kind, HierarchyRule rule) const {
    const std::size_t n = parent_.size();
    auto own = reports(kind);
    if (rule == HierarchyRule::all) return own;
    std::vector<std::uint8_t> out(n, 0);
    if (rule == HierarchyRule::highest) {
        for (std::uint32_t i = 0; i < n; ++i) {
            if (own[i] == 0) continue;
            bool above = false;
            for (auto up = parent_[i]; up && !above; up = parent_[*up]) above = own[*up] != 0;
            out[i] = above ? 0 : 1;
        }
        return out;
    }
    // lowest: whether any descendant reports the kind, by walking every reporting activity up.
    std::vector<std::uint8_t> below(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (own[i] == 0) continue;
        for (auto up = parent_[i]; up && below[*up] == 0; up = parent_[*up]) below[*up] = 1;
    }
    for (std::uint32_t i = 0; i < n; ++i) out[i] = own[i] != 0 && below[i] == 0 ? 1 : 0;
    return out;
}

Table ActivityHierarchy::levels(HierarchyRule rule) const {
    Table t("Activity trees: the level counted per kind of money");
    t.set_methodology(rule == HierarchyRule::lowest    ? "hierarchy-lowest"
                      : rule == HierarchyRule::highest ? "hierarchy-highest"
                                                       : "hierarchy-all");
    t.add_column<std::string>("root", "identifier of the tree's top activity");
    t.add_column<std::string>("kind", "budgets, commitments (type 2) or disbursements (types 3, 4)");
    t.add_column<std::string>("levels_reporting", "levels (1 = top) whose activities publish this kind");
    t.add_column<std::string>("levels_counted", "levels whose records are counted");
    t.add_column<std::int64_t>("activities", "activities in the tree");
    t.add_column<std::string>("currency");
    t.add_column<std::int64_t>("records_counted");
    t.add_column<std::int64_t>("records_left_out");
    t.add_column<Decimal>("value_counted", "exact sum of the counted records");
    t.add_column<Decimal>("value_left_out", "exact sum of the records left out to avoid double counting");
    const Portfolio& p = *portfolio_;
    std::vector<std::int64_t> tree_size(parent_.size(), 0);
    for (std::uint32_t i = 0; i < parent_.size(); ++i) ++tree_size[root_[i]];
    for (const MoneyKind kind : {MoneyKind::budgets, MoneyKind::commitments, MoneyKind::disbursements}) {
        const auto own = reports(kind);
        const auto count = counted(kind, rule);
        struct Cell {
            std::int64_t counted = 0, left_out = 0;
            Decimal value_counted, value_left_out;
        };
        std::map<std::uint32_t, std::pair<std::set<int>, std::set<int>>> levels;  // root -> (reporting, counted)
        std::map<std::pair<std::uint32_t, std::string>, Cell> cells;
        auto add = [&](std::uint32_t a, const Money& m) {
            Cell& c = cells[{root_[a], m.currency().str()}];
            levels[root_[a]].first.insert(level_[a]);
            if (count[a] != 0) {
                levels[root_[a]].second.insert(level_[a]);
                ++c.counted;
                c.value_counted += m.amount();
            } else {
                ++c.left_out;
                c.value_left_out += m.amount();
            }
        };
        if (kind == MoneyKind::budgets) {
            for (const auto& b : p.budgets()) add(b.activity, b.value);
        } else {
            const TransactionTable& tx = p.transactions();
            for (std::size_t i = 0; i < tx.size(); ++i) {
                if (of_kind(tx.type[i], kind)) add(tx.activity[i], tx.value_of(i));
            }
        }
        auto join = [](const std::set<int>& s) {
            std::string out;
            for (int l : s) {
                if (!out.empty()) out += ',';
                out += std::to_string(l);
            }
            return out;
        };
        for (const auto& [key, c] : cells) {
            t.push(0, p.activity(key.first).identifier);
            t.push(1, to_string(kind));
            t.push(2, join(levels[key.first].first));
            t.push(3, join(levels[key.first].second));
            t.push(4, tree_size[key.first]);
            t.push(5, key.second);
            t.push(6, c.counted);
            t.push(7, c.left_out);
            t.push(8, c.value_counted);
            t.push(9, c.value_left_out);
        }
        (void)own;
    }
    for (const auto& d : diagnostics_) t.add_note(d.to_string());
    return t;
}

}  // namespace aidtrack
