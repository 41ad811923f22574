"""One run of every aidtrack benchmark, printed as ratios against the targets of issues 8 and 3.

Run through ``benchmarks/run_all.sh`` (which builds the ``bench`` preset first), or directly:
``/usr/bin/python3 benchmarks/bench_python.py --build build-bench [--full]``.

Default sizes suit a shared 2-core machine: 1 M and 4 M transactions, pandas and the Python
export at 4 M, 50 MB IATI files of two shapes. ``--full`` adds 16 M transactions (scaling), runs
pandas and the export at 10 M rows and imports 500 MB files. ``--duckdb`` adds DuckDB as a second
peer of the aggregation (``npm install`` in benchmarks/duckdb the first time; needs node and npm). Timings are best-of-N; the machine's load
average is printed with the results because other work on the machine slows every number.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
RATES = REPO / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv"


def best_of(n: int, f):
    """Best CPU seconds (all threads of this process) of n runs, and the result. On a shared
    machine the CPU time is the work done; wall time also counts waiting for a core."""
    best, out = float("inf"), None
    for _ in range(n):
        start = time.process_time()
        out = f()
        best = min(best, time.process_time() - start)
    return best, out


def sh(*args: str) -> dict:
    return json.loads(subprocess.run(list(args), check=True, capture_output=True, text=True).stdout)


def generate(build: Path, work: Path, rows: int) -> tuple[Path, Path]:
    archive = work / f"portfolio-{rows // 1_000_000}m.atk"
    objectives = work / f"objectives-{rows // 1_000_000}m.csv"
    if not archive.exists() or not objectives.exists():
        info = sh(str(build / "benchmarks" / "aidtrack_bench_gen"), str(rows), str(archive), str(objectives))
        print(f"  generated {rows:,} rows, {info['activities']:,} activities in {info['seconds']:.1f} s", flush=True)
    return archive, objectives


def pandas_inputs(aidtrack, portfolio, objectives: Path, rates):
    """The researcher's inputs, prepared outside the timing: transactions, donors, shares, rates."""
    frame = portfolio.transactions_frame()
    ids = portfolio._activity_identifiers()
    donors = pd.DataFrame({"activity_id": pd.Categorical(ids, categories=frame["activity_id"].cat.categories),
                           "donor": [portfolio.activity(i).reporting_org.ref for i in ids]})
    shares = pd.read_csv(objectives, dtype={"objective": str})
    mapped = set(shares["activity_id"])
    unmapped = pd.DataFrame({"activity_id": [i for i in ids if i not in mapped], "objective": "(unmapped)", "percentage": 100.0})
    shares = pd.concat([shares, unmapped], ignore_index=True)
    shares["activity_id"] = pd.Categorical(shares["activity_id"], categories=frame["activity_id"].cat.categories)
    currencies = [c for c in frame["currency"].cat.categories if c]
    table = [(c, y, 1.0 if c == "USD" else rates.per_usd(c, dt.date(y, 7, 1))) for c in currencies for y in range(2005, 2025)]
    rate_frame = pd.DataFrame(table, columns=["currency", "rate_year", "per_usd"])
    rate_frame["currency"] = pd.Categorical(rate_frame["currency"], categories=frame["currency"].cat.categories)
    return frame, donors, shares, rate_frame


def pandas_aggregate(frame, donors, shares, rate_frame) -> pd.Series:
    """donor × fiscal year × objective with conversion and the objective split, in plain pandas."""
    df = frame.loc[frame["type"].isin([3, 4]), ["activity_id", "date", "value", "currency", "value_date"]]
    rate_date = df["value_date"].fillna(df["date"])
    df = df.assign(rate_year=rate_date.dt.year, fiscal_year=df["date"].dt.year)
    df = df.merge(rate_frame, on=["currency", "rate_year"], how="left")
    df["usd"] = df["value"] / df["per_usd"]
    df = df.merge(donors, on="activity_id", how="left").merge(shares, on="activity_id", how="left")
    df["amount"] = df["usd"] * df["percentage"] / 100.0
    return df.groupby(["donor", "fiscal_year", "objective"], observed=True)["amount"].sum()


def duckdb_peer(build: Path, work: Path, archive: Path, objectives: Path, repeat: int) -> dict:
    """DuckDB on the same rows: exported once to CSV (donor and fiscal year computed), loaded (timed
    apart), then the doubles query and the exact DECIMAL(38,9) query on 1 and 2 threads."""
    here = Path(__file__).resolve().parent / "duckdb"
    if not (here / "node_modules" / "@duckdb" / "node-api").exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("--duckdb needs node and npm (Debian: apt-get install nodejs npm)")
        subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=here, check=True)
    data = work / f"duckdb-{archive.stem}"
    if not (data / "shares.csv").exists():
        start = time.perf_counter()
        sh(str(build / "benchmarks" / "aidtrack_bench"), "export", str(archive), str(objectives), str(RATES), str(data))
        print(f"  exported {archive.name} to CSV for DuckDB in {time.perf_counter() - start:.1f} s", flush=True)
    return json.loads(subprocess.run(["node", str(here / "bench.mjs"), str(data), str(repeat)], check=True, capture_output=True,
                                     text=True).stdout)


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", type=Path, default=REPO / "build-bench")
    ap.add_argument("--work", type=Path, default=None, help="where generated data goes (default BUILD/bench-data)")
    ap.add_argument("--full", action="store_true", help="add 16 M rows, pandas/export at 10 M, a 500 MB IATI file")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--duckdb", action="store_true", help="add DuckDB (npm install in benchmarks/duckdb) as a peer of the aggregation")
    args = ap.parse_args()
    build = args.build.resolve()
    work = (args.work or build / "bench-data").resolve()
    work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(build / "python"))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import aidtrack  # noqa: E402
    from aidtrack.aggregate import aggregate  # noqa: E402
    import bench_import  # noqa: E402

    bench = str(build / "benchmarks" / "aidtrack_bench")
    sizes = [1_000_000, 4_000_000] + ([16_000_000] if args.full else [])
    python_rows = 10_000_000 if args.full else 4_000_000
    load_before = load_average()
    print(f"aidtrack benchmarks: {os.cpu_count()} cores, load average {load_before}", flush=True)
    results: dict = {"scaling": []}

    # (4) Scaling and (1b) the memory floor, in C++.
    for rows in sizes:
        archive, objectives = generate(build, work, rows)
        agg = sh(bench, "aggregate", str(archive), str(objectives), str(RATES), str(args.repeat))
        mem = sh(bench, "load", str(archive))
        results["scaling"].append({**agg, **{k: mem[k] for k in ("peak_kib", "column_bytes", "archive_bytes")}})
        print(f"  {rows:>11,} rows: aggregate CPU {agg['aggregate_1t_cpu_s'] * 1e3:7.1f} ms (wall {agg['aggregate_1t_s'] * 1e3:7.1f}) "
              f"on 1 thread (first call {agg['aggregate_first_1t_cpu_s'] * 1e3:7.1f}), wall {agg['aggregate_2t_s'] * 1e3:7.1f} ms on 2; floor {agg['floor_cpu_s'] * 1e3:6.2f} ms, "
              f"its six columns {agg['columns_cpu_s'] * 1e3:6.2f} ms; "
              f"archive load wall {agg['load_s']:.2f} s", flush=True)

    # DuckDB as a second peer, on the largest default size.
    if args.duckdb:
        archive, objectives = generate(build, work, 4_000_000)
        duck = duckdb_peer(build, work, archive, objectives, args.repeat)
        results["duckdb"] = duck
        print(f"  DuckDB {duck['version']} on {duck['rows']:,} rows: load {duck['load_s']:.2f} s (apart); doubles "
              f"{duck['double_1t_cpu_s'] * 1e3:.0f} ms CPU on 1 thread, {duck['double_2t_s'] * 1e3:.0f} ms wall on 2; "
              f"DECIMAL(38,9) {duck['decimal_1t_cpu_s'] * 1e3:.0f} ms CPU on 1 thread, {duck['decimal_2t_s'] * 1e3:.0f} ms wall on 2; "
              f"totals {duck['double_total']} / {duck['decimal_total']}", flush=True)

    # (1a) aidtrack vs pandas and (3) the Python export, in this process.
    archive, objectives = generate(build, work, python_rows)
    rates = aidtrack.ExchangeRates.from_imf_csv(str(RATES))
    portfolio = aidtrack.Portfolio.load(str(archive))
    # Converted once, as the pandas version's share frame is built once outside its timing.
    shares = aidtrack.ObjectiveMapping(pd.read_csv(objectives, dtype={"objective": str}).itertuples(index=False))
    t_aid, result = best_of(args.repeat, lambda: aggregate(portfolio, shares, rates=rates, types=[3, 4], threads=1))
    # What a notebook compares with pandas: both ending in a DataFrame.
    t_aid_frame, _ = best_of(args.repeat, lambda: aggregate(portfolio, shares, rates=rates, types=[3, 4], threads=1).frame())
    frame, donors, share_frame, rate_frame = pandas_inputs(aidtrack, portfolio, objectives, rates)
    t_pandas, expected = best_of(2, lambda: pandas_aggregate(frame, donors, share_frame, rate_frame))
    got = {(d, fy, o): float(v) for d, fy, o, v, _n in result.records()}
    worst = max(abs(got[k] - v) / max(1.0, abs(v)) for k, v in expected.items())
    del frame, donors, share_frame, rate_frame, expected
    gc.collect()
    t_frame, frame = best_of(3, lambda: portfolio.transactions_frame())
    del frame
    gc.collect()
    cols = portfolio._transaction_columns()
    arrays = [np.asarray(v) for v in cols.values()]
    t_copy, _ = best_of(3, lambda: [a.copy() for a in arrays])
    results["python"] = {"rows": python_rows, "aidtrack_s": t_aid, "aidtrack_frame_s": t_aid_frame, "pandas_s": t_pandas,
                         "worst_relative_difference": worst, "frame_s": t_frame, "numpy_copy_s": t_copy}
    print(f"  {python_rows:,} rows in Python: aidtrack {t_aid * 1e3:.0f} ms ({t_aid_frame * 1e3:.0f} ms with its DataFrame), "
          f"pandas {t_pandas:.2f} s "
          f"(largest relative difference of pandas' float sums {worst:.1e}); transactions_frame {t_frame * 1e3:.0f} ms, "
          f"numpy copy {t_copy * 1e3:.0f} ms", flush=True)
    del portfolio, cols, arrays
    gc.collect()

    # (2) and (5): the IATI import on two shapes, the archive of the imported portfolio.
    imports = {}
    for shape in ("real", "dportal"):
        imp = bench_import.run(build, work, 500 if args.full else 50, shape)
        imports[shape] = imp
        print(f"  IATI {shape} {imp['file_mb']:.0f} MB ({imp['activities']:,} activities, {imp['transactions']:,} transactions), MB/s of CPU "
              f"(wall): CLI {imp['cli_mb_s']:.1f} ({imp['cli_wall_mb_s']:.1f}), read_iati_files {imp['aidtrack_mb_s']:.1f} "
              f"({imp['aidtrack_wall_mb_s']:.1f}), load_iati {imp.get('load_iati_mb_s', float('nan')):.1f}, pugixml {imp['pugixml_mb_s']:.1f}, "
              f"lxml {imp['lxml_mb_s']:.2f}; save {imp['save_s'] * 1e3:.0f} ms CPU, archive load {imp['archive_load_s'] * 1e3:.0f} ms", flush=True)
    results["import"] = imports
    imp = imports["real"]

    # Summary.
    s = results["scaling"]
    big, small = s[-1], s[0]
    slope_ns = [r["aggregate_1t_cpu_s"] / r["rows"] * 1e9 for r in s]
    growth = (big["aggregate_1t_cpu_s"] / small["aggregate_1t_cpu_s"]) / (big["rows"] / small["rows"])
    marginal_ns = (big["aggregate_1t_cpu_s"] - small["aggregate_1t_cpu_s"]) / (big["rows"] - small["rows"]) * 1e9
    mid = s[-1] if python_rows >= s[-1]["rows"] else s[1]
    rows_table = [
        ("aggregate (1 thread) vs pandas, CPU (same process, %dM)" % (python_rows // 1_000_000), t_pandas / t_aid, ">= 20x faster",
         t_pandas / t_aid >= 20),
        ("aggregate + result.frame() vs pandas, CPU (%dM)" % (python_rows // 1_000_000), t_pandas / t_aid_frame,
         ">= 20x faster", t_pandas / t_aid_frame >= 20),
        ("aggregate (1 thread, CPU) / one-column sum floor (%dM)" % (big["rows"] // 1_000_000),
         big["aggregate_1t_cpu_s"] / big["floor_cpu_s"], "<= 10x", big["aggregate_1t_cpu_s"] / big["floor_cpu_s"] <= 10),
        ("aggregate (1 thread, CPU) / one pass over its six columns (%dM)" % (big["rows"] // 1_000_000),
         big["aggregate_1t_cpu_s"] / big["columns_cpu_s"], "a few times (<= 5x)", big["aggregate_1t_cpu_s"] / big["columns_cpu_s"] <= 5),
        ("parallel speed-up 1 -> 2 threads (%dM)" % (big["rows"] // 1_000_000), big["aggregate_1t_s"] / big["aggregate_2t_s"],
         "> 1 (2 cores)", big["aggregate_1t_s"] / big["aggregate_2t_s"] > 1.2),
        ("scaling: CPU time %dM / %dM, per unit of rows" % (big["rows"] // 1_000_000, small["rows"] // 1_000_000), growth,
         "<= 1 (linear)", growth <= 1.1),
        ("archive load vs IATI XML import (%.0f MB)" % imp["file_mb"], imp["import_s"] / imp["archive_load_s"], ">= 10x faster",
         imp["import_s"] / imp["archive_load_s"] >= 10),
        ("archive size / raw column bytes (%dM)" % (mid["rows"] // 1_000_000), mid["archive_bytes"] / mid["column_bytes"], "<= 1.5x",
         mid["archive_bytes"] / mid["column_bytes"] <= 1.5),
        ("peak memory of load / raw column bytes (%dM)" % (mid["rows"] // 1_000_000), mid["peak_kib"] * 1024 / mid["column_bytes"],
         "<= 1.5x", mid["peak_kib"] * 1024 / mid["column_bytes"] <= 1.5),
        ("transactions_frame / numpy copy (%dM rows)" % (python_rows // 1_000_000), t_frame / t_copy, "<= 2x", t_frame / t_copy <= 2),
        ("IATI import / bare pugixml parse (throughput)", imp["aidtrack_mb_s"] / imp["pugixml_mb_s"], ">= 0.5x",
         imp["aidtrack_mb_s"] / imp["pugixml_mb_s"] >= 0.5),
        ("IATI import / lxml iterparse script (throughput)", imp["aidtrack_mb_s"] / imp["lxml_mb_s"], ">= 10x",
         imp["aidtrack_mb_s"] / imp["lxml_mb_s"] >= 10),
        ("IATI import peak memory / file size", imp["import_peak_mb"] / imp["file_mb"], "<= 2x", imp["import_peak_mb"] / imp["file_mb"] <= 2),
        ("aggregate CPU ns per row, 1 thread (%dM)" % (big["rows"] // 1_000_000), big["aggregate_1t_cpu_s"] / big["rows"] * 1e9,
         "<= 8 ns", big["aggregate_1t_cpu_s"] / big["rows"] * 1e9 <= 8),
        ("aggregate CPU ns per row, 1 thread, first call on the portfolio (%dM)" % (big["rows"] // 1_000_000),
         big["aggregate_first_1t_cpu_s"] / big["rows"] * 1e9, "<= 8 ns", big["aggregate_first_1t_cpu_s"] / big["rows"] * 1e9 <= 8),
    ]
    for shape, i in imports.items():
        rows_table += [
            (f"IATI {shape}: import (wall, all cores) / lxml script", i["lxml_s"] / i["import_wall_s"], ">= 5x", i["lxml_s"] / i["import_wall_s"] >= 5),
            (f"IATI {shape}: import / bare pugixml parse (CPU)", i["parse_s"] / i["import_s"], ">= 1.0x", i["parse_s"] / i["import_s"] >= 1.0),
            (f"IATI {shape}: import (wall, all cores) / bare pugixml parse (1 thread)", i["parse_s"] / i["import_wall_s"], ">= 1.0x",
             i["parse_s"] / i["import_wall_s"] >= 1.0),
            (f"IATI {shape}: CLI import / first read_iati_files (CPU)", i["cli_s"] / i["import_first_s"], "<= 1.1x",
             i["cli_s"] / i["import_first_s"] <= 1.1),
            (f"IATI {shape}: CLI import / best read_iati_files (CPU)", i["cli_s"] / i["import_s"], "<= 1.1x", i["cli_s"] / i["import_s"] <= 1.1),
            # The same work on both sides: the CLI reads and saves.
            (f"IATI {shape}: CLI import / best read_iati_files + save (CPU)", i["cli_s"] / (i["import_s"] + i["save_s"]), "<= 1.1x",
             i["cli_s"] / (i["import_s"] + i["save_s"]) <= 1.1),
        ]
        if "load_iati_s" in i:
            rows_table.append((f"IATI {shape}: CLI import / aidtrack.load_iati (CPU)", i["cli_s"] / i["load_iati_s"], "<= 1.1x",
                               i["cli_s"] / i["load_iati_s"] <= 1.1))
        rows_table += [
            (f"IATI {shape}: import CPU / lxml script CPU (one core)", i["lxml_s"] / i["import_s"], ">= 5x", i["lxml_s"] / i["import_s"] >= 5),
        ]
    if "duckdb" in results:
        d = results["duckdb"]
        four = next(r for r in s if r["rows"] == d["rows"])
        rows_table += [
            ("aggregate vs DuckDB doubles, 1 thread (CPU)", d["double_1t_cpu_s"] / four["aggregate_1t_cpu_s"], ">= 5x",
             d["double_1t_cpu_s"] / four["aggregate_1t_cpu_s"] >= 5),
            ("aggregate vs DuckDB doubles, 2 threads (wall)", d["double_2t_s"] / four["aggregate_2t_s"], ">= 5x",
             d["double_2t_s"] / four["aggregate_2t_s"] >= 5),
            ("aggregate vs DuckDB DECIMAL(38,9), 1 thread (CPU)", d["decimal_1t_cpu_s"] / four["aggregate_1t_cpu_s"], "(exact peer)", True),
            ("aggregate vs DuckDB DECIMAL(38,9), 2 threads (wall)", d["decimal_2t_s"] / four["aggregate_2t_s"], "(exact peer)", True),
        ]
    print()
    print(f"Summary (load average before {load_before}, after {load_average()}; ratios of CPU times except the "
          f"speed-up, which is wall time; aggregate CPU ns/row: "
          + ", ".join(f"{r['rows'] // 1_000_000}M {ns:.1f}" for r, ns in zip(s, slope_ns)) + f"; slope {marginal_ns:.1f} ns/row)")
    print(f"{'measure':<56} {'ratio':>9}  {'target':<14} holds")
    for name, ratio, target, ok in rows_table:
        print(f"{name:<56} {ratio:>9.2f}  {target:<14} {'yes' if ok else 'NO'}")
    (work / "results.json").write_text(json.dumps(results, indent=1))
    print(f"\nraw numbers: {work / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
