"""The one exception hierarchy of evlens.

Every error a user can cause is an :class:`EvlensError`. Errors about input name the
file, the line and the field at fault, so the message alone tells what to fix. The CLI
prints the message without a traceback and exits with status 2.
"""

from __future__ import annotations

from pathlib import Path


class EvlensError(Exception):
    """Base class of every error evlens raises on purpose."""


class InputError(EvlensError):
    """Bad input: names the file, the line (1-based, as an editor shows it) and the field.

    Read in batches, a file is refused for the error a whole read would raise first: the
    readers mark an error with ``stage``, the step of the checks it comes from (outer steps
    first), and ``after_far`` for an unreadable date after a first far-off one (see
    :class:`evlens.sources.prices.FirstError`)."""

    stage: tuple[int, ...] = ()
    after_far: bool = False

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.reason = message
        where = []
        if self.path is not None:
            where.append(self.path)
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class NotFoundError(EvlensError):
    """A ticker, entity or record that the store does not hold."""


class ConflictError(EvlensError):
    """Input that contradicts what is already stored, or facts that contradict each other."""


class SchemaError(EvlensError):
    """A database whose schema this version of evlens cannot use."""


class LockedError(EvlensError):
    """The database file is held by another process and did not come free in time."""


class Forbidden(EvlensError):
    """A request the server refuses on principle: read-only, or a stale form."""
