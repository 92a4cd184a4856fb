"""Names shown to a reader, in the page's language, from the gazetteer: an entity's slug or
a security's ticker becomes ``小米SU7`` or ``恒生科技指数`` in Chinese. English pages keep
tickers (``HSTECH``) and show an entity's English name."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

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


@lru_cache(maxsize=1)
def _names_data() -> dict[str, dict[str, dict[str, str]]]:
    text = resources.files("evlens.data").joinpath("names.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def metric_name(metric: str | None, lang: str) -> str:
    """A metric's name in ``lang`` (``deliveries_yoy`` → ``交付量同比`` / ``deliveries YoY``),
    from ``data/names.toml``; an unknown metric as given."""
    if not metric:
        return ""
    data = _names_data()
    if metric in data["metric"]:
        return data["metric"][metric][lang]
    for suffix, names in data["suffix"].items():
        base = metric.removesuffix(suffix)
        if base != metric and base in data["metric"]:
            sep = "" if lang == "zh" else " "
            return data["metric"][base][lang] + sep + names[lang]
    return metric


def unit_name(unit: str | None, lang: str) -> str:
    """A unit's word in ``lang`` (``vehicle`` → ``辆`` / ``vehicles``); unknown ones as given."""
    if not unit:
        return ""
    names = _names_data()["unit"].get(unit)
    return names[lang] if names else unit


def share_event_name(event: str | None, lang: str) -> str:
    """The name of an event that changed a share count (``placing`` → ``配售``)."""
    if not event:
        return ""
    names = _names_data()["share_event"].get(event)
    return names[lang] if names else event


#: A bound written before a value (``> 20,000``, ``≈ 410,000``); ``eq`` writes none.
BOUND_MARK = {"eq": "", "gt": ">", "ge": "≥", "lt": "<", "le": "≤", "approx": "≈"}
