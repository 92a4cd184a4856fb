"""What every CLI command shares: the database it opens and how it prints."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich import table as rich_table
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

#: Standard output: the terminal's width, or ``COLUMNS``; 120 columns when piped without it.
console = Console(width=None if Console().is_terminal or os.environ.get("COLUMNS") else 120)
err_console = Console(stderr=True)

#: A figure: a number with at most a short prefix (sign, currency) and suffix (unit), such
#: as ``1,017,967,180,847``, ``HK$1.02 trn``, ``+12.34 %``, ``2025-02-06`` or ``1810.HK``.
_FIGURE = re.compile(r"[^\d\s]{0,4}\d[\d,.:/+\-−]*[^\d\s]{0,5}")


class Table(rich_table.Table):
    """A rich table that never cuts a value: the columns that hold only figures keep their
    full width (the words of the other columns wrap instead), and any word too long for its
    column folds onto the next line rather than ending in "…". When the figures alone are
    wider than the terminal, the narrowest columns of figures that fit keep their width and
    the others fold too."""

    def __rich_console__(self, console: Console, options: Any) -> Iterator[Any]:
        widths = [_figure_width(column) for column in self.columns]
        words = sum(1 for w in widths if w is None)
        room = options.max_width - (len(self.columns) + 1) - words * (_MIN_WORDS + 2)
        for column in self.columns:
            column.overflow = "fold"
            column.no_wrap = False
        figures = sorted(((w, c) for w, c in zip(widths, self.columns) if w is not None), key=lambda p: p[0])
        for width, column in figures:
            if width + 2 > room:
                break
            column.no_wrap = True
            room -= width + 2
        yield from super().__rich_console__(console, options)


#: The narrowest a column of words is planned to become beside columns of figures.
_MIN_WORDS = 3


def _plain(cell: Any) -> str:
    if not isinstance(cell, str):
        return str(getattr(cell, "plain", ""))
    if "[" not in cell:
        return cell
    from rich.errors import MarkupError
    from rich.text import Text

    try:
        return Text.from_markup(cell).plain
    except MarkupError:
        return cell


def _figure_width(column: rich_table.Column) -> int | None:
    """The width of a column's widest cell when every cell it holds is a figure (or empty),
    header included; ``None`` for a column of words."""
    cells = [_plain(c).strip() for c in column.cells]
    if not any(cells) or not all(_FIGURE.fullmatch("".join(c.split())) for c in cells if c):
        return None
    return max(cell_len(c) for c in [*cells, _plain(column.header)])


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
