"""The Sources part of a company page: every fact behind a figure, with its document and
the exact text it was read from.

``quote`` keeps what it always held (the span of the document's text, which for a table is
its raw row, else the fact's surface). A page shows ``excerpt`` instead: the exact span of
an article's text, never a row of a table; for a fact read from a table it shows the
table's own note when that note is prose (``source_note``), else only the source."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from ..errors import NotFoundError
from ..periods import parse_period
from ..values import jsonable
from .names import BOUND_MARK, display_name

#: How a bound is written before its value (an exact value has none).

TABLE_KINDS = frozenset({"csv", "tsv", "table", "xlsx", "parquet", "kpis"})
_TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls", ".parquet")
# A note naming a file or a path is bookkeeping about the data, not something to show a reader.
_FILE_LIKE = re.compile(
    r"file://|(?:^|[\s(\"'])(?:/|~/|[A-Za-z]:\\)|\.(?:csv|tsv|xlsx?|parquet|json|toml|md|txt|duckdb)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\u3400-\u9fff]|[^\W\d_\u3400-\u9fff]{2,}")


def fact_sources(store, facts: pd.DataFrame, ids: set[str]) -> list[dict]:
    """The facts behind the figures, each with its document and exact quoted text, sorted
    by entity, metric and period."""
    if not ids:
        return []
    rows = facts[facts["id"].isin(sorted(ids))]
    docs: dict[str, dict] = {}
    out = []
    for rec in rows.to_dict("records"):
        did = rec.get("document_id")
        if did and did not in docs:
            docs[did] = _document(store, did)
        out.append(_source(rec, docs.get(did, {})))
    out.sort(key=source_order)
    return out


def _document(store, did: str) -> dict:
    try:
        doc = store.document(did)
    except NotFoundError:
        doc = {}
    out = {k: doc.get(k) for k in ("id", "kind", "url", "title", "publisher", "published", "path")}
    out["_text"] = doc.get("text") or ""
    return out


def _source(rec: dict, doc: dict) -> dict:
    quote = None
    s, e = rec.get("span_start"), rec.get("span_end")
    text = doc.get("_text") or ""
    if s is not None and e is not None and not pd.isna(s) and not pd.isna(e) and text:
        quote = text[int(s) : int(e)]
    table = is_table(doc)
    note = rec.get("note")
    return jsonable(
        {
            "id": rec["id"],
            "entity": rec["entity"],
            "entity_name_en": display_name(rec["entity"], "en"),
            "entity_name_zh": display_name(rec["entity"], "zh"),
            "metric": rec["metric"],
            "period": rec["period"],
            "value": rec["value"],
            "unit": rec["unit"],
            "bound": rec["bound"],
            "bound_symbol": BOUND_MARK.get(rec["bound"], ""),
            "published": _published(rec.get("published")) or _published(doc.get("published")),
            "source_url": rec.get("source_url") or doc.get("url"),
            "publisher": rec.get("publisher") or doc.get("publisher"),
            "surface": rec.get("surface"),
            "sentence": rec.get("sentence"),
            "quote": quote or rec.get("surface"),
            "excerpt": None if table else (quote or None),
            "source_note": note if table and is_prose(note) else None,
            "from_table": table,
            "method": rec.get("method"),
            "note": note,
            "document": {k: v for k, v in doc.items() if not k.startswith("_")} if doc else None,
        }
    )


def _published(v) -> str | None:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    if isinstance(v, date):
        return v.isoformat()[:10]
    return str(v)[:10] or None


def is_table(doc: dict) -> bool:
    """Whether a document is a table (a CSV file and the like), whose text is rows, not prose."""
    if not doc:
        return False
    kind = str(doc.get("kind") or "").lower()
    path = str(doc.get("path") or "").lower()
    return kind in TABLE_KINDS or path.endswith(_TABLE_SUFFIXES)


def is_prose(note: object) -> bool:
    """Whether a table's note reads as words for a reader: two words or more (or Chinese
    text), and no file name or path in it."""
    if not isinstance(note, str) or not note.strip():
        return False
    if _FILE_LIKE.search(note) or (note.count(",") >= 5 and " " not in note):
        return False
    return len(_WORD.findall(note)) >= 2


def _period_key(period: str | None) -> tuple:
    if not period:
        return ("", 0, "")
    try:
        p = parse_period(period)
    except ValueError:
        return ("~", 0, period)
    return (p.start.isoformat(), -p.end.toordinal(), period)


def source_order(s: dict) -> tuple:
    """Entity, metric, period (by its first day, the longer first: a year, its quarter,
    its month), value, id."""
    v = s.get("value")
    return (
        s.get("entity") or "",
        s.get("metric") or "",
        _period_key(s.get("period")),
        v if isinstance(v, int | float) else float("inf"),
        s.get("id") or "",
    )


def distinct_sources(sources: list[dict]) -> list[dict]:
    """The sources as a page lists them: sorted by entity, metric and period, and the same
    figure from the same source (entity, metric, period, value, bound and URL or document)
    once, with the ids of all the facts it stands for in ``ids``."""
    rows: dict[tuple, dict] = {}
    for s in sorted(sources, key=source_order):
        doc = s.get("document") or {}
        key = (
            s.get("entity"),
            s.get("metric"),
            s.get("period"),
            s.get("value"),
            s.get("bound"),
            s.get("source_url") or doc.get("id") or s.get("id"),
        )
        row = rows.get(key)
        if row is None:
            rows[key] = dict(s, ids=[s["id"]])
            continue
        row["ids"].append(s["id"])
        for field in ("excerpt", "source_note", "publisher", "published"):
            if not row.get(field) and s.get(field):
                row[field] = s[field]
    return list(rows.values())
