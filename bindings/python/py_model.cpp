// The model: activities and their parts, transactions, budgets and the Portfolio with its columns.
#include "py_common.hpp"
#include "py_huge_page_arrays.hpp"

#include <aidtrack/core/error.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/model/portfolio_subset.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace aidtrack::python {
namespace {

// A numpy view of a column that keeps the owning Portfolio alive through `base`.
template <class T>
py::array column_view(const std::vector<T>& column, py::handle base) {
    return py::array(py::dtype::of<T>(), {static_cast<py::ssize_t>(column.size())},
                     {static_cast<py::ssize_t>(sizeof(T))}, column.data(), base);
}

// Day numbers as numpy datetime64 with NaT for "no date": in nanoseconds, the unit pandas stores,
// so that a DataFrame takes the column without its slow overflow-checked conversion; in days when
// a date lies outside the nanosecond range (1678-2262), where pandas refuses it as before.
py::array dates_of(const std::vector<std::int32_t>& days, HugePageArrays& arrays) {
    constexpr std::int64_t kNanosPerDay = 86'400'000'000'000;
    constexpr std::int32_t kLimit = 106'000;  // |days since 1970| that fit datetime64[ns]
    bool fits = true;
    for (std::int32_t d : days) fits &= d == day_number::kNone || (d > -kLimit && d < kLimit);
    py::array_t<std::int64_t> out = arrays.take<std::int64_t>(days.size());
    auto* o = out.mutable_data();
    const std::int64_t unit = fits ? kNanosPerDay : 1;
    for (std::size_t i = 0; i < days.size(); ++i) o[i] = days[i] == day_number::kNone ? INT64_MIN : days[i] * unit;
    return out.attr("view")(fits ? "datetime64[ns]" : "datetime64[D]");
}

// A column copied into a new numpy array of element type To (owned by Python).
template <class To, class From>
py::array copied_as(const std::vector<From>& column, HugePageArrays& arrays) {
    py::array_t<To> out = arrays.take<To>(column.size());
    std::copy(column.begin(), column.end(), out.mutable_data());
    return out;
}

// Exact values (raw units of 10^-9) as float64, the nearest double to each. A raw value below
// 2^53 in magnitude is a double exactly, and one IEEE division by 10^9 then rounds once to the
// nearest double: a few cycles, against a 128-bit conversion and an x87 division per value for
// the rest (amounts from about 9 million units up).
py::array values_of(const std::vector<Int128>& raw, HugePageArrays& arrays) {
    py::array_t<double> out = arrays.take<double>(raw.size());
    double* o = out.mutable_data();
    constexpr Int128 kExact = Int128{1} << 53;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const Int128 r = raw[i];
        o[i] = r > -kExact && r < kExact ? static_cast<double>(static_cast<std::int64_t>(r)) / 1e9
                                         : Decimal::from_raw(r).to_double();
    }
    return out;
}

// Index codes narrowed to the integer type pandas keeps categorical codes in for `categories`
// categories (its coerce_indexer_dtype rule), so a Categorical takes them without another copy.
template <class Source, class Map>
py::array narrow_codes(const std::vector<Source>& column, std::size_t categories, HugePageArrays& arrays, Map&& map) {
    auto make = [&](auto tag) {
        using T = decltype(tag);
        py::array_t<T> out = arrays.take<T>(column.size());
        T* o = out.mutable_data();
        for (std::size_t i = 0; i < column.size(); ++i) o[i] = static_cast<T>(map(column[i]));
        return py::array(std::move(out));
    };
    if (categories < 127) return make(std::int8_t{});
    if (categories < 32767) return make(std::int16_t{});
    return make(std::int32_t{});
}

// Packed currency codes → (codes, names): small integer codes in the dtype pandas would choose
// for that many categories (so it keeps them without a copy) and the ISO names they index. One
// pass with a 65 536-entry table: no sort, no per-row Python object.
py::tuple currency_codes_of(const std::vector<std::uint16_t>& packed, HugePageArrays& arrays) {
    std::vector<std::int32_t> slot(1U << 16, -1);
    for (std::uint16_t c : packed) slot[c] = 0;
    std::vector<std::string> names;
    for (std::uint32_t c = 0; c < slot.size(); ++c) {
        if (slot[c] < 0) continue;
        slot[c] = static_cast<std::int32_t>(names.size());
        names.push_back(c == 0 ? std::string() : CurrencyCode::from_packed(static_cast<std::uint16_t>(c)).str());
    }
    py::array codes = narrow_codes(packed, names.size(), arrays, [&](std::uint16_t c) { return slot[c]; });
    return py::make_tuple(codes, names);
}

GroupKey group_key_from(const std::string& name) {
    static const std::map<std::string, GroupKey> kKeys = {
        {"reporting_org", GroupKey::reporting_org},
        {"provider_org", GroupKey::provider_org},
        {"receiver_org", GroupKey::receiver_org},
        {"activity", GroupKey::activity},
        {"activity_id", GroupKey::activity},
        {"type", GroupKey::type},
        {"currency", GroupKey::currency},
        {"year", GroupKey::year},
        {"fiscal_year", GroupKey::fiscal_year},
        {"sector", GroupKey::sector},
        {"country", GroupKey::country},
    };
    const auto it = kKeys.find(name);
    if (it == kKeys.end()) throw ValidationError("unknown grouping key '" + name + "'");
    return it->second;
}

// A text column handed over as pandas categorical codes (-1 = missing) and their categories:
// each category is interned once, then the codes are mapped.
void fill_text_column(std::vector<TransactionTable::Index>& column, StringPool& pool, const py::handle& codes_and_names,
                      std::size_t rows, const char* name) {
    if (codes_and_names.is_none()) {
        column.assign(rows, pool.intern(""));
        return;
    }
    const auto pair = codes_and_names.cast<
        std::pair<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>, std::vector<std::string>>>();
    const auto& codes = pair.first;
    const auto& names = pair.second;
    if (static_cast<std::size_t>(codes.size()) != rows)
        throw ValidationError(std::string("column ") + name + " has " + std::to_string(codes.size()) + " rows, not " +
                              std::to_string(rows));
    std::vector<TransactionTable::Index> interned;
    interned.reserve(names.size());
    for (const auto& text : names) interned.push_back(pool.intern(text));
    const TransactionTable::Index empty = pool.intern("");
    column.resize(rows);
    const std::int64_t* c = codes.data();
    for (std::size_t i = 0; i < rows; ++i) column[i] = c[i] < 0 ? empty : interned.at(static_cast<std::size_t>(c[i]));
}

// Rows from the columns of a DataFrame (see Portfolio.add_transactions in Python), checked as
// add_transaction's callers would check one row; errors name the row by its frame label.
TransactionTable table_from_columns(const py::dict& columns, const std::vector<std::string>& labels) {
    using Int64s = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
    const auto activity = columns["activity"].cast<Int64s>();
    const auto type = columns["type"].cast<Int64s>();
    const auto date = columns["date"].cast<Int64s>();
    const auto value_date = columns["value_date"].cast<Int64s>();
    const auto value = columns["value"].cast<std::vector<std::string>>();
    const auto currency = columns["currency"].cast<std::pair<Int64s, std::vector<std::string>>>();
    const auto humanitarian = columns["humanitarian"].cast<Int64s>();
    const auto line = columns["line"].cast<Int64s>();
    const std::size_t rows = static_cast<std::size_t>(activity.size());
    // Every column has a cell per row (the text columns are checked in fill_text_column).
    const auto same_length = [rows](const char* name, auto size) {
        if (static_cast<std::size_t>(size) != rows)
            throw ValidationError(std::string("column ") + name + " has " + std::to_string(size) + " rows, not " +
                                  std::to_string(rows));
    };
    same_length("type", type.size());
    same_length("date", date.size());
    same_length("value_date", value_date.size());
    same_length("value", value.size());
    same_length("currency", currency.first.size());
    same_length("humanitarian", humanitarian.size());
    same_length("line", line.size());
    auto where = [&](std::size_t i) {
        return "transactions frame row " + (i < labels.size() ? labels[i] : std::to_string(i));
    };
    std::vector<CurrencyCode> currencies;
    for (const auto& code : currency.second) currencies.emplace_back(code);
    TransactionTable t;
    t.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::int64_t ty = type.at(i);
        if (!transaction_type_of(static_cast<int>(ty)) || ty != static_cast<int>(ty))
            throw ValidationError(where(i) + ": transaction type " + std::to_string(ty) + " is not an IATI code 1-13");
        if (date.at(i) == std::numeric_limits<std::int64_t>::min())
            throw ValidationError(where(i) + ": a transaction needs a date");
        if (activity.at(i) < 0 || activity.at(i) > std::numeric_limits<std::uint32_t>::max())
            throw NotFoundError(where(i) + ": no such activity");
        const std::int64_t cur = currency.first.at(i);
        if (cur < 0) throw ValidationError(where(i) + ": a transaction needs a currency");
        Decimal amount;
        try {
            amount = Decimal::parse(value[i]);
        } catch (const Error& e) {
            throw ValidationError(where(i) + ": value '" + value[i] + "': " + e.what());
        }
        t.activity.push_back(static_cast<std::uint32_t>(activity.at(i)));
        t.type.push_back(static_cast<std::uint8_t>(ty));
        t.date.push_back(static_cast<std::int32_t>(date.at(i)));
        t.value.push_back(amount.raw());
        t.currency.push_back(currencies.at(static_cast<std::size_t>(cur)).packed());
        const std::int64_t vd = value_date.at(i);
        t.value_date.push_back(vd == std::numeric_limits<std::int64_t>::min() ? day_number::kNone
                                                                              : static_cast<std::int32_t>(vd));
        t.humanitarian.push_back(static_cast<std::int8_t>(std::clamp<std::int64_t>(humanitarian.at(i), -1, 1)));
        t.line.push_back(static_cast<std::uint32_t>(std::max<std::int64_t>(line.at(i), 0)));
    }
#define AIDTRACK_FILL_TEXT(name) fill_text_column(t.name, t.strings(), columns[#name], rows, #name);
    AIDTRACK_TRANSACTION_TEXT_COLUMNS(AIDTRACK_FILL_TEXT)
#undef AIDTRACK_FILL_TEXT
    return t;
}

}  // namespace

void bind_model(py::module_& m) {
    m.def(
        "_frame_memory_kept", [] { return HugePageBlocks::kept_bytes(); },
        "Bytes of large frame columns' memory kept for the next frame (free for the kernel to take).");
    py::enum_<Evidence>(m, "Evidence", "Whether a figure was reported, derived or illustrative.")
        .value("reported", Evidence::reported)
        .value("derived", Evidence::derived)
        .value("illustrative", Evidence::illustrative);

    py::class_<Provenance>(m, "Provenance", "Where a record came from: file and line, or a named source.")
        .def(py::init<>())
        .def(py::init([](std::string source, std::uint32_t line, Evidence evidence, std::string note) {
                 return Provenance{std::move(source), line, evidence, std::move(note)};
             }),
             py::arg("source"), py::arg("line") = 0, py::arg("evidence") = Evidence::reported, py::arg("note") = "")
        .def_readwrite("source", &Provenance::source)
        .def_readwrite("line", &Provenance::line)
        .def_readwrite("evidence", &Provenance::evidence)
        .def_readwrite("note", &Provenance::note);

    py::class_<Narrative>(m, "Narrative", "A text with its language code.")
        .def(py::init([](std::string text, std::string lang) {
                 return Narrative{std::move(text), std::move(lang)};
             }),
             py::arg("text"), py::arg("lang") = "")
        .def_readwrite("text", &Narrative::text)
        .def_readwrite("lang", &Narrative::lang)
        .def("__repr__", [](const Narrative& n) { return "Narrative('" + n.text + "', lang='" + n.lang + "')"; });

    py::class_<Organisation>(m, "Organisation", "An organisation keyed by its IATI identifier.")
        .def(py::init(
                 [](std::string ref, std::string name, std::string type, std::string country, std::string short_name) {
                     Organisation o;
                     o.ref = std::move(ref);
                     o.name = std::move(name);
                     o.type = std::move(type);
                     o.country = std::move(country);
                     o.short_name = std::move(short_name);
                     return o;
                 }),
             py::arg("ref"), py::arg("name") = "", py::arg("type") = "", py::arg("country") = "",
             py::arg("short_name") = "")
        .def_readwrite("ref", &Organisation::ref)
        .def_readwrite("name", &Organisation::name)
        .def_readwrite("type", &Organisation::type)
        .def_readwrite("country", &Organisation::country)
        .def_readwrite("short_name", &Organisation::short_name)
        .def_readwrite("provenance", &Organisation::provenance);

    py::enum_<OrgRole>(m, "OrgRole", "IATI OrganisationRole of a participating organisation.")
        .value("unknown", OrgRole::unknown)
        .value("funding", OrgRole::funding)
        .value("accountable", OrgRole::accountable)
        .value("extending", OrgRole::extending)
        .value("implementing", OrgRole::implementing);

    py::class_<ReportingOrg>(m, "ReportingOrg", "The publisher of an activity.")
        .def(py::init<>())
        .def_readwrite("ref", &ReportingOrg::ref)
        .def_readwrite("type", &ReportingOrg::type)
        .def_readwrite("secondary_reporter", &ReportingOrg::secondary_reporter)
        .def_readwrite("name", &ReportingOrg::name);

    py::class_<ParticipatingOrg>(m, "ParticipatingOrg", "An organisation taking part in an activity, with its role.")
        .def(py::init([](std::string ref, OrgRole role, std::string type, std::string activity_id) {
                 ParticipatingOrg p;
                 p.ref = std::move(ref);
                 p.role = role;
                 p.type = std::move(type);
                 p.activity_id = std::move(activity_id);
                 return p;
             }),
             py::arg("ref") = "", py::arg("role") = OrgRole::unknown, py::arg("type") = "", py::arg("activity_id") = "")
        .def_readwrite("ref", &ParticipatingOrg::ref)
        .def_readwrite("role", &ParticipatingOrg::role)
        .def_readwrite("type", &ParticipatingOrg::type)
        .def_readwrite("activity_id", &ParticipatingOrg::activity_id)
        .def_readwrite("crs_channel_code", &ParticipatingOrg::crs_channel_code)
        .def_readwrite("name", &ParticipatingOrg::name);

    py::class_<CountryShare>(m, "CountryShare", "A recipient country and its percentage.")
        .def(py::init([](std::string code, std::optional<Decimal> pct) {
                 return CountryShare{std::move(code), pct, {}};
             }),
             py::arg("code"), py::arg("percentage") = py::none())
        .def_readwrite("code", &CountryShare::code)
        .def_readwrite("percentage", &CountryShare::percentage)
        .def_readwrite("name", &CountryShare::name);
    py::class_<RegionShare>(m, "RegionShare", "A recipient region and its percentage.")
        .def(py::init<>())
        .def_readwrite("code", &RegionShare::code)
        .def_readwrite("vocabulary", &RegionShare::vocabulary)
        .def_readwrite("percentage", &RegionShare::percentage)
        .def_readwrite("name", &RegionShare::name);
    py::class_<SectorShare>(m, "SectorShare", "A sector (vocabulary, code) and its percentage.")
        .def(py::init([](std::string code, std::optional<Decimal> pct, std::string vocabulary) {
                 return SectorShare{std::move(vocabulary), std::move(code), pct, {}};
             }),
             py::arg("code"), py::arg("percentage") = py::none(), py::arg("vocabulary") = "1")
        .def_readwrite("vocabulary", &SectorShare::vocabulary)
        .def_readwrite("code", &SectorShare::code)
        .def_readwrite("percentage", &SectorShare::percentage)
        .def_readwrite("name", &SectorShare::name);
    py::class_<CountryBudgetItem>(m, "CountryBudgetItem", "A government budget line the activity maps to.")
        .def(py::init<>())
        .def_readwrite("code", &CountryBudgetItem::code)
        .def_readwrite("percentage", &CountryBudgetItem::percentage)
        .def_readwrite("description", &CountryBudgetItem::description);
    py::class_<RelatedActivity>(m, "RelatedActivity", "A link to another activity (1 parent, 2 child, 3 sibling …).")
        .def(py::init([](int type, std::string ref) {
                 return RelatedActivity{type, std::move(ref)};
             }),
             py::arg("type"), py::arg("ref"))
        .def_readwrite("type", &RelatedActivity::type)
        .def_readwrite("ref", &RelatedActivity::ref);
    py::class_<PolicyMarker>(m, "PolicyMarker", "An OECD DAC policy marker.")
        .def(py::init<>())
        .def_readwrite("vocabulary", &PolicyMarker::vocabulary)
        .def_readwrite("code", &PolicyMarker::code)
        .def_readwrite("significance", &PolicyMarker::significance);
    py::class_<HumanitarianScope>(m, "HumanitarianScope", "An emergency or appeal the activity responds to.")
        .def(py::init<>())
        .def_readwrite("type", &HumanitarianScope::type)
        .def_readwrite("vocabulary", &HumanitarianScope::vocabulary)
        .def_readwrite("code", &HumanitarianScope::code)
        .def_readwrite("narrative", &HumanitarianScope::narrative);
    py::class_<DocumentLink>(m, "DocumentLink", "A document's title and URL.")
        .def(py::init<>())
        .def_readwrite("url", &DocumentLink::url)
        .def_readwrite("format", &DocumentLink::format)
        .def_readwrite("title", &DocumentLink::title)
        .def_readwrite("categories", &DocumentLink::categories);

    py::class_<IndicatorDimension>(m, "IndicatorDimension", "A name/value dimension of an indicator value.")
        .def(py::init<>())
        .def_readwrite("name", &IndicatorDimension::name)
        .def_readwrite("value", &IndicatorDimension::value);
    py::class_<IndicatorValue>(m, "IndicatorValue", "A target, actual or baseline value.")
        .def(py::init<>())
        .def_readwrite("value", &IndicatorValue::value)
        .def_readwrite("text", &IndicatorValue::text)
        .def_readwrite("comment", &IndicatorValue::comment)
        .def_readwrite("dimensions", &IndicatorValue::dimensions)
        .def_readwrite("locations", &IndicatorValue::locations);
    py::class_<IndicatorBaseline>(m, "IndicatorBaseline", "A baseline year/date and value.")
        .def(py::init<>())
        .def_readwrite("year", &IndicatorBaseline::year)
        .def_readwrite("iso_date", &IndicatorBaseline::iso_date)
        .def_readwrite("value", &IndicatorBaseline::value);
    py::class_<IndicatorPeriod>(m, "IndicatorPeriod", "A reporting period with targets and actuals.")
        .def(py::init<>())
        .def_readwrite("start", &IndicatorPeriod::start)
        .def_readwrite("end", &IndicatorPeriod::end)
        .def_readwrite("targets", &IndicatorPeriod::targets)
        .def_readwrite("actuals", &IndicatorPeriod::actuals);
    py::class_<IndicatorReference>(m, "IndicatorReference", "A reference to a standard indicator vocabulary.")
        .def(py::init<>())
        .def_readwrite("vocabulary", &IndicatorReference::vocabulary)
        .def_readwrite("code", &IndicatorReference::code)
        .def_readwrite("uri", &IndicatorReference::uri);
    py::class_<ResultIndicator>(m, "ResultIndicator", "An indicator of an IATI result.")
        .def(py::init<>())
        .def_readwrite("measure", &ResultIndicator::measure)
        .def_readwrite("ascending", &ResultIndicator::ascending)
        .def_readwrite("aggregation_status", &ResultIndicator::aggregation_status)
        .def_readwrite("title", &ResultIndicator::title)
        .def_readwrite("description", &ResultIndicator::description)
        .def_readwrite("references", &ResultIndicator::references)
        .def_readwrite("baselines", &ResultIndicator::baselines)
        .def_readwrite("periods", &ResultIndicator::periods);
    py::class_<IatiResult>(m, "IatiResult", "A result (output, outcome, impact) of an activity.")
        .def(py::init<>())
        .def_readwrite("type", &IatiResult::type)
        .def_readwrite("aggregation_status", &IatiResult::aggregation_status)
        .def_readwrite("title", &IatiResult::title)
        .def_readwrite("description", &IatiResult::description)
        .def_readwrite("indicators", &IatiResult::indicators);

    py::class_<Activity>(m, "Activity", "An aid activity as IATI models it, with its provenance.")
        .def(py::init([](std::string identifier) {
                 Activity a;
                 a.identifier = std::move(identifier);
                 return a;
             }),
             py::arg("identifier"))
        .def_readwrite("identifier", &Activity::identifier)
        .def_readwrite("default_lang", &Activity::default_lang)
        .def_readwrite("hierarchy", &Activity::hierarchy)
        .def_readwrite("last_updated", &Activity::last_updated)
        .def_readwrite("humanitarian", &Activity::humanitarian)
        .def_readwrite("reporting_org", &Activity::reporting_org)
        .def_readwrite("title", &Activity::title)
        .def_readwrite("description", &Activity::description)
        .def_readwrite("participating_orgs", &Activity::participating_orgs)
        .def_readwrite("status", &Activity::status)
        .def_readwrite("planned_start", &Activity::planned_start)
        .def_readwrite("actual_start", &Activity::actual_start)
        .def_readwrite("planned_end", &Activity::planned_end)
        .def_readwrite("actual_end", &Activity::actual_end)
        .def_readwrite("recipient_countries", &Activity::recipient_countries)
        .def_readwrite("recipient_regions", &Activity::recipient_regions)
        .def_readwrite("sectors", &Activity::sectors)
        .def_readwrite("country_budget_vocabulary", &Activity::country_budget_vocabulary)
        .def_readwrite("country_budget_items", &Activity::country_budget_items)
        .def_readwrite("related_activities", &Activity::related_activities)
        .def_readwrite("policy_markers", &Activity::policy_markers)
        .def_readwrite("humanitarian_scopes", &Activity::humanitarian_scopes)
        .def_readwrite("document_links", &Activity::document_links)
        .def_readwrite("collaboration_type", &Activity::collaboration_type)
        .def_readwrite("default_currency", &Activity::default_currency)
        .def_readwrite("default_aid_type", &Activity::default_aid_type)
        .def_readwrite("default_finance_type", &Activity::default_finance_type)
        .def_readwrite("default_flow_type", &Activity::default_flow_type)
        .def_readwrite("default_tied_status", &Activity::default_tied_status)
        .def_readwrite("results", &Activity::results)
        .def_readwrite("provenance", &Activity::provenance)
        .def_property_readonly(
            "title_text", [](const Activity& a) { return text_of(a.title); }, "The title in the first language.")
        .def("__repr__", [](const Activity& a) { return "Activity('" + a.identifier + "')"; });

    py::class_<Transaction>(m, "Transaction", "One transaction as a row (for adding and reading single records).")
        .def(py::init([](std::uint32_t activity, int type, Date date, const Money& value) {
                 Transaction t;
                 t.activity = activity;
                 t.type = type;
                 t.date = date;
                 t.value = value;
                 return t;
             }),
             py::arg("activity"), py::arg("type"), py::arg("date"), py::arg("value"))
        .def_readwrite("activity", &Transaction::activity)
        .def_readwrite("type", &Transaction::type)
        .def_readwrite("date", &Transaction::date)
        .def_readwrite("value", &Transaction::value)
        .def_readwrite("value_date", &Transaction::value_date)
        .def_readwrite("ref", &Transaction::ref)
        .def_readwrite("provider_org", &Transaction::provider_org)
        .def_readwrite("provider_activity", &Transaction::provider_activity)
        .def_readwrite("receiver_org", &Transaction::receiver_org)
        .def_readwrite("receiver_activity", &Transaction::receiver_activity)
        .def_readwrite("aid_type", &Transaction::aid_type)
        .def_readwrite("finance_type", &Transaction::finance_type)
        .def_readwrite("flow_type", &Transaction::flow_type)
        .def_readwrite("tied_status", &Transaction::tied_status)
        .def_readwrite("disbursement_channel", &Transaction::disbursement_channel)
        .def_readwrite("sector_vocabulary", &Transaction::sector_vocabulary)
        .def_readwrite("sector_code", &Transaction::sector_code)
        .def_readwrite("recipient_country", &Transaction::recipient_country)
        .def_readwrite("recipient_region", &Transaction::recipient_region)
        .def_readwrite("humanitarian", &Transaction::humanitarian)
        .def_readwrite("line", &Transaction::line)
        .def(
            "__eq__", [](const Transaction& a, const Transaction& b) { return a == b; }, py::is_operator(),
            "Every field equal (activity index, type, dates, exact value and currency, every code).");

    py::class_<Budget>(m, "Budget", "An activity budget for one period (type 1 original, 2 revised).")
        .def(py::init([](std::uint32_t activity, const Period& period, const Money& value, int type, int status) {
                 Budget b;
                 b.activity = activity;
                 b.period = period;
                 b.value = value;
                 b.type = type;
                 b.status = status;
                 return b;
             }),
             py::arg("activity"), py::arg("period"), py::arg("value"), py::arg("type") = 1, py::arg("status") = 1)
        .def_readwrite("activity", &Budget::activity)
        .def_readwrite("type", &Budget::type)
        .def_readwrite("status", &Budget::status)
        .def_readwrite("period", &Budget::period)
        .def_readwrite("value", &Budget::value)
        .def_readwrite("value_date", &Budget::value_date)
        .def_readwrite("line", &Budget::line);

    py::class_<PlannedDisbursement>(m, "PlannedDisbursement", "A scheduled disbursement for one period.")
        .def(py::init([](std::uint32_t activity, const Period& period, const Money& value, int type) {
                 PlannedDisbursement p;
                 p.activity = activity;
                 p.period = period;
                 p.value = value;
                 p.type = type;
                 return p;
             }),
             py::arg("activity"), py::arg("period"), py::arg("value"), py::arg("type") = 1)
        .def_readwrite("activity", &PlannedDisbursement::activity)
        .def_readwrite("type", &PlannedDisbursement::type)
        .def_readwrite("period", &PlannedDisbursement::period)
        .def_readwrite("value", &PlannedDisbursement::value)
        .def_readwrite("value_date", &PlannedDisbursement::value_date)
        .def_readwrite("provider_org", &PlannedDisbursement::provider_org)
        .def_readwrite("provider_activity", &PlannedDisbursement::provider_activity)
        .def_readwrite("receiver_org", &PlannedDisbursement::receiver_org)
        .def_readwrite("receiver_activity", &PlannedDisbursement::receiver_activity)
        .def_readwrite("line", &PlannedDisbursement::line);

    py::enum_<Severity>(m, "Severity").value("warning", Severity::warning).value("error", Severity::error);
    // Like aidtrack.Error: rule, file, line and element are None when unknown.
    const auto text_or_none = [](const std::string& s) -> std::optional<std::string> {
        return s.empty() ? std::nullopt : std::optional<std::string>(s);
    };
    py::class_<Diagnostic>(m, "Diagnostic", "A problem found in the data, with its place and rule (None when unknown).")
        .def_readonly("severity", &Diagnostic::severity)
        .def_readonly("kind", &Diagnostic::kind)
        .def_property_readonly("rule", [text_or_none](const Diagnostic& d) { return text_or_none(d.rule); })
        .def_readonly("message", &Diagnostic::message)
        .def_property_readonly("file", [text_or_none](const Diagnostic& d) { return text_or_none(d.where.file); })
        .def_property_readonly("line",
                               [](const Diagnostic& d) {
                                   return d.where.line == 0 ? std::nullopt : std::optional<std::uint32_t>(d.where.line);
                               })
        .def_property_readonly("element", [text_or_none](const Diagnostic& d) { return text_or_none(d.where.element); })
        .def("__str__", &Diagnostic::to_string);

    py::class_<TransactionExtent>(m, "TransactionExtent",
                                  "The first and last day the transactions mention (transaction and value dates) and "
                                  "the currencies they are in: what a conversion needs rates for.")
        .def_property_readonly("first_date", &TransactionExtent::first_date,
                               "Earliest date; None when no row is dated.")
        .def_property_readonly("last_date", &TransactionExtent::last_date, "Latest date; None when no row is dated.")
        .def_property_readonly(
            "currencies",
            [](const TransactionExtent& e) {
                std::vector<std::string> out;
                out.reserve(e.currencies.size());
                for (const CurrencyCode c : e.currencies) out.push_back(c.str());
                return out;
            },
            "Each currency once, alphabetically ('' for rows without one).")
        .def("__eq__", [](const TransactionExtent& a, const TransactionExtent& b) { return a == b; })
        .def("__repr__", [](const TransactionExtent& e) {
            std::string out = "TransactionExtent(";
            out += e.dated() ? to_iso(*e.first_date()) + " to " + to_iso(*e.last_date()) : std::string("no dates");
            out += ", currencies=[";
            for (std::size_t i = 0; i < e.currencies.size(); ++i)
                out += (i ? ", '" : "'") + e.currencies[i].str() + "'";
            return out + "])";
        });

    py::class_<Portfolio>(m, "Portfolio", "Every record of a programme of aid, with indexes and queries.")
        .def(py::init<>())
        .def("add_activity", &Portfolio::add_activity, py::arg("activity"), "Add an activity; returns its index.")
        .def("reserve", &Portfolio::reserve, py::arg("more_activities"), py::arg("more_transactions") = 0,
             "Make room for that many more activities and transactions before adding them one by one.")
        .def("add_activities", &Portfolio::add_activities, py::arg("activities"),
             "Add many activities in order; refuses them all (ValidationError) if one has an empty or repeated "
             "identifier.")
        .def(
            "activity", [](const Portfolio& p, const std::string& id) { return p.activity(ActivityId(id)); },
            py::arg("identifier"), "A copy of the activity with `identifier`; NotFoundError when absent.")
        .def(
            "activity_at", [](const Portfolio& p, std::uint32_t i) { return p.activity(i); }, py::arg("index"))
        .def("find_activity", &Portfolio::find_activity, py::arg("identifier"), "Index of an activity, or None.")
        .def(
            "find_activities",
            [](const Portfolio& p, const std::vector<std::string>& identifiers) {
                const std::vector<std::string_view> ids(identifiers.begin(), identifiers.end());
                py::gil_scoped_release release;
                return p.find_activities(ids);
            },
            py::arg("identifiers"),
            "Index of the activity of each identifier (None where absent), in order; faster than one\n"
            "find_activity() call each for many identifiers.")
        .def_property_readonly("activity_count", &Portfolio::activity_count)
        .def("activities", &Portfolio::activities, "Copies of all activities.")
        .def(
            "subset",
            [](const Portfolio& p, const std::vector<std::string>& activity_ids) {
                const std::set<std::string> wanted(activity_ids.begin(), activity_ids.end());
                for (const auto& id : wanted) {
                    if (!p.find_activity(id)) throw NotFoundError("no activity '" + id + "' in the portfolio");
                }
                return subset(p, [&](std::uint32_t a) { return wanted.contains(p.activity(a).identifier); });
            },
            py::arg("activity_ids"),
            "A new Portfolio with only these activities (by identifier) and their transactions, budgets and planned "
            "disbursements, in their order; organisations, results, coordination records and diagnostics copied whole.")
        .def("upsert_organisation", &Portfolio::upsert_organisation, py::arg("organisation"))
        .def(
            "organisation",
            [](const Portfolio& p, const std::string& ref) -> std::optional<Organisation> {
                const Organisation* o = p.find_organisation(ref);
                return o == nullptr ? std::nullopt : std::optional<Organisation>(*o);
            },
            py::arg("ref"))
        .def("organisations", &Portfolio::organisations)
        .def("organisation_name", &Portfolio::organisation_name, py::arg("ref"))
        .def("add_transaction", &Portfolio::add_transaction, py::arg("transaction"),
             "Add a transaction; returns its row.")
        .def(
            "_add_transaction_columns",
            [](Portfolio& p, const py::dict& columns, const std::vector<std::string>& labels) {
                p.add_transactions(table_from_columns(columns, labels));
            },
            py::arg("columns"), py::arg("labels"),
            "Add rows given as columns (see Portfolio.add_transactions); nothing is added when a row is refused.")
        .def("add_budget", &Portfolio::add_budget, py::arg("budget"))
        .def("add_planned_disbursement", &Portfolio::add_planned_disbursement, py::arg("planned_disbursement"))
        .def("budgets", &Portfolio::budgets)
        .def("planned_disbursements", &Portfolio::planned_disbursements)
        .def(
            "transaction", [](const Portfolio& p, std::size_t row) { return p.transactions().row(row); },
            py::arg("row"))
        .def_property_readonly("transaction_count", [](const Portfolio& p) { return p.transactions().size(); })
        .def(
            "transactions_of",
            [](const Portfolio& p, const std::string& id) {
                const auto index = p.find_activity(id);
                if (!index) throw NotFoundError("no activity '" + id + "' in the portfolio");
                return p.transactions_of(*index);
            },
            py::arg("identifier"), "Rows of the transactions of one activity.")
        .def("transaction_extent", &Portfolio::transaction_extent,
             "The days and currencies the transactions span (the rates a conversion needs); computed once and kept "
             "until transactions are added.")
        .def(
            "reporting_org_codes",
            [](const Portfolio& p) {
                const auto& ids = p.reporting_org_ids().ids();
                py::array_t<std::uint32_t> codes(static_cast<py::ssize_t>(ids.size()));
                std::copy(ids.begin(), ids.end(), codes.mutable_data());
                return std::pair{codes, p.reporting_org_ids().refs()};
            },
            "Each activity's reporting organisation as (codes, refs): codes[i] (numpy uint32, in activity order) "
            "indexes refs, the refs in the order first seen, as pandas.factorize gives them; "
            "pandas.Categorical.from_codes(codes, refs) makes a column of them.")
        .def("diagnostics", &Portfolio::diagnostics, "Problems found while building the portfolio.")
        .def(
            "add_diagnostic_message",
            [](Portfolio& p, const std::string& message, const std::string& file, std::uint32_t line,
               const std::string& rule) {
                p.add_diagnostic(Diagnostic{Severity::warning, "ValidationError", rule, message, {file, line, {}}});
            },
            py::arg("message"), py::arg("file") = "", py::arg("line") = 0, py::arg("rule") = "")
        .def(
            "_transaction_columns",
            [](py::object self) {
                const Portfolio& p = self.cast<const Portfolio&>();
                const TransactionTable& t = p.transactions();
                HugePageArrays arrays;
                py::dict out;
                out["activity"] = column_view(t.activity, self);
                out["type"] = column_view(t.type, self);
                out["date"] = dates_of(t.date, arrays);
                out["value_date"] = dates_of(t.value_date, arrays);
                out["value"] = values_of(t.value, arrays);
                out["currency"] = column_view(t.currency, self);
                out["humanitarian"] = column_view(t.humanitarian, self);
                out["line"] = column_view(t.line, self);
#define AIDTRACK_POOL_COLUMN(name) out[#name] = column_view(t.name, self);
                AIDTRACK_TRANSACTION_TEXT_COLUMNS(AIDTRACK_POOL_COLUMN)
#undef AIDTRACK_POOL_COLUMN
                return out;
            },
            "Transaction columns as numpy arrays (views that keep the Portfolio alive).")
        .def(
            "_transaction_frame_columns",
            [](const Portfolio& p) {
                // Everything transactions_frame needs, converted once in C++: values as float64,
                // dates as datetime64, and every code column narrowed for a Categorical.
                const TransactionTable& t = p.transactions();
                const std::size_t pool = t.strings().size();
                HugePageArrays arrays;
                py::dict out;
                out["activity"] =
                    narrow_codes(t.activity, p.activity_count(), arrays, [](std::uint32_t a) { return a; });
                out["type"] = copied_as<std::int16_t>(t.type, arrays);
                out["date"] = dates_of(t.date, arrays);
                out["value_date"] = dates_of(t.value_date, arrays);
                out["value"] = values_of(t.value, arrays);
                out["currency"] = currency_codes_of(t.currency, arrays);
                out["humanitarian"] = copied_as<std::int8_t>(t.humanitarian, arrays);
                out["line"] = copied_as<std::uint32_t>(t.line, arrays);
                const auto same = [](TransactionTable::Index i) { return i; };
#define AIDTRACK_POOL_COLUMN(name) out[#name] = narrow_codes(t.name, pool, arrays, same);
                AIDTRACK_TRANSACTION_TEXT_COLUMNS(AIDTRACK_POOL_COLUMN)
#undef AIDTRACK_POOL_COLUMN
                return out;
            },
            "Transaction columns for a DataFrame (copies owned by Python; codes narrowed as pandas keeps them).")
        .def(
            "_transaction_strings", [](const Portfolio& p) { return p.transactions().strings().strings(); },
            "The shared string pool the text columns index into.")
        .def("_activity_identifiers",
             [](const Portfolio& p) {
                 std::vector<std::string> out;
                 out.reserve(p.activity_count());
                 for (const auto& a : p.activities()) out.push_back(a.identifier);
                 return out;
             })
        .def("_transaction_values_exact",
             [](const Portfolio& p) {
                 std::vector<std::string> out;
                 out.reserve(p.transactions().size());
                 for (auto raw : p.transactions().value) out.push_back(Decimal::from_raw(raw).to_string(0));
                 return out;
             })
        .def(
            "_totals",
            [](const Portfolio& p, const std::vector<std::string>& by, const std::vector<int>& types,
               const FiscalCalendar& calendar, const std::optional<std::string>& currency, const ExchangeRates* rates,
               const ConversionPolicy& policy, std::optional<int> year_from, std::optional<int> year_to) {
                TotalsQuery q;
                for (const auto& key : by) q.by.push_back(group_key_from(key));
                q.types = {types.begin(), types.end()};
                q.calendar = calendar;
                if (currency) q.currency = CurrencyCode(*currency);
                q.rates = rates;
                q.policy = policy;
                q.year_from = year_from;
                q.year_to = year_to;
                return table_to_python(p.totals(q));
            },
            py::arg("by"), py::arg("types"), py::arg("calendar"), py::arg("currency"), py::arg("rates"),
            py::arg("policy"), py::arg("year_from"), py::arg("year_to"))
        .def("__eq__", [](const Portfolio& a, const Portfolio& b) { return a == b; })
        .def("__repr__", [](const Portfolio& p) {
            return "<Portfolio: " + std::to_string(p.activity_count()) + " activities, " +
                   std::to_string(p.transactions().size()) + " transactions, " + std::to_string(p.budgets().size()) +
                   " budgets>";
        });
}

}  // namespace aidtrack::python
