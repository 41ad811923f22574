#pragma once
/// \file results_store.hpp
/// \brief Results-based management records of a Portfolio: strategies and mine action data.

namespace aidtrack {

/// \brief Strategies, indicators and mine action records (hazards, land release, casualties)
/// kept by a Portfolio; filled in by the results layer.
struct ResultsStore {
    friend bool operator==(const ResultsStore&, const ResultsStore&) = default;
};

}  // namespace aidtrack
