/// \file provenance.cpp
/// \brief The report's provenance: what was left out of scope (with its money), records by
/// evidence, sources, illustrative records, diagnostics; and the dataset-files section.

#include "sections.hpp"

#include <aidtrack/core/exchange_rates.hpp>

namespace aidtrack::report::detail {
namespace {

// "39 activities, USD 61.24 M disbursed or spent, outside mine action: not counted (largest: …)".
void scope_lines(Context& c, Report& report) {
    if (c.o.scope_selection && c.o.scope_selection->row_count() > 0) {
        const Table& t = *c.o.scope_selection;
        std::map<std::string, std::size_t> rules;
        for (std::size_t r = 0; r < t.row_count(); ++r) ++rules[t.at<std::string>(r, "rule")];
        std::string by;
        for (const auto& [rule, n] : rules) by += (by.empty() ? "" : ", ") + std::to_string(n) + " by " + rule;
        std::string ids;
        for (std::size_t r = 0; r < t.row_count() && r < 12; ++r) {
            ids += (ids.empty() ? "" : "; ") + t.at<std::string>(r, "activity_id") + " (" +
                   t.at<std::string>(r, "rule") + ": " + t.at<std::string>(r, "detail") + ")";
        }
        report.provenance.push_back("In scope (" + (c.o.scope.empty() ? std::string("everything read") : c.o.scope) +
                                    "): " + std::to_string(t.row_count()) + " IATI activities, selected " + by + ": " +
                                    ids + (t.row_count() > 12 ? "; …" : "") + ".");
    }
    if (!c.o.out_of_scope || c.o.out_of_scope->row_count() == 0) return;
    const Table& t = *c.o.out_of_scope;
    std::set<std::string> activities;
    Decimal spent;
    Decimal committed;
    std::size_t not_converted = 0;
    std::map<std::string, Decimal> by_activity;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        const std::string id = t.at<std::string>(r, "activity_id");
        activities.insert(id);
        const CurrencyCode currency(t.at<std::string>(r, "currency").empty() ? c.o.currency.str()
                                                                             : t.at<std::string>(r, "currency"));
        // Sums of an activity over its years: converted at the rate of the report year (the
        // sums carry no dates), which is enough to say how much was left out.
        const Date when = make_date(c.year, 7, 1);
        const auto s = c.convert(Money(t.at<Decimal>(r, "disbursed_or_spent"), currency), when);
        const auto k = c.convert(Money(t.at<Decimal>(r, "committed"), currency), when);
        if (!s || !k) {
            ++not_converted;
            continue;
        }
        spent += *s;
        committed += *k;
        by_activity[id + " (" + t.at<std::string>(r, "title") + ")"] += *s;
    }
    std::string largest;
    Decimal most;
    for (const auto& [name, v] : by_activity) {
        if (v > most) most = v, largest = name;
    }
    const std::string scope = c.o.scope.empty() ? std::string("the scope") : c.o.scope;
    report.provenance.insert(
        report.provenance.begin(),
        std::to_string(activities.size()) + " IATI activities read (" + millions(spent, c.o.currency) +
            " disbursed or spent, " + millions(committed, c.o.currency) + " committed) are outside " + scope +
            ": not counted in any table" +
            (largest.empty() ? std::string() : " (largest: " + largest + ", " + millions(most, c.o.currency) + ")") +
            (not_converted > 0
                 ? "; " + std::to_string(not_converted) + " sum(s) without an exchange rate left out of these figures"
                 : "") +
            ".");
}

}  // namespace

void provenance(Context& c, Report& report) {
    std::map<std::string, std::size_t> sources;
    std::size_t counts[3] = {0, 0, 0};
    auto count = [&](const Provenance& pr) {
        ++counts[static_cast<int>(pr.evidence)];
        if (!pr.source.empty()) ++sources[pr.source];
    };
    for (const auto& o : c.p.organisations()) count(o.provenance);
    for (const auto& a : c.p.activities()) {
        count(a.provenance);
        if (a.provenance.evidence != Evidence::reported) {
            report.provenance.push_back("Activity " + a.identifier + " (" + text_of(a.title) + ") holds " +
                                        to_string(a.provenance.evidence) + " records: " + a.provenance.note);
        }
    }
    const auto& store = c.p.results();
    std::size_t illustrative_results = 0;
    auto result_record = [&](const Provenance& pr, const std::string& what) {
        count(pr);
        if (pr.evidence == Evidence::illustrative) {
            ++illustrative_results;
            if (illustrative_results <= 12)
                report.provenance.push_back("Illustrative: " + what + " — " + pr.note + " (" + pr.source + ")");
        }
    };
    for (const auto& h : store.hazards()) result_record(h.provenance, "hazard " + h.id);
    for (const auto& r : store.releases())
        result_record(r.provenance, "land release of " + r.hazard + " on " + to_iso(r.date));
    for (const auto& k : store.casualties()) result_record(k.provenance, "casualties on " + to_iso(k.date));
    for (const auto& i : store.indicators()) {
        for (const auto& v : i.values)
            result_record(v.provenance,
                          std::string(to_string(v.kind)) + " of " + i.id + " for " + to_iso(v.period.start()));
    }
    if (illustrative_results > 12) {
        report.provenance.push_back("… and " + std::to_string(illustrative_results - 12) +
                                    " more illustrative results records (see the CSV files).");
    }
    report.provenance.insert(report.provenance.begin(),
                             "Records: " + std::to_string(counts[0]) + " reported, " + std::to_string(counts[1]) +
                                 " derived, " + std::to_string(counts[2]) +
                                 " illustrative (illustrative = no public source gives the figure; made to "
                                 "show the method, never to be quoted).");
    std::string list;
    for (const auto& [src, n] : sources) list += (list.empty() ? "" : "; ") + src + " (" + std::to_string(n) + ")";
    if (!list.empty()) report.provenance.insert(report.provenance.begin() + 1, "Sources (records): " + list + ".");
    scope_lines(c, report);
    report.provenance.push_back("Money in " + c.o.currency.str() + ": other currencies converted at " +
                                c.convert.rates_source() + ", " + Converter::rule() + ".");
    if (!c.p.diagnostics().empty()) {
        report.provenance.push_back(
            std::to_string(c.p.diagnostics().size()) +
            " diagnostic(s) were raised while reading the data; first: " + c.p.diagnostics().front().to_string());
    }
    if (c.o.source_files) {
        Section s{"sources", "Dataset files",     true, {"Every file of the dataset with the evidence of its records."},
                  {},        {*c.o.source_files}, {}};
        std::int64_t illustrative = 0;
        std::int64_t total = 0;
        for (std::size_t r = 0; r < c.o.source_files->row_count(); ++r) {
            illustrative += c.o.source_files->at<std::int64_t>(r, "illustrative");
            total += c.o.source_files->at<std::int64_t>(r, "records");
        }
        s.summary.push_back(std::to_string(c.o.source_files->row_count()) + " files, " + std::to_string(total) +
                            " records, of which " + std::to_string(illustrative) + " illustrative.");
        report.sections.push_back(std::move(s));
    }
}

}  // namespace aidtrack::report::detail
