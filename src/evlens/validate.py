"""The rules every value must pass before it is stored.

One place for what a price, a volume, a vehicle count, a share count, an amount of money,
a percentage or a date may be. The importers (``evlens.sources``), the extractor and the
API (:func:`check_fact`, :func:`check_facts`) all ask these functions, so a value the
store refuses from a file is refused from an article too.

The rules
---------
* A number is finite: no ``inf``, ``-inf``, ``nan``, and nothing that overflows to them
  (``1e999``, a 400-digit number).
* A number fits its kind: each kind has a floor and a ceiling, kept in :data:`LIMITS`
  (a price at most 1e7, a volume at most 1e13, a vehicle or order count at most 1e8, a
  share count at most 1e12, money at most 1e14 either way, a market share between 0 and
  100 percent, a return no lower than -100 percent). Prices, volumes, vehicle, order and
  share counts are never negative; vehicle, order and share counts are whole numbers.
  Which kind a fact's value is follows from its metric and unit (:func:`limit_for`).
* A number written with commas uses them only to group thousands (``1,234``,
  ``1,234,567.5``); ``10,5`` or ``1.234,5`` (a decimal comma) is refused rather than read
  as 105 or 1.2345.
* A date lies between :data:`EARLIEST` (1990-01-01) and two years after today.
* A fact's period begins no earlier than :data:`EARLIEST` and, unless the metric is a
  plan (:data:`PLAN_METRICS`), no later than two years after today.
* A daily bar has its low at or below its high and its close within [low, high].
* An entity, a metric and other names are not empty; a source URL is an ``http(s)``
  address.

Every refusal is an :class:`~evlens.errors.InputError` naming the file, the line and the
field when they are known. The functions here read values only: no SQL, no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .periods import Period, parse_period

EARLIEST = date(1990, 1, 1)
YEARS_AHEAD = 2  # dates later than this many years after today are refused
PLAN_YEARS_AHEAD = 30  # how far ahead a plan (a target, planned capacity) may look


@dataclass(frozen=True)
class Limit:
    """What one kind of number may be: ``low <= value <= high``, whole when ``whole``."""

    what: str  # the kind in words, for messages
    low: float
    high: float
    whole: bool = False
    dimension: str = ""  # limits of one dimension may stand for one another


#: The floor and ceiling of each kind of number.
LIMITS: dict[str, Limit] = {
    "price": Limit("a price", 0.0, 1e7, dimension="money"),
    "money": Limit("an amount of money", -1e14, 1e14, dimension="money"),
    "volume": Limit("a volume", 0.0, 1e13, dimension="volume"),
    "vehicles": Limit("a vehicle count", 0.0, 1e8, whole=True, dimension="count"),
    "orders": Limit("an order count", 0.0, 1e8, whole=True, dimension="count"),
    "shares": Limit("a share count", 0.0, 1e12, whole=True, dimension="shares"),
    "percent": Limit("a percentage", -1e5, 1e5, dimension="percent"),
    "portion": Limit("a share of a whole in percent", 0.0, 100.0, dimension="percent"),
    "return": Limit("a return in percent", -100.0, 1e5, dimension="percent"),
    "points": Limit("a number of points", -1e7, 1e7, dimension="points"),
    "level": Limit("an index level", 0.0, 1e7, dimension="points"),
    "time": Limit("a length of time", 0.0, 1e4, dimension="time"),
    "number": Limit("a number", -1e15, 1e15),
}

#: The kind of number each known metric holds (the gazetteer's, the lexicon's and the
#: importers' metrics). Metrics ending ``_yoy``, ``_mom`` or ``_growth`` are percentages.
METRIC_LIMITS: dict[str, str] = {
    "deliveries": "vehicles",
    "sales": "vehicles",
    "retail_sales": "vehicles",
    "wholesale": "vehicles",
    "production": "vehicles",
    "capacity": "vehicles",
    "capacity_planned": "vehicles",
    "delivery_target": "vehicles",
    "orders": "orders",
    "locked_orders": "orders",
    "backlog": "orders",
    "share_price": "price",
    "vehicle_price": "money",
    "market_cap": "money",
    "rd_spend": "money",
    "investment": "money",
    "revenue": "money",
    "net_profit": "money",
    "share_return": "return",
    "index_return": "return",
    "market_share": "portion",
    "nev_penetration": "portion",
    "index_level": "level",
    "wait_time": "time",
}
#: The kind of number a unit implies, for metrics not in :data:`METRIC_LIMITS`.
UNIT_LIMITS: dict[str, str] = {
    "vehicle": "vehicles",
    "order": "orders",
    "HKD": "money",
    "USD": "money",
    "CNY": "money",
    "percent": "percent",
    "point": "points",
    "day": "time",
    "week": "time",
    "month": "time",
}
#: Metrics about the future, whose periods may lie further ahead than other facts'.
PLAN_METRICS = frozenset({"delivery_target", "capacity_planned"})
_RATIO_SUFFIXES = ("_yoy", "_mom", "_growth")


def latest_date(today: date | None = None) -> date:
    """The last date a value may carry: :data:`YEARS_AHEAD` years after ``today``."""
    return _years_after(today or date.today(), YEARS_AHEAD)


def _years_after(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _show(v: float) -> str:
    """A number as a message shows it: ``7058``, ``7058.5``, ``1e+20``, ``inf``."""
    if math.isfinite(v) and v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    return repr(float(v))


# --------------------------------------------------------------------- numbers
@lru_cache(maxsize=1024)
def limit_for(metric: str | None, unit: str | None) -> Limit:
    """The :class:`Limit` of a fact's value. The metric decides (``deliveries``: a vehicle
    count); a unit of another dimension overrides it (``deliveries`` in ``percent`` is a
    percentage); a metric not listed takes its unit's kind, and else any number."""
    metric = metric or ""
    name = METRIC_LIMITS.get(metric)
    if name is None and metric.endswith(_RATIO_SUFFIXES):
        name = "percent"
    by_unit = UNIT_LIMITS.get(unit or "")
    if name is None:
        return LIMITS[by_unit or "number"]
    if by_unit is not None and LIMITS[by_unit].dimension != LIMITS[name].dimension:
        return LIMITS[by_unit]
    return LIMITS[name]


def value_problem(value: object, limit: Limit | str) -> str | None:
    """What is wrong with ``value`` as a number of kind ``limit``, or None if nothing.
    Refused: anything not a real number, non-finite numbers, numbers outside the limit's
    floor and ceiling, fractions where a whole number is due."""
    lim = LIMITS[limit] if isinstance(limit, str) else limit
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return f"{value!r} is not a number" if len(repr(value)) < 40 else "not a number this size"
    if not math.isfinite(v):
        return f"{_show(v)} is not a finite number"
    if v < lim.low:
        if lim.low == 0:
            return f"{lim.what} cannot be negative, got {_show(v)}"
        return f"{_show(v)} is below what {lim.what} can be ({_show(lim.low)})"
    if v > lim.high:
        return f"{_show(v)} is beyond what {lim.what} can be (at most {_show(lim.high)})"
    if lim.whole and not v.is_integer():
        return f"{lim.what} must be a whole number, got {_show(v)}"
    return None


def check_value(
    value: object,
    limit: Limit | str,
    *,
    path: str | Path | None = None,
    line: int | None = None,
    field: str | None = None,
) -> float:
    """``value`` as a float, or an :class:`InputError` saying why it is refused
    (the rules of :func:`value_problem`)."""
    why = value_problem(value, limit)
    if why is not None:
        raise InputError(why, path=path, line=line, field=field)
    return float(value)  # type: ignore[arg-type]


def check_column(
    values: pd.Series, lines: pd.Series, limit: Limit | str, *, path: str | Path | None, field: str
) -> None:
    """Every number of a column passes :func:`value_problem`; empty cells (NaN) pass.
    The first bad one raises, naming its line."""
    lim = LIMITS[limit] if isinstance(limit, str) else limit
    a = values.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        bad = ~np.isnan(a) & (~np.isfinite(a) | (a < lim.low) | (a > lim.high))
        if lim.whole:
            bad |= np.isfinite(a) & (a != np.floor(a))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(
            value_problem(a[i], lim) or "bad number", path=path, line=int(lines.iloc[i]), field=field
        )


# A number with commas: they group thousands, three digits apart, before any point.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?\s*%?\s*[A-Za-z]?$")


def number_text_problem(text: str) -> str | None:
    """What is wrong with how a number is written, or None. A comma may only group
    thousands: ``1,234`` and ``1,234,567.5`` pass; ``10,5`` and ``1.234,5`` (decimal
    commas) are refused, never read as 105 or 1.2345."""
    s = text.strip()
    if "," in s and not _GROUPED.match(s):
        return f"cannot read {text!r} as a number: a comma may only group thousands (write 10.5, 1,234.5)"
    return None


def check_number_texts(values: pd.Series, lines: pd.Series, *, path: str | Path | None, field: str) -> None:
    """Every cell of a column of written numbers passes :func:`number_text_problem`."""
    s = values.astype(str).str.strip()
    has = s.str.contains(",", regex=False)
    if not has.any():
        return
    bad = has & ~s.str.match(_GROUPED)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            number_text_problem(str(values.iloc[i])) or "bad number",
            path=path,
            line=int(lines.iloc[i]),
            field=field,
        )


# ----------------------------------------------------------------------- dates
def date_problem(d: date, today: date | None = None) -> str | None:
    """What is wrong with a date, or None: before :data:`EARLIEST`, or more than
    :data:`YEARS_AHEAD` years after today."""
    if d < EARLIEST:
        return f"date {d.isoformat()} is before {EARLIEST.isoformat()}"
    last = latest_date(today)
    if d > last:
        return f"date {d.isoformat()} is more than {YEARS_AHEAD} years ahead (after {last.isoformat()})"
    return None


def check_date(
    d: date,
    *,
    path: str | Path | None = None,
    line: int | None = None,
    field: str | None = None,
    today: date | None = None,
) -> date:
    why = date_problem(d, today)
    if why is not None:
        raise InputError(why, path=path, line=line, field=field)
    return d


def check_dates(
    dates: pd.Series, lines: pd.Series, *, path: str | Path | None, field: str, today: date | None = None
) -> None:
    """Every date of a column (timestamps) passes :func:`date_problem`."""
    lo, hi = pd.Timestamp(EARLIEST), pd.Timestamp(latest_date(today))
    bad = (dates < lo) | (dates > hi)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        check_date(dates.iloc[i].date(), path=path, line=int(lines.iloc[i]), field=field, today=today)


def period_problem(period: Period, metric: str | None = None, today: date | None = None) -> str | None:
    """What is wrong with a fact's period, or None: it begins before :data:`EARLIEST`,
    or more than :data:`YEARS_AHEAD` years ahead (:data:`PLAN_YEARS_AHEAD` for a plan)."""
    if period.start < EARLIEST:
        return f"period {period.text} begins before {EARLIEST.isoformat()}"
    today = today or date.today()
    years = PLAN_YEARS_AHEAD if metric in PLAN_METRICS else YEARS_AHEAD
    if period.start > _years_after(today, years):
        return f"period {period.text} begins more than {years} years ahead"
    return None


# ------------------------------------------------------------------------ bars
_REL = 1e-9  # rounding allowed when comparing prices of one bar


def check_bars(frame: pd.DataFrame, *, path: str | Path | None) -> None:
    """Daily bars (columns ``open high low close`` and ``line``; NaN where not given):
    prices and ``adj_close`` pass the ``price`` limit, ``volume`` the ``volume`` limit, the
    low is not above the high, and the close lies within [low, high]."""
    lines = frame["line"]
    for col in ("close", "open", "high", "low", "adj_close"):
        if col in frame.columns:
            check_column(frame[col], lines, "price", path=path, field=col)
    if "volume" in frame.columns:
        check_column(frame["volume"], lines, "volume", path=path, field="volume")
    low, high, close = (frame[c].to_numpy(dtype=float, na_value=np.nan) for c in ("low", "high", "close"))
    with np.errstate(invalid="ignore"):
        tol = _REL * np.abs(high)
        bad = low > high + tol
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise InputError(
                f"low {_show(low[i])} is above high {_show(high[i])}",
                path=path,
                line=int(lines.iloc[i]),
                field="low",
            )
        bad = (close < low - _REL * np.abs(low)) | (close > high + tol)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            lo = "?" if np.isnan(low[i]) else _show(low[i])
            hi = "?" if np.isnan(high[i]) else _show(high[i])
            raise InputError(
                f"close {_show(close[i])} is outside the day's range [{lo}, {hi}]",
                path=path,
                line=int(lines.iloc[i]),
                field="close",
            )


def open_outside_range(frame: pd.DataFrame) -> pd.Series:
    """Rows whose open lies outside [low, high]. Yahoo writes such rows now and then (BYD,
    2011-10-07); the importer keeps them flagged suspect rather than refusing the file."""
    o, low, high = (frame[c].to_numpy(dtype=float, na_value=np.nan) for c in ("open", "low", "high"))
    with np.errstate(invalid="ignore"):
        out = (o < low - _REL * np.abs(low)) | (o > high + _REL * np.abs(high))
    return pd.Series(out, index=frame.index)


# ------------------------------------------------------------------------ text
def check_filled(values: pd.Series, lines: pd.Series, *, path: str | Path | None, field: str) -> None:
    """No cell of a column of names is empty (or only spaces)."""
    empty = values.isna() | (values.astype(str).str.strip() == "")
    if empty.any():
        i = int(np.flatnonzero(empty.to_numpy())[0])
        raise InputError("missing value", path=path, line=int(lines.iloc[i]), field=field)


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def url_problem(url: str | None) -> str | None:
    """A source URL is empty or an ``http(s)://`` address (not a formula, not a path)."""
    if url is None or url == "":
        return None
    if not _URL.match(url.strip()):
        shown = url if len(url) <= 60 else url[:57] + "..."
        return f"a source URL must start with http:// or https://, got {shown!r}"
    return None


def check_urls(values: pd.Series, lines: pd.Series, *, path: str | Path | None, field: str) -> None:
    for u, line in zip(values, lines):
        if u is None or (isinstance(u, float) and math.isnan(u)):
            continue
        why = url_problem(str(u))
        if why is not None:
            raise InputError(why, path=path, line=int(line), field=field)


# ----------------------------------------------------------------------- facts
def fact_value_problem(metric: str, unit: str | None, value: float) -> str | None:
    """The check of one value of a fact, cheap enough for the extractor's every figure."""
    lim = limit_for(metric, unit)
    if math.isfinite(value) and lim.low <= value <= lim.high and (not lim.whole or value.is_integer()):
        return None
    return value_problem(value, lim)


def fact_problem(fact, today: date | None = None) -> tuple[str, str] | None:
    """The first thing wrong with a fact, as (field, reason), or None. Checked: entity
    and metric not empty; the value (:func:`fact_value_problem`); the period
    (:func:`period_problem`); the publication date (:func:`date_problem`). The importers
    check source URLs apart (:func:`url_problem`): an article's own URL is not refused."""
    for name in ("entity", "metric", "unit"):
        v = getattr(fact, name)
        if v is None or not str(v).strip():
            return name, "missing value"
    why = fact_value_problem(fact.metric, fact.unit, _as_float(fact.value))
    if why is not None:
        return "value", why
    try:
        period = parse_period(fact.period)
    except ValueError as exc:
        return "period", str(exc)
    why = period_problem(period, fact.metric, today)
    if why is not None:
        return "period", why
    published = fact.published
    if published is not None and published == published:  # NaT from a frame is no date
        if isinstance(published, datetime):
            published = published.date()
        why = date_problem(published, today)
        if why is not None:
            return "published", why
    return None


def _as_float(v: object) -> float:
    try:
        return float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return math.nan


def check_fact(
    fact,
    *,
    path: str | Path | None = None,
    line: int | None = None,
    fields: Mapping[str, str] | None = None,
    today: date | None = None,
) -> None:
    """Raise an :class:`InputError` if ``fact`` breaks a rule (:func:`fact_problem`).

    From a file (``line`` given) the error names the file, the line and the column
    (``fields`` maps a fact's attribute to the file's column name). Otherwise it names
    the fact by its span and surface, e.g. ``fact at 120:134 ('1e999 vehicles'): ...``."""
    found = fact_problem(fact, today)
    if found is None:
        return
    name, why = found
    if line is None:
        surface = (
            fact.surface if fact.surface is None or len(fact.surface) <= 60 else fact.surface[:57] + "..."
        )
        if fact.span_start is not None:
            why = f"fact at {fact.span_start}:{fact.span_end} ({surface!r}): {why}"
        elif surface:
            why = f"fact {surface!r}: {why}"
        if path is None and fact.document_id:
            path = f"document {fact.document_id}"
    raise InputError(why, path=path, line=line, field=(fields or {}).get(name, name))


def check_facts(facts: Iterable, *, path: str | Path | None = None, today: date | None = None) -> None:
    """:func:`check_fact` on each fact; the first bad one raises. A fact is anything with
    the attributes of :class:`~evlens.facts.Fact` (also the rows of a frame of facts,
    ``df.itertuples(index=False)``)."""
    for f in facts:
        check_fact(f, path=path, today=today)
