"""The issue's done-when checks on the demo database, and the figures of the reference
article and of ``market_reference_facts.csv``, within the tolerances SOURCES.md explains:

* year-end rows in the Yahoo files are often zero-volume half-day rows whose close is
  unreliable (SOURCES.md §1.2 item 1): about 1.5 percentage points;
* dividend payers' files are dividend-adjusted, so their returns are total returns and
  differ from the article's price returns by 1 to 3 points (§1.2 item 2).
"""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from evlens.cli import build_app
from evlens.errors import EvlensError
from evlens.market import marketcap, peers, returns, risk

SIX = ["1810.HK", "0700.HK", "3690.HK", "9988.HK", "9618.HK", "9999.HK"]
ADJUSTED = {"0700.HK", "9988.HK", "9618.HK", "9999.HK"}  # dividend payers (SOURCES.md §1)
# 2024 returns in the 2025-02-08 article (percent)
ARTICLE_2024 = {"1810.HK": 121, "0700.HK": 44, "3690.HK": 85, "9988.HK": 11, "9618.HK": 24, "9999.HK": 1}


@pytest.fixture(scope="module")
def cli_json(demo_db_path):
    runner = CliRunner()
    app = build_app()

    def run(*args):
        res = runner.invoke(app, ["--db", str(demo_db_path), *args, "--json"])
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            raise res.exception
        assert res.exit_code == 0, res.output
        return json.loads(res.stdout)

    return run


def test_done_when_returns_2024(cli_json):
    out = cli_json("returns", *SIX, "--year", "2024", "--benchmark", "HSI")
    rows = {r["ticker"]: r for r in out["rows"]}
    assert set(rows) == set(SIX)
    assert 120.0 <= rows["1810.HK"]["return_pct"] <= 123.0
    assert out["benchmark"]["return_pct"] == pytest.approx(17.7, abs=0.1)
    assert rows["1810.HK"]["benchmark_return_pct"] == pytest.approx(17.7, abs=0.1)
    for t, r in rows.items():
        assert r["adjusted"] is (t in ADJUSTED), t
        assert r["excess_pct"] == pytest.approx(r["return_pct"] - r["benchmark_return_pct"])
        # every one of these files closes 2024 on a zero-volume half-day row (SOURCES.md §1.2)
        assert r["suspect_rows"] == ["2024-12-31"], t
        assert (r["start"], r["end"]) == ("2023-12-29", "2024-12-31")
    assert sorted(r["rank"] for r in rows.values()) == [1, 2, 3, 4, 5, 6]
    assert rows["1810.HK"]["rank"] == 1


def test_done_when_marketcap_trillion(cli_json):
    out = cli_json("marketcap", "1810.HK", "--threshold", "1e12")
    assert out["first_date"] == "2025-02-06"
    assert out["close"] == pytest.approx(40.55, abs=0.005)
    assert out["shares"] > 2.4e10 and out["shares_as_of"] and out["basis"]
    assert out["shares_source_url"].startswith("http")
    assert out["currency"] == "HKD"
    # the article: "1.02 trillion", stored as a fact and shown beside the computed value
    assert out["market_cap"] / 1e12 == pytest.approx(1.02, abs=0.005)
    assert out["reported"]["value"] == pytest.approx(1.02e12) and out["reported"]["fact_id"]


def test_marketcap_refuses_adjusted_closes(demo_db_path):
    res = CliRunner().invoke(build_app(), ["--db", str(demo_db_path), "marketcap", "0700.HK", "--json"])
    assert isinstance(res.exception, EvlensError) and "dividend-adjusted" in str(res.exception)


def test_returns_match_the_article_within_stated_tolerances(demo_store):
    t = returns(demo_store, SIX, year=2024)
    for ticker, claimed in ARTICLE_2024.items():
        tol = 3.5 if ticker in ADJUSTED else 1.5
        assert t.row(ticker).return_pct == pytest.approx(claimed, abs=tol), ticker
    # Tencent and Meituan, named in the issue: +44 % and +85 %
    assert round(t.row("0700.HK").return_pct) == 44
    assert abs(t.row("3690.HK").return_pct - 85) <= 1.5


def test_returns_match_the_raw_files(demo_store, shared_data, yahoo_closes):
    """The close ratio read straight from each CSV with pandas, not through the store."""
    t = returns(demo_store, SIX + ["HSI"], year=2024)
    for ticker in SIX + ["HSI"]:
        closes = yahoo_closes(shared_data / f"prices_{ticker}.csv")
        expected = (closes.loc["2024-12-31"] / closes.loc["2023-12-29"] - 1) * 100
        assert t.row(ticker).return_pct == pytest.approx(expected, rel=1e-9), ticker


def test_hstech_2024_agrees_with_the_stored_fact(demo_store):
    # The bundled HSTECH closes cover 2024: the return is measured on them, and the stored
    # official figure (+18.7 %, https://longportapp.com/news/223776933) is shown as its check.
    t = returns(demo_store, ["1810.HK"], year=2024, benchmark="HSTECH")
    b = t.benchmark
    assert b.return_kind == "price" and b.return_pct == pytest.approx(18.7, abs=0.05)
    assert b.official_return_pct == pytest.approx(18.7)
    assert "stored official figure +18.70 %" in b.note
    # the article: Xiaomi +121 % "far above" HSTECH's +18.7 %
    assert t.row("1810.HK").excess_pct == pytest.approx(121 - 18.7, abs=1.5)


def test_reference_facts_csv(demo_store, shared_data):
    with open(shared_data / "market_reference_facts.csv", encoding="utf-8") as fh:
        facts = list(csv.DictReader(fh))
    checked = 0
    for f in facts:
        subject, kind, when, value = f["subject"], f["fact"], f["period_or_date"], float(f["value"])
        if kind in ("index_return", "stock_return"):
            row = returns(demo_store, [subject], year=int(when)).rows[0]
            # 1810.HK 2025: both year-end rows are suspect half-day rows (SOURCES.md §4): 1.5 points
            assert row.return_pct == pytest.approx(value, abs=1.5 if row.suspect_rows else 0.1), (
                subject,
                when,
            )
            checked += 1
        elif kind == "stock_close" and subject == "1810.HK":
            mc = marketcap(demo_store, "1810.HK", on=when)
            assert mc.date.isoformat() == when and mc.close == pytest.approx(value, abs=0.025), when
            checked += 1
    assert checked >= 9


def test_official_figure_shown_beside_a_computed_return(demo_store):
    # Xiaomi 2025: the file gives +13.1 % (both year-end rows suspect), HK01 reported +13.9 %
    r = returns(demo_store, ["1810.HK"], year=2025).rows[0]
    assert r.return_kind == "price" and r.return_pct == pytest.approx(39.20 / 34.65 * 100 - 100, abs=0.01)
    assert r.official_return_pct == pytest.approx(13.9) and "13.90" in r.note
    assert [d.isoformat() for d in r.suspect_rows] == ["2024-12-31", "2025-12-31"]


def test_market_values_quoted_in_the_news(demo_store):
    # 2025-01-24: close 36.85, "market cap HK$925.09bn"; 2025-02-07: close 42.45, "HK$1,065.8bn"
    assert marketcap(demo_store, "1810.HK", on="2025-01-24").market_cap / 1e9 == pytest.approx(
        925.09, rel=1e-4
    )
    assert marketcap(demo_store, "1810.HK", on="2025-02-07").market_cap / 1e9 == pytest.approx(
        1065.8, rel=1e-3
    )


def test_risk_and_peers_on_the_demo(demo_store, cli_json):
    rep = cli_json("risk", "1810.HK", "--benchmark", "HSI", "--year", "2024")
    assert rep["excluded_suspect"] and "2024-12-31" in rep["excluded_suspect"]
    assert 0 < rep["annual_volatility_pct"] < 100 and rep["beta"] > 0
    assert rep["max_drawdown"]["trough"] > rep["max_drawdown"]["peak"]
    t = peers(demo_store, "1810.HK", benchmark="HSTECH", peers=SIX[1:], year=2024)
    assert t.rows[0].ticker == "1810.HK" and t.subject_rank == 1
    peer_returns = [r.return_pct for r in t.rows if r.role == "peer"]
    assert t.peer_average_pct == pytest.approx(sum(peer_returns) / len(peer_returns))
    # HSTECH closes cover 2024: a beta over 2024 against it
    assert t.rows[0].beta is not None and t.rows[0].beta > 0
    tsla = risk(demo_store, "TSLA", benchmark="HSI", year=2025)
    assert tsla.currency == "USD" and tsla.benchmark_covers_window
