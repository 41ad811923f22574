"""Reliability of the Python module: C++ errors arrive as aidtrack.Error subclasses with the
C++ message and never kill the interpreter; objects handed to Python keep their owners alive."""
from __future__ import annotations

import csv
import gc
import subprocess
import sys
from pathlib import Path

import pytest

import aidtrack

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "data" / "bad"
IATI = REPO / "tests" / "data" / "iati"


def _manifest():
    with open(BAD / "expected.csv", newline="") as f:
        return list(csv.DictReader(f))


_LOADERS = {
    "rates_csv": lambda p: aidtrack.ExchangeRates.from_csv(p),
    "imf_csv": lambda p: aidtrack.ExchangeRates.from_imf_csv(p),
    "activity_shares": lambda p: aidtrack.load_activity_shares(p, "objective"),
    "questionnaire": aidtrack.load_questionnaire,
    "government_budget": aidtrack.load_government_budget,
    "global_aid": aidtrack.load_global_aid,
    "archive": aidtrack.Portfolio.load,
    "iati": lambda p: aidtrack.load_iati(p, strict=True),
}


@pytest.mark.parametrize("row", [r for r in _manifest()
                                 if r["reader"] in _LOADERS and r["mode"] in ("strict", "load") and r["outcome"] != "ok"],
                         ids=lambda r: f"{r['file']}-{r['reader']}")
def test_corpus_errors_arrive_as_aidtrack_error_subclasses_with_the_cpp_message(row):
    path = str(BAD / row["file"])
    with pytest.raises(aidtrack.Error) as info:
        _LOADERS[row["reader"]](path)
    error = info.value
    assert type(error).__name__ == row["outcome"]
    assert isinstance(error, getattr(aidtrack, row["outcome"]))
    message = str(error)
    # The C++ what(): "FILE:LINE: <element>: message [rule]" (archives: "FILE: message [rule]").
    assert message.startswith(path), message
    if int(row["line"]) > 0:
        assert message.startswith(f"{path}:{row['line']}:"), message
    if row["rule"] != "-":
        assert message.endswith(f"[{row['rule']}]"), message


def test_a_storm_of_errors_leaves_the_interpreter_alive():
    # In a child interpreter, so that a crash would show as a signal exit status.
    code = f"""
import aidtrack, glob
errors = 0
for path in sorted(glob.glob({str(BAD)!r} + "/**/*", recursive=True)):
    for load in (aidtrack.ExchangeRates.from_csv, aidtrack.ExchangeRates.from_imf_csv, aidtrack.Portfolio.load,
                 aidtrack.load_questionnaire, aidtrack.load_government_budget, aidtrack.load_global_aid,
                 lambda p: aidtrack.load_iati(p, strict=True)):
        try:
            load(path)
        except aidtrack.Error:
            errors += 1
for junk in (b"", b"AIDTRACK", b"AIDTRACK" + bytes(100), bytes(range(256)) * 8):
    try:
        aidtrack.Portfolio.from_bytes(junk)
    except aidtrack.Error:
        errors += 1
print("alive", errors)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("alive")
    assert int(done.stdout.split()[1]) > 100


def test_python_errors_inside_callbacks_propagate_without_crashing():
    def progress(done, total):
        raise KeyboardInterrupt("stop")  # not an aidtrack.Error: must come back unchanged

    with pytest.raises(KeyboardInterrupt):
        aidtrack.load_iati(str(IATI / "fcdo-activity.xml"), progress=progress)
    # And the module still works afterwards.
    assert aidtrack.load_iati(str(IATI / "fcdo-activity.xml")).activity_count == 1


def _churn():
    """Allocates and frees portfolios so that freed memory is reused."""
    for _ in range(5):
        q = aidtrack.load_iati([str(IATI / "canada-activity.xml"), str(IATI / "sr-activity.xml")])
        q.transactions_frame()
        del q
    gc.collect()


def test_views_keep_the_portfolio_alive_after_it_is_deleted():
    p = aidtrack.load_iati(str(IATI / "fcdo-activity.xml"))
    activity = p.activity_at(0)
    activities = p.activities()
    frame = p.transactions_frame()
    transaction = p.transaction(3)
    results = p.results
    coordination = p.coordination
    expected_id = activity.identifier
    expected_title = activity.title_text
    expected_values = list(frame["value"])
    expected_sum = float(frame["value"].sum())
    expected_tx_value = str(transaction.value)
    del p
    gc.collect()
    _churn()
    assert activity.identifier == expected_id
    assert activity.title_text == expected_title
    assert activities[0].identifier == expected_id
    assert list(frame["value"]) == expected_values
    assert float(frame["value"].sum()) == expected_sum
    assert str(transaction.value) == expected_tx_value
    # The stores of a deleted portfolio still answer (empty for this file, but valid).
    assert results is not None and coordination is not None
    repr(results), repr(coordination)


def test_frames_own_their_columns():
    p = aidtrack.load_iati(str(IATI / "fcdo-activity.xml"))
    frames = [p.transactions_frame(), p.activities_frame(), p.budgets_frame(), p.sectors_frame(), p.warnings_frame()]
    shapes = [f.shape for f in frames]
    firsts = [f.iloc[0].tolist() if len(f) else [] for f in frames]
    del p
    gc.collect()
    _churn()
    assert [f.shape for f in frames] == shapes
    assert [f.iloc[0].tolist() if len(f) else [] for f in frames] == firsts
