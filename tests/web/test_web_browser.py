"""Every page in Chromium: it loads, its charts draw, no console error; the language
switch; the article page's highlights; an article with script and an onerror image runs
nothing; the API's documentation page, offline and under the CSP."""

from __future__ import annotations

import pytest

PAGES = [
    ("/", 1, "en"),
    ("/market", 2, "en"),
    ("/events", 1, "en"),
    ("/operations", 7, "en"),
    ("/sources", 0, "en"),
    ("/article", 0, "en"),
    ("/", 1, "zh"),
    ("/market", 2, "zh"),
    ("/sources", 0, "zh"),
    ("/api", 0, "en"),
    ("/api", 0, "zh"),
]


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module, so the chart library is fetched once and cached."""
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context, live_server):
    p = context.new_page()
    p.errors = []
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("dialog", lambda d: (p.errors.append(f"dialog: {d.message}"), d.dismiss()))
    p.outside = []
    p.on("request", lambda r: None if r.url.startswith((live_server, "data:")) else p.outside.append(r.url))
    yield p
    assert p.outside == [], "the page asked for something beyond the dashboard"
    p.close()


def _charts_drawn(page, n: int) -> int:
    if n:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {n}", timeout=15000
        )
    return page.evaluate(
        "Array.from(document.querySelectorAll('.js-plotly-plot')).filter(d => d.data && d.data.length).length"
    )


@pytest.mark.parametrize("path,charts,lang", PAGES)
def test_page_loads_and_draws(page, live_server, path, charts, lang):
    resp = page.goto(f"{live_server}{path}?lang={lang}")
    assert resp.status == 200
    assert _charts_drawn(page, charts) == charts
    assert page.locator("html").get_attribute("lang") == ("zh-CN" if lang == "zh" else "en")
    assert page.errors == []


def test_language_switch_keeps_the_view(page, live_server, tmp_path):
    page.goto(f"{live_server}/operations?second_phase_start=2025-09-01&ramp_months=2")
    assert page.locator("#nav-operations").inner_text() == "Operations and forecast"
    page.click("#lang-switch")
    page.wait_for_load_state()
    assert "lang=zh" in page.url and "second_phase_start=2025-09-01" in page.url
    assert page.locator("#nav-operations").inner_text() == "经营与预测"
    assert page.locator("input[name=second_phase_start]").input_value() == "2025-09-01"
    _charts_drawn(page, 4)
    page.screenshot(path=str(tmp_path / "operations-zh.png"))
    assert page.errors == []


def test_forecast_form_updates_url_and_probability(page, live_server):
    page.goto(f"{live_server}/operations")
    base = page.locator("#p-hit").inner_text()
    page.fill("input[name=second_phase_start]", "2025-12-01")
    page.fill("input[name=ramp_months]", "6")
    page.click("#scenario-form button[type=submit]")
    page.wait_for_load_state()
    assert "second_phase_start=2025-12-01" in page.url and "ramp_months=6" in page.url
    _charts_drawn(page, 4)
    late = page.locator("#p-hit").inner_text()
    assert float(late.rstrip("%")) <= float(base.rstrip("%"))
    assert page.errors == []


def test_article_highlights_the_right_spans(page, live_server):
    text = "2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。"
    page.goto(f"{live_server}/article")
    page.fill("#article-text", text)
    page.click("#extract")
    page.wait_for_selector("#highlighted")
    assert page.locator("#highlighted mark").all_inner_texts() == ["7000 辆", "8600 辆"]
    assert page.locator("#highlighted").inner_text() == text
    assert page.locator("#store").count() == 0  # read-only server: no store button
    assert page.errors == []


def test_hostile_article_is_text(page, live_server):
    text = (
        "小米 SU7 4 月交付 7058 辆。<script>window.__ran = 1; alert('x')</script>"
        "<img src=x onerror=\"window.__ran = 2; alert('y')\">"
    )
    page.goto(f"{live_server}/article")
    page.fill("#article-text", text)
    page.click("#extract")
    page.wait_for_selector("#highlighted")
    assert page.locator("#highlighted").inner_text() == text
    assert page.locator("#highlighted script, #highlighted img").count() == 0
    assert page.evaluate("window.__ran === undefined")
    assert page.errors == []


def test_api_page_documents_every_operation_offline(page, live_server):
    resp = page.goto(f"{live_server}/api")
    assert resp.status == 200 and "script-src 'self'" in resp.headers["content-security-policy"]
    schema = page.request.get(f"{live_server}/openapi.json").json()
    n = sum(len(item) for item in schema["paths"].values())
    assert n >= 10 and page.locator("section.operation").count() == n
    assert page.locator("#get-api-forecast table.params tbody tr").count() == 6
    assert "Monte Carlo" in page.locator("#get-api-forecast .summary").inner_text()
    with page.expect_navigation():
        page.click("#openapi-link")
    assert page.url.endswith("/openapi.json")
    assert page.errors == []  # and the fixture checks that nothing was asked of another host
