"""A headless Chromium for the report's browser tests, and the demo report built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser():
    # Module scope: one Playwright driver at a time (the report and web suites each start their own).
    # Debian's Chromium; a failure in CI when missing, else a skip.
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing (CI is set): install it with `apt-get install chromium`")
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra pins it
        if os.environ.get("CI"):
            pytest.fail("playwright is missing (CI is set)")
        pytest.skip("playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def demo_report(demo_store):
    """The Xiaomi report's data on the demo database (built once: it runs the forecast)."""
    from evlens.report import ReportOptions, build_report

    return build_report(demo_store, "xiaomi", ReportOptions(paths=2000, seed=7)).to_dict()


@pytest.fixture(scope="session")
def report_files(demo_report, tmp_path_factory) -> dict[str, Path]:
    from evlens.report import render_html

    out = tmp_path_factory.mktemp("report")
    files = {}
    for lang in ("en", "zh"):
        files[lang] = out / f"report-{lang}.html"
        files[lang].write_text(render_html(demo_report, lang), encoding="utf-8")
    return files
