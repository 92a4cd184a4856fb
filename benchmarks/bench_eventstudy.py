"""Speed of the event-study engine: 10,000 events with 250-day estimation windows.

Run: ``.venv/bin/python benchmarks/bench_eventstudy.py [--events N] [--subset M]``.

A synthetic panel (3,000 sessions x 500 securities following a one-factor model) and
10,000 events at random sessions. evlens runs the whole study (market model, AR, CAR,
BHAR, all daily and window tests) in one vectorised call on one core. The same events'
first ``--subset`` are then run through the ``eventstudy`` package (PyPI) and through a
plain per-event NumPy loop (the straightforward reference), and the per-event times are
compared (the loop against evlens's per-event part, since it computes no tests). The script
also checks that the three agree on the CARs of the subset.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core

import argparse
import time

import numpy as np

from evlens.events import StudySpec, event_study_panel, gather
from evlens.events.engine import compute, offsets

T, S = 3000, 500
EST, GAP, WINDOW = 250, 10, (-1, 1)


def panel(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    m = rng.normal(0.0003, 0.011, (T, 1))
    beta = rng.uniform(0.5, 1.6, S)
    r = 0.0001 + m * beta + rng.normal(0, 0.018, (T, S))
    r[rng.random((T, S)) < 0.002] = np.nan  # a few missing days
    return r, m


def run_evlens(r, m, rows, cols, repeat: int = 3) -> tuple[float, object]:
    spec = StudySpec(model="market", window=WINDOW, estimation=EST, gap=GAP, log_returns=True)
    best, res = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = event_study_panel(spec, r, m, rows, cols)
        best = min(best, time.perf_counter() - t0)
    return best, res


def run_evlens_per_event(r, m, rows, cols, repeat: int = 3) -> float:
    """Only the per-event part (cut windows, fit, AR, CAR, CAR t, BHAR), no cross-event tests:
    the work the per-event loop below does, and more."""
    spec = StudySpec(model="market", window=WINDOW, estimation=EST, gap=GAP, log_returns=True)
    rel_est, rel_evt = offsets(spec)
    zeros = np.zeros_like(cols)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        compute(
            spec,
            gather(r, rows, cols, rel_est),
            gather(m, rows, zeros, rel_est),
            gather(r, rows, cols, rel_evt),
            gather(m, rows, zeros, rel_evt),
        )
        best = min(best, time.perf_counter() - t0)
    return best


def loop_reference(r, m, rows, cols) -> tuple[float, np.ndarray]:
    """One event at a time: least squares with numpy.linalg.lstsq, CAR per event."""
    a, b = WINDOW
    t0 = time.perf_counter()
    cars = np.empty(len(rows))
    for i, (d0, c) in enumerate(zip(rows, cols)):
        lo = d0 + a - GAP - EST
        y, x = r[lo : lo + EST, c], m[lo : lo + EST, 0]
        ok = np.isfinite(y)
        X = np.column_stack([np.ones(ok.sum()), x[ok]])
        coef, *_ = np.linalg.lstsq(X, y[ok], rcond=None)
        ar = r[d0 + a : d0 + b + 1, c] - coef[0] - coef[1] * m[d0 + a : d0 + b + 1, 0]
        cars[i] = ar.sum()
    return time.perf_counter() - t0, cars


def eventstudy_reference(r, m, rows, cols) -> tuple[float | None, np.ndarray | None, str]:
    """The ``eventstudy`` package on the same events (complete data only: it has no rule
    for missing returns)."""
    try:
        import eventstudy as es
    except Exception as exc:  # not installed or cannot import on this Python
        return None, None, f"eventstudy unavailable: {type(exc).__name__}: {exc}"
    dates = np.arange(np.datetime64("2010-01-01"), np.datetime64("2010-01-01") + T)
    data = {"date": dates, "MKT": m[:, 0].copy()}
    for c in np.unique(cols):
        data[f"S{c}"] = np.nan_to_num(r[:, c])  # it cannot take NaN; missing as 0
    es.Single._save_parameter("returns", data)
    events = [
        {"security_ticker": f"S{c}", "market_ticker": "MKT", "event_date": dates[d0]}
        for d0, c in zip(rows, cols)
    ]
    try:
        t0 = time.perf_counter()
        agg = es.Multiple.from_list(
            events,
            es.Single.market_model,
            event_window=WINDOW,
            estimation_size=EST,
            buffer_size=GAP,
            ignore_errors=False,
        )
        elapsed = time.perf_counter() - t0
    except Exception as exc:
        return None, None, f"eventstudy failed on this Python/NumPy: {type(exc).__name__}: {exc}"
    cars = np.array([float(np.asarray(s.CAR)[-1]) for s in agg.sample])
    return elapsed, cars, "ok"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--subset", type=int, default=300)
    args = ap.parse_args()
    r, m = panel()
    rng = np.random.default_rng(2)
    rows = rng.integers(EST + GAP + 5, T - 5, args.events)
    cols = rng.integers(0, S, args.events)

    secs, res = run_evlens(r, m, rows, cols)
    print(
        f"evlens: {args.events:,} events, estimation {EST} days, window {WINDOW}: "
        f"{secs:.3f} s (best of 3, one core) = {secs / args.events * 1e6:.1f} us/event "
        f"[{'PASS' if secs < 2.0 else 'FAIL'}: limit 2 s]"
    )
    print(f"        {res.n_included:,} events tested; window CAAR t = {res.window.stats['t_test']:.3f}")
    part = run_evlens_per_event(r, m, rows, cols)
    print(
        f"        of which per-event quantities only (fit, AR, CAR, t, BHAR): {part:.3f} s "
        f"= {part / args.events * 1e6:.1f} us/event"
    )

    k = min(args.subset, args.events)
    sub_r, sub_c = rows[:k], cols[:k]
    # complete data for the comparison, since eventstudy has no missing-data rule
    clean = np.nan_to_num(r)
    _ev_secs, ev_res = run_evlens(clean, m, sub_r, sub_c)
    ours = np.array([e.car for e in ev_res.events])
    per_ours = secs / args.events

    loop_secs, loop_cars = loop_reference(clean, m, sub_r, sub_c)
    per_loop = loop_secs / k
    print(
        f"per-event NumPy loop (lstsq fit and CAR only): {k} events in {loop_secs:.3f} s = "
        f"{per_loop * 1e6:.1f} us/event; ratio loop / evlens per-event part = "
        f"{per_loop / (part / args.events):.1f}; "
        f"max |CAR difference| {np.max(np.abs(loop_cars - ours)):.2e}"
    )

    es_secs, es_cars, status = eventstudy_reference(r, m, sub_r, sub_c)
    if es_secs is None:
        print(status)
    else:
        per_es = es_secs / k
        print(
            f"eventstudy {_version()}: {k} events in {es_secs:.3f} s = {per_es * 1e6:.1f} us/event; "
            f"ratio eventstudy / evlens full study = {per_es / per_ours:.1f} per event "
            f"(10,000 events would take it about {per_es * args.events:.0f} s); "
            f"max |CAR difference| {np.max(np.abs(es_cars - ours)):.2e}"
        )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("eventstudy")
    except Exception:
        return "?"


if __name__ == "__main__":
    main()
