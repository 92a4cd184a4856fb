"""The returns table: each ticker's return over one window, against a benchmark, ranked.

Where a return comes from, in order:

1. **Stored closes** that cover the window: a close before the window and a close on
   the window's last trading session. Dividend-adjusted closes give a *total* return
   (``return_kind = "total"``, ``adjusted = true``); quoted closes a *price* return.
2. **A stored fact** with the official figure for the window's period (an index
   provider's annual return, say), when the closes do not cover the window:
   ``return_kind = "official"`` and ``source`` names the fact and its URL.
3. Neither: the row stays, with no return and a ``note`` that says what is missing.

Rows whose base or end close is a suspect row (a zero-volume flat row on a half-day
session) list that date in ``suspect_rows``; pass ``avoid_suspect=True`` to measure from
the nearest earlier sound close instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

from ..calendars import last_session
from ..errors import InputError, NotFoundError
from ..results import Result
from . import metrics
from .series import PriceSeries, load_prices
from .window import Window, resolve_window

RETURN_METRICS = ("index_return", "share_return", "stock_return", "total_return", "price_return")
_PERCENT_UNITS = {"percent", "%", "pct", "per cent"}
_FRACTION_UNITS = {"fraction", "ratio", "decimal"}


@dataclass(frozen=True)
class ReturnRow:
    ticker: str
    role: str  # subject | peer | benchmark
    start: date | None
    end: date | None
    start_close: float | None
    end_close: float | None
    return_pct: float | None
    return_kind: str | None  # price | total | official
    benchmark: str | None = None
    benchmark_return_pct: float | None = None
    excess_pct: float | None = None  # return_pct - benchmark_return_pct, percentage points
    rank: int | None = None
    adjusted: bool = False
    suspect_rows: tuple[date, ...] = ()
    source: str = ""
    source_url: str | None = None
    fact_id: str | None = None
    currency: str | None = None
    name: str | None = None
    note: str | None = None
    official_return_pct: float | None = None  # a stored official figure for the same period, as a cross-check

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("start", "end"):
            d[k] = d[k].isoformat() if d[k] else None
        d["suspect_rows"] = [x.isoformat() for x in self.suspect_rows]
        for k in ("start_close", "end_close"):  # source files carry float32 noise (40.54999923...)
            d[k] = round(d[k], 4) if d[k] is not None else None
        return d


@dataclass(frozen=True)
class ReturnsTable(Result):
    window: Window
    rows: tuple[ReturnRow, ...]
    benchmark: ReturnRow | None = None
    conventions: dict = field(default_factory=dict)

    def row(self, ticker: str) -> ReturnRow:
        for r in self.rows:
            if r.ticker == ticker:
                return r
        raise NotFoundError(f"no row for {ticker!r} in this table")

    def to_dict(self) -> dict:
        return {
            "window": self.window.to_dict(),
            "benchmark": self.benchmark.to_dict() if self.benchmark else None,
            "rows": [r.to_dict() for r in self.rows],
            "conventions": dict(self.conventions),
        }

    def summary(self) -> str:
        lines = [f"Returns, {self.window.label}"]
        if self.benchmark is not None:
            lines.append(
                f"benchmark {self.benchmark.ticker}: {_fmt_pct(self.benchmark.return_pct)} ({self.benchmark.source})"
            )
        for r in sorted(self.rows, key=lambda r: (r.rank is None, r.rank or 0)):
            flags = []
            if r.adjusted:
                flags.append("total return")
            if r.suspect_rows:
                flags.append("suspect " + ",".join(d.isoformat() for d in r.suspect_rows))
            lines.append(
                f"{r.rank or '-':>3} {r.ticker:<10} {_fmt_pct(r.return_pct):>9}  excess {_fmt_pct(r.excess_pct, 'pp'):>10}"
                + (f"  [{'; '.join(flags)}]" if flags else "")
            )
        return "\n".join(lines)


CONVENTIONS = {
    "return": "close(last session in window) / close(last session before window) - 1",
    "excess": "return_pct - benchmark_return_pct, in percentage points",
    "rank": "1 = highest return among the rows (benchmark not ranked); ties share the better place",
    "adjusted": "true: closes are dividend-adjusted, so the return is a total return",
}


def _fmt_pct(x: float | None, unit: str = "%") -> str:
    return "n/a" if x is None else f"{x:+.2f} {unit}"


def _fact_value_pct(value: float, unit: str | None) -> float:
    u = (unit or "percent").strip().lower()
    if u in _PERCENT_UNITS:
        return float(value)
    if u in _FRACTION_UNITS:
        return float(value) * 100.0
    raise InputError(f"a return fact in unit {unit!r} cannot be read as a percentage", field="unit")


def official_return(store, entity: str | None, ticker: str, period: str | None) -> dict | None:
    """The stored official return of ``entity`` (or the ticker's own entity) for
    ``period``, as ``{value_pct, id, source_url, publisher, metric}``; None when there is
    none. Among several, the most confident and then the most recently published wins."""
    if period is None:
        return None
    subjects = [e for e in (entity, ticker) if e]
    for subject in subjects:
        try:
            df = store.facts(entity=subject)
        except NotFoundError:
            continue
        if df is None or df.empty:
            continue
        df = df[df["metric"].isin(RETURN_METRICS) & (df["period"].astype(str) == period)]
        if "bound" in df.columns:
            df = df[df["bound"].isin(["eq", "approx"])]
        if df.empty:
            continue
        sort_cols = [c for c in ("confidence", "published") if c in df.columns]
        if sort_cols:
            df = df.sort_values(sort_cols, ascending=False, na_position="last")
        best = df.iloc[0]
        return {
            "value_pct": _fact_value_pct(best["value"], best.get("unit")),
            "id": str(best["id"]) if "id" in df.columns else None,
            "source_url": best.get("source_url"),
            "publisher": best.get("publisher"),
            "metric": best["metric"],
            "others": int(len(df) - 1),
        }
    return None


def _closes_row(
    store,
    ps: PriceSeries,
    used: PriceSeries,
    pr: metrics.PeriodReturn,
    window: Window,
    role: str,
    avoid_suspect: bool,
) -> ReturnRow:
    """The row of a return measured on the closes ``used`` (``ps`` with or without its
    suspect rows), with the suspect rows it rests on or skipped and the stored official
    figure as a cross-check."""
    note = None
    suspect = tuple(d for d in (pr.start, pr.end) if ps.is_suspect(d))
    if avoid_suspect:
        skipped = [d for d in ps.suspect_dates() if pr.start <= d <= (window.end or pr.end)]
        if skipped:
            note = "suspect rows skipped: " + ", ".join(d.isoformat() for d in skipped)
    official = official_return(store, ps.entity, ps.ticker, window.period)
    if official is not None:
        check = f"stored official figure {official['value_pct']:+.2f} % (fact {official['id']})"
        note = f"{note}; {check}" if note else check
    kind = "total" if used.adjusted else "price"
    src = f"stored closes of {ps.ticker}, {pr.start} -> {pr.end}" + (
        " (dividend-adjusted: total return)" if used.adjusted else ""
    )
    return ReturnRow(
        ticker=ps.ticker,
        role=role,
        start=pr.start,
        end=pr.end,
        start_close=pr.start_close,
        end_close=pr.end_close,
        return_pct=pr.pct,
        return_kind=kind,
        adjusted=used.adjusted,
        suspect_rows=suspect,
        source=src,
        currency=ps.currency,
        name=ps.name,
        note=note,
        official_return_pct=official["value_pct"] if official is not None else None,
    )


def _from_closes(store, ps: PriceSeries, window: Window, role: str, avoid_suspect: bool) -> ReturnRow | str:
    """The row measured on the stored closes when they cover the window, else what is
    missing (the coverage gap)."""
    used = ps.without_suspect() if avoid_suspect else ps
    last_used = used.last_date  # None when there is no close
    if last_used is None:
        return f"no stored closes for {ps.ticker}"
    want_end = last_session(ps.calendar, window.end) if window.end else last_used
    try:
        pr = metrics.period_return(used.closes, window.start, window.end)
    except InputError as exc:
        return str(exc).split(": ", 1)[-1]
    reached = ps.between(None, window.end).last_date  # suspect rows count for coverage
    if reached is None or reached < want_end:
        return f"prices end {reached}, before the window's last session {want_end}"
    return _closes_row(store, ps, used, pr, window, role, avoid_suspect)


def _official_row(ps: PriceSeries, window: Window, role: str, fact: dict, coverage_gap: str) -> ReturnRow:
    """The row of a stored official return, used where the closes do not cover the window."""
    extra = f"; {fact['others']} other stored figure(s)" if fact["others"] else ""
    src = f"stored fact {fact['id']} ({fact['metric']} {window.period}"
    src += f", {fact['publisher']}" if fact.get("publisher") else ""
    src += f", {fact['source_url']})" if fact.get("source_url") else ")"
    return ReturnRow(
        ticker=ps.ticker,
        role=role,
        start=window.start,
        end=window.end,
        start_close=None,
        end_close=None,
        return_pct=fact["value_pct"],
        return_kind="official",
        adjusted=False,
        source=src,
        source_url=fact.get("source_url"),
        fact_id=fact["id"],
        currency=ps.currency,
        name=ps.name,
        note=f"closes do not cover the window ({coverage_gap}); official figure used{extra}",
    )


def ticker_return(
    store,
    ticker: str,
    window: Window,
    *,
    role: str = "subject",
    avoid_suspect: bool = False,
    prices: PriceSeries | None = None,
) -> ReturnRow:
    """One ticker's return over ``window`` (see the module docstring for the order of
    sources)."""
    ps = prices if prices is not None else load_prices(store, ticker)
    row = _from_closes(store, ps, window, role, avoid_suspect)
    if isinstance(row, ReturnRow):
        return row
    coverage_gap = row
    fact = official_return(store, ps.entity, ps.ticker, window.period)
    if fact is not None:
        return _official_row(ps, window, role, fact, coverage_gap)
    return ReturnRow(
        ticker=ps.ticker,
        role=role,
        start=None,
        end=None,
        start_close=None,
        end_close=None,
        return_pct=None,
        return_kind=None,
        adjusted=ps.adjusted,
        source="none",
        currency=ps.currency,
        name=ps.name,
        note=f"{coverage_gap}; no stored official return for {window.period or window.label}",
    )


def _with_benchmark(row: ReturnRow, bench: ReturnRow | None, rank: int | None) -> ReturnRow:
    from dataclasses import replace

    if bench is None:
        return replace(row, rank=rank)
    excess = (
        metrics.excess_return(row.return_pct, bench.return_pct)
        if row.return_pct is not None and bench.return_pct is not None
        else None
    )
    return replace(
        row, benchmark=bench.ticker, benchmark_return_pct=bench.return_pct, excess_pct=excess, rank=rank
    )


def _split(items: Iterable[str] | str | None) -> list[str]:
    if items is None:
        return []
    if isinstance(items, str):
        items = [items]
    out: list[str] = []
    for item in items:
        out.extend(p.strip() for p in str(item).split(",") if p.strip())
    return out


def returns(
    store,
    tickers: Sequence[str] | str,
    *,
    year: int | str | None = None,
    ytd: date | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    benchmark: str | None = None,
    peers: Sequence[str] | str | None = None,
    avoid_suspect: bool = False,
) -> ReturnsTable:
    """Returns of ``tickers`` (and ``peers``) over one window, with excess over
    ``benchmark`` and a rank.

    Give the window as ``year=2024``, ``ytd="2025-02-06"`` or ``start=``/``end=``. Each
    row's return is ``close(last session in window) / close(last session before) - 1``
    (see :func:`evlens.market.metrics.period_return`); the excess is the difference in
    percentage points; the rank runs over every row (subjects and peers), 1 = best.
    """
    window = resolve_window(year=year, ytd=ytd, start=start, end=end)
    subjects = _split(tickers)
    if not subjects:
        raise InputError("give at least one ticker", field="tickers")
    wanted: list[tuple[str, str]] = []
    seen: set[str] = set()
    for role, names in (("subject", subjects), ("peer", _split(peers))):
        for name in names:
            t = store.resolve_ticker(name)
            if t not in seen:
                seen.add(t)
                wanted.append((t, role))
    raw = [ticker_return(store, t, window, role=role, avoid_suspect=avoid_suspect) for t, role in wanted]
    bench = None
    if benchmark:
        bench = ticker_return(
            store, store.resolve_ticker(benchmark), window, role="benchmark", avoid_suspect=avoid_suspect
        )
    ranks = metrics.rank({r.ticker: r.return_pct for r in raw})
    rows = tuple(_with_benchmark(r, bench, ranks[r.ticker]) for r in raw)
    return ReturnsTable(window=window, rows=rows, benchmark=bench, conventions=dict(CONVENTIONS))
