"""`evlens --help` and a usage error start without the heavy libraries: the command modules
load pandas, NumPy, SciPy, DuckDB and Plotly only inside the commands that use them."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "numpy", "scipy", "duckdb", "plotly", "statsforecast")

PROBE = """
import sys
from evlens.cli import main
sys.argv = ["evlens", *{args!r}]
try:
    main()
except SystemExit:
    pass
print("loaded:" + ",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _heavy_loaded(*args: str) -> str:
    r = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args), heavy=HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    [line] = [x for x in r.stdout.splitlines() if x.startswith("loaded:")]
    return line.removeprefix("loaded:")


def test_help_loads_no_heavy_library():
    assert _heavy_loaded("--help") == ""


def test_a_command_help_and_a_usage_error_load_none_either():
    assert _heavy_loaded("prices", "--help") == ""
    assert _heavy_loaded("returns", "1810.HK", "--year", "abc") == ""
