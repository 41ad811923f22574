#pragma once
/// \file procurement.hpp
/// \brief Competitive procurement of clearance: tenders, lots, bids, evaluation rules, contracts.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief How bids are ranked.
enum class EvaluationMethod : std::uint8_t { quality_cost = 0, lowest_price = 1 };

/// "quality-cost" or "lowest-price".
[[nodiscard]] const char* to_string(EvaluationMethod m) noexcept;
/// Parses a method ("quality-cost", "qcbs", "lowest-price", "lpta"); throws ParseError.
[[nodiscard]] EvaluationMethod parse_evaluation_method(std::string_view text);

/// \brief The rule a tender announces for ranking bids (see docs/coordination.md).
struct EvaluationRule {
    EvaluationMethod method = EvaluationMethod::quality_cost;
    Decimal technical_weight{70};    ///< percent, quality-cost only
    Decimal price_weight{30};        ///< percent, quality-cost only
    Decimal technical_threshold{0};  ///< minimum technical score to be acceptable
    /// Quality-cost weighting, e.g. 70/30, with an optional technical threshold.
    [[nodiscard]] static EvaluationRule quality_cost(Decimal technical, Decimal price, Decimal threshold = Decimal{0}) {
        return {EvaluationMethod::quality_cost, technical, price, threshold};
    }
    /// Lowest price among bids whose technical score reaches `threshold`.
    [[nodiscard]] static EvaluationRule lowest_price(Decimal threshold) {
        return {EvaluationMethod::lowest_price, Decimal{0}, Decimal{0}, threshold};
    }
    friend bool operator==(const EvaluationRule&, const EvaluationRule&) = default;
};

/// \brief A lot of a tender: hazard areas in one province.
struct Lot {
    std::string ref;
    std::string province;
    std::vector<std::string> hazard_areas;
    Decimal area_m2;
    Provenance provenance;
    friend bool operator==(const Lot&, const Lot&) = default;
};

/// \brief An operator's offer for a lot.
struct Bid {
    std::string ref;
    std::string lot;
    std::string operator_ref;
    Money price;
    Decimal technical_score;  ///< 0-100
    bool accredited = true;   ///< accredited by the national authority (CMAA)
    Provenance provenance;
    friend bool operator==(const Bid&, const Bid&) = default;
};

/// \brief An award and its performance: area contracted and released, value and spending.
struct Contract {
    std::string ref;
    std::string lot;
    std::string bid;
    std::string operator_ref;
    Money value;
    Decimal contracted_m2;
    Decimal released_m2;
    std::optional<Money> spent;  ///< empty: the contract value is used for cost per m² released
    std::optional<Date> signed_on;
    std::optional<Date> start;
    std::optional<Date> end;
    Provenance provenance;
    friend bool operator==(const Contract&, const Contract&) = default;
};

/// \brief A request for proposals with its lots, bids, rule and resulting contracts.
struct Tender {
    std::string ref;
    std::string title;
    std::string buyer;      ///< org ref, e.g. UNDP "XM-DAC-41114"
    std::string programme;  ///< e.g. "CfR II"
    std::optional<Date> issued;
    std::optional<Date> closing;
    EvaluationRule rule;
    std::vector<Lot> lots;
    std::vector<Bid> bids;
    std::vector<Contract> contracts;
    Provenance provenance;
    friend bool operator==(const Tender&, const Tender&) = default;
};

}  // namespace aidtrack
