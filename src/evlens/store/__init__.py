"""The evlens store (DuckDB). Its names load on first use, so that importing a light part
(``evlens.store.results``) does not load DuckDB and pandas."""

from typing import Any

__all__ = ["ImportResult", "Store", "default_db_path"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "default_db_path"):
        from . import core

        return getattr(core, name)
    if name == "ImportResult":
        from .results import ImportResult

        return ImportResult
    raise AttributeError(name)
