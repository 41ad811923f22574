// Ranking bids under quality-cost and lowest-price rules, with the documented tie-breaking.
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/measures/bid_evaluation.hpp>

#include <gtest/gtest.h>

namespace aidtrack {
namespace {

Bid bid(const std::string& ref, const std::string& op, const char* price, const char* tech, bool accredited = true) {
    Bid b;
    b.ref = ref;
    b.lot = "L1";
    b.operator_ref = op;
    b.price = Money::parse(price, "USD");
    b.technical_score = Decimal::parse(tech);
    b.accredited = accredited;
    return b;
}

Tender fixture_tender() {
    CoordinationStore store;
    load_coordination_dir(store, std::string(AIDTRACK_TEST_DATA_DIR) + "/coordination/good");
    return *store.find_tender("RFP-BMC-2014");
}

TEST(bid_evaluation_test, two_rules_give_documented_different_winners) {
    const Tender tender = fixture_tender();
    // Quality-cost 70/30, threshold 60: B4 not accredited; B1, B2, B3 acceptable, lowest 70000.
    // B1: price score 70000/100000·100 = 70, combined 0.7·90 + 0.3·70 = 84
    // B2: 87.5, 0.7·75 + 0.3·87.5 = 78.75;  B3: 100, 0.7·65 + 0.3·100 = 75.5
    const auto qc = rank_bids(tender, "L1");
    ASSERT_EQ(qc.size(), 4U);
    EXPECT_EQ(qc[0].bid, "B1");
    EXPECT_EQ(*qc[0].combined_score, Decimal{84});
    EXPECT_EQ(*qc[1].combined_score, Decimal::parse("78.75"));
    EXPECT_EQ(*qc[1].price_score, Decimal::parse("87.5"));
    EXPECT_EQ(*qc[2].combined_score, Decimal::parse("75.5"));
    EXPECT_EQ(qc[3].bid, "B4");
    EXPECT_FALSE(qc[3].rank.has_value());
    EXPECT_EQ(qc[3].reason, "operator not accredited");
    // Lowest price technically acceptable, threshold 70: B3 (65) is out, B2 at 80000 wins.
    const auto lp = rank_bids(tender, "L1", EvaluationRule::lowest_price(Decimal{70}));
    EXPECT_EQ(lp[0].bid, "B2");
    EXPECT_EQ(lp[1].bid, "B1");
    EXPECT_FALSE(lp[2].acceptable);
    const Table t = bid_ranking_table(tender, "L1");
    EXPECT_EQ(t.at<std::int64_t>(0, "rank"), 1);
    EXPECT_FALSE(t.defined(3, "rank"));
}

TEST(bid_evaluation_test, ties_broken_by_technical_then_price_then_operator) {
    Tender tender;
    tender.ref = "T";
    tender.rule = EvaluationRule::quality_cost(Decimal{50}, Decimal{50});
    // 50/50, lowest price 100. X: 0.5·80 + 0.5·100 = 90. Y: price score 100/125·100 = 80,
    // 0.5·100 + 0.5·80 = 90. Z = X with operator "AAA". All tie at 90:
    // Y first (technical 100 > 80), then Z before X (same technical and price, "AAA" < "ZZZ").
    tender.bids = {bid("X", "ZZZ", "100", "80"), bid("Y", "MMM", "125", "100"), bid("Z", "AAA", "100", "80")};
    const auto r = rank_bids(tender, "L1");
    EXPECT_EQ(*r[0].combined_score, Decimal{90});
    EXPECT_EQ(*r[1].combined_score, Decimal{90});
    EXPECT_EQ(*r[2].combined_score, Decimal{90});
    EXPECT_EQ(r[0].bid, "Y");
    EXPECT_EQ(r[1].bid, "Z");
    EXPECT_EQ(r[2].bid, "X");
    // Lowest price: X and Z tie at 100 with equal technical scores → operator ref; Y at 125 last.
    const auto lp = rank_bids(tender, "L1", EvaluationRule::lowest_price(Decimal{70}));
    EXPECT_EQ(lp[0].bid, "Z");
    EXPECT_EQ(lp[1].bid, "X");
    EXPECT_EQ(lp[2].bid, "Y");
    // Equal price, different technical: the higher technical score wins.
    tender.bids = {bid("P", "AAA", "100", "75"), bid("Q", "BBB", "100", "85")};
    EXPECT_EQ(rank_bids(tender, "L1", EvaluationRule::lowest_price(Decimal{70}))[0].bid, "Q");
}

TEST(bid_evaluation_test, mixed_currencies_are_refused) {
    Tender tender;
    tender.ref = "T";
    tender.bids = {bid("X", "A", "100", "80")};
    Bid khr = bid("Y", "B", "400000", "80");
    khr.price = Money::parse("400000", "KHR");
    tender.bids.push_back(khr);
    EXPECT_THROW((void)rank_bids(tender, "L1"), CurrencyError);
}

}  // namespace
}  // namespace aidtrack
