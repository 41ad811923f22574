/// \file reconciliation.cpp
/// \brief Matching flows recorded by two parties and reporting the gaps.

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/error.hpp>
#include <aidtrack/measures/reconciliation.hpp>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <optional>

namespace aidtrack {

std::vector<FlowRecord> load_flow_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open flow file", {path, 0, {}}, "file-readable");
    return load_flow_csv(in, path);
}

std::vector<FlowRecord> load_flow_csv(std::istream& in, const std::string& name) {
    CsvReader reader(in, name);
    std::vector<std::string> f;
    if (!reader.next(f)) throw ParseError("flow file is empty", {name, 1, {}}, "csv-header");
    check_csv_text(f, reader);
    const CsvHeader h(f, reader.where());
    const std::size_t provider = h.require("provider_org"), receiver = h.require("receiver_org");
    const std::size_t provider_activity = h.require("provider_activity"),
                      receiver_activity = h.require("receiver_activity");
    const std::size_t date = h.require("date"), value = h.require("value"), currency = h.require("currency");
    const std::size_t ref = h.find("ref");
    std::vector<FlowRecord> out;
    while (reader.next(f)) {
        check_csv_text(f, reader, h.names());
        if (f.size() == 1 && f[0].empty()) continue;
        if (f.size() < h.names().size())
            throw ParseError(
                "row has " + std::to_string(f.size()) + " fields, the header " + std::to_string(h.names().size()),
                reader.where(), "csv-fields");
        FlowRecord r;
        r.provider_org = f[provider];
        r.receiver_org = f[receiver];
        r.provider_activity = f[provider_activity];
        r.receiver_activity = f[receiver_activity];
        std::string why;
        if (!try_parse_date(f[date], r.date, &why))
            throw ParseError("date '" + f[date].substr(0, 20) + "' is not a date: " + why, reader.where("date"),
                             "date-valid");
        Decimal amount;
        if (!Decimal::try_parse(f[value], amount, &why))
            throw ParseError("value '" + f[value].substr(0, 40) + "' is not a number: " + why, reader.where("value"),
                             "value-valid");
        CurrencyCode code;
        if (!CurrencyCode::try_parse(f[currency], code))
            throw ParseError("currency '" + f[currency].substr(0, 10) + "' is not an ISO 4217 code",
                             reader.where("currency"), "currency-on-codelist");
        r.value = Money(amount, code);
        r.file = name;
        r.line = reader.line();
        if (ref != CsvHeader::npos) r.ref = f[ref];
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<FlowRecord> flows_of(const Portfolio& p, const std::vector<int>& types) {
    std::vector<FlowRecord> out;
    const TransactionTable& t = p.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        bool wanted = false;
        for (int type : types) wanted = wanted || t.type[i] == type;
        if (!wanted) continue;
        const Activity& a = p.activity(t.activity[i]);
        using enum TransactionType;
        const bool incoming = is_any_type(t.type[i], {incoming_funds, incoming_commitment, incoming_pledge});
        FlowRecord r;
        r.provider_org = t.text(t.provider_org[i]);
        r.receiver_org = t.text(t.receiver_org[i]);
        r.provider_activity = t.text(t.provider_activity[i]);
        r.receiver_activity = t.text(t.receiver_activity[i]);
        // The publisher is the party on its own side of the flow.
        if (incoming) {
            if (r.receiver_org.empty()) r.receiver_org = a.reporting_org.ref;
            if (r.receiver_activity.empty()) r.receiver_activity = a.identifier;
        } else {
            if (r.provider_org.empty()) r.provider_org = a.reporting_org.ref;
            if (r.provider_activity.empty()) r.provider_activity = a.identifier;
        }
        if (t.date[i] != day_number::kNone) r.date = day_number::to_date(t.date[i]);  // undated: never matched
        r.value = t.value_of(i);
        r.file = a.provenance.source;
        r.line = t.line[i];
        r.ref = t.text(t.ref[i]);
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

// Equal when both are named; `shared` counts the fields named on both sides.
bool compatible(const std::string& x, const std::string& y, int& shared) {
    if (x.empty() || y.empty()) return true;
    ++shared;
    return x == y;
}

std::optional<std::int64_t> days_between(const Date& a, const Date& b) {
    if (a.is_special() || b.is_special()) return std::nullopt;
    return (b - a).days();
}

}  // namespace

Table reconcile(const std::vector<FlowRecord>& a, const std::vector<FlowRecord>& b, const ReconcileOptions& o) {
    Table t("Reconciliation of flows seen by two parties");
    t.set_methodology("reconciliation");
    t.add_column<std::string>("status", "matched, differing, only_a or only_b");
    t.add_column<std::string>("currency");
    t.add_column<Decimal>("a_value").add_column<Decimal>("b_value");
    t.add_column<Decimal>("gap", "b_value - a_value (matched and differing rows)");
    t.add_column<Date>("a_date").add_column<Date>("b_date").add_column<std::int64_t>("days_apart", "b_date - a_date");
    t.add_column<std::string>("provider_org").add_column<std::string>("receiver_org");
    t.add_column<std::string>("provider_activity").add_column<std::string>("receiver_activity");
    t.add_column<std::string>("a_file")
        .add_column<std::int64_t>("a_line")
        .add_column<std::string>("b_file")
        .add_column<std::int64_t>("b_line");
    t.add_column<std::string>("a_ref").add_column<std::string>("b_ref");
    std::vector<std::uint8_t> used(b.size(), 0);
    auto push = [&](const std::string& status, const FlowRecord* x, const FlowRecord* y) {
        const FlowRecord& any = x != nullptr ? *x : *y;
        auto pick = [&](std::string FlowRecord::*field) {
            return x != nullptr && !(x->*field).empty() ? x->*field : y != nullptr ? y->*field : std::string();
        };
        t.push(0, status);
        t.push(1, any.value.currency().str());
        if (x)
            t.push(2, x->value.amount());
        else
            t.push_undefined(2);
        if (y)
            t.push(3, y->value.amount());
        else
            t.push_undefined(3);
        if (x && y)
            t.push(4, y->value.amount() - x->value.amount());
        else
            t.push_undefined(4);
        if (x && !x->date.is_special())
            t.push(5, x->date);
        else
            t.push_undefined(5);
        if (y && !y->date.is_special())
            t.push(6, y->date);
        else
            t.push_undefined(6);
        const auto days = x && y ? days_between(x->date, y->date) : std::nullopt;
        if (days)
            t.push(7, *days);
        else
            t.push_undefined(7);
        t.push(8, pick(&FlowRecord::provider_org));
        t.push(9, pick(&FlowRecord::receiver_org));
        t.push(10, pick(&FlowRecord::provider_activity));
        t.push(11, pick(&FlowRecord::receiver_activity));
        t.push(12, x ? x->file : std::string());
        if (x)
            t.push(13, static_cast<std::int64_t>(x->line));
        else
            t.push_undefined(13);
        t.push(14, y ? y->file : std::string());
        if (y)
            t.push(15, static_cast<std::int64_t>(y->line));
        else
            t.push_undefined(15);
        t.push(16, x ? x->ref : std::string());
        t.push(17, y ? y->ref : std::string());
    };
    for (const FlowRecord& x : a) {
        std::size_t best = b.size();
        Decimal best_gap;
        std::int64_t best_days = std::numeric_limits<std::int64_t>::max();
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (used[j] != 0) continue;
            const FlowRecord& y = b[j];
            if (!(x.value.currency() == y.value.currency())) continue;
            const auto days = days_between(x.date, y.date);
            if (!days || std::llabs(*days) > o.window_days) continue;
            int shared = 0;
            if (!compatible(x.provider_org, y.provider_org, shared) ||
                !compatible(x.receiver_org, y.receiver_org, shared) ||
                !compatible(x.provider_activity, y.provider_activity, shared) ||
                !compatible(x.receiver_activity, y.receiver_activity, shared) || shared == 0) {
                continue;
            }
            Decimal gap = y.value.amount() - x.value.amount();
            if (gap.is_negative()) gap = -gap;
            const std::int64_t d = std::llabs(*days);
            if (best == b.size() || gap < best_gap || (gap == best_gap && d < best_days)) {
                best = j;
                best_gap = gap;
                best_days = d;
            }
        }
        if (best == b.size()) {
            push("only_a", &x, nullptr);
        } else {
            used[best] = 1;
            push(best_gap.is_zero() ? "matched" : "differing", &x, &b[best]);
        }
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (used[j] == 0) push("only_b", nullptr, &b[j]);
    }
    t.add_note("match window " + std::to_string(o.window_days) +
               " days; organisations and activity ids must agree where both sides name them");
    return t;
}

Table reconcile_disbursements(const Portfolio& p, const ReconcileOptions& o) {
    Table t = reconcile(flows_of(p, {code_of(TransactionType::disbursement)}),
                        flows_of(p, {code_of(TransactionType::incoming_funds)}), o);
    t.set_title("Donor disbursements (A) against recipients' incoming funds (B)");
    return t;
}

}  // namespace aidtrack
