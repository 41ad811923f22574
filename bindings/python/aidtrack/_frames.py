"""Turning the library's columnar results into pandas DataFrames without per-row objects."""
from __future__ import annotations

import html
from decimal import Decimal
from typing import Any, Optional

import numpy as np
import pandas as pd

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
    its data: it stays valid after the portfolio is gone.
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
        if kind == "int":
            arr = pd.array(np.asarray(values, dtype=np.int64), dtype="Int64")
            arr[~valid] = pd.NA
            data[name] = arr
        elif kind == "float":
            arr = pd.array(np.asarray(values, dtype=np.float64), dtype="Float64")
            arr[~valid] = pd.NA
            data[name] = arr
        else:
            data[name] = [v if ok else None for v, ok in zip(values, valid)]
    frame = TableFrame(data)
    frame.attrs["title"] = table["title"]
    frame.attrs["methodology"] = table["methodology"]
    frame.attrs["notes"] = list(table["notes"])
    frame.attrs["descriptions"] = {c[0]: c[4] for c in table["columns"] if c[4]}
    return frame
