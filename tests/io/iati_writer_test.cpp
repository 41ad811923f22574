/// \file iati_writer_test.cpp
/// \brief Tests of the IATI 2.03 writer: XSD-valid output, every field, round trips on real files.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/io/iati_validator.hpp>
#include <aidtrack/io/iati_writer.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace aidtrack;

namespace {

const fs::path kReal = fs::path(AIDTRACK_TEST_DATA_DIR) / "iati/real";

Narratives en(const std::string& text) { return {{text, "en"}}; }

/// One activity holding every field the model has, with two transactions, a budget and a
/// planned disbursement.
Portfolio full_portfolio() {
    Portfolio p;
    Activity a;
    a.identifier = "XM-DAC-41114-PROJECT-00090541";
    a.default_lang = "en";
    a.hierarchy = 2;
    a.last_updated = "2024-05-01T10:00:00Z";
    a.humanitarian = true;
    a.reporting_org = {"XM-DAC-41114", "40", false, en("UNDP")};
    a.title = {{"Clearing for Results III", "en"}, {"Déminage pour des résultats", "fr"}};
    a.description = en("Mine action & ERW <clearance> in Cambodia");
    a.participating_orgs = {{"AU-5", OrgRole::funding, "10", "AU-5-INM123", "", en("DFAT")},
                            {"KH-GOV-CMAA", OrgRole::implementing, "10", "", "11000", en("CMAA")}};
    a.status = "2";
    a.planned_start = make_date(2020, 1, 1);
    a.actual_start = make_date(2020, 2, 1);
    a.planned_end = make_date(2025, 12, 31);
    a.recipient_countries = {{"KH", Decimal(80), en("Cambodia")}, {"LA", Decimal(10), {}}};
    a.recipient_regions = {{"789", "1", Decimal(10), {}}};
    a.sectors = {{"1", "15250", Decimal::parse("70.5"), en("Removal of land mines")},
                 {"1", "15230", Decimal::parse("29.5"), {}},
                 {"2", "152", std::nullopt, {}}};
    a.country_budget_vocabulary = "2";
    a.country_budget_items = {{"1.1.1", Decimal(100), en("Executive")}};
    a.related_activities = {{1, "XM-DAC-41114-PROJECT-00090000"}};
    a.policy_markers = {{"1", "1", 2}, {"1", "5", -1}};
    a.humanitarian_scopes = {{"1", "1-2", "EQ-2015-000048-NPL", en("Nepal earthquake")}};
    a.document_links = {{"https://example.org/report.pdf", "application/pdf", en("Annual report"), {"A01", "A02"}}};
    a.collaboration_type = "1";
    a.default_currency = "USD";
    a.default_aid_type = "C01";
    a.default_finance_type = "110";
    a.default_flow_type = "10";
    a.default_tied_status = "5";
    IatiResult r;
    r.type = "1";
    r.aggregation_status = true;
    r.title = en("Land released");
    r.description = en("Square metres");
    ResultIndicator ind;
    ind.measure = "1";
    ind.ascending = false;
    ind.title = en("Casualties");
    ind.references = {{"99", "MA-1", "https://example.org/ind"}};
    IndicatorBaseline base;
    base.year = 2019;
    base.iso_date = make_date(2019, 12, 31);
    base.value.value = Decimal(58);
    base.value.text = "58";
    base.value.comment = en("Landmine Monitor");
    ind.baselines = {base};
    IndicatorPeriod period;
    period.start = make_date(2021, 1, 1);
    period.end = make_date(2021, 12, 31);
    IndicatorValue target;
    target.value = Decimal(40);
    target.text = "40";
    target.dimensions = {{"sex", "female"}};
    target.locations = {"KH-BTB"};
    IndicatorValue actual;
    actual.value = Decimal::parse("44.5");
    actual.text = "44.5";
    actual.comment = en("provisional");
    period.targets = {target};
    period.actuals = {actual};
    ind.periods = {period};
    r.indicators = {ind};
    a.results = {r};
    a.provenance = {"built-in-test", 1, Evidence::illustrative, ""};
    const auto index = p.add_activity(a);

    Transaction t;
    t.activity = index;
    t.type = 3;
    t.date = make_date(2021, 3, 15);
    t.value = Money::parse("1234567.89", "USD");
    t.value_date = make_date(2021, 3, 14);
    t.ref = "TX-1";
    t.provider_org = "AU-5";
    t.provider_activity = "AU-5-INM123";
    t.receiver_org = "KH-GOV-CMAA";
    t.aid_type = "C01";
    t.finance_type = "110";
    t.flow_type = "10";
    t.tied_status = "5";
    t.disbursement_channel = "1";
    t.sector_vocabulary = "1";
    t.sector_code = "15250";
    t.recipient_country = "KH";
    t.humanitarian = 1;
    p.add_transaction(t);
    Transaction t2;
    t2.activity = index;
    t2.type = 4;
    t2.date = make_date(2022, 1, 10);
    t2.value = Money::parse("-50.25", "EUR");
    t2.value_date = make_date(2022, 1, 10);
    t2.recipient_region = "789";
    // A reader fills silent transactions from the activity's default-* codes; holding them
    // here keeps the round trip an identity.
    t2.aid_type = "C01";
    t2.finance_type = "110";
    t2.flow_type = "10";
    t2.tied_status = "5";
    t2.humanitarian = 1;  // and from the activity's @humanitarian
    p.add_transaction(t2);

    Budget b;
    b.activity = index;
    b.type = 2;
    b.status = 2;
    b.period = Period(make_date(2021, 1, 1), make_date(2021, 12, 31));
    b.value = Money::parse("2000000", "USD");
    b.value_date = make_date(2021, 1, 1);
    p.add_budget(b);
    PlannedDisbursement pd;
    pd.activity = index;
    pd.type = 1;
    pd.period = Period(make_date(2022, 1, 1), make_date(2022, 3, 31));
    pd.value = Money::parse("500000", "USD");
    pd.provider_org = "AU-5";
    pd.receiver_org = "XM-DAC-41114";
    pd.receiver_activity = "XM-DAC-41114-PROJECT-00090541";
    p.add_planned_disbursement(pd);  // no value-date: the writer fills the period start
    return p;
}

IatiWriteOptions fixed_options() {
    IatiWriteOptions o;
    o.generated_datetime = "2024-06-30T12:00:00Z";
    return o;
}

std::string xpath_text(const pugi::xml_document& doc, const char* query) {
    const pugi::xpath_node n = doc.select_node(query);
    if (!n) return "<missing " + std::string(query) + ">";
    return n.attribute() ? n.attribute().value() : n.node().text().get();
}

std::string dump(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST(iati_writer_test, full_activity_validates_against_the_xsd) {
    Diagnostics written;
    const std::string xml = write_iati_string(full_portfolio(), fixed_options(), &written);
    // The only note: one value (the planned disbursement's) had its value-date filled.
    ASSERT_EQ(written.size(), 1U) << dump(written);
    EXPECT_EQ(written[0].rule, "value-date-filled");
    IatiValidationOptions strict;
    strict.strict_rules = true;  // codes on codelists and percentages summing to 100 too
    const auto report = validate_iati_buffer(xml, "written.xml", strict);
    std::string problems;
    for (const auto& d : report.problems) problems += d.to_string() + "\n";
    // The one finding is by design of the test data: sectors both on the activity and on a
    // transaction (to write every field), which IATI advises against.
    ASSERT_EQ(report.problems.size(), 1U) << problems << xml;
    EXPECT_EQ(report.problems[0].rule, "sector-in-one-place");
    IatiValidationOptions schema_only;
    schema_only.rules = false;
    EXPECT_TRUE(validate_iati_buffer(xml, "written.xml", schema_only).problems.empty());
}

TEST(iati_writer_test, every_field_lands_where_the_standard_puts_it) {
    const std::string xml = write_iati_string(full_portfolio(), fixed_options());
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(xml.c_str()));
    const auto at = [&](const char* q) { return xpath_text(doc, q); };
    EXPECT_EQ(at("/iati-activities/@version"), "2.03");
    EXPECT_EQ(at("/iati-activities/@generated-datetime"), "2024-06-30T12:00:00Z");
    EXPECT_EQ(at("//iati-activity/@default-currency"), "USD");
    EXPECT_EQ(at("//iati-activity/@xml:lang"), "en");
    EXPECT_EQ(at("//iati-activity/@hierarchy"), "2");
    EXPECT_EQ(at("//iati-activity/@humanitarian"), "1");
    EXPECT_EQ(at("//iati-identifier"), "XM-DAC-41114-PROJECT-00090541");
    EXPECT_EQ(at("//title/narrative[@xml:lang='fr']"), "Déminage pour des résultats");
    EXPECT_EQ(at("//iati-activity/description/narrative"), "Mine action & ERW <clearance> in Cambodia");
    EXPECT_EQ(at("//participating-org[@role='4']/@crs-channel-code"), "11000");
    EXPECT_EQ(at("//participating-org[@role='1']/@activity-id"), "AU-5-INM123");
    EXPECT_EQ(at("//activity-date[@type='2']/@iso-date"), "2020-02-01");
    EXPECT_EQ(doc.select_nodes("//activity-date[@type='4']").size(), 0U);
    EXPECT_EQ(at("//iati-activity/recipient-country[@code='KH']/@percentage"), "80");
    EXPECT_EQ(at("//iati-activity/sector[@code='15250']/@percentage"), "70.5");
    EXPECT_EQ(doc.select_nodes("//iati-activity/sector[@code='152']/@percentage").size(), 0U);
    EXPECT_EQ(at("//country-budget-items/budget-item/description/narrative"), "Executive");
    EXPECT_EQ(at("//policy-marker[@code='1']/@significance"), "2");
    EXPECT_EQ(doc.select_nodes("//policy-marker[@code='5']/@significance").size(), 0U);
    EXPECT_EQ(at("//humanitarian-scope/@vocabulary"), "1-2");
    EXPECT_EQ(at("//default-aid-type/@code"), "C01");
    EXPECT_EQ(at("//budget/@type"), "2");
    EXPECT_EQ(at("//budget/value/@value-date"), "2021-01-01");
    EXPECT_EQ(at("//budget/value"), "2000000");
    EXPECT_EQ(at("//planned-disbursement/value/@value-date"), "2022-01-01");  // filled from the period start
    EXPECT_EQ(at("//planned-disbursement/receiver-org/@receiver-activity-id"), "XM-DAC-41114-PROJECT-00090541");
    EXPECT_EQ(at("//transaction[@ref='TX-1']/value"), "1234567.89");
    EXPECT_EQ(at("//transaction[@ref='TX-1']/value/@currency"), "USD");
    EXPECT_EQ(at("//transaction[@ref='TX-1']/value/@value-date"), "2021-03-14");
    EXPECT_EQ(at("//transaction[@ref='TX-1']/@humanitarian"), "1");
    EXPECT_EQ(at("//transaction[@ref='TX-1']/provider-org/@provider-activity-id"), "AU-5-INM123");
    EXPECT_EQ(at("//transaction[@ref='TX-1']/disbursement-channel/@code"), "1");
    EXPECT_EQ(at("//transaction[transaction-type/@code='4']/value"), "-50.25");
    EXPECT_EQ(at("//transaction[transaction-type/@code='4']/value/@currency"), "EUR");
    EXPECT_EQ(at("//transaction[transaction-type/@code='4']/recipient-region/@code"), "789");
    EXPECT_EQ(at("//document-link/category[2]/@code"), "A02");
    EXPECT_EQ(at("//related-activity/@type"), "1");
    EXPECT_EQ(at("//result/@aggregation-status"), "1");
    EXPECT_EQ(at("//indicator/@ascending"), "0");
    EXPECT_EQ(at("//indicator/reference/@indicator-uri"), "https://example.org/ind");
    EXPECT_EQ(at("//baseline/@year"), "2019");
    EXPECT_EQ(at("//baseline/comment/narrative"), "Landmine Monitor");
    EXPECT_EQ(at("//period/target/dimension/@value"), "female");
    EXPECT_EQ(at("//period/target/location/@ref"), "KH-BTB");
    EXPECT_EQ(at("//period/actual/@value"), "44.5");
    // Sequence order of the XSD: budget before planned-disbursement before transaction.
    const pugi::xml_node activity = doc.child("iati-activities").child("iati-activity");
    std::vector<std::string> order;
    for (const pugi::xml_node c : activity.children()) {
        if (order.empty() || order.back() != c.name()) order.emplace_back(c.name());
    }
    const std::vector<std::string> expected = {"iati-identifier",
                                               "reporting-org",
                                               "title",
                                               "description",
                                               "participating-org",
                                               "activity-status",
                                               "activity-date",
                                               "recipient-country",
                                               "recipient-region",
                                               "sector",
                                               "country-budget-items",
                                               "humanitarian-scope",
                                               "policy-marker",
                                               "collaboration-type",
                                               "default-flow-type",
                                               "default-finance-type",
                                               "default-aid-type",
                                               "default-tied-status",
                                               "budget",
                                               "planned-disbursement",
                                               "transaction",
                                               "document-link",
                                               "related-activity",
                                               "result"};
    EXPECT_EQ(order, expected);
}

TEST(iati_writer_test, missing_required_parts_are_reported_not_invented) {
    Portfolio p;
    Activity a;
    a.identifier = "XX-1";
    p.add_activity(a);
    Diagnostics ds;
    const std::string xml = write_iati_string(p, fixed_options(), &ds);
    // reporting-org, title, description, participating-org, activity-status, activity-date.
    EXPECT_EQ(ds.size(), 6U) << dump(ds);
    EXPECT_FALSE(validate_iati_buffer(xml, "incomplete.xml").valid());
}

TEST(iati_writer_test, subset_and_unknown_index) {
    Portfolio p = full_portfolio();
    Activity b;
    b.identifier = "XX-2";
    p.add_activity(b);
    IatiWriteOptions o = fixed_options();
    o.activities = {0};
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(write_iati_string(p, o).c_str()));
    EXPECT_EQ(doc.select_nodes("//iati-activity").size(), 1U);
    o.activities = {7};
    EXPECT_THROW((void)write_iati_string(p, o), NotFoundError);
}

TEST(iati_writer_test, file_is_written_atomically) {
    const fs::path out = fs::temp_directory_path() / "aidtrack_writer_test.xml";
    fs::remove(out);
    (void)write_iati_file(full_portfolio(), out.string(), fixed_options());
    EXPECT_TRUE(validate_iati_file(out.string()).valid());
    fs::remove(out);
}

namespace {

/// The activity without where it came from (file and line differ after a round trip).
Activity without_provenance(Activity a) {
    a.provenance = {};
    return a;
}

/// Compares two portfolios on every field the model holds, ignoring provenance and source
/// lines; returns the differences found (empty when equal).
std::vector<std::string> differences(const Portfolio& a, const Portfolio& b) {
    std::vector<std::string> out;
    if (a.activity_count() != b.activity_count()) {
        out.push_back("activities " + std::to_string(a.activity_count()) + " vs " + std::to_string(b.activity_count()));
        return out;
    }
    for (std::uint32_t i = 0; i < a.activity_count(); ++i) {
        if (without_provenance(a.activity(i)) != without_provenance(b.activity(i)))
            out.push_back("activity " + a.activity(i).identifier);
    }
    if (a.transactions().size() != b.transactions().size()) {
        out.push_back("transactions " + std::to_string(a.transactions().size()) + " vs " +
                      std::to_string(b.transactions().size()));
    } else {
        for (std::size_t r = 0; r < a.transactions().size(); ++r) {
            Transaction x = a.transactions().row(r);
            Transaction y = b.transactions().row(r);
            x.line = y.line = 0;
            if (x != y) {
                std::string fields;
                const auto field = [&](const char* name, bool same) {
                    if (!same) fields += std::string(" ") + name;
                };
                field("type", x.type == y.type);
                field("date", x.date == y.date);
                field("value", x.value == y.value);
                field("value_date", x.value_date == y.value_date);
                field("orgs", x.provider_org == y.provider_org && x.provider_activity == y.provider_activity &&
                                  x.receiver_org == y.receiver_org && x.receiver_activity == y.receiver_activity);
                field("codes", x.aid_type == y.aid_type && x.finance_type == y.finance_type &&
                                   x.flow_type == y.flow_type && x.tied_status == y.tied_status &&
                                   x.disbursement_channel == y.disbursement_channel);
                field("geography", x.sector_vocabulary == y.sector_vocabulary && x.sector_code == y.sector_code &&
                                       x.recipient_country == y.recipient_country &&
                                       x.recipient_region == y.recipient_region);
                field("humanitarian", x.humanitarian == y.humanitarian);
                field("ref", x.ref == y.ref);
                out.push_back("transaction row " + std::to_string(r) + " of " + a.activity(x.activity).identifier +
                              ":" + fields);
            }
        }
    }
    if (a.budgets().size() != b.budgets().size()) out.push_back("budget count");
    for (std::size_t i = 0; i < std::min(a.budgets().size(), b.budgets().size()); ++i) {
        Budget x = a.budgets()[i];
        Budget y = b.budgets()[i];
        x.line = y.line = 0;
        if (x != y) out.push_back("budget " + std::to_string(i));
    }
    if (a.planned_disbursements().size() != b.planned_disbursements().size())
        out.push_back("planned disbursement count");
    for (std::size_t i = 0; i < std::min(a.planned_disbursements().size(), b.planned_disbursements().size()); ++i) {
        PlannedDisbursement x = a.planned_disbursements()[i];
        PlannedDisbursement y = b.planned_disbursements()[i];
        x.line = y.line = 0;
        if (x != y) out.push_back("planned disbursement " + std::to_string(i));
    }
    return out;
}

}  // namespace

TEST(iati_writer_test, round_trip_of_the_built_portfolio_is_lossless) {
    const Portfolio original = full_portfolio();
    Portfolio again;
    (void)read_iati_string(write_iati_string(original, fixed_options()), again, {}, "written.xml");
    // The one change is by design: the planned disbursement had no value-date and the XSD
    // requires one, so the period start (2022-01-01) was written and read back.
    const auto diff = differences(original, again);
    ASSERT_EQ(diff, std::vector<std::string>{"planned disbursement 0"});
    ASSERT_FALSE(original.planned_disbursements()[0].value_date.has_value());
    EXPECT_EQ(again.planned_disbursements()[0].value_date, make_date(2022, 1, 1));
    PlannedDisbursement fixed = again.planned_disbursements()[0];
    fixed.value_date.reset();
    fixed.line = original.planned_disbursements()[0].line;
    EXPECT_EQ(fixed, original.planned_disbursements()[0]);
}

TEST(iati_writer_test, round_trip_of_every_real_file_is_lossless_and_validates) {
    IatiValidationOptions schema_only;
    schema_only.rules = false;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(kReal)) {
        if (entry.path().extension() != ".xml") continue;
        ++files;
        const std::string path = entry.path().string();
        Portfolio first;
        (void)read_iati_files({path}, first);
        ASSERT_GT(first.activity_count(), 0U) << path;
        const std::string xml = write_iati_string(first, fixed_options());
        Portfolio second;
        (void)read_iati_string(xml, second, {}, "written.xml");
        for (const auto& d : differences(first, second)) ADD_FAILURE() << path << ": " << d;
        // The written file validates whenever the original did (what the model holds of a
        // valid file is enough for a valid file).
        if (validate_iati_file(path, schema_only).valid()) {
            const auto report = validate_iati_buffer(xml, "written-" + entry.path().filename().string(), schema_only);
            std::string problems;
            for (std::size_t i = 0; i < std::min<std::size_t>(5, report.problems.size()); ++i)
                problems += report.problems[i].to_string() + "\n";
            EXPECT_TRUE(report.valid()) << path << "\n" << problems;
        }
    }
    EXPECT_EQ(files, 18U);
}
