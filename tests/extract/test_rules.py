"""Extraction rules on short texts, each checked by hand."""

from datetime import date

from evlens.extract import extract_text


def facts(text, published=date(2025, 5, 20)):
    # the rules' readings, every one (the confidence model is tested in test_confidence.py)
    return {
        (f.entity, f.metric, f.period, f.value, f.bound) for f in extract_text(text, published, judged=False)
    }


def test_an_expectation_for_this_month_is_a_target_for_the_month():
    got = facts("小米汽车本月交付量预计超过 2.8 万辆。")
    assert ("xiaomi", "delivery_target", "2025-05", 28000.0, "gt") in got
    # a target set in a month named elsewhere is the year's
    got = facts("4 月，小米表示。小米汽车计划交付 35 万辆。")
    assert {(e, m, p) for e, m, p, _, _ in got if m == "delivery_target"} == {
        ("xiaomi", "delivery_target", "2025")
    }


def test_growth_over_a_year_is_year_on_year():
    got = facts("BYD's net profit rose 34% to 40.3 billion yuan in 2024.")
    assert ("byd", "net_profit_yoy", "2024", 34.0, "eq") in got
    assert not any(m.endswith("_growth") for _, m, _, _, _ in got)


def test_analysts_estimates_are_no_figures():
    got = facts(
        "Tesla delivered 384,122 vehicles in the first quarter of 2025, "
        "below analysts' estimates of about 390,000."
    )
    assert ("tesla", "deliveries", "2025-Q1", 384122.0, "eq") in got
    assert not any(v == 390000.0 for *_, v, _ in got)


def test_levels_after_a_plan_are_as_of_the_article_date():
    text = (
        "Xiaomi expects to hand over the first YU7 SUVs in July. The company has more than 200,000 "
        "firm orders for the model, and its monthly capacity is around 40,000 vehicles across the SU7 and YU7."
    )
    got = {
        (f.entity, f.metric, f.period, f.value, f.bound, f.cumulative, f.rate)
        for f in extract_text(text, date(2025, 6, 30))
    }
    # the orders are a running total on the day; the capacity, named for two models, is the maker's
    assert ("xiaomi-yu7", "locked_orders", "2025-06-30", 200000.0, "gt", True, None) in got
    assert ("xiaomi", "capacity", "2025-06-30", 40000.0, "approx", False, "month") in got
    assert not any(p == "2025-07" for _, _, p, *_ in got)


def test_a_figure_a_year_earlier_belongs_to_the_year_before():
    got = facts(
        "Tesla delivered 387,450 vehicles in the second quarter of 2025, down 13.5% from 447,950 "
        "a year earlier.",
        date(2025, 7, 2),
    )
    assert ("tesla", "deliveries", "2025-Q2", 387450.0, "eq") in got
    assert ("tesla", "deliveries", "2024-Q2", 447950.0, "eq") in got
    assert ("tesla", "deliveries_yoy", "2025-Q2", -13.5, "eq") in got


def test_a_percent_higher_than_a_month_is_month_on_month_growth():
    got = facts(
        "XPeng delivered 37,709 vehicles in August, up 169% from a year earlier and 2.7% higher "
        "than in July.",
        date(2025, 9, 1),
    )
    assert ("xpeng", "deliveries_mom", "2025-08", 2.7, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2025-08", 169.0, "eq") in got
    # a difference in money is still no level
    got = facts("The SU7 starts at 215,900 yuan, 30,000 yuan below the Model 3.")
    assert not any(v == 30000.0 for *_, v, _ in got)


def test_a_condition_or_a_forecast_earlier_in_the_sentence_states_no_fact():
    got = facts(
        "极氪表示，今年的全年交付目标为 32 万辆。有券商分析师预计，如果新车型按计划上市，极氪今年的销量有望超过 35 万辆。",
        date(2025, 1, 2),
    )
    assert ("zeekr", "delivery_target", "2025", 320000.0, "eq") in got
    assert not any(v == 350000.0 for *_, v, _ in got)
    # an intraday swing in an earlier clause does not undo the close
    got = facts("2 月 6 日，小米股价盘中一度上涨 8%，收涨 5.1%。", date(2025, 2, 6))
    assert ("xiaomi", "share_return", "2025-02-06", 5.1, "eq") in got
    assert not any(v == 8.0 for *_, v, _ in got)


def test_a_market_value_in_a_year_is_where_it_ended_the_year():
    got = facts(
        "Last year Xiaomi's shares rose about 120%, and its market value ended the year at nearly "
        "HK$870 billion.",
        date(2025, 1, 2),
    )
    assert ("xiaomi", "market_cap", "2024-12-31", 870e9, "lt") in got


def test_handed_over_is_no_bound_and_exceed_is_one():
    got = facts("XPeng said it handed over 41,581 vehicles in September.", date(2025, 10, 2))
    assert ("xpeng", "deliveries", "2025-09", 41581.0, "eq") in got
    got = facts("Leapmotor aims for monthly deliveries to exceed 60,000 in December.", date(2025, 6, 10))
    assert any(v == 60000.0 and b == "gt" for *_, v, b in got)


def test_a_close_quoted_after_bao_is_a_share_price():
    got = facts("2 月 14 日，小米集团收涨 4.5%，报 44.3 港元。", date(2025, 2, 14))
    assert ("xiaomi", "share_price", "2025-02-14", 44.3, "eq") in got
    assert ("xiaomi", "share_return", "2025-02-14", 4.5, "eq") in got


def test_a_list_after_fenbie_ends_with_its_clause():
    got = facts(
        "4 月、5 月，理想汽车交付量分别为 33,939 辆和 40,856 辆，第二季度合计交车 111,074 辆。",
        date(2025, 7, 1),
    )
    assert ("li-auto", "deliveries", "2025-04", 33939.0, "eq") in got
    assert ("li-auto", "deliveries", "2025-05", 40856.0, "eq") in got
    assert ("li-auto", "deliveries", "2025-Q2", 111074.0, "eq") in got


def test_a_full_year_goal_is_for_the_year():
    got = facts(
        "Leapmotor set a target of 50,000 deliveries for June and stuck to its full-year goal "
        "of 500,000 vehicles.",
        date(2025, 6, 10),
    )
    assert ("leapmotor", "delivery_target", "2025", 500000.0, "eq") in got
    assert ("leapmotor", "delivery_target", "2025-06", 50000.0, "eq") in got


def test_capacity_words_and_the_maker_of_a_plant():
    got = facts(
        "Tesla sold 88,321 vehicles last month. Model Y accounted for most of them. The Shanghai "
        "factory has an annual production capacity of more than 950,000 vehicles.",
        date(2024, 10, 9),
    )
    assert any(e == "tesla" and m == "capacity" and v == 950000.0 for e, m, _, v, _ in got)
    got = facts(
        "Xiaomi's two Beijing plants can together produce about 40,000 vehicles a month.", date(2025, 6, 27)
    )
    assert ("xiaomi", "capacity", "2025-06-27", 40000.0, "approx") in got


def test_the_time_of_a_share_or_index_move():
    # a day's close is the article's day, whatever the paragraph named before
    got = facts(
        "截至收盘，恒生科技指数今年以来已上涨 20.5%。\n\n汽车股表现活跃。小米集团收涨 4.5%。蔚来、小鹏分别上涨 3.4%、5.8%。",
        date(2025, 2, 14),
    )
    assert {(e, p, v) for e, m, p, v, _ in got if m == "share_return"} == {
        ("xiaomi", "2025-02-14", 4.5),
        ("nio", "2025-02-14", 3.4),
        ("xpeng", "2025-02-14", 5.8),
    }
    # a move takes a day named before in its paragraph, not a month named in passing
    got = facts(
        "Chinese EV stocks rallied on Thursday after strong September delivery figures. XPeng "
        "climbed 4.6% after the company said it handed over 41,581 vehicles last month.\n\n"
        "Among benchmarks, the Hang Seng Index rose 1.6%.",
        date(2025, 10, 2),
    )
    assert ("xpeng", "share_return", "2025-10-02", 4.6, "eq") in got
    assert ("hsi", "index_return", "2025-10-02", 1.6, "eq") in got
    # a return over a past year carries to the next paragraph
    got = facts(
        "The Hang Seng Index rose 17.7% in 2024.\n\nAmong large caps, Tencent gained 44%.", date(2024, 12, 31)
    )
    assert ("tencent", "share_return", "2024", 44.0, "eq") in got


def test_a_close_higher_and_an_intraday_peak():
    got = facts(
        "Xiaomi shares closed 3.3% higher at HK$58.40 in Hong Kong on Friday, having jumped as much "
        "as 8% in early trade.",
        date(2025, 6, 27),
    )
    assert ("xiaomi", "share_return", "2025-06-27", 3.3, "eq") in got
    assert ("xiaomi", "share_price", "2025-06-27", 58.4, "eq") in got
    assert not any(v == 8.0 for *_, v, _ in got)


def test_a_bound_before_a_fenbie_list_holds_for_each_item():
    got = facts(
        "特斯拉上海超级工厂 8 月批发销量为 86,697 辆。其中，Model Y 与 Model 3 的批发销量分别约为 5.4 万辆和 3.2 万辆。",
        date(2024, 9, 3),
    )
    # 批发销量 is wholesale (issue 15: wholesale has its own metric)
    assert ("tesla-model-y", "wholesale", "2024-08", 54000.0, "approx") in got
    assert ("tesla-model-3", "wholesale", "2024-08", 32000.0, "approx") in got


def test_a_target_for_a_month_ahead_and_that_month():
    got = facts(
        "Looking ahead, Li Auto set a target of delivering 30,000 to 35,000 vehicles in September.",
        date(2025, 8, 28),
    )
    assert ("li-auto", "delivery_target", "2025-09", 30000.0, "ge") in got
    assert ("li-auto", "delivery_target", "2025-09", 35000.0, "le") in got
    got = facts("多家车企公布 7 月交付数据。小鹏汽车当月交付 36,717 辆，比上月增长 6.1%。", date(2025, 8, 1))
    assert ("xpeng", "deliveries", "2025-07", 36717.0, "eq") in got
    assert ("xpeng", "deliveries_mom", "2025-07", 6.1, "eq") in got


def test_growth_words_that_say_which_growth():
    got = facts("零跑汽车 7 月共交付新车 50,129 辆，同比增长 126%，环比增长 4.4%。", date(2025, 8, 1))
    assert ("leapmotor", "deliveries_yoy", "2025-07", 126.0, "eq") in got
    assert ("leapmotor", "deliveries_mom", "2025-07", 4.4, "eq") in got
    got = facts(
        "XPeng said on Tuesday it delivered 34,611 Smart EVs in June, an increase of 224% year over "
        "year. Deliveries for the first half reached 197,189 units, up 279% from the same period last "
        "year.",
        date(2025, 7, 1),
    )
    assert ("xpeng", "deliveries", "2025-06", 34611.0, "eq") in got  # not the day it said so
    assert ("xpeng", "deliveries_yoy", "2025-06", 224.0, "eq") in got
    assert ("xpeng", "deliveries", "2025-H1", 197189.0, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2025-H1", 279.0, "eq") in got


def test_a_ranking_carries_the_metric_of_the_sentence_before():
    got = facts(
        "多家新势力车企公布了 9 月交付数据。零跑汽车以 66,657 辆继续位居榜首，同比增长 97%。",
        date(2025, 10, 2),
    )
    assert ("leapmotor", "deliveries", "2025-09", 66657.0, "eq") in got
    assert ("leapmotor", "deliveries_yoy", "2025-09", 97.0, "eq") in got


def test_a_target_beside_a_model_is_the_makers_and_that_day_is_the_latest():
    got = facts(
        "截至 11 月 13 日，SU7 累计交付已突破 10 万辆，公司已将 2024 年全年交付目标上调至 13 万辆。",
        date(2024, 11, 20),
    )
    assert ("xiaomi", "delivery_target", "2024", 130000.0, "eq") in got
    got = facts(
        "示例财经 6 月 27 日讯，小米 YU7 于 6 月 26 日晚间正式上市，截至 6 月 27 日中午，锁定订单已超过 24 万台。"
        "小米集团港股当日收涨 8.1%，报 61.45 港元。",
        date(2025, 6, 27),
    )
    assert ("xiaomi", "share_return", "2025-06-27", 8.1, "eq") in got
    assert ("xiaomi", "share_price", "2025-06-27", 61.45, "eq") in got
    got = facts("Xiaomi rose 4.9% to close at HK$46.30 on Friday.", date(2025, 2, 14))
    assert ("xiaomi", "share_price", "2025-02-14", 46.3, "eq") in got


def test_back_references_to_a_span_and_quarters_without_a_year():
    got = facts(
        "Tesla delivered 497,099 vehicles in the third quarter, 7.4% more than a year earlier. In China, "
        "BYD sold 1.11 million vehicles over the three months. The Hang Seng Tech Index gained 21.9% "
        "over the quarter.",
        date(2025, 10, 3),
    )
    assert ("tesla", "deliveries", "2025-Q3", 497099.0, "eq") in got
    assert ("tesla", "deliveries_yoy", "2025-Q3", 7.4, "eq") in got
    assert ("byd", "sales", "2025-Q3", 1110000.0, "eq") in got
    assert ("hstech", "index_return", "2025-Q3", 21.9, "eq") in got
    # early in a year, the fourth quarter and the full year are the year just ended
    got = facts(
        "Tesla reported 495,570 deliveries for the fourth quarter. For the full year, Tesla handed over "
        "1.79 million vehicles, 1.1% fewer than in 2023.",
        date(2025, 1, 2),
    )
    assert ("tesla", "deliveries", "2024", 1790000.0, "eq") in got
    assert ("tesla", "deliveries_yoy", "2024", -1.1, "eq") in got


def test_a_flow_in_a_later_sentence_takes_the_span_not_the_release_day():
    got = facts(
        "Leapmotor led the start-ups in March, delivering 37,095 vehicles, according to figures released "
        "on Tuesday. XPeng delivered 33,205 units, bringing its first-quarter total to 94,008.",
        date(2025, 4, 1),
    )
    assert ("xpeng", "deliveries", "2025-03", 33205.0, "eq") in got
    assert ("xpeng", "deliveries", "2025-Q1", 94008.0, "eq") in got


def test_a_unit_that_names_the_metric():
    got = facts(
        "Tesla shares fell 6.1% on Thursday after the company reported 495,570 deliveries for the "
        "fourth quarter.",
        date(2025, 1, 2),
    )
    assert ("tesla", "deliveries", "2024-Q4", 495570.0, "eq") in got
    got = facts(
        "By the end of December 2024, Xiaomi had received 260,000 orders for the SU7. That leaves a "
        "backlog of more than 100,000 orders.",
        date(2025, 1, 10),
    )
    assert ("xiaomi-su7", "backlog", "2024-12-31", 100000.0, "gt") in got


def test_comparisons_name_no_time_of_their_own():
    got = facts("第一季度，比亚迪合计销售新能源汽车 1,000,804 辆，较上年同期增长 59.8%。", date(2025, 4, 1))
    assert ("byd", "sales_yoy", "2025-Q1", 59.8, "eq") in got
    got = facts(
        "For the full year, NIO's deliveries reached 221,970, an increase of 38.7% on 2023.", date(2025, 1, 1)
    )
    assert ("nio", "deliveries_yoy", "2024", 38.7, "eq") in got
    got = facts(
        "XPeng delivered 36,695 vehicles in December, 19% more than in November. It was the third month "
        "in a row that its deliveries were above 30,000.",
        date(2025, 1, 1),
    )
    assert {p for e, m, p, v, b in got if v == 30000.0} == {"2024-10", "2024-11", "2024-12"}


def test_a_quarter_named_by_its_months_and_a_close_beside_a_year_to_date_move():
    got = facts("Tesla delivered 497,099 vehicles in the July-September quarter.", date(2025, 10, 3))
    assert ("tesla", "deliveries", "2025-Q3", 497099.0, "eq") in got
    got = facts(
        "Tesla shares closed up 5.0% at $315.65 in New York on Wednesday, though they remain down about "
        "22% year to date.",
        date(2025, 7, 2),
    )
    assert ("tesla", "share_return", "2025-07-02", 5.0, "eq") in got
    assert ("tesla", "share_return", "2025-01-01..2025-07-02", -22.0, "approx") in got
    got = facts("比亚迪股份今年以来股价上涨接近 50%，公司总市值超过 1.2 万亿港元。", date(2025, 3, 18))
    assert ("byd", "market_cap", "2025-03-18", 1.2e12, "gt") in got
    assert ("byd", "share_return", "2025-01-01..2025-03-18", 50.0, "lt") in got


def test_a_change_of_a_figure_no_metric_holds_is_no_share_move():
    # a gross margin's change is no share return of the maker; an adjusted profit is a
    # second net_profit figure (docs/extract.md), and its change that profit's growth
    assert not facts("小鹏汽车第一季毛利按年增长40%至12亿元。")
    got = facts("零跑汽车第二季经调整利润为3亿元，按年大增80%。")
    assert not any(m == "share_return" for _, m, *_ in got)
    assert {m for _, m, *_ in got} == {"net_profit", "net_profit_yoy"}
    assert not facts("NIO's gross margin rose 4% in the quarter.")
    # a share word after it makes it one again
    assert ("nio", "share_return", "2025-05-20", 5.0, "eq") in facts("蔚来毛利率提升，股价今日上涨5%。")


def test_a_move_in_the_morning_session_is_intraday():
    # 早盘 (the morning session) is a move during the day, not a close
    assert not facts("理想汽车今日在港股早盘跌逾6%。")
    assert ("li-auto", "share_return", "2025-05-20", 2.0, "eq") in facts("理想汽车早盘一度涨6%，收涨2%。")


def test_a_change_against_an_earlier_time_is_no_share_move():
    # "a 12 percent drop from the first quarter" is a figure's change, not the maker's shares
    got = facts(
        "XPeng spent RMB 1.9 billion on marketing. That is a 12 percent drop from the first quarter of 2024."
    )
    assert not any(m == "share_return" for _, m, _, _, _ in got)
    assert not facts("That was a 3.1% rise from March for Li Auto.")
    # a sentence naming the shares keeps the move
    assert any(m == "share_return" for _, m, _, _, _ in facts("Li Auto shares rose 4% from Friday's close."))


def test_a_time_after_since_names_no_year_for_what_follows():
    # "its first loss since the fourth quarter of 2022" is a time compared with
    text = (
        "XPeng posted a net loss of RMB 500 million in the second quarter, its smallest since "
        "the first quarter of 2021. Revenue was RMB 18 billion in the second quarter."
    )
    assert ("xpeng", "revenue", "2025-Q2", 18e9, "eq") in facts(text)


def test_a_change_year_on_year_is_no_share_move():
    # a maker's shares do not move "year on year": such a change is some figure's
    assert not facts("Leapmotor posted a 45% YoY increase in its domestic retail network.")
    assert not facts("理想汽车当月较去年同期增加12%，为年内第二高。")
    assert any(m == "share_return" for _, m, _, _, _ in facts("Leapmotor shares rose 45% year on year."))


def test_a_sum_converted_in_brackets_is_no_second_fact():
    # the same sum in another currency, in brackets after it, is no figure of its own
    got = facts("XPeng posted a net loss of RMB 380 million ($53.4 million) in the third quarter.")
    assert {(m, v) for _, m, _, v, _ in got} == {("net_profit", -380e6)}
    got = facts("The YU7 sells for 253,500 yuan (about $35,300).")
    assert {v for _, _, _, v, _ in got} == {253500.0}


def test_a_forecast_goes_on_into_the_next_sentence_naming_no_time():
    text = "蔚来汽车预计，第三季度交付量为8万至9万辆。收入总额为200亿元至220亿元，按年增长10%至20%。"
    got = facts(text, date(2025, 8, 20))
    assert ("nio", "delivery_target", "2025-Q3", 80000.0, "ge") in got
    assert not any(m.startswith("revenue") for _, m, _, _, _ in got)
    # an expectation after the figures of the sentence before opens no forecast
    text = "蔚来汽车第一季度收入按年增长5%至200亿元，低于市场预期的210亿元。净利润为1亿元。"
    assert any(m == "net_profit" for _, m, _, _, _ in facts(text))


def test_each_english_list_before_respectively_pairs_with_the_makers_in_order():
    text = (
        "Xpeng and Leapmotor followed with 20,100 and 18,600 deliveries in December 2023, "
        "growth rates of 78.1 percent and 119 percent, respectively."
    )
    got = facts(text, date(2024, 1, 2))
    assert ("xpeng", "deliveries", "2023-12", 20100.0, "eq") in got
    assert ("leapmotor", "deliveries", "2023-12", 18600.0, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2023-12", 78.1, "eq") in got
    assert ("leapmotor", "deliveries_yoy", "2023-12", 119.0, "eq") in got


def test_a_list_of_changes_after_respectively_pairs_with_the_makers_too():
    text = (
        "Li Auto and Leapmotor delivered 26,263 and 25,000 in February 2025, respectively, "
        "representing increases of 30 percent and 285 percent."
    )
    got = facts(text, date(2025, 3, 2))
    assert ("li-auto", "deliveries_yoy", "2025-02", 30.0, "eq") in got
    assert ("leapmotor", "deliveries_yoy", "2025-02", 285.0, "eq") in got


def test_a_target_revised_from_one_figure_to_another_is_two_targets_not_a_range():
    text = "Mid-year, Geely raised its full-year target from 2.71 million to 3 million units."
    got = facts(text, date(2025, 9, 2))
    assert ("geely", "delivery_target", "2025", 2710000.0, "eq") in got
    assert ("geely", "delivery_target", "2025", 3000000.0, "eq") in got
    # with no revision word, "from … to" after an expectation stays a range
    got = facts("Leapmotor expects to deliver 500,000 to 580,000 units in 2025.", date(2025, 9, 2))
    assert ("leapmotor", "delivery_target", "2025", 500000.0, "ge") in got


def test_a_bare_second_change_takes_the_comparison_named_after_it():
    text = "Li Auto's July deliveries were 30,731 units, down 40% year over year and 15.3% month over month."
    got = facts(text, date(2025, 9, 2))
    assert ("li-auto", "deliveries_yoy", "2025-07", -40.0, "eq") in got
    assert ("li-auto", "deliveries_mom", "2025-07", -15.3, "eq") in got


def test_a_month_followed_by_when_is_the_time_of_what_follows():
    text = (
        "Tesla sold 86,700 cars in November 2025. The figure represents a sharp recovery from "
        "October, when Tesla's vehicle sales fell to 61,497 units."
    )
    got = facts(text, date(2025, 12, 3))
    assert ("tesla", "sales", "2025-10", 61497.0, "eq") in got
    # a month compared with, and no "when" after it, is still no figure's time
    got = facts("Tesla sold 86,700 cars in November 2025, 19% more than in October.", date(2025, 12, 3))
    assert not any(p == "2025-10" for _, _, p, _, _ in got)


def test_a_count_for_a_time_after_the_article_is_a_target_and_other_figures_none():
    got = facts(
        "Leapmotor is confident about reaching 1 million vehicle sales in the next year.", date(2025, 9, 3)
    )
    assert got == {("leapmotor", "delivery_target", "2026", 1000000.0, "eq")}
    # a planned spend for next year has not happened and is no target either
    assert not facts("李斌表示，明年每季投资25亿元于研发。", date(2025, 9, 3))
    # a count for the month in progress is no plan
    got = facts("Leapmotor delivered 57,066 vehicles in September 2025.", date(2025, 9, 3))
    assert ("leapmotor", "deliveries", "2025-09", 57066.0, "eq") in got


def test_the_year_so_far_on_the_first_of_january_is_the_year_just_ended():
    from evlens.extract.dates import year_so_far

    assert year_so_far(date(2026, 1, 1)) == "2025-01-01..2025-12-31"
    assert year_so_far(date(2025, 12, 20)) == "2025-01-01..2025-12-20"
    # an undated page whose last month named is December stands in for 1 January; its
    # running total "年内" runs through the month it reports, not over 1 January alone
    text = "鸿蒙智行11月交付81864辆。截至2025年12月,年内全系累计交付量达49.44万辆。"
    got = facts(text, None)
    assert ("hima", "deliveries", "2025-01..2025-11", 494400.0, "eq") in got


def test_a_sub_brand_named_in_a_breakdown_leaves_its_maker_and_a_change_keeps_its_figures_year():
    text = (
        "In Q4, NIO delivered 72,689 vehicles, up 45.2% year-on-year. Among these, the ONVO brand "
        "contributed 19,929 units. Full-year deliveries reached 221,970 vehicles, up 38.7% from the "
        "previous year."
    )
    got = facts(text, date(2025, 3, 25))
    assert ("onvo", "deliveries", "2024-Q4", 19929.0, "eq") in got
    assert ("nio", "deliveries", "2024", 221970.0, "eq") in got
    assert ("nio", "deliveries_yoy", "2024", 38.7, "eq") in got


def test_sales_of_a_week_are_insurance_registrations():
    text = (
        "Zeekr sold 4,700 vehicles in China between May 19 and 25. Zeekr sold 40,000 vehicles in April 2025."
    )
    got = facts(text, date(2025, 5, 28))
    assert ("zeekr", "insurance_registrations", "2025-05-19..2025-05-25", 4700.0, "eq") in got
    # a month's sales stay sales
    assert ("zeekr", "sales", "2025-04", 40000.0, "eq") in got


def test_tesla_sales_of_locally_made_cars_are_its_china_wholesale():
    text = "That was up 2.4% from April 2023, when Tesla sold 75,842 locally made Models 3 and Y in China."
    assert ("tesla", "wholesale", "2023-04", 75842.0, "eq") in facts(text, date(2023, 6, 5))
    # a maker whose monthly figure is not wholesale keeps its sales
    text = "In April 2023 BYD sold 210,295 locally made cars."
    assert ("byd", "sales", "2023-04", 210295.0, "eq") in facts(text, date(2023, 6, 5))


def test_a_run_of_single_months_after_a_half_ends_with_its_last_month():
    text = (
        "Chery sold 740,000 vehicles in the first half of 2023. It also exceeded 100,000 vehicles "
        "in a single month for 3 consecutive months."
    )
    got = facts(text, date(2023, 8, 19))
    assert {p for _, m, p, v, _ in got if v == 100000.0} == {"2023-04", "2023-05", "2023-06"}
    # a change of the half followed by a run said of something else keeps the half
    got = facts("吉利汽车2024年上半年销量95万辆，增幅约41%且连续3个月实现按年增长。", date(2024, 7, 9))
    assert ("geely", "sales_yoy", "2024-H1", 41.0, "approx") in got


def test_a_month_a_target_was_revised_in_is_when_it_was_set():
    got = facts("比亚迪2025年销量目标为550万辆,并于2025年9月下调至460万辆。", date(2026, 1, 2))
    assert ("byd", "delivery_target", "2025", 4600000.0, "eq") in got
    assert not any(p == "2025-09" for _, _, p, _, _ in got)


def test_a_change_compared_with_a_named_month_is_on_the_month_before_or_a_year_earlier():
    got = facts("Tesla's deliveries were up by 4.4% in July 2024 compared to June 2024.", date(2024, 8, 5))
    assert ("tesla", "deliveries_mom", "2024-07", 4.4, "eq") in got
    text = "BYD sold 301,903 vehicles in November 2023. As compared to October, the growth in sales was about 0.02%."
    assert ("byd", "sales_mom", "2023-11", 0.02, "approx") in facts(text, date(2023, 12, 2))
    got = facts("Tesla's deliveries were up 9% in July 2024 compared to July 2023.", date(2024, 8, 5))
    assert ("tesla", "deliveries_yoy", "2024-07", 9.0, "eq") in got
    # a month compared with by another change of the sentence is not this one's
    got = facts(
        "Tesla's exports fell to 10,115 units in June 2025, down 56.2% from May and 13.9% year-over-year.",
        date(2025, 7, 8),
    )
    assert {m for _, m, _, v, _ in got if v == -13.9} == {"exports_yoy"}


def test_an_english_running_total_for_the_year_in_a_monthly_report_runs_through_its_month():
    text = (
        "BYD reported total sales of over 396,000 vehicles for September 2025, bringing its cumulative "
        "sales for the year to over 3.26 million, reflecting an 18.64% year-on-year growth."
    )
    got = facts(text, date(2025, 10, 2))
    assert ("byd", "sales", "2025-01..2025-09", 3260000.0, "gt") in got
    assert ("byd", "sales_yoy", "2025-01..2025-09", 18.64, "eq") in got
