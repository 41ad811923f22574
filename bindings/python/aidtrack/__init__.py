"""aidtrack: aid alignment, harmonization and results tracking for mine action.

The compiled core (``aidtrack._core``) holds the data and does the arithmetic; this package
adds pandas conveniences. Money is exact (``decimal.Decimal`` in, ``decimal.Decimal`` out);
tables come back as DataFrames whose ``attrs`` carry title, methodology and notes.
"""
from __future__ import annotations

import os as _os
from typing import Iterable, Optional

from . import _core
from ._core import *  # noqa: F401,F403 - the compiled types are the package's types
from ._core import (ConversionPolicy, Error, ExchangeRates, FiscalCalendar, Portfolio)

# An installed package (pip, wheel) carries its own copy of the shipped data beside this file;
# the library reads it from there unless AIDTRACK_DATA_DIR says otherwise. A build tree has no
# copy and the library finds the source tree's data/ by itself.
_PACKAGE_DATA = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "data")
if _os.path.isdir(_PACKAGE_DATA):
    _core._set_default_data_dir(_PACKAGE_DATA)

from . import _repr  # noqa: E402
from ._frames import TableFrame, add_transactions, table_frame, transactions_frame  # noqa: E402
from . import coordination, datasets, measures, report, results  # noqa: E402 - areas of the package
from .iati import *  # noqa: F401,F403,E402 - load_iati and friends at the top level
from .iati_write import *  # noqa: F401,F403,E402 - validate_iati, Portfolio.to_iati
from . import aggregate  # noqa: E402 - fast mergeable donor x fiscal year x objective sums
from . import trust  # noqa: E402 - duplicates, exact splits, hierarchies, explain()

__version__: str = _core.__version__


def _portfolio_transactions_frame(self: Portfolio, *, exact: bool = False):
    """All transactions as a pandas DataFrame (columns activity_id, type, date, value, currency,
    value_date, provider_org, receiver_org, …); see :func:`aidtrack.transactions_frame`."""
    return transactions_frame(self, exact=exact)


def _portfolio_totals(self: Portfolio, by: Iterable[str] = ("reporting_org", "currency"), *,
                      types: Iterable[int] = (), calendar: Optional[FiscalCalendar] = None,
                      currency: Optional[str] = None, rates: Optional[ExchangeRates] = None,
                      policy: Optional[ConversionPolicy] = None, year_from: Optional[int] = None,
                      year_to: Optional[int] = None):
    """Exact sums of transaction values grouped by keys, as a DataFrame.

    Keys: reporting_org, provider_org, receiver_org, activity, type, currency, year,
    fiscal_year (in ``calendar``), sector and country (split by the published percentages,
    exactly). Without ``currency`` a group that mixes currencies raises CurrencyError.
    """
    table = self._totals(list(by), list(types), calendar or FiscalCalendar(1, 1),
                         currency, rates, policy or ConversionPolicy.by_date(), year_from, year_to)
    return table_frame(table)


def _portfolio_add_transactions(self: Portfolio, frame) -> int:
    """Add every row of a DataFrame as a transaction in one step (columns as
    :meth:`transactions_frame` gives them); returns the number added. See
    :func:`aidtrack.add_transactions`."""
    return add_transactions(self, frame)


Portfolio.transactions_frame = _portfolio_transactions_frame
Portfolio.add_transactions = _portfolio_add_transactions
Portfolio.totals = _portfolio_totals


def _section_html(self: "_core.ReportSection") -> str:
    """A report section in Jupyter: its title, text, tables (with notes) and charts."""
    import html

    parts = [f"<h3>{html.escape(self.title)}</h3>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in self.paragraphs]
    parts += [frame._repr_html_() or "" for frame in report.section_tables(self)]
    parts += [chart.svg for chart in self.charts]
    return '<div class="aidtrack-section">' + "".join(parts) + "</div>"


if not hasattr(_core.ReportSection, "_repr_html_"):
    _core.ReportSection._repr_html_ = _section_html
_repr.install(_core)

__all__ = [name for name in dir(_core) if not name.startswith("_")] + [
    "__version__", "TableFrame", "table_frame", "transactions_frame",
]
