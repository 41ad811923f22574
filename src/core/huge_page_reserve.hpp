#pragma once
/// \file huge_page_reserve.hpp
/// \brief Room for a large array that is about to be written whole, backed by huge pages where
/// the kernel offers them on request.
///
/// Internal to the library. The archive loader fills each transaction column of millions of rows
/// at once; an aggregate fills tens of thousands of result cells at once. Where transparent huge
/// pages are given only on request (Linux's "madvise" setting), fresh memory is mapped 4 KiB at a
/// time, one page fault each; asked for, it comes 2 MiB at a time. Elsewhere this is only a
/// reserve().

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace aidtrack::detail {

/// Asks for huge pages over the part of [data, data + bytes) that huge pages can cover, when that
/// is at least two huge pages of memory not yet written. Advice only: a refusal changes nothing
/// but the speed.
inline void advise_huge_pages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    if (bytes < 2 * kHugePage) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

/// Reserves room for `n` elements in `array` and, when that is new memory of at least two huge
/// pages, asks for huge pages over the part of it that huge pages can cover (at least one).
template <class T>
void reserve_on_huge_pages(std::vector<T>& array, std::size_t n) {
    if (array.capacity() >= n) return;
    array.reserve(n);
    advise_huge_pages(array.data(), n * sizeof(T));
}

}  // namespace aidtrack::detail
