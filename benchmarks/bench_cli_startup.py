"""How fast the CLI answers before any work: `evlens --help` and `evlens summary --help`.

No other package does this work, so there is no peer. The floor is a Python process that
only imports what the CLI is built on (`import typer, rich`). Each round runs, in turn,
the floor and the commands as child processes; the benchmark prints the median wall
and CPU time of each (CPU from the children's resource usage) and the paired ratio to
the floor (the median over rounds of the ratio within a round).

    .venv/bin/python benchmarks/bench_cli_startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import typer, rich"]
CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]
RUNS = {
    "floor: import typer, rich": FLOOR,
    "evlens --help": [*CLI, "--help"],
    "evlens summary --help": [*CLI, "summary", "--help"],
}


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    env_path = str(ROOT / "src")
    os.environ["PYTHONPATH"] = env_path + os.pathsep + os.environ.get("PYTHONPATH", "")
    for cmd in RUNS.values():  # warm the file cache once
        _run(cmd)
    wall: dict[str, list[float]] = {k: [] for k in RUNS}
    cpu: dict[str, list[float]] = {k: [] for k in RUNS}
    for _ in range(args.rounds):
        for name, cmd in RUNS.items():
            w, c = _run(cmd)
            wall[name].append(w)
            cpu[name].append(c)
    floor = "floor: import typer, rich"
    print(f"CLI start-up, {args.rounds} interleaved rounds; no peer does this work, the floor is {floor[7:]}")
    print(f"{'':28}{'median wall':>12}{'median CPU':>12}{'CPU / floor':>13}")
    for name in RUNS:
        ratio = statistics.median(c / f for c, f in zip(cpu[name], cpu[floor], strict=True))
        print(
            f"{name:28}{statistics.median(wall[name]):>10.3f} s{statistics.median(cpu[name]):>10.3f} s"
            f"{ratio:>12.2f}x"
        )
    print("target: evlens --help under 0.4 s")


if __name__ == "__main__":
    main()
