"""`evlens --help` and a usage error start without the heavy libraries: the command modules
load pandas, NumPy, SciPy, DuckDB and Plotly only inside the commands that use them, the
group imports a command's module only when that command runs, and plain option values are
read without pydantic (which recent Typer would load for every parameter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from evlens.cli import COMMANDS

HEAVY = ("pandas", "numpy", "scipy", "duckdb", "plotly", "statsforecast", "pyarrow", "pydantic")
MODULES = ("backtest", "compare", "events", "extract", "facts", "market", "ops", "report", "store", "update")
COMMAND_MODULES = tuple(f"evlens.cli.{m}" for m in MODULES)
TYPER_HELP = ("typer.rich_utils", "rich.markdown")

PROBE = """
import sys
from evlens.cli import main
sys.argv = ["evlens", *{args!r}]
try:
    main()
except SystemExit:
    pass
print("loaded:" + ",".join(sorted(m for m in {names!r} if m in sys.modules)))
"""


def _loaded(*args: str, names: tuple[str, ...] = HEAVY) -> str:
    r = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args), names=names)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    [line] = [x for x in r.stdout.splitlines() if x.startswith("loaded:")]
    return line.removeprefix("loaded:")


def test_help_loads_no_heavy_library():
    assert _loaded("--help") == ""


def test_a_command_help_and_a_usage_error_load_none_either():
    assert _loaded("prices", "--help") == ""
    assert _loaded("summary", "--help") == ""
    assert _loaded("returns", "1810.HK", "--year", "abc") == ""
    assert _loaded("report", "xiaomi", "--paths", "x", "--png", "charts") == ""


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_help_loads_a_heavy_library(command):
    assert _loaded(command, "--help", names=(*HEAVY, "dask", "jinja2", "fastapi", "uvicorn")) == ""


def test_help_imports_no_command_module_and_a_command_only_its_own():
    assert _loaded("--help", names=COMMAND_MODULES) == ""
    assert _loaded("summary", "--help", names=COMMAND_MODULES) == "evlens.cli.store"
    assert _loaded("returns", "1810.HK", "--year", "abc", names=COMMAND_MODULES) == "evlens.cli.market"


def test_help_does_without_typers_help_printer():
    """Typer's printer loads Markdown support; the shell prints help with rich alone (unless
    this Typer imports its printer on its own)."""
    probe = f"import sys, typer; print([m for m in {TYPER_HELP!r} if m in sys.modules])"
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    if r.stdout.strip() != "[]":
        pytest.skip("this Typer imports its help printer itself")
    assert _loaded("--help", names=TYPER_HELP) == ""
    assert _loaded("report", "--help", names=TYPER_HELP) == ""
