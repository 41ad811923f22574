"""Shared fixtures: where the repository, its data, the test data and an optional corpus are."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Real IATI files and the schema's own test suite, copied into the repository (see tests/data/iati/README.md).
REAL_IATI = REPO / "tests" / "data" / "iati" / "real"
#: A larger corpus of IATI XML files kept outside the repository (for example a registry dump);
#: tests that want it skip when it is absent.
CORPUS_ENV = "AIDTRACK_IATI_CORPUS"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def real_iati() -> Path:
    return REAL_IATI


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    """The IATI XML files under $AIDTRACK_IATI_CORPUS, or a skip saying how to provide them."""
    where = os.environ.get(CORPUS_ENV, "")
    if not where:
        pytest.skip(f"no large IATI corpus: set {CORPUS_ENV} to a directory of IATI XML files to run this test "
                    f"(the repository ships only the small real files of {REAL_IATI.relative_to(REPO)})")
    files = sorted(Path(where).rglob("*.xml"))
    if not files:
        pytest.skip(f"{CORPUS_ENV}={where} holds no .xml file")
    return files


@pytest.fixture(scope="session")
def build_dir() -> Path:
    return Path(os.environ.get("AIDTRACK_BUILD_DIR", REPO / "build"))
