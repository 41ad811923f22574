/// \file iati_rules.cpp
/// \brief The IATI rules beyond the XML Schema: percentages, date order, budget periods,
/// transaction dates, value dates and codes on the official codelists.

#include "iati_rules.hpp"

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/text.hpp>
#include <aidtrack/io/codelists.hpp>
#include <aidtrack/io/iati_validator.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace aidtrack {

std::vector<std::pair<std::string, std::string>> iati_rule_catalogue() {
    return {
        {"percentage-range", "error: a percentage is a decimal between 0 and 100"},
        {"start-before-end",
         "error: planned/actual start is not after the matching end; period-start is not after period-end (budgets, "
         "planned disbursements, indicator periods)"},
        {"budget-period-at-most-one-year", "error: a budget period spans at most 366 days, both ends included"},
        {"transaction-not-after-generated", "error: no transaction is dated after the file's @generated-datetime"},
        {"value-date-present",
         "error: every value carries @value-date (only reported when the XSD is not checked, which requires it too)"},
        {"value-decimal", "error: values, percentages and dates parse (only reported when the XSD is not checked)"},
        {"percentages-sum-to-100",
         "advice: sector percentages per vocabulary, recipient country + region percentages (per region vocabulary) "
         "and country budget items each sum to 100 within 0.01"},
        {"currency-known",
         "advice: every value has a currency, its own @currency or the activity's @default-currency (the schema suite "
         "accepts values without)"},
        {"code-on-codelist",
         "advice: codes of codelist-bound attributes are on the official IATI 2.03 codelist (vocabulary 1 lists only)"},
        {"code-withdrawn", "advice: a code is on its codelist but withdrawn"},
        {"transaction-in-future", "advice: without @generated-datetime, no transaction is dated after today"},
        {"unique-identifier", "advice: an iati-identifier appears once per file"},
        {"sector-in-one-place", "advice: sectors are reported for the activity or for its transactions, not both"},
    };
}

namespace detail {
namespace {

std::string_view name_of(const xmlNode& n) { return reinterpret_cast<const char*>(n.name); }

std::uint32_t line_of(const xmlNode& n) {
    const long line = xmlGetLineNo(&n);
    return line > 0 ? static_cast<std::uint32_t>(line) : 0U;
}

/// The value of an un-namespaced attribute, if present.
std::optional<std::string> attr(const xmlNode& n, const char* name) {
    for (const xmlAttr* a = n.properties; a != nullptr; a = a->next) {
        if (a->ns == nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
            xmlChar* value = xmlNodeListGetString(n.doc, a->children, 1);
            std::string out = value == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(value));
            xmlFree(value);
            return out;
        }
    }
    return std::nullopt;
}

std::string trimmed(const std::string& s) { return std::string(aidtrack::trim(s)); }

/// Element children called `name` (all element children when `name` is empty).
std::vector<const xmlNode*> children(const xmlNode& n, std::string_view name = {}) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = n.children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && c->ns == nullptr && (name.empty() || name_of(*c) == name)) out.push_back(c);
    }
    return out;
}

const xmlNode* child(const xmlNode& n, std::string_view name) {
    for (const xmlNode* c = n.children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && c->ns == nullptr && name_of(*c) == name) return c;
    }
    return nullptr;
}

/// The vocabulary attribute with IATI's default of "1" when it is absent.
std::string vocabulary_of(const xmlNode& n) { return attr(n, "vocabulary").value_or("1"); }

class Checker {
public:
    Checker(const RuleContext& context, Diagnostics& out) : context_(context), out_(out) {}

    void run(const xmlNode& root) {
        if (const auto generated = attr(root, "generated-datetime")) {
            Date d;
            if (generated->size() >= 10 && try_parse_date(std::string_view(*generated).substr(0, 10), d))
                generated_ = d;
        }
        for (const xmlNode* a : children(root, "iati-activity")) activity(*a);
    }

private:
    void add(Severity severity, const char* kind, const char* rule, const xmlNode& at, std::string message) {
        out_.push_back(
            {severity, kind, rule, std::move(message), {context_.file, line_of(at), std::string(name_of(at))}});
    }
    void fail(const char* rule, const xmlNode& at, std::string message) {
        add(Severity::error, "RuleError", rule, at, std::move(message));
    }
    void advise(const char* rule, const xmlNode& at, std::string message) {
        if (context_.strict) {
            add(Severity::error, "RuleError", rule, at, std::move(message));
        } else {
            add(Severity::warning, "RuleWarning", rule, at, std::move(message));
        }
    }

    // --- parsed values ------------------------------------------------------------------------
    std::optional<Date> date_attr(const xmlNode& n, const char* name) {
        const auto text = attr(n, name);
        if (!text) return std::nullopt;
        Date d;
        std::string why;
        if (try_parse_date(trim(*text), d, &why)) return d;
        if (!context_.schema_checked)
            fail("value-decimal", n, std::string("@") + name + " '" + *text + "' is not a date: " + why);
        return std::nullopt;
    }
    std::optional<Decimal> decimal_attr(const xmlNode& n, const char* name) {
        const auto text = attr(n, name);
        if (!text) return std::nullopt;
        Decimal d;
        std::string why;
        if (Decimal::try_parse(trim(*text), d, &why)) return d;
        if (!context_.schema_checked)
            fail("value-decimal", n, std::string("@") + name + " '" + *text + "' is not a decimal: " + why);
        return std::nullopt;
    }

    // --- codes --------------------------------------------------------------------------------
    void code(const xmlNode& n, const char* attribute, std::string_view list) {
        const auto value = attr(n, attribute);
        if (!value) return;
        const Codelists& lists = Codelists::official();
        if (lists.contains(list, *value)) {
            if (lists.withdrawn(list, *value)) {
                advise("code-withdrawn", n,
                       std::string(list) + " code '" + *value + "' is withdrawn from the codelist");
            }
            return;
        }
        if (!lists.has_list(list)) return;  // a list the library does not ship: nothing to check against
        std::string message = "@";
        message.append(attribute)
            .append(" '")
            .append(*value)
            .append("' is not on the IATI ")
            .append(list)
            .append(" codelist");
        advise("code-on-codelist", n, message);
    }
    /// Codes whose list depends on @vocabulary: only vocabulary "1" (or absent) is checked.
    void vocabulary_code(const xmlNode& n, std::string_view list_for_1, std::string_view vocabulary_list) {
        code(n, "vocabulary", vocabulary_list);
        if (vocabulary_of(n) == "1") code(n, "code", list_for_1);
    }
    void sector_code(const xmlNode& n) {
        code(n, "vocabulary", "SectorVocabulary");
        const std::string vocabulary = vocabulary_of(n);
        if (vocabulary == "1") code(n, "code", "Sector");
        if (vocabulary == "2") code(n, "code", "SectorCategory");
    }
    void org_type(const xmlNode* n) {
        if (n != nullptr) code(*n, "type", "OrganisationType");
    }

    // --- percentages --------------------------------------------------------------------------
    struct Share {
        const xmlNode* node;
        std::optional<Decimal> percentage;
    };
    Share share(const xmlNode& n) {
        Share s{&n, decimal_attr(n, "percentage")};
        if (s.percentage && (s.percentage->is_negative() || *s.percentage > Decimal(100))) {
            fail("percentage-range", n, "@percentage " + s.percentage->to_string(0) + " is outside 0..100");
        }
        return s;
    }
    void sums_to_100(const std::vector<Share>& group, const std::string& what) {
        if (group.empty()) return;
        const bool any_missing = std::any_of(group.begin(), group.end(), [](const Share& s) { return !s.percentage; });
        if (group.size() == 1 && any_missing) return;  // a single item without percentage means 100%
        if (any_missing) {
            advise("percentages-sum-to-100", *group.front().node,
                   std::to_string(group.size()) + " " + what + " but not all give a percentage");
            return;
        }
        Decimal sum;
        for (const Share& s : group) sum += *s.percentage;
        const Decimal tolerance = Decimal::parse("0.01");
        const Decimal gap = sum > Decimal(100) ? sum - Decimal(100) : Decimal(100) - sum;
        if (gap > tolerance) {
            advise("percentages-sum-to-100", *group.front().node,
                   what + " percentages sum to " + sum.to_string(0) + ", not 100");
        }
    }

    // --- money --------------------------------------------------------------------------------
    void value(const xmlNode* v, const std::optional<std::string>& default_currency, const xmlNode& owner) {
        if (v == nullptr) return;
        code(*v, "currency", "Currency");
        if (!attr(*v, "currency") && !default_currency) {
            std::string message = "<";
            message.append(name_of(owner)).append("> value has no @currency and the activity no @default-currency");
            advise("currency-known", *v, message);
        }
        if (!attr(*v, "value-date") && !context_.schema_checked) {
            std::string message = "<";
            message.append(name_of(owner)).append("> value has no @value-date");
            fail("value-date-present", *v, message);
        } else {
            (void)date_attr(*v, "value-date");
        }
        if (!context_.schema_checked) {
            xmlChar* content = xmlNodeGetContent(v);
            const std::string text =
                trimmed(content == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(content)));
            xmlFree(content);
            Decimal d;
            std::string why;
            if (!Decimal::try_parse(text, d, &why))
                fail("value-decimal", *v, "value '" + text + "' is not a decimal: " + why);
        }
    }

    void ordered(const xmlNode* start_node, const std::optional<Date>& start, const std::optional<Date>& end,
                 const std::string& what) {
        if (start_node != nullptr && start && end && *start > *end) {
            fail("start-before-end", *start_node,
                 what + " starts " + to_iso(*start) + ", after its end " + to_iso(*end));
        }
    }

    // --- activity parts -----------------------------------------------------------------------
    void activity(const xmlNode& a) {
        const xmlNode* identifier = child(a, "iati-identifier");
        if (identifier != nullptr) {
            xmlChar* content = xmlNodeGetContent(identifier);
            const std::string id =
                trimmed(content == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(content)));
            xmlFree(content);
            if (!id.empty() && !identifiers_.insert(id).second) {
                advise("unique-identifier", *identifier,
                       "iati-identifier '" + id + "' appears more than once in the file");
            }
        }
        const auto default_currency = attr(a, "default-currency");
        code(a, "default-currency", "Currency");
        org_type(child(a, "reporting-org"));
        for (const xmlNode* p : children(a, "participating-org")) {
            code(*p, "role", "OrganisationRole");
            org_type(p);
        }
        if (const xmlNode* s = child(a, "activity-status")) code(*s, "code", "ActivityStatus");
        activity_dates(a);
        geography(a);
        const auto activity_sectors = children(a, "sector");
        std::map<std::string, std::vector<Share>> sectors;
        for (const xmlNode* s : activity_sectors) {
            sector_code(*s);
            sectors[vocabulary_of(*s)].push_back(share(*s));
        }
        for (const auto& [vocabulary, group] : sectors) sums_to_100(group, "sectors of vocabulary " + vocabulary);
        if (const xmlNode* cbi = child(a, "country-budget-items")) {
            code(*cbi, "vocabulary", "BudgetIdentifierVocabulary");
            std::vector<Share> items;
            for (const xmlNode* item : children(*cbi, "budget-item")) {
                if (vocabulary_of(*cbi) == "1") code(*item, "code", "BudgetIdentifier");
                items.push_back(share(*item));
            }
            sums_to_100(items, "country budget items");
        }
        for (const xmlNode* p : children(a, "policy-marker")) {
            if (vocabulary_of(*p) == "1") code(*p, "code", "PolicyMarker");
            code(*p, "significance", "PolicySignificance");
        }
        if (const xmlNode* n = child(a, "collaboration-type")) code(*n, "code", "CollaborationType");
        if (const xmlNode* n = child(a, "default-flow-type")) code(*n, "code", "FlowType");
        if (const xmlNode* n = child(a, "default-finance-type")) code(*n, "code", "FinanceType");
        for (const xmlNode* n : children(a, "default-aid-type")) vocabulary_code(*n, "AidType", "AidTypeVocabulary");
        if (const xmlNode* n = child(a, "default-tied-status")) code(*n, "code", "TiedStatus");
        for (const xmlNode* b : children(a, "budget")) budget(*b, default_currency);
        for (const xmlNode* pd : children(a, "planned-disbursement")) planned_disbursement(*pd, default_currency);
        bool transaction_sectors = false;
        for (const xmlNode* t : children(a, "transaction")) transaction_sectors |= transaction(*t, default_currency);
        if (transaction_sectors && !activity_sectors.empty()) {
            advise("sector-in-one-place", *activity_sectors.front(),
                   "sectors are given both for the activity and for its transactions");
        }
        for (const xmlNode* r : children(a, "related-activity")) code(*r, "type", "RelatedActivityType");
        for (const xmlNode* r : children(a, "result")) result(*r);
    }

    void activity_dates(const xmlNode& a) {
        std::map<std::string, std::pair<const xmlNode*, std::optional<Date>>> by_type;
        for (const xmlNode* d : children(a, "activity-date")) {
            code(*d, "type", "ActivityDateType");
            by_type[attr(*d, "type").value_or("")] = {d, date_attr(*d, "iso-date")};
        }
        const auto check = [&](const char* start, const char* end, const char* what) {
            const auto s = by_type.find(start);
            const auto e = by_type.find(end);
            if (s != by_type.end() && e != by_type.end())
                ordered(s->second.first, s->second.second, e->second.second, what);
        };
        check("1", "3", "the activity (planned dates)");
        check("2", "4", "the activity (actual dates)");
    }

    void geography(const xmlNode& a) {
        std::vector<Share> countries;
        for (const xmlNode* c : children(a, "recipient-country")) {
            code(*c, "code", "Country");
            countries.push_back(share(*c));
        }
        std::map<std::string, std::vector<Share>> regions;
        for (const xmlNode* r : children(a, "recipient-region")) {
            code(*r, "vocabulary", "RegionVocabulary");
            if (vocabulary_of(*r) == "1") code(*r, "code", "Region");
            regions[vocabulary_of(*r)].push_back(share(*r));
        }
        if (regions.empty()) {
            sums_to_100(countries, "recipient countries");
            return;
        }
        // Regions of different vocabularies describe the same geography twice, so each
        // vocabulary is summed with the countries on its own.
        for (const auto& [vocabulary, group] : regions) {
            std::vector<Share> all = countries;
            all.insert(all.end(), group.begin(), group.end());
            sums_to_100(all, "recipient countries and regions of vocabulary " + vocabulary);
        }
    }

    void budget(const xmlNode& b, const std::optional<std::string>& default_currency) {
        code(b, "type", "BudgetType");
        code(b, "status", "BudgetStatus");
        const xmlNode* start_node = child(b, "period-start");
        const xmlNode* end_node = child(b, "period-end");
        const auto start = start_node != nullptr ? date_attr(*start_node, "iso-date") : std::nullopt;
        const auto end = end_node != nullptr ? date_attr(*end_node, "iso-date") : std::nullopt;
        ordered(&b, start, end, "the budget period");
        if (start && end && *start <= *end) {
            const long days = (*end - *start).days() + 1;
            if (days > 366) {
                fail("budget-period-at-most-one-year", b,
                     "the budget period " + to_iso(*start) + " to " + to_iso(*end) + " spans " + std::to_string(days) +
                         " days, more than one year");
            }
        }
        value(child(b, "value"), default_currency, b);
    }

    void planned_disbursement(const xmlNode& pd, const std::optional<std::string>& default_currency) {
        code(pd, "type", "BudgetType");
        const xmlNode* start_node = child(pd, "period-start");
        const xmlNode* end_node = child(pd, "period-end");
        const auto start = start_node != nullptr ? date_attr(*start_node, "iso-date") : std::nullopt;
        const auto end = end_node != nullptr ? date_attr(*end_node, "iso-date") : std::nullopt;
        ordered(&pd, start, end, "the planned disbursement period");
        value(child(pd, "value"), default_currency, pd);
        org_type(child(pd, "provider-org"));
        org_type(child(pd, "receiver-org"));
    }

    /// Returns whether the transaction has its own sector.
    bool transaction(const xmlNode& t, const std::optional<std::string>& default_currency) {
        if (const xmlNode* type = child(t, "transaction-type")) code(*type, "code", "TransactionType");
        if (const xmlNode* date_node = child(t, "transaction-date")) {
            if (const auto date = date_attr(*date_node, "iso-date")) {
                if (generated_ && *date > *generated_) {
                    fail("transaction-not-after-generated", *date_node,
                         "transaction dated " + to_iso(*date) + ", after the file was generated (" +
                             to_iso(*generated_) + ")");
                } else if (!generated_ && *date > today_) {
                    advise("transaction-in-future", *date_node,
                           "transaction dated " + to_iso(*date) + ", in the future");
                }
            }
        }
        value(child(t, "value"), default_currency, t);
        org_type(child(t, "provider-org"));
        org_type(child(t, "receiver-org"));
        if (const xmlNode* n = child(t, "disbursement-channel")) code(*n, "code", "DisbursementChannel");
        const auto sectors = children(t, "sector");
        for (const xmlNode* s : sectors) sector_code(*s);
        if (const xmlNode* n = child(t, "recipient-country")) code(*n, "code", "Country");
        if (const xmlNode* n = child(t, "recipient-region")) {
            code(*n, "vocabulary", "RegionVocabulary");
            if (vocabulary_of(*n) == "1") code(*n, "code", "Region");
        }
        if (const xmlNode* n = child(t, "flow-type")) code(*n, "code", "FlowType");
        if (const xmlNode* n = child(t, "finance-type")) code(*n, "code", "FinanceType");
        for (const xmlNode* n : children(t, "aid-type")) vocabulary_code(*n, "AidType", "AidTypeVocabulary");
        if (const xmlNode* n = child(t, "tied-status")) code(*n, "code", "TiedStatus");
        return !sectors.empty();
    }

    void result(const xmlNode& r) {
        code(r, "type", "ResultType");
        for (const xmlNode* i : children(r, "indicator")) {
            code(*i, "measure", "IndicatorMeasure");
            for (const xmlNode* p : children(*i, "period")) {
                const xmlNode* start_node = child(*p, "period-start");
                const xmlNode* end_node = child(*p, "period-end");
                const auto start = start_node != nullptr ? date_attr(*start_node, "iso-date") : std::nullopt;
                const auto end = end_node != nullptr ? date_attr(*end_node, "iso-date") : std::nullopt;
                ordered(p, start, end, "the indicator period");
            }
        }
    }

    const RuleContext& context_;
    Diagnostics& out_;
    std::optional<Date> generated_;
    Date today_ = boost::gregorian::day_clock::universal_day();
    std::set<std::string> identifiers_;
};

}  // namespace

void check_iati_rules(const xmlNode& root, const RuleContext& context, Diagnostics& out) {
    Checker(context, out).run(root);
}

}  // namespace detail
}  // namespace aidtrack
