"""Traditional Chinese (Hong Kong and Taiwan press) read as well as simplified."""

from datetime import date

from evlens.extract import extract_text
from evlens.extract.normalize import normalize
from evlens.extract.script import t2s_table, to_simplified


def facts(text, published=date(2025, 3, 4)):
    return {(f.entity, f.metric, f.period, f.value, f.unit, f.bound) for f in extract_text(text, published)}


def test_conversion_is_one_character_for_one():
    text = "蔚來發佈公告，總市值突破萬億港幣；後續車型將於臺灣上市。"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "蔚来发布公告，总市值突破万亿港币；后续车型将于台湾上市。"
    # simplified text, Latin letters and digits are left alone
    plain = "小米SU7交付7,058辆，Xiaomi delivered 7058 cars"
    assert to_simplified(plain) == plain


def test_the_table_comes_from_opencc_and_maps_single_characters():
    table = t2s_table()
    assert len(table) > 2000
    assert table["億"] == "亿" and table["輛"] == "辆" and table["萬"] == "万"
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())


def test_spans_stay_in_the_original_text():
    text = "理想汽車2月交付26,421輛，營收為315.62億元。"
    got = extract_text(text, date(2025, 3, 4))
    assert got
    for f in got:
        assert text[f.span_start : f.span_end] == f.surface
    assert normalize(text).text.startswith("理想汽车")


def test_hong_kong_quotes_and_magnitudes():
    got = facts("小米集團股價收漲3.35%，報97.2港元，總市值突破萬億港元。")
    assert ("xiaomi", "share_return", "2025-03-04", 3.35, "percent", "eq") in got
    assert ("xiaomi", "share_price", "2025-03-04", 97.2, "HKD", "eq") in got
    assert ("xiaomi", "market_cap", "2025-03-04", 1e12, "HKD", "gt") in got


def test_a_bracketed_stock_code_is_neither_a_year_nor_a_count():
    got = facts("理想汽車（2015）公布，2月交付26,421輛。")
    assert got == {("li-auto", "deliveries", "2025-02", 26421.0, "vehicle", "eq")}
    got = facts("XPeng (09868) said it delivered 30,453 vehicles in February.")
    assert got == {("xpeng", "deliveries", "2025-02", 30453.0, "vehicle", "eq")}
    # a year in brackets with 年 is still a year
    assert ("byd", "deliveries", "2015", 30000.0, "vehicle", "eq") in facts("比亚迪（2015年）交付30000辆。")


def test_year_and_month_on_month_in_hong_kong_and_taiwan_words():
    got = facts("小鵬汽車2月交付30,453輛，按年增長570%，按月下跌0.3%。")
    assert ("xpeng", "deliveries_yoy", "2025-02", 570.0, "percent", "eq") in got
    assert ("xpeng", "deliveries_mom", "2025-02", -0.3, "percent", "eq") in got
    got = facts("特斯拉2月在台銷量1,200台，年增15%。")
    assert ("tesla", "sales_yoy", "2025-02", 15.0, "percent", "eq") in got


def test_four_digit_wan_and_yi_in_traditional_script():
    got = facts("比亞迪2024年全年銷量427萬輛，營收7771億元。")
    assert ("byd", "sales", "2024", 4270000.0, "vehicle", "eq") in got
    assert ("byd", "revenue", "2024", 777100000000.0, "CNY", "eq") in got


def test_a_factorys_shipments_are_its_wholesale_and_the_small_comma_separates_thousands():
    from datetime import date

    from evlens.extract import extract_text

    text = "特斯拉上海工廠 9 月出貨量達 9 萬 812 輛，較去年同期成長 2.8%。公司10月從上海廠出貨8萬6﹐700輛電動車。"
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2025, 11, 10))}
    assert ("tesla", "wholesale", "2025-09", 90812.0) in got
    assert ("tesla", "wholesale_yoy", "2025-09", 2.8) in got
    assert ("tesla", "wholesale", "2025-10", 86700.0) in got


def test_a_release_before_the_market_opens_still_states_its_counts_but_no_close():
    from datetime import date

    from evlens.extract import extract_text

    text = "Tesla周五美股盤前公布，去年第4季度交付量418,227輛，按年降16%，預估440,907輛。Tesla股價盤前跌2%，報450美元。"
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2026, 1, 3))}
    assert ("tesla", "deliveries", "2025-Q4", 418227.0) in got
    assert ("tesla", "deliveries_yoy", "2025-Q4", -16.0) in got
    assert not any(m.startswith("share") or v == 440907.0 for _, m, _, v in got)


def test_yesterdays_close_in_a_hong_kong_quote_of_a_company_named_with_its_code():
    from datetime import date

    from evlens.extract import extract_text

    text = "蔚來(9866)驚爆遭起訴。蔚來股價昨一度下挫13.2%，收市仍失近9%，報49.28元，單日市值失逾百億元。"
    got = {(f.entity, f.metric, f.period, f.value, f.unit) for f in extract_text(text, date(2025, 10, 17))}
    assert ("nio", "share_price", "2025-10-16", 49.28, "HKD") in got
    assert ("nio", "share_return", "2025-10-16", -9.0, "percent") in got
    assert not any(m == "market_cap" for _, m, *_ in got)  # a loss of value, not a level


def test_a_bare_loss_word_and_hong_kong_cars_counted_in_jia():
    from datetime import date

    from evlens.extract import extract_text

    text = "小鵬第三季虧損3.8億人民幣。蔚來虧37億人民幣。Tesla去年第四季交付48.45萬架車。"
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(2025, 11, 30))}
    assert ("nio", "net_profit", "2025-Q3", -3_700_000_000.0) in got
    assert ("tesla", "deliveries", "2024-Q4", 484500.0) in got


def test_the_sp500_written_in_chinese_numerals_is_the_index():
    from datetime import date

    from evlens.extract import extract_text

    got = {
        (f.entity, f.metric, f.value)
        for f in extract_text(
            "特斯拉股價今年已下跌四十一.八%,同期間標普五○○指數上漲六.三%。", date(2024, 4, 25)
        )
    }
    assert ("sp500", "index_return", 6.3) in got
    assert ("tesla", "share_return", -41.8) in got
