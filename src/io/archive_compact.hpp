#pragma once
/// \file archive_compact.hpp
/// \brief The compact archive: the same serialize() functions as the Boost archives, written
/// without Boost's per-object machinery.
///
/// Boost's binary archive looks every object's class up in a registry (string comparisons of
/// type keys) and keeps per-object bookkeeping; for a portfolio of many small records (names,
/// narratives, codes) that costs more than the data. These two classes model the Boost archive
/// concept (is_saving / is_loading, operator<< / >> / &, nvp, split_free) and call the very
/// serialize() functions of io/archive_*.hpp, so the two formats cannot drift apart. What they
/// write: numbers as raw little-endian bytes, counts and string lengths as LEB128, vectors of
/// numbers as one block, and each class's version once, the first time the class occurs (as
/// Boost does), so fields added later stay readable. Nothing is tracked: the model holds no
/// pointers.
///
/// Internal to archives: include only from archive sources.

#include <aidtrack/core/error.hpp>

#include <boost/mpl/bool.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/collection_size_type.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/serialization.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace aidtrack::archive_detail {

/// \brief A process-wide small number per serialized class, so an archive can remember which
/// classes it has met in a vector instead of a map keyed by type.
class ClassSlots {
public:
    template <class T>
    static std::size_t of() {
        static const std::size_t slot = next().fetch_add(1);
        return slot;
    }

private:
    static std::atomic<std::size_t>& next() {
        static std::atomic<std::size_t> counter{0};
        return counter;
    }
};

template <class T>
struct is_std_vector : std::false_type {};
template <class T, class A>
struct is_std_vector<std::vector<T, A>> : std::true_type {};

/// \brief Writes the compact archive into a string, or through a small buffer to a sink.
class compact_oarchive {
public:
    using is_saving = boost::mpl::bool_<true>;
    using is_loading = boost::mpl::bool_<false>;
    /// Receives the archive's bytes in order.
    using Sink = std::function<void(std::string_view)>;

    /// Appends every byte to `out`.
    explicit compact_oarchive(std::string& out) : out_(out) {}
    /// Hands the bytes to `sink` whenever `buffer` holds `piece` of them (blocks at least that
    /// large go straight through); finish() hands over the rest. A file written this way never
    /// needs memory for the whole archive.
    compact_oarchive(std::string& buffer, Sink sink, std::size_t piece)
        : out_(buffer), sink_(std::move(sink)), limit_(piece) {}

    /// Hands the buffered bytes to the sink (nothing without one).
    void finish() {
        if (sink_ && !out_.empty()) {
            sink_(out_);
            out_.clear();
        }
    }

    template <class T>
    compact_oarchive& operator<<(const T& value) {
        save(value);
        return *this;
    }
    template <class T>
    compact_oarchive& operator&(const T& value) {
        return *this << value;
    }
    [[nodiscard]] unsigned int get_library_version() const { return 0; }

private:
    template <class T>
    void save(const boost::serialization::nvp<T>& named) {
        save(named.const_value());
    }
    void save(const boost::serialization::binary_object& blob) { put_raw(blob.m_t, blob.m_size); }
    void save(const boost::serialization::collection_size_type& count) { put_count(count); }
    void save(const std::string& text) {
        put_count(text.size());
        put_raw(text.data(), text.size());
    }
    template <class T>
    void save(const T& value) {
        if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
            put_raw(&value, sizeof value);
        } else if constexpr (is_std_vector<T>::value) {
            using Element = typename T::value_type;
            static_assert(!std::is_same_v<Element, bool>, "std::vector<bool> is not stored by the model");
            put_count(value.size());
            if constexpr (std::is_arithmetic_v<Element>) {
                if (!value.empty()) put_raw(value.data(), value.size() * sizeof(Element));
            } else {
                for (const auto& element : value) save(element);
            }
        } else {
            const std::size_t slot = ClassSlots::of<T>();
            if (slot >= met_.size()) met_.resize(slot + 1, 0);
            const unsigned int version = boost::serialization::version<T>::value;
            if (met_[slot] == 0) {
                met_[slot] = 1;
                put_count(version);
            }
            boost::serialization::serialize_adl(*this, const_cast<T&>(value),
                                                version);  // NOLINT(cppcoreguidelines-pro-type-const-cast): Boost's
                                                           // serialize takes T& for both directions
        }
    }
    void put_raw(const void* data, std::size_t size) {
        if (size >= limit_) {  // a large block (a column): past the buffer, uncopied
            finish();
            sink_(std::string_view(static_cast<const char*>(data), size));
            return;
        }
        out_.append(static_cast<const char*>(data), size);
        if (out_.size() >= limit_) finish();
    }
    void put_count(std::uint64_t n) {
        do {
            const auto byte = static_cast<unsigned char>(n & 0x7FU);
            n >>= 7U;
            out_.push_back(static_cast<char>(n != 0 ? byte | 0x80U : byte));
        } while (n != 0);
        if (out_.size() >= limit_) finish();
    }

    std::string& out_;
    Sink sink_;
    std::size_t limit_ = std::numeric_limits<std::size_t>::max();  // no sink: never reached
    std::vector<unsigned char> met_;
};

/// \brief Reads the compact archive from a byte range or straight from a file; every count is
/// checked against the bytes left before anything is allocated for it, and running past the
/// end throws.
///
/// From a file the payload is read a block at a time (large blocks, such as transaction
/// columns, straight into their place) and its CRC-32 is computed on the way: memory holds the
/// Portfolio being built and one block, never the file. verify_checksum() then tells whether
/// what was read is what was written.
class compact_iarchive {
public:
    using is_saving = boost::mpl::bool_<false>;
    using is_loading = boost::mpl::bool_<true>;

    /// Reads `size` bytes at `data` (already checked by the caller).
    compact_iarchive(const char* data, std::size_t size) : at_(data), end_(data + size) {}
    /// Reads `size` bytes from the file descriptor `fd`, from its current offset.
    compact_iarchive(int fd, std::uint64_t size)
        : fd_(fd), buffer_(kBlock), at_(buffer_.data()), end_(buffer_.data()), unread_(size) {}

    template <class T>
    compact_iarchive& operator>>(T& value) {
        load(value);
        return *this;
    }
    template <class T>
    compact_iarchive& operator>>(const boost::serialization::nvp<T>& named) {
        load(named.value());
        return *this;
    }
    compact_iarchive& operator>>(const boost::serialization::binary_object& blob) {
        load_block(blob);
        return *this;
    }
    template <class T>
    compact_iarchive& operator&(T& value) {
        return *this >> value;
    }
    template <class T>
    compact_iarchive& operator&(const boost::serialization::nvp<T>& named) {
        return *this >> named;
    }
    [[nodiscard]] unsigned int get_library_version() const { return 0; }
    /// Bytes not read yet.
    [[nodiscard]] std::uint64_t remaining() const { return static_cast<std::uint64_t>(end_ - at_) + unread_; }
    /// True when every byte was read.
    [[nodiscard]] bool at_end() const { return remaining() == 0; }
    /// Reading from a file: whether the CRC-32 of every byte read equals `expected`.
    [[nodiscard]] bool verify_checksum(std::uint32_t expected) const { return crc_ == expected; }

private:
    void load(boost::serialization::binary_object& blob) { load_block(blob); }
    // A binary object names the caller's writable block through a const pointer (Boost's type).
    void load_block(const boost::serialization::binary_object& blob) {
        take(const_cast<void*>(blob.m_t), blob.m_size);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    }
    void load(boost::serialization::collection_size_type& count) {
        count = boost::serialization::collection_size_type(get_count(1));
    }
    void load(std::string& text) {
        const auto n = static_cast<std::size_t>(get_count(1));
        if (n <= static_cast<std::size_t>(end_ - at_)) {
            text.assign(at_, n);
            at_ += n;
        } else {
            text.resize(n);
            take(text.data(), n);
        }
    }
    template <class T>
    void load(T& value) {
        if constexpr (std::is_same_v<T, bool>) {
            unsigned char byte = 0;
            take(&byte, 1);
            if (byte > 1) throw ArchiveError("archive holds a truth value other than 0 or 1", {}, "archive-content");
            value = byte == 1;
        } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
            take(&value, sizeof value);
        } else if constexpr (is_std_vector<T>::value) {
            using Element = typename T::value_type;
            if constexpr (std::is_arithmetic_v<Element>) {
                const std::uint64_t n = get_count(sizeof(Element));
                value.resize(static_cast<std::size_t>(n));
                if (n != 0) take(value.data(), static_cast<std::size_t>(n) * sizeof(Element));
            } else {
                const std::uint64_t n = get_count(1);  // every record takes at least one byte
                value.clear();
                value.resize(static_cast<std::size_t>(n));
                for (auto& element : value) load(element);
            }
        } else {
            const std::size_t slot = ClassSlots::of<T>();
            if (slot >= versions_.size()) versions_.resize(slot + 1, kUnseen);
            if (versions_[slot] == kUnseen) {
                const std::uint64_t version = get_count(0);
                if (version > boost::serialization::version<T>::value) {
                    throw ArchiveError(
                        "archive written by a newer aidtrack (class version " + std::to_string(version) + ")", {},
                        "archive-version");
                }
                versions_[slot] = static_cast<unsigned int>(version);
            }
            boost::serialization::serialize_adl(*this, value, versions_[slot]);
        }
    }
    void take(void* out, std::size_t size) {
        if (size > remaining()) throw ArchiveError("archive ends in the middle of a record", {}, "archive-size");
        auto* to = static_cast<char*>(out);
        const auto buffered = static_cast<std::size_t>(end_ - at_);
        if (size <= buffered) {
            std::memcpy(to, at_, size);
            at_ += size;
            return;
        }
        std::memcpy(to, at_, buffered);
        at_ = end_;
        to += buffered;
        size -= buffered;
        if (size >= buffer_.size()) {  // a large block goes straight from the file into place
            read_file(to, size);
            return;
        }
        refill();
        std::memcpy(to, at_, size);
        at_ += size;
    }
    unsigned char next_byte() {
        if (at_ == end_) {
            if (unread_ == 0) throw ArchiveError("archive ends in the middle of a count", {}, "archive-size");
            refill();
        }
        return static_cast<unsigned char>(*at_++);
    }
    void refill() {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(buffer_.size(), unread_));
        read_file(buffer_.data(), n);
        at_ = buffer_.data();
        end_ = buffer_.data() + n;
    }
    void read_file(char* to, std::size_t size);
    // A LEB128 count of things that take at least `unit` bytes each, checked against the rest.
    std::uint64_t get_count(std::size_t unit) {
        std::uint64_t n = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (shift > 63) throw ArchiveError("archive holds a count longer than 64 bits", {}, "archive-content");
            const unsigned char byte = next_byte();
            n |= static_cast<std::uint64_t>(byte & 0x7FU) << shift;
            if ((byte & 0x80U) == 0) break;
        }
        if (unit != 0 && n > remaining() / unit) {
            throw ArchiveError("archive claims " + std::to_string(n) + " items, more than its remaining bytes can hold",
                               {}, "archive-count");
        }
        return n;
    }

    static constexpr unsigned int kUnseen = ~0U;
    static constexpr std::size_t kBlock = std::size_t{1} << 20;
    int fd_ = -1;
    std::vector<char> buffer_;
    const char* at_;
    const char* end_;
    std::uint64_t unread_ = 0;  // payload bytes still in the file
    std::uint32_t crc_ = 0;     // CRC-32 of the bytes read from the file so far
    std::vector<unsigned int> versions_;
};

}  // namespace aidtrack::archive_detail
