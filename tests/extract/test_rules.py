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
