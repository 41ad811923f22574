/// \file iati_values_test.cpp
/// \brief The reader's code checks: each list is found once by the address of its name, and
/// a buffer that holds another list's name later is checked against that other list.

#include <aidtrack/model/portfolio.hpp>
#include <cstring>
#include <pugixml.hpp>

#include "../../src/io/iati_line_map.hpp"
#include "../../src/io/iati_problems.hpp"
#include "../../src/io/iati_values.hpp"
#include "../../src/io/iati_versions.hpp"

#include <gtest/gtest.h>

namespace aidtrack::iati_detail {
namespace {

struct Checks {
    LineMap lines;
    Portfolio portfolio;
    Diagnostics diagnostics;
    ProblemReport report{false, lines, portfolio, diagnostics};
    VersionMapping versions{report};
    ValueReader values{report, versions};
};

TEST(iati_values_test, codes_are_checked_against_the_list_named_now) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string("<a/>"));
    Checks c;
    c.report.begin_file("checks.xml");
    char name[32];  // one buffer, two list names in turn
    std::strcpy(name, "Currency");
    c.values.check_code(doc.first_child(), name, "KHR");  // on Currency
    c.values.check_code(doc.first_child(), name, "3");    // not on Currency
    std::strcpy(name, "TransactionType");
    c.values.check_code(doc.first_child(), name, "3");                 // on TransactionType
    c.values.check_code(doc.first_child(), name, "KHR");               // not on TransactionType
    c.values.check_code(doc.first_child(), "NoSuchList", "anything");  // unknown lists check nothing
    c.values.check_code(doc.first_child(), "Currency", "");            // nor do empty codes
    ASSERT_EQ(c.diagnostics.size(), 2U);
    EXPECT_EQ(c.diagnostics[0].message, "unknown Currency code '3'");
    EXPECT_EQ(c.diagnostics[1].message, "unknown TransactionType code 'KHR'");
    for (const Diagnostic& d : c.diagnostics) EXPECT_EQ(d.rule, "code-on-codelist");
}

}  // namespace
}  // namespace aidtrack::iati_detail
