"""Derived results kept beside the database, so that a second run does not redo them.

:class:`FileCache` is a mutable mapping of JSON values kept in one file next to the
database (``<db>.cache.json``). It holds only what can be recomputed from the store
(back-test forecasts keyed by a digest of the facts they used), so deleting the file loses
nothing. Writes go to a temporary file that replaces the old one, so a crash never leaves
half a file; a file that cannot be read is treated as empty.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

MAX_ENTRIES = 50_000


class FileCache(MutableMapping[str, Any]):
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = {}
        self._dirty = False
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._data = loaded
        except (OSError, ValueError):
            pass

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value
        self._dirty = True

    def __delitem__(self, key: str) -> None:
        del self._data[key]
        self._dirty = True

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def save(self) -> None:
        """Write the entries back (only when something changed; never more than
        :data:`MAX_ENTRIES`, the newest kept). A read-only place is left alone."""
        if not self._dirty:
            return
        items = list(self._data.items())[-MAX_ENTRIES:]
        try:
            fd, tmp = tempfile.mkstemp(prefix=".evlens-cache-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(dict(items), f, separators=(",", ":"))
            os.replace(tmp, self.path)
            self._dirty = False
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)


def cache_beside(db_path: Path | str | None) -> FileCache | None:
    """The cache file of a database file (None for an in-memory database)."""
    if db_path is None or str(db_path) == ":memory:":
        return None
    p = Path(db_path)
    return FileCache(p.with_name(p.name + ".cache.json"))
