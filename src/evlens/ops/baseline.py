"""A statistical forecast of a year's total from a maker's (or model's) own monthly series.

No scenario file is needed. For a forecast of year ``Y`` as of day ``D``:

1. **Series.** The entity's monthly figures known on ``D`` (through :mod:`evlens.reconcile`):
   deliveries from :func:`evlens.ops.monthly_deliveries` (point estimates inside each
   month's interval, with their basis), or, for a model without delivery figures, its
   monthly retail sales. Months of ``Y`` present in the series count as *known*; the
   others (to December, and gaps) are forecast: ``h`` months.
2. **Seasonality** from the China passenger-car market (bundled
   ``data/market/china_car_sales_monthly.csv``, months published by ``D``):
   ``s_m = mean over complete years of x_{y,m} / mean_m(x_{y,m})``, normalised to mean 1.
3. **Model.** statsforecast's ``AutoETS`` (no seasonal term) fitted on
   ``log(x_t / s_{m(t)})`` (the deseasonalised log series; gaps filled by linear
   interpolation), needing at least :data:`MIN_MONTHS` months; on a series too short for
   ETS, statsforecast's ``RandomWalkWithDrift``. The median of the remaining total is
   ``R = sum_k exp(mu_k) * s_{m(k)}`` over the forecast months.
4. **Interval.** The year total is ``known + R * exp(sqrt(h) * u)`` where ``u`` runs over
   calibration scores ``u = log(actual_remaining / R) / sqrt(h)`` from back-tests whose
   outcome was public by ``D`` (split-conformal, :mod:`evlens.ops.backtest`). Without
   enough of them (< :data:`MIN_CALIBRATION`), ``u`` is drawn from a normal with the
   model's own one-step residual spread (stated as uncalibrated).
5. **Structure.** A delivery target chosen by :mod:`evlens.reconcile` as of ``D`` is a
   fact about the maker's own plan: it is combined with the statistical median
   (:func:`with_target`) and gives ``P(hit)``; the best recent month is reported as a
   floor on capacity, never a ceiling (announced capacity is not used as a cap: output
   has outrun it).
"""

from __future__ import annotations

import csv
import math
import warnings
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import InputError, NotFoundError
from ..periods import add_months, months_between, parse_period
from ..reconcile import current_facts, entity_infos, fact_records, release_calendar, target_choice
from ..results import Result

MIN_MONTHS = 6
MIN_CALIBRATION = 20
LEVELS = (0.5, 0.8, 0.9)
QUANTILES = (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95)


# ----------------------------------------------------------------------------- market


@lru_cache(maxsize=1)
def market_series() -> tuple[tuple[str, float], ...]:
    """The bundled China passenger-car market total by month."""
    text = (
        resources.files("evlens.data")
        .joinpath("market", "china_car_sales_monthly.csv")
        .read_text(encoding="utf-8")
    )
    return tuple((r["month"], float(r["units"])) for r in csv.DictReader(text.splitlines()))


def market_seasonality(as_of: date, market: Sequence[tuple[str, float]] | None = None) -> np.ndarray:
    """Twelve multiplicative factors (mean 1) from the complete market years published by
    ``as_of`` (formula in the module docstring); all ones when no year is complete."""
    cal = release_calendar()
    rows = [
        (m, v)
        for m, v in (market if market is not None else market_series())
        if cal.estimate("retail_sales", parse_period(m))[0] <= as_of
    ]
    by_year: dict[int, dict[int, float]] = {}
    for m, v in rows:
        by_year.setdefault(int(m[:4]), {})[int(m[5:7])] = v
    ratios = [
        np.array([y[k] for k in range(1, 13)]) / np.mean([y[k] for k in range(1, 13)])
        for y in by_year.values()
        if len(y) == 12
    ]
    if not ratios:
        return np.ones(12)
    s = np.mean(ratios, axis=0)
    return s / s.mean()


# ----------------------------------------------------------------------------- series


@dataclass(frozen=True)
class MonthlySeries:
    """An entity's monthly figures known on a date: month -> (value, low, high, basis)."""

    entity: str
    metric: str
    months: tuple[str, ...]
    values: tuple[float, ...]
    lows: tuple[float, ...]
    highs: tuple[float | None, ...]
    basis: tuple[str, ...]

    def value_of(self) -> dict[str, float]:
        return dict(zip(self.months, self.values))


def monthly_series(
    facts, entity: str, *, entities=None, as_of: date | None = None, metric: str | None = None
) -> MonthlySeries:
    """The monthly series of ``entity`` from the facts known on ``as_of``.

    ``metric``: ``deliveries`` (solved from mixed facts), ``retail_sales`` (monthly
    figures as reconciled), or None: deliveries when the entity has any, else retail."""
    from .deliveries import monthly_deliveries

    records = fact_records(facts)
    if metric in (None, "deliveries"):
        try:
            s = monthly_deliveries(records, entity, None, entities=entities, as_of=as_of)
            return MonthlySeries(
                s.entity,
                "deliveries",
                tuple(m.month for m in s.months),
                tuple(m.value for m in s.months),
                tuple(m.low for m in s.months),
                tuple(m.high for m in s.months),
                tuple(m.basis for m in s.months),
            )
        except NotFoundError:
            if metric == "deliveries":
                raise
    known, _ = current_facts(records, as_of)
    from ..reconcile import reconcile

    rec = reconcile(
        [
            r
            for r in known
            if r.entity == entity
            and r.metric == "retail_sales"
            and r.rate is None
            and parse_period(r.period).kind == "month"
        ]
    )
    if not rec.choices:
        raise NotFoundError(
            f"no monthly deliveries or retail figures of {entity!r} are known"
            + (f" on {as_of}" if as_of else "")
        )
    ch = sorted(rec.choices, key=lambda c: c.period)
    return MonthlySeries(
        entity,
        "retail_sales",
        tuple(c.period for c in ch),
        tuple(c.value for c in ch),
        tuple(c.value for c in ch),
        tuple(c.value for c in ch),
        tuple("reported" for _ in ch),
    )


# ----------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class PointForecast:
    """What a method says about the year before calibration: the known part, the median
    of the remaining months and how many months remain."""

    known: float
    remaining: float
    h: int
    sigma: float  # one-step spread of the log residuals (for the uncalibrated fallback)
    known_months: tuple[str, ...]
    forecast_months: tuple[str, ...]
    best_recent: float | None = None

    @property
    def p50(self) -> float:
        return self.known + self.remaining


def _split(series: MonthlySeries, year: int) -> tuple[list[str], list[str], float, list[str]]:
    vals = series.value_of()
    hist = list(series.months)
    known = [m for m in hist if m.startswith(f"{year:04d}-")]
    todo = [f"{year:04d}-{k:02d}" for k in range(1, 13) if f"{year:04d}-{k:02d}" not in vals]
    return hist, known, float(sum(vals[m] for m in known)), todo


def _filled(series: MonthlySeries, until: str) -> tuple[list[str], np.ndarray]:
    """The series from its first month to ``until`` with gaps filled linearly."""
    vals = series.value_of()
    first = series.months[0]
    months = [add_months(first, k) for k in range(months_between(until, first) + 1)]
    x = np.array([vals.get(m, np.nan) for m in months], dtype=float)
    idx = np.arange(len(x))
    ok = ~np.isnan(x)
    x[~ok] = np.interp(idx[~ok], idx[ok], x[ok])
    return months, x


def ets_point(series: MonthlySeries, year: int, as_of: date, *, seasonal: bool = True) -> PointForecast:
    """The model of the module docstring (``seasonal=False``: AutoETS on the raw log
    series, the AutoETS baseline)."""
    from statsforecast.models import AutoETS

    _hist, known, known_total, todo = _split(series, year)
    if len(series.months) < MIN_MONTHS:
        raise InputError(
            f"{series.entity}: {len(series.months)} monthly figures known on {as_of}; "
            f"a forecast needs at least {MIN_MONTHS}",
            field="entity",
        )
    last = series.months[-1]
    months, x = _filled(series, last)
    s = market_seasonality(as_of) if seasonal else np.ones(12)
    sf = np.array([s[int(m[5:7]) - 1] for m in months])
    y = np.log(np.maximum(x, 1.0) / sf)
    ahead = [add_months(last, k) for k in range(1, 13 + max(0, months_between(f"{year:04d}-12", last)))]
    ahead = [m for m in ahead if m <= f"{year:04d}-12"]
    todo_after = [m for m in todo if m > last]
    todo_gaps = [m for m in todo if m <= last]
    vals = series.value_of()
    gap_fill = {m: x[months.index(m)] for m in todo_gaps if m in months}
    remaining = float(sum(gap_fill.values()))
    sigma = 0.1
    if ahead:
        with warnings.catch_warnings():  # statsforecast warns on exact fits of short series
            warnings.simplefilter("ignore", RuntimeWarning)
            try:
                mu = AutoETS(season_length=1, model="ZZN").fit(y).predict(len(ahead))["mean"]
            except (NotImplementedError, ValueError):  # too short for ETS: a random walk with drift
                from statsforecast.models import RandomWalkWithDrift

                mu = RandomWalkWithDrift().fit(y).predict(len(ahead))["mean"]
        fc = {m: float(np.exp(mu[i]) * s[int(m[5:7]) - 1]) for i, m in enumerate(ahead)}
        remaining += sum(fc[m] for m in todo_after)
        resid = np.diff(y) if len(y) > 2 else np.array([0.1])
        sigma = float(max(np.std(resid[-12:], ddof=1) if len(resid) > 2 else 0.1, 0.02))
    recent = [vals[m] for m in series.months[-6:]]
    return PointForecast(
        known_total,
        remaining,
        len(todo),
        sigma,
        tuple(known),
        tuple(todo),
        float(max(recent)) if recent else None,
    )


def naive_point(series: MonthlySeries, year: int, as_of: date) -> PointForecast:
    """Run-rate baseline: known months plus the mean of the last three months times the
    months left."""
    _hist, known, known_total, todo = _split(series, year)
    rr = float(np.mean(series.values[-3:]))
    return PointForecast(known_total, rr * len(todo), len(todo), 0.0, tuple(known), tuple(todo))


def seasonal_naive_point(series: MonthlySeries, year: int, as_of: date) -> PointForecast:
    """Seasonal naive baseline: each month left is the same month a year earlier (the
    run-rate where that month is not known)."""
    _hist, known, known_total, todo = _split(series, year)
    vals = series.value_of()
    rr = float(np.mean(series.values[-3:]))
    rem = sum(vals.get(add_months(m, -12), rr) for m in todo)
    return PointForecast(known_total, float(rem), len(todo), 0.0, tuple(known), tuple(todo))


def with_target(pf: PointForecast, target: float | None) -> PointForecast:
    """Combine the statistical median with the maker's own target for the year, as one
    more forecast of the remaining months: ``log R' = (1 - w) log R + w log(T - known)``
    with ``w = 0.5 * h / 12`` (equal weight at the start of the year, fading as months
    become known). A target already reached (``T <= known``) says nothing about the rest
    and is not used. Unchanged without a target."""
    if target is None or pf.h == 0 or pf.remaining <= 0 or target <= pf.known:
        return pf
    from dataclasses import replace

    w = 0.5 * pf.h / 12
    return replace(pf, remaining=math.exp((1 - w) * math.log(pf.remaining) + w * math.log(target - pf.known)))


# ----------------------------------------------------------------------------- calibrated


def score(pf: PointForecast, outcome: float) -> float:
    """The calibration score ``u = log(actual_remaining / R) / sqrt(h)`` (actual remaining
    floored at 5 % of ``R``)."""
    actual = max(outcome - pf.known, 0.05 * pf.remaining)
    return math.log(actual / pf.remaining) / math.sqrt(max(pf.h, 1))


def ensemble(pf: PointForecast, scores: Sequence[float] | None, n: int = 400) -> tuple[np.ndarray, str]:
    """Draws of the year total: ``known + R exp(sqrt(h) u)`` over calibration scores, or
    the uncalibrated normal fallback. Returns the draws and how they were made."""
    if pf.h == 0 or pf.remaining <= 0:
        return np.full(n, pf.known), "all months known"
    if scores is not None and len(scores) >= MIN_CALIBRATION:
        u = np.sort(np.asarray(scores, dtype=float))
        how = f"calibrated on {len(u)} back-test scores public by the as-of date"
    else:
        u = np.random.default_rng(0).normal(0.0, pf.sigma, n)
        how = "uncalibrated: the model's own residual spread (too few back-tests public by the as-of date)"
    return pf.known + pf.remaining * np.exp(math.sqrt(pf.h) * u), how


@dataclass(frozen=True)
class BaselineForecast(Result):
    """A year's total forecast without a scenario (see the module docstring)."""

    entity: str
    metric: str
    year: int
    as_of: date
    known_total: float
    known_months: tuple[str, ...]
    forecast_months: tuple[str, ...]
    p50: float
    quantiles: dict
    bands: dict
    target: float | None
    target_source: str | None
    p_hit: float | None
    capacity_floor: float | None
    calibration: str
    rules: dict = field(default_factory=dict)
    target_fact: str | None = None  # id of the stored fact the target is, when it is one

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["as_of"] = self.as_of.isoformat()
        d["known_months"] = list(self.known_months)
        d["forecast_months"] = list(self.forecast_months)
        d["p5"], d["p95"] = self.quantiles["0.05"], self.quantiles["0.95"]
        return d

    def summary(self) -> str:
        q = self.quantiles
        lines = [
            f"{self.entity} {self.metric} in {self.year}, from what was public on {self.as_of}",
            f"  p50 {self.p50:,.0f}; 50% band {self.bands['50'][0]:,.0f} to {self.bands['50'][1]:,.0f}; "
            f"90% band (p5 to p95) {q['0.05']:,.0f} to {q['0.95']:,.0f}",
            f"  known months: {', '.join(self.known_months) or 'none'} ({self.known_total:,.0f}); "
            f"forecast: {len(self.forecast_months)} months",
            f"  intervals: {self.calibration}",
        ]
        if self.target is not None:
            lines.append(f"  target {self.target:,.0f} ({self.target_source}): P(hit) = {self.p_hit:.1%}")
        if self.capacity_floor is not None:
            lines.append(
                f"  capacity is at least {self.capacity_floor:,.0f} a month (best of the last six months)"
            )
        return "\n".join(lines)


def finish(
    series: MonthlySeries,
    pf: PointForecast,
    year: int,
    as_of: date,
    scores,
    target=None,
    target_source=None,
    target_fact: str | None = None,
) -> BaselineForecast:
    draws, how = ensemble(pf, scores)
    qs = {str(q): float(np.quantile(draws, q)) for q in QUANTILES}
    bands = {
        str(int(lv * 100)): (float(np.quantile(draws, (1 - lv) / 2)), float(np.quantile(draws, (1 + lv) / 2)))
        for lv in LEVELS
    }
    return BaselineForecast(
        entity=series.entity,
        metric=series.metric,
        year=year,
        as_of=as_of,
        known_total=pf.known,
        known_months=pf.known_months,
        forecast_months=pf.forecast_months,
        p50=qs["0.5"],
        quantiles=qs,
        bands=bands,
        target=target,
        target_source=target_source,
        target_fact=target_fact,
        p_hit=None if target is None else float((draws >= target).mean()),
        capacity_floor=pf.best_recent,
        calibration=how,
        rules={
            "model": "statsforecast AutoETS on the log of the series divided by the China market's seasonality",
            "interval": "known + R exp(sqrt(h) u), u from back-test scores whose outcome was public by the as-of date",
            "as_of": "only facts known by the as-of date (release calendar for undated ones)",
            "capacity": "the best recent month is a floor on capacity, not a ceiling",
        },
    )


def forecast_year(
    facts,
    entity: str,
    year: int,
    as_of: date,
    *,
    entities=None,
    target: float | None = None,
    scores: Sequence[float] | None = None,
    metric: str | None = None,
    cache: MutableMapping[str, Any] | None = None,
) -> BaselineForecast:
    """The calibrated forecast of ``entity``'s ``year`` total from the facts known on ``as_of``.

    ``scores``: calibration scores (default: computed by :func:`evlens.ops.backtest.calibration_scores`
    from back-tests of earlier years whose outcomes were public by ``as_of``)."""
    from .backtest import calibration_scores

    ents = entities if isinstance(entities, Mapping) else entity_infos(entities)
    records = [r for r in fact_records(facts) if r.known_from <= as_of]
    series = monthly_series(records, entity, entities=ents, as_of=as_of, metric=metric)
    pf = ets_point(series, year, as_of)
    if scores is None:
        scores = calibration_scores(records, ents, as_of, cache=cache)
    t_source = "given" if target is not None else None
    t_fact = None
    plan = None
    if series.metric == "deliveries":
        c = target_choice(records, series.entity, year, ents, as_of)
        if c is not None:
            plan = c.value
            if target is None:
                target, t_source, t_fact = c.value, f"fact {c.chosen}", c.chosen
    return finish(series, with_target(pf, plan), year, as_of, scores, target, t_source, t_fact)
