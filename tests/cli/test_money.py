"""`evlens marketcap` says the market value as a reader writes it, then the sum in full."""

from __future__ import annotations

import subprocess
import sys

CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]


def test_marketcap_leads_with_formatted_money(tmp_path):
    import evlens

    db = tmp_path / "x.duckdb"
    with evlens.open(db) as store:
        store.load_demo()
    r = subprocess.run(
        [*CLI, "--db", str(db), "marketcap", "1810.HK", "--threshold", "1e12"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    first, rest = r.stdout.splitlines()[0], r.stdout
    # 40.55 HKD x 25,104,000,000 shares = HK$1,017,967,180,847, written to two decimals in trillions
    assert first == "HK$1.02 trn on 2025-02-06"
    assert "1,017,967,180,847" in rest.replace("\n", "")
