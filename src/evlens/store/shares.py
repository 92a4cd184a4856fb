"""Queries behind the share-count ledger and the market-value series: the stored counts of
a ticker in ledger order, and the facts published near a day. Functions take a
:class:`~evlens.store.Store` and read through ``store.con``; they never write."""

from __future__ import annotations

from datetime import date

import pandas as pd


def share_rows(store, ticker: str) -> pd.DataFrame:
    """Every stored share count of ``ticker`` in ledger order (date, then the import, then
    the line of its file): as_of, shares, class_a, class_b, basis, source_url, note, line,
    import_id. Empty when the ticker has none."""
    t = store.resolve_ticker(ticker)
    df = store.con.execute(
        """SELECT s.as_of, s.shares, s.class_a, s.class_b, s.basis, s.source_url, s.note, s.line, s.import_id
           FROM share_counts s LEFT JOIN imports i ON i.id = s.import_id
           WHERE s.ticker = ?
           ORDER BY s.as_of, i.imported_at NULLS LAST, s.import_id, s.line""",
        [t],
    ).df()
    df["as_of"] = pd.to_datetime(df["as_of"])
    return df


def facts_published_between(store, entity: str | None, start: date, end: date) -> pd.DataFrame:
    """Facts about ``entity`` or any of its models published from ``start`` to ``end``
    (inclusive), with the title of their document: id, entity, metric, period, value,
    unit, bound, published, source_url, publisher, document_title. Empty without an entity."""
    cols = [
        "id",
        "entity",
        "metric",
        "period",
        "value",
        "unit",
        "bound",
        "published",
        "source_url",
        "publisher",
        "document_title",
    ]
    if not entity:
        return pd.DataFrame(columns=cols)
    df = store.con.execute(
        """SELECT f.id, f.entity, f.metric, f.period, f.value, f.unit, f.bound, f.published, f.source_url,
                  f.publisher, d.title AS document_title
           FROM facts f LEFT JOIN documents d ON d.id = f.document_id
           WHERE (f.entity = ? OR f.entity IN (SELECT id FROM entities WHERE parent = ?))
             AND f.published BETWEEN ? AND ?
           ORDER BY f.published, f.entity, f.metric, f.period, f.id""",
        [entity, entity, start, end],
    ).df()
    if not df.empty:
        df["published"] = pd.to_datetime(df["published"])
    return df[cols] if not df.empty else pd.DataFrame(columns=cols)
