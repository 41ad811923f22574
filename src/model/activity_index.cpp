/// \file activity_index.cpp
/// \brief Open-addressed look-up of activity identifiers, one at a time or many at once.

#include <aidtrack/model/activity_index.hpp>

#include <aidtrack/core/error.hpp>

#include <bit>
#include <functional>
#include <limits>

namespace aidtrack {

std::uint64_t ActivityIndex::hash(std::string_view id) noexcept {
    return static_cast<std::uint64_t>(std::hash<std::string_view>{}(id));
}

std::string_view ActivityIndex::key(std::uint32_t position) const noexcept {
    const std::size_t begin = position == 0 ? 0 : ends_[position - 1];
    return std::string_view(text_).substr(begin, ends_[position] - begin);
}

std::string_view ActivityIndex::at(std::uint32_t position) const {
    if (position >= ends_.size()) throw NotFoundError("no activity at position " + std::to_string(position));
    return key(position);
}

void ActivityIndex::place(std::uint64_t h, std::uint32_t position) noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(h) & mask;
    while (slots_[at].position != 0) at = (at + 1) & mask;
    slots_[at] = {static_cast<std::uint32_t>(h >> 32), position + 1};
}

void ActivityIndex::grow(std::size_t slots) {
    slots_.assign(slots, Slot{});
    for (std::uint32_t p = 0; p < ends_.size(); ++p) place(hash(key(p)), p);
}

void ActivityIndex::reserve(std::size_t n) {
    ends_.reserve(n);
    // At most half full: 2n slots, rounded up to a power of two.
    const std::size_t wanted = std::bit_ceil(std::max<std::size_t>(16, 2 * n));
    if (wanted > slots_.size()) grow(wanted);
}

bool ActivityIndex::push_back(std::string_view id) {
    if (ends_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) throw OverflowError("too many activities");
    const std::uint64_t h = hash(id);  // once, for the look-up and the placing
    if (!slots_.empty() && probe(h, id)) return false;
    if (2 * (ends_.size() + 1) > slots_.size()) grow(std::bit_ceil(std::max<std::size_t>(16, 4 * (ends_.size() + 1))));
    const auto position = static_cast<std::uint32_t>(ends_.size());
    text_.append(id);
    ends_.push_back(text_.size());
    place(h, position);
    return true;
}

std::optional<std::uint32_t> ActivityIndex::probe(std::uint64_t h, std::string_view id) const noexcept {
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = static_cast<std::size_t>(h) & mask;; at = (at + 1) & mask) {
        const Slot s = slots_[at];
        if (s.position == 0) return std::nullopt;
        if (s.tag == tag && key(s.position - 1) == id) return s.position - 1;
    }
}

std::optional<std::uint32_t> ActivityIndex::find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    return probe(hash(id), id);
}

void ActivityIndex::find_all(std::span<const std::string_view> ids, std::span<std::optional<std::uint32_t>> out) const {
    if (out.size() != ids.size()) throw ValidationError("find_all: as many results as identifiers needed");
    if (slots_.empty()) {
        for (auto& o : out) o.reset();
        return;
    }
    // Hashes first (the identifiers only), then each look-up with the slot of the identifier
    // kAhead places later asked for and, half as far ahead, the text its slot points at.
    constexpr std::size_t kAhead = 8;
    std::vector<std::uint64_t> hashes(ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k) hashes[k] = hash(ids[k]);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (k + kAhead < ids.size()) __builtin_prefetch(&slots_[static_cast<std::size_t>(hashes[k + kAhead]) & mask]);
        if (k + kAhead / 2 < ids.size()) {
            const Slot s = slots_[static_cast<std::size_t>(hashes[k + kAhead / 2]) & mask];
            if (s.position != 0) __builtin_prefetch(key(s.position - 1).data());
        }
        out[k] = probe(hashes[k], ids[k]);
    }
}

}  // namespace aidtrack
