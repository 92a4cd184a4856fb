"""Tables never cut a value: on a narrow terminal the columns of words wrap and the figures
keep their full width ("1,000,000,000,000", never "1,000,000,0…")."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from rich import table as rich_table
from rich.console import Console

from evlens.cli.common import Table

CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]
LABEL = "Xiaomi Corporation, class B shares listed in Hong Kong, filed monthly return"
BIG = "1,000,000,000,000"


def _render(table, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(table)
    return out.getvalue()


def _fill(table):
    table.add_row(LABEL, BIG, "+12.34 %", "2025-02-06")
    table.add_row("BYD", "25,104,000,000", "-1.50 %", "2025-03-31")
    return table


def test_a_plain_rich_table_would_cut_the_value_at_this_width():
    """The case the other tests guard against: rich's defaults end the figure in an ellipsis."""
    shown = _render(_fill(rich_table.Table("security", "market value", "change", "as of")), 60)
    assert BIG not in shown and "…" in shown


def test_figures_keep_their_width_and_the_label_wraps():
    shown = _render(_fill(Table("security", "market value", "change", "as of")), 60)
    assert BIG in shown and "25,104,000,000" in shown and "+12.34 %" in shown and "2025-02-06" in shown
    assert "…" not in shown
    assert "Xiaomi" in shown and "return" in shown  # the label wrapped over lines, whole words kept


def test_figures_wider_than_the_terminal_fold_rather_than_end_in_an_ellipsis():
    t = Table("a", "b", "c")
    t.add_row(BIG, BIG, BIG)
    shown = _render(t, 30)
    assert "…" not in shown
    digits = "".join(ch for ch in shown if ch.isdigit())
    assert sorted(digits) == sorted(BIG.replace(",", "") * 3)  # every digit of the three, folded


def test_a_column_of_words_with_one_number_still_wraps():
    """A column is kept whole only when all its cells are figures: notes with a date in one
    row are words and wrap."""
    t = Table("value", "notes")
    t.add_row(BIG, "suspect row 2024-12-31, and a long note about where the figure comes from")
    t.add_row("12", "2024-12-31")
    shown = _render(t, 40)
    assert BIG in shown and "…" not in shown
    assert max(len(line) for line in shown.splitlines()) <= 40


def test_the_command_line_shows_full_share_counts_at_60_columns(demo_db_path):
    env = dict(os.environ, COLUMNS="60")
    r = subprocess.run(
        [*CLI, "--db", str(demo_db_path), "shares", "1810.HK"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 60
    assert "25,104,000,000" in r.stdout and "24,967,517,012" in r.stdout  # each on one line
    assert "…" not in r.stdout
