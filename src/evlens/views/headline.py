"""The headline block of a company page: the few figures a reader sees first, each with its
detail line and the chart it points to, in the page's language. Shared by the report, the
dashboard and ``evlens report --headline``."""

from __future__ import annotations

from typing import Any

from . import format as fmt
from .labels import labels


def headline_items(data: dict, lang: str) -> list[dict[str, Any]]:
    """The headline block: (label, value, detail, figure key) in the report's language:
    market value, period return, deliveries to date and the forecast, each when known."""
    L = labels(lang)
    found = (
        _market_value_item(data, lang, L),
        _return_item(data, lang, L),
        _deliveries_item(data, lang, L),
        _forecast_item(data, lang, L),
    )
    return [item for item in found if item is not None]


def _item(label: str, value: str, detail: str, figure: str) -> dict[str, Any]:
    return {"label": label, "value": value, "detail": detail, "figure": figure}


def _market_value_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    h, cur = data["headline"], data["currency"]
    mv, mile = h.get("market_value"), h.get("milestone")
    if not mv:
        return None
    detail = ""
    if mile:
        thr = fmt.money(mile["threshold"], cur, lang)
        detail = (
            L["first_crossed"].format(threshold=thr, date=mile["first_date"])
            if mile.get("crossed")
            else L["not_crossed"].format(threshold=thr)
        )
    return _item(
        f"{L['market_value']} ({mv['date']})", fmt.money(mv["market_cap"], cur, lang), detail, "market_value"
    )


def _return_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    h = data["headline"]
    ret = h.get("return") or {}
    if not ret.get("subject"):
        return None
    s, b = ret["subject"], ret.get("benchmark") or {}
    detail = L["vs_index"].format(
        index=b.get("ticker", ""),
        ret=fmt.pct(b.get("return_pct"), lang),
        excess=fmt.points(s.get("excess_pct"), lang),
    )
    return _item(
        L["period_return"].format(year=h["return_year"]),
        fmt.pct(s["return_pct"], lang),
        detail,
        "period_return",
    )


def _deliveries_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    d = data["headline"].get("deliveries")
    if not d:
        return None
    pace = d.get("pace") or {}
    detail = L["through"].format(month=d.get("through"))
    if pace.get("target"):
        detail += f" · {L['target']} {fmt.count(pace['target'], lang)} · {fmt.share(pace.get('ratio'), lang)}"
    label = L["deliveries_to_date"].format(year=d["year"])
    return _item(label, fmt.count(d.get("to_date"), lang), detail, "deliveries")


def _forecast_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    """For a finished year, what the forecast said at mid-year and whether the outcome fell
    inside its 90 % band; otherwise the chance of the target, or the median without one."""
    h = data["headline"]
    f = h.get("forecast")
    if not f:
        return None
    if f.get("months_left") == 0:
        past = _mid_year_forecast(data)
        if not past:
            return None  # the year is over and was not back-tested: the deliveries line says all
        lo, hi = past["band90"]
        inside = lo <= past["outcome"] <= hi
        detail = (
            L["forecast_range"].format(p5=fmt.count(lo, lang), p95=fmt.count(hi, lang))
            + " · "
            + L["outcome_inside" if inside else "outcome_outside"].format(
                outcome=fmt.count(past["outcome"], lang)
            )
        )
        label = L["forecast_as_of"].format(year=h["forecast_year"], date=past["as_of"])
        return _item(label, fmt.count(past["p50"], lang), detail, "forecast")
    band = L["forecast_range"].format(p5=fmt.count(f["p5"], lang), p95=fmt.count(f["p95"], lang))
    if f.get("target"):
        label = f"{L['p_target']} ({L['target']} {fmt.count(f['target'], lang)})"
        return _item(label, fmt.share(f["p_hit"], lang), band, "forecast")
    return _item(
        L["forecast_median"].format(year=h["forecast_year"]), fmt.count(f["p50"], lang), band, "forecast"
    )


def _mid_year_forecast(data: dict) -> dict | None:
    """The back-tested forecast of the year made at the end of June (else the latest one
    made before), from the report's outlook history."""
    hist = (data.get("outlook") or {}).get("history") or []
    year = data["headline"].get("forecast_year")
    before = [r for r in hist if r["as_of"] <= f"{year}-06-30" and r.get("band90")]
    return before[-1] if before else None
