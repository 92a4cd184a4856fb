"""Speed of the ops Monte Carlo engine against a per-path loop of the same model.

Run: ``.venv/bin/python benchmarks/bench_forecast.py [--paths 500] [--rounds 5] [--orders 5000]
[--simpy-paths 1] [--engine-paths 20000]``.

The scenario is the shipped ``xiaomi-2025`` one stretched to 24 months (2025-01-01 to
2026-12-31) at daily resolution (730 steps), with its order volumes (monthly intake,
launch surges, initial backlog, plant output) scaled to ``--orders`` new orders a month
(default 5,000). The same scenario and the same number of paths go, in interleaved
rounds, to

- evlens: ``evlens.ops.simulate`` (all paths at once; the Python loop is over months,
  the steps of a month solved together);
- the peer: the same model path by path and step by step in plain Python (``per_path``
  below), with NumPy's scalar Poisson and binomial draws; its time does not depend on the
  order volume;
- the floor: the same model step by step in NumPy over all paths at once (``floor``
  below), the plainest vectorised code with the same draws and arithmetic;
- optionally the one-order-at-a-time SimPy reference of the tests
  (``tests/ops/simpy_reference.py``) on ``--simpy-paths`` paths a round: every order is an
  object, so its time grows with the order volume (the ratio to it is only meaningful
  with the volume stated).

It prints the median CPU seconds per path of each, the paired ratios (median over rounds
of peer / evlens within a round, per path) and the mean 24-month deliveries of each with
its standard error (the four implement one model; their means must agree). Then, for
evlens alone, the paths per second at ``--engine-paths`` paths (target: at least 10,000 on
one core).
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import calendar
import math
import statistics
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from evlens.ops import load_scenario, simulate
from evlens.ops.scenario import DemandEvent, Param

EPS = 1e-6


def _scaled(p: Param, k: float) -> Param:
    if p.dist in ("fixed", "uniform", "triangular"):
        return Param(p.dist, tuple(a * k for a in p.args))
    if p.dist == "lognormal":
        return Param(p.dist, (p.args[0] * k, p.args[1]))
    return Param(p.dist, (p.args[0] * k, p.args[1] * k))


def scenario(orders_per_month: float):
    s = load_scenario("xiaomi-2025")
    k = orders_per_month / s.demand.intake_per_month.mean
    demand = replace(
        s.demand,
        intake_per_month=_scaled(s.demand.intake_per_month, k),
        events=tuple(DemandEvent(e.name, e.date, _scaled(e.orders, k)) for e in s.demand.events),
    )
    plants = tuple(
        replace(p, phases=tuple(replace(ph, rated_per_month=ph.rated_per_month * k) for ph in p.phases))
        for p in s.plants
    )
    return replace(
        s, end=date(2026, 12, 31), demand=demand, plants=plants, initial_backlog=_scaled(s.initial_backlog, k)
    )


# ---------------------------------------------------------------- the model, written out twice


@dataclass(frozen=True)
class Grid:
    """The daily steps, shared by every path: for each step its month number (0-based, in
    the scenario), calendar month (0..11), share of its month, midpoint in days, whether it
    opens its month, the month midpoint in years, each phase's shift multiplier, and the
    launch surges dated on it."""

    month: list[int]
    cal_month: list[int]
    share: list[float]
    mid: list[float]
    first: list[bool]
    years: list[float]
    shift: list[list[float]]  # [phase][step]
    events_on: list[list[int]]


def grid(sc) -> Grid:
    if sc.resolution != "daily":
        raise SystemExit("the benchmark's loop and floor are written for daily steps")
    month, cal, share, mid, first, years, events_on = [], [], [], [], [], [], []
    phases = sc.phases
    shift: list[list[float]] = [[] for _ in phases]
    d, m_no = sc.start, 0
    while d <= sc.end:
        nd = calendar.monthrange(d.year, d.month)[1]
        last = min(sc.end, date(d.year, d.month, nd))
        covered = (last - d).days + 1
        off = (d - sc.start).days
        for i in range(covered):
            day = d + timedelta(days=i)
            month.append(m_no)
            cal.append(d.month - 1)
            share.append(1.0 / nd)
            mid.append(off + i + 0.5)
            first.append(i == 0)
            years.append((off + covered / 2.0) / 365.25)
            events_on.append([e for e, ev in enumerate(sc.demand.events) if ev.date == day])
            for p, ph in enumerate(phases):
                shift[p].append(ph.shift_multiplier(day))
        d, m_no = last + timedelta(days=1), m_no + 1
    return Grid(month, cal, share, mid, first, years, shift, events_on)


def _draw(p: Param, rng: np.random.Generator) -> float:
    a = p.args
    if p.dist == "fixed":
        return a[0]
    if p.dist == "normal":
        return float(rng.normal(a[0], a[1]))
    if p.dist == "lognormal":
        return a[0] * math.exp(a[1] * float(rng.standard_normal()))
    if p.dist == "triangular":
        return a[0] if a[0] == a[2] else float(rng.triangular(a[0], a[1], a[2]))
    return float(rng.uniform(a[0], a[1]))


def _ramp(x: float, length: float, curve: str) -> float:
    if x < 0:
        return 0.0
    if length <= 0:
        return 1.0
    u = min(1.0, x / length)
    if curve == "linear":
        return u
    if curve == "s-curve":
        return u * u * (3.0 - 2.0 * u)
    return 1.0 if x >= length else 0.0


def per_path(sc, n: int, seed: int) -> np.ndarray:
    """The model one path at a time, one step at a time, in plain Python; returns each
    path's total deliveries."""
    rng = np.random.default_rng(seed)
    g = grid(sc)
    phases = sc.phases
    offsets = [(ph.start - sc.start).days for ph in phases]
    season = sc.demand.seasonality
    canc = sc.cancellations
    sigma = sc.demand.noise_sigma
    n_months = g.month[-1] + 1
    totals = np.empty(n)
    for path in range(n):
        backlog = math.floor(max(0.0, _draw(sc.initial_backlog, rng)) + EPS)
        level = max(0.0, _draw(sc.demand.intake_per_month, rng))
        growth = max(-0.99, _draw(sc.demand.growth_per_year, rng))
        util = [max(0.0, _draw(ph.utilisation, rng)) for ph in phases]
        delay = [max(0.0, _draw(ph.start_delay_days, rng)) for ph in phases]
        base = min(1.0, max(0.0, _draw(canc.base_per_month, rng)))
        slope = max(0.0, _draw(canc.per_month_of_wait, rng))
        surge = [math.floor(max(0.0, _draw(ev.orders, rng)) + EPS) for ev in sc.demand.events]
        shock = [
            math.exp(sigma * float(rng.standard_normal()) - sigma * sigma / 2.0) if sigma > 0 else 1.0
            for _ in range(n_months)
        ]
        log_g = math.log1p(growth)
        cum_cap, delivered = 0.0, 0
        for k in range(len(g.month)):
            cap = 0.0
            for p, ph in enumerate(phases):
                r = _ramp(g.mid[k] - offsets[p] - delay[p], ph.ramp_days, ph.ramp_curve)
                cap += ph.rated_per_month * g.shift[p][k] * r * util[p] * g.share[k]
            if g.first[k] and backlog > 0:  # the month's cancellation review
                rate = cap / g.share[k]
                wait = backlog / rate if rate > 0 else math.inf
                h = min(canc.max_per_month, base + slope * max(0.0, wait - canc.grace_months))
                backlog -= int(rng.binomial(backlog, min(1.0, max(0.0, h))))
            made = math.floor(cum_cap + cap + EPS) - math.floor(cum_cap + EPS)
            cum_cap += cap
            m = g.month[k]
            lam = season[g.cal_month[k]] * g.share[k] * level * math.exp(g.years[k] * log_g) * shock[m]
            arrived = int(rng.poisson(lam))
            for e in g.events_on[k]:
                arrived += surge[e]
            served = min(made, backlog + arrived)
            backlog += arrived - served
            delivered += served
        totals[path] = delivered
    return totals


def floor(sc, n: int, seed: int) -> np.ndarray:
    """The same model step by step in NumPy, every path at once; returns each path's total
    deliveries."""
    rng = np.random.default_rng(seed)
    g = grid(sc)
    phases = sc.phases

    def draw(p: Param) -> np.ndarray:
        return p.draw(rng, n)

    backlog = np.floor(np.maximum(0.0, draw(sc.initial_backlog)) + EPS)
    level = np.maximum(0.0, draw(sc.demand.intake_per_month))
    growth = np.maximum(-0.99, draw(sc.demand.growth_per_year))
    util = [np.maximum(0.0, draw(ph.utilisation)) for ph in phases]
    delay = [np.maximum(0.0, draw(ph.start_delay_days)) for ph in phases]
    canc = sc.cancellations
    base = np.clip(draw(canc.base_per_month), 0.0, 1.0)
    slope = np.maximum(0.0, draw(canc.per_month_of_wait))
    surge = [np.floor(np.maximum(0.0, draw(ev.orders)) + EPS) for ev in sc.demand.events]
    sigma = sc.demand.noise_sigma
    n_months = g.month[-1] + 1
    shock = (
        np.exp(sigma * rng.standard_normal((n_months, n)) - sigma * sigma / 2.0)
        if sigma > 0
        else np.ones((n_months, n))
    )
    log_g = np.log1p(growth)
    offsets = [(ph.start - sc.start).days for ph in phases]
    cum_cap = np.zeros(n)
    delivered = np.zeros(n)
    for k in range(len(g.month)):
        cap = np.zeros(n)
        for p, ph in enumerate(phases):
            x = g.mid[k] - offsets[p] - delay[p]
            length = ph.ramp_days
            if length <= 0:
                r = (x >= 0) * 1.0
            else:
                u = np.clip(x / length, 0.0, 1.0)
                if ph.ramp_curve == "linear":
                    r = u
                elif ph.ramp_curve == "s-curve":
                    r = u * u * (3.0 - 2.0 * u)
                else:
                    r = (x >= length) * 1.0
                r = np.where(x < 0, 0.0, r)
            cap += (ph.rated_per_month * g.shift[p][k] * g.share[k]) * r * util[p]
        if g.first[k]:
            rate = cap / g.share[k]
            with np.errstate(divide="ignore", invalid="ignore"):
                wait = np.where(rate > 0, backlog / np.where(rate > 0, rate, 1.0), np.inf)
            h = np.minimum(canc.max_per_month, base + slope * np.maximum(0.0, wait - canc.grace_months))
            h = np.where(backlog > 0, h, 0.0)
            backlog -= rng.binomial(backlog.astype(np.int64), np.clip(h, 0.0, 1.0))
        made = np.floor(cum_cap + cap + EPS) - np.floor(cum_cap + EPS)
        cum_cap += cap
        lam = (
            (sc.demand.seasonality[g.cal_month[k]] * g.share[k])
            * level
            * np.exp(g.years[k] * log_g)
            * shock[g.month[k]]
        )
        arrived = rng.poisson(lam).astype(float)
        for e in g.events_on[k]:
            arrived += surge[e]
        served = np.minimum(made, backlog + arrived)
        backlog += arrived - served
        delivered += served
    return delivered


def engine(sc, n: int, seed: int) -> np.ndarray:
    return simulate(sc, n, seed=seed).deliveries.sum(axis=0)


def simpy_paths(sc, n: int, seed: int) -> np.ndarray:
    from simpy_reference import run_path

    return np.array([sum(run_path(sc, seed=seed + i)["deliveries"]) for i in range(n)], dtype=float)


# ---------------------------------------------------------------- timing


def cpu(fn, *args):
    t0 = time.process_time()
    out = fn(*args)
    return time.process_time() - t0, out


def _mean_se(x: np.ndarray) -> str:
    se = x.std(ddof=1) / math.sqrt(len(x)) if len(x) > 1 else float("nan")
    return f"{x.mean():,.0f} (se {se:,.0f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", type=int, default=500, help="paths per round for evlens, peer and floor")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    ap.add_argument("--orders", type=float, default=5_000, help="new orders a month (default 5,000)")
    ap.add_argument(
        "--simpy-paths", type=int, default=1, help="SimPy reference paths per round (0: leave it out)"
    )
    ap.add_argument("--engine-paths", type=int, default=20_000, help="paths of the evlens-only rate")
    args = ap.parse_args()
    sc = scenario(args.orders)
    steps = (sc.end - sc.start).days + 1
    use_simpy = args.simpy_paths > 0
    if use_simpy:
        try:
            import simpy  # noqa: F401
        except ImportError:
            print("SimPy not installed (pip install -e '.[test]'): the SimPy reference is left out")
            use_simpy = False
        else:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ops"))
    print(
        f"scenario: {sc.name} stretched to {sc.start}..{sc.end}, {sc.resolution}, {steps} steps, "
        f"order volume scaled to {args.orders:,.0f} new orders a month (initial backlog "
        f"{sc.initial_backlog.mean:,.0f}, launch surges {sum(e.orders.mean for e in sc.demand.events):,.0f})"
    )

    runs = {"evlens": engine, "peer": per_path, "floor": floor}
    counts = {"evlens": args.paths, "peer": args.paths, "floor": args.paths}
    if use_simpy:
        runs["simpy"] = simpy_paths
        counts["simpy"] = args.simpy_paths
    for fn in runs.values():  # warm up
        fn(sc, 2, 0)
    per: dict[str, list[float]] = {k: [] for k in runs}
    totals: dict[str, list[np.ndarray]] = {k: [] for k in runs}
    for r in range(args.rounds):
        for name, fn in runs.items():
            t, tot = cpu(fn, sc, counts[name], 1_000 * (r + 1))
            per[name].append(t / counts[name])
            totals[name].append(tot)

    med = {k: statistics.median(v) for k, v in per.items()}
    print(
        f"{args.rounds} interleaved rounds, one core; CPU time per path (median over rounds); "
        f"mean 24-month deliveries (standard error) over all rounds' paths"
    )
    labels = {
        "evlens": "evlens  ops.simulate, all paths at once",
        "peer": "peer    per-path loop, plain Python, step by step",
        "floor": "floor   NumPy step by step over all paths",
        "simpy": "SimPy   one order at a time (tests/ops/simpy_reference.py)",
    }
    for name in runs:
        print(
            f"  {labels[name]:<60} {counts[name]:>5} paths/round  {med[name] * 1e3:>10.3f} ms/path  "
            f"deliveries {_mean_se(np.concatenate(totals[name]))}"
        )
    for name in ("peer", "floor", "simpy"):
        if name in runs:
            ratio = statistics.median(o / e for o, e in zip(per[name], per["evlens"]))
            extra = f" at {args.orders:,.0f} orders a month" if name == "simpy" else ""
            print(f"  paired ratio {name} / evlens (per path{extra}): {ratio:,.1f}x")

    times = []
    for r in range(3):
        t, _ = cpu(engine, sc, args.engine_paths, 7 + r)
        times.append(t)
    t = statistics.median(times)
    print(
        f"evlens only: {args.engine_paths:,} paths in {t:.2f} s CPU (median of 3) = "
        f"{args.engine_paths / t:,.0f} paths/s (target >= 10,000)"
    )


if __name__ == "__main__":
    main()
