// One transaction converted through every path that converts money — totals, the fast aggregate,
// the measures' donor flows, exploded splits and cost per m² — gets the same rate: the rate of its
// conversion date (value date, else transaction date).
#include <aidtrack/measures/aggregate.hpp>
#include <aidtrack/measures/cost_efficiency.hpp>
#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/exploded_splits.hpp>
#include <aidtrack/measures/predictability.hpp>
#include <aidtrack/model/conversion_dates.hpp>

#include "measures_fixture.hpp"

using namespace aidtrack;
using namespace aidtrack::measures;
using aidtrack::measures::testing::Builder;
using aidtrack::measures::testing::dec;
using aidtrack::measures::testing::find_row;

namespace {

// One KHR disbursement of 4 100 000 dated 2021-01-05 with value date 2020-12-28. Rates: 4000 KHR
// per USD in 2020, 4100 in 2021. On its conversion date (2020-12-28) it is 4 100 000 / 4000 =
// 1025 USD; on its transaction date it would be 4 100 000 / 4100 = 1000 USD.
struct Sample {
    Builder b;
    ExchangeRates rates;
    Sample() {
        rates.add(CurrencyCode("KHR"), Period::calendar_year(2020), 4000.0, "test 2020");
        rates.add(CurrencyCode("KHR"), Period::calendar_year(2021), 4100.0, "test 2021");
        const auto a = b.activity("AU-5-1", "AU-5");
        Transaction t = b.row(a, code_of(TransactionType::disbursement), "2021-01-05", "0");
        t.value = Money::parse("4100000", "KHR");
        t.value_date = parse_date("2020-12-28");
        b.tx(t);
        ResultsStore& s = b.p.results();
        s.add_hazard(
            {"H1", "Pailin", "", "", HazardType::cha, Contamination::ap_mines, 10'000, make_date(2020, 1, 1), "", {}});
        s.add_release({"H1", make_date(2021, 3, 1), ReleaseMethod::cleared, 1'000, "CMAC", "AU-5-1", {}, {}});
    }
};

const Decimal kAtValueDate = dec("1025");  // 4 100 000 / 4000

}  // namespace

TEST(conversion_paths_test, the_rule_picks_the_value_date) {
    const Sample s;
    EXPECT_EQ(conversion_date(s.b.p.transactions(), 0), make_date(2020, 12, 28));
    EXPECT_EQ(conversion_date(s.b.p.transactions().row(0)), make_date(2020, 12, 28));
}

TEST(conversion_paths_test, portfolio_totals) {
    const Sample s;
    TotalsQuery q;
    q.by = {GroupKey::type};
    q.currency = CurrencyCode("USD");
    q.rates = &s.rates;
    const Table t = s.b.p.totals(q);
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<Decimal>(0, "value"), kAtValueDate);  // 4 100 000 / 4000, not / 4100
}

TEST(conversion_paths_test, fast_aggregate) {
    const Sample s;
    AggregateQuery q;
    q.types = type_codes({TransactionType::disbursement});
    q.rates = &s.rates;
    q.threads = 1;
    const AggregateResult r = aggregate(s.b.p, q);
    EXPECT_EQ(r.total(), kAtValueDate);  // 4 100 000 / 4000
    ASSERT_EQ(r.cells().size(), 1U);
    EXPECT_EQ(std::get<1>(r.cells().begin()->first),
              2021);  // placed by its transaction date, converted by its value date
}

TEST(conversion_paths_test, measures_donor_flows_and_predictability) {
    const Sample s;
    MeasureOptions o;
    o.currency = CurrencyCode("USD");
    o.rates = &s.rates;
    const Table flows = donor_flows(s.b.p, o);
    EXPECT_EQ(flows.at<Decimal>(find_row(flows, "AU-5", 2021), "amount"), kAtValueDate);  // 4 100 000 / 4000
    const Table annual = annual_predictability(s.b.p, o);
    EXPECT_EQ(annual.at<Decimal>(find_row(annual, "AU-5", 2021), "disbursed"), kAtValueDate);
}

TEST(conversion_paths_test, exploded_splits_name_the_rate_date) {
    const Sample s;
    ExplodeOptions o;
    o.currency = CurrencyCode("USD");
    o.rates = &s.rates;
    const Table t = explode(s.b.p, o);
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<Decimal>(0, "record_value_converted"), kAtValueDate);  // 4 100 000 / 4000
    EXPECT_EQ(t.at<Date>(0, "rate_date"), make_date(2020, 12, 28));
}

TEST(conversion_paths_test, cost_per_m2) {
    const Sample s;
    CostQuery q;
    q.rates = &s.rates;
    const Table t = cost_per_m2(s.b.p, q);
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<Decimal>(0, "cost"), kAtValueDate);                // 4 100 000 / 4000
    EXPECT_DOUBLE_EQ(t.at<double>(0, "cost_per_m2"), 1025.0 / 1000);  // 1025 USD over 1000 m²
}
