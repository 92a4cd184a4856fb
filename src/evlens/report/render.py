"""The report as one self-contained HTML file: Jinja2 templates (autoescape on) and
Plotly figures with the chart library's script embedded, so the file opens offline."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from ..views import format as fmt
from ..views.figures import event_label, figure_json, figures, plotly_js
from ..views.headline import headline_items
from ..views.labels import labels
from ..views.names import BOUND_MARK, display_name, metric_name, unit_name


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("evlens.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = fmt.money
    env.filters["count"] = fmt.count
    env.filters["pct"] = fmt.pct
    env.filters["points"] = fmt.points
    env.filters["share"] = fmt.share
    env.filters["number"] = fmt.number
    env.filters["safe_url"] = fmt.safe_url
    env.filters["name"] = display_name
    env.filters["metric"] = metric_name
    env.filters["unit"] = unit_name
    env.filters["bound"] = lambda b: BOUND_MARK.get(b or "eq", "")
    return env


def render_html(data: dict, lang: str = "en") -> str:
    """The report as a self-contained HTML page (``data`` is ``ReportData.to_dict()``)."""
    fmt.check_lang(lang)
    L = labels(lang)
    figs = {k: figure_json(v) for k, v in figures(data, lang).items()}
    name = data["name_zh"] if lang == "zh" else data["name_en"]
    metric = data.get("reported_metric") or {}
    metric_label = metric.get("label_zh" if lang == "zh" else "label_en")
    return (
        environment()
        .get_template("report.html")
        .render(
            d=data,
            L=L,
            lang=lang,
            title=L["title"].format(name=name, ticker=data["ticker"] or L["unlisted"]),
            metric_label=metric_label,
            headline=headline_items(data, lang),
            figs=figs,
            plotly_js=plotly_js(),
            fmt=fmt,
            sources_by_id={s["id"]: s for s in data["sources"]},
            event_label=event_label,
        )
    )
