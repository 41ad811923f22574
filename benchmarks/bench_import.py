"""IATI import throughput: the CLI, the library call, a bare pugixml parse and a Python
lxml.etree.iterparse script, on two shapes of file.

* ``real``: the real activities of every tests/data/iati/real/*.xml (activity-heavy: narratives,
  results, budgets, 5 937 activities and 25 000 transactions in 50 MB);
* ``dportal``: d-portal's COVID-19 export, tests/data/iati/real/dportal-covid.xml (many publishers,
  namespaced attributes, many warnings).

Each is replicated with fresh identifiers until it reaches the asked size. Timed: ``aidtrack
import FILE -o OUT.atk --quiet`` (the CLI, process CPU and wall, the archive saved), the library
call ``read_iati_files`` (``aidtrack_bench import``) and ``aidtrack.load_iati`` when the Python
module is importable, the bare pugixml parse (``aidtrack_bench parse``) and the lxml script.
Best of 3 (the lxml script too). Used by bench_python.py (run_all.sh); can run alone:
``/usr/bin/python3 benchmarks/bench_import.py --build build-bench [--mb 50] [--shape real|dportal]``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "data" / "iati" / "real"
SHAPES = {"real": sorted(REAL.glob("*.xml")), "dportal": [REAL / "dportal-covid.xml"]}


def make_replicated_xml(out: Path, megabytes: float, sources: list[Path] | None = None) -> Path:
    """Writes the activities of `sources` (default: every real file) again and again, each copy
    with a fresh iati-identifier."""
    if out.exists() and out.stat().st_size >= megabytes * 1e6 * 0.98:
        return out
    activities: list[tuple[bytes, bytes]] = []
    for path in sources if sources is not None else SHAPES["real"]:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)).getroot()
        if root.tag != "iati-activities":
            continue
        for act in root.iterfind("iati-activity"):
            ident = act.findtext("iati-identifier")
            if not ident:
                continue
            text = etree.tostring(act, encoding="utf-8")
            activities.append((text, ident.strip().encode()))
    target = int(megabytes * 1e6)
    written = 0
    copy = 0
    with open(out, "wb") as f:
        head = b'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">\n'
        f.write(head)
        written += len(head)
        while written < target:
            for j, (text, ident) in enumerate(activities):
                fresh = ident + b"-R%d-%d" % (copy, j)
                piece = text.replace(b"<iati-identifier>" + ident + b"</iati-identifier>",
                                     b"<iati-identifier>" + fresh + b"</iati-identifier>", 1) + b"\n"
                f.write(piece)
                written += len(piece)
                if written >= target:
                    break
            copy += 1
        f.write(b"</iati-activities>\n")
    return out


def lxml_transactions(path: Path) -> pd.DataFrame:
    """What a researcher would write: iterparse the activities, pull each transaction's fields."""
    rows: dict[str, list] = {k: [] for k in ("activity_id", "type", "date", "value", "currency", "value_date",
                                             "provider_org", "receiver_org", "sector", "country")}
    for _event, act in etree.iterparse(str(path), events=("end",), tag="iati-activity", resolve_entities=False, no_network=True):
        ident = act.findtext("iati-identifier")
        default_currency = act.get("default-currency")
        for t in act.iterfind("transaction"):
            value = t.find("value")
            rows["activity_id"].append(ident)
            rows["type"].append(t.find("transaction-type").get("code") if t.find("transaction-type") is not None else None)
            d = t.find("transaction-date")
            rows["date"].append(d.get("iso-date") if d is not None else None)
            rows["value"].append(value.text if value is not None else None)
            rows["currency"].append((value.get("currency") if value is not None else None) or default_currency)
            rows["value_date"].append(value.get("value-date") if value is not None else None)
            p = t.find("provider-org")
            rows["provider_org"].append(p.get("ref") if p is not None else None)
            r = t.find("receiver-org")
            rows["receiver_org"].append(r.get("ref") if r is not None else None)
            s = t.find("sector")
            rows["sector"].append(s.get("code") if s is not None else None)
            c = t.find("recipient-country")
            rows["country"].append(c.get("code") if c is not None else None)
        act.clear()
        while act.getprevious() is not None:
            del act.getparent()[0]
    frame = pd.DataFrame(rows)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    frame["value_date"] = pd.to_datetime(frame["value_date"], errors="coerce")
    for name in ("currency", "provider_org", "receiver_org", "sector", "country", "type"):
        frame[name] = frame[name].astype("category")
    return frame


def best_child(n: int, args: list[str]) -> tuple[float, float]:
    """Best wall and CPU seconds (user + system of the child) of n runs of a command."""
    wall, cpu = float("inf"), float("inf")
    for _ in range(n):
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise subprocess.CalledProcessError(proc.returncode, args)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, usage.ru_utime + usage.ru_stime)
    return wall, cpu


def run(build: Path, work: Path, megabytes: float, shape: str = "real") -> dict:
    bench = build / "benchmarks" / "aidtrack_bench"
    cli = build / "bin" / "aidtrack"
    name = "iati" if shape == "real" else f"iati-{shape}"
    xml = make_replicated_xml(work / f"{name}-{int(megabytes)}mb.xml", megabytes, SHAPES[shape])
    size = xml.stat().st_size
    mb = size / 1e6
    imp = json.loads(subprocess.run([str(bench), "import", str(xml), str(work / "iati-import.atk")], check=True,
                                    capture_output=True, text=True).stdout)
    parse = json.loads(subprocess.run([str(bench), "parse", str(xml), "3"], check=True, capture_output=True, text=True).stdout)
    cli_wall, cli_cpu = best_child(3, [str(cli), "import", str(xml), "-o", str(work / "iati-cli.atk"), "--quiet"])
    out = {
        "shape": shape, "file_mb": mb, "activities": imp["activities"], "transactions": imp["transactions"],
        "aidtrack_mb_s": mb / imp["import_cpu_s"], "aidtrack_wall_mb_s": mb / imp["import_s"],
        "import_first_s": imp["import_first_cpu_s"], "import_first_wall_s": imp["import_first_s"],
        "cli_mb_s": mb / cli_cpu, "cli_wall_mb_s": mb / cli_wall, "cli_s": cli_cpu, "cli_wall_s": cli_wall,
        "pugixml_mb_s": mb / parse["parse_cpu_s"], "import_s": imp["import_cpu_s"], "parse_s": parse["parse_cpu_s"],
        "import_wall_s": imp["import_s"], "import_peak_mb": imp["import_peak_kib"] * 1024 / 1e6,
        "archive_load_s": imp["archive_load_cpu_s"], "archive_load_wall_s": imp["archive_load_s"], "archive_mb": imp["archive_bytes"] / 1e6,
        "save_s": imp["save_cpu_s"], "save_wall_s": imp["save_s"],
    }
    if "aidtrack" in sys.modules:
        # The Python library call, in this process (best of 3, CPU of every thread and wall).
        aidtrack = sys.modules["aidtrack"]
        best_cpu, best_wall = float("inf"), float("inf")
        for _ in range(3):
            c0, w0 = time.process_time(), time.perf_counter()
            portfolio = aidtrack.load_iati(str(xml), progress=False)
            best_cpu, best_wall = min(best_cpu, time.process_time() - c0), min(best_wall, time.perf_counter() - w0)
            del portfolio
        out.update({"load_iati_s": best_cpu, "load_iati_wall_s": best_wall, "load_iati_mb_s": mb / best_cpu})
    # The lxml script, best of 3 like every other timing here (CPU seconds, like the C++ side:
    # the machine may be shared); one run alone moved by half between runs.
    lxml_s = float("inf")
    for _ in range(3):
        start = time.process_time()
        frame = lxml_transactions(xml)
        lxml_s = min(lxml_s, time.process_time() - start)
        rows = len(frame)
        del frame
    out.update({"lxml_rows": rows, "lxml_s": lxml_s, "lxml_mb_s": mb / lxml_s})
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", type=Path, default=REPO / "build-bench")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--shape", choices=sorted(SHAPES), action="append", help="default: both")
    args = ap.parse_args()
    work = args.work or args.build / "bench-data"
    work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(args.build.resolve() / "python"))
    try:
        import aidtrack  # noqa: F401
    except ImportError:
        pass
    print(json.dumps([run(args.build, work, args.mb, shape) for shape in (args.shape or ["real", "dportal"])], indent=1))
