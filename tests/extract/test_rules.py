"""Extraction rules on short texts, each checked by hand."""

from datetime import date

from evlens.extract import extract_text


def facts(text, published=date(2025, 5, 20)):
    return {(f.entity, f.metric, f.period, f.value, f.bound) for f in extract_text(text, published)}


def test_an_expectation_for_this_month_is_a_target_for_the_month():
    got = facts("小米汽车本月交付量预计超过 2.8 万辆。")
    assert ("xiaomi", "delivery_target", "2025-05", 28000.0, "gt") in got
    # a target set in a month named elsewhere is the year's
    got = facts("4 月，小米表示。小米汽车计划交付 35 万辆。")
    assert {(e, m, p) for e, m, p, _, _ in got if m == "delivery_target"} == {("xiaomi", "delivery_target", "2025")}


def test_growth_over_a_year_is_year_on_year():
    got = facts("BYD's net profit rose 34% to 40.3 billion yuan in 2024.")
    assert ("byd", "net_profit_yoy", "2024", 34.0, "eq") in got
    assert not any(m.endswith("_growth") for _, m, _, _, _ in got)


def test_analysts_estimates_are_no_figures():
    got = facts("Tesla delivered 384,122 vehicles in the first quarter of 2025, "
                "below analysts' estimates of about 390,000.")
    assert ("tesla", "deliveries", "2025-Q1", 384122.0, "eq") in got
    assert not any(v == 390000.0 for *_, v, _ in got)


def test_levels_after_a_plan_are_as_of_the_article_date():
    text = ("Xiaomi expects to hand over the first YU7 SUVs in July. The company has more than 200,000 "
            "firm orders for the model, and its monthly capacity is around 40,000 vehicles across the SU7 and YU7.")
    got = {(f.entity, f.metric, f.period, f.value, f.bound, f.cumulative, f.rate)
           for f in extract_text(text, date(2025, 6, 30))}
    # the orders are a running total on the day; the capacity, named for two models, is the maker's
    assert ("xiaomi-yu7", "locked_orders", "2025-06-30", 200000.0, "gt", True, None) in got
    assert ("xiaomi", "capacity", "2025-06-30", 40000.0, "approx", False, "month") in got
    assert not any(p == "2025-07" for _, _, p, *_ in got)


def test_a_figure_a_year_earlier_belongs_to_the_year_before():
    got = facts("Tesla delivered 387,450 vehicles in the second quarter of 2025, down 13.5% from 447,950 "
                "a year earlier.", date(2025, 7, 2))
    assert ("tesla", "deliveries", "2025-Q2", 387450.0, "eq") in got
    assert ("tesla", "deliveries", "2024-Q2", 447950.0, "eq") in got
    assert ("tesla", "deliveries_yoy", "2025-Q2", -13.5, "eq") in got


def test_a_percent_higher_than_a_month_is_month_on_month_growth():
    got = facts("XPeng delivered 37,709 vehicles in August, up 169% from a year earlier and 2.7% higher "
                "than in July.", date(2025, 9, 1))
    assert ("xpeng", "deliveries_mom", "2025-08", 2.7, "eq") in got
    assert ("xpeng", "deliveries_yoy", "2025-08", 169.0, "eq") in got
    # a difference in money is still no level
    got = facts("The SU7 starts at 215,900 yuan, 30,000 yuan below the Model 3.")
    assert not any(v == 30000.0 for *_, v, _ in got)


def test_a_condition_or_a_forecast_earlier_in_the_sentence_states_no_fact():
    got = facts("极氪表示，今年的全年交付目标为 32 万辆。有券商分析师预计，如果新车型按计划上市，极氪今年的销量有望超过 35 万辆。",
                date(2025, 1, 2))
    assert ("zeekr", "delivery_target", "2025", 320000.0, "eq") in got
    assert not any(v == 350000.0 for *_, v, _ in got)
    # an intraday swing in an earlier clause does not undo the close
    got = facts("2 月 6 日，小米股价盘中一度上涨 8%，收涨 5.1%。", date(2025, 2, 6))
    assert ("xiaomi", "share_return", "2025-02-06", 5.1, "eq") in got
    assert not any(v == 8.0 for *_, v, _ in got)


def test_a_market_value_in_a_year_is_where_it_ended_the_year():
    got = facts("Last year Xiaomi's shares rose about 120%, and its market value ended the year at nearly "
                "HK$870 billion.", date(2025, 1, 2))
    assert ("xiaomi", "market_cap", "2024-12-31", 870e9, "lt") in got
