"""Monthly values consistent with many facts at once: a small linear feasibility problem.

Every fact about a span of months says that the sum of those months lies in an interval:

=========  ==========================================================
bound      interval for the sum
=========  ==========================================================
``eq``     ``[v, v]``
``gt/ge``  ``[v, +inf)`` (strict bounds are treated as closed; a count
           reported as "more than 20,000" differs from 20,000 by less
           than the reporting precision)
``lt/le``  ``[0, v]``
``approx`` ``[v (1 - tol), v (1 + tol)]``, ``tol`` stated by the caller
=========  ==========================================================

With ``x_m >= 0`` for every month, the set of monthly series satisfying all facts is a
polytope. For each month the interval ``[low, high]`` is the minimum and maximum of
``x_m`` over that polytope (two linear programs per month, HiGHS via
``scipy.optimize.linprog``); the same is done for running totals. ``high`` is ``None``
when no fact bounds the month from above.

Point estimate rule: the *smoothest* feasible series, the one that minimises
``sum_m (x_m - x_{m-1})^2`` subject to every fact (solved with SLSQP from a feasible
start). It lies inside every month's interval and adds up to every exact total. If the
solver fails, the mean of the extreme solutions found by the interval programs is used
(a convex combination of feasible points, so feasible too).

When no series satisfies the facts, a deletion filter finds a minimal set of facts that
cannot hold together (dropping any one of them makes the rest feasible), and
:class:`~evlens.errors.ConflictError` names them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog, minimize

from ..errors import ConflictError

_EPS = 1e-6


@dataclass(frozen=True)
class Constraint:
    """``low <= sum(x[first..last]) <= high`` (indices into the month list, inclusive)."""

    first: int
    last: int
    low: float
    high: float | None  # None: unbounded above
    label: str  # how to name it in an error (fact id, period, value)
    fact_id: str


@dataclass(frozen=True)
class Solution:
    low: np.ndarray
    high: np.ndarray  # inf where unbounded
    point: np.ndarray
    cum_low: np.ndarray
    cum_high: np.ndarray
    point_rule: str


def _matrices(n: int, cons: list[Constraint]) -> tuple[np.ndarray | None, np.ndarray | None]:
    rows, rhs = [], []
    for c in cons:
        a = np.zeros(n)
        a[c.first : c.last + 1] = 1.0
        if c.low > 0:
            rows.append(-a)
            rhs.append(-c.low)
        if c.high is not None:
            rows.append(a)
            rhs.append(c.high)
    if not rows:
        return None, None
    return np.array(rows), np.array(rhs)


def _feasible(n: int, cons: list[Constraint]) -> np.ndarray | None:
    A, b = _matrices(n, cons)
    if A is None:
        return np.zeros(n)
    res = linprog(np.zeros(n), A_ub=A, b_ub=b, bounds=[(0, None)] * n, method="highs")
    return res.x if res.status == 0 else None


def is_feasible(n: int, cons: list[Constraint]) -> bool:
    """Whether some series of ``n`` non-negative months satisfies every constraint."""
    return _feasible(n, cons) is not None


def minimal_conflict(n: int, cons: list[Constraint]) -> list[Constraint]:
    """A minimal infeasible subset of ``cons`` (deletion filter): each member is needed."""
    keep = list(cons)
    i = 0
    while i < len(keep):
        trial = keep[:i] + keep[i + 1 :]
        if _feasible(n, trial) is None:
            keep = trial
        else:
            i += 1
    return keep


def _optimise(c: np.ndarray, A: np.ndarray | None, b: np.ndarray | None, n: int):
    res = linprog(c, A_ub=A, b_ub=b, bounds=[(0, None)] * n, method="highs")
    return res


def solve(n: int, cons: list[Constraint], what: str = "facts") -> Solution:
    """Intervals, running-total intervals and the point estimate for ``n`` months."""
    x0 = _feasible(n, cons)
    if x0 is None:
        culprits = minimal_conflict(n, cons)
        lines = "; ".join(c.label for c in culprits)
        raise ConflictError(f"{what} cannot all hold (no monthly series satisfies them): {lines}")
    A, b = _matrices(n, cons)
    low = np.zeros(n)
    high = np.full(n, np.inf)
    cum_low = np.zeros(n)
    cum_high = np.full(n, np.inf)
    extremes = [x0]
    for i in range(n):
        for target, lo_arr, hi_arr in (("month", low, high), ("cum", cum_low, cum_high)):
            c = np.zeros(n)
            if target == "month":
                c[i] = 1.0
            else:
                c[: i + 1] = 1.0
            r = _optimise(c, A, b, n)
            if r.status == 0:
                lo_arr[i] = max(0.0, r.fun)
                extremes.append(r.x)
            r = _optimise(-c, A, b, n)
            if r.status == 0:
                hi_arr[i] = -r.fun
                extremes.append(r.x)
            # status 3: unbounded above, keep inf
    point, rule = _smoothest(n, cons, A, b, x0, low, high)
    if point is None:
        point = np.mean(np.array(extremes), axis=0)
        rule = "mean of the extreme feasible series (smoothing solver failed)"
    point = np.clip(point, low, high)
    return Solution(low=_tidy(low), high=_tidy(high), point=point, cum_low=_tidy(cum_low),
                    cum_high=_tidy(cum_high), point_rule=rule)


def _tidy(a: np.ndarray) -> np.ndarray:
    """Snap values within 1e-6 of an integer to it (LP vertices carry solver noise)."""
    with np.errstate(invalid="ignore"):
        r = np.round(a)
        return np.where(np.isfinite(a) & (np.abs(a - r) < _EPS * np.maximum(1.0, np.abs(a))), r, a)


def _smoothest(n, cons, A, b, x0, low, high):
    rule = "smoothest feasible series (least squared month-to-month change)"
    if n == 1:
        return np.array([x0[0] if np.isfinite(high[0]) else max(low[0], x0[0])]), rule
    scale = max(1.0, float(np.max(np.abs(np.concatenate([x0, low])))))
    D = np.diff(np.eye(n), axis=0)

    def f(z):
        d = D @ z
        return float(d @ d)

    def g(z):
        return 2.0 * D.T @ (D @ z)

    constraints = []
    if A is not None:
        As, bs = A, b / scale
        constraints.append({"type": "ineq", "fun": lambda z: bs - As @ z, "jac": lambda z: -As})
    bounds = [(0.0, None)] * n
    try:
        res = minimize(f, x0 / scale, jac=g, bounds=bounds, constraints=constraints,
                       method="SLSQP", options={"maxiter": 500, "ftol": 1e-12})
    except Exception:  # pragma: no cover - solver internals
        return None, rule
    if not res.success:
        return None, rule
    z = res.x * scale
    if A is not None and np.any(A @ z - b > 1e-4 * max(1.0, scale)):
        return None, rule
    return z, rule


def range_of_sum(n: int, cons: list[Constraint], first: int, last: int) -> tuple[float, float]:
    """Minimum and maximum of ``sum(x[first..last])`` over all series satisfying ``cons``
    (``inf`` as the maximum when nothing bounds it). Assumes ``cons`` is feasible."""
    A, b = _matrices(n, cons)
    c = np.zeros(n)
    c[first : last + 1] = 1.0
    lo_r = _optimise(c, A, b, n)
    hi_r = _optimise(-c, A, b, n)
    lo = max(0.0, lo_r.fun) if lo_r.status == 0 else 0.0
    hi = -hi_r.fun if hi_r.status == 0 else float("inf")
    return float(_tidy(np.array([lo]))[0]), float(_tidy(np.array([hi]))[0])
