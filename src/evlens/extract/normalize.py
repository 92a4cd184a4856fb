"""Text normalisation that remembers where every character came from.

The extractor reads a *normalised* copy of an article and reports spans in the
*original* text. :func:`normalize` builds the copy and, for each of its characters, the
half-open span ``[start, end)`` of the original text it stands for, so that a match
``norm[a:b]`` maps back to ``text[starts[a]:ends[b - 1]]``.

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
import unicodedata
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
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised slice ``[a, b)`` (``a < b``)."""
        return self.starts[a], self.ends[b - 1]


def front_matter_end(text: str) -> int:
    """Offset where the body starts (0 when there is no front matter)."""
    m = _FRONT.match(text)
    return m.end() if m else 0


def _drop_mask(text: str) -> bytearray:
    """1 for every original character that markdown markup removes."""
    drop = bytearray(len(text))
    body = front_matter_end(text)
    for i in range(body):
        drop[i] = 1
    for rx in (_IMAGE, _LINK_URL, _HEADING, _BULLET):
        for m in rx.finditer(text, body):
            a, b = m.span()
            for i in range(a, b):
                drop[i] = 1
    for m in _EMPHASIS.finditer(text, body):
        for i in range(*m.span()):
            drop[i] = 1
    for i, ch in enumerate(text):
        if ch in "[]" and not drop[i]:
            drop[i] = 1
        elif ch == "\\" and i + 1 < len(text) and not text[i + 1].isalnum():
            drop[i] = 1
    return drop


def _fold(ch: str) -> str:
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E and ch not in _KEEP_CJK_PUNCT:
        return chr(o - 0xFEE0)
    if ch in _SPACES:
        return " "
    if ch in "\u2018\u2019":
        return "'"
    if ch in "\u2013\u2014\u2212\u2012":
        return "-" if ch != "\u2014" else "—"
    if o < 0x80 or is_han(ch):
        return ch
    if unicodedata.category(ch) == "Nd":  # other digit scripts
        return str(unicodedata.digit(ch, 0))
    return ch


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for extraction, keeping the map back to ``text``'s offsets."""
    drop = _drop_mask(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        if drop[i] or ch in _ZERO_WIDTH:
            if drop[i] and ch == "\n":
                pass
            else:
                continue
        c = _fold(ch)
        if c == " ":
            if chars and chars[-1] in " \n":
                continue
        elif c == "\n" and chars and chars[-1] == " ":
            chars.pop(); starts.pop(); ends.pop()
        chars.append(c)
        starts.append(i)
        ends.append(i + 1)
    # remove spaces that touch a Han character
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    n = len(chars)
    for k, c in enumerate(chars):
        if c == " ":
            prev = out_c[-1] if out_c else "\n"
            nxt = chars[k + 1] if k + 1 < n else "\n"
            if prev == "\n" or nxt == "\n" or is_han(prev) or is_han(nxt):
                continue
        out_c.append(c)
        out_s.append(starts[k])
        out_e.append(ends[k])
    return Normalized("".join(out_c), tuple(out_s), tuple(out_e))
