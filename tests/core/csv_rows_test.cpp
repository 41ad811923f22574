/// \file csv_rows_test.cpp
/// \brief The typed row reader: named columns, typed getters, FILE:LINE and column in every
/// error, one boolean and evidence rule, and NUL bytes and invalid UTF-8 refused.

#include <gtest/gtest.h>
#include <unistd.h>

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/measures/measure_inputs.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace aidtrack {
namespace {

namespace fs = std::filesystem;

/// Runs `f` on the first data row of `csv` (named "t.csv").
void with_row(const std::string& csv, const std::function<void(const CsvRow&)>& f) {
    std::istringstream in(csv);
    CsvRows rows(in, "t.csv");
    ASSERT_TRUE(rows.next()) << csv;
    f(rows.row());
}

/// The ParseError `f` throws (fails the test when it throws none).
ParseError parse_error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ParseError& e) {
        return e;
    }
    ADD_FAILURE() << "no ParseError";
    return ParseError("none");
}

/// The ParseError of `getter` on the first data row of `csv`.
ParseError row_error(const std::string& csv, const std::function<void(const CsvRow&)>& getter) {
    return parse_error_of([&] { with_row(csv, getter); });
}

void expect_at(const ParseError& e, std::uint32_t line, const std::string& column, const std::string& rule) {
    EXPECT_EQ(e.where().file, "t.csv") << e.what();
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().element, column) << e.what();
    EXPECT_EQ(e.rule(), rule) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("t.csv:" + std::to_string(line), 0), 0U) << e.what();
}

TEST(csv_rows_test, typed_getters_read_cells_by_name_trimmed) {
    with_row(
        "name, n ,amount,day,flag,ev,cur,items\n"
        " Pailin ,\t42 , 1.50 ,2023-02-28, Yes ,Derived,KHR, a; b ;;c \n",
        [](const CsvRow& r) {
            EXPECT_EQ(r.text("name"), "Pailin");
            EXPECT_EQ(r.integer("n"), 42);
            EXPECT_EQ(r.integer<int>("n"), 42);
            EXPECT_EQ(r.decimal("amount"), Decimal::parse("1.5"));
            EXPECT_EQ(r.date("day"), make_date(2023, 2, 28));
            EXPECT_TRUE(r.boolean("flag", false));
            EXPECT_EQ(r.evidence("ev"), Evidence::derived);
            EXPECT_EQ(r.currency("cur"), CurrencyCode("KHR"));
            EXPECT_EQ(r.list("items"), (std::vector<std::string>{"a", "b", "c"}));
            EXPECT_EQ(r.line(), 2U);
            EXPECT_EQ(r.file(), "t.csv");
        });
}

TEST(csv_rows_test, optional_getters_give_nothing_for_empty_cells_and_absent_columns) {
    with_row("a,b,c,d,e,f\n , ,,,,z\n", [](const CsvRow& r) {
        EXPECT_TRUE(r.empty("a"));
        EXPECT_TRUE(r.empty("absent"));
        EXPECT_EQ(r.optional_text("a"), "");
        EXPECT_EQ(r.optional_text("absent"), "");
        EXPECT_FALSE(r.optional_integer("b"));
        EXPECT_FALSE(r.optional_decimal("c"));
        EXPECT_FALSE(r.optional_date("d"));
        EXPECT_FALSE(r.optional_boolean("e"));
        EXPECT_FALSE(r.optional_boolean("absent"));
        EXPECT_TRUE(r.boolean("e", true));
        EXPECT_EQ(r.evidence(), Evidence::reported);  // no evidence column: reported
        EXPECT_TRUE(r.list("absent").empty());
        EXPECT_EQ(r.parse_or(
                      "a", [](const std::string&) { return 1; }, 7),
                  7);
    });
    with_row("a,b\nx\n", [](const CsvRow& r) { EXPECT_TRUE(r.empty("b")); });  // a short record
}

TEST(csv_rows_test, one_boolean_rule_for_every_loader) {
    for (const char* yes : {"1", "true", "TRUE", "yes", "Yes", "y", "Y"}) {
        with_row(std::string("f\n") + yes + "\n",
                 [&](const CsvRow& r) { EXPECT_EQ(r.optional_boolean("f"), true) << yes; });
    }
    for (const char* no : {"0", "false", "False", "no", "NO", "n", "N"}) {
        with_row(std::string("f\n") + no + "\n",
                 [&](const CsvRow& r) { EXPECT_EQ(r.optional_boolean("f"), false) << no; });
    }
    expect_at(row_error("x,f\n1,maybe\n", [](const CsvRow& r) { (void)r.boolean("f", false); }), 2, "f", "flag");
}

TEST(csv_rows_test, one_evidence_rule_for_every_loader) {
    const auto evidence = [](const std::string& cell) {
        Evidence e = Evidence::derived;
        with_row("evidence,x\n" + cell + ",1\n", [&](const CsvRow& r) { e = r.evidence(); });
        return e;
    };
    EXPECT_EQ(evidence(""), Evidence::reported);
    EXPECT_EQ(evidence("reported"), Evidence::reported);
    EXPECT_EQ(evidence("derived"), Evidence::derived);
    EXPECT_EQ(evidence(" Illustrative "), Evidence::illustrative);
    expect_at(row_error("x,evidence\n1,rumour\n", [](const CsvRow& r) { (void)r.evidence(); }), 2, "evidence",
              "evidence");
}

TEST(csv_rows_test, integers_are_whole_decimal_numbers_within_range) {
    with_row("n,m,k\n+7,-3,9223372036854775807\n", [](const CsvRow& r) {
        EXPECT_EQ(r.integer("n"), 7);  // a leading '+' was read by std::stoi, so it still is
        EXPECT_EQ(r.integer("m"), -3);
        EXPECT_EQ(r.integer("k"), 9223372036854775807);
    });
    for (const char* bad : {"12x", "1.5", "1e3", "0x10", "+-1", "1 000", "++1"}) {
        expect_at(row_error(std::string("x,n\n1,") + bad + "\n", [](const CsvRow& r) { (void)r.integer("n"); }), 2, "n",
                  "integer");
    }
    expect_at(row_error("x,n\n1,3000000000\n", [](const CsvRow& r) { (void)r.integer<int>("n"); }), 2, "n", "integer");
    expect_at(row_error("x,n\n1,99999999999999999999\n", [](const CsvRow& r) { (void)r.integer("n"); }), 2, "n",
              "integer");
}

TEST(csv_rows_test, every_error_names_file_line_and_column) {
    // A record is located at the line it starts on, here before a quoted cell spanning lines.
    expect_at(row_error("a,b\n\"x\ny\",\n", [](const CsvRow& r) { (void)r.text("b"); }), 2, "b", "required-value");
    expect_at(row_error("a,b\n\n,\n1,1e3\n", [](const CsvRow& r) { (void)r.decimal("b"); }), 4, "b", "decimal");
    expect_at(row_error("a,b\n1,2023-02-30\n", [](const CsvRow& r) { (void)r.date("b"); }), 2, "b", "date");
    expect_at(row_error("a,b\n1,XXY\n", [](const CsvRow& r) { (void)r.currency("b"); }), 2, "b", "currency-code");
    // A keyword parser's error is moved to the cell, keeping its rule.
    const auto unknown = [](const std::string& t) -> int { throw ValidationError("unknown '" + t + "'", {}, "known"); };
    expect_at(row_error("a,b\n1,x\n", [&](const CsvRow& r) { (void)r.parse("b", unknown); }), 2, "b", "known");
    expect_at(row_error("a,b\n1,x\n", [](const CsvRow& r) { r.fail("a", "no good", "rule"); }), 2, "a", "rule");
    // A column the header lacks is an error of the header line.
    const ParseError missing = row_error("a,b\n1,2\n", [](const CsvRow& r) { (void)r.text("c"); });
    EXPECT_EQ(missing.where().line, 1U);
    EXPECT_EQ(missing.rule(), "required-column");
}

TEST(csv_rows_test, blank_records_are_skipped_and_lines_counted) {
    std::istringstream in("\xEF\xBB\xBF id , v\n\n , \n\"a\nb\",1\n,\nc,2\n");
    CsvRows rows(in, "t.csv");
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.row().text("id"), "a\nb");
    EXPECT_EQ(rows.row().line(), 4U);
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.row().text("id"), "c");
    EXPECT_EQ(rows.row().line(), 7U);
    EXPECT_FALSE(rows.next());
}

TEST(csv_rows_test, an_empty_file_has_no_rows_and_no_header) {
    std::istringstream in("");
    CsvRows rows(in, "t.csv");
    EXPECT_FALSE(rows.has_header());
    EXPECT_FALSE(rows.next());
    const ParseError e = parse_error_of([&] { rows.require_header(); });
    EXPECT_EQ(e.rule(), "csv-header");
    EXPECT_EQ(e.where().line, 1U);
}

/// The error of reading every record of `bytes`.
ParseError text_error(const std::string& bytes) {
    return parse_error_of([&] {
        std::istringstream in(bytes);
        CsvRows rows(in, "t.csv");
        while (rows.next()) {
        }
    });
}

const std::string kNul("\0", 1);

TEST(csv_rows_test, a_nul_inside_a_field_is_refused_with_its_line_and_column) {
    const ParseError e = text_error("id,name\nA,ok\nB,Mine" + kNul + "Action\n");
    expect_at(e, 3, "name", "csv-text");
    EXPECT_NE(std::string(e.what()).find("NUL"), std::string::npos) << e.what();
    // In the header, and after a quoted cell that spans lines: the physical line.
    expect_at(text_error("id,na" + kNul + "me\n"), 1, "", "csv-text");
    expect_at(text_error("id,name\n\"x\n\ny\",a" + kNul + "\n"), 4, "name", "csv-text");
}

TEST(csv_rows_test, invalid_utf8_is_refused_with_its_line_and_column) {
    const ParseError truncated = text_error("id,name\nA,Phnom Penh\nB,Kr\xC3\n");
    expect_at(truncated, 3, "name", "csv-text");
    EXPECT_NE(std::string(truncated.what()).find("UTF-8"), std::string::npos) << truncated.what();
    EXPECT_NE(std::string(truncated.what()).find("0xC3"), std::string::npos) << truncated.what();
    expect_at(text_error("id,name\nA,\xC0\xAF\n"), 2, "name", "csv-text");       // overlong
    expect_at(text_error("id,name\nA,x\xFFy\n"), 2, "name", "csv-text");         // never valid
    expect_at(text_error("id,name\nA,caf\xE9\n"), 2, "name", "csv-text");        // Latin-1
    expect_at(text_error("id,name,x\nA,b,\xED\xA0\x80\n"), 2, "x", "csv-text");  // surrogate
    expect_at(text_error("id,name\nA,b,\x80\n"), 2, "", "csv-text");             // a cell past the header
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("aidtrack-csv-rows-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

TEST(csv_rows_test, every_loader_refuses_a_nul_byte) {
    // The dataset: a NUL inside organisations.csv loaded silently before.
    const fs::path dataset = fresh_dir("dataset");
    write(dataset / "organisations.csv", "ref,name\nXM-1,One\nXM-2,T" + kNul + "wo\n");
    Portfolio p;
    datasets::DatasetOptions options;
    options.iati = false;
    ParseError e = parse_error_of([&] { (void)datasets::load_dataset_dir(dataset.string(), p, options); });
    EXPECT_EQ(e.where().file, (dataset / "organisations.csv").string());
    EXPECT_EQ(e.where().line, 3U);
    EXPECT_EQ(e.where().element, "name");
    EXPECT_EQ(e.rule(), "csv-text");

    const fs::path coordination = fresh_dir("coordination") / "forums.csv";
    write(coordination, "forum,name\nTWG-MA,Mine" + kNul + "\n");
    CoordinationStore store;
    e = parse_error_of([&] { load_coordination_csv(store, coordination.string()); });
    EXPECT_EQ(e.where().line, 2U);
    EXPECT_EQ(e.rule(), "csv-text");

    const fs::path results = fresh_dir("results");
    write(results / "hazards.csv",
          "id,province,type,contamination,area_m2,recorded\nH1,Pai\xFFlin,CHA,AP,1,2015-01-01\n");
    ResultsStore results_store;
    e = parse_error_of([&] { (void)load_results_csv(results_store, results.string()); });
    EXPECT_EQ(e.where().element, "province");
    EXPECT_EQ(e.rule(), "csv-text");

    std::istringstream shares("activity_id,objective\nA1,O" + kNul + "1\n");
    e = parse_error_of([&] { (void)measures::load_activity_shares(shares, "map.csv", "objective"); });
    EXPECT_EQ(e.where().line, 2U);
    EXPECT_EQ(e.rule(), "csv-text");
    fs::remove_all(fs::temp_directory_path() / ("aidtrack-csv-rows-test-" + std::to_string(::getpid())));
}

TEST(csv_rows_test, every_shipped_csv_file_is_text_and_the_dataset_loads) {
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(AIDTRACK_SHIPPED_DATA_DIR)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".csv") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        CsvRows rows(in, entry.path().string());
        EXPECT_TRUE(rows.has_header()) << entry.path();
        EXPECT_NO_THROW(while (rows.next()){}) << entry.path();
        ++files;
    }
    EXPECT_GT(files, 30U);
    // Every loader on the shipped files: organisations, funding, activities, transactions,
    // results, coordination, the published tables and the NMAS mapping.
    datasets::DatasetOptions options;
    options.iati = false;
    const Portfolio p = datasets::cambodia(options);
    EXPECT_FALSE(p.organisations().empty());
    EXPECT_FALSE(p.transactions().empty());
    EXPECT_FALSE(p.results().empty());
    EXPECT_FALSE(p.coordination().forums.empty());
    const datasets::PublishedTables tables = datasets::published_tables();
    EXPECT_TRUE(tables.contributions && tables.totals && tables.funding_needs && tables.land_release);
    EXPECT_FALSE(datasets::nmas_mapping().empty());
    EXPECT_GT(datasets::dataset_files().row_count(), 30U);
}

}  // namespace
}  // namespace aidtrack
