"""aidtrack.coordination: classes, CSV loading, DataFrames and the archive round trip."""
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import aidtrack
from aidtrack import coordination as co

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "coordination"


@pytest.fixture()
def store():
    return co.load_coordination_dir(FIXTURES / "good")


def test_loads_fixture_records(store):
    assert [f.ref for f in store.forums] == ["TWG-MA"]
    twg = store.forums[0]
    assert twg.members[0].role == co.ForumRole.chair
    assert twg.meetings[0].date == dt.date(2023, 3, 1)
    assert store.agreements[0].signed_on == dt.date(2011, 4, 4)
    assert store.tenders[0].bids[0].technical_score == Decimal("90")


def test_overdue_action_points(store):
    frame = co.open_action_points(store, dt.date(2023, 5, 15))
    assert isinstance(frame, pd.DataFrame)
    # AP1 due 2023-04-30 → 15 days overdue on 2023-05-15; AP3 due 06-30 not yet.
    assert list(frame["action"]) == ["AP1", "AP3"]
    assert list(frame["days_overdue"]) == [15, 0]


def test_deployment_counted_once(store):
    frame = co.cumulative_personnel(store, 2013)
    # D1 (3, spans 2012-2013) once + D3 (2 + 3) = 8.
    assert frame.loc[0, "personnel"] == 8
    assert frame.loc[0, "rotations"] == 2


def test_two_rules_two_winners(store):
    tender = store.tender("RFP-BMC-2014")
    qc = co.rank_bids(tender, "L1")
    # 0.7·90 + 0.3·70 = 84 for B1.
    assert qc.loc[0, "bid"] == "B1"
    assert qc.loc[0, "combined_score"] == Decimal("84")
    lp = co.rank_bids(tender, "L1", co.EvaluationRule.lowest_price(Decimal(70)))
    assert lp.loc[0, "bid"] == "B2"
    assert pd.isna(lp.loc[3, "rank"])


def test_joint_shares_undefined_over_zero(store):
    frame = co.joint_missions_share(store)
    au = frame[(frame.donor == "AU-5") & (frame.year == 2023)].iloc[0]
    assert (au.numerator, au.denominator) == (1, 2)
    assert au.value == 0.5
    empty = frame[(frame.donor == "AU-5") & (frame.year == 2022)].iloc[0]
    assert pd.isna(empty.value)


def test_mutual_accountability(store):
    ma = store.assess_mutual_accountability(2012)
    assert ma.criteria_met == 4 and ma.gpedc7 and ma.paris12
    frame = co.mutual_accountability(store, 2014)
    assert frame.set_index("criterion").loc["gpedc7", "met"] == 0


def test_mapu_workflow(store):
    ranked = co.rank_work_plan(store, "Battambang", 2024, on=dt.date(2024, 1, 10))
    assert list(ranked["ref"]) == ["R3", "R1", "R2", "R5", "R4"]
    store.decide_request("R3", True, dt.date(2024, 1, 20), "PMAC Battambang")
    with pytest.raises(aidtrack.Error):
        store.decide_request("R3", False, dt.date(2024, 1, 21), "PMAC Battambang")
    plan = co.work_plan(store, "Battambang", 2024)
    assert plan.loc[0, "state"] == "approved"
    assert plan.loc[0, "decided_by"] == "PMAC Battambang"


def test_learning_graph(store):
    frame = co.learning_graph(store)
    assert len(frame) == 5
    assert set(frame[frame.from_country == "KH"].to_country) == {"ER", "NP", "CO"}


def test_bad_row_names_file_and_line():
    with pytest.raises(aidtrack.Error, match=r"deployments\.csv:3"):
        co.load_coordination_dir(FIXTURES / "bad")


@pytest.mark.parametrize("fmt", ["binary", "text", "xml"])
def test_portfolio_round_trip(store, fmt):
    portfolio = aidtrack.Portfolio()
    portfolio.coordination = store
    assert not portfolio.coordination.empty()
    back = aidtrack.Portfolio.from_bytes(portfolio.to_bytes(fmt))
    assert back.coordination == store
