/// \file bad_input_test.cpp
/// \brief The bad-input corpus (tests/data/bad/expected.csv) through every reader, plus inputs
/// generated at test time: truncations of a real file, a 100 MB attribute, deep nesting.

#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/io/archive.hpp>
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/measures/constant_prices.hpp>
#include <aidtrack/measures/donor_flows.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <aidtrack/measures/reconciliation.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::string kBadDir = std::string(AIDTRACK_TEST_DATA_DIR) + "/bad";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One row of expected.csv.
struct Expectation {
    std::string file, reader, mode, outcome, rule;
    std::uint32_t line = 0;
};

std::vector<Expectation> manifest() {
    std::ifstream in(kBadDir + "/expected.csv");
    std::vector<Expectation> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
        if (f.size() != 6) throw std::runtime_error("expected.csv: bad row " + line);
        out.push_back({f[0], f[1], f[2], f[3], f[4], static_cast<std::uint32_t>(std::stoul(f[5]))});
    }
    return out;
}

/// Runs one non-IATI loader on `path`; throws what the loader throws.
void load_with(const std::string& reader, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string name = fs::path(path).filename().string();
    if (reader == "rates_csv") {
        (void)aidtrack::ExchangeRates::from_csv(in, name);
    } else if (reader == "imf_csv") {
        (void)aidtrack::ExchangeRates::from_imf_csv(in, name);
    } else if (reader == "results_hazards" || reader == "results_casualties") {
        aidtrack::ResultsStore store;
        (void)aidtrack::read_results_csv(
            store,
            reader == "results_hazards" ? aidtrack::ResultsCsvKind::hazards : aidtrack::ResultsCsvKind::casualties, in,
            name);
    } else if (reader == "coordination") {
        aidtrack::CoordinationStore store;
        aidtrack::load_coordination_csv(store, path);
    } else if (reader == "activity_shares") {
        (void)aidtrack::measures::load_activity_shares(in, name, "objective");
    } else if (reader == "questionnaire") {
        (void)aidtrack::measures::load_questionnaire(in, name);
    } else if (reader == "government_budget") {
        (void)aidtrack::measures::load_government_budget(in, name);
    } else if (reader == "global_aid") {
        (void)aidtrack::measures::load_global_aid(in, name);
    } else if (reader == "flows") {
        (void)aidtrack::load_flow_csv(in, name);
    } else if (reader == "deflators") {
        (void)aidtrack::Deflators::from_csv(in, name);
    } else if (reader == "archive") {
        (void)aidtrack::portfolio_from_bytes(read_all(path), name);
    } else {
        throw std::runtime_error("unknown reader " + reader);
    }
}

/// The error names the file (its base name) and, when the outcome has one, the line.
void expect_names_place(const std::string& what, const Expectation& e) {
    EXPECT_NE(what.find(fs::path(e.file).filename().string()), std::string::npos) << what;
    if (e.line > 0) {
        std::string place = ":";
        place.append(std::to_string(e.line)).append(":");
        EXPECT_NE(what.find(place), std::string::npos) << what;
    }
}

void check_iati(const Expectation& e) {
    const std::string path = kBadDir + "/" + e.file;
    aidtrack::IatiReadOptions options;
    options.strict = e.mode == "strict";
    aidtrack::Portfolio p;
    if (options.strict) {
        try {
            (void)aidtrack::read_iati_files({path}, p, options);
            EXPECT_EQ(e.outcome, "ok") << e.file << " loaded in strict mode";
        } catch (const aidtrack::Error& error) {
            EXPECT_EQ(error.kind(), e.outcome) << e.file << ": " << error.what();
            if (e.rule != "-") {
                EXPECT_EQ(error.rule(), e.rule) << error.what();
            }
            EXPECT_EQ(error.where().line, e.line) << error.what();
            expect_names_place(error.what(), e);
        }
        return;
    }
    const auto result = aidtrack::read_iati_files({path}, p, options);  // lenient never throws
    if (e.outcome == "ok") {
        EXPECT_TRUE(result.diagnostics.empty()) << e.file << ": " << result.diagnostics.front().to_string();
        return;
    }
    const auto space = e.outcome.find(' ');
    const std::string severity = e.outcome.substr(0, space);
    const std::string kind = e.outcome.substr(space + 1);
    bool found = false;
    for (const auto& d : result.diagnostics) {
        if (d.kind == kind && d.rule == e.rule && d.where.line == e.line &&
            (d.severity == aidtrack::Severity::error) == (severity == "error")) {
            found = true;
            expect_names_place(d.to_string(), e);
        }
    }
    EXPECT_TRUE(found) << e.file << ": no " << e.outcome << " [" << e.rule << "] at line " << e.line;
    EXPECT_EQ(p.diagnostics().size(), result.diagnostics.size());
}

void check_loader(const Expectation& e) {
    try {
        load_with(e.reader, kBadDir + "/" + e.file);
        EXPECT_EQ(e.outcome, "ok") << e.file << " loaded";
    } catch (const aidtrack::Error& error) {
        EXPECT_EQ(error.kind(), e.outcome) << e.file << ": " << error.what();
        if (e.rule != "-") {
            EXPECT_EQ(error.rule(), e.rule) << error.what();
        }
        EXPECT_EQ(error.where().line, e.line) << error.what();
        expect_names_place(error.what(), e);
    }
}

/// Peak resident memory (VmHWM) in bytes after resetting it; Linux only.
std::size_t reset_peak_rss() {
    std::ofstream("/proc/self/clear_refs") << "5";
    return 0;
}
std::size_t peak_rss() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    }
    return 0;
}
std::size_t current_rss() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    }
    return 0;
}

}  // namespace

TEST(bad_input_test, every_corpus_file_gives_its_expected_outcome) {
    const auto rows = manifest();
    ASSERT_GE(rows.size(), 50U);
    for (const auto& e : rows) {
        SCOPED_TRACE(e.file + " " + e.reader + " " + e.mode);
        ASSERT_TRUE(fs::exists(kBadDir + "/" + e.file)) << e.file;
        if (e.reader == "iati")
            check_iati(e);
        else
            check_loader(e);
    }
}

TEST(bad_input_test, every_corpus_file_through_every_reader_gives_only_aidtrack_errors) {
    // Whatever the reader, a file meant for another one is refused with an aidtrack::Error
    // (or read); nothing else escapes.
    const std::vector<std::string> readers{
        "rates_csv",         "imf_csv",    "results_hazards", "results_casualties", "activity_shares", "questionnaire",
        "government_budget", "global_aid", "flows",           "deflators",          "archive"};
    std::size_t runs = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kBadDir)) {
        if (!entry.is_regular_file()) continue;
        const std::string path = entry.path().string();
        for (const auto& reader : readers) {
            try {
                load_with(reader, path);
            } catch (const aidtrack::Error& error) {
                EXPECT_FALSE(error.where().file.empty()) << reader << " " << path << ": " << error.what();
            }
            ++runs;
        }
        aidtrack::Portfolio p;
        const auto result = aidtrack::read_iati_files({path}, p);
        for (const auto& d : result.diagnostics) EXPECT_LT(d.message.size(), 1000U) << d.to_string();
    }
    EXPECT_GT(runs, 300U);
}

TEST(bad_input_test, external_entities_are_never_read) {
    const std::string secret = read_all(kBadDir + "/secret.txt");
    ASSERT_NE(secret.find("SECRET-TOKEN-4b1e9c"), std::string::npos);
    for (const char* file : {"external_entity.xml", "undeclared_entity.xml"}) {
        aidtrack::Portfolio p;
        const auto result = aidtrack::read_iati_files({kBadDir + "/" + file}, p);
        for (const auto& d : result.diagnostics) EXPECT_EQ(d.to_string().find("SECRET-TOKEN"), std::string::npos);
        for (const auto& a : p.activities()) {
            for (const auto& n : a.title) EXPECT_EQ(n.text.find("SECRET-TOKEN"), std::string::npos);
        }
        EXPECT_EQ(aidtrack::summarize_iati(p).to_json().find("SECRET-TOKEN"), std::string::npos);
        // The same file with its DOCTYPE gone but the reference kept: &xxe; stays unexpanded text.
        std::string body = read_all(kBadDir + "/" + file);
        body.erase(body.find("<!DOCTYPE"), body.find("<iati-activities") - body.find("<!DOCTYPE"));
        aidtrack::Portfolio q;
        (void)aidtrack::read_iati_string(body, q, {}, file);
        ASSERT_EQ(q.activity_count(), 1U) << file;
        for (const auto& n : q.activities().front().title) EXPECT_EQ(n.text.find("SECRET-TOKEN"), std::string::npos);
    }
}

TEST(bad_input_test, billion_laughs_is_refused_quickly_without_expansion) {
    const auto start = std::chrono::steady_clock::now();
    aidtrack::Portfolio p;
    const auto result = aidtrack::read_iati_files({kBadDir + "/billion_laughs.xml"}, p);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 5.0);  // 10^9 "lol"s would take minutes and gigabytes
    EXPECT_EQ(p.activity_count(), 0U);
    ASSERT_EQ(result.diagnostics.size(), 1U);
    EXPECT_EQ(result.diagnostics.front().rule, "no-entities");
}

TEST(bad_input_test, truncations_at_every_tenth_of_a_real_file) {
    // fcdo-activity.xml is a real FCDO publication; cut at 10 %, 20 %, …, 90 % it must give a
    // ParseError naming the line in strict mode, and keep only whole activities in lenient mode.
    const std::string path = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/fcdo-activity.xml";
    const std::string full = read_all(path);
    aidtrack::Portfolio whole;
    (void)aidtrack::read_iati_string(full, whole, {}, "fcdo-activity.xml");
    ASSERT_GT(whole.activity_count(), 0U);
    std::size_t previous = 0;
    for (int tenth = 0; tenth <= 9; ++tenth) {
        SCOPED_TRACE(tenth * 10);
        const std::string cut = full.substr(0, full.size() * static_cast<std::size_t>(tenth) / 10);
        aidtrack::Portfolio lenient;
        const auto result = aidtrack::read_iati_string(cut, lenient, {}, "cut.xml");
        ASSERT_FALSE(result.diagnostics.empty());
        bool well_formed_error = false;
        for (const auto& d : result.diagnostics)
            well_formed_error |= d.rule == "well-formed" && d.severity == aidtrack::Severity::error;
        EXPECT_TRUE(well_formed_error);
        EXPECT_LE(lenient.activity_count(), whole.activity_count());
        EXPECT_GE(lenient.activity_count(), previous);  // a longer prefix never keeps fewer activities
        previous = lenient.activity_count();
        for (const auto& a : lenient.activities())
            EXPECT_TRUE(whole.find_activity(a.identifier).has_value()) << a.identifier;
        aidtrack::Portfolio strict;
        aidtrack::IatiReadOptions options;
        options.strict = true;
        try {
            (void)aidtrack::read_iati_string(cut, strict, options, "cut.xml");
            ADD_FAILURE() << "a truncated file read in strict mode";
        } catch (const aidtrack::ParseError& e) {
            EXPECT_EQ(e.where().file, "cut.xml");
            if (tenth > 0) {
                EXPECT_GT(e.where().line, 0U) << e.what();
            }
        }
    }
}

TEST(bad_input_test, deeply_nested_elements_do_not_overflow_the_stack) {
    constexpr int kDepth = 200000;
    std::string deep =
        "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n<iati-activity default-currency=\"USD\">\n"
        "<iati-identifier>XM-DEEP-1</iati-identifier>\n<title><narrative>Deep</narrative></title>\n";
    for (int i = 0; i < kDepth; ++i) deep += "<x>";
    for (int i = 0; i < kDepth; ++i) deep += "</x>";
    deep += "\n</iati-activity>\n</iati-activities>\n";
    aidtrack::Portfolio p;
    const auto result = aidtrack::read_iati_string(deep, p, {}, "deep.xml");
    EXPECT_EQ(p.activity_count(), 1U);  // unknown elements are skipped, not walked
    // The same depth as the whole document, and unclosed.
    std::string root_deep;
    for (int i = 0; i < kDepth; ++i) root_deep += "<iati-activities>";
    aidtrack::Portfolio q;
    const auto broken = aidtrack::read_iati_string(root_deep, q, {}, "deeper.xml");
    EXPECT_FALSE(broken.diagnostics.empty());
    (void)result;
}

TEST(bad_input_test, a_100_mb_attribute_keeps_memory_bounded) {
    constexpr std::size_t kSize = 100U << 20U;
    std::string xml =
        "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n <iati-activity default-currency=\"USD\">\n"
        "  <iati-identifier>XM-HUGE-1</iati-identifier>\n  <activity-status code=\"";
    xml.append(kSize, '7');
    xml += "\"/>\n </iati-activity>\n</iati-activities>\n";
    const std::size_t input = xml.size();
    reset_peak_rss();
    const std::size_t before = current_rss();
    {
        aidtrack::Portfolio p;
        const auto result = aidtrack::read_iati_string(xml, p, {}, "huge.xml");
        ASSERT_EQ(p.activity_count(), 1U);
        bool flagged = false;
        for (const auto& d : result.diagnostics) {
            EXPECT_LT(d.message.size(), 1000U);  // messages quote at most a few dozen characters
            flagged |= d.rule == "code-on-codelist" && d.where.line == 5;
        }
        EXPECT_TRUE(flagged);
    }
    const std::size_t peak = peak_rss();
    if (peak > 0 && before > 0) {
        // The input, the reader's working copy and the stored code: about 3x, never more than 5x.
        EXPECT_LT(peak - std::min(peak, before), 5 * input) << "peak " << peak << " before " << before;
    }
}

TEST(bad_input_test, circular_provider_receiver_links_terminate) {
    aidtrack::Portfolio p;
    const auto result = aidtrack::read_iati_files({kBadDir + "/circular_links.xml"}, p);
    ASSERT_EQ(p.activity_count(), 2U);
    EXPECT_TRUE(result.diagnostics.empty());
    // A pays B and B pays A: each is a later hop of the other, and the walk ends.
    const auto pass = aidtrack::measures::pass_through_activities(p);
    EXPECT_EQ(pass.size(), 2U);
    aidtrack::measures::MeasureOptions options;
    const aidtrack::Table flows = aidtrack::measures::donor_flows(p, options);
    (void)flows;
}

TEST(bad_input_test, negative_zero_reads_as_zero) {
    aidtrack::Portfolio p;
    (void)aidtrack::read_iati_files({kBadDir + "/number_negative_zero.xml"}, p);
    ASSERT_EQ(p.transactions().size(), 1U);
    EXPECT_EQ(p.transactions().row(0).value.amount(), aidtrack::Decimal(0));
    EXPECT_FALSE(p.transactions().row(0).value.amount().is_negative());
}
