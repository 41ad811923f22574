"""Progress where it takes time: load_iati over many files, report.build and the dataset show a
tqdm bar when tqdm is installed, and stay silent without it or with progress=False."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import aidtrack

tqdm = pytest.importorskip("tqdm", reason="tqdm is not installed (Debian: python3-tqdm)")

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "iati" / "real"
FILES = [str(REAL / f) for f in ("canada-activity.xml", "fcdo-activity.xml", "undp-lao-projects.xml")]


@pytest.fixture
def without_tqdm(monkeypatch):
    """As if tqdm were not installed: importing it fails."""
    monkeypatch.setitem(sys.modules, "tqdm", None)
    for name in [m for m in sys.modules if m.startswith("tqdm.")]:
        monkeypatch.delitem(sys.modules, name)


@pytest.fixture(autouse=True)
def automatic_bars(monkeypatch):
    """Automatic bars on, and shown at once: these test files load faster than the delay."""
    monkeypatch.delenv("AIDTRACK_PROGRESS", raising=False)
    monkeypatch.setattr(aidtrack._progress, "AUTOMATIC_DELAY", 0.0)


def test_many_files_show_a_tqdm_bar_of_bytes(capsys):
    portfolio = aidtrack.load_iati(FILES)
    err = capsys.readouterr().err
    assert "IATI:" in err and "100%" in err and "|" in err, err[-500:]
    total_kb = sum(Path(f).stat().st_size for f in FILES) / 1024
    assert f"{total_kb:.0f}k/{total_kb:.0f}k" in err  # bytes read of all the files, in KiB
    assert portfolio.activity_count == aidtrack.load_iati(FILES, progress=False).activity_count


def test_progress_false_stays_silent(capsys):
    aidtrack.load_iati(FILES, progress=False)
    aidtrack.report.build(aidtrack.datasets.cambodia(progress=False), year=2024, progress=False)
    assert capsys.readouterr().err == ""


def test_a_quick_job_stays_silent_by_default(capsys, monkeypatch):
    monkeypatch.setattr(aidtrack._progress, "AUTOMATIC_DELAY", 30.0)  # the real one is 0.5 s
    aidtrack.load_iati(FILES)
    aidtrack.report.build(aidtrack.datasets.cambodia(), year=2024)
    assert capsys.readouterr().err == ""
    aidtrack.load_iati(FILES, progress=True)  # asked for: shown at once
    assert "IATI: 100%" in capsys.readouterr().err


def test_the_environment_can_turn_the_automatic_bar_off(capsys, monkeypatch):
    monkeypatch.setenv("AIDTRACK_PROGRESS", "0")
    aidtrack.load_iati(FILES)
    aidtrack.datasets.cambodia()
    assert capsys.readouterr().err == ""
    aidtrack.load_iati(FILES, progress=True)  # asked for explicitly: still drawn
    assert "IATI:" in capsys.readouterr().err


def test_without_tqdm_the_default_is_silent_and_true_draws_a_plain_bar(capsys, without_tqdm):
    assert aidtrack._progress.tqdm_class() is None
    aidtrack.load_iati(FILES)
    aidtrack.report.build(aidtrack.datasets.cambodia(), year=2024)
    assert capsys.readouterr().err == ""
    aidtrack.load_iati(FILES, progress=True)
    err = capsys.readouterr().err
    assert err.startswith("\rIATI [") and err.endswith("100% " + err.rsplit("100% ", 1)[1]) and err.endswith("MB\n")


def test_report_and_dataset_show_a_bar_of_their_steps(capsys):
    portfolio = aidtrack.datasets.cambodia()
    err = capsys.readouterr().err
    assert "dataset:" in err and "100%" in err, err[-500:]
    aidtrack.report.build(portfolio, year=2024)
    err = capsys.readouterr().err
    assert "report:" in err and "100%" in err and "step" in err, err[-500:]
    assert "provenance" in err  # the step being worked on is shown beside the bar


def test_a_callable_gets_the_library_progress_and_no_bar_is_drawn(capsys):
    seen: list[tuple[int, int]] = []
    aidtrack.load_iati(FILES, progress=lambda done, total: seen.append((done, total)))
    steps: list[str] = []
    aidtrack.report.build(aidtrack.datasets.cambodia(progress=False), year=2024, progress=steps.append)
    assert capsys.readouterr().err == ""
    total = sum(Path(f).stat().st_size for f in FILES)
    assert seen[-1] == (total, total) and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))
    assert steps[0] == "funding by donor and year" and steps[-1] == "provenance"
