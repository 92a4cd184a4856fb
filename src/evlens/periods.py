"""Periods as evlens writes them, and the calendar dates they cover.

A period is a string in one of these forms (all calendar, not fiscal):

==================  ==========================  ===============================
form                example                     covers
==================  ==========================  ===============================
year                ``2024``                    2024-01-01 .. 2024-12-31
half                ``2024-H1``                 2024-01-01 .. 2024-06-30
quarter             ``2024-Q3``                 2024-07-01 .. 2024-09-30
month               ``2024-04``                 2024-04-01 .. 2024-04-30
day                 ``2025-02-06``              that day (a level as of the day)
range of months     ``2025-01..2025-11``        2025-01-01 .. 2025-11-30
==================  ==========================  ===============================
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .errors import InputError

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Period:
    """A parsed period: its canonical text, kind and first and last day (inclusive)."""

    text: str
    kind: str  # year | half | quarter | month | day | range
    start: date
    end: date

    @property
    def months(self) -> list[str]:
        """The calendar months the period touches, as ``YYYY-MM`` strings."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


#: The first day a publication date may be: the periods counted from it are written with
#: four-digit years (the year before 1000-01-01 has three). The extractor, a document's front
#: matter and the web API refuse earlier dates.
FIRST_DAY = date(1900, 1, 1)

#: The mean length of a month in days (a Julian year over twelve): converts a ramp or lead
#: time given in months to days, and back.
DAYS_PER_MONTH = 365.25 / 12


def month_index(month: str) -> int:
    """A ``YYYY-MM`` month as a count of months since year 0 (``year * 12 + month - 1``), so
    that month arithmetic is integer arithmetic."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_at(index: int) -> str:
    """The ``YYYY-MM`` month of a :func:`month_index`."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(month: str, k: int) -> str:
    """The month ``k`` months after ``month`` (before it when ``k`` is negative):
    ``add_months("2024-11", 3) == "2025-02"``."""
    return month_at(month_index(month) + k)


def months_between(a: str, b: str) -> int:
    """Months from ``b`` to ``a`` (``a - b``): ``months_between("2025-02", "2024-11") == 3``."""
    return month_index(a) - month_index(b)


def parse_day(text: str | None, field: str) -> date | None:
    """A ``YYYY-MM-DD`` value given by a user (an option, a form field), ``None`` when empty;
    anything else is an :class:`~evlens.errors.InputError` naming ``field``."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{field} must be a date (YYYY-MM-DD), not {text!r}", field=field) from None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def parse_period(text: str) -> Period:
    """Parse a period string; raise ``ValueError`` with the text when it is not one."""
    return _parse(str(text).strip())


@lru_cache(maxsize=8192)
def _parse(s: str) -> Period:
    """:func:`parse_period` of a stripped string, remembered (periods repeat a great deal
    across facts; a ``Period`` is immutable)."""
    if ".." in s:
        a, b = (parse_period(part) for part in s.split("..", 1))
        if b.end < a.start:
            raise ValueError(f"period range {s!r} ends before it starts")
        return Period(f"{a.text}..{b.text}", "range", a.start, b.end)
    if m := _YEAR.match(s):
        y = int(m[1])
        return Period(s, "year", date(y, 1, 1), date(y, 12, 31))
    if m := _HALF.match(s):
        y, h = int(m[1]), int(m[2])
        return Period(s, "half", date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
    if m := _QUARTER.match(s):
        y, q = int(m[1]), int(m[2])
        return Period(s, "quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    if m := _DAY.match(s):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return Period(d.isoformat(), "day", d, d)
    if m := _MONTH.match(s):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            raise ValueError(f"month out of range in period {s!r}")
        return Period(f"{y:04d}-{mo:02d}", "month", date(y, mo, 1), _month_end(y, mo))
    raise ValueError(
        f"not a period: {s!r} (expected 2024, 2024-H1, 2024-Q3, 2024-04, 2025-02-06 or 2025-01..2025-11)"
    )
