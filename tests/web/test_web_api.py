"""The JSON API: the same figures as the library, errors as JSON, upload and size checks,
read-only mode, storing an article."""

from __future__ import annotations

import pytest

ARTICLE = "2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。"


def test_headline_is_the_reports(client, demo_store):
    from evlens.market import first_crossing

    h = client.get("/api/headline").json()
    assert h["ticker"] == "1810.HK"
    direct = first_crossing(demo_store, "1810.HK", 1e12)
    assert h["milestone"]["first_date"] == direct.first_date.isoformat() == "2025-02-06"
    assert h["milestone"]["market_cap"] == pytest.approx(40.55 * 25.104e9, rel=1e-6)


def test_report_and_facts(client):
    r = client.get("/api/report", params={"entity": "Xiaomi"}).json()
    assert r["entity"] == "xiaomi" and r["sources"]
    facts = client.get(
        "/api/facts", params={"entity": "xiaomi-su7", "metric": "deliveries", "period": "2024-04"}
    ).json()
    assert facts and all(f["metric"] == "deliveries" and f["period"] == "2024-04" for f in facts)
    assert any(f["value"] == 7058 for f in facts)  # Xiaomi's April 2024 release


def test_prices(client):
    r = client.get("/api/prices/01810", params={"start": "2025-02-06", "end": "2025-02-06"}).json()
    assert r["ticker"] == "1810.HK" and [row["date"] for row in r["rows"]] == ["2025-02-06"]
    assert r["rows"][0]["close"] == pytest.approx(40.55)


def test_forecast_moves_with_assumptions(client):
    base = client.get("/api/forecast", params={"paths": 1000}).json()
    late = client.get("/api/forecast", params={"paths": 1000, "second_phase_start": "2025-12-01"}).json()
    assert late["assumptions"]["second_phase_start"] == "2025-12-01"
    # Same seed, less capacity: a later second phase cannot deliver more.
    assert late["mean"] < base["mean"] and late["p_hit"] <= base["p_hit"]
    fast = client.get("/api/forecast", params={"paths": 1000, "ramp_months": 1, "demand_growth": 0.5}).json()
    assert fast["assumptions"]["ramp_months"] == pytest.approx(1.0)
    assert fast["assumptions"]["demand_growth"] == 0.5


@pytest.mark.parametrize(
    "url,status,words",
    [
        ("/api/report?entity=no-such-maker", 404, "unknown entity"),
        ("/api/forecast?second_phase_start=2025-13-40", 400, "second_phase_start"),
        ("/api/forecast?paths=0", 422, "paths"),
        ("/api/prices/NOPE.XX", 404, ""),
        ("/operations?ramp_months=soon", 400, "ramp_months"),
        ("/nowhere", 404, ""),
    ],
)
def test_errors_are_json_without_traceback(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert words in body["error"] and "Traceback" not in r.text


def test_extract_and_read_only(client):
    r = client.post("/api/extract", json={"text": ARTICLE})
    facts = r.json()["facts"]
    assert [f["value"] for f in facts] == [7000, 8600]
    assert [ARTICLE[f["span"][0] : f["span"][1]] for f in facts] == ["7000 辆", "8600 辆"]
    assert client.post("/api/articles", json={"text": ARTICLE}).status_code == 403
    r = client.post("/article/store", data={"text": ARTICLE, "csrf": client.app.state.csrf})
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_upload_checks(client):
    form = {"csrf": client.app.state.csrf}
    r = client.post("/article", data=form, files={"file": ("a.exe", b"MZ\x90", "application/x-msdownload")})
    assert r.status_code == 400 and "txt" in r.json()["error"]
    r = client.post(
        "/article", data=form, files={"file": ("a.txt", "\xff\xfe".encode("latin-1"), "text/plain")}
    )
    assert r.status_code == 400 and "UTF-8" in r.json()["error"]
    r = client.post("/article", data=form, files={"file": ("a.txt", ARTICLE.encode(), "text/plain")})
    assert r.status_code == 200 and "<mark" in r.text
    big = "a" * (400 * 1024)
    r = client.post("/api/extract", json={"text": big})
    assert r.status_code == 413


def test_store_article(writable_client):
    before = writable_client.get("/api/facts", params={"metric": "deliveries", "period": "2024-05"}).json()
    r = writable_client.post("/api/articles", json={"text": ARTICLE, "published": "2024-06-01"})
    assert r.status_code == 200 and r.json()["facts"] == 2
    after = writable_client.get("/api/facts", params={"metric": "deliveries", "period": "2024-05"}).json()
    assert len(after) == len(before) + 1 and any(f["value"] == 8600 for f in after)
    again = writable_client.post("/api/articles", json={"text": ARTICLE, "published": "2024-06-01"}).json()
    assert again["already_imported"] is True


def test_operations_without_a_scenario_still_shows_deliveries(client):
    r = client.get("/operations", params={"entity": "byd"})
    assert r.status_code == 200 and 'id="no-forecast"' in r.text and "byd-" in r.text


def test_article_form_stores(writable_client):
    r = writable_client.post(
        "/article/store",
        data={"text": ARTICLE, "published": "2024-06-01", "csrf": writable_client.app.state.csrf},
    )
    assert r.status_code == 200 and 'id="stored"' in r.text
    assert r.text.count("<mark") == 2
    facts = writable_client.get("/api/facts", params={"metric": "deliveries", "period": "2024-05"}).json()
    assert any(f["value"] == 8600 and f["published"] == "2024-06-01" for f in facts)


def test_browsers_get_an_error_page_and_scripts_get_json(client):
    page = client.get("/market", params={"entity": "nosuch", "lang": "zh"}, headers={"accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert 'id="error-message"' in page.text and "出错了" in page.text and "&#39;nosuch&#39;" in page.text
    api = client.get("/api/headline", params={"entity": "nosuch"}, headers={"accept": "text/html"})
    assert api.status_code == 404 and api.json()["error"]
    script = client.get("/market", params={"entity": "nosuch"})
    assert script.status_code == 404 and "nosuch" in script.json()["error"]


def test_no_page_shows_a_python_repr(client):
    for path in ("/", "/market", "/events", "/operations", "/sources", "/article"):
        html = client.get(path).text
        assert "<built-in" not in html and "object at 0x" not in html and "&lt;built-in" not in html


def test_extract_refuses_a_publication_date_no_period_can_be_written_in(client):
    # (a fuzzed request once sent 1000-01-01, and the year before it has three digits)
    r = client.post("/api/extract", json={"text": "比亚迪全年交付量400万辆。", "published": "1000-01-01"})
    assert r.status_code == 422
    assert "published" in r.text
    r = client.post(
        "/api/extract", json={"text": "比亚迪2024年全年交付量427万辆。", "published": "2025-01-02"}
    )
    assert r.status_code == 200 and r.json()["facts"]
