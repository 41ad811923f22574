#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/string_pool.hpp>
#include <aidtrack/core/table.hpp>

#include <gtest/gtest.h>

#include <sstream>

TEST(table_test, columns_hold_typed_values_and_undefined_cells) {
    aidtrack::Table t("ratios");
    t.add_column<std::string>("donor").add_column<aidtrack::Decimal>("numerator").add_column<double>("value");
    t.push<std::string>(0, "AU-5");
    t.push<aidtrack::Decimal>(1, aidtrack::Decimal(3));
    t.push<double>(2, 0.75);
    t.push<std::string>(0, "CH-4");
    t.push<aidtrack::Decimal>(1, aidtrack::Decimal(0));
    t.push_undefined(2);  // 0 / 0: undefined, not NaN
    t.check_rectangular();
    EXPECT_EQ(t.row_count(), 2U);
    EXPECT_DOUBLE_EQ(t.at<double>(0, "value"), 0.75);
    EXPECT_FALSE(t.defined(1, "value"));
    EXPECT_THROW((void)t.at<double>(1, "value"), aidtrack::ValidationError);
    EXPECT_EQ(t.text(1, 2), "");
    EXPECT_EQ(t.text(0, 1), "3.00");
    EXPECT_THROW((void)t.column("nope"), aidtrack::NotFoundError);
}

TEST(csv_reader_test, quoted_fields_and_line_numbers) {
    std::istringstream in("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",2\nlast,3");
    aidtrack::CsvReader reader(in, "t.csv");
    std::vector<std::string> f;
    ASSERT_TRUE(reader.next(f));
    ASSERT_TRUE(reader.next(f));
    EXPECT_EQ(f[0], "x, y");
    EXPECT_EQ(f[1], "say \"hi\"");
    EXPECT_EQ(reader.line(), 2U);
    ASSERT_TRUE(reader.next(f));
    EXPECT_EQ(f[0], "multi\nline");
    ASSERT_TRUE(reader.next(f));
    EXPECT_EQ(reader.line(), 5U);  // the multi-line record took lines 3 and 4
    EXPECT_FALSE(reader.next(f));
    std::istringstream bad("\"never closed");
    aidtrack::CsvReader r2(bad, "bad.csv");
    EXPECT_THROW((void)r2.next(f), aidtrack::ParseError);
}

TEST(string_pool_test, interns_once_and_survives_copies) {
    aidtrack::StringPool pool;
    const auto a = pool.intern("XM-DAC-41114");
    EXPECT_EQ(pool.intern("XM-DAC-41114"), a);
    EXPECT_EQ(pool.intern(""), 0U);
    aidtrack::StringPool copy = pool;
    EXPECT_EQ(copy.at(a), "XM-DAC-41114");
    EXPECT_EQ(copy.intern("XM-DAC-41114"), a);
    EXPECT_THROW((void)copy.at(99), aidtrack::NotFoundError);
}

TEST(table_test, select_rows_and_insert_column_keep_types_validity_and_notes) {
    aidtrack::Table t("t");
    t.add_column<std::int64_t>("year").add_column<aidtrack::Decimal>("amount");
    t.push<std::int64_t>(0, 2020);
    t.push_undefined(1);
    t.push<std::int64_t>(0, 2021);
    t.push<aidtrack::Decimal>(1, aidtrack::Decimal::parse("2.5"));
    t.add_note("n");
    const aidtrack::Table picked = t.select_rows({1, 0});
    ASSERT_EQ(picked.row_count(), 2U);
    EXPECT_EQ(picked.at<std::int64_t>(0, "year"), 2021);
    EXPECT_EQ(picked.at<aidtrack::Decimal>(0, "amount"), aidtrack::Decimal::parse("2.5"));
    EXPECT_FALSE(picked.defined(1, "amount"));
    EXPECT_EQ(picked.notes(), t.notes());
    EXPECT_EQ(t.select_rows({}).row_count(), 0U);
    aidtrack::Table named = t;
    named.insert_column<std::string>(1, "name", {"a", "b"}, "a name");
    EXPECT_EQ(named.column(1).name, "name");
    EXPECT_EQ(named.at<std::string>(1, "name"), "b");
    EXPECT_EQ(named.column(2).name, "amount");
    EXPECT_THROW(named.insert_column<std::string>(0, "short", {"a"}), aidtrack::ValidationError);
    EXPECT_THROW(named.insert_column<std::string>(9, "far", {"a", "b"}), aidtrack::ValidationError);
}
