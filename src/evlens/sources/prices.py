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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .. import validate
from ..errors import InputError
from .reading import RawFile, _stage, columns_lookup, parse_dates, parse_numbers, read_table

SUSPECT_FLAT = "zero-volume flat row (Yahoo artefact on half-day sessions; close unreliable)"
SUSPECT_OPEN = "open outside the day's low-high range (a data error in the source)"

_INVESTING_ZH = {
    "日期": "date",
    "收盘": "close",
    "开盘": "open",
    "高": "high",
    "低": "low",
    "交易量": "volume",
    "涨跌幅": "change",
}
_INVESTING_EN = {
    "date": "date",
    "price": "close",
    "open": "open",
    "high": "high",
    "low": "low",
    "vol.": "volume",
    "change %": "change",
}
_PLAIN = {
    "date": "date",
    "open": "open",
    "high": "high",
    "low": "low",
    "close": "close",
    "adj close": "adj_close",
    "adj_close": "adj_close",
    "adjclose": "adj_close",
    "volume": "volume",
    "ticker": "ticker",
    "symbol": "ticker",
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
    lines = raw.decoded_text().split("\n", 3)
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
        df = _parquet_strings(_read_parquet(raw))
        df["_line"] = range(1, len(df) + 1)  # Parquet has rows, not lines: row number
        mapping = _PLAIN
    elif fmt == "yfinance-multiheader":
        text = raw.decoded_text()
        tickers = [c.strip() for c in text.split("\n", 2)[1].split(",")[1:] if c.strip()]
        if len(set(tickers)) != 1:
            raise InputError(
                f"a multi-ticker yfinance file ({', '.join(sorted(set(tickers)))}); save one ticker per file",
                path=raw.path,
                line=2,
            )
        ticker_hint = tickers[0]
        df = read_table(text, raw.path)
        df = df.iloc[2:].reset_index(drop=True)  # the Ticker and Date lines
        df = df.rename(columns={df.columns[0]: "Date"})
        mapping = _PLAIN
    elif fmt == "investing":
        df = read_table(raw.decoded_text(), raw.path)
        mapping = _INVESTING_ZH if "日期" in df.columns else _INVESTING_EN
    else:
        df = read_table(raw.decoded_text(), raw.path)
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
        return pd.read_parquet(io.BytesIO(raw.whole_data()))
    except Exception as exc:  # pyarrow raises several unrelated types for broken files
        raise _parquet_error(exc, raw.path) from None


def _parquet_error(exc: BaseException, path: Path) -> InputError:
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if len(reason) > 120:
        reason = reason[:117] + "..."
    return InputError(f"not a readable Parquet file ({reason})", path=path)


def _parquet_strings(df: pd.DataFrame) -> pd.DataFrame:
    """A frame read from Parquet as text, the way CSV cells are read."""
    df = df.reset_index() if "date" not in {c.lower() for c in df.columns} else df
    df = df.astype(str).replace({"nan": "", "NaT": "", "None": "", "<NA>": ""})
    df.columns = [str(c) for c in df.columns]
    return df


def _typed(df: pd.DataFrame, path: Path, *, suffixes: bool) -> pd.DataFrame:
    out = checked_rows(df, path, suffixes=suffixes)
    out = _drop_duplicate_dates(out, path)
    return out.sort_values(["ticker", "date"], na_position="first").reset_index(drop=True)


def checked_rows(df: pd.DataFrame, path: str | Path, *, suffixes: bool = False) -> pd.DataFrame:
    """Rows of text (columns renamed to ``date, close, ...`` and ``_line``) as typed bars
    with their suspect flags, in the order given, after every rule that looks at one row
    at a time; the first bad row raises. Each step marks its error with ``stage``."""
    lines = df["_line"]
    out = pd.DataFrame({"line": lines.astype(int)})
    if "ticker" in df.columns:
        with _stage(0):
            validate.check_filled(df["ticker"], lines, path=path, field="ticker")
    out["ticker"] = df["ticker"].str.strip() if "ticker" in df.columns else None
    with _stage(1):
        out["date"] = parse_dates(df["date"], lines, path, "date")
    with _stage(2):
        out["close"] = parse_numbers(df["close"], lines, path, "close")
    for rank, col in enumerate(("open", "high", "low", "adj_close"), start=3):
        with _stage(rank):
            out[col] = (
                parse_numbers(df[col], lines, path, col, required=False) if col in df.columns else np.nan
            )
    with _stage(7):
        out["volume"] = (
            parse_numbers(df["volume"], lines, path, "volume", required=False, suffixes=suffixes)
            if "volume" in df.columns
            else np.nan
        )
    nonpos = out["close"] <= 0
    if nonpos.any():
        i = nonpos.to_numpy().nonzero()[0][0]
        with _stage(8):
            raise InputError(
                f"close must be positive, got {out['close'].iloc[i]}",
                path=path,
                line=int(out["line"].iloc[i]),
                field="close",
            )
    # validate.check_bars, one rule at a time: the limits of each column, then the
    # relations between them (what check_bars finds once the columns pass)
    for rank, col in enumerate(("close", "open", "high", "low", "adj_close", "volume"), start=9):
        with _stage(rank):
            validate.check_column(
                out[col], out["line"], "volume" if col == "volume" else "price", path=path, field=col
            )
    try:
        validate.check_bars(out, path=path)
    except InputError as exc:
        exc.stage = (15, 0 if exc.field == "low" else 1)
        raise
    flat = (
        (out["volume"] == 0)
        & np.isclose(out["open"], out["close"], rtol=0, atol=1e-9)
        & np.isclose(out["high"], out["close"], rtol=0, atol=1e-9)
        & np.isclose(out["low"], out["close"], rtol=0, atol=1e-9)
    )
    flat = flat.fillna(False).astype(bool)
    open_out = validate.open_outside_range(out) & ~flat
    out["suspect"] = flat | open_out
    none = np.array(None, dtype=object)  # (no reason: None in an object column)
    out["suspect_reason"] = np.where(flat, SUSPECT_FLAT, np.where(open_out, SUSPECT_OPEN, none))
    return out


_VALUE_COLS = ["open", "high", "low", "close", "adj_close", "volume"]


def _drop_duplicate_dates(out: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Rows for a date (of a ticker) already given dropped; a date given twice with
    different values refuses the file. ``out`` is in the order of the file."""
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


drop_duplicate_dates = _drop_duplicate_dates


def _same(a: float, b: float) -> bool:
    return bool(
        (pd.isna(a) and pd.isna(b))
        or (not pd.isna(a) and not pd.isna(b) and np.isclose(a, b, rtol=1e-12, atol=0))
    )


# ----------------------------------------------------------------- in batches
#: Rows checked (and handed to the store) at a time when a file is read in batches.
BATCH_ROWS = 4_096
_CSV_BLOCK = 1 << 16  # bytes the CSV reader parses at a time (it reads dozens of blocks ahead)


class NotStreamable(Exception):
    """The file would not read the same in batches as whole (a ragged or blank-looking
    row, a header with repeated names): read it whole instead."""


@dataclass
class PriceStream:
    """A price file read in batches (plain CSV or Parquet). :meth:`batches` yields the
    checked rows of :func:`checked_rows`, in file order; once the file is read, the error
    a whole read would have raised first is raised, if any. The rules that look at
    several rows (a date given twice) are the reader's: :func:`drop_duplicate_dates`."""

    raw: RawFile
    format: str
    auto_adjusted: bool = False
    ticker_hint: str | None = None

    def batches(self) -> Iterator[pd.DataFrame]:
        first = FirstError()
        rows = 0
        source = _parquet_batches(self.raw) if self.format == "parquet" else _csv_batches(self.raw)
        for n, df in enumerate(source):
            if n == 0:
                missing = _rename_columns(df, self.raw.path)
                if missing is not None:
                    first.add(missing, -1)
            if first.found and first.found[0][0] == (-1,):
                continue  # a missing column: read on only to find a broken file
            df = df.rename(columns=_renames(df))
            rows += len(df)
            if not len(df):
                continue
            try:
                out = checked_rows(df, self.raw.path)
            except InputError as exc:
                first.add(exc, n)
                continue
            if not first.found:
                yield out
        first.raise_first()
        if rows == 0 and self.format == "plain":
            raise InputError("the file has a header but no rows", path=self.raw.path)


def price_stream(raw: RawFile) -> PriceStream | None:
    """The file read in batches, or None when its format is read whole (yfinance and
    Investing.com exports)."""
    fmt = detect_price_format(raw.header_view())
    if fmt == "parquet" and raw.stream == "parquet":
        return PriceStream(raw, "parquet")
    if fmt == "plain" and raw.stream == "csv":
        _csv_names(raw)  # raises NotStreamable for a header read differently in batches
        return PriceStream(raw, "plain")
    return None


class FirstError:
    """The error a whole read would raise, from the errors of the batches: the one of the
    earliest step (``InputError.stage``), within it the earliest batch. One exception: an
    unreadable date in a batch whose first far-off date is no date at all stands for the
    first unreadable date of the file, as :func:`parse_dates` checks a whole file."""

    def __init__(self) -> None:
        self.found: list[tuple[tuple, int, InputError]] = []

    def add(self, exc: InputError, batch: int) -> None:
        stage = getattr(exc, "stage", ())
        if getattr(exc, "after_far", False):
            stage = stage[:-1] + (1,)  # ranks with the far-off dates, before unreadable ones
        self.found.append((stage, batch, exc))
        self.found.sort(key=lambda f: (f[0], f[1]))

    def raise_first(self) -> None:
        if not self.found:
            return
        stage, _, exc = self.found[0]
        if getattr(exc, "after_far", False):
            unreadable = stage[:-1] + (2,)
            exc = min(
                (f for f in self.found if getattr(f[2], "stage", ()) == unreadable), key=lambda f: f[1]
            )[2]
        raise exc


def _renames(df: pd.DataFrame) -> dict[str, str]:
    cols = columns_lookup(df)
    return {cols[k]: v for k, v in _PLAIN.items() if k in cols}


def _rename_columns(df: pd.DataFrame, path: Path) -> InputError | None:
    """The error for a missing ``date`` or ``close`` column, if one is missing."""
    named = set(_renames(df).values())
    for needed in ("date", "close"):
        if needed not in named:
            exc = InputError(f"missing column {needed!r}", path=path, line=1, field=needed)
            exc.stage = (-1,)
            return exc
    return None


def _csv_names(raw: RawFile) -> list[str]:
    """The column names of a streamed CSV file, as :func:`read_table` names them."""
    if raw.head is None:
        raise NotStreamable("no header read")
    first = raw.head.split("\n", 1)[0] + "\n"
    try:
        names = pacsv.read_csv(
            io.BytesIO(first.encode("utf-8")), read_options=pacsv.ReadOptions(column_names=None)
        ).column_names
    except pa.ArrowInvalid:
        raise NotStreamable("an unreadable header") from None
    names = [str(c).strip().lstrip("\ufeff").strip('"').strip() for c in names]
    if "" in names or len(set(names)) != len(names):
        raise NotStreamable("a header with empty or repeated names")
    return names


def _csv_batches(raw: RawFile) -> Iterator[pd.DataFrame]:
    """Rows of a UTF-8 CSV file as text, a batch at a time, as :func:`read_table` reads
    them whole: leading spaces of a field dropped, ``_line`` the line of each row, blank
    rows left out. A row of another length than the header cannot be placed by its line
    here: it raises :class:`NotStreamable`, and the file is read whole."""
    names = _csv_names(raw)
    ragged: list[object] = []

    def refuse(row) -> str:
        ragged.append(row)
        return "error"

    reader = _open_csv(raw, names, refuse)
    line = 2
    pending: list[pa.RecordBatch] = []
    try:
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                batch = None
            except pa.ArrowInvalid:  # a ragged row (``ragged``), or another one pandas reads its own way
                raise NotStreamable("a row the batch reader cannot read as a whole read does") from None
            if batch is not None:
                pending.append(batch)
                if sum(b.num_rows for b in pending) < BATCH_ROWS:
                    continue
            if not pending:
                break
            table = pa.Table.from_batches(pending)
            pending = []
            spaced = [c for c in names if pc.any(pc.starts_with(table[c], " ")).as_py()]
            df = table.to_pandas(use_threads=False)
            del table
            for c in spaced:  # as pandas reads with skipinitialspace
                df[c] = df[c].str.lstrip(" ")
            df["_line"] = range(line, line + len(df))
            line += len(df)
            blank = (df.drop(columns="_line") == "").all(axis=1)
            yield df.loc[~blank].reset_index(drop=True)
            if batch is None:
                break
    finally:
        reader.close()


def _open_csv(raw: RawFile, names: list[str], refuse: Callable) -> pacsv.CSVStreamingReader:
    """Arrow's batch reader of a CSV file, every field as text; ``refuse`` is told of a
    row of another length than the header."""
    try:
        return pacsv.open_csv(
            raw.path,
            read_options=pacsv.ReadOptions(
                block_size=_CSV_BLOCK, skip_rows=1, column_names=names, use_threads=False
            ),
            memory_pool=pa.system_memory_pool(),  # gives back what it frees
            parse_options=pacsv.ParseOptions(
                newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=refuse
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except pa.ArrowInvalid:
        raise NotStreamable("a row the batch reader cannot read as a whole read does") from None


def _parquet_batches(raw: RawFile) -> Iterator[pd.DataFrame]:
    """Rows of a Parquet file as text, a batch at a time, as :func:`parse_price_file`
    reads them whole; ``_line`` is the row number."""
    try:
        pf = pq.ParquetFile(raw.path)
        schema = pf.schema_arrow
        batches = pf.iter_batches(batch_size=BATCH_ROWS)
    except Exception as exc:  # pyarrow raises several unrelated types for broken files
        raise _parquet_error(exc, raw.path) from None
    row = 1
    while True:
        try:
            batch = next(batches)
            df = pa.Table.from_batches([batch], schema=schema).to_pandas()
        except StopIteration:
            break
        except Exception as exc:
            raise _parquet_error(exc, raw.path) from None
        df = _parquet_strings(df)
        df["_line"] = range(row, row + len(df))
        row += len(df)
        yield df


_NAME_AFFIXES = re.compile(
    r"^(?:prices?[_\- ]+)|(?:[_\- ]+(?:prices?|history|historical|data|daily))+$", re.I
)


def ticker_from_filename(path: Path) -> str:
    """``prices_1810.HK.csv`` → ``1810.HK``; ``HSI.csv`` → ``HSI``;
    ``恒生科技指数历史数据.csv`` → ``恒生科技指数`` (resolved later against aliases)."""
    stem = path.name
    for ext in (".csv", ".parquet", ".pq", ".txt"):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
    stem = _NAME_AFFIXES.sub("", stem)
    return re.sub(r"(历史数据|历史行情|行情)$", "", stem).strip()
