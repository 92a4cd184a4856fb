"""Speed of evlens.market's metrics against empyrical on one long daily series, and of
the returns table on the demo database. Prints seconds per call and the ratio
evlens / empyrical (below 1 is faster). Short by design: a few repeats on 2 cores.

    .venv/bin/python benchmarks/bench_market.py
"""

from __future__ import annotations

import tempfile
import timeit
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")

import empyrical

import evlens
from evlens.market import metrics as m
from evlens.market import returns

N = 250_000  # about a thousand years of sessions: long enough to time, short enough to run
REPEAT = 5


def best(fn) -> float:
    return min(timeit.repeat(fn, number=1, repeat=REPEAT))


def main() -> None:
    rng = np.random.default_rng(7)
    idx = pd.bdate_range("1000-01-01", periods=N + 1, unit="s")  # second resolution reaches that far back
    r = pd.Series(rng.normal(3e-4, 0.02, N), index=idx[1:])
    b = pd.Series(0.5 * r.to_numpy() + rng.normal(0, 0.01, N), index=idx[1:])
    closes = pd.Series(100 * np.cumprod(np.r_[1.0, 1 + r.to_numpy()]), index=idx)

    pairs = {
        "annual_volatility": (lambda: m.annual_volatility(r), lambda: empyrical.annual_volatility(r)),
        "sharpe_ratio": (lambda: m.sharpe_ratio(r, 1e-4), lambda: empyrical.sharpe_ratio(r, 1e-4)),
        "max_drawdown": (lambda: m.max_drawdown(closes), lambda: empyrical.max_drawdown(r)),
        "beta": (lambda: m.beta(r, b), lambda: empyrical.beta(r, b)),
        "simple_returns": (lambda: m.simple_returns(closes), lambda: empyrical.simple_returns(closes)),
    }
    print(f"{N:,} daily returns, best of {REPEAT}")
    print(f"{'metric':<18} {'evlens s':>10} {'empyrical s':>12} {'ratio':>7}")
    for name, (ours, theirs) in pairs.items():
        a, e = best(ours), best(theirs)
        print(f"{name:<18} {a:>10.5f} {e:>12.5f} {a / e:>7.2f}")
    print(
        "(max_drawdown in evlens also finds the peak, trough and recovery dates; empyrical gives the value only)"
    )

    with tempfile.TemporaryDirectory() as tmp, evlens.open(Path(tmp) / "demo.duckdb") as store:
        store.load_demo()
        six = ["1810.HK", "0700.HK", "3690.HK", "9988.HK", "9618.HK", "9999.HK"]
        t = best(lambda: returns(store, six, year=2024, benchmark="HSI"))
        print(f"returns table, 6 tickers + benchmark, demo database: {t:.4f} s")


if __name__ == "__main__":
    main()
