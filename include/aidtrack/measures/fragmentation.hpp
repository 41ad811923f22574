#pragma once
/// \file fragmentation.hpp
/// \brief Fragmentation: donors per objective/province with the Herfindahl–Hirschman index,
/// and the OECD division-of-labour significance test.
///
/// **Concentration** (methodology `hhi`), per group g (an NMAS objective or a province, from an
/// ActivityShare mapping) × fiscal year: with s_d = donor d's share (in %) of the counted
/// disbursements mapped to g, HHI = Σ s_d² (0..10,000), normalized HHI = (H − 1/N)/(1 − 1/N)
/// with H = HHI/10,000 and N donors (undefined when N ≤ 1), fragmentation = 1 − H. Money the
/// mapping does not cover is left out (noted). Source: Herfindahl–Hirschman index as used in
/// OECD aid-fragmentation work (OECD 2011 Report on Division of Labour).
///
/// **Significance** (methodology `oecd2011`), per donor × year: country share c_d / C and
/// global share G_d / W (G_d the donor's global aid, W the world total or, absent, Σ G_d). A
/// relationship is significant when c_d / C ≥ G_d / W (concentration) or when the donor is
/// among the largest donors that together give ≥ 90% of C (in descending order, a donor counts
/// while the donors before it give less than 90%). The "(all)" row gives the share of
/// non-significant relationships and of the aid they carry. Source: OECD 2011 Report on
/// Division of Labour: Addressing Cross-country Fragmentation of Aid.

#include <aidtrack/core/table.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/measure_options.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aidtrack::measures {

/// \brief Donor concentration per group (objective or province) × fiscal year.
/// `group_name` names the group column ("objective", "province").
[[nodiscard]] Table fragmentation(const Portfolio& portfolio, const MeasureOptions& options,
                                  const std::vector<ActivityShare>& mapping,
                                  const std::string& group_name = "objective");

/// \brief The OECD significance test of each donor's relationship with the country.
[[nodiscard]] Table significance(const Portfolio& portfolio, const MeasureOptions& options,
                                 const std::vector<GlobalAidRecord>& global_aid,
                                 std::optional<Decimal> world_total = std::nullopt);

}  // namespace aidtrack::measures
