"""Article text to facts: the deterministic extractor.

How a fact is read, in order:

1. The text is normalised (:mod:`.normalize`), keeping the map to original offsets.
2. Quantities (:mod:`.quantities`), time expressions (:mod:`.dates`), entity names and
   metric words (:mod:`.lexicon`) are found over the whole text.
3. The text is cut into sentences (``。！？；``, line ends, ``. `` before a capital) and
   sentences into clauses (``，、：,;`` and brackets).
4. Each quantity takes the metric word nearest to it in its clause whose unit fits
   (a count, a currency, a percent, a duration), else the nearest before it in the
   sentence; the entity nearest before it in the clause, else in the sentence, else the
   one named last in the previous three sentences; the time nearest to it in the clause,
   else before it in the sentence, else the last named in the paragraph, else (for levels
   such as a market value, a price or a capacity) the article's date. With ``分别`` or
   "respectively", times or entities listed before it pair with the quantities after it.
5. Bounds come from the words next to the number: ``超过 逾 突破 多 余`` (gt), ``以上 至少``
   (ge), ``近 接近 不足`` (lt), ``以下 不超过`` (le), ``约 左右`` (approx); ``突破`` to a
   number with decimals (``突破到40.55港币``) is the level reached (eq), and a number
   followed by ``大关`` or "mark" is a threshold crossed (gt).
6. A month range applies to each month when the clause says so (``连续``, ``每月``, "each
   month"): one fact per month. A company's vehicle counts go to its model, or to the
   model group of the models it delivered in that period (per ``first_delivery``).

Every fact's span is the quantity's extent in the original text, so
``text[span_start:span_end] == surface`` holds by construction.
"""

from __future__ import annotations

import calendar
import itertools
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from sys import intern
from typing import Literal, NamedTuple, overload

from ..calendars import last_session
from ..facts import Fact
from ..periods import FIRST_DAY, parse_period
from ..validate import date_problem, fact_value_problem, period_problem
from .confidence import Model, judge
from .dates import (
    EN_ORDINALS,
    FIGURE_AFTER_TIME,
    WHEN_AFTER,
    PeriodMention,
    find_periods,
    infer_date,
    months_after_compared,
    sentence_start_within,
    year_so_far,
    year_to_month,
)
from .document import parse_front_matter
from .lexicon import Lexicon, MetricDef, load_lexicon, word_ok
from .normalize import Normalized, is_han, normalize
from .quantities import (
    CHANGED_BY,
    DOUBLED,
    EN_NUMBER_WORDS,
    ZH_MAGNITUDES,
    Quantity,
    find_quantities,
    parse_cn_number,
)

# (a source mark, " [3] ", is one ``;`` in the normalised text: :mod:`.normalize`)
_SENT_END = re.compile(r"[。！？!?；;\n]+|\.(?=[\s\"'”]+(?:[A-Z“\"'(]|$)|$)")
_ABBREV = re.compile(
    r"(?:\b(?:Inc|Co|Ltd|Corp|Mr|Ms|Dr|No|vs|St|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$"
)
# (not the comma of a date, "as of May 31, 2024")
_CLAUSE = re.compile(
    r"[，、：（）()「」“”\"]|,(?!\d{3})(?! (?:19|20)\d\d\b)|(?<!\d),| — | - (?=[A-Za-z])|:(?!\d)"
)
_RESPECTIVELY = re.compile(r"分别|respectively", re.I)
# between two metric words of a list: a join and a qualifier of the next (、归母, 、扣非后归母)
_METRIC_LIST_GAP = re.compile(r"\s*[、和及与]\s*[^\d，。,;；、]{0,5}")
# between two changes of a list: a join and the next one's sign
_CHANGE_RUN_GAP = re.compile(r"\s*[、/和及]\s*[+\-−]?\s*")
_EN_WORD = re.compile(r"[A-Za-z]")
# a loss said right before a profit's figure ("the net profit … was a loss of 2.538 billion yuan")
_LOSS_BEFORE = re.compile(
    r"\b(?:was|were|is|posted|recorded|reported|a|an|company|shareholders|holders) (?:net )?loss(?:es)? of (?:about |nearly |around |approximately |some )?(?:rmb ?|us\$|\$|hk\$)?$"
)
# a metric said of the whole group ("total group deliveries")
_GROUP_BEFORE = re.compile(r"\b(?:total|overall) group (?:deliveries|sales|revenue)\b|\bgroup-wide\b")
# a change noun and "in" right after a percent ("a 93% increase in deliveries")
_CHANGE_IN_AFTER = re.compile(
    r" (?:year-on-year |year-over-year )?(?:increase|rise|jump|growth|surge|gain|decline|drop|fall|decrease) in (?:its |their |the )?[a-z]"
)
# a past year's figure a target is compared with (要比2025年的59.7万辆, 较去年的)
_PAST_BASE_BEFORE = re.compile(
    r"(?:比|较)(?:(?:19|20)\d\d ?年|去年|上年)(?:全年)?的?(?:销量)?$"
    # ("a projected 28.1% … growth from its 2025 deliveries of 429,445 vehicles")
    r"|\bfrom (?:its |the |their )?(?:(?:19|20)\d\d|last year's|last year) (?:deliveries|sales) of $"
)
# a clause that opens with "with" and the figure ("…, with 32,117 vehicles shipped")
_WITH_FIGURE = re.compile(
    r"[\s,]*with (?:a total of |a combined |total )?(?:about |around |nearly |more than |over |some )?"
)
_SUBORDINATE = re.compile(
    r"\b(?:after|since|when|before|as|because|while|than|compared|versus|vs|bringing|taking|lifting|continuing|extending|marking|though|although|but|which|who|whose|positioning|putting|leaving|pushing|helping)\b"
    # (not "from" a place: "exported 50,644 vehicles from its Gigafactory Shanghai factory last month")
    r"|\bfrom\b(?! (?:its|their|the) (?:[\w-]+ ){0,3}(?:factory|factories|plant|plants|gigafactory|facility|port)\b)"
    r"|之后|以后|自从|自|比|较"
    # a level a figure nears or passes ("出口5.36万辆 逼近去年全年总量"): a time compared with
    r"|逼近|接近|超过|超越|相当于|追平|打平"
    # a contrast after the figure opens another's clause ("净利润为7.27亿元,而2024年同期为净亏损")
    r"|[,，]而|[,，]但"
)
# "n months in a row": Chinese and English apart, each tried only on a text holding its
# key word (the English expression cannot skip ahead to a literal and is slow to scan)
_CONSECUTIVE_ZH = re.compile(r"连续第?(?P<zh>[两二三四五六七八九十]|十[一二]|\d{1,2})个?月")
# 其 ("its") opening a clause: the sentence's subject, not the name said last
_ITS_OPENING = re.compile(r"\s*其(?![中他余次实它后前间])")
_ITS_ZH = re.compile(r"(?:[，,；;]|但|而|且)其(?![中他余次实它后前间])")
# what joins the names of a list (not a comma between Chinese clauses: 比亚迪收入超过特斯拉，特斯拉…)
_NAME_LIST_JOIN = re.compile(r"、|和|及|与|以及| and |, and |, ")
_LIST_JOIN = re.compile(r"^(?:[、，,/&]|和|及|与|以及| and | & |, and |, | ?/ ?)$")
_CONSECUTIVE_EN = re.compile(
    r"(?P<en>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:consecutive|straight) months"
    r"|(?:for )?(?:the|its|a) (?:(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
    r"|(?P<ordn>\d{1,2})(?:st|nd|rd|th)) (?:(?:consecutive|straight) month|(?:straight |consecutive )?month in a row"
    r"|month running)",
    re.I,
)
_ORDINALS = {w: n for w, n in EN_ORDINALS.items() if w.isalpha() and n >= 2}  # second … twelfth
_EN_NUM = {w: n for w, n in EN_NUMBER_WORDS.items() if 2 <= n <= 10}
_DIFFERENCE_AFTER = re.compile(
    r"^(?: ?(?:below|above|cheaper|higher|lower|less than|more than|fewer than|short of)\b)"
    # (not a span or a plan the figure beat: "500,000 vehicles more than a month ahead of
    # schedule", "more than expected")
    r"(?! (?:a|one|two|three|four|six) (?:days?|weeks?|months?|quarters?|years?) (?:ahead|early)\b"
    r"| (?:expected|planned|scheduled|anticipated|forecast)\b)"
)
_DIFFERENCE_ZH = re.compile(r"比[^，。；]{0,20}$")
# after a change verb and a number (quantities.CHANGED_BY), a "to" and another number (上调5万台至105万台)
_THEN_TO = re.compile(r" ?(?:至|到) ?[\d一二两三四五六七八九十]")
# by how much a target was changed, or one figure passes another, said before the number
_BY_HOW_MUCH_BEFORE = re.compile(
    r"(?:目标[^，,。；]{0,4}(?:增加|提升|提高|上调|下调|调高|调低|减少|削减)了?"
    r"|(?<![同环])比[^，,。；减]{0,12}(?:多|少)了?"
    # one figure above or below another (较2024年底的收盘价高出逾6美元)
    r"|(?:较|(?<![同环])比)[^，,。；]{1,20}(?:高出|低出|多出|少了|高了|低了))(?:约|近|逾|超过?)? ?$"
    r"|\b(?:raised|lifted|increased|cut|lowered|reduced|trimmed)\b[^.,;]{0,30}\btarget by (?:about |around |nearly |some )?$"
)
# a change word right before a count, with no 至 ("to") between: the count is by how much it
# changed ("同比增长235万辆", "净增207万辆", "较2022年增长147万", "falling by around 36,600
# units"), not a level; 新增 ("newly added") and 递增 name levels
_COUNT_CHANGED_BY = re.compile(
    r"(?<![新递])(?:增长|增加|减少|下降|下滑|增|减)了?(?:约|近|逾|超过?)? ?$"
    r"|\b(?:rose|rising|fell|falling|grew|growing|increased|decreased|dropped|dropping|declined|jumped|climbed) by"
    r"(?: about| around| nearly| some| roughly| over| more than)? $"
)
# a sum changed against another time (较去年同期扩大3.77亿元, 同比收窄5亿元): by how much
_SUM_CHANGED_AGAINST = re.compile(
    r"(?:较|比|同比|环比)[^，,。；]{0,12}(?:扩大|收窄|缩小|增加|减少|增长|下降)了?(?:约|近|逾|超过?)? ?$"
)
# what may stand between a company's name and a word after it: a legal form, a ticker
_NAME_TAIL = re.compile(
    r"\.?(?:,? (?:inc|ltd|co|corp|corporation|group)\b\.?)?(?: \(?(?:[a-z]+: ?)?[a-z]{2,5}\)?(?= ))?"
    # (or the name in another script in brackets, 比亚迪(BYD)的挑战, or the bracket a name closes)
    r"(?: ?\([a-z][a-z .-]{1,14}\)|\))?"
)
_GAP_AFTER = re.compile(r"^ ?(?:[辆台部])?的?(?:微弱)?(?:差距|优势)")
_WITHIN_BEFORE = re.compile(r"\bwithin $")
# what follows a name compared with (与零跑汽车相差仅数百辆, 和去年相比)
_COMPARED_AFTER_NAME = re.compile(r".{0,3}?(?:相差|相比|相较|差距|比值|之比)")
# a maker named as a partner by the words after it (主要系大众汽车集团进行平台与软件战略技术合作)
_PARTNER_AFTER_NAME = re.compile(r"(?:集团|公司)?(?:进行|开展|展开)[^，。；,;]{0,12}合作")
_OVERTAKE_ZH = re.compile(r"(?:超越|领先|落后于?|超出)([^，。；,;\d]{1,12})$")
_FROM_YEAR = re.compile(r"from (?:19|20)\d\d\b")
_MONTH_PERIOD = re.compile(r"\d{4}-\d\d(?:\.\.\d{4}-\d\d)?")  # (a month, or a run of months)
_WORD_CHAR = re.compile(r"\w")
# right after a count: the place abroad it was sold in ("30,629 units overseas")
_ABROAD_RIGHT_AFTER = re.compile(
    r"(?: (?:units|vehicles|cars|evs|nevs))?(?: (?:overseas|abroad)\b| (?:that |which )?(?:were|was) exported\b)"
    r"|是?(?:销往|出口到?|运往)(?:海外|国外|境外)"  # 5万644辆是销往海外市场
)
# "mark" as a verb after a figure ("92,864 vehicles mark a 15.5% increase"): no threshold
_MARK_VERB = re.compile(r" marks? (?:a|an|the|its|their)\b")
# a figure a change runs from (从926.18亿元跃升至…), and the word before the figure it runs to
_FROM_BEFORE = re.compile(r"从 ?$")
_TO_AFTER = re.compile(r"(?:跃升|增长|增加|上升|提升|攀升|爬升|下降|下滑|减少|回落)?(?:至|到)")
# where the words after a change turn to the next item ("89.61% and a month-on-month
# increase of 20%", 22%及较2021年7月减少约11%)
_NEXT_ITEM = re.compile(r" and |\bwhile\b|[及和与、，,;；]")
# a Chinese change word ending the text before a percent, after a bound word (至少增长30%)
_CHANGE_VERB_END = re.compile(
    r"(?:至少|不少于|不低于|超过|逾|近|约|接近|不足|最多)(?P<verb>(?:同比|环比)?(?:增长|增加|上升|提升|下降|下滑|减少))$"
)
# the rest of a body's name after a segment word (乘用车市场信息联席分会, "Passenger Car Association"),
# or of a maker's description (中国大陆手机品牌大厂小米集团: a maker, not its phones)
_BODY_NAMED = re.compile(
    r"(?:市场)?信息|协会|联合会|联席|分会| association|品牌大厂|大厂|厂商|巨头|龙头|制造商"
)
# a clause that only names the quarter before ("…to 54,811, compared with the previous quarter")
_PREVIOUS_QUARTER_NEXT = re.compile(r"[,，] ?compared (?:with|to) the (?:previous|prior|preceding) quarter\b")
# the words joining two years or two days into a range (2021年至2023年, "2021 to 2023",
# 自9月25日至11月19日, "from September 25 to November 19")
_RANGE_JOIN = re.compile(r" ?(?:至|到|-|–|—|~|to|through|until) ?")
# words pointing back to a model named before ("200,000 firm orders for the model")
_MODEL_ANAPHOR = re.compile(r"\bthe (?:model|car|suv|sedan)\b|该车型|该车|这款|此款")
# the words between a figure and the time it is of ("71,099 units in the same month")
_FIGURE_IN = re.compile(r"(?: [a-z]+)? in (?:the )?")
# growth against a month named ("较2021年7月", "比7月"): month on month
# a text in brackets, or between two dashes ("Combined wholesale volume — retail plus
# exports — reached 86,700 units")
# (also an aside between commas opened by "including": "wholesale sales in October, including
# domestic and export sales, totaled 61,497 units")
_BRACKETED = re.compile(
    r"[（(][^（）()\n]{1,200}[）)]|(?<= )[—–][^—–\n]{1,80}?[—–](?= )|(?<=,) including [^,;.\d\n]{1,60},"
)
_EN_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
_COMPARED_MONTH = re.compile(
    r"(?:较|(?<!同)比|相比|相较于?)(?:(?:19|20)\d\d年)?(?:1[0-2]|0?[1-9])月"
    rf"|\b(?:from|than|over|versus|compared (?:with|to)) (?:(?:the )?[a-z]+ )?(?:in )?(?:{_EN_MONTH_NAMES})\b(?!,? (?:19|20)\d\d)"
)
# a figure of each month ("exceeded 100,000 vehicles in a single month for 13 consecutive months")
_PER_MONTH = re.compile(r"单月|月销|每月|single month|a month\b|per month|monthly")
_BREAKDOWN = re.compile(r"其中|of which|including|among them|among these|of these|of those")
_NO_COMMA_30 = re.compile(r"^[^,，]{0,30}$")
_CUMULATIVE_WORDS = re.compile("累计|cumulative")
# a day or a month's end written in a time (截至9月底, 截至11月27日, "up to November 30")
_DAY_WRITTEN = re.compile(
    r"(?:日|号|底|末)$|\bend\b|[a-z]+ \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? [a-z]"
)
_AS_OF_MONTH = re.compile(r"as (?:of|at) [a-z]")  # ("As of November": to its end)
# words of this year so far, before a count counted to a day (:meth:`Extractor._year_to_day`)
_YEAR_SO_FAR_WORDS = re.compile(
    r"今年|年初至今|年内|本年|\b(?:this|the current) year\b|\byear[ -]to[ -]date\b|\bso far this year\b|\bfor the year\b"
    r"|\bsince the (?:start|beginning) of the year\b"
)
_MARKET = "the market"  # (the word of a market named as a subject, in unknown names)
_WHOLE_MARKET = "china-passenger-cars"  # the entity of China's whole passenger-car market
_MARKET_COUNTS = ("retail_sales", "wholesale", "sales", "exports")  # the counts it has
# a market named as the setting of what follows ("…市场整体承压的行业背景下")
# a word that makes the name after it in its clause what a maker is or became, not a subject
_BECAME_BEFORE = re.compile(r"(?:成为|作为|是)[^，。；,;]*的$")
_SETTING = re.compile(
    r"[^，。；,;]{0,12}(?:背景下|环境下|形势下|情况下|之下|的趋势|的态势|的格局)"
    # a maker described as the market's leader (作爲中國新能源車市場的領導者)
    r"|的?(?:领导者|领军者|领先者|领跑者|龙头)"
    # a level a figure is compared with ("exceeding the industry average of 50.4%", 行业平均)
    r"|(?:'s)? ?(?:average|平均)"
    # the makers of a market, not the market (稳居全球电动车企前列)
    r"|企|厂商|制造商|品牌前列"
    # the scope of a ranking a maker tops (拿下全球电动车销量排行榜冠军)
    r"|[^，。；,;]{0,4}(?:排行榜|榜单|榜首|冠军|销冠)"
)
# what may stand between a word and the name it governs: a space, "the", "rival", 了
# a Hong Kong listing or market named: an H share, 港股, 港交所, the Hang Seng, a five-digit code
_HK_MARKET = re.compile(
    r"H股|港股|港交所|恒生|恒指|[(（]0\d{4}(?:\.HK)?[)）]|[(（][1-9]\d{3}[)）]|\d{4,5}[.-]HK"
)
_A_SHARE = re.compile(r"A股|沪市|深市|上交所|深交所")
_RMB_NEAR = re.compile(r"人民币|RMB")
_JUST_BEFORE = re.compile(r" ?(?:the |rival |了|对手)? ?|于[^，。；,;]{0,30}的")
# a time compared with, in brackets before a sum after another sum (净亏损3.8亿元(较去年同期18.1亿元…),
# (去年同期盈利28亿元)): that time's sum, no conversion of the one before
_COMPARED_IN_BRACKETS = re.compile(r"同期|去年|上年|上季|较|环比|a year (?:earlier|ago)|last year")
# what joins a money figure to the same sum in another currency, the figure's currency after it
_CONVERSION_JOIN = re.compile(
    r"[,，]? ?(?:or|(?:\(|（)?(?:approximately|about|约合?|折合)) ?(?:us|hk|rmb|人民币|港币|美元)?\$? ?"
)
# a sum said to be converted from another currency ("whose revenue converted to 702.2 billion
# yuan after currency exchange", 换算成人民币约…): a conversion, before it or after it
_CONVERTED_BEFORE = re.compile(
    r"(?:\bconvert(?:ed|s|ing)? (?:in)?to(?: [a-z]+)?|(?:换算|折算)成?(?:人民币|美元|港币|港元)?约?) ?$"
)
_CONVERTED_AFTER = re.compile(r" ?(?:[a-z]+ )?(?:after|at) (?:the )?(?:currency )?(?:exchange|conversion)\b")
#: metrics no change is a growth of (a change of a price or a market value is a move)
_NOT_BASES = ("growth", "share_return", "share_price", "market_cap", "vehicle_price")
# battery-electric and plug-in hybrid cars named together: a maker's total, not a segment
_BOTH_POWERTRAINS = re.compile(
    r"(?:纯电|bevs?\b|battery[- ]electric|battery (?:car|vehicle)s?\b)[^，。；,;]{0,8}(?:和|与|及|、|\band\b|\+)[^，。；,;]{0,6}(?:插电|插混|phevs?\b|plug-in)"
)
# passenger cars named with commercial vehicles: the maker's total, of any maker (and what
# each of its matches starts with, for Extractor._found)
_BOTH_KINDS = re.compile(
    r"(?:乘用车|passenger (?:car|vehicle)s?\b)[^，。；,;]{0,4}(?:和|与|及|、|\band\b)[^，。；,;]{0,4}"
    # (or pickups, which a maker selling no other commercial vehicles counts beside its cars:
    # 乘用车及皮卡海外单月销售达131661辆, its whole overseas figure)
    r"(?:商用车|皮卡|commercial vehicles?\b|pickups?\b)"
)
_BOTH_KINDS_LEAD = re.compile("乘用车|passenger")
_BOTH_KINDS_LEAD_WIDTH = len("passenger")
# (what each of its matches starts with, and its longest word: see :meth:`Extractor._found`)
_BOTH_POWERTRAINS_LEAD = re.compile("纯电|bev|battery[- ]electric|battery car|battery vehicle")
_BOTH_POWERTRAINS_LEAD_WIDTH = len("battery-electric")
# a figure a target word follows ("超额完成年初设定的300万辆目标", "离35万年销目标仅差",
# "38万辆年度交付量目标", "全年销量突破60万辆的预期") is the target
_TARGET_AFTER = re.compile(
    r"^ ?(?:辆|台|部|units?|vehicles?)?(?:汽车|新车|电动车)?[的嘅之]? ?(?:新)?"
    # (and in English: "a 50,000 monthly delivery target")
    r"(?:(?:年销量?|年交付量?|年度|全年|销量|交付量?|销售|monthly|annual|yearly|full-year|sales|delivery) ?){0,2}"
    r"(?:目标|雄心|预期|flag|target|goal)"
)
# an ordinal run set off right after a clause (", its fifth straight month")
_RUN_AFTER = re.compile(
    rf"[,，] (?:its|the|a) (?P<ord>{'|'.join(_ORDINALS)}) (?:straight|consecutive) month\b(?! of)"
)
# what goes on from a forecast's figure to the next of the forecast: a new clause whose
# count takes 则 (交付量则约为)
_FORECAST_GOES_ON = re.compile(r"[^，,。；;]{0,4}[，,][^，,。；;\d]{0,8}则[^，,。；;\d]{0,6}")
# brackets opening right after a name (超过小鹏 (35045 辆): the figure in them is the name's)
_BRACKET_OPEN = re.compile(r" ?[(（] ?")
# what joins a change to the count it ends at ("a 31.2% annual jump to 6,658 vehicles")
_CHANGED_TO = re.compile(
    r" (?:(?:annual|yearly|year-on-year|year-over-year|monthly|month-on-month|sequential) )?"
    r"(?:jump|rise|increase|gain|surge|growth|climb|drop|decline|fall|decrease) to (?:about |around |nearly )?"
)
_AND_OPENS = re.compile(r" ?and ")  # (a clause that opens with "and" alone)
_LISTING = "(a listing's brackets)"  # (the word of a metric they give)
# a company's stock code opening brackets, then its share price ("BYD (1211.HK, HK$99.20,
# HK$904bn)", "NIO (NIO US, US$5.20, US$11bn)"): what stands before a price or a market value
_LISTING_BRACKET = re.compile(
    r"[(（] ?(?:\d{4,6}\.hk|\d{4,6} hk|[a-z]{1,5}(?: us|\.us|\.n|\.o)?), ?"
    r"(?P<price>(?:hk|us)?\$ ?\d[\d,]*(?:\.\d+)?, ?)?$"
)
# between a plan word and its own figure ("guidance of between 61,000 and 63,000")
_PLAN_OF = re.compile(r" of (?:between |about |around |roughly |some |up to )?")
# a count right after "challenge" (我们将挑战年交付80万辆): a goal
_CHALLENGE_BEFORE = re.compile(r"挑战(?:全?年|月)?度?(?:交付|销量|销售)?(?:量|目标)?(?:约|近)? ?$")
# a target met or beaten ("超额完成年度目标，2025年总销量突破302万辆") makes no plan of the figures after it
_TARGET_MET = re.compile(
    r"(?:完成|达成|实现|超额|超过|达到|符合|不及|好于|优于|低于|高于|超出|met|hit|beat|exceeded|surpassed"
    r"|in line with|missed)[^，。；,;]{0,8}$"
)
# (the same quarter last year, the year-ago quarter: times of their own, see .dates)
# flows reported over a period, never a day's: their sums and changes (see Extractor._dayless)
_DAYLESS = frozenset({"revenue", "net_profit", "deliveries", "sales", "exports", "wholesale"})


def _year_through(year: int, month: int) -> str:
    """The months of ``year`` from January through ``month``: its first quarter, half or
    whole year where it ends one (``2024-Q1``, ``2024-H1``, ``2024``), else a range of
    months (``2024-01..2024-09``)."""
    whole = {3: f"{year}-Q1", 6: f"{year}-H1", 12: str(year)}
    return whole.get(month) or f"{year}-01..{year}-{month:02d}"


def _announced_on(p: PeriodMention) -> bool:
    """Whether ``p`` is a day no figure is counted as of: for a figure that is no single
    day's ("On March 20, 2025, the automaker announced that its net profit surged 213%"),
    the day it was announced on."""
    return p.kind == "day" and not p.asof


# a loss named by "operating income" (see Extractor._operating_income_in_yuan)
_LOSS_WORD = re.compile(r"\blos(?:s|ses)\b")
# a total after a segment word ("a total sales volume"), not a share of one ("of BYD's total")
_TOTAL_WORD = re.compile(r"(?<!of )(?<!'s )(?<!’s )\b(?:total|combined|overall)\b")
# a word of reporting: what follows it is the report's, not an earlier forecast's
_REPORTED_WORD = re.compile(
    r"公布|宣布|披露|\breported\b|\bannounced\b|\bposted\b"
    # (a cause said after a forecast is a fact: "is forecasting … in 2025, buoyed by a 93% increase in deliveries")
    r"|, (?:buoyed|driven|helped|boosted|fuel?led|supported|underpinned) by\b|, (?:thanks to|on the back of)\b|得益于|受益于"
)
# "the full year" naming no year (see Extractor._last_full_year)
_BARE_FULL_YEAR = re.compile(r"全年度?|(?:the )?full[- ]year")
_DIGIT = re.compile(r"\d")
# an outcome compared with a forecast (逊预期, "beat expectations"), just before the forecast word
_VS_EXPECTED = re.compile(
    r"(?:逊|低于|高于|优于|胜|不及|好于|超|符合|beat|beats|missed|above|below|than|exceeding|exceeded) ?(?:市场)?$"
)
# a fiscal year in a table's head (FY2024)
_FISCAL_YEAR = re.compile(r"FY ?((?:19|20)\d\d)")
_A_YEAR_EARLIER = re.compile(
    r" ?(?:a year (?:earlier|ago|before)|the year before|(?:in )?the (?:previous|prior|preceding) year)\b"
)
# (before the figure: 远低于一年前的21亿美元)
_A_YEAR_EARLIER_ZH = re.compile(r"一年前的?$")
# (and in brackets after it: "compared to … the previous year (7,024, down 12 percent)")
_A_YEAR_EARLIER_BRACKET = re.compile(
    r"\b(?:a year (?:earlier|ago|before)|the year before|the (?:previous|prior|preceding) year) ?\($"
)
# a month's figure said of the month before, right after it ("dropping from 30,063 units in the
# previous month")
_A_MONTH_EARLIER = re.compile(
    r" ?(?:units |vehicles |cars )?(?:a month (?:earlier|before)|the month before|(?:in )?the (?:previous|prior|preceding) month)\b"
)
# (before it: "surpassed its previous month's delivery record of 25,681 units")
_A_MONTH_EARLIERS = re.compile(r"\b(?:the|its|their) (?:previous|prior|preceding) month's [^,.;\d]{0,40}$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a percent right after "risen to" is the level reached (a stake, a share of a market)
# a sentence's opening phrase of means, time or purpose, its subject named after its comma
# ("With annual sales of 271,000 units, Aion became …", "Having sold …, BYD", "To commemorate
# …, BYD", 凭借…，比亚迪…)
_WITH_LEAD = re.compile(
    r"\s*(?:with|after|having|to (?:commemorate|celebrate|mark)|凭借|凭着)\b(?:[^,，.。;；]|[,.](?=\d))*[,，] ?"
)
# a clause of cause (its time is the cause's, not the sentence's)
_CAUSE = re.compile(r"\b(?:because|due to|as a result of|thanks to)\b|由于|因为|受益于")
_OF_MARKET_AFTER = re.compile(
    r"(?: percent| per cent)? of (?:the |china's |chinese )?(?:overall |total |domestic |whole )?"
    r"(?:car |auto |automobile |passenger car |passenger vehicle |ev |nev |new energy vehicle |electric vehicle )?market\b"
)
_LEVEL_RATES = frozenset(("nev_penetration", "market_share"))
_RISEN_TO = re.compile(
    r"(?:升|涨|增|降|跌|挫|落)[至到] ?(?:近|约|超过?|逾)? ?$|\b(?:rose|risen|climbed|fell|fallen|dropped|increased|decreased|increase|rise) to $"
)
_PERCENT_COMPARED = re.compile(r" ?(?P<w>higher|lower|more|less|fewer|above|below) than\b")
# a change said against an earlier time just after it ("a 31.2 percent decrease from the
# third quarter of 2024", "a 2.4% jump from April"): a figure's change, never a share move
# unless the sentence names a share
_CHANGE_FROM_TIME = re.compile(
    r"(?: ?(?:percent|per cent|%))? ?(?:[a-z]+ ){0,2}(?:from|compared (?:with|to)|versus) (?:in )?(?:the )?"
    r"(?:same|previous|prior|first|second|third|fourth|last|a year|(?:19|20)\d\d\b|january|february|march|april"
    r"|may|june|july|august|september|october|november|december)"
)
_EN_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
)
_ONE = Decimal(1)
# a plan or forecast word within four characters after a time: the time a plan is for
# (``四季度业绩指引``, ``全年销量目标``, ``第四季度公司预计``, "Q4 guidance")
_PLAN_JUST_AFTER = re.compile(r".{0,4}?(?:目标|计划|规划|指引|预计|预期|target|goal|plan|guidance|outlook)")
# the period a report covers, named as such: what follows is reported, not forecast
_PERIOD_REPORTED = re.compile(r"报告期|期内|本期|during the (?:reporting )?period|in the reporting period")
_CLAUSE_MARK = re.compile(r"[，。；,;:：!?！？\n]")
# month numbers listed bare before a month ("3、4月份", "9、10、11月")
_BARE_MONTHS_BEFORE = re.compile(r"(?<![\d.])(?:(?:1[0-2]|[1-9])、)+$")
# a word for the whole between a model and a figure: the figure is its maker's
_WHOLE_BEFORE = re.compile(r"整体|总体|全系|\boverall\b")
# a move's verb right before a money figure: the figure is by how much (收盘价上涨了$14.57,
# 股价跌1.2元, "shares rose $14.57 to $489.88"), not a level (上涨至, "rose to")
_MOVED_BY_BEFORE = re.compile(
    r"(?:(?:上|下)?[涨跌升降]了?|\b(?:rose|fell|gained|lost|climbed|dropped|jumped|slipped|added|shed|declined)) ?$"
)
# words right after a figure that make it no fact: a per-share figure ("a loss of $0.45 per
# share"), a hypothetical ("a 40% increase would bring …"), a pay package's worth
_NO_FACT_AFTER = re.compile(
    r"(?: ?(?:per (?:share|ads|american depositary share|ordinary share)\b|每股|每手|元?(?:价格区间|价位|价格段|价格带|元级))"
    r"|(?: [a-z-]+){0,2} (?:would|could|might)\b"
    # ("价值达1兆美元的新薪酬方案", "a $1 trillion pay package")
    r"|(?:的新?)?(?:薪酬方案|薪酬计划)| (?:[a-z-]+ )?(?:pay|compensation) (?:package|plan)\b"
    # a price class ("百万级豪车", "20万级SUV"), not a count
    r"| ?级"
    # an estimate named right after its figure ("与公司内部汇整的160万辆交付预估大致相符")
    r"| ?的?(?:交付|销量|销售|营收|收入|利润)?(?:预估|预测|估计|估算)"
    # analysts' figure the outcome is set against, named right after it ("beating the 107.6
    # billion yuan average of estimates", "the 8.5 billion yuan analysts polled had forecast")
    r"|,? (?:(?:an? |the )?(?:average|mean|consensus|median)(?: analysts?'?)?(?: of)? (?:estimates?|forecasts?)"
    r"|(?:analysts?'? )?(?:consensus|estimates?|forecasts?)(?: (?:compiled|polled|by|from|of))"
    r"|(?:that )?analysts? (?:polled|surveyed|had (?:expected|forecast)|expected|forecast)"
    r"|(?:forecast|expected|estimated) by analysts)\b"
    # a tariff or tax rate ("加征50%关税", "a 100% tariff")
    r"| ?的?(?:关税|税率|进口税)|(?: [a-z-]+)? (?:tariffs?|import dut(?:y|ies))\b"
    # a share of a group of companies ("超七成公司股价录得下跌", "70% of the companies")
    r"| ?的?(?:上市)?(?:公司|企业|车企|品牌|个股|股票|成分股)|(?: of (?:the )?(?:[a-z-]+ )?(?:companies|stocks|carmakers|brands))\b)"
)
_PLANNED_COUNTS = frozenset(
    (
        "deliveries",
        "sales",
        "exports",
        "wholesale",
        "retail_sales",
        "insurance_registrations",
        "production",
        "orders",
    )
)
# a fall named right after a change ("an 8.5% year-over-year decline in deliveries")
_FALL_AFTER = re.compile(
    r"(?: (?:year[- ]over[- ]year|year[- ]on[- ]year|yoy|month[- ]over[- ]month|month[- ]on[- ]month|mom|annual|sequential))?"
    r" (?:decline|decrease|drop|dip|fall|slump|plunge|contraction)\b"
    # (11.2%和52.0%的同比下滑, 51.8%的同比腰斩)
    r"|(?:和 ?[\d.]+%)? ?的(?:同比|环比)?(?:下滑|下降|下跌|跌幅|降幅|腰斩|减少|萎缩)"
)
# a growth rate that fell to a level: the level is the growth (销量同比增幅虽回落至76%)
_RATE_FELL_TO = re.compile(r"(?:增幅|增速|增长率|涨幅)[^，。；]{0,6}(?:回落|放缓|下降|降|收窄|下滑)至 ?$")
# a change said against a named quarter: 较2025年第二季度, "from the second quarter", "from Q2"
_QUARTER_COMPARED = re.compile(
    r"(?:较|比|相比)(?:于)? ?(?:(?:19|20)\d\d ?年|今年|去年)?第?(?P<n>[一二三四1-4])季度?"
    r"|(?:from|compared (?:to|with)|versus|over) (?:the )?(?:(?P<n2>first|second|third|fourth) quarter|q(?P<n3>[1-4])\b)"
)
# between a quarter compared with and its figure ("较 2024 年第一季度的人民币 30 亿元")
_COMPARED_FIGURE_AFTER = re.compile(FIGURE_AFTER_TIME)
# the words before a figure compared with, up to it ("较 2023 年第二季度的人民币 ")
_COMPARED_FIGURE = re.compile(r"(?:较|比|相比|相较于?)[^，,。；;]{0,20}?" + FIGURE_AFTER_TIME + "$")
# a change said against a figure after it and that figure's quarter ("23.4% from RMB8.11
# billion for the second quarter of 2024")
_FROM_FIGURE = re.compile(r"\s*(?:from|compared (?:with|to)|versus) (?:the )?")
_QUARTER_OF_FIGURE = re.compile(
    r" (?:in|for|during) (?:the )?(?:(?P<n2>first|second|third|fourth) quarter|q(?P<n3>[1-4])\b)(?P<n>)"
)
_QUARTER_NUMBER = dict(zip("一二三四", range(1, 5))) | dict(zip("1234", range(1, 5)))
_QUARTER_NUMBER |= dict(zip(("first", "second", "third", "fourth"), range(1, 5)))
# a count's name after "of" or "were": "494,400 units of Geely Galaxy", "24,304 were Model 3s"
# (the match ends where the name starts)
# a count's source right after it, in a breakdown ("37,405 from FCB, 13,255 from Denza")
_FROM_NAME = re.compile(r"(?: (?:units|vehicles|cars))? (?:came )?from (?:the )?")
# what stands between two items of such a breakdown (" units from the Ocean series, ")
_SOURCED_ITEM_GAP = re.compile(r"(?: (?:units|vehicles|cars))? (?:came )?from [^,;.]{1,40},(?: and)? ")
# what may stand before a table cell's figure: a bound sign (``>40,000``, ``~30,000``)
_CELL_BOUND_SIGNS = frozenset(("", ">", "≥", ">=", "<", "≤", "<=", "~", "约"))
# where a count's cars were made or how new they are, between it and their name (93,766辆国产Model 3)
_MADE_BEFORE_NAME = re.compile(r"(?:国产|进口|全新|新款)")
_UNITS_OF = re.compile(r" (?:of|were) (?:the |its )?")
_VEHICLE_WORD = re.compile(r" (?:vehicles|units|cars|evs)\b")
# scope words next to a figure that widen the month or quarter named to the year
_YEAR_SCOPE = re.compile(
    r"(?:for|in|over) the (?:entire|full|whole) year|full-year|年度(?:交付|销量|销售|营收|收入)"
    # (a year's sales said as such after a month's: 12月销量25.7万辆…。新能源车:年销111.0万辆)
    r"|(?<![上下半月今去明本当同前\d])年(?:销量?|交付量?)"
    r"|\bannual (?:revenues?|sales|deliveries|net (?:profit|income|loss)|profits?|turnover)\b"
)
_YTD_SCOPE = re.compile(
    r"total for the year|the year's total|for the year to|so far this year|year-to-date"
    r"|(?<![上下半\d])(?:本|今)?年(?:内)?累计"  # 12月…交付5.85万辆,年累计交付50.05万辆
)
# between a figure compared with and its month ("25,287 in February", "93,107 units reported in April")
_FIGURE_TO_MONTH = re.compile(r"(?: ?[a-z]+){0,3} ?(?:in )?|[^\d，。,;；]{0,4}")
# what follows a segment word that describes the company, or a change it goes through,
# rather than a part of its figure ("smartphone maker Xiaomi", 手机厂商小米, "their new energy
# transition")
_NO_SEGMENT_AFTER = re.compile(
    r"[ -](?:makers?|giant|company|firm|manufacturer|producer|vendor|brand)\b|(?:厂商|巨头|企业|公司|品牌商)"
    r"|[ -](?:transition|transformation|strategy|shift)\b|(?:转型|战略)"
)
# the word after a count that makes it a whole ("of its 36,728 total")
_TOTAL_AFTER = re.compile(r"(?: (?:units|vehicles|cars))? total\b")
# a conjunction or a comma after a time compared with: what follows is another item
# ("a 26.18% increase from May 2022 and an 8.5% increase from …")
_JOINED_AFTER = re.compile(r"\band\b|[,，;；]")
# a change against a month of a year named ("a 26.18% increase from May 2022")
_COMPARED_DATED_MONTH = re.compile(
    rf"\b(?:from|than|over|versus|compared (?:with|to)) (?:the same month of |in )?(?:{_EN_MONTH_NAMES}),? (?:19|20)\d\d\b"
    # (or a quarter: "a 3.2% decrease from Q1 2023")
    r"|\b(?:from|than|over|versus|compared (?:with|to)) (?:q[1-4] |the (?:first|second|third|fourth) quarter of )(?:19|20)\d\d\b"
)
# a sentence opening with a word for what was just said ("That's up 136.4 percent year-on-year")
# what may stand before an anaphor opening a sentence ("The company", "The Shenzhen-based giant")
_ANAPHOR_LEAD = re.compile(r" *(?:the |this )?(?:[a-z]+)?")
_OPENS_WITH_ANAPHOR = re.compile(
    r" *(?:(?:that|this|it)(?:'s|\b)|这|该"
    # "The December result represents a 3.63% increase": the figure just given
    r"|the (?:[a-z]+ ){0,2}(?:result|figure|total|tally|number)s?\b"
    # "Tesla's performance is a 9.3% increase compared to January 2025"
    r"|(?:its|the|[a-z]+'s) performance\b)"
)
_LIST_END = re.compile(r"[，；;]|(?<!\d),|,(?!\d{3})")  # (not a thousands comma)
# what joins a figure to the next item of a list when the item opens with its time
_NEXT_ITEM_OPEN = re.compile(
    r"(?: (?:units|vehicles|cars|evs|nevs|deliveries))?,? (?:and|while|whereas) (?:(?:in|for|during) )?(?:the )?"
)
_RIGHT_AFTER = re.compile(
    r"(?: (?:units|vehicles|cars|evs|nevs|deliveries|orders|to|customers|new|energy)){0,3}"
    r"(?: (?:in|during|for)| (?:it |they )?(?:delivered|sold|shipped)(?: (?:in|during|for))?) "
)
_QUOTE_UNIT = re.compile(
    r"([\"'”’]?)(?:[- ](?:(?:unit|vehicle|car|order|sale|registration)s?|deliver(?:y|ies))"
    r"(?= (?:mark|threshold|milestone|level|barrier)))?"
)
_QUOTE_OR_UNIT_START = frozenset("\"'”’-")
_THE_QUOTE_ENDS = ("the", '"', "'", "“", "‘")
_THE_QUOTE = re.compile(r"(?:\bthe)? ?[\"'“‘]?$")
# a word of praise between a bound word and its figure ("approaching an impressive 950,000")
_PRAISE_END = re.compile(
    r" (?:an? )?(?:impressive|remarkable|whopping|staggering|astonishing|record|robust|solid|hefty|massive) ?$"
)
# a change's level after it: "17pc to slightly over 140,000"
_GROWN_TO_BEFORE = re.compile(
    r"%?\b(?:pc|percent|per cent)?\s+to (?:(?:just|slightly|well) )?(?:over|above|under|about|around|nearly|almost|some )?\s*$"
)
# a goal named right after its figure (35万台的年度目标)
_OWN_GOAL_AFTER = re.compile(r"(?:辆|台|部|万辆|万台)?的?(?:年度|全年|年)?(?:销量|交付|交付量|销售)?目标")
# a goal's count done, right before a figure in a clause after the goal's (…目标300万辆,完成291.3万辆)
_GOAL_DONE_RIGHT_BEFORE = re.compile(r"[，,] ?(?:实际)?(?:完成|实现|达成)(?:了)? ?$")
# a goal met, before the goal's word (实现了全年销量目标, 完成年度交付目标; narrower than
# _TARGET_MET, which also takes a goal passed or missed)
_GOAL_MET_BEFORE = re.compile(r"(?:实现|完成|达成|达到)(?:了|其)?[^，。；,;\d]{0,6}$")
# a count since an event (自交付以来, 自上市以来: a running total, which may be a day's), not
# since a time (今年以来, 4月以来: a span)
_SINCE_AN_EVENT = re.compile(r"自(?:[^\d，。,；;年月日]){1,8}以来")
# the currencies a money fact is stored in (any other is a conversion's: "A$1.36 billion")
_STORED_CURRENCIES = frozenset({"CNY", "HKD", "USD"})
# the total row of a list ("Total: 7,024", 合计：; read in the simplified script)
_TOTAL_ITEM = re.compile(r"\s*(?:total|overall|combined|合计|总计|共计)\s*[:：]")
# a release's highlight line naming its span and no time ("Quarterly deliveries reached …",
# "Full year total revenues reached …")
_HIGHLIGHT_SPAN = re.compile(r"[\s•*-]*(?:(?P<q>quarterly)|full[- ]year|fiscal year|annual)\b")
# a record set or broken, before the market it is a record of (刷新全球新能源车企…纪录)
_RECORD_SCOPE_BEFORE = re.compile(r"(?:刷新|打破|创下|创造|改写)(?:了)?(?:全球|中国|国内|行业)?$")
# an aside describing a maker's line-up between its name and its figure (", with its Dynasty
# and Ocean series of EVs and hybrids,")
_WITH_ITS_ASIDE = re.compile(r", with (?:its|their) [^,]{1,100},")
# the blank lines a text opens with (a front matter blanked out)
_LEADING_SPACE = re.compile(r"\s*")
# a sentence that breaks the figure before it down ("The breakdown is as follows:")
_BROKEN_DOWN = re.compile(r" *(?:the breakdown\b|broken down\b)")
# how many sentences back a count naming no metric looks for one, over sentences that hold
# such counts too (a list of months, each its own sentence: 7 月 51,219 輛;8 月 57,000 輛;…)
_CARRY_BACK = 12
# the count metrics a figure naming none does not carry from the sentence before
_NOT_CARRIED = ("delivery_target", "capacity", "growth")
# a rival passed, named after "of" ("its first-ever surpassing of Tesla")
_PASSING_OF = re.compile(r"\b(?:surpassing|overtaking|outselling|beating) of (?:the )?$")
# wholesale figures named as such (批发数据, "wholesale figures")
_WHOLESALE_NAMED = re.compile(r"批发|\bwholesale")
# a sentence opening with the figure just given ("However, this figure represents …")
_THIS_FIGURE = re.compile(r" *(?:(?:however|but|and),? )?(?:this|that|the) (?:figure|number|result|total)\b")
# a quote's box after a name, its ticker and the day's move ("Li Auto (LI +0.58%) gained
# 0.64%", "(^GSPC 0.14%)"): the page's live quote, not the article's figure
_TICKER_QUOTE = re.compile(r"\(\^?[A-Z]{1,5}(?:\.[A-Z]{1,2})? [+\-−]?$")
# a value shrunk to a level (市值缩水至2548亿港元: the level, not the loss 市值缩水 hedges)
_SHRANK_TO = re.compile(r"(?:缩水|蒸发)(?:至|到) ?$")
_BULLET = re.compile(r"[ \t]*(?:[-•·*–▪]|\d{1,2}[.)、])[ \t]")
# an item of a list with no bullet: a short line's label, a colon and its figure
# ("ES6 (5-seat SUV): 2,936 (down 3% year-over-year)", "Total: 7,024")
_LABEL_ITEM = re.compile(
    r"[ \t]*[A-Za-z\u4e00-\u9fff][^\n:：.。;；!?,，、]{0,40}[:：][ \t]*\d[^\n。;；]{0,60}(?:\n|$)"
)
# a note of the unit in brackets after a column's time ("2025 H1 (RMB billion)")
_CELL_NOTE = re.compile(r"\s*\([a-z$ ]{2,20}\)\s*$")
_TABLE_PERIOD_REST = frozenset({"", "fy", "full year", "full-year", "fiscal year", "年", "全年", "年度"})
_SHORT_ASIDE = re.compile(r"[(（][A-Za-z][A-Za-z .&-]{0,11}[)）]")
# a plan's word for the year it runs over ("annual sales target", 年度目标)
_ANNUAL = re.compile(r"\bannual\b|\bfull[- ]year\b|年度|全年")
# a target said to be the year's ("550萬輛年度目標", "its annual target of 5.5 million"): for
# the year, whatever span its clause names
_ANNUAL_TARGET = re.compile(
    r"(?:年度|全年|年)(?:销量|交付|销售)?目标|\b(?:annual|full[- ]year|yearly)(?: sales| delivery| deliveries)? (?:target|goal)"
    r"|年(?:销售|销量|交付)量?[^，,。；;]{1,14}的目标"  # 年销售180万辆的目标
)
# a time a figure was reported in, not its span ("比亚迪于1月通报的460万辆")
# a month a target was revised in (并于9月下调至460万辆): when it was set, not what it is for
# a figure revised to another ("由550万辆下修至460万辆", "cut from 5.5 million to 4.6 million")
_REVISED_TO = re.compile(
    r"(?:下修|上修|下调|上调|调整|调高|调低|削减|提高|降低|revised(?: down| up)?|cut|lowered|raised) ?(?:至|到|为|to\b)"
)
_REVISED_AFTER = re.compile(r" ?(?:份)?(?:下调|上调|调整|调高|调低|上修|下修|提高|降低)")
_REPORTED_IN = re.compile(r" ?(?:份)?(?:通报|公布|发布|披露|宣布)的")
_RELEASE_AFTER = re.compile(r"[ -]?(?:earnings|results|report|financial|update|release|filing|call)\b")
# three short lines in a row without a digit: column heads one a line (品牌 / 交付量 / 同比增幅)
_HEADS_HINT = re.compile(r"\n[^\n\d]{1,8}\n[^\n\d]{1,8}\n[^\n\d]{1,8}\n")
# what may stand between the cells of a plain-text table
_CELL_GAP = " |\t"
# two periods back to back, as in the head of a plain-text table (2024年第二季度2024年第一季度)
_SPACED_HEADER_HINT = re.compile(
    r"(?:季度|年|月)(?:19|20)\d\d年|(?:19|20)\d\d ?[QH][1-4] (?:\| )?(?:19|20)\d\d|[QH][1-4] (?:19|20)\d\d [QH][1-4]"
)
# the head of a filing's summary table of two years and the change between them, its cells
# run together as copied from the filing (2023年2024年變動(%), 二零二五年二零二四年变动)
_CN_YEAR = r"(?:20\d\d|二[零〇][零〇一二三四五六七八九]{2})年"
_CN_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")
_CHANGE_HEAD = re.compile(rf"(?P<y1>{_CN_YEAR})\s*(?P<y2>{_CN_YEAR})\s*(?:变动|變動)")
# what ends the time the head's years stand for (截至六月三十日止六个月, 截至12月31日止年度)
_CHANGE_SPAN = re.compile(
    r"截至(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月[^止\n]{0,6}止(?:(?P<n>六|三)[个個]月|年度)"
)
# the heads of a maker's monthly sales release, its table flattened one cell a line
# ("Current month", "The same period last year", …, "Year-to-date in current year", …)
_RELEASE_HEADS = re.compile(r"\ncurrent month\n(?:[^\n\d]{1,40}\n){1,12}?year-to-date", re.I)
# a row of all a release's makers, or of its exports
_TOTAL_ROW = frozenset({"total", "合计", "总计"})
_EXPORT_ROW = re.compile(r"(?:of which: ?)?(?:exports?|出口)$", re.I)
# what may stand between a summary row's metric word and its first figure: notes in brackets
# (人民币千元), (部), and a dash for an empty cell
_ROW_NOTES = re.compile(r"\s*(?:[(（][^()（）\n]{0,20}[)）]\s*)*[–-]?")
# what may stand between two cells of such a row: brackets of a fall, a percent sign, a dash
_CELL_JOINT = frozenset(" ()%–-")
# two quarters or halves side by side between bars (季度 | 23Q3 | 23Q2 | …)
_BAR_HEAD_HINT = re.compile(r"\d[QH][1-4] ?\| ?(?:(?:19|20)?\d\d ?[QH][1-4]|[1-4][QH]\d\d)")
_FLAT_TABLE_HINT = re.compile(
    r"\n(?:FY ?)?(?:(?:19|20)\d\d(?: ?[QH][1-4]|年)?|[QH][1-4] ?(?:19|20)\d\d)[ \t]*\|?[ \t]*\n\n?"
    r"(?:FY ?)?(?:(?:19|20)\d\d(?: ?[QH][1-4]|年)?|[QH][1-4] ?(?:19|20)\d\d)[ \t]*\|?[ \t]*\n"
)
# a time an event happened at ("Launched in August 2024, the sedan …", 自2024年3月28日…发布),
# not the time of a figure in a later clause
_EVENT_BEFORE = re.compile(
    r"(?:\b(?:launched|introduced|unveiled|debuted|founded|established|listed|since)(?: in| on)?|自|从) ?$"
)
# what may stand between a count and the model it counts ("905 of its G3 smart sedans")
_OF_ITS = re.compile(r" (?:of (?:its|the) )?")
# a word or three of a kind, then cars, after a maker's name ("11,794 ONVO family models",
# "6,088 FIREFLY high-end compact EVs")
_CARS_AFTER_NAME = re.compile(r" (?:[a-z-]+ ){0,3}(?:vehicles|cars|evs|models|units|suvs|sedans)\b")
# a change against a product's predecessor ("较上一代提升10倍", "than its predecessor")
_AGAINST_PREDECESSOR = re.compile(
    r"(?:较|比|相比)(?:于)?(?:上一代|上代|前代|前一代|老款)|\b(?:than|over) (?:its|the) (?:predecessor|previous generation)\b"
)
# the word before a day or month a return runs from (自9月25日, 从去年5月), and the words after
# a month it runs from to now (至今)
_TO_NOW = re.compile(r" ?(?:份)?(?:至今|到现在|迄今|以来|\bto date\b)")
#: a maker's revenue or profit below this (in any currency) is a figure per car, not the company's
_LEAST_COMPANY_SUM = Decimal(1_000_000)
# a flow said to be a quarter's ("Quarterly total revenues", 单季营收)
_QUARTERLY = re.compile(r"\bquarterly\b|单季")
# a flow said to be a month's (今年首度月销超过5万辆, 单月交付, "monthly sales"); not a month named
# (9月销量, 前五月销量), a monthly average or every month's
_MONTHLY = re.compile(
    r"(?<![\d一二三四五六七八九十个均每当本上])月(?:销|交付量)|单月|\bmonthly (?:sales|deliveries)"
)
# a level held month after month (月交付量稳定在5万台以上, 稳定月交付3.7万台): no one month's
_LEVEL_HELD = re.compile(r"稳定|保持|维持|持续|\bsteady\b|\bconsistently\b")
# a whole year's words, before a figure in its sentence (全年来看,…单季营收…与222123辆的总交付量)
_WHOLE_YEAR_WORD = re.compile(r"全年|\bfull[- ]year\b|\bannual\b")
# names referred back to as a group ("these brands", "the three automakers", 这三个品牌, 上述车企)
_THESE_NAMES = re.compile(
    r"\b(?:these|those|the (?:two|three|four|five)|both|all three)(?: \w+)? "
    r"(?:brands|makers|automakers|carmakers|companies|models|firms|startups)\b"
    r"|(?:这|上述|以上)(?:[两二三四五六七八九十几]家|[两二三四五六七八九十几]个|些)?(?:品牌|车企|厂商|公司|车型)"
)
# a Hong Kong listing code in an article's address
_HK_CODE_IN_URL = re.compile(r"(?i)(?:hkse|hkex|hk)[/_=-]0*(\d{4})(?!\d)|(?<!\d)0*(\d{4})\.hk\b")
_FROM_DAY = re.compile(r"(?:自|从|\bfrom|\bbetween) ?$")
_RUN_START = re.compile(r" ?(?:开始|起)")
_VIEWED_FROM = re.compile(r"[^，,。；;\d]{0,12}来看")
_EVENT_AFTER = re.compile(r"^ ?(?:正式)?(?:上市|推出|发布|成立|问世|亮相)")
# the same in English, a subject between ("in late 2021, the company started sales also in
# Norway")
_EVENT_AFTER_EN = re.compile(
    r",? (?:[a-z]+ ){0,2}(?:started|began) (?:sales|selling|deliveries|delivering)\b"
)
_CLOSE_WORDS = re.compile(r"收涨|收跌|收报|报收|收盘|收于|\bclos(?:e|ed|ing)\b|\bfinished\b")
# a close on a day named without its month (截至10日港股收盘, 10日收盘)
_BARE_DAY_CLOSE = re.compile(
    r"(?<![\d月./-])(\d{1,2})日(?:港股|美股|a股)?(?:股价)?(?:收盘|收市|收报|报收|收涨|收跌)"
    r"|(?<=股价)(\d{1,2})日(?=[^\d，,。]{0,4}\d)"  # (特斯拉股价3日下挫1.17%)
)
_NOTHING_PAIRED: dict = {}
#: metric names of a change: deliveries_yoy, sales_mom, revenue_growth
_CHANGES = ("_yoy", "_mom", "_growth")
#: levels read on a day: a range or a year they are named for stands for its last day
_LEVELS = ("market_cap", "share_price", "index_level")
#: moves and levels, which never spread over each month of a range or a list
_MOVES_AND_LEVELS = ("share_return", "index_return", *_LEVELS)
#: levels, running totals and returns that, with no time named, are as of the article's date
_DATED_LEVELS = (
    "market_cap",
    "share_price",
    "vehicle_price",
    "capacity",
    "backlog",
    "wait_time",
    "rd_spend",
    "investment",
    "orders",
    "locked_orders",
    "share_return",
    "index_return",
)
#: the trading calendar of a quote's currency (exchange-calendars names)
_QUOTE_CALENDAR = {"HKD": "XHKG", "USD": "XNYS", "CNY": "XSHG"}
#: (the sessions looked up once per calendar and day: articles repeat their day)
_last_session = lru_cache(maxsize=1024)(last_session)
_SHARE_WORDS = ("股价", "港股", "股票", "shares", "stock", "share price")


def _names_share(text: str) -> bool:
    """Whether ``text`` (lower case) holds a word for shares (:data:`_SHARE_WORDS`)."""
    return any(w in text for w in _SHARE_WORDS)


#: a period's text parsed, remembered: articles name the same periods again and again, and
#: a figure's periods are read by several rules
_period_of = lru_cache(maxsize=4096)(parse_period)

#: what :func:`_period_problem` gives for a string that is no period
_BAD_PERIOD = "no period"


@lru_cache(maxsize=4096)
def _period_problem(per: str, metric: str, today: date) -> str | None:
    """What is wrong with a fact of ``metric`` over ``per`` (:func:`period_problem`), or
    :data:`_BAD_PERIOD` when ``per`` is no period; remembered, as texts name the same
    periods again and again."""
    if metric.endswith("_mom") and not _ONE_MONTH.fullmatch(per):
        # 三季度营收环比增长14.7%: a change on the quarter before, which no metric holds
        return "a change on the period before over more than a month (quarter on quarter): not a month-on-month change"
    try:
        return period_problem(_period_of(per), metric, today)
    except ValueError:
        return _BAD_PERIOD


_ONE_MONTH = re.compile(r"\d{4}-\d{2}")


def _weekly_as_registrations(metric: str, per: str) -> str:
    """``insurance_registrations`` (or its change) for the sales or deliveries of a week
    (a span of at most seven days): China's weekly car sales are counts of new insurance
    registrations, the only weekly source; else ``metric``."""
    base, _, rest = metric.partition("_")
    if base not in ("sales", "deliveries") or rest not in ("", "yoy", "mom"):
        return metric
    span = _period_of(per)
    return (
        "insurance_registrations" + metric[len(base) :] if 0 < (span.end - span.start).days <= 7 else metric
    )


_UNLIKELY = (
    "a reading a careful reader is unlikely to record as it stands (confidence {p} below the threshold)"
)
_AHEAD = "a figure for a time after the article's date: not yet happened, and no target"
# a change "over" a named time ("up 46.1 percent over the fourth quarter"): the time compared with
_PERCENT_OVER = re.compile(r"(?:%|\bpercent|\bper cent) over (?:the )?$")
# what stands right before a time compared with ("above its September deliveries")
_COMPARED_WITH_EN = re.compile(
    r"\b(?:above|below|than|versus|vs\.?|against|compared (?:with|to))(?: (?:its|the|their))? $"
)
# what stands before a month a change is measured from ("fell by 29% from December", "46% less
# than that in December"), and what opens a span after one ("from January to March"); what
# says a month compared with is a year before the figure's ("from April last year")
_FROM_MONTH = re.compile(r"\b(?:from|than)(?: (?:that|those))?(?: in| of)? $")
_SPAN_ON = re.compile(r" ?(?:to|through|until|till|-|–)\b")
_LAST_YEAR_AFTER = re.compile(
    r",? (?:of )?(?:last year|the previous year|the year before|a year (?:earlier|ago))"
)
# what stands between a maker's name and its bare count in a round-up (``小鹏(36728辆)``,
# ``零跑汽车则以70327辆``, "Nio: 36,275")
# (or its possessive: "Leapmotor’s 45,067 vehicles")
_ROUND_UP_GAP = re.compile(r"\s*(?:[(（:：]|则?以|达到?|为|['’]s)?\s*")
_ROUND_UP_METRICS = frozenset({"deliveries", "sales", "retail_sales", "wholesale", "insurance_registrations"})
# a note of a table's unit of money: "(in RMB millions)", "(RMB in thousands, except for
# percentages)", "(in thousands of RMB)", "(US$ in millions)", （人民币千元，百分比除外）
_TABLE_SCALE = re.compile(
    r"\(\s*(?:(?:amounts?|figures?) )?(?:in )?(?:(?P<cur>rmb|us\$|usd|hk\$|hkd|cny)\s*)?(?:in )?"
    r"(?P<mag>thousands?|millions?|billions?)(?: of (?P<cur2>rmb|renminbi|yuan|us dollars|hk dollars))?"
    r"|[(（](?P<zcur>人民币|美元|港元|港币)?(?P<zmag>千元|百万元|亿元)",
    re.I,
)
_SCALE_FACTOR = {
    "thousands": 10**3,
    "millions": 10**6,
    "billions": 10**9,
    "千元": 10**3,
    "百万元": 10**6,
    "亿元": 10**8,
}
_SCALE_CURRENCY = {
    "rmb": "CNY",
    "cny": "CNY",
    "renminbi": "CNY",
    "yuan": "CNY",
    "人民币": "CNY",
    "us$": "USD",
    "usd": "USD",
    "us dollar": "USD",
    "美元": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "hk dollar": "HKD",
    "港元": "HKD",
    "港币": "HKD",
}
# a forecast a figure is compared with (优于市场预估的1125亿元, "beating the 107.6 billion
# analysts' estimate", 低于市场预期的)
_FORECAST_COMPARED = re.compile(
    r"(?:优于|好于|高于|低于|逊于|胜于|超出|不及|远超|超过|略逊于?|略低于|略高于)(?:市场|分析师)?(?:预估|预期|预测|估计)的?"
)
_CLAUSE_BREAK = re.compile(r"[，,;；]")
# a month's figure named before a range's mark passed ("蝉联新势力月销量冠军,7-8月破5万": each
# month's, not the sum's; narrower than _MONTHLY: no 单月 nor 月销 without 量)
_MONTHLY_FIGURE = re.compile(r"(?<![\d一二三四五六七八九十个])月(?:销量|交付量)")  # (not 前五月销量)
_MARK_PASSED = re.compile(r"(?:破|超过?|突破|逾)$")
# every month of a half said so ("deliveries sagged in the first half and were below 10,000 in
# all the months")
_EVERY_MONTH = re.compile(
    r"\b(?:in )?(?:all|each|every) (?:of )?(?:the )?months\b|\bevery month\b|\beach month\b|每个?月|各月"
)
# a run of quarters (连续四个季度, 连续4季)
_QUARTERS_IN_A_ROW = re.compile(r"连续(?P<zh>[二两三四五六七八九十]|\d{1,2})个?季度?")
_OTHER_MONTH = "a change on a month other than the one before or the same a year before: no metric holds it"


class _At(NamedTuple):
    """A position standing for a figure (``start`` is all :meth:`Extractor._last_figure_before` reads)."""

    start: int


class _Mention(NamedTuple):
    start: int
    end: int
    key: str  # metric name or entity slug
    word: str


#: how far before and after a number its sentence is read (see :meth:`_Sentence.around`)
WINDOW_BEFORE = 600
WINDOW_AFTER = 300
#: the most characters of its sentence a fact carries (the span locates the figure)
SENTENCE_CAP = 300


def excerpt(text: str, so: int, eo: int, a: int, b: int, cap: int = SENTENCE_CAP) -> str:
    """The sentence ``text[so:eo]`` (stripped) around the span ``[a, b)``, cut to at most
    ``cap`` characters (or the span itself when it is longer) centred on the span."""
    if eo - so <= cap:
        return text[so:eo].strip()
    room = max(0, cap - (b - a))
    lo = max(so, a - room // 2)
    hi = min(eo, max(b, lo + cap))
    lo = max(so, min(lo, hi - cap))
    return text[lo:hi].strip()


class _Clauses(NamedTuple):
    """The clauses of a whole text, sorted and apart: ``starts[k]`` and ``ends[k]`` bound the
    ``k``-th (machine integers: a text has tens of thousands of them)."""

    starts: array
    ends: array


class _Sentence:
    """A sentence ``[start, end)`` of normalised text, its paragraph number and its clauses
    (``clauses.starts[k0:k1]``, shared by every sentence of the text)."""

    __slots__ = ("clauses", "end", "k0", "k1", "para", "start")

    def __init__(self, start: int, end: int, para: int, clauses: _Clauses, k0: int, k1: int) -> None:
        self.start, self.end, self.para = start, end, para
        self.clauses, self.k0, self.k1 = clauses, k0, k1

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The clause holding ``pos`` (within the sentence's bounds), else the sentence."""
        starts, ends = self.clauses
        k = bisect_right(starts, pos, self.k0, self.k1) - 1
        if k >= self.k0 and pos < ends[k]:
            return max(starts[k], self.start), min(ends[k], self.end)
        return self.start, self.end

    def around(self, a: int, b: int) -> _Sentence:
        """This sentence cut to the window read around a number at ``[a, b)``: at most
        :data:`WINDOW_BEFORE` characters before it and :data:`WINDOW_AFTER` after it (the
        words that govern a number stand near it; the cut keeps the work per number
        bounded on text without sentence ends)."""
        lo, hi = max(self.start, a - WINDOW_BEFORE), min(self.end, b + WINDOW_AFTER)
        if lo == self.start and hi == self.end:
            return self
        return _Sentence(lo, hi, self.para, self.clauses, self.k0, self.k1)


def _sentence_spans(t: str) -> Iterator[tuple[int, int, int]]:
    """The sentences of ``t``, each as (start, end, paragraph number), in order."""
    para = 0
    start = 0
    for m in _SENT_END.finditer(t):
        if m.group().startswith(".") and _ABBREV.search(t[max(0, m.start() - 6) : m.start()]):
            continue
        end = m.start()
        if end > start:
            yield start, end, para
        if "\n" in m.group():
            para += 1
        start = m.end()
    if start < len(t):
        yield start, len(t), para


class _Sentences(Sequence[_Sentence]):
    """The sentences of a text, sorted and apart, kept as machine integers (a long text
    has tens of thousands); reading one gives a :class:`_Sentence`."""

    __slots__ = ("clauses", "ends", "k0s", "k1s", "paras", "starts")

    def __init__(self) -> None:
        self.starts, self.ends, self.paras = array("q"), array("q"), array("q")
        self.k0s, self.k1s = array("q"), array("q")
        self.clauses = _Clauses(array("q"), array("q"))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> _Sentence: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[_Sentence]: ...

    def __getitem__(self, i: int | slice) -> _Sentence | Sequence[_Sentence]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return _Sentence(self.starts[i], self.ends[i], self.paras[i], self.clauses, self.k0s[i], self.k1s[i])


def _sentences(t: str) -> _Sentences:
    """The sentences of ``t`` with their clauses.

    Clause marks are found in one scan of the whole text: none of them holds or borders on a
    sentence end, so each falls within one sentence."""
    marks = [m.span() for m in _CLAUSE.finditer(t)]
    if "(" in t or "（" in t:
        # "1,000,804 new energy vehicles (NEVs) sold": a short aside does not cut the clause
        aside = set()
        for m in _SHORT_ASIDE.finditer(t):
            aside.add(m.start())
            aside.add(m.end() - 1)
        if aside:
            marks = [mk for mk in marks if mk[0] not in aside]
    out = _Sentences()
    starts, ends = out.clauses
    k, n = 0, len(marks)
    for start, end, para in _sentence_spans(t):
        while k < n and marks[k][0] < start:
            k += 1
        k0, a = len(starts), start
        while k < n and marks[k][0] < end:
            x, y = marks[k]
            if x > a:
                starts.append(a)
                ends.append(x)
            a = y
            k += 1
        if a < end or len(starts) == k0:  # (a sentence of marks alone is one clause)
            starts.append(a if a < end else start)
            ends.append(end)
        out.starts.append(start)
        out.ends.append(end)
        out.paras.append(para)
        out.k0s.append(k0)
        out.k1s.append(len(starts))
    return out


def _mentions(rx: re.Pattern, lower: str, table: dict[str, str], plural: bool = False) -> list[_Mention]:
    """Matches of a lexicon expression in the lower-cased text, Latin words whole only (a
    Latin word glued to a letter or digit is passed over, and the scan goes on from the
    character after its start). With ``plural``, a name ending in a digit or a lone letter
    may take an "s" ("8,750 G6s", "Model 3s", "Model Ys")."""
    out = []
    pos, n = 0, len(lower)
    while pos < n:
        for m in rx.finditer(lower, pos):
            w = m.group()
            if not w:
                continue
            a = m.start()
            b = a + len(w)
            glued = (w[0].isascii() or w[-1].isascii()) and not word_ok(lower, a, b)
            if glued and not (plural and _plural_ok(w, lower, a, b)):
                # a shorter name at the same place may be whole ("BYD handed": not BYD Han)
                e = _whole_prefix(rx, lower, a, b)
                if e is not None:
                    out.append(_Mention(a, e, table[lower[a:e]], intern(lower[a:e])))
                pos = a + 1 if e is None else e
                break
            out.append(_Mention(a, b, table[w], intern(w)))  # (one string per word, not per match)
        else:
            break
    return out


# a name set off after another as its owner's brand ("ONVO—NIO's mass-market brand—",
# "Firefly, NIO's smaller premium EV brand,", "Zeekr, a Geely brand,"): the first is the subject
_APPOSITION_OPEN = re.compile(r" ?(?:,|—|–|--?|\() ?(?:a |an |the )?")
_OWNER_BRAND_AFTER = re.compile(
    r"(?:['’]s)? (?:[a-z0-9-]+ ){0,4}?(?:brand|sub-brand|marque|label|subsidiary|unit|arm) ?(?:,|—|–|-|\))"
)


def _outside_appositions(ents: list[_Mention], lower: str) -> list[_Mention]:
    """``ents`` without an owner named in an apposition after a brand of its (the brand
    is what the sentence is about)."""
    out: list[_Mention] = []
    for e in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _APPOSITION_OPEN.fullmatch(lower, prev.end, e.start)
            and _OWNER_BRAND_AFTER.match(lower, e.end)
        ):
            continue
        out.append(e)
    return out


def _metric_line(line: str, word: str) -> bool:
    """Whether a table's line holds its metric's word alone, or after "total" ("Total
    deliveries", ``总交付量``)."""
    line = line.strip()
    return line == word or line in (f"total {word}", f"总{word}")


def _whole_prefix(rx: re.Pattern, lower: str, a: int, b: int) -> int | None:
    """The end of the longest match of ``rx`` at ``a`` ending before ``b`` that is a whole
    word, else None."""
    end = b - 1
    while end > a:
        m = rx.match(lower, a, end)
        if m is None or not m.group():
            return None
        if word_ok(lower, a, m.end()):
            return m.end()
        end = m.end() - 1
    return None


# a sentence opening on an aspect of a report (利润方面,, 盈利方面,)
_ASPECT_OPEN = re.compile(r"\s*[^\d，。,;；]{1,6}方面[,，]")
# a sentence opening on the markets abroad as its topic (海外市场方面,)
_ABROAD_TOPIC = re.compile(r"\s*(?:海外市场|海外|国际市场)方面")
# sales or deliveries made abroad, named just before the metric word (``在中国以外的电动车销售量``,
# ``海外市场的销量``, "overseas sales volume"): exports
_ABROAD_BEFORE = re.compile(
    r"(?:海外|中国以外|中国境外|境外|国外|overseas|outside (?:of )?(?:mainland )?china|abroad)[^，。；,;]{0,10}$"
)

# the words before a figure of the same span a year before (去年同期的623,384辆, 去年同期为…)
_LAST_YEAR_SAME = re.compile(r"(?:去年|上年)同期(?:的|为|是)? ?(?:约|近)? ?$")
# a word saying a figure after a list of names is their sum (:meth:`Extractor._sum_of_listed`)
_SUM_WORD = re.compile(r"总销量|总交付|合计|合共|共计|总计|加起来|\bcombined\b|\btogether\b|\bin total\b")
# a word for sales abroad anywhere before a target (:meth:`Extractor._export_target`)
_EXPORT_WORD = re.compile(
    r"(?:海外|出口|大陆以外|中国以外|境外|\boverseas\b|\bexport|\babroad\b)[^，,。；;]{0,12}$"
)
# the revenue earned abroad, after its sum ("777.1 billion yuan in revenue, including 221.9
# billion yuan from overseas markets"): a segment of a maker's revenue
_ABROAD_MONEY_AFTER = re.compile(
    r" ?(?:from|in) (?:its |the )?(?:overseas|international|foreign) (?:markets?|business(?:es)?|sales)\b"
    r"| ?from (?:overseas|abroad|outside (?:of )?(?:mainland )?china)\b"
)
# an export word right after a target's figure ("1.3 million vehicles in overseas shipments")
_EXPORT_AFTER = re.compile(r" ?(?:[a-z]+ )?(?:in |of |for )?(?:overseas|abroad|exports?\b|海外|出口)")
# a word saying what a total includes, before an exports word ("including exports", 含出口)
_INCLUDING = re.compile(r"(?:including|includes|incl\.|inclusive of|包括|包含|含)\s?$")
# after a sales word, a count and the place abroad it was sold in: "sold 30,629 NEVs overseas"
_ABROAD_AFTER = re.compile(
    r"(?: (?:a total of |more than |over |about |nearly )?[\d,.]+(?: million| thousand)?"
    r"(?: [a-z-]+){0,4}?)? (?:in |to )?(?:overseas|abroad|outside (?:of )?(?:mainland )?china)\b"
)


# the first of a pair of changes year on year and on the period before (a broker's 同环比分别为
# +97.3%/+36.7%, 同环比+107.3%/+29.7%): the year-on-year one
# (also written 同/环比, 同比/环比: 同/环比分别为+1752.55%/+59.26%)
_YOY_AND_MOM = r"同(?:比)? ?/? ?环比"
_YOY_THEN_MOM_LEAD = re.compile(_YOY_AND_MOM + "$")
_YOY_THEN_MOM = re.compile(_YOY_AND_MOM + r"(?:分别)?(?:为|是|达)?[:：]? ?[+＋\-−]?$")
# the close named after the session under way: what follows is the day's close
_CLOSE_NAMED = re.compile(r"截[至止]收盘|收盘时|最终收|尾盘|\bat the close\b|\bby the close\b")
# "both" before a list of names: the figure after is each one's
_BOTH = re.compile(r"\bboth\b")
# a word opening an English clause of its own inside a sentence
_EN_CLAUSE_WORD = re.compile(r"\b(?:as|while|whereas|with)\b")
# the country a rate is said of, right after it ("… craters to 44% in China")
_IN_CHINA_AFTER = re.compile(
    r" ?(?:in|across) (?:china|the chinese market|the country|the domestic market)\b"
)
# makers listed as of a kind (小米、小鹏、零跑等品牌): a change said of them is each one's
_LISTED_KIND_AFTER = re.compile(r"等(?:[多几]家|[多几]个)?(?:品牌|车企|厂商|新势力|企业)")
# "each" right after a figure and its unit ("Nio and Xpeng delivered over 10,000 vehicles each")
_EACH_AFTER = re.compile(r"(?: [a-z-]+)?,? (?:each|apiece)\b")
# a maker's possessive right before a brand of its ("GAC's Aion"): the brand is the subject
_POSSESSIVE = re.compile(r"['’]s ")


def _last_match(rx: re.Pattern, text: str, lo: int, hi: int) -> re.Match | None:
    """The last match of ``rx`` in ``text[lo:hi]`` (matches do not overlap)."""
    return next(reversed(list(rx.finditer(text, lo, hi))), None)


def _minus_before(t: str, at: int) -> bool:
    """Whether a minus sign is written right before the number at ``at`` (``同比-5.3%``,
    ``/-3.5%``), not a hyphen after a Latin letter or digit."""
    if at == 0 or t[at - 1] not in "-−":
        return False
    c = t[at - 2] if at >= 2 else " "
    return not (c.isascii() and c.isalnum())


def _not_adjectives(metrics: list[_Mention], lower: str) -> list[_Mention]:
    """``metrics`` without "selling" used as an adjective ("best-selling", "the selling
    price"): only the verb ("did too, selling 226,686 vehicles") names sales; nor 下单
    across the words 创下 and 单月 (``以 48654 輛創下單月新高``: a single month's record, no
    order)."""
    return [
        m
        for m in metrics
        if not (
            m.word == "selling" and (lower[m.start - 1 : m.start] == "-" or _PRICE_AFTER.match(lower, m.end))
        )
        and not (m.word == "下单" and lower[m.end : m.end + 1] in _SPAN_CHARS)
    ]


# a character that makes 单 before it "single" (单月, 单日, 单季, 单周), not "order"
_SPAN_CHARS = frozenset("月日季周年")


_PRICE_AFTER = re.compile(r" (?:price|point|season|spree)")


def _abroad_as_exports(metrics: list[_Mention], lower: str) -> list[_Mention]:
    """``metrics`` with each sales or deliveries word made abroad (:data:`_ABROAD_BEFORE`),
    or said of a count sold abroad after it ("sold 30,629 NEVs overseas", "7,736 NEVs in
    overseas markets": :data:`_ABROAD_AFTER`), or in a sentence opening on markets abroad
    (:data:`_ABROAD_TOPIC`), read as exports."""
    for i, m in enumerate(metrics):
        if m.key in ("sales", "deliveries") and (
            _ABROAD_BEFORE.search(lower, max(0, m.start - 24), m.start)
            or _ABROAD_AFTER.match(lower, m.end)
            # (a sentence on abroad: 海外市场方面,上汽努力克服各种不利因素,实现销售49.4万辆)
            or _ABROAD_TOPIC.match(lower, sentence_start_within(lower, m.start, 60))
        ):
            metrics[i] = m._replace(key="exports")
    # "sales, including exports", 销量（包括出口）: exports counted in a total name no metric
    return [
        m
        for m in metrics
        if not (m.key == "exports" and _INCLUDING.search(lower, max(0, m.start - 12), m.start))
    ]


# what may stand between a money word and its bare amount in 亿 ("营收 31.3 亿", "营收大幅增至 124 亿")
_TO_AMOUNT = re.compile(
    r"(?:[ :：]|为|達|达|达到|至|是|大幅|增至|降至|升至|增长至|提高到|提高至|提升至|提升到|增加到|增加至|下降至|下降到|减少至|减少到|跃升至|约|近|超|共|合计|了|分别){0,5}"
)
# the money metrics a company reports in yuan (a market value may be in Hong Kong dollars)
_YUAN_METRICS = frozenset({"revenue", "net_profit", "rd_spend", "investment"})


def _bare_yi_as_yuan(qs: list[Quantity], metrics: list[_Mention], lex: Lexicon, t: str) -> list[Quantity]:
    """``qs`` with a bare number in 亿 right after a money metric word read as yuan
    ("净利润 0.8 亿", "营收203.8亿"), or right before one ("149.426亿的净亏损"): Chinese
    money is counted in 亿, vehicles in 万."""
    ends = array("q", [m.end for m in metrics])
    starts = array("q", [m.start for m in metrics])
    out = []
    for q in qs:
        if q.kind is None and t[q.start].isdigit() and t.endswith("亿", q.start, q.end):
            k = bisect_left(ends, q.start + 1) - 1
            after = bisect_left(starts, q.end)
            if (k >= 0 and metrics[k].key in _YUAN_METRICS and _TO_AMOUNT.fullmatch(t, ends[k], q.start)) or (
                after < len(metrics)
                and metrics[after].key in _YUAN_METRICS
                and t[q.end : metrics[after].start] in ("", "的")
            ):
                q = q._replace(kind="currency", unit="CNY")
        out.append(q)
    return _yuan_items(out, t)


def _yuan_items(qs: list[Quantity], t: str) -> list[Quantity]:
    """``qs`` with a bare number in 亿 that is an item of a list of yuan amounts (next to
    one, joined by 、 or 和: "营收分别为60.52亿、127.49亿和193.61亿元") read as yuan."""
    out = list(qs)
    for j, q in enumerate(out):
        if q.kind is not None or not t.endswith("亿", q.start, q.end):
            continue
        near = [out[j - 1]] if j > 0 else []
        near += [out[j + 1]] if j + 1 < len(out) else []
        if any(
            n.unit == "CNY" and _LIST_JOIN.match(t[min(n.end, q.end) : max(n.start, q.start)].strip())
            for n in near
        ):
            out[j] = q._replace(kind="currency", unit="CNY")
    return out


def _outside_names(qs: list[Quantity], names: list[_Mention]) -> list[Quantity]:
    """The quantities of ``qs`` that lie in no name ("Model 3 sedans" is no count of 3)."""
    starts = [e.start for e in names]
    out = []
    for q in qs:
        k = bisect_right(starts, q.start) - 1
        if k < 0 or names[k].end <= q.start:
            out.append(q)
    return out


def _plural_ok(w: str, lower: str, a: int, b: int) -> bool:
    """Whether the name ``w`` at ``[a, b)`` is whole but for a plural "s" after its last
    digit or lone letter."""
    last = w.rsplit(" ", 1)[-1]
    return (last[-1].isdigit() or len(last) == 1) and lower[b : b + 1] == "s" and word_ok(lower, a, b + 1)


# the revenue from selling cars, in a results release ("vehicle sales were RMB26,527 million")
_VEHICLE_SALES = re.compile(r"\bvehicle sales\b")
# between a group and the list of its brands (极氪集团旗下极氪及领克)
_BRANDS_OF = re.compile(r" ?(?:旗下(?:的)?|['’]s brands,?) ?")
# a word for "this brand" (该品牌, "the brand"): the brand named last, not the maker
_BRAND_ANAPHOR = re.compile(r"该品牌|这一品牌|此品牌|\b(?:the|this) brand\b(?!'s)")
# the metrics of a maker's results (with their changes)
_RESULTS = ("revenue", "net_profit", "rd_spend")
# the start of an English relative clause set off by a comma
_RELATIVE_OPEN = re.compile(r", (?:whose|which|who|comprising|including|consisting of|made up of)\b")
# a rival's own figure right after its name ("exceeding Tesla's $25.2 billion in sales")
# 的 alone between two things: the second is the first's (a name's figure, 仅次于零跑的 45067 辆;
# the metric a change is of, 1.1% 的营收同比增速)
_OF_ZH = re.compile(r" ?的 ?")
# 在 before a market word, nothing between that ends a clause (理想汽车在20万元及以上新能源汽车市场)
_IN_MARKET_BEFORE = re.compile(r"在[^，。；,;]{0,14}$")
# what a name reported, between the name and its figure (特斯拉于2日公布的163万辆)
_REPORTED_OWN_ZH = re.compile(
    r" ?(?:于[^，。,；;\d]{0,3}\d{0,2}[^，。,；;\d]{0,3})?(?:公布|发布|披露|交付|录得)的 ?"
)
# what stands between a maker passed and its own figure of a named metric (超过特斯拉上半年营收
# 418亿美元, 超越特斯拉2024年全年976.90亿美元: a time, then the metric's word, then 为 or 达)
_OWN_METRIC_ZH = re.compile(
    r" ?[^，。,；;：:、\d]{0,8}(?:\d{4}年)?[^，。,；;：:、\d]{0,6}?(?:为|达|达到|的)? ?"
)
# what may stand between a sum and 的 and its metric's word after it (976.90亿美元(约合人民币
# 7022.35亿元)的营收表现)
_THEN_OF_ZH = re.compile(r"(?: ?[（(][^）)]{0,30}[）)])? ?的")
# a running total right after a time (第四季度累计109194辆)
_TOTAL_AFTER_TIME = re.compile(r" ?(?:累计|累積|共计|合计)")
# the twelve months of one year as a range (2022-01..2022-12): that year
_WHOLE_YEAR_RANGE = re.compile(r"(\d{4})-01\.\.\1-12")
# "the former" or "the latter" of two figures named before a change (营收194.5亿;交付量17.4万台;…
# 前者同比增长97.3%,后者增长101.9%)
_FORMER_LATTER = re.compile(r"(前者|后者|the former|the latter)[^，,。；;]{0,8}$")
_POSSESSIVE_FIGURE = re.compile(r"(?:(?: inc\.?)?['’]s)? (?:[a-z-]+ ){0,2}(?:\$|us\$|hk\$|rmb ?)?")
# a vehicle count right after a name, in brackets or not: 理想(33181辆), 理想3.3万辆
_COUNT_AFTER_NAME = re.compile(r" ?[(（]? ?\d[\d,.]*\+? ?万? ?(?:辆|台|輛|臺)")


def _with_ambiguous(known: list[_Mention], lower: str, lex: Lexicon) -> list[_Mention]:
    """``known`` and the ambiguous names (``理想``) of the entities ``known`` holds or holds a
    model of (理想i8), or that a metric word or a vehicle count follows (理想交付量,
    理想(33181辆)), and the ambiguous names and codes of models ("Dolphin", G6, 9X) whose
    maker or its parent ``known`` holds, where they overlap no known name; sorted by start."""
    named = {e.key for e in known}
    makers = named | {p for k in named for p in _parents(k, lex)}  # (理想 in a text naming 理想i8)
    starts = [e.start for e in known]
    extra = []
    lead = lex.word_res["entity_ambiguous_lead"]
    found = _mentions(lex.ambiguous_re, lower, lex.ambiguous_names, plural=True)

    def led(m: _Mention) -> bool:  # a metric word or a count after it, or an item of a list of known names
        return bool(
            lead.match(lower, m.end)
            or _COUNT_AFTER_NAME.match(lower, m.end)
            or _listed_with_known(m, known, starts, lower)
        )

    flags = [lex.entities[m.key].kind != "model" and led(m) for m in found]  # (a model needs its maker named)
    # (a maker named by its ambiguous name once so, 理想公布了…, is named by it throughout:
    # 理想再度创下销量新高)
    led_makers = {m.key for m, f in zip(found, flags) if f and lex.entities[m.key].kind == "company"}
    for m, f in zip(found, flags):
        model = lex.entities[m.key].kind == "model"  # (a model's code is one of its names)
        if (
            m.key not in makers
            and m.key not in led_makers
            and not (model and _maker_named(m.key, named, lex))
            and (model or not f)
        ):
            continue
        k = bisect_left(starts, m.end) - 1
        if k >= 0 and known[k].end > m.start:
            continue
        extra.append(m)
    return sorted(known + extra) if extra else known


def _listed_with_known(m: _Mention, known: list[_Mention], starts: list[int], lower: str) -> bool:
    """Whether the name ``m`` is an item of a list of known names (蔚来、小鹏、理想)."""
    k = bisect_left(starts, m.start)
    before = known[k - 1] if k > 0 else None
    after = known[k] if k < len(known) else None
    return bool(
        (before is not None and _NAME_LIST_JOIN.fullmatch(lower, before.end, m.start))
        or (after is not None and _NAME_LIST_JOIN.fullmatch(lower, m.end, after.start))
    )


def _maker_named(slug: str, named: set[str], lex: Lexicon) -> bool:
    """Whether the maker of ``slug``, or a parent of that maker, is in ``named``."""
    return any(p in named for p in _parents(slug, lex))


def _parents(slug: str, lex: Lexicon) -> Iterator[str]:
    """The parent of ``slug`` in the gazetteer, its parent, and so on up."""
    p = lex.entities[slug].parent if slug in lex.entities else None
    while p is not None:
        yield p
        p = lex.entities[p].parent if p in lex.entities else None


# a person's name and a word of a broker's team after a name (民生汽车崔琰团队)
_ANALYSTS_AFTER = re.compile(r"\s?[\u4e00-\u9fff]{0,4}(?:团队|研究团队|研究组|研究所|分析师|首席)")


def _unknown_makers(t: str, known: list[_Mention], lex: Lexicon) -> list[_Mention]:
    """Names of makers the gazetteer does not know (``哪吒汽车``, "Hozon Auto"): a name
    before a maker word (``[unknown_makers]`` in the lexicon), or a Hong Kong listing's
    short name with its share-class mark (``微创机器人-B``), that overlaps no known name and
    holds no generic word. Sorted by start."""
    starts = [e.start for e in known]
    out = []
    for rx in (lex.unknown_zh_re, lex.unknown_en_re, lex.unknown_hk_re, lex.unknown_move_re):
        for m in rx.finditer(t):
            # (before a move, the name alone: the number after it is the figure)
            a, b = m.start(), m.end("name") if rx is lex.unknown_move_re else m.end()
            name = m.group("name")
            lead = t[max(0, a - 3) : a + len(name)]
            generic = lex.unknown_generic
            if (
                name in generic
                or any(ch in generic for ch in name)
                or any(lead[i:] in generic for i in range(len(lead) - 1))
                # (a name before a move holds no generic word anywhere: 上证综指微跌)
                or (rx is lex.unknown_move_re and any(w in name for w in generic if len(w) > 1))
            ):
                continue
            k = bisect_left(starts, b) - 1
            if k >= 0 and known[k].end > a:
                continue  # a known name: 小米汽车, 长安汽车
            if _ANALYSTS_AFTER.match(t, b):
                continue  # a broker's team that signs a note: 【民生汽车崔琰团队】
            out.append(_Mention(a, b, "?", t[a:b]))
    out.sort()
    return out


def _outside_ventures(ents: list[_Mention], ventures: list[_Mention]) -> list[_Mention]:
    """``ents`` less the names inside a joint venture's ("Changan" in "Changan Ford")."""
    return [e for e in ents if not any(v.start <= e.start < v.end for v in ventures)]


def _unit_ok(kind: str | None, q: Quantity, metric_kind: str) -> bool:
    if q.kind is None:  # a bare number: only counts, written large enough to be one
        return metric_kind == "count" and (
            (q.has_magnitude and q.value >= 1000)  # not 十 of 金九银十
            or q.grouped
            or (q.value >= 1000 and q.value == q.value.to_integral_value() and not (1900 <= q.value <= 2100))
        )
    return q.kind == metric_kind and not _unstored_currency(q)


def _unstored_currency(q: Quantity) -> bool:
    """Whether ``q`` is money in a currency no fact is stored in (A$1.36 billion: a
    conversion's, held by no metric)."""
    return q.kind == "currency" and q.unit not in _STORED_CURRENCIES


def _metric_kind_for(q: Quantity) -> str | None:
    """The kind of metric (``MetricDef.kind``; ``percent`` for growth words) that ``q`` can
    measure: its unit's kind; for a bare number ``count`` when it is written large enough
    to be one (see :func:`_unit_ok`), else None (no metric)."""
    if _unstored_currency(q):
        return None
    if q.kind is not None:
        return q.kind
    return "count" if _unit_ok(None, q, "count") else None


def _distinct_names(ents: list[_Mention]) -> list[_Mention]:
    """``ents`` with a name repeated in a row kept once."""
    out: list[_Mention] = []
    for e in ents:
        if not out or out[-1].key != e.key:
            out.append(e)
    return out


def _consecutive(lower: str) -> re.Match | None:
    """The first "n months in a row" in lower-cased ``lower``, Chinese or English."""
    zh = _CONSECUTIVE_ZH.search(lower) if "连续" in lower else None
    en = (
        _CONSECUTIVE_EN.search(lower)
        if ("consecutive" in lower or "straight" in lower or "in a row" in lower or "running" in lower)
        else None
    )
    if zh is not None and en is not None:
        return zh if zh.start() <= en.start() else en
    return zh or en


def _consecutive_n(m: re.Match) -> int:
    """How many months (or quarters: :data:`_QUARTERS_IN_A_ROW`) a match of a run counts."""
    g = m.groupdict()
    if g.get("zh"):
        z = g["zh"]
        return int(z) if z.isdigit() else int(parse_cn_number(z))
    if g.get("en"):
        e = g["en"].lower()
        return _EN_NUM.get(e) or int(e)
    if g.get("ordn"):
        return int(g["ordn"])
    return _ORDINALS[g["ord"].lower()]


def _entity_metric(metric: str, base: str) -> str:
    """The metric whose holders a figure's entity is sought among: a change's own base
    (revenue for ``revenue_yoy``: a brand holds no revenue), else deliveries for a figure
    whose metric was refined from another word, else the metric."""
    if metric.endswith(_CHANGES) and metric.rsplit("_", 1)[0] in ("revenue", "net_profit", "rd_spend"):
        return metric.rsplit("_", 1)[0]
    return "deliveries" if base != metric else metric


def _month_shift(month: str, k: int) -> str:
    """The month ``k`` months after ``month`` (``YYYY-MM``; before it for ``k`` < 0)."""
    y, m = divmod(int(month[:4]) * 12 + int(month[5:7]) - 1 + k, 12)
    return f"{y:04d}-{m + 1:02d}"


def _months_back(month: str, n: int) -> list[str]:
    """The ``n`` months ending with ``month`` (``YYYY-MM``), oldest first."""
    y, m = int(month[:4]), int(month[5:7])
    out = []
    for _ in range(max(1, min(n, 24))):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def _quarters_back(quarter: str, n: int) -> list[str]:
    """The ``n`` quarters ending with ``quarter`` (``YYYY-Qk``), oldest first; ``[quarter]``
    for a period that is no quarter."""
    if len(quarter) != 7 or quarter[4:6] != "-Q":
        return [quarter]
    k = int(quarter[:4]) * 4 + int(quarter[6]) - 1
    return [f"{(k - i) // 4}-Q{(k - i) % 4 + 1}" for i in range(min(n, 12) - 1, -1, -1)]


# the columns of a listed company's summary table in its report (本报告期, 上年同期,
# 本报告期比上年同期增减(%), 年初至报告期末 …), longest first; a stock exchange filing's words
# (characters may be split by a line end or a space, as tables are flattened)
_FILING_COLUMNS = [
    ("本报告期末比上年度末增减", None),
    ("本报告期比上年同期增减", "cur_chg"),
    ("年初至报告期末比上年同期增减", "ytd_chg"),
    ("年初至报告期末", "ytd"),
    ("本报告期末", None),
    ("上年度末", None),
    ("本报告期", "cur"),
    ("上年同期", "prior"),
]
_FILING_COLUMN = re.compile(
    "|".join("(?:" + r"\s*".join(map(re.escape, w)) + ")" for w, _ in _FILING_COLUMNS)
)
_FILING_COLUMN_KIND = dict(_FILING_COLUMNS)
# what a filing names its report by (2025年第三季度报告, 2025年半年度报告摘要, 2024年年度报告)
_FILING_REPORT = re.compile(
    r"((?:19|20)\d\d) ?年 ?(?:第?([一二三四1-4])季度|(半年度|中期|半年)|(年度|年))(?:报告|報告)"
)
# the unit a filing's table gives its sums in (单位:元, 单位：千元, a row's (元))
_FILING_UNIT = re.compile(r"单位[:：] ?(千|万|百万|亿)?元|[（(](千|万|百万|亿)?元[)）]")
# what may stand between a filing table's row label and its cells, and between cells
_FILING_GAP = re.compile(r"[\s|()（）元%:：−-]*")


def _filing_periods(t: str) -> dict[str, tuple[str, str]] | None:
    """The periods of a filing's columns (``cur``, ``ytd``, ``prior``: its period string
    and kind), from the report it names first (2025年第三季度报告: the third quarter, the
    nine months and the third quarter a year before), else None."""
    m = _FILING_REPORT.search(t)
    if m is None:
        return None
    y = int(m.group(1))
    if m.group(2):
        n = int(m.group(2)) if m.group(2).isdigit() else "一二三四".index(m.group(2)) + 1
        ytd = {1: (f"{y}-Q1", "quarter"), 2: (f"{y}-H1", "half"), 3: (f"{y}-01..{y}-09", "range")}
        return {
            "cur": (f"{y}-Q{n}", "quarter"),
            "ytd": ytd.get(n, (str(y), "year")),
            "prior": (f"{y - 1}-Q{n}", "quarter"),
        }
    if m.group(3):
        return {"cur": (f"{y}-H1", "half"), "ytd": (f"{y}-H1", "half"), "prior": (f"{y - 1}-H1", "half")}
    return {"cur": (str(y), "year"), "ytd": (str(y), "year"), "prior": (str(y - 1), "year")}


class Skipped(NamedTuple):
    """A figure the extractor read but did not emit, and why (see :attr:`Extractor.skipped`)."""

    span_start: int
    span_end: int
    surface: str
    metric: str
    reason: str


@dataclass(slots=True)
class _Figure:
    """A quantity on its way to facts (see :meth:`Extractor.facts`): where it stands, and
    what has been settled of it so far."""

    q: Quantity
    si: int  # its sentence
    sent: _Sentence  # the sentence around it
    clause: tuple[int, int]
    ctext: str  # its clause, lower-cased
    tab: dict | None  # its cell of a table, if it stands in one
    mm: _Mention  # its metric word
    metric: str
    sign: Decimal
    rule: list[str]  # the rules that read it, for the facts' ``method``
    base_metric: str = ""  # what a change is of: "deliveries" for "deliveries_yoy"
    pe: dict = field(default_factory=dict)  # what a list ("respectively") or a table pairs with it


def _gaps(t: str, a: int, b: int, items: Sequence) -> str:
    """The text of ``t[a:b]`` outside the spans of ``items`` (sorted, within it)."""
    parts, at = [], a
    for x in items:
        parts.append(t[at : x.start])
        at = x.end
    parts.append(t[at:b])
    return "".join(parts)


# a markdown table's rule line ("|---|", "| :-- |")
_MARKDOWN_RULE = re.compile(r"\| ?:?-{3,}")
# one cell and empty cells after it, with or without a bar before it
_ONE_CELL = re.compile(r"(?:\| *)?([^|\s](?:[^|]*[^|\s])?) *\|(?: *\|)+ *")


def _cell_lines(t: str) -> list[tuple[int, int]]:
    """The spans of the non-blank lines of ``t``, as a table's reader walks them: a line
    that is one cell set off by a bar ("|FY 2025", "|406,343") or ended by one ("2026Q1 |",
    "62,682 |") is that cell, and so, in a text with no markdown rule line, is one cell
    followed by empty ones ("2026 Q1 | | |", "| 95,142 | | |": a table whose rows were broken
    into one cell a line); a bar alone (an empty cell between cells) and a blank line
    (between cells: "2025Q3", "", "2025Q2") are none."""
    lines, pos = [], 0
    plain = _MARKDOWN_RULE.search(t) is None
    for line in t.split("\n"):
        if plain and "|" in line and (one := _ONE_CELL.fullmatch(line)) is not None:
            lines.append((pos + one.start(1), pos + one.end(1)))
        elif line.startswith("|") and "|" not in line[1:]:
            if line[1:].strip():
                lines.append((pos + 1, pos + len(line)))
        elif line.rstrip().endswith("|") and line.count("|") == 1:
            cell = line[: line.rindex("|")].rstrip()
            if cell.strip():
                lines.append((pos, pos + len(cell)))
        elif line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return lines


def _fiscal_year(t: str, a: int, b: int) -> PeriodMention | None:
    """The year a table cell ``FY2024`` (or ``FY 2024``) at ``[a, b)`` holds, else None."""
    m = _FISCAL_YEAR.fullmatch(t, a, b)
    return PeriodMention(a, b, m.group(1), "year") if m else None


def _row_cells(t: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the markdown row at ``[a, b)`` of ``t``, spaces around them trimmed."""
    found, start = [], a + 1
    while True:
        bar = t.find("|", start, b)
        if bar < 0:
            break
        x, y = start, bar
        while x < y and t[x] == " ":
            x += 1
        while y > x and t[y - 1] == " ":
            y -= 1
        found.append((x, y))
        start = bar + 1
    return found


class _Reading(NamedTuple):
    """A figure's bound, unit, whether it is cumulative, and the periods it is for."""

    bound: str
    unit: str | None
    cumulative: bool
    periods: list[str]


@dataclass
class _Emitted:
    """The facts of an article so far, what they hold (to emit a figure the article repeats
    once, at its first mention), and the sentence excerpts already cut."""

    facts: list[Fact] = field(default_factory=list)
    seen: set[tuple] = field(default_factory=set)  # (entity, metric, period, value, bound, unit)
    sentences: dict[int, str] = field(default_factory=dict)


def _year_like(q: Quantity, t: str) -> bool:
    """Whether ``q`` is written as a year: four digits from 1990 to 2099 alone."""
    return q.high is None and bool(_YEAR_DIGITS.match(t, q.start)) and 1990 <= q.value <= 2099


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d(?![\d.,])")


class Extractor:
    """Reads facts out of one text. Build once per text; :meth:`facts` returns them.

    A figure no stored fact could hold (not finite, beyond its metric's ceiling, a
    fractional vehicle count, a period before 1990; the rules of :mod:`evlens.validate`)
    is not emitted: :meth:`facts` leaves it out and records it in :attr:`skipped`."""

    def __init__(
        self,
        text: str,
        published: date | None = None,
        lexicon: Lexicon | None = None,
        *,
        anchor: date | None = None,
    ) -> None:
        for name, day in (("published", published), ("anchor", anchor)):
            if day is not None and day < FIRST_DAY:
                raise ValueError(f"{name} date {day.isoformat()} is before {FIRST_DAY.isoformat()}")
        self.text = text
        #: the publication date as given (copied onto each fact)
        self.stated_published = published
        self.lex = lexicon or load_lexicon()
        self.norm: Normalized = normalize(text)
        t = self.t = self.norm.text
        #: the date relative times count from: the publication date, else ``anchor``, else a
        #: stand-in read from the text (:func:`.dates.infer_date`)
        self.published = published or anchor or infer_date(text, t)
        self.lower = t.lower()
        self.periods = find_periods(t, self.published, dated=published is not None or anchor is not None)
        qs = find_quantities(t)
        pstarts = [p.start for p in self.periods]

        def in_period(q: Quantity) -> bool:
            k = bisect_left(pstarts, q.end) - 1
            return k >= 0 and self.periods[k].end > q.start

        # (a number inside a time is no quantity: a bare one, or a year a unit word follows,
        # "Q3 2025 vehicle sales")
        self.quantities = [q for q in qs if not in_period(q) or (q.kind is not None and not _year_like(q, t))]
        self.metrics = _abroad_as_exports(
            _not_adjectives(_mentions(self.lex.metric_re, self.lower, self.lex.metric_words), self.lower),
            self.lower,
        )
        self.entities = _mentions(self.lex.entity_re, self.lower, self.lex.entity_names, plural=True)
        if self.lex.ambiguous_names:
            self.entities = _with_ambiguous(self.entities, self.lower, self.lex)
        self.entities = _outside_appositions(self.entities, self.lower)
        if self.entities:
            self.quantities = _outside_names(self.quantities, self.entities)
        self.quantities = _bare_yi_as_yuan(self.quantities, self.metrics, self.lex, t)
        #: makers named whom the gazetteer does not know: a figure after one gets no entity
        self.unknown = _unknown_makers(t, self.entities, self.lex)
        ventures = [
            _Mention(m.start(), m.end(), "?", m.group())
            for m in self.lex.joint_venture_re.finditer(self.lower)
            if word_ok(self.lower, m.start(), m.end())
            and not any(e.start <= m.start() and e.end > m.end() for e in self.entities)  # 上汽通用五菱
        ]
        if ventures:
            self.entities = _outside_ventures(self.entities, ventures)
            self.unknown = sorted(self.unknown + ventures)
        self._init_caches()
        self.unknown = sorted(self.unknown + self._market_subjects())
        self.sentences = _sentences(t)
        self._sent_starts = self.sentences.starts
        #: figures read but left out of :meth:`facts`, each with the rule it breaks
        self.skipped: list[Skipped] = []
        self._today = date.today()
        self._published_problem = date_problem(published, self._today) if published else None

    def _init_caches(self) -> None:
        """The lookups the reading fills as it goes."""
        self._starts: dict[int, tuple[list, array]] = {}
        self._ents_for: dict[str, list[_Mention]] = {}
        self._ents_by_fit: dict[frozenset[str], list[_Mention]] = {}
        self._model_cache: dict[tuple[str, str, str], str] = {}
        self._metric_kinds: dict[str, list[_Mention]] = {}
        self._word_cache: dict[str, tuple[array, array]] = {}
        self._span_cache: dict[re.Pattern, tuple[array, array]] = {}
        self._owners: dict[int, bool] = {}  # name start -> whether it is an owner's or a rival's
        self._growth_of: dict[int, str] = {}  # sentence -> the growth metric of its last change

    # ------------------------------------------------------------------ helpers
    def _sentence_of(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (sentences are sorted and apart), else -1."""
        k = bisect_right(self._sent_starts, pos) - 1
        return k if k >= 0 and pos < self.sentences.ends[k] else -1

    def _in(self, items, a: int, b: int):
        """The items (sorted by start) lying within ``[a, b)``."""
        starts = self._starts_of(items)
        i = bisect_left(starts, a)
        j = bisect_left(starts, b, lo=i)
        return [x for x in items[i:j] if x.end <= b]

    def _bounds(self, items, a: int, b: int) -> tuple[int, int]:
        """``items[i:j]``: the items (sorted by start) starting within ``[a, b)``."""
        starts = self._starts_of(items)
        i = bisect_left(starts, a)
        return i, bisect_left(starts, b, lo=i)

    def _first_in(self, items, a: int, b: int):
        """The first of :meth:`_in` ``(items, a, b)``, or None."""
        starts = self._starts_of(items)
        i = bisect_left(starts, a)
        for k in range(i, bisect_left(starts, b, lo=i)):
            x = items[k]
            if x.end <= b:
                return x
        return None

    def _last_in(self, items, a: int, b: int):
        """The last of :meth:`_in` ``(items, a, b)``, or None."""
        starts = self._starts_of(items)
        i = bisect_left(starts, a)
        for k in range(bisect_left(starts, b, lo=i) - 1, i - 1, -1):
            x = items[k]
            if x.end <= b:
                return x
        return None

    def _word_right_after(self, q: Quantity, before: _Mention, of_kind, clause) -> _Mention | None:
        """The metric word right after ``q`` when the word ``before`` it, not right before it,
        is right after the figure before (``194.5亿元营收与1.5亿元净利润``: 营收 is 194.5亿元's;
        also with 的 between: ``259.3亿元的营收和6.5亿元的净利润``)."""
        prev = self._last_in(self.quantities, clause[0], before.start)
        if (
            prev is None
            or self.t[prev.end : before.start].strip() not in ("", "的")
            or not self.t[before.end : q.start].strip()
        ):
            return None  # (a word right before ``q`` is its own: 7.21万辆 同比增长25.6%)
        after = self._first_in(of_kind, q.end, clause[1])
        return after if after is not None and self.t[q.end : after.start].strip() in ("", "的") else None

    def _metric_for(self, q: Quantity, clause, sent) -> _Mention | None:
        """The metric word ``q`` measures: the nearest in its clause whose kind fits ``q``'s
        unit (words after the number count three times as far), else the last before it in
        the sentence (a growth word only in the clause), else, in a bulleted list, the last
        its opening line names."""
        want = _metric_kind_for(q)
        if want is None:
            return None
        of_kind = self._metrics_of_kind(want)
        best = self._nearest_metric(q, of_kind, clause)
        if best is not None and best.end <= q.start:
            best = self._word_right_after(q, best, of_kind, clause) or best
        if best is not None:
            return (
                self._named_before_with(q, best, of_kind, clause, sent)
                or self._rate_level_or_share(q, best, of_kind, clause)
                or best
            )
        return self._metric_before(q, want, of_kind, sent)

    def _nearest_metric(self, q: Quantity, of_kind, clause) -> _Mention | None:
        """The metric word of ``of_kind`` nearest ``q`` in its clause (words after it count
        three times as far; a change word right after a percent, its own)."""
        best, best_d = None, 0.0
        for m in self._in(of_kind, *clause):
            if m.end <= q.start:
                if self._aside(m.start, q.start):
                    continue  # "出货量(包括本地零售销售和出口)总计达到了93,680辆": a word in brackets
                d = q.start - m.end
            elif m.start >= q.end:
                # a change word right after a percent is its own ("up 19% YoY and 7% MoM")
                d = (
                    0.5
                    if m.key == "growth" and self.lower[q.end : m.start].strip() == ""
                    else 3 * (m.start - q.end) + 2
                )
            elif m.start > q.start:  # the unit is the metric word: "300,000 orders", "份订单";
                d = 25  # a metric word close before it still says more ("a backlog of 100,000 orders")
            elif m.key == "growth" and (m.start, m.end) == (q.start, q.end):
                d = 0  # a change said by a word alone: 翻倍, "doubled"
            else:  # overlaps the number itself
                continue
            if best is None or d < best_d:
                best, best_d = m, d
        return best

    def _metric_before(self, q: Quantity, want: str, of_kind, sent) -> _Mention | None:
        """With no metric word in ``q``'s clause: the last before it in the sentence (not a
        growth word), else the last its list's opening line names, else a count carried."""
        i, j = self._bounds(of_kind, sent.start, q.start)
        for k in range(j - 1, i - 1, -1):
            m = of_kind[k]
            if (
                m.key == "delivery_target"
                and _GOAL_MET_BEFORE.search(self.lower, max(0, m.start - 12), m.start)
                and _CLAUSE_MARK.search(self.lower, m.end, q.start)
            ):
                continue  # (a goal met in a clause before: 实现了全年销量目标,而且在12月首度突破5万辆大关: sales)
            if m.end <= q.start and m.key != "growth" and not self._aside(m.start, q.start):
                if m.key == "delivery_target" and _GOAL_DONE_RIGHT_BEFORE.search(
                    self.lower, max(0, q.start - 4), q.start
                ):
                    # (销量目标300万辆,完成291.3万辆: what was done against the goal, its count)
                    return m._replace(key="deliveries" if "交付" in m.word else "sales")
                return m
        intro = self._list_intro(self._sentence_of(q.start))
        if intro is not None:  # "… wholesale vehicle shipments last month:" then "• Model 3/Model Y: 74,073"
            named = [m for m in self._in(of_kind, intro.start, intro.end) if m.key != "growth"]
            if named:
                return named[-1]
            # ("XPeng delivered 36,728 vehicles …" "Key highlights:" "• Mona M03: 14,886 units")
            if q.unit == "vehicle":
                return self._carried_count(intro, back=3)
        if q.kind is None and (grown := self._grown_to(q, sent)) is not None:
            return grown
        if q.unit == "vehicle" or (q.kind is None and self._model_right_after(q)):
            # ("That includes 6,210 P7s and 2,368 G3s": bare counts of models)
            return self._carried_count(sent) or self._round_up_count(q, sent) or self._parallel_count(sent)
        if q.kind == "percent":
            # an item of a list of changes takes the first item's word (同比分别增长40.8%、149.3%、101.77%)
            prev = self._last_in(self.quantities, sent.start, q.start)
            if (
                prev is not None
                and prev.kind == "percent"
                and self.t[prev.end : q.start].strip() in _ZH_LIST_JOINS
            ):
                return self._metric_for(prev, sent.clause_of(prev.start), sent)
        return self._carried_conjunct(want, sent)

    def _named_before_with(
        self, q: Quantity, best: _Mention, of_kind: list[_Mention], clause, sent
    ) -> _Mention | None:
        """For a figure opening a clause with "with" whose nearest word comes after it, the
        metric named before the clause ("Geely ranked third in exports, with 32,117 vehicles
        shipped": what was shipped); else None."""
        if best.start < q.end or not _WITH_FIGURE.fullmatch(self.lower, clause[0], q.start):
            return None
        named = [m for m in self._in(of_kind, sent.start, clause[0]) if m.key != "growth"]
        return named[-1] if named and not self._aside(named[-1].start, q.start) else None

    def _rate_level_or_share(
        self, q: Quantity, best: _Mention, of_kind: list[_Mention], clause
    ) -> _Mention | None:
        """For a percent whose nearest word is a change: a rate named before that change in its
        clause and risen to a level (零售渗透率攀升至57.2%, 份额提升至30%), whose level it is; for
        one whose word is a share of a total, a market's share when the market follows it
        ("accounting for 17.1 percent of the car market")."""
        if best.key == "unheld_share" and _OF_MARKET_AFTER.match(self.lower, q.end):
            return _Mention(best.start, best.end, "market_share", best.word)
        if best.key not in ("growth", "share_return") or best.end > q.start:
            return None
        before = self._in(of_kind, clause[0], best.start)
        level = before[-1] if before else None
        if level is None or level.key not in _LEVEL_RATES:
            return None
        return level if _RISEN_TO.search(self.lower, max(0, q.start - 16), q.start) else None

    def _round_up_count(self, q: Quantity, sent) -> _Mention | None:
        """For a vehicle count right after a maker's name naming no metric (``小鹏(36728辆)、
        蔚来汽车(36275辆)``, ``零跑汽车则以70327辆的成绩``): the count metric the article names
        most often (deliveries, sales …), at its first mention; None when it names none."""
        if not self._after_name(q, sent):
            return None
        return self._round_up_lead(q) or self._top_count()

    def _top_count(self) -> _Mention | None:
        """The count metric the article names most often (deliveries, sales …), at its first
        mention; None when it names none. Found once per text."""
        found = self.__dict__.get("_top_counts")
        if found is None:
            counts = [m for m in self._metrics_of_kind("count") if m.key in _ROUND_UP_METRICS]
            tally = Counter(m.key for m in counts)
            top = max(tally, key=tally.__getitem__) if tally else None
            found = self._top_counts = [next(m for m in counts if m.key == top)] if top else []
        return found[0] if found else None

    def _after_name(self, q: Quantity, sent) -> bool:
        """Whether ``q`` stands right after a maker's name in its sentence (``小鹏(36728辆)``)."""
        e = self._last_in(self.entities, max(sent.start, q.start - 12), q.start)
        return e is not None and _ROUND_UP_GAP.fullmatch(self.lower, e.end, q.start) is not None

    def _after_name_and_verb(self, q: Quantity, sent) -> bool:
        """Whether ``q`` stands right after a maker's name and a count's verb in its sentence
        ("Li Auto moved 40,856 SUVs", "NIO delivered 23,231 units")."""
        m = self._last_in(self._metrics_of_kind("count"), max(sent.start, q.start - 16), q.start)
        if m is None or self.lower[m.end : q.start].strip():
            return False
        e = self._last_in(self.entities, max(sent.start, m.start - 12), m.start)
        return e is not None and not self.lower[e.end : m.start].strip()

    def _round_up_lead(self, q: Quantity) -> _Mention | None:
        """The count metric named before the first count after a maker's name in the article
        that has one in its sentence (``8月交付榜前三名是零跑(57066辆)``), for a later such count
        that names none: the round-up goes on in its terms. None when there is none before ``q``.
        Found once per text."""
        if "_lead" not in self.__dict__:
            self._lead: tuple[int, _Mention] | None = None
            counts = [m for m in self._metrics_of_kind("count") if m.key in _ROUND_UP_METRICS]
            for prev in self.quantities:
                si = self._sentence_of(prev.start)
                if prev.unit != "vehicle" or si < 0 or not self._after_name(prev, self.sentences[si]):
                    continue
                named = self._in(counts, self.sentences[si].start, prev.start)
                if named:
                    self._lead = (prev.start, named[-1])
                    break
        return self._lead[1] if self._lead is not None and self._lead[0] < q.start else None

    def _grown_to(self, q: Quantity, sent) -> _Mention | None:
        """For a bare number a change in its clause grew "to" ("Xpeng's growth was 17pc to
        slightly over 140,000"): the metric that change is of, as read (its sentence's last
        change), placed at the change; else None."""
        if not _GROWN_TO_BEFORE.search(self.lower, max(sent.start, q.start - 30), q.start):
            return None
        si = self._sentence_of(sent.start)
        grown = self._growth_of.get(si)
        change = self._last_in(self.quantities, sent.clause_of(q.start)[0], q.start)
        if grown is None or change is None or change.kind != "percent" or not grown.endswith(_CHANGES):
            return None
        return _Mention(change.start, change.end, grown.rsplit("_", 1)[0], "")

    def _model_right_after(self, q: Quantity) -> bool:
        """Whether a model's name follows ``q`` right after it ("6,210 P7s", "905 of its G3"),
        or a maker's name and its cars ("11,794 ONVO family models")."""
        m = _OF_ITS.match(self.lower, q.end)
        e = self._first_in(self.entities, q.end, (m.end() if m else q.end) + 2)
        if e is not None and self.lex.entities[e.key].kind == "model":
            return True
        return self._brand_right_after(q) is not None

    def _brand_right_after(self, q: Quantity) -> _Mention | None:
        """A maker's name right after ``q`` and its cars after the name ("11,794 ONVO family
        models", "6,088 FIREFLY high-end compact EVs"), else None."""
        at = q.end + 1 if self.lower.startswith(" ", q.end) else q.end
        e = self._first_in(self.entities, at, at + 40)
        if e is None or e.start != at or self.lex.entities[e.key].kind != "company":
            return None
        return e if _CARS_AFTER_NAME.match(self.lower, e.end) is not None else None

    def _carried_conjunct(self, kind: str, sent) -> _Mention | None:
        """For a figure of a sentence naming no metric that follows a semicolon ("蔚来的美股
        市值为88.94亿美元；理想为275.92亿美元"): the last metric of ``kind`` before it."""
        si = self._sentence_of(sent.start)
        of_kind = self._metrics_of_kind(kind)
        for back in range(si - 1, max(-1, si - 6), -1):  # through the conjuncts before it
            prev = self.sentences[back]
            if prev.para != sent.para or self.t[prev.end : prev.end + 1] not in ("；", ";"):
                return None
            i, j = self._bounds(of_kind, prev.start, prev.end)
            if j > i:
                return of_kind[j - 1] if of_kind[j - 1].key != "growth" else None
        return None

    def _carried_count(self, sent, back: int = 1) -> _Mention | None:
        """For a vehicle count whose sentence names no metric ("零跑以 66,657 辆位居榜首"
        after "公布了 9 月交付数据"): the last count metric of the sentence before it in its
        paragraph, or in the list item before (``a. 季度表現: …總銷量 17.3 萬輛`` over ``b. 月度
        表現: 7 月 51,219 輛``) (not a target or a capacity), or of the one before that where the
        sentence between holds a vehicle count naming none either (up to ``_CARRY_BACK``:
        "… over 80,000 units sold. Leapmotor surpassed the 70,000-unit mark. … Xiaomi
        continued to exceed the 40,000-unit threshold"). With ``back`` > 1 (for the intro
        of a list whose items name no metric), of the last of the ``back`` sentences before
        it that names one, paragraphs apart too."""
        si = self._sentence_of(sent.start)
        counts = self._metrics_of_kind("count")
        company = self._opens_with_maker(sent)
        # (a breakdown of the sentence before's figure carries its target too: "Geely's 2025
        # target is 2.71 million units. The breakdown is as follows: Geely Galaxy 1 million …")
        passed = ("capacity", "growth") if _BROKEN_DOWN.match(self.lower, sent.start) else _NOT_CARRIED
        reach = _CARRY_BACK if back == 1 else max(back, 3)
        for prev in self.sentences[max(0, si - reach) : si][::-1]:
            if back == 1 and prev.para != sent.para and not self._list_items(prev.para, sent.para):
                return None
            i, j = self._bounds(counts, prev.start, prev.end)
            for k in range(j - 1, i - 1, -1):
                if counts[k].key not in passed and not (company and self._a_models(counts[k], prev)):
                    return counts[k]
            if back == 1 and not any(
                x.unit == "vehicle" for x in self._in(self.quantities, prev.start, prev.end)
            ):
                return None
        return None

    def _a_models(self, m: _Mention, sent) -> bool:
        """Whether the name nearest before the metric word ``m`` in its sentence is a
        model's ("B10车型预售订单突破3.1万辆": the model's orders, which a maker's count after
        it, "理想汽车以36,674辆位列第二", does not carry)."""
        e = self._last_in(self.entities, sent.start, m.start)
        return e is not None and self.lex.entities[e.key].kind == "model"

    def _parallel_count(self, sent) -> _Mention | None:
        """For a vehicle count naming no metric in a sentence opening its paragraph, the
        paragraph before and it each opening with a maker's name ("Guangzhou, China-based
        XPeng delivered 7,079 EVs in April, …" then "Nio recorded a 31.2% annual jump to
        6,658 vehicles in April"; a round-up, a maker a paragraph): the last count metric the
        paragraph before names (not a target, a capacity or a change), else None."""
        si = self._sentence_of(sent.start)
        if si < 1 or self.sentences[si - 1].para != sent.para - 1 or not self._opens_with_maker(sent):
            return None
        first = si - 1  # (the opening sentence of the paragraph before, walked back to)
        while first > 0 and self.sentences[first - 1].para == sent.para - 1:
            first -= 1
        if not self._opens_with_maker(self.sentences[first]):
            return None
        para = self.sentences[max(first, si - 4) : si]
        counts = [
            m
            for x in para
            for m in self._in(self._metrics_of_kind("count"), x.start, x.end)
            if m.key not in ("delivery_target", "capacity", "growth")
        ]
        return counts[-1] if counts else None

    def _opens_with_maker(self, sent) -> bool:
        """Whether a company is the first name in ``sent``, within its first 40 characters."""
        e = self._first_in(self.entities, sent.start, min(sent.end, sent.start + 40))
        return e is not None and self.lex.entities[e.key].kind == "company"

    def _list_items(self, a: int, b: int) -> bool:
        """Whether paragraphs ``a`` and ``b`` are items of one list, one after the other,
        each opening with a list mark (``a.``, ``2.``, ``-``, ``•``, ``(1)``)."""
        t = self.t
        return b == a + 1 and all(_LIST_MARK.match(t, self._para_start(p)) for p in (a, b))

    def _metrics_of_kind(self, kind: str) -> list[_Mention]:
        """The metric mentions whose metric measures ``kind`` (count, currency, ...)."""
        found = self._metric_kinds.get(kind)
        if found is None:
            kinds, money = self.lex.metric_kind, self.lex.money_words
            found = self._metric_kinds[kind] = [
                m._replace(key=money[m.word]) if kind == "currency" and m.word in money else m
                for m in self.metrics
                if kinds[m.key] == kind or (kind == "currency" and m.word in money)
            ]
        return found

    def _entity_ok(self, slug: str, metric: str) -> bool:
        e = self.lex.entities.get(slug)
        if e is None:
            return False
        if metric in ("market_cap", "share_price", "share_return"):
            return e.listed or e.kind == "company"
        if metric in ("index_return", "index_level"):
            return e.kind == "index"
        if metric in ("nev_penetration",):
            return e.kind == "aggregate"
        if e.kind == "aggregate":
            # the market's own counts ("全国乘用车市场零售224.1万辆"), not a maker's money
            return metric.removesuffix("_yoy").removesuffix("_mom") in _MARKET_COUNTS
        if metric == "market_share":
            return e.kind != "index"
        if metric.removesuffix("_yoy").removesuffix("_mom") in (
            "revenue",
            "net_profit",
            "rd_spend",
            "investment",
        ):
            # a model has no revenue or profit of its own, nor an unlisted brand (Aito's
            # results are Seres's) unless it publishes results (Zeekr, Avatr)
            return e.kind == "company" and (e.listed or e.parent is None or e.reports_results)
        if slug in self.lex.not_makers:
            return False  # a vehicle count is no tech company's ("打开网易新闻")
        return e.kind in ("company", "model", "model_group")

    def _passed_over(self, e: _Mention, q: Quantity, sent) -> bool:
        """Whether the name ``e`` before ``q`` in its sentence is not its subject: one in
        brackets the number stands outside of ("总销量（包含领克…）为88,348部"), an owner's
        ("Xpeng, partly owned by Volkswagen, delivered …"), one in a relative clause or a
        line-up set aside, or an example of a list (凭借问界、智界、享界等多品牌的布局), unless the
        figure is each one's (均增长30%; a change of makers listed as of a kind: 小米、小鹏、零跑等
        品牌实现翻倍暴涨)."""
        return (
            self._aside(e.start, q.start)
            or (self._owner(e) and not self._own_figure_after(e, q))
            or self._in_relative_clause(e.start, q.start, sent)  # ", comprising … ZEEKR brands,"
            or self._in_line_up_aside(e, q)  # ", with its Galaxy and Zeekr series of EVs,"
            or (
                self._etc_item(e)
                and not self._listed("each", e.end, q.start)
                and not (q.kind == "percent" and _LISTED_KIND_AFTER.match(self.lower, e.end))
            )
        )

    def _entity_for(self, q: Quantity, metric: str, clause, sent, si: int) -> _Mention | None:
        ents = self._entities_fitting(metric)
        # the last before it in the sentence (in its clause if there is one there), else the
        # first after it in its clause; a maker the gazetteer does not know, named after
        # the last known name, takes the figure (no entity)
        cue = self._entity_after_cue(q, ents, clause)
        if cue is not None:
            return cue
        if q.unit == "vehicle" or q.kind is None:
            after = self._count_name_after(q, ents, clause)
            if after is not None:
                return after
        e = self._last_in(ents, sent.start, q.start)
        while e is not None and self._passed_over(e, q, sent):
            e = self._last_in(ents, sent.start, e.start)
        if e is not None and (found := self._whole_or_unit(e, q, clause, sent, ents)) is not None:
            return found
        if e is not None and _ITS_ZH.search(self.lower, e.end, q.start):
            # 零跑…如今虽然遭遇鸿蒙与小米的夹击，但其年销百万的目标: 其 is the sentence's subject
            e = self._first_in(ents, sent.start, e.start) or e
        u = self._last_in(self.unknown, sent.start, q.start) if self.unknown else None
        while u is not None and (
            self._aside(u.start, q.start)
            or (u.word == _MARKET and metric in ("market_share", "nev_penetration"))
        ):
            u = self._last_in(self.unknown, sent.start, u.start)  # an unknown name in brackets too
        if u is not None and (e is None or e.end <= u.start):
            return u
        if e is not None:
            return self._models_listed(e, ents, sent, metric)
        lead = _WITH_LEAD.match(self.lower, sent.start)
        if lead is not None and q.end <= lead.end():
            # "With annual sales of 271,000 units, Aion became the champion": the name after it
            e = self._first_in(ents, lead.end(), lead.end() + 4)
            if e is not None:
                return e
        e = self._first_in(ents, q.end, clause[1])
        if e is not None and not (self._owner(e) or self._a_rival_passed(e)):  # (not "exceeding Tesla's")
            return self._maker_of_models(e, ents, q, clause, metric)
        if _BRAND_ANAPHOR.search(self.lower, sent.start, q.start):
            brand = self._brand_before(ents, self.sentences[max(0, si - 3)].start, sent.start)
            if brand is not None:
                return brand  # "問界品牌已成為賽力斯業績的核心支柱。…該品牌年銷量…": the brand
        its = self._its_subject(ents, sent, si) or self._list_total(ents, sent, si)
        if its is not None:
            return its
        for back in range(si - 1, max(-1, si - 4), -1):
            found = self._entity_of_sentence(ents, self.sentences[back])
            if found is not None:
                return self._anaphor_subject(q, sent, metric, ents, found, self.sentences[back])
        return self._subject_for(q, sent, metric, ents)

    def _own_time_before(
        self, q: Quantity, sent, before: PeriodMention | None, in_sentence: bool
    ) -> PeriodMention | None:
        """``before``, the time found for ``q`` before it, else the one before that which
        serves ``q``: passing over a time compared with that serves its own clause only, and
        (for a time found ``in_sentence``) one opening another maker's further total."""
        while (
            before is not None
            and before.local
            and self.t[sent.start : before.start].strip()
            and not self._when_clause_of(before, q)
            # (a figure in brackets right after it is its own: "compared to April (6,658)")
            and not _BRACKET_OPEN.fullmatch(self.lower, before.end, q.start)
        ):
            # 去年同期为…: its clause only; opening the sentence (2024年同期,广汽录得…), all of it
            # (and so each such before it: "(较去年同期18.1亿元…),…(去年同期盈利28亿元),…")
            before = self._last_in(self.periods, sent.start, before.start)
        while in_sentence and before is not None and self._another_items_total(before, q):
            # 理想汽车交付44246辆,第四季度累计109194辆,…极氪交付30267辆: the quarter is Li Auto's
            # running total's, not the next maker's
            before = self._last_in(self.periods, sent.start, before.start)
        return before

    def _another_items_total(self, p: PeriodMention, q: Quantity) -> bool:
        """Whether the time ``p`` before ``q`` opens a clause of a further total of another
        maker's item in a list (``理想汽车交付44246辆,第四季度累计109194辆``): that maker's first
        figure stands between its name and ``p``, and another maker is named between ``p`` and
        ``q``."""
        if not (
            self.lower.endswith((",", "，"), max(0, p.start - 2), p.start)
            and _TOTAL_AFTER_TIME.match(self.lower, p.end)
        ):
            return False
        owner = self._last_in(self.entities, max(0, p.start - 80), p.start)
        if owner is None or self._first_in(self.quantities, owner.end, p.start) is None:
            return False
        return any(e.key != owner.key for e in self._in(self.entities, p.end, q.start))

    def _a_rival_passed(self, e: _Mention) -> bool:
        """Whether the name ``e`` is a rival passed (:meth:`_passed_before`), also named after
        "of" ("its first-ever surpassing of Tesla")."""
        return (
            self._passed_before(e)
            or _PASSING_OF.search(self.lower, max(0, e.start - 24), e.start) is not None
        )

    def _in_line_up_aside(self, e: _Mention, q: Quantity) -> bool:
        """Whether the name ``e`` lies in an aside describing a line-up (", with its Galaxy and
        Zeekr series of EVs and hybrids,") that closes before ``q``."""
        aside = _WITH_ITS_ASIDE.search(self.lower, max(0, e.start - 100), q.start)
        return aside is not None and aside.start() < e.start and aside.end() <= q.start

    def _list_total(self, ents: list[_Mention], sent, si: int) -> _Mention | None:
        """For the total row of a list of models' figures ("Total: 7,024" after "ES6 (5-seat
        SUV): 2,936" … "ET7: 1,707"), the company the items all belong to, nearest first
        (NIO's); else None."""
        intro = self._list_intro(si) if _TOTAL_ITEM.match(self.lower, sent.start) else None
        if intro is None:
            return None
        items = self._in(ents, intro.end, sent.start)
        if not items:
            return None
        kinds = self.lex.entities
        shared = [p for p in self._lineage(items[-1].key) if kinds[p].kind == "company"]
        for it in items[:-1]:
            mine = set(self._lineage(it.key))
            shared = [p for p in shared if p in mine]
        return items[-1]._replace(key=shared[0]) if shared and shared[0] != items[-1].key else None

    def _whole_or_unit(self, e: _Mention, q: Quantity, clause, sent, ents: list[_Mention]) -> _Mention | None:
        """:meth:`_whole_after_breakdown`, else :meth:`_unit_before_holder`."""
        return self._whole_after_breakdown(e, q, clause, sent, ents) or self._unit_before_holder(
            e, ents, sent
        )

    def _unit_before_holder(self, e: _Mention, ents: list[_Mention], sent) -> _Mention | None:
        """For a name followed by 旗下 with no name after it, a unit of it named before it in
        the sentence (``理想L6已经成为理想旗下销量最高的车型,销量达到了12965辆``: L6's); else None."""
        if not self.lower.startswith("旗下", e.end) or self._first_in(ents, e.end, sent.end) is not None:
            return None
        for u in reversed(self._in(ents, sent.start, e.start)):
            if u.key != e.key and e.key in self._lineage(u.key):
                return u
        return None

    def _whole_after_breakdown(
        self, e: _Mention, q: Quantity, clause, sent, ents: list[_Mention]
    ) -> _Mention | None:
        """The name a sentence opens with, for a figure in a clause of its own time after a
        breakdown of two or more names under 其中 (``极氪科技第二季度交付13.1万辆新车,其中极氪交付了
        4.93万台,领克交付了8.15万台,上半年累计交付24.5万辆``: the group's half year); else None."""
        k = self.lower.rfind("其中", sent.start, e.start)
        if k < 0 or e.end > clause[0] or not self._in(self.periods, clause[0], q.start):
            return None
        if len({x.key for x in self._in(ents, k, q.start)}) < 2:
            return None
        return self._last_in(ents, sent.start, k)

    def _etc_item(self, e: _Mention) -> bool:
        """Whether the name ``e`` is an item of a list closed by 等 ("and others"): 问界、智界、享界等."""
        k = bisect_left(self._starts_of(self.entities), e.end)
        end = e.end
        for nxt in self.entities[k : k + 8]:
            if not _NAME_LIST_JOIN.fullmatch(self.t, end, nxt.start):
                break
            end = nxt.end
        return self.t.startswith("等", end)

    def _brand_before(self, ents: list[_Mention], lo: int, hi: int) -> _Mention | None:
        """The last brand (a company of a group) named within ``[lo, hi)``, else None."""
        for e in reversed(self._in(ents, lo, hi)):
            ent = self.lex.entities[e.key]
            if ent.kind == "company" and ent.parent is not None:
                return e
        return None

    def _own_figure_after(self, e: _Mention, q: Quantity) -> bool:
        """Whether ``q`` follows the name ``e`` as its own ("exceeding Tesla's $25.2 billion",
        ``仅次于零跑的 45067 辆``, ``領先特斯拉於2日公布的163萬輛``), or in brackets right after it
        (``超过小鹏 (35045 辆)``)."""
        if (
            _OF_ZH.fullmatch(self.lower, e.end, q.start)
            or _BRACKET_OPEN.fullmatch(self.lower, e.end, q.start)
            or _REPORTED_OWN_ZH.fullmatch(self.lower, e.end, q.start)
        ):
            return True
        if q.kind == "currency" and _OWN_METRIC_ZH.fullmatch(self.lower, e.end, q.start):
            # 超过特斯拉上半年营收418亿美元, 超越特斯拉2024年全年976.90亿美元(约合…)的营收表现: its
            # own sum, its metric's word between or right after it
            of = _THEN_OF_ZH.match(self.lower, q.end)
            hi = of.end() + 3 if of is not None else q.start
            if any(
                m.key != "growth" for m in self._in(self.metrics, e.end, hi) if not q.start <= m.start < q.end
            ):
                return True
        owned = e.word.endswith(("'s", "’s")) or self.lower.startswith(("'s", "’s"), e.end)
        return owned and _POSSESSIVE_FIGURE.fullmatch(self.lower, e.end, q.start) is not None

    def _count_name_after(self, q: Quantity, ents: list[_Mention], clause) -> _Mention | None:
        """The name a count is of, right after it ("2104辆小鹏P7", "494,400 units of Geely
        Galaxy", ``93,766辆国产Model 3和Model Y``); for a bare number, only a model's ("8,750 G6s", "24,304 were Model 3s") or
        a name before a vehicle word ("39,414 Firefly vehicles")."""
        bare = q.kind is None
        source = _FROM_NAME.match(self.lower, q.end)
        made = _MADE_BEFORE_NAME.match(self.lower, q.end)  # ("93,766辆国产Model 3和Model Y")
        for lo in (
            q.end,
            (m := _UNITS_OF.match(self.lower, q.end)) and m.end(),
            source and source.end(),
            made and made.end(),
        ):
            if not lo:
                continue
            i, j = self._bounds(
                ents, lo, lo + (2 if lo == q.end else 24 if source and lo == source.end() else 1)
            )
            if i == j or ents[i].end > clause[1]:
                continue
            e = ents[i]
            if self._first_in(self.metrics, e.end, e.end + 4) is not None:
                continue  # "乐道品牌交付1.71万辆 萤火虫品牌交付7843辆": the subject of the next figure
            if not bare or self.lex.entities[e.key].kind == "model" or (source and lo == source.end()):
                return self._models_joined(e, ents, clause[1])
            if lo == q.end and _VEHICLE_WORD.match(self.lower, e.end):
                return e
        return None

    def _models_joined(self, e: _Mention, ents: list[_Mention], hi: int) -> _Mention:
        """``e``, or its maker where a list of that maker's models starts at ``e`` (before
        ``hi``): "466,140 輛 Model 3 和 Model Y", "1.1 million units of Model 3 and Model Y"
        are the maker's."""
        parent = self.lex.entities[e.key].parent
        if not parent or self.lex.entities[e.key].kind != "model":
            return e
        nxt = self._first_in(ents, e.end, hi)
        if (
            nxt is not None
            and nxt.key != e.key
            and self.lex.entities[nxt.key].parent == parent
            and _LIST_JOIN.match(self.t[e.end : nxt.start])
        ):
            return _Mention(e.start, e.end, parent, e.word)
        return e

    def _anaphor_subject(
        self, q: Quantity, sent, metric: str, ents, found: _Mention, back: _Sentence
    ) -> _Mention:
        """``found``, the name an earlier sentence ``back`` leaves, unless an anaphor before
        ``q`` ("the company", 该企) points past it: opening its sentence, to the company
        ``back`` opens with, whoever else is named there ("BYD has lost its crown, slipping
        behind SAIC. The Shenzhen-based giant sold …": BYD); else, in an article about one
        maker, to it (a rival named last is not "the company"; the subject's own unit is)."""
        m = self.lex.word_res["entity_anaphor"].search(self.lower, sent.start, q.start)
        if m is None or not word_ok(self.lower, m.start(), m.end()):
            return found
        opener = self._first_in(ents, back.start, back.end)
        if (
            opener is not None
            and opener.start < back.start + 4
            and found.key in self.lex.entities
            and self.lex.entities[opener.key].kind == self.lex.entities[found.key].kind == "company"
            and _ANAPHOR_LEAD.fullmatch(self.lower, sent.start, m.start())
        ):
            # (also where it is the one named there too, in a round-up of makers: "Li Auto
            # recorded 6,100 insurance registrations last week. The company delivered …")
            return opener
        if not self._dominant_subject():
            return found
        subject = self._subject_for(q, sent, metric, ents)
        if subject is None or subject.key == found.key:
            return found
        if subject.key in self._lineage(found.key) and (
            self.lex.entities[found.key].kind != "model" or _MODEL_ANAPHOR.search(self.lower, q.end, sent.end)
        ):
            return found  # a unit of the subject named last ("… orders for the model")
        return subject  # ("the company" after a model of it named last: the company)

    def _models_listed(self, e: _Mention, ents: list[_Mention], sent, metric: str) -> _Mention:
        """``e``, or its maker where ``e`` ends a list of models of that maker ("Model 3 and
        Model Y deliveries", ``ET7、ES7和ET5交付量``): they speak for it together."""
        lex = self.lex
        parent = lex.entities[e.key].parent
        if not parent or lex.entities[e.key].kind != "model" or not self._entity_ok(parent, metric):
            return e
        named = self._model_list(e, ents, sent.start, parent)
        return _Mention(e.start, e.end, parent, e.word) if len(named) > 1 else e

    def _model_list(self, e: _Mention, ents: list[_Mention], lo: int, parent: str | None) -> list[str]:
        """The models of ``parent`` (with ``parent`` None: the companies) in the list that
        ``e`` ends (joined by ``、``, ``和``, "and"; starting at or after ``lo``), first named
        first; ``[e.key]`` when another name breaks it or there is no list."""
        lex = self.lex
        at, named = e, [e.key]
        for _ in range(12):  # (a list of at most a dozen: the work per figure stays bounded)
            prev = self._last_in(ents, lo, at.start)
            if prev is None or not _LIST_JOIN.match(self.t[prev.end : at.start]):
                break
            kind = lex.entities[prev.key].kind
            if (
                (kind != "company")
                if parent is None
                else (kind != "model" or lex.entities[prev.key].parent != parent)
            ):
                return [e.key]
            named.append(prev.key)
            at = prev
        return named[::-1]

    def _entities_fitting(self, metric: str) -> list[_Mention]:
        """The entities named in the text that may have a figure of ``metric``."""
        ents = self._ents_for.get(metric)
        if ents is None:
            # per slug, shared by all texts read with this lexicon
            ok = self.lex.entity_fits.setdefault(metric, {})
            fitting = []
            for slug in self._entity_slugs():
                fits = ok.get(slug)
                if fits is None:
                    fits = ok[slug] = self._entity_ok(slug, metric)
                if fits:
                    fitting.append(slug)
            # metrics that fit the same entities share one list (and its starts)
            key = frozenset(fitting)
            ents = self._ents_by_fit.get(key)
            if ents is None:
                ents = self._ents_by_fit[key] = [e for e in self.entities if e.key in key]
            self._ents_for[metric] = ents
        return ents

    def _entity_slugs(self) -> list[str]:
        """The entities named in the text, each once, in the order first named."""
        slugs = self.__dict__.get("_slugs")
        if slugs is None:
            slugs = self._slugs = list(dict.fromkeys(e.key for e in self.entities))
        return slugs

    def _maker_of_models(
        self, e: _Mention, ents: list[_Mention], q: Quantity, clause, metric: str
    ) -> _Mention:
        """The entity ``e`` named first after ``q`` in its clause, or, where several models
        of one maker are named there ("40,000 a month across the SU7 and YU7"), the maker:
        they speak for it."""
        lex = self.lex
        parent = lex.entities[e.key].parent
        named = {m.key for m in self._in(ents, q.end, clause[1])}
        if (
            parent
            and len(named) > 1
            and all(lex.entities[k].parent == parent and lex.entities[k].kind == "model" for k in named)
            and self._entity_ok(parent, metric)
        ):
            return _Mention(e.start, e.end, parent, e.word)
        return e

    def _its_subject(self, ents: list[_Mention], sent, si: int) -> _Mention | None:
        """For a sentence opening with 其 ("its"): the name the sentence before opens with, its
        subject ("嵐圖的毛利率…遠超蔚來(13.7%)、小鵬(11.2%)。其銷量從…": 嵐圖), else None."""
        if si <= 0 or not _ITS_OPENING.match(self.lower, sent.start):
            return None
        first = self._first_in(ents, self.sentences[si - 1].start, self.sentences[si - 1].end)
        return first if first is not None and not self._owner(first) else None

    def _entity_of_sentence(self, ents: list[_Mention], s: _Sentence) -> _Mention | None:
        """The entity an earlier sentence ``s`` leaves for a figure after it: the last
        named there (an owner skipped; a maker for a brand of its, or for models given as
        examples, closed by 等; a maker the gazetteer does not know, named after it), else None."""
        prev = self._last_in(ents, s.start, s.end)
        while prev is not None and (self._owner(prev) or self._a_rival_passed(prev)):
            # (nor a rival passed: "its first-ever surpassing of Tesla (whose revenue …)")
            prev = self._last_in(ents, s.start, prev.start)
        parent = self.lex.entities[prev.key].parent if prev is not None else None
        if parent is not None and self._etc_item(prev):
            # ("以ONE、L9等高端车型": models given as examples, their maker)
            return _Mention(prev.start, prev.end, parent, prev.word)
        if parent is not None and len(self._model_list(prev, ents, s.start, parent)) > 1:
            return _Mention(prev.start, prev.end, parent, prev.word)  # "…的Model 3 和 Model Y": the maker
        if (
            parent is not None
            and self.lex.entities[prev.key].kind in ("model", "company")
            and self._breakdown(prev, s)
        ):
            # "…其中,T03 交付 3.9 万辆;…C11…年内交付近 4000 辆。2022 年交付 11.1 万辆": a
            # model or sub-brand named in a breakdown (其中, "among these", brackets) leaves
            # its maker ("Among these, the ONVO brand contributed 19,929 units. Full-year
            # deliveries reached 221,970")
            p = next((x for x in self._in(ents, 0, s.start) if x.key == parent), None)
            if p is not None:
                return p
        if parent is not None and self.lex.entities[prev.key].kind == "company":
            # "… including 7,084 under its Firefly line. Fourth-quarter deliveries hit
            # 124,807": after a sentence splitting the maker's figure by brand (a
            # sub-brand, not a model), the maker's own
            p = next(
                (x for x in self._in(ents, s.start, s.end) if x.key == parent and not self._owner(x)), None
            )
            if p is not None and not _POSSESSIVE.fullmatch(self.lower, p.end, prev.start):
                return _Mention(prev.start, prev.end, parent, p.word)
        u = self._last_in(self.unknown, s.start, s.end) if self.unknown else None
        if u is not None and (prev is None or prev.end <= u.start):
            return u
        return prev

    def _breakdown(self, e: _Mention, s: _Sentence) -> bool:
        """Whether ``e`` is named in a breakdown of sentence ``s``: in brackets, or after
        其中 / "of which" / "including" there."""
        if self._aside(e.start, s.end + 1):
            return True
        return _BREAKDOWN.search(self.lower, s.start, e.start) is not None

    def _listed_in_address(self, url: str) -> str | None:
        """The company whose Hong Kong listing code an article's address names
        (``/HKSE/02015/``, ``2015.HK``), else None."""
        code = _HK_CODE_IN_URL.search(url or "")
        if code is None:
            return None
        ticker = f"{int(code.group(1) or code.group(2)):04d}.hk"  # (/HKSE/00175/: 0175.HK)
        key = self.lex.entity_names.get(ticker)
        return key if key is not None and self.lex.entities[key].kind == "company" else None

    def _subject_for(self, q: Quantity, sent, metric: str, ents: list[_Mention]) -> _Mention | None:
        """The article's subject for a figure no name near it claims, where an anaphor
        points to it or the figure comes before any name; else None."""
        subject = self._subject()
        if subject is None or not self._entity_ok(subject.key, metric):
            return None
        m = self.lex.word_res["entity_anaphor"].search(self.lower, sent.start, sent.end)
        anaphor = m is not None and word_ok(self.lower, m.start(), m.end())
        if anaphor and subject.start < q.start:
            # "集团于中国市场的总销量为82,123部" long after "吉利汽车发布公告": the article's
            # subject, the company it names most, its units' names counting for it (the
            # first of those named as often)
            return subject
        if (
            (anaphor or self._subject_n >= 2)
            and self._first_in(ents, 0, q.start) is None
            and self._list_intro(self._sentence_of(sent.start)) is None
        ):
            # a lede before any name ("New-energy vehicle sales for April were 380,089
            # units", under a headline on BYD) is about the article's subject; not an item
            # of a list of names ("Key companies affected included:" "- Huawei-linked HarmonyOS
            # (-35.3% MoM)" "- Xiaomi Auto")
            return subject
        if subject.start < q.start and self._only_subject_before(q.start):
            # "理想汽車公布…" then paragraphs naming no one ("第四季純利651.9萬元"): an
            # article that has named no other entity is still about its subject
            return subject
        if subject.start < q.start and self._dominant_subject() and self._no_other_near(q, sent, subject):
            # an article about one maker, whose partner was named paragraphs before ("Signed a
            # strategic cooperation agreement with China FAW" … "Total deliveries in the first
            # half of 2025 were 221,664 units")
            return subject
        return None

    def _no_other_near(self, q: Quantity, sent, subject: _Mention) -> bool:
        """Whether no entity but ``subject`` and its units (and owners or rivals, named as
        such: "背靠长安汽车", "the Tesla competitor") is named in the paragraph of ``q`` or
        the two before it, up to ``q``."""
        lo = self._para_start(max(0, sent.para - 2))
        return all(
            self._owner(e) or subject.key in self._lineage(e.key)
            for e in self._in(self.entities, lo, q.start)
        )

    def _only_subject_before(self, pos: int) -> bool:
        """Whether every entity named before ``pos`` is the article's subject or one of its
        units (and none a rival's): ``pos`` is not past the first other name (found once)."""
        first = self.__dict__.get("_first_other")
        if first is None:
            subject = self._subject()
            others = (
                e.start
                for e in self.entities
                if subject is None or self._owner(e) or subject.key not in self._lineage(e.key)
            )  # (an owner: "the Tesla competitor")
            first = self._first_other = min(others, default=len(self.t))
        return pos <= first

    def _lineage(self, slug: str) -> Iterator[str]:
        """``slug`` and its parents in the gazetteer, nearest first (cycle-safe)."""
        lex, seen = self.lex.entities, set()
        cur: str | None = slug
        while cur is not None and cur not in seen:
            seen.add(cur)
            yield cur
            cur = lex[cur].parent if cur in lex else None

    def _dominant_subject(self) -> bool:
        """Whether the article's subject is named at least twice as often as any other
        company (its own units apart): an article about it, not a round-up."""
        return self._subject() is not None and self._subject_dominant

    def _title_mentions(self, title: str) -> list[_Mention]:
        """The names in the headline ``title``: known names, and ambiguous ones (``理想``)
        of an entity the text names (``冲击"理想"`` over an article naming 理想i8)."""
        lower = normalize(title[:300]).text.lower()
        found = _mentions(self.lex.entity_re, lower, self.lex.entity_names)
        if self.lex.ambiguous_names:
            named = {e.key for e in self.entities}
            found += [
                m
                for m in _mentions(self.lex.ambiguous_re, lower, self.lex.ambiguous_names, plural=True)
                if m.key in named and not any(e.start < m.end and m.start < e.end for e in found)
            ]
        return found

    def _subject(self) -> _Mention | None:
        if "_subject_m" not in self.__dict__:
            counts: dict[str, int] = {}
            first: dict[str, _Mention] = {}
            for e in self.entities:
                # (an owner's or a rival's name is not what the article is about: "背靠长安汽车")
                if self.lex.entities[e.key].kind == "company" and not self._owner(e):
                    counts[e.key] = counts.get(e.key, 0) + 1
                    first.setdefault(e.key, e)
            # a company in the headline (the front matter's title) counts twice more
            try:
                front = parse_front_matter(self.text) if self.text.startswith("---") else {}
            except Exception:  # a malformed front matter names no headline
                front = {}
            title = front.get("title", "")
            if title:
                for e in self._title_mentions(title):
                    if self.lex.entities[e.key].kind == "company":
                        counts[e.key] = counts.get(e.key, 0) + 2
                        first[e.key] = _Mention(0, 0, e.key, e.word)  # (the headline comes first)
            if not counts:
                # a text naming no company, whose address names a Hong Kong listing code
                # (".../report/HKSE/02015/…": a broker's note on Li Auto, "公司发布…财报")
                key = self._listed_in_address(front.get("url", ""))
                if key is not None:
                    counts[key] = 1
                    first[key] = _Mention(0, 0, key, key)
            # a unit's mentions count for its parent named too (领克 for 吉利汽车), and for a
            # parent not named whose units two or more are, none listed (广汽传祺, 广汽埃安: GAC's)
            total = dict(counts)
            units: dict[str, list[str]] = {}
            for k in counts:
                for p in itertools.islice(self._lineage(k), 1, 2):
                    units.setdefault(p, []).append(k)
            for p, ks in units.items():
                if (
                    p not in total
                    and len(ks) >= 2
                    and p in self.lex.entities
                    and not any(self.lex.entities[k].listed for k in ks)  # (a listed unit speaks for itself)
                ):
                    total[p] = 0
                    first[p] = _Mention(first[ks[0]].start, first[ks[0]].end, p, first[ks[0]].word)
            for k, n in counts.items():
                for p in itertools.islice(self._lineage(k), 1, None):
                    if p in total:
                        total[p] += n
            best = max(total, key=lambda k: (total[k], -first[k].start), default=None)
            self._subject_n = total[best] if best is not None else 0
            # whether it is named at least twice as often as any other company not its unit
            self._subject_dominant = best is not None and all(
                2 * n <= total[best] for k, n in total.items() if best not in self._lineage(k)
            )
            named = units.get(best, []) if best is not None else []
            if best is not None and len(named) == 1 and counts.get(best, 0) <= 1 < counts[named[0]]:
                best = named[0]  # a parent named once beside its one unit named more: the unit's article
            self._subject_m = first[best] if best is not None else None
        return self._subject_m

    def _period_for(
        self,
        q: Quantity,
        clause,
        sent,
        flow: bool = True,
        move: bool = False,
        plan: bool = False,
        dayless: bool = False,
    ) -> PeriodMention | None:
        """The time ``q`` is for: see the module's docstring. ``flow``: a flow may take a time
        from the three sentences before; ``move``: a share's or index's move takes from
        earlier sentences only a day or a year named in its own paragraph (a market report
        names many months in passing), else none (the caller then takes the article's day);
        ``plan``: a target may take from earlier sentences the time a plan is for;
        ``dayless``: no single day's figure (a sum, a rate, a count not said to be a running
        total), so that a day it was announced on serves only when no span is named."""
        start = self._range_start(q, sent)
        if start is not None:
            return start
        best = self._nearest_in_clause(q, clause, flow, move)
        if best is not None and not (flow and not move and best.kind == "day" and not best.asof):
            return best
        before = self._own_time_before(q, sent, best or self._last_in_sentence(q, sent, move), best is None)
        if (
            before is not None
            and best is None
            and self._event_time(before)
            and _consecutive(self.lower[clause[0] : clause[1]])
        ):
            before = None  # "Launched in August 2024, the sedan marked its 15th straight month …"
        if flow and not move and (before is None or (before.kind == "day" and not before.asof)):
            after = self._span_just_after(q, sent)
            if after is not None:
                return after
        if before is not None:
            if dayless and _announced_on(before):
                instead = self._instead_of_announced_day(q, sent, before, flow, plan)
                if instead is not None:
                    return instead
            return before
        if move and (day := self._bare_close_day(sent, q)) is not None:
            return day
        if move and _CLOSE_WORDS.search(self.lower, clause[0], clause[1]):
            return None  # a day's close: the article's day (see below)
        after = self._english_time_after(q, sent, dayless)
        if after is not None:
            return after
        return self._period_from_elsewhere(q, clause, sent, flow, move, plan, dayless)

    def _period_from_elsewhere(
        self, q: Quantity, clause, sent, flow: bool, move: bool, plan: bool, dayless: bool
    ) -> PeriodMention | None:
        """For a figure whose sentence gives no time of its own (:meth:`_period_for`): a move's
        from earlier sentences; a flow's, the month after one its sentence compares it with;
        else the time of the sentences before (:meth:`_earlier_time`)."""
        if move:
            return self._move_period(q, clause, sent)
        if flow and (compared := self._month_after_compared(q, sent)) is not None:
            return compared
        if flow and q.kind == "percent" and (its := self._figure_referred_time(sent)) is not None:
            return its
        return self._earlier_time(q, sent, flow, plan, dayless)

    def _figure_referred_time(self, sent) -> PeriodMention | None:
        """For a change in a sentence opening "This figure …" ("However, this figure represents
        a 25.9% decrease compared to May 2022"), the time of the figure referred to: the first
        count or sum of the sentence before, the last of the paragraph before for a sentence
        opening its own ("XPeng reported delivering 7,506 EVs in May, a 6% increase from the
        7,079 units delivered in April": May); else None."""
        if not _THIS_FIGURE.match(self.lower, sent.start):
            return None
        si = self._sentence_of(sent.start)
        if si < 1:
            return None
        prev = self.sentences[si - 1]
        x = next(
            (x for x in self._in(self.quantities, prev.start, prev.end) if x.kind in ("count", "currency")),
            None,
        )
        if x is None:
            return None
        return self._nearest_in_clause(x, prev.clause_of(x.start), True, False)

    def _bare_close_day(self, sent, q: Quantity) -> PeriodMention | None:
        """The close on a day named without its month before a move in its sentence
        (``截至10日港股收盘,小米集团股价下跌0.87%``): that day of the article's month (of the
        month before, when later than the article's day); None where none is named."""
        m = _BARE_DAY_CLOSE.search(self.lower, sent.start, q.end)
        m = m if m is not None and m.end() <= q.start else None
        if m is None or self.published is None:
            return None
        day, pub = int(m.group(1) or m.group(2)), self.published
        month = (
            date(pub.year, pub.month, 1)
            if day <= pub.day
            else (date(pub.year, pub.month, 1) - timedelta(days=1))
        )
        if day > calendar.monthrange(month.year, month.month)[1]:
            return None
        return PeriodMention(m.start(), m.end(), date(month.year, month.month, day).isoformat(), "day")

    def _english_time_after(self, q: Quantity, sent, dayless: bool) -> PeriodMention | None:
        """In an English sentence, the first time after ``q`` past no subordinating word, not
        one compared with, nor (for a ``dayless`` figure) the day a sum was announced on
        ("…, according to a filing released Monday"); else None."""
        if not _EN_WORD.search(self.t, sent.start, sent.end):
            return None
        for p in self._in(self.periods, q.end, sent.end):
            if (
                not p.local
                and not (dayless and _announced_on(p))
                and not _SUBORDINATE.search(self.lower[q.end : p.start])
                and not self._compared_after(q, p)
                # (nor a time a plan after it is for: "… to 83,465 units, and management guided
                # Q2 deliveries of 110,000-115,000 units")
                and not self._planned_time(p)
            ):
                return p
        return None

    def _when_clause_of(self, p: PeriodMention, q: Quantity) -> bool:
        """Whether ``q`` is the first figure of a clause opened by "when" right after the time
        compared with (``p``): "compared to January 2025, when Tesla sold 63,238": its time."""
        m = WHEN_AFTER.match(self.lower, p.end)
        return (
            m is not None and m.end() <= q.start and self._first_in(self.quantities, p.end, q.start) is None
        )

    def _instead_of_announced_day(
        self, q: Quantity, sent, day: PeriodMention, flow: bool, plan: bool
    ) -> PeriodMention | None:
        """For a figure that is no single day's, dated by the day it was announced on: the
        span named before that day in its sentence ("announced its first-half earnings today,
        reporting … revenue"), else the time of the sentences before ("On March 20, 2025, the
        automaker announced that its net profit surged …"); else None."""
        span = next(
            (p for p in reversed(self._in(self.periods, sent.start, day.start)) if p.kind != "day"), None
        )
        if span is not None and not span.local and not self._planned_time(span):
            return span
        earlier = self._earlier_time(q, sent, flow, plan, True)
        return earlier if earlier is not None and not _announced_on(earlier) else None

    def _earlier_time(
        self, q: Quantity, sent, flow: bool, plan: bool, dayless: bool = False
    ) -> PeriodMention | None:
        """The time of a figure from sentences before its own: the last time named in the
        paragraph, else (for a flow) in the three sentences before, else the span named
        last in the paragraph before; a time still to come there (a plan) is no figure's but a
        target's.
        A ``dayless`` flow passes over a day it was announced on, and with no other time
        found there takes the year, half or quarter named last before it in the article
        (the day serving only when there is none)."""
        announced = None
        if flow and not plan and (opened := self._aspect_time(sent)) is not None:
            return opened
        for k, prev in enumerate(self._earlier_times(q, sent, flow, plan)):
            if (
                prev is None
                or (not plan and (self._ahead(prev) or self._planned_time(prev)))
                or self._event_time(prev)
            ):
                continue  # (nor when an event happened: "Launched in August 2024, …")
            if k and not flow and not (self._planned_time(prev) or self._ahead(prev)):
                continue  # (a target beyond its paragraph: only a time a plan is for)
            if not (dayless and _announced_on(prev)):
                return prev
            announced = announced or prev
        if dayless and flow:
            # the article's results "for the year 2024", then a paragraph on the day they
            # were announced, then the figures: the year, half or quarter named last before
            prev = self._last_before(0, sent.start, flow, plan)
            if (
                prev is not None
                and prev.kind in ("year", "half", "quarter")
                and not (self._ahead(prev) or self._event_time(prev))
            ):
                return prev
            # (a sum or a change: a count's day may be its milestone's, 第10万辆交付)
            if (
                announced is not None
                and q.kind != "count"
                and (later := self._first_span_after(q)) is not None
            ):
                return later
        if announced is None and flow and not plan:
            return self._reported_month(sent)
        return announced

    def _first_span_after(self, q: Quantity) -> PeriodMention | None:
        """The first year, half or quarter named after ``q`` in the article that no plan is
        for, nor an event happened in: a headline's sum before the report names its span
        (``亏损收窄至42亿元`` over ``零跑汽车发布2023年财报``); else None."""
        return next(
            (
                p
                for p in self._in(self.periods, q.end, len(self.t))
                if p.kind in ("year", "half", "quarter")
                and not p.local
                and not (self._ahead(p) or self._planned_time(p) or self._event_time(p))
            ),
            None,
        )

    def _aspect_time(self, sent) -> PeriodMention | None:
        """For a sentence opening on an aspect (``利润方面,``), or one after it naming no time,
        after one of its paragraph that named a year or half first and a part of it later
        (``去年…实现营收…,四季度实现营收…``): that first time, the report's, not the part named
        in passing; else None."""
        si = self._sentence_of(sent.start)
        # (or after such a sentence, through sentences naming no time: 实现扣非净利润…)
        while (
            si > 1
            and not _ASPECT_OPEN.match(self.lower, self.sentences[si].start)
            and self.sentences[si - 1].para == sent.para
            and not self._in(self.periods, self.sentences[si - 1].start, self.sentences[si - 1].end)
        ):
            si -= 1
        if si < 1 or not _ASPECT_OPEN.match(self.lower, self.sentences[si].start):
            return None
        prev = self.sentences[si - 1]
        times = [p for p in self._in(self.periods, prev.start, prev.end) if not self._event_time(p)]
        if prev.para != sent.para or len(times) < 2 or times[0].kind not in ("year", "half"):
            return None
        return times[0] if times[-1].kind in ("quarter", "month") else None

    def _reported_month(self, sent) -> PeriodMention | None:
        """For a flow no time near it claims, in a sentence of a round-up (a count right
        after a maker's name, 深蓝(28235辆)同比大涨40.3%, or after its name and a count's verb,
        "XPeng delivered 30,000"): the month named last before it in
        the article, when that month ended within 60 days of the article's date (a copy of a
        round-up may be dated weeks after it), passing over a year's end said in passing
        (特斯拉在年底狠狠冲了一波量); so too for an item of a list of counts ("Sales by model:" then
        "ES6 (5-seat SUV): 2,936")."""
        qs = self._in(self.quantities, sent.start, sent.end)
        if not (
            any(
                q.unit in ("vehicle", None)
                and (self._after_name(q, sent) or self._after_name_and_verb(q, sent))
                for q in qs
            )
            or (
                any(q.unit == "vehicle" or q.kind is None for q in qs)
                and self._list_intro(self._sentence_of(sent.start)) is not None
            )
        ):
            return None
        prev = self._last_before(0, sent.start, True)
        while prev is not None and (
            self._event_time(prev)  # (not "in late 2021, it started sales")
            or (prev.kind == "day" and prev.asof and prev.period.endswith("-12-31"))  # (…在年底冲了一波量)
        ):
            prev = self._last_before(0, prev.start, True)
        if prev is None or prev.kind != "month" or self._ahead(prev) or self.published is None:
            return None
        y, m = int(prev.period[:4]), int(prev.period[5:7])
        end = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
        return prev if timedelta(0) <= self.published - end <= timedelta(days=60) else None

    def _earlier_times(self, q: Quantity, sent, flow: bool, plan: bool):
        """The candidates of :meth:`_earlier_time`, in order."""
        yield self._last_before(self._para_start(sent.para), sent.start, flow, plan)
        if not (flow or plan):  # (a target, too, takes the year of the plans named before it)
            return
        si = self._sentence_of(q.start)
        lead = self._list_lead(si)
        if lead is not None:
            # "key brand performances in 2025 …:" then "- Proton saw sales of …"; "… in January
            # 2026. Key companies affected included:" then "- NIO (-43.5% MoM)"
            yield self._last_before(lead[0], lead[1] + 1, flow, plan)
        yield self._last_before(self.sentences[max(0, si - 3)].start, sent.start, flow, plan)
        yield self._previous_paragraph_span(sent, q.unit == "vehicle", plan)

    def _last_in_sentence(self, q: Quantity, sent, move: bool = False) -> PeriodMention | None:
        """The last time before ``q`` in its sentence, not one a figure was reported in
        (比亚迪于1月通报的: not its span) nor a plan's in a relative clause (", whose …
        after softer fourth-quarter guidance,") or, for a move, anywhere (料首季收入增66%至71%,
        股價升逾16%: not the first quarter's move)."""
        before = self._last_in(self.periods, sent.start, q.start)
        while before is not None and (
            _REPORTED_IN.match(self.lower, before.end)
            or (
                self._planned_time(before) and (move or self._in_relative_clause(before.start, q.start, sent))
            )
        ):
            before = self._last_in(self.periods, sent.start, before.start)
        return before

    def _range_start(self, q: Quantity, sent) -> PeriodMention | None:
        """The first of two years joined as a range (2022年至2024年) and named last before a
        figure "from" which another rises or falls (营业收入从926.18亿元跃升至2698.97亿元): the
        first figure is the first year's; else None."""
        if not _FROM_BEFORE.search(self.lower, max(sent.start, q.start - 3), q.start):
            return None
        last = self._last_in(self.periods, self._para_start(sent.para), q.start)
        if last is None or last.kind != "year":
            return None
        k = bisect_left(self._starts_of(self.periods), last.start) - 1
        first = self.periods[k] if k >= 0 else None
        if (
            first is None
            or first.kind != "year"
            or not _RANGE_JOIN.fullmatch(self.lower, first.end, last.start)
        ):
            return None
        if not _TO_AFTER.search(self.lower, q.end, min(sent.end, q.end + 12)):
            return None
        return first

    def _previous_paragraph_span(self, sent, count: bool = False, plan: bool = False) -> PeriodMention | None:
        """The span (month, quarter, half, year or range) named last in the paragraph before
        ``sent``'s, for a flow whose own paragraph names no time ("Li Auto said on Monday it
        delivered 40,000 in October." then a paragraph "The company delivered 51,443 …"); a
        heading between them (a paragraph of at most 100 characters naming no time) is passed
        over, and for a vehicle ``count`` (a round-up of a month's deliveries, maker by maker)
        up to two paragraphs naming no time. With ``plan`` (a target), a time a plan is for
        serves too ("公布2026年销量目标", then a paragraph of the makers' targets)."""
        para_start = self._para_start(sent.para)
        if para_start == 0 or sent.para == 0:
            return None
        prev = sent.para - 1
        lo = self._para_start(prev)
        while (
            prev > 0
            and sent.para - prev <= (2 if count else 1)
            and (count or para_start - lo <= 100)
            and not self._in(self.periods, lo, para_start)
        ):
            prev -= 1
            lo = self._para_start(prev)
        for p in reversed(self._in(self.periods, lo, para_start)):
            if p.local or (not plan and (self._planned_time(p) or self._ahead(p))) or self._event_time(p):
                continue  # ("Launched in August 2024, the sedan …": no figure's span)
            return p if p.kind in ("month", "quarter", "half", "year", "range") else None
        return None

    def _event_time(self, p: PeriodMention) -> bool:
        """Whether ``p`` is when an event happened ("launched in August 2024", 自…发布)."""
        low = self.lower
        if _VIEWED_FROM.match(low, p.end):
            return False  # 从12月交付量来看: the time the figures after it are viewed in
        return bool(
            _EVENT_BEFORE.search(low, max(0, p.start - 16), p.start)
            or _EVENT_AFTER.match(low[p.end : p.end + 6])
            or _EVENT_AFTER_EN.match(low, p.end)
        )

    def _nearest_in_clause(self, q: Quantity, clause, flow: bool, move: bool) -> PeriodMention | None:
        """The time nearest ``q`` in its clause: those after it count 1.2 times as far (one
        right after it, its own), and none past a subordinating word or naming a release;
        for a flow, a day (not an as-of day) counts 40 characters farther."""
        best, best_d = None, 0.0
        for p in self._in(self.periods, clause[0], clause[1]):
            d = (q.start - p.end) if p.end <= q.start else 1.2 * (p.start - q.end) + 1
            if p.start >= q.end and _RIGHT_AFTER.fullmatch(self.lower, q.end, p.start):
                d = 0.5  # "21,017 vehicles in July and 31,305 in August": its own, just after it
            if flow and not move and p.kind == "day" and not p.asof:
                d += 40  # a flow is over a span: "said on Tuesday it delivered 34,611 in June"
            if best is not None and d >= best_d:
                continue
            if (
                p.local
                and p.end <= q.start
                and (
                    self._first_in(self.quantities, p.end, q.start) is not None
                    or self._figure_in_before(p)
                    or _JOINED_AFTER.search(self.lower, p.end, q.start)
                )
            ):
                # 较2024年第三季度的413亿元减少37.4%, "from 71,099 units in the same month last
                # year and 15.06 percent": the compared figure's time, not the change's
                continue
            if p.start >= q.end and _SUBORDINATE.search(self.lower[q.end : p.start]):
                continue
            if p.local and p.start >= q.end and self._first_in(self.quantities, q.end, p.start) is not None:
                continue  # "152,831 a year earlier and below the 111,074 delivered in Q2 2025": the later figure's
            if p.start >= q.end and self._compared_after(q, p):
                continue  # "92.6% higher … and 16% above its September deliveries": a time compared with
            if p.start >= q.end and self._figure_right_after(p):
                continue  # "100万目标还会影响到零跑2035年400万辆目标": the later figure's time
            if p.start >= q.end and self._opens_next_item(q, p, clause[1]):
                continue  # "January deliveries were 10,055 and February deliveries 8,132": the next figure's
            if _REPORTED_IN.match(self.lower, p.end):
                continue  # 比亚迪于1月通报的460万辆: when it was reported, not the span
            if (
                p.start >= q.end
                and _RELEASE_AFTER.match(self.lower, p.end)
                and self.lower.endswith(("in its ", "in the ", "in their "), max(0, p.start - 10), p.start)
            ):
                continue  # "deliveries of 120,000 … in its third-quarter earnings release": the release's
            best, best_d = p, d
        return best

    def _compared_after(self, q: Quantity, p: PeriodMention) -> bool:
        """Whether the time ``p`` after ``q`` is one compared with ("above its September
        deliveries", "than the year", "fell by 29% from December"), no figure's own."""
        if p.kind in ("year", "half", "quarter", "month") and _PERCENT_OVER.search(
            self.lower, max(q.end, p.start - 16), p.start
        ):
            return True  # "up 46.1 percent over the fourth quarter"
        return _COMPARED_WITH_EN.search(self.lower, max(q.end, p.start - 24), p.start) is not None or (
            p.kind == "month" and self._month_compared(p)
        )

    def _month_compared(self, p: PeriodMention) -> bool:
        """Whether the month ``p`` is one a change is measured from, right after "from" or
        "than (that in)" and opening no span ("from December", "than that in December"; not
        "from January to March")."""
        return (
            _FROM_MONTH.search(self.lower, max(0, p.start - 20), p.start) is not None
            and _SPAN_ON.match(self.lower, p.end) is None
        )

    def _month_before_compared(self, p: PeriodMention) -> bool:
        """Whether the month ``p`` compared with is the month before the figure's: named
        without a year ("from December"; not "from May 2022", "from April last year", a
        year before)."""
        return self._month_compared(p) and not (
            _YEAR.search(self.t, p.start, p.end) or _LAST_YEAR_AFTER.match(self.lower, p.end)
        )

    def _month_after_compared(self, q: Quantity, sent) -> PeriodMention | None:
        """For a flow naming no time of its own, the month after the one its sentence compares
        it with after it ("delivered 8,506 vehicles … 46% less than that in December": January),
        else None."""
        for p in self._in(self.periods, q.end, sent.end):
            if p.kind == "month" and self._month_before_compared(p):
                return p._replace(period=_month_shift(p.period, 1))
        return None

    def _figure_right_after(self, p: PeriodMention) -> bool:
        """Whether a figure follows the time ``p`` right after it (``2035年400万辆``): its own."""
        k = bisect_left(self._starts_of(self.quantities), p.end)
        nxt = self.quantities[k] if k < len(self.quantities) else None
        return nxt is not None and nxt.unit is not None and self.t[p.end : nxt.start].strip() in ("", "的")

    def _opens_next_item(self, q: Quantity, p: PeriodMention, end: int) -> bool:
        """Whether the time ``p`` after ``q`` opens the next item of a list, a figure of its
        own after it in the clause ``…[, end)`` ("10,055 and February deliveries were 8,132")."""
        if not _NEXT_ITEM_OPEN.fullmatch(self.lower, q.end, p.start):
            return False
        nxt = self._first_in(self.quantities, p.end, end)
        return nxt is not None and self._first_in(self.periods, p.end, nxt.start) is None

    def _figure_in_before(self, p: PeriodMention) -> bool:
        """Whether ``p`` is the time of the figure just before it ("71,099 units in the same
        month last year")."""
        prev = self._last_in(self.quantities, max(0, p.start - 20), p.start)
        return prev is not None and _FIGURE_IN.fullmatch(self.lower, prev.end, p.start) is not None

    def _span_just_after(self, q: Quantity, sent) -> PeriodMention | None:
        """The first time after ``q`` in its sentence (within 80 characters), if a span
        past no subordinating word or list's end, else None: "announced on Monday that it
        sold 480,186 new energy vehicles (NEV) in November", beating the release day."""
        for p in self._in(self.periods, q.end, min(sent.end, q.end + 80)):
            if (
                p.kind != "day"
                and not p.local
                and not _SUBORDINATE.search(self.lower[q.end : p.start])
                and not _LIST_END.search(self.lower, q.end, p.start)
                and not self._figure_right_after(p)
                and not self._compared_after(q, p)
            ):
                return p
            break
        return None

    def _move_period(self, q: Quantity, clause, sent) -> PeriodMention | None:
        """The time of a move (a share's or an index's) from earlier sentences, else None."""
        # a day's close ("收涨 4.5%", "a record close") is the article's day; another move
        # may take a day or a past year named in its paragraph or the three sentences
        # before; not the months a market report names in passing, nor the quarter or half
        # of the results it reports, the day they run to (截至6月30日) or a time compared with
        if _CLOSE_WORDS.search(self.lower, clause[0], clause[1]):
            return None
        si = self._sentence_of(q.start)
        lo = min(self._para_start(sent.para), self.sentences[max(0, si - 3)].start)
        i, j = self._bounds(self.periods, lo, sent.start)
        for k in range(j - 1, i - 1, -1):
            p = self.periods[k]
            if (
                p.end <= sent.start
                and p.kind in ("day", "year")
                and not p.local
                and not p.asof
                and not self._ahead(p)
                and not (
                    p.kind == "year" and (self._running_year(p.period) or self._results_sentence(p.start))
                )
            ):
                return p  # (the article's own year, still running, is no move's time)
        return None

    def _results_sentence(self, pos: int) -> bool:
        """Whether the sentence holding ``pos`` gives a money figure or a count and names no
        share: a year named there is a result's, no later move's (``去年淨利潤達722億。…股價
        飆升逾14%``)."""
        si = self._sentence_of(pos)
        if si < 0:
            return False
        s = self.sentences[si]
        return any(
            q.kind in ("currency", "count") for q in self._in(self.quantities, s.start, s.end)
        ) and not _names_share(self.lower[s.start : s.end])

    def _cause_time(self, p: PeriodMention, lo: int) -> bool:
        """Whether ``p`` is named in a clause of cause ("mainly because it set aside CNY803
        million in the third quarter") after another time of its sentence, which is the
        sentence's own: a cause's time is no later figure's."""
        si = self._sentence_of(p.start)
        start = max(lo, self.sentences[si].start) if si >= 0 else lo
        cause = _last_match(_CAUSE, self.lower, start, p.start)
        return cause is not None and self._first_in(self.periods, start, cause.start()) is not None

    def _last_before(self, lo: int, hi: int, flow: bool, plan: bool = False) -> PeriodMention | None:
        """The last time named within ``[lo, hi)``, not one a plan is for (``四季度业绩指引``,
        ``全年目标``: the guidance's time is no later figure's) unless ``plan`` (the figure is a
        target: ``完成全年目标的52%；将销量目标提高到300万辆``); for a flow, a span (or a day as of which
        it is counted) before a day it was merely announced on ("in March … released on
        Tuesday") or the year still running ("全年目标"), which serve only when no other
        time is named."""
        last = self._last_in(self.periods, lo, hi)
        planned = self._planned_time
        while last is not None and (last.local or (not plan and planned(last)) or self._cause_time(last, lo)):
            last = self._last_in(self.periods, lo, last.start)
        if (
            not flow
            or last is None
            or not ((last.kind == "day" and not last.asof) or self._running_year(last.period))
        ):
            return last
        i, j = self._bounds(self.periods, lo, hi)
        for k in range(j - 1, i - 1, -1):
            p = self.periods[k]
            if (
                p.end <= hi
                and not p.local  # (nor a time compared with: "from 63,238 in January 2025")
                and (p.kind != "day" or p.asof)
                and not self._running_year(p.period)
                and (plan or not planned(p))
            ):
                return p
        return last

    def _table_cells(self) -> dict[int, dict]:
        """Figures laid out in a table, by where they start, each with its metric, period and
        entity: a markdown row of periods (``| | FY 2025 | 2025 Q4 | …``) over rows of a
        metric word and as many figures (``| Deliveries | 406,343 | 109,194 | …``), or the
        same table flattened to one cell a line (``Deliveries``, then k lines of a period,
        then k lines of a figure). The entity is the article's subject. One pass over the
        lines."""
        t = self.t
        out: dict[int, dict] = {}
        if (
            "\n|" not in t
            and "报告期" not in t
            and not _FLAT_TABLE_HINT.search(t)
            and not _SPACED_HEADER_HINT.search(t)
            and not _HEADS_HINT.search(t)
            and not _BAR_HEAD_HINT.search(t)
            and not _CHANGE_HEAD.search(t)
            and not _RELEASE_HEADS.search(t)
        ):
            return out  # (a quick test: no markdown row, no two lines of a period alone, no two periods in a row)
        subject = self._subject()
        if subject is None:
            return out
        if "报告期" in t:
            self._filing_cells(out, subject.key)
        for head in _CHANGE_HEAD.finditer(t):
            self._change_table(head, out, subject.key)
        if (release := _RELEASE_HEADS.search(t)) is not None:
            self._release_table(release.end(), out, subject.key)
        lines = _cell_lines(t)
        header: list[PeriodMention] = []
        ranking: tuple[int, int, _Mention, PeriodMention] | None = None
        n = len(lines)
        i = 0
        while i < n:
            a, b = lines[i]
            if t.startswith("|", a):
                header, ranking = self._markdown_row(_row_cells(t, a, b), header, ranking, out, subject.key)
                i += 1
                continue
            header, ranking = [], None
            used = (
                self._spaced_table_at(lines, i, out, subject.key)
                or self._period_run_rows_at(lines[i], out, subject.key)
                or self._named_rows_at(lines, i, out)
                or self._metric_head_at(lines, i, out, subject.key)
                or self._period_head_rows_at(lines, i, out, subject.key)
            )
            i += (
                used
                or self._year_columns_at(lines, i, out, subject.key)
                or self._flat_table_at(lines, i, out, subject.key)
            )
        return out

    def _markdown_row(
        self,
        row: list[tuple[int, int]],
        header: list[PeriodMention],
        ranking: tuple[int, int, _Mention, PeriodMention] | None,
        out: dict[int, dict],
        entity: str,
    ) -> tuple[list[PeriodMention], tuple[int, int, _Mention, PeriodMention] | None]:
        """One markdown row of a table: a row of periods heads the columns (``| | FY 2025 |
        2025 Q4 | …``), and a row of a metric word and as many figures under it gives them
        (``| Deliveries | 406,343 | …``, ``entity``'s); a row heading a ranking, then the rows
        under it (:meth:`_ranking_head`, :meth:`_ranking_row`). Returns the head of periods
        and the ranking's head in force after it."""
        while len(row) > 2 and row[-1][0] == row[-1][1]:
            row = row[:-1]  # (empty cells closing a row: "| 2025 Q3 | 2025 Q2 | ||||||")
        ps = [self._table_period(x, y) for x, y in row[1:]]
        found = [p for p in ps if p is not None]
        if len(ps) >= 2 and len(found) == len(ps):
            # (a head with no cell over the labels: "| 2025 Q3 | 2025 Q2 | … |" over
            # "| Deliveries | 93,211 | 111,074 | … |")
            first = self._table_period(*row[0])
            return ([first] if first is not None else []) + found, None
        if len(found) >= 2 and len(found) == len(ps) - 1 and self._listed("growth_yoy", *row[-1]):
            # (a last column of the change: "| Indicator | 2024 H1 | 2023 H1 | YoY Change |")
            later = max(found, key=lambda p: p.period)
            return [*found, later._replace(kind="change")], None
        if header and len(row) == len(header) + 1 and (mm := self._table_metric(*row[0])) is not None:
            for (x, y), pm in zip(row[1:], header):
                if pm.kind == "change":
                    self._change_cell(x, y, mm, header, out, entity)
                elif (q := self._table_figure(x, y)) is not None:
                    self._put_cell(out, q, mm, pm, entity)
        elif ranking is not None and len(row) == ranking[0]:
            self._ranking_row(row, ranking, out)
        else:
            ranking = self._ranking_head(row) or ranking
        return header, ranking

    def _change_cell(
        self, a: int, b: int, mm: _Mention, header: list[PeriodMention], out: dict[int, dict], entity: str
    ) -> None:
        """The cell at ``[a, b)`` of a markdown table's column of the change (see
        :meth:`_markdown_row`): a percent alone, signed or not (``+52.2%``), is the change of
        metric ``mm`` in the later period on the earlier; words (``Narrowed by 2.8%``) give none."""
        qs = self._in(self.quantities, a, b)
        if (
            len(qs) != 1
            or qs[0].kind != "percent"
            or qs[0].end != b
            or self.t[a : qs[0].start] not in ("", "+")
        ):
            return
        later = next(p for p in header if p.period == header[-1].period and p.kind != "change")
        out[qs[0].start] = {
            "metric": _Mention(mm.start, mm.end, f"{mm.key}_yoy", mm.word),
            "period": later,
            "entity": entity,
        }

    def _ranking_head(self, row: list[tuple[int, int]]) -> tuple[int, int, _Mention, PeriodMention] | None:
        """A markdown row heading a ranking (``| Rank | Carmaker / Brand | November NEV Sales |``):
        its number of cells, the column whose head names a metric and the time, that metric
        and that time; else None."""
        for k, (x, y) in enumerate(row):
            mm = self._table_metric(x, y)
            ps = self._in(self.periods, x, y)
            if mm is not None and len(ps) == 1 and self._first_in(self.quantities, x, y) is None:
                return len(row), k, mm, ps[0]
        return None

    def _ranking_row(
        self, row: list[tuple[int, int]], head: tuple[int, int, _Mention, PeriodMention], out: dict[int, dict]
    ) -> None:
        """A row of a ranking under :meth:`_ranking_head`: the figure in the metric's column is
        the maker's named first in another cell (``| 7 | Leapmotor | 70,327 |``), unless the
        head names NEVs and the maker sells fuel cars too."""
        _, k, mm, pm = head
        q = self._table_figure(*row[k])
        names = [e for j, (x, y) in enumerate(row) if j != k for e in self._in(self.entities, x, y)]
        if q is None or not names or not self._entity_ok(names[0].key, mm.key):
            return
        if names[0].key in self.lex.ice_makers and self._word_within("segment_nev", pm.start - 12, mm.end):
            return  # ("November NEV Sales" of a maker of fuel cars too: a segment)
        self._put_cell(out, q, mm, pm, names[0].key)

    def _metric_head_at(self, lines: list[tuple[int, int]], i: int, out: dict[int, dict], entity: str) -> int:
        """A table flattened to a line of a metric word and the periods of its columns
        (``Deliveries | FY2024 | 2024 Q4 | 2024 Q3 | …``, or with spaces alone between the
        cells: ``配送 2023 Q3 2023 Q2 …``), over a line of as many figures alone
        (``222,123 | 79,250 | 55,003 | …``, ``105,108 86,533 …``). Its figures are put in
        ``out``; returns how many lines it takes (0 where none starts)."""
        if i + 1 >= len(lines):
            return 0
        t = self.t
        (a, b), (a2, b2) = lines[i], lines[i + 1]
        if t.find("|", a, b) >= 0:
            # (_row_cells reads a row from just after its first bar: from a - 1, the metric's
            # cell before the first bar is a cell too)
            cells = [(x, y) for x, y in _row_cells(t, a - 1, b) if y > x]
            mm = self._table_metric(*cells[0]) if len(cells) >= 3 else None
            head = [p for x, y in cells[1:] if (p := self._table_period(x, y) or _fiscal_year(t, x, y))]
            if len(head) != len(cells) - 1:
                return 0
            row = [(x, y) for x, y in _row_cells(t, a2 - 1, b2) if y > x]
            figures = [q for x, y in row if (q := self._table_figure(x, y)) is not None]
            if len(figures) != len(row):
                return 0
        else:
            mm = self._table_metric(a, b)
            if mm is None or t[a : mm.start].strip():
                return 0
            head, figures = self._in(self.periods, mm.end, b), self._in(self.quantities, a2, b2)
            if len(head) < 2 or _gaps(t, mm.end, b, head).strip() or _gaps(t, a2, b2, figures).strip():
                return 0
        if mm is None or len(figures) != len(head):
            return 0
        for q, pm in zip(figures, head):
            self._put_cell(out, q, mm, pm, entity)
        return 2

    def _period_head_rows_at(
        self, lines: list[tuple[int, int]], i: int, out: dict[int, dict], entity: str
    ) -> int:
        """A table with bars between its cells and none opening its lines: a head of a label
        and the periods of its columns (``季度 | 23Q3 | 23Q2 | 23Q1 | 22Q4 |``) over rows of a
        metric word and as many figures (``交付 | 55,432 | 23,520 | 31,041 | 40,052 |``). The
        figures are put in ``out``; returns how many lines it takes (0 where none starts)."""
        t, n = self.t, len(lines)
        a, b = lines[i]
        if t.find("|", a, b) < 0:
            return 0
        cells = [(x, y) for x, y in _row_cells(t, a - 1, b) if y > x]
        head = [p for x, y in cells[1:] if (p := self._table_period(x, y)) is not None]
        if (
            len(cells) < 3
            or len(head) != len(cells) - 1
            or any(ch.isdigit() for ch in t[cells[0][0] : cells[0][1]])
        ):
            return 0
        j = i + 1
        while j < n:
            x0, y0 = lines[j]
            row = [(x, y) for x, y in _row_cells(t, x0 - 1, y0) if y > x] if t.find("|", x0, y0) >= 0 else []
            mm = self._table_metric(*row[0]) if len(row) == len(cells) else None
            figures = [q for x, y in row[1:] if (q := self._table_figure(x, y)) is not None]
            if mm is None or len(figures) != len(head):
                break
            for q, pm in zip(figures, head, strict=True):
                self._put_cell(out, q, mm, pm, entity)
            j += 1
        return j - i if j > i + 1 else 0

    def _filing_cells(self, out: dict[int, dict], entity: str) -> None:
        """A listed company's summary table in its report, flattened (cells run together
        or between bars): a head of columns (``本报告期``, ``本报告期比上年同期增减(%)``,
        ``年初至报告期末`` …) over rows of a revenue or profit label and as many cells
        (``营业收入(元)42,236,176,229.9023.36%…``). The columns' times come from the report
        the text names (:func:`_filing_periods`), the sums' unit from the table's
        (``单位:元``, a row's ``(元)``); a minus before a cell is its sign. Each cell is put in
        ``out`` and its quantity replaced by one with its unit and sign."""
        t = self.t
        head = _FILING_COLUMN.search(t)
        periods = _filing_periods(t) if head is not None else None
        if head is None or periods is None:
            return
        end = t.find("\n\n", head.end())
        end = len(t) if end < 0 else end
        unit = _FILING_UNIT.search(t, max(0, head.start() - 400), end)
        if unit is None:
            return
        mag = unit.group(1) or unit.group(2)
        scale = Decimal(ZH_MAGNITUDES[mag] if mag else 1)
        cols: list[tuple[str | None, int, int]] = []
        at = head.start()
        while at < end:
            c = _FILING_COLUMN.search(t, at, end)
            m = next(
                (x for x in self._in(self.metrics, at, c.start() if c else end) if x.key in _RESULTS[:2]),
                None,
            )
            if m is not None:  # (a row's label, before the next column's name)
                at = self._filing_row(m, cols, periods, scale, out, entity)
                continue
            if c is None:
                return
            if self._first_in(self.quantities, at, c.start()) is not None:
                cols = []  # (figures since the last column's name: a new head)
            cols.append((_FILING_COLUMN_KIND[re.sub(r"\s", "", c.group())], c.start(), c.end()))
            at = c.end()

    def _filing_row(
        self,
        m: _Mention,
        cols: list[tuple[str | None, int, int]],
        periods: dict[str, tuple[str, str]],
        scale: Decimal,
        out: dict[int, dict],
        entity: str,
    ) -> int:
        """The row of a filing's table labelled by the metric ``m``: its first
        ``len(cols)`` cells, nothing but bars, spaces, signs or a unit between them, each
        put in ``out`` for its column (see :meth:`_filing_cells`). Returns where the row
        ends (the label's end where it is no row)."""
        t, qs = self.t, self.quantities
        starts = self._starts_of(qs)
        k = bisect_left(starts, m.end)
        cells = qs[k : k + len(cols)]
        if not cols or len(cells) < len(cols):
            return m.end
        at = m.end
        for q, (col, _, _) in zip(cells, cols):
            sum_col = col is not None and not col.endswith("_chg")
            if not _FILING_GAP.fullmatch(t, at, q.start) or q.kind not in (
                (None,) if sum_col else (None, "percent")
            ):
                return m.end  # (a sum's cell is a bare number, a change's one with or without %)
            at = q.end
        for j, (q, (col, a, b)) in enumerate(zip(cells, cols), start=k):
            if col is None:
                continue
            period, kind = periods[col.removesuffix("_chg")]
            sign = Decimal(-1) if t[q.start - 1 : q.start] in ("-", "−") else Decimal(1)
            if col.endswith("_chg"):
                q = qs[j] = q._replace(value=sign * q.value, kind="percent", unit="percent")
                metric = _Mention(m.start, m.end, f"{m.key}_yoy", m.word)
            else:
                q = qs[j] = q._replace(value=sign * q.value * scale, kind="currency", unit="CNY")
                metric = m
            out[q.start] = {"metric": metric, "period": PeriodMention(a, b, period, kind), "entity": entity}
        return at

    def _named_rows_at(self, lines: list[tuple[int, int]], i: int, out: dict[int, dict]) -> int:
        """A table flattened to its column heads one a line, then one row a line that opens
        with a name (``品牌`` / ``交付量`` / ``同比增幅`` / ``核心车型``, then ``零跑 50,129 +126%
        C10/B10``): each row's count goes to the column of a count metric, its percent to
        a year-on-year column, for the name; the time is the last named before the heads.
        Returns how many lines it takes (0 where none starts)."""
        t, n = self.t, len(lines)
        heads: list[tuple[int, int]] = []
        while i + len(heads) < n:
            a, b = lines[i + len(heads)]
            cell = t[a:b].strip()
            if not cell or len(cell) > 8 or any(ch.isdigit() for ch in cell):
                break
            heads.append((a, b))
        if len(heads) < 3:
            return 0
        count = next((m for a, b in heads[1:] if (m := self._table_metric(a, b)) is not None), None)
        yoy = any(self._listed("growth_yoy", a, b) for a, b in heads[1:])
        pm = self._last_in(self.periods, max(0, heads[0][0] - 200), heads[0][0])
        if count is None or pm is None or pm.kind not in ("month", "quarter", "half", "year"):
            return 0
        j = i + len(heads)
        while j < n:
            a, b = lines[j]
            e = self._first_in(self.entities, a, b)
            if e is None or t[a : e.start].strip():
                break
            qs = self._in(self.quantities, e.end, b)
            counts = [q for q in qs if q.kind != "percent"]
            pcts = [q for q in qs if q.kind == "percent"]
            if len(counts) != 1:
                break
            self._put_cell(out, counts[0], count, pm, e.key)
            if yoy and len(pcts) == 1:
                out[pcts[0].start] = {
                    "metric": _Mention(count.start, count.end, f"{count.key}_yoy", count.word),
                    "period": pm,
                    "entity": e.key,
                }
            j += 1
        return j - i if j > i + len(heads) else 0

    def _change_table(self, head: re.Match, out: dict[int, dict], entity: str) -> None:
        """A filing's summary table whose cells ran together when copied (``截至12月31日止年度
        2023年2024年變動(%)(人民幣千元,百分比除外)收入123,851,332144,459,94616.6%毛利…``): after
        ``head``, two years and the change between them, each row of a metric word (notes in
        brackets after it) and two figures puts them under the years, ``entity``'s, and a
        third as the change of the later year's on the earlier's (in brackets, a fall). A row
        whose label ends in no metric word is passed; the table ends at a label without
        figures. The years stand for the six or three months, or the year, the time before
        the head ends with (``截至六月三十日止六个月``)."""
        pms = [self._change_period(head, g) for g in ("y1", "y2")]
        later = max(pms, key=lambda pm: pm.period)
        pos = head.end()
        for _ in range(40):
            row = self._change_row(pos)
            if row is None:
                return
            mm, cells, pos = row
            if mm is None or len(cells) < 3:
                continue  # (a row with an empty cell, "–7,726,187(100)", is passed)
            for q, pm in zip(cells, pms):
                self._put_cell(out, q, mm, pm, entity)
            q = cells[2]
            sign = -1 if self.t[q.start - 1] == "(" else 1
            out[q.start] = {
                "metric": _Mention(mm.start, mm.end, f"{mm.key}_yoy", mm.word),
                "period": later,
                "entity": entity,
                "scaled": q._replace(value=sign * q.value, kind="percent", unit="percent"),
            }

    def _release_table(self, at: int, out: dict[int, dict], entity: str) -> None:
        """A maker's monthly release whose table is flattened one cell a line after its heads
        (ending at ``at``): each row is its label (the last line of words before its cells),
        then six cells, a figure or a dash for none: the month, that month a year before, the
        change, the year to the month, the same a year before, the change (``ZEEKR``,
        ``13,476``, ``11,337``, ``19``, …). The month is the last named before the table; the
        metric, the count the article names most often (exports on an export row): see
        :meth:`_release_rows`. The table ends at a row cut short or a line of prose."""
        t = self.t
        before = reversed(self._in(self.periods, max(0, at - 3000), at))
        pm = next(
            (p for p in before if p.kind == "month" and not p.local), None
        )  # (not "the same period last year")
        count = self._top_count()
        if pm is None or count is None:
            return
        lines = _cell_lines(t)
        rows: list[tuple[tuple[int, int], list[tuple[Quantity, int] | None]]] = []
        for a, b in lines[bisect_left(lines, (at, at)) :]:
            cell = self._release_cell(a, b)
            joined = self._first_in(self.quantities, a, b) if cell is False else None
            if joined is not None and joined.start == a and self.t.startswith(" ", joined.end) and rows:
                # (a row's last cell and the next label joined by a wrapped line: "16 of which: Galaxy")
                rows[-1][1].append((joined, 1))
                cell, a = False, joined.end + 1
            if cell is not False:
                if not rows or len(rows[-1][1]) >= 6:
                    return  # (cells with no label, or a seventh: no such table)
                rows[-1][1].append(cell)
            elif rows and 0 < len(rows[-1][1]) < 6:
                return
            elif b - a > 60:
                break  # (prose after the table)
            elif rows and not rows[-1][1]:
                rows[-1] = ((a, b), [])  # (a label of several lines: its last)
            else:
                rows.append(((a, b), []))
        self._release_rows([r for r in rows if len(r[1]) == 6], pm, count, out, entity)

    def _release_cell(self, a: int, b: int) -> tuple[Quantity, int] | Literal[False] | None:
        """A cell of a release's table at ``[a, b)``: its figure and sign (``-66``: -1); None
        for a dash (no figure); False where the line is no cell."""
        cell = self.t[a:b].strip()
        if cell in ("-", "–", "—"):
            return None
        qs = self._in(self.quantities, a, b)
        if len(qs) != 1 or self.t[qs[0].end : b].strip():
            return False
        lead = self.t[a : qs[0].start].strip()
        return (qs[0], -1 if lead == "-" else 1) if lead in ("", "-") else False

    def _release_rows(
        self,
        rows: list[tuple[tuple[int, int], list[tuple[Quantity, int] | None]]],
        pm: PeriodMention,
        count: _Mention,
        out: dict[int, dict],
        entity: str,
    ) -> None:
        """The cells of a release's rows (see :meth:`_release_table`) put in ``out``: a row's
        entity is the name its label opens with, the total row's ``entity`` (a row of
        ``entity`` itself is then its brand's, passed), an export row's ``entity`` with
        exports; a row naming none (a segment: battery electric) is passed."""
        y, m = int(pm.period[:4]), int(pm.period[5:7])

        def to_month(year: int) -> PeriodMention:
            if m == 12:
                return pm._replace(period=str(year), kind="year")
            months = tuple(f"{year}-{k:02d}" for k in range(1, m + 1))
            return pm._replace(period=f"{months[0]}..{months[-1]}", kind="range", months=months)

        periods = [pm, pm._replace(period=f"{y - 1}-{m:02d}"), pm, to_month(y), to_month(y - 1), to_month(y)]
        total = any(self.lower[a:b].strip() in _TOTAL_ROW for (a, b), _ in rows)
        for (a, b), cells in rows:
            label, metric, owner = self.lower[a:b].strip(), count, entity
            if _EXPORT_ROW.fullmatch(label):
                metric = count._replace(key="exports")
            elif label not in _TOTAL_ROW:
                e = self._first_in(self.entities, a, b)
                if (
                    e is None
                    or (e.key == entity and total)
                    or self.t[a : e.start].strip(" :").lower() not in ("", "of which")
                ):
                    continue
                owner = e.key
            for k, (cell, p) in enumerate(zip(cells, periods)):
                if cell is None:
                    continue
                q, sign = cell
                if k in (2, 5):
                    out[q.start] = {
                        "metric": metric._replace(key=f"{metric.key}_yoy"),
                        "period": p,
                        "entity": owner,
                        "scaled": q._replace(value=sign * q.value, kind="percent", unit="percent"),
                    }
                elif sign > 0:
                    self._put_cell(out, q, metric, p, owner)

    def _change_period(self, head: re.Match, group: str) -> PeriodMention:
        """The time year ``group`` of a summary table's ``head`` stands for (see
        :meth:`_change_table`)."""
        y = head[group][:4].translate(_CN_DIGITS)
        spans = list(_CHANGE_SPAN.finditer(self.lower, max(0, head.start() - 40), head.start()))
        span = spans[-1] if spans else None
        if span is None or span["n"] is None:
            return PeriodMention(head.start(group), head.end(group), y, "year")
        m = int(span["m"]) if span["m"].isdigit() else int(parse_cn_number(span["m"]))
        if span["n"] == "六":
            return PeriodMention(head.start(group), head.end(group), f"{y}-H{1 if m <= 6 else 2}", "half")
        return PeriodMention(head.start(group), head.end(group), f"{y}-Q{(m + 2) // 3}", "quarter")

    def _change_row(self, pos: int) -> tuple[_Mention | None, list[Quantity], int] | None:
        """The row of a summary table from ``pos`` (see :meth:`_change_table`): the metric
        word its label ends with (None if another word), its cells (at most three, back to
        back) and where it ends; None where no figure follows within a short label."""
        qs = self.quantities
        i, j = self._bounds(qs, pos, pos + 120)
        q = next((x for x in qs[i:j] if x.arabic), None)  # (not the 千元 of a note)
        if q is None or "。" in self.t[pos : q.start]:
            return None
        cells = [q]
        while len(cells) < 3:
            i, j = self._bounds(qs, cells[-1].end, cells[-1].end + 4)
            if i == j or not set(self.t[cells[-1].end : qs[i].start]) <= _CELL_JOINT:
                break
            cells.append(qs[i])
        end = cells[-1].end
        while end < len(self.t) and self.t[end] in ")%":
            end += 1
        mm = self._last_in(self.metrics, pos, q.start)
        if mm is None or self.lex.metric_kind[mm.key] not in ("count", "currency"):
            return None, cells, end
        notes = _ROW_NOTES.match(self.t, mm.end, q.start)
        if not (notes and notes.end() == q.start) or self.lower.endswith("综合", 0, mm.start):
            return None, cells, end  # (综合收益: comprehensive income, no revenue)
        return mm, cells, end

    def _spaced_table_at(
        self, lines: list[tuple[int, int]], i: int, out: dict[int, dict], entity: str
    ) -> int:
        """A plain-text table at line ``i`` (its wide gaps closed up by :func:`normalize`, or
        bars between its cells and none opening the line): a line of periods alone
        (``2024年第二季度2024年第一季度…``, ``2024 Q4 | 2024 Q3 | …``) over lines of a metric
        word and as many figures (``交付108,581 80,400 …``), blank lines between them allowed. Its
        figures are put in ``out``; returns how many lines it takes (0 where none starts)."""
        t, n = self.t, len(lines)
        a, b = lines[i]
        if not _SPACED_HEADER_HINT.search(t, a, b):
            return 0
        header = self._in(self.periods, a, b)
        if len(header) < 2 or _gaps(t, a, b, header).strip(_CELL_GAP):
            return 0
        j, rows = i + 1, 0
        while j < n:
            a, b = lines[j]
            if not t[a:b].strip():
                j += 1
                continue
            mm = self._table_metric(a, b)
            qs = self._in(self.quantities, mm.end, b) if mm is not None else []
            if (
                mm is None
                or not _metric_line(self.lower[a : mm.end].strip(_CELL_GAP), self.lower[mm.start : mm.end])
                or len(qs) != len(header)
                or _gaps(t, mm.end, b, qs).strip(_CELL_GAP)
            ):
                break
            for q, pm in zip(qs, header, strict=True):
                self._put_cell(out, q, mm, pm, entity)
            j, rows = j + 1, rows + 1
        return j - i if rows else 0

    def _period_run_rows_at(self, line: tuple[int, int], out: dict[int, dict], entity: str) -> int:
        """A table flattened into one line, block after block of a run of periods, a metric
        word and as many figures (``2025 Q4 2025 Q3 2025 Q2 2025 Q1 Deliveries 124,807 87,071
        72,056 42,094 2024 Q4 …``): the i-th figure of a block is for its i-th period. The
        figures are put in ``out``; returns 1 where the line holds such a block, else 0."""
        t, (a, b) = self.t, line
        if not _SPACED_HEADER_HINT.search(t, a, b):
            return 0
        ps, found, k = self._in(self.periods, a, b), 0, 0
        while k < len(ps):
            run = [ps[k]]
            while k + len(run) < len(ps) and not t[run[-1].end : ps[k + len(run)].start].strip(_CELL_GAP):
                run.append(ps[k + len(run)])
            k += len(run)
            mm = self._table_metric(run[-1].end, b) if len(run) >= 2 else None
            if mm is None or t[run[-1].end : mm.start].strip(_CELL_GAP):
                continue
            qs = self._in(self.quantities, mm.end, b)[: len(run) + 1]
            cells, more = qs[: len(run)], qs[len(run) :]
            # (a figure right after the last cell: more figures than periods, no such block)
            if (
                len(cells) != len(run)
                or _gaps(t, mm.end, cells[-1].end, cells).strip(_CELL_GAP)
                or (more and not t[cells[-1].end : more[0].start].strip(_CELL_GAP))
            ):
                continue
            for q, pm in zip(cells, run, strict=True):
                self._put_cell(out, q, mm, pm, entity)
            found = 1
        return found

    def _year_columns_at(
        self, lines: list[tuple[int, int]], i: int, out: dict[int, dict], entity: str
    ) -> int:
        """A table of months by years flattened to one cell a line, starting at line ``i``: a
        head cell (``Month``, ``月份``), a line for each year of its columns (``2024``,
        ``2025``, ``2026``), then rows of a month alone (``January``) and its figures for the
        years in order, as many as are out (``8,250``, ``30,350``, ``20,011``). The metric is
        the head's or the line's above (``Xpeng Monthly Deliveries 2024-2026``). The figures are
        put in ``out``; returns how many lines it takes (0 where none starts)."""
        t, n = self.t, len(lines)
        a, b = lines[i]
        if b - a > 12 or any(ch.isdigit() for ch in t[a:b]):
            return 0
        years = list(itertools.takewhile(lambda p: p.kind == "year", self._period_lines(lines, i + 1)))
        k = len(years)
        if k < 2:
            return 0
        mm = self._table_metric(a, b) or (self._table_metric(*lines[i - 1]) if i else None)
        if mm is None:
            return 0
        j, rows = i + 1 + k, 0
        while j < n and (month := self._table_period(*lines[j])) is not None and month.kind == "month":
            figures: list[Quantity] = []
            while len(figures) < k and j + 1 + len(figures) < n:
                q = self._table_figure(*lines[j + 1 + len(figures)])
                if q is None:
                    break
                figures.append(q)
            if not figures:
                break
            for q, y in zip(figures, years):
                pm = PeriodMention(month.start, month.end, f"{y.period}-{month.period[-2:]}", "month")
                self._put_cell(out, q, mm, pm, entity)
            j, rows = j + 1 + len(figures), rows + 1
        return j - i if rows >= 2 else 0

    def _flat_table_at(self, lines: list[tuple[int, int]], i: int, out: dict[int, dict], entity: str) -> int:
        """A table flattened to one cell a line, starting at line ``i``: its figures put in
        ``out``; returns how many lines it takes (1 where none starts there)."""
        lower, n = self.lower, len(lines)
        a, b = lines[i]
        # a short line over a line holding a period alone (checked first: it is rare)
        mm = (
            self._table_metric(a, b)
            if b - a <= 40
            and i + 1 < n
            and lines[i + 1][1] - lines[i + 1][0] <= 16
            and self._table_period(*lines[i + 1]) is not None
            else None
        )
        if mm is not None and _metric_line(lower[a:b], lower[mm.start : mm.end]):
            pms = self._period_lines(lines, i + 1)  # the periods of the lines below, one a line
            k = len(pms)
            if k >= 2 and self._figure_lines(lines, i + 1 + k, k, mm, pms, out, entity):
                return 1 + 2 * k
        elif b - a <= 16 and (pms := self._period_lines(lines, i)) and len(pms) >= 2:
            # the periods first, then the metric's line, then the figures ("|FY 2025", "|2025 Q4",
            # …, "|Deliveries", "|406,343", "|109,194", …)
            k = len(pms)
            if i + k < n and (mm := self._table_metric(*lines[i + k])) is not None:
                x, y = lines[i + k]
                if _metric_line(lower[x:y], lower[mm.start : mm.end]) and self._figure_lines(
                    lines, i + k + 1, k, mm, pms, out, entity
                ):
                    return 1 + 2 * k
        return 1

    def _period_lines(self, lines: list[tuple[int, int]], i: int) -> list[PeriodMention]:
        """The periods of the lines from ``i`` on that hold a period alone, in order."""
        pms: list[PeriodMention] = []
        while i + len(pms) < len(lines) and lines[i + len(pms)][1] - lines[i + len(pms)][0] <= 16:
            p = self._table_period(*lines[i + len(pms)])
            if p is None:
                break
            pms.append(p)
        return pms

    def _figure_lines(
        self,
        lines: list[tuple[int, int]],
        i: int,
        k: int,
        mm: _Mention,
        pms: list[PeriodMention],
        out: dict[int, dict],
        entity: str,
    ) -> bool:
        """Whether the ``k`` lines from ``i`` on each hold a figure alone; if so, each is put
        in ``out`` with metric ``mm`` and its column's period of ``pms``."""
        if i + k > len(lines):
            return False
        qs = [self._table_figure(*lines[i + j]) for j in range(k)]
        figures = [q for q in qs if q is not None]
        if len(figures) != k:
            return False
        for q, pm in zip(figures, pms):
            self._put_cell(out, q, mm, pm, entity)
        return True

    def _table_period(self, a: int, b: int) -> PeriodMention | None:
        """The time a table cell at ``[a, b)`` holds alone (words such as FY aside), else None."""
        ps = self._in(self.periods, a, b)
        if len(ps) != 1:
            return None
        rest = (self.lower[a : ps[0].start] + _CELL_NOTE.sub("", self.lower[ps[0].end : b])).strip()
        return ps[0] if rest in _TABLE_PERIOD_REST else None

    def _table_figure(self, a: int, b: int) -> Quantity | None:
        """The figure a table cell at ``[a, b)`` holds alone (after a bound sign: ``>40,000``),
        else None."""
        qs = self._in(self.quantities, a, b)
        if len(qs) != 1:
            return None
        lead = self.t[a : qs[0].start].strip()
        if lead == "(" and self.t[qs[0].end : b] == ")":
            return qs[0]  # (an amount in brackets: a loss, "(3,481.2)")
        if qs[0].end != b:
            return None
        return qs[0] if lead in _CELL_BOUND_SIGNS else None

    def _table_metric(self, a: int, b: int) -> _Mention | None:
        """The first metric named in a table cell at ``[a, b)``, if a count or an amount."""
        ms = self._in(self.metrics, a, b)
        return ms[0] if ms and self.lex.metric_kind[ms[0].key] in ("count", "currency") else None

    def _put_cell(
        self, out: dict[int, dict], q: Quantity, mm: _Mention, pm: PeriodMention, entity: str
    ) -> None:
        """Put figure ``q`` of a table in ``out``, with its metric, time and entity, if its
        unit fits the metric."""
        kind = self.lex.metric_kind[mm.key]
        if q.kind is None and kind == "currency" and (scaled := self._scaled_money(q, mm)) is not None:
            out[q.start] = {"metric": mm, "period": pm, "entity": entity, "scaled": scaled}
        elif _unit_ok(q.kind, q, kind):
            out[q.start] = {"metric": mm, "period": pm, "entity": entity}

    def _scaled_money(self, q: Quantity, mm: _Mention) -> Quantity | None:
        """A bare figure of a money row as the amount it stands for, under a note of the
        table's unit before it ("(in RMB millions)", "(in thousands of RMB)", ``（人民币千元``):
        ``21,793.9`` → RMB 21,793,900,000; in brackets, a loss (``(3,481.2)``). None
        without such a note within 1,500 characters before."""
        note = next(reversed(list(_TABLE_SCALE.finditer(self.t, max(0, q.start - 1500), q.start))), None)
        if note is None:
            return None
        g = note.groupdict()
        mag = g["zmag"] or g["mag"].lower().rstrip("s") + "s"  # ("(RMB billion)": billions)
        cur = (g["cur"] or g["cur2"] or g["zcur"] or "rmb").lower()
        unit = _SCALE_CURRENCY.get(cur.rstrip("s"))
        if unit is None:
            return None
        bracketed = self.t[max(0, q.start - 1) : q.start] == "(" and self.t.startswith(")", q.end)
        sign = -1 if bracketed and mm.word not in self.lex.metrics[mm.key].negative else 1
        return q._replace(value=sign * q.value * _SCALE_FACTOR[mag], kind="currency", unit=unit)

    def _list_intro(self, si: int) -> _Sentence | None:
        """For a sentence in a bulleted line, or a short labelled one with no bullet
        (:data:`_LABEL_ITEM`), the sentence ending in a colon that opens the list (over at
        most 30 such sentences), or, for labelled lines, the sentence closing the paragraph
        right above them; else None."""
        t, raw = self.t, self.text  # (normalising drops the bullets: look in the original)
        labels = False  # (items with no bullet, a label each, passed)
        for back in range(si, max(-1, si - 30), -1):
            s = self.sentences[back]
            if s.end <= s.start:
                return None
            colon = t[max(s.start, s.end - 8) : s.end].rstrip().endswith((":", "："))
            if colon and back < si:
                return s  # (a bulleted one too: "- Key companies affected included:")
            at = self.norm.span(s.start, s.start + 1)[0]
            nl = raw.rfind("\n", max(0, at - 400), at)  # (a bullet opens a short line)
            if (nl >= 0 or at <= 400) and _BULLET.match(raw, nl + 1):
                continue
            if (nl >= 0 or at <= 400) and _LABEL_ITEM.match(raw, nl + 1):
                labels = True
                continue
            # labelled lines right under a sentence ending its paragraph ("So far this year,
            # NIO globally sold over 37,000 electric cars." then "ES6: 18,434"): it opens them
            return s if labels and back < si and self.sentences[back + 1].para != s.para else None
        return None

    def _last_full_year(self, fig: _Figure, pm: PeriodMention) -> bool:
        """Whether a figure "for the full year" (全年, "full-year", naming no year) in an
        article of the first four months is of the year just over: the year running has
        no full-year figure yet, save a target's (广汽最近发布的财报…全年营收1078亿元). Only
        for an article whose date is given (a stand-in date is too rough for it)."""
        pub = self.stated_published
        return (
            pub is not None
            and pub.month <= 4
            and pm.kind == "year"
            and pm.period == str(pub.year)
            and fig.metric != "delivery_target"
            and _BARE_FULL_YEAR.fullmatch(self.lower, pm.start, pm.end) is not None
            and not self._planned_time(pm)
            and not any(  # (2024年财报,全年营收: the year named)
                p.kind == "year" and p.period == pm.period and _DIGIT.search(self.lower, p.start, p.end)
                for p in self._in(self.periods, 0, pm.start)
            )
        )

    def _running_year(self, period: str) -> bool:
        """Whether ``period`` is the article's own year, not yet over on its date."""
        pub = self.published
        return pub is not None and period == str(pub.year) and pub < date(pub.year, 12, 31)

    def _planned_time(self, p: PeriodMention) -> bool:
        """Whether ``p`` is the time a plan is for: a plan word within four characters after
        it (``四季度业绩指引``), or one of the lexicon's ending within six before it, in its
        clause (``预计四季度``)."""
        if _PLAN_JUST_AFTER.match(self.lower, p.end) is not None:
            return True
        return any(
            m.end() >= p.start - 6 and not _CLAUSE_MARK.search(self.lower, m.end(), p.start)
            for m in self.lex.word_res["plan"].finditer(self.lower, max(0, p.start - 24), p.start)
        )

    def _ahead(self, p: PeriodMention) -> bool:
        """Whether ``p`` starts after the article's date."""
        return self.published is not None and _period_of(p.period).start > self.published

    def _para_start(self, para: int) -> int:
        """Where the first sentence of paragraph ``para`` starts (0 when none is in it)."""
        paras = self.sentences.paras  # (numbered in order: a bisection finds the first)
        i = bisect_left(paras, para)
        return self.sentences.starts[i] if i < len(paras) and paras[i] == para else 0

    def _text_before_bound(self, q: Quantity, clause) -> str:
        """The text of ``clause`` a bound word before ``q`` would end (24 characters; past
        "the", a quote, a word of praise and a closing 了)."""
        t = self.lower
        before = t[max(clause[0], q.start - 24) : q.start].rstrip()
        if before.endswith(_THE_QUOTE_ENDS):
            before = _THE_QUOTE.sub("", before)
        if (praise := _PRAISE_END.search(t, max(clause[0], q.start - 16), q.start)) is not None:
            # "approaching an impressive 950,000 units": the bound before the word of praise
            before = t[max(clause[0], praise.start() - 24) : praise.start()]
        return before[:-1] if before.endswith("了") else before

    def _bound(self, q: Quantity, clause) -> tuple[str, bool]:
        """The bound written around ``q``, and whether it is a threshold crossed."""
        t = self.lower
        after = t[q.end : min(clause[1], q.end + 12)]
        quoted = False
        if not after and t.startswith(('"', "”", "’", "'"), q.end):
            after = t[q.end : q.end + 20]  # a quote closes the clause: '"30,000" level'
        if after[:1] in _QUOTE_OR_UNIT_START:
            # "above the 30,000-unit mark", "the '30,000' level": past the quote and the unit
            after = t[q.end : min(max(clause[1], q.end + len(after)), q.end + 20)]
            m = _QUOTE_UNIT.match(after)  # (every part is optional: it always matches)
            if m is not None:
                quoted = bool(m.group(1))
                after = after[m.end() :][:12]
        mark_verb = _MARK_VERB.match(after) is not None  # "92,864 vehicles mark a 15.5% increase"
        threshold = bool(self.lex.threshold_re.match(after)) and not mark_verb
        before = self._text_before_bound(q, clause)
        if (verb := _CHANGE_VERB_END.search(before)) is not None:
            before = before[: verb.start("verb")]  # 至少增长30%: the bound before the change word
        bound = None
        table = self.lex.bounds_before_map
        # the longest bound word ending the text before the number; shorter ones are tried
        # only when that one is the tail of a longer Latin word
        longest = self.lex.bounds_before_rev_re.match(before[::-1])
        for size in self.lex.bounds_before_sizes[longest.end()] if longest else ():  # longest first
            w = before[-size:]
            k = table.get(w)
            if k is not None:
                if w[0].isalpha() and not is_han(w[0]) and len(before) > size and before[-size - 1].isalnum():
                    continue
                bound = k
                if w in ("突破", "突破了") or (k == "eq" and w in ("突破到", "突破至")):
                    bound = "eq" if q.value != q.value.to_integral_value() else "gt"
                elif w in ("as many as", "as much as") and q.unit in (None, "vehicle") and q.value % 100:
                    bound = "eq"  # "delivered as many as 7,002 vehicles": an exact count, stressed
                break
        if bound is None and not _EN_WORD.search(tail := before[-6:].replace("超额", "")):
            for k in ("约", "近", "超过", "超", "逾", "接近", "不足"):
                if k in tail:  # (not 超额完成全年35万辆目标: the target met is 35万)
                    bound = {"约": "approx", "近": "lt", "接近": "lt", "不足": "lt"}.get(k, "gt")
                    break
        am = None if mark_verb else self.lex.bounds_after_re.match(after)
        if am:
            w = am.group()
            k = self.lex.bounds_after_map[w]
            if w == " level" and bound in (None, "eq") and quoted:
                bound = "vague"  # fell back to the "30,000" level: a level, no figure
            elif k == "gt" and w in ("大关", " mark", " threshold", " milestone", " level"):
                bound = "gt" if bound in (None, "eq", "gt") else bound
            else:
                bound = k if bound in (None, "eq") else bound
        if q.more:
            bound = "gt"
        if threshold and bound in (None, "eq"):
            bound = "gt"
        return (bound or "eq"), threshold

    # ------------------------------------------------------------------ main
    def facts(
        self,
        *,
        document_id: str | None = None,
        published_basis: str | None = None,
        source_url: str | None = None,
        publisher: str | None = None,
        seen: set[tuple] | None = None,
    ) -> list[Fact]:
        """The facts of the article, in the order of its figures; ``document_id``,
        ``published_basis``, ``source_url`` and ``publisher`` are copied onto each. A fact
        whose key is in ``seen`` (facts of the article's pieces read before, see
        :func:`read_facts`) is not emitted again, and the keys emitted are added. A figure
        read but not emitted is listed, with why, in :attr:`skipped`. Each figure passes
        through the resolvers below in turn: its metric (:meth:`_figure`,
        :meth:`_refine_metric`), its entity (:meth:`_figure_entity`), its bound, unit and
        periods (:meth:`_figure_reading`), then the facts it makes (:meth:`_emit`)."""
        meta = {
            "document_id": document_id,
            "published_basis": published_basis,
            "source_url": source_url,
            "publisher": publisher,
        }
        paired = self._respectively()
        table = self._table_cells()
        acc = _Emitted() if seen is None else _Emitted(seen=seen)
        for q in self.quantities:
            cell = table.get(q.start)
            q = cell.get("scaled", q) if cell else q  # (money in a table "in RMB millions")
            fig = self._figure(q, table)
            if fig is None or not self._refine_metric(fig):
                continue
            entity = self._figure_entity(fig, paired)
            if entity is None:
                continue
            reading = self._figure_reading(fig)
            if reading is not None:
                for slug in self._each_listed(fig, entity):
                    self._emit(fig, slug, reading, meta, acc)
        return acc.facts

    def _each_listed(self, fig: _Figure, entity: str) -> list[str]:
        """The models of maker ``entity``, or the makers, listed before a figure in its clause
        with a word for "each" between ("C11、C10和C16三款SUV订单均超过1万台": each of the three;
        "蔚来、小鹏、理想等新势力的销量也均同比至少增长30%"), else ``[entity]``."""
        last = self._last_in(self.entities, fig.sent.start, fig.q.start)
        lex = self.lex
        if (
            last is None
            or self._first_in(self.quantities, last.end, fig.q.start) is not None
            # (the word for "each" in the figure's own clause: "ET7、ES7和ET5交付量均稳步上升,达
            # 11072台" is their sum)
            or not (
                self._word_within("each_listed", max(last.end, fig.clause[0]), fig.q.start)  # ("reached")
                or _EACH_AFTER.match(self.lower, fig.q.end)  # "delivered over 10,000 vehicles each"
                or _BOTH.search(self.lower, fig.sent.start, last.start)  # "Both NIO and XPeng exceeded"
                # (a change after makers listed as of a kind: 小米、小鹏、零跑等品牌实现翻倍暴涨)
                or (fig.q.kind == "percent" and _LISTED_KIND_AFTER.match(self.lower, last.end))
            )
        ):
            return [entity]
        if lex.entities[last.key].parent == entity:
            named = self._model_list(last, self.entities, fig.sent.start, entity)
        elif (
            last.key == entity and lex.entities[entity].kind == "company"
        ):  # 蔚来、小鹏、理想…均同比至少增长30%
            named = self._model_list(last, self.entities, fig.sent.start, None)
        else:
            return [entity]
        return named if len(named) > 1 else [entity]

    def _as_wholesale(self, metric: str, entity: str, sent, periods: list[str]) -> str:
        """``wholesale`` (or its growth) for the sales or deliveries of a maker whose monthly
        figure is CPCA wholesale (Tesla China), in a sentence citing the CPCA, or for a month
        (``periods``) in one naming the maker's China arm or plant; else ``metric``."""
        base, _, rest = metric.partition("_")
        if base not in ("sales", "deliveries") or rest not in ("", "yoy", "mom"):
            return metric
        # (the words are found once per text, not per figure); for the maker itself (not a
        # model of it), the sentence before counts too, in its paragraph or ending the one
        # before ("The CPCA today announced its February report." "Among them, Tesla's
        # February sales were 74,402 units"; "According to … the
        # China Passenger Car Association, Tesla shipped 851,732 … In December alone, 97,171
        # vehicles were shipped")
        si = self._sentence_of(sent.start)
        lo = sent.start
        if (
            si > 0
            and self.sentences[si - 1].para in (sent.para, sent.para - 1)
            and (e := self.lex.entities.get(entity)) is not None
            and e.kind == "company"
        ):
            lo = self.sentences[si - 1].start
        if (
            si > 1
            and self.sentences[si - 2].para == sent.para
            and _WHOLESALE_NAMED.search(self.lower, self.sentences[si - 2].start, sent.start)
        ):
            # (or, for it or a model of it, a release of wholesale figures two sentences back
            # in its paragraph: "乘联会发布了12月份…批发数据。特斯拉中国交付了55796辆…。其中,
            # Model Y超过45万辆")
            lo = min(lo, self.sentences[si - 2].start)
        if not self._word_within("wholesale_source", lo, sent.end) and not (
            all(_MONTH_PERIOD.fullmatch(p) for p in periods)
            and self._word_within("wholesale_plant", lo, sent.end)
        ):
            return metric
        from ..gazetteer import maker_of

        m = maker_of(entity)
        if m is None or m.reports.metric != "wholesale":
            return metric
        return "wholesale" + metric[len(base) :]

    def _is_conversion(self, q: Quantity) -> bool:
        """Whether money ``q`` is the sum of the money figure just before it in another
        currency: in brackets after it ("RMB 624 million ($87.7 million)", ``1950亿元（约台币
        8443亿）``), or after "or", "approximately" or 约合 ("RMB 6.12 billion or $835.13
        million", ``3712亿元，约合517亿美元``); or a sum said to be converted ("converted to 702.2
        billion yuan after currency exchange"). Not a sum in brackets after a time compared
        with (``净亏损3.8亿元(较去年同期18.1亿元大幅收窄)``: that time's)."""
        t = self.t
        if _CONVERTED_BEFORE.search(self.lower, max(0, q.start - 24), q.start) or _CONVERTED_AFTER.match(
            self.lower, q.end
        ):
            return True  # "whose revenue converted to 702.2 billion yuan after currency exchange"
        prev = self._last_in(self.quantities, max(0, q.start - 40), q.start)
        if (
            prev is not None
            and prev.kind == "currency"
            and prev.unit != q.unit
            and _CONVERSION_JOIN.fullmatch(self.lower, prev.end, q.start)
        ):
            return True
        k = max(t.rfind("(", max(0, q.start - 12), q.start), t.rfind("（", max(0, q.start - 12), q.start))
        if k < 0 or any(ch.isdigit() for ch in t[k + 1 : q.start]):
            return False
        if _COMPARED_IN_BRACKETS.search(self.lower, k, q.start):
            return False  # 净亏损3.8亿元(较去年同期18.1亿元大幅收窄): the sum a year before
        prev = self._last_in(self.quantities, max(0, k - 30), k)
        return prev is not None and prev.kind == "currency" and len(t[prev.end : k].strip()) <= 5

    def _figure(self, q: Quantity, table: dict[int, dict]) -> _Figure | None:
        """A quantity with its sentence, clause and metric word; None when it states no fact
        (a multiple, a hedged figure, a difference, no metric word in reach, a figure per
        share or followed by a modal verb: see :data:`_NO_FACT_AFTER`)."""
        if q.kind in ("other", "times"):
            return None
        tab = table.get(q.start) if table else None
        if tab is None and q.kind is None and _metric_kind_for(q) is None:
            # a bare number too small to be a count, outside a table: no metric word takes
            # it (:meth:`_metric_for`), so the checks below are spared
            return None
        si = self._sentence_of(q.start)
        if si < 0:
            return None
        sent = self.sentences[si].around(q.start, q.end)
        clause = sent.clause_of(q.start)
        compared = self._percent_compared(q, clause, sent) if q.kind == "percent" else None
        lower, listed = self.lower, self._listed
        if (
            (
                listed("hedges", clause[0], q.start)
                and not _SHRANK_TO.search(lower, max(clause[0], q.start - 6), q.start)
            )
            or (
                listed("sentence_hedges", sent.start, q.start) and not self._forecast_compared_before(q, sent)
            )
            or (q.kind != "percent" and listed("rate_short", clause[0], q.start))
            or (compared is None and self._is_difference(q, clause))
            or (q.kind == "currency" and self._is_conversion(q))
            or _NO_FACT_AFTER.match(lower, q.end, clause[1])
            or (q.kind == "percent" and _TICKER_QUOTE.search(self.t, max(0, q.start - 10), q.start))
        ):
            return None
        if compared is not None:
            mm, metric, sign = compared
        elif tab is not None:
            mm = tab["metric"]
            metric, sign = mm.key, _ONE
        else:
            found = (
                self._listing_bracket_metric(q)
                or (self._listed_metrics().get(q.start) if q.kind != "percent" else None)
                or self._metric_for(q, clause, sent)
                or (self._listed_growth_word(q) if q.kind == "percent" else None)
                or self._sourced_item_metric(q, sent)
            )
            if found is None:
                return None
            mm = found
            metric, sign = mm.key, _ONE
        rule = ["clause" if clause[0] <= mm.start < clause[1] else "sentence"]
        if mm.word == _LISTING:
            rule.append("listing")  # (a price or market value in a listing's brackets: the article's day)
        return _Figure(q, si, sent, clause, lower[clause[0] : clause[1]], tab, mm, metric, sign, rule)

    def _listing_bracket_metric(self, q: Quantity) -> _Mention | None:
        """In the brackets a broker's note writes after a company, its stock code, share
        price and market value ("BYD (1211.HK, HK$99.20, HK$904bn)"): the price after the
        code is the share price, the sum after the price the market value; else None."""
        if q.kind != "currency":
            return None
        m = _LISTING_BRACKET.search(self.lower, max(0, q.start - 40), q.start)
        if m is None:
            return None
        return _Mention(m.start(), m.start(), "market_cap" if m.group("price") else "share_price", _LISTING)

    def _sourced_item_metric(self, q: Quantity, sent) -> _Mention | None:
        """The metric word of the first figure of a breakdown by source that a bare ``q``
        continues ("423,558 units from the Ocean series, 37,405 from FCB, 13,255 from
        Denza"): each item a figure and "from" a name; else None."""
        if q.kind is not None or not _FROM_NAME.match(self.lower, q.end):
            return None
        prev = self._last_in(self.quantities, sent.start, q.start)
        if prev is None or not _SOURCED_ITEM_GAP.fullmatch(self.lower, prev.end, q.start):
            return None
        first = prev
        while (p := self._last_in(self.quantities, sent.start, first.start)) is not None and (
            _SOURCED_ITEM_GAP.fullmatch(self.lower, p.end, first.start)
        ):
            first = p
        return self._metric_for(first, sent.clause_of(first.start), sent)

    def _a_loss(self, fig: _Figure) -> bool:
        """Whether a money figure is a loss: after a loss word of its metric (净亏损3.8亿元, "a
        net loss of"), or a profit's after a minus (净利润为-25.38亿元) or said to be "a loss
        of" it ("net profit … was a loss of 2.538 billion yuan")."""
        q = fig.q
        return fig.mm.word in self.lex.metrics[fig.metric].negative or (
            fig.metric == "net_profit"
            and (
                _minus_before(self.t, q.start)
                or _LOSS_BEFORE.search(self.lower, max(0, q.start - 40), q.start) is not None
            )
        )

    def _refine_metric(self, fig: _Figure) -> bool:
        """Settle a figure's metric: a growth or a return, a loss as a negative profit, a
        delivery count in a plan as a target; then its ``base_metric``. False when it
        states no fact (a change on the quarter before, a forecast's change or sum)."""
        q, clause = fig.q, fig.clause
        if fig.metric in ("growth", "share_return"):
            fig.metric, fig.sign = self._growth_or_return(q, fig.mm, clause, fig.sent)
            fig.metric = self._listed_change(q, fig.metric)
            if fig.metric == "qoq":
                return False
            if fig.metric != "share_return":
                self._growth_of[fig.si] = fig.metric
        elif q.kind == "currency" and self._a_loss(fig):
            fig.sign = Decimal(-1)
        elif fig.metric in ("sales", "deliveries") and _ABROAD_RIGHT_AFTER.match(self.lower, q.end):
            fig.metric = "exports"  # "sold 301,903 vehicles, including 30,629 units overseas"
        # a delivery count in a plan is a target; a plan (or a forecast) of another count is
        # a target no metric holds ("the CPCA expects wholesale … to be at around 700,000")
        if (
            fig.metric in _PLANNED_COUNTS
            # (a running total is planned only with a target word right after it:
            # 累计交付新车100,000辆的目标)
            and (
                not _CUMULATIVE_WORDS.search(fig.ctext) or _TARGET_AFTER.match(self.lower[q.end : q.end + 32])
            )
            and self._in_plan(q, clause, fig.sent)
        ):
            if fig.metric not in ("deliveries", "sales"):
                self._skip(q, fig.metric, "a plan or forecast of a count no target holds")
                return False
            fig.metric = "delivery_target"
            fig.rule.append("plan")
        if fig.metric == "delivery_target" and (
            base := _PAST_BASE_BEFORE.search(self.lower, max(0, q.start - 40), q.start)
        ):
            # 100万辆的目标要比2025年的59.7万辆增长67.5%: the past year's sales (or its deliveries:
            # "growth from its 2025 deliveries of 429,445 vehicles")
            fig.metric = "deliveries" if "deliveries" in base.group() else "sales"
            fig.rule.append("target_base")
        metric = fig.metric
        if metric == "delivery_target" and self._export_target(q, fig.sent):
            self._skip(q, metric, "an export target, which no metric holds")
            return False
        if (
            (metric.endswith(_CHANGES) or q.kind == "currency")
            and metric not in ("share_price", "market_cap", "vehicle_price")
            and (self._forecast_before(fig) or self._forecast_carried(q, fig.sent))
        ):
            return False  # 预计…收入按年减少40.1%: a forecast's change or sum states no fact
        if self._not_the_close(fig):
            return False
        if metric.startswith("unheld_money") and self._operating_income_in_yuan(fig):
            metric = fig.metric = "revenue" + metric[len("unheld_money") :]
            fig.rule.append("operating_income")
        fig.base_metric = metric.rsplit("_", 1)[0] if metric.endswith(_CHANGES) else metric
        if fig.base_metric.startswith("unheld_") or fig.base_metric == "rd_spend":
            # (R&D spending is a cost: its words are kept, so that no other metric takes it)
            self._skip(q, metric, "a figure no metric holds (a cost, R&D, cash, a dividend, staff …)")
            return False
        return not self._implausible(q, metric)

    def _listed_change(self, q: Quantity, metric: str) -> str:
        """For a change ``q`` read as ``metric`` in a list paired with listed metrics
        (:meth:`_listed_metrics`: 同比分别增长26.12%、-15.06%、7.98% after 营收、归母净利润、扣非净利润
        分别为…), the change of its own metric, of the kind of the list's first item (环比+8.43%、
        -44.22%: both on the quarter before); else ``metric``."""
        listed = self._listed_metrics().get(q.start)
        if listed is None:
            return metric
        later = self._listed_later.get(q.start)
        kind = self._run_growth.get(later[0]) if later is not None else None
        if kind is None:
            kind = metric if metric == "qoq" else metric[metric.rfind("_") :]
            self._run_growth[q.start] = kind
        if kind in ("_yoy", "_mom"):
            return listed.key + kind
        return kind if kind == "qoq" else metric

    def _implausible(self, q: Quantity, metric: str) -> bool:
        """Whether a figure cannot be the company's ``metric``: a share "doubled" (股价翻倍,
        over a span the text seldom names), or a revenue or profit too small for a company
        (one per car: 每辆亏损从2024年的4.5万元压缩至6500元, "6,322 yuan per car")."""
        if metric in ("share_return", "index_return") and q.kind == "percent":
            return DOUBLED.fullmatch(self.t, q.start, q.end) is not None
        if metric in ("revenue", "net_profit") and abs(q.value) < _LEAST_COMPANY_SUM:
            self._skip(q, metric, "a sum too small for a company's revenue or profit (one per car)")
            return True
        return False

    def _not_the_close(self, fig: _Figure) -> bool:
        """Whether a share's move or level is not the day's close: listed after a lead about
        trading under way ("EV makers rose in morning trading. Leapmotor rose 8%"), or with a
        word of a session under way in its sentence ("down 9 percent in pre-market", 截至发稿)."""
        metric, q, sent = fig.metric, fig.q, fig.sent
        if metric in ("share_return", "share_price", "index_return") and self._intraday_lead(sent):
            return True
        if metric not in ("share_return", "share_price", "market_cap", "index_return", "index_level"):
            return False
        # (a session word before the close named: "开盘后…一度超过14%,截至收盘,股价涨13%")
        close = _last_match(_CLOSE_NAMED, self.lower, sent.start, q.start)
        return self._listed(
            "session_hedges", close.end() if close else sent.start, min(fig.clause[1], q.end + 40)
        )

    def _forecast_before(self, fig: _Figure) -> bool:
        """Whether a forecast word stands before ``fig`` in its statement (see
        :meth:`_statement_start`): one an outcome is compared with (纯利78.2亿元，逊预期的
        96.2亿元，扣非纯利68.9亿元) governs only the expected figure right after it."""
        lo = self._statement_start(fig)
        if not self._listed("forecast", lo, fig.q.start):
            return False
        return any(
            not _VS_EXPECTED.search(self.lower, max(lo, m.start() - 4), m.start())
            or not self.quantities_between(m.end(), fig.q.start)
            for m in self.lex.word_res["forecast"].finditer(self.lower, lo, fig.q.start)
        )

    def _statement_start(self, fig: _Figure) -> int:
        """Where the statement ``fig`` is in starts: after the last word of reporting before
        it in its sentence ("料首季收入增最多1.4倍* 小鹏汽车公布,…亏损收窄至57.9亿元": the
        forecast is not the report's), else at the sentence's start."""
        lo = fig.sent.start
        for m in _REPORTED_WORD.finditer(self.lower, lo, fig.q.start):
            lo = m.end()
        return lo

    def _operating_income_in_yuan(self, fig: _Figure) -> bool:
        """Whether a figure is of "operating income" said of a sum in yuan, in a clause naming
        no loss: the English of 营业收入, a Chinese company's revenue ("achieved an operating
        income of 42.166 billion yuan, a year-on-year decrease of 7.95%"), not an operating
        profit ("an operating income of RMB285 million, compared to previous losses"; "an
        adjusted operating loss of 912.5 million yuan, compared with adjusted operating income
        of 4.5 billion yuan": an adjusted figure is no revenue)."""
        b = fig.clause[1]
        named = [m for m in self._in(self.metrics, fig.sent.start, fig.q.start) if m.key == "unheld_money"]
        return (
            bool(named)
            and named[-1].word == "operating income"
            and not self.lower.endswith("adjusted ", max(0, named[-1].start - 9), named[-1].start)
            and any(x.unit == "CNY" for x in self._in(self.quantities, named[-1].end, max(b, fig.q.end)))
            and not _LOSS_WORD.search(self.lower, fig.sent.start, min(fig.sent.end, max(b, fig.q.end + 40)))
        )

    def _export_target(self, q: Quantity, sent) -> bool:
        """Whether a target is one for sales abroad: an export word follows ``q`` ("1.3 million
        vehicles in overseas shipments"), or the last sales or target word before it in its
        sentence is one of exports, or has an export word just before it ("向中国大陆以外的地区
        销售130万辆", "annual export target of 800,000 units")."""
        if _EXPORT_AFTER.match(self.lower, q.end, sent.end):
            return True  # "targeted 1.3 million vehicles in overseas shipments"
        keys = ("sales", "deliveries", "exports", "delivery_target")
        named = [m for m in self._in(self.metrics, sent.start, q.start) if m.key in keys]
        if not named:
            return False
        m = named[-1]
        return (
            m.key == "exports"
            or _EXPORT_WORD.search(self.lower, max(sent.start, m.start - 16), m.start) is not None
        )

    def _figure_entity(self, fig: _Figure, paired: dict[int, dict]) -> str | None:
        """The entity a figure is of: the one a list or a table pairs with it, else the one
        named around it (:meth:`_mentioned_entity`). None when there is none it can be of,
        or the figure is a segment of a maker's figure. An index's return or price becomes
        ``index_return`` or ``index_level``."""
        q, lex = fig.q, self.lex
        fig.pe = paired.get(q.start) or fig.tab or _NOTHING_PAIRED
        if fig.tab is not None:
            fig.rule.append("table")
        ent_slug = fig.pe.get("entity")
        if ent_slug is None:
            ent_slug = self._mentioned_entity(fig)
            if ent_slug is None:
                return None
        elif fig.tab is None:
            fig.rule.append("respectively")
        if _GROUP_BEFORE.search(self.lower, fig.clause[0], q.start):
            # "Firefly delivered 2,657 units, … while total group deliveries rose to 20,797": the group's
            ent_slug = lex.entities[ent_slug].parent or ent_slug
        ekind = lex.entities[ent_slug].kind
        if ekind in ("company", "aggregate") and self._is_segment(fig, ent_slug):
            # "474,921 passenger vehicles", "plug-in hybrid sales of 176,875": one
            # segment of the maker's figure, not its total; so is the change of one
            # ("14,706 commercial vehicles …, a 688.5% leap")
            self._skip(q, fig.metric, "a segment of the maker's figure (passenger cars, BEV, PHEV)")
            return None
        if fig.metric == "share_return" and ekind == "index":
            fig.metric = "index_return"
        if fig.metric == "share_price" and ekind == "index":
            fig.metric = "index_level"
        metric = fig.metric
        if not self._entity_ok(
            ent_slug, metric if not metric.endswith(_CHANGES) or ekind == "aggregate" else "deliveries"
        ):
            return None
        return ent_slug

    def _subordinate_start(self, sent, q: Quantity) -> int:
        """Where the clause of ``q`` starts, or the English clause a subordinating word opens
        before it in that clause ("…, as NEV penetration craters to 44%")."""
        lo = sent.clause_of(q.start)[0]
        return max((m.end() for m in _EN_CLAUSE_WORD.finditer(self.lower, lo, q.start)), default=lo)

    def _maker_before(self, lo: int, q: Quantity) -> bool:
        """Whether a company of the gazetteer is named in ``[lo, q.start)``."""
        return any(self.lex.entities[e.key].kind == "company" for e in self._in(self.entities, lo, q.start))

    def _penetration_holder(self, q: Quantity, sent, em: _Mention | None) -> _Mention | None:
        """The holder of an NEV penetration ``q``: the whole market where no name claims it or
        the NEV market is named as its subject (which holds no share of itself), unless a maker
        is named before it (its own share of NEVs, "吉利…新能源渗透率58%"), or where it is said
        of China and no maker stands before it in its own clause; else ``em``."""
        if (em is None or (em.key == "?" and em.word == _MARKET)) and not self._maker_before(sent.start, q):
            return _Mention(q.start, q.start, _WHOLE_MARKET, "")
        if (
            _IN_CHINA_AFTER.match(self.lower, q.end)
            and (em is None or em.end <= q.start)
            and not self._maker_before(self._subordinate_start(sent, q), q)
        ):
            # ("Geely dethroned BYD in January sales as NEV penetration craters to 44% in China":
            # the country's, the makers named in another clause)
            return _Mention(q.start, q.start, _WHOLE_MARKET, "")
        return em

    def _mentioned_entity(self, fig: _Figure) -> str | None:
        """The entity named around a figure (:meth:`_entity_for`), or the maker for a group's
        figure, a model's target or a plant's capacity, or the model a maker's count names
        right after it. None when none is in reach or the name is not in the gazetteer."""
        q, clause, sent, metric = fig.q, fig.clause, fig.sent, fig.metric
        lex = self.lex
        em = self._entity_for(q, _entity_metric(metric, fig.base_metric), clause, sent, fig.si)
        if em is None and metric == "share_return":
            em = self._entity_for(q, "index_return", clause, sent, fig.si)
        if metric == "nev_penetration":
            em = self._penetration_holder(q, sent, em)
        if em is None:
            return None
        if em.key == "?":
            why = "the market is its subject" if em.word == _MARKET else f"{em.word} is not in the gazetteer"
            self._skip(q, metric, f"no entity: {why}")
            return None
        ent_slug = em.key
        if em.end <= q.start and self._sum_of_listed(em, fig):
            holder = self._holder_of_list(em, fig)
            if holder is None:
                self._skip(q, metric, "a sum over several makers")
                return None
            ent_slug = holder  # 極氪集團旗下極氪及領克品牌交付合共4.13萬輛: the group's
        parent = lex.entities[ent_slug].parent
        if (
            parent
            and lex.entities[ent_slug].kind == "company"
            and self._listed("entity_group", clause[0], clause[1])
        ):
            ent_slug = parent  # "across all three brands": the maker's, not a sub-brand's
        elif (
            parent
            and em.end <= sent.start
            and self._listed("entity_group_ref", sent.start, q.start)
            and any(e.key == parent for e in self._in(self.entities, 0, q.start))
        ):
            ent_slug = parent  # "Geely Holding Group … Geely's … The group's overall sales"
        if (
            parent
            and lex.entities[ent_slug].kind == "model"
            and em.end <= q.start
            and self._makers_whole(em, q)
        ):
            return parent
        if (
            parent
            and lex.entities[ent_slug].kind == "model"
            and (metric == "delivery_target" or (metric == "capacity" and em.end <= sent.start))
        ):
            # a year's target is the maker's; so is a plant's capacity after a
            # sentence on one model
            ent_slug = parent
        # "小米交付 SU7 …": a maker's figure followed by one of its models is the model's
        # (not a share's move: "its shares rose 120% as the SU7 won buyers")
        if em.end <= q.start and lex.metric_kind.get(fig.base_metric) == "count":
            return self._model_after(fig, ent_slug)
        return ent_slug

    def _makers_whole(self, em: _Mention, q: Quantity) -> bool:
        """Whether a count after a model's name ``em`` is its maker's whole, not the model's:
        "销售39,149辆T03,带动整体电动车销量…至43,748辆", "the Mona M03 … commanding 40.53% of
        its 36,728 total"."""
        lower = self.lower
        return bool(_WHOLE_BEFORE.search(lower, em.end, q.start)) or (
            lower.endswith(" of its ", 0, q.start) and _TOTAL_AFTER.match(lower, q.end) is not None
        )

    def _sum_of_listed(self, em: _Mention, fig: _Figure) -> bool:
        """Whether ``em`` ends a list of companies whose figure, right after, is their sum
        ("智界、尊界、享界和尚界四家总销量为17,899辆", "BYD and Geely combined sold …")."""
        if self.lex.entities[em.key].kind != "company":
            return False
        if not _SUM_WORD.search(self.lower, em.end, fig.q.start):
            return False
        ents = self._entities_fitting(_entity_metric(fig.metric, fig.base_metric))
        return len(self._model_list(em, ents, fig.sent.start, None)) > 1

    def _holder_of_list(self, em: _Mention, fig: _Figure) -> str | None:
        """The group named right before a list of its brands ending at ``em`` (极氪集团旗下
        极氪及领克品牌, "Geely's brands Geely, Lynk & Co and Zeekr"), whose sum the figure
        is; else None."""
        ents = self._entities_fitting(_entity_metric(fig.metric, fig.base_metric))
        first = em
        for _ in range(12):
            prev = self._last_in(ents, fig.sent.start, first.start)
            if prev is None or not _LIST_JOIN.match(self.t[prev.end : first.start]):
                break
            first = prev
        group = self._last_in(self.entities, fig.sent.start, first.start)
        if group is None or not _BRANDS_OF.fullmatch(self.lower, group.end, first.start):
            return None
        return group.key if self.lex.entities[group.key].kind == "company" else None

    def _model_after(self, fig: _Figure, slug: str) -> str:
        """For a company's figure, the model of it named right after the figure in its
        clause (within 30 characters, no comma between), or a brand of it with its cars
        ("18,393 premium Nio EVs, 11,794 ONVO family models"); else ``slug`` itself."""
        lex, q = self.lex, fig.q
        if lex.entities[slug].kind != "company":
            return slug
        brand = self._brand_right_after(q)
        if brand is not None and lex.entities[brand.key].parent in (slug, lex.entities[slug].parent or slug):
            return brand.key  # (its own brand, or a sibling of the brand named before)
        follow = [
            e
            for e in self._in(self.entities, q.end, fig.clause[1])
            if lex.entities[e.key].parent == slug and lex.entities[e.key].kind == "model"
        ]
        if follow and _NO_COMMA_30.match(self.t[q.end : follow[0].start]):
            return follow[0].key
        return slug

    def _is_segment(self, fig: _Figure, entity: str) -> bool:
        """Whether a company's count (or the change of one) is one segment of the maker's
        figure (:meth:`_segment`), not its total; for a maker that sells fuel cars too
        (``ice_makers`` in the lexicon), its NEVs are one."""
        q, change = fig.q, fig.base_metric != fig.metric
        if not (q.kind in ("count", None, "currency") or change):
            return False
        if self.lex.entities[entity].kind == "aggregate":
            # the passenger-car market: its own words (乘用车) name it; its NEVs or fuel cars,
            # named after it, are a segment ("其中新能源775万辆", "燃油出口279万辆")
            m = self._last_in(self.unknown, fig.sent.start, q.start)
            return self._word_within("segment_market", m.end if m is not None else fig.sent.start, q.start)
        if self._vehicle_sales_money(q, fig.clause):
            return True  # "vehicle sales grew 42% YoY to RMB14.4 billion": a part of revenue
        if q.kind == "currency" and _ABROAD_MONEY_AFTER.match(self.lower, q.end):
            return True  # "including 221.9 billion yuan from overseas markets": the revenue earned abroad
        namesake = entity in self.lex.namesake_groups and self._sibling_brand(entity, fig.sent)
        if namesake and self._namesake_brand(q, fig.clause):
            return True  # 其中蔚来品牌交付3.69万台: the NIO brand's, one of NIO Inc.'s brands
        if self._found(_BOTH_KINDS, _BOTH_KINDS_LEAD_WIDTH, fig.sent.start, fig.sent.end, _BOTH_KINDS_LEAD):
            return False  # "2.79 million units of passenger cars and commercial vehicles": the total
        ice = entity in self.lex.ice_makers
        if ice and (
            self._segment(q, fig.clause, "segment_nev") or self._segment_subject(q, fig.sent, "segment_nev")
        ):
            return True  # 吉利新能源汽车销量为…: one segment of Geely's sales
        if not ice and self._found(
            _BOTH_POWERTRAINS,
            _BOTH_POWERTRAINS_LEAD_WIDTH,
            fig.sent.start,
            fig.sent.end,
            _BOTH_POWERTRAINS_LEAD,
        ):
            return False  # 纯电动和插电式混合动力汽车, "BEVs and PHEVs": the total
        if self._segment(q, fig.clause):
            return True
        if self._exports_after_segment(fig):
            return False
        if self._segment_after_of_which(q, fig.sent):
            return True  # 其中纯电车型12月销量190,712辆，全年累计2,256,714辆: the rest of the sentence
        if self._segment_subject(q, fig.sent):
            return True  # 纯电动汽车12月销量19.07万辆，…，但全年销量达到225.47万辆
        f = self._last_figure_before(q, fig.sent) if change else None
        while f is not None and f.kind == "currency" and self._is_conversion(f):
            f = self._last_figure_before(f, fig.sent)  # (not "(US$2.54 billion)" after the sum)
        if f is None or f.kind == "percent" or self._count_named(f.end, q.start):
            return False  # (a count named between: "… to 890,000 and exports 53 percent to 400,000")
        fc = fig.sent.clause_of(
            f.start
        )  # the change of a segment's figure ("NEVs accounting for 91,590 units – a 55.4% increase")
        return (
            self._segment(f, fc)
            or self._vehicle_sales_money(f, fc)  # "vehicle sales reached RMB 17.476 billion, up 13.2%"
            or self._segment_subject(f, fig.sent)
            or (ice and self._segment(f, fc, "segment_nev"))
            or (namesake and self._namesake_brand(f, fc))
        )

    def _vehicle_sales_money(self, q: Quantity, clause) -> bool:
        """Whether ``q`` is a sum, or its change, said of "vehicle sales" in its clause
        ("vehicle sales grew 42% YoY to RMB14.4 billion"): the revenue from selling cars,
        one segment of a maker's revenue."""
        m = _last_match(_VEHICLE_SALES, self.lower, clause[0], q.start)
        if m is None:
            return False
        figures = self._in(self.quantities, m.end(), clause[1])
        return any(x.kind == "currency" for x in figures) and not any(x.kind == "count" for x in figures)

    def _exports_after_segment(self, fig: _Figure) -> bool:
        """Whether ``fig`` is exports in a clause of its own exports word after a clause of
        figures (其中,国内销售车辆为39,881辆,出口车辆为31,566辆): the other part of the whole,
        not the segment named before."""
        return (
            fig.metric == "exports"
            and fig.clause[0] <= fig.mm.start < fig.q.start
            and bool(self._in(self.quantities, fig.sent.start, fig.clause[0]))
        )

    def _segment_after_of_which(self, q: Quantity, sent) -> bool:
        """Whether a segment word follows the last 其中 ("of which") before ``q`` in its
        sentence, within 8 characters: the rest of the sentence is the segment's."""
        k = self.lower.rfind("其中", sent.start, q.start)
        return k >= 0 and self._word_within("segment", k + 2, min(k + 10, q.start))

    def _sibling_brand(self, group: str, sent) -> bool:
        """Whether ``sent``, the sentence after it or the paragraph before names another brand of ``group`` (乐道,
        "Onvo"): only then is the group's namesake brand one of several (in 2020 the NIO
        brand was NIO Inc.'s whole)."""
        ents = self.lex.entities
        si = self._sentence_of(sent.start)
        hi = self.sentences.ends[si + 1] if 0 <= si < len(self.sentences) - 1 else sent.end
        # (or a sentence of the paragraph before names one: "Despite Firefly's positioning …"
        # then "At the group level, … Within this, the main Nio brand delivered 15,159 units")
        lo = self._para_start(max(0, sent.para - 1))
        return any(
            e.key in ents and ents[e.key].kind == "company" and ents[e.key].parent == group
            for e in self._in(self.entities, min(lo, sent.start), max(hi, sent.end))
        )

    def _namesake_brand(self, q: Quantity, clause) -> bool:
        """Whether ``q`` is the figure of a group's namesake brand: a word of the lexicon's
        list ``segment_namesake`` before it in its clause with no figure between
        (蔚来品牌交付3.69万台), or after it within 80 characters of its clause with none
        between ("31,897 under its NIO brand")."""
        starts, ends = self._words("segment_namesake")
        k = bisect_right(ends, q.start) - 1
        if k >= 0 and starts[k] >= clause[0] and not self.quantities_between(ends[k], q.start):
            return True
        k = bisect_left(starts, q.end)
        return (
            k < len(starts)
            and ends[k] <= min(clause[1], q.end + 80)
            and not self.quantities_between(q.end, starts[k])
        )

    def _intraday_lead(self, sent) -> bool:
        """Whether the moves of ``sent`` follow a lead naming intraday trading: the last
        sentence before it in its run of lines that holds no figure (within twelve, rule lines
        passed over) speaks of the morning or of trading under way (``早盘``, "in morning
        trading", a table's ``现价`` column)."""
        si = self._sentence_of(sent.start)
        for k in range(si - 1, max(-1, si - 13), -1):
            prev = self.sentences[k]
            if prev.para != sent.para and "\n\n" in self.t[prev.end : sent.start]:
                return False  # (a table's lines are paragraphs of their own, with no blank line)
            if not _WORD_CHAR.search(self.t, prev.start, prev.end):
                continue  # a table's rule line ("=====", "-----")
            if self._first_in(self.quantities, prev.start, prev.end) is None:
                return self._listed("intraday", prev.start, prev.end)
        return False

    def _year_scope(self, q: Quantity, clause, pm: PeriodMention, sent_start: int) -> PeriodMention:
        """``pm``, a month or quarter, widened by a scope word next to the figure: the whole
        year ("for the entire year", ``年度交付规模``), or the year so far through a month
        reported ("bringing its total for the year to 168,000"). A change first in its
        clause is read with the figure before it ("Full-year deliveries reached 221,970
        vehicles, up 38.7%")."""
        prev = self._last_in(self.quantities, max(sent_start, q.start - 40), q.start)
        if q.kind == "percent" and prev is not None and prev.kind != "percent":
            # (the scope of the count or sum a change is the change of)
            floor = max(sent_start, prev.start - 40)
            before = self._last_in(self.quantities, floor, prev.start)
            lo = before.end if before is not None else floor
        else:
            prev = prev if prev is not None and prev.start >= clause[0] else None
            lo = prev.end if prev is not None else max(clause[0], q.start - 40)
        nxt = self._first_in(self.quantities, q.end, min(clause[1], q.end + 40))
        hi = nxt.start if nxt is not None else min(clause[1], q.end + 40)
        y = pm.period[:4]
        if _YEAR_SCOPE.search(self.lower, lo, hi):
            return pm._replace(period=y, kind="year", months=())
        if pm.kind == "month" and _YTD_SCOPE.search(self.lower, lo, hi):
            if pm.period[5:7] == "12":  # through December: the year
                return pm._replace(period=y, kind="year", months=())
            text, months = year_to_month(int(y), int(pm.period[5:7]))
            return pm._replace(period=text, kind="range", months=months)
        return pm

    def _skip(self, q: Quantity, metric: str, reason: str) -> None:
        """List a figure read but not emitted, and why, in :attr:`skipped`."""
        span = self.norm.span(q.start, q.end)
        self.skipped.append(Skipped(span[0], span[1], self.text[span[0] : span[1]], metric, reason))

    def _dayless(self, fig: _Figure) -> bool:
        """Whether a figure is no single day's: a company's revenue, profit, deliveries or
        sales over a period, or their changes (no one reports a day's revenue or growth);
        a count said to be a running total may be a day's (5月27日累计交付超25.8万辆)."""
        if fig.base_metric not in _DAYLESS:
            return False
        return fig.q.kind in ("currency", "percent") or not (
            self.lex.word_res["cumulative"].search(fig.ctext)
            or _SINCE_AN_EVENT.search(self.t, fig.sent.start, fig.q.start)
        )

    def _figure_time(self, fig: _Figure) -> PeriodMention | None:
        """The time a figure goes with (:meth:`_period_for`, or what a list pairs with it);
        none for a price or value in a listing's brackets (the article's day)."""
        if "listing" in fig.rule:
            return None
        lex = self.lex
        pm = fig.pe.get("period") or self._period_for(
            fig.q,
            fig.clause,
            fig.sent,
            # (a running total, "orders for the YU7 since the model's launch", is no flow of
            # the span the paragraph before names: with no time of its own, the article's day)
            flow=bool(lex.metrics.get(fig.base_metric) and lex.metrics[fig.base_metric].flow)
            and not lex.word_res["cumulative"].search(fig.ctext),
            move=fig.metric in ("share_return", "index_return"),
            plan=fig.metric == "delivery_target",
            dayless=self._dayless(fig),
        )
        if pm is None and fig.metric in ("share_price", "market_cap"):
            pm = self._bare_close_day(fig.sent, fig.q)  # (美股24日收报40.95美元: that day's close)
        if pm is None:
            pm = self._highlight_time(fig) or self._annual_goal_year(fig)
        pm = self._run_started(fig) if pm is None else self._period_said(fig, pm)
        if (
            pm is not None
            and pm.kind in ("month", "quarter")
            and not fig.pe.get("period")
            and fig.metric != "delivery_target"
        ):
            pm = self._year_scope(fig.q, fig.clause, pm, fig.sent.start)
        return pm

    def _annual_goal_year(self, fig: _Figure) -> PeriodMention | None:
        """For a goal of a year's count naming no year (我们将挑战年交付80万辆, 目标是年销量100万辆):
        the year the article is dated in; else None."""
        if (
            fig.metric != "delivery_target"
            or self.published is None
            or fig.mm.start > fig.q.start  # (not 曾经定下的550万辆年目标, a goal of some year)
            or not self.lower.endswith("年", 0, fig.mm.start)
        ):
            return None
        return PeriodMention(fig.mm.start - 1, fig.mm.start, str(self.published.year), "year")

    def _highlight_time(self, fig: _Figure) -> PeriodMention | None:
        """For a release's highlight before any time is named ("Quarterly total revenues
        reached RMB44.3 billion" over "… results for the quarter and full year ended December
        31, 2024. Operating Highlights for the Fourth Quarter of 2024"): the first quarter
        named after it (for "Quarterly"), or the first year ("Full year"), within 1,500
        characters; else None."""
        sent, lower = fig.sent, self.lower
        head = _HIGHLIGHT_SPAN.match(lower, sent.start)
        if head is None or self._first_in(self.periods, 0, sent.start) is not None:
            return None
        kind = "quarter" if head.group("q") else "year"
        return next((p for p in self._in(self.periods, sent.end, sent.end + 1500) if p.kind == kind), None)

    def _figure_reading(self, fig: _Figure) -> _Reading | None:
        """A figure's bound, unit, whether it is cumulative and the periods it is for; None
        for a vague level, or for a figure with no time it can be of."""
        q, lex = fig.q, self.lex
        pm = self._figure_time(fig)
        fig.rule.append(self._time_source(fig, pm))
        if pm is not None and self._last_full_year(fig, pm):
            pm = pm._replace(period=str(int(pm.period) - 1))
            fig.rule.append("last_full_year")
        # growth over a whole year can only be against the year before
        if pm is not None and pm.kind == "year" and fig.metric.endswith("_growth"):
            fig.metric = fig.metric[: -len("_growth")] + "_yoy"
            fig.rule.append("year_growth")
        bound, threshold = self._bound(q, fig.clause)
        if bound == "vague":
            return None
        if (
            fig.metric == "delivery_target"
            and bound in ("gt", "ge")
            and _OWN_GOAL_AFTER.match(self.lower, q.end)
        ):
            bound = "eq"  # (远超35万台的年度目标: the goal is 35万, the count passed it)
        if bound == "eq" and "bound" in fig.pe:
            bound = fig.pe["bound"]
        if threshold:
            fig.rule.append("threshold")
        mdef = lex.metrics.get(fig.metric) or lex.metrics.get(fig.base_metric)
        unit = self._unit(fig, mdef)
        cumulative = lex.word_res["cumulative"].search(fig.ctext) is not None and (mdef is None or mdef.flow)
        found = self._periods(fig, pm, mdef, cumulative)
        if found is None:
            return None
        periods, cumulative = found
        if (
            fig.metric.endswith("_yoy")
            and len(periods) == 1
            and self._against_month_before(q, fig.clause, periods[0])
        ):
            fig.metric = fig.metric[: -len("_yoy")] + "_mom"  # "up 46.7% from 25,287 in February" (of March)
        # "from 447,950 a year earlier": the figure of the same period a year before
        if q.kind != "percent" and (
            _A_YEAR_EARLIER.match(self.lower, q.end, fig.clause[1])
            or _A_YEAR_EARLIER_ZH.search(self.lower, max(fig.clause[0], q.start - 8), q.start)
            or _A_YEAR_EARLIER_BRACKET.search(self.lower, max(fig.sent.start, q.start - 30), q.start)
        ):
            periods = [_YEAR.sub(lambda m: str(int(m.group()) - 1), p) for p in periods]
            fig.rule.append("year_earlier")
        elif (
            q.kind != "percent"
            and len(periods) == 1
            and (
                _A_MONTH_EARLIER.match(self.lower, q.end, fig.clause[1])
                or _A_MONTH_EARLIERS.search(self.lower, max(fig.clause[0], q.start - 60), q.start)
            )
        ):
            periods = self._month_earlier(fig, periods)
        if fig.metric in ("share_return", "index_return") and len(periods) == 1:
            periods = self._return_span(fig, pm, periods)
        return _Reading(bound, unit, cumulative, periods)

    def _time_source(self, fig: _Figure, pm: PeriodMention | None) -> str:
        """Where the time a figure takes was named, told to the confidence model in its
        ``method``: ``time_clause`` (its clause), ``time_sentence`` (elsewhere in its
        sentence), ``time_paragraph`` (an earlier sentence of its paragraph),
        ``time_elsewhere`` (further back, or after its sentence) or ``time_unnamed`` (none:
        the article's day, or a time its rules supply)."""
        if pm is None or not 0 <= pm.start < len(self.lower):
            return "time_unnamed"
        if fig.clause[0] <= pm.start < fig.clause[1]:
            return "time_clause"
        if fig.sent.start <= pm.start < fig.sent.end:
            return "time_sentence"
        k = self._sentence_of(pm.start)
        if pm.start < fig.sent.start and k >= 0 and self.sentences[k].para == fig.sent.para:
            return "time_paragraph"
        return "time_elsewhere"

    def _month_earlier(self, fig: _Figure, periods: list[str]) -> list[str]:
        """A month's figure said of the month before ("from 30,063 units in the previous
        month"): that month; any other time as it is."""
        if not re.fullmatch(r"\d{4}-\d\d", periods[0]):
            return periods
        fig.rule.append("month_earlier")
        return [_month_shift(periods[0], -1)]

    def _return_span(self, fig: _Figure, pm: PeriodMention | None, periods: list[str]) -> list[str]:
        """The span a share's or index's return is over: over the year so far, to the
        article's date; from a month or day named to now (从去年5月至今), from its first day
        to the article's date; from a day named to the day it is read on (自9月25日至11月19日
        收盘, "from September 25 to November 19"), that range of days."""
        if self.published is not None and self._running_year(periods[0]):
            fig.rule.append("year_to_date")
            return [f"{self.published.year}-01-01..{self.published.isoformat()}"]
        if (
            pm is not None
            and pm.kind in ("month", "day")
            and self.published is not None
            and _FROM_DAY.search(self.lower, max(0, pm.start - 5), pm.start)
            and _TO_NOW.match(self.lower, pm.end)
        ):
            # 股价从去年5月至今下跌超过40%: from the month's first day to the article's
            fig.rule.append("to_date")
            return [f"{_period_of(pm.period).start.isoformat()}..{self.published.isoformat()}"]
        if pm is None or pm.kind != "day":
            return periods
        start = self._last_in(self.periods, fig.sent.start, pm.start)
        if (
            start is not None
            and start.kind == "day"
            and start.period < pm.period
            and _RANGE_JOIN.fullmatch(self.lower, start.end, pm.start)
            and _FROM_DAY.search(self.lower, max(0, start.start - 5), start.start)
        ):
            fig.rule.append("day_range")
            return [f"{start.period}..{pm.period}"]
        return periods

    def _unit(self, fig: _Figure, mdef: MetricDef | None) -> str | None:
        """The unit of a figure's facts: a vehicle or an order for a count of them, the
        metric's own for a bare number, else the unit written."""
        q, metric = fig.q, fig.metric
        if q.kind == "count":
            if metric in ("deliveries", "sales", "production", "capacity", "delivery_target"):
                return "vehicle"
            if metric in ("orders", "locked_orders", "backlog"):
                return "order"
            return mdef.unit if mdef and mdef.kind == "count" else q.unit
        if q.kind is None:
            return (mdef.unit if mdef is not None else None) or "vehicle"
        if q.unit == "CNY" and metric in ("share_price", "market_cap") and self._hong_kong_quote(q, fig.sent):
            return "HKD"  # 理想汽车(02015)现价跌1.7%，报68.95元: a Hong Kong quote (市值为2,400.66亿元 too)
        return q.unit

    def _hong_kong_quote(self, q: Quantity, sent) -> bool:
        """Whether a share price written in bare 元 (not 人民币, nor A股) is quoted in Hong
        Kong: the sentence, or the 200 characters before it, names an H share, the Hong
        Kong market or a five-digit Hong Kong code (``(02015)``)."""
        word = self.t[q.end - 1 : q.end + 1]
        if "元" not in word or _RMB_NEAR.search(self.t, max(0, q.start - 6), q.end + 3):
            return False
        lo = max(0, sent.start - 200)
        return _HK_MARKET.search(self.t, lo, sent.end) is not None and not _A_SHARE.search(
            self.t, sent.start, sent.end
        )

    def _periods(
        self, fig: _Figure, pm: PeriodMention | None, mdef: MetricDef | None, cumulative: bool
    ) -> tuple[list[str], bool] | None:
        """The periods a figure is for, from the time it goes with (``pm``), or for a level
        with none the article's date; and whether it is cumulative (a running total, a
        flow as of a day). None when it has no time."""
        metric = fig.metric
        if pm is None and metric == "delivery_target" and self.published and _ANNUAL.search(fig.ctext):
            # "raising its annual sales target to 580,000": a target for the article's year
            fig.rule.append("annual")
            return [str(self.published.year)], cumulative
        if pm is None:
            running = cumulative and metric in ("deliveries", "sales", "production")
            if (metric not in _DATED_LEVELS and not running) or not self.published:
                return None
            if self.stated_published is None and not self._day_named(self.published):
                # (a page that shows no date and names no day it could be of: the day a level,
                # a running total or a move was read on is not known, and a month the text is
                # guessed to be of is no such day)
                self._skip(
                    fig.q, metric, "a level, running total or move on a page with no date: no day to date it"
                )
                return None
            # a level, or a running total ("has more than 200,000 orders", 问界全系累计交付逾
            # 80万辆), as of the article's date
            fig.rule.append("dated")
            if metric in ("rd_spend", "investment", "orders", "locked_orders"):
                cumulative = True
            if metric in _MOVES_AND_LEVELS:
                return [self._market_day(fig.q).isoformat()], cumulative
            return [self.published.isoformat()], cumulative
        # (January to December of one year, 1-12月, is that year)
        periods = [
            m.group(1) if (m := _WHOLE_YEAR_RANGE.fullmatch(p)) else p for p in self._periods_of(fig, pm)
        ]
        if (
            pm.asof
            and mdef is not None
            and mdef.flow
            and pm.kind == "day"
            and metric not in ("share_return", "index_return")
        ):
            cumulative = True
        return periods, cumulative

    def _period_said(self, fig: _Figure, pm: PeriodMention) -> PeriodMention:
        """For a flow said to be quarterly and dated by a day ("Quarterly total revenues were
        RMB20.38 billion" after "as of September 30, 2025"), the quarter the day ends; for one
        said of the full year and dated by a year's last day, that year; for one said to be a
        quarter's and dated by a year (小鹏汽车单季度营收…, "Quarterly total revenues were"), the
        quarter of that year the article reports (:meth:`_part_reported`), and so for a month's
        (今年首度月销超过5万辆); else ``pm``."""
        mdef = self.lex.metrics.get(fig.base_metric)
        if mdef is None or not mdef.flow:
            return pm
        if pm.kind == "year" and not _WHOLE_YEAR_WORD.search(self.lower, fig.sent.start, fig.q.start):
            for said, kind in ((_QUARTERLY, "quarter"), (_MONTHLY, "month")):
                if (
                    said.search(self.lower, fig.sent.start, max(fig.q.start, fig.clause[1]))
                    or (kind == "quarter" and self._said_after(fig, said))
                ) and not _LEVEL_HELD.search(self.lower, fig.clause[0], fig.q.start):
                    return self._part_reported(pm.period, kind) or pm
        if pm.kind != "day":
            return pm
        d = date.fromisoformat(pm.period)
        lead = _HIGHLIGHT_SPAN.match(self.lower, fig.sent.start)
        if lead is not None and not lead.group("q") and (d.month, d.day) == (12, 31):
            # "Full year vehicle deliveries reached 141,601" after "as of December 31, 2023": that year
            return pm._replace(period=str(d.year), kind="year", asof=False)
        if _QUARTERLY.search(self.lower, fig.sent.start, fig.q.start):
            return pm._replace(period=f"{d.year}-Q{(d.month - 1) // 3 + 1}", kind="quarter", asof=False)
        if (
            pm.asof
            and fig.q.kind in ("currency", "percent")
            and d.day == calendar.monthrange(d.year, d.month)[1]
        ):
            # a sum as of a month's end (截至2024年9月30日,实现营业总收入5022.51亿元): the year so far
            return pm._replace(period=_year_through(d.year, d.month), kind="range", asof=False)
        return pm

    def _said_after(self, fig: _Figure, said: re.Pattern) -> bool:
        """Whether a later clause of the figure's sentence holding no figure of its own says
        it to be a quarter's, no count or sum standing between (``共交付新车116007辆,同比增长149.3%,
        创下单季度交付量历史新高``)."""
        m = said.search(self.lower, fig.clause[1], fig.sent.end)
        if m is None:
            return False
        a, b = fig.sent.clause_of(m.start())
        return not self._in(self.quantities, a, b) and not any(
            x.kind in ("count", "currency") for x in self._in(self.quantities, fig.q.end, a)
        )

    def _part_reported(self, year: str, kind: str) -> PeriodMention | None:
        """The quarter (or month: ``kind``) of ``year`` the article names most often, a plan's
        left out (of those named as often, the latest); None when it names none. Found once
        per year and kind (the times are counted over the whole text)."""
        found = self.__dict__.setdefault("_parts", {})
        if (year, kind) not in found:
            named = Counter(
                p.period
                for p in self.periods
                if p.kind == kind and p.period.startswith(year) and not self._planned_time(p)
            )
            best = max(named, key=lambda k: (named[k], k)) if named else None
            found[year, kind] = next((p for p in self.periods if p.period == best), None)
        return found[year, kind]

    def _run_started(self, fig: _Figure) -> PeriodMention | None:
        """The last month of a run of "n months in a row" whose first month is named as its
        start before the figure in its sentence (``从去年6月份开始,连续7个月超过了4万辆``,
        ``自6月起``, "since June, … for seven consecutive months"), else None; the months are
        then counted back from it."""
        n = self._months_in_a_row(fig)
        if not n:
            return None
        for pm in reversed(self._in(self.periods, fig.sent.start, fig.q.start)):
            if pm.kind == "month" and (
                (
                    _FROM_DAY.search(self.lower, max(0, pm.start - 6), pm.start)
                    and _RUN_START.match(self.lower, pm.end)
                )
                or self.lower.endswith("since ", 0, pm.start)
            ):
                y, m = divmod(int(pm.period[:4]) * 12 + int(pm.period[5:7]) - 1 + n - 1, 12)
                return pm._replace(period=f"{y:04d}-{m + 1:02d}")
        return None

    def _months_in_a_row(self, fig: _Figure) -> int:
        """How many months "n months in a row" in the figure's clause counts, or 0: none
        named, said of a record or a rank ("the seventh consecutive month of record sales"),
        or, for a change, said of a count after it ("an increase of 64.06% and maintaining a
        delivery volume exceeding 30,000 for two consecutive months")."""
        ctext = fig.ctext
        cm = _consecutive(ctext)
        if cm is None:
            # a run set off after the clause ("delivered over 20,000 vehicles in September, its
            # fifth straight month crossing the mark")
            # (not a change's: "fell by 30.1 per cent in January, the fifth straight month of decline")
            tail = None if fig.metric.endswith(_CHANGES) else _RUN_AFTER.match(self.lower, fig.clause[1])
            return _consecutive_n(tail) if tail is not None else 0
        if self.lex.word_res["run_of"].search(ctext, max(0, cm.start() - 24), cm.end() + 24):
            return 0
        at, q = fig.clause[0] + cm.start(), fig.q
        if fig.metric.endswith(_CHANGES) and at > q.end and self.quantities_between(q.end, at):
            return 0  # (the run of the count after the change)
        if fig.metric.endswith(_CHANGES) and ctext.startswith(" of", cm.end()):
            return 0  # ("down 40.72 percent, marking its third consecutive month of decline": the trend's)
        return _consecutive_n(cm)

    def _target_of_year(self, pm: PeriodMention, clause) -> bool:
        """Whether a target with time ``pm`` is for ``pm``'s year: a target is, unless its own
        clause names the month it is for ("本月交付量预计超过2.8万辆") or a single month's
        ("6月将开双班,计划单月交付保障1万辆"); a day names when it was set, and so does a month
        it was revised in (并于9月下调至460万辆)."""
        if pm.kind in ("day", "year"):
            return True
        return pm.kind == "month" and (
            (not clause[0] <= pm.start < clause[1] and "单月" not in self.lower[clause[0] : clause[1]])
            or _REVISED_AFTER.match(self.lower, pm.end) is not None
        )

    def _annual_target(self, fig: _Figure) -> bool:
        """Whether a target is said to be the year's right around its figure ("550萬輛年度目標",
        "its annual target of 5.5 million"), in its clause."""
        q, (lo, hi) = fig.q, fig.clause
        return _ANNUAL_TARGET.search(self.lower, max(lo, q.start - 28), min(hi, q.end + 10)) is not None

    def _each_month_of_range(self, fig: _Figure, pm: PeriodMention) -> bool:
        """Whether a figure is one of each month of the range ``pm`` (a word for "each" in
        its clause, or a month's figure named before a mark passed in its sentence:
        ``月销量冠军,7-8月破5万``;
        the range named in its own sentence, not carried from one before)."""
        return bool(
            pm.kind == "range"
            and pm.months
            and fig.metric not in _MOVES_AND_LEVELS
            and (
                self.lex.word_res["each"].search(fig.ctext)
                or (
                    _MONTHLY_FIGURE.search(self.lower, fig.sent.start, fig.q.start)
                    and _MARK_PASSED.search(self.lower, max(0, fig.q.start - 3), fig.q.start)
                )
            )
            and fig.sent.start <= pm.start < fig.sent.end
        )

    def _months_of_range(self, fig: _Figure, pm: PeriodMention) -> list[str]:
        """Each month of the range ``pm`` a figure is one of, or with a run of months stated
        ("sales through October …, above the 40,000 mark for a second month in a row") the
        months counted back from the range's last."""
        n = self._months_in_a_row(fig)
        if 0 < n < len(pm.months):
            fig.rule.append("consecutive")
            return _months_back(pm.months[-1], n)
        fig.rule.append("each_month")
        return list(pm.months)

    def _day_named(self, day: date) -> bool:
        """Whether the text names ``day`` (a dateline: ``6月1日``, "March 24, 2025"), or its
        day of the month alone in Chinese (``比亞迪1日港股盤後公告``)."""
        iso = day.isoformat()
        return any(p.kind == "day" and p.period == iso for p in self.periods) or (
            re.search(rf"(?<![\d.]){day.day}日", self.t) is not None
        )

    def _market_day(self, q: Quantity) -> date:
        """The day a market figure with no time named is for: the last trading session on
        or before the article's day (a Saturday's report of "the stock closed at 28.26
        dollars" is of Friday's close), on the calendar of the quote's currency (XHKG for
        HKD, XNYS for USD, XSHG for CNY; weekdays for any other)."""
        assert self.published is not None
        return _last_session(_QUOTE_CALENDAR.get(q.unit or ""), self.published)

    def _quarters_of_run(self, fig: _Figure, quarter: str) -> list[str]:
        """A mark passed for quarters in a row (``连续四个季度营收突破千亿元``): each quarter of
        the run, the last being ``quarter``; else none (a figure of more than two
        significant digits is one quarter's own, not a mark)."""
        m = _QUARTERS_IN_A_ROW.search(fig.ctext)
        if m is None or fig.metric in _MOVES_AND_LEVELS or len(fig.q.value.normalize().as_tuple().digits) > 2:
            return []
        fig.rule.append("consecutive_quarters")
        return _quarters_back(quarter, _consecutive_n(m))

    def _each_listed_month(self, fig: _Figure, listed: tuple[str, ...]) -> list[str]:
        """For months listed together (``9月、10月``): each one, with a word for "each" or a run
        of months (``9月、10月连续2月交付量超4万辆``); the span from the first to the last, with a
        word for a sum ("combined November and December deliveries"); else none."""
        if self.lex.word_res["each"].search(fig.ctext) or _consecutive(fig.ctext):
            fig.rule.append("listed_months")
            return list(listed)
        if _SUM_WORD.search(fig.ctext):
            fig.rule.append("months_combined")
            return [f"{listed[0]}..{listed[-1]}"]
        return []

    def _periods_of(self, fig: _Figure, pm: PeriodMention) -> list[str]:
        """The periods a figure is for, from the time it goes with: a target's year, each
        month of a range or a list, the months counted back, a level's day."""
        metric, clause, ctext = fig.metric, fig.clause, fig.ctext
        period = (
            pm.period[:4]
            if metric == "delivery_target" and (self._target_of_year(pm, clause) or self._annual_target(fig))
            else pm.period
        )
        listed = self._listed_months(pm) if pm.kind == "month" else ()
        if (each_month := self._each_month(fig, pm)) is not None:
            return each_month
        if (
            len(listed) > 1
            and metric not in _MOVES_AND_LEVELS
            and (each := self._each_listed_month(fig, listed))
        ):
            return each
        if (
            (pm.kind == "month" or (pm.kind in ("quarter", "half") and _PER_MONTH.search(ctext)))
            and metric not in _MOVES_AND_LEVELS
            and (n := self._months_in_a_row(fig))
        ):  # (after a quarter or a half, a run of single months ends with its last month)
            fig.rule.append("consecutive")
            return _months_back(period if pm.kind == "month" else _period_of(period).end.isoformat()[:7], n)
        if pm.kind == "quarter" and (run := self._quarters_of_run(fig, period)):
            return run
        published = self.published
        if pm.kind == "range" and metric in _LEVELS and published and _period_of(period).end == published:
            # a level "this year so far" is where it stands on the article's day (a range
            # that ended earlier, "above HK$20 from June to September", stays a range)
            fig.rule.append("range_end")
            return [published.isoformat()]
        if (to_day := self._year_to_day(fig, pm)) is not None:
            fig.rule.append("year_to_day")
            return to_day
        if (
            pm.kind == "year"
            and metric not in _MOVES_AND_LEVELS
            and (within := self._year_so_far(fig, period))
        ):
            return within
        if pm.kind == "year" and metric in _LEVELS:
            # a level in a year is where it ended the year ("ended the year at"),
            # or where it stands now in the article's own year
            last = date(int(period[:4]), 12, 31)
            fig.rule.append("year_end")
            return [(min(last, published) if published else last).isoformat()]
        if (
            pm.kind == "range"
            and metric not in _MOVES_AND_LEVELS
            and published
            and period == year_so_far(published)
        ):
            through = self._month_reported(fig.q.start, period[:4])
            if through is not None and period.startswith(f"{through[:4]}-01-01"):
                # "so far this year" in a monthly report: through the month it reports
                fig.rule.append("year_to_month")
                return [f"{through[:4]}-01..{through}" if through[5:] != "01" else through]
        return [period]

    def _each_month(self, fig: _Figure, pm: PeriodMention) -> list[str] | None:
        """Each month of a range a figure is one of (:meth:`_each_month_of_range`), or of a half
        said of all its months ("below 10,000 in all the months" of the first half); else None."""
        if self._each_month_of_range(fig, pm):
            return self._months_of_range(fig, pm)
        if pm.kind == "half" and fig.metric not in _MOVES_AND_LEVELS and _EVERY_MONTH.search(fig.ctext):
            y, h = int(pm.period[:4]), int(pm.period[-1])
            fig.rule.append("each_month")
            return [f"{y}-{m:02d}" for m in range(6 * h - 5, 6 * h + 1)]
        return None

    def _year_to_day(self, fig: _Figure, pm: PeriodMention) -> list[str] | None:
        """A count of this year so far counted to a day named in its sentence (``截至9月底，
        今年累计销量``, ``截至9月底，年初至今累计净亏损``, "In the current year up to November 30"):
        January to that month when the day ends a month (``2025-01..2025-09``), else 1
        January to the day; else None."""
        if fig.metric in _MOVES_AND_LEVELS or fig.metric.endswith("_target"):
            return None
        sent, q = fig.sent, fig.q
        day: PeriodMention | None = None
        if pm.kind == "day" and pm.asof:
            day = pm
        elif pm.kind == "year" or (
            pm.kind == "range" and self.published and pm.period == year_so_far(self.published)
        ):
            day = next(
                (
                    p
                    for p in reversed(self._in(self.periods, sent.start, q.start))
                    if p.kind == "day" and p.asof and not p.local
                ),
                None,
            )
            if day is not None and pm.kind == "year" and day.period[:4] != pm.period:
                return None
        # (a day or a month's end written: 截至9月底, "November 30"; not 截至2025年12月)
        if day is None or not (
            _DAY_WRITTEN.search(self.lower, day.start, day.end) or _AS_OF_MONTH.match(self.lower, day.start)
        ):
            return None
        # (the words must be this figure's, before it or in its clause, or for a change those
        # of the count before it)
        prev = None if fig.metric.endswith(_CHANGES) else self._last_figure_before(q, sent)
        if not _YEAR_SO_FAR_WORDS.search(
            self.lower, prev.end if prev else sent.start, max(q.start, fig.clause[1])
        ):
            return None
        d = date.fromisoformat(day.period)
        if (d + timedelta(days=1)).month == d.month:
            return [f"{d.year}-01-01..{d.isoformat()}"]
        return [f"{d.year}-01..{d.year}-{d.month:02d}" if d.month > 1 else f"{d.year}-01"]

    def _year_so_far(self, fig: _Figure, period: str) -> list[str]:
        """For a figure of a year in a monthly report, the part of it meant: the month
        reported ("全年…；ES8单月交付2.23万辆") or, for this year's running total (2026年累计
        in a February report), January to that month; else none."""
        single = "单月" in fig.ctext
        # "2026年累计销量为400,241辆，较去年同期的623,384辆": the same months a year before
        prior = (
            _LAST_YEAR_SAME.search(self.lower, max(fig.clause[0], fig.q.start - 12), fig.q.start) is not None
        )
        # (the running total named before in the sentence: the change of it, the year-earlier one)
        words = (
            self.lower[fig.sent.start : fig.q.start] if prior or fig.metric.endswith(_CHANGES) else fig.ctext
        )
        year = str(int(period) + 1) if prior and not self._running_year(period) else period
        if not single and not (_CUMULATIVE_WORDS.search(words) and self._running_year(year)):
            return []
        month = self._month_reported(fig.q.start, year)
        if month is None:
            return []
        fig.rule.append("single_month" if single else "year_to_month")
        if single:
            return [month]
        span = year_to_month(int(year), int(month[5:7]))[0]
        return [span.replace(year, str(int(year) - 1)) if prior else span]

    def _month_reported(self, pos: int, year: str) -> str | None:
        """The month of ``year`` last named before ``pos`` (a month reported)."""
        k = bisect_left(self._starts_of(self.periods), pos)
        for p in reversed(self.periods[max(0, k - 30) : k]):
            if p.kind == "month" and not p.local and p.period[:4] == year:
                return p.period
        return None

    def _emit(self, fig: _Figure, entity: str, reading: _Reading, meta: dict, acc: _Emitted) -> None:
        """The facts of a figure, one for each of its periods and values (the two ends of a
        range), each once; a fact no rule lets stand is listed in :attr:`skipped`."""
        q, metric, unit = fig.q, fig.metric, reading.unit
        rate = None
        if metric == "capacity":
            # a month word makes it a monthly rate; a year word, or none, an annual one
            rate = "month" if self.lex.word_res["rate_month"].search(fig.ctext) else "year"
        metric = self._as_wholesale(metric, entity, fig.sent, reading.periods)
        values = [(q.value, reading.bound)]
        if q.high is not None:
            values = [(q.value, "ge"), (q.high, "le")]
            fig.rule.append("range")
        span = self.norm.span(q.start, q.end)
        surface = self.text[span[0] : span[1]]
        common = {
            "metric": metric,
            "unit": unit,
            "rate": rate,
            "cumulative": reading.cumulative,
            "document_id": meta["document_id"],
            "span_start": span[0],
            "span_end": span[1],
            "surface": surface,
            "sentence": self._sentence_text(fig.si, span, acc.sentences),
            "method": intern("extract:" + "+".join(fig.rule)),  # (a few strings shared by all facts)
            "confidence": 0.9 if fig.rule[0] == "clause" else 0.7,
            "published": self.stated_published,
            "published_basis": meta["published_basis"],
            "source_url": meta["source_url"],
            "publisher": meta["publisher"],
        }
        for per in reading.periods:
            why_period = _period_problem(per, metric, self._today) or self._published_problem
            if why_period is _BAD_PERIOD:
                continue
            changed = self._change_by_month(_weekly_as_registrations(metric, per), per, fig)
            if changed is None:
                self.skipped.append(Skipped(span[0], span[1], surface, metric, _OTHER_MONTH))
                continue
            met = self._metric_ahead(changed, per)
            if met is None:
                self.skipped.append(Skipped(span[0], span[1], surface, metric, _AHEAD))
                continue
            common["metric"] = met
            slug = self._results_holder(self._model_entity(entity, met, per), met, per, fig)
            for v, bd in values:
                v = v * fig.sign
                key = (slug, met, per, v, bd, unit)
                if key in acc.seen:
                    continue  # a figure the article repeats (headline, lede, table, summary): once
                acc.seen.add(key)
                fv = float(v)
                why = why_period or fact_value_problem(met, unit, fv)
                if why is not None:
                    self.skipped.append(Skipped(span[0], span[1], surface, met, why))
                    continue
                acc.facts.append(Fact.trusted(entity=slug, period=per, value=fv, bound=bd, **common))

    def _change_by_month(self, metric: str, per: str, fig: _Figure) -> str | None:
        """A change of month ``per`` compared with a month named in its own words ("up 4.4%
        … compared to June 2024", "as compared to October, the growth … 0.02%"): ``_mom``
        against the month before, ``_yoy`` against the same month a year earlier, None
        against another month ("rising 48.1% compared to May" in August: no metric holds
        it); else (or where its own words after it say which: "39.3% MoM") ``metric``."""
        base, _, kind = metric.rpartition("_")
        if kind not in ("yoy", "mom") or not _ONE_MONTH.fullmatch(per):
            return metric
        # (its own words: from those of the change before it, or the sentence's start, to the
        # figure after it; "down 56.2% from May and 13.9% year-over-year")
        prev = self._last_in(self.quantities, fig.sent.start, fig.q.start)
        nxt = self._first_in(self.quantities, fig.q.end, fig.sent.end)
        lo = self._change_words_start(fig.q, fig.clause, fig.sent)[0] if prev is not None else fig.sent.start
        hi = nxt.start if nxt is not None else fig.sent.end
        own = _NEXT_ITEM.split(self.lower[fig.q.end : hi], 1)[0]
        if self._mom_word(own) or self.lex.word_res["growth_yoy"].search(own):
            return metric  # "compared with February, when sales crashed 39.3% MoM": as it says
        n = months_after_compared(self.t, lo, hi, per)
        if n is not None and n not in (1, 12):
            return None
        return f"{base}_mom" if n == 1 else f"{base}_yoy" if n == 12 else metric

    def _metric_ahead(self, metric: str, per: str) -> str | None:
        """The metric of a figure over ``per``: as read, unless the article states its date
        and ``per`` starts after it. Then no figure has happened yet: a count sold or
        delivered is a target ("reaching 1 million vehicle sales in the next year"), and any
        other figure but a target states no fact (None): a planned capacity or investment
        (``明年每季投资25亿元``), a deadline's percentage."""
        if metric == "delivery_target" or self.stated_published is None:
            return metric
        if _period_of(per).start <= self.stated_published:
            return metric
        return "delivery_target" if metric in ("sales", "deliveries") else None

    def _sentence_text(self, si: int, span: tuple[int, int], cache: dict[int, str]) -> str:
        """The excerpt of sentence ``si`` a fact at ``span`` carries (see :func:`excerpt`);
        a whole short sentence is kept in ``cache`` for its other figures."""
        sentence = cache.get(si)
        if sentence is None:
            whole = self.sentences[si]
            so, eo = self.norm.span(whole.start, whole.end)
            sentence = excerpt(self.text, so, eo, span[0], span[1])
            if eo - so <= SENTENCE_CAP:
                cache[si] = sentence
        return sentence

    def _is_difference(self, q: Quantity, clause) -> bool:
        """A difference ("10,000 yuan below the Model Y", "比去年多5万辆"), not a level."""
        after = self.lower[q.end : clause[1]]
        m = _DIFFERENCE_AFTER.match(after)
        if m:
            # "closed 3.3% higher" is a move; "3.3% higher than …" is read before this
            return not (q.kind == "percent" and m.group().strip() in ("higher", "lower"))
        if _GAP_AFTER.match(after) or _WITHIN_BEFORE.search(self.lower, max(clause[0], q.start - 8), q.start):
            return True  # 以約2萬輛的微弱優勢領先, "came within 3,500 units"
        m = _OVERTAKE_ZH.search(self.t, max(clause[0], q.start - 16), q.start)
        if m and self._first_in(self.entities, m.start(1), m.end(1)) is not None:
            return True  # 比亚迪则大幅超越特斯拉61万辆: by how much one passed the other
        if (
            q.kind != "percent"
            and CHANGED_BY.search(self.lower, max(clause[0], q.start - 6), q.start)
            and _THEN_TO.match(after)
        ):
            return True  # 上调5万台至105万台: by how much, then to what
        if q.kind == "currency" and _MOVED_BY_BEFORE.search(
            self.lower, max(clause[0], q.start - 12), q.start
        ):
            return True  # 收盘价上涨了$14.57, 股价跌1.2元, "rose $14.57 to $489.88": by how much
        if q.kind == "currency" and _SUM_CHANGED_AGAINST.search(
            self.lower, max(clause[0], q.start - 32), q.start
        ):
            return True  # 较去年同期扩大3.77亿元: by how much a sum changed against another time
        if q.kind not in ("percent", "currency") and _COUNT_CHANGED_BY.search(
            self.lower, max(clause[0], q.start - 32), q.start
        ):
            return True  # 同比增长235万辆, 净增207万辆: by how much a count grew, not to what
        if _BY_HOW_MUCH_BEFORE.search(self.lower, max(clause[0], q.start - 40), q.start):
            return True  # 全年交付目标就提升了1万辆, 比原先目标少近100万辆, "raised its target by 100,000"
        return bool(_DIFFERENCE_ZH.search(self.t[clause[0] : q.start])) and bool(
            re.match(r"^[的]?(?:低|高|便宜|贵|多|少)", after)
        )

    def _entity_after_cue(self, q: Quantity, ents, clause) -> _Mention | None:
        """The first name after ``q`` in its clause, within 80 characters, when a cue word
        (``[entity_cues] after``) stands between them ("9,154 under its Onvo brand")."""
        hi = min(clause[1], q.end + 80)
        if not self._word_within("entity_after", q.end, hi):
            return None  # (a quick test: no cue word there)
        e = self._first_in(ents, q.end, hi)
        if e is None:
            return None
        between = self.lower[q.end : e.start]
        if _LIST_END.search(between) or self.quantities_between(q.end, e.start):
            return None
        m = self.lex.word_res["entity_after"].search(between)
        return e if m is not None and word_ok(between, m.start(), m.end()) else None

    def quantities_between(self, a: int, b: int) -> bool:
        """Whether a quantity starts within ``[a, b)``."""
        starts = self._starts_of(self.quantities)
        i = bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    def _words(self, name: str) -> tuple[array, array]:
        """Starts and ends of the matches of the lexicon's word list ``name`` in the text
        (found once per text, in one scan)."""
        found = self._word_cache.get(name)
        if found is None:
            lower = self.lower
            spans = [m.span() for m in self.lex.word_res[name].finditer(lower) if word_ok(lower, *m.span())]
            if name.startswith("segment"):
                # ("Chinese smartphone maker Xiaomi sold …": a word describing the company, no segment)
                spans = [(a, b) for a, b in spans if not _NO_SEGMENT_AFTER.match(lower, b)]
            found = self._word_cache[name] = (
                array("q", [a for a, _ in spans]),
                array("q", [b for _, b in spans]),
            )
        return found

    def _spans(self, rx: re.Pattern) -> tuple[array, array]:
        """Starts and ends of the matches of ``rx`` in the lower-cased text (one scan per text)."""
        found = self._span_cache.get(rx)
        if found is None:
            spans = [m.span() for m in rx.finditer(self.lower)]
            found = self._span_cache[rx] = (
                array("q", [a for a, _ in spans]),
                array("q", [b for _, b in spans]),
            )
        return found

    def _found(self, rx: re.Pattern, width: int, lo: int, hi: int, lead: re.Pattern | None = None) -> bool:
        """Whether ``rx.search(self.lower, lo, hi)`` finds a match, told where it can be from
        the matches of ``lead`` in the whole text (found once): ``lead`` matches words of at
        most ``width`` characters with no look-around, and every match of ``rx`` starts with
        one (by default ``rx`` is its own lead). A word in the window is a word of the text,
        so the scan of the text found it or a match overlapping it, starting at most
        ``width`` characters before it: with no match of ``lead`` from there to ``hi``, no;
        with a match of ``rx`` itself within the window, yes; else the window is searched.
        A short window is searched at once (cheaper than a scan of the whole text)."""
        if hi - lo < _SHORT_WINDOW:
            return rx.search(self.lower, lo, hi) is not None
        starts, ends = self._spans(lead or rx)
        i = bisect_right(starts, lo - width)
        if i == len(starts) or starts[i] >= hi:
            return False
        if lead is None:
            j = bisect_left(starts, lo, i)
            if j < len(starts) and starts[j] < hi and ends[j] <= hi:
                return True
        return rx.search(self.lower, lo, hi) is not None

    def _forecast_compared_before(self, q: Quantity, sent) -> bool:
        """Whether the forecast before ``q`` in its sentence is one a figure beat or missed,
        with that figure and a clause between (``优于市场预估的1125亿元，经调整净利润113.1亿
        元``): the forecast's scope ends with its figure, and ``q`` states a fact."""
        hits = list(_FORECAST_COMPARED.finditer(self.lower, sent.start, q.start))
        if not hits:
            return False
        f = self._first_in(self.quantities, hits[-1].end(), q.start)
        return (
            f is not None
            and f.start - hits[-1].end() <= 4
            and _CLAUSE_BREAK.search(self.lower, f.end, q.start) is not None
            and not self._listed("sentence_hedges", f.end, q.start)
        )

    def _listed(self, name: str, lo: int, hi: int) -> bool:
        """Whether a word of the lexicon's list ``name`` lies within ``[lo, hi)`` (as its
        expression's search there finds it; see :meth:`_found`)."""
        return self._found(self.lex.word_res[name], self.lex.word_widths[name], lo, hi)

    def _word_within(self, name: str, lo: int, hi: int) -> bool:
        """Whether a word of the list ``name`` lies within ``[lo, hi)``."""
        starts, ends = self._words(name)
        k = bisect_left(starts, lo)
        return k < len(starts) and ends[k] <= hi

    def _owner(self, e: _Mention) -> bool:
        """Whether the name ``e`` follows an owner's or partner's word within 45 characters
        of its own sentence (not ``股東淨虧損…。對於…小鵬汽車``), or is a rival's ("the Tesla
        competitor")."""
        known = self._owners.get(e.start)
        if known is not None:
            return known
        starts, _ = self._words("entity_rival")
        tail = _NAME_TAIL.match(self.lower, e.end)  # (it always matches: all of it is optional)
        after = tail.end() if tail else e.end
        ends = {e.end, after}  # "the Tesla Inc. TSLA rival"
        k = bisect_left(starts, e.end)
        rival = any(starts[j] in ends for j in range(k, min(k + 2, len(starts))))
        model = self.lex.entities[e.key].kind == "model"  # (a model has no owner: "models such as the M03")
        found = self._owners[e.start] = (
            rival  # "the Tesla competitor"
            or (
                not model
                and self._word_within("entity_owner", sentence_start_within(self.lower, e.start, 45), e.start)
            )
            or self._passed_before(e)
            # (a maker named as the one compared with: 理想汽车与零跑汽车相差仅数百辆)
            or (
                self.lower.endswith(("与", "和", "跟"), 0, e.start)
                and _COMPARED_AFTER_NAME.match(self.lower, after) is not None
            )
            or _PARTNER_AFTER_NAME.match(self.lower, after) is not None
        )
        return found

    def _market_subjects(self) -> list[_Mention]:
        """The market or the industry named as a subject ("乘用车市场整体环比下降约8%", "China's
        NEV output"), not as a setting (``在…市场整体承压的行业背景下``), a trend a figure
        reflects (``反映了行业整体扩张的趋势``) or what a maker leads (``新能源车市场的领导者``):
        for the figures after
        it, like a maker the gazetteer does not know, no maker. The whole car market in a
        paragraph citing the CPCA is the passenger-car market."""
        starts, ends = self._words("entity_market")
        ws, we = self._words("entity_market_whole")
        whole = set(zip(ws, we, strict=True))
        cs, ce = self._words("entity_market_cpca")
        whole |= {(a, b) for a, b in zip(cs, ce, strict=True) if self._cites_cpca(a)}
        return [
            _Mention(a, b, _WHOLE_MARKET if (a, b) in whole else "?", _MARKET)
            for a, b in zip(starts, ends, strict=True)
            if not _SETTING.match(self.lower, b, b + 20)
            and not ((a, b) in whole and _BODY_NAMED.match(self.lower, b))  # 中国乘用车协会: a body
            # (what a maker became: 成为首家实现"A+H"双平台融资的自主品牌)
            and not _BECAME_BEFORE.search(self.lower, max(0, a - 30), a)
            # (the scope of a record a maker set: 刷新全球新能源车企50万辆下线速度纪录)
            and not _RECORD_SCOPE_BEFORE.search(self.lower, max(0, a - 8), a)
            # (the market a maker named just before is in: 理想汽车在20万元及以上新能源汽车市场…市占率)
            and not self._maker_in_market(a)
        ]

    def _maker_in_market(self, a: int) -> bool:
        """Whether the market word at ``a`` follows 在 ("in"), a known name standing right
        before that 在 in its clause: the market the maker's figures are in, not a subject."""
        m = _IN_MARKET_BEFORE.search(self.lower, max(0, a - 16), a)
        if m is None:
            return False
        e = self._last_in(self.entities, max(0, m.start() - 12), m.start() + 1)
        return e is not None and e.end == m.start()

    def _cites_cpca(self, at: int) -> bool:
        """Whether the paragraph holding ``at`` cites the CPCA, which counts passenger cars."""
        lo = self.lower.rfind("\n", 0, at) + 1
        hi = self.lower.find("\n", at)
        return self._word_within("wholesale_source", lo, len(self.lower) if hi < 0 else hi)

    def _passed_before(self, e: _Mention) -> bool:
        """Whether a word of a maker beaten or passed (``rival_before``) stands right before
        the name ``e`` ("首度超越特斯拉", "ran over Tesla"), or before the clause that
        describes it (领先于预计销量将下滑至164万辆的特斯拉), or the first name of a list
        it ends (高于蔚来、小鹏和极氪等品牌: all three are points of comparison)."""
        starts, ends = self._words("entity_rival_before")
        for _ in range(8):
            k = bisect_left(starts, e.start) - 1
            while k >= 0 and ends[k] > e.start:
                k -= 1
            if k >= 0 and _JUST_BEFORE.fullmatch(self.lower, ends[k], e.start) is not None:
                return True
            prev = self._last_in(self.entities, max(0, e.start - 12), e.start)
            if prev is None or prev.key == e.key or not _NAME_LIST_JOIN.fullmatch(self.t, prev.end, e.start):
                return False
            e = prev
        return False

    def _segment_subject(self, q: Quantity, sent, words: str = "segment") -> bool:
        """Whether a segment word stands within 30 characters before the first figure of
        ``sent``, and no name after it before ``q``: the segment is the subject of the
        whole sentence, and a later figure of it (``q``) is the segment's too; or, for the
        first figure, whether the sentence opens with a segment word and no name."""
        first = self._first_in(self.quantities, sent.start, sent.end)
        if first is None:
            return False
        if first.start >= q.start:
            # the sentence opens with the segment ("Sales of plug-in hybrid cars, which made up
            # more than half of BYD's total car sales, fell 28.5 per cent"), no name before it
            hi = min(sent.start + 30, q.start)
            starts, ends = self._words(words)
            k = bisect_left(starts, sent.start)
            return (
                k < len(starts)
                and ends[k] <= hi
                and not _BODY_NAMED.match(self.lower, ends[k])  # 乘用车市场信息联席会: a body's name
                and self._bounds(self.entities, sent.start, starts[k])
                == self._bounds(self.entities, sent.start, sent.start)
                and not self._segment_closed(words, q)
            )
        lo = max(sent.start, first.start - 30)
        if not self._word_within(words, lo, first.start):
            return False
        aside = _WITH_ITS_ASIDE.search(self.lower, max(sent.start, first.start - 120), first.start)
        if aside is not None and aside.end() >= first.start - 12:
            # "BYD, with its … series of EVs and hybrids, sold 209,467 vehicles": its line-up,
            # unless the first figure is a segment's too ("sold 312,048 passenger vehicles")
            return self._word_within(words, first.start, min(sent.end, first.end + 40))
        e = self._last_in(self.entities, lo, q.start)
        if not (e is None or e.end <= lo or self._word_within(words, e.end, first.start)):
            return False
        return not self._segment_closed(words, q)

    def _segment(self, q: Quantity, clause, words: str = "segment") -> bool:
        """Whether a segment word (the lexicon's list ``words``) stands just after ``q`` or
        before it in its clause (within 90 characters), past the last name there."""
        if self._word_within(words, q.start, min(clause[1], q.end + 36)):
            return True  # (its unit one too: "5,060 sedans")
        lo = max(clause[0], q.start - 90)
        if not self._word_within(words, lo, q.start):
            return False
        e = self._last_in(self.entities, lo, q.start)
        if not (e is None or self._word_within(words, e.end, q.start)):
            return False
        return not self._segment_closed(words, q)

    def _segment_closed(self, words: str, q: Quantity) -> bool:
        """Whether the last segment word before ``q`` governs not ``q`` but a figure before
        it: a total is named after it ("a total sales volume increase of 32%"), or another
        count ("NEV sales soared 92 percent to 890,000 and exports 53 percent to 400,000")."""
        _, ends = self._words(words)
        seg_end = ends[bisect_left(ends, q.start + 1) - 1]
        for m in _TOTAL_WORD.finditer(self.lower, seg_end, q.start):
            if self._count_named(m.end(), m.end() + 16):
                return True  # (not "of BYD's total car sales", nor "a sales total of")
        keys = {m.key for m in self._in(self.metrics, seg_end, q.start) if m.key in _PLANNED_COUNTS}
        return len(keys) > 1

    def _count_named(self, lo: int, hi: int) -> bool:
        """Whether a word of a count (sales, deliveries, exports …) lies within ``[lo, hi)``."""
        return any(m.key in _PLANNED_COUNTS for m in self._in(self.metrics, lo, hi))

    def _aside(self, pos: int, q_start: int) -> bool:
        """Whether ``pos`` lies in brackets that close before ``q_start``."""
        span = self._brackets_around(pos)
        return span is not None and span[1] <= q_start

    def _brackets_around(self, pos: int) -> tuple[int, int] | None:
        """The span of the brackets ``pos`` lies in (found once per text), else None."""
        spans = self.__dict__.get("_brackets")
        if spans is None:
            spans = self._brackets = [m.span() for m in _BRACKETED.finditer(self.t)]
            self._bracket_starts = [a for a, _ in spans]
        k = bisect_right(self._bracket_starts, pos) - 1
        return spans[k] if k >= 0 and spans[k][0] < pos < spans[k][1] else None

    def _forecast_carried(self, q: Quantity, sent) -> bool:
        """A sentence that opens with a forecast goes on into the next one of its paragraph
        naming no time (nor the period reported, ``报告期内``) before ``q`` ("公司预计交付量为8.5万至9万辆。收入总额为204亿元至216亿元")."""
        si = self._sentence_of(sent.start)
        if si <= 0 or self.sentences[si - 1].para != sent.para:
            return False
        if (
            self._last_in(self.periods, sent.start, q.start) is not None
            or _PERIOD_REPORTED.search(self.lower, sent.start, q.start) is not None
        ):
            return False
        prev = self.sentences[si - 1]  # a forecast from its start: a word before its first figure
        first = self._first_in(self.quantities, prev.start, prev.end)
        end = first.start if first is not None else prev.end
        return self._listed("forecast", prev.start, end)

    def _in_plan(self, q: Quantity, clause, sent) -> bool:
        """Whether ``q`` is planned: a plan word before it in its clause (not a target met,
        "超额完成年度目标，…突破302万辆"), or earlier in its sentence (:meth:`_plan_before`),
        or a target word just after it ("300万辆目标"), or 挑战 right before it
        (我们将挑战年交付80万辆)."""
        plan, lower = self.lex.word_res["plan"], self.lower
        m = plan.search(lower, clause[0], q.start)
        if m is not None and (
            not _TARGET_MET.search(lower, max(clause[0], m.start() - 12), m.start())
            # the plan's own figure, met or not ("hit its guidance of between 61,000 and 63,000")
            or _PLAN_OF.fullmatch(lower, m.end(), q.start)
        ):
            return True
        return (
            self._plan_before(q, sent, plan)
            or bool(_TARGET_AFTER.match(lower[q.end : q.end + 32]))
            or _CHALLENGE_BEFORE.search(lower, max(clause[0], q.start - 12), q.start) is not None
        )

    def _plan_before(self, q: Quantity, sent, plan: re.Pattern) -> bool:
        """A plan word earlier in the sentence ("理想预计，第4季交付量为10至11万辆") with no
        other figure between it and ``q``."""
        prev = self._last_figure_before(q, sent)
        lo = prev.end if prev is not None else sent.start
        if prev is not None and prev.high is None and q.start - prev.end < 3:
            return False
        if (
            prev is not None
            and q.start - prev.end <= 16
            and _REVISED_TO.search(self.lower, prev.end, q.start)
        ):
            lo = sent.start  # 销量预期由原先的550万辆，下修至460万辆: the plan revised
        m = plan.search(self.lower, lo, q.start)
        if m is None and prev is not None and _FORECAST_GOES_ON.fullmatch(self.lower, prev.end, q.start):
            # 预计第四季收入215亿至230亿元,交付量则约为12.5万至13.2万辆: the forecast goes on
            return self._plan_before(prev, sent, plan)
        return (
            m is not None
            and not _TARGET_MET.search(self.lower, max(lo, m.start() - 12), m.start())
            and not self._in_relative_clause(m.start(), q.start, sent)
        )

    def _in_relative_clause(self, at: int, q_start: int, sent) -> bool:
        """Whether ``at`` lies in an English relative clause or an aside closed before
        ``q_start`` ("Li Auto Inc., whose … stock plunged … after softer fourth-quarter
        guidance, sold 51,443 units"; "Geely Auto Group, comprising … ZEEKR brands, reported"):
        what it says is not of the figure."""
        k = _last_match(_RELATIVE_OPEN, self.lower, sent.start, at)
        return k is not None and "," in self.lower[at:q_start]

    def _listed_months(self, pm: PeriodMention) -> tuple[str, ...]:
        """The months listed up to month ``pm`` ("9月、10月", "October and November"): the
        months before it joined to it by ``、``, ``和`` or "and" only, oldest first."""
        k = bisect_left(self._starts_of(self.periods), pm.start)
        out = [pm.period]
        at = pm.start
        while k > 0 and len(out) < 12:
            p = self.periods[k - 1]
            if p.kind != "month" or not _LIST_JOIN.match(self.t[p.end : at]):
                break
            out.append(p.period)
            at, k = p.start, k - 1
        return tuple(reversed(out))

    def _bare_months_before(self, pm: PeriodMention) -> list[str]:
        """The months written as bare numbers listed before month ``pm`` ("3、4月份",
        "9、10、11月"), with it, oldest first; else ``[]``."""
        bare = _BARE_MONTHS_BEFORE.search(self.t, max(0, pm.start - 12), pm.start)
        if bare is None:
            return []
        year, month = int(pm.period[:4]), int(pm.period[5:7])
        months = [int(x) for x in re.findall(r"\d+", bare.group())] + [month]
        if any(a >= b for a, b in itertools.pairwise(months)):
            return []
        return [f"{year:04d}-{m:02d}" for m in months]

    def _starts_of(self, items) -> array:
        """The starts of ``items`` (sorted by start), remembered per list; the list is kept
        with them, so that no later list takes its id and finds starts not its own."""
        found = self._starts.get(id(items))
        if found is None or found[0] is not items:
            found = self._starts[id(items)] = (items, array("q", [x.start for x in items]))
        return found[1]

    def _last_figure_before(self, q: Quantity | _At, sent) -> Quantity | None:
        """The last vehicle count or money figure before ``q`` in its sentence, if any."""
        i, j = self._bounds(self.quantities, sent.start, q.start)
        for k in range(j - 1, max(i, j - 8) - 1, -1):
            x = self.quantities[k]
            if x.end <= q.start and (
                x.kind in ("count", "currency") or (x.kind is None and _unit_ok(None, x, "count"))
            ):
                return x
        return None

    def _former_or_latter(self, q: Quantity, sent) -> _Mention | None:
        """For a change after "the former" or "the latter" (``前者``, ``后者``), the metric of the
        first or the second of the last two count or money figures named before it in its
        paragraph (up to three sentences back); else None."""
        word = _FORMER_LATTER.search(self.lower, max(sent.start, q.start - 16), q.start)
        if word is None:
            return None
        si = self._sentence_of(sent.start)
        lo = sent.start
        for back in range(si - 1, max(-1, si - 4), -1):
            if self.sentences[back].para != sent.para:
                break
            lo = self.sentences[back].start
        figures = [x for x in self._in(self.quantities, lo, word.start()) if x.kind in ("count", "currency")]
        if len(figures) < 2:
            return None
        f = figures[-2] if word.group(1) in ("前者", "the former") else figures[-1]
        fs = self.sentences[self._sentence_of(f.start)]
        m = self._metric_for(f, fs.clause_of(f.start), fs)
        return m if self._base_ok(m) else None

    def _growth_base(self, q: Quantity, sent) -> _Mention | None:
        """The vehicle count or money figure a percent before ``q`` in its sentence can be the
        growth of (not a price, a market value or a return)."""
        # the metric of the last count or money figure before it ("批发销量为86,697辆（含出口），
        # 环比增长17%": the wholesale's growth, not the exports' named in brackets after it),
        # unless a metric word after that figure, in the change's clause, names what changed
        # ("共生产317,892辆…，而销售量增长0.6%": the sales', not the production's)
        own = self._first_in(self.metrics, q.end, q.end + 8)
        if own is not None and self._base_ok(own) and _OF_ZH.fullmatch(self.lower, q.end, own.start):
            return own  # "1.1% 的营收同比增速": the change of the metric it is "of"
        pair = self._former_or_latter(q, sent)
        if pair is not None:
            return pair
        last = self._last_figure_before(q, sent)
        if last is not None:
            m = self._last_base(max(last.end, sent.clause_of(q.start)[0]), q.start)
            if m is None:
                m = self._metric_for(last, sent.clause_of(last.start), sent)
            if self._base_ok(m):
                return m
        m = self._last_base(sent.start, q.start)
        if m is not None:
            return m
        # a vehicle count before it whose metric is carried from the sentence before
        if any(x.unit == "vehicle" for x in self._in(self.quantities, sent.start, q.start)):
            return self._carried_count(sent)
        # "… delivering 50,129 vehicles in July. The number represented a year-on-year jump
        # of 127 per cent": a change said to be year on year (or month on month), in a
        # sentence naming no share, is of the last figure of the sentence before
        si = self._sentence_of(sent.start)
        lower = self.lower
        if (
            si > 0
            and (self.sentences[si - 1].para == sent.para or _OPENS_WITH_ANAPHOR.match(lower, sent.start))
            and (
                self._listed("growth_yoy", sent.start, sent.end)
                or self._listed("growth_mom", sent.start, sent.end)
                or _COMPARED_MONTH.search(lower, sent.start, sent.end)  # "a decline from January's"
                or _COMPARED_DATED_MONTH.search(lower, sent.start, sent.end)  # "an increase from May 2022"
            )
            and not _names_share(lower[sent.start : sent.end])
        ):
            # (the last figure of the sentence before, or of the one before that where the
            # sentence between names none: "BYD reported 480,186 … in November. The company is
            # among the leaders … The November NEV figure was down 5.3% year-over-year")
            for prev in self.sentences[max(0, si - 2) : si][::-1]:
                last = self._last_figure_before(_At(prev.end), prev)
                if last is not None:
                    m = self._metric_for(last, prev.clause_of(last.start), prev)
                    return m if self._base_ok(m) else None
        return self._list_intro_base(si)

    def _headline_base(self, sent, mm: _Mention) -> _Mention | None:
        """For a change on the year (or a "growth", never a share's move) naming no figure, in
        a sentence naming no share, the count metric of the article's headline (its first
        line: "November Sales Rankings for New Energy Vehicles" over "LanTu soared with an over
        84% year-on-year increase", "with approximately 72.74% growth"); else None."""
        lower = self.lower
        if (
            not (self._listed("growth_yoy", sent.start, sent.end) or mm.word == "growth")
            or _names_share(lower[sent.start : sent.end])
            or any(x.kind != "percent" for x in self._in(self.quantities, sent.start, sent.end))
        ):
            return None
        t = self.t
        lead = _LEADING_SPACE.match(t)  # (past a front matter, left as blank lines)
        lo = lead.end() if lead is not None else 0
        hi = t.find("\n", lo, lo + 300)
        if hi < 0 or sent.start < hi or t[lo:hi].rstrip().endswith((".", "。")):
            return None  # (a first line ending a sentence is the text's own, no headline)
        counts = [m for m in self._in(self._metrics_of_kind("count"), lo, hi) if self._base_ok(m)]
        return counts[0] if len({m.key for m in counts}) == 1 else None

    def _list_intro_base(self, si: int) -> _Mention | None:
        """For a change in a bulleted item naming no count, the count or money metric its
        list's opening line, or the sentence before that, names ("deliveries drop sharply
        month-over-month in January 2026. Key companies affected included:" then
        "- NIO (-43.5% MoM)"); else None."""
        lead = self._list_lead(si)
        return self._last_base(*lead) if lead is not None else None

    def _list_lead(self, si: int) -> tuple[int, int] | None:
        """Where the opening line of the list sentence ``si`` is an item of starts, with the
        sentence before it ("… deliveries drop sharply … in January 2026. Key companies
        affected included:"), and where it ends; None outside a list."""
        intro = self._list_intro(si)
        if intro is None:
            return None
        k = self._sentence_of(intro.start)
        return (self.sentences[k - 1].start if k > 0 else intro.start), intro.end

    def _against_month_before(self, q: Quantity, clause, period: str) -> bool:
        """Whether a change ``q`` of month ``period`` is against the month before it, named
        after it in its clause ("up 46.70 percent from 25,287 in February") or with the figure
        compared just before it (较2025年12月的60423辆下滑了46.9%)."""
        if len(period) != 7 or not period[5:].isdigit():
            return False
        before = _month_shift(period, -1)
        prev = self._last_in(self.quantities, clause[0], q.start)
        if prev is not None and q.start - prev.end <= 12:
            # 较2025年12月的60423辆下滑了46.9% (of January): the month before the figure compared with
            i, j = self._bounds(self.periods, max(clause[0], prev.start - 14), prev.start)
            if any(p.kind == "month" and p.period == before for p in self.periods[i:j]):
                return True
        compared = self._first_in(self.quantities, q.end, min(clause[1], q.end + 40))
        if (
            compared is None
            or compared.kind == "percent"
            or self._listed("growth_yoy", q.end, compared.start)
        ):
            return False  # the month right after the figure compared with ("from 25,287 in February",
        # "from the 93,107 units reported in April"), unless the change is said to be year on year
        i, j = self._bounds(self.periods, compared.end, compared.end + 24)
        return any(
            p.kind == "month"
            and p.period == before
            and _FIGURE_TO_MONTH.fullmatch(self.lower, compared.end, p.start)
            for p in self.periods[i:j]
        )

    def _own_base(self, q: Quantity, clause, before: _Mention | None) -> _Mention | None:
        """The metric a change names right after it ("a 93% increase in deliveries": its own,
        not ``before``, the one before it); None when it names none, or ``before`` is a target
        (a target's change, "a 34% increase in sales compared to 2025", states no fact)."""
        if not _CHANGE_IN_AFTER.match(self.lower, q.end):
            return None
        return None if before is not None and before.key == "delivery_target" else self._base_after(q, clause)

    def _base_after(self, q: Quantity, clause) -> _Mention | None:
        """The first metric word within 40 characters after a change ``q``, in a clause
        naming no share, that the change can be the growth of ("an increase in EV sales")."""
        if _names_share(self.lower[clause[0] : clause[1]]):
            return None
        i, j = self._bounds(self.metrics, q.end, min(clause[1], q.end + 40))
        m = next((m for m in self.metrics[i:j] if self._base_ok(m)), None)
        if m is None or _SUBORDINATE.search(self.lower[q.end : m.start]):
            return None  # "climbed 4.6% after the company said it handed over": another clause
        return m

    def _count_changed_to(self, q: Quantity, nxt: Quantity | None, sent) -> _Mention | None:
        """The metric of the vehicle count a change ends at ("a 31.2% annual jump to 6,658
        vehicles"), else None."""
        if nxt is None or nxt.unit != "vehicle" or not _CHANGED_TO.fullmatch(self.lower, q.end, nxt.start):
            return None
        m = self._metric_for(nxt, sent.clause_of(nxt.start), sent)
        return m if self._base_ok(m) else None

    def _base_ok(self, m: _Mention | None) -> bool:
        """Whether ``m`` names a count or money metric a change can be the growth of."""
        return (
            m is not None
            and m.key not in _NOT_BASES
            and self.lex.metrics[m.key].kind in ("count", "currency")
        )

    def _last_base(self, lo: int, hi: int) -> _Mention | None:
        """The last metric word within ``[lo, hi)`` a change can be the growth of, passing
        over one in brackets after another ("January deliveries (sales) increase … by 104.85%")."""
        metrics = self.metrics
        i, j = self._bounds(metrics, lo, hi)
        for k in range(j - 1, i - 1, -1):
            m = metrics[k]
            if m.end <= hi and self._base_ok(m):
                if k > i and self._aside(m.start, hi) and self._base_ok(metrics[k - 1]):
                    continue
                return m
        return None

    def _percent_compared(self, q: Quantity, clause, sent) -> tuple[_Mention, str, Decimal] | None:
        """ "2.7% higher than in July": the growth of the figure named before it in the
        sentence, against the time after the comparison (a year: ``_yoy``; a month:
        ``_mom``; else ``_growth``). Returns that figure's mention, the metric and the sign."""
        m = _PERCENT_COMPARED.match(self.lower, q.end, clause[1])
        if m is None:
            return None
        base = self._growth_base(q, sent)
        if base is None or base.key == "delivery_target":
            return None
        ref = self.lower[m.end() : clause[1]]
        words = self.lex.word_res
        if words["growth_yoy"].search(ref) or "year" in ref or "年" in ref or _YEAR.search(ref):
            suffix = "yoy"
        elif words["growth_mom"].search(ref) or "month" in ref or "月" in ref or _EN_MONTH.search(ref):
            suffix = "mom"
        else:
            suffix = "growth"
        sign = Decimal(-1) if m.group("w") in ("lower", "less", "fewer", "below") else _ONE
        return base, f"{base.key}_{suffix}", sign

    def _growth_or_return(self, q: Quantity, mm: _Mention, clause, sent) -> tuple[str, Decimal]:
        """A percent next to a growth or rise word: a share (or index) return, or the growth of
        the vehicle count or money figure named before it in the sentence (``deliveries_yoy``)."""
        lex = self.lex
        # the words from the figure before it (or its clause's start) to the figure after it (or
        # 40 characters on) say its growth and sign: "按月则下跌12.5%", "up 62 percent from a year earlier"
        lo, fell_with = self._change_words_start(q, clause, sent)
        nxt = self._first_in(self.quantities, q.end, clause[1])
        hi = min(clause[1], q.end + 40, nxt.start if nxt is not None else clause[1])
        near_before = self.lower[lo : q.start]
        near = self.lower[lo:hi]
        sign = Decimal(-1) if self._a_fall(q, mm, near_before, fell_with) else Decimal(1)
        if self._against_other_quarter(q, lo, hi, sent):
            return "qoq", sign  # 并较2025年第二季度上升11.5%: a change on another quarter
        own = self._own_base(q, clause, before := self._growth_base(q, sent))
        b = self._as_money(own or before, nxt)
        if b is not None:
            between = self.lower[b.end : q.start] if own is None else ""
            # (also one the base word opens: "profit margins falling 13.8%", a margin, not a profit)
            opens = lex.word_res["unheld"].match(self.lower, b.start)
            if (
                lex.word_res["unheld"].search(between) or (opens is not None and opens.end() > b.end)
            ) and not _names_share(between):
                return "qoq", sign  # 车辆毛利率17.9%, "a margin of 15%": a figure no metric holds
            if not _names_share(between):
                window = self.lower[b.start : min(clause[1], q.end + 40)]
                if _YOY_THEN_MOM.search(self.lower, max(lo, q.start - 14), q.start):
                    return f"{b.key}_yoy", sign  # 同环比分别为+97.3%/+36.7%: the first is year on year
                if self._on_period_before(q, near, clause):
                    return "qoq", sign  # a change on the quarter or week before: no metric holds it
                after = _NEXT_ITEM.split(self.lower[q.end : hi], 1)[0]  # its own words only
                # (a change word before its own words is another's: "down 40% yoy and 15.3% mom")
                suffix = self._growth_suffix(mm, near_before, near, window, after, own=mm.start >= lo)
                if self._planned_change(q, b, sent):
                    return "qoq", sign  # a target's change ("a 34% increase"): no fact
                if b.key == "net_profit" and b.word in lex.metrics["net_profit"].negative:
                    return "qoq", sign  # 净亏损按年收窄31.2%: the change of a loss, no metric holds it
                return f"{b.key}_{suffix}", sign
        b = self._compared_figure_metric(q, clause, sent)
        if b is not None:  # "up 183.07 percent from 71,099 units in the same month last year"
            if self._on_period_before(q, near, clause):
                return "qoq", sign  # "down 2.91% from 55,000 units the week before"
            end = min(clause[1], q.end + 80)
            return f"{b.key}_{self._growth_suffix(mm, near_before, self.lower[q.end : end], '')}", sign
        # "a 15% on-month jump in June deliveries": the metric after it; else the headline's
        after = (
            self._base_after(q, clause)
            or self._count_changed_to(q, nxt, sent)
            or self._headline_base(sent, mm)
        )
        if after is not None:
            return f"{after.key}_{self._growth_suffix(mm, near_before, near, near)}", sign
        if self._no_move(q, mm, clause, sent, near):
            return "qoq", sign
        return self._growth_run_on(sent, mm), sign

    def _no_move(self, q: Quantity, mm: _Mention, clause, sent, near: str) -> bool:
        """For a change with no metric to be the growth of, whether it is still no share
        move (no fact): a figure no metric holds changed, a level reached, a generic rise
        with no share named, or a change on the year or month naming no share."""
        lex = self.lex
        if self._no_share_move(q, clause, sent):
            return True  # the change of a figure no metric holds: no fact
        if _RISEN_TO.search(self.lower, max(0, q.start - 16), q.start):
            return True  # 持股比例微升至23.26%: a level reached, not a move
        if mm.word in lex.generic_change and not self._listed(
            "share_context", max(0, sent.start - 300), sent.end
        ):
            return True  # "the coverage rate will increase to 90%": no share named
        # 小米按月減五成: the change of a count not named, no share move
        return bool(
            lex.word_res["growth_yoy"].search(near) or lex.word_res["growth_mom"].search(near)
        ) and not _names_share(self.lower[sent.start : sent.end])

    def _planned_change(self, q: Quantity, b: _Mention, sent) -> bool:
        """Whether the change ``q`` of the base ``b`` states no fact: a target's, one of a
        count word on money (:meth:`_count_word_on_money`) or right after a planned count."""
        return (
            b.key == "delivery_target"
            or self._count_word_on_money(q, b, sent)
            or self._after_planned(q, sent)
        )

    def _after_planned(self, q: Quantity, sent) -> bool:
        """Whether the count right before the change ``q`` in its sentence is planned
        (``吉利计划2026年销售345万辆,同比增长14.1%``): the change is the plan's, no fact."""
        last = self._last_figure_before(q, sent)
        return (
            last is not None
            and last.unit == "vehicle"
            and _CLAUSE_BREAK.search(self.lower, last.end, q.start) is not None
            and len(self.lower[last.end : q.start]) <= 12
            and self._in_plan(last, sent.clause_of(last.start), sent)
            and not self._forecast_compared_before(q, sent)  # (远超市场预期的…辆,不仅较去年同期成长7.4%)
        )

    def _a_fall(self, q: Quantity, mm: _Mention, near_before: str, fell_with: bool) -> bool:
        """Whether the change ``q`` (its word ``mm``; ``near_before`` its own words before it;
        ``fell_with`` a fall said of the figure before) is a fall: a word of falling, one after
        it ("an 8.5% year-over-year decline") or a minus (同比-5.3%); not a rate that fell to a
        level (同比增幅回落至76%: the growth is 76%)."""
        lex = self.lex
        return (
            mm.word in lex.growth_negative
            or mm.word in lex.metrics["share_return"].negative
            or lex.word_res["negative"].search(near_before) is not None
            or _FALL_AFTER.match(self.lower, q.end) is not None
            or _minus_before(self.t, q.start)
            or fell_with
        ) and not _RATE_FELL_TO.search(near_before)

    def _as_money(self, b: _Mention | None, nxt: Quantity | None) -> _Mention | None:
        """The base ``b`` of a change, read as the money metric its word names where the
        figure right after the change is money ("sales increasing 34% to 240.2 billion yuan")."""
        money = self.lex.money_words
        if b is not None and b.word in money and nxt is not None and nxt.kind == "currency":
            return b._replace(key=money[b.word])
        return b

    def _count_word_on_money(self, q: Quantity, b: _Mention, sent) -> bool:
        """Whether the change ``q`` follows a money figure whose word is a count's
        (``汽車銷售168.84億元,增長1.48倍``: vehicle sales revenue, a segment no metric holds)."""
        last = self._last_figure_before(q, sent)
        return (
            last is not None
            and last.kind == "currency"
            and b.start < last.start  # (not "收入100.2亿元,…得益于销量同比大增162%")
            and self.lex.metrics[b.key].kind == "count"
        )

    def _growth_run_on(self, sent, mm: _Mention) -> str:
        """The metric of a change naming neither its count nor a share: a share move, but
        where the sentence before changed a named count and this one names no share, that
        count's growth again ("sales fell 11.5% in 2019 … In 2021 the decrease slowed to
        2.5%, … declines of 3% in 2022"). Only a change said by a noun ("declines of", "the
        increase"): a share moves by a verb ("fell 1.2%", ``跌1.2%``)."""
        si = self._sentence_of(sent.start)
        before = self._growth_of.get(si - 1)
        if (
            before is None
            or mm.word not in self.lex.change_nouns
            or _names_share(self.lower[sent.start : sent.end])
        ):
            return "share_return"
        return before

    def _compared_figure_metric(self, q: Quantity, clause, sent) -> _Mention | None:
        """The metric of the count or money figure a change ``q`` is said against, right
        after it ("up 183.07 percent from 71,099 units in the same month last year"): the
        change is that figure's growth, never a share move."""
        m = _FROM_FIGURE.match(self.lower, q.end, clause[1])
        if m is None:
            return None
        i, j = self._bounds(self.quantities, m.end(), m.end() + 1)
        if j == i or self.quantities[i].unit != "vehicle":
            return None
        base = self.quantities[i]
        found = self._metric_for(base, clause, sent)
        si = self._sentence_of(sent.start)
        if found is None and si > 0:  # "That's up 183.07 percent from …" after a paragraph's count
            prev = self.sentences[si - 1]
            found = self._last_base(prev.start, prev.end)
        return found if self._base_ok(found) else None

    def _change_words_start(self, q: Quantity, clause, sent) -> tuple[int, bool]:
        """Where the words saying which change ``q`` is start (after the figure before it,
        or its clause's start), and whether it is a bare second change after a fall."""
        prev = self._last_figure_before(q, sent)
        lo = max(clause[0], prev.end if prev is not None else clause[0])
        last = self._last_in(self.quantities, sent.start, clause[0])
        if (
            last is not None
            and last.kind == "percent"
            and _AND_OPENS.fullmatch(self.lower, clause[0], q.start)
        ):
            lo = last.start  # "a drop of about 11.84% YoY, and 25.79% MoM": one list of changes
        if last is not None and self._mom_word(self.lower[last.end : clause[0]]):
            lo = last.end  # "环比 11 月的销量,也有着 32.70% 的可观提升": the comparison before its clause
        pct = self._last_in(self.quantities, lo, q.start)
        if pct is None or not _EN_WORD.search(self.t, pct.end, q.start):
            return lo, False
        # "up 6.1 per cent from the month earlier and a 229 per cent gain year on year":
        # the words after a change before it, up to the last "and", are that one's
        k = self.lower.rfind(" and ", pct.end, q.start)
        lo = k + 5 if k >= 0 else q.start
        # "down 56.2% from May and 13.9% year-over-year": a bare second change falls too
        return lo, k >= 0 and not self.lower[lo : q.start].strip() and self._fell(
            pct, sent.clause_of(pct.start)
        )

    def _fell(self, pct: Quantity, clause) -> bool:
        """Whether a fall word stands just before the change ``pct`` ("down 56.2%")."""
        return (
            self.lex.word_res["negative"].search(self.lower, max(clause[0], pct.start - 16), pct.start)
            is not None
        )

    def _on_period_before(self, q: Quantity, near: str, clause) -> bool:
        """Whether a quarter-on-quarter or week-on-week word stands near the change ``q``, or
        after it up to the next change ("down 4.1% from the 4,900 vehicles sold in the
        previous week")."""
        qoq = self.lex.word_res["growth_qoq"]
        end = min(clause[1], q.end + 80)
        other = next((x for x in self._in(self.quantities, q.end, end) if x.kind == "percent"), None)
        return bool(
            qoq.search(near)
            or qoq.search(self.lower, q.end, other.start if other else end)
            or (other is None and _PREVIOUS_QUARTER_NEXT.match(self.lower, clause[1]))
        )

    def _against_other_quarter(self, q: Quantity, lo: int, hi: int, sent) -> bool:
        """Whether a change is said against a quarter named (``较2025年第二季度``, "from the
        second quarter") other than the quarter last named before it: a change on the quarter
        before, which no metric holds. Against the same quarter (of the year before) it is
        year on year."""
        m = self._quarter_compared(q, lo, hi, sent)
        if m is None:
            return False
        n = _QUARTER_NUMBER[m.group("n") or m.group("n2") or m.group("n3")]
        at = min(q.start, m.start())
        own = next(
            (
                p
                for p in reversed(self._in(self.periods, max(0, sent.start - 300), at))
                if p.kind == "quarter" and not p.local
            ),
            None,
        )
        return own is None or not own.period.endswith(f"Q{n}")

    def _quarter_compared(self, q: Quantity, lo: int, hi: int, sent) -> re.Match | None:
        """The quarter a change ``q`` is said against: named between ``lo`` and ``hi``
        ("from the second quarter"), before the figure compared with before it (``较 2024 年
        第一季度的 30 亿元减少 0.7%``) or after the one compared with after it ("an increase
        of 23.4% from RMB8.11 billion for the second quarter of 2024"); else None."""
        m = _QUARTER_COMPARED.search(self.lower, lo, hi)
        if m is not None:
            return m
        nxt = self._first_in(self.quantities, q.end, sent.end)
        if nxt is not None and _FROM_FIGURE.fullmatch(self.lower, q.end, nxt.start):
            return _QUARTER_OF_FIGURE.match(self.lower, nxt.end)
        prev = self._last_figure_before(q, sent)
        if prev is None or prev.end > lo:
            return None
        m = _last_match(_QUARTER_COMPARED, self.lower, max(sent.start, prev.start - 25), prev.start)
        if m is None or not _COMPARED_FIGURE_AFTER.fullmatch(self.lower, m.end(), prev.start):
            return None
        return m

    def _growth_suffix(
        self, mm: _Mention, near_before: str, near: str, window: str, after: str = "", own: bool = True
    ) -> str:
        """``mom`` or ``yoy``: what the change word says (when it is the change's ``own``),
        else the words right after the percent ("a 38.27% jump over the previous year"),
        else those just before it, else those around it; a change named with no comparison
        is against the year before (the way Chinese and market reports give monthly and
        quarterly figures)."""
        words = self.lex.word_res
        if (
            own
            and mm.word in self.lex.growth_words_mom
            and self._mom_word(self.lower[max(0, mm.start - 1) : mm.end])
        ):
            return "mom"  # the word itself says it: 环比增长 (not 4月增长)
        if own and mm.word in self.lex.growth_words_yoy:
            return "yoy"
        for text in (after, near_before, near):
            if self._mom_word(text) or _COMPARED_MONTH.search(text):
                return "mom"
            if words["growth_yoy"].search(text) or _FROM_YEAR.search(text):
                return "yoy"
        if words["growth_yoy"].search(window) or _FROM_YEAR.search(window):
            return "yoy"
        return "mom" if self._mom_word(window) else "yoy"

    def _mom_word(self, text: str) -> bool:
        """Whether ``text`` holds a month-on-month word, Taiwan's 月增 not counting right
        after a month's number (同比2020年4月增长111.3%: April's, year on year)."""
        for m in self.lex.word_res["growth_mom"].finditer(text):
            if not (m.group().startswith("月") and m.start() > 0 and text[m.start() - 1].isdigit()):
                return True
        return False

    def _no_share_move(self, q: Quantity, clause, sent) -> bool:
        """Whether a change with no figure before it to be the growth of is still no share
        move: a figure no metric holds (a gross margin, an adjusted profit) is named before
        it in its sentence with no share word after that ("毛利按年增长50.7%"), or it is said
        against an earlier time in a sentence naming no share ("a 30.3 percent decrease from
        the second quarter"), or against a product's predecessor ("较上一代提升10倍")."""
        lower = self.lower
        ends = [m.end() for m in self.lex.word_res["unheld"].finditer(lower, sent.start, q.start)]
        if ends and not _names_share(lower[ends[-1] : q.start]):
            return True
        if _AGAINST_PREDECESSOR.search(lower, max(clause[0], q.start - 24), q.start):
            return True  # 模型参数量较上一代提升10倍: a product's gain on its predecessor
        if _names_share(lower[sent.start : sent.end]):
            return False
        if self._segment(q, clause):
            return True  # "plug-in hybrids surged 72.83 percent": a segment's growth, no share's
        prev = self._last_figure_before(q, sent)
        if (
            prev is not None
            and prev.end > clause[0]
            and _COMPARED_FIGURE.search(lower, max(0, prev.start - 30), prev.start)
        ):
            return True  # 较 2023 年第二季度的人民币 46 亿元增加 23.9%: the change of a figure
        # a share move is never year on year ("a 224% YoY increase", "较去年同期增加10%")
        yoy = self.lex.word_res["growth_yoy"]
        near = (max(clause[0], q.start - 40), min(clause[1], q.end + 40))
        return bool(_CHANGE_FROM_TIME.match(lower, q.end, clause[1])) or bool(yoy.search(lower, *near))

    def _model_entity(self, slug: str, metric: str, period: str) -> str:
        """A company's vehicle counts belong to the model (or model group) it delivered then
        (remembered per text: articles repeat the same entity, metric and period)."""
        key = (slug, metric, period)
        found = self._model_cache.get(key)
        if found is None:
            found = self._model_cache[key] = self._model_entity_uncached(slug, metric, period)
        return found

    def _results_holder(self, slug: str, metric: str, period: str, fig: _Figure) -> str:
        """The listed group holding a brand's results for ``period`` (``[results_holder]`` in
        the lexicon: Zeekr's from 2025 are Zeekr Group's), unless the brand is named as such
        just before the figure (极氪品牌, "the Zeekr brand"); else ``slug``."""
        held = self.lex.results_holder.get(slug)
        if (
            held is None
            or not metric.startswith(_RESULTS)
            or _period_of(period).start.isoformat()[:7] < held[1]
        ):
            return slug
        e = self._last_in(self.entities, fig.sent.start, fig.q.start)
        if e is not None and e.key == slug and e.word.endswith(("品牌", "brand")):
            return slug
        return held[0]

    def _model_entity_uncached(self, slug: str, metric: str, period: str) -> str:
        lex = self.lex
        if metric not in (
            "deliveries",
            "sales",
            "production",
            "orders",
            "locked_orders",
            "backlog",
            "insurance_registrations",
        ) and not metric.startswith(("deliveries_", "sales_", "insurance_registrations_")):
            return slug
        models = lex.models_of.get(slug)
        if not models:
            return slug
        firsts = [lex.entities[m].first_delivery for m in models]
        known = [f for f in firsts if f is not None]
        if len(known) < len(firsts):
            return slug
        end = _period_of(period).end.isoformat()[:7]
        active = frozenset(m for m, f in zip(models, known) if f <= end)
        if len(active) == 1:
            return next(iter(active))
        return lex.groups.get(active, slug)

    def _respectively(self) -> dict[int, dict]:
        """Pair times or entities listed before 分别/respectively with the quantities after it."""
        out: dict[int, dict] = {}
        for m in _RESPECTIVELY.finditer(self.t):
            si = self._sentence_of(m.start())
            if si < 0 or _YOY_THEN_MOM_LEAD.search(self.t, max(0, m.start() - 8), m.start()):
                continue  # (同环比分别为+97.3%/+36.7%: the two changes of one figure)
            s = self.sentences[si].around(m.start(), m.end())
            english = m.group().lower() == "respectively"
            if english:
                qs = [
                    q
                    for q in self._in(self.quantities, s.start, m.start())
                    if q.kind not in ("other", "times")
                ]
                periods = [
                    p
                    for p in self._in(self.periods, s.start, m.start())
                    if not any(q.start <= p.start < q.end for q in qs)
                ]
                if len(qs) > len(periods) and (runs := self._runs(s.start, m.start(), _EN_LIST_JOINS)):
                    qs = runs[-1]  # ("a net loss of …, compared to net profits of 2.8 billion RMB
                    # and 1.1 billion RMB in Q3 2024 and Q2 2025, respectively": the list it ends)
            else:
                qs, end = self._zh_list_items(m.end(), s.end)
                periods = self._times_before_list(s.start, m.start()) or self._before_semicolon(si)
            if len(qs) < 2:
                continue
            for q in qs:
                out.setdefault(q.start, {})
            # a bound written once before the list ("分别约为 5.4 万辆和 3.2 万辆") holds for each item
            if not english:
                lead = self.lower[m.end() : qs[0].start].strip().rstrip("为是")
                w = self.lex.bounds_before_rev_re.match(lead[::-1])
                k = self.lex.bounds_before_map.get(lead[len(lead) - w.end() :]) if w is not None else None
                if k is not None and k != "eq":
                    for q in qs:
                        out[q.start]["bound"] = k
            for q, p in zip(qs, self._listed_periods(periods, len(qs))):
                out[q.start]["period"] = p
            names = self._listed_names(si, s, m.start(), len(qs))
            for q, e in zip(qs, names):
                out[q.start]["entity"] = e.key
            if names and not english:  # 分别为113.5万/31.7万/19.4万辆，同比变化+167.1%/+25.0%/-3.5%
                # (or 分别交付1.29万辆及1.23万辆，按年增幅为115%及128.1%)
                for run in self._runs(end, s.end, _SLASH_JOINS | _ZH_LIST_JOINS):
                    if len(run) == len(qs):
                        for q, e in zip(run, names):
                            out.setdefault(q.start, {})["entity"] = e.key
            if english:
                self._pair_en_lists(s, self._in(self.entities, s.start, s.end), out)
        self._pair_implied_lists(out)
        return out

    def _listed_names(self, si: int, s, at: int, n: int) -> list[_Mention]:
        """The ``n`` names a list of ``n`` figures before 分别/respectively (at ``at``) pairs
        with, in order: the last ``n`` named before it in its sentence (a name repeated in a
        row counting once); for a sentence naming them only as "these brands" (这三个品牌),
        the last ``n`` of the sentence before, in its paragraph ("… three major brands—Avatr,
        Deepal, and Qiyuan. In October, these brands sold 13,506, 36,792, and 36,378 units,
        respectively"); else none."""
        names = _distinct_names(self._in(self.entities, s.start, at))
        if len(names) < n and si >= 1 and _THESE_NAMES.search(self.lower, s.start, at):
            prev = self.sentences[si - 1]
            if prev.para == s.para:
                names = _distinct_names(self._in(self.entities, prev.start, prev.end))
        return names[-n:] if len(names) >= n else []

    def _pair_implied_lists(self, out: dict[int, dict]) -> None:
        """The lists paired with no 分别 or "respectively" (ranges, English lists of times,
        Chinese lists of ranks and of makers), each keeping the pairings made before it (the
        runs of figures each kind of list is made of are found once)."""
        zh_runs = self._runs(0, len(self.t), _ZH_LIST_JOINS)
        en_runs = self._runs(0, len(self.t), _EN_LIST_JOINS)
        self._pair_ranged_lists(out, zh_runs + en_runs)
        self._pair_en_time_lists(out, en_runs)
        self._pair_ranked_lists(out, zh_runs)
        self._pair_zh_name_lists(out, zh_runs)

    def _pair_ranked_lists(self, out: dict[int, dict], runs: list[list[Quantity]]) -> None:
        """A Chinese list of figures said to rank its makers in turn (``蔚来汽车、理想汽车以91429辆
        和90491辆分列二三位``) pairs with as many makers listed before it in its sentence, in
        order, as 分别 would; items already paired keep their pairing."""
        if _RANKED_AFTER.search(self.t) is None:
            return
        for run in runs:
            if any(q.start in out for q in run) or not _RANKED_AFTER.match(self.t, run[-1].end):
                continue
            si = self._sentence_of(run[0].start)
            last = self._last_in(self.entities, self.sentences[si].start, run[0].start) if si >= 0 else None
            if last is None:
                continue
            named = self._model_list(last, self.entities, self.sentences[si].start, None)
            if len(named) == len(run):
                for q, key in zip(run, named):
                    out[q.start] = {"entity": key}

    def _pair_zh_name_lists(self, out: dict[int, dict], runs: list[list[Quantity]]) -> None:
        """A Chinese list of figures joined by 、 (``上汽、赛力斯利润增幅达17%、32%``) pairs with a
        list of as many makers opening its clause, in order, as 分别 would; items already
        paired keep their pairing."""
        if "、" not in self.t:
            return
        for run in runs:
            if any(q.start in out for q in run) or "、" not in self.t[run[0].end : run[1].start]:
                continue
            si = self._sentence_of(run[0].start)
            if si < 0:
                continue
            sent = self.sentences[si]
            lo = max(sent.start, *(self.t.rfind(c, sent.start, run[0].start) + 1 for c in "，,；;：:"))
            last = self._last_in(self.entities, lo, run[0].start)
            if last is None:
                continue
            named = self._model_list(last, self.entities, lo, None)
            if len(named) == len(run) == len(set(named)):
                for q, key in zip(run, named):
                    out[q.start] = {"entity": key}

    def _pair_en_time_lists(self, out: dict[int, dict], runs: list[list[Quantity]]) -> None:
        """An English list of figures joined by "and" or commas, right before as many times
        joined the same way ("7,257 and 7,102 deliveries in March and April"), pairs its
        items with those times in order, as "respectively" would; items already paired keep
        their pairing."""
        for run in runs:
            # (the unit may be written once, after the last: "7,257 and 7,102 deliveries")
            if any(q.start in out for q in run) or len({q.kind for q in run[:-1]}) > 1:
                continue
            if run[0].kind not in (None, run[-1].kind):
                continue
            head = _TIMES_AFTER_LIST.match(self.lower, run[-1].end)
            if head is None:
                continue
            times: list[PeriodMention] = []
            at = head.end()
            for p in self._in(self.periods, at, at + 80):
                if p.start != at or p.kind not in ("month", "quarter", "half", "year"):
                    break
                times.append(p)
                join = _TIME_LIST_JOIN.match(self.lower, p.end)
                if join is None:
                    break
                at = join.end()
            if len(times) == len(run):
                for q, p in zip(run, times):
                    out[q.start] = {"period": p}

    def _before_semicolon(self, si: int) -> list[PeriodMention]:
        """The times of sentence ``si - 1`` when it ends in a semicolon (a list after 分别
        whose times were named in the clause before: ``2022年至2024年,…营收60.52亿、127.49亿
        和193.61亿元;净利润分别为…``), else none."""
        if si < 1:
            return []
        prev = self.sentences[si - 1]
        if not self.t[prev.end : self.sentences[si].start].strip().startswith((";", "；")):
            return []
        return self._in(self.periods, prev.start, prev.end)

    def _pair_ranged_lists(self, out: dict[int, dict], runs: list[list[Quantity]]) -> None:
        """A Chinese list of figures joined by 、 or 和 with no 分别, right after a range of
        as many years (``2022年至2024年,岚图汽车实现营收60.52亿、127.49亿和193.61亿元``), pairs
        its items with those years in order; items already paired keep their pairing. So
        does an English list joined by commas or "and" ("from 2019 through 2022, totaling
        42,003, 60,033, 120,155, and 271,156 automobiles"), whose unit may be written once,
        after its last item."""
        for run in runs:
            if any(q.start in out for q in run) or len({q.kind for q in run[:-1]}) > 1:
                continue
            if run[0].kind not in (None, run[-1].kind):
                continue
            si = self._sentence_of(run[0].start)
            if si < 0:
                continue
            s = self.sentences[si]
            periods = self._in(self.periods, s.start, run[0].start)
            years = self._year_range(periods, len(run))
            if years is None or self._in(self.quantities, periods[-1].end, run[0].start):
                continue
            for q, y in zip(run, years):
                out[q.start] = {"period": periods[-1]._replace(period=y)}

    def _listed_metrics(self) -> dict[int, _Mention]:
        """The metric of each figure of a Chinese list after 分别 whose metric words are
        listed before it in the same order (``营收、归母净利润、扣非净利润分别为1732.12亿元、
        70.22亿元、48.34亿元``), and of each change of the lists of as many changes after it
        in its sentence (``同比分别增长26.12%、-15.06%、7.98%``, ``同比+41.86%、…,环比+8.43%、…``);
        found once per text."""
        found = self.__dict__.get("_metric_pairs")
        if found is not None:
            return found
        found = {}
        self._metric_pairs: dict[int, _Mention] = found
        # (a list's later changes: where its first starts, and the growth word before it)
        self._listed_later: dict[int, tuple[int, _Mention | None]] = {}
        self._run_growth: dict[int, str] = {}  # (the kind of change a run's first item was read as)
        if "分别" not in self.t:
            return found
        for m in _RESPECTIVELY.finditer(self.t):
            si = self._sentence_of(m.start())
            if si < 0:
                continue
            s = self.sentences[si].around(m.start(), m.end())
            words = self._listed_metric_words(s.start, m.start())
            qs, end = self._zh_list_items(m.end(), s.end)
            if len(words) < 2 or len(words) != len(qs):
                continue
            found.update((q.start, w) for q, w in zip(qs, words))
            for run in self._change_runs(end, s.end):
                if len(run) == len(qs):
                    found.update((q.start, w) for q, w in zip(run, words))
                    growth = next(
                        (
                            w
                            for w in reversed(self._in(self.metrics, s.start, run[0].start))
                            if w.key == "growth"
                        ),
                        None,
                    )
                    self._listed_later.update((q.start, (run[0].start, growth)) for q in run[1:])
        return found

    def _listed_growth_word(self, q: Quantity) -> _Mention | None:
        """For a later change of a list paired with listed metrics (``-15.06%`` of
        ``同比分别增长26.12%、-15.06%``), the growth word before the list's first; else None."""
        self._listed_metrics()  # (which finds the lists)
        later = self._listed_later.get(q.start)
        return later[1] if later is not None else None

    def _change_runs(self, lo: int, hi: int) -> list[list[Quantity]]:
        """The runs of two or more percentages within ``[lo, hi)`` joined by 、, / or 和, each
        with its sign (``26.12%、-15.06%、7.98%``, ``+41.86%/+1818.21%``)."""
        runs: list[list[Quantity]] = []
        for q in self._in(self.quantities, lo, hi):
            if q.kind != "percent":
                continue
            if runs and _CHANGE_RUN_GAP.fullmatch(self.t, runs[-1][-1].end, q.start):
                runs[-1].append(q)
            else:
                runs.append([q])
        return [r for r in runs if len(r) >= 2]

    def _listed_metric_words(self, lo: int, hi: int) -> list[_Mention]:
        """The last list of metric words in ``[lo, hi)`` (、, 和 or 及 between each two, with at
        most five characters of qualifier before each: ``营收、归母净利润``), in order; a single
        word when none is listed with it."""
        words = [w for w in self._in(self.metrics, lo, hi) if w.key != "growth"]
        k = len(words) - 1
        while k > 0 and (
            _METRIC_LIST_GAP.fullmatch(self.t, words[k - 1].end, words[k].start)
            or self._own_figure_between(words[k - 1].end, words[k].start)
        ):
            k -= 1
        return words[k:] if words else []

    def _own_figure_between(self, a: int, b: int) -> bool:
        """Whether ``[a, b)``, between two metric words, holds the first word's figure alone
        and then a join (``销量21.01万辆、产量23.24万辆,同比分别下降30.11%和29.13%``: each word
        with its figure, listed)."""
        qs = self._in(self.quantities, a, b)
        return (
            len(qs) == 1
            and qs[0].kind == "count"
            and not self.t[a : qs[0].start].strip()
            and self.t[qs[0].end : b].strip() in _ZH_LIST_JOINS
        )

    def _zh_list_items(self, lo: int, hi: int) -> tuple[list[Quantity], int]:
        """The figures of the list after 分别 at ``lo`` (、 and 和 join its items; it runs to
        the clause's end before ``hi``), not a conversion in brackets ("1.52 亿元 (2314.8
        万美元)"), and where the list ends."""
        stop = _LIST_END.search(self.t, lo, hi)
        end = stop.start() if stop else hi
        qs = [
            q
            for q in self._in(self.quantities, lo, end)
            if q.kind not in ("other", "times")
            # (in brackets opened after the list's start: "105.8亿美元(约合人民币764.37亿元)")
            and not ((span := self._brackets_around(q.start)) is not None and span[0] >= lo)
        ]
        if qs and qs[0].kind is not None:
            qs = [q for q in qs if q.kind is not None]  # (a source's bare number after it: "13.20万辆 [14]")
        return qs, end

    def _pair_en_lists(self, s: _Sentence, ents: list[_Mention], out: dict[int, dict]) -> None:
        """In an English sentence with "respectively", each list of figures joined by "and"
        or commas pairs with the makers named before it, in order ("Xpeng and Leapmotor
        followed with 20,100 and 18,600 deliveries, growth rates of 78.1 percent and 119
        percent, respectively")."""
        for run in self._runs(s.start, s.end, _EN_LIST_JOINS):
            before: list[_Mention] = []
            for e in ents:
                if e.end <= run[0].start and (not before or before[-1].key != e.key):
                    before.append(e)
            if len(before) >= len(run):
                for q, e in zip(run, before[-len(run) :]):
                    out.setdefault(q.start, {})["entity"] = e.key

    def _times_before_list(self, lo: int, at: int) -> list[PeriodMention]:
        """The times named in ``[lo, at)`` before a 分别 list at ``at``, not one in brackets
        ("(以下称“报告期”)" names the times before it again)."""
        return [p for p in self._in(self.periods, lo, at) if not self._aside(p.start, at)]

    def _listed_periods(self, periods: list[PeriodMention], n: int) -> list[PeriodMention]:
        """The times the ``n`` items of a 分别/respectively list are for, in order: the last
        ``n`` times named before it, else the months of a range (3月至10月…分别为29000辆、
        28000辆…) or the years of one (2021年至2023年…分别为31.60亿、54.46亿、83.69亿元); else none."""
        if len(periods) >= n:
            return periods[-n:]
        months = self._bare_months_before(periods[-1]) if periods and periods[-1].kind == "month" else []
        if len(months) == n:  # 3、4月份增速分别为16.8%和2.5%
            return [periods[-1]._replace(period=month) for month in months]
        if periods and len(periods[-1].months) == n:
            p = periods[-1]
            return [p._replace(period=month, kind="month", months=()) for month in p.months]
        years = self._year_range(periods, n)
        return [] if years is None else [periods[-1]._replace(period=y) for y in years]

    def _year_range(self, periods: list[PeriodMention], n: int) -> list[str] | None:
        """The ``n`` years from the next to last of ``periods`` to the last, when those are
        two years joined as a range (``2021年至2023年``, "from 2021 to 2023"), else None."""
        if len(periods) < 2 or periods[-1].kind != "year" or periods[-2].kind != "year":
            return None
        a, b = int(periods[-2].period), int(periods[-1].period)
        if b - a + 1 != n or not _RANGE_JOIN.fullmatch(self.lower, periods[-2].end, periods[-1].start):
            return None
        return [str(y) for y in range(a, b + 1)]

    def _runs(self, lo: int, hi: int, joins: frozenset[str]) -> list[list[Quantity]]:
        """The runs of two or more quantities within ``[lo, hi)`` joined by one of
        ``joins`` alone (slashes: ``+167.1%/+25.0%/-3.5%``; an English list: "20,100 and
        18,600")."""
        runs: list[list[Quantity]] = []
        run: list[Quantity] = []
        for q in self._in(self.quantities, lo, hi):
            if run and self.t[run[-1].end : q.start].strip().lower() in joins:
                run.append(q)
                continue
            if len(run) >= 2:
                runs.append(run)
            run = [q]
        if len(run) >= 2:
            runs.append(run)
        return runs


#: what joins the figures of a list paired with a list of makers (:meth:`Extractor._runs`)
_SLASH_JOINS = frozenset(("/", "/+", "/-", "/ +", "/ -"))
# a list of figures that rank its makers in turn (…以91429辆和90491辆分列二三位)
_RANKED_AFTER = re.compile(r" ?(?:分列|分居)")
# what opens an item of a list (a., 2., 2), -, •, (1), （一）)
_LIST_MARK = re.compile(
    r"[ \t]*(?:[a-z][.)]|\d{1,2}[.、)]|[-•·*]|[(（](?:\d{1,2}|[a-z]|[一二三四五六七八九十])[)）])[ \t]?"
)
_EN_LIST_JOINS = frozenset((",", "and", ", and", "、"))
# what stands between an English list of figures and a list of their times ("7,257 and 7,102
# deliveries in March and April"), and between those times
_TIMES_AFTER_LIST = re.compile(
    r" (?:(?:units|vehicles|cars|evs|deliveries|nevs) )?(?:in|during|for) (?:the )?"
)
_TIME_LIST_JOIN = re.compile(r"(?:,? and |, )(?:in |the )?")
_ZH_LIST_JOINS = frozenset(("、", "和", "及", "与"))

#: a window shorter than this is searched directly, a longer one looked up (:meth:`Extractor._found`)
_SHORT_WINDOW = 200

#: a text longer than this many characters is read in pieces (:func:`read_facts`)
PIECE = 40_000
_PIECE_ENDS = ("\n", "。！？!?；;", " ，,、")


def _pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, int]]:
    """``text`` cut into pieces ``[a, b)`` of at most ``size`` characters. A piece ends
    after the last line end in its second half, else the last sentence end there, else the
    last space or comma, else before the figure or Latin word at ``size``: no figure is cut,
    and seldom a sentence."""
    a, n = 0, len(text)
    while n - a > size:
        lo, hi = a + size // 2, a + size
        b = -1
        for ends in _PIECE_ENDS:
            b = max(text.rfind(ch, lo, hi) for ch in ends)
            if b >= 0:
                b += 1
                break
        if b < 0:
            b = _cut_before(text, lo, hi)
        yield a, b
        a = b
    yield a, n


def _cut_before(text: str, lo: int, hi: int) -> int:
    """A cut at or before ``hi`` (not before ``lo``) that parts no figure from its unit and
    no Latin word: before a number ending within 4 characters of ``hi``, else before the
    Latin letters that end at ``hi``."""
    b = hi
    k = max(text.rfind(d, hi - 4, hi) for d in "0123456789")
    if k >= 0:
        b = k
        while b > lo and (text[b - 1].isdigit() or text[b - 1] in ".,"):
            b -= 1
    while b > lo and text[b - 1].isascii() and text[b - 1].isalpha():
        b -= 1
    return b


def read_facts(
    text: str,
    published: date | None = None,
    meta: dict | None = None,
    skipped: list[Skipped] | None = None,
    *,
    judged: bool = True,
    model: Model | None = None,
) -> list[Fact]:
    """The facts of ``text`` (see :meth:`Extractor.facts`; ``meta`` is copied onto each and
    figures left out are appended to ``skipped``), each with the confidence of
    :func:`~evlens.extract.confidence.judge` (the shipped model unless ``model`` is given);
    those below its threshold are left out and listed in ``skipped`` (``judged=False``
    keeps them, each with its confidence). A text longer than :data:`PIECE`
    characters is read piece by piece (:func:`_pieces`), so the memory held while reading
    is that of one piece: the pieces share the date relative times count from (read from
    the whole text when ``published`` is None) and the facts emitted (a figure repeated in a
    later piece is not emitted again); a figure takes no maker or time named in an earlier
    piece. Spans index ``text``."""
    meta = meta or {}
    if len(text) <= PIECE:
        parts: Iterable[tuple[int, int]] = [(0, len(text))]
        anchor = None
    else:
        parts = _pieces(text)
        anchor = published or infer_date(text, normalize(text).text)
    out: list[Fact] = []
    seen: set[tuple] = set()
    for a, b in parts:
        ex = Extractor(text[a:b] if b - a < len(text) else text, published, anchor=anchor)
        got = ex.facts(seen=seen, **meta)
        if a:
            for f in got:  # (the extractor sets every span)
                object.__setattr__(f, "span_start", (f.span_start or 0) + a)
                object.__setattr__(f, "span_end", (f.span_end or 0) + a)
        out.extend(got)
        if skipped is not None:
            skipped.extend(
                s._replace(span_start=s.span_start + a, span_end=s.span_end + a) for s in ex.skipped
            )
    kept, below = judge(out, text, model)
    if not judged:
        return out
    if skipped is not None:
        skipped.extend(
            Skipped(
                f.span_start or 0,
                f.span_end or 0,
                f.surface or "",
                f.metric,
                _UNLIKELY.format(p=f.confidence),
            )
            for f in below
        )
    return kept


def extract_text(text: str, published: date | None = None, *, judged: bool = True, **meta) -> list[Fact]:
    """Facts read from ``text`` (an article's whole text, front matter included or not).

    ``published`` anchors relative times (今年, last year, a month without a year).
    ``meta`` (document_id, published_basis, source_url, publisher) is copied onto each fact.
    ``judged=False`` keeps every reading of the rules (see :func:`read_facts`).
    """
    return read_facts(text, published, meta, judged=judged)
