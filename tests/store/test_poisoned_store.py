"""A database that already holds values no analysis can use (written before the store
checked them, or by hand): every analysis goes on without them and says which it skipped,
and ``forget`` removes them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

import evlens
from evlens.periods import parse_period

CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]
POISON = [
    ("deadbeef00000001", "deliveries", "2025-03", float("inf")),
    ("deadbeef00000002", "deliveries", "2025-05", -5000.0),
    ("deadbeef00000003", "deliveries", "2025-06", 1e300),
    ("deadbeef00000004", "delivery_target", "2025", float("inf")),
]


@pytest.fixture(scope="module")
def poisoned(demo_db_path, tmp_path_factory):
    db = tmp_path_factory.mktemp("poison") / "poisoned.duckdb"
    shutil.copy(demo_db_path, db)
    con = duckdb.connect(str(db))
    template = con.execute(
        "SELECT * FROM facts WHERE entity = 'xiaomi-su7' AND metric = 'deliveries' LIMIT 1"
    ).df()
    for fid, metric, period, value in POISON:
        row = template.iloc[0].to_dict()
        p = parse_period(period)
        row.update(
            id=fid,
            metric=metric,
            period=period,
            period_start=p.start,
            period_end=p.end,
            value=value,
            entity="xiaomi" if metric == "delivery_target" else "xiaomi-su7",
        )
        con.register("poison", pd.DataFrame([row]))
        con.execute("INSERT INTO facts SELECT * FROM poison")
        con.unregister("poison")
    con.close()
    return db


def test_analyses_skip_what_they_cannot_use_and_say_so(poisoned):
    from evlens.views import build_report

    with evlens.open(poisoned, read_only=True) as store:
        facts = store.facts()
        assert not set(facts["id"]) & {p[0] for p in POISON}
        assert {s["id"] for s in store.skipped_facts} == {p[0] for p in POISON}
        data = build_report(store, "xiaomi").to_dict()
    skipped = [n for n in data["notes"] if "skipped" in n]
    assert len(skipped) == 4 and any("cannot be negative" in n for n in skipped)
    assert any("not a finite number" in n for n in skipped)
    assert data["deliveries"] is not None and data["headline"]["deliveries"]["to_date"] > 0


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api/headline",
        "/operations",
        "/sources",
        "/events",
        "/market",
        "/api/report",
        "/api/facts?metric=deliveries",
    ],
)
def test_no_page_answers_500(poisoned, path):
    from fastapi.testclient import TestClient

    from evlens.web import create_app

    app = create_app(poisoned, read_only=True)
    assert TestClient(app, base_url="http://127.0.0.1").get(path).status_code == 200


def test_cli_goes_on_and_forget_removes(poisoned, tmp_path):
    db = tmp_path / "p.duckdb"
    shutil.copy(poisoned, db)
    r = subprocess.run(
        [*CLI, "--db", str(db), "deliveries", "xiaomi", "--year", "2025", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [*CLI, "--db", str(db), "forget", "deadbeef00000001", "--dry-run", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and json.loads(r.stdout)["removes"] == {"facts": 1}
    with evlens.open(db, read_only=True) as s:
        s.facts()
        assert len(s.skipped_facts) == 4  # the dry run removed nothing
    r = subprocess.run(
        [*CLI, "--db", str(db), "forget", "deadbeef00000001", "--yes", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and json.loads(r.stdout)["dry_run"] is False
    with evlens.open(db, read_only=True) as s:
        s.facts()
        assert {x["id"] for x in s.skipped_facts} == {p[0] for p in POISON[1:]}


def test_forget_an_import_takes_its_rows(tmp_path):
    db = tmp_path / "f.duckdb"
    prices = tmp_path / "ZZZZ.csv"
    prices.write_text("date,close\n2025-03-03,10.5\n2025-03-04,10.7\n")
    with evlens.open(db) as s:
        before = s.counts()
        imp = s.load_prices([prices], ticker="ZZZZ")[0].import_id
        plan = s.forget(imp[:8], dry_run=True)
        assert plan["kind"] == "import" and plan["removes"]["prices"] == 2 and plan["removes"]["imports"] == 1
        assert s.counts()["prices"] == before["prices"] + 2
        s.forget(imp)
        after = s.counts()
    assert after["prices"] == before["prices"] and after["imports"] == before["imports"]
    with evlens.open(db) as s:
        with pytest.raises(evlens.NotFoundError):
            s.forget(imp)
        with pytest.raises(evlens.InputError):
            s.forget("x'; DROP TABLE facts; --")
        assert s.counts()["facts"] == after["facts"]
