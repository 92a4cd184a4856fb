"""The month intervals read off shortest paths agree with linear programming (HiGHS).

The reference is independent of evlens's method: for every month and running total, two
linear programs (``scipy.optimize.linprog``) over the same facts find the minimum and the
maximum directly.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from evlens.errors import ConflictError
from evlens.reconcile import intervals as iv


def _lp_range(n: int, cons: list[iv.Constraint], c: np.ndarray) -> tuple[float, float]:
    rows, rhs = [], []
    for k in cons:
        a = np.zeros(n)
        a[k.first : k.last + 1] = 1.0
        if k.low > 0:
            rows.append(-a)
            rhs.append(-k.low)
        if k.high is not None:
            rows.append(a)
            rhs.append(k.high)
    A, b = (np.array(rows), np.array(rhs)) if rows else (None, None)
    lo = linprog(c, A_ub=A, b_ub=b, bounds=[(0, None)] * n, method="highs")
    hi = linprog(-c, A_ub=A, b_ub=b, bounds=[(0, None)] * n, method="highs")
    assert lo.status == 0
    return lo.fun, (-hi.fun if hi.status == 0 else np.inf)


def _random_facts(rng: np.random.Generator, n: int, k: int) -> list[iv.Constraint]:
    """Facts about a hidden true series, so that they can all hold: exact months, lower
    bounds, quarters, approximate and upper-bounded spans."""
    truth = rng.integers(1_000, 60_000, size=n).astype(float)
    cons = []
    for j in range(k):
        first = int(rng.integers(0, n))
        last = min(n - 1, first + int(rng.choice([0, 0, 0, 2, 5, 11])))
        total = truth[first : last + 1].sum()
        kind = rng.choice(["eq", "gt", "lt", "approx"])
        if kind == "eq":
            lo, hi = total, total
        elif kind == "gt":
            lo, hi = float(np.floor(total * rng.uniform(0.6, 1.0))), None
        elif kind == "lt":
            lo, hi = 0.0, float(np.ceil(total * rng.uniform(1.0, 1.4)))
        else:
            lo, hi = total * 0.95, total * 1.05
        cons.append(iv.Constraint(first, last, lo, hi, f"f{j}", f"f{j}"))
    return cons


@pytest.mark.parametrize("seed", range(6))
def test_intervals_equal_the_linear_programs(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 24))
    cons = _random_facts(rng, n, int(rng.integers(2, 3 * n)))
    sol = iv.solve(n, cons)
    for i in range(n):
        c = np.zeros(n)
        c[i] = 1.0
        lo, hi = _lp_range(n, cons, c)
        assert sol.low[i] == pytest.approx(lo, rel=1e-9, abs=1e-6)
        assert sol.high[i] == pytest.approx(hi, rel=1e-9, abs=1e-6)
        c = np.zeros(n)
        c[: i + 1] = 1.0
        lo, hi = _lp_range(n, cons, c)
        assert sol.cum_low[i] == pytest.approx(lo, rel=1e-9, abs=1e-6)
        assert sol.cum_high[i] == pytest.approx(hi, rel=1e-9, abs=1e-6)
    # a span sum in the middle, and the point estimate satisfies every fact
    first, last = n // 3, max(n // 3, n - 2)
    c = np.zeros(n)
    c[first : last + 1] = 1.0
    assert sol.range_of_sum(first, last) == pytest.approx(_lp_range(n, cons, c), rel=1e-9, abs=1e-6)
    for k in cons:
        total = sol.point[k.first : k.last + 1].sum()
        assert total >= k.low - 1e-3 * max(1.0, k.low)
        assert k.high is None or total <= k.high + 1e-3 * max(1.0, k.high)


def test_a_conflict_found_by_the_graph_is_one_the_linear_program_cannot_satisfy():
    cons = [
        iv.Constraint(0, 2, 30_000, 30_000, "q", "q"),
        iv.Constraint(0, 0, 12_000, None, "a", "a"),
        iv.Constraint(1, 1, 12_000, None, "b", "b"),
        iv.Constraint(2, 2, 7_000, None, "c", "c"),
        iv.Constraint(3, 3, 5, 5, "d", "d"),
    ]
    assert not iv.is_feasible(4, cons)
    A = np.array([[1, 1, 1, 0], [-1, -1, -1, 0], [-1, 0, 0, 0], [0, -1, 0, 0], [0, 0, -1, 0]], dtype=float)
    b = np.array([30_000, -30_000, -12_000, -12_000, -7_000], dtype=float)
    assert linprog(np.zeros(4), A_ub=A, b_ub=b, bounds=[(0, None)] * 4, method="highs").status == 2
    with pytest.raises(ConflictError) as exc:
        iv.solve(4, cons)
    assert str(exc.value).endswith("q; a; b; c")  # d has nothing to do with it
