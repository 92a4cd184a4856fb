"""Daily price files: detect the format, parse, validate, flag suspect rows.

Formats read
------------
``yfinance``
    ``Date,Close,High,Low,Open,Volume`` as written by ``yfinance.download(...).to_csv``
    with its default ``auto_adjust=True``: closes are split- and dividend-adjusted, so for
    a security that pays dividends they are total-return closes, not quoted prices.
    With an ``Adj Close`` column (``auto_adjust=False``) ``Close`` is the quoted price.
``yfinance-multiheader``
    The same with the three header lines of a multi-ticker download
    (``Price,Close,...`` / ``Ticker,^HSI,...`` / ``Date,,,...``).
``investing``
    Investing.com historical-data exports, Chinese (``日期,收盘,开盘,高,低,交易量,涨跌幅``) or
    English (``Date,Price,Open,High,Low,Vol.,Change %``) headers: newest row first,
    thousands separators, ``K``/``M``/``B`` volume suffixes, dates not zero-padded.
``plain``
    Any CSV with named columns ``date`` and ``close`` (``open``, ``high``, ``low``,
    ``volume``, ``adj_close`` optional) and optionally ``ticker`` for several securities
    in one file. ``parquet``: the same columns in a Parquet file.

Suspect rows
------------
A row with ``volume == 0`` and ``open == high == low == close`` is flagged ``suspect``:
on Hong Kong half-day sessions Yahoo writes such flat rows whose close is not the
session's real close. A row whose open lies outside its low-high range (Yahoo has a few)
is flagged too. Rows are kept, flagged, and never silently trusted.

Refused rows
------------
The rules of :mod:`evlens.validate`: dates from 1990 to two years ahead, finite
non-negative prices and volumes within their ceilings, a low not above the high, a close
within [low, high]. The first bad row refuses the whole file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import validate
from ..errors import InputError
from .reading import RawFile, columns_lookup, parse_dates, parse_numbers, read_table

SUSPECT_FLAT = "zero-volume flat row (Yahoo artefact on half-day sessions; close unreliable)"
SUSPECT_OPEN = "open outside the day's low-high range (a data error in the source)"

_INVESTING_ZH = {"日期": "date", "收盘": "close", "开盘": "open", "高": "high", "低": "low", "交易量": "volume", "涨跌幅": "change"}
_INVESTING_EN = {"date": "date", "price": "close", "open": "open", "high": "high", "low": "low", "vol.": "volume", "change %": "change"}
_PLAIN = {
    "date": "date", "open": "open", "high": "high", "low": "low", "close": "close",
    "adj close": "adj_close", "adj_close": "adj_close", "adjclose": "adj_close",
    "volume": "volume", "ticker": "ticker", "symbol": "ticker",
}


@dataclass(frozen=True)
class ParsedPrices:
    """A parsed price file: one frame with ``ticker, date, open, high, low, close,
    adj_close, volume, suspect, suspect_reason, line`` (sorted by ticker and date)."""

    format: str
    frame: pd.DataFrame
    auto_adjusted: bool  # closes come from an auto-adjusting export (yfinance default)
    ticker_hint: str | None  # ticker named inside the file, if any


def detect_price_format(raw: RawFile) -> str:
    if raw.is_parquet:
        return "parquet"
    lines = raw.text.split("\n", 3)
    first = [c.strip().strip('"').lower() for c in lines[0].split(",")]
    if (
        first[:1] == ["price"]
        and len(lines) > 2
        and lines[1].lower().startswith("ticker,")
        and lines[2].lower().startswith("date")
    ):
        return "yfinance-multiheader"
    header = [c.strip().strip('"').lstrip("\ufeff") for c in lines[0].split(",")]
    low = [h.lower() for h in header]
    if "日期" in header and "收盘" in header:
        return "investing"
    if low[:2] == ["date", "price"] and "vol." in low:
        return "investing"
    if low == ["date", "close", "high", "low", "open", "volume"]:
        return "yfinance"
    if "date" in low and "adj close" in low:
        return "yfinance"
    if "date" in low and "close" in low:
        return "plain"
    if "date" in low and {"open", "high", "low"} & set(low):
        raise InputError("missing column 'close'", path=raw.path, line=1, field="close")
    if low and low[0] == "date" and len(low) > 2 and not {"open", "high", "low", "close"} & set(low):
        raise InputError(
            "looks like a table of returns by ticker (columns "
            + ", ".join(header[1:5])
            + ", ...), not prices; price files need a date and a close column",
            path=raw.path,
            line=1,
        )
    raise InputError(
        "not a price file this version reads: expected a date and a close column "
        "(yfinance, Investing.com or plain CSV), found " + ", ".join(header[:8]),
        path=raw.path,
        line=1,
    )


def parse_price_file(raw: RawFile) -> ParsedPrices:
    fmt = detect_price_format(raw)
    ticker_hint = None
    if fmt == "parquet":
        df = _read_parquet(raw)
        df = df.reset_index() if "date" not in {c.lower() for c in df.columns} else df
        df = df.astype(str).replace({"nan": "", "NaT": "", "None": "", "<NA>": ""})
        df.columns = [str(c) for c in df.columns]
        df["_line"] = range(1, len(df) + 1)  # Parquet has rows, not lines: row number
        mapping = _PLAIN
    elif fmt == "yfinance-multiheader":
        tickers = [c.strip() for c in raw.text.split("\n", 2)[1].split(",")[1:] if c.strip()]
        if len(set(tickers)) != 1:
            raise InputError(
                f"a multi-ticker yfinance file ({', '.join(sorted(set(tickers)))}); save one ticker per file",
                path=raw.path,
                line=2,
            )
        ticker_hint = tickers[0]
        df = read_table(raw.text, raw.path)
        df = df.iloc[2:].reset_index(drop=True)  # the Ticker and Date lines
        df = df.rename(columns={df.columns[0]: "Date"})
        mapping = _PLAIN
    elif fmt == "investing":
        df = read_table(raw.text, raw.path)
        mapping = _INVESTING_ZH if "日期" in df.columns else _INVESTING_EN
    else:
        df = read_table(raw.text, raw.path)
        mapping = _PLAIN

    cols = columns_lookup(df)
    renamed = {cols[k]: v for k, v in mapping.items() if k in cols}
    df = df.rename(columns=renamed)
    for needed in ("date", "close"):
        if needed not in df.columns:
            raise InputError(f"missing column {needed!r}", path=raw.path, line=1, field=needed)

    frame = _typed(df, raw.path, suffixes=(fmt == "investing"))
    auto_adjusted = fmt in ("yfinance", "yfinance-multiheader") and "adj_close" not in df.columns
    return ParsedPrices(fmt, frame, auto_adjusted, ticker_hint)


def _read_parquet(raw: RawFile) -> pd.DataFrame:
    """A Parquet file as a frame; a corrupt or truncated one is an error naming the file."""
    try:
        return pd.read_parquet(io.BytesIO(raw.data))
    except Exception as exc:  # pyarrow raises several unrelated types for broken files
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if len(reason) > 120:
            reason = reason[:117] + "..."
        raise InputError(f"not a readable Parquet file ({reason})", path=raw.path) from None


def _typed(df: pd.DataFrame, path: Path, *, suffixes: bool) -> pd.DataFrame:
    lines = df["_line"]
    out = pd.DataFrame({"line": lines.astype(int)})
    if "ticker" in df.columns:
        validate.check_filled(df["ticker"], lines, path=path, field="ticker")
    out["ticker"] = df["ticker"].str.strip() if "ticker" in df.columns else None
    out["date"] = parse_dates(df["date"], lines, path, "date")
    out["close"] = parse_numbers(df["close"], lines, path, "close")
    for col in ("open", "high", "low", "adj_close"):
        out[col] = (
            parse_numbers(df[col], lines, path, col, required=False)
            if col in df.columns
            else np.nan
        )
    out["volume"] = (
        parse_numbers(df["volume"], lines, path, "volume", required=False, suffixes=suffixes)
        if "volume" in df.columns
        else np.nan
    )
    nonpos = out["close"] <= 0
    if nonpos.any():
        i = nonpos.to_numpy().nonzero()[0][0]
        raise InputError(
            f"close must be positive, got {out['close'].iloc[i]}", path=path,
            line=int(out["line"].iloc[i]), field="close",
        )
    validate.check_bars(out, path=path)
    flat = (
        (out["volume"] == 0)
        & np.isclose(out["open"], out["close"], rtol=0, atol=1e-9)
        & np.isclose(out["high"], out["close"], rtol=0, atol=1e-9)
        & np.isclose(out["low"], out["close"], rtol=0, atol=1e-9)
    )
    flat = flat.fillna(False).astype(bool)
    open_out = validate.open_outside_range(out) & ~flat
    out["suspect"] = flat | open_out
    out["suspect_reason"] = np.where(flat, SUSPECT_FLAT, np.where(open_out, SUSPECT_OPEN, None))
    out = _drop_duplicate_dates(out, path)
    return out.sort_values(["ticker", "date"], na_position="first").reset_index(drop=True)


_VALUE_COLS = ["open", "high", "low", "close", "adj_close", "volume"]


def _drop_duplicate_dates(out: pd.DataFrame, path: Path) -> pd.DataFrame:
    key = ["ticker", "date"] if out["ticker"].notna().any() else ["date"]
    dup = out.duplicated(key, keep=False)
    if not dup.any():
        return out
    for _, group in out.loc[dup].groupby(key, dropna=False, sort=False):
        values = group[_VALUE_COLS].round(10)
        if len(values.drop_duplicates()) > 1:
            a, b = group.iloc[0], group.iloc[1]
            diff = [c for c in _VALUE_COLS if not _same(a[c], b[c])]
            raise InputError(
                f"date {a['date'].date()} appears on lines {int(a['line'])} and {int(b['line'])} "
                f"with different values ({diff[0]} {a[diff[0]]} vs {b[diff[0]]})",
                path=path,
                line=int(b["line"]),
                field="date",
            )
    return out.drop_duplicates(key, keep="first")


def _same(a: float, b: float) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and np.isclose(a, b, rtol=1e-12, atol=0))


_NAME_AFFIXES = re.compile(r"^(?:prices?[_\- ]+)|(?:[_\- ]+(?:prices?|history|historical|data|daily))+$", re.I)


def ticker_from_filename(path: Path) -> str:
    """``prices_1810.HK.csv`` → ``1810.HK``; ``HSI.csv`` → ``HSI``;
    ``恒生科技指数历史数据.csv`` → ``恒生科技指数`` (resolved later against aliases)."""
    stem = path.name
    for ext in (".csv", ".parquet", ".pq", ".txt"):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
    stem = _NAME_AFFIXES.sub("", stem)
    return re.sub(r"(历史数据|历史行情|行情)$", "", stem).strip()
