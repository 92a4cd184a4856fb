"""Market value: quoted close times shares outstanding, and the day it first crossed a line.

``market_cap(d) = close(d) × shares(d)`` where ``close(d)`` is the **unadjusted** close of
session ``d`` and ``shares(d)`` the share count in force that day, found by an as-of join
on the stored share counts:

1. take the counts dated **on or before** ``d`` and keep the latest date among them (a
   count is never used before the date it is as of);
2. if several counts share that date (different bases), prefer by basis: a filing, then a
   count derived from a filing, then one implied from a quoted market value
   (:data:`BASIS_PREFERENCE`);
3. an implied count that is the latest is used as it is: it is newer information than
   the filing before it, and it is what quote sites multiply by. The basis is always in
   the output, with the market value on the latest *filed* count beside it when that
   differs, so the reader sees how much the choice matters.

Dividend-adjusted closes are no quoted prices: market value is refused for them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd

from ..errors import EvlensError, InputError, NotFoundError
from .series import PriceSeries, load_prices

BASIS_PREFERENCE = ("filing", "derived", "implied")


def basis_rank(basis: str | None) -> int:
    """Order of preference of a share-count basis (lower is preferred); a basis named
    ``hkex_filing_summary`` is a filing, ``derived_from_...`` derived, ``implied_...``
    implied. Unknown bases come last."""
    b = (basis or "").lower()
    for i, key in enumerate(BASIS_PREFERENCE):
        if key in b:
            return i
    return len(BASIS_PREFERENCE)


def is_filed(basis: str | None) -> bool:
    return basis_rank(basis) == 0


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
    """Normalise ``store.shares(ticker)`` to columns as_of (Timestamp), shares, basis,
    source_url, note, rank; sorted by date then preference."""
    if df is None or df.empty:
        raise NotFoundError(f"no share counts stored for {ticker}: import a shares file first")
    f = df.copy()
    for col in ("source_url", "note"):
        if col not in f.columns:
            f[col] = None
    if "basis" not in f.columns:
        f["basis"] = "unknown"
    f["as_of"] = pd.to_datetime(f["as_of"])
    f["shares"] = f["shares"].astype("float64")
    if (f["shares"] <= 0).any():
        raise InputError(f"share counts of {ticker} must be positive", field="shares")
    f["rank"] = f["basis"].map(basis_rank)
    return f.sort_values(["as_of", "rank"]).reset_index(drop=True)


def shares_as_of(table: pd.DataFrame, day: date, *, filed_only: bool = False) -> ShareCount | None:
    """The share count in force on ``day`` by the rule in the module docstring; None when
    no count is dated on or before ``day``."""
    t = table[table["as_of"] <= pd.Timestamp(day)]
    if filed_only:
        t = t[t["rank"] == 0]
    if t.empty:
        return None
    latest = t[t["as_of"] == t["as_of"].max()].sort_values("rank").iloc[0]
    return ShareCount(
        latest["as_of"].date(), float(latest["shares"]), str(latest["basis"]),
        latest["source_url"] if pd.notna(latest["source_url"]) else None,
        latest["note"] if pd.notna(latest["note"]) else None,
    )


def shares_asof_series(table: pd.DataFrame, days: pd.DatetimeIndex) -> pd.DataFrame:
    """Vectorised :func:`shares_as_of` for many sessions: one row per day with as_of,
    shares and basis (NaN/None before the first count)."""
    best = table.sort_values(["as_of", "rank"]).drop_duplicates("as_of", keep="first")
    left = pd.DataFrame({"date": pd.DatetimeIndex(days).astype("datetime64[ns]")})
    right = best[["as_of", "shares", "basis"]].copy()
    right["as_of"] = right["as_of"].astype("datetime64[ns]")
    return pd.merge_asof(left.sort_values("date"), right, left_on="date", right_on="as_of", direction="backward")


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
    table = share_table(store.shares(ps.ticker), ps.ticker)
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
    table = share_table(store.shares(ps.ticker), ps.ticker)
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
