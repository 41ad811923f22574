#pragma once
/// \file coordination_store.hpp
/// \brief Coordination and cooperation records of a Portfolio.

#include <aidtrack/model/agreement.hpp>
#include <aidtrack/model/community_planning.hpp>
#include <aidtrack/model/deployment.hpp>
#include <aidtrack/model/exchange_visit.hpp>
#include <aidtrack/model/forum.hpp>
#include <aidtrack/model/joint_work.hpp>
#include <aidtrack/model/procurement.hpp>
#include <aidtrack/model/training.hpp>

#include <string>
#include <vector>

namespace aidtrack {

/// \brief Forums, agreements, joint work, exchanges, deployments, procurement and community
/// planning records kept by a Portfolio.
struct CoordinationStore {
    std::vector<Forum> forums;
    std::vector<Agreement> agreements;
    std::vector<JointWork> joint_work;  ///< missions and analytic studies (Paris 10a/10b inputs)
    std::vector<ExchangeVisit> exchange_visits;
    std::vector<Training> trainings;
    std::vector<Deployment> deployments;
    std::vector<Tender> tenders;
    std::vector<MapuRequest> mapu_requests;

    /// The forum called `ref`, or nullptr.
    [[nodiscard]] const Forum* find_forum(const std::string& ref) const noexcept;
    [[nodiscard]] Forum* find_forum(const std::string& ref) noexcept;
    /// The agreement called `ref`, or nullptr.
    [[nodiscard]] const Agreement* find_agreement(const std::string& ref) const noexcept;
    [[nodiscard]] Agreement* find_agreement(const std::string& ref) noexcept;
    /// The tender called `ref`, or nullptr.
    [[nodiscard]] const Tender* find_tender(const std::string& ref) const noexcept;
    [[nodiscard]] Tender* find_tender(const std::string& ref) noexcept;
    /// Missions and analytic studies, for the measures layer (Paris 10a/10b).
    [[nodiscard]] const std::vector<JointWork>& missions_and_studies() const noexcept { return joint_work; }
    /// Whether nothing is recorded.
    [[nodiscard]] bool empty() const noexcept;

    friend bool operator==(const CoordinationStore&, const CoordinationStore&) = default;
};

}  // namespace aidtrack
