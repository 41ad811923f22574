/// \file csv_reader_test.cpp
/// \brief A directory or unreadable stream given to the CSV loaders is an IoError naming the
/// path, not an empty file.

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/io/results_csv.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("aidtrack-csv-reader-test-" + std::to_string(::getpid())) / name;
    fs::create_directories(dir);
    return dir;
}

/// Runs `load` and returns the IoError it raises (fails the test if it raises nothing else).
template <class F>
aidtrack::IoError io_error_of(F&& load) {
    try {
        load();
    } catch (const aidtrack::IoError& e) {
        return e;
    }
    ADD_FAILURE() << "no IoError";
    return aidtrack::IoError("none");
}

}  // namespace

TEST(csv_reader_test, a_directory_opened_as_a_stream_is_an_io_error_not_end_of_file) {
    const fs::path dir = fresh_dir("plain");
    std::ifstream in(dir, std::ios::binary);  // opening a directory succeeds on Linux; reading fails
    aidtrack::CsvReader reader(in, dir.string());
    std::vector<std::string> fields;
    const auto e = io_error_of([&] { (void)reader.next(fields); });
    EXPECT_EQ(e.where().file, dir.string());
    EXPECT_EQ(e.rule(), "io-read");
}

TEST(csv_reader_test, an_empty_file_is_still_just_empty) {
    const fs::path file = fresh_dir("empty") / "empty.csv";
    { std::ofstream out(file); }
    std::ifstream in(file, std::ios::binary);
    aidtrack::CsvReader reader(in, file.string());
    std::vector<std::string> fields;
    EXPECT_FALSE(reader.next(fields));
}

TEST(csv_reader_test, rate_tables_coordination_and_results_loaders_refuse_a_directory) {
    const fs::path dir = fresh_dir("rates.csv");
    EXPECT_EQ(io_error_of([&] { (void)aidtrack::ExchangeRates::from_csv(dir.string()); }).where().file, dir.string());
    EXPECT_EQ(io_error_of([&] { (void)aidtrack::ExchangeRates::from_imf_csv(dir.string()); }).where().file,
              dir.string());

    // A coordination record file name (its record type comes from the name) that is a directory.
    const fs::path coordination = fresh_dir("coordination") / aidtrack::coordination_csv_files().front();
    fs::create_directories(coordination);
    aidtrack::CoordinationStore store;
    EXPECT_EQ(io_error_of([&] { aidtrack::load_coordination_csv(store, coordination.string()); }).where().file,
              coordination.string());

    // A results directory whose strategy.csv is itself a directory.
    const fs::path results = fresh_dir("results");
    fs::create_directories(results / "strategy.csv");
    aidtrack::ResultsStore results_store;
    const auto e = io_error_of([&] { (void)aidtrack::load_results_csv(results_store, results.string()); });
    EXPECT_EQ(e.where().file, (results / "strategy.csv").string());
    fs::remove_all(fs::temp_directory_path() / ("aidtrack-csv-reader-test-" + std::to_string(::getpid())));
}
