"""examples/report_demo.cpp and examples/report_demo.py print the same numbers."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_report_demo_pair_agrees(build_dir):
    py = subprocess.run([sys.executable, str(REPO / "examples" / "report_demo.py")], check=True, capture_output=True,
                        text=True, env=dict(os.environ), timeout=600).stdout
    lines = py.splitlines()
    assert "international 2022 37696065.00" in lines  # Landmine Monitor 2023: US$37,696,065
    assert sum(int(l.split()[2]) for l in lines if l.startswith("remaining ")) == 1_697_000_000
    binary = Path(build_dir) / "examples" / "report_demo"
    if not binary.exists():
        pytest.skip(f"C++ example not built at {binary}")
    cpp = subprocess.run([str(binary)], check=True, capture_output=True, text=True, timeout=600).stdout
    assert cpp.splitlines() == lines
