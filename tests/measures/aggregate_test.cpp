// Tests of the fast mergeable aggregate: hand arithmetic, equality with Portfolio::totals and
// split_by_weights on a generated portfolio, exact merges, thread counts and errors.
#include <aidtrack/core/period.hpp>
#include <aidtrack/measures/aggregate.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using aidtrack::CurrencyCode;
using aidtrack::Decimal;
using aidtrack::FiscalCalendar;
using aidtrack::Portfolio;
using aidtrack::measures::ActivityShare;
using aidtrack::measures::aggregate;
using aidtrack::measures::AggregateQuery;
using aidtrack::measures::AggregateResult;

namespace {

aidtrack::Transaction tx(std::uint32_t activity, int type, const char* date, const char* value, const char* currency,
                         std::uint32_t line = 0) {
    aidtrack::Transaction t;
    t.activity = activity;
    t.type = type;
    t.date = aidtrack::parse_date(date);
    t.value = aidtrack::Money(Decimal::parse(value), CurrencyCode(currency));
    t.line = line;
    return t;
}

std::uint32_t add_activity(Portfolio& p, const std::string& id, const std::string& donor) {
    aidtrack::Activity a;
    a.identifier = id;
    a.reporting_org.ref = donor;
    a.provenance.source = id + ".xml";
    return p.add_activity(a);
}

aidtrack::ExchangeRates rates() {
    aidtrack::ExchangeRates r;
    for (int y = 2015; y <= 2024; ++y) {
        const aidtrack::Period year(aidtrack::make_date(y, 1, 1), aidtrack::make_date(y, 12, 31));
        r.add(CurrencyCode("EUR"), year, 0.8);                // 1 USD = 0.8 EUR: factor EUR→USD = 1.25
        r.add(CurrencyCode("KHR"), year, 4000.0 + y - 2015);  // 4000, 4001, …
        r.add(CurrencyCode("AUD"), year, 1.5);
    }
    return r;
}

// A deterministic generated portfolio: 40 activities of 7 donors, 3 currencies, 10 years.
Portfolio generated(std::uint32_t activities = 40, std::size_t rows = 5000) {
    Portfolio p;
    for (std::uint32_t a = 0; a < activities; ++a)
        add_activity(p, "XX-" + std::to_string(a), "DONOR-" + std::to_string(a % 7));
    const char* currencies[] = {"USD", "EUR", "KHR", "AUD"};
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    for (std::size_t i = 0; i < rows; ++i) {
        const auto a = static_cast<std::uint32_t>(next() % activities);
        const int year = 2015 + static_cast<int>(next() % 10);
        const std::string date =
            std::to_string(year) + "-" + (next() % 2 ? "03" : "09") + "-1" + std::to_string(next() % 10);
        const std::string value = std::to_string(next() % 100000000) + "." + std::to_string(next() % 1000000000);
        const std::string signed_value = (next() % 20 == 0 ? "-" : "") + value;
        p.add_transaction(
            tx(a, 2 + static_cast<int>(next() % 3), date.c_str(), signed_value.c_str(), currencies[next() % 4]));
    }
    return p;
}

std::vector<ActivityShare> mapping(std::uint32_t activities) {
    std::vector<ActivityShare> m;
    for (std::uint32_t a = 0; a < activities; a += 2) {  // odd activities stay unmapped
        const std::string id = "XX-" + std::to_string(a);
        if (a % 4 == 0) {
            m.push_back({id, "1.1", Decimal::parse("60"), {}});
            m.push_back({id, "2.3", Decimal::parse("40"), {}});
        } else if (a % 3 == 0) {
            m.push_back({id, "3.1", Decimal::parse("33.333"), {}});  // the other 66.667 unmapped
        } else {
            m.push_back({id, "1.1", std::nullopt, {}});
        }
    }
    return m;
}

// The Portfolio::totals query that matches `q`: keys `by`, the same types and calendar, in USD.
aidtrack::TotalsQuery usd_totals(std::vector<aidtrack::GroupKey> by, const AggregateQuery& q,
                                 const aidtrack::ExchangeRates& rates) {
    aidtrack::TotalsQuery t;
    t.by = std::move(by);
    t.types = q.types;
    t.calendar = q.calendar;
    t.currency = CurrencyCode("USD");
    t.rates = &rates;
    return t;
}

// The cells of `r` as a std::map, to compare with a hand computation.
std::map<AggregateResult::Key, aidtrack::measures::AggregateCell> as_map(const AggregateResult& r) {
    return {r.cells().begin(), r.cells().end()};
}

std::string value_at(const AggregateResult& r, const std::string& donor, int fy, const std::string& objective) {
    const auto it = r.cells().find({donor, fy, objective});
    return it == r.cells().end() ? "absent" : Decimal::from_raw(it->second.value).to_string();
}

// The cells of `q` over `p` the slow way (calendar fiscal years, conversion on the date):
// exact sums per (activity, year, currency, factor), each converted with Decimal::scaled, added
// per (activity, year) and split with split_by_weights once.
std::map<AggregateResult::Key, aidtrack::measures::AggregateCell> by_hand(const Portfolio& p, const AggregateQuery& q,
                                                                          const aidtrack::ExchangeRates& r) {
    struct Sum {
        Decimal::Raw value = 0;
        std::int64_t rows = 0;
    };
    std::map<std::tuple<std::uint32_t, int, std::uint16_t, double>, Sum> groups;
    const auto& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!q.types.empty() && std::find(q.types.begin(), q.types.end(), t.type[i]) == q.types.end()) continue;
        const auto date = aidtrack::day_number::to_date(t.date[i]);
        const double f = r.factor(CurrencyCode::from_packed(t.currency[i]), CurrencyCode("USD"), date);
        Sum& s = groups[{t.activity[i], date.year(), t.currency[i], f}];
        s.value += t.value[i];
        ++s.rows;
    }
    // Each group converted once, then the converted sums of one activity and year added.
    std::map<std::pair<std::uint32_t, int>, Sum> converted;
    for (const auto& [key, sum] : groups) {
        const auto& [activity, year, currency, f] = key;
        const Decimal v = currency == CurrencyCode("USD").packed() ? Decimal::from_raw(sum.value)
                                                                   : Decimal::from_raw(sum.value).scaled(f);
        Sum& s = converted[{activity, year}];
        s.value += v.raw();
        s.rows += sum.rows;
    }
    std::map<AggregateResult::Key, aidtrack::measures::AggregateCell> expected;
    for (const auto& [key, sum] : converted) {
        const auto& [activity, year] = key;
        const auto& a = p.activity(activity);
        const Decimal v = Decimal::from_raw(sum.value);
        std::vector<std::string> codes;
        std::vector<Decimal::Raw> weights;
        for (const auto& s : q.objectives) {
            if (s.activity_id != a.identifier) continue;
            codes.push_back(s.code);
            weights.push_back(s.percentage.value_or(Decimal(100)).raw());
        }
        Decimal::Raw total = 0;
        for (auto w : weights) total += w;
        if (total < Decimal(100).raw()) {
            codes.emplace_back(aidtrack::measures::kUnmapped);
            weights.push_back(Decimal(100).raw() - total);
        }
        const auto parts = aidtrack::split_by_weights(v, weights, Decimal::kScale);
        for (std::size_t k = 0; k < parts.size(); ++k) {
            auto& cell = expected[{a.reporting_org.ref, year, codes[k]}];
            cell.value += parts[k].raw();
            cell.pieces += sum.rows;
        }
    }
    return expected;
}

}  // namespace

TEST(aggregate_test, converts_splits_and_buckets_by_hand) {
    Portfolio p;
    const auto a0 = add_activity(p, "A0", "D1");
    const auto a1 = add_activity(p, "A1", "D2");
    p.add_transaction(tx(a0, 3, "2020-03-01", "100.00", "USD"));
    p.add_transaction(tx(a0, 3, "2020-08-01", "1000.00", "EUR"));   // 1000 / 0.8 = 1250 USD
    p.add_transaction(tx(a0, 2, "2020-08-01", "999.00", "USD"));    // a commitment: not counted
    p.add_transaction(tx(a1, 3, "2021-01-10", "40020.00", "KHR"));  // 40020 / 4006 = 9.990014977533699… USD
    const auto r = rates();
    AggregateQuery q;
    q.types = {3};
    q.calendar = FiscalCalendar(7, 1);  // July years: 2020-03-01 in FY2019, 2020-08-01 in FY2020
    q.rates = &r;
    q.objectives = {{"A0", "1.1", Decimal::parse("60"), {}}, {"A0", "2.3", Decimal::parse("40"), {}}};
    const auto result = aggregate(p, q);
    ASSERT_EQ(result.cells().size(), 5U);
    EXPECT_EQ(value_at(result, "D1", 2019, "1.1"), "60.00");   // 100 × 60%
    EXPECT_EQ(value_at(result, "D1", 2019, "2.3"), "40.00");   // 100 × 40%
    EXPECT_EQ(value_at(result, "D1", 2020, "1.1"), "750.00");  // 1250 × 60%
    EXPECT_EQ(value_at(result, "D1", 2020, "2.3"), "500.00");  // 1250 × 40%
    // KHR→USD factor 1/4006 (double), value rounded to 10^-9: 40020/4006 = 9.990014978 (…53 rounds up).
    EXPECT_EQ(value_at(result, "D2", 2020, aidtrack::measures::kUnmapped), "9.990014978");
    EXPECT_EQ(result.cells().at({"D1", 2020, "1.1"}).pieces, 1);
    EXPECT_EQ(result.total().to_string(), "1359.990014978");  // 100 + 1250 + 9.990014978
    const auto table = result.to_table();
    EXPECT_EQ(table.row_count(), 5U);
    EXPECT_EQ(table.at<std::string>(0, "donor"), "D1");
    EXPECT_EQ(table.at<std::string>(0, "currency"), "USD");
}

TEST(aggregate_test, largest_remainder_splits_the_sum_of_a_group_once) {
    Portfolio p;
    const auto a = add_activity(p, "A", "D");
    p.add_transaction(tx(a, 3, "2020-01-01", "0.000000002", "USD"));   // 2 units
    p.add_transaction(tx(a, 3, "2020-01-02", "-0.000000001", "USD"));  // −1 unit, same group: 1 unit in all
    AggregateQuery q;
    q.objectives = {{"A", "x", Decimal::parse("33.3"), {}},
                    {"A", "y", Decimal::parse("33.3"), {}},
                    {"A", "z", Decimal::parse("33.4"), {}}};
    const auto r = aggregate(p, q);
    // One group (A, 2020, USD): 1 unit over weights 333:333:334, floors 0,0,0, remainders
    // 333,333,334 → z takes it. (Split row by row, x would get +1 of the 2 units and z −1.)
    EXPECT_EQ(value_at(r, "D", 2020, "x"), "0.00");
    EXPECT_EQ(value_at(r, "D", 2020, "y"), "0.00");
    EXPECT_EQ(value_at(r, "D", 2020, "z"), "0.000000001");
    EXPECT_EQ(r.cells().at({"D", 2020, "z"}).pieces, 2);  // two transactions counted in each piece
    EXPECT_EQ(r.total().to_string(), "0.000000001");
    // Ties still go to the earlier piece: 1 unit over two equal halves goes to x.
    q.objectives = {{"A", "x", Decimal::parse("50"), {}}, {"A", "y", Decimal::parse("50"), {}}};
    const auto halves = aggregate(p, q);
    EXPECT_EQ(value_at(halves, "D", 2020, "x"), "0.000000001");
    EXPECT_EQ(value_at(halves, "D", 2020, "y"), "0.00");
}

TEST(aggregate_test, one_rounding_per_group_is_the_documented_rule) {
    // Three KHR transactions of one activity in one fiscal year at one rate (4006 KHR per USD in
    // 2021), and one at another rate (4005 in 2020) in the same fiscal year (July years).
    Portfolio p;
    const auto a = add_activity(p, "A", "D");
    p.add_transaction(tx(a, 3, "2021-01-10", "1.00", "KHR"));
    p.add_transaction(tx(a, 3, "2021-02-10", "1.00", "KHR"));
    p.add_transaction(tx(a, 3, "2021-03-10", "1.00", "KHR"));
    p.add_transaction(tx(a, 3, "2020-12-10", "1.00", "KHR"));
    const auto r = rates();
    AggregateQuery q;
    q.calendar = FiscalCalendar(7, 1);
    q.rates = &r;
    const auto result = aggregate(p, q);
    // By hand: 3/4006 = 0.000748876685… → 0.000748877, and 1/4005 = 0.000249687890… → 0.000249688;
    // one rounding per (activity, fiscal year, currency, rate): 0.000998565.
    // Row by row it would be 3 × round(1/4006) + round(1/4005) = 3 × 0.000249626 + 0.000249688
    // = 0.000998566, while the exact sum is 0.000998564575…: the group rule is closer.
    EXPECT_EQ(value_at(result, "D", 2020, aidtrack::measures::kUnmapped), "0.000998565");
    EXPECT_EQ(result.cells().at({"D", 2020, aidtrack::measures::kUnmapped}).pieces, 4);
    // Portfolio::totals follows the same rule.
    const auto totals =
        p.totals(usd_totals({aidtrack::GroupKey::reporting_org, aidtrack::GroupKey::fiscal_year}, q, r));
    ASSERT_EQ(totals.row_count(), 1U);
    EXPECT_EQ(totals.at<Decimal>(0, "value").to_string(), "0.000998565");
    EXPECT_EQ(totals.at<std::int64_t>(0, "transactions"), 4);
}

TEST(aggregate_test, converted_sums_of_one_activity_and_year_are_split_once) {
    // One activity, one fiscal year (July years), two groups at different rates: 3 KHR at 4006
    // KHR per USD and 1 AUD at 1.5 AUD per USD, split 50 : 50.
    Portfolio p;
    aidtrack::Activity act;
    act.identifier = "A";
    act.reporting_org.ref = "D";
    act.sectors = {{"1", "11111", Decimal::parse("50"), {}}, {"1", "22222", Decimal::parse("50"), {}}};
    const auto a = p.add_activity(act);
    p.add_transaction(tx(a, 3, "2021-01-10", "3.00", "KHR"));
    p.add_transaction(tx(a, 3, "2021-02-10", "1.00", "AUD"));
    const auto r = rates();
    AggregateQuery q;
    q.calendar = FiscalCalendar(7, 1);
    q.rates = &r;
    q.objectives = {{"A", "x", Decimal::parse("50"), {}}, {"A", "y", Decimal::parse("50"), {}}};
    const auto result = aggregate(p, q);
    // By hand: 3/4006 = 0.000748876685… → 748877 units; 1/1.5 = 0.666666666… → 666666667 units.
    // Converted sum 748877 + 666666667 = 667415544 units, split once: 333707772 each. Split per
    // group, both odd halves would go to x: x = 374439 + 333333334 = 333707773, y = 333707771.
    EXPECT_EQ(result.cells().at({"D", 2020, "x"}).value, 333707772);
    EXPECT_EQ(result.cells().at({"D", 2020, "y"}).value, 333707772);
    EXPECT_EQ(result.cells().at({"D", 2020, "x"}).pieces, 2);
    // Portfolio::totals follows the same rule for its splits.
    const auto totals = p.totals(usd_totals({aidtrack::GroupKey::fiscal_year, aidtrack::GroupKey::sector}, q, r));
    ASSERT_EQ(totals.row_count(), 2U);
    EXPECT_EQ(totals.at<Decimal>(0, "value").raw(), 333707772);
    EXPECT_EQ(totals.at<Decimal>(1, "value").raw(), 333707772);
    EXPECT_EQ(totals.at<std::int64_t>(0, "transactions"), 2);
}

TEST(aggregate_test, totals_split_the_sum_of_a_group_once) {
    Portfolio p;
    aidtrack::Activity act;
    act.identifier = "A";
    act.reporting_org.ref = "D";
    act.sectors = {{"1", "11111", Decimal::parse("33.3"), {}},
                   {"1", "22222", Decimal::parse("33.3"), {}},
                   {"1", "33333", Decimal::parse("33.4"), {}}};
    const auto a = p.add_activity(act);
    p.add_transaction(tx(a, 3, "2020-01-01", "0.000000002", "USD"));
    p.add_transaction(tx(a, 3, "2020-06-02", "-0.000000001", "USD"));
    aidtrack::TotalsQuery t;
    t.by = {aidtrack::GroupKey::year, aidtrack::GroupKey::sector};
    const auto totals = p.totals(t);
    // One group (A, 2020, USD) of 1 unit, split 333:333:334 once: 33333 takes the unit.
    ASSERT_EQ(totals.row_count(), 3U);
    EXPECT_EQ(totals.at<std::string>(0, "sector"), "11111");
    EXPECT_EQ(totals.at<Decimal>(0, "value").raw(), 0);
    EXPECT_EQ(totals.at<Decimal>(1, "value").raw(), 0);
    EXPECT_EQ(totals.at<std::string>(2, "sector"), "33333");
    EXPECT_EQ(totals.at<Decimal>(2, "value").raw(), 1);
    EXPECT_EQ(totals.at<std::int64_t>(2, "transactions"), 2);
}

TEST(aggregate_test, equals_portfolio_totals_without_a_mapping) {
    const Portfolio p = generated();
    const auto r = rates();
    AggregateQuery q;
    q.types = {3, 4};
    q.calendar = FiscalCalendar(4, 1);
    q.rates = &r;
    const auto result = aggregate(p, q);
    const auto totals =
        p.totals(usd_totals({aidtrack::GroupKey::reporting_org, aidtrack::GroupKey::fiscal_year}, q, r));
    ASSERT_EQ(totals.row_count(), result.cells().size());
    for (std::size_t i = 0; i < totals.row_count(); ++i) {
        const AggregateResult::Key key{totals.at<std::string>(i, "reporting_org"),
                                       static_cast<int>(totals.at<std::int64_t>(i, "fiscal_year")),
                                       aidtrack::measures::kUnmapped};
        ASSERT_TRUE(result.cells().count(key));
        EXPECT_EQ(result.cells().at(key).value, totals.at<Decimal>(i, "value").raw());
        EXPECT_EQ(result.cells().at(key).pieces, totals.at<std::int64_t>(i, "transactions"));
    }
}

TEST(aggregate_test, equals_a_hand_computation_per_group) {
    const Portfolio p = generated();
    const auto r = rates();
    AggregateQuery q;
    q.rates = &r;
    q.objectives = mapping(40);
    const auto result = aggregate(p, q);
    const auto expected = by_hand(p, q, r);
    ASSERT_EQ(expected.size(), result.cells().size());
    for (const auto& [key, cell] : expected) EXPECT_EQ(result.cells().at(key), cell);
}

TEST(aggregate_test, row_order_and_threads_do_not_change_a_bit) {
    // The generated rows interleave activities; the same rows activity by activity (as an import
    // appends them) must give the same result, on any number of threads.
    const Portfolio mixed = generated(40, 6000);
    Portfolio ordered;
    for (std::uint32_t a = 0; a < 40; ++a)
        add_activity(ordered, mixed.activity(a).identifier, mixed.activity(a).reporting_org.ref);
    for (std::uint32_t a = 0; a < 40; ++a) {
        for (std::uint32_t row : mixed.transactions_of(a)) ordered.add_transaction(mixed.transactions().row(row));
    }
    const auto r = rates();
    AggregateQuery q;
    q.rates = &r;
    q.objectives = mapping(40);
    q.types = {3, 4};
    const auto expected = aggregate(mixed, q);
    for (unsigned threads : {1U, 2U, 3U, 7U, 64U}) {
        q.threads = threads;
        EXPECT_EQ(aggregate(ordered, q), expected) << threads << " threads";
        EXPECT_EQ(aggregate(mixed, q), expected) << threads << " threads";
    }
}

TEST(aggregate_test, an_activity_returning_later_is_counted_once_per_group) {
    // Rows activity by activity, except that activity 5's last rows come after everyone else's:
    // its first run would be converted on its own, so the scan must merge its runs first. The
    // rows are the same as in the interleaved portfolio, so the result must be identical.
    const Portfolio mixed = generated(40, 6000);
    Portfolio late;
    for (std::uint32_t a = 0; a < 40; ++a)
        add_activity(late, mixed.activity(a).identifier, mixed.activity(a).reporting_org.ref);
    std::vector<std::uint32_t> held_back;
    for (std::uint32_t a = 0; a < 40; ++a) {
        const auto rows = mixed.transactions_of(a);
        for (std::size_t k = 0; k < rows.size(); ++k) {
            if (a == 5 && k >= rows.size() / 2)
                held_back.push_back(rows[k]);
            else
                late.add_transaction(mixed.transactions().row(rows[k]));
        }
    }
    ASSERT_FALSE(held_back.empty());
    for (std::uint32_t row : held_back) late.add_transaction(mixed.transactions().row(row));
    const auto r = rates();
    AggregateQuery q;
    q.rates = &r;
    q.objectives = mapping(40);
    q.types = {3, 4};
    q.threads = 1;
    const auto expected = aggregate(mixed, q);
    for (unsigned threads : {1U, 2U, 3U}) {
        q.threads = threads;
        EXPECT_EQ(aggregate(late, q), expected) << threads << " threads";
    }
}

TEST(aggregate_test, partials_of_two_portfolios_merge_into_the_union_exactly) {
    const Portfolio whole = generated(40, 6000);
    // Split the same rows into two portfolios by activity parity.
    Portfolio even, odd;
    std::vector<std::uint32_t> where(40);
    for (std::uint32_t a = 0; a < 40; ++a) {
        Portfolio& part = a % 2 ? odd : even;
        where[a] = add_activity(part, whole.activity(a).identifier, whole.activity(a).reporting_org.ref);
    }
    for (std::size_t i = 0; i < whole.transactions().size(); ++i) {
        auto row = whole.transactions().row(i);
        const std::uint32_t a = row.activity;
        row.activity = where[a];
        (a % 2 ? odd : even).add_transaction(row);
    }
    const auto r = rates();
    AggregateQuery q;
    q.rates = &r;
    q.objectives = mapping(40);
    q.calendar = FiscalCalendar(7, 1);
    const auto all = aggregate(whole, q);
    EXPECT_EQ(merged(aggregate(even, q), aggregate(odd, q)), all);
    EXPECT_EQ(merged(aggregate(odd, q), aggregate(even, q)), all);  // order does not matter
    // Thread counts do not change a bit of the result.
    for (unsigned threads : {1U, 2U, 3U, 7U}) {
        q.threads = threads;
        EXPECT_EQ(aggregate(whole, q), all) << threads << " threads";
    }
    // Results in different currencies or calendars refuse to merge.
    AggregateResult khr(CurrencyCode("KHR"), 7, 1);
    AggregateResult april(CurrencyCode("USD"), 4, 1);
    AggregateResult copy = all;
    EXPECT_THROW(copy.merge(khr), aidtrack::CurrencyError);
    EXPECT_THROW(copy.merge(april), aidtrack::CurrencyError);
}

TEST(aggregate_test, missing_rates_name_the_file_and_line) {
    Portfolio p;
    const auto a = add_activity(p, "A", "D");
    p.add_transaction(tx(a, 3, "2030-05-01", "10", "EUR", 42));  // no EUR rate in 2030
    const auto r = rates();
    AggregateQuery q;
    q.rates = &r;
    try {
        (void)aggregate(p, q);
        FAIL() << "expected RateNotFoundError";
    } catch (const aidtrack::RateNotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("A.xml"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("42"), std::string::npos) << e.what();
    }
    q.rates = nullptr;
    EXPECT_THROW((void)aggregate(p, q), aidtrack::CurrencyError);
    q.types = {4};  // nothing counted: nothing to convert
    EXPECT_TRUE(aggregate(p, q).cells().empty());
}

TEST(aggregate_test, rows_of_other_types_may_lack_a_date_and_many_rates_take_the_hash_path) {
    // A rate for every day of 35 years in three currencies: about 38 000 rate ids × 35 fiscal
    // years, more slots than the scan's direct table takes (2^20), so groups go through its hash
    // map; the result must still be the hand computation. Undated rows of a type the query does
    // not count are ignored; an undated counted row is refused with its file and line.
    // Commitments (type 2) without a date, of three activities.
    auto add_undated_commitments = [](Portfolio& into) {
        for (std::uint32_t a : {0U, 7U, 12U}) {
            auto undated = tx(a, 2, "2020-01-01", "99", "KHR");
            undated.date = aidtrack::Date();
            into.add_transaction(undated);
        }
    };
    Portfolio p = generated(30, 3000);
    aidtrack::ExchangeRates daily;
    const char* currencies[] = {"EUR", "KHR", "AUD"};
    for (int c = 0; c < 3; ++c) {
        std::int32_t k = 0;
        for (auto d = aidtrack::make_date(1990, 1, 1); d <= aidtrack::make_date(2024, 12, 31);
             d += boost::gregorian::days(1), ++k)
            daily.add(CurrencyCode(currencies[c]), aidtrack::Period(d, d), 1.0 + c + k * 1e-5);
    }
    p.add_transaction(tx(3, 3, "1990-01-01", "1.5", "EUR"));  // the range starts in 1990
    add_undated_commitments(p);
    AggregateQuery q;
    q.rates = &daily;
    q.objectives = mapping(30);
    q.types = {3, 4};
    const auto expected = by_hand(p, q, daily);
    ASSERT_GT(expected.size(), 100U);
    for (unsigned threads : {1U, 2U, 3U}) {
        q.threads = threads;
        const auto result = aggregate(p, q);
        ASSERT_EQ(result.cells().size(), expected.size()) << threads << " threads";
        for (const auto& [key, cell] : expected) EXPECT_EQ(result.cells().at(key), cell) << threads << " threads";
    }
    // With the daily rates out of the way the direct table is used: the same rows of other types
    // are ignored there too.
    const auto r = rates();
    q.rates = &r;
    q.threads = 1;
    Portfolio recent = generated(30, 3000);
    add_undated_commitments(recent);
    const auto direct = by_hand(recent, q, r);
    EXPECT_EQ(as_map(aggregate(recent, q)), direct);
    auto counted = tx(7, 3, "2020-01-01", "5", "USD", 77);
    counted.date = aidtrack::Date();
    recent.add_transaction(counted);
    try {
        (void)aggregate(recent, q);
        FAIL() << "an undated disbursement was counted";
    } catch (const aidtrack::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("XX-7.xml"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("77"), std::string::npos) << e.what();
    }
}

TEST(aggregate_test, rows_added_after_a_call_widen_the_days_and_currencies_of_the_next) {
    Portfolio p;
    const auto a0 = add_activity(p, "A0", "D1");
    p.add_transaction(tx(a0, 3, "2020-03-01", "100.00", "USD"));
    const auto r = rates();
    AggregateQuery q;
    q.types = {3};
    q.rates = &r;
    EXPECT_EQ(aggregate(p, q).total().to_string(), "100.00");  // the Portfolio now keeps 2020-03-01, USD
    // A day before the kept first day, in a currency the first call never saw: 40000 / 4000 = 10 USD.
    p.add_transaction(tx(a0, 3, "2015-06-01", "40000.00", "KHR"));
    EXPECT_EQ(aggregate(p, q).total().to_string(), "110.00");  // 100 + 10
    // A day after the kept last day: 1000 / 0.8 = 1250 USD.
    aidtrack::TransactionTable more;
    more.append(tx(a0, 3, "2024-12-31", "1000.00", "EUR"));
    p.add_transactions(std::move(more));
    const auto result = aggregate(p, q);
    EXPECT_EQ(value_at(result, "D1", 2015, aidtrack::measures::kUnmapped), "10.00");
    EXPECT_EQ(value_at(result, "D1", 2024, aidtrack::measures::kUnmapped), "1250.00");
    EXPECT_EQ(result.total().to_string(), "1360.00");  // 100 + 10 + 1250
    // The kept extent had no undated row, so the scan skipped looking for one: an undated
    // disbursement added now must still be refused, not counted on the first day.
    auto undated = tx(a0, 3, "2020-01-01", "5.00", "USD", 41);
    undated.date = aidtrack::Date();
    p.add_transaction(undated);
    EXPECT_THROW((void)aggregate(p, q), aidtrack::ValidationError);
}

TEST(aggregate_test, two_objectives_split_each_group_by_largest_remainder) {
    // Values of a few units over two pieces of every weight pair p : 100 − p (p = 1..99, and
    // p = 33.333 with the rest unmapped), positive and negative: every remainder and tie of the
    // two-piece split, against split_by_weights group by group.
    Portfolio p;
    AggregateQuery q;
    std::vector<std::string> weights;
    for (int k = 1; k <= 99; ++k) weights.push_back(std::to_string(k));
    weights.emplace_back("33.333");
    for (std::size_t k = 0; k < weights.size(); ++k) {
        const std::string id = "S-" + std::to_string(k);
        const auto a = add_activity(p, id, "D" + std::to_string(k % 3));
        for (int units = -7; units <= 7; ++units) {
            const std::string value = (units < 0 ? "-0.00000000" : "0.00000000") + std::to_string(std::abs(units));
            // One group per (activity, year): 15 years, one value each.
            p.add_transaction(tx(a, 3, (std::to_string(2010 + units + 7) + "-05-01").c_str(), value.c_str(), "USD"));
        }
        p.add_transaction(tx(a, 3, "2030-05-01", "123456789.123456789", "USD"));  // a large group too
        q.objectives.push_back({id, "first", Decimal::parse(weights[k]), {}});
        if (weights[k] != "33.333")
            q.objectives.push_back({id, "second", Decimal(100) - Decimal::parse(weights[k]), {}});
    }
    const auto r = rates();
    const auto expected = by_hand(p, q, r);
    EXPECT_EQ(as_map(aggregate(p, q)), expected);

    // By hand. Weights 1 : 99, 3 units: floors 0 and 2 (0.03, 2.97), remainders 3 and 97 of 100:
    // the left unit goes to the second piece → 0 and 3. Weights 50 : 50, 1 unit: floors 0 and 0,
    // a tie → the first piece takes it. Weights 60 : 40 (3 : 2), −7 units: 21/5 = 4 r 1 and
    // 14/5 = 2 r 4, the unit goes to the second → −4 and −3.
    Portfolio hand;
    AggregateQuery h;
    const char* cases[][4] = {
        {"H1", "1", "99", "0.000000003"}, {"H2", "50", "50", "0.000000001"}, {"H3", "60", "40", "-0.000000007"}};
    for (const auto& c : cases) {
        const auto a = add_activity(hand, c[0], c[0]);
        hand.add_transaction(tx(a, 3, "2020-05-01", c[3], "USD"));
        h.objectives.push_back({c[0], "first", Decimal::parse(c[1]), {}});
        h.objectives.push_back({c[0], "second", Decimal::parse(c[2]), {}});
    }
    const auto split = aggregate(hand, h);
    EXPECT_EQ(split.cells().at({"H1", 2020, "first"}).value, 0);
    EXPECT_EQ(split.cells().at({"H1", 2020, "second"}).value, 3);
    EXPECT_EQ(split.cells().at({"H2", 2020, "first"}).value, 1);
    EXPECT_EQ(split.cells().at({"H2", 2020, "second"}).value, 0);
    EXPECT_EQ(split.cells().at({"H3", 2020, "first"}).value, -4);
    EXPECT_EQ(split.cells().at({"H3", 2020, "second"}).value, -3);
}

TEST(aggregate_test, shares_given_apart_from_the_query_count_as_the_query_s_own_in_any_order) {
    const Portfolio p = generated();
    const auto r = rates();
    AggregateQuery q;
    q.rates = &r;
    q.types = {3, 4};
    q.objectives = mapping(40);
    const auto expected = aggregate(p, q);
    const std::vector<ActivityShare> shares = std::exchange(q.objectives, {});
    EXPECT_EQ(aggregate(p, q, shares), expected);
    // The shares of each activity stay together, in their own order; the activities come in
    // reverse order, with one the portfolio lacks: the same result.
    std::vector<ActivityShare> reversed;
    for (auto it = shares.rbegin(); it != shares.rend();) {
        auto first = it;
        while (it != shares.rend() && it->activity_id == first->activity_id) ++it;
        reversed.insert(reversed.end(), it.base(), first.base());  // in their own order
        if (reversed.size() == 4) reversed.push_back({"XX-NOT-HERE", "1.1", std::nullopt, {}});
    }
    ASSERT_EQ(reversed.size(), shares.size() + 1);
    EXPECT_EQ(aggregate(p, q, reversed), expected);
    // Shares in both places would leave one list out: refused.
    q.objectives = shares;
    EXPECT_THROW((void)aggregate(p, q, shares), aidtrack::ValidationError);
}
