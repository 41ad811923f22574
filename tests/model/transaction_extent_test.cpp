// Tests of the extent of a portfolio's transactions: days over transaction and value dates,
// currencies once each, and the cached copy refreshed whenever rows are added.
#include <aidtrack/model/portfolio.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using aidtrack::CurrencyCode;
using aidtrack::Decimal;
using aidtrack::Portfolio;
using aidtrack::TransactionExtent;

namespace {

aidtrack::Transaction tx(std::uint32_t activity, const char* date, const char* currency,
                         const char* value_date = nullptr) {
    aidtrack::Transaction t;
    t.activity = activity;
    t.type = 3;
    t.date = aidtrack::parse_date(date);
    t.value = aidtrack::Money(Decimal::parse("10"), CurrencyCode(currency));
    if (value_date != nullptr) t.value_date = aidtrack::parse_date(value_date);
    return t;
}

Portfolio with_activity() {
    Portfolio p;
    aidtrack::Activity a;
    a.identifier = "XM-TEST-1";
    p.add_activity(a);
    return p;
}

std::vector<std::string> codes(const TransactionExtent& e) {
    std::vector<std::string> out;
    for (const CurrencyCode c : e.currencies) out.push_back(c.str());
    return out;
}

}  // namespace

TEST(transaction_extent_test, an_empty_portfolio_spans_nothing) {
    const TransactionExtent e = Portfolio().transaction_extent();
    EXPECT_FALSE(e.dated());
    EXPECT_FALSE(e.first_date().has_value());
    EXPECT_FALSE(e.last_date().has_value());
    EXPECT_TRUE(e.currencies.empty());
}

TEST(transaction_extent_test, spans_transaction_and_value_dates_and_lists_each_currency_once) {
    Portfolio p = with_activity();
    p.add_transaction(tx(0, "2019-03-01", "USD"));
    p.add_transaction(tx(0, "2021-06-30", "KHR"));
    p.add_transaction(tx(0, "2019-01-05", "EUR", "2018-12-31"));  // the value date is the earliest day
    p.add_transaction(tx(0, "2020-02-02", "USD", "2022-01-01"));  // … and the latest
    const TransactionExtent e = p.transaction_extent();
    ASSERT_TRUE(e.dated());
    EXPECT_EQ(aidtrack::to_iso(*e.first_date()), "2018-12-31");
    EXPECT_EQ(aidtrack::to_iso(*e.last_date()), "2022-01-01");
    EXPECT_EQ(codes(e), (std::vector<std::string>{"EUR", "KHR", "USD"}));  // alphabetical, USD once
    EXPECT_EQ(e, TransactionExtent::of(p.transactions()));
}

TEST(transaction_extent_test, the_kept_extent_follows_every_row_added) {
    Portfolio p = with_activity();
    p.add_transaction(tx(0, "2020-05-01", "USD"));
    EXPECT_EQ(codes(p.transaction_extent()), (std::vector<std::string>{"USD"}));

    p.add_transaction(tx(0, "2010-01-01", "AUD"));  // one row
    TransactionExtent e = p.transaction_extent();
    EXPECT_EQ(aidtrack::to_iso(*e.first_date()), "2010-01-01");
    EXPECT_EQ(codes(e), (std::vector<std::string>{"AUD", "USD"}));

    aidtrack::TransactionTable more;  // many rows at once
    more.append(tx(0, "2030-12-31", "JPY"));
    p.add_transactions(std::move(more));
    e = p.transaction_extent();
    EXPECT_EQ(aidtrack::to_iso(*e.last_date()), "2030-12-31");
    EXPECT_EQ(codes(e), (std::vector<std::string>{"AUD", "JPY", "USD"}));

    // A copy keeps its own: rows added to it leave the original's extent as it was.
    Portfolio copy = p;
    copy.add_transaction(tx(0, "2005-07-07", "GBP"));
    EXPECT_EQ(aidtrack::to_iso(*copy.transaction_extent().first_date()), "2005-07-07");
    EXPECT_EQ(aidtrack::to_iso(*p.transaction_extent().first_date()), "2010-01-01");
    p = copy;  // assignment takes the other's rows, and so their extent
    EXPECT_EQ(codes(p.transaction_extent()), (std::vector<std::string>{"AUD", "GBP", "JPY", "USD"}));
}
