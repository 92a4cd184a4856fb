"""Reading input files safely: bytes to text, and text to a table of strings.

Every failure becomes an :class:`~evlens.errors.InputError` that names the file, and the
line and field where there is one: a missing file, an empty or binary file, text that is
not UTF-8, a row with the wrong number of fields.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputError
from ..facts import content_hash
from .. import validate

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


_FILE_TYPES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str | None:
    """What a file is when it is not a regular file ("a directory", ...), else None."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _FILE_TYPES:
        if test(mode):
            return name
    return "not a regular file"


def _os_error(exc: OSError, p: Path) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError("a symbolic link loop: the link leads back to itself", path=p)
    if exc.errno == errno.ENOENT:
        if p.is_symlink():
            return InputError("a broken symbolic link: its target does not exist", path=p)
        return InputError("no such file", path=p)
    if exc.errno == errno.EISDIR:
        return InputError("is a directory, not a file", path=p)
    reason = (exc.strerror or type(exc).__name__).lower()
    return InputError(f"cannot read the file: {reason}", path=p)


def read_file(path: str | Path) -> RawFile:
    """Read a regular file whole. Directories, named pipes, devices and sockets are refused
    by their type, before anything is read; so are symbolic link loops and unreadable files."""
    p = Path(path)
    try:
        kind = _not_regular(os.stat(p).st_mode)
    except OSError as exc:
        raise _os_error(exc, p) from None
    if kind == "a directory":
        raise InputError("is a directory, not a file", path=p)
    if kind is not None:
        raise InputError(f"is {kind}, not a regular file", path=p)
    try:
        # O_NONBLOCK: should the path have become a pipe since the check, opening it
        # does not wait for a writer, and the check below refuses it
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _os_error(exc, p) from None
    with os.fdopen(fd, "rb") as fh:
        kind = _not_regular(os.fstat(fh.fileno()).st_mode)
        if kind is not None:
            raise InputError(f"is {kind}, not a regular file", path=p)
        try:
            data = fh.read()
        except OSError as exc:
            raise _os_error(exc, p) from None
    fid = content_hash(data)
    if data.startswith(PARQUET_MAGIC):
        return RawFile(p, data, fid, None)
    return RawFile(p, data, fid, decode_text(data, p))


_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order of text without a byte-order mark, told by where its NUL
    bytes fall (CSV text is mostly ASCII: one byte of each pair is NUL), or None."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if even.count(0) == 0 and odd.count(0) >= len(odd) // 2:
        return "utf-16-le"
    if odd.count(0) == 0 and even.count(0) >= len(even) // 2:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: Path) -> str:
    """Bytes to text. Read: UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32
    with a byte-order mark, and UTF-16 without one. Refused with the reason: empty files,
    binary files (NUL bytes), zip/Excel files, and text in other encodings (GBK, Latin-1),
    which are never guessed at. Newlines become ``\\n``; byte-order marks are dropped."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError("the file is empty", path=path)
    if data.startswith(b"PK\x03\x04"):
        raise InputError("a zip or Excel file, not CSV text: export the sheet as CSV (UTF-8)", path=path)
    encoding = name = None
    for bom, enc, label in _BOMS:
        if data.startswith(bom):
            data, encoding, name = data[len(bom):], enc, label
            break
    else:
        encoding = _utf16_without_bom(data)
        name = "UTF-16" if encoding else None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"broken {name} text: {exc.reason} at byte {exc.start}; save the file as UTF-8",
                             path=path) from None
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            raise InputError(f"a binary file, not CSV text (NUL character in {name} text)", path=path, line=line)
    else:
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise InputError("a binary file, not CSV text (NUL byte)", path=path, line=line)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            bad = data[exc.start : exc.start + 1].hex()
            hint = " (it looks like GBK/GB18030 Chinese text)" if _looks_gbk(data) else ""
            raise InputError(
                f"not UTF-8 text{hint}: byte 0x{bad} at offset {exc.start} cannot be decoded; save the file as UTF-8",
                path=path,
                line=line,
            ) from None
    text = text.replace("\ufeff", "")
    if not text.strip():
        raise InputError("the file is empty", path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_gbk(data: bytes) -> bool:
    try:
        text = data[:65536].decode("gb18030")
    except UnicodeDecodeError:
        return False
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 2


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
    _check_field_counts(body, len(df.columns), path, skip_lines)
    df.columns = [str(c).strip().lstrip("\ufeff").strip('"').strip() for c in df.columns]
    df["_line"] = range(skip_lines + 2, skip_lines + 2 + len(df))
    blank = (df.drop(columns="_line") == "").all(axis=1)
    df = df.loc[~blank].reset_index(drop=True)
    if df.empty:
        raise InputError("the file has a header but no rows", path=path)
    return df


def _check_field_counts(body: str, width: int, path: Path, skip_lines: int) -> None:
    """Every row has as many fields as the header: a short row (a file cut off mid-row,
    a ragged line) is refused rather than read with empty cells."""
    reader = csv.reader(io.StringIO(body))
    start = 1
    for record in reader:
        if record and len(record) < width and any(f.strip() for f in record):
            raise InputError(
                f"malformed CSV: {len(record)} fields where the header has {width} (a ragged row, or the file is cut short)",
                path=path, line=start + skip_lines,
            )
        start = reader.line_num + 1


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
        # years outside what the store accepts (9999-12-31, 1899-01-01) are refused by
        # the date rule, before pandas' own range could mistake them for unreadable dates
        far = (ymd[0] < validate.EARLIEST.year) | (ymd[0] > validate.latest_date().year)
        for i in far.to_numpy().nonzero()[0][:1]:
            try:
                d = date(int(ymd[0].iloc[i]), int(ymd[1].iloc[i]), int(ymd[2].iloc[i]))
            except ValueError:
                break
            validate.check_date(d, path=path, line=int(lines.iloc[i]), field=field)
        dates = pd.to_datetime(
            {"year": ymd[0], "month": ymd[1], "day": ymd[2]}, errors="coerce"
        )
        bad = dates.isna()
        if not bad.any():
            validate.check_dates(dates, lines, path=path, field=field)
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
    are NaN unless ``required``. Refused: a comma that does not group thousands (``10,5``),
    and numbers that are not finite (``inf``, ``nan`` written out, ``1e999``)."""
    validate.check_number_texts(values, lines, path=path, field=field)
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
        what = "missing value" if empty.iloc[i] else f"cannot read {_shorten(values.iloc[i])} as a number"
        raise InputError(what, path=path, line=int(lines.iloc[i]), field=field)
    infinite = np.isinf(nums.to_numpy(dtype=float, na_value=np.nan))
    if infinite.any():
        i = infinite.nonzero()[0][0]
        shown = _shorten(values.iloc[i])
        what = "is not a finite number" if "inf" in shown.lower() else "is too large a number to hold"
        raise InputError(f"{shown} {what}", path=path,
                         line=int(lines.iloc[i]), field=field)
    return nums.astype(float)


def _shorten(text: object, width: int = 40) -> str:
    s = str(text).strip()
    return repr(s) if len(s) <= width else repr(s[: width - 3] + "...") + f" ({len(s)} characters)"
