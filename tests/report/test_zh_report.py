"""The Chinese report speaks Chinese: no English word of the interface is left in its text
or its charts, numbers on the chart axes are in 万 and 亿 (never Plotly's k or M), and
dates on the axes read 2025年3月. Text the page quotes from its sources (article quotes,
titles, publishers, URLs) is marked ``translate="no"`` and is not the interface."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from evlens.gazetteer import load_gazetteer

WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
#: The tool's own name and a forecasting method's (statsforecast's AutoETS); commands in
#: backticks are code, not prose.
ALLOWED = {"evlens", "AutoETS"}


def _proper_names() -> set[str]:
    """Latin words inside the gazetteer's Chinese names (特斯拉 Model 3, 理想 MEGA)."""
    return {w for e in load_gazetteer() for w in WORD.findall(e.name_zh or "")}


class _Page(HTMLParser):
    """The visible text of a page outside ``translate="no"``, and the figures' JSON."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool, str]] = []
        self.text: list[str] = []
        self.figures: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "meta", "link", "input", "img", "hr", "wbr"):
            return
        a = dict(attrs)
        skip = tag in ("script", "style") or a.get("translate") == "no"
        self.stack.append((tag, skip, a.get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script" and "figure-data" in self.stack[-1][2]:
            self.figures.append(json.loads(data))
        elif not any(skip for _, skip, _ in self.stack):
            self.text.append(data)


def _english(text: str, allowed: set[str]) -> list[str]:
    text = re.sub(r"`[^`]*`", " ", text)  # commands
    text = re.sub(r"https?://\S+", " ", text)  # links to sources
    text = re.sub(r"%\{[^}]*\}|<extra>|</extra>|<br>", " ", text)  # Plotly's hover placeholders
    return sorted({w for w in WORD.findall(text) if w not in allowed})


def _figure_strings(fig: dict) -> list[str]:
    lay = fig.get("layout") or {}
    out = [str((lay.get("title") or {}).get("text") or "")]
    for k, axis in lay.items():
        if k.startswith(("xaxis", "yaxis")):
            out.append(str((axis.get("title") or {}).get("text") or ""))
            out.extend(str(t) for t in axis.get("ticktext") or ())
    for t in fig.get("data") or ():
        out.append(str(t.get("name") or ""))
        out.append(str(t.get("hovertemplate") or ""))
        text = t.get("text")
        out.extend(str(x) for x in (text if isinstance(text, list) else [text or ""]))
    return out


def _parse(report_files) -> _Page:
    page = _Page()
    page.feed(report_files["zh"].read_text(encoding="utf-8"))
    return page


def test_no_english_interface_text_in_the_zh_report(report_files):
    page, allowed = _parse(report_files), ALLOWED | _proper_names()
    assert page.figures, "the report has no charts to check"
    assert _english(" ".join(page.text), allowed) == []
    for fig in page.figures:
        title = ((fig.get("layout") or {}).get("title") or {}).get("text")
        assert _english(" ".join(_figure_strings(fig)), allowed) == [], title


def test_the_english_report_would_fail_the_same_check(report_files):
    # the check finds English where there is English
    page = _Page()
    page.feed(report_files["en"].read_text(encoding="utf-8"))
    assert len(_english(" ".join(page.text), ALLOWED)) > 20


def test_zh_chart_axes_use_wan_and_yi_and_chinese_dates(report_files):
    page = _parse(report_files)
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
