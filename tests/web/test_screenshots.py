"""Every dashboard page and the HTML report in Chromium, in English and Chinese, at a
desktop width (1400 px) and a phone's (390 px): each is photographed into one folder of
the test run for a person to look at, and fails on what a person would see is wrong: the
page wider than the window, a console error, a chart with nothing drawn, or the text of a
Python object's repr."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evlens.web.pages import PAGES

LANGS = ("en", "zh")
WIDTHS = (1400, 390)
DASHBOARD = PAGES  # every page of the dashboard's navigation
REPRS = ("<built-in", "object at 0x", "<function")
# The article page is shown with an article in it: a long source URL and long tokens, the
# text that once made the page 2,057 px wide.
LONG_URL = "https://www.example.com/" + "news/2025/06/" * 12 + "xiaomi-su7-deliveries-" + "x" * 120 + ".html"
ARTICLE = (
    f"---\nurl: {LONG_URL}\npublisher: Example News\n---\n"
    "2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。\n"
    f"Source: {LONG_URL}\nXiaomi delivered more than 20,000 vehicles in October 2024. " + "长" * 300
)

# JavaScript run on the page, after its charts are drawn.
OVERFLOW = """() => {
  const w = window.innerWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > w + 1 && r.width > 0) {
      let inner = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') { inner = true; break; }
      }
      if (!inner) wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
        + ' ' + Math.round(r.right) + 'px');
    }
  }
  return {scroll: document.documentElement.scrollWidth, inner: w, wide: wide.slice(0, 5)};
}"""
CHARTS_DRAWN = """() => Array.from(document.querySelectorAll('script.figure-data')).every(s => {
  const d = document.getElementById(s.dataset.target);
  return d && d.querySelector('.main-svg');
})"""
EMPTY_CHARTS = """() => Array.from(document.querySelectorAll('script.figure-data')).map(s => s.dataset.target)
  .filter(id => {
    const d = document.getElementById(id);
    if (!d || !d.data || !d.data.length) return true;
    const drawn = Array.from(d.querySelectorAll('g.trace path, g.trace image'))
      .filter(p => p.tagName === 'image' || (p.getAttribute('d') || '').length > 4);
    return drawn.length === 0;
  })"""


@pytest.fixture(scope="module")
def screens(tmp_path_factory, request) -> Path:
    """The folder the screenshots go to (its path is printed at the start)."""
    out = tmp_path_factory.mktemp("screens")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    line = f"screenshots: {out}"
    if reporter is not None:
        reporter.write_line(line)
    else:  # pragma: no cover - without the terminal plugin
        print(line)
    return out


@pytest.fixture(scope="module")
def reports(demo_db_path, tmp_path_factory) -> dict[str, Path]:
    """The Xiaomi report in both languages, written once by the command line from a copy of
    the demo database."""
    from typer.testing import CliRunner

    from evlens.cli import build_app

    out = tmp_path_factory.mktemp("screens-report")
    db = out / "report.duckdb"
    shutil.copy(demo_db_path, db)
    runner, app = CliRunner(), build_app()
    files = {}
    for lang in LANGS:
        files[lang] = out / f"report-{lang}.html"
        args = ["--db", str(db), "report", "xiaomi", "--out", str(files[lang]), "--lang", lang]
        res = runner.invoke(app, [*args, "--paths", "2000"])
        assert res.exit_code == 0, res.output
    return files


def _open(browser, width: int, allowed: tuple[str, ...]):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    # The first visit computes the report's analyses (a forecast among them) on a busy machine.
    page.set_default_navigation_timeout(300_000)
    page.errors, page.outside = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(allowed) else page.outside.append(r.url))
    return ctx, page


def _look(page, shot: Path) -> list[str]:
    """Photograph the page to ``shot`` and say what is wrong with it."""
    from playwright.sync_api import TimeoutError as PageTimeout

    problems = []
    try:
        page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
    except PageTimeout:
        problems.append("a chart was not drawn within a minute")
    page.screenshot(path=str(shot), full_page=True)
    size = page.evaluate(OVERFLOW)
    if size["scroll"] > size["inner"] + 1:
        problems.append(
            f"horizontal overflow: {size['scroll']} px of content in a {size['inner']} px window"
            f" (widest: {', '.join(size['wide'])})"
        )
    empty = page.evaluate(EMPTY_CHARTS)
    if empty:
        problems.append(f"charts with nothing drawn: {empty}")
    text = page.evaluate("document.body.innerText")
    problems += [f"a Python repr in the text: {r!r}" for r in REPRS if r in text]
    problems += [f"console error: {e}" for e in page.errors]
    problems += [f"a request beyond the page's own server: {u}" for u in page.outside]
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name,path", DASHBOARD, ids=[n for n, _ in DASHBOARD])
def test_dashboard_page(browser, live_server, screens, name, path, lang, width):
    ctx, page = _open(browser, width, (live_server, "data:", "blob:"))
    try:
        resp = page.goto(f"{live_server}{path}?lang={lang}")
        assert resp is not None and resp.status == 200
        if name == "article":
            page.fill("#article-text", ARTICLE)
            page.click("#extract")
            page.wait_for_selector("#highlighted")
            assert page.locator("#highlighted mark").count() >= 2
        problems = _look(page, screens / f"{name}-{lang}-{width}.png")
    finally:
        ctx.close()
    assert problems == []


REPORT_CASES = [pytest.param(lang, width, id=f"{lang}-{width}") for lang in LANGS for width in WIDTHS]


@pytest.mark.parametrize("lang,width", REPORT_CASES)
def test_report(browser, reports, screens, lang, width):
    ctx, page = _open(browser, width, ("file://", "data:", "blob:"))
    try:
        page.goto(reports[lang].as_uri())
        problems = _look(page, screens / f"report-{lang}-{width}.png")
    finally:
        ctx.close()
    assert problems == []
