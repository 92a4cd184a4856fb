"""What every CLI command shares: the database it opens and how it prints."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

console = Console(width=None if Console().is_terminal else 120)
err_console = Console(stderr=True)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


@dataclass
class State:
    db_path: Path | None = None

    def open(self, read_only: bool = False):
        from .. import open as open_store

        return open_store(self.db_path, read_only=read_only)


class lazy:
    """A module imported on first use, so that ``evlens --help`` does not load the analyses."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        import importlib

        return getattr(importlib.import_module(self._name), attr)


def state(ctx: typer.Context) -> State:
    return ctx.ensure_object(State)


def dumps(obj: Any) -> str:
    from ..values import to_json  # loads pandas: only when JSON is asked for

    return to_json(obj, indent=2)


def emit(obj: Any, as_json: bool, render: Callable[[Any], None]) -> None:
    """Print ``obj`` as JSON, or call ``render`` to print it for people."""
    if as_json:
        sys.stdout.write(dumps(obj) + "\n")
    else:
        render(obj)


def print_error(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True, soft_wrap=True)
