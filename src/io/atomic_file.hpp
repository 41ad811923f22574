#pragma once
/// \file atomic_file.hpp
/// \brief A file written beside its final name and renamed over it only when complete, so that
/// a failure at any point leaves the previous file intact.
///
/// Internal to the library: behind save_portfolio() and write_file_atomically().

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace aidtrack::archive_detail {

/// \brief A temporary file beside `path`, written in pieces, then flushed and renamed over
/// `path` by commit(). Destroyed without a commit, it removes the temporary file.
class AtomicFile {
public:
    /// Creates the temporary file; throws IoError naming `path`.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&&) = delete;
    AtomicFile& operator=(AtomicFile&&) = delete;

    /// Appends `bytes`; throws IoError (a full disk, for one).
    void append(std::string_view bytes);
    /// Overwrites bytes already appended, from `offset` (a header filled in last).
    void overwrite(std::uint64_t offset, std::string_view bytes);
    /// Flushes the data to disk, runs `before_rename`, then renames the file over `path` and
    /// syncs its directory. Throws IoError, or what `before_rename` throws, and leaves `path`
    /// as it was.
    void commit(const std::function<void()>& before_rename = {});

private:
    [[noreturn]] void fail(const std::string& what);

    std::string path_;
    std::string temporary_;
    int fd_ = -1;
};

}  // namespace aidtrack::archive_detail
