"""The evlens store (DuckDB)."""

from .core import Store, default_db_path
from .results import ImportResult

__all__ = ["Store", "ImportResult", "default_db_path"]
