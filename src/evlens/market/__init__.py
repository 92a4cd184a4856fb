"""Market value: returns against an index and peers, market capitalisation and its
milestones, risk and performance metrics.

The metrics (:mod:`.metrics`) are pure functions of closes or returns; the table
functions below read the store and assemble them, keeping the source of every figure.
"""

from .marketcap import MarketCap, Milestone, first_crossing, market_cap_on, marketcap
from .metrics import (
    Drawdown,
    PeriodReturn,
    annual_volatility,
    beta,
    cagr,
    cagr_from_closes,
    correlation,
    cumulative_return,
    excess_return,
    log_returns,
    max_drawdown,
    per_period_rate,
    period_return,
    rank,
    sharpe_ratio,
    simple_returns,
    total_return,
)
from .peers import PeerRow, PeerTable, peers
from .returns import ReturnRow, ReturnsTable, returns
from .risk import RiskReport, risk
from .window import Window, resolve_window

__all__ = [
    "Drawdown",
    "MarketCap",
    "Milestone",
    "PeerRow",
    "PeerTable",
    "PeriodReturn",
    "ReturnRow",
    "ReturnsTable",
    "RiskReport",
    "Window",
    "annual_volatility",
    "beta",
    "cagr",
    "cagr_from_closes",
    "correlation",
    "cumulative_return",
    "excess_return",
    "first_crossing",
    "log_returns",
    "market_cap_on",
    "marketcap",
    "max_drawdown",
    "peers",
    "per_period_rate",
    "period_return",
    "rank",
    "resolve_window",
    "returns",
    "risk",
    "sharpe_ratio",
    "simple_returns",
    "total_return",
]
