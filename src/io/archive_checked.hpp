#pragma once
/// \file archive_checked.hpp
/// \brief Input archives that refuse collection sizes and string lengths larger than the bytes
/// left in the payload.
///
/// Boost's loaders resize a vector or string to the count read from the archive before reading
/// a single element, so a crafted archive with a valid checksum could claim 2^60 elements and
/// exhaust memory. Every element takes at least one byte in any of the three archive kinds, so a
/// count above the bytes remaining cannot be honest: these archives throw ArchiveError instead.
/// They read exactly what the plain Boost archives read (same files, same golden archives).
///
/// Internal to the archive sources: the template bodies are instantiated in archive_checked.cpp.

#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/detail/register_archive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/serialization/collection_size_type.hpp>

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>

namespace aidtrack::archive_detail {

/// Bytes not yet read from `payload` (the archive reads an in-memory range, so this is exact).
[[nodiscard]] std::uint64_t remaining_bytes(std::streambuf& payload);
/// Throws ArchiveError when `count` elements of at least `element_bytes` each cannot fit in what
/// is left of `payload`; `what` names the kind of count in the message.
void check_claimed_count(std::uint64_t count, std::uint64_t element_bytes, std::streambuf& payload, const char* what);

/// \brief boost::archive::binary_iarchive that checks collection sizes and string lengths.
class checked_binary_iarchive
    : public boost::archive::binary_iarchive_impl<checked_binary_iarchive, std::istream::char_type,
                                                  std::istream::traits_type> {
    using base = boost::archive::binary_iarchive_impl<checked_binary_iarchive, std::istream::char_type,
                                                      std::istream::traits_type>;
    using primitive = boost::archive::basic_binary_iprimitive<checked_binary_iarchive, std::istream::char_type,
                                                              std::istream::traits_type>;

public:
    explicit checked_binary_iarchive(std::istream& in) : base(in, 0) { init(0); }
    /// Bytes of payload still to read.
    [[nodiscard]] std::uint64_t remaining() { return remaining_bytes(this->m_sb); }

    // Boost calls these through the most derived archive (interface_iarchive, load_access).
    template <class T>
    void load_override(T& t) {
        base::load_override(t);
    }
    /// Collection sizes, both the current and the pre-1.36 (unsigned int) encodings.
    void load_override(boost::serialization::collection_size_type& t);
    template <class T>
    void load(T& t) {
        primitive::load(t);
    }
    /// Length-prefixed string: the length is checked before the string is resized.
    void load(std::string& s);
    /// A bool byte other than 0 or 1 is refused (Boost asserts, and reading it would be UB).
    void load(bool& b);
};

/// \brief boost::archive::text_iarchive that checks collection sizes and string lengths.
class checked_text_iarchive : public boost::archive::text_iarchive_impl<checked_text_iarchive> {
    using base = boost::archive::text_iarchive_impl<checked_text_iarchive>;

public:
    explicit checked_text_iarchive(std::istream& in) : base(in, 0) { init(); }
    /// Bytes of payload still to read.
    [[nodiscard]] std::uint64_t remaining() { return remaining_bytes(*this->is.rdbuf()); }

    template <class T>
    void load_override(T& t) {
        base::load_override(t);
    }
    template <class T>
    void load(T& t) {
        base::load(t);
    }
    void load(boost::serialization::collection_size_type& t);
    void load(std::string& s);
};

/// \brief boost::archive::xml_iarchive that checks collection sizes (XML strings are parsed,
/// not length-prefixed, so they cannot claim more than the file holds).
class checked_xml_iarchive : public boost::archive::xml_iarchive_impl<checked_xml_iarchive> {
    using base = boost::archive::xml_iarchive_impl<checked_xml_iarchive>;

public:
    explicit checked_xml_iarchive(std::istream& in) : base(in, 0) { init(); }
    /// Bytes of payload still to read.
    [[nodiscard]] std::uint64_t remaining() { return remaining_bytes(*this->is.rdbuf()); }

    template <class T>
    void load_override(T& t) {
        base::load_override(t);
    }
    template <class T>
    void load(T& t) {
        base::load(t);
    }
    void load(boost::serialization::collection_size_type& t);
    /// Reads an element's start tag (Boost's own, with the nesting depth kept here).
    void load_start(const char* name);
    /// Reads an element's end tag and compares its name with a bounded comparison: Boost's
    /// load_end reads `name[length of the tag in the file]`, past the end of a shorter expected
    /// name (a global-buffer-overflow found by fuzz_archive).
    void load_end(const char* name);

private:
    unsigned int depth_ = 0;
};

}  // namespace aidtrack::archive_detail

BOOST_SERIALIZATION_REGISTER_ARCHIVE(aidtrack::archive_detail::checked_binary_iarchive)
BOOST_SERIALIZATION_USE_ARRAY_OPTIMIZATION(aidtrack::archive_detail::checked_binary_iarchive)
BOOST_SERIALIZATION_REGISTER_ARCHIVE(aidtrack::archive_detail::checked_text_iarchive)
BOOST_SERIALIZATION_REGISTER_ARCHIVE(aidtrack::archive_detail::checked_xml_iarchive)
