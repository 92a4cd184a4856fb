"""`evlens --help` and each command's help: no type labels beside the names, every command
listed from the table the group loads lazily, and that table in step with what the command
modules register."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

import evlens.cli
from evlens.cli import COMMANDS, build_app
from evlens.cli._shell import first_paragraph, use_own_classes

CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]

#: A type label as recent Typer prints beside an option: <bool>, <str>, <list[str]>, <path>
TYPE_LABEL = re.compile(r"<(bool|str|int|float|path|file|dir|list\[[^\]]*\]|[a-z]+)>", re.IGNORECASE)


def _registered() -> dict[str, tuple[str, str]]:
    """What the command modules register: name -> (module, first paragraph of its help)."""
    found = {}
    for info in pkgutil.iter_modules(evlens.cli.__path__):
        module = importlib.import_module(f"evlens.cli.{info.name}")
        register = getattr(module, "register", None)
        if info.name.startswith("_") or register is None:
            continue
        app = typer.Typer()
        register(app)
        use_own_classes(app)
        for name, cmd in typer.main.get_group(app).commands.items():
            found[name] = (info.name, first_paragraph(cmd.help))
    return found


def test_the_command_table_is_what_the_modules_register():
    """A command added to a module and not to COMMANDS (or a docstring changed without its
    line in the table) shows here, by name."""
    assert _registered() == COMMANDS


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], ["update", "--help"]])
def test_help_shows_no_type_labels(args):
    r = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "--help" in r.stdout and "Usage: evlens" in r.stdout
    assert "<bool>" not in r.stdout and "<str>" not in r.stdout
    assert not TYPE_LABEL.search(r.stdout), TYPE_LABEL.search(r.stdout)


def _helps() -> list[list[str]]:
    cases = [["--help"], *([name, "--help"] for name in COMMANDS)]
    return cases + [["load", sub, "--help"] for sub in ("prices", "kpis", "shares", "auto")]


@pytest.mark.parametrize("args", _helps(), ids=" ".join)
def test_no_command_help_shows_type_labels(args):
    r = CliRunner().invoke(build_app(), args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "--help" in r.output and "Usage:" in r.output
    assert not TYPE_LABEL.search(r.output), (args, TYPE_LABEL.search(r.output))


def test_help_lists_every_command_with_its_line_and_options_with_defaults():
    top = CliRunner().invoke(build_app(), ["--help"], catch_exceptions=False).output
    flat = " ".join(top.replace("│", " ").split())
    for name, (_, line) in COMMANDS.items():
        assert f" {name} " in flat and line.split(":")[0] in flat, name
    assert "--db" in flat and "[env var: EVLENS_DB]" in flat
    report = CliRunner().invoke(build_app(), ["report", "--help"], catch_exceptions=False).output
    flat = " ".join(report.replace("│", " ").split())
    assert "report [OPTIONS] ENTITY" in flat  # the argument by name, not as {entity} or <str>
    assert "[default: 4000]" in flat and "[required]" in flat
    prices = CliRunner().invoke(build_app(), ["load", "prices", "--help"], catch_exceptions=False).output
    assert "--replace / --no-replace" in prices and "FILES..." in prices


def test_serve_takes_no_json(tmp_path):
    """`serve` prints no result: --json is refused as an unknown option, before anything starts."""
    r = subprocess.run(
        [*CLI, "--db", str(tmp_path / "x.duckdb"), "serve", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "No such option" in lines[0] and "--json" in lines[0], r.stderr
    assert "Serving" not in r.stdout
    shown = CliRunner().invoke(build_app(), ["serve", "--help"], catch_exceptions=False).output
    assert "--json" not in shown and "--port" in shown


def test_a_mistyped_command_is_one_line_with_a_suggestion(tmp_path):
    r = subprocess.run(
        [*CLI, "--db", str(tmp_path / "x.duckdb"), "summery"], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2
    assert r.stderr.strip() == "error: No such command 'summery'. Did you mean 'summary'?"


def test_no_arguments_show_the_help_and_no_empty_error_line():
    r = subprocess.run(CLI, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert "Usage: evlens" in r.stdout and "summary" in r.stdout
    assert "error" not in r.stderr
