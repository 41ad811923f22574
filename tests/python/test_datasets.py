"""The embedded Cambodia dataset counts every amount once: donor measures against funding.csv."""
from __future__ import annotations

import csv
import os
from decimal import Decimal
from pathlib import Path

import pytest

import aidtrack
import aidtrack.measures as m

DATA = Path(os.environ.get("AIDTRACK_DATA_DIR", Path(__file__).resolve().parents[2] / "data"))


@pytest.fixture(scope="module")
def cambodia():
    return aidtrack.datasets.cambodia()


@pytest.fixture(scope="module")
def opts():
    # d-portal's activities hold KRW among USD: convert with the shipped IMF table.
    rates = aidtrack.ExchangeRates.from_imf_csv(str(DATA / "rates" / "imf_exchangerates_A_ENDA_USD.csv"))
    return dict(currency="USD", rates=rates)


def monitor_rows(name):
    with open(DATA / "cambodia" / "monitor" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_donor_flows_of_2022_equal_the_published_international_total(cambodia, opts):
    # Read independently of the library: the Monitor's 2022 total (US$37,696,065).
    total = sum(Decimal(r["international_usd"]) for r in monitor_rows("yearly_totals.csv") if r["year"] == "2022" and r["preferred"] == "1")
    assert total == Decimal("37696065")
    flows = m.donor_flows(cambodia, years=[2022], **opts)
    all_row = flows[(flows["donor"] == "(all)") & (flows["fiscal_year"] == 2022)]
    assert list(all_row["amount"]) == [total]  # the donors are inside it, not added to it
    assert "KH-RGC" not in set(flows["donor"])  # the government's own 10,000,000 is not a donor's money


def test_named_donors_are_the_parts_of_the_total(cambodia, opts):
    rows = [r for r in monitor_rows("donor_contributions.csv") if r["year"] == "2022"]
    flows = m.donor_flows(cambodia, years=[2022], donor="provider_org", **opts)
    by_donor = {d: a for d, a in zip(flows["donor"], flows["amount"])}
    for r in rows:
        assert by_donor[r["donor_ref"]] == Decimal(r["amount_usd"]), r["donor"]
    assert by_donor["XM-DAC-701"] == Decimal("20137928")  # Japan ¥2,647,309,928
    assert by_donor["(all)"] == sum(Decimal(r["amount_usd"]) for r in rows) == Decimal("37696065")


def test_published_tables_and_scope_have_python_faces():
    published = aidtrack.datasets.cambodia_published()
    assert set(published) == {"contributions", "totals", "funding_needs", "land_release"}
    c = published["contributions"]
    assert c[c["year"] == 2010]["amount_usd"].sum() == Decimal("24310742")
    assert c["source"].str.startswith("http").all()
    everything = aidtrack.datasets.cambodia(scope="all")
    assert len(everything.activities_frame()) == len(aidtrack.datasets.cambodia().activities_frame()) + 39
    with pytest.raises(ValueError):
        aidtrack.datasets.cambodia(scope="some")


def test_no_year_lists_the_government_as_donor(cambodia, opts):
    flows = m.donor_flows(cambodia, **opts)
    assert "KH-RGC" not in set(flows["donor"])
