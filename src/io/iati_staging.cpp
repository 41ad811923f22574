/// \file iati_staging.cpp
/// \brief The duplicate policy over staged activities, and their delivery to the Portfolio
/// (see iati_staging.hpp).

#include "iati_staging.hpp"

#include <aidtrack/core/error.hpp>
#include <exception>
#include <limits>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace aidtrack::iati_detail {
namespace {

// A ref the Portfolio has no organisation for gets the first narrative a kept activity gives
// it, so that tables show a name, never a bare ref (organisation files and earlier records win).
void name_organisation(NamedOrg named, const std::string& file, Portfolio& portfolio) {
    if (portfolio.find_organisation(named.ref) != nullptr) return;
    Organisation o;
    o.ref = std::move(named.ref);
    o.name = std::move(named.name);
    o.provenance.source = file;
    o.provenance.line = named.line;
    o.provenance.note = std::string("named in the ") + named.element + " narrative";
    portfolio.upsert_organisation(std::move(o));
}

void add_selection_row(Table& selection, const Activity& a, const SelectionReason& reason) {
    selection.push(0, a.identifier);
    selection.push(1, reason.rule);
    selection.push(2, reason.detail);
    selection.push(3, a.provenance.source);
    selection.push(4, static_cast<std::int64_t>(a.provenance.line));
}

void count_results(const Activity& a, IatiReadResult& result) {
    for (const auto& r : a.results) {
        ++result.results;
        result.indicators += r.indicators.size();
        for (const auto& i : r.indicators) result.periods += i.periods.size();
    }
}

// One activity and its records but its transactions into the Portfolio; the records point at
// the activity's index, which is returned.
std::uint32_t deliver_all_but_rows(StagedActivity& s, Portfolio& portfolio, IatiReadResult& result) {
    Activity& a = s.activity;
    if (s.reason) add_selection_row(result.selection, a, *s.reason);
    count_results(a, result);
    for (auto& n : s.names) name_organisation(std::move(n), a.provenance.source, portfolio);
    const std::uint32_t index = portfolio.add_activity(std::move(a));
    ++result.activities_kept;
    for (auto& b : s.budgets) {
        b.activity = index;
        portfolio.add_budget(std::move(b));
        ++result.budgets;
    }
    for (auto& p : s.planned) {
        p.activity = index;
        portfolio.add_planned_disbursement(std::move(p));
        ++result.planned_disbursements;
    }
    return index;
}

// One activity and all its records into the Portfolio.
void deliver(StagedActivity& s, Portfolio& portfolio, IatiReadResult& result) {
    const std::uint32_t index = deliver_all_but_rows(s, portfolio, result);
    for (auto& t : s.rows) {
        t.activity = index;
        portfolio.add_transaction(t);
    }
    result.transactions += s.rows.size();
}

// The transactions of every staged activity, in order, those of the k-th pointing at activity
// `first` + k; each activity's rows are freed once in the table.
void tabulate_rows(std::deque<StagedActivity>& staged, std::uint32_t first, TransactionTable& table) {
    std::uint32_t index = first;
    for (StagedActivity& s : staged) {
        for (Transaction& t : s.rows) {
            t.activity = index;
            table.append(t);
        }
        std::vector<Transaction>().swap(s.rows);
        ++index;
    }
}

// Asks for the cache lines of a staged record about to be delivered: records were staged long
// before, each in a block of its own, so their misses are overlapped with the work on another.
void fetch_ahead(const StagedActivity& s) {
    const auto* bytes = reinterpret_cast<const char*>(&s);
    for (std::size_t b = 0; b < sizeof(StagedActivity); b += 64) __builtin_prefetch(bytes + b);
}

// Joins a thread however the scope is left.
class JoinOnExit {
public:
    explicit JoinOnExit(std::thread& thread) : thread_(thread) {}
    ~JoinOnExit() {
        if (thread_.joinable()) thread_.join();
    }
    JoinOnExit(const JoinOnExit&) = delete;
    JoinOnExit& operator=(const JoinOnExit&) = delete;

private:
    std::thread& thread_;
};

}  // namespace

void add_selection_columns(Table& selection) {
    selection.add_column<std::string>("activity_id", "iati-identifier");
    selection.add_column<std::string>("rule", "rule that selected the activity");
    selection.add_column<std::string>("detail", "what matched: sector code, identifier or text");
    selection.add_column<std::string>("file", "source file");
    selection.add_column<std::int64_t>("line", "line of <iati-activity>");
}

// The first record of an identifier takes a slot; a later one either replaces it (keeping the
// slot, so the order of first appearance is kept) or is dropped. Both outcomes leave a row in
// `duplicates` and an identifier-unique diagnostic at the dropped record's place.
std::optional<Diagnostic> ActivityStaging::stage(StagedActivity incoming, Table& duplicates) {
    const auto [found, fresh] = index_.try_emplace(incoming.activity.identifier, staged_.size());
    if (fresh) {
        staged_.push_back(std::move(incoming));
        return std::nullopt;
    }
    StagedActivity& held = staged_[found->second];
    const Provenance& was = held.activity.provenance;
    const Provenance& is = incoming.activity.provenance;
    const DuplicateRecord held_record{was.source, was.line, held.file_order, held.activity.last_updated};
    const DuplicateRecord new_record{is.source, is.line, incoming.file_order, incoming.activity.last_updated};
    const DuplicateDecision decision = decide_duplicate(policy_, held_record, new_record);
    const DuplicateRecord& kept = decision.keep_incoming ? new_record : held_record;
    const DuplicateRecord& dropped = decision.keep_incoming ? held_record : new_record;
    const std::string& id = incoming.activity.identifier;
    const std::string message = "duplicate activity identifier '" + id + "': first at " + held_record.file + ":" +
                                std::to_string(held_record.line) + ", this one at " + new_record.file + ":" +
                                std::to_string(new_record.line) + "; the " +
                                (decision.keep_incoming ? "second" : "first") + " is kept (" + to_string(policy_) +
                                ": " + decision.reason + ")";
    if (strict_)
        throw ValidationError(message, {new_record.file, new_record.line, "iati-activity"}, "identifier-unique");
    Diagnostic diagnostic{Severity::error,
                          "ValidationError",
                          "identifier-unique",
                          message,
                          {dropped.file, dropped.line, "iati-activity"}};
    add_duplicate_row(duplicates, id, kept, dropped, decision.reason);
    if (decision.keep_incoming) held = std::move(incoming);
    return diagnostic;
}

void ActivityStaging::flush(Portfolio& portfolio, IatiReadResult& result, bool two_threads) {
    std::size_t rows = 0;
    for (const auto& s : staged_) rows += s.rows.size();
    if (two_threads && rows >= kRowsForTwoThreads && portfolio.transactions().size() == 0 &&
        portfolio.activity_count() + staged_.size() < std::numeric_limits<std::uint32_t>::max() &&
        flush_on_two_threads(portfolio, result, rows)) {
        return;
    }
    portfolio.reserve(staged_.size(), rows);
    // Each record is freed as soon as it is delivered, while its memory is still in the cache.
    while (!staged_.empty()) {
        if (staged_.size() > 2) fetch_ahead(staged_[2]);
        deliver(staged_.front(), portfolio, result);
        staged_.pop_front();
    }
    index_.clear();
}

// The transactions go into a table of their own on a second thread, in the order the Portfolio
// would have appended them (so its string pool interns them in the same order), while this
// thread delivers the activities and their other records; the table then becomes the
// Portfolio's, which holds no transactions yet. Each side touches members of the staged records
// the other does not.
bool ActivityStaging::flush_on_two_threads(Portfolio& portfolio, IatiReadResult& result, std::size_t rows) {
    TransactionTable table;
    // Reserved here: the columns come from this thread's heap (on huge pages where the command
    // line asks for them), which a second thread's arena is not.
    table.reserve(rows);
    const auto first = static_cast<std::uint32_t>(portfolio.activity_count());
    std::exception_ptr failed;
    {
        std::thread tabulating;
        try {
            tabulating = std::thread([&] {
                try {
                    tabulate_rows(staged_, first, table);
                } catch (...) {
                    failed = std::current_exception();
                }
            });
        } catch (const std::system_error&) {
            return false;  // no thread to be had: one thread delivers everything
        }
        const JoinOnExit join(tabulating);
        portfolio.reserve(staged_.size(), 0);
        for (std::size_t i = 0; i < staged_.size(); ++i) {
            if (i + 2 < staged_.size()) fetch_ahead(staged_[i + 2]);
            (void)deliver_all_but_rows(staged_[i], portfolio, result);
        }
    }
    if (failed) std::rethrow_exception(failed);
    portfolio.add_transactions(std::move(table));
    result.transactions += rows;
    staged_.clear();
    index_.clear();
    return true;
}

}  // namespace aidtrack::iati_detail
