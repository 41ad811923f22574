// Tests of the report: a hand-built portfolio gives the expected numbers; the embedded dataset
// gives a report that reproduces the published figures, holds only mine action, names every
// organisation and has no empty rows; a report on UNDP's Lao PDR file keeps only its UXO work.
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/report/report_builder.hpp>
#include <aidtrack/report/table_writer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
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
    tx(s, 3, 2021, "30000000", "");      // a country total without donors: never added to project flows
    tx(s, 3, 2022, "27700000", "AU-5");  // 2022 split over two named donors: 27.7 M + 10 M = 37.7 M
    tx(s, 3, 2022, "10000000", "KR-GOV-010");
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

const Table* find_table(const Section* s, const std::string& title_start) {
    if (s == nullptr) return nullptr;
    for (const auto& t : s->tables) {
        if (t.title().rfind(title_start, 0) == 0) return &t;
    }
    return nullptr;
}

std::int64_t row_of_year(const Table& t, int year) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::int64_t>(r, "year") == year) return static_cast<std::int64_t>(r);
    }
    return -1;
}

// The report the CLI makes on the embedded dataset: published tables, scope, mapping.
struct EmbeddedReport {
    Portfolio portfolio;
    ReportOptions options;
    Report report;
};

const EmbeddedReport& embedded() {
    static const EmbeddedReport made = [] {
        EmbeddedReport e;
        const std::string dir = data_file("cambodia");
        const datasets::DatasetRead read = datasets::load_dataset_dir(dir, e.portfolio);
        e.options.source_files = datasets::dataset_files(dir);
        e.options.nmas_mapping = datasets::nmas_mapping(dir);
        e.options.out_of_scope = read.iati.outside;
        e.options.scope_selection = read.iati.selection;
        datasets::PublishedTables published = datasets::published_tables(dir);
        e.options.published_contributions = published.contributions;
        e.options.published_totals = published.totals;
        e.options.funding_needs = published.funding_needs;
        e.options.published_land_release = published.land_release;
        e.report = build_report(e.portfolio, e.options);
        return e;
    }();
    return made;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isdigit(ch) != 0; });
}

}  // namespace

TEST(report_builder_test, hand_portfolio_gives_the_expected_sums_and_shares) {
    ReportOptions o;
    o.year = 2022;
    const Report r = build_report(hand_portfolio(), o);
    const Section* funding = r.find("funding");
    ASSERT_NE(funding, nullptr);
    const Table* series = find_table(funding, "Support to mine action by year");
    ASSERT_NE(series, nullptr);
    ASSERT_EQ(series->row_count(), 2U);
    EXPECT_EQ(series->at<Decimal>(1, "international_USD"), Decimal::parse("37700000"));  // 27.7 M + 10 M
    const Table* parts = find_table(funding, "International support by donor and year");
    ASSERT_NE(parts, nullptr);
    ASSERT_EQ(parts->row_count(), 2U);  // 2022 only: 2021 names no donor
    EXPECT_EQ(parts->at<std::string>(0, "donor"), "Department of Foreign Affairs and Trade");  // largest first
    EXPECT_NEAR(parts->at<double>(0, "share_of_total"), 27.7 / 37.7, 1e-12);
    const Table* flows = find_table(funding, "Project flows by provider and year");
    ASSERT_NE(flows, nullptr);
    // Rows sorted by provider ref then year: AU-5 2022, KR-GOV-010 2021, KR-GOV-010 2022.
    ASSERT_EQ(flows->row_count(), 3U);
    EXPECT_EQ(flows->at<std::string>(0, "provider"), "Department of Foreign Affairs and Trade");
    EXPECT_EQ(flows->at<std::string>(0, "provider_ref"), "AU-5");
    EXPECT_EQ(flows->at<Decimal>(0, "disbursed_or_spent"), Decimal::parse("3500000.25"));  // 3,000,000.25 + 500,000
    EXPECT_EQ(flows->at<std::int64_t>(0, "transactions"), 2);
    EXPECT_EQ(flows->at<Decimal>(1, "committed"), Decimal::parse("9200000"));
    EXPECT_EQ(flows->at<Decimal>(2, "disbursed_or_spent"), Decimal::parse("1000000"));

    const Section* h = r.find("harmonization");
    ASSERT_NE(h, nullptr);
    ASSERT_TRUE(h->available);
    const Table& f = h->tables.at(0);
    ASSERT_EQ(f.row_count(), 1U);  // only 2022 is split over named donors
    EXPECT_EQ(f.at<std::int64_t>(0, "donors"), 2);
    EXPECT_EQ(f.at<Decimal>(0, "total_USD"), Decimal::parse("37700000"));
    EXPECT_EQ(f.at<std::string>(0, "largest_donor"), "Department of Foreign Affairs and Trade");
    // largest share = 27.7 / 37.7 = 0.734748…; HHI = 0.734748² + 0.265252² = 0.610215…
    const double s1 = 27.7 / 37.7;
    EXPECT_NEAR(f.at<double>(0, "largest_share"), s1, 1e-12);
    EXPECT_NEAR(f.at<double>(0, "hhi"), s1 * s1 + (1 - s1) * (1 - s1), 1e-12);
    EXPECT_NEAR(f.at<double>(0, "equivalent_donors"), 1 / (s1 * s1 + (1 - s1) * (1 - s1)), 1e-12);

    // Sections without data say why, in words, and carry no figures.
    for (const char* id : {"land-release", "forecast", "predictability"}) {
        const Section* s = r.find(id);
        ASSERT_NE(s, nullptr) << id;
        EXPECT_FALSE(s->available) << id;
        EXPECT_TRUE(s->tables.empty()) << id;
        ASSERT_FALSE(s->paragraphs.empty());
        EXPECT_EQ(s->paragraphs.front().rfind("Not available, because ", 0), 0U) << s->paragraphs.front();
    }

    const std::string md = to_markdown(r);
    EXPECT_NE(md.find("| Department of Foreign Affairs and Trade | AU-5 | 2022 | 0.00 | 0.00 | 3,500,000.25 | 2 |"),
              std::string::npos)
        << md;
    const std::string text = to_text_summary(r);
    EXPECT_NE(text.find("International support (Landmine Monitor): USD 30.00 M in 2021, USD 37.70 M in 2022"),
              std::string::npos)
        << text;
    // First screen: 2022's total and its largest donor by short name, 27.7 / 37.7 = 73%.
    ASSERT_FALSE(r.findings.empty());
    EXPECT_EQ(
        r.findings.front().sentence,
        "In 2022 Cambodia received USD 37.70 M of international support for mine action; DFAT gave 73% (USD 27.70 M).");
}

TEST(report_builder_test, year_option_cuts_later_transactions) {
    ReportOptions o;
    o.year = 2021;
    const Report r = build_report(hand_portfolio(), o);
    const Table* flows = find_table(r.find("funding"), "Project flows by provider and year");
    ASSERT_NE(flows, nullptr);
    ASSERT_EQ(flows->row_count(), 1U);  // only KOICA's 2021 commitment
    EXPECT_EQ(flows->at<std::string>(0, "provider_ref"), "KR-GOV-010");
}

TEST(report_builder_test, embedded_report_reproduces_the_published_yearly_totals_and_donor_counts) {
    const Report& r = embedded().report;
    const Table* years = find_table(r.find("funding"), "Support to mine action by year");
    ASSERT_NE(years, nullptr);
    // Landmine Monitor, "Support for mine action", as printed: year, total US$, donors.
    const std::vector<std::tuple<int, const char*, int>> published{
        {2009, "33275769", 12}, {2010, "24310742", 11}, {2012, "21450721", 13}, {2014, "30273798", 12},
        {2015, "28225531", 11}, {2017, "12963719", 10}, {2020, "23885099", 9},  {2022, "37696065", 8}};
    for (const auto& [year, total, donors] : published) {
        const auto row = row_of_year(*years, year);
        ASSERT_GE(row, 0) << year;
        EXPECT_EQ(years->at<Decimal>(static_cast<std::size_t>(row), "international_USD"), Decimal::parse(total))
            << year;
        EXPECT_EQ(years->at<std::int64_t>(static_cast<std::size_t>(row), "donors"), donors) << year;
    }
    // Totals from the summary tables, without a donor table.
    EXPECT_EQ(years->at<Decimal>(static_cast<std::size_t>(row_of_year(*years, 2013)), "international_USD"),
              Decimal::parse("32585155"));
    EXPECT_EQ(years->at<Decimal>(static_cast<std::size_t>(row_of_year(*years, 2019)), "international_USD"),
              Decimal::parse("25454317"));
    // 2022: Japan ¥2,647,309,928 = US$20,137,928 of US$37,696,065 = 53.4%.
    const Table* parts = find_table(r.find("funding"), "International support by donor and year");
    ASSERT_NE(parts, nullptr);
    bool japan = false;
    for (std::size_t i = 0; i < parts->row_count(); ++i) {
        if (parts->at<std::int64_t>(i, "year") != 2022 || parts->at<std::string>(i, "donor_ref") != "XM-DAC-701")
            continue;
        japan = true;
        EXPECT_EQ(parts->at<Decimal>(i, "amount_USD"), Decimal::parse("20137928"));
        EXPECT_NEAR(parts->at<double>(i, "share_of_total"), 20137928.0 / 37696065.0, 1e-12);
    }
    EXPECT_TRUE(japan);
    // The reconciliation states 2012's one-dollar difference between rows and total.
    const Table* rec = find_table(r.find("funding"), "Reconciliation");
    ASSERT_NE(rec, nullptr);
    const auto row2012 = static_cast<std::size_t>(row_of_year(*rec, 2012));
    EXPECT_EQ(rec->at<Decimal>(row2012, "rows_minus_total_USD"), Decimal::parse("1"));  // 21,450,722 − 21,450,721
    EXPECT_EQ(rec->at<Decimal>(static_cast<std::size_t>(row_of_year(*rec, 2022)), "rows_minus_total_USD"), Decimal(0));
    // The library's conversion of the national-currency amounts lands within 5% of the
    // publisher's dollars in every year (both use annual average rates).
    for (std::size_t i = 0; i < rec->row_count(); ++i) {
        if (rec->defined(i, "difference_share")) {
            EXPECT_LT(std::abs(rec->at<double>(i, "difference_share")), 0.05) << rec->at<std::int64_t>(i, "year");
        }
    }
}

TEST(report_builder_test, embedded_report_holds_only_mine_action_names_every_organisation_and_has_no_empty_rows) {
    const EmbeddedReport& e = embedded();
    const Report& r = e.report;
    // Scope: 41 IATI activities read, 2 kept (CfR III project and output), 39 outside.
    std::set<std::string> outside;
    const Table& out = *e.options.out_of_scope;
    for (std::size_t i = 0; i < out.row_count(); ++i) outside.insert(out.at<std::string>(i, "activity_id"));
    EXPECT_EQ(outside.size(), 39U);
    EXPECT_EQ(e.options.scope_selection->row_count(), 2U);
    EXPECT_TRUE(outside.contains("KR-GOV-021-20ED00033"));  // KOICA's USD 50 M COVID-19 programme loan
    EXPECT_FALSE(e.portfolio.find_activity("XM-DAC-41114-PROJECT-00090541") == std::nullopt);
    for (const auto& id : outside) EXPECT_EQ(e.portfolio.find_activity(id), std::nullopt) << id;
    const std::set<std::string> name_columns{"donor", "donor_name", "provider", "largest_donor", "party", "name"};
    std::size_t checked = 0;
    for (const auto& s : r.sections) {
        for (const auto& t : s.tables) {
            for (std::size_t row = 0; row < t.row_count(); ++row) {
                bool has_money = false;
                bool any_money = false;
                for (std::size_t c = 0; c < t.column_count(); ++c) {
                    const auto& col = t.column(c);
                    const std::string cell = t.text(row, c);
                    // No activity outside the scope reaches a table.
                    EXPECT_FALSE(outside.contains(cell)) << t.title() << ": " << cell;
                    // No bare numeric ref stands for a name.
                    if (name_columns.contains(col.name)) {
                        ++checked;
                        EXPECT_FALSE(all_digits(cell)) << t.title() << " column " << col.name << ": " << cell;
                    }
                    if (std::holds_alternative<std::vector<Decimal>>(col.data)) {
                        has_money = true;
                        any_money =
                            any_money || (t.defined(row, col.name) && t.at<Decimal>(row, col.name) != Decimal(0));
                    }
                }
                // No money table holds a row whose every amount is empty or zero.
                if (has_money) {
                    EXPECT_TRUE(any_money) << t.title() << " row " << row;
                }
            }
        }
    }
    EXPECT_GT(checked, 100U);
    // The provenance counts what was left out, with its money.
    bool counted = false;
    for (const auto& line : r.provenance) counted = counted || line.rfind("39 IATI activities read (USD ", 0) == 0;
    EXPECT_TRUE(counted);
}

TEST(report_builder_test, embedded_report_first_screen_is_sourced_and_costs_come_from_the_whole_sector) {
    const Report& r = embedded().report;
    ASSERT_GE(r.findings.size(), 5U);
    ASSERT_LE(r.findings.size(), 8U);
    for (const auto& f : r.findings) {
        EXPECT_FALSE(f.source.empty()) << f.sentence;
        EXPECT_TRUE(f.section == "provenance" || r.find(f.section) != nullptr)
            << f.section;  // the provenance list is no section
    }
    EXPECT_EQ(r.findings.front().sentence,
              "In 2022 Cambodia received USD 37.70 M of international support for mine action from 8 donors; Japan "
              "gave 53% (USD 20.14 M).");
    // Cost per m²: all support in the years with a published national land-release total
    // (2010–2015, CMAA figures) over the land released in those years.
    const Section* f = r.find("forecast");
    ASSERT_NE(f, nullptr);
    ASSERT_TRUE(f->available);
    const Table& inputs = f->tables.at(0);
    std::string from;
    double cost = 0;
    for (std::size_t i = 0; i < inputs.row_count(); ++i) {
        if (inputs.at<std::string>(i, "input") == "cost_per_m2_USD")
            cost = inputs.at<double>(i, "value"), from = inputs.at<std::string>(i, "from");
    }
    EXPECT_NE(from.find("in 2010, 2011, 2012, 2013, 2014, 2015"), std::string::npos) << from;
    // Land 2010–2015 (extension request): 79,961,756 + 39,492,062 + 42,023,355 + 49,403,722 +
    // 104,313,842 + 146,051,269 = 461,246,006 m².
    EXPECT_NE(from.find("461.2 km²"), std::string::npos) << from;
    EXPECT_GT(cost, 0.1);  // tens of cents a m², not the 4 cents of one project's spending
    // The money needed is set beside Cambodia's own estimates, with their sources.
    const Table* needs = find_table(f, "Money needed");
    ASSERT_NE(needs, nullptr);
    bool article5 = false;
    for (std::size_t i = 0; i < needs->row_count(); ++i) {
        if (needs->at<std::string>(i, "estimate").find("Article 5") != std::string::npos) {
            article5 = true;
            EXPECT_EQ(needs->at<Decimal>(i, "amount_USD"), Decimal::parse("165000000"));
            EXPECT_FALSE(needs->at<std::string>(i, "source").empty());
        }
    }
    EXPECT_TRUE(article5);
}

TEST(report_builder_test, embedded_dataset_report_is_written_readable_and_marks_illustrative_bars) {
    const Report& r = embedded().report;
    const std::string dir = (std::filesystem::temp_directory_path() / "aidtrack-report-test").string();
    std::filesystem::remove_all(dir);
    const WrittenReport w = write_report(r, dir);
    std::size_t tables = 0;
    for (const auto& s : r.sections) tables += s.tables.size();
    EXPECT_EQ(w.csv.size(), tables);
    const std::string html = read(w.html);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("37,696,065.00"), std::string::npos);
    EXPECT_NE(html.find("class=\"findings\""), std::string::npos);
    EXPECT_NE(html.find("class=\"table-wrap\""), std::string::npos);  // wide tables scroll in their own box
    EXPECT_NE(html.find("@media print{@page{size:A4"), std::string::npos);
    EXPECT_NE(html.find("hatched: illustrative, not data"), std::string::npos);
    // Remaining contamination: 469 + 681 + 547 = 1,697 km² at the end of 2024.
    const Table* remaining = find_table(r.find("land-release"), "Remaining contamination");
    ASSERT_NE(remaining, nullptr);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < remaining->row_count(); ++i) total += remaining->at<std::int64_t>(i, "remaining_m2");
    EXPECT_EQ(total, 1'697'000'000);
}

TEST(report_builder_test, report_on_undp_lao_file_keeps_only_its_uxo_activities) {
    Portfolio p;
    IatiReadOptions read;
    read.selection = IatiSelection::mine_action();
    const IatiReadResult result =
        read_iati_files({std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/real/undp-lao-projects.xml"}, p, read);
    EXPECT_EQ(result.activities_read, 44U);
    EXPECT_EQ(result.activities_kept, 8U);  // the UXO / mine action projects and outputs
    for (const auto& a : p.activities()) {
        const std::string text = text_of(a.title) + " " + text_of(a.description);
        EXPECT_TRUE(text.find("UXO") != std::string::npos || text.find("Unexploded") != std::string::npos ||
                    text.find("unexploded") != std::string::npos || text.find("mine") != std::string::npos)
            << a.identifier << ": " << text_of(a.title);
    }
    ReportOptions o;
    o.title = "Mine action: aid effectiveness report";
    o.out_of_scope = result.outside;
    o.scope_selection = result.selection;
    const Report r = build_report(p, o);
    const Table* flows = find_table(r.find("funding"), "Project flows by provider and year");
    ASSERT_NE(flows, nullptr);
    for (std::size_t i = 0; i < flows->row_count(); ++i) {
        EXPECT_FALSE(all_digits(flows->at<std::string>(i, "provider"))) << flows->at<std::string>(i, "provider_ref");
    }
    bool counted = false;
    for (const auto& line : r.provenance) counted = counted || line.rfind("36 IATI activities read (", 0) == 0;
    EXPECT_TRUE(counted);
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
    EXPECT_NEAR(b.needed_rate, 100e6, 1e-3);    // 600 km² over the 6 years 2025–2030
    EXPECT_NEAR(b.fundable_rate, 1192.5e6, 1);  // 47.7 M a year ÷ 0.04 per m²
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
