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


def funding_rows():
    with open(DATA / "cambodia" / "funding.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_donor_flows_of_2022_equal_the_published_international_total(cambodia, opts):
    # Read independently of the library: the 2022 `international` row of funding.csv (37,700,000).
    total = sum(Decimal(r["amount_usd"]) for r in funding_rows() if r["series"] == "international" and r["year"] == "2022")
    assert total == Decimal("37700000")
    flows = m.donor_flows(cambodia, years=[2022], **opts)
    all_row = flows[(flows["donor"] == "(all)") & (flows["fiscal_year"] == 2022)]
    assert list(all_row["amount"]) == [total]  # Japan's 20,100,000 is inside it, not added to it
    assert "KH-RGC" not in set(flows["donor"])  # the government's own 10,000,000 is not a donor's money


def test_named_donor_is_a_part_of_the_total(cambodia, opts):
    rows = funding_rows()
    japan = sum(Decimal(r["amount_usd"]) for r in rows if r["series"] == "international_by_donor" and r["year"] == "2022")
    flows = m.donor_flows(cambodia, years=[2022], donor="provider_org", **opts)
    by_donor = {d: a for d, a in zip(flows["donor"], flows["amount"])}
    assert by_donor["XM-DAC-701"] == japan == Decimal("20100000")
    assert by_donor["AIDTRACK-LM"] == Decimal("37700000") - japan  # the derived rest: 17,600,000
    assert by_donor["(all)"] == Decimal("37700000")


def test_no_year_lists_the_government_as_donor(cambodia, opts):
    flows = m.donor_flows(cambodia, **opts)
    assert "KH-RGC" not in set(flows["donor"])
