"""The second lead test of the English time expression (``_EN_NEXT``) turns away no
position the expression matches at: with it and without it, the same matches."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from evlens.extract import dates

WITHOUT = re.compile(dates._EN.pattern.replace(dates._EN_NEXT, "", 1))

TOKENS = [
    "2024",
    "2025",
    "年",
    "5",
    "12",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "31st",
    "st",
    "th",
    "Q",
    "H",
    "1",
    "2",
    "3",
    "quarter",
    "Quarter",
    "QUARTER",
    "March",
    "Mar.",
    "May",
    "Sept",
    "september",
    "Monday",
    "MONDAY",
    "half",
    "Half",
    "H1",
    "H2",
    "Q4",
    "IV",
    "III",
    "week",
    "Week",
    "of",
    "months",
    "quarters",
    "two",
    "three",
    "Hang",
    "Model",
    "BYD",
    "%",
    "$",
    "小米",
    "月",
    "日",
    "period",
    "same",
    "today",
    "Today",
    "currently",
    "in",
    "on",
    "On",
    "x",
    "A",
    "Z",
] + [
    " ",
    "-",
    "–",
    ",",
    ".",
    "\n",
    "As of ",
    "AS AT ",
    "By ",
    "by the end of ",
    "End-",
    "end of ",
    "From ",
    "BETWEEN ",
    "between ",
    "and ",
    "to ",
    "the ",
    "The ",
    "THE ",
    "first",
    "First",
    "FIRST",
    "second",
    "Last",
    "last week",
    "The previous week",
    "this year",
    "This Year",
    "NEXT MONTH",
    "year to date",
    "Year-to-date",
    "So far this year",
    "Since the start of the year",
    "in the year",
    "year-end",
    "full-year",
    "a year ago",
    "Through ",
    "At the end of ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40))
def test_same_matches_with_and_without_the_second_lead(parts: list[str]) -> None:
    text = "".join(parts)
    with_next = [(m.span(), m.groupdict()) for m in dates._EN.finditer(text)]
    assert with_next == [(m.span(), m.groupdict()) for m in WITHOUT.finditer(text)]


def test_a_month_after_the_or_this_is_a_month_not_a_name():
    from datetime import date

    from evlens.extract import extract_text

    text = (
        "In October, Nio's deliveries had exceeded 40,000 units. The November figure therefore "
        "represents a decline of approximately 10% from the previous month."
    )
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2025, 12, 2))}
    assert ("nio", "deliveries_mom", "2025-11", -10.0) in got


def test_the_current_quarter_is_the_articles_or_the_one_after_the_quarter_reported():
    from datetime import date

    from evlens.extract import extract_text

    def got(text, day):
        return {(f.entity, f.metric, f.period, f.value, f.bound) for f in extract_text(text, day)}

    text = "NIO reported second-quarter results. Nio expects to deliver between 55,000 and 57,000 vehicles in the current quarter."
    assert ("nio", "delivery_target", "2023-Q3", 55000.0, "ge") in got(text, date(2023, 8, 30))
    undated = text.replace("second-quarter results", "second-quarter 2023 results")
    assert ("nio", "delivery_target", "2023-Q3", 57000.0, "le") in got(undated, None)
    text = "Nio expects to deliver 60,000 vehicles next quarter."
    assert ("nio", "delivery_target", "2023-Q4", 60000.0, "eq") in got(text, date(2023, 8, 30))
