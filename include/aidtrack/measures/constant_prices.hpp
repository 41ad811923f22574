#pragma once
/// \file constant_prices.hpp
/// \brief Constant prices: converted amounts deflated to a base year with a deflator table
/// loaded from CSV (e.g. OECD DAC deflators by donor and year), the source kept beside the figure.
///
/// Formula: constant(base) = current(year) × D(donor, base) / D(donor, year), computed exactly in
/// 128-bit integers and rounded half-even to `places` decimals. A donor without its own series
/// falls back to the series named "*" (e.g. "Total DAC") when the table has one; no guessing
/// otherwise: a missing deflator throws NotFoundError naming the donor and year.

#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/table.hpp>

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <utility>

namespace aidtrack {

/// \brief One deflator: a donor's price index for a year, where it came from.
struct DeflatorEntry {
    std::string donor;  ///< donor organisation ref or name as in the CSV ("*" = any donor)
    int year = 0;
    Decimal deflator;    ///< index value (e.g. 100 in the DAC base year)
    std::string source;  ///< e.g. "OECD DAC deflators, 2023 base"
    std::string file;    ///< CSV the entry came from
    std::uint32_t line = 0;
};

/// \brief A deflated amount and the two deflators that made it, so the figure explains itself.
struct Deflated {
    Decimal value;             ///< in constant prices of the base year
    DeflatorEntry year_entry;  ///< deflator of the amount's year
    DeflatorEntry base_entry;  ///< deflator of the base year
};

/// \brief Deflators by donor and year.
class Deflators {
public:
    /// Loads a CSV with header `donor,year,deflator,source` (any column order; `source` may be
    /// empty). Bad numbers, duplicate (donor, year) and non-positive deflators throw ParseError /
    /// ValidationError naming the file and line.
    [[nodiscard]] static Deflators from_csv(const std::string& path);
    /// Same, from a stream; `name` is used in errors.
    [[nodiscard]] static Deflators from_csv(std::istream& in, const std::string& name);

    /// Adds one entry; a repeated (donor, year) or a deflator <= 0 throws ValidationError.
    void add(DeflatorEntry entry);
    /// The entry for (donor, year), else the "*" series, else nullptr.
    [[nodiscard]] const DeflatorEntry* find(const std::string& donor, int year) const noexcept;
    /// Deflates `amount` of `year` to `base_year` prices (see the file comment).
    [[nodiscard]] Deflated deflate(Decimal amount, const std::string& donor, int year, int base_year,
                                   int places = 2) const;
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

private:
    std::map<std::pair<std::string, int>, DeflatorEntry> entries_;
};

}  // namespace aidtrack
