"""Monthly deliveries of a company or model from a mix of facts, growth, run-rate and pace.

:func:`monthly_deliveries` gathers the ``deliveries`` facts that describe the entity (see
:mod:`evlens.reconcile.entities` for the coverage rule), turns each into a constraint on a
sum of months and solves them together (:mod:`evlens.reconcile.intervals`). Months before the entity's
first delivery (gazetteer ``first_delivery``) count as zero, so a year total covers only
the months since deliveries began.

Conventions
-----------
* Every month carries its ``basis``: ``reported`` (a fact states it), ``derived`` (the
  facts force it), ``bounded`` (an interval; the value shown is the smoothest series, an
  estimate) or ``open`` (no upper bound).
* ``mom`` = ``x_m / x_{m-1} - 1`` and ``yoy`` = ``x_m / x_{m-12} - 1`` only when both months
  are reported or derived; otherwise ``None`` and the range ``[low_m / high_prev - 1,
  high_m / low_prev - 1]`` is given in ``mom_low``/``mom_high`` (``yoy_low``/``yoy_high``),
  with an open end when a bound is missing or zero.
* Cumulative: the running total from January of the year shown (from the first month
  when no year is given), with its interval over all series consistent with the facts.
* Run-rate: the mean of the last three months of the window (fewer when fewer exist);
  its ``value`` only when all of them are reported or derived, else ``None`` with the
  interval ``[low, high]`` of that mean (``basis`` ``range``).
* Target pace: with ``m`` calendar months of the year covered by the series, the straight
  line pace is ``target * m / 12``; status is ``ahead`` when deliveries to date are at
  least 105 % of it, ``behind`` below 95 %, ``on pace`` in between. The monthly rate
  still required is ``(target - to_date) / (12 - m)`` (zero once the target is reached).
  When the to-date total is not exact, ``to_date`` is the supported lower bound, the ratio
  is a range (``ratio_low``, ``ratio_high``) and the status names both ends ("behind to
  on pace").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ConflictError, EvlensError, InputError, NotFoundError
from ..facts import Fact
from ..gazetteer import Proxy, ReportedMetric
from ..periods import add_months, months_between, parse_period
from ..reconcile import (
    EntityInfo,
    FactRecord,
    current_facts,
    entity_infos,
    fact_records,
    family,
    first_delivery_month,
    resolve_conflicts,
    role_of,
    target_choice,
)
from ..reconcile import intervals as iv
from ..results import Result

#: Metrics that count vehicles handed to customers. Retail registrations (CPCA) and
#: wholesale figures measure something else and are never mixed in silently: only a
#: maker's ``[maker.proxy]`` in the universe data lets one bound its deliveries, within
#: the stated tolerance and named in each constraint and in ``rules["proxy"]``.
DELIVERY_METRICS = ("deliveries",)
DEFAULT_APPROX_TOL = 0.02
PACE_BAND = 0.05


def _none_if_inf(x: float) -> float | None:
    return None if not np.isfinite(x) else float(x)


@dataclass(frozen=True)
class MonthEstimate:
    month: str
    value: float
    low: float
    high: float | None
    exact: bool
    basis: str  # reported | derived | bounded | open
    cumulative: float
    cumulative_low: float
    cumulative_high: float | None
    mom: float | None
    yoy: float | None
    growth_exact: bool
    facts: tuple[str, ...] = ()
    mom_low: float | None = None
    mom_high: float | None = None
    yoy_low: float | None = None
    yoy_high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        # rounded to 0.1, but never out of its own interval (a value on a bound stays on it)
        value = max(round(self.value, 1), self.low)
        value = value if self.high is None else min(value, self.high)
        return {
            "month": self.month,
            "value": value,
            "low": self.low,
            "high": self.high,
            "exact": self.exact,
            "basis": self.basis,
            "cumulative": round(self.cumulative, 1),
            "cumulative_low": self.cumulative_low,
            "cumulative_high": self.cumulative_high,
            "mom": self.mom,
            "yoy": self.yoy,
            "growth_exact": self.growth_exact,
            "mom_low": self.mom_low,
            "mom_high": self.mom_high,
            "yoy_low": self.yoy_low,
            "yoy_high": self.yoy_high,
            "facts": list(self.facts),
        }


@dataclass(frozen=True)
class RunRate:
    months: tuple[str, ...]
    value: float | None  # None when a month of it rests on an estimate: see low and high
    low: float
    high: float | None
    basis: str = "exact"  # exact | range

    def to_dict(self) -> dict[str, Any]:
        return {
            "months": list(self.months),
            "value": None if self.value is None else round(self.value, 1),
            "low": self.low,
            "high": self.high,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class TargetPace:
    year: int
    target: float
    target_source: str  # fact id, or "given"
    to_date: float
    to_date_low: float
    to_date_high: float | None
    through: str
    months_elapsed: int
    months_left: int
    straight_line: float
    ratio: float
    required_per_month: float | None
    status: str
    rule: str
    basis: str = "exact"  # exact | range (to date rests on an estimate: ratio and status are ranges)
    ratio_low: float | None = None
    ratio_high: float | None = None
    target_fact: str | None = None  # id of the stored fact the target is, when it is one

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        for k in ("to_date", "straight_line", "required_per_month"):
            if d[k] is not None:
                d[k] = round(d[k], 1)
        d["ratio"] = round(self.ratio, 4)
        return d


@dataclass(frozen=True)
class DeliverySeries(Result):
    entity: str
    year: int | None
    months: tuple[MonthEstimate, ...]
    run_rate: RunRate | None
    pace: TargetPace | None
    facts_used: tuple[dict, ...]
    facts_skipped: tuple[dict, ...]
    rules: dict = field(default_factory=dict)
    measure: ReportedMetric | None = None  # set when the series is a harmonised measure

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "year": self.year,
            "measure": None
            if self.measure is None
            else {
                "metric": self.measure.metric,
                "label": self.measure.label_en,
                "label_zh": self.measure.label_zh,
                "rule": self.measure.rule,
            },
            "months": [m.to_dict() for m in self.months],
            "total": round(sum(m.value for m in self.months), 1),
            "run_rate": self.run_rate.to_dict() if self.run_rate else None,
            "pace": self.pace.to_dict() if self.pace else None,
            "facts_used": list(self.facts_used),
            "facts_skipped": list(self.facts_skipped),
            "rules": self.rules,
        }

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([m.to_dict() for m in self.months]).set_index("month")

    def summary(self) -> str:
        lines = [
            f"deliveries of {self.entity}"
            + (f" in {self.year}" if self.year else "")
            + (f" ({self.measure.label_en})" if self.measure else "")
        ]
        for m in self.months:
            hi = "open" if m.high is None else f"{m.high:,.0f}"
            lines.append(f"  {m.month}  {m.value:>10,.0f}  [{m.low:,.0f}, {hi}]  {m.basis}")
        if self.pace:
            p = self.pace
            lines.append(f"  target {p.target:,.0f}: {p.to_date:,.0f} to {p.through}, {p.status}")
        return "\n".join(lines)


def _interval(rec: FactRecord, role: str, tol: float, spread: float = 0.0) -> tuple[float, float | None]:
    """The interval a fact gives its months' sum: ``spread`` widens it on both sides (a
    proxy measure's tolerance, :class:`evlens.gazetteer.Proxy`)."""
    v = rec.value
    lo: float
    hi: float | None
    if rec.bound == "eq":
        lo, hi = v, v
    elif rec.bound in ("gt", "ge"):
        lo, hi = v, None
    elif rec.bound in ("lt", "le"):
        lo, hi = 0.0, v
    else:  # approx
        lo, hi = v * (1 - tol), v * (1 + tol)
    lo, hi = lo * (1 - spread), None if hi is None else hi * (1 + spread)
    if role == "part":  # the fact's entity is part of the target: only its lower side holds
        hi = None
    elif role == "whole":  # the target is part of the fact's entity: only the upper side
        lo = 0.0
    return lo, hi


def _label(rec: FactRecord, role: str, tol: float, spread: float = 0.0) -> str:
    extra = "" if role == "same" else f" (as {'a lower' if role == 'part' else 'an upper'} bound)"
    tolnote = f" (±{tol:.0%})" if rec.bound == "approx" else ""
    proxy = f" (read as deliveries ±{spread:.0%})" if spread else ""
    src = f" from {rec.source_url}" if rec.source_url else ""
    return rec.describe() + tolnote + proxy + extra + src


def _resolve_target(entity: str, entities: Mapping[str, EntityInfo]) -> str:
    if entity in entities:
        return entity
    low = entity.lower()
    if low in entities:
        return low
    raise NotFoundError(f"unknown entity {entity!r}: not in the gazetteer")


def delivery_metric(entity: str) -> ReportedMetric | None:
    """The measure ``entity``'s deliveries series is made of when the universe data
    harmonises another metric into deliveries (BYD: its NEV ``sales``,
    ``gazetteer.reported_metric``); None for plain deliveries or an entity outside it."""
    from .. import gazetteer

    try:
        rm = gazetteer.reported_metric(entity)
    except (EvlensError, KeyError):
        return None
    return rm if rm.shown_as == "deliveries" and rm.metric != "deliveries" else None


def delivery_proxy(entity: str) -> Proxy | None:
    """The measure that bounds ``entity``'s monthly deliveries when the universe data
    names one (Xiaomi: CPCA ``retail_sales`` within 3 %, ``gazetteer.Proxy``); None
    otherwise."""
    from .. import gazetteer

    m = gazetteer.maker_of(entity)
    return None if m is None else m.proxy


def _skip(r: FactRecord, reason: str) -> dict:
    """The entry of ``facts_skipped`` for a fact left out, and why."""
    return {"id": r.id, "period": r.period, "metric": r.metric, "reason": reason}


def _use_or_skip(
    r: FactRecord,
    target: str,
    own: ReportedMetric | None,
    proxy: Proxy | None,
    excluded: set[str],
    start: str | None,
    entities: Mapping[str, EntityInfo],
) -> tuple[FactRecord, str] | dict | None:
    """A fact of the target's family as a constraint bears it (the record, read as the
    target's measure, and its role), or its ``facts_skipped`` entry, or None for a fact of
    another metric that needs no mention. A proxy's figure keeps its metric; the caller
    widens it by the proxy's tolerance."""
    if own is not None and r.metric == own.metric:
        r = replace(r, metric="deliveries")
    elif own is not None and r.metric in DELIVERY_METRICS:
        return _skip(
            r, f"{target} publishes {own.label('en')}: a deliveries figure about it is not its own measure"
        )
    if r.metric not in DELIVERY_METRICS and not (proxy is not None and r.metric == proxy.metric):
        if "retail" in r.metric or "wholesale" in r.metric:
            return _skip(r, "a different measure (registrations or wholesale), not deliveries")
        return None
    if r.id in excluded:
        return _skip(r, "excluded on request")
    if r.rate is not None:
        return _skip(r, f"a rate per {r.rate}, not a total")
    role = role_of(r.entity, target, r.end.strftime("%Y-%m"), entities)
    if role is None:
        return _skip(r, f"{r.entity} and {target} cover different models in {r.period}")
    if not r.cumulative and r.start == r.end:
        # a flow over a single day is never what a delivery figure means: "delivered
        # about 135,000 by 31 December" is a running total as of that day
        r = replace(r, cumulative=True)
    if r.cumulative and start is None:
        return _skip(r, "a running total, but the first delivery month is unknown")
    return r, role


def _month_list(used: list[tuple[FactRecord, str]], start: str | None) -> tuple[str, list[str]]:
    """The first month (``start``, default: the first month a fact covers) and the months
    from it to the last a fact covers."""
    first = min(r.start.strftime("%Y-%m") for r, _ in used)
    last = max(r.end.strftime("%Y-%m") for r, _ in used)
    if start is None:
        start = first
    if last < start:
        last = start
    return start, [add_months(start, k) for k in range(months_between(last, start) + 1)]


def _fact_constraints(
    r: FactRecord, role: str, start: str, n: int, target: str, approx_tol: float, spread: float = 0.0
) -> list[iv.Constraint]:
    """The constraints one fact puts on the ``n`` months from ``start``: none for a fact
    before them that allows zero, an error for one that does not."""
    lo, hi = _interval(r, role, approx_tol, spread)
    label = _label(r, role, approx_tol, spread)
    a_m, b_m = r.start.strftime("%Y-%m"), r.end.strftime("%Y-%m")
    if r.cumulative:
        i_end = months_between(b_m, start)
        month_end = parse_period(b_m).end
        if i_end < 0:
            if lo > 0:
                raise ConflictError(
                    f"{label} is a positive running total before the first delivery month {start}"
                )
            return []
        if r.end == month_end:
            return [iv.Constraint(0, i_end, lo, hi, label, r.id)]
        cons = []  # a running total as of a day inside the month
        if lo > 0:
            cons.append(iv.Constraint(0, i_end, lo, None, label, r.id))
        if hi is not None and i_end >= 1:
            cons.append(iv.Constraint(0, i_end - 1, 0.0, hi, label, r.id))
        return cons
    i0 = max(0, months_between(a_m, start))
    i1 = months_between(b_m, start)
    if i1 < 0:
        if lo > 0:
            raise ConflictError(
                f"{label} lies before {target}'s first delivery month {start} (gazetteer first_delivery)"
            )
        return []
    return [iv.Constraint(i0, min(i1, n - 1), lo, hi, label, r.id)]


def delivery_constraints(
    records: list[FactRecord],
    target: str,
    entities: Mapping[str, EntityInfo],
    approx_tol: float = DEFAULT_APPROX_TOL,
    exclude: Iterable[str] = (),
) -> tuple[list[str], list[iv.Constraint], list[dict], list[dict]]:
    """The month list and constraints for ``target``, with the facts used and skipped."""
    excluded = set(exclude)
    fam = family(target, entities)
    start = first_delivery_month(target, entities)
    own = delivery_metric(target)
    proxy = delivery_proxy(target)
    used: list[tuple[FactRecord, str]] = []
    skipped: list[dict] = []
    for r in records:
        if r.entity not in fam:
            continue
        use = _use_or_skip(r, target, own, proxy, excluded, start, entities)
        if isinstance(use, dict):
            skipped.append(use)
        elif use is not None:
            used.append(use)
    if not used:
        raise NotFoundError(f"no deliveries facts describe {target!r}")
    start, months = _month_list(used, start)
    cons: list[iv.Constraint] = []
    for r, role in used:
        spread = proxy.tolerance if proxy is not None and r.metric == proxy.metric else 0.0
        cons.extend(_fact_constraints(r, role, start, len(months), target, approx_tol, spread))
    used_d = [dict(r.to_dict(), role=role) for r, role in used]
    return months, cons, used_d, skipped


def delivery_target(facts, entity: str, year: int, *, entities=None, as_of: date | None = None):
    """The year's delivery target of ``entity`` as :mod:`evlens.reconcile` chooses it as of
    ``as_of`` (latest when None): a :class:`evlens.reconcile.Choice`, or None."""
    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    return target_choice(fact_records(facts), _resolve_target(entity, ents), year, ents, as_of)


def pick_target(records: list[FactRecord], target: str, year: int, entities, as_of: date | None = None):
    """The year's delivery target fact for ``target``, as :func:`evlens.reconcile.target_choice`
    chooses it (kept for callers of the earlier name); None when no target is known."""
    c = target_choice(records, target, year, entities, as_of)
    if c is None:
        return None
    return next(r for r in records if r.id == c.chosen)


def monthly_deliveries(
    facts: pd.DataFrame | Iterable[Fact],
    entity: str,
    year: int | None = None,
    *,
    entities: pd.DataFrame | Iterable[Mapping[str, Any]] | Mapping[str, EntityInfo] | None = None,
    target: float | None = None,
    as_of: date | None = None,
    approx_tol: float = DEFAULT_APPROX_TOL,
    exclude: Iterable[str] = (),
    on_conflict: str = "prefer-official",
) -> DeliverySeries:
    """The monthly deliveries of ``entity`` consistent with all its ``deliveries`` facts.

    ``facts``: a ``store.facts()`` frame or ``Fact`` objects; ``entities``: the gazetteer
    (default: the bundled one). ``year`` limits the months shown (all facts are still
    solved together). ``as_of`` keeps only facts known by then. ``target`` overrides the
    year's target fact. ``approx_tol`` is the relative tolerance given to ``approx`` facts.
    ``exclude`` drops facts by id (e.g. after a conflict). ``on_conflict`` says what to do
    when the facts cannot all hold: ``raise`` (default) a ConflictError naming a minimal
    set of them, or ``prefer-official`` to leave out press figures (``method`` starting
    with ``extract``) that contradict the rest, each listed in ``facts_skipped`` with the
    facts it contradicts (see :func:`resolve_conflicts`).
    """
    if not 0 <= approx_tol < 1:
        raise InputError("approx_tol must be in [0, 1)", field="approx_tol")
    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    target_entity = _resolve_target(entity, ents)
    records, revised = current_facts(fact_records(facts), as_of)
    months, cons, used, skipped = delivery_constraints(records, target_entity, ents, approx_tol, exclude)
    skipped = list(skipped) + [r for r in revised if r["metric"] in DELIVERY_METRICS]
    n = len(months)
    cons, dropped = resolve_conflicts(
        n, cons, {r.id: r for r in records}, on_conflict, what=f"the deliveries facts of {target_entity}"
    )
    if dropped:
        gone = {d["id"] for d in dropped}
        used = [u for u in used if u["id"] not in gone]
        skipped = list(skipped) + dropped
    sol = iv.solve(n, cons, what=f"the deliveries facts of {target_entity}")
    sel = [i for i, m in enumerate(months) if year is None or m.startswith(f"{year:04d}-")]
    if year is not None and not sel:
        raise NotFoundError(f"no deliveries of {target_entity!r} are known for {year}")
    pace = None if year is None else _year_pace(sol, months, sel, year, target, records, target_entity, ents)
    own = delivery_metric(target_entity)
    rules = _rules(approx_tol, sol.point_rule, on_conflict, own, delivery_proxy(target_entity))
    return DeliverySeries(
        entity=target_entity,
        year=year,
        months=tuple(_month_estimates(sol, cons, months, sel, year)),
        run_rate=_run_rate(sol, months, sel),
        pace=pace,
        facts_used=tuple(used),
        facts_skipped=tuple(skipped),
        rules=rules,
        measure=own,
    )


def _is_exact(sol: iv.Solution, j: int) -> bool:
    """Whether the facts force month ``j`` to one value."""
    return bool(np.isfinite(sol.high[j]) and sol.high[j] - sol.low[j] <= 1e-6 * max(1.0, sol.high[j]))


def _growth(sol: iv.Solution, i: int, j: int) -> tuple[float | None, float | None, float | None]:
    """(exact growth, low, high) of month i against month j (see the conventions)."""
    if j < 0:
        return None, None, None
    if _is_exact(sol, i) and _is_exact(sol, j):
        return (float(sol.point[i] / sol.point[j] - 1) if sol.point[j] > 0 else None), None, None
    lo_i, hi_i, lo_j, hi_j = sol.low[i], sol.high[i], sol.low[j], sol.high[j]
    g_lo = float(lo_i / hi_j - 1) if np.isfinite(hi_j) and hi_j > 0 else None
    g_hi = float(hi_i / lo_j - 1) if np.isfinite(hi_i) and lo_j > 0 else None
    return None, g_lo, g_hi


def _month_estimates(
    sol: iv.Solution, cons: list[iv.Constraint], months: list[str], sel: list[int], year: int | None
) -> list[MonthEstimate]:
    """The months shown (indices ``sel``), each with its basis, growth, running total and
    the facts that bear on it."""
    per_month_facts: list[list[str]] = [[] for _ in months]
    reported = set()
    for c in cons:
        for i in range(c.first, c.last + 1):
            if c.fact_id not in per_month_facts[i]:
                per_month_facts[i].append(c.fact_id)
        if c.first == c.last and c.high is not None and c.low == c.high:
            reported.add(c.first)
    point = sol.point
    cum = np.cumsum(point)
    first_sel = sel[0] if sel else 0
    out = []
    for i in sel:
        lo, hi = float(sol.low[i]), float(sol.high[i])
        exact = _is_exact(sol, i)
        basis = (
            "reported"
            if (exact and i in reported)
            else "derived"
            if exact
            else ("bounded" if np.isfinite(hi) else "open")
        )
        mom, mom_lo, mom_hi = _growth(sol, i, i - 1)
        yoy, yoy_lo, yoy_hi = _growth(sol, i, i - 12)
        if year is None:
            c_val, c_lo, c_hi = float(cum[i]), float(sol.cum_low[i]), float(sol.cum_high[i])
        else:
            c_val = float(point[first_sel : i + 1].sum())
            c_lo, c_hi = sol.range_of_sum(first_sel, i)
        out.append(
            MonthEstimate(
                month=months[i],
                value=float(point[i]),
                low=lo,
                high=_none_if_inf(hi),
                exact=exact,
                basis=basis,
                cumulative=c_val,
                cumulative_low=float(c_lo),
                cumulative_high=_none_if_inf(float(c_hi)),
                mom=mom,
                yoy=yoy,
                growth_exact=exact and (i >= 1 and _is_exact(sol, i - 1)),
                facts=tuple(per_month_facts[i]),
                mom_low=mom_lo,
                mom_high=mom_hi,
                yoy_low=yoy_lo,
                yoy_high=yoy_hi,
            )
        )
    return out


def _run_rate(sol: iv.Solution, months: list[str], sel: list[int]) -> RunRate:
    """The mean of the last three months shown, or its range when one of them is not exact."""
    rr_idx = sel[-3:]
    rr_lo, rr_hi = sol.range_of_sum(rr_idx[0], rr_idx[-1])
    k = len(rr_idx)
    rr_exact = all(_is_exact(sol, i) for i in rr_idx)
    return RunRate(
        months=tuple(months[i] for i in rr_idx),
        value=float(sol.point[rr_idx].mean()) if rr_exact else None,
        low=rr_lo / k,
        high=_none_if_inf(rr_hi / k),
        basis="exact" if rr_exact else "range",
    )


def _year_pace(
    sol: iv.Solution,
    months: list[str],
    sel: list[int],
    year: int,
    target: float | None,
    records: list[FactRecord],
    target_entity: str,
    ents: Mapping[str, EntityInfo],
) -> TargetPace | None:
    """The pace against ``target``, else against the year's target fact; None when neither exists."""
    tfact = None if target is not None else target_choice(records, target_entity, year, ents)
    tval = target if target is not None else (tfact.value if tfact else None)
    if tval is None:
        return None
    return _pace(sol, months, sel, year, float(tval), tfact.chosen if tfact else None)


def _pace(
    sol: iv.Solution, months: list[str], sel: list[int], year: int, tval: float, fact: str | None
) -> TargetPace:
    """The year's deliveries so far (the months shown) against the target ``tval``, the
    stored fact ``fact`` or, when ``None``, a target the caller gave."""
    if tval <= 0:
        raise InputError("the target must be positive", field="target")
    lo_s, hi_s = sol.range_of_sum(sel[0], sel[-1])
    exact_sum = np.isfinite(hi_s) and hi_s - lo_s <= 1e-6 * max(1.0, hi_s)
    return target_pace(
        year,
        tval,
        float(sol.point[sel].sum()) if exact_sum else float(lo_s),
        months[sel[-1]],
        source=fact or "given",
        fact=fact,
        low=lo_s,
        high=_none_if_inf(hi_s),
    )


def _rules(
    approx_tol: float, point_rule: str, on_conflict: str, own: ReportedMetric | None, proxy: Proxy | None
) -> dict[str, Any]:
    """The rules a delivery series states with its figures, with the maker's harmonised
    measure (``own``) and proxy measure when it has them."""
    rules = {
        "bounds": "'more than' and 'at least' are lower bounds on the sum of the period's months, treated as closed",
        "approx_tolerance": approx_tol,
        "point_estimate": point_rule,
        "before_first_delivery": "months before the first delivery count as zero",
        "coverage": "facts on a model or model group count for the company when they cover all of its models delivering in the period; facts on part of it give lower bounds",
        "unpublished_facts": "a fact without a publication date counts as known from the release calendar's date "
        "(evlens/data/release_calendar.toml), never the day after its period ends",
        "revisions": "of figures of the same precision and standing, the one known latest as of the date is used; "
        "earlier ones are listed under facts_skipped",
        "single_day_facts": "a deliveries figure for a single day is a running total as of that day",
        "on_conflict": on_conflict,
        "run_rate": "mean of the last three months shown; a range when one of them rests on an estimate",
        "growth": "MoM and YoY from reported or derived months only; otherwise a range from the months' intervals",
        "cumulative": "running total from January of the year shown",
        "pace": f"ahead if to-date >= {1 + PACE_BAND:.0%} of target x months/12, behind if below {1 - PACE_BAND:.0%}, else on pace",
    }
    if own is not None:
        rules["measure"] = own.rule or f"{own.label_en}: the maker's own monthly measure, shown as deliveries"
    if proxy is not None:
        rules["proxy"] = {"metric": proxy.metric, "tolerance": proxy.tolerance, "rule": proxy.rule}
    return rules


def target_pace(
    year: int,
    target: float,
    to_date: float,
    through: str,
    *,
    source: str = "given",
    fact: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> TargetPace:
    """Deliveries to date against a year's target (rule in the module docstring).

    ``through`` is the last month (``YYYY-MM``) the to-date figure covers.
    """
    m = int(through[5:7]) if through.startswith(f"{year:04d}-") else 12
    left = 12 - m
    line = target * m / 12.0

    def status_of(x: float) -> tuple[float, str]:
        r = x / line if line > 0 else float("inf")
        if x >= target or r >= 1 + PACE_BAND:
            return r, "ahead"
        if r < 1 - PACE_BAND:
            return r, "behind"
        return r, "on pace"

    ratio, status = status_of(to_date)
    ranged = (low is not None and low < to_date - 1e-6) or high is None or high > to_date + 1e-6
    ratio_low = ratio_high = None
    basis = "exact"
    if ranged and (low is not None or high is not None):
        basis = "range"
        lo_v = low if low is not None else to_date
        ratio_low, s_lo = status_of(lo_v)
        if high is None:
            ratio_high, s_hi = None, "ahead"
        else:
            ratio_high, s_hi = status_of(high)
        status = s_lo if s_lo == s_hi else f"{s_lo} to {s_hi}"
    required = max(0.0, target - to_date) / left if left > 0 else None
    return TargetPace(
        year=year,
        target=target,
        target_source=source,
        to_date=to_date,
        to_date_low=low if low is not None else to_date,
        to_date_high=high,
        through=through,
        months_elapsed=m,
        months_left=left,
        straight_line=line,
        ratio=ratio,
        required_per_month=required,
        status=status,
        rule=f"straight-line pace target*m/12; ahead >= {1 + PACE_BAND:.2f}x, behind < {1 - PACE_BAND:.2f}x",
        basis=basis,
        ratio_low=ratio_low,
        ratio_high=ratio_high,
        target_fact=fact,
    )
