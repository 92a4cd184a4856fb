"""The store: one DuckDB file holding securities, prices, share counts, entities,
documents and facts, each with its source.

Every write method runs in one transaction: it stores everything it was given or, on
any error, nothing. Files are identified by the hash of their content, so importing the
same file twice adds nothing the second time.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import ConflictError, EvlensError, InputError, NotFoundError, SchemaError
from ..facts import Document, Fact, content_hash
from ..gazetteer import gazetteer_text, load_gazetteer
from ..periods import parse_period
from ..sources.kpis import parse_kpi_file
from ..sources.prices import (
    NotStreamable,
    PriceStream,
    detect_price_format,
    drop_duplicate_dates,
    parse_price_file,
    price_stream,
    ticker_from_filename,
)
from ..sources.reading import RawFile, open_file, read_file
from ..sources.shares import name_from_filename, parse_shares_file
from ..tickers import exchange_of, normalize_ticker
from ..validate import check_facts
from ..values import jsonable
from .connect import connect
from .migrate import migrate, schema_version, stored_version
from .results import ImportResult

Progress = Callable[[int, int], None]
STALE_PRICE_DAYS = 7  # a price series whose last bar is older than this is stale
STALE_MONTHLY_DAYS = 45  # a monthly series this many days past its last month's end is stale


def _chunk_rows() -> int:
    """Rows written per insert (and per progress report) within an import's transaction."""
    import os

    return max(1, int(os.environ.get("EVLENS_IMPORT_CHUNK_ROWS", "50000")))


KINDS = ("prices", "kpis", "shares")
_STREAM_MEMORY = 16 << 20  # bytes DuckDB may take beyond its present use while a file is read in batches
_INSERT_MEMORY = 24 << 20  # and while its rows are written
_INDEX_BYTES = 48  # room per new row for the primary key index (it takes some 15-25 bytes)
_PRICE_COLUMNS = [  # the columns of a price import, in the order they are written
    "ticker",
    "date",
    "open",
    "high",
    "low",
    "close",
    "adj_close",
    "volume",
    "adjusted",
    "suspect",
    "suspect_reason",
    "import_id",
    "line",
]
_STAGED_COLUMNS = [c for c in _PRICE_COLUMNS if c not in ("adjusted", "import_id")]  # as read in batches

_FACT_COLUMNS = [
    "id",
    "entity",
    "metric",
    "scope",
    "period",
    "period_start",
    "period_end",
    "value",
    "unit",
    "rate",
    "bound",
    "cumulative",
    "document_id",
    "span_start",
    "span_end",
    "surface",
    "sentence",
    "method",
    "confidence",
    "published",
    "published_basis",
    "source_url",
    "publisher",
    "note",
    "stored_at",
]


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("evlens", appauthor=False) / "evlens.duckdb"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).strip().lower())


class Store:
    """An evlens database. Open it with :func:`evlens.open`."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self._tx_depth = 0  # open transaction blocks (see transaction)
        self.read_only = read_only
        if read_only:
            if not self.path.exists():
                raise NotFoundError(f"{self.path}: no such database")
            self.con = connect(self.path, read_only=True)
            version = stored_version(self.con)
            if version is None:
                self.con.close()
                raise EvlensError(f"{self.path}: not an evlens database")
            if version < schema_version() or not self._gazetteer_current():
                self.con.close()
                self._upgrade_then_reopen_read_only()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = connect(self.path)
            migrate(self.con)
            self._sync_gazetteer()
        self._aliases: dict[str, list[str]] | None = None
        self._memory_limit: str | None = None  # DuckDB's limit to set back after a rollback
        self.skipped_facts: list[dict] = []  # stored facts left out of analyses, with why

    def _upgrade_then_reopen_read_only(self) -> None:
        """A database written by an older evlens: upgrade it once, then read it."""
        try:
            con = connect(self.path)
        except duckdb.Error as exc:
            raise SchemaError(
                f"{self.path}: written by an older evlens and cannot be upgraded now ({exc}); "
                "open it once for writing (e.g. evlens load or evlens demo) to upgrade it"
            ) from None
        try:
            migrate(con)
            self.con = con
            self._aliases = None
            self.read_only = False
            self._sync_gazetteer()
        finally:
            con.close()
        self.read_only = True
        self.con = connect(self.path, read_only=True)

    # ------------------------------------------------------------------ basics
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<evlens.Store {self.path}>"

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run a block of writes as one transaction: all of it or none of it. A block
        inside another joins it: its writes commit or roll back with the outer block."""
        if self.read_only:
            raise EvlensError(f"{self.path}: opened read-only")
        if self._tx_depth:
            self._tx_depth += 1
            try:
                yield self.con
            finally:
                self._tx_depth -= 1
            return
        self.con.execute("BEGIN TRANSACTION")
        self._tx_depth = 1
        try:
            yield self.con
        except BaseException:
            self._tx_depth = 0
            self.con.execute("ROLLBACK")
            self._aliases = None
            if self._memory_limit is not None:
                self.con.execute(f"SET memory_limit = '{self._memory_limit}'")
                self._memory_limit = None
            raise
        else:
            self._tx_depth = 0
            self.con.execute("COMMIT")
            self._aliases = None

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = ["entities", "securities", "imports", "prices", "share_counts", "documents", "facts"]
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}

    # ------------------------------------------------------------- gazetteer
    @staticmethod
    def _gazetteer_digest() -> str:
        # the schema version is part of the key: a new column gets filled after an upgrade
        return content_hash(f"{schema_version()}\n{gazetteer_text()}")

    def _gazetteer_current(self) -> bool:
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'gazetteer'").fetchall()
        return bool(rows) and rows[0][0] == self._gazetteer_digest()

    def _sync_gazetteer(self) -> None:
        if self._gazetteer_current():
            return
        digest = self._gazetteer_digest()
        with self.transaction() as con:
            for e in load_gazetteer():
                con.execute(
                    "INSERT OR REPLACE INTO entities (id, kind, name_en, name_zh, parent, members, aliases, "
                    "first_delivery, variant_of, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'gazetteer')",
                    [
                        e.id,
                        e.kind,
                        e.name_en,
                        e.name_zh,
                        e.parent,
                        list(e.members) or None,
                        list(e.aliases),
                        e.first_delivery,
                        e.variant_of,
                    ],
                )
                for s in e.securities:
                    con.execute(
                        "INSERT OR REPLACE INTO securities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            s.ticker,
                            s.entity,
                            s.exchange,
                            s.calendar,
                            s.currency,
                            s.name,
                            list(s.aliases),
                            s.pays_dividends,
                        ],
                    )
            con.execute("INSERT OR REPLACE INTO meta VALUES ('gazetteer', ?)", [digest])

    def _alias_map(self) -> dict[str, list[str]]:
        if self._aliases is None:
            amap: dict[str, list[str]] = {}

            def add(key: str | None, slug: str) -> None:
                if key:
                    lst = amap.setdefault(_fold(key), [])
                    if slug not in lst:
                        lst.append(slug)

            for slug, name_en, name_zh, aliases in self.con.execute(
                "SELECT id, name_en, name_zh, aliases FROM entities"
            ).fetchall():
                add(slug, slug)
                add(name_en, slug)
                add(name_zh, slug)
                for a in aliases or []:
                    add(a, slug)
            for ticker, entity, aliases in self.con.execute(
                "SELECT ticker, entity, aliases FROM securities WHERE entity IS NOT NULL"
            ).fetchall():
                add(ticker, entity)
                for a in aliases or []:
                    add(a, entity)
            self._aliases = amap
        return self._aliases

    # ------------------------------------------------------------ resolution
    def find_entity(self, name: str, parent: str | None = None) -> str | None:
        """The slug an entity name, alias or ticker refers to, or None. With ``parent``,
        names that several entities share resolve to the one belonging to ``parent``."""
        amap = self._alias_map()
        hits = list(amap.get(_fold(name), []))
        if not hits:
            try:
                t = normalize_ticker(name)
            except InputError:
                t = None
            if t is not None:
                hits = list(amap.get(_fold(t), []))
        if not hits:
            return None
        if parent is not None:
            owned = [h for h in hits if h == parent or self._parent_of(h) == parent]
            if not owned:
                return None
            hits = owned
        return hits[0]

    def _parent_of(self, slug: str) -> str | None:
        row = self.con.execute("SELECT parent FROM entities WHERE id = ?", [slug]).fetchall()[:1]
        return row[0][0] if row else None

    def resolve_entity(self, text: str) -> str:
        """The canonical slug for an entity name, alias, slug or ticker; or a NotFoundError
        that suggests the nearest names."""
        slug = self.find_entity(text)
        if slug is None:
            near = difflib.get_close_matches(_fold(text), list(self._alias_map()), n=3)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise NotFoundError(f"unknown entity {text!r}{hint}")
        return slug

    def resolve_ticker(self, text: str) -> str:
        """The canonical ticker of a security the store knows, from any accepted spelling,
        an alias, or the name of the company or index it belongs to."""
        try:
            t = normalize_ticker(text)
        except InputError:
            t = None
        if t is not None:
            if self.con.execute("SELECT 1 FROM securities WHERE ticker = ?", [t]).fetchall():
                return t
            row = self.con.execute(
                "SELECT ticker FROM securities WHERE list_contains(aliases, ?) OR list_contains(aliases, ?)",
                [text.strip(), t],
            ).fetchall()
            if row:
                return row[0][0]
        slug = self.find_entity(text)
        if slug is not None:
            row = self.con.execute(
                "SELECT ticker FROM securities WHERE entity = ? ORDER BY ticker LIMIT 1", [slug]
            ).fetchall()
            if row:
                return row[0][0]
        raise NotFoundError(f"unknown ticker {text!r}; load its prices first (evlens load prices FILE)")

    def security(self, ticker: str) -> dict:
        t = self.resolve_ticker(ticker)
        cur = self.con.execute("SELECT * FROM securities WHERE ticker = ?", [t])
        names = [d[0] for d in cur.description]
        return dict(zip(names, cur.fetchall()[0]))

    def entity(self, slug: str) -> dict:
        s = self.resolve_entity(slug)
        cur = self.con.execute("SELECT * FROM entities WHERE id = ?", [s])
        names = [d[0] for d in cur.description]
        row = dict(zip(names, cur.fetchall()[0]))
        row["members"] = list(row["members"] or [])
        row["aliases"] = list(row["aliases"] or [])
        return row

    def tickers_of(self, entity: str) -> list[str]:
        """The tickers of the securities an entity itself issues, in ticker order (its parent's
        are not included)."""
        rows = self.con.execute("SELECT ticker FROM securities WHERE entity = ? ORDER BY ticker", [entity])
        return [r[0] for r in rows.fetchall()]

    def parent_of(self, entity: str) -> str | None:
        """The stored parent of an entity (a model's maker), ``None`` for a top-level one or an
        entity not stored."""
        rows = self.con.execute("SELECT parent FROM entities WHERE id = ?", [entity]).fetchall()
        return rows[0][0] if rows else None

    # ------------------------------------------------------------------ reads
    def entities(self, kind: str | None = None) -> pd.DataFrame:
        sql = "SELECT * FROM entities"
        params: list = []
        if kind:
            sql += " WHERE kind = ?"
            params.append(kind)
        return self.con.execute(sql + " ORDER BY kind, id", params).df()

    def securities(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM securities ORDER BY ticker").df()

    def prices(
        self, ticker: str, start: date | str | None = None, end: date | str | None = None
    ) -> pd.DataFrame:
        """Daily bars of one security, indexed by date (ascending)."""
        t = self.resolve_ticker(ticker)
        sql = (
            "SELECT date, open, high, low, close, adj_close, volume, adjusted, suspect, suspect_reason "
            "FROM prices WHERE ticker = ?"
        )
        params: list = [t]
        if start is not None:
            sql += " AND date >= ?"
            params.append(pd.Timestamp(start).date())
        if end is not None:
            sql += " AND date <= ?"
            params.append(pd.Timestamp(end).date())
        df = self.con.execute(sql + " ORDER BY date", params).df()
        df["date"] = pd.to_datetime(df["date"])
        return df.set_index("date")

    def shares(self, ticker: str) -> pd.DataFrame:
        t = self.resolve_ticker(ticker)
        df = self.con.execute(
            "SELECT as_of, shares, class_a, class_b, basis, source_url, note FROM share_counts "
            "WHERE ticker = ? ORDER BY as_of, basis",
            [t],
        ).df()
        df["as_of"] = pd.to_datetime(df["as_of"])
        return df

    def share_ledger(self, ticker: str) -> pd.DataFrame:
        """The share counts of ``ticker`` in ledger order (date, import, line of its file),
        as :func:`evlens.store.shares.share_rows` reads them."""
        from .shares import share_rows

        return share_rows(self, ticker)

    def facts_published_between(self, entity: str | None, start: date, end: date) -> pd.DataFrame:
        """Facts about ``entity`` or its models published from ``start`` to ``end``, with
        their document's title (:func:`evlens.store.shares.facts_published_between`)."""
        from .shares import facts_published_between

        return facts_published_between(self, entity, start, end)

    def facts(
        self,
        entity: str | Sequence[str] | None = None,
        metric: str | Sequence[str] | None = None,
        period: str | None = None,
        published_by: date | str | None = None,
    ) -> pd.DataFrame:
        """Stored facts, filtered. ``entity`` and ``metric`` take one value or several;
        ``published_by`` keeps facts whose publication date is known and not later.

        A stored value no analysis can use (not finite, beyond what its metric can hold,
        written by an older evlens that did not check) is left out and listed, with its
        reason, in :attr:`skipped_facts`, so that one bad row never stops an analysis."""
        sql = "SELECT * FROM facts WHERE 1=1"
        params: list[object] = []
        for col, val in (("entity", entity), ("metric", metric)):
            if val is None:
                continue
            vals = [val] if isinstance(val, str) else list(val)
            if col == "entity":
                vals = [self.resolve_entity(v) for v in vals]
            sql += f" AND {col} IN (SELECT unnest(?))"
            params.append(vals)
        if period is not None:
            try:
                params.append(parse_period(period).text)
            except ValueError as exc:
                raise InputError(str(exc), field="period") from None
            sql += " AND period = ?"
        if published_by is not None:
            sql += " AND published IS NOT NULL AND published <= ?"
            params.append(pd.Timestamp(published_by).date())
        df = self.con.execute(
            sql + " ORDER BY entity, metric, period_start, period_end, published NULLS LAST, id", params
        ).df()
        return self._usable(df)

    def _usable(self, df: pd.DataFrame) -> pd.DataFrame:
        from ..validate import limit_for, value_problem

        if df.empty:
            return df
        values = df["value"].to_numpy(dtype=float)
        bad = ~np.isfinite(values)
        for (metric, unit), idx in df.groupby(["metric", "unit"], dropna=False).indices.items():
            lim = limit_for(metric, None if pd.isna(unit) else unit)
            v = values[idx]
            with np.errstate(invalid="ignore"):
                out = (v < lim.low) | (v > lim.high) | ((v != np.round(v)) if lim.whole else False)
            bad[idx] |= out
        if not bad.any():
            return df
        for r in df[bad].itertuples():
            entry = {
                "id": r.id,
                "entity": r.entity,
                "metric": r.metric,
                "period": r.period,
                "reason": value_problem(r.value, limit_for(r.metric, r.unit)),
            }
            if entry not in self.skipped_facts:
                self.skipped_facts.append(entry)
        return df[~bad].reset_index(drop=True)

    def document(self, doc_id: str) -> dict:
        cur = self.con.execute("SELECT * FROM documents WHERE id = ?", [doc_id])
        rows = cur.fetchall()
        if not rows:
            raise NotFoundError(f"no document {doc_id!r}")
        return dict(zip([d[0] for d in cur.description], rows[0]))

    def document_facts(self, doc_id: str) -> pd.DataFrame:
        """Every stored fact read from document ``doc_id``, every column, in the order of
        its text (by span start); stored values as they are (see :meth:`facts` for the
        checked ones). Empty when the document has none."""
        return self.con.execute(
            "SELECT * FROM facts WHERE document_id = ? ORDER BY span_start", [doc_id]
        ).df()

    def documents(self) -> pd.DataFrame:
        return self.con.execute(
            "SELECT id, kind, url, title, publisher, published, path, length(text) AS chars, stored_at "
            "FROM documents ORDER BY stored_at, id"
        ).df()

    def documents_published_between(self, start: date, end: date) -> pd.DataFrame:
        """Documents published from ``start`` to ``end`` (inclusive), oldest first: id,
        kind, url, title, publisher, published."""
        return self.con.execute(
            "SELECT id, kind, url, title, publisher, published FROM documents "
            "WHERE published BETWEEN ? AND ? ORDER BY published, id",
            [start, end],
        ).df()

    def imports(self) -> pd.DataFrame:
        """Every file imported, newest last: id, kind, format, path, rows, imported_at."""
        return self.con.execute("SELECT * FROM imports ORDER BY imported_at, id").df()

    # ------------------------------------------------------------------ writes
    def load(
        self,
        paths: Iterable[str | Path],
        kind: str | None = None,
        *,
        ticker: str | None = None,
        adjusted: bool | None = None,
        replace: bool = False,
        progress: Progress | None = None,
    ) -> list[ImportResult]:
        """Import files of one kind (``prices``, ``kpis``, ``shares``; None: detect each
        file's kind) in one transaction. ``ticker`` names the security of a price or
        share file when its name does not; ``adjusted`` says whether a price file's
        closes are dividend-adjusted when the format cannot tell; ``replace`` lets a
        price file overwrite stored bars that differ from it."""
        if kind is not None and kind not in KINDS:
            raise EvlensError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        raws = [open_file(p) for p in paths]
        results = []
        with self.transaction():
            for raw in raws:
                k = kind or detect_kind(raw)
                results.append(
                    self._import(raw, k, ticker=ticker, adjusted=adjusted, replace=replace, progress=progress)
                )
        return results

    def load_prices(self, paths, **kw) -> list[ImportResult]:
        return self.load(paths, "prices", **kw)

    def load_kpis(self, paths, **kw) -> list[ImportResult]:
        return self.load(paths, "kpis", **kw)

    def load_shares(self, paths, **kw) -> list[ImportResult]:
        return self.load(paths, "shares", **kw)

    def load_demo(self) -> list[ImportResult]:
        """Import the dataset bundled with evlens (see ``evlens/data/demo/SOURCES.md``)."""
        from ..demo import demo_files

        results = []
        with self.transaction():
            for item in demo_files():
                if item.kind == "articles":  # a folder of articles, read by the extractor
                    from ..extract import extract_file
                    from ..sources.releases import article_paths, check_article

                    for path in article_paths(item.path):
                        check_article(path)
                        results.append(self.add_document(*extract_file(path, None, [])))
                    continue
                raw = read_file(item.path)
                results.append(self._import(raw, item.kind, ticker=item.ticker, adjusted=item.adjusted))
        return results

    def _import(
        self, raw: RawFile, kind: str, *, ticker=None, adjusted=None, replace=False, progress=None
    ) -> ImportResult:
        seen = self.con.execute("SELECT kind, format, rows FROM imports WHERE id = ?", [raw.id]).fetchall()
        if seen:
            kind_seen, format_seen, rows_seen = seen[0]
            return ImportResult(
                path=str(raw.path),
                kind=kind_seen,
                format=format_seen,
                import_id=raw.id,
                rows=rows_seen,
                added=0,
                already_imported=True,
            )
        result = None
        if raw.streamed:
            # a large file: plain CSV and Parquet prices are read in batches; anything
            # else, or a file that would not read the same in batches, is read whole
            try:
                stream = price_stream(raw) if kind == "prices" else None
                if stream is not None:
                    result = self._import_price_stream(stream, ticker, adjusted, replace, progress)
            except NotStreamable:
                result = None
            if result is None:
                raw = read_file(raw.path)
        if result is not None:
            pass
        elif kind == "prices":
            result = self._import_prices(raw, ticker, adjusted, replace, progress)
        elif kind == "kpis":
            result = self._import_kpis(raw)
        elif kind == "shares":
            result = self._import_shares(raw, ticker)
        else:
            raise EvlensError(f"unknown kind {kind!r}")
        self.con.execute(
            "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?)",
            [raw.id, kind, result.format, str(raw.path), result.rows, _now()],
        )
        return result

    # prices
    def _ensure_security(self, text: str, path: Path) -> str:
        try:
            return self.resolve_ticker(text)
        except NotFoundError:
            pass
        try:
            t = normalize_ticker(text)
        except InputError:
            raise InputError(
                f"cannot tell the ticker from {text!r}; pass it with --ticker", path=path, field="ticker"
            ) from None
        self.con.execute(
            "INSERT INTO securities VALUES (?, NULL, ?, ?, NULL, NULL, [], NULL)",
            [t, exchange_of(t), exchange_of(t)],
        )
        self._aliases = None
        return t

    def _import_prices(self, raw, ticker, adjusted, replace, progress) -> ImportResult:
        parsed = parse_price_file(raw)
        frame = parsed.frame.copy()
        notes: list[str] = []
        self._name_frame_tickers(frame, raw.path, ticker, parsed.ticker_hint)
        tickers = tuple(sorted(frame["ticker"].unique()))
        adj_by_ticker = self._adjusted_by_ticker(tickers, adjusted, parsed.auto_adjusted, notes)
        frame["adjusted"] = frame["ticker"].map(adj_by_ticker).astype(bool)
        frame["import_id"] = raw.id
        frame["date"] = frame["date"].dt.date
        frame = frame[_PRICE_COLUMNS]
        total = self._insert_new_prices(frame, raw.path, replace, progress)
        return ImportResult(
            path=str(raw.path),
            kind="prices",
            format=parsed.format,
            import_id=raw.id,
            rows=len(frame),
            added=total,
            tickers=tickers,
            first_date=frame["date"].min(),
            last_date=frame["date"].max(),
            last_close=float(parsed.frame.sort_values("date").iloc[-1]["close"])
            if len(tickers) == 1
            else None,
            adjusted=all(adj_by_ticker.values()) if len(tickers) == 1 else None,
            suspect_rows=tuple(frame.loc[frame["suspect"], "date"]),
            notes=tuple(notes),
        )

    def _name_frame_tickers(self, frame: pd.DataFrame, path: Path, ticker, hint: str | None) -> None:
        """Set the ``ticker`` column of a price file's rows to the stored spellings, adding
        securities not known yet: from the file's own column (then ``ticker`` must not be
        given too), or else from ``ticker``, the ticker the file names or the file's name.
        Two spellings of one ticker with a bar on the same date are an error."""
        if frame["ticker"].notna().any():
            if ticker is not None:
                raise InputError(
                    "the file has a ticker column; do not pass --ticker too", path=path, field="ticker"
                )
            canonical = {t: self._ensure_security(t, path) for t in frame["ticker"].unique()}
            frame["ticker"] = frame["ticker"].map(canonical)
            dup = frame.duplicated(["ticker", "date"], keep=False)
            if dup.any():
                a, b = frame.loc[dup].sort_values(["ticker", "date", "line"]).iloc[:2].itertuples()
                raise InputError(
                    f"{a.ticker} on {a.date.date()} appears on lines {a.line} and {b.line} (tickers spelled differently)",
                    path=path,
                    line=int(b.line),
                    field="ticker",
                )
        else:
            name = ticker or hint or ticker_from_filename(path)
            frame["ticker"] = self._ensure_security(name, path)

    def _adjusted_by_ticker(
        self, tickers: Sequence[str], adjusted, auto_adjusted: bool, notes: list[str]
    ) -> dict[str, bool]:
        """Whether the closes of each ticker are adjusted: as ``adjusted`` says when given;
        for a file of auto-adjusted closes, whether the security pays dividends (taken as
        not, with a note in ``notes``, where that is unknown); otherwise not."""
        adj_by_ticker = {}
        for t in tickers:
            pays = self.con.execute("SELECT pays_dividends FROM securities WHERE ticker = ?", [t]).fetchall()[
                0
            ][0]
            if adjusted is not None:
                adj_by_ticker[t] = bool(adjusted)
            elif auto_adjusted:
                adj_by_ticker[t] = bool(pays)
                if pays is None:
                    notes.append(
                        f"{t}: unknown whether it pays dividends; closes taken as unadjusted (pass --adjusted if they are)"
                    )
            else:
                adj_by_ticker[t] = False
        return adj_by_ticker

    def _insert_new_prices(self, frame: pd.DataFrame, path: Path, replace: bool, progress) -> int:
        """Store the bars of ``frame`` (columns :data:`_PRICE_COLUMNS`) that are not stored
        yet, a chunk at a time, once clashes with stored bars are settled; returns how many."""
        self.con.register("incoming_prices", frame)
        try:
            self._settle_price_clashes("incoming_prices", path, replace)
            new_rows = self.con.execute(
                """SELECT i.* FROM incoming_prices i
                   ANTI JOIN prices p USING (ticker, date) ORDER BY i.ticker, i.date"""
            ).df()
        finally:
            self.con.unregister("incoming_prices")
        total = len(new_rows)
        step = _chunk_rows()
        for start in range(0, max(total, 1), step):
            chunk = new_rows.iloc[start : start + step]
            if chunk.empty:
                break
            self.con.register("chunk_prices", chunk)
            self.con.execute(
                f"INSERT INTO prices ({', '.join(_PRICE_COLUMNS)}) SELECT {', '.join(_PRICE_COLUMNS)} FROM chunk_prices"
            )
            self.con.unregister("chunk_prices")
            if progress is not None:
                progress(min(start + step, total), total)
        return total

    _STAGED = "evlens_staged_prices"  # temporary tables of an import in batches
    _TICKERS = "evlens_staged_tickers"
    _INCOMING = "evlens_incoming_prices"

    def _import_price_stream(self, stream: PriceStream, ticker, adjusted, replace, progress) -> ImportResult:
        """A large price file read in batches, with the same checks and the same result as
        :meth:`_import_prices`: each checked batch goes to a temporary table, and the rules
        across rows (a date given twice, the ticker, bars already stored) are applied there."""
        _raw, con = stream.raw, self.con
        staged, tmap, incoming = self._STAGED, self._TICKERS, self._INCOMING
        limit = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        self._bound_memory(0)
        con.execute(
            f"CREATE TEMP TABLE {staged} (ticker VARCHAR, date DATE, open DOUBLE, high DOUBLE, low DOUBLE, "
            "close DOUBLE, adj_close DOUBLE, volume DOUBLE, suspect BOOLEAN, suspect_reason VARCHAR, line INTEGER)"
        )
        try:
            return self._staged_prices(stream, ticker, adjusted, replace, progress)
        finally:
            for sql in (
                f"DROP VIEW IF EXISTS {incoming}",
                f"DROP TABLE IF EXISTS {tmap}",
                f"DROP TABLE IF EXISTS {staged}",
            ):
                with suppress(duckdb.Error):
                    con.execute(sql)
            for name in ("evlens_rows",):
                with suppress(Exception):
                    con.unregister(name)
            try:
                con.execute(f"SET memory_limit = '{limit}'")
            except duckdb.Error:  # an aborted transaction: the limit is set back after the rollback
                self._memory_limit = limit

    def _bound_memory(self, rows: int) -> None:
        """Let DuckDB take no more than :data:`_STREAM_MEMORY` beyond what it holds now,
        plus room for the primary key index of ``rows`` new rows. DuckDB keeps what it may
        in memory up to its limit (most of the machine's); bounded, it spills temporary
        tables to disk instead."""
        used = self.con.execute(
            "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
        ).fetchall()[0][0]
        extra = _INSERT_MEMORY + _INDEX_BYTES * rows if rows else _STREAM_MEMORY
        self.con.execute(f"SET memory_limit = '{int(used + extra)}B'")

    def _staged_prices(self, stream: PriceStream, ticker, adjusted, replace, progress) -> ImportResult:
        """The import of a price file read in batches, once its temporary table exists:
        the rows are staged, checked and named as :meth:`_import_prices` does, then stored."""
        raw = stream.raw
        ordered = self._stage_batches(stream)
        if not ordered:
            self._drop_staged_duplicates(raw.path)
        notes: list[str] = []
        canonical = self._staged_tickers(stream, ticker)
        tickers = tuple(sorted(set(canonical.values())))
        adj_by_ticker = self._adjusted_by_ticker(tickers, adjusted, stream.auto_adjusted, notes)
        renamed = self._map_staged_tickers(canonical, adj_by_ticker, raw.path)
        rows, first_date, last_date, last_close, suspect = self._staged_summary(len(tickers) == 1)
        self._settle_price_clashes(self._INCOMING, raw.path, replace)
        order = self._new_staged_rows(keyed=ordered and not renamed)
        total = len(order)
        self._bound_memory(total)
        self._insert_staged(order, raw.id, progress)
        return ImportResult(
            path=str(raw.path),
            kind="prices",
            format=stream.format,
            import_id=raw.id,
            rows=int(rows),
            added=total,
            tickers=tickers,
            first_date=first_date,
            last_date=last_date,
            last_close=last_close,
            adjusted=all(adj_by_ticker.values()) if len(tickers) == 1 else None,
            suspect_rows=tuple(r[0] for r in suspect),
            notes=tuple(notes),
        )

    def _stage_batches(self, stream: PriceStream) -> bool:
        """Copy the batches of ``stream`` into the staged table; returns whether its rows
        came in ascending (ticker, date), as most files do."""
        ordered, last = True, None
        for batch in stream.batches():
            if ordered:
                ordered, last = _ascending(batch, last)
            # as Arrow: a frame of Python strings scanned by DuckDB leaves memory behind;
            # NaN becomes NULL either way
            evlens_batch = pa.Table.from_pandas(batch[_STAGED_COLUMNS], preserve_index=False)
            self.con.execute(
                f"INSERT INTO {self._STAGED} SELECT {', '.join(_STAGED_COLUMNS)} FROM evlens_batch"
            )
            del evlens_batch
        return ordered

    def _drop_staged_duplicates(self, path: Path) -> None:
        """A date given twice in the staged rows: the rows after the first go, unless their
        values differ (then :func:`drop_duplicate_dates` raises)."""
        con, staged = self.con, self._STAGED
        dups = con.execute(
            f"""SELECT s.rowid AS rid, s.* FROM {staged} s SEMI JOIN (
                SELECT ticker, date FROM {staged} GROUP BY ticker, date HAVING count(*) > 1) d
            ON s.ticker IS NOT DISTINCT FROM d.ticker AND s.date = d.date ORDER BY s.line"""
        ).df()
        if len(dups):
            dups["date"] = pd.to_datetime(dups["date"])
            kept = drop_duplicate_dates(dups, path)
            gone = pd.DataFrame({"rid": sorted(set(dups["rid"]) - set(kept["rid"]))})
            con.register("evlens_rows", gone)
            con.execute(f"DELETE FROM {staged} WHERE rowid IN (SELECT rid FROM evlens_rows)")
            con.unregister("evlens_rows")

    def _staged_tickers(self, stream: PriceStream, ticker) -> dict[str | None, str]:
        """The stored spelling of each ticker of the staged rows, adding securities not
        known yet: keyed by the file's own spelling, or by None for a file without a
        ticker column (named by ``ticker``, the ticker the file names or the file's name)."""
        raw = stream.raw
        names = [
            r[0]
            for r in self.con.execute(
                f"SELECT DISTINCT ticker FROM {self._STAGED} WHERE ticker IS NOT NULL"
            ).fetchall()
        ]
        if names:
            if ticker is not None:
                raise InputError(
                    "the file has a ticker column; do not pass --ticker too", path=raw.path, field="ticker"
                )
            return {t: self._ensure_security(t, raw.path) for t in sorted(names)}
        name = ticker or stream.ticker_hint or ticker_from_filename(raw.path)
        return {None: self._ensure_security(name, raw.path)}

    def _map_staged_tickers(
        self, canonical: dict[str | None, str], adj_by_ticker: dict[str, bool], path: Path
    ) -> bool:
        """The table of tickers and the view of the staged rows as they are to be stored;
        returns whether any ticker was spelled otherwise in the file. Two spellings of one
        ticker with a bar on the same date are an error."""
        con, incoming = self.con, self._INCOMING
        mapping = pd.DataFrame(
            {
                "raw": pd.Series(list(canonical), dtype=object),
                "ticker": list(canonical.values()),
                "adjusted": [adj_by_ticker[t] for t in canonical.values()],
            }
        )
        con.register("evlens_rows", mapping)
        con.execute(
            f"CREATE TEMP TABLE {self._TICKERS} AS SELECT raw::VARCHAR AS raw, ticker::VARCHAR AS ticker, "
            "adjusted::BOOLEAN AS adjusted FROM evlens_rows"
        )
        con.unregister("evlens_rows")
        con.execute(
            f"""CREATE TEMP VIEW {incoming} AS
                SELECT s.rowid AS rid, m.ticker, s.date, s.open, s.high, s.low, s.close, s.adj_close, s.volume,
                       m.adjusted, s.suspect, s.suspect_reason, s.line
                FROM {self._STAGED} s JOIN {self._TICKERS} m ON s.ticker IS NOT DISTINCT FROM m.raw"""
        )
        renamed = any(k is not None and k != v for k, v in canonical.items())
        if renamed:
            two = con.execute(
                f"""SELECT ticker, date, line FROM (
                        SELECT ticker, date, line, count(*) OVER (PARTITION BY ticker, date) AS n FROM {incoming})
                    WHERE n > 1 ORDER BY ticker, date, line LIMIT 2"""
            ).fetchall()
            if two:
                (t, d, line_a), (_, _, line_b) = two
                raise InputError(
                    f"{t} on {d} appears on lines {line_a} and {line_b} (tickers spelled differently)",
                    path=path,
                    line=int(line_b),
                    field="ticker",
                )
        return renamed

    def _staged_summary(self, single: bool) -> tuple:
        """Of the staged rows: their count, first and last date, the last close (of a file
        of one ticker, else None) and the dates of the suspect ones."""
        con, staged = self.con, self._STAGED
        rows, first_date, last_date = con.execute(
            f"SELECT count(*), min(date), max(date) FROM {staged}"
        ).fetchall()[0]
        last_close = None
        if single:
            last_close = float(
                con.execute(f"SELECT close FROM {staged} ORDER BY date DESC LIMIT 1").fetchall()[0][0]
            )
        suspect = con.execute(
            f"SELECT date FROM {staged} WHERE suspect ORDER BY ticker NULLS FIRST, date"
        ).fetchall()
        return rows, first_date, last_date, last_close, suspect

    def _new_staged_rows(self, *, keyed: bool) -> np.ndarray:
        """The row ids of the staged bars not stored yet, in (ticker, date) order; with
        ``keyed`` the order of the rows is that of their keys and sorting the ids suffices."""
        if keyed:
            return np.sort(
                np.asarray(
                    self.con.execute(
                        f"SELECT i.rid FROM {self._INCOMING} i ANTI JOIN prices p USING (ticker, date)"
                    ).fetchnumpy()["rid"],
                    dtype=np.int64,
                )
            )
        return np.asarray(
            self.con.execute(
                f"SELECT i.rid FROM {self._INCOMING} i ANTI JOIN prices p USING (ticker, date) ORDER BY i.ticker, i.date"
            ).fetchnumpy()["rid"],
            dtype=np.int64,
        )

    def _insert_staged(self, order: np.ndarray, import_id: str, progress) -> None:
        """Store the staged bars of the row ids ``order``, a chunk at a time: a run of
        consecutive ids by its bounds, any other chunk by its ids."""
        con, incoming, total = self.con, self._INCOMING, len(order)
        step = _chunk_rows()
        values = ", ".join("? AS import_id" if c == "import_id" else c for c in _PRICE_COLUMNS)
        insert = f"INSERT INTO prices ({', '.join(_PRICE_COLUMNS)}) SELECT {values} FROM {incoming} "
        for start in range(0, total, step):
            ids = order[start : start + step]
            if ids[-1] - ids[0] == len(ids) - 1 and (len(ids) == 1 or bool((np.diff(ids) == 1).all())):
                con.execute(
                    insert + "WHERE rid BETWEEN ? AND ? ORDER BY ticker, date",
                    [import_id, int(ids[0]), int(ids[-1])],
                )
            else:
                con.register("evlens_rows", pd.DataFrame({"rid": ids}))
                con.execute(
                    insert + "WHERE rid IN (SELECT rid FROM evlens_rows) ORDER BY ticker, date", [import_id]
                )
                con.unregister("evlens_rows")
            if progress is not None:
                progress(min(start + step, total), total)

    def _settle_price_clashes(self, incoming: str, path, replace: bool) -> None:
        """Bars in the table ``incoming`` that differ from stored ones (close or adjusted):
        an error naming both files and lines, or, with ``replace``, the stored ones removed."""
        clash = self.con.execute(
            f"""SELECT i.ticker, i.date, i.line, i.close, p.close, imp.path, p.line
               FROM {incoming} i JOIN prices p USING (ticker, date)
               LEFT JOIN imports imp ON imp.id = p.import_id
               WHERE abs(i.close - p.close) > 1e-9 * abs(p.close)
                  OR i.adjusted <> p.adjusted
               ORDER BY i.ticker, i.date LIMIT 3"""
        ).fetchall()
        if clash and not replace:
            t, d, line, new, old, old_path, old_line = clash[0]
            raise ConflictError(
                f"{path}, line {line}, field 'close': {t} on {d} is {new} here but {old} is stored "
                f"(from {old_path}, line {old_line}); pass --replace to overwrite stored bars"
            )
        if clash and replace:
            self.con.execute(
                f"DELETE FROM prices WHERE (ticker, date) IN (SELECT (ticker, date) FROM {incoming})"
            )

    # kpis
    def _import_kpis(self, raw: RawFile) -> ImportResult:
        parsed = parse_kpi_file(raw, _Resolver(self))
        for ent in parsed.new_entities.values():
            self.con.execute(
                "INSERT INTO entities (id, kind, name_en, parent, members, aliases, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, 'import')",
                [
                    ent["id"],
                    ent["kind"],
                    ent.get("name_en"),
                    ent.get("parent"),
                    ent.get("members"),
                    ent.get("aliases", []),
                ],
            )
        self._aliases = None
        doc = Document(
            id=raw.id, text=raw.decoded_text(), kind="csv", path=str(raw.path), retrieved_at=_now()
        )
        self._insert_document(doc)
        added = self._insert_facts(parsed.facts)
        return ImportResult(
            path=str(raw.path),
            kind="kpis",
            format=parsed.format,
            import_id=raw.id,
            rows=len(parsed.facts),
            added=added,
            entities=tuple(sorted({f.entity for f in parsed.facts})),
            new_entities=tuple(sorted(parsed.new_entities)),
        )

    # shares
    def _import_shares(self, raw: RawFile, ticker: str | None) -> ImportResult:
        parsed = parse_shares_file(raw)
        frame = parsed.frame.copy()
        if frame["ticker"].notna().any():
            canonical = {t: self._ensure_security(t, raw.path) for t in frame["ticker"].unique()}
            frame["ticker"] = frame["ticker"].map(canonical)
        else:
            frame["ticker"] = self._ensure_security(ticker or name_from_filename(raw.path), raw.path)
        frame["import_id"] = raw.id
        frame["as_of"] = frame["as_of"].dt.date
        cols = [
            "ticker",
            "as_of",
            "shares",
            "class_a",
            "class_b",
            "basis",
            "source_url",
            "note",
            "import_id",
            "line",
        ]
        self.con.register("incoming_shares", frame[cols])
        try:
            clash = self.con.execute(
                """SELECT i.ticker, i.as_of, i.basis, i.line, i.shares, s.shares FROM incoming_shares i
                   JOIN share_counts s USING (ticker, as_of, basis) WHERE i.shares <> s.shares LIMIT 1"""
            ).fetchall()
            if clash:
                t, d, b, line, new, old = clash[0]
                raise ConflictError(
                    f"{raw.path}, line {line}, field 'shares': {t} as of {d} ({b}) is {new:,.0f} here but {old:,.0f} is stored"
                )
            added = self.con.execute(
                f"""INSERT INTO share_counts ({", ".join(cols)})
                    SELECT {", ".join(cols)} FROM incoming_shares i
                    ANTI JOIN share_counts s USING (ticker, as_of, basis)"""
            ).fetchall()[0][0]
        finally:
            self.con.unregister("incoming_shares")
        return ImportResult(
            path=str(raw.path),
            kind="shares",
            format=parsed.format,
            import_id=raw.id,
            rows=len(frame),
            added=int(added),
            tickers=tuple(sorted(frame["ticker"].unique())),
            first_date=frame["as_of"].min(),
            last_date=frame["as_of"].max(),
        )

    # documents and facts
    def _insert_document(self, doc: Document) -> bool:
        if self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc.id]).fetchall():
            return False
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc.id,
                doc.kind,
                doc.url,
                doc.title,
                doc.publisher,
                doc.published,
                doc.retrieved_at,
                doc.path,
                doc.lang,
                doc.text,
                _now(),
            ],
        )
        return True

    def _insert_facts(self, facts: Sequence[Fact]) -> int:
        if not facts:
            return 0
        now = _now()
        rows = [{**f.row(), "stored_at": now} for f in facts]
        df = pd.DataFrame(rows, columns=_FACT_COLUMNS).drop_duplicates("id")
        unknown = set(df["entity"]) - {r[0] for r in self.con.execute("SELECT id FROM entities").fetchall()}
        if unknown:
            raise NotFoundError(f"facts name unknown entities: {', '.join(sorted(unknown))}")
        self.con.register("incoming_facts", df)
        try:
            before = self.con.execute("SELECT count(*) FROM facts").fetchall()[0][0]
            self.con.execute(
                f"INSERT INTO facts SELECT {', '.join(_FACT_COLUMNS)} FROM incoming_facts i "
                "ANTI JOIN facts f USING (id)"
            )
            after = self.con.execute("SELECT count(*) FROM facts").fetchall()[0][0]
        finally:
            self.con.unregister("incoming_facts")
        return after - before

    def add_document(self, doc: Document, facts: Sequence[Fact]) -> ImportResult:
        """Store a document and the facts read from it, once per document (by content hash)."""
        for f in facts:
            if f.document_id not in (None, doc.id):
                raise EvlensError(f"fact {f.id} points at document {f.document_id}, not {doc.id}")
            if f.span_start is not None and doc.text[f.span_start : f.span_end] != f.surface:
                raise EvlensError(
                    f"fact {f.id}: span {f.span_start}:{f.span_end} does not hold {f.surface!r}"
                )
        check_facts(facts, path=doc.path or doc.url or f"document {doc.id}")
        with self.transaction():
            new = self._insert_document(doc)
            added = (
                self._insert_facts([f if f.document_id else _with_doc(f, doc.id) for f in facts])
                if new
                else 0
            )
        return ImportResult(
            path=doc.path or doc.url,
            kind="document",
            format=doc.kind,
            import_id=doc.id,
            rows=len(facts),
            added=added,
            already_imported=not new,
            entities=tuple(sorted({f.entity for f in facts})),
        )

    def merge_partitions(self, out_dir: str | Path) -> dict[str, int]:
        """Load the Parquet partitions of a batch extraction under ``out_dir`` in one
        transaction, once per document: ``documents_added`` and ``facts_added``. See
        :func:`evlens.store.batch.merge_partitions`; the caller checks the facts first."""
        from .batch import merge_partitions

        return merge_partitions(self, out_dir)

    def main_entity(self) -> str | None:
        """The company a dashboard shows first: the first listed one with a delivery target."""
        rows = self.con.execute(
            "SELECT s.entity FROM securities s JOIN entities e ON e.id = s.entity WHERE e.kind = 'company' "
            "AND EXISTS (SELECT 1 FROM facts f WHERE f.metric = 'delivery_target' AND f.entity = s.entity) "
            "ORDER BY s.entity LIMIT 1"
        ).fetchall()
        return rows[0][0] if rows else None

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file."""
        if not self.read_only:
            self.con.execute("CHECKPOINT")

    # ------------------------------------------------------------------ repair
    def forget(self, ident: str, *, dry_run: bool = False) -> dict:
        """Remove what one import, one document or one fact put in, in one transaction.

        ``ident`` is an import id, a document id or a fact id (a unique prefix of at least 8
        characters will do). An import goes with its price bars and share counts; a document
        (an article, or the table a KPI import stored) goes with its facts; a fact goes alone.
        Entities and securities stay: other rows may name them. Returns what goes (or, with
        ``dry_run``, what would go) as ``{"kind", "id", "label", "removes": {table: rows}}``."""
        text = (ident or "").strip().lower()
        if not re.fullmatch(r"[0-9a-f]{8,64}", text):
            raise InputError(
                f"{ident!r} is no id: give an import, document or fact id (at least 8 hex digits)", field="id"
            )
        hits = self.con.execute(
            """SELECT 'import' AS kind, id, coalesce(path, '') FROM imports WHERE starts_with(id, ?)
               UNION ALL SELECT 'document', id, coalesce(title, url, path, '') FROM documents
                   WHERE starts_with(id, ?) AND id NOT IN (SELECT id FROM imports)
               UNION ALL SELECT 'fact', id, entity || ' ' || metric || ' ' || period FROM facts
                   WHERE starts_with(id, ?)""",
            [text, text, text],
        ).fetchall()
        if not hits:
            raise NotFoundError(f"no import, document or fact has the id {ident!r}")
        if len(hits) > 1:
            raise InputError(f"{ident!r} names {len(hits)} records; give more of the id", field="id")
        kind, full, label = hits[0]
        where = {
            "import": [
                ("prices", "import_id = ?"),
                ("share_counts", "import_id = ?"),
                ("facts", "document_id = ?"),
                ("documents", "id = ?"),
                ("imports", "id = ?"),
            ],
            "document": [("facts", "document_id = ?"), ("documents", "id = ?")],
            "fact": [("facts", "id = ?")],
        }[kind]
        removes = {
            table: self.con.execute(f"SELECT count(*) FROM {table} WHERE {cond}", [full]).fetchall()[0][0]
            for table, cond in where
        }
        if not dry_run:
            with self.transaction() as con:
                for table, cond in where:
                    con.execute(f"DELETE FROM {table} WHERE {cond}", [full])
        return {"kind": kind, "id": full, "label": label, "removes": removes, "dry_run": dry_run}

    # ----------------------------------------------------------------- summary
    def summary(self, today: date | None = None) -> dict:
        """What the database holds: securities with date ranges, facts per company, share counts,
        and how fresh each series is on ``today`` (default: the local date).

        Freshness: ``days_old = today - last date`` for each price series (its last bar) and
        for each maker's delivery-like series (``deliveries``, ``sales``, ``wholesale``,
        ``retail_sales``: the end of the last period with a figure). A series is ``stale``
        when prices are more than 7 days old, or a monthly figure more than 45 days past its
        month's end (makers publish within a few days of the month's end)."""
        today = today or date.today()
        secs = self.con.execute(
            """SELECT p.ticker, s.name, s.currency, count(*) AS rows, min(p.date) AS first, max(p.date) AS last,
                      bool_and(p.adjusted) AS adjusted, count(*) FILTER (WHERE p.suspect) AS suspect
               FROM prices p LEFT JOIN securities s USING (ticker)
               GROUP BY ALL ORDER BY p.ticker"""
        ).df()
        facts = self.con.execute(
            """SELECT coalesce(CASE WHEN e.kind IN ('model', 'model_group') THEN e.parent END, f.entity) AS maker,
                      count(*) AS facts, count(DISTINCT f.entity) AS entities,
                      string_agg(DISTINCT f.metric, ', ' ORDER BY f.metric) AS metrics
               FROM facts f LEFT JOIN entities e ON e.id = f.entity
               GROUP BY ALL ORDER BY facts DESC, maker"""
        ).df()
        shares = self.con.execute(
            """SELECT ticker, count(*) AS counts, min(as_of) AS first, max(as_of) AS last
               FROM share_counts GROUP BY ticker ORDER BY ticker"""
        ).df()

        deliveries = self.con.execute(
            """SELECT coalesce(CASE WHEN e.kind IN ('model', 'model_group') THEN e.parent END, f.entity) AS maker,
                      f.metric, count(*) AS facts, max(f.period_end) AS last,
                      date_diff('day', max(f.period_end), ?::DATE) AS days_old
               FROM facts f LEFT JOIN entities e ON e.id = f.entity
               WHERE f.metric IN ('deliveries', 'sales', 'wholesale', 'retail_sales')
                 AND f.rate IS NULL AND NOT f.cumulative
               GROUP BY ALL ORDER BY maker, f.metric""",
            [today],
        ).df()

        def records(df: pd.DataFrame) -> list[dict]:
            return jsonable(df.to_dict("records"))

        secs["days_old"] = [(today - pd.Timestamp(d).date()).days for d in secs["last"]]
        secs["stale"] = secs["days_old"] > STALE_PRICE_DAYS
        deliveries["stale"] = deliveries["days_old"] > STALE_MONTHLY_DAYS
        return {
            "database": str(self.path),
            "securities": records(secs),
            "facts_by_maker": records(facts),
            "share_counts": records(shares),
            "documents": self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0],
            "counts": self.counts(),
            "as_of": today.isoformat(),
            "freshness": {
                "prices": records(secs[["ticker", "last", "days_old", "stale"]]),
                "deliveries": records(deliveries),
            },
        }


def _ascending(batch: pd.DataFrame, last: tuple | None) -> tuple[bool, tuple | None]:
    """Whether the rows of a batch, after the key ``last`` of the batch before, come in
    strictly ascending (ticker, date); and the key of its last row."""
    if batch.empty:
        return True, last
    tickers = batch["ticker"].to_numpy(dtype=object)
    dates = batch["date"].to_numpy()
    if last is not None:
        tickers = np.concatenate([np.array([last[0]], dtype=object), tickers])
        dates = np.concatenate([np.array([last[1]], dtype=dates.dtype), dates])
    later = dates[1:] > dates[:-1]
    if tickers[0] is None or (isinstance(tickers[0], float) and np.isnan(tickers[0])):
        ok = bool(later.all()) and batch["ticker"].isna().all()
    else:
        same = tickers[1:] == tickers[:-1]
        ok = bool(((tickers[1:] > tickers[:-1]) | (same & later)).all())
    return ok, (tickers[-1], dates[-1])


def _with_doc(f: Fact, doc_id: str) -> Fact:
    from dataclasses import replace

    return replace(f, document_id=doc_id)


class _Resolver:
    """The store's entity lookups, as the KPI parser needs them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def find(self, name: str, parent: str | None = None) -> str | None:
        return self.store.find_entity(name, parent)

    def entity_kind(self, slug: str) -> str | None:
        row = self.store.con.execute("SELECT kind FROM entities WHERE id = ?", [slug]).fetchall()
        return row[0][0] if row else None

    def group_of(self, members: tuple[str, ...]) -> str | None:
        row = self.store.con.execute(
            "SELECT id FROM entities WHERE kind = 'model_group' AND list_sort(members) = ?",
            [list(members)],
        ).fetchall()
        return row[0][0] if row else None


def detect_kind(raw: RawFile) -> str:
    """Which importer reads a file: prices, kpis or shares, from its header."""
    from ..sources.kpis import detect_kpi_format

    if raw.is_parquet:
        return "prices"
    raw = raw.header_view()
    header = {c.strip().strip('"').lower() for c in raw.decoded_text().split("\n", 1)[0].split(",")}
    if {"total_issued_shares"} & header or {"shares", "as_of", "basis"} <= header:
        return "shares"
    try:
        detect_kpi_format(raw)
        return "kpis"
    except InputError:
        pass
    detect_price_format(raw)  # raises a clear error when it is no price file either
    return "prices"
