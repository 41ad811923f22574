#pragma once
/// \file portfolio_subset.hpp
/// \brief A Portfolio restricted to some of its activities.

#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <functional>

namespace aidtrack {

/// A copy of `from` holding only the activities for which `keep(index)` is true, with their
/// transactions, budgets and planned disbursements, in their original order. Organisations,
/// results and coordination records and diagnostics, which belong to no single activity, are
/// copied whole. Used to take published aggregates out of project money, or to keep one scope.
[[nodiscard]] Portfolio subset(const Portfolio& from, const std::function<bool(std::uint32_t activity)>& keep);

}  // namespace aidtrack
