"""Daily bars and index levels from Yahoo's chart API, as yfinance's ``history()`` reads them.

Request
-------
``GET https://query2.finance.yahoo.com/v8/finance/chart/{symbol}`` with ``period1`` and
``period2`` (Unix seconds, UTC midnight of the first day wanted and of the day after the
last), ``interval=1d``, ``includePrePost=false`` and ``events=div,splits,capitalGains``:
the parameters yfinance sends. The live transport is yfinance's own session, which keeps
the cookie and crumb Yahoo asks for.

Symbols
-------
evlens tickers are canonical (:func:`evlens.tickers.normalize_ticker`): Hong Kong lines
are four digits and ``.HK`` (``01810`` → ``1810.HK``), which is also Yahoo's spelling.
Indexes are Yahoo's own codes: ``HSI`` → ``^HSI``, ``HSCEI`` → ``^HSCE``, and the Hang
Seng TECH Index ``HSTECH`` → ``HSTECH.HK`` (Yahoo has no ``^HSTECH``).

Response
--------
``chart.result[0]`` holds ``meta`` (``currency``, ``exchangeTimezoneName``, ``gmtoffset``,
``regularMarketTime``, ``currentTradingPeriod``), ``timestamp`` (the session opens, Unix
seconds) and ``indicators.quote[0]`` with ``open high low close volume``, and, when
asked with events, ``indicators.adjclose[0].adjclose``.

Conventions
-----------
* A bar's date is the session's date in the exchange's time zone.
* ``close`` is Yahoo's quoted close (adjusted for splits, not for dividends): it is stored
  as the close with ``adjusted = false``. ``adjclose`` (dividend-adjusted) is kept apart in
  ``adj_close``; the two are never mixed. The currency is the response's ``meta.currency``
  and must agree with the security's currency in the store (points for an index).
* Prices are sent as 32-bit floats (478.79998779296875 for 478.8); they are rounded to
  ``meta.priceHint`` decimals (the quote's tick precision), as yfinance rounds them.
* A bar with no close (a holiday or halted day Yahoo still lists) is left out.
* The bar of a session still running (``regularMarketTime`` within the current regular
  period) is left out: its close is no close yet.
* Every bar passes the same checks as an imported price file
  (:func:`evlens.sources.prices.checked_rows`): an error names the URL, the bar's position
  in the response (1-based) and the field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd

from ...errors import InputError
from ...facts import Document
from ...tickers import normalize_ticker
from ..prices import checked_rows
from .http import RateLimiter, Response, Transport, TransportError, fetch, full_url, now_utc

CHART_URL = "https://query2.finance.yahoo.com/v8/finance/chart/"
PUBLISHER = "Yahoo Finance"

#: evlens index tickers and Yahoo's codes for them.
INDEX_SYMBOLS = {
    "HSI": "^HSI",
    "HSTECH": "HSTECH.HK",
    "HSCEI": "^HSCE",
    "SPX": "^GSPC",
    "NDX": "^NDX",
    "CSI300": "000300.SS",
}


def yahoo_symbol(ticker: str) -> str:
    """Yahoo's code for an evlens ticker, in any spelling evlens accepts:
    ``01810`` → ``1810.HK``, ``HK:9866`` → ``9866.HK``, ``HSTECH`` → ``HSTECH.HK``."""
    t = normalize_ticker(ticker)
    return INDEX_SYMBOLS.get(t, t)


def _epoch(d: date) -> int:
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())


def chart_request(ticker: str, start: date, end: date) -> tuple[str, dict[str, object]]:
    """URL and query of the daily bars of ``ticker`` from ``start`` to ``end`` (both included)."""
    params = {
        "period1": _epoch(start),
        "period2": _epoch(end + timedelta(days=1)),
        "interval": "1d",
        "includePrePost": "false",
        "events": "div,splits,capitalGains",
    }
    return CHART_URL + yahoo_symbol(ticker), params


@dataclass(frozen=True)
class PriceFetch:
    """The bars read from one chart response, with the response as a document.

    ``frame`` has the columns of :func:`evlens.sources.prices.checked_rows` (``ticker,
    date, open, high, low, close, adj_close, volume, suspect, suspect_reason, line``);
    ``line`` is the bar's position in the response."""

    ticker: str
    symbol: str
    currency: str | None
    frame: pd.DataFrame
    document: Document
    skipped: tuple[str, ...] = field(default_factory=tuple)  # why bars were left out

    @property
    def rows(self) -> int:
        return len(self.frame)

    def to_dict(self) -> dict:
        dates = self.frame["date"]
        return {
            "ticker": self.ticker,
            "symbol": self.symbol,
            "currency": self.currency,
            "rows": self.rows,
            "first": None if dates.empty else dates.min().date().isoformat(),
            "last": None if dates.empty else dates.max().date().isoformat(),
            "url": self.document.url,
            "retrieved_at": self.document.retrieved_at,
            "document": self.document.id,
            "skipped": list(self.skipped),
        }


def parse_chart(resp: Response, ticker: str, *, after: date | None = None) -> PriceFetch:
    """The bars of one chart response for the evlens ticker ``ticker``; with ``after``,
    only bars dated after it."""
    url = resp.url
    res, meta = _chart_result(resp.text, url, ticker)
    stamps, columns = _chart_columns(res, url)
    zone = _zone(meta)
    hint = (
        meta.get("priceHint")
        if isinstance(meta.get("priceHint"), int) and 0 <= meta["priceHint"] <= 8
        else None
    )
    running = _running_session(meta, zone)
    rows, skipped = _chart_rows(stamps, columns, zone, hint, running, after)
    df = pd.DataFrame(rows, columns=["_line", "date", "open", "high", "low", "close", "volume", "adj_close"])
    df = df.astype({c: str for c in df.columns if c != "_line"})
    canonical = normalize_ticker(ticker)
    frame = checked_rows(df, url) if len(df) else _empty_frame()
    frame["ticker"] = canonical
    frame = frame.drop_duplicates("date", keep="last").sort_values("date").reset_index(drop=True)
    doc = Document.from_text(
        resp.text,
        kind="response",
        url=url,
        title=f"Yahoo chart {meta.get('symbol') or yahoo_symbol(ticker)}",
        publisher=PUBLISHER,
        retrieved_at=resp.retrieved_at,
    )
    return PriceFetch(canonical, yahoo_symbol(ticker), meta.get("currency"), frame, doc, tuple(skipped))


def _chart_result(body: str, url: str, ticker: str) -> tuple[dict, dict]:
    """The first result of a chart response and its ``meta``; an error for a response
    that is no chart, a refusal, no result, or one for another symbol."""
    try:
        data = json.loads(body)
    except ValueError:
        raise InputError("not a JSON chart response", path=url, line=1) from None
    chart = data.get("chart") if isinstance(data, dict) else None
    if not isinstance(chart, dict):
        raise InputError("no 'chart' object in the response", path=url, field="chart")
    if chart.get("error"):
        err = chart["error"]
        text = err.get("description") or err.get("code") if isinstance(err, dict) else str(err)
        raise InputError(f"Yahoo refused the request: {text}", path=url, field="chart.error")
    results = chart.get("result") or []
    if not results:
        raise InputError("the response holds no result", path=url, field="chart.result")
    res = results[0]
    meta = res.get("meta") or {}
    asked = yahoo_symbol(ticker)
    if meta.get("symbol") and str(meta["symbol"]).upper() != asked.upper():
        raise InputError(f"the response is for {meta['symbol']}, not {asked}", path=url, field="meta.symbol")
    return res, meta


def _chart_columns(res: dict, url: str) -> tuple[list, dict[str, list | None]]:
    """The timestamps of a chart result and its columns of values (None for a column it
    lacks); an error for a column of another length, or for no closes."""
    stamps = res.get("timestamp") or []
    quote = ((res.get("indicators") or {}).get("quote") or [{}])[0] or {}
    adj = ((res.get("indicators") or {}).get("adjclose") or [{}])[0] or {}
    columns = {
        "open": quote.get("open"),
        "high": quote.get("high"),
        "low": quote.get("low"),
        "close": quote.get("close"),
        "volume": quote.get("volume"),
        "adj_close": adj.get("adjclose"),
    }
    for name, values in columns.items():
        if values is not None and len(values) != len(stamps):
            raise InputError(
                f"{len(values)} values for {len(stamps)} timestamps", path=url, field=f"indicators.{name}"
            )
    if columns["close"] is None and stamps:
        raise InputError(
            "the response has timestamps but no closes", path=url, field="indicators.quote.close"
        )
    return stamps, columns


def _chart_rows(
    stamps: list,
    columns: dict[str, list | None],
    zone: timezone | ZoneInfo,
    hint: int | None,
    running: date | None,
    after: date | None,
) -> tuple[list[dict], list[str]]:
    """The rows of a chart's bars as text, rounded to ``hint`` decimals (volumes aside),
    and why bars were skipped: no close, or the session still ``running``. Bars on or
    before ``after`` are left out."""
    skipped: list[str] = []
    rows = []
    closes = columns["close"] or []  # (none only when there are no timestamps: see above)
    for i, ts in enumerate(stamps):
        day = datetime.fromtimestamp(int(ts), zone).date()
        close = closes[i]
        if close is None:
            skipped.append(f"{day}: no close")
            continue
        if running is not None and day == running:
            skipped.append(f"{day}: session still running")
            continue
        if after is not None and day <= after:
            continue
        row = {"_line": i + 1, "date": day.isoformat()}
        for name, values in columns.items():
            v = None if values is None else values[i]
            if (
                v is not None
                and hint is not None
                and name != "volume"
                and isinstance(v, (int, float))
                and math.isfinite(v)
            ):
                v = round(float(v), hint)
            row[name] = "" if v is None else _text(v)
        rows.append(row)
    return rows, skipped


def _text(v: object) -> str:
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    return repr(float(v)) if isinstance(v, float) else str(v)


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "line": pd.Series(dtype=int),
            "ticker": pd.Series(dtype=object),
            "date": pd.Series(dtype="datetime64[ns]"),
            **{c: pd.Series(dtype=float) for c in ("close", "open", "high", "low", "adj_close", "volume")},
            "suspect": pd.Series(dtype=bool),
            "suspect_reason": pd.Series(dtype=object),
        }
    )


def _zone(meta: Mapping) -> timezone | ZoneInfo:
    name = meta.get("exchangeTimezoneName")
    if name:
        try:
            return ZoneInfo(name)
        except Exception:  # an unknown zone name: fall back on the offset
            pass
    return timezone(timedelta(seconds=int(meta.get("gmtoffset") or 0)))


def _running_session(meta: Mapping, zone) -> date | None:
    """The date of the session still trading when the response was made, if any."""
    regular = (meta.get("currentTradingPeriod") or {}).get("regular") or {}
    t = meta.get("regularMarketTime")
    start, end = regular.get("start"), regular.get("end")
    if t is None or start is None or end is None:
        return None
    if start <= t < end:
        return datetime.fromtimestamp(int(t), zone).date()
    return None


# ------------------------------------------------------------------ fetching
class YFinanceTransport:
    """GET through yfinance's session (its cookie, crumb and browser impersonation)."""

    def __init__(self, timeout: float = 30) -> None:
        import logging

        from yfinance.data import YfData

        logging.getLogger("yfinance").setLevel(
            logging.CRITICAL
        )  # its own retry notes; the error says it once
        self._data = YfData()
        self.timeout = timeout

    def get(self, url: str, params: Mapping[str, object] | None = None) -> Response:
        from yfinance.exceptions import YFRateLimitError

        where = full_url(url, params)
        try:
            r = self._data.get(url, params=dict(params or {}), timeout=self.timeout)
        except YFRateLimitError:  # yfinance turns a 429 into an exception: an answer, to be retried
            return Response(url=where, status=429, text="Too Many Requests", retrieved_at=now_utc())
        except Exception as exc:  # curl_cffi and requests raise their own types for a dead link
            answer = getattr(exc, "response", None)
            status = getattr(answer, "status_code", None)
            if (
                isinstance(status, int) and status >= 100
            ):  # raise_for_status(): an answer with an error status
                return Response(
                    url=where,
                    status=int(status),
                    text=getattr(answer, "text", "") or "",
                    retrieved_at=now_utc(),
                )
            raise TransportError(f"{type(exc).__name__}: {exc}") from None
        return Response(url=where, status=int(r.status_code), text=r.text, retrieved_at=now_utc())


def fetch_prices(
    ticker: str,
    start: date,
    end: date,
    *,
    transport: Transport | None = None,
    limiter: RateLimiter | None = None,
    after: date | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    sleep=None,
) -> PriceFetch:
    """The daily bars of ``ticker`` from ``start`` to ``end``, fetched, checked and with
    their document; ``after`` drops bars on or before that date (the last one stored)."""
    transport = transport or YFinanceTransport()
    url, params = chart_request(ticker, start, end)
    kw = {} if sleep is None else {"sleep": sleep}
    resp = fetch(transport, url, params, limiter=limiter, retries=retries, backoff=backoff, **kw)
    return parse_chart(resp, ticker, after=after)
