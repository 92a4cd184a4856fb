"""The report's data and HTML: headline figures against hand computations, escaping,
offline scripts, sources traced to facts."""

from __future__ import annotations

import copy
import re

import pytest

from evlens.errors import InputError
from evlens.report import render_html
from evlens.views import headline_items


def test_milestone_matches_the_article(demo_report):
    # The article: Xiaomi passed HK$1 trillion on 6 February 2025 ("1.02 万亿港元").
    # By hand: close 40.55 x 25.104 bn shares = 1,017.97 bn.
    m = demo_report["headline"]["milestone"]
    assert m["first_date"] == "2025-02-06"
    assert m["market_cap"] == pytest.approx(40.55 * 25.104e9, rel=1e-6)
    assert m["reported"]["fact_id"] in demo_report["figure_facts"]["market_value"]


def test_headline_formats_in_both_languages(demo_report):
    en = {i["figure"]: i for i in headline_items(demo_report, "en")}
    zh = {i["figure"]: i for i in headline_items(demo_report, "zh")}
    assert set(en) == {"market_value", "period_return", "deliveries", "forecast"}
    assert "first crossed HK$1.00 trn on 2025-02-06" in en["market_value"]["detail"]
    assert "2025年2月6日 首次突破 1.00 万亿港元" in zh["market_value"]["detail"]
    # Xiaomi 2024: 15.60 -> 34.65 HKD is 34.65 / 15.60 - 1 = +122.1 %; HSTECH's official 2024 return +18.7 %.
    assert en["period_return"]["value"] == "+122.1%"
    assert "+18.7%" in en["period_return"]["detail"] and "+103.4 pp" in en["period_return"]["detail"]
    assert zh["deliveries"]["value"].endswith("万辆")
    # 2025 is over (all 12 months known): the headline shows the forecast made at the end of
    # June from what was public then, and whether the outcome (Jan-Nov 361,625 + December
    # over 50,000, and "about 410,000") fell inside its 90 % band
    june = next(r for r in demo_report["outlook"]["history"] if r["as_of"] == "2025-06-30")
    assert en["forecast"]["label"] == "Back-test: forecast of 2025 made on 2025-06-30 (p50)"
    assert june["band90"][0] <= 411625 and june["band90"][1] >= 418200
    # the outcome it is judged against is the deliveries figure beside it, bounds and all
    assert en["deliveries"]["label"] == "Deliveries 2025" and en["deliveries"]["value"] == "411.6k–418.2k"
    assert "outcome 411.6k–418.2k: inside the 90% band" in en["forecast"]["detail"]
    assert zh["forecast"]["detail"].endswith("在 90% 区间内")
    assert demo_report["headline"]["forecast"]["months_left"] == 0


def test_every_figure_fact_is_in_the_sources(demo_report):
    ids = {s["id"] for s in demo_report["sources"]}
    used = set().union(*map(set, demo_report["figure_facts"].values()))
    assert used and used == ids
    for s in demo_report["sources"]:
        assert s["quote"], s["id"]


def test_html_is_self_contained_and_escaped(demo_report):
    data = copy.deepcopy(demo_report)
    hostile = "<script>window.__pwned = 1</script><img src=x onerror=alert(1)>"
    data["sources"][0]["quote"] = data["sources"][0]["excerpt"] = hostile
    html = render_html(data, "en")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert not re.search(r"<script[^>]+src=", html), "no external script"
    assert "cdn." not in html.split("</head>")[1]
    assert html.count('class="figure-data"') == 10


def test_chinese_report_labels(report_files):
    zh = report_files["zh"].read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in zh and "同业对比" in zh and "来源" in zh and "首次突破" in zh


def test_unknown_language(demo_report):
    with pytest.raises(InputError, match="language"):
        render_html(demo_report, "fr")


def test_the_report_shows_the_back_tests_calibration(demo_report):
    c = demo_report["calibration"]
    curve = {p["stated"]: p["observed"] for p in c["curve"]}
    # the plot's points at 50 and 90 % are the back-test's band coverages (the targets
    # of a calibrated forecast: 0.40-0.60 and 0.85-0.95)
    assert curve[0.5] == c["scores"]["coverage_50"] and curve[0.9] == c["scores"]["coverage_90"]
    assert 0.40 <= curve[0.5] <= 0.60 and 0.85 <= curve[0.9] <= 0.95
    assert c["points"] >= 100 and c["years"] == [2024, 2025]
    assert all(c["scores"]["crps"] < b["crps"] for b in c["baselines"])


def test_the_report_shows_the_su7_against_the_model_3_with_sources(demo_report):
    # CPCA via CleanTechnica, December 2024: SU7 25,815, Model 3 21,046 (the founding
    # article rounds them to 25,800 and 21,000); the SU7 passed the Model 3 that month
    h = demo_report["head_to_head"]
    assert h["models"] == ["xiaomi-su7", "tesla-model-3"]
    dec = next(m for m in h["months"] if m["month"] == "2024-12")
    su7, m3 = dec["models"]["xiaomi-su7"], dec["models"]["tesla-model-3"]
    assert (su7["value"], m3["value"]) == (25815, 21046) and su7["rank"] < m3["rank"]
    assert su7["source_url"] and su7["fact_id"] in demo_report["figure_facts"]["head_to_head"]
    passes = h["head_to_head"][0]["passes"]
    assert {
        "month": "2024-12",
        "passer": "xiaomi-su7",
        "passed": "tesla-model-3",
        "basis": "both listed",
    } in passes


def test_the_report_shows_the_market_value_series_with_the_placing(demo_report):
    mv = demo_report["market_value"]
    by_day = dict(zip(mv["dates"], mv["values"]))
    # 27 March 2025: close HK$51.70 x 25,916,213,416 shares after the placing of 800 million
    assert by_day["2025-03-27"] == pytest.approx(51.70 * 25_916_213_416, rel=1e-6)
    placing = next(c for c in mv["share_changes"] if c["date"] == "2025-03-27")
    assert placing["shares_change"] >= 800_000_000 and placing["source_url"]


def test_the_report_flags_stale_series():
    from datetime import date

    from evlens.views.company import _staleness

    class M:
        month = "2025-12"

    class D:
        months = (M(),)

    # closes ending 2026-03-26 and a December 2025 figure, seen on 2026-04-10: the closes
    # are 15 days old (over 7), December ended 100 days before (over 45)
    notes = _staleness("1810.HK", (date(2024, 1, 2), date(2026, 3, 26)), D(), today=date(2026, 4, 10))
    assert [en for en, _ in notes] == [
        "stale: the closes of 1810.HK end on 2026-03-26, 15 days ago; `evlens update 1810.HK` "
        "fetches newer ones",
        "stale: the latest monthly figure is for 2025-12, 100 days past its month's end",
    ]
    assert [zh for _, zh in notes] == [
        "数据过时：1810.HK 的收盘价止于 2026年3月26日（15 天前）；`evlens update 1810.HK` 可获取更新的数据",
        "数据过时：最新的月度数据为 2025年12月，已过月末 100 天",
    ]
    # a week later than the last close and within 45 days of the month's end: nothing
    assert _staleness("1810.HK", (date(2024, 1, 2), date(2026, 1, 2)), D(), today=date(2026, 1, 9)) == []
