"""How fast the CLI answers: `evlens --help`, `evlens summary --help`, a usage error, and
`evlens summary` over the demo database.

No other package does this work, so there is no peer. The floor is a Python process that
only imports what the CLI is built on (`import typer, rich`); `evlens summary` also has to
open the database, so `import duckdb` is printed as its floor too. Each round runs, in
turn, the floors and the commands as child processes; the benchmark prints the minimum and
median wall time and the median CPU time of each (CPU from the children's resource usage),
and the paired ratios to the floor (the median over rounds of the ratio within a round).
The target is 0.4 s of wall time for `evlens --help` and `evlens summary` on a quiet
machine; the last lines say whether the minimum and the median meet it (on a busy machine
the walls stretch and the ratios to the floor are the figures to compare).

    .venv/bin/python benchmarks/bench_cli_startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.4
FLOOR = "floor: import typer, rich"
DUCKDB = "floor: import duckdb"
CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]


def _runs(db: Path) -> dict[str, list[str]]:
    return {
        FLOOR: [sys.executable, "-c", "import typer, rich"],
        DUCKDB: [sys.executable, "-c", "import duckdb"],
        "evlens --help": [*CLI, "--help"],
        "evlens summary --help": [*CLI, "summary", "--help"],
        "evlens returns --year abc": [*CLI, "returns", "1810.HK", "--year", "abc"],
        "evlens summary": [*CLI, "--db", str(db), "summary"],
    }


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _demo_db(folder: str) -> Path:
    import evlens

    db = Path(folder) / "demo.duckdb"
    with evlens.open(db) as store:
        store.load_demo()
    return db


def _measure(runs: dict[str, list[str]], rounds: int) -> tuple[dict, dict]:
    for cmd in runs.values():  # warm the file cache once
        _run(cmd)
    wall: dict[str, list[float]] = {k: [] for k in runs}
    cpu: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(rounds):
        for name, cmd in runs.items():
            w, c = _run(cmd)
            wall[name].append(w)
            cpu[name].append(c)
    return wall, cpu


def _report(wall: dict, cpu: dict, rounds: int) -> None:
    med = statistics.median
    print(f"CLI start-up, {rounds} interleaved rounds; no peer does this work, the floor is {FLOOR[7:]}")
    print(
        f"{'':27}{'min wall':>10}{'median wall':>13}{'median CPU':>12}{'wall / floor':>14}{'CPU / floor':>13}"
    )
    for name in wall:
        w_ratio = med(w / f for w, f in zip(wall[name], wall[FLOOR], strict=True))
        c_ratio = med(c / f for c, f in zip(cpu[name], cpu[FLOOR], strict=True))
        print(
            f"{name:27}{min(wall[name]):>8.3f} s{med(wall[name]):>11.3f} s{med(cpu[name]):>10.3f} s"
            f"{w_ratio:>13.2f}x{c_ratio:>12.2f}x"
        )
    for name in ("evlens --help", "evlens summary"):
        best, middle = min(wall[name]), med(wall[name])
        verdict = (
            "met" if middle < TARGET else "met at best, not at the median" if best < TARGET else "not met"
        )
        print(f"target: {name} under {TARGET} s wall: min {best:.3f} s, median {middle:.3f} s, {verdict}")
    if med(wall[FLOOR]) > 1.5 * min(wall[FLOOR]):
        print("the floor's median is over 1.5 times its minimum: the machine was busy; compare the ratios")
    over = med(wall["evlens summary"]) - med(wall[DUCKDB])
    print(f"evlens summary takes {over:.3f} s more than import duckdb alone ({med(wall[DUCKDB]):.3f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    os.environ["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory() as folder:
        runs = _runs(_demo_db(folder))
        wall, cpu = _measure(runs, args.rounds)
    _report(wall, cpu, args.rounds)


if __name__ == "__main__":
    main()
