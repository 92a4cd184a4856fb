"""The fact record: the one normalised form in which every reader sees a fact.

:func:`fact_records` reads a ``store.facts()`` DataFrame, :class:`evlens.facts.Fact`
objects or plain dicts into :class:`FactRecord` (period parsed, missing fields given
their defaults, the known date worked out from the release calendar). Every chooser in
:mod:`evlens.reconcile` and every analysis in :mod:`evlens.ops` reads facts this way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from ..errors import InputError
from ..facts import Fact
from ..periods import parse_period
from ..values import optional as _opt
from ..values import to_date as _to_date
from .calendar import ReleaseCalendar, release_calendar

_SIGN = {"eq": "=", "gt": ">", "ge": ">=", "lt": "<", "le": "<=", "approx": "~"}


def is_official(fact) -> bool:
    """A fact loaded from a company release or an official table, not read from the press
    (``method`` not starting with ``extract``). Takes a record or a dict."""
    m = fact.get("method") if isinstance(fact, dict) else getattr(fact, "method", None)
    return not str(m or "").startswith("extract")


@dataclass(frozen=True)
class FactRecord:
    """A fact with its period parsed and the day it counts as known."""

    id: str
    entity: str
    metric: str
    period: str
    start: date
    end: date
    value: float
    bound: str
    known_from: date  # the day it counts as known (fact_records works it out from the calendar)
    unit: str = ""
    cumulative: bool = False
    rate: str | None = None
    scope: str | None = None
    published: date | None = None
    published_basis: str | None = None
    source_url: str | None = None
    method: str = "manual"
    confidence: float = 1.0
    known_basis: str = "published"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def official(self) -> bool:
        return is_official(self)

    def describe(self) -> str:
        cum = " cumulative" if self.cumulative else ""
        return f"[{self.id}] {self.entity} {self.metric}{cum} {self.period} {_SIGN[self.bound]} {self.value:,.0f}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "metric": self.metric,
            "period": self.period,
            "value": self.value,
            "bound": self.bound,
            "cumulative": self.cumulative,
            "published": self.published.isoformat() if self.published else None,
            "known_from": self.known_from.isoformat(),
            "known_basis": self.known_basis,
            "source_url": self.source_url,
            "method": self.method,
        }

    def shown(self) -> dict[str, Any]:
        """Every field a reader may want to see (the facts behind a chosen value)."""
        d = self.to_dict()
        d.update(
            {
                "unit": self.unit,
                "scope": self.scope,
                "rate": self.rate,
                "confidence": self.confidence,
                "published_basis": self.published_basis,
            }
        )
        d.update(self.extra)
        return d


_EXTRA = ("publisher", "document_id", "span_start", "span_end", "surface", "note")


def _num(v, default: float) -> float:
    v = _opt(v)
    return float(v) if v is not None else default


def _make(row: dict, i: int, cal: ReleaseCalendar) -> FactRecord:
    try:
        p = parse_period(row["period"])
    except ValueError as exc:
        raise InputError(str(exc), line=i + 1, field="period") from None
    published = _to_date(_opt(row.get("published")))
    basis = _opt(row.get("published_basis"))
    metric = str(row["metric"])
    k = cal.known_date(metric, p, published, basis)
    extra = {}
    for key in _EXTRA:
        v = _opt(row.get(key))
        if v is not None:
            extra[key] = int(v) if key in ("span_start", "span_end") else v
    return FactRecord(
        id=str(_opt(row.get("id")) or f"row{i + 1}"),
        entity=str(row["entity"]),
        metric=metric,
        period=p.text,
        start=_to_date(_opt(row.get("period_start"))) or p.start,
        end=_to_date(_opt(row.get("period_end"))) or p.end,
        value=float(row["value"]),
        bound=str(_opt(row.get("bound")) or "eq"),
        unit=str(_opt(row.get("unit")) or ""),
        cumulative=bool(_opt(row.get("cumulative")) or False),
        rate=_opt(row.get("rate")),
        scope=_opt(row.get("scope")),
        published=published,
        published_basis=basis,
        source_url=_opt(row.get("source_url")),
        method=str(_opt(row.get("method")) or "manual"),
        confidence=_num(row.get("confidence"), 1.0),
        known_from=k.date,
        known_basis=k.basis,
        extra=extra,
    )


def fact_records(
    facts: pd.DataFrame | Iterable[Fact | dict | FactRecord] | None, calendar: ReleaseCalendar | None = None
) -> list[FactRecord]:
    """Facts from a ``store.facts()`` frame, ``Fact`` objects, dicts or records, normalised."""
    if facts is None:
        return []
    cal = calendar or release_calendar()
    if isinstance(facts, pd.DataFrame):
        rows: list = facts.to_dict("records")
    else:
        rows = list(facts)
    out = []
    for i, f in enumerate(rows):
        if isinstance(f, FactRecord):
            out.append(f)
            continue
        if isinstance(f, Fact):
            d = {k: getattr(f, k) for k in f.__dataclass_fields__ if k != "extra"}
            d["id"] = f.id
            f = d
        out.append(_make(dict(f), i, cal))
    return out


def known_by(records: Iterable[FactRecord], as_of: date | None) -> list[FactRecord]:
    """The facts known on ``as_of`` (all of them when ``as_of`` is None)."""
    if as_of is None:
        return list(records)
    return [r for r in records if r.known_from <= as_of]


published_by = known_by  # the name the operations code used
