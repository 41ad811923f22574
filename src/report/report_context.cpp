/// \file report_context.cpp
/// \brief The report's shared context: conversion, names, published series, number formats.

#include "report_context.hpp"

#include <aidtrack/core/conversion_date.hpp>
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/model/conversion_dates.hpp>
#include <aidtrack/model/portfolio_subset.hpp>
#include <aidtrack/model/transaction_type.hpp>

#include <algorithm>
#include <cstdio>

namespace aidtrack::report::detail {

std::string fixed(double v, int places) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    return buffer;
}

namespace {

// "1,697.0": thousands separators on the integer part.
std::string grouped(double v, int places) {
    const std::string s = fixed(v, places);
    const std::size_t sign = (!s.empty() && s[0] == '-') ? 1 : 0;
    const std::size_t dot = std::min(s.find('.'), s.size());
    std::string out = s.substr(0, sign);
    for (std::size_t i = sign; i < dot; ++i) {
        if (i > sign && (dot - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out + s.substr(dot);
}

}  // namespace

std::string millions(double amount, const CurrencyCode& currency, int places) {
    return currency.str() + " " + grouped(amount / 1e6, places) + " M";
}

std::string millions(const Decimal& amount, const CurrencyCode& currency, int places) {
    return millions(amount.to_double(), currency, places);
}

std::string km2(double m2, int places) { return grouped(m2 / kM2PerKm2, places) + " km²"; }

std::string percent(double share, int places) { return fixed(100 * share, places) + "%"; }

std::string year_span(int first, int last) {
    return first == last ? std::to_string(first) : std::to_string(first) + "–" + std::to_string(last);
}

Section unavailable(const std::string& id, const std::string& title, const std::string& why) {
    return Section{id, title, false, {"Not available, because " + why + "."}, {"not available, because " + why},
                   {}, {}};
}

Table rows_with_data(const Table& t, const std::vector<std::string>& columns) {
    std::vector<std::size_t> keep;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        for (const auto& name : columns) {
            if (t.defined(r, name) && t.at<Decimal>(r, name) != Decimal(0)) {
                keep.push_back(r);
                break;
            }
        }
    }
    return t.select_rows(keep);
}

std::optional<Decimal> Converter::operator()(const Money& m, const Date& date) {
    if (m.currency() == options_.currency) return m.amount();
    try {
        return rates().convert(m, options_.currency, date).value.amount();
    } catch (const Error& e) {
        ++failed_;
        last_error_ = e.what();
        return std::nullopt;
    }
}

std::optional<Decimal> Converter::operator()(const Transaction& t) { return (*this)(t.value, conversion_date(t)); }

const ExchangeRates& Converter::rates() {
    if (options_.rates) return *options_.rates;
    if (!own_)
        own_ = std::make_unique<ExchangeRates>(
            ExchangeRates::from_imf_csv(data_file("rates/imf_exchangerates_A_ENDA_USD.csv")));
    return *own_;
}

std::string Converter::rates_source() const {
    return options_.rates ? "the exchange rates given" : "the IMF annual average rates shipped in data/rates";
}

std::string Converter::rule() { return "at the rate of the " + std::string(kConversionDateRule); }

namespace {

// The latest year with a disbursement or expenditure; this year when there is none.
int latest_year(const Portfolio& p) {
    int year = 0;
    const auto& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (is_any_type(t.type[i], {TransactionType::disbursement, TransactionType::expenditure}))
            year = std::max(year, static_cast<int>(t.row(i).date.year()));
    }
    return year == 0 ? static_cast<int>(Date(boost::gregorian::day_clock::universal_day()).year()) : year;
}

}  // namespace

Context::Context(const Portfolio& portfolio, const ReportOptions& options)
    : p(portfolio), o(options), year(options.year.value_or(latest_year(portfolio))), convert(options) {
    for (const auto* id : {&options.international_series, &options.donor_series, &options.national_series}) {
        if (auto index = portfolio.find_activity(*id)) series.insert(*index);
    }
}

const Portfolio& Context::projects() {
    if (series.empty()) return p;
    if (!projects_)
        projects_ = std::make_unique<Portfolio>(subset(p, [&](std::uint32_t a) { return !series.contains(a); }));
    return *projects_;
}

std::string Context::org_name(const std::string& ref) const {
    if (ref.empty()) return "(not named)";
    const Organisation* org = p.find_organisation(ref);
    if (org == nullptr) return ref;
    return org->name.empty() ? ref : org->name;
}

std::string Context::org_short(const std::string& ref) const {
    const Organisation* org = p.find_organisation(ref);
    if (org != nullptr && !org->short_name.empty()) return org->short_name;
    return org_name(ref);
}

std::string Context::series_names() const {
    std::string out;
    for (const auto index : series) out += (out.empty() ? "" : ", ") + p.activity(index).identifier;
    return out;
}

void Context::say(const std::string& line) const {
    if (o.progress) o.progress(line);
}

void Context::read_series() {
    if (series_read_) return;
    series_read_ = true;
    const auto intl = p.find_activity(o.international_series);
    const auto donor = p.find_activity(o.donor_series);
    const auto nat = p.find_activity(o.national_series);
    const auto& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::uint32_t a = t.activity[i];
        const bool is_intl = intl && a == *intl;
        const bool is_nat = nat && a == *nat;
        const bool is_donor = donor && a == *donor;
        if (!is_intl && !is_nat && !is_donor) continue;
        const Transaction row = t.row(i);
        const int y = row.date.year();
        const bool pledge = is_type(row.type, TransactionType::outgoing_pledge);
        if (y > year && !pledge) continue;
        const auto v = convert(row);
        if (!v) continue;
        if (is_intl && is_type(row.type, TransactionType::disbursement)) {
            international_[y] += *v;
            by_donor_[y][row.provider_org] += *v;
        } else if (is_nat && pledge) {
            pledged_[y] += *v;
        } else if (is_nat && is_any_type(row.type, {TransactionType::disbursement, TransactionType::expenditure})) {
            national_[y] += *v;
        }
    }
}

const std::map<int, Decimal>& Context::international() {
    read_series();
    return international_;
}

const std::map<int, std::map<std::string, Decimal>>& Context::international_by_donor() {
    read_series();
    return by_donor_;
}

const std::map<int, Decimal>& Context::national() {
    read_series();
    return national_;
}

const std::map<int, Decimal>& Context::national_pledged() {
    read_series();
    return pledged_;
}

const std::map<int, std::int64_t>& Context::land_released() {
    if (land_) return *land_;
    land_.emplace();
    if (!o.published_land_release) return *land_;
    const Table& t = *o.published_land_release;
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        // Only 'all' rows are whole-country totals; a row of one contamination type is a part.
        if (!t.defined(r, "total_m2") || t.at<std::string>(r, "contamination") != "all") continue;
        const int y = static_cast<int>(t.at<std::int64_t>(r, "year"));
        if (y <= year) (*land_)[y] += t.at<std::int64_t>(r, "total_m2");
    }
    return *land_;
}

}  // namespace aidtrack::report::detail
