"""Market value as a daily series over the share-count ledger: values recomputed by hand
from filings, the March 2025 placing on its completion date, the ledger reconciled
against its filed totals, and bad ledger rows refused with file, line and field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import evlens
from evlens.cli import build_app, main
from evlens.errors import InputError, NotFoundError
from evlens.market.marketcap import (
    ledger_entries,
    marketcap_series,
    reconcile,
    share_table,
)

LEDGER = Path(evlens.__file__).parent / "data" / "demo" / "shares" / "1810.HK.csv"

# Filed and announced counts, typed from the documents (not read from the ledger file):
# HKEX monthly return for November 2024, class A 4,517,510,134 + class B 20,450,006,878
# https://moomoo.com/news/notice/302490684/monthly-return-of-equity-issuer-on-movements-in-securities-for
NOV_2024_RETURN = 4_517_510_134 + 20_450_006_878
# Completion of the March 2025 placing and top-up subscription: issued shares went from
# 25,116,213,416 to 25,916,213,416; completed 27 March 2025
# https://worldofsoftware.org/?p=608403
BEFORE_PLACING, AFTER_PLACING = 25_116_213_416, 25_916_213_416
# Next day disclosure return: total issued shares as of 3 February 2026, 26,144,261,716
# https://ttm.financial/m/news/1173247166
FEB_3_2026 = 26_144_261_716
# Next day disclosure return: 26,050,601,078 issued on 2 February 2026, then 9,500 +
# 41,351,464 + 52,299,674 shares allotted under share schemes on 3 February 2026
# https://ttm.financial/m/news/1152493487
FEB_2_2026, FEB_3_ALLOTTED = 26_050_601_078, 9_500 + 41_351_464 + 52_299_674


@pytest.fixture(scope="module")
def raw_closes(shared_data) -> pd.Series:
    """Closes of Xiaomi straight from the shared yfinance export, read with pandas."""
    df = pd.read_csv(shared_data / "prices_1810.HK.csv", index_col="Date", parse_dates=True)
    return df["Close"].astype(float)


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory, shared_data) -> Path:
    """A database holding the shared Xiaomi prices and the bundled share-count ledger."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.duckdb"
    with evlens.open(path) as s:
        s.load_prices([shared_data / "prices_1810.HK.csv"], ticker="1810.HK", adjusted=False)
        s.load_shares([LEDGER])
        s.load_prices([shared_data / "prices_1211.HK.csv"], ticker="1211.HK", adjusted=False)
    return path


@pytest.fixture(scope="module")
def h1_2025(ledger_db):
    with evlens.open(ledger_db, read_only=True) as s:
        return marketcap_series(s, "1810.HK", "2025-01-01", "2025-06-30")


def _day(series, iso):
    [d] = [d for d in series.days if d.date.isoformat() == iso]
    return d


def test_a_day_recomputed_by_hand_from_a_filing(ledger_db, raw_closes):
    with evlens.open(ledger_db, read_only=True) as s:
        feb = marketcap_series(s, "1810.HK", "2026-02-02", "2026-02-06")
        dec = marketcap_series(s, "1810.HK", "2024-12-02", "2024-12-02")
    # 3 February 2026: close × the total filed in the next day disclosure return
    d = _day(feb, "2026-02-03")
    assert d.market_cap == pytest.approx(raw_closes["2026-02-03"] * FEB_3_2026, rel=1e-9)
    assert round(d.market_cap / 1e9, 1) == round(34.60 * 26.144261716, 1) == 904.6  # HK$904.6 bn
    assert (d.shares, d.basis, d.source_url) == (
        FEB_3_2026,
        "filed",
        "https://ttm.financial/m/news/1173247166",
    )
    # 2 December 2024: the November 2024 monthly return is the count in force
    d = _day(dec, "2024-12-02")
    assert d.market_cap == pytest.approx(raw_closes["2024-12-02"] * NOV_2024_RETURN, rel=1e-9)
    assert d.shares_as_of == date(2024, 11, 30) and d.basis == "filed"


def test_the_placing_steps_in_on_its_completion_date(h1_2025, raw_closes):
    before, on = _day(h1_2025, "2025-03-26"), _day(h1_2025, "2025-03-27")
    assert before.shares < BEFORE_PLACING  # the day before: the last count of February
    assert on.shares == AFTER_PLACING and on.basis == "derived" and on.event == "placing"
    assert on.market_cap == pytest.approx(raw_closes["2025-03-27"] * AFTER_PLACING, rel=1e-9)
    placing = [e for e in on.entries if e.event == "placing"]
    assert len(placing) == 1 and placing[0].change == 800_000_000
    assert (
        placing[0].source_url == "https://worldofsoftware.org/?p=608403" and "placing" in placing[0].document
    )
    # the count stays until the next ledger entry (the June 2025 mandate)
    assert _day(h1_2025, "2025-06-04").shares == AFTER_PLACING
    # about 3 % more than the count used before the ledger had the placing
    assert on.shares / 25_107_000_000 - 1 == pytest.approx(0.0322, abs=0.0005)
    # each change of the count in the window names the document behind it
    changes = h1_2025.share_changes
    assert [d.date.isoformat() for d in changes] == ["2025-01-24", "2025-02-07", "2025-03-27", "2025-06-05"]
    assert all(d.entries and all(e.source_url and e.document for e in d.entries) for d in changes)


def test_daily_change_splits_into_price_and_shares(h1_2025, raw_closes):
    on = _day(h1_2025, "2025-03-27")
    prev = _day(h1_2025, "2025-03-26")
    price_effect = (raw_closes["2025-03-27"] - raw_closes["2025-03-26"]) * prev.shares
    shares_effect = raw_closes["2025-03-27"] * (AFTER_PLACING - prev.shares)
    assert on.change == pytest.approx(price_effect + shares_effect, rel=1e-9)
    top = h1_2025.moves[0]
    assert top.change == pytest.approx(top.price_effect + top.shares_effect, abs=1.0)
    # 7 April 2025, the tariff sell-off: 45.90 on 3 April to 36.45 (-20.6 %), no share change
    assert top.date == date(2025, 4, 7) and top.change_pct == pytest.approx(
        (raw_closes["2025-04-07"] / raw_closes["2025-04-03"] - 1) * 100, abs=1e-9
    )
    assert top.shares_effect == 0 and round(top.change_pct, 1) == -20.6


def test_milestones_and_the_high(h1_2025, raw_closes):
    trillion = [m for m in h1_2025.milestones if m.threshold == 1e12]
    # the article: Xiaomi passed HK$1 trillion on 6 February 2025 (40.55 × 25.104 bn implied)
    assert trillion and trillion[0].date == date(2025, 2, 6) and trillion[0].first_ever
    assert trillion[0].market_cap == pytest.approx(raw_closes["2025-02-06"] * 25_104_000_000, rel=1e-9)
    ath = h1_2025.all_time_high
    window = raw_closes["2024-11-30":"2025-06-30"]
    assert ath.market_cap == max(d.market_cap for d in h1_2025.days)
    assert ath.date == date(2025, 6, 30) and ath.close == pytest.approx(window.loc["2025-06-30"])


def test_the_ledger_is_reconciled_against_filed_totals(h1_2025):
    checks = {c.as_of.isoformat(): c for c in h1_2025.reconciliation.checks}
    # December 2024 to March 2025: issues the ledger does not itemise
    assert checks["2025-03-27"].gap == BEFORE_PLACING - NOV_2024_RETURN == 148_696_404
    # 2 February 2026 + the allotments of 3 February = the total filed for 3 February: no gap
    assert FEB_2_2026 + FEB_3_ALLOTTED == FEB_3_2026
    assert checks["2026-02-03"].gap == 0 and checks["2026-02-03"].expected == FEB_3_2026
    assert {g.as_of.isoformat() for g in h1_2025.reconciliation.gaps} >= {"2025-03-27"}
    assert "2026-02-03" not in {g.as_of.isoformat() for g in h1_2025.reconciliation.gaps}


def test_a_gap_between_ledger_and_filing_is_reported():
    t = share_table(
        pd.DataFrame(
            [
                {"as_of": "2025-01-31", "shares": 1_000, "basis": "filed:monthly_return", "line": 2},
                {"as_of": "2025-02-10", "shares": 1_100, "basis": "event:filed:placing", "line": 3},
                {"as_of": "2025-02-15", "shares": 999, "basis": "implied:news_market_cap", "line": 4},
                {"as_of": "2025-02-28", "shares": 1_150, "basis": "filed:monthly_return", "line": 5},
                {
                    "as_of": "2025-03-05",
                    "shares": 1_140,
                    "basis": "event:filed:buyback_cancellation",
                    "line": 6,
                },
                {"as_of": "2025-03-31", "shares": 1_140, "basis": "filed:monthly_return", "line": 7},
            ]
        ),
        "X",
    )
    ledger = ledger_entries(t)
    assert [e.change for e in ledger if e.kind == "event"] == [100, -10]
    r = reconcile("X", ledger)
    # February: 1,000 + 100 expected, 1,150 filed: 50 shares the ledger does not explain;
    # the implied 999 moves nothing
    assert [(c.as_of.isoformat(), c.expected, c.gap) for c in r.checks] == [
        ("2025-02-28", 1_100, 50),
        ("2025-03-31", 1_140, 0),
    ]
    assert [g.as_of for g in r.gaps] == [date(2025, 2, 28)]
    assert "1 with a gap" in r.summary() and r.to_dict()["largest_gap"] == 50


GOOD_HEAD = "date,event,change,total_issued_shares,basis,document,source_url\n"
GOOD_FIRST = "2025-01-31,monthly_return,,1000000,filed,Monthly return,https://example.org/a\n"


@pytest.mark.parametrize(
    "rows, line, field, words",
    [
        ("2025-02-10,placing,100,1000100,filed,Ann,\n", 3, "change", "either a change or a total"),
        ("2025-02-10,placing,,,filed,Ann,\n", 3, "change", "a change or a total"),
        ("2025-02-10,placing,1o0,,filed,Ann,\n", 3, "change", "as a number"),
        ("2025-02-10,placing,100.5,,filed,Ann,\n", 3, "change", "whole number"),
        ("2025-02-10,placing,100,,rumour,Ann,\n", 3, "basis", "basis must be one of"),
        ("2025-02-10,,100,,filed,Ann,\n", 3, "event", "missing value"),
        ("2025-02-10,Big Placing,100,,filed,Ann,\n", 3, "event", "slug"),
        ("2025-02-10,placing,0,,filed,Ann,\n", 3, "change", "moves nothing"),
        ("2025-02-10,placing,-2000000,,filed,Ann,\n", 3, "change", "would fall"),
        ("2025-02-10,news,,1000,implied,Quote,\n2025-02-11,news,5,,implied,Quote,\n", 4, "basis", "implied"),
        (
            "2025-02-10,placing,100,,filed,Ann,\n2025-02-10,placing,200,,filed,Ann,\n",
            4,
            "date",
            "lines 3 and 4",
        ),
    ],
)
def test_bad_ledger_rows_are_refused_naming_line_and_field(store, tmp_path, rows, line, field, words):
    p = tmp_path / "1810_shares.csv"
    p.write_text(GOOD_HEAD + GOOD_FIRST + rows)
    with pytest.raises(InputError) as e:
        store.load_shares([p], ticker="1810.HK")
    assert (e.value.line, e.value.field) == (line, field) and words in str(e.value)
    assert str(p) in str(e.value)
    assert store.shares("1810.HK").empty  # one transaction: nothing stored


def test_a_change_needs_a_total_before_it(store, tmp_path):
    p = tmp_path / "1810_shares.csv"
    p.write_text(GOOD_HEAD + "2025-01-10,placing,100,,filed,Ann,\n" + GOOD_FIRST)
    with pytest.raises(InputError, match="total dated on or before it") as e:
        store.load_shares([p], ticker="1810.HK")
    assert (e.value.line, e.value.field) == (2, "change")


def test_cli_series_json_and_a_ticker_without_counts(ledger_db, capsys):
    runner, app = CliRunner(), build_app()
    res = runner.invoke(
        app,
        [
            "--db",
            str(ledger_db),
            "marketcap",
            "1810.HK",
            "--series",
            "--from",
            "2025-01-01",
            "--to",
            "2025-06-30",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    day = {d["date"]: d for d in out["days"]}
    assert day["2025-03-27"]["shares"] == AFTER_PLACING and day["2025-03-26"]["shares"] != AFTER_PLACING
    changed = {d["date"]: d for d in out["share_changes"]}
    assert changed["2025-03-27"]["entries"][-1]["change"] == 800_000_000
    assert all(e["source_url"] for d in out["share_changes"] for e in d["entries"])
    # BYD's closes are stored but no share count: one line, exit status 2
    with pytest.raises(SystemExit) as e:
        main(["--db", str(ledger_db), "marketcap", "1211.HK", "--series"])
    err = capsys.readouterr().err.strip()
    assert e.value.code == 2 and err.startswith("error:") and "\n" not in err
    assert "no share counts stored for 1211.HK" in err


def test_a_window_before_the_first_count_says_so(ledger_db):
    with (
        evlens.open(ledger_db, read_only=True) as s,
        pytest.raises(NotFoundError, match="first is as of 2024-11-30"),
    ):
        marketcap_series(s, "1810.HK", end="2024-06-28")
