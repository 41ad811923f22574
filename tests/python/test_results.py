"""Python face of the results layer: DataFrames equal to the C++ values (tests/model, tests/measures)."""
from __future__ import annotations

import datetime as dt
import os
import tempfile

import pytest

import aidtrack
from aidtrack import results as r


@pytest.fixture()
def portfolio():
    p = aidtrack.Portfolio()
    s = p.results
    s.add_strategy("NMAS", "NMAS", dt.date(2022, 1, 1), dt.date(2023, 12, 31), owner="CMAA", evidence="illustrative")
    s.add_node("NMAS", "G1", "goal", "Goal")
    s.add_node("NMAS", "O1", "objective", "Objective one", parent="G1", weight=2)
    s.add_node("NMAS", "O2", "objective", "Objective two", parent="G1", weight=1)
    for ind, node, asc, base, target, act in (("A", "O1", True, 20, 80, 70), ("E", "O2", False, 100, 40, 85)):
        s.add_indicator(ind, "NMAS", node, ind, ascending=asc, time_aggregation="last",
                        baseline_date=dt.date(2021, 12, 31), baseline_value=base)
        s.add_value(ind, "target", dt.date(2023, 1, 1), dt.date(2023, 12, 31), target)
        s.add_value(ind, "actual", dt.date(2022, 1, 1), dt.date(2022, 12, 31), act)
    s.add_hazard("H1", "Battambang", "CHA", "AP", 100_000, dt.date(2019, 3, 1))
    s.add_release("H1", dt.date(2020, 2, 1), "cancelled", 30_000, operator="CMAC", devices={"AP": 3})
    s.add_casualty(dt.date(2023, 3, 1), 3, 10, 6)
    s.add_casualty(dt.date(2023, 9, 1), 1, 8, 4)
    return p


def test_progress_and_rollup_frames(portfolio):
    prog = r.progress(portfolio, dt.date(2022, 1, 1), dt.date(2022, 12, 31), "NMAS")
    assert list(prog["indicator"]) == ["A", "E"]
    assert prog.loc[1, "expected"] == pytest.approx(70.0)          # 100 + (40 - 100) × 0.5
    assert prog.loc[1, "trajectory_ratio"] == pytest.approx(0.5)   # (85 - 100) / (70 - 100)
    assert prog.loc[1, "status"] == "off-track"
    roll = r.rollup(portfolio, "NMAS", dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert roll.loc[0, "score"] == pytest.approx(2.5 / 3)           # (2 × 1 + 1 × 0.5) / 3, as in C++
    assert roll.loc[0, "status"] == "at-risk"
    assert len(r.indicators(portfolio)) == 2
    assert len(r.indicator_values(portfolio)) == 4


def test_ledger_frames_and_violation(portfolio):
    rem = r.remaining(portfolio, dt.date(2022, 12, 31), ["contamination"])
    assert rem.loc[0, "remaining_m2"] == 70_000                     # 100000 - 30000
    assert r.hazards(portfolio).loc[0, "cancelled_m2"] == 30_000
    assert r.releases(portfolio).loc[0, "devices"] == 3
    with pytest.raises(aidtrack.ValidationError, match="H1.*2021-01-01"):
        portfolio.results.add_release("H1", dt.date(2021, 1, 1), "cleared", 70_001)
    assert portfolio.results.ledger("H1")["remaining"] == 70_000


def test_casualties_only_aggregates_by_default(portfolio):
    cas = r.casualties(portfolio)
    assert list(cas.columns[:2]) == ["year", "records"]
    assert cas.loc[0, "killed"] == 4 and cas.loc[0, "injured"] == 18 and cas.loc[0, "amputations"] == 10
    assert len(r.casualties(portfolio, rows=True)) == 2


def test_cost_efficiency_in_two_currencies():
    p = aidtrack.Portfolio()
    # Mirrors tests/measures/cost_efficiency_test.cpp through the CSV loader and a rates CSV.
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "hazards.csv"), "w") as f:
        f.write("id,province,type,contamination,area_m2,recorded\nH1,Pailin,CHA,AP,100000,2020-01-01\n")
    with open(os.path.join(d, "land_release.csv"), "w") as f:
        f.write("hazard,date,method,area_m2,operator,funding_activity\n"
                "H1,2022-05-01,cleared,40000,HALO,ACT-KHR\n")
    counts = r.load_csv(p, d)
    assert counts["hazards"] == 1 and counts["releases"] == 1
    rates_path = os.path.join(d, "rates.csv")
    with open(rates_path, "w") as f:
        f.write("date,currency,rate\n2022,KHR,4100\n")
    rates = aidtrack.ExchangeRates.from_csv(rates_path)
    # No activity in the portfolio: the area is reported as left out, no cost rows.
    frame = r.cost_efficiency(p, ["operator"], currency="KHR", rates=rates)
    assert len(frame) == 0
    assert any("not in the portfolio" in n for n in frame.attrs["notes"])


def test_bad_csv_row_raises_parse_error_with_line():
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "casualties.csv"), "w") as f:
        f.write("date,killed,injured\n2023-12-31,4,18\n2023-13-40,1,1\n")
    with pytest.raises(aidtrack.ParseError, match="casualties.csv:3"):
        r.load_csv(aidtrack.Portfolio(), d)


def test_forecast_closed_form_and_scenarios():
    f = r.forecast(1_000_000, 400_000, 2.0, as_of=dt.date(2025, 1, 1), history={2024: 1e9},
                   funding_limits_release=False)
    assert f["years_to_complete"] == 2.5                            # 1000000 / 400000
    assert f["completion_date"] == dt.date(2027, 7, 2)
    assert f["funding_gap"] == 0.0
    table = r.scenarios(10_000_000, 2_000_000, 1.5, as_of=dt.date(2025, 1, 1), history={2024: 2_400_000})
    assert list(table["scenario"]) == ["baseline", "+20% funding", "cost per m2 +10%"]
    assert table.loc[0, "funding_gap"] == pytest.approx(600_000.0)  # 15000000 - 6 × 2400000
    assert table.loc[1, "completion_year"] == 2030


def test_monte_carlo_is_seeded_and_matches_cpp_constants():
    kwargs = dict(as_of=dt.date(2025, 1, 1), history={2023: 2_000_000, 2024: 2_400_000},
                  rate_factor=("triangular", 0.8, 1.0, 1.2), cost_factor=("lognormal", 1.0, 0.1),
                  funding_factor=("normal", 1.0, 0.15), draws=2000, seed=42)
    a = r.monte_carlo(10_000_000, 2_000_000, 1.5, **kwargs)
    b = r.monte_carlo(10_000_000, 2_000_000, 1.5, **kwargs)
    assert a["summary"].equals(b["summary"])
    s = a["summary"].set_index("statistic")
    assert s.loc["completion_year", "p50"] == 2031.0 + 103.0 / 365.0  # same constant as clearance_forecast_test.cpp
    assert s.loc["funding_gap", "p50"] == 672908.38800870255
    assert list(a["fan"]["year"]) == list(range(2025, 2031))


def test_evidence_is_read_as_the_files_read_it():
    # The same keyword rule as the CSV loaders: case and blanks ignored, empty = reported,
    # anything else a ParseError with rule "evidence".
    p = aidtrack.Portfolio()
    s = p.results
    s.add_hazard("H1", "Battambang", "CHA", "AP", 100_000, dt.date(2019, 3, 1))
    s.add_release("H1", dt.date(2020, 2, 1), "cancelled", 30_000, evidence=" Derived ")
    s.add_release("H1", dt.date(2020, 3, 1), "cancelled", 10_000, evidence="")
    assert list(r.releases(p)["evidence"]) == ["derived", "reported"]
    with pytest.raises(aidtrack.ParseError) as caught:
        s.add_release("H1", dt.date(2020, 4, 1), "cancelled", 5_000, evidence="guessed")
    assert caught.value.rule == "evidence"
    assert len(r.releases(p)) == 2
