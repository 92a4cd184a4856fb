"""News articles to facts, each pointing at its exact source text.

>>> from evlens.extract import extract_text
>>> [f.value for f in extract_text("2024 年 4 月和 5 月，小米 SU7 的交付量分别为 7000 辆和 8600 辆。")]
[7000.0, 8600.0]

:func:`extract_document` reads a :class:`~evlens.facts.Document` (see
:func:`read_document` for files with front matter) and returns its facts, with the
document's id, URL, publisher and date copied onto each. :func:`fact_to_dict` gives the
JSON form printed by ``evlens extract --json``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..facts import Document, Fact
from .core import Extractor, Skipped, extract_text, read_facts
from .document import document_from_text, parse_front_matter, read_document


def extract_document(
    doc: Document, skipped: list[Skipped] | None = None, *, judged: bool = True
) -> list[Fact]:
    """Facts read from ``doc``; spans index ``doc.text``. Figures left out because no fact
    could hold them, or because the confidence model finds them unlikely, are appended to
    ``skipped`` when it is given (see :class:`Skipped`); ``judged=False`` keeps every
    reading of the rules (see :mod:`evlens.extract.confidence`)."""
    meta = {
        "document_id": doc.id,
        "published_basis": "stated" if doc.published else None,
        "source_url": doc.url,
        "publisher": doc.publisher,
    }
    return read_facts(doc.text, doc.published, meta, skipped, judged=judged)


def extract_file(
    path: str | Path,
    published: date | None = None,
    skipped: list[Skipped] | None = None,
    *,
    judged: bool = True,
) -> tuple[Document, list[Fact]]:
    """Read an article file and extract its facts (``skipped``, ``judged``: as
    :func:`extract_document`)."""
    doc = read_document(path, published)
    return doc, extract_document(doc, skipped, judged=judged)


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else v


def fact_to_dict(f: Fact) -> dict:
    """The JSON form of an extracted fact (one line of ``evlens extract --json``)."""
    return {
        "entity": f.entity,
        "metric": f.metric,
        "value": _num(f.value),
        "unit": f.unit,
        "rate": f.rate,
        "bound": f.bound,
        "period": f.period,
        "cumulative": f.cumulative,
        "span": [f.span_start, f.span_end],
        "surface": f.surface,
        "sentence": f.sentence,
        "rule": f.method,
        "confidence": f.confidence,
        "document_id": f.document_id,
    }


__all__ = [
    "Extractor",
    "Skipped",
    "document_from_text",
    "extract_document",
    "extract_file",
    "extract_text",
    "fact_to_dict",
    "parse_front_matter",
    "read_document",
    "read_facts",
]
