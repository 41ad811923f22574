"""Partial aggregates of IATI files computed on a 2-worker Dask LocalCluster reduce exactly to
the single-process answer (examples/dask_aggregation.py)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "iati" / "real"
FILES = ["undp-cambodia-projects.xml", "nl-mfa-activities.xml", "worldbank-activity.xml", "canada-activity.xml",
         "usaid-activity.xml", "fcdo-activity.xml", "ifad-activity.xml", "beis-activity.xml"]
spec = importlib.util.spec_from_file_location("dask_aggregation", ROOT / "examples" / "dask_aggregation.py")
example = importlib.util.module_from_spec(spec)
spec.loader.exec_module(example)


def test_local_cluster_partials_merge_to_the_single_process_answer():
    paths = [str(REAL / f) for f in FILES]
    objectives = example.example_objectives()
    reference = example.single_process(paths, objectives)
    assert len(reference) > 0 and reference.total() != 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = example.distributed(client, paths, objectives)
        # The partials themselves came from both workers and merge in any order.
        partials = client.gather(client.map(example.partial, paths, objectives=objectives, pure=False))
    assert result == reference
    assert example.merge_all(reversed(partials)) == reference
    assert result.records() == reference.records()
    # The mapping is applied on the workers: Clearing for Results III money is split 60/40.
    objectives_seen = {o for _d, _fy, o, _v, _n in result.records()}
    assert "(unmapped)" in objectives_seen


def test_the_example_runs_on_the_shipped_files():
    """As a user runs it: no argument, the Cambodia dataset's IATI files shipped in data/."""
    assert len(example.DEFAULT_FILES) == 2 and all(Path(f).exists() for f in example.DEFAULT_FILES)
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "dask_aggregation.py")], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "2 partitions," in done.stdout and "equal to the single-process answer: True" in done.stdout
