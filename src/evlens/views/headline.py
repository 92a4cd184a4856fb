"""The headline block of a company page: the few figures a reader sees first, each with its
detail line and the chart it points to, in the page's language. Shared by the report, the
dashboard and ``evlens report --headline``."""

from __future__ import annotations

from typing import Any

from . import format as fmt
from .labels import labels


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
            detail = (
                L["first_crossed"].format(threshold=thr, date=mile["first_date"])
                if mile.get("crossed")
                else L["not_crossed"].format(threshold=thr)
            )
        items.append(
            {
                "label": f"{L['market_value']} ({mv['date']})",
                "value": fmt.money(mv["market_cap"], cur, lang),
                "detail": detail,
                "figure": "market_value",
            }
        )
    ret = h.get("return") or {}
    if ret.get("subject"):
        s, b = ret["subject"], ret.get("benchmark") or {}
        items.append(
            {
                "label": L["period_return"].format(year=h["return_year"]),
                "value": fmt.pct(s["return_pct"], lang),
                "detail": L["vs_index"].format(
                    index=b.get("ticker", ""),
                    ret=fmt.pct(b.get("return_pct"), lang),
                    excess=fmt.points(s.get("excess_pct"), lang),
                ),
                "figure": "period_return",
            }
        )
    d = h.get("deliveries")
    if d:
        pace = d.get("pace") or {}
        detail = L["through"].format(month=d.get("through"))
        if pace.get("target"):
            detail += (
                f" · {L['target']} {fmt.count(pace['target'], lang)} · {fmt.share(pace.get('ratio'), lang)}"
            )
        items.append(
            {
                "label": L["deliveries_to_date"].format(year=d["year"]),
                "value": fmt.count(d.get("to_date"), lang),
                "detail": detail,
                "figure": "deliveries",
            }
        )
    f = h.get("forecast")
    past = _mid_year_forecast(data)
    if f and f.get("months_left") == 0 and past:  # the year is over: what the forecast said at mid-year
        inside = past["band90"][0] <= past["outcome"] <= past["band90"][1]
        items.append(
            {
                "label": L["forecast_as_of"].format(year=h["forecast_year"], date=past["as_of"]),
                "value": fmt.count(past["p50"], lang),
                "detail": L["forecast_range"].format(
                    p5=fmt.count(past["band90"][0], lang), p95=fmt.count(past["band90"][1], lang)
                )
                + " · "
                + L["outcome_inside" if inside else "outcome_outside"].format(
                    outcome=fmt.count(past["outcome"], lang)
                ),
                "figure": "forecast",
            }
        )
    elif f and f.get("months_left") == 0:
        pass  # the year is over and was not back-tested: the deliveries line says all
    elif f and f.get("target"):
        items.append(
            {
                "label": f"{L['p_target']} ({L['target']} {fmt.count(f['target'], lang)})",
                "value": fmt.share(f["p_hit"], lang),
                "detail": L["forecast_range"].format(
                    p5=fmt.count(f["p5"], lang), p95=fmt.count(f["p95"], lang)
                ),
                "figure": "forecast",
            }
        )
    elif f:
        items.append(
            {
                "label": L["forecast_median"].format(year=h["forecast_year"]),
                "value": fmt.count(f["p50"], lang),
                "detail": L["forecast_range"].format(
                    p5=fmt.count(f["p5"], lang), p95=fmt.count(f["p95"], lang)
                ),
                "figure": "forecast",
            }
        )
    return items


def _mid_year_forecast(data: dict) -> dict | None:
    """The back-tested forecast of the year made at the end of June (else the latest one
    made before), from the report's outlook history."""
    hist = (data.get("outlook") or {}).get("history") or []
    year = data["headline"].get("forecast_year")
    before = [r for r in hist if r["as_of"] <= f"{year}-06-30" and r.get("band90")]
    return before[-1] if before else None
