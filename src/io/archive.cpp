#include <aidtrack/io/archive.hpp>
#include "archive_coordination.hpp"
#include "archive_model.hpp"
#include "archive_results.hpp"

#include "../core/huge_page_reserve.hpp"
#include "archive_checked.hpp"
#include "archive_compact.hpp"
#include "atomic_file.hpp"
#include "checksum.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace aidtrack {

// Columns go in as raw blocks in binary archives (fast, 1× their size) and element by element
// in text and XML archives (portable, readable).
template <class Archive, class T>
static void save_column(Archive& ar, const char* name, const std::vector<T>& column) {
    const std::uint64_t n = column.size();
    ar << boost::serialization::make_nvp((std::string(name) + "_size").c_str(), n);
    if constexpr (archive_detail::is_binary<Archive>) {
        if (n != 0)
            ar << boost::serialization::make_binary_object(
                const_cast<T*>(column.data()),
                n * sizeof(T));  // NOLINT(cppcoreguidelines-pro-type-const-cast): Boost's API takes void*
    } else if constexpr (std::is_same_v<T, Decimal::Raw>) {
        std::vector<archive_detail::DecimalParts> parts;
        parts.reserve(column.size());
        for (auto v : column) parts.push_back(archive_detail::split(v));
        ar << boost::serialization::make_nvp(name, parts);
    } else {
        ar << boost::serialization::make_nvp(name, column);
    }
}

template <class Archive, class T>
static void load_column(Archive& ar, const char* name, std::vector<T>& column) {
    std::uint64_t n = 0;
    ar >> boost::serialization::make_nvp((std::string(name) + "_size").c_str(), n);
    // A row takes sizeof(T) bytes in a binary archive and at least one byte in text or XML:
    // refuse a count the rest of the payload cannot hold before allocating for it.
    const std::uint64_t row_bytes = archive_detail::is_binary<Archive> ? sizeof(T) : 1U;
    if (n > ar.remaining() / row_bytes) {
        throw ArchiveError(
            std::string("column '") + name + "' claims " + std::to_string(n) + " rows, more than the archive can hold",
            {}, "archive-count");
    }
    if constexpr (archive_detail::is_binary<Archive>) {
        detail::reserve_on_huge_pages(column, n);  // the rows are written once, below
        column.resize(n);
        if (n != 0) {
            auto blob = boost::serialization::make_binary_object(column.data(), n * sizeof(T));
            ar >> blob;
        }
    } else if constexpr (std::is_same_v<T, Decimal::Raw>) {
        std::vector<archive_detail::DecimalParts> parts;
        ar >> boost::serialization::make_nvp(name, parts);
        column.clear();
        for (const auto& p : parts) column.push_back(archive_detail::join(p));
    } else {
        ar >> boost::serialization::make_nvp(name, column);
    }
    if (column.size() != n) throw ArchiveError(std::string("column '") + name + "' has the wrong length");
}

template <class Archive>
static void save_transactions(Archive& ar, const TransactionTable& t) {
    const std::vector<std::string> strings = t.strings().strings();
    ar << boost::serialization::make_nvp("strings", strings);
#define AIDTRACK_SAVE(name) save_column(ar, #name, t.name);
    AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_SAVE)
#undef AIDTRACK_SAVE
}

template <class Archive>
static void load_transactions(Archive& ar, TransactionTable& t) {
    std::vector<std::string> strings;
    ar >> boost::serialization::make_nvp("strings", strings);
    t.clear();
    if (strings.empty() || !strings.front().empty())
        throw ArchiveError("transaction string pool does not start with the empty string");
    for (std::size_t i = 1; i < strings.size(); ++i) {
        if (t.strings().intern(strings[i]) != i) throw ArchiveError("transaction string pool holds a duplicate");
    }
#define AIDTRACK_LOAD(name) load_column(ar, #name, t.name);
    AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_LOAD)
#undef AIDTRACK_LOAD
    // Every column as long as the first, every index inside the pool: a loaded table is safe to scan.
    const std::size_t n = t.activity.size();
    const std::size_t pool = t.strings().size();
    bool sound = true;
#define AIDTRACK_CHECK_LENGTH(name) sound = sound && t.name.size() == n;
    AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_CHECK_LENGTH)
#undef AIDTRACK_CHECK_LENGTH
    if (!sound) throw ArchiveError("transaction columns differ in length");
    for (const auto* column : {&t.ref, &t.provider_org, &t.provider_activity, &t.receiver_org, &t.receiver_activity,
                               &t.aid_type, &t.finance_type, &t.flow_type, &t.tied_status, &t.disbursement_channel,
                               &t.sector_vocabulary, &t.sector_code, &t.recipient_country, &t.recipient_region}) {
        for (auto index : *column) {
            if (index >= pool) throw ArchiveError("transaction column refers outside the string pool");
        }
    }
}

template <class Archive>
void serialize_portfolio(Archive& ar, Portfolio& p, unsigned int /*version*/) {
    using boost::serialization::make_nvp;
    if constexpr (Archive::is_saving::value) {
        ar << make_nvp("activities", p.activities_);
        ar << make_nvp("organisations", p.organisations_);
        save_transactions(ar, p.transactions_);
        ar << make_nvp("budgets", p.budgets_);
        ar << make_nvp("planned_disbursements", p.planned_disbursements_);
        ar << make_nvp("results", p.results_);
        ar << make_nvp("coordination", p.coordination_);
        ar << make_nvp("diagnostics", p.diagnostics_);
    } else {
        std::vector<Activity> activities;
        std::vector<Organisation> organisations;
        ar >> make_nvp("activities", activities);
        ar >> make_nvp("organisations", organisations);
        Portfolio loaded;
        loaded.add_activities(std::move(activities));
        for (auto& o : organisations) loaded.upsert_organisation(std::move(o));
        load_transactions(ar, loaded.transactions_);
        for (auto a : loaded.transactions_.activity) {
            if (a >= loaded.activities_.size())
                throw ArchiveError("transaction of an activity that is not in the archive");
        }
        ar >> make_nvp("budgets", loaded.budgets_);
        ar >> make_nvp("planned_disbursements", loaded.planned_disbursements_);
        for (const auto& b : loaded.budgets_) {
            if (b.activity >= loaded.activities_.size())
                throw ArchiveError("budget of an activity that is not in the archive");
        }
        for (const auto& pd : loaded.planned_disbursements_) {
            if (pd.activity >= loaded.activities_.size())
                throw ArchiveError("planned disbursement of an activity that is not in the archive");
        }
        ar >> make_nvp("results", loaded.results_);
        ar >> make_nvp("coordination", loaded.coordination_);
        ar >> make_nvp("diagnostics", loaded.diagnostics_);
        p = std::move(loaded);
    }
}

}  // namespace aidtrack

namespace boost::serialization {
template <class Archive>
void serialize(Archive& ar, aidtrack::Portfolio& p, unsigned int version) {
    aidtrack::serialize_portfolio(ar, p, version);
}
}  // namespace boost::serialization
BOOST_CLASS_VERSION(aidtrack::Portfolio, 0)

namespace aidtrack {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8U * static_cast<unsigned>(i))) & 0xFFU));
}
void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8U * static_cast<unsigned>(i))) & 0xFFU));
}
std::uint64_t get_le(const char* in, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8U) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
    return v;
}
// Reads a byte range in place: the archive payload is deserialized without a second copy.
class ByteRangeBuffer : public std::streambuf {
public:
    ByteRangeBuffer(const char* data, std::size_t size) {
        char* begin = const_cast<char*>(data);  // NOLINT(cppcoreguidelines-pro-type-const-cast): get area is only read
        setg(begin, begin, begin + size);
    }
};

}  // namespace

ArchiveFormat archive_format_from_string(const std::string& name) {
    if (name == "compact") return ArchiveFormat::compact;
    if (name == "binary") return ArchiveFormat::binary;
    if (name == "text") return ArchiveFormat::text;
    if (name == "xml") return ArchiveFormat::xml;
    throw ValidationError("unknown archive format '" + name + "' (compact, binary, text or xml)");
}

namespace {

// The header in front of a payload of `size` bytes whose CRC-32 is `crc`.
std::string header_bytes(ArchiveFormat format, std::uint64_t size, std::uint32_t crc) {
    std::string header(ArchiveHeader::kMagic, sizeof ArchiveHeader::kMagic);
    put_u32(header, ArchiveHeader::kFormatVersion);
    put_u32(header, static_cast<std::uint32_t>(format));
    put_u64(header, size);
    put_u32(header, crc);
    put_u32(header, 0);
    return header;
}

}  // namespace

std::string portfolio_to_bytes(const Portfolio& portfolio, ArchiveFormat format) {
    auto& p = const_cast<Portfolio&>(
        portfolio);  // NOLINT(cppcoreguidelines-pro-type-const-cast): Boost saves through a non-const reference
    // The payload is written after room for the header, which is filled in last: the archive
    // is built in one string, never copied.
    std::string out(ArchiveHeader::kSize, '\0');
    if (format == ArchiveFormat::compact) {
        // Room for a generous estimate up front: growing the string by doubling copied the
        // archive about twice and touched twice its pages; room reserved but never written is
        // not backed by memory.
        out.reserve(ArchiveHeader::kSize + portfolio.transactions().column_bytes() + 4096 * portfolio.activity_count() +
                    512 * portfolio.diagnostics().size() +
                    256 * (portfolio.budgets().size() + portfolio.planned_disbursements().size()) + (1U << 20));
        archive_detail::compact_oarchive ar(out);
        ar << boost::serialization::make_nvp("portfolio", p);
    } else {
        std::ostringstream payload_stream(std::ios::binary);
        switch (format) {
            case ArchiveFormat::binary: {
                boost::archive::binary_oarchive ar(payload_stream);
                ar << boost::serialization::make_nvp("portfolio", p);
                break;
            }
            case ArchiveFormat::text: {
                boost::archive::text_oarchive ar(payload_stream);
                ar << boost::serialization::make_nvp("portfolio", p);
                break;
            }
            case ArchiveFormat::xml: {
                boost::archive::xml_oarchive ar(payload_stream);
                ar << boost::serialization::make_nvp("portfolio", p);
                break;
            }
            case ArchiveFormat::compact:
                break;
        }
        out += std::move(payload_stream).str();
    }
    const std::uint64_t size = out.size() - ArchiveHeader::kSize;
    out.replace(0, ArchiveHeader::kSize,
                header_bytes(format, size, archive_detail::crc32_of(out.data() + ArchiveHeader::kSize, size)));
    return out;
}

namespace {

// The header's fields, checked against the archive's total size.
ArchiveHeader read_header(const char* data, std::uint64_t total, const SourceLocation& where) {
    if (total < ArchiveHeader::kSize || std::memcmp(data, ArchiveHeader::kMagic, sizeof ArchiveHeader::kMagic) != 0) {
        throw ArchiveError("not an aidtrack archive (no AIDTRACK header)", where, "archive-magic");
    }
    ArchiveHeader h;
    h.format_version = static_cast<std::uint32_t>(get_le(data, 8, 4));
    const auto kind = static_cast<std::uint32_t>(get_le(data, 12, 4));
    h.payload_size = get_le(data, 16, 8);
    h.crc32 = static_cast<std::uint32_t>(get_le(data, 24, 4));
    if (h.format_version == 0 || h.format_version > ArchiveHeader::kFormatVersion) {
        throw ArchiveError("archive format version " + std::to_string(h.format_version) +
                               " is not one this library reads (up to " +
                               std::to_string(ArchiveHeader::kFormatVersion) + ")",
                           where, "archive-version");
    }
    if (kind > 3) throw ArchiveError("unknown archive kind " + std::to_string(kind), where, "archive-kind");
    h.format = static_cast<ArchiveFormat>(kind);
    if (h.payload_size != total - ArchiveHeader::kSize) {
        throw ArchiveError("archive is truncated or has trailing bytes: header says " + std::to_string(h.payload_size) +
                               " payload bytes, file has " + std::to_string(total - ArchiveHeader::kSize),
                           where, "archive-size");
    }
    return h;
}

// Runs a load, turning whatever goes wrong inside it into an ArchiveError that names the file.
template <class Load>
void translating_errors(const SourceLocation& where, Load&& load) {
    try {
        load();
    } catch (const ArchiveError& e) {
        throw ArchiveError(e.message(), where, e.rule());
    } catch (const IoError& e) {
        throw IoError(e.message(), where, e.rule());
    } catch (const Error& e) {
        throw ArchiveError("archive holds invalid data: " + e.message(), where, "archive-content");
    } catch (const boost::archive::archive_exception& e) {
        throw ArchiveError(std::string("cannot read archive: ") + e.what(), where, "archive-content");
    } catch (const std::bad_alloc&) {
        throw ArchiveError("archive claims more memory than is available", where, "archive-content");
    } catch (const std::exception& e) {
        throw ArchiveError(std::string("cannot read archive: ") + e.what(), where, "archive-content");
    }
}

void expect_end(const archive_detail::compact_iarchive& ar) {
    if (!ar.at_end()) throw ArchiveError("archive has bytes after the portfolio", {}, "archive-size");
}

}  // namespace

Portfolio portfolio_from_bytes(const std::string& bytes, const std::string& name) {
    const SourceLocation where{name, 0, {}};
    const ArchiveHeader header = read_header(bytes.data(), bytes.size(), where);
    const std::uint64_t size = header.payload_size;
    if (archive_detail::crc32_of(bytes.data() + ArchiveHeader::kSize, size) != header.crc32) {
        throw ArchiveError("archive checksum does not match: the file is corrupted", where, "archive-checksum");
    }
    ByteRangeBuffer payload(bytes.data() + ArchiveHeader::kSize, size);
    std::istream in(&payload);
    Portfolio out;
    translating_errors(where, [&] {
        switch (header.format) {
            case ArchiveFormat::compact: {
                archive_detail::compact_iarchive ar(bytes.data() + ArchiveHeader::kSize, size);
                ar >> boost::serialization::make_nvp("portfolio", out);
                expect_end(ar);
                break;
            }
            case ArchiveFormat::binary: {
                archive_detail::checked_binary_iarchive ar(in);
                ar >> boost::serialization::make_nvp("portfolio", out);
                break;
            }
            case ArchiveFormat::text: {
                archive_detail::checked_text_iarchive ar(in);
                ar >> boost::serialization::make_nvp("portfolio", out);
                break;
            }
            case ArchiveFormat::xml: {
                archive_detail::checked_xml_iarchive ar(in);
                ar >> boost::serialization::make_nvp("portfolio", out);
                break;
            }
        }
    });
    return out;
}

void write_file_atomically(const std::string& path, const std::string& bytes,
                           const std::function<void()>& before_rename) {
    archive_detail::AtomicFile file(path);
    file.append(bytes);
    file.commit(before_rename);
}

void save_portfolio(const Portfolio& portfolio, const std::string& path, ArchiveFormat format) {
    if (format != ArchiveFormat::compact) {
        write_file_atomically(path, portfolio_to_bytes(portfolio, format));
        return;
    }
    // Straight to the file through a buffer of about a megabyte (columns pass uncopied), the
    // CRC computed on the way, the header written last: the bytes of portfolio_to_bytes(), with
    // no memory for the whole archive (which cost, in fresh pages, more than building it).
    auto& p = const_cast<Portfolio&>(
        portfolio);  // NOLINT(cppcoreguidelines-pro-type-const-cast): Boost saves through a non-const reference
    archive_detail::AtomicFile file(path);
    file.append(std::string(ArchiveHeader::kSize, '\0'));
    std::uint64_t size = 0;
    std::uint32_t crc = 0;
    constexpr std::size_t kPiece = std::size_t{1} << 20;
    std::string buffer;
    buffer.reserve(kPiece + 64);
    archive_detail::compact_oarchive ar(
        buffer,
        [&](std::string_view bytes) {
            crc = archive_detail::crc32_update(crc, bytes.data(), bytes.size());
            size += bytes.size();
            file.append(bytes);
        },
        kPiece);
    ar << boost::serialization::make_nvp("portfolio", p);
    ar.finish();
    file.overwrite(0, header_bytes(format, size, crc));
    file.commit();
}

namespace {

// Closes a file descriptor when the load is over, however it ends.
struct FileCloser {
    int fd;
    ~FileCloser() { ::close(fd); }
};

// The CRC-32 of the `size` payload bytes after the header, read again from the file.
std::uint32_t payload_checksum(int fd, std::uint64_t size) {
    std::vector<char> block(std::size_t{1} << 20);
    std::uint32_t crc = 0;
    std::uint64_t at = ArchiveHeader::kSize;
    const std::uint64_t end = at + size;
    while (at < end) {
        const ssize_t n =
            ::pread(fd, block.data(), static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), end - at)),
                    static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        crc = archive_detail::crc32_update(crc, block.data(), static_cast<std::size_t>(n));
        at += static_cast<std::uint64_t>(n);
    }
    return crc;
}

}  // namespace

Portfolio load_portfolio(const std::string& path) {
    const SourceLocation where{path, 0, {}};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError("cannot open archive '" + path + "': " + std::strerror(errno), where);
    const FileCloser closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) throw IoError("cannot read archive '" + path + "': " + std::strerror(errno), where);
    // A directory opens on Linux and fails only when read: refuse it by name.
    if (S_ISDIR(info.st_mode)) throw IoError("cannot read archive '" + path + "': it is a directory", where);
    const auto total = static_cast<std::uint64_t>(info.st_size);
    auto read_exactly = [&](char* to, std::size_t size) {
        std::size_t done = 0;
        while (done < size) {
            const ssize_t n = ::read(fd, to + done, size - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0)
                throw IoError("cannot read archive '" + path + "'" +
                                  (n < 0 ? std::string(": ") + std::strerror(errno) : std::string(": it ended early")),
                              where);
            done += static_cast<std::size_t>(n);
        }
    };
    char head[ArchiveHeader::kSize];
    if (total < ArchiveHeader::kSize) {
        std::string bytes(static_cast<std::size_t>(total), '\0');
        read_exactly(bytes.data(), bytes.size());
        return portfolio_from_bytes(bytes, path);  // refuses it with the header's own message
    }
    read_exactly(head, sizeof head);
    const ArchiveHeader header = read_header(head, total, where);
    if (header.format == ArchiveFormat::compact) {
        // Straight from the file into the Portfolio, the CRC computed on the way and checked
        // before the Portfolio is handed out: memory holds the Portfolio and one block.
        Portfolio out;
        const ArchiveError corrupted("archive checksum does not match: the file is corrupted", where,
                                     "archive-checksum");
        try {
            translating_errors(where, [&] {
                archive_detail::compact_iarchive ar(fd, header.payload_size);
                ar >> boost::serialization::make_nvp("portfolio", out);
                expect_end(ar);
                if (!ar.verify_checksum(header.crc32)) throw corrupted;
            });
        } catch (const ArchiveError& e) {
            // A damaged file usually fails inside the payload first: say it is damaged when the
            // checksum of the whole payload confirms it, else report what the reading found.
            if (e.rule() != "archive-checksum" && payload_checksum(fd, header.payload_size) != header.crc32)
                throw corrupted;
            throw;
        }
        return out;
    }
    std::string bytes(static_cast<std::size_t>(total), '\0');
    std::memcpy(bytes.data(), head, sizeof head);
    read_exactly(bytes.data() + sizeof head, bytes.size() - sizeof head);
    return portfolio_from_bytes(bytes, path);
}

void Portfolio::save(const std::string& path, const std::string& format) const {
    save_portfolio(*this, path, archive_format_from_string(format));
}

Portfolio Portfolio::load(const std::string& path) { return load_portfolio(path); }

}  // namespace aidtrack
