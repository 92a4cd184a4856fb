"""``evlens extract``: articles to facts, printed, stored, or run on a Dask cluster."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import typer

from ..errors import InputError
from ..periods import parse_day
from .common import JSON_OPTION, Table, console, err_console, state


def _line(d: dict) -> str:
    from ..values import to_json

    return to_json(d)


def _row_to_dict(r: dict) -> dict:
    from ..extract import _num

    return {
        "entity": r["entity"],
        "metric": r["metric"],
        "value": _num(float(r["value"])),
        "unit": r["unit"],
        "rate": r["rate"],
        "bound": r["bound"],
        "period": r["period"],
        "cumulative": bool(r["cumulative"]),
        "span": [int(r["span_start"]), int(r["span_end"])],
        "surface": r["surface"],
        "sentence": r["sentence"],
        "rule": r["method"],
        "confidence": float(r["confidence"]),
        "document_id": r["document_id"],
    }


def _table(rows: list[tuple[str, dict]]) -> None:
    table = Table("file", "entity", "metric", "period", "value", "unit", "bound", "p", "text")
    for name, d in rows:
        table.add_row(
            name,
            d["entity"],
            d["metric"],
            d["period"],
            f"{d['value']:,}",
            d["unit"] + (f"/{d['rate']}" if d["rate"] else ""),
            d["bound"],
            f"{d['confidence']:.2f}",
            d["surface"],
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        ctx: typer.Context,
        paths: list[Path] = typer.Argument(
            ..., help="Article files (markdown or text) or directories of them."
        ),
        store: bool = typer.Option(
            False, "--store", help="Store each document and its facts (once per document)."
        ),
        on: str | None = typer.Option(
            None,
            "--date",
            help="Publication date (YYYY-MM-DD) for files without one in front matter; overrides it otherwise.",
        ),
        workers: int | None = typer.Option(
            None, "--workers", min=1, help="Run on a local Dask cluster with N workers."
        ),
        scheduler: str | None = typer.Option(
            None, "--scheduler", help="Run on an existing Dask cluster (tcp://host:8786)."
        ),
        out: Path | None = typer.Option(
            None,
            "--out",
            help="Directory for the Parquet partitions of a Dask run (default: a temporary one).",
        ),
        threads: bool = typer.Option(
            False, "--threads", help="Local Dask workers as threads in this process instead of processes."
        ),
        verbose: bool = typer.Option(
            False,
            "--verbose",
            help="Also list, on standard error, figures read but not emitted and why (e.g. not finite, beyond what the metric can hold).",
        ),
        all_readings: bool = typer.Option(
            False,
            "--all-readings",
            help="Keep every reading of the rules, also those the confidence model finds unlikely "
            "(each fact's confidence is printed either way).",
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Read facts out of articles: each with its entity, metric, period, value, bound and exact span."""
        from ..extract.batch import find_articles

        published = parse_day(on, "--date")
        files = find_articles(paths)
        if not files:
            raise InputError("no article files found (.md, .markdown, .txt)", path=", ".join(map(str, paths)))
        if workers or scheduler:
            _extract_batch(
                ctx, files, published, workers, scheduler, out, threads, store, as_json, not all_readings
            )
        else:
            _extract_here(ctx, files, published, store, verbose, as_json, not all_readings)


def _extract_batch(ctx, files, published, workers, scheduler, out, threads, store, as_json, judged) -> None:
    """Extract on a Dask cluster into Parquet partitions, print the facts, store them."""
    from ..extract.batch import load_partitions, read_partitions, run

    with tempfile.TemporaryDirectory(prefix="evlens-extract-") as tmp:
        target = out or Path(tmp)
        res = run(
            files,
            target,
            published=published,
            workers=workers,
            scheduler=scheduler,
            processes=not threads,
            judged=judged,
        )
        rows = [_row_to_dict(r) for r in read_partitions(target).to_dict("records")]
        loaded = None
        if store:
            with state(ctx).open() as st:
                loaded = load_partitions(st, target)
    if as_json:
        for d in rows:
            sys.stdout.write(_line(d) + "\n")
    else:
        _table([(d["document_id"][:8], d) for d in rows])
    msg = (
        f"{res.documents} documents, {res.facts} facts in {res.partitions} partitions "
        f"({res.mode}, {res.workers} workers, {res.seconds:.2f} s)"
    )
    if loaded:
        msg += f"; stored {loaded['documents_added']} new documents, {loaded['facts_added']} facts"
    err_console.print(msg, highlight=False)
    for e in res.errors:
        err_console.print(f"[red]error:[/] {e['error']}", highlight=False)
    if res.errors:
        raise typer.Exit(2)


def _extract_here(ctx, files, published, store, verbose, as_json, judged) -> None:
    """Extract in this process, print the facts (and, with ``verbose``, what was skipped),
    store each document with its facts."""
    from ..extract import extract_file, fact_to_dict

    results = []
    for path in files:
        skipped: list = []
        doc, facts = extract_file(path, published, skipped, judged=judged)
        results.append((path, doc, facts))
        if verbose:
            for s in skipped:
                shown = s.surface if len(s.surface) <= 40 else f"{s.surface[:20]}…{s.surface[-8:]}"
                err_console.print(
                    f"{path}: skipped {shown!r} at {s.span_start}:{s.span_end} ({s.metric}): {s.reason}",
                    highlight=False,
                    markup=False,
                    soft_wrap=True,
                )
    if as_json:
        for _, _, facts in results:
            for f in facts:
                sys.stdout.write(_line(fact_to_dict(f)) + "\n")
    else:
        _table([(p.name, fact_to_dict(f)) for p, _, fs in results for f in fs])
    if store:
        with state(ctx).open() as st:
            for path, doc, facts in results:
                r = st.add_document(doc, facts)
                note = "already stored" if r.already_imported else f"stored {r.added} facts"
                err_console.print(f"{path}: {len(facts)} facts, {note}", highlight=False)
