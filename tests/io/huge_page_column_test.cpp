/// \file huge_page_column_test.cpp
/// \brief Room for large archive columns: what the loader writes is kept, and on Linux the
/// memory is marked for huge pages where the kernel gives them only on request.

#include "../../src/io/huge_page_column.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace aidtrack::archive_detail {
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

TEST(huge_page_column_test, the_room_holds_what_is_written_after_it) {
    // 3 M rows of 4 bytes: 12 MB, six huge pages.
    std::vector<std::uint32_t> column;
    reserve_huge_page_column(column, 3'000'000);
    ASSERT_GE(column.capacity(), 3'000'000U);
    column.resize(3'000'000);
    std::iota(column.begin(), column.end(), 0U);
    // 0 + 1 + … + 2 999 999 = 2 999 999 × 3 000 000 / 2 = 4 499 998 500 000.
    EXPECT_EQ(std::accumulate(column.begin(), column.end(), std::uint64_t{0}), 4'499'998'500'000U);

    // A column that already has room keeps its rows and its place.
    std::vector<std::uint32_t> held{7, 8, 9};
    held.reserve(100);
    const auto* data = held.data();
    reserve_huge_page_column(held, 50);
    EXPECT_EQ(held.data(), data);
    EXPECT_EQ(held, (std::vector<std::uint32_t>{7, 8, 9}));
}

TEST(huge_page_column_test, large_fresh_columns_ask_for_huge_pages) {
    if (!huge_pages_on_request_only()) GTEST_SKIP() << "transparent huge pages are not given on request here";
    std::vector<std::uint32_t> asked;
    reserve_huge_page_column(asked, 8'000'000);  // 32 MB
    std::vector<std::uint32_t> plain;
    plain.reserve(8'000'000);
    // The middle of each column lies inside the huge-page-aligned part of its allocation.
    EXPECT_EQ(huge_page_eligible(asked.data() + 4'000'000), 1);
    EXPECT_EQ(huge_page_eligible(plain.data() + 4'000'000), 0);
    // A small column is left as malloc gives it.
    std::vector<std::uint32_t> small;
    reserve_huge_page_column(small, 1'000);
    EXPECT_GE(small.capacity(), 1'000U);
}

}  // namespace
}  // namespace aidtrack::archive_detail
