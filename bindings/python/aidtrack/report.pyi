from typing import Callable, Dict, List, Optional, Sequence, Union

import pandas as pd

from ._core import (ExchangeRates, Portfolio, Report as Report, ReportChart as ReportChart, ReportFinding as ReportFinding,
                    ReportSection as ReportSection)

def build(portfolio: Portfolio, out: Optional[str] = ..., *, year: Optional[int] = ..., currency: str = ...,
          horizon: int = ..., rates: Optional[ExchangeRates] = ..., dataset_files: Optional[bool] = ...,
          dataset_dir: str = ..., title: str = ..., scope: str = ...,
          progress: Union[None, bool, Callable[[str], object]] = ...) -> Report: ...
def section_tables(section: ReportSection) -> List[pd.DataFrame]: ...
def tables(report: Report) -> Dict[str, List[pd.DataFrame]]: ...
def bar_chart_svg(title: str, categories: Sequence[str], series: Dict[str, Sequence[Optional[float]]], *,
                  stacked: bool = ..., x_label: str = ..., y_label: str = ...) -> str: ...
