"""The atom of evlens: a fact, and the document it comes from.

A fact is one figure about one entity, e.g. "Xiaomi SU7 deliveries in 2024-04 were 7,058
vehicles", together with where it was read: the document (an article, a CSV file), the
exact span ``[span_start, span_end)`` of that document's text it was read from
(``document.text[span_start:span_end] == surface``), and how it was read (``method``: an
importer name or an extraction rule). Any figure evlens shows can be traced to its facts.

Conventions
-----------
* ``value`` is in base units: vehicles, orders, currency units (not millions), percent as
  a number (121 for +121 %).
* ``bound`` says how ``value`` relates to the true figure: ``eq`` exact, ``gt``/``ge`` a
  lower bound ("more than 20,000"), ``lt``/``le`` an upper bound, ``approx`` rounded.
* ``rate`` is ``None`` for a total over ``period``, or ``month``/``year`` for a rate
  (capacity of 24,000 a month).
* ``scope`` narrows the entity when the source does (a plant phase, a sales channel).
* ``cumulative`` marks a running total as of the end of ``period`` (orders since launch).
* ``confidence`` is how far the figure can be trusted as read, in [0, 1]: 1 for a figure
  imported from a data file; for a figure read from an article, the probability that a
  careful reader records it as it stands (:mod:`evlens.extract.confidence`).
* ``published`` is the date the figure became public; ``published_basis`` says whether
  that date was stated by the source (``stated``) or inferred by a stated rule
  (``assumed``), e.g. monthly deliveries released on the first day of the next month.
"""

from __future__ import annotations

import hashlib
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from .periods import parse_period

BOUNDS = ("eq", "gt", "ge", "lt", "le", "approx")
RATES = (None, "day", "week", "month", "year")


def content_hash(data: bytes | str) -> str:
    """The id of a document or file: the first 32 hex digits of its SHA-256."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass(frozen=True)
class Document:
    """A source text: an article, a release, or an imported file."""

    id: str  # content hash of ``text``
    text: str
    kind: str = "article"  # article | csv | release
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    retrieved_at: datetime | None = None
    path: str | None = None
    lang: str | None = None

    @classmethod
    def from_text(cls, text: str, **meta) -> Document:
        return cls(id=content_hash(text), text=text, **meta)


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure about one entity, with its provenance. See the module docstring.

    Slotted: an article of 300,000 characters gives thousands of facts, and a per-instance
    ``__dict__`` would make them weigh more than the text they were read from."""

    entity: str
    metric: str
    period: str
    value: float
    unit: str
    bound: str = "eq"
    rate: str | None = None
    cumulative: bool = False
    scope: str | None = None
    document_id: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    surface: str | None = None
    sentence: str | None = None
    method: str = "manual"
    confidence: float = 1.0
    published: date | None = None
    published_basis: str | None = None
    source_url: str | None = None
    publisher: str | None = None
    note: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.bound not in BOUNDS:
            raise ValueError(f"bound must be one of {BOUNDS}, not {self.bound!r}")
        if self.rate not in RATES:
            raise ValueError(f"rate must be one of {RATES}, not {self.rate!r}")

    @property
    def id(self) -> str:
        """Stable id: the same figure read from the same place is the same fact."""
        key = "|".join(
            str(x)
            for x in (
                self.document_id,
                self.span_start,
                self.span_end,
                self.entity,
                self.metric,
                self.scope,
                self.period,
                self.value,
                self.unit,
                self.bound,
                self.rate,
                self.cumulative,
            )
        )
        return content_hash(key)

    def row(self) -> dict[str, Any]:
        """The fact as a row of the ``facts`` table (without ``stored_at``): the period in
        canonical form with its first and last day, numbers as floats."""
        p = parse_period(self.period)
        return {
            "id": self.id,
            "entity": self.entity,
            "metric": self.metric,
            "scope": self.scope,
            "period": p.text,
            "period_start": p.start,
            "period_end": p.end,
            "value": float(self.value),
            "unit": self.unit,
            "rate": self.rate,
            "bound": self.bound,
            "cumulative": bool(self.cumulative),
            "document_id": self.document_id,
            "span_start": self.span_start,
            "span_end": self.span_end,
            "surface": self.surface,
            "sentence": self.sentence,
            "method": self.method,
            "confidence": float(self.confidence),
            "published": self.published,
            "published_basis": self.published_basis,
            "source_url": self.source_url,
            "publisher": self.publisher,
            "note": self.note,
        }

    @classmethod
    def trusted(cls, **values) -> Fact:
        """A fact from values its maker already keeps valid (the extractor's own bounds and
        rates): the same object as ``Fact(**values)`` without the checks and the frozen
        dataclass's generated ``__init__``, which together cost several times as much."""
        if not _FACT_NAMES.issuperset(values):
            raise TypeError(f"not fields of a fact: {sorted(set(values) - _FACT_NAMES)}")
        f = object.__new__(cls)
        get = values.get
        for put, name, default in _FACT_SLOTS:
            put(f, get(name, default))
        _EXTRA_SLOT(f, {})
        return f


# Each field but ``extra``: the setter of its slot (which, unlike ``setattr``, a frozen
# dataclass does not refuse), its name and its default (None for the fields without one,
# which :meth:`Fact.trusted` is always given).
_FACT_SLOTS = tuple(
    (getattr(Fact, f.name).__set__, f.name, None if f.default is MISSING else f.default)
    for f in fields(Fact)
    if f.name != "extra"
)
_EXTRA_SLOT = Fact.__dict__["extra"].__set__
_FACT_NAMES = frozenset(f.name for f in fields(Fact))  # (an ``extra`` given is left out, as ever)
