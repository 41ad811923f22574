#pragma once
// A small hand-built portfolio shared by the model and archive tests: two donors, three
// currencies, fiscal-year boundaries, splits that do not sum to 100.

#include <aidtrack/model/portfolio.hpp>

namespace aidtrack::testing {

inline Transaction make_transaction(std::uint32_t activity, int type, const char* date, const char* value,
                                    const char* currency) {
    Transaction t;
    t.activity = activity;
    t.type = type;
    t.date = parse_date(date);
    t.value = Money::parse(value, currency);
    return t;
}

inline Portfolio sample_portfolio() {
    Portfolio p;
    p.upsert_organisation({"AU-5",
                           "Department of Foreign Affairs and Trade",
                           "10",
                           "AU",
                           "DFAT",
                           {"FACTS.md", 0, Evidence::reported, {}}});
    p.upsert_organisation({"XM-DAC-41114", "United Nations Development Programme", "40", "", "UNDP", {}});
    Activity cfr;
    cfr.identifier = "XM-DAC-41114-PROJECT-00090541";
    cfr.reporting_org = {"XM-DAC-41114", "40", false, {{"UNDP", "en"}}};
    cfr.title = {{"Clearing for Results III", "en"}, {"Déminage pour des résultats", "fr"}};
    cfr.default_currency = "USD";
    cfr.planned_start = parse_date("2016-03-01");
    cfr.planned_end = parse_date("2019-12-31");
    cfr.sectors = {{"1", "15250", Decimal(60), {}}, {"1", "15110", Decimal(40), {}}};
    cfr.recipient_countries = {{"KH", Decimal(100), {}}};
    cfr.participating_orgs = {{"AU-5", OrgRole::funding, "10", "", "", {{"DFAT", ""}}},
                              {"KH-COA-1", OrgRole::implementing, "10", "", "", {{"CMAA", ""}}}};
    cfr.related_activities = {{2, "XM-DAC-41114-OUTPUT-00096246"}};
    cfr.results.push_back(IatiResult{"1", false, {{"Land released", "en"}}, {}, {ResultIndicator{}}});
    cfr.results[0].indicators[0].baselines.push_back({2016, parse_date("2016-01-01"), {Decimal(0), "0", {}, {}, {}}});
    cfr.provenance = {"undp-cambodia-projects.xml", 12, Evidence::reported, {}};
    const auto a0 = p.add_activity(cfr);

    Activity ops;
    ops.identifier = "AU-5-INM123";
    ops.reporting_org = {"AU-5", "10", false, {}};
    ops.default_currency = "AUD";
    // 50 + 30 = 80: not 100, scaled up (50/80, 30/80) with a note.
    ops.recipient_countries = {{"KH", Decimal(50), {}}, {"LA", Decimal(30), {}}};
    ops.sectors = {{"1", "15250", std::nullopt, {}}};
    const auto a1 = p.add_activity(ops);

    p.add_transaction(make_transaction(a0, 2, "2016-03-01", "11180000.00", "USD"));
    p.add_transaction(make_transaction(a0, 3, "2016-06-30", "1000000.50", "USD"));
    p.add_transaction(make_transaction(a0, 3, "2016-07-01", "2000000.25", "USD"));
    p.add_transaction(make_transaction(a0, 4, "2017-01-15", "4110652.746415772", "KHR"));
    auto t = make_transaction(a1, 3, "2023-04-01", "800.00", "AUD");
    t.provider_org = "AU-5";
    t.receiver_org = "XM-DAC-41114";
    t.receiver_activity = "XM-DAC-41114-PROJECT-00090541";
    t.value_date = parse_date("2023-03-31");
    p.add_transaction(t);
    p.add_transaction(make_transaction(a1, 3, "2024-03-31", "100.00", "AUD"));

    p.add_budget({a0, 1, 2, Period(parse_date("2016-03-01"), parse_date("2017-02-28")), Money::parse("3500000", "USD"),
                  std::nullopt, 40});
    PlannedDisbursement pd;
    pd.activity = a1;
    pd.period = Period(parse_date("2023-07-01"), parse_date("2024-06-30"));
    pd.value = Money::parse("900", "AUD");
    pd.provider_org = "AU-5";
    p.add_planned_disbursement(pd);
    p.add_diagnostic(
        {Severity::warning, "ParseError", "value-decimal", "cannot read '1,000' as a decimal", {"x.xml", 7, "value"}});
    return p;
}

}  // namespace aidtrack::testing
