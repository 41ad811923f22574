"""IATI validation and export: ``validate_iati`` and ``Portfolio.to_iati``.

``validate_iati(paths)`` checks IATI activity files against the official 2.03 XML Schema and
the library's rules and returns the problems as a DataFrame (columns file, line, class,
severity, rule, element, message) with a flag saying whether every file is valid — the same
findings ``aidtrack validate`` prints as ``FILE:LINE: CLASS: message``.

``Portfolio.to_iati(path)`` writes the portfolio (or the named activities) as an IATI 2.03
file that validates against the XSD; reading it back gives the same activities, transactions,
budgets and planned disbursements.
"""
from __future__ import annotations

import os
from typing import Iterable, Optional, Tuple, Union

import pandas as pd

from . import _core
from ._core import Portfolio
from ._frames import table_frame

__all__ = ["validate_iati"]

PathLike = Union[str, "os.PathLike[str]"]


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> list:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def validate_iati(paths: Union[PathLike, Iterable[PathLike]], *, schema: bool = True, rules: bool = True,
                  strict: bool = False, warnings: bool = True) -> Tuple[pd.DataFrame, bool]:
    """Validate IATI activity files; returns ``(problems, valid)``.

    ``problems`` has one row per finding: ``file``, ``line``, ``class`` (XmlError, SchemaError,
    RuleError or RuleWarning), ``severity`` (error/warning), ``rule``, ``element`` and
    ``message``. ``valid`` is True when no finding is an error. ``schema=False`` or
    ``rules=False`` skip a part; ``strict=True`` makes the advisory rules (codes on codelists,
    percentages summing to 100, missing currency) errors; ``warnings=False`` drops advice.
    Hostile input (entity bombs, external entities, truncated files) is reported, never expanded.
    """
    if not schema and not rules:
        raise ValueError("validate_iati: at least one of schema and rules must be checked")
    table, valid = _core._validate_iati(_paths(paths), schema, rules, strict, warnings)
    return table_frame(table), bool(valid)


def _portfolio_to_iati(self: Portfolio, path: PathLike, activities: Optional[Iterable[str]] = None, *,
                       generated: Optional[str] = None, indent: bool = True) -> pd.DataFrame:
    """Write the portfolio as an IATI 2.03 activity file at ``path`` (atomically).

    ``activities``: identifiers to write, in that order (default: all). ``generated``: the
    file's ``generated-datetime`` (default: now, UTC). Returns the writer's notes as a
    DataFrame (same columns as :func:`validate_iati`): parts the XSD requires that the model
    does not hold (reported, never invented) and value-dates filled from the transaction date.
    """
    ids = None if activities is None else [str(a) for a in activities]
    return table_frame(_core._write_iati(self, os.fspath(path), ids, generated or "", indent))


def _portfolio_to_iati_string(self: Portfolio, activities: Optional[Iterable[str]] = None, *,
                              generated: Optional[str] = None, indent: bool = True) -> str:
    """The IATI 2.03 XML of the portfolio (or of ``activities``) as a string."""
    ids = None if activities is None else [str(a) for a in activities]
    return _core._iati_string(self, ids, generated or "", indent)


Portfolio.to_iati = _portfolio_to_iati
Portfolio.to_iati_string = _portfolio_to_iati_string
