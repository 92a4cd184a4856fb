"""A year's delivery target, chosen by the same rules as every other figure.

The candidates are the ``delivery_target*`` facts for the year on the entity itself or
on an entity covering the same models (the coverage rule of :mod:`.entities`),
known on ``as_of``. They are reconciled as one group (:func:`evlens.reconcile.core.choose`):
exact before rounded, the company's own before the press's, the one known latest, and of
undated targets known the same day the larger (release calendar ``same_day``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from .core import Choice, choose
from .entities import EntityInfo, family, role_of
from .records import FactRecord, known_by

TARGET_METRIC_PREFIX = "delivery_target"


def target_choice(
    records: Iterable[FactRecord],
    entity: str,
    year: int,
    entities: Mapping[str, EntityInfo] | None = None,
    as_of: date | None = None,
) -> Choice | None:
    """The chosen delivery target of ``entity`` for ``year`` as of ``as_of`` (None if none)."""
    fam = family(entity, entities) if entities is not None else {entity}
    cands = []
    for r in known_by(records, as_of):
        if not r.metric.startswith(TARGET_METRIC_PREFIX) or r.period != str(year) or r.entity not in fam:
            continue
        if r.entity != entity and (
            entities is None or role_of(r.entity, entity, f"{year}-12", entities) != "same"
        ):
            continue
        cands.append(r)
    if not cands:
        return None
    return choose(cands)
