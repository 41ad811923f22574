#pragma once
/// \file mutual_accountability.hpp
/// \brief Mutual accountability (GPEDC indicator 7, Paris indicator 12) from agreements and
/// their monitoring matrix.

#include <aidtrack/core/table.hpp>
#include <aidtrack/model/coordination_store.hpp>

#include <string>

namespace aidtrack {

/// \brief Which mutual accountability criteria are met in a year (see docs/coordination.md).
struct MutualAccountability {
    int year = 0;
    bool framework = false;          ///< 1. a partnership framework signed by government and partners
    bool targets = false;            ///< 2. targets for the government and for partners
    bool joint_assessment = false;   ///< 3. a joint assessment in the year or the year before
    bool non_executive = false;      ///< 4. non-executive stakeholders involved in it
    bool public_results = false;     ///< 5. its results made public
    std::string framework_evidence;  ///< refs of the records that met each criterion
    std::string targets_evidence;
    std::string assessment_evidence;
    std::string non_executive_evidence;
    std::string public_evidence;
    /// Criteria met out of five.
    [[nodiscard]] int criteria_met() const noexcept {
        return int{framework} + int{targets} + int{joint_assessment} + int{non_executive} + int{public_results};
    }
    /// GPEDC 7: at least four of the five criteria.
    [[nodiscard]] bool gpedc7() const noexcept { return criteria_met() >= 4; }
    /// Paris 12: a framework and a joint (mutual) assessment review in place.
    [[nodiscard]] bool paris12() const noexcept { return framework && joint_assessment; }
};

/// Assesses the criteria for `year` over every agreement in the store.
[[nodiscard]] MutualAccountability assess_mutual_accountability(const CoordinationStore& store, int year);

/// The assessment as a table: one row per criterion then rows "gpedc7" and "paris12".
/// Columns: criterion, description, met (0/1), evidence.
[[nodiscard]] Table mutual_accountability(const CoordinationStore& store, int year);

}  // namespace aidtrack
