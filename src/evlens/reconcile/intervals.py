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
polytope. Every fact bounds a sum of *consecutive* months, so in the running totals
``S_k = x_0 + ... + x_{k-1}`` (``S_0 = 0``) each fact is a difference constraint,
``low <= S_{last+1} - S_first <= high``, and so is ``x_m >= 0`` (``S_m - S_{m+1} <= 0``).
A system of difference constraints is a graph: an edge ``i -> j`` of weight ``w`` says
``S_j - S_i <= w``. The facts can all hold exactly when the graph has no negative cycle,
and then the all-pairs shortest-path distance ``d(i, j)`` is the exact maximum of
``S_j - S_i`` over the polytope (and ``-d(j, i)`` its minimum). So the interval of a month
is ``[-d(m+1, m), d(m, m+1)]``, the interval of the running total to month ``i`` is
``[-d(i+1, 0), d(0, i+1)]``, and the range of any span sum is read off the same matrix:
one Floyd-Warshall run (``scipy.sparse.csgraph``) instead of two linear programs per
month and per running total. ``high`` is ``inf`` when no fact bounds the month from above.

Point estimate rule: the *smoothest* feasible series, the one that minimises
``sum_m (x_m - x_{m-1})^2`` subject to every fact (SLSQP from a feasible start, with the
facts reduced to the tightest bound per span). It lies inside every month's interval and
adds up to every exact total. If the solver fails, a feasible vertex (the shortest
distances from a virtual source joined to every node) is used, and the rule says so.

When no series satisfies the facts, a deletion filter finds a minimal set of facts that
cannot hold together (dropping any one of them makes the rest feasible), and
:class:`~evlens.errors.ConflictError` names them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.sparse.csgraph import NegativeCycleError, csgraph_from_dense, shortest_path

from ..errors import ConflictError

_EPS = 1e-9  # relative: sums of float weights carry rounding noise only


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
    distances: np.ndarray  # d[i, j]: the maximum of S_j - S_i (running totals, S_0 = 0)

    def range_of_sum(self, first: int, last: int) -> tuple[float, float]:
        """Minimum and maximum of ``sum(x[first..last])`` over all feasible series
        (``inf`` as the maximum when nothing bounds it)."""
        return _span(self.distances, first, last)


def _span(d: np.ndarray, first: int, last: int) -> tuple[float, float]:
    lo = max(0.0, -float(d[last + 1, first]))
    hi = float(d[first, last + 1])
    return float(_tidy(np.array([lo]))[0]), float(_tidy(np.array([hi]))[0])


def _weights(n: int, cons: list[Constraint]) -> np.ndarray:
    """The constraint graph on ``S_0..S_n`` as a dense matrix (``inf``: no edge); parallel
    edges keep the smallest weight, i.e. the tightest bound per span."""
    w = np.full((n + 1, n + 1), np.inf)
    idx = np.arange(n)
    w[idx + 1, idx] = 0.0  # x_m >= 0
    for c in cons:
        i, j = c.first, c.last + 1
        if c.high is not None:
            w[i, j] = min(w[i, j], c.high)
        if c.low > 0:
            w[j, i] = min(w[j, i], -c.low)
    return w


def _distances(n: int, cons: list[Constraint]) -> np.ndarray | None:
    """All-pairs shortest distances of the constraint graph, or None when it has a
    negative cycle (facts that cannot all hold)."""
    graph = csgraph_from_dense(_weights(n, cons), null_value=np.inf)
    try:
        return shortest_path(graph, method="FW", directed=True)
    except NegativeCycleError:
        return None


def is_feasible(n: int, cons: list[Constraint]) -> bool:
    """Whether some series of ``n`` non-negative months satisfies every constraint."""
    return _distances(n, cons) is not None


def minimal_conflict(n: int, cons: list[Constraint]) -> list[Constraint]:
    """A minimal infeasible subset of ``cons`` (deletion filter): each member is needed."""
    keep = list(cons)
    i = 0
    while i < len(keep):
        trial = keep[:i] + keep[i + 1 :]
        if _distances(n, trial) is None:
            keep = trial
        else:
            i += 1
    return keep


def solve(n: int, cons: list[Constraint], what: str = "facts") -> Solution:
    """Intervals, running-total intervals and the point estimate for ``n`` months."""
    d = _distances(n, cons)
    if d is None:
        culprits = minimal_conflict(n, cons)
        lines = "; ".join(c.label for c in culprits)
        raise ConflictError(f"{what} cannot all hold (no monthly series satisfies them): {lines}")
    idx = np.arange(n)
    high = d[idx, idx + 1]
    low = np.maximum(0.0, -d[idx + 1, idx]) + 0.0  # + 0.0: no negative zero
    cum_high = d[0, idx + 1]
    cum_low = np.maximum(0.0, -d[idx + 1, 0]) + 0.0
    s = np.minimum(d.min(axis=0), 0.0)  # a feasible vertex: distances from a virtual source
    x0 = np.maximum(np.diff(s), 0.0)
    point, rule = _smoothest(n, _weights(n, cons), x0, low, high)
    if point is None:
        point = x0
        rule = "a feasible series at a vertex of the facts (the smoothing solver failed)"
    point = np.clip(point, low, high)
    return Solution(
        low=_tidy(low),
        high=_tidy(high),
        point=point,
        cum_low=_tidy(cum_low),
        cum_high=_tidy(cum_high),
        point_rule=rule,
        distances=d,
    )


def range_of_sum(n: int, cons: list[Constraint], first: int, last: int) -> tuple[float, float]:
    """Minimum and maximum of ``sum(x[first..last])`` over all series satisfying ``cons``
    (``inf`` as the maximum when nothing bounds it). Once the facts are solved,
    :meth:`Solution.range_of_sum` reads the same answer without solving again."""
    d = _distances(n, cons)
    if d is None:
        raise ConflictError("the facts cannot all hold (no monthly series satisfies them)")
    return _span(d, first, last)


def _tidy(a: np.ndarray) -> np.ndarray:
    """Snap values within a relative 1e-9 of an integer to it (float rounding of the sums)."""
    with np.errstate(invalid="ignore"):
        r = np.round(a)
        return np.where(np.isfinite(a) & (np.abs(a - r) < _EPS * np.maximum(1.0, np.abs(a))), r, a)


def _span_rows(n: int, w: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``A x <= b`` from the graph's fact edges: one row per span and side (None: no fact
    edge, only the bounds ``x_m >= 0``)."""
    rows, rhs = [], []
    for i, j in zip(*np.nonzero(np.isfinite(w))):
        if j == i - 1 and w[i, j] == 0.0:
            continue  # x_m >= 0 is a bound, not a row
        a = np.zeros(n)
        if j > i:  # S_j - S_i <= w: sum(x[i..j-1]) <= w
            a[i:j] = 1.0
        else:  # j < i: -sum(x[j..i-1]) <= w
            a[j:i] = -1.0
        rows.append(a)
        rhs.append(w[i, j])
    if not rows:
        return None
    return np.array(rows), np.array(rhs)


def _smoothest(
    n: int, w: np.ndarray, x0: np.ndarray, low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray | None, str]:
    rule = "smoothest feasible series (least squared month-to-month change)"
    if n == 1:
        return np.array([x0[0] if np.isfinite(high[0]) else max(low[0], x0[0])]), rule
    span_rows = _span_rows(n, w)
    scale = max(1.0, float(np.max(np.abs(np.concatenate([x0, low])))))
    D = np.diff(np.eye(n), axis=0)

    def f(z):
        d = D @ z
        return float(d @ d)

    def g(z):
        return 2.0 * D.T @ (D @ z)

    constraints = []
    if span_rows is not None:
        As, bs = span_rows[0], span_rows[1] / scale
        constraints.append({"type": "ineq", "fun": lambda z: bs - As @ z, "jac": lambda z: -As})
    bounds = [(0.0, None)] * n
    try:
        res = minimize(
            f,
            x0 / scale,
            jac=g,
            bounds=bounds,
            constraints=constraints,
            method="SLSQP",
            options={"maxiter": 500, "ftol": 1e-12},
        )
    except Exception:  # pragma: no cover - solver internals
        return None, rule
    if not res.success:
        return None, rule
    z = res.x * scale
    if span_rows is not None and np.any(span_rows[0] @ z - span_rows[1] > 1e-4 * max(1.0, scale)):
        return None, rule
    return z, rule
