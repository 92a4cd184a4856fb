"""`evlens report` for every maker of the universe, in both languages, with its own
benchmark and peers; and the universe data itself, complete and consistent."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from evlens.cli import build_app
from evlens.errors import NotFoundError
from evlens.gazetteer import index_ticker, load_gazetteer, load_universe, maker, models_of, reported_metric
from evlens.tickers import normalize_ticker

MAKERS = ("xiaomi", "byd", "li-auto", "nio", "xpeng", "leapmotor", "zeekr", "tesla")
ENTITIES = {e.id: e for e in load_gazetteer()}
SECURITIES = {s.ticker: s for e in ENTITIES.values() for s in e.securities}
US_EXCHANGES = {"XNYS", "XNAS"}


@pytest.fixture(scope="module")
def report(demo_db_path, tmp_path_factory):
    runner, app = CliRunner(), build_app()
    out = tmp_path_factory.mktemp("makers")
    done: dict[tuple, dict] = {}

    def run(entity: str, lang: str = "en", *extra: str) -> dict:
        key = (entity, lang, extra)
        if key not in done:
            html = out / f"{entity}-{lang}.html"
            res = runner.invoke(
                app,
                [
                    "--db",
                    str(demo_db_path),
                    "report",
                    entity,
                    "--lang",
                    lang,
                    "--out",
                    str(html),
                    "--paths",
                    "200",
                    "--json",
                    *extra,
                ],
            )
            if res.exception is not None and not isinstance(res.exception, SystemExit):
                raise res.exception
            assert res.exit_code == 0, res.output
            done[key] = {**json.loads(res.stdout), "html": html.read_text(encoding="utf-8")}
        return done[key]

    return run


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("entity", MAKERS)
def test_report_exits_0_for_every_maker(report, entity, lang):
    data = report(entity, lang)
    assert data["lang"] == lang
    html = data["html"]
    assert ('lang="zh-CN"' in html) == (lang == "zh")
    # every part that is missing is said in one line, never as a traceback or a bare dash
    for note in data["notes"]:
        assert "\n" not in note and "Traceback" not in note


def test_tesla_is_benchmarked_against_a_us_index(report):
    ret = report("tesla")["headline"]["return"]
    bench = ret["benchmark"]["ticker"]
    assert SECURITIES[bench].exchange in US_EXCHANGES and ENTITIES[SECURITIES[bench].entity].kind == "index"
    assert bench == "NDX"
    # Nasdaq-100 closes 16,825.93 (2023-12-29) and 21,012.17 (2024-12-31), as published:
    # 21012.17 / 16825.93 - 1 = +24.88 %
    assert ret["benchmark"]["return_pct"] == pytest.approx(21012.17 / 16825.93 * 100 - 100, abs=0.01)
    # Tesla 2024: 248.48 -> 403.84 USD (its published closes) is +62.52 %
    assert ret["subject"]["return_pct"] == pytest.approx(403.84 / 248.48 * 100 - 100, abs=0.01)


def test_a_benchmark_typed_by_the_user_is_kept(report):
    assert report("tesla", "en", "--benchmark", "HSI")["headline"]["return"]["benchmark"]["ticker"] == "HSI"


def test_hong_kong_makers_keep_the_hang_seng_tech_index(report):
    # Xiaomi 2024: +122.1 % against HSTECH's official +18.7 %, as before the universe
    ret = report("xiaomi")["headline"]["return"]
    assert ret["benchmark"]["ticker"] == "HSTECH" and ret["subject"]["return_pct"] == pytest.approx(
        122.1, abs=0.05
    )


def test_nio_is_reported_through_its_hong_kong_line(report):
    data = report("蔚来")
    assert data["headline"]["ticker"] == "9866.HK"
    assert not any("no security trades" in n for n in data["notes"])


def test_a_maker_with_no_prices_gets_one_line(report):
    data = report("zeekr")
    market = [n for n in data["notes"] if n.startswith("market:")]
    assert market == [
        "market: no closes of ZK are stored: no market value, return, peer table or price chart "
        "(load them with `evlens load prices FILE`)"
    ]
    assert "return" not in data["headline"] and "market_value" not in data["headline"]
    zh = report("zeekr", "zh")["html"]
    assert "数据库中没有 ZK 的收盘价" in zh


def test_a_private_company_has_no_market_value_and_says_so(report):
    data = report("hima")
    assert data["headline"]["ticker"] is None
    assert (
        "market: HIMA is not listed: it has no market value, share price, return or peer table"
        in data["notes"]
    )
    assert "HIMA (not listed)" in data["html"]


def test_peers_whose_closes_stop_before_the_window_get_a_note(demo_store):
    # The bundled closes stop in 2026 (BYD, Geely and Leapmotor on 2026-04-16, Tencent on
    # 2026-03-26, the others on 2026-08-21; SOURCES.md), so over 2026 no peer has a return:
    # each row says so. Over 2025 every peer has one.
    from evlens.report import render_html
    from evlens.views import ReportOptions, build_report

    data = build_report(demo_store, "xiaomi", ReportOptions(year=2026, paths=100)).to_dict()
    missing = [r for r in data["peers"]["rows"] if r["return_pct"] is None and r["role"] == "peer"]
    assert {"1211.HK", "2015.HK", "9868.HK"} <= {r["ticker"] for r in missing}
    for r in missing:
        assert r["note"].startswith(f"closes of {r['ticker']} stop on 2026-"), r["note"]
        assert ", before the window ends on 2026-12-31" in r["note"]
    html = render_html(data, "en")
    assert "closes of 1211.HK stop on 2026-04-16" in html
    assert any(n.startswith("peers: no return in 2026 for ") for n in data["notes"])

    data = build_report(demo_store, "xiaomi", ReportOptions(year=2025, paths=100)).to_dict()
    peers_2025 = [r for r in data["peers"]["rows"] if r["role"] == "peer"]
    assert {"1211.HK", "2015.HK", "9868.HK", "9863.HK", "0175.HK"} <= {r["ticker"] for r in peers_2025}
    assert all(r["return_pct"] is not None for r in peers_2025)
    assert not any(n.startswith("peers: no return in 2025 for ") for n in data["notes"])


def test_byd_nev_sales_are_shown_as_deliveries_labelled(report):
    data = report("byd")
    assert "NEV sales, shown as deliveries" in data["html"]
    assert "新能源汽车销量（作为交付量）" in report("byd", "zh")["html"]


def test_reported_metric_states_the_harmonisation():
    byd = reported_metric("byd")
    assert (byd.metric, byd.shown_as, byd.harmonised) == ("sales", "deliveries", True)
    tesla = reported_metric("tesla")
    assert (tesla.metric, tesla.shown_as, tesla.harmonised) == ("wholesale", "wholesale", False)
    assert "CPCA" in tesla.label_en
    assert reported_metric("aito-m9") == reported_metric("seres")  # a model rolls up into its maker
    assert reported_metric("onvo").maker == "nio"
    with pytest.raises(NotFoundError):
        reported_metric("tencent")


def test_the_universe_is_complete_and_consistent():
    universe = {m.id: m for m in load_universe()}
    assert {
        "xiaomi",
        "byd",
        "geely",
        "zeekr",
        "li-auto",
        "nio",
        "xpeng",
        "leapmotor",
        "seres",
        "tesla",
    } <= set(universe)
    assert {"zeekr", "lynk-co"} <= set(universe["geely"].brands) and {"onvo", "firefly"} <= set(
        universe["nio"].brands
    )
    assert "aito" in universe["seres"].brands
    for m in universe.values():
        assert m.group in ENTITIES, (m.id, m.group)
        assert models_of(m.id), f"{m.id} has no models"
        for b in m.brands:
            assert ENTITIES[b].parent == m.id, (m.id, b)
        assert m.reports.metric in ("deliveries", "sales", "wholesale", "retail_sales")
        assert m.reports.label_en and m.reports.label_zh and m.reports.rule
        for p in m.peers:
            assert p in ENTITIES and p != m.id, (m.id, p)
        assert m.listings or m.listed_through, m.id
        for x in m.listings:
            assert x.currency in ("HKD", "USD", "CNY"), (m.id, x)
            assert x.benchmarks, (m.id, x.line)
            for b in x.benchmarks:
                assert ENTITIES[b].kind == "index" and index_ticker(b), (m.id, b)
            if ":" in x.line:  # a mainland line kept as data
                assert x.line in ENTITIES[m.id].listings
                assert normalize_ticker(x.line).endswith({"XSHG": ".SS", "XSHE": ".SZ"}[x.exchange])
            else:  # a traded line: a security of the maker or of the entity it trades through
                sec = SECURITIES[x.line]
                assert sec.entity in (m.id, m.listed_through), (m.id, x.line)
                assert (sec.currency, sec.exchange) == (x.currency, x.exchange), (m.id, x.line)


@pytest.mark.parametrize(
    "exchange,benchmarks",
    [
        ("XHKG", {"hsi", "hstech"}),
        ("XNYS", {"sp500", "ndx"}),
        ("XNAS", {"sp500", "ndx"}),
        ("XSHG", {"csi300"}),
        ("XSHE", {"csi300"}),
    ],
)
def test_benchmarks_follow_the_exchange(exchange, benchmarks):
    for m in load_universe():
        for x in m.listings:
            if x.exchange == exchange:
                assert set(x.benchmarks) == benchmarks, (m.id, x.line)


def test_tesla_trades_in_new_york_only():
    assert [x.line for x in maker("tesla").listings] == ["TSLA"]


def test_leapmotor_close_matches_the_press(demo_store):
    # CnEVPost, 2024-08-26: "Leapmotor fell 3.74 percent to HK$19.54 ... by the close"
    p = demo_store.prices("9863.HK")
    assert p.loc["2024-08-26", "close"] == pytest.approx(19.54)
    # CNBC (S&P 500, 2024-12-31) and finanzen.net (Nasdaq-100, 2025-11-21) closes
    assert demo_store.prices("^GSPC").loc["2024-12-31", "close"] == pytest.approx(5881.63, abs=0.01)
    assert demo_store.prices("NDX").loc["2025-11-21", "close"] == pytest.approx(24239.57, abs=0.01)
