#pragma once
/// \file report_context.hpp
/// \brief What every section of the report shares: the portfolio, the options, the report year,
/// one converter into the report currency, and the words and numbers formats of the report.

#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/report/report.hpp>
#include <aidtrack/report/report_builder.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace aidtrack::report::detail {

inline constexpr double kM2PerKm2 = 1e6;

/// `v` with `places` decimals ("%.*f").
[[nodiscard]] std::string fixed(double v, int places);
/// "USD 37.70 M".
[[nodiscard]] std::string millions(double amount, const CurrencyCode& currency, int places = 2);
/// "USD 37.70 M".
[[nodiscard]] std::string millions(const Decimal& amount, const CurrencyCode& currency, int places = 2);
/// "1,697.0 km²".
[[nodiscard]] std::string km2(double m2, int places = 1);
/// "53%" (share 0.53), or "53.4%" with one place.
[[nodiscard]] std::string percent(double share, int places = 0);
/// "2010–2014", or "2012" when both ends are the same year.
[[nodiscard]] std::string year_span(int first, int last);
/// A section that the data cannot support: its reason in words, no figures.
[[nodiscard]] Section unavailable(const std::string& id, const std::string& title, const std::string& why);

/// The rows of `t` where at least one of the Decimal `columns` is defined and not zero: a
/// donor-year with nothing disbursed and nothing scheduled is no row of a report table.
[[nodiscard]] Table rows_with_data(const Table& t, const std::vector<std::string>& columns);

/// \brief Money of the portfolio in the report currency, converted under one rule (the
/// transaction's value date, else its date) with one rate table (the options' rates, else the
/// shipped IMF table, loaded once), remembering what could not be converted.
class Converter {
public:
    explicit Converter(const ReportOptions& options) : options_(options) {}
    /// `m` in the report currency on `date`, or nothing when no rate is known (counted).
    std::optional<Decimal> operator()(const Money& m, const Date& date);
    /// A transaction's value in the report currency under the conversion rule.
    std::optional<Decimal> operator()(const Transaction& t);
    /// The rate table every conversion of the report uses (also handed to the measures).
    const ExchangeRates& rates();
    [[nodiscard]] std::size_t failed() const noexcept { return failed_; }
    [[nodiscard]] const std::string& last_error() const noexcept { return last_error_; }
    /// Where the rates come from, in words.
    [[nodiscard]] std::string rates_source() const;
    /// The conversion rule in words.
    [[nodiscard]] static std::string rule();

private:
    const ReportOptions& options_;
    std::unique_ptr<ExchangeRates> own_;
    std::size_t failed_ = 0;
    std::string last_error_;
};

/// \brief The report year, the published series, and the project portfolio made on first use.
struct Context {
    Context(const Portfolio& portfolio, const ReportOptions& options);

    const Portfolio& p;
    const ReportOptions& o;
    int year = 0;
    Converter convert;
    std::set<std::uint32_t> series;  ///< activity indexes of published aggregates

    /// The portfolio without the published aggregates (project money only); the portfolio
    /// itself when it holds none.
    const Portfolio& projects();
    /// The organisation's name for tables and sentences ("(not named)" for an empty ref).
    [[nodiscard]] std::string org_name(const std::string& ref) const;
    /// The organisation's short name for sentences ("Japan", "DFAT"), else its name.
    [[nodiscard]] std::string org_short(const std::string& ref) const;
    /// The identifiers of the published aggregates, comma-separated, for notes.
    [[nodiscard]] std::string series_names() const;
    /// Tells the progress callback, if any.
    void say(const std::string& line) const;

    /// International support per year from the published series (type 3 of
    /// `international_series`), in the report currency, up to the report year.
    [[nodiscard]] const std::map<int, Decimal>& international();
    /// The same per year and provider ref ("" = the part no donor is named for).
    [[nodiscard]] const std::map<int, std::map<std::string, Decimal>>& international_by_donor();
    /// The national contribution per year (the government's own spending, type 4; type 3 in
    /// older data) and its pledges (type 12), up to the report year (pledges: any year).
    [[nodiscard]] const std::map<int, Decimal>& national();
    [[nodiscard]] const std::map<int, Decimal>& national_pledged();
    /// Land released per year, whole country, as published (the 'all' rows: totals of every
    /// contamination type; rows of one type are parts and not summed);
    /// empty without `published_land_release`.
    [[nodiscard]] const std::map<int, std::int64_t>& land_released();

private:
    void read_series();
    std::unique_ptr<Portfolio> projects_;
    bool series_read_ = false;
    std::map<int, Decimal> international_;
    std::map<int, std::map<std::string, Decimal>> by_donor_;
    std::map<int, Decimal> national_;
    std::map<int, Decimal> pledged_;
    std::optional<std::map<int, std::int64_t>> land_;
};

}  // namespace aidtrack::report::detail
