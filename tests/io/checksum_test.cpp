/// \file
/// \brief The archive checksum is the standard CRC-32 (what Boost.CRC computed before, so
/// existing archives keep verifying).
#include "../../src/io/checksum.hpp"

#include <boost/crc.hpp>

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace aidtrack {
namespace {

TEST(checksum_test, crc32_of_the_check_string_is_the_standard_check_value) {
    const std::string check = "123456789";
    EXPECT_EQ(archive_detail::crc32_of(check.data(), check.size()), 0xCBF43926U);  // CRC-32/ISO-HDLC check value
    EXPECT_EQ(archive_detail::crc32_of(nullptr, 0), 0U);
}

TEST(checksum_test, crc32_equals_boost_crc_32_on_random_blocks) {
    std::mt19937_64 random(7);
    for (std::size_t size : {1UL, 3UL, 8UL, 63UL, 4096UL, 1'000'003UL}) {
        std::string block(size, '\0');
        for (auto& c : block) c = static_cast<char>(random());
        boost::crc_32_type reference;
        reference.process_bytes(block.data(), block.size());
        EXPECT_EQ(archive_detail::crc32_of(block.data(), block.size()), reference.checksum()) << size;
    }
}

}  // namespace
}  // namespace aidtrack
