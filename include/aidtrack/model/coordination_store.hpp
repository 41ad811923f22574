#pragma once
/// \file coordination_store.hpp
/// \brief Coordination and cooperation records of a Portfolio.

namespace aidtrack {

/// \brief Forums, agreements, joint work, exchanges, deployments, procurement and community
/// planning records kept by a Portfolio.
struct CoordinationStore {
    friend bool operator==(const CoordinationStore&, const CoordinationStore&) = default;
};

}  // namespace aidtrack
