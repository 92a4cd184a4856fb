"""Risk and performance of one ticker over a window, optionally against a benchmark.

The window's closes run from the last close before the window (the base, as for a
period return) to the last close in it. Suspect rows (unreliable closes on half-day
sessions) are left out by default and listed in ``excluded_suspect``: a flat row that
repeats the day before adds a false zero return and, on the next day, a return that
spans two sessions.

Against a benchmark, the two close series are first joined on the dates both have, and
returns are formed after the join, so each pair of returns spans the same interval
(this matters across calendars, e.g. TSLA against the Hang Seng Index).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

import pandas as pd

from ..errors import InputError, NotFoundError
from ..results import Result
from . import metrics
from .series import PriceSeries, load_prices
from .window import Window, everything, resolve_window

CONVENTIONS = {
    "returns": "simple, close to close",
    "volatility": "sample std (ddof=1) of session returns × sqrt(252)",
    "sharpe": "mean(r - rf_per_session) / std(r - rf_per_session, ddof=1) × sqrt(252); "
    "rf_per_session = (1 + rf_annual)^(1/252) - 1",
    "cagr": "(end/start)^(365.25 / calendar days) - 1",
    "max_drawdown": "min over t of close_t / running max - 1, on closes",
    "beta": "cov(r, b) / var(b) on returns formed after joining both close series on common dates",
    "correlation": "Pearson, same joined returns as beta",
}


@dataclass(frozen=True)
class RiskReport(Result):
    ticker: str
    window: Window
    start: date
    end: date
    observations: int  # number of session returns
    start_close: float
    end_close: float
    total_return_pct: float
    cagr_pct: float | None
    annual_volatility_pct: float | None
    sharpe: float | None
    rf_annual: float
    rf_per_session: float
    max_drawdown: metrics.Drawdown
    adjusted: bool
    currency: str | None
    benchmark: str | None = None
    beta: float | None = None
    correlation: float | None = None
    benchmark_return_pct: float | None = None
    common_observations: int | None = None
    common_start: date | None = None  # span of the dates shared with the benchmark
    common_end: date | None = None
    excluded_suspect: tuple[date, ...] = ()
    conventions: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["window"] = self.window.to_dict()
        d["start"], d["end"] = self.start.isoformat(), self.end.isoformat()
        d["max_drawdown"] = self.max_drawdown.to_dict()
        d["excluded_suspect"] = [x.isoformat() for x in self.excluded_suspect]
        for k in ("common_start", "common_end"):
            d[k] = d[k].isoformat() if d[k] else None
        for k in ("start_close", "end_close"):
            d[k] = round(d[k], 4)
        return d

    @property
    def benchmark_covers_window(self) -> bool:
        """True when the dates shared with the benchmark span the ticker's window, give or
        take a week at either end (calendars differ: Hong Kong and New York holidays)."""
        if self.benchmark is None or self.common_start is None or self.common_end is None:
            return False
        slack = timedelta(days=7)
        return self.common_start <= self.start + slack and self.common_end >= self.end - slack

    def summary(self) -> str:
        dd = self.max_drawdown

        def f(x, nd=2):
            return "n/a" if x is None else f"{x:.{nd}f}"

        lines = [
            f"{self.ticker} {self.start} -> {self.end} ({self.observations} returns)"
            + (" [dividend-adjusted closes: total return]" if self.adjusted else ""),
            f"  return {self.total_return_pct:+.2f} %   CAGR {f(self.cagr_pct)} %",
            f"  volatility {f(self.annual_volatility_pct)} % a year   Sharpe {f(self.sharpe)} (rf {self.rf_annual:.2%} a year)",
            f"  max drawdown {dd.pct:.2f} %  peak {dd.peak}  trough {dd.trough}  recovery {dd.recovery or 'not yet'}",
        ]
        if self.benchmark:
            lines.append(
                f"  vs {self.benchmark}: beta {f(self.beta, 3)}  correlation {f(self.correlation, 3)}  "
                f"({self.common_observations} common returns, {self.common_start} -> {self.common_end})"
            )
        return "\n".join(lines)


def window_closes(ps: PriceSeries, window: Window) -> pd.Series:
    """Closes from the base close (last one before the window) to the last one in it."""
    c = ps.closes
    if window.end is not None:
        c = c[c.index <= pd.Timestamp(window.end)]
    if window.start is not None:
        before = c[c.index < pd.Timestamp(window.start)]
        inside = c[c.index >= pd.Timestamp(window.start)]
        if before.empty:
            raise InputError(f"no close of {ps.ticker} before {window.start}", field="start")
        c = pd.concat([before.iloc[-1:], inside])
    if len(c) < 3:
        raise InputError(f"too few closes of {ps.ticker} in {window.label}: {len(c)}", field="window")
    return c


def risk_metrics(
    closes: pd.Series,
    benchmark_closes: pd.Series | None = None,
    rf_annual: float = 0.0,
) -> dict:
    """The numbers of a :class:`RiskReport` from closes alone (pure)."""
    r = metrics.simple_returns(closes)
    rf = metrics.per_period_rate(rf_annual)
    out = {
        "observations": len(r),
        "start_close": float(closes.iloc[0]),
        "end_close": float(closes.iloc[-1]),
        "total_return_pct": metrics.total_return(float(closes.iloc[0]), float(closes.iloc[-1])) * 100,
        "cagr_pct": metrics.cagr_from_closes(closes) * 100,
        "annual_volatility_pct": metrics.annual_volatility(r) * 100,
        "sharpe": metrics.sharpe_ratio(r, risk_free=rf),
        "rf_per_session": rf,
        "max_drawdown": metrics.max_drawdown(closes),
    }
    if benchmark_closes is not None:
        both = pd.concat([closes.rename("a"), benchmark_closes.rename("b")], axis=1, join="inner").dropna()
        if len(both) < 3:
            raise InputError(
                "the ticker and its benchmark share fewer than 3 dates in the window", field="benchmark"
            )
        ra, rb = metrics.simple_returns(both["a"]), metrics.simple_returns(both["b"])
        out.update(
            beta=metrics.beta(ra, rb),
            correlation=metrics.correlation(ra, rb),
            common_observations=len(ra),
            common_start=both.index[0].date(),
            common_end=both.index[-1].date(),
            benchmark_return_pct=metrics.total_return(float(both["b"].iloc[0]), float(both["b"].iloc[-1]))
            * 100,
        )
    return out


def _nan_to_none(x):
    return None if x is None or (isinstance(x, float) and x != x) else x


def _suspect_left_out(ps: PriceSeries, window: Window) -> tuple[PriceSeries, tuple[date, ...]]:
    """The closes without their suspect rows, and the suspect dates in the window."""
    span = ps.between(None, window.end)
    excluded = tuple(d for d in span.suspect_dates() if window.start is None or d >= window.start)
    return ps.without_suspect(), excluded


def _benchmark_closes(store, benchmark: str, closes: pd.Series, keep_suspect: bool) -> tuple[str, pd.Series]:
    """The benchmark's ticker and its closes over the span of the ticker's ``closes``
    (suspect rows left out unless ``keep_suspect``)."""
    bs = load_prices(store, benchmark)
    if bs.empty:
        raise NotFoundError(f"no stored closes for the benchmark {bs.ticker}")
    if not keep_suspect:
        bs = bs.without_suspect()
    bench_closes = bs.closes
    return bs.ticker, bench_closes[
        (bench_closes.index >= closes.index[0]) & (bench_closes.index <= closes.index[-1])
    ]


def risk(
    store,
    ticker: str,
    *,
    benchmark: str | None = None,
    year: int | str | None = None,
    ytd: date | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    rf: float = 0.0,
    keep_suspect: bool = False,
) -> RiskReport:
    """Risk and performance of ``ticker`` over a window (default: all its closes).

    ``rf`` is the annual risk-free rate as a fraction (0.04 for 4 %), turned into a
    per-session rate by compounding over 252 sessions. See :data:`CONVENTIONS`.
    """
    if year is None and ytd is None and start is None and end is None:
        window = everything()
    else:
        window = resolve_window(year=year, ytd=ytd, start=start, end=end)
    ps = load_prices(store, ticker)
    if ps.empty:
        raise NotFoundError(f"no stored closes for {ps.ticker}")
    excluded: tuple[date, ...] = ()
    if not keep_suspect:
        ps, excluded = _suspect_left_out(ps, window)
    closes = window_closes(ps, window)
    bench_ticker, bench_closes = (
        _benchmark_closes(store, benchmark, closes, keep_suspect) if benchmark else (None, None)
    )
    m = risk_metrics(closes, bench_closes, rf_annual=rf)
    return RiskReport(
        ticker=ps.ticker,
        window=window,
        start=closes.index[0].date(),
        end=closes.index[-1].date(),
        observations=m["observations"],
        start_close=m["start_close"],
        end_close=m["end_close"],
        total_return_pct=m["total_return_pct"],
        cagr_pct=_nan_to_none(m["cagr_pct"]),
        annual_volatility_pct=_nan_to_none(m["annual_volatility_pct"]),
        sharpe=_nan_to_none(m["sharpe"]),
        rf_annual=float(rf),
        rf_per_session=m["rf_per_session"],
        max_drawdown=m["max_drawdown"],
        adjusted=ps.adjusted,
        currency=ps.currency,
        benchmark=bench_ticker,
        beta=_nan_to_none(m.get("beta")),
        correlation=_nan_to_none(m.get("correlation")),
        benchmark_return_pct=m.get("benchmark_return_pct"),
        common_observations=m.get("common_observations"),
        common_start=m.get("common_start"),
        common_end=m.get("common_end"),
        excluded_suspect=excluded,
        conventions=dict(CONVENTIONS),
    )
