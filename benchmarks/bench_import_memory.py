"""Memory and CPU of importing one large price file: evlens against a pandas peer and
the simplest DuckDB code.

A plain price CSV (``ticker,date,open,high,low,close,adj_close,volume``; 200 or more
tickers over business days from 1990 on) of about ``--mb`` megabytes is written to a
temporary directory. Then, in interleaved rounds, each step runs in a fresh process so
that its peak RSS is its own:

``evlens``  ``evlens.open(db).load_prices([file])`` (what ``evlens --db DB load prices FILE`` runs)
``peer``    ``pandas.read_csv`` with the same columns, then an insert into a DuckDB table
            of the same columns with the same primary key (ticker, date)
``floor``   ``CREATE TABLE prices AS SELECT * FROM read_csv(FILE)``

For each step it prints the median CPU time (user + system of the child, from
``os.wait4``), the median peak RSS of the child, that peak over the file size, the median
growth of RSS during the import (the child's peak minus its RSS just before the import,
after Python, pandas and DuckDB are loaded and the database is open) over the file size,
and the paired ratios peer/evlens and evlens/floor of CPU time and peak RSS (medians over
rounds of the ratio within a round). It prints measurements only and asserts nothing.

    .venv/bin/python benchmarks/bench_import_memory.py [--mb 20] [--rounds 3]
    .venv/bin/python benchmarks/bench_import_memory.py --mb 120   # a larger file (minutes)
    # another evlens tree (an older version, say) for the evlens step:
    .venv/bin/python benchmarks/bench_import_memory.py --evlens-src /path/to/evlens/src

Needs Linux (``/proc/self/status``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

STEPS = ("evlens", "peer", "floor")
ROW_BYTES = 62  # about what one generated row takes

CHILD = r"""
import json, sys

def status(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0

step, path, db, out = sys.argv[1:5]
if step == "evlens":
    import evlens
    store = evlens.open(db)
    before = status("VmRSS")
    [result] = store.load_prices([path])
    rows = result.added
    store.close()
elif step == "peer":
    import duckdb, pandas as pd
    con = duckdb.connect(db)
    con.execute("SET enable_progress_bar = false")
    con.execute(
        "CREATE TABLE prices (ticker VARCHAR NOT NULL, date DATE NOT NULL, open DOUBLE, high DOUBLE, "
        "low DOUBLE, close DOUBLE NOT NULL, adj_close DOUBLE, volume DOUBLE, PRIMARY KEY (ticker, date))")
    before = status("VmRSS")
    df = pd.read_csv(path, parse_dates=["date"])
    con.execute("INSERT INTO prices SELECT ticker, date, open, high, low, close, adj_close, volume FROM df")
    rows = con.execute("SELECT count(*) FROM prices").fetchall()[0][0]
    con.close()
else:
    import duckdb
    con = duckdb.connect(db)
    con.execute("SET enable_progress_bar = false")
    before = status("VmRSS")
    con.execute("CREATE TABLE prices AS SELECT * FROM read_csv(?)", [path])
    rows = con.execute("SELECT count(*) FROM prices").fetchall()[0][0]
    con.close()
with open(out, "w") as fh:
    json.dump({"before": before, "peak": status("VmHWM"), "rows": rows}, fh)
"""


def write_prices(path: Path, mb: float) -> int:
    """A plain multi-ticker price CSV of about ``mb`` megabytes; returns its row count."""
    rows_wanted = int(mb * 1e6 / ROW_BYTES)
    dates = pd.bdate_range("1990-01-02", "2024-12-31")
    tickers = max(200, -(-rows_wanted // len(dates)))
    days = min(len(dates), -(-rows_wanted // tickers))
    day_text = dates[:days].strftime("%Y-%m-%d").to_numpy()
    rng = np.random.default_rng(11)
    rows = 0
    with open(path, "w", newline="") as fh:
        fh.write("ticker,date,open,high,low,close,adj_close,volume\n")
        for i in range(tickers):
            close = np.round(20 * np.exp(np.cumsum(rng.normal(0, 0.01, days))), 4)
            high = np.round(close * (1 + rng.uniform(0, 0.02, days)), 4)
            low = np.round(close * (1 - rng.uniform(0, 0.02, days)), 4)
            opn = np.round(low + (high - low) * rng.uniform(0, 1, days), 4)
            frame = pd.DataFrame(
                {
                    "ticker": f"SYN{i:04d}",
                    "date": day_text,
                    "open": opn,
                    "high": high,
                    "low": low,
                    "close": close,
                    "adj_close": np.round(close * 0.97, 4),
                    "volume": rng.integers(1_000, 5_000_000, days),
                }
            )
            frame.to_csv(fh, header=False, index=False)
            rows += days
    return rows


def run_child(step: str, path: Path, work: Path, env: dict) -> dict:
    db = work / f"{step}.duckdb"
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    out = work / f"{step}.json"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, step, str(path), str(db), str(out)], env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{step}: the child failed with status {proc.returncode}")
    found = json.loads(out.read_text())
    found["cpu"] = usage.ru_utime + usage.ru_stime
    found["maxrss"] = usage.ru_maxrss * 1024  # kilobytes on Linux
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20, help="size of the generated file in MB (default 20)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    ap.add_argument(
        "--evlens-src", type=Path, help="import evlens from this src directory for the evlens step"
    )
    args = ap.parse_args()
    if not Path("/proc/self/status").exists():
        raise SystemExit("needs /proc/self/status (Linux)")

    env = dict(os.environ)
    if args.evlens_src is not None:
        env["PYTHONPATH"] = str(args.evlens_src.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="evlens-bench-") as tmp:
        work = Path(tmp)
        path = work / "prices.csv"
        t0 = time.perf_counter()
        rows = write_prices(path, args.mb)
        size = path.stat().st_size
        print(
            f"file: {size / 1e6:.1f} MB, {rows:,} rows (written in {time.perf_counter() - t0:.1f} s); "
            f"{args.rounds} interleaved rounds, each step in a fresh process, medians below; evlens from {args.evlens_src or 'this tree'}"
        )
        found: dict[str, list[dict]] = {s: [] for s in STEPS}
        for _ in range(args.rounds):
            for step in STEPS:
                r = run_child(step, path, work, env)
                if r["rows"] != rows:
                    raise SystemExit(f"{step}: stored {r['rows']:,} rows, expected {rows:,}")
                found[step].append(r)

        def med(step: str, key: str) -> float:
            return statistics.median(r[key] for r in found[step])

        def med_growth(step: str) -> float:
            return statistics.median(r["peak"] - r["before"] for r in found[step])

        print(
            f"{'step':<8} {'CPU s':>7} {'peak RSS MB':>12} {'peak/file':>10} {'growth MB':>10} {'growth/file':>12}"
        )
        for step in STEPS:
            print(
                f"{step:<8} {med(step, 'cpu'):>7.2f} {med(step, 'maxrss') / 1e6:>12.0f} "
                f"{med(step, 'maxrss') / size:>10.2f} {med_growth(step) / 1e6:>10.0f} {med_growth(step) / size:>12.2f}"
            )

        def paired(a: str, b: str, key: str) -> float:
            return statistics.median(x[key] / y[key] for x, y in zip(found[a], found[b]))

        print(
            f"paired ratio peer / evlens: cpu {paired('peer', 'evlens', 'cpu'):.2f}x, "
            f"peak RSS {paired('peer', 'evlens', 'maxrss'):.2f}x (median over rounds; below 1: the peer is "
            "faster or smaller)"
        )
        print(
            f"paired ratio evlens / floor: cpu {paired('evlens', 'floor', 'cpu'):.2f}x, "
            f"peak RSS {paired('evlens', 'floor', 'maxrss'):.2f}x (median over rounds)"
        )


if __name__ == "__main__":
    main()
