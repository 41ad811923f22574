"""The paired C++ and Python examples run and agree."""
from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _values(output: str) -> list[Decimal]:
    """The value column of lines 'AU-5  FY  VALUE  USD  N' in either program's output."""
    out = []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[0] == "AU-5":
            try:
                out.append(Decimal(parts[2]))
            except InvalidOperation:
                pass
    return out


def test_totals_example_pairs_agree(build_dir):
    py = subprocess.run([sys.executable, str(REPO / "examples" / "totals_by_fiscal_year.py")], check=True,
                        capture_output=True, text=True, env=dict(os.environ), timeout=300).stdout
    py_values = _values(py)
    # Australian years: FY2022 and FY2023 (2 rows), then the Cambodian calendar year 2023 (1 row).
    assert len(py_values) == 3
    # The calendar-year total is the sum of the two Australian-year totals.
    assert py_values[0] + py_values[1] == py_values[2]
    binary = build_dir / "examples" / "totals_by_fiscal_year"
    if not binary.exists():
        pytest.skip(f"C++ example not built at {binary}")
    cpp = subprocess.run([str(binary)], check=True, capture_output=True, text=True, timeout=300).stdout
    assert _values(cpp) == py_values
