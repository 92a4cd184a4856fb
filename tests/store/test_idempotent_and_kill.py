"""Importing twice adds nothing; a killed import leaves the database as it was."""

import os
import signal
import subprocess
import sys
import time

import evlens

SHARED_FILES_NOT_IMPORTABLE = {"estudy2_rates_2019_2020.csv"}  # a return panel for the event study


def test_every_shared_file_twice(tmp_path, shared_data):
    files = sorted(p for p in shared_data.glob("*.csv") if p.name not in SHARED_FILES_NOT_IMPORTABLE)
    assert len(files) >= 16
    with evlens.open(tmp_path / "twice.duckdb") as store:
        first = store.load(files)
        counts = store.counts()
        assert counts["prices"] > 19_000 and counts["facts"] > 900 and counts["share_counts"] == 6
        second = store.load(files)
        assert all(r.already_imported and r.added == 0 for r in second)
        assert store.counts() == counts
        assert {r.kind for r in first} == {"prices", "kpis", "shares"}


def test_return_panel_is_refused_clearly(store, shared_data):
    import pytest

    with pytest.raises(evlens.InputError, match="table of returns"):
        store.load([shared_data / "estudy2_rates_2019_2020.csv"])


def test_demo_twice(tmp_path):
    with evlens.open(tmp_path / "demo.duckdb") as store:
        store.load_demo()
        counts = store.counts()
        again = store.load_demo()
        assert all(r.already_imported for r in again)
        assert store.counts() == counts


def _big_price_file(path, tickers=40, days=2500):
    import numpy as np
    import pandas as pd

    dates = pd.bdate_range("2010-01-01", periods=days).strftime("%Y-%m-%d")
    rng = np.random.default_rng(0)
    frames = [
        pd.DataFrame({"ticker": f"SYN{i:03d}", "date": dates, "close": rng.uniform(10, 20, days)})
        for i in range(tickers)
    ]
    pd.concat(frames).to_csv(path, index=False)


def test_killed_import_leaves_earlier_content_intact(tmp_path):
    db = tmp_path / "kill.duckdb"
    small = tmp_path / "tsla.csv"
    small.write_text("date,close\n2024-01-02,248.42\n2024-01-03,238.45\n")
    with evlens.open(db) as store:
        store.load_prices([small], ticker="TSLA")
        before = store.counts()
    big = tmp_path / "big.csv"
    _big_price_file(big)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from evlens.cli import main; main()",
            "--db",
            str(db),
            "load",
            "prices",
            str(big),
            "--progress",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "EVLENS_IMPORT_CHUNK_ROWS": "500"},  # 200 writes: the kill lands mid-file
    )
    try:
        deadline = time.monotonic() + 120
        line = ""
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if line.startswith("stored") or not line:
                break
        assert line.startswith("stored"), f"the import never reported progress: {line!r}"
        done, total = map(int, line.split()[1].split("/"))
        assert done < total  # stopped mid-file, with rows of this file already written
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with evlens.open(db) as store:
        assert store.counts() == before
        assert list(store.prices("TSLA")["close"]) == [248.42, 238.45]
        # and the database still takes writes
        [r] = store.load_prices([big])
        assert r.added == 40 * 2500
