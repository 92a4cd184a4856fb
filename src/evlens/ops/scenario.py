"""Capacity-and-demand scenarios: a TOML file, parsed and validated into frozen dataclasses.

A scenario describes one maker over a span of time:

* ``[scenario]``: ``name``, ``entity``, ``start`` and ``end`` (dates), ``resolution``
  (``daily`` or ``monthly``), optional ``as_of`` (the date the scenario was written: by
  default a forecast uses only facts published by then) and ``note``.
* ``[target]``: ``year`` and ``deliveries``.
* ``[initial]``: the order backlog at ``start``, either ``backlog`` or
  ``orders_cumulative - deliveries_cumulative - cancelled_cumulative``.
* ``[demand]``: ``intake_per_month`` (new orders a month at ``start``), ``growth_per_year``,
  ``seasonality`` (12 multipliers, January first, rescaled to average 1), ``noise_sigma``
  (a month-by-month demand shock, lognormal with mean 1), and ``[[demand.event]]`` one-off
  order surges (``date``, ``orders``, ``name``) such as a launch.
* ``[cancellations]``: monthly hazard of a waiting order being cancelled as a function of
  the expected wait ``W`` (backlog / current monthly capacity):
  ``h = min(max_per_month, base_per_month + per_month_of_wait * max(0, W - grace_months))``.
* ``[[plant]]`` with ``[[plant.phase]]``: ``rated_per_month`` or ``rated_per_year`` (at
  ``rated_shifts`` shifts), ``start``, ramp (``ramp_months`` or the ``full_rate`` date;
  ``ramp_curve`` ``linear``, ``s-curve`` or ``step``), ``utilisation``,
  ``start_delay_days``, and the shift pattern ``shifts = [{from = date, count = n}]``
  with ``extra_shift_yield`` (each shift beyond the rated pattern adds that share of the
  rated output).

Any number may be uncertain: instead of a number write a table ``{dist = "normal", mean,
sd}``, ``{dist = "lognormal", median, sigma}``, ``{dist = "triangular", low, mode, high}``
or ``{dist = "uniform", low, high}``; the engine draws one value per simulated path. A
bounded distribution must stay within the key's allowed range; normal draws are clipped
to it (negative utilisation, for instance, becomes zero).

Errors name the file and the key at fault (``plant[0].phase[1].full_rate``).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError
from ..periods import DAYS_PER_MONTH

DISTS = {
    "normal": ("mean", "sd"),
    "lognormal": ("median", "sigma"),
    "triangular": ("low", "mode", "high"),
    "uniform": ("low", "high"),
}
RAMP_CURVES = ("linear", "s-curve", "step")
RESOLUTIONS = ("daily", "monthly")


@dataclass(frozen=True)
class Param:
    """A number, fixed or drawn once per path from a distribution."""

    dist: str  # fixed | normal | lognormal | triangular | uniform
    args: tuple[float, ...]

    @classmethod
    def fixed(cls, v: float) -> Param:
        return cls("fixed", (float(v),))

    @property
    def is_fixed(self) -> bool:
        return self.dist == "fixed"

    @property
    def mean(self) -> float:
        a = self.args
        if self.dist == "fixed":
            return a[0]
        if self.dist == "normal":
            return a[0]
        if self.dist == "lognormal":
            return a[0] * math.exp(a[1] ** 2 / 2)
        if self.dist == "triangular":
            return sum(a) / 3
        return (a[0] + a[1]) / 2

    @property
    def lowest(self) -> float:
        """The smallest value a draw can take (``-inf`` for a normal)."""
        a = self.args
        if self.dist == "normal":
            return -math.inf if a[1] > 0 else a[0]
        if self.dist == "lognormal":
            return 0.0
        return a[0]

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        a = self.args
        if self.dist == "fixed":
            return np.full(n, a[0])
        if self.dist == "normal":
            return rng.normal(a[0], a[1], n)
        if self.dist == "lognormal":
            return a[0] * np.exp(a[1] * rng.standard_normal(n))
        if self.dist == "triangular":
            if a[0] == a[2]:
                return np.full(n, a[0])
            return rng.triangular(a[0], a[1], a[2], n)
        return rng.uniform(a[0], a[1], n)

    def to_dict(self) -> Any:
        if self.dist == "fixed":
            return self.args[0]
        return {"dist": self.dist, **dict(zip(DISTS[self.dist], self.args))}


@dataclass(frozen=True)
class ShiftChange:
    start: date
    count: int


@dataclass(frozen=True)
class Phase:
    name: str
    rated_per_month: float
    start: date
    ramp_days: float
    ramp_curve: str
    utilisation: Param
    start_delay_days: Param
    rated_shifts: int = 1
    shifts: tuple[ShiftChange, ...] = ()
    extra_shift_yield: float = 1.0

    def shift_multiplier(self, d: date) -> float:
        """Output relative to the rated pattern on day ``d`` (see module docstring)."""
        count = self.rated_shifts
        for s in self.shifts:
            if s.start <= d:
                count = s.count
        y = self.extra_shift_yield
        return (1 + (count - 1) * y) / (1 + (self.rated_shifts - 1) * y)


@dataclass(frozen=True)
class Plant:
    name: str
    phases: tuple[Phase, ...]


@dataclass(frozen=True)
class DemandEvent:
    name: str
    date: date
    orders: Param


@dataclass(frozen=True)
class Demand:
    intake_per_month: Param
    growth_per_year: Param
    seasonality: tuple[float, ...]  # 12 multipliers averaging 1
    noise_sigma: float = 0.0
    events: tuple[DemandEvent, ...] = ()


@dataclass(frozen=True)
class Cancellations:
    base_per_month: Param
    per_month_of_wait: Param
    grace_months: float = 0.0
    max_per_month: float = 1.0


@dataclass(frozen=True)
class Scenario:
    name: str
    entity: str | None
    start: date
    end: date
    resolution: str
    initial_backlog: Param
    demand: Demand
    cancellations: Cancellations
    plants: tuple[Plant, ...]
    target_year: int | None = None
    target: float | None = None
    as_of: date | None = None
    note: str | None = None
    path: str | None = None
    sources: dict = field(default_factory=dict, compare=False)

    @property
    def phases(self) -> tuple[Phase, ...]:
        return tuple(ph for p in self.plants for ph in p.phases)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity": self.entity,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "resolution": self.resolution,
            "initial_backlog": self.initial_backlog.to_dict(),
            "target_year": self.target_year,
            "target": self.target,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "path": self.path,
            "plants": [
                {
                    "name": p.name,
                    "phases": [
                        {
                            "name": ph.name,
                            "rated_per_month": ph.rated_per_month,
                            "start": ph.start.isoformat(),
                            "ramp_days": ph.ramp_days,
                            "ramp_curve": ph.ramp_curve,
                            "utilisation": ph.utilisation.to_dict(),
                            "start_delay_days": ph.start_delay_days.to_dict(),
                            "shifts": [{"from": s.start.isoformat(), "count": s.count} for s in ph.shifts],
                        }
                        for ph in p.phases
                    ],
                }
                for p in self.plants
            ],
        }


# --------------------------------------------------------------------------- parsing


class _Reader:
    def __init__(self, path: str | None) -> None:
        self.path = path

    def fail(self, key: str, msg: str) -> InputError:
        return InputError(msg, path=self.path, field=key)

    def table(self, data: Any, key: str, allowed: set[str], required: Collection[str] = frozenset()) -> dict:
        if not isinstance(data, dict):
            raise self.fail(key, "expected a table")
        for k in data:
            if k not in allowed:
                full = f"{key}.{k}" if key else k
                raise self.fail(full, f"unknown key {full!r} (known: {', '.join(sorted(allowed))})")
        for k in required:
            if k not in data:
                full = f"{key}.{k}" if key else k
                raise self.fail(full, f"missing key {full!r}")
        return data

    def number(self, v: Any, key: str, *, low: float | None = None, high: float | None = None) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise self.fail(key, f"{key} must be a number, not {v!r}")
        if low is not None and v < low:
            raise self.fail(key, f"{key} must be >= {low}, not {v}")
        if high is not None and v > high:
            raise self.fail(key, f"{key} must be <= {high}, not {v}")
        return float(v)

    def date(self, v: Any, key: str) -> date:
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            raise self.fail(key, f"{key} must be a date (YYYY-MM-DD), not {v!r}") from None

    def param(self, v: Any, key: str, *, low: float | None = None, high: float | None = None) -> Param:
        if not isinstance(v, dict):
            return Param.fixed(self.number(v, key, low=low, high=high))
        dist = v.get("dist")
        if dist not in DISTS:
            raise self.fail(f"{key}.dist", f"{key}.dist must be one of {', '.join(DISTS)}, not {dist!r}")
        names = DISTS[dist]
        self.table(v, key, {"dist", *names}, set(names))
        args = tuple(self.number(v[n], f"{key}.{n}") for n in names)
        if dist == "normal" and args[1] < 0:
            raise self.fail(f"{key}.sd", f"{key}.sd must be >= 0")
        if dist == "lognormal" and (args[0] <= 0 or args[1] < 0):
            raise self.fail(key, f"{key} needs median > 0 and sigma >= 0")
        if dist == "triangular" and not args[0] <= args[1] <= args[2]:
            raise self.fail(key, f"{key} needs low <= mode <= high")
        if dist == "uniform" and not args[0] <= args[1]:
            raise self.fail(key, f"{key} needs low <= high")
        p = Param(dist, args)
        if dist == "normal":  # unbounded: the mean must be allowed; draws are clipped
            if (low is not None and args[0] < low) or (high is not None and args[0] > high):
                raise self.fail(f"{key}.mean", f"{key}.mean is outside [{low}, {high}]")
            return p
        if low is not None and p.lowest < low:
            raise self.fail(key, f"{key} can draw values below {low}; use a distribution bounded below")
        if high is not None and dist in ("triangular", "uniform") and args[-1] > high:
            raise self.fail(key, f"{key} can draw values above {high}")
        if high is not None and dist == "lognormal":
            raise self.fail(key, f"{key} can draw values above {high}; use triangular or uniform")
        return p


_PHASE_KEYS = {
    "name",
    "rated_per_month",
    "rated_per_year",
    "rated_shifts",
    "start",
    "ramp_months",
    "full_rate",
    "ramp_curve",
    "utilisation",
    "start_delay_days",
    "shifts",
    "extra_shift_yield",
}


def parse_scenario(data: dict, path: str | None = None) -> Scenario:
    """Validate a scenario already read from TOML (``path`` is only used in errors). The
    tables are read in file order (scenario, target, initial, demand, cancellations,
    plants), so the first error found is the one reported."""
    r = _Reader(path)
    top = r.table(
        data,
        "",
        {"scenario", "target", "initial", "demand", "cancellations", "plant", "sources"},
        {"scenario", "demand", "plant"},
    )
    sc = r.table(
        top["scenario"],
        "scenario",
        {"name", "entity", "start", "end", "resolution", "as_of", "note"},
        {"start", "end"},
    )
    start, end, resolution, as_of = _span(r, sc)
    tg = r.table(top.get("target", {}), "target", {"year", "deliveries"})
    t_year = int(r.number(tg["year"], "target.year", low=1900)) if "year" in tg else None
    t_val = r.number(tg["deliveries"], "target.deliveries", low=0) if "deliveries" in tg else None
    backlog = _initial_backlog(r, top.get("initial", {}))
    demand = _demand(r, top["demand"])
    cancellations = _cancellations(r, top.get("cancellations", {}))
    plants = _plants(r, top["plant"])
    return Scenario(
        name=str(sc.get("name", Path(path).stem if path else "scenario")),
        entity=sc.get("entity"),
        start=start,
        end=end,
        resolution=resolution,
        initial_backlog=backlog,
        demand=demand,
        cancellations=cancellations,
        plants=plants,
        target_year=t_year,
        target=t_val,
        as_of=as_of,
        note=sc.get("note"),
        path=path,
        sources=dict(top.get("sources", {})),
    )


def _span(r: _Reader, sc: dict) -> tuple[date, date, str, date | None]:
    """``[scenario]``: start, end, resolution and as-of date."""
    start = r.date(sc["start"], "scenario.start")
    end = r.date(sc["end"], "scenario.end")
    if end < start:
        raise r.fail("scenario.end", "scenario.end is before scenario.start")
    resolution = sc.get("resolution", "daily")
    if resolution not in RESOLUTIONS:
        raise r.fail("scenario.resolution", f"scenario.resolution must be one of {RESOLUTIONS}")
    if resolution == "monthly" and start.day != 1:
        raise r.fail("scenario.start", "a monthly scenario must start on the first day of a month")
    as_of = r.date(sc["as_of"], "scenario.as_of") if "as_of" in sc else None
    return start, end, resolution, as_of


def _initial_backlog(r: _Reader, raw: Any) -> Param:
    """``[initial]``: the backlog, given as such or from cumulative orders, deliveries and
    cancellations (0 without the table)."""
    ini = r.table(
        raw,
        "initial",
        {"backlog", "orders_cumulative", "deliveries_cumulative", "cancelled_cumulative"},
    )
    if "backlog" in ini:
        if len(ini) > 1:
            raise r.fail("initial", "give either initial.backlog or the cumulative figures, not both")
        return r.param(ini["backlog"], "initial.backlog", low=0)
    if not ini:
        return Param.fixed(0.0)
    oc = r.number(ini.get("orders_cumulative", 0), "initial.orders_cumulative", low=0)
    dc = r.number(ini.get("deliveries_cumulative", 0), "initial.deliveries_cumulative", low=0)
    cc = r.number(ini.get("cancelled_cumulative", 0), "initial.cancelled_cumulative", low=0)
    if oc - dc - cc < 0:
        raise r.fail(
            "initial", "orders_cumulative - deliveries_cumulative - cancelled_cumulative is negative"
        )
    return Param.fixed(oc - dc - cc)


def _demand(r: _Reader, raw: Any) -> Demand:
    """``[demand]`` and its ``[[demand.event]]``; seasonality normalised to a mean of 1."""
    dm = r.table(
        raw,
        "demand",
        {"intake_per_month", "growth_per_year", "seasonality", "noise_sigma", "event"},
        {"intake_per_month"},
    )
    season = dm.get("seasonality", [1.0] * 12)
    if not isinstance(season, list) or len(season) != 12:
        raise r.fail("demand.seasonality", "demand.seasonality must list 12 monthly multipliers")
    season_v = [r.number(v, f"demand.seasonality[{i}]", low=0) for i, v in enumerate(season)]
    if sum(season_v) <= 0:
        raise r.fail("demand.seasonality", "demand.seasonality must not be all zero")
    mean_s = sum(season_v) / 12
    events = []
    for i, ev in enumerate(dm.get("event", [])):
        k = f"demand.event[{i}]"
        ev = r.table(ev, k, {"name", "date", "orders"}, {"date", "orders"})
        events.append(
            DemandEvent(
                name=str(ev.get("name", f"event {i}")),
                date=r.date(ev["date"], f"{k}.date"),
                orders=r.param(ev["orders"], f"{k}.orders", low=0),
            )
        )
    return Demand(
        intake_per_month=r.param(dm["intake_per_month"], "demand.intake_per_month", low=0),
        growth_per_year=r.param(dm.get("growth_per_year", 0.0), "demand.growth_per_year", low=-0.99),
        seasonality=tuple(v / mean_s for v in season_v),
        noise_sigma=r.number(dm.get("noise_sigma", 0.0), "demand.noise_sigma", low=0),
        events=tuple(events),
    )


def _cancellations(r: _Reader, raw: Any) -> Cancellations:
    """``[cancellations]`` (no cancellations without the table)."""
    cn = r.table(
        raw, "cancellations", {"base_per_month", "per_month_of_wait", "grace_months", "max_per_month"}
    )
    return Cancellations(
        base_per_month=r.param(cn.get("base_per_month", 0.0), "cancellations.base_per_month", low=0, high=1),
        per_month_of_wait=r.param(cn.get("per_month_of_wait", 0.0), "cancellations.per_month_of_wait", low=0),
        grace_months=r.number(cn.get("grace_months", 0.0), "cancellations.grace_months", low=0),
        max_per_month=r.number(cn.get("max_per_month", 1.0), "cancellations.max_per_month", low=0, high=1),
    )


def _plants(r: _Reader, raw: Any) -> tuple[Plant, ...]:
    """``[[plant]]`` and their ``[[plant.phase]]``: at least one plant, each with a phase."""
    if not isinstance(raw, list) or not raw:
        raise r.fail("plant", "at least one [[plant]] is needed")
    plants = []
    for i, pl in enumerate(raw):
        pk = f"plant[{i}]"
        pl = r.table(pl, pk, {"name", "phase"}, {"phase"})
        phases = [_phase(r, ph, f"{pk}.phase[{j}]", j) for j, ph in enumerate(pl["phase"])]
        if not phases:
            raise r.fail(f"{pk}.phase", f"{pk} has no [[plant.phase]]")
        plants.append(Plant(name=str(pl.get("name", f"plant {i + 1}")), phases=tuple(phases)))
    return tuple(plants)


def _phase(r: _Reader, raw: Any, k: str, j: int) -> Phase:
    """One ``[[plant.phase]]`` (``k``: its key in errors, ``j``: its index in the plant)."""
    ph = r.table(raw, k, _PHASE_KEYS, {"start"})
    rated = _rated_per_month(r, ph, k)
    p_start = r.date(ph["start"], f"{k}.start")
    ramp_days = _ramp_days(r, ph, k, p_start)
    curve = ph.get("ramp_curve", "linear")
    if curve not in RAMP_CURVES:
        raise r.fail(f"{k}.ramp_curve", f"{k}.ramp_curve must be one of {RAMP_CURVES}")
    rated_shifts = int(r.number(ph.get("rated_shifts", 1), f"{k}.rated_shifts", low=1))
    shifts = []
    for s_i, s in enumerate(ph.get("shifts", [])):
        sk = f"{k}.shifts[{s_i}]"
        s = r.table(s, sk, {"from", "count"}, {"from", "count"})
        shifts.append(
            ShiftChange(r.date(s["from"], f"{sk}.from"), int(r.number(s["count"], f"{sk}.count", low=1)))
        )
    shifts.sort(key=lambda s: s.start)
    return Phase(
        name=str(ph.get("name", f"phase {j + 1}")),
        rated_per_month=rated,
        start=p_start,
        ramp_days=ramp_days,
        ramp_curve=curve,
        utilisation=r.param(ph.get("utilisation", 1.0), f"{k}.utilisation", low=0, high=1.5),
        start_delay_days=r.param(ph.get("start_delay_days", 0.0), f"{k}.start_delay_days", low=0),
        rated_shifts=rated_shifts,
        shifts=tuple(shifts),
        extra_shift_yield=r.number(ph.get("extra_shift_yield", 1.0), f"{k}.extra_shift_yield", low=0, high=1),
    )


def _rated_per_month(r: _Reader, ph: dict, k: str) -> float:
    """A phase's rated capacity per month, from exactly one of rated_per_month and
    rated_per_year (a twelfth of it)."""
    if ("rated_per_month" in ph) == ("rated_per_year" in ph):
        raise r.fail(f"{k}.rated_per_month", f"{k} needs exactly one of rated_per_month and rated_per_year")
    if "rated_per_month" in ph:
        rated = r.number(ph["rated_per_month"], f"{k}.rated_per_month")
        rk = f"{k}.rated_per_month"
    else:
        rated = r.number(ph["rated_per_year"], f"{k}.rated_per_year") / 12.0
        rk = f"{k}.rated_per_year"
    if rated < 0:
        raise r.fail(rk, f"{rk} is negative: capacity cannot be below zero")
    return rated


def _ramp_days(r: _Reader, ph: dict, k: str, p_start: date) -> float:
    """A phase's ramp in days, from at most one of full_rate (a date) and ramp_months."""
    if "full_rate" in ph and "ramp_months" in ph:
        raise r.fail(f"{k}.full_rate", f"{k} needs at most one of ramp_months and full_rate")
    if "full_rate" in ph:
        full = r.date(ph["full_rate"], f"{k}.full_rate")
        if full < p_start:
            raise r.fail(
                f"{k}.full_rate",
                f"{k}.full_rate ({full}) is before {k}.start ({p_start}): the ramp ends before it starts",
            )
        return float((full - p_start).days)
    rm = ph.get("ramp_months", 0.0)
    if isinstance(rm, (int, float)) and not isinstance(rm, bool) and rm < 0:
        raise r.fail(f"{k}.ramp_months", f"{k}.ramp_months is negative: the ramp ends before it starts")
    return r.number(rm, f"{k}.ramp_months", low=0) * DAYS_PER_MONTH


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario TOML file. A bare name (``xiaomi-2025``) loads the
    shipped scenario of that name."""
    p = Path(path)
    if not p.exists() and not p.suffix and p.parent == Path("."):
        shipped = resources.files("evlens.data").joinpath("scenarios", f"{p.name}.toml")
        if shipped.is_file():
            return loads_scenario(shipped.read_text(encoding="utf-8"), path=f"<shipped>/{p.name}.toml")
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the scenario: {exc.strerror}", path=str(p)) from None
    return loads_scenario(text, path=str(p))


def loads_scenario(text: str, path: str | None = None) -> Scenario:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path=path) from None
    return parse_scenario(data, path)


def shipped_scenarios() -> list[str]:
    """Names of the scenarios bundled with evlens."""
    d = resources.files("evlens.data").joinpath("scenarios")
    return sorted(f.name[:-5] for f in d.iterdir() if f.name.endswith(".toml"))


def with_assumptions(
    scenario: Scenario,
    *,
    second_phase_start: date | None = None,
    ramp_months: float | None = None,
    demand_growth: float | None = None,
) -> Scenario:
    """The scenario with an analyst's assumptions swapped in, the rest unchanged: the start
    and ramp (in months of ``DAYS_PER_MONTH`` days) of the second phase of the first plant
    that has one, and a fixed yearly demand growth. ``None`` keeps the file's value."""
    if demand_growth is not None:
        scenario = replace(
            scenario, demand=replace(scenario.demand, growth_per_year=Param.fixed(demand_growth))
        )
    if second_phase_start is None and ramp_months is None:
        return scenario
    plants = list(scenario.plants)
    for i, plant in enumerate(plants):
        if len(plant.phases) >= 2:
            ph = plant.phases[1]
            if second_phase_start is not None:
                ph = replace(ph, start=second_phase_start)
            if ramp_months is not None:
                ph = replace(ph, ramp_days=float(ramp_months) * DAYS_PER_MONTH)
            plants[i] = replace(plant, phases=(plant.phases[0], ph, *plant.phases[2:]))
            break
    return replace(scenario, plants=tuple(plants))
