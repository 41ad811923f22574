"""The embedded dataset, the report as DataFrames and files, and the `aidtrack report` command."""
from __future__ import annotations

import csv
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import aidtrack

DATA = Path(os.environ.get("AIDTRACK_DATA_DIR", Path(__file__).resolve().parents[2] / "data"))


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
    assert funding["records"] == 5 and funding["illustrative"] == 0
    releases = files[files["file"] == "results/land_release.csv"].iloc[0]
    assert releases["illustrative"] == releases["records"]  # every yearly split is illustrative


def test_funding_table_holds_the_landmine_monitor_series(report):
    series = aidtrack.report.tables(report)["funding"][0]
    by_year = dict(zip(series["year"], series["international_USD"]))
    assert by_year[2005] == Decimal("23900000")
    assert by_year[2022] == Decimal("37696065")
    assert 2021 not in by_year  # no figure found: left out, not filled in


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
            assert section.paragraphs[0].startswith("Not available, because ")


def test_report_files_are_written(cambodia, tmp_path):
    r = aidtrack.report.build(cambodia, out=str(tmp_path))
    html = (tmp_path / "aidtrack-report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<svg" in html
    md = (tmp_path / "aidtrack-report.md").read_text(encoding="utf-8")
    assert md.startswith("# " + r.title)
    csvs = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert len(csvs) == sum(len(s._tables()) for s in r.sections)
    assert "funding-1-support-to-mine-action-by-year.csv" in csvs


def _csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_report_csvs_reproduce_the_published_totals_and_donor_counts(cambodia, tmp_path):
    """The report's own CSV files give the Monitor's yearly totals and donor counts exactly, read
    independently from the published table (monitor/yearly_totals.csv, the donor-table rows)."""
    aidtrack.report.build(cambodia, out=str(tmp_path))
    published = [r for r in _csv(DATA / "cambodia" / "monitor" / "yearly_totals.csv")
                 if r["preferred"] == "1" and r["table"] == "donor table"]
    assert {int(r["year"]) for r in published} == {2009, 2010, 2012, 2014, 2015, 2017, 2020, 2022}
    years = {int(r["year"]): r for r in _csv(tmp_path / "funding-1-support-to-mine-action-by-year.csv")}
    for row in published:
        got = years[int(row["year"])]
        assert Decimal(got["international_USD"]) == Decimal(row["international_usd"]), row["year"]
        assert got["donors"] == row["donors"], row["year"]
    # Per donor: the rows of each donor-table year add up to its printed total (2012: one dollar
    # more, and the reconciliation says so).
    parts = _csv(tmp_path / "funding-2-international-support-by-donor-and-year.csv")
    for row in published:
        total = sum(Decimal(p["amount_USD"]) for p in parts if p["year"] == row["year"])
        assert total - Decimal(row["international_usd"]) == (Decimal(1) if row["year"] == "2012" else 0), row["year"]
    assert not [p for p in parts if p["donor"].isdigit()]  # names, never bare refs
    rec = {r["year"]: r for r in _csv(tmp_path / "funding-3-reconciliation-of-the-published-dollars-with-the-report-s-conversion.csv")}
    assert Decimal(rec["2012"]["rows_minus_total_USD"]) == 1


def test_report_holds_only_mine_action_and_has_no_empty_rows(cambodia, tmp_path):
    scope = aidtrack.datasets.cambodia_scope()
    outside = set(scope["outside"]["activity_id"])
    assert len(outside) == 39 and "KR-GOV-021-20ED00033" in outside  # KOICA's COVID-19 programme loan
    assert set(scope["selection"]["activity_id"]) == {"XM-DAC-41114-PROJECT-00090541", "XM-DAC-41114-OUTPUT-00096246"}
    aidtrack.report.build(cambodia, out=str(tmp_path))
    for path in tmp_path.glob("*.csv"):
        for row in _csv(path):
            assert not outside & set(row.values()), path.name
            money = [v for k, v in row.items() if k.endswith("_USD") or k in ("committed", "incoming_funds", "disbursed_or_spent", "numerator", "denominator")]
            if money:
                assert any(v not in ("", "0", "0.00") and Decimal(v) != 0 for v in money), (path.name, row)


def test_first_screen_sentences_have_sources(report):
    assert 5 <= len(report.findings) <= 8
    assert all(f.source for f in report.findings)
    assert report.findings[0].sentence.startswith("In 2022 Cambodia received USD 37.70 M of international support for mine action from 8 donors")
    text = report.summary_text()
    assert text.index("In brief") < text.index("Funding by donor and year")


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
    assert "In brief" in done.stdout and "39 IATI activities read" in done.stdout
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


def test_forecast_costs_come_from_the_whole_sector_beside_cambodias_estimates(report):
    tables = aidtrack.report.tables(report)["forecast"]
    inputs = tables[0]
    values = dict(zip(inputs["input"], inputs["value"]))
    sources = dict(zip(inputs["input"], inputs["from"]))
    # All support 2010–2015 over the land released in those years (CMAA totals in the 2019
    # extension request): tens of cents a m².
    assert "in 2010, 2011, 2012, 2013, 2014, 2015" in sources["cost_per_m2_USD"]
    assert 0.1 < values["cost_per_m2_USD"] < 2
    assert values["money_needed_USD"] == pytest.approx(values["remaining_m2"] * values["cost_per_m2_USD"])
    assert values["money_needed_p10_USD"] < values["money_needed_USD"] < values["money_needed_p90_USD"]
    needs = tables[1]
    assert any("Article 5" in e for e in needs["estimate"])
    assert needs["source"].str.len().min() > 0
    binding = [line for line in report.section("forecast").summary if line.startswith("Binding constraint")]
    assert len(binding) == 1
