"""Text normalisation that remembers where every character came from.

The extractor reads a *normalised* copy of an article and reports spans in the
*original* text. :func:`normalize` builds the copy and the map back: the copy is made of
runs of consecutive original characters (folding is one character for one), and for each
run the map keeps where it starts in the copy and in the original. A match ``norm[a:b]``
maps back to ``text[origin(a):origin(b - 1) + 1]``.

What normalisation does:

* full-width ASCII (``０-９``, ``Ａ-Ｚ``, ``％``, ``＄``, ...) becomes half-width; Chinese
  punctuation that marks clauses and sentences (``，。；：！？、``) is kept as it is;
* NBSP, ideographic and other Unicode spaces become an ASCII space, runs of spaces one
  space, and a space next to a Han character (``2 月 6 日``, ``1.02 万亿``) or beside a dash
  between two numbers (``1 – 9 月``) disappears;
* markdown markup goes: images ``![alt](url)``, the ``(url)`` of links, emphasis ``*``
  and ``_`` runs, heading ``#`` marks, backslash escapes; link text stays;
* the front matter block (between ``---`` lines at the top) is blanked out;
* a run of source marks (``[3]``, ``[2][5]``) becomes one ``;``, a sentence end: its digits
  are no number ("in October [3]" is no day);
* a list's bullets run into one line (``增长1.1% [1] - 2025年…``) are split at their dashes;
* traditional Chinese characters become simplified, one for one (:mod:`.script`, with
  OpenCC's character table), so ``營收為315.62億元`` reads as ``营收为315.62亿元``.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .script import to_simplified

_KEEP_CJK_PUNCT = set("，。；：！？、（）")
_SPACES = set(
    "\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\r\f\v"
)
_ZERO_WIDTH = set("\u200b\u200c\u200d\ufeff\u2060")
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|!\[[^\]\n]{0,500}\]")
_LINK_URL = re.compile(r"\]\((?:https?:|mailto:|#|/)[^)\n]{0,2000}\)")
# ``_`` runs of one to three after a non-word character, or ending before one; ``*`` runs.
# Every branch starts with the mark itself, so the engine skips to marks without trying
# the look-arounds elsewhere.
_EMPHASIS = re.compile(r"_(?:(?<!\w_)_{0,2}|_{0,2}(?!\w))|\*+")
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
    """The normalised text and the map back to the original.

    ``runs[k]`` is where the ``k``-th run of consecutive original characters starts in
    ``text`` and ``origins[k]`` where it starts in the original; runs are sorted."""

    text: str
    # (machine integers, four bytes each when they fit: a long text has tens of thousands of runs)
    runs: Sequence[int]
    origins: Sequence[int]

    def origin(self, i: int) -> int:
        """Original offset of normalised character ``i``."""
        k = bisect_right(self.runs, i) - 1
        return self.origins[k] + i - self.runs[k]

    @property
    def starts(self) -> tuple[int, ...]:
        """The original offset of every normalised character."""
        out: list[int] = []
        bounds = (*self.runs[1:], len(self.text))
        for a, b, o in zip(self.runs, bounds, self.origins):
            out.extend(range(o, o + b - a))
        return tuple(out)

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(i + 1 for i in self.starts)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised slice ``[a, b)`` (``a < b``)."""
        return self.origin(a), self.origin(b - 1) + 1


def front_matter_end(text: str) -> int:
    """Offset where the body starts (0 when there is no front matter)."""
    m = _FRONT.match(text)
    return m.end() if m else 0


_BRACKETS = re.compile(r"[\[\]]|\\(?=[^\w\s])")
# a reading in pinyin with tone marks in brackets after a Han character, as some pages print
# them ("中國(guó)汽車工業(yè)協(xié)會(huì)"): dropped, so the words around it join again
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)"
)


# Each markup expression with the characters one of its matches must contain: an
# expression is skipped on a text without any of them.
_MARKUP = (
    (_IMAGE, "!"),
    (_LINK_URL, "]"),
    (_HEADING, "#"),
    (_BULLET, "*+->"),
    (_EMPHASIS, "_*"),
    (_BRACKETS, "[]\\"),
    (_PINYIN, "("),
)


def _dropped(text: str, folded: str) -> list[tuple[int, int]]:
    """The stretches ``[a, b)`` of ``text`` that normalisation removes, sorted, apart and
    not touching: markdown markup, the front matter and zero-width characters (those
    ``folded`` turns into NUL). Line ends are always kept, so that paragraphs stay apart."""
    cuts: list[tuple[int, int]] = []
    body = front_matter_end(text)
    if body:
        cuts.append((0, body))
    for rx, marks in _MARKUP:
        if not any(ch in text for ch in marks):
            continue
        cuts.extend(m.span() for m in rx.finditer(text, body))
    if "\x00" in folded:
        cuts.extend((m.start(), m.end()) for m in _NUL.finditer(folded))
    if not cuts:
        return []
    cuts.sort()
    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    out: list[tuple[int, int]] = []
    for a, b in merged:  # keep the line ends inside
        nl = text.find("\n", a, b)
        while nl >= 0:
            if nl > a:
                out.append((a, nl))
            a = nl + 1
            nl = text.find("\n", a, b)
        if b > a:
            out.append((a, b))
    return out


def _keep(s: str, cuts: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``s`` without the stretches ``cuts`` (sorted, apart), and the kept runs ``(a, b)``."""
    kept, a = [], 0
    for x, y in cuts:
        if x > a:
            kept.append((a, x))
        a = y
    if a < len(s):
        kept.append((a, len(s)))
    return "".join(s[x:y] for x, y in kept), kept


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
    for ch in "\u2013\u2212\u2012\u2010\u2011":  # en dash, minus, figure dash, hyphens
        table[ord(ch)] = "-"
    table[0xFE52] = "."  # the small full stop some Taiwan and Hong Kong pages write decimals with (75﹒83萬)
    table[0xFE50] = ","  # and the small comma they write thousands with (8萬6﹐700輛)
    return table


_TABLE = _fold_table()
# The characters folding changes; texts are rewritten at those alone (``str.translate``
# with a dict looks up every character, which is slow on Chinese text).
_FOLDED = re.compile("[" + "".join(re.escape(chr(o)) for o in sorted(_TABLE)) + "]")


# a list's bullets run into one line ("增长1.1% [1] - 2025年1-11月…", "销量表现 - 公司11月…"):
# a spaced dash after a character that is no letter or digit, before a Han character or a
# digit, is a line end
_INLINE_BULLET = re.compile(r"(?<=[^\dA-Za-z\s]) - (?=[\u4e00-\u9fff\d])")

# a month's name written in small letters before its year ("Tesla sold 57,152 units in august
# 2025"), made a name again, one character for one ("may", a verb as often, is left)
_LOWER_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_LOWER_MONTH = re.compile(
    r"\b(?:" + "|".join(_LOWER_MONTH_NAMES) + r")(?= (?:\d{1,2}(?:st|nd|rd|th)?,? )?(?:19|20)\d\d\b)"
)

# the row of dashes under a markdown table's head, inside a line (a table run into one
# line: "… Data | Indicator | 2025 H1 | … | | :--- | :--- | … | | Revenue | 24.25 | …")
_INLINE_TABLE_RULE = re.compile(r"(?<=\|) (\|(?: ?:?-{3,}:? ?\|)+)")


def _inline_table_rows(text: str) -> str:
    """``text`` with each row of a markdown table run into one line put on a line of its own:
    the space before the bar opening the head, the rule and each row after them (rows of as
    many cells as the rule has, one space apart) becomes a line end, one character for one."""
    chars = list(text)
    for m in _INLINE_TABLE_RULE.finditer(text):
        k = m.group(1).count("|") - 1
        head = m.start(1) - 2  # (the bar closing the head)
        for _ in range(k):
            head = text.rfind("|", 0, head)
        if head <= 0 or text[head - 1] != " " or "\n" in text[head : m.start(1)]:
            continue
        opens = [head, m.start(1)]
        at = m.end(1)
        while text.startswith(" |", at):
            bars = [at + 1]
            while (
                len(bars) <= k
                and (bar := text.find("|", bars[-1] + 1)) >= 0
                and "\n" not in text[bars[-1] : bar]
            ):
                bars.append(bar)
            if len(bars) <= k:
                break
            opens.append(at + 1)
            at = bars[-1] + 1
        for bar in opens:
            chars[bar - 1] = "\n"
    return "".join(chars)


# a line end a page's fixed-width wrapping put between a number and its magnitude or unit
# ("营业收入2011\n億元"): a space (dropped next to the Han character later)
_NUMBER_WRAP = re.compile(
    r"(?<=\d)\n(?=[億亿萬万元輛辆台])"
    # and one inside an English sentence: a letter, digit, comma or
    # bracket before it, a small letter after it ("RMB14,736.8\nmillion
    # (US$2,041.0 million)\nfor the first quarter of 2024")
    r"|(?<=[A-Za-z0-9,)])\n(?=[a-z])"
    # and one after a word no sentence or heading ends on, before a sum or number ("Total
    # revenues were\nRMB6.55 billion", "Net loss was\nRMB1.37 billion")
    # (the line end first, the word checked behind it: a scan stops only at line ends)
    r"|\n(?:(?<=\bwere\n)|(?<=\bwas\n)|(?<=\bis\n)|(?<=\bare\n)|(?<=\bof\n)|(?<=\bto\n)|(?<=\bat\n)"
    r"|(?<=\breached\n)|(?<=\btotaled\n)|(?<=\btotalled\n)|(?<=\bfrom\n)|(?<=\bby\n)|(?<=\bwith\n)|(?<=\bthan\n)|(?<=\band\n))"
    r"(?=(?:RMB|US\$|HK\$|USD|HKD|CNY|\$)? ?\d)"
    # and one between a year and its quarter, a table's column head broken in two ("2024\nQ1")
    r"|(?<=(?<![\d,.])(?:19|20)\d\d)\n(?=Q[1-4]\b)"
)


# a full-width comma some mainland pages group thousands with (``交付量达265，967辆``): one
# to three digits before it, groups of three after it up to a unit or the number's end
_WIDE_THOUSANDS = re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?![\d.])")


# a run of source marks ("added 5,912 in October [3].", "同比增长145% [3] 资本市场表现"): it
# ends a sentence, and its digits are no number (nor a day: "October 3")
_SOURCE_MARK = re.compile(r"(?<=[^\s\[\]]) ?(?:\[\d{1,3}\])+(?!\()")


def _source_mark_end(m: re.Match) -> str:
    """The source marks of ``m`` with their digits made one ``;`` and spaces (their brackets
    are cut later)."""
    out = re.sub(r"\d", " ", m.group())
    k = out.index("[") + 1
    return out[:k] + ";" + out[k + 1 :]


def _fold_chars(text: str) -> str:
    """``text`` with :data:`_TABLE` applied, one character for one, and a full-width comma
    grouping thousands (:data:`_WIDE_THOUSANDS`) made ASCII; an inline bullet's dash
    (:data:`_INLINE_BULLET`) becomes a line end, a line end inside a number and its unit
    (:data:`_NUMBER_WRAP`) a space, a month's name in small letters before its year
    (:data:`_LOWER_MONTH`) a name."""
    folded = _FOLDED.sub(lambda m: _TABLE[ord(m.group())], text)
    if "[" in folded:
        folded = _SOURCE_MARK.sub(_source_mark_end, folded)
    if "，" in folded:
        folded = _WIDE_THOUSANDS.sub(lambda m: m.group().replace("，", ","), folded)
    if "| :-" in folded or "| --" in folded:
        folded = _inline_table_rows(folded)
    if "\n" in folded:
        folded = _NUMBER_WRAP.sub(" ", folded)
    if any(name in folded for name in _LOWER_MONTH_NAMES):
        folded = _LOWER_MONTH.sub(lambda m: m.group().capitalize(), folded)
    if " - " not in folded:
        return folded
    return _INLINE_BULLET.sub(" \n ", folded)


# The space runs normalisation shortens: a whole run next to a Han character (as
# :func:`is_han` defines it), a line end or either end of the text, else all but the
# first space of a run of two or more. Single spaces between words never match.
_HAN_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uf900-\ufaff\U00020000-\U0002a6df" + "".join(
    sorted(_KEEP_CJK_PUNCT | set("「」『』【】《》“”"))
)
# After the one space every match starts with (so the scan skips to spaces): ``all`` a run
# after a Han character, a line end or the text's start, or before one of them or the
# text's end, dropped whole; ``rest`` the rest of a run of two or more, dropped.
# ``dash`` a single space beside a dash between two numbers (``1 – 9 月``, ``15 - 20 万``), dropped:
# the range reads as one written without spaces (a space before a dash set on the number after
# it, "6,155 -12.4%", is kept: that dash is the number's sign); ``unit`` one beside the hyphen of a count and
# its unit ("70,000 - unit"), dropped too.
_SPACE_DROP = re.compile(
    rf" (?:(?P<all>(?:(?<=[{_HAN_CLASS}\n] )|(?<=\A )) *| *(?=[{_HAN_CLASS}\n]|\Z))|(?P<rest> +)"
    r"|(?P<dash>(?<=\d )(?=- \d|~ ?\d)|(?:(?<=\d[-~] )|(?<=\d [-~] ))(?=\d))"
    # and one beside the hyphen of a count and its unit ("the 70,000 - unit mark")
    r"|(?P<unit>(?<=\d )(?=- ?(?:unit|vehicle|car)s?\b)|(?:(?<=\d- )|(?<=\d - ))(?=(?:unit|vehicle|car)s?\b)))"
)
_NUL = re.compile(r"\x00")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for extraction, keeping the map back to ``text``'s offsets."""
    folded = to_simplified(_fold_chars(text))
    cuts = _dropped(text, folded)
    if cuts:
        s1, kept1 = _keep(folded, cuts)
    else:
        s1, kept1 = folded, [(0, len(text))]
    # spaces: none next to a Han character, a line end or the text's ends; one in a run
    spaces = []
    for m in _SPACE_DROP.finditer(s1):
        a, b = m.span()
        spaces.append((a + 1 if m.lastgroup == "rest" else a, b))
    if not spaces:
        return _with_runs(s1, kept1)
    s2, kept2 = _keep(s1, spaces)
    del spaces, s1, folded  # (a long text's peak memory is here: what is done with goes first)
    # compose: a run kept from ``s1`` may span several runs of the original
    pieces, k, at = [], 0, 0  # (original start, end); run of kept1 under inspection; its s1 start
    for x, y in kept2:
        while x < y:
            while at + (kept1[k][1] - kept1[k][0]) <= x:
                at += kept1[k][1] - kept1[k][0]
                k += 1
            a, b = kept1[k]
            end = min(y, at + b - a)
            pieces.append((a + x - at, a + end - at))
            x = end
    del kept1, kept2
    return _with_runs(s2, pieces)


def _with_runs(s: str, kept: list[tuple[int, int]]) -> Normalized:
    """``s`` made of the original stretches ``kept`` in order, runs that touch merged."""
    runs: list[int] = []
    origins: list[int] = []
    at, last_end = 0, None
    for a, b in kept:
        if a != last_end:
            runs.append(at)
            origins.append(a)
        at += b - a
        last_end = b
    if not runs:
        runs, origins = [0], [0]
    # four bytes an offset (a text under 2**31 characters), else eight
    code = "i" if origins[-1] + len(s) < 2**31 else "q"
    return Normalized(s, array(code, runs), array(code, origins))
