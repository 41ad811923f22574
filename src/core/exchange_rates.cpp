#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/exchange_rates.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>

namespace aidtrack {
namespace {

std::ifstream open_or_throw(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open rate table '" + path + "'", {path, 0, {}});
    return in;
}

double parse_rate(const std::string& text, const SourceLocation& where) {
    double value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || !std::isfinite(value) || value <= 0) {
        throw ParseError("rate '" + text.substr(0, 40) + "' is not a positive number", where, "rate-positive");
    }
    return value;
}

CurrencyCode parse_currency(const std::string& text, const SourceLocation& where) {
    CurrencyCode code;
    if (!CurrencyCode::try_parse(text, code))
        throw CurrencyError("'" + text.substr(0, 16) + "' is not an ISO 4217 currency code", where,
                            "currency-on-codelist");
    return code;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the period it names.
Period parse_rate_period(const std::string& text, const SourceLocation& where) {
    try {
        if (text.size() == 4) return Period::calendar_year(std::stoi(text));
        if (text.size() == 7 && text[4] == '-') {
            const int year = std::stoi(text.substr(0, 4));
            const int month = std::stoi(text.substr(5, 2));
            const Date first = make_date(year, month, 1);
            return {first, first.end_of_month()};
        }
        const Date day = parse_date(text);
        return {day, day};
    } catch (const Error& e) {
        throw ParseError("rate date '" + text.substr(0, 40) + "': " + e.message(), where, "rate-date");
    } catch (const std::exception&) {
        throw ParseError("rate date '" + text.substr(0, 40) + "' is not YYYY, YYYY-MM or YYYY-MM-DD", where,
                         "rate-date");
    }
}

}  // namespace

ExchangeRates ExchangeRates::from_imf_csv(const std::string& path) {
    auto in = open_or_throw(path);
    return from_imf_csv(in, path);
}

ExchangeRates ExchangeRates::from_imf_csv(std::istream& in, const std::string& name) {
    CsvReader reader(in, name);
    std::vector<std::string> fields;
    if (!reader.next(fields)) throw ParseError("empty IMF rate table", {name, 1, {}});
    check_csv_text(fields, reader);
    const CsvHeader header(fields, reader.where());
    const std::size_t c_date = header.require("Date");
    const std::size_t c_rate = header.require("Rate");
    const std::size_t c_currency = header.require("Currency");
    const std::size_t c_country = header.require("Country code");
    struct Candidate {
        double rate;
        std::string country;
        int rank;  // 0: the currency's own area, 1: any other country
    };
    std::map<std::pair<std::uint16_t, int>, Candidate> chosen;
    std::map<std::string, int> skipped;
    while (reader.next(fields)) {
        check_csv_text(fields, reader, header.names());
        if (fields.size() == 1 && fields[0].empty()) continue;
        if (fields.size() < header.names().size())
            throw ParseError("expected " + std::to_string(header.names().size()) + " columns, found " +
                                 std::to_string(fields.size()),
                             reader.where(), "column-count");
        CurrencyCode currency;
        if (!CurrencyCode::try_parse(fields[c_currency], currency)) {
            // Legacy currencies (ATS, DEM, FRF …) have IMF history but no ISO/IATI code any more:
            // no IATI value can be in them, so they are skipped and listed in notes().
            ++skipped[fields[c_currency]];
            continue;
        }
        const Date date = [&] {
            try {
                return parse_date(fields[c_date]);
            } catch (const Error& e) {
                throw ParseError(e.message(), reader.where("Date"));
            }
        }();
        const double rate = parse_rate(fields[c_rate], reader.where("Rate"));
        const std::string& country = fields[c_country];
        const std::string code = currency.str();
        const bool own_area = (code == "EUR") ? country == "U2" : code.compare(0, 2, country) == 0;
        Candidate candidate{rate, country, own_area ? 0 : 1};
        auto key = std::make_pair(currency.packed(), static_cast<int>(date.year()));
        auto it = chosen.find(key);
        if (it == chosen.end() || candidate.rank < it->second.rank) chosen[key] = candidate;
    }
    ExchangeRates out;
    for (const auto& [key, candidate] : chosen) {
        out.add(CurrencyCode::from_packed(key.first), Period::calendar_year(key.second), candidate.rate,
                "IMF ENDA annual average (" + candidate.country + ")");
    }
    for (const auto& [code, rows] : skipped) {
        out.notes_.push_back(name + ": skipped " + std::to_string(rows) + " rows of '" + code +
                             "', not a current ISO 4217 code");
    }
    return out;
}

ExchangeRates ExchangeRates::from_csv(const std::string& path) {
    auto in = open_or_throw(path);
    return from_csv(in, path);
}

ExchangeRates ExchangeRates::from_csv(std::istream& in, const std::string& name) {
    CsvReader reader(in, name);
    std::vector<std::string> fields;
    if (!reader.next(fields)) throw ParseError("empty rate table", {name, 1, {}});
    check_csv_text(fields, reader);
    const CsvHeader header(fields, reader.where());
    const std::size_t c_date = header.require("date");
    const std::size_t c_currency = header.require("currency");
    const std::size_t c_rate = header.require("rate");
    const std::size_t c_source = header.find("source");
    ExchangeRates out;
    while (reader.next(fields)) {
        check_csv_text(fields, reader, header.names());
        if (fields.size() == 1 && fields[0].empty()) continue;
        if (fields.size() < header.names().size())
            throw ParseError("expected " + std::to_string(header.names().size()) + " columns, found " +
                                 std::to_string(fields.size()),
                             reader.where(), "column-count");
        const CurrencyCode currency = parse_currency(fields[c_currency], reader.where("currency"));
        const Period period = parse_rate_period(fields[c_date], reader.where("date"));
        const double rate = parse_rate(fields[c_rate], reader.where("rate"));
        std::string source = c_source == CsvHeader::npos ? name : fields[c_source];
        try {
            out.add(currency, period, rate, std::move(source));
        } catch (const Error& e) {
            throw ValidationError(e.message(), reader.where(), e.rule());
        }
    }
    return out;
}

void ExchangeRates::add(CurrencyCode currency, const Period& period, double per_usd, std::string source) {
    if (currency.empty()) throw CurrencyError("a rate needs a currency");
    if (!std::isfinite(per_usd) || per_usd <= 0)
        throw ValidationError("rate for " + currency.str() + " must be positive", {}, "rate-positive");
    auto& entries = table_[currency];
    auto it = std::lower_bound(entries.begin(), entries.end(), period.start(),
                               [](const RateEntry& e, const Date& d) { return e.period.start() < d; });
    if ((it != entries.end() && it->period.overlap_days(period) > 0) ||
        (it != entries.begin() && std::prev(it)->period.overlap_days(period) > 0)) {
        throw ValidationError(
            "rate for " + currency.str() + " over " + period.to_string() + " overlaps one already in the table", {},
            "rates-do-not-overlap");
    }
    entries.insert(it, RateEntry{period, per_usd, std::move(source)});
}

const RateEntry* ExchangeRates::find(CurrencyCode currency, const Date& date) const noexcept {
    const auto table_it = table_.find(currency);
    if (table_it == table_.end()) return nullptr;
    const auto& entries = table_it->second;
    auto it = std::upper_bound(entries.begin(), entries.end(), date,
                               [](const Date& d, const RateEntry& e) { return d < e.period.start(); });
    if (it == entries.begin()) return nullptr;
    --it;
    return it->period.contains(date) ? &*it : nullptr;
}

double ExchangeRates::per_usd(CurrencyCode currency, const Date& date) const {
    if (currency == kUSD) return 1.0;
    const RateEntry* entry = find(currency, date);
    if (entry == nullptr) {
        throw RateNotFoundError("no exchange rate for " +
                                    (currency.empty() ? std::string("(no currency)") : currency.str()) + " on " +
                                    to_iso(date),
                                {}, "rate-available");
    }
    return entry->per_usd;
}

Date ExchangeRates::policy_date(const Date& date, const ConversionPolicy& policy) const {
    if (policy.kind == ConversionPolicy::Kind::fixed_year) return make_date(policy.year, 7, 1);
    if (date.is_special()) throw RateNotFoundError("a by-date conversion needs a date", {}, "rate-available");
    return date;
}

double ExchangeRates::factor(CurrencyCode from, CurrencyCode to, const Date& date,
                             const ConversionPolicy& policy) const {
    if (from == to) return 1.0;
    const Date when = policy_date(date, policy);
    return per_usd(to, when) / per_usd(from, when);
}

Conversion ExchangeRates::convert(const Money& amount, CurrencyCode to, const Date& date,
                                  const ConversionPolicy& policy) const {
    Conversion out;
    if (amount.currency() == to) {
        out.value = amount;
        out.rate_date = date;
        out.source = "same currency";
        return out;
    }
    out.rate_date = policy_date(date, policy);
    out.from_per_usd = per_usd(amount.currency(), out.rate_date);
    out.to_per_usd = per_usd(to, out.rate_date);
    out.value = Money(amount.amount().scaled(out.to_per_usd / out.from_per_usd), to);
    auto source_of = [&](CurrencyCode c) {
        const RateEntry* e = find(c, out.rate_date);
        return e == nullptr ? std::string("USD pivot") : c.str() + ": " + e->source;
    };
    out.source = source_of(amount.currency()) + "; " + source_of(to);
    return out;
}

std::vector<CurrencyCode> ExchangeRates::currencies() const {
    std::vector<CurrencyCode> out;
    for (const auto& [code, entries] : table_) out.push_back(code);
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<RateEntry>& ExchangeRates::entries(CurrencyCode currency) const {
    static const std::vector<RateEntry> kEmpty;
    const auto it = table_.find(currency);
    return it == table_.end() ? kEmpty : it->second;
}

std::size_t ExchangeRates::size() const noexcept {
    std::size_t n = 0;
    for (const auto& [code, entries] : table_) n += entries.size();
    return n;
}

}  // namespace aidtrack
