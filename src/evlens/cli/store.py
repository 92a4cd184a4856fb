"""Commands over the store itself: load, demo, summary, and listings of what it holds."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..store.results import ImportResult
from .common import JSON_OPTION, Table, console, emit, err_console, state

load_app = typer.Typer(
    help="Import price files, KPI tables or share counts (one transaction per call).", no_args_is_help=True
)

#: Bars `evlens prices` shows when no range is given.
LAST_BARS = 20
FILES = typer.Argument(..., exists=False, help="Files to import.")


def _render_results(results: list[ImportResult]) -> None:
    table = Table("file", "kind", "format", "rows", "added", "range", "notes")
    for r in results:
        rng = f"{r.first_date} .. {r.last_date}" if r.first_date else ""
        notes = []
        if r.already_imported:
            notes.append("already imported")
        if r.adjusted:
            notes.append("dividend-adjusted")
        if r.suspect_rows:
            notes.append(f"{len(r.suspect_rows)} suspect rows")
        if r.new_entities:
            notes.append(f"{len(r.new_entities)} new entities")
        notes.extend(r.notes)
        table.add_row(
            Path(r.path or "").name, r.kind, r.format, str(r.rows), str(r.added), rng, "; ".join(notes)
        )
    console.print(table)


def _load(
    ctx: typer.Context, kind: str | None, files: list[Path], as_json: bool, progress: bool = False, **kw
) -> None:
    def report(done: int, total: int) -> None:
        err_console.print(f"stored {done}/{total} rows", highlight=False)

    with state(ctx).open() as store:
        results = store.load(files, kind, progress=report if progress else None, **kw)
    emit([r.to_dict() for r in results] if as_json else results, as_json, _render_results)


@load_app.command("prices")
def load_prices(
    ctx: typer.Context,
    files: list[Path] = FILES,
    ticker: str | None = typer.Option(
        None, help="Ticker of the file's security when its name does not tell."
    ),
    adjusted: bool | None = typer.Option(
        None,
        "--adjusted/--unadjusted",
        help="Whether the closes are dividend-adjusted (default: from the format).",
    ),
    replace: bool = typer.Option(False, help="Overwrite stored bars that differ from this file's."),
    progress: bool = typer.Option(False, help="Report progress on standard error."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Import daily price files (yfinance, Investing.com, plain CSV, Parquet)."""
    _load(ctx, "prices", files, as_json, progress, ticker=ticker, adjusted=adjusted, replace=replace)


@load_app.command("kpis")
def load_kpis(ctx: typer.Context, files: list[Path] = FILES, as_json: bool = JSON_OPTION) -> None:
    """Import tables of reported figures (deliveries, orders, targets, capacity, index returns)."""
    _load(ctx, "kpis", files, as_json)


@load_app.command("shares")
def load_shares(
    ctx: typer.Context,
    files: list[Path] = FILES,
    ticker: str | None = typer.Option(None, help="Ticker the counts belong to when the file does not say."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Import shares-outstanding tables."""
    _load(ctx, "shares", files, as_json, ticker=ticker)


@load_app.command("auto")
def load_auto(ctx: typer.Context, files: list[Path] = FILES, as_json: bool = JSON_OPTION) -> None:
    """Import files of any kind, telling each file's kind from its header."""
    _load(ctx, None, files, as_json)


def _render_summary(s: dict) -> None:
    console.print(f"[bold]database[/] {s['database']}")
    t = Table(
        "ticker",
        "name",
        "rows",
        "from",
        "to",
        "days old",
        "adjusted",
        "suspect rows",
        title=f"Prices (age on {s['as_of']})" if "as_of" in s else "Prices",
    )
    for r in s["securities"]:
        t.add_row(
            r["ticker"],
            r["name"] or "",
            str(r["rows"]),
            r["first"],
            r["last"],
            _age(r),
            "yes" if r["adjusted"] else "no",
            str(r["suspect"]),
        )
    console.print(t)
    t = Table("maker / entity", "facts", "entities", "metrics", title="Facts")
    for r in s["facts_by_maker"]:
        t.add_row(r["maker"], str(r["facts"]), str(r["entities"]), r["metrics"])
    console.print(t)
    t = Table("ticker", "counts", "from", "to", title="Share counts")
    for r in s["share_counts"]:
        t.add_row(r["ticker"], str(r["counts"]), r["first"], r["last"])
    console.print(t)
    fresh = (s.get("freshness") or {}).get("deliveries") or []
    if fresh:
        from ..gazetteer import load_universe

        makers = {m.id for m in load_universe()}
        shown = [r for r in fresh if r["maker"] in makers]  # the universe's makers; --json has every entity
        t = Table(
            "maker",
            "metric",
            "facts",
            "last period ends",
            "days old",
            title="Monthly figures of the makers: how fresh (stale: more than 45 days past the month)",
        )
        for r in shown:
            t.add_row(r["maker"], r["metric"], str(r["facts"]), r["last"], _age(r))
        console.print(t)
        stale = sum(1 for r in s["securities"] if r.get("stale")) + sum(1 for r in fresh if r.get("stale"))
        if stale:
            console.print(
                f"{stale} series are stale; evlens update fetches what is newer (pip install 'evlens[live]')",
                highlight=False,
                markup=False,
            )


def _age(r: dict) -> str:
    if r.get("days_old") is None:
        return ""
    return f"{r['days_old']} (stale)" if r.get("stale") else str(r["days_old"])


def register(app: typer.Typer) -> None:
    app.add_typer(load_app, name="load")

    @app.command()
    def demo(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
        """Load the bundled demo dataset into the database and summarise it."""
        from .job import run_demo

        run_demo(state(ctx), as_json)

    @app.command()
    def summary(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
        """What the database holds: tickers with date ranges, facts per maker, share counts, and how fresh each series is."""
        with state(ctx).open(read_only=True) as store:
            s = store.summary()
        emit(s, as_json, _render_summary)

    @app.command()
    def prices(
        ctx: typer.Context,
        ticker: str,
        start: str | None = typer.Option(None, help="First date (YYYY-MM-DD)."),
        end: str | None = typer.Option(None, help="Last date (YYYY-MM-DD)."),
        show_all: bool = typer.Option(False, "--all", help="Every bar, not only the last 20."),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Daily bars of one security, with the adjusted and suspect flags. With no range,
        the last 20 bars and how many are stored (``--all`` for every one)."""
        with state(ctx).open(read_only=True) as store:
            t = store.resolve_ticker(ticker)
            df = store.prices(t, start, end).reset_index()
        total = len(df)
        if start is None and end is None and not show_all and total > LAST_BARS:
            df = df.iloc[-LAST_BARS:]
            err_console.print(
                f"the last {LAST_BARS} of {total:,} bars of {t}; give --start/--end or --all for more",
                highlight=False,
            )
        df["date"] = df["date"].dt.strftime("%Y-%m-%d")
        rows = df.astype(object).where(df.notna(), None).to_dict("records")

        def render(rows):
            table = Table("date", "open", "high", "low", "close", "volume", "flags", title=t)
            for r in rows:
                flags = ", ".join(
                    x for x in ("adjusted" if r["adjusted"] else "", "suspect" if r["suspect"] else "") if x
                )

                def fmt(v):
                    return "" if v is None else f"{v:,.2f}"

                table.add_row(
                    r["date"],
                    fmt(r["open"]),
                    fmt(r["high"]),
                    fmt(r["low"]),
                    fmt(r["close"]),
                    "" if r["volume"] is None else f"{r['volume']:,.0f}",
                    flags,
                )
            console.print(table)

        emit(rows, as_json, render)

    @app.command()
    def shares(ctx: typer.Context, ticker: str, as_json: bool = JSON_OPTION) -> None:
        """Shares outstanding of one security, with each count's basis and source."""
        with state(ctx).open(read_only=True) as store:
            t = store.resolve_ticker(ticker)
            df = store.shares(t)
        df["as_of"] = df["as_of"].dt.strftime("%Y-%m-%d")
        rows = df.astype(object).where(df.notna(), None).to_dict("records")

        def render(rows):
            table = Table("as of", "shares", "basis", "source", title=t)
            for r in rows:
                table.add_row(r["as_of"], f"{r['shares']:,.0f}", r["basis"], r["source_url"] or "")
            console.print(table)

        emit(rows, as_json, render)

    @app.command()
    def entities(
        ctx: typer.Context,
        kind: str | None = typer.Option(None, help="company, model, model_group, index or aggregate."),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Companies, models, model groups and indexes the database knows, with their aliases."""
        with state(ctx).open(read_only=True) as store:
            df = store.entities(kind)
        rows = [
            {k: (list(v) if hasattr(v, "tolist") or isinstance(v, list) else v) for k, v in r.items()}
            for r in df.astype(object).where(df.notna(), None).to_dict("records")
        ]

        def render(rows):
            table = Table("id", "kind", "name", "中文", "parent", "aliases")
            for r in rows:
                table.add_row(
                    r["id"],
                    r["kind"],
                    r["name_en"] or "",
                    r["name_zh"] or "",
                    r["parent"] or "",
                    ", ".join(r["aliases"] or []),
                )
            console.print(table)

        emit(rows, as_json, render)

    @app.command("documents")
    def documents_cmd(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
        """Stored documents (articles, and the tables KPI imports keep), with their ids."""
        with state(ctx).open(read_only=True) as store:
            rows = _rows(store.documents())

        def render(rows):
            table = Table("id", "kind", "title / path", "published", "chars", title="Documents")
            for r in rows:
                table.add_row(
                    r["id"],
                    r["kind"],
                    r["title"] or r["url"] or r["path"] or "",
                    r["published"] or "",
                    str(r["chars"]),
                )
            console.print(table)

        emit(rows, as_json, render)

    @app.command("imports")
    def imports_cmd(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
        """Imported files, with their ids (give one to ``evlens forget``)."""
        with state(ctx).open(read_only=True) as store:
            rows = _rows(store.imports())

        def render(rows):
            table = Table("id", "kind", "format", "path", "rows", "imported", title="Imports")
            for r in rows:
                table.add_row(
                    r["id"], r["kind"], r["format"], r["path"] or "", str(r["rows"]), r["imported_at"]
                )
            console.print(table)

        emit(rows, as_json, render)

    @app.command()
    def forget(
        ctx: typer.Context,
        ident: str = typer.Argument(
            ..., metavar="ID", help="Import, document or fact id (or a unique prefix)."
        ),
        dry_run: bool = typer.Option(False, "--dry-run", help="Show what would go; remove nothing."),
        yes: bool = typer.Option(False, "--yes", "-y", help="Remove without asking."),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Remove one import with its rows, one document with its facts, or one fact (one transaction)."""
        with state(ctx).open() as store:
            plan = store.forget(ident, dry_run=True)
            if not dry_run:
                if not yes:
                    _render_forget(plan)
                    if not typer.confirm("Remove these rows?", default=False, err=True):
                        raise typer.Exit(1)
                plan = store.forget(plan["id"])
        emit(plan, as_json, _render_forget)


def _rows(df) -> list[dict]:
    from ..values import jsonable

    return jsonable(df.to_dict("records"))


def _render_forget(plan: dict) -> None:
    verb = "would remove" if plan["dry_run"] else "removed"
    parts = ", ".join(f"{n} from {t}" for t, n in plan["removes"].items() if n)
    console.print(
        f"{plan['kind']} [bold]{plan['id']}[/] {escape(plan['label'])}: {verb} {parts or 'nothing'}",
        highlight=False,
    )
