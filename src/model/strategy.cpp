/// \file strategy.cpp
/// \brief Results tree levels and node checks.

#include <aidtrack/core/error.hpp>
#include <aidtrack/model/strategy.hpp>

#include <algorithm>
#include <cctype>

namespace aidtrack {

const char* to_string(ResultLevel level) noexcept {
    switch (level) {
        case ResultLevel::goal:
            return "goal";
        case ResultLevel::objective:
            return "objective";
        case ResultLevel::outcome:
            return "outcome";
        case ResultLevel::output:
            return "output";
    }
    return "goal";
}

ResultLevel result_level_from_string(const std::string& text) {
    std::string t = text;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "goal") return ResultLevel::goal;
    if (t == "objective") return ResultLevel::objective;
    if (t == "outcome") return ResultLevel::outcome;
    if (t == "output") return ResultLevel::output;
    throw ParseError("unknown result level '" + text + "' (goal, objective, outcome, output)");
}

const ResultNode* Strategy::find_node(const std::string& node_id) const noexcept {
    for (const auto& n : nodes) {
        if (n.id == node_id) return &n;
    }
    return nullptr;
}

void Strategy::add_node(ResultNode node) {
    AIDTRACK_REQUIRE(!node.id.empty(), "strategy '" + id + "': a node needs an id");
    AIDTRACK_REQUIRE(find_node(node.id) == nullptr, "strategy '" + id + "': duplicate node '" + node.id + "'");
    AIDTRACK_REQUIRE(node.weight >= 0, "strategy '" + id + "': node '" + node.id + "' has a negative weight");
    if (node.level == ResultLevel::goal) {
        AIDTRACK_REQUIRE(node.parent.empty(), "strategy '" + id + "': goal '" + node.id + "' cannot have a parent");
    } else {
        const ResultNode* parent = find_node(node.parent);
        AIDTRACK_REQUIRE(parent != nullptr,
                         "strategy '" + id + "': node '" + node.id + "' has unknown parent '" + node.parent + "'");
        // The tree is strictly layered so that roll-ups climb one level at a time.
        AIDTRACK_REQUIRE(static_cast<int>(parent->level) + 1 == static_cast<int>(node.level),
                         "strategy '" + id + "': " + to_string(node.level) + " '" + node.id + "' must sit under a " +
                             to_string(static_cast<ResultLevel>(static_cast<int>(node.level) - 1)) + ", not a " +
                             to_string(parent->level));
    }
    nodes.push_back(std::move(node));
}

}  // namespace aidtrack
