"""Yahoo chart responses, replayed with the network blocked, landing in the store.

Golden values are read off the recorded responses by hand: a bar's date is the session's
date on the exchange (1785720600 is 2026-08-03 01:30 UTC, 09:30 in Hong Kong, a Monday;
1696253400 is 2023-10-02 13:30 UTC, 09:30 in New York), and Tencent's close of 2026-08-07,
478.8, is also the price Tencent's own quote service gave in the same capture."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from live_replay import RETRIEVED, DeadTransport, ReplayTransport

from evlens.errors import InputError
from evlens.sources.live import OfflineError
from evlens.sources.live.http import RateLimiter, Response, fetch
from evlens.sources.live.yahoo import chart_request, fetch_prices, parse_chart, yahoo_symbol
from evlens.store import live as store_live


def _fetcher(transport):
    def price_fetcher(ticker, start, end, after):
        return fetch_prices(ticker, start, end, after=after, transport=transport, sleep=lambda s: None)

    return price_fetcher


def _update(store, transport, names=("0700.HK", "GS"), today=date(2026, 8, 10)):
    return store_live.update(
        store, list(names), today=today, start=date(2023, 10, 1), price_fetcher=_fetcher(transport)
    )


def _epoch(d: date) -> int:
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())


# ------------------------------------------------------------------ symbols
@pytest.mark.parametrize(
    "given,symbol",
    [
        ("01810", "1810.HK"),
        ("1810", "1810.HK"),
        ("HK:9866", "9866.HK"),
        ("700", "0700.HK"),
        ("9868.hk", "9868.HK"),
        ("HSTECH", "HSTECH.HK"),
        ("^HSI", "^HSI"),
        ("hscei", "^HSCE"),
        ("TSLA", "TSLA"),
    ],
)
def test_hk_codes_are_four_digits_and_indexes_use_yahoo_codes(given, symbol):
    assert yahoo_symbol(given) == symbol


def test_request_asks_the_chart_api_for_the_normalised_code_and_the_days_wanted():
    url, params = chart_request("01810", date(2024, 1, 2), date(2024, 1, 5))
    assert url == "https://query2.finance.yahoo.com/v8/finance/chart/1810.HK"
    # 2024-01-01 00:00 UTC is 1704067200; period2 is midnight after the last day wanted
    assert params["period1"] == 1704067200 + 86400
    assert params["period2"] == 1704067200 + 5 * 86400
    assert params["interval"] == "1d" and "div" in params["events"]


# ---------------------------------------------------------- parsing replays
def test_hong_kong_bars_are_dated_in_hong_kong_and_keep_their_currency(replay):
    url, params = chart_request("0700.HK", date(2026, 8, 1), date(2026, 8, 7))
    got = parse_chart(fetch(replay, url, params), "00700")
    assert got.ticker == "0700.HK" and got.currency == "HKD"
    assert [d.date() for d in got.frame["date"]] == [date(2026, 8, d) for d in (3, 4, 5, 6, 7)]
    last = got.frame.iloc[-1]
    assert last["close"] == pytest.approx(478.8, abs=1e-6)
    assert last["volume"] == 16320039
    assert got.frame["adj_close"].isna().all()  # asked with range=5d: no adjclose in this answer


def test_us_bars_keep_quoted_and_adjusted_closes_apart(replay):
    url, params = chart_request("GS", date(2023, 10, 1), date(2023, 10, 9))
    got = parse_chart(fetch(replay, url, params), "GS")
    days = [d.date() for d in got.frame["date"]]
    assert days == [
        date(2023, 10, 2),
        date(2023, 10, 3),
        date(2023, 10, 4),
        date(2023, 10, 5),
        date(2023, 10, 6),
        date(2023, 10, 9),
    ]  # the weekend of 7-8 October has no bar
    first = got.frame.iloc[0]
    assert (first["open"], first["close"], first["adj_close"]) == pytest.approx(
        (322.03, 318.5, 318.5), abs=1e-4
    )


def test_only_bars_after_the_last_stored_date_are_read(replay):
    url, params = chart_request("GS", date(2023, 10, 1), date(2023, 10, 9))
    got = parse_chart(fetch(replay, url, params), "GS", after=date(2023, 10, 5))
    assert [d.date() for d in got.frame["date"]] == [date(2023, 10, 6), date(2023, 10, 9)]


def test_a_response_for_another_symbol_is_refused(cassette_body):
    resp = Response(
        "https://query2.finance.yahoo.com/v8/finance/chart/TSLA?x=1",
        200,
        cassette_body("/v8/finance/chart/GS"),
        RETRIEVED,
    )
    with pytest.raises(InputError, match="for GS, not TSLA") as e:
        parse_chart(resp, "TSLA")
    assert e.value.field == "meta.symbol" and e.value.path.startswith("https://query2")


def test_a_bad_bar_is_refused_with_the_url_its_position_and_field(cassette_body):
    body = cassette_body("/v8/finance/chart/GS").replace('"close":[318.5,', '"close":[-318.5,', 1)
    resp = Response("https://query2.finance.yahoo.com/v8/finance/chart/GS?p=1", 200, body, RETRIEVED)
    with pytest.raises(InputError) as e:
        parse_chart(resp, "GS")
    assert e.value.line == 1 and e.value.field == "close"


def test_a_session_still_trading_is_left_out(cassette_body):
    body = cassette_body("/v8/finance/chart/GS")
    # the answer as it would read at 12:00 New York time on 2023-10-09, mid-session
    body = body.replace('"regularMarketTime":1696881602', '"regularMarketTime":1696867200')
    body = body.replace(
        '"regular":{"timezone":"EDT","start":1696944600,"end":1696968000',
        '"regular":{"timezone":"EDT","start":1696858200,"end":1696881600',
    )
    got = parse_chart(
        Response("https://query2.finance.yahoo.com/v8/finance/chart/GS", 200, body, RETRIEVED), "GS"
    )
    assert got.frame["date"].max().date() == date(2023, 10, 6)
    assert any("still running" in s for s in got.skipped)


# ------------------------------------------------------------ retry, limits
def test_retry_with_backoff_then_offline_when_the_host_never_answers():
    waits = []

    class Flaky:
        def __init__(self):
            self.calls = 0

        def get(self, url, params=None):
            from evlens.sources.live.http import TransportError

            self.calls += 1
            raise TransportError("Connection reset by peer")

    t = Flaky()
    with pytest.raises(OfflineError, match=r"query2\.finance\.yahoo\.com"):
        fetch(
            t,
            "https://query2.finance.yahoo.com/v8/finance/chart/GS",
            retries=3,
            backoff=1.0,
            sleep=waits.append,
        )
    assert t.calls == 4 and waits == [1.0, 2.0, 4.0]


def test_a_429_is_tried_again_and_a_later_answer_is_used(replay):
    answers = [429, 503, 200]

    class Busy:
        def get(self, url, params=None):
            status = answers.pop(0)
            r = replay.get(url, params)
            return Response(r.url, status, r.text if status == 200 else "busy", r.retrieved_at)

    waits = []
    resp = fetch(Busy(), "https://query2.finance.yahoo.com/v8/finance/chart/GS", sleep=waits.append)
    assert resp.status == 200 and waits == [1.0, 2.0]


def test_rate_limiter_spaces_requests_to_one_host():
    now = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    lim = RateLimiter(min_interval=1.0, clock=lambda: now[0], sleep=sleep)
    lim.wait("a")
    now[0] += 0.25
    lim.wait("a")
    lim.wait("b")  # another host does not wait
    assert slept == [pytest.approx(0.75)]


# ---------------------------------------------------------- into the store
def test_update_stores_bars_with_their_document(store, replay):
    result = _update(store, replay)
    assert result.bars_added == 5 + 6 and result.documents_added == 2
    hk = store.prices("0700.HK")
    assert list(hk.index.date) == [date(2026, 8, d) for d in (3, 4, 5, 6, 7)]
    assert not hk["adjusted"].any()  # quoted closes; the adjusted ones stay in adj_close
    gs = store.prices("GS")
    assert gs["adj_close"].iloc[0] == pytest.approx(318.5)
    assert store.security("GS")["currency"] == "USD"  # a security the store did not know, with its currency

    docs = store.documents()
    docs = docs[docs["kind"] == "response"]
    assert len(docs) == 2
    for ticker, path in (("0700.HK", "/v8/finance/chart/0700.HK"), ("GS", "/v8/finance/chart/GS")):
        import_id = store.con.execute(
            "SELECT DISTINCT import_id FROM prices WHERE ticker = ?", [ticker]
        ).fetchall()
        assert len(import_id) == 1
        doc = store.document(import_id[0][0])
        assert doc["url"].startswith("https://query2.finance.yahoo.com" + path + "?period1=")
        assert doc["retrieved_at"] == RETRIEVED
        assert doc["text"] == replay.interactions[("query2.finance.yahoo.com", path)]["body"]


def test_a_second_update_asks_only_for_later_days_and_adds_nothing(store, replay):
    _update(store, replay)
    before = store.counts()
    again = ReplayTransport()
    result = _update(store, again)
    assert store.counts() == before and not result.changed
    asked = {url.rsplit("/", 1)[1]: params for url, params in again.requests}
    assert asked["0700.HK"]["period1"] == _epoch(date(2026, 8, 8))  # the day after the last stored bar
    assert asked["GS"]["period1"] == _epoch(date(2023, 10, 10))


def test_a_series_already_current_is_not_requested(store, replay):
    _update(store, replay, names=("0700.HK",))
    again = ReplayTransport()
    result = _update(store, again, names=("0700.HK",), today=date(2026, 8, 7))
    assert again.requests == [] and result.prices[0]["up_to_date"]


def test_an_error_mid_update_leaves_the_store_unchanged(store, replay, monkeypatch):
    before = store.counts()
    real = store_live._insert_prices
    calls = []

    def fail_second(st, pf):
        calls.append(pf.ticker)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(st, pf)

    monkeypatch.setattr(store_live, "_insert_prices", fail_second)
    with pytest.raises(RuntimeError, match="disk full"):
        _update(store, replay)
    assert calls == ["0700.HK", "GS"]  # the first ticker's bars had been written
    assert store.counts() == before


def test_a_currency_that_disagrees_with_the_store_is_refused_and_nothing_is_kept(store, cassette_body):
    body = cassette_body("/v8/finance/chart/0700.HK").replace('"currency":"HKD"', '"currency":"USD"')

    class Relabelled(ReplayTransport):
        def get(self, url, params=None):
            r = super().get(url, params)
            return Response(r.url, r.status, body, r.retrieved_at) if "0700.HK" in url else r

    before = store.counts()
    with pytest.raises(InputError, match="quoted in USD here but the store holds it in HKD"):
        _update(store, Relabelled(), names=("GS", "0700.HK"))
    assert store.counts() == before


def test_without_network_update_says_so_and_changes_nothing(store):
    before = store.counts()
    dead = DeadTransport()
    with pytest.raises(OfflineError) as e:
        _update(store, dead)
    assert str(e.value).startswith("no network: cannot reach query2.finance.yahoo.com")
    assert "\n" not in str(e.value)
    assert dead.requests == 1  # a name that does not resolve is not tried again
    assert store.counts() == before


def test_blocked_sockets_really_fail():
    import socket

    with pytest.raises(Exception, match="network"):
        socket.create_connection(("query2.finance.yahoo.com", 443))


def test_names_stand_for_listings(store):
    tickers, rankings = store_live.resolve_targets(store, ["nio", "01810", "HSTECH", "cpca"])
    assert tickers == ["9866.HK", "NIO", "1810.HK", "HSTECH"] and rankings
    tickers, rankings = store_live.resolve_targets(store, ["HK:9868"])
    assert tickers == ["9868.HK"] and not rankings


def test_yfinance_session_errors_become_answers_or_dead_links(monkeypatch):
    yf_data = pytest.importorskip("yfinance.data", reason="the live extra is not installed")
    from yfinance.exceptions import YFRateLimitError

    from evlens.sources.live.http import TransportError
    from evlens.sources.live.yahoo import YFinanceTransport

    class NoAnswer(Exception):
        response = type("R", (), {"status_code": 0, "text": ""})()  # curl's error with no HTTP answer

    outcomes = [YFRateLimitError(), NoAnswer("curl: (6) Could not resolve host: query2.finance.yahoo.com")]

    def get(self, url, params=None, timeout=30):
        raise outcomes.pop(0)

    monkeypatch.setattr(yf_data.YfData, "get", get)
    t = YFinanceTransport()
    assert t.get("https://query2.finance.yahoo.com/v8/finance/chart/GS").status == 429
    with pytest.raises(TransportError) as e:
        t.get("https://query2.finance.yahoo.com/v8/finance/chart/GS")
    assert e.value.unresolved


def test_forget_removes_one_fetch_with_its_bars(store, replay):
    _update(store, replay)
    doc_id = store.con.execute("SELECT DISTINCT import_id FROM prices WHERE ticker = 'GS'").fetchall()[0][0]
    plan = store.forget(doc_id)
    assert plan["kind"] == "import" and plan["removes"]["prices"] == 6 and plan["removes"]["documents"] == 1
    assert store.prices("GS").empty and len(store.prices("0700.HK")) == 5
