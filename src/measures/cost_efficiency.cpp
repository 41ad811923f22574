/// \file cost_efficiency.cpp
/// \brief Cost per m² released by operator, method, province, donor.

#include <aidtrack/measures/cost_efficiency.hpp>

#include <aidtrack/model/conversion_dates.hpp>

#include <map>

namespace aidtrack {
namespace {

const char* key_name(CostKey k) {
    switch (k) {
        case CostKey::operator_name:
            return "operator";
        case CostKey::method:
            return "method";
        case CostKey::province:
            return "province";
        case CostKey::donor:
            return "donor";
        case CostKey::year:
            return "year";
        case CostKey::activity:
            return "activity";
    }
    return "key";
}

bool in_years(int year, const CostQuery& q) {
    return (!q.year_from || year >= *q.year_from) && (!q.year_to || year <= *q.year_to);
}

/// The donor of an activity: its funding organisations, else its reporting organisation.
std::string donor_of(const Portfolio& p, const Activity& a) {
    std::string out;
    for (const auto& ref : a.orgs_with_role(OrgRole::funding)) {
        const std::string name = p.organisation_name(ref);
        if (out.find(name) == std::string::npos) out += (out.empty() ? "" : " + ") + name;
    }
    if (out.empty())
        out = a.reporting_org.ref.empty() ? text_of(a.reporting_org.name) : p.organisation_name(a.reporting_org.ref);
    return out;
}

/// The activity's spending converted into the query currency.
std::optional<Decimal> money_of(const Portfolio& p, std::uint32_t index, const CostQuery& q, std::size_t& rows) {
    const auto tx_rows = p.transactions_of(index);
    const auto& t = p.transactions();
    bool has_expenditure = false;
    constexpr int kExpenditure = code_of(TransactionType::expenditure);
    constexpr int kDisbursement = code_of(TransactionType::disbursement);
    for (auto r : tx_rows)
        has_expenditure = has_expenditure || (t.type[r] == kExpenditure && in_years(day_number::year_of(t.date[r]), q));
    const int wanted = (has_expenditure && q.types.count(kExpenditure) != 0) ? kExpenditure : kDisbursement;
    if (q.types.count(wanted) == 0) return std::nullopt;
    Decimal sum;
    bool any = false;
    for (auto r : tx_rows) {
        if (t.type[r] != wanted) continue;
        if (!in_years(day_number::year_of(t.date[r]), q)) continue;
        const Money value = t.value_of(r);
        const Date when = day_number::to_date(conversion_day(t, r));
        if (value.currency() == q.currency) {
            sum += value.amount();
        } else {
            if (q.rates == nullptr) {
                throw CurrencyError("activity '" + p.activity(index).identifier + "' spends in " +
                                    value.currency().str() + ": converting to " + q.currency.str() +
                                    " needs exchange rates");
            }
            sum += q.rates->convert(value, q.currency, when, q.policy).value.amount();
        }
        any = true;
        ++rows;
    }
    if (!any) return std::nullopt;
    return sum;
}

}  // namespace

Table cost_per_m2(const Portfolio& portfolio, const CostQuery& query) {
    const ResultsStore& store = portfolio.results();
    // Releases per funding activity within the years asked.
    std::map<std::string, std::vector<const LandRelease*>> by_activity;
    std::int64_t unfunded_m2 = 0;
    std::int64_t unknown_m2 = 0;
    std::int64_t moneyless_m2 = 0;
    for (const auto& r : store.releases()) {
        if (!in_years(static_cast<int>(r.date.year()), query)) continue;
        if (r.funding_activity.empty()) {
            unfunded_m2 += r.area_m2;
            continue;
        }
        by_activity[r.funding_activity].push_back(&r);
    }
    struct Sum {
        std::int64_t releases = 0;
        std::int64_t area = 0;
        Decimal cost;
    };
    std::map<std::vector<std::string>, Sum> groups;
    std::size_t transactions = 0;
    for (const auto& [activity_id, releases] : by_activity) {
        std::int64_t area = 0;
        for (const auto* r : releases) area += r->area_m2;
        const auto index = portfolio.find_activity(activity_id);
        if (!index) {
            unknown_m2 += area;
            continue;
        }
        const auto money = money_of(portfolio, *index, query, transactions);
        if (!money) {
            moneyless_m2 += area;
            continue;
        }
        std::vector<Decimal::Raw> weights;
        weights.reserve(releases.size());
        for (const auto* r : releases) weights.push_back(static_cast<Decimal::Raw>(r->area_m2));
        const std::vector<Decimal> pieces = split_by_weights(*money, weights, 2);
        const Activity& a = portfolio.activity(*index);
        for (std::size_t i = 0; i < releases.size(); ++i) {
            const LandRelease& r = *releases[i];
            std::vector<std::string> key;
            for (auto k : query.by) {
                switch (k) {
                    case CostKey::operator_name:
                        key.push_back(r.operator_name);
                        break;
                    case CostKey::method:
                        key.emplace_back(to_string(r.method));
                        break;
                    case CostKey::province: {
                        const HazardArea* h = store.find_hazard(r.hazard);
                        key.push_back(h != nullptr ? h->province : std::string{});
                        break;
                    }
                    case CostKey::donor:
                        key.push_back(donor_of(portfolio, a));
                        break;
                    case CostKey::year:
                        key.push_back(std::to_string(r.date.year()));
                        break;
                    case CostKey::activity:
                        key.push_back(activity_id);
                        break;
                }
            }
            auto& s = groups[key];
            s.releases += 1;
            s.area += r.area_m2;
            s.cost += pieces[i];
        }
    }
    Table t("Cost per m2 released (" + query.currency.str() + ")");
    t.set_methodology("release-area-share");
    for (auto k : query.by) t.add_column<std::string>(key_name(k));
    const std::size_t n = query.by.size();
    t.add_column<std::int64_t>("releases", "release events counted");
    t.add_column<std::int64_t>("area_m2", "area released");
    t.add_column<Decimal>("cost", "money of the funding activities shared by area");
    t.add_column<std::string>("currency");
    t.add_column<double>("cost_per_m2", "cost / area_m2");
    for (const auto& [key, s] : groups) {
        for (std::size_t i = 0; i < n; ++i) t.push<std::string>(i, key[i]);
        t.push<std::int64_t>(n, s.releases);
        t.push<std::int64_t>(n + 1, s.area);
        t.push<Decimal>(n + 2, s.cost);
        t.push<std::string>(n + 3, query.currency.str());
        if (s.area > 0)
            t.push<double>(n + 4, s.cost.to_double() / static_cast<double>(s.area));
        else
            t.push_undefined(n + 4);
    }
    t.add_note(
        "Each funding activity's expenditures (type 4, else disbursements, type 3) are converted per transaction "
        "(" +
        query.policy.name() + "; rate date: " + std::string(kConversionDateRule) +
        ") and shared among its releases by area; " + std::to_string(transactions) + " transactions counted.");
    if (unfunded_m2 > 0) t.add_note(std::to_string(unfunded_m2) + " m2 released without a funding activity left out.");
    if (unknown_m2 > 0)
        t.add_note(std::to_string(unknown_m2) + " m2 funded by activities not in the portfolio left out.");
    if (moneyless_m2 > 0)
        t.add_note(std::to_string(moneyless_m2) + " m2 funded by activities without spending left out.");
    return t;
}

}  // namespace aidtrack
