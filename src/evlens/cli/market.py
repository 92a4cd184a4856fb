"""Market commands: returns, marketcap, risk, peers. Each parses, calls
:mod:`evlens.market` and prints; the figures are computed in the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ..errors import InputError
from .common import JSON_OPTION, Table, console, emit, lazy, state

if TYPE_CHECKING:  # the types only; the package itself loads on first use
    from ..market import PeerTable, ReturnsTable

market = lazy("evlens.market")
marketcap_mod = lazy("evlens.market.marketcap")

YEAR = typer.Option(None, "--year", help="Calendar year, e.g. 2024.")
YTD = typer.Option(None, "--ytd", help="Year to date: from 1 January to this date (YYYY-MM-DD).")
START = typer.Option(None, "--start", help="First day of the window (YYYY-MM-DD).")
END = typer.Option(None, "--end", help="Last day of the window (YYYY-MM-DD).")


def _pct(x: float | None, unit: str = "%") -> str:
    return "" if x is None else f"{x:+.2f} {unit}"


def _num(x: float | None, nd: int = 2) -> str:
    return "" if x is None else f"{x:,.{nd}f}"


def _split_tickers(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _render_returns(t: ReturnsTable) -> None:
    title = f"Returns, {t.window.label}"
    if t.benchmark is not None:
        title += f" — benchmark {t.benchmark.ticker} {_pct(t.benchmark.return_pct)}"
    table = Table(
        "rank", "ticker", "from", "to", "start", "end", "return", "excess", "kind", "notes", title=title
    )
    for r in sorted(t.rows, key=lambda r: (r.rank is None, r.rank or 0)):
        notes = []
        if r.suspect_rows:
            notes.append("suspect row " + ", ".join(d.isoformat() for d in r.suspect_rows))
        if r.note:
            notes.append(r.note)
        if r.return_kind == "official":
            notes.append(r.source)
        table.add_row(
            str(r.rank or ""),
            r.ticker,
            str(r.start or ""),
            str(r.end or ""),
            _num(r.start_close),
            _num(r.end_close),
            _pct(r.return_pct),
            _pct(r.excess_pct, "pp"),
            r.return_kind or "",
            "; ".join(notes),
        )
    console.print(table)
    if t.benchmark is not None:
        console.print(f"benchmark source: {t.benchmark.source}", highlight=False)


def _render_summary(obj) -> None:
    console.print(obj.summary(), highlight=False)


def _render_market_value(result) -> None:
    """The market value as a reader writes it (HK$1.02 trn), then the computation in full."""
    from ..views.format import money

    value = getattr(result, "market_cap", None)
    if value is not None:
        when = getattr(result, "date", None) or getattr(result, "first_date", None)
        console.print(
            f"[bold]{money(value, result.currency)}[/]" + (f" on {when}" if when else ""), highlight=False
        )
    console.print(result.summary(), highlight=False)


def register(app: typer.Typer) -> None:
    @app.command("returns")
    def returns_cmd(
        ctx: typer.Context,
        tickers: list[str] = typer.Argument(
            ..., help="Tickers (any accepted spelling), space- or comma-separated."
        ),
        year: int | None = YEAR,
        ytd: str | None = YTD,
        start: str | None = START,
        end: str | None = END,
        benchmark: str | None = typer.Option(
            None, "--benchmark", help="Index or ticker to measure excess against."
        ),
        peers: str | None = typer.Option(
            None, "--peers", help="More tickers to rank alongside, comma-separated."
        ),
        avoid_suspect: bool = typer.Option(
            False,
            "--avoid-suspect",
            help="Measure from the nearest sound close instead of a suspect (half-day) row.",
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Return of each ticker over a window, its excess over a benchmark and its rank."""
        with state(ctx).open(read_only=True) as store:
            t = market.returns(
                store,
                _split_tickers(tickers),
                year=year,
                ytd=ytd,
                start=start,
                end=end,
                benchmark=benchmark,
                peers=peers,
                avoid_suspect=avoid_suspect,
            )
        emit(t.to_dict() if as_json else t, as_json, _render_returns)

    @app.command("marketcap")
    def marketcap_cmd(
        ctx: typer.Context,
        ticker: str = typer.Argument(..., help="Ticker of the listed line."),
        threshold: float | None = typer.Option(
            None, "--threshold", help="Find the first session at or above this market value (e.g. 1e12)."
        ),
        on: str | None = typer.Option(
            None, "--on", help="Session date (YYYY-MM-DD); with --threshold, search from this date."
        ),
        series: bool = typer.Option(
            False, "--series", help="Daily market value over a window, with the share count behind each day."
        ),
        start: str | None = typer.Option(None, "--from", help="With --series: first day (YYYY-MM-DD)."),
        end: str | None = typer.Option(None, "--to", help="With --series: last day (YYYY-MM-DD)."),
        step: float | None = typer.Option(
            None,
            "--step",
            help="With --series: milestone thresholds every this much (default: a round step).",
        ),
        top: int = typer.Option(
            5, "--top", help="With --series: how many of the largest daily changes to list."
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Market value: unadjusted close × shares outstanding as of that day; one day, the
        first day above a threshold, or a daily series with its share-count ledger."""
        if series:
            if threshold is not None or on is not None:
                raise InputError("--series takes --from/--to, not --threshold or --on", field="series")
            with state(ctx).open(read_only=True) as store:
                result = marketcap_mod.marketcap_series(store, ticker, start, end, step=step, top=top)
            emit(result.to_dict() if as_json else result, as_json, _render_series)
            return
        if start is not None or end is not None or step is not None:
            raise InputError("--from, --to and --step go with --series", field="series")
        with state(ctx).open(read_only=True) as store:
            result = market.marketcap(store, ticker, threshold=threshold, on=on)
        emit(result.to_dict() if as_json else result, as_json, _render_market_value)

    @app.command("risk")
    def risk_cmd(
        ctx: typer.Context,
        ticker: str = typer.Argument(..., help="Ticker to describe."),
        benchmark: str | None = typer.Option(None, "--benchmark", help="Index for beta and correlation."),
        year: int | None = YEAR,
        ytd: str | None = YTD,
        start: str | None = START,
        end: str | None = END,
        rf: float = typer.Option(
            0.0,
            "--rf",
            help="Annual risk-free rate as a fraction (0.04 = 4 %), compounded to a per-session rate.",
        ),
        keep_suspect: bool = typer.Option(
            False, "--keep-suspect", help="Keep suspect (half-day) rows in the series."
        ),
        as_json: bool = JSON_OPTION,
    ) -> None:
        """Volatility, Sharpe ratio, maximum drawdown, CAGR, and beta/correlation against an index."""
        with state(ctx).open(read_only=True) as store:
            rep = market.risk(
                store,
                ticker,
                benchmark=benchmark,
                year=year,
                ytd=ytd,
                start=start,
                end=end,
                rf=rf,
                keep_suspect=keep_suspect,
            )
        emit(rep.to_dict() if as_json else rep, as_json, _render_summary)

    @app.command("peers")
    def peers_cmd(
        ctx: typer.Context,
        ticker: str = typer.Argument(..., help="The subject."),
        benchmark: str = typer.Option(..., "--benchmark", help="The index to compare with."),
        peers: str = typer.Option(..., "--peers", help="Peer tickers, comma-separated."),
        year: int | None = YEAR,
        ytd: str | None = YTD,
        start: str | None = START,
        end: str | None = END,
        as_json: bool = JSON_OPTION,
    ) -> None:
        """The subject against its index and peers, sorted, with the peer average (subject excluded)."""
        with state(ctx).open(read_only=True) as store:
            t = market.peers(
                store, ticker, benchmark=benchmark, peers=peers, year=year, ytd=ytd, start=start, end=end
            )
        emit(t.to_dict() if as_json else t, as_json, _render_peers)


def _render_peers(t: PeerTable) -> None:
    table = Table(
        "",
        "rank",
        "ticker",
        "return",
        "excess",
        "volatility",
        "max drawdown",
        "beta",
        "kind",
        title=f"{t.subject} against {t.benchmark} and peers, {t.window_label}",
    )
    for r in t.rows:
        mark = {"subject": "*", "index": "="}.get(r.role, "")
        table.add_row(
            mark,
            str(r.rank or ""),
            r.ticker,
            _pct(r.return_pct),
            _pct(r.excess_pct, "pp"),
            _num(r.annual_volatility_pct),
            _num(r.max_drawdown_pct),
            _num(r.beta, 3),
            r.return_kind or "",
        )
    console.print(table)
    console.print(
        f"peer average without {t.subject}: {_pct(t.peer_average_pct)}; {t.subject} {_pct(t.subject_vs_peers_pp, 'pp')} "
        f"against it; rank {t.subject_rank} of {t.ranked}",
        highlight=False,
    )


def _render_series(s) -> None:
    cur = s.currency or ""
    table = Table(
        "date",
        "close",
        "shares",
        "basis",
        "market value",
        "change",
        "document",
        title=f"{s.ticker} market value, {s.start} to {s.end} ({cur})",
    )
    for d in s.days:
        doc = d.document or d.event or "" if d.shares_change or d.entries or d is s.days[0] else ""
        table.add_row(
            d.date.isoformat(),
            _num(d.close),
            f"{d.shares:,.0f}",
            d.basis + (" *" if d.suspect else ""),
            f"{d.market_cap:,.0f}",
            _pct(d.change_pct),
            doc,
        )
    console.print(table)
    console.print(s.summary(), highlight=False)
