// The one conversion-date rule: value date, else the record's own date.
#include <aidtrack/core/conversion_date.hpp>
#include <aidtrack/model/conversion_dates.hpp>

#include <gtest/gtest.h>

using namespace aidtrack;

TEST(conversion_date_test, value_date_wins_over_the_date) {
    const Date date = make_date(2021, 1, 5);
    const Date value_date = make_date(2020, 12, 28);
    EXPECT_EQ(conversion_date(value_date, date), value_date);
    EXPECT_EQ(conversion_date(std::nullopt, date), date);
}

TEST(conversion_date_test, column_form_treats_none_as_absent) {
    const std::int32_t day = day_number::from_date(make_date(2021, 1, 5));
    const std::int32_t value_day = day_number::from_date(make_date(2020, 12, 28));
    static_assert(conversion_day(day_number::kNone, 7) == 7);
    EXPECT_EQ(conversion_day(value_day, day), value_day);
    EXPECT_EQ(conversion_day(day_number::kNone, day), day);
    EXPECT_EQ(conversion_day(day_number::kNone, day_number::kNone), day_number::kNone);  // undated stays undated
}

TEST(conversion_date_test, every_kind_of_record_follows_the_rule) {
    Transaction t;
    t.date = make_date(2021, 1, 5);
    EXPECT_EQ(conversion_date(t), make_date(2021, 1, 5));
    t.value_date = make_date(2020, 12, 28);
    EXPECT_EQ(conversion_date(t), make_date(2020, 12, 28));

    TransactionTable table;
    t.type = code_of(TransactionType::disbursement);
    t.value = Money::parse("1", "USD");
    table.append(t);
    t.value_date.reset();
    table.append(t);
    t.date = Date();  // neither date: nothing to convert with
    table.append(t);
    EXPECT_EQ(conversion_date(table, 0), make_date(2020, 12, 28));
    EXPECT_EQ(conversion_date(table, 1), make_date(2021, 1, 5));
    EXPECT_FALSE(conversion_date(table, 2).has_value());

    PlannedDisbursement pd;
    pd.period = Period(make_date(2021, 1, 1), make_date(2021, 12, 31));
    EXPECT_EQ(conversion_date(pd), make_date(2021, 1, 1));  // period start
    pd.value_date = make_date(2020, 11, 30);
    EXPECT_EQ(conversion_date(pd), make_date(2020, 11, 30));
    Budget b;
    b.period = pd.period;
    EXPECT_EQ(conversion_date(b), make_date(2021, 1, 1));
    b.value_date = make_date(2021, 3, 1);
    EXPECT_EQ(conversion_date(b), make_date(2021, 3, 1));
}

TEST(conversion_date_test, rule_text_names_both_dates) {
    EXPECT_EQ(kConversionDateRuleId, "value-date-else-date");
    EXPECT_NE(kConversionDateRule.find("value date, else transaction date"), std::string_view::npos);
}
