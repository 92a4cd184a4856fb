"""``evlens summary`` tells how fresh each series is (days counted by hand)."""

from __future__ import annotations

from datetime import date

from live_replay import ReplayTransport, ranking_fetcher

from evlens.sources.live.yahoo import fetch_prices
from evlens.store import live as store_live


def _load(store):
    t = ReplayTransport()
    store_live.update(
        store,
        ["0700.HK", "cpca"],
        today=date(2026, 8, 10),
        start=date(2026, 8, 1),
        price_fetcher=lambda tk, s, e, a: fetch_prices(tk, s, e, after=a, transport=t),
        ranking_fetcher=ranking_fetcher([]),
    )


def test_price_series_age_and_staleness(store):
    _load(store)
    s = store.summary(today=date(2026, 8, 10))
    assert {"database", "securities", "facts_by_maker", "share_counts", "documents", "counts"} <= set(s)
    row = next(r for r in s["freshness"]["prices"] if r["ticker"] == "0700.HK")
    assert (row["last"], row["days_old"], row["stale"]) == ("2026-08-07", 3, False)  # Friday to Monday
    later = store.summary(today=date(2026, 8, 20))
    row = next(r for r in later["securities"] if r["ticker"] == "0700.HK")
    assert (row["days_old"], row["stale"]) == (13, True)


def test_maker_series_age_counts_from_the_end_of_the_last_month(store):
    _load(store)
    s = store.summary(today=date(2024, 3, 10))
    row = next(
        r for r in s["freshness"]["deliveries"] if r["maker"] == "tesla" and r["metric"] == "wholesale"
    )
    assert row["last"] == "2024-02-29" and row["days_old"] == 10 and not row["stale"]  # 2024 is a leap year
    assert row["facts"] == 2
