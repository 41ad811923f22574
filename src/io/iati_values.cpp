/// \file iati_values.cpp
/// \brief Typed values of IATI elements (see iati_values.hpp).

#include "iati_values.hpp"

#include <aidtrack/core/currency.hpp>
#include <charconv>

namespace aidtrack::iati_detail {

std::string ValueReader::code(const pugi::xml_node& node, const char* attr, const char* list) {
    std::string code = attribute_text(node, attr);
    check_code(node, list, code);
    return code;
}

const Codelists::CodeIndex* ValueReader::codes_of(const char* list) {
    for (const SeenList& seen : lists_seen_)
        if (seen.address == list && seen.name == list) return seen.codes;
    const Codelists::CodeIndex* codes = codes_.codes_of(list);
    if (lists_seen_.size() < kListsSeenMax) lists_seen_.push_back({list, list, codes});
    return codes;
}

void ValueReader::check_code(const pugi::xml_node& node, const char* list, const std::string& code) {
    if (code.empty()) return;
    const Codelists::CodeIndex* codes = codes_of(list);
    if (codes == nullptr || codes->contains(code)) return;
    warn(node, "code-on-codelist", "unknown " + std::string(list) + " code '" + code.substr(0, 40) + "'");
}

std::optional<Date> ValueReader::date(const pugi::xml_node& node, const char* attr) {
    const std::string_view text = attribute_view(node, attr);
    if (text.empty()) return std::nullopt;
    Date d;
    std::string why;
    if (!try_parse_date(text, d, &why)) {
        warn(node, "date-valid",
             std::string("@") + attr + " '" + std::string(text.substr(0, 40)) + "' is not a date: " + why, true);
        return std::nullopt;
    }
    return d;
}

std::optional<Decimal> ValueReader::percentage(const pugi::xml_node& node) {
    const std::string_view text = attribute_view(node, "percentage");
    if (text.empty()) return std::nullopt;
    Decimal d;
    std::string why;
    if (!parse_share(text, d, &why)) {
        warn(node, "percentage-valid", "@percentage '" + std::string(text.substr(0, 40)) + "' is not a number: " + why,
             true);
        return std::nullopt;
    }
    if (d.is_negative() || d > Decimal(100)) {
        warn(node, "percentage-range", "@percentage " + d.to_string(0) + " is outside 0-100");
    }
    return d;
}

bool ValueReader::boolean(const pugi::xml_node& node, const char* attr, bool fallback) {
    const std::string_view text = attribute_view(node, attr);
    if (text.empty()) return fallback;
    if (text == "1" || text == "true") return true;
    if (text == "0" || text == "false") return false;
    warn(node, "boolean-valid",
         std::string("@") + attr + " '" + std::string(text.substr(0, 20)) + "' is not a boolean (0, 1, true, false)",
         true);
    return fallback;
}

std::optional<int> ValueReader::integer(const pugi::xml_node& node, const char* attr) {
    const std::string_view text = attribute_view(node, attr);
    if (text.empty()) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        warn(node, "integer-valid",
             std::string("@") + attr + " '" + std::string(text.substr(0, 20)) + "' is not an integer", true);
        return std::nullopt;
    }
    return value;
}

Narratives ValueReader::narratives(const pugi::xml_node& element) {
    Narratives out;
    for (const pugi::xml_node n : element.children("narrative")) {
        std::string_view text = trim(n.child_value());
        if (text.empty()) continue;
        out.push_back({std::string(text), n.attribute("xml:lang").as_string()});
    }
    if (out.empty()) {
        // IATI 1.0x put the text straight into the element.
        const std::string_view text = trim(element.child_value());
        if (!text.empty()) out.push_back({std::string(text), element.attribute("xml:lang").as_string()});
    }
    return out;
}

std::optional<Period> ValueReader::period(const pugi::xml_node& node, const char* what) {
    const pugi::xml_node start = node.child("period-start");
    const pugi::xml_node end = node.child("period-end");
    const auto s = start ? date(start) : std::nullopt;
    const auto e = end ? date(end) : std::nullopt;
    if (!s || !e) {
        drop(node, "period-present", std::string(what) + " without a valid period-start and period-end; left out");
        return std::nullopt;
    }
    if (*e < *s) {
        drop(node, "start-before-end",
             std::string(what) + " period ends (" + to_iso(*e) + ") before it starts (" + to_iso(*s) + "); left out");
        return std::nullopt;
    }
    return Period(*s, *e);
}

// A value that is not a number, or no currency on the ISO 4217 list, makes the record
// uncountable: it is left out rather than counted in a guessed currency.
bool ValueReader::settle_money(const PendingMoney& money, const std::string& default_currency, Money& out,
                               const char* what) {
    Decimal amount;
    std::string why;
    const std::string_view text = trim(money.value);
    if (text.empty()) {
        drop(money.value_node, "value-valid", std::string(what) + " with an empty <value>; left out", true);
        return false;
    }
    if (!Decimal::try_parse(text, amount, &why)) {
        drop(money.value_node, "value-valid",
             std::string(what) + " value '" + std::string(text.substr(0, 40)) + "' is not a number (" + why +
                 "); left out",
             true);
        return false;
    }
    const std::string_view code = money.currency.empty() ? std::string_view(default_currency) : money.currency;
    if (code.empty()) {
        drop(money.value_node, "currency-present",
             std::string(what) + " without value/@currency and no activity @default-currency; left out");
        return false;
    }
    CurrencyCode currency;
    if (!CurrencyCode::try_parse(code, currency)) {
        drop(money.value_node, "currency-on-codelist",
             std::string(what) + " currency '" + std::string(code.substr(0, 16)) +
                 "' is not on the Currency codelist; left out");
        return false;
    }
    out = Money(amount, currency);
    return true;
}

}  // namespace aidtrack::iati_detail
