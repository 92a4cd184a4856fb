"""Names shown to a reader, in the page's language, from the gazetteer: an entity's slug or
a security's ticker becomes ``小米SU7`` or ``恒生科技指数`` in Chinese. English pages keep
tickers (``HSTECH``) and show an entity's English name."""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer import Entity, load_gazetteer


@lru_cache(maxsize=1)
def _index() -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for e in load_gazetteer():
        out[e.id] = e
        for s in e.securities:
            out.setdefault(s.ticker, e)
    return out


def display_name(key: str | None, lang: str) -> str:
    """The name of entity ``key`` (a slug) or of the entity listing ``key`` (a ticker) in
    ``lang``: Chinese uses the gazetteer's Chinese name; English an entity's English name,
    but a ticker stays a ticker. Unknown keys are returned as given."""
    if not key:
        return ""
    e = _index().get(key)
    if e is None:
        return key
    if lang == "zh":
        return e.name_zh or e.name_en or key
    is_ticker = key != e.id
    return key if is_ticker else (e.name_en or key)
