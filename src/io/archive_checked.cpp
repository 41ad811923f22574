/// \file archive_checked.cpp
/// \brief The checks of the count-checking input archives, and the instantiation of Boost's
/// archive templates for them (Boost ships the bodies as .ipp files for derived archives).
#include "archive_checked.hpp"

#include <aidtrack/core/error.hpp>

#include <boost/archive/detail/archive_serializer_map.hpp>
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/basic_xml_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/archive/impl/xml_iarchive_impl.ipp>
#include <boost/archive/xml_archive_exception.hpp>

namespace aidtrack::archive_detail {

std::uint64_t remaining_bytes(std::streambuf& payload) {
    const std::streamsize left = payload.in_avail();
    return left > 0 ? static_cast<std::uint64_t>(left) : 0U;
}

void check_claimed_count(std::uint64_t count, std::uint64_t element_bytes, std::streambuf& payload, const char* what) {
    const std::uint64_t left = remaining_bytes(payload);
    if (element_bytes != 0 && count > left / element_bytes) {
        throw ArchiveError(std::string(what) + " claims " + std::to_string(count) + " elements but only " +
                               std::to_string(left) + " bytes of payload remain",
                           {}, "archive-count");
    }
}

void checked_binary_iarchive::load_override(boost::serialization::collection_size_type& t) {
    base::load_override(t);
    check_claimed_count(static_cast<std::size_t>(t), 1, this->m_sb, "a collection");
}

void checked_binary_iarchive::load(std::string& s) {
    std::size_t length = 0;
    primitive::load(length);
    check_claimed_count(length, 1, this->m_sb, "a string");
    s.resize(length);
    if (length != 0) this->load_binary(s.data(), length);
}

void checked_binary_iarchive::load(bool& b) {
    unsigned char byte = 0;
    this->load_binary(&byte, 1);
    if (byte > 1)
        throw ArchiveError("a flag holds the byte " + std::to_string(byte) + ", not 0 or 1", {}, "archive-content");
    b = byte == 1;
}

void checked_text_iarchive::load(boost::serialization::collection_size_type& t) {
    base::load(t);
    check_claimed_count(static_cast<std::size_t>(t), 1, *this->is.rdbuf(), "a collection");
}

void checked_text_iarchive::load(std::string& s) {
    // Same layout as text_iarchive_impl::load(std::string&): length, one space, the bytes.
    std::size_t length = 0;
    base::load(length);
    this->is.get();
    check_claimed_count(length, 1, *this->is.rdbuf(), "a string");
    s.resize(length);
    if (length != 0) this->is.read(s.data(), static_cast<std::streamsize>(length));
}

void checked_xml_iarchive::load(boost::serialization::collection_size_type& t) {
    base::load(t);
    check_claimed_count(static_cast<std::size_t>(t), 1, *this->is.rdbuf(), "a collection");
}

void checked_xml_iarchive::load_start(const char* name) {
    if (name == nullptr) return;
    if (!this->gimpl->parse_start_tag(this->get_is())) {
        boost::serialization::throw_exception(
            boost::archive::archive_exception(boost::archive::archive_exception::input_stream_error));
    }
    ++depth_;
}

void checked_xml_iarchive::load_end(const char* name) {
    if (name == nullptr) return;
    if (!this->gimpl->parse_end_tag(this->get_is())) {
        boost::serialization::throw_exception(
            boost::archive::archive_exception(boost::archive::archive_exception::input_stream_error));
    }
    // The outermost tag is not checked (as in Boost); a depth already at 0 means more end tags
    // than start tags, which is a mismatch too.
    if (depth_ == 0) {
        boost::serialization::throw_exception(boost::archive::xml_archive_exception(
            boost::archive::xml_archive_exception::xml_archive_tag_mismatch, name));
    }
    if (--depth_ == 0) return;
    if ((this->get_flags() & boost::archive::no_xml_tag_checking) == 0 && this->gimpl->rv.object_name != name) {
        boost::serialization::throw_exception(boost::archive::xml_archive_exception(
            boost::archive::xml_archive_exception::xml_archive_tag_mismatch, name));
    }
}

}  // namespace aidtrack::archive_detail

namespace boost::archive {
template class detail::archive_serializer_map<aidtrack::archive_detail::checked_binary_iarchive>;
template class basic_binary_iarchive<aidtrack::archive_detail::checked_binary_iarchive>;
template class basic_binary_iprimitive<aidtrack::archive_detail::checked_binary_iarchive, std::istream::char_type,
                                       std::istream::traits_type>;
template class binary_iarchive_impl<aidtrack::archive_detail::checked_binary_iarchive, std::istream::char_type,
                                    std::istream::traits_type>;
template class detail::archive_serializer_map<aidtrack::archive_detail::checked_text_iarchive>;
template class basic_text_iarchive<aidtrack::archive_detail::checked_text_iarchive>;
template class text_iarchive_impl<aidtrack::archive_detail::checked_text_iarchive>;
template class detail::archive_serializer_map<aidtrack::archive_detail::checked_xml_iarchive>;
template class basic_xml_iarchive<aidtrack::archive_detail::checked_xml_iarchive>;
template class xml_iarchive_impl<aidtrack::archive_detail::checked_xml_iarchive>;
}  // namespace boost::archive
