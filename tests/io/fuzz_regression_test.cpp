/// \file fuzz_regression_test.cpp
/// \brief Replays every input the fuzzers found (tests/data/fuzz-regressions/<harness>/) through
/// the harness's own entry point: each is refused with an aidtrack::Error or read, never a
/// crash, another exception, or a hang.

#include "../../fuzz/fuzz_targets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kRegressions = fs::path(AIDTRACK_TEST_DATA_DIR) / "fuzz-regressions";

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs every kept input of `harness` through `target`; returns how many there were.
std::size_t replay(const std::string& harness, const std::function<void(std::string_view)>& target) {
    const fs::path dir = kRegressions / harness;
    std::vector<fs::path> inputs;
    if (fs::is_directory(dir)) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() != ".md") inputs.push_back(entry.path());
        }
    }
    std::sort(inputs.begin(), inputs.end());
    for (const auto& input : inputs) {
        const std::string bytes = read_all(input);
        const auto start = std::chrono::steady_clock::now();
        EXPECT_NO_THROW(target(bytes)) << input;
        // Slow inputs are findings too (libFuzzer's -timeout); 20 s leaves room for sanitizer builds.
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20)) << input;
    }
    return inputs.size();
}

}  // namespace

TEST(fuzz_regression_test, iati_reader_inputs) { (void)replay("fuzz_iati_reader", aidtrack::fuzz::iati_reader); }
TEST(fuzz_regression_test, archive_inputs) { (void)replay("fuzz_archive", aidtrack::fuzz::archive); }
TEST(fuzz_regression_test, rate_table_inputs) { (void)replay("fuzz_rate_tables", aidtrack::fuzz::rate_tables); }
TEST(fuzz_regression_test, record_csv_inputs) { (void)replay("fuzz_record_csv", aidtrack::fuzz::record_csv); }

TEST(fuzz_regression_test, the_targets_refuse_garbage_with_aidtrack_errors) {
    // The entry points themselves, on inputs every reader must refuse or read.
    for (const std::string_view bytes :
         {std::string_view{}, std::string_view("\0\xff<", 3), std::string_view("AIDTRACK"),
          std::string_view("date,currency,rate\n2023,KHR,\n")}) {
        EXPECT_NO_THROW(aidtrack::fuzz::iati_reader(bytes));
        EXPECT_NO_THROW(aidtrack::fuzz::archive(bytes));
        EXPECT_NO_THROW(aidtrack::fuzz::rate_tables(bytes));
        EXPECT_NO_THROW(aidtrack::fuzz::record_csv(bytes));
    }
}
