#pragma once
/// \file archive_adapters.hpp
/// \brief Boost.Serialization adapters for the standard and core types Boost 1.74 lacks:
/// std::optional, Decimal (128-bit), Date, Period, Money, CurrencyCode.
///
/// Internal to archives: include only from io/archive_*.hpp and archive sources.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/core/period.hpp>

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace aidtrack::archive_detail {

class checked_binary_iarchive;  // the loader's binary archive (src/io/archive_checked.hpp)
class compact_oarchive;         // the compact archive (src/io/archive_compact.hpp)
class compact_iarchive;

/// \brief Whether an archive is a binary one (columns go in as raw blocks there).
template <class Archive>
inline constexpr bool is_binary =
    std::is_same_v<Archive, boost::archive::binary_oarchive> ||
    std::is_same_v<Archive, boost::archive::binary_iarchive> || std::is_same_v<Archive, checked_binary_iarchive> ||
    std::is_same_v<Archive, compact_oarchive> || std::is_same_v<Archive, compact_iarchive>;

/// \brief A Decimal as two 64-bit halves: exact, compact, readable enough in text archives.
struct DecimalParts {
    std::int64_t high = 0;
    std::uint64_t low = 0;
};

inline DecimalParts split(Decimal::Raw raw) {
    const auto bits = static_cast<aidtrack::UInt128>(raw);
    return {static_cast<std::int64_t>(static_cast<std::uint64_t>(bits >> 64U)), static_cast<std::uint64_t>(bits)};
}
inline Decimal::Raw join(const DecimalParts& p) {
    const auto bits = (static_cast<aidtrack::UInt128>(static_cast<std::uint64_t>(p.high)) << 64U) | p.low;
    return static_cast<Decimal::Raw>(bits);
}

}  // namespace aidtrack::archive_detail

namespace boost::serialization {

// std::optional<T>: a presence flag, then the value.
template <class Archive, class T>
void save(Archive& ar, const std::optional<T>& value, unsigned int /*version*/) {
    const bool present = value.has_value();
    ar << boost::serialization::make_nvp("present", present);
    if (present) ar << boost::serialization::make_nvp("value", *value);
}
template <class Archive, class T>
void load(Archive& ar, std::optional<T>& value, unsigned int /*version*/) {
    bool present = false;
    ar >> boost::serialization::make_nvp("present", present);
    if (present) {
        T inner{};
        ar >> boost::serialization::make_nvp("value", inner);
        value = std::move(inner);
    } else {
        value.reset();
    }
}
template <class Archive, class T>
void serialize(Archive& ar, std::optional<T>& value, unsigned int version) {
    boost::serialization::split_free(ar, value, version);
}

template <class Archive>
void serialize(Archive& ar, aidtrack::archive_detail::DecimalParts& p, unsigned int /*version*/) {
    ar& make_nvp("high", p.high);
    ar& make_nvp("low", p.low);
}

template <class Archive>
void save(Archive& ar, const aidtrack::Decimal& d, unsigned int /*version*/) {
    const auto parts = aidtrack::archive_detail::split(d.raw());
    ar << make_nvp("nano", parts);
}
template <class Archive>
void load(Archive& ar, aidtrack::Decimal& d, unsigned int /*version*/) {
    aidtrack::archive_detail::DecimalParts parts;
    ar >> make_nvp("nano", parts);
    d = aidtrack::Decimal::from_raw(aidtrack::archive_detail::join(parts));
}
template <class Archive>
void serialize(Archive& ar, aidtrack::Decimal& d, unsigned int version) {
    split_free(ar, d, version);
}

// Dates as day numbers since 1970-01-01 (kNone for "no date").
template <class Archive>
void save(Archive& ar, const aidtrack::Date& d, unsigned int /*version*/) {
    const std::int32_t days = aidtrack::day_number::from_date(d);
    ar << make_nvp("day", days);
}
template <class Archive>
void load(Archive& ar, aidtrack::Date& d, unsigned int /*version*/) {
    std::int32_t days = 0;
    ar >> make_nvp("day", days);
    d = days == aidtrack::day_number::kNone ? aidtrack::Date() : aidtrack::day_number::to_date(days);
}
template <class Archive>
void serialize(Archive& ar, aidtrack::Date& d, unsigned int version) {
    split_free(ar, d, version);
}

template <class Archive>
void save(Archive& ar, const aidtrack::Period& p, unsigned int /*version*/) {
    ar << make_nvp("start", p.start());
    ar << make_nvp("end", p.end());
}
template <class Archive>
void load(Archive& ar, aidtrack::Period& p, unsigned int /*version*/) {
    aidtrack::Date start;
    aidtrack::Date end;
    ar >> make_nvp("start", start);
    ar >> make_nvp("end", end);
    p = aidtrack::Period(start, end);
}
template <class Archive>
void serialize(Archive& ar, aidtrack::Period& p, unsigned int version) {
    split_free(ar, p, version);
}

template <class Archive>
void save(Archive& ar, const aidtrack::CurrencyCode& c, unsigned int /*version*/) {
    const std::string code = c.str();
    ar << make_nvp("code", code);
}
template <class Archive>
void load(Archive& ar, aidtrack::CurrencyCode& c, unsigned int /*version*/) {
    std::string code;
    ar >> make_nvp("code", code);
    c = code.empty() ? aidtrack::CurrencyCode() : aidtrack::CurrencyCode(code);
}
template <class Archive>
void serialize(Archive& ar, aidtrack::CurrencyCode& c, unsigned int version) {
    split_free(ar, c, version);
}

template <class Archive>
void save(Archive& ar, const aidtrack::Money& m, unsigned int /*version*/) {
    const aidtrack::Decimal amount = m.amount();
    const aidtrack::CurrencyCode currency = m.currency();
    ar << make_nvp("amount", amount);
    ar << make_nvp("currency", currency);
}
template <class Archive>
void load(Archive& ar, aidtrack::Money& m, unsigned int /*version*/) {
    aidtrack::Decimal amount;
    aidtrack::CurrencyCode currency;
    ar >> make_nvp("amount", amount);
    ar >> make_nvp("currency", currency);
    m = aidtrack::Money(amount, currency);
}
template <class Archive>
void serialize(Archive& ar, aidtrack::Money& m, unsigned int version) {
    split_free(ar, m, version);
}

}  // namespace boost::serialization
