/// \file piu.cpp
/// \brief Paris 6: parallel PIUs of the activities active in each year.

#include <aidtrack/measures/piu.hpp>

#include <aidtrack/measures/donor_flows.hpp>

#include "measure_table.hpp"

namespace aidtrack::measures {

Table parallel_pius(const Portfolio& portfolio, const MeasureOptions& options,
                    const std::vector<QuestionnaireRecord>& questionnaire) {
    const std::string m = detail::methodology_or(options, "paris2008", {"paris2008"});
    const QuestionnaireIndex index(questionnaire);
    const FlowSet flows = transaction_flows(portfolio, options);
    struct Acc {
        std::set<std::uint32_t> activities;
        std::int64_t pius = 0;
        std::int64_t answered = 0;
        Acc& operator+=(const Acc& o) {
            activities.insert(o.activities.begin(), o.activities.end());
            pius += o.pius;
            answered += o.answered;
            return *this;
        }
    };
    std::map<detail::Key, Acc> grid;
    for (const auto& piece : flows.pieces) {
        Acc& a = grid[{piece.donor, piece.fiscal_year}];
        if (!a.activities.insert(piece.activity).second) continue;
        if (const QuestionnaireRecord* r = index.find(portfolio.activity(piece.activity).identifier, piece.donor)) {
            a.pius += r->parallel_pius;
            ++a.answered;
        }
    }
    detail::fill_years(grid, options);
    Table out("Parallel project implementation units (Paris 6)");
    out.set_methodology(m);
    detail::add_head_columns(out);
    out.add_column<std::int64_t>("value", "parallel PIUs of the activities disbursed to in the year");
    out.add_column<std::int64_t>("records", "activities disbursed to in the year");
    out.add_column<std::int64_t>("answered_records", "of which with a questionnaire record");
    detail::for_each_row(grid, options, [&](const std::string& donor, int fy, const Acc& a) {
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<std::int64_t>(4, a.pius);
        out.push<std::int64_t>(5, static_cast<std::int64_t>(a.activities.size()));
        out.push<std::int64_t>(6, a.answered);
    });
    out.add_note(
        "formula (paris2008): value = sum of parallel_pius over the activity x donor records of activities with "
        "disbursements in the year. Source: OECD 2008 Survey on Monitoring the Paris Declaration, indicator 6");
    out.add_note("the (all) row adds the donors' counts: a PIU shared by two donors' records counts twice");
    detail::add_common_notes(out, options, flows);
    return out;
}

}  // namespace aidtrack::measures
