"""Quantities in normalised text: numbers, magnitudes, units and the bound words around them.

Everything is parsed with :class:`~decimal.Decimal`, so ``1.02万亿`` is exactly
``1020000000000`` and ``13.5万`` exactly ``135000``.

Numbers: Arabic (``7000``, ``7,058``, ``40.55``) and Chinese (``两万``, ``三十``, ``一百零五``,
``〇``, financial capitals ``壹贰叁``); magnitudes ``十 百 千 万 十万 百万 千万 亿 十亿 百亿
千亿 万亿`` and ``thousand million billion trillion``, ``k m bn``; a bare ``万亿``/``千亿``
stands for one of it (``突破万亿港元大关``), and so does a bare ``万`` of vehicles after a word
of passing (``连续12个月交付超万辆``). Units: currencies (``元 人民币 港元 港币 美元``,
``HK$ US$ $ ¥ RMB``), counters (``辆 台 份 单``), percent, points, weeks, days, months.
A range (``20-30万元``, ``6万至8万辆``, ``between 20,000 and 25,000``) gives a low and a
high value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

ZH_MAGNITUDES = {
    "万亿": 10**12,
    "兆": 10**12,  # Taiwan's and Hong Kong's trillion (1.63 兆美元); not 兆瓦, a megawatt
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
}
EN_MAGNITUDES = {
    "trillion": 10**12,
    "tn": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}

_CN_CHARS = "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"
# a character that makes a Chinese numeral after it part of a word: 唯一, 统一, 同一, 单一, 逐一
_WORD_BEFORE_CN = "唯统同单逐"
_CN_POSITIONAL = "零〇一二三四五六七八九"  # digits read one by one (二〇二四, the 三 of 十一.三)
# what may follow a cell of a filing's table run together, right after a group's third digit
# (see :data:`_NUM`): another figure grouped by thousands, or a short one ending the line or
# before a percent sign or a bracket
_CELL_NEXT = r"(?=\d{1,3},\d{3}|\d{1,3}(?:\.\d+)?(?:[%()\s]|$))"
_NUM = re.compile(
    rf"(?=[\d{_CN_CHARS}万亿])(?:"  # what a number starts with: one test turns most positions away
    # (a letter before a number makes it part of a word or code, unless it ends a currency
    # code written without a space: RMB25.9 billion; so does a slash after a letter or digit,
    # as in a date or a code, but not after a figure's unit: 113.5万/31.7万; a comma after a
    # letter or digit makes it a piece of another number, not after a Chinese word: 增加,79250辆)
    r"(?P<ar>(?:(?<=RMB)|(?<=HKD)|(?<=USD)|(?<=CNY)|(?<=,\d\d\d\.\d\d)|(?<=,\d\d\d\.\d\d-)|(?<=\d,\d\d\d)"
    + _CELL_NEXT
    + r"|(?<![A-Za-z\d._])(?<![A-Za-z\d.,_],)(?<!\d:)(?<![A-Za-z\d]/))"
    # (cells a filing's table ran together, each with two decimals: 42,236,176,229.9023.36%:
    # 42,236,176,229.90, then 23.36%, a cell starting right after the two decimals; or
    # whole, each grouped by thousands: 150,284,734118,792,68927 is 150,284,734, then
    # 118,792,689, then 27, a cell starting after a group's third digit; a short last cell
    # ends the line or stands before a percent sign or a bracket, else 1,2345辆 is no table's)
    r"(?:\d{1,3}(?:,\d{3})+\.\d\d(?=-?\d{1,3}(?:,\d{3})*\.\d\d(?!\d))"
    r"|\d{1,3}(?:,\d{3})+" + _CELL_NEXT + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    # a decimal comma before a percent sign, as European pages write it ("up 16,03%", "52,6%")
    r"|\d{1,3},\d{1,2}(?= ?%))"
    # thousands set apart by spaces, as South African and European pages write them ("1 144 588 units")
    r"|(?<![A-Za-z\d._])(?<![A-Za-z\d.,_],)(?<!\d:)\d{1,3}(?: \d{3})+(?![\d.,]?\d)"
    # (a colon after a digit makes a time of day or a ratio, 20:09, 1:3, unless three digits
    # or more follow, a label's figure, "Q1:94008"; after a word it is a label's, 交付量:36728辆)
    r"|(?:(?<=RMB)|(?<=HKD)|(?<=USD)|(?<=CNY)|(?<=\d:)(?=\d{3})|(?<=,\d\d\d\.\d\d)|(?<=,\d\d\d\.\d\d-)|(?<=\d,\d\d\d)"
    + _CELL_NEXT
    + r"|(?<![A-Za-z\d._])(?<![A-Za-z\d.,_],)(?<!\d:)(?<![A-Za-z\d]/))\d+(?:\.\d+)?)"
    # (a decimal written in Chinese numerals, 十一.三億 in Taiwan's press, before the plain run)
    rf"|(?P<cn>[{_CN_CHARS}](?:[{_CN_CHARS}]*\.[{_CN_POSITIONAL}]+|[{_CN_CHARS}万亿]*))"
    r"|(?P<bare>万亿|千亿|百亿|(?<=破)万(?!亿)|(?<=[超过逾])万(?=[辆台]))"
    r")"
)
_MAG_ZH_ALT = r"万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|兆(?![瓦帕赫字位欧焦伏安比])"
_ZH_MAG = re.compile(_MAG_ZH_ALT)
# (also after a hyphen, as South African and British papers write it: "5-million vehicles")
_EN_MAG_ALT = r"(?:[ -]?(?:trillion|billion|million|thousand|bn|mn|mln|tn)|(?:k|m|b))(?![A-Za-z])"
# after an Arabic number: 多/余, a Chinese or English magnitude, 多/余
_AR_TAIL = re.compile(rf"(?P<m1>[多余])?(?:(?P<zh>{_MAG_ZH_ALT})|(?P<en>(?i:{_EN_MAG_ALT})))?(?P<m2>[多余])?")
# after Chinese numerals: 多/余, a Chinese magnitude, 多/余
_CN_TAIL = re.compile(rf"(?P<m1>[多余])?(?P<zh>{_MAG_ZH_ALT})?(?P<m2>[多余])?")

# unit suffixes: (regex, kind, unit)
_ZH_UNITS = [
    ("港元|港币|港幣", "currency", "HKD"),
    ("美元|美金", "currency", "USD"),
    ("元人民币|人民币|人币|元|块", "currency", "CNY"),  # (人币: Hong Kong wires' short form)
    ("辆|台|部(?![分门件队长])|架(?=车)", "count", "vehicle"),
    ("个订单|份订单|份|单|笔", "count", "order"),
    ("%|％", "percent", "percent"),
    ("个百分点|百分点", "point", "point"),
    ("个多月|个月", "time", "month"),
    ("个星期|周", "time", "week"),
    ("天", "time", "day"),
    ("点", "point", "point"),
    ("倍", "times", "times"),
    # (只 a counter, not "only": 后50万只用了17个月)
    ("家|位|款|人|名|次|座|个|只(?![用是有比要需能占])|件|套|年|小时|分钟|秒", "other", "other"),
]
_EN_UNITS = [
    ("percentage points?|pp", "point", "point"),
    # (or a percent sign set off by a space, as French and some English pages write it: "30 %")
    # (and "pc", as British papers write it: "a sales increase of 31pc")
    ("percent|per cent|pct|pc|%|％", "percent", "percent"),
    ("Hong Kong dollars?|HK dollars?|HKD", "currency", "HKD"),
    ("(?:US|U\\.S\\.) dollars?|USD|dollars?", "currency", "USD"),
    # (a bare "Yuan" is BYD's model family: "31,456 Yuan family vehicles")
    # (a "Yuan" after "Million" or "Billion" is money: "Q3 Net Loss Hits 620 Million Yuan")
    ("Chinese (?:[Yy]uan|[Rr]enminbi)|yuan|(?<=illion )Yuan|renminbi|RMB|CNY", "currency", "CNY"),
    ("units?|vehicles?|cars?|EVs?|SUVs?|sedans?", "count", "vehicle"),
    # a count joined to its unit ("surpassed the 70,000-unit mark")
    ("-(?:units?|vehicles?|cars?)", "count", "vehicle"),
    # a sum joined to its currency ("the 700-billion-yuan threshold")
    ("-yuan", "currency", "CNY"),
    ("orders?|reservations?|bookings?", "count", "order"),
    ("deliveries", "count", "vehicle"),
    ("weeks?", "time", "week"),
    ("days?", "time", "day"),
    ("months?", "time", "month"),
    ("points?", "point", "point"),
    ("times", "times", "times"),
    ("years?|hours?|minutes?|people|employees|stores|cities|models|seconds?", "other", "other"),
]
# one expression for both lists, Chinese first: group ``z3`` is ``_ZH_UNITS[3]``, ``e3`` is
# ``_EN_UNITS[3]``
_UNIT_RE = re.compile(
    "|".join(f"(?P<z{i}>{p})" for i, (p, _, _) in enumerate(_ZH_UNITS))
    + r"| ?(?:"
    + "|".join(f"(?P<e{i}>{p})" for i, (p, _, _) in enumerate(_EN_UNITS))
    + r")(?![A-Za-z])"
)
_UNIT_OF = {
    **{f"z{i}": (k, u) for i, (_, k, u) in enumerate(_ZH_UNITS)},
    **{f"e{i}": (k, u) for i, (_, k, u) in enumerate(_EN_UNITS)},
}
_PREFIX_CCY = re.compile(
    r"(HK\$|HKD ?|US\$|USD ?|RMB ?|CNY ?|(?:A|AU|C|CA|S|NZ|NT)\$|\$|¥|￥|人民币|(?<![\d.])(?:港币|港元|美元))$"
)  # (14.20港元4: the unit of the number before)
_PREFIX_LAST = "$DBY ¥￥币元\n"  # the last character of a _PREFIX_CCY match (or the line end after it)
_PREFIX_CCY_UNIT = {
    "HK$": "HKD",
    "HKD": "HKD",
    "US$": "USD",
    "USD": "USD",
    "$": "USD",
    "RMB": "CNY",
    "CNY": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "人民币": "CNY",
    "港币": "HKD",
    "港元": "HKD",
    "美元": "USD",
    # other dollars: a conversion's ("CN¥6.36 billion (US$892 million, A$1.36 billion)"),
    # never a US dollar figure; no metric is stored in them
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "S$": "SGD",
    "NZ$": "NZD",
    "NT$": "TWD",
}
_RANGE_SEP = re.compile(r" ?(?:-|~|～|—|至|到|to) ?")
# a change verb before a number: "X至Y" after it is by how much, then to what (上调5万台至105万台)
CHANGED_BY = re.compile(r"(?:上调|下调|调高|调低|上修|下修|提高|提升|增加|减少|降低|上涨|下跌|[涨跌])了? ?$")
# a figure revised "from" one number "to" another: two figures, the old and the new, no range
# ("raised its full-year target from 2.71 million to 3 million units"); a range after "from"
# joined by a dash stays one ("lowered it to 560,000-640,000 from 650,000-800,000")
_REVISED_FROM = re.compile(
    r"\b(?:rais(?:ed|es|ing)|lift(?:ed|s|ing)|cut(?:s|ting)?|lower(?:ed|s|ing)|revis(?:ed|es|ing|ion)|trimm(?:ed|ing)"
    r"|slash(?:ed|es|ing)|boost(?:ed|s|ing)|hik(?:ed|es|ing)|upgrad(?:ed|es|ing)|downgrad(?:ed|es|ing)|adjust(?:ed|s|ing)"
    r"|reduc(?:ed|es|ing)|increas(?:ed|es|ing))\b[^.;!?]{0,60}\bfrom $",
    re.I,
)
_DATE_AFTER = re.compile(r"(?:年|月|日|号|季度|季|时|点\d|:\d|个季度|期|代|系|位数)")
_LOWER_SECTION = re.compile(
    r"(?:(?P<w>\d{1,4})(?P<wan>万)|(?P<k>\d)千|(?P<n>\d{4}|\d,\d{3}|\d{1,3}(?=[辆台元份])))(?![\d.,年月日号季])"
)
_PERCENT_ZH = re.compile(rf"百分之(?P<n>[\d.]+|[{_CN_CHARS}]+)")
# tenths after a change or bound word: 跌四成 (40 %), 增逾五成, 約兩成, 升約半成 (5 %)
_TENTHS_ZH = re.compile(
    r"(?<=[跌升增减降涨逾约近超达长挫飙幅滑加少])(?P<n>[一二两三四五六七八九]|半)成(?![为立交功本员果绩长])"
)
# a change word just before a multiple: 年增1.26倍, 飆升1.74倍, 多1.7倍, 增长了近两倍 (+126 %, +174 %,
# +170 %, under +200 %)
_CHANGE_BEFORE_TIMES = re.compile(
    r"(?:增长|增加|上升|上涨|飙升|激增|大增|暴增|增幅|涨幅|增|升|涨|多)了?(?:为|达)?(?:逾|近|约|超|达)?$"
)


_CODE_BEFORE = re.compile(
    r"(?:[(（]|(?:HK|HKG|SH|SZ|HKEX|SEHK|SSE|SZSE|NYSE|Nasdaq|NASDAQ|港股|代码|代號|代号|股份代号)[:：]? ?)$"
)
_CODE_AFTER = re.compile(r"(?:\.(?:HK|SH|SS|SZ|hk|sh|ss|sz)\b|[)）]|-(?:HK|CN|US|TW)[)）])")


def is_stock_code(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a listing code, not a number or a year:
    alone in brackets (``理想汽车（2015）``, ``(09868)``), before ``.HK``/``.SH``/``.SZ``
    (``1810.HK``) or ``-HK``/``-CN`` (``比亚迪 (01211-HK)``), or after an exchange's name
    (``HK:1810``, ``HKG: 1810,``)."""
    digits = text[start:end]
    if not digits.isdigit() or not 4 <= len(digits) <= 6:
        return False
    if (
        _CODE_AFTER.match(text, end) is None
        and not (start and text[start - 1] in "：:")
        and text[max(0, start - 2) : start] != ": "
    ):
        return False
    if text.startswith(
        (".HK", ".SH", ".SS", ".SZ", ".hk", ".sh", ".ss", ".sz", "-HK", "-CN", "-US", "-TW"), end
    ):
        return True  # (01211-HK), (002594-CN): a code with its market
    return _CODE_BEFORE.search(text, max(0, start - 8), start) is not None and (
        text[start - 1] not in "(（" or text[end : end + 1] in ")）"
    )


def parse_cn_number(s: str) -> Decimal:
    """Value of a Chinese numeral such as ``两万三千``, ``一百零五``, ``十二``, ``三亿五千万``.

    Digits multiply the next unit (十 百 千); 万 and 亿 close a section. A leading 十 means
    ten (``十二`` = 12). A string of bare digits reads positionally (``二〇二四`` = 2024), also
    before one magnitude (``二一三亿``); digits after a point are a decimal fraction
    (``十一.三`` = 11.3).
    """
    if s and all(ch in CN_DIGITS for ch in s):
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in s))
    if "." in s:  # 十一.三 = 11.3: the digits after the point read one by one
        whole, _, frac = s.partition(".")
        if not frac or not all(ch in CN_DIGITS for ch in frac):
            raise ValueError(f"not a Chinese numeral: {s!r}")
        return parse_cn_number(whole) + Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    head = s.rstrip("万萬亿億")
    if len(head) > 1 and len(s) - len(head) == 1 and all(ch in CN_DIGITS for ch in head):
        if len(head) == 2 and CN_DIGITS[head[1]] == CN_DIGITS[head[0]] + 1:
            raise ValueError(f"a spoken range, not one number: {s!r}")  # 三四万: 30,000 to 40,000
        # 二一三億 = 213亿: a run of bare digits before one magnitude reads one by one
        return parse_cn_number(head) * CN_BIG[s[-1]]
    total = Decimal(0)
    wan = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    for ch in s:
        if ch in CN_DIGITS:
            number = Decimal(CN_DIGITS[ch])
        elif ch in CN_UNITS:
            section += (number if number is not None else Decimal(1)) * CN_UNITS[ch]
            number = None
        elif ch in ("万", "萬"):
            wan = (section + (number or 0)) * CN_BIG[ch] if (section or number) else Decimal(CN_BIG[ch])
            section, number = Decimal(0), None
        elif ch in ("亿", "億"):
            total = (total + wan + section + (number or 0)) * CN_BIG[ch]
            if total == 0:
                total = Decimal(CN_BIG[ch])
            wan, section, number = Decimal(0), Decimal(0), None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + wan + section + (number or 0)


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


@lru_cache(maxsize=4096)
def parse_number(s: str) -> Decimal:
    """An Arabic number with optional thousands separators (``7,058``, ``1 144 588``) as
    ``Decimal``; a comma before one or two last digits is a decimal comma (``16,03``, of a
    percent)."""
    if _DECIMAL_COMMA.fullmatch(s):
        s = s.replace(",", ".")
    try:
        return Decimal(s.replace(",", "").replace(" ", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex only passes numbers
        raise ValueError(f"not a number: {s!r}") from exc


# the bits of :attr:`Quantity.flags`
_MORE, _ARABIC, _HAS_MAGNITUDE, _GROUPED = 1, 2, 4, 8


class Quantity(NamedTuple):
    """A number found in normalised text, ``[start, end)`` being its extent there.

    How it was written is kept as the bits of ``flags`` (a long text holds tens of
    thousands of quantities, and four fields of their own would make each a third
    heavier); :attr:`more`, :attr:`arabic`, :attr:`has_magnitude` and :attr:`grouped`
    read them."""

    start: int
    end: int
    value: Decimal
    kind: str | None  # count | currency | percent | point | time | times | other | None (bare)
    unit: str | None
    high: Decimal | None = None  # the upper end of a range
    flags: int = _ARABIC

    @property
    def more(self) -> bool:
        """多/余 after the number: "20多万", "2万余辆"."""
        return bool(self.flags & _MORE)

    @property
    def arabic(self) -> bool:
        """Written in Arabic digits (else in Chinese numerals)."""
        return bool(self.flags & _ARABIC)

    @property
    def has_magnitude(self) -> bool:
        """Written with a magnitude (万, 亿, million, 十 百 千 in Chinese numerals)."""
        return bool(self.flags & _HAS_MAGNITUDE)

    @property
    def grouped(self) -> bool:
        """Written with thousands separators."""
        return bool(self.flags & _GROUPED)

    @property
    def is_range(self) -> bool:
        return self.high is not None


def _flags(
    more: bool = False, arabic: bool = True, has_magnitude: bool = False, grouped: bool = False
) -> int:
    """The :attr:`Quantity.flags` of a number written so."""
    return (
        (_MORE if more else 0)
        | (_ARABIC if arabic else 0)
        | (_HAS_MAGNITUDE if has_magnitude else 0)
        | (_GROUPED if grouped else 0)
    )


def _unit_at(text: str, i: int) -> tuple[str | None, str | None, int]:
    """The unit written at ``i``: its kind, its unit and where it ends (none: ``i``)."""
    m = _UNIT_RE.match(text, i)
    if m and m.lastgroup:  # (every unit is a named group)
        kind, unit = _UNIT_OF[m.lastgroup]
        return kind, unit, m.end()
    return None, None, i


def _tail(rx: re.Pattern, text: str, j: int) -> tuple[int | None, int, bool]:
    """What follows a number at ``j``: ``多``/``余`` and a magnitude, in either order (only the
    first ``多``/``余`` counts). Returns the magnitude's factor (none: None), the end, and
    whether ``多``/``余`` was written. ``rx`` is :data:`_AR_TAIL` or :data:`_CN_TAIL`."""
    t = rx.match(text, j)  # (every part is optional: it always matches)
    if t is None or t.end() == j:
        return None, j, False
    end = t.end()
    g = t.groups()  # (m1, zh, en, m2) or (m1, zh, m2)
    more1, more2 = g[0], g[-1]
    if more1 and more2:
        end = t.start(len(g))
    if g[1]:
        return ZH_MAGNITUDES[g[1]], end, bool(more1 or more2)
    if len(g) == 4 and g[2]:
        return EN_MAGNITUDES[g[2].strip(" -").lower()], end, bool(more1 or more2)
    return None, end, bool(more1 or more2)


def _number_at(text: str, m: re.Match) -> tuple[Decimal, int, bool, bool, bool] | None:
    """Parse one number (with magnitude) starting at match ``m``: value, end, more, arabic,
    has_mag; None for no number, or for one beyond what a Decimal holds
    (``一亿亿亿…`` repeated past its exponent limit)."""
    try:
        return _number_at_unguarded(text, m)
    except ArithmeticError:  # decimal.Overflow and its kin
        return None


def _number_at_unguarded(text: str, m: re.Match) -> tuple[Decimal, int, bool, bool, bool] | None:
    ar = m.group("ar")
    if ar:
        value = parse_number(ar)
        factor, j, more = _tail(_AR_TAIL, text, m.end())
        if factor is not None:
            value *= factor
            if factor in (10**4, 10**8) and not more and "." not in ar:
                # "460万2436辆" = 4602436, "1亿2000万" = 120000000, "1万2千辆" = 12000: the lower section after
                # the magnitude
                rest = _LOWER_SECTION.match(text, j)
                if rest and (factor == 10**8 or not rest.group("wan")):
                    low = (
                        Decimal(rest.group("w")) * 10**4
                        if rest.group("wan")
                        else Decimal(rest.group("k")) * 1000  # 1万2千辆 = 12000
                        if rest.group("k")
                        else parse_number(rest.group("n"))
                    )
                    if low < factor:
                        value += low
                        j = rest.end()
        return value, j, more, True, factor is not None
    s = m.group("cn")
    if s:
        # a run of Chinese numerals glued to a word (一次, 第一) is no quantity unless a
        # magnitude or unit follows; the caller checks that
        try:
            value = parse_cn_number(s)
        except ValueError:
            return None
        factor, j, more = _tail(_CN_TAIL, text, m.end())
        if factor is not None:
            value *= factor
        # written with 十 百 千 万 亿 it has a magnitude of its own
        has_mag = factor is not None or any(ch in s for ch in "十拾百佰千仟万亿")
        return value, j, more, False, has_mag
    # a bare 万亿, 千亿, 百亿: one of it
    mag = _ZH_MAG.match(text, m.start())
    if mag is None:
        return None
    return Decimal(ZH_MAGNITUDES[mag.group()]), mag.end(), False, False, True


# English number words (shared with the time expressions and the extractor)
EN_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
# a number written in English words before a magnitude ("two million vehicles", "half a
# million", "a quarter of a million"): the words' value
_EN_WORD_VALUES: dict[str, int | Decimal] = {
    **EN_NUMBER_WORDS,
    "a": 1,
    "half a": Decimal("0.5"),
    "a quarter of a": Decimal("0.25"),
    "three quarters of a": Decimal("0.75"),
}
# (the magnitude is looked for first, the words before it then: a scan for a few letters
# costs little on text that holds none)
_EN_MAG_WORD = re.compile(r"(?<=[A-Za-z] )(?:m|b|tr)illion(?![A-Za-z-])")
_EN_WORDS_BEFORE = re.compile(
    r"(?<![A-Za-z-])(?P<w>(?i:" + "|".join(sorted(_EN_WORD_VALUES, key=len, reverse=True)) + r")) $"
)


# the low end of a range in words before the high end's ("five to six million units")
_EN_WORD_LOW = re.compile(
    r"(?<![A-Za-z-])(?P<w>(?i:"
    + "|".join(sorted(EN_NUMBER_WORDS, key=len, reverse=True))
    + r"))(?: to | and |-|–)$"
)


def _en_word_numbers(text: str) -> list[Quantity]:
    """The numbers written in English words before a magnitude, with the unit after them; a
    range ("five to six million units") when a lower number in words comes before, the
    magnitude scaling both."""
    out = []
    for m in _EN_MAG_WORD.finditer(text):
        w = _EN_WORDS_BEFORE.search(text, max(0, m.start() - 22), m.start())
        if w is None:
            continue
        mag = EN_MAGNITUDES[m.group()]
        value = Decimal(_EN_WORD_VALUES[w.group("w").lower()]) * mag
        kind, unit, j = _unit_at(text, m.end())
        low = _EN_WORD_LOW.search(text, max(0, w.start() - 14), w.start())
        if low is not None and (lv := EN_NUMBER_WORDS[low.group("w").lower()] * mag) < value:
            out.append(
                Quantity(
                    low.start(), j, Decimal(lv), kind, unit, value, _flags(arabic=False, has_magnitude=True)
                )
            )
            continue
        out.append(Quantity(w.start(), j, value, kind, unit, flags=_flags(arabic=False, has_magnitude=True)))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in normalised ``text``, left to right, not overlapping."""
    out = _zh_percents(text) + _en_word_numbers(text)
    out.sort(key=lambda q: q.start)
    pct = [(q.start, q.end) for q in out]
    pct_starts = [a for a, _ in pct]
    pos = 0
    n = len(text)
    while pos < n:
        m = _NUM.search(text, pos)
        if not m:
            break
        pos = m.end()
        k = bisect_right(pct_starts, m.start()) - 1
        if k >= 0 and pct[k][0] <= m.start() < pct[k][1]:
            continue
        q = _quantity_at(text, m)
        if q is None:
            continue
        out.append(q)
        pos = max(pos, q.end)
    out.sort(key=lambda q: q.start)
    return out


def _zh_percents(text: str) -> list[Quantity]:
    """The Chinese percentages in ``text`` (百分之二十, 百分之3.5; 四成 after a change word)."""
    out: list[Quantity] = []
    for pm in _PERCENT_ZH.finditer(text):
        s = pm.group("n")
        try:
            v = parse_number(s) if s[0].isdigit() else parse_cn_number(s)
        except (ValueError, ArithmeticError):
            continue
        flags = _flags(arabic=s[0].isdigit())
        out.append(Quantity(pm.start(), pm.end(), v, "percent", "percent", flags=flags))
    for tm in _TENTHS_ZH.finditer(text):
        n = tm.group("n")
        v = Decimal(5) if n == "半" else Decimal(CN_DIGITS[n] * 10)
        out.append(Quantity(tm.start(), tm.end(), v, "percent", "percent", flags=_flags(arabic=False)))
    for dm in DOUBLED.finditer(text):
        v = _doubled_by(dm.group())
        out.append(Quantity(dm.start(), dm.end(), v, "percent", "percent", flags=_flags(arabic=False)))
    out.sort(key=lambda q: q.start)
    return out


# a figure doubled, tripled, quadrupled: a change of +100 %, +200 %, +300 % (收入翻倍至204亿元,
# 同比增长翻倍, "deliveries more than doubled", "nearly doubling year-on-year"; not "doubled down")
DOUBLED = re.compile(
    # (not one said of what follows it, 翻倍的销量: "the doubled sales")
    r"(?:翻倍|翻番|翻了?一番|翻了?一倍|翻了?两番)(?!的)|\b(?:doubled|tripled|quadrupled)\b(?! down)"
    # (not one with its base after it: "more than doubling last year's tally")
    r"|\b(?:doubling|tripling|quadrupling)\b(?! (?:down|the|last|its|their|that|what|from)\b)"
    # (a headline's present tense before its new level or its comparison: "deliveries double
    # to 83,465 units", "sales triple year-on-year")
    r"|\b(?:doubles?|triples?)(?= (?:to \d|(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy)\b))",
    re.I,
)


def _doubled_by(word: str) -> Decimal:
    """The change in percent a word of :data:`DOUBLED` says: +300 quadrupled (翻两番), +200
    tripled, else +100."""
    w = word.lower()
    return (
        Decimal(300)
        if "两番" in w or w.startswith("quadru")
        else Decimal(200 if w.startswith("tripl") else 100)
    )


# the characters that make 前 "before" (此前, 之前, 日前, 目前, 提前), not "the first"
_BEFORE_QIAN = frozenset("此之日目提先以年月")
# an English ordinal's ending right after a number ("1,000,000th", "6 millionth", "21st")
_ORDINAL_AFTER = re.compile(r"(?:th|st|nd|rd)(?![a-z])", re.I)


def _quantity_at(text: str, m: re.Match) -> Quantity | None:
    """The quantity whose number starts at match ``m``, with its unit or currency and the
    upper end of a range; None for a number that is no quantity (a date part, an ordinal,
    a listing code, a model name, a milestone)."""
    ar = m.group("ar")
    if ar and _DATE_AFTER.match(text, m.end()):
        return None  # a date part (2024年, 12月): the check below, made before any parsing
    if ar and 4 <= len(ar) <= 6 and is_stock_code(text, m.start(), m.end()):
        return None  # a listing code: 理想汽车（2015）, (09868), 1810.HK
    parsed = _number_at(text, m)
    if parsed is None:
        return None
    value, j, more, arabic, has_mag = parsed
    start = m.start()
    # date parts, ordinals and model names are no quantities
    if _DATE_AFTER.match(text, j) and not has_mag:
        return None
    if start > 0 and (text[start - 1] == "第" or (m.group("cn") and text[start - 1] in _WORD_BEFORE_CN)):
        return None  # an ordinal (第一), or a numeral inside a word (唯一, 统一, 同一)
    if _ORDINAL_AFTER.match(text, j):
        return None  # "its 1,000,000th vehicle", "the 6 millionth NEV": a milestone's ordinal
    start, kind, unit, j, prefixed = _unit_around(text, start, j)
    if not arabic and kind is None and not has_mag:
        return None
    if (
        kind in (None, "count")
        and m.start() > 0
        and text[m.start() - 1] == "前"
        and text[m.start() - 2 : m.start() - 1] not in _BEFORE_QIAN
    ):
        return None  # 前50万用了6年: "the first 500,000", a milestone, not a figure (此前10万: "earlier", a figure)
    if kind == "times" and _CHANGE_BEFORE_TIMES.search(text, max(0, start - 6), start):
        kind, unit, value = "percent", "percent", value * 100  # 年增1.26倍: a change of 126 %
    if not arabic and (kind in ("other", "times", "count") or text[j - 1 : j] == "块") and value < 10:
        return None  # 一块 ("a piece"), 两次, 每76秒即一部: words, not figures
    high = None
    revised = text.startswith(" to ", j) and _REVISED_FROM.search(text, max(0, start - 90), start)
    if not CHANGED_BY.search(text, max(0, start - 6), start) and not revised:
        # 上调5万台至105万台: by, then to; "raised … from 500,000 to 580,000": then, now
        value, high, kind, unit, j, has_mag = _range_after(text, j, prefixed, value, kind, unit, has_mag)
    if (
        high is None
        and text[start - 1 : start] == " "
        and text[max(0, start - 8) : start].lower().endswith("between ")
    ):
        value, high, kind, unit, j = _between_and(text, j, value, kind, unit, has_mag)
    return Quantity(
        start,
        j,
        value,
        kind,
        unit,
        high,
        _flags(more, arabic, has_mag, bool(ar and ("," in ar or " " in ar))),
    )


def _unit_around(text: str, start: int, j: int) -> tuple[int, str | None, str | None, int, bool]:
    """The unit after a number at ``[start, j)``, or a currency before it: its new
    ``start``, the kind, the unit, its new end, and whether a currency came before."""
    # a currency before the number (HK$, US$, 人民币); ``$`` in the expression also
    # matches before a line end, hence the ``\n``
    pre = (
        _PREFIX_CCY.search(text[max(0, start - 5) : start])
        if start and text[start - 1] in _PREFIX_LAST
        else None
    )
    kind, unit, k = _unit_at(text, j)
    if pre and kind is None:
        kind, unit = "currency", _PREFIX_CCY_UNIT[pre.group(1).strip()]
        start -= len(pre.group(1))
    elif pre and kind == "currency":
        if text[j:k].strip() == "元":  # 港币234.4元, 美元28元: the currency named before
            unit = _PREFIX_CCY_UNIT[pre.group(1).strip()]
        start -= len(pre.group(1))
    if kind is not None:
        j = k
    return start, kind, unit, j, bool(pre)


def _range_after(
    text: str,
    j: int,
    prefixed: bool,
    value: Decimal,
    kind: str | None,
    unit: str | None,
    has_mag: bool,
) -> tuple[Decimal, Decimal | None, str | None, str | None, int, bool]:
    """A range from the number ending at ``j`` ("20-30万元", "6万至8万辆", "3到5倍", two grouped
    numbers with no unit "560,000-640,000"): the
    low end (scaled by the high end's magnitude when only that has one), the high end or
    None, the kind, the unit, the end and whether it has a magnitude."""
    high = None
    rng = _RANGE_SEP.match(text, j)
    if rng:
        m2 = _NUM.match(text, rng.end())
        if m2 and (m2.group("ar") or m2.group("cn")):
            p2 = _number_at(text, m2)
            if p2 is not None:
                v2, j2, _more2, _ar2, mag2 = p2
                kind2, unit2, k2 = _unit_at(text, j2)
                if prefixed and kind2 is None:
                    kind2, unit2 = kind, unit
                bare_pair = kind is None and kind2 is None and "," in m2.group() and "," in text[j - 7 : j]
                if (
                    bare_pair or (kind2 is not None and (kind is None or kind2 == kind))
                ) and not _DATE_AFTER.match(text, j2):
                    value = _low_scaled(value, v2, m2, has_mag, mag2)
                    if v2 > value:
                        high, kind, unit, j = v2, kind2, unit2, (k2 if kind2 is not None else j2)
                        has_mag = has_mag or mag2
    return value, high, kind, unit, j, has_mag


def _between_and(
    text: str, j: int, value: Decimal, kind: str | None, unit: str | None, has_mag: bool
) -> tuple[Decimal, Decimal | None, str | None, str | None, int]:
    """A range written "between 20 and 30 units", the number ending at ``j`` being its
    first: the low end (scaled by the high end's magnitude when only that has one: "between
    5 and 6 million"), the high end or None, the kind, the unit and the end."""
    high = None
    m2 = _AND.match(text, j)
    n2 = _NUM.match(text, m2.end()) if m2 else None
    p2 = _number_at(text, n2) if n2 and n2.group("ar") else None
    if p2 is not None and n2 is not None:
        v2, j2, _, _, mag2 = p2
        kind2, unit2, k2 = _unit_at(text, j2)
        low = _low_scaled(value, v2, n2, has_mag, mag2)
        if v2 > low and (kind2 == kind or kind2 is None or kind is None):
            value, high, j = low, v2, (k2 if kind2 is not None else j2)
            if kind2 is not None:
                kind, unit = kind2, unit2
    return value, high, kind, unit, j


_AND = re.compile(r" and ")


def _low_scaled(value: Decimal, high: Decimal, m2: re.Match, has_mag: bool, mag2: bool) -> Decimal:
    """The low end of a range scaled by the high end's magnitude when only that has one
    ("20-30万", "between 5 and 6 million"): ``value`` times ``high`` over the high end as
    written (``m2``, its Arabic figures); ``value`` when it has its own, or no factor can be
    told ("20-0万")."""
    if not mag2 or has_mag or not m2.group("ar"):
        return value
    bare = parse_number(m2.group("ar"))
    return value * (high / bare) if bare else value
