"""Traditional Chinese read as simplified, one character for one.

Hong Kong and Taiwan articles write ``理想汽車``, ``萬``, ``億``, ``輛``, ``港幣``; the
extractor's vocabulary is simplified. :func:`to_simplified` maps each traditional
character to its simplified form with OpenCC's ``t2s`` character dictionary and never
changes the text's length, so every offset in the converted text is the offset of the
same character in the original (spans stay exact).

The table is built once, by converting every CJK ideograph on its own (phrase rules never
apply to a lone character) and keeping the conversions that give one character. Without
the ``opencc`` package the text is returned unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the blocks converted: CJK extension A, the unified ideographs, compatibility ideographs
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    """Each traditional character OpenCC's ``t2s`` turns into another single character,
    mapped to it (empty when OpenCC is not installed)."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return {}
    chars = [chr(c) for a, b in _BLOCKS for c in range(a, b)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - a line end is never converted
        return {}
    return {a: b for a, b in zip(chars, converted) if a != b and len(b) == 1}


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return str.maketrans(t2s_table())


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """Any character :func:`t2s_table` converts (never matching without OpenCC)."""
    chars = t2s_table()
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else r"(?!)")


def to_simplified(text: str) -> str:
    """``text`` with every traditional character replaced by its simplified form, one
    character for one (``len(to_simplified(t)) == len(t)``; other characters untouched).

    >>> to_simplified("理想汽車2月交付26,421輛，營收315.62億元")
    '理想汽车2月交付26,421辆，营收315.62亿元'

    A text holding no traditional character (most mainland and English articles) is
    returned as it is after one scan: ``str.translate`` with a dict looks up every
    character, more than ten times the cost of the scan.
    """
    if _traditional().search(text) is None:
        return text
    return text.translate(_translation())
