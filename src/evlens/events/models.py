"""Normal-return models fitted on the estimation window, for many events at once.

Every array has one row per event: ``est_y``/``est_x`` hold the security's and the
benchmark's returns on the estimation days (``n_events x L``), ``evt_y``/``evt_x`` on the
event days (``n_events x W``). Missing returns are NaN. A day enters the fit only when
every return the model needs is present ("complete cases").

Models (``R`` security return, ``M`` benchmark return, ``e`` abnormal return):

- market:          ``R_t = alpha + beta * M_t + e_t``, alpha and beta by OLS;
- market-adjusted: ``e_t = R_t - M_t`` (alpha = 0, beta = 1, nothing estimated);
- constant-mean:   ``e_t = R_t - mean(R)`` over the estimation window.

The abnormal-return variance of an event is ``s^2 = sum((e - mean(e))^2) / (n - ddof)``
over its ``n`` valid estimation days, and nothing from the event window enters it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .spec import StudySpec


@dataclass(frozen=True)
class Fit:
    """Per-event estimates, each an array of length ``n_events``.

    ``m_mean`` and ``m_ss`` are the benchmark's mean and sum of squared deviations over the
    valid estimation days (used for the prediction-error correction); ``m_mean_all`` and
    ``m_ss_all`` the same over every benchmark day of the window, whether or not the
    security traded (estudy2's convention).
    """

    alpha: np.ndarray
    beta: np.ndarray
    sigma2: np.ndarray
    n: np.ndarray
    m_mean: np.ndarray
    m_ss: np.ndarray
    m_mean_all: np.ndarray
    m_ss_all: np.ndarray
    residuals: np.ndarray  # n_events x L, NaN off the valid days


def _rowdot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", a, b)


def fit(spec: StudySpec, est_y: np.ndarray, est_x: np.ndarray | None) -> Fit:
    """Fit ``spec.model`` to every event's estimation window (vectorised over events).

    OLS from centred cross-moments over the valid days: ``beta = S_xy / S_xx``,
    ``alpha = mean(y) - beta * mean(x)``.
    """
    est_y = np.asarray(est_y, dtype=float)
    if spec.needs_benchmark:
        if est_x is None:
            raise ValueError(f"model {spec.model!r} needs benchmark returns")
        est_x = np.asarray(est_x, dtype=float)
        valid = np.isfinite(est_y) & np.isfinite(est_x)
    else:
        valid = np.isfinite(est_y)
        est_x = np.full_like(est_y, np.nan) if est_x is None else np.asarray(est_x, dtype=float)
    n = valid.sum(axis=1).astype(float)
    y0 = np.where(valid, est_y, 0.0)
    x0 = np.where(valid, est_x, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        y_mean = y0.sum(axis=1) / n
        x_mean = x0.sum(axis=1) / n
        dx = np.where(valid, x0 - x_mean[:, None], 0.0)
        m_ss = _rowdot(dx, dx)
        if spec.estudy2_compat:
            x_ok = np.isfinite(est_x)
            n_x = x_ok.sum(axis=1).astype(float)
            xa = np.where(x_ok, est_x, 0.0)
            x_mean_all = xa.sum(axis=1) / n_x
            dxa = np.where(x_ok, xa - x_mean_all[:, None], 0.0)
            m_ss_all = _rowdot(dxa, dxa)
        else:
            x_mean_all, m_ss_all = x_mean, m_ss
        if spec.model == "market":
            beta = _rowdot(dx, y0) / m_ss
            alpha = y_mean - beta * x_mean
            resid0 = y0 - alpha[:, None] - beta[:, None] * x0
        elif spec.model == "market-adjusted":
            beta = np.ones_like(n)
            alpha = np.zeros_like(n)
            resid0 = y0 - x0
        else:
            beta = np.zeros_like(n)
            alpha = y_mean
            resid0 = y0 - alpha[:, None]
        resid0 = np.where(valid, resid0, 0.0)
        r_sum = resid0.sum(axis=1)
        sq = _rowdot(resid0, resid0) - r_sum * r_sum / n  # sum((e - mean(e))^2)
        sigma2 = sq / (n - spec.ddof)
    resid = np.where(valid, resid0, np.nan)
    sigma2 = np.where(n > spec.ddof, sigma2, np.nan)
    return Fit(alpha, beta, sigma2, n, x_mean, m_ss, x_mean_all, m_ss_all, resid)


def abnormal(spec: StudySpec, f: Fit, y: np.ndarray, x: np.ndarray | None) -> np.ndarray:
    """Abnormal returns ``R_t - alpha - beta * M_t`` on any days (NaN where data are missing)."""
    y = np.asarray(y, dtype=float)
    if spec.model == "constant-mean":
        return y - f.alpha[:, None]
    x = np.asarray(x, dtype=float)
    return y - f.alpha[:, None] - f.beta[:, None] * x


def normal(spec: StudySpec, f: Fit, x: np.ndarray | None, shape: tuple[int, int]) -> np.ndarray:
    """Normal (expected) returns ``alpha + beta * M_t`` on the event days."""
    if spec.model == "constant-mean":
        return np.broadcast_to(f.alpha[:, None], shape).astype(float)
    x = np.asarray(x, dtype=float)
    return f.alpha[:, None] + f.beta[:, None] * x


def prediction_factor(
    spec: StudySpec, f: Fit, x: np.ndarray | None, shape: tuple[int, int], all_market_days: bool = False
) -> np.ndarray:
    """Variance inflation of an out-of-sample abnormal return, ``Var(e_t) = s^2 * C_t``.

    market: ``C_t = 1 + 1/n + (M_t - mean(M))^2 / sum((M - mean(M))^2)``;
    constant-mean: ``C_t = 1 + 1/n``; market-adjusted: ``C_t = 1``.
    """
    if spec.model == "market-adjusted":
        return np.ones(shape)
    if spec.model == "constant-mean":
        return np.broadcast_to((1.0 + 1.0 / f.n)[:, None], shape).copy()
    m_mean = f.m_mean_all if all_market_days else f.m_mean
    m_ss = f.m_ss_all if all_market_days else f.m_ss
    x = np.asarray(x, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return 1.0 + 1.0 / f.n[:, None] + (x - m_mean[:, None]) ** 2 / m_ss[:, None]


def car_variance(spec: StudySpec, f: Fit, x: np.ndarray | None, present: np.ndarray) -> np.ndarray:
    """Variance of the CAR over the event days on which an abnormal return is present.

    With ``k`` such days and ``D = sum(M_t - mean(M))`` over them, the prediction errors
    of the market model give ``Var(CAR) = s^2 * (k + k^2/n + D^2 / sum((M - mean(M))^2))``
    (MacKinlay 1997, eq. 10 summed over the window); constant-mean: ``s^2 (k + k^2/n)``;
    market-adjusted: ``s^2 k``. ``s^2`` comes from the estimation window only.
    """
    k = present.sum(axis=1).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        if spec.model == "market-adjusted":
            factor = k
        elif spec.model == "constant-mean":
            factor = k + k * k / f.n
        else:
            d = np.where(present, np.asarray(x, dtype=float) - f.m_mean[:, None], 0.0).sum(axis=1)
            factor = k + k * k / f.n + d * d / f.m_ss
    return np.where(k > 0, f.sigma2 * factor, np.nan)
