"""Event studies: how a security's price reacted to dated news, against a benchmark.

The engine (:mod:`~evlens.events.engine`) is pure and vectorised over events; the
calendar rules (:mod:`~evlens.calendars`), event lists
(:mod:`~evlens.events.lists`) and the store-facing runner (:mod:`~evlens.events.study`)
feed it.
"""

from .engine import EventMeta, event_study, event_study_panel, gather
from .results import TESTS, EventResult, EventStudyResult, TestRow
from .spec import MODELS, StudySpec

__all__ = [
    "MODELS",
    "TESTS",
    "EventMeta",
    "EventResult",
    "EventStudyResult",
    "StudySpec",
    "TestRow",
    "event_study",
    "event_study_panel",
    "gather",
]
