#pragma once
/// \file iati_read_support.hpp
/// \brief Small helpers of the IATI reader: trimming, shares, the DOCTYPE scan and the 1.0x code maps.

#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aidtrack::iati_detail {

// Published values carry newlines and indents: the one trim of core/text.hpp removes them.
using aidtrack::trim;

/// Element-name comparison without building strings; the first-byte test settles most
/// mismatches without a call.
inline bool equals(const char* a, const char* b) noexcept { return a[0] == b[0] && std::strcmp(a, b) == 0; }

/// A percentage: like Decimal::try_parse, but digits past the ninth decimal are rounded (half
/// up) instead of refused, since shares such as 0.5714285714285714 (= 4/7) are published.
inline bool parse_share(std::string_view text, Decimal& out, std::string* why) {
    text = trim(text);
    const auto point = text.find('.');
    if (point == std::string_view::npos || text.size() - point - 1 <= static_cast<std::size_t>(Decimal::kScale)) {
        return Decimal::try_parse(text, out, why);
    }
    const std::string_view head = text.substr(0, point + 1 + Decimal::kScale);
    const std::string_view tail = text.substr(point + 1 + Decimal::kScale);
    if (tail.find_first_not_of("0123456789") != std::string_view::npos) return Decimal::try_parse(text, out, why);
    if (!Decimal::try_parse(head, out, why)) return false;
    if (tail.front() >= '5') out += Decimal::from_raw(out.is_negative() || head.front() == '-' ? -1 : 1);
    return true;
}

/// \brief A DOCTYPE found in a document's prolog.
struct Doctype {
    std::size_t offset = 0;          ///< where "<!DOCTYPE" starts
    bool declares_entities = false;  ///< its internal subset has <!ENTITY …>
};

/// The DOCTYPE of the prolog (before the root element), if any. Skips the XML declaration,
/// processing instructions and comments; stops at the first element.
inline std::optional<Doctype> find_doctype(std::string_view text) {
    std::size_t i = 0;
    while (true) {
        i = text.find('<', i);
        if (i == std::string_view::npos || i + 1 >= text.size()) return std::nullopt;
        const std::string_view rest = text.substr(i);
        if (rest.substr(0, 2) == "<?") {
            const auto end = text.find("?>", i + 2);
            if (end == std::string_view::npos) return std::nullopt;
            i = end + 2;
        } else if (rest.substr(0, 4) == "<!--") {
            const auto end = text.find("-->", i + 4);
            if (end == std::string_view::npos) return std::nullopt;
            i = end + 3;
        } else if (rest.substr(0, 9) == "<!DOCTYPE") {
            Doctype d;
            d.offset = i;
            // The internal subset ends at "]>"; without one the DOCTYPE ends at the first '>'.
            const auto bracket = text.find('[', i);
            const auto close = text.find('>', i);
            std::size_t end = close;
            if (bracket != std::string_view::npos && bracket < close) {
                end = text.find("]", bracket);
                if (end == std::string_view::npos) end = text.size();
            }
            const std::string_view body = text.substr(i, (end == std::string_view::npos ? text.size() : end) - i);
            d.declares_entities = body.find("<!ENTITY") != std::string_view::npos ||
                                  body.find(" SYSTEM") != std::string_view::npos ||
                                  body.find(" PUBLIC") != std::string_view::npos;
            return d;
        } else {
            return std::nullopt;  // the root element: no DOCTYPE in the prolog
        }
    }
}

/// Whether `version` is one of the IATI 1.0x versions (1.01-1.05, or any "1.").
inline bool is_legacy_version(std::string_view version) noexcept { return version.substr(0, 2) == "1."; }

/// IATI 1.0x TransactionType letters → 2.0x codes (C→2, D→3, E→4, IF→1, IR→5, LR→6, R→7,
/// QP→8, QS→9, CG→10); nullptr for anything else. Case-insensitive, as 1.0x publishers varied.
inline const char* legacy_transaction_type(std::string_view code) noexcept {
    if (code.size() > 2) return nullptr;
    std::string upper(code);
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    static constexpr std::pair<const char*, const char*> kMap[] = {{"C", "2"},  {"D", "3"},  {"E", "4"}, {"IF", "1"},
                                                                   {"IR", "5"}, {"LR", "6"}, {"R", "7"}, {"QP", "8"},
                                                                   {"QS", "9"}, {"CG", "10"}};
    for (const auto& [letters, value] : kMap) {
        if (upper == letters) return value;
    }
    return nullptr;
}

/// IATI 1.0x ActivityDateType names → 2.0x codes; nullptr when not a 1.0x name.
inline const char* legacy_activity_date_type(std::string_view code) noexcept {
    if (code == "start-planned") return "1";
    if (code == "start-actual") return "2";
    if (code == "end-planned") return "3";
    if (code == "end-actual") return "4";
    return nullptr;
}

/// IATI 1.0x OrganisationRole names → 2.0x codes; nullptr when not a 1.0x name.
inline const char* legacy_organisation_role(std::string_view code) noexcept {
    if (code == "Funding" || code == "funding") return "1";
    if (code == "Accountable" || code == "accountable") return "2";
    if (code == "Extending" || code == "extending") return "3";
    if (code == "Implementing" || code == "implementing") return "4";
    return nullptr;
}

/// IATI 1.0x Vocabulary names of sectors → 2.0x SectorVocabulary codes; nullptr otherwise.
inline const char* legacy_sector_vocabulary(std::string_view code) noexcept {
    if (code == "DAC") return "1";
    if (code == "DAC-3") return "2";
    if (code == "COFOG") return "3";
    if (code == "NACE") return "4";
    if (code == "NTEE") return "5";
    if (code == "RO") return "99";
    if (code == "RO2") return "98";
    return nullptr;
}

/// \brief The code lists whose IATI 1.0x codes the reader maps to 2.0x.
enum class LegacyList { transaction_type, activity_date_type, organisation_role, sector_vocabulary };

/// The IATI name of `list` ("TransactionType", ...), as diagnostics name it.
inline const char* list_name(LegacyList list) noexcept {
    switch (list) {
        case LegacyList::transaction_type:
            return "TransactionType";
        case LegacyList::activity_date_type:
            return "ActivityDateType";
        case LegacyList::organisation_role:
            return "OrganisationRole";
        case LegacyList::sector_vocabulary:
            return "SectorVocabulary";
    }
    return "";
}

/// The 2.0x code of a 1.0x `code` of `list`; nullptr when `code` is not a 1.0x code.
inline const char* legacy_code(LegacyList list, std::string_view code) noexcept {
    switch (list) {
        case LegacyList::transaction_type:
            return legacy_transaction_type(code);
        case LegacyList::activity_date_type:
            return legacy_activity_date_type(code);
        case LegacyList::organisation_role:
            return legacy_organisation_role(code);
        case LegacyList::sector_vocabulary:
            return legacy_sector_vocabulary(code);
    }
    return nullptr;
}

}  // namespace aidtrack::iati_detail
