"""The report as one self-contained HTML file: Jinja2 templates (autoescape on) and
Plotly figures with the chart library's script embedded, so the file opens offline."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from . import format as fmt
from .figures import figures
from .labels import labels


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("evlens.report", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["money"] = fmt.money
    env.filters["count"] = fmt.count
    env.filters["pct"] = fmt.pct
    env.filters["points"] = fmt.points
    env.filters["share"] = fmt.share
    env.filters["number"] = fmt.number
    return env


@lru_cache(maxsize=1)
def plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().replace("</script", "<\\/script")


def figure_json(fig) -> str:
    """A figure as JSON safe to place inside a ``<script type="application/json">``."""
    return fig.to_json().replace("</", "<\\/").replace("<!--", "<\\!--")


def headline_items(data: dict, lang: str) -> list[dict[str, Any]]:
    """The headline block: (label, value, detail, figure key) in the report's language."""
    L, h, cur = labels(lang), data["headline"], data["currency"]
    items = []
    mv = h.get("market_value")
    mile = h.get("milestone")
    if mv:
        detail = ""
        if mile:
            thr = fmt.money(mile["threshold"], cur, lang)
            detail = (L["first_crossed"].format(threshold=thr, date=mile["first_date"]) if mile.get("crossed")
                      else L["not_crossed"].format(threshold=thr))
        items.append({"label": f'{L["market_value"]} ({mv["date"]})', "value": fmt.money(mv["market_cap"], cur, lang),
                      "detail": detail, "figure": "market_value"})
    ret = h.get("return") or {}
    if ret.get("subject"):
        s, b = ret["subject"], ret.get("benchmark") or {}
        items.append({"label": L["period_return"].format(year=h["return_year"]), "value": fmt.pct(s["return_pct"], lang),
                      "detail": L["vs_index"].format(index=b.get("ticker", ""), ret=fmt.pct(b.get("return_pct"), lang),
                                                     excess=fmt.points(s.get("excess_pct"), lang)),
                      "figure": "period_return"})
    d = h.get("deliveries")
    if d:
        pace = d.get("pace") or {}
        detail = L["through"].format(month=d.get("through"))
        if pace.get("target"):
            detail += f' · {L["target"]} {fmt.count(pace["target"], lang)} · {fmt.share(pace.get("ratio"), lang)}'
        items.append({"label": L["deliveries_to_date"].format(year=d["year"]),
                      "value": fmt.count(d.get("to_date"), lang), "detail": detail, "figure": "deliveries"})
    f = h.get("forecast")
    if f:
        items.append({"label": f'{L["p_target"]} ({L["target"]} {fmt.count(f["target"], lang)})',
                      "value": fmt.share(f["p_hit"], lang),
                      "detail": L["forecast_range"].format(p5=fmt.count(f["p5"], lang), p95=fmt.count(f["p95"], lang)),
                      "figure": "forecast"})
    return items


def render_html(data: dict, lang: str = "en") -> str:
    """The report as a self-contained HTML page (``data`` is ``ReportData.to_dict()``)."""
    fmt.check_lang(lang)
    L = labels(lang)
    figs = {k: figure_json(v) for k, v in figures(data, lang).items()}
    name = data["name_zh"] if lang == "zh" else data["name_en"]
    metric = data.get("reported_metric") or {}
    metric_label = metric.get("label_zh" if lang == "zh" else "label_en")
    return environment().get_template("report.html").render(
        d=data, L=L, lang=lang, title=L["title"].format(name=name, ticker=data["ticker"] or L["unlisted"]),
        metric_label=metric_label,
        headline=headline_items(data, lang), figs=figs, plotly_js=plotly_js(), fmt=fmt,
        sources_by_id={s["id"]: s for s in data["sources"]})
