"""Text normalisation that remembers where every character came from.

The extractor reads a *normalised* copy of an article and reports spans in the
*original* text. :func:`normalize` builds the copy and, for each of its characters, the
offset of the original character it stands for (folding is one character for one), so
that a match ``norm[a:b]`` maps back to ``text[starts[a]:starts[b - 1] + 1]``.

What normalisation does:

* full-width ASCII (``０-９``, ``Ａ-Ｚ``, ``％``, ``＄``, ...) becomes half-width; Chinese
  punctuation that marks clauses and sentences (``，。；：！？、``) is kept as it is;
* NBSP, ideographic and other Unicode spaces become an ASCII space, runs of spaces one
  space, and a space next to a Han character (``2 月 6 日``, ``1.02 万亿``) disappears;
* markdown markup goes: images ``![alt](url)``, the ``(url)`` of links, emphasis ``*``
  and ``_`` runs, heading ``#`` marks, backslash escapes; link text stays;
* the front matter block (between ``---`` lines at the top) is blanked out.
"""

from __future__ import annotations

import re
from itertools import compress
from dataclasses import dataclass

_KEEP_CJK_PUNCT = set("，。；：！？、（）")
_SPACES = set("\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\r\f\v")
_ZERO_WIDTH = set("\u200b\u200c\u200d\ufeff\u2060")
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|!\[[^\]\n]{0,500}\]")
_LINK_URL = re.compile(r"\]\((?:https?:|mailto:|#|/)[^)\n]{0,2000}\)")
_EMPHASIS = re.compile(r"(?<!\w)_{1,3}|_{1,3}(?!\w)|\*+")
_HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+")
_BULLET = re.compile(r"(?m)^[ \t]*(?:[*+-]|>)[ \t]+")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)


def is_han(ch: str) -> bool:
    """A CJK ideograph or CJK punctuation (where spaces carry no meaning)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2A6DF
        or ch in _KEEP_CJK_PUNCT
        or ch in "「」『』【】《》“”"
    )


@dataclass(frozen=True)
class Normalized:
    """The normalised text and, per character, the original span it came from."""

    text: str
    starts: tuple[int, ...]  # each normalised character is one original character

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(i + 1 for i in self.starts)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised slice ``[a, b)`` (``a < b``)."""
        return self.starts[a], self.starts[b - 1] + 1


def front_matter_end(text: str) -> int:
    """Offset where the body starts (0 when there is no front matter)."""
    m = _FRONT.match(text)
    return m.end() if m else 0


_BRACKETS = re.compile(r"[\[\]]|\\(?=[^\w\s])")


# Each markup expression with the characters one of its matches must contain: an
# expression is skipped on a text without any of them.
_MARKUP = (
    (_IMAGE, "!"), (_LINK_URL, "]"), (_HEADING, "#"), (_BULLET, "*+->"), (_EMPHASIS, "_*"), (_BRACKETS, "[]\\"),
)


def _keep_mask(text: str) -> bytearray:
    """1 for every original character kept, 0 for those markdown markup removes.

    Line ends are always kept, so that paragraphs stay apart."""
    n = len(text)
    keep = bytearray(b"\x01") * n
    body = front_matter_end(text)
    keep[:body] = bytes(body)
    for rx, marks in _MARKUP:
        if not any(ch in text for ch in marks):
            continue
        for m in rx.finditer(text, body):
            a, b = m.span()
            keep[a:b] = bytes(b - a)
    for m in _NEWLINE.finditer(text):
        keep[m.start()] = 1
    return keep


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for o in range(0xFF01, 0xFF5F):
        if chr(o) not in _KEEP_CJK_PUNCT:
            table[o] = chr(o - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _ZERO_WIDTH:
        table[ord(ch)] = "\x00"  # dropped below; one character for one keeps offsets aligned
    table[0x2018] = table[0x2019] = "'"
    for ch in "\u2013\u2212\u2012":
        table[ord(ch)] = "-"
    return table


_TABLE = _fold_table()
# The characters folding changes; texts are rewritten at those alone (``str.translate``
# with a dict looks up every character, which is slow on Chinese text).
_FOLDED = re.compile("[" + "".join(re.escape(chr(o)) for o in sorted(_TABLE)) + "]")


def _fold_chars(text: str) -> str:
    """``text`` with :data:`_TABLE` applied, one character for one."""
    return _FOLDED.sub(lambda m: _TABLE[ord(m.group())], text)

# The space runs normalisation shortens: a whole run next to a Han character (as
# :func:`is_han` defines it), a line end or either end of the text ("all"), else all
# but the first space of a run of two or more. Single spaces between words never match,
# so the scan costs nothing for them.
_HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uf900-\ufaff\U00020000-\U0002a6df" + "".join(
    sorted(_KEEP_CJK_PUNCT | set("「」『』【】《》“”")))
_SPACE_DROP = re.compile(
    rf"(?P<all>(?:(?<=[{_HAN_CLASS}\n])|\A) +| +(?=[{_HAN_CLASS}\n]|\Z))| {{2,}}"
)
_NEWLINE = re.compile(r"\n")
_NUL = re.compile(r"\x00")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for extraction, keeping the map back to ``text``'s offsets."""
    folded = _fold_chars(text)
    mask = _keep_mask(text)
    for m in _NUL.finditer(folded):
        mask[m.start()] = 0
    if 0 in mask:
        keep = list(compress(range(len(text)), mask))
        s1 = "".join(compress(folded, mask))
    else:  # nothing removed: skip the copies
        keep, s1 = list(range(len(text))), folded
    # spaces: none next to a Han character, a line end or the text's ends; one in a run
    mask2 = bytearray(b"\x01") * len(s1)
    dropped = False
    for m in _SPACE_DROP.finditer(s1):
        a, b = m.span()
        first = a if m.lastgroup == "all" else a + 1
        mask2[first:b] = bytes(b - first)
        dropped = True
    if dropped:
        idx = list(compress(keep, mask2))
        s2 = "".join(compress(s1, mask2))
    else:
        idx, s2 = keep, s1
    return Normalized(s2, tuple(idx))
