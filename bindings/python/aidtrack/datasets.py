"""Embedded datasets: ``aidtrack.datasets.cambodia()``.

The Cambodia mine action dataset ships in ``data/cambodia/``: organisations, the Landmine
Monitor funding series, Clearing for Results phases I–IV, the NMAS 2018–2025 results framework,
contamination, land release, casualties, coordination records and real IATI activities. Every
record names its source and whether it is reported, derived or illustrative
(see ``data/cambodia/README.md``).
"""
from __future__ import annotations

from typing import Callable, Optional

import pandas as pd

from . import _core
from ._frames import table_frame

__all__ = ["cambodia", "cambodia_files"]


def cambodia(directory: str = "", *, iati: bool = True,
             progress: Optional[Callable[[str], None]] = None) -> "_core.Portfolio":
    """The Cambodia mine action dataset as a :class:`aidtrack.Portfolio`.

    ``directory`` defaults to the shipped ``data/cambodia`` (``$AIDTRACK_DATA_DIR`` overrides
    where the shipped data is found); ``iati=False`` skips the IATI XML files; ``progress`` is
    called with a short line before each long step.
    """
    return _core._datasets_cambodia(directory, iati, progress)


def cambodia_files(directory: str = "") -> pd.DataFrame:
    """One row per dataset file: records and how many are reported, derived or illustrative."""
    return table_frame(_core._dataset_files(directory))
