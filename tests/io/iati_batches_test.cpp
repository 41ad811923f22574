/// \file
/// \brief Reading IATI files a batch of activities at a time gives exactly what a whole-document
/// parse gives: the same Portfolio, diagnostics and lines, on the real files, their truncations
/// and crafted documents whose text fools a quick cut; and parsing ahead on a second thread
/// gives what one thread gives.
#include "../../src/io/iati_batches.hpp"

#include <aidtrack/core/error.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace aidtrack {
namespace {

namespace fs = std::filesystem;
using iati_detail::BatchCut;

const std::string kReal = std::string(AIDTRACK_TEST_DATA_DIR) + "/iati/real/";

struct Read {
    Portfolio portfolio;
    IatiReadResult result;
    std::vector<std::string> diagnostics;
};

Read read_string(const std::string& xml, std::size_t batch_bytes) {
    Read r;
    IatiReadOptions options;
    options.batch_bytes = batch_bytes;
    r.result = read_iati_string(xml, r.portfolio, options, "doc.xml");
    for (const auto& d : r.result.diagnostics) r.diagnostics.push_back(d.to_string());
    return r;
}

Read read_file(const std::string& path, std::size_t batch_bytes) {
    Read r;
    IatiReadOptions options;
    options.batch_bytes = batch_bytes;
    r.result = read_iati_files({path}, r.portfolio, options);
    for (const auto& d : r.result.diagnostics) r.diagnostics.push_back(d.to_string());
    return r;
}

void expect_same(const Read& whole, const Read& batched, const std::string& what) {
    EXPECT_EQ(whole.diagnostics, batched.diagnostics) << what;
    EXPECT_EQ(whole.result.activities_read, batched.result.activities_read) << what;
    EXPECT_EQ(whole.result.activities_kept, batched.result.activities_kept) << what;
    EXPECT_EQ(whole.result.transactions, batched.result.transactions) << what;
    EXPECT_EQ(whole.result.notes, batched.result.notes) << what;
    EXPECT_TRUE(whole.portfolio == batched.portfolio) << what;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> real_activity_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kReal)) {
        if (e.path().extension() == ".xml" && slurp(e.path().string()).find("<iati-activities") != std::string::npos)
            out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(iati_batches_test, real_files_read_the_same_in_batches_of_any_size) {
    const auto files = real_activity_files();
    ASSERT_GE(files.size(), 10U);
    for (const auto& path : files) {
        const Read whole = read_file(path, 0);
        ASSERT_GT(whole.result.activities_read, 0U) << path;
        // 1 byte: every activity its own batch; 20 kB: several activities a batch; from a file
        // (the text read a chunk at a time) and from memory.
        expect_same(whole, read_file(path, 1), path + " by file, 1-byte batches");
        expect_same(whole, read_file(path, 20'000), path + " by file, 20 kB batches");
        const std::string text = slurp(path);
        expect_same(read_string(text, 0), read_string(text, 1), path + " from memory, 1-byte batches");
    }
}

TEST(iati_batches_test, truncations_give_the_same_records_and_errors) {
    // The largest real activity file, cut at every tenth: the records before the cut are kept
    // and the error names the same line whether the document is parsed whole or in batches.
    std::string largest;
    for (const auto& path : real_activity_files()) {
        if (largest.empty() || fs::file_size(path) > fs::file_size(largest)) largest = path;
    }
    const std::string text = slurp(largest);
    const fs::path dir = fs::temp_directory_path() / "aidtrack-batches-test";
    fs::create_directories(dir);
    for (int tenth = 1; tenth < 10; ++tenth) {
        const std::string cut = text.substr(0, text.size() * static_cast<std::size_t>(tenth) / 10);
        const std::string path = (dir / ("cut-" + std::to_string(tenth) + ".xml")).string();
        std::ofstream(path, std::ios::binary) << cut;
        const Read whole = read_file(path, 0);
        EXPECT_FALSE(whole.diagnostics.empty());
        expect_same(whole, read_file(path, 1), path);
        expect_same(whole, read_file(path, 5'000), path);
    }
    fs::remove_all(dir);
}

// A read with `threads` threads, its progress reports and, in strict mode, what it threw.
struct ThreadedRead {
    Read read;
    std::vector<std::pair<std::size_t, std::size_t>> progress;
    std::string error;
};

ThreadedRead read_with_threads(const std::string& path, std::size_t batch_bytes, unsigned threads,
                               bool strict = false) {
    ThreadedRead r;
    IatiReadOptions options;
    options.batch_bytes = batch_bytes;
    options.threads = threads;
    options.strict = strict;
    options.progress = [&r](std::size_t done, std::size_t total) { r.progress.emplace_back(done, total); };
    try {
        r.read.result = read_iati_files({path}, r.read.portfolio, options);
    } catch (const Error& e) {
        r.error = e.what();
    }
    for (const auto& d : r.read.result.diagnostics) r.read.diagnostics.push_back(d.to_string());
    return r;
}

void expect_same_threaded(const ThreadedRead& one, const ThreadedRead& two, const std::string& what) {
    expect_same(one.read, two.read, what);
    EXPECT_EQ(one.progress, two.progress) << what;
    EXPECT_EQ(one.error, two.error) << what;
    EXPECT_EQ(one.read.result.records_skipped, two.read.result.records_skipped) << what;
    EXPECT_EQ(one.read.result.duplicates.row_count(), two.read.result.duplicates.row_count()) << what;
}

// An activity of `rows` transactions whose provider, receiver and sector cycle through a few
// values, and a budget; `updated` is its last-updated-datetime.
std::string activity_xml(const std::string& id, int rows, const std::string& updated) {
    std::string xml = "<iati-activity default-currency=\"USD\" last-updated-datetime=\"" + updated +
                      "\"><iati-identifier>" + id +
                      "</iati-identifier><reporting-org ref=\"XM-REP\" type=\"10\"><narrative>Reporter</narrative>"
                      "</reporting-org>\n";
    for (int k = 0; k < rows; ++k) {
        const std::string n = std::to_string(k % 7);
        xml += "<transaction><transaction-type code=\"" + std::to_string(k % 2 == 0 ? 3 : 4) +
               "\"/><transaction-date iso-date=\"2020-01-" + std::to_string(1 + k % 28) + "\"/><value>" +
               std::to_string(k) + ".25</value><provider-org ref=\"XM-P" + n + "\"><narrative>Provider " + n +
               "</narrative></provider-org><receiver-org ref=\"XM-R" + std::to_string(k % 5) +
               "\"/><sector vocabulary=\"1\" code=\"1525" + std::to_string(k % 2) + "\"/></transaction>\n";
    }
    xml +=
        "<budget><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>"
        "<value value-date=\"2020-01-01\">1000</value></budget></iati-activity>\n";
    return xml;
}

TEST(iati_batches_test, a_read_on_two_threads_tables_the_transactions_as_one_thread_does) {
    // 700 + 500 + 600 transactions: enough for the second thread to table them while the first
    // delivers the activities. XM-A comes twice; the later record (10 rows) replaces it.
    const std::string xml = "<iati-activities version=\"2.03\">\n" + activity_xml("XM-A", 700, "2020-01-01T00:00:00") +
                            activity_xml("XM-B", 500, "2020-01-01T00:00:00") +
                            activity_xml("XM-A", 10, "2021-01-01T00:00:00") +
                            activity_xml("XM-C", 600, "2020-01-01T00:00:00") + "</iati-activities>\n";
    IatiReadOptions one_thread;
    one_thread.threads = 1;
    IatiReadOptions two_threads;
    two_threads.threads = 2;
    Portfolio one;
    Portfolio two;
    const IatiReadResult r1 = read_iati_string(xml, one, one_thread, "rows.xml");
    const IatiReadResult r2 = read_iati_string(xml, two, two_threads, "rows.xml");
    EXPECT_EQ(r1.transactions, 10U + 500U + 600U);
    EXPECT_EQ(r2.transactions, r1.transactions);
    EXPECT_EQ(r2.budgets, r1.budgets);
    EXPECT_EQ(r2.duplicates.row_count(), 1U);
    EXPECT_TRUE(one == two);
    // The same string pool in the same order, and the same codes in the text columns.
    EXPECT_EQ(one.transactions().strings().strings(), two.transactions().strings().strings());
    EXPECT_EQ(one.transactions().provider_org, two.transactions().provider_org);
    EXPECT_EQ(one.transactions().activity, two.transactions().activity);
    // XM-A's 10 rows point at its first place (index 0), then XM-B's 500, then XM-C's 600.
    EXPECT_EQ(two.transactions().activity[0], 0U);
    EXPECT_EQ(two.transactions().activity[10], 1U);
    EXPECT_EQ(two.transactions().activity[510], 2U);
    ASSERT_NE(two.find_organisation("XM-P3"), nullptr);
    EXPECT_EQ(two.organisation_name("XM-P3"), "Provider 3");
}

TEST(iati_batches_test, several_threads_read_exactly_what_one_thread_reads) {
    // With two threads or more, the next batch is parsed while the model is built from the
    // current one (3 and 4 ask for more than a read uses); the Portfolio, the diagnostics, their
    // order and the progress reports are those of one thread.
    std::size_t several_batches = 0;  // files of more than two activities: as many batches at 1 byte
    std::size_t strict_errors = 0;    // strict reads that stop at a problem
    for (const auto& path : real_activity_files()) {
        for (const std::size_t batch_bytes : {std::size_t{1}, std::size_t{20'000}}) {
            const std::string what = path + ", batches of " + std::to_string(batch_bytes);
            const ThreadedRead one = read_with_threads(path, batch_bytes, 1);
            if (batch_bytes == 1 && one.read.result.activities_read > 2) ++several_batches;
            for (const unsigned threads : {2U, 3U, 4U}) {
                expect_same_threaded(one, read_with_threads(path, batch_bytes, threads),
                                     what + ", " + std::to_string(threads) + " threads");
            }
        }
        // Strict: the first problem ends the read while the worker may be parsing ahead.
        const ThreadedRead strict = read_with_threads(path, 1, 1, true);
        if (!strict.error.empty()) ++strict_errors;
        for (const unsigned threads : {2U, 4U}) {
            expect_same_threaded(strict, read_with_threads(path, 1, threads, true),
                                 path + ", strict, " + std::to_string(threads) + " threads");
        }
    }
    EXPECT_GE(several_batches, 5U);
    EXPECT_GE(strict_errors, 1U);
    // A file cut short: the error ends the read in the same place.
    std::string largest;
    for (const auto& path : real_activity_files()) {
        if (largest.empty() || fs::file_size(path) > fs::file_size(largest)) largest = path;
    }
    const std::string text = slurp(largest);
    const fs::path dir = fs::temp_directory_path() / "aidtrack-batch-threads-test";
    fs::create_directories(dir);
    const std::string path = (dir / "cut.xml").string();
    std::ofstream(path, std::ios::binary) << text.substr(0, text.size() / 2);
    for (const std::size_t batch_bytes : {std::size_t{1}, std::size_t{5'000}}) {
        const ThreadedRead one = read_with_threads(path, batch_bytes, 1);
        EXPECT_FALSE(one.read.diagnostics.empty());
        for (const unsigned threads : {2U, 3U}) {
            expect_same_threaded(
                one, read_with_threads(path, batch_bytes, threads),
                "cut in half, batches of " + std::to_string(batch_bytes) + ", " + std::to_string(threads) + " threads");
        }
    }
    fs::remove_all(dir);
}

TEST(iati_batches_test, a_problem_reported_once_per_file_is_reported_once_whatever_the_threads) {
    // A 2.03 file whose every activity uses the 1.0x letter D: each batch (one activity at 1 byte)
    // is read on its own, yet the file reports the mismatch once, at the first activity's D.
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n";
    for (int i = 1; i <= 12; ++i) {
        xml += " <iati-activity default-currency=\"USD\">\n  <iati-identifier>XM-ONCE-" + std::to_string(i) +
               "</iati-identifier>\n  <transaction><transaction-type code=\"D\"/><transaction-date "
               "iso-date=\"2020-01-01\"/><value>" +
               std::to_string(i) + "</value></transaction>\n </iati-activity>\n";
    }
    xml += "</iati-activities>\n";
    const fs::path dir = fs::temp_directory_path() / "aidtrack-batch-once-test";
    fs::create_directories(dir);
    const std::string path = (dir / "mismatch.xml").string();
    std::ofstream(path, std::ios::binary) << xml;
    const ThreadedRead whole = read_with_threads(path, 0, 1);
    ASSERT_EQ(whole.read.portfolio.transactions().size(), 12U);
    std::size_t mismatches = 0;
    for (const auto& d : whole.read.result.diagnostics) {
        if (d.rule != "version-mismatch") continue;
        ++mismatches;
        EXPECT_EQ(d.where.line, 5U);  // the first activity's transaction
    }
    EXPECT_EQ(mismatches, 1U);
    for (const std::size_t batch_bytes : {std::size_t{1}, std::size_t{300}}) {
        for (const unsigned threads : {1U, 2U, 3U}) {
            expect_same_threaded(
                whole, read_with_threads(path, batch_bytes, threads),
                "batches of " + std::to_string(batch_bytes) + ", " + std::to_string(threads) + " threads");
        }
    }
    fs::remove_all(dir);
}

// Activities whose text holds what a substring search takes for an activity's end.
std::string crafted(const std::string& middle) {
    std::string xml =
        "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment before the root -->\n"
        "<iati-activities version=\"2.03\" note=\"a > in a value\">\n";
    for (int i = 1; i <= 3; ++i) {
        xml += " <iati-activity default-currency=\"USD\">\n  <iati-identifier>XM-T-" + std::to_string(i) +
               "</iati-identifier>\n";
        if (i == 2) xml += middle;
        xml += "  <transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"2020-01-0" +
               std::to_string(i) + "\"/><value>10" + std::to_string(i) + "</value></transaction>\n </iati-activity>\n";
    }
    return xml + "</iati-activities>\n";
}

TEST(iati_batches_test, text_that_looks_like_an_end_tag_does_not_cut_a_batch) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"comment", "  <!-- </iati-activity> -->\n"},
        {"cdata", "  <title><narrative><![CDATA[ </iati-activity> ]]></narrative></title>\n"},
        {"processing instruction", "  <?note </iati-activity> ?>\n"},
        {"nested activity", "  <iati-activity><iati-identifier>XM-NESTED</iati-identifier></iati-activity>\n"},
        {"end tag with space",
         "  <title><narrative>t</narrative></title>\n </iati-activity  >\n "
         "<iati-activity><iati-identifier>XM-T-2b</iati-identifier>\n"},
        {"self-closing activity",
         " </iati-activity>\n <iati-activity/>\n <iati-activity>\n  <iati-identifier>XM-T-2c</iati-identifier>\n"},
        {"unexpected element",
         " </iati-activity>\n <note>between activities</note>\n <iati-activity>\n  "
         "<iati-identifier>XM-T-2d</iati-identifier>\n"},
        {"mismatched tag", "  <title><narrative>open</title>\n"},
        {"bad value", "  <transaction><transaction-type code=\"3\"/><value>1e400</value></transaction>\n"},
    };
    for (const auto& [name, middle] : cases) {
        const std::string xml = crafted(middle);
        const Read whole = read_string(xml, 0);
        for (std::size_t batch : {std::size_t{1}, std::size_t{40}, std::size_t{200}, std::size_t{400}}) {
            expect_same(whole, read_string(xml, batch), name + ", batches of " + std::to_string(batch));
        }
    }
    // The comment case is read in full: three activities, three transactions.
    const Read comment = read_string(crafted("  <!-- </iati-activity> -->\n"), 1);
    EXPECT_EQ(comment.portfolio.activity_count(), 3U);
    EXPECT_EQ(comment.portfolio.transactions().size(), 3U);
    EXPECT_TRUE(comment.diagnostics.empty());
}

TEST(iati_batches_test, garbage_after_the_root_is_reported_alike) {
    const std::string body = crafted("");
    for (const std::string& xml : {body + "<extra/>\n", body + "trailing text"}) {
        const Read whole = read_string(xml, 0);
        expect_same(whole, read_string(xml, 1), xml.substr(xml.size() - 30));
    }
}

TEST(iati_batches_test, a_file_cut_between_activities_keeps_every_complete_one) {
    // Cut after the third activity's end tag: no activity is incomplete, whatever the batch.
    const std::string body = crafted("");
    const std::string xml = body.substr(0, body.size() - std::string("</iati-activities>\n").size());
    const Read one = read_string(xml, std::size_t{1} << 30);  // a single batch
    EXPECT_EQ(one.portfolio.activity_count(), 3U);
    EXPECT_EQ(one.portfolio.transactions().size(), 3U);
    ASSERT_EQ(one.diagnostics.size(), 1U);
    EXPECT_NE(one.diagnostics[0].find("the complete records before this point are read"), std::string::npos)
        << one.diagnostics[0];
    for (std::size_t batch : {std::size_t{1}, std::size_t{40}, std::size_t{200}}) {
        expect_same(one, read_string(xml, batch), "batches of " + std::to_string(batch));
    }
    // Cut inside the third activity: it is left out, as in a whole-document parse.
    const std::string inside = body.substr(0, body.find("<value>103"));
    const Read whole = read_string(inside, 0);
    EXPECT_EQ(whole.portfolio.activity_count(), 2U);
    for (std::size_t batch : {std::size_t{1}, std::size_t{40}, std::size_t{1} << 30}) {
        expect_same(whole, read_string(inside, batch), "cut inside, batches of " + std::to_string(batch));
    }
}

TEST(iati_batches_test, only_plain_utf8_activity_documents_are_batched) {
    EXPECT_FALSE(iati_detail::find_batchable_root("\xFF\xFE<\0i\0"));  // UTF-16 LE
    EXPECT_FALSE(iati_detail::find_batchable_root("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><iati-activities>"));
    EXPECT_FALSE(iati_detail::find_batchable_root("<!DOCTYPE x><iati-activities>"));
    EXPECT_FALSE(iati_detail::find_batchable_root("<iati-activities version=\"2.03\"/>"));  // empty root
    EXPECT_FALSE(iati_detail::find_batchable_root("<iati-organisations>"));
    EXPECT_FALSE(iati_detail::find_batchable_root("<iati-activitiesX>"));
    const std::string text =
        "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n<!-- c -->\n<iati-activities a=\"x>y\">\n<iati-activity/>";
    const auto root = iati_detail::find_batchable_root(text);
    ASSERT_TRUE(root);
    // BOM 3 + declaration 38 + newline 1 + comment 10 + newline 1 = 53.
    EXPECT_EQ(root->begin, 53U);
    EXPECT_EQ(text.substr(root->begin, root->end - root->begin), "<iati-activities a=\"x>y\">");
}

TEST(iati_batches_test, exact_cut_counts_depth_and_skips_markup) {
    const std::string body = "<a><b/></a><!-- <x> --><c x='>'><![CDATA[</c>]]></c><d/>";
    //                         0         10        20        30        40        50
    // <a>..</a> ends at 11; the comment ends at 23; <c ...>...</c> ends at 52; <d/> at 56.
    EXPECT_EQ(iati_detail::next_batch_cut(body, 0, 0).at, 11U);
    EXPECT_EQ(iati_detail::next_batch_cut(body, 0, 12).at, 52U);
    EXPECT_EQ(iati_detail::next_batch_cut(body, 11, 53).at, 56U);
    EXPECT_EQ(iati_detail::next_batch_cut(body, 0, 57).kind, BatchCut::Kind::more);
    EXPECT_EQ(iati_detail::next_batch_cut("<a>text", 0, 0).kind, BatchCut::Kind::more);
    EXPECT_EQ(iati_detail::next_batch_cut("<a/></iati-activities>", 4, 5).kind, BatchCut::Kind::rest);
    const std::string two = "<iati-activity>x</iati-activity><iati-activity>y</iati-activity >";
    EXPECT_EQ(iati_detail::quick_batch_cut(two, 0, 1).at, 32U);    // 15 + 1 + 16
    EXPECT_EQ(iati_detail::quick_batch_cut(two, 32, 33).at, 65U);  // 32 + 15 + 1 + 17 (with the space)
    EXPECT_EQ(iati_detail::quick_batch_cut(two, 0, 66).kind, BatchCut::Kind::more);
}

}  // namespace
}  // namespace aidtrack
