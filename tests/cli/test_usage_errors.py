"""Every usage error is one line on standard error and exit status 2, with no traceback,
whichever copy of click raised it."""

from __future__ import annotations

import contextlib
import subprocess
import sys

import pytest

CLI = [sys.executable, "-c", "from evlens.cli import main; main()"]


@pytest.mark.parametrize(
    "args,words",
    [
        (["returns", "1810.HK", "--year", "abc"], "'--year'"),  # not an integer
        (["forecast", "xiaomi", "--target", "abc"], "'--target'"),  # not a number
        (["returns"], "Missing argument"),  # missing argument
        (["nosuchcommand"], "No such command"),  # unknown command
        (["summary", "--bogus"], "No such option"),  # unknown option
        (["report", "xiaomi", "--lang", "fr"], "language"),  # a value the command refuses
        (["load", "prices"], "Missing argument"),  # a group's command without files
        (["forget", "not-an-id", "--dry-run"], "no id"),  # the library's own InputError
    ],
)
def test_usage_error_is_one_line_and_status_2(tmp_path, args, words):
    r = subprocess.run(
        [*CLI, "--db", str(tmp_path / "x.duckdb"), *args], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and words in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def test_is_usage_error_knows_both_clicks():
    from evlens.cli import _is_usage_error

    assert not _is_usage_error(ValueError("x"))
    copies = []
    for module in ("click.exceptions", "typer._click.exceptions"):  # Typer may ship its own copy
        with contextlib.suppress(ImportError):
            copies.append(__import__(module, fromlist=["BadParameter"]))
    assert copies, "no click at all"
    for m in copies:
        assert _is_usage_error(m.BadParameter("x")) and _is_usage_error(m.UsageError("x"))


def test_prices_without_a_range_shows_the_last_20_bars_and_says_how_many(tmp_path):
    """The demo holds far more than 20 bars of 1810.HK: with no range the table keeps the
    last 20 and a line on standard error gives the count; a range or --all gives them all."""
    import json

    import evlens

    db = tmp_path / "x.duckdb"
    with evlens.open(db) as store:
        store.load_demo()
        stored = store.prices("1810.HK")
    base = [*CLI, "--db", str(db), "prices", "1810.HK", "--json"]
    r = subprocess.run(base, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 20 and rows[-1]["date"] == stored.index[-1].strftime("%Y-%m-%d")
    assert f"the last 20 of {len(stored):,} bars" in r.stderr
    every = subprocess.run([*base, "--all"], capture_output=True, text=True, timeout=300)
    assert len(json.loads(every.stdout)) == len(stored) > 20 and every.stderr == ""
    first = stored.index[0].strftime("%Y-%m-%d")
    ranged = subprocess.run([*base, "--start", first], capture_output=True, text=True, timeout=300)
    assert len(json.loads(ranged.stdout)) == len(stored)
