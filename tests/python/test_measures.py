"""aidtrack.measures: DataFrames equal to the C++ tables and the hand-computed values."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

import aidtrack
from aidtrack import measures


def _portfolio() -> aidtrack.Portfolio:
    """2020: scheduled 1000, disbursed 600 + 440; 2021: scheduled 500, disbursed 400; 2022: 100, nothing scheduled."""
    p = aidtrack.Portfolio()
    a = aidtrack.Activity("AU-5-1")
    a.reporting_org.ref = "AU-5"
    i = p.add_activity(a)
    usd = lambda v: aidtrack.Money(Decimal(v), "USD")  # noqa: E731
    p.add_planned_disbursement(aidtrack.PlannedDisbursement(i, aidtrack.Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), usd("1000"), 1))
    p.add_planned_disbursement(aidtrack.PlannedDisbursement(i, aidtrack.Period(dt.date(2021, 1, 1), dt.date(2021, 12, 31)), usd("500"), 1))
    for date, value in ((dt.date(2020, 2, 1), "600"), (dt.date(2020, 9, 1), "440"), (dt.date(2021, 4, 1), "400"),
                        (dt.date(2022, 4, 1), "100")):
        p.add_transaction(aidtrack.Transaction(i, 3, date, usd(value)))
    return p


def _row(frame: pd.DataFrame, donor: str, year: int) -> pd.Series:
    rows = frame[(frame["donor"] == donor) & (frame["fiscal_year"] == year)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_methodology_variants_give_their_documented_answers():
    p = _portfolio()
    paris = measures.predictability(p, methodology="paris2008")
    assert paris.attrs["methodology"] == "paris2008"
    assert _row(paris, "AU-5", 2020)["value"] == pytest.approx(1.04)          # 1040 / 1000
    assert measures.predictability(p, methodology="paris2011").pipe(_row, "AU-5", 2020)["value"] == pytest.approx(1000 / 1040)
    gpedc = measures.predictability(p)
    r = _row(gpedc, "AU-5", 2020)
    assert r["value"] == pytest.approx(1.0)                                   # min(1040, 1000) / 1000
    assert r["over_disbursement"] == pytest.approx(40 / 1040)
    assert pd.isna(_row(gpedc, "AU-5", 2022)["value"])                        # scheduled 0: undefined, not NaN from 0/0


def test_frame_matches_the_compiled_table():
    p = _portfolio()
    raw = aidtrack._core._measure_annual_predictability(p, measures.options(methodology="paris2008"))
    frame = measures.predictability(p, methodology="paris2008")
    columns = {c[0]: (c[1], c[2]) for c in raw["columns"]}
    assert list(frame.columns) == [c[0] for c in raw["columns"]]
    for k, (values, valid) in enumerate(zip(columns["value"][0], columns["value"][1])):
        if valid:
            assert frame["value"].iloc[k] == pytest.approx(values)
        else:
            assert pd.isna(frame["value"].iloc[k])


def test_donor_calendar_rebucketing_and_years():
    p = _portfolio()
    flows = measures.donor_flows(p, donor_calendars={"AU-5": aidtrack.FiscalCalendar(7, 1)}, years=[2020])
    # 600 (2020-02-01) is donor FY2019-20 -> 182 of its 366 days fall in 2020 (Jan 1..Jun 30):
    # 600 x 182/366 = 298.36; 440 (2020-09-01) and 400 (2021-04-01) are FY2020-21 -> 184 of 365
    # days in 2020: 440 x 184/365 = 221.81 and 400 x 184/365 = 201.64. Total 721.81.
    amount = Decimal(str(_row(flows, "AU-5", 2020)["amount"]))
    assert amount == Decimal("298.36") + Decimal("221.81") + Decimal("201.64")


def test_execution_and_medium_term():
    p = _portfolio()
    p.add_transaction(aidtrack.Transaction(0, 2, dt.date(2020, 1, 10), aidtrack.Money(Decimal("2000"), "USD")))
    ex = measures.execution_rate(p)
    assert _row(ex, "AU-5", 2020)["value"] == pytest.approx(0.52)   # 1040 / 2000
    mt = measures.medium_term_predictability(p)
    assert _row(mt, "AU-5", 2020)["value"] == pytest.approx(500 / 1040 / 3)


def test_inputs_and_errors(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("donor,fiscal_year,amount,currency\nAU-5,2020,850,USD\nAU-5,oops,1,USD\n")
    with pytest.raises(aidtrack.Error, match="budget.csv:3"):
        measures.load_government_budget(str(path))
    p = _portfolio()
    eur = aidtrack.Transaction(0, 3, dt.date(2020, 3, 1), aidtrack.Money(Decimal("80"), "EUR"))
    p.add_transaction(eur)
    with pytest.raises(aidtrack.CurrencyError):
        measures.donor_flows(p)
    with pytest.raises(TypeError):
        measures.donor_flows(p, colour="red")


def test_alignment_and_fragmentation():
    p = _portfolio()
    mapping = [measures.ActivityShare("AU-5-1", "O1", Decimal(50)), measures.ActivityShare("AU-5-1", "O2", Decimal(30))]
    frame = measures.strategy_alignment(p, mapping, years=[2020])
    by_objective = frame[frame["donor"] == "AU-5"].set_index("objective")
    # 1040 split 50/30/20: O1 520, O2 312, unmapped 208.
    assert Decimal(str(by_objective.loc["O1", "numerator"])) == Decimal("520")
    assert Decimal(str(by_objective.loc["(unmapped)", "numerator"])) == Decimal("208")
    frag = measures.fragmentation(p, mapping, years=[2020])
    assert frag["hhi"].tolist() == [10000.0, 10000.0]   # one donor per objective
    assert frag["hhi_normalized"].isna().all()
