"""The market commands as a user meets them (tables, errors, exit status), and identities
the return metrics must satisfy for any positive price path."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from evlens.cli import build_app
from evlens.market import metrics as m


def _evlens(db, *args):
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", "from evlens.cli import main; main()", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_user_errors_exit_2_with_one_line(demo_db_path):
    res = _evlens(demo_db_path, "marketcap", "0700.HK")
    assert res.returncode == 2 and "dividend-adjusted" in res.stderr and "Traceback" not in res.stderr
    res = _evlens(demo_db_path, "returns", "1810.HK", "--year", "2024", "--ytd", "2024-05-01")
    assert res.returncode == 2 and "one of" in res.stderr
    res = _evlens(demo_db_path, "returns", "NOPE.HK", "--year", "2024")
    assert res.returncode == 2 and "unknown ticker" in res.stderr


def test_tables_for_people(demo_db_path):
    runner, app = CliRunner(), build_app()
    out = runner.invoke(
        app,
        ["--db", str(demo_db_path), "returns", "1810.HK,3690.HK", "--year", "2024", "--benchmark", "HSTECH"],
        terminal_width=200,
    )
    assert out.exit_code == 0, out.output
    assert "1810.HK" in out.stdout and "3690.HK" in out.stdout and "suspect row 2024-12-31" in out.stdout
    # the benchmark's source is printed (HSTECH's bundled closes cover 2024)
    assert "benchmark source: stored closes of HSTECH, 2023-12-29 -> 2024-12-31" in out.stdout
    out = runner.invoke(
        app,
        ["--db", str(demo_db_path), "risk", "1810.HK", "--year", "2024", "--rf", "0.04"],
        terminal_width=200,
    )
    assert out.exit_code == 0 and "max drawdown" in out.stdout and "Sharpe" in out.stdout


closes_strategy = st.lists(
    st.floats(min_value=0.5, max_value=500.0, allow_nan=False), min_size=3, max_size=60
)


def _path(values):
    return pd.Series(values, index=pd.bdate_range("2024-01-01", periods=len(values)), dtype="float64")


@settings(max_examples=60, deadline=None)
@given(closes_strategy)
def test_compounded_returns_give_back_the_whole_move(values):
    closes = _path(values)
    total = values[-1] / values[0] - 1
    assert m.cumulative_return(m.simple_returns(closes)) == pytest.approx(total, rel=1e-9, abs=1e-12)
    assert m.log_returns(closes).sum() == pytest.approx(math.log(values[-1] / values[0]), rel=1e-9, abs=1e-12)
    pr = m.period_return(closes, None, None)
    assert pr.value == pytest.approx(total, rel=1e-12, abs=1e-15)


@settings(max_examples=60, deadline=None)
@given(closes_strategy)
def test_drawdown_is_the_worst_fall_from_an_earlier_high(values):
    closes = _path(values)
    dd = m.max_drawdown(closes)
    # brute force over every (earlier high, later low) pair
    worst = min(min(values[j] / max(values[: j + 1]) - 1 for j in range(len(values))), 0.0)
    assert dd.value == pytest.approx(worst, abs=1e-12)
    if dd.value < 0:
        assert dd.peak < dd.trough
        assert closes[pd.Timestamp(dd.trough)] / closes[pd.Timestamp(dd.peak)] - 1 == pytest.approx(dd.value)
        if dd.recovery is not None:
            assert dd.recovery > dd.trough and closes[pd.Timestamp(dd.recovery)] >= dd.peak_close


@settings(max_examples=40, deadline=None)
@given(closes_strategy, st.floats(min_value=0.1, max_value=5.0))
def test_beta_of_a_scaled_copy_is_the_scale(values, k):
    r = m.simple_returns(_path(values))
    if float(np.std(r)) < 1e-9:
        return
    assert m.beta(k * r, r) == pytest.approx(k, rel=1e-9)
    assert m.correlation(k * r, r) == pytest.approx(1.0, rel=1e-9)
