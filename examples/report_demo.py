"""The aid-effectiveness report on the embedded Cambodia dataset, from Python.

Paired with report_demo.cpp: prints the same lines (run by tests/python/test_examples_report.py).
"""
import sys
import tempfile
from pathlib import Path

import aidtrack

portfolio = aidtrack.datasets.cambodia()
report = aidtrack.report.build(portfolio, year=2024)
tables = aidtrack.report.tables(report)

series = tables["funding"][0]
for year, value in zip(series["year"], series["international_USD"]):
    if value is not None:
        print(f"international {year} {value:.2f}")
land = tables["land-release"][0]
for name, remaining in zip(land.iloc[:, 0], land["remaining_m2"]):
    print(f"remaining {name} {remaining}")

out = Path(tempfile.gettempdir()) / "aidtrack-report-demo-py"
written = report.write(str(out))
print(f"wrote {written['html']} and {len(written['csv'])} CSV files", file=sys.stderr)
