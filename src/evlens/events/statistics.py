"""Tests across events: does the average abnormal return differ from zero?

All functions are pure and vectorised. Arrays have one row per event and one column per
relative day; missing abnormal returns are NaN and an event only counts on the days it
has one (``N_t`` below). Notation: ``A_it`` abnormal return of event ``i`` on day ``t``,
``s_i^2`` its variance from the estimation window only, ``SAR_it = A_it / (s_i sqrt(C_it))``
its standardised abnormal return with the prediction-error factor ``C_it``.

Each function returns ``(statistic, p_value)``, two-sided p-values, from Student's t where
the statistic is a t-ratio and from the standard normal otherwise.

References: Brown and Warner (1980, 1985); Patell (1976); Boehmer, Musumeci and Poulsen
(1991); Kolari and Pynnönen (2010); Corrado (1989); Campbell and Wasley (1993);
Cowan (1992).
"""

from __future__ import annotations

import numpy as np
from scipy import stats

Stat = tuple[np.ndarray, np.ndarray]


def _count(a: np.ndarray) -> np.ndarray:
    return np.isfinite(a).sum(axis=0)


def _nan_where(cond: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.where(cond, np.nan, x)


def _t_p(stat: np.ndarray, df: np.ndarray | float) -> np.ndarray:
    df = np.asarray(df, dtype=float)
    with np.errstate(invalid="ignore"):
        p = 2.0 * stats.t.sf(np.abs(stat), np.where(df > 0, df, np.nan))
    return p


def _z_p(stat: np.ndarray) -> np.ndarray:
    return 2.0 * stats.norm.sf(np.abs(stat))


def _nanmean0(a: np.ndarray) -> np.ndarray:
    n = _count(a)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _nan_where(n == 0, np.where(np.isfinite(a), a, 0.0).sum(axis=0) / n)


def _nanstd0(a: np.ndarray) -> np.ndarray:
    n = _count(a)
    m = _nanmean0(a)
    with np.errstate(invalid="ignore", divide="ignore"):
        ss = np.where(np.isfinite(a), (a - m) ** 2, 0.0).sum(axis=0)
        return _nan_where(n < 2, np.sqrt(ss / (n - 1)))


def mean_across(a: np.ndarray) -> np.ndarray:
    """Average across events, day by day: ``AAR_t = (1/N_t) sum_i A_it``."""
    return _nanmean0(np.asarray(a, dtype=float))


def t_test(a: np.ndarray) -> Stat:
    """Cross-sectional t-test: ``AAR_t / (sd_t / sqrt(N_t))``, ``sd_t`` the cross-sectional
    standard deviation (``N_t - 1`` divisor); Student's t with ``N_t - 1`` degrees of freedom.
    Uses event-window data only, so it is robust to event-induced variance."""
    a = np.asarray(a, dtype=float)
    n = _count(a)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = _nanmean0(a) / (_nanstd0(a) / np.sqrt(n))
    return stat, _t_p(stat, n - 1)


def brown_warner_1980(a: np.ndarray, sigma2: np.ndarray, df: float) -> Stat:
    """Brown-Warner (1980), independence across events:
    ``AAR_t / (sqrt(sum_i s_i^2) / N_t)``, the sum over the events present on day ``t``;
    ``s_i^2`` from each event's estimation window. Student's t with ``df`` (the mean
    estimation length minus one, as estudy2)."""
    a = np.asarray(a, dtype=float)
    present = np.isfinite(a)
    n = present.sum(axis=0)
    var_sum = np.where(present, np.asarray(sigma2, dtype=float)[:, None], 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = _nan_where(n == 0, _nanmean0(a) / (np.sqrt(var_sum) / n))
    return stat, _t_p(stat, df)


def brown_warner_1985(a: np.ndarray, est_a: np.ndarray, scale: float = 1.0) -> Stat:
    """Brown-Warner (1985) "crude dependence adjustment": ``AAR_t / S`` with ``S`` the
    time-series standard deviation (``T - 1`` divisor) of the average abnormal return over
    the ``T`` estimation days, which absorbs cross-event correlation. ``scale`` multiplies
    ``S`` (``sqrt(W)`` for a ``W``-day cumulative average). Student's t with ``T - 1``."""
    est_aar = _nanmean0(np.asarray(est_a, dtype=float))
    est_aar = est_aar[np.isfinite(est_aar)]
    if est_aar.size < 2:
        nan = np.full(np.asarray(a).shape[1:], np.nan)
        return nan, nan
    s = np.std(est_aar, ddof=1) * scale
    stat = _nanmean0(np.asarray(a, dtype=float)) / s
    return stat, _t_p(stat, est_aar.size - 1)


def patell(sar: np.ndarray, df: np.ndarray) -> Stat:
    """Patell (1976) standardised-residual test:
    ``Z_t = sum_i SAR_it / sqrt(sum_i df_i / (df_i - 2))`` over the events present on day
    ``t``, since ``SAR_it`` follows Student's t with ``df_i`` (valid estimation days minus
    the model's parameters) degrees of freedom. Standard normal."""
    sar = np.asarray(sar, dtype=float)
    present = np.isfinite(sar)
    df = np.asarray(df, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        w = np.where(df > 2, df / (df - 2), np.nan)
        var = np.where(present, w[:, None], 0.0).sum(axis=0)
        total = np.where(present, sar, 0.0).sum(axis=0)
        stat = _nan_where(present.sum(axis=0) == 0, total / np.sqrt(var))
    return stat, _z_p(stat)


def bmp(sar: np.ndarray) -> Stat:
    """Boehmer, Musumeci and Poulsen (1991): the cross-sectional t-test applied to the
    standardised abnormal returns, ``mean(SAR_t) / (sd(SAR_t) / sqrt(N_t))``; robust to
    event-induced variance. Student's t with ``N_t - 1``."""
    return t_test(sar)


def _on_days(values: np.ndarray, days: np.ndarray, valid: np.ndarray, first: int, n_days: int) -> np.ndarray:
    """Days x events matrix of the events' ``values`` on days ``first .. first + n_days - 1``
    (``days``: the day number of each cell, read where ``valid``); 0 where an event has none."""
    out = np.zeros((n_days, days.shape[0]))
    rows, cols = np.nonzero(valid)
    out[days[rows, cols] - first, rows] = values[rows, cols]
    return out


def _day_numbers(keys: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Each valid cell's calendar day as its position among all the days that occur (0, 1,
    ...), so that matrices over days have no row for a day no event has; -1 elsewhere."""
    out = np.full(keys.shape, -1, dtype=np.int64)
    out[valid] = np.searchsorted(np.unique(keys[valid]), keys[valid])
    return out


def _correlation_block(
    res: np.ndarray, days: np.ndarray, ok: np.ndarray, a: np.ndarray, b: np.ndarray, min_overlap: int
) -> np.ndarray:
    """Correlations ``rho_ij`` of events ``a`` (rows) with events ``b`` (columns) over the
    days both have (``days`` from :func:`_day_numbers`; pairwise-complete means and
    variances); 0 when a pair shares fewer than ``min_overlap`` days. ``i == j`` gives 1
    (callers leave the diagonal out)."""
    used = np.concatenate([days[a][ok[a]], days[b][ok[b]]])
    if used.size == 0:
        return np.zeros((a.size, b.size))
    first, n_days = int(used.min()), int(used.max() - used.min()) + 1
    ones_a, ones_b = np.ones((a.size, days.shape[1])), np.ones((b.size, days.shape[1]))
    ma, mb = _on_days(ones_a, days[a], ok[a], first, n_days), _on_days(ones_b, days[b], ok[b], first, n_days)
    za, zb = _on_days(res[a], days[a], ok[a], first, n_days), _on_days(res[b], days[b], ok[b], first, n_days)
    n_ij = ma.T @ mb
    sx = za.T @ mb  # sum of event i's values over the days it shares with j
    sy = ma.T @ zb  # and of event j's
    sxx = (za * za).T @ mb
    syy = ma.T @ (zb * zb)
    sxy = za.T @ zb
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = sxy - sx * sy / n_ij
        rho = cov / np.sqrt((sxx - sx * sx / n_ij) * (syy - sy * sy / n_ij))
    return np.where((n_ij >= min_overlap) & np.isfinite(rho), rho, 0.0)


def average_cross_correlation(
    est_res: np.ndarray, est_keys: np.ndarray, evt_keys: np.ndarray, min_overlap: int = 10, block: int = 128
) -> tuple[float, float]:
    """Average correlation of the abnormal returns that the tests add up, for Kolari and
    Pynnönen's (2010) adjustment: ``r = sum_{i != j} rho_ij w_ij / (N (N - 1))``.

    ``rho_ij`` is the correlation of events ``i`` and ``j``'s estimation-window abnormal
    returns (``est_res``) over the calendar days both have (``est_keys``: a day number per
    cell; pairwise-complete means and variances), 0 when they share fewer than
    ``min_overlap`` such days.

    Abnormal returns of two events are only correlated when they fall on the same calendar
    day, so the weight ``w_ij`` is, for the daily tests, 1 when the events' first window
    days (``evt_keys``) coincide (0 otherwise), and for the window test the share of the
    ``W`` window days they have in common. With a common event date (the setting of the
    paper) both reduce to the plain average correlation; events of one firm months apart
    do not count as correlated merely because their estimation windows overlap. Returns
    ``(r_daily, r_window)``.

    Computation: the same sum for every number of events, over the pairs whose event
    windows share a day only (every other pair weighs 0). Events sorted by their first
    window day, each ``block`` of them is correlated with the later events whose window
    starts by the end of the block's windows, so the work is ``N`` times the number of
    events whose windows meet (all ``N`` for a common event date, a few for events spread
    over time), and no ``N x N`` matrix is ever formed.
    """
    est_res = np.asarray(est_res, dtype=float)
    est_keys = np.asarray(est_keys, dtype=float)
    evt_keys = np.asarray(evt_keys, dtype=float)
    n_ev, w = evt_keys.shape
    if n_ev < 2:
        return 0.0, 0.0
    ok = np.isfinite(est_res) & np.isfinite(est_keys)
    est_days = _day_numbers(est_keys, ok)
    evt_ok = np.isfinite(evt_keys)
    evt_days = _day_numbers(evt_keys, evt_ok)
    dated = np.flatnonzero(evt_ok.any(axis=1))  # an event without window days shares none
    lo = np.nanmin(evt_keys[dated], axis=1)
    hi = np.nanmax(evt_keys[dated], axis=1)
    order = np.argsort(lo, kind="stable")
    ev, lo, hi = dated[order], lo[order], hi[order]
    first = evt_keys[ev, 0]
    total_daily = total_window = 0.0
    for start in range(0, ev.size, block):
        stop = min(start + block, ev.size)
        end = int(np.searchsorted(lo, hi[start:stop].max(), side="right"))  # windows starting by then
        a, b = ev[start:stop], ev[start:end]
        rho = np.triu(_correlation_block(est_res, est_days, ok, a, b, min_overlap), k=1)  # pairs once
        d0 = int(evt_days[a][evt_ok[a]].min())
        span = int(evt_days[b][evt_ok[b]].max()) - d0 + 1
        ea = _on_days(np.ones((a.size, w)), evt_days[a], evt_ok[a], d0, span)
        eb = _on_days(np.ones((b.size, w)), evt_days[b], evt_ok[b], d0, span)
        fa, fb = first[start:stop], first[start:end]
        same = (fa[:, None] == fb[None, :]) & np.isfinite(fa)[:, None]
        total_daily += float((rho * same).sum())
        total_window += float((rho * ((ea.T @ eb) / w)).sum())
    denom = n_ev * (n_ev - 1)
    return 2.0 * total_daily / denom, 2.0 * total_window / denom


def kolari_pynnonen(stat: np.ndarray, n: np.ndarray, r: float) -> Stat:
    """Kolari-Pynnönen (2010) adjustment for cross-correlation of abnormal returns:
    ``Z_adj = Z * sqrt((1 - r) / (1 + (N - 1) r))`` with ``r`` the average cross-correlation
    of the estimation-window abnormal returns. Standard normal."""
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore"):
        adj = np.asarray(stat, dtype=float) * np.sqrt((1.0 - r) / (1.0 + (n - 1.0) * r))
    return adj, _z_p(adj)


def sign_test(a: np.ndarray) -> Stat:
    """Sign test: ``(w_t - N_t/2) / sqrt(N_t/4)`` with ``w_t`` the number of positive
    abnormal returns; standard normal."""
    a = np.asarray(a, dtype=float)
    n = _count(a)
    w = (np.where(np.isfinite(a), a, 0.0) > 0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = _nan_where(n == 0, (w - 0.5 * n) / np.sqrt(0.25 * n))
    return stat, _z_p(stat)


def positive_share(est_a: np.ndarray) -> float:
    """Share ``p`` of positive abnormal returns over all events' estimation days, pooled."""
    est_a = np.asarray(est_a, dtype=float)
    ok = np.isfinite(est_a)
    return float((est_a[ok] > 0).mean()) if ok.any() else float("nan")


def generalized_sign(a: np.ndarray, p: float) -> Stat:
    """Generalized sign test (Cowan 1992): ``(w_t - N_t p) / sqrt(N_t p (1 - p))`` with ``p``
    the share of positive abnormal returns in the estimation windows
    (:func:`positive_share`); standard normal."""
    a = np.asarray(a, dtype=float)
    n = _count(a)
    w = (np.where(np.isfinite(a), a, 0.0) > 0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = _nan_where(n == 0, (w - n * p) / np.sqrt(n * p * (1.0 - p)))
    return stat, _z_p(stat)


def rank_matrix(est_a: np.ndarray, a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ranks of each event's abnormal returns over its estimation and event days together
    (average ranks for ties, NaN kept), and the number of valid days per event."""
    full = np.concatenate([np.asarray(est_a, dtype=float), np.asarray(a, dtype=float)], axis=1)
    ranks = stats.rankdata(full, axis=1, nan_policy="omit")
    n = np.isfinite(full).sum(axis=1).astype(float)
    return ranks, n, np.isfinite(full)


def _cross_sums(x: np.ndarray, present: np.ndarray, compat: bool) -> tuple[np.ndarray, np.ndarray]:
    n_t = present.sum(axis=0).astype(float)
    total = np.where(present, x, 0.0).sum(axis=0)
    if compat:  # estudy2: mean over present events times the number of events
        with np.errstate(invalid="ignore", divide="ignore"):
            total = total / n_t * x.shape[0]
    return _nan_where(n_t == 0, total), n_t


def corrado_rank(
    est_a: np.ndarray,
    a: np.ndarray,
    compat: bool = False,
    ranks: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> tuple[Stat, Stat]:
    """Corrado (1989) rank test. ``K_it`` ranks event ``i``'s abnormal returns over its
    ``n_i`` valid estimation-and-event days; ``D_t = (1/N_t) sum_i (K_it - (n_i + 1)/2)``;
    ``S_K = sqrt((1/T) sum_t D_t^2)`` over all ``T`` days of the combined window (``T``: the
    mean number of valid days per event). Daily statistic ``D_t / S_K``; the window
    statistic (Cowan 1992) ``sum_{t in window} D_t / (sqrt(W) S_K)``. Standard normal.
    Returns ``((daily, p), (window, p))``.

    ``compat`` reproduces estudy2's scaling of ``sum_i`` as ``N * mean_i`` on days with
    missing returns. ``ranks`` may pass in :func:`rank_matrix` computed once for both rank tests."""
    k, n_i, present = ranks if ranks is not None else rank_matrix(est_a, a)
    centred = k - (n_i[:, None] + 1.0) / 2.0
    total, n_t = _cross_sums(centred, present, compat)
    with np.errstate(invalid="ignore", divide="ignore"):
        d = total / n_t
        s_k = np.sqrt(np.nansum(d * d) / n_i.mean())
    w = np.asarray(a).shape[1]
    daily = d[-w:] / s_k
    window = np.nansum(d[-w:]) / (np.sqrt(w) * s_k)
    return (daily, _z_p(daily)), (np.asarray(window), _z_p(np.asarray(window)))


def modified_rank(
    est_a: np.ndarray,
    a: np.ndarray,
    compat: bool = False,
    ranks: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> tuple[Stat, Stat]:
    """Modified rank test for missing returns (Campbell and Wasley 1993; Cowan 1992;
    Kolari and Pynnönen 2011): standardised ranks ``U_it = K_it / (n_i + 1)``,
    ``Q_t = (1/sqrt(N_t)) sum_i (U_it - 1/2)``, ``S_U = sqrt((1/T) sum_t Q_t^2)`` over the
    combined window (``T`` the mean number of valid days per event). Daily statistic
    ``Q_t / S_U``; window statistic ``sum_{t in window} Q_t / (sqrt(W) S_U)``. Standard
    normal. ``compat`` and ``ranks`` as in :func:`corrado_rank`."""
    k, n_i, present = ranks if ranks is not None else rank_matrix(est_a, a)
    u = k / (n_i[:, None] + 1.0) - 0.5
    total, n_t = _cross_sums(u, present, compat)
    with np.errstate(invalid="ignore", divide="ignore"):
        q = total / np.sqrt(n_t)
        s_u = np.sqrt(np.nansum(q * q) / n_i.mean())
    w = np.asarray(a).shape[1]
    daily = q[-w:] / s_u
    window = np.nansum(q[-w:]) / (np.sqrt(w) * s_u)
    return (daily, _z_p(daily)), (np.asarray(window), _z_p(np.asarray(window)))
