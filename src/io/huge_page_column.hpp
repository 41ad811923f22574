#pragma once
/// \file huge_page_column.hpp
/// \brief Room for a large column that is about to be written whole, backed by huge pages where
/// the kernel offers them on request.
///
/// Internal to the library: the archive loader fills each transaction column of millions of rows
/// at once. Where transparent huge pages are given only on request (Linux's "madvise" setting),
/// fresh memory is mapped 4 KiB at a time, one page fault each; asked for, it comes 2 MiB at a
/// time. Elsewhere this is only a reserve().

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace aidtrack::archive_detail {

/// Reserves room for `rows` values in `column` and, when that is several huge pages of memory
/// not yet written, asks for huge pages over the part of it that huge pages can cover. Advice
/// only: a refusal changes nothing but the speed.
template <class T>
void reserve_huge_page_column(std::vector<T>& column, std::size_t rows) {
    const bool fresh = column.capacity() < rows;
    column.reserve(rows);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    if (!fresh || rows * sizeof(T) < 4 * kHugePage) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(column.data());
    const std::uintptr_t end = begin + column.capacity() * sizeof(T);
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t last = end & ~(kHugePage - 1);
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)fresh;
#endif
}

}  // namespace aidtrack::archive_detail
