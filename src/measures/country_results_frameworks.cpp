/// \file country_results_frameworks.cpp
/// \brief GPEDC 1a over new interventions from questionnaire flags.

#include <aidtrack/measures/country_results_frameworks.hpp>

#include "measure_table.hpp"

#include <array>

namespace aidtrack::measures {

Table country_results_frameworks(const Portfolio& portfolio, const MeasureOptions& options,
                                 const std::vector<QuestionnaireRecord>& questionnaire) {
    const std::string m = detail::methodology_or(options, "gpedc2018", {"gpedc2018"});
    struct Acc {
        std::int64_t interventions = 0;
        std::array<std::int64_t, 4> yes{};
        std::int64_t unknown = 0;
        Acc& operator+=(const Acc& o) {
            interventions += o.interventions;
            for (std::size_t i = 0; i < 4; ++i) yes[i] += o.yes[i];
            unknown += o.unknown;
            return *this;
        }
    };
    std::map<detail::Key, Acc> grid;
    std::size_t undated = 0;
    for (const auto& r : questionnaire) {
        if (!r.new_intervention.value_or(false)) continue;
        const auto index = portfolio.find_activity(r.activity_id);
        if (!index)
            throw NotFoundError("questionnaire names activity '" + r.activity_id + "' that is not in the portfolio",
                                r.where);
        const Activity& a = portfolio.activity(*index);
        if (!a.start()) {
            ++undated;
            continue;
        }
        const int fy = options.calendar.fiscal_year_of(*a.start());
        if (!detail::wanted(options, fy)) continue;
        Acc& acc = grid[{r.donor.empty() ? a.reporting_org.ref : r.donor, fy}];
        ++acc.interventions;
        const std::array<std::optional<bool>, 4> f{r.objectives_from_country, r.indicators_from_country,
                                                   r.government_data, r.government_evaluation};
        bool unknown = false;
        for (std::size_t i = 0; i < 4; ++i) {
            if (!f[i]) unknown = true;
            if (f[i].value_or(false)) ++acc.yes[i];
        }
        if (unknown) ++acc.unknown;
    }
    detail::fill_years(grid, options);
    static const char* kNames[4] = {"objectives", "indicators", "government_data", "government_evaluation"};
    Table out("Use of country results frameworks (GPEDC 1a)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<std::int64_t>("interventions", "I: new interventions of the year");
    for (const char* n : kNames)
        out.add_column<std::int64_t>(n,
                                     std::string("interventions with ") + n + " from the country framework/government");
    for (const char* n : kNames) out.add_column<double>(std::string("share_") + n, "count / I; undefined when I = 0");
    out.add_column<std::int64_t>("numerator", "sum of the four counts");
    out.add_column<std::int64_t>("denominator", "4 I");
    out.add_column<double>("value", "mean of the four sub-shares");
    out.add_column<std::int64_t>("records", "questionnaire records counted");
    out.add_column<std::int64_t>("unknown_records", "records with at least one unknown answer (counted as no)");
    detail::for_each_row(grid, options, [&](const std::string& donor, int fy, const Acc& a) {
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<std::int64_t>(4, a.interventions);
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            out.push<std::int64_t>(5 + i, a.yes[i]);
            sum += a.yes[i];
        }
        for (std::size_t i = 0; i < 4; ++i)
            detail::push_ratio(out, 9 + i, detail::ratio(Decimal(a.yes[i]), Decimal(a.interventions)));
        out.push<std::int64_t>(13, sum);
        out.push<std::int64_t>(14, 4 * a.interventions);
        detail::push_ratio(out, 15, detail::ratio(Decimal(sum), Decimal(4 * a.interventions)));
        out.push<std::int64_t>(16, a.interventions);
        out.push<std::int64_t>(17, a.unknown);
    });
    out.add_note(
        "formula (gpedc2018): sub-share = count / I; value = sum of counts / (4 I). Source: GPEDC 2018 Monitoring "
        "Guide, indicator 1a");
    if (undated != 0) out.add_note(std::to_string(undated) + " new interventions without a start date left out");
    return out;
}

}  // namespace aidtrack::measures
