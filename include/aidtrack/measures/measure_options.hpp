#pragma once
/// \file measure_options.hpp
/// \brief Parameters shared by every aid-effectiveness measure: calendar, years, currency, donor.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/fiscal_calendar.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aidtrack::measures {

/// \brief Who a flow of money is attributed to.
enum class DonorDefinition {
    reporting_org,  ///< the publisher of the activity (default)
    provider_org,   ///< the transaction's provider organisation, else the publisher
};

/// \brief Which hop of a multi-hop flow (donor → agency → authority) a measure counts.
enum class FlowHop {
    origin,    ///< the first hop, out of the originating donor; pass-through activities are skipped (default)
    reported,  ///< every reported transaction, as published (counts chained money more than once)
};

/// \brief The common parameters of the measures; the defaults give the Cambodian government's
/// view: fiscal year = calendar year, money in one currency, donor = publisher, first hop.
struct MeasureOptions {
    FiscalCalendar calendar;               ///< the government's fiscal calendar (Cambodia: 1 January)
    std::vector<int> years;                ///< fiscal years to report; empty = every year with data
    std::optional<CurrencyCode> currency;  ///< convert to this currency; absent = amounts must share one
    const ExchangeRates* rates = nullptr;  ///< rates for the conversion; must outlive the call
    ConversionPolicy policy;               ///< which rate converts each amount
    std::string methodology;               ///< measure-specific variant; empty = the measure's default
    DonorDefinition donor = DonorDefinition::reporting_org;  ///< attribution of money to donors
    /// Donors (by organisation ref) that report annual amounts in their own fiscal calendar:
    /// each of their transactions stands for its donor fiscal year and is spread by days into
    /// the government's years.
    std::map<std::string, FiscalCalendar> donor_calendars;
    FlowHop hop = FlowHop::origin;  ///< which hop of chained flows to count
    /// Use activity budgets as the schedule for activities without planned disbursements.
    bool budgets_as_schedule_fallback = false;
    /// Organisation refs that are the recipient government sector (e.g. the mine action authority).
    std::set<std::string> government_orgs;
    /// Recipient country; organisations of type 10/15 seated there count as government too.
    std::string country = "KH";
    bool totals = true;  ///< append one "(all)" row per fiscal year
    int places = 2;      ///< decimals kept when spreading amounts by days
};

/// \brief The donor label used in totals rows.
inline constexpr const char* kAllDonors = "(all)";

/// \brief "reporting_org" or "provider_org".
[[nodiscard]] std::string to_string(DonorDefinition d);
/// \brief "origin" or "reported".
[[nodiscard]] std::string to_string(FlowHop h);
/// \brief Parses a donor definition name; throws ValidationError.
[[nodiscard]] DonorDefinition parse_donor_definition(const std::string& name);
/// \brief Parses a hop name; throws ValidationError.
[[nodiscard]] FlowHop parse_flow_hop(const std::string& name);

}  // namespace aidtrack::measures
