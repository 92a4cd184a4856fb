from datetime import date

import pytest

from evlens.extract.dates import find_periods, infer_date
from evlens.extract.normalize import normalize


def periods(text, today=date(2025, 2, 8)):
    t = normalize(text).text
    return [(t[p.start : p.end], p.period) for p in find_periods(t, today)]


def period_kinds(text, today):
    """The period and kind of each time ``find_periods`` reads in ``text``."""
    return [(p.period, p.kind) for p in find_periods(text, today)]


def test_same_year_follows_the_last_year_named():
    got = periods("2024 年 7 月，SU7 首次超过 Model 3。同年 12 月，SU7 销量 2.58 万辆。")
    assert got == [("2024年7月", "2024-07"), ("同年12月", "2024-12")]


def test_month_range_crossing_a_year():
    got = periods("2024 年 4 月交付。从 10 月到 2025 年 1 月，连续四个月")
    assert got[-1] == ("从10月到2025年1月", "2024-10..2025-01")


def test_relative_years_from_the_article_date():
    got = dict(periods("今年的目标不变，去年定下"))
    assert got["今年"] == "2025" and got["去年"] == "2024"
    # (after 高于, "higher than", last year is a time compared with: no figure's)
    assert "去年" not in dict(periods("今年的目标高于去年"))


def test_month_without_year_before_any_year_is_named():
    # 12 月 in an article of 2025-02-08 is the December before it
    assert periods("12 月交付 2 万辆") == [("12月", "2024-12")]
    assert periods("2 月 6 日，股价") == [("2月6日", "2025-02-06")]


def test_as_of_month_end_and_year_end():
    p = find_periods(normalize("截至 2024 年 12 月底，累计订单").text, date(2025, 2, 8))[0]
    assert (p.period, p.asof) == ("2024-12-31", True)
    p = find_periods(normalize("到 2023 年底").text, date(2025, 2, 8))[0]
    assert p.period == "2023-12-31"


def test_english_forms():
    assert periods("delivered 7,058 units in April 2024 and 8,630 in May")[-1] == ("May", "2024-05")
    assert periods("in the fourth quarter of 2024")[0][1] == "2024-Q4"
    assert periods("H1 2025")[0][1] == "2025-H1"
    assert periods("from October to January 2025")[0][1] == "2024-10..2025-01"
    # 2025-02-06 was a Thursday; the article is dated Saturday 2025-02-08
    assert periods("on Thursday")[0][1] == "2025-02-06"
    assert periods("in the first seven months of the year")[0][1] == "2025-01..2025-07"


def test_relative_months_against_the_article_date():
    # an article of 2025-01-20: this month is January, last month the December before
    got = periods("本月交付，上个月 2 万辆，下月目标；last month and this month", date(2025, 1, 20))
    assert got == [
        ("本月", "2025-01"),
        ("上个月", "2024-12"),
        ("下月", "2025-02"),
        ("last month", "2024-12"),
        ("this month", "2025-01"),
    ]
    assert periods("上半年", date(2025, 1, 20)) == [("上半年", "2025-H1")]  # not taken for 上月


def test_a_month_after_a_word_about_the_future_lies_ahead():
    # an article of 2025-06-30: July is next month when delivery is expected, last year's
    # July when a figure is reported
    assert periods("Xiaomi expects to hand over the first YU7 SUVs in July.", date(2025, 6, 30)) == [
        ("July", "2025-07")
    ]
    assert periods("小米预计将于 3 月开启交付", date(2025, 6, 30)) == [("3月", "2026-03")]
    assert periods("Xiaomi delivered 20,000 SU7s in July.", date(2025, 6, 30)) == [("July", "2024-07")]
    # the word must be in the same sentence
    assert periods("Xiaomi will report. In July it delivered 20,000.", date(2025, 6, 30)) == [
        ("July", "2024-07")
    ]


def test_relative_times_at_the_start_of_a_sentence():
    assert periods("Last year Xiaomi delivered more. This month it plans.", date(2025, 1, 20)) == [
        ("Last year", "2024"),
        ("This month", "2025-01"),
    ]


def test_lists_hyphens_that_month_and_currently():
    d = date(2025, 8, 1)
    assert periods("In April and May, NIO", d) == [("April", "2025-04"), ("May", "2025-05")]
    assert periods("between April and May", d) == [("between April and May", "2025-04..2025-05")]
    assert periods("its second-quarter total and first-half sales", d) == [
        ("second-quarter", "2025-Q2"),
        ("first-half", "2025-H1"),
    ]
    assert periods("7 月交付数据。小鹏汽车当月交付", d)[-1] == ("当月", "2025-07")
    # 目前 ("currently") is the article's day, and 目前年产能 holds no 前年
    assert periods("特斯拉上海超级工厂目前年产能超过 95 万辆", d) == [("目前", "2025-08-01")]
    assert periods(
        "the first six months of the year; 前 3 个月; so far: since the start of the year; 年内", d
    ) == [
        ("the first six months of the year", "2025-H1"),
        ("前3个月", "2025-Q1"),
        ("since the start of the year", "2025-01-01..2025-08-01"),
        ("年内", "2025-01-01..2025-08-01"),
    ]


def test_first_months_and_quarters_without_ge_or_du():
    # 前8月, 前两季, 1-5月: the year so far, written short (Hong Kong and mainland press)
    got = dict(periods("2024 年前 8 月累计交付 20 万辆，前两季营收 300 亿元，1-5 月销量 9 万辆"))
    assert got["2024年前8月"] == "2024-01..2024-08"
    assert got["前两季"] == "2024-01..2024-06"
    assert got["1-5月"] == "2024-01..2024-05"


def test_month_after_ci_qian_is_one_month():
    # 此前 6 月: "in June, before that", not the first six months
    got = periods("2024 年 8 月交付 2 万辆，此前 6 月交付 1.8 万辆")
    assert got[-1] == ("6月", "2024-06")


def test_english_first_quarters_and_through_a_month():
    # "the first two quarters" is January to June of the latest such span begun;
    # "sold … through October" is the year so far
    text = "In the first two quarters, the maker sold 90,000 cars. It delivered 150,000 cars through October 2024."
    got = periods(text, today=date(2024, 11, 20))
    assert got == [("the first two quarters", "2024-H1"), ("October 2024", "2024-01..2024-10")]


def test_next_year_names_no_year_for_what_follows():
    # 明年 / "next year" is a plan's year: a quarter after it is still the latest begun
    got = periods("小鹏明年冲击年销百万。三季度营收 200 亿元", today=date(2025, 11, 18))
    assert got[-1] == ("三季度", "2025-Q3")
    got = periods(
        "It aims for one million next year. Revenue rose in the third quarter.", today=date(2025, 11, 18)
    )
    assert got[-1] == ("the third quarter", "2025-Q3")


def test_a_year_written_bare_before_a_name_on_top_dates_an_undated_text():
    from datetime import date

    text = "10月16日消息,2023奇瑞科技日于今日举办。今年9月份,奇瑞共卖出新车19.008万台。"
    assert infer_date(text) == date(2023, 10, 16)
    # a model year or a count is no such year; a text naming a year with 年 keeps its rules
    assert infer_date("10月16日消息,2025款小鹏G6上市。") is None
    assert infer_date("小鹏2025年第三季度交付11.6万辆，2023奇瑞科技日。") == date(2025, 10, 1)


def test_a_year_a_span_starts_from_with_words_before_since_sets_no_year():
    from datetime import date

    from evlens.extract import extract_text

    text = (
        "8月29日,广汽集团披露2025年半年报。这是广汽集团自2010年上市以来首次出现中期亏损。\n"
        "财报显示,广汽集团上半年汽车累计销量75.53万辆,同比下降12.48%。"
    )
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2025, 8, 30))}
    assert ("gac", "sales", "2025-H1", 755300.0) in got


def test_a_dateline_with_its_time_of_day_dates_an_undated_text():
    from datetime import date

    # a dateline near the top beats a year compared with and a quarter's end without a year
    text = (
        "小米汽车首次实现单季度盈利\n中国证券报·2025-11-20 20:09\n"
        "截至9月30日,第三季度收入为290亿元,较去年同期增长。全年交付较2024年同期成长30%。"
    )
    assert infer_date(text) == date(2025, 11, 20)
    # the same text without the dateline is read by the other rules: the quarter's end
    assert infer_date(text.replace("中国证券报·2025-11-20 20:09\n", "")) == date(2025, 9, 30)


def test_a_listing_code_in_brackets_and_a_cut_figure_are_no_years_of_a_stand_in():
    from datetime import date

    assert infer_date("理想汽車（2015）是繼蔚來之後的第二間車企。") is None
    assert infer_date("比亞迪營收2011\n億元。") is None
    assert infer_date("理想汽車（2015）在2024年交付50萬輛。") == date(2024, 12, 31)


def test_last_year_compared_with_sets_no_year_for_the_times_after_it():
    from datetime import date

    from evlens.extract import extract_text

    text = (
        "Nissan sold 279,102 vehicles, representing 5% growth over last year.\n\n"
        "Tesla delivered 435,059 EVs in the third quarter. BYD came within 3,500 units in Q3, "
        "delivering 431,603 electric models."
    )
    got = {(f.entity, f.period, f.value) for f in extract_text(text, date(2023, 12, 1))}
    assert ("byd", "2023-Q3", 431603.0) in got


@pytest.mark.parametrize(
    "text, want",
    [
        # the figure compared with, after its metric word, is the year-earlier half's
        ("小鹏汽车2024年上半年净亏损26.3亿元人民币,较去年同期净亏损48.8亿元人民币收窄。", -4.88e9),
        # 上一年 is last year
        (
            "小鹏汽车截至2024年6月30日止中期亏损收窄至26.53亿元人民币,而对上一年同期亏损51.42亿元人民币。",
            -5.142e9,
        ),
    ],
)
def test_the_figure_of_the_same_period_a_year_before_keeps_that_period(text, want):
    from datetime import date

    from evlens.extract import extract_text

    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2024, 8, 21))}
    assert ("net_profit", "2023-H1", want) in got
    assert ("net_profit", "2024-H1", want) not in got


def test_ciji_is_hong_kongs_second_quarter_and_renbi_is_yuan():
    from datetime import date

    from evlens.extract import extract_text

    text = "小鹏公布业绩。次季总收入81.1亿元人民币,按年升60.2%。次季经调整亏损收窄至约12亿人币。"
    got = {(f.metric, f.period, f.value, f.unit) for f in extract_text(text, date(2024, 8, 21))}
    assert ("revenue", "2024-Q2", 8.11e9, "CNY") in got
    assert ("net_profit", "2024-Q2", -1.2e9, "CNY") in got


def test_a_year_compared_with_through_its_performance_sets_no_year():
    from datetime import date

    from evlens.extract import extract_text

    text = (
        "Geely sold 1,686,516 units in 2023, marking an 18 percent rise from its performance in 2022. "
        "December sales volumes alone increased by 3 percent compared to the same month the previous year."
    )
    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2024, 1, 1))}
    assert ("sales_yoy", "2023-12", 3.0) in got


def test_the_same_period_last_year_is_a_year_before_the_span_spoken_of():
    from datetime import date

    from evlens.extract import extract_text

    # a results story of February 2024 on 2023's fourth quarter: 去年同期 is 2022's
    text = "理想汽车2023年第四季度净利润117.04亿元,去年同期净亏损20.12亿元。"
    got = {(f.period, f.value) for f in extract_text(text, date(2024, 2, 27))}
    assert ("2022-Q4", -2.012e9) in got
    assert ("2023-Q4", 1.1704e10) in got


def test_a_loss_turned_into_a_profit_is_a_profit():
    from datetime import date

    from evlens.extract import extract_text

    got = {
        (f.metric, f.value)
        for f in extract_text("理想汽車2023年全年扭虧賺117億元人民幣。", date(2024, 2, 27))
    }
    assert ("net_profit", 1.17e10) in got


def test_a_bare_month_named_before_with_an_earlier_year_does_not_move_the_stand_in():
    # "12月" is 2025年12月, named before; the story is on January 2026, out on 1 February
    text = (
        "2月1日,各家車企相繼發布了1月銷量。汽車行業實現2026年開門紅,"
        "主要原因在于2025年12月新能源汽車還享受購置稅全額減免政策,車企在12月出臺了許多優惠。"
        "吉利汽車1月銷售新車27.02萬輛。2026年1月后,購置稅減半。"
    )
    assert infer_date(text) == date(2026, 2, 1)
    # a later month of the year named, bare, still moves it
    assert infer_date("小鹏2025年第三季度交付11.6万辆，11月交付3.7万辆。") == date(2025, 12, 1)


def test_a_month_s_first_day_is_a_release_day_and_a_month_far_after_the_one_named_is_the_year_before():
    # 2月首日 is 1 February; "通常12月" (December, the season before) is 2025's, not a
    # December after the January reported; 1月1日至11日 is a span of days, not the day out
    text = (
        "2月首日,多家造車新勢力陸續公佈2026年首月銷量情況。通常12月為汽車銷售的傳統旺季,"
        "轉年1至2月則面臨較大下行壓力。乘聯會數據顯示,1月1日至11日,全國乘用車零售32.8萬輛。"
    )
    assert infer_date(text) == date(2026, 2, 1)
    # a month less than half a year after still moves it (the first half, then November)
    assert infer_date("小鹏2025年上半年交付19.7万辆，11月交付3.7万辆。") == date(2025, 12, 1)


def test_a_year_spoken_of_as_over_puts_the_stand_in_after_it():
    # 全年累计 of 2025: the year is over, so "上月" is its December
    text = "小米汽车上月卖逾 5 万辆，2025 年全年累计交付量达 41 万 1625 辆。雷军设定2026年交付55万辆目标。"
    assert infer_date(text) == date(2026, 1, 1)
    assert infer_date("小米汽车2025年交付量有望超过40万辆，小米汽车2025年表现亮眼。") == date(2025, 12, 31)


def test_the_month_a_year_on_year_change_is_against_is_a_base_year():
    text = "截至4月底,理想汽车的累计交付量达到51715辆。理想ONE在4月交付5539辆,同比2020年4月增长111.3%。"
    got = infer_date(text)
    assert got is not None and got.year == 2021


def test_a_time_between_yu_and_xiangbi_is_one_compared_with():
    from evlens.extract import extract_text

    text = "比亞迪2024年的營收達7771億元。比亞迪的營收成績與2023年相較增長29%。"
    got = {(f.metric, f.period) for f in extract_text(text, date(2025, 3, 25))}
    assert ("revenue_yoy", "2024") in got
    text = "小鹏汽车2022年交付量为120757辆,与2021年相比增长了23%。"
    got = {(f.metric, f.period) for f in extract_text(text, date(2023, 1, 5))}
    assert ("deliveries_yoy", "2022") in got


def test_within_a_number_of_years_is_no_year_so_far():
    from datetime import date

    from evlens.extract.dates import find_periods

    assert not find_periods("并于三年内达成新能源车年销百万辆。", date(2025, 1, 10))
    assert [p.period for p in find_periods("年内累计交付10万辆。", date(2025, 1, 10))] == [
        "2025-01-01..2025-01-10"
    ]


def test_the_last_months_are_the_full_months_before_the_articles_month():
    from datetime import date

    from evlens.extract.dates import find_periods

    got = find_periods("BYD sold 335,655 EVs over the last two months.", date(2023, 12, 1))
    assert [p.period for p in got] == ["2023-10..2023-11"]
    got = find_periods("Sales over the past three months rose.", date(2024, 1, 10))
    assert [p.period for p in got] == ["2023-10..2023-12"]


def test_a_stand_in_with_only_a_year_known_follows_the_latest_quarter_named_without_one():
    text = (
        "小鹏汽车公布二季度财报。Q2 总收入 182.7 亿元;预计 Q3 交付 113,000-118,000 辆。"
        "何小鹏表示:“我们在 2025 年完成了新一代平台的全面升级。”"
    )
    assert infer_date(text) == date(2025, 7, 1)
    # a quarter under a plan or guidance is ahead and left out; with none, the year's end
    assert infer_date("Q3 guidance is soft. 我们在 2025 年完成了升级。") == date(2025, 12, 31)


def test_days_from_one_month_to_another_are_one_range():
    from evlens.extract.dates import find_periods

    text = "Between January 1 and May 25, the Zeekr brand sold 64,700 units in China."
    got = [p.period for p in find_periods(text, date(2025, 5, 27))]
    assert got == ["2025-01-01..2025-05-25"]
    text = "From March 3 to April 15, 2024, deliveries rose."
    assert [p.period for p in find_periods(text, date(2025, 5, 27))] == ["2024-03-03..2024-04-15"]
    text = "1月1日至5月25日,极氪品牌销量6.47万辆。"
    assert [p.period for p in find_periods(text, date(2025, 5, 27))] == ["2025-01-01..2025-05-25"]


def test_a_day_a_count_runs_since_bounds_an_undated_text_below_and_names_no_bare_month():
    from datetime import date

    # "since the launch … on September 12, 2023" is where a count starts, not the article's
    # day; the article is after the quarter it names, and "September 12, 2023" is no month
    # named without a year
    text = (
        "BYD sold 302,459 NEVs in March. Sales over the first quarter of 2024 totaled 626,263. "
        "AITO has delivered more than 120,000 vehicles since the launch of new M7 on September 12, 2023."
    )
    assert infer_date(text) == date(2024, 4, 1)
    # a day with no "since" before it still dates the text
    assert infer_date(text.replace("since the launch of new M7 on", "on")) == date(2023, 9, 12)


def test_a_month_of_a_year_as_the_base_of_its_own_months_change_puts_an_undated_text_a_year_on():
    from datetime import date

    text = "Its 20,575 sales in November represented a 28.9% sales increase over November 2023."
    assert infer_date(text) == date(2024, 12, 31)
    # a month compared with that is not the figure's own month is no year base
    assert infer_date("Sales in November rose 5% over October 2023.") != date(2024, 12, 31)


def test_a_base_year_after_the_same_period_last_year_is_no_year_before_last():
    # 较上年同期 is a comparison, not "last year": the base 2024 puts the article in 2025
    text = (
        "5 月 21 日,小鹏汽车公布截至 2025 年第一季度财报。交付 9.4 万辆新车,较上年同期交付 2.18 万辆车增长 330%;"
        "净亏损大幅收窄至 6.6 亿元,相较于 2024 年同期的 13.7 亿元。"
    )
    assert infer_date(text, normalize(text).text) == date(2025, 5, 21)
    # "last year" itself still makes a base year the year before last
    assert infer_date("BYD delivered 4.6 million vehicles last year, a 7.7% increase from 2024.") >= date(
        2026, 1, 1
    )


def test_an_undated_text_reporting_last_year_more_than_once_is_of_the_year_after():
    body = (
        "(Wire) Jan. 3 -- Carmakers' sales varied widely last year. Chery sold 2.6 million cars last year, "
        "beating its 2024 target. Great Wall ended the year at 1.23 million, unchanged on 2023."
    )
    text = "---\ntitle: Chinese carmakers' sales in 2024\n---\n" + body
    assert infer_date(text) == date(2025, 1, 3)
    # said once ("late last year"), it may be of an event before the article's year
    once = "Seres listed in Shanghai in 2016; reports emerged late last year of a Hong Kong listing in 2025. Its 2025 sales rose."
    assert infer_date(once).year == 2025


def test_the_years_of_a_title_count_but_not_a_plan_year():
    text = "---\ntitle: Geely sales in 2023\n---\nSales rose 20% in 2022 and 2023. Sales rose in 2024 too."
    assert infer_date(text) == date(2023, 12, 31)
    text = "---\ntitle: Geely targets 5 million cars by 2027\n---\nSales rose in 2024 and 2027."
    assert infer_date(text) == date(2024, 12, 31)


def test_a_year_and_quarter_glued_to_a_han_word_pair_year_first():
    # "2023 Q3 2023 Q2" is two quarters, not "2023" and "Q3 2023", after a Han word too
    got = [period for _, period in periods("配送2023 Q3 2023 Q2 2022 Q4")]
    assert got == ["2023-Q3", "2023-Q2", "2022-Q4"]


def test_last_quarter_is_the_one_before_the_articles():
    assert ("last quarter", "2025-Q2") in periods("BYD's profit dropped last quarter.", date(2025, 8, 30))
    assert ("last quarter", "2024-Q4") in periods("Sales rose last quarter.", date(2025, 1, 15))
    # "the last quarter of 2024" is its fourth quarter, not the one before the article's
    assert not any(p[0] == "last quarter" for p in periods("in the last quarter of 2024", date(2025, 8, 30)))


def test_a_long_month_name_after_a_capitalised_word_is_still_a_month():
    # "Lei Jun" is a name, but a capitalised word before "November" makes no name of it
    assert ("November", "2025-11") in periods(
        "taken from Car News Chinain November the maker", date(2025, 12, 25)
    )
    assert ("November", "2025-11") in periods("Tesla November sales rose", date(2025, 12, 25))
    assert not periods("Lei Jun has set a goal", date(2025, 12, 25))
    assert not periods("as Julia May said", date(2025, 12, 25))


def test_a_month_a_span_starts_from_does_not_date_an_undated_article():
    text = (
        "Tesla's sales for February were the lowest since August 2022. In the first two "
        "months of 2025, Tesla's Shanghai plant sold 93,926 vehicles."
    )
    # not the month after August 2022: the year the text speaks of is 2025
    assert infer_date(text).year == 2025


def test_a_half_year_report_names_the_first_half():
    got = [
        (p.period, p.kind) for p in find_periods("根据公司披露的2025年半年度报告,报告期内", date(2025, 9, 1))
    ]
    assert got[0] == ("2025-H1", "half")
    assert [p.period for p in find_periods("2024年半年报显示", date(2025, 9, 1))] == ["2024-H1"]


def test_a_day_without_a_year_long_after_the_day_named_is_no_release_day():
    text = "零跑汽车2025三季报业绩点评 2025年11月18日\n公司Q3上市的新车为零跑B01(7月24日上市)。"
    assert infer_date(text, normalize(text).text) == date(2025, 11, 18)
    # a deadline is no release day either
    text = "特斯拉上海超级工厂在2025年12月交付量超9.71万辆。美国在9月30日前终止电动汽车激励措施。"
    assert infer_date(text, normalize(text).text) == date(2026, 1, 1)


def test_a_quarter_named_by_its_last_month_is_that_quarter():
    got = [(p.period, p.kind) for p in find_periods("its net loss in the June quarter", date(2025, 9, 1))]
    assert got == [("2025-Q2", "quarter")]
    got = [p.period for p in find_periods("revenue for the December quarter of 2024", date(2025, 9, 1))]
    assert got == ["2024-Q4"]
    assert [p.period for p in find_periods("deliveries in June", date(2025, 9, 1))] == ["2025-06"]


def test_a_day_of_the_month_in_brackets_after_today_says_which_day():
    got = [(p.period, p.kind) for p in find_periods("小米股价今日(2日)开盘后走低", date(2025, 4, 3))]
    assert got == [("2025-04-02", "day")]
    assert [p.period for p in find_periods("今天股价走低", date(2025, 4, 3))] == ["2025-04-03"]


def test_new_years_day_named_with_its_year_dates_an_undated_text():
    text = "2026年新年首日,国内主要造车新势力12月交付量相继出炉后,2025年的市场格局同步落定。问界12月交付57778辆。"
    assert infer_date(text, normalize(text).text) == date(2026, 1, 1)


def test_a_quarterly_report_named_without_its_quarter_is_the_quarter_before_the_articles():
    got = [
        (p.period, p.kind) for p in find_periods("极氪交出了一份令市场瞩目的季度成绩单", date(2025, 5, 15))
    ]
    assert got == [("2025-Q1", "quarter")]
    assert find_periods("单季度交付量", date(2025, 5, 15)) == []


def test_a_day_a_span_runs_from_to_now_dates_the_month_reported_after_it():
    text = (
        "2 月小鹏汽车交付量达到 3.05 万辆,同比增长 570%。"
        "从 2024 年 12 月 31 日至今,小鹏汽车股价累计上涨幅度超过 45%。"
    )
    assert infer_date(text) == date(2025, 3, 1)
    # a month reported after the day in the same year
    assert infer_date("从2024年3月28日至今,累计交付超过10万辆。11月交付2.3万辆。") == date(2024, 12, 1)


def test_a_day_a_span_starts_from_is_no_release_day_and_a_year_alone_reports_its_latest_month():
    text = (
        "BYD sold 441,706 vehicles in October, down 12% from a year earlier. Its shares were set "
        "for their lowest close since Feb 5. It faces pressure through the rest of 2025 and needs "
        "to deliver about 450,000 vehicles a month through December."
    )
    assert infer_date(text) == date(2025, 11, 1)
    # a quarter written without a year still comes first
    assert infer_date("Q3 revenue rose in 2025; in July it sold 10,000 cars.") == date(2025, 10, 1)


def test_a_year_and_month_in_the_address_date_an_undated_text_in_that_month():
    text = "url: https://www.itbear.com.cn/html/2025-11/1023685.html\n---\n小米三季度交付108796辆,亏损从2024年的每辆4.5万元压缩至6500元。"
    assert infer_date(text) == date(2025, 11, 30)
    # a day the text gives in that month is kept
    text = "url: https://example.com/news/202511/abc.html\n---\n11月17日,小鹏公布2025年第三季度业绩。"
    assert infer_date(text) == date(2025, 11, 17)


def test_the_quarter_before_the_one_reported_is_its_own_and_sets_no_time_for_what_follows():
    from evlens.extract import extract_text

    text = (
        "小鹏汽车今日发布了截至6月30日的2025年第二季度财报:总营收为182.7亿元。"
        "净亏损4.8亿元,而上年同期净亏损12.8亿元,上一季度净亏损6.6亿元。"
        "调整后的净亏损为3.9亿元,而上年同期净亏损12.2亿元。"
    )
    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2025, 8, 20), judged=False)}
    assert ("net_profit", "2025-Q1", -6.6e8) in got
    assert ("net_profit", "2025-Q2", -3.9e8) in got
    assert ("net_profit", "2024-Q2", -12.2e8) in got


def test_the_previous_quarter_in_english_results_coverage_is_the_one_before_the_reported():
    from evlens.extract import extract_text

    text = (
        "XPeng reported its results for the second quarter of 2025. Net loss was RMB480 million, "
        "compared with a net loss of RMB660 million in the previous quarter."
    )
    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2025, 8, 20), judged=False)}
    assert got == {("net_profit", "2025-Q2", -4.8e8), ("net_profit", "2025-Q1", -6.6e8)}


def test_since_the_start_of_the_year_till_a_month_is_january_to_that_month_of_this_year():
    from evlens.extract import extract_text

    text = (
        "NIO wants to double sales from 221,970 units delivered last year. Since the beginning of the "
        "year till May end, the company has delivered 89,225 vehicles, up 34.7% year over year."
    )
    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2025, 6, 2), judged=False)}
    assert ("deliveries", "2025-01..2025-05", 89225.0) in got
    assert ("deliveries_yoy", "2025-01..2025-05", 34.7) in got


def test_by_year_end_is_the_end_of_the_articles_year_not_of_a_year_told_of():
    from evlens.extract import extract_text

    text = (
        "The company first announced its entry into the EV business in 2021. Xiaomi's President said "
        "the company will reach its target of delivering 120,000 electric vehicles by year-end."
    )
    got = {(f.metric, f.period, f.value) for f in extract_text(text, date(2024, 8, 21), judged=False)}
    assert got == {("delivery_target", "2024", 120000.0)}


def test_the_months_ended_on_a_day_in_chinese_are_any_count_of_them():
    from evlens.extract import extract_text

    got = {
        (f.metric, f.period, f.value)
        for f in extract_text(
            "岚图汽车截至2025年7月31日止的7个月期间销售66,680辆汽车。", date(2025, 10, 5), judged=False
        )
    }
    assert got == {("sales", "2025-01..2025-07", 66680.0)}
    got = {
        (f.metric, f.period, f.value)
        for f in extract_text(
            "比亚迪截至2025年6月30日止六个月的收入为3712.8亿元。", date(2025, 10, 5), judged=False
        )
    }
    assert got == {("revenue", "2025-H1", 371.28e9)}


def test_a_day_a_reported_span_ends_on_puts_the_article_after_it():
    text = "比亞迪在截至9月30日止的第3季銷售431,603輛純電動車。特斯拉上季全球交車數為435,059輛。"
    assert infer_date(text + "2023年比亞迪銷量創新高。") == date(2023, 10, 1)


def test_a_year_written_before_its_quarter_dates_an_undated_text_after_that_quarter():
    assert infer_date("事件:公司发布2024Q4 及2024 年度财报:2024Q4 收入442.7 亿元。") == date(2025, 1, 1)


def test_a_month_named_with_its_year_in_the_address_words_is_the_month_reported():
    text = (
        "url: https://insideevs.com/news/690517/tesla-mic-ev-wholesale-sales-september2023/\n\n"
        "In September, the wholesale shipments of Tesla's China-made cars fell for the first time this year. "
        "Last month they were 74,073 units. Customer deliveries of the new Model 3 are set to begin in Q4."
    )
    assert infer_date(text) == date(2023, 10, 1)
    # a day the text names in the month after stands
    text = "url: https://cnevpost.com/li-auto-deliveries-may-2024\n\nOn June 3, 2024, Li Auto said it delivered 35,020 cars in May."
    assert infer_date(text) == date(2024, 6, 3)


def test_a_year_right_after_an_ascii_comma_after_a_chinese_word_is_a_year():
    got = find_periods("其招股書顯示,2016、2017年蔚來汽車無任何營收", date(2020, 1, 1), dated=True)
    assert [p.period for p in got] == ["2016", "2017"]
    # a comma after a digit still makes a piece of a number
    assert find_periods("sold 1,2024 cars", date(2020, 1, 1), dated=True) == []


def test_the_week_before_said_again_and_again_is_each_time_the_week_before_the_one_reported():
    text = (
        "Last week, BYD registered 53,400 vehicles, down 2.91% from 55,000 units the week before. "
        "Tesla registered 15,200 EVs, up 16% from 13,100 in the previous week. "
        "Li Auto registered 8,400 units, a dip of 2.33% from 8,600 the previous week."
    )
    weeks = [p.period for p in find_periods(text, date(2024, 6, 4), dated=True)]
    assert weeks == ["2024-05-27..2024-06-02"] + ["2024-05-20..2024-05-26"] * 3


def test_a_brokers_year_first_shorthand_is_a_quarter_or_half_and_names_no_year_after_it():
    got = find_periods("季度 | 23Q3 | 23Q2 | 23Q1 | 22Q4 |", date(2023, 12, 1), dated=True)
    assert [p.period for p in got] == ["2023-Q3", "2023-Q2", "2023-Q1", "2022-Q4"]
    got = find_periods(
        "2025Q3收入为194.5亿元。26H1公司计划完成马来西亚项目。最终公司Q3单季度实现盈利1.5亿元。",
        date(2025, 11, 18),
        dated=True,
    )
    periods = [p.period for p in got]
    assert "2026-H1" in periods and periods[-1] == "2025-Q3"


def test_the_year_ending_on_its_last_day_is_that_year_and_one_time():
    got = [
        (p.period, p.kind)
        for p in find_periods(
            "its annual performance for the year ending December 31, 2025.", date(2026, 3, 30)
        )
    ]
    assert got == [("2025", "year")]
    got = [
        (p.period, p.kind)
        for p in find_periods("results for the year ended December 31, 2025.", date(2026, 3, 30))
    ]
    assert got == [("2025", "year")]


def test_a_week_of_the_year_by_its_number_and_days_across_two_months():
    def got(t):
        return period_kinds(t, date(2024, 6, 4))

    # ISO weeks: the 22nd of 2024 runs from Monday 27 May to Sunday 2 June
    assert got("China EV registrations in W22: Xiaomi 2,200") == [("2024-05-27..2024-06-02", "range")]
    assert got("in the 22nd week of the year") == [("2024-05-27..2024-06-02", "range")]
    assert got("Week 22 last year was") == [("2023-05-29..2023-06-04", "range")]
    assert got("registrations (May 27 – June 2)") == [("2024-05-27..2024-06-02", "range")]
    assert got("sold 22 units on May 27 and June 2") == [("2024-05-27", "day"), ("2024-06-02", "day")]


def test_a_byline_before_a_day_is_no_deadline():
    text = "Li Auto Posts First Quarterly Loss Since 2022\n\nBy LiDan Nov 26, 2025, 10:07 p.m. ET\n\nLi Auto's ADRs edged up."
    assert infer_date(text, normalize(text).text) == date(2025, 11, 26)
    # "by" before a day is still a deadline where no name follows it
    text = "By December 31, 2026, BYD aims to deliver 5 million cars. BYD sold 4.6 million in 2025. In 2025 it grew."
    assert infer_date(text) == date(2025, 12, 31)


def test_a_quarters_results_come_out_weeks_after_it_ends():
    # a results story naming only its quarter: out some six weeks after the quarter ends
    assert infer_date("蔚来公布2025年第三季度业绩，净亏损按年收窄31.2%至34.8亿元。") == date(2025, 11, 15)
    # a delivery story naming only its quarter: the day after it
    assert infer_date("小鹏2025年第三季度交付11.6万辆。") == date(2025, 10, 1)


def test_a_fiscal_year_the_head_months_and_ytd():
    def got(t):
        return period_kinds(t, date(2025, 11, 20))

    assert got("今年头10个月销量") == [("2025-01..2025-10", "range")]
    assert got("2025财年营收") == [("2025", "year")]
    assert got("revenue in FY2025 was") == [("2025", "year")]
    assert got("sales YTD were") == [("2025-01-01..2025-11-20", "range")]


def test_a_text_at_the_start_of_a_half_or_quarter_is_in_it():
    # the first monthly list of the year's second half: out on 1 August of that year
    text = "8 月 1 日,车企 2025 年下半年首份月销量榜单如期揭榜。理想(30731 辆)位列第四。"
    assert infer_date(text, normalize(text).text) == date(2025, 8, 1)
    assert infer_date("2025年四季度开局,10月交付4.2万辆。") == date(2025, 11, 1)
    # a half named without such words is still over when the text is written
    assert infer_date("2025年下半年交付60万辆。") == date(2026, 1, 1)


def test_the_same_n_month_period_of_a_year_is_the_n_months_to_the_month_last_named():
    text = "Sales in April 2025 fell, and year-to-date sales were down 18.3% from the same four-month period in 2024."
    got = period_kinds(text, date(2025, 5, 6))
    assert ("2024-01..2024-04", "range") in got
    assert ("2024-04", "month") not in got


def test_a_month_a_figure_is_level_with_is_no_time_for_what_follows():
    # "与7月保持一致" compares with July: the round-up after it is still August's
    text = "8月交付榜前三名是零跑(57066辆)和小鹏(37709辆),这个前三格局与7月保持一致。"
    got = [(p.period, p.local) for p in find_periods(text, date(2025, 9, 2))]
    assert got == [("2025-08", False)]
    assert [p.period for p in find_periods("11月销量10万辆,与上月持平。", date(2025, 12, 2))] == ["2025-11"]


def test_a_half_or_quarter_at_its_start_is_its_first_month():
    text = "8月1日,车企2025年下半年首份月销量榜单如期揭榜。2025年四季度开局良好。"
    got = period_kinds(text, date(2025, 8, 1))
    assert got == [("2025-08-01", "day"), ("2025-07", "month"), ("2025-10", "month")]
    assert [p.period for p in find_periods("2025年下半年交付60万辆。", date(2026, 1, 5))] == ["2025-H2"]


def test_a_month_compared_with_later_in_the_year_than_the_month_named_is_the_year_befores():
    text = (
        "The January 2026 data show a slowdown. HIMA delivered 57,900, down 35.3% MoM from December’s 89,600."
    )
    got = [(p.period, p.local) for p in find_periods(text, date(2026, 2, 3), dated=False)]
    assert got == [("2026-01", False), ("2025-12", True)]
    # an earlier month compared with stays in the year
    text = "The March 2026 data show a rise. HIMA delivered 57,900, up 35.3% from February’s 42,800."
    assert [p.period for p in find_periods(text, date(2026, 4, 3), dated=False)] == ["2026-03", "2026-02"]


def test_nian_nei_after_last_year_in_its_paragraph_is_that_year():
    text = "去年蔚来的亏损仍在进一步扩大。年内蔚来净亏损达到224.02亿元。"
    got = period_kinds(text, date(2025, 3, 24))
    assert got[-1] == ("2024", "year")
    # with no past year before it, 年内 is the year so far
    assert [p.kind for p in find_periods("年内蔚来交付20万辆。", date(2025, 3, 24))] == ["range"]


def test_a_time_followed_by_jiang_in_its_clause_lies_ahead_of_an_undated_text():
    # a results story naming next year's first quarter only as what a margin will do: the
    # stand-in comes after the fourth quarter that guidance is given for, not after 2026's first
    text = "第三季度营收274亿元。2025年第四季度毛利率为16%,2026年第一季度毛利率将进一步走低。"
    assert infer_date(text, normalize(text).text) == date(2026, 1, 1)


def test_the_first_months_not_yet_over_on_the_articles_date_are_the_year_befores():
    # 前10月 in an article of January 2026: January to October 2025
    assert periods("理想L9前10月累计销量4.03万辆。", date(2026, 1, 1)) == [("前10月", "2025-01..2025-10")]
    assert periods("理想L9前10月累计销量4.03万辆。", date(2025, 11, 10)) == [("前10月", "2025-01..2025-10")]


def test_an_undated_text_naming_years_only_under_guidance_comes_before_the_first():
    # every quarter named with a year is guidance or a forecast: the text comes before the
    # first of them, after the months it names without a year
    text = "10月销量9363辆。管理层指引2025年第四季度毛利率为16%,2026年第一季度毛利率将走低,复苏要到2026年第一季度后。"
    assert infer_date(text, normalize(text).text) == date(2025, 11, 1)


def test_a_january_named_without_a_year_after_a_december_named_with_one_is_the_next_years():
    text = (
        "Tesla saw January exports jump 71.5% and surge compared to December 2025, when it "
        "recorded 3,328. January is typically a slow month."
    )
    assert infer_date(text, normalize(text).text) == date(2026, 2, 1)
    # a later month of the same year, as before
    assert infer_date("2025年8月销量37.4万辆。11月交付48万辆。") == date(2025, 12, 1)


def test_a_review_of_a_year_with_plans_for_the_next_is_of_the_year_reviewed():
    # the only half named with a year is a plan's (a clause opened by 预计 further back); the
    # year named most often outside plans is 2025: the text reviews it, its December included
    text = (
        "2025年销量实现较高增长。2025年吉利汽车总销量302.4万辆。12月总销量23.68万辆。"
        "巴西工厂预计将本地化生产两款新能源车型并于2026年下半年投放市场。2026年目标销量345万辆。"
    )
    assert infer_date(text, normalize(text).text) == date(2025, 12, 31)


def test_a_run_of_months_named_with_a_year_dates_an_undated_text_after_its_last():
    text = "5月10日,极氪上市。2023年的营收为516.7亿元。2024年1-4月交付5.7万辆。"
    assert infer_date(text, normalize(text).text) == date(2024, 5, 10)


def test_a_quarter_ahead_over_by_at_most_two_months_is_the_one_just_ended():
    assert periods("预计第一季度总交付量为9.1万至9.3万辆。", date(2025, 5, 16)) == [("第一季度", "2025-Q1")]
    assert periods("公司预计第四季度交付量为12.5万辆。", date(2026, 1, 20)) == [("第四季度", "2025-Q4")]
    # not begun, or long over: the next
    assert periods("公司预计第二季度交付量为12.5万辆。", date(2026, 1, 20)) == [("第二季度", "2026-Q2")]
    assert periods("公司预计第一季度交付量为9万辆。", date(2025, 8, 20)) == [("第一季度", "2026-Q1")]


def test_a_month_whose_sentence_goes_on_to_a_forecast_does_not_date_an_undated_text():
    text = "2025年11月,新能源乘用车批发172万辆。12月政策尾声效应与年终旺季叠加,汽车市场终端零售预计环比明显提升。"
    assert infer_date(text, normalize(text).text) == date(2025, 12, 1)
    # a month reported, with its figure, still does
    text = "2025年11月,新能源乘用车批发172万辆。12月交付5万辆,预计1月继续增长。"
    assert infer_date(text, normalize(text).text) == date(2026, 1, 1)


def test_a_year_opening_a_sentence_of_its_running_total_and_change_is_over():
    text = "2025年,蔚来累计交付32.6万辆,同比增长46.9%。其中,2025年9月21日开启交付的全新ES8仅用时100天完成4万辆交付。"
    assert infer_date(text, normalize(text).text) == date(2026, 1, 1)
    # a running total of the year so far, no change on the year before: not said to be over
    text = "2025年9月21日开启交付。2025年,蔚来累计交付20万辆。"
    assert infer_date(text, normalize(text).text) == date(2025, 9, 21)


def test_an_english_day_written_day_first_dates_an_undated_text():
    text = "XPeng (19 Aug 2025) and Li Auto (28 Aug 2025) reported; NIO reports on Tue, 02 Sep 2025. Q2 2025 deliveries rose."
    assert infer_date(text, normalize(text).text) == date(2025, 9, 2)


def test_a_tables_column_times_name_no_year_for_the_text_after_it():
    text = "In the first half of 2024, revenue rose. | Indicator | 2024 H1 | 2023 H1 | Deliveries in the first half of the year reached 86,696."
    got = periods(text, date(2024, 8, 15))
    assert got[-1] == ("the first half", "2024-H1")
    assert ("2023 H1", "2023-H1") in got  # (each column keeps its own year)


def test_items_of_a_list_keep_the_year_of_the_paragraph_above():
    text = (
        "Deliveries in 2024 showed several key trends:\n\n"
        "  • Slow Start: January (10,055) and a dip in February (8,132).\n\n"
        "  • Spring Growth: deliveries reached 15,620 in April.\n\n"
        "Deliveries in June were 24,925."
    )
    t = normalize(text).text
    got = [p.period for p in find_periods(t, date(2025, 8, 20))]
    assert got == ["2024", "2024-01", "2024-02", "2024-04", "2025-06"]


def test_a_run_from_one_month_to_a_later_one_compares_with_no_year_before():
    text = "In 2024, deliveries were 10,055 in January. They rose from 11,813 in March to 15,620 in April."
    got = [p.period for p in find_periods(text, date(2025, 8, 20))]
    assert got == ["2024", "2024-01", "2024-03", "2024-04"]


def test_a_page_number_in_the_address_that_opens_with_its_day_or_month_dates_it():
    assert infer_date("url: http://m.example.com/news/2025112620292935.html\n") == date(2025, 11, 26)
    # a year and month, then no day (32): the month's last day, as for "/2025-11/"
    assert infer_date("url: https://www.example.com/202511322447/18\n") == date(2025, 11, 30)
    # a shorter number is no date
    assert infer_date("url: https://www.example.com/a/20251126\n小米2024年交付13.5万辆") == date(2025, 11, 26)
    assert infer_date("url: https://www.example.com/a/2025111\n小米2024年交付13.5万辆") == date(2024, 12, 31)


def test_last_year_said_once_after_the_year_named_dates_the_article_in_the_year_after():
    text = (
        "BYD achieved significant milestones in 2024, rivaling Tesla. BYD sold approximately "
        "1.8 million electric vehicles last year. BYD set targets for 2025."
    )
    assert infer_date(text) == date(2025, 1, 1)
    # "last year" in the sentence of a year planned for is that year's before
    text = "NIO wants to double sales in 2025 from 221,970 units delivered last year."
    assert infer_date(text).year == 2025


def test_this_month_under_a_stand_in_is_the_month_of_the_day_named_before_it():
    text = "12月25日,小米集团总裁卢伟冰宣布,截至本月,小米汽车累计交付量已突破50万台。"
    # a stand-in date (not the article's own) a week later, in the next month
    got = [p.period for p in find_periods(text, date(2026, 1, 1), dated=False)]
    assert got == ["2025-12-25", "2025-12"]
    # the article's own date stands
    assert [p.period for p in find_periods(text, date(2026, 1, 1))][-1] == "2026-01"


def test_every_year_named_under_a_plan_dates_the_article_in_the_first():
    text = "零跑第三季度销量达17.4万辆。公司预计2025年销量61万辆,预计2026年销量102万辆,预计2026年利润50亿元。"
    assert infer_date(text) == date(2025, 10, 1)  # (after the third quarter named without a year)


def test_a_span_cars_were_made_in_does_not_date_the_article():
    text = (
        "BYD reported disappointing November sales. The recall covers vehicles manufactured between "
        "January 2021 and September 2023. This brings the total recalled in 2025 to over 210,000 units."
    )
    assert infer_date(text).year == 2025
    # a first car produced in a month still names it
    assert infer_date("The group produced its first mass-produced vehicle in May 2018.") == date(2018, 6, 1)


def test_the_half_year_to_a_month_is_that_half():
    text = "截至2025年6月止半年度,集团营业额下降4.1%至623.59亿元。"
    assert [p.period for p in find_periods(text, date(2025, 8, 30))] == ["2025-H1"]
    assert [p.period for p in find_periods("截至2025年6月30日止中期,收入为100亿元。", date(2025, 8, 30))] == [
        "2025-H1"
    ]


def test_a_year_then_its_half_is_one_time():
    # (a table's columns: "| 2025 H1 | 2024 H1 |")
    got = periods("| 2025 H1 | 2024 H1 | 2025H2 |", date(2025, 8, 20))
    assert got == [("2025 H1", "2025-H1"), ("2024 H1", "2024-H1"), ("2025H2", "2025-H2")]


def test_an_undated_article_saying_last_month_of_the_month_its_lede_names_comes_out_after_it():
    text = (
        "BYD reported a 30.1 per cent year-on-year fall in vehicle sales for January, its fifth drop.\n"
        "The automaker sold 210,051 vehicles last month. Sales of hybrids fell 7.9 per cent in 2025.\n"
        "The company set a target of 1.3 million overseas shipments for 2026, a 24 per cent rise from 2025 levels."
    )
    assert infer_date(text) == date(2026, 2, 1)
    # without "last month" the lede's month is no clue to the day
    assert infer_date(text.replace("last month", "in the month")) == date(2026, 12, 31)


def test_a_brokers_forecast_over_a_run_of_years_bounds_the_stand_in_year():
    text = (
        "投资评级 - 维持“买入”评级 核心观点 - 公司重申2026年实现百万销量的目标 - 第三季度销量达17.4万辆 "
        "- 未来业绩预测:预计2025-2027年销量分别为61万、102万、132万辆 - 2026年计划推出四款全新车型;"
        "Lafa 5车型将于11月27日上市"
    )
    assert infer_date(text).year == 2025
    assert infer_date(text.replace("预计2025-2027年", "2025-2027年")).year == 2026


def test_yesterday_is_the_day_before_the_articles():
    assert periods("NIO stock fell 1.65% yesterday.", date(2023, 12, 1)) == [("yesterday", "2023-11-30")]


def test_a_years_target_met_early_bounds_the_stand_in_year():
    text = (
        "零跑董事长朱江明刚宣布完提前达成 50 万台的 2025 年交付目标,立下明年年销百万的flag。"
        "按照规划,D19会在2026年上半年正式发布,2026年,零跑还会发布D系列的第二款产品。"
    )
    assert infer_date(text).year == 2025
    assert infer_date(text.replace("提前达成", "说起")).year == 2026


def test_a_day_named_again_without_its_year_is_the_day_named_before():
    text = (
        "美东时间3月9日收盘,蔚来美股报20.17美元。"
        "数据显示,2021年5月,蔚来美股市值曾达到554.47亿美元,但截至美东时间3月9日收盘,市值为336.64亿美元。"
    )
    got = periods(text, date(2022, 3, 10))
    assert [p for w, p in got if w.endswith("3月9日")] == ["2022-03-09", "2022-03-09"]
    assert ("2021年5月", "2021-05") in got


def test_a_month_of_this_or_last_year_is_one_time():
    got = periods(
        "In October of this year, sales rose; in November of last year they fell.", date(2025, 11, 3)
    )
    assert got == [("October of this year", "2025-10"), ("November of last year", "2024-11")]


def test_a_launch_planned_for_the_only_year_named_puts_the_article_in_the_year_before():
    text = "第三季度交付排名:小鹏汽车11.6万台位居第一。小鹏计划2026年推出三款Robotaxi车型。"
    assert infer_date(text) == date(2025, 10, 1)
    # a target for the only year named is that year's own (预计2025-2027年, 2025年目标)
    assert infer_date("第三季度交付排名:小鹏汽车11.6万台。小鹏2025年交付目标为38万台。").year == 2025


def test_a_quarter_after_a_two_digit_year_with_no_nian_dates_an_undated_article():
    # "24Q1" names 2024's first quarter: the article is after it, not in a year a plan names
    text = "小鹏汽车24Q1:Q1累计交付21,821辆车。此外2026年起,新的架构将应用于本土生产的车型。"
    assert infer_date(text) == date(2024, 4, 1)


def test_a_january_day_releasing_a_decembers_figures_is_in_the_year_after_the_one_named():
    text = "1月6日,乘联会发布了12月份主力车企批发数据。比亚迪12月批发30万辆,2023年累计超过300万辆。"
    assert infer_date(text) == date(2024, 1, 6)


def test_the_corresponding_quarter_of_a_year_is_a_base_year():
    # a results story naming its own quarter without a year: the year named only as the
    # corresponding quarter compared with is the year before the article's
    text = (
        "Li Auto reported total revenues of RMB25.9 billion in the first quarter. "
        "Li Auto delivered 92,864 vehicles in the quarter, compared to 80,400 units in the "
        "corresponding quarter of 2024."
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2025


def test_a_month_in_small_letters_before_its_year_is_that_month():
    from evlens.extract import extract_text

    text = "Tesla sold 57,152 units in august 2025, down 9.93% from 63,456 units in august 2024."
    got = {(f.metric, f.period, f.value) for f in extract_text(text, None)}
    assert ("sales", "2025-08", 57152.0) in got and ("sales", "2024-08", 63456.0) in got
    assert infer_date(text, normalize(text).text) is not None
    assert normalize("we may 2025 see").text == "we may 2025 see"  # ("may", a verb as often)


def test_a_brokers_estimate_mark_after_a_quarter_keeps_the_quarter():
    assert periods("公司计划4Q21E交付量约3.45-3.65万辆", date(2021, 11, 20)) == [("4Q21E", "2021-Q4")]
    assert periods("预计23Q3E交付", date(2023, 8, 20)) == [("23Q3E", "2023-Q3")]


def test_the_month_the_opening_reports_after_the_latest_day_named_moves_the_stand_in():
    text = (
        "The national passenger car market retailed 2,225,000 vehicles in November, down 8.1% year on year.\n"
        "As of October 22, 2025, the number of trade-in subsidy applications exceeded 10 million."
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got >= date(2025, 12, 1)


def test_a_quarter_with_its_short_form_in_brackets_keeps_its_year():
    got = periods("For the second quarter (Q2) of 2025, Li Auto expects to deliver", date(2025, 5, 30))
    assert got == [("the second quarter (Q2) of 2025", "2025-Q2")]


def test_full_year_is_read_in_capitals():
    got = periods(
        "Full year revenues reached RMB30.68 billion. Full-year deliveries rose.", date(2024, 5, 19)
    )
    assert got == [("Full year", "2024"), ("Full-year", "2024")]


def test_xia_yue_after_a_verb_ending_in_xia_is_no_next_month():
    assert periods("超过六成品牌创下月度交付纪录,比亚迪创下月销新高。", date(2025, 12, 31)) == []
    assert periods("小米下月发布新车。", date(2025, 12, 31)) == [("下月", "2026-01")]


def test_an_article_of_a_years_targets_after_the_year_before_opens_that_year():
    text = (
        "赛力斯公布2026年销量目标。鸿蒙智行2026年销量目标为100万辆,以2025年约59万辆的销量为基数测算,"
        "2026年销量预计为80万辆,力争2026年实现年度正盈利。"
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2026 and got.month <= 2


def test_a_goal_of_a_kind_of_figure_for_a_year_is_ahead():
    text = (
        "比亞迪提出2026年海外銷量目標，該公司計劃在2026年向中國大陸以外的地區銷售130萬輛汽車。"
        "比亞迪2025年銷售約460萬輛新能源汽車，2025年海外交付量超過104萬輛。"
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and (got.year, got.month) == (2026, 1)


def test_the_first_event_of_a_year_puts_the_article_early_in_it():
    text = "小米集团董事长雷军3日在2026年的首场直播中,针对小米汽车提出今年全年将交付55万辆的销售目标。"
    got = infer_date(text, normalize(text).text)
    assert got is not None and (got.year, got.month) == (2026, 1)


def test_a_quarter_under_a_plan_not_over_by_the_article_is_this_years():
    got = periods(
        "Li Auto expects to deliver between 76,000 and 81,000 vehicles in the second quarter",
        date(2023, 5, 10),
    )
    assert got == [("the second quarter", "2023-Q2")]
    # one already over is next year's
    got = periods("Li Auto expects to deliver 80,000 vehicles in the first quarter", date(2023, 5, 10))
    assert got == [("the first quarter", "2024-Q1")]


def test_the_whole_of_a_year_said_to_be_over_puts_the_article_after_it():
    text = (
        "In the month of December last year, Tesla's wholesale shipments reached 94,139 units. "
        "The whole of 2023 proved to be a remarkable year for the American automaker in China."
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2024


def test_a_years_annual_report_puts_the_article_after_that_year():
    text = (
        "Export volume increased by 72 percent last year to 417,000 cars. "
        "The annual report for 2024 from the Shenzhen-based car manufacturer is expected on Monday."
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2025
    text = "比亚迪2024年年报显示,公司全年营收7771亿元。"
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2025


def test_a_model_year_is_no_time():
    got = periods("with the Aito M9 2025 edition and its 2026 version well received", date(2025, 9, 4))
    assert got == []


def test_a_count_of_2000_is_no_year_for_the_stand_in():
    text = (
        "4 月 30 日上午,理想汽车宣布,全新理想 L6 上市 12 天,累计定单已经突破 20000 台;6 天内累计交付 2000 台。"
        "他认为,2024 年将会是新能源行业的加速收敛年。理想汽车此前已交付 2000 辆。"
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2024


def test_a_month_first_dateline_of_its_own_line_dates_the_article():
    text = "Seres is finally seeing the light.\n\n07/15 2024\n\nIn 2019, Seres launched its first electric vehicle."
    assert infer_date(text, normalize(text).text) == date(2024, 7, 15)
    text = "Headline\n07/15/2024\nIn 2019, Seres launched its first electric vehicle."
    assert infer_date(text, normalize(text).text) == date(2024, 7, 15)


def test_a_year_said_to_have_concluded_puts_the_article_after_it():
    text = "As 2025 has just concluded, a lot has happened over the year. Leapmotor sold 597,000 vehicles."
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2026


def test_a_years_results_with_their_figure_put_the_article_after_that_year():
    text = "零跑汽车公布业绩。2024年营收达321.6亿元,同比增长92%。4季度净利润8000万元。"
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2025
    text = (
        "机构预测小鹏汽车2025-2027年总营业收入为977.6/1245/1500亿元。2025年5月,小鹏汽车共交付新车33,525台。"
    )
    got = infer_date(text, normalize(text).text)
    assert got is not None and got.year == 2025


def test_a_quarter_with_a_two_digit_year_dates_the_article_after_it():
    text = "Li Auto sold just over 133,000 vehicles in 2022. And Q4’23 sales in total were just over 132,000."
    assert infer_date(text, normalize(text).text) == date(2024, 1, 1)


def test_a_publication_date_no_period_can_be_written_in_is_a_clear_error():
    from evlens.errors import InputError
    from evlens.extract import extract_text
    from evlens.extract.document import document_from_text

    with pytest.raises(ValueError, match=r"published date 1000-01-01 is before 1900-01-01"):
        extract_text("在给定假设下对全年交付量的蒙特卡洛预测", date(1000, 1, 1))
    with pytest.raises(InputError, match=r"a\.md, line 2, field 'date': date before 1900"):
        document_from_text("---\ndate: 1000-01-01\n---\n比亚迪全年交付量400万辆。", path="a.md")


def test_a_year_from_its_start_to_its_end_is_the_whole_year():
    assert periods("从2024年年初至年末,赛力斯股价涨幅高达78.04%") == [("2024年年初至年末", "2024")]
    assert periods("2023年初到年底,股价累计下跌") == [("2023年初到年底", "2023")]


def test_a_total_for_the_year_said_to_stand_now_is_the_year_so_far():
    got = periods("Their total sales for the year have now skyrocketed to 1.79 million.", date(2023, 9, 2))
    assert got == [("the year", "2023-01-01..2023-09-02")]
    # (a total for the year, said of no present, is the year's)
    assert periods("Their total sales for the year reached 1.79 million.", date(2023, 9, 2)) == [
        ("the year", "2023")
    ]


def test_a_year_a_range_starts_from_is_no_year_compared_with():
    got = periods("Its sales doubled annually from 2019 through 2022.")
    assert got == [("2019", "2019"), ("2022", "2022")]
    # (a year a change is counted from is still one compared with)
    assert periods("Sales rose 34% from 2023.") == []


def test_a_bare_year_word_before_what_a_year_is_counted_in_is_a_year():
    # (early in a year, the one just ended; a goal's, the year of the article)
    assert periods("蔚来年度销量为44万辆。", date(2025, 1, 5)) == [("年度", "2024")]
    assert periods("比亚迪年度销量目标为460万辆", date(2025, 1, 5)) == [("年度", "2025")]
    # (年度 of a year written before it, of a half, or of a fiscal year is no bare one)
    assert periods("零跑首次实现半年度净利润", date(2025, 8, 20)) == []
    assert periods("2023年度销量", date(2025, 1, 5)) == [("2023年", "2023")]


def test_an_undated_article_naming_only_plans_years_and_next_year_is_of_the_year_before():
    text = (
        "(Yicai) Nov. 13 -- Leapmotor is on track to beat its sales target this year and plans to "
        "double this goal next year. It has set itself the bold goal of reaching 500,000 units in 2025, "
        "and plans to boost its yearly output to one million units by early 2026. A new plant should "
        "come online by the end of next year or early 2026."
    )
    assert infer_date(text) == date(2024, 11, 13)


def test_a_past_year_describing_a_maker_by_its_result_sets_no_year_for_what_follows():
    got = periods("他细数，去年有赚钱的理想，第三季新能源汽车卖出93200辆", date(2025, 11, 20))
    assert ("第三季", "2025-Q3") in got
    # (a year of a figure after 的 is that figure's: 去年亏损的36亿元)
    got = periods("去年亏损的36亿元,第三季新能源汽车卖出93200辆", date(2025, 11, 20))
    assert ("第三季", "2024-Q3") in got


def test_the_days_of_a_whole_month_are_the_month_and_the_year_so_far_after_it_runs_through_it():
    got = periods(
        "初步统计 6 月 1-30 日,乘用车市场零售 175.5 万辆,同比下降 8%,今年以来累计零售 982.8 万辆",
        date(2024, 7, 4),
    )
    assert got == [("6月1-30日", "2024-06"), ("今年以来", "2024-01..2024-06")]
    assert periods("June 1-30, retail sales reached 1.75 million", date(2024, 7, 4)) == [
        ("June 1-30", "2024-06")
    ]
    # (days short of the month stay days; a year so far in a sentence of its own runs to the day)
    assert periods("6月1-23日,零售100万辆", date(2024, 7, 4)) == [("6月1-23日", "2024-06-01..2024-06-23")]
    assert periods("6月零售100万辆。今年以来累计零售982.8万辆", date(2024, 7, 4))[-1] == (
        "今年以来",
        "2024-01-01..2024-07-04",
    )


def test_a_bare_month_in_a_paragraph_of_an_earlier_year_does_not_move_the_stand_in():
    text = (
        "泡财经获悉,7月2日晚间,赛力斯公告,6月销量18754辆,同比下降27.04%。\n\n"
        "赛力斯深度绑定华为。2021年4月双方合作的首款车型SF5发布;2021年底,AITO发布;9月问界M5纯电版上市。\n\n"
        "业绩方面,23年第一季度实现收入50.9亿元,归母净亏损6.25亿元。\n"
    )
    assert infer_date(text) == date(2023, 7, 2)


def test_the_start_of_a_year_named_as_the_day_of_writing_is_the_stand_in():
    text = (
        "2026年年初那天,我在手机上刷到蔚来第100万辆量产车下线的新闻视频。\n"
        "回头再看蔚来2025年的成绩单,挺亮眼。\n这“金字塔结构”去年终于立住。我去年刚好在车展上看过全新ES8。\n"
    )
    assert infer_date(text) == date(2026, 1, 1)


def test_a_brokers_price_target_is_no_word_of_the_future():
    text = (
        "Jefferies downgraded Seres from Buy to Hold on Monday, lowering its price target to RMB144.30 "
        "from RMB151.01 following the company’s third-quarter results."
    )
    t = normalize(text).text
    got = [(t[p.start : p.end], p.period) for p in find_periods(t, date(2025, 11, 15), dated=False)]
    assert ("third-quarter", "2025-Q3") in got
    # (a target of the maker's still is one: "targets third-quarter deliveries of …" in September)
    t = normalize("The company targets third-quarter deliveries of 100,000.").text
    assert [p.period for p in find_periods(t, date(2025, 9, 15))] == ["2025-Q3"]
