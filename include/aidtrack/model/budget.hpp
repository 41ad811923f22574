#pragma once
/// \file budget.hpp
/// \brief Activity budgets and planned disbursements.

#include <aidtrack/core/money.hpp>
#include <aidtrack/core/period.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace aidtrack {

/// \brief IATI BudgetType codes, used by budgets and planned disbursements.
enum class BudgetType : std::uint8_t {
    original = 1,  ///< the original budget or schedule (the default when absent)
    revised = 2,   ///< a revision, which replaces the original for the same period
};

/// \brief The IATI code of a budget type (revised → 2).
[[nodiscard]] constexpr int code_of(BudgetType type) noexcept { return static_cast<int>(type); }

/// \brief An activity budget for one period (IATI `budget` element); type 1 original, 2 revised.
struct Budget {
    std::uint32_t activity = 0;  ///< index of the activity in its Portfolio
    int type = 1;                ///< BudgetType: 1 original (the default when absent), 2 revised
    int status = 1;              ///< BudgetStatus: 1 indicative, 2 committed
    Period period;
    Money value;
    std::optional<Date> value_date;
    std::uint32_t line = 0;  ///< line in the activity's source file
    friend bool operator==(const Budget&, const Budget&) = default;
};

/// \brief A scheduled disbursement for one period (IATI `planned-disbursement` element).
struct PlannedDisbursement {
    std::uint32_t activity = 0;
    int type = 1;  ///< BudgetType: 1 original, 2 revised
    Period period;
    Money value;
    std::optional<Date> value_date;
    std::string provider_org;
    std::string provider_activity;
    std::string receiver_org;
    std::string receiver_activity;
    std::uint32_t line = 0;
    friend bool operator==(const PlannedDisbursement&, const PlannedDisbursement&) = default;
};

}  // namespace aidtrack
