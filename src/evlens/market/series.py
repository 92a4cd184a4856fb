"""Price series as the market functions read them from the store.

This is the one place in :mod:`evlens.market` that talks to the store for prices; the
metrics themselves stay pure. A :class:`PriceSeries` carries the closes together with
what a reader must know about them: whether they are dividend-adjusted, which rows the
source is known to get wrong (``suspect``), the currency and the trading calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..errors import EvlensError


@dataclass(frozen=True)
class PriceSeries:
    ticker: str
    frame: pd.DataFrame = field(repr=False)  # indexed by date; close, adjusted, suspect, ...
    currency: str | None
    calendar: str | None
    entity: str | None
    name: str | None

    @property
    def closes(self) -> pd.Series:
        return self.frame["close"].astype("float64")

    @property
    def empty(self) -> bool:
        return self.frame.empty

    @property
    def adjusted(self) -> bool:
        """True when any close is dividend-adjusted (a total-return close, not a quote)."""
        return bool(self.frame["adjusted"].any()) if not self.frame.empty else False

    @property
    def first_date(self) -> date | None:
        return None if self.frame.empty else pd.Timestamp(self.frame.index[0]).date()

    @property
    def last_date(self) -> date | None:
        return None if self.frame.empty else pd.Timestamp(self.frame.index[-1]).date()

    def suspect_dates(self) -> list[date]:
        if self.frame.empty:
            return []
        return [pd.Timestamp(d).date() for d in self.frame.index[self.frame["suspect"]]]

    def is_suspect(self, day: date) -> bool:
        ts = pd.Timestamp(day)
        return bool(ts in self.frame.index and self.frame.at[ts, "suspect"])

    def without_suspect(self) -> PriceSeries:
        keep = self.frame[~self.frame["suspect"]]
        return PriceSeries(self.ticker, keep, self.currency, self.calendar, self.entity, self.name)

    def between(self, start: date | None, end: date | None) -> PriceSeries:
        f = self.frame
        if start is not None:
            f = f[f.index >= pd.Timestamp(start)]
        if end is not None:
            f = f[f.index <= pd.Timestamp(end)]
        return PriceSeries(self.ticker, f, self.currency, self.calendar, self.entity, self.name)


def _normalise_frame(df: pd.DataFrame, ticker: str) -> pd.DataFrame:
    if df is None:
        df = pd.DataFrame()
    f = df.copy()
    if "date" in f.columns:
        f = f.set_index("date")
    if len(f) and "close" not in f.columns:
        raise EvlensError(f"the price table of {ticker} has no close column")
    f.index = pd.DatetimeIndex(pd.to_datetime(f.index), name="date")
    for col, default in (("adjusted", False), ("suspect", False)):
        if col not in f.columns:
            f[col] = default
        f[col] = f[col].fillna(default).astype(bool)
    if "suspect_reason" not in f.columns:
        f["suspect_reason"] = None
    if "close" not in f.columns:
        f["close"] = pd.Series(dtype="float64")
    f = f[f["close"].notna()].sort_index()
    return f[~f.index.duplicated(keep="last")]


def load_prices(store, ticker: str) -> PriceSeries:
    """Read every stored close of ``ticker`` (any spelling the store resolves).

    Raises :class:`NotFoundError` when the store does not know the ticker; a known ticker
    without prices gives an empty series.
    """
    canonical = store.resolve_ticker(ticker)
    sec = store.security(canonical) or {}
    frame = _normalise_frame(store.prices(canonical), canonical)
    return PriceSeries(
        ticker=canonical,
        frame=frame,
        currency=sec.get("currency"),
        calendar=sec.get("calendar") or sec.get("exchange"),
        entity=sec.get("entity"),
        name=sec.get("name"),
    )
