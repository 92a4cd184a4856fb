"""What else happened around each event of the event study: the other stored facts about
the maker and its models, and every stored document, published inside the event's window.
A reaction the study gives to "deliveries 2025-03" may belong to news in the same days;
this part lets a reader see such confounded events."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..calendars import sessions
from ..values import jsonable

#: At most this many facts and documents are listed per event (the count says how many there are).
CONTEXT_LIMIT = 8


def window_days(
    calendar: str, day0: date, window: tuple[int, int], days: list[date] | None = None
) -> tuple[date, date] | None:
    """The calendar days an event window covers: from the day after the session before its
    first session (so news of a weekend or holiday before it counts) to its last session.
    ``days``: the calendar's sessions around ``day0``, when already read. None when the
    calendar does not reach the window."""
    w0, w1 = window
    if days is None:
        days = _sessions_around(calendar, day0, day0, window)
    if day0 not in days:
        return None
    i = days.index(day0)
    if i + w0 - 1 < 0 or i + w1 >= len(days):
        return None
    return days[i + w0 - 1] + timedelta(days=1), days[i + w1]


def _sessions_around(calendar: str, first: date, last: date, window: tuple[int, int]) -> list[date]:
    """The sessions from well before ``first`` to well after ``last``: room for the window."""
    w0, w1 = window
    span = sessions(
        calendar, first - timedelta(days=10 + 3 * abs(w0)), last + timedelta(days=10 + 3 * abs(w1))
    )
    return [d.date() for d in span]


def add_event_context(
    store, events: list[dict], entity: str, calendar: str, window: tuple[int, int]
) -> set[str]:
    """Give each event dict a ``context``: the window's first and last day, the facts about
    ``entity`` or its models published then that are not the event's own, and the documents
    published then (each list capped at :data:`CONTEXT_LIMIT`, with the full count). Returns
    the ids of the facts listed, for the page's sources."""
    listed: set[str] = set()
    day0s = [date.fromisoformat(e["day0"]) for e in events if e.get("day0")]
    if not day0s:
        return listed
    cal_days = _sessions_around(calendar, min(day0s), max(day0s), window)  # read once for all
    for e in events:
        if not e.get("day0"):
            continue
        span = window_days(calendar, date.fromisoformat(e["day0"]), window, cal_days)
        if span is None:
            continue
        start, end = span
        own = set(e.get("facts") or ())
        facts = store.facts_published_between(entity, start, end)
        facts = facts[~facts["id"].isin(own)]
        docs = store.documents_published_between(start, end)
        fact_rows = _records(
            facts, ("id", "entity", "metric", "period", "value", "unit", "bound", "published")
        )
        doc_rows = _records(docs, ("id", "kind", "title", "publisher", "published", "url"))
        e["context"] = {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "facts": fact_rows[:CONTEXT_LIMIT],
            "facts_count": len(fact_rows),
            "documents": doc_rows[:CONTEXT_LIMIT],
            "documents_count": len(doc_rows),
        }
        listed.update(r["id"] for r in fact_rows[:CONTEXT_LIMIT])
    return listed


def _records(df, cols: tuple[str, ...]) -> list[dict[str, Any]]:
    if df.empty:
        return []
    return [jsonable({c: r.get(c) for c in cols}) for r in df.to_dict("records")]
