"""The embedded dataset, the report as DataFrames and files, and the `aidtrack report` command."""
from __future__ import annotations

import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import aidtrack


@pytest.fixture(scope="module")
def cambodia():
    return aidtrack.datasets.cambodia()


@pytest.fixture(scope="module")
def report(cambodia):
    return aidtrack.report.build(cambodia)


def test_dataset_has_organisations_series_and_results(cambodia):
    refs = {o.ref for o in cambodia.organisations()}
    assert {"KH-CMAA", "KH-NPMEC", "KH-CMAC", "AU-5", "CA-3", "GB-GOV-1", "CH-4", "XM-DAC-41114", "KR-GOV-010", "NZ-1"} <= refs
    assert cambodia.find_activity("AIDTRACK-KH-LM-INTL") is not None
    assert cambodia.find_activity("AIDTRACK-KH-CFR-4") is not None


def test_every_dataset_file_counts_its_evidence():
    files = aidtrack.datasets.cambodia_files()
    assert (files["reported"] + files["derived"] + files["illustrative"] == files["records"]).all()
    funding = files[files["file"] == "funding.csv"].iloc[0]
    assert funding["records"] == 17 and funding["illustrative"] == 0
    releases = files[files["file"] == "results/land_release.csv"].iloc[0]
    assert releases["illustrative"] == releases["records"]  # every yearly split is illustrative


def test_funding_table_holds_the_landmine_monitor_series(report):
    series = aidtrack.report.tables(report)["funding"][0]
    by_year = dict(zip(series["year"], series["international_USD"]))
    assert by_year[2005] == Decimal("23900000")
    assert by_year[2022] == Decimal("37700000")
    assert 2007 not in by_year  # no figure published: left out, not filled in
    # Sum of the eleven published years: 23.90 + 29.58 + 24.31 + 21.45 + 30.27 + 33.15 + 12.96
    # + 14.43 + 25.45 + 23.89 + 37.70 = 277.09 M.
    assert sum(v for v in by_year.values() if v is not None) == Decimal("277090000")  # 2023–2025 rows hold pledges only


def test_remaining_contamination_matches_the_published_total(report):
    land = aidtrack.report.tables(report)["land-release"][0]
    remaining = dict(zip(land.iloc[:, 0], land["remaining_m2"]))
    # March 2025: 469 km² mines + 681 km² cluster munitions + 547 km² other ERW = 1,697 km².
    assert sum(int(v) for v in remaining.values()) == 1_697_000_000
    assert report.section("land-release").charts[0].svg.startswith("<svg")


def test_unavailable_sections_carry_no_figures(report):
    for section in report.sections:
        if not section.available:
            assert section.paragraphs and not section._tables()


def test_report_files_are_written(cambodia, tmp_path):
    r = aidtrack.report.build(cambodia, out=str(tmp_path))
    html = (tmp_path / "aidtrack-report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<svg" in html
    md = (tmp_path / "aidtrack-report.md").read_text(encoding="utf-8")
    assert md.startswith("# " + r.title)
    csvs = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert len(csvs) == sum(len(s._tables()) for s in r.sections)
    assert "funding-1-support-to-mine-action-in-cambodia-by-year.csv" in csvs


def test_bar_chart_svg_from_python():
    svg = aidtrack.report.bar_chart_svg("t", ["a", "b"], {"s": [50.0, 100.0]})
    assert 'height="120"' in svg  # 50 on a 0–100 axis is half of the 240-unit plot


def test_cli_report_runs_on_the_embedded_dataset(build_dir, tmp_path):
    binary = Path(build_dir) / "bin" / "aidtrack"
    if not binary.exists():
        pytest.skip(f"aidtrack command not built at {binary}")
    out = tmp_path / "report"
    done = subprocess.run([str(binary), "report", "--out", str(out)], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert "Funding by donor and year" in done.stdout
    assert "International support (Landmine Monitor)" in done.stdout
    assert (out / "aidtrack-report.html").is_file() and (out / "aidtrack-report.md").is_file()
    assert list(out.glob("*.csv"))
    assert "funding by donor and year" in done.stderr  # progress lines go to stderr
    bad = subprocess.run([str(binary), "report", "--year"], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0


def test_alignment_has_mapped_rows_at_the_reported_hop(report):
    alignment = aidtrack.report.tables(report)["alignment"][0]
    mapped = alignment[(alignment["objective"] != "(unmapped)") & (alignment["numerator"] > 0)]
    assert len(mapped) > 0
    assert not {"KH-RGC", "AIDTRACK-LM"} & set(alignment["donor"])  # published country totals are not project money
    assert any("hop 'reported'" in p for p in report.section("alignment").paragraphs)


def test_forecast_names_its_binding_constraint(report):
    inputs = aidtrack.report.tables(report)["forecast"][0]
    values = dict(zip(inputs["input"], inputs["value"]))
    summary = report.section("forecast").summary
    binding = [line for line in summary if line.startswith("Binding constraint")]
    assert len(binding) == 1
    # On the embedded data there is no gap while the recent rate is below the rate that would
    # finish by 2030 (remaining ÷ 6 years): capacity, not money, binds.
    assert values["funding_gap"] == 0
    assert values["release_needed_m2_per_year"] == pytest.approx(values["remaining_m2"] / 6)
    assert values["release_needed_m2_per_year"] > values["release_rate_m2_per_year"]
    assert binding[0].startswith("Binding constraint: release capacity, not money")
    # Japan's part is shown beside the 2022 total, never added to it.
    funding = aidtrack.report.tables(report)["funding"]
    parts = next(t for t in funding if t.attrs.get("title", "").startswith("International support by named donor"))
    assert sum(parts["amount_USD"]) == Decimal("37700000")
