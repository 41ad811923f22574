"""Turning the library's columnar results into pandas DataFrames without per-row objects."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

_TEXT_COLUMNS = (
    "ref", "provider_org", "provider_activity", "receiver_org", "receiver_activity", "aid_type",
    "finance_type", "flow_type", "tied_status", "disbursement_channel", "sector_vocabulary",
    "sector_code", "recipient_country", "recipient_region",
)


def _currency_names(packed: np.ndarray) -> pd.Categorical:
    """Packed 16-bit currency codes → a categorical of ISO codes (decoded once per distinct code)."""
    # A 65 536-entry look-up table instead of np.unique: one linear pass, no sort of the column.
    packed = np.asarray(packed, dtype=np.uint16)
    present = np.zeros(1 << 16, dtype=bool)
    present[packed] = True
    uniques = np.flatnonzero(present)
    lookup = np.zeros(1 << 16, dtype=np.int32)
    lookup[uniques] = np.arange(len(uniques), dtype=np.int32)
    codes = lookup[packed]
    names = []
    for value in uniques.tolist():
        if value == 0:
            names.append("")
            continue
        v = value - 1
        names.append(chr(65 + v // 676) + chr(65 + (v // 26) % 26) + chr(65 + v % 26))
    return pd.Categorical.from_codes(codes.astype(np.int32), categories=names)


def transactions_frame(portfolio: Any, *, exact: bool = False) -> pd.DataFrame:
    """All transactions as a DataFrame built from numpy columns.

    Text columns are categoricals over the portfolio's single string pool (no per-row Python
    strings); ``value`` is float64. With ``exact=True`` a ``value_exact`` column of
    :class:`decimal.Decimal` is added (that one does create an object per row).
    """
    cols = portfolio._transaction_columns()
    pool = portfolio._transaction_strings()
    # One dtype shared by every text column: the pool's categories are checked once, and the
    # 32-bit codes go to pandas as they are (it narrows them itself) instead of widened first.
    text_dtype = pd.CategoricalDtype(pd.Index(pool))
    activity_ids = pd.Index(portfolio._activity_identifiers())
    data: dict[str, Any] = {
        "activity_id": pd.Categorical.from_codes(cols["activity"], dtype=pd.CategoricalDtype(activity_ids))
        if len(activity_ids) else pd.Categorical([]),
        "type": cols["type"].astype(np.int16),
        "date": cols["date"],
        "value": cols["value"],
        "currency": _currency_names(cols["currency"]),
        "value_date": cols["value_date"],
    }
    for name in _TEXT_COLUMNS:
        data[name] = pd.Categorical.from_codes(cols[name], dtype=text_dtype)
    data["humanitarian"] = cols["humanitarian"]
    data["line"] = cols["line"]
    frame = pd.DataFrame(data)
    if exact:
        frame["value_exact"] = [Decimal(v) for v in portfolio._transaction_values_exact()]
    return frame


def table_frame(table: dict) -> pd.DataFrame:
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
    frame = pd.DataFrame(data)
    frame.attrs["title"] = table["title"]
    frame.attrs["methodology"] = table["methodology"]
    frame.attrs["notes"] = list(table["notes"])
    frame.attrs["descriptions"] = {c[0]: c[4] for c in table["columns"] if c[4]}
    return frame
