"""Event lists: announcements from the command line, a CSV file, or the stored facts.

An announcement is a date, optionally a local exchange time, a label and optionally the
ticker it concerns (when absent it applies to every ticker of the study).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from ..errors import InputError


@dataclass(frozen=True)
class Announcement:
    """A dated piece of news. ``at`` is the local time on the exchange's clock, if known."""

    day: date
    at: time | None = None
    label: str | None = None
    ticker: str | None = None
    source: str | None = None
    facts: tuple[str, ...] = ()  # ids of the stored facts the announcement reports

    @property
    def when(self) -> str:
        """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, as given."""
        return self.day.isoformat() + (f"T{self.at.strftime('%H:%M')}" if self.at else "")

    def to_dict(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "time": self.at.strftime("%H:%M") if self.at else None,
            "label": self.label,
            "ticker": self.ticker,
            "source": self.source,
            "facts": list(self.facts),
        }


_EVENT = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}))?\s*(?:=(.*))?$")


def _parse_date(text: str, **where) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(f"{text.strip()!r} is not a date (use YYYY-MM-DD)", **where) from exc


def _parse_time(text: str, **where) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError as exc:
        raise InputError(f"{text.strip()!r} is not a time of day (use HH:MM, 24-hour)", **where) from exc


def parse_event(text: str) -> Announcement:
    """Parse ``DATE[THH:MM][=LABEL]``, e.g. ``2024-03-28T19:00=SU7-launch``."""
    m = _EVENT.match(text or "")
    if not m:
        raise InputError(
            f"cannot read event {text!r}; use DATE[THH:MM][=LABEL], e.g. 2024-03-28T19:00=launch",
            field="--event",
        )
    day = _parse_date(m.group(1), field="--event")
    at = _parse_time(m.group(2), field="--event") if m.group(2) else None
    label = (m.group(3) or "").strip() or None
    return Announcement(day=day, at=at, label=label, source="command line")


def read_events_csv(path: str | Path) -> list[Announcement]:
    """Read announcements from a CSV with a header: ``date`` (required; may carry
    ``THH:MM``), and optionally ``time``, ``label``, ``ticker``."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError("file not found", path=p) from exc
    except UnicodeDecodeError as exc:
        raise InputError("not a UTF-8 text file", path=p) from exc
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise InputError("empty file; expected a header with a 'date' column", path=p, line=1)
    header = [h.strip().lower() for h in rows[0]]
    if "date" not in header:
        raise InputError(f"no 'date' column in the header ({', '.join(header)})", path=p, line=1)
    col = {h: i for i, h in enumerate(header)}
    out: list[Announcement] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue

        def get(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        raw = get("date")
        if not raw:
            raise InputError("empty date", path=p, line=n, field="date")
        m = _EVENT.match(raw)
        if not m or m.group(3):
            raise InputError(
                f"{raw!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)", path=p, line=n, field="date"
            )
        day = _parse_date(m.group(1), path=p, line=n, field="date")
        at = _parse_time(m.group(2), path=p, line=n, field="date") if m.group(2) else None
        if get("time"):
            if at is not None:
                raise InputError("time given twice (in 'date' and in 'time')", path=p, line=n, field="time")
            at = _parse_time(get("time"), path=p, line=n, field="time")
        out.append(
            Announcement(
                day=day,
                at=at,
                label=get("label") or None,
                ticker=get("ticker") or None,
                source=f"{p.name}:{n}",
            )
        )
    return out


_BOUND = {"eq": "", "gt": ">", "ge": ">=", "lt": "<", "le": "<=", "approx": "~"}


def _figure(row: pd.Series) -> str:
    value = float(row["value"])
    num = f"{value:,.0f}" if value == int(value) else f"{value:,.4g}"
    return f"{row['entity']} {row['metric']} {row['period']} {_BOUND.get(row['bound'], '')}{num}"


def ticker_of(store, entity: str, cache: dict[str, str | None] | None = None) -> str | None:
    """The ticker that trades an entity: its own security, else its parent's (a model's
    maker), walking up; ``None`` when there is none."""
    if cache is not None and entity in cache:
        return cache[entity]
    seen: set[str] = set()
    slug: str | None = entity
    found: str | None = None
    while slug and slug not in seen:
        seen.add(slug)
        own = store.tickers_of(slug)
        if own:
            found = own[0]
            break
        slug = store.parent_of(slug)
    if cache is not None:
        cache[entity] = found
    return found


def events_from_facts(
    store, metrics: Sequence[str], tickers: Iterable[str] | None = None
) -> tuple[list[Announcement], list[str]]:
    """One announcement per distinct (ticker, publication date) among the stored facts of
    ``metrics``: each fact's ``published`` date is an event of the ticker that trades its
    entity (a model's facts go to its maker's ticker), labelled with the figures published
    that day. Facts without a publication date, or whose entity has no ticker, are counted
    in the returned notes. ``tickers`` restricts the events to those tickers."""
    metrics = [m.strip() for m in metrics if m and m.strip()]
    if not metrics:
        raise InputError(
            "no metric given to --from-facts (e.g. deliveries,delivery_target)", field="--from-facts"
        )
    wanted = set(tickers) if tickers else None
    facts = store.facts(metric=metrics)
    notes: list[str] = []
    known = set(facts["metric"].unique()) if len(facts) else set()
    missing = [m for m in metrics if m not in known]
    if missing:
        notes.append(f"no stored facts of metric(s) {', '.join(missing)}")
    if not len(facts):
        return [], notes
    undated = int(facts["published"].isna().sum())
    facts = facts[facts["published"].notna()]
    cache: dict[str, str | None] = {}
    facts = facts.assign(ticker=[ticker_of(store, e, cache) for e in facts["entity"]])
    orphan = sorted(set(facts.loc[facts["ticker"].isna(), "entity"]))
    facts = facts[facts["ticker"].notna()]
    if wanted is not None:
        facts = facts[facts["ticker"].isin(wanted)]
    if undated:
        notes.append(f"{undated} fact(s) without a publication date left out")
    if orphan:
        notes.append(f"facts of {', '.join(orphan)} left out: no ticker trades them")
    out: list[Announcement] = []
    facts = facts.assign(day=pd.to_datetime(facts["published"]).dt.date)
    for (ticker, day), grp in facts.groupby(["ticker", "day"], sort=True):
        label = "; ".join(_figure(r) for _, r in grp.iterrows())
        basis = sorted({str(b) for b in grp["published_basis"].dropna()})
        src = "facts " + ",".join(str(i) for i in grp["id"]) + (f" (date {'/'.join(basis)})" if basis else "")
        ids = tuple(str(i) for i in grp["id"])
        out.append(Announcement(day=day, at=None, label=label, ticker=str(ticker), source=src, facts=ids))
    return out, notes
