"""``evlens update``: bring prices, index levels and CPCA rankings up to date (live extra)."""

from __future__ import annotations

import typer

from .common import JSON_OPTION, Table, console, emit, lazy, state

live = lazy("evlens.sources.live")
store_live = lazy("evlens.store.live")


def _render(result) -> None:
    d = result if isinstance(result, dict) else result.to_dict()
    if d["prices"]:
        t = Table("ticker", "added", "from", "to", "currency", "source", title="Prices")
        for r in d["prices"]:
            if r.get("up_to_date"):
                t.add_row(r["ticker"], "0", "", "", "", "already up to date")
                continue
            t.add_row(
                r["ticker"],
                str(r["added"]),
                r.get("first") or "",
                r.get("last") or "",
                r.get("currency") or "",
                r.get("url") or "",
            )
        console.print(t)
    if d["rankings"]:
        t = Table(
            "ranking", "periods", "facts added", "unmatched makers", "source", title="CPCA maker ranking"
        )
        for r in d["rankings"]:
            t.add_row(
                f"{r['metric']} ({r['indicator']})",
                ", ".join(r["periods"]),
                str(r["added"]),
                str(len(r["unmatched"])),
                r.get("url") or "",
            )
        console.print(t)
    if not isinstance(result, dict):
        console.print(result.summary(), highlight=False)


def register(app: typer.Typer) -> None:
    @app.command()
    def update(
        ctx: typer.Context,
        names: list[str] = typer.Argument(
            None,
            metavar="[ENTITY|TICKER...]",
            help="Entities, tickers, or 'cpca' (default: every security and the CPCA ranking).",
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Fetch what is after the last stored date (yfinance, AKShare) and store it with its source, in one transaction."""
        from datetime import date

        live.require_live()  # without the extra: one line naming the install command, exit 2
        with state(ctx).open() as store:
            # without the network: OfflineError, one line, exit 2; nothing is written before every fetch is done
            result = store_live.update(store, names or [], today=date.today())
        emit(result.to_dict() if as_json else result, as_json, _render)
