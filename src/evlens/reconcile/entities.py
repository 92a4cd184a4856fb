"""Entities as the fact readers see them, and which facts describe which entity.

Every chooser of :mod:`evlens.reconcile` and every analysis of :mod:`evlens.ops` takes the
gazetteer's entities (a ``store.entities()`` DataFrame, dicts, or the bundled gazetteer),
never the store. This module reads them (:class:`EntityInfo`) and says which facts about
one company's family describe which part of it: a delivery target on a model stands for
its maker only when the coverage rule below says both are the same
(:func:`evlens.reconcile.target_choice`), and the monthly series of :mod:`evlens.ops`
uses the same rule for every fact.

Coverage rule
-------------
A company's deliveries are the sum of its models' deliveries. For a period ``P`` the
*delivering set* of an entity is the set of models that deliver during ``P``:

* a model: itself (if its ``first_delivery`` month is within or before ``P``, or unknown)
  plus its variants (``variant_of`` it) that deliver by then;
* a model group: the union of its members' delivering sets;
* a company: every model whose ``parent`` is the company (or, with no models in the
  gazetteer, the company itself).

A fact on entity ``F`` describes target ``T`` over ``P`` when both delivering sets are
equal (role ``same``): the 2024 facts on ``xiaomi-su7`` describe ``xiaomi`` because the SU7
was Xiaomi's only model in 2024. When ``F``'s set is a strict subset of ``T``'s, the fact is
a lower bound on ``T`` (role ``part``); a strict superset gives an upper bound (``whole``).
Otherwise the fact is not used, with the reason recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..errors import NotFoundError
from ..values import optional as _opt


@dataclass(frozen=True)
class EntityInfo:
    id: str
    kind: str
    parent: str | None = None
    members: tuple[str, ...] = ()
    first_delivery: str | None = None
    variant_of: str | None = None


# ---------------------------------------------------------------------------- entities


def entity_infos(entities: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None) -> dict[str, EntityInfo]:
    """Entities by slug, from ``store.entities()`` or dicts; default: the bundled gazetteer."""
    if entities is None:
        from ..gazetteer import load_gazetteer

        rows: list[Mapping[str, Any]] = [
            {
                "id": e.id,
                "kind": e.kind,
                "parent": e.parent,
                "members": e.members,
                "first_delivery": e.first_delivery,
                "variant_of": e.variant_of,
            }
            for e in load_gazetteer()
        ]
    elif isinstance(entities, pd.DataFrame):
        rows = entities.to_dict("records")
    else:
        rows = list(entities)
    out: dict[str, EntityInfo] = {}
    for r in rows:
        members = _opt(r.get("members"))
        members = tuple(members) if members is not None else ()
        out[str(r["id"])] = EntityInfo(
            id=str(r["id"]),
            kind=str(r.get("kind") or "company"),
            parent=_opt(r.get("parent")),
            members=members,
            first_delivery=_opt(r.get("first_delivery")),
            variant_of=_opt(r.get("variant_of")),
        )
    return out


def company_of(slug: str, entities: Mapping[str, EntityInfo]) -> str:
    info = entities.get(slug)
    if info is None:
        raise NotFoundError(f"unknown entity {slug!r}")
    return slug if info.kind == "company" or info.parent is None else info.parent


def _delivers_by(info: EntityInfo, last_month: str) -> bool:
    return info.first_delivery is None or str(info.first_delivery)[:7] <= last_month


def delivering_set(slug: str, last_month: str, entities: Mapping[str, EntityInfo]) -> frozenset[str]:
    """The models of ``slug`` that deliver in some month up to ``last_month`` (``YYYY-MM``)."""
    info = entities.get(slug)
    if info is None:
        return frozenset({slug})
    if info.kind == "model":
        if not _delivers_by(info, last_month):
            return frozenset()
        variants = {
            e.id
            for e in entities.values()
            if e.kind == "model" and e.variant_of == slug and _delivers_by(e, last_month)
        }
        return frozenset({slug} | variants)
    if info.kind == "model_group":
        members: set[str] = set()
        for m in info.members:
            members |= delivering_set(m, last_month, entities)
        return frozenset(members)
    models = [e for e in entities.values() if e.kind == "model" and e.parent == slug]
    if not models:
        return frozenset({slug})
    return frozenset(m.id for m in models if _delivers_by(m, last_month))


def first_delivery_month(slug: str, entities: Mapping[str, EntityInfo]) -> str | None:
    """The earliest ``first_delivery`` among the models ``slug`` consists of, if all are known."""
    info = entities.get(slug)
    if info is None:
        return None
    if info.kind == "model":
        return str(info.first_delivery)[:7] if info.first_delivery else None
    if info.kind == "model_group":
        months = [first_delivery_month(m, entities) for m in info.members]
    else:
        months = [
            first_delivery_month(e.id, entities)
            for e in entities.values()
            if e.kind == "model" and e.parent == slug and not e.variant_of
        ]
    if not months or any(m is None for m in months):
        return None
    return min(months)  # type: ignore[type-var]


def role_of(fact_entity: str, target: str, last_month: str, entities: Mapping[str, EntityInfo]) -> str | None:
    """``same``, ``part``, ``whole`` or ``None``: how a fact's entity relates to the target."""
    if fact_entity == target:
        return "same"
    fs = delivering_set(fact_entity, last_month, entities)
    ts = delivering_set(target, last_month, entities)
    if fs == ts:
        return "same"
    if fs < ts:
        return "part"
    if fs > ts:
        return "whole"
    return None


def family(target: str, entities: Mapping[str, EntityInfo]) -> set[str]:
    """The target's company and every entity whose parent is that company."""
    company = company_of(target, entities)
    return {company} | {e.id for e in entities.values() if e.parent == company} | {target}


def with_descendants(target: str, entities: Mapping[str, EntityInfo]) -> list[str]:
    """``target`` and every entity under it, at any depth (a maker's brands, their models,
    model groups), target first and each level in name order."""
    out, todo = [target], [target]
    while todo:
        cur = todo.pop()
        kids = sorted(e.id for e in entities.values() if e.parent == cur and e.id not in out)
        out.extend(kids)
        todo.extend(kids)
    return out
