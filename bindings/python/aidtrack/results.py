"""Results frameworks, mine action records (hazards, land release, casualties) and forecasts.

Records live in ``Portfolio.results`` (a :class:`ResultsStore`); fill it with
:func:`load_csv` (formats in docs/results.md) or the store's ``add_*`` methods. Every query
returns a pandas DataFrame whose ``attrs`` carry title, methodology and notes.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _core
from ._core import ResultsStore  # noqa: F401
from ._frames import table_frame

__all__ = [
    "ResultsStore", "load_csv", "indicators", "indicator_values", "progress", "rollup", "hazards",
    "releases", "releases_by_year", "remaining", "casualties", "cost_efficiency", "import_iati_frameworks",
    "mean_release_rate", "forecast", "monte_carlo", "scenarios", "ARTICLE5_DEADLINE",
]

#: Ottawa Convention Article 5 deadline of Cambodia after the third extension (December 2025).
ARTICLE5_DEADLINE = _dt.date(2030, 12, 31)

Distribution = Union[None, float, Tuple[Any, ...]]


def _store(source: Any) -> ResultsStore:
    return source.results if hasattr(source, "results") and not isinstance(source, ResultsStore) else source


def load_csv(portfolio: Any, directory: str) -> Dict[str, int]:
    """Read whichever results CSV files exist in ``directory`` into the portfolio's store
    (all or nothing); returns the rows read per file. A bad row raises ParseError or
    ValidationError naming file and line."""
    return dict(_store(portfolio).load_csv(str(directory)))


def indicators(source: Any) -> pd.DataFrame:
    """Every indicator (no values): strategy, node, measure, direction, aggregation, baseline."""
    return table_frame(_store(source)._indicators())


def indicator_values(source: Any) -> pd.DataFrame:
    """Every target and actual with its period and dimensions."""
    return table_frame(_store(source)._indicator_values())


def progress(source: Any, start: _dt.date, end: _dt.date, strategy: str = "", *,
             on_track: float = 0.90, at_risk: float = 0.70) -> pd.DataFrame:
    """Progress of each indicator in [start, end]: target, actual, trajectory and status."""
    return table_frame(_store(source)._progress(strategy, start, end, on_track, at_risk))


def rollup(source: Any, strategy: str, start: _dt.date, end: _dt.date, *,
           on_track: float = 0.90, at_risk: float = 0.70) -> pd.DataFrame:
    """Weighted roll-up of a strategy's indicators to outputs, outcomes, objectives and goals."""
    return table_frame(_store(source)._rollup(strategy, start, end, on_track, at_risk))


def hazards(source: Any) -> pd.DataFrame:
    """Every hazardous area with its full area ledger (recorded, cancelled, reduced, cleared, remaining)."""
    return table_frame(_store(source)._hazards())


def releases(source: Any) -> pd.DataFrame:
    """Every land release event."""
    return table_frame(_store(source)._releases())


def releases_by_year(source: Any) -> pd.DataFrame:
    """Area released per year and method."""
    return table_frame(_store(source)._releases_by_year())


def remaining(source: Any, as_of: _dt.date, by: Sequence[str] = ()) -> pd.DataFrame:
    """Remaining contamination on ``as_of`` grouped by contamination, province, hazard_type or hazard."""
    return table_frame(_store(source)._remaining(as_of, list(by)))


def casualties(source: Any, by: Sequence[str] = (), *, rows: bool = False) -> pd.DataFrame:
    """Casualties per year (and province/device/sex/age_group); individual records only with ``rows=True``."""
    store = _store(source)
    return table_frame(store._casualty_rows() if rows else store._casualties_by_year(list(by)))


def cost_efficiency(portfolio: Any, by: Sequence[str] = ("operator",), *, currency: str = "USD",
                    rates: Optional[_core.ExchangeRates] = None, policy: Optional[_core.ConversionPolicy] = None,
                    year_from: Optional[int] = None, year_to: Optional[int] = None) -> pd.DataFrame:
    """Cost per m² released by operator, method, province, donor, year or activity, in ``currency``."""
    return table_frame(_core._cost_per_m2(portfolio, list(by), currency, rates,
                                          policy or _core.ConversionPolicy.by_date(), year_from, year_to))


def import_iati_frameworks(portfolio: Any, links: Optional[Mapping[str, str]] = None, weight: float = 1.0) -> Dict[str, int]:
    """Turn the IATI results of the portfolio's activities into project frameworks in its store,
    linking indicators to national ones by title (``links``) or by reference code."""
    return dict(_core._import_iati_frameworks(portfolio, portfolio.results, dict(links or {}), weight))


def mean_release_rate(source: Any, first_year: int, last_year: int) -> float:
    """Mean m² released per year over the years given, from the records."""
    return _store(source)._mean_release_rate(first_year, last_year)


def _forecast_args(remaining_m2: float, release_rate: float, cost_per_m2: float, as_of: _dt.date,
                   funding: str, history: Optional[Mapping[int, float]], pledges: Optional[Mapping[int, float]],
                   funding_limits_release: bool, deadline: _dt.date) -> tuple:
    return (float(remaining_m2), as_of, float(release_rate), float(cost_per_m2), funding,
            {int(k): float(v) for k, v in (history or {}).items()},
            {int(k): float(v) for k, v in (pledges or {}).items()}, funding_limits_release, deadline)


def forecast(remaining_m2: float, release_rate: float, cost_per_m2: float, *, as_of: _dt.date,
             funding: str = "flat", history: Optional[Mapping[int, float]] = None,
             pledges: Optional[Mapping[int, float]] = None, funding_limits_release: bool = True,
             deadline: _dt.date = ARTICLE5_DEADLINE) -> Dict[str, Any]:
    """Deterministic burn-down: completion year and date, cost needed, funding to the deadline,
    funding gap, remaining at the deadline, and the yearly ``path`` as a DataFrame."""
    out = dict(_core._forecast(*_forecast_args(remaining_m2, release_rate, cost_per_m2, as_of, funding, history,
                                               pledges, funding_limits_release, deadline)))
    out["path"] = table_frame(out["path"])
    return out


def monte_carlo(remaining_m2: float, release_rate: float, cost_per_m2: float, *, as_of: _dt.date,
                funding: str = "flat", history: Optional[Mapping[int, float]] = None,
                pledges: Optional[Mapping[int, float]] = None, funding_limits_release: bool = True,
                deadline: _dt.date = ARTICLE5_DEADLINE, rate_factor: Distribution = None,
                cost_factor: Distribution = None, funding_factor: Distribution = None, draws: int = 1000,
                seed: int = 20301231) -> Dict[str, Any]:
    """Seeded Monte Carlo: ``summary`` (P10/P50/P90 of completion year, gap, remaining at the
    deadline), ``fan`` (remaining per year) and ``p_meets_deadline``. Factors are a number or
    ("normal", mean, sd), ("lognormal", median, sigma), ("triangular", low, mode, high)."""
    out = dict(_core._monte_carlo(*_forecast_args(remaining_m2, release_rate, cost_per_m2, as_of, funding, history,
                                                  pledges, funding_limits_release, deadline),
                                  rate_factor, cost_factor, funding_factor, int(draws), int(seed)))
    out["summary"] = table_frame(out["summary"])
    out["fan"] = table_frame(out["fan"])
    return out


def scenarios(remaining_m2: float, release_rate: float, cost_per_m2: float,
              what_ifs: Iterable[Tuple[str, float, float, float]] = (("+20% funding", 1.2, 1.0, 1.0),
                                                                       ("cost per m2 +10%", 1.0, 1.1, 1.0)),
              *, as_of: _dt.date, funding: str = "flat", history: Optional[Mapping[int, float]] = None,
              pledges: Optional[Mapping[int, float]] = None, funding_limits_release: bool = True,
              deadline: _dt.date = ARTICLE5_DEADLINE) -> pd.DataFrame:
    """The base forecast and one row per what-if (name, funding factor, cost factor, rate factor)."""
    return table_frame(_core._scenarios(*_forecast_args(remaining_m2, release_rate, cost_per_m2, as_of, funding,
                                                        history, pledges, funding_limits_release, deadline),
                                        [tuple(w) for w in what_ifs]))
