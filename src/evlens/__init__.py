"""evlens: what EV makers report, what the press writes and what the market prints, with sources.

>>> import evlens
>>> store = evlens.open("example.duckdb")      # doctest: +SKIP
>>> store.load_demo()                           # doctest: +SKIP
>>> store.prices("01810").close.tail()          # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from .errors import ConflictError, EvlensError, InputError, NotFoundError
from .facts import Document, Fact

__version__ = "0.1.0"


def open(path: str | Path | None = None, *, read_only: bool = False):
    """Open (or create) an evlens database. ``path=None`` uses the default file in the
    user's data directory (``EVLENS_DB`` overrides it)."""
    import os

    from .store import Store

    if path is None and os.environ.get("EVLENS_DB"):
        path = os.environ["EVLENS_DB"]
    return Store(path, read_only=read_only)


__all__ = [
    "ConflictError",
    "Document",
    "EvlensError",
    "Fact",
    "InputError",
    "NotFoundError",
    "__version__",
    "open",
]
