"""Apply the schema (``schema.sql``) to a database and record its version.

The schema file declares its version in a ``-- schema-version: N`` line. A new database
gets the whole file; a database at the same version is left alone; a database written by
a newer evlens is refused rather than damaged. When the schema grows, the statements that
bring version N-1 to N go into ``UPGRADES[N]``.
"""

from __future__ import annotations

import re
from importlib import resources

import duckdb

from ..errors import SchemaError

UPGRADES: dict[int, list[str]] = {
    2: ["ALTER TABLE entities ADD COLUMN variant_of VARCHAR"],
}


def schema_sql() -> str:
    return resources.files("evlens.store").joinpath("schema.sql").read_text(encoding="utf-8")


def schema_version(sql: str | None = None) -> int:
    m = re.search(r"^--\s*schema-version:\s*(\d+)\s*$", sql or schema_sql(), re.M)
    if not m:
        raise SchemaError("schema.sql does not declare its schema-version")
    return int(m.group(1))


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchall()[0][0]
    if not has_meta:
        return None
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else None


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the database to the current schema version in one transaction; return it."""
    sql = schema_sql()
    target = schema_version(sql)
    current = stored_version(con)
    if current == target:
        return target
    if current is not None and current > target:
        raise SchemaError(
            f"the database has schema version {current}, newer than this evlens ({target}); upgrade evlens"
        )
    con.execute("BEGIN TRANSACTION")
    try:
        if current is None:
            con.execute(sql)
        else:
            for version in range(current + 1, target + 1):
                for statement in UPGRADES.get(version, []):
                    con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return target
