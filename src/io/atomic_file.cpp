/// \file atomic_file.cpp
/// \brief Writing a file under a temporary name and renaming it when complete (see atomic_file.hpp).

#include "atomic_file.hpp"

#include <aidtrack/core/error.hpp>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace aidtrack::archive_detail {

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temporary_(path_ + ".tmp-" + std::to_string(::getpid())) {
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) throw IoError("cannot create '" + temporary_ + "': " + std::strerror(errno), {path_, 0, {}});
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicFile::fail(const std::string& what) {
    const std::string reason = std::strerror(errno);
    throw IoError("cannot " + what + " '" + temporary_ + "': " + reason, {path_, 0, {}});
}

void AtomicFile::append(std::string_view bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write");
        }
        written += static_cast<std::size_t>(n);
    }
}

void AtomicFile::overwrite(std::uint64_t offset, std::string_view bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n =
            ::pwrite(fd_, bytes.data() + written, bytes.size() - written, static_cast<off_t>(offset + written));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write");
        }
        written += static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit(const std::function<void()>& before_rename) {
    if (::fsync(fd_) != 0) fail("flush");
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) throw IoError("cannot close '" + temporary_ + "'", {path_, 0, {}});
    if (before_rename) before_rename();  // the destructor removes the temporary file if it throws
    if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
        throw IoError("cannot replace '" + path_ + "': " + std::strerror(errno), {path_, 0, {}});
    }
    temporary_.clear();  // renamed: nothing to remove
    // Make the rename itself durable: without syncing the directory a power cut can bring
    // back the old name. Failing to sync is not an error for the caller (the data is written).
    const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
    const std::string directory = parent.empty() ? std::string(".") : parent.string();
    const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
}

}  // namespace aidtrack::archive_detail
