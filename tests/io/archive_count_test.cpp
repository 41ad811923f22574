/// \file archive_count_test.cpp
/// \brief Crafted archives with a valid checksum that claim huge collection sizes or string
/// lengths are refused with an ArchiveError naming the file, before any memory is allocated.

#include "../support/sample_portfolio.hpp"

#include <aidtrack/io/archive.hpp>

#include <gtest/gtest.h>
#include <boost/crc.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using aidtrack::ArchiveFormat;
using aidtrack::ArchiveHeader;

namespace {

/// 2^31: a length that Boost's plain loaders would honour with a 2 GiB zero-filled allocation.
constexpr std::uint64_t kHuge = 1ULL << 31U;

/// Rewrites the header's payload size and CRC-32 so that the crafted payload reaches the
/// deserializer instead of being caught by the checksum.
void reseal(std::string& archive) {
    const std::uint64_t payload = archive.size() - ArchiveHeader::kSize;
    boost::crc_32_type crc;
    crc.process_bytes(archive.data() + ArchiveHeader::kSize, payload);
    const std::uint32_t sum = crc.checksum();
    for (std::size_t i = 0; i < 8; ++i) archive[16 + i] = static_cast<char>((payload >> (8 * i)) & 0xFFU);
    for (std::size_t i = 0; i < 4; ++i) archive[24 + i] = static_cast<char>((sum >> (8 * i)) & 0xFFU);
}

void put_u64(std::string& bytes, std::size_t at, std::uint64_t v) {
    for (std::size_t i = 0; i < 8; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xFFU);
}

/// Peak resident memory of this process so far, in MiB.
long peak_rss_mib() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

/// The rule of the ArchiveError a load raises ("" when it loads; any other exception fails).
std::string load_outcome(const std::string& bytes) {
    try {
        (void)aidtrack::portfolio_from_bytes(bytes, "crafted.atk");
        return {};
    } catch (const aidtrack::ArchiveError& e) {
        EXPECT_EQ(e.where().file, "crafted.atk") << e.what();
        return e.rule().empty() ? std::string("archive") : e.rule();
    }
}

}  // namespace

TEST(archive_count_test, string_length_beyond_the_payload_is_refused_naming_the_file) {
    std::string bytes = aidtrack::portfolio_to_bytes(aidtrack::testing::sample_portfolio(), ArchiveFormat::binary);
    // A binary string is its length (u64) then its bytes: "AU-5-INM123" is 11 bytes long.
    const std::size_t at = bytes.find("AU-5-INM123");
    ASSERT_NE(at, std::string::npos);
    ASSERT_EQ(static_cast<unsigned char>(bytes[at - 8]), 11U);
    put_u64(bytes, at - 8, kHuge);
    reseal(bytes);
    const fs::path path = fs::temp_directory_path() / ("aidtrack-count-test-" + std::to_string(::getpid()) + ".atk");
    {
        std::ofstream out(path, std::ios::binary);
        out << bytes;
    }
    const long before = peak_rss_mib();
    try {
        (void)aidtrack::load_portfolio(path.string());
        ADD_FAILURE() << "a string of 2^31 bytes in a 3 KB archive loaded";
    } catch (const aidtrack::ArchiveError& e) {
        EXPECT_EQ(e.rule(), "archive-count") << e.what();
        EXPECT_EQ(e.where().file, path.string());
        EXPECT_NE(std::string(e.what()).find("2147483648"), std::string::npos) << e.what();
    }
    EXPECT_LT(peak_rss_mib() - before, 256) << "the claimed 2 GiB was allocated";
    fs::remove(path);
}

TEST(archive_count_test, every_eight_bytes_of_a_binary_payload_claiming_2_pow_31_is_safe) {
    const std::string original =
        aidtrack::portfolio_to_bytes(aidtrack::testing::sample_portfolio(), ArchiveFormat::binary);
    const long before = peak_rss_mib();
    int counts_refused = 0;
    for (std::size_t at = ArchiveHeader::kSize; at + 8 <= original.size(); ++at) {
        std::string bytes = original;
        put_u64(bytes, at, kHuge);
        reseal(bytes);
        if (load_outcome(bytes) == "archive-count") ++counts_refused;
    }
    // Every collection size, string length and column size of the sample is one such offset.
    EXPECT_GT(counts_refused, 50);
    EXPECT_LT(peak_rss_mib() - before, 256) << "a claimed count was allocated before it was checked";
}

TEST(archive_count_test, every_number_of_a_text_archive_claiming_2_pow_31_is_safe) {
    const std::string original =
        aidtrack::portfolio_to_bytes(aidtrack::testing::sample_portfolio(), ArchiveFormat::text);
    const std::string payload = original.substr(ArchiveHeader::kSize);
    const std::regex number("[0-9]+");
    const long before = peak_rss_mib();
    int counts_refused = 0;
    int numbers = 0;
    for (auto it = std::sregex_iterator(payload.begin(), payload.end(), number); it != std::sregex_iterator(); ++it) {
        ++numbers;
        std::string bytes = original;
        bytes.replace(ArchiveHeader::kSize + static_cast<std::size_t>(it->position()),
                      static_cast<std::size_t>(it->length()), std::to_string(kHuge));
        reseal(bytes);
        if (load_outcome(bytes) == "archive-count") ++counts_refused;
    }
    EXPECT_GT(numbers, 100);
    EXPECT_GT(counts_refused, 20);
    EXPECT_LT(peak_rss_mib() - before, 256);
}

TEST(archive_count_test, every_xml_collection_count_claiming_2_pow_31_is_refused) {
    const std::string original =
        aidtrack::portfolio_to_bytes(aidtrack::testing::sample_portfolio(), ArchiveFormat::xml);
    const std::regex count("<count>[0-9]+</count>");
    int counts = 0;
    int counts_refused = 0;
    for (auto it = std::sregex_iterator(original.begin(), original.end(), count); it != std::sregex_iterator(); ++it) {
        ++counts;
        std::string bytes = original;
        bytes.replace(static_cast<std::size_t>(it->position()), static_cast<std::size_t>(it->length()),
                      "<count>" + std::to_string(kHuge) + "</count>");
        reseal(bytes);
        // Collection sizes are refused by the count check; a casualty record's own <count> field
        // overflows its integer instead: either way an ArchiveError, never a load.
        const std::string outcome = load_outcome(bytes);
        EXPECT_FALSE(outcome.empty()) << "count at byte " << it->position();
        if (outcome == "archive-count") ++counts_refused;
    }
    EXPECT_GT(counts, 10);
    EXPECT_GT(counts_refused, 10);
}

TEST(archive_count_test, golden_and_fresh_archives_still_load) {
    const auto sample = aidtrack::testing::sample_portfolio();
    for (const auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml}) {
        EXPECT_TRUE(aidtrack::portfolio_from_bytes(aidtrack::portfolio_to_bytes(sample, format)) == sample);
    }
    for (const char* kind : {"binary", "text", "xml"}) {
        const std::string path = std::string(AIDTRACK_TEST_DATA_DIR) + "/golden/portfolio-format1." + kind + ".atk";
        EXPECT_NO_THROW((void)aidtrack::load_portfolio(path)) << path;
    }
}
