"""Price importers against the real files in ../shared/data, checked against the files'
own text read independently with the csv module."""

import csv
from datetime import date

import pytest

SUSPECT_1810_SINCE_2023 = {  # data/SOURCES.md §1.2, dates of zero-volume flat rows
    "2024-01-15",
    "2024-02-09",
    "2024-12-24",
    "2024-12-31",
    "2025-01-28",
    "2025-12-24",
    "2025-12-31",
    "2026-02-16",
}


def _raw_rows(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def test_hstech_investing_export(store, shared_data):
    path = shared_data / "prices_HSTECH.csv"
    rows = _raw_rows(path, "utf-8-sig")
    header, body = rows[0], [r for r in rows[1:] if r]
    assert header[:2] == ["日期", "收盘"]
    [r] = store.load_prices([path])
    assert r.format == "investing"
    assert r.rows == len(body)  # every data row of the file, no more, no less
    assert (r.first_date, r.last_date) == (date(2015, 1, 2), date(2024, 11, 13))
    newest = body[0]  # the export is newest first
    assert newest[0] == "2024-11-13"
    assert r.last_close == float(newest[1].replace(",", ""))
    df = store.prices("HSTECH")
    assert df.index.is_monotonic_increasing
    # a date written without zero padding, and a volume with a B suffix
    by_date = {row[0]: row for row in body}
    assert df.loc["2024-01-03", "close"] == float(by_date["2024-1-3"][1].replace(",", ""))
    vol = by_date["2024-11-12"][5]
    assert vol.endswith("B") and df.loc["2024-11-12", "volume"] == pytest.approx(float(vol[:-1]) * 1e9)
    assert df.loc["2015-01-02", "volume"] != df.loc["2015-01-02", "volume"]  # blank volume is NaN


def test_hsi_three_line_header(store, shared_data):
    path = shared_data / "prices_HSI.csv"
    rows = _raw_rows(path)
    [r] = store.load_prices([path])
    assert r.format == "yfinance-multiheader" and r.tickers == ("HSI",)
    assert r.rows == len(rows) - 3
    df = store.prices("^HSI")
    assert df.loc[rows[3][0], "close"] == float(rows[3][1])
    assert df.loc["2024-12-31", "close"] / df.loc["2023-12-29", "close"] - 1 == pytest.approx(
        0.1767, abs=5e-4
    )
    assert not df["suspect"].any()  # SOURCES.md: HSI has no flat rows


def test_xiaomi_suspect_rows_match_the_data_notes(store, shared_data):
    [r] = store.load_prices([shared_data / "prices_1810.HK.csv"])
    assert r.adjusted is False  # Xiaomi pays no dividend: auto-adjusted closes are quoted prices
    found = {d.isoformat() for d in r.suspect_rows if d >= date(2023, 1, 1)}
    assert found == SUSPECT_1810_SINCE_2023
    df = store.prices("01810")
    assert df.loc["2025-02-06", "close"] == pytest.approx(40.55)
    assert df.loc["2024-12-31", "suspect_reason"].startswith("zero-volume flat row")


def test_dividend_payers_are_marked_adjusted(store, shared_data):
    results = store.load_prices(
        [shared_data / f"prices_{t}.csv" for t in ("0700.HK", "3690.HK", "9988.HK", "TSLA")]
    )
    adjusted = {r.tickers[0]: r.adjusted for r in results}
    assert adjusted == {"0700.HK": True, "3690.HK": False, "9988.HK": True, "TSLA": False}
    assert store.prices("HK:700")["adjusted"].all()


def test_explicit_flag_overrides_the_default(store, shared_data):
    [r] = store.load_prices([shared_data / "prices_3690.HK.csv"], adjusted=True)
    assert r.adjusted is True


def test_plain_csv_with_ticker_column_and_parquet(store, tmp_path):
    import pandas as pd

    df = pd.DataFrame(
        {
            "Ticker": ["01810", "1810", "TSLA"],
            "Date": ["2024-01-02", "2024-01-03", "2024-01-02"],
            "Close": [12.5, 12.7, 248.4],
            "Volume": [1e6, 2e6, 3e6],
        }
    )
    csv_path = tmp_path / "mixed.csv"
    df.to_csv(csv_path, index=False)
    [r] = store.load_prices([csv_path])
    assert r.format == "plain" and r.tickers == ("1810.HK", "TSLA")
    assert list(store.prices("1810.HK")["close"]) == [12.5, 12.7]
    pq = tmp_path / "tsla.parquet"
    pd.DataFrame({"date": pd.to_datetime(["2024-01-03"]), "close": [238.45]}).to_parquet(pq)
    [r] = store.load_prices([pq], ticker="TSLA")
    assert r.format == "parquet" and r.added == 1
    assert store.prices("TSLA").loc["2024-01-03", "close"] == 238.45


def test_conflicting_bars_are_refused_unless_replaced(store, tmp_path):
    from evlens.errors import ConflictError

    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("date,close\n2024-01-02,10\n2024-01-03,11\n")
    b.write_text("date,close\n2024-01-03,11.5\n2024-01-04,12\n")
    store.load_prices([a], ticker="TSLA")
    with pytest.raises(ConflictError, match=r"line 2, field 'close'.*2024-01-03"):
        store.load_prices([b], ticker="TSLA")
    assert len(store.prices("TSLA")) == 2
    store.load_prices([b], ticker="TSLA", replace=True)
    assert list(store.prices("TSLA")["close"]) == [10, 11.5, 12]
