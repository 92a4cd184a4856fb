"""Order backlog and waiting time, as of each date with an order fact.

Definitions
-----------
* ``O(d)``: cumulative orders (``orders`` or ``locked_orders`` facts, running totals) as of
  day ``d``. A bound ("more than 260,000") is used at its value for the point figure and
  as the matching side of the interval.
* ``D(d)``: cumulative deliveries through day ``d``, from :func:`monthly_deliveries`;
  within a month deliveries are spread evenly over its days, so
  ``D(d) = D(end of previous month) + x_month * day / days_in_month``. Its interval
  interpolates the running-total intervals the same way.
* ``C(d)``: cumulative cancellations. From a ``cancellations`` running-total fact on the
  same day when there is one, else the stated assumption ``cancel_share * O(d)``.
* backlog ``B(d) = O(d) - D(d) - C(d)``.
* run-rate wait: ``B(d) / r`` months, ``r`` the mean monthly deliveries over the last (up
  to) three complete months before ``d``.
* first-in-first-out wait of an order placed on day ``d``: the time until deliveries catch
  up with the orders placed before it, i.e. the first day ``s >= d`` with
  ``D(s) >= O(d) - C(d)``. Past the last known month, deliveries are extended at the
  series' last run-rate and the result is flagged ``extrapolated``. The shortest and
  longest waits come from the highest and lowest running totals consistent with the facts.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, NotFoundError
from ..facts import Fact
from ..periods import DAYS_PER_MONTH, months_between
from ..reconcile import (
    EntityInfo,
    FactRecord,
    current_facts,
    entity_infos,
    fact_records,
    family,
    rank,
    role_of,
)
from ..results import Result
from .deliveries import DEFAULT_APPROX_TOL, DeliverySeries, monthly_deliveries

ORDER_METRICS = ("orders", "locked_orders")
CANCEL_METRICS = ("cancellations", "cancelled_orders")


@dataclass(frozen=True)
class BacklogPoint:
    date: date
    orders: float
    orders_bound: str
    orders_metric: str
    orders_fact: str
    deliveries: float
    deliveries_low: float
    deliveries_high: float | None
    cancellations: float
    cancellations_basis: str
    backlog: float
    backlog_low: float | None
    backlog_high: float | None
    run_rate: float | None
    run_rate_months: tuple[str, ...]
    wait_run_rate_months: float | None
    fifo_wait_days: float | None
    fifo_wait_days_low: float | None
    fifo_wait_days_high: float | None
    fifo_extrapolated: bool

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["date"] = self.date.isoformat()
        d["run_rate_months"] = list(self.run_rate_months)
        for k, v in d.items():
            if isinstance(v, float):
                d[k] = round(v, 2)
        return d


@dataclass(frozen=True)
class BacklogReport(Result):
    entity: str
    points: tuple[BacklogPoint, ...]
    skipped: tuple[dict, ...]
    assumptions: dict

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "points": [p.to_dict() for p in self.points],
            "skipped": list(self.skipped),
            "assumptions": self.assumptions,
        }

    def summary(self) -> str:
        lines = [f"order backlog of {self.entity}"]
        for p in self.points:
            w = "?" if p.fifo_wait_days is None else f"{p.fifo_wait_days / DAYS_PER_MONTH:.1f}"
            rr = "?" if p.wait_run_rate_months is None else f"{p.wait_run_rate_months:.1f}"
            lines.append(
                f"  {p.date}  orders {p.orders:,.0f}  delivered {p.deliveries:,.0f}  backlog {p.backlog:,.0f}"
                f"  wait {rr} mo (run-rate), {w} mo (FIFO)"
            )
        return "\n".join(lines)


class _Cumulative:
    """Daily running total of deliveries from a monthly series (even spread in a month)."""

    def __init__(self, series: DeliverySeries) -> None:
        self.months = [m.month for m in series.months]
        self.first = date.fromisoformat(self.months[0] + "-01")
        last = self.months[-1]
        y, mo = int(last[:4]), int(last[5:7])
        self.last_day = date(y, mo, calendar.monthrange(y, mo)[1])
        self.value = np.array([m.value for m in series.months])
        self.point = np.concatenate([[0.0], np.cumsum(self.value)])
        self.low = np.concatenate([[0.0], [m.cumulative_low for m in series.months]])
        self.high = np.concatenate(
            [[0.0], [np.inf if m.cumulative_high is None else m.cumulative_high for m in series.months]]
        )
        k = min(3, len(self.value))
        self.tail_rate = float(self.value[-k:].mean())  # per month

    def _index(self, d: date) -> tuple[int, float]:
        i = months_between(f"{d:%Y-%m}", f"{self.first:%Y-%m}")
        frac = d.day / calendar.monthrange(d.year, d.month)[1]
        return i, frac

    def at(self, d: date, which: str = "point") -> float:
        arr = {"point": self.point, "low": self.low, "high": self.high}[which]
        if d < self.first:
            return 0.0
        if d > self.last_day:
            return float("nan")
        i, f = self._index(d)
        a, b = arr[i], arr[i + 1]
        if not np.isfinite(b):
            return float("inf")
        return float(a + f * (b - a))

    def run_rate_before(self, d: date) -> tuple[float | None, tuple[str, ...]]:
        """Mean of the last (up to) three complete months ending on or before ``d``."""
        i, f = self._index(d)
        end = i + 1 if f >= 1.0 else i  # months [.., end) are complete
        end = min(end, len(self.value))
        if end <= 0:
            if 0 <= i < len(self.value):
                return float(self.value[i]), (self.months[i],)
            return None, ()
        start = max(0, end - 3)
        return float(self.value[start:end].mean()), tuple(self.months[start:end])

    def first_day_reaching(self, level: float, d: date, which: str) -> tuple[float | None, bool]:
        """Days from ``d`` until the running total reaches ``level`` (extrapolated past the
        series at its last run-rate; ``None`` when the total is unbounded or never grows)."""
        arr = {"point": self.point, "low": self.low, "high": self.high}[which]
        if self.at(d, which) >= level:
            return 0.0, False
        i0, _ = self._index(d)
        for i in range(max(i0, 0), len(self.value)):
            a, b = arr[i], arr[i + 1]
            if not np.isfinite(b):
                return None, False
            if b >= level:
                y = int(self.months[i][:4])
                mo = int(self.months[i][5:7])
                ndays = calendar.monthrange(y, mo)[1]
                frac = (level - a) / (b - a) if b > a else 1.0
                # the running total at the end of day k of the month is a + k/ndays (b - a)
                t_star = date(y, mo, 1).toordinal() - 1 + frac * ndays
                return max(0.0, t_star - d.toordinal()), False
        end_total = arr[-1]
        if not np.isfinite(end_total) or self.tail_rate <= 0:
            return None, True
        extra_days = (level - end_total) / (self.tail_rate / DAYS_PER_MONTH)
        return float((self.last_day - d).days + extra_days), True


def _cancellation_facts(
    records: Iterable[FactRecord], target: str, fam: Iterable[str], ents: Mapping[str, EntityInfo]
) -> dict[date, FactRecord]:
    """The running-total cancellation facts of ``target`` itself, by day."""
    return {
        r.end: r
        for r in records
        if r.metric in CANCEL_METRICS
        and r.cumulative
        and r.entity in fam
        and role_of(r.entity, target, r.end.strftime("%Y-%m"), ents) == "same"
    }


def _skip_reason(
    r: FactRecord, target: str, ents: Mapping[str, EntityInfo], seen: Mapping[date, FactRecord]
) -> str | None:
    """Why an order fact gives no backlog point (``None`` when it gives one)."""
    if not r.cumulative:
        return "not a running total of orders"
    if role_of(r.entity, target, r.end.strftime("%Y-%m"), ents) != "same":
        return f"orders of {r.entity} cover only part of {target}'s models, or more"
    if r.end in seen:
        return f"another order figure for the same day ranks higher ({seen[r.end].id})"
    return None


def _orders_interval(r: FactRecord, approx_tol: float) -> tuple[float, float | None]:
    """The lowest and highest cumulative orders an order fact allows (``None``: unbounded)."""
    O = r.value  # noqa: E741
    O_lo = O if r.bound in ("eq", "gt", "ge") else O * (1 - approx_tol) if r.bound == "approx" else 0.0
    O_hi = O if r.bound in ("eq", "lt", "le") else O * (1 + approx_tol) if r.bound == "approx" else None
    return O_lo, O_hi


def _net(o: float, C: float, C_share_lo: float | None) -> float:
    """Orders ``o`` less cancellations: the fact's figure, or the assumed share of ``o``."""
    return o - (C if C_share_lo is None else C_share_lo * o)


def _backlog_point(
    r: FactRecord, cum: _Cumulative, cancel: FactRecord | None, cancel_share: float, approx_tol: float
) -> BacklogPoint:
    """The backlog and both waits at the day of the order fact ``r`` (formulas in the module docstring)."""
    d = r.end
    D = cum.at(d)
    D_lo, D_hi = cum.at(d, "low"), cum.at(d, "high")
    O = r.value  # noqa: E741  (orders: the backlog below is B = O - D - C)
    O_lo, O_hi = _orders_interval(r, approx_tol)
    if cancel is not None:
        C, basis = cancel.value, f"fact {cancel.id}"
        C_share_lo = None
    else:
        C, basis = cancel_share * O, f"assumed: {cancel_share:.1%} of cumulative orders"
        C_share_lo = cancel_share
    B = O - D - C
    b_lo = _net(O_lo, C, C_share_lo) - D_hi if np.isfinite(D_hi) else None
    b_hi = _net(O_hi, C, C_share_lo) - D_lo if O_hi is not None else None
    rr, rr_months = cum.run_rate_before(d)
    w, ext = cum.first_day_reaching(O - C, d, "point")
    w_short, _ = cum.first_day_reaching(_net(O_lo, C, C_share_lo), d, "high")
    w_long, ext2 = (
        cum.first_day_reaching(_net(O_hi, C, C_share_lo), d, "low") if O_hi is not None else (None, False)
    )
    return BacklogPoint(
        date=d,
        orders=O,
        orders_bound=r.bound,
        orders_metric=r.metric,
        orders_fact=r.id,
        deliveries=D,
        deliveries_low=D_lo,
        deliveries_high=D_hi if np.isfinite(D_hi) else None,
        cancellations=C,
        cancellations_basis=basis,
        backlog=B,
        backlog_low=max(0.0, b_lo) if b_lo is not None else None,
        backlog_high=b_hi,
        run_rate=rr,
        run_rate_months=rr_months,
        wait_run_rate_months=B / rr if rr else None,
        fifo_wait_days=w,
        fifo_wait_days_low=w_short,
        fifo_wait_days_high=w_long,
        fifo_extrapolated=ext or ext2,
    )


def _assumptions(cancel_share: float) -> dict[str, str]:
    """The assumptions a backlog report states."""
    return {
        "cancellations": f"{cancel_share:.1%} of cumulative orders where no cancellation fact exists",
        "within_month": "deliveries spread evenly over the days of a month",
        "bounds": "an order bound ('more than N') is used at N for the point figures",
        "one_figure_a_day": "of several order figures for one day: exact, then official, then the tightest bound, then the latest",
        "run_rate": "mean monthly deliveries over the last (up to) three complete months before the date",
        "fifo_extrapolation": "past the last known month deliveries continue at the last three months' mean",
        "months": f"{DAYS_PER_MONTH:.4f} days",
    }


def order_backlog(
    facts: pd.DataFrame | Iterable[Fact],
    entity: str,
    *,
    entities: pd.DataFrame | Iterable[Mapping[str, Any]] | Mapping[str, EntityInfo] | None = None,
    cancel_share: float = 0.0,
    as_of: date | None = None,
    approx_tol: float = DEFAULT_APPROX_TOL,
    exclude: Iterable[str] = (),
    on_conflict: str = "prefer-official",
) -> BacklogReport:
    """Backlog and both waits of ``entity`` at every date with a cumulative order fact.

    ``cancel_share`` is the share of cumulative orders assumed cancelled when no
    cancellation fact exists (default 0: no cancellations assumed). ``exclude`` and
    ``on_conflict`` act on the deliveries facts as in :func:`monthly_deliveries`.
    Formulas in the module docstring.
    """
    if not 0.0 <= cancel_share < 1.0:
        raise InputError("cancel_share must be in [0, 1)", field="cancel_share")
    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    series = monthly_deliveries(
        facts,
        entity,
        None,
        entities=ents,
        as_of=as_of,
        approx_tol=approx_tol,
        exclude=exclude,
        on_conflict=on_conflict,
    )
    target = series.entity
    records, _revised = current_facts(fact_records(facts), as_of)
    fam = family(target, ents)
    cum = _Cumulative(series)
    cancels = _cancellation_facts(records, target, fam, ents)
    points: list[BacklogPoint] = []
    skipped: list[dict] = []
    order_facts = sorted(
        (r for r in records if r.metric in ORDER_METRICS and r.entity in fam), key=lambda r: (r.end, rank(r))
    )  # the precedence of evlens.reconcile
    seen: dict[date, FactRecord] = {}
    for r in order_facts:
        reason = _skip_reason(r, target, ents, seen)
        if reason is None:
            seen[r.end] = r
            if np.isnan(cum.at(r.end)):
                reason = "deliveries are not known up to this date"
        if reason is not None:
            skipped.append({"id": r.id, "period": r.period, "reason": reason})
            continue
        points.append(_backlog_point(r, cum, cancels.get(r.end), cancel_share, approx_tol))
    if not points and not skipped:
        raise NotFoundError(f"no cumulative order facts for {target!r}")
    return BacklogReport(
        entity=target, points=tuple(points), skipped=tuple(skipped), assumptions=_assumptions(cancel_share)
    )
