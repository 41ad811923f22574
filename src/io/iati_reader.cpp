/// \file iati_reader.cpp
/// \brief IATI 2.0x activity and organisation files → Portfolio, strict or lenient, with pugixml.

#include <aidtrack/model/transaction_type.hpp>
#include <aidtrack/io/codelists.hpp>
#include <aidtrack/io/iati_reader.hpp>

#include "iati_batches.hpp"
#include "iati_read_support.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <deque>
#include <functional>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace aidtrack {
namespace {

using pugi::xml_node;
using iati_detail::equals;

// No parse_eol: offsets must stay those of the file for line numbers (values are trimmed).
constexpr unsigned kParseFlags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_wconv_attribute;
using iati_detail::trim;

// Records of one activity waiting for the end of the activity: defaults and the selection
// need the whole activity before anything is added to the Portfolio.
struct PendingMoney {
    std::string_view value;
    std::string_view currency;
    xml_node value_node;
    xml_node node;
};

struct PendingTransaction {
    Transaction row;
    PendingMoney money;
    bool valid = true;
    std::string provider_name;  // narrative of provider-org, when it has a ref
    std::string receiver_name;  // narrative of receiver-org, when it has a ref
};

// An organisation named in an activity (reporting-org, participating-org, provider-org,
// receiver-org): the publisher's narrative for a ref, so that tables can show a name.
struct NamedOrg {
    std::string ref;
    std::string name;
    std::string element;
    std::uint32_t line = 0;
};

struct PendingBudget {
    Budget budget;
    PendingMoney money;
    bool valid = true;
};

struct PendingPlanned {
    PlannedDisbursement planned;
    PendingMoney money;
    bool valid = true;
};

// An activity read and selected, held until the end of the read so that a later duplicate
// with a newer last-updated-datetime can take its place before anything reaches the Portfolio.
struct StagedActivity {
    Activity activity;
    std::vector<Transaction> rows;
    std::vector<Budget> budgets;
    std::vector<PlannedDisbursement> planned;
    std::optional<SelectionReason> reason;
    std::size_t file_order = 0;
    std::vector<NamedOrg> names;
};

class Reader {
public:
    Reader(const IatiReadOptions& options, IatiReadResult& result, Portfolio& portfolio)
        : options_(options), result_(result), portfolio_(portfolio), codes_(Codelists::official()) {
        if (!options_.selection.empty()) {
            result_.selection.add_column<std::string>("activity_id", "iati-identifier");
            result_.selection.add_column<std::string>("rule", "rule that selected the activity");
            result_.selection.add_column<std::string>("detail", "what matched: sector code, identifier or text");
            result_.selection.add_column<std::string>("file", "source file");
            result_.selection.add_column<std::int64_t>("line", "line of <iati-activity>");
        }
        auto& out = result_.outside;
        out.add_column<std::string>("activity_id", "iati-identifier");
        out.add_column<std::string>("title", "activity title");
        out.add_column<std::string>("reporting_org", "reporting-org ref");
        out.add_column<std::string>("reporting_org_name", "reporting-org narrative");
        out.add_column<std::string>("currency", "currency of the sums on this row");
        out.add_column<Decimal>("disbursed_or_spent", "disbursements and expenditure (types 3, 4)");
        out.add_column<Decimal>("committed", "commitments (types 2, 11)");
        out.add_column<std::int64_t>("transactions", "valid transactions in this currency");
        out.add_column<std::string>("file", "source file");
        out.add_column<std::int64_t>("line", "line of <iati-activity>");
    }

    /// Reads one document held in `buffer` (modified in place by the parser).
    void read_document(std::string& buffer, const std::string& name, std::size_t bytes_before, std::size_t bytes_total);
    /// Moves the activities that survived the duplicate policy into the Portfolio, in the order
    /// their identifiers were first read.
    void flush();

private:
    // --- diagnostics -----------------------------------------------------------------------
    [[nodiscard]] std::uint32_t line_of(const xml_node& node) const {
        const std::ptrdiff_t offset = node.offset_debug();
        return offset < 0 ? 0 : line_at(file_offset(static_cast<std::size_t>(offset)));
    }
    /// The line of a file offset: from the whole file's index, or in batches from the index of
    /// the current slice (and of the prolog, for the root element).
    [[nodiscard]] std::uint32_t line_at(std::size_t offset) const noexcept {
        if (!batched_) return lines_.line(offset);
        if (offset >= batch_region_offset_) return region_first_line_ + region_lines_.line(offset - batch_region_offset_) - 1;
        return head_lines_.line(offset);
    }
    /// The file offset of an offset in the parsed buffer (they differ in batches, which are the
    /// root's start tag followed by a slice of the file).
    [[nodiscard]] std::size_t file_offset(std::size_t parsed) const noexcept {
        return parsed < batch_head_length_ ? batch_head_offset_ + parsed : batch_region_offset_ + (parsed - batch_head_length_);
    }
    /// A problem: thrown in strict mode, else kept (pending for the current activity).
    void problem(Severity severity, bool parse, const std::string& rule, const std::string& message,
                 std::uint32_t line, const std::string& element) {
        SourceLocation where{file_, line, element};
        if (options_.strict) {
            if (parse) throw ParseError(message, std::move(where), rule);
            throw ValidationError(message, std::move(where), rule);
        }
        Diagnostic d{severity, parse ? "ParseError" : "ValidationError", rule, message, std::move(where)};
        if (in_activity_) {
            pending_.push_back(std::move(d));
        } else {
            commit(std::move(d));
        }
    }
    void warn(const xml_node& node, const std::string& rule, const std::string& message, bool parse = false) {
        problem(Severity::warning, parse, rule, message, line_of(node), node.name());
    }
    void drop(const xml_node& node, const std::string& rule, const std::string& message, bool parse = false) {
        problem(Severity::error, parse, rule, message, line_of(node), node.name());
    }
    void commit(Diagnostic d) {
        portfolio_.add_diagnostic(d);
        result_.diagnostics.push_back(std::move(d));
    }

    // --- values ----------------------------------------------------------------------------
    std::string code_attr(const xml_node& node, const char* attr, const char* list) {
        std::string code(trim(node.attribute(attr).as_string()));
        check_code(node, list, code);
        return code;
    }
    void check_code(const xml_node& node, const char* list, const std::string& code) {
        if (code.empty() || !codes_.has_list(list) || codes_.contains(list, code)) return;
        warn(node, "code-on-codelist", "unknown " + std::string(list) + " code '" + code.substr(0, 40) + "'");
    }
    std::optional<Date> date_attr(const xml_node& node, const char* attr = "iso-date") {
        const std::string_view text = trim(node.attribute(attr).as_string());
        if (text.empty()) return std::nullopt;
        Date d;
        std::string why;
        if (!try_parse_date(text, d, &why)) {
            warn(node, "date-valid", "@" + std::string(attr) + " '" + std::string(text.substr(0, 40)) + "' is not a date: " + why, true);
            return std::nullopt;
        }
        return d;
    }
    std::optional<Decimal> percentage_attr(const xml_node& node) {
        const std::string_view text = trim(node.attribute("percentage").as_string());
        if (text.empty()) return std::nullopt;
        Decimal d;
        std::string why;
        if (!iati_detail::parse_share(text, d, &why)) {
            warn(node, "percentage-valid", "@percentage '" + std::string(text.substr(0, 40)) + "' is not a number: " + why, true);
            return std::nullopt;
        }
        if (d.is_negative() || d > Decimal(100)) warn(node, "percentage-range", "@percentage " + d.to_string(0) + " is outside 0-100");
        return d;
    }
    bool bool_attr(const xml_node& node, const char* attr, bool fallback) {
        const std::string_view text = trim(node.attribute(attr).as_string());
        if (text.empty()) return fallback;
        if (text == "1" || text == "true") return true;
        if (text == "0" || text == "false") return false;
        warn(node, "boolean-valid", "@" + std::string(attr) + " '" + std::string(text.substr(0, 20)) + "' is not a boolean (0, 1, true, false)", true);
        return fallback;
    }
    std::optional<int> int_attr(const xml_node& node, const char* attr) {
        const std::string_view text = trim(node.attribute(attr).as_string());
        if (text.empty()) return std::nullopt;
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size()) {
            warn(node, "integer-valid", "@" + std::string(attr) + " '" + std::string(text.substr(0, 20)) + "' is not an integer", true);
            return std::nullopt;
        }
        return value;
    }
    static Narratives narratives(const xml_node& element) {
        Narratives out;
        for (const xml_node n : element.children("narrative")) {
            std::string_view text = trim(n.child_value());
            if (text.empty()) continue;
            out.push_back({std::string(text), n.attribute("xml:lang").as_string()});
        }
        if (out.empty()) {
            // IATI 1.0x put the text straight into the element.
            const std::string_view text = trim(element.child_value());
            if (!text.empty()) out.push_back({std::string(text), element.attribute("xml:lang").as_string()});
        }
        return out;
    }

    // --- elements ---------------------------------------------------------------------------
    void read_activities_root(const xml_node& root, bool truncated, std::size_t bytes_before, std::size_t bytes_total);
    void begin_activities_root(const xml_node& root);
    /// Reads the activities under `root`. In a document cut short (`truncated`) the last one is
    /// left out as incomplete unless `last_is_complete` (known when its text was scanned).
    void read_activities_children(const xml_node& root, bool truncated, std::size_t bytes_before, std::size_t bytes_total,
                                  bool last_is_complete = false);
    /// Reports the parse error of a document cut short, once its complete records are read.
    void report_deferred_error() {
        if (!deferred_error_) return;
        const auto [message, line] = *std::exchange(deferred_error_, std::nullopt);
        problem(Severity::error, true, "well-formed", message, line, {});
    }
    /// Reports a failed parse; false when nothing can be read from the document.
    bool accept(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed, bool& truncated);
    /// Reads `window` (the file's text from its start) and what `more` appends to it, a batch of
    /// whole activities at a time; `more` returns false at the end of the file.
    void read_batches(std::string& window, const iati_detail::RootTag& root, const std::function<bool(std::string&)>& more,
                      std::size_t bytes_before, std::size_t bytes_total);

public:
    /// Starts reading the file `name`.
    void begin_file(const std::string& name);
    /// Reads a file whose first bytes are `window` and whose root `root` admits batches.
    void read_stream(std::string& window, const iati_detail::RootTag& root, const std::function<bool(std::string&)>& more,
                     const std::string& name, std::size_t bytes_before, std::size_t bytes_total) {
        begin_file(name);
        read_batches(window, root, more, bytes_before, bytes_total);
    }

private:
    void read_organisations_root(const xml_node& root, bool truncated);
    void read_activity(const xml_node& node);
    void read_transaction(const xml_node& node, Activity& activity, std::vector<PendingTransaction>& out);
    void read_budget(const xml_node& node, std::vector<PendingBudget>& out);
    void read_planned(const xml_node& node, std::vector<PendingPlanned>& out);
    void read_result(const xml_node& node, Activity& activity);
    IndicatorValue read_value(const xml_node& node, const std::string& measure);
    bool settle_money(const PendingMoney& money, const std::string& default_currency, Money& out,
                      std::optional<Date>& value_date, const char* what);
    std::optional<Period> read_period(const xml_node& node, const char* what);
    void check_percentages(const Activity& activity, const xml_node& node);
    void read_organisation(const xml_node& node);

    const IatiReadOptions& options_;
    IatiReadResult& result_;
    Portfolio& portfolio_;
    const Codelists& codes_;
    std::string file_;
    iati_detail::LineIndex lines_;
    // Where the buffer being parsed comes from in the file (identity outside batches).
    std::size_t batch_head_offset_ = 0;
    std::size_t batch_head_length_ = std::numeric_limits<std::size_t>::max();
    std::size_t batch_region_offset_ = 0;
    bool batched_ = false;
    std::optional<std::pair<std::string, std::uint32_t>> deferred_error_;  // message, line
    iati_detail::LineIndex head_lines_;    // lines of the prolog and the root's start tag
    iati_detail::LineIndex region_lines_;  // lines of the current batch's slice of the file
    std::uint32_t region_first_line_ = 1;  // line where that slice starts
    bool in_activity_ = false;
    Diagnostics pending_;
    std::size_t next_progress_ = 0;
    std::size_t file_order_ = 0;
    std::deque<StagedActivity> staged_;  // a deque: growing it never moves the large records
    std::unordered_map<std::string, std::size_t> staged_index_;
    // IATI 1.0x: whether the current file declares 1.0x, and the mismatches already reported.
    bool legacy_ = false;
    std::string version_;
    std::unordered_set<std::string> mismatch_reported_;

    void stage(StagedActivity staged, const xml_node& node);
    void count_outside(const Activity& a, const std::vector<Transaction>& rows);
    // A ref the Portfolio has no organisation for gets the first narrative a kept activity gives
    // it, so that tables show a name, never a bare ref (organisation files and earlier records win).
    void name_organisation(NamedOrg named, const std::string& file) {
        if (portfolio_.find_organisation(named.ref) != nullptr) return;
        Organisation o;
        o.ref = std::move(named.ref);
        o.name = std::move(named.name);
        o.provenance.source = file;
        o.provenance.line = named.line;
        o.provenance.note = "named in the " + named.element + " narrative";
        portfolio_.upsert_organisation(std::move(o));
    }
    void version_mismatch(const xml_node& node, const std::string& list, const std::string& code);
    int map_transaction_type(const xml_node& node, std::string_view code);
};

// A transaction's type: @code on the TransactionType list (1-13). Publishers sometimes put the
// code in the element's text; that is reported, never guessed into a type.
int transaction_type(std::string_view code) {
    int value = 0;
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), value);
    if (ec != std::errc{} || end != code.data() + code.size() || value < 1 || value > 13) return 0;
    return value;
}

// Reported once per file and code list: a file that declares one version but uses the other's codes.
void Reader::version_mismatch(const xml_node& node, const std::string& list, const std::string& code) {
    if (!mismatch_reported_.insert(list + (legacy_ ? "|2" : "|1")).second) return;
    const std::string declared = version_.empty() ? "no version (2.0x assumed)" : "version " + version_;
    warn(node, "version-mismatch", "file declares " + declared + " but uses " + (legacy_ ? "2.0x " : "1.0x ") + list + " code '" +
         code.substr(0, 20) + "'; read as " + (legacy_ ? "2.0x" : "1.0x") + " (reported once per file and code list)");
}

// Transaction types: 2.0x numbers, 1.0x letters (mapped, whatever the declared version, with a
// version-mismatch warning when the file declares 2.0x), 0 when neither.
int Reader::map_transaction_type(const xml_node& node, std::string_view code) {
    if (const int legacy = iati_detail::legacy_transaction_type(code); legacy != 0) {
        if (!legacy_) version_mismatch(node, "TransactionType", std::string(code));
        return legacy;
    }
    const int modern = transaction_type(code);
    if (modern != 0 && legacy_) version_mismatch(node, "TransactionType", std::string(code));
    return modern;
}

void Reader::read_transaction(const xml_node& node, Activity& activity, std::vector<PendingTransaction>& out) {
    PendingTransaction p;
    Transaction& t = p.row;
    t.line = line_of(node);
    t.ref = std::string(trim(node.attribute("ref").as_string()));
    if (node.attribute("humanitarian")) t.humanitarian = bool_attr(node, "humanitarian", false) ? 1 : 0;
    bool have_type = false;
    for (const xml_node c : node.children()) {
        const char* name = c.name();
        if (equals(name, "transaction-type")) {
            have_type = true;
            const std::string_view code = trim(c.attribute("code").as_string());
            if (code.empty()) {
                const std::string_view text = trim(c.child_value());
                p.valid = false;
                if (!text.empty()) {
                    drop(c, "transaction-type-code", "transaction type given as element text '" + std::string(text.substr(0, 20)) +
                         "' instead of @code; transaction left out", true);
                } else {
                    drop(c, "transaction-type-code", "<transaction-type> without @code; transaction left out");
                }
            } else if ((t.type = map_transaction_type(c, code)) == 0) {
                p.valid = false;
                drop(c, "transaction-type-code", "transaction type '" + std::string(code.substr(0, 20)) +
                     (legacy_ ? "' is neither a 1.0x letter code (C, D, E, IF, IR, LR, R, QP, QS, CG) nor a 2.0x code (1-13); transaction left out"
                              : "' is not a TransactionType code (1-13); transaction left out"));
            }
        } else if (equals(name, "transaction-date")) {
            if (auto d = date_attr(c)) t.date = *d;
        } else if (equals(name, "value")) {
            p.money = {c.child_value(), trim(c.attribute("currency").as_string()), c, node};
            if (auto d = date_attr(c, "value-date")) t.value_date = d;
        } else if (equals(name, "provider-org")) {
            t.provider_org = std::string(trim(c.attribute("ref").as_string()));
            t.provider_activity = std::string(trim(c.attribute("provider-activity-id").as_string()));
            if (!t.provider_org.empty()) p.provider_name = text_of(narratives(c));
        } else if (equals(name, "receiver-org")) {
            t.receiver_org = std::string(trim(c.attribute("ref").as_string()));
            t.receiver_activity = std::string(trim(c.attribute("receiver-activity-id").as_string()));
            if (!t.receiver_org.empty()) p.receiver_name = text_of(narratives(c));
        } else if (equals(name, "disbursement-channel")) {
            t.disbursement_channel = code_attr(c, "code", "DisbursementChannel");
        } else if (equals(name, "sector")) {
            // One sector per vocabulary is allowed; the model keeps one, preferring DAC 5-digit.
            std::string vocabulary(trim(c.attribute("vocabulary").as_string()));
            if (vocabulary.empty()) vocabulary = "1";
            if (const char* mapped = iati_detail::legacy_sector_vocabulary(vocabulary)) {
                if (!legacy_) version_mismatch(c, "SectorVocabulary", vocabulary);
                vocabulary = mapped;
            }
            if (!t.sector_code.empty()) {
                if (vocabulary == t.sector_vocabulary) {
                    warn(c, "transaction-one-sector", "two transaction <sector>s of vocabulary " + vocabulary + "; the first is kept");
                }
                if (t.sector_vocabulary == "1" || vocabulary != "1") continue;
            }
            t.sector_vocabulary = vocabulary;
            const char* list = t.sector_vocabulary == "1" ? "Sector" : t.sector_vocabulary == "2" ? "SectorCategory" : "";
            t.sector_code = *list != '\0' ? code_attr(c, "code", list) : std::string(trim(c.attribute("code").as_string()));
        } else if (equals(name, "recipient-country")) {
            t.recipient_country = code_attr(c, "code", "Country");
        } else if (equals(name, "recipient-region")) {
            t.recipient_region = code_attr(c, "code", "Region");
        } else if (equals(name, "flow-type")) {
            t.flow_type = code_attr(c, "code", "FlowType");
        } else if (equals(name, "finance-type")) {
            t.finance_type = code_attr(c, "code", "FinanceType");
        } else if (equals(name, "aid-type")) {
            const std::string_view vocabulary = trim(c.attribute("vocabulary").as_string());
            if (t.aid_type.empty() && (vocabulary.empty() || vocabulary == "1")) t.aid_type = code_attr(c, "code", "AidType");
        } else if (equals(name, "tied-status")) {
            t.tied_status = code_attr(c, "code", "TiedStatus");
        }
    }
    if (!have_type) {
        p.valid = false;
        drop(node, "transaction-type-code", "transaction without <transaction-type>; left out");
    }
    if (!p.money.value_node) {
        p.valid = false;
        drop(node, "value-present", "transaction without <value>; left out");
    }
    if (t.date.is_special()) warn(node, "transaction-date-present", "transaction without a valid <transaction-date>; kept undated");
    (void)activity;
    out.push_back(std::move(p));
}

std::optional<Period> Reader::read_period(const xml_node& node, const char* what) {
    const xml_node start = node.child("period-start");
    const xml_node end = node.child("period-end");
    const auto s = start ? date_attr(start) : std::nullopt;
    const auto e = end ? date_attr(end) : std::nullopt;
    if (!s || !e) {
        drop(node, "period-present", std::string(what) + " without a valid period-start and period-end; left out");
        return std::nullopt;
    }
    if (*e < *s) {
        drop(node, "start-before-end", std::string(what) + " period ends (" + to_iso(*e) + ") before it starts (" + to_iso(*s) + "); left out");
        return std::nullopt;
    }
    return Period(*s, *e);
}

void Reader::read_budget(const xml_node& node, std::vector<PendingBudget>& out) {
    PendingBudget p;
    Budget& b = p.budget;
    b.line = line_of(node);
    // The standard: a budget without @type is an original budget (type 1).
    if (const auto type = int_attr(node, "type")) {
        if (*type != 1 && *type != 2) {
            p.valid = false;
            drop(node, "budget-type", "budget @type " + std::to_string(*type) + " is not a BudgetType code (1, 2); left out");
        }
        b.type = *type;
    } else if (node.attribute("type") && !trim(node.attribute("type").as_string()).empty()) {
        p.valid = false;
        drop(node, "budget-type", "budget @type is not a BudgetType code; left out");
    }
    if (const auto status = int_attr(node, "status")) {
        if (*status == 1 || *status == 2) {
            b.status = *status;
        } else {
            warn(node, "code-on-codelist", "budget @status " + std::to_string(*status) + " is not a BudgetStatus code; read as 1 (indicative)");
        }
    }
    const xml_node value = node.child("value");
    if (!value) {
        p.valid = false;
        drop(node, "value-present", "budget without <value>; left out");
    } else {
        p.money = {value.child_value(), trim(value.attribute("currency").as_string()), value, node};
        b.value_date = date_attr(value, "value-date");
    }
    if (auto period = read_period(node, "budget")) {
        b.period = *period;
    } else {
        p.valid = false;
    }
    out.push_back(std::move(p));
}

void Reader::read_planned(const xml_node& node, std::vector<PendingPlanned>& out) {
    PendingPlanned p;
    PlannedDisbursement& pd = p.planned;
    pd.line = line_of(node);
    if (const auto type = int_attr(node, "type")) {
        if (*type != 1 && *type != 2) {
            p.valid = false;
            drop(node, "budget-type", "planned-disbursement @type " + std::to_string(*type) + " is not a BudgetType code (1, 2); left out");
        }
        pd.type = *type;
    }
    const xml_node value = node.child("value");
    if (!value) {
        p.valid = false;
        drop(node, "value-present", "planned-disbursement without <value>; left out");
    } else {
        p.money = {value.child_value(), trim(value.attribute("currency").as_string()), value, node};
        pd.value_date = date_attr(value, "value-date");
    }
    if (const xml_node provider = node.child("provider-org")) {
        pd.provider_org = std::string(trim(provider.attribute("ref").as_string()));
        pd.provider_activity = std::string(trim(provider.attribute("provider-activity-id").as_string()));
    }
    if (const xml_node receiver = node.child("receiver-org")) {
        pd.receiver_org = std::string(trim(receiver.attribute("ref").as_string()));
        pd.receiver_activity = std::string(trim(receiver.attribute("receiver-activity-id").as_string()));
    }
    if (auto period = read_period(node, "planned-disbursement")) {
        pd.period = *period;
    } else {
        p.valid = false;
    }
    out.push_back(std::move(p));
}

// Currency rule: value/@currency, else the activity's @default-currency. A value that is not a
// number, or no currency on the ISO 4217 list, makes the record uncountable: left out.
bool Reader::settle_money(const PendingMoney& money, const std::string& default_currency, Money& out,
                          std::optional<Date>& /*value_date*/, const char* what) {
    Decimal amount;
    std::string why;
    const std::string_view text = trim(money.value);
    if (text.empty()) {
        drop(money.value_node, "value-valid", std::string(what) + " with an empty <value>; left out", true);
        return false;
    }
    if (!Decimal::try_parse(text, amount, &why)) {
        drop(money.value_node, "value-valid", std::string(what) + " value '" + std::string(text.substr(0, 40)) + "' is not a number (" + why + "); left out", true);
        return false;
    }
    const std::string_view code = money.currency.empty() ? std::string_view(default_currency) : money.currency;
    if (code.empty()) {
        drop(money.value_node, "currency-present", std::string(what) + " without value/@currency and no activity @default-currency; left out");
        return false;
    }
    CurrencyCode currency;
    if (!CurrencyCode::try_parse(code, currency)) {
        drop(money.value_node, "currency-on-codelist", std::string(what) + " currency '" + std::string(code.substr(0, 16)) + "' is not on the Currency codelist; left out");
        return false;
    }
    out = Money(amount, currency);
    return true;
}

IndicatorValue Reader::read_value(const xml_node& node, const std::string& measure) {
    IndicatorValue v;
    v.text = std::string(trim(node.attribute("value").as_string()));
    if (!v.text.empty()) {
        Decimal d;
        if (Decimal::try_parse(v.text, d)) {
            v.value = d;
        } else if (measure == "1" || measure == "2") {
            warn(node, "indicator-value-numeric", "@value '" + v.text.substr(0, 40) + "' of a numeric indicator is not a number; kept as text", true);
        }
    }
    for (const xml_node c : node.children()) {
        if (equals(c.name(), "comment")) {
            for (auto& n : narratives(c)) v.comment.push_back(std::move(n));
        } else if (equals(c.name(), "dimension")) {
            v.dimensions.push_back({c.attribute("name").as_string(), c.attribute("value").as_string()});
        } else if (equals(c.name(), "location")) {
            v.locations.emplace_back(trim(c.attribute("ref").as_string()));
        }
    }
    return v;
}

void Reader::read_result(const xml_node& node, Activity& activity) {
    IatiResult r;
    r.type = code_attr(node, "type", "ResultType");
    r.aggregation_status = bool_attr(node, "aggregation-status", false);
    for (const xml_node c : node.children()) {
        if (equals(c.name(), "title")) {
            r.title = narratives(c);
        } else if (equals(c.name(), "description")) {
            r.description = narratives(c);
        } else if (equals(c.name(), "indicator")) {
            ResultIndicator ind;
            const std::string measure(trim(c.attribute("measure").as_string()));
            if (!measure.empty()) ind.measure = measure;
            check_code(c, "IndicatorMeasure", measure);
            ind.ascending = bool_attr(c, "ascending", true);
            ind.aggregation_status = bool_attr(c, "aggregation-status", false);
            for (const xml_node i : c.children()) {
                const char* name = i.name();
                if (equals(name, "title")) {
                    ind.title = narratives(i);
                } else if (equals(name, "description")) {
                    ind.description = narratives(i);
                } else if (equals(name, "reference")) {
                    ind.references.push_back({i.attribute("vocabulary").as_string(), i.attribute("code").as_string(),
                                              i.attribute("indicator-uri").as_string()});
                } else if (equals(name, "baseline")) {
                    IndicatorBaseline b;
                    if (const auto year = int_attr(i, "year")) b.year = *year;
                    b.iso_date = date_attr(i);
                    b.value = read_value(i, ind.measure);
                    ind.baselines.push_back(std::move(b));
                } else if (equals(name, "period")) {
                    IndicatorPeriod p;
                    for (const xml_node q : i.children()) {
                        if (equals(q.name(), "period-start")) {
                            p.start = date_attr(q);
                        } else if (equals(q.name(), "period-end")) {
                            p.end = date_attr(q);
                        } else if (equals(q.name(), "target")) {
                            p.targets.push_back(read_value(q, ind.measure));
                        } else if (equals(q.name(), "actual")) {
                            p.actuals.push_back(read_value(q, ind.measure));
                        }
                    }
                    if (p.start && p.end && *p.end < *p.start) warn(i, "start-before-end", "indicator period ends before it starts");
                    ind.periods.push_back(std::move(p));
                }
            }
            r.indicators.push_back(std::move(ind));
        }
    }
    activity.results.push_back(std::move(r));
}

// Percentages must add up to 100 (±0.01) per sector vocabulary, over recipient countries and
// regions together, and over country budget items, whenever any percentage is given.
void Reader::check_percentages(const Activity& a, const xml_node& node) {
    const Decimal tolerance = Decimal::parse("0.01");
    auto check = [&](const std::string& what, const std::vector<std::optional<Decimal>>& shares) {
        if (shares.size() < 1) return;
        Decimal sum;
        std::size_t given = 0;
        for (const auto& s : shares) {
            if (s) {
                sum += *s;
                ++given;
            }
        }
        if (given == 0) {
            if (shares.size() > 1) warn(node, "percentages-sum-to-100", what + ": " + std::to_string(shares.size()) + " entries without @percentage");
            return;
        }
        if (given != shares.size()) {
            warn(node, "percentages-sum-to-100", what + ": " + std::to_string(shares.size() - given) + " of " + std::to_string(shares.size()) + " entries lack @percentage");
            return;
        }
        const Decimal diff = sum - Decimal(100);
        if (diff > tolerance || -diff > tolerance) warn(node, "percentages-sum-to-100", what + " percentages sum to " + sum.to_string(0) + ", not 100");
    };
    std::map<std::string, std::vector<std::optional<Decimal>>> by_vocabulary;
    for (const auto& s : a.sectors) by_vocabulary[s.vocabulary].push_back(s.percentage);
    for (const auto& [vocabulary, shares] : by_vocabulary) check("sector vocabulary " + vocabulary, shares);
    std::vector<std::optional<Decimal>> geography;
    for (const auto& c : a.recipient_countries) geography.push_back(c.percentage);
    for (const auto& r : a.recipient_regions) geography.push_back(r.percentage);
    check("recipient-country and recipient-region", geography);
    std::vector<std::optional<Decimal>> items;
    for (const auto& i : a.country_budget_items) items.push_back(i.percentage);
    check("country-budget-items", items);
}

void Reader::read_activity(const xml_node& node) {
    ++result_.activities_read;
    in_activity_ = true;
    pending_.clear();
    Activity a;
    a.provenance = {file_, line_of(node), Evidence::reported, {}};
    a.default_currency = std::string(trim(node.attribute("default-currency").as_string()));
    if (!a.default_currency.empty() && !CurrencyCode::is_known(a.default_currency)) {
        warn(node, "currency-on-codelist", "@default-currency '" + a.default_currency.substr(0, 16) + "' is not on the Currency codelist");
    }
    a.default_lang = node.attribute("xml:lang").as_string();
    if (const auto h = int_attr(node, "hierarchy")) a.hierarchy = *h;
    a.last_updated = node.attribute("last-updated-datetime").as_string();
    a.humanitarian = bool_attr(node, "humanitarian", false);

    std::vector<PendingTransaction> transactions;
    std::vector<PendingBudget> budgets;
    std::vector<PendingPlanned> planned;
    xml_node identifier_node;
    for (const xml_node c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        const char* name = c.name();
        if (equals(name, "iati-identifier")) {
            identifier_node = c;
            a.identifier = std::string(trim(c.child_value()));
        } else if (equals(name, "reporting-org")) {
            a.reporting_org.ref = std::string(trim(c.attribute("ref").as_string()));
            a.reporting_org.type = code_attr(c, "type", "OrganisationType");
            a.reporting_org.secondary_reporter = bool_attr(c, "secondary-reporter", false);
            a.reporting_org.name = narratives(c);
        } else if (equals(name, "title")) {
            a.title = narratives(c);
        } else if (equals(name, "description")) {
            for (auto& n : narratives(c)) a.description.push_back(std::move(n));
        } else if (equals(name, "participating-org")) {
            ParticipatingOrg p;
            p.ref = std::string(trim(c.attribute("ref").as_string()));
            std::string role(trim(c.attribute("role").as_string()));
            if (const char* mapped = iati_detail::legacy_organisation_role(role)) {
                if (!legacy_) version_mismatch(c, "OrganisationRole", role);
                role = mapped;
            }
            check_code(c, "OrganisationRole", role);
            p.role = role == "1" ? OrgRole::funding : role == "2" ? OrgRole::accountable : role == "3" ? OrgRole::extending
                   : role == "4" ? OrgRole::implementing : OrgRole::unknown;
            p.type = code_attr(c, "type", "OrganisationType");
            p.activity_id = std::string(trim(c.attribute("activity-id").as_string()));
            p.crs_channel_code = std::string(trim(c.attribute("crs-channel-code").as_string()));
            p.name = narratives(c);
            a.participating_orgs.push_back(std::move(p));
        } else if (equals(name, "activity-status")) {
            a.status = code_attr(c, "code", "ActivityStatus");
        } else if (equals(name, "activity-date")) {
            std::string_view type = trim(c.attribute("type").as_string());
            if (const char* mapped = iati_detail::legacy_activity_date_type(type)) {
                if (!legacy_) version_mismatch(c, "ActivityDateType", std::string(type));
                type = mapped;
            }
            const auto d = date_attr(c);
            if (type == "1") {
                a.planned_start = d;
            } else if (type == "2") {
                a.actual_start = d;
            } else if (type == "3") {
                a.planned_end = d;
            } else if (type == "4") {
                a.actual_end = d;
            } else {
                warn(c, "code-on-codelist", "activity-date @type '" + std::string(type.substr(0, 20)) + "' is not an ActivityDateType code (1-4)");
            }
        } else if (equals(name, "recipient-country")) {
            a.recipient_countries.push_back({code_attr(c, "code", "Country"), percentage_attr(c), narratives(c)});
        } else if (equals(name, "recipient-region")) {
            RegionShare r;
            r.vocabulary = std::string(trim(c.attribute("vocabulary").as_string()));
            if (r.vocabulary.empty()) r.vocabulary = "1";
            r.code = r.vocabulary == "1" ? code_attr(c, "code", "Region") : std::string(trim(c.attribute("code").as_string()));
            r.percentage = percentage_attr(c);
            r.name = narratives(c);
            a.recipient_regions.push_back(std::move(r));
        } else if (equals(name, "sector")) {
            SectorShare s;
            s.vocabulary = std::string(trim(c.attribute("vocabulary").as_string()));
            if (s.vocabulary.empty()) s.vocabulary = "1";
            if (const char* mapped = iati_detail::legacy_sector_vocabulary(s.vocabulary)) {
                if (!legacy_) version_mismatch(c, "SectorVocabulary", s.vocabulary);
                s.vocabulary = mapped;
            }
            const char* list = s.vocabulary == "1" ? "Sector" : s.vocabulary == "2" ? "SectorCategory" : "";
            s.code = *list != '\0' ? code_attr(c, "code", list) : std::string(trim(c.attribute("code").as_string()));
            s.percentage = percentage_attr(c);
            s.name = narratives(c);
            a.sectors.push_back(std::move(s));
        } else if (equals(name, "country-budget-items")) {
            a.country_budget_vocabulary = std::string(trim(c.attribute("vocabulary").as_string()));
            for (const xml_node item : c.children("budget-item")) {
                a.country_budget_items.push_back({std::string(trim(item.attribute("code").as_string())), percentage_attr(item),
                                                  narratives(item.child("description"))});
            }
        } else if (equals(name, "related-activity")) {
            const auto type = int_attr(c, "type");
            if (type && (*type < 1 || *type > 5)) warn(c, "code-on-codelist", "related-activity @type " + std::to_string(*type) + " is not a RelatedActivityType code (1-5)");
            a.related_activities.push_back({type.value_or(0), std::string(trim(c.attribute("ref").as_string()))});
        } else if (equals(name, "policy-marker")) {
            PolicyMarker m;
            m.vocabulary = std::string(trim(c.attribute("vocabulary").as_string()));
            if (m.vocabulary.empty()) m.vocabulary = "1";
            m.code = m.vocabulary == "1" ? code_attr(c, "code", "PolicyMarker") : std::string(trim(c.attribute("code").as_string()));
            if (const auto s = int_attr(c, "significance")) {
                m.significance = *s;
                check_code(c, "PolicySignificance", std::to_string(*s));
            }
            a.policy_markers.push_back(std::move(m));
        } else if (equals(name, "humanitarian-scope")) {
            a.humanitarian_scopes.push_back({c.attribute("type").as_string(), c.attribute("vocabulary").as_string(),
                                             std::string(trim(c.attribute("code").as_string())), narratives(c)});
        } else if (equals(name, "document-link")) {
            DocumentLink d;
            d.url = std::string(trim(c.attribute("url").as_string()));
            d.format = c.attribute("format").as_string();
            d.title = narratives(c.child("title"));
            for (const xml_node cat : c.children("category")) d.categories.emplace_back(trim(cat.attribute("code").as_string()));
            a.document_links.push_back(std::move(d));
        } else if (equals(name, "collaboration-type")) {
            a.collaboration_type = code_attr(c, "code", "CollaborationType");
        } else if (equals(name, "default-flow-type")) {
            a.default_flow_type = code_attr(c, "code", "FlowType");
        } else if (equals(name, "default-finance-type")) {
            a.default_finance_type = code_attr(c, "code", "FinanceType");
        } else if (equals(name, "default-aid-type")) {
            const std::string_view vocabulary = trim(c.attribute("vocabulary").as_string());
            if (a.default_aid_type.empty() && (vocabulary.empty() || vocabulary == "1")) a.default_aid_type = code_attr(c, "code", "AidType");
        } else if (equals(name, "default-tied-status")) {
            a.default_tied_status = code_attr(c, "code", "TiedStatus");
        } else if (equals(name, "budget")) {
            read_budget(c, budgets);
        } else if (equals(name, "planned-disbursement")) {
            read_planned(c, planned);
        } else if (equals(name, "transaction")) {
            read_transaction(c, a, transactions);
        } else if (equals(name, "result")) {
            read_result(c, a);
        }
    }
    check_percentages(a, node);
    if (a.start() && a.end() && *a.end() < *a.start()) warn(node, "start-before-end", "activity ends (" + to_iso(*a.end()) + ") before it starts (" + to_iso(*a.start()) + ")");

    auto finish = [&](bool keep_diagnostics) {
        in_activity_ = false;
        if (keep_diagnostics) {
            for (auto& d : pending_) commit(std::move(d));
        }
        pending_.clear();
    };
    if (a.identifier.empty()) {
        drop(identifier_node ? identifier_node : node, "identifier-present", "activity without an <iati-identifier>; activity left out");
        finish(true);
        return;
    }
    if (const auto existing = portfolio_.find_activity(a.identifier)) {
        const Activity& held = portfolio_.activity(*existing);
        const Provenance& first = held.provenance;
        drop(node, "identifier-unique", "duplicate activity identifier '" + a.identifier + "': first at " + first.source + ":" +
             std::to_string(first.line) + ", this one at " + file_ + ":" + std::to_string(a.provenance.line) +
             "; the first is kept (it was in the Portfolio before this read)");
        add_duplicate_row(result_.duplicates, a.identifier, {first.source, first.line, 0, held.last_updated},
                          {file_, a.provenance.line, file_order_, a.last_updated},
                          "the kept record was in the Portfolio before this read");
        finish(true);
        return;
    }

    // Settle money with the activity's defaults, now that the whole activity is known.
    std::vector<Transaction> rows;
    rows.reserve(transactions.size());
    std::vector<NamedOrg> names;
    if (!a.reporting_org.ref.empty() && !a.reporting_org.name.empty()) {
        names.push_back({a.reporting_org.ref, text_of(a.reporting_org.name), "reporting-org", a.provenance.line});
    }
    for (const auto& org : a.participating_orgs) {
        if (!org.ref.empty() && !org.name.empty()) names.push_back({org.ref, text_of(org.name), "participating-org", a.provenance.line});
    }
    for (auto& p : transactions) {
        if (p.valid) p.valid = settle_money(p.money, a.default_currency, p.row.value, p.row.value_date, "transaction");
        if (!p.valid) {
            ++result_.records_skipped;
            continue;
        }
        Transaction& t = p.row;
        if (t.aid_type.empty()) t.aid_type = a.default_aid_type;
        if (t.finance_type.empty()) t.finance_type = a.default_finance_type;
        if (t.flow_type.empty()) t.flow_type = a.default_flow_type;
        if (t.tied_status.empty()) t.tied_status = a.default_tied_status;
        if (t.humanitarian < 0 && node.attribute("humanitarian")) t.humanitarian = a.humanitarian ? 1 : 0;
        if (!p.provider_name.empty()) names.push_back({t.provider_org, std::move(p.provider_name), "provider-org", t.line});
        if (!p.receiver_name.empty()) names.push_back({t.receiver_org, std::move(p.receiver_name), "receiver-org", t.line});
        rows.push_back(std::move(t));
    }
    for (auto& p : budgets) {
        if (p.valid) p.valid = settle_money(p.money, a.default_currency, p.budget.value, p.budget.value_date, "budget");
        if (!p.valid) ++result_.records_skipped;
    }
    for (auto& p : planned) {
        if (p.valid) p.valid = settle_money(p.money, a.default_currency, p.planned.value, p.planned.value_date, "planned-disbursement");
        if (!p.valid) ++result_.records_skipped;
    }

    std::optional<SelectionReason> reason;
    if (!options_.selection.empty()) {
        reason = options_.selection.match(a, rows);
        if (!reason) {
            ++result_.activities_filtered_out;
            count_outside(a, rows);
            finish(false);
            return;
        }
        a.provenance.note = "selected by " + reason->rule + (reason->detail.empty() ? "" : ": " + reason->detail);
    }
    finish(true);

    StagedActivity staged;
    staged.activity = std::move(a);
    staged.rows = std::move(rows);
    for (auto& p : budgets) {
        if (p.valid) staged.budgets.push_back(std::move(p.budget));
    }
    for (auto& p : planned) {
        if (p.valid) staged.planned.push_back(std::move(p.planned));
    }
    staged.reason = std::move(reason);
    staged.file_order = file_order_;
    staged.names = std::move(names);
    stage(std::move(staged), node);
}

// An activity the selection leaves out: its money per currency goes to result_.outside, so that
// a report can say what it did not count.
void Reader::count_outside(const Activity& a, const std::vector<Transaction>& rows) {
    struct Sums {
        Decimal spent;
        Decimal committed;
        std::int64_t count = 0;
    };
    std::map<std::string, Sums> by_currency;
    for (const auto& t : rows) {
        Sums& s = by_currency[t.value.currency().str()];
        ++s.count;
        if (is_any_type(t.type, {TransactionType::disbursement, TransactionType::expenditure})) s.spent += t.value.amount();
        if (is_any_type(t.type, {TransactionType::outgoing_commitment, TransactionType::incoming_commitment})) s.committed += t.value.amount();
    }
    if (by_currency.empty()) by_currency[a.default_currency];
    auto& out = result_.outside;
    for (const auto& [currency, s] : by_currency) {
        out.push(0, a.identifier);
        out.push(1, text_of(a.title));
        out.push(2, a.reporting_org.ref);
        out.push(3, text_of(a.reporting_org.name));
        out.push(4, currency);
        out.push(5, s.spent);
        out.push(6, s.committed);
        out.push(7, s.count);
        out.push(8, file_);
        out.push(9, static_cast<std::int64_t>(a.provenance.line));
    }
}

// The duplicate policy: the first record of an identifier takes a slot; a later one either
// replaces it (keeping the slot, so the order of first appearance is kept) or is dropped. Both
// outcomes leave a row in result_.duplicates and an identifier-unique diagnostic at the
// dropped record's place.
void Reader::stage(StagedActivity incoming, const xml_node& node) {
    const auto found = staged_index_.find(incoming.activity.identifier);
    if (found == staged_index_.end()) {
        staged_index_.emplace(incoming.activity.identifier, staged_.size());
        staged_.push_back(std::move(incoming));
        return;
    }
    StagedActivity& held = staged_[found->second];
    const DuplicateRecord held_record{held.activity.provenance.source, held.activity.provenance.line, held.file_order, held.activity.last_updated};
    const DuplicateRecord new_record{file_, incoming.activity.provenance.line, file_order_, incoming.activity.last_updated};
    const DuplicateDecision decision = decide_duplicate(options_.duplicates, held_record, new_record);
    const DuplicateRecord& kept = decision.keep_incoming ? new_record : held_record;
    const DuplicateRecord& dropped = decision.keep_incoming ? held_record : new_record;
    const std::string& id = incoming.activity.identifier;
    const std::string message = "duplicate activity identifier '" + id + "': first at " + held_record.file + ":" +
                                std::to_string(held_record.line) + ", this one at " + new_record.file + ":" +
                                std::to_string(new_record.line) + "; the " + (decision.keep_incoming ? "second" : "first") +
                                " is kept (" + to_string(options_.duplicates) + ": " + decision.reason + ")";
    if (options_.strict) throw ValidationError(message, {file_, new_record.line, node.name()}, "identifier-unique");
    commit(Diagnostic{Severity::error, "ValidationError", "identifier-unique", message, {dropped.file, dropped.line, "iati-activity"}});
    add_duplicate_row(result_.duplicates, id, kept, dropped, decision.reason);
    if (decision.keep_incoming) held = std::move(incoming);
}

void Reader::flush() {
    std::size_t rows = 0;
    for (const auto& s : staged_) rows += s.rows.size();
    portfolio_.reserve(staged_.size(), rows);
    for (auto& s : staged_) {
        Activity& a = s.activity;
        if (s.reason) {
            auto& sel = result_.selection;
            sel.push(0, a.identifier);
            sel.push(1, s.reason->rule);
            sel.push(2, s.reason->detail);
            sel.push(3, a.provenance.source);
            sel.push(4, static_cast<std::int64_t>(a.provenance.line));
        }
        for (const auto& r : a.results) {
            ++result_.results;
            result_.indicators += r.indicators.size();
            for (const auto& i : r.indicators) result_.periods += i.periods.size();
        }
        for (auto& n : s.names) name_organisation(std::move(n), a.provenance.source);
        const std::uint32_t index = portfolio_.add_activity(std::move(a));
        ++result_.activities_kept;
        for (auto& t : s.rows) {
            t.activity = index;
            portfolio_.add_transaction(t);
        }
        result_.transactions += s.rows.size();
        for (auto& b : s.budgets) {
            b.activity = index;
            portfolio_.add_budget(std::move(b));
            ++result_.budgets;
        }
        for (auto& p : s.planned) {
            p.activity = index;
            portfolio_.add_planned_disbursement(std::move(p));
            ++result_.planned_disbursements;
        }
    }
    staged_.clear();
    staged_index_.clear();
}

void Reader::read_activities_root(const xml_node& root, bool truncated, std::size_t bytes_before, std::size_t bytes_total) {
    begin_activities_root(root);
    read_activities_children(root, truncated, bytes_before, bytes_total);
}

void Reader::begin_activities_root(const xml_node& root) {
    const std::string_view version = trim(root.attribute("version").as_string());
    version_ = std::string(version.substr(0, 10));
    legacy_ = iati_detail::is_legacy_version(version);
    mismatch_reported_.clear();
    if (legacy_) {
        result_.notes.push_back(file_ + ": IATI " + version_ + " read with the 1.0x code mapping (transaction types C, D, E, IF, IR, LR, R, QP, QS, CG; "
                                "activity-date types start-planned..end-actual; organisation roles Funding..Implementing; sector vocabularies DAC, DAC-3, ...)");
    } else if (!version.empty() && version.substr(0, 2) != "2.") {
        warn(root, "version-2", "IATI version '" + version_ + "' is neither 1.01-1.05 nor 2.0x; read with the 2.0x rules and the 1.0x code mapping");
    }
}

void Reader::read_activities_children(const xml_node& root, bool truncated, std::size_t bytes_before, std::size_t bytes_total,
                                      bool last_is_complete) {
    // In a file cut short, the last activity may be incomplete: everything before it was closed.
    xml_node last;
    if (truncated && !last_is_complete) {
        for (const xml_node a : root.children("iati-activity")) last = a;
    }
    const std::size_t step = std::max<std::size_t>(bytes_total / 100, 1);
    for (const xml_node a : root.children()) {
        if (a.type() != pugi::node_element) continue;
        if (!equals(a.name(), "iati-activity")) {
            warn(a, "activities-root", "unexpected <" + std::string(a.name()).substr(0, 40) + "> in <iati-activities>; ignored");
            continue;
        }
        if (a == last) {
            drop(a, "well-formed", "the file ends inside this activity; activity left out");
            ++result_.activities_read;
            continue;
        }
        read_activity(a);
        if (options_.progress) {
            const std::ptrdiff_t offset = a.offset_debug();
            const std::size_t done = bytes_before + (offset < 0 ? 0 : file_offset(static_cast<std::size_t>(offset)));
            if (done >= next_progress_) {
                options_.progress(done, bytes_total);
                next_progress_ = done + step;
            }
        }
    }
}

void Reader::read_organisation(const xml_node& node) {
    Organisation o;
    o.ref = std::string(trim(node.child_value("organisation-identifier")));
    const xml_node reporting = node.child("reporting-org");
    if (o.ref.empty()) o.ref = std::string(trim(reporting.attribute("ref").as_string()));
    if (o.ref.empty()) {
        drop(node, "identifier-present", "iati-organisation without <organisation-identifier>; left out");
        return;
    }
    o.name = text_of(narratives(node.child("name")));
    if (o.name.empty()) o.name = text_of(narratives(reporting));
    o.type = std::string(trim(reporting.attribute("type").as_string()));
    o.provenance = {file_, line_of(node), Evidence::reported, "IATI organisation file"};
    const std::string default_currency(trim(node.attribute("default-currency").as_string()));
    auto& table = result_.organisation_finances;
    for (const xml_node c : node.children()) {
        const std::string_view name = c.name();
        if (name != "total-budget" && name != "recipient-org-budget" && name != "recipient-country-budget" &&
            name != "recipient-region-budget" && name != "total-expenditure") {
            continue;
        }
        const auto period = read_period(c, c.name());
        const xml_node value = c.child("value");
        if (!value) {
            drop(c, "value-present", std::string(c.name()) + " without <value>; left out");
            ++result_.records_skipped;
            continue;
        }
        Money money;
        std::optional<Date> value_date;
        const PendingMoney pending{value.child_value(), trim(value.attribute("currency").as_string()), value, c};
        if (!period || !settle_money(pending, default_currency, money, value_date, c.name())) {
            ++result_.records_skipped;
            continue;
        }
        std::string recipient;
        if (const xml_node r = c.child("recipient-org")) recipient = r.attribute("ref").as_string();
        if (const xml_node r = c.child("recipient-country")) recipient = r.attribute("code").as_string();
        if (const xml_node r = c.child("recipient-region")) recipient = r.attribute("code").as_string();
        table.push(0, o.ref);
        table.push(1, std::string(name));
        table.push(2, std::string(trim(c.attribute("status").as_string())));
        table.push(3, period->start());
        table.push(4, period->end());
        table.push(5, money.amount());
        table.push(6, money.currency().str());
        table.push(7, recipient);
        table.push(8, file_);
        table.push(9, static_cast<std::int64_t>(line_of(c)));
    }
    portfolio_.upsert_organisation(std::move(o));
    ++result_.organisations;
}

void Reader::read_organisations_root(const xml_node& root, bool truncated) {
    auto& table = result_.organisation_finances;
    if (table.column_count() == 0) {
        table.add_column<std::string>("organisation", "organisation-identifier");
        table.add_column<std::string>("kind", "total-budget, recipient-org-budget, recipient-country-budget, recipient-region-budget or total-expenditure");
        table.add_column<std::string>("status", "BudgetStatus code as published");
        table.add_column<Date>("period_start");
        table.add_column<Date>("period_end");
        table.add_column<Decimal>("value", "exact, in the original currency");
        table.add_column<std::string>("currency", "value/@currency, else the organisation's @default-currency");
        table.add_column<std::string>("recipient", "recipient organisation ref, country or region code");
        table.add_column<std::string>("file");
        table.add_column<std::int64_t>("line");
    }
    const std::size_t rows_before = table.row_count();
    const std::size_t orgs_before = result_.organisations;
    xml_node last;
    if (truncated) {
        for (const xml_node o : root.children("iati-organisation")) last = o;
    }
    for (const xml_node o : root.children("iati-organisation")) {
        if (o == last) {
            drop(o, "well-formed", "the file ends inside this organisation; left out");
            continue;
        }
        read_organisation(o);
    }
    const std::string note = file_ + ": iati-organisations file: " + std::to_string(result_.organisations - orgs_before) +
                             " organisations kept as Organisation records of the Portfolio; " +
                             std::to_string(table.row_count() - rows_before) +
                             " budget/expenditure lines kept in the read result's organisation_finances table (not in the Portfolio)";
    result_.notes.push_back(note);
}

void Reader::begin_file(const std::string& name) {
    file_ = name;
    file_order_ = result_.files;
    ++result_.files;
    batched_ = false;
    batch_head_offset_ = 0;
    batch_head_length_ = std::numeric_limits<std::size_t>::max();
    batch_region_offset_ = 0;
}

void Reader::read_document(std::string& buffer, const std::string& name, std::size_t bytes_before, std::size_t bytes_total) {
    begin_file(name);
    if (buffer.size() > std::numeric_limits<std::uint32_t>::max()) {
        problem(Severity::error, false, "file-size", "files over 4 GiB are not supported; split the file", 0, {});
        return;
    }
    if (options_.batch_bytes > 0) {
        if (const auto root = iati_detail::find_batchable_root(buffer)) {
            read_batches(buffer, *root, [](std::string&) { return false; }, bytes_before, bytes_total);
            return;
        }
    }
    lines_ = iati_detail::LineIndex(buffer);
    // A DOCTYPE is never followed (pugixml does not expand entities beyond the five XML ones
    // and character references); one that declares entities marks a hostile or broken file.
    if (const auto doctype = iati_detail::find_doctype(buffer)) {
        if (doctype->declares_entities) {
            problem(Severity::error, true, "no-entities", "DOCTYPE declares entities or names an external DTD (possible XML bomb or external entity); the file is not read",
                    lines_.line(doctype->offset), "!DOCTYPE");
            return;
        }
        problem(Severity::warning, true, "no-doctype", "DOCTYPE ignored (IATI files have none)", lines_.line(doctype->offset), "!DOCTYPE");
    }
    pugi::xml_document doc;
    bool truncated = false;
    if (!accept(doc, doc.load_buffer_inplace(buffer.data(), buffer.size(), kParseFlags, pugi::encoding_auto), truncated)) return;
    const xml_node root = doc.document_element();
    if (equals(root.name(), "iati-activities")) {
        read_activities_root(root, truncated, bytes_before, bytes_total);
        report_deferred_error();
    } else if (equals(root.name(), "iati-organisations")) {
        read_organisations_root(root, truncated);
        report_deferred_error();
    } else {
        report_deferred_error();
        problem(Severity::error, false, "root-element",
                "root element <" + std::string(root.name()).substr(0, 60) + "> is not <iati-activities> or <iati-organisations>; the file is not read",
                line_of(root), root.name());
    }
}

bool Reader::accept(const pugi::xml_document& doc, const pugi::xml_parse_result& parsed, bool& truncated) {
    const xml_node root = doc.document_element();
    truncated = false;
    if (!parsed) {
        const std::uint32_t line = parsed.offset >= 0 ? line_at(file_offset(static_cast<std::size_t>(parsed.offset))) : 0;
        const bool empty_document = parsed.status == pugi::status_no_document_element;
        const std::string message = empty_document ? "not an XML document (no root element)"
                                                   : std::string("XML is not well formed: ") + parsed.description();
        if (!root || empty_document || options_.strict) {
            problem(Severity::error, true, "well-formed", message + (root ? "" : "; the file is not read"), line, {});
            return false;
        }
        truncated = true;
        // Reported after the records before the error are read, so diagnostics stay in file order.
        deferred_error_ = {message + "; the complete records before this point are read", line};
    }
    if (!root) {
        problem(Severity::error, true, "well-formed", "not an XML document (no root element)", 0, {});
        return false;
    }
    return true;
}

// A large activities document is parsed a batch of whole activities at a time: each batch is
// the root's start tag, a slice of the file ending after an activity, and the root's end tag.
// Only one batch's DOM (and, reading a file, about one batch of its text) exists at once, and
// every offset maps back to the file, so lines, errors and results are those of a
// whole-document parse. The last slice runs to the end of the file: whatever follows the
// activities (or cuts one short) is parsed as it stands.
void Reader::read_batches(std::string& window, const iati_detail::RootTag& root, const std::function<bool(std::string&)>& more,
                          std::size_t bytes_before, std::size_t bytes_total) {
    using Kind = iati_detail::BatchCut::Kind;
    static constexpr std::string_view kTail = "</iati-activities>";
    const std::string head = window.substr(root.begin, root.end - root.begin);
    batched_ = true;
    head_lines_ = iati_detail::LineIndex(std::string_view(window).substr(0, root.end));
    batch_head_offset_ = root.begin;
    batch_head_length_ = head.size();
    std::size_t window_offset = 0;  // file offset of window[0]
    std::size_t from = root.end;    // where the next batch starts in the window
    std::size_t counted = 0;        // newlines are counted up to here in the window ...
    std::uint32_t line = 1;         // ... which is on this line
    const auto count_lines_to = [&](std::size_t to) {
        line += static_cast<std::uint32_t>(std::count(window.begin() + static_cast<std::ptrdiff_t>(counted), window.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
        counted = to;
    };
    bool end_of_file = false;
    bool first = true;
    bool exact = false;  // the current batch is cut by the exact scan
    std::string batch;
    while (true) {
        const std::size_t target = from + std::min(options_.batch_bytes, std::numeric_limits<std::size_t>::max() - from);
        // The quick cut by substring search first; the exact scan only when its batch fails.
        iati_detail::BatchCut found = exact ? iati_detail::next_batch_cut(window, from, target) : iati_detail::quick_batch_cut(window, from, target);
        if (found.kind == Kind::more && !end_of_file) {
            // Keep only what is not parsed yet, and read on.
            count_lines_to(from);
            window.erase(0, from);
            window_offset += from;
            from = 0;
            counted = 0;
            end_of_file = !more(window);
            continue;
        }
        const bool last = found.kind != Kind::cut;
        while (last && !end_of_file) end_of_file = !more(window);
        const std::size_t to = last ? window.size() : found.at;
        count_lines_to(from);
        batch.clear();
        batch.reserve(head.size() + (to - from) + kTail.size());
        batch.append(head).append(window, from, to - from);
        if (!last) batch.append(kTail);
        batch_region_offset_ = window_offset + from;
        region_lines_ = iati_detail::LineIndex(std::string_view(window).substr(from, to - from));
        region_first_line_ = line;
        pugi::xml_document doc;
        bool truncated = false;
        const pugi::xml_parse_result parsed = doc.load_buffer_inplace(batch.data(), batch.size(), kParseFlags, pugi::encoding_utf8);
        if (!parsed && !exact && !last) {
            exact = true;  // the quick cut may have fallen inside a comment or CDATA: cut again
            continue;
        }
        if (!accept(doc, parsed, truncated)) break;
        const xml_node element = doc.document_element();
        if (first) begin_activities_root(element);
        first = false;
        // In a document cut short, the last activity is kept when its text (still in the window,
        // unlike the parsed copy) closes it before the error: a file that ends between two
        // activities loses none.
        bool last_is_complete = false;
        if (truncated && parsed.offset >= 0) {
            xml_node last_activity;
            for (const xml_node a : element.children("iati-activity")) last_activity = a;
            const std::ptrdiff_t name_at = last_activity ? last_activity.offset_debug() : -1;
            if (name_at > 0) {
                const std::size_t start = file_offset(static_cast<std::size_t>(name_at) - 1) - window_offset;  // its '<'
                const iati_detail::BatchCut end = iati_detail::next_batch_cut(window, start, start);
                last_is_complete = end.kind == Kind::cut && window_offset + end.at <= file_offset(static_cast<std::size_t>(parsed.offset));
            }
        }
        read_activities_children(element, truncated, bytes_before, bytes_total, last_is_complete);
        report_deferred_error();
        if (last || truncated) break;  // an error ends the read of the file, as in one parse
        from = to;
        exact = false;
    }
    batched_ = false;
}

}  // namespace

IatiReadResult read_iati_files(const std::vector<std::string>& paths, Portfolio& into, const IatiReadOptions& options) {
    IatiReadResult result;
    Reader reader(options, result, into);
    std::size_t total = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    }
    std::size_t done = 0;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::error_code ec;
        if (!in || std::filesystem::is_directory(path, ec)) {
            if (options.strict) throw IoError("cannot open file", {path, 0, {}}, "file-readable");
            Diagnostic d{Severity::error, "IoError", "file-readable", "cannot open file", {path, 0, {}}};
            into.add_diagnostic(d);
            result.diagnostics.push_back(std::move(d));
            continue;
        }
        const auto expected = std::filesystem::file_size(path, ec);
        const std::size_t known = ec ? 0 : static_cast<std::size_t>(expected);
        // Appends the next chunk of the file (at least as much as is held, so that a long
        // record costs a logarithmic number of reads); false at the end of the file.
        const auto more = [&in, &options](std::string& window) {
            const std::size_t chunk = std::max({std::size_t{1} << 16, options.batch_bytes, window.size()});
            const std::size_t old = window.size();
            window.resize(old + chunk);
            in.read(window.data() + old, static_cast<std::streamsize>(chunk));
            window.resize(old + static_cast<std::size_t>(in.gcount()));
            return in.gcount() > 0;
        };
        std::string buffer;
        if (options.batch_bytes > 0 && known > 0 && more(buffer)) {
            if (const auto root = iati_detail::find_batchable_root(buffer)) {
                reader.read_stream(buffer, *root, more, path, done, std::max(total, done + known));
                done += known;
                continue;
            }
        }
        // The whole file at once: one read of the known size (growing a string character by
        // character would copy the file several times), then to the end whatever the size said.
        if (known > buffer.size()) {
            const std::size_t old = buffer.size();
            buffer.resize(known);
            in.read(buffer.data() + old, static_cast<std::streamsize>(known - old));
            buffer.resize(old + static_cast<std::size_t>(in.gcount()));
        }
        in.clear();
        buffer.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        const std::size_t size = buffer.size();
        reader.read_document(buffer, path, done, std::max(total, done + size));
        done += size;
    }
    reader.flush();
    if (options.progress) options.progress(total, total);
    return result;
}

IatiReadResult read_iati_string(std::string_view xml, Portfolio& into, const IatiReadOptions& options, const std::string& name) {
    IatiReadResult result;
    Reader reader(options, result, into);
    std::string buffer(xml);
    reader.read_document(buffer, name, 0, buffer.size());
    reader.flush();
    if (options.progress) options.progress(buffer.size(), buffer.size());
    return result;
}

}  // namespace aidtrack
