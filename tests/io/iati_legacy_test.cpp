/// \file iati_legacy_test.cpp
/// \brief IATI 1.0x files: letter transaction codes and other changed codes, mapped with warnings.

#include <aidtrack/io/iati_reader.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

namespace aidtrack {
namespace {

const std::string kTrust = std::string(AIDTRACK_TEST_DATA_DIR) + "/trust/";

std::size_t count_rule(const Diagnostics& ds, const std::string& rule) {
    return static_cast<std::size_t>(
        std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

TEST(iati_legacy_test, letters_of_a_103_file_become_2_0x_types) {
    Portfolio p;
    const auto r = read_iati_files({kTrust + "legacy_103.xml"}, p);
    ASSERT_EQ(p.activity_count(), 1U);
    std::map<int, Decimal> by_type;
    for (std::size_t i = 0; i < p.transactions().size(); ++i)
        by_type[p.transactions().type[i]] += p.transactions().value_of(i).amount();
    // C -> 2 (1000.00), D -> 3 (400.00) plus a numeric 3 (100.00) = 500.00, E -> 4 (250.50), IF -> 1 (1000.00).
    EXPECT_EQ(by_type[2].to_string(), "1000.00");
    EXPECT_EQ(by_type[3].to_string(), "500.00");
    EXPECT_EQ(by_type[4].to_string(), "250.50");
    EXPECT_EQ(by_type[1].to_string(), "1000.00");
    EXPECT_EQ(p.transactions().size(), 5U);  // XX cannot be mapped: left out with a warning
    EXPECT_EQ(count_rule(r.diagnostics, "transaction-type-code"), 1U);
    // The numeric 3 in a file declaring 1.03 is a version mismatch, reported once.
    EXPECT_EQ(count_rule(r.diagnostics, "version-mismatch"), 1U);
    // Other 1.0x codes: activity-date names, organisation role names, sector vocabulary DAC.
    const Activity& a = p.activity(0);
    EXPECT_EQ(a.planned_start, make_date(2012, 1, 1));
    EXPECT_EQ(a.actual_end, make_date(2013, 12, 31));
    EXPECT_EQ(a.orgs_with_role(OrgRole::funding), std::vector<std::string>{"XM-OLD"});
    EXPECT_EQ(a.orgs_with_role(OrgRole::implementing), std::vector<std::string>{"XM-NGO"});
    ASSERT_EQ(a.sectors.size(), 1U);
    EXPECT_EQ(a.sectors[0].vocabulary, "1");
    EXPECT_EQ(count_rule(r.diagnostics, "code-on-codelist"), 0U);
    EXPECT_EQ(count_rule(r.diagnostics, "version-2"), 0U);
}

TEST(iati_legacy_test, a_2_03_file_using_letters_is_detected) {
    Portfolio p;
    const auto r = read_iati_files({kTrust + "mismatch_203.xml"}, p);
    // Both D transactions read as disbursements: 70.00 + 30.00 = 100.00; one warning per file and list.
    ASSERT_EQ(p.transactions().size(), 2U);
    Decimal sum;
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(p.transactions().type[i], 3);
        sum += p.transactions().value_of(i).amount();
    }
    EXPECT_EQ(sum.to_string(), "100.00");
    ASSERT_EQ(count_rule(r.diagnostics, "version-mismatch"), 1U);
    const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.rule == "version-mismatch"; });
    EXPECT_EQ(it->where.line, 8U);
    EXPECT_NE(it->message.find("declares version 2.03"), std::string::npos);
}

}  // namespace
}  // namespace aidtrack
