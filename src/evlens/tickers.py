"""Ticker spelling: one canonical form per listed line.

Hong Kong tickers are canonical as four digits and ``.HK`` (``1810.HK``, ``0700.HK``);
``01810``, ``1810``, ``HK:1810``, ``HKG:1810``, ``1810 HK`` and ``1810.hk`` are accepted.
US tickers are upper case without an exchange prefix (``NASDAQ:TSLA`` is ``TSLA``).
Index tickers lose Yahoo's caret (``^HSI`` is ``HSI``).
Shanghai and Shenzhen lines are canonical as six digits and ``.SS`` or ``.SZ``
(``601127.SS``, ``002594.SZ``); ``SSE:601127``, ``SH601127``, ``601127.SH`` and
``SZSE:002594`` are accepted.
"""

from __future__ import annotations

import re

from .errors import InputError

_HK_PREFIXED = re.compile(r"^(?:HK|HKG|HKEX|SEHK)\s*[:.\s]\s*(\d{1,5})$", re.I)
_HK_SUFFIXED = re.compile(r"^(\d{1,5})(?:\s*[.\s]\s*(?:HK|HKG))?$", re.I)
_US_PREFIXED = re.compile(r"^(?:NASDAQ|NYSE|NYSEARCA|AMEX|US)\s*:\s*([A-Z][A-Z0-9.\-]*)$", re.I)
_CN_PREFIXED = re.compile(r"^(SSE|SHA|SH|SZSE|SHE|SZ)\s*[:.]?\s*(\d{6})$", re.I)
_CN_SUFFIXED = re.compile(r"^(\d{6})\s*\.\s*(SS|SH|SZ)$", re.I)
_CN_SUFFIX = {"SSE": "SS", "SHA": "SS", "SH": "SS", "SS": "SS", "SZSE": "SZ", "SHE": "SZ", "SZ": "SZ"}
_EXCHANGE_OF_SUFFIX = {".HK": "XHKG", ".SS": "XSHG", ".SZ": "XSHE"}
_PLAIN = re.compile(r"^\^?[A-Z][A-Z0-9.\-]*$", re.I)


def normalize_ticker(text: str) -> str:
    """Return the canonical spelling of a ticker, or raise :class:`InputError`.

    >>> [normalize_ticker(t) for t in ("01810", "1810", "HK:1810", "1810.HK", "700")]
    ['1810.HK', '1810.HK', '1810.HK', '1810.HK', '0700.HK']
    >>> normalize_ticker("^hsi"), normalize_ticker("NASDAQ:tsla")
    ('HSI', 'TSLA')
    >>> normalize_ticker("SSE:601127"), normalize_ticker("002594.sz")
    ('601127.SS', '002594.SZ')
    """
    s = str(text).strip()
    if not s:
        raise InputError("empty ticker", field="ticker")
    m = _HK_PREFIXED.match(s) or _HK_SUFFIXED.match(s)
    if m:
        number = int(m.group(1))
        if number == 0:
            raise InputError(f"not a ticker: {text!r}", field="ticker")
        return f"{number:04d}.HK"
    m = _CN_SUFFIXED.match(s)
    if m:
        return f"{m.group(1)}.{_CN_SUFFIX[m.group(2).upper()]}"
    m = _CN_PREFIXED.match(s)
    if m:
        return f"{m.group(2)}.{_CN_SUFFIX[m.group(1).upper()]}"
    m = _US_PREFIXED.match(s)
    if m:
        return m.group(1).upper()
    if _PLAIN.match(s):
        return s.lstrip("^").upper()
    raise InputError(f"not a ticker: {text!r}", field="ticker")


def exchange_of(ticker: str) -> str:
    """The ISO 10383 code of the exchange a canonical ticker trades on (a best guess
    for tickers the gazetteer does not list): XHKG for ``.HK``, XSHG for ``.SS``, XSHE
    for ``.SZ``, else XNYS."""
    return _EXCHANGE_OF_SUFFIX.get(ticker[-3:], "XNYS")
