"""Number formatting for people, in English and Chinese. Pure functions.

English groups by thousands (``24.0k``, ``HK$1.02 trn``); Chinese by ten-thousands
(``2.4 万辆``, ``1.02 万亿港元``): 万 = 10^4, 亿 = 10^8, 万亿 = 10^12.
"""

from __future__ import annotations

import math
from urllib.parse import urlsplit

LANGS = ("en", "zh")

_EN_MONEY = ((1e12, "trn"), (1e9, "bn"), (1e6, "m"))
_ZH_SCALE = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_EN_SYMBOL = {"HKD": "HK$", "USD": "US$", "CNY": "CN¥", "RMB": "CN¥"}
_ZH_CURRENCY = {"HKD": "港元", "USD": "美元", "CNY": "元", "RMB": "元"}


def check_lang(lang: str) -> str:
    from ..errors import InputError

    if lang not in LANGS:
        raise InputError(f"language must be one of {', '.join(LANGS)}, not {lang!r}", field="lang")
    return lang


def _missing(x: float) -> bool:
    return isinstance(x, float) and math.isnan(x)


def money(value: float | None, currency: str | None, lang: str = "en") -> str:
    """A large amount of money: ``HK$1.02 trn`` / ``1.02 万亿港元`` (two decimals in the
    unit); with no currency, the amount alone."""
    currency = currency or ""
    if value is None or _missing(value):
        return "–"
    sign = "-" if value < 0 else ""
    v = abs(float(value))
    if lang == "zh":
        cur = _ZH_CURRENCY.get(currency, currency)
        for scale, word in _ZH_SCALE:
            if v >= scale:
                return f"{sign}{v / scale:.2f} {word}{cur}"
        return f"{sign}{v:,.0f} {cur}"
    sym = _EN_SYMBOL.get(currency, currency + " " if currency else "")
    for scale, word in _EN_MONEY:
        if v >= scale:
            return f"{sign}{sym}{v / scale:.2f} {word}"
    return f"{sign}{sym}{v:,.0f}"


def count(value: float | None, lang: str = "en", unit: str = "vehicles") -> str:
    """A count of vehicles or orders: ``24.0k`` / ``2.4 万辆`` (one decimal in the unit).

    ``unit`` is ``vehicles`` (辆), ``orders`` (份) or ``""`` (no unit word in Chinese)."""
    if value is None or _missing(value):
        return "–"
    sign = "-" if value < 0 else ""
    v = abs(float(value))
    if lang == "zh":
        word = {"vehicles": "辆", "orders": "份"}.get(unit, "")
        for scale, name in _ZH_SCALE:
            if v >= scale:
                return f"{sign}{v / scale:.1f} {name}{word}"
        return f"{sign}{v:,.0f} {word}".rstrip()
    if v >= 1e6:
        return f"{sign}{v / 1e6:.1f}m"
    if v >= 1e3:
        return f"{sign}{v / 1e3:.1f}k"
    return f"{sign}{v:,.0f}"


def pct(value: float | None, lang: str = "en", *, signed: bool = True, digits: int = 1) -> str:
    """A percentage given in percent (``122.1`` -> ``+122.1%``); the same in both languages."""
    if value is None or _missing(value):
        return "–"
    return f"{value:+.{digits}f}%" if signed else f"{value:.{digits}f}%"


def points(value: float | None, lang: str = "en") -> str:
    """A difference of percentages, in percentage points: ``+103.4 pp`` / ``+103.4 个百分点``."""
    if value is None or _missing(value):
        return "–"
    return f"{value:+.1f} " + ("个百分点" if lang == "zh" else "pp")


def share(value: float | None, lang: str = "en") -> str:
    """A probability or share given as a fraction (``0.747`` -> ``74.7%``)."""
    if value is None or _missing(value):
        return "–"
    return f"{100 * value:.1f}%"


def number(value: float | None, lang: str = "en") -> str:
    """A value as stored, in full with thousands separators (``1,020,000,000,000``, ``18.7``)."""
    if value is None or _missing(value):
        return "–"
    v = float(value)
    return f"{v:,.0f}" if v.is_integer() else f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.2f}"


def safe_url(url: object) -> str | None:
    """``url`` when it is an http(s) link, else None: stored text never becomes a
    ``javascript:`` or ``data:`` link."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if (
        parts.scheme.lower() in ("http", "https")
        and parts.netloc
        and not any(c in text for c in "\r\n\t\x00")
    ):
        return text
    return None


def day(iso: str | None, lang: str = "en") -> str:
    """A day or a month as the page writes it: ISO in English (``2025-03-31``, ``2025-03``),
    ``2025年3月31日`` / ``2025年3月`` in Chinese."""
    if not iso:
        return "–"
    parts = str(iso)[:10].split("-")
    if lang != "zh" or len(parts) < 2 or not all(p.isdigit() for p in parts):
        return str(iso)
    text = f"{parts[0]}年{int(parts[1])}月"
    return text + (f"{int(parts[2])}日" if len(parts) == 3 else "")
