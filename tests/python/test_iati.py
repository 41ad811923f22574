"""IATI import: `aidtrack summarize --json` and `aidtrack.load_iati` against an independent
computation on the real published files (xml.etree + decimal.Decimal, written here)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import aidtrack

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "iati" / "real"
TEST_DATA = REPO / "tests" / "data" / "iati"
REAL_FILES = sorted(REAL.glob("*.xml"))


def _cli() -> Path:
    build = os.environ.get("AIDTRACK_BUILD_DIR")
    if build:
        return Path(build) / "bin" / "aidtrack"
    # PYTHONPATH=<build>/python
    for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        candidate = Path(entry).parent / "bin" / "aidtrack"
        if candidate.exists():
            return candidate
    pytest.skip("aidtrack command not found (set AIDTRACK_BUILD_DIR)")


# --- the independent computation ---------------------------------------------------------------
# The same rules as DESIGN.md states them, written from the standard, not from the C++ code:
# currency = value/@currency else iati-activity/@default-currency (an ISO 4217 code on the IATI
# Currency codelist); transaction type = transaction-type/@code in 1..13; a budget without @type
# is type 1; budgets and planned disbursements need a period-start/end (the model holds a
# period); the first of two activities with one identifier is kept.

_XML_SPACE = " \t\r\n"
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")


def _currencies() -> set[str]:
    root = ET.parse(REPO / "data" / "iati" / "codelists" / "Currency.xml").getroot()
    return {item.findtext("code").strip() for item in root.iter("codelist-item")}


CURRENCIES = _currencies()


def _number(text: str | None) -> Decimal | None:
    text = (text or "").strip(_XML_SPACE)
    if not _NUMBER.match(text):
        return None
    if "." in text and len(text.split(".")[1].rstrip("0")) > 9:
        return None  # more than nine decimals: outside the library's exact range
    return Decimal(text)


def _iso(element) -> date | None:
    if element is None:
        return None
    try:
        return date.fromisoformat((element.get("iso-date") or "").strip(_XML_SPACE)[:10])
    except ValueError:
        return None


def _currency(value, default: str) -> str | None:
    cur = (value.get("currency") or "").strip(_XML_SPACE) or default
    return cur if cur in CURRENCIES else None


def independent_summary(paths) -> dict:
    out = {"activities": 0, "transactions": Counter(), "tx_sum": defaultdict(Decimal), "budgets": Counter(),
           "b_sum": defaultdict(Decimal), "pd": Counter(), "pd_sum": defaultdict(Decimal),
           "results": 0, "indicators": 0, "periods": 0, "left_out": 0}
    seen = set()
    for path in paths:
        root = ET.parse(path).getroot()
        if root.tag != "iati-activities":
            continue
        for act in root.iter("iati-activity"):
            ident = (act.findtext("iati-identifier") or "").strip(_XML_SPACE)
            if not ident or ident in seen:
                continue
            seen.add(ident)
            out["activities"] += 1
            default = (act.get("default-currency") or "").strip(_XML_SPACE)
            for t in act.findall("transaction"):
                tt = t.find("transaction-type")
                code = (tt.get("code") or "").strip(_XML_SPACE) if tt is not None else ""
                v = t.find("value")
                amount = _number(v.text) if v is not None else None
                cur = _currency(v, default) if v is not None else None
                if not code.isdigit() or not 1 <= int(code) <= 13 or amount is None or cur is None:
                    out["left_out"] += 1
                    continue
                key = f"{int(code)}|{cur}"
                out["transactions"][key] += 1
                out["tx_sum"][key] += amount
            for b in act.findall("budget"):
                btype = (b.get("type") or "").strip(_XML_SPACE) or "1"
                v = b.find("value")
                amount = _number(v.text) if v is not None else None
                cur = _currency(v, default) if v is not None else None
                start, end = _iso(b.find("period-start")), _iso(b.find("period-end"))
                if btype not in ("1", "2") or amount is None or cur is None or not start or not end or end < start:
                    out["left_out"] += 1
                    continue
                out["budgets"][f"{btype}|{cur}"] += 1
                out["b_sum"][f"{btype}|{cur}"] += amount
            for p in act.findall("planned-disbursement"):
                ptype = (p.get("type") or "").strip(_XML_SPACE) or "1"
                v = p.find("value")
                amount = _number(v.text) if v is not None else None
                cur = _currency(v, default) if v is not None else None
                start, end = _iso(p.find("period-start")), _iso(p.find("period-end"))
                if ptype not in ("1", "2") or amount is None or cur is None or not start or not end or end < start:
                    out["left_out"] += 1
                    continue
                out["pd"][cur] += 1
                out["pd_sum"][cur] += amount
            for r in act.findall("result"):
                out["results"] += 1
                for ind in r.findall("indicator"):
                    out["indicators"] += 1
                    out["periods"] += len(ind.findall("period"))
    return out


def run_summarize(*paths) -> dict:
    proc = subprocess.run([str(_cli()), "summarize", "--json", *map(str, paths)], capture_output=True, text=True,
                          timeout=300, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_summarize_json_matches_independent_decimal_arithmetic(path):
    got = run_summarize(path)
    want = independent_summary([path])
    assert set(got) == {"activities", "transactions", "budgets", "planned_disbursements", "results", "warnings"}
    assert got["activities"] == want["activities"]
    assert got["transactions"]["count"] == sum(want["transactions"].values())
    assert {k: Decimal(v) for k, v in got["transactions"]["by_type_currency"].items()} == dict(want["tx_sum"])
    assert all(isinstance(v, str) for v in got["transactions"]["by_type_currency"].values())
    assert got["budgets"]["count"] == sum(want["budgets"].values())
    assert {k: Decimal(v) for k, v in got["budgets"]["by_type_currency"].items()} == dict(want["b_sum"])
    assert got["planned_disbursements"]["count"] == sum(want["pd"].values())
    assert {k: Decimal(v) for k, v in got["planned_disbursements"]["by_currency"].items()} == dict(want["pd_sum"])
    assert got["results"] == {"results": want["results"], "indicators": want["indicators"], "periods": want["periods"]}
    # every record left out is counted among the warnings (other warnings may add to them)
    assert got["warnings"] >= want["left_out"]


def test_summarize_json_of_all_files_together_adds_up():
    got = run_summarize(*REAL_FILES)
    want = independent_summary(REAL_FILES)
    assert got["activities"] == want["activities"]
    assert {k: Decimal(v) for k, v in got["transactions"]["by_type_currency"].items()} == dict(want["tx_sum"])


def test_messy_czech_records_are_left_out_with_warnings():
    path = REAL / "dportal-covid.xml"
    got = run_summarize(path)
    want = independent_summary([path])
    assert got["activities"] == 401
    assert want["left_out"] >= 21  # 21 <transaction-type>1</transaction-type> records with no @code
    portfolio = aidtrack.load_iati([path])
    frame = portfolio.warnings_frame()
    text_type = frame[frame["message"].str.contains("element text")]
    assert len(text_type) == 21
    assert (text_type["rule"] == "transaction-type-code").all()
    assert text_type["file"].str.endswith("dportal-covid.xml").all()
    assert (text_type["line"] > 0).all()


def test_load_iati_frames_of_undp_cambodia():
    path = REAL / "undp-cambodia-projects.xml"
    portfolio = aidtrack.load_iati([str(path)])
    root = ET.parse(path).getroot()
    acts = root.findall("iati-activity")
    assert portfolio.activity_count == len(acts)
    activities = portfolio.activities_frame()
    assert len(activities) == len(acts)
    assert {"activity_id", "title", "reporting_org", "planned_start", "selected_by", "line"} <= set(activities.columns)
    tx = portfolio.transactions_frame()
    for column in ("activity_id", "type", "date", "value", "currency", "value_date", "provider_org", "receiver_org"):
        assert column in tx.columns
    budgets = portfolio.budgets_frame()
    assert len(budgets) == len(root.findall("iati-activity/budget"))
    sectors = portfolio.sectors_frame()
    assert len(sectors) == len(root.findall("iati-activity/sector"))
    countries = portfolio.countries_frame()
    assert len(countries) == len(root.findall("iati-activity/recipient-country")) + len(root.findall("iati-activity/recipient-region"))
    orgs = portfolio.participating_orgs_frame()
    assert len(orgs) == len(root.findall("iati-activity/participating-org"))
    periods = portfolio.indicator_periods_frame()
    n_periods = sum(max(1, len(ind.findall("period"))) for ind in root.findall("iati-activity/result/indicator"))
    assert len(periods) == n_periods
    planned = portfolio.planned_disbursements_frame()
    assert len(planned) == len(root.findall("iati-activity/planned-disbursement"))


def test_mine_action_selection_names_its_rule():
    path = REAL / "undp-cambodia-projects.xml"
    portfolio = aidtrack.load_iati([path], mine_action=True)
    frame = portfolio.activities_frame().set_index("activity_id")
    assert "XM-DAC-41114-PROJECT-00090541" in frame.index
    assert frame.loc["XM-DAC-41114-PROJECT-00090541", "selected_by"].startswith("activity-id")
    # the keyword rule alone also finds Clearing for Results, filed under sector 15110
    only_keywords = aidtrack.load_iati([path], keywords={"mine-action": aidtrack.MINE_ACTION_PATTERN})
    kw = only_keywords.activities_frame().set_index("activity_id")
    assert "XM-DAC-41114-PROJECT-00090541" in kw.index
    assert kw.loc["XM-DAC-41114-PROJECT-00090541", "selected_by"].lower().startswith("keyword:mine-action: clearing for results")
    # and the sector filter alone does not: the project is filed under 15110
    by_sector = aidtrack.load_iati([path], sectors=["15250"])
    assert "XM-DAC-41114-PROJECT-00090541" not in set(by_sector.activities_frame()["activity_id"])


def test_filters_by_country_keep_only_cambodian_activities():
    path = REAL / "dportal-covid.xml"
    root = ET.parse(path).getroot()
    want = set()
    for act in root.findall("iati-activity"):
        codes = {c.get("code") for c in act.findall("recipient-country")} | {c.get("code") for c in act.findall("transaction/recipient-country")}
        if "KH" in codes:
            want.add(act.findtext("iati-identifier").strip())
    portfolio = aidtrack.load_iati([path], countries=["KH"])
    assert set(portfolio.activities_frame()["activity_id"]) == want


def test_progress_callable_is_called_up_to_total():
    calls = []
    aidtrack.load_iati([REAL / "undp-lao-projects.xml"], progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1] == (REAL / "undp-lao-projects.xml").stat().st_size
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:]))


def test_strict_mode_raises_with_file_and_line():
    with pytest.raises(aidtrack.Error) as info:
        aidtrack.load_iati([REAL / "dportal-covid.xml"], strict=True)
    assert "dportal-covid.xml:" in str(info.value)


def test_bad_input_is_a_warning_not_a_crash(tmp_path):
    bad = tmp_path / "not.xml"
    bad.write_text("this is not XML at all")
    portfolio = aidtrack.load_iati([bad])
    frame = portfolio.warnings_frame()
    assert portfolio.activity_count == 0
    assert frame["rule"].tolist() == ["well-formed"]


def test_codelists_resolve_names():
    assert aidtrack.codelist_name("Sector", "15250") == "Removal of land mines and explosive remnants of war"
    assert aidtrack.codelist_contains("TransactionType", "3")
    assert not aidtrack.codelist_contains("TransactionType", "99")
    assert aidtrack.codelists_version() == "2.03"


def test_batch_size_does_not_change_what_is_read():
    """Reading a batch of activities at a time (here tiny batches) gives the whole-file answer."""
    paths = [p for p in REAL_FILES if b"<iati-activities" in p.read_bytes()[:4000]]
    whole, whole_result = aidtrack.read_iati(paths, batch_bytes=0)
    small, small_result = aidtrack.read_iati(paths, batch_bytes=10_000)
    assert whole_result["activities_kept"] == small_result["activities_kept"] > 0
    pd.testing.assert_frame_equal(whole.transactions_frame(), small.transactions_frame())
    pd.testing.assert_frame_equal(whole_result["diagnostics"], small_result["diagnostics"])
    assert aidtrack.summarize_iati(whole) == aidtrack.summarize_iati(small)


LAO = Path(__file__).resolve().parents[1] / "data" / "iati" / "real" / "undp-lao-projects.xml"


def test_mine_action_scope_keeps_the_uxo_work_of_the_lao_file_and_counts_the_rest():
    # UNDP Lao PDR (2017): 44 activities, of which 8 UXO / mine action projects and outputs.
    everything = aidtrack.load_iati([str(LAO)])
    scope = aidtrack.mine_action_scope(everything)
    assert len(scope) == 44
    kept = scope[scope["selected"] == 1]
    assert len(kept) == 8
    assert set(kept["rule"]) <= {"sector", "activity-id", "keyword:mine-action"}
    p, result = aidtrack.read_iati([str(LAO)], mine_action=True)
    assert sorted(a.identifier for a in p.activities()) == sorted(kept["activity_id"])
    outside = result["outside"]
    assert set(outside["activity_id"]) == set(scope[scope["selected"] == 0]["activity_id"])
    assert (outside["disbursed_or_spent"] >= 0).all()
    # Organisations named only in narratives get those names, so tables never show a bare ref.
    refs = {t for t in p.transactions_frame()["provider_org"].dropna().unique() if t}
    for ref in refs:
        assert p.organisation_name(ref) != ref or not ref.isdigit(), ref


def test_threads_do_not_change_what_is_read(real_iati):
    # The largest real file in 64 kB batches: one thread and two give the same portfolio,
    # the same diagnostics in the same order and the same counts.
    files = [real_iati / "dportal-covid.xml", real_iati / "ifad-activity.xml"]
    one, r1 = aidtrack.read_iati(files, threads=1, batch_bytes=64 << 10, progress=False)
    two, r2 = aidtrack.read_iati(files, threads=2, batch_bytes=64 << 10, progress=False)
    assert one.transaction_count > 1000
    assert one == two
    pd.testing.assert_frame_equal(r1["diagnostics"], r2["diagnostics"])
    assert {k: v for k, v in r1.items() if isinstance(v, int)} == {k: v for k, v in r2.items() if isinstance(v, int)}
