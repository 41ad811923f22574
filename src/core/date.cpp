#include <aidtrack/core/date.hpp>

#include <boost/date_time/gregorian/formatters_limited.hpp>

#include <charconv>
#include <cstdio>

namespace aidtrack {
namespace {

const Date kEpoch(1970, 1, 1);

bool read_int(std::string_view text, int& out) {
    const auto* begin = text.data();
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc{} && ptr == end;
}

}  // namespace

bool try_parse_date(std::string_view text, Date& out, std::string* why) noexcept {
    auto fail = [&](const char* reason) {
        if (why != nullptr) {
            try {
                *why = reason;
            } catch (...) {
            }  // NOLINT(bugprone-empty-catch): message is best effort
        }
        return false;
    };
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    if (text.size() > 10) {
        if (text[10] != 'T' && text[10] != 'Z' && text[10] != '+' && text[10] != '-')
            return fail("not an ISO 8601 date");
        text = text.substr(0, 10);
    }
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail("not an ISO 8601 date (YYYY-MM-DD)");
    int year = 0;
    int month = 0;
    int day = 0;
    if (!read_int(text.substr(0, 4), year) || !read_int(text.substr(5, 2), month) ||
        !read_int(text.substr(8, 2), day)) {
        return fail("not an ISO 8601 date (YYYY-MM-DD)");
    }
    if (year < 1400 || year > 9999) return fail("year out of range 1400-9999");
    if (month < 1 || month > 12) return fail("month out of range");
    if (day < 1 || day > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                                                static_cast<unsigned short>(month))) {
        return fail("day does not exist in that month");
    }
    try {
        out = Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                   static_cast<unsigned short>(day));
    } catch (...) {
        return fail("not a valid date");
    }
    return true;
}

Date parse_date(std::string_view text) {
    Date out;
    std::string why;
    if (!try_parse_date(text, out, &why))
        throw ParseError("cannot read '" + std::string(text.substr(0, 40)) + "' as a date: " + why);
    return out;
}

std::string to_iso(const Date& date) {
    if (date.is_special()) return {};
    return boost::gregorian::to_iso_extended_string(date);
}

Date make_date(int year, int month, int day) {
    Date out;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    std::string why;
    if (!try_parse_date(buffer, out, &why)) throw ParseError(std::string("no such date ") + buffer + ": " + why);
    return out;
}

namespace day_number {

std::int32_t from_date(const Date& date) {
    if (date.is_special()) return kNone;
    return static_cast<std::int32_t>((date - kEpoch).days());
}

Date to_date(std::int32_t days) {
    if (days == kNone) throw ValidationError("no date recorded");
    return kEpoch + boost::gregorian::days(days);
}

int year_of(std::int32_t days) noexcept {
    if (days == kNone) return 0;
    // Civil-from-days (proleptic Gregorian), branch-light so that column scans stay fast.
    const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    return static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

}  // namespace day_number
}  // namespace aidtrack
