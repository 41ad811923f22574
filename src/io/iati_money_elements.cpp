/// \file iati_money_elements.cpp
/// \brief `<transaction>`, `<budget>` and `<planned-disbursement>`: records with money, whose
/// values wait in the draft for the activity's defaults. A transaction's children are read one
/// function each, chosen from a table of element names.

#include <charconv>

#include "iati_elements.hpp"

namespace aidtrack::iati_detail {
namespace {

using pugi::xml_node;

// A transaction's type: @code on the TransactionType list (1-13). Publishers sometimes put the
// code in the element's text; that is reported, never guessed into a type.
int transaction_type(std::string_view code) {
    int value = 0;
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), value);
    if (ec != std::errc{} || end != code.data() + code.size() || value < 1 || value > 13) return 0;
    return value;
}

// 2.0x numbers and 1.0x letters (mapped whatever the declared version); a 2.0x number in a file
// that declares 1.0x is read too, with a version-mismatch warning. 0 when neither.
int map_transaction_type(const xml_node& e, std::string_view code, ValueReader& in) {
    const std::string_view mapped = in.modern_code(e, LegacyList::transaction_type, code);
    const int type = transaction_type(mapped);
    if (mapped == code && type != 0 && in.versions().legacy())
        in.versions().mismatch(e, LegacyList::transaction_type, code);
    return type;
}

using TransactionChildReader = void (*)(const xml_node& element, PendingTransaction& p, ValueReader& in);

void read_transaction_type(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.has_type = true;
    const std::string_view code = attribute_view(e, "code");
    if (code.empty()) {
        const std::string_view text = trim(e.child_value());
        p.valid = false;
        if (!text.empty()) {
            in.drop(e, "transaction-type-code",
                    "transaction type given as element text '" + std::string(text.substr(0, 20)) +
                        "' instead of @code; transaction left out",
                    true);
        } else {
            in.drop(e, "transaction-type-code", "<transaction-type> without @code; transaction left out");
        }
    } else if ((p.row.type = map_transaction_type(e, code, in)) == 0) {
        p.valid = false;
        in.drop(
            e, "transaction-type-code",
            "transaction type '" + std::string(code.substr(0, 20)) +
                (in.versions().legacy() ? "' is neither a 1.0x letter code (C, D, E, IF, IR, LR, R, QP, QS, CG) nor "
                                          "a 2.0x code (1-13); transaction left out"
                                        : "' is not a TransactionType code (1-13); transaction left out"));
    }
}

void read_transaction_date(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    if (auto d = in.date(e)) p.row.date = *d;
}

void read_transaction_value(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.money = {e.child_value(), attribute_view(e, "currency"), e};
    if (auto d = in.date(e, "value-date")) p.row.value_date = d;
}

void read_provider_org(const xml_node& e, PendingTransaction& p, ValueReader& /*in*/) {
    p.row.provider_org = attribute_text(e, "ref");
    p.row.provider_activity = attribute_text(e, "provider-activity-id");
    if (!p.row.provider_org.empty()) p.provider = e;
}

void read_receiver_org(const xml_node& e, PendingTransaction& p, ValueReader& /*in*/) {
    p.row.receiver_org = attribute_text(e, "ref");
    p.row.receiver_activity = attribute_text(e, "receiver-activity-id");
    if (!p.row.receiver_org.empty()) p.receiver = e;
}

void read_disbursement_channel(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.row.disbursement_channel = in.code(e, "code", "DisbursementChannel");
}

// One sector per vocabulary is allowed; the model keeps one, preferring DAC 5-digit.
void read_transaction_sector(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    Transaction& t = p.row;
    const std::string vocabulary(in.modern_code(e, LegacyList::sector_vocabulary, vocabulary_view(e)));
    if (!t.sector_code.empty()) {
        if (vocabulary == t.sector_vocabulary) {
            in.warn(e, "transaction-one-sector",
                    "two transaction <sector>s of vocabulary " + vocabulary + "; the first is kept");
        }
        if (t.sector_vocabulary == "1" || vocabulary != "1") return;
    }
    t.sector_vocabulary = vocabulary;
    t.sector_code = in.code(e, "code", sector_list(t.sector_vocabulary));
}

void read_transaction_country(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.row.recipient_country = in.code(e, "code", "Country");
}

void read_transaction_region(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.row.recipient_region = in.code(e, "code", "Region");
}

void read_flow_type(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.row.flow_type = in.code(e, "code", "FlowType");
}

void read_finance_type(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.row.finance_type = in.code(e, "code", "FinanceType");
}

// As for the activity's default: the first aid type of the OECD vocabulary (1) only.
void read_aid_type(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    const std::string_view vocabulary = attribute_view(e, "vocabulary");
    if (p.row.aid_type.empty() && (vocabulary.empty() || vocabulary == "1"))
        p.row.aid_type = in.code(e, "code", "AidType");
}

void read_tied_status(const xml_node& e, PendingTransaction& p, ValueReader& in) {
    p.row.tied_status = in.code(e, "code", "TiedStatus");
}

/// \brief A transaction child's name and the function that reads it.
struct NamedTransactionReader {
    const char* name;
    TransactionChildReader read;
};

constexpr NamedTransactionReader kTransactionElements[] = {
    {"transaction-type", read_transaction_type},
    {"transaction-date", read_transaction_date},
    {"value", read_transaction_value},
    {"provider-org", read_provider_org},
    {"receiver-org", read_receiver_org},
    {"disbursement-channel", read_disbursement_channel},
    {"sector", read_transaction_sector},
    {"recipient-country", read_transaction_country},
    {"recipient-region", read_transaction_region},
    {"flow-type", read_flow_type},
    {"finance-type", read_finance_type},
    {"aid-type", read_aid_type},
    {"tied-status", read_tied_status},
};

TransactionChildReader transaction_element_reader(const char* name) noexcept {
    for (const auto& [element, read] : kTransactionElements) {
        if (equals(name, element)) return read;
    }
    return nullptr;
}

// Whether @type `type` of a budget or planned disbursement is a BudgetType code: 1 (original)
// or 2 (revised); another number leaves the record out. `what` names the element in problems.
bool budget_type_known(const xml_node& e, const char* what, int type, ValueReader& in) {
    if (type == 1 || type == 2) return true;
    in.drop(e, "budget-type",
            std::string(what) + " @type " + std::to_string(type) + " is not a BudgetType code (1, 2); left out");
    return false;
}

// The `<value>` of a budget or planned disbursement (false, reported, when there is none).
bool read_child_value(const xml_node& e, const char* what, PendingMoney& money, std::optional<Date>& value_date,
                      ValueReader& in) {
    const xml_node value = e.child("value");
    if (!value) {
        in.drop(e, "value-present", std::string(what) + " without <value>; left out");
        return false;
    }
    money = {value.child_value(), attribute_view(value, "currency"), value};
    value_date = in.date(value, "value-date");
    return true;
}

}  // namespace

void read_transaction(const xml_node& element, ActivityDraft& draft, ValueReader& in) {
    PendingTransaction p;
    Transaction& t = p.row;
    t.line = in.line_of(element);
    t.ref = attribute_text(element, "ref");
    if (element.attribute("humanitarian")) t.humanitarian = in.boolean(element, "humanitarian", false) ? 1 : 0;
    for (const xml_node c : element.children()) {
        if (const TransactionChildReader read = transaction_element_reader(c.name())) read(c, p, in);
    }
    if (!p.has_type) {
        p.valid = false;
        in.drop(element, "transaction-type-code", "transaction without <transaction-type>; left out");
    }
    if (!p.money.value_node) {
        p.valid = false;
        in.drop(element, "value-present", "transaction without <value>; left out");
    }
    if (t.date.is_special()) {
        in.warn(element, "transaction-date-present", "transaction without a valid <transaction-date>; kept undated");
    }
    draft.transactions.push_back(std::move(p));
}

void read_budget(const xml_node& element, ActivityDraft& draft, ValueReader& in) {
    PendingBudget p;
    Budget& b = p.budget;
    b.line = in.line_of(element);
    // The standard: a budget without @type is an original budget (type 1).
    if (const auto type = in.integer(element, "type")) {
        if (!budget_type_known(element, "budget", *type, in)) p.valid = false;
        b.type = *type;
    } else if (!attribute_view(element, "type").empty()) {
        p.valid = false;
        in.drop(element, "budget-type", "budget @type is not a BudgetType code; left out");
    }
    if (const auto status = in.integer(element, "status")) {
        if (*status == 1 || *status == 2) {
            b.status = *status;
        } else {
            in.warn(
                element, "code-on-codelist",
                "budget @status " + std::to_string(*status) + " is not a BudgetStatus code; read as 1 (indicative)");
        }
    }
    if (!read_child_value(element, "budget", p.money, b.value_date, in)) p.valid = false;
    if (auto period = in.period(element, "budget")) {
        b.period = *period;
    } else {
        p.valid = false;
    }
    draft.budgets.push_back(std::move(p));
}

void read_planned_disbursement(const xml_node& element, ActivityDraft& draft, ValueReader& in) {
    PendingPlanned p;
    PlannedDisbursement& pd = p.planned;
    pd.line = in.line_of(element);
    if (const auto type = in.integer(element, "type")) {
        if (!budget_type_known(element, "planned-disbursement", *type, in)) p.valid = false;
        pd.type = *type;
    }
    if (!read_child_value(element, "planned-disbursement", p.money, pd.value_date, in)) p.valid = false;
    if (const xml_node provider = element.child("provider-org")) {
        pd.provider_org = attribute_text(provider, "ref");
        pd.provider_activity = attribute_text(provider, "provider-activity-id");
    }
    if (const xml_node receiver = element.child("receiver-org")) {
        pd.receiver_org = attribute_text(receiver, "ref");
        pd.receiver_activity = attribute_text(receiver, "receiver-activity-id");
    }
    if (auto period = in.period(element, "planned-disbursement")) {
        pd.period = *period;
    } else {
        p.valid = false;
    }
    draft.planned.push_back(std::move(p));
}

}  // namespace aidtrack::iati_detail
