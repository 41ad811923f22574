#pragma once
/// \file overlap.hpp
/// \brief Overlap: activities of different donors in the same province and objective at the
/// same time.
///
/// A pair of activities (a, b) overlaps when their donors differ (the publishers, or under
/// DonorDefinition::provider_org the activities' first funding organisation), both are mapped
/// to the same province and the same objective, and their periods (actual, else planned start
/// and end) share at least one day. One row per pair × province × objective with the shared
/// days; with MeasureOptions::years only pairs whose shared period touches one of those
/// government fiscal years. Activities without start or end are left out (noted).
/// Methodology `overlap`. Source: TWG-MA coordination practice (the Partnership Principles'
/// harmonization commitment); the test is this library's, stated here.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <vector>

namespace aidtrack::measures {

/// \brief Overlapping activity pairs.
[[nodiscard]] Table overlap(const Portfolio& portfolio, const MeasureOptions& options,
                            const std::vector<ActivityShare>& objectives, const std::vector<ActivityShare>& provinces);

}  // namespace aidtrack::measures
