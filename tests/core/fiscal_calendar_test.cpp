#include <aidtrack/core/fiscal_calendar.hpp>

#include <gtest/gtest.h>

using aidtrack::Decimal;
using aidtrack::FiscalCalendar;
using aidtrack::make_date;
using aidtrack::Period;

TEST(fiscal_calendar_test, australian_year_starts_in_july) {
    const FiscalCalendar au = FiscalCalendar::preset("australia");
    EXPECT_EQ(au.fiscal_year_of(make_date(2023, 6, 30)), 2022);  // last day of FY2022-23
    EXPECT_EQ(au.fiscal_year_of(make_date(2023, 7, 1)), 2023);   // first day of FY2023-24
    EXPECT_EQ(au.label(2023), "FY2023-24");
    EXPECT_EQ(au.period_of(2023), Period(make_date(2023, 7, 1), make_date(2024, 6, 30)));
}

TEST(fiscal_calendar_test, uk_canada_japan_years_start_in_april) {
    for (const char* name : {"united-kingdom", "canada", "japan"}) {
        const FiscalCalendar c = FiscalCalendar::preset(name);
        EXPECT_EQ(c.fiscal_year_of(make_date(2024, 3, 31)), 2023) << name;
        EXPECT_EQ(c.fiscal_year_of(make_date(2024, 4, 1)), 2024) << name;
    }
    EXPECT_EQ(FiscalCalendar::preset("united-states").fiscal_year_of(make_date(2023, 10, 1)), 2023);
    EXPECT_EQ(FiscalCalendar::preset("cambodia").label(2023), "2023");
    EXPECT_THROW((void)FiscalCalendar::preset("atlantis"), aidtrack::NotFoundError);
}

TEST(fiscal_calendar_test, leap_years_have_366_days) {
    const FiscalCalendar au = FiscalCalendar::preset("australia");
    EXPECT_EQ(au.period_of(2023).days(), 366);  // 2023-07-01..2024-06-30 holds 29 Feb 2024
    EXPECT_EQ(au.period_of(2024).days(), 365);
    EXPECT_EQ(FiscalCalendar().period_of(2000).days(), 366);  // 2000 is a leap year (divisible by 400)
    EXPECT_EQ(FiscalCalendar().period_of(1900).days(), 365);  // 1900 is not
    EXPECT_THROW(FiscalCalendar(2, 29), aidtrack::ValidationError);
    EXPECT_THROW((void)make_date(2023, 2, 29), aidtrack::ParseError);
}

TEST(fiscal_calendar_test, budget_spanning_two_fiscal_years_is_prorated_by_days) {
    // A 1,000,000.00 budget for calendar 2023 (365 days) in Australian fiscal years:
    // 2023-01-01..2023-06-30 = 181 days → 1,000,000 × 181/365 = 495,890.410958… → 495,890.41
    // 2023-07-01..2023-12-31 = 184 days → 1,000,000 × 184/365 = 504,109.589041… → 504,109.59
    const auto pieces = FiscalCalendar::preset("australia").prorate(Decimal(1'000'000), Period::calendar_year(2023));
    ASSERT_EQ(pieces.size(), 2U);
    EXPECT_EQ(pieces.at(2022).to_string(), "495890.41");
    EXPECT_EQ(pieces.at(2023).to_string(), "504109.59");
    EXPECT_EQ(pieces.at(2022) + pieces.at(2023), Decimal(1'000'000));
}

TEST(fiscal_calendar_test, rebucketing_keeps_the_total) {
    // UK FY2023 (2023-04-01..2024-03-31, 366 days) of 366.00 → 1.00 a day:
    // calendar 2023 gets 275 days (Apr–Dec) = 275.00, calendar 2024 gets 91 days = 91.00.
    const FiscalCalendar uk = FiscalCalendar::preset("united-kingdom");
    const auto out = FiscalCalendar().rebucket({{2023, Decimal(366)}}, uk);
    EXPECT_EQ(out.at(2023).to_string(), "275.00");
    EXPECT_EQ(out.at(2024).to_string(), "91.00");
}

TEST(period_test, split_of_a_hundred_in_thirds_adds_back) {
    // 100.00 / 3 = 33.333…: largest remainder gives 33.34 + 33.33 + 33.33 = 100.00.
    const auto parts = aidtrack::split_by_weights(Decimal(100), {1, 1, 1});
    EXPECT_EQ(parts[0].to_string(), "33.34");
    EXPECT_EQ(parts[1].to_string(), "33.33");
    EXPECT_EQ(parts[2].to_string(), "33.33");
    EXPECT_THROW((void)aidtrack::split_by_weights(Decimal(1), {0, 0}), aidtrack::ValidationError);
}

TEST(period_test, overlap_counts_days_inclusively) {
    const Period a(make_date(2023, 1, 1), make_date(2023, 1, 31));
    const Period b(make_date(2023, 1, 31), make_date(2023, 2, 28));
    EXPECT_EQ(a.overlap_days(b), 1);
    EXPECT_EQ(a.overlap_days(Period(make_date(2023, 3, 1), make_date(2023, 3, 2))), 0);
    EXPECT_THROW(Period(make_date(2023, 2, 1), make_date(2023, 1, 1)), aidtrack::ValidationError);
}

TEST(date_test, parses_iso_dates_and_refuses_impossible_ones) {
    EXPECT_EQ(aidtrack::to_iso(aidtrack::parse_date("2023-01-31T00:00:00Z")), "2023-01-31");
    EXPECT_THROW((void)aidtrack::parse_date("2023-02-30"), aidtrack::ParseError);
    EXPECT_THROW((void)aidtrack::parse_date("31/01/2023"), aidtrack::ParseError);
    // Column day numbers agree with Boost for the whole range used.
    for (int year : {1600, 1970, 1999, 2000, 2024, 2100}) {
        const auto d = make_date(year, 12, 31);
        EXPECT_EQ(aidtrack::day_number::year_of(aidtrack::day_number::from_date(d)), year);
        EXPECT_EQ(aidtrack::day_number::to_date(aidtrack::day_number::from_date(d)), d);
    }
}
