#pragma once
/// \file strategy.hpp
/// \brief A results framework: a strategy with its tree of goals, objectives, outcomes, outputs.

#include <aidtrack/core/period.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief Level of a node in a results tree; each level's parent is the level above.
enum class ResultLevel : std::uint8_t { goal = 0, objective = 1, outcome = 2, output = 3 };

/// "goal", "objective", "outcome" or "output".
[[nodiscard]] const char* to_string(ResultLevel level) noexcept;
/// Parses a level name; throws ParseError for anything else.
[[nodiscard]] ResultLevel result_level_from_string(const std::string& text);

/// \brief One node of a results tree (a goal, objective, outcome or output).
struct ResultNode {
    std::string id;      ///< unique within its strategy, e.g. "G1.O2"
    std::string parent;  ///< id of the parent node; empty for goals
    ResultLevel level = ResultLevel::goal;
    std::string title;
    double weight = 1.0;  ///< weight among siblings when scores roll up
    friend bool operator==(const ResultNode&, const ResultNode&) = default;
};

/// \brief A strategy or logframe (NMAS 2018–2025, a donor's, a project's) with its results tree.
struct Strategy {
    std::string id;  ///< unique across the store, e.g. "NMAS2018"
    std::string name;
    Period period;
    std::string owner;              ///< owning organisation (e.g. "CMAA" or an IATI organisation ref)
    std::vector<ResultNode> nodes;  ///< parents before children
    Provenance provenance;

    /// The node with `node_id`, or nullptr.
    [[nodiscard]] const ResultNode* find_node(const std::string& node_id) const noexcept;
    /// Adds a node after checking id uniqueness and that its parent exists one level up;
    /// throws ValidationError otherwise.
    void add_node(ResultNode node);
    friend bool operator==(const Strategy&, const Strategy&) = default;
};

}  // namespace aidtrack
