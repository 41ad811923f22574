#pragma once
/// \file iati_result.hpp
/// \brief Results as IATI publishes them inside an activity (the `result` element).

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/model/narrative.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief A name/value dimension of an indicator value (sex = female, province = Battambang).
struct IndicatorDimension {
    std::string name;
    std::string value;
    friend bool operator==(const IndicatorDimension&, const IndicatorDimension&) = default;
};

/// \brief One value of an indicator: a number when it reads as one, the text otherwise.
struct IndicatorValue {
    std::optional<Decimal> value;  ///< numeric value when parseable
    std::string text;              ///< the published text (qualitative or unparseable)
    Narratives comment;
    std::vector<IndicatorDimension> dimensions;
    std::vector<std::string> locations;  ///< location refs
    friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;
};

/// \brief A baseline: a year and/or date with a value.
struct IndicatorBaseline {
    int year = 0;
    std::optional<Date> iso_date;
    IndicatorValue value;
    friend bool operator==(const IndicatorBaseline&, const IndicatorBaseline&) = default;
};

/// \brief A reporting period with its targets and actuals.
struct IndicatorPeriod {
    std::optional<Date> start;
    std::optional<Date> end;
    std::vector<IndicatorValue> targets;
    std::vector<IndicatorValue> actuals;
    friend bool operator==(const IndicatorPeriod&, const IndicatorPeriod&) = default;
};

/// \brief A reference of an indicator to a standard vocabulary (e.g. an SDG indicator).
struct IndicatorReference {
    std::string vocabulary;
    std::string code;
    std::string uri;
    friend bool operator==(const IndicatorReference&, const IndicatorReference&) = default;
};

/// \brief An indicator of an IATI result.
struct ResultIndicator {
    std::string measure = "1";  ///< IndicatorMeasure code: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative
    bool ascending = true;
    bool aggregation_status = false;
    Narratives title;
    Narratives description;
    std::vector<IndicatorReference> references;
    std::vector<IndicatorBaseline> baselines;
    std::vector<IndicatorPeriod> periods;
    friend bool operator==(const ResultIndicator&, const ResultIndicator&) = default;
};

/// \brief A result of an activity: output, outcome or impact, with indicators.
struct IatiResult {
    std::string type;  ///< ResultType code: 1 output, 2 outcome, 3 impact, 9 other
    bool aggregation_status = false;
    Narratives title;
    Narratives description;
    std::vector<ResultIndicator> indicators;
    friend bool operator==(const IatiResult&, const IatiResult&) = default;
};

}  // namespace aidtrack
