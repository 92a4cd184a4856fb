"""Shares outstanding: how many shares a listed company had as of a date, and on what basis.

Two layouts are read.

**Counts** (one total a row). Columns: a date (``as_of_date``, ``as_of`` or ``date``), a
total (``total_issued_shares`` or ``shares``), optional ``class_a_shares``/``class_b_shares``,
``basis`` (how the count was obtained: an exchange filing, implied from a quoted market
value, ...), ``source_url``, ``note``, and optionally ``ticker``.

**Ledger** (a file with an ``event`` column): each row is one event of the share count,
in order, with either a filed ``total_issued_shares`` or a signed ``change``:

=========  =================================================================
column     meaning
=========  =================================================================
date       the day the row takes effect (a filing's as-of date, a placing's
           completion date)
event      what happened, a short slug: ``monthly_return``,
           ``next_day_disclosure``, ``placing``, ``scheme_allotment``,
           ``buyback_cancellation``, ``repurchase_mandate``, ...
change     signed number of shares the event adds or removes (empty for a total)
total_...  the total after the row, as filed or derived (empty for a change)
basis      ``filed`` (stated in a filing or announcement), ``derived`` (computed
           from a filed figure) or ``implied`` (backed out of a quoted market value)
document   the filing or announcement, in words
source_url where it can be read
=========  =================================================================

Rows are taken in date order and, within a date, in file order. A row with a total
(filed or derived) sets the running count; a change moves it; an implied total is an
observation beside the ledger and does not move it. Each row is stored as one share
count: a total as itself, with basis ``<basis>:<event>``; a change as the running count
after it, with basis ``event:<basis>:<event>``. The stored note is the document, then
`` | `` and the row's note. The ledger is reconciled against filed totals when read back
(:func:`evlens.market.marketcap.reconcile`), not here: a gap is information, not an error.

Without a ticker column the ticker comes from the command line or from the file name
(``xiaomi_shares_outstanding.csv`` names Xiaomi). When both classes and the total are
given, they must add up. Counts are whole numbers from 1 to 1e12, changes whole numbers
of at most 1e12 either way, dates run from 1990 to two years ahead (:mod:`evlens.validate`).
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

LEDGER_BASES = ("filed", "derived", "implied")
NOTE_SEPARATOR = " | "
CHANGE_LIMIT = validate.Limit("a change in the share count", -1e12, 1e12, whole=True, dimension="shares")
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ParsedShares:
    format: str  # "shares" (counts) or "ledger"
    frame: pd.DataFrame  # ticker, as_of, shares, class_a, class_b, basis, source_url, note, line


def _first(mask: pd.Series) -> int:
    return int(mask.to_numpy().nonzero()[0][0])


def _text(df: pd.DataFrame, cols: dict[str, str], key: str) -> pd.Series | None:
    if key not in cols:
        return None
    return df[cols[key]].fillna("").astype(str).str.strip()


def parse_shares_file(raw: RawFile) -> ParsedShares:
    if raw.is_parquet:
        raise InputError("share counts are read from CSV text, not Parquet", path=raw.path)
    df = read_table(raw.decoded_text(), raw.path)
    cols = columns_lookup(df)
    date_col, total_col, basis_col, ledger = _shares_columns(cols, raw.path)
    out = _count_rows(df, cols, raw.path, date_col, total_col, basis_col, ledger)
    if ledger:
        out = _ledger_rows(df, cols, out, raw.path, total_col, basis_col)
    out = _without_repeats(out, ledger, raw.path, date_col)
    return ParsedShares(
        "ledger" if ledger else "shares", out.sort_values(["as_of", "line"]).reset_index(drop=True)
    )


def _shares_columns(cols: dict[str, str], path: Path) -> tuple[str, str, str, bool]:
    """The columns of the date, the total and the basis, and whether the file is a ledger;
    an error for a column missing."""
    date_col = cols.get("as_of_date") or cols.get("as_of") or cols.get("date")
    total_col = cols.get("total_issued_shares") or cols.get("shares") or cols.get("shares_outstanding")
    ledger = "event" in cols
    if date_col is None:
        raise InputError("missing column 'as_of_date'", path=path, line=1, field="as_of_date")
    if total_col is None:
        raise InputError(
            "missing column 'total_issued_shares'", path=path, line=1, field="total_issued_shares"
        )
    basis_col = cols.get("basis")
    if basis_col is None:
        raise InputError("missing column 'basis'", path=path, line=1, field="basis")
    if ledger and "change" not in cols:
        raise InputError(
            "a ledger (a file with an 'event' column) needs a 'change' column",
            path=path,
            line=1,
            field="change",
        )
    return date_col, total_col, basis_col, ledger


def _count_rows(
    df: pd.DataFrame,
    cols: dict[str, str],
    path: Path,
    date_col: str,
    total_col: str,
    basis_col: str,
    ledger: bool,
) -> pd.DataFrame:
    """The rows of a share count file, parsed and checked: ticker, as_of, shares, class_a,
    class_b, basis, source_url, note and line (a total may be missing in a ledger)."""
    lines = df["_line"]
    out = pd.DataFrame({"line": lines.astype(int)})
    out["ticker"] = df[cols["ticker"]].str.strip() if "ticker" in cols else None
    out["as_of"] = parse_dates(df[date_col], lines, path, date_col)
    out["shares"] = parse_numbers(df[total_col], lines, path, total_col, required=not ledger)
    for name, key in (("class_a", "class_a_shares"), ("class_b", "class_b_shares")):
        out[name] = (
            parse_numbers(df[cols[key]], lines, path, cols[key], required=False) if key in cols else np.nan
        )
    out["basis"] = df[basis_col].fillna("").str.strip()
    empty = out["basis"] == ""
    if empty.any():
        raise InputError("missing value", path=path, line=int(lines.iloc[_first(empty)]), field=basis_col)
    out["source_url"] = df[cols["source_url"]].replace("", None) if "source_url" in cols else None
    out["note"] = df[cols["note"]].replace("", None) if "note" in cols else None
    nonpos = out["shares"] <= 0
    if nonpos.any():
        raise InputError(
            "share count must be positive",
            path=path,
            line=int(lines.iloc[_first(nonpos)]),
            field=total_col,
        )
    validate.check_column(out["shares"], lines, "shares", path=path, field=total_col)
    for name, key in (("class_a", "class_a_shares"), ("class_b", "class_b_shares")):
        if key in cols:
            validate.check_column(out[name], lines, "shares", path=path, field=cols[key])
    if "source_url" in cols:
        validate.check_urls(out["source_url"], lines, path=path, field=cols["source_url"])
    both = out["class_a"].notna() & out["class_b"].notna()
    mismatch = both & ((out["class_a"] + out["class_b"] - out["shares"]).abs() > 0.5)
    if mismatch.any():
        raise InputError(
            "class A plus class B shares do not add up to the total",
            path=path,
            line=int(lines.iloc[_first(mismatch)]),
            field=total_col,
        )
    return out


def _without_repeats(out: pd.DataFrame, ledger: bool, path: Path, date_col: str) -> pd.DataFrame:
    """The rows with a count given twice (same ticker, date and basis) once; an error for
    two such rows of a ledger, or with different counts."""
    dup_key = ["ticker", "as_of", "basis"]
    dup = out.duplicated(dup_key, keep=False)
    if dup.any():
        g = out.loc[dup].sort_values("line").iloc[:2]
        if ledger:
            raise InputError(
                f"two rows of basis {g['basis'].iloc[0]!r} on {g['as_of'].iloc[0].date()} (lines "
                f"{int(g['line'].iloc[0])} and {int(g['line'].iloc[1])}): one event a day per kind; add them into one row",
                path=path,
                line=int(g["line"].iloc[1]),
                field=date_col,
            )
        if g["shares"].nunique() > 1:
            raise InputError(
                f"as-of date {g['as_of'].iloc[0].date()} and basis {g['basis'].iloc[0]!r} appear on lines "
                f"{int(g['line'].iloc[0])} and {int(g['line'].iloc[1])} with different counts",
                path=path,
                line=int(g["line"].iloc[1]),
                field=date_col,
            )
        out = out.drop_duplicates(dup_key)
    return out


def _ledger_rows(df, cols, out, path, total_col, basis_col) -> pd.DataFrame:
    """Check a ledger's rows and turn each into a stored count (see the module docstring)."""
    lines = df["_line"]
    change_col = cols["change"]
    change = parse_numbers(df[change_col], lines, path, change_col, required=False)
    validate.check_column(change, lines, CHANGE_LIMIT, path=path, field=change_col)
    event = _text(df, cols, "event")
    if event is None:  # (a ledger is a file with an 'event' column)
        raise InputError("missing column 'event'", path=path, line=1, field="event")
    document = _text(df, cols, "document")
    for i in range(len(out)):
        _check_ledger_row(out, i, event.iloc[i], change.iloc[i], int(lines.iloc[i]), path, cols, basis_col)
    out = out.copy()
    out["change"] = change.to_numpy()
    out["event"] = event.to_numpy()
    out["basis"] = out["basis"].str.lower()
    doc = document if document is not None else pd.Series("", index=out.index)
    notes = (
        out["note"].fillna("").astype(str).str.strip()
        if out["note"].notna().any()
        else pd.Series("", index=out.index)
    )
    out["note"] = [(d + NOTE_SEPARATOR + n if n else d) or None for d, n in zip(doc, notes)]
    totals, bases = _running_counts(out, path, change_col)
    out["shares"] = pd.Series(dict(totals))
    out["basis"] = pd.Series(dict(bases))
    validate.check_column(out["shares"], lines, "shares", path=path, field=total_col)
    return out.drop(columns=["change", "event"])


def _check_ledger_row(out, i: int, ev: str, change, line: int, path, cols, basis_col) -> None:
    """Check row ``i`` of a ledger: a slug for its event, a basis of :data:`LEDGER_BASES`,
    either a change or a total, a change that moves something, is no implied figure and
    comes without class counts."""
    change_col = cols["change"]
    basis = out["basis"].iloc[i].lower()
    if not ev:
        raise InputError("missing value", path=path, line=line, field=cols["event"])
    if not _SLUG.match(ev):
        raise InputError(
            f"an event is a lower-case slug such as 'placing', got {ev!r}",
            path=path,
            line=line,
            field=cols["event"],
        )
    if basis not in LEDGER_BASES:
        raise InputError(
            f"basis must be one of {', '.join(LEDGER_BASES)}, got {out['basis'].iloc[i]!r}",
            path=path,
            line=line,
            field=basis_col,
        )
    has_total, has_change = pd.notna(out["shares"].iloc[i]), pd.notna(change)
    if has_total == has_change:
        raise InputError(
            "give either a change or a total, not both"
            if has_total
            else "missing value: a change or a total",
            path=path,
            line=line,
            field=change_col,
        )
    if has_change and change == 0:
        raise InputError("a change of 0 shares moves nothing", path=path, line=line, field=change_col)
    if has_change and basis == "implied":
        raise InputError("an implied figure is a total, not a change", path=path, line=line, field=basis_col)
    if has_change and (pd.notna(out["class_a"].iloc[i]) or pd.notna(out["class_b"].iloc[i])):
        raise InputError(
            "class counts go with a total, not a change",
            path=path,
            line=line,
            field=cols.get("class_b_shares") or cols.get("class_a_shares"),
        )


def _running_counts(out: pd.DataFrame, path, change_col: str) -> tuple[list, list]:
    """The count each ledger row stores and its basis, as (index, value) pairs: a total
    sets the running count of its ticker (an implied one does not), a change moves it."""
    running: dict[object, float] = {}
    totals, bases = [], []
    for r in out.sort_values(["as_of", "line"]).itertuples():
        key = r.ticker
        if pd.notna(r.change):
            if key not in running:
                raise InputError(
                    "a change needs a filed or derived total dated on or before it to start from",
                    path=path,
                    line=int(r.line),
                    field=change_col,
                )
            total = running[key] + r.change
            if total <= 0:
                raise InputError(
                    f"the count would fall to {total:,.0f} after this change",
                    path=path,
                    line=int(r.line),
                    field=change_col,
                )
            running[key] = total
            totals.append((r.Index, total))
            bases.append((r.Index, f"event:{r.basis}:{r.event}"))
        else:
            if r.basis != "implied":
                running[key] = r.shares
            totals.append((r.Index, r.shares))
            bases.append((r.Index, f"{r.basis}:{r.event}"))
    return totals, bases


def name_from_filename(path: Path) -> str:
    """``xiaomi_shares_outstanding.csv`` → ``xiaomi``; ``1810.HK_shares.csv`` → ``1810.HK``."""
    stem = re.sub(r"\.(csv|txt)$", "", path.name, flags=re.I)
    return (
        re.sub(
            r"[_\- ]*(shares?|outstanding|issued|count|counts)+([_\- ]+(shares?|outstanding|issued|count|counts))*$",
            "",
            stem,
            flags=re.I,
        )
        or stem
    )
