"""Fast, exact, mergeable sums per donor x fiscal year x NMAS objective.

:func:`aggregate` sums the counted transactions of each activity exactly in their original
currency per fiscal year, currency and rate (the rate of the value-date, else the date), converts
each sum once into one currency (one rounding to 10^-9), adds the converted sums of the activity's
fiscal year and splits that once over the activity's objectives by largest remainder in units of
10^-9 -- the rule :meth:`aidtrack.Portfolio.totals` follows too (docs/measures.md, "Rounding of sums"). The compiled scan runs on both cores without
the GIL. Results of separate portfolios holding different activities (files, archives, Dask
partitions) combine exactly with :meth:`AggregateResult.merge` or :func:`merge_all`: the merge
of the parts equals the aggregate of the union, bit for bit, in any order.
"""
from __future__ import annotations

from functools import reduce
from typing import Iterable, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _core
from ._frames import table_frame

AggregateResult = _core.AggregateResult

ShareLike = Union[_core.ActivityShare, Tuple[str, str], Tuple[str, str, object]]

ObjectiveMapping = _core.ObjectiveMapping


def aggregate(portfolio: _core.Portfolio, objectives: Union[ObjectiveMapping, Iterable[ShareLike]] = (), *,
              currency: str = "USD", rates: Optional[_core.ExchangeRates] = None,
              calendar: Optional[_core.FiscalCalendar] = None, types: Sequence[int] = (),
              policy: Optional[_core.ConversionPolicy] = None, threads: int = 0) -> AggregateResult:
    """Exact sums per donor (reporting organisation) x fiscal year x objective.

    ``objectives``: an :class:`ObjectiveMapping`, or :class:`aidtrack.ActivityShare` records or
    ``(activity_id, code[, percentage])`` tuples (converted on each call; build an
    :class:`ObjectiveMapping` once to call many times); percentages under 100 leave the rest
    ``"(unmapped)"``, activities without a mapping are wholly unmapped. ``types``: transaction type
    codes counted (empty = all). ``threads``: 0 = the hardware's cores. Raises RateNotFoundError
    (with file and line) when a rate is missing.
    """
    mapping = objectives if isinstance(objectives, ObjectiveMapping) else ObjectiveMapping(objectives)
    return _core._aggregate(portfolio, list(types), calendar or _core.FiscalCalendar(1, 1), currency, rates,
                            policy or _core.ConversionPolicy.by_date(), mapping, int(threads))


def merge_all(results: Iterable[AggregateResult]) -> AggregateResult:
    """The merge of several partial results (a copy; the inputs are not changed)."""
    results = list(results)
    if not results:
        return AggregateResult()
    first = AggregateResult(results[0].currency, results[0].start_month, results[0].start_day, results[0].records())
    return reduce(lambda acc, r: acc.merge(r), results[1:], first)


def aggregate_frame(result: AggregateResult) -> pd.DataFrame:
    """The result as a DataFrame: donor, fiscal_year, objective, value (Decimal), currency, transactions."""
    return table_frame(result._frame_table())


AggregateResult.frame = aggregate_frame

__all__ = ["AggregateResult", "ObjectiveMapping", "aggregate", "aggregate_frame", "merge_all"]
