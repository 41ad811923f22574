#pragma once
/// \file exchange_rates.hpp
/// \brief Exchange-rate tables and explicit conversion through the US dollar.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/date.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/core/period.hpp>

#include <istream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace aidtrack {

/// \brief One rate: units of a currency per US dollar, valid over a period, with its source.
struct RateEntry {
    Period period;       ///< days the rate applies to (a year for annual averages)
    double per_usd = 0;  ///< national currency units per USD
    std::string source;  ///< e.g. "IMF ENDA annual average (KH)"
};

/// \brief How a conversion picks its rate: the period containing the date, or one fixed year.
struct ConversionPolicy {
    /// Kinds of policy.
    enum class Kind { by_date, fixed_year };
    Kind kind = Kind::by_date;
    int year = 0;  ///< for fixed_year: the year whose rate converts every amount

    /// The rate of the period containing the amount's conversion date (conversion_date.hpp:
    /// value date, else transaction date).
    [[nodiscard]] static ConversionPolicy by_date() { return {}; }
    /// The rate of one year for every date (constant-currency comparisons).
    [[nodiscard]] static ConversionPolicy fixed_year(int y) { return {Kind::fixed_year, y}; }
    /// "by-date" or "fixed-year:2023".
    [[nodiscard]] std::string name() const {
        return kind == Kind::by_date ? "by-date" : "fixed-year:" + std::to_string(year);
    }
};

/// \brief A conversion and the rates it used, so that converted figures can explain themselves.
struct Conversion {
    Money value;              ///< the converted amount
    double from_per_usd = 1;  ///< rate of the source currency used
    double to_per_usd = 1;    ///< rate of the target currency used
    Date rate_date;           ///< the date whose rates were used
    std::string source;       ///< sources of the rates, "; "-separated
};

/// \brief A table of exchange rates by currency and period, in units per US dollar.
///
/// Every conversion goes through USD: amount / from_per_usd × to_per_usd. USD itself is the
/// pivot and always converts at exactly 1. A rate that is not in the table raises
/// RateNotFoundError naming the currency and the date; the table never guesses.
class ExchangeRates {
public:
    ExchangeRates() = default;

    /// Loads the IMF annual-average table (columns Date,Rate,Currency,Frequency,Source,Country
    /// code,Country; rate = national currency per USD). A currency used by several countries
    /// (EUR, XOF …) appears once per country: the row of the currency's own area is kept (the
    /// country code equal to the code's first two letters; the Euro Area "U2" for EUR), else
    /// the first country in file order, and the choice is kept in each entry's source. Rows of
    /// currencies that are no longer ISO 4217 codes (ATS, DEM …) are skipped and listed in notes().
    [[nodiscard]] static ExchangeRates from_imf_csv(const std::string& path);
    /// Same, from a stream; `name` is used in errors.
    [[nodiscard]] static ExchangeRates from_imf_csv(std::istream& in, const std::string& name);
    /// Loads a plain `date,currency,rate` CSV (rate per USD). `date` is "YYYY" (that year),
    /// "YYYY-MM" (that month) or "YYYY-MM-DD" (that day); an optional `source` column is kept.
    [[nodiscard]] static ExchangeRates from_csv(const std::string& path);
    /// Same, from a stream; `name` is used in errors.
    [[nodiscard]] static ExchangeRates from_csv(std::istream& in, const std::string& name);

    /// Adds a rate; overlapping periods for the same currency throw ValidationError.
    void add(CurrencyCode currency, const Period& period, double per_usd, std::string source = {});
    /// Units of `currency` per USD on `date`; throws RateNotFoundError when absent.
    [[nodiscard]] double per_usd(CurrencyCode currency, const Date& date) const;
    /// The entry used for `currency` on `date`, or nullptr (USD has none: it is the pivot).
    [[nodiscard]] const RateEntry* find(CurrencyCode currency, const Date& date) const noexcept;
    /// Converts `amount` to `to` with the rate that `policy` picks for `date`.
    [[nodiscard]] Conversion convert(const Money& amount, CurrencyCode to, const Date& date,
                                     const ConversionPolicy& policy = ConversionPolicy::by_date()) const;
    /// Factor to multiply an amount in `from` by to get `to` on `date` (1 when equal).
    [[nodiscard]] double factor(CurrencyCode from, CurrencyCode to, const Date& date,
                                const ConversionPolicy& policy = ConversionPolicy::by_date()) const;

    /// Currencies with at least one rate.
    [[nodiscard]] std::vector<CurrencyCode> currencies() const;
    /// All entries of one currency, in date order.
    [[nodiscard]] const std::vector<RateEntry>& entries(CurrencyCode currency) const;
    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] bool empty() const noexcept { return table_.empty(); }
    /// What loading left out and why (e.g. IMF rows of legacy currencies such as ATS or DEM).
    [[nodiscard]] const std::vector<std::string>& notes() const noexcept { return notes_; }

private:
    Date policy_date(const Date& date, const ConversionPolicy& policy) const;
    std::unordered_map<CurrencyCode, std::vector<RateEntry>> table_;
    std::vector<std::string> notes_;
};

}  // namespace aidtrack
