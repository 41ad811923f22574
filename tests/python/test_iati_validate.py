"""Tests of aidtrack.validate_iati, Portfolio.to_iati and the `aidtrack validate` command."""
from __future__ import annotations

import os
import pathlib
import subprocess

import pytest

import aidtrack

REPO = pathlib.Path(__file__).resolve().parents[2]
SUITE = REPO / "tests" / "data" / "iati" / "schema-tests" / "activity-tests"
REAL = REPO / "tests" / "data" / "iati" / "real"


def _cli() -> pathlib.Path:
    build = os.environ.get("AIDTRACK_BUILD_DIR")
    candidates = [pathlib.Path(build) / "bin" / "aidtrack"] if build else []
    candidates.append(pathlib.Path(aidtrack.__file__).resolve().parents[2] / "bin" / "aidtrack")
    for c in candidates:
        if c.exists():
            return c
    pytest.skip("aidtrack command not built")


def test_whole_schema_suite_is_classified_right_by_the_cli():
    cli = _cli()
    wrong = []
    passes = sorted(SUITE.glob("should-pass/**/*.xml"))
    fails = sorted(SUITE.glob("should-fail/**/*.xml"))
    assert len(passes) == 58 and len(fails) == 225
    for f in passes:
        run = subprocess.run([str(cli), "validate", "-q", str(f)], capture_output=True, text=True)
        if run.returncode != 0:
            wrong.append(f"should pass: {f}\n{run.stdout}")
    for f in fails:
        run = subprocess.run([str(cli), "validate", "-q", str(f)], capture_output=True, text=True)
        if run.returncode != 1:
            wrong.append(f"should fail: {f} (exit {run.returncode})")
        # Every printed line has the contract's shape FILE:LINE: CLASS: message.
        for line in run.stdout.splitlines():
            file, lineno, cls, _ = line.split(":", 3) if line.startswith("/") else ("", "", "", "")
            assert file == str(f) and lineno.isdigit() and cls.strip() in {
                "XmlError", "SchemaError", "RuleError", "RuleWarning"}, line
    assert not wrong, "\n".join(wrong)


def test_validate_iati_frame_and_flag():
    problems, valid = aidtrack.validate_iati(sorted(SUITE.glob("should-pass/*.xml")))
    assert valid
    assert (problems["severity"] == "warning").all()  # placeholder codes give advice only
    assert list(problems.columns) == ["file", "line", "class", "severity", "rule", "element", "message"]

    problems, valid = aidtrack.validate_iati(SUITE / "should-fail" / "20-two-reporting-orgs.xml")
    assert not valid
    # Two reporting-orgs break the schema; any advice (RuleWarning) beside it does not fail a file.
    assert set(problems[problems["severity"] == "error"]["class"]) == {"SchemaError"}
    assert problems["line"].notna().all()


def test_real_files_failing_the_schema_as_published():
    failing = set()
    for f in sorted(REAL.glob("*.xml")):
        _, valid = aidtrack.validate_iati(f, rules=False)
        if not valid:
            failing.add(f.name)
    assert failing == {"canada-activity.xml", "dportal-covid.xml", "ec-intpa-activity.xml", "ifad-activity.xml",
                       "unops-at-activity.xml", "usaid-humanitarian-activity.xml"}


def test_rules_and_strict(tmp_path):
    xml = """<?xml version="1.0"?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">
 <iati-activity default-currency="USD">
  <iati-identifier>XX-1</iati-identifier>
  <reporting-org ref="XX" type="10"><narrative>X</narrative></reporting-org>
  <title><narrative>T</narrative></title>
  <description><narrative>D</narrative></description>
  <participating-org role="1" ref="XX"/>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2020-01-01"/>
  <sector code="15250" percentage="50"/>
  <sector code="15230" percentage="40"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2024-02-01"/>
   <value value-date="2024-02-01">10</value></transaction>
 </iati-activity>
</iati-activities>
"""
    path = tmp_path / "rules.xml"
    path.write_text(xml)
    problems, valid = aidtrack.validate_iati(path)
    assert not valid
    errors = problems[problems["severity"] == "error"]
    # The transaction (2024-02-01) is dated after generated-datetime (2024-01-01).
    assert list(errors["rule"]) == ["transaction-not-after-generated"]
    assert list(errors["line"]) == [13]
    # 50 + 40 = 90: advice, an error under strict.
    advice = problems[problems["rule"] == "percentages-sum-to-100"]
    assert len(advice) == 1 and "sum to 90, not 100" in advice["message"].iloc[0]
    strict, _ = aidtrack.validate_iati(path, strict=True)
    assert (strict["severity"] == "error").sum() == 2
    quiet, _ = aidtrack.validate_iati(path, warnings=False)
    assert (quiet["severity"] == "error").all()
    with pytest.raises(ValueError):
        aidtrack.validate_iati(path, schema=False, rules=False)


def test_to_iati_round_trip_on_real_file(tmp_path):
    source = REAL / "undp-cambodia-projects.xml"
    portfolio = aidtrack.load_iati([source])
    out = tmp_path / "undp.xml"
    notes = portfolio.to_iati(out, generated="2026-01-01T00:00:00Z")
    assert notes.empty
    _, valid = aidtrack.validate_iati(out, rules=False)
    assert valid
    again = aidtrack.load_iati([out])
    assert again.activity_count == portfolio.activity_count > 0
    a = portfolio.transactions_frame()
    b = again.transactions_frame()
    cols = ["activity_id", "type", "date", "value", "currency", "value_date", "provider_org", "receiver_org"]
    assert a[cols].equals(b[cols])
    # Exact sums survive: Decimal arithmetic on both sides.
    assert sum(a["value"]) == sum(b["value"])


def test_to_iati_subset_and_unknown_activity(tmp_path):
    portfolio = aidtrack.load_iati([REAL / "nl-mfa-activities.xml"])
    ids = [portfolio.activity_at(0).identifier]
    text = portfolio.to_iati_string(ids, generated="2026-01-01T00:00:00Z")
    assert text.count("<iati-activity ") == 1
    with pytest.raises(aidtrack.Error):
        portfolio.to_iati(tmp_path / "x.xml", ["NO-SUCH-ACTIVITY"])
