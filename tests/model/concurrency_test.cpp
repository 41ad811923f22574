/// \file concurrency_test.cpp
/// \brief Const queries on one Portfolio from four threads give the single-thread answers
/// (built and run under ThreadSanitizer by the tsan preset, which selects these test names).

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/predictability.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::string kIati = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/";

/// Every cell of a table as text, row by row: equal strings mean equal tables.
std::string dump(const aidtrack::Table& t) {
    std::string out = t.title() + "\n";
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        for (std::size_t c = 0; c < t.column_count(); ++c) out += t.text(r, c) + "|";
        out += "\n";
    }
    return out;
}

/// All the const queries one thread runs, concatenated.
std::string answers(const aidtrack::Portfolio& p, const aidtrack::ExchangeRates& rates) {
    std::string out;
    aidtrack::TotalsQuery by_org;
    by_org.by = {aidtrack::GroupKey::reporting_org, aidtrack::GroupKey::type, aidtrack::GroupKey::currency};
    out += dump(p.totals(by_org));
    aidtrack::TotalsQuery by_sector;
    by_sector.by = {aidtrack::GroupKey::sector, aidtrack::GroupKey::year, aidtrack::GroupKey::currency};
    out += dump(p.totals(by_sector));
    for (std::uint32_t a = 0; a < p.activity_count(); ++a) {
        for (const auto row : p.transactions_of(a)) out += std::to_string(row) + ",";
        for (const auto& s : p.sector_shares(a))
            out += s.code + "=" + aidtrack::Decimal::from_raw(s.weight).to_string() + ";";
        out += "\n";
    }
    aidtrack::measures::MeasureOptions options;
    options.currency = aidtrack::CurrencyCode("USD");
    options.rates = &rates;
    out += dump(aidtrack::measures::donor_flows(p, options));
    out += dump(aidtrack::measures::annual_predictability(p, options));
    out += aidtrack::summarize_iati(p).to_json();
    const aidtrack::TransactionExtent extent = p.transaction_extent();  // the first caller computes it
    out += std::to_string(extent.first_day) + ".." + std::to_string(extent.last_day) + ":";
    for (const aidtrack::CurrencyCode c : extent.currencies) out += c.str() + ",";
    return out;
}

}  // namespace

TEST(concurrency_test, const_queries_from_four_threads_match_one_thread) {
    aidtrack::Portfolio p;
    (void)aidtrack::read_iati_files(
        {kIati + "canada-activity.xml", kIati + "fcdo-activity.xml", kIati + "sr-activity.xml"}, p);
    ASSERT_GT(p.transactions().size(), 10U);
    std::ifstream imf(aidtrack::data_file("rates/imf_exchangerates_A_ENDA_USD.csv"));
    const auto rates = aidtrack::ExchangeRates::from_imf_csv(imf, "imf_exchangerates_A_ENDA_USD.csv");
    const std::string expected = answers(p, rates);
    ASSERT_GT(expected.size(), 200U);
    constexpr int kThreads = 4;
    std::vector<std::string> got(kThreads);
    {
        std::vector<std::jthread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&p, &rates, &got, i] {
                for (int round = 0; round < 3; ++round) got[static_cast<std::size_t>(i)] = answers(p, rates);
            });
        }
    }
    for (int i = 0; i < kThreads; ++i) EXPECT_EQ(got[static_cast<std::size_t>(i)], expected) << "thread " << i;
}

TEST(concurrency_test, separate_portfolios_read_in_parallel_threads_are_independent) {
    // Readers share codelists and other process-wide tables: reading in parallel must not race.
    std::vector<std::string> got(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < got.size(); ++i) {
            threads.emplace_back([&got, i] {
                aidtrack::Portfolio p;
                (void)aidtrack::read_iati_files({kIati + (i % 2 == 0 ? "fcdo-activity.xml" : "canada-activity.xml")},
                                                p);
                got[i] = aidtrack::summarize_iati(p).to_json();
            });
        }
    }
    EXPECT_EQ(got[0], got[2]);
    EXPECT_EQ(got[1], got[3]);
    EXPECT_NE(got[0], got[1]);
}
