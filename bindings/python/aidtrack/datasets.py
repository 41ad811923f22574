"""Embedded datasets: ``aidtrack.datasets.cambodia()``.

The Cambodia mine action dataset ships in ``data/cambodia/``: organisations, the Landmine
Monitor funding series, Clearing for Results phases I–IV, the NMAS 2018–2025 results framework,
contamination, land release, casualties, coordination records and real IATI activities. Every
record names its source and whether it is reported, derived or illustrative
(see ``data/cambodia/README.md``).
"""
from __future__ import annotations

from typing import Dict, Optional

import pandas as pd

from . import _core
from ._frames import table_frame
from ._progress import StepProgress, step_progress

__all__ = ["cambodia", "cambodia_files", "cambodia_scope", "cambodia_published", "PUBLISHED_SERIES"]

#: Activity identifiers of the published country-level series the dataset builds
#: (``international``: Landmine Monitor totals by year with the named donors' parts;
#: ``national``: the Royal Government's contribution and pledges; ``by_donor``: the donors'
#: parts as older datasets recorded them). Reports keep them apart from project money.
PUBLISHED_SERIES: Dict[str, str] = dict(_core.PUBLISHED_SERIES)


def cambodia(directory: str = "", *, iati: bool = True, scope: str = "mine-action",
             progress: StepProgress = None) -> "_core.Portfolio":
    """The Cambodia mine action dataset as a :class:`aidtrack.Portfolio`.

    ``directory`` defaults to the shipped ``data/cambodia`` (``$AIDTRACK_DATA_DIR`` overrides
    where the shipped data is found); ``iati=False`` skips the IATI XML files; ``scope`` is
    ``"mine-action"`` (default: of the IATI files only mine action activities are kept, see
    :func:`cambodia_scope`) or ``"all"``; ``progress``: a tqdm bar over the steps when tqdm is
    installed and loading takes more than half a second (``None``, the default), none
    (``False``), always (``True``), or a callable given a short line before each long step.
    """
    with step_progress(progress, label="dataset", steps=4 if iati else 3) as callback:
        return _core._datasets_cambodia(directory, iati, _mine_action(scope), callback)[0]


def cambodia_scope(directory: str = "", *, scope: str = "mine-action") -> Dict[str, pd.DataFrame]:
    """What the mine action selection does to the dataset's IATI files: ``selection`` (each kept
    activity and the rule that kept it) and ``outside`` (each activity left out, with its money
    per currency), as DataFrames."""
    _, selection, outside = _core._datasets_cambodia(directory, True, _mine_action(scope), None)
    return {"selection": table_frame(selection), "outside": table_frame(outside)}


def cambodia_published(directory: str = "") -> Dict[str, Optional[pd.DataFrame]]:
    """The published tables the dataset keeps beside its records (``data/cambodia/monitor``):
    ``contributions`` (the Landmine Monitor's donor tables: donor, sector, amount in the donor's
    currency and in US dollars, page address), ``totals`` (yearly totals of every edition,
    ``preferred`` = the one the series holds), ``funding_needs`` (Cambodia's published estimates
    of the money needed) and ``land_release`` (land released per year as published)."""
    tables = _core._published_tables(directory)
    return {k: (table_frame(v) if v is not None else None) for k, v in tables.items()}


def _mine_action(scope: str) -> bool:
    if scope not in ("mine-action", "all"):
        raise ValueError(f"scope is 'mine-action' or 'all', not {scope!r}")
    return scope == "mine-action"


def cambodia_files(directory: str = "") -> pd.DataFrame:
    """One row per dataset file: records and how many are reported, derived or illustrative."""
    return table_frame(_core._dataset_files(directory))
