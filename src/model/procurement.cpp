/// \file procurement.cpp
/// \brief Evaluation method names.

#include <aidtrack/model/procurement.hpp>

#include <aidtrack/core/text.hpp>

#include "keyword_parse.hpp"

namespace aidtrack {

namespace {
constexpr std::array<const char*, 2> kMethods{"quality-cost", "lowest-price"};
}  // namespace

const char* to_string(EvaluationMethod m) noexcept { return kMethods.at(static_cast<std::size_t>(m)); }
EvaluationMethod parse_evaluation_method(std::string_view text) {
    const std::string key = normalise_keyword(text);
    if (key == "qcbs" || key == "quality cost based") return EvaluationMethod::quality_cost;
    if (key == "lpta" || key == "lowest price technically acceptable") return EvaluationMethod::lowest_price;
    return detail::parse_keyword<EvaluationMethod>(text, kMethods, "evaluation method");
}

}  // namespace aidtrack
