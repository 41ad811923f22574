// The embedded Cambodia dataset counts every amount once: a year's named donors are parts of the
// Landmine Monitor total, and the government's own contribution is not a donor disbursement.
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/measures/donor_flows.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

namespace aidtrack {
namespace {

datasets::DatasetOptions no_iati() {
    datasets::DatasetOptions o;
    o.iati = false;
    return o;
}

// Amount of `donor` in fiscal year `year` of a donor_flows table; undefined when absent.
std::optional<Decimal> flow(const Table& t, const std::string& donor, int year) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.text(r, t.column_index("donor")) == donor && t.at<std::int64_t>(r, "fiscal_year") == year)
            return t.at<Decimal>(r, "amount");
    }
    return std::nullopt;
}

TEST(cambodia_dataset_test, donor_flows_of_2022_equal_the_published_international_total) {
    const Portfolio p = datasets::cambodia();  // with the IATI files in scope: none has 2022 disbursements
    const ExchangeRates rates = ExchangeRates::from_imf_csv(data_file("rates/imf_exchangerates_A_ENDA_USD.csv"));
    measures::MeasureOptions o;
    o.currency = CurrencyCode("USD");
    o.rates = &rates;
    o.years = {2022};
    const Table t = measures::donor_flows(p, o);
    // Landmine Monitor 2023: US$37,696,065 from 8 donors, the rows adding up to the total (the
    // national 10,000,000 is the government's own spending, not a donor's disbursement).
    EXPECT_EQ(flow(t, measures::kAllDonors, 2022), Decimal::parse("37696065"));
    for (std::size_t r = 0; r < t.row_count(); ++r) EXPECT_NE(t.text(r, t.column_index("donor")), "KH-RGC");
    // By provider: Japan ¥2,647,309,928 = US$20,137,928; no rest, the eight donors make the total.
    o.donor = measures::DonorDefinition::provider_org;
    const Table by_provider = measures::donor_flows(p, o);
    EXPECT_EQ(flow(by_provider, "XM-DAC-701", 2022), Decimal::parse("20137928"));
    EXPECT_EQ(flow(by_provider, "AIDTRACK-LM", 2022), std::nullopt);
    EXPECT_EQ(flow(by_provider, measures::kAllDonors, 2022), Decimal::parse("37696065"));
}

TEST(cambodia_dataset_test, no_year_of_donor_flows_lists_the_government) {
    const Portfolio p = datasets::cambodia(no_iati());
    const Table t = measures::donor_flows(p, {});
    Decimal all;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        EXPECT_NE(t.text(r, t.column_index("donor")), "KH-RGC");
        if (t.text(r, t.column_index("donor")) == measures::kAllDonors) all += t.at<Decimal>(r, "amount");
    }
    // The seventeen published years 2005–2020 and 2022 (monitor/yearly_totals.csv, preferred rows):
    // 23,900,000 + 29,583,031 + 30,800,000 + 28,072,304 + 33,275,769 + 24,310,742 + 35,800,000
    // + 21,450,722 (2012: the donor rows, one dollar above the printed 21,450,721) + 32,585,155
    // + 30,273,798 + 28,225,531 + 33,154,910 + 12,963,719 + 14,430,109 + 25,454,317 + 23,885,099
    // + 37,696,065 = 465,861,271; nothing else in the dataset is a disbursement.
    EXPECT_EQ(all, Decimal::parse("465861271"));
}

TEST(cambodia_dataset_test, named_donor_and_rest_add_up_to_the_total_with_their_evidence) {
    const Portfolio p = datasets::cambodia(no_iati());
    const auto intl = p.find_activity(datasets::CambodiaSeries::international);
    ASSERT_TRUE(intl.has_value());
    EXPECT_FALSE(p.find_activity("AIDTRACK-KH-LM-BY-DONOR").has_value());  // no second activity for the parts
    // 2011: the Monitor prints only Japan's row (US$17,111,707) of "almost US$35.8 million".
    std::vector<Transaction> of2011;
    for (auto row : p.transactions_of(*intl)) {
        const Transaction t = p.transactions().row(row);
        if (t.date.year() == 2011) of2011.push_back(t);
    }
    ASSERT_EQ(of2011.size(), 2U);
    Decimal sum;
    for (const auto& t : of2011) {
        EXPECT_EQ(t.type, 3);
        sum += t.value.amount();
        if (t.provider_org == "XM-DAC-701") {
            EXPECT_EQ(t.value.amount(), Decimal::parse("17111707"));
        } else {
            EXPECT_EQ(t.provider_org, "");
            EXPECT_EQ(t.ref, "LM-2011-other-donors");
            EXPECT_EQ(t.value.amount(), Decimal::parse("18688293"));  // 35,800,000 − 17,111,707
        }
    }
    EXPECT_EQ(sum, Decimal::parse("35800000"));
    const Activity& a = p.activity(*intl);
    EXPECT_EQ(a.provenance.evidence, Evidence::derived);
    EXPECT_NE(a.provenance.note.find("(2011 total 35800000.00 minus the named donors)"), std::string::npos)
        << a.provenance.note;
    // 2012: the thirteen rows add up to 21,450,722, one dollar above the printed total: kept, and said.
    bool stated = false;
    for (const auto& d : p.diagnostics()) {
        stated =
            stated || (d.rule == "series-parts-add-up" &&
                       d.message.find("of 2012 add up to 21450722.00, more than the published total 21450721.00") !=
                           std::string::npos);
    }
    EXPECT_TRUE(stated);
    // Every donor of the tables has a name: no bare ref.
    for (auto row : p.transactions_of(*intl)) {
        const std::string ref = p.transactions().row(row).provider_org;
        if (!ref.empty()) {
            EXPECT_NE(p.organisation_name(ref), ref) << ref;
        }
    }
}

TEST(cambodia_dataset_test, national_contribution_is_own_expenditure_and_pledges) {
    const Portfolio p = datasets::cambodia(no_iati());
    const auto nat = p.find_activity(datasets::CambodiaSeries::national);
    ASSERT_TRUE(nat.has_value());
    EXPECT_EQ(p.activity(*nat).reporting_org.ref, "KH-RGC");
    Decimal spent;
    Decimal pledged;
    for (auto row : p.transactions_of(*nat)) {
        const Transaction t = p.transactions().row(row);
        ASSERT_TRUE(t.type == 4 || t.type == 12) << t.type;
        (t.type == 4 ? spent : pledged) += t.value.amount();
    }
    // funding.csv: 3,500,000 (2010) + 10,000,000 (2022); the Monitor's yearly tables for the
    // other years: 1,150,000 (2006) + 1,150,000 (2007) + 2,500,000 (2008) + 3,500,000 (2009)
    // + 2,874,000 (2011) + 2,542,000 (2012) + 3,300,000 (2017) + 250,000 (2020) = 30,766,000.
    EXPECT_EQ(spent, Decimal::parse("30766000"));
    EXPECT_EQ(pledged, Decimal::parse("90000000"));  // 30,000,000 a year for 2023–2025
}

TEST(cambodia_dataset_test, iati_files_are_read_in_mine_action_scope_with_the_rest_counted) {
    Portfolio p;
    const datasets::DatasetRead read = datasets::load_dataset_dir(data_file("cambodia"), p);
    // 34 UNDP + 7 d-portal activities: Clearing for Results III (project and output) are kept by
    // name (UNDP files them under 15110), the other 39 are counted outside with their money.
    EXPECT_EQ(read.iati.activities_read, 41U);
    EXPECT_EQ(read.iati.activities_kept, 2U);
    EXPECT_EQ(read.iati.activities_filtered_out, 39U);
    EXPECT_TRUE(p.find_activity("XM-DAC-41114-PROJECT-00090541").has_value());
    EXPECT_FALSE(p.find_activity("KR-GOV-021-20ED00033").has_value());
    ASSERT_EQ(read.iati.selection.row_count(), 2U);
    EXPECT_EQ(read.iati.selection.at<std::string>(0, "rule"), "activity-id");
    // Scope off: all 41.
    Portfolio all;
    datasets::DatasetOptions o;
    o.iati_selection = IatiSelection{};
    EXPECT_EQ(datasets::load_dataset_dir(data_file("cambodia"), all, o).iati.activities_kept, 41U);
}

TEST(cambodia_dataset_test, published_tables_are_read_typed_with_their_pages) {
    const datasets::PublishedTables t = datasets::published_tables();
    ASSERT_TRUE(t.contributions && t.totals && t.funding_needs && t.land_release);
    // Each donor table adds up: 2010's eleven rows give US$24,310,742.
    Decimal y2010;
    std::size_t rows2010 = 0;
    for (std::size_t r = 0; r < t.contributions->row_count(); ++r) {
        EXPECT_FALSE(t.contributions->at<std::string>(r, "source").empty());
        if (t.contributions->at<std::int64_t>(r, "year") == 2010)
            y2010 += t.contributions->at<Decimal>(r, "amount_usd"), ++rows2010;
    }
    EXPECT_EQ(rows2010, 11U);
    EXPECT_EQ(y2010, Decimal::parse("24310742"));
    // One preferred total a year.
    std::map<std::int64_t, int> preferred;
    for (std::size_t r = 0; r < t.totals->row_count(); ++r)
        preferred[t.totals->at<std::int64_t>(r, "year")] +=
            static_cast<int>(t.totals->at<std::int64_t>(r, "preferred"));
    for (const auto& [year, n] : preferred) EXPECT_EQ(n, 1) << year;
}

class cambodia_funding_file_test : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("aidtrack_funding_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    void write(const std::string& rows) {
        std::ofstream(dir_ / "funding.csv") << "series,year,donor_ref,amount_usd,source,evidence\n" << rows;
    }
    std::string expect_error() {
        Portfolio p;
        try {
            datasets::load_dataset_dir(dir_.string(), p, no_iati());
        } catch (const ParseError& e) {
            return e.what();
        }
        ADD_FAILURE() << "expected ParseError";
        return {};
    }
    std::filesystem::path dir_;
};

TEST_F(cambodia_funding_file_test, two_named_donors_and_the_rest) {
    write(
        "international_by_donor,2021,XM-DAC-701,4,s,reported\n"
        "international,2021,,10,s,reported\n"
        "international_by_donor,2021,AU-5,1.5,s,reported\n");
    Portfolio p;
    datasets::load_dataset_dir(dir_.string(), p, no_iati());
    measures::MeasureOptions o;
    o.donor = measures::DonorDefinition::provider_org;
    const Table t = measures::donor_flows(p, o);
    EXPECT_EQ(flow(t, "XM-DAC-701", 2021), Decimal::parse("4"));
    EXPECT_EQ(flow(t, "AU-5", 2021), Decimal::parse("1.5"));
    EXPECT_EQ(flow(t, "AIDTRACK-LM", 2021), Decimal::parse("4.5"));  // 10 − 4 − 1.5
    EXPECT_EQ(flow(t, measures::kAllDonors, 2021), Decimal::parse("10"));
}

TEST_F(cambodia_funding_file_test, named_donors_covering_the_total_leave_no_rest) {
    write("international,2021,,10,s,reported\ninternational_by_donor,2021,XM-DAC-701,10,s,reported\n");
    Portfolio p;
    datasets::load_dataset_dir(dir_.string(), p, no_iati());
    EXPECT_EQ(p.transactions().size(), 1U);
    EXPECT_EQ(p.activity(0).provenance.evidence, Evidence::reported);
}

TEST_F(cambodia_funding_file_test, parts_above_the_total_are_kept_and_the_difference_stated) {
    write(
        "international,2021,,10,s,reported\n"
        "international_by_donor,2021,XM-DAC-701,6,s,reported\n"
        "international_by_donor,2021,AU-5,5,s,reported\n");  // 6 + 5 = 11 > 10
    Portfolio p;
    datasets::load_dataset_dir(dir_.string(), p, no_iati());
    EXPECT_EQ(p.transactions().size(), 2U);  // the two rows, no rest
    ASSERT_EQ(p.diagnostics().size(), 1U);
    const Diagnostic& d = p.diagnostics().front();
    EXPECT_EQ(d.rule, "series-parts-add-up");
    EXPECT_EQ(d.where.line, 3U);  // the first part's row
    EXPECT_NE(d.message.find("add up to 11.00, more than the published total 10.00"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("difference 1.00"), std::string::npos) << d.message;
}

TEST_F(cambodia_funding_file_test, a_part_without_its_total_is_an_error) {
    write("international,2020,,10,s,reported\ninternational_by_donor,2021,XM-DAC-701,6,s,reported\n");
    const std::string what = expect_error();
    EXPECT_NE(what.find("funding.csv:3"), std::string::npos) << what;
    EXPECT_NE(what.find("without the international total"), std::string::npos) << what;
}

TEST_F(cambodia_funding_file_test, a_second_total_for_a_year_is_an_error) {
    write("international,2021,,10,s,reported\ninternational,2021,,12,s,reported\n");
    EXPECT_NE(expect_error().find("funding.csv:3"), std::string::npos);
}

}  // namespace
}  // namespace aidtrack
