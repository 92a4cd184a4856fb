"""The Chinese report speaks Chinese: no English word of the interface is left in its text
or its charts (the check is the ``english_words`` fixture of tests/conftest.py), numbers
on the chart axes are in 万 and 亿 (never Plotly's k or M), and dates on the axes read
2025年3月."""

from __future__ import annotations

import re


def test_no_english_interface_text_in_the_zh_report(report_files, english_words):
    found = english_words(report_files["zh"].read_text(encoding="utf-8"))
    assert found["charts"] > 0, "the report has no charts to check"
    assert found["text"] == [] and found["figures"] == {}


def test_the_english_report_would_fail_the_same_check(report_files, english_words):
    # the check finds English where there is English
    assert len(english_words(report_files["en"].read_text(encoding="utf-8"))["text"]) > 20


def test_zh_chart_axes_use_wan_and_yi_and_chinese_dates(report_files, page_parts):
    page = page_parts(report_files["zh"].read_text(encoding="utf-8"))
    big = 0
    for fig in page.figures:
        lay = fig["layout"]
        for axis in ("y", "y2"):
            values = [
                abs(v)
                for t in fig["data"]
                if (t.get("yaxis") or "y") == axis
                for v in (t.get("y") or ())
                if isinstance(v, (int, float))
            ]
            if values and max(values) >= 1e4:
                big += 1
                ticks = (lay.get("yaxis" if axis == "y" else "yaxis2") or {}).get("ticktext")
                assert ticks, (lay["title"]["text"], axis)
                assert not any(re.search(r"\d[kMG]$", t) for t in ticks), ticks
                assert any(t.endswith(("万", "亿")) for t in ticks), ticks
        xs = [t["x"][0] for t in fig["data"] if t.get("x")]
        if xs and isinstance(xs[0], str) and re.match(r"\d{4}-\d{2}", xs[0]):
            assert "年" in (lay.get("xaxis") or {}).get("tickformat", ""), lay["title"]["text"]
    assert big >= 4  # deliveries, backlog, outlook, market value at least
