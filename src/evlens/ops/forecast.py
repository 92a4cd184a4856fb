"""A year's deliveries forecast: known months from the facts, the rest from the scenario.

:func:`forecast_deliveries` works in four steps:

1. Keep the facts known on ``as_of`` (a fact without a publication date counts as known
   from the release calendar's date, :mod:`evlens.reconcile.calendar`). ``as_of`` defaults to the scenario's own ``as_of``
   (the date it was written), else today.
2. Build the monthly deliveries series from those facts (:func:`monthly_deliveries`).
   Months of the year that have ended by ``as_of`` and appear in the series are *known*:
   their point estimates are used as they are (their intervals are reported, not drawn).
3. Simulate the scenario (:func:`evlens.ops.engine.simulate`) with the known months
   forced to their figures, so the backlog evolves with what was actually delivered.
4. The year's deliveries on each path are the known months before the scenario starts
   plus the simulated months of the year. ``p_hit`` is the share of paths reaching the
   target; percentiles use NumPy's linear interpolation; ``mean_se`` is the Monte Carlo
   standard error ``sd / sqrt(paths)``.

Capacity binds in a month of a path when, on at least half of the month's steps, the
factory delivered all it could make while orders were waiting; a month is listed under
``capacity_binds`` when that holds on at least half of the paths.

Target: the one given, else the target fact chosen by :func:`evlens.reconcile.target_choice`
as of ``as_of`` (a raise known by then replaces the earlier figure), else the scenario's
(when it is for the same year).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, NotFoundError
from ..facts import Fact
from ..periods import parse_period
from ..reconcile import EntityInfo, entity_infos, fact_records, target_choice
from ..results import Result
from .deliveries import DEFAULT_APPROX_TOL, monthly_deliveries
from .engine import Simulation, simulate
from .scenario import Scenario

PERCENTILES = (5, 50, 95)


def _band(a: np.ndarray) -> dict[str, float | None]:
    finite = np.where(np.isfinite(a), a, np.nan)
    if np.all(np.isnan(finite)):
        return {"mean": None, "p5": None, "p50": None, "p95": None}
    p = np.nanpercentile(finite, PERCENTILES)
    return {
        "mean": round(float(np.nanmean(finite)), 2),
        "p5": round(float(p[0]), 2),
        "p50": round(float(p[1]), 2),
        "p95": round(float(p[2]), 2),
    }


@dataclass(frozen=True)
class MonthBand:
    month: str
    known: bool
    deliveries: dict
    orders: dict
    cancellations: dict
    production: dict
    backlog_end: dict
    wait_months: dict
    capacity_bound_share: float | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ForecastResult(Result):
    entity: str
    year: int
    target: float
    target_source: str
    as_of: date
    paths: int
    seed: int
    p_hit: float
    mean: float
    mean_se: float
    sd: float
    p5: float
    p50: float
    p95: float
    known_months: tuple[str, ...]
    facts_left_out: tuple[dict, ...]
    known_total: float
    known_low: float
    known_high: float | None
    months: tuple[MonthBand, ...]
    capacity_binds: tuple[str, ...]
    scenario: str
    rules: dict
    sample: tuple[float, ...] = ()  # the year total's distribution as 200 equally spaced quantiles

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d.pop("sample", None)
        d["as_of"] = self.as_of.isoformat()
        d["months"] = [m.to_dict() for m in self.months]
        d["known_months"] = list(self.known_months)
        d["facts_left_out"] = list(self.facts_left_out)
        d["capacity_binds"] = list(self.capacity_binds)
        for k in ("p_hit", "mean", "mean_se", "sd", "p5", "p50", "p95", "known_total"):
            d[k] = round(float(d[k]), 4 if k == "p_hit" else 1)
        return d

    def summary(self) -> str:
        lines = [
            f"{self.entity} deliveries in {self.year}: {self.paths:,} paths, seed {self.seed}, facts as of {self.as_of}",
            f"  target {self.target:,.0f} ({self.target_source}): P(hit) = {self.p_hit:.1%}",
            f"  mean {self.mean:,.0f} (se {self.mean_se:,.0f}); p5 {self.p5:,.0f}  p50 {self.p50:,.0f}  p95 {self.p95:,.0f}",
            f"  known months: {', '.join(self.known_months) or 'none'} ({self.known_total:,.0f})",
            f"  capacity binds in: {', '.join(self.capacity_binds) or 'no month'}",
        ]
        return "\n".join(lines)


def forecast_deliveries(
    scenario: Scenario,
    year: int | None = None,
    *,
    facts: pd.DataFrame | Iterable[Fact] | None = None,
    entity: str | None = None,
    entities: pd.DataFrame | Iterable[Mapping[str, Any]] | Mapping[str, EntityInfo] | None = None,
    target: float | None = None,
    paths: int = 10_000,
    seed: int | None = None,
    as_of: date | None = None,
    approx_tol: float = DEFAULT_APPROX_TOL,
    exclude: Iterable[str] = (),
    on_conflict: str = "prefer-official",
) -> ForecastResult:
    """Probability of reaching the year's delivery target, and the distribution around it.

    See the module docstring for the steps and conventions. ``approx_tol``, ``exclude``
    and ``on_conflict`` act on the deliveries facts as in :func:`monthly_deliveries`.
    Long because of its twelve parameters and the 24 fields of the result it fills; each
    step of the work (known months, span check, simulation, target, month bands) is a
    helper of its own.
    """
    year = year or scenario.target_year
    if year is None:
        raise InputError("say which year to forecast (the scenario has no [target] year)", field="year")
    entity = entity or scenario.entity
    if entity is None:
        raise InputError("say which entity to forecast (the scenario names none)", field="entity")
    if paths < 1:
        raise InputError("paths must be at least 1", field="paths")
    as_of = as_of or scenario.as_of or date.today()
    if seed is None:
        seed = secrets.randbits(63)
    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    known = _Known(entity)
    if facts is not None:
        known = _known_months(facts, entity, year, ents, as_of, approx_tol, exclude, on_conflict)
    entity = known.entity
    scen_first = _check_span(scenario, year, known.values, as_of)
    before = sum(v for mo, v in known.values.items() if mo < scen_first)
    observed = {k: v for k, v in known.values.items() if k >= scen_first}
    sim = simulate(scenario, paths, seed=seed, observed=observed)
    in_year = np.array([m.startswith(f"{year:04d}-") for m in sim.months])
    totals = before + sim.deliveries[in_year].sum(axis=0)
    target, target_source = _target(target, facts, entity, year, ents, as_of, scenario)
    bands = _month_bands(sim, in_year)
    binds = tuple(
        b.month for b in bands if b.capacity_bound_share is not None and b.capacity_bound_share >= 0.5
    )
    p = np.percentile(totals, PERCENTILES)
    sd = float(totals.std(ddof=1)) if paths > 1 else 0.0
    return ForecastResult(
        entity=entity,
        year=year,
        target=float(target),
        target_source=target_source,
        as_of=as_of,
        paths=int(paths),
        seed=int(seed),
        p_hit=float((totals >= target).mean()),
        mean=float(totals.mean()),
        mean_se=sd / np.sqrt(paths),
        sd=sd,
        p5=float(p[0]),
        p50=float(p[1]),
        p95=float(p[2]),
        known_months=tuple(sorted(known.values)),
        facts_left_out=known.left_out,
        known_total=float(sum(known.values.values())),
        known_low=known.low,
        known_high=known.high,
        months=tuple(bands),
        capacity_binds=binds,
        scenario=scenario.name,
        rules=dict(_RULES),
        sample=tuple(float(x) for x in np.quantile(totals, (np.arange(200) + 0.5) / 200)),
    )


_RULES = {
    "as_of": "facts known by this date; a fact with no publication date counts from the release calendar's date",
    "known_months": "months of the year ended by as_of and present in the facts' series; point estimates used",
    "capacity_binds": "capacity binds on a path when it bound on >= half the month's steps; listed when so on >= half the paths",
    "percentiles": "numpy linear interpolation",
    "target": "given > the target fact chosen by evlens.reconcile as of as_of > scenario",
}


@dataclass
class _Known:
    """The months of the year whose deliveries the facts give by ``as_of`` (point
    estimates), the sum of their lower and upper bounds (``high`` None when one is open),
    the press figures left out, and the entity as the series names it."""

    entity: str
    values: dict[str, float] = field(default_factory=dict)
    low: float = 0.0
    high: float | None = 0.0
    left_out: tuple[dict, ...] = ()


def _known_months(
    facts: pd.DataFrame | Iterable[Fact],
    entity: str,
    year: int,
    ents: Mapping[str, EntityInfo],
    as_of: date,
    approx_tol: float,
    exclude: Iterable[str],
    on_conflict: str,
) -> _Known:
    """The year's months ended by ``as_of``, from the monthly series of the facts (none
    when the facts give no deliveries for the year)."""
    try:
        series = monthly_deliveries(
            facts,
            entity,
            year,
            entities=ents,
            as_of=as_of,
            approx_tol=approx_tol,
            exclude=exclude,
            on_conflict=on_conflict,
        )
    except NotFoundError:
        return _Known(entity)
    known = _Known(
        series.entity, left_out=tuple(x for x in series.facts_skipped if "prefer-official" in x["reason"])
    )
    for m in series.months:
        if parse_period(m.month).end <= as_of:
            known.values[m.month] = m.value
            known.low += m.low
            known.high = None if (known.high is None or m.high is None) else known.high + m.high
    return known


def _check_span(scenario: Scenario, year: int, known: Mapping[str, float], as_of: date) -> str:
    """The scenario's first month (``YYYY-MM``), once sure that the scenario and the known
    months together cover the whole year."""
    scen_first = scenario.start.strftime("%Y-%m")
    for mo in (f"{year:04d}-{k:02d}" for k in range(1, 13)):
        if mo < scen_first and mo not in known:
            raise InputError(
                f"the scenario starts on {scenario.start} but deliveries of {mo} are not known as of {as_of}",
                path=scenario.path,
                field="scenario.start",
            )
    if scenario.end < date(year, 12, 31):
        raise InputError(
            f"the scenario ends on {scenario.end}, before the end of {year}",
            path=scenario.path,
            field="scenario.end",
        )
    return scen_first


def _target(
    target: float | None,
    facts: pd.DataFrame | Iterable[Fact] | None,
    entity: str,
    year: int,
    ents: Mapping[str, EntityInfo],
    as_of: date,
    scenario: Scenario,
) -> tuple[float, str]:
    """The target and where it comes from: the one given, else the target fact chosen as
    of ``as_of``, else the scenario's for that year."""
    target_source = "given"
    if target is None and facts is not None:
        t = target_choice(fact_records(facts), entity, year, ents, as_of)
        if t is not None:
            target, target_source = t.value, f"fact {t.chosen}"
    if target is None and scenario.target is not None and scenario.target_year in (None, year):
        target, target_source = scenario.target, f"scenario {scenario.name}"
    if target is None:
        raise NotFoundError(f"no delivery target for {entity} in {year}: give one")
    if target <= 0:
        raise InputError("the target must be positive", field="target")
    return target, target_source


def _month_bands(sim: Simulation, in_year: np.ndarray) -> list[MonthBand]:
    """The spread over paths of each month of the year."""
    bands = []
    for i, mo in enumerate(sim.months):
        if not in_year[i]:
            continue
        observed = sim.observed[i]
        bands.append(
            MonthBand(
                month=mo,
                known=observed,
                deliveries=_band(sim.deliveries[i]),
                orders=_band(sim.orders[i]),
                cancellations=_band(sim.cancellations[i]),
                production=_band(sim.production[i]),
                backlog_end=_band(sim.backlog_end[i]),
                wait_months=_band(sim.wait_end_months[i]),
                capacity_bound_share=None
                if observed
                else round(float((sim.capacity_bound_share[i] >= 0.5).mean()), 4),
            )
        )
    return bands
