#pragma once
/// \file reporting_org_ids.hpp
/// \brief Each activity's reporting organisation as a small integer, kept as activities are added.

#include <aidtrack/core/text.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aidtrack {

/// \brief The reporting-organisation ref of every activity as an id into one list of refs.
///
/// Group-bys per donor (measures::aggregate) read one integer per activity instead of each
/// activity's record and text. Portfolio keeps it as activities are added or replaced; ids never
/// change once given, so a ref no activity uses any more (after a replacement) keeps its id.
class ReportingOrgIds {
public:
    /// Appends the id of `ref` for the next activity.
    void push_back(std::string_view ref) { ids_.push_back(id_of(ref)); }
    /// Sets the ref of activity `activity` (an index already held).
    void set(std::uint32_t activity, std::string_view ref) { ids_.at(activity) = id_of(ref); }
    void reserve(std::size_t activities) { ids_.reserve(activities); }

    /// The id of activity `activity`'s reporting organisation.
    [[nodiscard]] std::uint32_t of(std::uint32_t activity) const { return ids_.at(activity); }
    /// One id per activity, in activity order.
    [[nodiscard]] const std::vector<std::uint32_t>& ids() const noexcept { return ids_; }
    /// The ref of each id, in the order first seen.
    [[nodiscard]] const std::vector<std::string>& refs() const noexcept { return refs_; }

private:
    std::uint32_t id_of(std::string_view ref);

    std::vector<std::uint32_t> ids_;
    std::vector<std::string> refs_;
    std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> index_;
};

}  // namespace aidtrack
