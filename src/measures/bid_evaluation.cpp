/// \file bid_evaluation.cpp
/// \brief Ranking bids under quality-cost or lowest-price-technically-acceptable rules.

#include <aidtrack/measures/bid_evaluation.hpp>

#include <algorithm>

namespace aidtrack {

namespace {

// Scores are rounded to 6 decimals so that binary floating-point noise cannot decide a tie.
Decimal score(double value) { return Decimal::from_double(value).rounded(6); }

double ratio(Decimal num, Decimal den) {
    return static_cast<double>(static_cast<long double>(num.raw()) / static_cast<long double>(den.raw()));
}

}  // namespace

std::vector<RankedBid> rank_bids(const Tender& tender, const std::string& lot,
                                 const std::optional<EvaluationRule>& rule_in) {
    const EvaluationRule rule = rule_in ? *rule_in : tender.rule;
    if (rule.method == EvaluationMethod::quality_cost) {
        AIDTRACK_REQUIRE(rule.technical_weight + rule.price_weight == Decimal{100},
                         "quality-cost weights of tender '" + tender.ref + "' must sum to 100");
    }
    std::vector<RankedBid> bids;
    for (const auto& b : tender.bids) {
        if (b.lot != lot) continue;
        RankedBid r;
        r.bid = b.ref;
        r.operator_ref = b.operator_ref;
        r.price = b.price;
        r.technical_score = b.technical_score;
        if (!b.accredited) {
            r.reason = "operator not accredited";
        } else if (b.technical_score < rule.technical_threshold) {
            r.reason = "technical score below " + rule.technical_threshold.to_string(0);
        } else if (!(Decimal{0} < b.price.amount())) {
            r.reason = "price not positive";
        } else {
            r.acceptable = true;
        }
        if (!bids.empty() && bids.front().price.currency() != r.price.currency()) {
            throw CurrencyError("bids on lot '" + lot + "' of tender '" + tender.ref + "' are in " +
                                bids.front().price.currency().str() + " and " + r.price.currency().str());
        }
        bids.push_back(std::move(r));
    }
    if (rule.method == EvaluationMethod::quality_cost) {
        std::optional<Decimal> lowest;
        for (const auto& r : bids) {
            if (r.acceptable && (!lowest || r.price.amount() < *lowest)) lowest = r.price.amount();
        }
        for (auto& r : bids) {
            if (!r.acceptable) continue;
            r.price_score = score(ratio(*lowest, r.price.amount()) * 100.0);
            r.combined_score = score((rule.technical_weight.to_double() * r.technical_score.to_double() +
                                      rule.price_weight.to_double() * r.price_score->to_double()) /
                                     100.0);
        }
    }
    const bool quality_cost = rule.method == EvaluationMethod::quality_cost;
    std::stable_sort(bids.begin(), bids.end(), [quality_cost](const RankedBid& a, const RankedBid& b) {
        if (a.acceptable != b.acceptable) return a.acceptable;
        if (!a.acceptable) return a.bid < b.bid;
        if (quality_cost && *a.combined_score != *b.combined_score) return *a.combined_score > *b.combined_score;
        if (!quality_cost && a.price.amount() != b.price.amount()) return a.price.amount() < b.price.amount();
        // Documented tie-breaking: higher technical score, lower price, operator ref, bid ref.
        if (a.technical_score != b.technical_score) return a.technical_score > b.technical_score;
        if (a.price.amount() != b.price.amount()) return a.price.amount() < b.price.amount();
        if (a.operator_ref != b.operator_ref) return a.operator_ref < b.operator_ref;
        return a.bid < b.bid;
    });
    int rank = 0;
    for (auto& r : bids) {
        if (r.acceptable) r.rank = ++rank;
    }
    return bids;
}

Table bid_ranking_table(const Tender& tender, const std::string& lot, const std::optional<EvaluationRule>& rule_in) {
    const EvaluationRule rule = rule_in ? *rule_in : tender.rule;
    const auto ranked = rank_bids(tender, lot, rule);
    Table t("Bids on " + tender.ref + " lot " + lot + " (" + to_string(rule.method) + ")");
    t.set_methodology(to_string(rule.method));
    t.add_column<std::int64_t>("rank", "1 = winner; undefined when not acceptable");
    t.add_column<std::string>("bid");
    t.add_column<std::string>("operator");
    t.add_column<Decimal>("price");
    t.add_column<std::string>("currency");
    t.add_column<Decimal>("technical_score");
    t.add_column<Decimal>("price_score", "lowest acceptable price / price x 100");
    t.add_column<Decimal>("combined_score", "(technical weight x technical + price weight x price score) / 100");
    t.add_column<std::int64_t>("acceptable");
    t.add_column<std::string>("reason");
    for (const auto& r : ranked) {
        if (r.rank) {
            t.push<std::int64_t>(0, *r.rank);
        } else {
            t.push_undefined(0);
        }
        t.push<std::string>(1, r.bid);
        t.push<std::string>(2, r.operator_ref);
        t.push<Decimal>(3, r.price.amount());
        t.push<std::string>(4, r.price.currency().str());
        t.push<Decimal>(5, r.technical_score);
        if (r.price_score) {
            t.push<Decimal>(6, *r.price_score);
        } else {
            t.push_undefined(6);
        }
        if (r.combined_score) {
            t.push<Decimal>(7, *r.combined_score);
        } else {
            t.push_undefined(7);
        }
        t.push<std::int64_t>(8, r.acceptable ? 1 : 0);
        t.push<std::string>(9, r.reason);
    }
    if (rule.method == EvaluationMethod::quality_cost) {
        t.add_note("Weights " + rule.technical_weight.to_string(0) + "/" + rule.price_weight.to_string(0) +
                   " (technical/price); threshold " + rule.technical_threshold.to_string(0) + ".");
    } else {
        t.add_note("Lowest price among bids with technical score >= " + rule.technical_threshold.to_string(0) + ".");
    }
    t.add_note("Ties: higher technical score, then lower price, then operator ref, then bid ref.");
    return t;
}

}  // namespace aidtrack
