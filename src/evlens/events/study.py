"""Run an event study on the store: prices to returns on each exchange's calendar, day 0
of each announcement, then the engine.

Returns are computed between consecutive sessions of the security's own calendar, from the
store's closes as they are (``adj_close`` when the store has one, else ``close``; for
yfinance files the close is already dividend-adjusted). A session without a price, and a
row flagged ``suspect`` (e.g. the zero-volume flat rows Yahoo writes on half days, whose
close is unreliable), keeps its place in the calendar but has no close: the returns into
and out of it are missing, so such days leave the estimation window and show as missing
abnormal returns in an event window instead of passing a stale price on to the next day.
Benchmark returns are taken on the security's sessions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..calendars import day_zero, sessions
from ..errors import InputError, NotFoundError
from .engine import EventMeta, event_study, gather, offsets
from .lists import Announcement
from .results import EventStudyResult
from .spec import StudySpec


@dataclass(frozen=True)
class Closes:
    """Closes of one security on its calendar's sessions (NaN where missing or suspect)."""

    ticker: str
    calendar: str
    close: pd.Series
    suspect: tuple[pd.Timestamp, ...]


def closes(store, ticker: str) -> Closes:
    """The closes of ``ticker`` from the store, suspect rows blanked (see module docstring)."""
    sec = store.security(ticker)
    t = sec["ticker"]
    cal = sec.get("calendar") or sec.get("exchange")
    if not cal:
        raise InputError(f"{t} has no exchange calendar in the store", field="calendar")
    px = store.prices(t)
    if px.empty:
        raise NotFoundError(f"no prices stored for {t}; load them first (evlens load prices FILE)")
    price = px["adj_close"].where(px["adj_close"].notna(), px["close"]).astype(float)
    suspect = px["suspect"].fillna(False).astype(bool)
    price = price.where(~suspect)
    return Closes(t, str(cal), price, tuple(px.index[suspect]))


def to_returns(close: pd.Series, on: pd.DatetimeIndex, log: bool) -> pd.Series:
    """Returns between consecutive sessions ``on``: ``P_t / P_{t-1} - 1``, or
    ``ln(P_t / P_{t-1})``; missing when either close is missing."""
    c = close.reindex(on)
    prev = c.shift(1)
    r = np.log(c / prev) if log else c / prev - 1.0
    return r


def _event_pairs(
    store, resolved: list[str], announcements: list[Announcement]
) -> list[tuple[str, Announcement]]:
    """Each (ticker, announcement) pair that is one event: an announcement with a ticker
    concerns that ticker only, one without concerns every ticker in ``resolved``."""
    pairs: list[tuple[str, Announcement]] = []
    for a in announcements:
        if a.ticker:
            pairs.append((store.resolve_ticker(a.ticker), a))
        else:
            if not resolved:
                raise InputError(f"event {a.when} names no ticker; give one or more TICKERs", field="ticker")
            pairs.extend((t, a) for t in resolved)
    if not pairs:
        raise InputError("no events: give --event, --events-csv or --from-facts", field="events")
    return pairs


def _benchmark(store, benchmark: str | None, spec: StudySpec) -> tuple[str | None, Closes | None]:
    """The benchmark's ticker and its closes (no closes for the constant-mean model)."""
    bench_t = store.resolve_ticker(benchmark) if benchmark else None
    if spec.needs_benchmark and bench_t is None:
        raise InputError(f"model {spec.model!r} needs --benchmark (e.g. HSI)", field="--benchmark")
    bench = closes(store, bench_t) if bench_t else None
    if bench_t and bench is not None and spec.model == "constant-mean":
        bench = None
    return bench_t, bench


@dataclass
class _Panel:
    """The estimation and event windows of every event (one row each), filled ticker by
    ticker: returns ``y``, benchmark returns ``x``, the sessions' ordinals and the events."""

    est_y: np.ndarray
    evt_y: np.ndarray
    est_x: np.ndarray | None
    evt_x: np.ndarray | None
    keys: np.ndarray
    ekeys: np.ndarray
    meta: list[EventMeta | None]

    @classmethod
    def empty(cls, n: int, rel_est: np.ndarray, rel_evt: np.ndarray, with_benchmark: bool) -> _Panel:
        return cls(
            est_y=np.full((n, rel_est.size), np.nan),
            evt_y=np.full((n, rel_evt.size), np.nan),
            est_x=np.full((n, rel_est.size), np.nan) if with_benchmark else None,
            evt_x=np.full((n, rel_evt.size), np.nan) if with_benchmark else None,
            keys=np.zeros((n, rel_est.size)),
            ekeys=np.zeros((n, rel_evt.size)),
            meta=[None] * n,
        )


def _fill_ticker(
    panel: _Panel,
    t: str,
    c: Closes,
    items: list[tuple[int, Announcement]],
    bench: Closes | None,
    bench_t: str | None,
    spec: StudySpec,
    rel_est: np.ndarray,
    rel_evt: np.ndarray,
) -> list[str]:
    """Fill the rows ``items`` (row, announcement) of the events on ``t``, whose closes are
    ``c``, on the sessions of its calendar; the notes on its closes."""
    notes = []
    if c.suspect:
        notes.append(f"{t}: {len(c.suspect)} suspect close(s) treated as missing")
    if t == bench_t:
        notes.append(f"{t} is its own benchmark")
    d0 = [day_zero(c.calendar, a.day, a.at) for _, a in items]
    first = min(c.close.index.min(), pd.Timestamp(min(d0)))
    last = max(c.close.index.max(), pd.Timestamp(max(d0)))
    on = sessions(c.calendar, first.date(), last.date())
    stray = c.close.index.difference(on)
    if len(stray):
        notes.append(f"{t}: {len(stray)} price row(s) on days that are not {c.calendar} sessions ignored")
    y = to_returns(c.close, on, spec.log_returns).to_numpy()[:, None]
    rows = on.get_indexer(pd.DatetimeIndex([pd.Timestamp(d) for d in d0]))
    cols = np.zeros(len(items), dtype=int)
    idx = np.array([i for i, _ in items])
    panel.est_y[idx] = gather(y, rows, cols, rel_est)
    panel.evt_y[idx] = gather(y, rows, cols, rel_evt)
    if bench is not None and panel.est_x is not None and panel.evt_x is not None:
        x = to_returns(bench.close, on, spec.log_returns).to_numpy()[:, None]
        panel.est_x[idx] = gather(x, rows, cols, rel_est)
        panel.evt_x[idx] = gather(x, rows, cols, rel_evt)
    ordinals = np.array([d.toordinal() for d in on.date], dtype=float)[:, None]
    panel.keys[idx] = gather(ordinals, rows, cols, rel_est)
    panel.ekeys[idx] = gather(ordinals, rows, cols, rel_evt)
    for (i, a), day in zip(items, d0):
        panel.meta[i] = EventMeta(
            key=f"{t}@{a.when}",
            ticker=t,
            event_date=a.when,
            day0=day,
            label=a.label,
            source=a.source,
            facts=a.facts,
        )
    return notes


def _unique_keys(meta: list[EventMeta | None]) -> list[EventMeta]:
    """The events, a key shared by several made unique with ``#1``, ``#2``, ..."""
    counts = Counter(m.key for m in meta)  # type: ignore[union-attr]
    seen: Counter[str] = Counter()
    final: list[EventMeta] = []
    for m in meta:
        assert m is not None
        if counts[m.key] > 1:
            seen[m.key] += 1
            m = replace(m, key=f"{m.key}#{seen[m.key]}")
        final.append(m)
    return final


def run(
    store,
    tickers: list[str],
    announcements: list[Announcement],
    spec: StudySpec,
    *,
    benchmark: str | None = None,
    kolari_pynnonen: bool = True,
    notes: list[str] | None = None,
) -> EventStudyResult:
    """Event study of ``announcements`` on ``tickers`` against ``benchmark``.

    An announcement with a ticker concerns that ticker only; one without concerns every
    ticker in ``tickers``. Each (ticker, announcement) pair is one event, keyed
    ``TICKER@DATE[THH:MM]``; events are never pooled by firm.
    """
    notes = list(notes or [])
    resolved = [store.resolve_ticker(t) for t in tickers]
    pairs = _event_pairs(store, resolved, announcements)
    bench_t, bench = _benchmark(store, benchmark, spec)
    rel_est, rel_evt = offsets(spec)
    by_ticker: dict[str, list[tuple[int, Announcement]]] = {}
    for i, (t, a) in enumerate(pairs):
        by_ticker.setdefault(t, []).append((i, a))
    n = len(pairs)
    panel = _Panel.empty(n, rel_est, rel_evt, bench is not None)
    for t, items in by_ticker.items():
        notes.extend(_fill_ticker(panel, t, closes(store, t), items, bench, bench_t, spec, rel_est, rel_evt))
    final = _unique_keys(panel.meta)
    order = sorted(range(n), key=lambda i: (final[i].day0, final[i].ticker, final[i].key))
    pick = np.array(order, dtype=int)
    return event_study(
        spec,
        panel.est_y[pick],
        None if panel.est_x is None else panel.est_x[pick],
        panel.evt_y[pick],
        None if panel.evt_x is None else panel.evt_x[pick],
        meta=[final[i] for i in order],
        est_keys=panel.keys[pick],
        evt_keys=panel.ekeys[pick],
        benchmark=bench_t,
        kolari_pynnonen=kolari_pynnonen,
        notes=notes,
    )


def parse_window(text: str | tuple[int, int] | list[int]) -> tuple[int, int]:
    """``"-1,1"`` (or a pair) to ``(-1, 1)``."""
    if isinstance(text, (tuple, list)):
        if len(text) != 2:
            raise InputError(f"window {text!r} needs two days a,b", field="--window")
        return int(text[0]), int(text[1])
    parts = [p.strip() for p in str(text).split(",")]
    try:
        a, b = (int(p) for p in parts)
    except ValueError as exc:
        raise InputError(
            f"window {text!r} must be two whole days 'a,b', e.g. -1,1", field="--window"
        ) from exc
    return a, b


def events(
    store,
    tickers: list[str] | tuple[str, ...] = (),
    *,
    benchmark: str | None = None,
    model: str = "market",
    window: str | tuple[int, int] = (-1, 1),
    estimation: int = 250,
    gap: int = 10,
    log_returns: bool = False,
    event: list[str] | tuple[str, ...] = (),
    events_csv: str | None = None,
    from_facts: str | list[str] | None = None,
    estudy2_compat: bool = False,
) -> EventStudyResult:
    """The library side of ``evlens events``: gather announcements from ``event`` strings
    (``DATE[THH:MM][=LABEL]``), a CSV file and stored facts (comma-separated metrics),
    then :func:`run` them on ``tickers``."""
    from .lists import events_from_facts, parse_event, read_events_csv

    spec = StudySpec(
        model=model,
        window=parse_window(window),
        estimation=estimation,
        gap=gap,
        log_returns=log_returns,
        estudy2_compat=estudy2_compat,
    )
    resolved = [store.resolve_ticker(t) for t in tickers]
    anns: list[Announcement] = [parse_event(e) for e in event]
    if events_csv:
        anns.extend(read_events_csv(events_csv))
    notes: list[str] = []
    if from_facts:
        metrics = from_facts.split(",") if isinstance(from_facts, str) else list(from_facts)
        fact_anns, notes = events_from_facts(store, metrics, resolved or None)
        if not fact_anns:
            notes.append("the stored facts gave no dated event for these tickers")
        anns.extend(fact_anns)
    return run(store, resolved, anns, spec, benchmark=benchmark, notes=notes)
