"""Figures set against an earlier time (较 … 的, 而 … 为) and the changes said against them;
sales in one country abroad. These test the rules, so every reading of theirs is kept
(``judged=False``)."""

from datetime import date

from evlens.extract import extract_text


def facts(text, published=date(2024, 8, 30)):
    return {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, published, judged=False)}


LEDE = "理想汽车公布2024年第二季度业绩。"


def test_a_compared_figure_with_its_currency_keeps_the_compared_time():
    got = facts(
        LEDE + "营收为 317 亿元,较 2023 年第二季度的人民币 287 亿元增加 10.6%,较 2024 年第一季度增加 23.9%。"
    )
    assert ("li-auto", "revenue", "2023-Q2", 28_700_000_000.0) in got
    assert ("li-auto", "revenue", "2024-Q2", 31_700_000_000.0) in got
    assert ("li-auto", "revenue_yoy", "2024-Q2", 10.6) in got
    assert not any(v == 23.9 for *_, v in got)  # on the quarter before: no metric holds it


def test_a_change_against_the_quarter_before_through_its_figure_is_no_fact():
    got = facts(
        LEDE
        + "营收 300 亿元,较 2023 年第二季度的 240 亿元增加 24.8%,较 2024 年第一季度的 300 亿元减少 0.7%。"
    )
    assert ("li-auto", "revenue_yoy", "2024-Q2", 24.8) in got
    assert not any(v in (-0.7, 0.7) for *_, v in got)


def test_the_change_of_a_figure_no_metric_holds_is_no_share_move():
    got = facts(LEDE + "营业费用为 57 亿元,较 2023 年第二季度的人民币 46 亿元增加 23.9%。")
    assert not any(m == "share_return" for _, m, _, _ in got)


def test_times_listed_after_er_with_their_own_figures_set_no_time_for_what_follows():
    text = (
        LEDE + "经营活动所用现金净额为人民币 4.294 亿元,而 2023 年第二季度为人民币 111 亿元,"
        "2024 年第一季度为负 33 亿元。\n\n营收 300 亿元,同比增加 24.8%。"
    )
    got = facts(text)
    assert ("li-auto", "revenue", "2024-Q2", 30_000_000_000.0) in got
    assert not any(p == "2024-Q1" for _, m, p, _ in got if m.startswith("revenue"))


def test_sales_in_one_country_abroad_are_a_segment():
    text = (
        "Chery sold 2,603,916 vehicles in 2024. In South Africa, Chery concluded December "
        "with a sales total of 1 867 vehicles."
    )
    got = facts(text, date(2025, 1, 13))
    assert ("chery", "sales", "2024", 2603916.0) in got
    assert not any(v == 1867.0 for *_, v in got)
    got = facts("奇瑞2024年销量260.4万辆，在日本销量为1.2万辆。", date(2025, 1, 13))
    assert ("chery", "sales", "2024", 2604000.0) in got
    assert not any(v == 12000.0 for *_, v in got)


def test_a_change_against_the_figure_of_the_month_before_is_month_on_month():
    text = (
        "零跑汽车1月交付32,059辆,同比增长27%。不过从环比数据来看,1月交付量较2025年12月的60423辆下滑了46.9%。"
    )
    got = facts(text, date(2026, 2, 2))
    assert ("leapmotor", "deliveries_mom", "2026-01", -46.9) in got
    assert ("leapmotor", "deliveries_yoy", "2026-01", 27.0) in got
    assert ("leapmotor", "deliveries", "2025-12", 60423.0) in got


def test_own_brand_sales_and_a_long_trading_range_are_no_facts():
    text = (
        "Changan Automobile sold 191,007 vehicles in February. Cumulative sales of the automaker's "
        "wholly-owned brands summed up to 309,424 units in January and February."
    )
    got = facts(text, date(2023, 3, 7))
    assert ("changan", "sales", "2023-02", 191007.0) in got
    assert not any(v == 309424.0 for *_, v in got)
    got = facts(
        "Li Auto shares closed at $31.00 on Thursday. The stock has been trading in the range of $21.48 - $47.33 in the last 1 year.",
        date(2024, 3, 21),
    )
    assert ("li-auto", "share_price", "2024-03-21", 31.0) in got
    assert not any(v in (21.48, 47.33) for *_, v in got)


def test_a_year_earlier_figure_after_a_full_year_is_of_the_year_before():
    text = "2024年全年,零跑汽车实现营收为321.6亿元,较2023年同期的167.5亿元增长92.0%。"
    got = facts(text, date(2025, 3, 12))
    assert ("leapmotor", "revenue", "2023", 16_750_000_000.0) in got
    assert ("leapmotor", "revenue_yoy", "2024", 92.0) in got


def test_the_year_so_far_in_a_monthly_report_runs_to_the_month_reported_past_months_compared_with():
    text = (
        "特斯拉6月批发销量93,680辆，是历史第二高的结果(相比于2022年11月的100,291辆和2023年3月的88,869辆)。"
        "今年迄今，特斯拉批发销量同比增长了近62%，达到了476,539辆。"
    )
    got = facts(text, date(2023, 7, 5))
    assert ("tesla", "wholesale", "2023-01..2023-06", 476539.0) in got
    assert ("tesla", "wholesale", "2023-03", 88869.0) in got
    assert ("tesla", "wholesale", "2022-11", 100291.0) in got


EN_LEDE = "XPeng Inc. reported its unaudited results for the third quarter of 2024. "


def test_the_same_period_of_a_written_year_is_that_years_span_compared_with():
    got = facts(
        EN_LEDE + "Total revenues were RMB10.10 billion, an increase of 18.8% from RMB8.53 billion "
        "in the same period of 2023.",
        None,
    )
    assert ("xpeng", "revenue", "2024-Q3", 10_100_000_000.0) in got
    assert ("xpeng", "revenue", "2023-Q3", 8_530_000_000.0) in got
    assert ("xpeng", "revenue_yoy", "2024-Q3", 18.8) in got


def test_a_change_against_a_figure_of_the_quarter_before_is_no_fact():
    got = facts(
        EN_LEDE + "Total revenues were RMB10.10 billion, an increase of 23.4% from RMB8.11 billion "
        "for the second quarter of 2024.",
        None,
    )
    assert ("xpeng", "revenue", "2024-Q2", 8_110_000_000.0) in got
    assert not any(v == 23.4 for *_, v in got)


def test_times_listed_after_compared_with_set_no_time_for_the_next_sentence():
    got = facts(
        EN_LEDE + "Vehicle margin was 13.1%, compared with 11.0% in the third quarter of 2023 and "
        "12.2% in the second quarter of 2024. Net loss was RMB1.81 billion.",
        None,
    )
    assert ("xpeng", "net_profit", "2024-Q3", -1_810_000_000.0) in got


def test_a_figure_right_after_the_time_compared_with_is_that_times():
    for text in (
        "小鹏汽车公布第二季度业绩。淨虧損 4.8 億元,較去年同期 12.8 億元收窄 63%。",
        "小鹏汽车公布第二季度业绩。净亏损4.8亿元,较上年同期12.8亿元收窄63%。",
    ):
        got = facts(text, date(2025, 8, 20))
        assert ("xpeng", "net_profit", "2025-Q2", -480_000_000.0) in got
        assert ("xpeng", "net_profit", "2024-Q2", -1_280_000_000.0) in got
        assert ("xpeng", "net_profit", "2025-Q2", -1_280_000_000.0) not in got
