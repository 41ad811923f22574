#pragma once
/// \file indicator.hpp
/// \brief Indicators of a results framework: measure, direction, aggregation, baseline, values.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/period.hpp>
#include <aidtrack/model/iati_result.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief What an indicator measures (IATI IndicatorMeasure codes 1–5).
enum class IndicatorMeasure : std::uint8_t { unit = 1, percentage = 2, nominal = 3, ordinal = 4, qualitative = 5 };
/// \brief How values of consecutive periods combine into a longer one.
enum class TimeAggregation : std::uint8_t { sum = 0, average = 1, last = 2 };
/// \brief How values of several places/dimension values combine into a total.
enum class SpaceAggregation : std::uint8_t { sum = 0, average = 1 };
/// \brief Whether a value is a target or an actual.
enum class ValueKind : std::uint8_t { target = 0, actual = 1 };

/// "unit", "percentage", "nominal", "ordinal", "qualitative".
[[nodiscard]] const char* to_string(IndicatorMeasure m) noexcept;
/// "sum", "average", "last".
[[nodiscard]] const char* to_string(TimeAggregation a) noexcept;
/// "sum", "average".
[[nodiscard]] const char* to_string(SpaceAggregation a) noexcept;
/// "target", "actual".
[[nodiscard]] const char* to_string(ValueKind k) noexcept;
/// Parses a measure name or IATI measure code "1".."5"; ParseError otherwise.
[[nodiscard]] IndicatorMeasure indicator_measure_from_string(const std::string& text);
/// Parses "sum", "average" or "last"; ParseError otherwise.
[[nodiscard]] TimeAggregation time_aggregation_from_string(const std::string& text);
/// Parses "sum" or "average"; ParseError otherwise.
[[nodiscard]] SpaceAggregation space_aggregation_from_string(const std::string& text);
/// Parses "target" or "actual"; ParseError otherwise.
[[nodiscard]] ValueKind value_kind_from_string(const std::string& text);

/// \brief One target or actual of an indicator over a period, for a set of dimensions.
///
/// A value without dimensions is the total for its period; values with dimensions (province,
/// sex, age group, hazard type …) are parts that combine by the indicator's space aggregation
/// when no total is given.
struct IndicatorObservation {
    ValueKind kind = ValueKind::actual;
    Period period;
    std::optional<double> value;  ///< absent for qualitative values
    std::string text;             ///< qualitative value or comment
    std::vector<IndicatorDimension> dimensions;
    Provenance provenance;
    friend bool operator==(const IndicatorObservation&, const IndicatorObservation&) = default;
};

/// \brief An indicator of one node of one strategy, with baseline, targets and actuals.
struct Indicator {
    std::string id;        ///< unique across the store, e.g. "NMAS2018.G1.1"
    std::string strategy;  ///< strategy id
    std::string node;      ///< node id within the strategy
    std::string title;
    IndicatorMeasure measure = IndicatorMeasure::unit;
    bool ascending = true;  ///< true: more is better
    std::string unit;       ///< unit of measure ("m2", "%", "persons")
    TimeAggregation time_aggregation = TimeAggregation::sum;
    SpaceAggregation space_aggregation = SpaceAggregation::sum;
    std::optional<Date> baseline_date;
    std::optional<double> baseline_value;
    double weight = 1.0;  ///< weight among the node's indicators in roll-ups
    std::vector<IndicatorObservation> values;
    Provenance provenance;

    /// Checks the rules an indicator must keep (a percentage never sums; baseline date and
    /// value come together; numeric measures have numeric values); throws ValidationError.
    void validate() const;
    friend bool operator==(const Indicator&, const Indicator&) = default;
};

/// \brief A weighted link: `weight` × the actual of indicator `from` counts towards `to`
/// (a project's output rolls up into the national indicator).
struct IndicatorLink {
    std::string from;
    std::string to;
    double weight = 1.0;
    friend bool operator==(const IndicatorLink&, const IndicatorLink&) = default;
};

}  // namespace aidtrack
