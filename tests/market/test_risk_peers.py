"""The risk report and the peer table on an in-memory store, against hand computations."""

from __future__ import annotations

import math
from datetime import date

import pytest

from evlens.errors import InputError
from evlens.market import peers, risk


@pytest.fixture
def rstore(memory_store):
    s = memory_store
    days = ["2023-12-29", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"]
    s.add_prices(
        "1111.HK",
        dict(zip(days, [100.0, 110.0, 99.0, 108.9, 120.0, 118.8])),
        suspect=["2024-01-05"],
        entity=None,
    )
    s.add_prices(
        "HSI", dict(zip(days, [1000.0, 1050.0, 997.5, 1047.375, 1060.0, 1099.74375])), currency="points"
    )
    return s


def test_risk_report_by_hand(rstore):
    rep = risk(rstore, "1111.HK", benchmark="HSI", year=2024)
    # suspect 2024-01-05 left out: closes 100, 110, 99, 108.9, 118.8
    r = [0.10, -0.10, 0.10, 118.8 / 108.9 - 1]
    b = [0.05, -0.05, 0.05, 0.05]  # the index return 01-04 -> 01-08 spans the same two sessions
    n = 4
    mr, mb = sum(r) / n, sum(b) / n
    var_r = sum((x - mr) ** 2 for x in r) / (n - 1)
    var_b = sum((y - mb) ** 2 for y in b) / (n - 1)
    cov = sum((x - mr) * (y - mb) for x, y in zip(r, b)) / (n - 1)
    assert rep.excluded_suspect == (date(2024, 1, 5),)
    assert (rep.start, rep.end, rep.observations) == (date(2023, 12, 29), date(2024, 1, 8), 4)
    assert rep.total_return_pct == pytest.approx(18.8)
    assert rep.cagr_pct == pytest.approx((1.188 ** (365.25 / 10) - 1) * 100)
    assert rep.annual_volatility_pct == pytest.approx(math.sqrt(var_r) * math.sqrt(252) * 100)
    assert rep.sharpe == pytest.approx(mr / math.sqrt(var_r) * math.sqrt(252))
    assert rep.beta == pytest.approx(cov / var_b)
    assert rep.correlation == pytest.approx(cov / math.sqrt(var_r * var_b))
    dd = rep.max_drawdown
    assert dd.value == pytest.approx(99 / 110 - 1)
    assert (dd.peak, dd.trough, dd.recovery) == (date(2024, 1, 2), date(2024, 1, 3), date(2024, 1, 8))
    assert rep.benchmark_covers_window


def test_risk_free_rate_is_annual_and_compounded(rstore):
    rep = risk(rstore, "1111.HK", year=2024, rf=0.04)
    r = [0.10, -0.10, 0.10, 118.8 / 108.9 - 1]
    rf = 1.04 ** (1 / 252) - 1
    x = [v - rf for v in r]
    m = sum(x) / 4
    sd = math.sqrt(sum((v - m) ** 2 for v in x) / 3)
    assert rep.rf_per_session == pytest.approx(rf)
    assert rep.sharpe == pytest.approx(m / sd * math.sqrt(252))


def test_keep_suspect_changes_the_recovery(rstore):
    rep = risk(rstore, "1111.HK", year=2024, keep_suspect=True)
    assert rep.excluded_suspect == () and rep.observations == 5
    assert rep.max_drawdown.recovery == date(2024, 1, 5)  # the flat row at 120 is back above 110


def test_risk_needs_a_close_before_the_window(rstore):
    with pytest.raises(InputError, match="before 2023-01-01"):
        risk(rstore, "1111.HK", year=2023)


@pytest.fixture
def pstore(memory_store):
    s = memory_store
    for t, end in (("1810.HK", 150.0), ("0700.HK", 110.0), ("3690.HK", 130.0)):
        s.add_prices(t, {"2023-12-29": 100.0, "2024-06-28": (100 + end) / 2, "2024-12-31": end})
    s.add_prices("HSI", {"2023-12-29": 1000.0, "2024-06-28": 1100.0, "2024-12-31": 1177.0}, currency="points")
    return s


def test_peer_table_sorted_with_average_excluding_subject(pstore):
    t = peers(pstore, "1810.HK", benchmark="HSI", peers="0700.HK,3690.HK,1810.HK", year=2024)
    assert [r.ticker for r in t.rows] == ["1810.HK", "3690.HK", "HSI", "0700.HK"]  # +50, +30, +17.7, +10
    assert [r.role for r in t.rows] == ["subject", "peer", "index", "peer"]
    # (10 + 30) / 2 = 20 %, the subject itself left out
    assert t.peer_average_pct == pytest.approx(20.0)
    assert t.subject_vs_peers_pp == pytest.approx(30.0)
    assert t.subject_rank == 1 and t.ranked == 3
    index_row = t.rows[2]
    assert index_row.rank is None and index_row.return_pct == pytest.approx(17.7)
    assert t.rows[0].excess_pct == pytest.approx(50.0 - 17.7)
    assert t.rows[0].annual_volatility_pct is not None and t.rows[0].beta is not None
    assert t.to_dict()["rows"][0]["ticker"] == "1810.HK"


def test_peer_table_needs_peers(pstore):
    with pytest.raises(InputError, match="peer"):
        peers(pstore, "1810.HK", benchmark="HSI", peers="", year=2024)
