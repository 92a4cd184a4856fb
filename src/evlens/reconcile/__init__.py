"""The one door through which evlens reads facts: the fact record, the release calendar,
precedence, revisions and conflict rules, all as of a date.

* :func:`fact_records`: facts in one normalised form (:class:`FactRecord`), each with the
  day it counts as known (:mod:`.calendar`, rules kept as data in
  ``evlens/data/release_calendar.toml``);
* :func:`reconcile`: one chosen value per figure, with conflicts and revisions (:mod:`.core`);
* :func:`current_facts`: the facts known on a date without revised figures, for analyses
  that solve many facts together;
* :func:`target_choice`: a year's delivery target (:mod:`.targets`);
* :func:`resolve_conflicts`: which press figures to leave out when facts cannot all hold
  (:mod:`.conflicts`), over the monthly constraints of :mod:`.intervals`;
* :func:`entity_infos`, :func:`role_of`, :func:`family`: the entities and which facts
  describe which entity (the coverage rule, :mod:`.entities`).
"""

from .calendar import KnownDate, ReleaseCalendar, calendar_from_toml, release_calendar
from .conflicts import ON_CONFLICT, resolve_conflicts
from .core import Choice, Reconciliation, choose, current_facts, rank, reconcile, satisfies
from .entities import (
    EntityInfo,
    company_of,
    delivering_set,
    entity_infos,
    family,
    first_delivery_month,
    role_of,
    with_descendants,
)
from .records import FactRecord, fact_records, is_official, known_by, published_by
from .targets import TARGET_METRIC_PREFIX, target_choice

__all__ = [
    "ON_CONFLICT",
    "TARGET_METRIC_PREFIX",
    "Choice",
    "EntityInfo",
    "FactRecord",
    "KnownDate",
    "Reconciliation",
    "ReleaseCalendar",
    "calendar_from_toml",
    "choose",
    "company_of",
    "current_facts",
    "delivering_set",
    "entity_infos",
    "fact_records",
    "family",
    "first_delivery_month",
    "is_official",
    "known_by",
    "published_by",
    "rank",
    "reconcile",
    "release_calendar",
    "resolve_conflicts",
    "role_of",
    "satisfies",
    "target_choice",
    "with_descendants",
]
