"""Type stubs of aidtrack.iati_write: IATI validation and export."""
import os
from typing import Iterable, Optional, Tuple, Union

import pandas as pd

PathLike = Union[str, os.PathLike[str]]

def validate_iati(paths: Union[PathLike, Iterable[PathLike]], *, schema: bool = ..., rules: bool = ...,
                  strict: bool = ..., warnings: bool = ...) -> Tuple[pd.DataFrame, bool]: ...

# Added to aidtrack.Portfolio:
#   Portfolio.to_iati(path, activities=None, *, generated=None, indent=True) -> pd.DataFrame
#   Portfolio.to_iati_string(activities=None, *, generated=None, indent=True) -> str
