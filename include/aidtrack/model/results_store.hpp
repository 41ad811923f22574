#pragma once
/// \file results_store.hpp
/// \brief Results-based management records of a Portfolio: strategies and mine action data.

#include <aidtrack/model/casualty.hpp>
#include <aidtrack/model/hazard_area.hpp>
#include <aidtrack/model/indicator.hpp>
#include <aidtrack/model/land_release.hpp>
#include <aidtrack/model/strategy.hpp>

#include <string>
#include <vector>

namespace aidtrack {

struct ResultsStoreAccess;

/// \brief Strategies, indicators and mine action records (hazards, land release, casualties)
/// kept by a Portfolio; filled in by the results layer.
///
/// Records enter through the add_* functions, which keep the store's rules: unique ids,
/// references to existing strategies/nodes/indicators/hazards, and the area ledger of every
/// hazard (a release never exceeds what remains). Lookups are linear scans: the store holds
/// thousands of records, not millions.
struct ResultsStore {
    /// Adds a strategy (nodes included); throws ValidationError on a duplicate id.
    void add_strategy(Strategy strategy);
    /// Adds a node to strategy `strategy_id` (see Strategy::add_node).
    void add_node(const std::string& strategy_id, ResultNode node);
    /// Adds an indicator of an existing strategy node; validates it (Indicator::validate).
    void add_indicator(Indicator indicator);
    /// Adds a target or actual to indicator `indicator_id`.
    void add_observation(const std::string& indicator_id, IndicatorObservation observation);
    /// Links two existing indicators of different strategies; weight must be finite.
    void add_link(IndicatorLink link);
    /// Adds a hazardous area (unique id, area ≥ 0).
    void add_hazard(HazardArea hazard);
    /// Adds a release after checking the ledger as of its date: the area must be > 0, the hazard
    /// recorded on or before the date, and the area at most what remains of the hazard after
    /// every release recorded so far. Throws ValidationError naming the hazard and the date.
    void add_release(LandRelease release);
    /// Adds a casualty record (counts ≥ 0, amputations ≤ injured).
    void add_casualty(Casualty casualty);

    [[nodiscard]] const std::vector<Strategy>& strategies() const noexcept { return strategies_; }
    [[nodiscard]] const std::vector<Indicator>& indicators() const noexcept { return indicators_; }
    [[nodiscard]] const std::vector<IndicatorLink>& links() const noexcept { return links_; }
    [[nodiscard]] const std::vector<HazardArea>& hazards() const noexcept { return hazards_; }
    [[nodiscard]] const std::vector<LandRelease>& releases() const noexcept { return releases_; }
    [[nodiscard]] const std::vector<Casualty>& casualties() const noexcept { return casualties_; }

    /// The strategy with `id`, or nullptr.
    [[nodiscard]] const Strategy* find_strategy(const std::string& id) const noexcept;
    /// The indicator with `id`, or nullptr.
    [[nodiscard]] const Indicator* find_indicator(const std::string& id) const noexcept;
    /// The hazard with `id`, or nullptr.
    [[nodiscard]] const HazardArea* find_hazard(const std::string& id) const noexcept;
    /// Whether nothing is stored.
    [[nodiscard]] bool empty() const noexcept;
    /// Checks every rule on the whole store (after loading an archive); throws ValidationError.
    void check() const;

    friend bool operator==(const ResultsStore&, const ResultsStore&) = default;

private:
    friend struct ResultsStoreAccess;
    std::vector<Strategy> strategies_;
    std::vector<Indicator> indicators_;
    std::vector<IndicatorLink> links_;
    std::vector<HazardArea> hazards_;
    std::vector<LandRelease> releases_;
    std::vector<Casualty> casualties_;
};

}  // namespace aidtrack
