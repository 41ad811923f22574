"""IATI import: load_iati, warnings as DataFrames, frames of every IATI part.

``load_iati`` reads IATI 2.0x activity (and organisation) XML files into a
:class:`aidtrack.Portfolio`, exactly (``decimal.Decimal`` money), leniently by default: every
valid record is kept and each problem becomes a row of ``Portfolio.warnings_frame()`` with file,
line, rule and message. ``strict=True`` raises :class:`aidtrack.Error` at the first problem.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any, Callable, Iterable, Mapping, Optional, Union

import pandas as pd

from . import _core
from ._core import Portfolio
from ._frames import table_frame
from ._progress import ByteProgress, byte_progress

__all__ = [
    "load_iati", "read_iati", "summarize_iati", "codelist_name", "codelist_contains", "codelist_codes",
    "codelists_version", "MINE_ACTION_PATTERN", "mine_action_scope",
]

codelist_name = _core.codelist_name
codelist_contains = _core.codelist_contains
codelist_codes = _core.codelist_codes
codelists_version = _core.codelists_version
#: The documented mine action keyword rule (ECMAScript regex, matched case-insensitively).
MINE_ACTION_PATTERN: str = _core.MINE_ACTION_PATTERN

PathLike = Union[str, "os.PathLike[str]"]


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _as_list(value: Union[None, str, Iterable[str]]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def read_iati(paths: Union[PathLike, Iterable[PathLike]], *, strict: bool = False,
              progress: ByteProgress = None,
              countries: Union[None, str, Iterable[str]] = None,
              sectors: Union[None, str, Iterable[str]] = None,
              reporting_orgs: Union[None, str, Iterable[str]] = None,
              date_from: Optional[_dt.date] = None, date_to: Optional[_dt.date] = None,
              activity_ids: Union[None, str, Iterable[str]] = None,
              keywords: Optional[Mapping[str, str]] = None,
              mine_action: bool = False, peacekeeping: bool = False,
              batch_bytes: int = 512 << 10, threads: int = 0) -> tuple[Portfolio, dict]:
    """Like :func:`load_iati` but also returns the read result: counts, ``diagnostics``,
    ``selection`` (why each activity was kept), ``outside`` (the activities a selection left out,
    with their money per currency), ``organisation_finances`` (budgets and
    expenditure of iati-organisations files) as DataFrames, and ``notes``.

    ``batch_bytes``: activity files are read and parsed about this many bytes of whole
    activities at a time (default 512 KiB, which keeps a batch in a core's cache), so memory
    follows the batch rather than the file (records and diagnostics do not depend on it); ``0``
    parses each file whole.

    ``threads``: ``0`` (default) parses the next batch on a second thread while the portfolio is
    built from the current one (when the machine has two cores or more); ``1`` reads on the
    calling thread only. Records, diagnostics and their order are the same either way."""
    files = _paths(paths)
    with byte_progress(progress, label="IATI") as callback:
        portfolio, result = _core._read_iati(
            files, strict, callback, _as_list(countries), _as_list(sectors), _as_list(reporting_orgs),
            date_from, date_to, _as_list(activity_ids), list((keywords or {}).items()), mine_action, peacekeeping,
            batch_bytes, threads)
    for name in ("diagnostics", "selection", "outside", "organisation_finances"):
        result[name] = table_frame(result[name])
    return portfolio, result


def load_iati(paths: Union[PathLike, Iterable[PathLike]], *, strict: bool = False,
              progress: ByteProgress = None,
              countries: Union[None, str, Iterable[str]] = None,
              sectors: Union[None, str, Iterable[str]] = None,
              reporting_orgs: Union[None, str, Iterable[str]] = None,
              date_from: Optional[_dt.date] = None, date_to: Optional[_dt.date] = None,
              activity_ids: Union[None, str, Iterable[str]] = None,
              keywords: Optional[Mapping[str, str]] = None,
              mine_action: bool = False, peacekeeping: bool = False,
              batch_bytes: int = 512 << 10, threads: int = 0) -> Portfolio:
    """Read IATI 2.0x XML files into a new Portfolio.

    Args:
        paths: one path or several (activity files, and organisation files whose organisations
            are kept as Organisation records).
        strict: raise :class:`aidtrack.Error` (ParseError/ValidationError naming file, line,
            element and rule) at the first problem instead of collecting warnings.
        progress: ``None`` (default) draws a tqdm bar of the bytes read when tqdm is installed
            and the read takes more than half a second (``AIDTRACK_PROGRESS=0`` turns that
            off); ``False`` draws nothing; ``True`` always draws one; a
            ``callable(done_bytes, total_bytes)`` is called instead.
        countries, sectors, …: filters: ``countries``, ``sectors`` (e.g. ``["15250"]``), ``reporting_orgs``,
            ``date_from``/``date_to`` (datetime.date), ``activity_ids``, ``keywords``
            (``{"name": regex}``), ``mine_action=True`` (sector 15250, named activities and the
            :data:`MINE_ACTION_PATTERN` rule; ``peacekeeping=True`` adds 15230). Country,
            reporting-org and date filters must all hold; sector/id/keyword rules select when
            any matches, and ``activities_frame()["selected_by"]`` names the rule.
        batch_bytes, threads: see :func:`read_iati`.
    """
    portfolio, _ = read_iati(paths, strict=strict, progress=progress, countries=countries, sectors=sectors,
                             reporting_orgs=reporting_orgs, date_from=date_from, date_to=date_to,
                             activity_ids=activity_ids, keywords=keywords, mine_action=mine_action,
                             peacekeeping=peacekeeping, batch_bytes=batch_bytes, threads=threads)
    return portfolio


def mine_action_scope(portfolio: Portfolio, *, peacekeeping: bool = False) -> pd.DataFrame:
    """Which activities of ``portfolio`` are mine action under the rules ``load_iati(...,
    mine_action=True)`` applies while reading (DAC sector 15250, or 15230 too with
    ``peacekeeping``; the named Clearing for Results activities UNDP files under 15110; the
    :data:`MINE_ACTION_PATTERN` keywords): one row per activity with ``selected`` (1/0), the
    ``rule`` that matched and what it matched (``detail``)."""
    return table_frame(_core._classify_mine_action(portfolio, peacekeeping))


def summarize_iati(portfolio: Portfolio) -> dict:
    """The ``aidtrack summarize --json`` object of a portfolio (sums as exact decimal strings)."""
    return json.loads(_core._summarize_iati(portfolio))


def _frame_method(which: str, doc: str):
    def method(self: Portfolio):
        return table_frame(_core._iati_table(self, which))
    method.__name__ = f"{which}_frame"
    method.__doc__ = doc
    return method


Portfolio.activities_frame = _frame_method(
    "activities", "One row per activity: identifier, title, reporting org, status, dates, defaults, "
                  "``selected_by`` (the selection rule), source file and line.")
Portfolio.budgets_frame = _frame_method(
    "budgets", "One row per budget: activity_id, type (1 original, 2 revised), status, period, exact value, currency.")
Portfolio.planned_disbursements_frame = _frame_method(
    "planned_disbursements", "One row per planned disbursement: period, exact value, currency, provider and receiver.")
Portfolio.participating_orgs_frame = _frame_method(
    "participating_orgs", "One row per participating organisation: activity_id, ref, role code, type, name.")
Portfolio.sectors_frame = _frame_method(
    "sectors", "One row per activity sector: vocabulary, code, codelist name, percentage.")
Portfolio.countries_frame = _frame_method(
    "countries", "One row per recipient country or region with its percentage.")
Portfolio.indicator_periods_frame = _frame_method(
    "indicator_periods", "One row per result indicator period (indicators without periods get one row): "
                         "baseline, period, first target and actual.")
Portfolio.results_frame = Portfolio.indicator_periods_frame
Portfolio.warnings_frame = _frame_method(
    "warnings", "The portfolio's diagnostics: severity, kind, rule, message, file, line, element.")
