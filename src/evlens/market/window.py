"""The calendar window a market figure covers: a year, a year to date, or two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..errors import InputError


@dataclass(frozen=True)
class Window:
    """Calendar days ``start .. end`` (inclusive) and how the user named them.

    ``period`` is the window in the notation of :mod:`evlens.periods` when there is one
    (``2024`` for a year), so that stored facts about the same period can be found.
    """

    start: date | None  # None: from the first close there is
    end: date | None  # None: to the last close there is
    label: str
    period: str | None = None

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "label": self.label,
        }


def _to_date(value, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return pd.Timestamp(str(value).strip()).date()
    except (ValueError, TypeError):
        raise InputError(f"not a date: {value!r} (expected YYYY-MM-DD)", field=field) from None


def resolve_window(
    *,
    year: int | str | None = None,
    ytd: date | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
) -> Window:
    """Turn exactly one of ``year``, ``ytd`` or ``start``/``end`` into a :class:`Window`.

    * ``year=2024``: 2024-01-01 .. 2024-12-31.
    * ``ytd="2025-02-06"``: 2025-01-01 .. 2025-02-06.
    * ``start=..., end=...``: as given; ``start`` alone runs to the last close, ``end``
      alone from the first close.
    """
    forms = sum(x is not None for x in (year, ytd)) + (1 if (start is not None or end is not None) else 0)
    if forms > 1:
        raise InputError("give one of --year, --ytd or --start/--end, not several", field="window")
    if year is not None:
        try:
            y = int(str(year).strip())
        except ValueError:
            raise InputError(f"not a year: {year!r}", field="year") from None
        if not 1900 <= y <= 2200:
            raise InputError(f"year out of range: {y}", field="year")
        return Window(date(y, 1, 1), date(y, 12, 31), str(y), str(y))
    if ytd is not None:
        d = _to_date(ytd, "ytd")
        return Window(date(d.year, 1, 1), d, f"{d.year} to {d.isoformat()}", None)
    if start is None and end is None:
        raise InputError("give a window: --year, --ytd or --start/--end", field="window")
    s = _to_date(start, "start") if start is not None else None
    e = _to_date(end, "end") if end is not None else None
    if s is not None and e is not None and e < s:
        raise InputError(f"window ends ({e}) before it starts ({s})", field="end")
    label = f"{s.isoformat() if s else 'first close'} .. {e.isoformat() if e else 'last close'}"
    return Window(s, e, label, None)


def everything() -> Window:
    """The whole history: from the first close to the last."""
    return Window(None, None, "all closes", None)
