"""The Portfolio from Python: building, DataFrames from columns, totals, archives, lifetimes."""
from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import aidtrack


def sample() -> aidtrack.Portfolio:
    p = aidtrack.Portfolio()
    a = aidtrack.Activity("XM-DAC-41114-PROJECT-00090541")
    org = aidtrack.ReportingOrg()
    org.ref = "XM-DAC-41114"
    a.reporting_org = org
    a.recipient_countries = [aidtrack.CountryShare("KH", Decimal(50)), aidtrack.CountryShare("LA", Decimal(30))]
    i = p.add_activity(a)
    for date, value, currency in [("2016-06-30", "1000000.50", "USD"), ("2016-07-01", "2000000.25", "USD"),
                                  ("2017-01-15", "4110652.746415772", "KHR")]:
        t = aidtrack.Transaction(i, 3, dt.date.fromisoformat(date), aidtrack.Money(Decimal(value), currency))
        t.provider_org = "AU-5"
        p.add_transaction(t)
    return p


def test_transactions_frame_has_the_contract_columns():
    frame = sample().transactions_frame()
    assert isinstance(frame, pd.DataFrame)
    for column in ("activity_id", "type", "date", "value", "currency", "value_date", "provider_org", "receiver_org"):
        assert column in frame.columns
    assert len(frame) == 3
    assert frame["value"].dtype == np.float64
    assert isinstance(frame["provider_org"].dtype, pd.CategoricalDtype)
    assert list(frame["currency"]) == ["USD", "USD", "KHR"]
    assert frame["date"].iloc[0] == pd.Timestamp("2016-06-30")
    assert pd.isna(frame["value_date"].iloc[0])
    exact = sample().transactions_frame(exact=True)
    assert exact["value_exact"].iloc[2] == Decimal("4110652.746415772")


def test_transactions_frame_matches_the_validated_pandas_construction():
    """The frame's fast categoricals equal what pandas' own checked constructors give, on real data."""
    real = Path(__file__).resolve().parents[2] / "tests" / "data" / "iati" / "real"
    files = sorted(real.glob("*.xml"))
    assert len(files) == 18
    p = aidtrack.iati.load_iati(files)
    frame = p.transactions_frame()
    cols = p._transaction_columns()  # the library's own columns, as views
    pool = pd.Index(p._transaction_strings())
    for name in ("provider_org", "receiver_org", "sector_code", "aid_type", "ref"):
        checked = pd.Categorical.from_codes(np.asarray(cols[name], dtype=np.int64), categories=pool)
        assert frame[name].array.equals(checked), name
        assert frame[name].cat.codes.dtype == checked.codes.dtype  # pandas' own narrowing
    ids = pd.Categorical.from_codes(np.asarray(cols["activity"], dtype=np.int64), categories=p._activity_identifiers())
    assert frame["activity_id"].array.equals(ids)
    # Currencies decoded independently from the packed 16-bit code (A=0: ((c0*26)+c1)*26+c2, plus one).
    packed = np.asarray(cols["currency"], dtype=np.int64) - 1
    names = ["".join(chr(65 + d) for d in ((v // 676), (v // 26) % 26, v % 26)) if v >= 0 else "" for v in packed]
    assert list(frame["currency"].astype(str)) == names
    assert frame["value"].to_numpy().tolist() == np.asarray(cols["value"]).tolist()
    # Each value is the nearest double to the exact amount (Python's float(Decimal) rounds once),
    # on both sides of 2^53 units of 10^-9 (about 9 007 199.25), where the conversion changes path.
    exact = [Decimal(text) for text in p._transaction_values_exact()]
    assert frame["value"].tolist() == [float(d) for d in exact]
    assert sum(abs(d) >= Decimal(2**53) / 10**9 for d in exact) > 10 and sum(abs(d) < 9_000_000 for d in exact) > 10
    del p
    gc.collect()
    assert frame["provider_org"].notna().sum() > 0  # the frame owns its data


def test_totals_by_fiscal_year_and_country_split():
    p = sample()
    by_fy = p.totals(["fiscal_year", "currency"], types=[3], calendar=aidtrack.FiscalCalendar.preset("australia"))
    # 2016-06-30 → FY2015-16, 2016-07-01 and 2017-01-15 → FY2016-17.
    assert list(by_fy["fiscal_year"]) == [2015, 2016, 2016]
    usd = by_fy[(by_fy.fiscal_year == 2016) & (by_fy.original_currency == "USD")]
    assert usd["value"].iloc[0] == Decimal("2000000.25")
    split = p.totals(["country", "currency"], types=[3])
    # 1,000,000.50 + 2,000,000.25 = 3,000,000.75 USD split 50:30 → KH 5/8 = 1,875,000.46875, LA 3/8 = 1,125,000.28125.
    kh = split[(split.country == "KH") & (split.original_currency == "USD")]["value"].iloc[0]
    la = split[(split.country == "LA") & (split.original_currency == "USD")]["value"].iloc[0]
    assert kh == Decimal("1875000.46875") and la == Decimal("1125000.28125")
    assert kh + la == Decimal("3000000.75")
    assert any("scaled to 100" in note for note in split.attrs["notes"])
    with pytest.raises(aidtrack.CurrencyError):
        p.totals(["provider_org"])


@pytest.mark.parametrize("fmt", ["binary", "text", "xml"])
def test_save_and_load_round_trip(tmp_path, fmt):
    p = sample()
    path = tmp_path / f"p.{fmt}.atk"
    p.save(str(path), fmt)
    q = aidtrack.Portfolio.load(str(path))
    assert q == p
    assert q.transaction(2).value.amount == Decimal("4110652.746415772")


def test_corrupted_archive_raises_archive_error(tmp_path):
    path = tmp_path / "p.atk"
    sample().save(str(path))
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(aidtrack.ArchiveError, match="checksum"):
        aidtrack.Portfolio.load(str(path))
    with pytest.raises(aidtrack.IoError):
        aidtrack.Portfolio.load(str(tmp_path / "missing.atk"))


def test_golden_archive_loads(repo):
    p = aidtrack.Portfolio.load(str(repo / "tests" / "data" / "golden" / "portfolio-format1.binary.atk"))
    assert p.activity_count == 2
    assert p.find_activity("AU-5-INM123") == 1
    assert p.find_activities(["AU-5-INM123", "none", "AU-5-INM123"]) == [1, None, 1]
    assert p.find_activities([]) == []


def test_columns_keep_the_portfolio_alive():
    cols = sample()._transaction_columns()  # the Portfolio itself is dropped here
    gc.collect()
    assert cols["type"].tolist() == [3, 3, 3]
    assert cols["activity"].base is not None


def test_add_activities_in_bulk_is_all_or_nothing():
    p = aidtrack.Portfolio()
    with pytest.raises(aidtrack.ValidationError):
        p.add_activities([aidtrack.Activity("XM-A"), aidtrack.Activity("XM-A")])
    assert p.activity_count == 0
    p.add_activities([aidtrack.Activity("XM-A"), aidtrack.Activity("XM-B")])
    assert [a.identifier for a in p.activities()] == ["XM-A", "XM-B"]


def test_subset_keeps_the_chosen_activities_and_their_money():
    p = aidtrack.datasets.cambodia()
    ids = ["AIDTRACK-KH-CFR-4", "AIDTRACK-KH-LM-INTL"]
    s = p.subset(ids)
    assert sorted(a.identifier for a in s.activities()) == sorted(ids)
    full = p.transactions_frame()
    kept = full[full["activity_id"].isin(ids)]
    got = s.transactions_frame()
    assert len(got) == len(kept)
    assert sum(got["value"]) == sum(kept["value"])  # exact Decimals: nothing lost or added
    assert len(s.organisations()) == len(p.organisations())
    with pytest.raises(aidtrack.NotFoundError):
        p.subset(["NO-SUCH-ACTIVITY"])


def test_published_series_ids_come_from_the_library():
    from aidtrack.datasets import PUBLISHED_SERIES
    cambodia = aidtrack.datasets.cambodia(iati=False)
    assert PUBLISHED_SERIES["international"] == "AIDTRACK-KH-LM-INTL"
    assert PUBLISHED_SERIES["national"] == "AIDTRACK-KH-RGC-NATIONAL"
    # The dataset builds both series under exactly those identifiers.
    assert cambodia.find_activity(PUBLISHED_SERIES["international"]) is not None
    assert cambodia.find_activity(PUBLISHED_SERIES["national"]) is not None


def _same_activities(source: aidtrack.Portfolio) -> aidtrack.Portfolio:
    p = aidtrack.Portfolio()
    p.add_activities(source.activities())
    return p


def test_add_transactions_copies_a_real_files_rows_exactly(real_iati):
    # Every transaction of two real publishers' files, through a DataFrame and back: the frames
    # of both portfolios are equal value for value (value_exact: Decimal), text for text.
    source = aidtrack.load_iati([real_iati / "dportal-covid.xml", real_iati / "canada-activity.xml"], progress=False)
    assert source.transaction_count > 1000
    frame = source.transactions_frame(exact=True)
    copy = _same_activities(source)
    assert copy.add_transactions(frame) == len(frame)
    assert copy.transaction_count == source.transaction_count
    pd.testing.assert_frame_equal(copy.transactions_frame(exact=True), frame, check_categorical=False)
    assert copy._transaction_values_exact() == source._transaction_values_exact()
    # Added to a portfolio that already has rows: the strings are interned again, rows appended.
    assert copy.add_transactions(frame.head(3)) == 3
    assert copy.transaction_count == source.transaction_count + 3
    assert copy.transaction(source.transaction_count) == source.transaction(0)


def test_add_transactions_keeps_money_exact_from_text_floats_and_decimals():
    p = aidtrack.Portfolio()
    p.add_activity(aidtrack.Activity("XM-A"))
    frame = pd.DataFrame({
        "activity_id": ["XM-A", "XM-A", "XM-A"],
        "type": [3, 4, 3],
        "date": ["2020-01-31", "2020-02-29", "2021-03-01"],
        "value": [1234.56, "0.1", Decimal("4110652.746415772")],
        "currency": ["USD", "USD", "KHR"],
        "provider_org": ["AU-5", "", None],
    })
    assert p.add_transactions(frame) == 3
    got = p.transactions_frame(exact=True)
    # 1234.56 is taken as written (repr), not as its binary expansion 1234.55999999999994543031789362430572509765625.
    assert got["value_exact"].tolist() == [Decimal("1234.56"), Decimal("0.1"), Decimal("4110652.746415772")]
    assert got["date"].dt.strftime("%Y-%m-%d").tolist() == ["2020-01-31", "2020-02-29", "2021-03-01"]
    assert got["provider_org"].astype(str).tolist() == ["AU-5", "", ""]
    assert p.transaction(2).value.currency == "KHR"
    # USD rows: 1234.56 + 0.1 = 1234.66 exactly.
    usd = got[got["currency"] == "USD"]["value_exact"]
    assert sum(usd) == Decimal("1234.66")


def test_add_transactions_names_the_refused_row_and_adds_nothing():
    p = aidtrack.Portfolio()
    p.add_activity(aidtrack.Activity("XM-A"))
    good = {"activity_id": "XM-A", "type": 3, "date": "2020-01-01", "value": "10", "currency": "USD"}
    cases = [
        (dict(good, activity_id="XM-NONE"), aidtrack.NotFoundError, "row r2: no activity 'XM-NONE'"),
        (dict(good, type=14), aidtrack.ValidationError, "row r2: transaction type 14"),
        (dict(good, value="ten"), aidtrack.ValidationError, "row r2: value 'ten'"),
        (dict(good, currency="usd"), aidtrack.Error, "usd"),
    ]
    for bad, error, text in cases:
        frame = pd.DataFrame([good, good, bad], index=["r0", "r1", "r2"])
        with pytest.raises(error, match=text):
            p.add_transactions(frame)
        assert p.transaction_count == 0
    with pytest.raises(KeyError, match="currency"):
        p.add_transactions(pd.DataFrame([{k: v for k, v in good.items() if k != "currency"}]))
    with pytest.raises(aidtrack.ValidationError, match="needs a date"):
        p.add_transactions(pd.DataFrame([dict(good, date=None)]))
    assert p.transaction_count == 0


def test_bulk_columns_of_unequal_length_are_refused():
    # The private bulk entry point checks what the DataFrame path guarantees: a cell per row.
    p = aidtrack.Portfolio()
    p.add_activity(aidtrack.Activity("XM-A"))
    cols = {"activity": np.zeros(2, np.int64), "type": np.array([3]), "date": np.zeros(2, np.int64),
            "value_date": np.zeros(2, np.int64), "value": ["1", "2"], "currency": (np.zeros(2, np.int64), ["USD"]),
            "humanitarian": np.zeros(2, np.int64), "line": np.zeros(2, np.int64)}
    cols.update({name: None for name in aidtrack._frames._TEXT_COLUMNS})
    with pytest.raises(aidtrack.ValidationError, match="column type has 1 rows, not 2"):
        p._add_transaction_columns(cols, ["a", "b"])
    assert p.transaction_count == 0


def test_transaction_extent_spans_the_dates_and_currencies_and_follows_new_rows():
    p = sample()
    extent = p.transaction_extent()
    assert extent.first_date == dt.date(2016, 6, 30)
    assert extent.last_date == dt.date(2017, 1, 15)
    assert extent.currencies == ["KHR", "USD"]  # alphabetical, each once
    assert repr(extent) == "TransactionExtent(2016-06-30 to 2017-01-15, currencies=['KHR', 'USD'])"
    t = aidtrack.Transaction(0, 3, dt.date(2015, 1, 2), aidtrack.Money(Decimal("5"), "EUR"))
    t.value_date = dt.date(2014, 12, 31)  # the value date is the earliest day now
    p.add_transaction(t)
    extent = p.transaction_extent()
    assert extent.first_date == dt.date(2014, 12, 31)
    assert extent.currencies == ["EUR", "KHR", "USD"]
    empty = aidtrack.Portfolio().transaction_extent()
    assert empty.first_date is None and empty.last_date is None and empty.currencies == []


def test_reporting_org_codes_match_the_activities_in_order():
    real = Path(__file__).resolve().parents[2] / "tests" / "data" / "iati" / "real"
    p = aidtrack.iati.load_iati(sorted(real.glob("*.xml")))
    codes, refs = p.reporting_org_codes()
    assert codes.dtype == np.uint32 and len(codes) == p.activity_count
    expected_codes, expected_refs = pd.factorize(pd.Series([a.reporting_org.ref for a in p.activities()]))
    assert refs == list(expected_refs)  # first seen first, each once
    assert (codes == expected_codes).all()
    assert len(refs) > 1
    empty_codes, empty_refs = aidtrack.Portfolio().reporting_org_codes()
    assert len(empty_codes) == 0 and empty_refs == []


def test_transaction_extent_of_the_real_files_matches_the_frame():
    real = Path(__file__).resolve().parents[2] / "tests" / "data" / "iati" / "real"
    p = aidtrack.iati.load_iati(sorted(real.glob("*.xml")))
    frame = p.transactions_frame()
    extent = p.transaction_extent()
    days = pd.concat([frame["date"], frame["value_date"]]).dropna()
    assert pd.Timestamp(extent.first_date) == days.min()
    assert pd.Timestamp(extent.last_date) == days.max()
    assert extent.currencies == sorted(frame["currency"].astype(str).unique())


def _sample_rows_repeated(times: int) -> aidtrack.Portfolio:
    """A portfolio of one activity holding `times` copies of the sample's three transactions."""
    p = aidtrack.Portfolio()
    p.add_activity(aidtrack.Activity("A"))
    rows = sample().transactions_frame()
    big = rows.iloc[np.tile(np.arange(3), times)].reset_index(drop=True)
    big["activity_id"] = "A"
    assert p.add_transactions(big) == 3 * times
    return p


def test_large_frame_columns_outlive_the_portfolio_and_each_other():
    # 70 000 copies of the sample's three rows: the 8-byte columns (210 000 rows, 1.7 MB) come from
    # the shared blocks a large frame's columns are carved out of, the one-byte codes from numpy.
    p = _sample_rows_repeated(70_000)
    frame = p.transactions_frame()
    # 1 000 000.50 + 2 000 000.25 + 4 110 652.746415772 = 7 110 653.496415772, 70 000 times.
    assert frame["value"].sum() == pytest.approx(7_110_653.496415772 * 70_000, rel=1e-12)
    columns = p._transaction_frame_columns()
    value, date = columns["value"], columns["date"]
    assert value.nbytes >= 1 << 20 and value.flags.writeable
    del columns, p, frame
    gc.collect()
    assert value[:3].tolist() == [1000000.5, 2000000.25, 4110652.746415772]
    assert str(date[0]) == "2016-06-30T00:00:00.000000000" and date[-1] == np.datetime64("2017-01-15")
    value[0] = 1.0  # its own memory, still held after the other arrays of its block are gone
    assert value[0] == 1.0


def test_a_large_frame_reuses_the_memory_of_the_one_before():
    # 210 000 rows: value, date and value_date (1.7 MB each) come from a block of huge pages,
    # which is kept when the frame is gone and taken again by the next one.
    p = _sample_rows_repeated(70_000)
    first = p.transactions_frame()
    expected = first.copy(deep=True)
    del first
    gc.collect()
    kept = aidtrack._core._frame_memory_kept()
    assert kept >= 16 << 20  # at least one block, whole huge pages
    again = p.transactions_frame()
    assert aidtrack._core._frame_memory_kept() < kept  # taken again, not mapped afresh
    assert again.equals(expected)  # every element written anew
    assert list(again.dtypes) == list(expected.dtypes)
