"""Type stubs of aidtrack.iati."""
import datetime
import os
from typing import Any, Callable, Iterable, Mapping, Optional, Union

import pandas as pd

from ._core import Portfolio

PathLike = Union[str, os.PathLike[str]]
MINE_ACTION_PATTERN: str

def load_iati(paths: Union[PathLike, Iterable[PathLike]], *, strict: bool = ...,
              progress: Union[None, bool, Callable[[int, int], Any]] = ...,
              countries: Union[None, str, Iterable[str]] = ..., sectors: Union[None, str, Iterable[str]] = ...,
              reporting_orgs: Union[None, str, Iterable[str]] = ..., date_from: Optional[datetime.date] = ...,
              date_to: Optional[datetime.date] = ..., activity_ids: Union[None, str, Iterable[str]] = ...,
              keywords: Optional[Mapping[str, str]] = ..., mine_action: bool = ..., peacekeeping: bool = ...,
              batch_bytes: int = ..., threads: int = ...) -> Portfolio: ...
def read_iati(paths: Union[PathLike, Iterable[PathLike]], *, strict: bool = ...,
              progress: Union[None, bool, Callable[[int, int], Any]] = ...,
              countries: Union[None, str, Iterable[str]] = ..., sectors: Union[None, str, Iterable[str]] = ...,
              reporting_orgs: Union[None, str, Iterable[str]] = ..., date_from: Optional[datetime.date] = ...,
              date_to: Optional[datetime.date] = ..., activity_ids: Union[None, str, Iterable[str]] = ...,
              keywords: Optional[Mapping[str, str]] = ..., mine_action: bool = ..., peacekeeping: bool = ...,
              batch_bytes: int = ..., threads: int = ...) -> tuple[Portfolio, dict]: ...
def summarize_iati(portfolio: Portfolio) -> dict: ...
def mine_action_scope(portfolio: Portfolio, *, peacekeeping: bool = ...) -> "pd.DataFrame": ...
def codelist_name(list: str, code: str) -> str: ...
def codelist_contains(list: str, code: str) -> bool: ...
def codelist_codes(list: str) -> list[str]: ...
def codelists_version() -> str: ...

# Attached to Portfolio by aidtrack.iati:
#   activities_frame, budgets_frame, planned_disbursements_frame, participating_orgs_frame,
#   sectors_frame, countries_frame, indicator_periods_frame (alias results_frame), warnings_frame
def _frame(self: Portfolio) -> pd.DataFrame: ...
