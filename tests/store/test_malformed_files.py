"""Malformed files, one table of them, fed to every importer: each is refused with an error
naming the file (and the line and field where there is one), and the database is left
exactly as it was.

Each case runs twice: with its own kind (``load prices``, ``load kpis``, ``load shares``)
and with ``load auto``, which tells the kind from the header. File types that are no
files (directories, pipes, link loops, devices) run under all four.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import evlens
from evlens.errors import InputError
from evlens.facts import Fact
from evlens.validate import check_fact, check_facts

# ------------------------------------------------------------------- the good rows
GOOD_PRICES = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11,200\n"
GOOD_KPIS = "entity,metric,period,value,unit\nxiaomi-su7,deliveries,2024-04,7058,vehicle\n"
GOOD_SHARES = "as_of_date,total_issued_shares,basis\n2024-11-30,24967517012,filing\n"


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory) -> Path:
    """A database with a few good rows of each kind, built once and copied per test."""
    d = tmp_path_factory.mktemp("good")
    (d / "good_prices.csv").write_text(GOOD_PRICES)
    (d / "good_kpis.csv").write_text(GOOD_KPIS)
    (d / "good_shares.csv").write_text(GOOD_SHARES)
    path = d / "loaded.duckdb"
    with evlens.open(path) as s:
        s.load_prices([d / "good_prices.csv"], ticker="TSLA")
        s.load_kpis([d / "good_kpis.csv"])
        s.load_shares([d / "good_shares.csv"], ticker="1810.HK")
        assert s.counts()["prices"] == 2 and s.counts()["facts"] == 1 and s.counts()["share_counts"] == 1
    return path


@pytest.fixture()
def loaded(loaded_db, tmp_path):
    copy = tmp_path / "db.duckdb"
    shutil.copyfile(loaded_db, copy)
    s = evlens.open(copy)
    yield s
    s.close()


def snapshot(store) -> tuple[dict, str]:
    """Rows per table and one hash of every table's content, read through the library."""
    frames = [
        store.prices("TSLA"),
        store.shares("1810.HK"),
        store.facts(),
        store.documents(),
        store.entities(),
        store.securities(),
    ]
    digest = hashlib.sha256()
    for df in frames:
        digest.update(df.to_csv(index=True).encode("utf-8"))
    return store.counts(), digest.hexdigest()


# ------------------------------------------------------------------ the bad files
P = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n"  # a good first row
T = "entity,metric,period,value,unit\nxiaomi-su7,deliveries,2024-05,8646,vehicle\n"
TW = "entity,metric,period,value,unit,published,source_url,note\n"
R = "maker,scope,period_type,period,value,qualifier,metric,source_url,note\n"
M = "month,dataset,brand,model,units,source_url\n"
REF = "subject,fact,period_or_date,value,unit,source_url,note\n"
S = "as_of_date,total_issued_shares,basis\n2024-11-30,24967517012,filing\n"
SC = "as_of_date,class_a_shares,class_b_shares,total_issued_shares,basis,source_url\n"
DIGITS_400 = "9" * 400


def _parquet(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def _good_parquet() -> bytes:
    return _parquet(pd.DataFrame({"date": ["2024-01-02", "2024-01-03"], "close": [10.0, 11.0]}))


@dataclass(frozen=True)
class Case:
    kind: str  # prices | kpis | shares
    data: bytes
    line: int | None  # the line the error names (None: none)
    field: str | None
    words: str  # words the message holds
    name: str = "bad.csv"


def c(kind, text, line, field, words, name="bad.csv") -> Case:
    return Case(kind, text.encode("utf-8") if isinstance(text, str) else text, line, field, words, name)


CASES: dict[str, Case] = {
    # --- prices: numbers that are no numbers
    "prices close inf": c("prices", P + "2024-01-03,10,11,9,inf,100\n", 3, "close", "not a finite number"),
    "prices close -inf": c("prices", P + "2024-01-03,10,11,9,-inf,100\n", 3, "close", "not a finite number"),
    "prices close nan": c("prices", P + "2024-01-03,10,11,9,nan,100\n", 3, "close", "missing value"),
    "prices close 1e999": c("prices", P + "2024-01-03,10,11,9,1e999,100\n", 3, "close", "too large a number"),
    "prices close 400 digits": c(
        "prices", P + f"2024-01-03,10,11,9,{DIGITS_400},100\n", 3, "close", "400 characters"
    ),
    "prices high inf": c("prices", P + "2024-01-03,10,inf,9,10,100\n", 3, "high", "not a finite number"),
    "prices volume inf": c("prices", P + "2024-01-03,10,11,9,10,inf\n", 3, "volume", "not a finite number"),
    "prices price beyond ceiling": c(
        "prices", P + "2024-01-03,10,2e7,9,10,100\n", 3, "high", "beyond what a price can be"
    ),
    "prices volume beyond ceiling": c(
        "prices", P + "2024-01-03,10,11,9,10,2e13\n", 3, "volume", "beyond what a volume"
    ),
    "prices negative open": c("prices", P + "2024-01-03,-10,11,9,10,100\n", 3, "open", "cannot be negative"),
    "prices negative close": c("prices", P + "2024-01-03,10,11,9,-10,100\n", 3, "close", "must be positive"),
    "prices negative volume": c(
        "prices", P + "2024-01-03,10,11,9,10,-5\n", 3, "volume", "a volume cannot be negative"
    ),
    "prices low above high": c(
        "prices", P + "2024-01-03,11.8,11.5,12.0,11.6,100\n", 3, "low", "low 12 is above high 11.5"
    ),
    "prices close above high": c(
        "prices", P + "2024-01-03,10,11,9,13,100\n", 3, "close", "outside the day's range [9, 11]"
    ),
    "prices close below low": c(
        "prices", P + "2024-01-03,10,11,9,8.5,100\n", 3, "close", "outside the day's range"
    ),
    "prices date 9999-12-31": c(
        "prices", P + "9999-12-31,10,11,9,10,100\n", 3, "date", "more than 2 years ahead"
    ),
    "prices date 1899-01-01": c("prices", P + "1899-01-01,10,11,9,10,100\n", 3, "date", "before 1990-01-01"),
    "prices date 2100": c("prices", P + "2100-06-30,10,11,9,10,100\n", 3, "date", "more than 2 years ahead"),
    "prices decimal comma": c(
        "prices", P + '2024-01-03,10,11,9,"10,5",100\n', 3, "close", "comma may only group thousands"
    ),
    "prices decimal comma with points": c(
        "prices", P + '2024-01-03,10,11,9,"1.234,5",100\n', 3, "close", "comma may only group"
    ),
    "prices comma two digits": c(
        "prices", P + '2024-01-03,10,11,9,"1,23",100\n', 3, "close", "comma may only group"
    ),
    "prices formula close": c("prices", P + "2024-01-03,10,11,9,=1+2,100\n", 3, "close", "as a number"),
    "prices hyperlink close": c(
        "prices", P + '2024-01-03,10,11,9,"=HYPERLINK(""http://x"",""10"")",100\n', 3, "close", "'=HYPERLINK("
    ),
    "prices cmd formula volume": c(
        "prices", P + "2024-01-03,10,11,9,10,+cmd|' /C calc'!A0\n", 3, "volume", "as a number"
    ),
    "prices at formula open": c(
        "prices", P + "2024-01-03,@SUM(A1:A2),11,9,10,100\n", 3, "open", "as a number"
    ),
    "prices empty ticker": c(
        "prices", "date,close,ticker\n2024-01-02,10,TSLA\n2024-01-03,11, \n", 3, "ticker", "missing value"
    ),
    "prices yfinance low above high": c(
        "prices",
        "Date,Close,High,Low,Open,Volume\n2024-01-02,10,11,9,10,100\n2024-01-03,10,9,11,10,100\n",
        3,
        "low",
        "above high",
    ),
    "prices investing negative volume": c(
        "prices",
        '"日期","收盘","开盘","高","低","交易量","涨跌幅"\n"2024-11-13","4,443.01","4,397.32","4,443.35","4,363.62","-940.97M","-0.31%"\n',
        2,
        "volume",
        "cannot be negative",
    ),
    "prices investing decimal comma": c(
        "prices",
        '"日期","收盘","开盘","高","低","交易量","涨跌幅"\n"2024-11-13","4443,01","4,397.32","4,443.35","4,363.62","940.97M","-0.31%"\n',
        2,
        "close",
        "comma may only group",
    ),
    "prices investing 1e999 volume": c(
        "prices",
        '"日期","收盘","开盘","高","低","交易量","涨跌幅"\n"2024-11-13","4,443.01","4,397.32","4,443.35","4,363.62","1e999M","-0.31%"\n',
        2,
        "volume",
        "too large",
    ),
    # --- prices: the shape of the file
    "prices truncated mid row": c("prices", P + "2024-01-03,10.5,1", 3, None, "cut short"),
    "prices short row": c(
        "prices",
        P + "2024-01-03,10.5\n2024-01-04,10,11,9,10,100\n",
        3,
        None,
        "2 fields where the header has 6",
    ),
    "prices long row": c("prices", b"date,close\n2024-01-02,10\n2024-01-03,11,12,13\n", 3, None, "malformed"),
    "prices missing column": c("prices", b"date,open,high\n2024-01-02,1,2\n", 1, "close", "missing column"),
    "prices bad date": c("prices", b"date,close\n2024-01-02,10\n2024-13-45,11\n", 3, "date", "as a date"),
    "prices text date": c("prices", b"date,close\n2024-01-02,10\nyesterday,11\n", 3, "date", "as a date"),
    "prices bad number": c(
        "prices", b"date,close\n2024-01-02,10\n2024-01-03,1o.5\n", 3, "close", "as a number"
    ),
    "prices missing close": c(
        "prices", b"date,close\n2024-01-02,10\n2024-01-03,\n", 3, "close", "missing value"
    ),
    "prices duplicate date": c(
        "prices", b"date,close\n2024-01-02,10\n2024-01-03,11\n2024-01-02,12\n", 4, "date", "lines 2 and 4"
    ),
    "prices empty": c("prices", b"", None, None, "empty"),
    "prices blank lines only": c("prices", b"\n \r\n\t\n", None, None, "empty"),
    "prices BOM only": c("prices", b"\xef\xbb\xbf", None, None, "empty"),
    "prices UTF-16 BOM only": c("prices", b"\xff\xfe", None, None, "empty"),
    "prices header only": c("prices", b"date,close\n", None, None, "no rows"),
    "prices binary": c(
        "prices", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3, None, "binary"
    ),
    "prices NUL late in the file": c(
        "prices", (P * 3000).encode() + b"2024-01-03,10,11,9,10,1\x00\n", 6001, None, "NUL"
    ),
    "prices zip": c("prices", b"PK\x03\x04\x14\x00\x06\x00" + bytes(64), None, None, "zip or Excel"),
    "prices latin-1": c(
        "prices", "date,close\n2024-01-02,10\n2024-01-03,11 # café\n".encode("latin-1"), 3, None, "not UTF-8"
    ),
    "prices GBK": c("prices", "日期,收盘\n2024-01-02,10\n".encode("gbk"), 1, None, "GBK"),
    "prices UTF-16 LE BOM bad value": c(
        "prices",
        b"\xff\xfe" + (P + "2024-01-03,10,11,9,inf,100\r\n").encode("utf-16-le"),
        3,
        "close",
        "not a finite",
    ),
    "prices UTF-16 BE BOM bad value": c(
        "prices",
        b"\xfe\xff" + (P + "2024-01-03,10,11,9,10,-1\n").encode("utf-16-be"),
        3,
        "volume",
        "cannot be negative",
    ),
    "prices UTF-16 no BOM bad value": c(
        "prices", (P + "9999-12-31,10,11,9,10,100\n").encode("utf-16-le"), 3, "date", "2 years ahead"
    ),
    "prices UTF-32 BOM bad value": c(
        "prices",
        b"\xff\xfe\x00\x00" + (P + "1899-01-01,10,11,9,10,100\n").encode("utf-32-le"),
        3,
        "date",
        "before 1990",
    ),
    "prices UTF-8 BOM bad value": c(
        "prices", b"\xef\xbb\xbf" + (P + "2024-01-03,10,11,9,10,1e999\n").encode(), 3, "volume", "too large"
    ),
    "prices double BOM bad value": c(
        "prices",
        b"\xef\xbb\xbf\xef\xbb\xbf" + (P + "2024-01-03,10,11,9,12,100\n").encode(),
        3,
        "close",
        "outside the day's range",
    ),
    "prices broken UTF-16": c(
        "prices", b"\xff\xfe" + "date,close\n".encode("utf-16-le") + b"\x00\xd8", None, None, "broken UTF-16"
    ),
    "parquet corrupt": c(
        "prices", b"PAR1" + bytes(range(200)) + b"PAR1", None, None, "not a readable Parquet", "bad.parquet"
    ),
    "parquet truncated": c(
        "prices", _good_parquet()[:-40], None, None, "not a readable Parquet", "bad.parquet"
    ),
    "parquet inf close": c(
        "prices",
        _parquet(pd.DataFrame({"date": ["2024-01-02", "2024-01-03"], "close": [10.0, float("inf")]})),
        2,
        "close",
        "not a finite",
        "bad.parquet",
    ),
    "parquet 9999 date": c(
        "prices",
        _parquet(pd.DataFrame({"date": ["2024-01-02", "9999-12-31"], "close": [10.0, 11.0]})),
        2,
        "date",
        "2 years ahead",
        "bad.parquet",
    ),
    # --- KPI tables
    "kpis value inf": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,inf,vehicle\n", 3, "value", "not a finite number"
    ),
    "kpis value -inf": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,-inf,vehicle\n", 3, "value", "not a finite number"
    ),
    "kpis value nan": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,nan,vehicle\n", 3, "value", "not a finite number"
    ),
    "kpis value 1e999": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,1e999,vehicle\n", 3, "value", "too large a number"
    ),
    "kpis value 400 digits": c(
        "kpis", T + f"xiaomi-su7,deliveries,2024-06,{DIGITS_400},vehicle\n", 3, "value", "too large"
    ),
    "kpis value 1e300 vehicles": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,1e300,vehicle\n", 3, "value", "beyond what a vehicle count"
    ),
    "kpis money beyond ceiling": c(
        "kpis", T + "xiaomi,market_cap,2024-06-28,2e15,HKD\n", 3, "value", "beyond what an amount of money"
    ),
    "kpis negative deliveries": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,-10000,vehicle\n", 3, "value", "cannot be negative"
    ),
    "kpis fractional deliveries": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,10000.5,vehicle\n", 3, "value", "whole number, got 10000.5"
    ),
    "kpis market share above 100": c(
        "kpis", T + "xiaomi,market_share,2024,150,percent\n", 3, "value", "at most 100"
    ),
    "kpis return below -100": c(
        "kpis", T + "xiaomi,share_return,2024,-150,percent\n", 3, "value", "below what a return"
    ),
    "kpis empty metric": c("kpis", T + "xiaomi-su7, ,2024-06,10000,vehicle\n", 3, "metric", "missing value"),
    "kpis empty entity": c("kpis", T + ",deliveries,2024-06,10000,vehicle\n", 3, "entity", "missing value"),
    "kpis empty unit": c("kpis", T + "xiaomi-su7,deliveries,2024-06,10000,\n", 3, "unit", "missing value"),
    "kpis decimal comma": c(
        "kpis", T + 'xiaomi,share_return,2024,"10,5",percent\n', 3, "value", "comma may only group"
    ),
    "kpis period 1899": c(
        "kpis", T + "xiaomi-su7,deliveries,1899-01,10000,vehicle\n", 3, "period", "before 1990-01-01"
    ),
    "kpis period 9999": c(
        "kpis", T + "xiaomi-su7,deliveries,9999-12,10000,vehicle\n", 3, "period", "years ahead"
    ),
    "kpis published 9999-12-31": c(
        "kpis",
        TW + "xiaomi-su7,deliveries,2024-06,10000,vehicle,9999-12-31,,\n",
        2,
        "published",
        "2 years ahead",
    ),
    "kpis formula value": c(
        "kpis",
        T + 'xiaomi-su7,deliveries,2024-06,"=HYPERLINK(""http://x"",""1"")",vehicle\n',
        3,
        "value",
        "comma",
    ),
    "kpis cmd formula value": c(
        "kpis", T + "xiaomi-su7,deliveries,2024-06,+cmd|' /C calc'!A0,vehicle\n", 3, "value", "as a number"
    ),
    "kpis formula source url": c(
        "kpis",
        TW + 'xiaomi-su7,deliveries,2024-06,10000,vehicle,,"=HYPERLINK(""http://x"",""y"")",\n',
        2,
        "source_url",
        "http://",
    ),
    "kpis truncated": c("kpis", T + "xiaomi-su7,deliveries,2024-06,100", 3, None, "cut short"),
    "kpis reported negative": c(
        "kpis",
        R + "Xiaomi,SU7,month,2024-04,7058,=,deliveries,,\nXiaomi,SU7,month,2024-05,-8646,=,deliveries,,\n",
        3,
        "value",
        "cannot be negative",
    ),
    "kpis reported fractional": c(
        "kpis", R + "Xiaomi,SU7,month,2024-05,8646.25,=,deliveries,,\n", 2, "value", "whole number"
    ),
    "kpis reported empty metric": c(
        "kpis", R + "Xiaomi,SU7,month,2024-05,8646,=,,,\n", 2, "metric", "missing value"
    ),
    "kpis reported 1899": c(
        "kpis", R + "Xiaomi,SU7,month,1899-05,8646,=,deliveries,,\n", 2, "period", "before 1990"
    ),
    "kpis bad qualifier": c(
        "kpis",
        R + "Xiaomi,SU7,month,2024-04,7058,=,deliveries,,\nXiaomi,SU7,month,2024-05,8646,!,deliveries,,\n",
        3,
        "qualifier",
        "qualifier",
    ),
    "kpis bad period": c(
        "kpis", R + "Xiaomi,SU7,month,2024-14,7058,=,deliveries,,\n", 2, "period", "month out of range"
    ),
    "kpis unknown metric": c(
        "kpis", R + "Xiaomi,SU7,month,2024-04,7058,=,vibes,,\n", 2, "metric", "unknown metric"
    ),
    "kpis by-model fractional": c(
        "kpis", M + "2024-04,ElectricCarsByModel,BYD,Seagull,12000.5,\n", 2, "units", "whole number"
    ),
    "kpis by-model 1e999": c(
        "kpis", M + "2024-04,ElectricCarsByModel,BYD,Seagull,1e999,\n", 2, "units", "too large"
    ),
    "kpis reference negative close": c(
        "kpis", REF + "1810.HK,stock_close,2024-06-28,-11.5,HKD,,\n", 2, "value", "a price cannot be negative"
    ),
    "kpis reference inf": c(
        "kpis", REF + "HSI,index_return,2024,inf,percent,,\n", 2, "value", "not a finite"
    ),
    "kpis GBK": c(
        "kpis",
        ("entity,metric,period,value,unit\n小米,deliveries,2024-06,100,vehicle\n").encode("gbk"),
        2,
        None,
        "GBK",
    ),
    # --- share counts
    "shares inf": c("shares", S + "2024-12-31,inf,filing\n", 3, "total_issued_shares", "not a finite number"),
    "shares -inf": c(
        "shares", S + "2024-12-31,-inf,filing\n", 3, "total_issued_shares", "not a finite number"
    ),
    "shares nan": c("shares", S + "2024-12-31,nan,filing\n", 3, "total_issued_shares", "missing value"),
    "shares 1e999": c(
        "shares", S + "2024-12-31,1e999,filing\n", 3, "total_issued_shares", "too large a number"
    ),
    "shares 400 digits": c(
        "shares", S + f"2024-12-31,{DIGITS_400},filing\n", 3, "total_issued_shares", "too large"
    ),
    "shares beyond ceiling": c(
        "shares", S + "2024-12-31,2e12,filing\n", 3, "total_issued_shares", "beyond what a share count"
    ),
    "shares negative": c("shares", S + "2024-12-31,-5,filing\n", 3, "total_issued_shares", "positive"),
    "shares fractional": c(
        "shares",
        S + "2024-12-31,24967517012.5,filing\n",
        3,
        "total_issued_shares",
        "whole number, got 24967517012.5",
    ),
    "shares decimal comma": c(
        "shares", S + '2024-12-31,"10,5",filing\n', 3, "total_issued_shares", "comma may only group"
    ),
    "shares date 9999-12-31": c(
        "shares", S + "9999-12-31,24967517012,filing\n", 3, "as_of_date", "2 years ahead"
    ),
    "shares date 1899-01-01": c(
        "shares", S + "1899-01-01,24967517012,filing\n", 3, "as_of_date", "before 1990"
    ),
    "shares fractional class": c(
        "shares", SC + "2024-12-31,4517510134.5,,24967517012,filing,\n", 2, "class_a_shares", "whole number"
    ),
    "shares negative class": c(
        "shares", SC + "2024-12-31,,-1,24967517012,filing,\n", 2, "class_b_shares", "cannot be negative"
    ),
    "shares formula source url": c(
        "shares", SC + "2024-12-31,,,24967517012,filing,=cmd|' /C calc'!A0\n", 2, "source_url", "http://"
    ),
    "shares formula count": c(
        "shares",
        S + '2024-12-31,"=HYPERLINK(""http://x"",""1"")",filing\n',
        3,
        "total_issued_shares",
        "comma",
    ),
    "shares empty basis": c("shares", S + "2024-12-31,24967517012,\n", 3, "basis", "missing value"),
    "shares bad number": c(
        "shares",
        b"as_of_date,total_issued_shares,basis\n2024-11-30,lots,filing\n",
        2,
        "total_issued_shares",
        "as a number",
    ),
    "shares truncated": c("shares", S + "2024-12-31,2496", 3, None, "cut short"),
    "shares UTF-16 bad value": c(
        "shares",
        b"\xff\xfe" + (S + "2024-12-31,1e999,filing\n").encode("utf-16-le"),
        3,
        "total_issued_shares",
        "too large",
    ),
}


def _ids(case_kinds):
    return [f"{name} [{kind}]" for name, kind in case_kinds]


TABLE = [(name, kind) for name, case in CASES.items() for kind in (case.kind, "auto")]


def _load(store, path: Path, kind: str):
    return store.load([path], None if kind == "auto" else kind, ticker=None if kind == "kpis" else "1810.HK")


@pytest.mark.parametrize(("name", "kind"), TABLE, ids=_ids(TABLE))
def test_malformed_file_is_refused_and_nothing_changes(loaded, tmp_path, name, kind):
    case = CASES[name]
    bad = tmp_path / case.name
    bad.write_bytes(case.data)
    before = snapshot(loaded)
    with pytest.raises(InputError) as exc:
        _load(loaded, bad, kind)
    err = exc.value
    assert err.path == str(bad)
    assert (err.line, err.field) == (case.line, case.field), str(err)
    assert case.words in str(err)
    assert "\n" not in str(err) and len(str(err)) < 400
    assert snapshot(loaded) == before


def test_the_table_is_large_and_covers_every_kind():
    assert len(CASES) >= 60
    assert {c.kind for c in CASES.values()} == {"prices", "kpis", "shares"}


# ----------------------------------------------------- paths that are not files
def _directory(tmp_path: Path) -> Path:
    d = tmp_path / "a_directory.csv"
    d.mkdir()
    (d / "inner.csv").write_text(GOOD_PRICES)
    return d


def _fifo(tmp_path: Path) -> Path:
    p = tmp_path / "pipe.csv"
    os.mkfifo(p)  # nobody writes: reading it would wait for ever
    return p


def _loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _dangling(tmp_path: Path) -> Path:
    p = tmp_path / "dangling.csv"
    p.symlink_to(tmp_path / "nowhere.csv")
    return p


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.csv"


def _device(tmp_path: Path) -> Path:
    return Path("/dev/null")


NOT_FILES = {
    "directory": (_directory, "is a directory"),
    "fifo": (_fifo, "named pipe"),
    "symlink loop": (_loop, "symbolic link loop"),
    "dangling symlink": (_dangling, "broken symbolic link"),
    "missing": (_missing, "no such file"),
    "device": (_device, "character device"),
}
NOT_FILE_TABLE = [(name, kind) for name in NOT_FILES for kind in ("prices", "kpis", "shares", "auto")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes and links")
@pytest.mark.parametrize(("name", "kind"), NOT_FILE_TABLE, ids=_ids(NOT_FILE_TABLE))
def test_paths_that_are_not_files_are_refused_by_type(loaded, tmp_path, name, kind):
    make, words = NOT_FILES[name]
    if name == "device" and not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    path = make(tmp_path)
    before = snapshot(loaded)
    with pytest.raises(InputError) as exc:
        _load(loaded, path, kind)
    assert exc.value.path == str(path)
    assert words in str(exc.value)
    assert snapshot(loaded) == before


def test_a_bad_file_among_good_ones_stores_none_of_them(loaded, tmp_path):
    good = tmp_path / "more.csv"
    good.write_text("date,close\n2024-02-01,12\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,close\n2024-02-02,1e999\n")
    before = snapshot(loaded)
    with pytest.raises(InputError):
        loaded.load_prices([good, bad], ticker="TSLA")
    assert snapshot(loaded) == before


# ------------------------------------------------------------------ the CLI
CLI_CASES = {
    "prices": ("prices close 1e999", ["--ticker", "1810.HK"], "line 3, field 'close'"),
    "kpis": ("kpis negative deliveries", [], "line 3, field 'value'"),
    "shares": ("shares fractional", ["--ticker", "1810.HK"], "line 3, field 'total_issued_shares'"),
    "auto": ("prices low above high", [], "line 3, field 'low'"),
}


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from evlens.cli import main; main()", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", list(CLI_CASES))
def test_cli_exits_2_with_one_line_naming_file_line_and_field(loaded_db, tmp_path, command):
    name, extra, where = CLI_CASES[command]
    db = tmp_path / "db.duckdb"
    shutil.copyfile(loaded_db, db)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(CASES[name].data)
    with evlens.open(db) as s:
        before = snapshot(s)
    proc = _cli(db, "load", command, str(bad), *extra)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    message = proc.stderr.strip()
    assert message.startswith("error:") and message.count("error:") == 1
    assert f"{bad}, {where}" in message.replace("\n", "")
    with evlens.open(db) as s:
        assert snapshot(s) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes and links")
@pytest.mark.parametrize("make", [_fifo, _loop], ids=["fifo", "symlink loop"])
def test_cli_refuses_pipes_and_loops_without_hanging(tmp_path, make):
    path = make(tmp_path)
    proc = _cli(tmp_path / "x.duckdb", "load", "auto", str(path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert str(path) in proc.stderr.replace("\n", "")


# ------------------------------------------------ what is read, and read right
UTF_VARIANTS = {
    "utf-8 BOM": b"\xef\xbb\xbf" + b"date,close\n2024-01-02,10\n2024-01-03,11.5\n",
    "utf-8 double BOM": b"\xef\xbb\xbf\xef\xbb\xbf" + b"date,close\n2024-01-02,10\n2024-01-03,11.5\n",
    "utf-16 LE BOM CRLF": b"\xff\xfe"
    + "date,close\r\n2024-01-02,10\r\n2024-01-03,11.5\r\n".encode("utf-16-le"),
    "utf-16 BE BOM": b"\xfe\xff" + "date,close\n2024-01-02,10\n2024-01-03,11.5\n".encode("utf-16-be"),
    "utf-16 LE no BOM": "date,close\n2024-01-02,10\n2024-01-03,11.5\n".encode("utf-16-le"),
    "utf-32 BOM": b"\xff\xfe\x00\x00" + "date,close\n2024-01-02,10\n2024-01-03,11.5\n".encode("utf-32-le"),
}


@pytest.mark.parametrize("variant", list(UTF_VARIANTS))
def test_unicode_variants_read_the_same_values(store, tmp_path, variant):
    path = tmp_path / "1810.HK.csv"
    path.write_bytes(UTF_VARIANTS[variant])
    store.load_prices([path])
    px = store.prices("1810.HK")
    assert list(px.close) == [10.0, 11.5]
    assert [str(d.date()) for d in px.index] == ["2024-01-02", "2024-01-03"]


def test_chinese_utf16_investing_export_reads_without_mojibake(store, tmp_path):
    text = (
        '"日期","收盘","开盘","高","低","交易量","涨跌幅"\r\n'
        '"2024-11-13","4,443.01","4,397.32","4,443.35","4,363.62","940.97M","-0.31%"\r\n'
    )
    path = tmp_path / "恒生科技指数历史数据.csv"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    [r] = store.load_prices([path])
    assert r.format == "investing"
    px = store.prices(r.tickers[0])
    assert px.close.iloc[0] == pytest.approx(4443.01) and px.volume.iloc[0] == pytest.approx(940.97e6)


def test_thousands_separators_still_read(store, tmp_path):
    path = tmp_path / "1810.HK.csv"
    path.write_text('date,close,volume\n2024-01-02,"1,234",100\n2024-01-03,"1,234,567.5","1,000"\n')
    store.load_prices([path])
    px = store.prices("1810.HK")
    assert list(px.close) == [1234.0, 1234567.5] and list(px.volume) == [100.0, 1000.0]


def test_formula_in_a_text_field_is_stored_as_plain_text(store, tmp_path):
    note = '=HYPERLINK("http://evil.example","click")'
    path = tmp_path / "facts.csv"
    path.write_text(TW + 'xiaomi-su7,deliveries,2024-06,10000,vehicle,,,"' + note.replace('"', '""') + '"\n')
    store.load_kpis([path])
    assert store.facts("xiaomi-su7", "deliveries", "2024-06").note.tolist() == [note]


def test_open_outside_the_range_is_kept_and_flagged_suspect(store, tmp_path):
    path = tmp_path / "1211.HK.csv"
    path.write_text(
        "date,open,high,low,close,volume\n2011-10-06,3.9,4.0,3.8,3.95,100\n"
        "2011-10-07,3.782231,4.028077,3.851572,3.920913,13440732\n"
    )
    [r] = store.load_prices([path])
    px = store.prices("1211.HK")
    assert list(px.suspect) == [False, True]
    assert "open outside" in px.suspect_reason.iloc[1]
    assert [str(d) for d in r.suspect_rows] == ["2011-10-07"]


# --------------------------------------------------------- the API's facts

TEXT = "In April 2024 Xiaomi delivered 7,058 vehicles."
SOUND = {
    "entity": "xiaomi",
    "metric": "deliveries",
    "period": "2024-04",
    "value": 7058.0,
    "unit": "vehicle",
    "document_id": "d" * 32,
    "span_start": 31,
    "span_end": 45,
    "surface": "7,058 vehicles",
}
BAD_FACTS = {
    "value inf": ({"value": float("inf")}, "value", "not a finite number"),
    "value nan": ({"value": float("nan")}, "value", "not a finite number"),
    "value -inf": ({"value": float("-inf")}, "value", "not a finite number"),
    "vehicles beyond ceiling": ({"value": 1e12}, "value", "beyond what a vehicle count"),
    "negative deliveries": ({"value": -1.0}, "value", "cannot be negative"),
    "fractional deliveries": ({"value": 7058.5}, "value", "whole number"),
    "empty entity": ({"entity": ""}, "entity", "missing value"),
    "empty metric": ({"metric": " "}, "metric", "missing value"),
    "period 1899": ({"period": "1899"}, "period", "before 1990"),
    "period 9999": ({"period": "9999-12"}, "period", "years ahead"),
    "not a period": ({"period": "soon"}, "period", "not a period"),
    "published 9999": ({"published": date(9999, 12, 31)}, "published", "years ahead"),
    "a percentage beyond bounds": (
        {"metric": "deliveries_yoy", "unit": "percent", "value": 1e9},
        "value",
        "beyond what a percentage",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FACTS))
def test_check_fact_names_the_fact_by_its_span_and_surface(name):
    change, field, words = BAD_FACTS[name]
    fact = Fact.trusted(**{**SOUND, **change})
    with pytest.raises(InputError) as exc:
        check_facts([Fact.trusted(**SOUND), fact])
    err = exc.value
    assert err.field == field and words in str(err)
    assert "fact at 31:45 ('7,058 vehicles')" in str(err)
    assert err.path == "document " + "d" * 32


def test_sound_facts_pass_and_a_target_may_look_further_ahead():
    check_fact(Fact.trusted(**SOUND))
    check_fact(Fact.trusted(**{**SOUND, "metric": "delivery_target", "period": "2035"}))
    with pytest.raises(InputError):
        check_fact(Fact.trusted(**{**SOUND, "period": "2035"}))
