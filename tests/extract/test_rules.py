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
