"""Speed of the ops Monte Carlo engine against the one-order-at-a-time SimPy reference.

Run: ``.venv/bin/python benchmarks/bench_forecast.py [--paths N] [--ref-paths M] [--orders K]``.

The scenario is the shipped ``xiaomi-2025`` one stretched to 24 months (2025-01-01 to
2026-12-31) at daily resolution, with its order volumes scaled to ``--orders`` new orders
a month (default 5,000, so the reference runs in seconds; the engine's time does not
depend on volumes, the reference's grows with them). Prints the engine's paths per
second (target: at least 10,000 on one core), the reference's seconds per path, their
ratio per path (target: at least 1,000) and both means of the 24-month deliveries.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from evlens.ops import load_scenario, simulate
from evlens.ops.scenario import DemandEvent, Param

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ops"))
from simpy_reference import run_path


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", type=int, default=20_000)
    ap.add_argument("--ref-paths", type=int, default=3)
    ap.add_argument("--orders", type=float, default=5_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    sc = scenario(args.orders)
    steps = (sc.end - sc.start).days + 1
    print(
        f"scenario: {sc.name} stretched to {sc.start}..{sc.end}, {sc.resolution}, {steps} steps, "
        f"~{args.orders:,.0f} new orders a month"
    )

    simulate(sc, 200, seed=0)  # warm-up
    best = float("inf")
    for r in range(args.repeats):
        t = time.perf_counter()
        sim = simulate(sc, args.paths, seed=r + 1)
        best = min(best, time.perf_counter() - t)
    eng_rate = args.paths / best
    eng_mean = sim.deliveries.sum(axis=0).mean()
    print(
        f"engine:    {args.paths:,} paths in {best:.2f} s (best of {args.repeats}) = {eng_rate:,.0f} paths/s "
        f"(target >= 10,000)  mean 24-month deliveries {eng_mean:,.0f}"
    )

    t = time.perf_counter()
    totals = [sum(run_path(sc, seed=100 + i)["deliveries"]) for i in range(args.ref_paths)]
    ref_per_path = (time.perf_counter() - t) / args.ref_paths
    print(
        f"reference: {args.ref_paths} SimPy paths, {ref_per_path:.2f} s per path  "
        f"mean 24-month deliveries {np.mean(totals):,.0f}"
    )
    ratio = ref_per_path / (best / args.paths)
    print(f"ratio per path (reference / engine): {ratio:,.0f}x (target >= 1,000x)")


if __name__ == "__main__":
    main()
