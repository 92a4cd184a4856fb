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
    """
    if n_paths < 1:
        raise InputError("the number of paths must be at least 1", field="paths")
    rng = rng if rng is not None else np.random.default_rng(seed)
    n = int(n_paths)
    observed = dict(observed or {})
    grid = month_grid(scenario)
    params = draw_parameters(scenario, n, rng, deterministic)
    phases = scenario.phases
    sigma = scenario.demand.noise_sigma
    if sigma > 0 and not deterministic:
        shocks = np.exp(sigma * rng.standard_normal((len(grid), n)) - sigma * sigma / 2.0)
    else:
        shocks = np.ones((len(grid), n))
    log_growth = np.log1p(params.growth)
    season = scenario.demand.seasonality
    canc = scenario.cancellations
    event_steps: dict[tuple[int, int], list[int]] = {}
    for e_i, ev in enumerate(scenario.demand.events):
        for m_i, mo in enumerate(grid):
            if mo.days[0] <= ev.date and ev.date.strftime("%Y-%m") == mo.label:
                j = (ev.date - mo.days[0]).days if scenario.resolution == "daily" else 0
                event_steps.setdefault((m_i, j), []).append(e_i)
    event_counts = [np.floor(e + _EPS) for e in params.events]

    M = len(grid)
    out = {
        k: np.zeros((M, n))
        for k in ("orders", "cancellations", "production", "deliveries", "backlog_end", "wait_end", "bound")
    }
    B = np.floor(params.initial_backlog + _EPS)
    cum_cap = np.zeros(n)
    cum_int = np.zeros(n)
    for m_i, mo in enumerate(grid):
        s = len(mo.days)
        # 1. capacity: running total within the month, and whole vehicles made by each step
        cap_run = np.zeros((s, n))
        rate_first = np.zeros(n)
        rate_last = np.zeros(n)
        for p_i, ph in enumerate(phases):
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
        made = cap_run
        # 3. arrivals
        years = float(mo.mid_days.mean()) / 365.25  # growth compounds month by month
        lam = np.outer(
            season[mo.month_index] * mo.step_months,
            params.intake_level * np.exp(years * log_growth) * shocks[m_i],
        )
        if deterministic:
            A, cum_int = _floor_steps(cum_int, lam)
        else:
            A = rng.poisson(lam)
        for j in range(s):
            for e_i in event_steps.get((m_i, j), ()):
                A[j] += event_counts[e_i].astype(A.dtype)
        arrived = np.cumsum(A, axis=0)
        A_sum = arrived[-1].astype(float)
        # 2. monthly cancellation review on the month's first step
        with np.errstate(divide="ignore", invalid="ignore"):
            W = np.where(rate_first > 0, B / np.where(rate_first > 0, rate_first, 1.0), np.inf)
        h = np.minimum(
            canc.max_per_month,
            params.cancel_base + params.cancel_slope * np.maximum(0.0, W - canc.grace_months),
        )
        h = np.where(B > 0, h, 0.0)
        if deterministic:
            C = np.floor(h * B + _EPS)
        else:
            C = rng.binomial(B.astype(np.int64), np.clip(h, 0.0, 1.0)).astype(float)
        B = B - C
        # 4.-5. deliveries and backlog for all steps of the month at once (Lindley recursion):
        # B_j = X_j - min(-B_0, min_{k<=j} X_k) with X_j = sum_{k<=j} (A_k - serve_k);
        # step j delivers its full capacity exactly when X_j >= that minimum up to j-1.
        is_obs = mo.label in observed
        if is_obs:
            v = float(observed[mo.label])
            served, _ = _floor_steps(np.zeros(1), np.full((s, 1), v / s))
            served = np.cumsum(served, axis=0)
        else:
            served = made
        buf = np.empty((s + 1, n))
        buf[0] = -B
        np.subtract(arrived, served, out=buf[1:])
        X_last = buf[-1].copy()
        x_steps = None if is_obs else buf[1:].copy()  # X_1..X_s, before the running minimum
        np.minimum.accumulate(buf, axis=0, out=buf)
        B_new = X_last - buf[-1]
        D_sum = B + A_sum - B_new
        bound = np.zeros(n) if x_steps is None else (x_steps >= buf[:-1]).mean(axis=0)
        B = B_new
        with np.errstate(divide="ignore", invalid="ignore"):
            wait = np.where(rate_last > 0, B / np.where(rate_last > 0, rate_last, 1.0), np.inf)
        out["orders"][m_i] = A_sum
        out["cancellations"][m_i] = C
        out["production"][m_i] = made[-1]
        out["deliveries"][m_i] = D_sum
        out["backlog_end"][m_i] = B
        out["wait_end"][m_i] = wait
        out["bound"][m_i] = bound
    return Simulation(
        months=tuple(mo.label for mo in grid),
        orders=out["orders"],
        cancellations=out["cancellations"],
        production=out["production"],
        deliveries=out["deliveries"],
        backlog_end=out["backlog_end"],
        wait_end_months=out["wait_end"],
        capacity_bound_share=out["bound"],
        observed=tuple(mo.label in observed for mo in grid),
        params=params,
        initial_backlog=np.floor(params.initial_backlog + _EPS),
    )
