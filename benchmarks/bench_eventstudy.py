"""Speed of the event study: evlens against the ``eventstudy`` package on the same events.

Run: ``.venv/bin/python benchmarks/bench_eventstudy.py [--events 300] [--rounds 7]
[--sizes 300,1000,1001,3000] [--scale-rounds 3]``.

Comparison. A synthetic panel of daily returns (3,000 sessions x 500 securities following
a one-factor model, complete: ``eventstudy`` has no rule for missing returns) and
``--events`` events at random sessions and securities. The same events, with the same
windows (estimation 250 sessions, gap 10, event window -1..+1) and the same model (the
market model, OLS over the estimation window), go in interleaved rounds to

- evlens: ``evlens.events.event_study_panel``, the whole study as the library runs it
  (fit, AR, CAR, CAR t, BHAR per event; the daily and window tests across events);
- the peer: ``eventstudy.Multiple.from_list`` with ``eventstudy.Single.market_model``
  (statsmodels OLS per event, AR, CAR, CAR t per event; AAR, CAAR and their t test);
- the floor: the market-model OLS residuals and CARs of all events in vectorised NumPy
  (one fancy-indexing cut, centred cross-moments), the least arithmetic both must do.

It prints the median CPU seconds (``time.process_time``) of each, the paired ratio
peer / evlens and evlens / floor (medians over rounds of the ratio within a round) and
the largest CAR difference between them.

Scaling (evlens only, no peer). The whole study at each of ``--sizes`` events on the same
panel with 0.2 % of returns missing, sizes interleaved within each round; it prints the
median CPU seconds, microseconds per event and which test statistics were computed at each
size (the Kolari-Pynnönen adjusted tests among them), with the study's notes.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import itertools
import statistics
import time
import warnings

import numpy as np

from evlens.events import StudySpec, event_study_panel
from evlens.events.engine import offsets
from evlens.events.results import TESTS

T, S = 3000, 500
EST, GAP, WINDOW = 250, 10, (-1, 1)
SPEC = StudySpec(model="market", window=WINDOW, estimation=EST, gap=GAP)


def panel(missing: float, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Returns (sessions x securities) and the market's (sessions x 1): one-factor model."""
    rng = np.random.default_rng(seed)
    m = rng.normal(0.0003, 0.011, (T, 1))
    beta = rng.uniform(0.5, 1.6, S)
    r = 0.0001 + m * beta + rng.normal(0, 0.018, (T, S))
    if missing > 0:
        r[rng.random((T, S)) < missing] = np.nan
    return r, m


def draw_events(n: int, seed: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Day-0 rows and security columns of ``n`` events, all windows inside the panel."""
    rng = np.random.default_rng(seed)
    return rng.integers(EST + GAP + 5, T - 5, n), rng.integers(0, S, n)


def run_evlens(r, m, rows, cols):
    return event_study_panel(SPEC, r, m, rows, cols)


def floor(r, m, rows, cols) -> np.ndarray:
    """Market-model OLS on each estimation window and the CAR over the event window, all
    events at once (complete data)."""
    rel_est, rel_evt = offsets(SPEC)
    ie = rows[:, None] + rel_est[None, :]
    y, x = r[ie, cols[:, None]], m[ie, 0]
    xc = x - x.mean(axis=1, keepdims=True)
    beta = (xc * y).sum(axis=1) / (xc * xc).sum(axis=1)
    alpha = y.mean(axis=1) - beta * x.mean(axis=1)
    iv = rows[:, None] + rel_evt[None, :]
    ar = r[iv, cols[:, None]] - alpha[:, None] - beta[:, None] * m[iv, 0]
    return ar.sum(axis=1)


def peer_setup(r, m, rows, cols):
    """The panel handed to ``eventstudy`` (its shared returns table) and its event list;
    ``None`` and a reason when the package is missing."""
    try:
        import eventstudy as es
    except Exception as exc:  # not installed
        return None, f"eventstudy unavailable ({type(exc).__name__}: {exc}); pip install -e '.[bench]'"
    dates = np.arange(np.datetime64("2010-01-01"), np.datetime64("2010-01-01") + T)
    data = {"date": dates, "MKT": m[:, 0].copy()}
    for c in np.unique(cols):
        data[f"S{c}"] = r[:, c].copy()
    es.Single._save_parameter("returns", data)
    events = [
        {"security_ticker": f"S{c}", "market_ticker": "MKT", "event_date": dates[d0]}
        for d0, c in zip(rows, cols)
    ]
    return (es, events), "ok"


def run_peer(es, events):
    return es.Multiple.from_list(
        events,
        es.Single.market_model,
        event_window=WINDOW,
        estimation_size=EST,
        buffer_size=GAP,
        ignore_errors=False,
    )


def cpu(fn, *args):
    t0 = time.process_time()
    out = fn(*args)
    return time.process_time() - t0, out


def computed_tests(res) -> tuple[list[str], list[str]]:
    """Test statistics the window row holds, and those it left out."""
    have = [t for t in TESTS if res.window.stats.get(t) is not None]
    return have, [t for t in TESTS if t not in have]


def comparison(n: int, rounds: int) -> None:
    r, m = panel(missing=0.0)
    rows, cols = draw_events(n)
    setup, status = peer_setup(r, m, rows, cols)
    run_evlens(r, m, rows, cols)  # warm up (imports, first calls)
    floor(r, m, rows, cols)
    if setup is not None:
        run_peer(*setup)
    times: dict[str, list[float]] = {"evlens": [], "peer": [], "floor": []}
    for _ in range(rounds):
        t, res = cpu(run_evlens, r, m, rows, cols)
        times["evlens"].append(t)
        if setup is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t, agg = cpu(run_peer, *setup)
            times["peer"].append(t)
        t, floor_cars = cpu(floor, r, m, rows, cols)
        times["floor"].append(t)

    ours = np.array([e.car for e in res.events])
    have, _ = computed_tests(res)
    med = {k: statistics.median(v) for k, v in times.items() if v}
    print(
        f"comparison: {n:,} events on a complete {T:,} x {S} panel, market model, estimation {EST}, "
        f"gap {GAP}, window {WINDOW}; {rounds} interleaved rounds, one core, CPU seconds (median)"
    )
    print(
        f"  evlens  event_study_panel (per event: fit, AR, CAR, CAR t, BHAR; {len(have)} tests daily "
        f"and over the window): {med['evlens']:.4f} s = {med['evlens'] / n * 1e6:.0f} us/event"
    )
    if setup is None:
        print(f"  peer    {status}")
    else:
        peer_cars = np.array([float(np.asarray(s.CAR)[-1]) for s in agg.sample])
        print(
            f"  peer    eventstudy {_version()} Multiple.from_list(Single.market_model) (per event: "
            f"statsmodels OLS, AR, CAR, CAR t; AAR/CAAR t test): {med['peer']:.4f} s = "
            f"{med['peer'] / n * 1e6:.0f} us/event"
        )
    print(
        f"  floor   NumPy market-model OLS residuals and CARs, all events at once: {med['floor']:.4f} s "
        f"= {med['floor'] / n * 1e6:.1f} us/event"
    )
    if setup is not None:
        ratio = statistics.median(p / e for p, e in zip(times["peer"], times["evlens"]))
        print(f"  paired ratio peer / evlens: {ratio:.2f}x (median over rounds)")
    over = statistics.median(e / f for e, f in zip(times["evlens"], times["floor"]))
    print(f"  paired ratio evlens / floor: {over:.1f}x (median over rounds)")
    agree = f"max |CAR difference| evlens vs floor {np.max(np.abs(floor_cars - ours)):.1e}"
    if setup is not None:
        agree += f", evlens vs peer {np.max(np.abs(peer_cars - ours)):.1e}"
    print(f"  {agree}")


def scaling(sizes: list[int], rounds: int) -> None:
    r, m = panel(missing=0.002)
    events = {n: draw_events(n, seed=3) for n in sizes}
    times: dict[int, list[float]] = {n: [] for n in sizes}
    found: dict[int, object] = {}
    run_evlens(r, m, *draw_events(50))  # warm up
    for _ in range(rounds):
        for n in sizes:
            t, found[n] = cpu(run_evlens, r, m, *events[n])
            times[n].append(t)
    print(
        f"\nscaling, evlens only (no peer): the whole study on a {T:,} x {S} panel with 0.2 % of returns "
        f"missing; {rounds} rounds, sizes interleaved, CPU seconds (median)"
    )
    print(f"  {'events':>7} {'CPU s':>8} {'us/event':>9}  tests computed")
    for n in sizes:
        med = statistics.median(times[n])
        have, missing = computed_tests(found[n])
        what = f"all {len(have)}" if not missing else f"{len(have)} of {len(TESTS)}, not {', '.join(missing)}"
        print(f"  {n:>7,} {med:>8.3f} {med / n * 1e6:>9.0f}  {what}")
    for n in sizes:
        for note in found[n].notes:
            print(f"  note at {n:,} events: {note}")
    for a, b in itertools.pairwise(sizes):
        if b == a + 1:
            step = statistics.median(times[b]) / statistics.median(times[a])
            print(f"  time at {b:,} events / time at {a:,} events: {step:.2f}x")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("eventstudy")
    except Exception:
        return "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=300, help="events in the comparison (default 300)")
    ap.add_argument("--rounds", type=int, default=7, help="interleaved rounds of the comparison (default 7)")
    ap.add_argument(
        "--sizes",
        default="300,1000,1001,3000",
        help="event counts of the evlens-only scaling, comma-separated (default 300,1000,1001,3000)",
    )
    ap.add_argument("--scale-rounds", type=int, default=3, help="rounds of the scaling (default 3)")
    args = ap.parse_args()
    comparison(args.events, args.rounds)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if sizes:
        scaling(sizes, args.scale_rounds)


if __name__ == "__main__":
    main()
