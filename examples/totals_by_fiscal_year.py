"""Totals by donor and fiscal year in two calendars, converted with the IMF rates.

Paired with totals_by_fiscal_year.cpp; run by tests/python/test_examples.py.
"""
import datetime as dt
import os
from decimal import Decimal

import aidtrack

data = aidtrack.data_dir()  # the shipped data: the package's own copy, or the build's data/
portfolio = aidtrack.Portfolio()
activity = aidtrack.Activity("AU-5-EXAMPLE-DEMINING")
org = aidtrack.ReportingOrg()
org.ref = "AU-5"
activity.reporting_org = org
index = portfolio.add_activity(activity)
for date, value, currency in [("2023-06-30", "1500000.00", "AUD"), ("2023-07-01", "1500000.00", "AUD"),
                              ("2023-12-15", "4110652746.42", "KHR")]:
    portfolio.add_transaction(aidtrack.Transaction(index, 3, dt.date.fromisoformat(date),
                                                   aidtrack.Money(Decimal(value), currency)))

rates = aidtrack.ExchangeRates.from_imf_csv(os.path.join(data, "rates", "imf_exchangerates_A_ENDA_USD.csv"))
for calendar in ("australia", "cambodia"):
    print(f"Disbursements in USD by {calendar} fiscal year:")
    print(portfolio.totals(["reporting_org", "fiscal_year"], calendar=aidtrack.FiscalCalendar.preset(calendar),
                           currency="USD", rates=rates).to_string(index=False))
