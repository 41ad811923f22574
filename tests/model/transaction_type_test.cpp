// TransactionType: codes, names and the helpers that replace literal codes.
#include <aidtrack/model/transaction_type.hpp>

#include <gtest/gtest.h>

using namespace aidtrack;

TEST(transaction_type_test, codes_are_the_iati_codes) {
    static_assert(code_of(TransactionType::incoming_funds) == 1);
    static_assert(code_of(TransactionType::disbursement) == 3);
    static_assert(code_of(TransactionType::incoming_pledge) == 13);
    EXPECT_TRUE(is_type(3, TransactionType::disbursement));
    EXPECT_FALSE(is_type(4, TransactionType::disbursement));
    EXPECT_TRUE(is_any_type(4, {TransactionType::disbursement, TransactionType::expenditure}));
    EXPECT_FALSE(is_any_type(2, {TransactionType::disbursement, TransactionType::expenditure}));
    EXPECT_EQ(type_codes({TransactionType::expenditure, TransactionType::disbursement}), (std::set<int>{3, 4}));
}

TEST(transaction_type_test, codes_map_back_and_have_codelist_names) {
    for (int code = 1; code <= 13; ++code) {
        const auto type = transaction_type_of(code);
        ASSERT_TRUE(type.has_value()) << code;
        EXPECT_EQ(code_of(*type), code);
        EXPECT_FALSE(name_of(*type).empty()) << code;
    }
    EXPECT_FALSE(transaction_type_of(0).has_value());
    EXPECT_FALSE(transaction_type_of(14).has_value());
    EXPECT_EQ(name_of(TransactionType::disbursement), "Disbursement");
    EXPECT_EQ(name_of(TransactionType::outgoing_commitment), "Outgoing Commitment");
    EXPECT_EQ(name_of(TransactionType::incoming_pledge), "Incoming Pledge");
}
