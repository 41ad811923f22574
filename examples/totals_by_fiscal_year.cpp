// Totals by donor and fiscal year in two calendars, converted with the IMF rates: the
// foundation's everyday question. Paired with totals_by_fiscal_year.py; both run as tests.
#include <aidtrack/aidtrack.hpp>

#include <iostream>

namespace {

aidtrack::Transaction disbursement(std::uint32_t activity, const char* date, const char* value, const char* currency) {
    aidtrack::Transaction t;
    t.activity = activity;
    t.type = aidtrack::code_of(aidtrack::TransactionType::disbursement);
    t.date = aidtrack::parse_date(date);
    t.value = aidtrack::Money::parse(value, currency);
    return t;
}

void print(const aidtrack::Table& table) {
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        for (std::size_t col = 0; col < table.column_count(); ++col)
            std::cout << (col ? "  " : "") << table.text(row, col);
        std::cout << "\n";
    }
}

}  // namespace

int main() {
    aidtrack::Portfolio portfolio;
    aidtrack::Activity dfat;
    dfat.identifier = "AU-5-EXAMPLE-DEMINING";
    dfat.reporting_org.ref = "AU-5";
    const auto a = portfolio.add_activity(dfat);
    portfolio.add_transaction(disbursement(a, "2023-06-30", "1500000.00", "AUD"));  // FY2022-23 in Australia
    portfolio.add_transaction(disbursement(a, "2023-07-01", "1500000.00", "AUD"));  // FY2023-24 in Australia
    portfolio.add_transaction(disbursement(a, "2023-12-15", "4110652746.42", "KHR"));

    const auto rates =
        aidtrack::ExchangeRates::from_imf_csv(aidtrack::data_file("rates/imf_exchangerates_A_ENDA_USD.csv"));
    aidtrack::TotalsQuery query;
    query.by = {aidtrack::GroupKey::reporting_org, aidtrack::GroupKey::fiscal_year};
    query.currency = aidtrack::kUSD;
    query.rates = &rates;
    for (const char* calendar : {"australia", "cambodia"}) {
        query.calendar = aidtrack::FiscalCalendar::preset(calendar);
        std::cout << "Disbursements in USD by " << calendar << " fiscal year:\n";
        print(portfolio.totals(query));
    }
    return 0;
}
