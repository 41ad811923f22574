#pragma once
/// \file iati_staging.hpp
/// \brief Activities read and selected, held until the end of the read so that the duplicate
/// policy can choose between records of one identifier before anything reaches the Portfolio.

#include <aidtrack/core/table.hpp>
#include <aidtrack/io/iati_duplicates.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace aidtrack::iati_detail {

/// \brief An organisation named in an activity (reporting-org, participating-org, provider-org,
/// receiver-org): the publisher's narrative for a ref, so that tables can show a name.
struct NamedOrg {
    std::string ref;
    std::string name;
    const char* element = "";  ///< the element's name, a literal ("participating-org", …)
    std::uint32_t line = 0;
};

/// \brief An activity with its settled records, as the read keeps it.
struct StagedActivity {
    Activity activity;
    std::vector<Transaction> rows;
    std::vector<Budget> budgets;
    std::vector<PlannedDisbursement> planned;
    std::optional<SelectionReason> reason;  ///< why the selection kept it (none without a selection)
    std::size_t file_order = 0;             ///< index of its file among the read's files
    std::vector<NamedOrg> names;            ///< one per ref: the first name the activity gives it
};

/// Adds the columns of IatiReadResult::selection.
void add_selection_columns(Table& selection);

/// \brief The activities of one read, one per identifier, in the order identifiers first appeared.
class ActivityStaging {
public:
    ActivityStaging(DuplicatePolicy policy, bool strict) : policy_(policy), strict_(strict) {}

    /// Holds `incoming`. When its identifier is held already, the policy keeps one of the two
    /// (in the first one's place), records both in `duplicates` and returns the
    /// identifier-unique diagnostic of the dropped one; strict mode throws it instead.
    std::optional<Diagnostic> stage(StagedActivity incoming, Table& duplicates);
    /// Moves every held activity, with its records, into `portfolio`, counting them in `result`.
    /// With `two_threads`, a second thread tables the transactions meanwhile (the Portfolio ends
    /// the same).
    void flush(Portfolio& portfolio, IatiReadResult& result, bool two_threads = false);

private:
    /// Below this many transactions a second thread costs more than it saves.
    static constexpr std::size_t kRowsForTwoThreads = 1024;
    /// flush() with the transactions tabled on a second thread; false, with nothing delivered,
    /// when no thread could be started.
    bool flush_on_two_threads(Portfolio& portfolio, IatiReadResult& result, std::size_t rows);

    DuplicatePolicy policy_;
    bool strict_;
    std::deque<StagedActivity> staged_;  // a deque: growing it never moves the large records
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace aidtrack::iati_detail
