"""The release calendar: when a figure without a publication date counts as known.

Rule (kept as data in ``evlens/data/release_calendar.toml``): a fact exists from the day
it was published. A fact with no publication date gets the calendar's *known date* for
its metric and period kind, a stated, conservative estimate of when such figures are
released (monthly deliveries on the 3rd of the next month, quarterly results 60 days
after the quarter, the fourth quarter and the year with the annual results on 31 March of
the next year, a year's target by 31 March of that year, ...). A publication date marked
``assumed`` (inferred by a rule, not stated by the source) is replaced by the calendar
date when that is later. The day after a period ends is never used.
"""

from __future__ import annotations

import calendar as _cal
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import InputError
from ..periods import Period, add_months, parse_period


@dataclass(frozen=True)
class KnownDate:
    """When a fact counts as known, and why."""

    date: date
    basis: str  # published | calendar | published (assumed, moved to the calendar)
    rule: str


@dataclass(frozen=True)
class ReleaseCalendar:
    """Rules by metric and period kind (see the module docstring)."""

    rules: Mapping[str, Mapping[str, Any]]

    def rule(self, metric: str, kind: str) -> dict | None:
        for table in (self.rules.get(metric) or {}, self.rules.get("default") or {}):
            if kind in table and isinstance(table[kind], dict):
                return dict(table[kind])
            if kind == "q4" and "quarter" in table and "q4" not in (self.rules.get("default") or {}):
                return dict(table["quarter"])
        return None

    def same_day(self, metric: str) -> str | None:
        """How facts of ``metric`` known on the same day are ordered (``larger`` or None)."""
        return (self.rules.get(metric) or {}).get("same_day")

    def estimate(self, metric: str, period: Period) -> tuple[date, str]:
        """The calendar's known date for a figure of ``metric`` over ``period``."""
        kind = period.kind
        if kind == "quarter" and period.end.month == 12:
            kind = "q4"
        r = self.rule(metric, kind) or self.rule(metric, "month")
        if r is None:
            raise InputError(
                f"the release calendar has no rule for {metric} over a {kind}, and no month rule to fall back on"
            )
        anchor = period.start if r.get("after") == "start" else period.end
        if "days" in r:
            d = anchor + timedelta(days=int(r["days"]))
        else:
            y, m = map(int, add_months(f"{anchor:%Y-%m}", int(r.get("months", 0))).split("-"))
            d = date(y, m, min(int(r.get("day", 1)), _cal.monthrange(y, m)[1]))
        return d, str(r.get("why") or f"{metric} {kind}")

    def known_date(
        self, metric: str, period: str | Period, published: date | None, published_basis: str | None = None
    ) -> KnownDate:
        """The day a fact counts as known (rule in the module docstring)."""
        p = period if isinstance(period, Period) else parse_period(period)
        if published is not None and published_basis != "assumed":
            return KnownDate(published, "published", "its publication date")
        est, why = self.estimate(metric, p)
        if published is None:
            return KnownDate(est, "calendar", why)
        if est > published:
            return KnownDate(est, "calendar (assumed date moved later)", why)
        return KnownDate(published, "published (assumed)", "its assumed publication date")


@lru_cache(maxsize=1)
def release_calendar() -> ReleaseCalendar:
    """The bundled release calendar."""
    text = resources.files("evlens.data").joinpath("release_calendar.toml").read_text(encoding="utf-8")
    return ReleaseCalendar(tomllib.loads(text))


def calendar_from_toml(text: str) -> ReleaseCalendar:
    """A release calendar from TOML text (same layout as the bundled one)."""
    return ReleaseCalendar(tomllib.loads(text))
