from datetime import date

from evlens.extract import extract_text
from evlens.extract.normalize import normalize


def test_spans_map_back_through_markup_fullwidth_and_spaces():
    text = "**市值**达到了\u00a01.02 万亿港元，[链接](https://x.y/z) 股价 ４０.５５ 港币"
    n = normalize(text)
    assert "市值达到了1.02万亿港元" in n.text
    assert "40.55港币" in n.text  # full-width digits folded, spaces next to Han dropped
    assert "https" not in n.text
    a = n.text.index("1.02万亿港元")
    s, e = n.span(a, a + len("1.02万亿港元"))
    assert text[s:e] == "1.02 万亿港元"
    a = n.text.index("40.55")
    s, e = n.span(a, a + 5)
    assert text[s:e] == "４０.５５"


def test_front_matter_is_blanked_and_images_dropped():
    text = "---\ntitle: 小米 7000 辆\ndate: 2025-02-08\n---\n![](https://img/1.png)小米 SU7 交付 7000 辆"
    n = normalize(text)
    assert n.text.count("7000") == 1  # the title's number is not body text
    assert "img" not in n.text
    a = n.text.index("7000")
    assert text[n.span(a, a + 4)[0] : n.span(a, a + 4)[1]] == "7000"
    assert n.span(a, a + 4)[0] > text.index("---\n", 4)


def test_english_spaces_are_kept_single():
    n = normalize("Xiaomi  delivered\t7,058 units")
    assert n.text == "Xiaomi delivered 7,058 units"


def test_non_breaking_hyphens_read_as_hyphens():
    from evlens.extract import extract_text

    # U+2011 (a hyphen that does not break the line) in "second‑quarter", "year‑on‑year"
    got = {
        (f.metric, f.period)
        for f in extract_text(
            "Xpeng's second\u2011quarter revenue was RMB 18.3 billion, up 125% year\u2011on\u2011year.",
            date(2025, 9, 1),
        )
    }
    assert got == {("revenue", "2025-Q2"), ("revenue_yoy", "2025-Q2")}


def test_a_range_written_with_spaces_round_its_dash_reads_as_one_range():
    # "1 – 9 月累计交付" (a ZAKER page): the spaces cut the month range in two
    text = "小鹏 1 – 9 月累计交付 31.32 万辆，P7+ 稳居 15 - 20 万价格区间，a - b 5 -  9"
    n = normalize(text)
    assert "1-9月累计交付" in n.text and "15-20万价格区间" in n.text
    assert "a - b" in n.text  # a dash between words keeps its spaces
    a = n.text.index("1-9月")
    s, e = n.span(a, a + 4)
    assert text[s:e] == "1 – 9 月"


def test_a_spaced_month_range_is_one_fact_for_the_months():
    facts = extract_text("小鹏汽车 1 – 9 月累计交付 31.32 万辆，同比增长 218%。", date(2025, 11, 20))
    assert {(f.metric, f.period) for f in facts} == {
        ("deliveries", "2025-01..2025-09"),
        ("deliveries_yoy", "2025-01..2025-09"),
    }


def test_bullets_run_into_one_line_are_split_at_their_dashes():
    text = "总体销量表现 - 公司11月总销量达31万辆 [1] - 2025年1-11月累计销量为278.8万辆"
    n = normalize(text)
    assert n.text.split("\n") == [
        "总体销量表现",
        "公司11月总销量达31万辆;",  # (the source mark [1] is a sentence end)
        "2025年1-11月累计销量为278.8万辆",
    ]
    assert normalize("Tesla - the EV maker - sold 5 - 6 cars").text == "Tesla - the EV maker - sold 5-6 cars"
    facts = extract_text("吉利汽车" + text, date(2025, 12, 3))
    assert {(f.period, f.value) for f in facts} == {("2025-11", 310000.0), ("2025-01..2025-11", 2788000.0)}


def test_pinyin_readings_in_brackets_are_dropped_and_spans_still_map_back():
    text = "中國(guó)汽車整車出口約234.1萬輛、同比增長(zhǎng)約76.9% (BYD)"
    n = normalize(text)
    assert n.text.startswith("中国汽车整车出口约234.1万辆")
    assert "同比增长约76.9%" in n.text
    assert "(BYD)" in n.text  # a bracket with no tone mark stays
    a = n.text.index("76.9%")
    s, e = n.span(a, a + 5)
    assert text[s:e] == "76.9%"
    # the country's exports are no maker's
    got = extract_text(
        "比亞迪宣布第500萬輛新能源汽車下線。今年上半年,中國(guó)汽車整車出口約234.1萬輛、同比增長(zhǎng)約76.9%。",
        date(2023, 8, 9),
    )
    assert not any(f.metric.startswith("exports") for f in got)


def test_a_line_end_a_page_wrapped_into_a_number_and_its_unit_is_read_through():
    text = "比亞迪首三季純利252億元人民幣。第三季營業收入2011\n億元人民幣,升24%,加權平均淨資產收益率7﹒48%"
    n = normalize(text)
    assert "营业收入2011亿元" in n.text
    a = n.text.index("2011")
    s, e = n.span(a, a + 6)
    assert text[s:e] == "2011\n億元"
    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2024, 10, 31))}
    assert ("revenue", "2024-Q3", 201100000000.0) in got
    assert ("revenue_yoy", "2024-Q3", 24.0) in got
    assert not any(v == 7.48 for *_, v in got)  # a return on equity


def test_an_english_sentence_wrapped_at_a_fixed_width_is_read_through():
    text = (
        "ZEEKR announced its results for the first quarter of 2024.\n"
        "- Total revenues were RMB14,736.8\nmillion (US$2,041.0 million)\n"
        "for the first quarter of 2024, representing an increase of 71.0%\n"
        "from the first quarter of 2023 and a decrease of 9.9% from the\nfourth quarter of 2023."
    )
    n = normalize(text)
    assert "RMB14,736.8 million (US$2,041.0 million) for the first quarter of 2024," in n.text
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2024, 6, 11))}
    assert ("zeekr", "revenue", "2024-Q1", 14736.8e6) in got
    assert ("zeekr", "revenue_yoy", "2024-Q1", 71.0) in got
    # a headline's line end before a capital stays a break
    assert "\n" in normalize("BYD Posts Record Sales\nBYD sold 500,000 cars.").text


def test_a_line_wrapped_after_a_verb_or_preposition_before_a_sum_is_read_through():
    text = (
        "XPENG Reports First Quarter 2024 Unaudited Financial Results\n"
        "- Total revenues were\nRMB6.55 billion (US$0.91 billion ) for the first quarter of 2024, "
        "representing an increase of 62.3% from the same period of 2023.\n- Net loss was\n"
        "RMB1.37 billion (US$0.19 billion ) for the first quarter of 2024."
    )
    n = normalize(text)
    assert "Total revenues were RMB6.55 billion" in n.text
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2024, 5, 21))}
    assert ("xpeng", "revenue", "2024-Q1", 6.55e9) in got
    assert ("xpeng", "revenue_yoy", "2024-Q1", 62.3) in got
    assert ("xpeng", "net_profit", "2024-Q1", -1.37e9) in got
    # a headline ending on a name or a number stays apart from the line after it
    assert "\n" in normalize("NIO Day 2024\n2,000 guests came.").text
    assert "\n" in normalize("Sales rose in May\n30,000 cars were sold.").text
