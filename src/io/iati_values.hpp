#pragma once
/// \file iati_values.hpp
/// \brief Typed values of IATI elements (codes, dates, percentages, money, periods), each
/// problem reported at the element that holds it.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/core/period.hpp>
#include <aidtrack/io/codelists.hpp>
#include <aidtrack/model/narrative.hpp>
#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "iati_problems.hpp"
#include "iati_read_support.hpp"
#include "iati_versions.hpp"

namespace aidtrack::iati_detail {

/// An attribute's value without the surrounding white space publishers leave ("" when absent).
inline std::string_view attribute_view(const pugi::xml_node& node, const char* attr) {
    return trim(node.attribute(attr).as_string());
}

/// The same, as a string to keep.
inline std::string attribute_text(const pugi::xml_node& node, const char* attr) {
    return std::string(attribute_view(node, attr));
}

/// @vocabulary of a classification (sector, region, policy marker), "1" (the standard's default)
/// when absent.
inline std::string_view vocabulary_view(const pugi::xml_node& node) {
    const std::string_view vocabulary = attribute_view(node, "vocabulary");
    return vocabulary.empty() ? std::string_view("1") : vocabulary;
}

/// \brief A `<value>` and its currency, settled only at the end of the activity, whose
/// @default-currency may come after it.
struct PendingMoney {
    std::string_view value;     ///< the element's text, untrimmed
    std::string_view currency;  ///< value/@currency, trimmed
    pugi::xml_node value_node;  ///< the `<value>`, for problems (null when there is none)
};

/// \brief Reads typed values out of elements, reporting what it cannot read.
class ValueReader {
public:
    ValueReader(ProblemReport& report, VersionMapping& versions)
        : report_(report), versions_(versions), codes_(Codelists::official()) {}

    [[nodiscard]] ProblemReport& report() noexcept { return report_; }
    [[nodiscard]] const std::string& file() const noexcept { return report_.file(); }
    [[nodiscard]] std::uint32_t line_of(const pugi::xml_node& node) const { return report_.line_of(node); }
    void warn(const pugi::xml_node& node, const std::string& rule, const std::string& message, bool parse = false) {
        report_.warn(node, rule, message, parse);
    }
    void drop(const pugi::xml_node& node, const std::string& rule, const std::string& message, bool parse = false) {
        report_.drop(node, rule, message, parse);
    }

    /// The code in `attr`, warned about when `list` is a known code list without it ("" skips the check).
    std::string code(const pugi::xml_node& node, const char* attr, const char* list);
    /// Warns when `code` is not on the known code list `list`.
    void check_code(const pugi::xml_node& node, const char* list, const std::string& code);
    /// `code` of `list` as 2.0x (see VersionMapping::modern_code).
    std::string_view modern_code(const pugi::xml_node& node, LegacyList list, std::string_view code) {
        return versions_.modern_code(node, list, code);
    }
    [[nodiscard]] VersionMapping& versions() noexcept { return versions_; }

    std::optional<Date> date(const pugi::xml_node& node, const char* attr = "iso-date");
    /// @percentage, rounded past the ninth decimal, warned about outside 0-100.
    std::optional<Decimal> percentage(const pugi::xml_node& node);
    bool boolean(const pugi::xml_node& node, const char* attr, bool fallback);
    std::optional<int> integer(const pugi::xml_node& node, const char* attr);
    /// The `<narrative>`s of `element`, or its own text (as IATI 1.0x had it).
    static Narratives narratives(const pugi::xml_node& element);

    /// period-start and period-end of `node`; `what` names it in problems.
    std::optional<Period> period(const pugi::xml_node& node, const char* what);
    /// The amount of `money` in its currency, else in `default_currency`; false (and the record
    /// is left out) without a number or a currency on the ISO 4217 list.
    bool settle_money(const PendingMoney& money, const std::string& default_currency, Money& out, const char* what);

private:
    /// The codes of `list` (nullptr when no such list is loaded), found once per list name.
    const Codelists::CodeIndex* codes_of(const char* list);

    ProblemReport& report_;
    VersionMapping& versions_;
    const Codelists& codes_;
    // Lists already found, by the address of their name: call sites name lists with string
    // literals, so a short scan of addresses replaces hashing the name at every coded attribute.
    struct SeenList {
        const char* address;
        std::string name;  // compared too: a caller's buffer may hold another name later
        const Codelists::CodeIndex* codes;
    };
    std::vector<SeenList> lists_seen_;
    static constexpr std::size_t kListsSeenMax = 64;  // the reader names about 25 lists
};

}  // namespace aidtrack::iati_detail
