#pragma once
// Numpy arrays carved out of a few large blocks asked for on huge pages.

#include "py_common.hpp"
#include "py_huge_page_blocks.hpp"

#include <algorithm>
#include <cstddef>
#include <memory>

namespace aidtrack::python {

/// \brief Hands out numpy arrays from blocks of at least 16 MiB, each asked for on huge pages.
///
/// A transactions frame is twenty-odd columns of millions of rows, most of them one-byte codes:
/// numpy asks for huge pages only for arrays of 4 MiB or more, so on a fresh heap each of those
/// columns was mapped 4 KiB and one page fault at a time. Carved out of shared blocks they are
/// mapped 2 MiB at a time. Every array keeps its block alive (through its base), so a block is
/// given back when the last array taken from it is freed; the next frame reuses it (see
/// HugePageBlocks) instead of having fresh pages zeroed.
class HugePageArrays {
public:
    /// A new, uninitialised array of `n` elements of T: numpy's own below 1 MiB (a small table
    /// should not pin a 2 MiB page), else carved out of a block.
    template <class T>
    py::array_t<T> take(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kSmall) return py::array_t<T>(static_cast<py::ssize_t>(n));
        std::size_t at = (used_ + kAlign - 1) & ~(kAlign - 1);
        if (data_ == nullptr || at + bytes > size_) {
            start_block(std::max(bytes, kBlock));
            at = 0;
        }
        used_ = at + bytes;
        return py::array_t<T>({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))},
                              reinterpret_cast<T*>(data_ + at), owner_);
    }

private:
    static constexpr std::size_t kSmall = std::size_t{1} << 20;
    static constexpr std::size_t kBlock = std::size_t{16} << 20;
    static constexpr std::size_t kAlign = 64;  // a cache line

    void start_block(std::size_t bytes) {
        // Whole huge pages, aligned: no edge of the block is left to 4 KiB pages.
        auto block = std::make_unique<HugePageBlock>(HugePageBlocks::take(bytes));
        data_ = block->data;
        size_ = block->size;
        used_ = 0;
        try {
            owner_ = py::capsule(block.get(), [](void* p) {
                const std::unique_ptr<HugePageBlock> owned(static_cast<HugePageBlock*>(p));
                HugePageBlocks::give_back(*owned);
            });
        } catch (...) {
            HugePageBlocks::give_back(*block);
            data_ = nullptr;
            throw;
        }
        (void)block.release();  // owned by the capsule now
    }

    py::object owner_;  // the capsule that gives the current block back
    std::byte* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t used_ = 0;
};

}  // namespace aidtrack::python
