#include <aidtrack/core/exchange_rates.hpp>

#include <gtest/gtest.h>

#include <sstream>

using aidtrack::CurrencyCode;
using aidtrack::ExchangeRates;
using aidtrack::make_date;
using aidtrack::Money;

namespace {
const std::string kImf = std::string(AIDTRACK_SHIPPED_DATA_DIR) + "/rates/imf_exchangerates_A_ENDA_USD.csv";
}

TEST(exchange_rates_test, loads_the_imf_table_once_per_currency_and_year) {
    const ExchangeRates rates = ExchangeRates::from_imf_csv(kImf);
    // KHR 2023 = 4110.652746415772 per USD (IMF, Cambodia).
    EXPECT_DOUBLE_EQ(rates.per_usd(CurrencyCode("KHR"), make_date(2023, 6, 1)), 4110.652746415772);
    // GBP appears for GB, Guernsey, Jersey and the Isle of Man: the United Kingdom's row is kept.
    const auto* gbp = rates.find(CurrencyCode("GBP"), make_date(2023, 1, 1));
    ASSERT_NE(gbp, nullptr);
    EXPECT_DOUBLE_EQ(gbp->per_usd, 0.8045389067343528);
    EXPECT_NE(gbp->source.find("(GB)"), std::string::npos);
    // EUR is used by many countries: the Euro Area (U2) row is kept.
    EXPECT_NE(rates.find(CurrencyCode("EUR"), make_date(2020, 1, 1))->source.find("(U2)"), std::string::npos);
    // The Austrian schilling has IMF history but is no longer a code: skipped, and said so.
    bool ats_noted = false;
    for (const auto& note : rates.notes()) ats_noted = ats_noted || note.find("'ATS'") != std::string::npos;
    EXPECT_TRUE(ats_noted);
}

TEST(exchange_rates_test, converts_khr_to_usd_to_gbp) {
    const ExchangeRates rates = ExchangeRates::from_imf_csv(kImf);
    // 1,000,000 KHR → USD: 1e6 / 4110.652746415772 = 243.270366457… → 243.270366457
    const auto usd = rates.convert(Money::parse("1000000", "KHR"), CurrencyCode("USD"), make_date(2023, 6, 1));
    EXPECT_EQ(usd.value.amount().rounded(2).to_string(), "243.27");
    // → GBP: 1e6 × 0.8045389067343528 / 4110.652746415772 = 195.720474670… GBP
    const auto gbp = rates.convert(Money::parse("1000000", "KHR"), CurrencyCode("GBP"), make_date(2023, 6, 1));
    EXPECT_EQ(gbp.value.amount().rounded(2).to_string(), "195.72");
    EXPECT_EQ(gbp.value.currency().str(), "GBP");
    EXPECT_DOUBLE_EQ(gbp.from_per_usd, 4110.652746415772);
    EXPECT_DOUBLE_EQ(gbp.to_per_usd, 0.8045389067343528);
    // Going through USD by hand gives the same: 243.270366457 × 0.8045389067343528 = 195.72…
    const auto via_usd = rates.convert(usd.value, CurrencyCode("GBP"), make_date(2023, 6, 1));
    EXPECT_EQ(via_usd.value.amount().rounded(2), gbp.value.amount().rounded(2));
}

TEST(exchange_rates_test, a_missing_rate_is_an_error_naming_currency_and_date) {
    const ExchangeRates rates = ExchangeRates::from_imf_csv(kImf);
    try {
        (void)rates.per_usd(CurrencyCode("KHR"), make_date(1950, 1, 1));
        FAIL() << "expected RateNotFoundError";
    } catch (const aidtrack::RateNotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("KHR"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("1950-01-01"), std::string::npos);
    }
    EXPECT_THROW((void)ExchangeRates().convert(Money::parse("1", "EUR"), CurrencyCode("USD"), make_date(2020, 1, 1)),
                 aidtrack::RateNotFoundError);
}

TEST(exchange_rates_test, plain_csv_with_year_month_and_day_rows) {
    std::istringstream csv(
        "date,currency,rate,source\n2023,KHR,4100,budget law\n2024-01,KHR,4050,treasury\n2024-02-15,KHR,4000,spot\n");
    const ExchangeRates rates = ExchangeRates::from_csv(csv, "rates.csv");
    EXPECT_DOUBLE_EQ(rates.per_usd(CurrencyCode("KHR"), make_date(2023, 12, 31)), 4100);
    EXPECT_DOUBLE_EQ(rates.per_usd(CurrencyCode("KHR"), make_date(2024, 1, 31)), 4050);
    EXPECT_DOUBLE_EQ(rates.per_usd(CurrencyCode("KHR"), make_date(2024, 2, 15)), 4000);
    EXPECT_THROW((void)rates.per_usd(CurrencyCode("KHR"), make_date(2024, 2, 16)), aidtrack::RateNotFoundError);
    // 8200 KHR at 4100 = 2.00 USD exactly.
    EXPECT_EQ(
        rates.convert(Money::parse("8200", "KHR"), aidtrack::kUSD, make_date(2023, 3, 1)).value.amount().to_string(),
        "2.00");
}

TEST(exchange_rates_test, fixed_year_policy_uses_one_rate_for_every_date) {
    std::istringstream csv("date,currency,rate\n2020,KHR,4000\n2023,KHR,4100\n");
    const ExchangeRates rates = ExchangeRates::from_csv(csv, "rates.csv");
    // 4100 KHR in 2020 at the 2023 rate = 1.00 USD; by date it would be 1.025.
    const auto fixed = rates.convert(Money::parse("4100", "KHR"), aidtrack::kUSD, make_date(2020, 5, 5),
                                     aidtrack::ConversionPolicy::fixed_year(2023));
    EXPECT_EQ(fixed.value.amount().to_string(), "1.00");
    const auto by_date = rates.convert(Money::parse("4100", "KHR"), aidtrack::kUSD, make_date(2020, 5, 5));
    EXPECT_EQ(by_date.value.amount().to_string(), "1.025");
}

TEST(exchange_rates_test, bad_rows_name_file_and_line) {
    std::istringstream csv("date,currency,rate\n2023,KHR,4100\n2023,KHR,-1\n");
    try {
        (void)ExchangeRates::from_csv(csv, "rates.csv");
        FAIL() << "expected ParseError";
    } catch (const aidtrack::ParseError& e) {
        EXPECT_EQ(e.where().file, "rates.csv");
        EXPECT_EQ(e.where().line, 3U);
    }
    std::istringstream overlapping("date,currency,rate\n2023,KHR,4100\n2023-05,KHR,4000\n");
    EXPECT_THROW((void)ExchangeRates::from_csv(overlapping, "o.csv"), aidtrack::ValidationError);
    std::istringstream unknown("date,currency,rate\n2023,XXX,1\n");
    EXPECT_THROW((void)ExchangeRates::from_csv(unknown, "u.csv"), aidtrack::CurrencyError);
}
