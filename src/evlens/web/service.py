"""What the dashboard serves, kept behind one lock and a cache: the store is one DuckDB
connection, and the report's figures are costly (a forecast), so each is computed once per
set of parameters and reused until facts are stored."""

from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from ..defaults import MAX_PATHS
from ..errors import ConflictError, InputError
from ..periods import parse_day
from ..values import jsonable, to_json
from ..views.company import ReportOptions, build_report, run_forecast

CACHE_SIZE = 64


def json_bytes(obj: Any) -> bytes:
    return to_json(obj).encode("utf-8")


def records(df) -> list[dict]:
    """A DataFrame's rows, JSON-ready (missing values as null, dates as ISO text)."""
    return jsonable(df.to_dict("records"))


def scenario_options(
    second_phase_start: str | None,
    ramp_months: float | None,
    demand_growth: float | None,
    paths: int | None = None,
    seed: int | None = None,
) -> ReportOptions:
    """Check the forecast page's assumptions and turn them into report options."""
    start = parse_day(second_phase_start, "second_phase_start")
    if start is not None and not date(2000, 1, 1) <= start <= date(2100, 1, 1):
        raise InputError("second_phase_start must lie between 2000 and 2100", field="second_phase_start")
    for name, v, lo, hi in (("ramp_months", ramp_months, 0, 60), ("demand_growth", demand_growth, -0.9, 5)):
        if v is not None and (not math.isfinite(v) or not lo <= v <= hi):
            raise InputError(f"{name} must be a number between {lo} and {hi}", field=name)
    kw: dict[str, Any] = {
        "second_phase_start": start,
        "ramp_months": ramp_months,
        "demand_growth": demand_growth,
    }
    if paths is not None:
        if not 1 <= paths <= MAX_PATHS:
            raise InputError(f"paths must be between 1 and {MAX_PATHS:,}", field="paths")
        kw["paths"] = paths
    if seed is not None:
        if not 0 <= seed < 2**32:
            raise InputError("seed must be between 0 and 2^32 - 1", field="seed")
        kw["seed"] = seed
    return ReportOptions(**kw)


class Service:
    """The database of one dashboard, opened per request, with a small cache of computed views.

    The server holds no connection between requests, so the CLI can read and write the same
    file while the dashboard runs (see :mod:`evlens.store.connect`). Each request first looks
    at the file's size and modification time: when another process has written since, the
    cache is emptied and the dashboard shows the new data without a restart. One lock
    serialises the requests that open the file: DuckDB refuses a read-only and a writing
    connection to one file in one process."""

    def __init__(
        self, db_path: str | Path | None = None, read_only: bool = False, entity: str | None = None
    ) -> None:
        from ..store.core import default_db_path

        self.read_only = read_only
        self.path = Path(db_path or os.environ.get("EVLENS_DB") or default_db_path())
        self.lock = threading.RLock()
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self._resolved: dict[str, str] = {}
        with self.session(write=not read_only):  # create or upgrade the file once, up front
            pass
        self._version = self.version()
        self._entity = entity

    @property
    def default_entity(self) -> str:
        """The subject the dashboard opens on when a page names none: the one it was
        started with, else the ``EVLENS_SUBJECT`` setting, else the demo's subject
        (``[demo] subject`` of the demo manifest) when the database holds facts of it, else
        the database's main company. A page opens on another with its ``entity`` query
        parameter."""
        if self._entity is None:
            from ..demo import demo_subject

            subj = demo_subject()
            self._entity = (
                os.environ.get("EVLENS_SUBJECT")
                or (subj if self.query(lambda s: len(s.facts(entity=subj)) > 0) else None)
                or self.query(lambda s: s.main_entity())
                or subj
            )
        return self._entity

    def universe(self) -> list[dict]:
        """The makers of the universe, for the dashboard's list: slug, names, group,
        brands, the listed line shown (with currency and benchmarks), the monthly metric
        and its label, and whether the database holds closes of that line."""

        def build() -> list[dict]:
            from ..gazetteer import load_universe
            from ..views.company import _stored_range, subject_listing

            def rows(store) -> list[dict]:
                out = []
                for m in load_universe():
                    ent = store.entity(m.id)
                    x = subject_listing(store, m.id)
                    out.append(
                        {
                            "id": m.id,
                            "name_en": ent.get("name_en"),
                            "name_zh": ent.get("name_zh"),
                            "group": m.group,
                            "brands": list(m.brands),
                            "peers": list(m.peers),
                            "listing": dict(x.__dict__) if x is not None else None,
                            "listings": [dict(y.__dict__) for y in m.listings],
                            "has_prices": x is not None and _stored_range(store, x.line) is not None,
                            "reported_metric": m.reports.to_dict(),
                        }
                    )
                return jsonable(out)

            return self.query(rows)

        return self.cached(("universe",), build)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Any]:
        """The store, open for the length of one block (read-only unless ``write``)."""
        from .. import open as open_store

        if write and self.read_only:
            raise ConflictError("the database is served read-only: nothing can be stored")
        with self.lock:
            store = open_store(self.path, read_only=not write)
            try:
                yield store
            finally:
                store.close()

    def version(self) -> tuple:
        """What changes when any process writes the file: size, mtime and inode of the
        database and of its write-ahead log."""
        out: list[tuple[int, int, int] | None] = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = p.stat()
                out.append((st.st_size, st.st_mtime_ns, st.st_ino))
            except OSError:
                out.append(None)
        return tuple(out)

    def _refresh(self) -> None:
        v = self.version()
        if v != self._version:
            with self.lock:
                self._cache.clear()
                self._resolved.clear()
                self._version = v

    def close(self) -> None:
        with self.lock:
            self._cache.clear()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (on shutdown)."""
        if self.read_only:
            return
        with self.session(write=True) as s:
            s.checkpoint()

    def cached(self, key: tuple, fn: Callable[[], Any]) -> Any:
        self._refresh()
        with self.lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            value = fn()
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return value

    async def acached(self, key: tuple, fn: Callable[[], Any]) -> Any:
        """:meth:`cached` for async endpoints: a hit is answered on the event loop, a miss is
        computed in a worker thread."""
        self._refresh()
        try:
            return self._cache[key]
        except KeyError:
            pass
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(self.cached, key, fn)

    def resolve(self, entity: str | None) -> str:
        text = entity or self.default_entity
        hit = self._resolved.get(text)
        if hit is not None:
            return hit
        slug = self.query(lambda s: s.resolve_entity(text))
        if len(self._resolved) < 1000:
            self._resolved[text] = slug
        return slug

    def report(self, entity: str | None) -> dict:
        slug = self.resolve(entity)
        return self.cached(("report", slug), lambda: self.query(lambda s: build_report(s, slug).to_dict()))

    def report_bytes(self, entity: str | None) -> bytes:
        slug = self.resolve(entity)
        return self.cached(("report-bytes", slug), lambda: json_bytes(self.report(slug)))

    def forecast(self, entity: str | None, opts: ReportOptions) -> dict:
        slug = self.resolve(entity)
        year = self.report(slug)["headline"]["forecast_year"]
        key = ("forecast", slug, year, opts)

        def run() -> dict:
            facts, ents = self.query(lambda s: (s.facts(), s.entities()))
            return run_forecast(
                None, slug, year, opts, facts=facts, ents=ents
            )  # the paths run without the file

        return self.cached(key, run)

    def query(self, fn: Callable[[Any], Any]) -> Any:
        with self.session() as s:
            return fn(s)

    def write(self, fn: Callable[[Any], Any]) -> Any:
        """Run ``fn(store)`` on the store opened for writing; the cache starts afresh."""
        with self.session(write=True) as s:
            result = fn(s)
        with self.lock:
            self._cache.clear()
            self._resolved.clear()
            self._version = self.version()
        return result

    def store_article(self, doc, facts) -> Any:
        return self.write(lambda s: s.add_document(doc, facts))

    def forget(self, ident: str, dry_run: bool = False) -> dict:
        if dry_run:
            return self.query(lambda s: s.forget(ident, dry_run=True))
        return self.write(lambda s: s.forget(ident))
