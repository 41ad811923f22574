#include <aidtrack/model/portfolio.hpp>

#include <aidtrack/model/conversion_dates.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <unordered_map>

namespace aidtrack {

namespace {

// Indexes `activity` as the next position of `index`, or says why it cannot join: one look-up of
// its identifier, which is the index's key.
void index_new_activity(const Activity& activity, ActivityIndex& index) {
    if (activity.identifier.empty())
        throw ValidationError("activity without an identifier",
                              {activity.provenance.source, activity.provenance.line, "iati-identifier"},
                              "identifier-not-empty");
    if (!index.push_back(activity.identifier)) {
        throw ValidationError("duplicate activity identifier '" + activity.identifier + "'",
                              {activity.provenance.source, activity.provenance.line, "iati-identifier"},
                              "identifier-unique");
    }
}

}  // namespace

std::uint32_t Portfolio::add_activity(Activity activity) {
    index_new_activity(activity, activity_index_);
    const auto index = static_cast<std::uint32_t>(activities_.size());
    reporting_org_ids_.push_back(activity.reporting_org.ref);
    activities_.push_back(std::move(activity));
    rows_by_activity_.invalidate();
    return index;
}

void Portfolio::reserve(std::size_t more_activities, std::size_t more_transactions) {
    activities_.reserve(activities_.size() + more_activities);
    activity_index_.reserve(activity_index_.size() + more_activities);
    reporting_org_ids_.reserve(activities_.size() + more_activities);
    if (more_transactions != 0) transactions_.reserve(transactions_.size() + more_transactions);
}

void Portfolio::add_activities(std::vector<Activity> activities) {
    if (activities_.empty()) {
        // Index the records where they are, then take the whole vector (nothing changes if a
        // record is refused).
        ActivityIndex index;
        index.reserve(activities.size());
        ReportingOrgIds orgs;
        orgs.reserve(activities.size());
        for (std::size_t i = 0; i < activities.size(); ++i) {
            index_new_activity(activities[i], index);
            orgs.push_back(activities[i].reporting_org.ref);
        }
        activity_index_ = std::move(index);
        reporting_org_ids_ = std::move(orgs);
        activities_ = std::move(activities);
        rows_by_activity_.invalidate();
        return;
    }
    activities_.reserve(activities_.size() + activities.size());
    for (auto& a : activities) add_activity(std::move(a));
}

void Portfolio::replace_activity(std::uint32_t index, Activity activity) {
    auto& slot = activities_.at(index);
    if (slot.identifier != activity.identifier)
        throw ValidationError("replace_activity must keep the identifier '" + slot.identifier + "'");
    reporting_org_ids_.set(index, activity.reporting_org.ref);
    slot = std::move(activity);
}

const Activity& Portfolio::activity(const ActivityId& id) const {
    const auto index = find_activity(id.str());
    if (!index) throw NotFoundError("no activity '" + id.str() + "' in the portfolio");
    return activities_[*index];
}

std::optional<std::uint32_t> Portfolio::find_activity(std::string_view id) const { return activity_index_.find(id); }

std::vector<std::optional<std::uint32_t>> Portfolio::find_activities(std::span<const std::string_view> ids) const {
    std::vector<std::optional<std::uint32_t>> out(ids.size());
    activity_index_.find_all(ids, out);
    return out;
}

void Portfolio::upsert_organisation(Organisation organisation) {
    if (organisation.ref.empty())
        throw ValidationError("organisation without a ref",
                              {organisation.provenance.source, organisation.provenance.line, {}},
                              "identifier-not-empty");
    const auto it = organisation_index_.find(organisation.ref);
    if (it != organisation_index_.end()) {
        organisations_[it->second] = std::move(organisation);
    } else {
        organisation_index_.emplace(organisation.ref, organisations_.size());
        organisations_.push_back(std::move(organisation));
    }
}

const Organisation* Portfolio::find_organisation(std::string_view ref) const {
    const auto it = organisation_index_.find(std::string(ref));
    return it == organisation_index_.end() ? nullptr : &organisations_[it->second];
}

std::string Portfolio::organisation_name(std::string_view ref) const {
    if (const Organisation* o = find_organisation(ref)) {
        if (!o->short_name.empty()) return o->short_name;
        if (!o->name.empty()) return o->name;
    }
    return std::string(ref);
}

std::size_t Portfolio::add_transaction(const Transaction& t) {
    if (t.activity >= activities_.size())
        throw NotFoundError("transaction of unknown activity index " + std::to_string(t.activity));
    const std::size_t row = transactions_.append(t);
    rows_by_activity_.invalidate();
    transaction_extent_.invalidate();
    return row;
}

void Portfolio::add_transactions(TransactionTable rows) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows.activity[i] >= activities_.size()) {
            throw NotFoundError("transaction row " + std::to_string(i) + " of unknown activity index " +
                                std::to_string(rows.activity[i]));
        }
    }
    if (transactions_.size() == 0) {
        transactions_ = std::move(rows);
    } else {
        // Another table's strings are interned in its own pool: re-intern them row by row.
        transactions_.reserve(transactions_.size() + rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) transactions_.append(rows.row(i));
    }
    rows_by_activity_.invalidate();
    transaction_extent_.invalidate();
}

void Portfolio::add_budget(Budget budget) {
    if (budget.activity >= activities_.size())
        throw NotFoundError("budget of unknown activity index " + std::to_string(budget.activity));
    budgets_.push_back(std::move(budget));
}

void Portfolio::add_planned_disbursement(PlannedDisbursement pd) {
    if (pd.activity >= activities_.size())
        throw NotFoundError("planned disbursement of unknown activity index " + std::to_string(pd.activity));
    planned_disbursements_.push_back(std::move(pd));
}

std::vector<std::uint32_t> Portfolio::transactions_of(std::uint32_t index) const {
    if (index >= activities_.size()) throw NotFoundError("no activity at index " + std::to_string(index));
    return rows_by_activity_.rows(index, activities_.size(), transactions_);
}

namespace {

// Weights from published percentages: missing ones share what is left equally; a list that
// does not sum to 100 is scaled to 100 (and reported).
template <class Item, class CodeOf>
std::vector<Portfolio::Share> shares_from(const std::vector<Item>& items, CodeOf code_of, const std::string& what,
                                          const std::string& activity_id, std::string* note) {
    std::vector<Portfolio::Share> out;
    if (items.empty()) return out;
    Decimal::Raw given = 0;
    std::size_t missing = 0;
    for (const auto& item : items) {
        if (item.percentage)
            given += item.percentage->raw();
        else
            ++missing;
    }
    const Decimal::Raw hundred = Decimal(100).raw();
    if (missing == items.size()) {
        for (const auto& item : items) out.push_back({code_of(item), 1});
        if (items.size() > 1 && note != nullptr)
            *note = activity_id + ": " + what + " without percentages, split equally";
        return out;
    }
    const Decimal::Raw rest =
        missing == 0 ? 0 : std::max<Decimal::Raw>(hundred - given, 0) / static_cast<Decimal::Raw>(missing);
    Decimal::Raw total = 0;
    for (const auto& item : items) {
        const Decimal::Raw w = item.percentage ? std::max<Decimal::Raw>(item.percentage->raw(), 0) : rest;
        out.push_back({code_of(item), w});
        total += w;
    }
    const Decimal::Raw tolerance = Decimal::parse("0.01").raw();
    if (note != nullptr && (total > hundred + tolerance || total < hundred - tolerance)) {
        *note = activity_id + ": " + what + " percentages sum to " + Decimal::from_raw(total).to_string() +
                ", scaled to 100";
    }
    if (total == 0) {
        for (auto& s : out) s.weight = 1;
    }
    return out;
}

struct GroupKeyValue {
    std::array<std::int64_t, 8> parts{};
    bool operator==(const GroupKeyValue&) const = default;
};

struct GroupKeyHash {
    std::size_t operator()(const GroupKeyValue& k) const noexcept {
        std::size_t h = 1469598103934665603ULL;
        for (std::int64_t p : k.parts) h = (h ^ static_cast<std::size_t>(p)) * 1099511628211ULL;
        return h;
    }
};

// A sum before its conversion and splits: parts 0-6 the keys other than the splits, then the
// activity, the original currency, the factor's bits, the row's own sector and country codes.
struct ConversionKey {
    std::array<std::int64_t, 12> parts{};
    bool operator==(const ConversionKey&) const = default;
};

struct ConversionKeyHash {
    std::size_t operator()(const ConversionKey& k) const noexcept {
        std::size_t h = 1469598103934665603ULL;
        for (std::int64_t p : k.parts) h = (h ^ static_cast<std::size_t>(p)) * 1099511628211ULL;
        return h;
    }
};

struct ConversionGroup {
    Decimal::Raw sum = 0;
    std::int64_t rows = 0;
    double factor = 1;
    bool convert = false;
};

struct Accumulator {
    Decimal::Raw sum = 0;
    std::int64_t count = 0;
    std::uint16_t currency = 0;
    bool mixed = false;
};

}  // namespace

std::vector<Portfolio::Share> Portfolio::sector_shares(std::uint32_t index, std::string* note) const {
    const Activity& a = activities_.at(index);
    // Prefer the DAC 5-digit vocabulary; otherwise the first vocabulary the activity uses.
    std::string vocabulary = a.sectors.empty() ? std::string("1") : a.sectors.front().vocabulary;
    for (const auto& s : a.sectors) {
        if (s.vocabulary == "1") vocabulary = "1";
    }
    std::vector<SectorShare> chosen;
    for (const auto& s : a.sectors) {
        if (s.vocabulary == vocabulary) chosen.push_back(s);
    }
    return shares_from(
        chosen, [](const SectorShare& s) { return s.code; }, "sector", a.identifier, note);
}

std::vector<Portfolio::Share> Portfolio::country_shares(std::uint32_t index, std::string* note) const {
    const Activity& a = activities_.at(index);
    return shares_from(
        a.recipient_countries, [](const CountryShare& c) { return c.code; }, "recipient-country", a.identifier, note);
}

Table Portfolio::totals(const TotalsQuery& query) const {
    if (query.by.size() > 7) throw ValidationError("totals() groups by at most 7 keys");
    if (query.currency && query.rates == nullptr) throw CurrencyError("converting totals needs an exchange-rate table");
    const TransactionTable& t = transactions_;
    const bool split_sector = std::find(query.by.begin(), query.by.end(), GroupKey::sector) != query.by.end();
    const bool split_country = std::find(query.by.begin(), query.by.end(), GroupKey::country) != query.by.end();
    StringPool split_codes;  // codes of splits, interned locally
    std::unordered_map<GroupKeyValue, Accumulator, GroupKeyHash> groups;
    std::vector<std::string> notes;
    std::vector<std::vector<Share>> sector_cache(split_sector ? activities_.size() : 0);
    std::vector<std::vector<Share>> country_cache(split_country ? activities_.size() : 0);
    std::vector<std::uint8_t> cached(activities_.size(), 0);
    if (split_sector || split_country) {
        for (std::uint32_t a = 0; a < activities_.size(); ++a) {
            std::string note;
            if (split_sector) {
                sector_cache[a] = sector_shares(a, &note);
                if (!note.empty()) notes.push_back(note);
            }
            note.clear();
            if (split_country) {
                country_cache[a] = country_shares(a, &note);
                if (!note.empty()) notes.push_back(note);
            }
        }
    }
    // The rounding rule (as measures::aggregate): rows are summed exactly in their original
    // currency per (key parts other than the splits, activity, currency, rate, the row's own
    // sector and country codes); each such sum is converted once (one rounding), and the
    // converted sums that differ only by currency and rate are added and split once.
    std::unordered_map<ConversionKey, ConversionGroup, ConversionKeyHash> conversions;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!query.types.empty() && query.types.count(t.type[i]) == 0) continue;
        const int year = day_number::year_of(t.date[i]);
        if (query.year_from && year < *query.year_from) continue;
        if (query.year_to && year > *query.year_to) continue;
        const std::uint32_t a = t.activity[i];
        const std::uint16_t currency = t.currency[i];
        double factor = 1;
        const bool convert = query.currency && query.currency->packed() != currency;
        if (convert) {
            const std::int32_t day = conversion_day(t, i);
            if (day == day_number::kNone)
                throw RateNotFoundError("transaction at row " + std::to_string(i) + " has no date to convert with",
                                        {activities_[a].provenance.source, t.line[i], "transaction"});
            factor = query.rates->factor(CurrencyCode::from_packed(currency), *query.currency, day_number::to_date(day),
                                         query.policy);
        }
        ConversionKey key;
        for (std::size_t k = 0; k < query.by.size(); ++k) {
            std::int64_t part = 0;
            switch (query.by[k]) {
                case GroupKey::reporting_org:
                    part = split_codes.intern(activities_[a].reporting_org.ref);
                    break;
                case GroupKey::provider_org:
                    part = t.provider_org[i];
                    break;
                case GroupKey::receiver_org:
                    part = t.receiver_org[i];
                    break;
                case GroupKey::activity:
                    part = a;
                    break;
                case GroupKey::type:
                    part = t.type[i];
                    break;
                case GroupKey::currency:
                    part = t.currency[i];
                    break;
                case GroupKey::year:
                    part = year;
                    break;
                case GroupKey::fiscal_year:
                    part = query.calendar.fiscal_year_of_day(t.date[i]);
                    break;
                case GroupKey::sector:
                case GroupKey::country:
                    break;  // set per piece below
            }
            key.parts[k] = part;
        }
        std::uint64_t factor_bits = 0;
        std::memcpy(&factor_bits, &factor, sizeof factor_bits);
        key.parts[7] = a;
        key.parts[8] = currency;
        key.parts[9] = static_cast<std::int64_t>(factor_bits);
        key.parts[10] = split_sector ? t.sector_code[i] : 0;
        key.parts[11] = split_country ? t.recipient_country[i] : 0;
        ConversionGroup& group = conversions[key];
        group.factor = factor;
        group.convert = convert;
        group.sum += t.value[i];
        ++group.rows;
    }
    // Each group converted once; the converted sums of one activity and cell (now in one
    // currency, with the rate left out of the key) are then split once.
    std::unordered_map<ConversionKey, ConversionGroup, ConversionKeyHash> converted;
    for (const auto& [ckey, group] : conversions) {
        ConversionKey key = ckey;
        Decimal::Raw value = group.sum;
        if (group.convert) {
            value = Decimal::from_raw(group.sum).scaled(group.factor).raw();
            key.parts[8] = query.currency->packed();
        }
        key.parts[9] = 0;
        ConversionGroup& sum = converted[key];
        sum.sum += value;
        sum.rows += group.rows;
    }
    for (const auto& [ckey, group] : converted) {
        const auto a = static_cast<std::uint32_t>(ckey.parts[7]);
        const auto currency = static_cast<std::uint16_t>(ckey.parts[8]);
        const Decimal value = Decimal::from_raw(group.sum);
        // Pieces of this sum after the splits asked for.
        std::vector<std::pair<std::array<std::int64_t, 2>, Decimal>> pieces{{{0, 0}, value}};
        auto apply_split = [&](int slot, bool wanted, std::uint32_t override_code, const std::vector<Share>& shares) {
            if (!wanted) return;
            std::vector<std::pair<std::array<std::int64_t, 2>, Decimal>> next;
            for (auto& [codes, amount] : pieces) {
                if (override_code != 0) {
                    codes[static_cast<std::size_t>(slot)] = split_codes.intern(t.text(override_code));
                    next.emplace_back(codes, amount);
                    continue;
                }
                if (shares.empty()) {
                    codes[static_cast<std::size_t>(slot)] = 0;  // "" = not split
                    next.emplace_back(codes, amount);
                    continue;
                }
                std::vector<Decimal::Raw> weights;
                weights.reserve(shares.size());
                for (const auto& s : shares) weights.push_back(s.weight);
                const auto parts = split_by_weights(amount, weights, Decimal::kScale);
                for (std::size_t k = 0; k < shares.size(); ++k) {
                    auto c = codes;
                    c[static_cast<std::size_t>(slot)] = split_codes.intern(shares[k].code);
                    next.emplace_back(c, parts[k]);
                }
            }
            pieces = std::move(next);
        };
        apply_split(0, split_sector, static_cast<std::uint32_t>(ckey.parts[10]),
                    split_sector ? sector_cache[a] : std::vector<Share>{});
        apply_split(1, split_country, static_cast<std::uint32_t>(ckey.parts[11]),
                    split_country ? country_cache[a] : std::vector<Share>{});
        for (const auto& [codes, amount] : pieces) {
            GroupKeyValue key;
            for (std::size_t k = 0; k < query.by.size(); ++k) {
                if (query.by[k] == GroupKey::sector)
                    key.parts[k] = codes[0];
                else if (query.by[k] == GroupKey::country)
                    key.parts[k] = codes[1];
                else
                    key.parts[k] = ckey.parts[k];
            }
            Accumulator& acc = groups[key];
            if (acc.count == 0)
                acc.currency = currency;
            else if (acc.currency != currency)
                acc.mixed = true;
            acc.sum += amount.raw();
            acc.count += group.rows;
        }
    }
    // Deterministic order: sort by the keys as text/number.
    std::vector<std::pair<GroupKeyValue, Accumulator>> rows(groups.begin(), groups.end());
    auto key_text = [&](GroupKey k, std::int64_t part) -> std::string {
        switch (k) {
            case GroupKey::reporting_org:
            case GroupKey::sector:
            case GroupKey::country:
                return split_codes[static_cast<StringPool::Index>(part)];
            case GroupKey::provider_org:
            case GroupKey::receiver_org:
                return t.text(static_cast<StringPool::Index>(part));
            case GroupKey::activity:
                return activities_[static_cast<std::size_t>(part)].identifier;
            case GroupKey::currency:
                return CurrencyCode::from_packed(static_cast<std::uint16_t>(part)).str();
            case GroupKey::type:
            case GroupKey::year:
            case GroupKey::fiscal_year:
                return {};
        }
        return {};
    };
    std::sort(rows.begin(), rows.end(), [&](const auto& x, const auto& y) {
        for (std::size_t k = 0; k < query.by.size(); ++k) {
            const std::string tx = key_text(query.by[k], x.first.parts[k]);
            const std::string ty = key_text(query.by[k], y.first.parts[k]);
            if (tx != ty) return tx < ty;
            if (x.first.parts[k] != y.first.parts[k]) return x.first.parts[k] < y.first.parts[k];
        }
        return false;
    });
    Table out("Transaction totals");
    static const std::map<GroupKey, const char*> kNames = {
        {GroupKey::reporting_org, "reporting_org"},
        {GroupKey::provider_org, "provider_org"},
        {GroupKey::receiver_org, "receiver_org"},
        {GroupKey::activity, "activity_id"},
        {GroupKey::type, "type"},
        {GroupKey::currency, "original_currency"},
        {GroupKey::year, "year"},
        {GroupKey::fiscal_year, "fiscal_year"},
        {GroupKey::sector, "sector"},
        {GroupKey::country, "country"},
    };
    for (GroupKey k : query.by) {
        if (k == GroupKey::type || k == GroupKey::year || k == GroupKey::fiscal_year)
            out.add_column<std::int64_t>(kNames.at(k));
        else
            out.add_column<std::string>(kNames.at(k));
    }
    const std::size_t c_value = query.by.size();
    out.add_column<Decimal>("value", "exact sum of the values (converted when a currency was asked for)");
    out.add_column<std::string>("currency");
    out.add_column<std::int64_t>("transactions", "transaction pieces counted");
    for (const auto& [key, acc] : rows) {
        if (acc.mixed) {
            throw CurrencyError("a group mixes currencies: group by currency or convert with an exchange-rate table",
                                {}, "one-currency-per-sum");
        }
        for (std::size_t k = 0; k < query.by.size(); ++k) {
            const GroupKey g = query.by[k];
            if (g == GroupKey::type || g == GroupKey::year || g == GroupKey::fiscal_year)
                out.push<std::int64_t>(k, key.parts[k]);
            else
                out.push<std::string>(k, key_text(g, key.parts[k]));
        }
        out.push<Decimal>(c_value, Decimal::from_raw(acc.sum));
        out.push<std::string>(c_value + 1, CurrencyCode::from_packed(acc.currency).str());
        out.push<std::int64_t>(c_value + 2, acc.count);
    }
    if (query.currency) {
        out.add_note("converted to " + query.currency->str() + " with policy " + query.policy.name() +
                     "; rate date: " + std::string(kConversionDateRule));
    }
    if (std::find(query.by.begin(), query.by.end(), GroupKey::fiscal_year) != query.by.end()) {
        out.add_note("fiscal years of the '" + query.calendar.name() +
                     "' calendar, named by the calendar year they start in");
    }
    for (auto& n : notes) out.add_note(std::move(n));
    return out;
}

bool operator==(const Portfolio& a, const Portfolio& b) {
    const auto& ta = a.transactions_;
    const auto& tb = b.transactions_;
    if (ta.size() != tb.size()) return false;
    for (std::size_t i = 0; i < ta.size(); ++i) {
        if (!(ta.row(i) == tb.row(i))) return false;
    }
    return a.activities_ == b.activities_ && a.organisations_ == b.organisations_ && a.budgets_ == b.budgets_ &&
           a.planned_disbursements_ == b.planned_disbursements_ && a.results_ == b.results_ &&
           a.coordination_ == b.coordination_ && a.diagnostics_ == b.diagnostics_;
}

}  // namespace aidtrack
