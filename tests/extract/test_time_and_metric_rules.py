"""Each figure tied to its own time phrase; metrics decided by the words that govern the
number; numbers written the Chinese way. These test the rules, so every reading of theirs is
kept (``judged=False``): the confidence model is tested in ``test_confidence.py``."""

from datetime import date

import pytest

from evlens.extract import extract_text
from evlens.extract.normalize import normalize
from evlens.extract.quantities import find_quantities


def rules_read(text, published=None):
    return extract_text(text, published, judged=False)


def facts(text, published=date(2025, 12, 2)):
    return {(f.entity, f.metric, f.period, f.value, f.bound) for f in rules_read(text, published)}


def test_the_release_day_does_not_date_the_month_reported():
    got = facts("Leapmotor said on Monday that it delivered 70,327 vehicles in November.")
    assert got == {("leapmotor", "deliveries", "2025-11", 70327.0, "eq")}


def test_growth_keeps_the_period_of_its_figure():
    got = facts("Nio delivered 36,275 vehicles in November, a 76.3% year-over-year increase.")
    assert ("nio", "deliveries_yoy", "2025-11", 76.3, "eq") in got
    assert ("nio", "deliveries", "2025-11", 36275.0, "eq") in got
    got = facts("Li Auto's deliveries came to 33,181 vehicles in November, a 3.63% increase year-over-year.")
    assert ("li-auto", "deliveries_yoy", "2025-11", 3.63, "eq") in got
    assert not any(m == "share_return" for _, m, *_ in got)


def test_listed_months_give_one_fact_each():
    got = facts("小鹏汽车9月、10月连续2月交付量超4万辆。")
    assert got == {
        ("xpeng", "deliveries", "2025-09", 40000.0, "gt"),
        ("xpeng", "deliveries", "2025-10", 40000.0, "gt"),
    }
    got = facts("零跑汽车10月和11月交付量均超7万辆。")
    assert {p for _, _, p, _, _ in got} == {"2025-10", "2025-11"}
    # two months named for two figures are not a list for each
    got = facts("零跑汽车10月交付7万辆，11月交付7.03万辆。")
    assert got == {
        ("leapmotor", "deliveries", "2025-10", 70000.0, "eq"),
        ("leapmotor", "deliveries", "2025-11", 70300.0, "eq"),
    }


def test_a_month_range_with_a_monthly_rate_gives_each_month():
    got = facts("Between April and September, BYD sold roughly 190,000-205,000 vehicles a month.")
    assert {p for _, _, p, _, _ in got} == {f"2025-{m:02d}" for m in range(4, 10)}
    assert ("byd", "sales", "2025-06", 190000.0, "ge") in got and (
        "byd",
        "sales",
        "2025-06",
        205000.0,
        "le",
    ) in got


def test_n_months_in_a_row_is_no_month():
    got = facts("小鹏汽车10月连续2月交付量超4万辆。")
    assert {p for _, _, p, _, _ in got} == {"2025-09", "2025-10"}


def test_quarter_guidance_is_a_target_for_that_quarter():
    got = facts("蔚來第四季指引12.5萬至13.2萬輛。")
    assert got == {
        ("nio", "delivery_target", "2025-Q4", 125000.0, "ge"),
        ("nio", "delivery_target", "2025-Q4", 132000.0, "le"),
    }
    got = facts("理想汽车预计，第4季车辆交付量为10至11万辆。")
    assert {(m, p) for _, m, p, _, _ in got} == {("delivery_target", "2025-Q4")}
    got = facts(
        "XPeng expects fourth-quarter deliveries of 125,000 to 132,000 vehicles, "
        "it said in its third-quarter earnings release on Monday."
    )
    assert {(m, p) for _, m, p, _, _ in got} == {("delivery_target", "2025-Q4")}


def test_a_goal_for_a_month_is_a_target():
    got = facts("BYD is targeting December sales of 418,000 vehicles.")
    assert got == {("byd", "delivery_target", "2025-12", 418000.0, "eq")}


def test_exports_wholesale_retail_and_registrations_have_their_own_metrics():
    got = facts("比亚迪11月出口13.2万辆，批发销量48万辆，零售量30万辆，上险量25万辆。")
    assert {m for _, m, *_ in got} == {"exports", "wholesale", "retail_sales", "insurance_registrations"}
    got = facts("Tesla's wholesale sales of China-made cars fell 24.1% month on month to 71,447 in November.")
    assert ("tesla", "wholesale", "2025-11", 71447.0, "eq") in got
    assert ("tesla", "wholesale_mom", "2025-11", -24.1, "eq") in got


def test_growth_of_the_figure_not_of_a_word_in_brackets():
    got = facts("特斯拉11月批发销量为86,697辆（含出口），环比增长17%。")
    assert ("tesla", "wholesale_mom", "2025-11", 17.0, "eq") in got


def test_a_price_is_the_cars_not_the_shares():
    got = facts("The Xiaomi YU7 sells for 253,500 yuan.")
    assert got == {("xiaomi-yu7", "vehicle_price", "2025-12-02", 253500.0, "eq")}
    got = facts("小米YU7售价25.35万元。")
    assert {m for _, m, *_ in got} == {"vehicle_price"}


def test_a_figure_of_one_model_is_not_its_group():
    got = facts("小米汽车11月交付超4万辆，其中YU7交付2.5万辆。")
    assert ("xiaomi-yu7", "deliveries", "2025-11", 25000.0, "eq") in got
    assert not any(e == "xiaomi-su7-yu7" and v == 25000.0 for e, _, _, v, _ in got)


def test_wan_with_a_lower_section_and_the_first_n():
    assert [q.value for q in find_quantities("累计销量460万2436辆")] == [4602436]
    assert [q.value for q in find_quantities("1亿2000万元")] == [120000000]
    assert [q.value for q in find_quantities("交付2万辆2024年")] == [20000]
    assert not facts("比亚迪前50万用了6年。")


def test_an_undated_article_counts_relative_times_from_a_date_read_in_it():
    from evlens.extract.dates import infer_date

    assert infer_date(
        "---\nurl: https://example.com/news/2025/12/02/nio\n---\n蔚来上月交付3.6万辆。"
    ) == date(2025, 12, 2)
    assert infer_date("2026 年新年伊始，车企公布 2025 年 12 月销量。") == date(2026, 1, 1)
    assert infer_date("11月17日，小鹏公布2025年第三季度业绩。") == date(2025, 11, 17)
    assert infer_date("No year at all, only November.") is None
    # the facts of an undated article: 上月 and a quarter without a year
    got = {
        (f.entity, f.metric, f.period, f.value)
        for f in rules_read(
            "12月1日，车企公布2025年11月销量。蔚来上月交付36,275辆。小鹏三季度交付116,007辆。"
        )
    }
    assert ("nio", "deliveries", "2025-11", 36275.0) in got
    assert ("xpeng", "deliveries", "2025-Q3", 116007.0) in got
    # the date is a stand-in: the facts carry no publication date
    assert all(
        f.published is None for f in rules_read("12月1日，车企公布2025年11月销量。蔚来上月交付36,275辆。")
    )


def test_an_undated_article_is_dated_by_its_latest_reported_span_not_its_history_or_plans():
    from evlens.extract.dates import infer_date

    # a history recalled early (since March 2024) does not date the article
    assert infer_date("这是自2024年3月以来比亚迪首次下滑。2025年8月比亚迪销量为37.4万辆。") == date(
        2025, 9, 1
    )
    # a quarter under a plan is ahead of the article: the year it names most often, and
    # the release day in that year
    assert infer_date("10月9日，零跑称到2024年第四季度将开设350家门店。9月交付33,767辆。") == date(
        2024, 10, 9
    )
    assert infer_date("Nio expects Q1 2026 to be weak. It delivered 48,135 in December 2025.") == date(
        2026, 1, 1
    )
    # a half named with its year is a span reported; 截至 is no plan
    assert infer_date("小鹏交出了2025年上半年的成绩单。2024年8月推出MONA M03。") == date(2025, 7, 1)
    assert infer_date("The loss fell to CNY 500 million in Quarter I 2025.") == date(2025, 4, 1)
    assert infer_date("截至2026年2月28日，现金储备逾千亿。") == date(2026, 2, 28)
    # a day a span starts from only bounds the date below; its year is not counted
    assert infer_date("11月20日，第50万辆下线。自2024年3月28日发布，2025全年将交付超40万辆。") == date(
        2025, 11, 20
    )


def test_an_undated_article_is_dated_by_a_day_written_in_figures():
    from evlens.extract.dates import infer_date

    assert infer_date("鉅亨網編譯 2025-12-29 14:00\n自2023年10月起，極氪股價進入下行通道。") == date(
        2025, 12, 29
    )
    assert infer_date(
        "Dolphin Research\n2025.08.19 00:30\nLeapmotor delivered 50,129 units in July."
    ) == date(2025, 8, 19)
    assert infer_date("27/10/2025\n賽力斯2021年12月推出問界M5。") == date(2025, 10, 27)
    assert infer_date("10/27/2025 Seres launched the M5 in December 2021.") == date(2025, 10, 27)
    # day and month that could be either way round name no day
    assert infer_date("03/04/2025 Seres launched the M5 in December 2021.") == date(2022, 1, 1)


def test_a_bullet_naming_no_metric_takes_the_one_its_list_opens_with():
    text = (
        "Tesla China wholesale vehicle shipments in September 2023 (YOY change):\n\n"
        "  • Model 3/Model Y: 74,073 (down 11%)\n"
    )
    assert ("tesla", "wholesale", "2023-09", 74073.0, "eq") in facts(text, date(2023, 10, 10))


def test_rates_price_bands_per_vehicle_figures_and_forecasts_opened_by_liao_are_no_facts():
    pub = date(2025, 11, 20)
    assert facts("如小米北京工厂24小时运作，每小时可生产40部小米SU7。", pub) == set()
    got = facts(
        "截至2025年10月底，小鹏P7+累计交付已突破8.5万台，连续11个月稳居15–20万价格区间中大型纯电轿车销量榜首。",
        pub,
    )
    assert {v for *_, v, _ in got} == {85000.0}
    assert facts("吉利上半年单车平均销售收入按年减少1.4万至9.6万元。", pub) == set()
    assert facts("理想汽车料首季收入跌约两成。", date(2026, 3, 13)) == set()


def test_xiahua_is_a_fall_of_the_figure_before_it_and_against_the_quarter_before_no_fact():
    pub = date(2026, 1, 3)
    assert facts("特斯拉第4季交车量较2024年同期下滑15.6%。", pub) == {
        ("tesla", "deliveries_yoy", "2025-Q4", -15.6, "eq")
    }
    got = facts(
        "比亚迪三季度新能源汽车销量约111.4万辆，较去年同期衰退1.82%，较上一季下滑2.7%。", date(2025, 10, 30)
    )
    assert -2.7 not in {v for *_, v, _ in got}
    # with no figure before it and no share named, a fall of a rate is no share move
    assert facts("新能源汽车整体渗透率从57.4%下滑至36.3%。", pub) == set()


def test_the_figure_compared_with_after_qunian_tongqi_takes_the_year_before():
    got = facts("小鹏第三季度收入为203.8亿元，较去年同期的101亿元增长101.8%。", date(2025, 11, 17))
    assert ("xpeng", "revenue", "2024-Q3", 10100000000.0, "eq") in got
    assert ("xpeng", "revenue", "2025-Q3", 20380000000.0, "eq") in got


def test_a_share_price_in_bare_yuan_quoted_in_hong_kong_is_in_hkd():
    # (a close: a wire's 現價, the current price, is no day's close)
    got = facts("理想汽車(02015)收市跌1.7%，報68.95元，該股成交約7萬股。", date(2026, 3, 13))
    assert ("li-auto", "share_price", "2026-03-13", 68.95, "eq") in got
    units = {
        (f.metric, f.unit) for f in rules_read("理想汽車(02015)收市跌1.7%，報68.95元。", date(2026, 3, 13))
    }
    assert ("share_price", "HKD") in units
    # an A share's price in 元 stays in yuan
    units = {(f.metric, f.unit) for f in rules_read("赛力斯A股股价报157.22元。", date(2025, 6, 27))}
    assert units == {("share_price", "CNY")}


def test_the_months_ended_on_a_day_are_their_span_in_english_too():
    got = facts(
        "For the quarter ended on September 30th, XPeng's revenue surged 22% YoY to $1.17 billion.",
        date(2023, 11, 16),
    )
    assert ("xpeng", "revenue", "2023-Q3", 1170000000.0, "eq") in got
    got = facts(
        "For the six months ended June 30, 2025, Leapmotor's revenue was RMB24.25 billion.", date(2025, 8, 19)
    )
    assert got == {("leapmotor", "revenue", "2025-H1", 24250000000.0, "eq")}


def test_weekly_figures_take_their_week():
    pub = date(2025, 5, 27)
    assert facts("Li Auto registered 10,500 units last week.", pub) == {
        ("li-auto", "insurance_registrations", "2025-05-19..2025-05-25", 10500.0, "eq")
    }
    assert facts("理想汽车5月第二周上险量为7000辆。", pub) == {
        ("li-auto", "insurance_registrations", "2025-05-12..2025-05-18", 7000.0, "eq")
    }
    # a range of days, and the week before the week last named; a change on the week
    # before states no fact
    got = facts(
        "The Lynk&Co brand sold 4,700 units from May 19 to 25, down 4.1% from the 4,900 vehicles sold in the previous week.",
        pub,
    )
    assert got == {  # (a week's sales in China are insurance registrations)
        ("lynk-co", "insurance_registrations", "2025-05-19..2025-05-25", 4700.0, "eq"),
        ("lynk-co", "insurance_registrations", "2025-05-12..2025-05-18", 4900.0, "eq"),
    }
    # a week not yet over names no time for a target
    got = facts("小米预计本周将提前完成35万台的年度交付目标。", date(2025, 11, 20))
    assert all(".." not in p for _, _, p, _, _ in got)


def test_an_undated_weekly_report_is_dated_after_the_week_it_names():
    from evlens.extract.dates import infer_date

    text = "Zeekr sold 3,600 EVs in 2025's third week of May.\n\nIts sales fell 1.1% between May 19 and 25."
    assert infer_date(text) == date(2025, 5, 26)
    # a single day near the top is the release day itself
    assert infer_date("Zeekr sold 3,600 EVs in 2025.\n\nOn May 19 it said so.") == date(2025, 5, 19)


def test_an_undated_article_is_at_least_a_year_past_the_year_it_compares_with():
    from evlens.extract.dates import infer_date

    # the quarter of the release is 2025's: 2024 is only the base of the change
    text = (
        "For the third quarter, Nio reported revenue of RMB21.79 billion, up about 17% "
        "from the same quarter of 2024."
    )
    assert infer_date(text) == date(2025, 12, 31)
    assert ("nio", "revenue", "2025-Q3") in {(f.entity, f.metric, f.period) for f in rules_read(text)}
    assert infer_date("营收为217.9亿元，较2024年同期增长16.7%。") == date(2025, 12, 31)
    assert infer_date("特斯拉全年交车量为163万辆，比2024年低8.6%。") == date(2025, 12, 31)
    # last year against a base year: the base is the year before last
    text = "BYD delivered 4.6 million vehicles last year, a 7.7% increase from 2024."
    assert infer_date(text) == date(2026, 1, 31)
    assert ("byd", "deliveries", "2025") in {(f.entity, f.metric, f.period) for f in rules_read(text)}
    # a year named as a plain time is no base
    assert infer_date("Nio delivered 221,970 vehicles in 2024.") == date(2024, 12, 31)


def test_an_undated_article_is_after_a_later_month_it_names_without_a_year():
    from evlens.extract.dates import infer_date

    text = (
        "Xpeng's deliveries sagged in the first half of 2023. "
        "It delivered 20,041 vehicles in November, a record."
    )
    assert infer_date(text) == date(2023, 12, 1)
    assert ("xpeng", "deliveries", "2023-11", 20041.0) in {
        (f.entity, f.metric, f.period, f.value) for f in rules_read(text)
    }
    # a month of last year, or under a plan, does not move it
    assert infer_date("小鹏2025年一季度交付9.4万辆，去年11月交付3万辆。") == date(2025, 4, 1)
    assert infer_date("小鹏2025年一季度交付9.4万辆，预计12月交付5万辆。") == date(2025, 4, 1)


def test_a_past_year_named_paragraphs_before_names_no_year_for_a_bare_month():
    text = (
        "NIO's stock rose over 1,100% in 2020.\n\n"
        "Xpeng delivers a record\n\n"
        "Xpeng Motors delivered 20,041 vehicles in November, up 245% year over year."
    )
    assert ("xpeng", "deliveries", "2023-11", 20041.0, "eq") in facts(text, date(2023, 12, 2))
    # within its own paragraph the year still holds
    same = "Xpeng's deliveries fell in 2022. It delivered 11,292 vehicles in November."
    assert ("xpeng", "deliveries", "2022-11", 11292.0, "eq") in facts(same, date(2023, 12, 2))
    # traditional script: the plan word is read in the normalised text
    from evlens.extract.core import Extractor

    text = "---\nlang: zh-Hant\n---\n蔚來公佈2025年12月交付48,135輛，預計對沖2026年第一季壓力。"
    assert Extractor(text).published == date(2026, 1, 1)


def test_changes_take_the_comparison_and_the_sign_written_before_them():
    got = facts(
        "吉利汽车2021年8月的总销量为88,348部，较去年同期减少约22%及较2021年7月减少约11%。", date(2021, 9, 7)
    )
    assert ("geely", "sales", "2021-08", 88348.0, "eq") in got
    assert ("geely", "sales_yoy", "2021-08", -22.0, "approx") in got
    assert ("geely", "sales_mom", "2021-08", -11.0, "approx") in got
    got = facts("零跑表示，上月交付量达28,067辆，按年增11%，按月则下跌12.5%。", date(2026, 3, 1))
    assert ("leapmotor", "deliveries_yoy", "2026-02", 11.0, "eq") in got
    assert ("leapmotor", "deliveries_mom", "2026-02", -12.5, "eq") in got


def test_a_change_without_a_comparison_is_year_on_year():
    got = facts("吉利2月总销量为20.6万辆，增长1%。", date(2026, 3, 1))
    assert ("geely", "sales_yoy", "2026-02", 1.0, "eq") in got


def test_a_loss_is_a_negative_profit_and_the_same_period_last_year_is_its_own():
    got = facts(
        "理想汽车公布第3季业绩，录得列帐亏损6.2亿元，去年同期为盈利28.2亿元，经调整亏损3.59亿元。",
        date(2025, 11, 26),
    )
    assert got == {
        ("li-auto", "net_profit", "2025-Q3", -620000000.0, "eq"),
        ("li-auto", "net_profit", "2024-Q3", 2820000000.0, "eq"),
        ("li-auto", "net_profit", "2025-Q3", -359000000.0, "eq"),
    }


def test_premarket_moves_and_the_first_n_months():
    assert not facts("理想汽车美股盘前跌1.42%，报18.06美元。", date(2025, 11, 26))
    got = facts("比亚迪今年首两个月累计销量40万辆。", date(2026, 3, 1))
    assert ("byd", "sales", "2026-01..2026-02", 400000.0, "eq") in got


def test_bu_counts_vehicles():
    got = facts("吉利汽车2021年8月出口量为6,225部。", date(2021, 9, 7))
    assert got == {("geely", "exports", "2021-08", 6225.0, "eq")}


def test_a_plan_year_names_no_year_for_the_months_after_it():
    got = facts("吉利订下2026年的销量目标为345万辆。零跑汽车12月交付60,423辆。", date(2026, 1, 1))
    assert ("leapmotor", "deliveries", "2025-12", 60423.0, "eq") in got


def test_a_name_in_brackets_does_not_take_the_figure_after_them():
    got = facts("吉利汽车8月的总销量（包含领克品牌汽车的销量）为88,348部。", date(2021, 9, 7))
    assert got == {("geely", "sales", "2021-08", 88348.0, "eq")}


def test_changes_and_sums_in_a_forecast_state_no_fact():
    got = facts(
        "理想汽车预计，第4季车辆交付量为10至11万辆，按年减少37%至30.7%，收入总额介乎265亿至292亿元。",
        date(2025, 11, 26),
    )
    assert {m for _, m, *_ in got} == {"delivery_target"}


def test_a_year_after_a_quarter_without_of_is_the_quarters():
    # "the third quarter 2024" and "the first half, 2025" name their year as "of 2024" does
    got = facts(
        "Li Auto recorded a net income of RMB 3.9 billion in the third quarter 2024 "
        "and RMB 1.5 billion in the second quarter 2025.",
        date(2025, 11, 26),
    )
    assert ("li-auto", "net_profit", "2024-Q3", 3.9e9, "eq") in got
    assert ("li-auto", "net_profit", "2025-Q2", 1.5e9, "eq") in got
    # a number after the quarter is no year: "in the third quarter, 2,025 more were sold"
    got = facts("Nio sold 2,025 cars in the third quarter.", date(2025, 11, 26))
    assert {p for _, _, p, _, _ in got} == {"2025-Q3"}


def test_full_year_early_in_a_year_is_the_year_just_ended():
    # 計及全年 in a March 2026 results article, after a timestamp naming 2026: 2025;
    # 今年的全年目标 (a plan, and the year named) stays 2026
    text = "發佈時間：18:04 2026-03-12 HKT\n\n計及全年，理想汽車全年交付量40.63萬輛。"
    assert ("li-auto", "deliveries", "2025", 406300.0, "eq") in facts(text, date(2026, 3, 12))
    got = facts("极氪表示，今年的全年交付目标为 32 万辆。", date(2026, 1, 2))
    assert ("zeekr", "delivery_target", "2026", 320000.0, "eq") in got
    # later in the year, 全年 is the article's year
    got = facts("理想汽车全年交付量40.63萬輛。", date(2025, 7, 1))
    assert ("li-auto", "deliveries", "2025", 406300.0, "eq") in got


def test_changes_no_metric_holds_give_no_fact():
    d = date(2025, 11, 26)
    # the change of a loss: the loss is a fact, its narrowing is not
    got = facts("蔚來公布第三季業績，淨虧損按年收窄31.2%至34.8億元。", d)
    assert ("nio", "net_profit", "2025-Q3", -3.48e9, "eq") in got
    assert not any(m.startswith("net_profit_") for _, m, *_ in got)
    # a change on the quarter before is no month-on-month change
    got = facts("蔚来三季度营收达217.9亿元,同比增长16.7%,环比增长14.7%。", d)
    assert ("nio", "revenue_yoy", "2025-Q3", 16.7, "eq") in got
    assert not any(m.endswith("_mom") for _, m, *_ in got)
    # a margin named after the figure: its level is no growth of that figure
    got = facts(
        "理想汽車全年收入總額1123.1億元，跌22.3%，車輛毛利率17.9%，下降1.9個百分點。", date(2026, 3, 12)
    )
    assert ("li-auto", "revenue_yoy", "2025", -22.3, "eq") in got
    assert not any(v == 17.9 for *_, v, _ in got)


def test_the_figure_compared_with_takes_the_time_compared_with():
    got = facts(
        "2025年第三季度,理想汽车收入总额为274亿元,较2024年第三季度的428亿元减少36.2%,"
        "较2025年第二季度的302亿元减少9.5%。",
        date(2025, 11, 26),
    )
    assert ("li-auto", "revenue", "2025-Q3", 2.74e10, "eq") in got
    assert ("li-auto", "revenue", "2024-Q3", 4.28e10, "eq") in got
    assert ("li-auto", "revenue", "2025-Q2", 3.02e10, "eq") in got
    # the change after the compared figure keeps the period of the figure it changes
    assert ("li-auto", "revenue_yoy", "2025-Q3", -36.2, "eq") in got
    # without a figure after it, the compared time is no figure's
    got = facts("零跑汽车8月交付5.7万辆，较2024年8月增长88%。", date(2025, 9, 1))
    assert {p for _, _, p, _, _ in got} == {"2025-08"}


def test_relative_quarters():
    # 上季 in a November article is the third quarter; 本季度 in results coverage is the
    # quarter reported (the last one named); 今年首季 the first quarter of the year
    got = facts("理想汽車上季收入總額按年減少36.2%至273.6億元。", date(2025, 11, 27))
    assert ("li-auto", "revenue", "2025-Q3", 2.736e10, "eq") in got
    got = facts("小米公布第三季度业绩。本季度小米汽车交付量达108,796辆。", date(2025, 12, 1))
    assert ("xiaomi-su7-yu7", "deliveries", "2025-Q3", 108796.0, "eq") in got
    got = facts("理想汽車預計，今年首季車輛交付量為8.5萬至9萬輛。", date(2026, 3, 12))
    assert ("li-auto", "delivery_target", "2026-Q1", 85000.0, "ge") in got


def test_hong_kong_market_words():
    # 升 / 挫: a day's move of an index or a share; 升至 a level reached, no move
    assert facts("恒生指數收市升1.78%。", date(2025, 9, 17)) == {
        ("hsi", "index_return", "2025-09-17", 1.78, "eq")
    }
    assert facts("蔚來今日急挫5.2%。", date(2025, 9, 17)) == {
        ("nio", "share_return", "2025-09-17", -5.2, "eq")
    }
    got = facts("雷軍增持小米股份，令其持股比例微升至23.26%。", date(2025, 11, 24))
    assert not any(m == "share_return" for _, m, *_ in got)


def test_gaps_between_makers_are_no_levels():
    d = date(2026, 1, 3)
    assert (
        facts("2024年特斯拉僅以約2萬輛的微弱優勢領先比亞迪，2025年比亞迪則大幅超越特斯拉61萬輛。", d) == set()
    )
    got = facts("BYD came within 3,500 units in Q3, delivering 431,603 electric models.", date(2022, 10, 5))
    assert got == {("byd", "deliveries", "2022-Q3", 431603.0, "eq")}


def test_intraday_levels_and_unheld_changes_give_no_fact():
    # a midday-break or opening move is not the day's; an ASP's or a stake's change no metric holds
    assert facts("賽力斯截至今日午間收盤下跌7.1%。", date(2025, 11, 7)) == set()
    assert facts("NIO Inc. opened nearly 8% higher on Thursday.", date(2026, 1, 29)) == set()
    assert facts("小米集團又指，智能電動汽車的ASP亦上升9%。", date(2025, 11, 19)) == set()
    assert (
        facts("Geely Auto plans to increase its stake in Zeekr to around 62.8 per cent.", date(2024, 11, 5))
        == set()
    )


def test_an_article_naming_one_company_keeps_it_as_the_subject():
    text = (
        "理想汽車公布，截至2025年12月31日止全年純利11.24億元人民幣。\n\n"
        "第四季經調整盈利按年跌93.5%。\n\n"
        "截至2025年12月31日止第四季純利651.9萬元人民幣。\n\n"
        "於2026年1月和2月分別交付了27668輛和26421輛汽車。"
    )
    got = facts(text, date(2026, 3, 13))
    assert ("li-auto", "net_profit", "2025-Q4", 6519000.0, "eq") in got
    assert ("li-auto", "deliveries", "2026-02", 26421.0, "eq") in got
    # once another company is named, a figure naming no one is nobody's
    got = facts(
        "理想汽車公布業績。\n\n蔚來公布業績。\n\n市場關注。\n\n股東大會將舉行。\n\n分析員看好。\n\n第四季純利651.9萬元人民幣。",
        date(2026, 3, 13),
    )
    assert not any(v == 6519000.0 for *_, v, _ in got)


def test_an_unlisted_brand_has_no_results_of_its_own():
    got = facts("賽力斯旗下問界品牌熱賣，去年營收年增305.47%至1451.13億元。", date(2025, 11, 5))
    assert ("seres", "revenue", "2024", 1.45113e11, "eq") in got
    assert not any(e == "aito" and m == "revenue" for e, m, *_ in got)


def test_a_currency_code_glued_to_its_number():
    got = facts(
        "Li Auto's total revenues reached RMB25.9 billion (US$3.6 billion) in the first quarter.",
        date(2025, 5, 29),
    )
    assert got == {("li-auto", "revenue", "2025-Q1", 2.59e10, "eq")}


def test_tesla_china_figures_of_the_cpca_are_wholesale():
    got = facts(
        "Tesla sold 71,447 China-made vehicles in January 2024, according to the CPCA.", date(2024, 2, 5)
    )
    assert got == {("tesla", "wholesale", "2024-01", 71447.0, "eq")}
    # another maker's CPCA figure keeps its word; Tesla's without the CPCA too
    assert facts("BYD sold 300,538 vehicles in January, the CPCA said.", date(2025, 2, 5)) == {
        ("byd", "sales", "2025-01", 300538.0, "eq")
    }
    assert facts("Tesla sold 71,447 vehicles in January 2024.", date(2024, 2, 5)) == {
        ("tesla", "sales", "2024-01", 71447.0, "eq")
    }


def test_a_rival_named_with_its_legal_form_and_ticker_takes_no_figure():
    got = facts(
        "Xpeng Inc. XPEV recorded a rise in June deliveries as the Tesla Inc. TSLA rival delivered "
        "197,189 units in the first half of 2025.",
        date(2025, 7, 1),
    )
    assert ("xpeng", "deliveries", "2025-H1", 197189.0, "eq") in got
    assert not any(e == "tesla" for e, *_ in got)


def test_a_comment_clause_after_a_change_lends_it_no_time():
    text = (
        "Li Auto delivered 93,211 vehicles in the third quarter. However, the deliveries declined 39.01 percent "
        "year-on-year, continuing their weak sales performance this year."
    )
    assert ("li-auto", "deliveries_yoy", "2025-Q3", -39.01, "eq") in facts(text, date(2025, 11, 26))


def test_a_quarter_not_yet_begun_is_last_years():
    # 第四季 in a March 2026 results report is the fourth quarter of 2025; adjusted profit
    # is a second net_profit figure (docs/extract.md)
    got = facts(
        "理想汽車（2015）第四季經調整利潤錄得2.74億元，按年急挫93.2%。期內收入總額287.75億元。",
        date(2026, 3, 12),
    )
    assert ("li-auto", "net_profit", "2025-Q4", 2.74e8, "eq") in got
    assert ("li-auto", "revenue", "2025-Q4", 2.8775e10, "eq") in got
    # a plan's quarter stays ahead; a quarter begun stays this year's
    assert ("nio", "delivery_target", "2026-Q4", 50000.0, "eq") in facts(
        "蔚来计划第四季月交付目标5万辆。", date(2026, 3, 12)
    )
    assert ("li-auto", "revenue", "2026-Q1", 2.0e10, "eq") in facts(
        "理想汽車第一季收入總額200億元。", date(2026, 3, 12)
    )


def test_an_outlook_is_a_target_for_the_quarter_ahead():
    # 展望 is a plan's word: its quarter is the first not over by the article's date, even
    # after a sentence about last year
    text = "理想汽車去年同期收入增長。公司展望第三季車輛交付量為9萬至9.5萬輛。"
    got = facts(text, date(2025, 8, 29))
    assert ("li-auto", "delivery_target", "2025-Q3", 90000.0, "ge") in got
    assert ("li-auto", "delivery_target", "2025-Q3", 95000.0, "le") in got


def test_this_period_refers_back_to_the_span_last_named():
    text = (
        "For the first nine months of 2024, Geely Holding sold 2,319,664 vehicles. "
        "In this period, the group saw its NEV sales reach 976,256 units."
    )
    got = facts(text, date(2024, 10, 1))
    assert {p for _, _, p, _, _ in got} == {"2024-01..2024-09"}


def test_a_run_of_months_named_by_an_ordinal_counts_back_from_the_month_reported():
    got = facts(
        "Xpeng delivered 34,611 vehicles in June, marking the 8th consecutive month where "
        "Xpeng delivered more than 30,000 units.",
        date(2025, 7, 1),
    )
    assert {p for _, _, p, v, b in got if v == 30000 and b == "gt"} == {
        "2024-11",
        "2024-12",
        "2025-01",
        "2025-02",
        "2025-03",
        "2025-04",
        "2025-05",
        "2025-06",
    }
    got = facts("零跑9月交付33,767辆，已连续第五个月交付量超过了30000辆。", date(2025, 10, 2))
    assert sorted(p for _, _, p, v, _ in got if v == 30000) == [
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-08",
        "2025-09",
    ]
    # the launch month is an event's time: the run ends with the month the article reports
    got = facts(
        "XPeng delivered 36,728 vehicles in November. Launched in August 2024 with prices "
        "starting at RMB 119,800, the Mona M03 marked its 15th straight month above 10,000 units.",
        date(2025, 12, 9),
    )
    months = sorted(p for _, _, p, v, _ in got if v == 10000)
    assert len(months) == 15 and months[0] == "2024-09" and months[-1] == "2025-11"


def test_a_figure_the_article_repeats_is_one_fact_at_its_first_mention():
    text = "BYD sold 480,186 vehicles in November\n\nBYD said on Monday it sold 480,186 vehicles in November."
    got = rules_read(text, published=date(2025, 12, 2))
    assert [(f.entity, f.period, f.value) for f in got] == [("byd", "2025-11", 480186.0)]
    assert got[0].span_start < text.index("\n")
    # a rounded restatement is another fact
    got = rules_read("比亚迪11月销量480,186辆。比亚迪11月销量约48万辆。", published=date(2025, 12, 2))
    assert sorted(f.value for f in got) == [480000.0, 480186.0]


def test_vehicle_sales_revenue_home_sales_and_a_segment_opened_by_qizhong_are_no_totals():
    got = facts("蔚来第三季度收入217.9亿元，其中汽车销售收入达192亿元。", date(2025, 11, 25))
    assert {v for _, m, _, v, _ in got if m == "revenue"} == {21790000000.0}
    got = facts(
        "In the third quarter, Li Auto's total revenues were RMB27.4 billion; revenue from vehicle sales "
        "was RMB25.9 billion."
    )
    assert {v for _, m, _, v, _ in got if m == "revenue"} == {27400000000.0}
    got = facts("BYD's domestic sales declined 5.1% to 3.1 million in 2025.", date(2026, 1, 5))
    assert not got
    got = facts(
        "比亚迪全年累计销量4,602,436辆，其中纯电车型12月销量190,712辆，全年累计2,256,714辆。",
        date(2026, 1, 2),
    )
    assert {v for *_, v, _ in got} == {4602436.0}


def test_plans_read_from_more_words_and_a_target_met_is_no_plan():
    d = date(2025, 10, 2)
    got = facts("For Q4 2025, Li Auto anticipates vehicle deliveries between 123,000 and 128,000.", d)
    assert {m for _, m, *_ in got} == {"delivery_target"}
    # a month in a plan is the next such month; 破 is "more than"
    got = facts("零跑争取12月单月交付量破7万辆。", d)
    assert got == {("leapmotor", "delivery_target", "2025-12", 70000.0, "gt")}
    # the figure a target word follows is the target
    got = facts("比亚迪2025年超额完成年初设定的300万辆目标。", date(2026, 1, 2))
    assert {m for _, m, *_ in got} <= {"delivery_target"}
    # a target met: the figure after it is what was sold
    got = facts("吉利汽车同样超额完成年度目标，2025年总销量突破302万辆。", date(2026, 1, 2))
    assert ("geely", "sales", "2025", 3020000.0, "gt") in got


def test_costs_cash_per_share_figures_and_staff_are_held_by_no_metric():
    d = date(2025, 11, 26)
    assert not facts("In the third quarter, cost of sales rose 48.4% to RMB 20.1 billion.", d)
    assert not facts("Net loss per ADS was RMB 3.70 in the third quarter.", d)
    assert not facts("截至9月30日，蔚来现金及现金等价物总额达367亿元。", d)
    assert not facts("第三季度小米智能电动汽车平均售价为26万元。", d)
    assert not facts("理想汽车今日股价报68.95港元，涉资471万元。", d) - {
        ("li-auto", "share_price", "2025-11-26", 68.95, "eq")
    }
    assert not facts("赛力斯上半年研发人员增至6984人，同比增长26.6%。", d)
    # the maker's own figures beside them stay
    got = facts("蔚来第三季度收入217.9亿元，销售费用为30.1亿元。", d)
    assert got == {("nio", "revenue", "2025-Q3", 21790000000.0, "eq")}


def test_press_time_prices_highs_lows_and_issue_prices_are_no_day_levels():
    d = date(2025, 11, 27)
    assert not facts("截至发稿，理想汽车股价上涨1.81%，报73港元/股。", d)
    assert not facts("小米股价自6月高见61.45元后回落。", d)
    assert not facts("零跑汽车较发行价131.5港元跌2.97%。", d)
    assert not facts("In morning trading in New York, Zeekr's shares rose 4%.", d)
    got = facts("理想汽车股价今日收报73港元，涨1.81%。", d)
    assert ("li-auto", "share_price", "2025-11-27", 73.0, "eq") in got


def test_a_makers_other_businesses_are_segments():
    d = date(2025, 11, 19)
    assert not facts("小米第三季度互联网服务收入人民幣94亿元，同比增长10.8%。", d)
    assert not facts("Xiaomi's smartphone revenue was RMB 46 billion in the third quarter.", d)
    got = facts("小米第三季度总收入1131亿元。", d)
    assert got == {("xiaomi", "revenue", "2025-Q3", 113100000000.0, "eq")}


def test_the_company_in_an_article_about_one_maker_is_that_maker_not_the_rival_last_named():
    text = (
        "BYD sold 480,186 vehicles in November. BYD's exports rose. BYD now leads Tesla.\n\n"
        "The company produced 316,510 vehicles in November."
    )
    got = facts(text, date(2025, 12, 2))
    assert ("byd", "production", "2025-11", 316510.0, "eq") in got
    # in a round-up, "the company" is the maker last named
    text = "NIO delivered 36,275 vehicles in November. XPeng delivered 36,728.\n\nThe company produced 40,000 in November."
    assert ("xpeng", "production", "2025-11", 40000.0, "eq") in facts(text, date(2025, 12, 2))


def test_the_year_ago_quarter_is_the_quarter_named_a_year_earlier():
    got = facts(
        "Li Auto's revenue was RMB 27.4 billion in the third quarter of 2025, compared to RMB 42.9 billion "
        "in the year-ago quarter.",
        date(2025, 11, 26),
    )
    assert got == {
        ("li-auto", "revenue", "2025-Q3", 27400000000.0, "eq"),
        ("li-auto", "revenue", "2024-Q3", 42900000000.0, "eq"),
    }
    got = facts(
        "NIO's net loss was RMB 2.7 billion in the second quarter of 2022, from RMB 10.29 billion in the same "
        "quarter last year.",
        date(2022, 9, 8),
    )
    assert ("nio", "net_profit", "2021-Q2", -10290000000.0, "eq") in got


def test_a_writers_arithmetic_and_others_forecasts_are_no_facts():
    d = date(2025, 11, 2)
    assert not facts("结合10月已交付的40397台推算，蔚来11月和12月需保持月均3.98万台的交付水平。", d)
    assert not facts("Nio must now achieve a minimum of 43,328 deliveries in December.", d)
    assert not facts("根据市场预测平均值，特斯拉2025年销量预计为164万辆。", d)
    assert not facts(
        "Tesla is expected to report around 440,900 vehicle deliveries for the fourth quarter.", d
    )
    assert facts("蔚来10月交付40,397台。", d) == {("nio", "deliveries", "2025-10", 40397.0, "eq")}


def test_yesterday_the_next_day_and_now_are_days():
    d = date(2025, 11, 20)
    assert ("xiaomi", "share_price", "2025-11-19", 77.05, "eq") in facts(
        "小米港股昨日收报77.05港元，跌2%。", d
    )
    got = facts("11月5日，小鹏股价跌3%。次日股价继续下跌4.94%。", d)
    assert ("xpeng", "share_return", "2025-11-06", -4.94, "eq") in got
    assert facts("零跑市值如今已达2606亿元。", d) == {
        ("leapmotor", "market_cap", "2025-11-20", 260600000000.0, "eq")
    }


def test_a_list_of_one_makers_models_speaks_for_the_maker():
    got = facts(
        "China-made Model 3 and Model Y deliveries rose 14.2% to 94,000 in December.", date(2025, 1, 5)
    )
    assert ("tesla", "wholesale", "2024-12", 94000.0, "eq") in got  # (China-made: Tesla China's wholesale)
    got = facts("Tesla's Model 3/Model Y wholesale sales were 61,497 in November.", date(2025, 12, 5))
    assert got == {("tesla", "wholesale", "2025-11", 61497.0, "eq")}
    # one model alone keeps the figure
    got = facts("Tesla's Model Y deliveries were 40,000 in November.", date(2025, 12, 5))
    assert got == {("tesla-model-y", "deliveries", "2025-11", 40000.0, "eq")}


def test_so_far_this_year_in_a_monthly_report_runs_through_the_month_reported():
    text = "Zeekr delivered 14,270 vehicles in July. So far this year, Zeekr has delivered 103,525 vehicles."
    got = facts(text, date(2024, 8, 1))
    assert ("zeekr", "deliveries", "2024-01..2024-07", 103525.0, "eq") in got
    # with no month named, the year so far runs to the article's day
    got = facts("Year-to-date, Tesla's wholesale sales were 700,000.", date(2025, 10, 5))
    assert {p for _, _, p, _, _ in got} == {"2025-01-01..2025-10-05"}


def test_trims_brands_and_models_named_in_full_take_their_figures():
    d = date(2025, 5, 27)
    got = facts(
        "The SU7 Pro now has a waiting time of 35-38 weeks. The SU7 Max has a waiting time of 33-36 weeks.", d
    )
    assert {e for e, *_ in got} == {"xiaomi-su7-pro", "xiaomi-su7-max"}
    assert facts("吉利银河品牌11月销量12.5万辆。", date(2025, 12, 1)) == {
        ("geely-galaxy", "sales", "2025-11", 125000.0, "eq")
    }
    got = facts("小鹏P5在1月交付4,029台，小鹏G3系列交付2,186台。", date(2022, 2, 1))
    assert {e for e, *_ in got} == {"xpeng-p5", "xpeng-g3"}


def test_a_single_month_figure_after_a_years_total_is_the_month_reported():
    got = facts("蔚来12月交付4.8万辆，全年累计交付32.6万辆，ES8单月交付2.23万辆。", date(2026, 1, 2))
    assert ("nio-es8", "deliveries", "2025-12", 22300.0, "eq") in got
    assert ("nio", "deliveries", "2025", 326000.0, "eq") in got


def test_overseas_sales_are_exports():
    got = facts("比亚迪1月新能源汽车销量为300,538辆。其中海外销量为66,336辆。", date(2025, 2, 2))
    assert ("byd", "exports", "2025-01", 66336.0, "eq") in got
    got = facts(
        "Year-to-date through November, BYD's overseas deliveries totaled 912,562 vehicles.",
        date(2025, 12, 2),
    )
    assert {m for _, m, *_ in got} == {"exports"}


def test_a_price_band_is_no_price_or_revenue():
    d = date(2025, 11, 19)
    got = facts("The Xpeng G6 is the best-selling model in the RMB200,000-250,000 price range in October.", d)
    assert not got
    assert facts("The Xpeng G6 is priced at RMB 176,800.", d) == {
        ("xpeng-g6", "vehicle_price", "2025-11-19", 176800.0, "eq")
    }


def test_more_change_words():
    got = facts("比亚迪9月新能源汽车销量约39.6万辆，较去年同期微幅衰退1.82%。", date(2025, 10, 2))
    assert ("byd", "sales_yoy", "2025-09", -1.82, "eq") in got
    assert facts("赛力斯上半年归母净利润续飙81%。", date(2025, 8, 30)) == {
        ("seres", "net_profit_yoy", "2025-H1", 81.0, "eq")
    }
    got = facts("Tesla China sales increased by 15.3% to 74,117 units in November.", date(2025, 12, 5))
    assert ("tesla", "wholesale_yoy", "2025-11", 15.3, "eq") in got  # (Tesla China: wholesale)
    got = facts("Zeekr sold 222,123 vehicles in 2024 (+87% YoY).", date(2025, 1, 2))
    assert ("zeekr", "sales_yoy", "2024", 87.0, "eq") in got


def test_times_before_qiche_name_no_maker_and_both_powertrains_are_the_total():
    got = facts("蔚来预计第三季度汽车交付量介乎8.7万至9.1万辆。", date(2025, 9, 3))
    assert got == {
        ("nio", "delivery_target", "2025-Q3", 87000.0, "ge"),
        ("nio", "delivery_target", "2025-Q3", 91000.0, "le"),
    }
    got = facts(
        "比亚迪上月全球共生产317,892辆纯电动和插电式混合动力汽车，而销售量增长0.6%至344,296辆。",
        date(2025, 8, 2),
    )
    assert got == {
        ("byd", "production", "2025-07", 317892.0, "eq"),
        ("byd", "sales_yoy", "2025-07", 0.6, "eq"),
        ("byd", "sales", "2025-07", 344296.0, "eq"),
    }


def test_a_change_takes_the_metric_named_after_it_and_a_conversion_is_no_second_sum():
    d = date(2025, 7, 2)
    assert facts("XPeng posted a 15% on-month jump in June deliveries.", d) == {
        ("xpeng", "deliveries_mom", "2025-06", 15.0, "eq")
    }
    # a share word keeps it a share move; so does a metric word past "after"
    assert facts("Xiaomi shares rose 5% in June.", d) == {("xiaomi", "share_return", "2025-06", 5.0, "eq")}
    got = facts(
        "XPeng climbed 4.6% on Thursday after the company said it handed over 41,581 vehicles in June.", d
    )
    assert {m for _, m, _, v, _ in got if v == 4.6} == {"share_return"}
    got = facts("比亚迪上半年营收3712亿元，约合517亿美元。", date(2025, 9, 2))
    assert got == {("byd", "revenue", "2025-H1", 371200000000.0, "eq")}
    got = facts("NIO revenue was RMB 6.12 billion (approximately US$0.85 billion) in the second quarter.", d)
    assert got == {("nio", "revenue", "2025-Q2", 6120000000.0, "eq")}


def test_a_maker_passed_or_beaten_is_no_subject_of_the_figure():
    got = facts("比亚迪电动车销量首度超越特斯拉，去年卖225万辆，上升28%。", date(2026, 1, 3))
    assert {e for e, *_ in got} == {"byd"}
    got = facts("Li Auto ran over Tesla in October with its sales record of 40,422.", date(2025, 11, 2))
    assert {e for e, *_ in got} == {"li-auto"}
    got = facts("蔚來則反超理想汽車,8月交付新車3.13萬輛,同比增長55.2%。", date(2025, 9, 2))
    assert {e for e, *_ in got} == {"nio"}
    # a name with no such word before it keeps the figure
    assert {e for e, *_ in facts("Tesla sold 61,497 cars in China in October.", date(2025, 11, 2))} == {
        "tesla"
    }


def test_the_market_as_a_subject_gives_no_makers_figure():
    got = facts(
        "小鹏11月交付36,728辆，同比增长19%。11月新能源乘用车市场整体环比下降约8%。", date(2025, 12, 2)
    )
    assert {v for *_, v, _ in got} == {36728.0, 19.0}
    got = facts(
        "BYD sold 4.27 million vehicles in 2024. China's NEV output in 2024 exceeded 10 million.",
        date(2025, 1, 5),
    )
    assert {v for *_, v, _ in got} == {4270000.0}
    # a market share is taken in a market; a market as a setting is no subject
    got = facts("上半年比亚迪在国内新能源乘用车市场的份额约为34%。", date(2025, 8, 30))
    assert ("byd", "market_share", "2025-H1", 34.0, "approx") in got
    got = facts("在市场整体承压的行业背景下，零跑1月交付32,059辆。", date(2026, 2, 2))
    assert got == {("leapmotor", "deliveries", "2026-01", 32059.0, "eq")}


def test_the_whole_passenger_car_market_has_its_own_counts():
    # China's whole passenger-car market named as the subject: its counts are its own
    got = facts(
        "中国乘联会周一（13日）发布的数据显示，9月全国乘用车市场零售224.1万辆，较一年前增长6.3%。",
        date(2025, 10, 14),
    )
    assert got == {
        ("china-passenger-cars", "retail_sales", "2025-09", 2241000.0, "eq"),
        ("china-passenger-cars", "retail_sales_yoy", "2025-09", 6.3, "eq"),
    }
    got = facts(
        "CPCA said passenger car sales in China in September totalled 1.6 million.", date(2021, 10, 12)
    )
    assert got == {("china-passenger-cars", "sales", "2021-09", 1600000.0, "eq")}
    # its NEVs are a segment; a segment market and the market's money are no facts of it
    got = facts(
        "8月份大陸乘用車市場零售190.2萬輛,年增2%,其中新能源車市場零售69.8萬輛,更是年增32%。",
        date(2023, 9, 12),
    )
    assert got == {
        ("china-passenger-cars", "retail_sales", "2023-08", 1902000.0, "eq"),
        ("china-passenger-cars", "retail_sales_yoy", "2023-08", 2.0, "eq"),
    }
    assert facts("11月新能源乘用车市场零售70万辆。", date(2025, 12, 8)) == set()
    got = facts("乘联会统计数据显示,2023年,我国乘用出口383万辆。其中,燃油出口279万辆。", date(2024, 1, 12))
    assert got == {("china-passenger-cars", "exports", "2023", 3830000.0, "eq")}
    # the association named after the market is no subject
    text = "根據中國乘用車協會(CPCA) 2日公布的初步數據,特斯拉當月從上海廠出貨8萬6700輛電動車。"
    assert {e for e, *_ in facts(text, date(2025, 12, 3))} == {"tesla"}


def test_a_count_after_a_change_word_is_by_how_much():
    got = facts("乘联会数据显示,2023年国内乘用批发2553万辆,同比增长235万辆。", date(2024, 1, 12))
    assert got == {("china-passenger-cars", "wholesale", "2023", 25530000.0, "eq")}
    got = facts("吉利汽车2023年销量为168.7万辆,同比增长25.5万辆。", date(2024, 1, 2))
    assert got == {("geely", "sales", "2023", 1687000.0, "eq")}
    # a count a change word leads to (增至, 增长至) is a level
    got = facts("吉利汽车2023年销量增至168.7万辆。", date(2024, 1, 2))
    assert got == {("geely", "sales", "2023", 1687000.0, "eq")}


def test_a_name_right_after_a_count_takes_it():
    got = facts("小鹏汽车1月交付的新车包括2104辆小鹏P7、936辆小鹏G3。", date(2021, 2, 1))
    assert got == {
        ("xpeng-p7", "deliveries", "2021-01", 2104.0, "eq"),
        ("xpeng-g3", "deliveries", "2021-01", 936.0, "eq"),
    }


def test_a_change_against_the_month_before_is_month_on_month():
    text = "Leapmotor delivered 37,095 vehicles in March, up 46.70 percent from 25,287 in February."
    got = facts(text, date(2024, 4, 1))
    assert ("leapmotor", "deliveries_mom", "2024-03", 46.7, "eq") in got
    text = "Leapmotor delivered 37,095 vehicles in March, up 154.65 percent from 14,567 in March 2023."
    assert ("leapmotor", "deliveries_yoy", "2024-03", 154.65, "eq") in facts(text, date(2024, 4, 1))


def test_whole_sale_written_apart_is_wholesale():
    got = facts(
        "Tesla whole sale numbers hit 67,886 in July, 83,192 in August, and 71,525 in September.",
        date(2025, 10, 8),
    )
    assert got == {
        ("tesla", "wholesale", "2025-07", 67886.0, "eq"),
        ("tesla", "wholesale", "2025-08", 83192.0, "eq"),
        ("tesla", "wholesale", "2025-09", 71525.0, "eq"),
    }


def test_a_conjunct_after_a_semicolon_takes_the_metric_before_it():
    got = facts("蔚来的美股市值为88.94亿美元；小鹏为186.24亿美元；零跑为120亿美元。", date(2025, 5, 8))
    assert {(e, m) for e, m, *_ in got} == {
        ("nio", "market_cap"),
        ("xpeng", "market_cap"),
        ("leapmotor", "market_cap"),
    }


def test_a_time_naming_when_a_title_was_held_is_no_figures_time():
    got = facts("2024年新势力销冠理想汽车1月1日公布12月交付新车44,246辆。", date(2026, 1, 2))
    assert got == {("li-auto", "deliveries", "2025-12", 44246.0, "eq")}


def test_a_change_word_right_after_a_percent_is_its_own():
    got = facts("XPeng delivered 36,728 vehicles in November, up 19% YoY and 7% MoM.", date(2025, 12, 9))
    assert ("xpeng", "deliveries_yoy", "2025-11", 19.0, "eq") in got
    assert ("xpeng", "deliveries_mom", "2025-11", 7.0, "eq") in got


def test_a_change_word_of_any_change_is_no_share_move_without_a_share_named():
    text = "Leapmotor expects that by the end of 2025 its city coverage rate will increase to 90%."
    assert facts(text, date(2025, 8, 19)) == set()
    # with the stock named, the same word is a share move
    got = facts("Leapmotor's Hong Kong-listed stock closed 5% higher on Tuesday.", date(2025, 8, 19))
    assert {m for _, m, *_ in got} == {"share_return"}


def test_the_change_of_a_target_states_no_fact():
    got = facts("小鹏2026年销量目标为55万辆，同比增长28%。", date(2025, 12, 2))
    assert {m for _, m, *_ in got} == {"delivery_target"}
    # a rise word after a target, with no share named, is the target's change, no share move
    got = facts("Xiaomi has set a target of 550,000 units for 2026, a 34% increase compared to 2025.")
    assert {m for _, m, *_ in got} == {"delivery_target"}


def test_a_filings_span_ended_on_a_day_and_hong_kong_revenue():
    got = facts("小米集团截至2025年6月30日止六个月的收益为2271亿元。", date(2025, 8, 20))
    assert got == {("xiaomi", "revenue", "2025-H1", 227100000000.0, "eq")}
    got = facts("吉利截至2024年12月31日止年度的收益为2402亿元。", date(2025, 3, 20))
    assert got == {("geely", "revenue", "2024", 240200000000.0, "eq")}
    got = facts("小米集团截至2025年9月30日止九个月的收益为3402亿元。", date(2025, 11, 20))
    assert {p for _, _, p, _, _ in got} == {"2025-01..2025-09"}


def test_the_time_a_plan_is_for_is_no_later_figures_time_but_a_later_targets():
    text = (
        "小鹏汽车发布2025年第三季度业绩。小鹏四季度交付指引为12.5万辆至13.2万辆。报告期内，小鹏交付11.6万辆。"
    )
    assert ("xpeng", "deliveries", "2025-Q3", 116000.0, "eq") in facts(text, date(2025, 11, 20))
    text = "吉利汽车2025年上半年售出140.9万辆，完成全年目标的52%；吉利将销量目标提高到300万辆。"
    assert ("geely", "delivery_target", "2025", 3000000.0, "eq") in facts(text, date(2025, 7, 14))


def test_the_period_reported_stops_a_forecast_going_on_into_the_next_sentence():
    text = "小鹏汽车发布2025年第三季度业绩。小鹏预计四季度交付12.5万辆。报告期内，小鹏交付11.6万辆，实现收入203.8亿元。"
    got = facts(text, date(2025, 11, 20))
    assert ("xpeng", "revenue", "2025-Q3", 20380000000.0, "eq") in got


def test_sales_made_abroad_are_exports_and_a_plan_of_exports_no_fact():
    text = "比亞迪表示，公司去年在中國以外的電動車銷售量達到100萬輛，比前一年增長約150%，2026年目標是在中國以外地區銷售160萬輛。"
    got = facts(text, date(2026, 1, 3))
    assert got == {
        ("byd", "exports", "2025", 1000000.0, "eq"),
        ("byd", "exports_yoy", "2025", 150.0, "approx"),
    }


def test_the_last_three_months_of_a_year_are_its_fourth_quarter():
    got = facts("特斯拉去年最後三個月的銷售量下降了16%，只交付了41.8萬輛電動車。", date(2026, 1, 3))
    assert got == {
        ("tesla", "sales_yoy", "2025-Q4", -16.0, "eq"),
        ("tesla", "deliveries", "2025-Q4", 418000.0, "eq"),
    }
    assert (
        facts("最后三个月特斯拉交付41.8万辆。", date(2026, 1, 3)) == set()
    )  # (no year: the last three months to now)


def test_forecasts_estimates_and_a_writers_sums_state_no_fact():
    # 料 opening a forecast of a change; an estimate of a count; what "will have to" be sold
    assert facts("理想汽車今年首季交付量料跌最多8.5%。", date(2026, 3, 12)) == set()
    assert facts("特斯拉2025年全年銷量估164萬輛。", date(2025, 12, 30)) == set()
    got = facts(
        "今年前七月，零跑汽車已完成銷量27.18萬輛，這意味著在未來5個月中將要完成30萬輛的銷售，月均銷售量達到6萬輛。",
        date(2025, 8, 19),
    )
    assert got == {("leapmotor", "sales", "2025-01..2025-07", 271800.0, "eq")}
    # a forecast of a count no target holds
    assert (
        facts(
            "The CPCA expects wholesale sales of Tesla China to be at around 70,000 in December.",
            date(2025, 12, 5),
        )
        == set()
    )


def test_a_figure_per_share_a_hypothetical_a_board_lot_and_a_dealers_quote_state_no_fact():
    assert (
        facts("Nio reported a fiscal 2023 second quarter loss of $0.45 per share.", date(2023, 8, 30))
        == set()
    )
    assert facts(
        "Nio delivered 326,028 vehicles in 2025; a 40% increase would bring 2026 deliveries to 456,000.",
        date(2026, 1, 2),
    ) == {("nio", "deliveries", "2025", 326028.0, "eq")}
    assert facts("比亞迪現有每手買賣單位500股H股的市值為5.72萬元。", date(2025, 8, 29)) == set()
    assert facts("小米SU7经销商的最低报价仅为11.98万元。", date(2025, 8, 29)) == set()
    assert facts("小米股價長期低於7.5元。", date(2025, 8, 29)) == set()


def test_the_nevs_of_a_maker_selling_fuel_cars_too_and_its_fuel_cars_are_segments():
    got = facts("吉利汽车2025年总销量302.46万辆，其中新能源汽车销量168.78万辆。", date(2026, 1, 2))
    assert got == {("geely", "sales", "2025", 3024600.0, "eq")}
    got = facts(
        "吉利汽車2025年上半年出口銷量按年減8%至18.41萬輛，其中燃油車跌21%至14.4萬輛。", date(2025, 8, 15)
    )
    assert {(m, v) for _, m, _, v, _ in got} == {("exports_yoy", -8.0), ("exports", 184100.0)}
    # a maker that sells NEVs only: its NEVs are its total
    got = facts("比亚迪2025年新能源汽车销量460.24万辆。", date(2026, 1, 2))
    assert got == {("byd", "sales", "2025", 4602400.0, "eq")}


def test_a_segment_word_far_before_the_figure_in_its_clause_still_marks_a_segment():
    text = "XPeng said its revenue from vehicle sales in the third quarter of 2023 then amounted to RMB 7.84 billion."
    assert facts(text, date(2023, 11, 15)) == set()


def test_a_segment_that_opens_a_sentence_holds_for_its_later_figures():
    # the NEVs of a maker selling fuel cars too, likewise
    text = "吉利汽车上半年总销量140.9万辆。其中，新能源车型销量突破百万辆大关，达100.1万辆，同比增长73%。"
    assert facts(text, date(2025, 7, 14)) == {("geely", "sales", "2025-H1", 1409000.0, "eq")}
    text = "比亚迪纯电动汽车12月销量为19.07万辆，同比下降8.2%，但全年销量达到225.47万辆，同比增长27.9%。"
    assert facts(text, date(2026, 1, 2)) == set()
    # a maker named after the segment's figures takes its own
    text = "比亚迪纯电动汽车12月销量为19.07万辆，小鹏12月交付3.7万辆。"
    assert facts(text, date(2026, 1, 2)) == {("xpeng", "deliveries", "2025-12", 37000.0, "eq")}


def test_a_change_against_another_quarter_is_no_fact_and_against_the_same_one_is_yoy():
    got = facts(
        "小鹏第三季度收入203.8亿元，较2024年同期上升101.8%，并较2025年第二季度上升11.5%。", date(2025, 11, 18)
    )
    assert {(m, v) for _, m, _, v, _ in got} == {("revenue", 20380000000.0), ("revenue_yoy", 101.8)}
    text = "XPeng's revenue in the third quarter of 2025 was RMB 20.38 billion, up 101.8% year-on-year and up 11.5% from the second quarter."
    assert {(m, v) for _, m, _, v, _ in facts(text, date(2025, 11, 18))} == {
        ("revenue", 20380000000.0),
        ("revenue_yoy", 101.8),
    }
    got = facts("蔚来2025年第三季度收入217.9亿元，较2024年第三季度的186.7亿元增长16.7%。", date(2025, 11, 25))
    assert ("nio", "revenue_yoy", "2025-Q3", 16.7, "eq") in got


def test_a_fall_named_after_the_change_and_a_growth_rate_that_fell_to_a_level():
    got = facts(
        "In the first quarter of 2024, Tesla reported an 8.5% year-over-year decline in vehicle deliveries.",
        date(2024, 4, 3),
    )
    assert got == {("tesla", "deliveries_yoy", "2024-Q1", -8.5, "eq")}
    got = facts("10月份，小鹏销量同比增幅虽回落至76%。", date(2025, 11, 18))
    assert got == {("xpeng", "sales_yoy", "2025-10", 76.0, "eq")}


def test_halves_written_h1_after_a_year_or_as_an_interim_report():
    assert facts("2024 年 H1，吉利汽车累积销量达 95.6 万辆。", date(2024, 8, 20)) == {
        ("geely", "sales", "2024-H1", 956000.0, "eq")
    }
    got = facts("比亞迪股份(1211)公布截至今年6月底止業績，中期盈利155.11億元。", date(2025, 8, 29))
    assert got == {("byd", "net_profit", "2025-H1", 15511000000.0, "eq")}
    assert facts("比亚迪的中期目标是2026年销量翻番。", date(2025, 8, 29)) == set()


def test_roman_quarters_and_a_name_that_looks_like_a_month():
    got = facts("In Quarter II 2025, Xiaomi delivered 81,302 vehicles.", date(2025, 8, 20))
    assert got == {("xiaomi-su7-yu7", "deliveries", "2025-Q2", 81302.0, "eq")}
    got = facts("For 2026, Lei Jun has set an initial target of 550,000 units.", date(2026, 1, 5))
    assert all(p != "2026-06" for _, _, p, _, _ in got)


def test_a_list_of_values_over_a_month_range_gives_one_value_a_month():
    text = "今年3月至5月，小米汽车月度交付量分别为29000辆、28000辆和26000辆。"
    got = facts(text, date(2025, 11, 20))
    assert {(p, v) for _, _, p, v, _ in got} == {
        ("2025-03", 29000.0),
        ("2025-04", 28000.0),
        ("2025-05", 26000.0),
    }


def test_slash_lists_pair_with_the_names_and_a_minus_sign_is_kept():
    text = (
        "2025年1-11月累计销量中，银河/领克/极氪分别为113.5万/31.7万/19.4万辆，同比变化+167.1%/+25.0%/-3.5%。"
    )
    got = facts(text, date(2025, 12, 2))
    assert {(e, m, v) for e, m, _, v, _ in got} == {
        ("geely-galaxy", "sales", 1135000.0),
        ("lynk-co", "sales", 317000.0),
        ("zeekr", "sales", 194000.0),
        ("geely-galaxy", "sales_yoy", 167.1),
        ("lynk-co", "sales_yoy", 25.0),
        ("zeekr", "sales_yoy", -3.5),
    }
    assert ("byd", "sales_yoy", "2025-11", -5.3, "eq") in facts(
        "比亚迪11月销量48万辆，同比-5.3%。", date(2025, 12, 2)
    )


def test_shares_of_a_total_gaps_and_lost_value_state_no_fact():
    assert facts("小米2025年第三季度创新业务占比已提升至25.6%。", date(2025, 11, 18)) == set()
    got = facts(
        "BYD sold 380,000 cars in November, accounting for 49.5% of China's overall auto sales.",
        date(2025, 12, 2),
    )
    assert got == {("byd", "sales", "2025-11", 380000.0, "eq")}
    assert facts("理想汽車2025年離全年目標僅差8.5萬輛。", date(2025, 12, 2)) == set()
    assert facts("小米今年市值蒸發超過5300億港元。", date(2025, 12, 2)) == set()
    # a maker's NEV share of its own sales is a share of a total too (penetration is the market's)
    assert facts("吉利汽车11月新能源销量占比达到60.5%。", date(2025, 12, 3)) == set()


def test_a_target_word_after_the_figure_past_a_noun_or_in_cantonese():
    assert facts("理想汽車今年交付30萬輛嘅目標。", date(2025, 3, 1)) == {
        ("li-auto", "delivery_target", "2025", 300000.0, "eq")
    }
    got = facts("小米2025年全年交付超35万辆汽车的目标。", date(2025, 3, 1))
    assert got == {("xiaomi", "delivery_target", "2025", 350000.0, "gt")}
    got = facts("零跑2026年这份105万台的销量雄心。", date(2026, 1, 5))
    assert got == {("leapmotor", "delivery_target", "2026", 1050000.0, "eq")}


def test_a_founding_year_or_a_rough_past_time_names_no_year_for_the_months_after_it():
    got = facts(
        "Since its establishment in 2014, NIO delivered a record 55,432 vehicles in the third quarter.",
        date(2025, 10, 1),
    )
    assert got == {("nio", "deliveries", "2025-Q3", 55432.0, "eq")}
    got = facts(
        "In early 2021, NIO's market cap topped $100 billion. Xpeng delivered 20,041 vehicles in November.",
        date(2025, 12, 1),
    )
    assert ("xpeng", "deliveries", "2025-11", 20041.0, "eq") in got


def test_more_metric_words_and_verbs_before_qiche_are_no_makers_name():
    got = facts("2025年第三季度，蔚来实现汽车交付8.71万台。", date(2025, 11, 25))
    assert got == {("nio", "deliveries", "2025-Q3", 87100.0, "eq")}
    got = facts("理想汽車2月交2.6萬輛。", date(2026, 3, 2))
    assert got == {("li-auto", "deliveries", "2026-02", 26000.0, "eq")}
    got = facts("賽力斯11月5日最終收盤於125.9港元。", date(2025, 11, 6))
    assert got == {("seres", "share_price", "2025-11-05", 125.9, "eq")}
    got = facts("特斯拉2025年第三季度獲利13.7億美元。", date(2025, 10, 23))
    assert got == {("tesla", "net_profit", "2025-Q3", 1370000000.0, "eq")}


def test_moves_listed_after_a_lead_about_morning_trading_are_intraday():
    text = (
        "EV makers rose in morning trading in Hong Kong on Wednesday. Leapmotor rose 8%; Geely Auto rose 5%."
    )
    assert facts(text, date(2025, 11, 20)) == set()
    text = "EV makers rose in Hong Kong on Wednesday. Leapmotor rose 8%; Geely Auto rose 5%."
    assert {e for e, *_ in facts(text, date(2025, 11, 20))} == {"leapmotor", "geely"}


def test_a_name_after_units_of_or_before_vehicles_takes_the_count():
    text = "Geely sold 888,200 units of three brands in 2024, including 494,400 units of Geely Galaxy and 222,100 units of Zeekr."
    got = facts(text, date(2025, 1, 5))
    assert ("geely-galaxy", "sales", "2024", 494400.0, "eq") in got and (
        "zeekr",
        "sales",
        "2024",
        222100.0,
        "eq",
    ) in got
    got = facts(
        "NIO delivered 107,808 units under Onvo and 39,414 Firefly vehicles in 2025.", date(2026, 1, 2)
    )
    assert ("firefly", "deliveries", "2025", 39414.0, "eq") in got


def test_scope_words_widen_a_month_or_quarter_to_the_year_or_the_year_so_far():
    text = "Li Auto delivered 158,696 vehicles in the fourth quarter of 2024, contributing to a total of 500,508 vehicles delivered for the entire year."
    assert ("li-auto", "deliveries", "2024", 500508.0, "eq") in facts(text, date(2025, 1, 2))
    text = (
        "Zeekr delivered 21,333 vehicles in September, bringing Zeekr's total for the year to nearly 168,000."
    )
    assert ("zeekr", "deliveries", "2025-01..2025-09", 168000.0, "lt") in facts(text, date(2025, 10, 2))
    assert ("xpeng", "deliveries", "2025-01..2025-09", 265000.0, "gt") in facts(
        "小鵬汽車2025年累計首3季交付新車逾26.5萬輛。", date(2025, 10, 2)
    )
    # a scope word of another figure (a full-year goal) leaves a month's target alone
    text = "The carmaker has set a target of between 48,000 and 50,000 deliveries for June and stuck to its full-year goal of 500,000 vehicles."
    got = facts("Leapmotor delivered 45,067 vehicles in May 2025. " + text, date(2025, 6, 3))
    assert ("leapmotor", "delivery_target", "2025-06", 48000.0, "ge") in got


def test_a_paragraph_naming_no_time_takes_the_span_of_the_one_before_and_that_points_back():
    text = "Xiaomi said it delivered cars in November 2025, its best month.\n\nThe delivery volume of Xiaomi Auto still exceeded 40,000 units."
    assert facts(text, date(2025, 12, 1)) == {("xiaomi-su7-yu7", "deliveries", "2025-11", 40000.0, "gt")}
    text = "XPeng's revenue in the fourth quarter of 2024 was RMB 16.11 billion.\n\nThat's up 23.4 percent year-on-year."
    assert ("xpeng", "revenue_yoy", "2024-Q4", 23.4, "eq") in facts(text, date(2025, 3, 18))


def test_a_lower_section_written_with_a_comma_and_a_quarter_ended_on_a_day():
    got = facts("特斯拉2日公布，去年第4季交車量為41萬8,227輛。", date(2026, 1, 2))
    assert got == {("tesla", "deliveries", "2025-Q4", 418227.0, "eq")}
    got = facts("小米（1810）公佈截至6月底季度業績，期內經調整淨利錄得108.3億元人民幣。", date(2025, 8, 19))
    assert got == {("xiaomi", "net_profit", "2025-Q2", 10830000000.0, "eq")}


def test_a_news_portals_name_takes_no_count_and_a_year_since_names_no_context():
    got = facts("比亚迪12月销量41万辆。打开网易新闻 查看精彩图片 海外市场销量达13.3万辆。", date(2026, 1, 2))
    assert {e for e, *_ in got} == {"byd"}
    got = facts(
        "这与比亚迪自 2021 年以来的增长相去甚远。12 月,比亚迪销量录得41.4784 万辆。", date(2026, 1, 2)
    )
    assert got == {("byd", "sales", "2025-12", 414784.0, "eq")}


def test_a_quarter_whose_report_is_still_to_come_is_the_quarter_past():
    text = "特斯拉第三季交車49.7萬輛。特斯拉將於10月22日公布第三季財報。本季Model 3與Model Y交車48.1萬輛。"
    got = facts(text, date(2025, 10, 2))
    assert {p for _, _, p, _, _ in got} == {"2025-Q3"}


def test_a_change_from_a_named_count_is_its_growth_and_its_time_is_not_the_counts():
    text = (
        "BYD sold a record 201,259 new energy vehicles in September.\n\n"
        "That's up 183.07 percent from 71,099 units in the same month last year and 15.06 percent"
        " from 174,915 units in August, according to its filing on the Hong Kong Stock Exchange."
    )
    got = facts(text, date(2022, 10, 3))
    assert ("byd", "sales_yoy", "2022-09", 183.07, "eq") in got
    assert ("byd", "sales_mom", "2022-09", 15.06, "eq") in got
    assert not any(m == "share_return" for _, m, *_ in got)


def test_as_many_as_before_an_exact_count_is_no_bound_and_decreasing_is_a_fall():
    text = (
        "XPeng said on Saturday that it had delivered as many as 7,002 vehicles in the month of March."
        " Other makers reported mixed results in March, with NIO deliveries decreasing 15% month-over-month."
    )
    got = facts(text, date(2023, 4, 1))
    assert ("xpeng", "deliveries", "2023-03", 7002.0, "eq") in got
    assert ("nio", "deliveries_mom", "2023-03", -15.0, "eq") in got
    # a round figure after "as many as" stays an upper bound
    assert ("xpeng", "deliveries", "2023-03", 8000.0, "le") in facts(
        "XPeng delivered as many as 8,000 vehicles in March.", date(2023, 4, 1)
    )


def test_analysts_shorthand_periods_and_an_ambiguous_makers_name_before_a_metric():
    text = (
        "4Q24 特斯拉全球交付量同比+2.3%至49.6 万辆。"
        "2024/12 新势力均创单月交付新高:1)理想交付量同比+16.2%/环比+20.1%至58,513 辆。"
    )
    got = facts(text, date(2025, 1, 5))
    assert ("tesla", "deliveries", "2024-Q4", 496000.0, "eq") in got
    assert ("li-auto", "deliveries", "2024-12", 58513.0, "eq") in got
    assert ("li-auto", "deliveries_yoy", "2024-12", 16.2, "eq") in got
    assert ("li-auto", "deliveries_mom", "2024-12", 20.1, "eq") in got
    assert ("tesla", "deliveries", "2025-H1", 1200000.0, "eq") in facts(
        "Tesla delivered 1.2 million vehicles in 1H25.", date(2025, 7, 5)
    )


def test_a_figure_after_a_list_of_models_and_each_is_each_models_and_weiyi_is_no_number():
    text = "零跑10月份销量达到3.81万台,当月订单超过4万台,其中C11、C10和C16三款SUV订单均超过1万台,使零跑成为唯一单月订单均过万的品牌。"
    got = facts(text, date(2024, 11, 11))
    for model in ("leapmotor-c11", "leapmotor-c10", "leapmotor-c16"):
        assert (model, "orders", "2024-10", 10000.0, "gt") in got
    assert ("leapmotor", "orders", "2024-10", 40000.0, "gt") in got
    assert not any(v == 1.0 for *_, v, _ in got)
    # with no word for "each", listed models speak for their maker together
    got = facts("特斯拉10月Model 3和Model Y交付量为7.2万辆。", date(2024, 11, 1))
    assert got == {("tesla", "deliveries", "2024-10", 72000.0, "eq")}


def test_a_segments_revenue_is_no_revenue_of_the_company():
    text = (
        "小米第三季總收入為1,131億元，按年增長22.3%。業務分部來看，「手機×AIoT」分部收入為841億元，按年增長1.6%。"
        "具体来看，特斯拉三季度汽车业务营收增长6%达212亿美元。"
    )
    got = facts(text, date(2025, 11, 18))
    assert ("xiaomi", "revenue", "2025-Q3", 113100000000.0, "eq") in got
    assert not any(v in (84100000000.0, 21200000000.0, 1.6, 6.0) for *_, v, _ in got)
    text = "Great Wall Motor's revenue was 91.428 billion yuan in the first half of 2024. Automobile sales revenue amounted to 78.933 billion yuan."
    got = facts(text, date(2024, 9, 2))
    assert got == {("gwm", "revenue", "2024-H1", 91428000000.0, "eq")}


def test_counts_sold_overseas_are_exports_a_regions_sales_a_segment_and_rumours_no_target():
    text = "BYD sold 30,629 NEVs overseas last month. In September, BYD sold 7,736 NEVs in overseas markets."
    got = facts(text, date(2023, 12, 2))
    assert ("byd", "exports", "2023-11", 30629.0, "eq") in got
    assert ("byd", "exports", "2023-09", 7736.0, "eq") in got
    got = facts(
        "今年上半年，上汽集团销量182.7万辆，上汽MG在欧洲市场终端交付量仍超过12万辆。", date(2024, 7, 14)
    )
    assert got == {("saic", "sales", "2024-H1", 1827000.0, "eq")}
    got = facts(
        "比亞迪2026年海外銷量目標130萬輛，較此前市場傳聞的150萬至160萬輛更為審慎。", date(2026, 1, 20)
    )
    assert not any(v in (1500000.0, 1600000.0) for *_, v, _ in got)
    got = facts("吉利汽車上半年銷量約75﹒83萬輛。", date(2024, 8, 20))
    assert got == {("geely", "sales", "2024-H1", 758300.0, "approx")}


def test_a_run_of_record_months_spreads_no_figure_over_them():
    text = "BYD sold a record 201,259 NEVs in September, the seventh consecutive month of record sales and the first time the number exceeded 200,000 units."
    got = facts(text, date(2022, 10, 3))
    assert {p for _, _, p, _, _ in got} == {"2022-09"}
    got = facts("蔚来3月交付量连续三个月超过2万辆。", date(2025, 4, 1))
    assert {p for _, _, p, _, _ in got} == {"2025-01", "2025-02", "2025-03"}


def test_a_span_a_year_before_the_last_named_is_a_comparisons_time_and_sets_no_year():
    text = (
        "零跑汽车三季度总营收达到194.5亿元。三季度的毛利率为14.5%，2024年第三季度为8.1%。"
        "此外，三季度净利润为1.5亿元，同比增加55.4%。"
    )
    got = facts(text, date(2025, 11, 18))
    assert ("leapmotor", "net_profit", "2025-Q3", 150000000.0, "eq") in got
    assert ("leapmotor", "net_profit_yoy", "2025-Q3", 55.4, "eq") in got


def test_the_company_after_a_model_named_last_is_the_company_not_the_model():
    text = (
        "Nio reported its third-quarter results on Tuesday. Nio said it remains confident.\n\n"
        "People check out a Nio ET5 in a showroom in Berlin. Photo: Reuters\n\n"
        "The company delivered a record 55,432 vehicles in the third quarter."
    )
    got = facts(text, date(2023, 12, 6))
    assert got == {("nio", "deliveries", "2023-Q3", 55432.0, "eq")}


def test_exports_counted_in_a_total_make_no_exports_figure():
    text = "Model Y wholesale sales, including exports, totaled 51,253 units in June, a 16.6% increase year-over-year."
    got = facts(text, date(2025, 7, 8))
    assert ("tesla-model-y", "wholesale", "2025-06", 51253.0, "eq") in got
    assert not any(m.startswith("exports") for _, m, *_ in got)
    got = facts("特斯拉中國產電動車2025年10月銷量（包括出口）為61,497輛，乘聯分會稱。", date(2025, 11, 14))
    assert not any(m.startswith("exports") for _, m, *_ in got)


def test_a_piece_and_a_per_share_loss_are_no_share_price():
    got = facts("作为本季财报的收官,理想汽车三季度的财务表现被视作最后一块关键拼图。", date(2025, 11, 27))
    assert got == set()
    got = facts(
        "Nio's adjusted net loss per share came in at RMB1.64 in the fourth quarter of 2024.",
        date(2025, 3, 21),
    )
    assert got == set()


def test_a_listing_code_with_its_market_is_no_number():
    text = "去年 12 月，Model Y 仍拿下單月銷售冠軍，領先比亞迪 (01211-HK) 平價車款秦 Plus。比亚迪(002594-CN) 9 月销量39.6万辆。"
    got = facts(text, date(2026, 1, 13))
    assert not any(v in (1211.0, 2594.0) for *_, v, _ in got)
    assert ("byd", "sales", "2025-09", 396000.0, "eq") in got


def test_an_owner_named_after_a_longer_description_is_still_the_owner():
    text = "Voyah, a NEV brand owned by Chinese state-owned automaker Dongfeng Motor Corp, said on Sunday that it delivered 10,856 units in November."
    assert facts(text, date(2024, 12, 2)) == {("voyah", "deliveries", "2024-11", 10856.0, "eq")}


def test_a_figure_in_line_with_expectations_is_no_target():
    got = facts("4Q24 特斯拉全球交付49.6万辆，全年符合预期。", date(2025, 1, 5))
    assert got == {("tesla", "deliveries", "2024-Q4", 496000.0, "eq")}


def test_a_figure_in_a_report_denied_is_no_fact():
    got = facts(
        "理想汽车6月销量已达2.73万辆。李想否认了媒体关于他们修改今年目标销量至40万辆的报道。",
        date(2023, 6, 29),
    )
    assert got == {("li-auto", "sales", "2023-06", 27300.0, "eq")}


def test_a_sentence_opening_with_a_segment_gives_the_segments_figures_no_fact():
    text = (
        "BYD sold 210,051 vehicles in January. Sales of plug-in hybrid cars, which made up more than half"
        " of BYD's total car sales, fell 28.5 per cent in January."
    )
    assert facts(text, date(2026, 2, 2)) == {("byd", "sales", "2026-01", 210051.0, "eq")}
    # a body's name holding a segment word opens no segment
    text = "另據乘用車市場信息聯席分會發布的數據，2025 年 10 月特斯拉中國產電動車銷量為 61,497 輛。"
    assert {v for *_, v, _ in facts(text, date(2025, 11, 14))} == {61497.0}


def test_industry_subjects_r_and_d_investment_a_level_reached_and_a_change_on_the_quarter_before():
    got = facts(
        "China's carmakers sold more than 11.26 million NEVs in the first 11 months of 2024.",
        date(2024, 12, 12),
    )
    assert got == set()
    # R&D spending is a cost: no metric holds it (and it is no investment)
    got = facts("NIO's R&D investment was RMB 3.64 billion in the fourth quarter of 2024.", date(2025, 3, 21))
    assert got == set()
    text = (
        "Leapmotor shares rose 3%. By the end of 2025, the national city coverage rate will increase to 90%."
    )
    assert not any(v == 90.0 for *_, v, _ in facts(text, date(2025, 8, 20)))
    text = "Zeekr's deliveries in the second quarter shot up 65.8 per cent to 54,811, compared with the previous quarter."
    got = facts(text, date(2024, 9, 1))
    assert got == {("zeekr", "deliveries", "2024-Q2", 54811.0, "eq")}


def test_a_change_of_revenue_is_the_companys_not_a_brands_or_a_models():
    text = "從財務表現來看，賽力斯成長軌跡與問界品牌深度綁定，去年營收年增 305.47% 至 1451.13 億元。"
    got = facts(text, date(2025, 11, 5))
    assert ("seres", "revenue_yoy", "2024", 305.47, "eq") in got
    assert not any(e == "aito" for e, *_ in got)


def test_one_car_in_chinese_numerals_is_a_word_not_a_count():
    text = "零跑汽车1月交付32,059辆，朱江明称多一台算我输。"
    assert facts(text, date(2026, 2, 2)) == {("leapmotor", "deliveries", "2026-01", 32059.0, "eq")}


def test_a_range_of_years_before_fenbie_gives_one_value_a_year():
    text = "2021年至2023年,小鹏的交付量分别为9.8万辆、12.1万辆、14.2万辆。"
    got = facts(text, date(2024, 5, 10))
    assert got == {
        ("xpeng", "deliveries", "2021", 98000.0, "eq"),
        ("xpeng", "deliveries", "2022", 121000.0, "eq"),
        ("xpeng", "deliveries", "2023", 142000.0, "eq"),
    }


def test_the_reporting_period_is_the_span_last_named_that_is_over():
    text = (
        "近几日,多家车企陆续披露 2025 年第三季度业绩报告。\n"
        "其中,吉利汽车(00175.HK)业绩表现强劲,零跑汽车(09863.HK)持续领跑行业,赛力斯 ( 09927.HK ) 业绩出现下滑;"
        "小鹏汽车(09868.HK)虽同样交出亮眼业绩,但四季度业绩指引偏保守。\n"
        "报告期内,小鹏的各项关键经营指标,包括销量、收入、毛利率、在手现金,均再创新高。"
        "其中,公司实现收入 203.8 亿元 ( 单位人民币,下同 ) ,同比增长 101.8%;净亏损收窄至 3.8 亿元。"
    )
    got = facts(text, None)
    assert ("xpeng", "revenue", "2025-Q3", 20380000000.0, "eq") in got
    assert ("xpeng", "revenue_yoy", "2025-Q3", 101.8, "eq") in got
    # 预期内 ("within expectations") and 短期内 ("in the short term") name no period
    got = facts(
        "小鹏汽车2025年第三季度收入203.8亿元。短期内，公司收入有望达到250亿元，属预期内。", date(2025, 11, 18)
    )
    assert {p for _, _, p, _, _ in got} == {"2025-Q3"}


def test_a_quarter_or_half_of_this_year_is_that_years():
    text = "XPeng's total revenue in the first quarter of this year amounted to 15.81 billion yuan."
    assert facts(text, date(2025, 5, 29)) == {("xpeng", "revenue", "2025-Q1", 15810000000.0, "eq")}
    text = "BYD sold 2.1 million vehicles in the first half of last year."
    assert facts(text, date(2025, 5, 29)) == {("byd", "sales", "2024-H1", 2100000.0, "eq")}


def test_the_time_of_a_high_a_move_is_measured_from_sets_no_year():
    text = "比亞迪股價已從去年5月最高點跌約40%。數據顯示，比亞迪1月新能源車銷售21萬多輛。"
    got = facts(text, date(2026, 2, 20))
    assert ("byd", "sales", "2026-01", 210000.0, "gt") in got


def test_a_bare_second_change_after_a_fall_falls_and_per_car_cash_flow_and_averages_are_no_facts():
    text = "However, Tesla's exports from Giga Shanghai dropped to 10,115 units in June, down 56.2% from May and 13.9% year-over-year."
    got = facts(text, date(2025, 7, 8))
    assert ("tesla", "exports_mom", "2025-06", -56.2, "eq") in got
    assert ("tesla", "exports_yoy", "2025-06", -13.9, "eq") in got
    text = (
        "Changan sold an average of 7,422 vehicles per day in the first half of 2024. Net income per car shrank"
        " from 6,322 yuan in 2023 to 2,121 yuan in 2024. Operating cashflow also increased by 86% in the period."
    )
    assert facts(text, date(2024, 9, 10)) == set()


def test_the_change_of_an_ice_makers_nev_count_is_a_segments():
    text = (
        "In September alone, Chery Group delivered 280,469 vehicles worldwide, up 14.7% year-on-year, with new energy"
        " vehicles (NEVs) accounting for 91,590 units – a 55.4% increase over the same period last year."
    )
    got = facts(text, date(2025, 10, 10))
    assert ("chery", "deliveries", "2025-09", 280469.0, "eq") in got
    assert not any(v in (91590.0, 55.4) for *_, v, _ in got)


def test_a_bare_number_in_yi_after_a_profit_or_revenue_word_is_yuan():
    got = facts(
        "零跑汽车2024年第四季度毛利润率 13.3%、净利润 0.8 亿,提前一年实现单季扭亏。", date(2025, 3, 25)
    )
    assert got == {("leapmotor", "net_profit", "2024-Q4", 80000000.0, "eq")}


def test_a_range_of_days_in_chinese_is_a_range():
    text = "数据显示,5月第一周(5月1日-7日)上险量中,理想汽车以4565辆位居造车新势力首位。"
    got = facts(text, date(2023, 5, 17))
    assert got == {("li-auto", "insurance_registrations", "2023-05-01..2023-05-07", 4565.0, "eq")}


def test_this_years_running_total_in_a_monthly_report_runs_to_the_month_reported():
    text = "比亞迪2月銷量190,190輛。根據比亞迪公告，2026年累計銷量為400,241輛。"
    got = facts(text, date(2026, 3, 7))
    assert ("byd", "sales", "2026-01..2026-02", 400241.0, "eq") in got


def test_makers_listed_with_each_and_a_bound_before_the_change_word():
    text = "2024年,比亚迪销量达427.21万辆,同比增长41%,蔚来、小鹏等新势力的销量也均同比至少增长30%。"
    got = facts(text, date(2025, 2, 1))
    assert ("nio", "sales_yoy", "2024", 30.0, "ge") in got
    assert ("xpeng", "sales_yoy", "2024", 30.0, "ge") in got
    assert ("byd", "sales_yoy", "2024", 41.0, "eq") in got


def test_market_and_segment_words_of_this_round_name_no_makers_figure():
    text = "集邦科技调查显示，2025年全球新能源车合计销量达2,053万辆，年增26%。比亚迪2026年2月销量19万辆，大陆本土市场销量年减65%至89,590辆。"
    got = facts(text, date(2026, 3, 7))
    assert got == {("byd", "sales", "2026-02", 190000.0, "eq")}
    got = facts("小米首季纯利为109.2亿元,每股基本盈利0.44元。", date(2025, 5, 27))
    assert got == {("xiaomi", "net_profit", "2025-Q1", 10920000000.0, "eq")}


def test_selling_and_administrative_costs_are_no_rd_spend_and_their_changes_no_sales_growth():
    text = "零跑汽車第三季業績。期內,研發開支4.74億元,同比增長17.3%;銷售開支4.41億元,升13.1%;而行政開支2.1億元,跌3.5%。"
    got = facts(text, date(2023, 11, 14))
    # (R&D spending is a cost too, as the labels since real-test13 read it)
    assert got == set()


def test_by_how_much_a_target_changed_is_no_target():
    got = facts("小米汽车2024年全年交付目标就提升了1万辆，达到13万辆。", date(2024, 11, 20))
    assert ("xiaomi", "delivery_target", "2024", 130000.0, "eq") in got
    assert not any(v == 10000.0 for *_, v, _ in got)
    got = facts("比亞迪之後將今年的銷售目標下調至460萬輛，比原先目標少近100萬輛。", date(2025, 9, 30))
    assert ("byd", "delivery_target", "2025", 4600000.0, "eq") in got
    assert not any(v == 1000000.0 for *_, v, _ in got)
    # 同比减少 is a change, not "比…少"
    got = facts("理想汽车第三季度总交付量为93,211辆，同比减少39.0%。", date(2025, 11, 27))
    assert ("li-auto", "deliveries_yoy", "2025-Q3", -39.0, "eq") in got


def test_an_export_target_is_no_delivery_target():
    text = "比亞迪提出2026年海外銷量目標，該公司計劃在2026年向中國大陸以外的地區銷售130萬輛汽車。"
    assert not any(m == "delivery_target" for _, m, *_ in facts(text, date(2026, 1, 25)))
    text = "BYD's original annual export target of 800,000 units will be achieved by early November."
    assert not any(m == "delivery_target" for _, m, *_ in facts(text, date(2025, 8, 10)))
    # an export word earlier in the sentence, not on the target's own word
    text = "同时海外市场也会有增长的考量，零跑定下了今年年销50万辆的目标。"
    assert ("leapmotor", "delivery_target", "2025", 500000.0, "eq") in facts(text, date(2025, 3, 12))


def test_a_target_beaten_is_the_targets_level_not_a_bound():
    text = "零跑 2025 年共交付约 59.7 万辆,同比增长 103%,也超额完成 50 万辆的年度目标。"
    assert ("leapmotor", "delivery_target", "2025", 500000.0, "eq") in facts(text, date(2026, 1, 5))


def test_a_quarter_far_ahead_in_the_articles_own_year_is_last_years():
    text = (
        "Li said the company planned to add 1,000 swap stations in 2026.\n"
        "NIO had forecast fourth-quarter deliveries of 120,000 to 125,000 vehicles in its "
        "third-quarter earnings release."
    )
    got = facts(text, date(2026, 1, 2))
    assert ("nio", "delivery_target", "2025-Q4", 120000.0, "ge") in got
    assert ("nio", "delivery_target", "2025-Q4", 125000.0, "le") in got
    # a month near the article's, or a time under a plan, keeps the year named
    got = facts("In 2026, NIO expects to deliver 40,000 vehicles in March.", date(2026, 1, 2))
    assert any(p == "2026-03" for _, _, p, _, _ in got)


def test_a_running_totals_year_earlier_figure_and_change_cover_the_same_months():
    text = (
        "比亞迪2月銷量190,190輛。根據比亞迪公告，2026年累計銷量為400,241輛，較去年同期的623,384輛"
        "下降約35.8%。產量方面，2026年累計產量為407,638輛，去年同期為661,988輛。"
    )
    got = facts(text, date(2026, 3, 7))
    assert ("byd", "sales", "2025-01..2025-02", 623384.0, "eq") in got
    assert ("byd", "sales_yoy", "2026-01..2026-02", -35.8, "approx") in got
    assert ("byd", "production", "2025-01..2025-02", 661988.0, "eq") in got


def test_a_rank_before_a_maker_word_names_no_unknown_maker():
    text = "1月時，吉利已取代比亞迪成為大陸最大汽車製造商。產量方面，比亞迪2月為175,280輛。"
    assert ("byd", "production", "2026-02", 175280.0, "eq") in facts(text, date(2026, 3, 7))
    text = "比亚迪2月销量19万辆。1月时，吉利已取代比亚迪成为大陆最大汽车制造商。产量方面，2月为175,280辆。"
    assert ("byd", "production", "2026-02", 175280.0, "eq") in facts(text, date(2026, 3, 7))


def test_shipments_abroad_are_exports():
    text = "比亞迪2月銷量190,190輛。雖然海外出貨仍維持強勁成長，2月達100,600輛。"
    assert ("byd", "exports", "2026-02", 100600.0, "eq") in facts(text, date(2026, 3, 7))


def test_a_growth_rate_fallen_to_and_a_revenue_risen_to_a_bare_amount_in_yi():
    text = (
        "零跑汽车2023 年交付 14.4 万辆、增速降至 29.7%。2022 年,营收大幅增至 124 亿、成本 143 亿,"
        "毛亏损 19.1 亿。2021 年至 2023 年,研发费用分别为 31.60 亿、54.46 亿、83.69 亿元。"
    )
    got = facts(text, date(2025, 3, 12))
    assert ("leapmotor", "deliveries_yoy", "2023", 29.7, "eq") in got
    assert ("leapmotor", "revenue", "2022", 12_400_000_000.0, "eq") in got
    assert not any(m.startswith("rd_spend") for _, m, *_ in got)  # R&D spending: a cost
    # a gross loss is no net loss
    assert not any(m == "net_profit" for _, m, *_ in got)


def test_a_target_raised_by_one_figure_to_another_is_no_range():
    text = "零跑将年初定下的100万台年度销量目标，直接上调5万台至105万台。售价区间为15万至20万元。"
    got = facts(text, date(2026, 1, 20))
    assert ("leapmotor", "delivery_target", "2026", 1050000.0, "eq") in got
    assert not any(v == 50000.0 for *_, v, _ in got)
    assert ("leapmotor", "vehicle_price", "2026", 150000.0, "ge") in got  # a range stays one
    # a change in percent before the level it reached is still the change
    got = facts("理想汽车第三季收入總額按年減少36.2%至273.6億元。", date(2025, 11, 27))
    assert ("li-auto", "revenue_yoy", "2025-Q3", -36.2, "eq") in got


def test_target_prices_per_car_figures_other_costs_and_a_change_on_this_years_first_quarter():
    got = facts(
        "特斯拉股價周一收盤上漲1.9%，來到434.21美元。Potter將特斯拉的目標股價從400美元大幅上調至500美元。",
        date(2025, 9, 23),
    )
    assert ("tesla", "share_price", "2025-09-22", 434.21, "eq") in got
    assert not any(v in (400.0, 500.0) for *_, v, _ in got)
    text = (
        "小鹏汽车2025年第二季度交付10.3万台，环比今年一季度的9.4万台上涨9.5%。销售成本151.1亿、研发支出22.1亿元、"
        "运营行政支出21.67亿元。不严谨地算,小鹏目前卖一辆车亏损4600元左右。"
    )
    got = facts(text, date(2025, 8, 20))
    assert not any(v in (9.5, 2_167_000_000.0, 2_210_000_000.0, -4600.0) for *_, v, _ in got)


def test_the_namesake_brand_beside_its_sister_brands_is_a_segment_of_the_group():
    # NIO Inc. sells the NIO, Onvo and Firefly brands: the NIO brand's figure is not NIO's
    got = facts(
        "NIO said on Thursday it delivered 48,135 vehicles in December 2025, up 54.6% from a year "
        "earlier, including 31,897 under its NIO brand, 9,154 under its Onvo brand.",
        date(2026, 1, 2),
    )
    assert got == {
        ("nio", "deliveries", "2025-12", 48135.0, "eq"),
        ("nio", "deliveries_yoy", "2025-12", 54.6, "eq"),
        ("onvo", "deliveries", "2025-12", 9154.0, "eq"),
    }
    got = facts("蔚来公司三季度共交付8.71万台,其中蔚来品牌交付3.69万台,乐道品牌贡献3.77万台。")
    assert got == {
        ("nio", "deliveries", "2025-Q3", 87100.0, "eq"),
        ("onvo", "deliveries", "2025-Q3", 37700.0, "eq"),
    }
    got = facts(
        "The NIO brand delivered 178,806 vehicles in 2025, down 11.13% from a year earlier, while Onvo delivered 107,808."
    )
    assert not any(e == "nio" for e, *_ in got)
    # with no sister brand named (2020: the NIO brand was the whole company) it is NIO's
    got = facts("蔚来品牌10月份共交付新车5055台,同比增长100%。", date(2020, 11, 2))
    assert ("nio", "deliveries", "2020-10", 5055.0, "eq") in got
    assert ("nio", "deliveries_yoy", "2020-10", 100.0, "eq") in got


def test_a_month_compared_with_keeps_its_own_figure_after_an_apostrophe():
    got = facts(
        "BYD's pure EV sales rose to 170,150 units last month, up 3% from October's 165,505 EVs sold.",
        date(2023, 12, 1),
    )
    assert got == {
        ("byd", "sales", "2023-11", 170150.0, "eq"),
        ("byd", "sales_mom", "2023-11", 3.0, "eq"),
        ("byd", "sales", "2023-10", 165505.0, "eq"),
    }
    # a month compared with and no figure of its own names no time
    got = facts("BYD sold 170,150 units last month, 3% more than in October.", date(2023, 12, 1))
    assert {p for _, _, p, _, _ in got} == {"2023-11"}


def test_a_year_after_an_ordinal_quarter_and_its_metric_or_after_q4_of_is_that_quarter():
    got = facts(
        "Leap Motor's third-quarter revenue in 2023 was 5.656 billion RMB, an increase of 31.9% "
        "compared to the same period in 2022.",
        date(2023, 10, 17),
    )
    assert got == {
        ("leapmotor", "revenue", "2023-Q3", 5656000000.0, "eq"),
        ("leapmotor", "revenue_yoy", "2023-Q3", 31.9, "eq"),
    }
    got = facts("NIO's revenue reached RMB 19.703 billion in Q4 of 2024, an increase of 15.2% year-on-year.")
    assert got == {
        ("nio", "revenue", "2024-Q4", 19703000000.0, "eq"),
        ("nio", "revenue_yoy", "2024-Q4", 15.2, "eq"),
    }


def test_the_full_year_with_its_year_an_ordinal_month_of_the_year_and_a_day_range_repeating_its_month():
    got = facts(
        "Li Auto surpassed the 500,000 milestone in total deliveries for the full year 2024.",
        date(2025, 3, 14),
    )
    assert {p for _, _, p, _, _ in got} == {"2024"}
    got = facts(
        "In the second month of this year, Changan Automobile sold 191,007 vehicles.", date(2023, 3, 7)
    )
    assert got == {("changan", "sales", "2023-02", 191007.0, "eq")}
    got = facts("在过去的一周(6月19日至6月25日),理想汽车的周销量达到了0.75万辆。", date(2023, 6, 29))
    assert got == {("li-auto", "insurance_registrations", "2023-06-19..2023-06-25", 7500.0, "eq")}


def test_the_words_right_after_a_change_say_which_growth_it_is():
    got = facts(
        "In February, Changan Automobile sold 191,007 vehicles, representing a 11.17% increase over "
        "the previous month and a 38.27% jump over the previous year.",
        date(2023, 3, 7),
    )
    assert ("changan", "sales_mom", "2023-02", 11.17, "eq") in got
    assert ("changan", "sales_yoy", "2023-02", 38.27, "eq") in got
    # the words after a change that turn to the next item are not its own
    got = facts(
        "In November, Hima delivered 81,864 units, a year-on-year increase of 89.61% and a "
        "month-on-month increase of 20%."
    )
    assert ("hima", "deliveries_yoy", "2025-11", 89.61, "eq") in got
    assert ("hima", "deliveries_mom", "2025-11", 20.0, "eq") in got


def test_a_month_of_tesla_china_or_giga_shanghai_is_its_wholesale():
    got = facts("For context, Tesla China sold 66,051 vehicles in January 2023.", date(2024, 2, 5))
    assert got == {("tesla", "wholesale", "2023-01", 66051.0, "eq")}
    got = facts("Tesla 中國 6 月賣出 93,000 部電動車", date(2023, 7, 5))
    assert got == {("tesla", "wholesale", "2023-06", 93000.0, "eq")}
    # a year's figure beside the plant's name is not the plant's wholesale
    got = facts("特斯拉上海超级工厂产能95万辆，特斯拉2025年全球交付163.6万辆。", date(2026, 1, 6))
    assert ("tesla", "deliveries", "2025", 1636000.0, "eq") in got


def test_lower_than_the_year_named_is_a_fall_against_it():
    got = facts("特斯拉去年全年交車量為163萬6,129輛，比2024年低8.6%。", date(2026, 1, 3))
    assert got == {
        ("tesla", "deliveries", "2025", 1636129.0, "eq"),
        ("tesla", "deliveries_yoy", "2025", -8.6, "eq"),
    }


def test_a_share_move_with_a_trading_session_just_after_it_is_no_days_move():
    got = facts(
        "American depositary receipts of Nio sank 6% in early trading on Tuesday.", date(2023, 12, 26)
    )
    assert not any(m == "share_return" for _, m, *_ in got)
    got = facts("Shares of Nio Inc. fell 2% on Tuesday morning after the guidance.", date(2025, 9, 30))
    assert not any(m == "share_return" for _, m, *_ in got)
    got = facts("截至台北時間3日下午2點17分左右,小米股價暫報15.66港元,跌幅3.81%。", date(2024, 4, 3))
    assert not any(m in ("share_return", "share_price") for _, m, *_ in got)
    # a day's close stands
    got = facts("Shares of Nio Inc. fell 2% on Tuesday.", date(2025, 9, 30))
    assert ("nio", "share_return", "2025-09-30", -2.0, "eq") in got


def test_an_industry_bodys_forecast_is_no_fact():
    got = facts(
        "对于2024年,据中汽协预测,2024年中国汽车总销量将超过3100万辆,同比增长3%以上。", date(2024, 1, 15)
    )
    assert got == set()
    got = facts(
        "在很多的行业预测中,一个判断正在形成共识:吉利控股在2026年触达500万辆年销量。", date(2025, 12, 22)
    )
    assert got == set()


def test_a_target_for_shipments_abroad_is_no_delivery_target():
    got = facts(
        "BYD said in January it has targeted 1.3 million vehicles in overseas shipments for this year."
    )
    assert not any(m == "delivery_target" for _, m, *_ in got)


def test_a_time_compared_with_keeps_its_figure_after_a_bound_word_without_de():
    got = facts("小米汽车1月交付超过39,000辆,较去年12月超过5万辆的交付量环比下滑。", date(2026, 2, 1))
    assert ("xiaomi-su7-yu7", "deliveries", "2025-12", 50000.0, "gt") in got
    assert ("xiaomi-su7-yu7", "deliveries", "2026-01", 39000.0, "gt") in got
    got = facts("小鹏上半年汽车交付量飙升至约19.72万辆,较去年同期约5.2万辆增长了279%。", date(2025, 8, 19))
    assert ("xpeng", "deliveries", "2024-H1", 52000.0, "approx") in got


def test_a_name_after_a_count_that_opens_the_next_figure_does_not_take_it():
    got = facts(
        "蔚来公司二季度交付7.2万辆。蔚来品牌交付4.71万辆 乐道品牌交付1.71万辆 萤火虫品牌交付7843辆",
        date(2025, 7, 10),
    )
    assert ("onvo", "deliveries", "2025-Q2", 17100.0, "eq") in got
    assert ("firefly", "deliveries", "2025-Q2", 7843.0, "eq") in got
    assert not any(v == 17100.0 and e != "onvo" for e, _, _, v, _ in got)


def test_a_compound_annual_rate_and_a_gap_are_no_facts():
    got = facts("2022年至2024年,奇瑞汽车营业收入跃升至2698.97亿元,三年复合增长率超70%。", date(2025, 9, 25))
    assert not any(m.endswith("_yoy") for _, m, *_ in got)
    got = facts("理想汽车三季度交付 93,200 辆,蔚来 87,200 辆,差距约6000 台。", date(2025, 10, 5))
    assert not any(v == 6000.0 for *_, v, _ in got)


def test_li_auto_by_its_short_name_before_announced_takes_the_figure():
    # (理想, an ordinary word, before 公布 names the maker though its full name is not written)
    got = facts("蔚来三季度交付 87,200 辆。几乎同时,理想公布 8 月销量为 28,529 台。", date(2025, 9, 5))
    assert ("li-auto", "sales", "2025-08", 28529.0, "eq") in got


def test_a_figure_a_change_runs_from_after_a_range_of_years_is_the_first_years():
    got = facts(
        "2022年至2024年,奇瑞汽车营业收入从926.18亿元跃升至2698.97亿元。净利润同步从58.06亿元增长至143.34亿元。",
        date(2025, 9, 25),
    )
    assert got == {
        ("chery", "revenue", "2022", 92618000000.0, "eq"),
        ("chery", "revenue", "2024", 269897000000.0, "eq"),
        ("chery", "net_profit", "2022", 5806000000.0, "eq"),
        ("chery", "net_profit", "2024", 14334000000.0, "eq"),
    }


def test_more_english_change_and_total_words():
    got = facts(
        "Li Auto's outlook follows a tough third-quarter that saw revenue fall 36%.", date(2025, 11, 27)
    )
    assert got == {("li-auto", "revenue_yoy", "2025-Q3", -36.0, "eq")}
    got = facts(
        "IM Motors saw its May sales volume soar 111.6% from a year ago to 4,251 units.", date(2024, 6, 8)
    )
    assert ("im-motors", "sales_yoy", "2024-05", 111.6, "eq") in got
    got = facts(
        "In the first four months of this year, Dongfeng Motor Group's cumulative auto sales summed up to "
        "597,118 vehicles.",
        date(2023, 5, 10),
    )
    assert {b for *_, b in got} == {"eq"}
    got = facts(
        "SAIC Motor moved 87,909 vehicles overseas in May, representing a 4.2% year-over-year dip.",
        date(2024, 6, 8),
    )
    assert got == {
        ("saic", "exports", "2024-05", 87909.0, "eq"),
        ("saic", "exports_yoy", "2024-05", -4.2, "eq"),
    }


def test_a_month_range_with_this_year_and_a_company_name_with_new_energy():
    got = facts(
        "The report shows that from January to April this year, the sales volume of GAC Aion New Energy "
        "Automobile Co., Ltd. was 70,200 units, a year-on-year decrease of 41.16%.",
        date(2024, 5, 24),
    )
    assert got == {
        ("gac-aion", "sales", "2024-01..2024-04", 70200.0, "eq"),
        ("gac-aion", "sales_yoy", "2024-01..2024-04", -41.16, "eq"),
    }


def test_a_comma_after_a_word_before_a_year_ends_the_clause():
    got = facts("比亚迪2022年销量翻倍至186万辆,2023年突破300万辆。", date(2025, 3, 25))
    assert ("byd", "sales", "2022", 1860000.0, "eq") in got
    assert ("byd", "sales", "2023", 3000000.0, "gt") in got
    # a thousands separator stays one number
    got = facts("比亚迪2022年销量为1,860,000辆。", date(2025, 3, 25))
    assert got == {("byd", "sales", "2022", 1860000.0, "eq")}


def test_a_bare_yi_after_a_revenue_word_and_a_verb_of_change_to_is_yuan():
    got = facts("零跑汽车2023 年,营收提高到 167.5 亿、成本 166.7 亿。", date(2024, 3, 1))
    assert got == {("leapmotor", "revenue", "2023", 16750000000.0, "eq")}


def test_a_hong_kong_listing_with_its_share_class_mark_is_a_company_the_gazetteer_does_not_know():
    got = facts(
        "比亚迪股份收涨2%。此外，機器人概念股也表現亮眼，微創機器人 - B 大漲超 25%，優必選上漲超 9%。",
        date(2025, 12, 29),
    )
    assert got == {("byd", "share_return", "2025-12-29", 2.0, "eq")}


def test_automotive_revenue_and_a_body_style_of_the_line_up_are_segments():
    got = facts("財報數據顯示，特斯拉第一季交付量年減 13%，汽車營收大跌 20%。", date(2025, 12, 17))
    assert got == {("tesla", "deliveries_yoy", "2025-Q1", -13.0, "eq")}
    got = facts(
        "蔚來第二季度汽車交付量按年下降6.1%至2.3萬輛,包括1.0萬輛高端智能電動SUV以及1.3萬輛高端智能電動轎車。",
        date(2023, 8, 29),
    )
    assert got == {
        ("nio", "deliveries_yoy", "2023-Q2", -6.1, "eq"),
        ("nio", "deliveries", "2023-Q2", 23000.0, "eq"),
    }


def test_the_growth_of_a_segment_opening_the_sentence_is_no_fact_and_spending_for_the_year_is_the_years():
    got = facts(
        "Passenger vehicles dominated the company's NEV portfolio, with BYD's sales reaching 4.25 million units, "
        "up 41.07 percent from the previous year. Plug-in hybrids surged 72.83 percent to around 2.49 million units.",
        date(2025, 1, 2),
    )
    assert got == set()
    got = facts(
        "NIO's revenue reached RMB 19.703 billion in Q4 of 2024. In Q4, net loss was RMB 7.11 billion, "
        "and total revenue for the year was RMB 65.73 billion.",
        date(2025, 3, 20),
    )
    assert ("nio", "revenue", "2024", 65730000000.0, "eq") in got


def test_a_capacity_goal_an_estimate_for_a_figure_and_what_should_be_are_no_facts():
    got = facts("四季度三品牌总产能目标5.6万辆(蔚来2.5万/乐道2.5万/萤火虫0.6万)。", date(2025, 9, 10))
    assert got == set()
    got = facts(
        "Li Auto's guidance of 100,000 to 110,000 units in the fourth quarter missed an estimate for 135,633 units.",
        date(2025, 11, 27),
    )
    assert {v for *_, v, _ in got} == {100000.0, 110000.0}
    got = facts(
        "Monthly production capacity of the Li Auto i6 should steadily increase to 20,000 units starting early next year.",
        date(2025, 11, 27),
    )
    assert got == set()


def test_a_month_number_before_zeng_with_tongbi_is_year_on_year():
    got = facts("理想汽车官方数据显示, 理想ONE在4月交付5539辆,同比2020年4月增长111.3%。", date(2021, 5, 2))
    assert ("li-auto-one", "deliveries_yoy", "2021-04", 111.3, "eq") in got
    got = facts("小鹏汽车10月交付量为4.2万辆，月增长12%。", date(2025, 11, 2))
    assert ("xpeng", "deliveries_mom", "2025-10", 12.0, "eq") in got


def test_the_tech_index_of_a_hong_kong_market_report_is_the_hang_seng_tech():
    got = facts("恒指收升0.8%。科技指數創近4年新高,收報6334點,升幅4.2%。", date(2025, 9, 17))
    assert got == {
        ("hsi", "index_return", "2025-09-17", 0.8, "eq"),
        ("hstech", "index_return", "2025-09-17", 4.2, "eq"),
    }


def test_mark_as_a_verb_is_no_threshold_and_a_count_overseas_is_exports():
    got = facts(
        "Li Auto's second-quarter deliveries of 92,864 vehicles mark a significant 15.5% year-over-year increase.",
        date(2025, 7, 2),
    )
    assert ("li-auto", "deliveries", "2025-Q2", 92864.0, "eq") in got
    got = facts(
        "BYD sold a total of 301,903 new energy vehicles last month, including 30,629 units overseas.",
        date(2023, 12, 2),
    )
    assert got == {("byd", "sales", "2023-11", 301903.0, "eq"), ("byd", "exports", "2023-11", 30629.0, "eq")}


def test_a_price_cut_against_the_price_before_is_no_price():
    got = facts("特斯拉Model 3标准版起售价为36990美元，比之前便宜了5000美元。", date(2025, 10, 23))
    assert got == {("tesla-model-3", "vehicle_price", "2025-10-23", 36990.0, "eq")}


def test_a_hong_kong_wires_current_prices_and_a_table_of_them_are_no_days_close():
    text = (
        "《經濟通通訊社31日專訊》比亞迪(01211)現價跌4﹒3%,報282﹒2元。\n"
        "現時,恒生指數報20472,升92點或升0﹒5%。\n"
        "表列同板塊或相關股份表現\n============\n股份(編號) 現價(元) 變幅(%)\n--------------------------\n"
        "比亞迪(01211) 282﹒2元 跌4﹒34%\n理想汽車(02015) 110﹒1元 升1﹒38%\n--------------------------\n"
    )
    assert facts(text, date(2024, 10, 31)) == set()
    got = facts("小鵬汽車中期虧損收窄至26﹒53億元人民幣,每股基本虧損1﹒41元人民幣。", date(2024, 8, 21))
    assert {v for *_, v, _ in got} == {-2653000000.0}


def test_a_year_written_before_quanian_without_nian_is_that_year():
    got = facts("2021全年,比亚迪实现营收2161.42亿元,同比增加38.02%。", date(2022, 8, 29))
    assert got == {
        ("byd", "revenue", "2021", 216142000000.0, "eq"),
        ("byd", "revenue_yoy", "2021", 38.02, "eq"),
    }
    # it names no year for what follows: a year matched (打平2024全年) is often one compared with
    got = facts("小鹏上半年交付新车19.72万台,已经打平2024全年。二季度营收182.7亿元。", date(2025, 8, 20))
    assert ("xpeng", "revenue", "2025-Q2", 18270000000.0, "eq") in got


def test_an_n_month_period_ended_on_a_day_and_shifted_cars():
    got = facts(
        "Nio reported 2,526 vehicles in October. It has delivered 14,867 electric cars for the ten-month "
        "period ended Oct. 31.",
        date(2019, 11, 5),
    )
    assert ("nio", "deliveries", "2019-01..2019-10", 14867.0, "eq") in got
    got = facts("BYD shifted 253,046 cars last month.", date(2023, 7, 4))
    assert got == {("byd", "sales", "2023-06", 253046.0, "eq")}


def test_a_move_takes_no_results_half_nor_the_day_it_runs_to_from_earlier_sentences():
    text = (
        "小鹏截至2024年6月30日止中期亏损收窄至26.53亿元。期内,净亏损26.3亿元,较去年同期净亏损48.8亿元收窄。\n"
        "恒生科技指数报3401,跌96点或跌2.7%。"
    )
    got = facts(text, date(2024, 8, 21))
    assert ("hstech", "index_return", "2024-08-21", -2.7, "eq") in got  # the article's day


@pytest.mark.parametrize(
    "text",
    [
        "投資人將投票決定馬斯克是否能獲得潛在價值達 1 兆美元的新薪酬方案。",  # a pay package's worth
        "Shareholders approved Musk's $1 trillion pay package in November 2025.",
        "這項方案最終門檻設在公司市值必須達8.5兆美元。",  # a condition to be met
        "他對特斯拉第四季的交車預測為 41.5 萬輛，但未被納入特斯拉公布的共識數據中。",  # someone's forecast
    ],
)
def test_a_pay_package_a_condition_and_a_forecast_are_no_facts(text):
    assert facts(text, date(2025, 11, 10)) == set()


@pytest.mark.parametrize(
    "text, want",
    [
        ("特斯拉今天的收盤價上漲了 $14.57，增幅超過 3%。", set()),
        ("Tesla shares rose $14.57 to $489.88 on Tuesday.", {489.88}),
        ("蔚来股价下跌0.5美元至5.2美元。", {5.2}),  # by how much, then to what: no range
        ("小米股價跌1.2元，報39.55元。", {39.55}),
    ],
)
def test_by_how_much_a_share_price_moved_is_no_price(text, want):
    got = {v for _, m, _, v, _ in facts(text, date(2025, 12, 17)) if m == "share_price"}
    assert got == want


def test_month_numbers_listed_bare_before_a_month_go_with_a_respectively_list():
    got = facts("长城3、4月份销量增速分别为16.8%和2.5%。", date(2019, 5, 15))
    assert ("gwm", "sales_yoy", "2019-03", 16.8, "eq") in got  # 长城 is Great Wall Motor
    assert ("gwm", "sales_yoy", "2019-04", 2.5, "eq") in got
    got = facts("蔚来9、10、11月交付量分别为1万辆、2万辆和3万辆。", date(2019, 12, 15))
    assert {p for _, _, p, _, _ in got} == {"2019-09", "2019-10", "2019-11"}


@pytest.mark.parametrize(
    "text",
    [
        "吉利汽车2月销量为2.1万辆。在2月销量中,轿车销量为8321辆,SUV销量为1.19万辆,MPV销量为913辆。",
        "Geely sold 21,000 cars in February 2020. SUV sales were 11,900 units and sedan sales 8,321 units.",
    ],
)
def test_a_body_styles_sales_are_a_segment_of_the_makers(text):
    got = facts(text, date(2020, 3, 5))
    assert {v for _, _, _, v, _ in got} == {21000.0}


def test_one_figure_above_another_by_how_much_is_no_level():
    text = "特斯拉股價周一（15日）收盤上漲3.6%，收在每股410.26美元，較2024年底的收盤價高出逾6美元。"
    got = {v for _, m, _, v, _ in facts(text, date(2025, 9, 16)) if m == "share_price"}
    assert got == {410.26}


def test_a_mark_approached_is_no_fact():
    text = (
        "NIO delivered 48,135 vehicles in December 2025. "
        "The record month also left NIO closing in on 1 million cumulative deliveries."
    )
    assert {v for *_, v, _ in facts(text, date(2026, 1, 2))} == {48135.0}


@pytest.mark.parametrize("text", ["小米按月減五成", "小米按月減50%", "Xiaomi fell 5% year on year."])
def test_a_year_or_month_on_change_with_no_share_named_is_no_share_move(text):
    assert facts(text, date(2026, 3, 1)) == set()
    # with the share named it is one
    assert {m for _, m, *_ in facts("小米股价按年升50%", date(2026, 3, 1))} == {"share_return"}


def test_a_writers_estimate_or_a_derived_figure_is_no_fact():
    text = "我們按照其官方公眾號披露的數據估算,今年前11個月零跑的交付量或為53.61萬輛,同比增長113.42%。"
    assert facts(text, date(2025, 12, 5)) == set()
    text = "BYD sold 4.18 million vehicles through November. Even at an estimated 80,000 units per month, BYD's goal was out of reach."
    assert facts(text, date(2025, 12, 2)) == {("byd", "sales", "2025-01..2025-11", 4180000.0, "eq")}
    text = "蔚來目標第四季交付量達12萬至12.5萬輛,相當於按年增長65%至72%。"
    got = facts(text, date(2025, 11, 26))
    assert ("nio", "delivery_target", "2025-Q4", 120000.0, "ge") in got
    assert not any(m == "deliveries_yoy" for _, m, *_ in got)


def test_a_bare_chinese_numeral_below_a_thousand_is_no_count():
    text = "比亞迪8月份銷量超過27萬輛,為了在接下來的「金九銀十」中搶佔先機,不少車企相繼推出新車。"
    assert facts(text, date(2023, 9, 12)) == {("byd", "sales", "2023-08", 270000.0, "gt")}


def test_a_quarter_to_come_whose_sentence_then_speaks_of_the_future_is_this_years():
    text = "Nio: For the fourth quarter, the company expects vehicle deliveries to be between 120,000 and 125,000 vehicles."
    got = facts(text, date(2025, 9, 30))
    assert {p for _, _, p, _, _ in got} == {"2025-Q4"}
    got = facts("蔚来:第四季度,公司预计交付量为12万至12.5万辆。", date(2025, 9, 30))
    assert {p for _, _, p, _, _ in got} == {"2025-Q4"}
    # a past quarter reported against its guidance stays the last one
    text = "Li Auto delivered a record 131,805 vehicles in the fourth quarter, above the upper end of its guidance range."
    assert facts(text, date(2024, 2, 26)) == {("li-auto", "deliveries", "2023-Q4", 131805.0, "eq")}


def test_the_take_up_of_a_feature_is_no_nev_penetration():
    text = "小鹏汽车2024年交付19万辆。其二,城市NGP功能覆盖全国138城,智能驾驶用户渗透率达78%。"
    assert facts(text, date(2025, 1, 2)) == {("xpeng", "deliveries", "2024", 190000.0, "eq")}
    got = facts("2025年中国新能源车渗透率已突破45%。", date(2025, 12, 2))
    assert got == {("china-passenger-cars", "nev_penetration", "2025", 45.0, "gt")}


def test_a_plain_text_table_gives_each_figure_its_columns_period():
    text = (
        "理想汽车公布2024年第二季度财务业绩。\n\n"
        "    2024年第二季度     2024年第一季度     2023年第四季度  \n"
        "交付   108,581     80,400     131,805  \n\n \n\n"
        "    2023年第二季度     2023年第一季度  \n"
        "交付   86,533     52,584  \n"
    )
    got = facts(text, date(2024, 8, 28))
    assert got == {
        ("li-auto", "deliveries", "2024-Q2", 108581.0, "eq"),
        ("li-auto", "deliveries", "2024-Q1", 80400.0, "eq"),
        ("li-auto", "deliveries", "2023-Q4", 131805.0, "eq"),
        ("li-auto", "deliveries", "2023-Q2", 86533.0, "eq"),
        ("li-auto", "deliveries", "2023-Q1", 52584.0, "eq"),
    }


def test_a_table_with_its_heads_one_a_line_reads_each_row_for_its_name():
    text = "7月交付量排行榜(数据来源:第一财经)\n品牌\n交付量\n同比增幅\n核心车型\n零跑 50,129 +126% C10/B10\n小鹏 36,717 +229% G6/X9\n"
    got = facts(text, date(2025, 8, 2))
    assert got == {
        ("leapmotor", "deliveries", "2025-07", 50129.0, "eq"),
        ("leapmotor", "deliveries_yoy", "2025-07", 126.0, "eq"),
        ("xpeng", "deliveries", "2025-07", 36717.0, "eq"),
        ("xpeng", "deliveries_yoy", "2025-07", 229.0, "eq"),
    }


def test_cars_a_maker_shipped_are_deliveries():
    got = facts(
        "In Q3, BYD shipped approximately 432,000 BEVs, just shy of Tesla's 435,000 units.", date(2023, 10, 3)
    )
    assert ("tesla", "deliveries", "2023-Q3", 435000.0, "eq") in got


def test_bare_counts_of_models_take_the_count_of_the_sentence_before():
    text = (
        "XPeng's deliveries of its smart EVs were up 266% year-over-year to 8,578 in the third quarter. "
        "That includes 6,210 P7s and 2,368 G3s."
    )
    got = facts(text, date(2020, 10, 2))
    assert ("xpeng-p7", "deliveries", "2020-Q3", 6210.0, "eq") in got
    assert ("xpeng-g3", "deliveries", "2020-Q3", 2368.0, "eq") in got
    # a bare number before no model's name stays no count
    assert not any(
        v == 12.0
        for *_, v, _ in facts(
            "XPeng delivered 8,578 cars in the third quarter. That is 12 more.", date(2020, 10, 2)
        )
    )


def test_a_change_on_the_quarter_written_qoq_is_no_fact():
    text = "Zeekr's total vehicle deliveries in the second quarter reached 130,866 units, a 9.3% YoY increase and a 14.8% QoQ rise."
    assert facts(text, date(2025, 8, 14)) == {
        ("zeekr", "deliveries", "2025-Q2", 130866.0, "eq"),
        ("zeekr", "deliveries_yoy", "2025-Q2", 9.3, "eq"),
    }


def test_cars_that_were_exported_are_exports():
    got = facts(
        "Tesla sold 56,006 China-made vehicles in September. The September sales included 3,853 that were exported, the data showed.",
        date(2021, 10, 12),
    )
    assert ("tesla", "exports", "2021-09", 3853.0, "eq") in got


def test_an_index_the_gazetteer_does_not_know_takes_its_own_move():
    text = "恒生科技指數報4541,升27點或升0.6%。上證綜合指數報3260,跌6點或跌0.2%。"
    assert facts(text, date(2024, 10, 31)) == {("hstech", "index_return", "2024-10-31", 0.6, "eq")}


def test_a_makers_sales_within_mainland_china_are_a_segment():
    text = "特斯拉10月在中國銷量降至2萬6006輛,創3年新低。特斯拉10月交付6萬1497輛。"
    assert facts(text, date(2025, 11, 10)) == {("tesla", "deliveries", "2025-10", 61497.0, "eq")}


def test_an_estimate_named_right_after_its_figure_is_no_fact():
    text = "特斯拉於2日表示,該公司在2025年共交付164萬輛汽車,與公司內部彙整的160萬輛交付預估大致相符。"
    assert facts(text, date(2026, 1, 3)) == {("tesla", "deliveries", "2025", 1640000.0, "eq")}


def test_a_figure_compared_with_written_in_chinese_numerals_keeps_its_own_time():
    text = "特斯拉第一季淨利十一.三億美元,較去年同期的二十五.一億美元暴跌五十五%。"
    got = facts(text, date(2024, 4, 25))
    assert ("tesla", "net_profit", "2023-Q1", 2510000000.0, "eq") in got
    assert ("tesla", "net_profit", "2024-Q1", 1130000000.0, "eq") in got


def test_a_gain_on_a_products_predecessor_is_no_share_move():
    text = "小鵬股價跌逾9%。何小鵬表示，第二代VLA模型參數量較上一代提升10倍。"
    assert facts(text, date(2025, 11, 18)) == {("xpeng", "share_return", "2025-11-18", -9.0, "gt")}


def test_a_return_from_one_day_to_another_is_over_that_range():
    text = "據陸媒第一財經報導，自9月25日至11月19日收盤，小米股價跌幅已達34.7%。"
    assert facts(text, date(2025, 11, 20)) == {
        ("xiaomi", "share_return", "2025-09-25..2025-11-19", -34.7, "eq")
    }
    text = "From January 13 to February 14, the Hang Seng Tech Index has risen about 35%."
    assert facts(text, date(2025, 2, 14)) == {
        ("hstech", "index_return", "2025-01-13..2025-02-14", 35.0, "approx")
    }


def test_months_listed_as_a_sum_are_one_range():
    assert facts("小鹏汽车9月和10月合计交付83,722辆。", date(2025, 11, 3)) == {
        ("xpeng", "deliveries", "2025-09..2025-10", 83722.0, "eq")
    }


def test_a_net_margin_or_a_cost_ratio_is_no_profit_or_return():
    text = "吉利汽车2024年营收2402亿元。4)归母净利率为3.55%,同比提升0.42pct。2)三费费率达14.1%,同比下降2.6%。"
    assert facts(text, date(2025, 3, 24)) == {("geely", "revenue", "2024", 240200000000.0, "eq")}


def test_rules_tuned_on_the_thirteenth_set_after_it_was_scored():
    # cars sold abroad, in Chinese
    text = "特斯拉上海超級工廠1月批發銷售6萬9129輛,這些車中有5萬644輛是銷往海外市場。"
    assert ("tesla", "exports", "2026-01", 50644.0, "eq") in facts(text, date(2026, 2, 13))
    # a forecast the figure is measured against; a figure per car
    assert facts("特斯拉週五股價跌約2%,跌幅高於先前預測的12.3%。", date(2026, 1, 3)) == {
        ("tesla", "share_return", "2026-01-02", -2.0, "approx")
    }
    text = "赛力斯二季度营收432.55亿元,车均净利润2.07万元。"
    assert facts(text, date(2025, 9, 5)) == {("seres", "revenue", "2025-Q2", 43255000000.0, "eq")}
    # a maker's own share of NEVs is no market's penetration
    text = "吉利Q3总销76.1万台,新能源渗透率58%。"
    assert not any(e == "china-passenger-cars" for e, *_ in facts(text, date(2025, 11, 20)))


def test_a_table_with_bars_between_cells_and_none_opening_the_line():
    text = "NIO reported its results.\n2024 Q4 | 2024 Q3 | 2024 Q2 | |\nDeliveries | 72,689 | 61,855 | 57,373 |\n"
    assert facts(text, date(2025, 3, 21)) == {
        ("nio", "deliveries", "2024-Q4", 72689.0, "eq"),
        ("nio", "deliveries", "2024-Q3", 61855.0, "eq"),
        ("nio", "deliveries", "2024-Q2", 57373.0, "eq"),
    }


def test_an_annual_target_with_no_year_named_is_for_the_articles_year():
    text = "Leapmotor is raising its annual sales target to between 580,000 and 650,000 units."
    assert facts(text, date(2025, 9, 3)) == {
        ("leapmotor", "delivery_target", "2025", 580000.0, "ge"),
        ("leapmotor", "delivery_target", "2025", 650000.0, "le"),
    }


def test_a_maker_named_after_bi_is_a_point_of_comparison():
    text = "理想汽车三季度交付93,211辆,虽比蔚来多6,000余辆,但同比下跌39.0%。"
    got = facts(text, date(2025, 12, 1))
    assert ("li-auto", "deliveries_yoy", "2025-Q3", -39.0, "eq") in got
    assert not any(e == "nio" for e, *_ in got)
    # 比 that opens a name (比亚迪) is the name
    assert ("byd", "sales", "2025-11", 480186.0, "eq") in facts("比亚迪11月销量480186辆。", date(2025, 12, 2))


def test_a_return_from_a_month_to_now_runs_to_the_articles_date():
    got = facts("比亞迪股價從去年五月至今下殺超過40%。", date(2026, 2, 20))
    assert got == {("byd", "share_return", "2025-05-01..2026-02-20", -40.0, "gt")}


def test_a_time_a_figure_was_reported_in_is_not_its_span():
    got = facts("比亞迪去年銷量為460萬輛。福特遜於比亞迪於1月通報的460萬輛。", date(2026, 2, 11))
    assert {p for _, _, p, _, _ in got} == {"2025"}


def test_a_model_code_before_yue_is_no_month_and_a_class_is_no_count():
    got = facts("鸿蒙智行11月交付81864辆,其中问界M9月交付超7500辆。", date(2025, 12, 2))
    assert ("aito-m9", "deliveries", "2025-11", 7500.0, "gt") in got
    got = facts("尊界11月交付2000辆,作为百万级豪车,交付量已超越保时捷。", date(2025, 12, 2))
    assert got == {("maextro", "deliveries", "2025-11", 2000.0, "eq")}


def test_rules_tuned_on_the_fourteenth_set_after_it_was_scored():
    # by how much a count fell, in English
    text = "BYD's deliveries fell in July, falling by around 36,600 units from June to just 341,030."
    assert not any(v == 36600.0 for *_, v, _ in facts(text, date(2025, 8, 30)))
    # a count "from the company's … brand" is the brand's
    text = (
        "NIO's vehicle deliveries were 72,689 in the fourth quarter of 2024, consisting of 52,760 vehicles "
        "from the Company's premium smart electric vehicle brand NIO and 19,929 vehicles from the Company's "
        "family-oriented smart electric vehicle brand ONVO."
    )
    assert ("onvo", "deliveries", "2024-Q4", 19929.0, "eq") in facts(text, date(2025, 3, 21))
    # a move in the afternoon session is no day's close
    assert (
        facts("BYD Co., Ltd. saw its stock price fall by over 4% in the afternoon.", date(2025, 10, 31))
        == set()
    )


def test_a_year_written_with_two_digits_before_a_time_of_it_is_that_year():
    got = facts("比亚迪24年全年销量427万辆。小鹏汽车24年第四季度交付91507辆。", date(2025, 12, 2))
    assert ("byd", "sales", "2024", 4270000.0, "eq") in got
    assert ("xpeng", "deliveries", "2024-Q4", 91507.0, "eq") in got
    got = facts("理想汽车23年上半年交付13.9万辆。", date(2025, 12, 2))
    assert ("li-auto", "deliveries", "2023-H1", 139000.0, "eq") in got
    # a count of years is no year
    assert not any(p.startswith("2010") for _, _, p, _, _ in facts("零跑用了10年月销破万。"))


def test_a_fall_word_after_the_change_makes_it_negative():
    got = facts("理想汽车第三季度交付量出现39%的同比下滑。")
    assert ("li-auto", "deliveries_yoy", "2025-Q3", -39.0, "eq") in got
    got = facts("理想汽车第三季度交付量近四成的同比下滑,是营收承压的原因。")
    assert ("li-auto", "deliveries_yoy", "2025-Q3", -40.0, "lt") in got
    # a rise after the change stays positive
    assert ("li-auto", "deliveries_yoy", "2025-Q3", 39.0, "eq") in facts(
        "理想汽车第三季度交付量实现39%的同比增长。"
    )


def test_revenue_from_whole_cars_is_a_segment_of_revenue():
    got = facts(
        "吉利汽车公布业绩。公司2024年整车收入2031亿元,同比增长36%。总收入2402亿元。", date(2025, 3, 22)
    )
    assert {(m, v) for _, m, _, v, _ in got} == {("revenue", 240200000000.0)}


def test_a_time_of_birth_is_no_figures_time_and_a_running_total_with_none_is_as_of_the_article():
    text = (
        "2021年12月诞生、首款与华为深度合作的问界，必榜上有名。问界全系累计交付逾80万辆，"
        "令赛力斯成为A股市值近2600亿元的新能源车企。"
    )
    got = facts(text, date(2025, 10, 27))
    assert ("aito", "deliveries", "2025-10-27", 800000.0, "gt") in got
    assert not any(p.startswith("2021") for _, _, p, _, _ in got)


def test_a_time_after_a_word_of_nearing_or_passing_is_one_compared_with():
    got = facts("比亚迪今年前4月新能源汽车出口5.36万辆 逼近去年全年总量", date(2023, 5, 6))
    assert got == {("byd", "exports", "2023-01..2023-04", 53600.0, "eq")}


def test_an_operating_loss_is_no_net_loss():
    got = facts("蔚来第四季度运营亏损14.36亿元,虽同比下降51.3%。净亏损8亿元。", date(2025, 3, 22))
    assert {(m, v) for _, m, _, v, _ in got} == {("net_profit", -800000000.0)}


def test_by_how_much_a_sum_changed_against_another_time_is_no_level():
    got = facts("广汽集团2025年第三季度净亏损达17.74亿元,较去年同期扩大3.77亿元。", date(2025, 11, 5))
    assert got == {("gac", "net_profit", "2025-Q3", -1774000000.0, "eq")}
    # a change in percent against the same time stays a change
    got = facts("广汽集团2025年第三季度营收241亿元,较去年同期减少14.6%。", date(2025, 11, 5))
    assert ("gac", "revenue_yoy", "2025-Q3", -14.6, "eq") in got


def test_anticipated_deliveries_are_a_target_and_ladao_is_onvo():
    text = "We anticipate total deliveries in the third quarter of 2025 to range between 87,000 and 91,000."
    got = facts("NIO reported results. " + text, date(2025, 9, 2))
    assert ("nio", "delivery_target", "2025-Q3", 87000.0, "ge") in got
    text = "NIO delivered 34,749 vehicles in September 2025. Of these, the Ladao brand delivered 15,246 vehicles."
    assert ("onvo", "deliveries", "2025-09", 15246.0, "eq") in facts(text, date(2025, 10, 2))


def test_this_years_count_to_a_day_named_runs_from_january_to_it():
    got = facts("截至9月底,广汽集团年初至今累计净亏损已攀升至43.12亿元。", date(2025, 11, 1))
    assert ("gac", "net_profit", "2025-01..2025-09", -4_312_000_000.0, "eq") in got
    got = facts("截至9月底,广汽集团今年累计销量为118万辆。", date(2025, 11, 1))
    assert ("gac", "sales", "2025-01..2025-09", 1_180_000.0, "eq") in got
    got = facts(
        "In the current year up to November 30, passenger vehicle retail sales in China amounted "
        "to 21.519 million units, up 6.0 percent year on year.",
        date(2025, 12, 4),
    )
    assert ("china-passenger-cars", "retail_sales", "2025-01..2025-11", 21_519_000.0, "eq") in got
    assert ("china-passenger-cars", "retail_sales_yoy", "2025-01..2025-11", 6.0, "eq") in got
    got = facts("截至11月27日,比亚迪今年累计销量为400万辆。", date(2025, 12, 4))
    assert ("byd", "sales", "2025-01-01..2025-11-27", 4_000_000.0, "eq") in got
    # a running total since the start, and one after this year's, stay as of the day
    got = facts("截至11月30日,比亚迪累计销量达1000万辆。", date(2025, 12, 4))
    assert ("byd", "sales", "2025-11-30", 10_000_000.0, "eq") in got
    got = facts(
        "By 31st August 2025, deliveries in the current year had reached 166,472 vehicles, "
        "bringing Nio's total deliveries since the company was founded to 838,036.",
        date(2025, 9, 1),
    )
    assert ("nio", "deliveries", "2025-08-31", 838_036.0, "eq") in got


def test_within_the_year_after_a_past_year_named_in_its_paragraph_is_that_year():
    got = facts(
        "财报显示,2024年,赛力斯全年实现营业收入1451.76亿元,同比增长305.04%。"
        "年内,其新能源汽车销量42.69万辆,同比增长182.84%。",
        date(2025, 4, 2),
    )
    assert ("seres", "sales", "2024", 426_900.0, "eq") in got
    assert ("seres", "sales_yoy", "2024", 182.84, "eq") in got
    # with no past year named in its paragraph it is still the year so far
    got = facts("年内,赛力斯新能源汽车销量8.9万辆。", date(2025, 4, 2))
    assert ("seres", "sales", "2025-01-01..2025-04-02", 89_000.0, "eq") in got


def test_a_month_with_this_or_last_year_after_it_is_that_years_month():
    got = facts(
        "Passenger vehicle retail sales in China are estimated to have amounted to 2.263 million "
        "units in November this year, down 7.0 percent year on year.",
        date(2025, 12, 4),
    )
    assert ("china-passenger-cars", "retail_sales_yoy", "2025-11", -7.0, "eq") in got
    got = facts("Aion's sales hovered near 45,000 units in August last year and topped 50,000 in September.")
    assert ("gac-aion", "sales", "2024-08", 45_000.0, "eq") in got


def test_a_maker_exceeded_is_no_subject_and_months_that_ended_in_a_month_are_a_quarter():
    text = (
        "BYD reported its results. BYD's revenue soared 24% to 201.1 billion yuan for the three "
        "months that ended in September, exceeding Tesla's $25.2 billion in sales for the same "
        "period. Net income increased 11.5% to a record 11.6 billion yuan, beating estimates."
    )
    got = facts(text, date(2024, 11, 1))
    assert ("byd", "revenue", "2024-Q3", 201_100_000_000.0, "eq") in got
    assert ("tesla", "revenue", "2024-Q3", 25_200_000_000.0, "eq") in got
    assert ("byd", "net_profit", "2024-Q3", 11_600_000_000.0, "eq") in got


def test_guidance_in_a_relative_clause_makes_no_target_of_the_figure_after_it():
    text = (
        "Geely sold 226,686 vehicles in October. Li Auto Inc., whose stock plunged almost 10% "
        "after softer fourth-quarter guidance, sold 51,443 units."
    )
    got = facts(text, date(2024, 11, 4))
    assert ("li-auto", "sales", "2024-10", 51_443.0, "eq") in got
    assert not any(m == "delivery_target" for _, m, *_ in got)


def test_selling_as_a_verb_names_sales_and_as_an_adjective_none():
    got = facts(
        "Geely Automobile Holdings Ltd. did too, selling 226,686 vehicles last month, up 28% year-on-year.",
        date(2024, 11, 4),
    )
    assert ("geely", "sales", "2024-10", 226_686.0, "eq") in got
    assert ("geely", "sales_yoy", "2024-10", 28.0, "eq") in got
    got = facts("The best-selling Mona M03 topped 10,000 units in October.", date(2024, 11, 4))
    assert not any(m == "sales" for _, m, *_ in got)


def test_share_issue_proceeds_a_brokers_rating_and_profit_per_car_are_no_facts():
    text = (
        "9月25日,奇瑞汽车在香港联合交易所主板挂牌上市,以招股价上限30.75港元定价,"
        "发行32.97亿股H股,募资总额达91.45亿港元。"
    )
    assert not any(v == 9_145_000_000.0 for *_, v, _ in facts(text, date(2025, 9, 25)))
    got = facts("长城汽车4Q24扣非后单车盈利同比+28.2%。", date(2025, 4, 1))
    assert not any(v == 28.2 for *_, v, _ in got)
    got = facts("长城汽车:报告公司投资评级 - A股维持“增持”评级,当前价26.42元。", date(2025, 4, 1))
    assert not any(m == "investment" for _, m, *_ in got)


def test_a_rise_word_ti_sheng_is_a_share_move_only_beside_a_share():
    text = (
        "蔚来在12月交付4.8万辆,同比提升54.6%。主流的新能源汽车品牌,均在2025年取得了显著的销量提升。"
        "其中个别品牌,提升幅度远超「100%」的基准;更有甚者,来到 180% 之多。"
    )
    got = facts(text, date(2026, 1, 2))
    assert ("nio", "deliveries_yoy", "2025-12", 54.6, "eq") in got
    assert not any(m == "share_return" for _, m, *_ in got)


def test_a_source_mark_ends_a_sentence_and_a_share_of_companies_is_no_move():
    text = (
        "东风奕派科技1月销量21,269辆,同比增长145% [3] 资本市场表现 - 2026年1月,在统计的23家"
        "主要上市乘用车企中,超七成公司股价录得下跌。"
    )
    got = facts(text, date(2026, 2, 3))
    assert ("dongfeng-epi", "sales", "2026-01", 21_269.0, "eq") in got
    assert not any(m == "share_return" for _, m, *_ in got)
    got = facts(
        "Over 70% of the listed carmakers saw their shares fall. BYD shares fell 2%.", date(2026, 2, 3)
    )
    assert not any(v in (70.0, -70.0) for *_, v, _ in got)


def test_dang_ji_in_results_coverage_is_the_quarter_reported():
    text = (
        "小鹏汽车公布财报,核心要点如下:\n營收情況:Q2 總收入 182.7 億元;\n"
        "虧損改善:淨虧損 4.8 億元;上年同期每股虧損 0.65 元;\n毛利提升:毛利率 17.3%,上年同期 14%;"
        "預估 15.5%;\n銷量突破:當季汽車交付量 103,181 輛,同比激增 241.6%;"
    )
    got = facts(text, date(2025, 8, 20))
    assert ("xpeng", "deliveries", "2025-Q2", 103_181.0, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2025-Q2", 241.6, "eq") in got


def test_a_run_of_months_said_of_a_count_after_a_change_is_not_the_changes():
    text = (
        "NIO announced on October 1 that it delivered 34,749 vehicles in September, marking a "
        "year-on-year increase of 64.06% and maintaining a delivery volume exceeding 30,000 for "
        "two consecutive months."
    )
    got = facts(text, date(2025, 10, 2))
    assert ("nio", "deliveries_yoy", "2025-09", 64.06, "eq") in got
    assert not any(p == "2025-08" for _, m, p, *_ in got if m == "deliveries_yoy")


def test_a_month_on_month_word_in_the_clause_before_a_change_names_it():
    got = facts(
        "蔚来12月交付48,135辆,同比增长达到 54.6%,环比 11 月的交付量,也有着 32.70% 的可观提升。",
        date(2026, 1, 2),
    )
    assert ("nio", "deliveries_yoy", "2025-12", 54.6, "eq") in got
    assert ("nio", "deliveries_mom", "2025-12", 32.7, "eq") in got


def test_conversions_in_brackets_are_no_items_of_a_respectively_list():
    got = facts(
        "于 2018 年、2019 年及 2020 年以及截至 2021 年第一季度,理想汽车分别产生净亏损 15 亿元、"
        "24 亿元、1.52 亿元 (2314.8 万美元) 及 3.60 亿元 (5494.3 万美元)。",
        date(2021, 8, 13),
    )
    assert ("li-auto", "net_profit", "2018", -1_500_000_000.0, "eq") in got
    assert ("li-auto", "net_profit", "2020", -152_000_000.0, "eq") in got
    assert ("li-auto", "net_profit", "2021-Q1", -360_000_000.0, "eq") in got


def test_a_count_for_the_year_as_of_a_month_runs_from_january_to_it():
    got = facts(
        "Aion sold 28,765 cars in November. As of November, Aion sold a total of 241,149 units "
        "for the year with a 128% YoY increase.",
        date(2022, 12, 2),
    )
    assert ("gac-aion", "sales", "2022-01..2022-11", 241_149.0, "eq") in got
    assert ("gac-aion", "sales_yoy", "2022-01..2022-11", 128.0, "eq") in got


def test_nios_own_words_for_its_namesake_brand_make_its_figure_a_segment():
    text = (
        "Vehicle deliveries were 72,689 in the fourth quarter of 2024, consisting of 52,760 "
        "vehicles from the Company's premium smart electric vehicle brand NIO and 19,929 vehicles "
        "from the Company's family-oriented smart electric vehicle brand ONVO."
    )
    got = facts(text, date(2025, 1, 2))
    assert ("nio", "deliveries", "2024-Q4", 72_689.0, "eq") in got
    assert not any(v == 52_760.0 for *_, v, _ in got)
    text = (
        "Nio delivered 36,275 vehicles in November. Nearly 18,400 units belonged to its core "
        "premium Nio brand. The Onvo brand contributed just under 12,000 deliveries."
    )
    got = facts(text, date(2025, 12, 2))
    assert not any(v == 18_400.0 for *_, v, _ in got)


def test_vehicle_sales_in_money_and_their_change_are_a_segment_of_revenue():
    got = facts(
        "Zeekr reported its third quarter 2024 results. Total revenues increased 30.7% YoY to "
        "RMB18.4 billion, while vehicle sales grew 42% YoY to RMB14.4 billion.",
        date(2024, 11, 20),
    )
    assert ("zeekr", "revenue", "2024-Q3", 18_400_000_000.0, "eq") in got
    assert not any(v in (42.0, 14_400_000_000.0) for *_, v, _ in got)
    got = facts(
        "NIO's total revenue was RMB 19.7 billion in the fourth quarter, and of this, vehicle "
        "sales reached RMB 17.476 billion, up 13.2%.",
        date(2025, 3, 20),
    )
    assert not any(v in (13.2, 17_476_000_000.0) for *_, v, _ in got)


def test_names_in_an_aside_after_the_subject_take_no_figure():
    got = facts(
        "Geely Auto Group, comprising Geely (including Galaxy range), Lynk & Co, and ZEEKR brands, "
        "reported a sales volume of 201,949 units for the month of September, witnessing a YoY "
        "jump of 21%.",
        date(2024, 10, 2),
    )
    assert ("geely", "sales", "2024-09", 201_949.0, "eq") in got
    assert ("geely", "sales_yoy", "2024-09", 21.0, "eq") in got
    assert not any(e == "zeekr" for e, *_ in got)


def test_a_weekday_compared_with_after_shang_dates_no_move():
    got = facts(
        "全A总成交额为10339亿元 较上周五的11826亿元有所缩小。港股汽车类个股大跌,比亚迪股份跌8.6%。",
        date(2025, 5, 26),
    )
    assert ("byd", "share_return", "2025-05-26", -8.6, "eq") in got


def test_a_planned_time_before_a_share_move_is_not_its_time():
    got = facts("理想汽車料首季收入增66%至71%,股價升逾16%。", date(2024, 2, 27))
    assert ("li-auto", "share_return", "2024-02-27", 16.0, "gt") in got


def test_a_tariff_rate_is_no_fact():
    got = facts("恒生科技指数下跌1.2%。特朗普威胁对欧盟加征50%关税。", date(2025, 5, 26))
    assert ("hstech", "index_return", "2025-05-26", -1.2, "eq") in got
    assert not any(abs(v) == 50.0 for *_, v, _ in got)
    got = facts("The Hang Seng Tech index fell 1.2%, after the US imposed a 100% tariff.", date(2025, 5, 26))
    assert not any(abs(v) == 100.0 for *_, v, _ in got)


def test_hong_kongs_vehicle_sales_income_is_a_segment_of_revenue():
    got = facts(
        "極氪第一季度總收益約220.1億元,按年增加1.1%,其中汽車銷售收益約191億元,按年增加16.1%。",
        date(2025, 5, 16),
    )
    assert ("zeekr-group", "revenue", "2025-Q1", 22_010_000_000.0, "approx") in got
    assert not any(v in (19_100_000_000.0, 16.1) for *_, v, _ in got)


def test_crashed_tumbled_and_sank_are_falls():
    for verb in ("crashed", "tumbled", "sank", "shrank", "slipped", "dipped"):
        got = facts(f"BYD sold 122,311 cars in February. Sales {verb} 39.3% year-over-year.")
        assert ("byd", "sales_yoy", "2025-02", -39.3, "eq") in got, verb


def test_a_range_of_months_written_with_zhi_runs_over_them():
    got = facts("今年1至9月，比亞迪累計銷量達326萬輛，按年增長19%。", date(2025, 10, 31))
    assert ("byd", "sales", "2025-01..2025-09", 3260000.0, "eq") in got
    assert ("byd", "sales_yoy", "2025-01..2025-09", 19.0, "eq") in got
    # a range of numbers before a unit is no range of months
    assert ("li-auto", "delivery_target", "2025-Q4", 100000.0, "ge") in facts(
        "理想汽车预计第四季度交付10至11万辆。", date(2025, 10, 31)
    )


def test_within_the_quarter_is_the_quarter_reported_not_one_named_in_passing():
    text = (
        "理想汽車公布今年首季業績,收入按年升36.4%至256.34億元。去年第四季因調整保修成本令比較基數較高。"
        "另外，季內淨利潤按年增加64.6%至30.49億元。"
    )
    got = facts(text, date(2024, 5, 21))
    assert ("li-auto", "net_profit", "2024-Q1", 3049000000.0, "eq") in got
    assert ("li-auto", "net_profit_yoy", "2024-Q1", 64.6, "eq") in got


def test_a_run_of_changes_said_by_nouns_keeps_the_count_of_the_sentence_before():
    text = (
        "SAIC's sales have faced a prolonged downturn, with year-on-year declines of 11.5% in 2019. "
        "Growth resumed in 2021 but stalled, with declines of 3% in 2022 and 5% in 2023."
    )
    got = facts(text, date(2024, 12, 3))
    assert ("saic", "sales_yoy", "2022", -3.0, "eq") in got
    assert ("saic", "sales_yoy", "2023", -5.0, "eq") in got
    assert not any(m == "share_return" for _, m, *_ in got)
    # a verb after a count's change, or a share named, is still a share move
    got = facts("SAIC's sales rose 5% in October. SAIC fell 3% on Monday.", date(2025, 11, 5))
    assert ("saic", "share_return", "2025-11-03", -3.0, "eq") in got
    got = facts(
        "SAIC's sales rose 5% in October. Its shares recorded declines of 3% on Monday.", date(2025, 11, 5)
    )
    assert ("saic", "share_return", "2025-11-03", -3.0, "eq") in got


def test_holding_a_level_is_at_least_it():
    got = facts("小鹏汽车10月交付42,013辆,连续两个月站稳4万辆台阶。", date(2025, 11, 2))
    assert ("xpeng", "deliveries", "2025-09", 40000.0, "ge") in got
    assert ("xpeng", "deliveries", "2025-10", 40000.0, "ge") in got


def test_a_change_whose_own_words_say_mom_stays_mom_after_a_month_compared_with():
    text = (
        "BYD sold 302,459 NEVs in March. The sales rose, compared with February, when the "
        "company's NEV sales crashed 39.3% MoM and 36.8% YoY."
    )
    got = facts(text, date(2024, 4, 1))
    assert ("byd", "sales_mom", "2024-02", -39.3, "eq") in got
    assert ("byd", "sales_yoy", "2024-02", -36.8, "eq") in got


def test_each_inside_a_word_is_no_each_and_two_models_listed_speak_for_their_maker():
    got = facts(
        "Deliveries of Tesla's China-made Model 3 and Model Y vehicles reached 67,886 cars last month."
    )
    assert got == {("tesla", "wholesale", "2025-11", 67886.0, "eq")}  # (China-made: wholesale)
    # "each" itself still gives each model the figure
    got = facts("Tesla's Model 3 and Model Y each sold 30,000 cars last month.")
    assert {e for e, *_ in got} == {"tesla-model-3", "tesla-model-y"}


def test_the_change_of_money_named_by_a_count_word_is_no_count_growth():
    text = (
        "小鵬汽車公布第二季業績。期內,總收入182.74億元,按年上升1.25倍。其中,汽車銷售168.84億元,"
        "增長1.48倍;服務及其他銷售13.91億元,升7.6%。"
    )
    got = facts(text, date(2025, 8, 20))
    assert not any(m == "sales_yoy" for _, m, *_ in got)
    assert ("xpeng", "revenue_yoy", "2025-Q2", 125.0, "eq") in got
    # a count word between the money and the change names the count that changed
    got = facts(
        "零跑汽车一季度营业收入达100.2亿元,同比增长187.1%,主要得益于销量同比大增162%。", date(2025, 5, 20)
    )
    assert ("leapmotor", "sales_yoy", "2025-Q1", 162.0, "eq") in got


def test_an_owners_word_in_the_sentence_before_does_not_make_a_name_an_owner():
    text = "上半年股東淨虧損11.42億元。\n\n對於今年第三季度,小鵬汽車預期,汽車交付量將介乎11.3萬至11.8萬輛。"
    got = facts(text, date(2025, 8, 19))
    assert ("xpeng", "delivery_target", "2025-Q3", 113000.0, "ge") in got
    assert ("xpeng", "delivery_target", "2025-Q3", 118000.0, "le") in got


def test_the_cost_of_a_board_lot_is_no_share_price():
    text = "以聯交所收市價114.4港元計算，比亞迪現時每手500股入場費約5.72萬港元；調整後入場費將降至約1.144萬港元。"
    got = facts(text, date(2025, 8, 30))
    assert not any(v in (57200.0, 11440.0) for *_, v, _ in got)


def test_a_company_the_gazetteer_does_not_know_opening_a_move_takes_its_move():
    text = "汽車股同步走強，吉利汽車漲逾8%。能源板塊活躍，中煤能源漲超5%，兗煤澳大利亞則大漲8.03%。海底撈跌3.79%，申洲國際跌3.64%。"
    got = facts(text, date(2026, 3, 11))
    assert ("geely", "share_return", "2026-03-11", 8.0, "gt") in got
    assert {v for *_, v, _ in got} == {8.0}
    # words of a report before a move are no company (上證綜指微跌, 同比大幅下跌)
    got = facts("小米汽車股價收報40港元。上證綜指微跌0.05%。", date(2026, 3, 11))
    assert not any(v == 0.05 for *_, v, _ in got)


def test_a_move_takes_no_year_from_a_sentence_of_results():
    got = facts("蔚來去年淨利潤達722億元。蔚來股價飆升14%。", date(2026, 3, 11))
    assert ("nio", "share_return", "2026-03-11", 14.0, "eq") in got
    # a year said of a move still is
    got = facts("The Hang Seng Index rose 17.7% in 2024. Tencent gained 44%.", date(2024, 12, 31))
    assert ("tencent", "share_return", "2024", 44.0, "eq") in got


def test_yesterdays_named_in_passing_dates_no_later_move():
    text = "港股主要指數周三 (11 日) 震盪收跌，未能延續昨日的強勢反彈行情。恒生指數全日下跌 0.24%，收報 25,898.76 點。"
    assert ("hsi", "index_return", "2026-03-11", -0.24, "eq") in facts(text, date(2026, 3, 11))
    # yesterday as the time of a move itself still is
    got = facts("恒生指數昨日下跌0.24%。", date(2026, 3, 11))
    assert ("hsi", "index_return", "2026-03-10", -0.24, "eq") in got


def test_the_year_of_an_event_a_span_runs_since_is_no_context_for_later_figures():
    text = "理想汽车第三季度更是自2023年盈利以来首次亏损。汽车总交付量为93,211辆,同比下降39%。"
    got = facts(text, date(2025, 11, 1))
    assert ("li-auto", "deliveries", "2025-Q3", 93211.0, "eq") in got
    assert ("li-auto", "deliveries_yoy", "2025-Q3", -39.0, "eq") in got


def test_the_same_period_a_year_earlier_opening_a_sentence_holds_for_all_of_it():
    got = facts("广汽集团2025年上半年亏损。2024年同期,广汽集团录得归母净利润15.2亿元。", date(2025, 7, 20))
    assert ("gac", "net_profit", "2024-H1", 1520000000.0, "eq") in got
    # inside a sentence it is still its clause's only
    got = facts("广汽集团2025年上半年净利润为8亿元,去年同期为15.2亿元,收入为500亿元。", date(2025, 7, 20))
    assert ("gac", "revenue", "2025-H1", 50000000000.0, "eq") in got


def test_the_same_month_the_previous_year_is_a_year_earlier():
    text = "In February 2025, Tesla's Shanghai plant exported 3,911 vehicles, down 87% from the 30,224 units exported in the same month the previous year."
    got = facts(text, date(2025, 3, 5))
    assert ("tesla", "exports", "2024-02", 30224.0, "eq") in got
    assert ("tesla", "exports", "2025-02", 3911.0, "eq") in got


def test_a_change_from_a_month_named_in_the_next_sentence_is_of_the_count_before():
    text = (
        "In February 2025, Tesla's Shanghai plant exported 3,911 vehicles. "
        "This figure also represents an 86.8% decline from January's export numbers."
    )
    assert ("tesla", "exports_mom", "2025-02", -86.8, "eq") in facts(text, date(2025, 3, 5))


def test_a_month_compared_with_then_described_as_a_month_in_which_dates_what_follows():
    text = "Sales have not been this low since October 2022, a month in which Tesla sold 17,200 vehicles domestically."
    assert ("tesla", "sales", "2022-10", 17200.0, "eq") in facts(text, date(2025, 3, 5))


def test_a_brokers_rating_is_no_share_price():
    text = "Nio shares slipped after the outlook revision, with Morgan Stanley reiterating Overweight at $9."
    assert not any(m == "share_price" for _, m, *_ in facts(text, date(2025, 11, 27)))
    assert ("nio", "share_price", "2025-11-26", 7.0, "eq") in facts(
        "Nio shares closed at $7.", date(2025, 11, 27)
    )  # (Thanksgiving: New York's last session was the day before)


def test_an_article_about_a_unit_naming_its_parent_once_as_a_backer_is_the_units():
    text = (
        "阿维塔向港交所提交上市申请书。作为背靠长安汽车、宁德时代、华为的明星车企,阿维塔选择在岁末冲刺。"
        "阿维塔的产品覆盖多个细分市场。阿维塔计划扩充产品线。\n\n公司计划加快海外布局。市场竞争日趋激烈。"
        "行业价格战持续。消费者更看重性价比。\n\n2025年上半年营业收入达122.08亿元,同期销量为5.67万辆。"
    )
    got = facts(text, date(2025, 11, 28))
    assert ("avatr", "revenue", "2025-H1", 12208000000.0, "eq") in got
    assert ("avatr", "sales", "2025-H1", 56700.0, "eq") in got
    assert not any(e == "changan" for e, *_ in got)


def test_a_parent_named_once_with_two_of_its_brands_is_still_the_articles_subject():
    text = "交付构成包括:NIO品牌36,928辆、ONVO品牌37,656辆、萤火虫品牌12,487辆。\n\n2025年第三季度总营收达到人民币217.939亿元。"
    got = facts(text, date(2025, 11, 25))
    assert ("nio", "revenue", "2025-Q3", 21793900000.0, "eq") in got


def test_a_year_a_rank_is_held_in_dates_no_figure():
    # "its first 40,000+ month in 2025": the year is the scope of the rank; the figure is May's
    text = (
        "Carmakers released May delivery figures on Sunday. "
        "Li Auto delivered 40,856 vehicles, its first 40,000+ month in 2025."
    )
    got = facts(text, date(2025, 6, 1))
    assert ("li-auto", "deliveries", "2025-05", 40856.0, "eq") in got
    assert not any(p == "2025" for _, _, p, *_ in got)
    # a year written as the figure's own time still dates it
    got = facts("Li Auto delivered 500,508 vehicles in 2024, its best year.", date(2025, 6, 1))
    assert ("li-auto", "deliveries", "2024", 500508.0, "eq") in got


def test_a_heading_between_paragraphs_keeps_the_time_written_before_it():
    lead = (
        "On Sunday, carmakers released their May delivery figures. BYD led the field again. "
        "Competition stayed fierce. Price cuts went on. Buyers waited for more.\n\n"
    )
    text = lead + "Startups Race for Share\n\nLeapmotor led the startups, delivering 45,067 vehicles."
    assert ("leapmotor", "deliveries", "2025-05", 45067.0, "eq") in facts(text, date(2025, 6, 1))
    # a paragraph of prose between them is no heading: the time does not carry over it to
    # a sum of money (a vehicle count of a round-up takes it over two such paragraphs)
    prose = lead + (
        "The price war has dragged on for two years, squeezing margins across the industry as "
        "makers cut prices and add features to win buyers in a crowded market.\n\n"
        "Leapmotor's revenue reached 10 billion yuan."
    )
    assert not any(p == "2025-05" for _, _, p, *_ in facts(prose, date(2025, 6, 1)))
    assert any(
        p == "2025-05"
        for _, _, p, *_ in facts(prose.replace("\n\nThe price", " The price"), date(2025, 6, 1))
    )


def test_sales_in_money_is_revenue_and_its_change_the_revenues():
    text = "Geely's 2024 revenue story: sales increased 34 per cent to 240.2 billion yuan, the company said."
    got = facts(text, date(2025, 3, 20))
    assert ("geely", "revenue", "2024", 240200000000.0, "eq") in got
    assert ("geely", "revenue_yoy", "2024", 34.0, "eq") in got
    assert not any(m.startswith("sales") for _, m, *_ in got)
    # vehicle sales in money are one business's takings; SG&A is no revenue
    text = "Li Auto said vehicle sales amounted to RMB24.7 billion in the first quarter of 2025."
    assert not any(m == "revenue" for _, m, *_ in facts(text))
    text = "NIO's sales, general, and administrative expenses totaled RMB 4.18 billion in the third quarter of 2025."
    assert not facts(text)


def test_a_companys_profit_said_plainly_is_its_net_profit():
    text = "Geely's 2024 profit jumped 213 per cent from a year earlier to 16.6 billion yuan."
    got = facts(text, date(2025, 3, 20))
    assert ("geely", "net_profit", "2024", 16600000000.0, "eq") in got
    assert ("geely", "net_profit_yoy", "2024", 213.0, "eq") in got
    text = "NIO expects a profit from operations of about 200 million yuan in the fourth quarter of 2025."
    assert not any(m.startswith("net_profit") for _, m, *_ in facts(text, date(2026, 2, 5)))


def test_the_benchmark_hong_kong_index_is_the_hang_seng():
    text = "Geely's shares rose 1.5 per cent on Thursday. The benchmark Hong Kong Index has advanced 20 per cent in 2025."
    got = facts(text, date(2025, 3, 20))
    assert ("hsi", "index_return", "2025-01-01..2025-03-20", 20.0, "eq") in got
    assert not any(e == "geely" and v == 20.0 for e, _, _, v, _ in got)


def test_a_change_compared_with_a_months_figure_named_by_its_noun_is_month_on_month():
    text = "BYD's overall exports fell by 51% year-on-year to 100,482 units in January, and were down by almost 25% compared with shipments in December."
    got = facts(text, date(2026, 2, 2))
    assert ("byd", "exports_mom", "2026-01", -25.0, "lt") in got
    assert ("byd", "exports_yoy", "2026-01", -51.0, "eq") in got


def test_delivery_goals_are_a_target():
    text = "Xpeng revealed 2026 delivery goals of 550,000 to 600,000 vehicles, representing up to 40% growth."
    got = facts(text, date(2026, 1, 5))
    assert ("xpeng", "delivery_target", "2026", 550000.0, "ge") in got
    assert ("xpeng", "delivery_target", "2026", 600000.0, "le") in got
    assert not any(m == "deliveries" for _, m, *_ in got)


def test_a_change_said_with_le_and_a_car_sold_as_maiche():
    got = facts("长城汽车12月卖了12.4万辆,比去年同期降了8.3%。", date(2026, 1, 5))
    assert ("gwm", "sales_yoy", "2025-12", -8.3, "eq") in got
    got = facts("比亚迪12月销量42万辆,不过同比掉了约18%。", date(2026, 1, 5))
    assert ("byd", "sales_yoy", "2025-12", -18.0, "approx") in got
    got = facts("吉利12月卖车23.7万辆,比去年涨13%。", date(2026, 1, 5))
    assert ("geely", "sales", "2025-12", 237000.0, "eq") in got
    assert ("geely", "sales_yoy", "2025-12", 13.0, "eq") in got
    got = facts("奇瑞12月只卖出了23.2万辆,相比去年同期的27.5万辆缩水16%。", date(2026, 1, 5))
    assert ("chery", "sales_yoy", "2025-12", -16.0, "eq") in got
    # a market value that shrank is still no fact
    assert not facts("小米市值缩水超过5300亿港元。", date(2025, 11, 20))


def test_annual_revenue_in_a_quarters_report_is_the_years():
    text = (
        "XPeng reported results for the fourth quarter of 2024. Q4 gross margin improved to 14.4%. "
        "Deliveries rose, with annual revenues of RMB40.87 billion, representing a 33.2% increase."
    )
    got = facts(text, date(2025, 3, 18))
    assert ("xpeng", "revenue", "2024", 40870000000.0, "eq") in got
    assert ("xpeng", "revenue_yoy", "2024", 33.2, "eq") in got


def test_total_export_sales_are_exports():
    got = facts(
        "长城汽车2025Q1公司总销量27.5万台、同比-7%,其中出口总销量9.1万台、同比下降2%。", date(2025, 4, 30)
    )
    assert ("gwm", "exports", "2025-Q1", 91000.0, "eq") in got
    assert ("gwm", "exports_yoy", "2025-Q1", -2.0, "eq") in got
    assert ("gwm", "sales", "2025-Q1", 275000.0, "eq") in got


def test_every_name_of_a_list_after_a_word_of_comparison_is_a_point_of_comparison():
    text = "零跑汽车2024年总销量高于蔚来、小鹏和极氪等品牌;其中第四季度月均销量超过4万台。"
    got = facts(text, date(2025, 3, 20))
    assert not any(e in ("nio", "xpeng", "zeekr") for e, *_ in got)
    assert ("leapmotor", "sales", "2024-Q4", 40000.0, "gt") in got
    # a comma between clauses joins no list: the name after it is the subject again
    text = "比亚迪半年收入超过特斯拉，特斯拉上半年营业收入为418亿美元。"
    assert ("tesla", "revenue", "2025-H1", 41800000000.0, "eq") in facts(text, date(2025, 8, 30))


def test_last_years_annual_sales_crown_names_no_year_for_the_month_after():
    text = "相较之下，去年的年度销冠零跑汽车，虽在1月实现27%的同比增长，交付量超过3.2万台。"
    assert ("leapmotor", "deliveries", "2026-01", 32000.0, "gt") in facts(text, date(2026, 2, 2))


def test_the_whole_years_goal_early_in_the_year_is_this_years():
    text = "小米创办人雷军表示，目前的交付重点已转向YU7，并维持全年55万辆的高交付目标。"
    assert ("xiaomi", "delivery_target", "2026", 550000.0, "eq") in facts(text, date(2026, 2, 2))
    # the whole year's result early in the year is still the year just ended
    text = "小米汽车全年交付41万辆。"
    assert ("xiaomi-su7-yu7", "deliveries", "2025", 410000.0, "eq") in facts(text, date(2026, 1, 2))


def test_qi_opening_a_clause_is_the_sentences_subject():
    text = "零跑在2025年曾创下连续十个月蝉联销冠的纪录，如今虽然遭遇鸿蒙与小米的夹击，但其年销百万的目标仍显示出品牌野心。"
    got = facts(text, date(2026, 2, 2))
    assert ("leapmotor", "delivery_target", "2026", 1000000.0, "eq") in got
    assert not any(e == "xiaomi" for e, *_ in got)
    # 其中 is no 其: the name said last keeps its figure
    got = facts("小米汽车1月交付3.9万辆，其中小米YU7交付2.5万辆。", date(2026, 2, 2))
    assert ("xiaomi-yu7", "deliveries", "2026-01", 25000.0, "eq") in got


def test_a_month_after_a_goal_being_met_is_no_month_to_come():
    text = "汽车制造商开始为完成年度目标做最后冲刺，特斯拉上海工厂9月出货量成长至9万812辆汽车，年增2.8%。"
    got = facts(text, date(2025, 10, 10))
    assert ("tesla", "wholesale", "2025-09", 90812.0, "eq") in got
    assert ("tesla", "wholesale_yoy", "2025-09", 2.8, "eq") in got
    # a goal still to be met puts the month after it ahead
    text = "小米计划今年目标交付35万辆，12月交付4万辆。"
    assert ("xiaomi", "delivery_target", "2025-12", 40000.0, "eq") in facts(text, date(2025, 10, 10))


def test_an_english_ordinal_is_a_milestone_not_a_figure():
    text = (
        "Voyah is Dongfeng's premium EV brand. The company reached its 100,000th vehicle production "
        "milestone in April 2024 and saw its 200,000th vehicle roll off the production line this April."
    )
    assert not facts(text, date(2025, 6, 1))
    got = facts("Voyah delivered 10,022 vehicles in May, its 21st month of growth.", date(2025, 6, 1))
    assert got == {("voyah", "deliveries", "2025-05", 10022.0, "eq")}


def test_an_earlier_expectation_is_a_target_and_ciqian_is_no_first():
    text = "理想汽车预计2024年一季度的车辆交付量为76000至78000辆,低于此前10万至10.3万辆的预期。"
    got = facts(text, date(2024, 3, 22))
    assert ("li-auto", "delivery_target", "2024-Q1", 100000.0, "ge") in got
    assert ("li-auto", "delivery_target", "2024-Q1", 103000.0, "le") in got
    assert not any(m == "deliveries" for _, m, *_ in got)
    # 前 alone is still "the first": no figure
    assert not facts("小米汽车前50万辆用了2年。", date(2025, 6, 1))


def test_an_ambiguous_name_in_a_list_of_makers_is_the_maker_and_conversions_are_no_items():
    text = (
        "目前,蔚来、小鹏、理想在美股的市值分别为105.8亿美元(约合人民币764.37亿元)、"
        "73.03亿美元(约合人民币527.62亿元)、283.2亿美元(约合人民币2046.04亿元),极氪还有一些差距。"
    )
    got = facts(text, date(2024, 5, 12))
    assert ("nio", "market_cap", "2024-05-12", 10580000000.0, "eq") in got
    assert ("xpeng", "market_cap", "2024-05-12", 7303000000.0, "eq") in got
    assert ("li-auto", "market_cap", "2024-05-12", 28320000000.0, "eq") in got
    # alone, 理想 is still a word ("an ideal"), no maker
    assert not facts("这是一个理想的结果,市值达到105.8亿美元。", date(2024, 5, 12))


def test_a_round_up_of_counts_keeps_the_month_over_paragraphs_naming_no_time():
    lead = (
        "On Sunday, carmakers released their May delivery figures. BYD led the field again. "
        "Competition stayed fierce. Price cuts went on. Buyers waited for more.\n\n"
    )
    middle = "Leapmotor led the startups with strong growth, and Li Auto followed closely behind it in the ranking.\n\n"
    text = lead + middle + "NIO shipped 23,231 units across its premium lineup."
    assert ("nio", "deliveries", "2025-05", 23231.0, "eq") in facts(text, date(2025, 6, 1))
    # three paragraphs naming no time are too many to carry the month over, unless the
    # sentence is one of the round-up's own (a maker, its count's verb, the count), whose
    # month is the one the article reports
    text = lead + middle * 3 + "Across its premium lineup, NIO's total came to 23,231 units."
    assert not any(p == "2025-05" for _, _, p, *_ in facts(text, date(2025, 6, 1)))
    text = lead + middle * 3 + "NIO shipped 23,231 units across its premium lineup."
    assert ("nio", "deliveries", "2025-05", 23231.0, "eq") in facts(text, date(2025, 6, 1))


def test_a_monthly_figure_is_each_month_only_of_a_range_in_its_own_sentence():
    text = (
        "BYD's PHEVs drove a 38.7% YoY increase in cumulative Jan-May sales (1.76 million units). "
        "Li Auto's CEO noted refreshed models are accelerating order growth, projecting monthly "
        "deliveries of its flagship MEGA to hit 2,500–3,000 units."
    )
    got = facts(text, date(2025, 6, 1))
    assert not any(e == "li-auto" and len(p) == 7 for e, _, p, *_ in got)  # no month of the range
    text = "From January to May 2025, Li Auto delivered more than 30,000 vehicles each month."
    got = facts(text, date(2025, 6, 1))
    assert {p for e, m, p, *_ in got if e == "li-auto"} == {f"2025-0{k}" for k in range(1, 6)}


def test_a_year_after_since_in_a_superlative_dates_no_figure():
    text = (
        "Li Auto posted an adjusted net loss of RMB359.7 million for the third quarter of 2025. "
        "Total revenue plunged 36% year-over-year to $3.8 billion, the steepest drop since the "
        "company's 2020 U.S. listing, weighed down by a 39% decline in vehicle deliveries to 93,211 units."
    )
    got = facts(text, date(2025, 11, 26))
    assert ("li-auto", "deliveries", "2025-Q3", 93211.0, "eq") in got
    assert not any(p == "2020" for _, _, p, *_ in got)


def test_the_months_result_opening_a_paragraph_is_the_figure_just_given():
    text = (
        "Tesla China recorded wholesale sales of 97,171 vehicles in December.\n\n"
        "The December result represents a 3.63% increase year-over-year and a 12.08% jump from November's 86,700 vehicles."
    )
    got = facts(text, date(2026, 1, 5))
    assert ("tesla", "wholesale_yoy", "2025-12", 3.63, "eq") in got
    assert ("tesla", "wholesale_mom", "2025-12", 12.08, "eq") in got


def test_the_items_of_a_list_closed_by_deng_are_examples_unless_each_is_said():
    text = "鸿蒙智行在1月份凭借问界、智界、享界等多品牌的布局,累计交付量超过5.7万台,同比大幅增长65.6%。"
    got = facts(text, date(2026, 2, 2))
    assert ("hima", "deliveries", "2026-01", 57000.0, "gt") in got
    assert not any(e in ("aito", "luxeed", "stelato") for e, *_ in got)
    text = "2024年,蔚来、小鹏、理想汽车等新势力的销量也均同比至少增长30%。"
    got = facts(text, date(2025, 1, 10))
    assert {e for e, *_ in got} >= {"nio", "xpeng", "li-auto"}


def test_the_day_a_sum_or_rate_was_announced_on_does_not_date_it():
    text = (
        "Great Wall Motor has published its results for the year 2024.\n\n"
        "On March 28, 2025, the carmaker said its net profit rose 80% to 12.69 billion yuan. "
        "Its revenue climbed 16% to 202.2 billion yuan."
    )
    got = facts(text, date(2025, 3, 29))
    assert ("gwm", "net_profit", "2024", 12.69e9, "eq") in got
    assert ("gwm", "net_profit_yoy", "2024", 80.0, "eq") in got
    assert ("gwm", "revenue", "2024", 202.2e9, "eq") in got
    assert not any(p == "2025-03-28" for _, _, p, *_ in got)


def test_a_count_may_still_be_of_the_day_named():
    text = "Xiaomi reported strong results for 2024. On May 27, 2025, its SU7 had delivered more than 258,000 cars in total."
    got = facts(text, date(2025, 5, 28))
    assert ("xiaomi-su7", "deliveries", "2025-05-27", 258000.0, "gt") in got


def test_figures_after_the_announcement_day_take_the_span_the_article_reports():
    text = (
        "Great Wall Motor has published its results for the year 2024.\n\n"
        "On March 28, 2025, the carmaker announced them in Baoding. The chairman spoke first. "
        "He thanked the staff. He took questions.\n\n"
        "Its revenue climbed 16% to 202.2 billion yuan. It sold 1.23 million vehicles, up 0.1%."
    )
    got = facts(text, date(2025, 3, 29))
    assert ("gwm", "revenue", "2024", 202.2e9, "eq") in got
    assert ("gwm", "sales", "2024", 1.23e6, "eq") in got
    assert not any(p == "2025-03-28" for _, _, p, *_ in got)


def test_export_wholesale_is_exports_and_the_previous_year_is_a_year_earlier():
    text = (
        "In 2024, Geely's total export wholesale volume reached 414,522 units. "
        "Zeekr saw its deliveries skyrocket by 87%. "
        "Geely cut its net loss to 6.42 billion yuan from 8.35 billion yuan the previous year."
    )
    got = facts(text, date(2025, 3, 20))
    assert ("geely", "exports", "2024", 414522.0, "eq") in got
    assert ("zeekr", "deliveries_yoy", "2024", 87.0, "eq") in got
    assert ("geely", "net_profit", "2023", -8.35e9, "eq") in got


def test_operating_income_in_yuan_is_revenue_unless_a_loss_is_named():
    text = "In the third quarter of 2024, Changan achieved an operating income of 38.5 billion yuan, a year-on-year decrease of 4.2%."
    got = facts(text, date(2024, 10, 30))
    assert ("changan", "revenue", "2024-Q3", 38.5e9, "eq") in got
    assert ("changan", "revenue_yoy", "2024-Q3", -4.2, "eq") in got
    text = "In the third quarter of 2024, NIO posted an operating income of RMB120 million, compared to losses a year earlier."
    assert not any(m.startswith("revenue") for _, m, *_ in facts(text, date(2024, 10, 30)))
    text = "In 2024, Tesla reported operating income of $7.1 billion."
    assert not facts(text, date(2025, 1, 30))


def test_a_half_year_report_is_of_the_first_half():
    text = (
        "Changan's semi - annual financial report in 2025 was released on Friday.\n\n"
        "During the reporting period, the group's revenue was 72.4 billion yuan, up from 70.1 billion yuan in the same period last year."
    )
    got = facts(text, date(2025, 9, 1))
    assert ("changan", "revenue", "2025-H1", 72.4e9, "eq") in got
    assert ("changan", "revenue", "2024-H1", 70.1e9, "eq") in got
    got = facts(
        "In its 2025 interim results, Geely reported revenue of 150.3 billion yuan.", date(2025, 9, 1)
    )
    assert got == {("geely", "revenue", "2025-H1", 150.3e9, "eq")}
    # an interim officer is no half year
    got = facts("The interim chief of Geely said revenue reached 150 billion yuan in 2025.", date(2025, 9, 1))
    assert got == {("geely", "revenue", "2025", 150e9, "eq")}


def test_a_segment_word_governs_its_own_count_only():
    text = "In 2024, Changan's NEV sales soared 52 percent to 735,000 and exports 47 percent to 536,000."
    got = facts(text, date(2025, 1, 5))
    assert ("changan", "exports", "2024", 536000.0, "eq") in got
    assert ("changan", "exports_yoy", "2024", 47.0, "eq") in got
    assert not any(v == 735000.0 for *_, v, _ in got)  # the NEVs of a maker selling fuel cars too
    text = "In May 2025, Leapmotor delivered 45,067 battery car and PHEV units, a 148% YoY increase."
    assert ("leapmotor", "deliveries", "2025-05", 45067.0, "eq") in facts(text, date(2025, 6, 2))
    text = "In 2024, passenger vehicles drove the growth, as Chery reported a total sales volume of 2.6 million units."
    assert ("chery", "sales", "2024", 2.6e6, "eq") in facts(text, date(2025, 1, 5))


def test_a_forecast_before_a_word_of_reporting_is_not_the_reports():
    text = "*料首季收入增最多1.4倍* 小鵬汽車公布,截至去年12月31日止年度,虧損收窄至57.9億元人民幣。"
    assert ("xpeng", "net_profit", "2024", -5.79e9, "eq") in facts(text, date(2025, 3, 19))
    # a forecast after the word of reporting still is one
    assert not facts("小鹏公布业绩,预计首季收入增最多1.4倍至150亿元。", date(2025, 3, 19))


def test_a_full_year_figure_in_the_first_months_is_of_the_year_just_over():
    text = "廣汽最近發佈的財報:全年合併口徑營收 1078 億元,同比下降 17%。"
    got = facts(text, date(2025, 4, 2))
    assert ("gac", "revenue", "2024", 107.8e9, "eq") in got
    assert ("gac", "revenue_yoy", "2024", -17.0, "eq") in got
    # a target for the full year is the running year's; a year named is kept
    assert ("gac", "delivery_target", "2025", 2.3e6, "eq") in facts(
        "广汽今年全年销量目标230万辆。", date(2025, 4, 2)
    )
    got = facts("长城汽车发布2025年财报,全年营收2100亿元。", date(2025, 12, 30))
    assert ("gwm", "revenue", "2025", 210e9, "eq") in got


def test_a_target_revised_to_another_figure_gives_a_target_for_each():
    text = "依高階主管李雲飛說法，比亞迪已將 2025 年銷量預期由原先的 550 萬輛，下修至 460 萬輛。"
    got = facts(text, date(2025, 10, 30))
    assert got == {
        ("byd", "delivery_target", "2025", 5.5e6, "eq"),
        ("byd", "delivery_target", "2025", 4.6e6, "eq"),
    }
    # a sale figure after one that was no plan stays a sale figure
    got = facts(
        "BYD sold 3.02 million cars in 2023, and raised that to 4.27 million in 2024.", date(2025, 1, 5)
    )
    assert ("byd", "sales", "2024", 4.27e6, "eq") in got


def test_hong_kong_profit_words_a_bare_quarter_and_an_outcome_against_expectations():
    text = "比亞迪三季純利約78.2億元人民幣，按年跌32.6%，遜預期的96.2億元人民幣，扣除非經常性損益之純利68.9億元人民幣，跌36.7%。"
    got = facts(text, date(2025, 10, 31))
    assert ("byd", "net_profit", "2025-Q3", 7.82e9, "approx") in got
    assert ("byd", "net_profit", "2025-Q3", 6.89e9, "eq") in got
    assert not any(v == 9.62e9 for *_, v, _ in got)  # the expected figure
    got = facts("吉利2024年歸屬本公司股權持有人溢利為166.3億元,同比增長213%。", date(2025, 3, 21))
    assert ("geely", "net_profit", "2024", 16.63e9, "eq") in got
    # three quarters in a row are no quarter
    assert not facts("蔚来连续三季亏损超过50亿元。", date(2025, 10, 31))


def test_a_flattened_table_of_a_metric_and_its_periods_over_a_line_of_figures():
    text = (
        "NIO Inc. reported its results.\n"
        "Deliveries | FY2024 | 2024 Q4 | 2024 Q3 | ||||\n"
        "221,970 | 72,689 | 61,855 | |||||\n"
    )
    got = facts(text, date(2025, 3, 21))
    assert {
        ("nio", "deliveries", "2024", 221970.0, "eq"),
        ("nio", "deliveries", "2024-Q4", 72689.0, "eq"),
        ("nio", "deliveries", "2024-Q3", 61855.0, "eq"),
    } <= got
    # a line of fewer figures than periods is no row of the table
    short = text.replace("221,970 | 72,689 | 61,855", "221,970 | 72,689")
    assert ("nio", "deliveries", "2024-Q4", 72689.0, "eq") not in facts(short, date(2025, 3, 21))


def test_a_flattened_table_with_spaces_between_its_cells():
    text = (
        "理想汽车公布2023年第三季度业绩。\n"
        "配送 2023 Q3 2023 Q2 2023 Q1 2022 Q4\n"
        "105,108 86,533 52,584 46,319\n"
    )
    got = facts(text, date(2023, 11, 9))
    assert {
        ("li-auto", "deliveries", "2023-Q3", 105108.0, "eq"),
        ("li-auto", "deliveries", "2023-Q2", 86533.0, "eq"),
        ("li-auto", "deliveries", "2022-Q4", 46319.0, "eq"),
    } <= got
    # a line with a word between the figures is prose, not a row
    prose = text.replace("105,108 86,533", "105,108 and 86,533")
    assert ("li-auto", "deliveries", "2023-Q2", 86533.0, "eq") not in facts(prose, date(2023, 11, 9))


def test_a_conjunction_is_no_part_of_an_unknown_makers_name():
    # "上市或集团收购" holds no maker "市或集团": the figure after it stays with 广汽埃安
    text = "广汽埃安表示,未来可能通过上市或集团收购等方式进行资本运作。2023年销量达48万辆,同比增长77%。"
    got = facts(text, date(2025, 6, 20))
    assert ("gac-aion", "sales", "2023", 480000.0, "eq") in got


def test_a_list_whose_intro_names_no_metric_takes_the_count_named_before_it():
    text = (
        "XPeng delivered 36,728 vehicles in November, with the Mona M03 the top seller. "
        "Launched in August 2024, the sedan marked its 15th straight month above 10,000 units.\n\n"
        "Key highlights:\n\n"
        "  • Mona M03: 14,886 units, +24.44% YoY but -9.36% MoM.\n"
    )
    got = facts(text, date(2025, 12, 9))
    assert ("xpeng-mona-m03", "deliveries", "2025-11", 14886.0, "eq") in got
    # the launch month is when an event happened, no figure's span
    assert ("xpeng-mona-m03", "deliveries_yoy", "2025-11", 24.44, "eq") in got
    assert not any(f[2] == "2024-08" for f in got)


def test_a_conversion_into_another_dollar_is_no_fact():
    text = (
        "BYD's profit dropped last quarter. Net income was down 29.9% year-over-year to "
        "CN¥6.36 billion (US$892 million, A$1.36 billion). Revenue was up 14% to ¥200.9 billion."
    )
    got = facts(text, date(2025, 8, 30))
    assert ("byd", "net_profit", "2025-Q2", 6.36e9, "eq") in got
    assert ("byd", "revenue", "2025-Q2", 200.9e9, "eq") in got
    assert not any(f[3] == 1.36e9 for f in got)


def test_a_run_of_sentences_of_marks_passed_carries_the_count_named_first():
    text = (
        "Several Chinese brands published their November sales. "
        "Hongmeng Intelligent Driving led with over 80,000 units sold. "
        "Leapmotor surpassed the 70,000-unit mark. "
        "Xiaomi continued to exceed the 40,000-unit threshold."
    )
    got = facts(text, date(2025, 12, 2))
    assert {
        ("hima", "sales", "2025-11", 80000.0, "gt"),
        ("leapmotor", "sales", "2025-11", 70000.0, "gt"),
        ("xiaomi-su7-yu7", "sales", "2025-11", 40000.0, "gt"),
    } <= got
    # a sentence between holding no count breaks the run
    broken = text.replace("Leapmotor surpassed the 70,000-unit mark.", "Leapmotor gained ground.")
    assert not any(f[0] == "xiaomi-su7-yu7" for f in facts(broken, date(2025, 12, 2)))


def test_a_bare_yi_right_before_a_money_word_is_yuan():
    got = facts("蔚来公布2024年业绩,全年录得149.426亿的净亏损,同比收窄。", date(2025, 3, 21))
    assert ("nio", "net_profit", "2024", -14942600000.0, "eq") in got
    # a bare 亿 before a word that is no money metric stays no amount
    assert not facts("蔚来公布2024年业绩,全年录得149.426亿的交付。", date(2025, 3, 21))


def test_a_count_since_an_event_is_a_running_total_of_the_day():
    text = "问界M9于2024年2月开启交付。目前M9大定量已超6万台,而自交付以来,总量达到了1.1万台。"
    got = facts(text, date(2024, 4, 2))
    assert ("aito-m9", "deliveries", "2024-04-02", 11000.0, "eq") in got


def test_the_chinese_group_is_the_article_maker_not_the_rival_named_last():
    text = (
        "Xiaomi launched the YU7 on Thursday. Xiaomi said it received 200,000 pre-orders for it, "
        "Xiaomi's record, threatening BYD, Tesla and other "
        "carmakers. The Chinese group's Hong Kong-listed shares "
        "closed up 3.6 per cent on Friday."
    )
    got = facts(text, date(2025, 6, 27))
    assert ("xiaomi", "share_return", "2025-06-27", 3.6, "eq") in got


def test_changes_after_a_total_against_a_dated_month_and_the_month_before():
    text = (
        "Great Wall Motors sold 101,020 vehicles in total in May. This is a 26.18% increase "
        "from May 2022 and an 8.5% increase from the 93,107 units reported in April."
    )
    got = facts(text, date(2023, 6, 9))
    assert {
        ("gwm", "sales_yoy", "2023-05", 26.18, "eq"),
        ("gwm", "sales_mom", "2023-05", 8.5, "eq"),
        ("gwm", "sales", "2023-04", 93107.0, "eq"),
    } <= got
    # a change said to be year on year stays so, a figure of the month before after it or not
    # (Tesla China's: its wholesale, as the sentence before says)
    yoy = "Tesla China sold 93,843 vehicles in December. The result is a 3.63% increase year-over-year and a 12.08% jump from November's 86,700 vehicles."
    assert ("tesla", "wholesale_yoy", "2025-12", 3.63, "eq") in facts(yoy, date(2026, 1, 5))


def test_a_running_total_before_a_target_word_is_a_target():
    text = (
        "2024年第二季度,Xiaomi SU7系列交付新车达27,307辆。"
        "小米集团表示,预计将于2024年11月提前完成Xiaomi SU7系列累计交付新车100,000辆的目标,"
        "并将冲刺2024年全年Xiaomi SU7系列累计交付新车120,000辆的新目标。"
    )
    got = facts(text, date(2024, 8, 21))
    assert ("xiaomi", "delivery_target", "2024-11", 100000.0, "eq") in got
    assert any(f[1] == "delivery_target" and f[3] == 120000.0 for f in got)  # (的新目标)
    # a running total with no target word after it stays one
    done = facts("截至2024年11月13日,Xiaomi SU7累计交付新车100,000辆。", date(2024, 11, 14))
    assert ("xiaomi-su7", "deliveries", "2024-11-13", 100000.0, "eq") in done


def test_a_models_share_of_its_total_gives_the_total_to_the_maker():
    text = "XPeng's Mona M03 delivered 14,886 units in November 2025, commanding 40.53% of its 36,728 total."
    got = facts(text, date(2025, 12, 9))
    assert ("xpeng", "deliveries", "2025-11", 36728.0, "eq") in got
    assert ("xpeng-mona-m03", "deliveries", "2025-11", 36728.0, "eq") not in got


def test_a_share_of_a_whole_market_named_is_a_market_share():
    text = "今年首季比亞迪私家車登記量佔全港電動車總量36%。"
    assert ("byd", "market_share", "2025-Q1", 36.0, "eq") in facts(text, date(2025, 7, 2))
    # a share of the maker's own total stays no fact
    assert not facts("今年首季比亞迪純電車佔總銷量36%。", date(2025, 7, 2))


def test_a_word_describing_the_company_is_no_segment_and_a_stated_run_counts_back():
    text = (
        "Chinese smartphone maker Xiaomi sold a record 48,654 electric vehicles last month. "
        "That brings its year-to-date sales through October to 315,376 units, as it clips along "
        "above the 40,000 mark for a second month in a row."
    )
    got = facts(text, date(2025, 11, 12))
    assert ("xiaomi-su7-yu7", "sales", "2025-10", 48654.0, "eq") in got
    # "a second month in a row": September and October, not every month of the year so far
    runs = sorted(f[2] for f in got if f[3] == 40000.0)
    assert runs == ["2025-09", "2025-10"]
    # a segment named as such still is one
    assert not any(
        f[3] == 20000.0
        for f in facts("Xiaomi's smartphone sales rose to 20,000 units in October.", date(2025, 11, 12))
    )


def test_a_plants_sales_over_months_are_its_wholesale():
    text = "In the first two months of 2025, Tesla's Shanghai plant sold a total of 93,926 vehicles."
    assert ("tesla", "wholesale", "2025-01..2025-02", 93926.0, "eq") in facts(text, date(2025, 3, 4))


def test_a_plans_own_figure_is_a_target_even_when_met():
    text = "NIO hit its guidance of between 61,000 and 63,000 vehicle deliveries in the third quarter."
    got = facts(text, date(2024, 10, 2))
    assert ("nio", "delivery_target", "2024-Q3", 61000.0, "ge") in got
    assert ("nio", "delivery_target", "2024-Q3", 63000.0, "le") in got
    # a target met, then an outcome: the outcome is no target
    met = facts(
        "NIO beat its guidance and delivered 61,855 vehicles in the third quarter.", date(2024, 10, 2)
    )
    assert ("nio", "deliveries", "2024-Q3", 61855.0, "eq") in met


def test_an_ordinal_run_set_off_after_a_count_gives_each_month():
    text = "NIO delivered over 20,000 vehicles in September, its fifth straight month crossing the mark."
    got = facts(text, date(2024, 10, 2))
    months = sorted(f[2] for f in got if f[3] == 20000.0 and f[1] == "deliveries")
    assert months == ["2024-05", "2024-06", "2024-07", "2024-08", "2024-09"]
    # a change's run is the trend's, not the change's
    fell = facts(
        "BYD's sales fell by 30.1 per cent in January from a year earlier, the fifth straight month of decline.",
        date(2025, 2, 8),
    )
    assert sorted(f[2] for f in fell if f[3] == -30.1) == ["2025-01"]


def test_analysts_figure_named_after_it_is_no_fact():
    got = facts(
        "Xiaomi reported revenue of 111.3 billion yuan for the first quarter, beating the "
        "107.6 billion yuan average of estimates compiled by LSEG.",
        date(2025, 5, 28),
    )
    assert got == {("xiaomi", "revenue", "2025-Q1", 111.3e9, "eq")}
    got = facts(
        "Li Auto's net profit rose to 9.2 billion yuan in the fourth quarter, above the "
        "8.5 billion yuan analysts polled by Visible Alpha had forecast.",
        date(2025, 3, 14),
    )
    assert got == {("li-auto", "net_profit", "2024-Q4", 9.2e9, "eq")}
    # estimates named after a count, not after its figure, leave it a fact
    got = facts("BYD sold 300,000 cars in March, above estimates.", date(2025, 4, 2))
    assert got == {("byd", "sales", "2025-03", 300000.0, "eq")}


def test_a_profit_per_car_sold_is_no_profit():
    got = facts(
        "BYD's net profit per unit fell to 5,550 yuan in the second quarter from 9,147 yuan "
        "in the first quarter.",
        date(2025, 8, 30),
    )
    assert got == set()


def test_the_period_reported_after_the_first_months_of_a_year_is_those_months():
    got = facts(
        "小米公布，截至2025年9月30日止第三季純利122.7億元。首三季純利351億元，期內收入3403.7億元，升32.5%。",
        date(2025, 11, 18),
    )
    assert ("xiaomi", "revenue", "2025-01..2025-09", 340.37e9, "eq") in got
    assert ("xiaomi", "revenue_yoy", "2025-01..2025-09", 32.5, "eq") in got
    assert ("xiaomi", "net_profit", "2025-Q3", 12.27e9, "eq") in got


def test_the_same_period_a_year_before_the_first_months_of_a_year_is_those_months_then():
    got = facts(
        "From January to November, BYD sold 4,182,038 vehicles, compared with 3,011,000 in "
        "the same period last year.",
        date(2025, 12, 5),
    )
    assert got == {
        ("byd", "sales", "2025-01..2025-11", 4182038.0, "eq"),
        ("byd", "sales", "2024-01..2024-11", 3011000.0, "eq"),
    }
    got = facts("比亚迪1-11月销量418万辆，去年同期为301万辆。", date(2025, 12, 5))
    assert ("byd", "sales", "2024-01..2024-11", 3010000.0, "eq") in got


def test_teslas_china_made_cars_sold_are_its_wholesale():
    got = facts("Tesla sold 30,688 China-made vehicles in February, down 49.2% from a year earlier.")
    assert got == {
        ("tesla", "wholesale", "2025-02", 30688.0, "eq"),
        ("tesla", "wholesale_yoy", "2025-02", -49.2, "eq"),
    }


def test_a_metric_word_in_brackets_after_another_is_a_gloss_of_it():
    got = facts(
        "Seres saw its January deliveries (sales) increase year-on-year by 104.85%.", date(2026, 2, 5)
    )
    assert got == {("seres", "deliveries_yoy", "2026-01", 104.85, "eq")}


def test_a_brand_after_its_makers_possessive_is_the_subject_left_for_the_next_sentence():
    got = facts(
        "GAC's Aion achieved success by selling 46,000 vehicles in December 2023. The cumulative "
        "sales for the year surpassed 480,000 vehicles, marking a 77 percent year-on-year surge.",
        date(2024, 1, 3),
    )
    assert ("gac-aion", "sales", "2023", 480000.0, "gt") in got
    assert not any(e == "gac" for e, *_ in got)


def test_the_nth_week_of_a_year_is_its_days_in_brackets_or_its_iso_week():
    got = facts(
        "1月16日,理想汽车发布2024年第二周(1.8-1.14)新能源汽车品牌周销量排行榜,问界凭借0.68万辆的销量"
        "蝉联新能源车品牌周销量榜首。2024年首周新能源汽车品牌周销量排行榜中,AITO问界系列销量0.59万辆。",
        date(2024, 1, 22),
    )
    assert got == {
        ("aito", "insurance_registrations", "2024-01-08..2024-01-14", 6800.0, "eq"),
        ("aito", "insurance_registrations", "2024-01-01..2024-01-07", 5900.0, "eq"),
    }


def test_a_minus_before_a_profit_is_a_loss():
    got = facts("广汽集团上半年归母净利润为-25.38亿元。", date(2025, 8, 30))
    assert got == {("gac", "net_profit", "2025-H1", -2.538e9, "eq")}
    got = facts(
        "In the second half of 2024, GAC's net profit attributable to shareholders was -693 million yuan.",
        date(2025, 8, 30),
    )
    assert got == {("gac", "net_profit", "2024-H2", -693e6, "eq")}


def test_a_threshold_written_with_its_metric_joined_is_crossed():
    got = facts("Li Auto topped the 40,000-delivery mark in May.", date(2025, 6, 2))
    assert got == {("li-auto", "deliveries", "2025-05", 40000.0, "gt")}
    got = facts("The growth was enough to put NIO over the 20,000-sales threshold in May.", date(2025, 6, 2))
    assert {b for *_, b in got} == {"gt"}


def test_a_price_recently_quoted_or_a_move_by_midday_is_no_close():
    assert (
        facts("The stock was recently 6.5% higher at 117.00 Hong Kong dollars on Monday.", date(2025, 6, 3))
        == set()
    )
    assert facts("The Hang Seng Index rose 1.1% by midday on Monday.", date(2025, 6, 3)) == set()
    assert facts("截至9月3日中午,蔚来港股股价涨1.18%,报收51.65港元。", date(2025, 9, 4)) == set()


def test_commercial_nevs_are_a_segment():
    got = facts(
        "BYD sold 480,186 vehicles in November. Commercial NEVs sold in November were up 88% "
        "year-over-year to 5,625 units."
    )
    assert got == {("byd", "sales", "2025-11", 480186.0, "eq")}


def test_vehicle_sales_revenue_is_a_segment_in_its_other_wordings():
    got = facts(
        "蔚来第四季度总营收为197亿元。其中,汽车销售营收为人民币175亿元,年增13.2%。", date(2025, 3, 20)
    )
    assert got == {("nio", "revenue", "2024-Q4", 19.7e9, "eq")}
    assert facts("报告期内,小鹏卖车收入为143.7亿元,同比增长159%。", date(2025, 5, 21)) == set()


def test_a_target_said_to_be_the_years_is_for_the_year_whatever_span_its_clause_names():
    got = facts("比亞迪上半年共售出 215 萬輛汽車，但僅達成 550 萬輛年度目標的約四成。", date(2025, 8, 30))
    assert ("byd", "delivery_target", "2025", 5.5e6, "eq") in got
    got = facts("小鹏1-11月累计交付391937辆,已提前完成38万辆的年度目标。", date(2025, 12, 2))
    assert ("xpeng", "delivery_target", "2025", 380000.0, "eq") in got
    # a target for a month, beside the year's goal named later in the clause, stays the month's
    got = facts(
        "Leapmotor has set a target of 48,000 deliveries for June and stuck to its full-year "
        "goal of 500,000 vehicles.",
        date(2025, 6, 3),
    )
    assert got == {
        ("leapmotor", "delivery_target", "2025-06", 48000.0, "eq"),
        ("leapmotor", "delivery_target", "2025", 500000.0, "eq"),
    }


def test_a_target_exceeded_is_the_targets_own_figure():
    got = facts("小鹏1-11月累计交付量已达391,937辆,超额完成全年35万辆目标的112%。", date(2025, 12, 2))
    assert ("xpeng", "delivery_target", "2025", 350000.0, "eq") in got


def test_each_after_a_figure_gives_it_to_each_maker_listed():
    got = facts("Nio Inc and Xpeng Inc delivered over 10,000 vehicles each last month.", date(2025, 11, 3))
    assert got == {
        ("nio", "deliveries", "2025-10", 10000.0, "gt"),
        ("xpeng", "deliveries", "2025-10", 10000.0, "gt"),
    }


def test_the_close_named_after_a_session_under_way_is_the_days_close():
    got = facts(
        "美股开盘后,小鹏汽车股价持续攀升,涨幅一度超过14%,截至收盘,小鹏汽车股价涨13%,报22.25美元。",
        date(2025, 5, 22),
    )
    assert got == {
        ("xpeng", "share_return", "2025-05-22", 13.0, "eq"),
        ("xpeng", "share_price", "2025-05-22", 22.25, "eq"),
    }


def test_a_pair_of_changes_year_on_year_and_on_the_period_before():
    got = facts("零跑公司2025Q3收入为194.5亿元,同环比分别为+97.3%/+36.7%。", date(2025, 11, 18))
    assert got == {
        ("leapmotor", "revenue", "2025-Q3", 19.45e9, "eq"),
        ("leapmotor", "revenue_yoy", "2025-Q3", 97.3, "eq"),
    }
    got = facts("零跑10月销量7万辆,同环比-5%/+9%。", date(2025, 11, 18))
    assert ("leapmotor", "sales_yoy", "2025-10", -5.0, "eq") in got
    assert ("leapmotor", "sales_mom", "2025-10", 9.0, "eq") in got


def test_both_before_a_list_of_makers_gives_the_figure_to_each():
    got = facts(
        "In October, Leapmotor delivered 70,289 vehicles. Both NIO and XPeng exceeded the 40,000-vehicle mark.",
        date(2025, 11, 2),
    )
    assert ("nio", "deliveries", "2025-10", 40000.0, "gt") in got
    assert ("xpeng", "deliveries", "2025-10", 40000.0, "gt") in got


def test_a_table_of_one_cell_a_line_set_off_by_bars_periods_before_or_after_its_metric():
    # the metric, then the periods (each broken after its year), then the figures, bars between
    zeekr = (
        "ZEEKR today announced its results for the first quarter of 2024.\n"
        "Deliveries\n|\n|\n2024\nQ1\n|\n|\n2023\nQ4\n|\n|\n2023\nQ3\n|\n|\n|\n33,059\n|\n|\n39,657\n|\n|\n36,395\n|\n"
    )
    got = facts(zeekr, date(2024, 6, 11))
    assert {
        ("zeekr", "deliveries", p, v, "eq")
        for p, v in (("2024-Q1", 33059.0), ("2023-Q4", 39657.0), ("2023-Q3", 36395.0))
    } <= got
    # the periods first, then the metric, then the figures, each set off by a bar
    li = (
        "Li Auto Inc. today announced its unaudited financial results for the fourth quarter of 2025.\n"
        "|FY 2025\n|2025 Q4\n|2025 Q3\n|Deliveries\n|406,343\n|109,194\n|93,211\n"
    )
    got = facts(li, date(2026, 3, 12))
    assert {
        ("li-auto", "deliveries", p, v, "eq")
        for p, v in (("2025", 406343.0), ("2025-Q4", 109194.0), ("2025-Q3", 93211.0))
    } <= got


def test_a_bare_yi_item_of_a_list_of_yuan_amounts_is_yuan():
    got = facts("2022年至2024年,岚图汽车营收分别为60.52亿、127.49亿和193.61亿元。", date(2025, 8, 25))
    assert got == {
        ("voyah", "revenue", "2022", 6.052e9, "eq"),
        ("voyah", "revenue", "2023", 12.749e9, "eq"),
        ("voyah", "revenue", "2024", 19.361e9, "eq"),
    }


def test_a_span_named_before_the_day_its_results_were_announced_dates_them():
    got = facts(
        "Geely Automobile Holdings announced its first-half earnings today, reporting a 27% "
        "year-over-year surge in revenue to RMB 150.28 billion.",
        date(2025, 8, 14),
    )
    assert got == {
        ("geely", "revenue", "2025-H1", 150.28e9, "eq"),
        ("geely", "revenue_yoy", "2025-H1", 27.0, "eq"),
    }


def test_a_ranking_table_gives_each_maker_the_figure_in_the_column_its_head_names():
    text = (
        "China's NEV market in November 2025.\n\n"
        "| Rank | Carmaker / Brand | November NEV Sales |\n|:--|:--|:--|\n"
        "| 1 | BYD (Ocean & Dynasty, FCB, Denza, Yangwang) | 480,186 |\n"
        "| 2 | SAIC | 149,900 |\n"
        "| 7 | Leapmotor | 70,327 |\n"
    )
    got = facts(text, date(2025, 12, 1))
    assert ("byd", "sales", "2025-11", 480186.0, "eq") in got
    assert ("leapmotor", "sales", "2025-11", 70327.0, "eq") in got
    # SAIC sells fuel cars too: its NEVs are a segment
    assert not any(e == "saic" for e, *_ in got)


def test_a_list_right_after_a_range_of_as_many_years_pairs_with_them_in_order():
    text = "招股书显示,2022年至2024年,岚图汽车实现营收60.52亿、127.49亿和193.61亿元;净利润分别为-15.38亿元、-14.96亿元和-0.91亿元。"
    got = facts(text, date(2025, 10, 5))
    assert got == {
        ("voyah", "revenue", "2022", 6.052e9, "eq"),
        ("voyah", "revenue", "2023", 12.749e9, "eq"),
        ("voyah", "revenue", "2024", 19.361e9, "eq"),
        ("voyah", "net_profit", "2022", -1.538e9, "eq"),
        ("voyah", "net_profit", "2023", -1.496e9, "eq"),
        ("voyah", "net_profit", "2024", -0.091e9, "eq"),
    }
    # a list of another length than the range is not paired with it
    got = facts("2022年至2024年,岚图汽车营收为127.49亿和193.61亿元。", date(2025, 10, 5))
    assert {p for _, m, p, *_ in got if m == "revenue"} != {"2022", "2023"}


def test_the_year_so_far_after_a_month_runs_to_it_and_after_december_is_the_year():
    got = facts(
        "12月理想汽车交付量为5.85万辆,创历史新高,年累计交付50.05万辆,同比增长33.1%。", date(2025, 1, 2)
    )
    assert got == {
        ("li-auto", "deliveries", "2024-12", 58500.0, "eq"),
        ("li-auto", "deliveries", "2024", 500500.0, "eq"),
        ("li-auto", "deliveries_yoy", "2024", 33.1, "eq"),
    }
    got = facts("11月理想汽车交付量为4.85万辆,年累计交付44.05万辆。", date(2024, 12, 5))
    assert ("li-auto", "deliveries", "2024-01..2024-11", 440500.0, "eq") in got
    got = facts(
        "Li Auto delivered 58,500 vehicles in December, bringing the total for the year to 500,500.",
        date(2025, 1, 2),
    )
    assert ("li-auto", "deliveries", "2024", 500500.0, "eq") in got


def test_a_run_of_months_named_from_its_first_month_counts_forward_from_it():
    want = {("li-auto", "deliveries", f"2024-{m:02d}", 40000.0, "gt") for m in range(6, 13)}
    assert facts("理想汽车从去年6月份开始,连续7个月交付量超过了4万辆。", date(2025, 3, 2)) == want
    assert facts("自去年6月起,理想汽车连续7个月交付超4万辆。", date(2025, 3, 2)) == want
    got = facts(
        "Since June last year, Li Auto has delivered more than 40,000 vehicles for seven consecutive months.",
        date(2025, 3, 2),
    )
    assert got == want


def test_an_owner_named_in_an_apposition_after_its_brand_leaves_the_brand_the_subject():
    got = facts("Meanwhile, ONVO—NIO’s mass-market brand—delivered 6,281 units in May.", date(2025, 6, 3))
    assert got == {("onvo", "deliveries", "2025-05", 6281.0, "eq")}
    got = facts("Firefly, NIO’s smaller premium EV brand, delivered 3,680 units in May.", date(2025, 6, 3))
    assert got == {("firefly", "deliveries", "2025-05", 3680.0, "eq")}
    # an owner named otherwise stays the subject
    got = facts("NIO, which also owns ONVO, delivered 23,231 units in May.", date(2025, 6, 3))
    assert got == {("nio", "deliveries", "2025-05", 23231.0, "eq")}


def test_a_time_right_after_a_figure_and_its_verb_is_the_figures():
    got = facts("NIO wants to double sales in 2025 from 221,970 units delivered last year.", date(2025, 6, 3))
    assert ("nio", "deliveries", "2024", 221970.0, "eq") in got
    got = facts(
        "NIO wants to double sales in 2025 from the 221,970 units it delivered in 2024.", date(2025, 6, 3)
    )
    assert ("nio", "deliveries", "2024", 221970.0, "eq") in got


def test_an_anaphor_opening_a_sentence_is_the_company_the_sentence_before_opens_with():
    text = (
        "BYD Co. has lost its crown as China’s top-selling carmaker, slipping behind SAIC Motor Corp. "
        "after another decline in sales. The Shenzhen-based electric vehicle (EV) giant sold 441,706 "
        "vehicles in October, down 12% from a year earlier."
    )
    got = facts(text, date(2025, 11, 3))
    assert got == {("byd", "sales", "2025-10", 441706.0, "eq"), ("byd", "sales_yoy", "2025-10", -12.0, "eq")}


def test_a_negated_crossing_bounds_the_figure_from_above():
    assert facts("理想汽车2月交付量未超3万辆。", date(2025, 3, 2)) == {
        ("li-auto", "deliveries", "2025-02", 30000.0, "le")
    }
    assert facts("理想汽车2月交付量未能突破3万辆。", date(2025, 3, 2)) == {
        ("li-auto", "deliveries", "2025-02", 30000.0, "lt")
    }
    assert facts("理想汽车2月交付量突破3万辆。", date(2025, 3, 2)) == {
        ("li-auto", "deliveries", "2025-02", 30000.0, "gt")
    }


def test_a_figure_a_title_was_won_by_takes_the_titles_month_and_data_is_no_plan():
    got = facts(
        "从单月资料看,鸿蒙智行以89611辆成为12月交付冠军,较2024年12月的49474辆增长81%。", date(2026, 1, 2)
    )
    assert ("hima", "deliveries", "2025-12", 89611.0, "eq") in got
    assert ("hima", "deliveries_yoy", "2025-12", 81.0, "eq") in got
    # a title held in a time names no figure's time; 预料 still names a plan
    assert facts("2024年新势力销冠理想汽车全年交付50万辆。", date(2025, 1, 2)) == {
        ("li-auto", "deliveries", "2024", 500000.0, "eq")
    }
    got = facts("该公司又预料,第三季汽车交付量介乎8.7万至9.1万辆。蔚来公布业绩。", date(2025, 9, 2))
    assert {m for _, m, *_ in got} == {"delivery_target"}


def test_a_sum_too_small_for_a_companys_revenue_or_profit_is_one_per_car():
    assert facts("零跑汽车2022年每卖一台车亏损4.6万元。", date(2025, 6, 1)) == set()
    assert facts("Changan's net profit per vehicle was 6,322 yuan in 2023.", date(2024, 6, 1)) == set()
    got = facts("理想汽车第四季度净利润为651.9万元人民币。", date(2026, 3, 20))
    assert ("li-auto", "net_profit", "2025-Q4", 6.519e6, "eq") in got


def test_a_figure_doubled_changed_by_a_hundred_percent():
    got = facts("小鹏汽车第三季度营业收入203.8亿元,同比增长翻倍。", date(2025, 11, 20))
    assert ("xpeng", "revenue_yoy", "2025-Q3", 100.0, "eq") in got
    got = facts("零跑2024年交付量同比翻倍到29万辆。", date(2025, 3, 1))
    assert ("leapmotor", "deliveries_yoy", "2024", 100.0, "eq") in got
    got = facts(
        "XPeng revenue doubled year over year to RMB20.38 billion in the third quarter.", date(2025, 11, 20)
    )
    assert ("xpeng", "revenue_yoy", "2025-Q3", 100.0, "eq") in got
    # a share that doubled over a span the text does not name states no move
    assert not any(m == "share_return" for _, m, *_ in facts("小鹏汽车股价今年翻倍。", date(2025, 11, 20)))


def test_a_maker_measured_against_is_no_subject_left_for_the_next_sentence():
    text = (
        "Xiaomi started shipping its SU7 electric vehicles in early April after announcing it would "
        "price its SU7 models competitively against Tesla’s offerings. In its first financial report, "
        "it revealed it delivered 27,307 EVs in the second quarter."
    )
    assert facts(text, date(2024, 8, 21)) == {("xiaomi-su7", "deliveries", "2024-Q2", 27307.0, "eq")}


def test_a_flat_table_with_blank_lines_between_cells_and_a_total_metric_line_is_read():
    text = (
        "XPeng Inc. today announced its unaudited financial results for the three months ended "
        "September 30, 2025.\n\n2025Q3\n\n2025Q2\n\n2025Q1\n\nTotal deliveries\n\n116,007\n\n103,181\n\n94,008\n"
    )
    got = facts(text, date(2025, 11, 17))
    assert {
        ("xpeng", "deliveries", p, v, "eq")
        for p, v in (("2025-Q3", 116007.0), ("2025-Q2", 103181.0), ("2025-Q1", 94008.0))
    } <= got


def test_a_flow_said_to_be_quarterly_is_the_quarter_the_day_before_it_ends():
    text = (
        "• Cash and cash equivalents were RMB48.33 billion as of September 30, 2025\n"
        "• Quarterly total revenues of XPeng were RMB20.38 billion, a 101.8% increase year-over-year\n"
    )
    got = facts(text, date(2025, 11, 17))
    assert ("xpeng", "revenue", "2025-Q3", 20.38e9, "eq") in got
    assert ("xpeng", "revenue_yoy", "2025-Q3", 101.8, "eq") in got


def test_a_breakdown_of_figures_from_named_sources_gives_each_its_source():
    text = (
        "BYD delivered approximately 480,186 NEVs in November. The brand's portfolio contributed "
        "423,558 units from the Ocean and Dynasty series, 37,405 from FCB, 13,255 from Denza."
    )
    got = facts(text, date(2025, 12, 2))
    assert ("fangchengbao", "deliveries", "2025-11", 37405.0, "eq") in got
    assert ("denza", "deliveries", "2025-11", 13255.0, "eq") in got


def test_a_bound_sign_before_a_figure_bounds_it_in_prose_and_in_a_table_cell():
    got = facts("Xiaomi delivered >40,000 vehicles in November.", date(2025, 12, 1))
    assert got == {("xiaomi-su7-yu7", "deliveries", "2025-11", 40000.0, "gt")}
    text = (
        "China's NEV market in November 2025.\n\n| Rank | Carmaker / Brand | November NEV Sales |\n"
        "|:--|:--|:--|\n| 1 | BYD | 480,186 |\n| 9 | Xiaomi | >40,000 |\n"
    )
    assert ("xiaomi-su7-yu7", "sales", "2025-11", 40000.0, "gt") in facts(text, date(2025, 12, 1))


def test_teslas_chinese_made_cars_sold_are_tesla_chinas_wholesale():
    got = facts(
        "In the first two months, Tesla sold 140,453 Chinese-made vehicles, up 20.71 percent.",
        date(2023, 3, 8),
    )
    assert ("tesla", "wholesale", "2023-01..2023-02", 140453.0, "eq") in got


def test_taiwans_word_for_a_net_loss_is_a_negative_profit():
    got = facts(
        "蔚來汽車第三季營收年增 46.6% 至 190.7 億元;淨損 45.57 億元,遠高於去年同期的淨損 41.11 億元。",
        date(2023, 12, 6),
    )
    assert ("nio", "net_profit", "2023-Q3", -4.557e9, "eq") in got
    assert ("nio", "net_profit", "2022-Q3", -4.111e9, "eq") in got
    assert not any(m == "revenue" and abs(v) < 1e10 for _, m, _, v, _ in got)


def test_a_target_of_a_years_sales_is_the_years():
    got = facts(
        "特斯拉上季交車量比預期少了約2萬輛。不過,特斯拉執行長馬斯克確認了年銷售180萬輛的目標。",
        date(2023, 10, 3),
    )
    got = {g for g in got if g[1] == "delivery_target"}
    assert got == {("tesla", "delivery_target", "2023", 1.8e6, "eq")}


def test_a_makers_count_right_after_a_sentence_citing_the_cpca_is_its_wholesale():
    text = (
        "According to preliminary statistics from the China Passenger Car Association, Tesla, Inc. shipped "
        "851,732 electric vehicles from its Shanghai factory last year. In December alone, 97,171 vehicles "
        "were shipped."
    )
    got = facts(text, date(2026, 1, 6))
    assert ("tesla", "wholesale", "2025-12", 97171.0, "eq") in got


def test_a_text_naming_no_company_is_about_the_one_whose_listing_code_its_address_names():
    text = (
        "---\ntitle: 事件:公司发布2024Q4 及2024 年度财报\n"
        "url: https://gmg.9fzt.com/report/HKSE/02015/795392428411.html\n---\n"
        "事件:公司发布2024Q4 及2024 年度财报:2024 年全年收入为1,444.6亿元,同比+16.6%。"
    )
    got = facts(text, date(2025, 3, 20))
    assert ("li-auto", "revenue", "2024", 144.46e9, "eq") in got
    # an address naming no listing code gives no subject
    assert facts(text.replace("HKSE/02015/", "news/"), date(2025, 3, 20)) == set()


def test_a_table_flattened_into_one_line_of_period_runs_metrics_and_figures():
    text = (
        "NIO Inc. today announced its unaudited financial results for the fourth quarter of 2025.\n\n"
        "Key Operating Results\n\n"
        "2025 Q4 2025 Q3 2025 Q2 2025 Q1 Deliveries 124,807 87,071 72,056 42,094 "
        "2024 Q4 2024 Q3 2024 Q2 2024 Q1 Deliveries 72,689 61,855 57,373 30,053\n"
    )
    got = facts(text, date(2026, 3, 10))
    assert got == {
        ("nio", "deliveries", "2025-Q4", 124807.0, "eq"),
        ("nio", "deliveries", "2025-Q3", 87071.0, "eq"),
        ("nio", "deliveries", "2025-Q2", 72056.0, "eq"),
        ("nio", "deliveries", "2025-Q1", 42094.0, "eq"),
        ("nio", "deliveries", "2024-Q4", 72689.0, "eq"),
        ("nio", "deliveries", "2024-Q3", 61855.0, "eq"),
        ("nio", "deliveries", "2024-Q2", 57373.0, "eq"),
        ("nio", "deliveries", "2024-Q1", 30053.0, "eq"),
    }
    # more figures than periods: no such table, no figure given a column's period
    got = facts("NIO Inc. reported.\n\n2025 Q4 2025 Q3 Deliveries 124,807 87,071 72,056\n", date(2026, 3, 10))
    assert ("nio", "deliveries", "2025-Q4", 124807.0, "eq") not in got


def test_a_table_of_months_by_years_flattened_one_cell_a_line():
    text = (
        "Xpeng delivered 15,256 vehicles in February.\n\n"
        "Xpeng Monthly Deliveries 2024-2026\n\nMonth\n2024\n2025\n2026\n\n"
        "January\n8,250\n30,350\n20,011\n\nFebruary\n4,545\n30,453\n15,256\n\nMarch\n9,026\n33,205\n\n"
        "The company delivered 15,256 vehicles in February, according to data released Sunday.\n"
    )
    got = facts(text, date(2026, 3, 1))
    assert {(p, v) for e, m, p, v, _ in got if (e, m) == ("xpeng", "deliveries")} == {
        ("2024-01", 8250.0),
        ("2025-01", 30350.0),
        ("2026-01", 20011.0),
        ("2024-02", 4545.0),
        ("2025-02", 30453.0),
        ("2026-02", 15256.0),
        ("2024-03", 9026.0),
        ("2025-03", 33205.0),
    }
    text = "理想汽车月度交付量\n月份\n2024年\n2025年\n1月\n31,165\n29,927\n2月\n20,251\n26,263\n"
    got = facts(text, date(2025, 3, 1))
    assert ("li-auto", "deliveries", "2024-02", 20251.0, "eq") in got
    assert ("li-auto", "deliveries", "2025-01", 29927.0, "eq") in got


def test_a_plain_text_table_with_its_quarters_written_2025q1_and_a_total_row():
    text = (
        "XPeng Inc. today announced its unaudited financial results for the three months ended March 31, 2025.\n\n"
        "2025Q1 2024Q4 2024Q3 2024Q2\n"
        "Total deliveries 94,008 91,507 46,533 30,207\n"
    )
    got = facts(text, date(2025, 5, 21))
    assert got == {
        ("xpeng", "deliveries", "2025-Q1", 94008.0, "eq"),
        ("xpeng", "deliveries", "2024-Q4", 91507.0, "eq"),
        ("xpeng", "deliveries", "2024-Q3", 46533.0, "eq"),
        ("xpeng", "deliveries", "2024-Q2", 30207.0, "eq"),
    }


def test_a_figure_of_its_own_time_after_a_breakdown_under_qizhong_is_the_whole_groups():
    got = facts(
        "极氪科技第二季度交付13.1万辆新车,其中极氪交付了4.93万台,领克交付了8.15万台,上半年累计交付24.5万辆。",
        date(2025, 8, 20),
    )
    assert ("zeekr-group", "deliveries", "2025-H1", 245000.0, "eq") in got
    assert ("lynk-co", "deliveries", "2025-Q2", 81500.0, "eq") in got
    # a clause with no time of its own after a single name's figure stays with that name
    got = facts("极氪科技第二季度交付13.1万辆新车,其中领克交付了8.15万台,同比增长20%。", date(2025, 8, 20))
    assert ("lynk-co", "deliveries_yoy", "2025-Q2", 20.0, "eq") in got


def test_a_time_a_level_is_matched_with_is_no_time_of_the_figure_after_it():
    text = (
        "While BYD's total sales for May were basically the same as April, the number of those cars which "
        "were sold overseas skyrocketed, increasing to 88,640, up 133.6 per cent from May 2024."
    )
    got = facts(text, date(2025, 6, 2))
    assert ("byd", "exports", "2025-05", 88640.0, "eq") in got
    assert not any(p == "2025-04" for _, _, p, _, _ in got)


def test_a_chinese_time_a_figure_passes_is_compared_with_and_names_no_year_after_it():
    got = facts(
        "今年上半年,比亚迪海外销量已超去年全年,达47万辆,其中6月海外销量首超9万辆。", date(2025, 8, 30)
    )
    assert ("byd", "exports", "2025-06", 90000.0, "gt") in got
    assert not any(p.startswith("2024") for _, _, p, _, _ in got)
    # the figure of the time passed, right after it, is that time's
    got = facts("奇瑞集团今年前三季度的销量已超过去年全年(123.27万辆)。", date(2023, 10, 12))
    assert ("chery", "sales", "2022", 1232700.0, "eq") in got


def test_the_makers_a_joint_venture_is_of_are_owners_not_its_subject():
    text = (
        "SAIC-GM-Wuling (SGMW), a joint venture between SAIC Motor, General Motors and Liuzhou Wuling Motors, "
        "has said that its global sales rose 18.3 percent year on year to 764,544 units in the first half of 2025.\n\n"
        "NEV sales totaled 413,314 units during the period. Exports totaled 125,539 units from January to June, "
        "up 17.1 percent from the year before.\n\n"
        "Among NEV brands, the Hongguang MINIEV family achieved sales of 171,064 units in the first half of the year."
    )
    got = facts(text, date(2025, 7, 2))
    assert ("wuling", "exports", "2025-01..2025-06", 125539.0, "eq") in got
    assert ("wuling-hongguang-mini-ev", "sales", "2025-H1", 171064.0, "eq") in got
    assert not any(e == "saic" for e, *_ in got)
    # Wuling sells fuel cars too: its NEV sales are a segment
    assert not any(v == 413314.0 for *_, v, _ in got)


def test_the_company_opening_a_sentence_is_the_one_the_sentence_before_opens_with_in_a_round_up():
    text = (
        "Nio Inc delivered a record 31,305 vehicles in August. The Nio main brand recorded 2,530 insurance "
        "registrations last week. Nio's Onvo registered 2,650.\n"
        "Li Auto (NASDAQ: LI) recorded 6,100 insurance registrations last week.\n"
        "The company delivered 28,529 vehicles in August, down 40.72 percent year-on-year."
    )
    got = facts(text, date(2025, 9, 8))
    assert ("li-auto", "deliveries", "2025-08", 28529.0, "eq") in got
    assert not any(v == 28529.0 for e, _, _, v, _ in got if e == "nio")


def test_a_run_of_months_of_a_trend_beside_a_change_leaves_the_change_its_month():
    text = (
        "Li Auto delivered 28,529 vehicles in August, down 40.72 percent year-on-year –marking its third "
        "consecutive month of significant year-on-year decline — and down 7.17 percent from July."
    )
    got = facts(text, date(2025, 9, 8))
    assert {p for _, m, p, _, _ in got if m == "deliveries_yoy"} == {"2025-08"}


def test_an_english_list_of_figures_before_as_many_times_pairs_them_in_order():
    got = facts(
        "NIO delivered 5,578 electric vehicles in February 2021 followed by 7,257 and 7,102 deliveries in March and April.",
        date(2021, 6, 2),
    )
    assert ("nio", "deliveries", "2021-03", 7257.0, "eq") in got
    assert ("nio", "deliveries", "2021-04", 7102.0, "eq") in got


def test_a_makers_figure_for_one_body_style_is_a_segment():
    text = (
        "NIO delivered 20,462 vehicles in July 2023. Out of the total deliveries in July, 14,066 units were "
        "crossover/SUV models, showcasing 86 percent year-over-year growth. Additionally, sedan deliveries "
        "reached 6,396 units, a 159 percent increase compared to last year."
    )
    got = facts(text, date(2023, 8, 2))
    assert {v for _, _, _, v, _ in got} == {20462.0}


def test_so_far_in_the_articles_year_is_the_year_so_far_and_so_far_in_an_earlier_year_that_year():
    text = "NIO delivered 20,462 vehicles in July 2023, with 75,000 delivered so far in 2023, up 23 percent year on year."
    got = facts(text, date(2023, 8, 2))
    assert ("nio", "deliveries_yoy", "2023-01..2023-07", 23.0, "eq") in got
    got = facts(
        "NIO delivered 160,038 vehicles so far in 2023, up 31 percent year on year.", date(2024, 2, 1)
    )
    assert ("nio", "deliveries", "2023", 160038.0, "eq") in got


def test_a_close_reported_on_a_day_without_trading_is_the_last_sessions():
    # 2024-05-11 was a Saturday: "closed at" is Friday's close in New York
    got = facts(
        "Zeekr's stock closed at 28.26 dollars, a 34.57 percent jump from its IPO price.", date(2024, 5, 11)
    )
    assert ("zeekr", "share_price", "2024-05-10", 28.26, "eq") in got
    # 2025-04-18 was Good Friday, a Hong Kong holiday: the close is Thursday's
    got = facts("比亚迪股份收报380港元。", date(2025, 4, 18))
    assert ("byd", "share_price", "2025-04-17", 380.0, "eq") in got
    # a trading day is its own
    got = facts("比亚迪股份收报380港元。", date(2025, 4, 16))
    assert ("byd", "share_price", "2025-04-16", 380.0, "eq") in got


def test_a_figure_right_after_a_passed_makers_name_and_de_is_that_makers_own():
    got = facts("5月鸿蒙智行全系交付 44454 辆,一举拿下新势力第二,仅次于零跑的 45067 辆。", date(2025, 6, 3))
    assert ("leapmotor", "deliveries", "2025-05", 45067.0, "eq") in got
    assert ("hima", "deliveries", "2025-05", 44454.0, "eq") in got


def test_a_chinese_list_of_figures_ranking_its_makers_in_turn_pairs_them_in_order():
    got = facts(
        "去年,小鹏汽车以98155辆交付量问鼎新势力销冠,蔚来汽车、理想汽车以91429辆和90491辆分列二三位。",
        date(2022, 7, 5),
    )
    assert ("nio", "deliveries", "2021", 91429.0, "eq") in got
    assert ("li-auto", "deliveries", "2021", 90491.0, "eq") in got


def test_the_industry_named_as_a_trend_a_figure_reflects_is_no_subject():
    text = "极氪的营收增长,某种程度上反映了行业整体扩张的趋势。2024年全年营收759.13亿元,同比增长46.9%。"
    got = facts(text, date(2025, 4, 18))
    assert ("zeekr", "revenue", "2024", 75913000000.0, "eq") in got


def test_a_count_naming_no_metric_in_a_list_item_takes_the_metric_of_the_item_before():
    text = (
        "零跑汽車財報電話會紀要\n"
        "a. 季度表現 (Q3 2025): 總銷量 17.3 萬輛,同比增長 101%。\n"
        "b. 月度表現 (逐月攀升):7 月 51,219 輛;8 月 57,000 輛;9 月 66,667 輛。\n"
    )
    got = facts(text, date(2025, 11, 20))
    assert ("leapmotor", "sales", "2025-08", 57000.0, "eq") in got
    # paragraphs that are no list items do not carry it
    got = facts(text.replace("a. ", "").replace("b. ", ""), date(2025, 11, 20))
    assert not any(v == 57000.0 for *_, v, _ in got)


def test_a_time_in_a_relative_or_participle_clause_after_a_figure_is_not_its_time():
    text = (
        "BYD's sales jumped 41 percent to 4.27 million vehicles in 2024. Its overseas sales soared 72 percent "
        "to 420,000, positioning the Shenzhen-based firm, which stopped making fossil fuel-powered cars in 2022, "
        "to likely top the market."
    )
    got = facts(text, date(2025, 1, 2))
    assert ("byd", "exports", "2024", 420000.0, "eq") in got
    assert not any(p == "2022" for _, _, p, _, _ in got)


def test_a_profit_said_to_be_a_loss_of_a_sum_is_negative():
    text = (
        "In the first half of 2025, the net profit attributable to shareholders of GAC Group was a loss of "
        "2.538 billion yuan, compared with a net profit of 1.516 billion yuan in the same period of the previous year."
    )
    got = facts(text, date(2025, 9, 1))
    assert ("gac", "net_profit", "2025-H1", -2538000000.0, "eq") in got
    assert ("gac", "net_profit", "2024-H1", 1516000000.0, "eq") in got


def test_the_group_a_brand_belongs_to_named_in_apposition_leaves_the_brand_the_subject():
    text = "The Lynk & Co brand, a subsidiary of Geely, delivered a strong 81,529 vehicles in the second quarter of 2025."
    got = facts(text, date(2025, 8, 15))
    assert ("lynk-co", "deliveries", "2025-Q2", 81529.0, "eq") in got
    assert not any(e == "geely" for e, *_ in got)


def test_a_pair_of_changes_written_tong_slash_huanbi_gives_the_first_as_year_on_year():
    text = "2024Q1 长城汽车归母净利润32.28 亿元,同/环比分别为+1752.55%/+59.26%。"
    got = facts(text, date(2024, 4, 28))
    assert ("gwm", "net_profit_yoy", "2024-Q1", 1752.55, "eq") in got
    assert not any(v == 59.26 for *_, v, _ in got)
    text = "理想汽车2024Q4 公司总营收为442.7 亿元, 同比/ 环比分别为+6.1%/+3.3%。"
    got = facts(text, date(2025, 3, 14))
    assert ("li-auto", "revenue_yoy", "2024-Q4", 6.1, "eq") in got


def test_a_maker_described_as_the_markets_leader_leaves_no_market_subject():
    text = (
        "理想汽車公司作爲中國新能源車市場的領導者,今天宣佈了第三季度未經審計的財務業績。\n"
        "2024年第三季度交付總量爲152,831輛,同比增長45.4%。"
    )
    got = facts(text, date(2024, 10, 31))
    assert ("li-auto", "deliveries_yoy", "2024-Q3", 45.4, "eq") in got


def test_a_move_or_level_on_a_page_with_no_date_and_no_day_named_is_not_dated():
    text = (
        "Xpeng Inc delivered 20,011 vehicles in January 2026, down 34% from a year earlier. "
        "Xpeng shares declined about 9%."
    )
    got = facts(text, None)
    assert ("xpeng", "deliveries", "2026-01", 20011.0, "eq") in got
    assert not any(m == "share_return" for _, m, *_ in got)
    # a page with its date keeps the move, as of that day
    got = facts(text, date(2026, 2, 2))
    assert ("xpeng", "share_return", "2026-02-02", -9.0, "approx") in got
    # a page with no date that names the day (a dateline) keeps it too
    got = facts(
        "【時報-台北電】比亞迪2023年6月1日公布5月銷量。比亞迪H股1日股價收跌0.85%至港幣234.4元。", None
    )
    assert any(m == "share_price" for _, m, *_ in got)


def test_short_chinese_words_for_sales_total_and_cumulative_sales():
    text = "吉利凭全品类登顶:Q3总销76.1万台(同比+43%),银河单品牌前三季累销87.5万台(同比+206%)"
    got = facts(text, date(2025, 11, 20))
    assert ("geely", "sales", "2025-Q3", 761000.0, "eq") in got
    assert ("geely-galaxy", "sales_yoy", "2025-01..2025-09", 206.0, "eq") in got


def test_a_count_followed_by_two_words_for_the_years_deliveries_and_a_target_word_is_the_target():
    got = facts(
        "2025年小鹏汽车全年累计交付量42.9万辆,对比年初设定的38万辆年度交付量目标,达成率约113%。",
        date(2026, 1, 5),
    )
    assert ("xpeng", "delivery_target", "2025", 380000.0, "eq") in got
    assert ("xpeng", "deliveries", "2025", 380000.0, "eq") not in got


def test_a_table_with_bars_under_a_head_of_a_label_and_quarters_gives_each_figure_its_column():
    text = (
        "蔚来汽车发布2023年第三季度财报。\n"
        "主要经营业绩 | ||||\n"
        "季度 | 23Q3 | 23Q2 | 23Q1 | 22Q4 |\n"
        "交付 | 55,432 | 23,520 | 31,041 | 40,052 |\n"
    )
    got = facts(text, date(2023, 12, 5))
    assert {(p, v) for e, m, p, v, _ in got if (e, m) == ("nio", "deliveries")} == {
        ("2023-Q3", 55432.0),
        ("2023-Q2", 23520.0),
        ("2023-Q1", 31041.0),
        ("2022-Q4", 40052.0),
    }


def test_a_table_flattened_one_cell_a_line_with_a_bar_ending_each_cell():
    text = (
        "XPeng Inc. today announced its unaudited financial results for the three months ended March 31, 2026.\n"
        "|\n|\n2026Q1 |\n2025Q4 |\n2025Q3 |\n|\n|\nTotal deliveries |\n62,682 |\n116,249 |\n116,007 |\n"
    )
    got = facts(text, date(2026, 5, 20))
    assert {(p, v) for e, m, p, v, _ in got if (e, m) == ("xpeng", "deliveries")} == {
        ("2026-Q1", 62682.0),
        ("2025-Q4", 116249.0),
        ("2025-Q3", 116007.0),
    }


def test_a_single_months_record_is_no_order():
    got = facts("小米汽车以 48654 辆创下单月新高。", date(2025, 11, 10))
    assert not any(m.startswith("orders") for _, m, *_ in got)
    got = facts("小米YU7上市18小时下单24万台。", date(2025, 6, 27))
    assert any(m == "orders" for _, m, *_ in got)


def test_a_change_said_by_a_participle_or_a_present_verb():
    got = facts(
        "Tesla's performance in China took a step back in October, with sales slipping nearly 10% "
        "compared to the same month last year.",
        date(2025, 11, 5),
    )
    assert ("tesla", "sales_yoy", "2025-10", -10.0, "lt") in got
    got = facts(
        "Geely's revenue also experienced notable growth, climbing 34% to 240.19 billion yuan in 2024."
    )
    assert ("geely", "revenue_yoy", "2024", 34.0, "eq") in got


def test_a_change_of_a_margin_the_profit_word_opens_is_no_profits_change():
    text = (
        "In the first half of 2024, Changan's net profit reached 4.7 billion yuan, its revenue falling 2.1%. "
        "The price war has hurt Changan profits, with profit margins falling 13.8%."
    )
    got = facts(text, date(2024, 9, 10))
    assert ("changan", "revenue_yoy", "2024-H1", -2.1, "eq") in got
    assert not any(m == "net_profit_yoy" for _, m, *_ in got)


def test_a_change_on_a_month_neither_the_one_before_nor_a_year_before_is_no_fact():
    got = facts(
        "Tesla China's retail sales showed a rebound in August, rising 48.1% compared to May, the second "
        "month of the previous quarter.",
        date(2025, 9, 8),
    )
    assert not any(v == 48.1 for *_, v, _ in got)
    got = facts(
        "Tesla China's retail sales were 60,000 in August, rising 41% compared to July.", date(2025, 9, 8)
    )
    assert ("tesla", "retail_sales_mom", "2025-08", 41.0, "eq") in got


def test_a_bare_count_right_after_a_makers_name_takes_the_count_the_article_names_most():
    text = (
        "11月,多家新势力公布交付量。鸿蒙智行交付81864辆,零跑交付70327辆。\n"
        "3万到4万辆区间竞争最激烈,分别是小鹏(36728辆)、蔚来汽车(36275辆)与深蓝(33060辆)。"
    )
    got = facts(text, date(2025, 12, 2))
    assert {("xpeng", 36728.0), ("nio", 36275.0), ("deepal", 33060.0)} <= {
        (e, v) for e, m, p, v, _ in got if m == "deliveries" and p == "2025-11"
    }


def test_a_fall_word_after_the_change_and_its_pair_makes_both_falls():
    got = facts(
        "10月,比亚迪秦PLUS、秦L销量分别出现11.2%和52.0%的同比下滑,海鸥更是遭遇51.8%的同比腰斩。",
        date(2025, 11, 10),
    )
    assert {v for _, m, _, v, _ in got if m == "sales_yoy"} == {-11.2, -52.0, -51.8}


def test_sold_over_and_a_change_said_to_pass_a_level():
    got = facts("比亚迪前五月新能源车卖逾百万台,长城汽车前五月销量增逾8%。", date(2023, 6, 2))
    assert ("byd", "sales", "2023-01..2023-05", 1000000.0, "gt") in got
    assert ("gwm", "sales_yoy", "2023-01..2023-05", 8.0, "gt") in got
    assert ("nio", "share_return", "2023-06-02", -5.0, "gt") in facts(
        "蔚来股价今日跌逾5%。", date(2023, 6, 2)
    )


def test_a_change_after_a_sentence_with_no_figure_is_of_the_figure_before_that():
    text = (
        "BYD reported 480,186 new energy vehicles sold in the month of November. The company is among "
        "the leaders in electric vehicles in China and globally.\n\n"
        "The November NEV figure was down 5.3% year-over-year, but up 8.7% from October."
    )
    got = facts(text, date(2025, 12, 2))
    assert ("byd", "sales_yoy", "2025-11", -5.3, "eq") in got
    assert ("byd", "sales_mom", "2025-11", 8.7, "eq") in got
    text = (
        "Tesla's Shanghai factory delivered a total of 69,129 vehicles in January.\n"
        "Tesla's performance is a 9.3% increase compared to January 2025."
    )
    # (the plant's count is CPCA wholesale, and so is its change)
    assert ("tesla", "wholesale_yoy", "2026-01", 9.3, "eq") in facts(text, date(2026, 2, 5))


def test_a_change_against_the_same_quarter_of_a_year_named_is_year_on_year():
    text = "BYD brought in 170.36 billion yuan in revenue in the first quarter. That's 36% higher than the same quarter in 2024."
    assert ("byd", "revenue_yoy", "2025-Q1", 36.0, "eq") in facts(text, date(2025, 4, 25))


def test_the_corresponding_period_of_a_year_is_the_span_named_in_that_year():
    text = (
        "XPeng Inc. announced its results. Total deliveries of vehicles were 94,008 for the first quarter of "
        "2025, representing an increase of 330.8% from 21,821 in the corresponding period of 2024."
    )
    got = facts(text, date(2025, 5, 20))
    assert ("xpeng", "deliveries", "2024-Q1", 21821.0, "eq") in got
    assert not any(p == "2024" for _, _, p, _, _ in got)


def test_a_figure_in_a_when_clause_after_the_time_compared_with_is_of_that_time():
    text = (
        "Tesla's Shanghai factory delivered a total of 69,129 vehicles in January. Tesla's performance is a "
        "9.3% increase compared to January 2025, when Tesla sold 63,238 China-made vehicles."
    )
    got = facts(text, date(2026, 2, 5))
    assert {(p, v) for _, m, p, v, _ in got if v in (69129.0, 63238.0)} == {
        ("2026-01", 69129.0),
        ("2025-01", 63238.0),
    }


def test_a_time_after_a_contrast_word_following_the_figure_is_not_its_time():
    text = (
        "蔚来公布2025年第四季度财报。非美国通用会计准则(Non-GAAP)下的调整后净利润为7.27亿元,"
        "而2024年同期为净亏损66.22亿元。"
    )
    got = facts(text, date(2026, 3, 11))
    assert ("nio", "net_profit", "2025-Q4", 727000000.0, "eq") in got
    assert ("nio", "net_profit", "2024-Q4", -6622000000.0, "eq") in got


def test_a_weekly_round_up_by_week_number_gives_each_maker_its_week_and_model():
    text = (
        "China EV registrations in W22: Xiaomi 2,200, Nio 6,700, Tesla 15,200, BYD 53,400\n\n"
        "BYD took the first spot, registering 53,400 vehicles, down 2.91% from 55,000 units the week before."
    )
    got = facts(text, date(2024, 6, 4))
    week = "2024-05-27..2024-06-02"
    assert ("byd", "insurance_registrations", week, 53400.0, "eq") in got
    assert ("xiaomi-su7", "insurance_registrations", week, 2200.0, "eq") in got
    assert not any(m.endswith("_yoy") for _, m, *_ in got)  # (2.91% is on the week before)


def test_a_maker_named_as_the_one_compared_with_is_no_subject():
    got = facts(
        "理想汽車與零跑汽車相差僅數百輛,位居第二,3月交付新車3.67萬輛,同比增長26.5%。", date(2025, 4, 2)
    )
    assert ("li-auto", "deliveries", "2025-03", 36700.0, "eq") in got
    assert not any(e == "leapmotor" for e, *_ in got)


def test_a_second_list_after_a_respectively_list_pairs_with_the_same_makers():
    text = "蔚來公布1月交付9652台。而小鵬及理想汽車1月分別交付1.29萬輛及1.23萬輛汽車,按年增幅為115%及128.1%。"
    got = facts(text, date(2022, 2, 5))
    assert ("xpeng", "deliveries_yoy", "2022-01", 115.0, "eq") in got
    assert ("li-auto", "deliveries_yoy", "2022-01", 128.1, "eq") in got


def test_a_total_target_after_a_count_is_a_target():
    got = facts("2023 年吉利汽車集團的 165 萬輛銷量總目標中,要實現新能源產品的增長。", date(2023, 6, 2))
    assert got == {("geely", "delivery_target", "2023", 1650000.0, "eq")}


def test_a_steep_change_word_and_a_taiwan_word_for_delivering():
    got = facts("蔚来10月交付量骤降20%,特斯拉2025年共交货164万辆车。", date(2026, 1, 5))
    assert ("nio", "deliveries_yoy", "2025-10", -20.0, "eq") in got
    assert ("tesla", "deliveries", "2025", 1640000.0, "eq") in got
    got = facts("美国电动车品牌特斯拉2025年销售量大减8.6%。", date(2026, 1, 5))
    assert ("tesla", "sales_yoy", "2025", -8.6, "eq") in got


def test_more_words_of_a_fall_give_the_change_its_sign():
    for text in (
        "蔚来10月交付量同比滑落20%。",
        "Nio's October deliveries plummeted 20% year on year.",
        "Nio's October deliveries skidded 20% year on year.",
    ):
        assert ("nio", "deliveries_yoy", "2025-10", -20.0, "eq") in facts(text, date(2025, 11, 5)), text
    # (a word of a fall inside another word is none: "increased" holds "eased")
    assert ("nio", "deliveries_yoy", "2025-10", 20.0, "eq") in facts(
        "Nio's October deliveries increased 20% year on year.", date(2025, 11, 5)
    )


def test_plain_words_for_earning_a_top_line_and_a_hong_kong_plunge():
    day = date(2025, 11, 20)
    assert ("xiaomi", "net_profit", "2025-Q3", 11300000000.0, "eq") in facts(
        "小米集團第三季賺113億元人民幣。", day
    )
    assert ("xiaomi", "net_profit", "2025-Q3", 11300000000.0, "eq") in facts(
        "Xiaomi earned 11.3 billion yuan in the third quarter.", day
    )
    assert ("xiaomi", "revenue_yoy", "2025-Q3", 22.0, "eq") in facts(
        "Xiaomi's top line grew 22% to 113.1 billion yuan in the third quarter.", day
    )
    assert ("nio", "share_return", "2025-11-20", -8.0, "eq") in facts("蔚來股價今日插水8%。", day)
    assert ("xiaomi", "market_cap", "2025-11-20", 1e12, "gt") in facts("小米市值重上萬億港元。", day)


def test_money_in_a_table_under_a_note_of_its_unit():
    text = (
        "NIO Inc. reported results for the third quarter of 2025.\n"
        "Key financial results (in RMB millions)\n\n"
        "| | 2025 Q3 | 2025 Q2 |\n|---|---|---|\n"
        "| Total revenues | 21,793.9 | 19,008.7 |\n"
        "| Net loss | (3,481.2) | (4,994.8) |\n"
    )
    got = facts(text, date(2025, 11, 25))
    assert ("nio", "revenue", "2025-Q3", 21793900000.0, "eq") in got
    assert ("nio", "net_profit", "2025-Q2", -4994800000.0, "eq") in got
    # (with no note of the unit, a bare figure of a money row is none)
    assert facts(text.replace(" (in RMB millions)", ""), date(2025, 11, 25)) == set()


def test_a_forecast_a_figure_beat_ends_with_its_figure():
    text = (
        "小米今年第三季營收1131.2億元，年增22.3%，優於市場預估的1125億元，經調整淨利潤113.1億元，年增80.9%。"
    )
    got = facts(text, date(2025, 11, 19))
    assert ("xiaomi", "net_profit", "2025-Q3", 11310000000.0, "eq") in got
    assert not any(v == 112500000000.0 for *_, v, _ in got)  # (the forecast's own figure)
    # (an analysts' forecast with no figure of its own still covers the figure after it)
    assert facts("市場預估小米第三季經調整淨利潤113.1億元。", date(2025, 11, 19)) == set()


def test_the_night_before_is_the_day_before_the_articles():
    got = facts("消息拖累隔晚小鵬ADS重挫10.32%，收報22.43美元。", date(2025, 11, 18))
    assert ("xpeng", "share_price", "2025-11-17", 22.43, "eq") in got


def test_sales_abroad_in_hong_kong_and_taiwan_words_are_exports():
    got = facts("比亞迪上半年外銷超過20.3萬輛，比去年同期暴增173.8%。", date(2024, 7, 2))
    assert ("byd", "exports", "2024-H1", 203000.0, "gt") in got
    assert ("byd", "exports_yoy", "2024-H1", 173.8, "eq") in got


def test_a_count_since_a_models_launch_is_a_running_total():
    text = "Xiaomi said it had received more than 300,000 orders for the YU7 since the model's launch."
    found = [f for f in rules_read(text, date(2025, 10, 1)) if f.metric == "orders"]
    assert found and all(f.cumulative for f in found)
    text = (
        "Xiaomi said it had delivered 40,000 vehicles in September. It has sold 300,000 YU7s since its debut."
    )
    assert all(f.cumulative for f in rules_read(text, date(2025, 10, 1)) if f.value == 300000)


def test_each_item_of_a_list_of_changes_takes_the_first_items_word():
    text = (
        "蔚来、小鹏汽车、零跑汽车2025年第三季度交付量分别为8.7万辆、11.60万辆、17.39万辆,"
        "同比分别增长40.8%、149.3%、101.77%。"
    )
    got = facts(text, date(2025, 11, 30))
    assert ("xpeng", "deliveries_yoy", "2025-Q3", 149.3, "eq") in got
    assert ("leapmotor", "deliveries_yoy", "2025-Q3", 101.77, "eq") in got


def test_a_mark_passed_for_quarters_in_a_row_is_each_quarters():
    got = facts("小米集团第三季度营收达1131.21亿元,连续四个季度营收突破千亿元。", date(2025, 11, 20))
    assert {p for _, _, p, v, _ in got if v == 1e11} == {"2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"}
    assert ("xiaomi", "revenue", "2025-Q3", 113121000000.0, "eq") in got


def test_a_metric_word_between_dashes_is_an_aside():
    got = facts(
        "In November, Tesla exported 13,555 vehicles. Combined wholesale volume — retail plus "
        "exports — reached 86,700 units."
    )
    assert ("tesla", "wholesale", "2025-11", 86700.0, "eq") in got
    assert not {f for f in got if f[3] == 86700.0 and f[1] != "wholesale"}


def test_a_time_whose_figure_a_change_is_measured_against_is_no_later_figures():
    # "last year's tally" is what November's exports doubled, not the time of what follows
    got = facts(
        "In November, Tesla exported 13,555 vehicles, more than doubling last year’s tally. "
        "Combined wholesale volume reached 86,700 units."
    )
    assert ("tesla", "wholesale", "2025-11", 86700.0, "eq") in got
    # with no change measured against it, the time is the figure's own
    got = facts("Tesla said last year's total deliveries were 1.79 million vehicles.")
    assert ("tesla", "deliveries", "2024", 1790000.0, "eq") in got


def test_a_list_of_years_with_an_em_dash_and_a_list_that_ends_at_a_comma_before_a_year():
    got = facts(
        "比亚迪2021—2023年归母净利润分别为30.45亿元、166.22亿元和300.41亿元,2024年突破400亿元大关。",
        date(2025, 3, 25),
    )
    assert {(f[2], f[3]) for f in got if f[1] == "net_profit"} == {
        ("2021", 3.045e9),
        ("2022", 1.6622e10),
        ("2023", 3.0041e10),
        ("2024", 4e10),
    }


def test_a_time_in_brackets_before_a_list_is_not_one_of_its_times():
    # "(以下称“报告期”)" names the times before it again: the list has four items, not five
    got = facts(
        "数据显示,岚图汽车近几年销量快速增长。2022年、2023年、2024年及截至2025年7月31日止的7个月期间"
        "(以下称“报告期”),分别销售19,409辆、50,285辆、80,116辆及66,680辆汽车。",
        None,
    )
    assert {(f[2], f[3]) for f in got if f[1] == "sales"} == {
        ("2022", 19409.0),
        ("2023", 50285.0),
        ("2024", 80116.0),
        ("2025-01..2025-07", 66680.0),
    }


def test_a_count_declared_as_a_goal_is_a_target():
    got = facts(
        "2021年7月15日,朱江明在零跑汽车2.0战略发布会上放话:“2025年销量达80万辆”。", date(2025, 11, 28)
    )
    assert got == {("leapmotor", "delivery_target", "2025", 800000.0, "eq")}


def test_chinas_passenger_car_market_named_in_english_is_the_markets_subject():
    got = facts(
        "The domestic narrow passenger car market in China experienced a decline in November 2025, "
        "with a total of 2.225 million units sold. BYD sold 480,000 units.",
        date(2025, 12, 9),
    )
    assert ("china-passenger-cars", "sales", "2025-11", 2225000.0, "eq") in got
    assert ("byd", "sales", "2025-11", 2225000.0, "eq") not in got


def test_a_share_move_said_with_a_steep_verb():
    got = facts("On October 16, GIC sued NIO. NIO's stock nosedived 10% that day.", date(2025, 11, 1))
    assert got == {("nio", "share_return", "2025-10-16", -10.0, "eq")}
    got = facts("Xpeng shares rebounded 4.2% on Tuesday.", date(2025, 11, 5))
    assert ("xpeng", "share_return", "2025-11-04", 4.2, "eq") in got


def test_a_run_of_months_over_a_bare_wan_of_vehicles():
    got = facts(
        "小鹏汽车8月共交付新车3.77万辆。其中,小鹏MONA M03交付超1.5万辆,连续12个月交付超万辆。",
        date(2025, 9, 2),
    )
    runs = {f[2] for f in got if f[3] == 10000.0 and f[0] == "xpeng-mona-m03" and f[4] == "gt"}
    assert len(runs) == 12 and min(runs) == "2024-09" and max(runs) == "2025-08"


def test_a_change_against_last_month_said_with_xiangbi_is_month_on_month():
    got = facts(
        "10月特斯拉共计销售26006辆车，与上月相比下滑63.64%，与去年同期相比减少35.76%。", date(2025, 11, 12)
    )
    assert ("tesla", "sales_mom", "2025-10", -63.64, "eq") in got
    assert ("tesla", "sales_yoy", "2025-10", -35.76, "eq") in got
    assert ("tesla", "sales_yoy", "2025-10", -63.64, "eq") not in got


def test_the_close_after_a_session_and_a_market_word_a_maker_became():
    got = facts(
        "11月5日,赛力斯正式完成港股上市,成为首家实现A+H双平台融资的自主品牌。当日开盘后,"
        "股价以128.9港元低开1.98%,盘中一度下探至118.0港元,尾盘通过强力拉升最终收平于131.5港元。",
        date(2025, 11, 5),
    )
    assert ("seres", "share_price", "2025-11-05", 131.5, "eq") in got
    assert not {f for f in got if f[3] in (128.9, 118.0)}
    # a market word a maker became (…的自主品牌) is no subject that takes the close from it
    got = facts(
        "11月5日,赛力斯正式完成港股上市,成为首家实现A+H双平台融资的自主品牌。当日开盘后,"
        "股价以128.9港元低开1.98%,尾盘最终收平于131.5港元。2025年前三季度营收1105.3亿元。",
        None,
    )
    assert ("seres", "share_price", "2025-11-05", 131.5, "eq") in got


def test_a_year_after_a_quarter_is_no_count_and_a_total_of_vehicle_sales_is_no_segment():
    got = facts(
        "Leap Motor reported Q3 2025 results. Q3 2025 vehicle sales reached 174,000 units. "
        "For the first three quarters of 2025, total vehicle sales were 396,000 units.",
        date(2025, 11, 20),
    )
    assert got == {
        ("leapmotor", "sales", "2025-Q3", 174000.0, "eq"),
        ("leapmotor", "sales", "2025-01..2025-09", 396000.0, "eq"),
    }
    # battery-powered vehicles are a segment
    got = facts("BYD's battery-powered electric vehicle sales were up 19.9% to 237,540 in November.")
    assert not got


def test_a_round_up_goes_on_in_the_terms_of_its_lead_and_in_the_month_it_reports():
    text = (
        "9月1日,新势力车企陆续公布8月交付量。\n\n"
        "8月交付榜前三名是零跑(57066辆)和小鹏(37709辆)。问界一个品牌就贡献了九成销量,销量领先。\n\n"
        "传统车企孵化的新势力品牌,分化更加明显。\n\n"
        "还有一些选手值得关注,比如岚图(13505辆)和阿维塔(10565辆)。\n\n"
        "前两名的对比很有意思:深蓝(28235辆)同比大涨40.3%。"
    )
    got = facts(text, date(2025, 9, 2))
    assert {
        ("voyah", "deliveries", "2025-08", 13505.0, "eq"),
        ("avatr", "deliveries", "2025-08", 10565.0, "eq"),
        ("deepal", "deliveries", "2025-08", 28235.0, "eq"),
        ("deepal", "deliveries_yoy", "2025-08", 40.3, "eq"),
    } <= got
    assert not {f for f in got if f[1] == "sales"}


def test_a_year_a_record_is_set_since_is_no_figures_time():
    text = (
        "2025 年第一季度财报数据如同一记重锤,将特斯拉从神坛拉向深渊。\n"
        "营收193.35亿美元,同比下滑9%,创下2020年以来最大跌幅;净利润暴跌71%至4.09亿美元。\n"
        "更令人震惊的是核心汽车交付量同比下降13%至33.67万辆,其中Model 3/Y交付量减少12%,创2022年以来最差季度表现。"
    )
    got = facts(text, None)
    assert {
        ("tesla", "net_profit_yoy", "2025-Q1", -71.0, "eq"),
        ("tesla", "net_profit", "2025-Q1", 409000000.0, "eq"),
        ("tesla", "deliveries", "2025-Q1", 336700.0, "eq"),
        ("tesla", "deliveries_yoy", "2025-Q1", -13.0, "eq"),
    } <= got
    assert not {f for f in got if f[2] in ("2020", "2022")}


def test_targets_take_the_year_of_the_plans_named_in_the_paragraph_before():
    text = (
        "据统计，已有超过13家车企公布2026年销量目标。\n\n"
        "造车新势力方面，零跑汽车100万辆的年销目标最为激进；小米汽车交付目标为55万辆。"
    )
    got = facts(text, date(2026, 1, 26))
    assert {
        ("leapmotor", "delivery_target", "2026", 1000000.0, "eq"),
        ("xiaomi", "delivery_target", "2026", 550000.0, "eq"),
    } <= got
    # a past year named before is no target's year
    text = "2025年，车企销量普遍增长。\n\n零跑汽车100万辆的年销目标最为激进。"
    assert not {f for f in facts(text, date(2026, 1, 26)) if f[1] == "delivery_target" and f[2] == "2025"}


def test_a_rate_risen_to_a_level_is_the_rates_level():
    got = facts("10月新能源乘用车零售128.2万辆,零售渗透率攀升至57.2%。", date(2025, 11, 10))
    assert ("china-passenger-cars", "nev_penetration", "2025-10", 57.2, "eq") in got
    assert not {f for f in got if f[3] == 57.2 and f[1] != "nev_penetration"}


def test_a_figure_in_an_opening_phrase_of_means_is_the_subjects_after_it():
    got = facts(
        "GAC said its sales rose. With annual sales of 271,000 units, Aion became the champion in 2022.",
        date(2023, 2, 2),
    )
    assert got == {("gac-aion", "sales", "2022", 271000.0, "eq")}


def test_a_count_a_maker_is_eyeing_is_a_target():
    got = facts(
        "GAC Aion's general manager said GAC Aion is eyeing to deliver at least 500,000 units this year.",
        date(2023, 2, 10),
    )
    assert got == {("gac-aion", "delivery_target", "2023", 500000.0, "ge")}


def test_a_time_in_a_clause_of_cause_is_no_later_figures_time():
    text = (
        "Li Auto's net loss tallied CNY2 billion in the 12 months ended Dec. 31, 2022, mainly because it set "
        "aside CNY803 million in the third quarter. Revenue jumped 68 percent to CNY45.3 billion."
    )
    got = facts(text, date(2023, 3, 1))
    assert ("li-auto", "revenue", "2022", 45300000000.0, "eq") in got
    assert not {f for f in got if f[1].startswith("revenue") and f[2] != "2022"}


def test_a_sources_bare_number_after_a_list_is_no_item_of_it():
    text = (
        "理想汽车公布业绩。 - 2025年10月交付量为3.18万辆 [13] - 对比之下,蔚来和小鹏汽车2025年第四季度交付指引"
        "分别为12万辆至12.50万辆、12.50万辆至13.20万辆 [14]"
    )
    got = facts(text, date(2025, 11, 20))
    assert {
        ("nio", "delivery_target", "2025-Q4", 120000.0, "ge"),
        ("xpeng", "delivery_target", "2025-Q4", 132000.0, "le"),
    } <= got
    assert ("xpeng", "delivery_target", "2025-Q4", 120000.0, "ge") not in got


def test_qi_opening_a_sentence_is_the_subject_of_the_sentence_before():
    text = "嵐圖的毛利率飆升至21.3%,遠超蔚來(13.7%)、小鵬(11.2%)等頭部新勢力。其銷量從2022年的1.94萬輛攀升至2024年的8.01萬輛。"
    got = facts(text, date(2025, 9, 10))
    assert {("voyah", "sales", "2022", 19400.0, "eq"), ("voyah", "sales", "2024", 80100.0, "eq")} <= got
    assert not {f for f in got if f[0] == "xpeng" and f[1] == "sales"}


def test_a_share_of_a_market_said_with_accounting_for_is_a_market_share():
    got = facts(
        "In November, BYD's wholesale sales reached 504,003 units, accounting for 17.1 percent of the car market.",
        date(2024, 12, 4),
    )
    assert ("byd", "market_share", "2024-11", 17.1, "eq") in got
    # a share of the maker's own total is none
    got = facts(
        "In November, BYD sold 504,003 units, with exports accounting for 17.1 percent of its total sales.",
        date(2024, 12, 4),
    )
    assert not {f for f in got if f[3] == 17.1}


def test_a_sum_is_not_of_the_day_a_filing_after_it_was_released():
    text = (
        "BYD posted record financial results for 2024. The company reported revenue of 777.1 billion yuan, "
        "a 29% year-over-year increase, according to a filing released Monday."
    )
    got = facts(text, date(2025, 3, 24))
    assert got == {
        ("byd", "revenue", "2024", 777100000000.0, "eq"),
        ("byd", "revenue_yoy", "2024", 29.0, "eq"),
    }


def test_a_company_named_in_the_headline_is_named_before_the_body():
    # the body names the maker in full only where it repeats the headline at its end; 公司
    # opening a sentence is still the headline's company
    text = (
        "---\ntitle: 理想汽车Q3净亏6亿\n---\n"
        "- 理想L9前10月累计销量4.03万辆 [3]\n- 产品策略回归单品爆款逻辑 [9]\n- 聚焦单一顶级配置 [9]\n"
        "- 研发投入与未来展望 [9]\n- 公司预计第四季度交付量10万至11万辆 [9]\n理想汽车Q3净亏6亿\n"
    )
    got = facts(text, date(2025, 11, 20))
    assert ("li-auto", "delivery_target", "2025-Q4", 100000.0, "ge") in got


def test_this_quarter_in_results_coverage_is_the_quarter_named_before():
    text = (
        "Within the Q3 2025 financial report matrix, Leapmotor stood out. "
        "This quarter, its sales reached 174,000 units. With revenue of 19.45 billion yuan, it led."
    )
    got = facts(text, date(2025, 12, 2))
    assert ("leapmotor", "sales", "2025-Q3", 174000.0, "eq") in got
    assert ("leapmotor", "revenue", "2025-Q3", 19.45e9, "eq") in got
    # a word of the future after it: the article's quarter
    got = facts(
        "Leapmotor reported Q3 2025 results. It expects this quarter to deliver 180,000 units.",
        date(2025, 12, 2),
    )
    assert ("leapmotor", "delivery_target", "2025-Q4", 180000.0, "eq") in got


def test_a_fall_after_a_change_written_year_over_year_without_hyphens_is_a_fall():
    got = facts("BYD also recorded a 30% year over year decline in January wholesales.", date(2026, 2, 10))
    assert ("byd", "wholesale_yoy", "2026-01", -30.0, "eq") in got
    got = facts("Nio posted a 12% month on month drop in January deliveries.", date(2026, 2, 10))
    assert ("nio", "deliveries_mom", "2026-01", -12.0, "eq") in got


def test_from_a_factory_is_no_subordinate_word_between_a_figure_and_its_time():
    got = facts(
        "Tesla exported 50,644 vehicles from its Gigafactory Shanghai factory last month.", date(2026, 2, 10)
    )
    assert ("tesla", "exports", "2026-01", 50644.0, "eq") in got


def test_a_count_in_a_clause_opened_by_with_takes_the_metric_named_before_it():
    got = facts(
        "Tesla exported 50,644 vehicles in January. Geely ranked third in exports, with 32,117 vehicles shipped.",
        date(2026, 2, 10),
    )
    assert ("geely", "exports", "2026-01", 32117.0, "eq") in got
    assert ("geely", "deliveries", "2026-01", 32117.0, "eq") not in got


def test_a_when_clause_after_a_dash_takes_the_time_compared_with():
    got = facts(
        "Tesla saw January exports surge 1,421.8% compared to December 2025 — when the company recorded 3,328 sales overseas.",
        date(2026, 2, 10),
    )
    assert ("tesla", "exports", "2025-12", 3328.0, "eq") in got


def test_export_sales_are_exports_unless_named_in_an_aside_opened_by_including():
    got = facts(
        "In the first half of 2025, Geely sold 1.4 million vehicles. Export sales, however, declined 8% to 184,100 units.",
        date(2025, 8, 15),
    )
    assert ("geely", "exports", "2025-H1", 184100.0, "eq") in got
    assert ("geely", "exports_yoy", "2025-H1", -8.0, "eq") in got
    got = facts(
        "Meanwhile, Tesla China's wholesale sales in October, including domestic and export sales, totaled 61,497 units.",
        date(2025, 11, 10),
    )
    assert got == {("tesla", "wholesale", "2025-10", 61497.0, "eq")}


def test_the_industry_average_compared_with_is_no_subject_of_the_figures_after_it():
    text = (
        "In the first half of 2025, Geely sold 1.4 million vehicles. The penetration rate stood at 55.9%, "
        "exceeding the industry average of 50.4%. Export sales, however, declined 8% to 184,100 units."
    )
    assert ("geely", "exports", "2025-H1", 184100.0, "eq") in facts(text, date(2025, 8, 15))


def test_a_time_right_before_a_later_figure_is_that_figures_not_an_earlier_ones():
    got = facts(
        "零跑宣布2026年冲击百万销量目标。100万目标还会影响到零跑2035年400万辆目标的达成。", date(2026, 2, 4)
    )
    assert ("leapmotor", "delivery_target", "2035", 4000000.0, "eq") in got
    assert ("leapmotor", "delivery_target", "2035", 1000000.0, "eq") not in got


def test_a_past_years_figure_a_target_is_compared_with_is_that_years_sales():
    got = facts(
        "零跑宣布2026年冲击百万销量目标。100万辆的目标要比2025年的59.7万辆增长67.5%。", date(2026, 2, 4)
    )
    assert ("leapmotor", "sales", "2025", 597000.0, "eq") in got
    assert ("leapmotor", "delivery_target", "2025", 597000.0, "eq") not in got


def test_the_passenger_car_information_association_names_no_segment():
    got = facts("據中國乘用車信息聯席會數據,小米汽車9月交付41948臺,10月攀升至48654臺。", date(2025, 11, 20))
    assert ("xiaomi-su7-yu7", "deliveries", "2025-09", 41948.0, "eq") in got


def test_total_group_deliveries_after_a_brand_are_its_parents():
    got = facts(
        "In February, Firefly delivered 2,657 units, while total group deliveries rose 57.6% year-on-year to 20,797.",
        date(2026, 3, 2),
    )
    assert ("nio", "deliveries", "2026-02", 20797.0, "eq") in got
    assert ("nio", "deliveries_yoy", "2026-02", 57.6, "eq") in got
    assert ("firefly", "deliveries", "2026-02", 2657.0, "eq") in got


def test_the_namesake_brand_is_a_segment_when_the_paragraph_before_names_a_sibling():
    text = (
        "Despite Firefly's positioning as Nio's entry brand, it remains a small contributor.\n\n"
        "At the group level, Nio delivered 20,797 vehicles in February. Within this, the main Nio brand "
        "delivered 15,159 units, rising 66% year-on-year."
    )
    got = facts(text, date(2026, 3, 2))
    assert ("nio", "deliveries", "2026-02", 20797.0, "eq") in got
    assert ("nio", "deliveries", "2026-02", 15159.0, "eq") not in got


def test_a_cause_after_a_forecast_is_a_fact_and_a_change_in_a_named_metric_is_its():
    got = facts(
        "BYD is forecasting vehicle sales of 5 million in 2025, buoyed by a 93% increase in deliveries "
        "during the first two months of the year, totaling 623,300 units.",
        date(2025, 3, 20),
    )
    assert ("byd", "deliveries_yoy", "2025-01..2025-02", 93.0, "eq") in got
    # a target's change stays no fact
    got = facts(
        "For 2026, Lei Jun has set a target of 550,000 units – a 34% increase in sales compared to 2025.",
        date(2026, 1, 5),
    )
    assert not any(f[1].endswith("_yoy") for f in got)


def test_a_broker_reports_own_forecast_is_no_fact():
    text = (
        "Geely reported revenue of 72.5 billion yuan in Q1 2025. - Future Projections: The report forecasts "
        "total sales of 2.74 million, 3.24 million, and 3.75 million vehicles for 2025-2027."
    )
    got = facts(text, date(2025, 5, 20))
    assert ("geely", "revenue", "2025-Q1", 72.5e9, "eq") in got
    assert not any(f[3] in (2740000.0, 3240000.0, 3750000.0) for f in got)


def test_the_comma_of_a_date_splits_no_clause():
    got = facts(
        "NIO delivered 20,544 in May 2024, bringing cumulative deliveries to 515,811 as of May 31, 2024.",
        date(2024, 6, 6),
    )
    assert ("nio", "deliveries", "2024-05-31", 515811.0, "eq") in got


def test_a_change_from_a_quarter_of_a_year_in_the_next_sentence_is_the_counts():
    got = facts(
        "NIO delivered a total of 30,053 vehicles in Q1 2024. This represents a 3.2% decrease from Q1 2023 "
        "and a 39.9% decrease from Q4 2023.",
        date(2024, 6, 6),
    )
    assert ("nio", "deliveries_yoy", "2024-Q1", -3.2, "eq") in got
    assert not any(f[1] == "share_return" for f in got)


def test_passenger_cars_named_with_commercial_vehicles_are_the_makers_total():
    got = facts(
        "In 2023, Geely Holding sold 2.79 million units of passenger cars and commercial vehicles.",
        date(2025, 1, 6),
    )
    assert ("geely-holding", "sales", "2023", 2790000.0, "eq") in got
    # passenger cars alone stay a segment
    got = facts("In 2023, Geely Holding sold 2.5 million passenger cars.", date(2025, 1, 6))
    assert ("geely-holding", "sales", "2023", 2500000.0, "eq") not in got


def test_a_year_compared_with_then_a_when_clause_dates_the_clauses_figure():
    got = facts(
        "The goal represents about 79% growth from 2023, when Geely Holding sold 2.79 million vehicles.",
        date(2025, 1, 6),
    )
    assert got == {("geely-holding", "sales", "2023", 2790000.0, "eq")}


def test_home_sales_said_as_domestic_demand_are_a_segment():
    got = facts(
        "Tesla China sold 181,883 units to Chinese domestic demand in the third quarter.", date(2024, 10, 10)
    )
    assert ("tesla", "sales", "2024-Q3", 181883.0, "eq") not in got
    got = facts(
        "That is a 13.78% improvement over the 63,456 vehicles that were sold domestically in August 2024.",
        date(2024, 10, 10),
    )
    assert not any(f[3] == 63456.0 for f in got)


def test_a_day_named_just_after_an_undated_texts_release_day_is_of_its_year():
    text = (
        "11月25日,蔚来交出了成绩单。第三季度营收217.9亿元。"
        "財報發布后的11月26日、27日,蔚來港股股價單日分別下跌6.24%、1.55%。\n\n報告指出,蔚來2025年第三季度收入符合預期。"
    )
    got = {(f.entity, f.metric, f.period, f.value) for f in rules_read(text, None)}
    assert ("nio", "share_return", "2025-11-26", -6.24) in got


def test_the_quarter_to_a_day_and_a_figure_a_year_before_said_first():
    got = facts("截至2025年12月31日的季度，特斯拉獲利8.4億美元，遠低於一年前的21億美元。", date(2026, 1, 29))
    assert ("tesla", "net_profit", "2025-Q4", 840000000.0, "eq") in got
    assert ("tesla", "net_profit", "2024-Q4", 2100000000.0, "eq") in got


def test_a_time_opening_the_next_item_of_a_list_is_the_next_figures():
    got = facts("NIO's January deliveries were 10,055 and February deliveries were 8,132.", date(2025, 8, 20))
    assert ("nio", "deliveries", "2025-01", 10055.0, "eq") in got
    assert ("nio", "deliveries", "2025-02", 8132.0, "eq") in got
    # a time right after the figure is still its own
    got = facts("NIO delivered 10,055 units in January and 8,132 in February.", date(2025, 8, 20))
    assert ("nio", "deliveries", "2025-01", 10055.0, "eq") in got


def test_a_source_mark_is_no_number_and_ends_the_sentence():
    got = facts(
        "NIO's FIREFLY brand delivered 5,912 vehicles in October [3]. Robust sales followed.",
        date(2025, 11, 5),
    )
    assert got == {("firefly", "deliveries", "2025-10", 5912.0, "eq")}
    assert normalize("增长145% [3] 资本市场表现").text == "增长145% ;资本市场表现"


def test_a_forecast_goes_on_into_the_next_clause_of_its_sentence_with_ze():
    text = (
        "小鹏汽车公布业绩。公司预计第四季收入215亿至230亿元,交付量则约为12.5万至13.2万辆,上限均不及市场预期。"
    )
    got = facts(text, date(2025, 11, 18))
    assert ("xpeng", "delivery_target", "2025-Q4", 125000.0, "ge") in got
    assert ("xpeng", "delivery_target", "2025-Q4", 132000.0, "le") in got
    # a count after a past figure is no target
    got = facts("小鹏汽车第三季收入203.8亿元,交付量则为11.6万辆。", date(2025, 11, 18))
    assert ("xpeng", "deliveries", "2025-Q3", 116000.0, "eq") in got


def test_a_time_a_figure_changed_from_is_compared_with():
    text = "特斯拉表示，全年營收由 2024 年的 977 億美元降至 948 億美元。特斯拉第四季交車量年減 16%。"
    got = facts(text, date(2026, 1, 29))
    assert ("tesla", "revenue", "2024", 97_700_000_000.0, "eq") in got
    assert ("tesla", "revenue", "2025", 94_800_000_000.0, "eq") in got
    # the year changed from names no year for the quarter after it
    assert ("tesla", "deliveries_yoy", "2025-Q4", -16.0, "eq") in got


def test_a_metric_word_right_after_each_figure_is_its_own():
    got = facts("零跑汽车本季度194.5亿元营收与1.5亿元净利润的表现,打破了行业认知。", date(2025, 11, 20))
    assert ("leapmotor", "revenue", "2025-Q4", 19_450_000_000.0, "eq") in got
    assert ("leapmotor", "net_profit", "2025-Q4", 150_000_000.0, "eq") in got
    # a word right before a figure stays its own
    got = facts("蔚来第二季度交付量7.21万辆 同比增长25.6% 环比增长71.2%。", date(2025, 9, 2))
    assert ("nio", "deliveries_yoy", "2025-Q2", 25.6, "eq") in got


def test_respectively_pairs_the_times_with_the_list_of_figures_it_ends():
    text = (
        "Li Auto reported a net loss of 624.4 million RMB (87.7 million USD) in Q3 2025, compared to "
        "net profits of 2.8 billion RMB and 1.1 billion RMB in Q3 2024 and Q2 2025, respectively."
    )
    got = facts(text, date(2025, 11, 20))
    assert ("li-auto", "net_profit", "2024-Q3", 2_800_000_000.0, "eq") in got
    assert ("li-auto", "net_profit", "2025-Q2", 1_100_000_000.0, "eq") in got
    assert ("li-auto", "net_profit", "2025-Q3", -624_400_000.0, "eq") in got


def test_a_listings_brackets_give_its_share_price_and_market_value_on_the_articles_day():
    got = facts(
        "BYD (1211.HK, HK$99.20, HK$904bn) reported 2025 exports of over 1mn units.", date(2026, 1, 19)
    )
    assert ("byd", "share_price", "2026-01-19", 99.2, "eq") in got
    assert ("byd", "market_cap", "2026-01-19", 904_000_000_000.0, "eq") in got
    assert ("byd", "exports", "2025", 1_000_000.0, "gt") in got


def test_a_month_of_an_event_describing_a_name_is_no_figures_time():
    text = (
        "造车新势力4月交付量榜单揭晓。\n\n理想今年1、2月被小鹏反超,3、4月又降到第三名。\n\n"
        "挨过3月舆论风波的小米,仅宣布交付超过2.8万辆。\n\n蔚来交付23900辆。"
    )
    got = facts(text, date(2025, 5, 2))
    assert ("xiaomi-su7", "deliveries", "2025-04", 28000.0, "gt") in got
    assert ("nio", "deliveries", "2025-04", 23900.0, "eq") in got
    # a day's event is when its figures happened
    got = facts("3月13日发布上市的小鹏G6,7分钟内大定数量就超过了5000台。", date(2025, 4, 2))
    assert ("xpeng-g6", "orders", "2025-03-13", 5000.0, "gt") in got


def test_a_total_in_a_with_clause_takes_the_metric_named_before_it():
    text = (
        "The domestic narrow passenger car market in China experienced a retail sales decline in "
        "November 2025, with a total of 2.225 million units sold, representing a year-on-year decrease of 8.1%."
    )
    got = facts(text, date(2025, 12, 9))
    assert ("china-passenger-cars", "retail_sales", "2025-11", 2_225_000.0, "eq") in got
    assert ("china-passenger-cars", "retail_sales_yoy", "2025-11", -8.1, "eq") in got


def test_a_bare_second_change_after_a_comma_and_and_falls_with_the_first():
    text = "The Model 3 wholesale sales in October reached 22,935 units, which was a drop of 11.84% YoY, and 25.79% MoM."
    got = facts(text, date(2025, 11, 5))
    assert ("tesla-model-3", "wholesale_mom", "2025-10", -25.79, "eq") in got
    got = facts(
        "Tesla's wholesale sales in October were 61,497 units, up 9.9% YoY, and 2.8% MoM.", date(2025, 11, 5)
    )
    assert ("tesla", "wholesale_mom", "2025-10", 2.8, "eq") in got


def test_a_forecast_a_figure_far_beat_ends_with_its_own_figure():
    text = (
        "特斯拉25Q3全球交車量達497,099輛,遠超市場預期的443,000~447,600輛,不僅較去年同期成長7.4%,也打破紀錄。"
    )
    got = facts(text, date(2025, 10, 3))
    assert ("tesla", "deliveries_yoy", "2025-Q3", 7.4, "eq") in got
    assert not any(f[3] in (443000.0, 447600.0) for f in got)


def test_a_change_in_a_list_item_takes_the_count_and_time_of_the_lines_above_the_list():
    text = (
        "Highlights\n- China's NEV startups saw deliveries drop sharply month-over-month in January 2026.\n"
        "- Key companies affected included:\n- Huawei-linked HarmonyOS (-35.3% MoM)\n- Xiaomi Auto\n"
        "- NIO (-43.5% MoM)\n- XPeng (-46.7% MoM)"
    )
    got = facts(text, date(2026, 2, 3))
    assert ("nio", "deliveries_mom", "2026-01", -43.5, "eq") in got
    assert ("xpeng", "deliveries_mom", "2026-01", -46.7, "eq") in got
    # an item whose name the gazetteer does not know is not the article's subject's
    assert not any(f[3] == -35.3 for f in got)


def test_a_change_right_after_a_planned_count_is_the_plans():
    text = "吉利汽车2025年总销量302.46万辆。吉利计划2026年销售345万辆,同比增长14.1%,我们认为政策延续。"
    got = facts(text, date(2026, 1, 5))
    assert ("geely", "delivery_target", "2026", 3_450_000.0, "eq") in got
    assert not any(f[3] == 14.1 for f in got)


def test_a_month_last_year_a_change_runs_from_dates_the_figure_of_its_when_clause():
    text = (
        "XPeng delivered 7,079 EVs in April, up marginally from the 7,002 delivered in March. However, the "
        "numbers are a slump of about 21.4% from April last year when the company delivered 9,002 vehicles."
    )
    assert ("xpeng", "deliveries", "2022-04", 9002.0, "eq") in facts(text, date(2023, 5, 1))
    text = "NIO delivered 6,658 vehicles in April, a 35.8% drop from March deliveries, when the company delivered 10,378 units."
    assert ("nio", "deliveries", "2023-03", 10378.0, "eq") in facts(text, date(2023, 5, 1))


def test_a_change_ending_at_a_count_is_that_counts_growth():
    got = facts(
        "NIO delivered 10,378 vehicles in March. Nio recorded a 31.2% annual jump to 6,658 vehicles in April.",
        date(2023, 5, 1),
    )
    assert ("nio", "deliveries_yoy", "2023-04", 31.2, "eq") in got
    assert not any(f[1] == "share_return" for f in got)


def test_a_time_the_figures_are_viewed_in_is_no_event_time():
    text = "小鹏汽车2021年总交付量领先\n\n从12月交付量来看,小鹏汽车以1.6万台领先,同比增长181%;蔚来交付新车10489台,同比增长49.7%。"
    got = facts(text, date(2022, 1, 2))
    assert ("nio", "deliveries", "2021-12", 10489.0, "eq") in got
    assert ("nio", "deliveries_yoy", "2021-12", 49.7, "eq") in got


def test_a_three_digit_hong_kong_code_in_the_address_names_the_company():
    text = (
        "---\ntitle: 维持优于大市,目标价26.60 港元\n"
        "url: https://gmg.9fzt.com/report/HKSE/00175/816855862004.html\n---\n"
        "公司 3Q25 实现营业收入 891.9 亿元,同比增长 27%。"
    )
    assert ("geely", "revenue", "2025-Q3", 89_190_000_000.0, "eq") in facts(text, date(2025, 11, 20))


def test_metric_words_after_figures_joined_by_de_are_theirs():
    text = "2025年第一季度,理想汽车259.3亿元的营收和6.5亿元的净利润维持了双增长态势;但1.1%的营收同比增速无不昭示降速。"
    got = facts(text, date(2025, 5, 30))
    assert ("li-auto", "revenue", "2025-Q1", 25_930_000_000.0, "eq") in got
    assert ("li-auto", "net_profit", "2025-Q1", 650_000_000.0, "eq") in got
    assert ("li-auto", "revenue_yoy", "2025-Q1", 1.1, "eq") in got


def test_segment_revenues_and_their_changes_past_a_conversion_state_no_fact():
    text = (
        "XPeng released its Q3 2025 report.\n\n"
        "- Total revenues were RMB 20.38 billion in Q3 2025, up 101.8% year over year and 11.5% quarter over quarter.\n\n"
        "- Revenues from vehicle sales were RMB 18.05 billion (US$2.54 billion), up 105.3% YoY and 6.9% QoQ.\n\n"
        "- Revenues from services and others were RMB 2.33 billion (US$0.33 billion), up 78.1% YoY."
    )
    got = facts(text, date(2025, 11, 18))
    assert ("xpeng", "revenue", "2025-Q3", 20_380_000_000.0, "eq") in got
    assert ("xpeng", "revenue_yoy", "2025-Q3", 101.8, "eq") in got
    assert not any(f[3] in (11.5, 105.3, 78.1, 2_330_000_000.0) for f in got)
    # a company's "new energy transition" names no segment of its revenue
    text = (
        "Changan's half-year report highlights their new energy transition with revenue reaching "
        "76.7 billion yuan in the first half of 2024."
    )
    assert ("changan", "revenue", "2024-H1", 76_700_000_000.0, "eq") in facts(text, date(2024, 9, 2))


def test_a_filings_summary_table_run_together_gives_each_year_its_figures_and_the_change():
    text = (
        "吉利汽车控股有限公司\n截至二零二五年六月三十日止六个月的中期业绩公布\n财务摘要\n截至六月三十日止六个月\n"
        "二零二五年二零二四年变动\n(未经审核)\n(未经审核及经重列)%\n"
        "收益(人民币千元)150,284,734118,792,68927\n"
        "视为出售附属公司之收益及分类为持作出售的资产之减值亏损(人民币千元)–7,726,187(100)\n"
        "归属本公司股权持有人溢利\n(人民币千元)9,289,80710,789,540(14)\n"
        "总销量(部)1,409,180955,73047\n"
    )
    got = facts(text, date(2025, 8, 14))
    for fact in [
        ("geely", "revenue", "2025-H1", 150284734000.0, "eq"),
        ("geely", "revenue", "2024-H1", 118792689000.0, "eq"),
        ("geely", "revenue_yoy", "2025-H1", 27.0, "eq"),
        ("geely", "net_profit", "2025-H1", 9289807000.0, "eq"),
        ("geely", "net_profit_yoy", "2025-H1", -14.0, "eq"),
        ("geely", "sales", "2024-H1", 955730.0, "eq"),
        ("geely", "sales_yoy", "2025-H1", 47.0, "eq"),
    ]:
        assert fact in got
    # the row with an empty cell (an impairment, no fact) gives nothing
    assert not any(v in (7726187000.0, 100.0, -100.0) for *_, v, _ in got)
    got = facts(
        "理想汽车\n截至12月31日止年度2023年2024年變動(%)(人民幣千元,百分比除外)收入123,851,332144,459,94616.6%"
        "淨利潤11,809,1258,045,250(31.9)%歸屬於理想汽車普通股股東的綜合收益11,673,3678,085,478(30.7)%",
        date(2025, 3, 14),
    )
    assert got == {
        ("li-auto", "revenue", "2023", 123851332000.0, "eq"),
        ("li-auto", "revenue", "2024", 144459946000.0, "eq"),
        ("li-auto", "revenue_yoy", "2024", 16.6, "eq"),
        ("li-auto", "net_profit", "2023", 11809125000.0, "eq"),
        ("li-auto", "net_profit", "2024", 8045250000.0, "eq"),
        ("li-auto", "net_profit_yoy", "2024", -31.9, "eq"),
    }


def test_a_round_ups_counts_take_the_month_reported_in_a_copy_dated_weeks_later():
    text = (
        "造车新势力 4 月交付量榜单如期揭晓。\n\n"
        "零跑一早就甩出一张交付 41039 辆的成绩单。\n\n"
        "挨过 3 月舆论风波的小米,仍未公布具体数据。\n\n"
        "蔚来 (含乐道)交付 23900 辆,反超深蓝汽车 (20138 辆)\n\n"
        "在万辆俱乐部里,几方势力同样暗潮汹涌:\n\n"
        "比亚迪腾势 (15388 辆)、华为加持的阿维塔 (11681 辆)和东风岚图 (10019 辆)组成 「万辆三剑客」。"
    )
    got = facts(text, date(2025, 6, 26))  # (57 days after April ends)
    assert ("denza", "deliveries", "2025-04", 15388.0, "eq") in got
    assert ("voyah", "deliveries", "2025-04", 10019.0, "eq") in got
    # a month ended a quarter before the article's date is no round-up's
    assert not any(v == 15388.0 for *_, v, _ in facts(text, date(2025, 8, 20)))


def test_a_markdown_table_run_into_one_line_with_a_column_of_the_change_is_read():
    text = (
        "Leapmotor released its interim results. 2025 H1 Key Financial Data | Indicator | 2025 H1 (RMB billion) | "
        "2024 H1 (RMB billion) | Year-on-Year Growth | | :--- | :--- | :--- | :--- | | Revenue | 24.25 | 8.85 | "
        "174.0% | | Gross Margin | 14.1% | 1.1% | 13 percentage points | | Net Profit Attributable to Equity "
        "Holders | 0.03 | (2.21) | Turnaround to Profit | - The company said more."
    )
    got = facts(text, date(2025, 8, 20))
    assert {
        ("leapmotor", "revenue", "2025-H1", 24250000000.0, "eq"),
        ("leapmotor", "revenue", "2024-H1", 8850000000.0, "eq"),
        ("leapmotor", "revenue_yoy", "2025-H1", 174.0, "eq"),
        ("leapmotor", "net_profit", "2025-H1", 30000000.0, "eq"),
        ("leapmotor", "net_profit", "2024-H1", -2210000000.0, "eq"),
    } <= got
    # words in the change column ("Turnaround to Profit", "13 percentage points") give no change
    assert not any(m.endswith("_yoy") and v != 174.0 for _, m, _, v, _ in got)


def test_a_time_compared_with_after_a_change_is_not_the_changes():
    got = facts(
        "In October 2025, NIO delivered 40,397 vehicles, a company record. This total was 92.6% higher "
        "year-on-year and about 16% above its September deliveries, underscoring a sharp growth trajectory.",
        date(2025, 11, 5),
    )
    assert ("nio", "deliveries_yoy", "2025-10", 92.6, "eq") in got
    assert not any(p == "2025-09" for _, _, p, _, _ in got)
    # a span after "over" is the figure's own
    got = facts("BYD sold 1.11 million vehicles over the third quarter of 2025.", date(2025, 10, 5))
    assert ("byd", "sales", "2025-Q3", 1110000.0, "eq") in got


def test_a_monthly_release_table_flattened_one_cell_a_line_gives_each_row_its_six_columns():
    text = (
        "Geely Automobile Holdings Limited\n"
        "announced that the total sales volume of the Group during the month of December 2023 was 150,453 units, "
        "an increase of approximately 3% from the same period last year. Details are as follows:\n"
        "Current month\nThe same\nYear-on-year\nYear-to-date in\nYear-to-date for\nYoY change\n(Unit)\n"
        'period last\n("YoY")\ncurrent year\nthe same period\n(%)\n'
        "Geely\n107,382\n101,369\n6\n1,309,580\n1,124,780\n16\n"
        "of which: Galaxy\n12,088\n-\n-\n83,497\n-\n-\n"
        "LYNK & CO*\n25,695\n21,988\n17\n220,250\n180,127\n22\n"
        "Livan*\n3,900\n11,323\n-66\n38,001\n56,140\n-32\n"
        "Total\n150,453\n146,017\n3\n1,686,516\n1,432,988\n18\n"
        "Pure electric (battery\n34,156\n37,902\n-10\n334,598\n262,253\n28\n"
        "Export\n21,347\n19,538\n9\n274,101\n198,242\n38\n"
    )
    got = facts(text, date(2024, 1, 1))
    for fact in [
        ("lynk-co", "sales", "2023-12", 25695.0, "eq"),
        ("lynk-co", "sales", "2022-12", 21988.0, "eq"),
        ("lynk-co", "sales_yoy", "2023-12", 17.0, "eq"),
        ("lynk-co", "sales", "2023", 220250.0, "eq"),
        ("lynk-co", "sales", "2022", 180127.0, "eq"),
        ("lynk-co", "sales_yoy", "2023", 22.0, "eq"),
        ("geely-galaxy", "sales", "2023", 83497.0, "eq"),
        ("geely", "sales", "2022-12", 146017.0, "eq"),
        ("geely", "sales", "2023", 1686516.0, "eq"),
        ("geely", "exports", "2023-12", 21347.0, "eq"),
        ("geely", "exports_yoy", "2023", 38.0, "eq"),
    ]:
        assert fact in got
    # the Geely brand's row (the total row is the group's) and a segment's row give nothing
    assert not {107382.0, 1309580.0, 34156.0} & {v for *_, v, _ in got}


def test_a_mark_passed_over_a_range_of_months_after_a_months_figure_is_each_months():
    got = facts(
        "零跑汽车自2025年3月起,连续10个月蝉联新势力月销量冠军,7-8月破5万、9月破6万、10-11月破7万辆。",
        date(2026, 2, 3),
    )
    assert ("leapmotor", "sales", "2025-10", 70000.0, "gt") in got
    assert ("leapmotor", "sales", "2025-11", 70000.0, "gt") in got
    assert ("leapmotor", "sales", "2025-07", 50000.0, "gt") in got
    # a sum over the months, no mark passed, stays the range's
    got = facts("奇瑞月销量稳居前列,1-7月累计销量148万辆。", date(2025, 8, 5))
    assert not any(p == "2025-01" for _, _, p, _, _ in got)


def test_a_move_at_the_close_of_a_day_named_without_its_month_is_that_days():
    text = "7月1日,小米发布了新车。6月,交付超过2万台。\n截至10日港股收盘,小米集团股价下跌0.87%,市值1.48万亿港元。"
    got = facts(text, date(2025, 7, 10))
    assert ("xiaomi", "share_return", "2025-07-10", -0.87, "eq") in got
    # a day later than the article's is the month before's
    got = facts(text.replace("截至10日", "截至28日"), date(2025, 7, 10))
    assert ("xiaomi", "share_return", "2025-06-28", -0.87, "eq") in got


def test_a_figure_to_be_made_sure_of_is_a_target_and_a_single_months_is_its_months():
    got = facts(
        "雷军表示,“小米SU7 4月交付7058辆,6月将开双班,计划单月交付保障1万辆,2024全年确保交付10万辆,并冲刺12万辆。”",
        date(2024, 6, 2),
    )
    assert ("xiaomi", "delivery_target", "2024-06", 10000.0, "eq") in got
    assert ("xiaomi", "delivery_target", "2024", 100000.0, "eq") in got
    assert ("xiaomi", "delivery_target", "2024", 120000.0, "eq") in got
    assert not any(m == "deliveries" and v >= 100000 for _, m, _, v, _ in got)


def test_a_flow_compared_with_a_month_named_without_a_year_is_of_the_month_after():
    text = (
        "Aion sold 10,206 vehicles in January. With annual sales of 271,000 units, Aion was the champion in 2022.\n"
        "NIO Inc delivered 8,506 vehicles with YoY decrease of 23% and the delivery volume was 46% less than "
        "that in December, when the EV maker shattered monthly record with 15,815 units.\n"
        "Li Auto shipped 15,141 vehicles with a 23% YoY increase while the volume still fell by 29% from December, "
        "when it broke its monthly record."
    )
    got = facts(text, date(2023, 2, 2))
    for fact in [
        ("nio", "deliveries", "2023-01", 8506.0, "eq"),
        ("nio", "deliveries_yoy", "2023-01", -23.0, "eq"),
        ("nio", "deliveries_mom", "2023-01", -46.0, "eq"),
        ("nio", "deliveries", "2022-12", 15815.0, "eq"),
        ("li-auto", "deliveries", "2023-01", 15141.0, "eq"),
        ("li-auto", "deliveries_mom", "2023-01", -29.0, "eq"),
    ]:
        assert fact in got
    # a month compared with a year before ("from May 2022") says nothing of the month after
    got = facts(
        "Great Wall sold 101,020 vehicles. This is a 26.18% increase from May 2022.", date(2023, 6, 2)
    )
    assert not any(p == "2022-06" for _, _, p, _, _ in got)


def test_a_count_opening_a_makers_paragraph_after_anothers_takes_its_metric():
    text = (
        "Li Auto, XPeng and Nio reported their delivery numbers for April on Monday.\n\n"
        "Guangzhou, China-based XPeng delivered 7,079 EVs in April, up marginally from the 7,002 delivered in March.\n\n"
        "Nio recorded a 31.2% annual jump to 6,658 vehicles in April."
    )
    got = facts(text, date(2023, 5, 2))
    assert ("nio", "deliveries", "2023-04", 6658.0, "eq") in got
    assert ("nio", "deliveries_yoy", "2023-04", 31.2, "eq") in got
    # a paragraph not opened by a maker's name passes no metric on
    got = facts(text.replace("Guangzhou, China-based XPeng delivered", "The market took"), date(2023, 5, 2))
    assert not any(v == 6658.0 for *_, v, _ in got)


def test_a_cpca_report_named_in_the_paragraph_before_makes_teslas_sales_wholesale():
    text = (
        "The China Passenger Car Association (CPCA) today announced its February 2023 electric vehicle sales report.\n\n"
        "Among them, Tesla's February sales were 74,402 units, up 12.6% from January."
    )
    got = facts(text, date(2023, 3, 8))
    assert ("tesla", "wholesale", "2023-02", 74402.0, "eq") in got
    # two paragraphs back is too far
    got = facts(text.replace("\n\n", "\n\nThe market grew.\n\n"), date(2023, 3, 8))
    assert ("tesla", "sales", "2023-02", 74402.0, "eq") in got


def test_a_figure_of_the_previous_month_right_after_it_is_the_month_befores():
    got = facts(
        "Aion said its sales in November jumped 91% year-over-year to 28,765 vehicles, though dropping "
        "from 30,063 units in the previous month.",
        date(2022, 12, 2),
    )
    assert ("gac-aion", "sales", "2022-10", 30063.0, "eq") in got
    assert ("gac-aion", "sales", "2022-11", 28765.0, "eq") in got


def test_a_figure_of_all_the_months_of_a_half_is_each_months():
    got = facts(
        "Xpeng Motors' deliveries sagged in the first half of 2023 and were below 10,000 in all the months.",
        date(2023, 12, 2),
    )
    assert {p for e, m, p, v, b in got if v == 10000.0} == {f"2023-{m:02d}" for m in range(1, 7)}
    got = facts("Xpeng Motors' deliveries were below 60,000 in the first half of 2023.", date(2023, 12, 2))
    assert {p for e, m, p, v, b in got if v == 60000.0} == {"2023-H1"}


def test_a_list_of_labelled_lines_with_no_bullets_reads_like_a_bulleted_one():
    text = (
        "Xpeng delivered 9,310 cars in March, 12% more than a year ago.\n\n"
        "In early 2023, the company started sales in Denmark.\n\n"
        "Deliveries by model:\n\n"
        "G9 (large SUV): 4,120 (up 30% year-over-year)\n\n"
        "P7: 5,190 (down 2%)\n\n"
        "Total: 9,310 (up 12% year-over-year)\n\n"
        "So far this year, Xpeng delivered over 25,000 cars.\n\n"
        "G9: 11,004\n\n"
        "P7: 14,420\n"
    )
    got = facts(text, date(2024, 4, 2))
    assert ("xpeng-g9", "deliveries", "2024-03", 4120.0, "eq") in got
    assert ("xpeng-g9", "deliveries_yoy", "2024-03", 30.0, "eq") in got
    assert ("xpeng-p7", "deliveries_yoy", "2024-03", -2.0, "eq") in got
    # the total row is the maker's, not the last model's
    assert ("xpeng", "deliveries", "2024-03", 9310.0, "eq") in got
    assert not any(e == "xpeng-p7" and v == 9310.0 for e, m, p, v, b in got)
    # labelled lines under a sentence closing its paragraph take its metric and span
    assert ("xpeng-g9", "deliveries", "2024-01..2024-03", 11004.0, "eq") in got
    assert ("xpeng-p7", "deliveries", "2024-01..2024-03", 14420.0, "eq") in got
    # "in early 2023, the company started sales": when an event happened, no figure's time
    assert not any(p.startswith("2023") for e, m, p, v, b in got)


def test_a_quarterly_report_named_by_its_quarter_dates_the_figures_it_holds():
    got = facts(
        "小米备受关注的三季报，果然亮点不少——经调整净利润98亿元，汽车交付9.2万辆。", date(2025, 11, 20)
    )
    assert ("xiaomi", "net_profit", "2025-Q3", 9800000000.0, "eq") in got
    assert not any(p == "2025-11-20" for e, m, p, v, b in got)


def test_that_day_is_the_day_named_last_in_its_paragraph_and_a_hong_kong_market_value_is_in_hkd():
    text = (
        "恒生指数公司宣布,零跑汽车将于2024年3月8日收市后被纳入恒生综合指数。\n\n"
        "零跑汽车(09863)3月1日正式在港交所上市,每股定价50港元。首秀表现平淡,当日收报48元,"
        "市值为640.2亿元。"
    )
    got = facts(text, date(2024, 3, 8))
    assert ("leapmotor", "share_price", "2024-03-01", 48.0, "eq") in got
    assert ("leapmotor", "market_cap", "2024-03-01", 64020000000.0, "eq") in got
    assert {f.unit for f in rules_read(text, date(2024, 3, 8)) if f.metric == "market_cap"} == {"HKD"}


def test_a_close_on_a_day_named_without_its_month_dates_the_price_and_the_move():
    text = "蔚来汽车计划香港上市。\n\n蔚来美股9日收报21.3美元,跌幅为2.4%。"
    got = facts(text, date(2022, 3, 10))
    assert ("nio", "share_price", "2022-03-09", 21.3, "eq") in got
    assert ("nio", "share_return", "2022-03-09", -2.4, "eq") in got


def test_a_market_value_shrunk_to_a_level_is_that_level_not_the_loss():
    got = facts("5月8日,小鹏汽车港股下跌6.1%,市值缩水至1032亿港元。", date(2024, 5, 9))
    assert ("xpeng", "market_cap", "2024-05-08", 103200000000.0, "eq") in got
    got = facts("5月8日,小鹏汽车港股下跌6.1%,市值缩水120亿港元。", date(2024, 5, 9))
    assert not any(m == "market_cap" for e, m, p, v, b in got)


def test_a_makers_count_does_not_carry_a_models_orders_from_the_sentence_before():
    text = (
        "造车新势力3月交付数据陆续揭晓。小鹏汽车以30,520辆的交付量首次登顶,这一成绩得益于新车热销,"
        "P7+车型预售订单突破2.5万辆。"
        "蔚来以28,114辆位列第二,同比增长12.5%。"
    )
    got = facts(text, date(2025, 4, 2))
    assert not any(e == "nio" and m.startswith("orders") for e, m, p, v, b in got)
    assert ("nio", "deliveries", "2025-03", 28114.0, "eq") in got


def test_a_lone_change_on_the_year_is_of_the_count_the_headline_names():
    body = (
        "\n\nIn October of this year, Avatr soared with an over 61% year-on-year increase, while "
        "Xpeng hit the brakes, experiencing a 12% decline year on year."
    )
    got = facts("October Sales Rankings for New Energy Vehicles" + body, date(2025, 11, 3))
    assert ("avatr", "sales_yoy", "2025-10", 61.0, "gt") in got
    assert ("xpeng", "sales_yoy", "2025-10", -12.0, "eq") in got
    # a first line that ends a sentence is the text's own, no headline
    got = facts("Xpeng said it was ready to sell cars in Europe." + body, date(2025, 11, 3))
    assert not any(m == "sales_yoy" for e, m, p, v, b in got)


def test_a_table_head_with_no_cell_over_the_labels_still_heads_its_columns():
    text = (
        "NIO Inc. announced its unaudited financial results.\n"
        "| 2025 Q2 | 2025 Q1 | 2024 Q4 | ||||\n"
        "| Deliveries | 72,056 | 42,094 | 72,689 | |||\n"
    )
    got = facts(text, date(2025, 9, 2))
    assert got == {
        ("nio", "deliveries", "2025-Q2", 72056.0, "eq"),
        ("nio", "deliveries", "2025-Q1", 42094.0, "eq"),
        ("nio", "deliveries", "2024-Q4", 72689.0, "eq"),
    }


def test_a_close_of_the_session_at_a_price_is_a_share_price_and_its_move_a_return():
    got = facts(
        "Xpeng, a smart electric-vehicle maker, closed Friday's session at $21.35, up 2.40%.",
        date(2025, 12, 13),
    )
    assert ("xpeng", "share_price", "2025-12-12", 21.35, "eq") in got
    assert ("xpeng", "share_return", "2025-12-12", 2.4, "eq") in got


def test_a_quote_box_after_a_name_is_no_figure_of_the_article():
    got = facts(
        "Tesla (TSLA 1.05%) fell by 1.13% and Xpeng (XPEV +0.58%) gained 0.64% on the day.",
        date(2025, 12, 30),
    )
    assert {(e, v) for e, m, p, v, b in got if m == "share_return"} == {("tesla", -1.13), ("xpeng", 0.64)}


def test_a_share_price_of_a_day_named_without_its_month_and_a_close_made_at_a_price():
    got = facts("蔚来股价5日上涨2.35%，以6.12美元作收。", date(2025, 12, 20))
    assert ("nio", "share_return", "2025-12-05", 2.35, "eq") in got
    assert ("nio", "share_price", "2025-12-05", 6.12, "eq") in got


def test_a_body_styles_count_is_a_segment_not_the_makers_total():
    text = (
        "In May, Xpeng delivered 7,210 cars. The volume includes 2,150 crossovers/SUVs (down 40 percent "
        "year-over-year) and 5,060 sedans (up 80 percent year-over-year)."
    )
    got = facts(text, date(2023, 6, 2))
    assert ("xpeng", "deliveries", "2023-05", 7210.0, "eq") in got
    assert not any(v in (2150.0, 5060.0, -40.0, 80.0) for e, m, p, v, b in got)


def test_sold_wildly_is_sales_and_a_market_share_ratio_a_market_share():
    got = facts("广汽埃安2022年狂卖27万辆,10月市占比高达8.5%。", date(2023, 1, 3))
    assert ("gac-aion", "sales", "2022", 270000.0, "eq") in got
    assert ("gac-aion", "market_share", "2022-10", 8.5, "eq") in got


def test_a_segment_word_describing_the_maker_is_no_segment_and_a_close_after_its_day_and_share_price():
    text = (
        "中国大陆手机品牌大厂小米集团18日公布财报,2025年第二季营收年增30.5%至人民币1,160亿元。\n\n"
        "小米港股18日股价收涨2.1%至50.2港币。"
    )
    got = facts(text, date(2025, 8, 19))
    assert ("xiaomi", "revenue_yoy", "2025-Q2", 30.5, "eq") in got
    assert ("xiaomi", "share_return", "2025-08-18", 2.1, "eq") in got
    assert ("xiaomi", "share_price", "2025-08-18", 50.2, "eq") in got


def test_a_release_highlight_before_any_time_takes_the_span_the_release_names_after_it():
    text = (
        "NIO Inc. Reports Unaudited Results\n\n"
        "Quarterly total revenues reached RMB19.7 billion\n\n"
        "Full year total revenues reached RMB65.7 billion\n\n"
        "SHANGHAI, China, March 21, 2025 -- NIO Inc. today announced its unaudited financial results "
        "for the quarter and full year ended December 31, 2024.\n\n"
        "Highlights for the Fourth Quarter of 2024 and Full Year 2024"
    )
    got = facts(text, date(2025, 3, 21))
    assert ("nio", "revenue", "2024-Q4", 19700000000.0, "eq") in got
    assert ("nio", "revenue", "2024", 65700000000.0, "eq") in got


def test_the_market_a_record_is_of_is_no_subject_for_the_figures_after_it():
    text = (
        "零跑汽车刷新全球新能源车企交付速度纪录。"
        "朱江明透露,2025年全年交付目标将突破50万辆,今年前三季度累计交付量已超39万辆。"
    )
    got = facts(text, date(2025, 10, 20))
    assert ("leapmotor", "delivery_target", "2025", 500000.0, "gt") in got
    assert ("leapmotor", "deliveries", "2025-01..2025-09", 390000.0, "gt") in got


def test_a_line_up_described_in_an_aside_is_no_segment_of_the_figure_after_it():
    text = "Geely, with its Galaxy and Zeekr series of EVs and hybrids, sold 150,112 vehicles in April, up 2.4% from March."
    got = facts(text, date(2024, 5, 9))
    assert ("geely", "sales_mom", "2024-04", 2.4, "eq") in got
    assert ("geely", "sales", "2024-04", 150112.0, "eq") in got  # (not Zeekr's, named in the aside)
    # a first figure that is a segment's keeps the sentence's changes a segment's
    text = "Geely, with its Galaxy and Zeekr series of EVs and hybrids, sold 150,112 passenger vehicles in April, up 2.4% from March."
    assert not any(m == "sales_mom" for e, m, p, v, b in facts(text, date(2024, 5, 9)))


def test_each_time_a_bracket_compares_with_serves_its_bracket_only():
    text = (
        "第二季度净利润排名:小鹏汽车净亏损4.8亿元(较去年同期12.8亿元大幅收窄),"
        "理想汽车净利润11亿元(去年同期盈利11亿元),蔚来汽车净亏损50亿元(较去年同期48亿元扩大)。"
    )
    got = facts(text, date(2025, 9, 30))
    assert ("nio", "net_profit", "2025-Q2", -5000000000.0, "eq") in got
    assert not any(e == "nio" and p == "2024-Q2" and v == -5000000000.0 for e, m, p, v, b in got)


def test_a_change_of_this_figure_takes_the_time_of_the_figure_referred_to():
    text = (
        "Nio reported delivering 15,815 EVs in October, a 14% increase from the 13,879 units delivered "
        "in September. However, this figure represents a 3.2% decrease compared to October 2023."
    )
    got = facts(text, date(2024, 11, 2))
    assert ("nio", "deliveries_yoy", "2024-10", -3.2, "eq") in got


def test_a_time_compared_with_then_during_which_is_the_time_of_the_figure_after_it():
    text = (
        "Xpeng delivered 8,620 vehicles in May. This figure represents a 5.1% decrease from April, "
        "during which Xpeng delivered 9,080 units."
    )
    got = facts(text, date(2023, 6, 1))
    assert ("xpeng", "deliveries", "2023-04", 9080.0, "eq") in got
    assert ("xpeng", "deliveries_mom", "2023-05", -5.1, "eq") in got


def test_the_previous_months_figure_named_before_it_is_the_month_befores():
    text = "Xpeng delivered 30,453 vehicles in June. This beat its previous month's delivery record of 30,125 units."
    got = facts(text, date(2025, 7, 1))
    assert ("xpeng", "deliveries", "2025-05", 30125.0, "eq") in got
    assert ("xpeng", "deliveries", "2025-06", 30453.0, "eq") in got


def test_orders_piled_up_are_a_backlog():
    got = facts("小鹏汽车3月交付3.3万辆,但8万台订单积压暴露产能瓶颈。", date(2025, 4, 2))
    assert {m for e, m, p, v, b in got if v == 80000.0} == {"backlog"}


def test_a_release_of_wholesale_figures_two_sentences_back_makes_teslas_counts_wholesale():
    text = (
        "1月6日,乘联会发布了12月份主力车企批发数据。特斯拉中国交付了93766辆,2023年累计交付超过了94万辆。"
        "其中,Model Y超过45万辆,接近特斯拉中国2022年71万辆的交付成绩。"
    )
    got = facts(text, date(2024, 1, 6))
    assert ("tesla", "wholesale", "2022", 710000.0, "eq") in got
    assert ("tesla-model-y", "wholesale", "2023", 450000.0, "gt") in got


def test_a_breakdown_of_a_target_carries_the_target_to_its_items():
    text = (
        "BYD's 2026 target is 5 million units. The breakdown is as follows: Denza 200,000 units, "
        "Fangchengbao 300,000 units."
    )
    got = facts(text, date(2025, 12, 20))
    assert ("denza", "delivery_target", "2026", 200000.0, "eq") in got
    assert ("fangchengbao", "delivery_target", "2026", 300000.0, "eq") in got


def test_a_net_profit_margin_is_no_profit_and_no_change_of_one():
    got = facts(
        "Geely's net profit margin rose from 3.2% in 2023 to 4.1% in 2024, among the best.", date(2025, 3, 25)
    )
    assert not any(v in (3.2, 4.1) for e, m, p, v, b in got)


def test_a_rival_passed_in_the_sentence_before_is_not_the_subject_of_the_figure_after():
    text = (
        "In 2024, Geely achieved annual revenue of 240.2 billion yuan, its first-ever surpassing of "
        "Nio (whose revenue was much lower). While the 34% year-on-year revenue growth was remarkable, "
        "its profit grew faster."
    )
    got = facts(text, date(2025, 3, 25))
    assert ("geely", "revenue_yoy", "2024", 34.0, "eq") in got
    assert not any(e == "nio" for e, m, p, v, b in got)


def test_a_rival_passed_after_a_figure_is_not_its_subject():
    text = (
        "Geely Auto posts record results.\n\nIn 2024, the automaker achieved revenue of 240.2 billion "
        "yuan, its first breakthrough through the 200-billion-yuan threshold and its first-ever surpassing of Nio."
    )
    got = facts(text, date(2025, 3, 25))
    assert ("geely", "revenue", "2024", 200000000000.0, "gt") in got
    assert not any(e == "nio" for e, m, p, v, b in got)


def test_a_time_after_lower_or_higher_than_dates_its_own_figure_only():
    # 低于去年第四季度的…: the quarter compared with is that figure's, and names no year for
    # a bare quarter after it
    text = (
        "小鹏汽车净亏损7.866亿元,略低于去年第四季度的7.874亿元。\n"
        "何小鹏表示,第一季度汽车交付数量创纪录。\n公司营收增长3.5%,至29.5亿元。"
    )
    got = facts(text, date(2021, 5, 14))
    assert ("xpeng", "net_profit", "2020-Q4", -787400000.0, "eq") in got
    assert ("xpeng", "revenue", "2021-Q1", 2950000000.0, "eq") in got
    # a record the time set is that time's figure: 低於2023年第3季創下的100億元紀錄
    got = facts("比亞迪第2季獲利90.62億元,僅低於2023年第3季創下的100億元紀錄。", date(2024, 8, 29))
    assert ("byd", "net_profit", "2023-Q3", 1e10, "eq") in got
    # and a loss written 淨損 after the same period a year before
    got = facts("蔚來第三季淨損 45.57 億元,遠高於去年同期的淨損 41.11 億元。", date(2023, 12, 6))
    assert ("nio", "net_profit", "2022-Q3", -4111000000.0, "eq") in got


def test_this_quarter_after_guidance_for_the_next_is_the_quarter_reported():
    # 本季度 is the quarter last named, not one named under guidance (24Q2指引, 预计24Q2)
    text = (
        "小鹏汽车24Q1:Q1累计交付21,821辆车。24Q2指引:公司预计24Q2汽车销量将在2.9万辆至3.2万辆。"
        "利润端:本季度小鹏汽车净亏损13.7亿元人民币。"
    )
    got = facts(text, None)
    assert ("xpeng", "net_profit", "2024-Q1", -1370000000.0, "eq") in got
    assert ("xpeng", "delivery_target", "2024-Q2", 29000.0, "ge") in got


def test_a_time_compared_with_after_a_later_figure_is_that_figures_alone():
    # "below the 111,074 units delivered in the second quarter of 2025": the time of that
    # figure, compared with; not of the figure "a year earlier" before it, nor context for
    # the paragraph after
    text = (
        "Li Auto reported fiscal third-quarter 2025 results. Li Auto delivered 93,211 vehicles "
        "during the period, down 39.0% from 152,831 units a year earlier and below the 111,074 "
        "units delivered in the second quarter of 2025.\n\n"
        "Adjusted net loss came in at 360.3 million yuan, down sharply from adjusted net income "
        "of 3.84 billion yuan a year ago."
    )
    got = facts(text, None)
    assert ("li-auto", "deliveries", "2024-Q3", 152831.0, "eq") in got
    assert ("li-auto", "deliveries", "2025-Q2", 111074.0, "eq") in got
    assert ("li-auto", "net_profit", "2025-Q3", -360300000.0, "eq") in got


def test_a_december_compared_with_in_january_is_the_one_just_over():
    # in January 2026, after "last November": "from the 97,171 units delivered in December"
    # is December 2025, not 2024
    text = (
        "Tesla China's wholesale deliveries reached 69,129 units in January, up 9.3% compared to a "
        "year ago. The growth extended a streak that started last November. However, sales fell "
        "28.9% from the 97,171 units delivered in December."
    )
    got = {(p, v) for _, _, p, v, _ in facts(text, date(2026, 2, 10))}
    assert ("2025-12", 97171.0) in got


def test_a_change_of_the_former_or_the_latter_is_of_that_figure():
    text = (
        "零跑汽车公布第三季度财报。营收194.5亿元;交付量17.4万台;"
        "这两项数字都是去年同期的一倍,前者同比增长97.3%,后者增长101.9%。"
    )
    got = facts(text, date(2025, 11, 18))
    assert ("leapmotor", "revenue_yoy", "2025-Q3", 97.3, "eq") in got
    assert ("leapmotor", "deliveries_yoy", "2025-Q3", 101.9, "eq") in got


def test_a_growth_naming_no_figure_is_of_the_headlines_count_not_a_share_move():
    text = (
        "November Sales Rankings for New Energy Vehicles Unveiled\n\n"
        "In November of this year, NIO led the pack. Xiaomi secured the third spot with "
        "approximately 72.74% growth, while Seres and Leapmotor claimed the fourth and fifth positions."
    )
    got = facts(text, date(2025, 12, 3))
    assert ("xiaomi-su7-yu7", "sales_yoy", "2025-11", 72.74, "approx") in got
    assert not any(m == "share_return" for _, m, *_ in got)


def test_a_time_compared_with_is_no_context_for_the_sentence_after():
    text = (
        "Tesla's China-produced deliveries rose 9% year-on-year to 69,129 units in January 2026 "
        "from 63,238 in January 2025, according to data published by the CPCA on Wednesday.\n"
        "The figures placed Tesla third among major Chinese EV makers, behind BYD's 205,518 units."
    )
    got = {(e, p, v) for e, _, p, v, _ in facts(text, date(2026, 2, 12))}
    assert ("byd", "2026-01", 205518.0) in got


def test_figures_in_brackets_after_times_compared_with_are_of_those_times():
    text = (
        "In May, NIO delivered 6,155 all-electric cars (globally), which means a slight decrease "
        "compared to both April (6,658) and the previous year (7,024, down 12 percent)."
    )
    got = facts(text, date(2023, 6, 2))
    assert {
        ("nio", "deliveries", "2023-05", 6155.0, "eq"),
        ("nio", "deliveries", "2023-04", 6658.0, "eq"),
        ("nio", "deliveries", "2022-05", 7024.0, "eq"),
    } <= got


def test_adjusted_operating_income_after_an_operating_loss_is_no_revenue():
    text = (
        "Li Auto posted an adjusted operating loss of 912.5 million yuan in the third quarter of "
        "2025, compared with adjusted operating income of 4.5 billion yuan in the prior year."
    )
    assert not any(m == "revenue" for _, m, *_ in facts(text, None))
    # the English of 营业收入 for a Chinese company's revenue still is revenue
    got = facts("Chery achieved an operating income of 42.166 billion yuan in 2024.", None)
    assert ("chery", "revenue", "2024", 42166000000.0, "eq") in got


def test_a_sum_said_to_be_converted_is_a_conversion():
    text = (
        "In 2024, BYD achieved annual revenue of 777.1 billion yuan, marking its first-ever "
        "surpassing of Tesla (whose revenue converted to 702.2 billion yuan after currency exchange)."
    )
    values = {v for *_, v, _ in facts(text, None)}
    assert 777.1e9 in values and 702.2e9 not in values
    got = facts("特斯拉2024年营收977亿美元,换算成人民币约7022亿元。", None)
    assert not any(v == 702.2e9 for *_, v, _ in got)


def test_the_revenue_earned_abroad_is_a_segment():
    got = facts(
        "In 2024 BYD generated 777.1 billion yuan in revenue, including 221.9 billion yuan from overseas markets.",
        None,
    )
    assert {v for *_, v, _ in got} == {777.1e9}
    got = facts("2024年,长城汽车海外销量达到45.41万辆,海外业务收入高达802.59亿元,同比增幅达51.11%。", None)
    assert not any(m.startswith("revenue") for _, m, *_ in got)
    assert ("gwm", "exports", "2024", 454100.0, "eq") in got


def test_a_gap_still_left_to_a_target_is_no_figure():
    got = facts(
        "极氪前9月累计销量仅12.8万辆,同比微增3%,距离32万辆的年度目标尚差19.2万辆。", date(2025, 10, 9)
    )
    assert ("zeekr", "delivery_target", "2025", 320000.0, "eq") in got
    assert not any(v == 192000.0 for *_, v, _ in got)


def test_a_running_total_is_no_flow_of_the_paragraph_before():
    text = (
        "Xiaomi said it had delivered more than 40,000 vehicles in each month from July to September.\n\n"
        "In a statement, the company said it had received more than 300,000 orders for the YU7 since "
        "the model's launch."
    )
    got = facts(text, date(2025, 10, 1))
    assert ("xiaomi-yu7", "orders", "2025-10-01", 300000.0, "gt") in got


def test_a_cumulative_total_through_a_month_is_as_of_its_end():
    text = (
        "Nio delivered 36,275 vehicles in November 2025. Nio's cumulative deliveries now stand at "
        "949,457 vehicles through November.\n\n"
        "XPeng also had a solid month, delivering 36,728 smart EVs, up 19% year-over-year."
    )
    got = facts(text, date(2025, 12, 8))
    assert ("nio", "deliveries", "2025-11-30", 949457.0, "eq") in got
    assert ("xpeng", "deliveries", "2025-11", 36728.0, "eq") in got
    # delivered "through November" with no running total named: the year so far
    got = facts("BYD delivered 4.18 million vehicles through November.", date(2025, 12, 8))
    assert ("byd", "deliveries", "2025-01..2025-11", 4180000.0, "eq") in got


def test_january_to_december_of_one_year_is_that_year():
    got = facts("2022年1-12月,理想汽车累计交付133246辆,同比增长47.2%。", date(2023, 1, 5))
    assert ("li-auto", "deliveries", "2022", 133246.0, "eq") in got
    assert ("li-auto", "deliveries_yoy", "2022", 47.2, "eq") in got


def test_the_market_a_maker_is_said_to_be_in_is_no_subject():
    text = (
        "3月14日,理想汽车披露2024年第四季度及全年财务业绩。理想汽车在20万元及以上新能源汽车市场全年累计"
        "市占率升至15.3%,全年交付量同比增长33.1%,达到500508辆。\n"
        "财报显示,第四季度收入总额为443亿元人民币,同比增长6.1%。"
    )
    got = facts(text, None)
    assert ("li-auto", "deliveries", "2024", 500508.0, "eq") in got
    assert ("li-auto", "revenue", "2024-Q4", 44300000000.0, "eq") in got


def test_a_full_year_highlight_after_a_years_last_day_is_of_that_year():
    text = (
        "XPENG Reports Fourth Quarter and Fiscal Year 2023 Unaudited Financial Results\n\n"
        "  • Cash were RMB45.70 billion as of December 31, 2023\n"
        "  • Full year vehicle deliveries reached 141,601, a 17.3% increase year-over-year\n"
    )
    got = facts(text, date(2024, 3, 19))
    assert ("xpeng", "deliveries", "2023", 141601.0, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2023", 17.3, "eq") in got


def test_results_in_line_with_expectations_are_no_forecast():
    got = facts("小鹏汽车3Q21业绩基本符合预期,实现2.57万辆交付量,收入同比增长187.4%至57.2亿元。", None)
    assert ("xpeng", "revenue", "2021-Q3", 5720000000.0, "eq") in got
    assert ("xpeng", "revenue_yoy", "2021-Q3", 187.4, "eq") in got


def test_a_count_before_an_english_target_word_is_a_target():
    from evlens.extract.core import read_facts

    text = "Li Auto will continue to strive for a 50,000 monthly delivery target in December."
    got = {(f.metric, f.period, f.value) for f in read_facts(text, date(2023, 12, 1), judged=False)}
    assert got == {("delivery_target", "2023-12", 50000.0)}


def test_the_national_passenger_car_market_is_chinas():
    text = "In September, the national passenger car market retail reached 2.241 million units, a year-on-year increase of 6.3%."
    got = facts(text, date(2025, 10, 13))
    assert ("china-passenger-cars", "retail_sales", "2025-09", 2241000.0, "eq") in got
    assert ("china-passenger-cars", "retail_sales_yoy", "2025-09", 6.3, "eq") in got


def test_a_time_opening_a_makers_further_total_is_not_the_next_makers():
    text = (
        "此外,赛力斯12月交付超5.7万辆,理想汽车交付44246辆,第四季度累计109194辆,"
        "极氪交付30267辆,同比增长11.3%。"
    )
    got = facts(text, date(2026, 1, 2))
    assert ("li-auto", "deliveries", "2025-Q4", 109194.0, "eq") in got
    assert ("zeekr", "deliveries", "2025-12", 30267.0, "eq") in got


def test_a_figure_a_rival_passed_reported_is_the_rivals():
    got = facts("比亞迪2025全年度共售出460萬輛，大幅領先特斯拉於2日公布的163萬輛。", date(2026, 1, 5))
    assert ("tesla", "sales", "2025", 1630000.0, "eq") in got
    assert not any(e == "byd" and v == 1630000.0 for e, _, _, v, _ in got)


def test_a_sum_a_year_before_in_brackets_is_no_conversion():
    text = (
        "第三季度盈利格局呈现“一盈三亏”:小鹏汽车净亏损3.8亿元(较去年同期18.1亿元大幅收窄),"
        "理想汽车净亏损6.2亿元(去年同期盈利28亿元)。"
    )
    got = facts(text, date(2025, 11, 28))
    assert ("xpeng", "net_profit", "2024-Q3", -1.81e9, "eq") in got
    assert ("li-auto", "net_profit", "2024-Q3", 2.8e9, "eq") in got
    # a sum in another currency in brackets stays a conversion
    got = facts("理想汽车第三季度净亏损6.244亿元人民币(8770万美元)。", date(2025, 11, 28))
    assert not any(v == 8.77e7 for *_, v, _ in got)


def test_a_capitalised_full_year_in_a_release_is_the_year_reported():
    text = (
        "XPENG Reports Fourth Quarter and Fiscal Year 2023 Results\n\n"
        "  • Cash and cash equivalents were RMB45.70 billion as of December 31, 2023\n"
        "  • Quarterly total revenues were RMB13.05 billion, a 53.0% increase quarter-over-quarter\n"
        "  • Quarterly gross margin was 6.2%, an increase of 8.9 percentage points quarter-over-quarter\n"
        "  • Full year vehicle deliveries reached 141,601, a 17.3% increase year-over-year\n"
        "  • Full year revenues reached RMB30.68 billion\n"
    )
    assert ("xpeng", "revenue", "2023", 30.68e9, "eq") in facts(text, date(2024, 3, 19))


def test_a_maker_named_as_a_partner_by_the_words_after_it_is_not_the_subject():
    text = (
        "小鹏汽车24Q1:总营收65.5亿元人民币,服务和其他收入10亿元,同比增长93.1%,"
        "主要系大众汽车集团进行平台与软件战略技术合作有关的技术研发服务收益本季度首次确认软件收入。"
        "利润端:整体毛利率12.9%;本季度净亏损13.7亿元人民币,同比缩窄41.5%。"
    )
    got = facts(text, date(2024, 5, 22))
    assert ("xpeng", "net_profit", "2024-Q1", -1.37e9, "eq") in got
    assert not any(e == "volkswagen" for e, *_ in got)


def test_a_challenged_count_of_a_year_is_that_years_goal():
    text = "理想汽车董事长兼CEO李想信心满满。他在业绩电话会上表示,“我们将挑战年交付80万辆。”"
    assert facts(text, date(2024, 2, 27)) == {("li-auto", "delivery_target", "2024", 800000.0, "eq")}
    # a goal said after its figure is of the year the text names for it, not the article's
    got = facts("曾经定下的550万辆年目标,比亚迪后来主动把目标降到了460万辆。", date(2026, 1, 5))
    assert not any(p == "2026" for *_, p, _, _ in got)


def test_a_time_a_figure_did_not_pass_is_one_compared_with():
    text = (
        "集邦指出,特斯拉與比亞迪第2季列居第一、二名。Tesla市占率21.7% ,但未突破第1季的成績;"
        "比亞迪市占率微幅提升至16.2%。"
    )
    got = facts(text, date(2023, 8, 22))
    assert ("byd", "market_share", "2023-Q2", 16.2, "eq") in got
    assert not any(p == "2023-Q1" for *_, p, _, _ in got)


def test_a_share_climbed_to_a_level_is_that_level():
    text = "理想汽車第2季銷量8.7萬輛創下單季新高,市占率爬升到近10%,排名維持第2。"
    got = facts(text, date(2023, 8, 22))
    assert ("li-auto", "market_share", "2023-Q2", 10.0, "lt") in got
    assert not any(m.endswith("_yoy") for _, m, *_ in got)


def test_chinas_auto_industry_is_no_makers():
    text = (
        "比亞迪、吉利汽車排名上升至第3、第4,首次超過本田汽車、日產汽車兩家日本車企。"
        "中國汽車流通協會乘聯分會的數據顯示,中國汽車業7月獲利293億元,比去年同期下滑17%。"
    )
    got = facts(text, date(2025, 9, 3))
    assert not any(v in (2.93e10, -17.0) for *_, v, _ in got)


def test_a_change_with_a_spaced_percent_sign_is_read():
    text = "BYD reported January figures falling 30 % year‑on‑year to 210,051 units. January sales fell 30 % year-on-year."
    assert ("byd", "sales_yoy", "2026-01", -30.0, "eq") in facts(text, date(2026, 2, 3))


def test_a_maker_matched_is_a_point_of_comparison():
    text = (
        "BYD sold approximately 1.8 million electric vehicles last year, matching Tesla’s sales figures, "
        "and delivered 4.3 million vehicles in total. Net profits also surged to 40.3 billion yuan, "
        "marking a 34% increase compared to 2023."
    )
    got = facts(text, date(2025, 3, 25))
    assert ("byd", "net_profit", "2024", 40.3e9, "eq") in got
    assert not any(e == "tesla" for e, *_ in got)


def test_a_rise_of_over_one_fold_is_the_figures_growth():
    text = "小米第三季淨利達人民幣122.7億元,較去年同期的53.5億元大幅成長,增幅逾一倍。"
    assert ("xiaomi", "net_profit_yoy", "2025-Q3", 100.0, "gt") in facts(text, date(2025, 11, 19))


def test_a_maker_followed_is_a_point_of_comparison():
    text = (
        "2026年1月,小米汽车交付量超过39000台。零跑汽车紧随小米之后,同样以稳健姿态发力开年市场,"
        "1月全系交付达32059台。"
    )
    got = facts(text, date(2026, 2, 2))
    assert ("leapmotor", "deliveries", "2026-01", 32059.0, "eq") in got
    assert not any(v == 32059.0 and e != "leapmotor" for e, *_, v, _ in got)


def test_a_profit_contracted_by_a_percentage_is_its_fall():
    text = (
        "BYD said the company’s third-quarter net profit had already contracted by 33% to RMB 7.82 billion."
    )
    assert ("byd", "net_profit_yoy", "2025-Q3", -33.0, "eq") in facts(text, date(2025, 11, 20))


def test_a_month_a_record_is_behind_is_one_compared_with():
    text = (
        "In December, Tesla China’s wholesale sales reached 97,171 vehicles. This figure represents the "
        "company’s second-best month on record, just behind November 2022, and a 3.63% increase from "
        "December of the previous year."
    )
    assert ("tesla", "wholesale_yoy", "2024-12", 3.63, "eq") in facts(text, date(2025, 1, 8))


def test_a_fall_year_on_year_said_with_shao_le_is_a_change_not_a_difference():
    text = "理想汽车2024年度在股东利润方面,理想汽车实现了80.3亿元的盈利,但这一数字同比减少了31.4%。"
    assert ("li-auto", "net_profit_yoy", "2024", -31.4, "eq") in facts(text, date(2025, 3, 20))


def test_a_quarter_a_change_is_over_is_one_compared_with():
    text = (
        "Li Auto reported non-GAAP net income of RMB 1.41 billion in the first quarter, an increase "
        "of 196.4 percent year-on-year and up 46.1 percent over the fourth quarter."
    )
    got = facts(text, date(2023, 5, 10))
    assert ("li-auto", "net_profit_yoy", "2023-Q1", 196.4, "eq") in got
    assert not any(p == "2022-Q4" for *_, p, _, _ in got)


def test_a_maker_named_once_by_its_ambiguous_name_before_its_figures_is_named_by_it_throughout():
    text = (
        "2 月 26 日晚間,造車新勢力龍頭理想公佈了 2023 年四季報。問界的訂單也在增長。"
        "2023 年第四季度,理想再度創下銷量新高,銷量高達 13.2 萬輛。"
    )
    got = facts(text, date(2024, 2, 27))
    assert ("li-auto", "sales", "2023-Q4", 132000.0, "eq") in got
    assert not any(e == "aito" for e, *_ in got)


def test_chinas_whole_car_market_named_as_a_subject_is_no_makers():
    text = "上汽集团2025年销量450万辆。2025年,中國汽車累計銷售3440萬輛,同比增長9.4%,連續十七年穩居全球第一。"
    got = facts(text, date(2026, 1, 20))
    assert ("saic", "sales", "2025", 4.5e6, "eq") in got
    assert not any(v in (3.44e7, 9.4) for *_, v, _ in got)


def test_sales_in_a_sentence_on_markets_abroad_are_exports():
    text = (
        "上汽集团上半年销售205.3万辆。海外市場方面,上汽努力克服各種不利因素,實現銷售49.4萬輛,同比增長1.3%。"
    )
    got = facts(text, date(2025, 7, 10))
    assert ("saic", "exports", "2025-H1", 494000.0, "eq") in got
    assert ("saic", "exports_yoy", "2025-H1", 1.3, "eq") in got


def test_a_fall_in_tenths_after_xia_hua_is_the_figures_change():
    text = "比亞迪 (002594-CN)(01211-HK)2 月銷量為 19.02 萬輛，雖同比下滑四成，但其出口銷量首次突破 10 萬輛。"
    assert ("byd", "sales_yoy", "2026-02", -40.0, "eq") in facts(text, date(2026, 3, 2))


def test_a_parent_companys_loss_of_a_sum_is_negative_and_million_yuan_is_money():
    text = (
        "Li Auto said: in the third quarter of 2025, the company reported a net profit attributable to "
        "the parent company loss of 624 million yuan."
    )
    assert ("li-auto", "net_profit", "2025-Q3", -6.24e8, "eq") in facts(text, date(2026, 1, 10))
    assert ("li-auto", "net_profit", "2025-Q3", -6.2e8, "eq") in facts(
        "Li Auto Q3 Net Loss Hits 620 Million Yuan", date(2026, 1, 10)
    )


def test_a_count_before_a_years_delivery_volume_goal_is_the_goal():
    text = "2022年开始,极氪新车交付逐渐上量,当年交付了约7.2万辆新车,完成了7万辆的年交付量目标。"
    got = facts(text, date(2024, 5, 10))
    assert ("zeekr", "delivery_target", "2022", 70000.0, "eq") in got
    assert ("zeekr", "deliveries", "2022", 70000.0, "eq") not in got


def test_a_maker_a_ratio_is_taken_with_is_a_point_of_comparison():
    text = (
        "核心财务表现 - 2025年上半年营收3712.8亿元,同比增长23.3% - 毛利率显著高于特斯拉 "
        "- 特斯拉同期整车销售毛利润267亿元,同比下降28.2% "
        "- 比亚迪整车销售毛利润与特斯拉比值从2021年25.9%扩大至2025年上半年231%"
    )
    got = facts(text, date(2025, 9, 1))
    assert not any(e == "tesla" and m.startswith("revenue") for e, m, *_ in got)


def test_a_count_of_a_makers_models_made_at_home_is_the_makers():
    text = "特斯拉上海工厂12月共交付93,766辆国产Model 3和Model Y。"
    assert facts(text, date(2025, 1, 10)) == {("tesla", "wholesale", "2024-12", 93766.0, "eq")}


def test_a_time_after_a_share_of_a_target_or_a_miss_is_not_ahead():
    # the quarter's results are reported, not planned, though a target is named before it
    for text in (
        "Li Auto Delivers Only 63% of Target, Q3 Net Loss Hits 620 Million Yuan",
        "Li Auto Misses Target, Q3 Net Loss Hits 620 Million Yuan",
    ):
        assert facts(text, date(2026, 1, 12)) == {("li-auto", "net_profit", "2025-Q3", -6.2e8, "eq")}


def test_a_maker_a_brand_was_developed_by_is_not_whom_its_figure_is_for():
    text = (
        "The Aito brand, co-developed by Seres and Huawei and headquartered in Chongqing's Liangjiang "
        "New Area, delivered more than 147,000 vehicles in the first half."
    )
    assert facts(text, date(2025, 9, 4)) == {("aito", "deliveries", "2025-H1", 147000.0, "gt")}


def test_a_bound_word_before_a_word_of_praise_bounds_the_figure():
    got = facts(
        "Tesla's total wholesale shipments in 2023 were approaching an impressive 950,000 units.",
        date(2024, 1, 10),
    )
    assert got == {("tesla", "wholesale", "2023", 950000.0, "lt")}
    got = facts(
        "Tesla's wholesale shipments in December exceeded a whopping 90,000 units.", date(2024, 1, 10)
    )
    assert got == {("tesla", "wholesale", "2023-12", 90000.0, "gt")}


def test_the_makers_of_a_market_are_not_the_market_as_a_subject():
    text = "赛力斯2025年营收1105.34亿元。第三季度毛利率攀升至29.95%,稳居全球电动车企前列。2025年新能源汽车销量472,269辆。"
    assert ("seres", "sales", "2025", 472269.0, "eq") in facts(text, date(2026, 1, 10))


def test_a_run_of_months_at_the_top_is_the_ranks_not_the_figures():
    got = facts("在4月中零跑以41,039辆的销量连续两月登顶,同比激增173%。", date(2025, 5, 10))
    assert got == {
        ("leapmotor", "sales", "2025-04", 41039.0, "eq"),
        ("leapmotor", "sales_yoy", "2025-04", 173.0, "eq"),
    }


def test_makers_listed_then_taken_up_as_they_each_have_the_figure():
    text = "央國企中,一汽、長安、奇瑞也處於頭部梯隊,它們去年的銷量規模已經來到300萬輛上下。"
    assert facts(text, date(2026, 2, 10)) == {
        (maker, "sales", "2025", 3e6, "approx") for maker in ("faw", "changan", "chery")
    }


def test_a_goal_met_in_a_clause_before_does_not_make_the_next_figure_a_goal():
    text = "理想汽车不仅以12个月连续环比递增的姿态实现了全年销量目标,而且在12月首度突破5万辆大关。"
    assert facts(text, date(2024, 1, 5)) == {("li-auto", "sales", "2023-12", 50000.0, "gt")}
    text = "2017年,吉利汽车全年销128万辆,超额完成销量目标(110万辆)。"
    assert ("geely", "delivery_target", "2017", 1.1e6, "eq") in facts(text, date(2018, 1, 10))


def test_a_goal_passed_is_the_goal_itself_not_more_than_it():
    got = facts("小米汽车年度累计交付突破40万台,远超35万台的年度目标。", date(2025, 10, 5))
    assert ("xiaomi", "delivery_target", "2025", 350000.0, "eq") in got


def test_the_scope_of_a_ranking_topped_and_a_maker_left_behind_are_not_subjects():
    text = (
        "值得一提的是,去年比亞迪成功拿下全球電動車銷量排行榜冠軍,全年電動車的銷量高達 302.4 萬輛,"
        "同比增長 67.79%,將特斯拉甩在身後,其中海外銷量同比大增 457.66%。"
    )
    assert facts(text, date(2024, 3, 30)) == {
        ("byd", "sales", "2023", 3024000.0, "eq"),
        ("byd", "sales_yoy", "2023", 67.79, "eq"),
        ("byd", "exports_yoy", "2023", 457.66, "eq"),
    }


def test_an_aspect_opened_after_a_years_report_takes_the_year_not_the_quarter_named_in_passing():
    text = (
        "報告顯示,去年比亞迪實現了營收 6023.15 億元,同比增長了 42.04%,四季度實現營收 1800.40 億元。"
        "利潤方面,其歸屬於上市公司股東的淨利潤達到 300.4 億元,同比增長了 80.72%。"
        "實現扣非淨利潤 284.62 億元,同比增長 82.01%。"
    )
    got = facts(text, date(2024, 3, 30))
    assert ("byd", "revenue", "2023-Q4", 1.8004e11, "eq") in got
    assert ("byd", "net_profit", "2023", 3.004e10, "eq") in got
    assert ("byd", "net_profit", "2023", 2.8462e10, "eq") in got


def test_metrics_listed_before_respectively_pair_with_their_figures_and_changes():
    text = (
        "长城汽车公布年报。2023年公司营收、归母净利润、扣非净利润分别为1732.12亿元、70.22亿元、48.34亿元,"
        "同比分别增长26.12%、-15.06%、7.98%。Q4单季度营收、归母净利润分别为537.09亿元、20.27亿元,"
        "同比+41.86%、+1818.21%,环比+8.43%、-44.22%。"
    )
    assert facts(text, date(2024, 4, 3)) == {
        ("gwm", "revenue", "2023", 1.73212e11, "eq"),
        ("gwm", "net_profit", "2023", 7.022e9, "eq"),
        ("gwm", "net_profit", "2023", 4.834e9, "eq"),
        ("gwm", "revenue_yoy", "2023", 26.12, "eq"),
        ("gwm", "net_profit_yoy", "2023", -15.06, "eq"),
        ("gwm", "net_profit_yoy", "2023", 7.98, "eq"),
        ("gwm", "revenue", "2023-Q4", 5.3709e10, "eq"),
        ("gwm", "net_profit", "2023-Q4", 2.027e9, "eq"),
        ("gwm", "revenue_yoy", "2023-Q4", 41.86, "eq"),
        ("gwm", "net_profit_yoy", "2023-Q4", 1818.21, "eq"),
    }


def test_a_bare_number_a_change_grew_to_is_a_level_of_that_changes_metric():
    text = (
        "Li Auto sold 133,000 vehicles in 2023. Nio recorded a year-on-year sales increase of 31pc to 160,000. "
        "Xpeng’s growth was 17pc to slightly over 140,000."
    )
    got = facts(text, date(2024, 1, 10))
    assert ("xpeng", "sales", "2023", 140000.0, "gt") in got
    assert ("xpeng", "sales_yoy", "2023", 17.0, "eq") in got


def test_a_round_ups_count_after_a_makers_possessive_takes_the_month_it_reports():
    text = (
        "Multiple automakers achieved historic electric vehicle sales in May.\n"
        "New Energy Startups Shift into High Gear\n"
        "Startups delivered equally stunning numbers. Leapmotor’s 45,067 vehicles secured its third consecutive "
        "monthly startup crown."
    )
    got = facts(text, date(2025, 6, 12))
    assert ("leapmotor", "deliveries", "2025-05", 45067.0, "eq") in got
    assert ("leapmotor", "deliveries", "2025-04", 45067.0, "eq") not in got


def test_overseas_shipments_are_exports():
    text = "SAIC’s car sales soared to 124,575 units in May, complemented by robust overseas shipments of 97,793 vehicles."
    assert ("saic", "exports", "2025-05", 97793.0, "eq") in facts(text, date(2025, 6, 12))


def test_a_past_years_deliveries_a_target_grows_from_are_deliveries():
    text = (
        "Xpeng has set an ambitious 2026 delivery target of 550,000 to 600,000 units, representing a projected "
        "28.1% to 39.7% year-over-year growth from its 2025 deliveries of 429,445 vehicles."
    )
    got = facts(text, date(2026, 1, 5))
    assert ("xpeng", "deliveries", "2025", 429445.0, "eq") in got
    assert ("xpeng", "delivery_target", "2026", 550000.0, "ge") in got


def test_a_quarters_flow_dated_only_by_a_year_is_the_quarter_the_article_reports():
    text = (
        "2025年11月消息：造车新势力第三季度财报陆续出炉。\n"
        "理想汽车2025年第三季度营收为273.65亿元，同比下滑36.2%。第四季度公司预计交付量10万-11万辆；"
        "按此计算，2025年交付量将在39.7万-40.7万辆之间。\n"
        "小鹏汽车单季度营收首次突破200亿元，同比上涨101.8%至203.8亿元。"
    )
    got = facts(text, date(2025, 11, 20))
    assert ("xpeng", "revenue", "2025-Q3", 20380000000.0, "eq") in got
    assert not any(e == "xpeng" and p in ("2025", "2025-Q4") for e, _, p, *_ in got)
    # a quarter's figure named beside a whole year's is not the year's
    got = facts(
        "极氪2024年第四季度营收227.78亿元。全年来看，227.78亿元的单季营收数据与222123辆的总交付量都印证了增长。",
        date(2025, 3, 20),
    )
    assert ("zeekr", "deliveries", "2024", 222123.0, "eq") in got


def test_a_years_possessive_before_a_part_of_it_is_one_time():
    text = (
        "Li Auto delivered 152,831 vehicles in last year's third quarter. "
        "NIO delivered 61,855 vehicles in 2024’s first half."
    )
    got = facts(text, date(2025, 9, 2))
    assert ("li-auto", "deliveries", "2024-Q3", 152831.0, "eq") in got
    assert ("nio", "deliveries", "2024-H1", 61855.0, "eq") in got
    assert not any(p in ("2024", "2025") for _, _, p, *_ in got)


def test_a_months_flow_dated_only_by_a_year_is_the_month_the_article_reports():
    text = (
        "乘联分会数据显示，9月狭义乘用车销量224.1万辆。9月销量榜上，"
        "特斯拉Model Y成为今年首度月销超过5万辆的车型。"
    )
    got = facts(text, date(2025, 10, 15))
    assert ("tesla-model-y", "sales", "2025-09", 50000.0, "gt") in got
    assert not any(p == "2025" for _, _, p, *_ in got)
    # a monthly average, or a level held month after month, is no month's figure
    for held in (
        "9月销量榜上，特斯拉今年月均销量超过5万辆。",
        "9月销量榜上，进入2025年，零跑汽车的月交付量稳定在5万台以上。",
    ):
        assert not any(p == "2025-09" and v == 50000.0 for _, _, p, v, _ in facts(held, date(2025, 10, 15)))


def test_a_round_ups_count_named_by_its_metric_after_it_keeps_the_reported_month():
    lead = "Multiple automakers achieved historic electric vehicle sales in May.\n\nMarket Leaders Charge Ahead\n\n"
    filler = "BYD dominated the market. SAIC followed. Geely gained. Great Wall held on. Chery grew.\n\n"
    text = lead + filler + "Changan's brands shone: while Avatr’s 12,767 sales marked a record."
    got = facts(text, date(2025, 6, 12))
    assert ("avatr", "sales", "2025-05", 12767.0, "eq") in got
    # and so does a count after a maker and its count's verb, with the others of its sentence
    text = lead + filler + "Li Auto moved 40,856 SUVs, and XPeng hit 33,525 deliveries."
    got = facts(text, date(2025, 6, 12))
    assert ("xpeng", "deliveries", "2025-05", 33525.0, "eq") in got


def test_the_share_of_nevs_in_the_market_is_the_whole_markets_penetration():
    text = (
        "In December last year, new energy passenger vehicle retail sales totaled 945,000 units, up 47.3 "
        "percent year on year, with the share of NEVs in the overall market reaching 40.2 percent.\n\n"
        "In 2023, new energy passenger vehicle retail sales reached 7.736 million units, with the "
        "market share of NEVs reaching 35.7 percent for the given period."
    )
    got = facts(text, date(2024, 1, 10))
    assert ("china-passenger-cars", "nev_penetration", "2023-12", 40.2, "eq") in got
    assert ("china-passenger-cars", "nev_penetration", "2023", 35.7, "eq") in got
    assert not any(m == "market_share" for _, m, *_ in got)


def test_a_time_after_a_word_of_contrast_is_compared_with_and_names_no_year_after_it():
    text = (
        "小鹏汽车公布2023年第一季度业绩。截至2023年3月31日，现金为384.1亿元，相较而言，截至2022年3月31日为"
        "417.1亿元。第一季度汽车总交付量为18,230辆。"
    )
    got = facts(text, date(2023, 5, 31))
    assert ("xpeng", "deliveries", "2023-Q1", 18230.0, "eq") in got
    assert not any(p == "2022-Q1" for _, _, p, *_ in got)


def test_deliveries_a_report_forecasts_are_a_target():
    text = "蔚来公布第一季财报。财报预测第二季的汽车交付量，将比去年同期增长逾一倍，达5.4万至5.6万辆。"
    got = facts(text, date(2024, 6, 7))
    assert ("nio", "delivery_target", "2024-Q2", 54000.0, "ge") in got
    assert ("nio", "delivery_target", "2024-Q2", 56000.0, "le") in got
    assert not any(m == "deliveries" for _, m, *_ in got)


def test_a_leading_phrase_before_a_name_is_that_names():
    lead = "Tesla delivered 1,808,581 vehicles in 2023. "
    for text, maker, value in (
        (
            "To commemorate its achievement of surpassing the three million vehicle mark in sales in 2023, BYD is offering subsidies.",
            "byd",
            3e6,
        ),
        ("Having sold 3,024,417 vehicles in 2023, BYD raised its goal.", "byd", 3024417.0),
    ):
        got = facts(lead + text, date(2024, 1, 4))
        assert any(e == maker and v == value for e, _, _, v, _ in got), got
        assert not any(e == "tesla" and v == value for e, _, _, v, _ in got)


def test_a_list_of_figures_pairs_with_the_list_of_makers_opening_its_clause():
    got = facts("前三季度，比亚迪、吉利销量为326万辆、217万辆。", date(2025, 11, 5))
    assert ("byd", "sales", "2025-01..2025-09", 3260000.0, "eq") in got
    assert ("geely", "sales", "2025-01..2025-09", 2170000.0, "eq") in got
    # a list of makers of another length pairs with none
    got = facts("前三季度，比亚迪、吉利、奇瑞销量为326万辆、217万辆。", date(2025, 11, 5))
    assert ("byd", "sales", "2025-01..2025-09", 3260000.0, "eq") not in got


def test_a_past_records_month_names_no_month_for_the_figures_after_it():
    text = (
        "The company sold 240,220 NEVs in May, breaking its previous monthly record set in December of "
        "235,200. The BYD Dolphin saw sales rise 377% YOY to 30,679 on higher demand."
    )
    got = facts(text, date(2023, 6, 1))
    assert ("byd-dolphin", "sales", "2023-05", 30679.0, "eq") in got
    assert ("byd-dolphin", "sales_yoy", "2023-05", 377.0, "eq") in got


def test_a_headline_sum_dated_only_by_a_close_day_takes_the_span_the_report_names_after_it():
    text = (
        "亏损收窄至42亿元，零跑汽车探索第二增长曲线\n\n"
        "摘要：3月26日，零跑股价收盘上涨6.08%。\n\n"
        "亏损收窄至42亿元，零跑汽车探索第二增长曲线\n\n"
        "3月25日晚间，零跑汽车发布2023年财报，全年营收167.5亿元。"
    )
    got = facts(text, date(2024, 3, 27))
    assert ("leapmotor", "net_profit", "2023", -4.2e9, "eq") in got
    assert not any(m == "net_profit" and p == "2024-03-26" for _, m, p, *_ in got)
    # a count's day may be its milestone's: it keeps the day
    got = facts(
        "11月18日，小米举行发布会。\n\n小米SU7交付量突破10万辆。\n\n小米汽车2024年的交付目标为12万辆。",
        date(2024, 11, 20),
    )
    assert ("xiaomi-su7", "deliveries", "2024-11-18", 1e5, "gt") in got


def test_a_count_stepped_over_is_more_than_it():
    got = facts(
        "理想汽车表示,2023年全年交付新车37.6万辆,成为首家迈过30万辆年交付大关的中国新势力车企。",
        date(2024, 3, 1),
    )
    assert ("li-auto", "deliveries", "2023", 3e5, "gt") in got
    got = facts("蔚来2025年交付量跨过了30万辆。", date(2026, 1, 2))
    assert ("nio", "deliveries", "2025", 3e5, "gt") in got


def test_a_share_swing_over_a_span_is_no_move():
    got = facts(
        "据统计,从2024年年初至年末,赛力斯股价涨幅高达78.04%,区间振幅更是达到125.60%。", date(2025, 1, 10)
    )
    assert ("seres", "share_return", "2024", 78.04, "eq") in got
    assert not any(v == 125.6 for *_, v, _ in got)


def test_that_figure_opening_a_paragraph_refers_to_the_last_figure_of_the_one_before():
    text = (
        "Tesla sold 71,525 vehicles in China during September 2025, the company's second-highest "
        "monthly total this year after March.\n\n"
        "That figure represents a 25.15% increase month-over-month and a 0.93% drop year-over-year."
    )
    got = facts(text, date(2025, 10, 13))
    assert ("tesla", "sales_mom", "2025-09", 25.15, "eq") in got
    assert not any(p == "2025-03" for _, _, p, *_ in got)


def test_a_count_a_later_clause_calls_a_quarterly_record_is_the_quarter_reported():
    text = (
        "造车新势力第三季度财报陆续出炉。理想汽车2025年第三季度营收273.65亿元。\n\n"
        "第四季度理想汽车预计交付量10万-11万辆,同比下降30.7%-37.0%;按此计算,2025年交付量将在39.7万-40.7万辆之间,"
        "较2024年的50.05万辆大幅下滑约20%。\n\n"
        "小鹏汽车单季度营收首次突破200亿元。共交付新车116007辆,同比增长149.3%,创下单季度交付量历史新高。"
    )
    got = facts(text, date(2025, 11, 20))
    assert ("xpeng", "deliveries", "2025-Q3", 116007.0, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2025-Q3", 149.3, "eq") in got
    # a quarterly word governing a figure of its own leaves the year's count alone
    got = facts(
        "小鹏汽车2025年第三季度营收203.8亿元。2025年小鹏汽车交付42万辆,单季度交付最高达11.6万辆。",
        date(2026, 1, 5),
    )
    assert ("xpeng", "deliveries", "2025", 420000.0, "eq") in got


def test_figures_paired_respectively_with_brands_named_in_the_sentence_before():
    text = (
        "Changan’s NEV strategy revolves around three major brands—Avatr, Deepal, and Qiyuan—each "
        "targeting different price segments. In October, these brands sold 13,506, 36,792, and "
        "36,378 units, respectively."
    )
    got = facts(text, date(2025, 11, 12))
    assert {(e, v) for e, m, p, v, b in got if m == "sales"} == {
        ("avatr", 13506.0),
        ("deepal", 36792.0),
        ("changan-qiyuan", 36378.0),
    }
    got = facts(
        "长安旗下有阿维塔、深蓝和启源三个品牌。10月这三个品牌分别销售1.35万辆、3.68万辆和3.64万辆。",
        date(2025, 11, 12),
    )
    assert ("deepal", "sales", "2025-10", 36800.0, "eq") in got


def test_all_makers_wholesale_is_no_one_makers():
    text = "比亚迪再次夺得中国汽车销量冠军。乘联会数据显示,中国12月乘用车厂商新能源批发157万辆,同比增长4%,环比下滑8%。"
    got = facts(text, date(2026, 1, 10))
    assert not any(v in (1.57e6, 4.0, -8.0) for *_, v, _ in got)


def test_a_count_said_to_double_with_no_other_change_word_is_a_change_of_100_percent():
    assert ("xpeng", "sales_yoy", "2025", 100.0, "eq") in facts(
        "小鹏汽车2025年销量实现翻倍。", date(2026, 1, 10)
    )
    got = facts("XPeng's sales more than doubled in 2025.", date(2026, 1, 10))
    assert ("xpeng", "sales_yoy", "2025", 100.0, "gt") in got
    # (said of what follows it, "the doubled sales", it is no change read)
    got = facts("翻倍的销量撑起了收入底盘,零跑全年营收321.6亿元。", date(2025, 3, 10))
    assert not any(v == 100.0 for *_, v, _ in got)


def test_a_change_of_makers_listed_as_of_a_kind_is_each_ones():
    text = "2025年TOP20车企销量:17家车企实现同比增长,其中11家增幅超过40%,小米、小鹏、零跑等品牌实现翻倍暴涨。"
    got = facts(text, date(2026, 1, 10))
    assert {e for e, m, p, v, b in got if v == 100.0} == {"xiaomi-su7-yu7", "xpeng", "leapmotor"}
    # (makers named as examples of a line-up are not the subject of a change after them)
    got = facts("凭借问界、智界、享界等多品牌的布局,2025年赛力斯销量增长30%。", date(2026, 1, 10))
    assert {e for e, m, p, v, b in got if v == 30.0} == {"seres"}


def test_nev_penetration_in_china_after_makers_in_another_clause_is_the_markets():
    got = facts(
        "Geely dethroned BYD in January sales as NEV penetration craters to 44% in China.", date(2026, 2, 10)
    )
    assert ("china-passenger-cars", "nev_penetration", "2026-01", 44.0, "eq") in got
    # (a maker's own share of NEVs holds no fact, in China or not)
    got = facts("Geely's NEV penetration reached 58% in China in January.", date(2026, 2, 10))
    assert not any(v == 58.0 for *_, v, _ in got)


def test_a_headline_count_that_doubles_to_a_level_is_a_change_of_100_percent():
    got = facts("NIO Q1 2026: deliveries double to 83,465 units; revenue up 112%.", date(2026, 6, 2))
    assert ("nio", "deliveries_yoy", "2026-Q1", 100.0, "eq") in got
    assert ("nio", "deliveries", "2026-Q1", 83465.0, "eq") in got
    # (a double-digit rise or a double of a car is no change of 100 percent)
    got = facts("NIO's deliveries posted a double-digit rise of 15% in March 2026.", date(2026, 4, 2))
    assert not any(v == 100.0 for *_, v, _ in got)


def test_a_figure_beating_its_schedule_by_more_than_a_span_is_no_difference():
    got = facts(
        "Leapmotor had completed the 2025 sales target of 500,000 vehicles more than a month ahead of schedule.",
        date(2025, 12, 2),
    )
    assert ("leapmotor", "delivery_target", "2025", 5e5, "eq") in got
    # (a count more than a year before it is still a difference)
    got = facts(
        "Leapmotor delivered 70,000 vehicles in November, 10,000 more than a year earlier.", date(2025, 12, 2)
    )
    assert not any(v == 10000.0 for *_, v, _ in got)


def test_a_sum_as_of_a_months_end_is_the_year_so_far():
    text = "财务数据显示,截至2024年9月30日,比亚迪股份实现营业总收入5022.51亿元,同比增长18.94%。"
    got = facts(text, date(2024, 11, 1))
    assert ("byd", "revenue", "2024-01..2024-09", 5.02251e11, "eq") in got
    assert ("byd", "revenue_yoy", "2024-01..2024-09", 18.94, "eq") in got
    got = facts("截至2024年6月30日,比亚迪实现营业收入3011.27亿元。", date(2024, 9, 1))
    assert ("byd", "revenue", "2024-H1", 3.0112700000000e11, "eq") in got
    # (a running count as of a day keeps its day)
    got = facts("截至2024年9月30日,比亚迪累计销量突破800万辆。", date(2024, 10, 8))
    assert ("byd", "sales", "2024-09-30", 8e6, "gt") in got


def test_the_industry_bodys_figures_are_no_subjects():
    text = (
        "特斯拉前7月中國銷量下跌13.7%。\n\n"
        "據陸媒報道，中國汽車工業協會今天公布7月汽車工業產銷數據顯示，7月份汽車銷量259.3萬輛，比6月下降10.7%。"
    )
    got = facts(text, date(2025, 8, 11))
    assert not any(v in (2.593e6, -10.7) for *_, v, _ in got)


def test_a_count_does_not_take_the_quarter_a_later_guidance_is_for():
    text = (
        "NIO delivered a solid Q1 2026 turnaround, with total revenue up 112.2% year over year. "
        "Vehicle deliveries rose 98.3% year over year to 83,465 units, and management guided Q2 "
        "deliveries of 110,000-115,000 units."
    )
    got = facts(text, date(2026, 6, 2))
    assert ("nio", "deliveries", "2026-Q1", 83465.0, "eq") in got
    assert ("nio", "deliveries_yoy", "2026-Q1", 98.3, "eq") in got


def test_a_table_broken_into_one_cell_a_line_with_empty_cells_after_each():
    text = (
        "Li Auto Inc. Announces Unaudited First Quarter 2026 Financial Results\n"
        "Operating Highlights for the First Quarter of 2026\n"
        "2026 Q1 | | |\n2025 Q4 | | |\n2025 Q3 | | |\n2025 Q2 | |\n"
        "| Deliveries | |\n"
        "| 95,142 | | |\n| 109,194 | | |\n| 93,211 | | |\n| 111,074 | |\n"
        "| | |\n"
    )
    got = facts(text, date(2026, 5, 28))
    assert {(p, v) for e, m, p, v, b in got if e == "li-auto" and m == "deliveries"} == {
        ("2026-Q1", 95142.0),
        ("2025-Q4", 109194.0),
        ("2025-Q3", 93211.0),
        ("2025-Q2", 111074.0),
    }


def test_changes_after_each_metric_with_its_figure_pair_in_order():
    text = "行业龙头比亚迪产销均出现明显下滑,1月新能源汽车销量21.01万辆、产量23.24万辆,同比分别下降30.11%和29.13%。"
    got = facts(text, date(2026, 2, 5))
    assert ("byd", "sales_yoy", "2026-01", -30.11, "eq") in got
    assert ("byd", "production_yoy", "2026-01", -29.13, "eq") in got


def test_a_makers_overseas_passenger_car_and_pickup_sales_are_its_exports():
    text = (
        "From January to July this year, BYD's overseas passenger car and pickup truck sales reached "
        "550,300 units, a year-on-year increase of over 130%."
    )
    got = facts(text, date(2025, 8, 5))
    assert ("byd", "exports", "2025-01..2025-07", 550300.0, "eq") in got
    assert ("byd", "exports_yoy", "2025-01..2025-07", 130.0, "gt") in got
    got = facts(
        "11月,比亚迪全月销售480186辆。而乘用车及皮卡海外单月销售达131661辆,同比飙升297%。", date(2025, 12, 5)
    )
    assert ("byd", "exports_yoy", "2025-11", 297.0, "eq") in got


def test_an_english_list_after_a_range_of_as_many_years_pairs_with_them_in_order():
    got = facts(
        "GAC Aion's sales nearly doubled annually from 2019 through 2022, totaling 42,003, "
        "60,033, 120,155, and 271,156 automobiles."
    )
    sales = {(period, value) for _, metric, period, value, _ in got if metric == "sales"}
    assert sales == {("2019", 42003.0), ("2020", 60033.0), ("2021", 120155.0), ("2022", 271156.0)}


def test_a_count_a_maker_set_itself_is_its_target():
    got = facts("蔚來近日公布今年季度財報。公司設定的年度銷量為44萬輛。", date(2025, 4, 20))
    assert got == {("nio", "delivery_target", "2025", 440000.0, "eq")}


def test_a_count_followed_by_its_expectation_is_a_target():
    got = facts("零跑汽车未能实现三季报提出的全年销量突破60万辆的预期。", date(2025, 11, 20))
    assert got == {("leapmotor", "delivery_target", "2025", 600000.0, "gt")}


def test_a_change_compared_with_the_count_of_the_month_before_is_month_on_month():
    got = facts(
        "Xpeng delivered a total of 3,478 vehicles in September. That's a 31% increase "
        "compared to deliveries in August.",
        date(2020, 10, 2),
    )
    assert ("xpeng", "deliveries_mom", "2020-09", 31.0, "eq") in got
    assert not any(m.endswith("_yoy") for _, m, *_ in got)


def test_every_month_of_a_long_list_of_counts_naming_no_metric_carries_the_metric_before():
    got = facts("零跑总销量17.3万辆。7月51,219辆;8月57,000辆;9月66,667辆;10月72,890辆;11月70,001辆。")
    months = {(period, value) for _, metric, period, value, _ in got if metric == "sales"}
    assert ("2025-10", 72890.0) in months and ("2025-11", 70001.0) in months
    assert len(months) == 5


def test_an_improvement_from_a_month_is_a_change_and_one_in_a_quality_is_none():
    got = facts(
        "Li Auto delivered 33,951 vehicles in September. The September delivery figure "
        "reflected a 19 percent improvement from August, when volumes fell."
    )
    assert ("li-auto", "deliveries_mom", "2025-09", 19.0, "eq") in got
    got = facts("Aito's ADS 4 brings a 20% improvement in traffic efficiency.")
    assert not any(value == 20.0 for *_, value, _ in got)


def test_exports_in_a_clause_after_a_segment_of_which_are_the_makers():
    got = facts(
        "2024年1月,Tesla在上海超级工厂生产的车辆共销售了71,447辆,同比增长了8.17%。"
        "其中,国内销售车辆为39,881辆,出口车辆为31,566辆。"
    )
    assert ("tesla", "exports", "2024-01", 31566.0, "eq") in got
    assert not any(value == 39881.0 for *_, value, _ in got)  # (the home sales stay a segment)
    # (a market named in brackets after a segment is no export of the maker's own clause)
    got = facts("1-10 月比亚迪对巴西累计出口 99,322 辆,其中纯电动 41,083 辆,大幅领先比利时(85,072 辆)。")
    assert not any(value == 85072.0 for *_, value, _ in got)


def test_a_year_a_result_is_said_to_double_is_compared_with_and_dates_nothing_after():
    got = facts(
        "Nio reported a fiscal 2023 second quarter loss of $0.45 per share, more than double its "
        "loss in 2022. Revenue fell 14.8% to $1.21 billion.",
        None,
    )
    assert ("nio", "revenue", "2023-Q2", 1.21e9, "eq") in got
    assert ("nio", "revenue_yoy", "2023-Q2", -14.8, "eq") in got


def test_a_years_sales_said_after_a_months_are_the_years():
    got = facts(
        "长安汽车12月销量25.7万辆,同比-19%。1)新能源车:年销111.0万辆,同比+51.1%。深蓝汽车年销33.3万辆。",
        date(2026, 1, 10),
    )
    assert ("changan", "sales", "2025-12", 257000.0, "eq") in got
    assert ("changan", "sales", "2025", 1110000.0, "eq") in got
    assert ("deepal", "sales", "2025", 333000.0, "eq") in got


def test_a_count_done_against_a_goal_named_before_is_the_count():
    got = facts("长安汽车2025年公司销量目标300万辆,完成291.3万辆,同比+8.5%。", date(2026, 1, 10))
    assert got == {
        ("changan", "delivery_target", "2025", 3000000.0, "eq"),
        ("changan", "sales", "2025", 2913000.0, "eq"),
        ("changan", "sales_yoy", "2025", 8.5, "eq"),
    }


def test_a_round_up_count_passes_over_a_years_end_said_in_passing_to_the_month_reported():
    text = (
        "先看2025年12月新能源车企零售销量榜,比亚迪以33.99万辆的成绩稳居第一。\n\n"
        "特斯拉中国9.38万辆排名第三,让特斯拉在年底狠狠冲了一波量。\n\n"
        "这个排名并不意外。市场格局正在变化。竞争越来越激烈。\n\n"
        "而这份榜单里的“黑马”更是扎堆:鸿蒙智行8.96万辆、同比暴涨81.1%。\n"
    )
    got = facts(text, date(2026, 1, 10))
    assert ("hima", "retail_sales", "2025-12", 89600.0, "eq") in got
