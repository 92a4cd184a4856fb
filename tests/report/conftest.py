"""A headless Chromium for the report's browser tests, and the demo report built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def browser(chromium, chromium_args):
    # Module scope: one Playwright driver at a time (the report and web suites each start their own).
    path = chromium
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra pins it
        if os.environ.get("CI"):
            pytest.fail("playwright is missing (CI is set)")
        pytest.skip("playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=chromium_args)
        yield b
        b.close()


@pytest.fixture(scope="session")
def demo_report(demo_store):
    """The Xiaomi report's data on the demo database (built once: it runs the forecast)."""
    from evlens.views import ReportOptions, build_report

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
