/// \file
/// \brief Batch cutting of `<iati-activities>` documents (see iati_batches.hpp).
#include "iati_batches.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

namespace aidtrack::iati_detail {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) {
    return text.size() - at >= prefix.size() && text.compare(at, prefix.size(), prefix) == 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t find_char(std::string_view text, std::size_t from, char c) {
    if (from >= text.size()) return npos;
    const void* hit = std::memchr(text.data() + from, c, text.size() - from);
    return hit == nullptr ? npos : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

// The offset of the '>' closing the tag that starts at `at`, skipping quoted attribute values
// (which may hold '>'). Tags are short: a plain loop beats repeated memchr calls here.
std::size_t tag_end(std::string_view text, std::size_t at) {
    for (std::size_t i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '>') return i;
        if (c == '"' || c == '\'') {
            i = find_char(text, i + 1, c);
            if (i == npos) return npos;
        }
    }
    return npos;
}

// The declared encoding of an XML declaration `<?xml ... ?>`, lower-cased ("" when absent).
std::string declared_encoding(std::string_view declaration) {
    const std::size_t key = declaration.find("encoding");
    if (key == npos) return {};
    std::size_t i = key + 8;
    while (i < declaration.size() && (is_space(declaration[i]) || declaration[i] == '=')) ++i;
    if (i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\'')) return "?";
    const std::size_t close = declaration.find(declaration[i], i + 1);
    if (close == npos) return "?";
    std::string out(declaration.substr(i + 1, close - i - 1));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::optional<RootTag> find_batchable_root(std::string_view text) {
    std::size_t i = 0;
    if (starts_with(text, 0, "\xEF\xBB\xBF")) i = 3;  // the UTF-8 byte-order mark
    while (true) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size() || text[i] != '<') return std::nullopt;  // another encoding, or not XML
        if (starts_with(text, i, "<?")) {
            const std::size_t end = text.find("?>", i + 2);
            if (end == npos) return std::nullopt;
            if (starts_with(text, i, "<?xml") && i + 5 < text.size() && is_space(text[i + 5])) {
                const std::string encoding = declared_encoding(text.substr(i, end - i));
                if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8") return std::nullopt;
            }
            i = end + 2;
        } else if (starts_with(text, i, "<!--")) {
            const std::size_t end = text.find("-->", i + 4);
            if (end == npos) return std::nullopt;
            i = end + 3;
        } else if (starts_with(text, i, "<iati-activities") && i + 16 < text.size() &&
                   (is_space(text[i + 16]) || text[i + 16] == '>')) {
            const std::size_t end = tag_end(text, i);
            if (end == npos || text[end - 1] == '/') return std::nullopt;
            return RootTag{i, end + 1};
        } else {
            return std::nullopt;  // a DOCTYPE, another root element, or not XML
        }
    }
}

BatchCut next_batch_cut(std::string_view text, std::size_t from, std::size_t target) {
    using Kind = BatchCut::Kind;
    constexpr BatchCut kMore{Kind::more, 0};
    std::size_t depth = 0;
    std::size_t i = from;
    while (true) {
        i = find_char(text, i, '<');
        if (i == npos || i + 1 >= text.size()) return kMore;
        const char next = text[i + 1];
        if (next == '!') {
            if (text.size() - i < 9) return kMore;  // too short to tell a comment from CDATA
            if (starts_with(text, i, "<!--")) {
                const std::size_t end = text.find("-->", i + 4);
                if (end == npos) return kMore;
                i = end + 3;
            } else if (starts_with(text, i, "<![CDATA[")) {
                const std::size_t end = text.find("]]>", i + 9);
                if (end == npos) return kMore;
                i = end + 3;
            } else {
                return {Kind::rest, i};  // a declaration inside the root: leave it to the parser
            }
        } else if (next == '?') {
            const std::size_t end = text.find("?>", i + 2);
            if (end == npos) return kMore;
            i = end + 2;
        } else if (next == '/') {
            if (depth == 0) return {Kind::rest, i};  // the root's end tag
            const std::size_t end = find_char(text, i + 2, '>');
            if (end == npos) return kMore;
            i = end + 1;
            if (--depth == 0 && i >= target) return {Kind::cut, i};
        } else {
            const std::size_t end = tag_end(text, i + 1);
            if (end == npos) return kMore;
            const bool empty_element = text[end - 1] == '/';
            i = end + 1;
            if (!empty_element) {
                ++depth;
            } else if (depth == 0 && i >= target) {
                return {Kind::cut, i};
            }
        }
    }
}

BatchCut quick_batch_cut(std::string_view text, std::size_t from, std::size_t target) {
    static constexpr std::string_view kEndTag = "</iati-activity";
    std::size_t i = std::max(from, target > kEndTag.size() + 1 ? target - kEndTag.size() - 1 : 0);
    while (i < text.size()) {
        const void* hit = memmem(text.data() + i, text.size() - i, kEndTag.data(), kEndTag.size());
        if (hit == nullptr) break;
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) + kEndTag.size();
        while (end < text.size() && is_space(text[end])) ++end;  // "</iati-activity >" is allowed
        if (end >= text.size()) break;
        if (text[end] == '>') return {BatchCut::Kind::cut, end + 1};
        i = end;  // "</iati-activity-x>" or the like: not the end of an activity
    }
    return {BatchCut::Kind::more, 0};
}

}  // namespace aidtrack::iati_detail
