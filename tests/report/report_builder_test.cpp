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

namespace {

ForecastInput forecast_input(double rate_m2, double cost_per_m2) {
    ForecastInput in;
    in.remaining_m2 = 600e6;  // 600 km²
    in.as_of = make_date(2025, 1, 1);
    in.release_rate_m2_per_year = rate_m2;
    in.cost_per_m2 = cost_per_m2;
    in.funding.kind = FundingKind::flat;
    in.funding.history[2024] = 47.7e6;  // kept flat: 6 years to 2030 give 6 × 47.7 M = 286.2 M
    in.funding_limits_release = false;
    in.deadline = make_date(2030, 12, 31);
    return in;
}

}  // namespace

TEST(report_builder_test, binding_constraint_is_capacity_when_money_covers_the_cost) {
    const ForecastInput in = forecast_input(50e6, 0.04);
    const ForecastResult r = forecast(in);
    EXPECT_NEAR(r.cost_needed, 24e6, 1);             // 600e6 m² × 0.04
    EXPECT_NEAR(r.funding_to_deadline, 286.2e6, 1);  // 6 × 47.7 M
    EXPECT_EQ(r.funding_gap, 0);
    ASSERT_TRUE(r.completion_year.has_value());
    EXPECT_EQ(*r.completion_year, 2036);  // 600 / 50 = 12 years from 2025-01-01
    const BindingConstraint b = binding_constraint(in, r, CurrencyCode("USD"));
    EXPECT_EQ(b.limit, "capacity");
    EXPECT_TRUE(b.capacity_short);
    EXPECT_FALSE(b.money_short);
    EXPECT_NEAR(b.needed_rate, 100e6, 1e-3);      // 600 km² over the 6 years 2025–2030
    EXPECT_NEAR(b.fundable_rate, 1192.5e6, 1);    // 47.7 M a year ÷ 0.04 per m²
    EXPECT_NE(b.sentence.find("release capacity, not money"), std::string::npos) << b.sentence;
    EXPECT_NE(b.sentence.find("needs 100.0 km²/year (2.0 times the recent rate)"), std::string::npos) << b.sentence;
    EXPECT_NE(b.sentence.find("lasts until 2036"), std::string::npos) << b.sentence;
}

TEST(report_builder_test, binding_constraint_is_money_when_the_rate_would_finish_in_time) {
    const ForecastInput in = forecast_input(200e6, 1.0);  // 3 years of work; cost 600 M
    const ForecastResult r = forecast(in);
    EXPECT_TRUE(r.meets_deadline);
    EXPECT_NEAR(r.funding_gap, 313.8e6, 1);  // 600 M − 286.2 M
    const BindingConstraint b = binding_constraint(in, r, CurrencyCode("USD"));
    EXPECT_EQ(b.limit, "money");
    EXPECT_NE(b.sentence.find("money, not release capacity"), std::string::npos) << b.sentence;
    EXPECT_NE(b.sentence.find("USD 313.8 M short"), std::string::npos) << b.sentence;
    EXPECT_NE(b.sentence.find("pays for 47.7 km²/year"), std::string::npos) << b.sentence;  // 47.7 M ÷ 1.0 per m²
}

TEST(report_builder_test, binding_constraint_names_the_tighter_limit_when_both_fall_short) {
    // Rate 50 km²/year misses 2030; funding pays for 47.7 km²/year < 50: money binds most.
    const ForecastInput in = forecast_input(50e6, 1.0);
    const BindingConstraint b = binding_constraint(in, forecast(in), CurrencyCode("USD"));
    EXPECT_TRUE(b.capacity_short && b.money_short);
    EXPECT_EQ(b.limit, "money");
    // Cost 0.9 per m²: 47.7 M ÷ 0.9 = 53.0 km²/year > 50, so capacity binds most (gap 540 − 286.2 > 0).
    const ForecastInput in2 = forecast_input(50e6, 0.9);
    EXPECT_EQ(binding_constraint(in2, forecast(in2), CurrencyCode("USD")).limit, "capacity");
    // 200 km²/year and 0.04 per m²: done in 2027 and 24 M ≤ 286.2 M: nothing binds.
    const ForecastInput in3 = forecast_input(200e6, 0.04);
    EXPECT_EQ(binding_constraint(in3, forecast(in3), CurrencyCode("USD")).limit, "none");
}

TEST(report_builder_test, embedded_report_counts_donors_once_maps_alignment_and_names_the_binding_limit) {
    const Portfolio p = datasets::cambodia();
    ReportOptions o;
    o.nmas_mapping = datasets::nmas_mapping();
    const Report r = build_report(p, o);

    // Funding: the 2022 total stays 37.7 M and Japan's 20.1 M is shown as its part, beside the
    // derived rest 37.7 − 20.1 = 17.6 M.
    const Section* funding = r.find("funding");
    ASSERT_NE(funding, nullptr);
    const Table* parts = nullptr;
    for (const auto& t : funding->tables) {
        if (t.title().rfind("International support by named donor", 0) == 0) parts = &t;
    }
    ASSERT_NE(parts, nullptr);
    ASSERT_EQ(parts->row_count(), 2U);  // 2022: "(not named)" (empty ref sorts first), Japan
    EXPECT_EQ(parts->at<std::string>(0, "donor"), "(not named)");
    EXPECT_EQ(parts->at<Decimal>(0, "amount_USD"), Decimal::parse("17600000"));
    EXPECT_EQ(parts->at<std::string>(1, "donor_ref"), "XM-DAC-701");
    EXPECT_EQ(parts->at<Decimal>(1, "amount_USD"), Decimal::parse("20100000"));
    EXPECT_NEAR(parts->at<double>(1, "share_of_total"), 20.1 / 37.7, 1e-12);
    const Table& series = funding->tables.at(0);
    for (std::size_t i = 0; i < series.row_count(); ++i) {
        if (series.at<std::int64_t>(i, "year") == 2022) {
            EXPECT_EQ(series.at<Decimal>(i, "international_USD"), Decimal::parse("37700000"));
            EXPECT_EQ(series.at<Decimal>(i, "national_USD"), Decimal::parse("10000000"));  // own spending, still shown
        }
    }

    // Alignment: counted at hop 'reported', so the mapped CfR III money appears under NMAS goals.
    const Section* alignment = r.find("alignment");
    ASSERT_NE(alignment, nullptr);
    ASSERT_TRUE(alignment->available);
    const Table& a = alignment->tables.at(0);
    std::size_t mapped = 0;
    for (std::size_t i = 0; i < a.row_count(); ++i) {
        EXPECT_NE(a.text(i, a.column_index("donor")), "KH-RGC");
        EXPECT_NE(a.text(i, a.column_index("donor")), "AIDTRACK-LM");  // country totals are not project money
        if (a.text(i, a.column_index("objective")) != "(unmapped)" && a.at<Decimal>(i, "numerator") > Decimal(0)) ++mapped;
    }
    EXPECT_GT(mapped, 0U);
    bool says_hop = false;
    for (const auto& para : alignment->paragraphs) says_hop = says_hop || para.find("hop 'reported'") != std::string::npos;
    EXPECT_TRUE(says_hop);

    // Forecast: the gap is 0 and completion is after 2030, so the sentence names capacity.
    const Section* forecast_s = r.find("forecast");
    ASSERT_NE(forecast_s, nullptr);
    ASSERT_TRUE(forecast_s->available);
    const Table& inputs = forecast_s->tables.at(0);
    double gap = -1;
    for (std::size_t i = 0; i < inputs.row_count(); ++i) {
        if (inputs.at<std::string>(i, "input") == "funding_gap") gap = inputs.at<double>(i, "value");
    }
    EXPECT_EQ(gap, 0.0);
    bool capacity = false;
    for (const auto& line : forecast_s->summary) capacity = capacity || line.find("Binding constraint: release capacity, not money") == 0;
    EXPECT_TRUE(capacity);
}
