"""Market value: quoted close times shares outstanding, as a day, a milestone or a series.

``market_cap(d) = close(d) × shares(d)`` where ``close(d)`` is the **unadjusted** close of
session ``d`` and ``shares(d)`` the share count in force that day, found by an as-of join
on the stored share counts (the share-count ledger, :mod:`evlens.sources.shares`):

1. take the counts dated **on or before** ``d`` and keep the latest date among them (a
   count is never used before the date it is as of);
2. on that date, the last entry of the ledger is in force: a filed or derived count, or
   the running count after an event (a placing, an allotment, a cancellation), in ledger
   order; a count implied from a quoted market value only when the ledger has nothing
   that day. Without ledger order (counts with no line), a filing wins over a derived
   count (:data:`BASIS_PREFERENCE`);
3. an implied count that is the latest is used as it is: it is newer information than
   the filing before it, and it is what quote sites multiply by. The basis is always in
   the output, with the market value on the latest *filed* count beside it when that
   differs, so the reader sees how much the choice matters.

The ledger is reconciled against its totals (:func:`reconcile`): each filed or derived
total is compared with the count the ledger had reached just before it (the previous
total plus the changes since); ``gap = total - expected`` is what the ledger does not
itemise.

Dividend-adjusted closes are no quoted prices: market value is refused for them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd

from ..errors import EvlensError, InputError, NotFoundError
from .series import PriceSeries, load_prices

BASIS_PREFERENCE = ("filing", "derived", "implied")
KIND_RANK = {"filed": 0, "derived": 1, "event": 1, "implied": 2}


def basis_kind(basis: str | None) -> str:
    """What a stored basis says about a count: ``filed`` (a filed total), ``event`` (the
    running count after an event of the ledger), ``derived`` (computed from a filed
    figure), ``implied`` (backed out of a quoted market value) or ``unknown``. Reads the
    ledger's ``filed:monthly_return``, ``event:filed:placing`` and the older
    ``hkex_filing_summary``, ``derived_from_...``, ``implied_...``."""
    b = (basis or "").lower()
    if b.startswith("event:"):
        return "event"
    if b.startswith("filed") or "filing" in b:
        return "filed"
    if "derived" in b:
        return "derived"
    if "implied" in b:
        return "implied"
    return "unknown"


def basis_event(basis: str | None) -> str | None:
    """The event named in a ledger basis (``event:filed:placing`` → ``placing``), or None."""
    parts = (basis or "").split(":")
    return parts[-1] if len(parts) > 1 and parts[-1] else None


def basis_rank(basis: str | None) -> int:
    """Order of preference of a share-count basis (lower is preferred): a filing, then a
    derived count (or one after a ledger event), then an implied one; unknown last."""
    return KIND_RANK.get(basis_kind(basis), len(BASIS_PREFERENCE))


def is_filed(basis: str | None) -> bool:
    return basis_kind(basis) == "filed"


def split_note(note: str | None) -> tuple[str | None, str | None]:
    """A stored ledger note is ``document | note``: give (document, note)."""
    if note is None or (isinstance(note, float) and pd.isna(note)) or not str(note).strip():
        return None, None
    text = str(note)
    if " | " in text:
        doc, rest = text.split(" | ", 1)
        return doc.strip() or None, rest.strip() or None
    return None, text


class AdjustedPricesError(EvlensError):
    """Market value asked of dividend-adjusted closes."""


@dataclass(frozen=True)
class ShareCount:
    as_of: date
    shares: float
    basis: str
    source_url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat()
        return d


def share_table(df: pd.DataFrame, ticker: str) -> pd.DataFrame:
    """Normalise stored share counts (``store.shares(ticker)`` or
    :func:`evlens.store.shares.share_rows`) to columns as_of (Timestamp), shares, basis,
    source_url, note, line, rank, kind, in ledger order: by date, then the order the rows
    came in (their line), then, for rows without one, the preferred basis last."""
    if df is None or df.empty:
        raise NotFoundError(f"no share counts stored for {ticker}: import a shares file first")
    f = df.copy().reset_index(drop=True)
    for col in ("source_url", "note", "line"):
        if col not in f.columns:
            f[col] = None
    if "basis" not in f.columns:
        f["basis"] = "unknown"
    f["as_of"] = pd.to_datetime(f["as_of"])
    f["shares"] = f["shares"].astype("float64")
    if (f["shares"] <= 0).any():
        raise InputError(f"share counts of {ticker} must be positive", field="shares")
    f["rank"] = f["basis"].map(basis_rank)
    f["kind"] = f["basis"].map(basis_kind)
    f["_pos"] = range(len(f))  # the order the rows were given in (ledger order from the store)
    line = pd.to_numeric(f["line"], errors="coerce")
    f["_line"] = line.fillna(-1)
    f["_pref"] = (-f["rank"]).where(line.isna(), 0)  # without a line: the preferred basis last
    f = f.sort_values(["as_of", "_line", "_pref", "_pos"], kind="stable")
    return f.drop(columns=["_pos", "_line", "_pref"]).reset_index(drop=True)


def in_force(table: pd.DataFrame) -> pd.DataFrame:
    """One count per date, the one in force at the end of that day: the last ledger
    entry of the date that is not implied, else the last implied one (see the module
    docstring). ``table`` comes from :func:`share_table`."""
    chosen = []
    for _, g in table.groupby("as_of", sort=True):
        chain = g[g["kind"] != "implied"]
        chosen.append((chain if not chain.empty else g).iloc[-1])
    out = pd.DataFrame(chosen).reset_index(drop=True)
    out["as_of"] = pd.to_datetime(out["as_of"])
    return out


def _count(row) -> ShareCount:
    return ShareCount(
        row["as_of"].date(), float(row["shares"]), str(row["basis"]),
        row["source_url"] if pd.notna(row["source_url"]) else None,
        row["note"] if pd.notna(row["note"]) else None,
    )


def shares_as_of(table: pd.DataFrame, day: date, *, filed_only: bool = False) -> ShareCount | None:
    """The share count in force on ``day`` by the rule in the module docstring; None when
    no count is dated on or before ``day``. ``filed_only``: among filed totals only."""
    t = table[table["as_of"] <= pd.Timestamp(day)]
    if filed_only:
        t = t[t["kind"] == "filed"]
    if t.empty:
        return None
    return _count(in_force(t).iloc[-1])


def shares_asof_series(table: pd.DataFrame, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Vectorised :func:`shares_as_of` for many sessions: one row per day with as_of,
    shares, basis, source_url and note (NaN/None before the first count)."""
    best = in_force(table)
    left = pd.DataFrame({"date": pd.DatetimeIndex(days).astype("datetime64[ns]")})
    right = best[["as_of", "shares", "basis", "source_url", "note"]].copy()
    right["as_of"] = right["as_of"].astype("datetime64[ns]")
    return pd.merge_asof(left.sort_values("date"), right, left_on="date", right_on="as_of", direction="backward")


def stored_counts(store, ticker: str) -> pd.DataFrame:
    """The stored counts of ``ticker`` in ledger order: through
    :func:`evlens.store.shares.share_rows` for a DuckDB store; a stand-in store without
    SQL gives its counts, in order, through ``store.shares``."""
    if hasattr(store, "con"):
        from ..store.shares import share_rows

        return share_rows(store, ticker)
    return store.shares(ticker)


def reported_market_cap(store, entity: str | None, day: date) -> dict | None:
    """A market value stored as a fact for ``entity`` on ``day`` (from the press, say),
    to show beside the computed one; None when there is none."""
    if not entity:
        return None
    try:
        df = store.facts(entity=entity, metric="market_cap", period=day.isoformat())
    except (NotFoundError, ValueError):
        return None
    if df is None or df.empty:
        return None
    row = df.iloc[0]
    return {"value": float(row["value"]), "unit": row.get("unit"), "fact_id": row.get("id"),
            "source_url": row.get("source_url")}


def _refuse_adjusted(ps: PriceSeries) -> None:
    if ps.adjusted:
        raise AdjustedPricesError(
            f"the stored closes of {ps.ticker} are dividend-adjusted, so they are not the prices that were "
            "quoted and cannot give a market value; import an unadjusted price file for it"
        )


@dataclass(frozen=True)
class MarketCap:
    """Market value of one listed line on one session."""

    ticker: str
    date: date
    close: float
    shares: float
    shares_as_of: date
    basis: str
    market_cap: float
    currency: str | None
    shares_source_url: str | None = None
    suspect: bool = False  # the close is from a row the source gets wrong
    filed: dict | None = None  # the same on the latest filed count, when it differs
    reported: dict | None = None  # a market value stored as a fact for that day
    rule: str = "as-of join: latest count dated on or before the session; ties by basis filing > derived > implied"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        d["shares_as_of"] = self.shares_as_of.isoformat()
        d["close"] = round(self.close, 4)  # source files carry float32 noise (40.54999923...)
        return d

    def summary(self) -> str:
        return (
            f"{self.ticker} on {self.date}: {self.close:.2f} × {self.shares:,.0f} shares "
            f"(as of {self.shares_as_of}, {self.basis}) = {self.currency or ''} {self.market_cap:,.0f}"
        )


@dataclass(frozen=True)
class Milestone:
    """The first session whose market value reached ``threshold``."""

    ticker: str
    threshold: float
    crossed: bool
    first_date: date | None
    close: float | None
    shares: float | None
    shares_as_of: date | None
    basis: str | None
    market_cap: float | None
    currency: str | None
    shares_source_url: str | None = None
    searched_from: date | None = None
    searched_to: date | None = None
    max_market_cap: float | None = None  # the highest value seen, when never crossed
    max_date: date | None = None
    filed: dict | None = None
    reported: dict | None = None  # a market value stored as a fact for the first date
    skipped_suspect: tuple[date, ...] = ()
    rule: str = (
        "first session with close × shares-as-of >= threshold; suspect rows skipped; shares by as-of join "
        "(latest count dated on or before the session; ties by basis filing > derived > implied)"
    )

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("first_date", "shares_as_of", "searched_from", "searched_to", "max_date"):
            d[k] = d[k].isoformat() if d[k] else None
        d["skipped_suspect"] = [x.isoformat() for x in self.skipped_suspect]
        d["close"] = round(self.close, 4) if self.close is not None else None  # float32 noise in the files
        return d

    def summary(self) -> str:
        if not self.crossed:
            return (
                f"{self.ticker} never reached {self.threshold:,.0f} between {self.searched_from} and "
                f"{self.searched_to}; highest {self.max_market_cap:,.0f} on {self.max_date}"
            )
        text = (
            f"{self.ticker} first reached {self.threshold:,.0f} on {self.first_date}: close {self.close:.2f} × "
            f"{self.shares:,.0f} shares (as of {self.shares_as_of}, {self.basis}) = {self.currency or ''} "
            f"{self.market_cap:,.0f}"
        )
        if self.filed:
            text += f"\non the filed count of {self.filed['shares_as_of']}: {self.filed['market_cap']:,.0f}"
        if self.reported:
            text += f"\nreported that day: {self.reported['value']:,.0f} (fact {self.reported['fact_id']})"
        if self.skipped_suspect:
            text += "\nsuspect rows skipped: " + ", ".join(d.isoformat() for d in self.skipped_suspect)
        return text


def _filed_alternative(table: pd.DataFrame, day: date, close: float, used: ShareCount) -> dict | None:
    if is_filed(used.basis):
        return None
    filed = shares_as_of(table, day, filed_only=True)
    if filed is None:
        return None
    return {"shares": filed.shares, "shares_as_of": filed.as_of.isoformat(), "basis": filed.basis,
            "market_cap": close * filed.shares, "source_url": filed.source_url}


def market_cap_on(store, ticker: str, on: date | str | None = None) -> MarketCap:
    """Market value on session ``on`` (the last close on or before it; the latest close
    when ``on`` is None)."""
    ps = load_prices(store, ticker)
    if ps.empty:
        raise NotFoundError(f"no stored closes for {ps.ticker}")
    _refuse_adjusted(ps)
    table = share_table(stored_counts(store, ps.ticker), ps.ticker)
    closes = ps.closes
    if on is not None:
        day = pd.Timestamp(str(on))
        closes = closes[closes.index <= day]
        if closes.empty:
            raise NotFoundError(f"no close of {ps.ticker} on or before {day.date()}")
    session = closes.index[-1].date()
    close = float(closes.iloc[-1])
    count = shares_as_of(table, session)
    if count is None:
        first = table["as_of"].min().date()
        raise NotFoundError(f"no share count of {ps.ticker} dated on or before {session} (the first is as of {first})")
    return MarketCap(
        ticker=ps.ticker, date=session, close=close, shares=count.shares, shares_as_of=count.as_of,
        basis=count.basis, market_cap=close * count.shares, currency=ps.currency,
        shares_source_url=count.source_url, suspect=ps.is_suspect(session),
        filed=_filed_alternative(table, session, close, count),
        reported=reported_market_cap(store, ps.entity, session),
    )


def first_crossing(store, ticker: str, threshold: float, since: date | str | None = None) -> Milestone:
    """The first session (on or after ``since``) whose market value is at or above
    ``threshold``. Only sessions with a share count dated on or before them are searched;
    suspect rows (unreliable closes) are skipped and listed."""
    if not threshold or threshold <= 0:
        raise InputError(f"threshold must be a positive amount, got {threshold!r}", field="threshold")
    ps = load_prices(store, ticker)
    if ps.empty:
        raise NotFoundError(f"no stored closes for {ps.ticker}")
    _refuse_adjusted(ps)
    table = share_table(stored_counts(store, ps.ticker), ps.ticker)
    frame = ps.frame
    if since is not None:
        frame = frame[frame.index >= pd.Timestamp(str(since))]
    joined = shares_asof_series(table, frame.index)
    joined.index = frame.index
    joined["close"] = frame["close"].astype("float64")
    joined["suspect"] = frame["suspect"]
    joined = joined[joined["shares"].notna()]
    if joined.empty:
        raise NotFoundError(f"no session of {ps.ticker} has a share count dated on or before it")
    joined["cap"] = joined["close"] * joined["shares"]
    sound = joined[~joined["suspect"]]
    hits = sound[sound["cap"] >= threshold]
    skipped = tuple(d.date() for d in joined.index[joined["suspect"] & (joined["cap"] >= threshold)]
                    if hits.empty or d < hits.index[0])
    common = dict(
        ticker=ps.ticker, threshold=float(threshold), currency=ps.currency,
        searched_from=joined.index[0].date(), searched_to=joined.index[-1].date(), skipped_suspect=skipped,
    )
    if hits.empty:
        top = sound["cap"].idxmax() if not sound.empty else joined["cap"].idxmax()
        return Milestone(crossed=False, first_date=None, close=None, shares=None, shares_as_of=None, basis=None,
                         market_cap=None, max_market_cap=float(joined.at[top, "cap"]), max_date=top.date(), **common)
    day = hits.index[0]
    count = shares_as_of(table, day.date())
    close = float(hits.at[day, "close"])
    return Milestone(
        crossed=True, first_date=day.date(), close=close, shares=count.shares, shares_as_of=count.as_of,
        basis=count.basis, market_cap=close * count.shares, shares_source_url=count.source_url,
        filed=_filed_alternative(table, day.date(), close, count),
        reported=reported_market_cap(store, ps.entity, day.date()), **common,
    )


def marketcap(store, ticker: str, threshold: float | None = None, on: date | str | None = None) -> MarketCap | Milestone:
    """Market value of ``ticker``: on a day (``on``; default the latest close), or with
    ``threshold`` the first session at or above it (searching from ``on`` when given).
    See the module docstring for the share-count rule."""
    if threshold is not None:
        return first_crossing(store, ticker, threshold, since=on)
    return market_cap_on(store, ticker, on)
