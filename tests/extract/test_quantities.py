from decimal import Decimal

import pytest

from evlens.extract.normalize import normalize
from evlens.extract.quantities import find_quantities, parse_cn_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("两万", 20000),
        ("十二", 12),
        ("一百零五", 105),
        ("三千零五", 3005),
        ("二〇二四", 2024),
        ("两万三千", 23000),
        ("三亿五千万", 350_000_000),
        ("壹佰贰拾", 120),
        ("一万亿", 10**12),
        ("十", 10),
    ],
)
def test_chinese_numerals(text, value):
    assert parse_cn_number(text) == Decimal(value)


def one(text):
    t = normalize(text).text
    qs = find_quantities(t)
    assert len(qs) == 1, [t[q.start : q.end] for q in qs]
    return qs[0], t[qs[0].start : qs[0].end]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("1.02 万亿港元", Decimal("1020000000000"), "HKD"),  # 1.02 x 10^12, exact in Decimal
        ("2.4 万辆", Decimal(24000), "vehicle"),
        ("26 万份", Decimal(260000), "order"),
        ("130 亿元", Decimal(13_000_000_000), "CNY"),
        ("HK$1.02 trillion", Decimal("1020000000000"), "HKD"),
        ("US$2.5bn", Decimal(2_500_000_000), "USD"),
        ("7,058 units", Decimal(7058), "vehicle"),
        ("121%", Decimal(121), "percent"),
        ("百分之二十", Decimal(20), "percent"),
        ("三十万辆", Decimal(300000), "vehicle"),
        ("50 周", Decimal(50), "week"),
        ("万亿港元", Decimal(10**12), "HKD"),  # a bare magnitude stands for one of it
        ("２.５万辆", Decimal(25000), "vehicle"),
    ],
)
def test_quantities(text, value, unit):
    q, _ = one(text)
    assert q.value == value and q.unit == unit


def test_more_and_ranges():
    q, _ = one("20多万辆")
    assert q.value == 200000 and q.more
    q, s = one("20-30 万元")
    assert (q.value, q.high, q.unit, s) == (200000, 300000, "CNY", "20-30万元")
    q, _ = one("6万至8万辆")
    assert (q.value, q.high) == (60000, 80000)
    q, _ = one("between 40,000 and 45,000 vehicles")
    assert (q.value, q.high, q.unit) == (40000, 45000, "vehicle")


@pytest.mark.parametrize("text", ["2024 年", "4 月", "第五", "SU7", "20:00", "一次次"])
def test_dates_ordinals_and_names_are_no_quantities(text):
    t = normalize(text).text
    assert [q for q in find_quantities(t) if q.kind is not None] == []


def test_a_listing_code_after_hkg_is_no_year():
    from evlens.extract.quantities import is_stock_code

    text = "Li Auto (NASDAQ: LI, HKG: 2015) and Xiaomi (HKG: 1810, OTC: XIACY)"
    a = text.index("2015")
    assert is_stock_code(text, a, a + 4)
    b = text.index("1810")
    assert is_stock_code(text, b, b + 4)
    assert not is_stock_code("sales in 2015, up", 9, 13)


def _read(text: str) -> list[tuple]:
    return [(q.value, q.kind, q.unit) for q in find_quantities(normalize(text).text)]


def test_numbers_written_in_chinese_numerals_with_a_point_or_digit_by_digit():
    # Taiwan's press writes figures in numerals: 淨利十一.三億美元, 營收二一三億美元
    assert _read("淨利十一.三億美元") == [(Decimal("1130000000"), "currency", "USD")]
    assert _read("營收二一三億美元") == [(Decimal("21300000000"), "currency", "USD")]
    assert _read("交車三十八.六八萬輛") == [(Decimal("386800"), "count", "vehicle")]
    assert _read("一.公司") == []  # a numbered heading is no decimal
    assert _read("月销三四万辆") == []  # a spoken range (30,000 to 40,000), not 340,000


def test_a_short_lower_section_after_wan_and_a_bare_wan_after_po():
    assert _read("累計交付量154萬215輛") == [(Decimal("1540215"), "count", "vehicle")]
    assert _read("訂單已破萬") == [(Decimal("10000"), None, None)]


def test_tenths_and_multiples_after_a_change_word_are_percentages():
    assert _read("比亞迪銷量跌四成") == [(Decimal("40"), "percent", "percent")]
    assert _read("升約半成") == [(Decimal("5"), "percent", "percent")]
    assert _read("成為冠軍") == []
    assert _read("營收年增1.26倍") == [(Decimal("126"), "percent", "percent")]
    assert _read("增长了近两倍") == [(Decimal("200"), "percent", "percent")]  # (了 and a bound between)
    assert _read("是去年的3倍") == [(Decimal("3"), "times", "times")]  # no change word: a multiple


def test_two_grouped_numbers_joined_by_a_dash_are_a_range_with_no_unit():
    got = find_quantities("lowered its forecast to 560,000-640,000 from 650,000-800,000")
    assert [(q.value, q.high) for q in got] == [
        (Decimal(560000), Decimal(640000)),
        (Decimal(650000), Decimal(800000)),
    ]
    assert all(q.high is None for q in find_quantities("in 2024-2025"))  # (ungrouped: no range)


def test_thousands_set_apart_by_spaces_are_one_number():
    from evlens.extract.quantities import find_quantities as fq

    assert [q.value for q in fq("reporting 1 144 588 units exported")] == [1144588]
    assert [q.value for q in fq("with 1 059 units sold")] == [1059]
    # a year and a number after it stay apart, and a date is no grouped number
    assert [q.value for q in fq("in 2024 1 000 cars")][-1] == 1000
    assert [q.value for q in fq("on 3 2025")] != [32025]


def test_chinese_yuan_and_us_dollars_written_out_are_currencies_and_byds_yuan_is_not():
    def units(text: str) -> list:
        return [(q.kind, q.unit, float(q.value)) for q in find_quantities(text)]

    assert units("revenue stood at 27.43 billion Chinese yuan") == [("currency", "CNY", 27.43e9)]
    assert units("a loss of 3.9 billion Chinese Yuan") == [("currency", "CNY", 3.9e9)]
    assert units("raised 5 billion U.S. dollars") == [("currency", "USD", 5e9)]
    # BYD's Yuan family is a line of cars, not a currency
    assert units("more than the 31,456 Yuan family vehicles")[0][:2] != ("currency", "CNY")


@pytest.mark.parametrize(
    "text, values",
    [
        ("小鹏汽车11月交付量:36728辆", [36728]),  # a label's colon after a word
        ("营收:1,234亿元", [123_400_000_000]),
        ("25年Q1:94008 25年Q2:103181", [94008, 103181]),  # three digits or more after a digit's colon
        ("发布于2025-11-20 20:09", [2025, 11, 20]),  # a time of day is no figure
        ("比例为1:3", []),  # nor is a ratio
    ],
)
def test_a_colon_before_a_figure_is_a_labels_unless_it_makes_a_time_or_a_ratio(text, values):
    assert [float(q.value) for q in find_quantities(normalize(text).text)] == values


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("sold more than two million vehicles", 2_000_000, "vehicle"),
        ("Three million cars", 3_000_000, "vehicle"),
        ("more than a quarter of a million units in June", 250_000, "vehicle"),
        ("half a million vehicles", 500_000, "vehicle"),
        ("a billion yuan", 1_000_000_000, "CNY"),
    ],
)
def test_a_number_in_english_words_before_a_magnitude_is_read(text, value, unit):
    got = [(float(q.value), q.unit) for q in find_quantities(normalize(text).text)]
    assert got == [(value, unit)]


def test_english_number_words_without_a_magnitude_or_glued_to_a_word_are_no_figures():
    assert find_quantities("a million-dollar question for one of the two makers") == []


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("市值達到 $1.63 兆", 1.63e12, "USD"),  # Taiwan's and Hong Kong's trillion
        ("市值1.2兆元", 1.2e12, "CNY"),
        ("装机100兆瓦", 100, None),  # a megawatt: no magnitude
    ],
)
def test_zhao_is_a_trillion_unless_a_unit_of_measure_follows(text, value, unit):
    got = [(float(q.value), q.unit) for q in find_quantities(normalize(text).text)]
    assert got == [(value, unit)]


def test_zhi_is_a_counter_of_things_not_vehicles_unless_it_means_only():
    got = [(float(q.value), q.kind) for q in find_quantities(normalize("1-5月出口量175.8万只").text)]
    assert got[-1] == (1_758_000, "other")
    got = [(float(q.value), q.kind) for q in find_quantities(normalize("后50万只用了17个月").text)]
    assert got[0] == (500_000, None)


def test_a_currency_named_before_a_number_and_yuan_after_it_is_that_currency():
    # Taiwan and Hong Kong press write 港幣234.4元 for HK$234.4
    got = [(q.value, q.unit) for q in find_quantities(normalize("H股股價收跌0.85%至港幣234.4元").text)]
    assert got == [(Decimal("0.85"), "percent"), (Decimal("234.4"), "HKD")]
    assert [(q.value, q.unit) for q in find_quantities("美元28元")] == [(Decimal("28"), "USD")]
    # the currency after a number is that number's, not a prefix of the next one
    got = [(q.value, q.unit) for q in find_quantities("当前价14.20港元4 报告")]
    assert got == [(Decimal("14.20"), "HKD"), (Decimal("4"), None)]


def test_a_number_right_after_an_ascii_comma_after_a_chinese_word_is_read():
    # mainland pages often write ASCII commas between Chinese clauses
    assert [(q.value, q.unit) for q in find_quantities("同期汽车交付量也大幅增加,79250辆的成绩单")] == [
        (Decimal("79250"), "vehicle")
    ]
    # a comma after a digit or a letter still makes a piece of another number or code
    assert [q.value for q in find_quantities("1,23")] == [Decimal("1")]
    assert find_quantities("abc,123") == []


def test_a_decimal_comma_before_a_percent_sign_is_a_decimal():
    assert [(q.value, q.unit) for q in find_quantities("up 16,03% from 13,100")] == [
        (Decimal("16.03"), "percent"),
        (Decimal("13100"), None),
    ]
    assert [q.value for q in find_quantities("a growth of 52,6%, surpassing")] == [Decimal("52.6")]
    # thousands before a percent sign stay thousands
    assert [q.value for q in find_quantities("1,234%")] == [Decimal("1234")]


def test_a_thousands_section_after_ten_thousands_in_figures():
    assert [q.value for q in find_quantities("蔚来10月交付1万2千辆")] == [12000]
    assert [q.value for q in find_quantities("营收3万5千元")] == [35000]
    assert [q.value for q in find_quantities("累计销量460万2436辆")] == [4602436]


def test_a_bare_wan_of_vehicles_after_a_word_of_passing_is_ten_thousand():
    q, surface = one("M03交付超万辆")
    assert (q.value, q.kind, q.unit, surface) == (Decimal(10000), "count", "vehicle", "万辆")
    assert not find_quantities(normalize("超万人参加").text)


def test_the_low_end_of_between_and_takes_the_high_ends_magnitude():
    q, _ = one("between 5 and 6 million units")
    assert (q.value, q.high, q.unit) == (Decimal("5000000"), Decimal("6000000"), "vehicle")
    q, _ = one("between 1.5 billion and 2 billion yuan")
    assert (q.value, q.high) == (Decimal("1500000000"), Decimal("2000000000"))


def test_a_magnitude_after_a_hyphen_scales_the_number():
    q, _ = one("sell more than 5-million vehicles a year")
    assert (q.value, q.unit) == (Decimal("5000000"), "vehicle")
    q, _ = one("sold 2.79-million units")
    assert q.value == Decimal("2790000")


def test_a_full_width_comma_grouping_thousands_is_one_number():
    # (mainland pages group with the full-width comma: 交付量达265，967辆)
    q, span = one("前三季度累计交付量达265，967辆，其中")
    assert (q.value, q.unit, span) == (Decimal("265967"), "vehicle", "265,967辆")
    assert normalize("共1，234，567辆").text == "共1,234,567辆"
    # a comma between clauses, or one before fewer than three digits, stays a comma
    assert normalize("增长36%，123辆").text == "增长36%，123辆"
    assert normalize("为12，34辆").text == "为12，34辆"


def test_doubling_is_a_change_of_100_percent_unless_its_base_follows():
    q, span = one("sales nearly doubling year-on-year")
    assert (q.value, q.unit, span) == (Decimal(100), "percent", "doubling")
    t = normalize("Tesla exported 13,555 vehicles, more than doubling last year's tally").text
    assert [t[x.start : x.end] for x in find_quantities(t)] == ["13,555 vehicles"]


def test_a_count_and_its_unit_joined_by_a_spaced_hyphen_are_one():
    assert normalize("exceed the 70,000 - unit mark").text == "exceed the 70,000-unit mark"
    q, span = one("exceed the 70,000 - unit mark")
    assert (q.value, q.unit, span) == (Decimal(70000), "vehicle", "70,000-unit")
    # a spaced dash elsewhere stays
    assert normalize("2024 - the year").text == "2024 - the year"


def test_cells_a_filings_table_ran_together_are_split_after_a_groups_third_digit():
    # (a results announcement copied from its PDF: 2025, 2024 and the change, run together)
    t = normalize("收益(人民币千元)150,284,734118,792,68927\n总销量(部)1,409,180955,73047").text
    got = [t[x.start : x.end] for x in find_quantities(t) if x.arabic]
    assert got == ["150,284,734", "118,792,689", "27", "1,409,180", "955,730", "47"]
    t = normalize("收入123,851,332144,459,94616.6%毛利").text
    assert [t[x.start : x.end] for x in find_quantities(t)] == ["123,851,332", "144,459,946", "16.6%"]
    # a stray digit before a unit is no cell of a table
    t = normalize("销量1,2345辆").text
    assert [t[x.start : x.end] for x in find_quantities(t)] == ["1,234"]


def test_a_markdown_table_run_into_one_line_gets_a_line_a_row_one_character_for_one():
    text = "Key Data | Indicator | 2024 H1 | 2023 H1 | | :--- | :--- | :--- | | Revenue | 8.8 | 5.8 | - Then"
    n = normalize(text)
    assert (
        n.text
        == "Key Data\n| Indicator | 2024 H1 | 2023 H1 |\n| :--- | :--- | :--- |\n| Revenue | 8.8 | 5.8 | - Then"
    )
    assert len(n.text) == len(text)
    # an empty cell is no row's end ("| | FY 2025 |" heads a table whose first cell is empty)
    text = "Data | | FY 2025 | FY 2024 | | --- | --- | --- | | Deliveries | 10 | 9 |"
    assert (
        normalize(text).text == "Data\n| | FY 2025 | FY 2024 |\n| --- | --- | --- |\n| Deliveries | 10 | 9 |"
    )


def test_a_range_in_english_words_before_a_magnitude_scales_both_ends():
    t = normalize("BYD is forecasting sales between five to six million units in 2025").text
    got = [(q.value, q.high, q.unit, t[q.start : q.end]) for q in find_quantities(t)]
    assert got[0] == (Decimal(5000000), Decimal(6000000), "vehicle", "five to six million units")
    # a higher number first is no range
    q, span = one("ten to two million units")
    assert (q.value, q.high, span) == (Decimal(2000000), None, "two million units")


def test_a_sum_joined_to_its_currency_by_a_hyphen():
    q, surface = one("marking its first breakthrough through the 700-billion-yuan threshold")
    assert (q.value, q.kind, q.unit, surface) == (
        Decimal("700000000000"),
        "currency",
        "CNY",
        "700-billion-yuan",
    )


def test_a_dash_spaced_before_and_set_on_a_number_is_its_sign():
    # a table run into one line ("Nio 6,155 -12.4% -7.6%"): each change stands apart (its
    # dash a sign, read with the change), not the high end of a range from the count before it
    text = normalize("Nio 6,155 -12.4% -7.6% XPeng 7,506 -25.9% +6.0%").text
    assert "6,155 -12.4%" in text
    got = find_quantities(text)
    assert [(abs(q.value), q.high) for q in got][:3] == [
        (Decimal(6155), None),
        (Decimal("12.4"), None),
        (Decimal("7.6"), None),
    ]
    # spaced on both sides, or with a tilde, it still joins a range
    assert [(q.value, q.high) for q in find_quantities(normalize("15 - 20 万辆").text)] == [
        (Decimal(150000), Decimal(200000))
    ]
    assert one("1 ~20辆")[0].high == Decimal(20)


def test_a_percent_sign_set_off_by_a_space_is_a_percent():
    q, surface = one("January figures falling 30 % year-on-year")
    assert (surface, q.kind, q.value) == ("30 %", "percent", Decimal(30))


def test_a_multiple_after_a_word_of_the_size_of_a_rise_is_a_percentage():
    assert _read("增幅逾一倍") == [(Decimal("100"), "percent", "percent")]
    assert _read("涨幅达两倍") == [(Decimal("200"), "percent", "percent")]


def test_tenths_after_a_two_character_change_word_are_percentages():
    assert _read("雖同比下滑四成") == [(Decimal("40"), "percent", "percent")]
    assert _read("同比增加两成") == [(Decimal("20"), "percent", "percent")]


def test_yuan_with_a_capital_is_money_only_after_a_magnitude():
    q, _ = one("Net Loss Hits 620 Million Yuan")
    assert (q.unit, q.value) == ("CNY", Decimal(620000000))
    q, _ = one("BYD sold 31,456 Yuan family vehicles")  # (BYD's Yuan family)
    assert q.unit != "CNY"


def test_pc_after_a_number_is_percent_as_british_papers_write_it():
    q, surface = one("Nio recorded a year-on-year sales increase of 31pc")
    assert (q.value, q.kind, q.unit, surface) == (31, "percent", "percent", "31pc")
    assert _read("shipped 10 pcs of trim") == [(10, None, None)]
