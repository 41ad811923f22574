"""The core value types seen from Python: exact money, fiscal calendars, exchange rates, errors."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import aidtrack


def test_version_is_exposed():
    assert aidtrack.__version__ == aidtrack.library_version()


def test_money_is_exact_and_refuses_mixed_currencies():
    # 0.1 + 0.2 is exactly 0.3 (binary floats give 0.30000000000000004).
    total = aidtrack.Money(Decimal("0.1"), "USD") + aidtrack.Money(Decimal("0.2"), "USD")
    assert total.amount == Decimal("0.3")
    assert total.currency == "USD"
    with pytest.raises(aidtrack.CurrencyError):
        aidtrack.Money(Decimal(1), "USD") + aidtrack.Money(Decimal(4100), "KHR")
    with pytest.raises(aidtrack.CurrencyError):
        aidtrack.Money(Decimal(1), "XYZ")
    with pytest.raises(aidtrack.ParseError):
        aidtrack.Money("1,000.00", "USD")


def test_errors_form_one_hierarchy():
    for name in ("ParseError", "ValidationError", "CurrencyError", "RateNotFoundError", "IoError",
                 "ArchiveError", "NotFoundError", "OverflowError"):
        assert issubclass(getattr(aidtrack, name), aidtrack.Error)
    assert issubclass(aidtrack.Error, Exception)


def test_fiscal_calendar_australia_and_uk():
    au = aidtrack.FiscalCalendar(7, 1)
    assert au.fiscal_year_of(dt.date(2023, 6, 30)) == 2022
    assert au.fiscal_year_of(dt.date(2023, 7, 1)) == 2023
    assert au.label(2023) == "FY2023-24"
    assert aidtrack.FiscalCalendar.preset("united-kingdom").fiscal_year_of(dt.date(2024, 3, 31)) == 2023
    # 1,000,000 over calendar 2023 into Australian years: 181/365 and 184/365 of it.
    pieces = au.prorate(Decimal(1_000_000), aidtrack.Period.calendar_year(2023))
    assert pieces == {2022: Decimal("495890.41"), 2023: Decimal("504109.59")}
    assert sum(pieces.values()) == Decimal(1_000_000)


def test_split_of_a_hundred_in_thirds():
    assert aidtrack.split_by_weights(Decimal(100), [1, 1, 1]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


def test_imf_rates_convert_khr_to_gbp(repo):
    rates = aidtrack.ExchangeRates.from_imf_csv(str(repo / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv"))
    assert rates.per_usd("KHR", dt.date(2023, 6, 1)) == pytest.approx(4110.652746415772)
    conv = rates.convert(aidtrack.Money(Decimal(1_000_000), "KHR"), "GBP", dt.date(2023, 6, 1))
    # 1e6 × 0.8045389067343528 / 4110.652746415772 = 195.7204746…
    assert round(conv.value.amount, 2) == Decimal("195.72")
    assert "IMF" in conv.source
    with pytest.raises(aidtrack.RateNotFoundError, match="KHR.*1950-01-01"):
        rates.per_usd("KHR", dt.date(1950, 1, 1))


def test_plain_rate_csv(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("date,currency,rate\n2023,KHR,4100\n2023,KHR,oops\n")
    with pytest.raises(aidtrack.ParseError, match=r"rates.csv:3"):
        aidtrack.ExchangeRates.from_csv(str(path))
