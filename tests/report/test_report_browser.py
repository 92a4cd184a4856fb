"""The report opened from file:// in Chromium with the network cut: every chart draws,
no console error; a screenshot is taken."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_opens_offline(browser, report_files, lang, tmp_path):
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(report_files[lang].as_uri())
    html = report_files[lang].read_text(encoding="utf-8")
    expected = html.count('class="figure-data"')
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected}", timeout=15000
    )
    drawn = page.evaluate(
        "Array.from(document.querySelectorAll('.js-plotly-plot')).filter(d => d.data && d.data.length).length"
    )
    assert expected == 10 and drawn == expected
    assert errors == [] and requests == []
    shot = tmp_path / f"report-{lang}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()
