#pragma once
/// \file coordination_queries.hpp
/// \brief Queries over coordination records: action points, attendance, topics, Paris 10a/10b,
/// peacekeeping personnel, the learning graph and contract performance.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/coordination_store.hpp>

#include <string>

namespace aidtrack {

/// Action points open on `as_of` (agreed at a meeting on or before it, not closed or cancelled
/// on or before it), with `overdue` = 1 and `days_overdue` when the due date is before `as_of`.
/// `forum` empty = every forum. Columns: forum, action, meeting, owner, text, due, overdue,
/// days_overdue.
[[nodiscard]] Table open_action_points(const CoordinationStore& store, const Date& as_of,
                                       const std::string& forum = {});

/// Per member of `forum`: meetings held while a member (held), meetings attended, rate =
/// attended / held (undefined when held = 0). Columns: org_ref, org_name, role, constituency,
/// held, attended, rate.
[[nodiscard]] Table attendance_rates(const CoordinationStore& store, const std::string& forum);

/// Agenda items per year and topic of `forum` (empty = every forum). Columns: year, topic,
/// items, meetings (meetings with at least one item on that topic).
[[nodiscard]] Table topics_over_time(const CoordinationStore& store, const std::string& forum = {});

/// Paris indicator 10a: share of missions that are joint, per donor and year. Columns: donor,
/// year, numerator, denominator, value (undefined when denominator = 0), records. Donor "*"
/// counts each mission once.
[[nodiscard]] Table joint_missions_share(const CoordinationStore& store);

/// Paris indicator 10b: share of analytic work that is joint, per donor and year (as 10a).
[[nodiscard]] Table joint_analytic_share(const CoordinationStore& store);

/// Peacekeeping personnel of rotations ending in or after `since_year` (or ongoing), by mission
/// and host country; each rotation counted once however many years it spans. Columns: mission,
/// host_country, rotations, personnel, military_observers, staff_officers, deminer_unit, other,
/// first_start, last_end.
[[nodiscard]] Table cumulative_personnel(const CoordinationStore& store, int since_year);

/// Who learned what from whom: directed edges teacher → learner (visit host → visitor, training
/// provider → recipient), one row per (from, to, topic). Columns: from_org, from_country, to_org,
/// to_country, topic, kind, records, first_year, last_year, refs.
[[nodiscard]] Table learning_graph(const CoordinationStore& store);

/// Per contract: contracted and released m², release rate, value, cost per m² contracted and
/// released (undefined over zero areas). Columns: tender, lot, contract, operator, currency,
/// contracted_m2, released_m2, release_rate, value, cost_per_m2_contracted, cost_per_m2_released.
[[nodiscard]] Table contract_performance(const CoordinationStore& store);

}  // namespace aidtrack
