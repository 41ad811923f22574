#pragma once
/// \file measures_fixture.hpp
/// \brief Hand-built portfolios shared by the measures tests.

#include <aidtrack/core/table.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <gtest/gtest.h>

#include <string>

namespace aidtrack::measures::testing {

/// \brief A portfolio built record by record, with short helpers.
struct Builder {
    Portfolio p;

    Builder() {
        p.upsert_organisation({"KH-CMAA", "Cambodian Mine Action Authority", "10", "KH", "CMAA", {}});
        p.upsert_organisation({"AU-5", "DFAT Australia", "10", "AU", "DFAT", {}});
        p.upsert_organisation({"XM-DAC-41114", "UNDP", "40", "", "UNDP", {}});
    }
    std::uint32_t activity(const std::string& id, const std::string& donor, std::optional<Date> start = {},
                           std::optional<Date> end = {}) {
        Activity a;
        a.identifier = id;
        a.reporting_org.ref = donor;
        a.planned_start = start;
        a.planned_end = end;
        return p.add_activity(a);
    }
    std::size_t tx(std::uint32_t a, int type, const std::string& date, const std::string& amount,
                   const std::string& currency = "USD", const std::string& receiver = "") {
        Transaction t;
        t.activity = a;
        t.type = type;
        t.date = parse_date(date);
        t.value = Money::parse(amount, currency);
        t.receiver_org = receiver;
        return p.add_transaction(t);
    }
    std::size_t tx(const Transaction& t) { return p.add_transaction(t); }
    Transaction row(std::uint32_t a, int type, const std::string& date, const std::string& amount) {
        Transaction t;
        t.activity = a;
        t.type = type;
        t.date = parse_date(date);
        t.value = Money::parse(amount, "USD");
        return t;
    }
    void plan(std::uint32_t a, const std::string& from, const std::string& to, const std::string& amount,
              const std::string& receiver = "") {
        PlannedDisbursement pd;
        pd.activity = a;
        pd.period = Period(parse_date(from), parse_date(to));
        pd.value = Money::parse(amount, "USD");
        pd.receiver_org = receiver;
        p.add_planned_disbursement(pd);
    }
};

/// \brief Index of the row with `donor` and `year` (fails the test when absent).
inline std::size_t find_row(const Table& t, const std::string& donor, int year) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
        if (t.at<std::string>(r, "donor") == donor && t.at<std::int64_t>(r, "fiscal_year") == year) return r;
    }
    ADD_FAILURE() << "no row " << donor << " " << year << " in " << t.title();
    return 0;
}

/// \brief Decimal from text, for short expectations.
inline Decimal dec(const char* s) { return Decimal::parse(s); }

}  // namespace aidtrack::measures::testing
