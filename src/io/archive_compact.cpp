/// \file archive_compact.cpp
/// \brief Reading a compact payload from a file (see archive_compact.hpp).
#include "archive_compact.hpp"

#include "checksum.hpp"

#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace aidtrack::archive_detail {

void compact_iarchive::read_file(char* to, std::size_t size) {
    if (size > unread_) throw ArchiveError("archive ends in the middle of a record", {}, "archive-size");
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd_, to + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError(std::string("cannot read archive: ") + std::strerror(errno));
        if (n == 0)
            throw ArchiveError("archive file ends before its payload does (it changed while being read?)", {},
                               "archive-size");
        done += static_cast<std::size_t>(n);
    }
    crc_ = crc32_update(crc_, to, size);
    unread_ -= size;
}

}  // namespace aidtrack::archive_detail
