"""Shares outstanding: how many shares a listed company had as of a date, and on what basis.

Columns read: a date (``as_of_date`` or ``as_of``), a total (``total_issued_shares`` or
``shares``), optional ``class_a_shares``/``class_b_shares``, ``basis`` (how the count
was obtained: an exchange filing, implied from a quoted market value, ...), ``source_url``,
``note``, and optionally ``ticker``. Without a ticker column the ticker comes from the
command line or from the file name (``xiaomi_shares_outstanding.csv`` names Xiaomi).
When both classes and the total are given, they must add up. Counts are whole numbers
from 1 to 1e12, dates run from 1990 to two years ahead (:mod:`evlens.validate`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import validate
from ..errors import InputError
from .reading import RawFile, columns_lookup, parse_dates, parse_numbers, read_table


@dataclass(frozen=True)
class ParsedShares:
    format: str
    frame: pd.DataFrame  # ticker, as_of, shares, class_a, class_b, basis, source_url, note, line


def parse_shares_file(raw: RawFile) -> ParsedShares:
    if raw.is_parquet:
        raise InputError("share counts are read from CSV text, not Parquet", path=raw.path)
    df = read_table(raw.text, raw.path)
    cols = columns_lookup(df)
    date_col = cols.get("as_of_date") or cols.get("as_of") or cols.get("date")
    total_col = cols.get("total_issued_shares") or cols.get("shares") or cols.get("shares_outstanding")
    if date_col is None:
        raise InputError("missing column 'as_of_date'", path=raw.path, line=1, field="as_of_date")
    if total_col is None:
        raise InputError("missing column 'total_issued_shares'", path=raw.path, line=1, field="total_issued_shares")
    basis_col = cols.get("basis")
    if basis_col is None:
        raise InputError("missing column 'basis'", path=raw.path, line=1, field="basis")
    lines = df["_line"]
    out = pd.DataFrame({"line": lines.astype(int)})
    out["ticker"] = df[cols["ticker"]].str.strip() if "ticker" in cols else None
    out["as_of"] = parse_dates(df[date_col], lines, raw.path, date_col)
    out["shares"] = parse_numbers(df[total_col], lines, raw.path, total_col)
    for name, key in (("class_a", "class_a_shares"), ("class_b", "class_b_shares")):
        out[name] = parse_numbers(df[cols[key]], lines, raw.path, cols[key], required=False) if key in cols else np.nan
    out["basis"] = df[basis_col].str.strip()
    empty = out["basis"] == ""
    if empty.any():
        i = empty.to_numpy().nonzero()[0][0]
        raise InputError("missing value", path=raw.path, line=int(lines.iloc[i]), field=basis_col)
    out["source_url"] = df[cols["source_url"]].replace("", None) if "source_url" in cols else None
    out["note"] = df[cols["note"]].replace("", None) if "note" in cols else None
    nonpos = out["shares"] <= 0
    if nonpos.any():
        i = nonpos.to_numpy().nonzero()[0][0]
        raise InputError("share count must be positive", path=raw.path, line=int(lines.iloc[i]), field=total_col)
    validate.check_column(out["shares"], lines, "shares", path=raw.path, field=total_col)
    for name, key in (("class_a", "class_a_shares"), ("class_b", "class_b_shares")):
        if key in cols:
            validate.check_column(out[name], lines, "shares", path=raw.path, field=cols[key])
    if "source_url" in cols:
        validate.check_urls(out["source_url"], lines, path=raw.path, field=cols["source_url"])
    both = out["class_a"].notna() & out["class_b"].notna()
    mismatch = both & ((out["class_a"] + out["class_b"] - out["shares"]).abs() > 0.5)
    if mismatch.any():
        i = mismatch.to_numpy().nonzero()[0][0]
        raise InputError(
            "class A plus class B shares do not add up to the total", path=raw.path,
            line=int(lines.iloc[i]), field=total_col,
        )
    key = ["ticker", "as_of", "basis"]
    dup = out.duplicated(key, keep=False)
    if dup.any():
        g = out.loc[dup].iloc[:2]
        if g["shares"].nunique() > 1:
            raise InputError(
                f"as-of date {g['as_of'].iloc[0].date()} and basis {g['basis'].iloc[0]!r} appear on lines "
                f"{int(g['line'].iloc[0])} and {int(g['line'].iloc[1])} with different counts",
                path=raw.path, line=int(g["line"].iloc[1]), field=date_col,
            )
        out = out.drop_duplicates(key)
    return ParsedShares("shares", out.sort_values("as_of").reset_index(drop=True))


def name_from_filename(path: Path) -> str:
    """``xiaomi_shares_outstanding.csv`` → ``xiaomi``; ``1810.HK_shares.csv`` → ``1810.HK``."""
    stem = re.sub(r"\.(csv|txt)$", "", path.name, flags=re.I)
    return re.sub(r"[_\- ]*(shares?|outstanding|issued|count|counts)+([_\- ]+(shares?|outstanding|issued|count|counts))*$", "", stem, flags=re.I) or stem
