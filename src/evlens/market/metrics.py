"""Performance and risk metrics: one metric per function, data in, number out.

Every function here is pure: it takes closes or returns (a ``pandas.Series`` indexed by
date) and gives back a number or a small frozen result. The conventions, stated once:

* **Returns are simple** unless the name says ``log``: ``r_t = P_t / P_{t-1} - 1``.
* **A year has 252 trading days** when a per-session figure is annualised
  (:data:`TRADING_DAYS_PER_YEAR`); volatility scales with ``sqrt(252)``, a mean with 252.
* **Standard deviations are sample ones** (``ddof=1``, divide by ``n - 1``).
* **CAGR counts calendar days**: years = days between first and last close / 365.25
  (:data:`DAYS_PER_YEAR`), not the number of sessions / 252.
* **Percent** appears only in names ending in ``_pct``; everything else is a fraction
  (0.187 is 18.7 %).

Rows with a missing close are dropped before anything is computed; a series that is too
short for the metric raises :class:`~evlens.errors.InputError` naming the metric.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from ..errors import InputError

TRADING_DAYS_PER_YEAR = 252
DAYS_PER_YEAR = 365.25


def _clean(series: pd.Series, what: str, minimum: int) -> pd.Series:
    if not isinstance(series, pd.Series):
        series = pd.Series(series, dtype="float64")
    s = series.astype("float64").dropna()
    if len(s) < minimum:
        raise InputError(f"{what} needs at least {minimum} observations, got {len(s)}", field=what)
    return s


def _as_date(value) -> date:
    return pd.Timestamp(value).date()


# --------------------------------------------------------------------------- returns


def simple_returns(closes: pd.Series) -> pd.Series:
    """Simple returns from closes: ``r_t = P_t / P_{t-1} - 1``.

    The first close has no return and is left out, so the result is one shorter than the
    input and indexed by the later date of each pair.
    """
    s = _clean(closes, "closes", 1)
    if (s <= 0).any():
        raise InputError("closes must be positive to form returns", field="closes")
    return (s / s.shift(1) - 1.0).iloc[1:]


def log_returns(closes: pd.Series) -> pd.Series:
    """Log (continuously compounded) returns from closes: ``l_t = ln(P_t / P_{t-1})``.

    They add up over time: ``sum(l_t) = ln(P_end / P_start)``.
    """
    s = _clean(closes, "closes", 1)
    if (s <= 0).any():
        raise InputError("closes must be positive to form log returns", field="closes")
    return np.log(s / s.shift(1)).iloc[1:]


def total_return(start_close: float, end_close: float) -> float:
    """Return between two closes: ``end / start - 1`` (a fraction)."""
    if not start_close or start_close <= 0 or math.isnan(start_close):
        raise InputError(f"start close must be a positive number, got {start_close!r}", field="start_close")
    return float(end_close) / float(start_close) - 1.0


def cumulative_return(returns: pd.Series) -> float:
    """Compounded return of a series of simple returns: ``prod(1 + r_t) - 1``."""
    r = _clean(returns, "returns", 0)
    return float(np.prod(1.0 + r.to_numpy()) - 1.0)


def rebased(closes: pd.Series, base: float = 100.0) -> pd.Series:
    """Closes as an index that starts at ``base``: ``I_0 = base``, ``I_t = I_{t-1} (1 + r_t)``
    with ``r_t`` the simple return, i.e. ``I_t = base * P_t / P_0``. Empty for fewer than
    two closes."""
    s = _clean(closes, "closes", 0)
    if len(s) < 2:
        return s.iloc[:0].astype(float)
    level = base * (1.0 + simple_returns(s)).cumprod()
    return pd.concat([pd.Series([float(base)], index=s.index[:1]), level])


@dataclass(frozen=True)
class PeriodReturn:
    """A return over a calendar window, with the two closes it comes from."""

    start: date  # date of the base close (the last close before the window)
    end: date  # date of the last close in the window
    start_close: float
    end_close: float
    value: float  # fraction

    @property
    def pct(self) -> float:
        return self.value * 100.0

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "start_close": self.start_close,
            "end_close": self.end_close,
            "return_pct": self.pct,
        }


def period_return(closes: pd.Series, start: date | None, end: date | None) -> PeriodReturn:
    """Return over the calendar window ``[start, end]``, close to close.

    Convention (the one index providers use for a calendar-year return): the base is the
    **last close strictly before** ``start`` and the end is the **last close on or before**
    ``end``; ``R = P_end / P_base - 1``. The 2024 return of a stock is thus
    ``close(last session of 2024) / close(last session of 2023) - 1``. With ``start``
    None the base is the first close of the series; with ``end`` None, the last close.

    Raises :class:`InputError` when there is no close before the window or none inside it.
    """
    s = _clean(closes, "closes", 1).sort_index()
    idx = pd.DatetimeIndex(s.index)
    t0 = pd.Timestamp(start) if start is not None else None
    t1 = pd.Timestamp(end) if end is not None else idx[-1]
    if t0 is not None and t1 < t0:
        raise InputError(f"window ends ({t1.date()}) before it starts ({t0.date()})", field="end")
    if t0 is None:  # the base is the first close (there is one: _clean asks for it)
        before, inside = s.iloc[:1], s.iloc[1:][idx[1:] <= t1]
    else:
        before, inside = s[idx < t0], s[(idx >= t0) & (idx <= t1)]
        if before.empty:
            raise InputError(f"no close before {t0.date()} to measure the return from", field="start")
    if inside.empty:
        raise InputError(f"no close in the window ending {t1.date()}", field="end")
    p0, p1 = float(before.iloc[-1]), float(inside.iloc[-1])
    return PeriodReturn(_as_date(before.index[-1]), _as_date(inside.index[-1]), p0, p1, total_return(p0, p1))


def excess_return(asset_return: float, benchmark_return: float) -> float:
    """Excess return as an arithmetic difference: ``R_asset - R_benchmark``.

    In percent units this is a difference in percentage points (+122.1 % against +17.7 %
    is +104.4 pp). The geometric form ``(1 + R_a) / (1 + R_b) - 1`` is not used.
    """
    return float(asset_return) - float(benchmark_return)


def rank(values: Mapping[str, float | None], descending: bool = True) -> dict[str, int | None]:
    """Rank values, 1 = best (highest when ``descending``), ties sharing the best place.

    Ties follow standard competition ranking ("1224"): two equal firsts are both 1 and the
    next is 3. Missing values (None or NaN) get no rank (None).
    """
    s = pd.Series({k: (np.nan if v is None else float(v)) for k, v in values.items()}, dtype="float64")
    ranks = s.rank(method="min", ascending=not descending, na_option="keep")
    return {k: (None if pd.isna(r) else int(r)) for k, r in ranks.items()}


# --------------------------------------------------------------------------- risk


def annual_volatility(returns: pd.Series, periods_per_year: int = TRADING_DAYS_PER_YEAR) -> float:
    """Annualised volatility: ``std(r, ddof=1) * sqrt(periods_per_year)``.

    Sample standard deviation (divides by ``n - 1``) of per-session simple returns,
    scaled by the square root of 252 sessions a year.
    """
    r = _clean(returns, "returns", 2)
    return float(r.std(ddof=1) * math.sqrt(periods_per_year))


def per_period_rate(annual_rate: float, periods_per_year: int = TRADING_DAYS_PER_YEAR) -> float:
    """Per-session rate equivalent to an annual rate, compounding:
    ``(1 + annual) ** (1 / periods_per_year) - 1``."""
    if annual_rate <= -1:
        raise InputError(f"annual rate must be above -100 %, got {annual_rate!r}", field="rf")
    return (1.0 + float(annual_rate)) ** (1.0 / periods_per_year) - 1.0


def sharpe_ratio(
    returns: pd.Series, risk_free: float = 0.0, periods_per_year: int = TRADING_DAYS_PER_YEAR
) -> float:
    """Annualised Sharpe ratio of per-session returns.

    ``S = mean(r - rf) / std(r - rf, ddof=1) * sqrt(periods_per_year)`` where ``rf`` is the
    risk-free rate **per period** (per session for daily data; see :func:`per_period_rate`
    to turn an annual rate into one). Returns NaN when the excess returns do not vary.
    """
    r = _clean(returns, "returns", 2)
    x = r - float(risk_free)
    sd = float(x.std(ddof=1))
    if sd == 0 or math.isnan(sd):
        return float("nan")
    return float(x.mean() / sd * math.sqrt(periods_per_year))


def _aligned(a: pd.Series, b: pd.Series, what: str) -> tuple[pd.Series, pd.Series]:
    both = pd.concat([a.rename("a"), b.rename("b")], axis=1, join="inner").dropna()
    if len(both) < 2:
        raise InputError(f"{what} needs at least 2 dates common to both series, got {len(both)}", field=what)
    return both["a"].astype("float64"), both["b"].astype("float64")


def beta(returns: pd.Series, benchmark_returns: pd.Series) -> float:
    """Beta against a benchmark: ``cov(r, b) / var(b)`` over the dates both series have.

    The two series are joined on their dates (inner join; a date missing from either is
    left out). Covariance and variance use the same ``n - 1`` divisor, so it cancels.
    """
    a, b = _aligned(returns, benchmark_returns, "beta")
    vb = float(b.var(ddof=1))
    if vb == 0:
        return float("nan")
    return float(a.cov(b, ddof=1) / vb)


def correlation(returns: pd.Series, benchmark_returns: pd.Series) -> float:
    """Pearson correlation of two return series over the dates both have (inner join)."""
    a, b = _aligned(returns, benchmark_returns, "correlation")
    if float(a.std()) == 0 or float(b.std()) == 0:
        return float("nan")
    return float(a.corr(b, method="pearson"))


def cagr(start_value: float, end_value: float, start: date, end: date) -> float:
    """Compound annual growth rate over calendar time.

    ``CAGR = (end_value / start_value) ** (1 / years) - 1`` with
    ``years = (end - start).days / 365.25``: the elapsed calendar days between the first
    and the last close, a Julian year of 365.25 days long. (Libraries that divide the
    number of sessions by 252 instead give a different figure for the same closes.)
    """
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days
    if days <= 0:
        raise InputError(f"CAGR needs an end after the start, got {start} .. {end}", field="end")
    growth = float(end_value) / float(start_value)
    if growth <= 0:
        return -1.0
    return growth ** (DAYS_PER_YEAR / days) - 1.0


def cagr_from_closes(closes: pd.Series) -> float:
    """:func:`cagr` from the first to the last close of a series."""
    s = _clean(closes, "closes", 2).sort_index()
    return cagr(float(s.iloc[0]), float(s.iloc[-1]), _as_date(s.index[0]), _as_date(s.index[-1]))


@dataclass(frozen=True)
class Drawdown:
    """The largest peak-to-trough fall of a price path."""

    value: float  # fraction, <= 0 (-0.25 is a 25 % fall)
    peak: date | None  # date of the high before the fall
    trough: date | None  # date of the low
    recovery: date | None  # first date back at or above the peak close; None if not yet
    peak_close: float | None
    trough_close: float | None

    @property
    def pct(self) -> float:
        return self.value * 100.0

    @property
    def recovered(self) -> bool:
        return self.recovery is not None

    def to_dict(self) -> dict:
        def iso(d):
            return d.isoformat() if d else None

        return {
            "max_drawdown_pct": self.pct,
            "peak": iso(self.peak),
            "trough": iso(self.trough),
            "recovery": iso(self.recovery),
            "peak_close": self.peak_close,
            "trough_close": self.trough_close,
        }


def max_drawdown(closes: pd.Series) -> Drawdown:
    """Maximum drawdown of a price path, with its dates.

    ``DD_t = P_t / max(P_s, s <= t) - 1`` and the maximum drawdown is ``min_t DD_t``.
    The *peak* is the date of the running high in force at the trough (the latest date
    at that high), the *trough* the first date of the minimum, and the *recovery* the
    first date after the trough whose close is at or above the peak close. A path that
    never falls has drawdown 0 and no dates.

    Takes closes (levels), not returns: pass ``(1 + r).cumprod()`` with a leading 1 to use
    it on returns.
    """
    s = _clean(closes, "closes", 1).sort_index()
    running_max = s.cummax()
    dd = s / running_max - 1.0
    worst = float(dd.min())
    if worst >= 0:
        return Drawdown(0.0, None, None, None, None, None)
    trough_at = dd.idxmin()
    before = s.loc[:trough_at]
    peak_close = float(running_max.loc[trough_at])
    peak_at = before[before == peak_close].index[-1]
    after = s.loc[trough_at:]
    back = after[after >= peak_close]
    recovery = _as_date(back.index[0]) if not back.empty else None
    return Drawdown(
        worst, _as_date(peak_at), _as_date(trough_at), recovery, peak_close, float(s.loc[trough_at])
    )
