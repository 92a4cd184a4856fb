"""Speed of the monthly-interval solver: shortest paths against linear programming.

Run: ``.venv/bin/python benchmarks/bench_intervals.py [--months 120] [--sources 25] [--rounds 5]``.

The input: a hidden true series of ``--months`` months, and ``--sources`` sources that
each report about every month one fact of the kinds the store holds (exact month, "more
than", "about", quarter and year totals), so ``months x sources`` facts in all. The same
facts go, in interleaved rounds, to

- evlens: ``evlens.reconcile.intervals.solve`` (one Floyd-Warshall run for every month's and
  running total's interval, plus the smoothest point estimate);
- the peer: the direct formulation, two HiGHS linear programs (``scipy.optimize.linprog``)
  per month and per running total, over the same facts (what evlens did before);
- the floor: ``scipy.sparse.csgraph.shortest_path`` alone on the same graph, the least
  arithmetic that yields the intervals.

It prints the median CPU seconds of each, the paired ratio peer / evlens (median over
rounds) and checks that both give the same intervals. Target: evlens under 1 s for 120
months x 25 sources.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import statistics
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse.csgraph import csgraph_from_dense, shortest_path

from evlens.reconcile import intervals as iv


def facts(months: int, sources: int, seed: int = 7) -> list[iv.Constraint]:
    rng = np.random.default_rng(seed)
    truth = rng.integers(5_000, 60_000, size=months).astype(float)
    cons = []
    for s in range(sources):
        for m in range(months):
            kind = s % 5
            if kind == 0:
                lo = hi = truth[m]
            elif kind == 1:
                lo, hi = float(np.floor(truth[m] * 0.9)), None
            elif kind == 2:
                lo, hi = truth[m] * 0.97, truth[m] * 1.03
            elif kind == 3:  # the quarter ending in this month, where one exists
                first = max(0, m - 2)
                lo = hi = truth[first : m + 1].sum()
                cons.append(iv.Constraint(first, m, lo, hi, f"{s}/{m}", f"{s}/{m}"))
                continue
            else:  # the year to date
                first = m - m % 12
                lo, hi = float(np.floor(truth[first : m + 1].sum() * 0.95)), None
                cons.append(iv.Constraint(first, m, lo, hi, f"{s}/{m}", f"{s}/{m}"))
                continue
            cons.append(iv.Constraint(m, m, lo, hi, f"{s}/{m}", f"{s}/{m}"))
    return cons


def peer(n: int, cons: list[iv.Constraint]) -> tuple[np.ndarray, np.ndarray]:
    rows, rhs = [], []
    for c in cons:
        a = np.zeros(n)
        a[c.first : c.last + 1] = 1.0
        if c.low > 0:
            rows.append(-a)
            rhs.append(-c.low)
        if c.high is not None:
            rows.append(a)
            rhs.append(c.high)
    A, b = np.array(rows), np.array(rhs)
    low, high = np.zeros(n), np.full(n, np.inf)
    cum_low, cum_high = np.zeros(n), np.full(n, np.inf)
    for i in range(n):
        for arr_lo, arr_hi, c in ((low, high, np.eye(n)[i]), (cum_low, cum_high, (np.arange(n) <= i) * 1.0)):
            r = linprog(c, A_ub=A, b_ub=b, bounds=[(0, None)] * n, method="highs")
            arr_lo[i] = r.fun
            r = linprog(-c, A_ub=A, b_ub=b, bounds=[(0, None)] * n, method="highs")
            if r.status == 0:
                arr_hi[i] = -r.fun
    return low, high


def floor(n: int, cons: list[iv.Constraint]) -> np.ndarray:
    w = np.full((n + 1, n + 1), np.inf)
    w[np.arange(1, n + 1), np.arange(n)] = 0.0
    for c in cons:
        if c.high is not None:
            w[c.first, c.last + 1] = min(w[c.first, c.last + 1], c.high)
        if c.low > 0:
            w[c.last + 1, c.first] = min(w[c.last + 1, c.first], -c.low)
    return shortest_path(csgraph_from_dense(w, null_value=np.inf), method="FW")


def _cpu(fn, *args):
    t0 = time.process_time()
    out = fn(*args)
    return time.process_time() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--months", type=int, default=120)
    ap.add_argument("--sources", type=int, default=25)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    n = args.months
    cons = facts(n, args.sources)
    times: dict[str, list[float]] = {"evlens": [], "peer": [], "floor": []}
    for _ in range(args.rounds):
        t, sol = _cpu(iv.solve, n, cons)
        times["evlens"].append(t)
        t, (low, high) = _cpu(peer, n, cons)
        times["peer"].append(t)
        t, _d = _cpu(floor, n, cons)
        times["floor"].append(t)
    assert np.allclose(sol.low, low, rtol=1e-7, atol=1e-3) and np.allclose(
        sol.high, high, rtol=1e-7, atol=1e-3
    )
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = statistics.median(p / e for p, e in zip(times["peer"], times["evlens"]))
    print(
        f"{n} months x {args.sources} sources = {len(cons)} facts, {args.rounds} interleaved rounds, one core"
    )
    print(f"evlens (shortest paths + smoothest point): {med['evlens']:.3f} s CPU median (target: under 1 s)")
    print(f"peer (two HiGHS LPs per month and running total): {med['peer']:.3f} s CPU median")
    print(f"floor (Floyd-Warshall alone): {med['floor']:.4f} s CPU median")
    print(f"paired ratio peer / evlens: {ratio:.1f}x; same intervals: yes")


if __name__ == "__main__":
    main()
