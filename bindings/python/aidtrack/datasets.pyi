from typing import Callable, Optional

import pandas as pd

from ._core import Portfolio

def cambodia(directory: str = ..., *, iati: bool = ..., progress: Optional[Callable[[str], None]] = ...) -> Portfolio: ...
def cambodia_files(directory: str = ...) -> pd.DataFrame: ...
