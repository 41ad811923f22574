/// \file iati_duplicates.cpp
/// \brief Duplicate-identifier policy: date-time parsing, the decision and the dropped table.

#include <aidtrack/core/date.hpp>
#include <aidtrack/io/iati_duplicates.hpp>

#include <charconv>

namespace aidtrack {

std::string to_string(DuplicatePolicy policy) {
    switch (policy) {
        case DuplicatePolicy::latest_updated:
            return "latest-updated";
        case DuplicatePolicy::first_read:
            return "first-read";
        case DuplicatePolicy::last_read:
            return "last-read";
    }
    return "latest-updated";
}

DuplicatePolicy parse_duplicate_policy(std::string_view text) {
    if (text == "latest-updated" || text == "latest_updated") return DuplicatePolicy::latest_updated;
    if (text == "first-read" || text == "first_read") return DuplicatePolicy::first_read;
    if (text == "last-read" || text == "last_read") return DuplicatePolicy::last_read;
    throw ValidationError("duplicate policy '" + std::string(text.substr(0, 40)) +
                          "' is not latest-updated, first-read or last-read");
}

namespace {

bool two_digits(std::string_view s, std::size_t at, int& out) {
    if (at + 2 > s.size()) return false;
    const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + 2, out);
    return ec == std::errc{} && end == s.data() + at + 2;
}

}  // namespace

std::optional<std::int64_t> parse_iati_datetime(std::string_view text) {
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    if (text.size() < 10) return std::nullopt;
    Date day;
    if (!try_parse_date(text.substr(0, 10), day)) return std::nullopt;
    const std::int64_t days = (day - make_date(1970, 1, 1)).days();
    std::int64_t seconds = days * 86400;
    std::string_view rest = text.substr(10);
    if (rest.empty()) return seconds;
    if (rest.front() != 'T' && rest.front() != ' ') return std::nullopt;
    int h = 0, m = 0, s = 0;
    if (!two_digits(rest, 1, h) || rest.size() < 6 || rest[3] != ':' || !two_digits(rest, 4, m)) return std::nullopt;
    std::size_t i = 6;
    if (i < rest.size() && rest[i] == ':') {
        if (!two_digits(rest, i + 1, s)) return std::nullopt;
        i += 3;
    }
    if (h > 24 || m > 59 || s > 60) return std::nullopt;
    if (i < rest.size() && rest[i] == '.') {
        ++i;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    }
    seconds += h * 3600 + m * 60 + s;
    if (i == rest.size()) return seconds;
    if (rest[i] == 'Z' && i + 1 == rest.size()) return seconds;
    if ((rest[i] == '+' || rest[i] == '-') && rest.size() == i + 6 && rest[i + 3] == ':') {
        int zh = 0, zm = 0;
        if (!two_digits(rest, i + 1, zh) || !two_digits(rest, i + 4, zm)) return std::nullopt;
        const std::int64_t offset = zh * 3600 + zm * 60;
        return rest[i] == '+' ? seconds - offset : seconds + offset;  // local time minus offset = UTC
    }
    return std::nullopt;
}

DuplicateDecision decide_duplicate(DuplicatePolicy policy, const DuplicateRecord& held,
                                   const DuplicateRecord& incoming) {
    switch (policy) {
        case DuplicatePolicy::first_read:
            return {false, "policy first-read: the first record read is kept"};
        case DuplicatePolicy::last_read:
            return {true, "policy last-read: the last record read is kept"};
        case DuplicatePolicy::latest_updated:
            break;
    }
    const auto a = parse_iati_datetime(held.last_updated);
    const auto b = parse_iati_datetime(incoming.last_updated);
    if (a && !b)
        return {false, "the kept record has a last-updated-datetime, the dropped one has none (or an invalid one)"};
    if (!a && b)
        return {true, "the kept record has a last-updated-datetime, the dropped one has none (or an invalid one)"};
    if (a && b && *a != *b) {
        return {*b > *a, "the kept record was updated later (" + (*b > *a ? incoming.last_updated : held.last_updated) +
                             " after " + (*b > *a ? held.last_updated : incoming.last_updated) + ")"};
    }
    const std::string tie = a ? "same last-updated-datetime" : "neither has a last-updated-datetime";
    if (incoming.file_order > held.file_order) return {true, tie + "; the later file in the order given wins"};
    return {false, tie + "; within one file the first record wins"};
}

Table make_duplicates_table() {
    Table t("IATI duplicate activities dropped");
    t.add_column<std::string>("identifier", "iati-identifier shared by the two records");
    t.add_column<std::string>("kept_file", "file of the record kept");
    t.add_column<std::int64_t>("kept_line", "line of the kept <iati-activity>");
    t.add_column<std::string>("kept_last_updated", "@last-updated-datetime of the kept record");
    t.add_column<std::string>("dropped_file", "file of the record dropped");
    t.add_column<std::int64_t>("dropped_line", "line of the dropped <iati-activity>");
    t.add_column<std::string>("dropped_last_updated", "@last-updated-datetime of the dropped record");
    t.add_column<std::string>("reason", "why the kept record won");
    return t;
}

void add_duplicate_row(Table& t, const std::string& identifier, const DuplicateRecord& kept,
                       const DuplicateRecord& dropped, const std::string& reason) {
    t.push(0, identifier);
    t.push(1, kept.file);
    t.push(2, static_cast<std::int64_t>(kept.line));
    t.push(3, kept.last_updated);
    t.push(4, dropped.file);
    t.push(5, static_cast<std::int64_t>(dropped.line));
    t.push(6, dropped.last_updated);
    t.push(7, reason);
}

}  // namespace aidtrack
