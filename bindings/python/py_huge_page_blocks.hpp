#pragma once
// Blocks of whole huge pages for numpy arrays, kept for the next frame once their arrays are gone.

#include <cstddef>

namespace aidtrack::python {

/// \brief A block of memory: whole 2 MiB pages, aligned on 2 MiB.
struct HugePageBlock {
    std::byte* data = nullptr;
    std::size_t size = 0;
};

/// \brief Maps blocks for numpy arrays on huge pages and keeps given-back blocks for reuse.
///
/// A frame of millions of rows is rebuilt often in a notebook. Its memory, given back to the
/// kernel, comes back as fresh pages that the kernel zeroes (half the time of building a
/// transactions frame, and far more on a virtual machine whose host has not backed that memory
/// yet). A given-back block is kept instead, marked free-when-needed (MADV_FREE): the kernel
/// takes its pages only under memory pressure, and a block taken again before that is reused
/// without a page fault. At most kKeptBytes are kept; a block beyond that is unmapped.
class HugePageBlocks {
public:
    static constexpr std::size_t kHugePage = std::size_t{2} << 20;
    static constexpr std::size_t kKeptBytes = std::size_t{1} << 30;

    /// A block of at least `bytes` (rounded up to whole huge pages): a kept one when one fits
    /// (no more than twice the size asked for), else a new mapping. Throws std::bad_alloc.
    static HugePageBlock take(std::size_t bytes);
    /// Gives a block from take() back: kept for reuse, or unmapped. Never throws.
    static void give_back(HugePageBlock block) noexcept;
    /// Bytes of the blocks kept now (for tests).
    static std::size_t kept_bytes() noexcept;
};

}  // namespace aidtrack::python
