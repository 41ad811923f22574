/// \file indicator.cpp
/// \brief Indicator enumerations and rules.

#include <aidtrack/core/error.hpp>
#include <aidtrack/model/indicator.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace aidtrack {
namespace {
std::string lower(const std::string& s) {
    std::string t = s;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return t;
}
}  // namespace

const char* to_string(IndicatorMeasure m) noexcept {
    switch (m) {
        case IndicatorMeasure::unit:
            return "unit";
        case IndicatorMeasure::percentage:
            return "percentage";
        case IndicatorMeasure::nominal:
            return "nominal";
        case IndicatorMeasure::ordinal:
            return "ordinal";
        case IndicatorMeasure::qualitative:
            return "qualitative";
    }
    return "unit";
}
const char* to_string(TimeAggregation a) noexcept {
    switch (a) {
        case TimeAggregation::sum:
            return "sum";
        case TimeAggregation::average:
            return "average";
        case TimeAggregation::last:
            return "last";
    }
    return "sum";
}
const char* to_string(SpaceAggregation a) noexcept { return a == SpaceAggregation::sum ? "sum" : "average"; }
const char* to_string(ValueKind k) noexcept { return k == ValueKind::target ? "target" : "actual"; }

IndicatorMeasure indicator_measure_from_string(const std::string& text) {
    const std::string t = lower(text);
    if (t == "unit" || t == "1") return IndicatorMeasure::unit;
    if (t == "percentage" || t == "2") return IndicatorMeasure::percentage;
    if (t == "nominal" || t == "3") return IndicatorMeasure::nominal;
    if (t == "ordinal" || t == "4") return IndicatorMeasure::ordinal;
    if (t == "qualitative" || t == "5") return IndicatorMeasure::qualitative;
    throw ParseError("unknown indicator measure '" + text + "' (unit, percentage, nominal, ordinal, qualitative)");
}
TimeAggregation time_aggregation_from_string(const std::string& text) {
    const std::string t = lower(text);
    if (t == "sum") return TimeAggregation::sum;
    if (t == "average") return TimeAggregation::average;
    if (t == "last") return TimeAggregation::last;
    throw ParseError("unknown time aggregation '" + text + "' (sum, average, last)");
}
SpaceAggregation space_aggregation_from_string(const std::string& text) {
    const std::string t = lower(text);
    if (t == "sum") return SpaceAggregation::sum;
    if (t == "average") return SpaceAggregation::average;
    throw ParseError("unknown space aggregation '" + text + "' (sum, average)");
}
ValueKind value_kind_from_string(const std::string& text) {
    const std::string t = lower(text);
    if (t == "target") return ValueKind::target;
    if (t == "actual") return ValueKind::actual;
    throw ParseError("unknown value kind '" + text + "' (target, actual)");
}

void Indicator::validate() const {
    AIDTRACK_REQUIRE(!id.empty(), "an indicator needs an id");
    // Shares cannot be added: 60% of mine-affected villages plus 70% is not 130% of anything.
    AIDTRACK_REQUIRE(measure != IndicatorMeasure::percentage ||
                         (time_aggregation != TimeAggregation::sum && space_aggregation != SpaceAggregation::sum),
                     "indicator '" + id + "' is a percentage: it must aggregate by average (or last), not sum");
    AIDTRACK_REQUIRE(baseline_date.has_value() == baseline_value.has_value(),
                     "indicator '" + id + "': a baseline needs both a date and a value");
    AIDTRACK_REQUIRE(std::isfinite(weight) && weight >= 0, "indicator '" + id + "': weight must be finite and >= 0");
    const bool numeric = measure == IndicatorMeasure::unit || measure == IndicatorMeasure::percentage;
    for (const auto& v : values) {
        if (numeric) {
            AIDTRACK_REQUIRE(v.value.has_value() && std::isfinite(*v.value),
                             "indicator '" + id + "': " + to_string(v.kind) + " for " + v.period.to_string() +
                                 " needs a finite number");
        }
    }
}

}  // namespace aidtrack
