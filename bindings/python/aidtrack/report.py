"""Reports: the TWG-MA aid-effectiveness report, its tables (as DataFrames) and charts (SVG).

>>> import aidtrack
>>> p = aidtrack.datasets.cambodia()
>>> r = aidtrack.report.build(p, out="report")      # writes report/aidtrack-report.html, .md, CSVs
>>> aidtrack.report.tables(r)["funding"][0].head()   # DataFrames of a section
"""
from __future__ import annotations

import os
from typing import Callable, Dict, List, Optional, Sequence

import pandas as pd

from . import _core
from ._core import Report, ReportChart, ReportFinding, ReportSection
from ._frames import table_frame
from ._progress import StepProgress, step_progress

__all__ = ["Report", "ReportChart", "ReportFinding", "ReportSection", "build", "tables", "section_tables", "bar_chart_svg"]


def build(portfolio: "_core.Portfolio", out: Optional[str] = None, *, year: Optional[int] = None,
          currency: str = "USD", horizon: int = 2030, rates: Optional["_core.ExchangeRates"] = None,
          dataset_files: Optional[bool] = None, dataset_dir: str = "", title: str = "",
          scope: str = "mine action", progress: StepProgress = None) -> Report:
    """Builds the aid-effectiveness report of ``portfolio``; with ``out`` also writes
    ``out/aidtrack-report.html``, ``.md`` and one CSV per table.

    ``year`` is the report year (default: the latest year with disbursements), ``currency`` the
    currency of every money figure (other currencies converted with ``rates``, default the IMF
    table shipped in data/rates). ``dataset_files`` adds the table of dataset files and their
    evidence, the dataset's NMAS mapping for the alignment section and its published tables
    (Landmine Monitor donor tables, funding needs, land release) (default: when ``dataset_dir``
    is given or the portfolio is the embedded dataset). ``scope`` names what the report is about
    (``""`` when the portfolio was read without a selection); with ``dataset_files`` the
    dataset's IATI activities outside it are counted in the provenance. ``progress``: a tqdm bar
    over the steps when tqdm is installed and the build takes more than half a second (``None``,
    the default), none (``False``), always (``True``), or a ``callable(step)``.

    ``report.findings`` holds the first screen: a few sentences, each with its source.
    """
    if dataset_files is None:
        dataset_files = bool(dataset_dir) or portfolio.find_activity(_core.PUBLISHED_SERIES["international"]) is not None
    with step_progress(progress, label="report", steps=9) as callback:
        report = _core._build_report(portfolio, year, currency, horizon, rates, dataset_files, dataset_dir, title, scope,
                                     callback)
    if out is not None:
        os.makedirs(out, exist_ok=True)
        report.write(out)
    return report


def section_tables(section: ReportSection) -> List[pd.DataFrame]:
    """The tables of one section as DataFrames (title, methodology and notes in ``attrs``)."""
    return [table_frame(t) for t in section._tables()]


def tables(report: Report) -> Dict[str, List[pd.DataFrame]]:
    """Every table of the report as DataFrames, by section id."""
    return {s.id: section_tables(s) for s in report.sections}


def bar_chart_svg(title: str, categories: Sequence[str], series: Dict[str, Sequence[Optional[float]]], *,
                  stacked: bool = False, x_label: str = "", y_label: str = "") -> str:
    """A bar chart as SVG text, drawn by the library (the same drawing the HTML report uses)."""
    return _core._svg_bar_chart(title, list(categories), {k: list(v) for k, v in series.items()}, stacked, x_label, y_label)
