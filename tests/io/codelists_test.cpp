/// \file codelists_test.cpp
/// \brief The shipped IATI codelists: lookups, names, version.

#include <aidtrack/core/error.hpp>
#include <aidtrack/io/codelists.hpp>

#include <gtest/gtest.h>

namespace aidtrack {
namespace {

TEST(codelists_test, official_lists_resolve_codes_to_english_names) {
    const Codelists& lists = Codelists::official();
    EXPECT_EQ(lists.version(), "2.03");
    EXPECT_EQ(lists.name_of("Sector", "15250"), "Removal of land mines and explosive remnants of war");
    EXPECT_EQ(lists.name_of("TransactionType", "3"), "Disbursement");
    EXPECT_EQ(lists.name_of("BudgetType", "1"), "Original");
    EXPECT_EQ(lists.name_of("Country", "KH"), "Cambodia");
    EXPECT_TRUE(lists.contains("Currency", "KHR"));
    EXPECT_TRUE(lists.contains("SectorCategory", "152"));
}

TEST(codelists_test, unknown_codes_and_lists_are_absent_not_errors) {
    const Codelists& lists = Codelists::official();
    EXPECT_FALSE(lists.contains("TransactionType", "14"));
    EXPECT_FALSE(lists.contains("TransactionType", " 3"));  // codes compare exactly
    EXPECT_FALSE(lists.contains("NoSuchList", "1"));
    EXPECT_EQ(lists.name_of("NoSuchList", "1"), "");
    EXPECT_FALSE(lists.has_list("NoSuchList"));
}

TEST(codelists_test, every_shipped_file_is_a_list_and_transaction_types_are_1_to_13) {
    const Codelists& lists = Codelists::official();
    EXPECT_EQ(lists.lists().size(), 29U);  // the 29 files in data/iati/codelists
    const auto types = lists.codes("TransactionType");
    ASSERT_EQ(types.size(), 13U);
    for (int code = 1; code <= 13; ++code) EXPECT_TRUE(lists.contains("TransactionType", std::to_string(code))) << code;
}

TEST(codelists_test, a_list_found_once_answers_as_contains_does) {
    const Codelists& lists = Codelists::official();
    EXPECT_EQ(lists.codes_of("NoSuchList"), nullptr);
    EXPECT_EQ(lists.codes_of(""), nullptr);
    std::size_t checked = 0;
    for (const std::string& name : lists.lists()) {
        const Codelists::CodeIndex* codes = lists.codes_of(name);
        ASSERT_NE(codes, nullptr) << name;
        for (const std::string& code : lists.codes(name)) {
            EXPECT_TRUE(codes->contains(code)) << name << " " << code;
            EXPECT_FALSE(codes->contains(code + " ")) << name << " " << code;  // exact, as contains()
            ++checked;
        }
    }
    EXPECT_GT(checked, 1000U);  // Country alone has 249 codes
    EXPECT_FALSE(lists.codes_of("TransactionType")->contains("14"));
}

TEST(codelists_test, missing_directory_is_an_io_error) {
    EXPECT_THROW((void)Codelists::from_directory("/no/such/dir"), IoError);
}

}  // namespace
}  // namespace aidtrack
