#pragma once
/// \file activity_index.hpp
/// \brief Activity identifier → position in the Portfolio, as one open-addressed array.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief The positions of a Portfolio's activities by identifier.
///
/// Identifiers are kept end to end in one buffer, in activity order, and found through an array
/// of (hash tag, position) slots, linear probing, at most half full. A look-up reads one slot
/// and the identifier it points at, where a node-based map reads a bucket, a node and the node's
/// string, each a cache miss once a large scan has passed: an aggregate finds tens of thousands of
/// mapped activities per call. find_all() looks many up at once, fetching the slots of later
/// identifiers while it compares earlier ones. Positions are given in order (0, 1, 2, …), as the
/// Portfolio appends activities.
class ActivityIndex {
public:
    /// Adds `id` as the next position (size()); false, and nothing added, when `id` is held.
    bool push_back(std::string_view id);
    /// The position of `id`, if held.
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id) const;
    /// The position of each of `ids` (nullopt where not held), into `out` (same size as `ids`).
    void find_all(std::span<const std::string_view> ids, std::span<std::optional<std::uint32_t>> out) const;
    /// The identifier at `position`.
    [[nodiscard]] std::string_view at(std::uint32_t position) const;
    /// Makes room for `n` identifiers in all.
    void reserve(std::size_t n);
    [[nodiscard]] std::size_t size() const noexcept { return ends_.size(); }

private:
    struct Slot {
        std::uint32_t tag = 0;       // high half of the identifier's hash
        std::uint32_t position = 0;  // position + 1; 0 = empty
    };
    [[nodiscard]] static std::uint64_t hash(std::string_view id) noexcept;
    [[nodiscard]] std::string_view key(std::uint32_t position) const noexcept;
    // The position of `id`, whose hash is `h`, by linear probing from its slot (slots_ not empty).
    [[nodiscard]] std::optional<std::uint32_t> probe(std::uint64_t h, std::string_view id) const noexcept;
    void place(std::uint64_t h, std::uint32_t position) noexcept;
    void grow(std::size_t slots);

    std::string text_;               // every identifier, end to end, in position order
    std::vector<std::size_t> ends_;  // where each identifier ends in text_
    std::vector<Slot> slots_;        // size a power of two, or empty
};

}  // namespace aidtrack
