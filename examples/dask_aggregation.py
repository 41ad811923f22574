"""Donor x fiscal year x NMAS objective sums over many IATI files with Dask, reduced exactly.

Each IATI file (or .atk archive) is one partition: a worker loads it, computes a partial
:class:`aidtrack.AggregateResult`, and the partials are merged. Sums are exact 128-bit integers,
so the reduced result equals the single-process aggregate of all the files bit for bit, whatever
the order in which the partials arrive.

Run: ``python3 examples/dask_aggregation.py [FILE ...]`` with aidtrack installed (or
``PYTHONPATH=build/python /usr/bin/python3 …`` in a build tree); the default partitions are the
real IATI files shipped with the Cambodia dataset. Here the cluster is a LocalCluster of two
worker processes; on a real cluster pass ``--scheduler tcp://host:8786`` instead: the same
functions run on every machine that has aidtrack installed and can read the files (a shared
file system or object store), and only the small partial results travel over the network.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Sequence

import aidtrack
from aidtrack.aggregate import AggregateResult, aggregate, merge_all

DATA = Path(aidtrack.data_dir())  # the shipped data: the package's own copy, or the build's data/
#: One partition per file: UNDP's Cambodia projects and the d-portal Cambodia extract.
DEFAULT_FILES = sorted(str(p) for p in (DATA / "cambodia" / "iati").glob("*.xml"))
RATES = DATA / "rates" / "imf_exchangerates_A_ENDA_USD.csv"
# A fixed-year policy: every currency of these files has a 2020 IMF rate.
RATE_YEAR = 2020
TYPES = (3, 4)


def load(path: str) -> aidtrack.Portfolio:
    """One partition: an archive or an IATI file."""
    return aidtrack.Portfolio.load(path) if path.endswith(".atk") else aidtrack.load_iati(path)


def partial(path: str, objectives: Sequence[tuple], rates_path: str = str(RATES)) -> AggregateResult:
    """The aggregate of one partition (runs on a worker)."""
    rates = aidtrack.ExchangeRates.from_imf_csv(rates_path)
    return aggregate(load(path), objectives, rates=rates, types=TYPES,
                     policy=aidtrack.ConversionPolicy.fixed_year(RATE_YEAR))


def single_process(paths: Sequence[str], objectives: Sequence[tuple], rates_path: str = str(RATES)) -> AggregateResult:
    """The reference: all files in one Portfolio, one aggregate."""
    rates = aidtrack.ExchangeRates.from_imf_csv(rates_path)
    return aggregate(aidtrack.load_iati(list(paths)), objectives, rates=rates, types=TYPES,
                     policy=aidtrack.ConversionPolicy.fixed_year(RATE_YEAR))


def distributed(client, paths: Sequence[str], objectives: Sequence[tuple]) -> AggregateResult:
    """One task per file; the partials are merged on the cluster and the result comes back."""
    futures = client.map(partial, list(paths), objectives=list(objectives), pure=False)
    return client.submit(merge_all, futures).result()


def example_objectives() -> list[tuple]:
    """A small NMAS mapping: Clearing for Results III split two ways, its output on one objective."""
    return [("XM-DAC-41114-PROJECT-00090541", "1.1", 60), ("XM-DAC-41114-PROJECT-00090541", "2.1", 40),
            ("XM-DAC-41114-PROJECT-00096246", "1.1", 100)]


def main() -> None:
    from dask.distributed import Client, LocalCluster

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler (default: a local 2-worker cluster)")
    args = ap.parse_args()
    paths = args.files or DEFAULT_FILES
    objectives = example_objectives()
    start = time.perf_counter()
    if args.scheduler:
        with Client(args.scheduler) as client:
            result = distributed(client, paths, objectives)
    else:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            result = distributed(client, paths, objectives)
    elapsed = time.perf_counter() - start
    reference = single_process(paths, objectives)
    print(result.frame().to_string(max_rows=20))
    print(f"{len(paths)} partitions, {len(result)} cells, total {result.total()} USD in {elapsed:.1f} s; "
          f"equal to the single-process answer: {result == reference}")


if __name__ == "__main__":
    main()
