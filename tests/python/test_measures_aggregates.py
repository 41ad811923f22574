"""Country aggregates ("(all)" rows) of the measures, and one conversion rate for one transaction
through every Python and command-line path."""
from __future__ import annotations

import datetime as dt
import os
import pathlib
import subprocess
from decimal import Decimal

import pandas as pd
import pytest

import aidtrack
from aidtrack import measures


def _usd(v: str) -> aidtrack.Money:
    return aidtrack.Money(Decimal(v), "USD")


def _opposite_errors(unscheduled: bool = False) -> aidtrack.Portfolio:
    """2020: AU-5 schedules 100 and disburses 50; UNDP schedules 100 and disburses 150; GB-GOV-1
    disburses 40 with nothing scheduled (only with `unscheduled`)."""
    p = aidtrack.Portfolio()
    year = aidtrack.Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    donors = [("AU-5", "100", "50"), ("XM-DAC-41114", "100", "150")] + ([("GB-GOV-1", None, "40")] if unscheduled else [])
    for donor, scheduled, disbursed in donors:
        a = aidtrack.Activity(donor + "-1")
        a.reporting_org.ref = donor
        i = p.add_activity(a)
        if scheduled is not None:
            p.add_planned_disbursement(aidtrack.PlannedDisbursement(i, year, _usd(scheduled), 1))
        p.add_transaction(aidtrack.Transaction(i, 3, dt.date(2020, 3, 1), _usd(disbursed)))
    return p


def _row(frame: pd.DataFrame, donor: str, year: int) -> pd.Series:
    rows = frame[(frame["donor"] == donor) & (frame["fiscal_year"] == year)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_gpedc_5a_all_row_counts_each_donor_disbursed_as_scheduled():
    frame = measures.predictability(_opposite_errors())
    all_ = _row(frame, "(all)", 2020)
    assert Decimal(str(all_["numerator"])) == Decimal("150")           # min(50,100) + min(150,100)
    assert all_["value"] == pytest.approx(0.75)                        # 150 / 200, not min(200,200)/200
    assert Decimal(str(all_["over_disbursed"])) == Decimal("50")       # 150 - 100
    assert all_["over_disbursement"] == pytest.approx(0.25)            # 50 / (50 + 150)
    assert measures.predictability(_opposite_errors(), methodology="paris2008").pipe(_row, "(all)", 2020)["value"] == pytest.approx(1.0)  # 200 / 200
    assert measures.predictability(_opposite_errors(), methodology="paris2011").pipe(_row, "(all)", 2020)["value"] == pytest.approx(0.6)  # 150 / 250


def test_unscheduled_donors_are_shown_beside_the_gpedc_aggregate():
    frame = measures.predictability(_opposite_errors(unscheduled=True))
    all_ = _row(frame, "(all)", 2020)
    assert all_["value"] == pytest.approx(0.75)                        # GB-GOV-1 in neither term
    assert Decimal(str(all_["unscheduled"])) == Decimal("40")
    gb = _row(frame, "GB-GOV-1", 2020)
    assert pd.isna(gb["value"]) and pd.isna(gb["over_disbursement"])   # nothing scheduled, nothing to exceed


def test_aid_on_budget_all_rows():
    p = aidtrack.Portfolio()
    p.upsert_organisation(aidtrack.Organisation("KH-CMAA", "Cambodian Mine Action Authority", "10", "KH"))
    year = aidtrack.Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    for donor in ("AU-5", "XM-DAC-41114"):
        a = aidtrack.Activity(donor + "-1")
        a.reporting_org.ref = donor
        pd_ = aidtrack.PlannedDisbursement(p.add_activity(a), year, _usd("100"), 1)
        pd_.receiver_org = "KH-CMAA"
        p.add_planned_disbursement(pd_)
    budget = [measures.GovernmentBudgetRecord("AU-5", 2020, _usd("50")), measures.GovernmentBudgetRecord("XM-DAC-41114", 2020, _usd("150"))]
    gpedc = measures.aid_on_budget(p, budget, methodology="gpedc2018")
    assert _row(gpedc, "(all)", 2020)["value"] == pytest.approx(0.75)             # (min(50,100) + min(150,100)) / 200
    assert _row(gpedc, "(all)", 2020)["beyond_scheduled"] == pytest.approx(0.25)  # 50 / 200
    assert measures.aid_on_budget(p, budget).pipe(_row, "(all)", 2020)["value"] == pytest.approx(1.0)  # paris2008: min(200,200)/max(200,200)


# One KHR disbursement of 4 100 000 dated 2021-01-05 with value date 2020-12-28; 4000 KHR per USD in
# 2020, 4100 in 2021. On its conversion date: 4 100 000 / 4000 = 1025 USD (on its date it would be 1000).

def _riel_portfolio() -> tuple[aidtrack.Portfolio, aidtrack.ExchangeRates]:
    p = aidtrack.Portfolio()
    a = aidtrack.Activity("AU-5-1")
    a.reporting_org.ref = "AU-5"
    i = p.add_activity(a)
    t = aidtrack.Transaction(i, 3, dt.date(2021, 1, 5), aidtrack.Money(Decimal("4100000"), "KHR"))
    t.value_date = dt.date(2020, 12, 28)
    p.add_transaction(t)
    rates = aidtrack.ExchangeRates()
    rates.add("KHR", aidtrack.Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), 4000.0, "test 2020")
    rates.add("KHR", aidtrack.Period(dt.date(2021, 1, 1), dt.date(2021, 12, 31)), 4100.0, "test 2021")
    return p, rates


def test_one_transaction_one_rate_in_totals_and_measures():
    p, rates = _riel_portfolio()
    totals = p.totals(by=["type"], currency="USD", rates=rates)
    assert Decimal(str(totals["value"].iloc[0])) == Decimal("1025")    # 4 100 000 / 4000
    flows = measures.donor_flows(p, currency="USD", rates=rates)
    assert Decimal(str(_row(flows, "AU-5", 2021)["amount"])) == Decimal("1025")  # placed by date, converted by value date
    assert any("value date, else transaction date" in n for n in flows.attrs["notes"])


def _cli() -> pathlib.Path:
    build = os.environ.get("AIDTRACK_BUILD_DIR")
    candidates = [pathlib.Path(build) / "bin" / "aidtrack"] if build else []
    candidates.append(pathlib.Path(aidtrack.__file__).resolve().parents[2] / "bin" / "aidtrack")
    for c in candidates:
        if c.exists():
            return c
    pytest.skip("aidtrack command not built")


def test_cli_import_checks_rates_on_the_conversion_date(tmp_path):
    # The rate table has KHR for 2020 only: the transaction converts on its value date (2020-12-28)
    # and would not on its transaction date (2021-01-05).
    xml = tmp_path / "riel.xml"
    xml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">\n'
        ' <iati-activity default-currency="KHR" last-updated-datetime="2024-01-01T00:00:00Z">\n'
        '  <iati-identifier>AU-5-1</iati-identifier>\n'
        '  <reporting-org ref="AU-5" type="10"><narrative>DFAT</narrative></reporting-org>\n'
        '  <title><narrative>Clearance</narrative></title>\n'
        '  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-01-05"/>\n'
        '   <value currency="KHR" value-date="2020-12-28">4100000</value></transaction>\n'
        ' </iati-activity>\n'
        '</iati-activities>\n', encoding="utf-8")
    rates = tmp_path / "imf.csv"
    rates.write_text("Date,Rate,Currency,Frequency,Source,Country code,Country\n2020-12-31,4000,KHR,A,IMF,KH,Cambodia\n",
                     encoding="utf-8")
    run = subprocess.run([str(_cli()), "import", str(xml), "-o", str(tmp_path / "out.atk"), "--rates", str(rates), "--quiet"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "1 of 1 transactions convertible to USD" in run.stderr
    assert "value date, else transaction date" in run.stderr
