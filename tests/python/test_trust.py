"""aidtrack.trust: duplicates, exploded splits, secondary reporters, hierarchies, explain()."""
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import aidtrack
from aidtrack import trust

ROOT = Path(__file__).resolve().parents[2]
TRUST = ROOT / "tests" / "data" / "trust"
REAL = ROOT / "tests" / "data" / "iati" / "real"


def test_duplicates_latest_update_wins_and_every_drop_is_listed():
    portfolio, dropped = trust.read_iati_trusted([TRUST / "duplicates_a.xml", TRUST / "duplicates_b.xml"])
    assert isinstance(dropped, pd.DataFrame)
    assert len(dropped) == 5
    assert list(dropped["identifier"]) == ["XM-DUP-1", "XM-DUP-2", "XM-DUP-3", "XM-DUP-4", "XM-DUP-5"]
    tx = portfolio.transactions_frame(exact=True)
    # 250 + 21 + 30 + 41 + 50 = 392.00 (each identifier counted once)
    assert sum(Decimal(str(v)) for v in tx["value"]) == Decimal("392.00")
    _, first = trust.read_iati_trusted([TRUST / "duplicates_a.xml", TRUST / "duplicates_b.xml"], duplicates="first-read")
    assert (first["kept_file"].str.endswith("duplicates_a.xml")).sum() == 4
    with pytest.raises(aidtrack.Error):
        trust.read_iati_trusted([TRUST / "duplicates_a.xml"], duplicates="newest")


def test_exploded_thirds_add_back_to_the_cent():
    portfolio, _ = trust.read_iati_trusted([TRUST / "hierarchy.xml"])
    frame = trust.exploded_frame(portfolio)
    assert len(frame) == portfolio.transactions_frame().shape[0]  # no sectors: one piece each
    rates = aidtrack.ExchangeRates()
    frame = trust.exploded_frame(portfolio, currency="USD", rates=rates)
    assert "value_converted" in frame.columns
    assert sum(frame["value_converted"]) == sum(frame["value"])


def test_exploded_sector_split_100_in_thirds(tmp_path):
    xml = tmp_path / "thirds.xml"
    xml.write_text("""<?xml version="1.0"?>
<iati-activities version="2.03"><iati-activity default-currency="USD">
<iati-identifier>XM-T</iati-identifier><reporting-org ref="XM" type="10"/>
<sector code="15250"/><sector code="15220"/><sector code="43010"/>
<transaction><transaction-type code="3"/><transaction-date iso-date="2023-01-01"/><value>100.00</value></transaction>
</iati-activity></iati-activities>""")
    portfolio, _ = trust.read_iati_trusted(xml)
    frame = trust.exploded_frame(portfolio)
    # 100.00 in thirds = 33.34 + 33.33 + 33.33
    assert list(frame["value"]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    cell = trust.explain(portfolio, sector="15250")
    assert trust.explained_total(cell) == Decimal("33.34")
    assert cell.loc[0, "line"] == 5


def test_secondary_reporters_and_donor_totals():
    portfolio, _ = trust.read_iati_trusted(TRUST / "secondary.xml")
    listed = trust.secondary_reporters_frame(portfolio)
    assert list(listed["activity_id"]) == ["XM-AGG-1", "XM-AGG-2"]
    assert list(listed["counted"]) == [0, 1]
    totals = trust.donor_totals_frame(portfolio).set_index("reporting_org")
    assert totals.loc["XM-AGG", "value"] == Decimal("70.00")  # 500.00 re-reported is left out
    included = trust.donor_totals_frame(portfolio, include_secondary=True).set_index("reporting_org")
    assert included.loc["XM-AGG", "value"] == Decimal("570.00")


def test_hierarchy_counts_budgets_at_the_lowest_level():
    portfolio, _ = trust.read_iati_trusted(TRUST / "hierarchy.xml")
    frame = trust.hierarchy_frame(portfolio)
    row = frame[(frame["root"] == "XM-H-PROG") & (frame["kind"] == "budgets")].iloc[0]
    assert row["levels_counted"] == "2"
    assert row["value_counted"] == Decimal("600.00")
    assert row["value_left_out"] == Decimal("1000.00")


def test_explain_with_fiscal_years_and_deflators():
    portfolio, _ = trust.read_iati_trusted(TRUST / "secondary.xml")
    deflators = trust.Deflators.from_csv(str(TRUST / "deflators.csv"))
    value, source = deflators.deflate(Decimal("1000.00"), "XM-DONOR", 2022, 2023)
    assert value == Decimal("1047.12")  # 1000 x 100 / 95.5
    assert source.startswith("OECD DAC")
    cell = trust.explain(portfolio, reporting_org="XM-DONOR", fiscal_year=2023, deflators=deflators, base_year=2023)
    assert trust.explained_total(cell) == Decimal("500.00")  # 2023 in 2023 prices: unchanged


def test_explain_real_file_adds_back_to_the_published_sums():
    path = REAL / "dportal-covid.xml"
    portfolio, _ = trust.read_iati_trusted(path, duplicates="latest-updated")
    frame = trust.explain(portfolio)
    summary = aidtrack.summarize_iati(portfolio)
    expected = {}
    for key, value in summary["transactions"]["by_type_currency"].items():
        currency = key.split("|")[1]
        expected[currency] = expected.get(currency, Decimal(0)) + Decimal(value)
    got = {}
    for currency, amount in zip(frame["amount_currency"], frame["amount"]):
        got[currency] = got.get(currency, Decimal(0)) + amount
    assert got == expected


def test_reconciliation_frames():
    portfolio, _ = trust.read_iati_trusted(TRUST / "reconcile.xml")
    frame = trust.reconcile_disbursements(portfolio)
    assert list(frame["status"]) == ["differing", "only_a", "matched", "only_b"]
    assert frame.loc[0, "gap"] == Decimal("-20.00")  # 480.00 received - 500.00 disbursed
    gov = trust.reconcile_with_csv(portfolio, TRUST / "government_flows.csv", window_days=20)
    assert list(gov["status"]) == ["matched", "only_a", "matched", "only_b"]
