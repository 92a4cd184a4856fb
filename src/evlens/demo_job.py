"""The main job `make demo` runs: load the bundled dataset and summarise the database."""

from __future__ import annotations

from .cli.common import State, emit


def run_demo(state: State, as_json: bool) -> dict:
    with state.open() as store:
        results = store.load_demo()
        summary = store.summary()
    out = {
        "loaded": [r.to_dict() for r in results],
        "added_rows": sum(r.added for r in results),
        "summary": summary,
    }

    def render(o: dict) -> None:
        from .cli.common import console
        from .cli.store import _render_summary

        fresh = sum(1 for r in results if not r.already_imported)
        console.print(
            f"[bold]Loaded the demo dataset[/]: {len(results)} files "
            f"({fresh} new, {len(results) - fresh} already in the database), {o['added_rows']} rows added."
        )
        _render_summary(o["summary"])

    emit(out, as_json, render)
    return out
