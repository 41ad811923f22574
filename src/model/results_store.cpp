/// \file results_store.cpp
/// \brief Checked insertion into the ResultsStore (ids, references, area ledger).

#include <aidtrack/core/error.hpp>
#include <aidtrack/model/results_store.hpp>

#include <cmath>

namespace aidtrack {

void ResultsStore::add_strategy(Strategy strategy) {
    AIDTRACK_REQUIRE(!strategy.id.empty(), "a strategy needs an id");
    AIDTRACK_REQUIRE(find_strategy(strategy.id) == nullptr, "duplicate strategy '" + strategy.id + "'");
    // Re-add the nodes one by one so that the tree rules hold whatever the caller built.
    Strategy checked = strategy;
    checked.nodes.clear();
    for (auto& n : strategy.nodes) checked.add_node(std::move(n));
    strategies_.push_back(std::move(checked));
}

void ResultsStore::add_node(const std::string& strategy_id, ResultNode node) {
    for (auto& s : strategies_) {
        if (s.id == strategy_id) {
            s.add_node(std::move(node));
            return;
        }
    }
    throw ValidationError("no strategy '" + strategy_id + "' for node '" + node.id + "'");
}

void ResultsStore::add_indicator(Indicator indicator) {
    indicator.validate();
    AIDTRACK_REQUIRE(find_indicator(indicator.id) == nullptr, "duplicate indicator '" + indicator.id + "'");
    const Strategy* s = find_strategy(indicator.strategy);
    AIDTRACK_REQUIRE(s != nullptr, "indicator '" + indicator.id + "': no strategy '" + indicator.strategy + "'");
    AIDTRACK_REQUIRE(
        s->find_node(indicator.node) != nullptr,
        "indicator '" + indicator.id + "': strategy '" + indicator.strategy + "' has no node '" + indicator.node + "'");
    indicators_.push_back(std::move(indicator));
}

void ResultsStore::add_observation(const std::string& indicator_id, IndicatorObservation observation) {
    for (auto& i : indicators_) {
        if (i.id == indicator_id) {
            Indicator copy = i;
            copy.values.push_back(std::move(observation));
            copy.validate();
            i = std::move(copy);
            return;
        }
    }
    throw ValidationError("no indicator '" + indicator_id + "'");
}

void ResultsStore::add_link(IndicatorLink link) {
    const Indicator* from = find_indicator(link.from);
    const Indicator* to = find_indicator(link.to);
    AIDTRACK_REQUIRE(from != nullptr, "link: no indicator '" + link.from + "'");
    AIDTRACK_REQUIRE(to != nullptr, "link: no indicator '" + link.to + "'");
    AIDTRACK_REQUIRE(from->strategy != to->strategy, "link " + link.from + " -> " + link.to +
                                                         ": both indicators belong to strategy '" + to->strategy + "'");
    AIDTRACK_REQUIRE(std::isfinite(link.weight), "link " + link.from + " -> " + link.to + ": weight must be finite");
    links_.push_back(std::move(link));
}

void ResultsStore::add_hazard(HazardArea hazard) {
    AIDTRACK_REQUIRE(!hazard.id.empty(), "a hazard needs an id");
    AIDTRACK_REQUIRE(find_hazard(hazard.id) == nullptr, "duplicate hazard '" + hazard.id + "'");
    AIDTRACK_REQUIRE(hazard.area_m2 >= 0, "hazard '" + hazard.id + "': negative area");
    AIDTRACK_REQUIRE(!hazard.recorded.is_special(), "hazard '" + hazard.id + "': needs a recording date");
    hazards_.push_back(std::move(hazard));
}

void ResultsStore::add_release(LandRelease release) {
    const HazardArea* h = find_hazard(release.hazard);
    const std::string when = release.date.is_special() ? std::string("(no date)") : to_iso(release.date);
    AIDTRACK_REQUIRE(h != nullptr, "release on " + when + ": no hazard '" + release.hazard + "'");
    AIDTRACK_REQUIRE(!release.date.is_special(), "release on hazard '" + release.hazard + "' needs a date");
    AIDTRACK_REQUIRE(release.area_m2 > 0,
                     "release on hazard '" + release.hazard + "' on " + when + ": area must be > 0");
    AIDTRACK_REQUIRE(release.date >= h->recorded, "release on hazard '" + release.hazard + "' on " + when +
                                                      " predates its recording on " + to_iso(h->recorded));
    // Every release booked so far counts, whatever its date: the invariant is on the hazard's
    // whole history, so an out-of-order entry cannot overdraw it either.
    const HazardLedger l = hazard_ledger(*this, release.hazard);
    if (release.area_m2 > l.remaining) {
        throw ValidationError("release of " + std::to_string(release.area_m2) + " m2 on hazard '" + release.hazard +
                                  "' on " + when + " exceeds its remaining " + std::to_string(l.remaining) + " m2",
                              {}, "release-within-remaining");
    }
    releases_.push_back(std::move(release));
}

void ResultsStore::add_casualty(Casualty casualty) {
    const std::string when = casualty.date.is_special() ? std::string("(no date)") : to_iso(casualty.date);
    AIDTRACK_REQUIRE(!casualty.date.is_special(), "a casualty record needs a date");
    AIDTRACK_REQUIRE(casualty.killed >= 0 && casualty.injured >= 0 && casualty.amputations >= 0,
                     "casualty record of " + when + ": negative count");
    AIDTRACK_REQUIRE(casualty.amputations <= casualty.injured,
                     "casualty record of " + when + ": amputations are counted within injured");
    casualties_.push_back(std::move(casualty));
}

const Strategy* ResultsStore::find_strategy(const std::string& id) const noexcept {
    for (const auto& s : strategies_) {
        if (s.id == id) return &s;
    }
    return nullptr;
}
const Indicator* ResultsStore::find_indicator(const std::string& id) const noexcept {
    for (const auto& i : indicators_) {
        if (i.id == id) return &i;
    }
    return nullptr;
}
const HazardArea* ResultsStore::find_hazard(const std::string& id) const noexcept {
    for (const auto& h : hazards_) {
        if (h.id == id) return &h;
    }
    return nullptr;
}

bool ResultsStore::empty() const noexcept {
    return strategies_.empty() && indicators_.empty() && links_.empty() && hazards_.empty() && releases_.empty() &&
           casualties_.empty();
}

void ResultsStore::check() const {
    // Rebuilding through the checked path applies every rule in order.
    ResultsStore copy;
    for (const auto& s : strategies_) copy.add_strategy(s);
    for (const auto& i : indicators_) copy.add_indicator(i);
    for (const auto& l : links_) copy.add_link(l);
    for (const auto& h : hazards_) copy.add_hazard(h);
    for (const auto& r : releases_) copy.add_release(r);
    for (const auto& c : casualties_) copy.add_casualty(c);
}

}  // namespace aidtrack
