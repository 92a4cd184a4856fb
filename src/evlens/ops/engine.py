"""The Monte Carlo engine: orders, production, deliveries, backlog, wait and cancellations
over many paths at once (NumPy arrays with one column per path).

The model, step by step
-----------------------
Time runs in steps of one day (``daily``) or one calendar month (``monthly``) from the
scenario's ``start`` to its ``end``. Each path first draws its own parameters (order
intake level, growth, utilisation and start delay of every phase, cancellation
sensitivity, initial backlog, launch surges) from the scenario's distributions, so the
spread of outcomes includes parameter uncertainty. Then, for step ``k`` of month ``m``:

1. capacity ``c_k = sum over phases of rated_per_month * shift_multiplier * ramp(t) *
   utilisation * step_months``, with ``t`` the step's midpoint, ``ramp`` rising from 0
   at the phase start (plus the path's delay) to 1 after the ramp (linear, s-curve
   ``3u^2 - 2u^3`` or a step); production ``P_k = floor(sum_{j<=k} c_j) - floor(sum_{j<k}
   c_j)`` (whole vehicles, nothing lost to rounding over time);
2. on the first step of every month, each waiting order is cancelled with probability
   ``h = min(max, base + per_month_of_wait * max(0, W - grace))`` where ``W = B / (c_k /
   step_months)`` is the expected wait in months (``W`` infinite with no capacity);
3. new orders ``A_k ~ Poisson(level * (1+g)^y_m * season_m * shock_m * step_months)``
   plus any launch surge dated in the step; ``y_m`` is the time in years from the start
   to the middle of month ``m`` (growth compounds month by month) and ``shock_m`` is
   lognormal with mean 1;
4. deliveries ``D_k = min(P_k, B_{k-1} - C_k + A_k)`` first in, first out (build to
   order: unused capacity is lost); in months whose deliveries are known (``observed``)
   the known figure, spread evenly over the month's steps, replaces ``P_k``;
5. ``B_k = B_{k-1} - C_k + A_k - D_k``.

``deterministic=True`` replaces every distribution by its mean, Poisson arrivals by the
same floor-of-running-total rounding as production, and binomial cancellations by
``floor(h * B)``: the backlog path is then fully determined.

Within a month the recursion ``B_k = max(0, B_{k-1} + A_k - P_k)`` is solved for all
steps at once (running sums and running minima), so the Python loop is over months.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..errors import InputError
from .scenario import Phase, Scenario

_EPS = 1e-6


@dataclass(frozen=True)
class _Month:
    label: str
    days: tuple[date, ...]  # the step start days (one per step)
    step_months: np.ndarray  # (s,)
    mid_days: np.ndarray  # (s,) step midpoints in days since the scenario start
    month_index: int  # 0..11


def month_grid(scenario: Scenario) -> list[_Month]:
    """The months of the scenario window, each with its steps."""
    out: list[_Month] = []
    y, m = scenario.start.year, scenario.start.month
    while date(y, m, 1) <= scenario.end:
        ndays = calendar.monthrange(y, m)[1]
        first = max(scenario.start, date(y, m, 1))
        last = min(scenario.end, date(y, m, ndays))
        covered = (last - first).days + 1
        off = (first - scenario.start).days
        if scenario.resolution == "daily":
            days = tuple(first + timedelta(days=i) for i in range(covered))
            step_months = np.full(covered, 1.0 / ndays)
            mids = off + np.arange(covered) + 0.5
        else:
            days = (first,)
            step_months = np.array([covered / ndays])
            mids = np.array([off + covered / 2.0])
        out.append(_Month(f"{y:04d}-{m:02d}", days, step_months, mids, m - 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass(frozen=True)
class PathParameters:
    """What each path drew (arrays of length ``n``; per phase, lists in scenario order)."""

    initial_backlog: np.ndarray
    intake_level: np.ndarray
    growth: np.ndarray
    utilisation: tuple[np.ndarray, ...]
    start_delay_days: tuple[np.ndarray, ...]
    cancel_base: np.ndarray
    cancel_slope: np.ndarray
    events: tuple[np.ndarray, ...]


def draw_parameters(
    scenario: Scenario, n: int, rng: np.random.Generator, deterministic: bool
) -> PathParameters:
    """One draw per path of every uncertain number, in a fixed order (reproducible)."""

    def get(p):
        return np.full(n, p.mean) if deterministic else p.draw(rng, n)

    phases = scenario.phases
    return PathParameters(
        initial_backlog=np.maximum(0.0, get(scenario.initial_backlog)),
        intake_level=np.maximum(0.0, get(scenario.demand.intake_per_month)),
        growth=np.maximum(-0.99, get(scenario.demand.growth_per_year)),
        utilisation=tuple(np.maximum(0.0, get(ph.utilisation)) for ph in phases),
        start_delay_days=tuple(np.maximum(0.0, get(ph.start_delay_days)) for ph in phases),
        cancel_base=np.clip(get(scenario.cancellations.base_per_month), 0.0, 1.0),
        cancel_slope=np.maximum(0.0, get(scenario.cancellations.per_month_of_wait)),
        events=tuple(np.maximum(0.0, get(ev.orders)) for ev in scenario.demand.events),
    )


def ramp(x: np.ndarray, length: float, curve: str) -> np.ndarray:
    """Share of full rate ``x`` days after a phase starts (0 before it starts)."""
    if length <= 0:
        return (x >= 0).astype(float)
    u = np.clip(x / length, 0.0, 1.0)
    if curve == "linear":
        r = u
    elif curve == "s-curve":
        r = u * u * (3.0 - 2.0 * u)
    else:  # step
        r = (x >= length).astype(float)
    return np.where(x < 0, 0.0, r)


def _phase_capacity(ph: Phase, month: _Month, start: date, util: np.ndarray, delay: np.ndarray):
    """Capacity of one phase in each step of ``month``: an array (steps, paths), or a pair
    (per-step vector, per-path factor) whose outer product it is, or ``None`` when the
    phase has not started on any path."""
    offset = (ph.start - start).days
    d_lo, d_hi = float(delay.min()), float(delay.max())
    if month.mid_days[-1] - offset - d_lo < 0:  # not started on any path
        return None
    shift = np.array([ph.shift_multiplier(d) for d in month.days])
    per_step = ph.rated_per_month * shift * month.step_months
    if month.mid_days[0] - offset - d_hi >= ph.ramp_days:  # fully ramped on every path
        return per_step, util
    if d_lo == d_hi:  # the same ramp on every path
        r = ramp(month.mid_days - offset - d_lo, ph.ramp_days, ph.ramp_curve)
        return per_step * r, util
    x = month.mid_days[:, None] - offset - delay[None, :]
    return per_step[:, None] * ramp(x, ph.ramp_days, ph.ramp_curve) * util[None, :]


@dataclass(frozen=True)
class Simulation:
    """Monthly totals per path: arrays of shape (months, paths)."""

    months: tuple[str, ...]
    orders: np.ndarray
    cancellations: np.ndarray
    production: np.ndarray
    deliveries: np.ndarray
    backlog_end: np.ndarray
    wait_end_months: np.ndarray  # backlog at month end / monthly capacity then
    capacity_bound_share: np.ndarray  # share of the month's steps in which capacity bound
    observed: tuple[bool, ...]
    params: PathParameters
    initial_backlog: np.ndarray

    @property
    def n_paths(self) -> int:
        return int(self.deliveries.shape[1])


def _floor_steps(cum_prev: np.ndarray, amounts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whole units per step from real amounts: differences of the floored running total."""
    cum = cum_prev[None, :] + np.cumsum(amounts, axis=0)
    fl = np.floor(cum + _EPS)
    prev = np.vstack([np.floor(cum_prev + _EPS)[None, :], fl[:-1]])
    return fl - prev, cum[-1]


def simulate(
    scenario: Scenario,
    n_paths: int,
    *,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    deterministic: bool = False,
    observed: Mapping[str, float] | None = None,
) -> Simulation:
    """Run ``n_paths`` paths of ``scenario`` (model in the module docstring).

    ``observed`` maps ``YYYY-MM`` to known deliveries of that month; those months deliver
    the known figure (limited by the orders on hand) instead of what capacity allows.
    Random numbers are drawn in a fixed order (parameters, demand shocks, then month by
    month the arrivals and the cancellations), so a seed gives the same paths.
    """
    if n_paths < 1:
        raise InputError("the number of paths must be at least 1", field="paths")
    rng = rng if rng is not None else np.random.default_rng(seed)
    n = int(n_paths)
    observed = dict(observed or {})
    grid = month_grid(scenario)
    params = draw_parameters(scenario, n, rng, deterministic)
    shocks = _demand_shocks(scenario.demand.noise_sigma, len(grid), n, rng, deterministic)
    event_steps = _event_steps(scenario, grid)
    log_growth = np.log1p(params.growth)

    out = {k: np.zeros((len(grid), n)) for k in _OUTPUTS}
    B = np.floor(params.initial_backlog + _EPS)
    cum_cap = np.zeros(n)
    cum_int = np.zeros(n)
    for m_i, mo in enumerate(grid):
        # 1. capacity: whole vehicles made by each step of the month
        made, cum_cap, rate_first, rate_last = _month_capacity(scenario, params, mo, cum_cap, n)
        # 3. arrivals
        A, cum_int = _arrivals(scenario, params, mo, shocks[m_i], log_growth, cum_int, rng, deterministic)
        arrived = _with_surges(A, m_i, event_steps, params.events)
        # 2. monthly cancellation review on the month's first step
        C = _cancellations(scenario, params, B, rate_first, rng, deterministic)
        B = B - C
        # 4.-5. deliveries and backlog
        served = _observed_steps(float(observed[mo.label]), len(mo.days)) if mo.label in observed else made
        B_new, bound = _serve(B, arrived, served, by_capacity=mo.label not in observed)
        A_sum = arrived[-1].astype(float)
        out["deliveries"][m_i] = B + A_sum - B_new
        B = B_new
        out["orders"][m_i] = A_sum
        out["cancellations"][m_i] = C
        out["production"][m_i] = made[-1]
        out["backlog_end"][m_i] = B
        out["wait_end_months"][m_i] = _months_of_wait(B, rate_last)
        out["capacity_bound_share"][m_i] = bound
    return Simulation(
        months=tuple(mo.label for mo in grid),
        observed=tuple(mo.label in observed for mo in grid),
        params=params,
        initial_backlog=np.floor(params.initial_backlog + _EPS),
        **out,
    )


#: The monthly totals of a :class:`Simulation`, (months, paths) each.
_OUTPUTS = (
    "orders",
    "cancellations",
    "production",
    "deliveries",
    "backlog_end",
    "wait_end_months",
    "capacity_bound_share",
)


def _demand_shocks(
    sigma: float, months: int, n: int, rng: np.random.Generator, deterministic: bool
) -> np.ndarray:
    """Each month's lognormal demand shock per path (mean 1), all drawn at once; 1 without noise."""
    if sigma > 0 and not deterministic:
        return np.exp(sigma * rng.standard_normal((months, n)) - sigma * sigma / 2.0)
    return np.ones((months, n))


def _event_steps(scenario: Scenario, grid: list[_Month]) -> dict[tuple[int, int], list[int]]:
    """The launch surges by (month, step) of the grid: the indices of the events dated then."""
    event_steps: dict[tuple[int, int], list[int]] = {}
    for e_i, ev in enumerate(scenario.demand.events):
        for m_i, mo in enumerate(grid):
            if mo.days[0] <= ev.date and ev.date.strftime("%Y-%m") == mo.label:
                j = (ev.date - mo.days[0]).days if scenario.resolution == "daily" else 0
                event_steps.setdefault((m_i, j), []).append(e_i)
    return event_steps


def _with_surges(
    A: np.ndarray, m_i: int, event_steps: Mapping[tuple[int, int], list[int]], events: tuple[np.ndarray, ...]
) -> np.ndarray:
    """Step 3 completed: the new orders ``A`` of month ``m_i`` (steps x paths) plus the
    launch surges (whole orders of each path's draw ``events``) dated in its steps, as
    running totals over the steps. ``A`` is added to in place."""
    for j in range(A.shape[0]):
        for e_i in event_steps.get((m_i, j), ()):
            A[j] += np.floor(events[e_i] + _EPS).astype(A.dtype)
    return np.cumsum(A, axis=0)


def _month_capacity(
    scenario: Scenario, params: PathParameters, mo: _Month, cum_cap: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Step 1 for one month: the whole vehicles made in the month up to each step (steps x
    paths), the running capacity total after it, and the monthly rate of capacity on the
    month's first and last steps."""
    s = len(mo.days)
    cap_run = np.zeros((s, n))
    rate_first = np.zeros(n)
    rate_last = np.zeros(n)
    for p_i, ph in enumerate(scenario.phases):
        c = _phase_capacity(ph, mo, scenario.start, params.utilisation[p_i], params.start_delay_days[p_i])
        if c is None:
            continue
        if isinstance(c, tuple):  # (per-step vector, per-path factor): an outer product
            vec, fac = c
            cap_run += np.outer(np.cumsum(vec), fac)
            rate_first += vec[0] * fac
            rate_last += vec[-1] * fac
        else:
            cap_run += np.cumsum(c, axis=0)
            rate_first += c[0]
            rate_last += c[-1]
    rate_first /= mo.step_months[0]
    rate_last /= mo.step_months[-1]
    made0 = np.floor(cum_cap + _EPS)
    cap_run += cum_cap
    cum_cap = cap_run[-1].copy()
    cap_run += _EPS
    np.floor(cap_run, out=cap_run)
    cap_run -= made0  # vehicles made in the month up to each step
    return cap_run, cum_cap, rate_first, rate_last


def _arrivals(
    scenario: Scenario,
    params: PathParameters,
    mo: _Month,
    shock: np.ndarray,
    log_growth: np.ndarray,
    cum_int: np.ndarray,
    rng: np.random.Generator,
    deterministic: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Step 3 without the launch surges: new orders in each step of the month (steps x
    paths), growth compounded to the month's middle, and the running total of the
    expected orders, which only the deterministic rounding reads."""
    years = float(mo.mid_days.mean()) / 365.25  # growth compounds month by month
    level = params.intake_level * np.exp(years * log_growth) * shock
    lam = np.outer(scenario.demand.seasonality[mo.month_index] * mo.step_months, level)
    if deterministic:
        return _floor_steps(cum_int, lam)
    return rng.poisson(lam), cum_int


def _months_of_wait(B: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """Expected wait in months of the backlog ``B`` at a monthly capacity ``rate`` (infinite
    without capacity)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rate > 0, B / np.where(rate > 0, rate, 1.0), np.inf)


def _cancellations(
    scenario: Scenario,
    params: PathParameters,
    B: np.ndarray,
    rate_first: np.ndarray,
    rng: np.random.Generator,
    deterministic: bool,
) -> np.ndarray:
    """Step 2: the orders of the backlog ``B`` cancelled at the month's review."""
    canc = scenario.cancellations
    W = _months_of_wait(B, rate_first)
    h = np.minimum(
        canc.max_per_month,
        params.cancel_base + params.cancel_slope * np.maximum(0.0, W - canc.grace_months),
    )
    h = np.where(B > 0, h, 0.0)
    if deterministic:
        return np.floor(h * B + _EPS)
    return rng.binomial(B.astype(np.int64), np.clip(h, 0.0, 1.0)).astype(float)


def _observed_steps(v: float, s: int) -> np.ndarray:
    """A month's known deliveries ``v`` as whole vehicles served up to each of its ``s``
    steps, spread evenly (one column, for every path)."""
    served, _ = _floor_steps(np.zeros(1), np.full((s, 1), v / s))
    return np.cumsum(served, axis=0)


def _serve(
    B: np.ndarray, arrived: np.ndarray, served: np.ndarray, by_capacity: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Steps 4-5 for all steps of a month at once (Lindley recursion): the backlog at the
    month's end and the share of its steps in which capacity bound (0 when the month
    serves a known figure, not capacity: ``by_capacity`` False).

    ``B_j = X_j - min(-B_0, min_{k<=j} X_k)`` with ``X_j = sum_{k<=j} (A_k - serve_k)``
    (``arrived`` and ``served`` are those running sums); step ``j`` delivers its full
    capacity exactly when ``X_j >=`` that minimum up to ``j - 1``."""
    s, n = arrived.shape[0], B.shape[0]
    buf = np.empty((s + 1, n))
    buf[0] = -B
    np.subtract(arrived, served, out=buf[1:])
    X_last = buf[-1].copy()
    x_steps = buf[1:].copy() if by_capacity else None  # X_1..X_s, before the running minimum
    np.minimum.accumulate(buf, axis=0, out=buf)
    bound = np.zeros(n) if x_steps is None else (x_steps >= buf[:-1]).mean(axis=0)
    return X_last - buf[-1], bound
