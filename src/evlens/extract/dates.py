"""Time expressions in normalised text, resolved to evlens periods.

Resolution follows the way articles are written: a month or day without a year belongs
to the *last year named* before it in the text (``2024年4月 ... 同年12月`` is 2024-12);
before any year is named, to the article's year (or the year before, when that would put
the date after the article). ``今年``/``this year`` is the article's year, ``去年``/``last
year`` the one before. A month range whose end names a later year starts in the year
before (``从10月到2025年1月`` is 2024-10..2025-01). ``年底``/``月底``/``end of`` and ``截至``/
``as of`` give a day (a level or running total as of that day); ``年初`` gives the year.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from ..periods import parse_period
from .quantities import EN_NUMBER_WORDS, is_stock_code, parse_cn_number

_CN_M = "一二三四五六七八九十"
_M = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[{_CN_M[:9]}])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
# a year written with two digits before a time of it (25年Q1, 24年全年, 23年上半年, 25年3月)
_SHORT_YEAR = (
    r"(?<![\d.])(?:1[5-9]|2\d)(?=年(?:全年|[上下]半年|Q[1-4]|第?[一二三四1-4]季|(?:1[0-2]|0?[1-9])月|前三季))"
)
_YEAR_WORD = rf"(?P<y>(?:19|20)\d{{2}}|{_SHORT_YEAR})(?:年|(?=全年|财年|财政年度))|(?P<rel>同年|当年|今年(?!以来)|去年|明年|(?<![目之提])前年|本年|上一?年)"  # 目前年产能: not 前年


def _year_digits(y: str) -> int:
    """The year a ``y`` group names: four digits as written, two in this century (``25`` → 2025)."""
    n = int(y)
    return n + 2000 if n < 100 else n


# 此前, 之前, 以前, 提前 ("before", "earlier"): 此前7月 is "in July before", not the first
# seven months
_BEFORE = "[此之以提向从往当眼目事]"
# The characters a Chinese time expression can start with (see the look-ahead below):
# one test that turns away most positions before the long alternation is tried.
_ZH_LEAD = r"(?=[0-9一二三四五六七八九十同当今去明前首头本上第Q下周星礼年全截从到至目昨次隔翌如中报期季财])"
_ZH = re.compile(
    _ZH_LEAD  # (before the look-behinds: at most positions it fails, and they are not tried)
    + r"(?<!连续)(?<!连续第)"
    + rf"(?=(?:19|20)\d\d(?:年|全年|财年|财政年度)|{_SHORT_YEAR}|"
    r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月|同年|当年|今年|去年|明年|前年|本年|上一?年"
    r"|第?[一二三四1-4]季度|第[一二三四1-4]季|[一二三四]季(?=(?:纯利|盈利|净利|收入|营收|业绩|亏损|交付|销量|营业额|经调整|报))|[上下]一?季|本季|今季|当季|首季|次季|季内|季度(?=成绩单|财报|业绩)|Q[1-4]|[上下]半年|[前首头][两二三四五六七八九十\d]{1,2}个?月|[前首][三两二32]个?季|(?:1[0-2]|0?[1-9])[-~—至到](?:1[0-2]|0?[1-9])月|(?:周|星期|礼拜)[一二三四五六日天]"
    r"|年内|今年以来|年初至今|今日|今天|当日|当天|目前|当前|昨日|昨天|昨(?=[一收跌升涨报晚早午盘])|隔晚|次日|隔日|翌日|如今|本月|当月|上个?月|下个?月|上一?周(?![一二三四五六日天])|前一周|年底|年末|年初|全年|截至|截止|从|到|至"
    # (a bare 年度 before what a year is counted in: 公司设定的年度销量为44万辆, 年度目标)
    r"|(?<![\d年财半])年度(?=销量|销售|交付|目标|营收|收入|净利|出口|产量|总销量)"
    r"|中期(?=业绩|盈利|纯利|净利|收入|营收|营业额|亏损|报告)|报告期|(?<![预短长同近中假学任刑限定到周工日星])期内)"
    rf"(?P<asof>截至|截止到|截止|截止至|到|至)?"
    rf"(?:{_YEAR_WORD})?"
    rf"(?:"
    rf"(?:从)?(?P<m1>{_M})(?:月份?|(?=[-~—至到]))(?:到|至|-|~|—)(?:(?P<y2>(?:19|20)\d{{2}})年)?(?P<m2>{_M})月份?(?:之间|间)?"
    rf"|(?<!{_BEFORE})(?P<qrange>[前首][三两二32]个?季度?)"
    rf"|(?<!{_BEFORE})[前首头](?P<fm>十一|[两二三四五六七八九十]|1[01]|[2-9])个?月"
    rf"|(?P<zref>报告期内?|(?<![预短长同近中假学任刑限定到周工日星])期内)"
    rf"|(?P<zdm>{_M})月(?P<zd1>{_D})[日号]?(?:-|~|—|至|到) ?(?:(?P=zdm)月)?(?P<zd2>{_D})[日号]"
    rf"|(?P<zdx1>{_M})月(?P<zdxd1>{_D})[日号] ?(?:-|~|—|至|到) ?(?P<zdx2>{_M})月(?P<zdxd2>{_D})[日号]"
    rf"|(?P<zweek>上一?周|前一周)"
    rf"|(?P<zwm>{_M})月第(?P<zwn>[一二三四五1-5])周"
    # the n-th week of a year, with its days in brackets or without (2024年第二周(1.8-1.14), 2024年首周)
    rf"|(?<=年)(?:第(?P<zyw>[一二三四五六七八九十]{{1,3}}|[1-9]\d?)|(?P<zyw1>首))周"
    rf"(?:[(（](?P<zywm1>1[0-2]|0?[1-9])\.(?P<zywd1>{_D})[-~—至](?P<zywm2>1[0-2]|0?[1-9])\.(?P<zywd2>{_D})[)）])?"
    rf"|(?P<wd>(?:周|星期|礼拜)[一二三四五六日天])"
    rf"|(?P<today>今日|今天|当日|当天|目前|当前|如今|昨日|昨天|昨(?=[一收跌升涨报晚早午盘])|隔晚|(?<!首)次日|隔日|翌日)"
    rf"|(?P<ytd>(?<![一二两三四五六七八九十\d几数多])年内|今年以来|年初至今)"  # (三年内: within three years)
    rf"|(?P<relm>本月|当月|上个?月|(?<![创拿立定写留打签接])下个?月)"
    rf"|(?P<relq>[上下]一?季度?|本季度?|今季度?|当季度?|首季度?|次季(?!度)|(?<![一二两三四五六七八九十\d几数多第])季内"
    # a quarterly report named without its quarter (交出了一份季度成绩单): the quarter reported
    rf"|(?<![一二两三四五六七八九十\d几数多第上下本今当首次单])季度(?=成绩单|财报|业绩))(?![节])"
    rf"|(?:第)?(?P<q>[一二三四1-4])季度|(?:第|(?<![前首续近这每去几两二三四五六七八九十\d])(?=[一二三四]季(?:纯利|盈利|净利|收入|营收|业绩|亏损|交付|销量|营业额|经调整|报)))(?P<q2>[一二三四1-4])季(?![节度])"
    rf"|(?<=年)(?P<lastq>最后三个月|最后一个季度|最后一季度?)"
    rf"|(?<=年)H(?P<hh>[12])(?!\d)"
    rf"|(?P<interim>中期|(?<=年)半年度?)(?=业绩|盈利|纯利|净利|收入|营收|营业额|亏损|报告|财报|报)"
    rf"|Q(?P<qq>[1-4])"
    rf"|(?P<h>[上下])半年"
    rf"|(?<![A-Za-z])(?P<m>{_M})月(?:(?P<d>{_D})[日号]|(?P<mend>底|末|份?底)|(?P<mstart>初)|份)?"
    # a year from its start to its end (2024年年初至年末): the whole year
    rf"|(?P<ywhole>(?:年|(?<=年))初(?:至|到)年[末底])"
    rf"|(?P<yend>年底|年末|底|末)"
    rf"|(?P<ystart>年初)"
    rf"|(?P<full>全年|年度|财年|财政年度|年)"
    rf")?"
)

_EN_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# English ordinals (a quarter's up to the fourth; a month's of the year up to the twelfth)
EN_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
# What an English time expression can start with (a superset, checked before the long
# alternation below so that most word starts fail at once): a capital (month, weekday,
# Q1, H1), a day and a space, a year, 1st to 4th, a lower-case lead word, or an "as of"
# word in any case.
_EN_LEAD = (
    r"(?=[JFMASONDTWQHBY]|\d\d? |(?:19|20)\d\d|[1-4](?:st|nd|rd|th)|[1-4][QH]\d\d|\d\d[QH][1-4]|from |between |the |first|second|third|fourth|on |last |in the year|year"
    r"|this |next |so far|full|whole|since |currently|today|yesterday|(?i:as |by |through |up to |at |end|last |this |next |so far|year|semi|interim|half-year))"
)
# What the alternatives below can start with, tighter than :data:`_EN_LEAD` where it lets
# many positions through: a number (a day before a month, 1st to 4th before "quarter", an
# analyst's 4Q24 or 1H25, a year not glued to a Han character) or a capital (a month, a weekday, Q1, H1, a lead word
# in any case). Checked after it, so that a figure ("500 vehicles", "2024年") or a name
# ("Hang Seng", "Model Y") fails before the long alternation is tried.
_EN_NEXT = (
    r"(?=[a-z]|\d\d?(?:st|nd|rd|th)? [A-Z]|[1-4](?:st|nd|rd|th)[ -][Qq]|[1-4][QH]\d\d|\d\d[QH][1-4]|(?:19|20)\d\d(?![\u4e00-\u9fff])"
    r"|Q[1-4]|H[12]|W\d|FY|YTD|(?i:as |at |by |through|up to |end|from |between|week|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|first|second|third|fourth|last|the |this|next|year|so far|since|quarter|mon|tue|wed|thu|fri|sat|sun|interim|full|whole))"
)
_EN = re.compile(
    r"(?=[A-Za-z\d])(?<![A-Za-z])"
    + _EN_LEAD
    + _EN_NEXT
    + rf"(?P<asof>(?i:\bas of |\bas at |\bby the end of |\bby |\bthrough |\bup to |\bat the end of |\bend-|\bend of ))?"
    rf"(?:"
    # analysts' shorthand: 4Q24 (the fourth quarter of 2024), 1H25 (the first half of
    # 2025), 2024/12 (December 2024)
    # (an E after it marks a broker's estimate for that span: 4Q21E)
    rf"(?P<bq>[1-4])(?P<bqh>[QH])(?P<bqy>\d\d)E?(?![\dA-Za-z])"
    # (and the year first, as Chinese brokers write it: 23Q3, 25H1)
    rf"|(?<![\dA-Za-z])(?P<byq>\d\d)(?P<byqh>[QH])(?P<byqn>[1-4])E?(?![\dA-Za-z])"
    rf"|(?P<bym>(?:19|20)\d\d)/(?P<bymm>1[0-2]|0?[1-9])(?![\d/])|"
    # a range; "and" joins one only after "between" ("in April and May" names two months)
    rf"(?:(?i:from )|(?P<btw>(?i:between) ))?(?P<em1>{_MON})(?: (?P<ey1>(?:19|20)\d{{2}}))? ?(?:(?(btw)and|(?!))|to|through|-|–) ?(?P<em2>{_MON})(?:,? (?P<ey2>(?:19|20)\d{{2}})| (?P<erng>this year|last year))?\b"
    # (days of two months: "from May 27 to June 2", "between … and …", "May 27 – June 2")
    rf"|(?:(?i:from )|(?P<btwd>(?i:between) ))?(?P<edx1>{_MON}) (?P<edxd1>{_D})(?:st|nd|rd|th)? ?(?:(?(btwd)and|(?!))|to|through|-|–) ?(?P<edx2>{_MON}) (?P<edxd2>{_D})(?:st|nd|rd|th)?(?:,? (?P<edxy>(?:19|20)\d{{2}}))?\b"
    rf"|(?:(?i:from |between ))?(?P<edr>{_MON}) (?P<edr1>{_D})(?:st|nd|rd|th)? ?(?:to|through|-|–|and) ?(?P<edr2>{_D})(?:st|nd|rd|th)?(?:,? (?P<edry>(?:19|20)\d{{2}}))?\b(?! ?(?:{_MON}|%|,\d))"
    # a week of the year by its number ("the 22nd week of the year", "W22", "Week 22 last year")
    rf"|(?i:the )(?P<ewko>[1-5]?\d)(?:st|nd|rd|th) (?i:week) of (?:the year|this year|(?P<ewky>(?:19|20)\d{{2}}))\b"
    rf"|(?<![A-Za-z\d])(?:W|(?i:week) )(?P<ewk>[1-5]?\d)(?![\dA-Za-z%]|[,.]\d| ?(?i:percent|per cent|units|vehicles))(?P<ewkl> (?i:last year))?"
    rf"|(?:the )?(?P<ewn>(?i:first|second|third|fourth|last))(?: full)? (?i:week) of (?P<ewm>{_MON})(?: (?P<ewy>(?:19|20)\d{{2}}))?"
    rf"|(?P<eweek>(?i:last week|the previous week|the week before|the past week))\b"
    rf"|(?P<emd>{_MON}) (?P<ed>{_D})(?:st|nd|rd|th)?(?:,? (?P<edy>(?:19|20)\d{{2}}))?\b"
    rf"|(?P<ed2>{_D})(?:st|nd|rd|th)? (?P<emd2>{_MON})(?: (?P<edy2>(?:19|20)\d{{2}}))?\b"
    # a quarter named by its last month ("the June quarter", "the December quarter of 2024")
    rf"|(?<=the )(?P<eqmon>(?i:march|june|september|december))[ -](?i:quarter)(?:,? (?:of )?(?P<eqmy>(?:19|20)\d{{2}}))?\b"
    rf"|(?P<em>{_MON})(?:,? (?P<emy>(?:19|20)\d{{2}})| (?:(?i:of) )?(?P<emrel>(?i:this year|last year)))?\b"
    rf"|(?:the )?(?P<eq>(?i:first|second|third|fourth)|1st|2nd|3rd|4th)[ -](?i:quarter)(?: \((?i:q)[1-4]\))?(?:(?: of|,)? (?P<eqy>(?:19|20)\d{{2}})(?!\d|,\d|\.\d|%)| of (?P<eqrel>this|last|next) year)?"
    rf"|\bQ(?P<eqq>[1-4])(?:(?:[ -]?| of )(?P<eqqy>(?:19|20)\d{{2}}))?\b"
    rf"|\b(?i:quarter) (?P<erq>IV|I{{1,3}})\b(?: (?P<erqy>(?:19|20)\d{{2}}))?"
    # (after a Han character too: 配送2023 Q3, where \\b finds no edge)
    rf"|(?<![\dA-Za-z])(?P<eqqy2>(?:19|20)\d{{2}}) ?Q(?P<eqq2>[1-4])\b"
    rf"|(?<![\dA-Za-z])(?P<ehhy2>(?:19|20)\d{{2}}) ?H(?P<ehh2>[12])\b"  # (2025 H1, a table's column)
    rf"|(?:the )?(?P<eh>(?i:first|second))[ -](?i:half)(?:(?: of|,)? (?P<ehy>(?:19|20)\d{{2}})(?!\d|,\d|\.\d|%)| of (?P<ehrel>this|last|next) year)?"
    # a half-year report ("BYD's semi-annual financial report in 2025", "2025 interim results")
    rf"|(?:(?P<esay>(?:19|20)\d{{2}}) )?(?P<esa>(?i:semi ?- ?annual|half-year(?:ly)?|interim))(?= (?:financial )?(?:report|results|earnings))(?: (?:financial )?(?:report|results|earnings) (?:in|for|of) (?P<esay2>(?:19|20)\d{{2}})(?!\d|,\d|\.\d|%))?"
    rf"|\bH(?P<ehh>[12])(?: (?P<ehhy>(?:19|20)\d{{2}}))?\b"
    rf"|(?:on |last )?(?P<ewd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)\b"
    rf"|the (?P<eom>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) month of (?:this year|the year|(?P<eomy>(?:19|20)\d{{2}}))\b"
    rf"|the first (?P<efm>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]) months(?: of (?:the year|this year|(?P<efmy>(?:19|20)\d{{2}})))?"
    rf"|the (?:last|past) (?P<elm>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[0-2]) months\b"
    rf"|the first (?P<efq>two|three|2|3) quarters(?: of (?:the year|this year|(?P<efqy>(?:19|20)\d{{2}})))?"
    rf"|(?P<einy>in the year)\b(?!-)"
    rf"|(?P<eyend>year-end|the year(?! so far)(?<!for the year(?= (?:have|has) now\b| now\b)))\b(?!-)"
    rf"|(?P<efull>(?i:full-year|full year|the full year|the whole year|whole-year|fiscal year)|FY)(?: ?(?P<efully>(?:19|20)\d{{2}})(?!\d|,\d|%|\.\d))?\b"
    rf"|(?P<eago>the (?:year-ago|year-earlier|prior-year) (?:quarter|period|month|half)(?: last year| a year ago)?"
    rf"|the (?:same|corresponding) (?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])-month )?(?:quarter|period|month|half) (?:last year|a year (?:ago|earlier)|(?:of |in )?(?:last|the previous|the prior) year|(?:of|in) (?P<eagoy>(?:19|20)\d{{2}})(?!\d|,\d|%|\.\d)))\b"
    rf"|(?P<eprevq>(?i:the (?:previous|prior|preceding) quarter))\b"
    rf"|(?P<ecurq>(?i:the current quarter|this quarter|the present quarter|the ongoing quarter|the next quarter|next quarter|the coming quarter|(?<!the )last quarter(?! of)))\b"
    rf"|(?P<eref>the (?:quarter|three months|six months|same period|month|period)|(?:this|that) period)\b"
    rf"|(?P<enow>currently|today)\b"
    rf"|(?P<erelm>(?i:last month|this month|next month))\b"
    rf"|(?P<erel>(?i:last year|this year|next year))\b"
    rf"|(?P<eytd>(?i:year to date|year-to-date|YTD|so far this year|the year so far|so far in (?P<eytdy>(?:19|20)\d\d)"
    # (a total for the year said to stand now: "total sales for the year have now skyrocketed to")
    r"|(?<=for )the year(?= (?:have|has) now\b| now\b)"
    r"|since the (?:start|beginning) of the year"
    r"(?: (?:till|to|until|through) (?:the end of )?(?P<eytdm>January|February|March|April|May|June|July|August|September|October|November|December)(?:[ -]end)?)?))\b"
    # (a comma before it after a digit makes it a piece of a number; after a word it is
    # a clause's start: 招股書顯示,2016、2017年)
    # (not a model year: "the Aito M9 2025 edition", "its 2026 version")
    rf"|(?<![\d.$])(?<!\d,)(?P<ey>(?:19|20)\d{{2}})(?!\d|,\d|%|\.\d|[\u4e00-\u9fff]| (?i:edition|version|model year)\b)"
    rf")"
)


class PeriodMention(NamedTuple):
    """A time expression: its extent ``[start, end)`` in normalised text and its period."""

    start: int
    end: int
    period: str
    kind: str  # year | half | quarter | month | day | range
    asof: bool = False  # 截至 / as of: a level or running total as of the day
    year_start: bool = False  # 年初: "the start of the year"
    months: tuple[str, ...] = ()  # for a range of months, each month
    local: bool = False  # 去年同期: the time of its own clause only


def _month(s: str) -> int:
    return int(s) if s.isdigit() else int(parse_cn_number(s))


def _q(s: str) -> int:
    return int(s) if s.isdigit() else "一二三四".index(s) + 1


def _month_end(y: int, m: int) -> str:
    return date(y, m, calendar.monthrange(y, m)[1]).isoformat()


@lru_cache(maxsize=1024)
def _range(y1: int, m1: int, y2: int, m2: int) -> tuple[str, tuple[str, ...]]:
    """The range ``YYYY-MM..YYYY-MM`` from ``y1-m1`` to ``y2-m2`` and each month in it
    (at most 36); cached, as articles name the same ranges again and again."""
    months: list[str] = []
    y, m = y1, m1
    while (y, m) <= (y2, m2) and len(months) < 36:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{months[0]}..{months[-1]}", tuple(months)


def year_to_month(y: int, m: int) -> tuple[str, tuple[str, ...]]:
    """The months of year ``y`` through month ``m``: the range and each month in it."""
    return _range(y, 1, y, m)


_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_NUMS = {w: n for w, n in EN_NUMBER_WORDS.items() if 2 <= n <= 11}


# a time opening or closing a table cell ("| 2023 H1 |")
_NO_CELL = -1  # (no table cell open)
_TABLE_CELL_BEFORE = re.compile(r"\| ?$")
_TABLE_CELL_AFTER = re.compile(r" ?\|")


# a list item's bullet opening a line
_ITEM_LINE = re.compile(r"[ \t]*[•·▪●◦]")


def _items_under(text: str, a: int, b: int) -> bool:
    """Whether the lines from the one after ``a``'s up to ``b``'s are all items of a list
    (opening with a bullet): the list under the paragraph at ``a``, or its next items."""
    lines = [ln for ln in text[text.find("\n", a) + 1 : b].split("\n") if ln.strip()]
    return bool(lines) and all(_ITEM_LINE.match(ln) for ln in lines)


class _Context:
    def __init__(self, today: date | None, dated: bool = True) -> None:
        self.today = today
        self.dated = dated  # whether ``today`` is the article's own date (not a stand-in)
        self.year: int | None = None
        self.stale = False  # the year is past and was named in a paragraph before
        self.week: date | None = None  # the Monday of the week last named
        self.day: str | None = None  # the latest day named so far
        self.day_end = 0  # and where it ends
        self.named_day: tuple[str, int] | None = None  # the day named last, and where it ends
        self.day_years: dict[str, int] = {}  # the year of each day (MM-DD) named so far
        self.month: str | None = None  # the last month named
        self.month_end = 0  # and where it ends
        self.spans: dict[str, tuple[str, str]] = {}  # kind (and "last") -> the last span of it named
        self.text = ""  # the text, and where the time being resolved starts in it
        self.at = 0
        self.cell_year: int | None = _NO_CELL  # the year spoken of before a table cell's first time

    @property
    def ahead(self) -> bool:
        """Whether the time being resolved follows a word about the future."""
        return _follows_future_word(self.text, self.at)

    def note_paragraph(self, text: str, last_end: int, a: int, b: int) -> None:
        """Mark the year named last as stale when a paragraph break stands between it and
        the time at ``[a, b)`` and it is before the article's year; a time naming a year
        makes it fresh again. Items of a list (``• January (10,055)``) under the paragraph
        that named it keep it. A time opening a table cell ("| 2023 H1 |") notes the year
        spoken of before it, which the cell's last time gives back (:func:`_note_period`)."""
        if _TABLE_CELL_BEFORE.search(text, max(0, a - 3), a):
            self.cell_year = self.year
        past = self.year is not None and self.today is not None and self.year < self.today.year
        if past and "\n" in text[last_end:a] and not _items_under(text, last_end, a):
            self.stale = True
        if _NAMES_YEAR.search(text, a, b):
            self.stale = False

    def weekday(self, wd: int) -> str | None:
        """The latest such weekday on or before the article's date."""
        if self.today is None:
            return None
        return (self.today - timedelta(days=(self.today.weekday() - wd) % 7)).isoformat()

    def rel(self, word: str) -> int | None:
        base = self.today.year if self.today else self.year
        if word in ("同年", "当年", "本年", "次年"):
            y = self.year if self.year is not None else (self.today.year if self.today else None)
            return None if y is None else (y + 1 if word == "次年" else y)
        if base is None:
            return None
        return {
            "今年": base,
            "this year": base,
            "去年": base - 1,
            "上年": base - 1,
            "上一年": base - 1,
            "last year": base - 1,
            "a year earlier": (self.year or base) - 1,
            "a year ago": base - 1,
            "明年": base + 1,
            "next year": base + 1,
            "前年": base - 2,
        }.get(word)

    def rel_month(self, word: str) -> str | None:
        """本月 / this month, 上月 / last month, 下月 / next month against the article's date
        (a stand-in's: against the day named before it in its sentence, if any); 当月 ("that
        month") is the month named last, else the article's."""
        if word == "当月" and self.month is not None:
            return self.month
        base = self.today
        if (
            not self.dated
            and self.day is not None
            and not _SENTENCE_MARK.search(self.text, self.day_end, self.at)
        ):
            # a stand-in date: against the day named before it in its sentence (12月25日,…宣布,截至本月)
            base = date.fromisoformat(self.day)
        if base is None:
            return None
        step = -1 if word[0] in "上l" else 1 if word[0] in "下n" else 0
        y, m = base.year, base.month + step
        if m == 0:
            y, m = y - 1, 12
        elif m == 13:
            y, m = y + 1, 1
        return f"{y:04d}-{m:02d}"

    def for_month(self, m: int, d: int = 1) -> int | None:
        """The year of a month (and day) named without one: the last year named, else the
        latest such day on or before the article's date, or, in a sentence about what is
        to come (:attr:`ahead`), the first such month from the article's month on (and with
        the article's own year named last, a month of it more than four months off is last
        year's); in a text dated by a stand-in, a day up to 14 days after it is of its year. A past
        year named in an earlier paragraph (:attr:`stale`: "rising over 1,100% in 2020",
        then a new paragraph's "delivered 20,041 vehicles in November") names no year
        for it."""
        if self.year is not None and not self.stale:
            t = self.today
            if self.dated and t is not None and self.year == t.year and m > t.month + 4 and not self.ahead:
                # the article's year named, then a month of it far from come ("fourth-quarter"
                # in January): the last such (a near month may be a stand-in date's error)
                return self.year - 1
            return self.year
        if self.today is None:
            return None
        y = self.today.year
        if self.ahead:  # this month still counts as ahead
            return y + 1 if m < self.today.month else y
        # (a stand-in date is the least the article's can be: a day named a few days after it,
        # 財報發布后的11月26日 after a release on 11月25日, is of its year)
        if (
            not self.dated
            and d > 1
            and _safe_day(y, m, d) is not None
            and self.today < date(y, m, d) <= self.today + _DAYS_PAST_STAND_IN
        ):
            return y
        return y - 1 if (m, d) > (self.today.month, self.today.day) else y


_DAYS_PAST_STAND_IN = timedelta(days=14)


def _safe_day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


# Words that put what follows them in the future ("expects to deliver in July", "将于7月交付"),
# looked for in the 60 characters before a time, within its sentence.
_FUTURE_WORDS = (
    r"将于|即将|预计|预期|计划|展望|有望|目标|力争|争取|剑指"
    # (a broker's price target is no word of the future: "lowering its price target to RMB144.30")
    r"|\b(?:expects? to|expected to|will|plans? to|aims? to|set to|due to|(?<!price )targets?|targeting|goal|looking ahead)\b"
)
_FUTURE = re.compile(_FUTURE_WORDS, re.I)
_COMPARED = re.compile(
    r"same (?:period|month|quarter|time) $|(?:from|over|than|versus|vs\.?|compared (?:with|to)) $"
)
# a figure a title was won by, right before its time ("以89611辆成为12月交付冠军": the month's figure)
_TITLE_BY_FIGURE = re.compile(
    r"以[^，,。；;]{0,12}(?:辆|台|万|亿|元)(?:的成绩|的销量|的交付量)?(?:成为|夺得|拿下|获得|登上|位居|位列)$"
)
# a time that names when a title was held ("2024年新势力销冠", "前年的销量冠军")
_RANK_AFTER = re.compile(
    r"(?:的)?(?:年度|月度)?(?:新势力|国内|中国|全球)?(?:销量|交付)?(?:冠军|销冠|榜首|亚军|季军)"
    # a time something was born or founded (2021年12月诞生的问界): no figure's time
    r"|(?:正式)?(?:诞生|成立|创立|创办|问世|面世)"
)
# a year a rank is held in ("its first 40,000+ month in 2025", "the best month of 2025",
# "for the first time in 2024"): the scope of the rank, no figure's time
_RANK_SCOPE_BEFORE = re.compile(
    r"\b(?:first|best|highest|lowest|biggest|largest|strongest|weakest|worst|busiest|record"
    r"|steepest|sharpest|deepest|fastest|slowest|smallest)\b"
    r"(?:[^.,;:!?\n]|(?<=\d)[.,](?=\d)){0,30}?"
    r"(?:\b(?:month|week|quarter|time)s? (?:so far )?(?:in|of|for|this) (?:the )?"
    # ("the steepest drop since the company's 2020 U.S. listing": an event's year)
    r"|\bsince (?:[\w.'’]+ ){0,3})$",
    re.I,
)
_COMPARED_YEAR = re.compile(
    r"(?:same (?:period|month|quarter|time) of|than in|than|compared with|compared to|versus|from|on|over|behind) $"
    # "an 18 percent rise from its performance in 2022"
    r"|\b(?:from|over|than|compared (?:with|to)) (?:its|their|the) (?:performance|level|result|results|total|figure)s? (?:in|of) $"
    # "a loss of $0.45 per share, more than double its loss in 2022"
    r"|\b(?:double|triple|twice|half) (?:its|their|the) (?:loss|losses|profit|revenue|sales|deliveries) (?:in|of) $"
)
# an ordinal quarter and a word or two of what it is before "in" and a year
_QUARTER_THEN_YEAR = re.compile(r"\b(first|second|third|fourth)[ -]quarter(?: [a-z&'’-]+){1,2} in $", re.I)
# a month's own figure after it ("July's 67,886 units")
_OWN_FIGURE_EN = re.compile(r"['’]s (?:[a-z-]+ ){0,2}(?:\$|rmb ?|us\$)?\d", re.I)
_QUARTER_AFTER = re.compile(r" quarter\b")
# a running total named earlier in the sentence ("cumulative deliveries now stand at … through")
_CUMULATIVE_BEFORE = re.compile(r"\bcumulative(?:ly)?\b[^.;!?\n]*$", re.I)
_COMPARED_MONTH_EN = re.compile(rf"(?:than|from|compared (?:with|to)|versus|over)(?: in)? {_MON} $", re.I)


# a time's figure a change is measured against: "more than doubling last year's tally",
# "topping October's figure"
_BASE_VERB_BEFORE = re.compile(
    r"\b(?:doubl|tripl|quadrupl|exceed|surpass|beat|topp|eclips|outpac|match)[a-z]*"
    r"(?: (?:the|its|their))? $",
    re.I,
)
_POSSESSIVE_FIGURE_AFTER = re.compile(
    r"['’]s? (?:tally|total|figure|level|result|volume|number|mark|record|count)s?\b", re.I
)


def _possessive_base(text: str, a: int, b: int) -> bool:
    """Whether the English time at ``[a, b)`` names, in the possessive, the figure a change is
    measured against ("more than doubling last year's tally")."""
    return bool(_POSSESSIVE_FIGURE_AFTER.match(text, b) and _BASE_VERB_BEFORE.search(text, max(0, a - 30), a))


@lru_cache(maxsize=1)
def _compared_before() -> re.Pattern:
    """Matches, at the end of the 60 characters before an English time, a comparison word
    and what may stand between it and the time (``[compared] en`` in ``lexicon.toml``)."""
    import tomllib
    from importlib import resources

    lex = tomllib.loads(
        resources.files("evlens.extract").joinpath("lexicon.toml").read_text(encoding="utf-8")
    )
    words = "|".join(re.escape(w) for w in sorted(lex["compared"]["en"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:{words})(?: both)?(?: (?:the )?(?:\$|rmb ?|us\$)?[\d][\d,.]*%?(?: (?:million|billion|thousand))?"
        rf"(?: (?:units|vehicles|cars|evs|deliveries|nevs))?(?: (?:delivered|sold|recorded|reported|posted))?)?"
        rf"(?: (?:in|during|of|for))?(?: the)?(?: same (?:period|month|quarter|time)(?: of| in)?)? $",
        re.I,
    )


@lru_cache(maxsize=1)
def _compared_words() -> tuple[str, ...]:
    """The first words of the ``[compared] en`` list, lower-cased (a quick test before
    :func:`_compared_before`)."""
    import tomllib
    from importlib import resources

    lex = tomllib.loads(
        resources.files("evlens.extract").joinpath("lexicon.toml").read_text(encoding="utf-8")
    )
    return tuple(sorted({w.split()[0].lower() for w in lex["compared"]["en"]}))


_NAMES_YEAR = re.compile(r"(?<!\d)(?:20\d\d|\d\d ?年)")
_SENTENCE_MARK = re.compile(r"[。！？!?；;\n]|\. ")


_PLAN_AFTER = re.compile(r"^.{0,8}?(?:目标|计划|规划|指引|target|goal|plan|guidance)", re.I)


# a year named as a start, a founding or a rough past time ("since its establishment in 2014",
# "In early 2021", 成立于2014年, 自2014年): no context for the months and quarters after it
# after 今年: the year so far (今年迄今, 今年至今)
_SO_FAR = re.compile(r"迄今|至今")
# a record a span since a time sets (创下2020年以来最大跌幅, 创2022年以来最差季度表现)
_RECORD_AFTER = re.compile(r"的?(?:最|新高|新低|首次|首度)")
# what may follow a year a span starts from (自2021年以来, 自2010年上市以来)
_SINCE_AFTER = re.compile(r"[^，。；,;\d]{0,6}?以来")
_NO_CONTEXT_BEFORE = re.compile(
    r"(?:\bsince\b|\bfounded\b|\bestablish\w*|\bin (?:early|late|mid)-?|成立|创立|创办)[^.;,，。；]{0,20}$",
    re.I,
)


def _plan_year(text: str, a: int, b: int, year: int, today: date | None) -> bool:
    """Whether the year at ``[a, b)`` is a plan's: a target word just after it
    (``2026年的销量目标``), or a year after the article's with a word about the future
    before it in its sentence."""
    if _PLAN_AFTER.match(text[b : b + 24]) is not None:
        return True
    return today is not None and year > today.year and _follows_future_word(text, a)


def _follows_future_word(text: str, at: int) -> bool:
    start = max(0, at - 60)
    window = text[start:at]
    last = max((m.end() for m in _SENTENCE_MARK.finditer(window)), default=0)
    # (the words are sought in the text itself, so that what stands before the window counts:
    # "price target", cut to "target", is no word of the future)
    return any(
        not _GOAL_MET.search(window, max(0, m.start() - start - 24), m.start() - start)
        for m in _FUTURE.finditer(text, start + last, at)
    )


# a goal being met or reached (为完成年度目标做最后冲刺, 实现全年目标), or a share of it or a miss
# ("Delivers Only 63% of Target, Q3 Net Loss …", "missed its annual goal"): nothing after it is to come
_GOAL_MET = re.compile(
    r"(?:完成|实现|达成|达到)(?:了|其)?(?:年度|全年|今年|全年销量|年销量|年度销量|销量|交付)?$"
    r"|(?:%|\bpercent|\b(?:achieved|met|hit|reached|miss(?:ed|es)?|short|exceeded|beat|surpassed))"
    r" (?:of )?(?:its |the |their )?(?:annual |full-year |yearly |sales |delivery )?$",
    re.I,
)


def find_periods(text: str, today: date | None = None, dated: bool = True) -> list[PeriodMention]:
    """Every time expression in normalised ``text``, resolved left to right (``dated``:
    whether ``today`` is the article's own date, not one inferred from its text)."""
    ctx = _Context(today, dated)
    ctx.text = text
    found = _time_matches(text)
    out: list[PeriodMention] = []
    last_end = 0
    for a, b, g, lang in found:
        ctx.at = a
        ctx.note_paragraph(text, last_end, a, b)
        last_end = b
        compared = _compared_time(text, a, b, g, lang, out)
        year = ctx.year
        try:
            pm = _resolve_zh(a, b, g, ctx) if lang == "zh" else _resolve_en(a, b, g, ctx)
        except (ValueError, KeyError, IndexError):
            pm = None
        pm = _first_month(pm, text)  # 2025年下半年首份月销量榜单: the list of July
        if pm is not None and pm.kind == "day" and (ended := _SPAN_ENDED_ZH.match(text, pm.end)):
            pm = _months_ended(pm, ended)  # 截至2025年6月30日止六个月: the first half
        elif (
            pm is not None
            and pm.kind in ("day", "month")
            and (ended := _SPAN_ENDED_EN.search(text, max(0, a - 40), a))
        ):
            # "for the quarter ended on September 30th", "the six months ended June 30, 2025",
            # "the three months that ended in September"
            pm = _months_ended(pm, ended)._replace(start=ended.start(), end=pm.end)
            while out and out[-1].end > ended.start():
                out.pop()  # ("the year" of "the year ended December 31, 2025": one time)
        if pm is not None and (
            (_RANK_AFTER.match(text, pm.end) and not _TITLE_BY_FIGURE.search(text, max(0, a - 24), a))
            or (pm.kind == "year" and lang == "en" and _RANK_SCOPE_BEFORE.search(text, max(0, a - 60), a))
        ):
            ctx.year = year
            continue  # 2024年新势力销冠理想汽车, 前年销量冠军, 2021年12月诞生: a title held then, a birth
        if pm is not None and (
            compared or _year_before_last(ctx, pm, text[a:b]) or _compared_list(out, text, a, b)
        ):
            # "down 24.1% from 47,800 units in June 2024", "三季度的毛利率为14.5%，2024年第三季度
            # 为8.1%": the time compared with serves its own clause only and names no year
            # for the months after it
            ctx.year = year
            pm = _before_the_last(pm._replace(local=True), ctx, text[a:b])
        if pm is not None and _years_part(out, pm, text, a):
            pm = pm._replace(start=out.pop().start)  # "last year's third quarter": one time
        if pm is not None and pm.local:
            if pm.kind == "day":  # (an event's day: 8月12日正式在港交所上市,…当日破发)
                _note_day(ctx, pm)
            out.append(pm)  # a comparison's time: no context for the times after it
        elif pm is not None:
            _note_period(ctx, pm)
            out.append(pm)
    return out


# a year's possessive before a part of it ("last year's third quarter", "2024's December")
_YEARS_PART = re.compile(r"['’]s (?:the )?")


def _years_part(out: list[PeriodMention], pm: PeriodMention, text: str, a: int) -> bool:
    """Whether ``pm``, starting at ``a``, is a part of the year found last, named in its
    possessive right before it (:data:`_YEARS_PART`)."""
    return bool(
        out
        and out[-1].kind == "year"
        and pm.period[:4] == out[-1].period
        and _YEARS_PART.fullmatch(text, out[-1].end, a)
    )


# "increased from 11,813 in March to 15,620 in April": a run from one time to a later
# one, the first no time compared with
_TO_LATER_FIGURE = re.compile(
    r" to (?:a (?:record )?)?(?:\$|rmb ?|us\$)?\d[\d,.]*[^.;,]{0,30}? (?:in|during|by) ", re.I
)
# a year's range on to a later year ("from 2019 through 2022"): the time of what it spans
_TO_LATER_YEAR = re.compile(r" ?(?:to|through|until|-|–) ?(?:19|20)\d{2}\b(?!\d|[,.]\d|%)", re.I)
WHEN_AFTER = re.compile(
    # (a count word may stand between: "a 35.8% drop from March deliveries, when the company delivered 10,378")
    r"(?: (?:deliveries|sales|shipments|registrations))?(?:,? | ?[—–-]{1,2} ?)"
    r"(?:when|during which|(?:a|the) (?:month|quarter|year) (?:in which|when))\b",
    re.I,
)
# "compared with 11.0% in the third quarter of 2023 and 12.2% in the second quarter of
# 2024": a second figure and its time after a time compared with
_AND_FIGURE_IN = re.compile(
    r",? and (?:(?:\$|rmb ?|us\$)?\d[\d,.]*%?(?: (?:million|billion|thousand))?"
    r"(?: (?:units|vehicles|cars|deliveries))? )?(?:in|during|for|of) $",
    re.I,
)


def _compared_time(text: str, a: int, b: int, g: dict, lang: str, out: list[PeriodMention]) -> bool:
    """Whether the time at ``[a, b)`` is one a figure is compared with, or another that names
    no time for its figure nor for the times after it (see :func:`find_periods`): in English,
    after a comparison word ("up 7.7% from 2024"), in a list of such, or a possessive base;
    in Chinese, one passed, one changed from, or an event's describing a name."""
    if lang == "zh":
        return (
            _surpassed_zh(text, a, b)
            or _changed_from_zh(text, a, b)
            or _event_of_name_zh(text, a, b)
            or _CONTRAST_BEFORE_ZH.search(text, max(0, a - 10), a) is not None
        )
    return (
        not g.get("asof")
        and (_compared_at(text, a) or _compared_list_en(out, text, a) or _possessive_base(text, a, b))
        and not _time_of_what_follows(text, b)
    )


def _compared_at(text: str, a: int) -> bool:
    """Whether a comparison word (and what may follow it) ends just before ``a``."""
    window = text[max(0, a - 60) : a].lower()
    return (
        any(w in window for w in _compared_words())
        and _compared_before().search(text, max(0, a - 60), a) is not None
    )


def _time_of_what_follows(text: str, b: int) -> bool:
    """Whether the English time ending at ``b`` after a comparison word is the time of what
    follows it ("from October, when sales fell to 61,497 units") or the start of a run to a
    later time ("from 11,813 in March to 15,620 in April"): no time compared with."""
    return bool(WHEN_AFTER.match(text, b) or _TO_LATER_FIGURE.match(text, b))


def _compared_list_en(out: list[PeriodMention], text: str, a: int) -> bool:
    """Whether the English time at ``a`` follows a time compared with, joined by "and" and
    its own figure ("compared with 11.0% in the third quarter of 2023 and 12.2% in the
    second quarter of 2024"): a time compared with as well."""
    return bool(out) and out[-1].local and _AND_FIGURE_IN.fullmatch(text, out[-1].end, a) is not None


def year_so_far(today: date) -> str:
    """The year so far (``年内``, "year to date") on ``today``: from 1 January to ``today``;
    on 1 January itself, the year just ended (a stand-in date the day after the last
    month named, December, is 1 January)."""
    if (today.month, today.day) == (1, 1):
        return f"{today.year - 1}-01-01..{today.year - 1}-12-31"
    return f"{today.year}-01-01..{today.isoformat()}"


def _compared_list(out: list[PeriodMention], text: str, a: int, b: int) -> bool:
    """Whether the time at ``[a, b)`` is one of a list of earlier times a figure is set
    against, each with its own figure: "毛利率为 19.5%,而 2023 年第二季度为 21.8%,2024 年
    第一季度为 20.6%" (after 而, or after such a time and its figure)."""
    if (
        _OF_FIGURE.match(text, b)
        and out
        and out[-1].local
        and _JOINED_AFTER_FIGURE.fullmatch(text, out[-1].end, a)
    ):
        return True  # (相比于2022年11月的100,291辆和2023年3月的88,869辆)
    if not _IS_FIGURE.match(text, b):
        return False
    if _WHILE_BEFORE.search(text, max(0, a - 3), a):
        return True
    return bool(out) and out[-1].local and _LISTED_AFTER_FIGURE.fullmatch(text, out[-1].end, a) is not None


# a Chinese time a figure is said to pass or fall short of (已超去年全年,达47万辆): a time
# compared with
_SURPASSED_ZH = re.compile(r"(?:超过|超越|超出|高于|低于|多于|少于|不及|追平|超)了? ?$")
_FIGURE_AFTER_ZH = re.compile(r" ?(?:的|[(（])? ?\d")


# a Chinese time a figure changed from (全年营收由2024年的977亿美元降至948亿美元): a time
# compared with; the figure it changed to is of the time spoken of
_FROM_BEFORE_ZH = re.compile(r"(?:由|从) ?$")
_CHANGED_TO_ZH = re.compile(
    r" ?的 ?[\d.,]+ ?[万亿]*[^，。；,;\d]{0,12}?(?:降|减|增|升|提|跌|涨|扩大|收窄|缩小)[^，。；,;\d]{0,3}?(?:至|到) ?\d"
)


def _changed_from_zh(text: str, a: int, b: int) -> bool:
    """Whether the Chinese time at ``[a, b)`` is the one a figure changed from (``由2024年的977
    亿美元降至948亿美元``)."""
    return (
        _FROM_BEFORE_ZH.search(text, max(0, a - 2), a) is not None
        and _CHANGED_TO_ZH.match(text, b) is not None
    )


# a Chinese time right after a word of contrast (相较而言,截至2022年3月31日为417.1亿元): the
# time compared with
_CONTRAST_BEFORE_ZH = re.compile(r"(?:相较而言|相比之下|相比而言|对比之下|与之相比)[,，]?(?:截至|截止)?$")


# a Chinese time of an event that describes the name after it (挨过3月舆论风波的小米,
# 去年12月上市的SU7): no time of a figure, nor one for the times after it
_EVENT_OF_NAME_ZH = re.compile(
    r" ?[^，。；,;\d的]{0,6}(?:风波|事件|事故|危机|上市|发布|推出|亮相|开售|降价"
    # (a maker described by a past year's result: 去年有赚钱的理想; not a figure, 去年亏损的36亿元)
    r"|赚钱|盈利|获利|亏损)[^，。；,;\d的]{0,3}的(?! ?\d)"
)


def _event_of_name_zh(text: str, a: int, b: int) -> bool:
    """Whether the Chinese time at ``[a, b)``, no day, is that of an event describing the
    name after it (``挨过3月舆论风波的小米``); a day's (``3月13日发布上市的G6``) is when its
    figures happened."""
    return not text[a:b].endswith(("日", "号")) and _EVENT_OF_NAME_ZH.match(text, b) is not None


def _surpassed_zh(text: str, a: int, b: int) -> bool:
    """Whether the Chinese time at ``[a, b)`` is one a figure passes or falls short of
    (``已超去年全年,达47万辆``), with no figure of its own right after it (``超过去年全年
    (123.27万辆)``)."""
    return _SURPASSED_ZH.search(text, max(0, a - 4), a) is not None and not _FIGURE_AFTER_ZH.match(text, b)


_IS_FIGURE = re.compile(r" ?(?:为|是) ?(?:负|人民币 ?)*\d")
_OF_FIGURE = re.compile(r" ?的 ?\d")
_JOINED_AFTER_FIGURE = re.compile(r" ?的 ?[^，。；;]{1,20}?(?:和|与|及|、) ?")
_WHILE_BEFORE = re.compile(r"而 ?$")
_LISTED_AFTER_FIGURE = re.compile(r" ?(?:为|是) ?[^,，。；;]{1,25}[,，、] ?")


def _year_before_last(ctx: _Context, pm: PeriodMention, written: str) -> bool:
    """Whether ``pm``, written with its year, is the span of its kind named last, a year
    earlier: the time of a figure set beside the current one for comparison."""
    last = ctx.spans.get(pm.kind) if pm.kind in ("quarter", "half", "month") else None
    return (
        last is not None
        and not pm.local
        and last[0][4:] == pm.period[4:]
        and int(last[0][:4]) == int(pm.period[:4]) + 1
        and _YEAR_WRITTEN.search(written) is not None
    )


_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")


# the first months of a year (2025-01..2025-09), a span reported like a quarter
_YEAR_START_RANGE = re.compile(r"(\d{4})-01\.\.\1-(?:0[2-9]|1[01])")


def _note_day(ctx: _Context, pm: PeriodMention) -> None:
    """Keep a day named as the one 当日 names after it in its paragraph, and its year for the
    same day named again without one."""
    ctx.named_day = (pm.period, pm.end)
    ctx.day_years[pm.period[5:]] = int(pm.period[:4])


def _note_period(ctx: _Context, pm: PeriodMention) -> None:
    """Keep a time found as context for the times after it: the day last named (当日),
    the month, and the span last named of its kind; at a table cell's end, the year spoken
    of before the cell."""
    if pm.kind == "day" and (ctx.today is None or pm.period <= ctx.today.isoformat()):
        _note_day(ctx, pm)
    if (
        pm.kind == "day"
        and (ctx.day is None or pm.period > ctx.day)
        and (ctx.today is None or pm.period <= ctx.today.isoformat())
    ):
        ctx.day, ctx.day_end = pm.period, pm.end  # 当日 is the latest day named so far (not one ahead)
    elif pm.kind == "month":
        ctx.month, ctx.month_end = pm.period, pm.end
    if pm.kind == "quarter" and _ahead(ctx.text, pm.start, pm.end):
        ctx.spans["last"] = (pm.period, pm.kind)  # (24Q2指引, 预计24Q2: no 本季度 after it)
    elif pm.kind in ("month", "quarter", "half", "year"):
        ctx.spans[pm.kind] = ctx.spans["last"] = (pm.period, pm.kind)
        if ctx.today is None or parse_period(pm.period).end <= ctx.today:
            ctx.spans["past"] = (pm.period, pm.kind)  # the last span already over (报告期)
            if pm.kind == "quarter":  # the first quarter over named: the one reported (季内)
                ctx.spans.setdefault("reported", (pm.period, pm.kind))
    elif pm.kind == "range" and _YEAR_START_RANGE.fullmatch(pm.period):
        # 1-11月…去年同期, "from January to November … the same period last year"
        ctx.spans["last"] = (pm.period, pm.kind)
        if ctx.today is None or parse_period(pm.period).end <= ctx.today:
            ctx.spans["past"] = (pm.period, pm.kind)  # 首三季…，期内收入: the months of the year just named
    if ctx.cell_year != _NO_CELL and _TABLE_CELL_AFTER.match(ctx.text, pm.end):
        # a column's time ("| 2024 H1 | 2023 H1 |"): no year spoken of after its cell
        ctx.year, ctx.cell_year = ctx.cell_year, _NO_CELL


def _time_matches(text: str) -> list[tuple[int, int, dict, str]]:
    """The matches of the Chinese and the English time patterns in ``text``, as (start,
    end, groups, language), in order of their starts; where the two overlap, the Chinese
    match stands, unless an English one holds it whole and is longer ("2025 Q3")."""
    found: list[tuple[int, int, dict, str]] = []
    for m in _ZH.finditer(text):
        if m.end() > m.start() and (m.group("y") or m.group("rel") or m.lastgroup not in (None, "asof")):
            g = m.groupdict()  # a group besides asof matched: no group matches empty
            if g["full"] and not (g["y"] or g["rel"]) and g["full"] == "年":
                continue
            if g["yend"] in ("底", "末") and not (g["y"] or g["rel"]):
                continue
            found.append((m.start(), m.end(), g, "zh"))
    # Chinese matches come left to right and do not overlap, so their ends rise too: an
    # English match overlaps one of them exactly when it overlaps the last one starting
    # before its end.
    zh_starts = [a for a, _, _, _ in found]
    zh_ends = [b for _, b, _, _ in found]
    dropped: set[int] = set()
    for m in _EN.finditer(text):
        a, b = m.span()
        if a == b:
            continue
        k = bisect_left(zh_starts, b) - 1
        if k >= 0 and zh_ends[k] > a:
            # "2025 Q3": an English match holding a shorter Chinese one (Q3) whole wins
            if (
                zh_starts[k] >= a
                and zh_ends[k] <= b
                and b - a > zh_ends[k] - zh_starts[k]
                and (k == 0 or zh_ends[k - 1] <= a)
            ):
                dropped.add(k)
            else:
                continue
        found.append((a, b, m.groupdict(), "en"))
    if dropped:
        found = [f for i, f in enumerate(found) if i not in dropped]
    found.sort(key=lambda t: t[0])
    return found


# the months a results filing's span ends with a day (截至2025年6月30日止六个月, 止年度)
_SPAN_ENDED_ZH = re.compile(
    r"止 ?的? ?(?P<n>十[一二]|[一二两三四五六七八九十]|1[0-2]|[1-9]) ?个月|止 ?(?P<half>半年度|半年|中期)"
    r"|止 ?(?P<year>年度|财政年度|全年)"
    r"|止? ?的? ?(?P<quarter>季度)(?!末)"
)  # (截至2025年7月31日止的7个月期间: the seven months to July)
_MONTHS_ZH = {
    **{w: i + 1 for i, w in enumerate("一二三四五六七八九十")},
    "两": 2,
    "十一": 11,
    "十二": 12,
    "twelve": 12,
    **_EN_NUMS,
}
_SPAN_ENDED_EN = re.compile(
    r"(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])[ -]months?(?: period)?"
    r"|(?P<quarter>quarter)|(?P<year>(?:fiscal |financial )?year))"
    r" (?:that |which )?(?:ended|ending)(?: on| in)? $",
    re.I,
)


def _months_ended(pm: PeriodMention, m: re.Match) -> PeriodMention:
    """The span of the months ending on day ``pm`` that ``m`` names (``截至2025年6月止半年度``:
    six): a quarter, a half or a year when it is one, else the range of months."""
    y, mo = int(pm.period[:4]), int(pm.period[5:7])
    n = (
        12
        if m.group("year")
        else 3
        if m.group("quarter")
        else 6
        if m.groupdict().get("half")
        else _MONTHS_ZH.get(m.group("n").lower()) or int(m.group("n"))
    )
    end = m.end()
    if n == 12 and mo == 12:
        return PeriodMention(pm.start, end, str(y), "year", False)
    if n == 3 and mo % 3 == 0:
        return PeriodMention(pm.start, end, f"{y}-Q{mo // 3}", "quarter", False)
    if n == 6 and mo in (6, 12):
        return PeriodMention(pm.start, end, f"{y}-H{mo // 6}", "half", False)
    y1, m1 = (y, mo - n + 1) if mo >= n else (y - 1, mo - n + 13)
    text, months = _range(y1, m1, y, mo)
    return PeriodMention(pm.start, end, text, "range", False, months=months)


def _month_named_before(a: int, ctx: _Context) -> str | None:
    """The month last named, when in the sentence of ``a`` and of the article's year, before
    its month: the month a year so far named after it runs through."""
    t = ctx.today
    if ctx.month is None or t is None or ctx.month_end > a or ctx.month >= f"{t.year:04d}-{t.month:02d}":
        return None
    if not ctx.month.startswith(f"{t.year:04d}-") or _SENTENCE_MARK.search(ctx.text, ctx.month_end, a):
        return None
    return ctx.month


def _first_months(a: int, b: int, y: int, n: int, asof: bool) -> PeriodMention:
    """The first ``n`` months of ``y``: the first quarter or half when they are one, else a range."""
    if n == 3:
        return PeriodMention(a, b, f"{y}-Q1", "quarter", asof)
    if n == 6:
        return PeriodMention(a, b, f"{y}-H1", "half", asof)
    text, months = _range(y, 1, y, n)
    return PeriodMention(a, b, text, "range", asof, months=months)


_YEAR_NAMED_ZH = re.compile(r"(?:19|20)\d\d ?年|[今去明本同当]年")
# between a time compared with and its own figure (较2023年第二季度的人民币287亿元,
# 较去年12月超过5万辆的交付量): shared
# with the extractor, which reads the same shape from the figure's side
FIGURE_AFTER_TIME = r" ?(?:的 ?(?:约|近|超过?|逾)?|约|近|超过?|逾) ?(?:人民币|人民幣|rmb|RMB)? ?"
# (the figure compared with may follow its metric word: 较去年同期净亏损48.8亿元)
_COMPARED_OWN_FIGURE = re.compile(
    r"(?:"
    + FIGURE_AFTER_TIME
    + r"|(?: ?的)? ?(?:经调整)?(?:净亏损|净损|净利润|净利|亏损|盈利|纯利|营收|营业收入|总收入|收入|收益|销量|交付量|出口量|产量)"
    r"(?:为|达)? ?(?:约|近|超过?|逾)? ?(?:人民币|人民幣|rmb|RMB)? ?"
    # (right after the time, a sum or count with its unit: 較去年同期 12.8 億元收窄)
    r"| ?(?=\d[\d.,]* ?(?:万|亿|億|萬|辆|輛|元))"
    # (a record the time set: 低於2023年第3季創下的100億元紀錄)
    r"| ?创下 ?的? ?)[\d一二三四五六七八九十两]"
)
# (较上周五的: 上 before 周五; 略低于去年第四季度的7.874亿元: lower than a time's figure)
_COMPARED_ZH = re.compile(r"(?:较|比|相比于?|相较于?|对比|较之|[低高少多]于|突破|超越) ?(?:上个?)?$")
# a time between 与 (和, 跟) and 相比 (相较, 比较, 对比) in its clause: one compared with
# ("与2023年相较增长29%", "与去年同期的18.1亿元相比")
_COMPARED_AFTER_ZH = re.compile(r"[^，,。；;]{0,20}?(?:相比|相较|比较|对比|保持一致|一致|持平|相同|相当)")


# the groups of a Chinese match that name a time besides a year
_ZH_TIME_GROUPS = (
    "m",
    "q",
    "qq",
    "q2",
    "relq",
    "h",
    "yend",
    "ystart",
    "ywhole",
    "full",
    "qrange",
    "wd",
    "today",
    "fm",
    "lastq",
    "hh",
    "interim",
)


# after a time a move is measured from: its high or low (从去年5月最高点, 自6月高位)
_FROM_A_HIGH = re.compile(r"(?:份)?(?:的)?(?:最高点?|高点|高位|高峰|最低点?|低点|低位)")


def _within_past_year(g: dict, ctx: _Context, a: int) -> bool:
    """Whether ``年内`` at ``a`` is within a past year named before it in its paragraph
    ("2024年，…全年实现营业收入1451.76亿元。年内，其新能源汽车销量42.69万辆"; 去年…。年内), not the
    year so far."""
    if g["ytd"] != "年内" or ctx.year is None or ctx.today is None:
        return False
    so_far = int(year_so_far(ctx.today)[:4])  # (on 1 January the year just ended is so far)
    para = ctx.text[ctx.text.rfind("\n", 0, a) + 1 : a]
    return ctx.year < so_far and (f"{ctx.year}年" in para or (ctx.year == so_far - 1 and "去年" in para))


def _resolve_zh(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """The time of one Chinese match, or None; a year it names becomes the context's year.
    A time after a comparison word (较2021年7月减少约11%) is not the figure's: none, unless
    the figure compared with follows it (较2024年第三季度的413亿元), whose time it is, for
    that clause only and naming no year for what follows (较去年同期的18.1亿元 likewise)."""
    if (
        _COMPARED_ZH.search(ctx.text, max(0, a - 3), a)
        or (ctx.text[a - 1 : a] in ("与", "和", "跟") and _COMPARED_AFTER_ZH.match(ctx.text, b))
    ) and not g["asof"]:
        same = ctx.text.startswith("同期", b)  # 较去年同期的18.1亿元
        if not _COMPARED_OWN_FIGURE.match(ctx.text, b + 2 if same else b):
            return None
        year = ctx.year
        pm = _resolve_zh_time(a, b, g, ctx)
        ctx.year = year
        return None if pm is None else pm._replace(local=True)
    since = _SINCE_AFTER.match(ctx.text, b)
    if (
        a > 0
        and ctx.text[a - 1] in "从自"
        and (_FROM_A_HIGH.match(ctx.text, b) or (since and since.end() - b > 2))
    ) or (since and _RECORD_AFTER.match(ctx.text, since.end())):
        # 从去年5月最高点跌约40%: the time of a high or low a move is measured from, for
        # its own clause only (no year for the months after it); the time of an event a
        # span runs since (自2023年盈利以来) likewise, and a time a record is set since
        # (创下2020年以来最大跌幅)
        year = ctx.year
        pm = _resolve_zh_time(a, b, g, ctx)
        ctx.year = year
        return None if pm is None else pm._replace(local=True)
    if g["zweek"] or g["zwm"]:
        return _zh_week(a, b, g, ctx)  # 上周, 5月第二周
    if g["zyw"] or g["zyw1"]:
        return _zh_year_week(a, b, g, ctx)  # 2024年第二周(1.8-1.14), 2024年首周
    if g["zdm"] or g["zdx1"]:
        return _zh_days(a, b, g, ctx)  # 5月8日-14日, 1月1日至5月25日
    if g["zref"]:  # 报告期内, 期内: the span last named that is over (not a guidance's)
        past = ctx.spans.get("past")
        return None if past is None else PeriodMention(a, b, past[0], past[1], False)
    return _resolve_zh_time(a, b, g, ctx)


def _resolve_zh_time(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """The time of one Chinese match (see :func:`_resolve_zh`)."""
    if g["hh"] or g["interim"]:  # 2024年H1; 中期业绩, 中期盈利 (an interim report): the half
        g = {**g, "h": "下" if g["hh"] == "2" else "上"}
    asof = g["asof"] in ("截至", "截止到", "截止", "截止至")
    if g["asof"] and not asof:
        a += len(g["asof"])  # 到/至 are no part of the time
    if (
        (g["rel"] or g["y"])
        and not (g["m"] or g["q"] or g["q2"] or g["h"] or g["m1"] or g["full"])
        and ctx.text.startswith("同期", b)
    ):
        return _zh_same_period(a, b, g, ctx)
    so_far = g["rel"] == "今年" and not any(g[k] for k in _ZH_TIME_GROUPS) and _SO_FAR.match(ctx.text, b)
    if g["ytd"] or so_far:  # 年内, 今年以来, 今年迄今: the year so far
        if ctx.today is None:
            return None
        if _within_past_year(g, ctx, a):
            return PeriodMention(a, b, str(ctx.year), "year", False)  # 2024年…。年内: that year
        end = so_far.end() if so_far else b
        through = _month_named_before(a, ctx)
        if through is not None:  # (6月1-30日,…零售175.5万辆,…,今年以来累计零售982.8万辆: through June)
            ty, tm = int(through[:4]), int(through[5:])
            if tm == 1:
                return PeriodMention(a, end, through, "month", False)
            text, months = year_to_month(ty, tm)
            return PeriodMention(a, end, text, "range", False, months=months)
        return PeriodMention(a, end, year_so_far(ctx.today), "range", False)
    if g["relm"]:
        month = ctx.rel_month(g["relm"])
        return PeriodMention(a, b, month, "month", asof) if month else None
    y = _year_digits(g["y"]) if g["y"] else (ctx.rel(g["rel"]) if g["rel"] else None)
    if (
        g["y"]
        and y is not None
        and not _plan_year(ctx.text, a, b, y, ctx.today)
        and not _NO_CONTEXT_BEFORE.search(ctx.text, max(0, a - 32), a)
        and not _SINCE_AFTER.match(ctx.text, b)  # 自2021年以来, 自2010年上市以来: a start, no context either
        and f"{g['y']}年"
        in ctx.text[a:b]  # (2024全年, written without 年, is often one compared with: 打平2024全年)
    ):
        ctx.year = y  # (a year a plan is for, 2026年销量目标, names no context for what follows)
    elif g["rel"] and y is not None and g["rel"] not in ("同年", "当年", "本年", "明年"):
        ctx.year = y  # (明年, a year still to come, is a plan's: 明年冲击年销百万)
    if g["m1"]:
        return _zh_month_range(a, b, g, ctx, y, asof)
    if y is None and not any(g[k] for k in _ZH_TIME_GROUPS):
        return None
    if g["wd"] or g["today"]:
        return _zh_day(a, b, g, ctx)
    if g["relq"]:
        return _zh_relative_quarter(a, b, g["relq"], y, ctx, asof)
    if g["lastq"]:  # 去年最后三个月, 2025年最后一个季度: the year's fourth quarter
        g = {**g, "q": "4"}
    if g["fm"] or g["qrange"] or g["q"] or g["qq"] or g["q2"] or g["h"]:
        return _zh_part_of_year(a, b, g, _part_year(y, g, ctx), asof)
    if g["m"]:
        return _zh_month(a, b, g, ctx, y, asof)
    return _zh_year(a, b, g, y, ctx, asof)


def _zh_year(a: int, b: int, g: dict, y: int | None, ctx: _Context, asof: bool) -> PeriodMention | None:
    """A year (``y``, else the one spoken of), its end (年底) or start (年初), the whole of
    it from start to end (年初至年末, read as 全年), or a bare 全年/年度."""
    if g["ywhole"]:
        return _zh_year(a, b, {**g, "ywhole": None, "full": "全年"}, y, ctx, False)
    if g["yend"] or g["ystart"]:
        y = _or_context_year(y, ctx)
        if y is None:
            return None
        if g["yend"]:
            return PeriodMention(a, b, f"{y}-12-31", "day", True)
        return PeriodMention(a, b, str(y), "year", asof, year_start=True)
    if y is None and g["full"] in ("全年", "年度"):
        y = _full_year(a, ctx)
    if y is None:
        return None
    if asof:
        return PeriodMention(a, b, f"{y}-12-31", "day", True)
    return PeriodMention(a, b, str(y), "year", asof)


def sentence_start_within(text: str, pos: int, width: int) -> int:
    """``pos - width`` (not below 0), or later: just after the last sentence end (``。！？!?``
    or a line end) before ``pos``."""
    lo = max(0, pos - width)
    return max(lo - 1, *(text.rfind(c, lo, pos) for c in "。！？!?\n")) + 1


_GOAL_AFTER = re.compile(r"[^，。；,;!?！？]{0,20}?(?:目标|指引)")


def _full_year(a: int, ctx: _Context) -> int | None:
    """The year of a bare 全年/年度 at ``a``: the year spoken of, else the article's; early in
    a year (results come by March), the one just ended unless the year is an earlier one or
    the time is a plan's."""
    t = ctx.today
    start = sentence_start_within(ctx.text, a, 200)  # (a bounded look back: the cost stays linear)
    named = _YEAR_NAMED_ZH.search(ctx.text, start, a) is not None  # 今年的全年, 2025年…全年
    # (a goal said after it in its clause is a plan's: 维持全年55万辆的交付目标)
    goal = _GOAL_AFTER.match(ctx.text, a + 2, a + 24) is not None
    if (
        t is not None
        and t.month <= 3
        and ctx.year in (None, t.year)
        and not named
        and not ctx.ahead
        and not goal
    ):
        return t.year - 1
    return ctx.year or (t.year if t else None)


def _zh_relative_quarter(
    a: int, b: int, word: str, y: int | None, ctx: _Context, asof: bool
) -> PeriodMention | None:
    """上季 the quarter before the article's (Hong Kong's 上季: the one just reported), 下季 the
    next; 上一季度 and 下一季度 those before and after the one reported (the first quarter over
    the text names), where one is; 本季 / 今季 / 当季 the quarter
    last named (results coverage: 本季度, 当季 are the quarter reported), else the article's; 首季 the
    first quarter of the year named, else of the year spoken of; 次季 (Hong Kong's) the
    second."""
    if word[0] in "首次":
        y = _or_context_year(y, ctx)
        q = 1 if word[0] == "首" else 2
        return None if y is None else PeriodMention(a, b, f"{y}-Q{q}", "quarter", asof)
    if word == "季内" and "reported" in ctx.spans:
        return PeriodMention(a, b, ctx.spans["reported"][0], "quarter", asof)
    if word == "季度":  # 季度成绩单: the quarter before the article's, as 上季
        word = "上季"
    if word[0] in "本今当季" and "quarter" in ctx.spans:
        return PeriodMention(a, b, ctx.spans["quarter"][0], "quarter", asof)
    if word[:2] in ("上一", "下一") and "reported" in ctx.spans:
        # results coverage: the quarter before or after the one reported (小鹏…2025年第二季度财报:
        # …净亏损4.8亿元,…上一季度净亏损6.6亿元: the first quarter)
        y, q = int(ctx.spans["reported"][0][:4]), int(ctx.spans["reported"][0][-1])
        k = y * 4 + q - 1 + (-1 if word[0] == "上" else 1)
        return PeriodMention(a, b, f"{k // 4}-Q{k % 4 + 1}", "quarter", asof, local=True)
    if ctx.today is None:
        return None
    k = ctx.today.year * 4 + (ctx.today.month - 1) // 3 + {"上": -1, "下": 1}.get(word[0], 0)
    return PeriodMention(a, b, f"{k // 4}-Q{k % 4 + 1}", "quarter", asof)


def _or_context_year(y: int | None, ctx: _Context) -> int | None:
    """``y``, else the year spoken of, else the article's."""
    return y if y is not None else (ctx.year or (ctx.today.year if ctx.today else None))


def _zh_same_period(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """A year followed by 同期 (去年同期为盈利28.2亿元, 2024年同期为18.1亿元): the span last
    named, in that year (after 较/比 it is a comparison: see :func:`_resolve_zh`)."""
    last = ctx.spans.get("last")
    if g["y"]:
        y: int | None = _year_digits(g["y"])
    elif g["rel"] in ("去年", "上年", "上一年") and last is not None:
        y = int(last[0][:4]) - 1  # a year before the span spoken of, not before the article
    else:
        y = ctx.rel(g["rel"])
    if y is None or last is None:
        return None
    if last[1] == "year":  # 2024年全年…较2023年同期的167.5亿元: that year
        return PeriodMention(a, b + 2, f"{y:04d}", "year", False, local=True)
    period, kind = last
    return PeriodMention(a, b + 2, _in_year(period, y), kind, False, local=True)


def _in_year(period: str, y: int) -> str:
    """``period`` (a month, quarter, half or range of months) moved to start in year ``y``:
    a range's end moves by as many years (2025-01..2025-11 in 2024: 2024-01..2024-11)."""
    head, sep, tail = period.partition("..")
    if not sep:
        return f"{y:04d}{head[4:]}"
    return f"{y:04d}{head[4:]}..{int(tail[:4]) + y - int(head[:4]):04d}{tail[4:]}"


def _year_ago(a: int, b: int, ctx: _Context, year: int | None = None) -> PeriodMention | None:
    """The span last named, a year earlier ("the year-ago quarter", "the same period last year"),
    or in ``year`` where one is written ("the same period of 2023"); "the same four-month
    period" after a month or a range: the four months to its last, in that year. The time of
    its own clause only (see :func:`_zh_same_period`)."""
    last = ctx.spans.get("last")
    if last is None or last[1] == "year":
        return None
    period, kind = last
    y = int(period[:4]) - 1 if year is None else year
    n = _N_MONTH.search(ctx.text, a, b)
    if n is not None and kind in ("month", "range"):
        # "the same four-month period in 2024" after April: January to April of that year
        k = _EN_NUMS.get(n.group(1).lower()) or int(n.group(1))
        mo = int(period[-2:])
        if k <= mo:
            text, months = _range(y, mo - k + 1, y, mo)
            return PeriodMention(a, b, text, "range", False, months=months, local=True)
    return PeriodMention(a, b, _in_year(period, y), kind, False, local=True)


_N_MONTH = re.compile(r"\b([a-z]+|\d{1,2})-month\b", re.I)


def _zh_month_range(
    a: int, b: int, g: dict, ctx: _Context, y: int | None, asof: bool
) -> PeriodMention | None:
    """A range of months (1-9月, 2024年11月至2025年2月), in year ``y`` if one was named."""
    m1, m2 = _month(g["m1"]), _month(g["m2"])
    y1: int | None
    if g["y2"]:
        y2 = int(g["y2"])
        y1 = y if y is not None else (y2 if m1 <= m2 else y2 - 1)
        ctx.year = y2
    else:
        y1 = y if y is not None else ctx.for_month(m1)
        if y1 is None:
            return None
        y2 = y1 if m1 <= m2 else y1 + 1
    text, months = _range(y1, m1, y2, m2)
    return PeriodMention(a, b, text, "range", asof, months=months)


def _zh_day(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """A weekday (周三) or 今天/当日: the day it names (当日 the day named last in its
    paragraph, else the latest named so far)."""
    if g["today"] in ("当日", "当天") and ctx.named_day and "\n" not in ctx.text[ctx.named_day[1] : a]:
        return PeriodMention(a, b, ctx.named_day[0], "day", False)  # (8月12日…上市。…当日破发收报117元)
    if g["today"] in ("当日", "当天") and ctx.day:
        return PeriodMention(a, b, ctx.day, "day", False)
    if g["today"] in ("次日", "隔日", "翌日"):  # the day after the day last named
        return PeriodMention(a, b, _shift_day(ctx.day, 1), "day", False) if ctx.day else None
    if g["today"] in ("昨日", "昨天", "昨", "隔晚"):  # the day before the article's (蔚来股价昨一度下挫)
        if ctx.today is None:
            return None
        # 昨日的强势反弹: yesterday's, named in passing, the time of its own clause only
        local = ctx.text.startswith("的", b)
        return PeriodMention(a, b, _shift_day(ctx.today.isoformat(), -1), "day", False, local=local)
    day = (
        ctx.weekday(_ZH_WEEKDAYS[g["wd"][-1]]) if g["wd"] else (ctx.today.isoformat() if ctx.today else None)
    )
    named = _DAY_IN_BRACKETS.match(ctx.text, b)
    if named and day and g["today"] in ("今日", "今天", None):
        # 今日(2日), 周三(2日): the day of the month in brackets says which, in the month of
        # the day the word names or the one before
        d = date.fromisoformat(day)
        for m in (d.month, d.month - 1 or 12):
            got = _safe_day(d.year - (m > d.month), m, int(named.group(1)))
            if got and got <= day:
                return PeriodMention(a, named.end(), got, "day", False)
    return PeriodMention(a, b, day, "day", False) if day else None


# the day of the month in brackets after a relative day (今日(2日), 周三（12日）)
_DAY_IN_BRACKETS = re.compile(r"[(（](3[01]|[12]\d|0?[1-9])[日号][)）]")


def _shift_day(day: str, n: int) -> str:
    """The day ``n`` days after ISO ``day``."""
    return (date.fromisoformat(day) + timedelta(days=n)).isoformat()


# a span named as the subject of a report (第三季财报, "third-quarter results")
_REPORT_OF = re.compile(r"[^，。；,;]{0,8}?(?:财报|业绩|财务报告|results|earnings)")


def _part_year(y: int | None, g: dict, ctx: _Context) -> int | None:
    """The year of a quarter, a half or a year's first months: the one named, else the year
    spoken of; when that is the article's own (or none) and the quarter has not begun by the
    article's date (the first months' last not begun), the latest such begun (第四季 in a
    March results report is last year's), unless a plan speaks of it."""
    y = _or_context_year(y, ctx)
    t = ctx.today
    if g["fm"] and not (g["y"] or g["rel"]) and t is not None and y == t.year and not ctx.ahead:
        # (前10月 in an article of January: the first ten months of the year before)
        n = int(g["fm"]) if g["fm"].isdigit() else int(parse_cn_number(g["fm"]))
        return y - 1 if n > t.month and not _future_word_after(ctx.text, ctx.at) else y
    if g["y"] or g["rel"] or t is None or not (g["q"] or g["qq"] or g["q2"] or g["h"]):
        return y
    q = g["q"] or g["qq"] or g["q2"]
    first = 3 * (_q(q) - 1) + 1 if q else (7 if g["h"] == "下" else 1)
    last = first + (2 if q else 5)
    if ctx.ahead and not _REPORT_OF.match(ctx.text, ctx.at):
        # 展望第三季: the first such span not over by the article's date, or over by at most two
        # months, its report still to come (预计第一季度总交付量 in May); but 将于10月22日公布第三季
        # 财报: the report of a span past
        now = 12 * t.year + t.month
        return next(y for y in (t.year - 1, t.year, t.year + 1) if now - (12 * y + last) <= 2)
    if y != t.year:
        return y
    if first > t.month and _future_word_after(ctx.text, ctx.at):
        # "For the fourth quarter, the company expects deliveries of …" in September: this
        # year's, a quarter still to come
        return y
    return y - 1 if first > t.month else y


def _part_to_come(ctx: _Context, first: int, length: int = 3) -> int | None:
    """The year of a quarter or half named without one that begins in month ``first`` and
    lasts ``length`` months (:meth:`_Context.for_month`; in a sentence about what is to
    come, one not over by the article's date is this year's: "expects to deliver … in the
    second quarter" in May); but one not begun by the article's date, in a sentence
    whose words after it speak of the future ("For the fourth quarter, the company expects
    …" in September), is this year's."""
    y = ctx.for_month(first + length - 1 if ctx.ahead else first)
    t = ctx.today
    if (
        y is not None
        and t is not None
        and y == t.year - 1
        and first > t.month
        and (ctx.year is None or ctx.stale)
        and _future_word_after(ctx.text, ctx.at)
    ):
        return t.year
    return y


def _future_word_after(text: str, at: int) -> bool:
    """Whether a word about the future follows ``at`` in its sentence (within 80 characters)."""
    window = text[at : at + 80]
    end = _SENTENCE_MARK.search(window)
    return _FUTURE_AFTER.search(window, 0, end.start() if end else len(window)) is not None


# (after the time: "the company expects vehicle deliveries to be")
_FUTURE_AFTER = re.compile(_FUTURE_WORDS + r"|\b(?:expects|outlook)\b", re.I)


def _zh_part_of_year(a: int, b: int, g: dict, y: int | None, asof: bool) -> PeriodMention | None:
    """The first months (前三个月), the first quarters (前三季度), a quarter or a half of
    year ``y``."""
    if y is None:
        return None
    if g["fm"]:
        n = int(g["fm"]) if g["fm"].isdigit() else int(parse_cn_number(g["fm"]))
        return _first_months(a, b, y, n, asof)
    if g["qrange"]:
        n = 3 if g["qrange"][1] in "三3" else 2
        text, months = _range(y, 1, y, 3 * n)
        return PeriodMention(a, b, text, "range", asof, months=months)
    if g["q"] or g["qq"] or g["q2"]:
        return PeriodMention(a, b, f"{y}-Q{_q(g['q'] or g['qq'] or g['q2'])}", "quarter", asof)
    return PeriodMention(a, b, f"{y}-H{1 if g['h'] == '上' else 2}", "half", asof)


def _zh_month(a: int, b: int, g: dict, ctx: _Context, y: int | None, asof: bool) -> PeriodMention | None:
    """A month, a day of it, or its end (月底, 截至11月), in year ``y`` if one was named."""
    mo = _month(g["m"])
    if not 1 <= mo <= 12:
        return None
    d = int(g["d"]) if g["d"] else 1
    if y is None and g["d"]:  # a day named again without its year is the one named before
        y = ctx.day_years.get(f"{mo:02d}-{d:02d}")  # (3月9日收盘 … 2021年5月…,但截至3月9日收盘)
    y = y if y is not None else ctx.for_month(mo, d)
    if y is None:
        return None
    if g["d"]:
        day = _safe_day(y, mo, d)
        return PeriodMention(a, b, day, "day", asof) if day else None
    if g["mend"] or asof:
        return PeriodMention(a, b, _month_end(y, mo), "day", True)
    return PeriodMention(a, b, f"{y:04d}-{mo:02d}", "month", asof)


_COMPARED_MONTH_NAMED = re.compile(
    r"\b(?:compared (?:to|with)|from|versus|than)(?: (?:in|that of|those of))?"
    # (or the count it is compared with: "a 31% increase compared to deliveries in August")
    r"(?: (?:the |its )?(?:deliveries|sales|shipments|registrations|volumes?) (?:in|of|for))? "
    r"(january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:,? ((?:19|20)\d\d))?\b",
    re.I,
)


def months_after_compared(text: str, lo: int, hi: int, month: str) -> int | None:
    """How many months ``month`` (``YYYY-MM``) comes after the English month a change in
    ``text[lo:hi]`` is compared with ("up 4.4% … compared to June 2024", "as compared to
    October", "compared to deliveries in August"): 1 for the month before, 12 for the same
    month a year earlier; None when none is named. A month without a year is the latest
    such month before ``month``."""
    m = _COMPARED_MONTH_NAMED.search(text, lo, hi)
    if m is None:
        return None
    y, mo = int(month[:4]), int(month[5:7])
    cm = _en_month(m.group(1))
    cy = int(m.group(2)) if m.group(2) else (y if cm < mo else y - 1)
    return (y - cy) * 12 + mo - cm


def _en_month(s: str) -> int:
    return _EN_MONTHS[s.rstrip(".").lower()]


# a capitalised word (not one opening a time) just before a month's short name: a person's
# name ("Lei Jun has set"), not the month
_NAME_BEFORE = re.compile(
    r"\b(?!(?:In|By|From|Since|On|During|Through|For|Until|Of|And|To|At|The|This|That|Its|Their|Each|Every|Last|Next|Early|Late|Mid)\b)[A-Z][a-z]+ $"
)
# months whose full name is also a given name (April Wong, August Lee)
_NAME_MONTHS = frozenset({"april", "june", "august"})


def _a_name(month: str, text: str, a: int) -> bool:
    """Whether the month word ``month`` at ``a`` ends a name ("Lei Jun"): a short month, or
    one that is also a given name, after a capitalised word (a long month is none:
    "Chinain November", "Tesla November sales")."""
    return (len(month) <= 4 or month.lower() in _NAME_MONTHS) and bool(
        _NAME_BEFORE.search(text, max(0, a - 20), a)
    )


_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4}


# the n-th week of a month: English ordinals, figures and Chinese numerals; "last" the last
_WEEK_N = {
    **EN_ORDINALS,
    "last": -1,
    **dict(zip("一二三四五", range(1, 6))),
    **{str(n): n for n in range(1, 6)},
}


def _week_of_month(y: int, m: int, n: int) -> date | None:
    """The Monday that starts the ``n``-th week of a month (its weeks counted from its first
    Monday, as weekly registrations are; -1 the last), or None past its last."""
    first = date(y, m, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    mondays = [monday + timedelta(weeks=k) for k in range(5) if (monday + timedelta(weeks=k)).month == m]
    return mondays[n - 1 if n > 0 else -1] if n <= len(mondays) else None


# the weeks counted from the article's date, not from the week last named
_WEEKS_FROM_TODAY = frozenset(("last week", "the past week", "上周", "上一周"))


def _relative_week(word: str, ctx: _Context) -> date | None:
    """The Monday of the week a word names from the article's date: last week (上周, "the
    past week"); the week before (前一周, "the previous week") is the one before the week
    last named, else before last week. (This week, not yet over, gives no figure its time.)"""
    if ctx.today is None:
        return None
    this = ctx.today - timedelta(days=ctx.today.weekday())
    w = word.lower()
    if w in _WEEKS_FROM_TODAY:
        return this - timedelta(weeks=1)
    return (ctx.week or this - timedelta(weeks=1)) - timedelta(weeks=1)


def _week(a: int, b: int, monday: date | None, ctx: _Context, named: bool = True) -> PeriodMention | None:
    """The week from ``monday`` to the Sunday after, as a range of days; the week last named
    (unless not ``named``: a week before the one reported, said again and again in a
    round-up of makers, "down 2.91% from 55,000 units the week before", is each time the
    week before that one)."""
    if monday is None:
        return None
    if named:
        ctx.week = monday
    return PeriodMention(a, b, f"{monday.isoformat()}..{(monday + timedelta(days=6)).isoformat()}", "range")


def _zh_week(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """A week named in Chinese: 上周 or 前一周 from the article's date, or 5月第二周."""
    if g["zweek"]:
        return _week(a, b, _relative_week(g["zweek"], ctx), ctx)
    m = _month(g["zwm"])
    y = ctx.for_month(m)
    return _week(a, b, _week_of_month(y, m, _WEEK_N[g["zwn"]]) if y else None, ctx)


def _zh_year_week(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """The n-th week of a year: the days written after it in brackets (2024年第二周(1.8-1.14);
    a first month after the last one is of the year before), else the ISO week, Monday to
    Sunday (2024年首周: 2024-01-01..2024-01-07)."""
    y = _year_digits(g["y"]) if g["y"] else (ctx.rel(g["rel"]) if g["rel"] else None)
    if y is None:
        return None
    if g["zywm1"]:
        m1, m2 = int(g["zywm1"]), int(g["zywm2"])
        first = _safe_day(y - (m1 > m2), m1, int(g["zywd1"]))
        last = _safe_day(y, m2, int(g["zywd2"]))
        if first is None or last is None or last < first:
            return None
        ctx.week = date.fromisoformat(first)
        return PeriodMention(a, b, f"{first}..{last}", "range")
    n = 1 if g["zyw1"] else (int(g["zyw"]) if g["zyw"].isdigit() else int(parse_cn_number(g["zyw"])))
    try:
        return _week(a, b, date.fromisocalendar(y, n, 1), ctx)
    except ValueError:  # (no such week)
        return None


def _zh_days(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """Days of one month named in Chinese (5月8日-14日, 2023年5月1日至7日, 6月19日至6月25日),
    or from one month to another (1月1日至5月25日)."""
    if g["zdx1"]:
        m1, m, d1, d2 = _month(g["zdx1"]), _month(g["zdx2"]), int(g["zdxd1"]), int(g["zdxd2"])
    else:
        m1, m, d1, d2 = _month(g["zdm"]), _month(g["zdm"]), int(g["zd1"]), int(g["zd2"])
    y = _year_digits(g["y"]) if g["y"] else (ctx.rel(g["rel"]) if g["rel"] else ctx.for_month(m, d2))
    return _days_range(a, b, y, (m1, d1), (m, d2), ctx)


def _days_range(
    a: int, b: int, y: int | None, start: tuple[int, int], end: tuple[int, int], ctx: _Context
) -> PeriodMention | None:
    """The days from ``start`` to ``end`` (month, day) of year ``y`` as a range (a week of
    one month from a Monday becomes the week last named); the days of a whole month, from
    its first to its last (6月1-30日, a monthly count of the CPCA's), are that month."""
    (m1, d1), (m2, d2) = start, end
    first, last = (_safe_day(y, m1, d1), _safe_day(y, m2, d2)) if y else (None, None)
    if first is None or last is None or end <= start:
        return None
    if m1 == m2 and d1 == 1 and y is not None and d2 == calendar.monthrange(y, m2)[1]:
        return PeriodMention(a, b, f"{y:04d}-{m2:02d}", "month", False)
    if m1 == m2 and d2 - d1 == 6 and date.fromisoformat(first).weekday() == 0:
        ctx.week = date.fromisoformat(first)
    return PeriodMention(a, b, f"{first}..{last}", "range")


def _en_days_or_week(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """Days of one month ("from May 19 to 25") or across months, the n-th week of a month
    ("the third week of May"), a week of the year by its number ("W22") or a week named from
    the article's date ("last week")."""
    if g["ewk"] or g["ewko"]:
        return _en_week_of_year(a, b, g, ctx)
    if g["edx1"]:  # from one month to another ("between January 1 and May 25")
        m1, m2 = _en_month(g["edx1"]), _en_month(g["edx2"])
        d1, d2 = int(g["edxd1"]), int(g["edxd2"])
        y = int(g["edxy"]) if g["edxy"] else ctx.for_month(m2, d2)
        return _days_range(a, b, y, (m1, d1), (m2, d2), ctx)
    if g["eweek"]:
        return _week(
            a, b, _relative_week(g["eweek"], ctx), ctx, named=g["eweek"].lower() in _WEEKS_FROM_TODAY
        )
    if g["ewn"]:
        m = _en_month(g["ewm"])
        y = int(g["ewy"]) if g["ewy"] else ctx.for_month(m)
        return _week(a, b, _week_of_month(y, m, _WEEK_N[g["ewn"].lower()]) if y else None, ctx)
    m, d1, d2 = _en_month(g["edr"]), int(g["edr1"]), int(g["edr2"])
    y = int(g["edry"]) if g["edry"] else ctx.for_month(m, d2)
    return _days_range(a, b, y, (m, d1), (m, d2), ctx)


def _en_week_of_year(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """A week of the year by its number, Monday to Sunday as ISO 8601 counts them ("the 22nd
    week of the year", "W22": 2024-05-27..2024-06-02), of the year named, else of the year
    spoken of ("Week 22 last year": the year before, a week compared with)."""
    n = int(g["ewk"] or g["ewko"])
    y = int(g["ewky"]) if g["ewky"] else ctx.rel("last year") if g["ewkl"] else ctx.rel("this year")
    try:
        # (a week of last year is one compared with, not the week reported)
        return (
            _week(a, b, date.fromisocalendar(y, n, 1), ctx, named=not g["ewkl"])
            if y and 1 <= n <= 53
            else None
        )
    except ValueError:  # (no such week)
        return None


# the groups of an English match read by :func:`_en_quarter_or_half`, and by :func:`_en_in_context`
_QUARTER_OR_HALF_GROUPS = ("eq", "eqq", "eqq2", "erq", "eqmon", "eh", "ehh", "ehh2", "esa")
_IN_CONTEXT_GROUPS = ("ewd", "efm", "elm", "efq", "einy", "eyend", "eref", "enow", "efull", "eom")


def _resolve_en(a: int, b: int, g: dict, ctx: _Context) -> PeriodMention | None:
    """The time of one English match, or None; a year it names becomes the context's year."""
    asof_word = (g["asof"] or "").strip().lower()
    asof = asof_word in ("as of", "as at", "by the end of", "at the end of", "end-", "end of", "by") or (
        asof_word == "up to" and bool(g["emd"] or g["emd2"])  # "up to November 30": as of the day
    )
    if g["asof"] and (asof_word == "through" or (asof_word == "up to" and not asof)):
        a += len(g["asof"])
    if g["em1"]:
        return _en_month_range(a, b, g, ctx, asof)
    if g["em"] and not g["emy"] and _a_name(g["em"], ctx.text, a):
        return None  # "Lei Jun has set": a name, not June
    if g["edr"] or g["ewn"] or g["eweek"] or g["edx1"] or g["ewk"] or g["ewko"]:
        return _en_days_or_week(a, b, g, ctx)
    if g["emd"] or g["emd2"] or g["em"]:
        return _en_day_or_month(a, b, g, ctx, asof)
    if g["bym"] or g["bq"] or g["byq"]:
        return _en_shorthand(a, b, g, ctx, asof)
    if any(g[k] for k in _QUARTER_OR_HALF_GROUPS):
        return _en_quarter_or_half(a, b, g, ctx, asof)
    if any(g[k] for k in _IN_CONTEXT_GROUPS):
        return _en_in_context(a, b, g, ctx, asof)
    if g["eago"]:
        return _year_ago(a, b, ctx, int(g["eagoy"]) if g["eagoy"] else None)
    if g["ecurq"]:
        return _en_current_quarter(a, b, g["ecurq"].lower(), ctx, asof)
    if g["eprevq"]:
        return _en_previous_quarter(a, b, ctx, asof)
    if g["erelm"]:
        month = ctx.rel_month(g["erelm"].lower())
        return PeriodMention(a, b, month, "month", asof) if month else None
    if g["erel"]:
        y = ctx.rel(g["erel"].lower())
        if y is None:
            return None
        if _COMPARED_MONTH_EN.search(ctx.text, max(0, a - 40), a):
            return None  # "fewer than in June last year": the time compared with
        # "the same period last year" names no new year, nor does "next year" (a plan's)
        if not _COMPARED.search(ctx.text, max(0, a - 20), a) and g["erel"].lower() != "next year":
            ctx.year = y
        return PeriodMention(a, b, str(y), "year", asof)
    if g["eytd"] and g["eytdy"] and ctx.today is not None and int(g["eytdy"]) != ctx.today.year:
        return PeriodMention(a, b, g["eytdy"], "year")  # ("so far in 2023" read in 2024: that year)
    if g["eytd"]:
        return _en_year_so_far(a, b, g["eytdm"], ctx)
    if g["ey"]:
        return _en_year(a, b, g, ctx, asof)
    return None


def _en_year_end(a: int, b: int, word: str, ctx: _Context, asof: bool) -> PeriodMention | None:
    """ "year-end", "the year": the end of the year spoken of, else the article's (a deadline,
    "by year-end", the article's); "for the year" (not "total for the year", the year so far
    the extractor reads), that year."""
    y = ctx.year or (ctx.today.year if ctx.today else None)
    if not asof and word == "the year":
        if not ctx.text.endswith("for ", max(0, a - 4), a) or ctx.text.endswith(
            "total for ", max(0, a - 10), a
        ):
            return None
        return PeriodMention(a, b, str(y), "year", False) if y else None  # "spending for the year"
    if ctx.today is not None and ctx.text[a:b].lower().startswith(("by ", "before ")):
        y = ctx.today.year
    return PeriodMention(a, b, f"{y}-12-31", "day", True) if y else None


def _en_year_so_far(a: int, b: int, month: str | None, ctx: _Context) -> PeriodMention | None:
    """The year so far ("year to date", "so far in 2025" in 2025), to the article's date; or, to a month named
    ("since the beginning of the year till May end"), January to that month of the
    article's year (of the year before when the month is still to come)."""
    if ctx.today is None:
        return None
    if month is None:
        return PeriodMention(a, b, year_so_far(ctx.today), "range", False)
    m = _en_month(month)
    text, months = year_to_month(ctx.today.year - (m > ctx.today.month), m)
    return PeriodMention(a, b, text, "range", False, months=months)


def _en_year(a: int, b: int, g: dict, ctx: _Context, asof: bool) -> PeriodMention | None:
    """A bare year ("2025"): none for a listing code or a year compared with; the quarter
    of an ordinal quarter named just before ("third-quarter revenue in 2023")."""
    if is_stock_code(ctx.text, a, b):
        return None  # 理想汽车（2015）, Li Auto (2015.HK): a listing, not a year
    y = int(g["ey"])
    if _COMPARED_YEAR.search(ctx.text, max(0, a - 24), a):
        if WHEN_AFTER.match(ctx.text, b):  # ("79% growth from 2023, when it sold 2.79 million": its own)
            return PeriodMention(a, b, str(y), "year", False, local=True)
        if _TO_LATER_YEAR.match(ctx.text, b):  # ("doubled annually from 2019 through 2022": a span's start)
            return PeriodMention(a, b, str(y), "year", False)
        return None  # "up 34% from 2023", "than in the same period of 2024": a comparison
    named = _QUARTER_THEN_YEAR.search(ctx.text, max(0, a - 40), a)
    if named:  # "third-quarter revenue in 2023": the quarter of that year
        ctx.year = y
        return PeriodMention(a, b, f"{y}-Q{EN_ORDINALS[named.group(1).lower()]}", "quarter", False)
    if not _plan_year(ctx.text, a, b, y, ctx.today) and not _NO_CONTEXT_BEFORE.search(
        ctx.text, max(0, a - 32), a
    ):
        ctx.year = y
    if asof:
        return PeriodMention(a, b, f"{y}-12-31", "day", True)
    return PeriodMention(a, b, str(y), "year", False)


def _en_previous_quarter(a: int, b: int, ctx: _Context, asof: bool) -> PeriodMention | None:
    """ "The previous quarter": the one before the quarter reported (the first quarter over
    the text names), for its own clause; None when none is."""
    rep = ctx.spans.get("reported")
    if rep is None:
        return None
    k = 4 * int(rep[0][:4]) + int(rep[0][-1]) - 2
    return PeriodMention(a, b, f"{k // 4}-Q{k % 4 + 1}", "quarter", asof, local=True)


# a word of the future before a time in its sentence ("It expects this quarter to …")
_FUTURE_BEFORE_EN = re.compile(
    r"\b(?:expects?|expected|forecasts?|projects?|guid\w*|outlook|will|plans?|aims?|(?<!price )targets?)\b[^.!?]*$",
    re.I,
)


def _en_current_quarter(a: int, b: int, words: str, ctx: _Context, asof: bool) -> PeriodMention | None:
    """The quarter "the current quarter" names: the article's (in an article with no date of
    its own, the one after the quarter last named: results coverage speaks of the quarter
    after the one reported); "the next quarter": the one after that; "last quarter": the
    one before the article's (its date, else the stand-in date, as "last month"). "This
    quarter" with no word of the future after it is the quarter last named, where one is."""
    last = ctx.spans.get("quarter")
    if words.startswith("last"):
        if ctx.today is None:
            return None
        k = 4 * ctx.today.year + (ctx.today.month - 1) // 3 - 1
        return PeriodMention(a, b, f"{k // 4}-Q{k % 4 + 1}", "quarter", asof)
    if (
        words == "this quarter"
        and last is not None
        and not _FUTURE_BEFORE_EN.search(ctx.text, max(0, a - 60), a)
        and not _future_word_after(ctx.text, ctx.at)
    ):
        # ("Within the Q3 2025 financial report … This quarter, its sales reached 174,000
        # units": the quarter last named, as 本季)
        return PeriodMention(a, b, last[0], "quarter", asof)
    if ctx.dated and ctx.today is not None:
        k = 4 * ctx.today.year + (ctx.today.month - 1) // 3
    elif last is not None:
        k = 4 * int(last[0][:4]) + int(last[0][-1])  # (the quarter after it, counted from 0)
    else:
        return None
    k += "next" in words or "coming" in words
    return PeriodMention(a, b, f"{k // 4}-Q{k % 4 + 1}", "quarter", asof)


def _en_year_of(ctx: _Context, s: str | None, m: int = 1, d: int = 1) -> int | None:
    """The year ``s`` (then the context's year), else the year of month ``m``, day ``d``
    in the context."""
    if s:
        ctx.year = int(s)
        return int(s)
    return ctx.for_month(m, d)


def _en_month_range(a: int, b: int, g: dict, ctx: _Context, asof: bool) -> PeriodMention | None:
    """A range of months ("January-September 2025"), or the quarter it spans when a
    quarter is spoken of ("the July-September quarter")."""
    m1, m2 = _en_month(g["em1"]), _en_month(g["em2"])
    y1: int | None
    if g["erng"] and not g["ey2"]:  # "from January to April this year"
        y_rel = ctx.rel(g["erng"])
        g = {**g, "ey2": str(y_rel) if y_rel is not None else None}
    if g["ey2"] and not g["ey1"]:
        y2 = int(g["ey2"])
        y1 = y2 if m1 <= m2 else y2 - 1
        ctx.year = y2
    else:
        y1 = _en_year_of(ctx, g["ey1"], m1)
        if y1 is None:
            return None
        y2 = int(g["ey2"]) if g["ey2"] else (y1 if m1 <= m2 else y1 + 1)
    if y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2 and _QUARTER_AFTER.match(ctx.text, b):
        return PeriodMention(a, b, f"{y1}-Q{m2 // 3}", "quarter", asof)  # "the July-September quarter"
    text, months = _range(y1, m1, y2, m2)
    return PeriodMention(a, b, text, "range", asof, months=months)


def _en_day_or_month(a: int, b: int, g: dict, ctx: _Context, asof: bool) -> PeriodMention | None:
    """A day ("November 17, 2025") or a month ("November", "end of October 2025")."""
    if g["emd"] or g["emd2"]:
        mo = _en_month(g["emd"] or g["emd2"])
        d = int(g["ed"] or g["ed2"])
        y = _en_year_of(ctx, g["edy"] or g["edy2"], mo, d)
        day = _safe_day(y, mo, d) if y else None
        return PeriodMention(a, b, day, "day", asof) if day else None
    mo = _en_month(g["em"])
    if (
        g["emy"]
        and not asof
        and _COMPARED_YEAR.search(ctx.text, max(0, a - 24), a)
        and not WHEN_AFTER.match(ctx.text, b)  # ("from April 2023, when Tesla sold …": its own)
    ):
        # "a 26.18% increase from May 2022": the time compared with, its clause's only (and
        # naming no year for the months after it)
        return PeriodMention(a, b, f"{int(g['emy']):04d}-{mo:02d}", "month", local=True)
    if not g["emy"] and _COMPARED_YEAR.search(ctx.text, max(0, a - 24), a):
        when = WHEN_AFTER.match(ctx.text, b) is not None  # "from October, when sales fell to …"
        if not when and not _OWN_FIGURE_EN.match(ctx.text, b):
            return None  # "19% more than in November": a comparison, not the figure's month
        # "up 3% from October's 165,505": the time of its own figure ("from April last year
        # when the company delivered 9,002": of last year)
        y = ctx.rel(g["emrel"].lower()) if g["emrel"] else ctx.for_month(mo)
        return PeriodMention(a, b, f"{y:04d}-{mo:02d}", "month", local=not when) if y else None
    # ("2.263 million units in November this year": November of the article's year)
    y = ctx.rel(g["emrel"].lower()) if g["emrel"] else _en_year_of(ctx, g["emy"], mo)
    if y is None:
        return None
    if g["emrel"]:
        ctx.year = y  # (a year it names, as "last year" alone does)
    if asof:
        return PeriodMention(a, b, _month_end(y, mo), "day", True)
    if mo > 1 and (g["asof"] or "").strip().lower() == "through":
        if _CUMULATIVE_BEFORE.search(ctx.text, max(0, a - 80), a):
            # "cumulative deliveries now stand at 949,457 vehicles through November": a running
            # total as of the month's end, its own time only
            return PeriodMention(a, b, _month_end(y, mo), "day", True, local=True)
        return _first_months(a, b, y, mo, False)  # "delivered … through November": the year so far
    return PeriodMention(a, b, f"{y:04d}-{mo:02d}", "month", False)


def _en_shorthand(a: int, b: int, g: dict, ctx: _Context, asof: bool) -> PeriodMention | None:
    """Analysts' shorthand: 2024/12 (a month), 4Q24 or 24Q4 (a quarter), 1H25 or 25H1 (a half)."""
    if g["bym"]:
        ctx.year = int(g["bym"])
        return PeriodMention(a, b, f"{g['bym']}-{int(g['bymm']):02d}", "month", asof)
    n, kind, y = (g["bq"], g["bqh"], f"20{g['bqy']}") if g["bq"] else (g["byqn"], g["byqh"], f"20{g['byq']}")
    part = {"eqq": n, "eqqy": y} if kind == "Q" else {"ehh": n, "ehhy": y}
    year = ctx.year
    pm = _en_quarter_or_half(a, b, {**g, **part}, ctx, asof)
    if g["byq"]:
        ctx.year = year  # (a broker's 26H1 plan or 23Q3 column names no year for a bare Q3 after it)
    return pm


def _en_quarter_or_half(a: int, b: int, g: dict, ctx: _Context, asof: bool) -> PeriodMention | None:
    """A quarter ("the third quarter of 2025", "Q3", "Quarter II 2025") or a half ("the
    first half", "H1", a half-year report: the first half)."""
    if g["erq"]:
        g = {**g, "eqq": str(_ROMAN_Q[g["erq"]]), "eqqy": g["erqy"]}
    if g["eqmon"]:  # "the June quarter": the quarter that ends in June
        g = {**g, "eqq": str(_en_month(g["eqmon"]) // 3), "eqqy": g["eqmy"]}
    if g["esa"]:
        g = {**g, "eh": "first", "ehy": g["esay"] or g["esay2"]}
    rel = g.get("eqrel") or g.get("ehrel")
    if rel:  # "the first quarter of this year", "the second half of last year"
        y_rel = ctx.rel(f"{rel} year")
        if y_rel is not None:
            g = {**g, "eqy": str(y_rel), "ehy": str(y_rel)}
    if g["eq"] or g["eqq"] or g["eqq2"]:
        q = EN_ORDINALS[g["eq"].lower()] if g["eq"] else int(g["eqq"] or g["eqq2"])
        ys = g["eqy"] or g["eqqy"] or g["eqqy2"]
        y = int(ys) if ys else _part_to_come(ctx, 3 * q - 2)
        if ys:
            ctx.year = y
        if y is None:
            return None
        if asof:
            return PeriodMention(a, b, _month_end(y, 3 * q), "day", True)
        return PeriodMention(a, b, f"{y}-Q{q}", "quarter", False)
    h = 1 if ((g["eh"] or "").lower() == "first" or "1" in (g["ehh"], g["ehh2"])) else 2
    ys = g["ehy"] or g["ehhy"] or g["ehhy2"]
    y = int(ys) if ys else _part_to_come(ctx, 6 * h - 5, 6)
    if ys:
        ctx.year = y
    if y is None:
        return None
    return PeriodMention(a, b, f"{y}-H{h}", "half", asof)


def _last_months(a: int, b: int, n: int, today: date | None) -> PeriodMention | None:
    """The last ``n`` months ("over the last two months"): the ``n`` full months before the
    article's month, a time of its own clause only (no context for the sentences after it)."""
    if today is None:
        return None
    end = today.year * 12 + today.month - 2  # (months since year 0: the month before)
    text, months = _range((end - n + 1) // 12, (end - n + 1) % 12 + 1, end // 12, end % 12 + 1)
    return PeriodMention(a, b, text, "range", False, months=months, local=True)


def _en_in_context(a: int, b: int, g: dict, ctx: _Context, asof: bool) -> PeriodMention | None:
    """A time read from the context: a weekday, the first months of the year, "in the
    year", its end, the span last named ("over the quarter"), now, or the full year."""
    if g["ewd"] == "yesterday":  # ("NIO stock fell 1.65% yesterday"): the day before the article's
        return PeriodMention(a, b, _shift_day(ctx.today.isoformat(), -1), "day", False) if ctx.today else None
    if g["ewd"]:
        day = ctx.weekday(_WEEKDAYS[g["ewd"].lower()])
        return PeriodMention(a, b, day, "day", False) if day else None
    if g["efm"]:
        y = int(g["efmy"]) if g["efmy"] else (ctx.year or (ctx.today.year if ctx.today else None))
        if y is None:
            return None
        n = _EN_NUMS.get(g["efm"]) or int(g["efm"])
        return _first_months(a, b, y, n, False)
    if g["elm"]:
        return _last_months(a, b, _EN_NUMS.get(g["elm"]) or int(g["elm"]), ctx.today)
    if g["efq"]:  # the first three quarters: of the year named, else the latest begun by the article's date
        n = 3 * (_EN_NUMS.get(g["efq"]) or int(g["efq"]))
        if g["efqy"]:
            y = int(g["efqy"])
        elif ctx.today is not None:
            y = ctx.today.year if ctx.today.month > n - 3 else ctx.today.year - 1
        else:
            y = ctx.year
        return _first_months(a, b, y, n, False) if y else None
    if g["einy"]:
        y = ctx.year or (ctx.today.year if ctx.today else None)
        return PeriodMention(a, b, str(y), "year", False) if y else None
    if g["eyend"]:
        return _en_year_end(a, b, g["eyend"], ctx, asof)
    if g["eref"]:  # "over the quarter", "for the month": the last span of that kind named
        want = {"quarter": "quarter", "three months": "quarter", "six months": "half", "month": "month"}.get(
            g["eref"].split(" ", 1)[1]
        )
        span = ctx.spans.get(want) if want else ctx.spans.get("last")
        return PeriodMention(a, b, span[0], span[1], False) if span else None
    if g["enow"]:
        return PeriodMention(a, b, ctx.today.isoformat(), "day", False) if ctx.today else None
    if g["eom"]:  # "the second month of this year": February
        y = int(g["eomy"]) if g["eomy"] else (ctx.today.year if ctx.today else ctx.year)
        return PeriodMention(a, b, f"{y}-{EN_ORDINALS[g['eom']]:02d}", "month", asof) if y else None
    if g["efully"]:  # "for the full year 2024"
        ctx.year = int(g["efully"])
        return PeriodMention(a, b, g["efully"], "year", asof)
    # the year spoken of, else the article's (early in a year, the one just ended)
    y = ctx.year or (
        None
        if ctx.today is None
        else ctx.today.year - 1
        if ctx.today.month <= 2 and not ctx.ahead
        else ctx.today.year
    )
    return PeriodMention(a, b, str(y), "year", asof) if y else None


_URL_DATE = re.compile(r"(?<!\d)(20[0-3]\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_FULL_ZH = re.compile(r"(?<!\d)(20[0-3]\d) ?年 ?(1[0-2]|0?[1-9]) ?月 ?(3[01]|[12]\d|0?[1-9]) ?[日号]")
_NEW_YEAR_DAY = re.compile(r"(?<!\d)(20[0-3]\d) ?年 ?(?:新年首日|新年第一天|元旦)")
_FULL_EN = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? (3[01]|[12]\d|0?[1-9]),? (20[0-3]\d)\b"
)
# a day written in figures: 2025-12-29, 2025/12/29, 2025.08.19 (a byline's), and day and
# month either way round before the year, 27/10/2025 or 10/27/2025 (read only where one of
# the two is past 12)
_FULL_NUM = re.compile(
    r"(?<![\d/.-])(20[0-3]\d)([-/.])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d/.-]?\d)"
)
_FULL_DMY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(20[0-3]\d)(?!\d)")
# a day written day first in English ("Tue, 02 Sep 2025", "(19 Aug 2025)")
_FULL_EN_DMY = re.compile(
    r"(?<![\d,.])(3[01]|[12]\d|0?[1-9]) (January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,? (20[0-3]\d)\b"
)
_MONTH_ZH = re.compile(r"(?<!\d)(20[0-3]\d|[12]\d) ?年 ?(1[0-2]|0?[1-9]) ?月(?!\d)")
# the months of a year named as a run (2024年1-4月): its last month
_MONTH_RUN_ZH = re.compile(
    r"(?<!\d)(20[0-3]\d) ?年 ?(?:1[0-2]|0?[1-9]) ?[-~—至到] ?(1[0-2]|0?[1-9]) ?月(?!\d)"
)
_MONTH_EN = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December) (20[0-3]\d)\b"
)
_QUARTER_ZH = re.compile(
    r"(?<!\d)(20[0-3]\d|[12]\d) ?年 ?(?:第 ?)?([一二三四1-4]) ?季"
    r"|(?<![\d.])(20[0-3]\d|[12]\d) ?(?:年 ?)?Q([1-4])(?!\d)"  # (2024年Q1, and 24Q1 with no 年)
)
_QUARTER_EN = re.compile(
    r"\b(first|second|third|fourth) quarter(?: of)? (20[0-3]\d)\b|\bQ([1-4]) (20[0-3]\d)\b"
    r"|(?<![\d.])(20[0-3]\d) ?Q([1-4])\b",  # (2024Q4, 2024 Q4: a year before its quarter)
    re.I,
)
# a quarter with its year's last two digits, as analysts write it (Q4'23, Q4’23, 4Q23)
_QUARTER_SHORT = re.compile(r"\bQ([1-4]) ?['’](\d\d)\b|\b([1-4])Q(\d\d)\b")
_URL_LINE = re.compile(r"(?m)^url:(.*)$")
# a year and month in an address, as a folder ("/html/2025-11/1023685.html", "/202511/")
# a page's number in its address that opens with the day or month it was put up
# (``/2025112620292935.html``, ``/202511322447/``): twelve digits or more
_URL_ID_DATE = re.compile(r"(?<![\d.])(20[0-3]\d)(0[1-9]|1[0-2])(\d\d)\d{4,}(?!\d)")
_URL_MONTH = re.compile(r"/(20[0-3]\d)-?(0[1-9]|1[0-2])/")
# a month named with its year in an address's words ("sales-september2023", "may-2024")
_URL_MONTH_NAMED = re.compile(
    r"(?<![a-z])(january|february|march|april|may|june|july|august|september|october|november|december)[-_]?(20[0-3]\d)(?!\d)"
    r"|(?<!\d)(20[0-3]\d)[-_](january|february|march|april|may|june|july|august|september|october|november|december)(?![a-z])",
    re.I,
)
# "last year" as the time of a figure (not "the same period last year", 去年同期), and
# "this year", for the stand-in date of an article naming only years
_LAST_YEAR = re.compile(
    r"(?<!same period )(?<!same quarter )(?<!same month )\blast year\b|去年(?!同期|同月|同季)"
)
_THIS_YEAR = re.compile(r"\bthis year\b|今年")


def _of_last_year(text: str, year: int) -> bool:
    """Whether ``text`` speaks of ``year`` as last year: "last year" (``去年``) said more than
    once, or "last year" within 250 characters after ``year`` is named last, in an earlier sentence
    and not under a plan ("milestones in 2024. … BYD sold approximately 1.8 million
    electric vehicles last year")."""
    found = list(_LAST_YEAR.finditer(text))
    if len(found) > 1:
        return True
    for m in found:
        if m.group() != "last year":
            continue  # (进入2025年…该车型在去年11月开启预售: a month, a year before the year named)
        named = list(_YEAR_ANY.finditer(text, max(0, m.start() - 250), m.start()))
        if (
            named
            and int(named[-1].group(1)) == year
            and not _ahead(text, *named[-1].span())
            and _SENTENCE_MARK.search(text, named[-1].end(), m.start())  # (not "in 2025 from … last year")
        ):
            return True
    return False


# the title in a front matter, whose years (not one a plan is for: "targets … by 2027")
# count with the body's
_TITLE_LINE = re.compile(r"(?m)^title:(.*)$")
_TITLE_YEAR = re.compile(r"(?<![\d.,$])(?<!by[ -])(?<!until[ -])(20[0-3]\d)(?![\d%])")
_MONTHISH = timedelta(days=45)


def _year(s: str) -> int:
    return int(s) if len(s) == 4 else 2000 + int(s)


# (a month's first day, 2月首日, is its 1st)
_DAY_ZH = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9]) ?月 ?(3[01]|[12]\d|0?[1-9]|首) ?[日号](?!之?前)")
_DAY_EN = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? (3[01]|[12]\d|0?[1-9])\b(?!,? 20)"
)
# a year; not a listing code in brackets ("理想汽车（2015）"), not a model year (2025款), not a figure of 亿 or 万 a
# line break cut ("2011\n億元"), not a count of something (6天内累计交付 2000 台, "2,000 units")
_YEAR_ANY = re.compile(
    r"(?<![\d.$])(?<!\d,)(20[0-3]\d)(?![\d%款])(?!\s*[亿万億萬])(?!(?<=[（(]\d{4})[)）])"
    r"(?! ?(?:台|辆|輛|臺|部|座|个|個|家|位|名|人|元|units?\b|vehicles?\b|cars?\b|yuan\b|orders?\b))"
)
# a dateline: a day with its time of day near the top ("中国证券报·2025-11-20 20:09")
_DATELINE = re.compile(
    r"(?<![\d/.-])(20[0-3]\d)[-/.年](1[0-2]|0?[1-9])[-/.月](3[01]|[12]\d|0?[1-9])日? ?(?:[01]\d|2[0-3]):[0-5]\d"
)
# a dateline of its own line near the top, month first ("07/15 2024", "07/15/2024")
_DATELINE_US = re.compile(r"^ *(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])[ /](20[0-3]\d) *$", re.M)
# the end of a range of days after its first day: " to 25", " and 25", "-25", 至25日
_DAY_RANGE_END = re.compile(r" ?(?:to|through|and|-|–|至|到|~) ?(3[01]|[12]\d|0?[1-9])(?!\d|[,.]\d|%)")


def infer_date(text: str, body: str | None = None) -> date | None:
    """A stand-in for the publication date of an article that gives none: a date in its URL, also opening
    a page's number there (``/2025112620292935.html``; a year and month alone, ``/2025-11/`` or
    ``/202511322447/``: the day the text gives when in that month, else its last); else a
    dateline near the top (a day with its time of day, "2025-11-20 20:09"); else the latest full day it
    names (``2025年11月17日``, "November 17, 2025", also after a byline: "By LiDan Nov 26, 2025"); else the day
    after the latest month, quarter or half it names with a year (45 days after a quarter in a story on
    results, which come out weeks after it); a year spoken of as over (``2025年全年累计``, ``2025年,蔚来累计交付
    32.6万辆,同比增长46.9%``) puts it after that year, even after a full day named in it; else the last day of the year it names most often, or the day after the latest
    quarter (else month) it names without a year, in that year. A month, quarter, half or day under a plan or a goal
    (``到2024年第四季度``, "expects Q1 2026", ``指引2025年第四季度``, ``2026年第一季度毛利率将走低``) is ahead
    of the article and left out (when all are, the article comes before the first); a day a span starts from
    (``自2024年3月28日``, "since") only bounds it below; when that bound is the latest, the article reports
    the first month it names without a year after that day. A day named without a year near the top
    (``11月17日``, a release day) moves it later, in that year. A year named as the base of a comparison
    (``较2024年同期``, "up 7.7% from 2024") puts it at the end of the year after, at least; a month named
    without a year later than the latest month named with one moves it after that month; known only to
    the year, an article speaking of "last month" whose opening sentence names one month without a year
    comes out in the month after it ("sales for January … sold 210,051 vehicles last month"); a broker's
    forecast over a run of years (``预计2025-2027年``) puts it in no year after the first, and a year's
    target met early (``提前达成…2025年交付目标``) in no year after that one (a year alone known:
    :func:`_year_known_only`; a year's annual report speaks of it as over). None when the
    text names no year. ``body``, when given, is the text as normalised (simplified script, its front
    matter blanked), read for all but the URL.

    >>> infer_date("url: https://example.com/2025/11/26/byd\\n")
    datetime.date(2025, 11, 26)
    >>> infer_date("小鹏2025年第三季度交付11.6万辆，10月交付4.2万辆。")
    datetime.date(2025, 11, 1)
    >>> infer_date("11月17日，小鹏公布2025年第三季度业绩。")
    datetime.date(2025, 11, 17)
    """
    m = _URL_LINE.search(text, 0, 4000)
    month = None
    if m:
        d = _URL_DATE.search(m.group(1))
        if d:
            got = _safe_day(int(d.group(1)), int(d.group(2)), int(d.group(3)))
            if got:
                return date.fromisoformat(got)
        month = _URL_MONTH.search(m.group(1))
        if month is None and (ident := _URL_ID_DATE.search(m.group(1))):
            got = _safe_day(int(ident.group(1)), int(ident.group(2)), int(ident.group(3)))
            if got:
                return date.fromisoformat(got)
            month = ident  # (its year and month: ``/202511322447/``)
    read = _text_stand_in(text, body)
    if month is None and m and (named := _URL_MONTH_NAMED.search(m.group(1))):
        # a month named with its year in the address's words ("…-wholesale-sales-september2023"):
        # the month the article reports, released in the month after it
        y = int(named.group(2) or named.group(3))
        mo = _en_month(named.group(1) or named.group(4))
        after = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
        return read if read is not None and after <= read < after + _MONTHISH else after
    if month is None:
        return read
    y, mo = int(month.group(1)), int(month.group(2))
    if read is not None and (read.year, read.month) == (y, mo):
        return read  # a day of the month the address names
    return date(y + 1, 1, 1) - timedelta(days=1) if mo == 12 else date(y, mo + 1, 1) - timedelta(days=1)


_RESULTS = re.compile(r"财报|业绩|财务|results|earnings", re.I)
_RESULTS_LAG = timedelta(days=45)


# a broker's forecast over a run of years (预计2025-2027年, 2025E-2027E): its first year is the
# year it is written in, or a later one
# a year's target met ahead of time (提前达成50万台的2025年交付目标, 提前完成2024年全年目标): the
# year is not over
_TARGET_MET_EARLY = re.compile(r"提前(?:达成|完成|实现)了?[^。;,，]{0,16}?(20\d\d) ?年[^。;,，]{0,12}目标")
_FORECAST_RUN = re.compile(r"(?:预计|预测|预期)(20\d\d)e?\s*[-–~至到]\s*(?:20\d\d)e?", re.I)


def _text_stand_in(text: str, body: str | None) -> date | None:
    """The stand-in :func:`infer_date` reads from the text (not its address), in no year
    after the first of a forecast's run of years (:data:`_FORECAST_RUN`) nor after a year whose
    target was met early (:data:`_TARGET_MET_EARLY`)."""
    got = _text_stand_in_day(text, body)
    body = text if body is None else body
    caps = [int(m.group(1)) for m in (_FORECAST_RUN.search(body), _TARGET_MET_EARLY.search(body)) if m]
    if got is None or not caps or got.year <= min(caps):
        return got
    y = min(caps)
    return date(y, got.month, min(got.day, calendar.monthrange(y, got.month)[1]))


def _text_stand_in_day(text: str, body: str | None) -> date | None:
    """The stand-in of :func:`_text_stand_in` before the forecast's bound (a dateline near
    the top comes first: a day with its time of day, or a day written month first on a line
    of its own, "07/15 2024")."""
    head_years = _title_years(text)
    text = text if body is None else body
    line = _DATELINE.search(text, front_end(text), front_end(text) + 400)
    if line:
        got = _safe_day(int(line.group(1)), int(line.group(2)), int(line.group(3)))
        if got:
            return date.fromisoformat(got)
    line = _DATELINE_US.search(text, front_end(text), front_end(text) + 400)
    if line:
        got = _safe_day(int(line.group(3)), int(line.group(1)), int(line.group(2)))
        if got:
            return date.fromisoformat(got)
    days, since = _named_days(text)
    anchor = max(days) if days else _span_anchor(text, head_years)
    year_only = anchor is not None and not days and (anchor.month, anchor.day) == (12, 31)
    base = _base_bound(text)
    if base is not None and (anchor is None or anchor < base[0]):
        anchor, days, year_only = base[1], [], False  # a year compared with is past
    over = max((int(next(g for g in m.groups() if g)) for m in _WHOLE_YEAR.finditer(text)), default=None)
    if over is not None and anchor is not None and anchor < date(over, 12, 31):
        anchor, days, year_only = date(over + 1, 1, 1), [], False  # a year spoken of as over is past
    if year_only and anchor is not None and _of_last_year(text, anchor.year) and not _THIS_YEAR.search(text):
        # "sales jumped 41 percent last year", said more than once, or right after the year
        # named most often, being that year: the article is of the year after
        anchor = date(anchor.year + 1, 1, 1)
    if anchor is not None and not days and anchor.day == 1:  # the day after a month named
        anchor = _later_bare_month(text, anchor)
    if anchor is not None and days and (m := _opening_month(text)) is not None and 0 < m - anchor.month <= 2:
        # the month the opening sentence reports, named without a year, a month or two after
        # the latest day named ("retailed 2,225,000 vehicles in November" and "as of October
        # 22, 2025"): the article comes out after that month
        anchor = date(anchor.year + (m == 12), m % 12 + 1, 1)
    if anchor is None and not since:
        anchor = _bare_year_on_top(text)  # "10月16日消息,2023奇瑞科技日于今日举办"
    if anchor is None:
        return _after_month_reported(text, max(since)) if since else None
    if not days and (anchor.month, anchor.day) == (12, 31) and (lede := _lede_month(text)) is not None:
        anchor = date(anchor.year, lede + 1, 1)  # "sales for January" then "sold … last month"
    stand_in = _release_day(text, anchor, year_only=not days)
    if (
        not days
        and stand_in == anchor
        and anchor.day == 1
        and anchor.month in (4, 7, 10)
        and _RESULTS.search(text)
    ):
        stand_in = anchor + _RESULTS_LAG  # a quarter's results come out weeks after it ends
    if year_only and stand_in == anchor:
        # only the year named most often is known: after the latest quarter named without
        # one ("Q2 總收入…；預計 Q3 交付": after the second quarter), in that year
        bare = _latest_bare_span(text)
        stand_in = date(anchor.year, bare + 1, 1) if bare is not None and bare < 12 else stand_in
    return _after_month_reported(text, max(since)) if since and max(since) >= stand_in else stand_in


_LAST_MONTH = re.compile(r"\blast month\b|上个?月", re.I)
_LEDE_END = re.compile(r"[。!?！？\n]|\.(?!\d)")


def _opening_month(text: str) -> int | None:
    """The one month the opening sentence of the body names without a year, else None."""
    start = front_end(text)
    while start < len(text) and text[start].isspace():
        start += 1
    end = _LEDE_END.search(text, start)
    months = set(_bare_months(text[start : end.start() if end else len(text)]))
    return months.pop() if len(months) == 1 else None


def _lede_month(text: str) -> int | None:
    """The month the opening sentence names without a year (not December), when the text
    also speaks of "last month" (``上月``): the article comes out in the month after it
    ("BYD reported a 30.1 per cent fall in vehicle sales for January … sold 210,051
    vehicles globally last month"). None when it names none or more than one."""
    if not _LAST_MONTH.search(text):
        return None
    month = _opening_month(text)
    return month if month != 12 else None


def _after_month_reported(text: str, since: date) -> date:
    """The day after the first month the text names without a year (the month it reports;
    not 去年's, not under a plan) that falls after ``since``, the day a span runs from to
    now: a text naming "since 31 December 2024" and "delivered 30,500 cars in February"
    reports February 2025. ``since`` when it names none."""
    month = next(_bare_months(text), None)
    if month is None:
        return since
    y = since.year if month >= since.month else since.year + 1
    return date(y + 1, 1, 1) if month == 12 else date(y, month + 1, 1)


# a year written bare before a name near the top of a text that names no other year
# ("2023奇瑞科技日", "2025上海车展"): not before 年, a unit or a model-year word
_BARE_YEAR = re.compile(r"(?<![\d.])(?<!\d,)(20[0-3]\d)(?=[\u4e00-\u9fff])(?![年辆台万亿元款个家月日号度])")


def _bare_year_on_top(text: str) -> date | None:
    """The last day of a year written bare before a name in the first 400 characters."""
    m = _BARE_YEAR.search(text, 0, 400)
    return date(int(m.group(1)), 12, 31) if m else None


def _named_days(text: str) -> tuple[list[date], list[date]]:
    """The full days the text names (a plan's left out), and apart the days spans start from."""
    days: list[date] = []
    since: list[date] = []
    for rx, ymd in (
        (_FULL_ZH, (1, 2, 3)),
        (_FULL_EN, (3, 1, 2)),
        (_FULL_NUM, (1, 3, 4)),
        (_FULL_DMY, (3, 2, 1)),
        (_FULL_EN_DMY, (3, 2, 1)),
    ):
        for d in rx.finditer(text):
            y, mo, dd = (d.group(k) for k in ymd)
            if rx is _FULL_DMY and int(dd) <= 12:
                if int(mo) <= 12:
                    continue  # 03/04/2025: which is the day is not known
                mo, dd = dd, mo  # 10/27/2025: month first
            got = _safe_day(int(y), int(mo) if mo.isdigit() else _en_month(mo), int(dd))
            a = d.start()
            if got is None or (
                _AHEAD_BEFORE.search(text, max(0, a - 12), a) and not _BYLINE.search(text, max(0, a - 40), a)
            ):
                continue
            # (a day a reported span ends on, 截至9月30日止的第3季, "the quarter ended September
            # 30": the article comes after it)
            day = date.fromisoformat(got)
            if _SPAN_END_AROUND.match(text, d.end()) or _SPAN_END_BEFORE.search(text, max(0, a - 12), a):
                day += timedelta(days=1)
            (since if _SINCE_BEFORE.search(text, max(0, a - 56), a) else days).append(day)
    # the first day of a year named as such (2026年新年首日, 2026年元旦)
    days += [date(int(d.group(1)), 1, 1) for d in _NEW_YEAR_DAY.finditer(text)]
    return days, since


# a byline before a day ("By  LiDan  Nov 26, 2025"): "By" names the writer, no deadline
_BYLINE = re.compile(r"(?-i:\bBy) +(?-i:[A-Z])[\w.'-]*(?: [\w.'-]+){0,3} +$")
# a day a reported span ends on (截至2023年9月30日止, "for the quarter ended September 30, 2023")
_SPAN_END_AROUND = re.compile(r" ?止")
_SPAN_END_BEFORE = re.compile(r"\b(?:ended|ending)(?: on)? $", re.I)


# how long after the latest full day an article names its release day can be: a day named
# without a year later than that is another event's ("零跑B01(7月24日上市)" in a report dated
# 2025年11月18日), not the article's
_RELEASE_AFTER = timedelta(days=92)


def _release_day(text: str, anchor: date, year_only: bool) -> date:
    """``anchor`` moved to a day named without its year near the top, when one is (not a
    deadline, ``9月30日前``; after a full day named, ``year_only`` False, not more than
    :data:`_RELEASE_AFTER` after it); when only a year is known (``year_only`` and
    ``anchor`` its last day), to that day in it. A
    day that starts a range ("between May 19 and 25", ``5月19日至25日``) stands for the day
    after the range: a week's figures come out once it is over."""
    head = text[:600]
    lead = _first_not_since(_DAY_ZH, head)
    md = (int(lead.group(1)), 1 if lead.group(2) == "首" else int(lead.group(2))) if lead else None
    if md is None:
        lead = _first_not_since(_DAY_EN, head)
        md = (_en_month(lead.group(1)), int(lead.group(2))) if lead else None
    if md is None or lead is None:
        return anchor
    # (a day a reported span ends on, 截至9月30日止的第3季: the article comes after it)
    step = timedelta(days=1) if _SPAN_END_AROUND.match(head, lead.end()) else timedelta(0)
    to = _DAY_RANGE_END.match(head, lead.end())
    if to is not None and md[1] < int(to.group(1)):
        md, step = (md[0], int(to.group(1))), timedelta(days=1)  # the day after the range
    if year_only and anchor.month == 12 and anchor.day == 31:
        # only a year is known: the day in that year; a January day releasing a December's
        # figures (1月5日,乘联会发布了12月份…数据) is in the year after
        after = md[0] == 1 and _BARE_DECEMBER.search(head, lead.end()) is not None
        got = _safe_day(anchor.year + after, *md)
        return date.fromisoformat(got) + step if got else anchor
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        got = _safe_day(y, *md)
        if (
            got
            and anchor - _MONTHISH <= date.fromisoformat(got)
            and (year_only or date.fromisoformat(got) <= anchor + _RELEASE_AFTER)
        ):
            return max(anchor, date.fromisoformat(got) + step)
    return anchor


# a December named without its year (12月份, 12月): the month a January release reports
_BARE_DECEMBER = re.compile(r"(?<![\d年./-])12 ?月(?:份)?(?![\d日号])")


def _first_not_since(rx: re.Pattern, head: str) -> re.Match | None:
    """The first match of ``rx`` in ``head`` that no span starts from ("its lowest close
    since Feb 5" is no release day)."""
    for m in rx.finditer(head):
        if not _SINCE_BEFORE.search(head, max(0, m.start() - 8), m.start()):
            return m
    return None


# a time named under a plan or a goal is ahead of the article, not reported in it
# (a plan or a forecast opening the clause further back: 预计将本地化生产两款…车型并于2026年下半年投放市场)
# (in English, a goal or a verb of the future further back in the sentence: "the bold goal of
# reaching 500,000 units in 2025", "which should come online by the end of next year or early 2026")
_AHEAD_IN_CLAUSE = re.compile(
    r"(?:预计|计划|有望|将于|拟)[^，。；,;.!?！？]{9,36}$"
    r"|\b(?:goal|target|aims?|aiming|plans?|planned|expects?|expected|should|will)\b[^;.!?\n]{9,60}$",
    re.I,
)
_AHEAD_BEFORE = re.compile(
    rf"(?:{_FUTURE_WORDS}|到|(?<!截)至|将|明年|指引|\b(?:by|plans?|planned|expects?|expected|aims?|aiming|until|through)\b)"
    r"[^，。；,;.!?！？]{0,8}$",
    re.I,
)
# (after it: a goal, a deadline, guidance, or 将 in its clause, 2026年第一季度毛利率将走低)
_AHEAD_AFTER = re.compile(
    r"^.{0,4}(?:目标|前|指引)|^[^，。；,;]{0,6}将(?!近)|^\W{0,3}(?:target|goal|guidance|outlook)"
    # (a goal of a kind of figure: 2026年海外销量目标; not one met, 2025年交付量完成目标)
    r"|^[^，。；,;完达超\d]{5,8}目标",
    re.I,
)
_SINCE_BEFORE = re.compile(
    r"(?:自|从|since|from)\W?$|\bsince (?:the |its |their )?[^.;!?\n]{0,40} on $", re.I
)
# the month of a year a span starts from ("since August 2022")
_SINCE_MONTH_BEFORE = re.compile(r"\bsince [A-Za-z]{3,9}\.? $", re.I)
_HALF_ZH = re.compile(r"(?<!\d)(20[0-3]\d) ?年 ?([上下])半年")
_HALF_EN = re.compile(r"\b(first|second) half(?: of)? (20[0-3]\d)\b|\bH([12]) (20[0-3]\d)\b", re.I)
_ROMAN_QUARTER_EN = re.compile(r"\bQuarter (I{1,3}|IV) (20[0-3]\d)\b")


def _named_month(d: re.Match, kind: str) -> tuple[int, int]:
    """(year, last month) of a month, quarter or half named with its year."""
    if kind == "zh":
        return _year(d.group(1)), int(d.group(2))
    if kind == "en":
        return int(d.group(2)), _en_month(d.group(1))
    if kind == "qzh":
        yy, q = (d.group(1), d.group(2)) if d.group(1) else (d.group(3), d.group(4))
        return _year(yy), 3 * _q(q)
    if kind == "hzh":
        return int(d.group(1)), 6 if d.group(2) == "上" else 12
    if kind == "hen":
        first = (d.group(1) or "").lower() == "first" or d.group(3) == "1"
        return int(d.group(2) or d.group(4)), 6 if first else 12
    if kind == "qroman":
        return int(d.group(2)), 3 * ("I", "II", "III", "IV").index(d.group(1)) + 3
    if kind == "qshort":
        return 2000 + int(d.group(2) or d.group(4)), 3 * int(d.group(1) or d.group(3))
    if d.group(5):  # 2024Q4
        return int(d.group(5)), 3 * int(d.group(6))
    q = EN_ORDINALS[d.group(1).lower()] if d.group(1) else int(d.group(3))
    return int(d.group(2) or d.group(4)), 3 * q


# months before its last that a span of each kind begins (a quarter: two)
_SPAN_LENGTH = {"zh": 0, "en": 0, "qzh": 2, "qen": 2, "hzh": 5, "hen": 5, "qroman": 2, "qshort": 2}
_SPAN_PATTERNS = (
    (_MONTH_ZH, "zh"),
    (_MONTH_RUN_ZH, "zh"),
    (_MONTH_EN, "en"),
    (_QUARTER_ZH, "qzh"),
    (_QUARTER_EN, "qen"),
    (_HALF_ZH, "hzh"),
    (_HALF_EN, "hen"),
    (_ROMAN_QUARTER_EN, "qroman"),
    (_QUARTER_SHORT, "qshort"),
)


def _ahead(text: str, a: int, b: int) -> bool:
    """Whether the time at ``[a, b)`` is named under a plan or a goal."""
    return bool(
        _AHEAD_BEFORE.search(text, max(0, a - 12), a)
        or _AHEAD_IN_CLAUSE.search(text, max(0, a - 64), a)
        or _AHEAD_AFTER.match(text[b : b + 10])
    )


# a year named as the base of a comparison (较2024年同期, 比2024年低8.6%, "up 7.7% from
# 2024", "the same quarter of 2024", "the corresponding quarter of 2024"): the article is at
# least a year on
_CHANGE_EN = (
    r"(?:\b(?:up|down|increase|rise|growth|gain|decline|drop|jump|higher|lower|more|less|percent)\b|%)"
)
_BASE_YEAR = re.compile(
    r"(20[0-3]\d) ?年 ?(?:同期|同季|同月)|(?:比|较|相比) ?(20[0-3]\d) ?年(?![\d第一二三四上下前首])"
    # (the month a year-on-year change is against: "4月交付5539辆,同比2020年4月增长111.3%")
    r"|同比 ?(20[0-3]\d) ?年"
    rf"|{_CHANGE_EN}[^.;\n]{{0,30}}?\b(?:from|over|versus|vs\.?|compared (?:with|to)|than)\s+"
    r"(?:the same (?:period|quarter|month) (?:of|in) )?(20[0-3]\d)\b(?! to)"
    r"|\b(?:same|corresponding) (?:period|quarter|month) (?:of|in) (20[0-3]\d)\b",
    re.I,
)


_LAST_YEAR_BEFORE = re.compile(r"(?:(?:去年|上年)(?!同期)|\blast year\b)[^。！？!?\n]*$", re.I)
# a month of a year named as a base ("a 28.9% increase over November 2023"): a year base
# when the same month is named without a year before it in the sentence ("in November")
_BASE_MONTH_EN = re.compile(
    rf"{_CHANGE_EN}[^.;\n]{{0,30}}?\b(?:from|over|versus|vs\.?|compared (?:with|to)|than)\s+"
    rf"(?P<m>{_MON}),? (?P<y>20[0-3]\d)\b",
    re.I,
)


def _base_bound(text: str) -> tuple[date, date] | None:
    """For the latest year the text names as the base of a comparison: the least date the
    article can have (the start of the year after), and the stand-in for it (that year's
    end). A base in a sentence that speaks of last year ("delivered 4.6 million last year,
    a 7.7% increase from 2024") is the year before last: January of two years on."""
    best: tuple[date, date] | None = None
    for m in _BASE_YEAR.finditer(text):
        y = int(next(g for g in m.groups() if g)) + 1
        got = (date(y, 1, 1), date(y, 12, 31))
        if _LAST_YEAR_BEFORE.search(text, max(0, m.start() - 120), m.start()):
            got = (date(y + 1, 1, 1), date(y + 1, 1, 31))  # "last year, up 7.7% from 2024": 2026
        best = got if best is None or got > best else best
    for m in _BASE_MONTH_EN.finditer(text):
        start = max(0, *(text.rfind(c, 0, m.start()) + 1 for c in (". ", "! ", "? ", "\n")))
        if re.search(rf"\b{re.escape(m.group('m'))}(?!\w|,? (?:\d|20))", text[start : m.start()], re.I):
            y = int(m.group("y")) + 1
            got = (date(y, 1, 1), date(y, 12, 31))
            best = got if best is None or got > best else best
    return best


# a month named without a year or a day's year (11月, "in November", "November 17")
_BARE_MONTH = re.compile(
    r"(?<![\d年/\-.])(1[0-2]|[1-9]) ?月(?![\d日号]|首日)"
    r"|\b(?<!last )(January|February|March|April|June|July|August|September|October|November|December"
    r"|(?<=in )May)\b(?!,? ?(?:19|20)\d\d)(?! \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d\d)",
)


# a forecast later in the month's sentence, no figure between (12月政策尾声效应与年终旺季叠加,
# 汽车市场终端零售预计环比明显提升): a month still to come
_FORECAST_LATER = re.compile(r"[^\d。！？!?\n]{0,40}?(?:预计|有望|将会|\bis expected to\b|\bwill\b)")


def _bare_months(text: str, since_too: bool = False, below: int | None = None) -> Iterator[int]:
    """The months the body names without a year, in order, leaving out one of 去年, 前年 or
    明年 and one under a plan or a goal (and, with ``since_too``, one a span starts from;
    with ``below``, one after a year before it named last in its paragraph: ``2021年底,…;9月
    问界M5纯电版上市`` in a paragraph of history)."""
    for d in _BARE_MONTH.finditer(text, front_end(text)):
        a = d.start()
        if (
            text[max(0, a - 2) : a] in ("去年", "前年", "明年")
            or _ahead(text, *d.span())
            or _FORECAST_LATER.match(text, d.end())
            or (since_too and _SINCE_BEFORE.search(text, max(0, a - 8), a))
            or (below is not None and _paragraph_year(text, a) < below)
        ):
            continue
        yield int(d.group(1)) if d.group(1) else _en_month(d.group(2))


def _paragraph_year(text: str, a: int) -> int:
    """The year named last before ``a`` in its paragraph (within 300 characters), else a
    year past any (10000)."""
    lo = max(0, a - 300, text.rfind("\n", 0, a) + 1)
    years = [int(m.group(1)) for m in _YEAR_ANY.finditer(text, lo, a)]
    return years[-1] if years else 10000


def _later_bare_month(text: str, anchor: date) -> date:
    """``anchor``, the day after the latest month named with a year, moved to the day after
    a later month of that year named without one (not under a plan, not 去年): an article
    naming "the first half of 2023" and "delivered 15,959 cars in November" reports
    November 2023; after December, a January or February named without one is the next
    year's ("compared to December 2025 … January exports": February 2026). A month named with
    an earlier year too (``2025年12月`` before a bare ``12月`` in a story on January 2026), or
    after an earlier year in its paragraph, is that one's."""
    y, named = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
    earlier = {
        ym[1]
        for rx, kind in _SPAN_PATTERNS[:3]
        for d in rx.finditer(text)
        if (ym := _named_month(d, kind))[0] < y
    }
    # (a month more than half a year after the one named is the year before's: "通常12月為
    # 旺季" in a story on January 2026)
    # (after December, a January or February is the next year's: 13, 14)
    bare = [m + 12 if named == 12 and m <= 2 else m for m in _bare_months(text, below=y) if m not in earlier]
    latest = max([named, *(m for m in bare if m - named <= 6)])
    if latest == named:
        return anchor
    return date(y + latest // 12, latest % 12 + 1, 1)


def _title_years(text: str) -> list[int]:
    """The years a front matter's title names, each once, not one a plan is for."""
    title = _TITLE_LINE.search(text, 0, 4000)
    return sorted({int(y) for y in _TITLE_YEAR.findall(title.group(1))}) if title else []


# words after a quarter or a half that put the text at its start (``下半年首份月销量榜单``,
# ``四季度开局``, "the first month of the second half")
_OPENING_AFTER = re.compile(
    r"度? ?的?(?:首份|首月|首个月|第一个月|开局|开门红|伊始)|(?:'s)? first month\b", re.I
)


def _before_the_last(pm: PeriodMention, ctx: _Context, written: str) -> PeriodMention:
    """A month compared with, written without a year, later in the year than the month named
    last (January 2026 "down 35.3% from December's 89,600"): that month of the year before,
    unless it is over by the article's date (in January 2026, "a streak that started last
    November … fell 28.9% from the 97,171 units delivered in December": December 2025)."""
    last = ctx.spans.get("last")
    if pm.kind != "month" or last is None or last[1] != "month" or re.search(r"(?:19|20)\d\d", written):
        return pm
    if ctx.today is not None and f"{pm.period}-31" < ctx.today.isoformat():
        return pm
    if pm.period[:4] == last[0][:4] and pm.period[5:] > last[0][5:]:
        return pm._replace(period=f"{int(pm.period[:4]) - 1}{pm.period[4:]}")
    return pm


def _first_month(pm: PeriodMention | None, text: str) -> PeriodMention | None:
    """The first month of ``pm`` when it is a quarter or half that words of its start follow
    (``2025年下半年首份`` → ``2025-07``), else ``pm``."""
    if pm is None or pm.kind not in ("quarter", "half") or not _OPENING_AFTER.match(text, pm.end):
        return pm
    y, part = pm.period.split("-")
    first = 3 * int(part[1]) - 2 if part[0] == "Q" else 6 * int(part[1]) - 5
    return pm._replace(period=f"{y}-{first:02d}", kind="month")


# a span cars were made in ("The recall covers vehicles manufactured between January 2021 and
# September 2023", 生产日期在…): a past span, not the article's
_MADE_IN_SPAN = re.compile(
    r"(?:\b(?:manufactured|produced|built|made) (?:between|from)\b|生产日期)[^.;。；\n]{0,40}$", re.I
)


def _span_anchor(text: str, head_years: list[int] | None = None) -> date | None:
    """The day after the latest month, quarter or half named with a year (one under a plan
    or a goal, or one a span starts from, left out; a quarter or half the text is at the
    start of, ``下半年首份月销量榜单``, counts as its first month); when all such are under a plan, the
    first day of the first of those, unless the year named most often outside plans is earlier
    (then that year's last day); else the last day of the year named
    most often (when every year is named under a plan, the first of them), counting the years of the title (``head_years``, each once) with the
    body's (the first such on a tie; a year a span starts from does not count, a year under
    a plan does, a year's target being often the year's own)."""
    latest: tuple[int, int] | None = None
    ahead: tuple[int, int] | None = None
    for rx, kind in _SPAN_PATTERNS:
        for d in rx.finditer(text):
            # (nor a month a span runs from: "the lowest point since August 2022")
            if _ahead(text, *d.span()):
                y, m = _named_month(d, kind)
                y, m = (y, m - _SPAN_LENGTH[kind] - 1) if m > _SPAN_LENGTH[kind] + 1 else (y - 1, 12)
                ahead = (y, m) if ahead is None or (y, m) < ahead else ahead  # (the month before it)
            elif not (
                _SINCE_BEFORE.search(text, max(0, d.start() - 8), d.start())
                or _MADE_IN_SPAN.search(text, max(0, d.start() - 60), d.start())
            ):
                ym = _named_month(d, kind)
                if kind not in ("zh", "en") and _OPENING_AFTER.match(text, d.end()):
                    # (车企2025年下半年首份月销量榜单: the article is at the span's start,
                    # after its first month)
                    ym = (ym[0], ym[1] - (5 if kind in ("hzh", "hen") else 2))
                latest = ym if latest is None or ym > latest else latest
    reported = None
    if latest is None and ahead is not None:
        # every span named with a year is ahead (guidance, a forecast): the article comes
        # before the first of them, after the month before it starts; unless a year named
        # not under a plan most often is earlier (a review of 2025 with plans for 2026)
        reported = _year_counts(text, head_years, ahead_too=False)
        top = max(reported, key=reported.__getitem__) if reported else None
        if top is None or top >= ahead[0]:
            latest = ahead
    if latest is not None:
        y, m = latest
        return date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    counts = reported if reported is not None else _year_counts(text, head_years)
    if not counts:
        return None
    top = max(counts, key=counts.__getitem__)
    plain = _year_counts(text, head_years, ahead_too=False) if reported is None else None
    if plain is not None and not plain:
        top = min(counts)  # every year named is under a plan: the article is of the first (预计2025-2027年)
        if (len(counts) == 1 and _LAUNCH_PLAN.search(text)) or _NEXT_YEAR_SAID.search(text):
            # …unless a launch is planned for it (计划2026年推出三款Robotaxi车型), or the text
            # speaks of next year ("the bold goal of reaching 500,000 units in 2025" and "plans to
            # double this goal next year"): of a year before
            top -= 1
    return _year_known_only(text, top, counts, plain)


def _year_known_only(text: str, top: int, counts: dict[int, int], plain: dict[int, int] | None) -> date:
    """The stand-in of :func:`_span_anchor` known only to the year ``top``: its last day;
    the first of the year after for a year spoken of as over (2025年全年累计, "full-year
    2025"); its first day for a year named mostly under plans after the year before it
    reported (``counts``, the years named, plans too; ``plain``, those not under a plan,
    None when only those were counted), or for one whose first event is named
    (2026年的首场直播)."""
    if _WHOLE_YEAR.search(text, front_end(text)) and _whole(text, top):
        return date(top + 1, 1, 1)
    if plain is not None and plain.get(top - 1) and 2 * plain.get(top, 0) < counts[top]:
        # (2025年销售约460万辆 … 2026年海外销量目标)
        return date(top, 1, 1)
    if any(int(m.group(1)) == top for m in _YEAR_OPENING.finditer(text)):
        return date(top, 1, 1)  # (雷军3日在2026年的首场直播中)
    return date(top, 12, 31)


# next year spoken of (a plan's year, when every year named is under a plan)
_NEXT_YEAR_SAID = re.compile(r"\bnext year\b|明年", re.I)
# the first event of a year (2026年的首场直播, 2026年开年, 2026年年初那天): early in that year
_YEAR_OPENING = re.compile(r"(20\d\d) ?年(?:的)? ?(?:首场|首日|首周|开年|第一天|年?初(?:那天|的一天|这天))")
# a launch planned for a year (计划2026年推出, 将于2026年量产): the article is of a year before it
_LAUNCH_PLAN = re.compile(
    r"(?:计划|将于|将在|拟于|拟在|预计于?)(20\d\d) ?年[内底初中]?[^。，,；;]{0,10}?(?:推出|上市|量产|发布|落地)"
)


def _year_counts(text: str, head_years: list[int] | None, ahead_too: bool = True) -> dict[int, int]:
    """How often each year is named: the title's years (each once) and the body's (not a
    year a span starts from; with ``ahead_too`` False, not one under a plan or a goal)."""
    counts: dict[int, int] = {}
    for y in head_years or []:
        counts[y] = counts.get(y, 0) + 1
    for d in _YEAR_ANY.finditer(text, front_end(text)):
        if not (
            _SINCE_BEFORE.search(text, max(0, d.start() - 4), d.start())
            or _SINCE_MONTH_BEFORE.search(text, max(0, d.start() - 16), d.start())
            or _MADE_IN_SPAN.search(text, max(0, d.start() - 60), d.start())
            or (not ahead_too and _ahead(text, *d.span()))
        ):
            counts[int(d.group(1))] = counts.get(int(d.group(1)), 0) + 1
    return counts


_WHOLE_YEAR = re.compile(
    r"(20[0-3]\d) ?年 ?全年(?:累计|共|总|合计)|\bfull[- ]year (20[0-3]\d)\b|(20[0-3]\d) full[- ]year\b"
    # ("The whole of 2023 proved to be a remarkable year")
    r"|\bthe whole of (20[0-3]\d) (?:proved|was|turned out|ended)\b"
    # a year's results with their figure (2023年营收为518亿元, 2023年净亏损83.5亿元): after the year
    # (not the last of a forecast's run of years: 2025-2027年总营业收入为977.6/…)
    r"|(?<![\d\-–~/至到])(20[0-3]\d) ?年 ?(?:全年|度)?(?:总|的)?(?:营业收入|营收|总营收|净利润|净亏损|归母净利润)(?:为|达到|达|约|是)?\d"
    # ("As 2025 has just concluded, a lot has happened over the year")
    r"|\b(20[0-3]\d) has (?:just |now )?(?:concluded|ended|come to an end|drawn to a close|passed)\b"
    # a year's annual report, out or to come ("The annual report for 2024 … is expected on
    # Monday", 2024年年报): comes after the year
    r"|\bannual (?:report|results) for (20[0-3]\d)\b|\b(20[0-3]\d) annual (?:report|results)\b"
    r"|(20[0-3]\d) ?年 ?(?:年报|年度报告|年度财报|全年财报|年度业绩|全年业绩)"
    # (a year opening its sentence, then a maker's running total and its change on the year before:
    # 2025年,蔚来累计交付32.6万辆,同比增长46.9%)
    r"|(?:^|(?<=[。\n]))(20[0-3]\d) ?年 ?[,，] ?[^，。,;\d]{0,8}累计(?:交付|销量|销售)[^。]{0,16}同比",
    re.I,
)


def _whole(text: str, year: int) -> bool:
    """Whether ``text`` speaks of ``year`` as a whole year over (``2025年全年累计``)."""
    return any(int(next(g for g in m.groups() if g)) == year for m in _WHOLE_YEAR.finditer(text))


# a quarter written without a year: Q2, 二季度, "the second quarter" (a month written
# without one is left out: in January it is often of the year after the one named)
_BARE_QUARTER = re.compile(
    r"(?<![\d年])(?:第?([一二三四])季度|Q([1-4])(?! ?(?:20)?\d\d))"
    r"|\b(first|second|third|fourth) quarter\b(?!(?: of|,)? (?:19|20)\d\d)",
    re.I,
)


def _latest_bare_span(text: str) -> int | None:
    """The last month of the latest quarter written without a year and not under a plan
    or a goal (``預計 Q3``, "Q3 guidance"), else the latest month so written (not 去年's,
    not one a span starts from: "sold 441,706 vehicles in October … through December to
    meet expectations" reports October), else None."""
    latest = None
    for d in _BARE_QUARTER.finditer(text, front_end(text)):
        if _ahead(text, *d.span()):
            continue
        n = _q(d.group(1) or d.group(2)) if d.group(1) or d.group(2) else EN_ORDINALS[d.group(3).lower()]
        latest = 3 * n if latest is None or 3 * n > latest else latest
    if latest is not None:
        return latest
    return max(_bare_months(text, since_too=True), default=None)


def front_end(text: str) -> int:
    """Where the body starts after a front matter block (0 without one)."""
    if not text.startswith("---"):
        return 0
    k = text.find("\n---", 3)
    return 0 if k < 0 else k + 4
