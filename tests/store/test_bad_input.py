"""Bad input: a clear error naming file, line and field; nothing stored; CLI exit 2."""

import subprocess
import sys

import pytest

from evlens.errors import InputError

GOOD = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n"

CASES = {
    # name: (file bytes, kind, expected line, expected field, words in the message)
    "missing column": (b"date,open,high\n2024-01-02,1,2\n", "prices", 1, "close", "missing column"),
    "bad date": (b"date,close\n2024-01-02,10\n2024-13-45,11\n", "prices", 3, "date", "as a date"),
    "text date": (b"date,close\n2024-01-02,10\nyesterday,11\n", "prices", 3, "date", "as a date"),
    "bad number": (b"date,close\n2024-01-02,10\n2024-01-03,1o.5\n", "prices", 3, "close", "as a number"),
    "missing close": (b"date,close\n2024-01-02,10\n2024-01-03,\n", "prices", 3, "close", "missing value"),
    "duplicate date": (
        b"date,close\n2024-01-02,10\n2024-01-03,11\n2024-01-02,12\n", "prices", 4, "date", "lines 2 and 4"
    ),
    "empty file": (b"", "prices", None, None, "empty"),
    "header only": (b"date,close\n", "prices", None, None, "no rows"),
    "binary file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "prices", 3, None, "binary"),
    "wrong encoding": ("date,close\n2024-01-02,10\n2024-01-03,11 # café\n".encode("latin-1"), "prices", 3, None, "UTF-8"),
    "ragged row": (b"date,close\n2024-01-02,10\n2024-01-03,11,12,13\n", "prices", 3, None, "malformed"),
    "kpi bad qualifier": (
        b"maker,scope,period_type,period,value,qualifier,metric,source_url,note\n"
        b"Xiaomi,SU7,month,2024-04,7058,=,deliveries,,\nXiaomi,SU7,month,2024-05,8646,!,deliveries,,\n",
        "kpis", 3, "qualifier", "qualifier",
    ),
    "kpi bad period": (
        b"maker,scope,period_type,period,value,qualifier,metric,source_url,note\n"
        b"Xiaomi,SU7,month,2024-14,7058,=,deliveries,,\n",
        "kpis", 2, "period", "month out of range",
    ),
    "kpi unknown metric": (
        b"maker,scope,period_type,period,value,qualifier,metric,source_url,note\n"
        b"Xiaomi,SU7,month,2024-04,7058,=,vibes,,\n",
        "kpis", 2, "metric", "unknown metric",
    ),
    "shares bad number": (
        b"as_of_date,total_issued_shares,basis\n2024-11-30,lots,filing\n", "shares", 2, "total_issued_shares", "as a number"
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_file_names_file_line_field_and_stores_nothing(store, tmp_path, name):
    data, kind, line, field, words = CASES[name]
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    store.load_prices([good], ticker="TSLA")
    before = store.counts()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(data)
    with pytest.raises(InputError) as exc:
        store.load([bad], kind, ticker="1810.HK" if kind != "kpis" else None)
    err = exc.value
    assert err.path == str(bad)
    assert err.line == line
    assert err.field == field
    assert words in str(err)
    assert store.counts() == before


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
        [sys.executable, "-c", "from evlens.cli import main; main()", "--db", str(tmp_path / "x.duckdb"),
         "load", "prices", str(bad), "--ticker", "TSLA"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}, line 3, field 'close'" in proc.stderr.replace("\n", "")
