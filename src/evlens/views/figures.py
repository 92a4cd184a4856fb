"""Plotly figures of a report, built from :class:`~evlens.views.company.ReportData` dicts.

Drawing only: every number plotted was computed by the library."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from itertools import pairwise

import plotly.graph_objects as go

from . import format as fmt
from .labels import labels
from .names import BOUND_MARK, display_name, metric_name, share_event_name

BLUE = "#1f77b4"

LAYOUT = {
    "template": "plotly_white",
    "height": 380,
    "margin": {"l": 50, "r": 20, "t": 50, "b": 40},
    "legend": {"orientation": "h", "y": -0.15},
}


def _fig(title: str) -> go.Figure:
    f = go.Figure()
    f.update_layout(title=title, **LAYOUT)
    return f


def price_figure(data: dict, lang: str) -> go.Figure | None:
    p, L = data.get("prices"), labels(lang)
    if not p:
        return None
    index = display_name(p["index_ticker"], lang)
    f = _fig(L["price_vs_index"].format(index=index))
    f.add_scatter(x=p["subject"]["dates"], y=p["subject"]["values"], name=data["ticker"], mode="lines")
    if p["index"]["dates"]:
        f.add_scatter(x=p["index"]["dates"], y=p["index"]["values"], name=index, mode="lines")
    ev = (data.get("events") or {}).get("events") or []
    if ev:
        lookup = dict(zip(p["subject"]["dates"], p["subject"]["values"]))
        xs = [e["day0"] for e in ev if e.get("day0") in lookup]
        f.add_scatter(
            x=xs,
            y=[lookup[x] for x in xs],
            mode="markers",
            name=L["event"],
            text=[event_label(e, data, lang) for e in ev if e.get("day0") in lookup],
            marker={"size": 8, "symbol": "diamond"},
        )
    return f


def events_figure(data: dict, lang: str) -> go.Figure | None:
    ev, L = data.get("events"), labels(lang)
    if not ev or not ev["events"]:
        return None
    f = _fig(L["events"])
    rows = [e for e in ev["events"] if e.get("included")]
    days = sorted({int(k) for e in rows for k in (e.get("ar") or {})})
    for d in days:
        f.add_bar(
            x=[e["day0"] for e in rows],
            y=[_pct_or_gap(e["ar"].get(str(d))) for e in rows],
            name=L["ar_day"].format(day=f"{d:+d}"),
        )
    f.add_scatter(
        x=[e["day0"] for e in rows],
        y=[_pct_or_gap(e["car"]) for e in rows],
        name=L["car"] + " (%)",
        mode="markers",  # separate events: points, not a line through months without one
        text=[event_label(e, data, lang) for e in rows],
    )
    f.update_layout(barmode="group")
    return f


def event_label(e: dict, data: dict, lang: str) -> str:
    """An event's label in the page's language, rebuilt from its facts in the sources
    (``小米SU7 交付量 2025-03 >29,000``); the study's own label when a fact is not there."""
    if lang != "zh":
        return e.get("label") or ""
    by_id = {s["id"]: s for s in data.get("sources") or ()}
    parts = []
    for fid in e.get("facts") or ():
        s = by_id.get(fid)
        if s is None:
            return e.get("label") or ""
        metric = metric_name(s["metric"], lang)
        value = BOUND_MARK.get(s.get("bound") or "eq", "") + f"{s['value']:,.0f}"
        parts.append(f"{display_name(s['entity'], lang)} {metric} {s['period']} {value}")
    return "；".join(parts) or (e.get("label") or "")


def _pct_or_gap(v: float | None) -> float | None:
    """A fraction as percent; a missing value stays missing (a gap in the chart, never 0)."""
    return None if v is None else 100 * v


#: How each kind of monthly value is drawn: reported solid, derived outlined, an estimate
#: (a month known only within bounds) hatched and faded, with its interval.
CERTAINTY_STYLE = {
    "reported": {"color": BLUE, "line": {"color": BLUE, "width": 1}},
    "derived": {"color": "rgba(255,255,255,0)", "line": {"color": BLUE, "width": 2}},
    "bounded": {
        "color": "rgba(31,119,180,0.35)",
        "line": {"color": "rgba(31,119,180,0.6)", "width": 1},
        "pattern": {"shape": "/", "fgcolor": BLUE, "size": 6},
    },
}


def _certainty(basis: str) -> str:
    return basis if basis in ("reported", "derived") else "bounded"


def monthly_bars(f: go.Figure, months: list[dict], L: dict[str, str]) -> None:
    """Monthly values as bars, one trace per certainty (reported, derived, estimated) so the
    legend names each; an estimate carries its interval as error bars. A month with no value
    is left out: a gap, never 0."""
    for kind, style in CERTAINTY_STYLE.items():
        ms = [m for m in months if m.get("value") is not None and _certainty(m["basis"]) == kind]
        if not ms:
            continue
        bar: dict = {"x": [m["month"] for m in ms], "y": [m["value"] for m in ms], "name": L[f"basis.{kind}"]}
        if kind == "bounded":
            hi = [m["high"] if m["high"] is not None else m["value"] for m in ms]
            bar["error_y"] = {
                "type": "data",
                "symmetric": False,
                "array": [h - m["value"] for h, m in zip(hi, ms)],
                "arrayminus": [m["value"] - m["low"] for m in ms],
                "color": "#555",
            }
        f.add_bar(marker=style, **bar)


def deliveries_figure(data: dict, lang: str) -> go.Figure | None:
    d, L = data.get("deliveries"), labels(lang)
    if not d or not d["months"]:
        return None
    f = _fig(L["monthly_deliveries"])
    ms = d["months"]
    x = [m["month"] for m in ms]
    monthly_bars(f, ms, L)
    f.update_layout(barmode="overlay")
    pace = d.get("pace")
    if pace and pace.get("target"):
        _pace_line(f, [m for m in x if m.startswith(str(d["year"]))], pace["target"], L)
    return f


def _pace_line(f: go.Figure, months: list[str], target: float, L: dict[str, str]) -> None:
    """The straight-line pace of a year's target: a twelfth of it each month, dashed."""
    f.add_scatter(
        x=months,
        y=[target / 12] * len(months),
        mode="lines",
        name=L["pace"],
        line={"dash": "dash", "color": "#2ca02c"},
    )


def backlog_figure(data: dict, lang: str) -> go.Figure | None:
    b, L = data.get("backlog"), labels(lang)
    if not b or not b["points"]:
        return None
    f = _fig(L["backlog"])
    pts = b["points"]
    x = [p["date"] for p in pts]
    # observations months apart are points: a line would invent the months between them
    mode = "markers" if _sparse(x) else "lines+markers"
    f.add_scatter(x=x, y=[p["backlog"] for p in pts], name=L["backlog"], mode=mode, marker={"size": 10})
    f.add_scatter(x=x, y=[p["wait_run_rate_months"] for p in pts], name=L["wait_rr"], yaxis="y2", mode=mode)
    f.add_scatter(
        x=x,
        y=[None if p["fifo_wait_days"] is None else p["fifo_wait_days"] / (365.25 / 12) for p in pts],
        name=L["wait_fifo"],
        yaxis="y2",
        mode=mode,
    )
    # the second axis keeps its own round ticks (not synced to the first axis's grid)
    f.update_layout(yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero", "tickmode": "auto"})
    return f


def _sparse(days: list[str], gap_days: int = 62) -> bool:
    """Whether dated observations lie more than ``gap_days`` apart anywhere."""
    ds = sorted(date.fromisoformat(d[:10]) for d in days)
    return any((b - a).days > gap_days for a, b in pairwise(ds))


def capacity_figure(data: dict, lang: str) -> go.Figure | None:
    fc, L = data.get("forecast"), labels(lang)
    if not fc:
        return None
    f = _fig(L["capacity"])
    ms = fc["months"]
    x = [m["month"] for m in ms]
    f.add_scatter(x=x, y=[m["production"]["p50"] for m in ms], name=L["production"], mode="lines+markers")
    f.add_scatter(x=x, y=[m["orders"]["p50"] for m in ms], name=L["orders"], mode="lines+markers")
    f.add_scatter(
        x=x, y=[m["deliveries"]["p50"] for m in ms], name=L["delivered"], mode="lines", line={"dash": "dot"}
    )
    return f


def fan_figure(data: dict, lang: str) -> go.Figure | None:
    fc, L = data.get("forecast"), labels(lang)
    if not fc:
        return None
    f = _fig(L["fan"])
    months = fc["months"]
    actual = [
        m
        for m in (data.get("deliveries") or {}).get("months") or []
        if m["month"].startswith(str(fc["year"]))
    ]
    if actual:
        monthly_bars(f, actual, L)  # the months already delivered, drawn as data
    ahead = [m for m in months if not m.get("known")]
    known = [m for m in months if m.get("known")]
    # the fan starts from the last known month, so it joins the actuals
    ms = known[-1:] + ahead if ahead else months
    x = [m["month"] for m in ms]
    f.add_scatter(
        x=x,
        y=[m["deliveries"]["p95"] for m in ms],
        mode="lines",
        line={"width": 0},
        showlegend=False,
        name="p95",
    )
    f.add_scatter(
        x=x,
        y=[m["deliveries"]["p5"] for m in ms],
        mode="lines",
        line={"width": 0},
        fill="tonexty",
        fillcolor="rgba(31,119,180,0.25)",
        name=L["band90"],
    )
    f.add_scatter(x=x, y=[m["deliveries"]["p50"] for m in ms], mode="lines+markers", name=L["median"])
    if fc.get("target"):
        _pace_line(f, [m["month"] for m in months], fc["target"], L)
    f.update_layout(barmode="overlay")
    return f


def outlook_figure(data: dict, lang: str) -> go.Figure | None:
    """The forecasts of the year total made at each month end (median and 90 % band, as
    the back-test scored them from what was public then), against the outcome and target."""
    o, L = data.get("outlook"), labels(lang)
    if not o or not o.get("history"):
        return None
    h = o["history"]
    f = _fig(L["outlook"].format(year=o["year"]))
    x = [r["as_of"] for r in h]
    f.add_scatter(
        x=x, y=[r["band90"][1] for r in h], mode="lines", line={"width": 0}, showlegend=False, name="p95"
    )
    f.add_scatter(
        x=x,
        y=[r["band90"][0] for r in h],
        mode="lines",
        line={"width": 0},
        fill="tonexty",
        fillcolor="rgba(31,119,180,0.25)",
        name=L["band90"],
    )
    f.add_scatter(x=x, y=[r["p50"] for r in h], mode="lines+markers", name=L["median"])
    f.add_scatter(
        x=x,
        y=[h[-1]["outcome"]] * len(x),
        mode="lines",
        name=L["outcome"],
        line={"color": "#d62728", "dash": "dot"},
    )
    if o.get("target"):
        f.add_scatter(
            x=x,
            y=[o["target"]] * len(x),
            mode="lines",
            name=L["target"],
            line={"dash": "dash", "color": "#2ca02c"},
        )
    return f


def calibration_figure(data: dict, lang: str) -> go.Figure | None:
    """Stated against observed coverage of the back-test's central bands (calibrated: on
    the diagonal), for the forecast and for AutoETS's own uncalibrated bands."""
    c, L = data.get("calibration"), labels(lang)
    if not c or not c.get("curve"):
        return None
    f = _fig(L["calibration"].format(points=c["points"], years=", ".join(map(str, c["years"]))))
    f.add_scatter(
        x=[0, 100], y=[0, 100], mode="lines", name=L["calibrated"], line={"dash": "dash", "color": "#999"}
    )
    f.add_scatter(
        x=[100 * p["stated"] for p in c["curve"]],
        y=[100 * p["observed"] for p in c["curve"]],
        mode="lines+markers",
        name=L["forecast_bands"],
    )
    if c.get("curve_autoets"):
        f.add_scatter(
            x=[100 * p["stated"] for p in c["curve_autoets"]],
            y=[100 * p["observed"] for p in c["curve_autoets"]],
            mode="lines+markers",
            name=L["autoets_bands"],
        )
    f.update_layout(
        xaxis={"title": L["stated_coverage"], "range": [0, 100]},
        yaxis={"title": L["observed_coverage"], "range": [0, 100]},
    )
    return f


def head_to_head_figure(data: dict, lang: str) -> go.Figure | None:
    """Two models' monthly retail sales (lines) and their ranks in each month's list (second
    axis, dotted), with the months one passed the other marked; every point's hover names
    its source."""
    h, L = data.get("head_to_head"), labels(lang)
    if not h or not h.get("months"):
        return None
    a, b = h["models"][:2]

    def name(e):
        return display_name(e, lang) if lang == "zh" else (h.get("names") or {}).get(e, e)

    f = _fig(L["head_to_head"].format(a=name(a), b=name(b)))
    x = [m["month"] for m in h["months"]]
    for e in (a, b):
        st = [m["models"][e] for m in h["months"]]
        f.add_scatter(
            x=x,
            y=[s["value"] if s["status"] == "listed" else None for s in st],
            name=name(e),
            mode="lines+markers",
            text=[
                f"#{s['rank']}/{s['list_size']} · {s['source_url'] or ''}"
                if s["status"] == "listed"
                else L["not_in_list"]
                for s in st
            ],
        )
        f.add_scatter(
            x=x,
            y=[s["rank"] for s in st],
            name=L["rank_of"].format(name=name(e)),
            yaxis="y2",
            mode="lines",
            line={"dash": "dot", "width": 1},
        )
    passes = (h.get("head_to_head") or [{}])[0].get("passes") or []
    by_month = {m["month"]: m for m in h["months"]}
    px = [p["month"] for p in passes if p["month"] in by_month]
    f.add_scatter(
        x=px,
        y=[by_month[m]["models"][p["passer"]]["value"] for m, p in zip(px, passes)],
        mode="markers",
        name=L["passes"],
        marker={"symbol": "x", "size": 12, "color": "#d62728"},
        text=[f"{name(p['passer'])} > {name(p['passed'])}" for p in passes if p["month"] in by_month],
    )
    f.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "autorange": "reversed",
            "title": L["rank"],
            "tickmode": "auto",
            "showgrid": False,
        }
    )
    return f


def market_value_figure(data: dict, lang: str) -> go.Figure | None:
    """Daily market value (close x shares in force), each change of the share count marked
    with the filing behind it, and the milestones."""
    mv, L = data.get("market_value"), labels(lang)
    if not mv or not mv.get("dates"):
        return None
    f = _fig(L["market_value_series"].format(ticker=mv["ticker"]))
    f.add_scatter(x=mv["dates"], y=mv["values"], mode="lines", name=L["market_value"])
    ch = mv.get("share_changes") or []
    f.add_scatter(
        x=[c["date"] for c in ch],
        y=[c["market_cap"] for c in ch],
        mode="markers",
        name=L["share_change"],
        marker={"symbol": "triangle-up", "size": 10},
        text=[
            f"{c['shares_change']:+,.0f} ({share_event_name(c['event'], lang) or c['basis']}) {c['source_url'] or ''}"
            for c in ch
        ],
    )
    ms = mv.get("milestones") or []
    f.add_scatter(
        x=[m["date"] for m in ms],
        y=[m["market_cap"] for m in ms],
        mode="markers",
        name=L["milestone"],
        marker={"symbol": "star", "size": 11},
        text=[fmt.money(m["threshold"], data.get("currency"), lang) for m in ms],
    )
    return f


FIGURES = {
    "prices": price_figure,
    "events": events_figure,
    "deliveries": deliveries_figure,
    "backlog": backlog_figure,
    "capacity": capacity_figure,
    "forecast": fan_figure,
    "outlook": outlook_figure,
    "calibration": calibration_figure,
    "market_value": market_value_figure,
    "head_to_head": head_to_head_figure,
}


def figures(data: dict, lang: str, only: tuple[str, ...] | None = None) -> dict[str, go.Figure]:
    out = {}
    for key, fn in FIGURES.items():
        if only is not None and key not in only:
            continue
        fig = fn(data, lang)
        if fig is not None:
            out[key] = localised(fig, lang)
    return out


_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def localised(fig: go.Figure, lang: str) -> go.Figure:
    """The figure in Chinese conventions when ``lang`` is zh: dates as 2024年4月 on the axis
    and 2024年4月30日 in the hover, and large numbers in 万 and 亿 (never Plotly's k or M)
    on the axis ticks and in the hover text. English figures are left as drawn."""
    if lang != "zh":
        return fig
    dated = any(_DATE.match(str(t.x[0])) for t in fig.data if t.x is not None and len(t.x))
    if dated:
        fig.update_xaxes(tickformat="%Y年%-m月", hoverformat="%Y年%-m月%-d日")
    for axis in ("y", "y2"):
        traces = [t for t in fig.data if (getattr(t, "yaxis", None) or "y") == axis and t.y is not None]
        values = [abs(v) for t in traces for v in t.y if v is not None]
        if not values or max(values) < 1e4:
            continue
        ticks = _nice_ticks(max(values))
        fig.update_layout(
            {
                "yaxis" if axis == "y" else "yaxis2": {
                    "tickvals": ticks,
                    "ticktext": [zh_number(v) for v in ticks],
                }
            }
        )
        for t in traces:
            t.customdata = [zh_number(v) if v is not None else "" for v in t.y]
            when = "%{x|%Y年%-m月%-d日}" if dated else "%{x}"
            t.hovertemplate = when + "<br>%{customdata}<extra>%{fullData.name}</extra>"
    return fig


def zh_number(v: float) -> str:
    """A number in 万 (10^4), 亿 (10^8) or 万亿 (10^12), up to three significant digits:
    ``25000`` → ``2.5万``."""
    a = abs(v)
    for scale, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if a >= scale:
            q = v / scale
            return (f"{q:,.0f}" if abs(q) >= 100 else f"{q:.3g}") + word
    return f"{v:,.0f}"


def _nice_ticks(top: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values from 0 to at least ``top`` (steps of 1, 2, 2.5 or 5
    times a power of ten)."""
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(k * mag for k in (1, 2, 2.5, 5, 10) if k * mag >= raw)
    return [i * step for i in range(math.ceil(top / step) + 1)]


@lru_cache(maxsize=1)
def plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().replace("</script", "<\\/script")


def figure_json(fig) -> str:
    """A figure as JSON safe to place inside a ``<script type="application/json">``."""
    return fig.to_json().replace("</", "<\\/").replace("<!--", "<\\!--")
