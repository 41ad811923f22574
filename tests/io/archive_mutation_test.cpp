/// \file archive_mutation_test.cpp
/// \brief Archives of a portfolio read from real IATI files, mutated 1,000 ways: every load
/// gives identical data or an ArchiveError; failed saves leave the previous file intact.

#include <aidtrack/io/archive.hpp>
#include <aidtrack/io/iati_reader.hpp>

#include <gtest/gtest.h>
#include <boost/crc.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using aidtrack::ArchiveFormat;

namespace {

const std::string kIati = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/";

/// The three real publications of tests/data/iati read leniently (with their diagnostics).
const aidtrack::Portfolio& real_portfolio() {
    static const aidtrack::Portfolio p = [] {
        aidtrack::Portfolio out;
        (void)aidtrack::read_iati_files(
            {kIati + "canada-activity.xml", kIati + "fcdo-activity.xml", kIati + "sr-activity.xml"}, out);
        return out;
    }();
    return p;
}

fs::path temp_dir() {
    const fs::path dir = fs::temp_directory_path() / ("aidtrack-mutation-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Rewrites the header's payload size and CRC so that a mutated payload reaches the
/// deserializer instead of being caught by the checksum.
void reseal(std::string& archive) {
    const std::size_t payload = archive.size() - aidtrack::ArchiveHeader::kSize;
    boost::crc_32_type crc;
    crc.process_bytes(archive.data() + aidtrack::ArchiveHeader::kSize, payload);
    const std::uint32_t sum = crc.checksum();
    for (int i = 0; i < 8; ++i)
        archive[16 + static_cast<std::size_t>(i)] =
            static_cast<char>((static_cast<std::uint64_t>(payload) >> (8 * i)) & 0xFFU);
    for (int i = 0; i < 4; ++i) archive[24 + static_cast<std::size_t>(i)] = static_cast<char>((sum >> (8 * i)) & 0xFFU);
}

/// One seeded mutation: flip, overwrite, insert, delete or truncate; odd-numbered ones resealed.
std::string mutate(const std::string& bytes, std::mt19937& rng, int i) {
    std::string m = bytes;
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const std::size_t header = aidtrack::ArchiveHeader::kSize;
    switch (i % 5) {
        case 0:
            m[pick(m.size())] ^= static_cast<char>(1U << pick(8));
            break;
        case 1:
            m[header + pick(m.size() - header)] = static_cast<char>(pick(256));
            break;
        case 2:
            m.insert(header + pick(m.size() - header), 1 + pick(16), static_cast<char>(pick(256)));
            break;
        case 3:
            m.erase(header + pick(m.size() - header), 1 + pick(16));
            break;
        default:
            m.resize(pick(m.size()));
            break;
    }
    if (i % 2 == 1 && m.size() >= header) reseal(m);
    return m;
}

/// Runs `count` seeded mutations of `original` in each archive kind; returns {refused, identical}.
std::pair<int, int> run_mutations(const aidtrack::Portfolio& original, int count, bool resealed, std::uint32_t seed) {
    std::mt19937 rng(seed);
    int loaded_same = 0;
    int refused = 0;
    int i = 0;
    for (const ArchiveFormat format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml}) {
        const std::string bytes = aidtrack::portfolio_to_bytes(original, format);
        const int share = format == ArchiveFormat::binary ? count / 2 : count / 4;
        for (int k = 0; k < share; ++k, ++i) {
            const std::string m = mutate(bytes, rng, resealed ? 2 * i + 1 : 2 * i);
            try {
                const aidtrack::Portfolio loaded = aidtrack::portfolio_from_bytes(m, "mutated.atk");
                if (loaded == original) ++loaded_same;
                if (!resealed) {
                    EXPECT_TRUE(loaded == original) << "mutation " << i << " passed the checksum with different data";
                } else {
                    // A resealed mutation may change a value the format cannot check; the result must
                    // still be a consistent portfolio that saves and reloads unchanged.
                    EXPECT_TRUE(aidtrack::portfolio_from_bytes(aidtrack::portfolio_to_bytes(loaded, format)) == loaded)
                        << i;
                }
            } catch (const aidtrack::ArchiveError& e) {
                ++refused;
                EXPECT_NE(std::string(e.what()).find("mutated.atk"), std::string::npos) << e.what();
            }
        }
    }
    std::printf("%s mutations: %d tried, %d refused with ArchiveError, %d loaded identical\n",
                resealed ? "resealed" : "plain", i, refused, loaded_same);
    return {refused, loaded_same};
}

}  // namespace

TEST(archive_mutation_test, a_thousand_mutations_of_a_real_portfolio_load_identically_or_raise_archive_error) {
    // Flips, overwrites, insertions, deletions and truncations anywhere in the file, header
    // included: the header and checksum must catch every one that changes the data.
    const auto& original = real_portfolio();
    ASSERT_GT(original.activity_count(), 2U);
    ASSERT_GT(original.transactions().size(), 10U);
    const auto [refused, same] = run_mutations(original, 1000, false, 20240630);
    EXPECT_EQ(refused + same, 1000);
    EXPECT_GT(refused, 950);
}

TEST(archive_mutation_test, resealed_mutations_reach_the_deserializer_and_raise_archive_error_within_a_memory_limit) {
    // Mutations with a recomputed checksum (a crafted file) reach Boost.Serialization. A mutated
    // element count or string length is refused when it exceeds the payload bytes left
    // (archive_count_test), so memory stays bounded by the file. Outside sanitizers an
    // address-space limit backs that up: any allocation that still fails must come back as
    // ArchiveError. (Sanitizer allocators reserve terabytes of shadow memory, so no limit there.)
    const auto& original = real_portfolio();
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    rlimit old{};
    ASSERT_EQ(::getrlimit(RLIMIT_AS, &old), 0);
    rlimit limited = old;
    limited.rlim_cur = 4ULL << 30U;
    ASSERT_EQ(::setrlimit(RLIMIT_AS, &limited), 0);
#endif
    const auto [refused, same] = run_mutations(original, 400, true, 19970918);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    ::setrlimit(RLIMIT_AS, &old);
#endif
    EXPECT_GT(refused, 200);
    (void)same;
}

TEST(archive_mutation_test, a_writer_that_throws_mid_save_leaves_the_previous_file) {
    const fs::path path = temp_dir() / "throws.atk";
    aidtrack::Portfolio small;
    small.save(path.string());
    const std::string before = read_all(path);
    const std::string bigger = aidtrack::portfolio_to_bytes(real_portfolio());
    EXPECT_THROW(
        aidtrack::write_file_atomically(path.string(), bigger, [] { throw std::runtime_error("writer died"); }),
        std::runtime_error);
    EXPECT_THROW(
        aidtrack::write_file_atomically(path.string(), bigger, [] { throw aidtrack::IoError("simulated crash"); }),
        aidtrack::IoError);
    EXPECT_EQ(read_all(path), before);
    EXPECT_TRUE(aidtrack::load_portfolio(path.string()) == small);
    for (const auto& entry : fs::directory_iterator(path.parent_path())) {
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
    }
}

TEST(archive_mutation_test, disk_full_mid_write_leaves_the_previous_file) {
    // RLIMIT_FSIZE makes write() fail with EFBIG past the limit, as a full disk fails with ENOSPC:
    // the real save path runs out of room halfway through the new archive.
    const fs::path path = temp_dir() / "full.atk";
    aidtrack::Portfolio small;
    small.save(path.string());
    const std::string before = read_all(path);
    const std::string bigger = aidtrack::portfolio_to_bytes(real_portfolio());
    ASSERT_GT(bigger.size(), 4 * before.size());
    rlimit old{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    auto* const previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = old;
    limited.rlim_cur = bigger.size() / 2;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    bool threw = false;
    std::string message;
    try {
        real_portfolio().save(path.string());
    } catch (const aidtrack::IoError& e) {
        threw = true;
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous_handler);
    EXPECT_TRUE(threw);
    EXPECT_NE(message.find("full.atk"), std::string::npos) << message;
    EXPECT_EQ(read_all(path), before);
    EXPECT_TRUE(aidtrack::load_portfolio(path.string()) == small);
    for (const auto& entry : fs::directory_iterator(path.parent_path())) {
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
    }
    // With room again the same save succeeds and loads back identically.
    real_portfolio().save(path.string());
    EXPECT_TRUE(aidtrack::load_portfolio(path.string()) == real_portfolio());
}

TEST(archive_mutation_test, saving_into_a_device_or_missing_directory_fails_cleanly) {
    // /dev/full is a device, not a directory: the temporary file cannot be created beside it.
    EXPECT_THROW(aidtrack::save_portfolio(real_portfolio(), "/dev/full/portfolio.atk"), aidtrack::IoError);
    EXPECT_THROW(aidtrack::save_portfolio(real_portfolio(), (temp_dir() / "missing" / "p.atk").string()),
                 aidtrack::IoError);
    EXPECT_THROW((void)aidtrack::load_portfolio("/dev/null"), aidtrack::ArchiveError);
    // Loading a directory used to let a std::ios_base::failure escape from the stream read.
    EXPECT_THROW((void)aidtrack::load_portfolio(temp_dir().string()), aidtrack::IoError);
}
