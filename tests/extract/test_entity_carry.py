"""Which entity a figure takes when the name is a list of models, or was named in an
earlier sentence's breakdown."""

from datetime import date

from evlens.extract import extract_text


def facts(text, published=date(2025, 11, 5)):
    # (the rules' readings, all of them: the confidence model is tested in test_confidence.py)
    return {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, published, judged=False)}


def test_a_count_followed_by_a_list_of_one_makers_models_is_the_makers():
    got = facts("特斯拉第二季度全球交付了 466,140 輛 Model 3 和 Model Y。", date(2023, 7, 5))
    assert ("tesla", "deliveries", "2023-Q2", 466140.0) in got
    assert not any(e.startswith("tesla-model") for e, *_ in got)
    got = facts("The plant can build 1.1 million units of Model 3 and Model Y a year.", date(2024, 1, 3))
    assert {e for e, *_ in got} == {"tesla"}
    # one model alone keeps its own
    got = facts("特斯拉第二季度交付了 300,000 輛 Model Y。", date(2023, 7, 5))
    assert ("tesla-model-y", "deliveries", "2023-Q2", 300000.0) in got


def test_a_model_named_in_a_breakdown_leaves_its_maker_to_the_next_sentence():
    text = (
        "零跑汽车公布历年交付数据。2021 年交付 4.37 万辆,其中,T03 交付 3.9 万辆,C11 交付近 4000 辆。"
        "2022 年交付 11.1 万辆、同比增长 154%。"
    )
    got = facts(text, date(2025, 3, 12))
    assert ("leapmotor", "deliveries", "2022", 111000.0) in got
    assert ("leapmotor", "deliveries_yoy", "2022", 154.0) in got
    text = (
        "特斯拉公布交付量。四季度全球交付 49.6 万辆(Model 3+Model Y 交付 47.2 万辆)。"
        "全年交付量同比-1.1%至178.9 万辆。"
    )
    got = facts(text, date(2025, 1, 3))
    assert ("tesla", "deliveries", "2024", 1789000.0) in got
    # a model named as the sentence's subject, not in a breakdown, is still carried
    text = "小米公布新车数据。小米SU7本月交付超过2万辆。上月交付 1.5 万辆。"
    got = facts(text, date(2024, 9, 1))
    assert any(e == "xiaomi-su7" and v == 15000.0 for e, _, _, v in got)


def test_a_list_of_one_makers_models_ending_a_sentence_leaves_the_maker():
    text = (
        "根據乘聯會的初步數據，Tesla 在中國製造的 Model 3 和 Model Y 的銷售在 6 月創新高。"
        "上個月的整體批發車輛出貨量(包括本地零售銷售和出口)總計達到了 93,680 輛。"
    )
    got = facts(text, date(2023, 7, 5))
    # the maker's, and a metric word in brackets the figure stands outside of does not govern it
    assert ("tesla", "wholesale", "2023-06", 93680.0) in got
    assert not any(e.startswith("tesla-model") or m == "exports" for e, m, _, _ in got)
