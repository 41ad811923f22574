// Where shipped data is found: the environment first, then a directory set by the embedding
// program (the Python package's own copy), then the installed and source-tree directories.
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/error.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace {

// Sets or unsets AIDTRACK_DATA_DIR for one test and puts the old value back.
class DataDirEnv {
public:
    explicit DataDirEnv(const char* value) {
        if (const char* old = std::getenv("AIDTRACK_DATA_DIR")) old_ = old;
        if (value != nullptr)
            setenv("AIDTRACK_DATA_DIR", value, 1);
        else
            unsetenv("AIDTRACK_DATA_DIR");
    }
    ~DataDirEnv() {
        if (old_)
            setenv("AIDTRACK_DATA_DIR", old_->c_str(), 1);
        else
            unsetenv("AIDTRACK_DATA_DIR");
        aidtrack::set_default_data_dir("");
    }
    DataDirEnv(const DataDirEnv&) = delete;
    DataDirEnv& operator=(const DataDirEnv&) = delete;

private:
    std::optional<std::string> old_;
};

}  // namespace

TEST(data_dir_test, a_default_set_by_the_program_is_used_when_the_environment_is_silent) {
    const DataDirEnv env(nullptr);
    const std::string built_in = aidtrack::data_dir();
    aidtrack::set_default_data_dir(AIDTRACK_SHIPPED_DATA_DIR);
    EXPECT_EQ(aidtrack::data_dir(), AIDTRACK_SHIPPED_DATA_DIR);
    EXPECT_EQ(aidtrack::data_file("rates/imf_exchangerates_A_ENDA_USD.csv"),
              std::string(AIDTRACK_SHIPPED_DATA_DIR) + "/rates/imf_exchangerates_A_ENDA_USD.csv");
    aidtrack::set_default_data_dir("");  // forgotten: back to the built-in places
    EXPECT_EQ(aidtrack::data_dir(), built_in);
}

TEST(data_dir_test, the_environment_wins_over_the_programs_default) {
    const DataDirEnv env("/nonexistent/aidtrack-data");
    aidtrack::set_default_data_dir(AIDTRACK_SHIPPED_DATA_DIR);
    EXPECT_EQ(aidtrack::data_dir(), "/nonexistent/aidtrack-data");
    try {
        (void)aidtrack::data_file("rates/imf_exchangerates_A_ENDA_USD.csv");
        FAIL() << "a missing data file must throw";
    } catch (const aidtrack::IoError& e) {
        EXPECT_EQ(e.where().file, "/nonexistent/aidtrack-data/rates/imf_exchangerates_A_ENDA_USD.csv");
        EXPECT_NE(std::string(e.what()).find("AIDTRACK_DATA_DIR"), std::string::npos);
    }
}
