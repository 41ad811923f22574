// Tests of the table writers: RFC 4180 CSV, Markdown and HTML escaping, number display.
#include <aidtrack/report/table_writer.hpp>

#include <gtest/gtest.h>

using namespace aidtrack;
using namespace aidtrack::report;

namespace {

Table tricky() {
    Table t("Donors, \"quoted\" <and> more");
    t.add_column<std::string>("name");
    t.add_column<Decimal>("amount");
    t.add_column<double>("share");
    t.push<std::string>(0, "Smith, Jones");
    t.push<Decimal>(1, Decimal::parse("1234567.5"));
    t.push<double>(2, 0.25);
    t.push<std::string>(0, "say \"hi\"\nnext | line");
    t.push_undefined(1);
    t.push<double>(2, 0.5, false);
    t.add_note("a | note");
    return t;
}

}  // namespace

TEST(table_writer_test, csv_fields_follow_rfc4180) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csv_field(""), "");
}

TEST(table_writer_test, csv_keeps_exact_values_and_empty_undefined_cells) {
    const std::string csv = to_csv(tricky());
    EXPECT_EQ(csv,
              "name,amount,share\r\n"
              "\"Smith, Jones\",1234567.50,0.25\r\n"
              "\"say \"\"hi\"\"\nnext | line\",,\r\n");
}

TEST(table_writer_test, markdown_escapes_pipes_newlines_and_tags) {
    EXPECT_EQ(markdown_cell("a|b"), "a\\|b");
    EXPECT_EQ(markdown_cell("x\r\ny\nz"), "x<br>y<br>z");
    EXPECT_EQ(markdown_cell("<script>&"), "&lt;script&gt;&amp;");
    EXPECT_EQ(markdown_cell("back\\slash"), "back\\\\slash");
    const std::string md = to_markdown(tricky());
    EXPECT_NE(md.find("| name | amount | share |\n| --- | ---: | ---: |\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| Smith, Jones | 1,234,567.50 | 0.25 |"), std::string::npos) << md;
    EXPECT_NE(md.find("| say \"hi\"<br>next \\| line | – | – |"), std::string::npos) << md;
    EXPECT_NE(md.find("- a \\| note"), std::string::npos);
}

TEST(table_writer_test, html_escapes_every_cell_and_caption) {
    const std::string html = to_html(tricky());
    EXPECT_NE(html.find("<caption>Donors, &quot;quoted&quot; &lt;and&gt; more</caption>"), std::string::npos) << html;
    EXPECT_NE(html.find("<td>say &quot;hi&quot;\nnext | line</td>"), std::string::npos) << html;
    EXPECT_NE(html.find("<td class=\"num\">1,234,567.50</td>"), std::string::npos);
    EXPECT_EQ(html.find("<and>"), std::string::npos);
}

TEST(table_writer_test, display_groups_thousands_but_not_years) {
    Table t("x");
    t.add_column<std::int64_t>("year");
    t.add_column<std::int64_t>("area");
    t.add_column<Decimal>("usd");
    t.add_column<double>("big");
    t.push<std::int64_t>(0, 2025);
    t.push<std::int64_t>(1, 577171932);
    t.push<Decimal>(2, Decimal::parse("-23900000.005"));
    t.push<double>(3, 1234567.4);
    EXPECT_EQ(display_text(t, 0, 0), "2025");
    EXPECT_EQ(display_text(t, 0, 1), "577,171,932");
    EXPECT_EQ(display_text(t, 0, 2), "-23,900,000.00");  // half to even at the cent: .005 → .00
    EXPECT_EQ(display_text(t, 0, 3), "1,234,567");
}

TEST(table_writer_test, decimal_years_in_a_year_row_or_column_are_not_grouped) {
    // A forecast summary: the statistic names the row; completion years are decimal years.
    Table t("summary");
    t.add_column<std::string>("statistic");
    t.add_column<double>("p50");
    t.add_column<double>("completion_year");
    t.push<std::string>(0, "completion_year");
    t.push<double>(1, 2045.37);
    t.push<double>(2, 2046.0);
    t.push<std::string>(0, "funding_gap");
    t.push<double>(1, 2045370.0);
    t.push<double>(2, 2047.04);
    EXPECT_EQ(display_text(t, 0, 1), "2045.4");     // row named *year: one decimal, no separator
    EXPECT_EQ(display_text(t, 0, 2), "2046");       // whole years without decimals
    EXPECT_EQ(display_text(t, 1, 1), "2,045,370");  // money in another row keeps its separators
    EXPECT_EQ(display_text(t, 1, 2), "2047.0");     // column named *year: 2047.04 to one decimal
}

TEST(table_writer_test, slugs_are_file_name_safe) {
    EXPECT_EQ(slug("Project flows by provider and year"), "project-flows-by-provider-and-year");
    EXPECT_EQ(slug("Remaining (km²) on 2024-12-31!"), "remaining-km-on-2024-12-31");
    EXPECT_EQ(slug("***"), "table");
}
