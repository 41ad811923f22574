// The embedded Cambodia dataset counts every amount once: a year's named donors are parts of the
// Landmine Monitor total, and the government's own contribution is not a donor disbursement.
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/measures/donor_flows.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
        if (t.text(r, t.column_index("donor")) == donor && t.at<std::int64_t>(r, "fiscal_year") == year) return t.at<Decimal>(r, "amount");
    }
    return std::nullopt;
}

TEST(cambodia_dataset_test, donor_flows_of_2022_equal_the_published_international_total) {
    const Portfolio p = datasets::cambodia();  // with the real IATI files: none has 2022 disbursements
    // d-portal's activities hold KRW among USD: convert with the shipped IMF table.
    const ExchangeRates rates = ExchangeRates::from_imf_csv(data_file("rates/imf_exchangerates_A_ENDA_USD.csv"));
    measures::MeasureOptions o;
    o.currency = CurrencyCode("USD");
    o.rates = &rates;
    o.years = {2022};
    const Table t = measures::donor_flows(p, o);
    // funding.csv 2022: international 37,700,000 (Japan's 20,100,000 is a part of it, not beside it;
    // the national 10,000,000 is the government's own spending, not a donor's disbursement).
    EXPECT_EQ(flow(t, measures::kAllDonors, 2022), Decimal::parse("37700000"));
    EXPECT_EQ(flow(t, "AIDTRACK-LM", 2022), Decimal::parse("37700000"));
    for (std::size_t r = 0; r < t.row_count(); ++r) EXPECT_NE(t.text(r, t.column_index("donor")), "KH-RGC");

    // By provider: Japan 20,100,000 (reported) + the rest 37,700,000 − 20,100,000 = 17,600,000
    // (derived, no provider, so the publisher stands for it).
    o.donor = measures::DonorDefinition::provider_org;
    const Table by_provider = measures::donor_flows(p, o);
    EXPECT_EQ(flow(by_provider, "XM-DAC-701", 2022), Decimal::parse("20100000"));
    EXPECT_EQ(flow(by_provider, "AIDTRACK-LM", 2022), Decimal::parse("17600000"));
    EXPECT_EQ(flow(by_provider, measures::kAllDonors, 2022), Decimal::parse("37700000"));  // 20.1 + 17.6
}

TEST(cambodia_dataset_test, no_year_of_donor_flows_lists_the_government) {
    const Portfolio p = datasets::cambodia(no_iati());
    const Table t = measures::donor_flows(p, {});
    Decimal all;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        EXPECT_NE(t.text(r, t.column_index("donor")), "KH-RGC");
        if (t.text(r, t.column_index("donor")) == measures::kAllDonors) all += t.at<Decimal>(r, "amount");
    }
    // The eleven Landmine Monitor years: 23.90 + 29.58 + 24.31 + 21.45 + 30.27 + 33.15 + 12.96
    // + 14.43 + 25.45 + 23.89 + 37.70 = 277.09 M; nothing else in the dataset is a disbursement.
    EXPECT_EQ(all, Decimal::parse("277090000"));
}

TEST(cambodia_dataset_test, named_donor_and_rest_add_up_to_the_total_with_their_evidence) {
    const Portfolio p = datasets::cambodia(no_iati());
    const auto intl = p.find_activity(datasets::CambodiaSeries::international);
    ASSERT_TRUE(intl.has_value());
    EXPECT_FALSE(p.find_activity("AIDTRACK-KH-LM-BY-DONOR").has_value());  // no second activity for the parts
    std::vector<Transaction> of2022;
    for (auto row : p.transactions_of(*intl)) {
        const Transaction t = p.transactions().row(row);
        if (t.date.year() == 2022) of2022.push_back(t);
    }
    ASSERT_EQ(of2022.size(), 2U);
    Decimal sum;
    for (const auto& t : of2022) {
        EXPECT_EQ(t.type, 3);
        sum += t.value.amount();
        if (t.provider_org == "XM-DAC-701") {
            EXPECT_EQ(t.value.amount(), Decimal::parse("20100000"));
            EXPECT_EQ(t.line, 13U);  // funding.csv line of Japan's row
        } else {
            EXPECT_EQ(t.provider_org, "");
            EXPECT_EQ(t.ref, "LM-2022-other-donors");
            EXPECT_EQ(t.line, 12U);  // the 2022 total it is derived from
        }
    }
    EXPECT_EQ(sum, Decimal::parse("37700000"));
    const Activity& a = p.activity(*intl);
    EXPECT_EQ(a.provenance.evidence, Evidence::derived);
    EXPECT_NE(a.provenance.note.find("funding.csv:12 (2022 total 37700000.00 minus the named donors of line(s) 13)"), std::string::npos)
        << a.provenance.note;
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
    EXPECT_EQ(spent, Decimal::parse("13500000"));    // 3,500,000 (2010) + 10,000,000 (2022)
    EXPECT_EQ(pledged, Decimal::parse("90000000"));  // 30,000,000 a year for 2023–2025
}

class cambodia_funding_file_test : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("aidtrack_funding_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
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
    write("international_by_donor,2021,XM-DAC-701,4,s,reported\n"
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

TEST_F(cambodia_funding_file_test, parts_above_the_total_name_the_row) {
    write("international,2021,,10,s,reported\n"
          "international_by_donor,2021,XM-DAC-701,6,s,reported\n"
          "international_by_donor,2021,AU-5,5,s,reported\n");  // 6 + 5 = 11 > 10
    const std::string what = expect_error();
    EXPECT_NE(what.find("funding.csv:4"), std::string::npos) << what;
    EXPECT_NE(what.find("more than the international total"), std::string::npos) << what;
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
