"""The returns table over a small in-memory store, checked against hand computations."""

from __future__ import annotations

from datetime import date

import pytest

from evlens.errors import InputError, NotFoundError
from evlens.market import resolve_window, returns


@pytest.fixture
def store(memory_store):
    s = memory_store
    # a non-payer whose year-end row is a zero-volume flat row (as in the Yahoo files)
    s.add_prices(
        "1810.HK",
        {
            "2023-12-28": 15.10,
            "2023-12-29": 15.60,
            "2024-06-28": 17.6,
            "2024-12-30": 34.45,
            "2024-12-31": 34.65,
            "2025-01-02": 35.0,
        },
        suspect=["2024-12-31"],
        entity="xiaomi",
    )
    # a dividend payer: adjusted closes
    s.add_prices(
        "0700.HK",
        {"2023-12-29": 290.0, "2024-12-31": 418.0},
        adjusted=True,
        entity="tencent",
        suspect=["2024-12-31"],
    )
    s.add_prices("3690.HK", {"2023-12-29": 80.0, "2024-12-31": 150.0}, entity="meituan")
    s.add_prices("HSI", {"2023-12-29": 17047.39, "2024-12-31": 20059.95}, currency="points", entity="hsi")
    # an index whose file stops before the year ends; its official return is a stored fact
    s.add_prices("HSTECH", {"2023-12-29": 3600.0, "2024-11-13": 4400.0}, currency="points", entity="hstech")
    s.add_fact(
        "hstech",
        "index_return",
        "2024",
        18.7,
        id="fact-hstech-2024",
        source_url="https://longportapp.com/news/223776933",
        publisher="Hang Seng Indexes",
    )
    # a stock whose prices start inside the window, with no fact
    s.add_prices("9868.HK", {"2024-07-02": 30.0, "2024-12-31": 40.0}, entity="xpeng")
    return s


def test_price_return_excess_and_rank(store):
    t = returns(store, ["1810", "03690"], year=2024, benchmark="^HSI")
    x = t.row("1810.HK")
    # 34.65 / 15.60 - 1 = 122.115 %; HSI 20059.95 / 17047.39 - 1 = 17.672 %
    assert x.return_pct == pytest.approx((34.65 / 15.60 - 1) * 100)
    assert (x.start, x.end) == (date(2023, 12, 29), date(2024, 12, 31))
    assert (x.start_close, x.end_close) == (15.60, 34.65)
    assert t.benchmark.return_pct == pytest.approx((20059.95 / 17047.39 - 1) * 100)
    assert round(t.benchmark.return_pct, 1) == 17.7
    assert x.excess_pct == pytest.approx(x.return_pct - t.benchmark.return_pct)
    assert x.benchmark == "HSI" and x.benchmark_return_pct == t.benchmark.return_pct
    m = t.row("3690.HK")
    assert m.return_pct == pytest.approx(87.5)  # 150 / 80 - 1
    assert (x.rank, m.rank) == (1, 2)
    assert x.return_kind == "price" and not x.adjusted


def test_suspect_year_end_row_is_listed_or_avoided(store):
    t = returns(store, ["1810.HK"], year=2024)
    assert t.row("1810.HK").suspect_rows == (date(2024, 12, 31),)
    t2 = returns(store, ["1810.HK"], year=2024, avoid_suspect=True)
    r = t2.row("1810.HK")
    # measured to the last sound close instead: 34.45 / 15.60 - 1 = 120.83 %
    assert r.end == date(2024, 12, 30) and r.return_pct == pytest.approx((34.45 / 15.60 - 1) * 100)
    assert r.suspect_rows == () and "2024-12-31" in r.note


def test_adjusted_closes_give_a_labelled_total_return(store):
    r = returns(store, ["0700.HK"], year=2024).row("0700.HK")
    assert r.adjusted is True and r.return_kind == "total"
    assert "total return" in r.source
    assert r.return_pct == pytest.approx((418 / 290 - 1) * 100)
    assert r.to_dict()["adjusted"] is True and r.to_dict()["suspect_rows"] == ["2024-12-31"]


def test_official_fact_used_when_prices_stop_early(store):
    t = returns(store, ["HSTECH"], year=2024)
    r = t.row("HSTECH")
    assert r.return_pct == 18.7 and r.return_kind == "official"
    assert r.fact_id == "fact-hstech-2024" and "fact-hstech-2024" in r.source
    assert r.source_url == "https://longportapp.com/news/223776933" and r.source_url in r.source
    assert "2024-11-13" in r.note  # says why the closes were not used


def test_official_fact_as_benchmark(store):
    t = returns(store, ["1810.HK"], year=2024, benchmark="HSTECH")
    x = t.row("1810.HK")
    assert t.benchmark.return_kind == "official" and x.benchmark_return_pct == 18.7
    assert x.excess_pct == pytest.approx((34.65 / 15.60 - 1) * 100 - 18.7)


def test_no_prices_and_no_fact_leaves_an_explained_gap(store):
    t = returns(store, ["9868.HK", "1810.HK"], year=2024, benchmark="HSI")
    r = t.row("9868.HK")
    assert r.return_pct is None and r.rank is None and r.excess_pct is None
    assert "no close before 2024-01-01" in r.note and "no stored official return" in r.note
    assert t.row("1810.HK").rank == 1


def test_fact_for_another_period_is_not_used(store):
    store.add_fact("hstech", "index_return", "2025", 23.5, id="f2025")
    r = returns(store, ["HSTECH"], year=2024).row("HSTECH")
    assert r.fact_id == "fact-hstech-2024"
    r2 = returns(store, ["HSTECH"], start="2024-01-01", end="2024-12-31").row("HSTECH")
    assert r2.return_pct is None  # a free window has no period to look a fact up by


def test_peers_join_the_ranking(store):
    t = returns(store, ["3690.HK"], year=2024, peers="1810.HK,0700.HK", benchmark="HSI")
    roles = {r.ticker: (r.role, r.rank) for r in t.rows}
    assert roles == {"3690.HK": ("subject", 2), "1810.HK": ("peer", 1), "0700.HK": ("peer", 3)}


def test_ytd_and_explicit_windows(store):
    r = returns(store, ["1810.HK"], ytd="2024-06-30").row("1810.HK")
    assert (r.start, r.end) == (date(2023, 12, 29), date(2024, 6, 28))
    assert r.return_pct == pytest.approx((17.6 / 15.60 - 1) * 100)
    r2 = returns(store, ["1810.HK"], start="2023-12-29", end="2024-06-28").row("1810.HK")
    assert r2.start_close == 15.10 and r2.end_close == 17.6  # base is the close before 2023-12-29


def test_window_errors_and_unknown_tickers(store):
    with pytest.raises(InputError, match="one of"):
        returns(store, ["1810.HK"], year=2024, ytd="2024-05-01")
    with pytest.raises(InputError, match="window"):
        returns(store, ["1810.HK"])
    with pytest.raises(InputError, match="year"):
        resolve_window(year="20x4")
    with pytest.raises(NotFoundError):
        returns(store, ["9999.HK"], year=2024)


def test_to_dict_has_the_promised_keys(store):
    d = returns(store, ["1810.HK"], year=2024, benchmark="HSI").to_dict()
    row = d["rows"][0]
    for key in (
        "ticker",
        "start",
        "end",
        "start_close",
        "end_close",
        "return_pct",
        "benchmark",
        "benchmark_return_pct",
        "excess_pct",
        "rank",
        "adjusted",
        "suspect_rows",
        "source",
    ):
        assert key in row
    assert row["start"] == "2023-12-29" and d["window"] == {
        "start": "2024-01-01",
        "end": "2024-12-31",
        "label": "2024",
    }
