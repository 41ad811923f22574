// Tests of the Portfolio's index of activity identifiers: positions in order, duplicates
// refused, look-ups one at a time and many at once agreeing, through the growth of its table.
#include <aidtrack/model/activity_index.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

using aidtrack::ActivityIndex;

TEST(activity_index_test, positions_follow_the_order_added_and_duplicates_are_refused) {
    ActivityIndex index;
    EXPECT_FALSE(index.find("XM-DAC-41114-1"));  // empty: nothing to find
    EXPECT_TRUE(index.push_back("XM-DAC-41114-1"));
    EXPECT_TRUE(index.push_back("AU-5-INK123"));
    EXPECT_TRUE(index.push_back(""));  // the index itself takes any text; the Portfolio refuses empty ids
    EXPECT_FALSE(index.push_back("AU-5-INK123"));
    EXPECT_EQ(index.size(), 3U);
    EXPECT_EQ(index.find("XM-DAC-41114-1"), 0U);
    EXPECT_EQ(index.find("AU-5-INK123"), 1U);
    EXPECT_EQ(index.find(""), 2U);
    EXPECT_FALSE(index.find("AU-5-INK12"));    // a prefix is another identifier
    EXPECT_FALSE(index.find("AU-5-INK1234"));  // so is a longer one
    EXPECT_EQ(index.at(1), "AU-5-INK123");
    EXPECT_THROW((void)index.at(3), aidtrack::NotFoundError);
}

TEST(activity_index_test, many_at_once_agree_with_one_at_a_time_through_growth) {
    ActivityIndex index;
    // 5 000 identifiers added one by one: the table grows from 16 slots nine times.
    for (int k = 0; k < 5000; ++k) ASSERT_TRUE(index.push_back("XM-BENCH-" + std::to_string(k)));
    std::vector<std::string> texts;
    for (int k = 0; k < 5100; k += 3) texts.push_back("XM-BENCH-" + std::to_string(k));  // the last 34 absent
    std::vector<std::string_view> ids(texts.begin(), texts.end());
    std::vector<std::optional<std::uint32_t>> found(ids.size());
    index.find_all(ids, found);
    std::size_t present = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(found[i], index.find(ids[i])) << ids[i];
        const int k = static_cast<int>(3 * i);
        if (k < 5000) {
            ASSERT_EQ(found[i], static_cast<std::uint32_t>(k)) << ids[i];
            EXPECT_EQ(index.at(*found[i]), ids[i]);
            ++present;
        } else {
            EXPECT_FALSE(found[i]) << ids[i];
        }
    }
    EXPECT_EQ(present, 1667U);  // 0, 3, …, 4998: 4998 / 3 + 1
    std::vector<std::optional<std::uint32_t>> wrong_size(2);
    EXPECT_THROW(index.find_all(ids, wrong_size), aidtrack::ValidationError);
}

TEST(activity_index_test, a_portfolio_finds_many_activities_at_once) {
    aidtrack::Portfolio p;
    auto activity = [](const char* id) {
        aidtrack::Activity a;
        a.identifier = id;
        return a;
    };
    for (const char* id : {"A", "B", "C"}) p.add_activity(activity(id));
    const std::vector<std::string_view> ids{"C", "Z", "A", "C"};
    const auto found = p.find_activities(ids);
    ASSERT_EQ(found.size(), 4U);
    EXPECT_EQ(found[0], 2U);
    EXPECT_FALSE(found[1]);
    EXPECT_EQ(found[2], 0U);
    EXPECT_EQ(found[3], 2U);
    EXPECT_THROW(p.add_activity(activity("B")), aidtrack::ValidationError);
    EXPECT_EQ(p.activity_count(), 3U);  // the refused one left nothing behind
    EXPECT_EQ(p.find_activity("B"), 1U);
}
