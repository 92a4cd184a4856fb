"""Many facts about one figure to one chosen value, as of a date, with the facts behind it.

Facts are grouped by what they measure: ``(entity, metric, scope, period, rate,
cumulative)``. Only facts *known* on ``as_of`` take part (their publication date, or the
release calendar's known date when they have none: :mod:`evlens.reconcile.calendar`).
Within a group one fact is chosen by these rules, in order:

1. **precision**: an exact figure (``eq``) beats a rounded one (``approx``), which beats a
   bound (``gt ge lt le``);
2. **source**: a figure from the company or an official table (a fact loaded by an
   importer, ``method`` not starting with ``extract``) beats one read from the press;
3. among bounds only, the tightest: the largest lower bound, else the smallest upper bound
   (two bounds do not revise each other: "more than 13,000" published later does not undo
   "more than 20,000");
4. **revision**: the figure known latest (``known_from``) beats an earlier one, so a
   300,000 target later raised to 350,000 gives 350,000 from the day the raise is known;
5. for metrics whose calendar says so (``same_day = "larger"``: delivery targets), of
   figures known on the same day the larger counts as the later;
6. then higher ``confidence``, then the fact id (so the choice is deterministic).

Every other fact of the group is checked against the chosen value and listed as a
*conflict* when it disagrees: an exact figure that differs by more than ``rel_tol``
(default 0.1 %), a rounded one that differs by more than ``approx_tol`` (default 5 %), or
a bound the chosen value breaks (chosen 7,000 against "more than 13,000"). A figure of the
same precision and standing that was known earlier and differs is a *revision*: it is
kept and shown (in ``conflicts`` marked ``revised``, and in ``revisions``), and the
analyses leave it out (:func:`current_facts`).
Conflicts are reported, never dropped; the chosen value stays the one the rules pick.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..results import Result
from .calendar import release_calendar
from .records import FactRecord, fact_records, known_by

_PRECISION = {"eq": 0, "approx": 1, "gt": 2, "ge": 2, "lt": 2, "le": 2}


def _get(f, k):
    return f.get(k) if isinstance(f, dict) else getattr(f, k)


def satisfies(value: float, fact, *, rel_tol: float = 1e-3, approx_tol: float = 0.05) -> bool:
    """Whether ``value`` agrees with what ``fact`` states (its value and bound)."""
    v, b = float(_get(fact, "value")), _get(fact, "bound")
    if b == "eq":
        return math.isclose(value, v, rel_tol=rel_tol, abs_tol=1e-9)
    if b == "approx":
        return math.isclose(value, v, rel_tol=approx_tol, abs_tol=1e-9)
    return {"gt": value > v, "ge": value >= v, "lt": value < v, "le": value <= v}[b]


def _bounds_agree(a: FactRecord, b: FactRecord) -> bool:
    """Two bounds (or a bound and a rounded value) can hold at once."""
    lo, hi = -math.inf, math.inf
    for f in (a, b):
        v = float(f.value)
        if f.bound in ("gt", "ge"):
            lo = max(lo, v)
        elif f.bound in ("lt", "le"):
            hi = min(hi, v)
        else:
            lo, hi = max(lo, v * 0.95), min(hi, v * 1.05)
    return lo < hi or (lo == hi and all(f.bound in ("ge", "le", "approx") for f in (a, b)))


@dataclass(frozen=True)
class Choice:
    """The value chosen for one (entity, metric, scope, period, rate, cumulative)."""

    entity: str
    metric: str
    scope: str | None
    period: str
    rate: str | None
    cumulative: bool
    value: float
    unit: str
    bound: str
    chosen: str  # id of the chosen fact
    reason: str
    facts: tuple[dict, ...]
    conflicts: tuple[dict, ...] = field(default=())
    revisions: tuple[dict, ...] = field(default=())
    known_from: date | None = None

    def to_dict(self) -> dict:
        return {
            "entity": self.entity,
            "metric": self.metric,
            "scope": self.scope,
            "period": self.period,
            "rate": self.rate,
            "cumulative": self.cumulative,
            "value": self.value,
            "unit": self.unit,
            "bound": self.bound,
            "chosen": self.chosen,
            "reason": self.reason,
            "known_from": self.known_from.isoformat() if self.known_from else None,
            "facts": list(self.facts),
            "conflicts": list(self.conflicts),
            "revisions": list(self.revisions),
        }


@dataclass(frozen=True)
class Reconciliation(Result):
    """One :class:`Choice` per group, in (entity, metric, period) order, as of a date."""

    choices: tuple[Choice, ...]
    as_of: date | None = None
    not_yet_known: int = 0

    def to_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "series": [c.to_dict() for c in self.choices],
            "conflicts": sum(len(c.conflicts) for c in self.choices),
            "revisions": sum(len(c.revisions) for c in self.choices),
            "not_yet_known": self.not_yet_known,
        }

    def to_frame(self) -> pd.DataFrame:
        cols = [
            "entity",
            "metric",
            "scope",
            "period",
            "rate",
            "cumulative",
            "value",
            "unit",
            "bound",
            "facts",
            "conflicts",
            "reason",
        ]
        return pd.DataFrame(
            [
                [
                    c.entity,
                    c.metric,
                    c.scope,
                    c.period,
                    c.rate,
                    c.cumulative,
                    c.value,
                    c.unit,
                    c.bound,
                    len(c.facts),
                    len(c.conflicts),
                    c.reason,
                ]
                for c in self.choices
            ],
            columns=cols,
        )

    def summary(self) -> str:
        n = sum(len(c.facts) for c in self.choices)
        k = sum(1 for c in self.choices if c.conflicts)
        r = sum(len(c.revisions) for c in self.choices)
        s = f"{len(self.choices)} values from {n} facts; {k} with conflicting facts; {r} earlier figures revised"
        if self.as_of is not None:
            s += f"; as of {self.as_of} ({self.not_yet_known} facts not yet known then left out)"
        return s


def rank(f: FactRecord, same_day: str | None = None) -> tuple:
    """Sort key of the precedence rules (smaller ranks first); see the module docstring."""
    tight = -f.value if f.bound in ("gt", "ge") else f.value if f.bound in ("lt", "le") else 0.0
    return (
        _PRECISION[f.bound],
        0 if f.official else 1,
        0 if f.bound in ("gt", "ge", "eq", "approx") else 1,
        tight,
        -f.known_from.toordinal(),
        -f.value if same_day == "larger" else 0.0,
        -float(f.confidence or 0),
        str(f.id),
    )


def _reason(chosen: FactRecord, others: list[FactRecord], same_day: str | None) -> str:
    if not others:
        return "only fact"
    parts = []
    if chosen.bound == "eq" and any(o.bound != "eq" for o in others):
        parts.append("exact beats bound or rounded")
    if chosen.official and any(not o.official for o in others):
        parts.append("company or official source")
    peers = [
        o for o in others if _PRECISION[o.bound] == _PRECISION[chosen.bound] and o.official == chosen.official
    ]
    if any(o.known_from < chosen.known_from for o in peers):
        parts.append(f"latest revision (known {chosen.known_from})")
    if same_day == "larger" and any(
        o.known_from == chosen.known_from and o.value < chosen.value for o in peers
    ):
        parts.append("known the same day as a smaller figure: the larger counts as the later")
    if chosen.bound in ("gt", "ge", "lt", "le"):
        parts.append("tightest bound")
    return ", ".join(parts) or "equal standing; first by confidence and id"


def _is_revision(o: FactRecord, best: FactRecord, same_day: str | None) -> bool:
    """``o`` is an earlier figure that ``best`` revises: same precision and standing, known
    strictly earlier (or, where the calendar orders same-day figures, the same day and
    smaller), and a different value. Two figures known the same day stay a conflict."""
    if not (
        best.bound in ("eq", "approx")
        and o.bound == best.bound
        and o.official == best.official
        and not math.isclose(o.value, best.value, rel_tol=1e-9)
    ):
        return False
    return o.known_from < best.known_from or (
        same_day == "larger" and o.known_from == best.known_from and o.value < best.value
    )


def choose(group: list[FactRecord], *, rel_tol: float = 1e-3, approx_tol: float = 0.05) -> Choice:
    """The choice for one group of known facts (all with the same key)."""
    cal = release_calendar()
    same_day = cal.same_day(group[0].metric)
    best = min(group, key=lambda f: rank(f, same_day))
    others = [f for f in group if f is not best]
    conflicts, revisions = [], []
    for o in others:
        if best.bound == "eq":
            ok = satisfies(best.value, o, rel_tol=rel_tol, approx_tol=approx_tol)
        else:
            ok = _bounds_agree(best, o)
        entry = {
            "id": o.id,
            "value": o.value,
            "bound": o.bound,
            "published": o.published.isoformat() if o.published else None,
            "known_from": o.known_from.isoformat(),
            "method": o.method,
            "surface": o.extra.get("surface"),
            "difference": o.value - best.value,
        }
        if _is_revision(o, best, same_day):
            revisions.append(entry | {"revised": True})
            conflicts.append(entry | {"revised": True})
        elif not ok:
            conflicts.append(entry)
    ordered = sorted(group, key=lambda f: rank(f, same_day))
    shown = tuple(f.shown() | {"chosen": f is best} for f in ordered)
    return Choice(
        best.entity,
        best.metric,
        best.scope,
        best.period,
        best.rate,
        best.cumulative,
        best.value,
        best.unit,
        best.bound,
        best.id,
        _reason(best, others, same_day),
        shown,
        tuple(conflicts),
        tuple(revisions),
        best.known_from,
    )


def _key(r: FactRecord) -> tuple:
    return (r.entity, r.metric, r.scope, r.period, r.rate, r.cumulative)


def reconcile(
    facts: pd.DataFrame | Iterable,
    *,
    as_of: date | None = None,
    rel_tol: float = 1e-3,
    approx_tol: float = 0.05,
) -> Reconciliation:
    """Choose one value per (entity, metric, scope, period, rate, cumulative) from the facts
    known on ``as_of`` (all facts when None); list conflicts and revisions.

    ``facts`` is a DataFrame of the facts table (``store.facts()``), Fact objects, dicts
    with the same fields, or :class:`FactRecord`. See the module docstring for the rules.
    """
    records = fact_records(facts)
    known = known_by(records, as_of)
    groups: dict[tuple, list[FactRecord]] = {}
    for r in known:
        groups.setdefault(_key(r), []).append(r)
    choices = [
        choose(groups[k], rel_tol=rel_tol, approx_tol=approx_tol)
        for k in sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k))
    ]
    return Reconciliation(tuple(choices), as_of, len(records) - len(known))


def current_facts(
    records: Iterable[FactRecord], as_of: date | None = None
) -> tuple[list[FactRecord], list[dict]]:
    """The facts known on ``as_of`` without the figures a later revision replaced.

    Returns the facts an analysis should solve together, and one entry per left-out
    earlier figure (``id``, ``period``, ``metric``, ``value``, ``bound``, ``reason``)."""
    known = known_by(records, as_of)
    groups: dict[tuple, list[FactRecord]] = {}
    for r in known:
        groups.setdefault(_key(r), []).append(r)
    keep, revised = [], []
    for g in groups.values():
        if len(g) == 1:
            keep.extend(g)
            continue
        c = choose(g)
        gone = {x["id"] for x in c.revisions}
        for r in g:
            if r.id in gone:
                revised.append(
                    {
                        "id": r.id,
                        "period": r.period,
                        "metric": r.metric,
                        "value": r.value,
                        "bound": r.bound,
                        "reason": f"revised by {c.chosen} ({c.value:,.10g}, known {c.known_from})",
                    }
                )
            else:
                keep.append(r)
    order = {id(r): i for i, r in enumerate(known)}
    keep.sort(key=lambda r: order[id(r)])
    return keep, revised
