#pragma once
/// \file iati_reader.hpp
/// \brief Reading IATI 2.0x activity and organisation XML files into a Portfolio.

#include <aidtrack/core/table.hpp>
#include <aidtrack/io/iati_duplicates.hpp>
#include <aidtrack/io/iati_selection.hpp>
#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief How to read: strict or lenient, which activities to keep, progress reports.
struct IatiReadOptions {
    /// Strict: the first problem throws ParseError/ValidationError naming file, line, element
    /// and rule. Lenient (default): keep every valid record, collect a Diagnostic per problem.
    bool strict = false;
    /// Which activities to keep (empty = all); see IatiSelection.
    IatiSelection selection;
    /// Called with (bytes done, bytes total) over all files, about every 1% and at the end.
    std::function<void(std::size_t done, std::size_t total)> progress;
    /// Which record wins when an `iati-identifier` repeats within or across the files of one
    /// read (see DuplicatePolicy; default: latest `@last-updated-datetime`, ties to the later
    /// file). Strict mode refuses any duplicate. An activity already in the Portfolio before
    /// the read is always kept (its money cannot be taken back out).
    DuplicatePolicy duplicates = DuplicatePolicy::latest_updated;
    /// A UTF-8 `<iati-activities>` file is read and parsed a batch of whole activities of about
    /// this many bytes at a time, so memory follows the batch, not the file; records, lines and
    /// errors do not depend on the batch size. 0 parses each file whole (then, in a file cut short
    /// between two activities, the last complete one is left out with the cut one; batches keep it).
    /// The default keeps a batch's text and parsed tree (about three times the text) inside a
    /// core's cache between the parse and the model building: on 50 MB files, 512 KiB batches
    /// read 1.7 times as fast as 4 MiB ones (docs/performance.md).
    std::size_t batch_bytes = std::size_t{512} << 10;
    /// Threads of a batched read: with 2 or more, the next batch is parsed on a second thread
    /// while the model is built from the current one (a read uses at most two); 1 reads on the
    /// calling thread only; 0 (default) as many as the machine has. Records, diagnostics, their
    /// order and progress reports do not depend on it. Callbacks run on the calling thread.
    unsigned threads = 0;
};

/// \brief What a read did: counts, the diagnostics it found and tables of what it selected.
struct IatiReadResult {
    std::size_t files = 0;                    ///< files read (activity and organisation files)
    std::size_t activities_read = 0;          ///< `iati-activity` elements seen
    std::size_t activities_kept = 0;          ///< added to the Portfolio
    std::size_t activities_filtered_out = 0;  ///< valid but not selected by the options' selection
    std::size_t transactions = 0;             ///< transactions added
    std::size_t budgets = 0;                  ///< budgets added
    std::size_t planned_disbursements = 0;    ///< planned disbursements added
    std::size_t results = 0;                  ///< `result` elements kept
    std::size_t indicators = 0;               ///< result indicators kept
    std::size_t periods = 0;                  ///< indicator periods kept
    std::size_t records_skipped = 0;          ///< transactions/budgets/… left out as invalid
    std::size_t organisations = 0;            ///< organisations read from iati-organisations files
    Diagnostics diagnostics;                  ///< every problem, in file order (also in the Portfolio)
    /// activity_id, rule, detail, file, line: why each kept activity was selected.
    Table selection{"IATI activities selected"};
    /// Activities the selection left out, one row per activity and currency, with their money:
    /// activity_id, title, reporting_org, reporting_org_name, currency, disbursed_or_spent
    /// (types 3, 4), committed (types 2, 11), transactions, file, line. Empty without a selection.
    Table outside{"IATI activities outside the selection"};
    /// Organisation-file budgets and expenditure (kept here, not in the Portfolio): organisation,
    /// kind (total-budget, recipient-org-budget, recipient-country-budget,
    /// recipient-region-budget, total-expenditure), status, period_start, period_end, value,
    /// currency, recipient, file, line.
    Table organisation_finances{"IATI organisation budgets and expenditure"};
    /// Every dropped duplicate: identifier, both files and lines, both dates, why (see
    /// make_duplicates_table()).
    Table duplicates = make_duplicates_table();
    /// Plain-language notes about what was kept where (one per organisation file, etc.).
    std::vector<std::string> notes;
};

/// Reads IATI activity files (root `iati-activities`) and organisation files (root
/// `iati-organisations`) into `into`. Missing files, non-XML, wrong roots and truncated files
/// are errors in strict mode and error diagnostics in lenient mode (reading goes on with the
/// next file). A DOCTYPE is never followed: entities other than the XML built-ins are left
/// unexpanded, and a DOCTYPE declaring entities is reported.
IatiReadResult read_iati_files(const std::vector<std::string>& paths, Portfolio& into,
                               const IatiReadOptions& options = {});

/// Reads one document held in memory; `name` stands for the file in diagnostics.
IatiReadResult read_iati_string(std::string_view xml, Portfolio& into, const IatiReadOptions& options = {},
                                const std::string& name = "<string>");

/// \brief Counts and exact sums of a Portfolio as `aidtrack summarize --json` prints them.
struct IatiSummary {
    std::size_t activities = 0;                                    ///< activities held
    std::size_t transactions = 0;                                  ///< transactions held
    std::map<std::string, Decimal> transactions_by_type_currency;  ///< "TYPE|CUR" -> exact sum
    std::size_t budgets = 0;                                       ///< budgets held
    std::map<std::string, Decimal> budgets_by_type_currency;       ///< "TYPE|CUR" -> exact sum
    std::size_t planned_disbursements = 0;                         ///< planned disbursements held
    std::map<std::string, Decimal> planned_by_currency;            ///< "CUR" -> exact sum
    std::size_t results = 0;                                       ///< IATI results
    std::size_t indicators = 0;                                    ///< result indicators
    std::size_t periods = 0;                                       ///< indicator periods
    std::size_t warnings = 0;                                      ///< diagnostics of the portfolio

    /// The DESIGN.md contract JSON (one object, keys in a fixed order, sums as strings).
    [[nodiscard]] std::string to_json() const;
};

/// Summarises `portfolio` (exact sums in original currencies).
[[nodiscard]] IatiSummary summarize_iati(const Portfolio& portfolio);

}  // namespace aidtrack
