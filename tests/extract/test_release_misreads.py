"""Rules for misreads found on the makers' release articles (real press text): each test
is a small sentence with the fact worked out by hand."""

from datetime import date

from evlens.extract import extract_text

PUB = date(2025, 12, 1)


def facts(text: str, published: date = PUB) -> set[tuple]:
    return {(f.entity, f.metric, f.value, f.bound, f.period) for f in extract_text(text, published)}


def test_a_year_compared_with_names_no_year_for_the_months_after_it():
    got = facts(
        "Li Auto's deliveries fell to 36,279 units in June 2025, down 24.1% from 47,800 units "
        "in June 2024. July deliveries dropped to 30,731 units."
    )
    assert ("li-auto", "deliveries", 30731.0, "eq", "2025-07") in got
    assert ("li-auto", "deliveries", 47800.0, "eq", "2024-06") in got


def test_a_quarter_compared_with_dates_no_later_sentence():
    got = facts(
        "NIO delivered 72,056 vehicles in the second quarter of 2025, up 71.2% compared to the "
        "first quarter of 2025. Of these, 47,132 vehicles were delivered by NIO."
    )
    assert not any(f[2] == 47132.0 and f[4] == "2025-Q1" for f in got)


def test_a_segment_figure_is_not_the_makers_total():
    got = facts(
        "BYD announced on Monday that it sold 480,186 new energy vehicles (NEV) in November. "
        "Of those, the Shenzhen-based automaker sold 474,921 passenger vehicles: 237,540 fully "
        "electric and 237,381 plug-in hybrids."
    )
    assert got == {("byd", "sales", 480186.0, "eq", "2025-11")}


def test_a_segment_named_before_the_figure():
    got = facts(
        "In September, BYD's plug-in hybrid vehicle sales reached 188,000, while pure electric "
        "vehicle sales totaled 205,100. BYD sold 396,300 vehicles in September.",
        date(2025, 10, 2),
    )
    assert got == {("byd", "sales", 396300.0, "eq", "2025-09")}


def test_a_release_day_before_brackets_does_not_date_the_month_after_them():
    got = facts("BYD announced on Monday that it sold 480,186 new energy vehicles (NEV) in November.")
    assert got == {("byd", "sales", 480186.0, "eq", "2025-11")}


def test_a_brand_named_after_the_figure_under_a_cue_takes_it():
    got = facts(
        "NIO said on Thursday it delivered 48,135 vehicles in December 2025, including 31,897 "
        "under its NIO brand, 9,154 under its family-oriented Onvo brand and 7,084 under its "
        "Firefly line.",
        date(2026, 1, 2),
    )
    assert ("onvo", "deliveries", 9154.0, "eq", "2025-12") in got
    assert ("firefly", "deliveries", 7084.0, "eq", "2025-12") in got
    # the NIO brand beside its sister brands is a segment of NIO Inc. (no fact of nio)
    assert not any(e == "nio" and v == 31897.0 for e, _, v, *_ in got)


def test_after_a_brand_split_the_next_sentence_is_the_makers():
    got = facts(
        "NIO delivered 48,135 vehicles in December 2025, including 7,084 under its Firefly line. "
        "Fourth-quarter deliveries hit 124,807.",
        date(2026, 1, 2),
    )
    assert ("nio", "deliveries", 124807.0, "eq", "2025-Q4") in got


def test_an_owner_named_before_the_figure_does_not_take_it():
    got = facts(
        "Guangzhou-based Xpeng, partly owned by Volkswagen, delivered 36,717 cars to customers in July.",
        date(2025, 8, 2),
    )
    assert got == {("xpeng", "deliveries", 36717.0, "eq", "2025-07")}


def test_all_brands_is_the_parents_and_a_month_right_after_the_figure_is_its_own():
    got = facts(
        "Firefly sold 7,843 vehicles in the second quarter. The company delivered 21,017 vehicles "
        "across all three brands in July and 31,305 in August.",
        date(2025, 9, 3),
    )
    assert ("nio", "deliveries", 21017.0, "eq", "2025-07") in got
    assert ("nio", "deliveries", 31305.0, "eq", "2025-08") in got


def test_above_the_unit_mark_is_a_lower_bound_for_each_month():
    got = facts(
        "Xpeng delivered 33,205 units in March 2025, marking five consecutive months above the "
        "30,000-unit mark.",
        date(2025, 4, 3),
    )
    assert ("xpeng", "deliveries", 30000.0, "gt", "2024-11") in got
    assert not any(f[2] == 30000.0 and f[3] == "eq" for f in got)


def test_surpassing_is_a_lower_bound():
    assert facts("In March 2025 Xpeng deliveries were surpassing 29,000.") == {
        ("xpeng", "deliveries", 29000.0, "gt", "2025-03")
    }


def test_a_quoted_level_fallen_back_to_is_no_figure():
    got = facts(
        'Li Auto delivered 33,181 units in November, while both NIO and XPeng fell back to the "30,000" level.'
    )
    assert got == {("li-auto", "deliveries", 33181.0, "eq", "2025-11")}


def test_a_launch_year_names_no_year_for_a_later_day():
    got = facts(
        "On 1 November, NIO reported 40,397 vehicle deliveries in October 2025, marking its best month "
        "since launching in November 2014. As of 31 October, NIO's cumulative deliveries stood at 913,182.",
        date(2025, 11, 3),
    )
    assert ("nio", "deliveries", 913182.0, "eq", "2025-10-31") in got


def test_harmony_intelligence_is_hima():
    assert facts("Harmony Intelligence announced delivery of 44,579 units in August.", date(2025, 9, 15)) == {
        ("hima", "deliveries", 44579.0, "eq", "2025-08")
    }


def test_a_bulleted_line_takes_the_time_of_the_line_opening_the_list():
    got = facts(
        "A breakdown of key brand performances in 2025 illustrates the group's strength:\n"
        "- Proton saw sales of 162,601 vehicles.\n- Polestar delivered 50,000 vehicles.\n"
        "- Volvo Cars contributed 710,042 vehicles.\n- Lotus sold 12,000 cars.\n",
        date(2026, 1, 23),
    )
    assert ("proton", "sales", 162601.0, "eq", "2025") in got
    assert ("lotus", "sales", 12000.0, "eq", "2025") in got


def test_the_groups_figure_after_a_unit_is_the_groups():
    got = facts(
        "Geely Holding Group held a conference. These goals rest on Geely's performance in 2025. "
        "The group's overall sales for 2025 reached 4,116,321 vehicles, marking a 26% year-on-year increase.",
        date(2026, 1, 23),
    )
    assert ("geely-holding", "sales", 4116321.0, "eq", "2025") in got
    assert ("geely-holding", "sales_yoy", 26.0, "eq", "2025") in got


def test_aims_for_is_a_target():
    got = facts("Looking ahead, Geely Auto aims for 3.45 million units in 2026.", date(2026, 1, 23))
    assert got == {("geely", "delivery_target", 3450000.0, "eq", "2026")}


def test_an_unknown_name_in_brackets_does_not_take_the_figure_after_them():
    got = facts(
        "吉利汽车发布公告,集团于2021年8月的总销量(包含集团拥有50%权益的合资公司即领克合资公司所销售领克品牌汽车的销量)为88,348部。",
        date(2021, 9, 7),
    )
    assert ("geely", "sales", 88348.0, "eq", "2021-08") in got


def test_the_group_long_after_the_name_is_the_articles_subject():
    got = facts(
        "吉利汽车发布公告。领克品牌汽车的总销量为6,039部。同期集团零售销量创新高。今日天气晴。市场平稳。"
        "于2021年8月,集团于中国市场的总销量为82,123部。",
        date(2021, 9, 7),
    )
    assert ("geely", "sales", 82123.0, "eq", "2021-08") in got


def test_a_markdown_table_of_periods_and_figures():
    got = facts(
        "Li Auto Inc. announced its results.\n\n| | FY 2025 | 2025 Q4 | 2025 Q3 |\n|---|---|---|---|\n"
        "| Deliveries | 406,343 | 109,194 | 93,211 |\n",
        date(2026, 3, 12),
    )
    assert got == {
        ("li-auto", "deliveries", 406343.0, "eq", "2025"),
        ("li-auto", "deliveries", 109194.0, "eq", "2025-Q4"),
        ("li-auto", "deliveries", 93211.0, "eq", "2025-Q3"),
    }


def test_a_flattened_table_one_cell_a_line():
    got = facts(
        "Zeekr Group announced its results.\nDeliveries\n2025 Q3\n2024 Q4\n140,195\n169,088\n",
        date(2025, 11, 17),
    )
    assert got == {
        ("zeekr-group", "deliveries", 140195.0, "eq", "2025-Q3"),
        ("zeekr-group", "deliveries", 169088.0, "eq", "2024-Q4"),
    }


def test_a_lede_before_any_name_is_the_headlines_company():
    text = (
        "---\ntitle: BYD posts best month of sales yet in 2025\ndate: 2025-05-01\n---\n\n"
        "New-energy vehicle sales for April were 380,089 units. Of those, 372,615 were passenger cars.\n"
    )
    got = {(f.entity, f.metric, f.value, f.bound, f.period) for f in extract_text(text, date(2025, 5, 1))}
    assert got == {("byd", "sales", 380089.0, "eq", "2025-04")}


def test_a_short_aside_in_brackets_does_not_cut_the_clause():
    got = facts(
        "BYD said so. The company just reported a record-breaking 1,000,804 new energy vehicles (NEVs) "
        "sold in Q1 2025, a 59.8% jump from the same quarter in 2024.",
        date(2025, 4, 2),
    )
    assert got == {("byd", "sales", 1000804.0, "eq", "2025-Q1"), ("byd", "sales_yoy", 59.8, "eq", "2025-Q1")}


def test_the_change_of_a_segment_is_not_the_makers():
    got = facts(
        "BYD sold 14,706 commercial vehicles in Q1 2025, marking a massive 688.5% leap.", date(2025, 4, 2)
    )
    assert got == set()


def test_a_rival_named_as_a_point_of_comparison_takes_no_figure():
    got = facts(
        "The Tesla competitor said on Friday that it built 317,892 vehicles in July.", date(2025, 8, 1)
    )
    assert not any(f[0] == "tesla" for f in got)


def test_the_year_so_far_runs_to_the_article_date():
    got = facts(
        "BYD said so. Looking at the year so far, BYD has sold 2.49 million vehicles.", date(2025, 8, 1)
    )
    assert got == {("byd", "sales", 2490000.0, "eq", "2025-01-01..2025-08-01")}


def test_changes_from_a_month_and_on_a_year_in_one_clause():
    got = facts(
        "Xpeng delivered 36,717 cars to customers in July, up 6.1 per cent from the month earlier "
        "and a 229 per cent gain year on year. Leapmotor delivered 50,129 vehicles in July, up 4.4 per "
        "cent from June. The number represented a year-on-year jump of 127 per cent.",
        date(2025, 8, 2),
    )
    assert ("xpeng", "deliveries_mom", 6.1, "eq", "2025-07") in got
    assert ("xpeng", "deliveries_yoy", 229.0, "eq", "2025-07") in got
    assert ("leapmotor", "deliveries_mom", 4.4, "eq", "2025-07") in got
    assert ("leapmotor", "deliveries_yoy", 127.0, "eq", "2025-07") in got


def test_a_change_on_the_quarter_before_states_no_fact():
    got = facts(
        "Total vehicle deliveries of Zeekr Group were 140,195 units for the third quarter of 2025, "
        "representing a 12.5% year-over-year increase and a 7.1% quarter-over-quarter increase.",
        date(2025, 11, 17),
    )
    assert ("zeekr-group", "deliveries_yoy", 12.5, "eq", "2025-Q3") in got
    assert not any(f[2] == 7.1 for f in got)


def test_hongmeng_zhixing_is_hima():
    got = facts(
        "In November, the overall delivery volume of Hongmeng Zhixing reached 81,864 units, a "
        "year-on-year increase of 89.61% and a month-on-month increase of 20%."
    )
    assert got == {
        ("hima", "deliveries", 81864.0, "eq", "2025-11"),
        ("hima", "deliveries_yoy", 89.61, "eq", "2025-11"),
        ("hima", "deliveries_mom", 20.0, "eq", "2025-11"),
    }


def test_a_quarter_named_for_the_release_is_not_the_figures_time():
    got = facts(
        "NIO had forecast fourth-quarter deliveries of 120,000 to 125,000 vehicles in its third-quarter "
        "earnings release in November.",
        date(2026, 1, 2),
    )
    assert got == {
        ("nio", "delivery_target", 120000.0, "ge", "2025-Q4"),
        ("nio", "delivery_target", 125000.0, "le", "2025-Q4"),
    }


def test_an_ordinal_day_and_a_total_since_founding():
    ex_facts = extract_text(
        "By 31st August 2025, Nio's total deliveries since the company was founded reached 838,036.",
        date(2025, 9, 3),
    )
    assert [(f.entity, f.value, f.period, f.cumulative) for f in ex_facts] == [
        ("nio", 838036.0, "2025-08-31", True)
    ]


def test_a_unit_named_in_the_sentence_keeps_its_figure_before_the_groups_total():
    got = facts(
        "Geely Holding Group held a conference. In 2025:\n- Volvo Cars contributed 710,042 vehicles to "
        "the group's total, with sales at 323,294 units.\n",
        date(2026, 1, 23),
    )
    assert ("volvo-cars", "sales", 323294.0, "eq", "2025") in got
    # (the NEVs of a maker that sells fuel cars too are a segment: no fact)
    got = facts(
        "Geely Holding Group held a conference. In 2025:\n- Volvo Cars contributed 710,042 vehicles to "
        "the group's total, with NEV sales at 323,294 units.\n",
        date(2026, 1, 23),
    )
    assert not any(v == 323294.0 for _, _, v, _, _ in got)


def test_a_table_repeating_a_figure_of_the_text_gives_it_once():
    ex_facts = extract_text(
        "Zeekr Group delivered 140,195 units in the third quarter of 2025.\nDeliveries\n2025 Q3\n"
        "2025 Q2\n140,195\n130,866\n",
        date(2025, 11, 17),
    )
    assert sorted(f.value for f in ex_facts) == [130866.0, 140195.0]
