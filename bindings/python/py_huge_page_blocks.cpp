// Huge-page blocks kept for reuse (see py_huge_page_blocks.hpp).

#include "py_huge_page_blocks.hpp"

#include "../../src/core/huge_page_reserve.hpp"

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace aidtrack::python {
namespace {

struct Kept {
    std::mutex mutex;
    std::vector<HugePageBlock> blocks;
    std::size_t bytes = 0;
};

// Never destroyed: arrays may be freed while the interpreter shuts down, after static destructors.
Kept& kept() {
    static Kept* const instance = new Kept;
    return *instance;
}

std::size_t whole_huge_pages(std::size_t bytes) {
    return (bytes + HugePageBlocks::kHugePage - 1) & ~(HugePageBlocks::kHugePage - 1);
}

#if defined(__linux__)
HugePageBlock map_block(std::size_t size) {
    // Over-map by one huge page and cut the unaligned head and tail off.
    const std::size_t span = size + HugePageBlocks::kHugePage;
    void* mapped = ::mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (begin + HugePageBlocks::kHugePage - 1) & ~(HugePageBlocks::kHugePage - 1);
    if (aligned > begin) ::munmap(mapped, aligned - begin);
    const std::uintptr_t tail = aligned + size;
    if (begin + span > tail) ::munmap(reinterpret_cast<void*>(tail), begin + span - tail);
    auto* data = reinterpret_cast<std::byte*>(aligned);
    detail::advise_huge_pages(data, size);
    return {data, size};
}

void unmap_block(const HugePageBlock& block) noexcept { ::munmap(block.data, block.size); }

// Lets the kernel take the pages when it needs memory; false where the kernel cannot (before 4.5).
bool free_when_needed(const HugePageBlock& block) noexcept {
#if defined(MADV_FREE)
    return ::madvise(block.data, block.size, MADV_FREE) == 0;
#else
    (void)block;
    return false;
#endif
}
#else
HugePageBlock map_block(std::size_t size) {
    auto* data = static_cast<std::byte*>(std::aligned_alloc(HugePageBlocks::kHugePage, size));
    if (data == nullptr) throw std::bad_alloc();
    return {data, size};
}

void unmap_block(const HugePageBlock& block) noexcept { std::free(block.data); }

bool free_when_needed(const HugePageBlock&) noexcept { return false; }
#endif

}  // namespace

HugePageBlock HugePageBlocks::take(std::size_t bytes) {
    const std::size_t size = whole_huge_pages(bytes);
    {
        Kept& k = kept();
        const std::lock_guard<std::mutex> lock(k.mutex);
        // The smallest kept block that holds `size` without wasting more than its own size.
        std::size_t best = k.blocks.size();
        for (std::size_t i = 0; i < k.blocks.size(); ++i) {
            const std::size_t s = k.blocks[i].size;
            if (s >= size && s <= 2 * size && (best == k.blocks.size() || s < k.blocks[best].size)) best = i;
        }
        if (best != k.blocks.size()) {
            const HugePageBlock block = k.blocks[best];
            k.blocks[best] = k.blocks.back();
            k.blocks.pop_back();
            k.bytes -= block.size;
            return block;
        }
    }
    return map_block(size);
}

void HugePageBlocks::give_back(HugePageBlock block) noexcept {
    Kept& k = kept();
    {
        const std::lock_guard<std::mutex> lock(k.mutex);
        if (k.bytes + block.size <= kKeptBytes && free_when_needed(block)) {
            try {
                k.blocks.push_back(block);
                k.bytes += block.size;
                return;
            } catch (const std::bad_alloc&) {
                // No room to note it: unmapped below.
            }
        }
    }
    unmap_block(block);
}

std::size_t HugePageBlocks::kept_bytes() noexcept {
    Kept& k = kept();
    const std::lock_guard<std::mutex> lock(k.mutex);
    return k.bytes;
}

}  // namespace aidtrack::python
