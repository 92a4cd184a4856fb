"""Bad input: a clear error naming file, line and field; nothing stored; CLI exit 2."""

import subprocess
import sys

import pytest

from evlens.errors import InputError

GOOD = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n"

# The table of malformed files (each naming file, line and field, and storing nothing) is
# tests/store/test_malformed_files.py.


def test_failed_call_stores_none_of_its_files(store, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,close\n2024-01-02,abc\n")
    with pytest.raises(InputError):
        store.load_prices([good, bad], ticker="TSLA")
    assert store.counts()["prices"] == 0 and store.counts()["imports"] == 0


def test_cli_prints_one_line_and_exits_2(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,close\n2024-01-02,10\n2024-01-03,1o.5\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from evlens.cli import main; main()",
            "--db",
            str(tmp_path / "x.duckdb"),
            "load",
            "prices",
            str(bad),
            "--ticker",
            "TSLA",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}, line 3, field 'close'" in proc.stderr.replace("\n", "")
