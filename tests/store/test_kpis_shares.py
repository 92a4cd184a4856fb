"""KPI tables and share counts: entities, bounds, provenance spans."""

import csv

import pandas as pd
import pytest


def test_reported_table_provenance_and_bounds(store, shared_data):
    path = shared_data / "ev_deliveries_reported.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    [r] = store.load_kpis([path])
    assert r.format == "reported" and r.rows == len(rows) == r.added
    facts = store.facts()
    doc = store.document(r.import_id)
    for f in facts.itertuples():
        assert doc["text"][f.span_start : f.span_end] == f.surface  # the exact row it came from
    april = store.facts("xiaomi-su7", "deliveries", "2024-04").iloc[0]
    assert (april.value, april.bound, april.unit) == (7058, "eq", "vehicle")
    assert april.source_url.startswith("https://www.car-evs.com/")
    june = store.facts("xiaomi-su7", "deliveries", "2024-06").iloc[0]
    assert june.bound == "gt"  # qualifier '>'
    both = store.facts("xiaomi-su7-yu7", "deliveries", "2025-Q2").iloc[0]
    assert both.bound == "approx" and both.value == 81000  # qualifier '~', scope SU7+YU7
    assert store.entity("xiaomi-su7-yu7")["members"] == ["xiaomi-su7", "xiaomi-yu7"]
    orders = store.facts("SU7", "locked_orders")
    assert orders["cumulative"].all() and set(orders["period"]) == {"2024-04-24", "2024-04-30"}
    phase1 = store.facts("xiaomi", "capacity")
    assert set(phase1["scope"]) >= {"factory phase 1", "factory"}


def test_monthly_release_dates(store, shared_data):
    store.load_kpis([shared_data / "ev_deliveries_reported.csv"])
    f = store.facts("xiaomi-su7", "deliveries")
    may = f[f.period == "2024-05"].iloc[0]  # URL .../2024/06/01/...
    assert (str(may.published.date()), may.published_basis) == ("2024-06-01", "url")
    april = f[f.period == "2024-04"].iloc[0]
    assert (str(april.published.date()), april.published_basis) == ("2024-05-01", "assumed")


def test_retail_by_model_creates_unknown_models(store, shared_data):
    [r] = store.load_kpis([shared_data / "china_bev_sales_by_model_monthly.csv"])
    assert r.format == "by-model"
    dec = store.facts("tesla-model-3", "retail_sales", "2024-12").iloc[0]
    assert dec.value == 21046
    su7 = store.facts("Xiaomi SU7", "retail_sales", "2024-12").iloc[0]
    assert su7.value == 25815  # the article: 25,800 SU7 vs 21,000 Model 3
    assert store.entity("byd-atto-3")["parent"] == "byd"  # a gazetteer model keeps its maker
    # a name the gazetteer lacks becomes an entity of its own, never folded into a known one
    assert set(r.new_entities) <= {"china-bev-other"} and "byd-atto-3" not in r.new_entities
    assert len(store.facts("byd-atto-3", "retail_sales")) > 0


def test_reference_facts(store, shared_data):
    store.load_kpis([shared_data / "market_reference_facts.csv"])
    hstech = store.facts("hstech", "index_return", "2024").iloc[0]
    assert (hstech.value, hstech.unit) == (18.7, "percent")
    assert store.facts("1810.HK", "share_price", "2025-02-07").iloc[0].value == 42.45


def test_share_counts(store, shared_data):
    [r] = store.load_shares([shared_data / "xiaomi_shares_outstanding.csv"])
    assert r.tickers == ("1810.HK",) and r.rows == 6
    s = store.shares("1810")
    first = s.iloc[0]
    assert first.shares == first.class_a + first.class_b == 24967517012
    assert set(s["basis"]) >= {"hkex_filing_summary", "implied_from_news_market_cap"}


def test_class_counts_must_add_up(store, tmp_path):
    from evlens.errors import InputError

    p = tmp_path / "1810_shares.csv"
    p.write_text(
        "as_of_date,class_a_shares,class_b_shares,total_issued_shares,basis\n2024-11-30,1,2,4,filing\n"
    )
    with pytest.raises(InputError) as e:
        store.load_shares([p], ticker="1810.HK")
    assert (e.value.line, e.value.field) == (2, "total_issued_shares")


def test_bad_period_in_a_query_is_a_user_error(demo_store):
    from evlens.errors import InputError

    with pytest.raises(InputError, match="2024-13"):
        demo_store.facts("xiaomi", "deliveries", period="2024-13")


def test_bundled_ledger_is_stored_as_running_counts(store):
    from pathlib import Path

    import evlens

    ledger = Path(evlens.__file__).parent / "data" / "demo" / "shares" / "1810.HK.csv"
    [r] = store.load_shares([ledger])
    assert r.format == "ledger" and r.tickers == ("1810.HK",)
    s = store.shares("1810.HK").set_index(["as_of", "basis"])["shares"]
    # the completion announcement: 25,116,213,416 issued before, 800,000,000 subscribed
    assert s[(pd.Timestamp("2025-03-27"), "filed:issued_before_placing")] == 25_116_213_416
    assert s[(pd.Timestamp("2025-03-27"), "event:filed:placing")] == 25_116_213_416 + 800_000_000
    # next day disclosure of 3 Feb 2026: 26,050,601,078 + 93,660,638 allotted
    assert s[(pd.Timestamp("2026-02-03"), "event:filed:scheme_allotment")] == 26_050_601_078 + 93_660_638
    # an implied count moves nothing: the placing builds on the filed total, not on it
    assert s[(pd.Timestamp("2025-02-07"), "implied:news_market_cap")] == 25_107_000_000
