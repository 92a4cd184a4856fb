"""Opening the database file when another process may hold it.

DuckDB lets one process write a file, or any number of processes read it. evlens opens
the file for as short a time as it can (the dashboard opens it per request) and, when
another process holds a lock that conflicts, waits a bounded time for it: ``EVLENS_LOCK_WAIT``
seconds (default 10). If the lock is still held then, :class:`LockedError` names the
process that holds it.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb

from ..errors import LockedError

DEFAULT_WAIT = 10.0
_HOLDER = re.compile(r"held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")


def lock_wait() -> float:
    """Seconds to wait for a lock held elsewhere (``EVLENS_LOCK_WAIT``, default 10)."""
    text = os.environ.get("EVLENS_LOCK_WAIT")
    if not text:
        return DEFAULT_WAIT
    try:
        wait = float(text)
    except ValueError:
        return DEFAULT_WAIT
    return min(max(wait, 0.0), 600.0)


def is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, duckdb.IOException) and ("lock" in text.lower())


def holder(message: str) -> str:
    """Who holds the lock, from DuckDB's message: ``PID 123 (evlens serve)`` when the
    process's command line can be read, else the executable DuckDB names."""
    m = _HOLDER.search(message)
    if not m:
        return "another process"
    pid = m.group("pid")
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    except OSError:
        args = []
    # "python /path/to/evlens serve" reads better as "evlens serve"
    for i, a in enumerate(args):
        if Path(a).name == "evlens" or a.endswith("evlens.cli") or a == "evlens":
            return f"PID {pid} (evlens {' '.join(args[i + 1 :])})".replace(" )", ")")
    what = " ".join(args)[:80] if args else m.group("exe")
    return f"PID {pid} ({what})"


def connect(
    path: str | Path, *, read_only: bool = False, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection to the file at ``path``, waiting up to ``wait`` seconds (default
    :func:`lock_wait`) while another process holds a conflicting lock."""
    wait = lock_wait() if wait is None else wait
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                how = "read" if read_only else "write"
                raise LockedError(
                    f"{path}: cannot {how} the database: it is in use by {holder(str(exc))}; "
                    f"waited {wait:g} s (EVLENS_LOCK_WAIT)"
                ) from None
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.25)
