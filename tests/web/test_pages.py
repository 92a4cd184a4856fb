"""What the pages say, read from their HTML: the API page, error pages for browsers and
JSON for the API, the Sources table, and the layout rules every page shares."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from markupsafe import escape

from evlens.views.names import BOUND_MARK
from evlens.views.sources import distinct_sources, is_prose, is_table, source_order
from evlens.web.apidoc import code_spans

HTML = {"accept": "text/html,application/xhtml+xml"}
PAGE_PATHS = ("/", "/market", "/events", "/operations", "/sources", "/article", "/api")


# ---------------------------------------------------------------- the API page
def test_api_page_lists_every_operation(client):
    schema = client.get("/openapi.json").json()
    r = client.get("/api")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert 'href="/openapi.json"' in page
    assert "<script" not in page, "the page needs no script (offline, under the CSP)"
    ops = [(m.upper(), p, op) for p, item in schema["paths"].items() for m, op in item.items()]
    assert len(ops) >= 10 and page.count('class="operation"') == len(ops)
    for method, path, op in ops:
        assert (
            f'<code class="method method-{method.lower()}">{method}</code> <code class="path">{path}</code>'
            in page
        )
        assert str(code_spans(op["summary"])) in page
        for p in op.get("parameters", ()):
            assert f"<code>{p['name']}</code>" in page, (path, p["name"])
    # a JSON body's fields are listed as parameters too
    for field in ("text", "published", "dry_run"):
        assert f"<code>{field}</code>" in page
    assert "integer [1–5000]" in page  # /api/facts?limit=
    assert "<code>limit</code>" in page  # a `backticked` word in a summary is set as code
    assert "`" not in page


def test_api_page_in_chinese(client):
    page = client.get("/api", params={"lang": "zh"}).text
    assert '<html lang="zh-CN">' in page and "<h1>JSON 接口</h1>" in page
    assert "一只证券的每日价格" in page and "<th>必填</th>" in page
    assert 'id="nav-api"' in page and ">接口</a>" in page


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize(
    "url,status",
    [
        ("/nowhere", 404),
        ("/market?entity=no-such-maker", 404),
        ("/operations?entity=" + "x" * 101, 422),
        ("/sources?lang=fr", 422),
    ],
)
def test_a_browser_gets_an_error_page(client, url, status):
    r = client.get(url, headers=HTML)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert f"<h1>Error {status}</h1>" in r.text and 'id="error-message"' in r.text
    assert 'id="nav-overview"' in r.text and "Traceback" not in r.text
    # the same address asked by a script: JSON
    j = client.get(url)
    assert j.status_code == status and j.headers["content-type"].startswith("application/json")
    assert j.json()["error"]


@pytest.mark.parametrize(
    "url,status",
    [("/api/nowhere", 404), ("/api/report?entity=no-such-maker", 404), ("/api/forecast?paths=0", 422)],
)
def test_the_api_answers_json_even_to_a_browser(client, url, status):
    r = client.get(url, headers=HTML)
    assert r.status_code == status and r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]


@pytest.mark.parametrize(
    "url,status,hint",
    [
        ("/nowhere?lang=zh", 404, "没有这个页面或数据。"),
        ("/operations?lang=zh&entity=" + "x" * 101, 422, "请求中有参数无效。"),
    ],
)
def test_the_error_page_in_chinese(client, url, status, hint):
    r = client.get(url, headers=HTML)
    assert r.status_code == status
    assert '<html lang="zh-CN">' in r.text and f"<h1>出错了 {status}</h1>" in r.text
    assert f'<p id="error-hint" class="error">{hint}</p>' in r.text and "详细信息：" in r.text
    assert ">概览</a>" in r.text


# ---------------------------------------------------------------- sources
@pytest.fixture(scope="module")
def sources(client) -> list[dict]:
    return client.get("/api/report").json()["sources"]


@pytest.fixture(scope="module")
def sources_page(client) -> dict[str, str]:
    return {lang: client.get("/sources", params={"lang": lang}).text for lang in ("en", "zh")}


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr id="fact-([0-9a-f]+)" class="source-row">(.*?)</tr>', page, re.S)


def test_sources_show_bounds_as_bounds(sources_page, sources):
    page = sources_page["en"]
    rows = dict(_rows(page))
    for s in sources:
        if s["id"] not in rows:
            continue
        amount = re.search(r'<strong class="amount">(.*?)</strong>', rows[s["id"]], re.S).group(1)
        text = htmllib.unescape(re.sub(r"<[^>]+>", "", amount)).strip()
        # an exact figure carries no bound mark (it may be a fall: "-3.4%")
        assert text.startswith((BOUND_MARK[s["bound"]] + " ") if s["bound"] != "eq" else tuple("-0123456789"))
    assert '<span class="bound">&gt;</span> 20,000 vehicles' in page
    assert '<span class="bound">≈</span> 410,000 vehicles' in page
    assert "gt 20000" not in page and " approx " not in page


def test_sources_quote_the_exact_span_and_never_a_table_row(sources_page, sources, demo_store):
    page = sources_page["en"]
    facts = demo_store.facts().set_index("id")
    articles = [s for s in sources if not s["from_table"]]
    assert articles, "the demo has facts read from articles"
    for s in articles:
        f = facts.loc[s["id"]]
        text = demo_store.document(f["document_id"])["text"]
        span = text[int(f["span_start"]) : int(f["span_end"])]
        assert s["excerpt"] == span
        assert f'<blockquote class="excerpt" translate="no">{escape(span)}</blockquote>' in page
    tables = [s for s in sources if s["from_table"]]
    assert tables
    for s in tables:
        assert s["excerpt"] is None
        assert str(escape(s["quote"])) not in page, "a raw CSV row is on the page"
    assert "xiaomi-su7,deliveries," not in page and ",vehicle,eq," not in page
    # a table's note is shown when it is prose
    assert "rated monthly capacity of the first plant phase" in page


def test_sources_show_no_local_path(sources_page):
    for lang, page in sources_page.items():
        for bad in ("/home", "/tmp", "/work", "file://", ".csv"):
            assert bad not in page, (lang, bad)


def test_sources_are_sorted_and_each_figure_shown_once(sources_page, sources):
    page = sources_page["en"]
    shown = [i for i, _ in _rows(page)]
    expected = distinct_sources(sources)
    assert shown == [r["id"] for r in expected]
    keys = [
        (r["entity"], r["metric"], r["period"], r["value"], r["bound"], r["source_url"]) for r in expected
    ]
    assert len(keys) == len(set(keys))
    assert [source_order(r) for r in expected] == sorted(source_order(r) for r in expected)
    assert [k[:2] for k in keys] == sorted(k[:2] for k in keys)
    merged = [r for r in expected if len(r["ids"]) > 1]
    assert merged, "the demo has one figure read twice from one article"
    for r in merged:  # every fact id still has its anchor, on the row that stands for it
        for i in r["ids"]:
            assert page.count(f'id="fact-{i}"') == 1
    assert len(shown) < len(sources)


def test_sources_in_chinese(sources_page):
    page = sources_page["zh"]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", page.split('id="sources"')[1])
    assert heads == ["图表", "原文", "来源", "编号"]
    assert "小米 SU7 · 交付量 · 2024-10" in page and "20,000 辆" in page
    assert "数据表中的备注" in page and "发布日期" in page
    labels = re.sub(
        r'<blockquote class="excerpt"[^>]*>.*?</blockquote>|<div class="source-note">.*?</div>', "", page
    )
    assert " vehicles" not in labels  # what the sources say stays as they say it; the page's words do not


def test_distinct_sources_merges_the_same_figure_from_one_source():
    base = {"entity": "a", "metric": "deliveries", "period": "2025-01", "value": 5.0, "bound": "gt"}
    rows = distinct_sources(
        [
            dict(base, id="3", source_url="https://x.example/1", excerpt=None),
            dict(base, id="1", source_url="https://x.example/1", excerpt="5 units"),
            dict(base, id="2", source_url="https://y.example/2", excerpt=None),
            dict(base, id="0", period="2024-Q4", source_url="https://x.example/1"),
            dict(base, id="4", period="2025", source_url="https://x.example/1"),
        ]
    )
    assert [r["ids"] for r in rows] == [["0"], ["4"], ["1", "3"], ["2"]]
    assert rows[2]["excerpt"] == "5 units"


@pytest.mark.parametrize(
    "note,prose",
    [
        ("rated monthly capacity of the first plant phase", True),
        ("Reuters/Lei Jun: 135,000 in 2024", True),
        ("雷军在发布会上宣布", True),
        ("see prices_HSTECH.csv for the closes", False),
        ("/home/me/data/kpis.csv", False),
        ("xiaomi,deliveries,,2024,135000,vehicle,gt", False),
        ("2025-01", False),
        ("", False),
        (None, False),
    ],
)
def test_is_prose(note, prose):
    assert is_prose(note) is prose


def test_is_table():
    assert is_table({"kind": "csv", "path": "/x/reported.csv"})
    assert is_table({"kind": "file", "path": "/x/reported.CSV"})
    assert not is_table({"kind": "article", "path": "/x/a.md"}) and not is_table({})


# ---------------------------------------------------------------- layout
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_table_scrolls_in_its_own_box_and_long_words_wrap(client, path):
    page = client.get(path).text
    assert "overflow-wrap: anywhere" in page and ".table-wrap { overflow-x: auto" in page
    assert page.count("<table") == page.count('<div class="table-wrap"><table')


def test_no_english_ui_words_on_the_chinese_article_page(client):
    text = "2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。"
    r = client.post("/article?lang=zh", data={"text": text, "csrf": client.app.state.csrf})
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", r.text)
    assert heads == ["#", "主体", "指标", "期间", "数值", "原文"]
    assert "<h2>2 条事实</h2>" in r.text and "facts</h2>" not in r.text
    assert ">交付量</td>" in r.text
