"""Trading calendars (exchange-calendars): which session is day 0 of an announcement,
the sessions between two dates, and the last session on or before a day.

Day 0 is the first session of the security's own exchange calendar (exchange-calendars:
XHKG for Hong Kong, XNYS for New York) at or after the announcement. An announcement with
a time, given in the exchange's local time, made at or after that session's close (16:00
in Hong Kong, earlier on half days) counts from the next session; one made before the
close, including before the open, counts on that session.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import pandas as pd

from .errors import InputError


@lru_cache(maxsize=16)
def get_calendar(name: str):
    """The exchange-calendars calendar ``name`` (cached), reaching back to 2000 if it can."""
    import exchange_calendars as xcals

    try:
        return xcals.get_calendar(name, start="2000-01-01")
    except xcals.errors.InvalidCalendarName as exc:
        raise InputError(f"unknown exchange calendar {name!r}", field="calendar") from exc
    except Exception:  # a calendar that cannot reach 2000
        return xcals.get_calendar(name)


def _check_range(cal, day: pd.Timestamp, name: str) -> None:
    if day < cal.first_session or day > cal.last_session:
        raise InputError(
            f"{day.date().isoformat()} is outside the {name} calendar "
            f"({cal.first_session.date()} .. {cal.last_session.date()})",
            field="date",
        )


def day_zero(calendar: str, day: date, at: time | None = None) -> date:
    """Day 0 of an announcement on ``day`` (at local time ``at``, if known) on ``calendar``."""
    cal = get_calendar(calendar)
    ts = pd.Timestamp(day)
    _check_range(cal, ts, calendar)
    session = cal.date_to_session(ts, direction="next")
    if at is not None and session == ts:
        local = pd.Timestamp(datetime.combine(day, at)).tz_localize(cal.tz)
        if local >= cal.session_close(session):
            following = cal.next_session(session)
            return following.date()
    return session.date()


def sessions(calendar: str, start: date, end: date) -> pd.DatetimeIndex:
    """Sessions of ``calendar`` from ``start`` to ``end`` (inclusive, clipped to the
    calendar's range), as a naive DatetimeIndex of dates."""
    cal = get_calendar(calendar)
    lo = max(pd.Timestamp(start), cal.first_session)
    hi = min(pd.Timestamp(end), cal.last_session)
    if lo > hi:
        return pd.DatetimeIndex([])
    idx = cal.sessions_in_range(lo, hi)
    return pd.DatetimeIndex(idx.tz_localize(None) if idx.tz is not None else idx)


def last_session(calendar: str | None, day: date) -> date:
    """The last trading session on or before ``day`` on ``calendar`` (an
    exchange-calendars name such as XHKG); weekdays stand in for sessions when the
    calendar is unknown or does not reach that far."""
    if calendar:
        try:
            cal = get_calendar(calendar)
            ts = pd.Timestamp(day)
            if cal.first_session <= ts:
                ts = min(ts, cal.last_session)
                return cal.date_to_session(ts, direction="previous").date()
        except InputError:  # unknown calendar name
            pass
    d = day
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d
