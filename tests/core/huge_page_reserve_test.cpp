/// \file huge_page_reserve_test.cpp
/// \brief Room for large arrays (archive columns, aggregate cells): what is written is kept, and
/// on Linux the memory is marked for huge pages where the kernel gives them only on request.

#include "../../src/core/huge_page_reserve.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace aidtrack::detail {
namespace {

// Whether the kernel would back the mapping holding `address` with huge pages ("THPeligible"
// in /proc/self/smaps); -1 when that cannot be read.
int huge_page_eligible(const void* address) {
    std::ifstream smaps("/proc/self/smaps");
    if (!smaps) return -1;
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t begin = 0;
        std::uintptr_t end = 0;
        char dash = 0;
        std::istringstream header(line);
        // A mapping's header is "begin-end perms …" in hexadecimal; its fields follow it.
        if (header >> std::hex >> begin >> dash >> end && dash == '-') {
            inside = begin <= at && at < end;
            continue;
        }
        if (inside && line.rfind("THPeligible:", 0) == 0) return std::stoi(line.substr(12));
    }
    return -1;
}

bool huge_pages_on_request_only() {
    std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string text;
    std::getline(setting, text);
    return text.find("[madvise]") != std::string::npos;
}

TEST(huge_page_reserve_test, the_room_holds_what_is_written_after_it) {
    // 3 M rows of 4 bytes: 12 MB, six huge pages.
    std::vector<std::uint32_t> column;
    reserve_on_huge_pages(column, 3'000'000);
    ASSERT_GE(column.capacity(), 3'000'000U);
    column.resize(3'000'000);
    std::iota(column.begin(), column.end(), 0U);
    // 0 + 1 + … + 2 999 999 = 2 999 999 × 3 000 000 / 2 = 4 499 998 500 000.
    EXPECT_EQ(std::accumulate(column.begin(), column.end(), std::uint64_t{0}), 4'499'998'500'000U);

    // A column that already has room keeps its rows and its place.
    std::vector<std::uint32_t> held{7, 8, 9};
    held.reserve(100);
    const auto* data = held.data();
    reserve_on_huge_pages(held, 50);
    EXPECT_EQ(held.data(), data);
    EXPECT_EQ(held, (std::vector<std::uint32_t>{7, 8, 9}));
}

TEST(huge_page_reserve_test, large_fresh_columns_ask_for_huge_pages) {
    if (!huge_pages_on_request_only()) GTEST_SKIP() << "transparent huge pages are not given on request here";
    std::vector<std::uint32_t> asked;
    reserve_on_huge_pages(asked, 8'000'000);  // 32 MB
    std::vector<std::uint32_t> plain;
    plain.reserve(8'000'000);
    // The middle of each column lies inside the huge-page-aligned part of its allocation.
    EXPECT_EQ(huge_page_eligible(asked.data() + 4'000'000), 1);
    EXPECT_EQ(huge_page_eligible(plain.data() + 4'000'000), 0);
    // A small column is left as malloc gives it.
    std::vector<std::uint32_t> small;
    reserve_on_huge_pages(small, 1'000);
    EXPECT_GE(small.capacity(), 1'000U);
}

// The first huge-page boundary inside `array`'s room, where one lies within it.
template <class T>
const void* first_huge_page_in(const std::vector<T>& array) {
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(array.data());
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    return first + kHugePage <= begin + array.capacity() * sizeof(T) ? reinterpret_cast<const void*>(first) : nullptr;
}

TEST(huge_page_reserve_test, two_huge_pages_of_room_is_where_asking_starts) {
    if (!huge_pages_on_request_only()) GTEST_SKIP() << "transparent huge pages are not given on request here";
    // Cells of 112 bytes, the size of an aggregate's result cell: 2 × 2 MiB = 4 194 304 bytes is
    // 37 449.1 cells, so 37 450 cells ask for huge pages and 37 449 do not.
    using Cell = std::array<char, 112>;
    std::vector<Cell> enough;
    reserve_on_huge_pages(enough, 37'450);
    std::vector<Cell> short_of_it;
    reserve_on_huge_pages(short_of_it, 37'449);
    // Four MiB of room always hold one whole huge page; 4 MiB less 112 bytes nearly always do.
    const void* inside_enough = first_huge_page_in(enough);
    ASSERT_NE(inside_enough, nullptr);
    EXPECT_EQ(huge_page_eligible(inside_enough), 1);
    if (const void* inside_short = first_huge_page_in(short_of_it); inside_short != nullptr) {
        EXPECT_EQ(huge_page_eligible(inside_short), 0);
    }
}

}  // namespace
}  // namespace aidtrack::detail
