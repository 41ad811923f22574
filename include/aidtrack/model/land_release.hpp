#pragma once
/// \file land_release.hpp
/// \brief Land release events (IMAS 07.11) and the area ledger of each hazardous area.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

struct ResultsStore;

/// \brief How land was released: cancelled by non-technical survey, reduced by technical
/// survey, or cleared.
enum class ReleaseMethod : std::uint8_t { cancelled = 0, reduced = 1, cleared = 2 };

/// "cancelled", "reduced" or "cleared".
[[nodiscard]] const char* to_string(ReleaseMethod m) noexcept;
/// Parses the names above (also "NTS" → cancelled, "TS" → reduced); ParseError otherwise.
[[nodiscard]] ReleaseMethod release_method_from_string(const std::string& text);

/// \brief Devices of one type found and destroyed during a release.
struct DeviceCount {
    std::string type;  ///< "AP", "AT", "CM", "UXO" …
    std::int64_t count = 0;
    friend bool operator==(const DeviceCount&, const DeviceCount&) = default;
};

/// \brief One land release event on a hazardous area.
struct LandRelease {
    std::string hazard;  ///< hazard id
    Date date;
    ReleaseMethod method = ReleaseMethod::cleared;
    std::int64_t area_m2 = 0;      ///< area released, > 0
    std::string operator_name;     ///< operator ("CMAC", "HALO" …)
    std::string funding_activity;  ///< IATI identifier of the activity that paid for it
    std::vector<DeviceCount> devices;
    Provenance provenance;
    friend bool operator==(const LandRelease&, const LandRelease&) = default;
};

/// \brief The area ledger of one hazard: recorded = cancelled + reduced + cleared + remaining.
struct HazardLedger {
    std::int64_t recorded = 0;
    std::int64_t cancelled = 0;
    std::int64_t reduced = 0;
    std::int64_t cleared = 0;
    std::int64_t remaining = 0;
};

/// The ledger of hazard `hazard_id` counting releases dated on or before `as_of` (all when
/// absent); a hazard recorded after `as_of` has a zero ledger. Throws NotFoundError.
[[nodiscard]] HazardLedger hazard_ledger(const ResultsStore& store, const std::string& hazard_id,
                                         const std::optional<Date>& as_of = std::nullopt);

/// \brief What remaining_contamination() groups by.
enum class ContaminationKey : std::uint8_t { contamination, province, hazard_type, hazard };

/// Remaining contaminated area on `as_of`, grouped by `by` (empty = one total row).
/// Columns: the keys, `hazards`, `recorded_m2`, `cancelled_m2`, `reduced_m2`, `cleared_m2`,
/// `remaining_m2` (int64).
[[nodiscard]] Table remaining_contamination(const ResultsStore& store, const Date& as_of,
                                            const std::vector<ContaminationKey>& by = {});

/// Area released per calendar year and method. Columns: `year`, `method`, `releases`,
/// `area_m2`, `devices`.
[[nodiscard]] Table releases_by_year(const ResultsStore& store);

}  // namespace aidtrack
