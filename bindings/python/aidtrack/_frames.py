"""Turning the library's columnar results into pandas DataFrames without per-row objects."""
from __future__ import annotations

import html
from decimal import Decimal
from typing import Any, Optional

import numpy as np
import pandas as pd

from . import _core

_TEXT_COLUMNS = (
    "ref", "provider_org", "provider_activity", "receiver_org", "receiver_activity", "aid_type",
    "finance_type", "flow_type", "tied_status", "disbursement_channel", "sector_vocabulary",
    "sector_code", "recipient_country", "recipient_region",
)


def _code_dtype(categories: int) -> type:
    """The integer type pandas keeps categorical codes in for that many categories."""
    if categories < np.iinfo(np.int8).max:
        return np.int8
    if categories < np.iinfo(np.int16).max:
        return np.int16
    if categories < np.iinfo(np.int32).max:
        return np.int32
    return np.int64


def _categorical(codes: np.ndarray, dtype: pd.CategoricalDtype) -> pd.Categorical:
    """Codes the library guarantees to be in range → a Categorical, without pandas re-checking them.

    ``from_codes`` scans every code array twice (min and max) to validate it; the library's codes
    index its own string pool, so that check only costs time. The codes are narrowed to the type
    pandas itself would choose, which keeps the Categorical's invariants; the result owns its
    codes (it is never a view of library memory).
    """
    narrow: np.ndarray = np.asarray(codes).astype(_code_dtype(len(dtype.categories)), copy=False)
    simple_new = getattr(pd.Categorical, "_simple_new", None)
    if simple_new is None:  # a pandas without the constructor: the validated path
        return pd.Categorical.from_codes(narrow, dtype=dtype)
    return simple_new(narrow, dtype)


def transactions_frame(portfolio: Any, *, exact: bool = False) -> pd.DataFrame:
    """All transactions as a DataFrame built from numpy columns.

    Text columns are categoricals over the portfolio's single string pool (no per-row Python
    strings); ``value`` is float64. With ``exact=True`` a ``value_exact`` column of
    :class:`decimal.Decimal` is added (that one does create an object per row). The frame owns
    its data: it stays valid after the portfolio is gone. The memory of its large columns is
    kept for the next frame once this one is gone (at most 1 GiB, which the kernel may take back
    whenever it needs memory), so that building a frame again does not wait for fresh pages.
    """
    cols = portfolio._transaction_frame_columns()
    # One dtype shared by every text column: the pool's categories are checked once.
    text_dtype = pd.CategoricalDtype(pd.Index(portfolio._transaction_strings()))
    activity_ids = pd.Index(portfolio._activity_identifiers())
    currency_codes, currency_names = cols["currency"]
    data: dict[str, Any] = {
        "activity_id": _categorical(cols["activity"], pd.CategoricalDtype(activity_ids))
        if len(activity_ids) else pd.Categorical([]),
        "type": cols["type"],
        "date": cols["date"],
        "value": cols["value"],
        "currency": _categorical(currency_codes, pd.CategoricalDtype(pd.Index(currency_names))),
        "value_date": cols["value_date"],
    }
    for name in _TEXT_COLUMNS:
        data[name] = _categorical(cols[name], text_dtype)
    data["humanitarian"] = cols["humanitarian"]
    data["line"] = cols["line"]
    # The arrays are fresh copies made for this frame: no need for pandas to copy them again.
    frame = pd.DataFrame(data, copy=False)
    if exact:
        frame["value_exact"] = [Decimal(v) for v in portfolio._transaction_values_exact()]
    return frame


def _codes(column: Any) -> tuple[np.ndarray, list[str]]:
    """A text column as categorical codes (-1 where missing or empty) and its categories."""
    cat = pd.Categorical(pd.Series(column, copy=False).astype("string").replace("", pd.NA))
    return np.asarray(cat.codes, dtype=np.int64), [str(c) for c in cat.categories]


def _days(column: Any) -> np.ndarray:
    """Dates (datetime64, Timestamps, date objects or ISO text) as days since 1970, NaT as int64 min."""
    values = pd.to_datetime(pd.Series(column, copy=False), errors="raise")
    days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    return days


def _exact_texts(column: Any) -> list[str]:
    """Values as exact decimal text: Decimal and str as they are, int exactly, float by its
    shortest round-trip text (what a user typed for 1234.56, not its binary expansion)."""
    out = []
    for v in column:
        if isinstance(v, float):
            out.append(repr(v) if v == v else "nan")
        else:
            out.append(str(v))
    return out


def add_transactions(portfolio: Any, frame: pd.DataFrame) -> int:
    """Add every row of ``frame`` as a transaction, in one step; returns the number added.

    Columns as :func:`transactions_frame` gives them: required ``activity_id`` (an activity
    already in the portfolio), ``type`` (IATI code 1-13), ``date``, ``value`` and ``currency``;
    optional ``value_date``, the text columns (``provider_org``, ``receiver_org``, ``aid_type``,
    …), ``humanitarian`` (-1/0/1) and ``line``. Money stays exact: ``value_exact`` (Decimal) is
    used when present, else ``value`` as Decimal, text or int; a float is taken by its shortest
    text (``repr``). A refused row raises an error naming its frame label and nothing is added,
    so ``p2.add_transactions(p1.transactions_frame(exact=True))`` copies p1's rows exactly.
    """
    missing = [c for c in ("activity_id", "type", "date", "currency") if c not in frame.columns]
    if "value" not in frame.columns and "value_exact" not in frame.columns:
        missing.append("value")
    if missing:
        raise KeyError("transactions frame lacks column(s): " + ", ".join(missing))
    n = len(frame)
    labels = [str(x) for x in frame.index]
    index = {ident: k for k, ident in enumerate(portfolio._activity_identifiers())}
    ids = frame["activity_id"].astype(str).tolist()
    activity = np.empty(n, dtype=np.int64)
    for k, ident in enumerate(ids):
        found = index.get(ident)
        if found is None:
            raise _core.NotFoundError(f"transactions frame row {labels[k]}: no activity '{ident}' in the portfolio")
        activity[k] = found
    types = pd.to_numeric(frame["type"], errors="coerce")
    if types.isna().any():
        bad = int(np.flatnonzero(types.isna().to_numpy())[0])
        raise _core.ValidationError(f"transactions frame row {labels[bad]}: type {frame['type'].iloc[bad]!r} "
                                    "is not an IATI code 1-13")
    value = frame["value_exact"] if "value_exact" in frame.columns else frame["value"]
    columns: dict[str, Any] = {
        "activity": activity,
        "type": types.to_numpy(dtype=np.int64),
        "date": _days(frame["date"]),
        "value_date": _days(frame["value_date"]) if "value_date" in frame.columns
        else np.full(n, np.iinfo(np.int64).min, dtype=np.int64),
        "value": _exact_texts(value),
        "currency": _codes(frame["currency"]),
        "humanitarian": frame["humanitarian"].fillna(-1).to_numpy(dtype=np.int64) if "humanitarian" in frame.columns
        else np.full(n, -1, dtype=np.int64),
        "line": frame["line"].fillna(0).to_numpy(dtype=np.int64) if "line" in frame.columns
        else np.zeros(n, dtype=np.int64),
    }
    for name in _TEXT_COLUMNS:
        columns[name] = _codes(frame[name]) if name in frame.columns else None
    portfolio._add_transaction_columns(columns, labels)
    return n


class TableFrame(pd.DataFrame):
    """A DataFrame of a library table: ``attrs`` carry its title, methodology, notes and column
    descriptions, and Jupyter shows the title and methodology above the rows and the notes (the
    formula and its source) below them. Everything else is plain pandas; frames derived from it
    (``head()``, filters) stay TableFrames and keep the attrs."""

    @property
    def _constructor(self) -> type:
        return TableFrame

    def _repr_html_(self) -> Optional[str]:
        table = super()._repr_html_()
        if table is None:  # pandas' own rule: HTML off in the display options
            return None
        title = self.attrs.get("title") or ""
        methodology = self.attrs.get("methodology") or ""
        notes = self.attrs.get("notes") or []
        head = ""
        if title or methodology:
            head = "<p><strong>" + html.escape(str(title)) + "</strong>"
            if methodology:
                head += " <em>(methodology: " + html.escape(str(methodology)) + ")</em>"
            head += "</p>"
        foot = ""
        if notes:
            foot = "<ul>" + "".join("<li>" + html.escape(str(n)) + "</li>" for n in notes) + "</ul>"
        return '<div class="aidtrack-table">' + head + table + foot + "</div>"


def table_frame(table: dict) -> TableFrame:
    """A library Table (as exported by the compiled module) → DataFrame.

    Undefined cells (for example a ratio over a zero denominator) become ``NA``/``None``, never
    a silent NaN from a division. Title, methodology and notes go into ``frame.attrs``.
    """
    data: dict[str, Any] = {}
    for name, values, valid, kind, _description in table["columns"]:
        valid = np.asarray(valid, dtype=bool)
        # The masked arrays are built from their values and mask directly: pd.array(values,
        # dtype="Int64") inspects every element (7 ms for 72 000 rows, pandas 1.5).
        if kind == "int":
            data[name] = pd.arrays.IntegerArray(np.asarray(values, dtype=np.int64), ~valid)
        elif kind == "float":
            data[name] = pd.arrays.FloatingArray(np.asarray(values, dtype=np.float64), ~valid)
        elif isinstance(values, np.ndarray) and values.dtype == object and valid.all():
            data[name] = values  # built whole on the C++ side: nothing to mark, nothing to infer
        else:
            data[name] = [v if ok else None for v, ok in zip(values, valid)]
    # Every column was made for this frame alone: pandas need not copy them into one block.
    frame = TableFrame(data, copy=False)
    frame.attrs["title"] = table["title"]
    frame.attrs["methodology"] = table["methodology"]
    frame.attrs["notes"] = list(table["notes"])
    frame.attrs["descriptions"] = {c[0]: c[4] for c in table["columns"] if c[4]}
    return frame
