#include "../support/sample_portfolio.hpp"

#include <aidtrack/model/portfolio_subset.hpp>

#include <gtest/gtest.h>

#include <thread>

using aidtrack::Decimal;
using aidtrack::FiscalCalendar;
using aidtrack::GroupKey;
using aidtrack::TotalsQuery;

TEST(portfolio_test, indexes_activities_and_their_transactions) {
    const auto p = aidtrack::testing::sample_portfolio();
    EXPECT_EQ(p.activity_count(), 2U);
    EXPECT_EQ(*p.find_activity("AU-5-INM123"), 1U);
    EXPECT_FALSE(p.find_activity("nope").has_value());
    EXPECT_EQ(p.activity(aidtrack::ActivityId("XM-DAC-41114-PROJECT-00090541")).title[1].lang, "fr");
    EXPECT_THROW((void)p.activity(aidtrack::ActivityId("nope")), aidtrack::NotFoundError);
    EXPECT_EQ(p.transactions_of(0), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    EXPECT_EQ(p.transactions_of(1), (std::vector<std::uint32_t>{4, 5}));
    EXPECT_EQ(p.organisation_name("AU-5"), "DFAT");
    EXPECT_EQ(p.organisation_name("GB-GOV-1"), "GB-GOV-1");
}

TEST(portfolio_test, duplicate_identifiers_and_orphan_records_are_refused) {
    auto p = aidtrack::testing::sample_portfolio();
    aidtrack::Activity again;
    again.identifier = "AU-5-INM123";
    EXPECT_THROW(p.add_activity(again), aidtrack::ValidationError);
    EXPECT_THROW(p.add_transaction(aidtrack::testing::make_transaction(7, 3, "2020-01-01", "1", "USD")),
                 aidtrack::NotFoundError);
    EXPECT_THROW(p.add_transaction(aidtrack::testing::make_transaction(0, 14, "2020-01-01", "1", "USD")),
                 aidtrack::ValidationError);
}

TEST(portfolio_test, totals_by_fiscal_year_cross_the_july_and_april_boundaries) {
    const auto p = aidtrack::testing::sample_portfolio();
    TotalsQuery q;
    q.by = {GroupKey::reporting_org, GroupKey::fiscal_year, GroupKey::currency};
    q.types = {3};
    q.calendar = FiscalCalendar::preset("australia");
    const auto t = p.totals(q);
    // UNDP USD disbursements: 2016-06-30 falls in FY2015-16 (1,000,000.50), 2016-07-01 in FY2016-17 (2,000,000.25).
    // DFAT AUD: 2023-04-01 is in FY2022-23 (800.00), 2024-03-31 in FY2023-24 (100.00).
    ASSERT_EQ(t.row_count(), 4U);
    EXPECT_EQ(t.at<std::string>(0, "reporting_org"), "AU-5");
    EXPECT_EQ(t.at<std::int64_t>(0, "fiscal_year"), 2022);
    EXPECT_EQ(t.at<Decimal>(0, "value").to_string(), "800.00");
    EXPECT_EQ(t.at<std::int64_t>(1, "fiscal_year"), 2023);
    EXPECT_EQ(t.at<Decimal>(1, "value").to_string(), "100.00");
    EXPECT_EQ(t.at<std::int64_t>(2, "fiscal_year"), 2015);
    EXPECT_EQ(t.at<Decimal>(2, "value").to_string(), "1000000.50");
    EXPECT_EQ(t.at<Decimal>(3, "value").to_string(), "2000000.25");

    // With a UK (April) calendar the two AUD disbursements swap sides of the boundary:
    // 2023-04-01 opens FY2023-24 and 2024-03-31 closes it, so both land in 2023: 900.00.
    q.calendar = FiscalCalendar::preset("united-kingdom");
    q.by = {GroupKey::fiscal_year, GroupKey::currency};
    const auto uk = p.totals(q);
    ASSERT_EQ(uk.row_count(), 2U);  // (2016, USD) and (2023, AUD)
    EXPECT_EQ(uk.at<std::int64_t>(1, "fiscal_year"), 2023);
    EXPECT_EQ(uk.at<std::string>(1, "original_currency"), "AUD");
    EXPECT_EQ(uk.at<Decimal>(1, "value").to_string(), "900.00");
}

TEST(portfolio_test, a_group_mixing_currencies_is_refused) {
    const auto p = aidtrack::testing::sample_portfolio();
    TotalsQuery q;
    q.by = {GroupKey::reporting_org};
    EXPECT_THROW((void)p.totals(q), aidtrack::CurrencyError);  // UNDP has USD and KHR
    q.currency = aidtrack::kUSD;
    EXPECT_THROW((void)p.totals(q), aidtrack::CurrencyError);  // converting needs rates
}

TEST(portfolio_test, totals_convert_with_the_value_date_rate) {
    const auto p = aidtrack::testing::sample_portfolio();
    aidtrack::ExchangeRates rates;
    rates.add(aidtrack::CurrencyCode("AUD"), aidtrack::Period::calendar_year(2023), 1.6, "test");
    rates.add(aidtrack::CurrencyCode("AUD"), aidtrack::Period::calendar_year(2024), 1.25, "test");
    TotalsQuery q;
    q.by = {GroupKey::reporting_org};
    q.types = {3};
    q.year_from = 2023;
    q.currency = aidtrack::kUSD;
    q.rates = &rates;
    const auto t = p.totals(q);
    // 800 AUD / 1.6 = 500.00 USD (value-date 2023-03-31) + 100 AUD / 1.25 = 80.00 USD = 580.00 USD.
    ASSERT_EQ(t.row_count(), 1U);
    EXPECT_EQ(t.at<Decimal>(0, "value").to_string(), "580.00");
    EXPECT_EQ(t.at<std::string>(0, "currency"), "USD");
}

TEST(portfolio_test, country_split_scales_percentages_that_do_not_sum_to_100) {
    const auto p = aidtrack::testing::sample_portfolio();
    TotalsQuery q;
    q.by = {GroupKey::country, GroupKey::currency};
    q.types = {3};
    q.year_from = 2023;
    const auto t = p.totals(q);
    // 900.00 AUD split 50:30 → KH 900 × 5/8 = 562.50, LA 900 × 3/8 = 337.50; they add back to 900.00.
    ASSERT_EQ(t.row_count(), 2U);
    EXPECT_EQ(t.at<std::string>(0, "country"), "KH");
    EXPECT_EQ(t.at<Decimal>(0, "value").to_string(), "562.50");
    EXPECT_EQ(t.at<Decimal>(1, "value").to_string(), "337.50");
    ASSERT_FALSE(t.notes().empty());
    EXPECT_NE(t.notes().back().find("sum to 80.00, scaled to 100"), std::string::npos);
}

TEST(portfolio_test, a_million_transactions_sum_exactly) {
    aidtrack::Portfolio p;
    aidtrack::Activity a;
    a.identifier = "XM-1";
    a.reporting_org.ref = "XM";
    p.add_activity(a);
    aidtrack::TransactionTable t;
    t.reserve(1'000'000);
    // Values 0.01, 0.02, …, 10000.00 (cycling i % 1,000,000 + 1 cents): the sum of 1..1,000,000 cents
    // is 1,000,000 × 1,000,001 / 2 = 500,000,500,000 cents = 5,000,005,000.00.
    for (int i = 0; i < 1'000'000; ++i) {
        aidtrack::Transaction row = aidtrack::testing::make_transaction(0, 3, "2020-01-01", "0", "USD");
        row.value = aidtrack::Money(Decimal::from_raw(static_cast<Decimal::Raw>(i + 1) * 10'000'000), aidtrack::kUSD);
        t.append(row);
    }
    p.add_transactions(std::move(t));
    TotalsQuery q;
    q.by = {GroupKey::currency};
    const auto totals = p.totals(q);
    EXPECT_EQ(totals.at<Decimal>(0, "value").to_string(), "5000005000.00");
    EXPECT_EQ(totals.at<std::int64_t>(0, "transactions"), 1'000'000);
}

TEST(portfolio_test, bulk_rows_join_the_index_and_unknown_activities_are_refused) {
    aidtrack::Portfolio p;
    for (const char* id : {"XM-1", "XM-2"}) {
        aidtrack::Activity a;
        a.identifier = id;
        p.add_activity(a);
    }
    p.add_transaction(aidtrack::testing::make_transaction(1, 3, "2020-01-01", "5", "USD"));
    aidtrack::TransactionTable more;
    more.append(aidtrack::testing::make_transaction(0, 3, "2020-02-01", "7", "EUR"));
    more.append(aidtrack::testing::make_transaction(1, 4, "2020-03-01", "9", "EUR"));
    p.add_transactions(std::move(more));
    // Rows 0 (XM-2), 1 (XM-1), 2 (XM-2): the index follows the appended rows.
    EXPECT_EQ(p.transactions_of(0), (std::vector<std::uint32_t>{1}));
    EXPECT_EQ(p.transactions_of(1), (std::vector<std::uint32_t>{0, 2}));
    EXPECT_EQ(p.transactions().row(2).value.currency().str(), "EUR");
    aidtrack::TransactionTable bad;
    bad.append(aidtrack::testing::make_transaction(0, 3, "2020-01-01", "1", "USD"));
    bad.append(aidtrack::testing::make_transaction(5, 3, "2020-01-01", "1", "USD"));
    EXPECT_THROW(p.add_transactions(std::move(bad)), aidtrack::NotFoundError);
    EXPECT_EQ(p.transactions().size(), 3u);
}

TEST(portfolio_test, copies_and_moves_keep_every_record_and_a_working_index) {
    auto original = aidtrack::testing::sample_portfolio();
    ASSERT_GT(original.activity_count(), 0u);
    const auto rows = original.transactions_of(0);  // builds the original's index
    aidtrack::Portfolio copy = original;
    EXPECT_TRUE(copy == original);
    EXPECT_EQ(copy.transactions_of(0), rows);
    aidtrack::Portfolio assigned;
    assigned = copy;
    EXPECT_EQ(assigned.transactions_of(0), rows);
    aidtrack::Portfolio moved = std::move(copy);
    EXPECT_TRUE(moved == original);
    EXPECT_EQ(moved.transactions_of(0), rows);
    assigned = std::move(moved);
    EXPECT_EQ(assigned.transactions_of(0), rows);
}

TEST(portfolio_test, const_queries_agree_across_threads) {
    const auto p = aidtrack::testing::sample_portfolio();
    std::vector<std::vector<std::uint32_t>> seen(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] { seen[static_cast<std::size_t>(i)] = p.transactions_of(0); });
    for (auto& th : threads) th.join();
    for (const auto& s : seen) EXPECT_EQ(s, (std::vector<std::uint32_t>{0, 1, 2, 3}));
}

TEST(portfolio_test, add_activities_adds_in_order_or_changes_nothing) {
    auto make = [](const std::string& id) {
        aidtrack::Activity a;
        a.identifier = id;
        return a;
    };
    aidtrack::Portfolio p;
    EXPECT_THROW(p.add_activities({make("XM-A"), make("XM-B"), make("XM-A")}), aidtrack::ValidationError);
    EXPECT_EQ(p.activity_count(), 0U);                  // refused as a whole
    EXPECT_FALSE(p.find_activity("XM-A").has_value());  // and not half indexed
    p.add_activities({make("XM-A"), make("XM-B")});
    ASSERT_EQ(p.activity_count(), 2U);
    EXPECT_EQ(*p.find_activity("XM-B"), 1U);
    p.add_activities({make("XM-C")});  // onto a filled portfolio: one by one, same checks
    EXPECT_EQ(*p.find_activity("XM-C"), 2U);
    EXPECT_THROW(p.add_activities({make("")}), aidtrack::ValidationError);
}

TEST(portfolio_test, reserve_keeps_contents_and_indexes) {
    aidtrack::Portfolio p;
    aidtrack::Activity a;
    a.identifier = "XM-R-1";
    p.add_activity(a);
    p.reserve(1000, 5000);  // room only: nothing added, nothing lost
    EXPECT_EQ(p.activity_count(), 1U);
    EXPECT_EQ(*p.find_activity("XM-R-1"), 0U);
    EXPECT_EQ(p.transactions().size(), 0U);
}

TEST(portfolio_test, subset_keeps_the_chosen_activities_with_their_records_in_order) {
    const auto p = aidtrack::testing::sample_portfolio();
    // Keep activity 1 (AU-5-INM123) only: its two transactions (rows 4 and 5) become rows 0 and 1
    // of activity 0; organisations and the results and coordination stores are copied whole.
    const aidtrack::Portfolio s = aidtrack::subset(p, [](std::uint32_t a) { return a == 1; });
    ASSERT_EQ(s.activity_count(), 1U);
    EXPECT_EQ(s.activity(0).identifier, "AU-5-INM123");
    ASSERT_EQ(s.transactions().size(), 2U);
    for (std::size_t i = 0; i < 2; ++i) {
        aidtrack::Transaction expected = p.transactions().row(4 + i);
        expected.activity = 0;
        EXPECT_EQ(s.transactions().row(i), expected);
    }
    EXPECT_EQ(s.organisations(), p.organisations());
    std::size_t budgets = 0;
    for (const auto& b : p.budgets()) budgets += b.activity == 1 ? 1 : 0;
    EXPECT_EQ(s.budgets().size(), budgets);
    for (const auto& b : s.budgets()) EXPECT_EQ(b.activity, 0U);
    EXPECT_EQ(aidtrack::subset(p, [](std::uint32_t) { return true; }).transactions().size(), p.transactions().size());
    EXPECT_EQ(aidtrack::subset(p, [](std::uint32_t) { return false; }).activity_count(), 0U);
}
