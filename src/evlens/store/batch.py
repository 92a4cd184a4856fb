"""Loading the Parquet partitions of a batch extraction (see :mod:`evlens.extract.batch`):
``documents/part-NNNNN.parquet`` and ``facts/part-NNNNN.parquet`` under one directory,
merged into the ``documents`` and ``facts`` tables in one transaction, once per document
(by content hash). The caller checks the facts against the store's rules first."""

from __future__ import annotations

from pathlib import Path

from ..errors import EvlensError


def merge_partitions(store, out_dir: str | Path) -> dict[str, int]:
    """Add the documents of the partitions under ``out_dir`` that ``store`` does not hold
    yet, with their facts, in one transaction.

    A document already stored (or given twice) is added once, its facts with it; a fact
    already stored is not added again. Facts naming an entity the store does not know
    refuse the whole directory. Returns ``documents_added`` and ``facts_added``."""
    docs = str(Path(out_dir) / "documents" / "*.parquet")
    facts = str(Path(out_dir) / "facts" / "*.parquet")
    with store.transaction() as con:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _incoming_docs AS "
            "SELECT * FROM read_parquet(?) WHERE id NOT IN (SELECT id FROM documents) "
            "QUALIFY row_number() OVER (PARTITION BY id ORDER BY path) = 1",
            [docs],
        )
        unknown = con.execute(
            "SELECT DISTINCT f.entity FROM read_parquet(?) f WHERE f.entity NOT IN (SELECT id FROM entities)",
            [facts],
        ).fetchall()
        if unknown:
            raise EvlensError(f"facts name unknown entities: {', '.join(sorted(r[0] for r in unknown))}")
        con.execute(
            "INSERT INTO documents SELECT id, kind, url, title, publisher, published, retrieved_at, path, lang, "
            "text, now()::TIMESTAMP FROM _incoming_docs"
        )
        before = con.execute("SELECT count(*) FROM facts").fetchall()[0][0]
        con.execute(
            "INSERT INTO facts SELECT f.*, now()::TIMESTAMP AS stored_at FROM read_parquet(?) f "
            "WHERE f.document_id IN (SELECT id FROM _incoming_docs) AND f.id NOT IN (SELECT id FROM facts) "
            "QUALIFY row_number() OVER (PARTITION BY f.id) = 1",
            [facts],
        )
        after = con.execute("SELECT count(*) FROM facts").fetchall()[0][0]
        added_docs = con.execute("SELECT count(*) FROM _incoming_docs").fetchall()[0][0]
        con.execute("DROP TABLE _incoming_docs")
    return {"documents_added": int(added_docs), "facts_added": int(after - before)}
