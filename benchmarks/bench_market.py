"""Speed of evlens.market's metrics against empyrical on one long daily series, and of the
returns table on the demo database (no peer) against the plain DuckDB query.

    .venv/bin/python benchmarks/bench_market.py [--sessions 250000] [--rounds 7] [--number 5]

Metrics. One series of ``--sessions`` daily returns (and its closes and a benchmark); each
metric is computed, in interleaved rounds, by

- evlens: ``evlens.market.metrics`` (pandas Series in, number out; ``max_drawdown`` also
  finds the peak, trough and recovery dates);
- the peer: ``empyrical`` on the same Series (``max_drawdown`` from the returns, the value
  only);
- the floor: the same formula in NumPy on the bare arrays.

Each timing is ``--number`` calls in a row; it prints the median CPU milliseconds per call
(``time.process_time``) of each, the paired ratio empyrical / evlens and evlens / floor
(medians over rounds of the ratio within a round) and checks that all three agree.

Returns table. ``evlens.market.returns`` for six tickers and the HSI over 2024 on the demo
database: no other package computes this table, so there is no peer; the floor is one
DuckDB query for the same close-to-close returns (last close before the year, last close
in it), timed in the same rounds.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")

import empyrical

import evlens
from evlens.market import metrics as m
from evlens.market import returns

SIX = ["1810.HK", "0700.HK", "3690.HK", "9988.HK", "9618.HK", "9999.HK"]


def per_call(fn, number: int) -> tuple[float, object]:
    t0 = time.process_time()
    for _ in range(number):
        out = fn()
    return (time.process_time() - t0) / number, out


def _value(x) -> float:
    if isinstance(x, m.Drawdown):
        return x.value
    if isinstance(x, (pd.Series, np.ndarray)):
        return float(np.nansum(np.asarray(x)))
    return float(x)


def metric_cases(n: int):
    rng = np.random.default_rng(7)
    idx = pd.bdate_range("1000-01-01", periods=n + 1, unit="s")  # second resolution reaches that far back
    r = pd.Series(rng.normal(3e-4, 0.02, n), index=idx[1:])
    b = pd.Series(0.5 * r.to_numpy() + rng.normal(0, 0.01, n), index=idx[1:])
    closes = pd.Series(100 * np.cumprod(np.r_[1.0, 1 + r.to_numpy()]), index=idx)
    ra, ba, ca = r.to_numpy(), b.to_numpy(), closes.to_numpy()
    rf = 1e-4

    def np_beta():
        bc = ba - ba.mean()
        return float((ra - ra.mean()) @ bc / (bc @ bc))

    def np_sharpe():
        x = ra - rf
        return float(x.mean() / x.std(ddof=1) * np.sqrt(252))

    return {
        "annual_volatility": (
            lambda: m.annual_volatility(r),
            lambda: empyrical.annual_volatility(r),
            lambda: float(ra.std(ddof=1) * np.sqrt(252)),
        ),
        "sharpe_ratio": (lambda: m.sharpe_ratio(r, rf), lambda: empyrical.sharpe_ratio(r, rf), np_sharpe),
        "max_drawdown": (
            lambda: m.max_drawdown(closes),
            lambda: empyrical.max_drawdown(r),
            lambda: float((ca / np.maximum.accumulate(ca)).min() - 1.0),
        ),
        "beta": (lambda: m.beta(r, b), lambda: empyrical.beta(r, b), np_beta),
        "simple_returns": (
            lambda: m.simple_returns(closes),
            lambda: empyrical.simple_returns(closes),
            lambda: ca[1:] / ca[:-1] - 1.0,
        ),
    }


def floor_returns(store, tickers: list[str], start: str, end: str) -> dict[str, float]:
    rows = store.con.execute(
        "SELECT ticker, arg_max(close, date) FILTER (WHERE date < ?) AS p0, "
        "arg_max(close, date) FILTER (WHERE date <= ?) AS p1 "
        "FROM prices WHERE ticker IN (SELECT unnest(?)) GROUP BY ticker",
        [start, end, tickers],
    ).fetchall()
    return {t: (p1 / p0 - 1.0) * 100.0 for t, p0, p1 in rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=250_000, help="length of the series (default 250,000)")
    ap.add_argument("--rounds", type=int, default=7, help="interleaved rounds (default 7)")
    ap.add_argument("--number", type=int, default=5, help="calls per timing (default 5)")
    args = ap.parse_args()

    cases = metric_cases(args.sessions)
    times = {k: ([], [], []) for k in cases}
    values: dict[str, tuple] = {}
    for _ in range(args.rounds):
        for name, fns in cases.items():
            outs = []
            for slot, fn in enumerate(fns):
                t, out = per_call(fn, args.number)
                times[name][slot].append(t)
                outs.append(out)
            values[name] = tuple(outs)

    print(
        f"metrics: {args.sessions:,} daily returns; {args.rounds} interleaved rounds of {args.number} calls "
        f"each; median CPU ms per call"
    )
    print(
        f"  {'metric':<18} {'evlens':>9} {'empyrical':>10} {'floor':>9} {'empyrical/evlens':>17} "
        f"{'evlens/floor':>13}  same value"
    )
    for name, (te, tp, tf) in times.items():
        peer_ratio = statistics.median(p / e for p, e in zip(tp, te))
        floor_ratio = statistics.median(e / f for e, f in zip(te, tf))
        v = [_value(x) for x in values[name]]
        same = all(np.isclose(a, v[0], rtol=1e-9, atol=1e-12) for a in v)
        print(
            f"  {name:<18} {statistics.median(te) * 1e3:>9.3f} {statistics.median(tp) * 1e3:>10.3f} "
            f"{statistics.median(tf) * 1e3:>9.3f} {peer_ratio:>16.2f}x {floor_ratio:>12.1f}x  "
            f"{'yes' if same else 'NO'}"
        )
    print(
        "  (max_drawdown: evlens also finds the peak, trough and recovery dates; empyrical and the floor "
        "give the value only)"
    )

    with tempfile.TemporaryDirectory() as tmp, evlens.open(Path(tmp) / "demo.duckdb") as store:
        store.load_demo()
        bench = store.resolve_ticker("HSI")
        tickers = [store.resolve_ticker(t) for t in SIX] + [bench]
        te, tf = [], []
        for _ in range(args.rounds):
            t, table = per_call(lambda: returns(store, SIX, year=2024, benchmark="HSI"), args.number)
            te.append(t)
            t, plain = per_call(
                lambda: floor_returns(store, tickers, "2024-01-01", "2024-12-31"), args.number
            )
            tf.append(t)
        ours = {row.ticker: row.return_pct for row in table.rows}
        ours[table.benchmark.ticker] = table.benchmark.return_pct
        same = all(np.isclose(ours[t], plain[t], rtol=1e-9) for t in tickers)
        print(
            f"returns table, 6 tickers + HSI over 2024, demo database ({args.rounds} interleaved rounds of "
            f"{args.number} calls, median CPU ms per call); no peer computes this table"
        )
        print(
            f"  evlens market.returns: {statistics.median(te) * 1e3:.2f} ms; floor (one DuckDB query, "
            f"returns only): {statistics.median(tf) * 1e3:.2f} ms; paired ratio evlens / floor "
            f"{statistics.median(e / f for e, f in zip(te, tf)):.1f}x; same returns: {'yes' if same else 'NO'}"
        )


if __name__ == "__main__":
    main()
