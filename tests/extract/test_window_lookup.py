"""A word searched in a window of the text is looked up in the text's matches of it
(:meth:`Extractor._found`): the answer is always the window search's."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from evlens.extract.core import (
    _BOTH_POWERTRAINS,
    _BOTH_POWERTRAINS_LEAD,
    _BOTH_POWERTRAINS_LEAD_WIDTH,
    Extractor,
)

# (words that overlap another's start: 早盘中, 收市值, 开盘初, 较上年增长, "shares stock")
PIECES = [
    "早",
    "开",
    "盘",
    "中",
    "初",
    "收",
    "市",
    "值",
    "较上",
    "年",
    "增长",
    "盘中",
    "一度",
    "预计",
    "可能",
    "纯电",
    "和",
    "插电",
    "插混",
    "bev",
    "bevs",
    " and ",
    "phev",
    "battery-electric",
    "plug-in",
    "forecast",
    "expects",
    "shares",
    "stock",
    "同比",
    "环比",
    "year on year",
    "，",
    "。",
    " ",
    "a",
    "s",
    "小米交付7,058辆",
]
LISTS = (
    "hedges",
    "sentence_hedges",
    "forecast",
    "share_context",
    "growth_yoy",
    "growth_mom",
    "intraday",
)


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=400),
    windows=st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 3000)), min_size=1, max_size=30),
)
def test_lookup_answers_as_the_window_search(parts: list[str], windows: list[tuple[int, int]]) -> None:
    ex = Extractor("".join(parts), date(2025, 2, 8))
    lower = ex.lower
    for a, b in windows:
        lo, hi = min(a, b, len(lower)), min(max(a, b), len(lower))
        for name in LISTS:
            want = ex.lex.word_res[name].search(lower, lo, hi) is not None
            assert ex._listed(name, lo, hi) == want, (name, lo, hi)
        want = _BOTH_POWERTRAINS.search(lower, lo, hi) is not None
        got = ex._found(_BOTH_POWERTRAINS, _BOTH_POWERTRAINS_LEAD_WIDTH, lo, hi, _BOTH_POWERTRAINS_LEAD)
        assert got == want, (lo, hi)


def test_a_word_the_scan_passed_over_is_found() -> None:
    """盘中 in 早盘中 starts inside 早盘, the match the scan of the text finds: a long window
    from its start still finds it."""
    text = "早盘中" + "，" * 300 + "开盘初" + "，" * 300
    ex = Extractor(text, date(2025, 2, 8))
    for lo in range(len(text)):
        for hi in (lo + 5, lo + 250, len(text)):
            want = ex.lex.word_res["intraday"].search(ex.lower, lo, hi) is not None
            assert ex._listed("intraday", lo, hi) == want, (lo, hi)
