"""The main job `make demo` runs: load the bundled dataset, summarise the database and
write the report on the demo's subject (``[demo] subject`` of the manifest, see
:func:`evlens.demo.demo_subject`) to ``evlens-report.html``."""

from __future__ import annotations

from pathlib import Path

from .common import State, emit

REPORT_FILE = "evlens-report.html"


def run_demo(state: State, as_json: bool) -> dict:
    from ..demo import demo_subject
    from ..report import write_report

    report_path = Path.cwd() / REPORT_FILE
    with state.open() as store:
        results = store.load_demo()
        summary = store.summary()
        report = write_report(store, demo_subject(), report_path)
    out = {
        "loaded": [r.to_dict() for r in results],
        "added_rows": sum(r.added for r in results),
        "summary": summary,
        "report": str(report_path),
        "serve": "evlens serve" + (f" --db {state.db_path}" if state.db_path else ""),
    }

    def render(o: dict) -> None:
        from .common import console
        from .store import _render_summary

        fresh = sum(1 for r in results if not r.already_imported)
        console.print(
            f"[bold]Loaded the demo dataset[/]: {len(results)} files "
            f"({fresh} new, {len(results) - fresh} already in the database), {o['added_rows']} rows added."
        )
        _render_summary(o["summary"])
        from .report import print_headline

        print_headline(report.to_dict(), "en")
        console.print(
            f"Report written to [bold]{o['report']}[/] (open it in a browser; it works offline).",
            highlight=False,
        )
        console.print(
            f"Explore the same live: [bold]{o['serve']}[/] then open http://127.0.0.1:8000/", highlight=False
        )

    emit(out, as_json, render)
    return out
