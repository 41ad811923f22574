// Tests of an aggregate's sorted cells: look-ups like a map, adds in and out of order, merges.
#include <aidtrack/measures/aggregate_cells.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

using aidtrack::measures::AggregateCell;
using aidtrack::measures::AggregateCells;
using aidtrack::measures::AggregateKeyIds;

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

TEST(aggregate_cells_test, names_are_held_once_sorted_and_keys_renumbered_when_a_name_comes_between) {
    AggregateCells cells;
    cells.add({"D3", 2020, "b"}, {1, 1});
    cells.add({"D1", 2020, "c"}, {2, 1});
    // "D2" and "a" sort between and before names held: the keys pointing after them move up.
    cells.add({"D2", 2021, "a"}, {3, 1});
    cells.add({"D3", 2019, "c"}, {4, 1});
    EXPECT_EQ(cells.donors(), (std::vector<std::string>{"D1", "D2", "D3"}));
    EXPECT_EQ(cells.objectives(), (std::vector<std::string>{"a", "b", "c"}));
    // Key order (D1 2020 c), (D2 2021 a), (D3 2019 c), (D3 2020 b) as positions in the names.
    const std::vector<AggregateKeyIds> ids{{0, 2020, 2}, {1, 2021, 0}, {2, 2019, 2}, {2, 2020, 1}};
    EXPECT_EQ(std::vector<AggregateKeyIds>(cells.key_ids().begin(), cells.key_ids().end()), ids);
    const std::vector<std::int64_t> values{2, 3, 4, 1};
    for (std::size_t k = 0; k < values.size(); ++k) EXPECT_EQ(cells.values()[k].value, values[k]);
    // Iteration gives the text keys those positions stand for.
    const std::vector<AggregateCells::Key> sorted{
        {"D1", 2020, "c"}, {"D2", 2021, "a"}, {"D3", 2019, "c"}, {"D3", 2020, "b"}};
    EXPECT_EQ(keys(cells), sorted);
    EXPECT_EQ((cells.begin() + 2)->first, sorted[2]);
    EXPECT_EQ(cells.end() - cells.begin(), 4);
    EXPECT_EQ(cells.find({"D3", 2019, "c"}) - cells.begin(), 2);
    // A name held but not with this combination is not a cell.
    EXPECT_FALSE(cells.contains({"D1", 2020, "a"}));
}

TEST(aggregate_cells_test, merging_results_with_different_names_unites_the_names_and_equals_adds) {
    AggregateCells a;
    a.add({"AU", 2020, "1.1"}, {10, 1});
    a.add({"JP", 2020, "2.1"}, {20, 1});
    AggregateCells b;
    b.add({"CA", 2020, "1.1"}, {5, 1});  // a donor between a's two
    b.add({"JP", 2020, "0.9"}, {7, 2});  // an objective before a's
    b.add({"JP", 2020, "2.1"}, {1, 1});  // a cell a has: 20 + 1 = 21 over 2 pieces
    AggregateCells by_adds = a;
    for (const auto& [key, cell] : b) by_adds.add(key, cell);
    AggregateCells merged = a;
    merged.add_all(b);
    EXPECT_EQ(merged, by_adds);  // the same names, keys and cells member by member
    EXPECT_EQ(merged.donors(), (std::vector<std::string>{"AU", "CA", "JP"}));
    EXPECT_EQ(merged.objectives(), (std::vector<std::string>{"0.9", "1.1", "2.1"}));
    const std::vector<AggregateCells::Key> sorted{
        {"AU", 2020, "1.1"}, {"CA", 2020, "1.1"}, {"JP", 2020, "0.9"}, {"JP", 2020, "2.1"}};
    EXPECT_EQ(keys(merged), sorted);
    EXPECT_EQ(merged.at({"JP", 2020, "2.1"}), (AggregateCell{21, 2}));
    // Merging the other way round gives the same cells.
    AggregateCells other_way = b;
    other_way.add_all(a);
    EXPECT_EQ(other_way, merged);
}
