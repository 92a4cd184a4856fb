"""The Kolari-Pynnönen average correlation against its definition as an N x N matrix, and
the adjusted tests present at every number of events."""

from __future__ import annotations

import numpy as np
import pytest

from evlens.events import StudySpec, event_study_panel
from evlens.events import statistics as st


def _dense(est_res, est_keys, evt_keys, min_overlap=10):
    """The definition written out: every pairwise correlation in one N x N matrix, then the
    weighted average of its off-diagonal entries."""
    ok = np.isfinite(est_res) & np.isfinite(est_keys)
    n_ev, w = evt_keys.shape
    rho = np.zeros((n_ev, n_ev))
    for i in range(n_ev):
        for j in range(n_ev):
            if i == j:
                continue
            ki = dict(zip(est_keys[i][ok[i]], est_res[i][ok[i]]))
            kj = dict(zip(est_keys[j][ok[j]], est_res[j][ok[j]]))
            common = sorted(set(ki) & set(kj))
            if len(common) < min_overlap:
                continue
            x = np.array([ki[d] for d in common])
            y = np.array([kj[d] for d in common])
            c = np.corrcoef(x, y)[0, 1]
            rho[i, j] = c if np.isfinite(c) else 0.0
    first = evt_keys[:, 0]
    same = (first[:, None] == first[None, :]) & np.isfinite(first)[:, None]
    share = np.zeros((n_ev, n_ev))
    for i in range(n_ev):
        for j in range(n_ev):
            a = set(evt_keys[i][np.isfinite(evt_keys[i])])
            b = set(evt_keys[j][np.isfinite(evt_keys[j])])
            share[i, j] = len(a & b) / w
    denom = n_ev * (n_ev - 1)
    return (rho * same).sum() / denom, (rho * share).sum() / denom


def _events(rng, n, days, spread, missing, gaps):
    """``n`` events with 40 estimation and 3 window days each on calendars of ``days``
    sessions; a session dropped from a calendar with probability ``gaps`` (another
    exchange's holidays); day 0 within ``spread`` sessions; residuals correlated through a
    common factor, NaN with probability ``missing``."""
    factor = rng.normal(0, 1, days + 60)
    est_res = np.empty((n, 40))
    est_keys = np.empty((n, 40))
    evt_keys = np.empty((n, 3))
    for i in range(n):
        cal = np.flatnonzero(rng.random(days + 60) >= gaps)
        d0 = 60 + int(rng.integers(0, spread))
        pos = np.searchsorted(cal, d0)
        est_keys[i] = cal[pos - 43 : pos - 3]
        evt_keys[i] = cal[pos - 1 : pos + 2]
        est_res[i] = 0.6 * factor[est_keys[i].astype(int)] + rng.normal(0, 1, 40)
    est_res[rng.random(est_res.shape) < missing] = np.nan
    est_keys[rng.random(est_keys.shape) < missing / 2] = np.nan
    evt_keys[rng.random(evt_keys.shape) < missing] = np.nan
    return est_res, est_keys, evt_keys


@pytest.mark.parametrize(
    "n, spread, missing, gaps",
    [
        (30, 1, 0.0, 0.0),  # a common event date
        (30, 1, 0.1, 0.05),  # a common date, missing returns, two calendars' sessions
        (60, 20, 0.05, 0.03),  # dates close together: windows overlap in part
        (60, 200, 0.05, 0.0),  # dates far apart: few pairs count
        (2, 1, 0.0, 0.0),
    ],
)
def test_average_correlation_equals_its_definition(n, spread, missing, gaps):
    rng = np.random.default_rng(n + spread)
    est_res, est_keys, evt_keys = _events(rng, n, 300, spread, missing, gaps)
    want = _dense(est_res, est_keys, evt_keys)
    for block in (1, 7, 128):
        got = st.average_cross_correlation(est_res, est_keys, evt_keys, block=block)
        assert got == pytest.approx(want, rel=1e-9, abs=1e-12)


def test_an_event_twice_and_an_event_without_window_days():
    rng = np.random.default_rng(3)
    est_res, est_keys, evt_keys = _events(rng, 3, 200, 1, 0.0, 0.0)
    est_res[1], est_keys[1], evt_keys[1] = est_res[0], est_keys[0], evt_keys[0]
    evt_keys[2] = np.nan
    r_daily, r_window = st.average_cross_correlation(est_res, est_keys, evt_keys)
    # the one pair that counts is perfectly correlated, in both orders, out of 3 x 2 pairs
    assert (r_daily, r_window) == pytest.approx((2 / 6, 2 / 6), rel=1e-12)
    assert st.average_cross_correlation(est_res[:1], est_keys[:1], evt_keys[:1]) == (0.0, 0.0)


def test_adjusted_tests_at_every_number_of_events():
    # 1,000 and 1,001 events: the same statistics, the adjustment in both, no note about it
    rng = np.random.default_rng(8)
    t, s = 900, 40
    m = rng.normal(0, 0.01, (t, 1))
    r = 1.1 * m + rng.normal(0, 0.01, (t, s))
    spec = StudySpec(window=(-1, 1), estimation=250, gap=10)
    for n in (1000, 1001):
        rows = rng.integers(300, t - 2, n)
        res = event_study_panel(spec, r, m, rows=rows, cols=rng.integers(0, s, n))
        assert res.cross_correlation is not None and res.cross_correlation_window is not None
        assert np.isfinite(res.window.stats["bmp_kp"]) and np.isfinite(res.daily[1].stats["patell_kp"])
        assert not [x for x in res.notes if "Kolari" in x]
