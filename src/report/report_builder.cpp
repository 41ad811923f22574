/// \file report_builder.cpp
/// \brief Assembles the aid-effectiveness report: the sections in reading order, then the
/// provenance, then the first screen computed from what the sections hold.

#include <aidtrack/report/report_builder.hpp>

#include "report_context.hpp"
#include "sections/sections.hpp"

namespace aidtrack::report {

Report build_report(const Portfolio& portfolio, const ReportOptions& options) {
    detail::Context c(portfolio, options);
    Report report;
    report.title = options.title;
    report.subtitle = "Report year " + std::to_string(c.year) + " · money in " + options.currency.str() + " · " +
                      options.dataset_name + " · " + std::to_string(portfolio.activity_count()) + " activities, " +
                      std::to_string(portfolio.transactions().size()) + " transactions" +
                      (options.scope.empty() ? std::string() : " · scope: " + options.scope);
    c.say("funding by donor and year");
    report.sections.push_back(detail::funding(c));
    c.say("harmonization");
    report.sections.push_back(detail::harmonization(c));
    c.say("alignment and predictability measures");
    report.sections.push_back(detail::alignment(c));
    report.sections.push_back(detail::predictability(c));
    c.say("results progress");
    report.sections.push_back(detail::results(c));
    c.say("land release and contamination");
    report.sections.push_back(detail::land_release(c));
    c.say("forecast and the money needed");
    report.sections.push_back(detail::forecast(c));
    c.say("coordination");
    report.sections.push_back(detail::coordination(c));
    c.say("provenance");
    detail::provenance(c, report);
    report.findings = detail::first_screen(c, report);
    return report;
}

}  // namespace aidtrack::report
