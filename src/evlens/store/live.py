"""What ``evlens update`` reads from and writes to the store.

The update runs in three steps: :func:`plan` reads the last stored date of each series,
the providers of :mod:`evlens.sources.live` fetch what comes after it (nothing is written
while the network is used), and :func:`write_update` stores every response with the rows
read from it in **one** transaction: all of it or, on any error, nothing.

Each response is a document (``kind = 'response'``: URL, retrieval time, the body as
received). Price bars read from a response carry the document's id as their
``import_id`` (and an ``imports`` row of format ``yahoo-chart``), so ``evlens forget ID``
removes a fetch as it removes an imported file; ranking facts carry it as ``document_id``.
A response that adds no row is not kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from ..errors import InputError, NotFoundError
from ..results import Result
from ..tickers import exchange_of, normalize_ticker
from ..validate import check_facts
from .core import _PRICE_COLUMNS, Store, _now

#: First date fetched for a series the store does not hold yet.
DEFAULT_START = date(2024, 1, 1)


# --------------------------------------------------------------------- reads
def last_price_dates(store: Store, tickers: Iterable[str]) -> dict[str, date | None]:
    """The last stored bar date of each ticker (None when it has none)."""
    tickers = list(tickers)
    rows = store.con.execute(
        "SELECT ticker, max(date) FROM prices WHERE ticker IN (SELECT unnest(?)) GROUP BY ticker", [tickers]
    ).fetchall()
    found = dict(rows)
    return {t: found.get(t) for t in tickers}


def last_ranking_period(store: Store, metric: str, method: str) -> str | None:
    """The latest period (``YYYY-MM``) of the facts a ranking provider stored for ``metric``."""
    row = store.con.execute(
        "SELECT period FROM facts WHERE metric = ? AND method = ? ORDER BY period_end DESC LIMIT 1",
        [metric, method],
    ).fetchall()
    return row[0][0] if row else None


def security_currency(store: Store, ticker: str) -> str | None:
    row = store.con.execute("SELECT currency FROM securities WHERE ticker = ?", [ticker]).fetchall()
    return row[0][0] if row else None


def listed_tickers(store: Store, entity: str | None = None) -> list[str]:
    """The tickers of the securities the store knows (of one entity, when given)."""
    if entity is None:
        rows = store.con.execute("SELECT ticker FROM securities ORDER BY ticker").fetchall()
    else:
        rows = store.con.execute(
            "SELECT ticker FROM securities WHERE entity = ? ORDER BY ticker", [entity]
        ).fetchall()
    return [r[0] for r in rows]


def resolve_targets(store: Store, names: Sequence[str]) -> tuple[list[str], bool]:
    """The tickers ``names`` stand for, and whether the CPCA ranking is asked for.

    No names: every security the store knows, and the ranking. A name is ``cpca``, an
    entity's slug (``nio``: all its listings, 9866.HK and NIO), a known ticker in any
    spelling or alias, an entity's name (its first listing), or a new ticker."""
    if not names:
        return listed_tickers(store), True
    tickers: list[str] = []
    rankings = False
    for name in names:
        if name.strip().lower() == "cpca":
            rankings = True
            continue
        found: list[str] = []
        slug = name.strip().lower()
        if store.con.execute("SELECT 1 FROM entities WHERE id = ?", [slug]).fetchall():
            found = listed_tickers(store, slug)
            if not found:
                raise NotFoundError(f"{name!r} has no listed security to update")
            tickers.extend(t for t in found if t not in tickers)
            continue
        try:
            found = [store.resolve_ticker(name)]
        except NotFoundError:
            entity = store.find_entity(name)
            if entity is not None:
                found = listed_tickers(store, entity)
                if not found:
                    raise NotFoundError(f"{name!r} ({entity}) has no listed security to update") from None
            else:
                found = [normalize_ticker(name)]  # a ticker the store does not know yet
        tickers.extend(t for t in found if t not in tickers)
    return tickers, rankings


@dataclass(frozen=True)
class SeriesPlan:
    """What to fetch for one ticker: from ``start`` to ``end``; ``after`` is the last
    stored date (None for a new series)."""

    ticker: str
    start: date
    end: date
    after: date | None

    @property
    def up_to_date(self) -> bool:
        return self.start > self.end


def plan(store: Store, tickers: Sequence[str], today: date, start: date | None = None) -> list[SeriesPlan]:
    """For each ticker, the dates after its last stored bar (from ``start``, by default
    :data:`DEFAULT_START`, for a series not stored yet), up to ``today``."""
    last = last_price_dates(store, tickers)
    first = start or DEFAULT_START
    plans = []
    for t in tickers:
        after = last[t]
        plans.append(SeriesPlan(t, after + timedelta(days=1) if after is not None else first, today, after))
    return plans


# -------------------------------------------------------------------- writes
@dataclass(frozen=True)
class UpdateResult(Result):
    """What one ``evlens update`` stored: per ticker and per ranking, with the documents."""

    prices: tuple[dict, ...] = field(default_factory=tuple)
    rankings: tuple[dict, ...] = field(default_factory=tuple)
    documents_added: int = 0
    bars_added: int = 0
    facts_added: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or self.bars_added or self.facts_added)

    def to_dict(self) -> dict:
        return {
            "prices": list(self.prices),
            "rankings": list(self.rankings),
            "documents_added": self.documents_added,
            "bars_added": self.bars_added,
            "facts_added": self.facts_added,
            "changed": self.changed,
        }

    def summary(self) -> str:
        if not self.changed:
            return "already up to date: nothing new was fetched"
        return (
            f"stored {self.bars_added} bars and {self.facts_added} facts from "
            f"{self.documents_added} responses"
        )


def write_update(
    store: Store, price_fetches: Sequence, ranking_fetches: Sequence = (), up_to_date: Sequence[str] = ()
) -> UpdateResult:
    """Store the fetched responses and what was read from them, in one transaction.

    ``price_fetches`` are :class:`evlens.sources.live.yahoo.PriceFetch`, ``ranking_fetches``
    :class:`evlens.sources.live.cpca.RankingFetch`. A response's currency must agree with
    the security's (an index, in points, takes any); a security the store did not know is
    added with the response's currency."""
    prices_out: list[dict] = [{"ticker": t, "added": 0, "up_to_date": True} for t in up_to_date]
    rankings_out: list[dict] = []
    docs = bars = facts_added = 0
    for rf in ranking_fetches:
        check_facts(rf.facts, path=rf.document.url)
    with store.transaction():
        for pf in price_fetches:
            entry = pf.to_dict()
            if pf.rows == 0:
                prices_out.append({**entry, "added": 0})
                continue
            _ensure_security(store, pf)
            added = _insert_prices(store, pf)
            if added:
                docs += _store_document(store, pf.document, kind="prices", fmt="yahoo-chart", rows=pf.rows)
            bars += added
            prices_out.append({**entry, "added": added})
        for rf in ranking_fetches:
            entry = rf.to_dict()
            if not rf.facts:
                rankings_out.append({**entry, "added": 0})
                continue
            new_doc = store._insert_document(rf.document)
            added = store._insert_facts(rf.facts)
            docs += int(new_doc and added > 0)
            facts_added += added
            rankings_out.append({**entry, "added": added})
    return UpdateResult(tuple(prices_out), tuple(rankings_out), docs, bars, facts_added)


def _ensure_security(store: Store, pf) -> None:
    """The security of a fetch exists, with a currency the response agrees with."""
    row = store.con.execute("SELECT currency FROM securities WHERE ticker = ?", [pf.ticker]).fetchall()
    if not row:
        store.con.execute(
            "INSERT INTO securities VALUES (?, NULL, ?, ?, ?, NULL, [], NULL)",
            [pf.ticker, exchange_of(pf.ticker), exchange_of(pf.ticker), pf.currency],
        )
        store._aliases = None
        return
    stored = row[0][0]
    if stored is None and pf.currency:
        store.con.execute("UPDATE securities SET currency = ? WHERE ticker = ?", [pf.currency, pf.ticker])
    elif stored not in (None, "points") and pf.currency and stored != pf.currency:
        raise InputError(
            f"{pf.ticker} is quoted in {pf.currency} here but the store holds it in {stored}",
            path=pf.document.url,
            field="meta.currency",
        )


def _insert_prices(store: Store, pf) -> int:
    """The bars of a fetch not stored yet, as quoted (unadjusted) closes; returns how many."""
    frame = pf.frame.copy()
    frame["ticker"] = pf.ticker
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    frame["adjusted"] = False
    frame["import_id"] = pf.document.id
    frame = frame[_PRICE_COLUMNS]
    store.con.register("evlens_live_prices", frame)
    try:
        before = store.con.execute("SELECT count(*) FROM prices").fetchall()[0][0]
        store.con.execute(
            f"INSERT INTO prices ({', '.join(_PRICE_COLUMNS)}) SELECT {', '.join(_PRICE_COLUMNS)} "
            "FROM evlens_live_prices i ANTI JOIN prices p USING (ticker, date) ORDER BY i.date"
        )
        after = store.con.execute("SELECT count(*) FROM prices").fetchall()[0][0]
    finally:
        store.con.unregister("evlens_live_prices")
    return after - before


def _store_document(store: Store, doc, *, kind: str, fmt: str, rows: int) -> int:
    new = store._insert_document(doc)
    if not store.con.execute("SELECT 1 FROM imports WHERE id = ?", [doc.id]).fetchall():
        store.con.execute(
            "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?)", [doc.id, kind, fmt, doc.url, rows, _now()]
        )
    return int(new)


# -------------------------------------------------------------------- update
def _cpca_fetcher() -> Callable:
    """The live ranking fetcher: CPCA through AKShare, one rate limiter for its requests."""
    from ..sources.live import cpca
    from ..sources.live.http import RateLimiter

    rlimiter = RateLimiter()

    def fetch_ranking(indicator, find_entity, after):
        return cpca.fetch_maker_ranking(indicator, find_entity, after=after, limiter=rlimiter)

    return fetch_ranking


def update(
    store: Store,
    names: Sequence[str] = (),
    *,
    today: date,
    start: date | None = None,
    price_fetcher: Callable | None = None,
    ranking_fetcher: Callable | None = None,
) -> UpdateResult:
    """Fetch what comes after the store's last dates and store it in one transaction.

    ``price_fetcher(ticker, start, end, after)`` returns a ``PriceFetch`` and
    ``ranking_fetcher(indicator, find_entity, after)`` a ``RankingFetch``; by default the
    live providers (yfinance, AKShare). ``start`` is the first date fetched for a series
    the store does not hold yet (default :data:`DEFAULT_START`). Every fetch runs before the first write, so a
    failed fetch (no network) leaves the store as it was."""
    from ..sources.live import cpca

    tickers, rankings = resolve_targets(store, names)
    if (tickers and price_fetcher is None) or (rankings and ranking_fetcher is None):
        from ..sources.live import require_live

        require_live()
    if price_fetcher is None:
        from ..sources.live.http import RateLimiter
        from ..sources.live.yahoo import YFinanceTransport, fetch_prices

        session: dict = {}  # yfinance's session, made on the first request

        def price_fetcher(ticker, start, end, after):
            if not session:
                session.update(transport=YFinanceTransport(), limiter=RateLimiter())
            return fetch_prices(ticker, start, end, after=after, **session)

    plans = plan(store, tickers, today, start)
    fetched = [price_fetcher(p.ticker, p.start, p.end, p.after) for p in plans if not p.up_to_date]
    ranked = []
    if rankings:
        fetch_ranking = ranking_fetcher if ranking_fetcher is not None else _cpca_fetcher()
        for indicator, metric in cpca.METRIC.items():
            after = last_ranking_period(store, metric, cpca.METHOD)
            ranked.append(fetch_ranking(indicator, store.find_entity, after))
    return write_update(store, fetched, ranked, up_to_date=[p.ticker for p in plans if p.up_to_date])
