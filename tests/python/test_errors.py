"""Errors say where: every aidtrack.Error subclass carries rule, file, line and element as
attributes (None when unknown), and so do the Diagnostic records and the diagnostics frames."""
from __future__ import annotations

import csv
import datetime as dt
import pickle
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import aidtrack

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "data" / "bad"

SUBCLASSES = ["ParseError", "ValidationError", "CurrencyError", "RateNotFoundError", "IoError", "ArchiveError",
              "NotFoundError", "OverflowError"]


def _usd(amount: str) -> aidtrack.Money:
    return aidtrack.Money(Decimal(amount), "USD")


def _rates() -> aidtrack.ExchangeRates:
    return aidtrack.ExchangeRates.from_imf_csv(str(REPO / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv"))


# One real way to make each subclass, and what it knows about where: (file, line, element, rule),
# where True means "set, checked below" and None "unknown".
TRIGGERS = {
    "ParseError": (lambda: aidtrack.load_iati(str(BAD / "date_february_30.xml"), strict=True),
                   (str(BAD / "date_february_30.xml"), 11, True, "date-valid")),
    "ValidationError": (lambda: aidtrack.load_iati(str(BAD / "percentage_250.xml"), strict=True),
                        (str(BAD / "percentage_250.xml"), 9, True, "percentage-range")),
    "CurrencyError": (lambda: _usd("1") + aidtrack.Money(Decimal(1), "KHR"), (None, None, None, "one-currency-per-sum")),
    "RateNotFoundError": (lambda: _rates().per_usd("KHR", dt.date(1950, 1, 1)), (None, None, None, "rate-available")),
    "IoError": (lambda: aidtrack.load_iati(str(BAD / "no-such-file.xml"), strict=True),
                (str(BAD / "no-such-file.xml"), None, None, "file-readable")),
    "ArchiveError": (lambda: aidtrack.Portfolio.load(str(BAD / "archive_truncated.atk")),
                     (str(BAD / "archive_truncated.atk"), None, None, True)),
    "NotFoundError": (lambda: aidtrack.Portfolio().activity("XM-NOPE"), (None, None, None, None)),
    # 9e28 + 9e28 passes the 128-bit count of 10^-9 units (about 1.7e29).
    "OverflowError": (lambda: _usd("9" + "0" * 28) + _usd("9" + "0" * 28), (None, None, None, None)),
}


def test_every_subclass_has_a_trigger():
    assert sorted(TRIGGERS) == sorted(SUBCLASSES)
    assert sorted(n for n in dir(aidtrack) if isinstance(getattr(aidtrack, n), type)
                  and issubclass(getattr(aidtrack, n), aidtrack.Error) and n != "Error") == sorted(SUBCLASSES)


@pytest.mark.parametrize("name", SUBCLASSES)
def test_each_subclass_carries_its_place_and_rule(name):
    trigger, (file, line, element, rule) = TRIGGERS[name]
    cls = getattr(aidtrack, name)
    with pytest.raises(cls) as info:
        trigger()
    error = info.value
    assert type(error) is cls and isinstance(error, aidtrack.Error)
    for attribute, want in (("file", file), ("line", line), ("element", element), ("rule", rule)):
        got = getattr(error, attribute)
        if want is None:
            assert got is None, f"{name}.{attribute} = {got!r}"
        elif want is True:
            assert isinstance(got, str) and got, f"{name}.{attribute} = {got!r}"
        else:
            assert got == want, f"{name}.{attribute} = {got!r}"
    # The text is the C++ what(): the place first, the rule last; `message` is the bare text.
    text = str(error)
    assert error.message and error.message in text
    if error.file is not None:
        assert text.startswith(error.file + (f":{error.line}" if error.line else ""))
    if error.rule is not None:
        assert text.endswith(f"[{error.rule}]")


def test_the_corpus_errors_have_the_expected_line_and_rule():
    rows = list(csv.DictReader(open(BAD / "expected.csv", newline="")))
    checked = 0
    for row in rows:
        if row["reader"] != "iati" or row["mode"] != "strict" or row["outcome"] == "ok":
            continue
        path = str(BAD / row["file"])
        with pytest.raises(aidtrack.Error) as info:
            aidtrack.load_iati(path, strict=True)
        assert (info.value.file, info.value.line, info.value.rule) == (path, int(row["line"]), row["rule"]), row
        checked += 1
    assert checked >= 10


def test_errors_made_in_python_take_the_same_keywords_and_survive_pickling():
    error = aidtrack.ParseError("no date", file="meetings.csv", line=3, element="date", rule="date-valid")
    assert (error.file, error.line, error.element, error.rule, error.message) == (
        "meetings.csv", 3, "date", "date-valid", "no date")
    assert str(error) == "no date"
    plain = aidtrack.ValidationError("bad")
    assert (plain.file, plain.line, plain.element, plain.rule, plain.message) == (None, None, None, None, "bad")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is aidtrack.ParseError and (copy.file, copy.line, copy.rule) == ("meetings.csv", 3, "date-valid")
    with pytest.raises(TypeError):
        aidtrack.Error("x", "positional file is refused")  # type: ignore[misc]


def test_diagnostics_carry_the_same_fields_as_errors():
    path = str(BAD / "date_february_30.xml")
    portfolio = aidtrack.load_iati(path)  # lenient: problems become diagnostics
    by_rule = {d.rule: d for d in portfolio.diagnostics()}
    parse = by_rule["date-valid"]
    assert (parse.kind, parse.file, parse.line, parse.rule) == ("ParseError", path, 11, "date-valid")
    assert isinstance(parse.element, str) and parse.element
    # A diagnostic without a place has None, not "" or 0.
    bare = aidtrack.Portfolio()
    bare.add_diagnostic_message("checked by hand")
    (d,) = bare.diagnostics()
    assert (d.file, d.line, d.element, d.rule) == (None, None, None, None)


def test_diagnostics_frames_have_none_for_unknown_parts():
    path = str(BAD / "date_february_30.xml")
    portfolio = aidtrack.load_iati(path)
    portfolio.add_diagnostic_message("checked by hand")
    frame = portfolio.warnings_frame()
    known = frame[frame["rule"] == "date-valid"].iloc[0]
    assert (known["file"], known["line"], known["rule"]) == (path, 11, "date-valid")
    unknown = frame.iloc[-1]
    assert unknown["message"] == "checked by hand"
    assert unknown["file"] is None and unknown["rule"] is None and unknown["element"] is None
    assert pd.isna(unknown["line"])
    # The validator's problems frame follows the same rule.
    problems, valid = aidtrack.validate_iati([str(BAD / "not_xml.xml")])
    assert not valid and problems["file"].iloc[0] == str(BAD / "not_xml.xml")
    assert all(v is None or (isinstance(v, str) and v) for v in problems["element"])
    assert all(v is None or (isinstance(v, str) and v) for v in problems["rule"])
