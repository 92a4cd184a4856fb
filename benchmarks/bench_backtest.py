"""Time of ``evlens backtest`` over every point of the bundled data, on one core.

Run: ``.venv/bin/python benchmarks/bench_backtest.py [--years 2024,2025]``.

Loads the demo dataset into a temporary database, runs the back-test of every maker and
model (every month end of the years given) and prints the number of points, the scores
and the CPU and wall seconds (target: under 60 s of CPU on one core).
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import tempfile
import time
from pathlib import Path

from evlens.ops.backtest import backtest
from evlens.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", default="2024,2025")
    args = ap.parse_args()
    years = tuple(int(y) for y in args.years.split(","))
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "bench.duckdb") as store:
        store.load_demo()
        facts, ents = store.facts(), store.entities()
    backtest(facts, entities=ents, years=years, only=["xiaomi"])  # warm up (imports, JIT caches)
    w0, c0 = time.perf_counter(), time.process_time()
    r = backtest(facts, entities=ents, years=years)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    s = r.to_dict()
    print(
        f"points {s['points']}, makers or models {s['makers_or_models']}; coverage 50/80/90: "
        f"{s['coverage_50']:.2f}/{s['coverage_80']:.2f}/{s['coverage_90']:.2f}; CRPS {s['crps']:,.0f}"
    )
    print(f"backtest: {cpu:.1f} s CPU, {wall:.1f} s wall (target: under 60 s on one core)")


if __name__ == "__main__":
    main()
