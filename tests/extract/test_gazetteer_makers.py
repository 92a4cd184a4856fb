"""China's EV makers in the gazetteer: parents, listings, three scripts, and figures next
to a maker the gazetteer does not know."""

from datetime import date

import pytest

from evlens.extract import Extractor, extract_text
from evlens.gazetteer import load_gazetteer

ENTITIES = {e.id: e for e in load_gazetteer()}


def facts(text, published=date(2025, 11, 5)):
    return {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, published)}


def readings(text, published=date(2025, 11, 5)):
    """Every reading of the rules, whatever the confidence model judges (what a test of an
    entity is about)."""
    return {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, published, judged=False)}


@pytest.mark.parametrize(
    "child,parent",
    [
        ("zeekr", "geely"),
        ("zeekr-group", "geely"),
        ("lynk-co", "geely"),
        ("geely", "geely-holding"),
        ("onvo", "nio"),
        ("firefly", "nio"),
        ("aito", "seres"),
        ("byd-tang-l", "byd"),
        ("xpeng-mona-m03", "xpeng"),
        ("li-auto-l6", "li-auto"),
        ("aito-m9", "aito"),
    ],
)
def test_parents(child, parent):
    assert ENTITIES[child].parent == parent


def test_every_parent_is_known_and_listings_are_given():
    assert all(e.parent in ENTITIES for e in ENTITIES.values() if e.parent)
    tickers = {s.ticker for e in ENTITIES.values() for s in e.securities}
    assert {"9866.HK", "NIO", "LI", "XPEV", "0175.HK", "9863.HK", "9927.HK"} <= tickers
    assert "SZSE:002594" in ENTITIES["byd"].listings and "SSE:601127" in ENTITIES["seres"].listings


def test_every_model_among_the_monthly_top_sellers_is_known():
    # one per brand of the top-seller table, named as the table names them
    from evlens.extract.lexicon import load_lexicon

    names = load_lexicon().entity_names
    for name in (
        "byd atto 3",
        "byd seagull",
        "wuling hongguang mini ev",
        "geely galaxy e5",
        "xpeng mona m03",
        "zeekr 7x",
        "changan lumin",
        "leapmotor c10",
        "tesla model y",
        "aion y",
        "nio es8",
    ):
        assert name in names, name


@pytest.mark.parametrize(
    "text,slug",
    [
        ("领克10月销量3.2万辆。", "lynk-co"),
        ("領克10月銷量3.2萬輛。", "lynk-co"),
        ("Lynk & Co sold 32,000 cars in October.", "lynk-co"),
        ("问界M9 10月交付1.5万辆。", "aito-m9"),
        ("問界M9 10月交付1.5萬輛。", "aito-m9"),
        ("樂道10月交付2萬輛。", "onvo"),
        ("Onvo delivered 20,000 vehicles in October.", "onvo"),
        ("螢火蟲10月交付5,000輛。", "firefly"),
        ("赛力斯10月销量4.5万辆。", "seres"),
        ("比亞迪唐L 10月銷量1.2萬輛。", "byd-tang-l"),
        ("吉利汽車10月銷量30萬輛。", "geely"),
        # the pinyin of a Chinese brand name, as translations write it
        ("Wenjie delivered 40,016 vehicles in October.", "aito"),
        ("Lantu delivered 10,000 vehicles in October.", "voyah"),
    ],
)
def test_names_in_three_scripts(text, slug):
    assert {e for e, *_ in facts(text)} == {slug}


def test_a_figure_next_to_an_unknown_maker_gets_no_entity():
    ex = Extractor("比亚迪10月销量50万辆，合创汽车10月交付1万辆。", date(2025, 11, 5))
    got = {(f.entity, f.value) for f in ex.facts()}
    assert got == {("byd", 500000.0)}
    assert [s.surface for s in ex.skipped] == ["1万辆"] and "gazetteer" in ex.skipped[0].reason
    # in English, and in the sentence after
    got = facts("Geely sold 200,000 cars in May. Jiyue Auto delivered 10,000 vehicles in May.")
    assert got == {("geely", "sales", "2025-05", 200000.0)}
    got = facts("小米汽车10月交付4万辆。合创汽车也公布了数据。其10月交付1.2万辆。")
    assert {v for *_, v in got} == {40000.0}


def test_generic_car_words_are_no_maker():
    got = facts("比亚迪10月新能源汽车销量50万辆。")
    assert got == {("byd", "sales", "2025-10", 500000.0)}


def test_an_ambiguous_short_name_counts_once_the_maker_is_named():
    # 理想 alone is an ordinary word; after 理想汽车 it is the maker
    got = facts("理想汽车公布季度业绩。理想表示，第三季度收入为273.6亿元。")
    assert ("li-auto", "revenue", "2025-Q3", 27360000000.0) in got
    assert not facts("这是一个理想的结果，收入为273.6亿元。")


def test_an_ambiguous_short_name_counts_once_a_model_of_the_maker_is_named():
    # 理想 in quotes is the maker in a text that names its model 理想MEGA
    text = "召回事件,冲击“理想”。2025年第三季度总收入为273.6亿元。蔚来第三季度交付8.7万辆。公司召回理想MEGA汽车。"
    got = facts(text)
    assert ("li-auto", "revenue", "2025-Q3", 27360000000.0) in got
    assert ("nio", "revenue", "2025-Q3", 27360000000.0) not in got
    assert not {f for f in facts("这是一个理想的结果，收入为273.6亿元。") if f[0] == "li-auto"}


def test_an_ambiguous_short_name_right_before_a_vehicle_count_names_the_maker():
    got = facts("11月新势力交付量:小鹏(36728辆)、蔚来汽车(36275辆)、理想(33181辆)与深蓝(33060辆)。")
    assert ("li-auto", "deliveries", "2025-11", 33181.0) in got
    assert ("nio", "deliveries", "2025-11", 33181.0) not in got
    got = facts("11月新势力交付量:小鹏36728辆、蔚来36275辆、理想3.3万辆。")
    assert ("li-auto", "deliveries", "2025-11", 33000.0) in got
    assert not facts("这是一个理想的结果,11月交付量达到36728辆。") & {
        ("li-auto", "deliveries", "2025-11", 36728.0)
    }


def test_revenue_after_a_model_is_the_makers():
    got = facts("理想汽车第三季度亏损6.2亿元。受理想MEGA召回影响，第三季度收入为273.6亿元。")
    assert {e for e, m, *_ in got if m == "revenue"} == {"li-auto"}


def test_group_brands_and_alliances():
    assert {e for e, *_ in facts("吉利控股集团2025年销量411.6万辆。")} == {"geely-holding"}
    assert {e for e, *_ in facts("鸿蒙智行11月交付81,864辆。")} == {"hima"}
    assert {e for e, *_ in facts("Zeekr Group delivered 140,195 vehicles in the third quarter.")} == {
        "zeekr-group"
    }


def test_a_models_code_names_it_only_where_its_maker_is_named():
    def got(text):
        return {(f.entity, f.value) for f in extract_text(text, date(2025, 11, 20))}

    text = "XPeng delivered 40,008 vehicles in the third quarter. The G6 delivered 19,137 units in the third quarter."
    assert ("xpeng-g6", 19137.0) in got(text)
    assert got("极氪10月交付3万辆，其中9X交付1.1万辆。") == {("zeekr", 30000.0), ("zeekr-9x", 11000.0)}
    # with no maker named, a bare code names nothing
    assert got("The G6 delivered 19,137 units in the third quarter.") == set()


def test_a_model_named_right_after_a_count_takes_it_even_in_the_plural():
    got = {
        (f.entity, f.value)
        for f in extract_text(
            "Xpeng delivered 20,041 vehicles in November. It delivered 8,750 G6s in November.",
            date(2023, 12, 2),
        )
    }
    assert ("xpeng-g6", 8750.0) in got
    text = "In August, Tesla's Giga Shanghai sold 83,192 cars in total, of which 24,304 were Model 3s and 58,888 were Model Ys."
    got = {(f.entity, f.value) for f in extract_text(text, date(2025, 9, 10))}
    assert {("tesla-model-3", 24304.0), ("tesla-model-y", 58888.0)} <= got


def test_a_number_inside_a_name_is_no_figure():
    text = "Tesla's Giga Shanghai sold 83,192 cars in August. Of these, 24,304 were Model 3 sedans."
    assert 3.0 not in {f.value for f in extract_text(text, date(2025, 9, 10))}


def test_a_model_name_that_is_an_ordinary_word_names_the_model_only_beside_its_maker():
    # "Dolphin Research", a publisher's research desk, names no BYD model where BYD is not named
    # (it is the publisher, Longbridge, a company that makes no cars)
    text = "Dolphin Research\n\nLeapmotor: earnings call minutes by Dolphin Research."
    assert {e.key for e in Extractor(text, date(2025, 8, 19)).entities} == {"leapmotor", "longbridge"}
    got = {
        (f.entity, f.value)
        for f in extract_text("BYD sold 20,000 units of its Dolphin hatchback in October.", date(2025, 11, 3))
    }
    assert got == {("byd-dolphin", 20000.0)}


def test_a_rival_described_after_lingxianyu_leaves_no_figure_its_name():
    text = (
        "比亚迪2025年纯电动汽车销量达到225.47万辆，大幅领先于预计销量将下滑至164万辆的特斯拉。\n\n"
        "2025年全年海外销量达到104.61万辆，同比激增150.7%。"
    )
    got = {(f.entity, f.metric, f.value) for f in extract_text(text, date(2026, 1, 2))}
    assert ("byd", "exports", 1046100.0) in got
    assert not any(e == "tesla" for e, _, _ in got)


def test_great_walls_brands_changan_qiyuan_and_hima_models_are_known():
    from datetime import date as _date

    from evlens.extract import extract_text

    def got(text, day):
        return {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, day)}

    text = "长城汽车前三季度销量92.34万辆。哈弗品牌销量52.85万辆，魏牌销量6.36万辆，坦克品牌销量16.51万辆。"
    facts = got(text, _date(2025, 10, 14))
    assert ("haval", "sales", "2025-01..2025-09", 528500.0) in facts
    assert ("wey", "sales", "2025-01..2025-09", 63600.0) in facts
    assert ("tank", "sales", "2025-01..2025-09", 165100.0) in facts
    # "tank" as an ordinary word names no maker
    facts = got(
        "A think tank said Great Wall Motor sold 923,400 vehicles in the first nine months.",
        _date(2025, 10, 14),
    )
    assert {e for e, *_ in facts} == {"gwm"}
    text = "Changan Nevo delivered 98,236 units from January to August. In May, only 5,124 units of the Luxeed R7 were delivered."
    facts = got(text, _date(2025, 9, 10))
    assert ("changan-qiyuan", "deliveries", "2025-01..2025-08", 98236.0) in facts
    assert ("luxeed-r7", "deliveries", "2025-05", 5124.0) in facts


def test_a_joint_ventures_figures_are_not_its_chinese_partners():
    text = (
        "Changan Automobile sold 191,007 vehicles in February. As to the two joint ventures, "
        "Changan Ford and Changan Mazda, February sales stood at 14,312 units and 3,863 units. "
        "廣汽豐田2月銷量5萬輛。廣汽集團2月銷量15萬輛。"
    )
    got = facts(text, date(2023, 3, 7))
    assert ("changan", "sales", "2023-02", 191007.0) in got
    assert ("gac", "sales", "2023-02", 150000.0) in got
    assert not any(v in (14312.0, 3863.0, 50000.0) for *_, v in got)
    # a known name longer than a joint venture's stays known (SAIC-GM-Wuling is wuling)
    got = facts(
        "上汽通用五菱上半年销量24.9万辆。SAIC-GM-Wuling sold 116,000 vehicles in May.", date(2024, 7, 3)
    )
    assert ("wuling", "sales", "2024-H1", 249000.0) in got
    assert ("wuling", "sales", "2024-05", 116000.0) in got


def test_volkswagens_chinese_joint_ventures_are_not_volkswagen():
    text = "比亚迪11月零售30.7万辆。一汽-大眾11月零售銷量13.75萬輛，同比下降6.5%，市場份額6.2%；上汽大众销量10万辆。"
    got = facts(text, date(2025, 12, 10))
    assert ("byd", "retail_sales", "2025-11", 307000.0) in got
    assert not any(v in (137500.0, 6.5, 6.2, 100000.0) for *_, v in got)
    # Volkswagen itself stays known
    assert ("volkswagen", "sales", "2025-11", 50000.0) in facts("大众汽车11月销量5万辆。", date(2025, 12, 10))


def test_a_maker_named_as_a_technology_company_the_gazetteer_does_not_know_takes_its_figure():
    got = facts("东风汽车1月销量15万辆。猛龙科技销量21,269辆,同比增长145%。", date(2026, 2, 1))
    assert ("dongfeng", "sales", "2026-01", 150000.0) in got
    assert not any(v in (21269.0, 145.0) for *_, v in got)
    # a brand the gazetteer knows takes its own ("东风奕派科技": Dongfeng's eπ)
    got = facts("东风汽车1月销量15万辆。东风奕派科技销量21,269辆,同比增长145%。", date(2026, 2, 1))
    assert ("dongfeng-epi", "sales", "2026-01", 21269.0) in got
    # the Hang Seng Tech index is no maker
    got = facts("比亚迪股价上涨3%，恒生科技指数上涨1.2%。", date(2026, 2, 1))
    assert ("byd", "share_return", "2026-01-30", 3.0) in got  # (a Sunday's report: Friday's session)


def test_a_figure_after_a_list_of_makers_with_a_word_for_their_sum_is_no_ones():
    text = "鸿蒙智行1月交付57,915辆,其中问界品牌贡献40,016辆,智界、尊界、享界和尚界四家总销量为17,899辆。"
    got = facts(text, date(2026, 2, 1))
    assert ("hima", "deliveries", "2026-01", 57915.0) in got
    assert not any(v == 17899.0 for *_, v in got)
    got = facts("BYD and Geely combined sold 700,000 cars in January.", date(2026, 2, 1))
    assert not any(v == 700000.0 for *_, v in got)
    # one maker's total is its own
    got = facts("鸿蒙智行1月总销量为57,915辆。", date(2026, 2, 1))
    assert ("hima", "sales", "2026-01", 57915.0) in got


def test_a_brand_that_publishes_results_keeps_its_revenue_and_profit():
    assert ENTITIES["zeekr"].reports_results and ENTITIES["avatr"].reports_results
    assert not ENTITIES["aito"].reports_results  # Aito's results are Seres's
    got = facts(
        "回顾2024年,极氪交出了一份成绩单:总营收达到759.1亿元,同比增长47%,全年净亏损为57.9亿元。",
        date(2025, 3, 21),
    )
    assert ("zeekr", "revenue", "2024", 75_910_000_000.0) in got
    assert ("zeekr", "revenue_yoy", "2024", 47.0) in got
    assert ("zeekr", "net_profit", "2024", -5_790_000_000.0) in got
    got = facts("据阿维塔招股书,2022年公司营业收入仅为2834万元。", date(2025, 11, 28))
    assert ("avatr", "revenue", "2022", 28_340_000.0) in got
    got = facts("问界2024年营收达到100亿元。", date(2025, 3, 21))
    assert not any(e == "aito" for e, *_ in got)


def test_the_countrys_exports_are_no_makers():
    text = "Chery sold 100,000 vehicles in June. China's auto exports in the first quarter of 2023 exceeded 1.07 million units."
    got = facts(text, date(2023, 8, 19))
    assert ("chery", "sales", "2023-06", 100000.0) in got
    assert not any(v == 1070000.0 for *_, v in got)


@pytest.mark.parametrize(
    "text, want",
    [
        # "byd han" (the BYD Han) is glued to "ded": the maker's name alone is whole
        (
            "BYD handed 1.26 million vehicles to customers in the first half of 2023.",
            ("byd", "deliveries", "2023-H1"),
        ),
        # "sales volume" is glued to an "s": "sales" alone is whole
        ("NIO's sales volumes reached 20,000 units in May 2024.", ("nio", "sales", "2024-05")),
    ],
)
def test_a_name_glued_to_a_letter_gives_way_to_the_shorter_name_it_starts_with(text, want):
    from datetime import date

    from evlens.extract import extract_text

    got = {(f.entity, f.metric, f.period) for f in extract_text(text, date(2024, 6, 1))}
    assert want in got


@pytest.mark.parametrize(
    "text, want",
    [
        ("理想ONE 4月交付5539辆，同比增长111.3%。", ("li-auto-one", "deliveries", "2021-04", 5539.0)),
        ("威马汽车10月销售新车3003辆，同比增长46%。", ("weltmeister", "sales", "2020-10", 3003.0)),
        ("威馬汽車10月銷售新車3003輛。", ("weltmeister", "sales", "2020-10", 3003.0)),
    ],
)
def test_the_makers_and_models_of_2020_and_2021_are_known(text, want):
    from datetime import date

    from evlens.extract import extract_text

    year = int(want[2][:4])
    got = {(f.entity, f.metric, f.period, f.value) for f in extract_text(text, date(year, 12, 1))}
    assert want in got


@pytest.mark.parametrize(
    "text",
    [
        "零跑汽車公布業績。去年公司銷售39,149輛T03,帶動整體電動車銷量大增4.4倍至43,748輛。",
        "Leapmotor sold 39,149 T03s last year, lifting its overall sales to 43,748 units.",
    ],
)
def test_a_figure_for_the_whole_after_a_model_is_its_makers(text):
    from datetime import date

    from evlens.extract import extract_text

    # (a test of an entity: every reading of the rules, whatever the model judges)
    got = {(f.entity, f.value) for f in extract_text(text, date(2022, 3, 1), judged=False)}
    assert ("leapmotor", 43748.0) in got
    assert ("leapmotor-t03", 39149.0) in got


def test_nio_es7_is_known_and_each_in_another_clause_makes_no_list():
    from datetime import date

    from evlens.extract import extract_text

    got = {
        (f.entity, f.value)
        for f in extract_text("蔚来10月交付10,059辆,其中包括2814辆ES7。", date(2022, 11, 1))
    }
    assert ("nio-es7", 2814.0) in got
    text = "蔚来11月共交付新车14178台。其中,NT2三款新车型ET7、ES7和ET5交付量均稳步上升,达11072台。"
    got = {(f.entity, f.value) for f in extract_text(text, date(2022, 12, 28))}
    assert ("nio", 11072.0) in got  # their sum, not each model's
    assert not any(v == 11072.0 and e != "nio" for e, v in got)


def test_the_mona_m03_written_without_a_space_is_known():
    from datetime import date

    from evlens.extract import extract_text

    text = "小鹏12月交付量至36,695辆(其中,MONAM03超1.5万辆、P7+交付量超1万辆)"
    got = {(f.entity, f.value) for f in extract_text(text, date(2025, 1, 2))}
    assert ("xpeng-mona-m03", 15000.0) in got


def test_gac_trumpchi_is_a_brand_of_gac_in_three_scripts():
    assert ENTITIES["gac-trumpchi"].parent == "gac"
    for text in (
        "广汽传祺和广汽埃安前三季度销量分别下滑15.84%和19.99%。",
        "廣汽傳祺和廣汽埃安前三季度銷量分別下滑15.84%和19.99%。",
    ):
        got = readings(text, date(2025, 11, 1))
        assert ("gac-trumpchi", "sales_yoy", "2025-01..2025-09", -15.84) in got
        assert ("gac", "sales_yoy", "2025-01..2025-09", -15.84) not in got


@pytest.mark.parametrize(
    "slug,parent,name",
    [
        ("hongqi", "faw", "一汽红旗"),
        ("hyptec", "gac", "昊铂"),
        ("jetour", "chery", "捷途"),
        ("exeed", "chery", "星途"),
        ("dongfeng-epi", "dongfeng", "东风奕派"),
        ("mhero", "dongfeng", "东风猛士"),
        ("roewe", "saic", "荣威"),
        ("rising-auto", "saic", "飞凡"),
        ("baojun", "wuling", "宝骏"),
    ],
)
def test_brands_of_the_big_groups_take_their_own_figures(slug, parent, name):
    assert ENTITIES[slug].parent == parent
    text = f"{parent and '比亚迪10月销量50万辆。'}{name}10月销量2.1万辆。"
    got = readings(text)
    assert (slug, "sales", "2025-10", 21000.0) in got
    assert ("byd", "sales", "2025-10", 21000.0) not in got


def test_rising_alone_is_an_ordinary_english_word():
    got = facts("Xiaomi closed at HK$56.35, rising 4.3% and lifting its market value above HK$1.4 trillion.")
    assert not any(e == "rising-auto" for e, *_ in got)


def test_a_partner_named_paragraphs_before_leaves_the_dominant_subject_its_figures():
    text = (
        "Leapmotor reported its results. Leapmotor raised its target. Leapmotor shares rose.\n\n"
        "Signed a strategic cooperation agreement with China FAW.\n\nThe regulator approved a share issue."
        "\n\nDetails of the call\n\nBusiness progress\n\nOverall performance:\n\n"
        "- Total deliveries in the first half of 2025 were 221,664 units."
    )
    got = facts(text, date(2025, 8, 20))
    assert ("leapmotor", "deliveries", "2025-H1", 221_664.0) in got


def test_zeekrs_results_from_2025_are_zeekr_groups_but_the_brands_own_stay_its():
    got = facts(
        "極氪科技公布業績。極氪2025年第三季度營收為315.62億元,較上年同期增長9.1%。"
        "極氪品牌實現收入119.93億元。",
        date(2025, 11, 20),
    )
    assert ("zeekr-group", "revenue", "2025-Q3", 31_562_000_000.0) in got
    assert ("zeekr-group", "revenue_yoy", "2025-Q3", 9.1) in got
    assert ("zeekr", "revenue", "2025-Q3", 11_993_000_000.0) in got
    got = facts("Zeekr's revenue was RMB18.4 billion in the third quarter of 2024.", date(2024, 11, 20))
    assert ("zeekr", "revenue", "2024-Q3", 18_400_000_000.0) in got
    # deliveries stay the brand's
    got = facts("Zeekr delivered 52,860 vehicles in the third quarter of 2025.", date(2025, 11, 20))
    assert ("zeekr", "deliveries", "2025-Q3", 52_860.0) in got


def test_a_model_after_such_as_is_no_owner_and_takes_its_price():
    got = facts(
        "The Mona series is Xpeng's mass-market brand that carries models such as the M03 sedan "
        "for as little as 119,800 yuan.",
        date(2025, 11, 3),
    )
    assert ("xpeng-mona-m03", "vehicle_price", "2025-11-03", 119_800.0) in got


def test_this_brand_is_the_brand_named_last_not_its_maker():
    got = facts(
        "問界品牌已成為賽力斯業績的核心支柱。數據顯示,2022年至2024年,該品牌年銷量從7.8萬輛躍升至38.9萬輛。",
        date(2025, 8, 1),
    )
    assert ("aito", "sales", "2024", 389_000.0) in got
    assert not any(e == "seres" for e, *_ in got)


def test_a_sum_of_a_groups_brands_named_after_it_is_the_groups():
    got = facts("於4月,極氪集團旗下極氪及領克品牌交付合共4.13萬輛汽車,按月增加1.5%。", date(2025, 5, 16))
    assert ("zeekr-group", "deliveries", "2025-04", 41_300.0) in got
    assert ("zeekr-group", "deliveries_mom", "2025-04", 1.5) in got
    # with no group before it, a sum over several makers is no one's
    assert not facts("比亚迪和吉利4月合共销量60万辆。", date(2025, 5, 16))


def test_a_group_not_named_whose_brands_are_is_the_subject_of_a_lede_naming_no_one():
    text = (
        "核心财务表现 - 2025年上半年营业收入421.66亿元,同比下降7.95%。"
        "销量表现 - 广汽本田销量同比下降25.63%,广汽传祺下降22.55%,广汽埃安下降13.97%。"
    )
    got = facts(text, date(2025, 9, 1))
    assert ("gac", "revenue", "2025-H1", 42_166_000_000.0) in got


def test_a_brand_that_files_its_own_results_has_them():
    """Voyah filed its own results for its listing: they are its, not its parent Dongfeng's
    (Aito's are Seres's)."""
    got = facts("2024年,岚图汽车实现营收193.61亿元。", date(2025, 8, 25))
    assert got == {("voyah", "revenue", "2024", 19.361e9)}


def test_a_brokers_team_signing_a_note_is_no_unknown_maker():
    text = (
        "赛力斯丨2025Q3:业绩稳健向上【民生汽车崔琰团队】\n2025年前三季度营业总收入达1105.3亿元,同比增长3.7%。"
    )
    assert ("seres", "revenue", "2025-01..2025-09", 110530000000.0) in facts(text, date(2025, 11, 3))
    # a maker the gazetteer does not know still takes the figure after it from the one before
    got = facts("赛力斯第三季度收入481亿元。哪吒汽车第三季度收入为10亿元。", date(2025, 11, 3))
    assert ("seres", "revenue", "2025-Q3", 1000000000.0) not in got


def test_a_unit_named_before_its_holder_and_qixia_is_the_subject():
    got = readings(
        "在剛剛過去的5月份,理想L6已經成為理想旗下銷量最高的車型,銷量達到了12965輛。", date(2024, 6, 12)
    )
    assert got == {("li-auto-l6", "sales", "2024-05", 12965.0)}


def test_a_maker_named_as_where_a_challenge_comes_from_is_no_subject_after_it():
    text = "特斯拉近几季电动车销售表现疲弱,尤其是在中国市场面临比亚迪 (BYD) 的挑战。\n\n第四季营收年减 3%,由去年同期的 257 亿美元降至 249 亿美元。"
    got = readings(text, date(2026, 1, 29))
    assert ("tesla", "revenue", "2025-Q4", 24.9e9) in got
    assert not any(g[0] == "byd" for g in got)


def test_the_car_market_in_a_paragraph_citing_the_cpca_is_the_passenger_car_market():
    text = (
        "根據中國汽車流通協會乘用車市場信息聯席分會（CPCA）8日公布的數據，大陸汽車年銷量在11月份連續第二個月下滑。"
        "大陸汽車市場11月銷量為224萬輛。"
    )
    assert ("china-passenger-cars", "sales", "2025-11", 2240000.0) in facts(text, date(2025, 12, 9))
    # without the CPCA, the whole car market is no entity the gazetteer holds
    assert not facts("大陸汽車市場11月銷量為224萬輛。", date(2025, 12, 9))


def test_a_figure_in_brackets_right_after_a_maker_passed_is_that_makers():
    text = (
        "造车新势力4月交付量榜单揭晓。零跑交付41039辆,超过小鹏 (35045 辆)、理想 (33939 辆),连续两个月登顶。"
    )
    got = facts(text, date(2025, 5, 2))
    assert ("xpeng", "deliveries", "2025-04", 35045.0) in got
    assert ("li-auto", "deliveries", "2025-04", 33939.0) in got
    assert ("leapmotor", "deliveries", "2025-04", 41039.0) in got


def test_the_loss_of_a_groups_ev_business_is_a_segment_no_fact_of_the_group():
    text = "集团去年经调整净利润272亿元,其中包括智能电动汽车等创新业务经调整净亏损62亿元。"
    got = readings("小米" + text, date(2025, 3, 19))
    assert ("xiaomi", "net_profit", "2024", 27_200_000_000.0) in got
    assert not any(r[3] == -6_200_000_000.0 for r in got)
    text = "Xiaomi's EV division recorded a net loss of 6.2 billion yuan in 2024."
    assert not facts(text, date(2025, 5, 28))


def test_an_ambiguous_name_in_the_headline_counts_for_the_articles_subject():
    text = (
        "---\ntitle: 第三季度损失超11亿元!MEGA召回事件,冲击“理想”\n---\n"
        "第三季度损失超11亿元!MEGA召回事件,冲击“理想”\n\n"
        "财务表现 - 第三季度净亏损6.24亿元。毛利率为16.3%。经营利润率为-4.3%。自由现金流为负。\n\n"
        "运营指标 - 2025年第三季度汽车交付量为9.3211万辆,同比下降39.0%。\n\n"
        "对比之下,蔚来、小鹏汽车2025年第三季度交付量分别为8.7万辆、11.60万辆。蔚来和小鹏汽车都在增长。"
        "公司推出理想i8和理想i6。"
    )
    got = readings(text, date(2025, 11, 28))
    assert ("li-auto", "deliveries", "2025-Q3", 93211.0) in got


def test_a_latin_name_glued_to_a_year_and_its_nian_is_still_named():
    got = facts("理想ONE2021年全年总计交付90491台,同比增长177.4%。", date(2022, 1, 2))
    assert ("li-auto-one", "deliveries", "2021", 90491.0) in got
    # a letter glued to other digits still makes another word
    assert not any(f[0] == "li-auto-one" for f in facts("理想ONE2交付90491台。", date(2022, 1, 2)))


def test_models_given_as_examples_in_the_sentence_before_leave_their_maker():
    text = (
        "理想汽车第一季度交付9.29万辆。早期以 ONE、L9 等高端车型打开市场的策略,正被更多中端车型所稀释。"
        "虽然 15.5% 的交付量增长勉强撑住了营收基本盘。"
    )
    got = readings(text, date(2025, 5, 30))
    assert ("li-auto", "deliveries_yoy", "2025-Q1", 15.5) in got
    assert not any(r[0] == "li-auto-l9" for r in got)


def test_a_share_of_something_is_no_makers_name():
    text = (
        "小鹏汽车公布中期业绩。期间汽车毛利率(即汽车销售毛利润或亏损占汽车销售收入的百分比)为6.0%。"
        "截至2024年6月30日止六个月净亏损为人民币26.5亿元,相较而言,上年同期为人民币51.4亿元。"
    )
    got = facts(text, date(2024, 8, 20))
    assert ("xpeng", "net_profit", "2024-H1", -2.65e9) in got
    assert ("xpeng", "net_profit", "2023-H1", -5.14e9) in got


def test_a_count_followed_by_a_brand_and_its_cars_is_that_brands():
    got = readings(
        "Nio delivered 36,275 vehicles in November. That total included 18,393 premium Nio EVs, "
        "11,794 ONVO family models, and 6,088 FIREFLY high-end compact EVs.",
        date(2025, 12, 2),
    )
    assert ("onvo", "deliveries", "2025-11", 11794.0) in got
    assert ("firefly", "deliveries", "2025-11", 6088.0) in got
    assert not any(value in (11794.0, 6088.0) for entity, _, _, value in got if entity == "nio")


def test_a_sum_after_a_maker_passed_and_its_metric_is_that_makers_own():
    got = readings(
        "比亚迪上半年营收人民币3713亿元，年增23%，首次超过特斯拉上半年营收418亿美元。", date(2025, 8, 30)
    )
    assert ("tesla", "revenue", "2025-H1", 41800000000.0) in got
    got = readings(
        "比亚迪营收7771亿元,超越特斯拉2024年全年976.90亿美元(约合人民币7022.35亿元)的营收表现。",
        date(2025, 3, 25),
    )
    assert ("tesla", "revenue", "2024", 97690000000.0) in got
    # (a sum right after a maker passed, with no metric word of its own, is by how much)
    assert not any(
        e == "tesla"
        for e, *_ in readings("比亚迪2024年营收7771亿元,超越特斯拉约800亿元。", date(2025, 3, 25))
    )


def test_the_group_a_subsidiary_contributes_to_is_passed_over():
    got = readings(
        "Among subsidiaries, SAIC-GM-Wuling still served as the biggest contributor to SAIC Motor's "
        "overall auto sales in November, with 160,000 vehicles sold (-5.88% YoY).",
        date(2023, 12, 10),
    )
    assert ("wuling", "sales", "2023-11", 160000.0) in got
    assert not any(e == "saic" for e, *_ in got)


def test_tesla_s_shanghai_plant_named_giga_shanghai_is_tesla():
    got = readings(
        "該工廠去年底推出了 Tesla 全球第 900 萬輛電動汽車，該車型為 Tesla Model Y。"
        "根據 CNEVPost 的數據，Giga 上海在 2025 年共交付了 851,732 輛汽車，年同比下降了 7.08%。",
        date(2026, 1, 8),
    )
    assert ("tesla", "deliveries", "2025", 851732.0) in got
    assert not any(e == "tesla-model-y" for e, *_ in got)


def test_a_research_desk_named_dolphin_is_no_byd_dolphin():
    text = (
        "Geely: Can it successfully break through by 'directly challenging' BYD?\n\n"
        "$GEELY AUTO(00175.HK) released its Q3 2025 report on November 17, 2025. Here are the key points:\n"
        "1. Revenue side largely met expectations: Geely Automobile's total revenue for the quarter was "
        "89.2 billion yuan, up 26% year-on-year, largely in line with Dolphin Research's expectations.\n"
        "Breaking down by volume and price: The revenue per vehicle this quarter was 117,000 yuan. This "
        "quarter's vehicle sales reached 761,000 units, up 8% quarter-on-quarter.\n"
        "2. The gross margin for the quarter was only 16.6%. Dolphin Research believes this was mainly due to costs.\n"
    )
    got = readings(text, None)
    assert not any(e == "byd-dolphin" for e, *_ in got)
    assert ("geely", "sales", "2025-Q3", 761000.0) in got
