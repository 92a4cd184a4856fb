"""Large price files are read in batches: the same rows, flags, ids and errors as a whole
read, in a fraction of the memory."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import evlens
from evlens.sources import prices as price_source
from evlens.sources.reading import open_file, read_file

WHOLE = str(10**15)  # EVLENS_STREAM_BYTES: every file read whole
STREAMED = "1"  # every file read in batches, where its format allows


def _frame(tickers=12, days=1500, seed=3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    dates = pd.bdate_range("2000-01-03", periods=days).strftime("%Y-%m-%d")
    parts = []
    for i in range(tickers):
        close = np.round(20 * np.exp(np.cumsum(rng.normal(0, 0.01, days))), 4)
        high = np.round(close * (1 + rng.uniform(0, 0.02, days)), 4)
        low = np.round(close * (1 - rng.uniform(0, 0.02, days)), 4)
        parts.append(
            pd.DataFrame(
                {
                    "ticker": f"SYN{i:03d}",
                    "date": dates,
                    "open": np.round(low + (high - low) * rng.uniform(0, 1, days), 4),
                    "high": high,
                    "low": low,
                    "close": close,
                    "volume": rng.integers(0, 5_000_000, days).astype(float),
                }
            )
        )
    df = pd.concat(parts, ignore_index=True)
    # zero-volume flat rows and opens outside the range: flagged suspect
    flat = rng.choice(len(df), 40, replace=False)
    for col in ("open", "high", "low"):
        df.loc[flat, col] = df.loc[flat, "close"]
    df.loc[flat, "volume"] = 0.0
    wild = rng.choice(np.setdiff1d(np.arange(len(df)), flat), 25, replace=False)
    df.loc[wild, "open"] = df.loc[wild, "high"] * 1.05
    # cells left empty, and rows given twice with the same values
    df.loc[rng.choice(len(df), 30, replace=False), "volume"] = np.nan
    df.loc[rng.choice(len(df), 30, replace=False), "open"] = np.nan
    return pd.concat([df, df.iloc[rng.choice(len(df), 20, replace=False)]], ignore_index=True)


def _write(df: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".parquet":
        df.to_parquet(path, index=False)
    else:
        df.to_csv(path, index=False)
    return path


def _load(db: Path, files, monkeypatch, stream: str, **kw):
    monkeypatch.setenv("EVLENS_STREAM_BYTES", stream)
    with evlens.open(db) as store:
        results = store.load(files, "prices", **kw)
        tables = {
            "prices": store.con.execute("SELECT * FROM prices ORDER BY ticker, date").df(),
            "securities": store.con.execute("SELECT * FROM securities ORDER BY ticker").df(),
            "imports": store.con.execute("SELECT id, kind, format, path, rows FROM imports ORDER BY id").df(),
        }
    return results, tables


def _same(a, b):
    (ra, ta), (rb, tb) = a, b
    assert [r.to_dict() for r in ra] == [r.to_dict() for r in rb]
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name])


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("shuffled", [False, True], ids=["in order", "shuffled"])
def test_both_paths_store_the_same(tmp_path, monkeypatch, suffix, shuffled):
    monkeypatch.setattr(price_source, "BATCH_ROWS", 1000)  # many batches
    df = _frame()
    if shuffled:
        df = df.sample(frac=1, random_state=5)
    path = _write(df, tmp_path / f"prices{suffix}")
    monkeypatch.setenv("EVLENS_STREAM_BYTES", STREAMED)
    assert open_file(path).streamed
    whole = _load(tmp_path / "whole.duckdb", [path], monkeypatch, WHOLE)
    streamed = _load(tmp_path / "streamed.duckdb", [path], monkeypatch, STREAMED)
    _same(whole, streamed)
    [r] = streamed[0]
    assert r.rows == len(df) - 20 and r.added == r.rows and len(r.tickers) == 12
    assert len(r.suspect_rows) == streamed[1]["prices"]["suspect"].sum() > 50
    assert streamed[1]["prices"]["volume"].isna().sum() > 0  # empty cells stay NULL


def test_single_ticker_file_and_csv_quirks(tmp_path, monkeypatch):
    """No ticker column (the name gives it), CRLF line ends, a byte-order mark, blank
    lines, leading spaces and quoted cells read the same both ways."""
    monkeypatch.setattr(price_source, "BATCH_ROWS", 300)
    df = _frame(tickers=1, days=3000).drop(columns="ticker").iloc[:3000]
    lines = df.to_csv(index=False, lineterminator="\r\n").split("\r\n")
    lines[500] = lines[500].replace(",", ", ", 1)
    lines[900] = '"' + lines[900].replace(",", '","') + '"'
    lines.insert(1200, "")
    lines.insert(1700, ",,,,,")
    path = tmp_path / "prices_TSLA.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode())
    monkeypatch.setenv("EVLENS_STREAM_BYTES", STREAMED)
    assert open_file(path).streamed
    whole = _load(tmp_path / "whole.duckdb", [path], monkeypatch, WHOLE)
    streamed = _load(tmp_path / "streamed.duckdb", [path], monkeypatch, STREAMED)
    _same(whole, streamed)
    assert streamed[0][0].tickers == ("TSLA",) and streamed[0][0].last_close is not None


def test_import_id_is_the_hash_of_the_bytes(tmp_path, monkeypatch):
    path = _write(_frame(tickers=3), tmp_path / "prices.csv")
    monkeypatch.setenv("EVLENS_STREAM_BYTES", STREAMED)
    streamed = open_file(path)
    assert streamed.streamed and streamed.data is None
    assert streamed.id == read_file(path).id


def test_twice_conflict_and_replace(tmp_path, monkeypatch):
    monkeypatch.setattr(price_source, "BATCH_ROWS", 1000)
    df = _frame(tickers=4, days=800)
    first = _write(df, tmp_path / "first.csv")
    changed = df.copy()
    changed.loc[100, ["close", "high"]] = changed.loc[100, "high"] * 1.01
    second = _write(changed, tmp_path / "second.csv")
    errors, tables = {}, {}
    for mode, stream in (("whole", WHOLE), ("streamed", STREAMED)):
        monkeypatch.setenv("EVLENS_STREAM_BYTES", stream)
        with evlens.open(tmp_path / f"{mode}.duckdb") as store:
            store.load([first], "prices")
            counts = store.counts()
            again = store.load([first], "prices")
            assert again[0].already_imported and store.counts() == counts
            with pytest.raises(evlens.ConflictError) as exc:
                store.load([second], "prices")
            errors[mode] = str(exc.value)
            assert store.counts() == counts
            [r] = store.load([second], "prices", replace=True)
            assert r.added == r.rows
            tables[mode] = store.con.execute("SELECT * FROM prices ORDER BY ticker, date").df()
    assert errors["whole"] == errors["streamed"]
    assert "line 102, field 'close'" in errors["streamed"] and "--replace" in errors["streamed"]
    pd.testing.assert_frame_equal(tables["whole"], tables["streamed"])


def _errors_both_ways(tmp_path, monkeypatch, path) -> dict[str, evlens.InputError]:
    found = {}
    for mode, stream in (("whole", WHOLE), ("streamed", STREAMED)):
        monkeypatch.setenv("EVLENS_STREAM_BYTES", stream)
        with evlens.open(tmp_path / f"{mode}.duckdb") as store:
            before = store.counts()
            with pytest.raises(evlens.InputError) as exc:
                store.load([path], "prices")
            assert store.counts() == before  # nothing stored
        found[mode] = exc.value
    assert str(found["whole"]) == str(found["streamed"])
    return found


def _long_file(rows: int) -> pd.DataFrame:
    dates = pd.bdate_range("1995-01-02", "2024-12-31").strftime("%Y-%m-%d")
    n = -(-rows // len(dates))
    df = pd.DataFrame(
        {
            "ticker": np.repeat([f"T{i:03d}" for i in range(n)], len(dates))[:rows],
            "date": np.tile(dates, n)[:rows],
            "high": 11.0,
            "low": 9.0,
            "close": 10.0,
        }
    )
    return df


def test_bad_row_far_into_a_streamed_file(tmp_path, monkeypatch):
    df = _long_file(250_000)
    df.loc[200_000 - 2, "low"] = 12.5  # line 200,000: low above high
    path = _write(df, tmp_path / "far.csv")
    monkeypatch.setenv("EVLENS_STREAM_BYTES", STREAMED)
    assert open_file(path).streamed
    found = _errors_both_ways(tmp_path, monkeypatch, path)
    exc = found["streamed"]
    assert (exc.line, exc.field) == (200_000, "low")
    assert "low 12.5 is above high 11" in str(exc) and str(path) in str(exc)


def test_the_first_error_of_the_earliest_rule_wins(tmp_path, monkeypatch):
    """Read whole, a file is refused for its first unreadable date even when a close
    is out of range earlier: batches agree."""
    monkeypatch.setattr(price_source, "BATCH_ROWS", 2000)
    df = _long_file(30_000).astype({"close": object})
    df.loc[10, "close"] = "1e999"
    df.loc[25_000, "date"] = "2010-02-30"
    found = _errors_both_ways(tmp_path, monkeypatch, _write(df, tmp_path / "two.csv"))
    assert (found["streamed"].line, found["streamed"].field) == (25_002, "date")


def test_ragged_row_in_a_large_file_is_refused_as_before(tmp_path, monkeypatch):
    monkeypatch.setattr(price_source, "BATCH_ROWS", 2000)
    path = _write(_long_file(20_000), tmp_path / "ragged.csv")
    lines = path.read_text().split("\n")
    lines[15_000] = lines[15_000].rsplit(",", 1)[0]
    path.write_text("\n".join(lines))
    found = _errors_both_ways(tmp_path, monkeypatch, path)
    assert found["streamed"].line == 15_001 and "ragged" in str(found["streamed"])


def test_corrupt_large_parquet_names_the_file(tmp_path, monkeypatch):
    path = _write(_long_file(50_000), tmp_path / "big.parquet")
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4000] = bytes(4000)
    path.write_bytes(bytes(data))
    monkeypatch.setenv("EVLENS_STREAM_BYTES", STREAMED)
    with evlens.open(tmp_path / "p.duckdb") as store:
        with pytest.raises(evlens.InputError, match="not a readable Parquet file") as exc:
            store.load([path], "prices")
        assert str(path) in str(exc.value) and store.counts()["prices"] == 0


def test_fifo_is_refused_by_type(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    monkeypatch.setenv("EVLENS_STREAM_BYTES", STREAMED)
    with pytest.raises(evlens.InputError, match="named pipe"):
        open_file(fifo)


def test_progress_and_chunks(tmp_path, monkeypatch):
    monkeypatch.setenv("EVLENS_IMPORT_CHUNK_ROWS", "700")
    path = _write(_frame(tickers=3, days=1000).iloc[:3000], tmp_path / "prices.csv")
    seen = {}
    for mode, stream in (("whole", WHOLE), ("streamed", STREAMED)):
        calls = []
        monkeypatch.setenv("EVLENS_STREAM_BYTES", stream)
        with evlens.open(tmp_path / f"{mode}.duckdb") as store:
            store.load(
                [path], "prices", progress=lambda done, total, calls=calls: calls.append((done, total))
            )
        seen[mode] = calls
    assert seen["whole"] == seen["streamed"]
    assert seen["streamed"] == [(700, 3000), (1400, 3000), (2100, 3000), (2800, 3000), (3000, 3000)]


MEMORY_CHILD = r"""
import sys
import numpy as np, pandas as pd

path, db = sys.argv[1], sys.argv[2]
dates = pd.bdate_range("1990-01-02", "2024-12-31").strftime("%Y-%m-%d").to_numpy()
rng = np.random.default_rng(1)
with open(path, "w") as fh:
    fh.write("ticker,date,open,high,low,close,volume\n")
    for i in range(90):
        close = np.round(20 * np.exp(np.cumsum(rng.normal(0, 0.01, len(dates)))), 4)
        pd.DataFrame({"ticker": f"SYN{i:03d}", "date": dates, "open": close, "high": np.round(close * 1.01, 4),
                      "low": np.round(close * 0.99, 4), "close": close,
                      "volume": rng.integers(1000, 9_000_000, len(dates))}).to_csv(fh, header=False, index=False)

def status(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024

import evlens
store = evlens.open(db)
before = status("VmRSS")
[r] = store.load_prices([path])
print(status("VmHWM") - before, r.added)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc/self/status (Linux)")
def test_peak_memory_of_a_large_import(tmp_path):
    path, db = tmp_path / "big.csv", tmp_path / "big.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "EVLENS_STREAM_BYTES"}
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(path), str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    growth, added = map(int, out.stdout.split())
    size = path.stat().st_size
    assert 40e6 < size < 55e6
    assert added == 90 * 9131
    assert growth < 3 * size, f"peak RSS grew by {growth / size:.2f}x the file's size"
