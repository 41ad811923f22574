"""Trustworthy totals: duplicate policy, exact exploded splits, secondary reporters,
activity hierarchies, constant prices and ``explain()``. Every table is a pandas DataFrame
whose ``attrs`` carry title, methodology and notes. See docs/trustworthy-totals.md.
"""
from __future__ import annotations

import os
from decimal import Decimal
from typing import Iterable, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from ._core import ConversionPolicy, Deflators, ExchangeRates, FiscalCalendar, Portfolio
from ._frames import table_frame

PathLike = Union[str, "os.PathLike[str]"]
Objectives = Mapping[str, Sequence[Tuple[str, Union[Decimal, int, str]]]]

__all__ = ["Deflators", "read_iati_trusted", "exploded_frame", "secondary_reporters_frame",
           "donor_totals_frame", "hierarchy_frame", "explain", "explained_total", "reconcile_disbursements",
           "reconcile_with_csv"]


def read_iati_trusted(paths: Union[PathLike, Iterable[PathLike]], *, duplicates: str = "latest-updated",
                      strict: bool = False):
    """Read IATI files with an explicit duplicate-identifier policy.

    ``duplicates``: ``"latest-updated"`` (default: latest ``last-updated-datetime`` wins, ties
    to the later file, within a file the first), ``"first-read"`` or ``"last-read"``.
    Returns ``(portfolio, dropped)``: ``dropped`` lists every duplicate left out (identifier,
    kept and dropped file, line and date, reason).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    portfolio, table = _core._read_iati_trusted([os.fspath(p) for p in paths], duplicates, strict)
    return portfolio, table_frame(table)


def _objectives(objectives: Optional[Objectives]):
    return {str(k): [(str(o), Decimal(str(w))) for o, w in v] for k, v in (objectives or {}).items()}


def exploded_frame(portfolio: Portfolio, *, budgets: bool = False, types: Iterable[int] = (),
                   currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                   policy: Optional[ConversionPolicy] = None, objectives: Optional[Objectives] = None,
                   places: int = 2):
    """One row per transaction (or budget) x sector x country (x objective), pieces by largest
    remainder adding back to each record exactly, in the original currency and, with
    ``currency`` and ``rates``, after conversion (columns ``value_converted``, ``rate``,
    ``rate_date``, ``rate_source``). ``objectives`` maps a sector code to
    ``[(objective, weight), ...]``."""
    return table_frame(_core._explode(portfolio, budgets, list(types), currency, rates, policy,
                                      _objectives(objectives), places))


def secondary_reporters_frame(portfolio: Portfolio, *, include: bool = False):
    """Every secondary-reported activity, its primary counterpart (if any), the rule that linked
    them and whether it is counted in donor totals."""
    return table_frame(_core._secondary_reporters(portfolio, include))


def donor_totals_frame(portfolio: Portfolio, *, include_secondary: bool = False, types: Iterable[int] = ()):
    """Exact sums by reporting_org x type x currency; secondary reports the primary publisher
    also reports are left out unless ``include_secondary`` (``excluded_value`` shows them)."""
    return table_frame(_core._donor_totals(portfolio, include_secondary, list(types)))


def hierarchy_frame(portfolio: Portfolio, *, rule: str = "lowest"):
    """Per activity tree and kind of money (budgets, commitments, disbursements): the levels
    that report it, the levels counted under ``rule`` (``lowest``, ``highest`` or ``all``) and
    the counted and left-out sums."""
    return table_frame(_core._hierarchy_levels(portfolio, rule))


def explain(portfolio: Portfolio, *, budgets: bool = False, types: Iterable[int] = (),
            currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
            policy: Optional[ConversionPolicy] = None, objectives: Optional[Objectives] = None,
            places: int = 2, activity_id: str = "", reporting_org: str = "", sector: str = "",
            country: str = "", objective: str = "", calendar: Optional[FiscalCalendar] = None,
            fiscal_year: Optional[int] = None, deflators: Optional[Deflators] = None,
            base_year: int = 0, include_secondary: bool = False):
    """The records behind a cell, one row per contributing portion with file and line, the
    split piece, the conversion (rate, date, source), the fiscal-year portion and the deflator;
    ``frame["amount"].sum()`` is the cell, exactly (see :func:`explained_total`)."""
    return table_frame(_core._explain(portfolio, budgets, list(types), currency, rates, policy,
                                      _objectives(objectives), places, activity_id, reporting_org,
                                      sector, country, objective, calendar, fiscal_year, deflators,
                                      base_year, include_secondary))


def explained_total(frame) -> Decimal:
    """Exact sum of the ``amount`` column of an :func:`explain` frame (one currency)."""
    currencies = set(frame["amount_currency"])
    if len(currencies) > 1:
        raise _core.CurrencyError(f"the explained rows hold {sorted(currencies)}: convert or filter first")
    return sum((Decimal(str(v)) for v in frame["amount"]), Decimal(0))


def reconcile_disbursements(portfolio: Portfolio, *, window_days: int = 31):
    """Donor disbursements (A) against recipients' incoming funds (B): matched, differing (with
    the gap B - A), only_a and only_b rows, each with file and line."""
    return table_frame(_core._reconcile_disbursements(portfolio, window_days))


def reconcile_with_csv(portfolio: Portfolio, path: PathLike, *, types: Iterable[int] = (3,),
                       window_days: int = 31):
    """The portfolio's transactions of ``types`` (A) against a party's own records (B) from a CSV
    with columns provider_org, receiver_org, provider_activity, receiver_activity, date, value,
    currency and optional ref."""
    return table_frame(_core._reconcile_csv(portfolio, os.fspath(path), list(types), window_days))
