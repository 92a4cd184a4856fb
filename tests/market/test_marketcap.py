"""Market value and milestones on an in-memory store, against hand products."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from evlens.errors import EvlensError, InputError, NotFoundError
from evlens.market import marketcap
from evlens.market.marketcap import basis_rank, share_table, shares_as_of


@pytest.fixture
def mstore(memory_store):
    s = memory_store
    s.add_prices(
        "1810.HK",
        {
            "2024-11-29": 30.0,
            "2025-01-24": 36.85,
            "2025-01-28": 41.0,
            "2025-02-05": 39.65,
            "2025-02-06": 40.55,
            "2025-02-07": 42.45,
        },
        suspect=["2025-01-28"],
        entity="xiaomi",
    )
    s.add_shares(
        "1810.HK",
        [
            ("2024-11-30", 24_967_517_012, "hkex_filing_summary", "https://example.org/filing"),
            ("2025-01-24", 25_104_000_000, "implied_from_news_market_cap", "https://example.org/news"),
            ("2025-06-05", 25_949_169_680, "derived_from_repurchase_mandate"),
        ],
    )
    s.add_prices("0700.HK", {"2025-02-06": 420.0}, adjusted=True, entity="tencent")
    s.add_shares("0700.HK", [("2025-01-01", 9.2e9, "hkex_filing_summary")])
    return s


def test_first_crossing_of_a_trillion(mstore):
    m = marketcap(mstore, "1810.HK", threshold=1e12)
    # 2025-02-05: 39.65 × 25.104e9 = 995.4e9 (below); 2025-02-06: 40.55 × 25.104e9 = 1.01797e12
    assert m.crossed and m.first_date == date(2025, 2, 6)
    assert m.close == 40.55 and m.shares == 25_104_000_000 and m.shares_as_of == date(2025, 1, 24)
    assert m.basis == "implied_from_news_market_cap" and m.currency == "HKD"
    assert m.market_cap == pytest.approx(40.55 * 25_104_000_000)
    assert round(m.market_cap / 1e12, 2) == 1.02  # the article's "HK$1.02 trillion"
    # the filed count beside it: 40.55 × 24,967,517,012 = 1.0124e12
    assert m.filed["market_cap"] == pytest.approx(40.55 * 24_967_517_012)
    assert m.filed["shares_as_of"] == "2024-11-30"
    # the suspect 2025-01-28 row (41.0 × 25.104e9 = 1.029e12) would have crossed first; it is skipped and named
    assert m.skipped_suspect == (date(2025, 1, 28),)
    d = m.to_dict()
    assert d["first_date"] == "2025-02-06" and d["shares_as_of"] == "2025-01-24" and d["close"] == 40.55


def test_sessions_before_the_first_count_are_not_searched(mstore):
    m = marketcap(mstore, "1810.HK", threshold=1e9)
    # 2024-11-29 is before the first count (2024-11-30): never valued with a later count
    assert m.first_date == date(2025, 1, 24) and m.searched_from == date(2025, 1, 24)


def test_threshold_never_reached(mstore):
    m = marketcap(mstore, "1810.HK", threshold=2e12)
    assert not m.crossed and m.first_date is None
    assert m.max_date == date(2025, 2, 7) and m.max_market_cap == pytest.approx(42.45 * 25_104_000_000)


def test_threshold_search_from_a_date(mstore):
    m = marketcap(mstore, "1810.HK", threshold=1e12, on="2025-02-07")
    assert m.first_date == date(2025, 2, 7)


def test_market_cap_on_a_day_uses_the_count_in_force(mstore):
    on = marketcap(mstore, "1810.HK", on="2025-01-24")
    assert (on.date, on.shares_as_of, on.basis) == (
        date(2025, 1, 24),
        date(2025, 1, 24),
        "implied_from_news_market_cap",
    )
    assert on.market_cap == pytest.approx(36.85 * 25_104_000_000)  # HK$925.09 bn, as the news quoted
    assert on.market_cap / 1e9 == pytest.approx(
        925.09, abs=0.02
    )  # 925.08 here; the news rounded its own count
    # a holiday takes the last close before it; the latest close when no date is given
    assert marketcap(mstore, "1810.HK", on="2025-02-08").date == date(2025, 2, 7)
    assert marketcap(mstore, "1810.HK").date == date(2025, 2, 7)
    with pytest.raises(NotFoundError, match="on or before 2024-11-29"):
        marketcap(mstore, "1810.HK", on="2024-11-29")


def test_same_date_counts_prefer_a_filing(memory_store):
    t = share_table(
        pd.DataFrame(
            [
                {"as_of": "2025-01-01", "shares": 2.0e9, "basis": "implied_from_news_market_cap"},
                {"as_of": "2025-01-01", "shares": 1.0e9, "basis": "hkex_filing_summary"},
                {"as_of": "2025-01-01", "shares": 1.5e9, "basis": "derived_from_mandate"},
            ]
        ),
        "X",
    )
    c = shares_as_of(t, date(2025, 3, 1))
    assert c.shares == 1.0e9 and c.basis == "hkex_filing_summary"
    assert [basis_rank(b) for b in ("hkex_filing_summary", "derived_x", "implied_y", "other")] == [0, 1, 2, 3]
    assert shares_as_of(t, date(2024, 12, 31)) is None


def test_adjusted_closes_are_refused(mstore):
    with pytest.raises(EvlensError, match="dividend-adjusted"):
        marketcap(mstore, "0700.HK")
    with pytest.raises(EvlensError, match="dividend-adjusted"):
        marketcap(mstore, "0700.HK", threshold=1e12)


def test_bad_threshold_and_missing_counts(mstore, memory_store):
    with pytest.raises(InputError, match="threshold"):
        marketcap(mstore, "1810.HK", threshold=-5)
    mstore.add_prices("3690.HK", {"2025-01-02": 100.0})
    with pytest.raises(NotFoundError, match="no share counts"):
        marketcap(mstore, "3690.HK")


def test_same_date_ledger_entries_the_last_is_in_force():
    # a filed total before a placing and the placing itself, both dated on its completion
    # (25,116,213,416 + 800,000,000 = 25,916,213,416), and a quote-site count that day
    t = share_table(
        pd.DataFrame(
            [
                {"as_of": "2025-03-27", "shares": 25_916_213_416, "basis": "event:filed:placing", "line": 6},
                {
                    "as_of": "2025-03-27",
                    "shares": 25_110_000_000,
                    "basis": "implied:news_market_cap",
                    "line": 7,
                },
                {
                    "as_of": "2025-03-27",
                    "shares": 25_116_213_416,
                    "basis": "filed:issued_before_placing",
                    "line": 5,
                },
                {
                    "as_of": "2025-02-07",
                    "shares": 25_107_000_000,
                    "basis": "implied:news_market_cap",
                    "line": 4,
                },
            ]
        ),
        "X",
    )
    c = shares_as_of(t, date(2025, 3, 27))
    assert (c.shares, c.basis) == (
        25_916_213_416,
        "event:filed:placing",
    )  # the ledger's last entry, not the filing
    assert shares_as_of(t, date(2025, 3, 26)).shares == 25_107_000_000  # implied, the latest before
    assert shares_as_of(t, date(2025, 3, 27), filed_only=True).shares == 25_116_213_416
    assert [basis_rank(b) for b in ("filed:monthly_return", "event:filed:placing", "implied:x")] == [0, 1, 2]
