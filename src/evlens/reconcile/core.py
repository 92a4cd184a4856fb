"""Many facts about one figure to one chosen value, with the facts behind it.

Facts are grouped by what they measure: ``(entity, metric, scope, period, rate,
cumulative)``. Within a group one fact is chosen by these rules, in order:

1. **precision**: an exact figure (``eq``) beats a rounded one (``approx``), which beats a
   bound (``gt ge lt le``);
2. **source**: a figure from the company or an official table (a fact loaded by an
   importer, ``method`` not starting with ``extract``) beats one read from the press;
3. among bounds only, the tightest: the largest lower bound, else the smallest upper bound
   (two bounds do not revise each other: "more than 13,000" published later does not undo
   "more than 20,000");
4. **revision**: a later publication (``published``) beats an earlier one;
5. then higher ``confidence``, then the fact id (so the choice is deterministic).

Every other fact of the group is checked against the chosen value and listed as a
*conflict* when it disagrees: an exact figure that differs by more than ``rel_tol``
(default 0.1 %), a rounded one that differs by more than ``approx_tol`` (default 5 %), or
a bound the chosen value breaks (chosen 7,000 against "more than 13,000"). Conflicts are
reported, never dropped; the chosen value stays the one the rules pick.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

import pandas as pd

from .values import jsonable

_PRECISION = {"eq": 0, "approx": 1, "gt": 2, "ge": 2, "lt": 2, "le": 2}
_KEY = ("entity", "metric", "scope", "period", "rate", "cumulative")
_SHOWN = ("id", "value", "unit", "bound", "published", "method", "publisher", "source_url",
          "document_id", "span_start", "span_end", "surface", "confidence")


def _records(facts) -> list[dict]:
    if isinstance(facts, pd.DataFrame):
        rows = facts.to_dict("records")
    else:
        rows = []
        for f in facts:
            if isinstance(f, dict):
                rows.append(dict(f))
            else:
                d = {k: getattr(f, k) for k in f.__dataclass_fields__}
                d["id"] = f.id
                rows.append(d)
    out = []
    for r in rows:
        r = {k: jsonable(v) for k, v in r.items()}
        r.setdefault("scope", None)
        r.setdefault("rate", None)
        r.setdefault("cumulative", False)
        r.setdefault("confidence", 1.0)
        r.setdefault("method", "manual")
        r.setdefault("published", None)
        r["cumulative"] = bool(r["cumulative"])
        out.append(r)
    return out


def is_official(fact: dict) -> bool:
    """A fact loaded from a company release or an official table, not read from the press."""
    return not str(fact.get("method") or "").startswith("extract")


def satisfies(value: float, fact: dict, *, rel_tol: float = 1e-3, approx_tol: float = 0.05) -> bool:
    """Whether ``value`` agrees with what ``fact`` states (its value and bound)."""
    v, b = float(fact["value"]), fact["bound"]
    if b == "eq":
        return math.isclose(value, v, rel_tol=rel_tol, abs_tol=1e-9)
    if b == "approx":
        return math.isclose(value, v, rel_tol=approx_tol, abs_tol=1e-9)
    return {"gt": value > v, "ge": value >= v, "lt": value < v, "le": value <= v}[b]


def _bounds_agree(a: dict, b: dict) -> bool:
    """Two bounds (or a bound and a rounded value) can hold at once."""
    lo, hi = -math.inf, math.inf
    for f in (a, b):
        v = float(f["value"])
        if f["bound"] in ("gt", "ge"):
            lo = max(lo, v)
        elif f["bound"] in ("lt", "le"):
            hi = min(hi, v)
        else:
            lo, hi = max(lo, v * 0.95), min(hi, v * 1.05)
    return lo < hi or (lo == hi and all(f["bound"] in ("ge", "le", "approx") for f in (a, b)))


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

    def to_dict(self) -> dict:
        return {
            "entity": self.entity, "metric": self.metric, "scope": self.scope, "period": self.period,
            "rate": self.rate, "cumulative": self.cumulative, "value": self.value, "unit": self.unit,
            "bound": self.bound, "chosen": self.chosen, "reason": self.reason,
            "facts": list(self.facts), "conflicts": list(self.conflicts),
        }


@dataclass(frozen=True)
class Reconciliation:
    """One :class:`Choice` per group, in (entity, metric, period) order."""

    choices: tuple[Choice, ...]

    def to_dict(self) -> dict:
        return {"series": [c.to_dict() for c in self.choices],
                "conflicts": sum(len(c.conflicts) for c in self.choices)}

    def to_frame(self) -> pd.DataFrame:
        cols = ["entity", "metric", "scope", "period", "rate", "cumulative", "value", "unit", "bound",
                "facts", "conflicts", "reason"]
        return pd.DataFrame(
            [[c.entity, c.metric, c.scope, c.period, c.rate, c.cumulative, c.value, c.unit, c.bound,
              len(c.facts), len(c.conflicts), c.reason] for c in self.choices], columns=cols)

    def summary(self) -> str:
        n = sum(len(c.facts) for c in self.choices)
        k = sum(1 for c in self.choices if c.conflicts)
        return f"{len(self.choices)} values from {n} facts; {k} with conflicting facts"


def _rank(f: dict, lower_first: bool) -> tuple:
    published = f.get("published") or ""
    tight = -float(f["value"]) if f["bound"] in ("gt", "ge") else float(f["value"]) if f["bound"] in ("lt", "le") else 0.0
    return (
        _PRECISION[f["bound"]],
        0 if is_official(f) else 1,
        (0 if f["bound"] in ("gt", "ge") else 1) if lower_first else 0,
        tight,
        _neg_date(published),
        -float(f.get("confidence") or 0),
        str(f.get("id")),
    )


def _neg_date(s: str) -> tuple:
    # later first: compare on the negated ordinal, unknown dates last
    if not s:
        return (1, 0)
    return (0, -date.fromisoformat(str(s)[:10]).toordinal())


def _reason(chosen: dict, others: list[dict]) -> str:
    if not others:
        return "only fact"
    parts = []
    if chosen["bound"] == "eq" and any(o["bound"] != "eq" for o in others):
        parts.append("exact beats bound or rounded")
    if is_official(chosen) and any(not is_official(o) for o in others):
        parts.append("company or official source")
    if chosen.get("published") and any(o.get("published") and o["published"] < chosen["published"] and
                                       _PRECISION[o["bound"]] == _PRECISION[chosen["bound"]] for o in others):
        parts.append("latest revision")
    if chosen["bound"] in ("gt", "ge", "lt", "le"):
        parts.append("tightest bound")
    return ", ".join(parts) or "equal standing; first by confidence and id"


def reconcile(facts: pd.DataFrame | Iterable, *, rel_tol: float = 1e-3, approx_tol: float = 0.05) -> Reconciliation:
    """Choose one value per (entity, metric, scope, period, rate, cumulative); list conflicts.

    ``facts`` is a DataFrame of the facts table (``store.facts()``), or Fact objects, or
    dicts with the same fields. See the module docstring for the rules.
    """
    groups: dict[tuple, list[dict]] = {}
    for r in _records(facts):
        groups.setdefault(tuple(r.get(k) for k in _KEY), []).append(r)
    choices = []
    for key in sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k)):
        fs = groups[key]
        best = min(fs, key=lambda f: _rank(f, True))
        others = [f for f in fs if f is not best]
        conflicts = []
        for o in others:
            if best["bound"] in ("eq", "approx") and o["bound"] in ("eq", "approx", "gt", "ge", "lt", "le"):
                tol_ok = satisfies(float(best["value"]), o, rel_tol=rel_tol, approx_tol=approx_tol) \
                    if best["bound"] == "eq" else _bounds_agree(best, o)
            else:
                tol_ok = _bounds_agree(best, o)
            if not tol_ok:
                conflicts.append({"id": o.get("id"), "value": o["value"], "bound": o["bound"],
                                  "published": o.get("published"), "method": o.get("method"),
                                  "surface": o.get("surface"),
                                  "difference": float(o["value"]) - float(best["value"])})
        shown = tuple({k: f.get(k) for k in _SHOWN} | {"chosen": f is best} for f in
                      sorted(fs, key=lambda f: _rank(f, True)))
        ent, met, scope, per, rate, cum = key
        choices.append(Choice(ent, met, scope, per, rate, bool(cum), float(best["value"]), best["unit"],
                              best["bound"], str(best.get("id")), _reason(best, others), shown, tuple(conflicts)))
    return Reconciliation(tuple(choices))
