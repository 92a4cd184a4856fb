"""Reading input files safely: bytes to text, and text to a table of strings.

Every failure becomes an :class:`~evlens.errors.InputError` that names the file, and the
line and field where there is one: a missing file, an empty or binary file, text that is
not UTF-8, a row with the wrong number of fields.
"""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .. import validate
from ..errors import InputError
from ..facts import content_hash

PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class RawFile:
    """A file to import: its bytes, its content hash, and (for text) its decoded text.

    A large file is not read whole: :func:`open_file` hashes it block by block and leaves
    ``data`` and ``text`` unset; ``stream`` then says how its rows are read in batches
    (``"csv"``: UTF-8 text, ``"parquet"``), and ``head`` holds its first lines of text."""

    path: Path
    data: bytes | None
    id: str
    text: str | None  # None for Parquet and for a streamed file
    stream: str | None = None  # "csv" or "parquet" when rows are read in batches
    head: str | None = None  # the first lines of a streamed CSV file

    @property
    def is_parquet(self) -> bool:
        return self.stream == "parquet" or (self.stream is None and self.text is None)

    @property
    def streamed(self) -> bool:
        return self.stream is not None

    def decoded_text(self) -> str:
        """The file's text. A Parquet file has none, nor has a large file read in batches
        (its rows come from ``stream``): asking for it is an error naming the file."""
        if self.text is None:
            raise InputError("has no text read whole (Parquet, or read in batches)", path=self.path)
        return self.text

    def whole_data(self) -> bytes:
        """The file's bytes; a large file read in batches holds none (an error naming it)."""
        if self.data is None:
            raise InputError("has no bytes read whole (read in batches)", path=self.path)
        return self.data

    def header_view(self) -> RawFile:
        """A file whose ``text`` is enough to tell its kind and format from its header:
        the file itself, or for a streamed CSV file its first lines."""
        if self.stream != "csv":
            return self
        return RawFile(self.path, None, self.id, self.head)


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


def _open_regular(p: Path):
    """The file at ``p`` opened for reading in binary, once it is known to be a regular
    file. Directories, named pipes, devices and sockets are refused by their type, before
    anything is read; so are symbolic link loops and unreadable files."""
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
    fh = os.fdopen(fd, "rb")
    kind = _not_regular(os.fstat(fh.fileno()).st_mode)
    if kind is not None:
        fh.close()
        raise InputError(f"is {kind}, not a regular file", path=p)
    return fh


def read_file(path: str | Path) -> RawFile:
    """Read a regular file whole. Directories, named pipes, devices and sockets are refused
    by their type, before anything is read; so are symbolic link loops and unreadable files."""
    p = Path(path)
    with _open_regular(p) as fh:
        try:
            data = fh.read()
        except OSError as exc:
            raise _os_error(exc, p) from None
    fid = content_hash(data)
    if data.startswith(PARQUET_MAGIC):
        return RawFile(p, data, fid, None)
    return RawFile(p, data, fid, decode_text(data, p))


#: Files at least this large (bytes) are read in batches when their format allows it
#: (plain UTF-8 CSV text, Parquet); ``EVLENS_STREAM_BYTES`` overrides it.
STREAM_BYTES = 8_000_000
BLOCK = 1 << 20  # bytes hashed and checked at a time
HEAD_BYTES = 1 << 16  # bytes of a streamed text file kept to tell its kind and format


def stream_threshold() -> int:
    text = os.environ.get("EVLENS_STREAM_BYTES", "").strip()
    try:
        return max(0, int(text)) if text else STREAM_BYTES
    except ValueError:
        return STREAM_BYTES


def open_file(path: str | Path) -> RawFile:
    """A file to import. Files smaller than :func:`stream_threshold` are read whole
    (:func:`read_file`). A larger one is hashed in blocks of 1 MB and its rows are left to
    be read in batches, if it is Parquet or UTF-8 CSV text that reads the same in batches
    as whole: no NUL bytes, no broken UTF-8, no byte-order marks past the start, no lone
    carriage returns, no quoted fields after a space. Any other file is read whole, so
    that it is refused (or read) exactly as :func:`read_file` and :func:`decode_text` do."""
    p = Path(path)
    with _open_regular(p) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size < max(stream_threshold(), 1):
                return read_file(p)
            first = fh.read(HEAD_BYTES)
            if first.startswith(PARQUET_MAGIC):
                return RawFile(p, None, _hash_rest(fh, first), None, stream="parquet")
            head = _streamable_head(first)
            if head is None:
                return read_file(p)
            fid = _scan_text(fh, first)
        except OSError as exc:
            raise _os_error(exc, p) from None
    if fid is None:
        return read_file(p)
    return RawFile(p, None, fid, None, stream="csv", head=head)


def _hash_rest(fh, first: bytes) -> str:
    h = hashlib.sha256(first)
    for block in iter(lambda: fh.read(BLOCK), b""):
        h.update(block)
    return h.hexdigest()[:32]


def _streamable_head(first: bytes) -> str | None:
    """The first lines of text of a file that may be read in batches (UTF-8, with or
    without a byte-order mark, whose first three lines are within the first block), or
    None when the file has to be read whole."""
    if first.startswith(b"PK\x03\x04") or any(first.startswith(bom) for bom, _, _ in _BOMS):
        return None
    if _utf16_without_bom(first) is not None:
        return None
    body = first[3:] if first.startswith(b"\xef\xbb\xbf") else first
    cut = body.rfind(b"\n")
    if body[: cut + 1].count(b"\n") < 3:
        return None
    try:
        text = body[: cut + 1].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.replace("\r\n", "\n")


def _scan_text(fh, first: bytes) -> str | None:
    """Hash the rest of a text file and check that it reads the same in batches as whole;
    the content hash, or None when it has to be read whole."""
    h = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    prev = b""
    filled = False  # any byte that is not blank (else decode_text calls the file empty)
    block = first[3:] if first.startswith(b"\xef\xbb\xbf") else first
    h.update(first[: len(first) - len(block)])
    while block:
        h.update(block)
        joined = prev + block
        if (
            b"\x00" in block
            or b"\xef\xbb\xbf" in joined
            or b' "' in joined
            or b'" ' in joined
            or re.search(rb"\r(?!\n)", joined[:-1] if joined.endswith(b"\r") else joined)
        ):
            return None
        try:
            decoder.decode(block)
        except UnicodeDecodeError:
            return None
        filled = filled or bool(block.translate(None, b" \t\r\n"))
        prev = joined[-2:]
        block = fh.read(BLOCK)
    if prev.endswith(b"\r"):  # a lone carriage return at the very end
        return None
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return h.hexdigest()[:32] if filled else None


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
            data, encoding, name = data[len(bom) :], enc, label
            break
    else:
        encoding = _utf16_without_bom(data)
        name = "UTF-16" if encoding else None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"broken {name} text: {exc.reason} at byte {exc.start}; save the file as UTF-8", path=path
            ) from None
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            raise InputError(
                f"a binary file, not CSV text (NUL character in {name} text)", path=path, line=line
            )
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
                path=path,
                line=start + skip_lines,
            )
        start = reader.line_num + 1


def columns_lookup(df: pd.DataFrame) -> dict[str, str]:
    """Map lower-cased, space-folded column names to the columns as written."""
    return {re.sub(r"\s+", " ", c.strip().lower()): c for c in df.columns if c != "_line"}


_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T][0-9:.+\-Z ]*)?\s*$")


def parse_dates(values: pd.Series, lines: pd.Series, path: str | Path, field: str) -> pd.Series:
    """Dates written year first (``2024-01-03``, ``2024-1-3``, ``2024/01/03``, with or
    without a time part); anything else is an error naming the line."""
    parts = values.str.extract(_DATE)
    bad = parts[0].isna()
    stage, far_first = 0, False
    if not bad.any():
        ymd = parts.astype(int)
        # years outside what the store accepts (9999-12-31, 1899-01-01) are refused by
        # the date rule, before pandas' own range could mistake them for unreadable dates
        far = (ymd[0] < validate.EARLIEST.year) | (ymd[0] > validate.latest_date().year)
        for i in far.to_numpy().nonzero()[0][:1]:
            far_first = True
            try:
                d = date(int(ymd[0].iloc[i]), int(ymd[1].iloc[i]), int(ymd[2].iloc[i]))
            except ValueError:
                break
            with _stage(1):
                validate.check_date(d, path=path, line=int(lines.iloc[i]), field=field)
        dates = pd.to_datetime({"year": ymd[0], "month": ymd[1], "day": ymd[2]}, errors="coerce")
        bad = dates.isna()
        if not bad.any():
            with _stage(3):
                validate.check_dates(dates, lines, path=path, field=field)
            return dates
        stage = 2
    i = bad.to_numpy().nonzero()[0][0]
    exc = InputError(
        f"cannot read {values.iloc[i]!r} as a date (expected year-month-day, e.g. 2024-01-03)",
        path=path,
        line=int(lines.iloc[i]),
        field=field,
    )
    exc.stage = (stage,)
    # an unreadable date after a first far-off one: read whole, the file is refused for
    # its first unreadable date, which may lie in an earlier batch (see prices.FirstError)
    exc.after_far = far_first
    raise exc


_SUFFIX = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def parse_numbers(
    values: pd.Series,
    lines: pd.Series,
    path: str | Path,
    field: str,
    *,
    required: bool = True,
    suffixes: bool = False,
) -> pd.Series:
    """Numbers as exports write them: thousands separators (``4,443.01``), a trailing
    ``%``, and with ``suffixes`` a magnitude letter (``940.97M``, ``1.57B``). Empty cells
    are NaN unless ``required``. Refused: a comma that does not group thousands (``10,5``),
    and numbers that are not finite (``inf``, ``nan`` written out, ``1e999``)."""
    with _stage(0):
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
    unread = nums.isna() & ~empty
    if unread.any():  # pandas 2 gives NaN for text that overflows a float ("1e999"); read it as inf
        nums = nums.where(~unread, s.where(unread).map(_float_or_nan) * mult)
    bad = nums.isna() & ~empty
    if required:
        bad |= empty
    if bad.any():
        i = bad.to_numpy().nonzero()[0][0]
        what = "missing value" if empty.iloc[i] else f"cannot read {_shorten(values.iloc[i])} as a number"
        with _stage(1):
            raise InputError(what, path=path, line=int(lines.iloc[i]), field=field)
    infinite = np.isinf(nums.to_numpy(dtype=float, na_value=np.nan))
    if infinite.any():
        i = infinite.nonzero()[0][0]
        shown = _shorten(values.iloc[i])
        what = "is not a finite number" if "inf" in shown.lower() else "is too large a number to hold"
        with _stage(2):
            raise InputError(f"{shown} {what}", path=path, line=int(lines.iloc[i]), field=field)
    return nums.astype(float)


@contextmanager
def _stage(rank: int) -> Iterator[None]:
    """Mark an :class:`InputError` raised within with the step of the checks it comes
    from: ``exc.stage`` is a tuple, outer steps first. Read in batches, a file is refused
    for the error of the earliest step, and within it the earliest line, as if read whole."""
    try:
        yield
    except InputError as exc:
        exc.stage = (rank,) + getattr(exc, "stage", ())
        raise


def _float_or_nan(text: object) -> float:
    """``float(text)`` (``inf`` for a number too large to hold), or NaN if it is no number."""
    try:
        return float(str(text))
    except (TypeError, ValueError):
        return float("nan")


def _shorten(text: object, width: int = 40) -> str:
    s = str(text).strip()
    return repr(s) if len(s) <= width else repr(s[: width - 3] + "...") + f" ({len(s)} characters)"
