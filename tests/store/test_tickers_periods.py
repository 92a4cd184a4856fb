from datetime import date

import pytest

from evlens.errors import InputError
from evlens.periods import parse_period
from evlens.tickers import normalize_ticker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("01810", "1810.HK"),
        ("1810", "1810.HK"),
        ("1810.HK", "1810.HK"),
        ("HK:1810", "1810.HK"),
        ("1810.hk", "1810.HK"),
        ("1810 HK", "1810.HK"),
        ("HKG:01810", "1810.HK"),
        ("700", "0700.HK"),
        ("00700", "0700.HK"),
        ("^HSI", "HSI"),
        ("tsla", "TSLA"),
        ("NASDAQ:TSLA", "TSLA"),
    ],
)
def test_ticker_spellings(text, expected):
    assert normalize_ticker(text) == expected


@pytest.mark.parametrize("text", ["", "18 10 HK", "0", "HK:", "$$$"])
def test_not_tickers(text):
    with pytest.raises(InputError):
        normalize_ticker(text)


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-H2", "half", date(2024, 7, 1), date(2024, 12, 31)),
        ("2024-Q1", "quarter", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("2025-2", "month", date(2025, 2, 1), date(2025, 2, 28)),
        ("2025-02-06", "day", date(2025, 2, 6), date(2025, 2, 6)),
        ("2025-01..2025-11", "range", date(2025, 1, 1), date(2025, 11, 30)),
    ],
)
def test_periods(text, kind, start, end):
    p = parse_period(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)


def test_period_months_cross_a_year():
    assert parse_period("2024-10..2025-01").months == ["2024-10", "2024-11", "2024-12", "2025-01"]


@pytest.mark.parametrize("text", ["2024-13", "2024-Q5", "24", "2025-03..2025-01", "soon"])
def test_bad_periods(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_migration_brings_a_version_1_database_up_to_date(tmp_path):
    """A database written by schema version 1 (no ``entities.variant_of``) is upgraded in
    place on open, keeping its rows, and the gazetteer fills the new column."""
    import duckdb

    import evlens
    from evlens.store.migrate import schema_sql

    v1 = (
        schema_sql()
        .replace("-- schema-version: 2", "-- schema-version: 1")
        .replace(
            "    origin          VARCHAR NOT NULL,         -- gazetteer | import\n"
            "    variant_of      VARCHAR                   -- a trim counted with another model (SU7 Ultra)\n",
            "    origin          VARCHAR NOT NULL\n",
        )
    )
    assert "variant_of" not in v1
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute(v1)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO entities VALUES ('acme', 'company', 'Acme', NULL, NULL, NULL, [], NULL, 'import')"
    )
    con.close()
    # a read-only open (what the query commands do) upgrades it too, then reads
    with evlens.open(path, read_only=True) as store:
        assert store.read_only
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("2",)]
        assert store.entity("acme")["name_en"] == "Acme"
        assert store.entity("xiaomi-su7-ultra")["variant_of"] == "xiaomi-su7"


def test_newer_database_is_refused(tmp_path):
    import duckdb
    import pytest

    import evlens
    from evlens.errors import SchemaError

    path = tmp_path / "future.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    con.close()
    with pytest.raises(SchemaError, match="newer"):
        evlens.open(path)
