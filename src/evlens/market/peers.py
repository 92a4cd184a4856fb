"""The peer table: a subject against its index and a peer set over one window.

Rows are sorted by return, best first, the index included as a row of its own (it is
not ranked). ``peer_average_pct`` is the equal-weighted arithmetic mean of the peers'
returns, **excluding the subject** (and the index); ``subject_vs_peers_pp`` is the
subject's return minus that average, in percentage points. Volatility, drawdown and beta
(against the index) come from :mod:`evlens.market.risk` where the closes cover the
window; they are None for a row whose return is an official figure. Peers may trade on
other exchanges than the subject: each return is in its own line's currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

import numpy as np

from ..errors import EvlensError, InputError
from ..results import Result
from . import metrics
from .returns import ReturnRow, _split, returns
from .risk import risk


@dataclass(frozen=True)
class PeerRow:
    ticker: str
    role: str  # subject | peer | index
    return_pct: float | None
    excess_pct: float | None
    rank: int | None
    annual_volatility_pct: float | None = None
    max_drawdown_pct: float | None = None
    beta: float | None = None
    beta_note: str | None = None
    return_kind: str | None = None
    adjusted: bool = False
    suspect_rows: tuple[date, ...] = ()
    source: str = ""
    note: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["suspect_rows"] = [x.isoformat() for x in self.suspect_rows]
        return d


@dataclass(frozen=True)
class PeerTable(Result):
    subject: str
    benchmark: str
    window_label: str
    rows: tuple[PeerRow, ...]
    peer_average_pct: float | None
    subject_return_pct: float | None
    subject_vs_peers_pp: float | None
    subject_rank: int | None
    ranked: int
    conventions: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["rows"] = [r.to_dict() for r in self.rows]
        return d

    def summary(self) -> str:
        def f(x, u="%"):
            return "n/a" if x is None else f"{x:+.2f} {u}"

        lines = [f"{self.subject} against {self.benchmark} and peers, {self.window_label}"]
        for r in self.rows:
            mark = {"subject": "*", "index": "="}.get(r.role, " ")
            lines.append(
                f"{mark} {r.rank or '-':>3} {r.ticker:<10} {f(r.return_pct):>10}  excess {f(r.excess_pct, 'pp'):>11}"
            )
        lines.append(
            f"peer average (without {self.subject}): {f(self.peer_average_pct)}; "
            f"{self.subject} {f(self.subject_vs_peers_pp, 'pp')} against it; rank {self.subject_rank} of {self.ranked}"
        )
        return "\n".join(lines)


def peer_average(values: Sequence[float | None]) -> float | None:
    """Equal-weighted arithmetic mean of the values that are present; None if none are."""
    xs = [float(v) for v in values if v is not None and not np.isnan(v)]
    return float(np.mean(xs)) if xs else None


def _risk_columns(store, row: ReturnRow, benchmark: str, window_kwargs: dict) -> dict:
    if row.return_kind not in ("price", "total"):
        return {}
    try:
        rep = risk(store, row.ticker, benchmark=benchmark, **window_kwargs)
    except EvlensError:
        try:  # the index may have no closes in the window even when the ticker has
            rep = risk(store, row.ticker, **window_kwargs)
        except EvlensError:
            return {}
    out: dict[str, float | str | None] = {
        "annual_volatility_pct": rep.annual_volatility_pct,
        "max_drawdown_pct": rep.max_drawdown.pct,
        "beta": rep.beta,
    }
    if rep.benchmark is not None and not rep.benchmark_covers_window:
        # a beta over part of the window only would read as one over all of it
        out["beta"] = None
        out["beta_note"] = (
            f"no beta: {rep.benchmark} closes cover {rep.common_start} .. {rep.common_end} only, "
            f"not {rep.start} .. {rep.end}"
        )
    elif rep.benchmark is None:
        out["beta_note"] = f"no beta: no closes of {benchmark} in the window"
    return out


def _peer_row(r: ReturnRow, extra: dict) -> PeerRow:
    """The table row of a subject or peer, with its risk columns ``extra``."""
    return PeerRow(
        ticker=r.ticker,
        role=r.role,
        return_pct=r.return_pct,
        excess_pct=r.excess_pct,
        rank=r.rank,
        return_kind=r.return_kind,
        adjusted=r.adjusted,
        suspect_rows=r.suspect_rows,
        source=r.source,
        note=r.note,
        **extra,
    )


def _index_row(b: ReturnRow) -> PeerRow:
    """The table row of the index: not ranked, no excess over itself."""
    return PeerRow(
        ticker=b.ticker,
        role="index",
        return_pct=b.return_pct,
        excess_pct=0.0 if b.return_pct is not None else None,
        rank=None,
        return_kind=b.return_kind,
        adjusted=b.adjusted,
        suspect_rows=b.suspect_rows,
        source=b.source,
        note=b.note,
    )


def peers(
    store,
    subject: str,
    *,
    benchmark: str,
    peers: Sequence[str] | str,
    year: int | str | None = None,
    ytd: date | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    with_risk: bool = True,
) -> PeerTable:
    """Build the peer table of ``subject`` against ``benchmark`` and ``peers``."""
    names = list(_split(peers))
    if not names:
        raise InputError("give at least one peer", field="peers")
    table = returns(
        store, [subject], peers=names, benchmark=benchmark, year=year, ytd=ytd, start=start, end=end
    )
    b = table.benchmark
    if b is None:
        raise InputError("give a benchmark to compare the peers with", field="benchmark")
    subj = table.rows[0]
    peer_rows = [r for r in table.rows[1:] if r.ticker != subj.ticker]
    window_kwargs = {
        k: v for k, v in {"year": year, "ytd": ytd, "start": start, "end": end}.items() if v is not None
    }
    out = [
        _peer_row(r, _risk_columns(store, r, b.ticker, window_kwargs) if with_risk else {})
        for r in table.rows
    ]
    out.append(_index_row(b))
    out.sort(key=lambda r: (r.return_pct is None, -(r.return_pct or 0.0)))
    avg = peer_average([r.return_pct for r in peer_rows])
    gap = (
        metrics.excess_return(subj.return_pct, avg)
        if subj.return_pct is not None and avg is not None
        else None
    )
    return PeerTable(
        subject=subj.ticker,
        benchmark=b.ticker,
        window_label=table.window.label,
        rows=tuple(out),
        peer_average_pct=avg,
        subject_return_pct=subj.return_pct,
        subject_vs_peers_pp=gap,
        subject_rank=subj.rank,
        ranked=sum(r.rank is not None for r in table.rows),
        conventions={
            **table.conventions,
            "peer_average": "equal-weighted mean of peer returns, subject and index excluded",
            "currency": "each line's return in its own trading currency (no conversion)",
        },
    )
