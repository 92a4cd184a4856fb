"""Back-tests: forecast each year's total from what was public at every month end, and
score it against what happened.

For every series with data (a company's deliveries; a model's retail sales where the
company figures do not cover it) and every year whose outcome the facts bound, the year
total is forecast as of each month end ``D`` of that year from the facts known on ``D``
(at least :data:`evlens.ops.baseline.MIN_MONTHS` monthly figures needed). The outcome is
the year's total from all facts; where the facts give only bounds, the point scored
against is the midpoint of ``[low, high]`` (flagged ``outcome_bounded``). The outcome is
public from the latest known date of the facts that fix it (at the earliest the release
calendar's date of the year's December figure).

Calibration is split-conformal and point-in-time: the interval of a point as of ``D``
uses only the scores (:func:`evlens.ops.baseline.score`) of back-test points whose
outcome was public by ``D`` (the release calendar's date of the year's December figure),
from earlier years of any series, the series itself included. No point is scored with a
calibration that contains it. Points with fewer than
:data:`evlens.ops.baseline.MIN_CALIBRATION` such scores are not scored (listed as
``uncalibrated``).

Scores: coverage of the central 50/80/90 % bands; CRPS (``scoringrules.crps_ensemble``
on the forecast's draws); median absolute percentage error of the median. Baselines:
the run-rate times the months left and the seasonal naive (point forecasts: CRPS equals
the absolute error, no bands), and AutoETS on the raw log series with its own residual
spread (statsforecast; uncalibrated bands).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from ..errors import EvlensError
from ..periods import parse_period
from ..reconcile import entity_infos, fact_records, release_calendar, target_choice
from ..results import Result
from . import baseline as bl

METHODS = ("model", "run-rate", "seasonal naive", "AutoETS")


def month_ends(year: int) -> list[date]:
    return [date(year, m + 1, 1) - timedelta(days=1) if m < 12 else date(year, 12, 31) for m in range(1, 13)]


@dataclass(frozen=True)
class Outcome:
    value: float  # the point scored against (the midpoint when bounded)
    low: float
    high: float
    known_from: date

    @property
    def bounded(self) -> bool:
        return self.high - self.low > 1e-6 * max(1.0, self.high)


def outcome_of(records, entity: str, metric: str, year: int, ents) -> Outcome | None:
    """The year's total from all facts, or None when the facts do not bound it."""
    from ..errors import NotFoundError
    from .deliveries import monthly_deliveries

    known = release_calendar().estimate(metric, parse_period(f"{year}-12"))[0]
    if metric == "deliveries":
        try:
            s = monthly_deliveries(records, entity, year, entities=ents)
        except (NotFoundError, EvlensError):
            return None
        if not s.months or s.months[-1].month != f"{year}-12" or s.months[-1].cumulative_high is None:
            return None
        lo, hi = s.months[-1].cumulative_low, s.months[-1].cumulative_high
        # public once every fact about the year's months is known
        for u in s.facts_used:
            p = parse_period(u["period"])
            if p.start.year <= year <= p.end.year and u.get("known_from"):
                known = max(known, date.fromisoformat(u["known_from"]))
        return Outcome((lo + hi) / 2, lo, hi, known)
    used = [
        r
        for r in records
        if r.entity == entity
        and r.metric == metric
        and r.period.startswith(f"{year}-")
        and parse_period(r.period).kind == "month"
        and r.bound == "eq"
    ]
    vals = {r.period: r.value for r in used}
    if len(vals) < 12:
        return None
    known = max([known] + [r.known_from for r in used])
    total = float(sum(vals.values()))
    return Outcome(total, total, total, known)


def series_keys(records, ents) -> list[tuple[str, str]]:
    """(entity, metric) of every company with facts of its deliveries measure (deliveries,
    or the harmonised metric it publishes, e.g. BYD's NEV sales) and every model with
    monthly retail figures (aggregates such as the market total left out)."""
    out = []
    companies = {e.id for e in ents.values() if e.kind == "company"}
    from .deliveries import delivery_metric

    by_metric: dict[str, set[str]] = {}
    for r in records:
        by_metric.setdefault(r.metric, set()).add(r.entity)
    for c in sorted(companies):
        fam = {c} | {e.id for e in ents.values() if e.parent == c}
        own = delivery_metric(c)
        if fam & by_metric.get(own.metric if own is not None else "deliveries", set()):
            out.append((c, "deliveries"))
    models = {e.id for e in ents.values() if e.kind == "model"}
    retail = sorted({r.entity for r in records if r.metric == "retail_sales" and r.entity in models})
    out.extend((m, "retail_sales") for m in retail)
    return out


@dataclass(frozen=True)
class Point:
    entity: str
    metric: str
    year: int
    as_of: date
    outcome: Outcome
    forecasts: dict  # method -> PointForecast

    @property
    def h(self) -> int:
        return self.forecasts["model"].h


def raw_points(
    records, ents, years: Iterable[int], entities: Sequence[str] | None = None, until: date | None = None
) -> tuple[list[Point], list[dict]]:
    """Uncalibrated forecasts of every method at every month end of ``years`` (only as-of
    dates up to ``until``, only outcomes public by ``until`` when given)."""
    points, skipped = [], []
    keys = series_keys(records, ents)
    if entities:
        keys = [k for k in keys if k[0] in set(entities)]
    for ent, metric in keys:
        for y in years:
            out = outcome_of(records, ent, metric, y, ents)
            if out is None:
                skipped.append(
                    {
                        "entity": ent,
                        "metric": metric,
                        "year": y,
                        "reason": "the facts do not bound the year's total",
                    }
                )
                continue
            if until is not None and out.known_from > until:
                continue
            for d in month_ends(y):
                try:
                    s = bl.monthly_series(records, ent, entities=ents, as_of=d, metric=metric)
                except EvlensError:
                    continue
                if len(s.months) < bl.MIN_MONTHS:
                    continue
                fc = {}
                plan = target_choice(records, s.entity, y, ents, d) if metric == "deliveries" else None
                try:
                    fc["model"] = bl.with_target(bl.ets_point(s, y, d), plan.value if plan else None)
                    fc["AutoETS"] = bl.ets_point(s, y, d, seasonal=False)
                except (EvlensError, ValueError, np.linalg.LinAlgError):
                    continue
                fc["run-rate"] = bl.naive_point(s, y, d)
                fc["seasonal naive"] = bl.seasonal_naive_point(s, y, d)
                if fc["model"].h == 0:
                    continue
                points.append(Point(ent, metric, y, d, out, fc))
    return points, skipped


def _scores_before(points: Sequence[Point], as_of: date, method: str = "model") -> list[float]:
    return [bl.score(p.forecasts[method], p.outcome.value) for p in points if p.outcome.known_from <= as_of]


def calibration_scores(
    records,
    ents,
    as_of: date,
    years: Iterable[int] | None = None,
    cache: MutableMapping[str, Any] | None = None,
) -> list[float]:
    """The model's scores from back-test points whose outcome was public by ``as_of``.

    A point's forecast (as of its month end ``d``) depends only on the facts known on
    ``d``, so it is kept in ``cache`` (any mutable mapping; default: one kept for the life
    of the process) under a key made of the series, ``d`` and a digest of the ids and
    known dates of the facts known on ``d``: a new or corrected fact changes the key of
    every point made on or after the day it became known, and of no other. The outcome is recomputed from the facts known on
    ``as_of`` every time (it is cheap, and it is what may differ between as-of dates).
    """
    cache = _PROCESS_CACHE if cache is None else cache
    records = [r for r in fact_records(records) if r.known_from <= as_of]
    first = min((r.start.year for r in records), default=as_of.year)
    ys = list(years) if years is not None else list(range(first, as_of.year))
    digests = _digests(records, [d for y in ys for d in month_ends(y)] + [as_of])
    first_year: dict[tuple[str, str], int] = {}
    for r in records:
        k = (r.entity, r.metric)
        first_year[k] = min(first_year.get(k, r.start.year), r.start.year)
    scores = []
    for ent, metric in series_keys(records, ents):
        fam = {ent} | {e.id for e in ents.values() if e.parent == ent}
        since = min((y for (e, m), y in first_year.items() if e in fam), default=as_of.year)
        for y in ys:
            if y < since:
                continue
            okey = f"outcome|{ent}|{metric}|{y}|{digests[as_of]}"
            if okey not in cache:
                o = outcome_of(records, ent, metric, y, ents)
                cache[okey] = None if o is None else [o.value, o.low, o.high, o.known_from.isoformat()]
            got_o = cache[okey]
            out = (
                None if got_o is None else Outcome(got_o[0], got_o[1], got_o[2], date.fromisoformat(got_o[3]))
            )
            if out is None or out.known_from > as_of:
                continue
            for d in month_ends(y):
                key = f"{ent}|{metric}|{y}|{d.isoformat()}|{digests[d]}"
                if key not in cache:
                    pf = _model_point(records, ent, metric, y, d, ents)
                    cache[key] = None if pf is None else [pf.known, pf.remaining, pf.h]
                got = cache[key]
                if got is not None:
                    known, remaining, h = got
                    scores.append(
                        bl.score(bl.PointForecast(known, remaining, int(h), 0.0, (), ()), out.value)
                    )
    if len(cache) > _CACHE_LIMIT and cache is _PROCESS_CACHE:
        cache.clear()
    return scores


_PROCESS_CACHE: dict[str, Any] = {}
_CACHE_LIMIT = 50_000


def _digests(records, days: Sequence[date]) -> dict[date, str]:
    """For each day, a digest of the (id, known date) of every fact known on that day."""
    import hashlib

    ordered = sorted((r.known_from, r.id) for r in records)
    out, h, i = {}, hashlib.sha256(), 0
    for d in sorted(set(days)):
        while i < len(ordered) and ordered[i][0] <= d:
            h.update(f"{ordered[i][1]}@{ordered[i][0].isoformat()};".encode())
            i += 1
        out[d] = h.copy().hexdigest()[:20]
    return out


def _model_point(records, ent: str, metric: str, y: int, d: date, ents) -> bl.PointForecast | None:
    """The model's uncalibrated forecast of year ``y`` as of ``d`` (None: no forecast)."""
    try:
        s = bl.monthly_series(records, ent, entities=ents, as_of=d, metric=metric)
    except EvlensError:
        return None
    if len(s.months) < bl.MIN_MONTHS:
        return None
    plan = target_choice(records, s.entity, y, ents, d) if metric == "deliveries" else None
    try:
        pf = bl.with_target(bl.ets_point(s, y, d), plan.value if plan else None)
    except (EvlensError, ValueError, np.linalg.LinAlgError):
        return None
    return None if pf.h == 0 else pf


def _stats(rows: list[dict], name: str | None = None) -> dict:
    n = len(rows)
    d: dict[str, Any] = {"points": n}
    if name is not None:
        d = {"name": name, **d}
    if not n:
        return d | {
            "coverage_50": None,
            "coverage_80": None,
            "coverage_90": None,
            "crps": None,
            "mape_p50": None,
        }
    for lv in ("50", "80", "90"):
        cov = [r["inside"][lv] for r in rows if r["inside"][lv] is not None]
        d[f"coverage_{lv}"] = round(float(np.mean(cov)), 4) if cov else None
    d["crps"] = round(float(np.mean([r["crps"] for r in rows])), 1)
    d["mape_p50"] = round(float(np.median([abs(r["p50"] - r["outcome"]) / r["outcome"] for r in rows])), 4)
    return d


@dataclass(frozen=True)
class BacktestResult(Result):
    """Scores of the calibrated model and the baselines over every back-test point."""

    years: tuple[int, ...]
    rows: tuple[dict, ...]
    baseline_rows: dict
    skipped: tuple[dict, ...]
    rules: dict = field(default_factory=dict)

    def scores(self) -> dict:
        return _stats(list(self.rows))

    def to_dict(self) -> dict[str, Any]:
        d = self.scores()
        d["makers_or_models"] = len({r["entity"] for r in self.rows})
        d["bounded_outcomes"] = sum(1 for r in self.rows if r["outcome_bounded"])
        d["baselines"] = [_stats(rows, name) for name, rows in self.baseline_rows.items()]
        d["calibration"] = calibration_curve(self.rows)
        d["calibration_autoets"] = calibration_curve(self.baseline_rows.get("AutoETS", ()))
        d["by_entity"] = self.by_entity()
        d["years"] = list(self.years)
        d["points_detail"] = list(self.rows)
        d["skipped"] = list(self.skipped)
        d["rules"] = self.rules
        return d

    def by_entity(self) -> list[dict]:
        out = []
        for ent in sorted({r["entity"] for r in self.rows}):
            rows = [r for r in self.rows if r["entity"] == ent]
            keys = {(r["entity"], r["as_of"]) for r in rows}
            e = {"entity": ent, "metric": rows[0]["metric"], "model": _stats(rows)}
            for name, brs in self.baseline_rows.items():
                e[name] = _stats([b for b in brs if (b["entity"], b["as_of"]) in keys])
            out.append(e)
        return out

    def summary(self) -> str:
        def line(name, s):
            def f(x, p=False):
                return "  -  " if x is None else (f"{x:.2f}" if p else f"{x:,.0f}")

            return (
                f"{name:<16}{s['points']:>7}{f(s['coverage_50'], True):>8}{f(s['coverage_80'], True):>8}"
                f"{f(s['coverage_90'], True):>8}{f(s['crps']):>11}{(s['mape_p50'] or 0):>9.1%}"
            )

        head = f"{'':<16}{'points':>7}{'cov50':>8}{'cov80':>8}{'cov90':>8}{'CRPS':>11}{'MdAPE':>9}"
        d = self.to_dict()
        lines = [
            f"Back-test of year totals, as of every month end of {', '.join(map(str, self.years))}: "
            f"{d['points']} points, {d['makers_or_models']} makers or models "
            f"({d['bounded_outcomes']} points scored against the midpoint of a bounded outcome)",
            "",
            head,
            line("model", d),
        ]
        for b in d["baselines"]:
            lines.append(line(b["name"], b))
        for e in d["by_entity"]:
            lines += ["", f"{e['entity']} ({e['metric']})", head, line("model", e["model"])]
            for name in self.baseline_rows:
                lines.append(line(name, e[name]))
        cal = d["calibration"]
        if cal:
            lines += [
                "",
                "calibration (central bands): stated " + " ".join(f"{c['stated']:>5.0%}" for c in cal),
                "                             observed " + " ".join(f"{c['observed']:>5.0%}" for c in cal),
            ]
        lines += [
            "",
            "bands of run-rate and seasonal naive: none (point forecasts; CRPS = absolute error); "
            "AutoETS: its own residual spread, uncalibrated",
            "model bands: split-conformal, each point calibrated only on outcomes public by its as-of date",
        ]
        return "\n".join(lines)


def _row(p: Point, method: str, draws: np.ndarray | None) -> dict:
    import scoringrules as sr

    pf = p.forecasts[method]
    y = p.outcome.value
    inside: dict[str, bool | None]
    if draws is None:
        p50 = pf.p50
        inside = {"50": None, "80": None, "90": None}
        crps = abs(p50 - y)
        band90 = None
    else:
        p50 = float(np.quantile(draws, 0.5))
        inside = {}
        for lv in (50, 80, 90):
            lo, hi = np.quantile(draws, [(1 - lv / 100) / 2, (1 + lv / 100) / 2])
            inside[str(lv)] = bool(lo <= y <= hi)
        crps = float(sr.crps_ensemble(y, draws))
        band90 = [float(x) for x in np.quantile(draws, [0.05, 0.95])]
    held = None if draws is None else {f"{a:g}": _inside(draws, y, a) for a in CALIBRATION_LEVELS}
    return {
        "entity": p.entity,
        "metric": p.metric,
        "year": p.year,
        "as_of": p.as_of.isoformat(),
        "h": pf.h,
        "outcome": y,
        "outcome_bounded": p.outcome.bounded,
        "p50": p50,
        "band90": band90,
        "inside": inside,
        "crps": crps,
        "inside_levels": held,
    }


def _inside(draws: np.ndarray, y: float, level: float) -> bool:
    """Whether ``y`` lies in the central band of ``level`` of the draws (quantiles as
    ``numpy.quantile`` interpolates them, the same rule as the coverage scores)."""
    lo, hi = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2])
    return bool(lo <= y <= hi)


CALIBRATION_LEVELS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def calibration_curve(rows: Sequence[dict], levels: Sequence[float] = CALIBRATION_LEVELS) -> list[dict]:
    """Stated against observed coverage of the central bands: for each level ``a`` the
    share of points whose outcome lies between the forecast's ``(1 - a) / 2`` and
    ``(1 + a) / 2`` quantiles (as for ``coverage_50/80/90``). A calibrated forecast lies on
    the diagonal (observed = stated). Points without bands (point forecasts) are left out."""
    held = [r["inside_levels"] for r in rows if r.get("inside_levels")]
    if not held:
        return []
    return [
        {"stated": a, "observed": round(float(np.mean([h[f"{a:g}"] for h in held])), 4), "points": len(held)}
        for a in levels
    ]


def backtest(
    facts, *, entities=None, years: Sequence[int] = (2024, 2025), only: Sequence[str] | None = None
) -> BacktestResult:
    """Back-test the calibrated model and the baselines (rules in the module docstring)."""
    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    records = fact_records(facts)
    first = min(
        (r.start.year for r in records if r.metric in ("deliveries", "retail_sales")), default=min(years)
    )
    cal_years = list(range(first, max(years) + 1))
    pts, skipped = raw_points(records, ents, cal_years)
    scored = [p for p in pts if p.year in set(years) and (not only or p.entity in set(only))]
    rows: list[dict] = []
    base: dict[str, list[dict]] = {m: [] for m in METHODS[1:]}
    uncal = []
    for p in scored:
        cal = [q for q in pts if q.outcome.known_from <= p.as_of]
        sc = [bl.score(q.forecasts["model"], q.outcome.value) for q in cal]
        if len(sc) < bl.MIN_CALIBRATION:
            uncal.append(
                {
                    "entity": p.entity,
                    "year": p.year,
                    "as_of": p.as_of.isoformat(),
                    "reason": f"uncalibrated: {len(sc)} back-test scores public by then",
                }
            )
            continue
        draws, _ = bl.ensemble(p.forecasts["model"], sc)
        rows.append(
            _row(p, "model", draws)
            | {
                "calibrated_on": len(sc),
                "calibration_years": sorted({q.year for q in cal}),
                "calibration_outcomes_public_by": max(q.outcome.known_from for q in cal).isoformat(),
            }
        )
        base["run-rate"].append(_row(p, "run-rate", None))
        base["seasonal naive"].append(_row(p, "seasonal naive", None))
        ets_draws, _ = bl.ensemble(p.forecasts["AutoETS"], None)
        base["AutoETS"].append(_row(p, "AutoETS", ets_draws))
    return BacktestResult(
        tuple(years),
        tuple(rows),
        base,
        tuple(skipped) + tuple(uncal),
        rules={
            "calibration": "split-conformal on scores of outcomes public by each as-of date",
            "outcome": "the year's total from all facts; the midpoint where they give only bounds",
        },
    )


def backtest_cached(
    facts,
    *,
    entities=None,
    years: Sequence[int] = (2024, 2025),
    cache: MutableMapping[str, Any] | None = None,
) -> dict:
    """``backtest(...).to_dict()``, kept in ``cache`` (any mutable mapping) under a digest
    of every fact's id and known date and the years: the same facts give the same
    back-test, so a report or a page shows it without running it again."""
    records = fact_records(facts)
    key = f"backtest|{','.join(map(str, years))}|{_digests(records, [date.max])[date.max]}"
    if cache is not None and key in cache:
        return cache[key]
    d = backtest(records, entities=entities, years=years).to_dict()
    d = {k: v for k, v in d.items() if k != "skipped"}
    if cache is not None:
        cache[key] = d
    return d


def backtest_scenario(scenario, facts, *, entities=None, paths: int = 2000, seed: int = 1) -> dict:
    """The analyst's scenario back-tested the same way as the calibrated model.

    At every month end ``D`` of the scenario's year, from its own date on (a scenario
    written on a day knows what was public then, so earlier points would look ahead),
    the scenario's Monte Carlo forecast of the year from the facts known on ``D`` is
    scored against the outcome: coverage of its central 50/80/90 % bands, CRPS
    (``scoringrules.crps_ensemble`` on 200 equally spaced quantiles of its paths) and
    the median's absolute percentage error. The calibrated model is scored on the same
    points, as its back-test scored them, for comparison."""
    from .forecast import forecast_deliveries

    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    records = fact_records(facts)
    year, entity = scenario.target_year, scenario.entity
    if year is None or entity is None:
        raise EvlensError(f"scenario {scenario.name} names no entity or target year to back-test")
    out = outcome_of(records, entity, "deliveries", year, ents)
    if out is None:
        raise EvlensError(
            f"the facts do not bound {entity}'s {year} total: nothing to score {scenario.name} against"
        )
    start = scenario.as_of or date(year, 1, 1)
    rows = []
    for d in month_ends(year):
        if d < start or d.month == 12:
            continue
        f = forecast_deliveries(
            scenario, year, facts=records, entity=entity, entities=ents, paths=paths, seed=seed, as_of=d
        )
        draws = np.asarray(f.sample)
        rows.append(
            _row(
                Point(entity, "deliveries", year, d, out, {"scenario": _Median(f.p50, 12 - d.month)}),
                "scenario",
                draws,
            )
        )
    model = [
        r
        for r in backtest(records, entities=ents, years=(year,), only=[entity]).rows
        if r["as_of"] in {x["as_of"] for x in rows}
    ]
    return {
        "scenario": scenario.name,
        "entity": entity,
        "year": year,
        "outcome": out.value,
        "outcome_bounded": out.bounded,
        "scenario_scores": _stats(rows),
        "model_scores": _stats(model),
        "points_detail": rows,
        "rules": {
            "points": "month ends from the scenario's own date to November",
            "crps": "scoringrules.crps_ensemble on 200 quantiles of the paths",
        },
    }


@dataclass(frozen=True)
class _Median:
    """What ``_row`` needs of a forecast scored on its draws: its median and horizon."""

    p50: float
    h: int
