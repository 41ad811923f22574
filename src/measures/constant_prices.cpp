/// \file constant_prices.cpp
/// \brief Deflator table from CSV and exact deflation to a base year.

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/error.hpp>
#include <aidtrack/measures/constant_prices.hpp>

#include <charconv>
#include <fstream>

namespace aidtrack {
namespace {

using Raw = Decimal::Raw;

// round(n / d) half to even, d > 0.
Raw divide_rounded(Raw n, Raw d) {
    const bool negative = n < 0;
    const Raw m = negative ? -n : n;
    Raw q = m / d;
    const Raw r = m % d;
    if (r * 2 > d || (r * 2 == d && (q % 2) != 0)) ++q;
    return negative ? -q : q;
}

}  // namespace

Deflators Deflators::from_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open deflator file", {path, 0, {}}, "file-readable");
    return from_csv(in, path);
}

Deflators Deflators::from_csv(std::istream& in, const std::string& name) {
    CsvReader reader(in, name);
    std::vector<std::string> fields;
    if (!reader.next(fields))
        throw ParseError("deflator file is empty (expected donor,year,deflator,source)", {name, 1, {}}, "csv-header");
    check_csv_text(fields, reader);
    const CsvHeader header(fields, reader.where());
    const std::size_t donor = header.require("donor");
    const std::size_t year = header.require("year");
    const std::size_t deflator = header.require("deflator");
    const std::size_t source = header.find("source");
    Deflators out;
    while (reader.next(fields)) {
        check_csv_text(fields, reader, header.names());
        if (fields.size() == 1 && fields[0].empty()) continue;
        if (fields.size() < header.names().size())
            throw ParseError("row has " + std::to_string(fields.size()) + " fields, the header " +
                                 std::to_string(header.names().size()),
                             reader.where(), "csv-fields");
        DeflatorEntry e;
        e.donor = fields[donor];
        int y = 0;
        const std::string& ytext = fields[year];
        const auto [end, ec] = std::from_chars(ytext.data(), ytext.data() + ytext.size(), y);
        if (ec != std::errc{} || end != ytext.data() + ytext.size() || y < 1900 || y > 2200) {
            throw ParseError("year '" + ytext.substr(0, 20) + "' is not a year", reader.where("year"), "deflator-year");
        }
        e.year = y;
        std::string why;
        if (!Decimal::try_parse(fields[deflator], e.deflator, &why)) {
            throw ParseError("deflator '" + fields[deflator].substr(0, 40) + "' is not a number: " + why,
                             reader.where("deflator"), "deflator-number");
        }
        if (source != CsvHeader::npos) e.source = fields[source];
        e.file = name;
        e.line = reader.line();
        if (!(e.deflator > Decimal()))
            throw ValidationError("deflator must be positive", reader.where("deflator"), "deflator-positive");
        if (out.entries_.count({e.donor, e.year}) != 0) {
            throw ValidationError("deflator for " + e.donor + " " + std::to_string(e.year) + " given twice",
                                  reader.where(), "deflator-unique");
        }
        out.entries_.emplace(std::make_pair(e.donor, e.year), std::move(e));
    }
    return out;
}

void Deflators::add(DeflatorEntry entry) {
    if (!(entry.deflator > Decimal()))
        throw ValidationError("deflator must be positive", {entry.file, entry.line, {}}, "deflator-positive");
    const auto key = std::make_pair(entry.donor, entry.year);
    if (entries_.count(key) != 0)
        throw ValidationError("deflator for " + entry.donor + " " + std::to_string(entry.year) + " given twice",
                              {entry.file, entry.line, {}}, "deflator-unique");
    entries_.emplace(key, std::move(entry));
}

const DeflatorEntry* Deflators::find(const std::string& donor, int year) const noexcept {
    auto it = entries_.find({donor, year});
    if (it == entries_.end()) it = entries_.find({"*", year});
    return it == entries_.end() ? nullptr : &it->second;
}

Deflated Deflators::deflate(Decimal amount, const std::string& donor, int year, int base_year, int places) const {
    const DeflatorEntry* at = find(donor, year);
    const DeflatorEntry* base = find(donor, base_year);
    if (at == nullptr)
        throw NotFoundError("no deflator for donor '" + donor + "' in " + std::to_string(year) + " (nor a '*' series)");
    if (base == nullptr)
        throw NotFoundError("no deflator for donor '" + donor + "' in base year " + std::to_string(base_year) +
                            " (nor a '*' series)");
    // amount × D(base) / D(year): raw × raw / raw keeps the 10^-9 scale of amount.
    Raw product = 0;
    if (__builtin_mul_overflow(amount.raw(), base->deflator.raw(), &product))
        throw OverflowError("deflating " + amount.to_string() + " overflows 128 bits");
    const Decimal exact = Decimal::from_raw(divide_rounded(product, at->deflator.raw()));
    return {exact.rounded(places), *at, *base};
}

}  // namespace aidtrack
