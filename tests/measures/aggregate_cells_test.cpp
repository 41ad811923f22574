// Tests of an aggregate's sorted cells: look-ups like a map, adds in and out of order, merges.
#include <aidtrack/measures/aggregate_cells.hpp>

#include <gtest/gtest.h>

#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

using aidtrack::measures::AggregateCell;
using aidtrack::measures::AggregateCells;

namespace {

std::vector<AggregateCells::Key> keys(const AggregateCells& cells) {
    std::vector<AggregateCells::Key> out;
    for (const auto& [key, cell] : cells) out.push_back(key);
    return out;
}

}  // namespace

TEST(aggregate_cells_test, adds_out_of_order_keep_the_keys_sorted_and_sum_equal_keys) {
    AggregateCells cells;
    cells.add({"D2", 2020, "1.1"}, {5, 1});
    cells.add({"D1", 2021, "1.1"}, {7, 1});   // before the first: inserted in front
    cells.add({"D1", 2020, "2.3"}, {-3, 2});  // between
    cells.add({"D2", 2020, "1.1"}, {10, 4});  // an existing key: 5 + 10 = 15, 1 + 4 = 5 pieces
    cells.add({"D3", 2019, "1.1"}, {1, 1});   // after every key: appended
    const std::vector<AggregateCells::Key> sorted{
        {"D1", 2020, "2.3"}, {"D1", 2021, "1.1"}, {"D2", 2020, "1.1"}, {"D3", 2019, "1.1"}};
    EXPECT_EQ(keys(cells), sorted);
    EXPECT_EQ(cells.at({"D2", 2020, "1.1"}), (AggregateCell{15, 5}));
    EXPECT_EQ(cells.at({"D1", 2020, "2.3"}).value, -3);
    EXPECT_EQ(cells.count({"D1", 2020, "2.3"}), 1U);
    EXPECT_EQ(cells.count({"D1", 2020, "1.1"}), 0U);
    EXPECT_TRUE(cells.contains({"D3", 2019, "1.1"}));
    EXPECT_EQ(cells.find({"D9", 2020, "1.1"}), cells.end());
    try {
        (void)cells.at({"D9", 2020, "1.1"});
        FAIL() << "at() of an absent key must throw";
    } catch (const std::out_of_range& e) {
        EXPECT_NE(std::string(e.what()).find("D9"), std::string::npos) << e.what();
    }
}

TEST(aggregate_cells_test, add_all_merges_two_sorted_arrays_as_cell_by_cell_adds_would) {
    AggregateCells a;
    AggregateCells b;
    AggregateCells by_adds;
    // Interleaved keys, some shared: a holds even fiscal years, b every third, 0..11.
    for (int y = 0; y < 12; ++y) {
        if (y % 2 == 0) a.add({"D", y, "x"}, {y, 1});
        if (y % 3 == 0) b.add({"D", y, "x"}, {100 * y, 2});
    }
    by_adds = a;
    for (const auto& [key, cell] : b) by_adds.add(key, cell);
    AggregateCells merged = a;
    merged.add_all(b);
    EXPECT_EQ(merged, by_adds);
    // Years 0, 2, 3, 4, 6, 8, 9, 10: 8 cells; year 6 in both: 6 + 600 = 606 over 1 + 2 = 3 pieces.
    EXPECT_EQ(merged.size(), 8U);
    EXPECT_EQ(merged.at({"D", 6, "x"}), (AggregateCell{606, 3}));
    EXPECT_EQ(merged.at({"D", 9, "x"}), (AggregateCell{900, 2}));
    // Merged with itself every cell doubles.
    AggregateCells twice = merged;
    twice.add_all(twice);
    ASSERT_EQ(twice.size(), merged.size());
    EXPECT_EQ(twice.at({"D", 6, "x"}), (AggregateCell{1212, 6}));
    // Disjoint and after: appended as they are.
    AggregateCells later;
    later.add({"E", 0, "x"}, {1, 1});
    merged.add_all(later);
    EXPECT_EQ(std::get<0>(std::prev(merged.end())->first), "E");
}
