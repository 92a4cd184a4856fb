"""Live providers: fetch what the store lacks from public endpoints, with its source.

Installed with ``pip install 'evlens[live]'`` (yfinance and AKShare). Each provider
returns validated rows together with the :class:`~evlens.facts.Document` of the response
they were read from (URL, retrieval time, the response text), so that every fetched figure
can be traced to the bytes it came from. Nothing here writes to the store: the fetch runs
first, and :func:`evlens.store.live.write_update` stores its result in one transaction.

Providers
---------
:mod:`.yahoo`
    Daily bars of listed lines and index levels from Yahoo's chart API (the endpoint
    yfinance's ``history()`` reads), through yfinance's session.
:mod:`.cpca`
    China's monthly passenger-car maker ranking of the CPCA (乘联会), through AKShare's
    ``car_market_man_rank_cpca``.
"""

from __future__ import annotations

import importlib.util

from ...errors import EvlensError

INSTALL_HINT = "pip install 'evlens[live]'"


class LiveUnavailable(EvlensError):
    """The live extra (yfinance, AKShare) is not installed."""

    def __init__(self, missing: str) -> None:
        super().__init__(f"evlens update needs the live extra (not installed: {missing}): {INSTALL_HINT}")


class OfflineError(EvlensError):
    """A provider's host could not be reached: no network, or the host is down."""

    def __init__(self, host: str, reason: str) -> None:
        self.host = host
        super().__init__(f"no network: cannot reach {host} ({reason}); nothing was changed")


def missing_packages() -> list[str]:
    """The packages of the live extra that cannot be imported."""
    return [name for name in ("yfinance", "akshare") if importlib.util.find_spec(name) is None]


def require_live() -> None:
    """Raise :class:`LiveUnavailable` unless yfinance and AKShare are installed."""
    missing = missing_packages()
    if missing:
        raise LiveUnavailable(", ".join(missing))
