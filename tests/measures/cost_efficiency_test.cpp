// Cost per m² released, joined to the money of the funding activities, in USD and in KHR.
#include <aidtrack/measures/cost_efficiency.hpp>

#include <gtest/gtest.h>

using namespace aidtrack;

namespace {

Transaction tx(std::uint32_t activity, int type, const char* date, const char* value, const char* currency) {
    Transaction t;
    t.activity = activity;
    t.type = type;
    t.date = parse_date(date);
    t.value = Money::parse(value, currency);
    return t;
}

Portfolio costed_portfolio() {
    Portfolio p;
    p.upsert_organisation({"AU-5", "Department of Foreign Affairs and Trade", "10", "AU", "DFAT", {}});
    Activity a1;
    a1.identifier = "ACT-USD";
    a1.reporting_org.ref = "AU-5";
    a1.participating_orgs = {{"AU-5", OrgRole::funding, "10", "", "", {}}};
    const auto i1 = p.add_activity(a1);
    Activity a2;
    a2.identifier = "ACT-KHR";
    a2.reporting_org.ref = "KH-COA-1";
    const auto i2 = p.add_activity(a2);
    (void)p.add_transaction(tx(i1, 3, "2022-03-01", "100000", "USD"));
    (void)p.add_transaction(tx(i2, 4, "2022-06-30", "410000000", "KHR"));
    // A disbursement into the same activity is the same money as its expenditure: not counted.
    (void)p.add_transaction(tx(i2, 3, "2022-01-15", "999000000", "KHR"));
    ResultsStore& s = p.results();
    s.add_hazard(
        {"H1", "Battambang", "", "", HazardType::cha, Contamination::ap_mines, 100'000, make_date(2020, 1, 1), "", {}});
    s.add_hazard(
        {"H2", "Pailin", "", "", HazardType::cha, Contamination::ap_mines, 100'000, make_date(2020, 1, 1), "", {}});
    s.add_release({"H1", make_date(2022, 5, 1), ReleaseMethod::cleared, 30'000, "HALO", "ACT-USD", {}, {}});
    s.add_release({"H2", make_date(2022, 6, 1), ReleaseMethod::reduced, 10'000, "CMAC", "ACT-USD", {}, {}});
    s.add_release({"H2", make_date(2022, 8, 1), ReleaseMethod::cleared, 50'000, "CMAC", "ACT-KHR", {}, {}});
    s.add_release({"H1", make_date(2022, 9, 1), ReleaseMethod::cleared, 1'000, "CMAC", "", {}, {}});  // unfunded
    return p;
}

ExchangeRates riel_rates() {
    ExchangeRates r;
    r.add(CurrencyCode("KHR"), Period::calendar_year(2022), 4100.0, "test");
    return r;
}

}  // namespace

TEST(cost_efficiency_test, cost_per_m2_by_operator_in_usd) {
    const Portfolio p = costed_portfolio();
    const ExchangeRates rates = riel_rates();
    CostQuery q;
    q.by = {CostKey::operator_name};
    q.currency = CurrencyCode("USD");
    q.rates = &rates;
    const Table t = cost_per_m2(p, q);
    ASSERT_EQ(t.row_count(), 2U);
    // ACT-USD: 100000 USD over 30000 + 10000 m2 → HALO 75000, CMAC 25000.
    // ACT-KHR: 410000000 KHR / 4100 = 100000 USD for 50000 m2 (CMAC).
    EXPECT_EQ(t.at<std::string>(0, "operator"), "CMAC");
    EXPECT_NEAR(t.at<Decimal>(0, "cost").to_double(), 125000.0, 1e-6);      // 25000 + 100000
    EXPECT_EQ(t.at<std::int64_t>(0, "area_m2"), 60'000);                    // 10000 + 50000
    EXPECT_NEAR(t.at<double>(0, "cost_per_m2"), 125000.0 / 60000.0, 1e-9);  // 2.0833
    EXPECT_EQ(t.at<Decimal>(1, "cost"), Decimal(75000));                    // exact: USD only
    EXPECT_DOUBLE_EQ(t.at<double>(1, "cost_per_m2"), 2.5);                  // 75000 / 30000
}

TEST(cost_efficiency_test, cost_per_m2_in_riel_and_by_donor) {
    const Portfolio p = costed_portfolio();
    const ExchangeRates rates = riel_rates();
    CostQuery q;
    q.by = {CostKey::donor};
    q.currency = CurrencyCode("KHR");
    q.rates = &rates;
    const Table t = cost_per_m2(p, q);
    ASSERT_EQ(t.row_count(), 2U);
    EXPECT_EQ(t.at<std::string>(0, "donor"), "DFAT");
    // 100000 USD × 4100 = 410000000 KHR over 40000 m2 = 10250 KHR/m2.
    EXPECT_NEAR(t.at<Decimal>(0, "cost").to_double(), 410'000'000.0, 1e-3);
    EXPECT_NEAR(t.at<double>(0, "cost_per_m2"), 10250.0, 1e-9);
    // KH-COA-1 (no organisation record: the ref itself): 410000000 KHR / 50000 m2 = 8200.
    EXPECT_EQ(t.at<Decimal>(1, "cost"), Decimal(410'000'000));
    EXPECT_DOUBLE_EQ(t.at<double>(1, "cost_per_m2"), 8200.0);
    EXPECT_EQ(t.at<std::string>(1, "currency"), "KHR");
}

TEST(cost_efficiency_test, other_currency_without_rates_throws) {
    const Portfolio p = costed_portfolio();
    CostQuery q;  // USD, no rates, but ACT-KHR spends riel
    EXPECT_THROW((void)cost_per_m2(p, q), CurrencyError);
}
