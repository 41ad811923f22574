/// \file text_test.cpp
/// \brief The shared text rules: trim, keyword comparison and the UTF-8 text check.

#include <gtest/gtest.h>

#include <aidtrack/core/text.hpp>
#include <string>
#include <string_view>

namespace aidtrack {
namespace {

constexpr std::size_t npos = std::string_view::npos;

TEST(text_test, trim_drops_ascii_whitespace_at_both_ends_only) {
    EXPECT_EQ(trim("  a b\t\r\n"), "a b");
    EXPECT_EQ(trim("\v\fx\f"), "x");
    EXPECT_EQ(trim(" \t\r\n"), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("\xC2\xA0x"), "\xC2\xA0x");  // a no-break space is text, not ASCII blank
}

TEST(text_test, normalise_keyword_folds_case_dashes_and_underscores) {
    EXPECT_EQ(normalise_keyword("  Co-Chair "), "co chair");
    EXPECT_EQ(normalise_keyword("co_chair"), "co chair");
    EXPECT_EQ(normalise_keyword("YES"), "yes");
    EXPECT_EQ(normalise_keyword(""), "");
}

TEST(text_test, utf8_text_passes) {
    EXPECT_EQ(find_invalid_text("plain ASCII, 1;2"), npos);
    EXPECT_EQ(find_invalid_text("Kampong Chhnăng — Prey Veng"), npos);        // 2- and 3-byte forms
    EXPECT_EQ(find_invalid_text("ខេត្តបាត់ដំបង"), npos);                         // Khmer
    EXPECT_EQ(find_invalid_text("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), npos);  // 4-byte forms up to U+10FFFF
    EXPECT_EQ(find_invalid_text("\xEF\xBB\xBF"
                                "id"),
              npos);  // a byte-order mark
    EXPECT_EQ(find_invalid_text(""), npos);
}

TEST(text_test, nul_bytes_are_refused) {
    EXPECT_EQ(find_invalid_text(std::string_view("ab\0c", 4)), 2U);
    EXPECT_EQ(find_invalid_text(std::string_view("\0", 1)), 0U);
}

TEST(text_test, truncated_sequences_are_refused_at_their_first_byte) {
    EXPECT_EQ(find_invalid_text("ab\xC3"), 2U);    // end of text inside a 2-byte form
    EXPECT_EQ(find_invalid_text("\xE1\x9E"), 0U);  // 3-byte form cut after two
    EXPECT_EQ(find_invalid_text("x\xF0\x9F\x98"
                                "y"),
              1U);  // 4-byte form broken by ASCII
    EXPECT_EQ(find_invalid_text("\xC3"
                                "a"),
              0U);
}

TEST(text_test, invalid_and_overlong_bytes_are_refused) {
    EXPECT_EQ(find_invalid_text("a\xFF"), 1U);             // starts no sequence
    EXPECT_EQ(find_invalid_text("a\x80"), 1U);             // stray continuation byte
    EXPECT_EQ(find_invalid_text("\xC0\xAF"), 0U);          // overlong '/'
    EXPECT_EQ(find_invalid_text("\xC1\xBF"), 0U);          // overlong
    EXPECT_EQ(find_invalid_text("\xE0\x80\xAF"), 0U);      // overlong 3-byte '/'
    EXPECT_EQ(find_invalid_text("\xF0\x80\x80\xAF"), 0U);  // overlong 4-byte '/'
    EXPECT_EQ(find_invalid_text("\xED\xA0\x80"), 0U);      // UTF-16 surrogate U+D800
    EXPECT_EQ(find_invalid_text("\xF4\x90\x80\x80"), 0U);  // U+110000
    EXPECT_EQ(find_invalid_text("\xF5\x80\x80\x80"), 0U);
    EXPECT_EQ(find_invalid_text("caf\xE9"), 3U);  // Latin-1 'é'
}

}  // namespace
}  // namespace aidtrack
