"""The event-study engine: arrays in, :class:`EventStudyResult` out, vectorised over events.

Two entry points:

- :func:`gather` cuts each event's estimation and event windows out of a panel of returns
  (rows: sessions of one calendar, columns: securities) with one fancy-indexing step;
- :func:`event_study` fits the normal-return model, computes per-event AR, CAR, CAR t and
  BHAR, and the tests across events (:mod:`evlens.events.statistics`).

Variance comes from the estimation window only: ``s_i^2`` is computed from estimation-day
abnormal returns and the event-window returns never enter it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import stats as sps

from . import models
from . import statistics as st
from .results import TESTS, EventResult, EventStudyResult, TestRow
from .spec import StudySpec


@dataclass(frozen=True)
class EventMeta:
    """What identifies one event in the output. Events are keyed one by one, never pooled
    by security: two events of one firm are two rows."""

    key: str
    ticker: str
    event_date: str
    day0: date | None = None
    label: str | None = None
    source: str | None = None
    facts: tuple[str, ...] = ()


def offsets(spec: StudySpec) -> tuple[np.ndarray, np.ndarray]:
    """Relative days of the estimation window and of the event window."""
    e0, e1 = spec.estimation_days
    return np.arange(e0, e1 + 1), np.arange(spec.window[0], spec.window[1] + 1)


def gather(values: np.ndarray, rows: np.ndarray, cols: np.ndarray, rel: np.ndarray) -> np.ndarray:
    """``out[i, j] = values[rows[i] + rel[j], cols[i]]``, NaN where that row is outside the
    panel. ``rows`` are the panel rows of day 0, ``cols`` the security columns."""
    values = np.asarray(values, dtype=float)
    n_rows, n_cols = values.shape
    idx = np.asarray(rows)[:, None] + np.asarray(rel)[None, :]
    inside = (idx >= 0) & (idx < n_rows)
    all_inside = bool(inside.all())
    if not all_inside:
        idx = np.clip(idx, 0, n_rows - 1)
    flat = idx * n_cols + np.asarray(cols)[:, None]
    out = np.take(values.ravel(), flat)
    return out if all_inside else np.where(inside, out, np.nan)


@dataclass(frozen=True)
class Arrays:
    """Everything the engine computes, as arrays (one row per event)."""

    fit: models.Fit
    ar: np.ndarray
    sar: np.ndarray
    included: np.ndarray
    car: np.ndarray
    car_t: np.ndarray
    car_p: np.ndarray
    bhar: np.ndarray
    df: np.ndarray


def compute(
    spec: StudySpec, est_y: np.ndarray, est_x: np.ndarray | None, evt_y: np.ndarray, evt_x: np.ndarray | None
) -> Arrays:
    """Per-event quantities for all events at once (see the module docstring)."""
    est_y = np.atleast_2d(np.asarray(est_y, dtype=float))
    evt_y = np.atleast_2d(np.asarray(evt_y, dtype=float))
    f = models.fit(spec, est_y, est_x)
    ar_all = models.abnormal(spec, f, evt_y, evt_x)
    with np.errstate(invalid="ignore"):
        included = (f.n >= spec.min_valid) & np.isfinite(f.sigma2) & (f.sigma2 > 0)
    ar = np.where(included[:, None], ar_all, np.nan)
    present = np.isfinite(ar)
    compat = spec.estudy2_compat
    c = models.prediction_factor(spec, f, evt_x, ar.shape, all_market_days=compat)
    with np.errstate(invalid="ignore", divide="ignore"):
        sar = ar / np.sqrt(f.sigma2[:, None] * c)
        k = present.sum(axis=1)
        car = np.where(k > 0, np.where(present, ar, 0.0).sum(axis=1), np.nan)
        var_car = models.car_variance(spec, f, evt_x, present)
        car_t = car / np.sqrt(var_car)
        df = f.n - spec.parameters
        car_p = 2.0 * sps.t.sf(np.abs(car_t), np.where(df > 0, df, np.nan))
        norm = models.normal(spec, f, evt_x, ar.shape)
        y = np.where(present, evt_y, 0.0)
        nr = np.where(present, norm, 0.0)
        if spec.log_returns:
            bhar = np.exp(y.sum(axis=1)) - np.exp(nr.sum(axis=1))
        else:
            bhar = np.prod(1.0 + y, axis=1) - np.prod(1.0 + nr, axis=1)
    bhar = np.where(k > 0, bhar, np.nan)
    return Arrays(f, ar, sar, included, car, car_t, car_p, bhar, df)


def _row(
    day: int | None, n: int, mean: float, caar: float | None, values: dict[str, tuple[float, float]]
) -> TestRow:
    return TestRow(
        day=day,
        n=int(n),
        mean=float(mean),
        caar=None if caar is None else float(caar),
        stats={t: float(values[t][0]) if t in values else None for t in TESTS},
        p_values={t: float(values[t][1]) if t in values else None for t in TESTS},
    )


def _cross_correlation(
    est: np.ndarray,
    inc: np.ndarray,
    est_keys: np.ndarray | None,
    evt_keys: np.ndarray | None,
    kolari_pynnonen: bool,
    notes: list[str],
) -> tuple[float, float] | None:
    """The Kolari-Pynnönen average cross-correlation (daily, window) of the included
    events' estimation residuals ``est``, or None with a note saying why it is skipped."""
    if kolari_pynnonen and est_keys is not None and evt_keys is not None:
        return st.average_cross_correlation(est, np.asarray(est_keys)[inc], np.asarray(evt_keys)[inc])
    if kolari_pynnonen:
        notes.append("Kolari-Pynnönen adjustment needs the calendar days of the windows; skipped")
    else:
        notes.append("Kolari-Pynnönen adjustment not asked for; skipped")
    return None


def _daily_rows(
    days: tuple[int, ...],
    ar: np.ndarray,
    sar: np.ndarray,
    est: np.ndarray,
    sigma2: np.ndarray,
    df: np.ndarray,
    bw_df: float,
    p_hat: float,
    ranks: tuple[st.Stat, st.Stat],
    r_bar: tuple[float, float] | None,
) -> list[TestRow]:
    """One row of tests for each event day, across the included events; ``ranks``: the
    daily Corrado and modified rank tests."""
    n_t = np.isfinite(ar).sum(axis=0)
    aar = st.mean_across(ar)
    caar = np.nancumsum(aar)
    daily: dict[str, tuple[np.ndarray, np.ndarray]] = {
        "t_test": st.t_test(ar),
        "brown_warner_1980": st.brown_warner_1980(ar, sigma2, bw_df),
        "brown_warner_1985": st.brown_warner_1985(ar, est),
        "patell": st.patell(sar, df),
        "bmp": st.bmp(sar),
        "corrado_rank": ranks[0],
        "modified_rank": ranks[1],
        "sign": st.sign_test(ar),
        "generalized_sign": st.generalized_sign(ar, p_hat),
    }
    if r_bar is not None:
        daily["patell_kp"] = st.kolari_pynnonen(daily["patell"][0], n_t, r_bar[0])
        daily["bmp_kp"] = st.kolari_pynnonen(daily["bmp"][0], n_t, r_bar[0])
    return [
        _row(d, n_t[j], aar[j], caar[j], {k: (v[0][j], v[1][j]) for k, v in daily.items()})
        for j, d in enumerate(days)
    ]


def _window_row(
    w: int,
    arr: Arrays,
    inc: np.ndarray,
    ar: np.ndarray,
    est: np.ndarray,
    sigma2: np.ndarray,
    df: np.ndarray,
    bw_df: float,
    p_hat: float,
    ranks: tuple[st.Stat, st.Stat],
    r_bar: tuple[float, float] | None,
) -> TestRow:
    """The tests on the whole event window of ``w`` days (CAR), across the included events
    ``inc``; ``ranks``: the window's Corrado and modified rank tests."""
    car = arr.car[inc][:, None]
    k = np.isfinite(ar).sum(axis=1).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        scar = arr.car_t[inc][:, None]
    n_w = int(np.isfinite(car).sum())
    win: dict[str, tuple[np.ndarray, np.ndarray]] = {
        "t_test": st.t_test(car),
        "brown_warner_1980": st.brown_warner_1980(car, sigma2 * k, bw_df),
        "brown_warner_1985": st.brown_warner_1985(car, est, scale=np.sqrt(w)),
        "patell": st.patell(scar, df),
        "bmp": st.bmp(scar),
        "corrado_rank": ranks[0],
        "modified_rank": ranks[1],
        "sign": st.sign_test(car),
        "generalized_sign": st.generalized_sign(car, p_hat),
    }
    if r_bar is not None:
        win["patell_kp"] = st.kolari_pynnonen(win["patell"][0], np.array([n_w]), r_bar[1])
        win["bmp_kp"] = st.kolari_pynnonen(win["bmp"][0], np.array([n_w]), r_bar[1])
    flat = {key: (np.ravel(v[0])[0], np.ravel(v[1])[0]) for key, v in win.items()}
    return _row(None, n_w, float(np.nanmean(car)) if n_w else np.nan, None, flat)


def tests(
    spec: StudySpec,
    arr: Arrays,
    est_keys: np.ndarray | None = None,
    evt_keys: np.ndarray | None = None,
    kolari_pynnonen: bool = True,
) -> tuple[list[TestRow], TestRow, tuple[float, float] | None, float | None, list[str]]:
    """Daily and window tests across the included events; the Kolari-Pynnönen adjusted
    tests whenever ``kolari_pynnonen`` and the calendar days of the windows are given."""
    notes: list[str] = []
    inc = arr.included
    ar = arr.ar[inc]
    est = arr.fit.residuals[inc]
    sigma2 = arr.fit.sigma2[inc]
    df = arr.df[inc]
    days = spec.event_days
    if ar.shape[0] == 0:
        empty = dict.fromkeys(TESTS, (np.nan, np.nan))
        rows = [_row(d, 0, np.nan, np.nan, empty) for d in days]
        return rows, _row(None, 0, np.nan, np.nan, empty), None, None, ["no event could be tested"]

    r_bar = _cross_correlation(est, inc, est_keys, evt_keys, kolari_pynnonen, notes)
    bw_df = float(arr.fit.n[inc].mean()) - 1.0
    p_hat = st.positive_share(est)
    ranks = st.rank_matrix(est, ar)
    (rank_d, rank_w) = st.corrado_rank(est, ar, spec.estudy2_compat, ranks=ranks)
    (mrank_d, mrank_w) = st.modified_rank(est, ar, spec.estudy2_compat, ranks=ranks)
    rows = _daily_rows(days, ar, arr.sar[inc], est, sigma2, df, bw_df, p_hat, (rank_d, mrank_d), r_bar)
    window_row = _window_row(len(days), arr, inc, ar, est, sigma2, df, bw_df, p_hat, (rank_w, mrank_w), r_bar)
    return rows, window_row, r_bar, p_hat, notes


def _event_note(spec: StudySpec, arr: Arrays, i: int) -> str | None:
    """Why event ``i`` is left out of the tests, or which of its days have no return."""
    if not arr.included[i]:
        return f"{int(arr.fit.n[i])} valid estimation days (need {spec.min_valid})"
    if not np.isfinite(arr.ar[i]).all():
        missing = [str(d) for d, v in zip(spec.event_days, arr.ar[i]) if not np.isfinite(v)]
        return "no return on day(s) " + ", ".join(missing)
    return None


def _event_results(spec: StudySpec, arr: Arrays, meta: list[EventMeta]) -> list[EventResult]:
    """Each event's abnormal returns, CAR, BHAR and normal-return fit."""
    days = spec.event_days
    f = arr.fit
    out = []
    sigma = np.sqrt(f.sigma2)
    for i, m in enumerate(meta):
        inc = bool(arr.included[i])
        out.append(
            EventResult(
                key=m.key,
                ticker=m.ticker,
                label=m.label,
                event_date=m.event_date,
                day0=m.day0,
                ar={d: float(arr.ar[i, j]) for j, d in enumerate(days)},
                car=float(arr.car[i]),
                car_t=float(arr.car_t[i]),
                car_p=float(arr.car_p[i]),
                bhar=float(arr.bhar[i]),
                alpha=float(f.alpha[i]) if inc else None,
                beta=float(f.beta[i]) if inc else None,
                sigma=float(sigma[i]) if inc else None,
                estimation_days=int(f.n[i]),
                included=inc,
                note=_event_note(spec, arr, i),
                source=m.source,
                facts=m.facts,
            )
        )
    return out


def event_study(
    spec: StudySpec,
    est_y: np.ndarray,
    est_x: np.ndarray | None,
    evt_y: np.ndarray,
    evt_x: np.ndarray | None,
    *,
    meta: list[EventMeta] | None = None,
    est_keys: np.ndarray | None = None,
    evt_keys: np.ndarray | None = None,
    benchmark: str | None = None,
    kolari_pynnonen: bool = True,
    notes: list[str] | None = None,
) -> EventStudyResult:
    """Run the study on pre-cut windows (``n_events x L`` and ``n_events x W`` arrays).

    ``est_keys`` and ``evt_keys`` give a calendar-day number for every estimation and
    event-window cell, used to match days across events for the Kolari-Pynnönen
    correlation.
    """
    arr = compute(spec, est_y, est_x, evt_y, evt_x)
    n_events = arr.ar.shape[0]
    if meta is None:
        meta = [EventMeta(key=str(i), ticker="", event_date="") for i in range(n_events)]
    if len(meta) != n_events:
        raise ValueError("one EventMeta per event is needed")
    daily, window, r_bar, p_hat, test_notes = tests(spec, arr, est_keys, evt_keys, kolari_pynnonen)
    return EventStudyResult(
        spec=spec,
        benchmark=benchmark,
        events=tuple(_event_results(spec, arr, meta)),
        daily=tuple(daily),
        window=window,
        cross_correlation=None if r_bar is None else r_bar[0],
        cross_correlation_window=None if r_bar is None else r_bar[1],
        positive_share=p_hat,
        notes=tuple((notes or []) + test_notes),
    )


def event_study_panel(
    spec: StudySpec,
    returns: np.ndarray,
    market: np.ndarray | None,
    rows: np.ndarray,
    cols: np.ndarray,
    market_cols: np.ndarray | None = None,
    **kwargs,
) -> EventStudyResult:
    """Run the study on a panel: ``returns`` (sessions x securities), ``market`` (sessions x
    benchmarks, same sessions), day-0 row and security column of each event; the Kolari-
    Pynnönen days are the panel rows."""
    rows = np.asarray(rows)
    cols = np.asarray(cols)
    rel_est, rel_evt = offsets(spec)
    est_y = gather(returns, rows, cols, rel_est)
    evt_y = gather(returns, rows, cols, rel_evt)
    est_x = evt_x = None
    if market is not None:
        mc = np.zeros_like(cols) if market_cols is None else np.asarray(market_cols)
        est_x = gather(market, rows, mc, rel_est)
        evt_x = gather(market, rows, mc, rel_evt)
    kwargs.setdefault("est_keys", rows[:, None] + rel_est[None, :])
    kwargs.setdefault("evt_keys", rows[:, None] + rel_evt[None, :])
    return event_study(spec, est_y, est_x, evt_y, evt_x, **kwargs)
