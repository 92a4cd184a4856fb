"""The company report: one self-contained HTML page putting the market story and the
operations story side by side, every figure linked to the facts behind it.

>>> from evlens.report import build_report, render_html   # doctest: +SKIP
>>> html = render_html(build_report(store, "xiaomi").to_dict(), lang="zh")
"""

from .data import ReportData, ReportOptions, build_report
from .render import headline_items, render_html


def write_report(store, entity: str, out, lang: str = "en", options: ReportOptions | None = None) -> ReportData:
    """Build the report of ``entity`` and write it to ``out``; returns the data shown."""
    from pathlib import Path

    data = build_report(store, entity, _without_cli_defaults(options))
    Path(out).write_text(render_html(data.to_dict(), lang), encoding="utf-8")
    return data


def _without_cli_defaults(options: ReportOptions | None) -> ReportOptions | None:
    """The options with a benchmark the command line filled in by default (not typed by
    the user) left out, so that the listing's own benchmark applies. The command's
    context is looked up in click and in the copy of click that Typer ships."""
    import importlib

    if options is None or options.benchmark is None:
        return options
    for name in ("click", "typer._click"):
        try:
            ctx = importlib.import_module(f"{name}.globals").get_current_context(silent=True)
            default = importlib.import_module(f"{name}.core").ParameterSource.DEFAULT
        except (ImportError, AttributeError):
            continue
        if ctx is not None and "benchmark" in ctx.params:
            if ctx.get_parameter_source("benchmark") == default:
                from dataclasses import replace

                return replace(options, benchmark=None)
            return options
    return options


__all__ = ["ReportData", "ReportOptions", "build_report", "headline_items", "render_html", "write_report"]
