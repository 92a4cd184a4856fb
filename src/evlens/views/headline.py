"""The headline block of a company page: the few figures a reader sees first, each with its
detail line and the chart it points to, in the page's language. Shared by the report, the
dashboard and ``evlens report --headline``."""

from __future__ import annotations

from typing import Any

from . import format as fmt
from .labels import labels
from .names import display_name


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
            L["first_crossed"].format(threshold=thr, date=fmt.day(mile["first_date"], lang))
            if mile.get("crossed")
            else L["not_crossed"].format(threshold=thr)
        )
    return _item(
        L["market_value_on"].format(label=L["market_value"], date=fmt.day(mv["date"], lang)),
        fmt.money(mv["market_cap"], cur, lang),
        detail,
        "market_value",
    )


def _return_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    h = data["headline"]
    ret = h.get("return") or {}
    if not ret.get("subject"):
        return None
    s, b = ret["subject"], ret.get("benchmark") or {}
    detail = L["vs_index"].format(
        index=display_name(b.get("ticker"), lang),
        ret=fmt.pct(b.get("return_pct"), lang),
        excess=fmt.points(s.get("excess_pct"), lang),
    )
    return _item(
        L["period_return"].format(year=h["return_year"]),
        fmt.pct(s["return_pct"], lang),
        detail,
        "period_return",
    )


def _ranged(lo: float | None, hi: float | None) -> bool:
    """Whether bounds ``[lo, hi]`` leave a range (not one figure); an open top is a range."""
    return lo is not None and (hi is None or hi - lo > 1e-6 * max(1.0, hi))


def _total(d: dict, lang: str) -> str:
    """The year's total: one figure when exact, ``low–high`` where months rest on bounds
    (``≥ low`` when no upper bound is known)."""
    lo, hi, v = d.get("low"), d.get("high"), d.get("to_date")
    if v is None or not _ranged(lo, hi):
        return fmt.count(v, lang)
    if hi is None:
        return f"≥ {fmt.count(lo, lang)}"
    return f"{fmt.count(lo, lang)}–{fmt.count(hi, lang)}"


def _deliveries_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    """A finished year: its total (a range where it rests on bounds) against the target; the
    current year: deliveries to date, through the latest month, against the latest target."""
    h = data["headline"]
    d = h.get("deliveries")
    if not d:
        return None
    pace = d.get("pace") or {}
    whole = bool(h.get("finished")) and d.get("through") == f"{d['year']}-12"
    detail = L["full_year"] if whole else L["through"].format(month=fmt.day(d.get("through"), lang))
    target = pace.get("target")
    if target:
        lo, hi = d.get("low"), d.get("high")
        ratio = fmt.share(pace.get("ratio"), lang)
        if hi is not None and _ranged(lo, hi):
            ratio = f"{fmt.share(lo / target, lang)}–{fmt.share(hi / target, lang)}"
        detail += f" · {L['target']} {fmt.count(target, lang)} · {ratio}"
    label = (L["deliveries_year"] if whole else L["deliveries_to_date"]).format(year=d["year"])
    return _item(label, _total(d, lang), detail, "deliveries")


def _forecast_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    """A finished year: what the forecast said at mid-year, labelled as a back-test, and
    where the outcome (the deliveries figure beside it) fell against its 90 % band. The
    current year: the chance of the latest target (else the median), with its as-of day."""
    h = data["headline"]
    f = h.get("forecast")
    if not f:
        return None
    if h.get("finished") or f.get("months_left") == 0:
        return _backtest_item(data, lang, L)
    band = L["forecast_range"].format(p5=fmt.count(f["p5"], lang), p95=fmt.count(f["p95"], lang))
    if f.get("target"):
        label = L["p_target_as_of"].format(
            target=fmt.count(f["target"], lang), date=fmt.day(f["as_of"], lang)
        )
        return _item(label, fmt.share(f["p_hit"], lang), band, "forecast")
    label = L["forecast_as_of"].format(year=h["forecast_year"], date=fmt.day(f["as_of"], lang))
    return _item(label, fmt.count(f["p50"], lang), band, "forecast")


def _backtest_item(data: dict, lang: str, L: dict[str, str]) -> dict[str, Any] | None:
    """The mid-year back-test of a finished year against the outcome the page shows."""
    h = data["headline"]
    past, d = _mid_year_forecast(data), h.get("deliveries")
    if not past or not d or d.get("to_date") is None:
        return None  # no back-test of the year: the deliveries line says all
    lo, hi = past["band90"]
    o_lo = d["low"] if d.get("low") is not None else d["to_date"]
    o_hi = d["high"] if d.get("high") is not None else float("inf")
    where = "inside" if lo <= o_lo and o_hi <= hi else "outside" if o_hi < lo or o_lo > hi else "partly"
    detail = (
        L["forecast_range"].format(p5=fmt.count(lo, lang), p95=fmt.count(hi, lang))
        + " · "
        + L[f"outcome_{where}"].format(outcome=_total(d, lang))
    )
    label = L["backtest_as_of"].format(year=h["forecast_year"], date=fmt.day(past["as_of"], lang))
    return _item(label, fmt.count(past["p50"], lang), detail, "forecast")


def _mid_year_forecast(data: dict) -> dict | None:
    """The back-tested forecast of the year made at the end of June (else the latest one
    made before), from the report's outlook history."""
    hist = (data.get("outlook") or {}).get("history") or []
    year = data["headline"].get("forecast_year")
    before = [r for r in hist if r["as_of"] <= f"{year}-06-30" and r.get("band90")]
    return before[-1] if before else None
