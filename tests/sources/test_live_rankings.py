"""The CPCA maker ranking (AKShare's car_market_man_rank_cpca), replayed, into facts.

Golden values come from the makers and the press, not from this code: BYD's February 2024
passenger-car sales were 121,748 (BYD's monthly release), Tesla China's CPCA wholesale was
60,365 in February 2024 and 74,402 in February 2023 (as reported at the time)."""

from __future__ import annotations

from datetime import date

import pytest
from live_replay import CPCA_TABLE as TABLE
from live_replay import RETRIEVED, ranking_fetcher, recorded_ranking

from evlens.errors import InputError
from evlens.facts import Document
from evlens.sources.live import cpca
from evlens.store import live as store_live


def _recorded(indicator="批发", after=None, find_entity=None):
    return recorded_ranking(indicator, after, find_entity)


def _values(fetch):
    return {(f.entity, f.period): f.value for f in fetch.facts}


def test_ranking_gives_wholesale_facts_in_vehicles(store):
    got = _recorded(find_entity=store.find_entity)
    v = _values(got)
    assert v[("byd", "2024-02")] == 121_748
    assert v[("tesla", "2024-02")] == 60_365
    assert v[("tesla", "2023-02")] == 74_402
    assert got.metric == "wholesale" and got.periods == ("2023-02", "2024-02")
    f = next(f for f in got.facts if f.entity == "tesla" and f.period == "2024-02")
    assert f.metric == "wholesale" and f.unit == "vehicle" and f.scope == cpca.SCOPE
    assert f.document_id == got.document.id and f.source_url == cpca.PAGE_URL
    assert "比亚迪汽车" not in got.unmatched and "特斯拉中国" not in got.unmatched
    assert got.unmatched  # makers evlens does not follow are listed, not stored


def test_retail_is_stored_as_retail_sales(store):
    got = _recorded(indicator="零售", find_entity=store.find_entity)
    assert {f.metric for f in got.facts} == {"retail_sales"}


def test_only_months_after_the_last_stored_one(store):
    got = _recorded(after="2023-02", find_entity=store.find_entity)
    assert {f.period for f in got.facts} == {"2024-02"}
    assert _recorded(after="2024-02", find_entity=store.find_entity).facts == ()


def test_a_column_that_is_no_month_is_refused_with_its_name(store):
    bad = TABLE.replace("2024年2月", "2024年13月")
    doc = Document.from_text(bad, url=cpca.API_URL["批发"])
    with pytest.raises(InputError) as e:
        cpca.parse_ranking_table(
            cpca.read_table_text(bad), indicator="批发", document=doc, find_entity=store.find_entity
        )
    assert e.value.field == "2024年13月" and e.value.path == cpca.API_URL["批发"]


def test_a_cell_that_is_no_number_names_its_row_and_column(store):
    bad = TABLE.replace("6.0365", "6.O365")
    doc = Document.from_text(bad, url=cpca.API_URL["批发"])
    with pytest.raises(InputError) as e:
        cpca.parse_ranking_table(
            cpca.read_table_text(bad), indicator="批发", document=doc, find_entity=store.find_entity
        )
    assert (e.value.line, e.value.field) == (8, "2024年2月")


def test_update_stores_ranking_facts_with_their_document_once(store):
    calls = []
    result = store_live.update(
        store, ["cpca"], today=date(2024, 3, 10), ranking_fetcher=ranking_fetcher(calls)
    )
    assert calls == [("批发", None), ("零售", None)]
    tesla = store.facts("tesla", "wholesale")
    assert sorted(zip(tesla["period"], tesla["value"])) == [("2023-02", 74_402), ("2024-02", 60_365)]
    doc = store.document(tesla["document_id"].iloc[0])
    assert doc["url"] == cpca.API_URL["批发"] and doc["retrieved_at"] == RETRIEVED
    assert result.facts_added == len(store.facts(metric=["wholesale", "retail_sales"]))

    before = store.counts()
    calls.clear()
    again = store_live.update(
        store, ["cpca"], today=date(2024, 3, 11), ranking_fetcher=ranking_fetcher(calls)
    )
    assert calls == [("批发", "2024-02"), ("零售", "2024-02")]  # asks for what is after the last stored month
    assert store.counts() == before and not again.changed


def test_cpca_offline_is_one_line_and_not_retried(store, monkeypatch):
    pytest.importorskip("akshare", reason="the live extra is not installed")
    pytest.importorskip("yfinance", reason="the live extra is not installed")
    import requests

    from evlens.sources.live import OfflineError

    calls = []

    def dead(self, request, **kw):  # requests' transport on a machine whose DNS answers nothing
        calls.append(request.url)
        raise requests.ConnectionError(
            "Failed to resolve 'data.cpcadata.com' ([Errno -3] Temporary failure in name resolution)"
        )

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", dead)
    before = store.counts()
    with pytest.raises(OfflineError, match=r"cannot reach data\.cpcadata\.com"):
        store_live.update(store, ["cpca"], today=date(2024, 3, 10))
    assert len(calls) == 1 and calls[0].startswith(cpca.API_URL["批发"])
    assert store.counts() == before
