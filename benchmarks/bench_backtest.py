"""Time of ``evlens backtest`` over every point of the bundled data, on one core.

Run: ``.venv/bin/python benchmarks/bench_backtest.py [--years 2024,2025] [--rounds 3]``.

Loads the demo dataset into a temporary database and runs the back-test of every maker
and model (every month end of the years given). No other package back-tests these
forecasts, so there is no peer. The floor is the statistical fits alone: every
``statsforecast`` AutoETS fit and forecast the back-test makes (the same series and
horizons, recorded on a first, untimed run), with nothing of the back-test around them
(no facts read into series, no targets, calibration, draws or scores).

The back-test and the floor run in interleaved rounds; it prints the number of points and
the scores, the median CPU seconds of each (``time.process_time``; target for the
back-test: under 60 s on one core) and the paired ratio back-test / floor (median over
rounds of the ratio within a round).
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import statsforecast.models as sfm

from evlens.ops.backtest import backtest
from evlens.store import Store

AutoETS = sfm.AutoETS


def record_fits(facts, ents, years) -> tuple[object, list[tuple[np.ndarray, int]]]:
    """Run the back-test once, keeping the series and horizon of every AutoETS fit."""
    calls: list[tuple[np.ndarray, int]] = []

    class Recording(AutoETS):
        def fit(self, y, *args, **kwargs):
            self._bench_y = np.array(y, dtype=float)
            return super().fit(y, *args, **kwargs)

        def predict(self, h, *args, **kwargs):
            calls.append((self._bench_y, int(h)))
            return super().predict(h, *args, **kwargs)

    sfm.AutoETS = Recording
    try:
        result = backtest(facts, entities=ents, years=years)
    finally:
        sfm.AutoETS = AutoETS
    return result, calls


def floor(calls: list[tuple[np.ndarray, int]]) -> float:
    total = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for y, h in calls:
            total += float(AutoETS(season_length=1, model="ZZN").fit(y).predict(h)["mean"][-1])
    return total


def cpu(fn, *args, **kwargs):
    t0 = time.process_time()
    out = fn(*args, **kwargs)
    return time.process_time() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", default="2024,2025")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    args = ap.parse_args()
    years = tuple(int(y) for y in args.years.split(","))
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "bench.duckdb") as store:
        store.load_demo()
        facts, ents = store.facts(), store.entities()
    _, calls = record_fits(facts, ents, years)  # also the warm-up (imports, compiled code)
    times: dict[str, list[float]] = {"evlens": [], "floor": []}
    for _ in range(args.rounds):
        t, r = cpu(backtest, facts, entities=ents, years=years)
        times["evlens"].append(t)
        t, _ = cpu(floor, calls)
        times["floor"].append(t)
    s = r.to_dict()
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = statistics.median(e / f for e, f in zip(times["evlens"], times["floor"]))
    print(
        f"points {s['points']}, makers or models {s['makers_or_models']}; coverage 50/80/90: "
        f"{s['coverage_50']:.2f}/{s['coverage_80']:.2f}/{s['coverage_90']:.2f}; CRPS {s['crps']:,.0f}"
    )
    print(
        f"{args.rounds} interleaved rounds, one core, CPU seconds (median); no peer back-tests these forecasts"
    )
    print(f"  evlens backtest, years {args.years}: {med['evlens']:.2f} s (target: under 60 s on one core)")
    print(f"  floor  the {len(calls)} AutoETS fits and forecasts alone (statsforecast): {med['floor']:.2f} s")
    print(f"  paired ratio evlens / floor: {ratio:.2f}x (median over rounds)")


if __name__ == "__main__":
    main()
