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

import datetime as dt
import math
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pandas as pd

from ..errors import EvlensError, InputError, NotFoundError
from ..results import Result
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
    """Normalise stored share counts (``store.shares(ticker)`` or, in ledger order,
    ``store.share_ledger(ticker)``) to columns as_of (Timestamp), shares, basis,
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
        row["as_of"].date(),
        float(row["shares"]),
        str(row["basis"]),
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
    return pd.merge_asof(
        left.sort_values("date"), right, left_on="date", right_on="as_of", direction="backward"
    )


def stored_counts(store, ticker: str) -> pd.DataFrame:
    """The stored counts of ``ticker``, read through the store object: in ledger order with
    each count's line when the store gives them (``store.share_ledger(ticker)``), else
    ``store.shares(ticker)``, whose counts carry no line, so that on a date with several
    entries the rule without ledger order applies (:func:`share_table`)."""
    ledger = getattr(store, "share_ledger", None)
    if callable(ledger):
        return ledger(ticker)
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
    return {
        "value": float(row["value"]),
        "unit": row.get("unit"),
        "fact_id": row.get("id"),
        "source_url": row.get("source_url"),
    }


def _refuse_adjusted(ps: PriceSeries) -> None:
    if ps.adjusted:
        raise AdjustedPricesError(
            f"the stored closes of {ps.ticker} are dividend-adjusted, so they are not the prices that were "
            "quoted and cannot give a market value; import an unadjusted price file for it"
        )


@dataclass(frozen=True)
class MarketCap(Result):
    """Market value of one listed line on one session."""

    ticker: str
    date: dt.date
    close: float
    shares: float
    shares_as_of: dt.date
    basis: str
    market_cap: float
    currency: str | None
    shares_source_url: str | None = None
    suspect: bool = False  # the close is from a row the source gets wrong
    filed: dict | None = None  # the same on the latest filed count, when it differs
    reported: dict | None = None  # a market value stored as a fact for that day
    rule: str = (
        "as-of join: latest count dated on or before the session; on one date the last ledger entry, "
        "an implied count only when the ledger has none"
    )

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
class Milestone(Result):
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
        "(latest count dated on or before the session; on one date the last ledger entry, implied only without one)"
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
    if basis_kind(used.basis) in ("filed", "event"):  # a filing, or the ledger's count after a filed total
        return None
    filed = shares_as_of(table, day, filed_only=True)
    if filed is None:
        return None
    return {
        "shares": filed.shares,
        "shares_as_of": filed.as_of.isoformat(),
        "basis": filed.basis,
        "market_cap": close * filed.shares,
        "source_url": filed.source_url,
    }


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
        raise NotFoundError(
            f"no share count of {ps.ticker} dated on or before {session} (the first is as of {first})"
        )
    return MarketCap(
        ticker=ps.ticker,
        date=session,
        close=close,
        shares=count.shares,
        shares_as_of=count.as_of,
        basis=count.basis,
        market_cap=close * count.shares,
        currency=ps.currency,
        shares_source_url=count.source_url,
        suspect=ps.is_suspect(session),
        filed=_filed_alternative(table, session, close, count),
        reported=reported_market_cap(store, ps.entity, session),
    )


def _valued_closes(ps: PriceSeries, table: pd.DataFrame, since: date | str | None) -> pd.DataFrame:
    """The sessions (on or after ``since``) with a share count in force: their close,
    suspect flag, shares and market value ``cap``."""
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
    return joined


def _not_crossed(joined: pd.DataFrame, sound: pd.DataFrame, common: dict) -> Milestone:
    """The milestone never reached: the highest market value of the sound sessions (of
    all sessions when none is sound) instead."""
    top = sound["cap"].idxmax() if not sound.empty else joined["cap"].idxmax()
    return Milestone(
        crossed=False,
        first_date=None,
        close=None,
        shares=None,
        shares_as_of=None,
        basis=None,
        market_cap=None,
        max_market_cap=float(joined.at[top, "cap"]),
        max_date=top.date(),
        **common,
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
    joined = _valued_closes(ps, table, since)
    sound = joined[~joined["suspect"]]
    hits = sound[sound["cap"] >= threshold]
    skipped = tuple(
        d.date()
        for d in joined.index[joined["suspect"] & (joined["cap"] >= threshold)]
        if hits.empty or d < hits.index[0]
    )
    common = {
        "ticker": ps.ticker,
        "threshold": float(threshold),
        "currency": ps.currency,
        "searched_from": joined.index[0].date(),
        "searched_to": joined.index[-1].date(),
        "skipped_suspect": skipped,
    }
    if hits.empty:
        return _not_crossed(joined, sound, common)
    day = hits.index[0]
    count = shares_as_of(table, day.date())
    if count is None:  # a session with a market value has a count in force
        raise NotFoundError(f"no share count of {ps.ticker} dated on or before {day.date()}")
    close = float(hits.at[day, "close"])
    return Milestone(
        crossed=True,
        first_date=day.date(),
        close=close,
        shares=count.shares,
        shares_as_of=count.as_of,
        basis=count.basis,
        market_cap=close * count.shares,
        shares_source_url=count.source_url,
        filed=_filed_alternative(table, day.date(), close, count),
        reported=reported_market_cap(store, ps.entity, day.date()),
        **common,
    )


def marketcap(
    store, ticker: str, threshold: float | None = None, on: date | str | None = None
) -> MarketCap | Milestone:
    """Market value of ``ticker``: on a day (``on``; default the latest close), or with
    ``threshold`` the first session at or above it (searching from ``on`` when given).
    See the module docstring for the share-count rule."""
    if threshold is not None:
        return first_crossing(store, ticker, threshold, since=on)
    return market_cap_on(store, ticker, on)


# --------------------------------------------------------------------------- the ledger
@dataclass(frozen=True)
class LedgerEntry:
    """One entry of the share-count ledger, with what it did to the running count.

    ``kind`` is filed, derived, event or implied (:func:`basis_kind`). For an event,
    ``change`` is the signed number of shares it added and ``shares`` the count after it.
    For a filed or derived total, ``expected`` is the count the ledger had reached before
    it and ``gap = shares - expected`` what the ledger does not itemise (None for the
    first total). An implied count stands beside the ledger and moves nothing."""

    as_of: date
    shares: float
    kind: str
    basis: str
    event: str | None = None
    change: float | None = None
    expected: float | None = None
    gap: float | None = None
    document: str | None = None
    source_url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat()
        return d


def ledger_entries(table: pd.DataFrame) -> tuple[LedgerEntry, ...]:
    """Walk the counts of :func:`share_table` in ledger order and give each entry its
    change (events) or its gap against the running count (filed and derived totals)."""
    out: list[LedgerEntry] = []
    running: float | None = None
    for r in table.itertuples(index=False):
        kind = basis_kind(r.basis)
        document, note = split_note(r.note)
        url = r.source_url if isinstance(r.source_url, str) and r.source_url else None
        common = {
            "as_of": r.as_of.date(),
            "shares": float(r.shares),
            "kind": kind,
            "basis": str(r.basis),
            "event": basis_event(r.basis),
            "document": document,
            "source_url": url,
            "note": note,
        }
        if kind == "event":
            change = float(r.shares) - running if running is not None else None
            out.append(LedgerEntry(change=change, **common))
            running = float(r.shares)
        elif kind == "implied":
            out.append(LedgerEntry(expected=running, **common))
        else:
            gap = float(r.shares) - running if running is not None else None
            out.append(LedgerEntry(expected=running, gap=gap, **common))
            running = float(r.shares)
    return tuple(out)


@dataclass(frozen=True)
class Reconciliation(Result):
    """The ledger checked against its own totals: for each filed or derived total after
    the first, the count the ledger expected and the gap."""

    ticker: str
    checks: tuple[LedgerEntry, ...]
    rule: str = "gap = total - (previous total + changes since); implied counts are compared, never chained"

    @property
    def gaps(self) -> tuple[LedgerEntry, ...]:
        return tuple(c for c in self.checks if c.gap is not None and abs(c.gap) >= 0.5)

    def to_dict(self) -> dict:
        return {
            "ticker": self.ticker,
            "rule": self.rule,
            "checks": [c.to_dict() for c in self.checks],
            "gaps": len(self.gaps),
            "largest_gap": max((abs(c.gap) for c in self.gaps if c.gap is not None), default=0.0),
        }

    def summary(self) -> str:
        lines = [
            f"{self.ticker}: {len(self.checks)} totals checked against the ledger, {len(self.gaps)} with a gap"
        ]
        for c in self.checks:
            lines.append(
                f"  {c.as_of} {c.kind:<8} {c.shares:>16,.0f}  expected {c.expected:>16,.0f}  gap {c.gap:+,.0f}"
                f"  {c.document or c.basis}"
            )
        return "\n".join(lines)


def reconcile(ticker: str, ledger: tuple[LedgerEntry, ...]) -> Reconciliation:
    """Each filed or derived total that follows an earlier count of the ledger, with
    ``expected`` (the running count before it) and ``gap = shares - expected``."""
    return Reconciliation(
        ticker, tuple(e for e in ledger if e.kind in ("filed", "derived") and e.expected is not None)
    )


# --------------------------------------------------------------------------- the series
@dataclass(frozen=True)
class NearbyFact:
    """A stored fact about the company (or one of its models) and when it was published."""

    id: str
    entity: str
    metric: str
    period: str
    value: float
    unit: str | None
    published: date
    source_url: str | None = None
    document: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["published"] = self.published.isoformat()
        return d


@dataclass(frozen=True)
class SeriesDay:
    """Market value on one session and the count behind it."""

    date: dt.date
    close: float
    shares: float
    market_cap: float
    basis: str  # filed | derived | implied: how that day's count was obtained
    shares_as_of: dt.date
    event: str | None  # the ledger event of the count in force (placing, monthly_return, ...)
    document: str | None
    source_url: str | None
    change: float | None  # market value minus the previous session's
    change_pct: float | None
    shares_change: float  # shares minus the previous session's (0 when unchanged)
    suspect: bool = False
    entries: tuple[LedgerEntry, ...] = ()  # ledger entries that took effect since the previous session

    def to_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        d["shares_as_of"] = self.shares_as_of.isoformat()
        d["entries"] = [e.to_dict() for e in self.entries]
        d["close"] = round(self.close, 4)  # float32 noise in the files
        return d


@dataclass(frozen=True)
class Context:
    """What was published or filed near a day: ledger entries and stored facts."""

    ledger: tuple[LedgerEntry, ...] = ()
    facts: tuple[NearbyFact, ...] = ()

    def to_dict(self) -> dict:
        return {"ledger": [e.to_dict() for e in self.ledger], "facts": [f.to_dict() for f in self.facts]}


@dataclass(frozen=True)
class ValueMilestone:
    """The first session of the window at or above a round threshold (``first_ever``: no
    stored session before the window had reached it)."""

    threshold: float
    date: dt.date
    market_cap: float
    close: float
    shares: float
    basis: str
    first_ever: bool
    near: Context = Context()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        d["close"] = round(self.close, 4)
        d["near"] = self.near.to_dict()
        return d


@dataclass(frozen=True)
class Move:
    """A daily change in market value, split into the part the price moved
    (``Δclose × shares before``) and the part the share count moved (``close × Δshares``)."""

    date: dt.date
    previous: dt.date
    change: float
    change_pct: float
    price_effect: float
    shares_effect: float
    market_cap: float
    near: Context = Context()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        d["previous"] = self.previous.isoformat()
        d["near"] = self.near.to_dict()
        return d


@dataclass(frozen=True)
class MarketValueSeries(Result):
    """Daily market value of one listed line over a window, with the basis and document of
    each day's share count, milestones, the largest daily changes and the ledger."""

    ticker: str
    currency: str | None
    start: date
    end: date
    days: tuple[SeriesDay, ...]
    step: float
    milestones: tuple[ValueMilestone, ...]
    all_time_high: SeriesDay | None  # highest sound value in the stored history up to ``end``
    moves: tuple[Move, ...]
    ledger: tuple[LedgerEntry, ...]  # the ledger entries dated in the window
    reconciliation: Reconciliation
    skipped_suspect: tuple[date, ...] = ()
    formula: str = (
        "market_cap(d) = unadjusted close(d) × shares in force on d (latest ledger count dated on or before d; "
        "on one date the last entry, implied only when the ledger has none)"
    )

    def to_dict(self) -> dict:
        return {
            "ticker": self.ticker,
            "currency": self.currency,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "formula": self.formula,
            "step": self.step,
            "days": [d.to_dict() for d in self.days],
            "share_changes": [d.to_dict() for d in self.share_changes],
            "milestones": [m.to_dict() for m in self.milestones],
            "all_time_high": self.all_time_high.to_dict() if self.all_time_high else None,
            "largest_changes": [m.to_dict() for m in self.moves],
            "ledger": [e.to_dict() for e in self.ledger],
            "reconciliation": self.reconciliation.to_dict(),
            "skipped_suspect": [d.isoformat() for d in self.skipped_suspect],
        }

    @property
    def share_changes(self) -> tuple[SeriesDay, ...]:
        """The sessions of the window on which the count in force changed."""
        return tuple(d for d in self.days if d.shares_change)

    def frame(self) -> pd.DataFrame:
        """The days as a DataFrame indexed by date (for charts)."""
        return (
            pd.DataFrame([d.to_dict() for d in self.days])
            .assign(date=lambda f: pd.to_datetime(f["date"]))
            .set_index("date")
        )

    def summary(self) -> str:
        cur = self.currency or ""
        if not self.days:
            return f"{self.ticker}: no session with a share count between {self.start} and {self.end}"
        first, last = self.days[0], self.days[-1]
        out = [
            f"{self.ticker} market value {self.start} to {self.end}: {len(self.days)} sessions, "
            f"{cur} {first.market_cap:,.0f} on {first.date} to {cur} {last.market_cap:,.0f} on {last.date}"
        ]
        for d in self.share_changes:
            out.append(
                f"  shares from {d.date}: {d.shares:,.0f} ({d.shares_change:+,.0f}; {d.basis}, {d.event})"
            )
            for e in d.entries:
                what = f"{e.change:+,.0f}" if e.change is not None else f"total {e.shares:,.0f}"
                out.append(
                    f"    {e.as_of} {e.event or e.basis} {what} ({e.kind}): {e.document or ''} {e.source_url or ''}".rstrip()
                )
        for m in self.milestones:
            out.append(
                f"  first at or above {cur} {m.threshold:,.0f}: {m.date} ({m.market_cap:,.0f})"
                + (" first ever" if m.first_ever else "")
            )
        if self.all_time_high:
            out.append(
                f"  all-time high to {self.end}: {cur} {self.all_time_high.market_cap:,.0f} on {self.all_time_high.date}"
            )
        for mv in self.moves:
            out.append(
                f"  {mv.date}: {mv.change:+,.0f} ({mv.change_pct:+.2f} %; price {mv.price_effect:+,.0f}, "
                f"shares {mv.shares_effect:+,.0f})"
            )
        gaps = self.reconciliation.gaps
        out.append(
            f"  ledger: {len(self.reconciliation.checks)} totals checked, {len(gaps)} with a gap"
            + "".join(f"; {g.as_of} {g.gap:+,.0f}" for g in gaps)
        )
        return "\n".join(out)


def round_step(low: float, high: float) -> float:
    """The round step of the milestone thresholds: the power of ten at or below the range
    ``high - low`` (a range of HK$600 bn gives HK$100 bn steps), at least 1."""
    span = max(high - low, 1.0)
    return float(10 ** math.floor(math.log10(span)))


def _near(day: date, days: int, ledger: tuple[LedgerEntry, ...], facts: tuple[NearbyFact, ...]) -> Context:
    lo, hi = day - timedelta(days=days), day + timedelta(days=days)
    return Context(
        tuple(e for e in ledger if lo <= e.as_of <= hi), tuple(f for f in facts if lo <= f.published <= hi)
    )


def build_series(
    ticker: str,
    currency: str | None,
    closes: pd.Series,
    suspect: pd.Series,
    table: pd.DataFrame,
    start: date,
    end: date,
    *,
    facts: tuple[NearbyFact, ...] = (),
    step: float | None = None,
    top: int = 5,
    near_days: int = 3,
) -> MarketValueSeries:
    """Daily market value from ``closes`` (unadjusted, indexed by session) and the share
    counts of :func:`share_table`, over ``start``..``end``.

    * ``market_cap(d) = close(d) × shares(d)``, shares by the as-of rule of the module
      docstring; sessions before the first count are left out;
    * milestones: thresholds ``k × step`` above the window's first value up to its
      highest; for each, the first session at or above it (suspect rows skipped and
      listed); ``step`` defaults to :func:`round_step` of the window's range;
    * all-time high: the highest sound value from the first count up to ``end``;
    * largest changes: the ``top`` largest ``|cap(d) - cap(d-1)|`` between consecutive
      sound sessions (d-1 may precede the window), split into the price effect
      ``(close(d) - close(d-1)) × shares(d-1)`` and the share effect
      ``close(d) × (shares(d) - shares(d-1))``, which add up to the change;
    * each milestone and change carries the ledger entries and facts dated within
      ``near_days`` calendar days of it.
    """
    if start > end:
        raise InputError(f"--from {start} is after --to {end}", field="from")
    if step is not None and not step > 0:
        raise InputError(f"the milestone step must be a positive amount, got {step!r}", field="step")
    joined = _valued_sessions(closes, suspect, table, end)
    ledger = ledger_entries(table)
    window = joined[joined.index >= pd.Timestamp(start)]
    prev_session = joined.index.to_series().shift(1)
    days = _series_days(window, prev_session, ledger)
    sound = window[~window["suspect"]]
    used_step = (
        float(step)
        if step
        else (round_step(float(sound["cap"].min()), float(sound["cap"].max())) if not sound.empty else 1.0)
    )
    milestones, skipped = _value_milestones(joined, window, start, used_step, near_days, ledger, facts)
    return MarketValueSeries(
        ticker=ticker,
        currency=currency,
        start=start,
        end=end,
        days=tuple(days),
        step=used_step,
        milestones=tuple(milestones),
        all_time_high=_all_time_high(joined, days),
        moves=tuple(_largest_moves(window, prev_session, top, near_days, ledger, facts)),
        ledger=tuple(e for e in ledger if start <= e.as_of <= end),
        reconciliation=reconcile(ticker, ledger),
        skipped_suspect=tuple(sorted(skipped)),
    )


def _valued_sessions(closes: pd.Series, suspect: pd.Series, table: pd.DataFrame, end: date) -> pd.DataFrame:
    """Every session up to ``end`` with a count in force: close, shares (as-of join, with
    its as_of, basis, source_url and note), suspect flag, market value ``cap``, and the
    previous such session's cap, shares, close and suspect flag."""
    hist = closes[closes.index <= pd.Timestamp(end)].astype("float64")
    joined = shares_asof_series(table, hist.index)
    joined.index = hist.index
    joined["close"] = hist
    joined["suspect"] = suspect.reindex(hist.index).fillna(False).astype(bool)
    joined = joined[joined["shares"].notna()].copy()
    joined["cap"] = joined["close"] * joined["shares"]
    joined["prev_cap"] = joined["cap"].shift(1)
    joined["prev_shares"] = joined["shares"].shift(1)
    joined["prev_close"] = joined["close"].shift(1)
    joined["prev_suspect"] = joined["suspect"].shift(1, fill_value=False).astype(bool)
    return joined


def _series_days(
    window: pd.DataFrame, prev_session: pd.Series, ledger: tuple[LedgerEntry, ...]
) -> list[SeriesDay]:
    """One :class:`SeriesDay` per session of the window, with the change from the session
    before and the ledger entries that took effect since then."""
    days = []
    for d, r in window.iterrows():
        p = prev_session.loc[d]
        since = pd.Timestamp.min.date() if pd.isna(p) else p.date()
        kind = basis_kind(r["basis"])
        document, _ = split_note(r["note"])
        has_prev = pd.notna(r["prev_cap"])
        days.append(
            SeriesDay(
                date=d.date(),
                close=float(r["close"]),
                shares=float(r["shares"]),
                market_cap=float(r["cap"]),
                basis="derived" if kind == "event" else kind,
                shares_as_of=r["as_of"].date(),
                event=basis_event(r["basis"]),
                document=document,
                source_url=r["source_url"] if isinstance(r["source_url"], str) else None,
                change=float(r["cap"] - r["prev_cap"]) if has_prev else None,
                change_pct=float((r["cap"] / r["prev_cap"] - 1) * 100) if has_prev else None,
                shares_change=float(r["shares"] - r["prev_shares"]) if has_prev else 0.0,
                suspect=bool(r["suspect"]),
                entries=tuple(e for e in ledger if since < e.as_of <= d.date()),
            )
        )
    return days


def _value_milestones(
    joined: pd.DataFrame,
    window: pd.DataFrame,
    start: date,
    step: float,
    near_days: int,
    ledger: tuple[LedgerEntry, ...],
    facts: tuple[NearbyFact, ...],
) -> tuple[list[ValueMilestone], set[date]]:
    """The first sound session at or above each ``k × step`` above the window's first
    value up to its highest (at most 50), and the suspect sessions passed over."""
    sound = window[~window["suspect"]]
    milestones: list[ValueMilestone] = []
    skipped: set[date] = set()
    if sound.empty:
        return milestones, skipped
    before = joined[(joined.index < pd.Timestamp(start)) & ~joined["suspect"]]
    base, top_cap = float(window["cap"].iloc[0]), float(sound["cap"].max())
    k = math.floor(base / step) + 1
    while k * step <= top_cap and len(milestones) < 50:
        threshold = k * step
        hit = sound[sound["cap"] >= threshold].index[0]
        skipped.update(
            x.date() for x in window.index[window["suspect"] & (window["cap"] >= threshold)] if x < hit
        )
        r = sound.loc[hit]
        milestones.append(
            ValueMilestone(
                threshold=threshold,
                date=hit.date(),
                market_cap=float(r["cap"]),
                close=float(r["close"]),
                shares=float(r["shares"]),
                basis=basis_kind(r["basis"]).replace("event", "derived"),
                first_ever=bool(before.empty or before["cap"].max() < threshold),
                near=_near(hit.date(), near_days, ledger, facts),
            )
        )
        k += 1
    return milestones, skipped


def _all_time_high(joined: pd.DataFrame, days: list[SeriesDay]) -> SeriesDay | None:
    """The highest sound value from the first count on: the window's day when it falls in
    the window, else that session on its own (no change shown)."""
    sound_hist = joined[~joined["suspect"]]
    if sound_hist.empty:
        return None
    top_day = sound_hist["cap"].idxmax()
    match = [d for d in days if d.date == top_day.date()]
    if match:
        return match[0]
    r = sound_hist.loc[top_day]
    document, _ = split_note(r["note"])
    return SeriesDay(
        date=top_day.date(),
        close=float(r["close"]),
        shares=float(r["shares"]),
        market_cap=float(r["cap"]),
        basis=basis_kind(r["basis"]).replace("event", "derived"),
        shares_as_of=r["as_of"].date(),
        event=basis_event(r["basis"]),
        document=document,
        source_url=r["source_url"] if isinstance(r["source_url"], str) else None,
        change=None,
        change_pct=None,
        shares_change=0.0,
    )


def _largest_moves(
    window: pd.DataFrame,
    prev_session: pd.Series,
    top: int,
    near_days: int,
    ledger: tuple[LedgerEntry, ...],
    facts: tuple[NearbyFact, ...],
) -> list[Move]:
    """The ``top`` largest daily changes between consecutive sound sessions, each split
    into its price and share effects."""
    pairs = window[window["prev_cap"].notna() & ~window["suspect"] & ~window["prev_suspect"]].copy()
    pairs["change"] = pairs["cap"] - pairs["prev_cap"]
    moves = []
    for d in pairs["change"].abs().sort_values(ascending=False, kind="stable").index[: max(top, 0)]:
        r = pairs.loc[d]
        moves.append(
            Move(
                date=d.date(),
                previous=prev_session.loc[d].date(),
                change=float(r["change"]),
                change_pct=float((r["cap"] / r["prev_cap"] - 1) * 100),
                price_effect=float((r["close"] - r["prev_close"]) * r["prev_shares"]),
                shares_effect=float(r["close"] * (r["shares"] - r["prev_shares"])),
                market_cap=float(r["cap"]),
                near=_near(d.date(), near_days, ledger, facts),
            )
        )
    return moves


def _facts_near(store, entity: str | None, start: date, end: date) -> tuple[NearbyFact, ...]:
    """Facts about ``entity`` or its models published from ``start`` to ``end``, each with
    the title of its document, read through ``store.facts_published_between``; none for a
    stand-in store without that read."""
    read = getattr(store, "facts_published_between", None)
    if not entity or read is None:
        return ()
    return tuple(
        NearbyFact(
            id=str(r.id),
            entity=str(r.entity),
            metric=str(r.metric),
            period=str(r.period),
            value=float(r.value),
            unit=r.unit if isinstance(r.unit, str) else None,
            published=r.published.date(),
            source_url=r.source_url if isinstance(r.source_url, str) else None,
            document=r.document_title if isinstance(r.document_title, str) else None,
        )
        for r in read(entity, start, end).itertuples(index=False)
    )


def marketcap_series(
    store,
    ticker: str,
    start: date | str | None = None,
    end: date | str | None = None,
    *,
    step: float | None = None,
    top: int = 5,
    near_days: int = 3,
) -> MarketValueSeries:
    """Daily market value of ``ticker`` from ``start`` to ``end`` (default: the first
    session with a share count to the last close), read from the store; see
    :func:`build_series` for the figures and the module docstring for the share count."""
    ps = load_prices(store, ticker)
    table = share_table(stored_counts(store, ps.ticker), ps.ticker)
    if ps.empty:
        raise NotFoundError(f"no stored closes for {ps.ticker}")
    _refuse_adjusted(ps)
    try:
        first = pd.Timestamp(str(start)).date() if start is not None else table["as_of"].min().date()
        last = pd.Timestamp(str(end)).date() if end is not None else ps.closes.index[-1].date()
    except ValueError as exc:
        raise InputError(f"cannot read a date: {exc}", field="from" if start is not None else "to") from None
    first_count = table["as_of"].min().date()
    if last < first_count:
        raise NotFoundError(
            f"no share count of {ps.ticker} dated on or before {last} (the first is as of {first_count})"
        )
    facts = _facts_near(store, ps.entity, first - timedelta(days=near_days), last + timedelta(days=near_days))
    return build_series(
        ps.ticker,
        ps.currency,
        ps.closes,
        ps.frame["suspect"],
        table,
        first,
        last,
        facts=facts,
        step=step,
        top=top,
        near_days=near_days,
    )
