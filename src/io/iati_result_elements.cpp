/// \file iati_result_elements.cpp
/// \brief `<result>` of an activity: its indicators, their baselines and periods, each read by
/// its own function.

#include "iati_elements.hpp"

namespace aidtrack::iati_detail {
namespace {

using pugi::xml_node;

// A target, actual or baseline: @value (a number when it reads as one), comments, dimensions
// and locations. `measure` is the indicator's: numeric measures (1, 2) expect a number.
IndicatorValue read_indicator_value(const xml_node& e, const std::string& measure, ValueReader& in) {
    IndicatorValue v;
    v.text = attribute_text(e, "value");
    if (!v.text.empty()) {
        Decimal d;
        if (Decimal::try_parse(v.text, d)) {
            v.value = d;
        } else if (measure == "1" || measure == "2") {
            in.warn(e, "indicator-value-numeric",
                    "@value '" + v.text.substr(0, 40) + "' of a numeric indicator is not a number; kept as text", true);
        }
    }
    for (const xml_node c : e.children()) {
        if (equals(c.name(), "comment")) {
            for (auto& n : ValueReader::narratives(c)) v.comment.push_back(std::move(n));
        } else if (equals(c.name(), "dimension")) {
            v.dimensions.push_back({c.attribute("name").as_string(), c.attribute("value").as_string()});
        } else if (equals(c.name(), "location")) {
            v.locations.emplace_back(attribute_view(c, "ref"));
        }
    }
    return v;
}

IndicatorBaseline read_baseline(const xml_node& e, const std::string& measure, ValueReader& in) {
    IndicatorBaseline b;
    if (const auto year = in.integer(e, "year")) b.year = *year;
    b.iso_date = in.date(e);
    b.value = read_indicator_value(e, measure, in);
    return b;
}

IndicatorPeriod read_indicator_period(const xml_node& e, const std::string& measure, ValueReader& in) {
    IndicatorPeriod p;
    for (const xml_node c : e.children()) {
        if (equals(c.name(), "period-start")) {
            p.start = in.date(c);
        } else if (equals(c.name(), "period-end")) {
            p.end = in.date(c);
        } else if (equals(c.name(), "target")) {
            p.targets.push_back(read_indicator_value(c, measure, in));
        } else if (equals(c.name(), "actual")) {
            p.actuals.push_back(read_indicator_value(c, measure, in));
        }
    }
    if (p.start && p.end && *p.end < *p.start) in.warn(e, "start-before-end", "indicator period ends before it starts");
    return p;
}

ResultIndicator read_indicator(const xml_node& e, ValueReader& in) {
    ResultIndicator ind;
    const std::string measure = attribute_text(e, "measure");
    if (!measure.empty()) ind.measure = measure;
    in.check_code(e, "IndicatorMeasure", measure);
    ind.ascending = in.boolean(e, "ascending", true);
    ind.aggregation_status = in.boolean(e, "aggregation-status", false);
    for (const xml_node c : e.children()) {
        const char* name = c.name();
        if (equals(name, "title")) {
            ind.title = ValueReader::narratives(c);
        } else if (equals(name, "description")) {
            ind.description = ValueReader::narratives(c);
        } else if (equals(name, "reference")) {
            ind.references.push_back({c.attribute("vocabulary").as_string(), c.attribute("code").as_string(),
                                      c.attribute("indicator-uri").as_string()});
        } else if (equals(name, "baseline")) {
            ind.baselines.push_back(read_baseline(c, ind.measure, in));
        } else if (equals(name, "period")) {
            ind.periods.push_back(read_indicator_period(c, ind.measure, in));
        }
    }
    return ind;
}

}  // namespace

void read_result(const xml_node& element, ActivityDraft& draft, ValueReader& in) {
    IatiResult r;
    r.type = in.code(element, "type", "ResultType");
    r.aggregation_status = in.boolean(element, "aggregation-status", false);
    for (const xml_node c : element.children()) {
        if (equals(c.name(), "title")) {
            r.title = ValueReader::narratives(c);
        } else if (equals(c.name(), "description")) {
            r.description = ValueReader::narratives(c);
        } else if (equals(c.name(), "indicator")) {
            r.indicators.push_back(read_indicator(c, in));
        }
    }
    draft.activity.results.push_back(std::move(r));
}

}  // namespace aidtrack::iati_detail
