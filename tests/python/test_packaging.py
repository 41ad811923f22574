"""Installs like a Python package: pip builds a wheel through the project's CMake build and
installs it into a fresh virtual environment, where aidtrack imports from any folder and finds its
shipped data without AIDTRACK_DATA_DIR. No index and no network: --no-index, --no-build-isolation.

To keep the suite's time in bounds the CMake step reuses the tested build tree
(AIDTRACK_CMAKE_BUILD_DIR, see setup.py) instead of compiling the library a second time; the
README's commands from a fresh clone do the whole build."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _clean_env(build_dir: Path) -> dict[str, str]:
    """The caller's environment without what would let a broken install pass (the build tree on
    PYTHONPATH, the data directory), without any package index, and with the tested build tree."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "AIDTRACK_DATA_DIR", "PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL")}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", AIDTRACK_CMAKE_BUILD_DIR=str(build_dir),
               AIDTRACK_PROGRESS="0")
    return env


def _run(args: list, cwd: Path, env: dict[str, str], timeout: int = 1200) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def cmake_build(build_dir: Path) -> Path:
    build = Path(build_dir).resolve()
    if not (build / "CMakeCache.txt").exists():
        pytest.skip(f"no configured CMake build tree at {build} (set AIDTRACK_BUILD_DIR)")
    return build


def test_pip_wheel_holds_the_module_its_stub_the_package_and_the_data(tmp_path, cmake_build):
    env = _clean_env(cmake_build)
    _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps", "-w", tmp_path, REPO],
         cwd=tmp_path, env=env)
    (wheel,) = tmp_path.glob("aidtrack-*.whl")
    assert wheel.name.startswith("aidtrack-0.") and "-cp3" in wheel.name  # a binary wheel for this Python
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.startswith("aidtrack/_core.") and n.endswith(".so") for n in names)
    for expected in ("aidtrack/__init__.py", "aidtrack/py.typed", "aidtrack/_core.pyi", "aidtrack/measures.pyi",
                     "aidtrack/data/iati/codelists/Currency.xml", "aidtrack/data/iati/schema/iati-activities-schema.xsd",
                     "aidtrack/data/rates/imf_exchangerates_A_ENDA_USD.csv", "aidtrack/data/cambodia/funding.csv"):
        assert expected in names, expected
    assert not any(n.startswith("aidtrack/data/") and "/tests/" in n for n in names)


def test_pip_install_into_a_venv_then_import_and_run_an_example_from_another_folder(tmp_path, cmake_build):
    env = _clean_env(cmake_build)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", venv], cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    # The README's command, run from a checkout.
    _run([python, "-m", "pip", "install", "--no-build-isolation", "--no-index", "."], cwd=REPO, env=env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = ("import aidtrack\n"
              "p = aidtrack.datasets.cambodia()\n"
              "print(aidtrack.__file__)\n"
              "print(aidtrack.data_dir())\n"
              "print(p, len(p.coordination.agreements), aidtrack.__version__)\n")
    module_file, data_dir, summary = _run([python, "-c", script], cwd=elsewhere, env=env).splitlines()
    site = str(venv.resolve())
    assert module_file.startswith(site), module_file  # the installed copy, not the build tree
    assert data_dir.startswith(site) and data_dir.endswith("aidtrack/data"), data_dir
    # The same dataset as the build tree loads from the repository's data/.
    in_tree = _run([sys.executable, "-c", script], cwd=REPO, env={**os.environ}).splitlines()
    assert summary == in_tree[2] and summary.startswith("<Portfolio: ")
    assert (Path(module_file).parent / "_core.pyi").exists()

    # An example, run from another folder with the installed package only.
    example = _run([python, REPO / "examples" / "totals_by_fiscal_year.py"], cwd=elsewhere, env=env)
    assert "Disbursements in USD by australia fiscal year:" in example
    assert sum(1 for line in example.splitlines() if line.split()[:1] == ["AU-5"]) == 3
