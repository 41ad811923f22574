/// \file iati_reader_test.cpp
/// \brief IATI reader: hand-written snippets with their arithmetic, real published files, bad input.

#include <aidtrack/io/iati_reader.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace aidtrack {
namespace {

const std::string kReal = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/real/";
const std::string kTestData = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/";

std::size_t count_rule(const Diagnostics& ds, const std::string& rule) {
    return static_cast<std::size_t>(
        std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

const char* kActivity = R"(<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD" xml:lang="en" hierarchy="2" humanitarian="1" last-updated-datetime="2024-01-02T00:00:00">
  <iati-identifier> XM-TEST-1 </iati-identifier>
  <reporting-org ref="XM-TEST" type="40" secondary-reporter="0"><narrative>Test Agency</narrative></reporting-org>
  <title><narrative>Demining in Battambang</narrative><narrative xml:lang="fr">Déminage à Battambang</narrative></title>
  <description type="1"><narrative>Land release</narrative></description>
  <participating-org ref="GB-GOV-1" role="1" type="10" activity-id="GB-1-123"><narrative>FCDO</narrative></participating-org>
  <participating-org ref="KH-CMAA" role="4" type="10"/>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2020-01-01"/>
  <activity-date type="2" iso-date="2020-02-01"/>
  <activity-date type="3" iso-date="2022-12-31"/>
  <recipient-country code="KH" percentage="60"/>
  <recipient-country code="LA" percentage="40"/>
  <sector vocabulary="1" code="15250" percentage="75"/>
  <sector vocabulary="1" code="15110" percentage="25"/>
  <sector vocabulary="2" code="152" percentage="100"/>
  <country-budget-items vocabulary="4"><budget-item code="1.1.1" percentage="100"><description><narrative>Mines</narrative></description></budget-item></country-budget-items>
  <policy-marker vocabulary="1" code="1" significance="1"/>
  <collaboration-type code="1"/>
  <default-flow-type code="10"/>
  <default-finance-type code="110"/>
  <default-aid-type code="C01"/>
  <default-tied-status code="5"/>
  <humanitarian-scope type="1" vocabulary="1-2" code="EQ-2015-000048-NPL"><narrative>Nepal</narrative></humanitarian-scope>
  <document-link url="https://example.org/a.pdf" format="application/pdf"><title><narrative>Plan</narrative></title><category code="A01"/></document-link>
  <related-activity type="1" ref="XM-TEST-0"/>
  <budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">1000.50</value></budget>
  <budget type="2" status="2"><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><value currency="EUR" value-date="2021-01-01">200</value></budget>
  <planned-disbursement type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-03-31"/><value value-date="2020-01-01">300.25</value>
   <provider-org ref="GB-GOV-1" provider-activity-id="GB-1-123"/><receiver-org ref="KH-CMAA"/></planned-disbursement>
  <transaction ref="t1">
   <transaction-type code="2"/><transaction-date iso-date="2020-01-15"/>
   <value value-date="2020-01-15">
      1234.56789012
   </value>
   <provider-org ref="GB-GOV-1" provider-activity-id="GB-1-123"/>
   <receiver-org ref="KH-CMAA" receiver-activity-id="KH-CMAA-9"/>
  </transaction>
  <transaction>
   <transaction-type code="3"/><transaction-date iso-date="2020-06-30"/>
   <value currency="GBP" value-date="2020-06-30">500</value>
   <sector vocabulary="1" code="15250"/><recipient-country code="KH"/>
   <aid-type code="B01"/><finance-type code="410"/><flow-type code="20"/><tied-status code="3"/>
   <disbursement-channel code="1"/>
  </transaction>
  <transaction>
   <transaction-type code="3"/><transaction-date iso-date="2020-07-31"/>
   <value value-date="2020-07-31">-0.56789012</value>
  </transaction>
  <result type="1" aggregation-status="1">
   <title><narrative>Land released</narrative></title>
   <indicator measure="1" ascending="1">
    <title><narrative>Square metres released</narrative></title>
    <reference vocabulary="7" code="11.1"/>
    <baseline year="2019" iso-date="2019-01-01" value="0"><comment><narrative>none yet</narrative></comment></baseline>
    <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
     <target value="1000000"><dimension name="province" value="Battambang"/><location ref="L1"/></target>
     <actual value="850000.5"/>
    </period>
    <period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><target value="2000000"/></period>
   </indicator>
   <indicator measure="5"><title><narrative>Quality</narrative></title></indicator>
  </result>
 </iati-activity>
</iati-activities>
)";

TEST(iati_reader_test, maps_every_part_of_a_hand_written_activity) {
    Portfolio p;
    const IatiReadResult r = read_iati_string(kActivity, p, {}, "snippet.xml");
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().to_string();
    ASSERT_EQ(p.activity_count(), 1U);
    const Activity& a = p.activity(0U);
    EXPECT_EQ(a.identifier, "XM-TEST-1");  // whitespace around the identifier trimmed
    EXPECT_EQ(a.hierarchy, 2);
    EXPECT_TRUE(a.humanitarian);
    EXPECT_EQ(a.provenance.source, "snippet.xml");
    EXPECT_EQ(a.provenance.line, 3U);
    EXPECT_EQ(a.reporting_org.ref, "XM-TEST");
    EXPECT_EQ(a.reporting_org.type, "40");
    ASSERT_EQ(a.title.size(), 2U);
    EXPECT_EQ(a.title[1].lang, "fr");
    EXPECT_EQ(a.title[1].text, "Déminage à Battambang");
    ASSERT_EQ(a.participating_orgs.size(), 2U);
    EXPECT_EQ(a.participating_orgs[0].role, OrgRole::funding);
    EXPECT_EQ(a.participating_orgs[0].activity_id, "GB-1-123");
    EXPECT_EQ(a.participating_orgs[1].role, OrgRole::implementing);
    EXPECT_EQ(a.status, "2");
    EXPECT_EQ(to_iso(*a.planned_start), "2020-01-01");
    EXPECT_EQ(to_iso(*a.actual_start), "2020-02-01");
    EXPECT_EQ(to_iso(*a.planned_end), "2022-12-31");
    EXPECT_FALSE(a.actual_end.has_value());
    ASSERT_EQ(a.recipient_countries.size(), 2U);
    EXPECT_EQ(a.recipient_countries[0].percentage->to_string(0), "60");
    ASSERT_EQ(a.sectors.size(), 3U);
    EXPECT_EQ(a.sectors[2].vocabulary, "2");
    EXPECT_EQ(a.country_budget_vocabulary, "4");
    EXPECT_EQ(a.country_budget_items.at(0).code, "1.1.1");
    EXPECT_EQ(a.policy_markers.at(0).significance, 1);
    EXPECT_EQ(a.humanitarian_scopes.at(0).code, "EQ-2015-000048-NPL");
    EXPECT_EQ(a.document_links.at(0).url, "https://example.org/a.pdf");
    EXPECT_EQ(a.document_links.at(0).categories.at(0), "A01");
    EXPECT_EQ(a.related_activities.at(0).type, 1);
    EXPECT_EQ(a.collaboration_type, "1");
    EXPECT_EQ(a.default_finance_type, "110");

    // Money: value/@currency else @default-currency; exact to 10^-8.
    const TransactionTable& t = p.transactions();
    ASSERT_EQ(t.size(), 3U);
    const Transaction t0 = t.row(0);
    EXPECT_EQ(t0.type, 2);
    EXPECT_EQ(t0.value.currency().str(), "USD");                // from default-currency
    EXPECT_EQ(t0.value.amount().to_string(), "1234.56789012");  // whitespace and newlines trimmed
    EXPECT_EQ(t0.provider_activity, "GB-1-123");
    EXPECT_EQ(t0.receiver_activity, "KH-CMAA-9");
    EXPECT_EQ(t0.ref, "t1");
    EXPECT_EQ(t0.aid_type, "C01");  // default-aid-type fills the silent transaction
    EXPECT_EQ(t0.flow_type, "10");
    EXPECT_EQ(t0.tied_status, "5");
    const Transaction t1 = t.row(1);
    EXPECT_EQ(t1.value.currency().str(), "GBP");
    EXPECT_EQ(t1.aid_type, "B01");  // the transaction's own codes win over defaults
    EXPECT_EQ(t1.finance_type, "410");
    EXPECT_EQ(t1.sector_code, "15250");
    EXPECT_EQ(t1.recipient_country, "KH");
    EXPECT_EQ(t1.disbursement_channel, "1");
    EXPECT_EQ(t1.humanitarian, 1);  // the activity's @humanitarian
    EXPECT_EQ(to_iso(*t1.value_date), "2020-06-30");

    // Budgets: no @type = 1 original; status default 1.
    ASSERT_EQ(p.budgets().size(), 2U);
    EXPECT_EQ(p.budgets()[0].type, 1);
    EXPECT_EQ(p.budgets()[0].status, 1);
    EXPECT_EQ(p.budgets()[0].value.amount().to_string(), "1000.50");
    EXPECT_EQ(p.budgets()[1].type, 2);
    EXPECT_EQ(p.budgets()[1].status, 2);
    EXPECT_EQ(p.budgets()[1].value.currency().str(), "EUR");
    ASSERT_EQ(p.planned_disbursements().size(), 1U);
    EXPECT_EQ(p.planned_disbursements()[0].provider_activity, "GB-1-123");
    EXPECT_EQ(p.planned_disbursements()[0].period.to_string(), "2020-01-01/2020-03-31");

    // Results: 1 result, 2 indicators, 2 periods.
    ASSERT_EQ(a.results.size(), 1U);
    const IatiResult& res = a.results[0];
    EXPECT_TRUE(res.aggregation_status);
    ASSERT_EQ(res.indicators.size(), 2U);
    const ResultIndicator& ind = res.indicators[0];
    EXPECT_EQ(ind.references.at(0).code, "11.1");
    EXPECT_EQ(ind.baselines.at(0).year, 2019);
    EXPECT_EQ(ind.baselines.at(0).value.comment.at(0).text, "none yet");
    ASSERT_EQ(ind.periods.size(), 2U);
    EXPECT_EQ(ind.periods[0].targets.at(0).value->to_string(0), "1000000");
    EXPECT_EQ(ind.periods[0].targets.at(0).dimensions.at(0).value, "Battambang");
    EXPECT_EQ(ind.periods[0].targets.at(0).locations.at(0), "L1");
    EXPECT_EQ(ind.periods[0].actuals.at(0).value->to_string(), "850000.50");
    EXPECT_EQ(res.indicators[1].measure, "5");
}

TEST(iati_reader_test, summary_sums_exactly_by_type_and_currency) {
    Portfolio p;
    (void)read_iati_string(kActivity, p);
    const IatiSummary s = summarize_iati(p);
    // 2|USD: 1234.56789012; 3|GBP: 500; 3|USD: -0.56789012 (exact, no float).
    EXPECT_EQ(s.transactions_by_type_currency.at("2|USD").to_string(), "1234.56789012");
    EXPECT_EQ(s.transactions_by_type_currency.at("3|GBP").to_string(), "500.00");
    EXPECT_EQ(s.transactions_by_type_currency.at("3|USD").to_string(), "-0.56789012");
    EXPECT_EQ(s.budgets_by_type_currency.at("1|USD").to_string(), "1000.50");
    EXPECT_EQ(s.budgets_by_type_currency.at("2|EUR").to_string(), "200.00");
    EXPECT_EQ(s.planned_by_currency.at("USD").to_string(), "300.25");
    EXPECT_EQ(s.results, 1U);
    EXPECT_EQ(s.indicators, 2U);
    EXPECT_EQ(s.periods, 2U);
    EXPECT_EQ(
        s.to_json(),
        R"({"activities": 1, "transactions": {"count": 3, "by_type_currency": {"2|USD": "1234.56789012", "3|GBP": "500.00", )"
        R"("3|USD": "-0.56789012"}}, "budgets": {"count": 2, "by_type_currency": {"1|USD": "1000.50", "2|EUR": "200.00"}}, )"
        R"("planned_disbursements": {"count": 1, "by_currency": {"USD": "300.25"}}, "results": {"results": 1, "indicators": 2, )"
        R"("periods": 2}, "warnings": 0})");
}

const char* kMessy = R"(<iati-activities version="2.03">
 <iati-activity default-currency="CZK">
  <iati-identifier>CZ-1</iati-identifier>
  <sector code="15250" percentage="60"/>
  <sector code="15110" percentage="30"/>
  <recipient-country code="ZZ"/>
  <transaction><transaction-type>1</transaction-type><transaction-date iso-date="2021-03-30"/><value currency="CZK"/></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-02-30"/><value>1,000</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-02-28"/><value currency="XXQ">10</value></transaction>
  <transaction><transaction-type code="99"/><transaction-date iso-date="2021-02-28"/><value>10</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2021-02-30"/><value>  7.5 </value></transaction>
  <budget type="3"><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><value>5</value></budget>
  <budget><period-start iso-date="2021-12-31"/><period-end iso-date="2021-01-01"/><value>5</value></budget>
 </iati-activity>
 <iati-activity>
  <iati-identifier>NO-CURRENCY</iati-identifier>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-01-01"/><value>10</value></transaction>
 </iati-activity>
 <iati-activity>
  <iati-identifier>CZ-1</iati-identifier>
 </iati-activity>
</iati-activities>
)";

TEST(iati_reader_test, lenient_mode_keeps_valid_records_and_explains_the_rest) {
    Portfolio p;
    const IatiReadResult r = read_iati_string(kMessy, p, {}, "messy.xml");
    // Activities CZ-1 and NO-CURRENCY kept; the second CZ-1 is a duplicate (first kept).
    EXPECT_EQ(p.activity_count(), 2U);
    EXPECT_EQ(r.activities_read, 3U);
    // Only the type-4 transaction (7.5 CZK, undated because 2021-02-30 does not exist) survives.
    ASSERT_EQ(p.transactions().size(), 1U);
    EXPECT_EQ(p.transactions().row(0).value.amount().to_string(), "7.50");
    EXPECT_TRUE(p.transactions().row(0).date.is_special());
    EXPECT_EQ(p.budgets().size(), 0U);
    // 5 transactions + 2 budgets of CZ-1 + 1 transaction of NO-CURRENCY left out = 7... minus the kept one:
    // left out: text type, "1,000", XXQ, type 99 (CZ-1) + budget type 3 + reversed period + no currency = 7.
    EXPECT_EQ(r.records_skipped, 7U);
    EXPECT_EQ(count_rule(r.diagnostics, "transaction-type-code"), 2U);
    EXPECT_EQ(count_rule(r.diagnostics, "value-valid"), 1U);
    EXPECT_EQ(count_rule(r.diagnostics, "currency-on-codelist"), 1U);
    EXPECT_EQ(count_rule(r.diagnostics, "currency-present"), 1U);
    EXPECT_EQ(count_rule(r.diagnostics, "budget-type"), 1U);
    EXPECT_EQ(count_rule(r.diagnostics, "start-before-end"), 1U);
    EXPECT_EQ(count_rule(r.diagnostics, "date-valid"), 2U);              // two 2021-02-30
    EXPECT_EQ(count_rule(r.diagnostics, "percentages-sum-to-100"), 1U);  // 60 + 30 = 90
    EXPECT_EQ(count_rule(r.diagnostics, "code-on-codelist"), 1U);        // country ZZ
    EXPECT_EQ(count_rule(r.diagnostics, "identifier-unique"), 1U);
    // FILE:LINE: CLASS: message with the line of the element.
    const auto text_type = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
        return d.rule == "transaction-type-code" && d.message.find("element text") != std::string::npos;
    });
    ASSERT_NE(text_type, r.diagnostics.end());
    EXPECT_EQ(text_type->where.line, 7U);
    EXPECT_EQ(text_type->to_string().rfind("messy.xml:7: ParseError: transaction type given as element text '1'", 0),
              0U);
    const auto dup = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.rule == "identifier-unique"; });
    EXPECT_NE(dup->message.find("messy.xml:2"), std::string::npos);   // first
    EXPECT_NE(dup->message.find("messy.xml:19"), std::string::npos);  // second
    EXPECT_EQ(p.diagnostics().size(), r.diagnostics.size());          // also kept in the Portfolio
}

TEST(iati_reader_test, strict_mode_throws_at_the_first_problem_with_file_line_and_rule) {
    Portfolio p;
    IatiReadOptions strict;
    strict.strict = true;
    try {
        (void)read_iati_string(kMessy, p, strict, "messy.xml");
        FAIL() << "expected an error";
    } catch (const ValidationError& e) {
        // The first problem in document order: sector percentages 60 + 30 (line 4 activity, 2).
        EXPECT_EQ(e.where().file, "messy.xml");
        EXPECT_GT(e.where().line, 0U);
        EXPECT_FALSE(e.rule().empty());
    } catch (const ParseError& e) {
        EXPECT_EQ(e.where().file, "messy.xml");
        EXPECT_EQ(e.where().line, 7U);
        EXPECT_EQ(e.where().element, "transaction-type");
        EXPECT_EQ(e.rule(), "transaction-type-code");
    }
}

TEST(iati_reader_test, bad_input_never_crashes) {
    struct Case {
        const char* name;
        std::string xml;
        const char* rule;
    };
    const std::vector<Case> cases = {
        {"not xml", "this is not XML", "well-formed"},
        {"empty", "", "well-formed"},
        {"wrong root", "<html><body/></html>", "root-element"},
        {"billion laughs",
         "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
         "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
         "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
         "<iati-activities><iati-activity><iati-identifier>&lol3;</iati-identifier></iati-activity></iati-activities>",
         "no-entities"},
        {"external entity",
         "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
         "<iati-activities><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>",
         "no-entities"},
        {"huge value",
         "<iati-activities><iati-activity default-currency=\"USD\"><iati-identifier>H</iati-identifier><transaction>"
         "<transaction-type code=\"3\"/><transaction-date iso-date=\"2020-01-01\"/><value>" +
             std::string(1 << 20, '9') + "</value></transaction></iati-activity></iati-activities>",
         "value-valid"},
    };
    for (const auto& c : cases) {
        Portfolio p;
        const IatiReadResult r = read_iati_string(c.xml, p, {}, c.name);
        EXPECT_EQ(p.transactions().size(), 0U) << c.name;
        EXPECT_EQ(count_rule(r.diagnostics, c.rule), 1U) << c.name;
        for (const auto& a : p.activities()) EXPECT_EQ(a.identifier.find("root:"), std::string::npos) << c.name;
        Portfolio q;
        IatiReadOptions strict;
        strict.strict = true;
        EXPECT_THROW((void)read_iati_string(c.xml, q, strict, c.name), Error) << c.name;
    }
}

TEST(iati_reader_test, truncated_file_keeps_the_complete_activities_before_the_cut) {
    std::ifstream in(kTestData + "canada-activity.xml", std::ios::binary);
    const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Two activities, then cut in the middle of the second (a copy with a fresh identifier).
    const auto start = whole.find("<iati-activity ");
    const auto end = whole.rfind("</iati-activity>") + std::string("</iati-activity>").size();
    std::string second = whole.substr(start, end - start);
    second.replace(second.find("<iati-identifier>") + 17, 0, "COPY-");
    const std::string doc = whole.substr(0, end) + "\n" + second.substr(0, second.size() / 2);
    Portfolio p;
    const IatiReadResult r = read_iati_string(doc, p, {}, "cut.xml");
    EXPECT_EQ(p.activity_count(), 1U);
    EXPECT_EQ(count_rule(r.diagnostics, "well-formed"), 2U);  // the parse error, and the activity it cut
    EXPECT_EQ(p.transactions().size(), 13U);                  // the first activity's 13 transactions, all valid
}

TEST(iati_reader_test, missing_file_is_reported_and_others_still_read) {
    Portfolio p;
    const IatiReadResult r = read_iati_files({kTestData + "no-such-file.xml", kTestData + "sr-activity.xml"}, p);
    EXPECT_EQ(count_rule(r.diagnostics, "file-readable"), 1U);
    EXPECT_EQ(p.activity_count(), 1U);
    IatiReadOptions strict;
    strict.strict = true;
    Portfolio q;
    EXPECT_THROW((void)read_iati_files({kTestData + "no-such-file.xml"}, q, strict), IoError);
}

TEST(iati_reader_test, real_small_files_sum_exactly) {
    // sr-activity.xml (Spanish-style GBP file): 1|GBP 19504521, 4|GBP 20801890, one budget 1|GBP 19504521.
    {
        Portfolio p;
        (void)read_iati_files({kTestData + "sr-activity.xml"}, p);
        const IatiSummary s = summarize_iati(p);
        EXPECT_EQ(s.activities, 1U);
        EXPECT_EQ(s.transactions_by_type_currency.at("1|GBP").to_string(0), "19504521");
        EXPECT_EQ(s.transactions_by_type_currency.at("4|GBP").to_string(0), "20801890");
        EXPECT_EQ(s.budgets_by_type_currency.at("1|GBP").to_string(0), "19504521");
    }
    // canada-activity.xml: 12 disbursements summing to 18788937 CAD, a 19570705 CAD commitment,
    // budget 19582333 CAD, planned disbursements 1995877 CAD, 2 results with 2 indicators.
    {
        Portfolio p;
        (void)read_iati_files({kTestData + "canada-activity.xml"}, p);
        const IatiSummary s = summarize_iati(p);
        EXPECT_EQ(s.transactions, 13U);
        EXPECT_EQ(s.transactions_by_type_currency.at("3|CAD").to_string(0), "18788937");
        EXPECT_EQ(s.transactions_by_type_currency.at("2|CAD").to_string(0), "19570705");
        EXPECT_EQ(s.budgets_by_type_currency.at("1|CAD").to_string(0), "19582333");
        EXPECT_EQ(s.planned_by_currency.at("CAD").to_string(0), "1995877");
        EXPECT_EQ(s.results, 2U);
        EXPECT_EQ(s.indicators, 2U);
    }
    // fcdo-activity.xml: a revised budget (type 2) of 2721510 GBP; 13 expenditures 2716312 GBP.
    {
        Portfolio p;
        (void)read_iati_files({kTestData + "fcdo-activity.xml"}, p);
        const IatiSummary s = summarize_iati(p);
        EXPECT_EQ(s.budgets_by_type_currency.at("2|GBP").to_string(0), "2721510");
        EXPECT_EQ(s.transactions_by_type_currency.at("4|GBP").to_string(0), "2716312");
        EXPECT_EQ(s.transactions_by_type_currency.at("3|GBP").to_string(0), "1232");
    }
}

TEST(iati_reader_test, real_files_activity_counts) {
    const std::vector<std::pair<std::string, std::size_t>> files = {
        {"dportal-covid.xml", 401},    {"undp-cambodia-projects.xml", 34}, {"undp-lao-projects.xml", 44},
        {"nl-mfa-activities.xml", 13}, {"beis-activity.xml", 9},           {"dportal-foodsecurity.xml", 7},
        {"gdihub-activity.xml", 4},    {"unops-at-activity.xml", 3},       {"worldbank-activity.xml", 1},
    };
    for (const auto& [file, count] : files) {
        Portfolio p;
        (void)read_iati_files({kReal + file}, p);
        EXPECT_EQ(p.activity_count(), count) << file;
    }
}

TEST(iati_reader_test, dportal_covid_messy_records_left_out_and_sums_exact) {
    Portfolio p;
    const IatiReadResult r = read_iati_files({kReal + "dportal-covid.xml"}, p);
    EXPECT_EQ(p.activity_count(), 401U);
    // 21 Czech transactions carry their type as element text and an empty value: left out.
    std::size_t text_types = 0;
    for (const auto& d : r.diagnostics) text_types += d.message.find("element text") != std::string::npos ? 1 : 0;
    EXPECT_EQ(text_types, 21U);
    EXPECT_GE(r.records_skipped, 21U);
    const IatiSummary s = summarize_iati(p);
    // Checked against xml.etree + decimal.Decimal (tests/python/test_iati.py): a UNDP value
    // with eight decimals (1112742.39948867) makes the 4|USD total end in .83948867.
    EXPECT_EQ(s.transactions_by_type_currency.at("4|USD").to_string(), "3840031.83948867");
    EXPECT_EQ(s.transactions_by_type_currency.at("4|NGN").to_string(), "-110611768.02");
    EXPECT_EQ(s.transactions_by_type_currency.at("1|KRW").to_string(0), "557985773410");
    EXPECT_EQ(s.budgets_by_type_currency.at("1|CZK").to_string(0), "4000000");
    EXPECT_EQ(s.planned_by_currency.at("KRW").to_string(0), "279520000");
    EXPECT_EQ(s.results, 131U);
    EXPECT_EQ(s.indicators, 193U);
    EXPECT_EQ(s.periods, 100U);
}

TEST(iati_reader_test, mine_action_selection_finds_clearing_for_results_under_15110) {
    Portfolio p;
    IatiReadOptions options;
    options.selection = IatiSelection::mine_action();
    const IatiReadResult r = read_iati_files({kReal + "undp-cambodia-projects.xml"}, p, options);
    const auto index = p.find_activity("XM-DAC-41114-PROJECT-00090541");
    ASSERT_TRUE(index.has_value());
    const Activity& a = p.activity(*index);
    EXPECT_TRUE(
        std::any_of(a.sectors.begin(), a.sectors.end(), [](const SectorShare& s) { return s.code == "15110"; }));
    EXPECT_EQ(a.provenance.note, "selected by activity-id: XM-DAC-41114-PROJECT-00090541");
    EXPECT_EQ(r.selection.row_count(), p.activity_count());
    EXPECT_GT(r.activities_filtered_out, 0U);

    // Keyword rule alone: selected because the title names "Clearing for Results".
    Portfolio q;
    IatiReadOptions keywords;
    keywords.selection.keywords.push_back({"mine-action", kMineActionPattern});
    (void)read_iati_files({kReal + "undp-cambodia-projects.xml"}, q, keywords);
    const auto k = q.find_activity("XM-DAC-41114-PROJECT-00090541");
    ASSERT_TRUE(k.has_value());
    EXPECT_EQ(q.activity(*k).provenance.note.rfind("selected by keyword:mine-action: ", 0), 0U);

    // Sector 15250 alone does not find it.
    Portfolio s;
    IatiReadOptions sector;
    sector.selection.sectors = {"15250"};
    (void)read_iati_files({kReal + "undp-cambodia-projects.xml"}, s, sector);
    EXPECT_FALSE(s.find_activity("XM-DAC-41114-PROJECT-00090541").has_value());
}

TEST(iati_reader_test, a_ref_takes_the_first_name_it_is_given_however_often_it_is_named) {
    // XM-P is named by a participating-org, then by provider-orgs; XM-Q by receiver-orgs; XM-R0
    // to XM-R39 once each, then XM-R0 again (past the 32 names an activity compares a ref with).
    std::string xml = R"(<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XM-A</iati-identifier><reporting-org ref="XM-REP" type="10"><narrative>Reporter</narrative></reporting-org>
  <participating-org ref="XM-P" role="1"><narrative>Alpha</narrative></participating-org>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value>1</value>
   <provider-org ref="XM-P"><narrative>Beta</narrative></provider-org>
   <receiver-org ref="XM-Q"><narrative>Gamma</narrative></receiver-org></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-02"/><value>1</value>
   <provider-org ref="XM-P"><narrative>Delta</narrative></provider-org>
   <receiver-org ref="XM-Q"><narrative>Epsilon</narrative></receiver-org></transaction>
)";
    for (int k = 0; k < 40; ++k) {
        xml += R"(  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-02-01"/><value>1</value>
   <receiver-org ref="XM-R)" +
               std::to_string(k) + R"("><narrative>R)" + std::to_string(k) +
               R"(</narrative></receiver-org></transaction>
)";
    }
    xml += R"(  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-03-01"/><value>1</value>
   <receiver-org ref="XM-R0"><narrative>Renamed</narrative></receiver-org></transaction>
 </iati-activity>
 <iati-activity default-currency="USD">
  <iati-identifier>XM-B</iati-identifier><reporting-org ref="XM-REP" type="10"><narrative>Reporter</narrative></reporting-org>
  <participating-org ref="XM-P" role="1"><narrative>Zeta</narrative></participating-org>
 </iati-activity>
</iati-activities>
)";
    Portfolio p;
    const IatiReadResult r = read_iati_string(xml, p, {}, "names.xml");
    EXPECT_EQ(r.transactions, 43U);
    EXPECT_EQ(p.organisation_name("XM-P"), "Alpha");
    EXPECT_EQ(p.find_organisation("XM-P")->provenance.note, "named in the participating-org narrative");
    EXPECT_EQ(p.find_organisation("XM-P")->provenance.line, 2U);  // the activity's line
    EXPECT_EQ(p.organisation_name("XM-Q"), "Gamma");
    EXPECT_EQ(p.find_organisation("XM-Q")->provenance.note, "named in the receiver-org narrative");
    EXPECT_EQ(p.find_organisation("XM-Q")->provenance.line, 5U);  // its first transaction's line
    EXPECT_EQ(p.organisation_name("XM-R0"), "R0");
    EXPECT_EQ(p.organisation_name("XM-R39"), "R39");
}

TEST(iati_reader_test, activities_outside_the_selection_are_counted_with_their_money_and_narratives_name_refs) {
    const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XM-IN</iati-identifier><reporting-org ref="XM-R" type="40"><narrative>Reporter</narrative></reporting-org>
  <title><narrative>Mine clearance in Pailin</narrative></title>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value>5</value>
   <provider-org ref="00555"><narrative>Swedish International Development Cooperation Agency</narrative></provider-org></transaction>
 </iati-activity>
 <iati-activity default-currency="USD">
  <iati-identifier>XM-OUT</iati-identifier><reporting-org ref="XM-R" type="40"><narrative>Reporter</narrative></reporting-org>
  <title><narrative>Climate resilience</narrative></title>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value>100.50</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2020-02-01"/><value>20</value></transaction>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2019-02-01"/><value>300</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-03-01"/><value currency="EUR">7</value>
   <provider-org ref="99999"><narrative>Never named in the portfolio</narrative></provider-org></transaction>
 </iati-activity>
</iati-activities>
)";
    Portfolio p;
    IatiReadOptions options;
    options.selection = IatiSelection::mine_action();
    const IatiReadResult r = read_iati_string(xml, p, options, "scope.xml");
    EXPECT_EQ(r.activities_kept, 1U);
    EXPECT_EQ(r.activities_filtered_out, 1U);
    // XM-OUT: one row per currency. USD: spent 100.50 + 20 = 120.50, committed 300, 3 records;
    // EUR: spent 7, 1 record.
    ASSERT_EQ(r.outside.row_count(), 2U);
    EXPECT_EQ(r.outside.at<std::string>(0, "activity_id"), "XM-OUT");
    EXPECT_EQ(r.outside.at<std::string>(0, "currency"), "EUR");
    EXPECT_EQ(r.outside.at<Decimal>(0, "disbursed_or_spent"), Decimal::parse("7"));
    EXPECT_EQ(r.outside.at<std::string>(1, "currency"), "USD");
    EXPECT_EQ(r.outside.at<Decimal>(1, "disbursed_or_spent"), Decimal::parse("120.50"));
    EXPECT_EQ(r.outside.at<Decimal>(1, "committed"), Decimal::parse("300"));
    EXPECT_EQ(r.outside.at<std::int64_t>(1, "transactions"), 3);
    EXPECT_EQ(r.outside.at<std::string>(1, "title"), "Climate resilience");
    EXPECT_EQ(r.outside.at<std::int64_t>(1, "line"), 9);  // <iati-activity> of XM-OUT
    // A ref known only from a kept activity's narrative gets that name; one from a left-out
    // activity does not reach the Portfolio.
    EXPECT_EQ(p.organisation_name("00555"), "Swedish International Development Cooperation Agency");
    EXPECT_EQ(p.find_organisation("00555")->provenance.note, "named in the provider-org narrative");
    EXPECT_EQ(p.find_organisation("99999"), nullptr);
    // classify() gives the same verdict on records already read.
    Portfolio all;
    (void)read_iati_string(xml, all, {}, "scope.xml");
    const Table c = classify(all, IatiSelection::mine_action());
    ASSERT_EQ(c.row_count(), 2U);
    EXPECT_EQ(c.at<std::int64_t>(0, "selected"), 1);
    EXPECT_EQ(c.at<std::string>(0, "rule"), "keyword:mine-action");
    EXPECT_EQ(c.at<std::string>(0, "detail"), "Mine clearance");
    EXPECT_EQ(c.at<std::int64_t>(1, "selected"), 0);
    EXPECT_EQ(c.at<std::string>(1, "rule"), "");
}

TEST(iati_reader_test, long_percentages_are_rounded_not_refused_and_dac_sector_preferred) {
    // 7 x 14.285714285714286 (= 100/7 to 15 places): each rounds to 14.285714286, and
    // 7 x 14.285714286 = 100.000000002, within the 0.01 tolerance: no warning.
    std::string xml = "<iati-activities><iati-activity default-currency=\"USD\"><iati-identifier>P</iati-identifier>";
    for (const char* c : {"KH", "LA", "VN", "TH", "MM", "BF", "ML"}) {
        xml += std::string("<recipient-country code=\"") + c + "\" percentage=\"14.285714285714286\"/>";
    }
    xml +=
        "<transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"2020-01-01\"/><value>1</value>"
        "<sector vocabulary=\"2\" code=\"152\"/><sector vocabulary=\"1\" code=\"15250\"/></transaction>"
        "</iati-activity></iati-activities>";
    Portfolio p;
    const IatiReadResult r = read_iati_string(xml, p);
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().to_string();
    EXPECT_EQ(p.activity(0U).recipient_countries[0].percentage->to_string(), "14.285714286");
    EXPECT_EQ(p.transactions().row(0).sector_code, "15250");  // vocabulary 1 wins over 2
    EXPECT_EQ(p.transactions().row(0).sector_vocabulary, "1");
}

TEST(iati_reader_test, scope_filters_must_all_hold) {
    Portfolio p;
    IatiReadOptions options;
    options.selection.recipient_countries = {"KH"};
    options.selection.reporting_orgs = {"NO-SUCH-ORG"};
    const IatiReadResult r = read_iati_string(kActivity, p, options);
    EXPECT_EQ(p.activity_count(), 0U);
    EXPECT_EQ(r.activities_filtered_out, 1U);
    Portfolio q;
    options.selection.reporting_orgs = {"XM-TEST"};
    options.selection.from = make_date(2023, 1, 1);  // activity ends 2022-12-31 (planned)
    (void)read_iati_string(kActivity, q, options);
    EXPECT_EQ(q.activity_count(), 0U);
    Portfolio k;
    options.selection.from = make_date(2022, 6, 1);
    (void)read_iati_string(kActivity, k, options);
    EXPECT_EQ(k.activity_count(), 1U);
}

TEST(iati_reader_test, organisation_files_keep_organisations_and_a_finance_table) {
    const char* xml = R"(<iati-organisations version="2.03">
 <iati-organisation default-currency="EUR">
  <organisation-identifier>XM-ORG-1</organisation-identifier>
  <name><narrative>Example Org</narrative></name>
  <reporting-org ref="XM-ORG-1" type="21"><narrative>Example Org</narrative></reporting-org>
  <total-budget status="2"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value value-date="2024-01-01">1500000</value></total-budget>
  <recipient-country-budget><recipient-country code="KH"/><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="USD" value-date="2024-01-01">250000.75</value></recipient-country-budget>
  <total-expenditure><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">bad</value></total-expenditure>
 </iati-organisation>
</iati-organisations>)";
    Portfolio p;
    const IatiReadResult r = read_iati_string(xml, p, {}, "org.xml");
    ASSERT_NE(p.find_organisation("XM-ORG-1"), nullptr);
    EXPECT_EQ(p.find_organisation("XM-ORG-1")->name, "Example Org");
    EXPECT_EQ(r.organisation_finances.row_count(), 2U);
    EXPECT_EQ(r.organisation_finances.at<Decimal>(1, "value").to_string(), "250000.75");
    EXPECT_EQ(r.organisation_finances.at<std::string>(0, "currency"), "EUR");
    EXPECT_EQ(r.organisation_finances.at<std::string>(1, "recipient"), "KH");
    EXPECT_EQ(count_rule(r.diagnostics, "value-valid"), 1U);
    ASSERT_EQ(r.notes.size(), 1U);
    EXPECT_NE(r.notes[0].find("not in the Portfolio"), std::string::npos);
}

TEST(iati_reader_test, progress_reports_bytes_up_to_the_total) {
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    IatiReadOptions options;
    options.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    Portfolio p;
    (void)read_iati_files({kReal + "undp-cambodia-projects.xml"}, p, options);
    ASSERT_GE(calls.size(), 2U);
    EXPECT_EQ(calls.back().first, calls.back().second);
    EXPECT_EQ(calls.back().second, 354381U);  // the file's size in bytes
}

}  // namespace
}  // namespace aidtrack
