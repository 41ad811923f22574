// Tests of the report: a hand-built portfolio gives the expected numbers; the embedded
// dataset gives a full report whose files are written.
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/report/report_builder.hpp>
#include <aidtrack/report/table_writer.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace aidtrack;
using namespace aidtrack::report;

namespace {

Portfolio hand_portfolio() {
    Portfolio p;
    p.upsert_organisation({"AU-5", "Department of Foreign Affairs and Trade", "10", "AU", "DFAT", {}});
    p.upsert_organisation({"KR-GOV-010", "Korea International Cooperation Agency", "10", "KR", "KOICA", {}});
    Activity series;
    series.identifier = "AIDTRACK-KH-LM-INTL";
    const auto s = p.add_activity(series);
    Activity project;
    project.identifier = "P1";
    project.reporting_org.ref = "XM-DAC-41114";
    const auto a = p.add_activity(project);
    auto tx = [&](std::uint32_t act, int type, int year, const char* value, const char* provider) {
        Transaction t;
        t.activity = act;
        t.type = type;
        t.date = make_date(year, 12, 31);
        t.value = Money(Decimal::parse(value), CurrencyCode("USD"));
        t.provider_org = provider;
        p.add_transaction(t);
    };
    tx(s, 3, 2021, "30000000", "");        // country total: never added to project flows
    tx(s, 3, 2022, "37700000", "");
    tx(a, 3, 2022, "3000000.25", "AU-5");
    tx(a, 3, 2022, "1000000", "KR-GOV-010");
    tx(a, 3, 2022, "500000", "AU-5");
    tx(a, 11, 2021, "9200000", "KR-GOV-010");
    return p;
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(report_builder_test, hand_portfolio_gives_the_expected_sums_and_shares) {
    ReportOptions o;
    o.year = 2022;
    const Report r = build_report(hand_portfolio(), o);
    const Section* funding = r.find("funding");
    ASSERT_NE(funding, nullptr);
    ASSERT_EQ(funding->tables.size(), 2U);
    const Table& series = funding->tables[0];
    ASSERT_EQ(series.row_count(), 2U);
    EXPECT_EQ(series.at<Decimal>(1, "international_USD"), Decimal::parse("37700000"));
    const Table& flows = funding->tables[1];
    // Rows sorted by provider ref then year: AU-5 2022, KR-GOV-010 2021, KR-GOV-010 2022.
    ASSERT_EQ(flows.row_count(), 3U);
    EXPECT_EQ(flows.at<std::string>(0, "provider"), "DFAT");
    EXPECT_EQ(flows.at<Decimal>(0, "disbursed_or_spent"), Decimal::parse("3500000.25"));  // 3,000,000.25 + 500,000
    EXPECT_EQ(flows.at<std::int64_t>(0, "transactions"), 2);
    EXPECT_EQ(flows.at<Decimal>(1, "committed"), Decimal::parse("9200000"));
    EXPECT_EQ(flows.at<Decimal>(2, "disbursed_or_spent"), Decimal::parse("1000000"));

    const Section* frag = r.find("fragmentation");
    ASSERT_NE(frag, nullptr);
    ASSERT_TRUE(frag->available);
    const Table& f = frag->tables.at(0);
    ASSERT_EQ(f.row_count(), 1U);  // only 2022 has disbursements
    EXPECT_EQ(f.at<std::int64_t>(0, "providers"), 2);
    EXPECT_EQ(f.at<Decimal>(0, "total"), Decimal::parse("4500000.25"));
    // largest share = 3,500,000.25 / 4,500,000.25 = 0.77777779…
    EXPECT_NEAR(f.at<double>(0, "largest_share"), 3500000.25 / 4500000.25, 1e-12);
    // HHI = 0.7778² + 0.2222² = 0.6543…
    const double s1 = 3500000.25 / 4500000.25;
    EXPECT_NEAR(f.at<double>(0, "hhi"), s1 * s1 + (1 - s1) * (1 - s1), 1e-12);

    // A section without data says so and carries no figures.
    const Section* land = r.find("land-release");
    ASSERT_NE(land, nullptr);
    EXPECT_FALSE(land->available);
    EXPECT_TRUE(land->tables.empty());

    const std::string md = to_markdown(r);
    EXPECT_NE(md.find("| DFAT | AU-5 | 2022 | 0.00 | 0.00 | 3,500,000.25 | 2 |"), std::string::npos) << md;
    const std::string text = to_text_summary(r);
    EXPECT_NE(text.find("International support (Landmine Monitor): USD 30.00 M in 2021, USD 37.70 M in 2022"), std::string::npos) << text;
}

TEST(report_builder_test, year_option_cuts_later_transactions) {
    ReportOptions o;
    o.year = 2021;
    const Report r = build_report(hand_portfolio(), o);
    const Table& flows = r.find("funding")->tables[1];
    ASSERT_EQ(flows.row_count(), 1U);  // only KOICA's 2021 commitment
    EXPECT_EQ(flows.at<std::string>(0, "provider_ref"), "KR-GOV-010");
}

TEST(report_builder_test, embedded_dataset_report_is_written_with_every_table) {
    const Portfolio p = datasets::cambodia();
    ReportOptions o;
    o.source_files = datasets::dataset_files();
    const Report r = build_report(p, o);
    const std::string dir = (std::filesystem::temp_directory_path() / "aidtrack-report-test").string();
    std::filesystem::remove_all(dir);
    const WrittenReport w = write_report(r, dir);
    std::size_t tables = 0;
    for (const auto& s : r.sections) tables += s.tables.size();
    EXPECT_EQ(w.csv.size(), tables);
    const std::string html = read(w.html);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    // Landmine Monitor 2022: 37.70 M, shown with separators.
    EXPECT_NE(html.find("37,700,000.00"), std::string::npos);
    // Remaining contamination: 469 + 681 + 547 = 1,697 km² at the end of 2024.
    const Section* land = r.find("land-release");
    ASSERT_NE(land, nullptr);
    ASSERT_TRUE(land->available);
    std::int64_t remaining = 0;
    const Table& t = land->tables.at(0);
    for (std::size_t i = 0; i < t.row_count(); ++i) remaining += t.at<std::int64_t>(i, "remaining_m2");
    EXPECT_EQ(remaining, 1'697'000'000);
    EXPECT_FALSE(r.provenance.empty());
}
