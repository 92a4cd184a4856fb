"""Fixtures for the market tests: a small in-memory stand-in for the store (same method
names and frame shapes as :class:`evlens.store.Store`) and a reader of the raw price
files that does not go through evlens' importers. The demo database and the shared data
come from tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from evlens.errors import NotFoundError
from evlens.tickers import normalize_ticker


class MemoryStore:
    """Prices, securities, share counts and facts held in dicts; read-only."""

    def __init__(self):
        self._prices: dict[str, pd.DataFrame] = {}
        self._securities: dict[str, dict] = {}
        self._shares: dict[str, pd.DataFrame] = {}
        self._facts: list[dict] = []

    # building ------------------------------------------------------------------
    def add_security(
        self, ticker, entity=None, currency="HKD", calendar="XHKG", name=None, pays_dividends=False
    ):
        self._securities[ticker] = {
            "ticker": ticker,
            "entity": entity,
            "exchange": calendar,
            "calendar": calendar,
            "currency": currency,
            "name": name or ticker,
            "pays_dividends": pays_dividends,
        }
        return self

    def add_prices(self, ticker, closes: dict | pd.Series, adjusted=False, suspect=(), **security):
        if ticker not in self._securities:
            self.add_security(ticker, **security)
        s = pd.Series(closes, dtype="float64")
        idx = pd.DatetimeIndex(pd.to_datetime(s.index), name="date")
        sus = {pd.Timestamp(d) for d in suspect}
        f = pd.DataFrame(
            {
                "open": s.values,
                "high": s.values,
                "low": s.values,
                "close": s.values,
                "adj_close": None,
                "volume": [0.0 if d in sus else 1e6 for d in idx],
                "adjusted": adjusted,
                "suspect": [d in sus for d in idx],
                "suspect_reason": ["zero-volume flat row" if d in sus else None for d in idx],
            },
            index=idx,
        )
        self._prices[ticker] = f.sort_index()
        return self

    def add_shares(self, ticker, rows: list[tuple]):
        """rows: (as_of, shares, basis[, source_url])"""
        self._shares[ticker] = pd.DataFrame(
            [
                {
                    "as_of": pd.Timestamp(r[0]).date(),
                    "shares": float(r[1]),
                    "class_a": None,
                    "class_b": None,
                    "basis": r[2],
                    "source_url": r[3] if len(r) > 3 else None,
                    "note": None,
                }
                for r in rows
            ]
        )
        return self

    def add_fact(
        self,
        entity,
        metric,
        period,
        value,
        unit="percent",
        id=None,
        source_url=None,
        confidence=1.0,
        publisher=None,
        bound="eq",
    ):
        self._facts.append(
            {
                "id": id or f"f{len(self._facts) + 1}",
                "entity": entity,
                "metric": metric,
                "period": period,
                "value": float(value),
                "unit": unit,
                "bound": bound,
                "source_url": source_url,
                "confidence": confidence,
                "publisher": publisher,
                "published": None,
            }
        )
        return self

    # the store contract ---------------------------------------------------------
    def resolve_ticker(self, text):
        t = normalize_ticker(text)
        if t not in self._securities:
            raise NotFoundError(f"unknown ticker {text!r}")
        return t

    def security(self, ticker):
        return dict(self._securities[self.resolve_ticker(ticker)])

    def prices(self, ticker, start=None, end=None):
        f = self._prices.get(self.resolve_ticker(ticker))
        if f is None:
            return pd.DataFrame(
                columns=[
                    "open",
                    "high",
                    "low",
                    "close",
                    "adj_close",
                    "volume",
                    "adjusted",
                    "suspect",
                    "suspect_reason",
                ],
                index=pd.DatetimeIndex([], name="date"),
            )
        if start is not None:
            f = f[f.index >= pd.Timestamp(start)]
        if end is not None:
            f = f[f.index <= pd.Timestamp(end)]
        return f.copy()

    def shares(self, ticker):
        return self._shares.get(
            self.resolve_ticker(ticker),
            pd.DataFrame(columns=["as_of", "shares", "class_a", "class_b", "basis", "source_url", "note"]),
        ).copy()

    def facts(self, entity=None, metric=None, period=None):
        rows = [
            f
            for f in self._facts
            if (entity is None or f["entity"] == entity)
            and (metric is None or f["metric"] == metric)
            and (period is None or f["period"] == period)
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "id",
                "entity",
                "metric",
                "period",
                "value",
                "unit",
                "bound",
                "source_url",
                "confidence",
                "publisher",
                "published",
            ],
        )


@pytest.fixture
def memory_store():
    return MemoryStore()


def read_yahoo(path: Path) -> pd.Series:
    """Closes of a plain yfinance export (Date,Close,High,Low,Open,Volume) or the 3-line
    header variant, read directly with pandas, independent of evlens' importers."""
    head = path.read_text(encoding="utf-8").splitlines()[:3]
    if head[0].startswith("Price,"):
        df = pd.read_csv(path, skiprows=[1, 2]).rename(columns={"Price": "Date"})
    else:
        df = pd.read_csv(path)
    s = pd.Series(df["Close"].astype(float).values, index=pd.DatetimeIndex(pd.to_datetime(df["Date"])))
    return s.sort_index()


@pytest.fixture(scope="session")
def yahoo_closes():
    """The function that reads closes straight from a yfinance CSV (see read_yahoo)."""
    return read_yahoo
