"""The gazetteer bundled with evlens: known entities and their listed securities.

Read from ``data/entities.toml``; the store copies it into its ``entities`` and
``securities`` tables, and the extractor matches article text against its names.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Security:
    ticker: str
    entity: str
    exchange: str
    currency: str
    calendar: str
    pays_dividends: bool
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name_en: str | None = None
    name_zh: str | None = None
    parent: str | None = None
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    first_delivery: str | None = None
    variant_of: str | None = None  # a trim of another model, counted with it
    listings: tuple[str, ...] = ()  # other listed lines as EXCHANGE:CODE (``SZSE:002594``)
    securities: tuple[Security, ...] = field(default=())


def gazetteer_text() -> str:
    return resources.files("evlens.data").joinpath("entities.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[Entity, ...]:
    data = tomllib.loads(gazetteer_text())
    out = []
    for raw in data["entity"]:
        secs = tuple(
            Security(
                ticker=s["ticker"],
                entity=raw["id"],
                exchange=s["exchange"],
                currency=s["currency"],
                calendar=s.get("calendar", s["exchange"]),
                pays_dividends=bool(s.get("pays_dividends", False)),
                name=raw.get("name_en", raw["id"]),
                aliases=tuple(s.get("aliases", ())),
            )
            for s in raw.get("securities", ())
        )
        out.append(
            Entity(
                id=raw["id"],
                kind=raw["kind"],
                name_en=raw.get("name_en"),
                name_zh=raw.get("name_zh"),
                parent=raw.get("parent"),
                members=tuple(raw.get("members", ())),
                aliases=tuple(raw.get("aliases", ())),
                first_delivery=raw.get("first_delivery"),
                variant_of=raw.get("variant_of"),
                listings=tuple(raw.get("listings", ())),
                securities=secs,
            )
        )
    return tuple(out)
