// Tests of the shared donor-flow step: hops, donor calendars, currencies.
#include <aidtrack/measures/donor_flows.hpp>

#include "measures_fixture.hpp"

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::dec;
using aidtrack::measures::testing::find_row;

namespace {

// DFAT gives UNDP 100 for CfR; UNDP records the incoming funds and passes 80 to CMAA.
Builder chain() {
    Builder b;
    const auto dfat = b.activity("AU-5-CFR", "AU-5");
    const auto undp = b.activity("XM-DAC-41114-CFR", "XM-DAC-41114");
    Transaction out = b.row(dfat, 3, "2020-03-01", "100");
    out.receiver_org = "XM-DAC-41114";
    out.receiver_activity = "XM-DAC-41114-CFR";
    b.tx(out);
    Transaction in = b.row(undp, 1, "2020-03-05", "100");
    in.provider_org = "AU-5";
    in.provider_activity = "AU-5-CFR";
    b.tx(in);
    b.tx(undp, 3, "2020-06-01", "80", "USD", "KH-CMAA");
    return b;
}

}  // namespace

TEST(donor_flows_test, multi_hop_flow_counts_once_for_the_donor) {
    const Builder b = chain();
    EXPECT_EQ(pass_through_activities(b.p), (std::set<std::uint32_t>{1}));
    const Table t = donor_flows(b.p, MeasureOptions{});
    // origin hop: DFAT 100 (the first hop); UNDP's 80 to CMAA is the same money, not counted.
    const auto r = find_row(t, "AU-5", 2020);
    EXPECT_EQ(t.at<Decimal>(r, "amount"), dec("100"));
    EXPECT_EQ(t.at<std::string>(r, "hop"), "origin");
    EXPECT_EQ(t.at<Decimal>(find_row(t, "(all)", 2020), "amount"), dec("100"));
    EXPECT_EQ(t.row_count(), 2U);  // DFAT + (all)
}

TEST(donor_flows_test, reported_hop_counts_every_published_disbursement) {
    const Builder b = chain();
    MeasureOptions o;
    o.hop = FlowHop::reported;
    const Table t = donor_flows(b.p, o);
    EXPECT_EQ(t.at<Decimal>(find_row(t, "XM-DAC-41114", 2020), "amount"), dec("80"));
    EXPECT_EQ(t.at<Decimal>(find_row(t, "(all)", 2020), "amount"), dec("180"));  // 100 + 80: double counted
}

TEST(donor_flows_test, july_june_donor_spreads_over_two_government_years) {
    Builder b;
    const auto a = b.activity("AU-5-1", "AU-5");
    b.tx(a, 3, "2021-03-15", "365.00");
    MeasureOptions o;
    o.donor_calendars.emplace("AU-5", FiscalCalendar::preset("australia"));
    const Table t = donor_flows(b.p, o);
    // Donor FY2020-21 = 2020-07-01..2021-06-30, 365 days; 184 days fall in 2020, 181 in 2021.
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2020), "amount"), dec("184.00"));
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2021), "amount"), dec("181.00"));
    // Without the calendar the date places it wholly in 2021.
    const Table plain = donor_flows(b.p, MeasureOptions{});
    EXPECT_EQ(plain.at<Decimal>(find_row(plain, "AU-5", 2021), "amount"), dec("365.00"));
}

TEST(donor_flows_test, mixed_currencies_need_rates) {
    Builder b;
    const auto a = b.activity("AU-5-1", "AU-5");
    b.tx(a, 3, "2020-02-01", "100", "USD");
    b.tx(a, 3, "2020-03-01", "80", "EUR");
    EXPECT_THROW((void)donor_flows(b.p, MeasureOptions{}), CurrencyError);
    MeasureOptions o;
    o.currency = CurrencyCode("USD");
    EXPECT_THROW((void)donor_flows(b.p, o), CurrencyError);  // a target currency but no rates
    ExchangeRates rates;
    rates.add(CurrencyCode("EUR"), Period::calendar_year(2020), 0.8);
    o.rates = &rates;
    const Table t = donor_flows(b.p, o);
    // 80 EUR / 0.8 EUR per USD = 100 USD; 100 + 100 = 200.
    EXPECT_EQ(t.at<Decimal>(find_row(t, "AU-5", 2020), "amount"), dec("200"));
    EXPECT_EQ(t.at<std::int64_t>(find_row(t, "AU-5", 2020), "records"), 2);
}

TEST(donor_flows_test, years_filter_and_provider_donor) {
    Builder b;
    const auto a = b.activity("XM-DAC-41114-1", "XM-DAC-41114");
    Transaction t1 = b.row(a, 3, "2019-05-01", "10");
    t1.provider_org = "AU-5";
    b.tx(t1);
    b.tx(a, 3, "2020-05-01", "20");
    MeasureOptions o;
    o.years = {2020};
    o.donor = DonorDefinition::provider_org;
    const Table t = donor_flows(b.p, o);
    EXPECT_EQ(t.row_count(), 2U);  // UNDP 2020 + (all) 2020; the 2019 row of AU-5 is outside the years
    EXPECT_EQ(t.at<Decimal>(find_row(t, "XM-DAC-41114", 2020), "amount"), dec("20"));
    o.years = {2019};
    const Table u = donor_flows(b.p, o);
    EXPECT_EQ(u.at<Decimal>(find_row(u, "AU-5", 2019), "amount"), dec("10"));
}

TEST(donor_flows_test, schedules_of_pass_through_activities_count_once) {
    Builder b = chain();
    b.plan(0, "2020-01-01", "2020-12-31", "100");            // DFAT plans 100 to UNDP
    b.plan(1, "2020-01-01", "2020-12-31", "80", "KH-CMAA");  // UNDP plans to pass 80 on
    const FlowSet origin = scheduled_flows(b.p, MeasureOptions{});
    ASSERT_EQ(origin.pieces.size(), 1U);  // only DFAT's plan: UNDP's is the same money
    EXPECT_EQ(origin.pieces[0].amount, dec("100"));
    EXPECT_EQ(origin.pass_through_records, 1U);
    // Government sector only: DFAT's plan has no receiver and no government implementer -> none.
    EXPECT_TRUE(scheduled_flows(b.p, MeasureOptions{}, true).pieces.empty());
    MeasureOptions reported;
    reported.hop = FlowHop::reported;
    const FlowSet gov = scheduled_flows(b.p, reported, true);
    ASSERT_EQ(gov.pieces.size(), 1U);  // UNDP's 80 to CMAA (type 10, seated in KH)
    EXPECT_EQ(gov.pieces[0].donor, "XM-DAC-41114");
}
