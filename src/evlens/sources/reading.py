"""Reading input files safely: bytes to text, and text to a table of strings.

Every failure becomes an :class:`~evlens.errors.InputError` that names the file, and the
line and field where there is one: a missing file, an empty or binary file, text that is
not UTF-8, a row with the wrong number of fields.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..facts import content_hash

PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class RawFile:
    """A file read whole: its bytes, its content hash, and (for text) its decoded text."""

    path: Path
    data: bytes
    id: str
    text: str | None  # None for Parquet

    @property
    def is_parquet(self) -> bool:
        return self.text is None


def read_file(path: str | Path) -> RawFile:
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", path=p)
    if p.is_dir():
        raise InputError("is a directory, not a file", path=p)
    data = p.read_bytes()
    fid = content_hash(data)
    if data.startswith(PARQUET_MAGIC):
        return RawFile(p, data, fid, None)
    return RawFile(p, data, fid, decode_text(data, p))


def decode_text(data: bytes, path: Path) -> str:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError("the file is empty", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"broken UTF-16 text: {exc.reason}", path=path) from None
    if data.startswith(b"PK\x03\x04"):
        raise InputError("a zip or Excel file, not CSV text: export the sheet as CSV (UTF-8)", path=path)
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("a binary file, not CSV text (NUL byte)", path=path, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"not UTF-8 text: byte 0x{bad} at offset {exc.start} cannot be decoded; save the file as UTF-8",
            path=path,
            line=line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_PANDAS_LINE = re.compile(r"line (\d+)")


def read_table(text: str, path: Path, *, skip_lines: int = 0) -> pd.DataFrame:
    """Parse CSV text into strings, one column per header field, plus ``_line``: the
    1-based line of the file each row came from. ``skip_lines`` lines are dropped before
    the header (the header itself is the next line)."""
    body = "\n".join(text.split("\n")[skip_lines:])
    try:
        df = pd.read_csv(
            io.StringIO(body),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            skipinitialspace=True,
        )
    except pd.errors.EmptyDataError:
        raise InputError("the file has no header line", path=path) from None
    except pd.errors.ParserError as exc:
        m = _PANDAS_LINE.search(str(exc))
        line = int(m.group(1)) + skip_lines if m else None
        raise InputError(f"malformed CSV: {str(exc).strip()}", path=path, line=line) from None
    df.columns = [str(c).strip().lstrip("\ufeff").strip('"').strip() for c in df.columns]
    df["_line"] = range(skip_lines + 2, skip_lines + 2 + len(df))
    blank = (df.drop(columns="_line") == "").all(axis=1)
    df = df.loc[~blank].reset_index(drop=True)
    if df.empty:
        raise InputError("the file has a header but no rows", path=path)
    return df


def columns_lookup(df: pd.DataFrame) -> dict[str, str]:
    """Map lower-cased, space-folded column names to the columns as written."""
    return {re.sub(r"\s+", " ", c.strip().lower()): c for c in df.columns if c != "_line"}


_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T][0-9:.+\-Z ]*)?\s*$")


def parse_dates(values: pd.Series, lines: pd.Series, path: Path, field: str) -> pd.Series:
    """Dates written year first (``2024-01-03``, ``2024-1-3``, ``2024/01/03``, with or
    without a time part); anything else is an error naming the line."""
    parts = values.str.extract(_DATE)
    bad = parts[0].isna()
    if not bad.any():
        ymd = parts.astype(int)
        dates = pd.to_datetime(
            {"year": ymd[0], "month": ymd[1], "day": ymd[2]}, errors="coerce"
        )
        bad = dates.isna()
        if not bad.any():
            return dates
    i = bad.to_numpy().nonzero()[0][0]
    raise InputError(
        f"cannot read {values.iloc[i]!r} as a date (expected year-month-day, e.g. 2024-01-03)",
        path=path,
        line=int(lines.iloc[i]),
        field=field,
    )


_SUFFIX = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def parse_numbers(
    values: pd.Series,
    lines: pd.Series,
    path: Path,
    field: str,
    *,
    required: bool = True,
    suffixes: bool = False,
) -> pd.Series:
    """Numbers as exports write them: thousands separators (``4,443.01``), a trailing
    ``%``, and with ``suffixes`` a magnitude letter (``940.97M``, ``1.57B``). Empty cells
    are NaN unless ``required``."""
    s = values.astype(str).str.strip().str.replace(",", "", regex=False).str.rstrip("%")
    mult = pd.Series(1.0, index=s.index)
    if suffixes:
        last = s.str[-1:].str.upper()
        has = last.isin(list(_SUFFIX))
        mult = mult.where(~has, last.map(_SUFFIX))
        s = s.where(~has, s.str[:-1])
    empty = s.isin(["", "-", "null", "NaN", "nan", "None"])
    nums = pd.to_numeric(s.where(~empty), errors="coerce") * mult
    bad = nums.isna() & ~empty
    if required:
        bad |= empty
    if bad.any():
        i = bad.to_numpy().nonzero()[0][0]
        what = "missing value" if empty.iloc[i] else f"cannot read {values.iloc[i]!r} as a number"
        raise InputError(what, path=path, line=int(lines.iloc[i]), field=field)
    return nums.astype(float)
