"""Test-only reference implementation of the ops forecast model, one order at a time, in SimPy.

It re-implements the model described in ``evlens.ops.engine`` from the scenario's data
with plain Python numbers and its own random draws (``random.Random``), without calling
any of the engine's functions:

* each order is an object in a first-in-first-out queue;
* orders arrive one by one: a Poisson process (exponential gaps) whose rate is constant
  within a step, squeezed into the first half of the step; launch surges arrive as single
  orders at the start of their step;
* at the start of each month every waiting order is reviewed and cancelled with the
  month's hazard (one Bernoulli draw per order); in the deterministic case the newest
  ``floor(h * B)`` orders are cancelled;
* three quarters into each step the factory hands over the vehicles made in the step,
  one per waiting order, oldest first.
"""

from __future__ import annotations

import calendar
import math
import random
from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta

import simpy

EPS = 1e-6


def _mean(p) -> float:
    a = p.args
    return {
        "fixed": lambda: a[0],
        "normal": lambda: a[0],
        "lognormal": lambda: a[0] * math.exp(a[1] * a[1] / 2.0),
        "triangular": lambda: (a[0] + a[1] + a[2]) / 3.0,
        "uniform": lambda: (a[0] + a[1]) / 2.0,
    }[p.dist]()


def _draw(p, rnd: random.Random) -> float:
    a = p.args
    if p.dist == "fixed":
        return a[0]
    if p.dist == "normal":
        return rnd.gauss(a[0], a[1])
    if p.dist == "lognormal":
        return a[0] * math.exp(a[1] * rnd.gauss(0.0, 1.0))
    if p.dist == "triangular":
        return rnd.triangular(a[0], a[2], a[1])
    return rnd.uniform(a[0], a[1])


@dataclass
class Step:
    month: str
    month_no: int  # 1..12
    first_of_month: bool
    day: date  # first day of the step
    length: float  # in days (simulation time unit)
    months: float  # length as a share of its calendar month
    mid: float  # midpoint, days since the scenario start
    month_mid: float  # midpoint of the covered part of the month


def steps_of(sc) -> list[Step]:
    out = []
    d = sc.start
    while d <= sc.end:
        nd = calendar.monthrange(d.year, d.month)[1]
        last = min(sc.end, date(d.year, d.month, nd))
        covered = (last - d).days + 1
        off = (d - sc.start).days
        label = f"{d.year:04d}-{d.month:02d}"
        month_mid = off + covered / 2.0
        if sc.resolution == "daily":
            for i in range(covered):
                out.append(
                    Step(
                        label, d.month, i == 0, d + timedelta(days=i), 1.0, 1.0 / nd, off + i + 0.5, month_mid
                    )
                )
        else:
            out.append(
                Step(label, d.month, True, d, float(covered), covered / nd, off + covered / 2.0, month_mid)
            )
        d = last + timedelta(days=1)
    return out


class Order:
    __slots__ = ("done", "placed")

    def __init__(self, placed: float) -> None:
        self.placed = placed
        self.done = False


def run_path(sc, seed: int | None = None, deterministic: bool = False, observed: dict | None = None) -> dict:
    """One path of the scenario; returns monthly orders, cancellations, deliveries, backlog."""
    rnd = random.Random(seed)
    observed = observed or {}
    get = _mean if deterministic else (lambda p: _draw(p, rnd))
    phases = [ph for pl in sc.plants for ph in pl.phases]
    backlog0 = max(0.0, get(sc.initial_backlog))
    level = max(0.0, get(sc.demand.intake_per_month))
    growth = max(-0.99, get(sc.demand.growth_per_year))
    util = [max(0.0, get(ph.utilisation)) for ph in phases]
    delay = [max(0.0, get(ph.start_delay_days)) for ph in phases]
    c_base = min(1.0, max(0.0, get(sc.cancellations.base_per_month)))
    c_slope = max(0.0, get(sc.cancellations.per_month_of_wait))
    events = [(ev.date, math.floor(max(0.0, get(ev.orders)) + EPS)) for ev in sc.demand.events]
    sigma = sc.demand.noise_sigma
    steps = steps_of(sc)
    month_labels = sorted({s.month for s in steps})
    shock = {}
    for m in month_labels:
        shock[m] = (
            1.0
            if (deterministic or sigma == 0)
            else math.exp(sigma * rnd.gauss(0.0, 1.0) - sigma * sigma / 2.0)
        )

    def shift_mult(ph, d: date) -> float:
        count = ph.rated_shifts
        for s in sorted(ph.shifts, key=lambda s: s.start):
            if s.start <= d:
                count = s.count
        y = ph.extra_shift_yield
        return (1.0 + (count - 1) * y) / (1.0 + (ph.rated_shifts - 1) * y)

    def ramp_share(ph, x: float) -> float:
        if x < 0:
            return 0.0
        if ph.ramp_days <= 0:
            return 1.0
        u = min(1.0, x / ph.ramp_days)
        if ph.ramp_curve == "linear":
            return u
        if ph.ramp_curve == "s-curve":
            return u * u * (3.0 - 2.0 * u)
        return 1.0 if x >= ph.ramp_days else 0.0

    def capacity(step: Step) -> float:
        total = 0.0
        for i, ph in enumerate(phases):
            x = step.mid - (ph.start - sc.start).days - delay[i]
            total += ph.rated_per_month * shift_mult(ph, step.day) * ramp_share(ph, x) * util[i] * step.months
        return total

    env = simpy.Environment()
    queue: deque[Order] = deque(Order(0.0) for _ in range(math.floor(backlog0 + EPS)))
    stats = {m: {"orders": 0, "cancellations": 0, "deliveries": 0, "backlog_end": 0} for m in month_labels}
    state = {"cum_cap": 0.0, "cum_int": 0.0, "obs_cum": {}, "waits": []}

    def arrivals(step: Step, rate: float, n_fixed: int | None):
        """Orders of one step, one at a time, in the first half of the step."""
        half = step.length / 2.0
        t0 = env.now
        if n_fixed is not None:
            for i in range(n_fixed):
                yield env.timeout(t0 + half * (i + 1) / (n_fixed + 1) - env.now)
                queue.append(Order(env.now))
                stats[step.month]["orders"] += 1
            return
        if rate <= 0:
            return
        while True:
            gap = rnd.expovariate(rate / half)
            if env.now + gap >= t0 + half:
                return
            yield env.timeout(gap)
            queue.append(Order(env.now))
            stats[step.month]["orders"] += 1

    def factory():
        nonlocal queue
        for k, step in enumerate(steps):
            start_t = env.now
            cap = capacity(step)
            # cancellation review on the first step of each month
            if step.first_of_month:
                B = len(queue)
                rate = cap / step.months
                W = B / rate if rate > 0 else math.inf
                h = min(
                    sc.cancellations.max_per_month,
                    c_base + c_slope * max(0.0, W - sc.cancellations.grace_months),
                )
                if B == 0:
                    h = 0.0
                if deterministic:
                    n_cancel = math.floor(h * B + EPS)
                    for _ in range(n_cancel):
                        queue.pop()  # the newest orders give up
                    cancelled = n_cancel
                else:
                    kept = deque()
                    cancelled = 0
                    for o in queue:
                        if rnd.random() < h:
                            cancelled += 1
                        else:
                            kept.append(o)
                    queue = kept
                stats[step.month]["cancellations"] += cancelled
            # production of the step, in whole vehicles
            before = math.floor(state["cum_cap"] + EPS)
            state["cum_cap"] += cap
            made = math.floor(state["cum_cap"] + EPS) - before
            # launch surges arrive at the start of their step
            for d, n in events:
                in_step = (
                    (d == step.day)
                    if sc.resolution == "daily"
                    else (f"{d.year:04d}-{d.month:02d}" == step.month and d >= step.day)
                )
                if in_step:
                    for _ in range(n):
                        queue.append(Order(env.now))
                    stats[step.month]["orders"] += n
            # new orders during the first half of the step
            years = step.month_mid / 365.25
            lam = (
                level
                * (1.0 + growth) ** years
                * sc.demand.seasonality[step.month_no - 1]
                * shock[step.month]
                * step.months
            )
            if deterministic:
                b = math.floor(state["cum_int"] + EPS)
                state["cum_int"] += lam
                n_fixed = math.floor(state["cum_int"] + EPS) - b
                env.process(arrivals(step, lam, n_fixed))
            else:
                env.process(arrivals(step, lam, None))
            yield env.timeout(0.75 * step.length)
            # deliveries: the vehicles made, or the known figure, oldest orders first
            if step.month in observed:
                steps_in_month = [s for s in steps if s.month == step.month]
                j = steps_in_month.index(step) + 1
                v = float(observed[step.month])
                serve = math.floor(v * j / len(steps_in_month) + EPS) - math.floor(
                    v * (j - 1) / len(steps_in_month) + EPS
                )
            else:
                serve = made
            for _ in range(serve):
                if not queue:
                    break
                o = queue.popleft()
                o.done = True
                state["waits"].append(env.now - o.placed)
                stats[step.month]["deliveries"] += 1
            yield env.timeout(start_t + step.length - env.now)
            if k + 1 == len(steps) or steps[k + 1].month != step.month:
                stats[step.month]["backlog_end"] = len(queue)

    env.process(factory())
    env.run()
    return {
        "months": month_labels,
        **{
            k: [stats[m][k] for m in month_labels]
            for k in ("orders", "cancellations", "deliveries", "backlog_end")
        },
        "mean_wait_days": (sum(state["waits"]) / len(state["waits"])) if state["waits"] else None,
    }
