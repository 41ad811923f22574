/// \file iati_duplicates_test.cpp
/// \brief Duplicate identifiers across and within files: the policy, its switches and the dropped table.

#include <aidtrack/io/iati_reader.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";

Decimal disbursed(const Portfolio& p, const std::string& id) {
    Decimal sum;
    const auto index = p.find_activity(id);
    for (std::size_t i = 0; i < p.transactions().size(); ++i) {
        if (index && p.transactions().activity[i] == *index) sum += p.transactions().value_of(i).amount();
    }
    return sum;
}

Decimal total(const Portfolio& p) {
    Decimal sum;
    for (std::size_t i = 0; i < p.transactions().size(); ++i) sum += p.transactions().value_of(i).amount();
    return sum;
}

TEST(iati_duplicates_test, latest_update_wins_and_ties_go_to_the_later_file) {
    Portfolio p;
    const auto r = read_iati_files({kTrust + "duplicates_a.xml", kTrust + "duplicates_b.xml"}, p);
    EXPECT_EQ(r.activities_read, 10U);
    EXPECT_EQ(p.activity_count(), 5U);
    EXPECT_EQ(r.activities_kept, 5U);
    // DUP-1: b (2024-06-01) is newer than a (2024-01-01) -> 250.00.
    EXPECT_EQ(disbursed(p, "XM-DUP-1").to_string(), "250.00");
    // DUP-2: same date -> the later file, b -> 21.00.
    EXPECT_EQ(disbursed(p, "XM-DUP-2").to_string(), "21.00");
    // DUP-3: a is 12:00+07:00 = 05:00:00Z, b is 04:59:59Z: a is one second newer -> 30.00.
    EXPECT_EQ(disbursed(p, "XM-DUP-3").to_string(), "30.00");
    // DUP-4: a has no date, b has one -> 41.00.
    EXPECT_EQ(disbursed(p, "XM-DUP-4").to_string(), "41.00");
    // DUP-5: twice in b with the same date -> the first in the file -> 50.00.
    EXPECT_EQ(disbursed(p, "XM-DUP-5").to_string(), "50.00");
    // 250 + 21 + 30 + 41 + 50 = 392.00, each activity counted once.
    EXPECT_EQ(total(p).to_string(), "392.00");
    EXPECT_EQ(p.transactions().size(), 5U);

    const Table& d = r.duplicates;
    ASSERT_EQ(d.row_count(), 5U);
    // Rows in the order the duplicates were met: DUP-1..DUP-4 while reading b, then DUP-5.
    EXPECT_EQ(d.at<std::string>(0, "identifier"), "XM-DUP-1");
    EXPECT_EQ(d.at<std::string>(0, "kept_file"), kTrust + "duplicates_b.xml");
    EXPECT_EQ(d.at<std::int64_t>(0, "kept_line"), 3);
    EXPECT_EQ(d.at<std::string>(0, "dropped_file"), kTrust + "duplicates_a.xml");
    EXPECT_EQ(d.at<std::int64_t>(0, "dropped_line"), 3);
    EXPECT_NE(d.at<std::string>(0, "reason").find("updated later"), std::string::npos);
    EXPECT_NE(d.at<std::string>(1, "reason").find("later file"), std::string::npos);
    EXPECT_EQ(d.at<std::string>(2, "kept_file"), kTrust + "duplicates_a.xml");
    EXPECT_EQ(d.at<std::int64_t>(2, "dropped_line"), 23);
    EXPECT_EQ(d.at<std::string>(4, "identifier"), "XM-DUP-5");
    EXPECT_EQ(d.at<std::int64_t>(4, "kept_line"), 43);
    EXPECT_EQ(d.at<std::int64_t>(4, "dropped_line"), 53);
    EXPECT_NE(d.at<std::string>(4, "reason").find("first record"), std::string::npos);
    // One identifier-unique diagnostic per dropped record, at the dropped record's place.
    std::size_t diagnostics = 0;
    for (const auto& x : r.diagnostics) {
        if (x.rule != "identifier-unique") continue;
        ++diagnostics;
        if (x.message.find("XM-DUP-1") != std::string::npos) {
            EXPECT_EQ(x.where.file, kTrust + "duplicates_a.xml");
            EXPECT_EQ(x.where.line, 3U);
        }
    }
    EXPECT_EQ(diagnostics, 5U);
}

TEST(iati_duplicates_test, the_policy_is_switchable) {
    IatiReadOptions first;
    first.duplicates = DuplicatePolicy::first_read;
    Portfolio a;
    const auto ra = read_iati_files({kTrust + "duplicates_a.xml", kTrust + "duplicates_b.xml"}, a, first);
    // Everything from a, plus DUP-5 first in b: 100 + 20 + 30 + 40 + 50 = 240.00.
    EXPECT_EQ(total(a).to_string(), "240.00");
    EXPECT_EQ(ra.duplicates.row_count(), 5U);

    IatiReadOptions last;
    last.duplicates = parse_duplicate_policy("last-read");
    Portfolio b;
    (void)read_iati_files({kTrust + "duplicates_a.xml", kTrust + "duplicates_b.xml"}, b, last);
    // Everything from b, DUP-5 last in b: 250 + 21 + 31 + 41 + 51 = 394.00.
    EXPECT_EQ(total(b).to_string(), "394.00");
    EXPECT_THROW((void)parse_duplicate_policy("newest"), ValidationError);
}

TEST(iati_duplicates_test, strict_mode_refuses_duplicates) {
    IatiReadOptions strict;
    strict.strict = true;
    Portfolio p;
    EXPECT_THROW((void)read_iati_files({kTrust + "duplicates_a.xml", kTrust + "duplicates_b.xml"}, p, strict),
                 ValidationError);
}

TEST(iati_duplicates_test, a_record_already_in_the_portfolio_is_kept) {
    Portfolio p;
    (void)read_iati_files({kTrust + "duplicates_a.xml"}, p);
    const auto r = read_iati_files({kTrust + "duplicates_b.xml"}, p);
    // DUP-1..4 already held from a (100 + 20 + 30 + 40); DUP-5 new (50): 240.00.
    EXPECT_EQ(total(p).to_string(), "240.00");
    ASSERT_EQ(r.duplicates.row_count(), 5U);
    EXPECT_NE(r.duplicates.at<std::string>(0, "reason").find("before this read"), std::string::npos);
}

TEST(iati_duplicates_test, date_times_compare_in_utc) {
    // 2024-01-01T07:00:00+07:00 is midnight UTC: 19723 days * 86400 s.
    EXPECT_EQ(parse_iati_datetime("2024-01-01T07:00:00+07:00"), std::int64_t{19723} * 86400);
    EXPECT_EQ(parse_iati_datetime("2024-01-01"), std::int64_t{19723} * 86400);
    EXPECT_EQ(parse_iati_datetime("2024-01-01T00:00:00.5Z"), std::int64_t{19723} * 86400);
    EXPECT_EQ(parse_iati_datetime("2023-12-31T19:00:00-05:00"), std::int64_t{19723} * 86400);
    EXPECT_FALSE(parse_iati_datetime(""));
    EXPECT_FALSE(parse_iati_datetime("2024-02-30T00:00:00Z"));
    EXPECT_FALSE(parse_iati_datetime("yesterday"));
}

}  // namespace
}  // namespace aidtrack
