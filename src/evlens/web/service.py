"""What the dashboard serves, kept behind one lock and a cache: the store is one DuckDB
connection, and the report's figures are costly (a forecast), so each is computed once per
set of parameters and reused until facts are stored."""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any, Callable

from ..errors import ConflictError, InputError
from ..report.data import ReportOptions, build_report, run_forecast
from ..values import jsonable

MAX_PATHS = 20_000
CACHE_SIZE = 64


def json_bytes(obj: Any) -> bytes:
    def default(o: Any) -> Any:
        if isinstance(o, date):
            return o.isoformat()
        if hasattr(o, "item"):
            return o.item()
        if hasattr(o, "to_dict"):
            return o.to_dict()
        if isinstance(o, (set, tuple)):
            return list(o)
        return str(o)

    return json.dumps(obj, default=default, ensure_ascii=False, allow_nan=False).encode("utf-8")


def records(df) -> list[dict]:
    """A DataFrame's rows, JSON-ready (missing values as null, dates as ISO text)."""
    return jsonable(df.to_dict("records"))


def scenario_options(second_phase_start: str | None, ramp_months: float | None, demand_growth: float | None,
                     paths: int | None = None, seed: int | None = None) -> ReportOptions:
    """Check the forecast page's assumptions and turn them into report options."""
    start = None
    if second_phase_start:
        try:
            start = date.fromisoformat(second_phase_start)
        except ValueError:
            raise InputError(f"second_phase_start must be a date (YYYY-MM-DD), not {second_phase_start!r}",
                             field="second_phase_start") from None
        if not date(2000, 1, 1) <= start <= date(2100, 1, 1):
            raise InputError("second_phase_start must lie between 2000 and 2100", field="second_phase_start")
    for name, v, lo, hi in (("ramp_months", ramp_months, 0, 60), ("demand_growth", demand_growth, -0.9, 5)):
        if v is not None and (not math.isfinite(v) or not lo <= v <= hi):
            raise InputError(f"{name} must be a number between {lo} and {hi}", field=name)
    kw: dict[str, Any] = {"second_phase_start": start, "ramp_months": ramp_months, "demand_growth": demand_growth}
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
    """The store of one dashboard, with a lock and a small cache of computed views."""

    def __init__(self, db_path: str | Path | None = None, read_only: bool = False, entity: str | None = None) -> None:
        from .. import open as open_store

        self.read_only = read_only
        self.store = open_store(db_path, read_only=read_only)
        self.lock = threading.RLock()
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self._resolved: dict[str, str] = {}
        self.default_entity = entity or self._guess_entity()

    def _guess_entity(self) -> str:
        rows = self.store.con.execute(
            "SELECT s.entity FROM securities s JOIN entities e ON e.id = s.entity WHERE e.kind = 'company' "
            "AND EXISTS (SELECT 1 FROM facts f WHERE f.metric = 'delivery_target' AND f.entity = s.entity) "
            "ORDER BY s.entity").fetchall()
        return rows[0][0] if rows else "xiaomi"

    def close(self) -> None:
        self.store.close()

    def cached(self, key: tuple, fn: Callable[[], Any]) -> Any:
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
        with self.lock:
            slug = self.store.resolve_entity(text)
        if len(self._resolved) < 1000:
            self._resolved[text] = slug
        return slug

    def report(self, entity: str | None) -> dict:
        slug = self.resolve(entity)
        return self.cached(("report", slug), lambda: build_report(self.store, slug).to_dict())

    def report_bytes(self, entity: str | None) -> bytes:
        slug = self.resolve(entity)
        return self.cached(("report-bytes", slug), lambda: json_bytes(self.report(slug)))

    def forecast(self, entity: str | None, opts: ReportOptions) -> dict:
        slug = self.resolve(entity)
        year = self.report(slug)["headline"]["forecast_year"]
        key = ("forecast", slug, year, opts)
        return self.cached(key, lambda: run_forecast(self.store, slug, year, opts))

    def query(self, key: tuple, fn: Callable[[Any], Any]) -> Any:
        with self.lock:
            return fn(self.store)

    def store_article(self, doc, facts) -> Any:
        if self.read_only:
            raise ConflictError("the database is served read-only: facts cannot be stored")
        with self.lock:
            result = self.store.add_document(doc, facts)
            self._cache.clear()
            self._resolved.clear()
            return result
