"""The company report: one self-contained HTML page putting the market story and the
operations story side by side, every figure linked to the facts behind it. The page's
content is the view model of :mod:`evlens.views`; this package only renders and writes it.

>>> from evlens.report import write_report   # doctest: +SKIP
>>> write_report(store, "xiaomi", "xiaomi.html", lang="zh")
"""

from __future__ import annotations

from pathlib import Path

from ..views import ReportData, ReportOptions, build_report
from .render import render_html


def write_report(
    store, entity: str, out: str | Path, lang: str = "en", options: ReportOptions | None = None
) -> ReportData:
    """Build the report of ``entity`` and write it to ``out``; returns the data shown."""
    data = build_report(store, entity, options)
    Path(out).write_text(render_html(data.to_dict(), lang), encoding="utf-8")
    return data


__all__ = ["render_html", "write_report"]
