"""What a write to the store reports back."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class ImportResult:
    """One file (or document) imported: how many rows it had and how many were new.

    ``already_imported`` is true when the same content (by hash) was imported before;
    then nothing was added.
    """

    path: str | None
    kind: str  # prices | kpis | shares | document
    format: str
    import_id: str
    rows: int
    added: int
    already_imported: bool = False
    tickers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    first_date: date | None = None
    last_date: date | None = None
    last_close: float | None = None
    adjusted: bool | None = None
    suspect_rows: tuple[date, ...] = ()
    new_entities: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("first_date", "last_date"):
            d[k] = d[k].isoformat() if d[k] else None
        d["suspect_rows"] = [x.isoformat() for x in self.suspect_rows]
        for k in ("tickers", "entities", "new_entities", "notes"):
            d[k] = list(d[k])
        return d
