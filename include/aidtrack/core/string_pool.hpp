#pragma once
/// \file string_pool.hpp
/// \brief Interned strings: columns hold 32-bit indexes instead of repeated text.

#include <aidtrack/core/error.hpp>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aidtrack {

/// \brief Stores each distinct string once and hands out dense 32-bit indexes; index 0 is "".
///
/// Organisation refs, activity ids and codes repeat across millions of transactions; interning
/// keeps the columns narrow and lets Python build categoricals without per-row objects.
class StringPool {
public:
    using Index = std::uint32_t;
    StringPool() {
        strings_.emplace_back();
        index_.emplace(std::string_view(strings_.front()), 0);
    }
    StringPool(const StringPool& other) : StringPool() {
        for (std::size_t i = 1; i < other.strings_.size(); ++i) intern(other.strings_[i]);
    }
    StringPool& operator=(const StringPool& other) {
        if (this != &other) {
            StringPool copy(other);
            swap(copy);
        }
        return *this;
    }
    StringPool(StringPool&& other) noexcept { swap(other); }
    StringPool& operator=(StringPool&& other) noexcept {
        swap(other);
        return *this;
    }
    ~StringPool() = default;

    /// The index of `text`, adding it when new.
    Index intern(std::string_view text) {
        if (auto it = index_.find(text); it != index_.end()) return it->second;
        if (strings_.size() >= UINT32_MAX) throw OverflowError("string pool is full");
        strings_.emplace_back(text);
        const auto index = static_cast<Index>(strings_.size() - 1);
        index_.emplace(std::string_view(strings_.back()), index);
        return index;
    }
    /// The index of `text` if present.
    [[nodiscard]] bool lookup(std::string_view text, Index& out) const {
        auto it = index_.find(text);
        if (it == index_.end()) return false;
        out = it->second;
        return true;
    }
    /// The string at `index`; throws NotFoundError when out of range.
    [[nodiscard]] const std::string& at(Index index) const {
        if (index >= strings_.size())
            throw NotFoundError("string pool index " + std::to_string(index) + " out of range");
        return strings_[index];
    }
    /// The string at `index`, unchecked.
    [[nodiscard]] const std::string& operator[](Index index) const noexcept { return strings_[index]; }
    [[nodiscard]] std::size_t size() const noexcept { return strings_.size(); }
    /// Every string in index order (for archives and Python categoricals).
    [[nodiscard]] std::vector<std::string> strings() const { return {strings_.begin(), strings_.end()}; }

    void swap(StringPool& other) noexcept {
        strings_.swap(other.strings_);
        index_.swap(other.index_);
    }

private:
    // A deque keeps each string's address stable, so the string_view keys stay valid.
    std::deque<std::string> strings_;
    std::unordered_map<std::string_view, Index> index_;
};

}  // namespace aidtrack
