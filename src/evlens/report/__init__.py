"""The company report: one self-contained HTML page putting the market story and the
operations story side by side, every figure linked to the facts behind it.

>>> from evlens.report import build_report, render_html   # doctest: +SKIP
>>> html = render_html(build_report(store, "xiaomi").to_dict(), lang="zh")
"""

from .data import ReportData, ReportOptions, build_report
from .render import headline_items, render_html


def write_report(
    store, entity: str, out, lang: str = "en", options: ReportOptions | None = None
) -> ReportData:
    """Build the report of ``entity`` and write it to ``out``; returns the data shown."""
    from pathlib import Path

    data = build_report(store, entity, options)
    Path(out).write_text(render_html(data.to_dict(), lang), encoding="utf-8")
    return data


__all__ = ["ReportData", "ReportOptions", "build_report", "headline_items", "render_html", "write_report"]
