#pragma once
/// \file ids.hpp
/// \brief Strong identifier types, so an organisation ref is never passed as an activity id.

#include <aidtrack/core/error.hpp>

#include <compare>
#include <functional>
#include <string>
#include <string_view>

namespace aidtrack {

/// \brief A string identifier tagged with what it identifies; trimmed and never blank.
template <class Tag>
class StrongId {
public:
    StrongId() = default;
    /// Trims surrounding whitespace; throws ValidationError when nothing is left.
    explicit StrongId(std::string_view text) {
        while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
        while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
        if (text.empty()) throw ValidationError(std::string("empty ") + Tag::kWhat, {}, "identifier-not-empty");
        value_ = text;
    }
    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    [[nodiscard]] bool empty() const noexcept { return value_.empty(); }
    friend auto operator<=>(const StrongId&, const StrongId&) = default;

private:
    static constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    std::string value_;
};

/// \brief Tag of organisation identifiers.
struct OrgRefTag {
    static constexpr const char* kWhat = "organisation identifier";
};
/// \brief Tag of activity identifiers.
struct ActivityIdTag {
    static constexpr const char* kWhat = "activity identifier";
};

/// \brief An organisation identifier such as "XM-DAC-41114" (UNDP) or "AU-5" (DFAT).
using OrgRef = StrongId<OrgRefTag>;
/// \brief An IATI activity identifier such as "XM-DAC-41114-PROJECT-00090541".
using ActivityId = StrongId<ActivityIdTag>;

}  // namespace aidtrack

/// \cond INTERNAL
// Hash of strong identifiers for unordered containers.
template <class Tag>
struct std::hash<aidtrack::StrongId<Tag>> {
    std::size_t operator()(const aidtrack::StrongId<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.str());
    }
};
/// \endcond
