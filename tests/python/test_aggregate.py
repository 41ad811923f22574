"""aidtrack.aggregate from Python: hand arithmetic, equality with Portfolio.totals, exact merges
of real IATI files loaded separately, pickling, DataFrames."""
from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from pathlib import Path

import pandas
import pandas.testing
import pytest

import aidtrack
from aidtrack._frames import table_frame
from aidtrack.aggregate import AggregateResult, aggregate, merge_all

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "iati" / "real"


def rates() -> aidtrack.ExchangeRates:
    r = aidtrack.ExchangeRates()
    for year in range(2015, 2025):
        r.add("EUR", aidtrack.Period.calendar_year(year), 0.8)  # factor EUR→USD = 1 / 0.8 = 1.25
    return r


def tiny() -> aidtrack.Portfolio:
    p = aidtrack.Portfolio()
    for ident, donor in [("A0", "D1"), ("A1", "D2")]:
        a = aidtrack.Activity(ident)
        org = aidtrack.ReportingOrg()
        org.ref = donor
        a.reporting_org = org
        p.add_activity(a)
    for activity, date, value, currency in [(0, "2020-03-01", "100.00", "USD"), (0, "2020-08-01", "1000.00", "EUR"),
                                            (1, "2021-01-10", "7.00", "USD")]:
        p.add_transaction(aidtrack.Transaction(activity, 3, dt.date.fromisoformat(date),
                                               aidtrack.Money(Decimal(value), currency)))
    return p


def test_hand_computed_cells_and_frame():
    result = aggregate(tiny(), [("A0", "1.1", 60), ("A0", "2.3", "40")], rates=rates(),
                       calendar=aidtrack.FiscalCalendar(7, 1), types=[3])
    records = {(d, fy, o): v for d, fy, o, v, _n in result.records()}
    assert records[("D1", 2019, "1.1")] == Decimal("60")     # 100 × 60 %
    assert records[("D1", 2019, "2.3")] == Decimal("40")     # 100 × 40 %
    assert records[("D1", 2020, "1.1")] == Decimal("750")    # 1000 / 0.8 = 1250 × 60 %
    assert records[("D1", 2020, "2.3")] == Decimal("500")    # 1250 × 40 %
    assert records[("D2", 2020, "(unmapped)")] == Decimal("7")  # 2021-01-10 is in FY2020-21
    assert result.total() == Decimal("1357")                 # 100 + 1250 + 7
    assert result.donors == ["D1", "D2"]                       # each once, sorted
    assert result.objectives == ["(unmapped)", "1.1", "2.3"]  # "(" sorts before digits
    frame = result.frame()
    assert list(frame.columns) == ["donor", "fiscal_year", "objective", "value", "currency", "transactions"]
    assert len(frame) == 5 and set(frame["currency"]) == {"USD"}
    # Merged with a result naming another donor, the names are united.
    other = AggregateResult("USD", 7, 1, [("D0", 2020, "9.9", Decimal("1"), 1)])
    assert result.merge(other).donors == ["D0", "D1", "D2"]
    assert result.objectives == ["(unmapped)", "1.1", "2.3", "9.9"]


def test_pickle_round_trip_is_exact_and_merge_needs_the_same_currency():
    result = aggregate(tiny(), rates=rates())
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.records() == result.records()
    with pytest.raises(aidtrack.CurrencyError):
        AggregateResult("KHR").merge(result)


def test_missing_rate_raises():
    with pytest.raises(aidtrack.RateNotFoundError):
        aggregate(tiny(), rates=aidtrack.ExchangeRates())


@pytest.fixture(scope="module")
def imf() -> aidtrack.ExchangeRates:
    return aidtrack.ExchangeRates.from_imf_csv(str(REPO / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv"))


FILES = ["undp-cambodia-projects.xml", "nl-mfa-activities.xml", "worldbank-activity.xml", "canada-activity.xml"]


def test_real_files_merge_into_the_union_and_match_totals(imf):
    paths = [str(REAL / f) for f in FILES]
    whole = aidtrack.load_iati(paths)
    fixed = aidtrack.ConversionPolicy.fixed_year(2020)  # every currency of these files has a 2020 rate
    one = aggregate(whole, rates=imf, policy=fixed, types=[3, 4])
    parts = [aggregate(aidtrack.load_iati(p), rates=imf, policy=fixed, types=[3, 4]) for p in paths]
    assert merge_all(parts) == one
    assert merge_all(reversed(parts)) == one
    assert one.total() > 0
    # Without a mapping the cells equal Portfolio.totals by reporting org and fiscal year.
    totals = whole.totals(["reporting_org", "fiscal_year"], types=[3, 4], currency="USD", rates=imf, policy=fixed)
    expected = {(r.reporting_org, int(r.fiscal_year)): r.value for r in totals.itertuples()}
    got = {(d, fy): v for d, fy, _o, v, _n in one.records()}
    assert got == expected


def test_frame_and_records_built_from_the_cells_equal_the_table_path(imf):
    # frame() and records() are built straight from the sorted cells, sharing one str per donor
    # and objective; they must equal what the generic Table conversion gives, value for value.
    whole = aidtrack.load_iati([str(REAL / f) for f in FILES])
    shares = [(a.identifier, "1.1", 60) for a in whole.activities()[::3]]
    shares += [(a.identifier, "2.3", 40) for a in whole.activities()[::3]]
    result = aggregate(whole, shares, rates=imf, policy=aidtrack.ConversionPolicy.fixed_year(2020), types=[3, 4])
    assert len(result) > 20 and {o for _d, _y, o, _v, _n in result.records()} == {"1.1", "2.3", "(unmapped)"}
    fast, generic = result.frame(), table_frame(result._table())
    pandas.testing.assert_frame_equal(fast, generic, check_exact=True)
    assert fast.attrs == generic.attrs and len(fast) == len(result)
    columns = ["donor", "fiscal_year", "objective", "value", "transactions"]
    assert result.records() == [(d, int(y), o, v, int(n)) for d, y, o, v, n in generic[columns].itertuples(index=False)]
    assert all(isinstance(v, Decimal) for v in fast["value"])
    # An empty result keeps the columns, their kinds (text stays object, not the float pandas
    # guesses for an empty list) and the notes.
    empty = AggregateResult("KHR", 1, 1).frame()
    assert empty.dtypes.astype(str).to_dict() == {"donor": "object", "fiscal_year": "Int64", "objective": "object",
                                                  "value": "object", "currency": "object", "transactions": "Int64"}
    assert len(empty) == 0 and empty.attrs == generic.attrs
    assert AggregateResult().records() == []


def test_an_objective_mapping_built_once_gives_what_the_list_gives(imf):
    whole = aidtrack.load_iati([str(REAL / f) for f in FILES])
    ids = [a.identifier for a in whole.activities()]
    # Tuples with percentages as int, str, float and Decimal, ActivityShare records, an activity the
    # portfolio lacks, and the activities in reverse order (not the portfolio's own).
    shares = [(i, "1.1", 60) for i in ids[::4]] + [(i, "2.3", "40") for i in ids[::4]]
    shares += [(i, "3.1", 12.5) for i in ids[1::4]] + [aidtrack.ActivityShare(i, "3.2", "87.5") for i in ids[1::4]]
    shares += [("XM-NOT-HERE-1", "1.1", Decimal("100"))] + [(i, "4.1") for i in reversed(ids[2::4])]
    mapping = aidtrack.ObjectiveMapping(shares)
    assert len(mapping) == len(shares) and repr(mapping) == f"<ObjectiveMapping {len(shares)} shares>"
    assert [(s.activity_id, s.code, s.percentage) for s in mapping.shares()[-2:]] == [
        (ids[2::4][1], "4.1", None), (ids[2::4][0], "4.1", None)]  # in the order given
    kwargs = dict(rates=imf, policy=aidtrack.ConversionPolicy.fixed_year(2020), types=[3, 4])
    from_list = aggregate(whole, shares, **kwargs)
    assert aggregate(whole, mapping, **kwargs) == from_list
    assert aggregate(whole, mapping, threads=2, **kwargs) == from_list  # reused, unchanged
    assert {o for _d, _y, o, _v, _n in from_list.records()} == {"1.1", "2.3", "3.1", "3.2", "4.1", "(unmapped)"}
    # 12.5 % read from the float's text: the share is exactly 12.5, as Decimal("12.5") would be.
    assert mapping.shares()[len(ids[::4]) * 2].percentage == Decimal("12.5")
    assert pickle.loads(pickle.dumps(mapping)).shares()[0].percentage == Decimal("60")
    assert aggregate(whole, pickle.loads(pickle.dumps(mapping)), **kwargs) == from_list
    for bad in [["A0"], [("A0",)], [("A0", "1.1", 50, "extra")], [42]]:
        with pytest.raises(TypeError, match="an objective share is"):
            aidtrack.ObjectiveMapping(bad)
    with pytest.raises(aidtrack.Error, match="cannot read 'sixty' as a decimal"):
        aidtrack.ObjectiveMapping([("A0", "1.1", "sixty")])
