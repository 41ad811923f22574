/// \file donor_flows.cpp
/// \brief Money per donor × fiscal year: hop selection, conversion, donor-calendar re-bucketing.

#include <aidtrack/measures/donor_flows.hpp>

#include <aidtrack/model/conversion_dates.hpp>

#include "measure_table.hpp"

#include <algorithm>
#include <tuple>

namespace aidtrack::measures {

std::string to_string(DonorDefinition d) {
    return d == DonorDefinition::reporting_org ? "reporting_org" : "provider_org";
}
std::string to_string(FlowHop h) { return h == FlowHop::origin ? "origin" : "reported"; }

DonorDefinition parse_donor_definition(const std::string& name) {
    if (name == "reporting_org") return DonorDefinition::reporting_org;
    if (name == "provider_org") return DonorDefinition::provider_org;
    throw ValidationError("unknown donor definition '" + name + "' (reporting_org, provider_org)");
}

FlowHop parse_flow_hop(const std::string& name) {
    if (name == "origin") return FlowHop::origin;
    if (name == "reported") return FlowHop::reported;
    throw ValidationError("unknown flow hop '" + name + "' (origin, reported)");
}

namespace {

/// The note of a converted flow set: target currency, policy and the rate-date rule.
std::string conversion_note(const MeasureOptions& o) {
    return "converted to " + o.currency->str() + " with policy " + o.policy.name() +
           "; rate date: " + std::string(kConversionDateRule);
}

/// Converts `amount` of `from` on `day` into the set's currency, fixing it on first use.
Decimal to_set_currency(FlowSet& set, const MeasureOptions& o, Decimal amount, CurrencyCode from, const Date& day,
                        const SourceLocation& where) {
    if (from.empty()) throw CurrencyError("an amount has no currency", where, "currency-required");
    if (o.currency) {
        if (set.currency.empty()) set.currency = *o.currency;
        if (from == *o.currency) return amount;
        if (o.rates == nullptr) {
            throw CurrencyError(
                "converting " + from.str() + " to " + o.currency->str() + " needs an exchange-rate table", where,
                "one-currency-per-sum");
        }
        return amount.scaled(o.rates->factor(from, *o.currency, day, o.policy));
    }
    if (set.currency.empty()) set.currency = from;
    if (from != set.currency) {
        throw CurrencyError("amounts in " + set.currency.str() + " and " + from.str() +
                                " cannot be added: give a target currency and an exchange-rate table",
                            where, "one-currency-per-sum");
    }
    return amount;
}

/// Places a converted amount dated `day` of `donor` into the government's years.
void place(FlowSet& set, const MeasureOptions& o, const std::string& donor, std::uint32_t activity, std::int64_t record,
           Decimal amount, const Date& day, std::set<std::string>& rebucketed) {
    const auto cal = o.donor_calendars.find(donor);
    if (cal == o.donor_calendars.end() || cal->second == o.calendar) {
        const int fy = o.calendar.fiscal_year_of(day);
        if (detail::wanted(o, fy)) set.pieces.push_back({donor, fy, activity, record, amount});
        return;
    }
    rebucketed.insert(donor);
    const Period donor_year = cal->second.period_of(cal->second.fiscal_year_of(day));
    for (const auto& [fy, piece] : o.calendar.prorate(amount, donor_year, o.places)) {
        if (detail::wanted(o, fy)) set.pieces.push_back({donor, fy, activity, record, piece});
    }
}

void note_rebucketed(FlowSet& set, const MeasureOptions& o, const std::set<std::string>& donors) {
    for (const auto& d : donors) {
        const FiscalCalendar& c = o.donor_calendars.at(d);
        set.notes.push_back("donor " + d + " reports in fiscal years starting " + std::to_string(c.start_month()) +
                            "-" + std::to_string(c.start_day()) +
                            ": each amount stands for its donor fiscal year and is spread "
                            "by days into the government's fiscal years");
    }
}

bool government_activity(const Portfolio& p, const Activity& a, const MeasureOptions& o) {
    return std::ranges::any_of(a.orgs_with_role(OrgRole::implementing),
                               [&](const std::string& ref) { return is_government_org(p, ref, o); });
}

}  // namespace

std::set<std::uint32_t> pass_through_activities(const Portfolio& portfolio) {
    std::set<std::uint32_t> out;
    const TransactionTable& t = portfolio.transactions();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const int type = t.type[i];
        using enum TransactionType;
        if (is_any_type(type, {outgoing_commitment, disbursement, expenditure})) {
            const std::string& to = t.text(t.receiver_activity[i]);
            if (to.empty()) continue;
            if (auto j = portfolio.find_activity(to); j && *j != t.activity[i]) out.insert(*j);
        } else if (is_any_type(type, {incoming_funds, incoming_commitment})) {
            const std::string& from = t.text(t.provider_activity[i]);
            if (from.empty()) continue;
            if (auto j = portfolio.find_activity(from); j && *j != t.activity[i]) out.insert(t.activity[i]);
        }
    }
    for (const auto& pd : portfolio.planned_disbursements()) {
        if (pd.receiver_activity.empty()) continue;
        if (auto j = portfolio.find_activity(pd.receiver_activity); j && *j != pd.activity) out.insert(*j);
    }
    return out;
}

std::string donor_of_transaction(const Portfolio& portfolio, std::size_t row, const MeasureOptions& options) {
    const TransactionTable& t = portfolio.transactions();
    if (options.donor == DonorDefinition::provider_org) {
        const std::string& provider = t.text(t.provider_org[row]);
        if (!provider.empty()) return provider;
    }
    return portfolio.activity(t.activity[row]).reporting_org.ref;
}

bool is_government_org(const Portfolio& portfolio, const std::string& ref, const MeasureOptions& options) {
    if (ref.empty()) return false;
    if (options.government_orgs.contains(ref)) return true;
    const Organisation* org = portfolio.find_organisation(ref);
    return org != nullptr && (org->type == "10" || org->type == "15") && !org->country.empty() &&
           org->country == options.country;
}

bool to_government(const Portfolio& portfolio, std::size_t row, const MeasureOptions& options) {
    const TransactionTable& t = portfolio.transactions();
    return is_government_org(portfolio, t.text(t.receiver_org[row]), options);
}

FlowSet transaction_flows(const Portfolio& portfolio, const MeasureOptions& options, const std::set<int>& types,
                          const RowFilter& filter) {
    FlowSet set;
    if (options.currency) set.currency = *options.currency;
    const std::set<std::uint32_t> pass =
        options.hop == FlowHop::origin ? pass_through_activities(portfolio) : std::set<std::uint32_t>{};
    const TransactionTable& t = portfolio.transactions();
    std::set<std::string> rebucketed;
    std::size_t undated = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!types.contains(t.type[i])) continue;
        if (filter && !filter(portfolio, i)) continue;
        if (pass.contains(t.activity[i])) {
            ++set.pass_through_records;
            continue;
        }
        if (t.date[i] == day_number::kNone) {
            ++undated;
            continue;
        }
        const Activity& a = portfolio.activity(t.activity[i]);
        const Date day = day_number::to_date(t.date[i]);
        const Date rate_day = day_number::to_date(conversion_day(t, i));
        const Decimal amount =
            to_set_currency(set, options, Decimal::from_raw(t.value[i]), CurrencyCode::from_packed(t.currency[i]),
                            rate_day, {a.provenance.source, t.line[i], "transaction"});
        place(set, options, donor_of_transaction(portfolio, i, options), t.activity[i], static_cast<std::int64_t>(i),
              amount, day, rebucketed);
    }
    note_rebucketed(set, options, rebucketed);
    if (undated != 0) set.notes.push_back(std::to_string(undated) + " transactions without a date left out");
    if (set.pass_through_records != 0) {
        set.notes.push_back("hop origin: " + std::to_string(set.pass_through_records) +
                            " transactions of pass-through activities (funded by another activity of the portfolio) "
                            "not counted again");
    }
    if (options.currency) set.notes.push_back(conversion_note(options));
    return set;
}

FlowSet scheduled_flows(const Portfolio& portfolio, const MeasureOptions& options, bool government_only) {
    FlowSet set;
    if (options.currency) set.currency = *options.currency;
    const std::set<std::uint32_t> pass =
        options.hop == FlowHop::origin ? pass_through_activities(portfolio) : std::set<std::uint32_t>{};
    std::set<std::string> unused;  // planned money has its own period: no donor-calendar guess

    // Revised (type 2) schedules replace original ones for the same activity and period.
    using PeriodKey = std::tuple<std::uint32_t, Date, Date>;
    const auto& pds = portfolio.planned_disbursements();
    std::set<PeriodKey> revised;
    constexpr int kRevised = code_of(BudgetType::revised);
    for (const auto& pd : pds)
        if (pd.type == kRevised) revised.insert({pd.activity, pd.period.start(), pd.period.end()});
    std::set<std::uint32_t> planned;
    for (std::size_t k = 0; k < pds.size(); ++k) {
        const PlannedDisbursement& pd = pds[k];
        planned.insert(pd.activity);
        if (pd.type != kRevised && revised.contains({pd.activity, pd.period.start(), pd.period.end()})) continue;
        if (pass.contains(pd.activity)) {
            ++set.pass_through_records;
            continue;
        }
        const Activity& a = portfolio.activity(pd.activity);
        if (government_only) {
            const bool gov = pd.receiver_org.empty() ? government_activity(portfolio, a, options)
                                                     : is_government_org(portfolio, pd.receiver_org, options);
            if (!gov) continue;
        }
        const std::string donor = options.donor == DonorDefinition::provider_org && !pd.provider_org.empty()
                                      ? pd.provider_org
                                      : a.reporting_org.ref;
        const Date rate_day = conversion_date(pd);
        const Decimal amount = to_set_currency(set, options, pd.value.amount(), pd.value.currency(), rate_day,
                                               {a.provenance.source, pd.line, "planned-disbursement"});
        for (const auto& [fy, piece] : options.calendar.prorate(amount, pd.period, options.places)) {
            if (detail::wanted(options, fy))
                set.pieces.push_back({donor, fy, pd.activity, static_cast<std::int64_t>(k), piece});
        }
    }
    if (options.budgets_as_schedule_fallback) {
        const auto& budgets = portfolio.budgets();
        std::set<PeriodKey> revised_budgets;
        for (const auto& b : budgets)
            if (b.type == kRevised) revised_budgets.insert({b.activity, b.period.start(), b.period.end()});
        std::size_t used = 0;
        for (std::size_t k = 0; k < budgets.size(); ++k) {
            const Budget& b = budgets[k];
            if (planned.contains(b.activity) || pass.contains(b.activity)) continue;
            if (b.type != kRevised && revised_budgets.contains({b.activity, b.period.start(), b.period.end()}))
                continue;
            const Activity& a = portfolio.activity(b.activity);
            if (government_only && !government_activity(portfolio, a, options)) continue;
            const Date rate_day = conversion_date(b);
            const Decimal amount = to_set_currency(set, options, b.value.amount(), b.value.currency(), rate_day,
                                                   {a.provenance.source, b.line, "budget"});
            ++used;
            for (const auto& [fy, piece] : options.calendar.prorate(amount, b.period, options.places)) {
                if (detail::wanted(options, fy))
                    set.pieces.push_back(
                        {a.reporting_org.ref, fy, b.activity, static_cast<std::int64_t>(pds.size() + k), piece});
            }
        }
        set.notes.push_back("schedule fallback asked for: " + std::to_string(used) +
                            " budgets of activities without planned disbursements used as their schedule");
    }
    set.notes.push_back(
        "scheduled = planned disbursements spread by days over their periods (revised replaces original)");
    if (options.currency) set.notes.push_back(conversion_note(options));
    return set;
}

Table donor_flows(const Portfolio& portfolio, const MeasureOptions& options) {
    const FlowSet flows = transaction_flows(portfolio, options);
    struct Acc {
        Decimal amount;
        std::set<std::int64_t> records;
        Acc& operator+=(const Acc& o) {
            amount += o.amount;
            records.insert(o.records.begin(), o.records.end());
            return *this;
        }
    };
    std::map<detail::Key, Acc> grid;
    for (const auto& p : flows.pieces) {
        Acc& acc = grid[{p.donor, p.fiscal_year}];
        acc.amount += p.amount;
        acc.records.insert(p.record);
    }
    // Skipped records per publisher, to show whose later hops were left out.
    std::map<std::string, std::int64_t> skipped;
    if (options.hop == FlowHop::origin) {
        const auto pass = pass_through_activities(portfolio);
        const TransactionTable& t = portfolio.transactions();
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (is_type(t.type[i], TransactionType::disbursement) && pass.contains(t.activity[i]))
                ++skipped[portfolio.activity(t.activity[i]).reporting_org.ref];
        }
    }
    Table out("Disbursements per donor and fiscal year");
    out.set_methodology("donor-flows");
    detail::add_head_columns(out);
    out.add_column<Decimal>("amount", "sum of counted disbursements (IATI type 3)");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("records", "transactions counted");
    out.add_column<std::int64_t>("pass_through_records",
                                 "this organisation's disbursements skipped as later hops (all years)");
    out.add_column<std::string>("hop", "which hop of chained flows was counted");
    detail::for_each_row(grid, options, [&](const std::string& donor, int fy, const Acc& acc) {
        detail::push_head(out, portfolio, options, donor, fy);
        out.push<Decimal>(4, acc.amount);
        out.push<std::string>(5, flows.currency.str());
        out.push<std::int64_t>(6, static_cast<std::int64_t>(acc.records.size()));
        const auto s = skipped.find(donor);
        out.push<std::int64_t>(7, s == skipped.end() ? 0 : s->second);
        out.push<std::string>(8, to_string(options.hop));
    });
    out.add_note(
        "formula: amount = sum over counted disbursements of value x rate, placed in the government fiscal year");
    detail::add_common_notes(out, options, flows);
    return out;
}

namespace detail {

void add_common_notes(Table& t, const MeasureOptions& o, const FlowSet& flows) {
    for (const auto& n : flows.notes) t.add_note(n);
    t.add_note("donor = " + to_string(o.donor) + "; hop = " + to_string(o.hop) + "; government fiscal years start " +
               std::to_string(o.calendar.start_month()) + "-" + std::to_string(o.calendar.start_day()));
}

CurrencyCode common_currency(const FlowSet& a, const FlowSet& b) {
    if (a.currency.empty()) return b.currency;
    if (b.currency.empty() || a.currency == b.currency) return a.currency;
    throw CurrencyError("disbursements in " + a.currency.str() + " and schedules in " + b.currency.str() +
                            " cannot be compared: give a target currency and an exchange-rate table",
                        {}, "one-currency-per-sum");
}

std::string methodology_or(const MeasureOptions& o, const std::string& fallback,
                           std::initializer_list<const char*> allowed) {
    std::string m = o.methodology.empty() ? fallback : o.methodology;
    std::string list;
    for (const char* a : allowed) {
        if (m == a) return m;
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    throw ValidationError("unknown methodology '" + m + "' (" + list + ")");
}

}  // namespace detail

}  // namespace aidtrack::measures
