"""The Sources part of a company page: every fact behind a figure, with its document and
the exact text it was read from."""

from __future__ import annotations

import pandas as pd

from ..errors import NotFoundError
from ..values import jsonable


def fact_sources(store, facts: pd.DataFrame, ids: set[str]) -> list[dict]:
    """The facts behind the figures, each with its document and exact quoted text."""
    if not ids:
        return []
    rows = facts[facts["id"].isin(sorted(ids))]
    docs: dict[str, dict] = {}
    out = []
    for rec in rows.to_dict("records"):
        did = rec.get("document_id")
        if did and did not in docs:
            try:
                doc = store.document(did)
            except NotFoundError:
                doc = {}
            docs[did] = {
                k: doc.get(k) for k in ("id", "kind", "url", "title", "publisher", "published", "path")
            }
            text = doc.get("text") or ""
            docs[did]["_text"] = text
        doc = docs.get(did, {})
        quote = None
        s, e = rec.get("span_start"), rec.get("span_end")
        text = doc.get("_text") or ""
        if s is not None and e is not None and not pd.isna(s) and not pd.isna(e) and text:
            quote = text[int(s) : int(e)]
        out.append(
            jsonable(
                {
                    "id": rec["id"],
                    "entity": rec["entity"],
                    "metric": rec["metric"],
                    "period": rec["period"],
                    "value": rec["value"],
                    "unit": rec["unit"],
                    "bound": rec["bound"],
                    "published": rec.get("published"),
                    "source_url": rec.get("source_url") or doc.get("url"),
                    "publisher": rec.get("publisher") or doc.get("publisher"),
                    "surface": rec.get("surface"),
                    "sentence": rec.get("sentence"),
                    "quote": quote or rec.get("surface"),
                    "method": rec.get("method"),
                    "note": rec.get("note"),
                    "document": {k: v for k, v in doc.items() if not k.startswith("_")} if doc else None,
                }
            )
        )
    out.sort(key=lambda x: (x["metric"], x["period"] or "", x["id"]))
    return out
