"""The HTML report in a real browser: headless Chromium loads it without console errors, and
the charts have a non-zero size. Skipped (with the reason) only when Chromium is not installed."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import aidtrack

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _chromium(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="aidtrack-chromium-")
    try:
        return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                               *args], capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def html_report(tmp_path_factory) -> Path:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install -y chromium); the browser test needs it")
    out = tmp_path_factory.mktemp("browser-report")
    aidtrack.report.build(aidtrack.datasets.cambodia(), out=str(out))
    return out / "aidtrack-report.html"


def test_report_renders_to_a_screenshot(html_report, tmp_path):
    shot = tmp_path / "report.png"
    done = _chromium(f"--screenshot={shot}", "--window-size=1280,4000", html_report.as_uri())
    assert shot.is_file(), done.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # IHDR: width and height of the page image.
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 4000)
    assert len(data) > 20_000  # a blank page compresses to a few kB; text and charts do not


def test_dom_has_charts_with_size_and_no_console_errors(html_report):
    done = _chromium("--dump-dom", "--enable-logging=stderr", "--v=0", html_report.as_uri())
    dom = done.stdout
    assert "<h1>" in dom and "</html>" in dom
    svgs = re.findall(r"<svg\b[^>]*>", dom)
    assert len(svgs) >= 3
    for tag in svgs:
        width = re.search(r'\bwidth="([0-9.]+)"', tag)
        height = re.search(r'\bheight="([0-9.]+)"', tag)
        assert width and height, tag
        assert float(width.group(1)) > 0 and float(height.group(1)) > 0
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, "\n".join(console)
    # The page loads nothing from the network: no external src or href.
    assert not re.search(r'(src|href)="(https?:)?//', dom)
